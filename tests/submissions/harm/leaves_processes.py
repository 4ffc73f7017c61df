# harm: leave processes behind: a detached `sleep 120`, a double-forked grandchild holding every
# descriptor (the result pipe included), twenty lingering children
import os
import subprocess


async def main() -> None:
    subprocess.Popen(["sleep", "120"], start_new_session=True, stdin=subprocess.DEVNULL)
    for _ in range(20):
        if os.fork() == 0:
            os.execvp("sleep", ["sleep", "121"])
    if os.fork() == 0:
        if os.fork() == 0:
            os.setsid()
            os.execvp("sleep", ["sleep", "122"])
        os._exit(0)
    print("hello")
