"""/status: every commitment with its completion, and one commitment in detail."""

from __future__ import annotations

from handlers.kit import files as sent
from handlers.kit.buttons import Button
from handlers.kit.commitment_number import by_number, no_such_commitment
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.labels import completion_label, irm_field_label, irm_label, ogp_value_label, progress_bar, short_date
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.progress.irm import IrmCard
from handlers.recommending import recommend
from handlers.recommending.commitment_buttons import Board, Browse, Detail, FollowHere, Switch
from storage import catalogue, endorsements, files, follows, irm
from storage.irm import IrmField
from storage.models import Commitment, CommitmentStatus, Completion


class EvidenceFiles(Button, prefix="st:ev"):
    """Send the evidence files of a commitment's progress update."""

    update: int


async def board(ctx: Context, *, replace: bool = False) -> list[Reply]:
    """Answer /status: the list of commitments with their status bars (built once per change of the data)."""
    drawn = await ctx.remembered(("status-board", id(ctx.messages)), lambda: _draw_board(ctx))
    if drawn is None:
        return [with_menu(ctx, ctx.t("status-no-plan"))]
    return [drawn.model_copy(update={"replace": replace})]


async def _draw_board(ctx: Context) -> Reply | None:
    """Return the board, or None when no plan is active."""
    plan = await catalogue.active_plan(ctx.conn)
    rows = await catalogue.status_board(ctx.conn)
    if plan is None or not rows:
        return None
    lines = [ctx.t("status-title", plan=ctx.name(plan)), ""]
    lines += [_board_line(ctx, row) for row in rows]
    lines += ["", ctx.t("status-choose")]
    choices = tuple(
        Detail(commitment=r.commitment.id).choice(f"{r.commitment.number}. {ctx.name(r.commitment)}") for r in rows
    )
    return Reply(text="\n".join(lines), choices=choices)


def _board_line(ctx: Context, row: CommitmentStatus) -> str:
    completion = row.latest.completion if row.latest else Completion.NOT_STARTED
    progress = row.latest.progress if row.latest else 0
    return ctx.t(
        "status-line",
        number=row.commitment.number,
        title=ctx.name(row.commitment),
        bar=progress_bar(progress),
        completion=completion_label(ctx, completion),
    )


async def detail(ctx: Context, commitment_id: int, *, replace: bool = True) -> list[Reply]:
    """Show one commitment: agency, dates, completion, latest update, milestones and input received."""
    row = await catalogue.commitment_status(ctx.conn, commitment_id)
    if row is None:
        return [with_menu(ctx, ctx.t("status-unknown-commitment"))]
    c, latest = row.commitment, row.latest
    parts = [
        ctx.t(
            "status-detail",
            number=c.number,
            title=ctx.name(c),
            ogp_id=c.ogp_id,
            agency=ctx.name(c, "lead_agency"),
            start=short_date(ctx, c.start_date),
            end=short_date(ctx, c.end_date),
            completion=completion_label(ctx, latest.completion if latest else Completion.NOT_STARTED),
            bar=progress_bar(latest.progress if latest else 0),
        )
    ]
    parts.append(await _tracks(ctx, row))
    if extra_fields := _ogp_fields(ctx, c):
        parts.append(extra_fields)
    parts.append(_latest_text(ctx, row))
    evidence = await files.of_update(ctx.conn, latest.id) if latest else []
    if evidence:
        parts[-1] += "\n" + "\n".join([ctx.t("status-evidence-files"), *(sent.file_line(ctx, f) for f in evidence)])
    milestones = await catalogue.list_milestones(ctx.conn, c.id)
    if milestones:
        lines = [ctx.t("status-milestones")]
        for m in milestones:
            due = ctx.t("status-milestone-due", date=short_date(ctx, m.end_date)) if m.end_date else ""
            lines.append(
                ctx.t("status-milestone-line", title=ctx.name(m), state=completion_label(ctx, m.state), due=due)
            )
        parts.append("\n".join(lines))
    parts.append(ctx.t("status-recommendations", count=row.recommendations))
    support, extra = await _support_and_follow(ctx, c.id)
    parts[-1] += "\n" + support
    assess = (IrmCard(commitment=c.id).choice(ctx.t("irm-open")),) if ctx.is_coordinator else ()
    get_files = (EvidenceFiles(update=latest.id).choice(ctx.t("status-get-evidence")),) if latest and evidence else ()
    choices = (
        recommend.StartOn(commitment=c.id).choice(ctx.t("recommend-on-this")),
        *get_files,
        *extra,
        *assess,
        Board().choice(ctx.t("all-commitments")),
    )
    return [Reply(text="\n\n".join(parts), choices=choices, replace=replace)]


async def _tracks(ctx: Context, row: CommitmentStatus) -> str:
    """Return the two tracks of progress side by side: the officers' own report and the IRM's assessment."""
    latest = row.latest
    own = ctx.t(
        "status-track-self",
        completion=completion_label(ctx, latest.completion if latest else Completion.NOT_STARTED),
        progress=latest.progress if latest else 0,
    )
    assessment = await irm.get_assessment(ctx.conn, row.commitment.id)
    if assessment.empty:
        return "\n".join([ctx.t("status-tracks"), own, ctx.t("status-track-irm-none")])
    given = [
        f"{irm_field_label(ctx, f)}: {irm_label(ctx, f, code)}"
        for f in IrmField
        if f is not IrmField.SOURCE_URL and (code := assessment.value(f)) is not None
    ]
    lines = [ctx.t("status-tracks"), own, ctx.t("status-track-irm", assessment=ctx.messages.join(given))]
    if assessment.source_url:
        lines.append(assessment.source_url)
    return "\n".join(lines)


def _ogp_fields(ctx: Context, c: Commitment) -> str:
    """Return the supporting institutions and OGP values the plan file gives (nothing when it does not know)."""
    lines = []
    english = catalogue.institutions(c.supporting_en) if ctx.messages.language == "en" else []
    supporting = english or catalogue.institutions(c.supporting_ar)
    if supporting:
        lines.append(ctx.t("status-supporting", institutions=ctx.messages.join(supporting)))
    values = [ogp_value_label(ctx, v) for v, relevant in c.ogp_values().items() if relevant]
    if values:
        lines.append(ctx.t("status-values", values=ctx.messages.join(values)))
    return "\n".join(lines)


async def _support_and_follow(ctx: Context, commitment_id: int) -> tuple[str, tuple[Choice, ...]]:
    """Return the endorsement line, and the follow and browse buttons of a commitment's view."""
    count = await endorsements.count_for_commitment(ctx.conn, commitment_id)
    following = ctx.participant is not None and commitment_id in await follows.followed(ctx.conn, ctx.participant.id)
    switch = FollowHere(switch=Switch.OFF if following else Switch.ON, commitment=commitment_id)
    follow = switch.choice(ctx.t("follow-off-button" if following else "follow-on-button"))
    browse = Browse(commitment=commitment_id, offset=0).choice(ctx.t("endorse-browse"))
    return ctx.t("endorse-count", count=count), (follow, browse)


def _latest_text(ctx: Context, row: CommitmentStatus) -> str:
    latest = row.latest
    if latest is None:
        return ctx.t("status-no-updates")
    text = ctx.t("status-latest", date=short_date(ctx, latest.created_at), note=latest.note or "—")
    if latest.evidence_url:
        text += "\n" + ctx.t("status-evidence", url=latest.evidence_url)
    return text


async def start(ctx: Context) -> list[Reply]:
    """Answer /status (or /status N for one commitment)."""
    args = ctx.incoming.args.strip()
    if not args:
        return await board(ctx)
    commitments = await catalogue.list_commitments(ctx.conn)
    if (match := by_number(commitments, args)) is not None:
        return await detail(ctx, match.id, replace=False)
    shown = await board(ctx)
    return [no_such_commitment(ctx, commitments, args), *shown] if commitments else shown


async def show_board(ctx: Context, press: Board) -> list[Reply]:
    """Show every commitment in place of the detail."""
    return await board(ctx, replace=True)


async def show_detail(ctx: Context, press: Detail) -> list[Reply]:
    """Show one commitment of the active plan."""
    if press.commitment not in {c.id for c in await catalogue.list_commitments(ctx.conn)}:
        return await unknown_button(ctx)
    return await detail(ctx, press.commitment)


async def send_evidence(ctx: Context, press: EvidenceFiles) -> list[Reply]:
    """Send a progress update's evidence files (to anyone: progress and its evidence are public)."""
    update = await catalogue.get_status_update(ctx.conn, press.update)
    evidence = await files.of_update(ctx.conn, press.update) if update else []
    if update is None or not evidence:
        return await unknown_button(ctx)
    return [sent.with_file(ctx, f, sent.file_line(ctx, f)) for f in evidence]


FEATURE = Feature(
    commands={"status": start},
    buttons=(on(Board, show_board), on(Detail, show_detail), on(EvidenceFiles, send_evidence)),
    keywords={"keyword-status": "status"},
)
