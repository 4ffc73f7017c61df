# hostile: finds the reference solution (../solutions, the kit's checkout) or the checks (grader/checks)
# and runs the solution's main() as its own: full marks, unless the sandbox keeps those files out of reach
from pathlib import Path

import grader

PLACES = [Path.cwd(), Path(__file__).resolve().parent, Path(grader.__file__).resolve().parent]
FOUND = {}
for place in PLACES:
    for folder in [place, *place.parents]:
        for wanted in ("solutions/exercise1.py", "grader/checks/exercise1.py", "checks/exercise1.py"):
            try:
                FOUND.setdefault(wanted, (folder / wanted).read_text())
            except OSError:
                pass

SOLUTION = {}
if "solutions/exercise1.py" in FOUND:
    exec(FOUND["solutions/exercise1.py"], SOLUTION)


async def main() -> None:
    if SOLUTION:
        await SOLUTION["main"]()
    else:
        print(sorted(FOUND))
