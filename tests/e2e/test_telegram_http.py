"""Both HTTP clients python-telegram-bot can use here (aiohttp, the default, and httpx) pass the same chat."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.clock import FakeClock
from handlers.kit.contract import Document, Reply
from storage.models import OutboxRow
from tests.e2e.telegram_harness import TOKEN, start_bot, telegram_settings
from tests.e2e.test_telegram_core import register, rows
from tests.standins.telegram import BotApiStandIn
from tests.support import START


@pytest.mark.parametrize("http", ["aiohttp", "httpx"])
async def test_chat_and_upload_over_each_http_client(tmp_path: Path, http: str) -> None:
    async with BotApiStandIn(token=TOKEN, bot_username="ogp_test_bot") as api:
        clock = FakeClock(START)
        bot = await start_bot(api, telegram_settings(tmp_path, api, telegram_http=http), clock)
        try:
            user = api.user(1001, first_name="سلمى")
            await register(user)
            data = "الالتزام,الحالة\n1,جارٍ\n".encode()
            reply = Reply(text="", document=Document(filename="تقرير.csv", mime="text/csv", data=data, caption="تقرير"))
            row = OutboxRow(
                id=1, channel="telegram", recipient="1001", participant_id=None, kind="reply", dedupe_key=None,
                payload=reply.to_payload(), document=data, edit_ref=None, status="sending", attempts=0,
                not_before=START, created_at=START, sent_at=None, channel_msg_id=None, last_error=None, batch=None,
            )  # fmt: skip
            delivery = await bot.channel.transport.deliver(row, reply)  # the upload itself, past the outbox
            [sent] = await user.wait_messages(1)
            assert sent.document == ("تقرير.csv", data)
            assert sent.caption == "تقرير"
        finally:
            await bot.stop()
        assert delivery.outcome == "sent" and delivery.channel_msg_id == str(sent.message_id)
        people = rows(bot.core.settings.database, "SELECT name, organisation FROM participants")
        assert people == [("سلمى", "جمعية الشفافية")]
