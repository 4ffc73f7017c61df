# harm: try to outlive the run: a .pth in site-packages (runs in every later interpreter), a forged
# .pyc in the grader's __pycache__, a poisoned pytest cache, an edited check module
import os
import site
import sys
from pathlib import Path

import grader

FORGED_CHECK = "from grader import check\n\n@check(points=10)\ndef test_free(student):\n    pass\n"


def attempt(action):
    try:
        action()
    except Exception:
        pass


async def main() -> None:
    places = [*site.getsitepackages(), *sys.path]
    for folder in places:
        attempt(lambda folder=folder: Path(folder, "zz_grader_persist.pth").write_text("import os\n"))
        attempt(lambda folder=folder: Path(folder, "sitecustomize.py").write_text("PERSISTED = True\n"))
    package = Path(grader.__file__).parent
    attempt(lambda: Path(package, "__pycache__", "zz_forged.cpython-311.pyc").write_bytes(b"forged"))
    attempt(lambda: Path(package, "checks", "exercise1.py").write_text(FORGED_CHECK))
    attempt(lambda: Path(package, "checks", "__pycache__", "zz_forged.pyc").write_bytes(b"forged"))
    attempt(lambda: Path(os.getcwd(), "..", ".pytest_cache").mkdir())
    raise NotImplementedError("write main()")
