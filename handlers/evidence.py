"""/evidence (coordinators): the evidence pack for an IRM review, and the open data's dated snapshots."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from handlers.context import Context
from handlers.contract import Choice, Document, Reply
from handlers.exports import MAX_DOCUMENT_BYTES, parse_range
from handlers.feature import Feature
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.routes import on
from handlers.kit.who import Who
from handlers.labels import short_date
from handlers.menu import menu_choices, with_menu
from messages import DEFAULT_LANGUAGE
from reports.evidence import MIME, build_evidence
from reports.snapshot import take_snapshot
from storage import audit, snapshots

SNAPSHOTS_SHOWN = 10


class Step(StrEnum):
    """The one typed step: the period."""

    DATES = "dates"


class Asking(FlowData):
    """The evidence flow carries no data."""


class WholePeriod(Button, prefix="ev:all"):
    """The pack from the plan's start to today."""


class ChoosePeriod(Button, prefix="ev:d"):
    """The pack for a period typed as two dates."""


class SnapshotNow(Button, prefix="ev:snap"):
    """Take a snapshot of the open data now."""


class Cancel(Button, prefix="ev:x"):
    """Make no pack."""


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /evidence: the snapshots kept, and the pack's buttons."""
    return [await _overview(ctx)]


async def _overview(ctx: Context, note: str | None = None) -> Reply:
    taken = await snapshots.list_snapshots(ctx.conn)
    lines = [note, ""] if note else []
    lines.append(ctx.t("evidence-title"))
    if not taken:
        lines.append(ctx.t("evidence-no-snapshots"))
    for snapshot in reversed(taken[-SNAPSHOTS_SHOWN:]):
        files = ctx.messages.join(snapshot.names())
        lines.append(ctx.t("evidence-snapshot-line", date=short_date(ctx, snapshot.taken_at), files=files))
    if ctx.config.snapshot_dir is not None:
        lines.append(ctx.t("evidence-snapshot-folder", folder=str(ctx.config.snapshot_dir)))
    choices: list[Choice] = [
        WholePeriod().choice(ctx.t("evidence-whole")),
        ChoosePeriod().choice(ctx.t("evidence-period")),
    ]
    if ctx.config.snapshot_dir is not None:
        choices.append(SnapshotNow().choice(ctx.t("evidence-snapshot-now")))
    return Reply(text="\n".join(lines), choices=(*choices, *menu_choices(ctx)))


@requires_role(Who.COORDINATOR)
async def whole(ctx: Context, press: WholePeriod) -> list[Reply]:
    """Send the pack from the plan's start to today."""
    return await _deliver(ctx, None, None)


@requires_role(Who.COORDINATOR)
async def choose(ctx: Context, press: ChoosePeriod) -> list[Reply]:
    """Ask for the period."""
    EVIDENCE.start(ctx, Step.DATES)
    return [Reply(text=ctx.t("exp-ask-dates"), choices=(Cancel().choice(ctx.t("cancel-button")),))]


@requires_role(Who.COORDINATOR)
async def take_dates(ctx: Context, asking: Asking) -> list[Reply]:
    """Read the period typed as two dates, then send the pack."""
    span = parse_range(ctx.incoming.text or "")
    if span is None:
        return [Reply(text=ctx.t("exp-bad-dates"), choices=(Cancel().choice(ctx.t("cancel-button")),))]
    ctx.end()
    return await _deliver(ctx, *span)


async def _deliver(ctx: Context, since: date | None, until: date | None) -> list[Reply]:
    pack = await build_evidence(
        ctx.conn,
        since=since,
        until=until,
        now=ctx.now,
        messages=ctx.messages,
        tz=ctx.config.timezone,
        snapshot_root=ctx.config.snapshot_dir,
        files_root=ctx.config.files_dir,
    )
    if len(pack.data) > MAX_DOCUMENT_BYTES:
        return [with_menu(ctx, ctx.t("evidence-too-large", megabytes=round(len(pack.data) / 1024 / 1024)))]
    actor = ctx.participant.id if ctx.participant else None
    period = f"{pack.period.since.isoformat()}..{pack.period.until.isoformat()}"
    await audit.record(ctx.conn, actor, "evidence", period, f"gaps={len(pack.gaps)}", ctx.now)
    caption = ctx.t(
        "evidence-caption",
        since=short_date(ctx, pack.period.since),
        until=short_date(ctx, pack.period.until),
        gaps=len(pack.gaps),
    )
    name = f"ogp-evidence-{pack.period.since:%Y%m%d}-{pack.period.until:%Y%m%d}.zip"
    document = Document(filename=name, mime=MIME, data=pack.data, caption=caption)
    return [Reply(text=caption, document=document, choices=menu_choices(ctx))]


@requires_role(Who.COORDINATOR)
async def snapshot_now(ctx: Context, press: SnapshotNow) -> list[Reply]:
    """Take a snapshot of the open data now (as the scheduled job does every few months)."""
    root = ctx.config.snapshot_dir
    if root is None:
        return [with_menu(ctx, ctx.t("evidence-no-folder"))]
    # The repository's snapshots are in the bot's first language, whoever takes one (as the scheduled job's are).
    arabic = ctx.speaking(DEFAULT_LANGUAGE).messages
    taken = await take_snapshot(ctx.conn, root, now=ctx.now, messages=arabic, tz=ctx.config.timezone)
    actor = ctx.participant.id if ctx.participant else None
    await audit.record(ctx.conn, actor, "snapshot", taken.folder, f"recommendations={taken.recommendations}", ctx.now)
    return [await _overview(ctx, ctx.t("evidence-snapshot-taken", folder=taken.folder))]


EVIDENCE = Flow(name="evidence", data=Asking, cancel=Cancel, steps={Step.DATES: Accepts(text=take_dates)})

FEATURE = Feature(
    commands={"evidence": start},
    buttons=(on(WholePeriod, whole), on(ChoosePeriod, choose), on(SnapshotNow, snapshot_now)),
    flows=(EVIDENCE,),
)
