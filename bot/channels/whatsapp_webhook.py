"""Reading WhatsApp webhooks: the signature, the payload's shape, and what each message means to the bot."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.channels.whatsapp_render import parse_more
from handlers.kit.contract import Attachment, Incoming

log = logging.getLogger(__name__)

CHANNEL = "whatsapp"
SIGNATURE_HEADER = "X-Hub-Signature-256"
# Messages that keep the 24-hour window open but ask for no answer.
SILENT_TYPES = frozenset({"system", "reaction", "unsupported", "ephemeral"})


def signature_valid(secret: bytes, body: bytes, header: str | None) -> bool:
    """Check X-Hub-Signature-256 (sha256=<hex HMAC of the raw body>) in constant time."""
    if not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header.removeprefix("sha256=").strip().lower().encode())


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


M = TypeVar("M", bound=_Model)


class Profile(_Model):
    """A contact's profile."""

    name: str | None = None


class Contact(_Model):
    """Who wrote: phone-based wa_id and/or the business-scoped user_id."""

    wa_id: str | None = None
    user_id: str | None = None
    profile: Profile | None = None


class Text(_Model):
    """A text message's content."""

    body: str = ""


class Reply(_Model):
    """A pressed reply button or list row."""

    id: str
    title: str | None = None


class Interactive(_Model):
    """An interactive answer."""

    type: str
    button_reply: Reply | None = None
    list_reply: Reply | None = None


class TemplateButton(_Model):
    """A template's quick-reply button pressed."""

    payload: str | None = None
    text: str | None = None


class MediaPart(_Model):
    """An audio, image or document message's file: its media id and what WhatsApp says about it."""

    id: str | None = None  # without it there is nothing to fetch: the message is read as one without a file
    mime_type: str | None = None
    caption: str | None = None
    filename: str | None = None
    voice: bool | None = None  # a voice note recorded in WhatsApp, rather than an audio file


class Message(_Model):
    """One incoming message."""

    id: str
    from_: str | None = Field(default=None, alias="from")
    from_user_id: str | None = None
    timestamp: str | int | None = None
    type: str
    text: Text | None = None
    interactive: Interactive | None = None
    button: TemplateButton | None = None
    audio: MediaPart | None = None
    image: MediaPart | None = None
    document: MediaPart | None = None


class StatusError(_Model):
    """Why a message failed."""

    code: int | None = None
    title: str | None = None


class Status(_Model):
    """What happened to one of our messages."""

    id: str
    status: str
    timestamp: str | int | None = None
    errors: list[StatusError] = []


class Value(_Model):
    """A change's content: its items are read one by one, so one malformed item cannot drop the others."""

    contacts: list[Any] = []
    messages: list[Any] = []
    statuses: list[Any] = []

    def valid_contacts(self) -> list[Contact]:
        """Return the contacts that have the expected shape."""
        return _valid(Contact, self.contacts, "contact")

    def valid_messages(self) -> list[Message]:
        """Return the messages that have the expected shape (the others are logged by reason and skipped)."""
        return _valid(Message, self.messages, "message")

    def valid_statuses(self) -> list[Status]:
        """Return the statuses that have the expected shape."""
        return _valid(Status, self.statuses, "status")


def _valid(model: type[M], items: list[Any], what: str) -> list[M]:
    valid = []
    for item in items:
        try:
            valid.append(model.model_validate(item))
        except ValidationError as error:  # the reason, never the content (names, numbers, texts)
            where = ".".join(str(part) for part in error.errors()[0]["loc"]) or "-"
            log.warning("whatsapp: a malformed %s was skipped (%s at %s)", what, error.errors()[0]["type"], where)
    return valid


class Change(_Model):
    """One change of an entry."""

    field: str | None = None
    value: Value = Value()


class Entry(_Model):
    """One entry of a webhook."""

    id: str | None = None
    changes: list[Change] = []


class Payload(_Model):
    """A whole webhook POST."""

    object: str | None = None
    entry: list[Entry] = []

    def has_work(self) -> bool:
        """Tell whether any change carries messages or statuses."""
        return any(c.value.messages or c.value.statuses for e in self.entry for c in e.changes)


class MalformedPayload(ValueError):
    """The body is not UTF-8 JSON of the webhook's shape."""


def parse_payload(body: bytes) -> Payload:
    """Validate a raw body; raise MalformedPayload for anything that is not a webhook."""
    try:
        return Payload.model_validate_json(body.decode("utf-8", errors="strict"))
    except (UnicodeDecodeError, ValidationError) as error:
        raise MalformedPayload(type(error).__name__) from error


@dataclass(frozen=True)
class Inbound:
    """A message decoded: who sent it (both ids) and the event for the dispatcher (None: nothing to answer)."""

    external_id: str
    wa_id: str | None
    user_id: str | None
    at: datetime | None
    incoming: Incoming | None
    more: tuple[int, int] | None = None  # a "more" row pressed: (outbox row, offset)


def event_key(message_id: str) -> str:
    """Return the id a message is recorded under (processed events, a recommendation, a file): a digest of
    WhatsApp's message id, which carries the sender's number and would outlive /forget in those tables."""
    return hashlib.sha256(message_id.encode()).hexdigest()


def parse_timestamp(raw: str | int | None) -> datetime | None:
    """Return a webhook's Unix timestamp as an instant; None for anything else ("²", 20 digits, a bool...)."""
    if isinstance(raw, bool) or raw is None:
        return None
    text = str(raw)
    if not (text.isascii() and text.isdigit() and len(text) <= 12):  # "²".isdigit() is True; int("²") fails
        return None
    try:
        return datetime.fromtimestamp(int(text), UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _sender(message: Message, contacts: list[Contact]) -> tuple[str | None, str | None, str | None]:
    """Return (wa_id, user_id, profile name) of a message's sender."""
    match = next(
        (
            c
            for c in contacts
            if (message.from_user_id and c.user_id == message.from_user_id)
            or (message.from_ and c.wa_id == message.from_)
        ),
        contacts[0] if len(contacts) == 1 else None,
    )
    wa_id = message.from_ or (match.wa_id if match else None)
    user_id = message.from_user_id or (match.user_id if match else None)
    name = match.profile.name if match and match.profile else None
    return wa_id, user_id, name


def _content(message: Message) -> dict[str, str | None]:
    """Return the Incoming fields a message carries (command, args, choice or text)."""
    if message.type == "text" and message.text is not None:
        body = message.text.body
        stripped = body.strip()
        if stripped.startswith("/") and len(stripped) > 1:
            head, _, args = stripped[1:].partition(" ")
            return {"command": head.lower(), "args": args.strip()}
        return {"text": body}
    if message.type == "interactive" and message.interactive is not None:
        pressed = message.interactive.button_reply or message.interactive.list_reply
        return {"choice": pressed.id} if pressed is not None else {}
    if message.type == "button" and message.button is not None:
        return {"text": message.button.text or message.button.payload or ""}
    return {}


def attachment_of(message: Message) -> Attachment | None:
    """Return the file an audio, image or document message carries (its caption goes along as text)."""
    if message.type == "audio" and message.audio is not None and message.audio.id:
        kind = "voice" if message.audio.voice else "audio"
        return Attachment(kind, message.audio.id, mime=message.audio.mime_type)
    if message.type == "image" and message.image is not None and message.image.id:
        return Attachment("photo", message.image.id, mime=message.image.mime_type)
    part = message.document
    if message.type == "document" and part is not None and part.id:
        return Attachment("document", part.id, name=part.filename, mime=part.mime_type)
    return None


def _caption(message: Message) -> str | None:
    part = message.audio or message.image or message.document
    return part.caption if part is not None else None


def to_inbound(message: Message, contacts: list[Contact]) -> Inbound | None:
    """Decode one message; None without a sender; no Incoming for what asks no answer (reactions...)."""
    wa_id, user_id, name = _sender(message, contacts)
    external_id = user_id or wa_id
    if external_id is None:
        return None
    at = parse_timestamp(message.timestamp)
    if message.type in SILENT_TYPES:
        return Inbound(external_id, wa_id, user_id, at, None)
    content = _content(message)
    attachment = attachment_of(message)
    if attachment is not None:
        content = {"text": _caption(message)}
    more = parse_more(content["choice"] or "") if "choice" in content else None
    incoming = Incoming(
        channel=CHANNEL,
        user=external_id,
        event_id=event_key(message.id),
        command=content.get("command"),
        args=content.get("args") or "",
        choice=content.get("choice"),
        text=content.get("text"),
        name=name,
        attachment=attachment,
    )
    return Inbound(external_id, wa_id, user_id, at, incoming, more)
