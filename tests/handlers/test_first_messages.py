"""What people type first, or outside any step: a sentence is never a name, courtesy gets an answer, words count."""

from __future__ import annotations

from bot.core import Core
from handlers.kit.contract import Reply
from tests.loop_support import coordinator, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

SENTENCE = "أقترح نشر تقارير الشكاوى شهرياً في كل محافظة"
LONG = SENTENCE + " مع بيان عدد الشكاوى التي عولجت والمدة التي استغرقها الرد على كل واحدة منها"


async def register_rest(chat: ChatDriver) -> list[Reply]:
    await chat.send("جمعية الشفافية")
    await chat.press("reg:sector:cso")
    await chat.press("reg:gov:amman")
    return await chat.press("reg:consent:yes")


async def test_a_first_sentence_waits_through_registration_and_is_offered_back(
    core: Core, transport: RecordingTransport
) -> None:
    chat = ChatDriver(core, transport, user="5101", name=None)
    await chat.command("start")
    kept = texts(await chat.send(SENTENCE))
    assert "احتفظنا بنصها" in kept and "ما اسمك" in kept
    await chat.send("هالة")
    offered = texts(await register_rest(chat))
    assert "تم تسجيلك" in offered and SENTENCE in offered and "لديك مسودة توصية" in offered
    assert await rows(core, "SELECT name FROM participants") == [{"name": "هالة"}]


async def test_a_sentence_longer_than_a_name_is_kept_not_thrown_away(core: Core, transport: RecordingTransport) -> None:
    chat = ChatDriver(core, transport, user="5102", name=None)
    await chat.command("start")
    assert len(LONG) > 80
    assert "احتفظنا بنصها" in texts(await chat.send(LONG))
    await chat.send("هالة")
    assert LONG in texts(await register_rest(chat))


async def test_a_line_unlike_a_name_is_asked_about(core: Core, transport: RecordingTransport) -> None:
    chat = ChatDriver(core, transport, user="5103", name=None)
    await chat.command("start")
    asked = texts(await chat.send("متى موعد اللقاء القادم؟"))
    assert "هل «متى موعد اللقاء القادم؟» هو اسمك" in asked
    again = texts(await chat.press("reg:isname:no"))
    assert "ما اسمك" in again
    assert "أهلاً وسهلاً" in texts(await chat.send("مرحبا"))  # a greeting is not a name either
    await chat.send("هالة")
    await register_rest(chat)
    assert await rows(core, "SELECT name FROM participants") == [{"name": "هالة"}]


async def test_a_name_said_to_be_a_name_is_kept(core: Core, transport: RecordingTransport) -> None:
    chat = ChatDriver(core, transport, user="5104", name=None)
    await chat.command("start")
    await chat.send("Dr. Hala, PhD")
    await chat.press("reg:isname:yes")
    assert "تم تسجيلك" in texts(await register_rest(chat))
    assert await rows(core, "SELECT name FROM participants") == [{"name": "Dr. Hala, PhD"}]


async def test_greetings_and_thanks_are_answered_not_parked(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "5105", "سامر")
    for text, answer in [
        ("شكراً جزيلاً لكم على الرد", "العفو"),
        ("مرحبا كيف حالك؟", "أهلاً بك"),
        ("thank you so much", "العفو"),
    ]:
        said = texts(await chat.send(text))
        assert answer in said and "مسودة" not in said and "اختر الالتزام" not in said, said
    assert "لديك مسودة" not in texts(await chat.command("start"))
    async with core.db.transaction() as conn:
        [session] = await conn.execute_fetchall("SELECT data FROM sessions WHERE external_id = '5105'")
    assert "_parked" not in session[0]


async def test_a_recommendation_needs_words(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "5106", "سامر")
    assert "اختر الالتزام" not in texts(await chat.send("👍" * 11))
    await chat.command("recommend", "2")
    await chat.press("محور آخر")
    refused = texts(await chat.send("👍" * 11))
    assert "تحتاج إلى كلمات" in refused
    await chat.send("نشر الموازنات شهرياً")
    await chat.press("rec:ok")
    assert await rows(core, "SELECT text FROM recommendations") == [{"text": "نشر الموازنات شهرياً"}]


async def test_the_opening_word_of_a_button_or_a_yes_acts_as_the_button(
    core: Core, transport: RecordingTransport
) -> None:
    chat = ChatDriver(core, transport, user="5107", name=None)
    await chat.command("start")
    await chat.send("هالة")
    await chat.send("جمعية الشفافية")
    await chat.send("مؤسسة مجتمع مدني")
    await chat.send("عمان")
    done = texts(await chat.send("نعم"))  # «✅ أوافق» is the only yes on screen
    assert "تم تسجيلك" in done
    assert await rows(core, "SELECT name, sector, governorate FROM participants") == [
        {"name": "هالة", "sector": "cso", "governorate": "amman"}
    ]


async def test_a_question_goes_to_the_coordinators_inbox(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    chat = await registered(core, transport, "5108", "سامر")
    offered = texts(await chat.send("متى موعد اللقاء القادم؟"))
    assert "يبدو أن رسالتك سؤال" in offered and "اختر الالتزام" not in offered
    sent = texts(await chat.press("📨 إرسال السؤال إلى المنسقين"))
    assert "وصل سؤالك إلى فريق التنسيق" in sent
    assert await rows(core, "SELECT text, channel FROM questions") == [
        {"text": "متى موعد اللقاء القادم؟", "channel": "telegram"}
    ]
    inbox = texts(await coord.command("inbox"))
    assert "أسئلة إلى المنسقين: 1" in inbox and "«متى موعد اللقاء القادم؟» — سامر" in inbox
    assert "لديك مسودة" not in texts(await chat.command("start"))
    await chat.command("forget")
    await chat.press("prv:mode:keep")
    await chat.press("prv:yes:keep")
    assert await rows(core, "SELECT id FROM questions") == []
