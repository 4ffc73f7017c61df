"""``grade`` and ``python -m grader``: start on a fixed hash seed, then run the command line.

The workers are forked from this process, and a student's set printed in another order would
change the report: if hashing is randomized, start again at once, before importing anything.
"""

import os
import sys


def main() -> None:
    if sys.flags.hash_randomization:
        environment = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, "-m", "grader", *sys.argv[1:]], environment)
    from .cli import run

    run()


if __name__ == "__main__":
    main()
