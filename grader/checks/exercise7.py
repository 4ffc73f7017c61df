"""Bounded concurrency

Boundaries of ``download_all(urls, limit)`` the checks cover, and why:

- ``limit`` below the number of URLs (3 for 7 URLs, with pages of different lengths so that
  batches cost time): at most ``limit`` at once, and no idle slot while a URL waits.
- ``limit=1``: one download at a time, back to back (a module-level ``Semaphore(3)``, or
  ``if limit <= 1: raise``, fails it).
- ``limit`` above the number of URLs (10 for 3): all at once.
- ``limit`` 0 and -1, and 0 with no URLs: ``ValueError`` (a check of ``== 0`` only, or an early
  ``return []`` for no URLs, fails it).
- no URLs with a valid limit: ``[]`` at once (``asyncio.wait`` on an empty set fails it).
- two calls in one program, limit 3 then 1: the second keeps to its own limit and returns only
  its own pages (a Semaphore or a list kept at module level fails it).
- the result's order never rests on a set's order: the order check runs the call with sets of
  tasks going through them in creation order and in reverse, and fails a result that changes.

Left out: ``limit`` equal to the number of URLs (nothing happens there that limit 10 does not
show); duplicate URLs (the docstring says nothing of them); a ``download`` that fails (the
docstring promises nothing for it: exercise 9 is about failures); two calls at the same time
(sharing a module-level Semaphore among concurrent calls is caught already by two calls in turn).
"""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Callable
from typing import Any

from grader import (
    TOLERANCE,
    Call,
    Failure,
    Mismatch,
    Record,
    Run,
    check,
    expect_duration,
    expect_no_error,
    plain_repr,
    run_in_each_order,
    seconds,
    spy,
)

# The grader's own download takes a different time for each page, so that the pages
# finish out of order and downloading in batches costs time: 4 s with limit=3 as it
# should be, 6 s in batches of 3, 10 s one at a time.
DELAYS = {"a.html": 3, "b.html": 1, "c.html": 1, "d.html": 1, "e.html": 1, "f.html": 2, "g.html": 1}
URLS = list(DELAYS)
LIMIT = 3
PAGES = [f"content of {url}" for url in URLS]
ONE_AT_A_TIME_URLS = ["a.html", "f.html", "b.html"]  # 3 s + 2 s + 1 s back to back: 6 s
FIRST_CALL = (["a.html", "b.html", "c.html", "d.html"], 3)
SECOND_CALL = (["e.html", "f.html", "g.html"], 1)

SEMAPHORE = (
    "share one `slots = asyncio.Semaphore(limit)` among all the downloads (a Semaphore made per download "
    "limits nothing), and call download(url) only inside `async with slots:`."
)
NOTHING_HELD_BACK = (
    "share one `slots = asyncio.Semaphore(limit)` among all the downloads, and call download(url) only inside "
    "`async with slots:`."
)
TOO_MANY_LET_IN = (
    "whatever limits the downloads (a Semaphore, a number of worker tasks) must let exactly `limit` of them run "
    "at once."
)
WRONG_SIZE = "make the Semaphore from this call's limit: `asyncio.Semaphore(limit)`."
MODULE_LEVEL = (
    "make the Semaphore inside download_all, from its `limit`: one made once, at module level, keeps the size "
    "it was made with, whatever limit a later call gets."
)
OUTSIDE = (
    "call download(url) inside `async with slots:` and await it there: a download started outside the block "
    "(as a task made beforehand, say) runs whatever the Semaphore says."
)
IN_ORDER = (
    "asyncio.gather(*coroutines) gives the results in the order of its arguments; "
    "or keep each page at its URL's index in a list."
)
NOT_IN_BATCHES = (
    "do not wait for a whole batch to finish: with a Semaphore, each waiting download starts the moment "
    "another one leaves its `async with` block."
)
ONE_AT_A_TIME = (
    "start every download at once (as tasks, or with gather) and let one shared `asyncio.Semaphore(limit)` "
    "hold back all but `limit` of them."
)
NO_GAP = (
    "start a waiting download the moment another one finishes: with one shared `asyncio.Semaphore(limit)`, "
    "each waiting download enters as soon as another leaves its `async with` block."
)
CHECK_LIMIT = "check `if limit < 1:` first and `raise ValueError(...)`: with no slot, nothing could ever download."
NEGATIVE = "a negative limit is below 1 too: `if limit < 1:` catches 0 and every negative number."
LIMIT_BEFORE_ANYTHING = (
    "check the limit before anything else, even when there are no URLs: a limit below 1 is an error whatever the list."
)
ONE_IS_ALLOWED = (
    "only a limit below 1 is an error: `if limit < 1:` lets limit=1 through, and with it the downloads run one at "
    "a time."
)
ALL_FIT = "with limit=10 all 3 downloads fit in at once: nothing should hold any of them back."
NO_URLS = "with no URLs there is nothing to download: return []."
NO_URLS_AT_ONCE = "with no URLs nothing should wait: return [] at once."
KEPT_PAGES = (
    "make the list of pages inside download_all: a list kept at module level (or as a default argument) still "
    "holds the pages of the call before."
)
DOWNLOAD_EACH = "call download(url) once for each URL in urls."


async def download_at_its_own_pace(url: str) -> str:
    """The grader's download: the delay depends on the page."""
    await asyncio.sleep(DELAYS.get(url, 1))
    return f"content of {url}"


def pages(urls: list[str]) -> list[str]:
    return [f"content of {url}" for url in urls]


def label(urls: list[str], limit: int) -> str:
    shown = plain_repr(urls)
    return f"download_all({shown if len(shown) <= 40 else shown[:37] + '...'}, {limit})"


def counting(cls: type, made: Record) -> type:
    """A subclass of ``cls`` (a Semaphore class) that notes the size of each one made."""

    class Counted(cls):  # type: ignore[misc, valid-type]
        def __init__(self, value: int = 1, *args: Any, **kwargs: Any) -> None:
            made.append(value if type(value) is int else plain_repr(value))
            super().__init__(value, *args, **kwargs)

    Counted.__name__ = Counted.__qualname__ = cls.__name__
    return Counted


def watching_semaphores(student: Any, made: Record, kept: Record) -> Callable[..., Any]:
    """The student's download_all, noting in the sandbox the size of each asyncio.Semaphore made
    while it runs (``made``) and the names of the module-level ones (``kept``)."""

    async def watched(*args: Any) -> Any:
        function = student.download_all  # in the sandbox: the student's own function
        names = getattr(function, "__globals__", {})
        classes = (asyncio.Semaphore, asyncio.BoundedSemaphore)
        places = [(asyncio, name) for name in ("Semaphore", "BoundedSemaphore")]
        places += [(names, name) for name, value in list(names.items()) if any(value is cls for cls in classes)]
        saved = [(place, name, _get(place, name)) for place, name in places]
        for place, name, cls in saved:
            _set(place, name, counting(cls, made))
        try:
            return await function(*args)
        finally:
            for place, name, cls in saved:
                _set(place, name, cls)
            kept[:] = [name for name, value in names.items() if isinstance(value, asyncio.Semaphore)]

    return watched


def _get(place: Any, name: str) -> Any:
    return place[name] if isinstance(place, dict) else getattr(place, name)


def _set(place: Any, name: str, value: Any) -> None:
    if isinstance(place, dict):
        place[name] = value
    else:
        setattr(place, name, value)


def run_watched(run, student, urls: list[str], limit: int) -> tuple[Run, Record, Record]:
    made, kept = Record(), Record()  # filled in the sandbox, copied back after the run
    result = run(watching_semaphores(student, made, kept), urls, limit, label=label(urls, limit))
    return result, made, kept


def why_too_many(peak: int, urls: list[str], limit: int, made: list, kept: list) -> tuple[str, str]:
    """Why more than ``limit`` downloads ran at once, as far as the Semaphores made show, and a hint."""
    if len(made) >= len(urls) > 1:
        return f": it made {len(made)} Semaphores, a new one for each download, so none held back the others", SEMAPHORE
    if len(made) > 1:
        return f": it made {len(made)} Semaphores, and each held back only the downloads that waited on it", SEMAPHORE
    if made and made[0] != limit:
        return f": its Semaphore lets {made[0]} downloads in at once, not limit={limit}", WRONG_SIZE
    if made:
        return f": it made one Semaphore({limit}), but the downloads did not wait for a slot in it", OUTSIDE
    if kept:
        return (
            f": it made no Semaphore of its own: the only one, `{kept[0]}`, was made at module level",
            MODULE_LEVEL,
        )
    if peak >= len(urls):
        return ": nothing held them back", NOTHING_HELD_BACK
    return "", TOO_MANY_LET_IN


def expect_every_url_downloaded(result: Run, calls: list[Call], urls: list[str]) -> None:
    if sorted(map(str, (call.args[0] for call in calls if call.args))) != sorted(urls):
        raise Failure(
            f"download_all called download {len(calls)} time(s) for {len(urls)} URLs: "
            f"{plain_repr([call.args for call in calls])}",
            help=DOWNLOAD_EACH,
            notes=result.notes(),
        )


def peak(calls: list[Call]) -> int:
    """The most downloads in progress at one instant (one ending as another starts is no overlap)."""
    return max((len(in_progress(calls, call.started)) for call in calls), default=0)


def expect_at_most(
    result: Run, calls: list[Call], chart: str, urls: list[str], limit: int, seen: tuple, what: str
) -> None:
    """At most ``limit`` of ``calls`` at once; ``seen`` is (Semaphores made, module-level ones)."""
    most = peak(calls)
    if most > limit:
        why, hint = why_too_many(most, urls, limit, *seen)
        raise Failure(
            f"{what} ran {most} downloads at once with limit={limit}{why}",
            help=hint,
            details=chart,
            notes=result.notes(),
        )


def best_duration(delays: list[float], limit: int) -> float:
    """How long the downloads take when each starts, in order, as soon as a slot is free."""
    ends = [0.0] * min(limit, len(delays))
    for delay in delays:
        heapq.heappush(ends, heapq.heappop(ends) + delay)
    return max(ends, default=0.0)


def in_progress(calls: list[Call], instant: float) -> list[Call]:
    return [
        call
        for call in calls
        if call.started <= instant + TOLERANCE and (not call.done or call.finished > instant + TOLERANCE)
    ]


def idle_slot(calls: list[Call], limit: int) -> tuple[float, list[Call], Call] | None:
    """The first instant fewer than ``limit`` downloads were in progress while another had
    yet to start: (that instant, the downloads in progress, the first one still waiting)."""
    start = min((call.started for call in calls), default=0.0)
    instants = sorted({start, *(call.finished for call in calls if call.done)})
    for instant in instants:
        waiting = [call for call in calls if call.started > instant + TOLERANCE]
        if not waiting:
            return None
        running = in_progress(calls, instant)
        if len(running) < limit:
            return instant, running, min(waiting, key=lambda call: call.started)
    return None


def downloads(count: int) -> str:
    return f"{count} download was" if count == 1 else f"{count} downloads were"


def why_idle(calls: list[Call], running: list[Call], waiting: Call) -> str:
    """A hint fitting what the chart shows: one at a time, whole batches, or a gap."""
    if peak(calls) == 1:
        return ONE_AT_A_TIME
    if running and all(call.done and call.finished <= waiting.started + TOLERANCE for call in running):
        return NOT_IN_BATCHES
    return NO_GAP


def expect_no_idle_slot(result: Run, calls: list[Call], chart: str, urls: list[str], limit: int, what: str) -> None:
    idle = idle_slot(calls, limit)
    if idle is None:
        return
    instant, running, waiting = idle
    best = best_duration([DELAYS.get(url, 1) for url in urls], limit)
    took = max((call.finished for call in calls if call.done), default=0.0) - min(call.started for call in calls)
    raise Failure(
        f"{what} took {seconds(took)} with limit={limit}; starting each download as soon as "
        f"another finishes, it takes {seconds(best)}. At {seconds(instant)} only {downloads(len(running))} in "
        f"progress, yet download({waiting.args[0]!r}) did not start until {seconds(waiting.started)}",
        help=why_idle(calls, running, waiting),
        details=chart,
        notes=result.notes(),
    )


def finish_order(calls: list[Call]) -> dict[str, float]:
    """When each URL's download finished (its first download, if the call ran more than once)."""
    finished: dict[str, float] = {}
    for call in calls:
        if call.args and call.done:
            finished.setdefault(str(call.args[0]), call.finished)
    return finished


@check(points=1)
def test_returns_the_pages_in_the_order_of_urls(student, run):
    """download_all returns the pages in the order of urls, not in the order they finish"""
    calls = spy(student, "download", download_at_its_own_pace)
    result = run_in_each_order(run, student.download_all, URLS, LIMIT)
    if result.value == PAGES:
        return
    help = IN_ORDER
    if isinstance(result.value, list) and sorted(map(str, result.value)) == sorted(PAGES):
        finished = finish_order(list(calls))
        times = [finished.get(str(page).removeprefix("content of "), 0.0) for page in result.value]
        if all(a <= b + TOLERANCE for a, b in zip(times, times[1:], strict=False)):
            help = f"the pages came back in the order the downloads finished. {IN_ORDER}"
    raise Mismatch(PAGES, result.value, help=help, notes=result.notes())


@check(points=2)
def test_never_more_than_limit_downloads_at_once(student, run):
    """with limit=3, no more than 3 downloads are in progress at any moment"""
    calls = spy(student, "download", download_at_its_own_pace)
    result, made, kept = run_watched(run, student, URLS, LIMIT)
    expect_every_url_downloaded(result, calls, URLS)
    expect_at_most(result, calls, calls.chart(), URLS, LIMIT, (made, kept), "download_all")


@check(points=2)
def test_starts_the_next_download_as_soon_as_one_finishes(student, run):
    """with limit=3, a new download starts as soon as one finishes, not in batches"""
    calls = spy(student, "download", download_at_its_own_pace)
    result = run(student.download_all, URLS, LIMIT)
    expect_every_url_downloaded(result, calls, URLS)
    expect_no_idle_slot(result, calls, calls.chart(), URLS, LIMIT, "download_all")


@check(points=1)
def test_a_limit_above_the_number_of_urls_downloads_all_at_once(student, run):
    """download_all(['x.html', 'y.html', 'z.html'], 10) downloads all three at once, in 1 s"""
    urls = ["x.html", "y.html", "z.html"]
    calls = spy(student, "download")
    result = run(student.download_all, urls, 10)
    if result.value != pages(urls):
        raise Mismatch(pages(urls), result.value, help=IN_ORDER, notes=result.notes())
    expect_every_url_downloaded(result, calls, urls)
    expect_duration(result, 1.0, help=ALL_FIT)


@check(points=1)
def test_a_limit_of_one_downloads_one_page_at_a_time(student, run):
    """download_all(urls, 1) downloads one page at a time, each as soon as the one before ends"""
    calls = spy(student, "download", download_at_its_own_pace)
    made, kept = Record(), Record()
    watched = watching_semaphores(student, made, kept)
    result = run(watched, ONE_AT_A_TIME_URLS, 1, allow_error=True, label=label(ONE_AT_A_TIME_URLS, 1))
    if result.error is not None:
        hint = ONE_IS_ALLOWED if isinstance(result.error, ValueError) else None
        raise Failure(result.describe_error(), help=hint, notes=result.notes())
    expect_every_url_downloaded(result, calls, ONE_AT_A_TIME_URLS)
    expect_at_most(result, calls, calls.chart(), ONE_AT_A_TIME_URLS, 1, (made, kept), "download_all")
    expect_no_idle_slot(result, calls, calls.chart(), ONE_AT_A_TIME_URLS, 1, "download_all")


@check(points=1)
def test_no_urls_return_an_empty_list_at_once(student, run):
    """download_all([], 3) returns [] at once"""
    result = run(student.download_all, [], 3, allow_error=True)
    expect_no_error(result)
    if result.value != [] or not isinstance(result.value, list):
        raise Mismatch([], result.value, help=NO_URLS, notes=result.notes())
    expect_duration(result, 0.0, help=NO_URLS_AT_ONCE)


def second_call_label() -> str:
    return f"{label(*FIRST_CALL)}, then {label(*SECOND_CALL)}"


@check(points=1)
def test_a_second_call_keeps_to_its_own_limit(student, run):
    """called twice in one program, with limit=3 and then limit=1, download_all keeps to each call's own limit"""
    calls = spy(student, "download", download_at_its_own_pace)
    made_first, made_second, kept = Record(), Record(), Record()
    first_call = watching_semaphores(student, made_first, Record())
    second_call = watching_semaphores(student, made_second, kept)

    async def twice():
        first = await first_call(*FIRST_CALL)
        return [first, await second_call(*SECOND_CALL)]

    result = run(twice, label=second_call_label())
    urls, limit = SECOND_CALL
    second = [call for call in calls if call.args and call.args[0] in urls]
    what = f"the second call, {label(urls, limit)},"
    expect_every_url_downloaded(result, second, urls)
    if peak(second) > limit and made_first and not made_second and kept:
        raise Failure(
            f"{what} ran {peak(second)} downloads at once: it used the Semaphore `{kept[0]}` kept at module "
            f"level, which the first call made with limit={made_first[0]}",
            help=MODULE_LEVEL,
            details=calls.chart(),
            notes=result.notes(),
        )
    expect_at_most(result, second, calls.chart(), urls, limit, (made_second, kept), what)
    expect_no_idle_slot(result, second, calls.chart(), urls, limit, what)
    expect_own_pages(result, what)


def expect_own_pages(result: Run, what: str) -> None:
    value = result.value[1] if isinstance(result.value, list) and len(result.value) == 2 else None
    want = pages(SECOND_CALL[0])
    if value == want:
        return
    earlier = pages(FIRST_CALL[0])
    if isinstance(value, list) and any(page in value for page in earlier):
        raise Failure(
            f"{what} returned {plain_repr(value)}: the pages of the first call are still in it",
            help=KEPT_PAGES,
            notes=result.notes(),
        )
    raise Failure(f"{what} returned {plain_repr(value)}; expected {plain_repr(want)}", notes=result.notes())


@check(points=1)
def test_a_limit_below_one_is_a_value_error(student, run):
    """download_all(urls, 0), download_all(urls, -1) and download_all([], 0) raise ValueError"""
    refused = []
    for urls, limit in ((["a.html", "b.html"], 0), (["a.html", "b.html"], -1), ([], 0)):
        result = run(student.download_all, urls, limit, allow_error=True)
        if isinstance(result.error, ValueError):
            refused.append(limit)
            continue
        hint = CHECK_LIMIT
        if isinstance(result.error, NotImplementedError):
            hint = None
        elif not urls and refused:
            hint = LIMIT_BEFORE_ANYTHING
        elif limit < 0 and 0 in refused:
            hint = NEGATIVE
        if result.error is not None:
            raise Failure(result.describe_error(), help=hint, notes=result.notes())
        raise Failure(
            f"{result.call} returned {plain_repr(result.value)}; expected it to raise ValueError",
            help=hint,
            notes=result.notes(),
        )
