"""Closing the loop: officers answer and report; authors, followers and recommenders hear of it."""

from __future__ import annotations

from bot.core import Core
from storage import publishing
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import RecordingTransport, texts

REC_TEXT = "نقترح نشر تقارير دورية عن الشكاوى الواردة وطريقة معالجتها"


async def test_officer_answers_and_the_author_is_told(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 4)
    author = await registered(core, transport, "1001", "سلمى")
    receipt = await recommend(author, 4, REC_TEXT)
    before = len(transport.to("1001"))
    inbox = texts(await officer_chat.command("inbox"))
    assert f"#{receipt}" in inbox and "توصية واحدة بانتظار الرد" in inbox
    opened = await officer_chat.press(f"#{receipt}")
    assert REC_TEXT in texts(opened) and "سلمى" in texts(opened)
    await officer_chat.press("اعتُمدت جزئياً")
    preview = await officer_chat.send("سننشر تقريراً ربعياً ابتداءً من الشهر القادم")
    assert "هذا ما سيصل إلى صاحب التوصية" in texts(preview) and REC_TEXT in texts(preview)
    assert transport.to("1001")[before:] == []  # nothing goes out before the officer confirms
    done = await officer_chat.press("حفظ وإرسال")
    assert "حُفظ الرد" in texts(done)
    [told] = transport.to("1001")[before:]
    assert f"#{receipt}" in told.text and "اعتُمدت جزئياً" in told.text and "تقريراً ربعياً" in told.text
    assert told.text == preview[0].text.split("\n\n", 1)[1]  # the preview was the notice itself
    [rec] = await rows(core, "SELECT state, response, responded_by FROM recommendations")
    assert rec["state"] == "partly_accepted" and rec["response"].startswith("سننشر")
    assert (await rows(core, "SELECT action FROM audit_log ORDER BY id DESC"))[0]["action"] == "recommendation.answer"
    assert "ابتداءً" in texts(await author.command("my"))


async def test_answer_respects_notify_answers(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 4)
    author = await registered(core, transport, "1001", "سلمى")
    receipt = await recommend(author, 4, REC_TEXT)
    await author.command("settings")
    toggled = await author.press("set:answers")
    assert "🔕 الردود على توصياتي" in [c.label for c in toggled[0].choices]
    before = len(transport.to("1001"))
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    await officer_chat.press("قيد الدراسة")
    preview = await officer_chat.press("تغيير الحالة دون رد مكتوب")
    assert "فلن يصله" in texts(preview)
    done = await officer_chat.press("حفظ وإرسال")
    assert "أوقف إشعارات الردود" in texts(done)
    assert transport.to("1001")[before:] == []
    assert (await rows(core, "SELECT state FROM recommendations"))[0]["state"] == "under_study"


async def test_status_update_reaches_followers_and_recommenders_once(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 2)
    follower = await registered(core, transport, "1001", "سلمى")
    author = await registered(core, transport, "1002", "خالد")
    quiet = await registered(core, transport, "1003", "ليلى")
    await follower.command("follow")
    await follower.press("2. تعزيز تطبيق")
    await recommend(author, 2, REC_TEXT)
    await recommend(author, 2, REC_TEXT + " مرة ثانية")
    await author.command("follow")
    await author.press("2. تعزيز تطبيق")  # follows and recommended twice: still one message
    await quiet.command("follow")
    await quiet.press("2. تعزيز تطبيق")
    await quiet.command("settings")
    await quiet.press("set:status")
    await coord.command("milestones", "")
    await coord.press("2. تعزيز تطبيق")
    await coord.press("إضافة مرحلة")
    await coord.send("تدريب 62 مؤسسة")
    await coord.send("1/9/2018")
    await coord.send("٣٠/٦/٢٠٢٠")
    marks = {u: len(transport.to(u)) for u in ("1001", "1002", "1003")}
    await officer_chat.command("update")
    await officer_chat.press("جوهري")
    await officer_chat.send("٦٠٪")
    await officer_chat.press("تدريب 62 مؤسسة")
    await officer_chat.press("مكتمل")
    await officer_chat.send("أنهينا تدريب المؤسسات")
    preview = await officer_chat.send("https://modee.gov.jo/open-data")
    assert "60%" in texts(preview)
    done = await officer_chat.press("upd:ok")
    assert "متابعَين اثنين" in texts(done)
    for user in ("1001", "1002"):
        [news] = transport.to(user)[marks[user] :]
        assert "الالتزام 2" in news.text and "جوهري" in news.text and "أنهينا" in news.text
    assert transport.to("1003")[marks["1003"] :] == []
    [update] = await rows(core, "SELECT completion, progress, milestone_state, evidence_url FROM status_updates")
    assert update == {
        "completion": "substantial",
        "progress": 60,
        "milestone_state": "complete",
        "evidence_url": "https://modee.gov.jo/open-data",
    }
    [milestone] = await rows(core, "SELECT state, end_date FROM milestones")
    assert milestone == {"state": "complete", "end_date": "2020-06-30"}
    keys = [r["dedupe_key"] for r in await rows(core, "SELECT dedupe_key FROM outbox WHERE kind = 'notification'")]
    assert sorted(k for k in keys if k.startswith("status:")) == ["status:1:3", "status:1:4"]
    assert "60%" in texts(await follower.command("status", "2"))


async def test_endorsements_count_once_and_hidden_recommendations_leave_public_views(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    author = await registered(core, transport, "1001", "سلمى")
    supporter = await registered(core, transport, "1002", "خالد")
    receipt = await recommend(author, 1, REC_TEXT)
    await supporter.command("status", "1")
    assert REC_TEXT not in texts(await supporter.press("التوصيات وتأييدها"))  # not published yet
    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, 1, core.clock.now())  # now others may read and support it
    await supporter.command("status", "1")
    listing = await supporter.press("التوصيات وتأييدها")
    assert REC_TEXT in texts(listing)
    assert "تأييد واحد" not in texts(listing)
    done = await supporter.press(f"أؤيد #{receipt}")
    assert "سُجّل تأييدك" in texts(done)
    assert f"أؤيد #{receipt}" not in [c.label for c in done[0].choices]
    again = await supporter.press_data(f"endo:r:{receipt}:0")
    assert "سبق أن أيّدت" in texts(again)
    own = await author.press_data(f"endo:r:{receipt}:0")
    assert "لا يمكنك تأييد توصيتك" in texts(own)
    assert await rows(core, "SELECT participant_id FROM endorsements") == [{"participant_id": 3}]
    assert "تأييد واحد" in texts(await supporter.command("status", "1"))
    await coord.command("inbox")
    await coord.press(f"#{receipt}")
    await coord.press("إخفاء عن العموم")
    hidden = await coord.send("تحتوي بيانات شخصية")
    assert "أُخفيت" in texts(hidden)
    [rec] = await rows(core, "SELECT hidden, hidden_reason FROM recommendations")
    assert rec == {"hidden": 1, "hidden_reason": "تحتوي بيانات شخصية"}
    detail = texts(await supporter.command("status", "1"))
    assert "لم تصل أي توصية" in detail and "مجموع التأييدات: لا تأييد بعد." in detail
    await supporter.press("التوصيات وتأييدها")
    assert REC_TEXT not in texts(supporter.history[-1:])
    assert "لم تتغير" not in texts(await supporter.press_data(f"endo:r:{receipt}:0"))
    assert (await rows(core, "SELECT COUNT(*) AS n FROM endorsements"))[0]["n"] == 1
    actions = [r["action"] for r in await rows(core, "SELECT action FROM audit_log")]
    assert "recommendation.hide" in actions


async def test_follow_from_the_status_view(core: Core, transport: RecordingTransport) -> None:
    person = await registered(core, transport, "1001", "سلمى")
    await person.command("status", "3")
    on = await person.press("متابعة هذا الالتزام")
    assert "ستصلك أخبار الالتزام 3" in texts(on) and "🔕 إيقاف المتابعة" in person.labels()
    assert await rows(core, "SELECT commitment_id FROM follows") == [{"commitment_id": 3}]
    await person.press("إيقاف المتابعة")
    assert await rows(core, "SELECT * FROM follows") == []


async def test_settings_toggle_and_persist(core: Core, transport: RecordingTransport) -> None:
    person = await registered(core, transport, "1001", "سلمى")
    shown = await person.command("settings")
    assert "✅ الردود على توصياتي" in [c.label for c in shown[0].choices]
    await person.press("set:reminders")
    await person.press("set:status")
    [prefs] = await rows(core, "SELECT notify_answers, notify_status, notify_reminders FROM participants")
    assert prefs == {"notify_answers": 1, "notify_status": 0, "notify_reminders": 0}
    assert "🔕 التذكيرات والدعوات إلى جولات التشاور" in person.labels()
