"""The Graph API client on aiohttp against the stand-in: raw UTF-8 JSON bodies, error codes, uploads, downloads, and
a clear GraphUnreachable when nothing answers."""

from __future__ import annotations

import socket

import pytest

from bot.channels.whatsapp_api import GraphClient, GraphError, GraphUnreachable, MediaTooLarge, encode_body
from tests import media
from tests.standins.graph_api import GraphApiStandIn

TOKEN = "EAAG-api-test-token"
SECRET = "api-test-secret"
PHONE_ID = "100200300"
TEXT = "أهلاً بك، رقم الإيصال #12 ✅"


async def test_messages_go_as_utf8_json_and_refusals_keep_their_code() -> None:
    async with GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID) as api:
        person = api.user()
        person.last_inbound = api.now()  # the 24-hour window is open
        client = GraphClient(api.base_url, PHONE_ID, TOKEN)
        try:
            first = await client.send("to", person.key, {"type": "text", "text": {"body": TEXT}})
            second = await client.send("to", person.key, {"type": "text", "text": {"body": "٢"}})
            api.fail_next(131047)
            with pytest.raises(GraphError) as refused:
                await client.send("to", person.key, {"type": "text", "text": {"body": "٣"}})
        finally:
            await client.close()
    assert [m.text for m in api.sent] == [TEXT, "٢"]
    assert [m.wamid for m in api.sent] == [first, second]
    assert refused.value.code == 131047 and refused.value.status == 400


async def test_one_encoded_body_goes_to_a_phone_number_and_to_a_user_id() -> None:
    body = encode_body({"type": "text", "text": {"body": TEXT, "preview_url": False}})
    async with GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID) as api:
        by_phone, by_user = api.user("962790000001"), api.user(None, user_id="JO.1234567890")
        for person in (by_phone, by_user):
            person.last_inbound = api.now()
        client = GraphClient(api.base_url, PHONE_ID, TOKEN)
        try:
            await client.send_encoded("to", by_phone.key, body)
            await client.send_encoded("recipient", by_user.key, body)
        finally:
            await client.close()
    assert [(m.to, m.field, m.text) for m in api.sent] == [
        ("962790000001", "to", TEXT),
        ("JO.1234567890", "recipient", TEXT),
    ]
    assert all(m.body["messaging_product"] == "whatsapp" for m in api.sent)


async def test_uploads_keep_the_file_name_and_downloads_stop_past_the_limit() -> None:
    pdf = media.pdf()
    async with GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID) as api:
        client = GraphClient(api.base_url, PHONE_ID, TOKEN)
        try:
            media_id = await client.upload(pdf, "application/pdf", "تقرير الإنجاز.pdf")
            sent_id = api.receive_media(pdf, "application/pdf")
            assert await client.download_media(sent_id, len(pdf)) == pdf
            with pytest.raises(MediaTooLarge):
                await client.download_media(sent_id, len(pdf) - 1)
        finally:
            await client.close()
    assert api.media[media_id] == ("تقرير الإنجاز.pdf", pdf)
    assert api.media_types[media_id] == "application/pdf"


async def test_nothing_listening_is_graph_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))  # held, never listening: refused, and no other process can take the port
        client = GraphClient(f"http://127.0.0.1:{probe.getsockname()[1]}/v23.0", PHONE_ID, TOKEN)
        try:
            with pytest.raises(GraphUnreachable):
                await client.send("to", "962790000001", {"type": "text", "text": {"body": TEXT}})
        finally:
            await client.close()
