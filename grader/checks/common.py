"""What several exercises' checks share: ``say_after``, clock lines, and not blocking the loop."""

import asyncio
import re

from grader import Failure, Record, expect_duration, expect_no_blocking, expect_timeline, seconds

CLOCK = re.compile(r"\b\d\d:\d\d:\d\d\b")
SAY_AFTER_HELP = "`await asyncio.sleep(delay)` first, then `print(what)`."


def any_clock(text: str) -> str:
    """Blank out a HH:MM:SS reading, to compare lines whatever the time."""
    return CLOCK.sub("HH:MM:SS", text)


def at(seconds: int) -> str:
    """The wall-clock reading the grader's clock shows ``seconds`` after the start."""
    return f"09:00:{seconds:02d}"


def check_say_after(student, run):
    result = run(student.say_after, 0.5, "ping")
    expect_timeline(result, [(0.5, "ping")], help=SAY_AFTER_HELP)
    expect_duration(result, 0.5, help=SAY_AFTER_HELP)


TICKS = [0.25, 0.5, 0.75]
AWAIT_TO_WAIT = "wait with `await asyncio.sleep(...)`, which lets the event loop run other tasks meanwhile."


def check_not_blocking(function, run, label):
    """Run ``function()`` beside a task that wakes every 0.25 s: it must wake on time."""
    run(function, label=label)  # on its own first, so that its own errors read plainly
    woke = Record()  # filled in the sandbox, copied back after the run

    async def beside_a_ticker():
        async def ticker():
            for _ in TICKS:
                await asyncio.sleep(0.25)
                woke.append(asyncio.get_running_loop().time())

        await asyncio.gather(function(), ticker())

    result = run(beside_a_ticker, label=label)
    expect_no_blocking(result, help=AWAIT_TO_WAIT)
    if woke != TICKS:
        raise Failure(
            f"while {label} waited, another task could not run on time: it woke at "
            f"{', '.join(map(seconds, woke))} instead of {', '.join(map(seconds, TICKS))}",
            help=AWAIT_TO_WAIT,
            notes=result.notes(),
        )
