"""What the running bot counts, for /metrics and the operators' alerts.

The hot path only increments counters (a lock and an addition); everything read from the database or the disk is a
gauge computed when /metrics is scraped. The counters live in the process's own registry, never the global one, so
nothing a library registers leaks into the page.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram

from bot.transport import Delivery, Outcome
from handlers.kit.contract import Incoming

REGISTRY = CollectorRegistry(auto_describe=True)

UPDATES_RECEIVED = Counter(
    "ogp_updates_received", "Events received from people, per channel and kind", ["channel", "kind"], registry=REGISTRY
)
UPDATES_HANDLED = Counter(
    "ogp_updates_handled",
    "Events handled (stored, answered), per channel and kind",
    ["channel", "kind"],
    registry=REGISTRY,
)
HANDLER_SECONDS = Histogram(
    "ogp_handler_seconds",
    "Time to handle one event or one batch of events, in its transaction",
    ["channel"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
    registry=REGISTRY,
)
SENDS = Counter("ogp_sends", "Delivery attempts by outcome", ["channel", "outcome"], registry=REGISTRY)
REMINDERS_SENT = Counter("ogp_reminders_sent", "Reminders delivered", ["channel"], registry=REGISTRY)
WEBHOOK_REJECTIONS = Counter(
    "ogp_webhook_rejections", "Webhook requests refused, per path and reason", ["path", "reason"], registry=REGISTRY
)
TOKEN_REJECTED = Counter(
    "ogp_token_rejected", "Calls the channel's API refused for the bot's token (401)", ["channel"], registry=REGISTRY
)
DOCUMENT_JOBS = Counter("ogp_document_jobs", "Document builds finished, by outcome", ["outcome"], registry=REGISTRY)

# An HTTP status a webhook answered with, as the reason a rejection is counted under.
REJECTION_REASONS = {
    400: "malformed",
    401: "unsigned",
    403: "forbidden",
    408: "slow_body",
    413: "too_large",
    503: "busy",
}


def kind_of(incoming: Incoming) -> str:
    """Return what an event is: a command, a button, a text or anything else (a file, a location)."""
    if incoming.command is not None:
        return "command"
    if incoming.choice is not None:
        return "choice"
    return "text" if incoming.text is not None else "other"


def received(incoming: Incoming) -> None:
    """Count an event that reached the dispatcher."""
    UPDATES_RECEIVED.labels(incoming.channel, kind_of(incoming)).inc()


def handled(incoming: Incoming) -> None:
    """Count an event whose transaction committed (a redelivered one included: it was handled before)."""
    UPDATES_HANDLED.labels(incoming.channel, kind_of(incoming)).inc()


@contextlib.contextmanager
def timed(channel: str) -> Iterator[None]:
    """Observe how long the block took, when it finishes without an error."""
    started = time.perf_counter()
    yield
    HANDLER_SECONDS.labels(channel).observe(time.perf_counter() - started)


def count_delivery(channel: str, kind: str, delivery: Delivery) -> None:
    """Count one delivery attempt under its outcome: sent, 429, blocked, failed, retry or held."""
    SENDS.labels(channel, outcome_label(delivery)).inc()
    if delivery.outcome is Outcome.SENT and kind == "reminder":
        REMINDERS_SENT.labels(channel).inc()


def outcome_label(delivery: Delivery) -> str:
    """Return the name an attempt is counted under."""
    if delivery.outcome is Outcome.RETRY and delivery.retry_after is not None:
        return "429"
    if delivery.outcome is Outcome.UNREACHABLE:
        return "blocked"
    return str(delivery.outcome)


def total(counter: Counter, **match: str) -> float:
    """Return a counter's sum over the label values that match (the alerts compare it between two checks)."""
    found = 0.0
    for family in counter.collect():
        for sample in family.samples:
            if sample.name.endswith("_total") and all(sample.labels.get(k) == v for k, v in match.items()):
                found += sample.value
    return found
