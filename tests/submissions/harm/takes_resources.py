# harm: raise the memory limit back to the hard limit and take 3 GiB; fill /dev/shm and /tmp
import resource


async def main() -> None:
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    except (ValueError, OSError):
        pass
    for folder in ("/dev/shm", "/tmp"):
        try:
            with open(f"{folder}/grader-harm-{id(folder)}", "wb") as stream:
                stream.write(b"x" * (50 << 20))
        except OSError:
            pass
    hog = bytearray(3 << 30)
    print(len(hog))
