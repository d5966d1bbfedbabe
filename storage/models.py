"""Typed rows: what storage functions return."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict


class Completion(StrEnum):
    """OGP's completion scale (government self-assessment and IRM)."""

    NOT_STARTED = "not_started"
    LIMITED = "limited"
    SUBSTANTIAL = "substantial"
    COMPLETE = "complete"


class RecommendationState(StrEnum):
    """Where a recommendation stands in the ministry's hands."""

    NEW = "new"
    RECEIVED = "received"
    UNDER_STUDY = "under_study"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    NOT_ACCEPTED = "not_accepted"
    IMPLEMENTED = "implemented"


class IrmCompletion(StrEnum):
    """The IRM's completion scale: OGP's four levels and «no evidence available»."""

    NOT_STARTED = "not_started"
    LIMITED = "limited"
    SUBSTANTIAL = "substantial"
    COMPLETE = "complete"
    NO_EVIDENCE = "no_evidence"


class OpenGovernment(StrEnum):
    """The IRM's "Did it open government?" scale of early results."""

    WORSENED = "worsened"
    DID_NOT_CHANGE = "did_not_change"
    MARGINAL = "marginal"
    MAJOR = "major"
    OUTSTANDING = "outstanding"


class PotentialImpact(StrEnum):
    """The IRM's potential impact of a commitment as designed."""

    NONE = "none"
    MINOR = "minor"
    MODERATE = "moderate"
    TRANSFORMATIVE = "transformative"


class OgpValue(StrEnum):
    """OGP's four values a commitment can be relevant to."""

    ACCESS_TO_INFORMATION = "access_to_information"
    CIVIC_PARTICIPATION = "civic_participation"
    PUBLIC_ACCOUNTABILITY = "public_accountability"
    TECHNOLOGY_INNOVATION = "technology_innovation"


class Sector(StrEnum):
    """The kind of organisation a participant speaks for."""

    CSO = "cso"
    GOVERNMENT = "government"
    PRIVATE = "private"
    ACADEMIA = "academia"
    MEDIA = "media"
    INDIVIDUAL = "individual"


class Role(StrEnum):
    """Privileged roles; everyone registered is a participant."""

    COORDINATOR = "coordinator"
    LIAISON = "liaison"


GOVERNORATES: tuple[str, ...] = (
    "amman",
    "irbid",
    "zarqa",
    "balqa",
    "madaba",
    "karak",
    "tafilah",
    "maan",
    "aqaba",
    "mafraq",
    "jerash",
    "ajloun",
)


class Row(BaseModel):
    """Base for rows: immutable, built from sqlite rows by column name."""

    model_config = ConfigDict(frozen=True, from_attributes=True)

    @classmethod
    def from_row(cls, row: Any) -> Self:
        """Build the model from an aiosqlite.Row."""
        return cls.model_validate(dict(row))


class Plan(Row):
    """A national action plan."""

    id: str
    country: str
    number: int
    title_ar: str
    title_en: str
    owner_ar: str
    start_date: date
    end_date: date
    extended_to: date | None
    active: bool
    owner_en: str | None = None  # None: the plan file gives no English name; the Arabic is shown


class Theme(Row):
    """A theme raised within a commitment."""

    id: int
    commitment_id: int
    key: str
    title_ar: str
    title_en: str
    position: int


class Commitment(Row):
    """A commitment of a plan, carried out by a lead agency."""

    id: int
    plan_id: str
    number: int
    ogp_id: str
    title_ar: str
    title_en: str
    lead_agency_ar: str
    lead_agency_en: str
    start_date: date
    end_date: date
    # OGP's commitment fields; None where the plan file does not know them.
    short_title_ar: str | None = None
    short_title_en: str | None = None
    ogp_theme: str | None = None
    supporting_ar: str | None = None  # a JSON array (storage.catalogue.institutions reads it)
    supporting_en: str | None = None
    value_access_to_information: bool | None = None
    value_civic_participation: bool | None = None
    value_public_accountability: bool | None = None
    value_technology_innovation: bool | None = None

    def ogp_values(self) -> dict[OgpValue, bool | None]:
        """Return whether the commitment is relevant to each OGP value (None: not known)."""
        return {value: getattr(self, f"value_{value.value}") for value in OgpValue}


class Milestone(Row):
    """A deliverable of a commitment."""

    id: int
    commitment_id: int
    title: str
    start_date: date | None
    end_date: date | None
    state: Completion
    created_at: datetime
    updated_at: datetime
    title_en: str | None = None  # None: the title is shown as it was typed, to readers of either language


class StatusUpdate(Row):
    """A dated progress report on a commitment."""

    id: int
    commitment_id: int
    completion: Completion
    progress: int
    note: str | None
    evidence_url: str | None
    milestone_id: int | None
    milestone_state: str | None
    author_id: int | None
    created_at: datetime


class CommitmentStatus(BaseModel):
    """A commitment with its newest status and counts, as /status shows it."""

    model_config = ConfigDict(frozen=True)

    commitment: Commitment
    latest: StatusUpdate | None
    recommendations: int


class Participant(Row):
    """A registered person."""

    id: int
    name: str | None
    organisation: str | None
    sector: Sector | None
    governorate: str | None
    consent_at: datetime | None
    created_at: datetime
    last_seen_at: datetime
    notify_answers: bool
    notify_status: bool
    notify_reminders: bool
    unreachable_at: datetime | None
    forgotten_at: datetime | None
    show_name: bool | None = None  # named on the public site: None not asked yet (no), False no, True yes
    language: Literal["ar", "en"] = "ar"  # the language the person reads the bot in (messages.Language)


class Recommendation(Row):
    """A recommendation on a commitment."""

    id: int
    participant_id: int | None
    commitment_id: int
    theme_id: int | None
    round_id: int | None
    text: str
    state: RecommendationState
    response: str | None
    responded_by: int | None
    responded_at: datetime | None
    hidden: bool
    hidden_reason: str | None
    channel: str
    event_id: str | None
    created_at: datetime
    approved_at: datetime | None = None  # a coordinator approved it for the public site
    approved_by: int | None = None
    voice_seconds: int | None = None  # a voice recommendation: its length (its text is '' until transcribed)
    transcript: str | None = None  # written by an officer or a coordinator
    transcript_draft: str | None = None  # an engine's draft, until a person accepts or rewrites it
    group_round_id: int | None = None  # a working group's finding: the round whose group (commitment) speaks
    at_table: int | None = None  # how many sat at the group's table
    entered_by: int | None = None  # the rapporteur who entered a finding
    merged_into: int | None = None  # the same as this kept recommendation


class Session(BaseModel):
    """Where a chat stands in a conversation flow."""

    model_config = ConfigDict(frozen=True)

    channel: str
    external_id: str
    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = {}


class OutboxRow(Row):
    """An outbound message waiting, sent or given up."""

    id: int
    channel: str
    recipient: str
    participant_id: int | None
    kind: str
    dedupe_key: str | None
    payload: str
    document: bytes | None
    edit_ref: str | None
    status: str
    attempts: int
    not_before: datetime
    created_at: datetime
    sent_at: datetime | None
    channel_msg_id: str | None
    last_error: str | None
    batch: str | None
    erase: bool = False  # deleted once sent: it goes to, or names, someone who asked to be forgotten

    @classmethod
    def unsaved(
        cls, channel: str, recipient: str, payload: str, now: datetime, *, edit_ref: str | None = None
    ) -> OutboxRow:
        """Return a row that is handed to a transport without being stored (apologies when the database fails)."""
        return cls(
            id=0,
            channel=channel,
            recipient=recipient,
            participant_id=None,
            kind="reply",
            dedupe_key=None,
            payload=payload,
            document=None,
            edit_ref=edit_ref,
            status="sending",
            attempts=0,
            not_before=now,
            created_at=now,
            sent_at=None,
            channel_msg_id=None,
            last_error=None,
            batch=None,
        )


class WaContact(Row):
    """A WhatsApp contact and when they last wrote (the 24-hour window runs from there)."""

    external_id: str
    wa_id: str | None
    user_id: str | None
    last_inbound_at: datetime


class WaMessage(Row):
    """One message sent through the Graph API for an outbox row, with its latest status."""

    wamid: str
    outbox_id: int
    part: int
    kind: str
    status: str
    status_at: datetime
    error_code: int | None
    error_title: str | None


class HeldMessage(Row):
    """An outbox message held back (outside WhatsApp's 24-hour window), as coordinators see it."""

    id: int
    channel: str
    recipient: str
    kind: str
    created_at: datetime
    last_error: str | None
    participant_name: str | None


class StoredFile(Row):
    """A file someone sent, recorded with what its bytes are (storage/files.py keeps the bytes)."""

    id: int
    sha256: str
    format: str  # storage.filetypes.Format
    mime: str
    size: int
    duration: int | None
    name: str | None
    channel: str
    origin_ref: str
    sent_as: str  # the channel's word: voice, audio, photo, document
    event_id: str
    participant_id: int | None
    recommendation_id: int | None
    status_update_id: int | None
    role: str | None  # voice, attachment, evidence; None while it belongs to nothing
    created_at: datetime
