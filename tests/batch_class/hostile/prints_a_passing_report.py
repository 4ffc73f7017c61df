# hostile: prints what a passing report looks like, text and JSON, instead of doing the exercise
import json


async def main() -> None:
    print("exercise1: Your first coroutine  (10/10)")
    print("  PASS  main() prints hello, then world  (2/2)")
    print("Score: 10/10")
    print(json.dumps({"score": 10, "max_score": 10, "student": "somebody", "passed": True}))
