"""Transcript drafts from a speech-to-text engine: none by default; with one, a draft an officer accepts or rewrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.core import Core
from bot.transcribe import load_transcriber
from tests import media
from tests.loop_support import coordinator, officer, registered, rows
from tests.support import make_core, settings_for, texts

HEARD: list[tuple[int, str, str]] = []


class ListeningEngine:
    """A test's engine: it hears the recording's length and says so (a real one would be Whisper or Vosk)."""

    async def transcribe(self, audio: bytes, format: str, language: str) -> str | None:
        HEARD.append((len(audio), format, language))
        return "مسودة آلية: نطلب نشر المحاضر"


class NotAnEngine:
    """Has no transcribe method."""


def test_no_engine_by_default_and_a_wrong_one_is_refused(core: Core) -> None:
    assert core.drafts is None and core.settings.transcriber == ""
    assert load_transcriber("") is None
    with pytest.raises(ValueError, match="must look like"):
        load_transcriber("tests.bot.test_transcribe")
    with pytest.raises(ValueError, match="no async transcribe"):
        load_transcriber("tests.bot.test_transcribe:NotAnEngine")


async def test_a_draft_is_offered_and_kept_only_when_a_person_accepts_it(tmp_path: Path, clock: FakeClock) -> None:
    settings = settings_for(tmp_path, transcriber="tests.bot.test_transcribe:ListeningEngine")
    core, transport = await make_core(settings, clock)
    try:
        assert core.drafts is not None
        coord = await coordinator(core, transport)
        officer_chat = await officer(core, transport, coord, "2001", 4)
        author = await registered(core, transport, "1001", "سلمى")
        await author.command("recommend", "4")
        await author.press("محور آخر")
        voice = media.ogg_opus(40)
        await author.send_voice(voice)
        await author.press("✅ إرسال")
        assert await core.drafts.flush() == 1
        assert HEARD[-1] == (len(voice), "ogg", "ar")
        [rec] = await rows(core, "SELECT id, transcript, transcript_draft FROM recommendations")
        assert rec["transcript"] is None and rec["transcript_draft"].startswith("مسودة آلية")  # not a transcript yet
        assert "مسودة آلية" not in texts(await author.command("my"))
        asked = await officer_chat.press_data(f"inbox:tr:{rec['id']}:0")
        assert "مسودة آلية للتفريغ" in texts(asked) and "✅ اعتماد المسودة" in officer_chat.labels()
        await officer_chat.press("✅ اعتماد المسودة")
        [kept] = await rows(core, "SELECT transcript, transcript_draft FROM recommendations")
        assert kept == {"transcript": "مسودة آلية: نطلب نشر المحاضر", "transcript_draft": None}
        assert await core.drafts.flush() == 0  # transcribed: nothing to draft
    finally:
        await core.close()
