"""``grade`` and ``python -m grader``: start on a fixed hash seed, then run the command line.

The workers are forked from this process, and a student's set printed in another order would
change the report: if hashing is randomized, start again at once, before importing anything.
"""

import os
import sys


def main() -> None:
    if sys.flags.hash_randomization:
        environment = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, *_this_program(), *sys.argv[1:]], environment)
    from .cli import run

    run()


def _this_program() -> list[str]:
    """Start again the way we were started: the installed ``grade`` script runs the installed,
    compiled grader; ``python -m grader`` the one its user chose (the current directory's)."""
    if __spec__ is not None and __spec__.name == "grader.__main__" and __name__ == "__main__":
        return ["-m", "grader"]
    return [sys.argv[0]]


if __name__ == "__main__":
    main()
