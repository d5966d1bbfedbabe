"""Voice notes and files over the real WhatsApp channel: media URLs fetched with the bearer token, files sent back by
media id, evidence through /update into `ogp-bot export --with-files`, and /forget taking the files away."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.cli import build_parser
from bot.clock import FakeClock
from bot.reports_cli import run_report_command
from storage import participants, roles
from storage.models import Role
from tests import media
from tests.e2e.test_whatsapp import press, register, say
from tests.e2e.whatsapp_harness import WhatsAppBot, whatsapp_bot
from tests.standins.graph_api import WaUser

AUTHOR = "962790000001"
OFFICER = "962790000002"
VOICE = "🎧 تسجيل صوتي (1:42)"


@pytest.fixture
async def wa(tmp_path: Path, clock: FakeClock) -> AsyncIterator[WhatsAppBot]:
    async with whatsapp_bot(tmp_path, clock) as bot:
        await bot.core.files.start()
        yield bot


async def sent(wa: WhatsAppBot, user: WaUser, action: object) -> list[str]:
    """Await an action (a file sent), let the bot answer, and return the texts it sent."""
    await action  # type: ignore[misc]
    await wa.settle()
    return [m.text for m in user.new()]


async def make_officer(wa: WhatsAppBot, user: WaUser, commitment: int) -> None:
    async with wa.core.db.transaction() as conn:
        person = await participants.find_by_identity(conn, "whatsapp", user.key)
        assert person is not None
        await roles.grant(conn, person.id, Role.LIAISON, commitment, None, wa.clock.now())


async def voice_recommendation(wa: WhatsAppBot, author: WaUser, voice: bytes) -> None:
    await say(wa, author, "توصية")
    await press(wa, author, author.last.labels[3])  # commitment 4
    if "محور آخر" in author.last.labels:
        await press(wa, author, "محور آخر")
    preview = await sent(wa, author, author.send_voice(voice))
    assert any(VOICE in text for text in preview)
    done = await press(wa, author, "✅ إرسال")
    assert "رقم الإيصال #1" in done[0]


async def test_a_voice_recommendation_reaches_the_officer_who_hears_it_and_answers(wa: WhatsAppBot) -> None:
    author, officer = wa.api.user(AUTHOR, name="سلمى"), wa.api.user(OFFICER, name="سلمى")
    await register(wa, author)
    await register(wa, officer)
    await make_officer(wa, officer, 4)
    voice = media.ogg_opus(102)
    await voice_recommendation(wa, author, voice)
    [fetched] = wa.api.downloads  # the media URL, with the bearer token
    assert wa.api.incoming_media[fetched][1] == voice
    [stored] = await wa.rows("SELECT sha256, channel, sent_as, format FROM files")
    assert tuple(stored) == (hashlib.sha256(voice).hexdigest(), "whatsapp", "voice", "ogg")

    inbox = await say(wa, officer, "/inbox")
    assert any(VOICE in text for text in inbox)
    await officer.press("#1")
    await wa.settle()
    audio, *detail_parts = officer.new()
    detail = detail_parts[-1]
    assert audio.kind == "audio", [
        (m.kind, m.text[:40]) for m in [audio, *detail_parts]
    ]  # the recording itself, by the id of an upload: no link
    assert wa.api.media[audio.body["audio"]["id"]][1] == voice
    assert VOICE in detail.text and "لم يُكتب تفريغها النصي" in detail.text
    await press(wa, officer, "✍️ كتابة التفريغ")
    saved = await say(wa, officer, "نطلب نشر مواعيد الجلسات العامة مسبقاً")
    assert any("حُفظ التفريغ" in text for text in saved)
    await press(wa, officer, "اعتُمدت")
    await say(wa, officer, "سننشر المواعيد على موقع الوزارة")
    await press(wa, officer, "حفظ وإرسال")
    told = [m.text for m in author.new()]
    assert any("وصل رد على توصيتك #1" in text and VOICE in text for text in told)


async def test_a_download_failing_twice_then_succeeding(wa: WhatsAppBot) -> None:
    author = wa.api.user(AUTHOR, name="سلمى")
    await register(wa, author)
    wa.api.fail_downloads(2)
    answer = await sent(wa, author, author.send_voice(media.ogg_opus(20)))
    assert any("وصلنا تسجيلك الصوتي" in text for text in answer)
    assert len(wa.api.downloads) == 1
    assert len(await wa.rows("SELECT id FROM files")) == 1


async def test_types_and_sizes_are_refused_and_nothing_is_stored(wa: WhatsAppBot) -> None:
    author = wa.api.user(AUTHOR, name="سلمى")
    await register(wa, author)
    renamed = await sent(wa, author, author.send_document("تقرير.pdf", media.executable(), "application/pdf"))
    assert any("نوعه غير مقبول" in text for text in renamed)
    big = await sent(wa, author, author.send_document("كبير.pdf", media.pdf(), "application/pdf", size=30 << 20))
    assert any("أكبر من 20 ميغابايت" in text for text in big)
    assert len(wa.api.downloads) == 1  # the large one's size was read from the media URL's answer: not fetched
    wa.api.fail_downloads(3)
    lost = await sent(wa, author, author.send_image(media.jpeg()))
    assert any("تعذّر علينا تنزيل الملف" in text for text in lost)
    assert await wa.rows("SELECT id FROM files") == []
    assert list(wa.core.receiver.store.stored()) == []


async def test_an_evidence_pdf_through_update_reaches_the_export_with_files(
    wa: WhatsAppBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    officer = wa.api.user(OFFICER, name="سلمى")
    await register(wa, officer)
    await make_officer(wa, officer, 2)
    await say(wa, officer, "/update")
    await press(wa, officer, "محدود")
    await press(wa, officer, "50%")
    await press(wa, officer, "تخطّي")  # no note
    evidence = media.pdf("workshop minutes")
    received = await sent(wa, officer, officer.send_document("محضر الورشة.pdf", evidence, "application/pdf"))
    assert any("وصل الدليل: 📎 محضر الورشة.pdf" in text for text in received)
    photo = media.jpeg()
    await sent(wa, officer, officer.send_image(photo, caption="الورشة"))
    preview = await press(wa, officer, "✅ متابعة")
    assert any("محضر الورشة.pdf" in text and "صورة" in text for text in preview)
    await press(wa, officer, "✅ نشر التحديث")
    linked = await wa.rows("SELECT status_update_id, role, name FROM files ORDER BY id")
    assert [tuple(r) for r in linked] == [(1, "evidence", "محضر الورشة.pdf"), (1, "evidence", None)]

    status = await say(wa, officer, "/status 2")
    assert any("ملفات الأدلة" in text and "محضر الورشة.pdf" in text for text in status)
    await press(wa, officer, "📎 ملفات الأدلة")
    files_back = [m for m in wa.api.sent if m.to == officer.key and m.type in ("document", "image")]
    assert [m.type for m in files_back[-2:]] == ["document", "image"]

    output = tmp_path / "export.zip"
    args = build_parser().parse_args(["export", "--with-files", "--output", str(output)])
    assert await run_report_command(wa.core.settings, args) == 0
    assert "and 2 files to" in capsys.readouterr().out
    with zipfile.ZipFile(output) as archive:
        names = archive.namelist()
        [pdf_path] = [n for n in names if n.endswith(".pdf")]
        assert pdf_path == "files/updates/1/1-محضر الورشة.pdf" and archive.read(pdf_path) == evidence
        [photo_path] = [n for n in names if n.endswith(".jpg")]
        assert archive.read(photo_path) == photo
        [sheet] = [n for n in names if n.endswith(".xlsx")]
        book = load_workbook(io.BytesIO(archive.read(sheet)))
    column = [c.value for c in book["تحديثات الحالة"][1]].index("ملفات الأدلة")
    assert book["تحديثات الحالة"][2][column].value == f"{pdf_path}\n{photo_path}"
    refused = build_parser().parse_args(["export", "--with-files", "--output", str(tmp_path / "x.xlsx")])
    assert await run_report_command(wa.core.settings, refused) == 2  # a usage error, as every refused combination


async def test_forget_with_deletion_takes_the_files_from_the_folder_and_the_database(wa: WhatsAppBot) -> None:
    author = wa.api.user(AUTHOR, name="سلمى")
    await register(wa, author)
    voice = media.ogg_opus(102)
    await voice_recommendation(wa, author, voice)
    digest = hashlib.sha256(voice).hexdigest()
    [media_id] = wa.api.downloads
    assert wa.core.receiver.store.read(digest) == voice
    await say(wa, author, "/forget")
    await press(wa, author, "حذف توصياتي")
    done = await press(wa, author, "نعم، احذف")
    assert any("محونا بياناتك" in text for text in done)
    await wa.core.files.flush()
    await wa.settle()
    assert list(wa.core.receiver.store.stored()) == []
    assert await wa.rows("SELECT id FROM files") == []
    for name, data in database_files(wa).items():
        assert digest.encode() not in data and media_id.encode() not in data, name


def database_files(wa: WhatsAppBot) -> dict[str, bytes]:
    """Return the bytes of the database file and its WAL."""
    found = {}
    for suffix in ("", "-wal"):
        path = Path(f"{wa.core.db.path}{suffix}")
        found[path.name] = path.read_bytes() if path.exists() else b""
    return found
