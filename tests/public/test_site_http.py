"""The public site over HTTP on 127.0.0.1: what people see, what was stored, validators, invalidation, off."""

from __future__ import annotations

import json
from datetime import timedelta

import aiohttp

from bot.clock import FakeClock
from bot.core import Core
from bot.public_site import mount_public_site
from bot.web import WebServer
from messages import load_messages
from storage import catalogue, publishing, recommendations, round_edits, round_hall, rounds
from storage.models import Completion, Sector
from storage.round_hall import HallCount
from tests.loop_support import recommend, registered, rows
from tests.public.pages import headings_in_order, outline, visible
from tests.public.world import (
    ANSWERED,
    APPROVED,
    RESPONSE,
    SHOWN_NAME,
    SHOWN_ORG,
    UNPUBLISHED,
    build_world,
    fetch,
    serving,
    site_for,
)
from tests.support import RecordingTransport, settings_for


async def test_front_page_shows_the_active_plan(core: Core, transport: RecordingTransport) -> None:
    await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        status, body, headers = await fetch(session, f"{base}/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = outline(body)
    assert page.html_attrs == {"lang": "ar", "dir": "rtl"}
    assert headings_in_order([level for level, _ in page.headings]), page.headings
    text = visible(body)
    assert "الخطة الوطنية الرابعة" in page.headings[0][1]
    assert "الالتزام 4: توحيد وتطوير آليات استقبال الشكاوى" in text
    assert "JO0062" in text and "جوهري" in text and "55%" in text and "٪" not in text and "أُنجزت 0 من 1" in text
    [counts] = await rows(
        core,
        "SELECT COUNT(*) AS received, SUM(state IN ('accepted','partly_accepted','not_accepted','implemented')) AS"
        " answered FROM recommendations r JOIN commitments c ON c.id = r.commitment_id WHERE c.number = 4"
        " AND r.hidden = 0",
    )
    assert counts == {"received": 3, "answered": 1}
    assert "التقييم ذاتي" in text or "تقييم ذاتي" in text
    assert "لا تقرير بعد" in text  # commitments without a report are not shown as "not started"
    assert "اللقاء التشاوري الأول" in text and "انضموا عبر البوت: 2" in text and "الحضور في القاعة: لم يُدخَل" in text
    assert "commitments/4/" in page.links and "open-data/" in page.links


async def test_commitment_page_shows_published_input_newest_first_in_pages(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    world = await build_world(core, transport)
    async with core.db.transaction() as conn:
        c1 = next(c for c in await catalogue.list_commitments(conn) if c.number == 1)
        for n in range(45):
            clock.advance(timedelta(minutes=1))
            await recommendations.add_recommendation(
                conn,
                participant_id=None,
                commitment_id=c1.id,
                theme_id=None,
                text=f"توصية رقم {n:02d} للصفحات",
                channel="telegram",
                now=clock.now(),
            )
        await publishing.approve_waiting(conn, 1, clock.now(), commitment_id=c1.id)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, first, _ = await fetch(session, f"{base}/commitments/1/")
        _, second, _ = await fetch(session, f"{base}/commitments/1/page/2/")
        _, third, _ = await fetch(session, f"{base}/commitments/1/page/3/")
        beyond, _, _ = await fetch(session, f"{base}/commitments/1/page/4/")
        slashless, _, moved = await fetch(session, f"{base}/commitments/1")
        _, four, _ = await fetch(session, f"{base}/commitments/4/")
    assert "توصية رقم 44 للصفحات" in visible(first) and "توصية رقم 25 للصفحات" in visible(first)
    assert "توصية رقم 24 للصفحات" not in visible(first) and "الصفحة 1 من 3" in visible(first)
    assert "توصية رقم 24 للصفحات" in visible(second) and "توصية رقم 00 للصفحات" in visible(third)
    assert "../../commitments/1/page/2/" in outline(first).links
    assert "../../../../commitments/1/" in outline(second).links  # back to the newest, relative
    assert beyond == 404 and slashless == 301 and moved["Location"] == "/commitments/1/"
    page = visible(four)
    assert ANSWERED in page and RESPONSE in page and UNPUBLISHED not in page
    assert "اعتُمدت جزئياً" in page and "https://example.org/evidence/QZEVIDENCE" in page
    assert "المرحلة (محدود): إطلاق المنصة الموحدة للشكاوى" in page
    [stored] = await rows(core, "SELECT state, response FROM recommendations WHERE id = ?", world.answered_id)
    assert stored == {"state": "partly_accepted", "response": RESPONSE}


async def test_named_authors_only_with_their_consent(core: Core, transport: RecordingTransport) -> None:
    await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, two, _ = await fetch(session, f"{base}/commitments/2/")
        _, four, _ = await fetch(session, f"{base}/commitments/4/")
    assert APPROVED in visible(two) and f"من: {SHOWN_NAME} ({SHOWN_ORG})" in visible(two)
    assert "من: مشارك" in visible(four) and "عمّان" not in visible(four)  # said no, and alone in their sector
    assert await rows(core, "SELECT show_name FROM participants WHERE name = ?", SHOWN_NAME) == [{"show_name": 1}]


async def test_etag_and_last_modified_answer_304_until_the_data_changes(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    await build_world(core, transport)
    async with serving(core) as (base, live), aiohttp.ClientSession() as session:
        status, body, headers = await fetch(session, f"{base}/commitments/4/")
        etag, modified = headers["ETag"], headers["Last-Modified"]
        assert (
            status == 200
            and headers["Cache-Control"] == "no-cache"
            and "default-src 'none'" in headers["Content-Security-Policy"]
        )
        again, empty, same = await fetch(session, f"{base}/commitments/4/", **{"If-None-Match": etag})
        assert (again, empty, same["ETag"]) == (304, b"", etag)
        since, _, _ = await fetch(session, f"{base}/commitments/4/", **{"If-Modified-Since": modified})
        assert since == 304
        other, _, _ = await fetch(session, f"{base}/commitments/4/", **{"If-None-Match": '"another"'})
        assert other == 200
        clock.advance(timedelta(hours=1))
        async with core.db.transaction() as conn:
            await catalogue.add_status_update(conn, 4, Completion.COMPLETE, 100, clock.now(), note="اكتمل")
        fresh, body2, headers2 = await fetch(session, f"{base}/commitments/4/", **{"If-None-Match": etag})
        assert fresh == 200 and headers2["ETag"] != etag and "100%" in visible(body2) and "100%" not in visible(body)
        assert headers2["Last-Modified"] != modified
        assert live.cache.get("commitments/4/", await live.version()) is not None  # cached again


async def test_an_answer_given_in_the_chat_is_on_the_next_request(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, before, _ = await fetch(session, f"{base}/commitments/4/")
        _, before_json, _ = await fetch(session, f"{base}/open-data/recommendations.json")
        assert UNPUBLISHED not in visible(before)
        await world.officer.command("inbox")
        await world.officer.press(f"#{world.unpublished_id}")
        await world.officer.press("لم تُعتمد")
        await world.officer.send("لا تسمح الموازنة الحالية بذلك QZREASONGIVEN")
        await world.officer.press("حفظ وإرسال")
        _, after, _ = await fetch(session, f"{base}/commitments/4/")
        _, after_json, _ = await fetch(session, f"{base}/open-data/recommendations.json")
        _, feed, _ = await fetch(session, f"{base}/open-data/updates.atom")
    assert UNPUBLISHED in visible(after) and "QZREASONGIVEN" in visible(after) and "لم تُعتمد" in visible(after)
    ids_before = [r["id"] for r in json.loads(before_json)["recommendations"]]
    ids_after = [r["id"] for r in json.loads(after_json)["recommendations"]]
    assert world.unpublished_id not in ids_before and world.unpublished_id in ids_after
    assert "QZREASONGIVEN" in feed.decode()
    [stored] = await rows(core, "SELECT state FROM recommendations WHERE id = ?", world.unpublished_id)
    assert stored["state"] == "not_accepted"


async def test_forget_takes_a_person_off_the_next_page_view(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, before, _ = await fetch(session, f"{base}/commitments/2/")
        _, before_csv, _ = await fetch(session, f"{base}/open-data/recommendations.csv")
        assert SHOWN_NAME in visible(before) and SHOWN_NAME in before_csv.decode("utf-8-sig")
        await world.shown.command("forget")
        await world.shown.press("prv:mode:delete")
        await world.shown.press("prv:yes:delete")
        _, after, _ = await fetch(session, f"{base}/commitments/2/")
        _, after_csv, _ = await fetch(session, f"{base}/open-data/recommendations.csv")
        _, feed, _ = await fetch(session, f"{base}/open-data/updates.atom")
        _, meetings, _ = await fetch(session, f"{base}/open-data/meetings.json")
    for text in (visible(after), after_csv.decode("utf-8-sig"), feed.decode(), meetings.decode()):
        assert SHOWN_NAME not in text and SHOWN_ORG not in text and APPROVED not in text
    assert await rows(core, "SELECT id FROM recommendations WHERE text = ?", APPROVED) == []


async def test_keep_mode_forget_leaves_the_input_without_its_author(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        await fetch(session, f"{base}/commitments/2/")  # cached with the name
        await world.shown.command("forget")
        await world.shown.press("prv:mode:keep")
        await world.shown.press("prv:yes:keep")
        _, after, _ = await fetch(session, f"{base}/commitments/2/")
    assert APPROVED in visible(after) and SHOWN_NAME not in visible(after) and "من: مشارك" in visible(after)


async def test_immediate_publication_shows_waiting_input_but_never_hidden(
    core: Core, transport: RecordingTransport
) -> None:
    world = await build_world(core, transport)
    site = site_for(core, publish=publishing.PublishMode.IMMEDIATE)
    async with serving(core, site) as (base, _), aiohttp.ClientSession() as session:
        _, page, _ = await fetch(session, f"{base}/commitments/4/")
        _, card, _ = await fetch(session, f"{base}/open-data/")
    assert UNPUBLISHED in visible(page) and "رسالة مزعجة" not in visible(page)
    assert "فور وصولها" in visible(card)
    [hidden] = await rows(core, "SELECT hidden FROM recommendations WHERE id = ?", world.hidden_id)
    assert hidden["hidden"] == 1


async def test_round_page(core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        status, body, _ = await fetch(session, f"{base}/rounds/{world.round_id}/")
        report, docx, headers = await fetch(session, f"{base}/rounds/{world.round_id}/report.docx")
        draft, _, _ = await fetch(session, f"{base}/rounds/{world.draft_round_id}/")
    text = visible(body)
    assert status == 200 and "اللقاء التشاوري الأول QZROUND" in text and "30/9/2019" in text
    assert "فندق الرويال" in text and "انضموا عبر البوت: 2" in text and "مؤسسة مجتمع مدني: 2" in text
    assert "تفعيل الرقابة اللاحقة في الجولة" in text and "ما مدى التقدّم؟" not in text  # untagged input
    assert headings_in_order([level for level, _ in outline(body).headings])
    assert f"rounds/{world.round_id}/report.docx" not in outline(body).links  # relative: report.docx
    assert "report.docx" in outline(body).links[-1] or any(link.endswith("report.docx") for link in outline(body).links)
    assert report == 200 and headers["Content-Type"].startswith("application/vnd.openxmlformats") and docx[:2] == b"PK"
    assert draft == 404


async def test_the_hall_count_is_on_the_round_page_and_in_meetings_json(
    core: Core, transport: RecordingTransport
) -> None:
    world = await build_world(core, transport)
    hall = HallCount(total=55, officers=7, by_sector=((Sector.CSO, 30), (Sector.GOVERNMENT, 25)))
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, before, _ = await fetch(session, f"{base}/rounds/{world.round_id}/")
        async with core.db.transaction() as conn:
            await round_hall.set_hall(conn, world.round_id, hall, by=None, now=core.clock.now())
        _, page, _ = await fetch(session, f"{base}/rounds/{world.round_id}/")
        _, english, _ = await fetch(session, f"{base}/en/rounds/{world.round_id}/")
        _, meetings, _ = await fetch(session, f"{base}/open-data/meetings.json")
        _, home, _ = await fetch(session, f"{base}/en/")
    assert "الحضور في القاعة: لم يُدخَل" in visible(before) and "حضر في القاعة" not in visible(before)
    assert "In the hall: 55, Joined through the bot: 2" in visible(home)  # two named figures, never one
    text = visible(page)
    assert "حضر في القاعة 55 مشاركاً ومشاركة، من بينهم 7 من ضباط الارتباط." in text
    assert "مؤسسة مجتمع مدني: 30" in text and "جهة حكومية: 25" in text
    assert "انضموا عبر البوت: 2" in text  # beside the hall, those who joined through the bot
    assert "55 people attended in the hall, among them 7 liaison officers." in visible(english)
    [meeting] = [m for m in json.loads(meetings)["meetings"] if m["id"] == world.round_id]
    assert meeting["hall"] == {"total": 55, "liaison_officers": 7, "by_sector": {"cso": 30, "government": 25}}
    assert meeting["participants"] == 2 and (meeting["hall_count"], meeting["joined_via_bot"]) == (55, 2)
    stored = await rows(core, "SELECT total, officers FROM round_hall WHERE round_id = ?", world.round_id)
    assert [(r["total"], r["officers"]) for r in stored] == [(55, 7)]


async def test_public_site_off_leaves_only_the_webhooks(core: Core, tmp_path) -> None:  # type: ignore[no-untyped-def]
    off = core.settings.model_copy(update={"public_site": False})
    server = WebServer("127.0.0.1", 0)
    core.settings = off
    assert await mount_public_site(server, core) is None
    await server.start()
    try:
        async with aiohttp.ClientSession() as session:
            home, _, _ = await fetch(session, f"{server.url}/")
            data, _, _ = await fetch(session, f"{server.url}/open-data/commitments.json")
            health, _, _ = await fetch(session, f"{server.url}/healthz")
    finally:
        await server.stop()
    assert (home, data, health) == (404, 404, 200)
    assert settings_for(tmp_path).public_site is True  # on by default


async def test_unknown_pages_get_an_arabic_404(core: Core, transport: RecordingTransport) -> None:
    await registered(core, transport, "1001", "سلمى")
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        missing, body, _ = await fetch(session, f"{base}/commitments/77/")
        odd, _, _ = await fetch(session, f"{base}/open-data/secrets.json")
        head_status = (await session.head(f"{base}/")).status
    assert missing == 404 and "الصفحة غير موجودة" in visible(body) and odd == 404 and head_status == 200


async def test_recommend_then_approve_then_public(core: Core, transport: RecordingTransport) -> None:
    author = await registered(core, transport, "1001", "سلمى")
    receipt = await recommend(author, 3, "نقترح جلسات حوار شهرية في المحافظات")
    async with core.db.transaction() as conn:
        assert await publishing.count_waiting(conn) == 1
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, before, _ = await fetch(session, f"{base}/commitments/3/")
        async with core.db.transaction() as conn:
            assert await publishing.approve_waiting(conn, 1, core.clock.now()) == 1
        _, after, _ = await fetch(session, f"{base}/commitments/3/")
    assert "جلسات حوار شهرية" not in visible(before) and "جلسات حوار شهرية" in visible(after)
    assert f"التوصية رقم {receipt}" in visible(after)


async def test_the_same_pages_in_english_under_en(core: Core, transport: RecordingTransport) -> None:
    """/en/: left to right, English words and the plan's English names, hreflang and a switch on every page."""
    world = await build_world(core, transport)
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        pages = {
            path: await fetch(session, f"{base}/{path}")
            for path in ("en/", "en/commitments/4/", "", "en/commitments/99/")
        }
        _, feed, feed_headers = await fetch(session, f"{base}/en/open-data/updates.atom")
        _, card, _ = await fetch(session, f"{base}/en/open-data/")
        moved = await fetch(session, f"{base}/en")
    status, body, _ = pages["en/"]
    page = outline(body)
    assert status == 200 and page.html_attrs == {"lang": "en", "dir": "ltr"}
    text = visible(body)
    plan = "Fourth National Action Plan 2018–2020 under the Open Government Partnership Initiative"
    assert page.headings[0][1] == plan
    assert "Commitment 4:" in text and "JO0062" in text
    assert "Ministry of Planning and International Cooperation – Open Government Unit" in text  # the plan's owner_en
    # hreflang for both languages and the default, and the switch to Arabic, named in Arabic, on every page.
    for path in ("en/", "en/commitments/4/", ""):
        html = pages[path][1].decode()
        assert '<link rel="alternate" hreflang="ar"' in html and '<link rel="alternate" hreflang="en"' in html
        assert 'hreflang="x-default"' in html
    to_arabic = '<a href="../../../commitments/4/" hreflang="ar" lang="ar" dir="rtl" rel="alternate">العربية</a>'
    assert to_arabic in pages["en/commitments/4/"][1].decode()  # the same page in the other language
    assert '<a href="en/" hreflang="en" lang="en" dir="ltr" rel="alternate">English</a>' in pages[""][1].decode()
    for target in ("../en/commitments/4/", "../en/open-data/", "../en/open-data/updates.atom"):
        assert target in page.links, target
    assert ANSWERED in visible(pages["en/commitments/4/"][1])  # people's words as they wrote them
    # An unknown English page is an English 404; /en redirects to /en/.
    missing_status, missing, _ = pages["en/commitments/99/"]
    assert missing_status == 404 and outline(missing).html_attrs == {"lang": "en", "dir": "ltr"}
    assert moved[0] == 301
    # The feed and the data card in English; the data files themselves are shared.
    assert feed_headers["Content-Type"].startswith("application/atom+xml")
    assert (
        'xml:lang="en"' in feed.decode()
        and f"<title>{load_messages('en').t('pub-feed-title')}</title>" in feed.decode()
    )
    assert outline(card).html_attrs == {"lang": "en", "dir": "ltr"} and "recommendations.json" in visible(card)
    assert world.round_id


async def test_the_english_round_page_names_the_round_in_english_or_marks_the_arabic(
    core: Core, transport: RecordingTransport
) -> None:
    world = await build_world(core, transport)
    async with core.db.transaction() as conn:
        found = await rounds.get_round(conn, world.round_id)
    assert found is not None
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        _, arabic_only, _ = await fetch(session, f"{base}/en/rounds/{world.round_id}/")
        async with core.db.transaction() as conn:
            await round_edits.set_name_en(conn, world.round_id, "The First Stakeholder Meeting")
        _, english, _ = await fetch(session, f"{base}/en/rounds/{world.round_id}/")
        _, home, _ = await fetch(session, f"{base}/en/")
        _, arabic, _ = await fetch(session, f"{base}/rounds/{world.round_id}/")
    said_arabic = f'<h1><bdi lang="ar" dir="rtl">{found.name}</bdi></h1>'
    assert said_arabic in arabic_only.decode()  # the Arabic on an English page says so, right to left
    assert "<h1><bdi>The First Stakeholder Meeting</bdi></h1>" in english.decode()
    assert "The First Stakeholder Meeting" in visible(home)
    assert f"<h1><bdi>{found.name}</bdi></h1>" in arabic.decode()
