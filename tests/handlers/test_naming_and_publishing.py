"""Issue 12's chat parts: the question of showing one's name (asked once, kept in /settings) and /publish."""

from __future__ import annotations

from dataclasses import replace

from bot.core import Core
from tests.loop_support import coordinator, recommend, registered, rows
from tests.support import RecordingTransport, texts

ASK = "هل نعرض اسمك وجهتك مع توصياتك المنشورة؟"
TEXT = "نقترح نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع"


async def _show_name(core: Core, user: str) -> object:
    [row] = await rows(
        core,
        "SELECT p.show_name FROM participants p JOIN identities i ON i.participant_id = p.id WHERE i.external_id = ?",
        user,
    )
    return row["show_name"]


async def test_the_question_comes_with_consent_once_and_settings_change_it(
    core: Core, transport: RecordingTransport
) -> None:
    salma = await registered(core, transport, "1001", "سلمى")
    asked = salma.history[-1]  # right after consent, whose notice said what showing one's name means
    assert ASK in asked.text and "نعم، اعرض اسمي" in salma.labels() and "❔ مساعدة" in salma.labels()
    assert await _show_name(core, "1001") is None  # not answered: not named (the site treats it as no)
    await recommend(salma, 2, TEXT)
    receipt = salma.history[-1]
    assert "#" in receipt.text and ASK not in receipt.text  # asked once
    assert ASK not in texts(await salma.command("status"))
    done = texts(await salma.press_data("name:yes"))  # the button under the question still works
    assert "سيظهر اسمك" in done and await _show_name(core, "1001") == 1
    await salma.command("settings")
    assert "👤 اسمي يظهر مع توصياتي المنشورة: نعم" in salma.labels()
    await salma.press("👤 اسمي يظهر مع توصياتي المنشورة: نعم")
    assert "👤 اسمي يظهر مع توصياتي المنشورة: لا" in salma.labels() and await _show_name(core, "1001") == 0


async def test_the_question_says_when_recommendations_are_published_as_the_platform_is_set_up(
    core: Core, transport: RecordingTransport
) -> None:
    salma = await registered(core, transport, "1001", "سلمى")
    asked = salma.history[-1].text
    assert "بعد أن يُرد عليها أو يوافق المنسقون على نشرها" in asked and "فور وصولها" not in asked
    core.dispatcher.config = replace(core.dispatcher.config, publish_on_arrival=True)
    huda = await registered(core, transport, "1002", "هدى")
    asked = huda.history[-1].text
    assert ASK in asked and "فور وصولها" in asked and "بعد أن يُرد عليها" not in asked  # as the consent said
    assert await _show_name(core, "1002") is None


async def test_people_who_recommended_before_are_asked_the_next_time_they_write(
    core: Core, transport: RecordingTransport
) -> None:
    salma = await registered(core, transport, "1001", "سلمى")
    await recommend(salma, 2, TEXT)
    async with core.db.transaction() as conn:  # as a session saved before the question existed
        await conn.execute("DELETE FROM sessions")
    later = texts(await salma.command("status"))
    assert ASK in later
    assert ASK not in texts(await salma.command("my"))
    await salma.press_data("name:no")  # the button under the earlier message still works
    assert await _show_name(core, "1001") == 0


async def test_coordinators_publish_the_waiting_recommendations(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    salma = await registered(core, transport, "1001", "سلمى")
    first = await recommend(salma, 2, TEXT)
    second = await recommend(salma, 3, TEXT + " ثانية")
    listed = texts(await coord.command("publish"))
    assert "توصيتان تنتظران النشر" in listed and "• الالتزام 2: 1" in listed and "• الالتزام 3: 1" in listed
    asked = texts(await coord.press("الالتزام 2 (1)"))
    assert "ستظهر توصية واحدة" in asked
    assert await rows(core, "SELECT id FROM recommendations WHERE approved_at IS NOT NULL") == []
    done = texts(await coord.press("✅ نعم، انشر"))
    assert "نُشرت توصية واحدة" in done
    approved = await rows(core, "SELECT id, approved_by FROM recommendations WHERE approved_at IS NOT NULL")
    assert [r["id"] for r in approved] == [first] and approved[0]["approved_by"] is not None
    assert second not in [r["id"] for r in approved]
    [entry] = await rows(core, "SELECT action, detail FROM audit_log WHERE action = 'recommendation.publish'")
    assert "recommendations=1" in entry["detail"]
    assert "توصية واحدة تنتظر" in texts(await coord.command("publish"))


async def test_publish_says_so_when_everything_is_published_on_arrival(
    core: Core, transport: RecordingTransport
) -> None:
    core.dispatcher.config = replace(core.dispatcher.config, publish_on_arrival=True)
    coord = await coordinator(core, transport)
    assert "فور وصولها" in texts(await coord.command("publish"))
