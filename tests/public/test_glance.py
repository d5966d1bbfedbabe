"""Where each commitment stands at a glance, both tracks side by side, and a way in on every page."""

from __future__ import annotations

import json
from datetime import timedelta

import aiohttp

from bot.core import Core
from bot.public_site import site_config
from public.language import languages
from public.site import Site
from storage import catalogue, irm
from storage.irm import IrmField
from storage.models import Completion
from tests.loop_support import rows
from tests.public.pages import visible
from tests.public.world import build_world, fetch, serving, site_for
from tests.support import RecordingTransport


async def _commitment(core: Core, number: int) -> int:
    [row] = await rows(core, "SELECT id FROM commitments WHERE number = ?", number)
    return int(row["id"])


async def test_home_rows_tell_status_progress_and_report_age(core: Core, transport: RecordingTransport) -> None:
    await build_world(core, transport)
    three = await _commitment(core, 3)
    async with core.db.transaction() as conn:
        await catalogue.add_status_update(conn, three, Completion.NOT_STARTED, 0, core.clock.now() - timedelta(days=12))
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, english, _ = await fetch(session, f"{base}/en/")
        _, arabic, _ = await fetch(session, f"{base}/")
    text = visible(english)
    assert "The figures are self-reported by the implementing agencies." in text
    assert "Not started" in text and "last report 12 days ago" in text  # a report saying "not started"...
    assert text.count("No report yet") >= 2  # ...is not the same as no report at all
    assert "Substantial" in text and "55%" in text  # the world's report on commitment 4
    assert english.count(b'<li class="row"') == 5 and english.count(b'role="img"') == 10
    assert b"<title>Published recommendations by answer (total" in english
    assert "آخر تقرير قبل 12 يوماً" in visible(arabic) and "تقييم ذاتي" in visible(arabic)
    stored = await rows(core, "SELECT completion, progress FROM status_updates WHERE commitment_id = ?", three)
    assert [(r["completion"], r["progress"]) for r in stored] == [("not_started", 0)]


async def test_an_overdue_milestone_is_flagged(core: Core, transport: RecordingTransport) -> None:
    await build_world(core, transport)
    [milestone] = await rows(core, "SELECT m.id, m.end_date, m.state FROM milestones m LIMIT 1")
    assert milestone["state"] != "complete" and milestone["end_date"] < core.clock.now().date().isoformat()
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, english, _ = await fetch(session, f"{base}/en/")
    assert "⚠ 1 milestone overdue" in visible(english)


async def test_the_irm_track_is_beside_the_self_reported_one(core: Core, transport: RecordingTransport) -> None:
    await build_world(core, transport)
    four = await _commitment(core, 4)
    async with core.db.transaction() as conn:
        for field, value in (
            (IrmField.COMPLETION_END, "no_evidence"),
            (IrmField.OPEN_GOVERNMENT, "major"),
            (IrmField.POTENTIAL_IMPACT, "moderate"),
            (IrmField.STARRED, "yes"),
        ):
            await irm.set_field(conn, four, field, value, by=None, now=core.clock.now())
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, page, _ = await fetch(session, f"{base}/en/commitments/4/")
        _, body, _ = await fetch(session, f"{base}/open-data/commitments.json")
    text = visible(page)
    assert "Completion at the end of term: No evidence available" in text and "Substantial" in text
    assert "Major" in text and "Moderate" in text and "⭐ Yes" in text
    [found] = [c for p in json.loads(body)["plans"] for c in p["commitments"] if c["number"] == 4 and p["active"]]
    assert found["irm"] == {
        "completion_midterm": None,
        "completion_end": "no_evidence",
        "open_government": "major",
        "potential_impact": "moderate",
        "starred": "yes",
        "source_url": None,
    }
    assert found["completion"] == "substantial"  # the self-reported track, unchanged beside it
    assert all("title_en" in m for m in found["milestones"]) and isinstance(found["ogp_values"], list)
    stored = await rows(core, "SELECT completion_end, starred FROM irm_assessments WHERE commitment_id = ?", four)
    assert [(r["completion_end"], r["starred"]) for r in stored] == [("no_evidence", 1)]


async def test_every_page_shows_a_way_in(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    settings = core.settings.model_copy(update={"telegram_username": "@ogp_jo_bot"})
    site = Site(site_config(settings), languages(), now=core.clock.now)
    pages = ["", "en/", "commitments/4/", f"en/rounds/{world.round_id}/", "open-data/", "en/open-data/"]
    async with serving(core, site) as (base, _), aiohttp.ClientSession() as session:
        for path in pages:
            _, body, _ = await fetch(session, f"{base}/{path}")
            assert b'href="https://t.me/ogp_jo_bot"' in body and b'<svg class="qr"' in body, path
            assert b"wa.me" not in body  # WhatsApp is not configured here
        _, plain, _ = await fetch(session, f"{base}/")
    assert "افتح البوت على تيليغرام" in visible(plain)
    async with serving(core, site_for(core)) as (base, _), aiohttp.ClientSession() as session:
        _, bare, _ = await fetch(session, f"{base}/en/")
    assert "Ask the plan's coordinators for the bot's link to take part." in visible(bare)


async def test_words_carry_their_language_dates_are_plain_and_numbers_keep_their_order(
    core: Core, transport: RecordingTransport
) -> None:
    from storage import publishing
    from tests.loop_support import recommend, registered

    english_words = "Please publish the hotline (0800-22-555) on every page"
    author = await registered(core, transport, "5151", "سلمى")
    await recommend(author, 1, english_words)
    await recommend(author, 1, "نرجو نشر الرقم المجاني (0800-22-555) في كل صفحة")
    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, 1, core.clock.now())
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, arabic, _ = await fetch(session, f"{base}/commitments/1/")
        _, english, _ = await fetch(session, f"{base}/en/commitments/1/")
    assert (
        b'<p class="text" lang="en" dir="auto">Please publish the hotline (<bdi dir="ltr">0800-22-555</bdi>)' in arabic
    )
    assert b'<p class="text" lang="ar" dir="auto">' in english and b'<bdi dir="ltr">0800-22-555</bdi>' in english
    assert b'<time datetime="2026-11-29">29 Nov 2026</time>' in english or b">29 Nov 2026</time>" in english
    assert b">29/11/2026</time>" in arabic
    stored = await rows(core, "SELECT text FROM recommendations ORDER BY id")
    assert stored[0]["text"] == english_words  # the words are stored as typed
