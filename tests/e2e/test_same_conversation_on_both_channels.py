"""One bot, one process, both channels: the same conversation on Telegram and on WhatsApp stores the same data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from bot.channels.telegram import TelegramChannel
from bot.clock import FakeClock
from tests.e2e.whatsapp_harness import WhatsAppBot, whatsapp_bot
from tests.standins.graph_api import WaUser
from tests.standins.telegram import BotApiStandIn, SimulatedUser

TG_TOKEN = "123456:TEST-token-for-the-telegram-stand-in"
RECOMMENDATION = "نشر جداول زمنية واضحة لكل مرحلة من مراحل تطبيق سياسة البيانات المفتوحة مع مؤشرات قابلة للقياس"


class Person(Protocol):
    """What the script needs of a person on either channel."""

    async def send(self, text: str) -> Any: ...

    async def press(self, label_or_id: str) -> Any: ...


# (action, argument, a text or label that must appear afterwards). Buttons are pressed by choice id, since
# WhatsApp shortens the labels Telegram shows whole.
SCRIPT: list[tuple[str, str, str]] = [
    ("send", "ابدأ", "استخدم «سلمى»"),
    ("press", "reg:name", "ما اسم الجهة"),
    ("send", "جمعية الشفافية", "ما نوع الجهة"),
    ("press", "reg:sector:cso", "في أي محافظة"),
    ("press", "reg:gov:irbid", "هل توافق"),
    ("press", "reg:consent:yes", "تم تسجيلك بنجاح"),
    ("send", "توصية", "على أي التزام"),
    ("press", "rec:c:2", "اختر محور التوصية"),
    ("press", "rec:t:0", "اكتب توصيتك"),
    ("send", RECOMMENDATION, "راجع توصيتك"),
    ("press", "rec:ok", "رقم الإيصال #"),
]


async def run_script(
    person: Person, seen: Callable[[str], bool], wait: Callable[[Callable[[], bool]], Awaitable[None]]
) -> None:
    """Play the script, waiting after each step until what it expects is on screen."""
    for action, argument, expected in SCRIPT:
        await (person.send(argument) if action == "send" else person.press(argument))
        await wait(lambda expected=expected: seen(expected))  # type: ignore[misc]


def telegram_seen(user: SimulatedUser) -> Callable[[str], bool]:
    def seen(expected: str) -> bool:
        return any(
            expected in (m.text or "") or any(expected == label for label in m.labels)
            for m in user.messages
            if m.from_bot
        )

    return seen


def whatsapp_seen(user: WaUser) -> Callable[[str], bool]:
    def seen(expected: str) -> bool:
        return any(expected in m.text or expected in m.labels for m in user.messages)

    return seen


async def stored(wa: WhatsAppBot, channel: str) -> tuple[Any, ...]:
    """Return what was stored for the person on a channel, without ids and channel names."""
    [person] = await wa.rows(
        "SELECT p.id, p.name, p.organisation, p.sector, p.governorate, p.consent_at IS NOT NULL FROM participants p "
        "JOIN identities i ON i.participant_id = p.id WHERE i.channel = ?",
        channel,
    )
    recs = await wa.rows(
        "SELECT commitment_id, theme_id, text, state, channel FROM recommendations WHERE participant_id = ?", person[0]
    )
    return tuple(person)[1:], [tuple(r)[:4] for r in recs], {r[4] for r in recs}


async def test_the_same_conversation_stores_the_same_data(tmp_path: Path, clock: FakeClock) -> None:
    async with (
        BotApiStandIn(token=TG_TOKEN) as tg_api,
        whatsapp_bot(tmp_path, clock, telegram_token=TG_TOKEN, telegram_api_url=tg_api.base_url) as wa,
    ):
        telegram = TelegramChannel(wa.core, TG_TOKEN, tg_api.base_url, poll_timeout=0.5)
        await telegram.start()
        await wa.core.sender.start()
        try:
            tg_user = tg_api.user(1001, first_name="سلمى")
            wa_user = wa.api.user("962790000001", name="سلمى")

            async def tg_wait(predicate: Callable[[], bool]) -> None:
                await tg_api.wait_for(predicate, 10.0)

            async def wa_wait(predicate: Callable[[], bool]) -> None:
                await wa.api.wait_for(predicate, 10.0)

            await run_script(TelegramPerson(tg_user), telegram_seen(tg_user), tg_wait)
            await run_script(wa_user, whatsapp_seen(wa_user), wa_wait)
        finally:
            await telegram.stop()
        on_telegram, on_whatsapp = await stored(wa, "telegram"), await stored(wa, "whatsapp")
    assert on_telegram[0] == on_whatsapp[0] == ("سلمى", "جمعية الشفافية", "cso", "irbid", 1)
    assert on_telegram[1] == on_whatsapp[1] == [(2, None, RECOMMENDATION, "new")]
    assert (on_telegram[2], on_whatsapp[2]) == ({"telegram"}, {"whatsapp"})


class TelegramPerson:
    """A Telegram user who types commands as /commands and text as text."""

    def __init__(self, user: SimulatedUser) -> None:
        self.user = user

    async def send(self, text: str) -> int:
        """Type a text (the start keyword becomes /start, as a Telegram user would do it)."""
        return await (self.user.command("start") if text == "ابدأ" else self.user.send(text))

    async def press(self, label_or_id: str) -> int:
        """Press a button by label or callback data."""
        return await self.user.press(label_or_id)
