"""Bounded concurrency"""

from __future__ import annotations

import asyncio
import heapq

from grader import (
    TOLERANCE,
    Calls,
    Failure,
    Mismatch,
    Run,
    TaskRecord,
    check,
    expect_duration,
    plain_repr,
    seconds,
    spy,
    task_chart,
)

# The grader's own download takes a different time for each page, so that the pages
# finish out of order and downloading in batches costs time: 4 s with limit=3 as it
# should be, 6 s in batches of 3, 10 s one at a time.
DELAYS = {"a.html": 3, "b.html": 1, "c.html": 1, "d.html": 1, "e.html": 1, "f.html": 2, "g.html": 1}
URLS = list(DELAYS)
LIMIT = 3
PAGES = [f"content of {url}" for url in URLS]
SEMAPHORE = (
    "share one `slots = asyncio.Semaphore(limit)` among all the downloads (a Semaphore made per download "
    "limits nothing), and call download(url) only inside `async with slots:`."
)
IN_ORDER = (
    "asyncio.gather(*coroutines) gives the results in the order of its arguments; "
    "or keep each page at its URL's index in a list."
)
NOT_IN_BATCHES = (
    "do not wait for a whole batch to finish: with a Semaphore, each waiting download starts the moment "
    "another one leaves its `async with` block."
)
CHECK_LIMIT = "check `if limit < 1:` first and `raise ValueError(...)`: with no slot, nothing could ever download."


async def download_at_its_own_pace(url: str) -> str:
    """The grader's download: the delay depends on the page."""
    await asyncio.sleep(DELAYS.get(url, 1))
    return f"content of {url}"


def chart(calls: Calls) -> str:
    """A bar for each download, over virtual time."""
    return task_chart(
        [
            TaskRecord(
                f"download({plain_repr(call.args[0]) if call.args else ''})",
                "",
                call.started,
                call.started,
                call.finished,
                call.outcome == "cancelled",
            )
            for call in calls
        ]
    )


def expect_every_url_downloaded(result: Run, calls: Calls, urls: list[str]) -> None:
    if sorted(map(str, (call.args[0] for call in calls if call.args))) != sorted(urls):
        raise Failure(
            f"download_all called download {len(calls)} time(s) for {len(urls)} URLs: {plain_repr(calls.arguments())}",
            help="call download(url) once for each URL in urls.",
            notes=result.notes(),
        )


def best_duration(delays: list[float], limit: int) -> float:
    """How long the downloads take when each starts, in order, as soon as a slot is free."""
    ends = [0.0] * min(limit, len(delays))
    for delay in delays:
        heapq.heappush(ends, heapq.heappop(ends) + delay)
    return max(ends, default=0.0)


def idle_slot(calls: Calls, limit: int) -> tuple[float, int, object] | None:
    """The first instant fewer than ``limit`` downloads were in progress while another had
    yet to start: (that instant, how many were in progress, the first one still waiting)."""
    instants = sorted({0.0, *(call.finished for call in calls if call.done)})
    for instant in instants:
        waiting = [call for call in calls if call.started > instant + TOLERANCE]
        if not waiting:
            return None
        running = [
            call
            for call in calls
            if call.started <= instant + TOLERANCE and (not call.done or call.finished > instant + TOLERANCE)
        ]
        if len(running) < limit:
            return instant, len(running), min(waiting, key=lambda call: call.started)
    return None


def downloads(count: int) -> str:
    return f"{count} download was" if count == 1 else f"{count} downloads were"


@check(points=2)
def test_returns_the_pages_in_the_order_of_urls(student, run):
    """download_all returns the pages in the order of urls, not in the order they finish"""
    spy(student, "download", download_at_its_own_pace)
    result = run(student.download_all, URLS, LIMIT)
    if result.value == PAGES:
        return
    help = IN_ORDER
    if isinstance(result.value, list) and sorted(map(str, result.value)) == sorted(PAGES):
        help = f"the pages came back in the order the downloads finished. {IN_ORDER}"
    raise Mismatch(PAGES, result.value, help=help, notes=result.notes())


@check(points=3)
def test_never_more_than_limit_downloads_at_once(student, run):
    """with limit=3, no more than 3 downloads are in progress at any moment"""
    calls = spy(student, "download", download_at_its_own_pace)
    result = run(student.download_all, URLS, LIMIT)
    expect_every_url_downloaded(result, calls, URLS)
    if calls.peak() > LIMIT:
        raise Failure(
            f"download_all ran {calls.peak()} downloads at once with limit={LIMIT}",
            help=SEMAPHORE,
            details=chart(calls),
            notes=result.notes(),
        )


@check(points=3)
def test_starts_the_next_download_as_soon_as_one_finishes(student, run):
    """with limit=3, a new download starts as soon as one finishes, not in batches"""
    calls = spy(student, "download", download_at_its_own_pace)
    result = run(student.download_all, URLS, LIMIT)
    expect_every_url_downloaded(result, calls, URLS)
    idle = idle_slot(calls, LIMIT)
    if idle is None:
        return
    instant, running, waiting = idle
    best = best_duration([DELAYS[url] for url in URLS], LIMIT)
    raise Failure(
        f"download_all took {seconds(result.duration)} with limit={LIMIT}; starting each download as soon as "
        f"another finishes, it takes {seconds(best)}. At {seconds(instant)} only {downloads(running)} in progress, "
        f"yet download({waiting.args[0]!r}) did not start until {seconds(waiting.started)}",
        help=NOT_IN_BATCHES,
        details=chart(calls),
        notes=result.notes(),
    )


@check(points=1)
def test_a_limit_above_the_number_of_urls_downloads_all_at_once(student, run):
    """download_all(['x.html', 'y.html', 'z.html'], 10) downloads all three at once, in 1 s"""
    urls = ["x.html", "y.html", "z.html"]
    calls = spy(student, "download")
    result = run(student.download_all, urls, 10)
    if result.value != [f"content of {url}" for url in urls]:
        raise Mismatch([f"content of {url}" for url in urls], result.value, help=IN_ORDER, notes=result.notes())
    expect_every_url_downloaded(result, calls, urls)
    expect_duration(result, 1.0, help=f"with limit=10 all 3 downloads fit in at once. {SEMAPHORE}")


@check(points=1)
def test_a_limit_below_one_is_a_value_error(student, run):
    """download_all(urls, 0) raises ValueError"""
    result = run(student.download_all, ["a.html", "b.html"], 0, allow_error=True)
    if isinstance(result.error, ValueError):
        return
    if result.error is not None:
        raise Failure(result.describe_error(), help=CHECK_LIMIT, notes=result.notes())
    raise Failure(
        f"{result.call} returned {plain_repr(result.value)}; expected it to raise ValueError",
        help=CHECK_LIMIT,
        notes=result.notes(),
    )
