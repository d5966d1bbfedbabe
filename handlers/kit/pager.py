"""Paging through a list: fetch one page (and one item more), label it, draw previous/more buttons."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice
from handlers.kit.labels import shown_label

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items, where it starts, and whether another page follows."""

    items: tuple[T, ...]
    start: int
    size: int
    more: bool
    total: int = 0

    @property
    def first(self) -> int:
        """Return the number (from 1) of the page's first item."""
        return self.start + 1

    @property
    def last(self) -> int:
        """Return the number (from 1) of the page's last item."""
        return self.start + len(self.items)

    def shown(self, ctx: Context) -> str:
        """Return which items the page shows («تُعرض 11–20»)."""
        return shown_label(ctx, self.first, self.last, self.total)

    def turns(self, ctx: Context, button: Callable[[int], Button]) -> list[Choice]:
        """Return the previous and more buttons the page needs, each built by button(offset)."""
        turns: list[Choice] = []
        if self.start > 0:
            turns.append(button(max(0, self.start - self.size)).choice(ctx.t("previous")))
        if self.more:
            turns.append(button(self.start + self.size).choice(ctx.t("more")))
        return turns


@dataclass(frozen=True)
class Pager:
    """How many items a page of one list holds."""

    size: int

    @property
    def limit(self) -> int:
        """Return how many rows to fetch: one more than a page, to know whether another follows."""
        return self.size + 1

    def start(self, offset: int, total: int | None = None) -> int:
        """Return where a page may start: not before the first item, nor past the last when the total is known."""
        offset = max(0, offset)
        return offset if total is None else max(0, min(offset, total - 1))

    def cut(self, rows: Sequence[T], offset: int, total: int | None = None) -> Page[T]:
        """Return the page made of rows fetched with this pager's limit at offset."""
        start = self.start(offset, total)
        more = len(rows) > self.size
        return Page(tuple(rows[: self.size]), start, self.size, more, total if total is not None else 0)

    async def fetch(
        self, rows: Callable[[int, int], Awaitable[Sequence[T]]], offset: int, total: int | None = None
    ) -> Page[T]:
        """Fetch the page at offset with rows(limit, offset), kept inside the list when the total is known."""
        start = self.start(offset, total)
        return self.cut(await rows(self.limit, start), start, total)
