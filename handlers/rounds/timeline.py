"""How a round's timeline reads (OGP standard 3): asking its announcement date, a short notice, and the card line."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.labels import short_date
from handlers.rounds.buttons import Cancel
from storage.rounds import Round


class AnnouncedToday(Button, prefix="rnd:annd"):
    """The round's timeline is announced today."""


class ShortNoticeAnswer(StrEnum):
    """Keep a notice shorter than two weeks, or change the announcement date."""

    CONFIRM = "confirm"
    CHANGE = "change"


class ShortNotice(Button, prefix="rnd:short"):
    """The coordinator's answer to a short notice."""

    answer: ShortNoticeAnswer


def ask_announced(ctx: Context, *, replace: bool) -> Reply:
    """Return the question of the announcement date (the default is today)."""
    today = AnnouncedToday().choice(ctx.t("announce-today-button"))
    return Reply(
        text=ctx.t("announce-ask-date"), choices=(today, Cancel().choice(ctx.t("cancel-button"))), replace=replace
    )


def ask_short_notice(ctx: Context, announced: date | None, held: date | None, *, replace: bool) -> Reply:
    """Return the confirmation asked for a round less than two weeks after its announcement."""
    days = (held - announced).days if announced and held else 0
    choices = (
        ShortNotice(answer=ShortNoticeAnswer.CONFIRM).choice(ctx.t("announce-short-confirm")),
        ShortNotice(answer=ShortNoticeAnswer.CHANGE).choice(ctx.t("announce-short-change")),
        Cancel().choice(ctx.t("cancel-button")),
    )
    return Reply(text=ctx.t("announce-short-notice", days=days), choices=choices, replace=replace)


def preview_line(ctx: Context, announced: date | None, held: date | None, confirmed: bool) -> str:
    """Return the timeline line of a round's preview or card."""
    if announced is None:
        return ctx.t("announce-line-none")
    days = (held - announced).days if held else None
    line = ctx.t("announce-line", date=short_date(ctx, announced), days=days if days is not None else -1)
    if confirmed:
        line += " " + ctx.t("announce-line-confirmed")
    return line


def card_lines(ctx: Context, found: Round) -> str:
    """Return the round card's timeline: announcement date, notice, and whether the announcement went out."""
    lines = [preview_line(ctx, found.announced_on, found.held_on, found.short_notice_confirmed_at is not None)]
    if found.announcement_sent_at is not None:
        lines.append(
            ctx.t(
                "announce-sent-line",
                date=short_date(ctx, found.announcement_sent_at),
                count=found.announcement_recipients or 0,
            )
        )
    return "\n".join(lines)
