"""A round's name, place and typed questions, and the forum's rules, given in English too: English readers see them
in the chat and the English report; without them the Arabic shows."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from bot.cli import build_parser
from bot.core import Core
from bot.reports_cli import run_report_command
from storage import rounds
from tests.handlers.test_rounds import ROUND_NAME, create_round, the_round
from tests.loop_support import coordinator, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

NAME_EN = "The Second Stakeholder Meeting"
PLACE_EN = "Geneva Hotel, Amman"
QUESTIONS_EN = ("What are the main challenges?", "Who follows up on implementation?")


async def _english_reader(core: Core, transport: RecordingTransport, user: str) -> ChatDriver:
    reader = ChatDriver(core, transport, user=user, name="Sara")
    await reader.register()
    await reader.command("language")
    await reader.press(next(label for label in reader.labels() if "English" in label))
    return reader


async def _report(core: Core, tmp_path: Path, round_id: int, language: str) -> list[str]:
    out = tmp_path / f"report-{language}.docx"
    args = ["report", "--lang", language, "--output", str(out), "--round", str(round_id)]
    assert await run_report_command(core.settings, build_parser().parse_args(args)) == 0
    return [p.text for p in Document(str(out)).paragraphs]


async def test_a_round_given_english_versions_reads_in_english_and_falls_back_to_arabic(
    core: Core, transport: RecordingTransport, tmp_path: Path
) -> None:
    coord = ChatDriver(core, transport, user="9001", name="مي")
    await create_round(coord)
    found = await the_round(core)
    await coord.press_data(f"rnd:edit:{found.id}")
    await coord.press("أسئلة النقاش")
    await coord.send("ما أبرز التحديات؟\nمن يتابع التنفيذ؟")

    await coord.press("✏️ تعديل الجولة")
    asked = await coord.press("الاسم بالإنجليزية")
    assert f"بالعربية: {ROUND_NAME}" in texts(asked) and "بالإنجليزية الآن: —" in texts(asked)
    assert "الاسم يجب أن يكون بين 5 و" in texts(await coord.send("Mtg"))  # the Arabic name's limits
    assert "حُفظ التعديل" in texts(await coord.send(NAME_EN))
    await coord.press("✏️ تعديل الجولة")
    await coord.press("المكان بالإنجليزية")
    assert "حُفظ التعديل" in texts(await coord.send(PLACE_EN))
    await coord.press("✏️ تعديل الجولة")
    asked = await coord.press("أسئلة النقاش بالإنجليزية")
    assert "ما أبرز التحديات؟ — —" in texts(asked)
    assert "اكتب سؤالين بالإنجليزية" in texts(await coord.send(QUESTIONS_EN[0]))  # one of two: nothing stored
    assert "حُفظ التعديل" in texts(await coord.send("\n".join(QUESTIONS_EN)))
    stored = (await rows(core, "SELECT name, name_en, place_en FROM rounds"))[0]
    assert stored == {"name": ROUND_NAME, "name_en": NAME_EN, "place_en": PLACE_EN}
    typed = await rows(core, "SELECT text_ar, text_en FROM round_questions WHERE round_id = ?", found.id)
    assert [q["text_en"] for q in typed] == list(QUESTIONS_EN)

    reader = await _english_reader(core, transport, "3001")
    welcome = texts(await reader.command("join", f"r_{found.code}"))
    assert f"Welcome to “{NAME_EN}”" in welcome and PLACE_EN in welcome
    joined = texts(await reader.press("1. "))
    assert QUESTIONS_EN[0] in joined and "ما أبرز" not in joined
    arabic_reader = await registered(core, transport, "3002", "هند")
    assert ROUND_NAME in texts(await arabic_reader.command("join", f"r_{found.code}"))

    english = await _report(core, tmp_path, found.id, "en")
    assert english[0] == f"Report of {NAME_EN}"
    assert any(f"held {NAME_EN}" in p and f"at {PLACE_EN}" in p for p in english)
    assert (await _report(core, tmp_path, found.id, "ar"))[0] == f"تقرير {ROUND_NAME}"

    await coord.press_data(f"rnd:edit:{found.id}")
    await coord.press("الاسم بالإنجليزية")
    assert "حُفظ التعديل" in texts(await coord.press("دون نسخة إنجليزية"))
    async with core.db.transaction() as conn:
        now = await rounds.get_round(conn, found.id)
    assert now is not None and now.name_en is None and now.place_en == PLACE_EN
    assert (await _report(core, tmp_path, found.id, "en"))[0] == f"Report of {ROUND_NAME}"  # the Arabic, as given


async def test_the_rules_in_english_for_english_readers(core: Core, transport: RecordingTransport) -> None:
    arabic = "يشارك في المنتدى ممثلون عن الحكومة والمجتمع المدني بالتساوي."
    english = "Government and civil society take part in the forum in equal numbers."
    coord = await coordinator(core, transport)
    await coord.command("rules")
    await coord.press("تعديل القواعد")
    preview = await coord.send(arabic)
    assert "إضافة نسخة إنجليزية" in " ".join(coord.labels()) and arabic in texts(preview)
    await coord.press("إضافة نسخة إنجليزية")
    assert "يجب أن تكون القواعد بين 20 و" in texts(await coord.send("Too short"))
    both = texts(await coord.send(english))
    assert arabic in both and english in both and "تغيير النسخة الإنجليزية" in " ".join(coord.labels())
    await coord.press("نشر القواعد")
    assert await rows(core, "SELECT text, text_en FROM forum_rules") == [{"text": arabic, "text_en": english}]
    reader = await _english_reader(core, transport, "3001")
    shown = texts(await reader.command("rules"))
    assert english in shown and arabic not in shown
    assert arabic in texts(await coord.command("rules"))
