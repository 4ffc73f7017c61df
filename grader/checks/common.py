"""What several exercises' checks share: ``say_after``, clock lines, a call made later and again,
not blocking the loop, and hints for errors that are the symptom of a known mistake."""

import asyncio
import dataclasses
import re

from grader import (
    TOLERANCE,
    Failure,
    Line,
    Record,
    expect_duration,
    expect_no_blocking,
    expect_no_error,
    expect_timeline,
    seconds,
    side_by_side,
)

CLOCK = re.compile(r"\b\d\d:\d\d:\d\d\b")
CLOCK_LINE = re.compile(r"^(started at|finished at)(?: (.*))?$", re.DOTALL)
SAY_AFTER_HELP = "`await asyncio.sleep(delay)` first, then `print(what)`."
START_OF_DAY = 9 * 3600  # the grader's clock starts at 09:00:00


def any_clock(text: str) -> str:
    """Blank out a HH:MM:SS reading, to compare lines whatever the time."""
    return CLOCK.sub("HH:MM:SS", text)


def at(seconds: float) -> str:
    """The wall-clock reading (``time.strftime('%X')``) the grader's clock shows ``seconds`` after the start."""
    minutes, second = divmod(START_OF_DAY + int(seconds + TOLERANCE), 60)
    hour, minute = divmod(minutes, 60)
    return f"{hour:02d}:{minute:02d}:{second:02d}"


def explained(run):
    """The ``run`` fixture, except that an error that is the symptom of a known mistake comes with
    its hint (``gather(list)``, ``asyncio.run`` inside main()...). A check module uses it as
    ``@pytest.fixture def run(run): return explained(run)``."""

    def run_(function, *args, allow_error=False, **kwargs):
        result = run(function, *args, allow_error=True, **kwargs)
        if not allow_error:
            expect_no_error(result)
        return result

    return run_


def expect_times(result, expected, time_help=None, text_help=None, context=""):
    """``expect_timeline``, with the hint that fits what differs: ``time_help`` when the lines are
    the expected ones and only their times differ, ``text_help`` when the lines themselves differ.
    ``context`` leads the rationale (the call, when it is not the plain one)."""
    try:
        expect_timeline(result, expected)
    except Failure as failure:
        same_lines = [line.text for line in result.lines] == [text for _, text in expected]
        raise Failure(
            f"{context}: {failure.rationale}" if context else failure.rationale,
            help=time_help if same_lines else text_help,
            details=failure.details,
            notes=failure.notes,
        ) from None


PRINTED_LATE = "{text!r} was printed at {actual}, expected at {expected}"
NEVER_PRINTED = "your program never printed {text!r}"


def expect_printed_at(result, wanted, timeline, time_help=None, text_help=None, context=""):
    """Each ``(time, text)`` of ``wanted`` was printed at that time (a text given twice: its first
    time, then its second): only when, not the order of the lines or the other lines, which are
    other checks' business. ``timeline`` is the whole expected timeline, shown beside the
    program's; ``context`` leads the rationale (the call, when it is not the plain one)."""
    shown = [Line(float(time), text) for time, text in timeline]
    seen: dict = {}
    for time, text in wanted:
        places = [index for index, line in enumerate(result.lines) if line.text == text]
        nth = seen[text] = seen.get(text, -1) + 1
        if nth >= len(places):
            rationale, hint, marked = NEVER_PRINTED.format(text=text), text_help, None
        elif abs(result.lines[places[nth]].time - time) > TOLERANCE:
            actual = seconds(result.lines[places[nth]].time)
            rationale = PRINTED_LATE.format(text=text, actual=actual, expected=seconds(time))
            hint, marked = time_help, places[nth]
        else:
            continue
        raise Failure(
            f"{context}: {rationale}" if context else rationale,
            help=hint,
            details=side_by_side(shown, result.lines, marked),
            notes=result.notes(),
        )


def check_say_after(student, run):
    result = run(student.say_after, 0.5, "ping")
    expect_timeline(result, [(0.5, "ping")], help=SAY_AFTER_HELP)
    expect_duration(result, 0.5, help=SAY_AFTER_HELP)


def printed_before_its_delay(result, calls) -> bool:
    """Some ``say_after(delay, what)`` call printed ``what`` before its delay was up: it prints first."""
    for call in calls:
        if len(call.args) < 2 or not isinstance(call.args[0], (int, float)) or call.args[0] <= 0:
            continue
        delay, what = call.args[:2]
        end = call.finished if call.finished is not None else float("inf")
        during = [line.time for line in result.lines if line.text == str(what) and call.started <= line.time <= end]
        if during and during[0] < call.started + delay - TOLERANCE:
            return True
    return False


def never_awaited(result, name: str) -> bool:
    """A coroutine of ``name`` was made but never awaited."""
    return f"{name}()" in [text.split(" ", 1)[0] for text in result.never_awaited]


# -- a call made later than 0 s, and a second call in the same process ---------------------------

LATER = 5.0  # virtual seconds a check waits before it calls the function
LATER_AND_AGAIN = "{name} (called at {later}, then again)"


def later_and_again(function):
    """A check-side coroutine function: wait ``LATER`` s, then await ``function()`` twice, one call
    after the other, in the same process (so module-level state and import-time readings show)."""

    async def later_then_again():
        await asyncio.sleep(LATER)
        await function()
        await function()

    return later_then_again


def later_and_again_label(name: str) -> str:
    return LATER_AND_AGAIN.format(name=name, later=seconds(LATER))


WAITS_FROM_THE_CALL = (
    "{call} kept time when it was called at 0 s, but not when called at {later} or a second time: wait "
    "durations from the moment it is called (`await asyncio.sleep(delay)`), not until instants worked out in "
    "advance (at import, or fixed loop times such as `loop.call_at(1, ...)`)."
)


def expect_same_later_and_again(run, main, wanted, timeline, normalize=None):
    """Call ``main()`` at ``LATER`` s, then again once it has returned, in one process: each line of
    ``wanted`` (as printed by a call made at 0 s; ``timeline``: all its lines, to show, the last
    printed as it returns) comes at that time after each call's start. Meant after a check that
    the call at 0 s was right: so a failure here shows that main() depends on when, or how often,
    it runs."""
    took = max(time for time, _ in timeline)
    label = later_and_again_label("main()")
    result = run(later_and_again(main), label=label)
    if normalize is not None:
        result = normalize(result)
    starts = (LATER, LATER + took)
    wanted_later = [(start + time, text) for start in starts for time, text in wanted]
    timeline_later = [(start + time, text) for start in starts for time, text in timeline]
    hint = WAITS_FROM_THE_CALL.format(call="main()", later=seconds(LATER))
    expect_printed_at(result, wanted_later, timeline_later, time_help=hint, context=label)


# -- clock lines: `started at HH:MM:SS` and `finished at HH:MM:SS` --------------------------------

NO_CLOCK_LINES = "{call} printed no `started at …` or `finished at …` line, so there was no clock reading to check"
WRONG_READING = "{text!r} was printed at {time}, when the clock read {reading}"
PRINT_CLOCK_LINES = "print `started at` with time.strftime('%X') first and `finished at` last."
CLOCK_FORMAT = "read the clock with time.strftime('%X'), which shows it as HH:MM:SS."
READ_ONCE = (
    "`finished at` shows the same reading as `started at`: the clock was read once and the reading used "
    "again. Call time.strftime('%X') right when you print each line (a variable set at import, or a default "
    "argument, keeps the reading from when it was set)."
)
READ_AT_IMPORT = (
    "main() was called at {later}, yet {line!r} shows {reading}, the clock when your file was imported: read "
    "the clock inside main(), as you print the line, not once at import (in a module-level variable or a "
    "default argument)."
)


def blank_clocks(result):
    """``result`` with whatever follows `started at` / `finished at` blanked: to compare the lines'
    times and order without their clock readings (another check's business)."""
    return dataclasses.replace(result, lines=[Line(line.time, _blanked(line.text)) for line in result.lines])


def _blanked(text: str) -> str:
    match = CLOCK_LINE.match(text)
    return f"{match.group(1)} HH:MM:SS" if match else text


def is_clock_line(text: str) -> bool:
    return CLOCK_LINE.match(text) is not None


def check_clock_lines(student, run):
    """Each `started at` / `finished at` line shows the clock at the instant it is printed: when
    main() is called at 0 s, and when it is called later, then again in the same process."""
    expect_true_readings(run(student.main), later=False)
    label = later_and_again_label("main()")
    expect_true_readings(run(later_and_again(student.main), label=label), later=True)


def expect_true_readings(result, later: bool):
    clocked = [index for index, line in enumerate(result.lines) if is_clock_line(line.text)]
    if not clocked:
        raise Failure(NO_CLOCK_LINES.format(call=result.call), help=PRINT_CLOCK_LINES, notes=result.notes())
    expected = [Line(line.time, _true_reading(line)) for line in result.lines]
    wrong = next((index for index in clocked if result.lines[index].text != expected[index].text), None)
    if wrong is None:
        return
    line = result.lines[wrong]
    rationale = WRONG_READING.format(text=line.text, time=seconds(line.time), reading=at(line.time))
    raise Failure(
        f"{result.call}: {rationale}" if later else rationale,
        help=_why_wrong_reading(result.lines, wrong, later),
        details=side_by_side(expected, result.lines, wrong),
        notes=result.notes(),
    )


def _true_reading(line: Line) -> str:
    match = CLOCK_LINE.match(line.text)
    return f"{match.group(1)} {at(line.time)}" if match else line.text


def _why_wrong_reading(lines: list, index: int, later: bool):
    """A hint only on evidence: the reading isn't HH:MM:SS; it repeats the `started at` reading
    before it; or, called later, it shows the clock of the import."""
    prefix, reading = CLOCK_LINE.match(lines[index].text).groups()
    reading = (reading or "").strip()
    if not CLOCK.fullmatch(reading):
        return CLOCK_FORMAT
    if later and reading == at(0) and lines[index].time >= LATER:
        return READ_AT_IMPORT.format(later=seconds(LATER), line=prefix, reading=reading)
    before = [CLOCK_LINE.match(line.text) for line in lines[:index]]
    started = [match.group(2) for match in before if match and match.group(1) == "started at"]
    if prefix == "finished at" and started and (started[-1] or "").strip() == reading:
        return READ_ONCE
    return None


# -- not blocking the event loop ----------------------------------------------------------------

TICKS = [0.25, 0.5, 0.75]
NOTHING_TO_WAIT_FOR = "{call} returned at once, at 0.0 s: it never waited, so nothing could run while it waited"
AWAIT_TO_WAIT = "wait with `await asyncio.sleep(...)`, which lets the event loop run other tasks meanwhile."


def check_not_blocking(function, run, label):
    """Run ``function()`` beside a task that wakes every 0.25 s: it must wake on time.

    A function that returns at once waits for nothing: that proves nothing, and fails.
    """
    alone = run(function, label=label)  # on its own first, so that its own errors read plainly
    if alone.duration is not None and alone.duration <= TOLERANCE:
        raise Failure(NOTHING_TO_WAIT_FOR.format(call=label), help=AWAIT_TO_WAIT, notes=alone.notes())
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
