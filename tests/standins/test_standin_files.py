"""The stand-ins refuse what the real services refuse about files: Telegram's getFile above 20 MB, a file id sent as
another kind, a file URL without the token; the Graph API's media URL without the bearer token, and audio or images
of a type or size WhatsApp does not send."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest

from tests import media

from .graph_api import GraphApiStandIn
from .telegram import BotApiStandIn

TOKEN = "123:ABC"


@pytest.fixture
async def api() -> AsyncIterator[BotApiStandIn]:
    async with BotApiStandIn(token=TOKEN) as stand_in:
        yield stand_in


async def test_telegram_files_by_kind_and_size(api: BotApiStandIn) -> None:
    user = api.user(1001)
    await user.send_document("big.pdf", media.pdf(), "application/pdf", size=21 << 20)
    await user.send_voice(media.ogg_opus(3), duration=3)
    big_id, voice_id = (m.file_id for m in user.messages)
    async with Bot(TOKEN, base_url=api.base_url, base_file_url=api.base_url.replace("/bot", "/file/bot")) as bot:
        with pytest.raises(BadRequest, match=r"(?i)file is too big"):
            await bot.get_file(str(big_id))
        with pytest.raises(BadRequest, match=r"(?i)can.t use file of type Voice as Document"):
            await bot.send_document(1001, str(voice_id))
        found = await bot.get_file(str(voice_id))
        assert bytes(await found.download_as_bytearray()) == media.ogg_opus(3)
        sent = await bot.send_voice(1001, str(voice_id))  # by id, of its own kind
        assert sent.voice is not None and user.last.voice == media.ogg_opus(3)
    async with httpx.AsyncClient() as http:
        wrong = await http.get(str(found.file_path).replace(TOKEN, "123:WRONG"))
        assert wrong.status_code == 404


async def test_graph_media_needs_the_token_and_a_sendable_type() -> None:
    async with GraphApiStandIn(token="T", app_secret="S", clock=lambda: datetime.now(UTC)) as graph:
        media_id = graph.receive_media(media.jpeg(), "image/jpeg")
        async with httpx.AsyncClient(base_url=graph.base_url) as http:
            assert (await http.get(f"/{media_id}")).status_code == 401
            info = (await http.get(f"/{media_id}", headers={"Authorization": "Bearer T"})).json()
            assert info["file_size"] == len(media.jpeg())
            assert (await http.get(info["url"])).status_code == 401
            got = await http.get(info["url"], headers={"Authorization": "Bearer T"})
            assert got.content == media.jpeg()
            upload = await http.post(
                f"/{graph.phone_number_id}/media",
                headers={"Authorization": "Bearer T"},
                data={"messaging_product": "whatsapp", "type": "image/png"},
                files={"file": ("x.png", b"\x89PNG" + b"0" * (5 << 20), "image/png")},
            )
            assert upload.status_code == 400 and upload.json()["error"]["code"] == 131053
