"""Reading WhatsApp webhooks: signatures, every entry/change/message, identities and meanings."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

import pytest

from bot.channels.whatsapp_webhook import (
    MalformedPayload,
    parse_payload,
    parse_timestamp,
    signature_valid,
    to_inbound,
)

SECRET = b"s3cret"


def signed(body: bytes) -> str:
    return "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()


def test_signature_is_checked_over_the_raw_bytes() -> None:
    body = '{"entry": [], "name": "سلمى"}'.encode()
    assert signature_valid(SECRET, body, signed(body))
    assert signature_valid(SECRET, body, signed(body).upper().replace("SHA256=", "sha256="))
    assert not signature_valid(SECRET, body, None)
    assert not signature_valid(SECRET, body, signed(body)[7:])  # no "sha256=" prefix
    assert not signature_valid(SECRET, body + b"\n", signed(body))
    assert not signature_valid(b"other", body, signed(body))


@pytest.mark.parametrize("body", [b"{", b"\xff\xfe", b'{"entry": {"x": 1}}', b"[]", b'{"entry": [{"changes": 3}]}'])
def test_malformed_bodies_are_refused(body: bytes) -> None:
    with pytest.raises(MalformedPayload):
        parse_payload(body)


def message(mid: str, sender: str, type_: str, content: object) -> dict[str, object]:
    return {"id": mid, "from": sender, "timestamp": "1764399600", "type": type_, type_: content}


def test_every_entry_change_and_message_is_read() -> None:
    value_a = {
        "contacts": [
            {"wa_id": "1", "profile": {"name": "أ"}},
            {"wa_id": "2", "user_id": "JO.2", "profile": {"name": "ب"}},
        ],
        "messages": [
            message("m1", "1", "text", {"body": "/recommend 2"}),
            message("m2", "2", "interactive", {"type": "list_reply", "list_reply": {"id": "rec:c:1", "title": "x"}}),
        ],
    }
    value_b = {
        "contacts": [{"wa_id": "3"}],
        "messages": [message("m3", "3", "button", {"payload": "p", "text": "قائمة"}), message("m4", "3", "image", {})],
        "statuses": [{"id": "wamid.9", "status": "read", "timestamp": "1", "recipient_id": "3"}],
    }
    payload = {"entry": [{"changes": [{"value": value_a}]}, {"changes": [{"value": {}}, {"value": value_b}]}]}
    parsed = parse_payload(json.dumps(payload).encode())
    inbound = [
        to_inbound(m, change.value.valid_contacts())
        for entry in parsed.entry
        for change in entry.changes
        for m in change.value.valid_messages()
    ]
    assert [i.external_id for i in inbound if i] == ["1", "JO.2", "3", "3"]
    first, second, third, fourth = (i.incoming for i in inbound if i)
    assert first is not None and (first.command, first.args, first.name) == ("recommend", "2", "أ")
    assert second is not None and (second.choice, second.user, second.name) == ("rec:c:1", "JO.2", "ب")
    assert third is not None and third.text == "قائمة"
    assert fourth is not None and (fourth.text, fourth.command, fourth.choice) == (None, None, None)
    assert [s.status for e in parsed.entry for c in e.changes for s in c.value.valid_statuses()] == ["read"]


def test_reactions_keep_the_window_open_without_an_answer() -> None:
    [msg] = (
        parse_payload(
            json.dumps(
                {"entry": [{"changes": [{"value": {"messages": [message("m", "5", "reaction", {})]}}]}]}
            ).encode()
        )
        .entry[0]
        .changes[0]
        .value.valid_messages()
    )
    inbound = to_inbound(msg, [])
    assert inbound is not None and inbound.incoming is None and inbound.at is not None


@pytest.mark.parametrize(
    "raw", ["99999999999999999999", "²", "١٧٦٤٣٩٩٦٠٠", "-5", "", "1.5", True, None, "12345678901234567890123"]
)
def test_a_timestamp_that_is_not_a_plain_unix_time_reads_as_none(raw: object) -> None:
    assert parse_timestamp(raw) is None  # type: ignore[arg-type]


def test_timestamps_as_text_or_number() -> None:
    assert parse_timestamp("1764399600") == parse_timestamp(1764399600) == datetime(2025, 11, 29, 7, 0, tzinfo=UTC)


def test_one_malformed_message_does_not_hide_the_others(caplog: pytest.LogCaptureFixture) -> None:
    good = [message(f"m{n}", "1", "text", {"body": f"نص {n}"}) for n in range(3)]
    bad: list[object] = [{"from": "1", "type": "text", "text": {"body": "بلا معرّف"}}, "junk", {"id": 5}]
    value = {"contacts": [{"wa_id": "1"}, 7], "messages": [good[0], *bad, good[1], good[2]], "statuses": [[], {}]}
    payload = parse_payload(json.dumps({"entry": [{"changes": [{"value": value}]}]}).encode())
    change = payload.entry[0].changes[0].value
    assert [m.id for m in change.valid_messages()] == ["m0", "m1", "m2"]
    assert [c.wa_id for c in change.valid_contacts()] == ["1"]
    assert change.valid_statuses() == []
    assert "بلا معرّف" not in caplog.text and "malformed message was skipped" in caplog.text
