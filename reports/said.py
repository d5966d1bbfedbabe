"""What a recommendation says, in every view: its text, or for a voice recommendation its length and transcript."""

from __future__ import annotations

from messages_ar import Messages


def duration_text(seconds: int) -> str:
    """Return a length as minutes and seconds (1:42), or hours too past an hour (1:02:05)."""
    minutes, secs = divmod(max(0, seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def voice_label(messages: Messages, seconds: int) -> str:
    """Return «🎧 تسجيل صوتي (1:42)»."""
    return messages.t("voice-label", duration=duration_text(seconds))


def said(messages: Messages, text: str, voice_seconds: int | None, transcript: str | None) -> str:
    """Return what a recommendation says: its text; a voice one by its length, then its transcript once written."""
    if voice_seconds is None:
        return text
    label = voice_label(messages, voice_seconds)
    return f"{label}\n{transcript}" if transcript else label


def size_text(messages: Messages, size: int) -> str:
    """Return a file's size in kilobytes or megabytes, one decimal at most."""
    if size < 1024 * 1024:
        return messages.t("file-size-kb", size=str(max(1, round(size / 1024))))
    return messages.t("file-size-mb", size=f"{size / (1024 * 1024):.1f}".removesuffix(".0"))
