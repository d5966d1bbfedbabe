"""The open-data files: commitments, updates, recommendations (JSON and CSV), meetings and the Atom feed."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import aiosqlite
from feedgen.feed import FeedGenerator

from public.language import Language
from public.links import Links, file_path
from public.text import contain_bidi, xml_text
from reports import round_findings
from reports.cells import neutralise
from storage import catalogue, irm, public
from storage.irm import IrmAssessment, IrmField
from storage.models import Commitment, Milestone, Theme
from storage.public import CommitmentSummary, PlanSummary, PublicRecommendation, PublicUpdate
from storage.publishing import PublishMode
from storage.round_hall import HallCount, get_hall

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SCHEMA_VERSION = 1
FEED_ENTRIES = 50
JSON_TYPE = "application/json; charset=utf-8"
CSV_TYPE = "text/csv; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"


@dataclass(frozen=True)
class DataConfig:
    """What the files say about themselves and how they read the data."""

    publish: PublishMode
    licence: str
    licence_url: str | None
    tz: Any  # ZoneInfo


@dataclass(frozen=True)
class DataFile:
    """One file of the open-data set, as the data card describes it."""

    name: str
    anchor: str
    kind: str  # json, csv or atom
    schema: str
    fields: tuple[str, ...]


def _item_fields(schema: str, key: str) -> tuple[str, ...]:
    found = json.loads((SCHEMAS / schema).read_text(encoding="utf-8"))
    props = found["properties"][key]["items"]["properties"]
    return tuple(props)


def csv_columns() -> tuple[str, ...]:
    """Return recommendations.csv's column list (public/schemas/recommendations.csv.columns.txt)."""
    text = (SCHEMAS / "recommendations.csv.columns.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def files() -> tuple[DataFile, ...]:
    """Return the open-data files in the order the data card lists them."""
    return (
        DataFile(
            "commitments.json",
            "commitments",
            "json",
            "commitments.schema.json",
            _commitment_fields(),
        ),
        DataFile(
            "updates.json", "updates", "json", "updates.schema.json", _item_fields("updates.schema.json", "updates")
        ),
        DataFile(
            "recommendations.json",
            "recommendations",
            "json",
            "recommendations.schema.json",
            _item_fields("recommendations.schema.json", "recommendations"),
        ),
        DataFile("recommendations.csv", "recommendations-csv", "csv", "recommendations.csv.columns.txt", csv_columns()),
        DataFile(
            "meetings.json",
            "meetings",
            "json",
            "meetings.schema.json",
            _item_fields("meetings.schema.json", "meetings"),
        ),
        DataFile("updates.atom", "feed", "atom", "updates.schema.json", ("id", "title", "updated", "link", "content")),
    )


def _commitment_fields() -> tuple[str, ...]:
    found = json.loads((SCHEMAS / "commitments.schema.json").read_text(encoding="utf-8"))
    plan = found["properties"]["plans"]["items"]["properties"]
    return tuple(plan["commitments"]["items"]["properties"])


def _instant(moment: datetime | None, cfg: DataConfig) -> str | None:
    return moment.astimezone(cfg.tz).isoformat(timespec="seconds") if moment else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _head(cfg: DataConfig) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "licence": cfg.licence, "licence_url": cfg.licence_url}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _JsonList:
    """A JSON document {head..., key: [items]} written item by item (100,000 recommendations stay one pass)."""

    def __init__(self, head: dict[str, Any], key: str) -> None:
        self.out = io.StringIO()
        self.out.write(_dump(head)[:-1] + ("," if head else "") + _dump(key) + ":[")
        self.first = True

    def add(self, item: dict[str, Any]) -> None:
        if not self.first:
            self.out.write(",")
        self.first = False
        self.out.write(_dump(item))

    def bytes(self) -> bytes:
        return (self.out.getvalue() + "]}\n").encode("utf-8")


async def commitments_json(conn: aiosqlite.Connection, cfg: DataConfig, links: Links) -> bytes:
    """Return commitments.json."""
    plans = await public.plans(conn, cfg.publish)
    document = {**_head(cfg), "plans": [await _plan(conn, p, links, cfg) for p in plans]}
    return (_dump(document) + "\n").encode("utf-8")


async def _plan(conn: aiosqlite.Connection, summary: PlanSummary, links: Links, cfg: DataConfig) -> dict[str, Any]:
    plan = summary.plan
    return {
        "id": plan.id,
        "country": plan.country,
        "number": plan.number,
        "title_ar": plan.title_ar,
        "title_en": plan.title_en,
        "owner_ar": plan.owner_ar,
        "start_date": _day(plan.start_date),
        "end_date": _day(plan.end_date),
        "extended_to": _day(plan.extended_to),
        "active": plan.active,
        "commitments": [await _commitment(conn, s, plan.active, links, cfg) for s in summary.commitments],
    }


async def _commitment(
    conn: aiosqlite.Connection, s: CommitmentSummary, active: bool, links: Links, cfg: DataConfig
) -> dict[str, Any]:
    c = s.commitment
    milestones = await catalogue.list_milestones(conn, c.id)
    themes = await catalogue.list_themes(conn, c.id)
    return {
        **_commitment_fields_of(c),
        "irm": irm_item(await irm.get_assessment(conn, c.id)),
        **_commitment_figures(s, themes, milestones, active, links, cfg),
    }


def _commitment_fields_of(c: Commitment) -> dict[str, Any]:
    return {
        "number": c.number,
        "ogp_id": c.ogp_id,
        "title_ar": c.title_ar,
        "title_en": c.title_en,
        "lead_agency_ar": c.lead_agency_ar,
        "lead_agency_en": c.lead_agency_en,
        "start_date": _day(c.start_date),
        "end_date": _day(c.end_date),
        "short_title_ar": c.short_title_ar,
        "short_title_en": c.short_title_en,
        "ogp_values": [value.value for value, relevant in c.ogp_values().items() if relevant],
        "supporting_institutions_ar": catalogue.institutions(c.supporting_ar),
        "supporting_institutions_en": catalogue.institutions(c.supporting_en),
    }


def irm_item(assessment: IrmAssessment) -> dict[str, Any] | None:
    """Return what the IRM published about a commitment, beside the self-reported figures (None: nothing entered)."""
    if assessment.empty:
        return None
    return {field.value: assessment.value(field) for field in IrmField}


def _commitment_figures(
    s: CommitmentSummary, themes: list[Theme], milestones: list[Milestone], active: bool, links: Links, cfg: DataConfig
) -> dict[str, Any]:
    c = s.commitment
    return {
        "completion": s.latest.completion.value if s.latest else None,
        "progress": s.latest.progress if s.latest else None,
        "last_update": _instant(s.latest.created_at, cfg) if s.latest else None,
        "milestones_done": s.milestones_done,
        "milestones_total": s.milestones_total,
        "recommendations_received": s.received,
        "recommendations_answered": s.answered,
        "recommendations_published": s.published,
        "themes": [{"key": t.key, "title_ar": t.title_ar, "title_en": t.title_en} for t in themes],
        "milestones": [
            {
                "id": m.id,
                "title": m.title,
                "title_en": m.title_en,
                "start_date": _day(m.start_date),
                "end_date": _day(m.end_date),
                "state": m.state.value,
            }
            for m in milestones
        ],
        "page": links.data(f"commitments/{c.number}/") if active else None,
    }


def recommendation_path(recommendation_id: int, prefix: str = "") -> str:
    """Return a recommendation's permanent page's site path."""
    return f"{prefix}recommendations/{recommendation_id}/"


def _update_item(u: PublicUpdate, cfg: DataConfig, links: Links) -> dict[str, Any]:
    rec = u.recommendation_id
    return {
        "id": u.key,
        "commitment": u.ogp_id,
        "date": _instant(u.date, cfg),
        "tag": u.tag,
        "completion": u.completion.value if u.completion else None,
        "progress": u.progress,
        "note": u.note,
        "evidence_url": u.evidence_url,
        "evidence_files": [links.data(file_path(f.sha256, f.name)) for f in u.files],
        "milestone": u.milestone,
        "milestone_state": u.milestone_state.value if u.milestone_state else None,
        "recommendation": u.recommendation_id,
        "state": u.state.value if u.state else None,
        "response": u.response,
        "answer": int(u.key.rsplit("-", 1)[1]) if rec is not None else None,
        "page": links.data(recommendation_path(rec)) if rec is not None else None,
    }


def _kept(key: str, only: set[str]) -> bool:
    """Tell whether an entry was in a snapshot; one written before answers had their own entries held
    response-<id>, which is now that recommendation's first answer."""
    return key in only or (key.startswith("response-") and key.endswith("-1") and key[:-2] in only)


async def updates_json(
    conn: aiosqlite.Connection, cfg: DataConfig, links: Links, only: set[str] | None = None
) -> bytes:
    """Return updates.json: the whole public record, oldest first (new entries are only ever appended); only: the
    entries with these ids (a snapshot rewritten)."""
    document = _JsonList(_head(cfg), "updates")
    async for update in public.iter_updates(conn, cfg.publish):
        if only is None or _kept(update.key, only):
            document.add(_update_item(update, cfg, links))
    return document.bytes()


def _recommendation_item(r: PublicRecommendation, cfg: DataConfig, links: Links) -> dict[str, Any]:
    return {
        "id": r.id,
        "plan": r.plan_id,
        "commitment": r.ogp_id,
        "commitment_number": r.commitment_number,
        "theme": r.theme_key,
        "theme_ar": r.theme_ar,
        "theme_en": r.theme_en,
        "round": r.round_id,
        "date": _instant(r.created_at, cfg),
        "text": (r.transcript or "") if r.voice_seconds is not None else r.text,  # the recording is never published
        "voice_seconds": r.voice_seconds,
        "state": r.state.value,
        "endorsements": r.endorsements,
        "response": r.response,
        "responded_at": _instant(r.responded_at, cfg),
        "page": links.data(recommendation_path(r.id)),
        "author_sector": r.author.sector.value if r.author.sector else None,
        "author_governorate": r.author.governorate,
        "author_name": r.author.name,
        "author_organisation": r.author.organisation,
        "author_group": r.author.group,
        "at_table": r.author.at_table,
        "raised_by": r.raised_by,
        "merged_into": r.merged_into,
    }


async def recommendations_json(
    conn: aiosqlite.Connection, cfg: DataConfig, links: Links, only: set[int] | None = None
) -> bytes:
    """Return recommendations.json: every published recommendation (only: of these ids), oldest first."""
    document = _JsonList(_head(cfg), "recommendations")
    async for rec in public.iter_published(conn, cfg.publish):
        if only is None or rec.id in only:
            document.add(_recommendation_item(rec, cfg, links))
    return document.bytes()


def csv_cell(value: object) -> str:
    """Return a CSV cell: text that cannot run as a formula and whose bidi controls end inside the cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return contain_bidi(neutralise(value))
    return str(value)


async def recommendations_csv(
    conn: aiosqlite.Connection, cfg: DataConfig, links: Links, only: set[int] | None = None
) -> bytes:
    """Return recommendations.csv: the JSON file's fields as columns, UTF-8 with a byte-order mark."""
    columns = csv_columns()
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    async for rec in public.iter_published(conn, cfg.publish):
        if only is not None and rec.id not in only:
            continue
        item = _recommendation_item(rec, cfg, links)
        writer.writerow([csv_cell(item[column]) for column in columns])
    return out.getvalue().encode("utf-8")


async def meetings_json(conn: aiosqlite.Connection, cfg: DataConfig, links: Links) -> bytes:
    """Return meetings.json: every round that was opened, with who took part by sector."""
    meetings = []
    for found in await public.public_rounds(conn, cfg.publish):
        r = found.round
        figures = await round_findings.attendance(conn, r.id, named_only=True)
        by_sector = Counter({(c.label or "unknown"): c.count for c in figures.by_sector})
        meetings.append(
            {
                "id": r.id,
                "name": r.name,
                "held_on": _day(r.held_on),
                "place": None if r.online else r.place,
                "online": r.online,
                "state": r.state.value,
                "commitments": list(found.commitments),
                "hall_count": found.hall,
                "joined_via_bot": found.participants,
                "participants": figures.total,
                "participants_by_sector": dict(by_sector),
                "hall": _hall(await get_hall(conn, r.id)),
                "recommendations_published": found.published,
                "page": links.data(f"rounds/{r.id}/"),
                "report": links.data(f"rounds/{r.id}/report.docx"),
            }
        )
    return (_dump({**_head(cfg), "meetings": meetings}) + "\n").encode("utf-8")


def _hall(hall: HallCount | None) -> dict[str, Any] | None:
    """Return the attendance counted in the hall (None: the coordinators did not enter one)."""
    if hall is None:
        return None
    by_sector = {sector.value: count for sector, count in hall.by_sector}
    return {"total": hall.total, "liaison_officers": hall.officers, "by_sector": by_sector}


def _entry_id(plan_id: str, key: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"ogp-feedback-bot:{plan_id}:{key}").urn


def _entry_title(lang: Language, u: PublicUpdate) -> str:
    if u.tag == "response":
        return lang.t("pub-feed-response", id=u.recommendation_id or 0, number=u.commitment_number)
    if u.tag == "milestone":
        return lang.t("pub-feed-milestone", number=u.commitment_number)
    return lang.t("pub-feed-progress", number=u.commitment_number)


def _entry_content(lang: Language, u: PublicUpdate) -> str:
    if u.tag == "response":
        state = lang.t(f"state-{u.state.value}") if u.state else ""
        return lang.t("pub-feed-response-body", text=u.recommendation or "", state=state, response=u.response or "")
    completion = lang.t(f"completion-{u.completion.value}") if u.completion else ""
    parts = [lang.t("pub-feed-progress-body", completion=completion, progress=u.progress or 0)]
    if u.milestone:
        parts.append(lang.pick(u, "milestone"))
    if u.note:
        parts.append(u.note)
    if u.evidence_url:
        parts.append(u.evidence_url)
    return "\n".join(parts)


def _entry_target(lang: Language, u: PublicUpdate) -> str:
    """Return the page an entry links to: an answer's recommendation, else the commitment (if the site shows it)."""
    if u.recommendation_id is not None:
        return recommendation_path(u.recommendation_id, lang.prefix)
    return f"{lang.prefix}commitments/{u.commitment_number}/" if u.active_plan else lang.prefix


async def updates_atom(
    conn: aiosqlite.Connection, cfg: DataConfig, lang: Language, links: Links, plan_id: str, title: str, author: str
) -> bytes:
    """Return updates.atom: the newest progress reports, milestone states and answers (each answer its own entry);
    author: who publishes the record (RFC 4287 asks a feed for one)."""
    updates = await public.newest_updates(conn, cfg.publish, FEED_ENTRIES)
    feed = FeedGenerator()
    # Each language's feed and entries have their own ids (the first language's as they always were).
    feed.id(_entry_id(plan_id, f"{lang.prefix}feed"))
    feed.title(xml_text(lang.t("pub-feed-title")))
    feed.subtitle(xml_text(title))
    feed.language(lang.code)
    feed.author({"name": xml_text(author)})
    self_link = links.absolute(f"{lang.prefix}open-data/updates.atom")
    if self_link:
        feed.link(href=self_link, rel="self")
    home = links.absolute(lang.prefix) or links.to(lang.prefix)
    feed.link(href=home, rel="alternate")
    feed.updated(updates[0].date if updates else datetime(2000, 1, 1, tzinfo=UTC))
    for u in reversed(updates):  # feedgen puts each new entry first
        entry = feed.add_entry()
        entry.id(_entry_id(plan_id, f"{lang.prefix}{u.key}"))
        entry.title(xml_text(_entry_title(lang, u)))
        entry.updated(u.date)
        entry.published(u.date)
        target = _entry_target(lang, u)
        entry.link(href=links.absolute(target) or links.to(target), rel="alternate")
        entry.content(xml_text(_entry_content(lang, u)), type="text")
    result: bytes = feed.atom_str(pretty=True)
    return result
