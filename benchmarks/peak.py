"""``python -I peak.py COMMAND...``: run COMMAND; print its wall and CPU time, peak memory and exit status.

Peak memory has to be read from a small parent. When a process execs, Linux carries the
memory high-water mark it had so far into its ``ru_maxrss``, and a child starts with its
parent's: a command started straight from the benchmark process (hundreds of MB after the
loop workload) would report at least that much. Standard library only, run isolated.
"""

import json
import os
import subprocess
import sys
import time


def main(command: list[str]) -> dict:
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    cpu = usage.ru_utime + usage.ru_stime  # the whole tree's, like the peak
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": usage.ru_maxrss / 1024, "status": child.returncode}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
