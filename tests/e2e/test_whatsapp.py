"""The WhatsApp channel end to end: signed webhooks in, Graph API calls out, over loopback HTTP."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.clock import FakeClock
from bot.transport import Pacing
from handlers.kit.contract import Choice, Document, Reply
from messages import Language
from storage import outbox, participants
from tests.e2e.whatsapp_harness import PHONE_ID, SECRET, TOKEN, VERIFY, WhatsAppBot, whatsapp_bot
from tests.standins.graph_api import GraphApiStandIn, WaUser

PHONE = "962790000001"
COORDINATOR = "962790000009"


@pytest.fixture
async def wa(tmp_path: Path, clock: FakeClock) -> AsyncIterator[WhatsAppBot]:
    """A WhatsApp bot with no template configured (pushes outside the window are held)."""
    async with whatsapp_bot(tmp_path, clock) as bot:
        yield bot


async def say(wa: WhatsAppBot, user: WaUser, text: str) -> list[str]:
    """Type a text and return the texts of the bot's answers."""
    await user.send(text)
    await wa.settle()
    return [m.text for m in user.new()]


async def press(wa: WhatsAppBot, user: WaUser, label: str) -> list[str]:
    """Press a button or row and return the texts of the bot's answers."""
    await user.press(label)
    await wa.settle()
    return [m.text for m in user.new()]


async def register(wa: WhatsAppBot, user: WaUser) -> None:
    """Go through registration from a first "hello"."""
    await say(wa, user, "السلام عليكم")
    await press(wa, user, "استخدم «سلمى»")
    await say(wa, user, "جمعية الشفافية")
    await press(wa, user, "مؤسسة مجتمع مدني")
    await press(wa, user, "عمّان")
    await press(wa, user, "✅ أوافق")


async def test_verification_handshake(wa: WhatsAppBot) -> None:
    url = wa.server.url + "/whatsapp/webhook"
    async with aiohttp.ClientSession() as http:
        good = {"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158201444"}
        async with http.get(url, params=good) as response:
            assert (response.status, await response.text()) == (200, "1158201444")
        async with http.get(url, params={**good, "hub.verify_token": "guess"}) as response:
            assert response.status == 403
        async with http.get(url, params={**good, "hub.mode": "unsubscribe"}) as response:
            assert response.status == 403


async def test_bad_signature_missing_signature_and_malformed_bodies_change_nothing(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    message = user.message("text", {"body": "قائمة"})
    value = {"messaging_product": "whatsapp", "contacts": [{"wa_id": PHONE}], "messages": [message]}
    body = json.dumps({"entry": [{"changes": [{"field": "messages", "value": value}]}]}).encode()
    assert await wa.api.post_raw(body, None) == 401
    assert await wa.api.post_raw(body, "sha256=" + "0" * 64) == 403
    assert await wa.api.post_raw(body, wa.api.sign(body + b" ")) == 403
    assert await wa.api.post_raw(body[:-3], wa.api.sign(body[:-3])) == 400
    not_utf8 = b'{"entry": "\xff"}'
    assert await wa.api.post_raw(not_utf8, wa.api.sign(not_utf8)) == 400
    assert await wa.api.post_raw(b'{"entry": 5}', wa.api.sign(b'{"entry": 5}')) == 400
    await wa.settle()
    assert user.messages == []
    assert await wa.rows("SELECT * FROM processed_events") == []
    assert await wa.rows("SELECT * FROM wa_contacts") == []


async def test_first_message_from_an_unknown_number_starts_registration(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE, name="سلمى")
    texts = await say(wa, user, "مرحبا")
    assert "أهلاً بك" in texts[0] and "ما اسمك" in texts[1]
    assert user.last.kind == "button" and user.last.labels == ["استخدم «سلمى»"]
    await press(wa, user, "استخدم «سلمى»")
    await say(wa, user, "جمعية الشفافية")
    sectors = user.last
    assert sectors.kind == "list" and len(sectors.options) == 6
    await press(wa, user, "مؤسسة مجتمع مدني")
    governorates = user.last  # 12 governorates and "skip": 9 rows and a "more" row
    assert governorates.kind == "list" and len(governorates.options) == 10
    assert governorates.options[-1]["id"].startswith("wa:more:")
    await press(wa, user, "المزيد")
    second = user.last
    assert second.kind == "list" and second.labels[-1] == "تخطّي" and len(second.options) == 4
    await press(wa, user, "تخطّي")
    assert user.last.kind == "button" and user.last.labels == ["✅ أوافق", "❌ لا أوافق"]
    done = await press(wa, user, "✅ أوافق")
    assert "تم تسجيلك بنجاح" in done[0]
    [person] = await wa.rows(
        "SELECT p.name, p.organisation, p.sector, p.governorate FROM participants p "
        "JOIN identities i ON i.participant_id = p.id WHERE i.channel = 'whatsapp' AND i.external_id = ?",
        PHONE,
    )
    assert tuple(person) == ("سلمى", "جمعية الشفافية", "cso", None)
    [contact] = await wa.rows("SELECT wa_id, user_id FROM wa_contacts")
    assert tuple(contact) == (PHONE, None)


async def test_two_people_sent_the_same_long_list_each_get_a_more_row_naming_their_own_message(
    wa: WhatsAppBot,
) -> None:
    people = [wa.api.user(PHONE, name="سلمى"), wa.api.user("962790000002", name="سلمى")]
    for user in people:
        await say(wa, user, "مرحبا")
        await press(wa, user, "استخدم «سلمى»")
        await say(wa, user, "جمعية الشفافية")
        await press(wa, user, "مؤسسة مجتمع مدني")
    rows = [int(user.last.options[-1]["id"].split(":")[2]) for user in people]
    stored = await wa.rows("SELECT id, recipient, payload FROM outbox WHERE id IN (?, ?) ORDER BY id", *rows)
    assert [(r["id"], r["recipient"]) for r in stored] == [(rows[0], PHONE), (rows[1], "962790000002")]
    assert stored[0]["payload"] == stored[1]["payload"]  # one board, drawn for each person's own row
    for user in people:
        await press(wa, user, "المزيد")
        assert user.last.kind == "list" and user.last.labels[-1] == "تخطّي"


async def test_full_recommendation_by_arabic_keyword(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    await register(wa, user)
    await say(wa, user, "توصية")
    commitments = user.last  # five commitments and "cancel": a list, long titles moved to descriptions
    assert commitments.kind == "list" and len(commitments.options) == 6
    first = commitments.options[0]
    assert len(first["title"]) <= 24 and first["title"].endswith("…")
    assert "تعزيز التشاركية والحوار" in first["description"] and len(first["description"]) <= 72
    await press(wa, user, commitments.labels[0])
    assert user.last.kind == "list" and "الحصول على التمويل" in user.last.labels
    await press(wa, user, "الحصول على التمويل")
    preview = await say(wa, user, "أن تكون هناك مدد قابلة للتتبع عند تأخر الوزارات في الرد على طلبات التمويل")
    assert "راجع توصيتك" in preview[0] and user.last.kind == "button"
    done = await press(wa, user, "✅ إرسال")
    assert "رقم الإيصال #1" in done[0]
    [rec] = await wa.rows("SELECT commitment_id, theme_id, text, channel, event_id FROM recommendations")
    assert (rec["commitment_id"], rec["channel"]) == (1, "whatsapp") and rec["theme_id"] is not None
    # Recorded under a digest of WhatsApp's message id (which carries the sender's number), never the id itself.
    assert len(rec["event_id"]) == 64 and int(rec["event_id"], 16) >= 0
    seen = await wa.rows("SELECT event_id FROM processed_events WHERE channel = 'whatsapp'")
    assert rec["event_id"] in [r["event_id"] for r in seen] and not any("wamid" in r["event_id"] for r in seen)


async def test_status_board_and_a_list_of_five_commitments(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    await register(wa, user)
    texts = await say(wa, user, "حالة")
    board = user.last
    assert board.kind == "list" and [o["id"] for o in board.options] == [f"st:c:{n}" for n in range(1, 6)]
    assert "الخطة الوطنية الرابعة" in "\n".join(texts) and len(board.text) <= 1024
    detail = await press(wa, user, board.labels[3])
    assert "الالتزام 4" in "\n".join(detail)
    assert "rec:start:4" in [o["id"] for o in user.last.options]


async def test_a_duplicate_delivery_changes_nothing(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    message = user.message("text", {"body": "مرحبا"})
    assert await user.post(message) == 200
    await wa.settle()
    first = len(user.new())
    assert await user.post(message) == 200  # Meta redelivers: same wamid, days later
    await user.post(message, user.message("text", {"body": "حالة"}))  # again, batched with a new one
    await wa.settle()
    again = user.new()
    assert first == 2 and len(again) == 1 and again[0].kind == "list"
    events = await wa.rows("SELECT event_id FROM processed_events WHERE channel = 'whatsapp'")
    assert len(events) == 2
    assert len(await wa.rows("SELECT * FROM sessions WHERE channel = 'whatsapp'")) == 1


async def test_business_scoped_user_id_is_the_key_and_replies_use_recipient(wa: WhatsAppBot) -> None:
    user = wa.api.user(None, user_id="JO.1234567890123", name="ليلى")
    await say(wa, user, "مساعدة")
    assert user.messages and {m.field for m in user.messages} == {"recipient"}
    [contact] = await wa.rows("SELECT external_id, wa_id, user_id FROM wa_contacts")
    assert tuple(contact) == ("JO.1234567890123", None, "JO.1234567890123")


async def push(
    wa: WhatsAppBot, recipient: str, text: str, kind: str = "notification", language: Language = "ar"
) -> int:
    """Queue a message to someone (in the language they read), as a handler's ctx.push would."""
    async with wa.core.db.transaction() as conn:
        person = await participants.find_by_identity(conn, "whatsapp", recipient)
        row_id = await outbox.enqueue(
            conn,
            channel="whatsapp",
            recipient=recipient,
            payload=Reply(text=text, language=language).to_payload(),
            now=wa.clock.now(),
            kind=kind,
            participant_id=person.id if person else None,
        )
    assert row_id is not None
    return row_id


async def test_a_push_outside_the_window_is_held_shown_to_coordinators_and_sent_when_they_write(
    wa: WhatsAppBot,
) -> None:
    user = wa.api.user(PHONE)
    await register(wa, user)
    wa.clock.advance(timedelta(hours=25))
    row_id = await push(wa, PHONE, "وصل رد على توصيتك رقم #1")
    await wa.settle()
    assert user.new() == [] and not wa.api.refused
    row = await wa.rows("SELECT status, last_error FROM outbox WHERE id = ?", row_id)
    assert row[0]["status"] == "held" and "24-hour" in row[0]["last_error"]
    coordinator = wa.api.user(COORDINATOR, name="منسّق")
    view = await say(wa, coordinator, "/held")
    assert "رسالة واحدة محتجزة" in view[-1] and f"#{row_id} إلى سلمى" in view[-1]
    await say(wa, user, "قائمة")
    texts = [m.text for m in user.messages[-2:]]
    assert texts == ["ماذا تودّ أن تفعل الآن؟", "وصل رد على توصيتك رقم #1"]  # the reply first, then the push
    assert (await wa.rows("SELECT status FROM outbox WHERE id = ?", row_id))[0]["status"] == "sent"


async def test_only_coordinators_see_held_messages(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    texts = await say(wa, user, "/held")
    assert "متاح لمنسقي الخطة فقط" in texts[0]


async def test_a_push_outside_the_window_goes_as_the_configured_template(tmp_path: Path, clock: FakeClock) -> None:
    async with whatsapp_bot(tmp_path, clock, whatsapp_template="ogp_update") as wa:
        user = wa.api.user(PHONE)
        await register(wa, user)
        clock.advance(timedelta(hours=30))
        row_id = await push(wa, PHONE, "تحديث على الالتزام 2:\nاكتمل التدريب.")
        await wa.settle()
        [template] = user.new()
        assert template.kind == "template" and template.body["template"]["language"]["code"] == "ar"
        assert template.text == "تحديث على الالتزام 2: اكتمل التدريب."
        [row] = await wa.rows("SELECT status, channel_msg_id FROM outbox WHERE id = ?", row_id)
        assert (row["status"], row["channel_msg_id"]) == ("sent", template.wamid)


async def test_a_reader_of_english_gets_the_templates_english_translation(tmp_path: Path, clock: FakeClock) -> None:
    api = GraphApiStandIn(token=TOKEN, app_secret=SECRET, phone_number_id=PHONE_ID, clock=clock.now)
    api.templates = {"ogp_update": {"ar", "en_US"}}  # approved in two languages, as Meta keeps translations
    settings = {"whatsapp_template": "ogp_update", "whatsapp_template_languages": "en:en_US"}
    async with whatsapp_bot(tmp_path, clock, api=api, **settings) as wa:
        reader, other = wa.api.user(PHONE), wa.api.user("962790000123")
        await register(wa, reader)
        await register(wa, other)
        clock.advance(timedelta(hours=30))
        english = await push(wa, PHONE, "Commitment 2: the training is complete.", language="en")
        arabic = await push(wa, "962790000123", "تحديث على الالتزام 2: اكتمل التدريب.", language="ar")
        await wa.settle()
        [sent_en], [sent_ar] = reader.new(), other.new()
        assert sent_en.kind == sent_ar.kind == "template"
        assert sent_en.body["template"]["language"]["code"] == "en_US"
        assert sent_ar.body["template"]["language"]["code"] == "ar"  # not listed: the default language
        statuses = await wa.rows("SELECT status FROM outbox WHERE id IN (?, ?)", english, arabic)
        assert [r["status"] for r in statuses] == ["sent", "sent"]


async def test_131047_from_the_api_switches_to_the_template(tmp_path: Path, clock: FakeClock) -> None:
    async with whatsapp_bot(tmp_path, clock, whatsapp_templates={"reminder": "ogp_update"}) as wa:
        user = wa.api.user(PHONE)
        await say(wa, user, "مساعدة")
        user.last_inbound = clock.now() - timedelta(hours=25)  # Meta disagrees with what the bot saw
        await push(wa, PHONE, "تذكير: موعد تقرير الإنجاز الشهري", kind="reminder")
        await wa.settle()
        assert [code for _, code in wa.api.refused] == [131047]
        assert user.new()[-1].kind == "template"


async def test_flood_errors_are_retried_and_undeliverable_marks_unreachable(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    await register(wa, user)
    wa.api.fail_next(130429)
    row_id = await push(wa, PHONE, "رسالة أولى")
    await wa.settle()  # the sender holds the whole number for the retry_after, then sends in place
    [row] = await wa.rows("SELECT status, last_error FROM outbox WHERE id = ?", row_id)
    assert row["status"] == "sent" and [code for _, code in wa.api.refused] == [130429]
    assert user.new()[-1].text == "رسالة أولى"
    wa.api.fail_next(131026)
    lost = await push(wa, PHONE, "رسالة ثانية")
    await wa.settle()
    assert (await wa.rows("SELECT status FROM outbox WHERE id = ?", lost))[0]["status"] == "unreachable"
    [person] = await wa.rows("SELECT unreachable_at FROM participants")
    assert person["unreachable_at"] is not None


async def test_the_pace_per_person_is_respected_and_131056_retried(tmp_path: Path, clock: FakeClock) -> None:
    async with whatsapp_bot(tmp_path, clock) as wa:
        assert wa.channel.transport.pacing == Pacing(per_second=1000.0, burst=1000, overall_per_second=80.0)
    (tmp_path / "paced").mkdir()
    async with whatsapp_bot(tmp_path / "paced", clock, whatsapp_per_user_rate=1 / 6) as wa:
        assert wa.channel.transport.pacing.per_second == pytest.approx(1 / 6)
        user = wa.api.user(PHONE)
        await say(wa, user, "مساعدة")
        wa.api.pair_limit.count = 1  # the stand-in now allows one message per 6 s to this person
        clock.advance(timedelta(seconds=6))
        first, second = await push(wa, PHONE, "الأولى"), await push(wa, PHONE, "الثانية")
        await wa.settle()
        assert [m.text for m in user.new()] == ["الأولى"] and [c for _, c in wa.api.refused] == [131056]
        clock.advance(timedelta(seconds=6))
        await wa.settle()
        assert [m.text for m in user.new()] == ["الثانية"]
        rows = await wa.rows("SELECT status FROM outbox WHERE id IN (?, ?)", first, second)
        assert [r["status"] for r in rows] == ["sent", "sent"]


async def test_status_webhooks_are_recorded_against_outbox_rows(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    await say(wa, user, "مساعدة")
    sent = user.last
    [row] = await wa.rows("SELECT id, channel_msg_id FROM outbox WHERE channel_msg_id = ?", sent.wamid)
    for status in ("sent", "read", "delivered"):  # out of order: read wins over a late delivered
        assert await wa.api.post_status(sent.wamid, status) == 200
    await wa.settle()
    [message] = await wa.rows("SELECT status, outbox_id FROM wa_messages WHERE wamid = ?", sent.wamid)
    assert (message["status"], message["outbox_id"]) == ("read", row["id"])
    await wa.api.post_status(sent.wamid, "failed", error_code=131026)
    await wa.settle()
    [failed] = await wa.rows("SELECT status, last_error FROM outbox WHERE id = ?", row["id"])
    assert failed["status"] == "unreachable" and "131026" in failed["last_error"]


async def test_long_text_is_split_and_a_long_list_follows_in_pages(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    await say(wa, user, "مساعدة")
    long_text = "\n\n".join(f"فقرة رقم {n}: " + "كلمة " * 150 for n in range(12))
    options = tuple(Choice(id=f"m:x{n}", label=f"الخيار رقم {n} من القائمة الطويلة") for n in range(14))
    async with wa.core.db.transaction() as conn:
        reply = Reply(text=long_text, choices=options)
        await outbox.enqueue(conn, channel="whatsapp", recipient=PHONE, payload=reply.to_payload(), now=wa.clock.now())
    await wa.settle()
    pieces = user.new()
    assert all(m.kind == "text" and len(m.text) <= 4096 for m in pieces[:-1]) and len(pieces) >= 3
    last = pieces[-1]
    assert last.kind == "list" and len(last.text) <= 1024 and len(last.options) == 10
    assert " ".join(m.text for m in pieces).split() == long_text.split()
    [row] = await wa.rows(
        "SELECT id, status, channel_msg_id FROM outbox WHERE recipient = ? AND payload = ?", PHONE, reply.to_payload()
    )
    assert (row["status"], row["channel_msg_id"]) == ("sent", last.wamid)  # committed with the last part's id
    stored = await wa.rows("SELECT wamid, part FROM wa_messages WHERE outbox_id = ? ORDER BY part", row["id"])
    assert [tuple(r) for r in stored] == [(m.wamid, n) for n, m in enumerate(pieces)]
    await press(wa, user, "المزيد")
    assert user.last.kind == "list" and len(user.last.options) == 5
    assert user.last.options[-1]["id"] == "m:x13"
    assert not wa.api.refused


async def test_a_forged_more_row_is_an_unknown_button(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    await say(wa, user, "مساعدة")
    await user.press_option("list", "wa:more:1:9")
    await wa.settle()
    assert "لم أتعرّف على هذا الزر" in user.new()[0].text


async def test_a_first_keyword_is_obeyed_and_a_first_photo_starts_registration(wa: WhatsAppBot) -> None:
    asks_status = wa.api.user("962790000002")
    assert "حالة تنفيذ التزامات" in "\n".join(await say(wa, asks_status, "حالة"))
    later = await say(wa, asks_status, "شكراً")  # no longer a first message: thanks get a welcome with the menu
    assert "العفو، يسعدنا تواصلك" in later[0]
    sends_photo = wa.api.user("962790000003")
    await sends_photo.post(sends_photo.message("image", {"id": "media1", "mime_type": "image/jpeg"}))
    await wa.settle()
    assert "أهلاً بك" in sends_photo.new()[0].text


async def test_a_document_is_uploaded_then_sent_with_its_caption(wa: WhatsAppBot) -> None:
    user = wa.api.user(PHONE)
    await say(wa, user, "مساعدة")
    doc = Document(filename="recommendations.csv", mime="text/csv", data=b"id,text\n1,x\n", caption="التوصيات")
    async with wa.core.db.transaction() as conn:
        reply = Reply(text="الملف المطلوب", document=doc)
        await outbox.enqueue(
            conn, channel="whatsapp", recipient=PHONE, payload=reply.to_payload(), document=doc.data, now=wa.clock.now()
        )
    await wa.settle()
    sent_doc, text = user.new()
    assert sent_doc.kind == "document" and sent_doc.body["document"]["caption"] == "التوصيات"
    assert wa.api.media[sent_doc.body["document"]["id"]] == ("recommendations.csv", b"id,text\n1,x\n")
    assert text.text == "الملف المطلوب"


async def test_a_newcomer_switches_to_english_and_whatsapp_draws_its_own_words_in_english(wa: WhatsAppBot) -> None:
    from messages import load_messages

    english = load_messages("en")
    user = wa.api.user(PHONE, name="Sarah")
    texts = await say(wa, user, "Hello")  # WhatsApp reports no language: Arabic, with the button to English
    assert texts[0].startswith("أهلاً بك") and user.messages[-2].labels == ["🌐 English"]
    switched = await press(wa, user, "🌐 English")
    assert switched == [english.t("language-switched"), english.t("ask-name")]
    await press(wa, user, "Use “Sarah”")
    await say(wa, user, "Transparency Society")
    await press(wa, user, "Civil society")
    governorates = user.last  # 12 governorates and "skip": 9 rows and a "more" row, all in English
    assert governorates.kind == "list"
    assert governorates.body["interactive"]["action"]["button"] == english.t("wa-list-button")
    assert governorates.labels[0] == "Amman" and governorates.labels[-1] == english.t("wa-more")
    more = await press(wa, user, english.t("wa-more"))
    assert more == [english.t("wa-more-body")] and user.last.labels[-1] == english.t("skip-governorate")
    await press(wa, user, english.t("skip-governorate"))
    done = await press(wa, user, english.t("consent-agree"))
    assert done[0].startswith("Thank you, Sarah")
    [person] = await wa.rows("SELECT language FROM participants")
    assert person["language"] == "en"
