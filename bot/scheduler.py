"""Scheduled reminders: APScheduler only says when to look; what is due, and what was sent, lives in the database.

Every job reads the database at an explicit `now`, queues outbox rows with unique keys and records what it covered
in the same transaction, so running a job twice, or after a restart, queues nothing new. Tests call the jobs
directly with a FakeClock's time; the running bot lets AsyncIOScheduler call them.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.clock import Clock
from bot.retention import OUTBOX_KEEP_DAYS, RetentionResult, apply_retention
from bot.snapshots import SnapshotKeeper
from handlers.kit import reminder_rules
from handlers.kit.contract import Reply
from handlers.kit.reminder_rules import ReminderRules
from handlers.progress import nudges
from messages import load_messages
from messages_ar import Messages
from storage import broadcasts, catalogue, outbox, participants, rounds, snapshots, timeline
from storage import reminders as rem
from storage.database import Database
from storage.reminders import Contact

log = logging.getLogger(__name__)

CATCH_UP = timedelta(days=3)  # a progress reminder missed while the bot was down still goes out this late
MILESTONE_OVERDUE_WINDOW = timedelta(days=30)  # milestones that ended longer ago are not announced as passed
UPDATE_JOB_ID = "update-reminders"


@dataclass(frozen=True)
class JobContext:
    """What a job needs: the open transaction, the instant it runs at, and the rules in force."""

    conn: aiosqlite.Connection
    now: datetime
    rules: ReminderRules
    zone: ZoneInfo
    messages: Messages
    coordinators: tuple[str, ...]

    def speaking(self, language: str) -> JobContext:
        """Return the job's context writing in a recipient's language."""
        if language == self.messages.language:
            return self
        return dataclasses.replace(self, messages=load_messages(language))

    def local_date(self, moment: datetime | None = None) -> str:
        """Return a moment's date in the bot's time zone, ISO."""
        return (moment or self.now).astimezone(self.zone).date().isoformat()

    def when(self, *, official: bool) -> datetime:
        """Return when a push queued now may go (quiet hours; working days for officials)."""
        return reminder_rules.next_allowed(self.now, self.rules, self.zone, official=official)


Job = Callable[[JobContext], Awaitable[int]]


async def push(
    jc: JobContext,
    contact: Contact,
    reply: Reply,
    *,
    key: str,
    official: bool,
    kind: str = "reminder",
    batch: str | None = None,
) -> bool:
    """Queue one push at the next allowed time; return False when the key was queued before.

    The reply is marked as written in the job context's language: word it with `jc.speaking(contact.language)`.
    """
    reply = reply.model_copy(update={"language": jc.messages.language})
    row = await outbox.enqueue(
        jc.conn,
        channel=contact.channel,
        recipient=contact.external_id,
        payload=reply.to_payload(),
        now=jc.now,
        participant_id=contact.participant_id,
        kind=kind,
        dedupe_key=key,
        not_before=jc.when(official=official),
        batch=batch,
    )
    return row is not None


def fire_times(trigger: CronTrigger, start: datetime, end: datetime) -> list[datetime]:
    """Return the trigger's fire times in [start, end]."""
    found: list[datetime] = []
    moment: datetime | None = trigger.get_next_fire_time(None, start)
    while moment is not None and moment <= end and len(found) < 1000:
        found.append(moment)
        moment = trigger.get_next_fire_time(moment, moment + timedelta(seconds=1))
    return found


# ---------------------------------------------------------------------------------------------------------------
# The rules


async def remind_updates(jc: JobContext) -> int:
    """Ask each liaison officer for a progress update per commitment, unless it was updated since the last ask."""
    trigger = jc.rules.update_trigger(jc.zone)
    if trigger is None:
        return 0
    recent = fire_times(trigger, jc.now - CATCH_UP, jc.now)
    if not recent:
        return 0
    occurrence = recent[-1]
    earlier = fire_times(trigger, occurrence - timedelta(days=400), occurrence - timedelta(seconds=1))
    previous = earlier[-1] if earlier else occurrence - timedelta(days=31)
    updated = await rem.last_updates(jc.conn)
    commitments = {c.id: c for c in await catalogue.list_commitments(jc.conn)}
    queued = 0
    for officer in await rem.liaison_contacts(jc.conn):
        commitment = commitments.get(officer.commitment_id)
        if commitment is None or not officer.notify_reminders:
            continue
        if updated.get(commitment.id, datetime.min.replace(tzinfo=jc.zone)) > previous:
            continue
        first = commitment.id not in updated  # nothing reported yet: «what was done so far», not «since the last»
        key = f"remind:update:{commitment.id}:{jc.local_date(occurrence)}:{officer.participant_id}"
        reader = jc.speaking(officer.language)
        reply = nudges.update_due(reader.messages, commitment, first=first)
        queued += await push(reader, officer, reply, key=key, official=True)
    return queued


async def remind_answers(jc: JobContext) -> int:
    """Remind officers of recommendations unanswered after N days, and coordinators after M days."""
    # The overdue list is read only when someone would be told: at 100,000 recommendations it is 80 MB and 1 s.
    queued = 0
    if jc.rules.answer_officer_days:
        officers = [o for o in await rem.liaison_contacts(jc.conn) if o.notify_reminders]
        if officers:
            cutoff = jc.now - timedelta(days=jc.rules.answer_officer_days)
            overdue = await rem.unanswered(jc.conn, cutoff, commitments={o.commitment_id for o in officers})
            by_commitment: dict[int, list[rem.OverdueRecommendation]] = defaultdict(list)
            for item in overdue:
                by_commitment[item.commitment_id].append(item)
            for officer in officers:
                items = by_commitment.get(officer.commitment_id, [])
                if items:
                    queued += await _officer_digest(jc, officer, items)
    if jc.rules.answer_coordinator_days:
        coordinators = [c for c in await rem.coordinator_contacts(jc.conn, jc.coordinators) if c.notify_reminders]
        if coordinators:
            overdue = await rem.unanswered(jc.conn, jc.now - timedelta(days=jc.rules.answer_coordinator_days))
            for coordinator in coordinators if overdue else []:
                queued += await _coordinator_digest(jc, coordinator, overdue)
    return queued


async def _officer_digest(jc: JobContext, officer: rem.LiaisonContact, items: list[rem.OverdueRecommendation]) -> int:
    """Tell an officer about the overdue recommendations not mentioned before; the day's digest goes once."""
    told = await rem.logged_subjects(jc.conn, "answer", officer)
    new = [item for item in items if str(item.id) not in told]
    if not new:
        return 0
    key = f"remind:answer:{officer.commitment_id}:{jc.local_date()}:{officer.participant_id}"
    reader = jc.speaking(officer.language)
    reply = nudges.answer_digest(reader.messages, new, jc.rules.answer_officer_days)
    if not await push(reader, officer, reply, key=key, official=True):
        return 0  # today's digest went already; these are in tomorrow's
    await rem.log_subjects(jc.conn, "answer", [str(item.id) for item in new], officer, jc.now)
    return 1


async def _coordinator_digest(jc: JobContext, coordinator: Contact, items: list[rem.OverdueRecommendation]) -> int:
    """Give a coordinator the overdue list per commitment when something new is on it."""
    told = await rem.logged_subjects(jc.conn, "overdue", coordinator)
    if all(str(item.id) in told for item in items):
        return 0
    by_number: dict[int, list[rem.OverdueRecommendation]] = defaultdict(list)
    for item in items:
        by_number[item.commitment_number].append(item)
    reader = jc.speaking(coordinator.language)
    reply = nudges.overdue_digest(reader.messages, by_number, jc.rules.answer_coordinator_days)
    key = f"remind:overdue:{coordinator.address}:{jc.local_date()}"
    if not await push(reader, coordinator, reply, key=key, official=True):
        return 0
    await rem.log_subjects(jc.conn, "overdue", [str(item.id) for item in items], coordinator, jc.now)
    return 1


async def remind_milestones(jc: JobContext) -> int:
    """Remind officers N days before an unfinished milestone's end date, and once it has passed unfinished."""
    days = jc.rules.milestone_days_before
    if not days:
        return 0
    today = jc.now.astimezone(jc.zone).date()
    due = await rem.open_milestones(jc.conn, today - MILESTONE_OVERDUE_WINDOW, today + timedelta(days=days))
    if not due:
        return 0
    commitments = {c.id: c for c in await catalogue.list_commitments(jc.conn)}
    officers = await rem.liaison_contacts(jc.conn)
    queued = 0
    for milestone in due:
        commitment = commitments[milestone.commitment_id]
        passed = milestone.end_date < today
        stage = "passed" if passed else "soon"
        for officer in officers:
            if officer.commitment_id != milestone.commitment_id or not officer.notify_reminders:
                continue
            reader = jc.speaking(officer.language)
            reply = nudges.milestone_due(reader.messages, milestone, commitment, passed=passed)
            key = f"remind:milestone:{milestone.id}:{milestone.end_date.isoformat()}:{stage}:{officer.participant_id}"
            queued += await push(reader, officer, reply, key=key, official=True)
    return queued


async def remind_rounds(jc: JobContext) -> int:
    """Remind the members of an open round N days before its deadline."""
    days = jc.rules.round_days_before
    if not days:
        return 0
    queued = 0
    for due in await rounds.rounds_due(jc.conn, jc.now, jc.now + timedelta(days=days)):
        assert due.round.deadline is not None  # noqa: S101 - the query asks for a deadline
        local = due.round.deadline.astimezone(jc.zone)
        for member in due.members:
            if not member.notify_reminders:
                continue
            reader = jc.speaking(member.language)
            reply = nudges.round_deadline(reader.messages, due.round.name, local)
            person = Contact(
                participant_id=member.participant_id,
                channel=member.channel,
                external_id=member.external_id,
                language=member.language,
            )
            key = f"remind:round:{due.round.id}:{local.date().isoformat()}:{member.participant_id}"
            queued += await push(reader, person, reply, key=key, official=False)
    return queued


async def summarise_broadcasts(jc: JobContext) -> int:
    """Tell each coordinator how their finished broadcast went: sent, failed, unreachable."""
    queued = 0
    for item in await broadcasts.unsummarised(jc.conn):
        tally = await broadcasts.tally(jc.conn, item.id)
        if tally.waiting:
            continue
        contact = Contact(participant_id=item.created_by, channel=item.channel, external_id=item.recipient)
        reader = jc.speaking(await participants.chat_language(jc.conn, item.channel, item.recipient))
        reply = nudges.broadcast_summary(reader.messages, item.total, tally)
        queued += await push(reader, contact, reply, key=f"bc:summary:{item.id}", official=False, kind="notification")
        await broadcasts.mark_summarised(jc.conn, item.id, jc.now)
    return queued


FORUM_GAP_MONTHS = 5  # OGP: the forum meets at least every six months; a month's warning
SNAPSHOT_GAP_MONTHS = 5  # OGP: the repository is updated at least twice a year


async def _cadence_reference(jc: JobContext, last: datetime | None) -> datetime | None:
    """Return when the clock of a cadence started: the last time it was met, else since the bot was in use."""
    return last or await timeline.in_use_since(jc.conn)


async def _remind_coordinators(
    jc: JobContext, rule: str, since: datetime, reminder: Callable[[Messages], Reply]
) -> int:
    """Remind every coordinator once a month while a cadence is missed (the key names the month and the gap), each
    in their language (reminder words it in the catalogue it is given)."""
    month = jc.now.astimezone(jc.zone).strftime("%Y-%m")
    queued = 0
    for coordinator in await rem.coordinator_contacts(jc.conn, jc.coordinators):
        if not coordinator.notify_reminders:
            continue
        reader = jc.speaking(coordinator.language)
        key = f"remind:{rule}:{jc.local_date(since)}:{month}:{coordinator.address}"
        queued += await push(reader, coordinator, reminder(reader.messages), key=key, official=True)
    return queued


async def remind_forum(jc: JobContext) -> int:
    """Remind coordinators when no round or meeting has been held for five months."""
    today = jc.now.astimezone(jc.zone).date()
    held = await timeline.last_meeting(jc.conn, today)
    since = datetime.combine(held, time(12), jc.zone) if held else await _cadence_reference(jc, None)
    if since is None or since.astimezone(jc.zone).date() > timeline.months_before(today, FORUM_GAP_MONTHS):
        return 0
    day = since.astimezone(jc.zone).date()
    return await _remind_coordinators(jc, "forum", since, partial(nudges.forum_due, since=day, ever_held=bool(held)))


async def remind_snapshot(jc: JobContext) -> int:
    """Remind coordinators when the newest snapshot of the open data is older than five months."""
    today = jc.now.astimezone(jc.zone).date()
    newest = await snapshots.newest_snapshot(jc.conn)
    since = await _cadence_reference(jc, newest.taken_at if newest else None)
    if since is None or since.astimezone(jc.zone).date() > timeline.months_before(today, SNAPSHOT_GAP_MONTHS):
        return 0
    day = since.astimezone(jc.zone).date()
    reminder = partial(nudges.snapshot_due, since=day, ever_taken=newest is not None)
    return await _remind_coordinators(jc, "snapshot", since, reminder)


RETENTION_JOB_ID = "retention"
RETENTION_HOUR = 3  # a quiet hour in Amman
SNAPSHOT_JOB_ID = "snapshots"
PERIODIC_MINUTES = 5
SNAPSHOT_TIME = (3, 30)

# Every rule, in the order they run; another feature adds its own job here.
JOBS: tuple[Job, ...] = (
    remind_updates,
    remind_answers,
    remind_milestones,
    remind_rounds,
    summarise_broadcasts,
    remind_forum,
    remind_snapshot,
)


# ---------------------------------------------------------------------------------------------------------------
# Running them


class ReminderScheduler:
    """Runs the jobs at their times with APScheduler; holds no state a restart could lose."""

    def __init__(
        self,
        db: Database,
        messages: Messages,
        clock: Clock,
        *,
        zone: ZoneInfo,
        defaults: ReminderRules,
        coordinators: Sequence[str] = (),
        check_minutes: int = 15,
        on_queued: Callable[[], None] = lambda: None,
        jobs: Sequence[Job] = JOBS,
        retention_days: int | None = None,
        outbox_keep_days: int = OUTBOX_KEEP_DAYS,
        snapshots: SnapshotKeeper | None = None,
        periodic: Sequence[Callable[[datetime], Awaitable[object]]] = (),
    ) -> None:
        self.db = db
        self.messages = messages
        self.clock = clock
        self.zone = zone
        self.defaults = defaults
        self.coordinators = tuple(coordinators)
        self.check_minutes = check_minutes
        self.on_queued = on_queued
        self.jobs = tuple(jobs)
        self.retention_days = retention_days
        self.outbox_keep_days = outbox_keep_days
        self.snapshots = snapshots
        self.periodic = tuple(periodic)  # the operators' checks (backups, alerts): each decides itself what is due
        self.scheduler = AsyncIOScheduler(timezone=zone)
        self._cron: str | None = None
        self._running: set[asyncio.Task[object]] = set()  # job runs under way, which stop() waits for

    async def run_due(self, now: datetime | None = None, jobs: Sequence[Job] | None = None) -> int:
        """Run every job (or the given ones) at now, each in its own transaction; return rows queued."""
        moment = now or self.clock.now()
        queued = 0
        for job in jobs or self.jobs:
            try:
                async with self.db.transaction() as conn:
                    rules = await reminder_rules.load_rules(conn, self.defaults)
                    jc = JobContext(conn, moment, rules, self.zone, self.messages, self.coordinators)
                    queued += await job(jc)
            except Exception:  # one rule's failure must not stop the others
                log.exception("reminder job %s failed", job.__name__)
        if queued:
            log.info("reminders: queued %d messages", queued)
            self.on_queued()
        return queued

    async def start(self) -> None:
        """Schedule the jobs and run them once now (catching up after downtime)."""
        options = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        self._add(
            self._tick,
            IntervalTrigger(minutes=self.check_minutes, timezone=self.zone),
            id="reminders",
            next_run_time=datetime.now(self.zone),
            **options,
        )
        self._add(
            self.run_due,
            IntervalTrigger(minutes=1, timezone=self.zone),
            id="broadcast-summaries",
            kwargs={"jobs": (summarise_broadcasts,)},
            **options,
        )
        if self.retention_days is not None:
            self._add(
                self.run_retention,
                CronTrigger(hour=RETENTION_HOUR, timezone=self.zone),
                id=RETENTION_JOB_ID,
                next_run_time=datetime.now(self.zone),  # catch up after downtime
                **options,
            )
        if self.snapshots is not None:
            hour, minute = SNAPSHOT_TIME
            self._add(
                self.run_snapshots,
                CronTrigger(hour=hour, minute=minute, timezone=self.zone),
                id=SNAPSHOT_JOB_ID,
                next_run_time=datetime.now(self.zone),  # catch up after downtime
                **options,
            )
        if self.periodic:
            self._add(
                self.run_periodic,
                IntervalTrigger(minutes=PERIODIC_MINUTES, timezone=self.zone),
                id="operations",
                next_run_time=datetime.now(self.zone),
                **options,
            )
        await self._sync_update_trigger()
        self.scheduler.start()

    async def run_periodic(self, now: datetime | None = None) -> None:
        """Run the operators' checks (a backup when due, alerts), each on its own."""
        for check in self.periodic:
            try:
                await check(now or self.clock.now())
            except Exception:  # the next run tries again
                log.exception("operations job %s failed", getattr(check, "__qualname__", check))

    async def run_snapshots(self, now: datetime | None = None) -> None:
        """Take the open data's snapshot when one is due."""
        if self.snapshots is None:
            return
        try:
            await self.snapshots.run_due(now or self.clock.now())
        except Exception:  # tomorrow's run tries again
            log.exception("snapshot job failed")

    async def run_retention(self, now: datetime | None = None) -> RetentionResult | None:
        """Anonymise participants inactive past the retention period (configured coordinators kept)."""
        if self.retention_days is None:
            return None
        try:
            return await apply_retention(
                self.db,
                now=now or self.clock.now(),
                days=self.retention_days,
                keep=frozenset(self.coordinators),
                outbox_days=self.outbox_keep_days,
            )
        except Exception:  # the next day's run tries again
            log.exception("retention job failed")
            return None

    async def stop(self) -> None:
        """Stop scheduling; wait for the jobs in progress, so that none is cut off in its transaction."""
        if not self.scheduler.running:
            return
        self.scheduler.pause()  # no new run; APScheduler's shutdown would cancel the ones under way
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)
        self.scheduler.shutdown(wait=False)

    def _add(self, job: Callable[..., Awaitable[object]], trigger: BaseTrigger, **options: Any) -> None:
        """Schedule a job whose runs stop() waits for."""

        @functools.wraps(job)
        async def tracked(*args: Any, **kwargs: Any) -> None:
            task = asyncio.current_task()
            assert task is not None  # noqa: S101 - APScheduler runs coroutine jobs as tasks
            self._running.add(task)
            try:
                await job(*args, **kwargs)
            finally:
                self._running.discard(task)

        self.scheduler.add_job(tracked, trigger, **options)

    async def _tick(self) -> None:
        await self._sync_update_trigger()
        await self.run_due()

    async def _sync_update_trigger(self) -> None:
        """Follow the progress-reminder schedule a coordinator may have changed."""
        async with self.db.transaction() as conn:
            rules = await reminder_rules.load_rules(conn, self.defaults)
        if rules.update_cron == self._cron:
            return
        self._cron = rules.update_cron
        if self.scheduler.get_job(UPDATE_JOB_ID) is not None:
            self.scheduler.remove_job(UPDATE_JOB_ID)
        trigger = rules.update_trigger(self.zone)
        if trigger is not None:
            self._add(
                self.run_due,
                trigger,
                id=UPDATE_JOB_ID,
                kwargs={"jobs": (remind_updates,)},
                coalesce=True,
                max_instances=1,
                misfire_grace_time=None,
            )
