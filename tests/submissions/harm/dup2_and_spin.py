# harm: point every descriptor at /dev/null (the result pipe included), then never return
import os


async def main() -> None:
    null = os.open(os.devnull, os.O_RDWR)
    for fd in range(0, 256):
        if fd != null:
            try:
                os.dup2(null, fd)
            except OSError:
                pass
    while True:
        pass
