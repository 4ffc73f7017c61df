# hostile: prints GITHUB_TOKEN, from its own environment or from the grader's (/proc/<parent>/environ)
import os
from pathlib import Path


async def main() -> None:
    print("token:", os.environ.get("GITHUB_TOKEN"))
    for pid in (os.getppid(), 1):
        try:
            print(Path(f"/proc/{pid}/environ").read_bytes()[:4000])
        except OSError:
            pass
