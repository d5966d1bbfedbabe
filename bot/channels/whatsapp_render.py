"""Drawing replies the WhatsApp way: reply buttons, lists and pages within the Cloud API's limits."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.channels.pieces import split_text
from handlers.kit.contract import Choice, Reply
from handlers.kit.text import shorten

# The Cloud API's limits (platform-limits.md); the Graph API refuses anything past them.
TEXT_LIMIT = 4096
BODY_LIMIT = 1024
MAX_BUTTONS = 3
BUTTON_TITLE = 20
LIST_ROWS = 10
ROW_TITLE = 24
ROW_DESCRIPTION = 72
LIST_BUTTON = 20
CAPTION_LIMIT = 1024
# A template's variable shares the body's 1,024 characters with the template's own words, and may hold
# neither new lines nor runs of spaces.
TEMPLATE_PARAM_LIMIT = 700
MORE_PREFIX = "wa:more:"

Body = dict[str, Any]
Translate = Callable[[str], str]


@dataclass(frozen=True)
class Labels:
    """The few words the renderer adds itself, resolved from the catalogue by the channel."""

    list_button: str  # the button that opens a list
    more: str  # the row that opens the next page
    choose: str  # the body of buttons whose text went out before them


def fit(text: str, limit: int) -> str:
    """Return text on one line, cut to at most limit characters between words (…), never inside one."""
    return shorten(" ".join(text.split()), limit) or "…"


def unique_titles(labels: Sequence[str], limit: int) -> list[str]:
    """Shorten labels to limit characters at word boundaries, numbering any that collide."""
    titles: list[str] = []
    for label in labels:
        title = fit(label, limit)
        number = 2
        while title in titles:
            suffix = f" {number}"
            title = fit(label, limit - len(suffix)) + suffix
            number += 1
        titles.append(title)
    return titles


def split_tail(text: str, limit: int) -> tuple[str, str]:
    """Split text into (head, tail) so that the tail fits limit, cutting at a line or word break."""
    if len(text) <= limit:
        return "", text
    start = len(text) - limit
    window = text[start:]
    for separator in ("\n\n", "\n", " "):
        index = window.find(separator)
        if index >= 0:
            cut = start + index
            return text[:cut].rstrip(), text[cut:].strip()
    return text, ""


def _buttons(body: str, choices: Sequence[Choice]) -> Body:
    titles = unique_titles([c.label for c in choices], BUTTON_TITLE)
    buttons = [{"type": "reply", "reply": {"id": c.id, "title": t}} for c, t in zip(choices, titles, strict=True)]
    return {
        "type": "interactive",
        "interactive": {"type": "button", "body": {"text": body}, "action": {"buttons": buttons}},
    }


def _row(choice: Choice, title: str) -> dict[str, str]:
    row = {"id": choice.id, "title": title}
    shortened = " ".join(choice.label.split()) != title
    description = " · ".join(part for part in (choice.label if shortened else None, choice.description) if part)
    if description:
        row["description"] = fit(description, ROW_DESCRIPTION)
    return row


def _list(body: str, choices: Sequence[Choice], labels: Labels, more_id: str | None) -> Body:
    shown = list(choices)
    titles = unique_titles([c.label for c in shown] + ([labels.more] if more_id else []), ROW_TITLE)
    rows = [_row(c, t) for c, t in zip(shown, titles, strict=False)]
    if more_id is not None:
        rows.append({"id": more_id, "title": titles[-1]})
    action = {"button": fit(labels.list_button, LIST_BUTTON), "sections": [{"rows": rows}]}
    return {"type": "interactive", "interactive": {"type": "list", "body": {"text": body}, "action": action}}


def interactive(body: str, choices: Sequence[Choice], labels: Labels, row_id: int) -> Body:
    """Return buttons (≤ 3 choices), a list (≤ 10) or the first page of a list with a "more" row."""
    if len(choices) <= MAX_BUTTONS:
        return _buttons(body, choices)
    if len(choices) <= LIST_ROWS:
        return _list(body, choices, labels, None)
    page = LIST_ROWS - 1
    return _list(body, choices[:page], labels, f"{MORE_PREFIX}{row_id}:{page}")


def text_bodies(text: str) -> list[Body]:
    """Return text messages of at most 4,096 characters each."""
    return [{"type": "text", "text": {"body": piece, "preview_url": False}} for piece in split_text(text, TEXT_LIMIT)]


def render(reply: Reply, labels: Labels, row_id: int) -> list[Body]:
    """Return the Graph API message bodies (without recipient) that draw one reply, in order."""
    if not reply.choices:
        return text_bodies(reply.text)
    pieces = split_text(reply.text, TEXT_LIMIT)
    head, tail = split_tail(pieces[-1], BODY_LIMIT)
    before = [*pieces[:-1], *([head] if head else [])]
    bodies = [body for piece in before for body in text_bodies(piece)]
    bodies.append(interactive(tail or labels.choose, reply.choices, labels, row_id))
    return bodies


def parse_more(choice_id: str) -> tuple[int, int] | None:
    """Read (outbox row id, offset) from a "more" row id; None when it is not one."""
    match = re.fullmatch(r"wa:more:(\d{1,12}):(\d{1,4})", choice_id)
    return (int(match.group(1)), int(match.group(2))) if match else None


def template_body(name: str, language: str, text: str) -> Body:
    """Return a template message carrying text as its one body variable."""
    flat = fit(text, TEMPLATE_PARAM_LIMIT)
    component = {"type": "body", "parameters": [{"type": "text", "text": flat}]}
    return {"type": "template", "template": {"name": name, "language": {"code": language}, "components": [component]}}


def document_body(media_id: str, filename: str, caption: str | None) -> Body:
    """Return a document message for an uploaded file."""
    document: dict[str, str] = {"id": media_id, "filename": filename}
    if caption:
        document["caption"] = caption if len(caption) <= CAPTION_LIMIT else fit(caption, CAPTION_LIMIT)
    return {"type": "document", "document": document}


def media_body(kind: str, media_id: str, filename: str) -> Body:
    """Return an audio, image or document message for an uploaded file (kind: audio, image or document)."""
    if kind == "document":
        return {"type": "document", "document": {"id": media_id, "filename": filename}}
    return {"type": kind, kind: {"id": media_id}}
