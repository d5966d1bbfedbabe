"""Voice recommendations, transcripts by people, files attached and refused: what people see, what is stored."""

from __future__ import annotations

import hashlib
import re

from bot.core import Core
from tests import media
from tests.loop_support import coordinator, officer, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

VOICE_LABEL = "🎧 تسجيل صوتي (1:42)"


def _files_on_disk(core: Core) -> set[str]:
    return {name for name, _ in core.receiver.store.stored()}


async def _to_text_step(chat: ChatDriver, number: int = 4) -> None:
    await chat.command("recommend", str(number))
    if any("محور آخر" in label for label in chat.labels()):
        await chat.press("محور آخر")


async def test_a_voice_note_at_the_text_step_is_previewed_then_stored_with_a_receipt(
    core: Core, transport: RecordingTransport
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    assert "أو أرسل تسجيلاً صوتياً" in texts(chat.history[-1:])
    voice = media.ogg_opus(102)
    preview = await chat.send_voice(voice, duration=102)
    assert VOICE_LABEL in texts(preview)
    assert chat.labels() == ["✅ إرسال", "🎙️ تسجيل جديد", "✖️ إلغاء"]
    done = await chat.press("✅ إرسال")
    receipt = re.search(r"#(\d+)", texts(done))
    assert receipt and "وصلت توصيتك" in texts(done)
    [rec] = await rows(core, "SELECT id, text, voice_seconds, transcript FROM recommendations")
    assert rec == {"id": int(receipt.group(1)), "text": "", "voice_seconds": 102, "transcript": None}
    [stored] = await rows(core, "SELECT * FROM files")
    assert stored["recommendation_id"] == rec["id"] and stored["role"] == "voice"
    assert stored["format"] == "ogg" and stored["duration"] == 102 and stored["chat"] is None
    assert stored["sha256"] == hashlib.sha256(voice).hexdigest()
    assert core.receiver.store.read(stored["sha256"]) == voice
    assert VOICE_LABEL in texts(await chat.command("my"))


async def test_the_length_is_read_from_the_bytes_not_the_senders_word(
    core: Core, transport: RecordingTransport
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    refused = await chat.send_voice(media.ogg_opus(301), duration=12)  # a forged update would say 12 s
    assert "أطول من المسموح" in texts(refused) and "5:01" in texts(refused) and "5:00" in texts(refused)
    assert (await rows(core, "SELECT COUNT(*) AS n FROM recommendations"))[0]["n"] == 0
    accepted = await chat.send_voice(media.ogg_opus(300))
    assert "🎧 تسجيل صوتي (5:00)" in texts(accepted)


async def test_unreadable_audio_behind_an_ogg_header_is_refused_whatever_length_the_app_declares(
    core: Core, transport: RecordingTransport
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    forged = b"OggS" + bytes(24) + b"OpusHead" + bytes(range(256)) * 4  # the header, then nothing playable
    refused = await chat.send_voice(forged, duration=30)
    assert "نوعه غير مقبول" in texts(refused)
    assert await rows(core, "SELECT id FROM files") == [] and not _files_on_disk(core)
    assert (await rows(core, "SELECT COUNT(*) AS n FROM recommendations"))[0]["n"] == 0
    assert "🎧 تسجيل صوتي (0:30)" in texts(await chat.send_voice(media.ogg_opus(30), duration=30))  # a real one


async def test_a_voice_note_outside_a_flow_is_offered_as_a_recommendation(
    core: Core, transport: RecordingTransport
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    offer = await chat.send_voice(media.ogg_opus(102))
    assert "وصلنا تسجيلك الصوتي" in texts(offer) and VOICE_LABEL in texts(offer)
    await chat.press("rec:c:4")
    if any("محور آخر" in label for label in chat.labels()):
        await chat.press("محور آخر")
    assert VOICE_LABEL in texts(chat.history[-1:])
    await chat.press("✅ إرسال")
    [rec] = await rows(core, "SELECT commitment_id, voice_seconds FROM recommendations")
    assert rec["voice_seconds"] == 102


async def test_a_newcomers_voice_note_waits_through_registration(core: Core, transport: RecordingTransport) -> None:
    chat = ChatDriver(core, transport, user="1002", name="هند")
    first = await chat.send_voice(media.ogg_opus(40))
    assert "احتفظنا" in texts(first)
    await chat.send("هند العلي")
    await chat.send("جمعية")
    await chat.press("reg:sector:cso")
    await chat.press("reg:gov:amman")
    after = await chat.press("reg:consent:yes")
    assert "مسودة توصية" in texts(after) and "🎧 تسجيل صوتي (0:40)" in texts(after)


async def test_re_recording_and_writing_instead(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    await chat.send_voice(media.ogg_opus(20))
    again = await chat.press("🎙️ تسجيل جديد")
    assert "أرسل تسجيلاً صوتياً جديداً" in texts(again)
    preview = await chat.send("نقترح نشر بيانات الموازنة شهرياً بصيغة مفتوحة")
    assert "نقترح نشر بيانات الموازنة" in texts(preview) and "🎧" not in texts(preview)
    await chat.press("✅ إرسال")
    [rec] = await rows(core, "SELECT text, voice_seconds FROM recommendations")
    assert rec["voice_seconds"] is None and rec["text"].startswith("نقترح")
    await core.files.flush()  # the keeper's turn after the event (it may have come already)
    assert await rows(core, "SELECT id FROM files") == [] and not _files_on_disk(core)  # written instead: erased


async def test_a_cancelled_drafts_recording_and_file_are_erased_at_once(
    core: Core, transport: RecordingTransport
) -> None:
    """«Cancelled, nothing you were writing was saved»: the draft's recording and attached file go with it."""
    chat = await registered(core, transport, "1001", "سلمى")
    for leave in ("button", "command"):
        await _to_text_step(chat)
        await chat.send_file("تقرير.pdf", media.pdf(), "application/pdf")
        assert VOICE_LABEL in texts(await chat.send_voice(media.ogg_opus(102)))
        assert len(_files_on_disk(core)) == 2
        left = await (chat.press("✖️ إلغاء") if leave == "button" else chat.command("cancel"))
        assert "تم الإلغاء، ولم يُحفظ شيء" in texts(left)
        await core.files.flush()  # the keeper's turn after the event (it may have come already)
        assert not _files_on_disk(core) and await rows(core, "SELECT id FROM files") == [], leave
    assert await rows(core, "SELECT id FROM recommendations") == []


async def test_a_parked_drafts_recording_is_kept_until_the_draft_is_dropped(
    core: Core, transport: RecordingTransport
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    await chat.send_voice(media.ogg_opus(102))
    await chat.command("status")  # parks the draft: its recording stays
    assert await rows(core, "SELECT deleted_at FROM files") == [{"deleted_at": None}]
    assert "لديك مسودة توصية لم تُرسل" in texts(await chat.command("menu"))
    await chat.press("🗑️ حذف المسودة")
    assert "حُذفت المسودة" in texts(await chat.press("🗑️ نعم، احذفها"))
    await core.files.flush()
    assert not _files_on_disk(core) and await rows(core, "SELECT id FROM files") == []


async def test_a_sent_drafts_recording_and_file_stay_with_the_recommendation(
    core: Core, transport: RecordingTransport
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    await chat.send_file("تقرير.pdf", media.pdf(), "application/pdf")
    await chat.send_voice(media.ogg_opus(102))
    assert "وصلت توصيتك" in texts(await chat.press("✅ إرسال"))
    kept = await rows(core, "SELECT role, deleted_at FROM files ORDER BY role")
    assert kept == [{"role": "attachment", "deleted_at": None}, {"role": "voice", "deleted_at": None}]
    await core.files.flush()
    assert len(_files_on_disk(core)) == 2


async def test_one_file_attached_to_a_recommendation(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    attached = await chat.send_file("صورة-الحي.png", media.png(), "image/png", kind="photo")
    assert "أرفقنا الملف" in texts(attached) and "اكتب الآن توصيتك" in texts(attached)
    preview = await chat.send("نقترح إنارة الشوارع في الحي القديم قبل الشتاء")
    assert "الملف المرفق: 📎 صورة-الحي.png" in texts(preview)
    replaced = await chat.send_file("تقرير.pdf", media.pdf(), "application/pdf")
    assert "📎 تقرير.pdf" in texts(replaced) and "صورة-الحي" not in texts(replaced)  # one file: the newest
    await chat.press("✅ إرسال")
    linked = await rows(core, "SELECT name, role FROM files WHERE recommendation_id IS NOT NULL")
    assert linked == [{"name": "تقرير.pdf", "role": "attachment"}]


async def test_bad_files_are_refused_and_nothing_is_stored(core: Core, transport: RecordingTransport) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    renamed = await chat.send_file("report.pdf", media.executable(), "application/pdf")
    assert "نوعه غير مقبول" in texts(renamed)
    too_big = await chat.send_file("big.pdf", media.pdf() + b"0" * (21 * 1024 * 1024), "application/pdf")
    assert "أكبر من 20 ميغابايت" in texts(too_big)
    failed = await chat.send_file("lost.pdf", None, "application/pdf")
    assert "تعذّر علينا تنزيل الملف" in texts(failed)
    assert await rows(core, "SELECT id FROM files") == []
    assert _files_on_disk(core) == set()
    still = await chat.send("نقترح إنارة الشوارع في الحي القديم قبل الشتاء")  # the flow waited at its step
    assert "راجع توصيتك" in texts(still)


async def test_the_officer_hears_the_voice_note_writes_its_transcript_and_the_author_sees_it(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    officer_chat = await officer(core, transport, coord, "2001", 4)
    author = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(author)
    await author.send_voice(media.ogg_opus(102))
    done = await author.press("✅ إرسال")
    receipt = re.search(r"#\d+", texts(done))
    assert receipt
    page = texts(await officer_chat.command("inbox"))
    assert VOICE_LABEL in page
    opened = await officer_chat.press(receipt.group(0))
    voice, detail = opened
    assert voice.media is not None and voice.media.sent_as == "voice" and voice.media.format == "ogg"
    assert voice.media.channel == "telegram" and voice.media.ref  # sent again by Telegram's own file id
    assert VOICE_LABEL in detail.text and "لم يُكتب تفريغها النصي" in detail.text
    await officer_chat.press("✍️ كتابة التفريغ")
    saved = await officer_chat.send("أقترح أن تنشر البلديات جداول جمع النفايات في كل حي")
    assert "حُفظ التفريغ النصي" in texts(saved) and "جداول جمع النفايات" in texts(saved)
    [rec] = await rows(core, "SELECT transcript, transcript_by, text FROM recommendations")
    assert rec["transcript"].startswith("أقترح") and rec["transcript_by"] is not None and rec["text"] == ""
    assert (await rows(core, "SELECT action FROM audit_log ORDER BY id DESC"))[0]["action"] == (
        "recommendation.transcript"
    )
    mine = texts(await author.command("my"))
    assert VOICE_LABEL in mine and "جداول جمع النفايات" in mine
    await officer_chat.press("اعتُمدت")
    await officer_chat.press("تغيير الحالة دون رد مكتوب")
    await officer_chat.press("حفظ وإرسال")
    told = transport.to("1001")[-1].text
    assert "اعتُمدت" in told and VOICE_LABEL in told


async def test_a_coordinator_may_transcribe_and_a_participant_may_not(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    author = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(author)
    await author.send_voice(media.ogg_opus(30))
    await author.press("✅ إرسال")
    [rec] = await rows(core, "SELECT id FROM recommendations")
    refused = await author.press_data(f"inbox:tr:{rec['id']}:0")
    assert "لم يتغير شيء" in texts(refused)
    await coord.press_data(f"inbox:tr:{rec['id']}:0")
    await coord.send("نص التسجيل كما قاله المشارك في الاجتماع")
    assert (await rows(core, "SELECT transcript FROM recommendations"))[0]["transcript"].startswith("نص التسجيل")


async def test_forget_keeping_the_recommendations_keeps_their_files_without_their_sender(
    core: Core, transport: RecordingTransport
) -> None:
    chat = await registered(core, transport, "1001", "سلمى")
    await _to_text_step(chat)
    voice = media.ogg_opus(102)
    await chat.send_voice(voice)
    await chat.press("✅ إرسال")
    await chat.command("recommend", "1")
    await chat.press("محور آخر")
    draft_file = media.pdf("not sent")
    await chat.send_file("مسودة.pdf", draft_file, "application/pdf")  # belongs to nothing: it goes
    await chat.command("forget")
    await chat.press("prv:mode:keep")
    await chat.press("prv:yes:keep")
    [kept] = await rows(core, "SELECT role, participant_id, chat, recommendation_id FROM files")
    assert kept == {"role": "voice", "participant_id": None, "chat": None, "recommendation_id": 1}
    assert _files_on_disk(core) == {hashlib.sha256(voice).hexdigest()}
