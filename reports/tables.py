"""The tables every export writes: their columns (Arabic headers, widths) and how a stored row becomes cells."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from messages_ar import Messages
from reports.archive import RECOMMENDATIONS, UPDATES, archive_path
from reports.said import said
from storage.catalogue import institutions
from storage.exports import ExportedCommitment, ExportedMilestone, ExportedRecommendation, ExportedStatusUpdate
from storage.irm import SCALES, IrmField
from storage.models import Commitment, Completion, OgpValue, RecommendationState, Sector
from storage.rounds import DEFAULT_QUESTIONS

CellValue = str | int | datetime | date | None


@dataclass(frozen=True, slots=True)
class Column:
    """A column: the catalogue key of its header, a width in characters, and whether long text wraps."""

    header_key: str
    width: int
    wrap: bool = False


# The catalogue's words for the IRM's scales: irm-<scale>-<code> (both completion fields share one scale).
_IRM_SCALE = {
    IrmField.COMPLETION_MIDTERM: "completion",
    IrmField.COMPLETION_END: "completion",
    IrmField.OPEN_GOVERNMENT: "og",
    IrmField.POTENTIAL_IMPACT: "impact",
    IrmField.STARRED: "starred",
}


def irm_key(field: IrmField, code: str) -> str:
    """Return the catalogue key naming a value of an IRM field (irm-completion-no_evidence, ...)."""
    return f"irm-{_IRM_SCALE[field]}-{code}"


def ogp_value_key(value: OgpValue) -> str:
    """Return the catalogue key naming one of OGP's four values."""
    return f"ogp-value-{value.value}"


def catalogue_keys() -> frozenset[str]:
    """Return every key irm_key and ogp_value_key can build, and the IRM fields' names (for the catalogue test)."""
    keys = {irm_key(field, code) for field, scale in SCALES.items() for code in scale._value2member_map_}
    keys |= {ogp_value_key(v) for v in OgpValue} | {f"irm-field-{field.value}" for field in IrmField}
    return frozenset(keys)


RECOMMENDATION_COLUMNS = (
    Column("exp-col-id", 10),
    Column("exp-col-commitment", 10),
    Column("exp-col-ogp-id", 10),
    Column("exp-col-theme", 22, wrap=True),
    Column("exp-col-round", 18, wrap=True),
    Column("exp-col-question", 30, wrap=True),
    Column("exp-col-text", 60, wrap=True),
    Column("exp-col-state", 14),
    Column("exp-col-response", 50, wrap=True),
    Column("exp-col-responder", 18),
    Column("exp-col-created", 17),
    Column("exp-col-responded", 17),
    Column("exp-col-endorsements", 10),
    Column("exp-col-hidden", 8),
    Column("exp-col-channel", 10),
    Column("exp-col-author", 20),
    Column("exp-col-organisation", 24, wrap=True),
    Column("exp-col-sector", 18),
    Column("exp-col-governorate", 12),
    Column("exp-col-answered", 12),
    Column("exp-col-told", 17),
    Column("exp-col-files", 40, wrap=True),  # as they are named in `ogp-bot export --with-files`'s zip
    Column("exp-col-raised-by", 12),  # last, so the columns before keep their places in existing sheets
    Column("exp-col-merged-into", 10),
)

STATUS_COLUMNS = (
    Column("exp-col-update-id", 10),
    Column("exp-col-commitment", 10),
    Column("exp-col-ogp-id", 10),
    Column("exp-col-completion", 14),
    Column("exp-col-progress", 12),
    Column("exp-col-note", 60, wrap=True),
    Column("exp-col-evidence", 30),
    Column("exp-col-milestone", 30, wrap=True),
    Column("exp-col-update-author", 18),
    Column("exp-col-update-date", 17),
    Column("exp-col-evidence-files", 40, wrap=True),
)

MILESTONE_COLUMNS = (
    Column("exp-col-milestone-id", 10),
    Column("exp-col-commitment", 10),
    Column("exp-col-ogp-id", 10),
    Column("exp-col-milestone", 50, wrap=True),
    Column("exp-col-start", 12),
    Column("exp-col-end", 12),
    Column("exp-col-completion", 14),
    Column("exp-col-updated", 17),
)

# OGP's commitment fields and both tracks of progress, side by side (the officers' newest report, then the IRM's).
COMMITMENT_COLUMNS = (
    Column("exp-col-commitment", 10),
    Column("exp-col-ogp-id", 10),
    Column("exp-col-plan-number", 10),
    Column("exp-col-commitment-title", 50, wrap=True),
    Column("exp-col-short-title", 24, wrap=True),
    Column("exp-col-ogp-theme", 18, wrap=True),
    Column("exp-col-lead", 30, wrap=True),
    Column("exp-col-supporting", 30, wrap=True),
    *(Column(ogp_value_key(v), 14) for v in OgpValue),
    Column("exp-col-self-completion", 14),
    Column("exp-col-progress", 12),
    Column("exp-col-update-date", 17),
    *(Column(f"irm-field-{f.value}", 18, wrap=f is IrmField.SOURCE_URL) for f in IrmField),
)

SUMMARY_COLUMNS = (
    Column("exp-col-commitment", 10),
    Column("exp-col-commitment-title", 50, wrap=True),
    Column("exp-col-theme", 24, wrap=True),
    Column("exp-col-state", 16),
    Column("exp-col-count", 10),
)


class Labels:
    """Names for stored codes in the export's language, names in it too, and instants as wall-clock time."""

    def __init__(self, messages: Messages, tz: ZoneInfo) -> None:
        self.messages = messages
        self.tz = tz
        self._cache: dict[str, str] = {}  # formatting a Fluent message per cell would dominate a large export

    def _label(self, key: str) -> str:
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self.messages.t(key)
        return found

    def pick(self, arabic: str | None, english: str | None) -> str | None:
        """Return a name in the export's language: the English one for an English export when there is one."""
        return english if english and self.messages.language == "en" else arabic

    def question(self, text: str | None, key: str | None, english: str | None = None) -> str | None:
        """Return a discussion question: a default one worded by the catalogue, a typed one in the export's
        language when it was given in English too, else as it was typed."""
        message = DEFAULT_QUESTIONS.get(key) if key else None
        return self._label(message) if message else self.pick(text, english)

    def institutions(self, commitment: Commitment) -> str | None:
        """Return a commitment's supporting institutions in the export's language (the Arabic when none in it)."""
        english = institutions(commitment.supporting_en) if self.messages.language == "en" else []
        return self.messages.join(english or institutions(commitment.supporting_ar)) or None

    def headers(self, columns: tuple[Column, ...]) -> list[str]:
        """Return the Arabic headers of columns."""
        return [self.messages.t(c.header_key) for c in columns]

    def state(self, state: RecommendationState) -> str:
        """Return a recommendation state's name."""
        return self._label(f"state-{state.value}")

    def completion(self, completion: Completion) -> str:
        """Return a completion level's name."""
        return self._label(f"completion-{completion.value}")

    def sector(self, sector: Sector | None) -> str | None:
        """Return a sector's name."""
        return self._label(f"sector-{sector.value}") if sector else None

    def governorate(self, key: str | None) -> str | None:
        """Return a governorate's name (an unknown stored key is shown as it is)."""
        return self._label(f"gov-{key}") if key and self.messages.has(f"gov-{key}") else key

    def irm(self, field: IrmField, code: str | None) -> str | None:
        """Return the name of an IRM field's value (None when not assessed)."""
        return self._label(irm_key(field, code)) if code is not None else None

    def channel(self, channel: str) -> str:
        """Return a channel's Arabic name (تيليجرام، واتساب، الطرفية); an unknown one as it is stored."""
        key = f"channel-{channel}"
        return self._label(key) if self.messages.has(key) else channel

    def yes_no(self, flag: bool) -> str:
        """Return نعم or لا."""
        return self._label("exp-yes") if flag else self._label("exp-no")

    def local(self, moment: datetime | None) -> datetime | None:
        """Return an instant as naive wall-clock time in the bot's zone (spreadsheets have no zones)."""
        return moment.astimezone(self.tz).replace(tzinfo=None) if moment else None


def recommendation_cells(rec: ExportedRecommendation, labels: Labels) -> list[CellValue]:
    """Return a recommendation's cells in RECOMMENDATION_COLUMNS order."""
    return [
        rec.id,
        rec.commitment_number,
        rec.ogp_id,
        labels.pick(rec.theme, rec.theme_en),
        labels.pick(rec.round_name, rec.round_name_en),
        labels.question(rec.question, rec.question_key, rec.question_en),
        said(labels.messages, rec.text, rec.voice_seconds, rec.transcript),
        labels.state(rec.state),
        rec.response,
        rec.responder,
        labels.local(rec.created_at),
        labels.local(rec.responded_at),
        rec.endorsements,
        labels.yes_no(rec.hidden),
        labels.channel(rec.channel),
        rec.author.name,
        rec.author.organisation,
        labels.sector(rec.author.sector),
        labels.governorate(rec.author.governorate),
        labels.yes_no(rec.answered),
        labels.local(rec.told_at),
        "\n".join(archive_path(RECOMMENDATIONS, rec.id, f) for f in rec.files) or None,
        rec.raised_by,
        rec.merged_into,
    ]


def commitment_cells(item: ExportedCommitment, labels: Labels) -> list[CellValue]:
    """Return a commitment's cells in COMMITMENT_COLUMNS order."""
    c, latest, assessment = item.commitment, item.latest, item.assessment
    values = [None if known is None else labels.yes_no(known) for known in c.ogp_values().values()]
    irm_cells = [
        assessment.source_url if f is IrmField.SOURCE_URL else labels.irm(f, assessment.value(f)) for f in IrmField
    ]
    return [
        c.number,
        c.ogp_id,
        item.action_plan,
        labels.messages.name(c),
        labels.pick(c.short_title_ar, c.short_title_en),
        c.ogp_theme,
        labels.messages.name(c, "lead_agency"),
        labels.institutions(c),
        *values,
        labels.completion(latest.completion) if latest else None,
        latest.progress if latest else None,
        labels.local(latest.created_at) if latest else None,
        *irm_cells,
    ]


def status_cells(update: ExportedStatusUpdate, labels: Labels) -> list[CellValue]:
    """Return a status update's cells in STATUS_COLUMNS order."""
    return [
        update.id,
        update.commitment_number,
        update.ogp_id,
        labels.completion(update.completion),
        update.progress,
        update.note,
        update.evidence_url,
        labels.pick(update.milestone, update.milestone_en),
        update.author,
        labels.local(update.created_at),
        "\n".join(archive_path(UPDATES, update.id, f) for f in update.files) or None,
    ]


def milestone_cells(milestone: ExportedMilestone, labels: Labels) -> list[CellValue]:
    """Return a milestone's cells in MILESTONE_COLUMNS order."""
    return [
        milestone.id,
        milestone.commitment_number,
        milestone.ogp_id,
        milestone.title,  # as typed: officers send this table back, and a title is matched as it is stored
        milestone.start_date,
        milestone.end_date,
        labels.completion(milestone.state),
        labels.local(milestone.updated_at),
    ]
