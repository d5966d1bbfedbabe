"""/my: the participant's own recommendations, with their state and any response."""

from __future__ import annotations

from handlers import registration
from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import unknown_button
from handlers.feature import Feature
from handlers.labels import short_date, state_label
from handlers.menu import menu_choices, with_menu
from handlers.text import parse_int, shorten
from storage import catalogue, recommendations
from storage.models import Recommendation

PAGE_SIZE = 5
PREVIEW_CHARS = 300


async def start(ctx: Context) -> list[Reply]:
    """Answer /my with the newest page."""
    if ctx.participant is None:
        ctx.data["_then"] = ["my", ""]
        return [Reply(text=ctx.t("need-registration")), *registration.begin(ctx)[1:]]
    return await page(ctx, 0, replace=False)


async def page(ctx: Context, offset: int, *, replace: bool) -> list[Reply]:
    """Show one page of the participant's recommendations."""
    assert ctx.participant is not None  # noqa: S101 - callers check
    total = await recommendations.count_by_participant(ctx.conn, ctx.participant.id)
    if total == 0:
        return [with_menu(ctx, ctx.t("my-empty"), replace=replace)]
    offset = max(0, min(offset, total - 1))
    items = await recommendations.list_by_participant(ctx.conn, ctx.participant.id, limit=PAGE_SIZE, offset=offset)
    numbers = {c.id: c.number for c in await catalogue.list_commitments(ctx.conn)}
    title = ctx.t("my-title", total=total, first=offset + 1, last=offset + len(items))
    body = "\n\n".join(_item(ctx, rec, numbers.get(rec.commitment_id, 0)) for rec in items)
    nav: list[Choice] = []
    if offset > 0:
        nav.append(Choice(id=f"my:p:{max(0, offset - PAGE_SIZE)}", label=ctx.t("previous")))
    if offset + PAGE_SIZE < total:
        nav.append(Choice(id=f"my:p:{offset + PAGE_SIZE}", label=ctx.t("more")))
    return [Reply(text=f"{title}\n\n{body}", choices=(*nav, *menu_choices(ctx)), replace=replace)]


def _item(ctx: Context, rec: Recommendation, number: int) -> str:
    text = ctx.t(
        "my-item",
        receipt=ctx.t("receipt", id=rec.id),
        number=number,
        date=short_date(ctx, rec.created_at),
        state=state_label(ctx, rec.state),
        text=shorten(rec.text, PREVIEW_CHARS),
    )
    if rec.response:
        text += "\n" + ctx.t("my-response", response=rec.response)
    return text


async def on_choice(ctx: Context) -> list[Reply]:
    """Route a my:p:<offset> button."""
    parts = (ctx.incoming.choice or "").split(":")
    offset = parse_int(parts[2]) if len(parts) == 3 and parts[1] == "p" else None
    if offset is None or ctx.participant is None:
        return await unknown_button(ctx)
    return await page(ctx, offset, replace=True)


FEATURE = Feature(
    commands={"my": start},
    choices={"my": on_choice},
    keywords={"keyword-my": "my"},
)
