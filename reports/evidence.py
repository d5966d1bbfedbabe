"""The evidence pack: one zip that answers an IRM review requirement by requirement from what the bot recorded.

It holds an index (a right-to-left Word file) that takes OGP's five Participation and Co-Creation Standards and
their minimum requirements in turn, says what the bot recorded for each and points to the files beside it:
round reports and the rounds' timelines, the forum's rules, every recommendation with its reasoned response and
when its author was told, the progress updates with their evidence, the IRM's assessments, and the dated snapshots
of the open data. A requirement without evidence is listed as a gap, in its place and again at the end.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiosqlite

from messages_ar import Messages
from reports import round_findings
from reports.archive import UPDATES, archive_path
from reports.cells import neutralise
from reports.evidence_rules import Interval, long_intervals, meetings_per_year, notice_problem
from reports.file_names import safe_file_name, unique_file_name
from reports.snapshot import snapshot_files
from reports.tables import CellValue
from storage import catalogue, evidence, exports, forum_rules, irm, snapshots
from storage.exports import ExportedStatusUpdate, ExportScope
from storage.files import FileStore
from storage.publishing import PublishMode
from storage.round_hall import get_hall
from storage.rounds import Round, RoundState

MIME = "application/zip"
STANDARDS = (1, 2, 3, 4, 5)
REQUIREMENTS = (
    "1-meets",
    "1-rules",
    "2-website",
    "2-repository",
    "3-timeline",
    "4-reasoned",
    "5-meetings",
    "5-progress",
)


def catalogue_keys() -> frozenset[str]:
    """Return the catalogue keys the index builds from a standard's number or a requirement (for the catalogue test)."""
    keys = {f"ev-std-{n}" for n in STANDARDS} | {f"ev-std-{n}-quote" for n in STANDARDS}
    keys |= {f"ev-req-{r}" for r in REQUIREMENTS} | {f"ev-quote-{r}" for r in REQUIREMENTS}
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class Period:
    """The days the pack covers, inclusive, in the bot's time zone."""

    since: date
    until: date
    tz: ZoneInfo

    def instants(self) -> tuple[datetime, datetime]:
        """Return [start, end) as instants."""
        end = datetime.combine(self.until + timedelta(days=1), time(0), self.tz)
        return datetime.combine(self.since, time(0), self.tz), end

    def covers(self, moment: datetime) -> bool:
        """Tell whether an instant falls on one of the period's days."""
        return self.since <= moment.astimezone(self.tz).date() <= self.until


@dataclass
class Finding:
    """What the bot recorded for one minimum requirement, the files that show it, and the gap when there is one."""

    standard: int
    requirement: str  # the catalogue's suffix: ev-req-<requirement>, ev-quote-<requirement>
    evidence: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    gap: str | None = None


@dataclass
class Pack:
    """The zip's bytes and the findings its index gives."""

    data: bytes
    findings: list[Finding]
    period: Period

    @property
    def gaps(self) -> list[Finding]:
        """Return the requirements with a gap."""
        return [f for f in self.findings if f.gap]


class _Zip:
    """The pack's files, written as they are made."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.archive = zipfile.ZipFile(self.buffer, "w", compression=zipfile.ZIP_DEFLATED)
        self.names: list[str] = []

    def add(self, name: str, data: bytes) -> str:
        self.archive.writestr(name, data)
        self.names.append(name)
        return name

    def table(self, name: str, messages: Messages, headers: Sequence[str], rows: Sequence[Sequence[CellValue]]) -> str:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow([messages.t(key) for key in headers])
        writer.writerows([[_text(v) for v in row] for row in rows])
        return self.add(name, text.getvalue().encode("utf-8-sig"))

    def close(self) -> bytes:
        self.archive.close()
        return self.buffer.getvalue()


def _text(value: CellValue) -> str:
    """Return a cell as the pack writes it: dates as the index does (30/9/2019), times as 24-hour hh:mm."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{_dmy(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return _dmy(value)
    return neutralise(value) if isinstance(value, str) else str(value)


def _dmy(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


async def period_of(
    conn: aiosqlite.Connection, since: date | None, until: date | None, now: datetime, tz: ZoneInfo
) -> Period:
    """Return the period asked for; by default the active plan's period, up to today while it runs."""
    plan = await catalogue.active_plan(conn)
    today = now.astimezone(tz).date()
    start = since or (plan.start_date if plan else today)
    end = min(today, plan.extended_to or plan.end_date) if plan else today
    return Period(start, until or (end if end >= start else today), tz)


async def build_evidence(
    conn: aiosqlite.Connection,
    *,
    since: date | None,
    until: date | None,
    now: datetime,
    messages: Messages,
    tz: ZoneInfo,
    snapshot_root: Path | None,
    files_root: Path | None = None,
) -> Pack:
    """Build the evidence pack for a period from what conn reads (a read-only snapshot, like the exports);
    files_root: the files folder, whence the progress updates' evidence files are added beside the export."""
    from reports import evidence_docx  # python-docx loads only when asked

    period = await period_of(conn, since, until, now, tz)
    pack = _Zip()
    held = [r for r in await evidence.rounds_in(conn, period.since, period.until) if _was_held(r, now, tz)]
    findings = [
        *await _forum(conn, pack, messages, period, held, now),
        *await _repository(conn, pack, messages, period, snapshot_root),
        *_timeline(messages, held, tz),
        *await _reasoned_response(conn, pack, messages, period),
        *await _implementation(conn, pack, messages, period, held, now, files_root),
    ]
    plan = await catalogue.active_plan(conn)
    index = evidence_docx.index(messages, messages.name(plan) if plan else "—", period, now, findings)
    pack.archive.writestr("index.docx", index)
    return Pack(pack.close(), findings, period)


def _evidence_files(pack: _Zip, store: FileStore, update: ExportedStatusUpdate) -> None:
    """Add an update's evidence files where the export beside them names them (5-implementation/files/...)."""
    for ref in update.files:
        data = store.read(ref.sha256)
        if data is not None:
            pack.add(f"5-implementation/{archive_path(UPDATES, update.id, ref)}", data)


def _was_held(found: Round, now: datetime, tz: ZoneInfo) -> bool:
    """Tell whether a round counts as a meeting held: not a draft, and its day has come."""
    return (
        found.state is not RoundState.DRAFT and found.held_on is not None and found.held_on <= now.astimezone(tz).date()
    )


def _day(messages: Messages, moment: date | datetime | None, tz: ZoneInfo) -> str:
    if moment is None:
        return "—"
    return messages.date(moment.astimezone(tz).date() if isinstance(moment, datetime) else moment)


# ---------------------------------------------------------------------------------------------------------------
# Standard 1: a forum that meets at least every six months, whose rules on participation are public

ROUND_HEADERS = (
    "ev-col-round",
    "ev-col-held",
    "ev-col-place",
    "ev-col-state",
    "ev-col-announced",
    "ev-col-notice-days",
    "ev-col-short-confirmed",
    "ev-col-announcement-sent",
    "ev-col-recipients",
    "ev-col-members",
    "ev-col-hall",
    "ev-col-hall-officers",
)


async def _forum(
    conn: aiosqlite.Connection, pack: _Zip, messages: Messages, period: Period, held: list[Round], now: datetime
) -> list[Finding]:
    meets = Finding(1, "1-meets")
    rows: list[list[CellValue]] = []
    taken: set[str] = set()
    for found in held:
        figures = await round_findings.attendance(conn, found.id)
        hall = await get_hall(conn, found.id)
        row = _round_row(messages, found, figures.total, period.tz, now)
        rows.append([*row, hall.total if hall else None, hall.officers if hall else None])
        meets.evidence.append(
            messages.t(
                "ev-round-line",
                name=messages.name(found, "name"),
                date=_day(messages, found.held_on, period.tz),
                count=figures.total,
            )
        )
        name = unique_file_name(f"1-forum/{_report_stem(messages, found)}", ".docx", taken)
        meets.files.append(pack.add(name, await _round_report(conn, found, messages, now)))
    meets.files.insert(0, pack.table("1-forum/rounds.csv", messages, ROUND_HEADERS, rows))
    gaps = long_intervals([r.held_on for r in held if r.held_on], period.since, period.until)
    if gaps:
        meets.gap = messages.t("ev-gap-meets", intervals=_intervals(messages, gaps, period.tz))
    return [meets, await _rules(conn, pack, messages, period)]


def _report_stem(messages: Messages, found: Round) -> str:
    """Return a round report's file name without suffix: its day, then its name (never its join code)."""
    day = f"{found.held_on:%Y-%m-%d}-" if found.held_on else ""
    return day + safe_file_name(messages.name(found, "name"))


def _round_row(messages: Messages, found: Round, members: int, tz: ZoneInfo, now: datetime) -> list[CellValue]:
    notice = (found.held_on - found.announced_on).days if found.held_on and found.announced_on else None
    return [
        messages.name(found, "name"),
        found.held_on,
        messages.t("round-online") if found.online or not found.place else messages.name(found, "place"),
        messages.t(found.stage_key(now)),
        found.announced_on,
        notice,
        found.short_notice_confirmed_at.astimezone(tz).replace(tzinfo=None)
        if found.short_notice_confirmed_at
        else None,
        found.announcement_sent_at.astimezone(tz).replace(tzinfo=None) if found.announcement_sent_at else None,
        found.announcement_recipients,
        members,
    ]


async def _round_report(conn: aiosqlite.Connection, found: Round, messages: Messages, now: datetime) -> bytes:
    from reports.report_docx import build_report

    # The public copy, as the site serves it (the stricter rule: approved or answered input; named authors only).
    return await build_report(conn, round_id=found.id, now=now, messages=messages, publish=PublishMode.APPROVED)


def _intervals(messages: Messages, gaps: Sequence[Interval], tz: ZoneInfo) -> str:
    parts = [messages.t("ev-interval", start=_day(messages, g.start, tz), end=_day(messages, g.end, tz)) for g in gaps]
    return messages.join(parts)


async def _rules(conn: aiosqlite.Connection, pack: _Zip, messages: Messages, period: Period) -> Finding:
    finding = Finding(1, "1-rules")
    versions = [
        v for v in await forum_rules.rules_history(conn) if v.set_at.astimezone(period.tz).date() <= period.until
    ]
    if not versions:
        finding.gap = messages.t("ev-gap-rules")
        return finding
    text = "\n\n".join(
        messages.t("ev-rules-version", date=_day(messages, v.set_at, period.tz), text=messages.name(v, "text"))
        for v in versions
    )
    finding.files.append(pack.add("1-forum/rules.txt", text.encode("utf-8")))
    finding.evidence += [messages.t("ev-rules-line", date=_day(messages, v.set_at, period.tz)) for v in versions]
    return finding


# ---------------------------------------------------------------------------------------------------------------
# Standard 2: a website and a repository updated at least twice a year

SNAPSHOT_HEADERS = ("ev-col-taken", "ev-col-folder", "ev-col-files", "exp-col-count", "ev-col-on-disk")


async def _repository(
    conn: aiosqlite.Connection, pack: _Zip, messages: Messages, period: Period, root: Path | None
) -> list[Finding]:
    website = Finding(2, "2-website", gap=messages.t("ev-gap-website"))
    repository = Finding(2, "2-repository")
    taken = [s for s in await snapshots.list_snapshots(conn) if period.covers(s.taken_at)]
    rows: list[list[CellValue]] = []
    for snapshot in taken:
        on_disk = snapshot_files(root, snapshot) if root is not None else []
        for path in on_disk:
            repository.files.append(pack.add(f"2-repository/{snapshot.folder}/{path.name}", path.read_bytes()))
        local = snapshot.taken_at.astimezone(period.tz).replace(tzinfo=None)
        rows.append([local, snapshot.folder, " ".join(snapshot.names()), snapshot.recommendations, len(on_disk)])
        repository.evidence.append(
            messages.t(
                "ev-snapshot-line", date=_day(messages, snapshot.taken_at, period.tz), count=snapshot.recommendations
            )
        )
    repository.files.insert(0, pack.table("2-repository/snapshots.csv", messages, SNAPSHOT_HEADERS, rows))
    days = [s.taken_at.astimezone(period.tz).date() for s in taken]
    gaps = long_intervals(days, period.since, period.until)
    if gaps:
        repository.gap = messages.t("ev-gap-repository", intervals=_intervals(messages, gaps, period.tz))
    return [website, repository]


# ---------------------------------------------------------------------------------------------------------------
# Standard 3: the timeline published ahead of co-creation (two weeks, as the IRM asked of Jordan)


def _timeline(messages: Messages, held: list[Round], tz: ZoneInfo) -> list[Finding]:
    finding = Finding(3, "3-timeline", files=["1-forum/rounds.csv"])
    problems: list[str] = []
    for found in held:
        finding.evidence.append(_timeline_line(messages, found, tz))
        problem = notice_problem(found)
        if problem == "no-date":
            problems.append(messages.t("ev-timeline-missing", name=messages.name(found, "name")))
        elif problem == "short":
            short = messages.t("ev-timeline-short", name=messages.name(found, "name"), days=_notice(found))
            if found.short_notice_confirmed_at is not None:
                short += " " + messages.t("ev-timeline-confirmed")
            problems.append(short)
    if not held:
        finding.gap = messages.t("ev-gap-no-rounds")
    elif problems:
        finding.gap = messages.t("ev-gap-timeline", rounds=messages.join(problems))
    return [finding]


def _notice(found: Round) -> int:
    return (found.held_on - found.announced_on).days if found.held_on and found.announced_on else 0


def _timeline_line(messages: Messages, found: Round, tz: ZoneInfo) -> str:
    announced = messages.date(found.announced_on) if found.announced_on else "—"
    held = messages.date(found.held_on) if found.held_on else "—"
    name = messages.name(found, "name")
    line = messages.t("ev-timeline-line", name=name, announced=announced, held=held, days=_notice(found))
    if found.announcement_sent_at is not None:
        sent = _day(messages, found.announcement_sent_at, tz)
        line += " " + messages.t("ev-timeline-sent", date=sent, count=found.announcement_recipients or 0)
    return line


# ---------------------------------------------------------------------------------------------------------------
# Standard 4: a reasoned response to stakeholders' input

RESPONSE_HEADERS = (
    "exp-col-id",
    "exp-col-commitment",
    "exp-col-ogp-id",
    "exp-col-round",
    "exp-col-created",
    "exp-col-state",
    "exp-col-answered",
    "ev-col-missing-reason",
    "exp-col-response",
    "exp-col-responded",
    "exp-col-told",
    "ev-col-answers",
)
HISTORY_HEADERS = ("exp-col-id", "exp-col-state", "exp-col-response", "ev-col-answered-at", "exp-col-told")


async def _reasoned_response(
    conn: aiosqlite.Connection, pack: _Zip, messages: Messages, period: Period
) -> list[Finding]:
    finding = Finding(4, "4-reasoned")
    start, end = period.instants()
    local = _local(period.tz)
    rows: list[list[CellValue]] = []
    total = answered = waiting = missing = told = 0
    async for item in evidence.responses(conn, start, end):
        total += 1
        answered += item.answered
        waiting += not item.answered and not item.missing_reason  # a reason-less refusal is counted apart
        missing += item.missing_reason
        told += item.told_at is not None
        rows.append(
            [
                item.id,
                item.commitment_number,
                item.ogp_id,
                item.round_name,
                local(item.created_at),
                messages.t(f"state-{item.state.value}"),
                messages.t("exp-yes" if item.answered else "exp-no"),
                messages.t("exp-yes" if item.missing_reason else "exp-no"),
                item.response,
                local(item.responded_at),
                local(item.told_at),
                item.answers,
            ]
        )
    history: list[list[CellValue]] = [
        [e.recommendation_id, messages.t(f"state-{e.state.value}"), e.response, local(e.created_at), local(e.told_at)]
        async for e in evidence.history(conn, start, end)
    ]
    finding.files += [
        pack.table("4-reasoned-response/recommendations.csv", messages, RESPONSE_HEADERS, rows),
        pack.table("4-reasoned-response/answers.csv", messages, HISTORY_HEADERS, history),
    ]
    finding.evidence.append(messages.t("ev-responses", total=total, answered=answered, told=told))
    problems = []
    if waiting:
        problems.append(messages.t("ev-responses-waiting", count=waiting))
    if missing:
        problems.append(messages.t("ev-responses-missing", count=missing))
    if problems:
        finding.gap = messages.join(problems)
    return [finding]


def _local(tz: ZoneInfo) -> Callable[[datetime | None], datetime | None]:
    def convert(moment: datetime | None) -> datetime | None:
        return moment.astimezone(tz).replace(tzinfo=None) if moment else None

    return convert


# ---------------------------------------------------------------------------------------------------------------
# Standard 5: dialogue during implementation (two meetings a year), progress with its evidence, the IRM's word


async def _implementation(
    conn: aiosqlite.Connection,
    pack: _Zip,
    messages: Messages,
    period: Period,
    held: list[Round],
    now: datetime,
    files_root: Path | None,
) -> list[Finding]:
    meetings = Finding(5, "5-meetings", files=["1-forum/rounds.csv"])
    days = [r.held_on for r in held if r.held_on]
    years = meetings_per_year(days, period.since, period.until)
    for year in years:
        start, end = _day(messages, year.start, period.tz), _day(messages, year.end - timedelta(days=1), period.tz)
        meetings.evidence.append(messages.t("ev-year-line", start=start, end=end, count=year.meetings))
    short = [y for y in years if y.meetings < 2]
    if not years:
        meetings.evidence.append(messages.t("ev-period-under-a-year", count=len(days)))
        if not days:
            meetings.gap = messages.t("ev-gap-no-rounds")
    elif short:
        meetings.gap = messages.t("ev-gap-meetings", count=len(short))
    return [meetings, await _progress(conn, pack, messages, period, now, files_root)]


async def _progress(
    conn: aiosqlite.Connection,
    pack: _Zip,
    messages: Messages,
    period: Period,
    now: datetime,
    files_root: Path | None,
) -> Finding:
    finding = Finding(5, "5-progress")
    start, end = period.instants()
    scope = ExportScope(since=start, until=end)
    updates = with_evidence = 0
    for commitment in await exports.commitments_in_scope(conn, scope):
        async for update in exports.iter_status_updates(conn, commitment.id, scope):
            updates += 1
            with_evidence += update.evidence_url is not None or bool(update.files)
            if files_root is not None:
                _evidence_files(pack, FileStore(files_root), update)
    assessed = sum(1 for a in (await irm.active_assessments(conn)).values() if not a.empty)
    # The progress data itself travels as the published view only: the dated snapshots in 2-repository/ (an export of
    # everything here would carry names and texts the site promises never to publish).
    finding.evidence.append(messages.t("ev-progress", count=updates, evidence=with_evidence))
    finding.evidence.append(messages.t("ev-irm", count=assessed))
    if not updates:
        finding.gap = messages.t("ev-gap-progress")
    return finding
