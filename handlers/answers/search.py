"""/search words (officers: their commitments; coordinators: all): matching recommendations and updates, paged."""

from __future__ import annotations

from handlers.answers.inbox import OpenItem
from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import stale_button
from handlers.kit.feature import Feature
from handlers.kit.labels import short_date
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.pager import Pager
from handlers.kit.routes import on
from handlers.kit.text import clean_text, shorten
from handlers.kit.who import Who
from handlers.recommending.commitment_buttons import Detail
from storage import search
from storage.search import Found

PAGER = Pager(5)
SNIPPET_CHARS = 200
MAX_WORDS_CHARS = 200


class SearchPage(Button, prefix="find:p"):
    """Another page of the newest /search."""

    offset: int


@requires(Who.OFFICER)
async def start(ctx: Member) -> list[Reply]:
    """Answer /search words (a bare /search says how to use it)."""
    words = clean_text(ctx.incoming.args)[:MAX_WORDS_CHARS]
    if not words:
        return [with_menu(ctx, ctx.t("search-how"))]
    ctx.carry.search = words
    return await page(ctx, words, 0, replace=False)


@requires(Who.OFFICER)
async def turn(ctx: Member, press: SearchPage) -> list[Reply]:
    """Show another page of the newest search."""
    if ctx.carry.search is None:
        return await stale_button(ctx)
    return await page(ctx, ctx.carry.search, press.offset, replace=True)


async def page(ctx: Context, words: str, offset: int, *, replace: bool) -> list[Reply]:
    """Show one page of what matches, newest first, each with a button to open it."""
    scope = None if ctx.is_coordinator else sorted(ctx.liaison_commitments())
    offset = PAGER.start(offset)
    total, found = await search.find(ctx.conn, words, commitments=scope, limit=PAGER.limit, offset=offset)
    if total and not found:  # a button from before the results shrank: the first page instead
        offset = 0
        total, found = await search.find(ctx.conn, words, commitments=scope, limit=PAGER.limit, offset=0)
    if not total:
        return [with_menu(ctx, ctx.t("search-none", words=shorten(words, 60)), replace=replace)]
    shown = PAGER.cut(found, offset, total)
    head = ctx.t("search-title", words=shorten(words, 60), total=total, first=shown.first, last=shown.last)
    body = [_line(ctx, item) for item in shown.items]
    choices = [_opener(ctx, item) for item in shown.items]
    choices += shown.turns(ctx, lambda at: SearchPage(offset=at))
    text = head + "\n\n" + "\n\n".join(body)
    return [Reply(text=text, choices=(*choices, *menu_choices(ctx)), replace=replace)]


def _line(ctx: Context, item: Found) -> str:
    said = {"number": item.commitment_number, "date": short_date(ctx, item.created_at)}
    text = shorten(item.text, SNIPPET_CHARS)
    if item.kind == "recommendation":
        return ctx.t("search-item-recommendation", receipt=ctx.t("receipt", id=item.id), text=text, **said)
    return ctx.t("search-item-update", text=text, **said)


def _opener(ctx: Context, item: Found) -> Choice:
    if item.kind == "recommendation":
        return OpenItem(rec=item.id, offset=0).choice(ctx.t("search-open", receipt=ctx.t("receipt", id=item.id)))
    return Detail(commitment=item.commitment_id).choice(ctx.t("search-open-update", number=item.commitment_number))


FEATURE = Feature(
    commands={"search": start},
    buttons=(on(SearchPage, turn),),
    keywords={"keyword-search": "search"},
)
