"""Property tests: whatever arrives (text, commands, deep links, button data), the bot answers sensibly in Arabic,
never fails, and input it rejects changes nothing."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.clock import FakeClock
from bot.core import Core
from handlers.kit.contract import Incoming, Reply
from handlers.router import Router
from storage import sessions
from storage.models import Session
from tests.support import START, ChatDriver, RecordingTransport, make_core, settings_for

ARABIC = re.compile(r"[\u0621-\u064a]")
# Bidi overrides and isolates, zero-width characters, the BOM, a lone surrogate, control characters.
NASTY = [
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u200f\ufeff\u061c",
    "\ud800",
    "\udcff",
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\t",
    "'; DROP TABLE participants; --",
    '" OR 1=1 --',
    "%s%d",
    "{ $name }",
    "<b>",
    "*_`[",
    "ا",
    "ب",
    "٣",
    "7",
    " ",
    "\n",
]
HUGE = ["ب" * 100_000, "\u202e" * 100_000, "x" * 99_999 + "\u200b", "\u200b" * 100_000, "١" * 100_000]
hostile = st.one_of(
    st.text(max_size=120),
    st.lists(st.sampled_from(NASTY), max_size=30).map("".join),
    st.sampled_from(HUGE),
)
# Positions a chat can be in when the input arrives (user ids are fixed per position).
POSITIONS = ("new", "name", "organisation", "idle", "text", "preview", "coordinator")
USERS = {position: str(5001 + n) for n, position in enumerate(POSITIONS)} | {"coordinator": "9001"}
SNAPSHOT = {
    "participants": "SELECT id, name, organisation, sector, governorate, consent_at, forgotten_at FROM participants",
    "identities": "SELECT * FROM identities ORDER BY channel, external_id",
    "sessions": "SELECT channel, external_id, flow, step, data FROM sessions ORDER BY channel, external_id",
    "recommendations": "SELECT * FROM recommendations",
    "roles": "SELECT * FROM roles",
    "invites": "SELECT * FROM invites",
    "follows": "SELECT * FROM follows",
    "endorsements": "SELECT * FROM endorsements",
    "status_updates": "SELECT * FROM status_updates",
    "milestones": "SELECT * FROM milestones",
    "audit_log": "SELECT * FROM audit_log",
}


class Errors(logging.Handler):
    """Collects error records while an example runs."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass(repr=False)
class World:
    """One core for all examples; each position's chat state is restored before every example."""

    runner: asyncio.Runner
    core: Core
    transport: RecordingTransport
    saved: dict[str, Session] = field(default_factory=dict)
    events: Iterator[int] = field(default_factory=count)
    refusals: tuple[str, ...] = ()

    def run(self, incoming: Incoming) -> tuple[list[Reply], bool, list[logging.LogRecord]]:
        """Restore the position, handle one event; return replies, whether state changed, errors logged."""
        return self.runner.run(self._run(incoming))

    async def _run(self, incoming: Incoming) -> tuple[list[Reply], bool, list[logging.LogRecord]]:
        async with self.core.db.transaction() as conn:
            await sessions.save_session(conn, self.saved[incoming.user], START)
        before = await self.snapshot()
        mark = len(self.transport.sent)
        errors = Errors()
        logging.getLogger().addHandler(errors)
        try:
            await self.core.dispatcher.handle(incoming)
            await self.core.documents.flush()
            await self.core.sender.flush()
        finally:
            logging.getLogger().removeHandler(errors)
        replies = [s.reply for s in self.transport.sent[mark:] if s.recipient == incoming.user]
        return replies, await self.snapshot() != before, errors.records

    async def snapshot(self) -> dict[str, list[tuple[object, ...]]]:
        async with self.core.db.transaction() as conn:
            found = {name: [tuple(r) for r in await conn.execute_fetchall(sql)] for name, sql in SNAPSHOT.items()}
        # Which buttons are on screen (so that a typed label acts as the button) is no change to what was stored, nor
        # the language a newcomer was offered at their first message.
        sessions_ = [(*row[:4], _without_shown(str(row[4]))) for row in found["sessions"]]
        found["sessions"] = [row for row in sessions_ if row[2] is not None or row[4] != "{}"]
        return found

    def incoming(self, position: str, **kwargs: object) -> Incoming:
        return Incoming("telegram", USERS[position], f"h{next(self.events)}", name="سلمى", **kwargs)  # type: ignore[arg-type]

    def is_refusal(self, reply: Reply) -> bool:
        return reply.text.startswith(self.refusals)


def _without_shown(data: str) -> str:
    stored = json.loads(data)
    stored.pop("_shown", None)
    stored.pop("_lang", None)
    return json.dumps(stored, sort_keys=True)


async def _prepare(core: Core, transport: RecordingTransport) -> dict[str, Session]:
    async def chat(position: str) -> ChatDriver:
        return ChatDriver(core, transport, user=USERS[position], name="سلمى")

    await (await chat("name")).command("start")
    organisation = await chat("organisation")
    await organisation.command("start")
    await organisation.send("سلمى الخطيب")
    await (await chat("idle")).register()
    await (await chat("coordinator")).register(name="منى المنسقة")
    text = await chat("text")
    await text.register()
    await text.command("recommend", "3")
    await text.press("الالتزام بمخرجات الحوار")
    preview = await chat("preview")
    await preview.register()
    await preview.command("recommend", "3")
    await preview.press("الالتزام بمخرجات الحوار")
    await preview.send("نشر محاضر الحوار الوطني كاملة خلال أسبوع")
    saved = {}
    async with core.db.transaction() as conn:
        for user in USERS.values():
            saved[user] = await sessions.load_session(conn, "telegram", user)
    return saved


def _refusal_prefixes(core: Core) -> tuple[str, ...]:
    """The answers that mean "not accepted": exact texts, or the part before the first number."""
    plain = ("unknown-button", "stale-button", "unknown-command", "not-understood", "unknown-link")
    prefixes = [core.messages.t(key) for key in plain]
    prefixes.append(core.messages.t("recommendation-empty"))
    numbered = ("recommendation-too-short", "recommendation-too-long", "name-invalid", "organisation-invalid")
    for key in numbered:
        text = core.messages.t(key, **dict.fromkeys(core.messages.variables(key), 987654))
        prefixes.append(re.split(r"[0-9(]", text, maxsplit=1)[0])
    assert all(len(p) >= 10 for p in prefixes)
    return tuple(prefixes)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    runner = asyncio.Runner()
    settings_ = settings_for(Path(tmp_path_factory.mktemp("hostile")))
    core, transport = runner.run(make_core(settings_, FakeClock(START)))
    try:
        saved = runner.run(_prepare(core, transport))
        yield World(runner, core, transport, saved, refusals=_refusal_prefixes(core))
    finally:
        runner.run(core.close())
        runner.close()


def check_answer(world: World, replies: list[Reply], errors: list[logging.LogRecord]) -> None:
    """At least one reply, all in Arabic, none an apology for a failure, nothing logged as an error."""
    assert replies, "no answer at all"
    for reply in replies:
        assert ARABIC.search(reply.text), reply.text[:200]
        assert reply.text not in (world.core.messages.t("internal-error"), world.core.messages.t("busy-error"))
    assert not errors, [r.getMessage() for r in errors]


PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
position = st.sampled_from(POSITIONS)


@PROPERTY
@given(position=position, text=hostile)
def test_any_text_in_any_step(world: World, position: str, text: str) -> None:
    replies, changed, errors = world.run(world.incoming(position, text=text))
    check_answer(world, replies, errors)
    if world.is_refusal(replies[0]):
        assert not changed


@PROPERTY
@given(position=position, name=st.text(min_size=1, max_size=40) | st.sampled_from(NASTY), args=hostile)
def test_unknown_commands_are_refused_and_change_nothing(world: World, position: str, name: str, args: str) -> None:
    router: Router = world.core.router
    if name in router.commands:
        return
    replies, changed, errors = world.run(world.incoming(position, command=name, args=args))
    check_answer(world, replies, errors)
    assert replies[0].text.startswith(world.core.messages.t("unknown-command"))
    assert not changed


@PROPERTY
@given(position=position, index=st.integers(0, 100), args=hostile)
def test_known_commands_with_any_arguments(world: World, position: str, index: int, args: str) -> None:
    commands = sorted(world.core.router.commands)
    replies, _, errors = world.run(world.incoming(position, command=commands[index % len(commands)], args=args))
    check_answer(world, replies, errors)


@PROPERTY
@given(position=position, payload=hostile.filter(bool), known=st.booleans())
def test_any_deep_link(world: World, position: str, payload: str, known: bool) -> None:
    if known:
        payload = sorted(world.core.router.deep_links)[0] + payload
    replies, changed, errors = world.run(world.incoming(position, command="start", args=payload))
    check_answer(world, replies, errors)
    registered = position in ("idle", "text", "preview", "coordinator")  # /start begins registration by design
    if registered and not payload.startswith(tuple(world.core.router.deep_links)):
        assert replies[0].text == world.core.messages.t("unknown-link")
        assert not changed


callback_tail = st.text(alphabet=string.printable + "".join(NASTY[:16]), max_size=70) | hostile


@PROPERTY
@given(position=position, data=callback_tail, prefixed=st.booleans(), index=st.integers(0, 50))
def test_any_callback_data(world: World, position: str, data: str, prefixed: bool, index: int) -> None:
    prefixes = sorted(world.core.router.families)
    if prefixed:
        data = f"{prefixes[index % len(prefixes)]}:{data}"
    replies, changed, errors = world.run(world.incoming(position, choice=data))
    check_answer(world, replies, errors)
    if world.is_refusal(replies[0]):
        assert not changed
    if data.partition(":")[0] not in (*prefixes, "m"):
        assert replies[0].text.startswith(world.core.messages.t("unknown-button"))  # a newcomer: the language follows
