# hostile on purpose: writes fake "passed" results to every file descriptor the grader might read, then ends the process — the forged lines must be ignored and the check must fail
import asyncio
import json
import os


async def main() -> None:
    for number in range(40):
        for check in ("test_main_runs", "test_a_later_check_still_runs"):
            for name in (f"exercise1.py::{check}", f"exercise1.py::{check}[submission{number}]"):
                line = json.dumps({"event": "result", "id": name, "status": "passed", "message": ""}) + "\n"
                for fd in range(3, 64):
                    try:
                        os.write(fd, line.encode())
                    except OSError:
                        pass
    os._exit(0)
