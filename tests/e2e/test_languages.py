"""Each person in their language (issue 15): a participant who reads English walks through registration, a
recommendation, /status, /my and an officer's reply without meeting a word of Arabic but the button back to Arabic;
one who reads Arabic never meets an English word but the button to English. Both walks run on the dispatcher and over
the Telegram stand-in (python-telegram-bot over loopback HTTP); the officer reads the other language in each."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pytest

from bot.core import Core
from messages import Language, Messages, load_messages
from storage import roles
from storage.models import Role
from tests.e2e.telegram_harness import telegram_bot
from tests.loop_support import rows
from tests.standins.telegram import BotApiStandIn, SimulatedUser
from tests.support import ChatDriver, make_core, settings_for
from tests.test_catalogue import arabic_script_in, latin_words_in

ENDONYMS = {"ar": "العربية", "en": "English"}  # the one word of the other language: the button back to it
PEOPLE = {
    "en": ("Sarah Haddad", "Transparency Society", "Publish the complaints each ministry receives every quarter."),
    "ar": ("سلمى الخطيب", "جمعية الشفافية", "نقترح نشر الشكاوى التي تصل كل وزارة مع مآلها كل ثلاثة أشهر."),
}
RESPONSES = {"en": "The first quarterly report comes out in March.", "ar": "سيصدر أول تقرير ربعي في آذار."}
PARTICIPANT, OFFICER = 1001, 2001


class Person(Protocol):
    """Someone in a private chat with the bot, on some channel."""

    async def command(self, name: str, args: str = "") -> None: ...
    async def send(self, text: str) -> None: ...
    async def press(self, data: str) -> None: ...
    def received(self) -> list[str]: ...


@dataclass
class OnDispatcher:
    """A person talking to the dispatcher directly (ChatDriver); buttons pressed by their data."""

    chat: ChatDriver
    app_language: str | None = None  # what their app reports, as Telegram's language_code

    async def command(self, name: str, args: str = "") -> None:
        await self.chat.command(name, args, language=self.app_language)

    async def send(self, text: str) -> None:
        await self.chat.send(text, language=self.app_language)

    async def press(self, data: str) -> None:
        await self.chat.press_data(data, language=self.app_language)

    def received(self) -> list[str]:
        return [part for reply in self.chat.history for part in (reply.text, *(c.label for c in reply.choices))]


@dataclass
class OnTelegram:
    """A person over the Telegram stand-in; each action waits until the bot has said everything it had to."""

    api: BotApiStandIn
    core: Core
    user: SimulatedUser
    pressed: list[str] = field(default_factory=list)

    async def _settle(self, action: Awaitable[int]) -> None:
        await action
        for _ in range(200):  # a short poll of the socket and the outbox, never a scheduling sleep
            await self.api.wait_idle(timeout=10)
            waiting = await rows(self.core, "SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending')")
            if waiting == [{"n": 0}]:
                await self.api.wait_idle(timeout=10)
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the bot never finished answering")

    async def command(self, name: str, args: str = "") -> None:
        await self._settle(self.user.command(name, args or None))

    async def send(self, text: str) -> None:
        await self._settle(self.user.send(text))

    async def press(self, data: str) -> None:
        message = next(m for m in reversed(self.user.messages) if m.from_bot and data in [d for _, d in _flat(m)])
        await self._settle(self.user.press_data(data, message_id=message.message_id))

    def received(self) -> list[str]:
        seen = [part for m in self.user.events for part in (m.text or "", m.caption or "", *m.labels)]
        # The command menu Telegram shows this chat: its own, else the default for the app's language.
        chat = {"type": "chat", "chat_id": self.user.id}
        menu = self.api.commands(chat) or self.api.commands(None, self.user.language_code)
        return seen + [description for _, description in menu]


def _flat(message: object) -> list[tuple[str, str | None]]:
    return [button for row in message.buttons for button in row]  # type: ignore[attr-defined]


def foreign_words(language: Language, texts: list[str]) -> list[str]:
    """Return what a reader of one language met of the other, apart from the button back to it."""
    other = ENDONYMS["en" if language == "ar" else "ar"]
    found: list[str] = []
    for text in texts:
        text = text.replace(other, " ")
        found += latin_words_in(text) if language == "ar" else arabic_script_in(text)
    return found


def fragment(messages: Messages, key: str) -> str:
    """Return the fixed opening words of a catalogue message (up to its first placeholder)."""
    marker = "\uffff"
    text = messages.t(key, **dict.fromkeys(messages.variables(key), marker))
    return text.split(marker)[0].strip() or text.replace(marker, "").strip()[:20]


async def walk(participant: Person, officer: Person, core: Core, language: Language) -> None:
    """Register, recommend on commitment 4, look at /status and /my, and get the officer's reply."""
    name, organisation, text = PEOPLE[language]
    await participant.command("start")
    await participant.send(name)
    await participant.send(organisation)
    await participant.press("reg:sector:cso")
    await participant.press("reg:gov:amman")
    await participant.press("reg:consent:yes")
    [theme] = await rows(
        core,
        "SELECT t.id FROM themes t JOIN commitments c ON c.id = t.commitment_id"
        " WHERE c.number = 4 ORDER BY t.position LIMIT 1",
    )
    await participant.command("recommend", "4")
    await participant.press(f"rec:t:{theme['id']}")
    await participant.send(text)
    await participant.press("rec:ok")
    await participant.command("status")
    await participant.command("status", "4")
    await participant.command("my")
    [stored] = await rows(core, "SELECT id FROM recommendations")
    await officer.command("inbox")
    await officer.press(f"inbox:o:{stored['id']}:0")
    await officer.press(f"inbox:s:{stored['id']}:accepted")
    await officer.send(RESPONSES[language])  # the officer writes to the author in the author's language
    await officer.press(f"inbox:ok:{stored['id']}")
    await participant.command("my")


def check(participant: Person, language: Language, core_rows: list[dict[str, object]]) -> None:
    """What the participant met, and what was stored."""
    messages = load_messages(language)
    seen = participant.received()
    joined = "\n".join(seen)
    for key in ("ask-name", "ask-organisation", "ask-sector", "privacy-notice", "status-choose", "loop-answer"):
        assert fragment(messages, key) in joined, key
    assert PEOPLE[language][2] in joined and RESPONSES[language] in joined
    assert foreign_words(language, seen) == [], [t for t in seen if foreign_words(language, [t])]
    assert core_rows == [{"language": language, "state": "accepted", "response": RESPONSES[language]}]


STORED = "SELECT p.language, r.state, r.response FROM recommendations r JOIN participants p ON p.id = r.participant_id"


def _other(language: Language) -> Language:
    return "ar" if language == "en" else "en"


async def _register_officer(officer: Person, language: Language, *, switch: bool) -> None:
    """Register the officer in their language (switching at the first message when their app reports another)."""
    await officer.command("start")
    if switch:
        await officer.press(f"lang:{language}")
    await officer.send("Reem Officer" if language == "en" else "ريم الضابطة")
    await officer.send("Ministry of Social Development" if language == "en" else "وزارة التنمية الاجتماعية")
    await officer.press("reg:sector:government")
    await officer.press("reg:gov:amman")
    await officer.press("reg:consent:yes")


async def _make_officer(core: Core, officer: Person, language: Language, *, switch: bool) -> None:
    await _register_officer(officer, language, switch=switch)
    async with core.db.transaction() as conn:
        [person] = await conn.execute_fetchall("SELECT id FROM participants")
        [c4] = await conn.execute_fetchall("SELECT id FROM commitments WHERE number = 4")
        await roles.grant(conn, int(person[0]), Role.LIAISON, int(c4[0]), None, core.clock.now())


@pytest.mark.parametrize("language", ["en", "ar"])
async def test_each_person_reads_only_their_language_on_the_dispatcher(tmp_path: Path, language: Language) -> None:
    core, transport = await make_core(settings_for(tmp_path))
    try:
        other = _other(language)
        officer = OnDispatcher(ChatDriver(core, transport, user=str(OFFICER), name=None))  # an Arabic app
        await _make_officer(core, officer, other, switch=other != "ar")
        participant = OnDispatcher(ChatDriver(core, transport, user=str(PARTICIPANT), name=PEOPLE[language][0]))
        participant.app_language = "en-GB" if language == "en" else None  # WhatsApp and the terminal report none
        await walk(participant, officer, core, language)
        check(participant, language, await rows(core, STORED))
        # The officer read their own language throughout (the notice they previewed is the author's, as sent).
        assert fragment(load_messages(other), "inbox-send") in "\n".join(officer.received())
    finally:
        await core.close()


@pytest.mark.parametrize("language", ["en", "ar"])
async def test_each_person_reads_only_their_language_over_telegram(tmp_path: Path, language: Language) -> None:
    other = _other(language)
    async with telegram_bot(tmp_path) as (api, bot):
        officer_user = api.user(OFFICER, first_name="Reem" if other == "en" else "ريم")
        officer_user.language_code = other  # their app reports it: nothing to switch
        officer = OnTelegram(api, bot.core, officer_user)
        await _make_officer(bot.core, officer, other, switch=False)
        user = api.user(PARTICIPANT, first_name=PEOPLE[language][0].split()[0])
        user.language_code = language
        participant = OnTelegram(api, bot.core, user)
        await walk(participant, officer, bot.core, language)
        check(participant, language, await rows(bot.core, STORED))
        assert api.unanswered_callback_queries() == []
        # Telegram's menus: Arabic by default, English for apps in English.
        english = dict(api.commands(None, "en"))
        assert english["language"] == load_messages("en").t("command-language")
        assert dict(api.commands())["language"] == load_messages("ar").t("command-language")
