# forgery: a returned value whose __repr__ calls pytest.skip, so a check that shows it skips instead
import pytest


class Sneaky:
    def __repr__(self):
        pytest.skip("no")

    __str__ = __repr__


async def main():
    return Sneaky()
