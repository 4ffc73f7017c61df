"""Realistic wrong answers to exercise7: each must fail these checks, saying these things."""

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
}
