"""The Telegram transport against the stand-in: long texts split, keyboards within limits, edits, blocked users."""

from __future__ import annotations

from pathlib import Path

from bot.channels.pieces import split_text
from bot.channels.telegram import TelegramChannel
from bot.transport import Outcome
from handlers.kit.contract import Choice, Reply
from storage.models import OutboxRow
from tests.e2e.telegram_harness import telegram_bot
from tests.standins.telegram import BotApiStandIn
from tests.support import START


def row(recipient: int, edit_ref: str | None = None) -> OutboxRow:
    return OutboxRow.unsaved("telegram", str(recipient), "{}", START, edit_ref=edit_ref)


def channel_of(bot: object) -> TelegramChannel:
    return bot.channel  # type: ignore[attr-defined,no-any-return]


async def test_a_long_text_is_split_under_the_limit_with_the_keyboard_last(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        user = api.user(2002, first_name="عمر")
        await user.send("مرحبا")
        await user.wait_messages(1)
        paragraph = "فقرة من تقرير المتابعة تتكرر لاختبار التقسيم. " * 40
        text = "\n\n".join([paragraph] * 6)
        reply = Reply(text=text, choices=(Choice(id="m:status", label="📊 حالة الالتزامات"),))
        delivery = await channel_of(bot).transport.deliver(row(2002), reply)
        assert delivery.outcome is Outcome.SENT
        pieces = await user.wait_messages(len(split_text(text, 4096)))
        assert len(pieces) >= 3
        assert all(len(p.text or "") <= 4096 for p in pieces)
        assert [bool(p.buttons) for p in pieces] == [False] * (len(pieces) - 1) + [True]
        assert "".join("".join((p.text or "").split()) for p in pieces) == "".join(text.split())


async def test_editing_to_the_same_content_is_not_an_error(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        user = api.user(2003, first_name="ريم")
        await user.send("مرحبا")
        [menu] = await user.wait_messages(1)
        same = Reply(
            text=menu.text or "", choices=tuple(Choice(id=d or "x", label=lbl) for r in menu.buttons for lbl, d in r)
        )
        delivery = await channel_of(bot).transport.deliver(row(2003, edit_ref=str(menu.message_id)), same)
        assert delivery.outcome is Outcome.SENT and delivery.channel_msg_id == str(menu.message_id)


async def test_a_user_who_blocked_the_bot_is_unreachable(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        user = api.user(2004, first_name="لينا")
        await user.send("مرحبا")
        await user.wait_messages(1)
        api.block(2004)
        delivery = await channel_of(bot).transport.deliver(row(2004), Reply(text="تذكير"))
        assert delivery.outcome is Outcome.UNREACHABLE and "403" in delivery.error


async def test_callback_data_over_64_bytes_never_leaves_the_bot() -> None:
    async with BotApiStandIn() as api:
        assert api.base_url
    try:
        Choice(id="x" * 65, label="طويل")
    except ValueError:
        return
    raise AssertionError("a 65-byte choice id was accepted")
