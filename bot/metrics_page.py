"""GET /metrics: the counters, and gauges read from storage and the disk at scrape time, for one caller only.

Off unless OGP_METRICS is set. "loopback" answers a caller on this machine that did not come through the proxy (a
request Caddy forwards arrives from 127.0.0.1 too, but carries X-Forwarded-For); "token" answers a caller with
`Authorization: Bearer <OGP_METRICS_TOKEN>` from anywhere.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector, CollectorRegistry

from bot import metrics
from bot.backups import last_verified
from bot.clock import Clock
from bot.web import WebServer
from storage import document_jobs, files, outbox
from storage.database import Database

if TYPE_CHECKING:
    from bot.core import Core

MetricsMode = Literal["off", "loopback", "token"]
FORWARDED = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


@dataclass(frozen=True)
class Readings:
    """What a scrape reads from the database and the disk."""

    outbox_depth: int
    outbox_oldest_seconds: float
    document_jobs: int
    database_bytes: int
    files_bytes: int
    disk_free_bytes: int  # where the database lives
    backup_age_seconds: float | None  # None: no verified backup (or backups are not configured)


class _Snapshot(Collector):
    """Hands one scrape's readings to prometheus-client as gauges."""

    def __init__(self, readings: Readings) -> None:
        self.readings = readings

    def collect(self) -> Iterable[Metric]:
        """Yield the gauges."""
        r = self.readings
        yield _gauge("ogp_outbox_depth", "Outbox rows due and not yet sent", r.outbox_depth)
        yield _gauge("ogp_outbox_oldest_seconds", "How long the oldest due row has waited", r.outbox_oldest_seconds)
        yield _gauge("ogp_document_jobs_queued", "Document builds waiting or under way", r.document_jobs)
        yield _gauge("ogp_database_bytes", "Size of the database file and its write-ahead log", r.database_bytes)
        yield _gauge("ogp_files_bytes", "Bytes of the files people sent, as stored", r.files_bytes)
        yield _gauge("ogp_disk_free_bytes", "Free space on the database's disk", r.disk_free_bytes)
        if r.backup_age_seconds is not None:
            yield _gauge("ogp_backup_age_seconds", "Seconds since the last verified backup", r.backup_age_seconds)


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)


def on_disk(path: Path) -> tuple[int, int]:
    """Return the size of a database file with its write-ahead log, and the free space on its disk."""
    sizes = (p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    return sum(sizes), shutil.disk_usage(path.resolve().parent).free


async def read(db: Database, clock: Clock, backup_dir: Path | None) -> Readings:
    """Read the gauges: the outbox, the document jobs and the files from storage; sizes and backups from the disk."""
    now = clock.now()
    async with db.reader() as conn:
        backlog = await outbox.backlog(conn, now)
        jobs = await document_jobs.count(conn)
        stored = await files.stored_bytes(conn)
    newest = await asyncio.to_thread(last_verified, backup_dir) if backup_dir is not None else None
    size, free = await asyncio.to_thread(on_disk, Path(db.path))
    return Readings(
        outbox_depth=backlog.depth,
        outbox_oldest_seconds=_age(now, backlog.oldest_due) or 0.0,
        document_jobs=jobs,
        database_bytes=size,
        files_bytes=stored,
        disk_free_bytes=free,
        backup_age_seconds=_age(now, newest.verified_at) if newest is not None else None,
    )


def _age(now: datetime, then: datetime | None) -> float | None:
    return max(0.0, (now - then).total_seconds()) if then is not None else None


def render(readings: Readings) -> bytes:
    """Return the page: every counter, then the scrape's gauges, in Prometheus' text format."""
    gauges = CollectorRegistry(auto_describe=True)
    gauges.register(_Snapshot(readings))
    return generate_latest(metrics.REGISTRY) + generate_latest(gauges)


def allowed(request: web.Request, mode: MetricsMode, token: str | None) -> bool:
    """Tell whether the caller may read the page under the configured mode."""
    if mode == "token":
        given = request.headers.get("Authorization", "")
        return token is not None and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    if mode == "loopback":
        return _is_loopback(request.remote) and not any(name in request.headers for name in FORWARDED)
    return False


def _is_loopback(address: str | None) -> bool:
    try:
        return address is not None and ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class MetricsPage:
    """The /metrics route of one running bot."""

    def __init__(
        self, db: Database, clock: Clock, mode: MetricsMode, token: str | None, backup_dir: Path | None
    ) -> None:
        self.db = db
        self.clock = clock
        self.mode = mode
        self.token = token
        self.backup_dir = backup_dir

    def mount(self, server: WebServer) -> None:
        """Add GET /metrics to the web server (nothing when metrics are off)."""
        if self.mode != "off":
            server.add_route("GET", "/metrics", self.serve)

    async def serve(self, request: web.Request) -> web.Response:
        """Answer the page to an allowed caller; 404 to anyone else (the page's existence is not advertised)."""
        if not allowed(request, self.mode, self.token):
            raise web.HTTPNotFound
        body = render(await read(self.db, self.clock, self.backup_dir))
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def metrics_page(core: Core) -> MetricsPage:
    """Return the /metrics route the settings ask for."""
    settings = core.settings
    token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
    return MetricsPage(core.db, core.clock, settings.metrics, token, settings.backup_dir)
