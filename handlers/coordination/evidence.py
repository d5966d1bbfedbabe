"""/evidence (coordinators): the evidence pack for an IRM review, and the open data's dated snapshots."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path

from handlers.coordination.exports import MAX_DOCUMENT_BYTES, parse_range
from handlers.kit import documents
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Document, Reply
from handlers.kit.documents import AuditLine, Built, DocumentKind, Job
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import short_date
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.routes import on
from handlers.kit.who import Who
from reports.evidence import MIME, build_evidence
from storage import snapshots
from storage.exports import ExportScope

SNAPSHOTS_SHOWN = 10


class Step(StrEnum):
    """The one typed step: the period."""

    DATES = "dates"


class Asking(FlowData):
    """The evidence flow carries no data."""


class WholePeriod(Button, prefix="ev:all"):
    """The pack for the plan's period (to today while it runs)."""


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
    """Send the pack for the plan's period (to today while it runs)."""
    return await _deliver(ctx, None, None)


@requires_role(Who.COORDINATOR)
async def choose(ctx: Context, press: ChoosePeriod) -> list[Reply]:
    """Ask for the period."""
    EVIDENCE.start(ctx, Step.DATES)
    return await ask_dates(ctx, Asking())


async def ask_dates(ctx: Context, asking: Asking) -> list[Reply]:
    """Ask for the period."""
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
    """Ask for the pack: it is built off the chat's transaction (handlers/kit/documents.py) and follows on its own."""
    folders = {"snapshot_root": ctx.config.snapshot_dir, "files_root": ctx.config.files_dir}
    return await documents.request(
        ctx,
        DocumentKind.EVIDENCE,
        ExportScope(),
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        **{name: str(folder) if folder is not None else None for name, folder in folders.items()},
    )


async def build(job: Job) -> Built:
    """Build the pack on the job's read-only snapshot: the zip with its caption, or why it cannot be sent."""
    params = job.params
    pack = await build_evidence(
        job.conn,
        since=_day(params.get("since")),
        until=_day(params.get("until")),
        now=job.requested_at,
        messages=job.messages,
        tz=job.timezone,
        snapshot_root=_folder(params.get("snapshot_root")),
        files_root=_folder(params.get("files_root")),
    )
    if len(pack.data) > MAX_DOCUMENT_BYTES:
        too_large = job.t("evidence-too-large", megabytes=round(len(pack.data) / 1024 / 1024))
        return Built([Reply(text=too_large, choices=job.menu)])
    reader = job.reader or job.messages
    since, until = pack.period.since, pack.period.until
    caption = job.t("evidence-caption", since=reader.date(since), until=reader.date(until), gaps=len(pack.gaps))
    name = f"ogp-evidence-{since:%Y%m%d}-{until:%Y%m%d}.zip"
    document = Document(filename=name, mime=MIME, data=pack.data, caption=caption)
    audit = AuditLine("evidence", f"{since.isoformat()}..{until.isoformat()}", f"gaps={len(pack.gaps)}")
    return Built([Reply(text=caption, document=document, choices=job.menu)], audit)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _folder(value: str | None) -> Path | None:
    return Path(value) if value else None


@requires_role(Who.COORDINATOR)
async def snapshot_now(ctx: Context, press: SnapshotNow) -> list[Reply]:
    """Take a snapshot of the open data now (as the scheduled job does every few months): the document worker
    writes the site's open-data files from a read-only snapshot, and says so when done."""
    if ctx.config.snapshot_dir is None:
        return [with_menu(ctx, ctx.t("evidence-no-folder"))]
    return await documents.request(ctx, DocumentKind.SNAPSHOT, ExportScope())


EVIDENCE = Flow(
    name="evidence", data=Asking, cancel=Cancel, steps={Step.DATES: Accepts(text=take_dates, question=ask_dates)}
)

FEATURE = Feature(
    commands={"evidence": start},
    buttons=(on(WholePeriod, whole), on(ChoosePeriod, choose), on(SnapshotNow, snapshot_now)),
    flows=(EVIDENCE,),
)
