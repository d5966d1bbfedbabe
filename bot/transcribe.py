"""Drafts of transcripts from an offline speech-to-text engine, for people to accept or rewrite.

No engine is configured by default, and the bot never shows a machine's words as a transcript: a draft is kept apart
(recommendations.transcript_draft) and offered to the officer or coordinator who writes the transcript in /inbox,
who accepts it or types their own. Plug an engine in with OGP_TRANSCRIBER=module:Class, a class whose instances
follow the Transcriber protocol (for example a wrapper around a local Whisper or Vosk model).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
from typing import Protocol, runtime_checkable

from bot.background import Background
from storage import files, recommendations
from storage.database import Database
from storage.files import FileStore

log = logging.getLogger(__name__)

BATCH = 5
IDLE_WAKE_SECONDS = 300.0


@runtime_checkable
class Transcriber(Protocol):
    """An offline speech-to-text engine."""

    async def transcribe(self, audio: bytes, format: str, language: str) -> str | None:
        """Return what the recording says (None when the engine cannot tell)."""
        ...


def load_transcriber(spec: str) -> Transcriber | None:
    """Return the engine OGP_TRANSCRIBER names ("module:Class"), or None when it is empty; raise when it is wrong."""
    if not spec.strip():
        return None
    module_name, _, class_name = spec.strip().partition(":")
    if not module_name or not class_name:
        raise ValueError(f"OGP_TRANSCRIBER {spec!r} must look like package.module:ClassName")
    engine = getattr(importlib.import_module(module_name), class_name)()
    if not isinstance(engine, Transcriber):
        raise ValueError(f"OGP_TRANSCRIBER {spec!r} has no async transcribe(audio, format, language)")
    return engine


class TranscriptDrafts(Background):
    """Asks the engine for a draft of each voice recommendation that has neither a transcript nor a draft."""

    name = "transcript-drafts"
    idle_seconds = IDLE_WAKE_SECONDS

    def __init__(self, db: Database, store: FileStore, engine: Transcriber, *, language: str = "ar") -> None:
        super().__init__()
        self.db = db
        self.store = store
        self.engine = engine
        self.language = language
        self.drafted = 0

    async def work(self) -> None:
        """Draft what waits."""
        await self.flush()

    async def flush(self) -> int:
        """Draft every waiting recommendation now; return how many drafts were kept."""
        done = 0
        async with self._lock:
            while not self._stopping:
                seen, made = await self._batch()
                done += made
                if not seen:
                    break
        return done

    async def _batch(self) -> tuple[int, int]:
        async with self.db.transaction() as conn:
            waiting = await recommendations.untranscribed(conn, BATCH)
            voices = {rec.id: await files.of_recommendation(conn, rec.id) for rec in waiting}
        made = 0
        for rec in waiting:
            voice = next((f for f in voices[rec.id] if f.role == "voice"), None)
            audio = await asyncio.to_thread(self.store.read, voice.sha256) if voice else None
            draft = await self._draft(audio, voice.format if voice else "")
            async with self.db.transaction() as conn:  # "" marks a recording the engine could not read: not again
                await recommendations.set_transcript_draft(conn, rec.id, draft or "")
            made += bool(draft)
        self.drafted += made
        return len(waiting), made

    async def _draft(self, audio: bytes | None, format: str) -> str | None:
        if audio is None:
            return None
        try:
            text = await self.engine.transcribe(audio, format, self.language)
        except Exception:  # an engine's failure is its own; the recommendation waits for a person as it would anyway
            log.exception("the transcriber failed on a recording")
            return None
        return text.strip() if text and text.strip() else None
