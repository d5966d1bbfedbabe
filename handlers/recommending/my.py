"""/my: the participant's own recommendations, with their state and any response."""

from __future__ import annotations

from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.feature import Feature
from handlers.kit.files import recommendation_text
from handlers.kit.labels import short_date, state_label
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.pager import Pager
from handlers.kit.routes import on
from handlers.kit.text import shorten
from handlers.kit.who import Who
from storage import recommendations
from storage.models import Recommendation

PAGER = Pager(5)
PREVIEW_CHARS = 300


class Page(Button, prefix="my:p"):
    """A page of the person's recommendations."""

    offset: int


@requires(Who.REGISTERED)
async def start(ctx: Member) -> list[Reply]:
    """Answer /my with the newest page."""
    return await page(ctx, 0, replace=False)


@requires(Who.REGISTERED)
async def turn(ctx: Member, press: Page) -> list[Reply]:
    """Show another page."""
    return await page(ctx, press.offset, replace=True)


async def page(ctx: Member, offset: int, *, replace: bool) -> list[Reply]:
    """Show one page of the participant's recommendations."""
    total, rows = await recommendations.page_by_participant(
        ctx.conn, ctx.participant.id, limit=PAGER.limit, offset=PAGER.start(offset)
    )
    if total == 0:
        return [with_menu(ctx, ctx.t("my-empty"), replace=replace)]
    shown = PAGER.cut(rows, offset, total)
    title = ctx.t("my-title", total=total, shown=shown.shown(ctx))
    body = "\n\n".join(_item(ctx, rec, number) for rec, number in shown.items)
    nav = shown.turns(ctx, lambda at: Page(offset=at))
    return [Reply(text=f"{title}\n\n{body}", choices=(*nav, *menu_choices(ctx)), replace=replace)]


def _item(ctx: Context, rec: Recommendation, number: int) -> str:
    text = ctx.t(
        "my-item",
        receipt=ctx.t("receipt", id=rec.id),
        number=number,
        date=short_date(ctx, rec.created_at),
        state=state_label(ctx, rec.state),
        text=shorten(recommendation_text(ctx, rec), PREVIEW_CHARS),
    )
    if rec.response:
        text += "\n" + ctx.t("my-response", response=rec.response)
    return text


FEATURE = Feature(
    commands={"my": start},
    buttons=(on(Page, turn),),
    keywords={"keyword-my": "my"},
)
