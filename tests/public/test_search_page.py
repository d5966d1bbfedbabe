"""The public /search?q= page through the real server: only what is published is ever found, in both languages."""

from __future__ import annotations

import html

import aiohttp

from bot.core import Core
from storage import inbox, publishing
from tests.loop_support import recommend, registered, rows
from tests.public.world import fetch, serving
from tests.support import RecordingTransport

SHOWN = "نقترح نشر محاضر لجنة الشفافية <b>QZFIND</b> كل شهر"
WAITING = "نقترح نشر جداول اللجنة QZFIND قبل الاجتماع"
HIDDEN = "نقترح تدقيق عقود اللجنة QZFIND مرة في السنة"


async def _three(core: Core, transport: RecordingTransport) -> tuple[int, int, int]:
    """One published recommendation, one still waiting for approval, one published and then hidden."""
    shown = await recommend(await registered(core, transport, "3001", "سلمى"), 1, SHOWN)
    hidden = await recommend(await registered(core, transport, "3002", "رامي"), 1, HIDDEN)
    approver = (await rows(core, "SELECT participant_id AS p FROM recommendations WHERE id = ?", shown))[0]["p"]
    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, approver, core.clock.now())
        await inbox.hide(conn, hidden, "abuse")
    waiting = await recommend(await registered(core, transport, "3003", "هند"), 1, WAITING)
    return shown, waiting, hidden


async def test_only_the_published_text_is_found(core: Core, transport: RecordingTransport) -> None:
    shown, waiting, hidden = await _three(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        status, body, headers = await fetch(session, f"{base}/search?q=qzfind")
        english = (await fetch(session, f"{base}/en/search?q=QZFIND"))[1].decode()
    page = body.decode()
    assert status == 200 and "form-action 'self'" in headers["Content-Security-Policy"]
    assert html.escape(SHOWN, quote=False) in page and "<b>QZFIND" not in page  # escaped, never markup
    assert f'href="recommendations/{shown}/"' in page and "نتيجة واحدة" in page
    assert f'href="../en/recommendations/{shown}/"' in english and "One result." in english
    for text in (WAITING, HIDDEN):
        assert text not in page and text not in english
    for number in (waiting, hidden):
        assert f"recommendations/{number}/" not in page + english
    stored = await rows(core, "SELECT id, hidden, approved_at IS NOT NULL AS approved FROM recommendations ORDER BY id")
    assert {r["id"]: (r["hidden"], r["approved"]) for r in stored} == {shown: (0, 1), hidden: (1, 1), waiting: (0, 0)}


async def test_odd_input_gets_the_form_and_a_clear_answer(core: Core, transport: RecordingTransport) -> None:
    shown, _, _ = await _three(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        bare = (await fetch(session, f"{base}/search"))[1].decode()
        none = (await fetch(session, f"{base}/en/search?q=%3Cscript%3Ezzzz"))[1].decode()
        odd_page = (await fetch(session, f"{base}/search?q=QZFIND&page=x1"))[1].decode()
        past, _, _ = await fetch(session, f"{base}/search?q=QZFIND&page=9")
        long = await fetch(session, f"{base}/search?q=" + "QZFIND%20" + "ب" * 1000)
    assert 'name="q"' in bare and "اكتب كلمة أو أكثر" in bare
    assert "No published recommendation" in none and "<script>" not in none and "&lt;script&gt;zzzz" in none
    assert f"recommendations/{shown}/" in odd_page and past == 404
    assert long[0] == 200 and "لا توجد توصيات منشورة" in long[1].decode()
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendation_terms") == [{"n": 2}]  # the hidden one is out
