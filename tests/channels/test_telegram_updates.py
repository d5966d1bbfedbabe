"""Telegram updates read as the Bot API's dicts: what becomes an event, what is ignored, what is refused."""

from __future__ import annotations

from typing import Any

import pytest

from bot.channels.telegram import read_batch, to_incoming
from bot.channels.telegram_updates import UnreadableUpdate

USER = {"id": 1001, "is_bot": False, "first_name": "سلمى", "last_name": "الخطيب"}
CHAT = {"id": 1001, "type": "private", "first_name": "سلمى"}


def message(text: str | None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"message_id": 5, "from": USER, "chat": CHAT, "date": 1_700_000_000, **extra}
    if text is not None:
        body["text"] = text
    return {"update_id": 77, "message": body}


def test_a_command_with_arguments_and_the_bots_name() -> None:
    incoming = to_incoming(message("/Status@ogp_bot  3 "))
    assert incoming is not None
    assert (incoming.command, incoming.args, incoming.user, incoming.event_id) == ("status", "3", "1001", "u:77")
    assert incoming.name == "سلمى الخطيب"  # first and last name, as python-telegram-bot's full_name


def test_a_text_and_a_message_without_text() -> None:
    assert to_incoming(message("مرحبا")).text == "مرحبا"  # type: ignore[union-attr]
    photo = to_incoming(message(None, photo=[{"file_id": "x"}]))
    assert photo is not None and photo.text is None and photo.command is None


def test_a_button_press_edits_the_message_it_was_on_unless_telegram_hides_it() -> None:
    query = {"id": "q1", "from": USER, "data": "st:b", "chat_instance": "1", "message": message("x")["message"]}
    pressed = to_incoming({"update_id": 78, "callback_query": query})
    assert pressed is not None and (pressed.choice, pressed.message_ref) == ("st:b", "5")
    old = {**query, "message": {"message_id": 5, "chat": CHAT, "date": 0}}  # an inaccessible message
    pressed_late = to_incoming({"update_id": 79, "callback_query": old})
    assert pressed_late is not None and pressed_late.message_ref is None


@pytest.mark.parametrize(
    "update",
    [
        message("hi", chat={"id": -5, "type": "group"}),
        message("hi", **{"from": {**USER, "is_bot": True}}),
        {"update_id": 80, "edited_message": message("x")["message"]},
        {"update_id": 81, "callback_query": {"id": "q", "from": USER, "data": "x", "chat_instance": "1"}},
    ],
    ids=["group", "bot", "edit", "inline query result"],
)
def test_what_the_bot_ignores(update: dict[str, Any]) -> None:
    assert to_incoming(update) is None


def test_fields_of_the_wrong_type_are_refused_and_the_rest_of_the_batch_is_read() -> None:
    with pytest.raises(UnreadableUpdate):
        to_incoming({"update_id": 82, "message": {"message_id": 1, "chat": 5}})
    press = {"id": "q9", "from": USER, "data": "st:b", "chat_instance": "1", "message": message("x")["message"]}
    batch = [
        {"update_id": 83, "message": "junk"},
        message("/help"),
        {"update_id": 84, "callback_query": press},
    ]
    events, queries = read_batch(batch)
    assert [e.command or e.choice for e in events] == ["help", "st:b"]
    assert queries == ["q9"]


def test_files_are_read_with_their_declared_fields_and_a_caption() -> None:
    voice = to_incoming(message(None, voice={"file_id": "v1", "duration": 102, "mime_type": "audio/ogg"}))
    assert voice is not None and voice.attachment is not None
    assert (voice.attachment.kind, voice.attachment.file_ref, voice.attachment.duration) == ("voice", "v1", 102)
    sizes = [{"file_id": "small", "file_size": 900}, {"file_id": "large", "file_size": 90_000}]
    photo = to_incoming(message(None, photo=sizes, caption="ورشة العمل"))
    assert photo is not None and photo.attachment is not None and photo.text == "ورشة العمل"
    assert (photo.attachment.file_ref, photo.attachment.size, photo.attachment.mime) == ("large", 90_000, "image/jpeg")
    pdf = {"file_id": "d1", "file_name": "محضر.pdf", "mime_type": "application/pdf", "file_size": 12}
    document = to_incoming(message(None, document=pdf))
    assert document is not None and document.attachment is not None
    assert (document.attachment.kind, document.attachment.name, document.attachment.duration) == (
        "document",
        "محضر.pdf",
        None,
    )


@pytest.mark.parametrize(
    "fields",
    [{"voice": {"duration": 3}}, {"audio": {"file_id": "a", "duration": "long"}}, {"photo": "big"}],
    ids=["no file id", "duration not a number", "photo not a list"],
)
def test_a_file_with_fields_of_the_wrong_type_is_refused(fields: dict[str, Any]) -> None:
    with pytest.raises(UnreadableUpdate):
        to_incoming(message(None, **fields))
