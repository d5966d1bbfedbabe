"""The channel-free heart of a running bot: database, catalogue, router, dispatcher, outbox sender, documents."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from bot.alerts import OperatorAlerts, Thresholds
from bot.backups import BackupKeeper
from bot.clock import Clock, SystemClock
from bot.direct import deliver_now
from bot.dispatcher import Dispatcher
from bot.documents import DocumentWorker
from bot.downloads import MB, FileReceiver, Quota
from bot.files import FileKeeper
from bot.scheduler import ReminderScheduler
from bot.sender import Sender
from bot.settings import Settings
from bot.snapshots import SnapshotKeeper
from bot.transcribe import TranscriptDrafts, load_transcriber
from handlers.kit.context import HandlerConfig
from handlers.kit.documents import DocumentKind
from handlers.router import Router
from messages_ar import Messages, load_messages
from storage import catalogue
from storage.database import Database, open_database
from storage.files import FileStore
from storage.publishing import PublishMode
from storage.snapshots import REDACT_JOB

log = logging.getLogger(__name__)


@dataclass
class Core:
    """What every channel plugs into."""

    settings: Settings
    db: Database
    messages: Messages
    clock: Clock
    router: Router
    dispatcher: Dispatcher
    sender: Sender
    scheduler: ReminderScheduler
    documents: DocumentWorker
    receiver: FileReceiver  # downloads the files people send, before their event is handled
    files: FileKeeper  # deletes erased files' bytes
    drafts: TranscriptDrafts | None = None  # transcript drafts from OGP_TRANSCRIBER's engine (none by default)

    async def close(self) -> None:
        """Stop scheduling, building documents and sending, and close the database."""
        await self.scheduler.stop()
        await self.documents.stop()
        await self.files.stop()
        if self.drafts is not None:
            await self.drafts.stop()
        await self.sender.stop()
        await self.db.close()


async def load_plan(db: Database, path: Path, *, activate: bool | None = None) -> str:
    """Validate a plan file and store it; activate it when asked, or when no plan is active yet."""
    spec = catalogue.read_plan_file(path)
    async with db.transaction() as conn:
        if activate is None:
            activate = await catalogue.active_plan(conn) is None
        await catalogue.upsert_plan(conn, spec, activate=activate)
    return spec.id


def handler_config(settings: Settings, bot_username: str | None = None) -> HandlerConfig:
    """Return the settings the conversations need."""
    return HandlerConfig(
        timezone=settings.zone,
        coordinators=frozenset(settings.coordinators),
        bot_username=bot_username,
        recommendation_max=settings.recommendation_max_chars,
        invite_days=settings.invite_days,
        reminder_defaults=settings.reminder_defaults(),
        recommendations_per_hour=settings.recommendations_per_hour,
        retention_days=settings.retention_days,
        snapshot_dir=settings.snapshot_folder,
        report_author=settings.report_author or None,
        max_voice_seconds=settings.max_voice_seconds,
        max_file_mb=settings.max_file_mb,
        file_quota_mb=settings.file_quota_mb,
        file_quota_total_mb=settings.file_quota_total_mb,
        files_dir=settings.files_folder,
        publish_on_arrival=settings.publish is PublishMode.IMMEDIATE,
        public_licence=settings.public_licence,
    )


def operations_checks(
    settings: Settings, db: Database, on_queued: Callable[[], None]
) -> list[Callable[[datetime], Awaitable[object]]]:
    """Return the periodic operators' checks: the daily backup when configured, then the operators' alerts."""
    checks: list[Callable[[datetime], Awaitable[object]]] = []
    if settings.backup_dir is not None:
        keeper = BackupKeeper(
            settings.database,
            settings.files_folder,
            settings.backup_dir,
            settings.zone,
            settings.backup_time,
            settings.backup_keep_daily,
            settings.backup_keep_weekly,
        )
        checks.append(keeper.run_due)
    alerts = OperatorAlerts(
        db,
        operators=settings.operators,
        coordinators=settings.coordinators,
        thresholds=Thresholds(
            outbox_minutes=settings.alert_outbox_minutes,
            flood_count=settings.alert_flood_count,
            webhook_count=settings.alert_webhook_count,
            disk_min_free_mb=settings.disk_min_free_mb,
            backup_max_age_hours=settings.backup_max_age_hours,
        ),
        data_folder=settings.database.resolve().parent,
        backup_dir=settings.backup_dir,
        on_queued=on_queued,
    )
    checks.append(alerts.run)
    return checks


async def open_core(settings: Settings, clock: Clock | None = None) -> Core:
    """Open the database, bring the catalogue up to date and wire the dispatcher to the sender."""
    clock = clock or SystemClock()
    db = await open_database(settings.database)
    await load_plan(db, settings.plan_file)
    messages = load_messages()
    router = Router()
    sender = Sender(
        db,
        clock,
        {},
        max_attempts=settings.send_max_attempts,
        base_backoff=settings.send_base_backoff,
        max_backoff=settings.send_max_backoff,
        coordinators=frozenset(settings.coordinators),
    )
    documents = DocumentWorker(
        db, clock, timezone=settings.zone, on_queued=sender.wake, coordinators=frozenset(settings.coordinators)
    )
    store = FileStore(settings.files_folder)
    quota = Quota(day=settings.file_quota_mb * MB, total=settings.file_quota_total_mb * MB)
    receiver = FileReceiver(
        db, store, clock, max_bytes=settings.max_file_mb * MB, deadline=settings.file_download_seconds, quota=quota
    )
    file_keeper = FileKeeper(db, store)
    engine = load_transcriber(settings.transcriber)
    drafts = TranscriptDrafts(db, store, engine) if engine is not None else None

    def queued() -> None:
        sender.wake()
        documents.wake()  # the event may have asked for a document
        file_keeper.wake()  # or erased files
        if drafts is not None:
            drafts.wake()  # or stored a voice recommendation

    dispatcher = Dispatcher(db, router, messages, clock, handler_config(settings), on_queued=queued)
    dispatcher.deliver_now = partial(deliver_now, sender, clock)
    dispatcher.max_queued_replies = settings.send_queued_replies_per_chat
    from bot.public_site import site  # it imports this module (Core)

    keeper = SnapshotKeeper(
        db,
        site(settings),
        root=settings.snapshot_folder,
        months=settings.snapshot_months,
        zone=settings.zone,
        render=documents.site_files,
    )
    for kind in (DocumentKind.SNAPSHOT.value, REDACT_JOB):
        documents.in_process[kind] = keeper.run
    scheduler = ReminderScheduler(
        db,
        messages,
        clock,
        zone=settings.zone,
        defaults=settings.reminder_defaults(),
        coordinators=settings.coordinators,
        check_minutes=settings.remind_check_minutes,
        on_queued=sender.wake,
        retention_days=settings.retention_days,
        outbox_keep_days=settings.outbox_keep_days,
        snapshots=keeper,
        periodic=operations_checks(settings, db, sender.wake),
    )
    return Core(
        settings, db, messages, clock, router, dispatcher, sender, scheduler, documents, receiver, file_keeper, drafts
    )
