"""A world for the public site's tests: published and unpublished input, and private values that must never leak."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import aiohttp
import aiosqlite
from multidict import CIMultiDict

from bot.core import Core
from bot.public_routes import mount
from bot.public_site import site_config
from bot.web import WebServer
from public.language import languages
from public.live import LiveSite
from public.site import Site
from storage import audit, catalogue, publishing, roles, rounds, whatsapp
from storage.models import Completion, Role
from storage.publishing import PublishMode
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import ChatDriver, RecordingTransport

# Distinctive private values: any of them in a public page or file is a leak.
HIDDEN_NAME = "سعاد QZNAMEHIDDEN"
HIDDEN_ORG = "جمعية QZORGHIDDEN"
SHOWN_NAME = "عمر QZNAMESHOWN"
SHOWN_ORG = "مبادرة QZORGSHOWN"
FORGOTTEN_NAME = "ليلى QZNAMEFORGOTTEN"
WHATSAPP_PHONE = "962790004321"
TELEGRAM_IDS = ("7770001", "7770002", "7770003")
UNPUBLISHED = "توصية لم تنشر بعد QZUNPUBLISHED"
HIDDEN_TEXT = "رسالة مزعجة مخفية QZHIDDENTEXT"
HIDDEN_REASON = "QZHIDDENREASON"
DRAFT_ROUND = "جولة مسودة QZDRAFTROUND"
DRAFT_TEXT = "مسودة لم ترسل QZDRAFTTEXT"
ANSWERED = "نقترح نشر تقارير ربعية عن الشكاوى QZANSWERED"
APPROVED = "نقترح إشراك الجمعيات في التدريب QZAPPROVED"
RESPONSE = "سننشر التقرير الأول في الربع القادم QZRESPONSE"
EVIDENCE = "https://example.org/evidence/QZEVIDENCE"
ROUND_NAME = "اللقاء التشاوري الأول QZROUND"
ROUND_INPUT = "تفعيل الرقابة اللاحقة في الجولة QZROUNDINPUT"


@dataclass
class World:
    """What was built, and the private values to look for."""

    officer: ChatDriver
    author: ChatDriver
    shown: ChatDriver
    answered_id: int
    approved_id: int
    unpublished_id: int
    hidden_id: int
    round_id: int
    draft_round_id: int
    secrets: list[str] = field(default_factory=list)


async def build_world(core: Core, transport: RecordingTransport) -> World:
    """Register people on both channels, answer, approve, hide, run a round, report progress; collect secrets."""
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, TELEGRAM_IDS[0], 4)
    author = ChatDriver(core, transport, user=TELEGRAM_IDS[1], name=HIDDEN_NAME)
    await author.register(name=HIDDEN_NAME, organisation=HIDDEN_ORG)
    on_whatsapp = RecordingTransport("whatsapp")
    core.sender.add_transport(on_whatsapp)
    shown = ChatDriver(core, on_whatsapp, user=WHATSAPP_PHONE, channel="whatsapp", name=SHOWN_NAME)
    await shown.register(name=SHOWN_NAME, organisation=SHOWN_ORG)
    gone = await registered(core, transport, TELEGRAM_IDS[2], FORGOTTEN_NAME)

    answered = await recommend(author, 4, ANSWERED)
    approved = await recommend(shown, 2, APPROVED)
    unpublished = await recommend(author, 4, UNPUBLISHED)
    hidden = await recommend(author, 4, HIDDEN_TEXT)
    await recommend(gone, 4, "توصية من شخص طلب محو بياناته")
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{answered}")
    await officer_chat.press("اعتُمدت جزئياً")
    await officer_chat.send(RESPONSE)
    await officer_chat.press("حفظ وإرسال")  # after the preview of the author's notice
    await gone.command("forget")
    await gone.press("prv:mode:keep")
    await gone.press("prv:yes:keep")
    await author.command("recommend", "4")
    await author.press("محور آخر")
    await author.send(DRAFT_TEXT)  # left at the preview: a draft in the session, never sent
    coord_code = await _invite_code(core)
    async with core.db.transaction() as conn:
        now = core.clock.now()
        ids = {r["user"]: r["id"] for r in await _people(conn)}
        await publishing.set_show_name(conn, ids[WHATSAPP_PHONE], True)
        await publishing.set_show_name(conn, ids[TELEGRAM_IDS[1]], False)
        await publishing.approve_waiting(conn, ids["9001"], now, commitment_id=await _commitment_id(conn, 2))
        await conn.execute(
            "UPDATE recommendations SET hidden = 1, hidden_reason = ? WHERE id = ?", (HIDDEN_REASON, hidden)
        )
        await whatsapp.touch_contact(conn, WHATSAPP_PHONE, wa_id=WHATSAPP_PHONE, user_id="JO.QZBSUID", at=now)
        await audit.record(conn, ids["9001"], "public.test", "participant:QZAUDIT", "QZAUDITDETAIL", now)
        c4 = await _commitment_id(conn, 4)
        c5 = await _commitment_id(conn, 5)
        milestone = await catalogue.add_milestone(
            conn, c4, "إطلاق المنصة الموحدة للشكاوى", None, date(2020, 6, 30), now
        )
        await catalogue.add_status_update(
            conn,
            c4,
            Completion.SUBSTANTIAL,
            55,
            now,
            note="أُطلقت المرحلة الأولى",
            evidence_url=EVIDENCE,
            milestone_id=milestone.id,
            milestone_state="limited",
            author_id=ids[TELEGRAM_IDS[0]],
        )
        found = await rounds.create_round(
            conn,
            name=ROUND_NAME,
            held_on=date(2019, 9, 30),
            place="فندق الرويال",
            online=False,
            deadline=now + timedelta(days=7),
            commitment_ids=[c4, c5],
            questions=[("progress", "ما مدى التقدّم؟")],
            created_by=ids["9001"],
            now=now,
        )
        await rounds.open_round(conn, found.id, now)
        for user in (TELEGRAM_IDS[1], WHATSAPP_PHONE):
            await rounds.join_group(conn, found.id, ids[user], c4, now)
        draft = await rounds.create_round(
            conn,
            name=DRAFT_ROUND,
            held_on=None,
            place=None,
            online=True,
            deadline=None,
            commitment_ids=[c4],
            questions=[],
            created_by=ids["9001"],
            now=now,
        )
        await roles.grant(conn, ids[WHATSAPP_PHONE], Role.LIAISON, await _commitment_id(conn, 5), None, now)
    await _round_input(core, found.id, ids[WHATSAPP_PHONE], c5)
    secrets = [
        HIDDEN_NAME,
        HIDDEN_ORG,
        FORGOTTEN_NAME,
        WHATSAPP_PHONE,
        *TELEGRAM_IDS,
        UNPUBLISHED,
        HIDDEN_TEXT,
        HIDDEN_REASON,
        DRAFT_ROUND,
        DRAFT_TEXT,
        coord_code,
        found.code,
        draft.code,
        "QZBSUID",
        "QZAUDIT",
        "QZAUDITDETAIL",
        "public.test",
        "recommendation.answer",
        "privacy.forget",
        "منى المنسقة",
        "9001",
    ]
    return World(officer_chat, author, shown, answered, approved, unpublished, hidden, found.id, draft.id, secrets)


async def _people(conn: aiosqlite.Connection) -> list[dict[str, Any]]:
    from storage.database import fetch_all

    sql = "SELECT i.external_id AS user, p.id FROM identities i JOIN participants p ON p.id = i.participant_id"
    return [dict(r) for r in await fetch_all(conn, sql)]


async def _commitment_id(conn: aiosqlite.Connection, number: int) -> int:
    commitments = await catalogue.list_commitments(conn)
    return next(c.id for c in commitments if c.number == number)


async def _invite_code(core: Core) -> str:
    [row] = await rows(core, "SELECT code FROM invites ORDER BY created_at DESC LIMIT 1")
    return str(row["code"])


async def _round_input(core: Core, round_id: int, participant: int, commitment: int) -> int:
    from storage import recommendations

    async with core.db.transaction() as conn:
        rec = await recommendations.add_recommendation(
            conn,
            participant_id=participant,
            commitment_id=commitment,
            theme_id=None,
            text=ROUND_INPUT,
            channel="whatsapp",
            now=core.clock.now(),
            round_id=round_id,
        )
        await publishing.approve_waiting(conn, participant, core.clock.now(), commitment_id=commitment)
        return rec.id


def site_for(core: Core, *, publish: PublishMode | None = None, static: bool = False) -> Site:
    """Return the site on the core's settings, optionally with another publication mode."""
    config = site_config(core.settings)
    if publish is not None:
        config = replace(config, publish=publish)
    return Site(config, languages(), static=static, now=core.clock.now)


@asynccontextmanager
async def serving(core: Core, site_: Site | None = None) -> AsyncIterator[tuple[str, LiveSite]]:
    """Serve the site on 127.0.0.1 (a free port) through the bot's web server; yield its base URL."""
    server = WebServer("127.0.0.1", 0)
    live = LiveSite(core.settings.database, site_ or site_for(core), core.clock.now)
    await live.start()
    mount(server, live)
    await server.start()
    try:
        yield server.url, live
    finally:
        await server.stop()
        await live.close()


async def fetch(session: aiohttp.ClientSession, url: str, **headers: str) -> tuple[int, bytes, CIMultiDict[str]]:
    """GET a URL without following redirects; return status, body and (case-insensitive) headers."""
    async with session.get(url, headers=headers, allow_redirects=False) as response:
        return response.status, await response.read(), CIMultiDict(response.headers)
