"""Realistic wrong answers to exercise7: each must fail these checks, saying these things."""

from grader.mistakes import WAIT_FOR_NOTHING

# file in tests/submissions/exercise7/ -> {check that must fail: texts its message must contain}
WRONG = {
    "wrong_semaphore_per_download.py": {
        "test_never_more_than_limit_downloads_at_once": [
            "download_all ran 7 downloads at once with limit=3",
            "download('a.html')  |##############################|  0.0 s -> 3.0 s (done)",
            "share one `slots = asyncio.Semaphore(limit)` among all the downloads",
        ]
    },
    "wrong_batches.py": {
        "test_starts_the_next_download_as_soon_as_one_finishes": [
            "download_all took 6.0 s with limit=3; starting each download as soon as another finishes, it takes 4.0 s",
            "At 1.0 s only 1 download was in progress, yet download('d.html') did not start until 3.0 s",
            "download('g.html')  |                         #####|  5.0 s -> 6.0 s (done)",
            "do not wait for a whole batch to finish",
        ]
    },
    "wrong_no_limit.py": {
        "test_never_more_than_limit_downloads_at_once": ["download_all ran 7 downloads at once with limit=3"]
    },
    "wrong_one_at_a_time.py": {
        "test_starts_the_next_download_as_soon_as_one_finishes": [
            "download_all took 10.0 s with limit=3",
            "At 0.0 s only 1 download was in progress, yet download('b.html') did not start until 3.0 s",
        ],
        "test_a_limit_above_the_number_of_urls_downloads_all_at_once": [
            "download_all(['x.html', 'y.html', 'z.html'], 10) took 3.0 s of event-loop time, not 1.0 s"
        ],
    },
    "wrong_completion_order.py": {
        "test_returns_the_pages_in_the_order_of_urls": [
            "not ['content of b.html', 'content of c.html', 'content of d.html', 'content of e.html', "
            "'content of a.html', 'content of g.html', 'content of f.html']",
            "the pages came back in the order the downloads finished",
        ]
    },
    "wrong_no_value_error.py": {
        "test_a_limit_below_one_is_a_value_error": [
            "download_all(['a.html', 'b.html'], 0): the event loop got stuck at 0 s",
            "is waiting at exercise7.py line 17: async with slots:",
            "check `if limit < 1:` first",
        ]
    },
    "wrong_semaphore_around_await.py": {
        "test_never_more_than_limit_downloads_at_once": ["download_all ran 7 downloads at once with limit=3"]
    },
    "wrong_semaphore_of_wrong_size.py": {
        "test_never_more_than_limit_downloads_at_once": [
            "download_all ran 4 downloads at once with limit=3: its Semaphore lets 4 downloads in at once, not limit=3",
            "Hint: make the Semaphore from this call's limit: `asyncio.Semaphore(limit)`.",
        ],
    },
    "wrong_rejects_limit_one.py": {
        "test_a_limit_of_one_downloads_one_page_at_a_time": [
            "download_all(['a.html', 'f.html', 'b.html'], 1) raised ValueError: limit must be at least 1, not 1",
            "Hint: only a limit below 1 is an error: `if limit < 1:` lets limit=1 through",
        ],
    },
    "wrong_module_level_semaphore.py": {
        "test_a_limit_of_one_downloads_one_page_at_a_time": [
            "download_all ran 3 downloads at once with limit=1: it made no Semaphore of its own: the only one, "
            "`SLOTS`, was made at module level",
            "download('b.html')  |",
            "Hint: make the Semaphore inside download_all, from its `limit`",
        ],
        "test_a_second_call_keeps_to_its_own_limit": [
            "the second call, download_all(['e.html', 'f.html', 'g.html'], 1), ran 3 downloads at once with limit=1"
        ],
    },
    "wrong_semaphore_made_once.py": {
        "test_a_second_call_keeps_to_its_own_limit": [
            "the second call, download_all(['e.html', 'f.html', 'g.html'], 1), ran 3 downloads at once: it used the "
            "Semaphore `_slots` kept at module level, which the first call made with limit=3",
            "one made once, at module level, keeps the size it was made with",
        ],
    },
    "wrong_pages_kept_at_module_level.py": {
        "test_a_second_call_keeps_to_its_own_limit": [
            "the second call, download_all(['e.html', 'f.html', 'g.html'], 1), returned ['content of a.html', ",
            "the pages of the first call are still in it",
            "a list kept at module level (or as a default argument) still holds the pages of the call before",
        ],
    },
    "wrong_wait_on_no_urls.py": {
        "test_no_urls_return_an_empty_list_at_once": [
            "download_all([], 3) raised ValueError: Set of ",  # "Set of coroutines/Futures is empty." on 3.10
            "Futures is empty.",
            "await asyncio.wait(running)",
            f"Hint: {WAIT_FOR_NOTHING}",
        ],
    },
    "wrong_no_urls_before_limit.py": {
        "test_a_limit_below_one_is_a_value_error": [
            "download_all([], 0) returned []; expected it to raise ValueError",
            "Hint: check the limit before anything else, even when there are no URLs",
        ],
    },
    "wrong_only_zero_is_invalid.py": {
        "test_a_limit_below_one_is_a_value_error": [
            "download_all(['a.html', 'b.html'], -1) returned ['', '']; expected it to raise ValueError",
            "Hint: a negative limit is below 1 too: `if limit < 1:` catches 0 and every negative number.",
        ],
    },
    "wrong_pages_from_done_sets.py": {
        "test_returns_the_pages_in_the_order_of_urls": [
            "returned ['content of b.html', 'content of c.html', 'content of d.html', 'content of e.html', "
            "'content of a.html', 'content of f.html', 'content of g.html'] when a set of its tasks gave them in the "
            "order they were made, but returned ['content of c.html', 'content of b.html', ",
            "the result depends on the order of a set, which has none",
            "Hint: don't take an order from a set of tasks (such as the `done` set asyncio.wait() returns)",
        ],
    },
}
