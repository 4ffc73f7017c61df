"""Your first coroutine"""

import asyncio

from grader import Failure, check, expect_duration, expect_no_blocking, expect_output, expect_timeline, seconds

SLEEP = "print hello, then `await asyncio.sleep(1)`, then print world."


@check(points=2)
def test_prints_hello_then_world(student, run):
    """main() prints hello, then world"""
    expect_output(run(student.main), ["hello", "world"], help="print exactly `hello` and then `world`, one print() each.")


@check(points=3)
def test_world_comes_one_second_after_hello(student, run):
    """world comes 1 s after hello"""
    expect_timeline(run(student.main), [(0, "hello"), (1, "world")], help=SLEEP)


@check(points=2)
def test_main_finishes_after_one_second(student, run):
    """main() finishes after 1 s"""
    expect_duration(run(student.main), 1.0, help=SLEEP)


@check(points=3)
def test_other_tasks_run_while_main_waits(student, run):
    """other tasks keep running while main() waits"""
    ticks = []

    async def main_beside_a_ticker():
        async def ticker():
            for _ in range(3):
                await asyncio.sleep(0.25)
                ticks.append(asyncio.get_running_loop().time())

        await asyncio.gather(student.main(), ticker())

    result = run(main_beside_a_ticker, label="main()")
    expect_no_blocking(result, help="a coroutine must wait with `await`, so that the event loop can run other tasks meanwhile.")
    if ticks != [0.25, 0.5, 0.75]:
        raise Failure(
            "while main() waited, another task could not run on time: it woke at "
            f"{', '.join(map(seconds, ticks))} instead of 0.25 s, 0.5 s, 0.75 s",
            help="wait with `await asyncio.sleep(1)`, which lets other tasks run meanwhile.",
            notes=result.notes(),
        )
