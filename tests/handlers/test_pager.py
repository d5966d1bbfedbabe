"""The kit's Pager: one page fetched with one row more, its label, and its previous/more buttons."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import UTC, datetime

import aiosqlite
import pytest

from handlers.kit.buttons import Button
from handlers.kit.context import Context, HandlerConfig
from handlers.kit.contract import Choice, Incoming
from handlers.kit.pager import Pager
from messages import load_messages

PAGER = Pager(5)


class Turn(Button, prefix="test:page"):
    """A page of the test's list."""

    offset: int


@pytest.fixture
async def ctx() -> AsyncIterator[Context]:
    async with aiosqlite.connect(":memory:") as conn:
        incoming = Incoming("telegram", "1", "e1", name="سلمى")
        yield Context(conn, incoming, None, [], load_messages("ar"), datetime(2025, 1, 1, tzinfo=UTC), HandlerConfig())


def listing(count: int) -> tuple[list[tuple[int, int]], Callable[[int, int], Awaitable[Sequence[int]]]]:
    """Return a list of numbered items and a fetch that records the (limit, offset) it was asked for."""
    asked: list[tuple[int, int]] = []

    async def rows(limit: int, offset: int) -> Sequence[int]:
        asked.append((limit, offset))
        return list(range(1, count + 1))[offset : offset + limit]

    return asked, rows


def drawn(ctx: Context, turns: list[Choice]) -> list[tuple[str, str]]:
    """Return the buttons as (catalogue key, data), checking each label is the key's words."""
    keys = {ctx.t("previous"): "previous", ctx.t("more"): "more"}
    return [(keys[c.label], c.id) for c in turns]


@pytest.mark.parametrize(
    ("count", "offset", "items", "label", "turns"),
    [
        (12, 0, [1, 2, 3, 4, 5], "تُعرض 1–5", [("more", "test:page:5")]),
        (12, 5, [6, 7, 8, 9, 10], "تُعرض 6–10", [("previous", "test:page:0"), ("more", "test:page:10")]),
        (12, 10, [11, 12], "تُعرض 11–12", [("previous", "test:page:5")]),
        (5, 0, [1, 2, 3, 4, 5], "تُعرض كلها", []),
        (1, 0, [1], "تُعرض كلها", []),
        (11, 10, [11], "تُعرض رقم 11", [("previous", "test:page:5")]),
        (12, 40, [12], "تُعرض رقم 12", [("previous", "test:page:6")]),  # past the end: the last item
        (12, -3, [1, 2, 3, 4, 5], "تُعرض 1–5", [("more", "test:page:5")]),
    ],
)
async def test_a_page_shows_its_items_label_and_turns(
    ctx: Context, count: int, offset: int, items: list[int], label: str, turns: list[tuple[str, str]]
) -> None:
    asked, rows = listing(count)
    page = await PAGER.fetch(rows, offset, count)
    assert list(page.items) == items
    assert page.shown(ctx) == label
    assert drawn(ctx, page.turns(ctx, lambda at: Turn(offset=at))) == turns
    assert asked == [(6, page.start)]  # one row more than a page, to know whether another follows


async def test_an_empty_list_has_no_items_and_no_turns(ctx: Context) -> None:
    _, rows = listing(0)
    page = await PAGER.fetch(rows, 0, 0)
    assert page.items == ()
    assert page.turns(ctx, lambda at: Turn(offset=at)) == []
    assert (page.start, page.more) == (0, False)


async def test_without_a_total_the_extra_row_tells_whether_more_follow(ctx: Context) -> None:
    _, rows = listing(10)
    full = await PAGER.fetch(rows, 5)
    assert (list(full.items), full.more) == ([6, 7, 8, 9, 10], False)
    _, rows = listing(11)
    assert (await PAGER.fetch(rows, 5)).more
