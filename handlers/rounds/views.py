"""How a consultation round is drawn in the chat: its card, join link, QR code, attendance and findings."""

from __future__ import annotations

import io
from datetime import datetime

import segno

from handlers.kit.context import Context
from handlers.kit.contract import Choice, Document, Reply
from handlers.kit.labels import sector_label, short_date
from handlers.rounds.buttons import (
    RoundAnnounce,
    RoundAttendance,
    RoundClose,
    RoundDeadline,
    RoundEdit,
    RoundFindings,
    RoundHall,
    RoundList,
    RoundOpen,
    RoundPublicJoin,
    RoundQr,
)
from handlers.rounds.timeline import card_lines
from reports import round_findings
from reports.round_findings import Attendance, CommitmentFindings, Count
from reports.said import said
from storage import rounds
from storage.models import Commitment
from storage.round_hall import HallCount
from storage.rounds import (
    DEFAULT_QUESTIONS,
    STATE_KEYS,
    Question,
    Round,
    RoundState,
)

QR_SCALE = 20  # a join link is a 37-module code with its border: 740 px, 6 cm printed at 300 dpi, sharp on a slide


def state_label(ctx: Context, state: RoundState) -> str:
    """Return the Arabic name of a round state."""
    return ctx.t(STATE_KEYS[state])


def round_state(ctx: Context, found: Round) -> str:
    """Return where a round stands now: an open round whose deadline has passed has ended («انتهت»)."""
    return ctx.t(found.stage_key(ctx.now))


def default_questions(ctx: Context) -> list[tuple[str | None, str]]:
    """Return the default discussion questions as (key, text)."""
    return [(key, ctx.t(message)) for key, message in DEFAULT_QUESTIONS.items()]


def date_text(ctx: Context, found: Round) -> str:
    """Return the round's date, or that it has none."""
    return short_date(ctx, found.held_on) if found.held_on else ctx.t("round-no-date")


def place_text(ctx: Context, place: str | None, online: bool) -> str:
    """Return where the round is held."""
    return ctx.t("round-online") if online or not place else place


def deadline_text(ctx: Context, deadline: datetime | None) -> str:
    """Return a deadline as day/month/year hh:mm in the bot's time zone."""
    if deadline is None:
        return ctx.t("round-no-deadline")
    local = deadline.astimezone(ctx.config.timezone)
    return f"{short_date(ctx, local)} {ctx.messages.time(local)}"


def numbered(lines: list[str]) -> str:
    """Return lines numbered 1., 2., ..."""
    return "\n".join(f"{index}. {line}" for index, line in enumerate(lines, start=1))


def groups_text(ctx: Context, commitments: list[Commitment]) -> str:
    """Return the working groups, one per line."""
    return "\n".join(f"{c.number}. {ctx.name(c)}" for c in commitments)


def join_link(ctx: Context, found: Round) -> str | None:
    """Return the Telegram deep link that joins the round, when the bot's username is known."""
    if not ctx.config.bot_username:
        return None
    return f"https://t.me/{ctx.config.bot_username}?start={found.link_payload}"


def joining_text(ctx: Context, found: Round) -> str:
    """Return how participants join: the link and the code to type."""
    link = join_link(ctx, found)
    if link is None:
        return ctx.t("round-joining-code", code=found.link_payload)
    return ctx.t("round-joining-link", link=link, code=found.link_payload)


def qr_document(found: Round, link: str, caption: str) -> Document:
    """Return the join link as a printable QR code PNG."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=QR_SCALE, border=4, dpi=300)
    return Document(filename=f"round-{found.code}.png", mime="image/png", data=buffer.getvalue(), caption=caption)


def _count_lines(ctx: Context, counts: tuple[Count, ...], *, sectors: bool) -> str:
    lines = []
    for item in counts:
        if item.label is None:
            label = ctx.t("round-no-sector" if sectors else "round-no-organisation")
        else:
            label = sector_label(ctx, item.label) if sectors else item.label
        lines.append(ctx.t("round-count-line", label=label, count=item.count))
    return "\n".join(lines) or "—"


def _sector_summary(ctx: Context, counts: tuple[Count, ...]) -> str:
    parts = [f"{sector_label(ctx, c.label) if c.label else ctx.t('round-no-sector')} {c.count}" for c in counts]
    return ctx.t("round-group-sectors", sectors=ctx.messages.join(parts)) if parts else ""


def hall_text(ctx: Context, hall: HallCount | None) -> str:
    """Return the attendance counted in the hall: total, officers among them, by kind of organisation."""
    if hall is None:
        return ctx.t("round-hall-none")
    officers = ctx.t("round-hall-officers", count=hall.officers) if hall.officers is not None else ""
    parts = [f"{sector_label(ctx, sector)} {count}" for sector, count in hall.by_sector]
    sectors = ctx.t("round-hall-sectors", sectors=ctx.messages.join(parts)) if parts else ""
    return ctx.t("round-hall-line", count=hall.total, officers=officers, sectors=sectors)


def attendance_text(ctx: Context, found: Round, figures: Attendance, hall: HallCount | None = None) -> str:
    """Return the round's attendance: the hall's count, then who joined through the bot (total, officers, by sector,
    organisation and working group)."""
    groups = []
    for group in figures.groups:
        line = ctx.t(
            "round-group-line", number=group.commitment.number, title=ctx.name(group.commitment), count=group.total
        )
        summary = _sector_summary(ctx, group.by_sector)
        groups.append(f"{line} {summary}".rstrip())
    return ctx.t(
        "round-attendance",
        name=ctx.name(found, "name"),
        hall=hall_text(ctx, hall),
        joined=ctx.t("round-attendance-joined", count=figures.total),
        officers=ctx.t("round-attendance-officers", count=figures.liaison_officers),
        sectors=_count_lines(ctx, figures.by_sector, sectors=True),
        organisations_count=sum(1 for c in figures.organisations if c.label is not None),
        organisations=_count_lines(ctx, figures.organisations, sectors=False),
        groups="\n".join(groups) or "—",
    )


def findings_text(ctx: Context, found: Round, findings: list[CommitmentFindings]) -> str:
    """Return per commitment the findings grouped by discussion question and theme, as the seed lists them."""
    parts = [ctx.t("round-findings-title", name=ctx.name(found, "name"))]
    for group in findings:
        lines = [ctx.t("round-findings-commitment", number=group.commitment.number, title=ctx.name(group.commitment))]
        if not group.questions:
            lines.append(ctx.t("round-findings-none"))
        for block in group.questions:
            lines.append(ctx.t("round-findings-question", question=_question_title(ctx, block.question)))
            for theme in block.themes:
                title = ctx.name(theme, "theme_title") or ctx.t("round-findings-no-theme")
                lines.append(ctx.t("round-findings-theme", theme=title))
                lines += [
                    ctx.t(
                        "round-findings-item",
                        index=index,
                        text=said(ctx.messages, item.text, item.voice_seconds, item.transcript),
                        endorsements=item.endorsements,
                    )
                    for index, item in enumerate(theme.items, start=1)
                ]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _question_title(ctx: Context, question: Question | None) -> str:
    return ctx.name(question, "text") if question else ctx.t("round-findings-untagged")


async def card(ctx: Context, found: Round, *, note: str | None = None, replace: bool = False) -> list[Reply]:
    """Show one round: when, where, groups, questions, how to join, figures and the actions its state allows."""
    commitments = await rounds.round_commitments(ctx.conn, found.id)
    questions = await rounds.list_questions(ctx.conn, found.id)
    figures = await round_findings.attendance(ctx.conn, found.id)
    inputs = sum(g.total for g in await round_findings.findings(ctx.conn, found.id))
    text = ctx.t(
        "round-view",
        name=ctx.name(found, "name"),
        date=date_text(ctx, found),
        place=place_text(ctx, ctx.name(found, "place") if found.place else None, found.online),
        deadline=deadline_text(ctx, found.deadline),
        state=round_state(ctx, found),
        groups=groups_text(ctx, commitments),
        questions=numbered([ctx.name(q, "text") for q in questions]),
        joining=joining_text(ctx, found),
        members=figures.total,
        inputs=inputs,
    )
    text += "\n" + card_lines(ctx, found)
    if note:
        text = f"{note}\n\n{text}"
    return [Reply(text=text, choices=_card_choices(ctx, found), replace=replace)]


def _card_choices(ctx: Context, found: Round) -> tuple[Choice, ...]:
    rid = found.id
    state_action = {
        RoundState.DRAFT: RoundOpen(round=rid).choice(ctx.t("round-open-button")),
        RoundState.OPEN: RoundClose(round=rid).choice(ctx.t("round-close-button")),
        RoundState.CLOSED: RoundOpen(round=rid).choice(ctx.t("round-reopen-button")),
    }[found.state]
    editable = (
        (RoundEdit(round=rid).choice(ctx.t("round-edit-button")),) if found.state is not RoundState.CLOSED else ()
    )
    publish = RoundPublicJoin(round=rid, public=int(not found.public_join)).choice(
        ctx.t("round-public-join-stop-button" if found.public_join else "round-public-join-button")
    )
    return (
        state_action,
        RoundQr(round=rid).choice(ctx.t("round-qr-button")),
        publish,
        RoundAttendance(round=rid).choice(ctx.t("round-attendance-button")),
        RoundHall(round=rid).choice(ctx.t("round-hall-button")),
        RoundFindings(round=rid).choice(ctx.t("round-findings-button")),
        RoundDeadline(round=rid).choice(ctx.t("round-deadline-button")),
        RoundAnnounce(round=rid).choice(ctx.t("announce-button")),
        *editable,
        RoundList(offset=0).choice(ctx.t("round-back-button")),
    )
