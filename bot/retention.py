"""The retention job: personal data of people inactive for too long is anonymised, old message copies go."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.files import UNLINKED_KEPT
from storage import audit, events, files, flood, participants, privacy
from storage.database import Database

log = logging.getLogger(__name__)

EVENTS_KEPT = timedelta(days=7)  # Telegram and WhatsApp stop redelivering long before this
OUTBOX_KEEP_DAYS = 7  # OGP_OUTBOX_KEEP_DAYS' default: /reminders shows the last 7 days' deliveries


@dataclass(frozen=True)
class RetentionResult:
    """What one run did."""

    anonymised: int
    outbox_pruned: int
    events_pruned: int
    unregistered_pruned: int = 0
    erasures_finished: int = 0


async def apply_retention(
    db: Database,
    *,
    now: datetime,
    days: int,
    keep: frozenset[str] = frozenset(),
    outbox_days: int = OUTBOX_KEEP_DAYS,
) -> RetentionResult:
    """Anonymise everyone without a role not heard from in `days` days (recommendations kept, unlinked); delete
    outbox rows done for `outbox_days`, and what people who never registered left for 30 days.

    keep holds "channel:id" entries never anonymised (the configured coordinators).
    """
    cutoff = now - timedelta(days=days)
    async with db.transaction() as conn:
        people = []
        for participant_id in await privacy.inactive_since(conn, cutoff):
            identities = await participants.identities_of(conn, participant_id)
            if not any(f"{channel}:{external_id}" in keep for channel, external_id in identities):
                people.append(participant_id)
        for participant_id in people:
            await privacy.forget(conn, participant_id, delete_recommendations=False, now=now, farewell=False)
            await audit.record(conn, None, "privacy.retention", f"participant:{participant_id}", None, now)
        pruned = await privacy.prune_outbox(conn, now - timedelta(days=outbox_days), cutoff)
        seen = await events.prune_events(conn, now - EVENTS_KEPT)
        unregistered = await privacy.prune_unregistered(conn, now)
        finished = await privacy.finish_stale_erasures(conn, now)
        await flood.prune(conn, now)
        await files.sweep_pending(conn, now, now - UNLINKED_KEPT)  # the keeper deletes their bytes
    await db.checkpoint()  # what was deleted leaves the WAL too
    if people:
        log.info("retention: anonymised %d inactive participants", len(people))
    return RetentionResult(
        anonymised=len(people),
        outbox_pruned=pruned,
        events_pruned=seen,
        unregistered_pruned=unregistered,
        erasures_finished=finished,
    )
