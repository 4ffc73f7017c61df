# hostile: main is a plain def, not async (prints hello and world straight away, returns None, so asyncio.run(main()) would fail) — grader should report "main must be defined with async def"
def main():
    print("hello")
    print("world")


if __name__ == "__main__":
    main()
