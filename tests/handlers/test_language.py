"""A language per person: offered at the first message, switched with /language, «اللغة» or "language" typed,
shown in /settings, stored; keywords of both languages work for everyone; pushes reach each person in theirs."""

from __future__ import annotations

import json

from bot.clock import FakeClock
from bot.core import Core
from bot.scheduler import remind_answers, remind_updates, summarise_broadcasts
from messages import load_messages
from storage import recommendations
from tests.bot.reminder_support import amman, commitment_id, liaison, outbox_rows, person
from tests.e2e.test_languages import fragment
from tests.handlers.test_round_timeline import NAME, _finish, _start
from tests.loop_support import coordinator, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

EN, AR = load_messages("en"), load_messages("ar")


async def _session(core: Core, user: str) -> dict[str, object]:
    [found] = await rows(core, "SELECT data FROM sessions WHERE external_id = ?", user)
    data: dict[str, object] = json.loads(str(found["data"]))
    return data


async def test_a_newcomer_is_offered_their_apps_language_with_one_button_to_switch(
    core: Core, chat: ChatDriver
) -> None:
    welcome, ask = await chat.command("start", language="en-US")
    assert welcome.text.startswith(EN.t("welcome")) and welcome.text.endswith(EN.t("language-offered"))
    assert [c.label for c in welcome.choices] == ["🌐 العربية"]  # the other language, named in it
    assert ask.text == EN.t("ask-name") and ask.language == "en"
    assert (await _session(core, "1001"))["_lang"] == "en"
    switched, asked_again = await chat.press_data("lang:ar")
    assert switched.text == AR.t("language-switched") and switched.replace
    assert asked_again.text == AR.t("ask-name")  # the step's question again, in Arabic; registration goes on
    assert (await _session(core, "1001"))["_lang"] == "ar"
    await chat.send("سلمى الخطيب", language="en-US")  # the app still says English: the choice wins
    assert chat.history[-1].text == AR.t("ask-organisation")
    await chat.press("reg:org")
    await chat.press("reg:sector:cso")
    await chat.press("reg:gov:amman")
    await chat.press("reg:consent:yes")
    assert await rows(core, "SELECT name, language FROM participants") == [{"name": "سلمى الخطيب", "language": "ar"}]


async def test_whatsapp_and_the_terminal_report_no_language_arabic_it_is(core: Core, chat: ChatDriver) -> None:
    [welcome, _] = await chat.command("start")
    assert welcome.text.startswith(AR.t("welcome")) and [c.label for c in welcome.choices] == ["🌐 English"]
    [again] = await chat.command("menu")
    assert AR.t("language-offered") not in again.text  # offered once


async def test_language_switches_at_any_time_and_keeps_the_flow(core: Core, chat: ChatDriver) -> None:
    await chat.register()
    await chat.command("recommend", "4")
    await chat.press("rec:t:0")  # another theme: now at the text step
    for typed in ("language", "  LANGUAGE ", "اللغة", "Language"):
        [prompt] = await chat.send(typed)
        assert prompt.text == AR.t("language-current", language="العربية")
        assert [c.label for c in prompt.choices] == ["🌐 English"]
    [done, asked] = await chat.press("lang:en")  # the text step's question again, now in English
    assert done.text == EN.t("language-switched")
    assert [c.label for c in asked.choices] == [EN.t("cancel-button")]
    [offered] = await chat.command("opened")  # a chat reopened here is offered its draft back, in English
    assert offered.choices[0].label == EN.t("parked-resume")
    assert asked.text == (await chat.press(EN.t("parked-resume")))[-1].text  # and going on asks the same question
    [preview] = await chat.send("Publish every complaint and what became of it, every quarter.")
    assert preview.text.startswith(EN.t("recommendation-preview", commitment="", theme="", text="")[:12])
    assert await rows(core, "SELECT language FROM participants") == [{"language": "en"}]
    [back] = await chat.command("language")
    assert back.text == EN.t("language-current", language="English") and back.choices[0].label == "🌐 العربية"


async def test_settings_show_the_language_and_switch_it(
    core: Core, chat: ChatDriver, transport: RecordingTransport
) -> None:
    await chat.register()
    [shown] = await chat.command("settings")
    assert AR.t("settings-language", language="العربية") in shown.text and "🌐 English" in chat.labels()
    [switched] = await chat.press("lang:en")
    assert switched.text == EN.t("language-switched") and EN.t("menu-settings") in chat.labels()
    # Telegram's command menu for this chat follows: everyone's commands, in English.
    [menu] = [s.reply for s in transport.sent if s.row.kind == "commands" and s.recipient == "1001"]
    assert menu.language == "en" and dict((c.id, c.label) for c in menu.choices)["status"] == EN.t("command-status")


async def test_keywords_of_both_languages_work_for_everyone(chat: ChatDriver) -> None:
    await chat.register()
    for typed in ("menu", "MENU", "قائمة"):
        [menu] = await chat.send(typed)
        assert menu.text == AR.t("menu-title")  # an Arabic reader typing English gets Arabic


async def test_answer_and_status_notices_reach_each_person_in_theirs(core: Core, transport: RecordingTransport) -> None:
    officer = ChatDriver(core, transport, user="2001", name="ريم")
    await officer.register("ريم الضابطة", "وزارة التنمية")
    async with core.db.transaction() as conn:
        await conn.execute(
            "INSERT INTO roles (participant_id, role, commitment_id, granted_at) "
            "SELECT 1, 'liaison', id, '2026-01-01' FROM commitments WHERE number = 4"
        )
    author = ChatDriver(core, transport, user="1001", name="Sarah")
    await author.command("start", language="en")
    await author.send("Sarah Haddad")
    await author.press("reg:org")
    await author.press("reg:sector:cso")
    await author.press("reg:gov:amman")
    await author.press("reg:consent:yes")
    await author.command("follow")
    await author.press(f"fol:on:{await commitment_id(core, 4)}")
    await author.command("recommend", "4")
    await author.press("rec:t:0")
    await author.send("Publish every complaint and what became of it, every quarter.")
    await author.press("rec:ok")
    await officer.command("inbox")
    await officer.press("inbox:o:1:0")
    await officer.press("inbox:s:1:accepted")
    preview = texts(await officer.send("The first report comes out in March."))
    assert AR.t("inbox-send") in officer.labels()  # the officer reads Arabic...
    assert EN.t("loop-answer-response", response="The first report comes out in March.") in preview  # ...as sent
    await officer.press("inbox:ok:1")
    notice = transport.to("1001")[-1]
    assert notice.language == "en" and notice.text.startswith(EN.t("loop-answer", receipt="#1", number=4, state="")[:8])
    assert EN.t("state-accepted") in notice.text and [c.label for c in notice.choices] == [EN.t("menu-my")]
    await officer.command("update")
    await officer.press("upd:l:limited")
    await officer.press("upd:p:25")
    await officer.press("upd:skip")
    await officer.press("upd:skip")
    await officer.press("upd:ok")
    news = transport.to("1001")[-1]
    assert news.language == "en" and EN.t("completion-limited") in news.text
    assert "Unification and development of the national human-rights-violations complaints mechanism" in news.text


async def test_reminders_and_digests_in_each_recipients_language(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    english = await liaison(core, "2001", 2)
    await liaison(core, "2002", 2)
    async with core.db.transaction() as conn:
        await conn.execute("UPDATE participants SET language = 'en' WHERE id = ?", (english.id,))
        await conn.execute(
            "INSERT INTO sessions (channel, external_id, data, updated_at) VALUES ('telegram', '9001', ?, '')",
            (json.dumps({"_lang": "en"}),),
        )  # the configured coordinator has not registered, and reads English
    clock.set(amman(2026, 12, 6, 10))
    assert await core.scheduler.run_due(jobs=[remind_updates]) == 2
    author = await person(core, "3001")
    second = await commitment_id(core, 2)
    async with core.db.transaction() as conn:
        await recommendations.add_recommendation(
            conn, participant_id=author.id, commitment_id=second, theme_id=None,
            text="نشر البيانات كل شهر", channel="telegram", now=amman(2026, 11, 1, 12),
        )  # fmt: skip
    assert await core.scheduler.run_due(jobs=[remind_answers]) == 3  # two officers and the coordinator
    await core.sender.flush()
    [update_en, answer_en] = transport.to("2001")
    [update_ar, answer_ar] = transport.to("2002")
    title_en = "Development and enhancement of the application of the Government Open Data Policy"
    assert title_en in update_en.text and update_en.choices[0].label == EN.t("rem-button-update")
    assert "تعزيز تطبيق سياسة البيانات الحكومية المفتوحة" in update_ar.text
    assert answer_en.language == "en" and answer_ar.language == "ar"
    [digest] = transport.to("9001")
    assert digest.language == "en" and digest.text.startswith(EN.t("rem-overdue-title", count=1, days=30))
    assert {r["language"] for r in await rows(core, "SELECT language FROM participants")} == {"ar", "en"}
    assert len(await outbox_rows(core, "reminder")) == 5


async def test_a_broadcast_in_one_text_per_language(core: Core, transport: RecordingTransport) -> None:
    for user in ("3001", "3002", "3003"):
        await person(core, user)
    async with core.db.transaction() as conn:
        await conn.execute("UPDATE participants SET language = 'en' WHERE id = 3")
    boss = ChatDriver(core, transport, user="9001", name="منسق")
    await boss.command("broadcast")
    await boss.send("اجتماع الفريق يوم الأحد القادم")
    preview = texts(await boss.press("bc:a:all"))
    assert AR.t("bc-readers-same", language="العربية", count=2) in preview
    assert AR.t("bc-readers-same", language="الإنجليزية", count=1) in preview
    await boss.press("bc:v:en")
    again = texts(await boss.send("The team meets next Sunday."))
    own = AR.t("bc-readers-own", language="الإنجليزية", count=1, text="The team meets next Sunday.")
    assert own in again and AR.t("bc-readers-same", language="العربية", count=2) in again
    await boss.press("bc:send")
    await core.sender.flush()
    [english] = transport.to("3003")
    assert english.text == EN.t("bc-heading", text="The team meets next Sunday.") and english.language == "en"
    [arabic] = transport.to("3001")
    assert arabic.text == AR.t("bc-heading", text="اجتماع الفريق يوم الأحد القادم")
    assert await core.scheduler.run_due(jobs=[summarise_broadcasts]) == 1
    await core.sender.flush()
    assert transport.to("9001")[-1].text.startswith(AR.t("bc-summary", total=3, sent=3, failed=0, unreachable=0)[:10])


async def test_a_round_announcement_reaches_each_person_in_theirs(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await registered(core, transport, "1001", "سلمى")
    sarah = await registered(core, transport, "1002", "Sarah")
    await sarah.command("language")
    await sarah.press("lang:en")
    await _start(coord, "30/12/2026")
    await coord.send("1/12/2026")
    await _finish(coord)
    preview = texts(await coord.press("إعلان"))
    assert AR.t("announce-readers", language="الإنجليزية", count=1) in preview
    await coord.press("إرسال الإعلان")
    await core.sender.flush()
    english, arabic = transport.to("1002")[-1], transport.to("1001")[-1]
    assert english.language == "en" and english.text.startswith(fragment(EN, "announce-text"))
    assert NAME in english.text and "31/12/2026 17:00" in english.text  # the round's name as it was typed
    assert arabic.text.startswith(fragment(AR, "announce-text"))
