"""What channels hand to handlers and what handlers hand back: the only shapes both sides know."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from messages import DEFAULT_LANGUAGE, Language

# The command a channel sends when a chat opens (the terminal, each time it starts): a step left unfinished is
# asked again, anything else is /start. Never typed by people, so never listed by /help.
OPENED = "opened"


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file a person sent, as the channel describes it; `data` holds its bytes once the channel downloaded them.

    kind is the channel's word for it (document, photo, audio, voice, video); file_ref the channel's id to fetch it
    by (Telegram's file_id, WhatsApp's media id); name, mime, size (bytes) and duration (seconds) are whatever the
    channel was told, None when it was not. Before a handler sees it the channel downloads it and checks its bytes
    (bot/files.py): `stored` is then its row in storage.files (`data` its bytes), or `refused` says why it was not
    taken (REFUSALS). Handlers read the stored row and never trust the declared fields.
    """

    kind: str
    file_ref: str
    name: str | None = None
    mime: str | None = None
    size: int | None = None
    duration: int | None = None
    data: bytes | None = field(default=None, repr=False)
    stored: int | None = None  # storage.files row id, once downloaded and recognised
    refused: str | None = None  # one of REFUSALS: why the file was not taken (nothing of it is stored)


# Why a sent file was not taken, as Attachment.refused says it; each is also the catalogue key that explains it.
REFUSALS = frozenset(
    {"file-too-big", "file-type-refused", "file-download-failed", "file-empty", "file-quota-day", "file-quota-total"}
)


class Media(BaseModel):
    """A stored file to send: by the channel's own id when it came through that channel, else its bytes (sha256)."""

    model_config = ConfigDict(frozen=True)

    sha256: str
    format: str  # storage.filetypes.Format
    mime: str
    name: str
    sent_as: str  # voice, audio, photo, document: how it arrived (a file id is valid only for its own kind)
    channel: str  # where it came from
    ref: str  # that channel's id for it
    duration: int | None = None


@dataclass(frozen=True, slots=True)
class Incoming:
    """One thing a person did: a command, a button press or a text, already decoded by the channel."""

    channel: str
    user: str
    event_id: str
    command: str | None = None
    args: str = ""
    choice: str | None = None
    text: str | None = None
    name: str | None = None
    message_ref: str | None = None  # the channel's id of the message whose button was pressed
    attachment: Attachment | None = None  # a file sent (a caption, if any, arrives as text)
    language: str | None = None  # the language the person's app reports (Telegram's language_code), if any


class Choice(BaseModel):
    """A button (Telegram), a reply button or list row (WhatsApp), a numbered option (terminal)."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(min_length=1, max_length=64, pattern=r"^[\x21-\x7e]+$")
    label: str = Field(min_length=1)
    description: str | None = None


class Document(BaseModel):
    """A file to send."""

    model_config = ConfigDict(frozen=True)

    filename: str
    mime: str
    data: bytes = Field(exclude=True, repr=False)
    caption: str | None = None


class Reply(BaseModel):
    """One message to draw in the channel's own idiom."""

    model_config = ConfigDict(frozen=True)

    text: str
    choices: tuple[Choice, ...] = ()
    document: Document | None = None
    media: Media | None = None  # a stored file sent first (a voice note, evidence), then the text with the choices
    replace: bool = False  # edit the message whose button was pressed, instead of sending a new one
    # The step takes typed text (a name, a number asked for as a number): a terminal must not read a typed number
    # as the number of a choice. The router sets it from the flow's table.
    free_text: bool = False
    # The language the text is written in: a channel draws its own words (WhatsApp's «more», a list's button) in it.
    language: Language = DEFAULT_LANGUAGE

    def to_payload(self) -> str:
        """Serialise for the outbox (document bytes travel separately)."""
        return self.model_dump_json()

    @classmethod
    def from_payload(cls, payload: str, document: bytes | None) -> Reply:
        """Rebuild a reply from an outbox row."""
        raw = json.loads(payload)
        if raw.get("document") is not None:
            raw["document"]["data"] = document or b""  # the bytes were excluded from the JSON; put them back
        return cls.model_validate(raw)
