"""The JSON export: one document in the stable schema reports/schema/export.schema.json, streamed."""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

import aiosqlite

from messages import load_messages
from reports.archive import RECOMMENDATIONS, UPDATES, archive_path
from storage import catalogue, exports
from storage.catalogue import institutions
from storage.exports import (
    ExportedCommitment,
    ExportedMilestone,
    ExportedRecommendation,
    ExportedStatusUpdate,
    ExportScope,
)
from storage.irm import IrmAssessment, IrmField
from storage.models import Plan
from storage.rounds import DEFAULT_QUESTIONS

MIME = "application/json"
FORMAT = "ogp-feedback-export"
VERSION = 1


def schema() -> dict[str, Any]:
    """Return the JSON Schema every export validates against."""
    text = resources.files("reports").joinpath("schema/export.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _instant(moment: datetime | None, tz: ZoneInfo) -> str | None:
    return moment.astimezone(tz).isoformat(timespec="seconds") if moment else None


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _question(rec: ExportedRecommendation, language: str) -> str | None:
    """Return the discussion question in a language: a default one from that catalogue, a typed one as typed
    (its English version when given, else null in English)."""
    message = DEFAULT_QUESTIONS.get(rec.question_key) if rec.question_key else None
    if message is not None:
        return load_messages(language).t(message)
    return rec.question if language == "ar" else rec.question_en


def recommendation_json(rec: ExportedRecommendation, tz: ZoneInfo) -> dict[str, Any]:
    """Return a recommendation as its schema object (codes, not labels; names in both languages; times with their
    Amman offset)."""
    return {
        "id": rec.id,
        "commitment": rec.commitment_number,
        "ogp_id": rec.ogp_id,
        "theme": rec.theme,
        "theme_ar": rec.theme,
        "theme_en": rec.theme_en,
        "question_ar": _question(rec, "ar"),
        "question_en": _question(rec, "en"),
        "round": {"code": rec.round_code, "name": rec.round_name, "name_en": rec.round_name_en}
        if rec.round_code
        else None,
        "text": rec.text,
        "state": rec.state.value,
        "response": rec.response,
        "responder": rec.responder,
        "created_at": _instant(rec.created_at, tz),
        "responded_at": _instant(rec.responded_at, tz),
        "endorsements": rec.endorsements,
        "raised_by": rec.raised_by,
        "merged_into": rec.merged_into,
        "hidden": rec.hidden,
        "channel": rec.channel,
        "answered": rec.answered,
        "told_at": _instant(rec.told_at, tz),
        "voice": {"seconds": rec.voice_seconds, "transcript": rec.transcript}
        if rec.voice_seconds is not None
        else None,
        "files": [archive_path(RECOMMENDATIONS, rec.id, f) for f in rec.files],
        "author": {
            "name": rec.author.name,
            "organisation": rec.author.organisation,
            "sector": rec.author.sector.value if rec.author.sector else None,
            "governorate": rec.author.governorate,
        },
    }


def commitment_json(item: ExportedCommitment, tz: ZoneInfo) -> dict[str, Any]:
    """Return a commitment with OGP's fields and both tracks of progress (codes, not labels)."""
    c, latest, assessment = item.commitment, item.latest, item.assessment
    return {
        "number": c.number,
        "ogp_id": c.ogp_id,
        "title_ar": c.title_ar,
        "title_en": c.title_en,
        "action_plan": item.action_plan,
        "short_title_ar": c.short_title_ar,
        "short_title_en": c.short_title_en,
        "ogp_theme": c.ogp_theme,
        "lead_institution_ar": c.lead_agency_ar,
        "lead_institution_en": c.lead_agency_en,
        "supporting_institutions_ar": institutions(c.supporting_ar),
        "supporting_institutions_en": institutions(c.supporting_en),
        "ogp_values": {value.value: known for value, known in c.ogp_values().items()},
        "self_reported": (
            {
                "completion": latest.completion.value,
                "progress": latest.progress,
                "updated_at": _instant(latest.created_at, tz),
            }
            if latest
            else None
        ),
        "irm": None if assessment.empty else _irm(assessment),
    }


def _irm(assessment: IrmAssessment) -> dict[str, Any]:
    return {f.value: assessment.starred if f is IrmField.STARRED else assessment.value(f) for f in IrmField}


def status_json(update: ExportedStatusUpdate, tz: ZoneInfo) -> dict[str, Any]:
    """Return a status update as its schema object."""
    return {
        "id": update.id,
        "commitment": update.commitment_number,
        "ogp_id": update.ogp_id,
        "completion": update.completion.value,
        "progress": update.progress,
        "note": update.note,
        "evidence_url": update.evidence_url,
        "milestone": update.milestone,
        "milestone_en": update.milestone_en,
        "author": update.author,
        "created_at": _instant(update.created_at, tz),
        "files": [archive_path(UPDATES, update.id, f) for f in update.files],
    }


def milestone_json(milestone: ExportedMilestone, tz: ZoneInfo) -> dict[str, Any]:
    """Return a milestone as its schema object."""
    return {
        "id": milestone.id,
        "commitment": milestone.commitment_number,
        "ogp_id": milestone.ogp_id,
        "title": milestone.title,
        "title_en": milestone.title_en,
        "start_date": _day(milestone.start_date),
        "end_date": _day(milestone.end_date),
        "state": milestone.state.value,
        "updated_at": _instant(milestone.updated_at, tz),
    }


def _plan(plan: Plan) -> dict[str, Any]:
    """Return the plan with its names in both languages."""
    return {
        "id": plan.id,
        "title_ar": plan.title_ar,
        "title_en": plan.title_en,
        "owner_ar": plan.owner_ar,
        "owner_en": plan.owner_en,
    }


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _Array:
    """Writes the items of one JSON array as they come, never holding more than one."""

    def __init__(self, out: BinaryIO, key: str) -> None:
        self.out = out
        self.count = 0
        out.write(b',"' + key.encode("ascii") + b'":[')

    def add(self, item: dict[str, Any]) -> None:
        self.out.write((b",\n" if self.count else b"\n") + _dump(item))
        self.count += 1

    def close(self) -> None:
        self.out.write(b"]")


async def write_json(
    conn: aiosqlite.Connection, scope: ExportScope, out: BinaryIO, tz: ZoneInfo, *, now: datetime
) -> int:
    """Write the export document to out; return how many recommendations it holds."""
    plan = await catalogue.active_plan(conn)
    commitments = await exports.commitments_in_scope(conn, scope)
    head = {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": _instant(now, tz),
        "plan": _plan(plan) if plan else None,
        "scope": {
            "commitment": next((c.number for c in commitments), None) if scope.commitment_id else None,
            "round_id": scope.round_id,
            "since": _instant(scope.since, tz),
            "until": _instant(scope.until, tz),
        },
        "commitments": [commitment_json(item, tz) for item in await exports.commitment_tracks(conn, scope)],
    }
    out.write(_dump(head)[:-1])  # reopen the object to stream the arrays into it
    recommendations = _Array(out, "recommendations")
    for c in commitments:
        async for rec in exports.iter_recommendations(conn, c.id, scope):
            recommendations.add(recommendation_json(rec, tz))
    recommendations.close()
    updates = _Array(out, "status_updates")
    for c in commitments:
        async for update in exports.iter_status_updates(conn, c.id, scope):
            updates.add(status_json(update, tz))
    updates.close()
    milestones = _Array(out, "milestones")
    for c in commitments:
        async for milestone in exports.iter_milestones(conn, c.id):
            milestones.add(milestone_json(milestone, tz))
    milestones.close()
    out.write(b"}\n")
    return recommendations.count
