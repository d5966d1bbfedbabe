"""Files in conversations: the sent file a step takes, why one is refused, and a stored file shown or sent back."""

from __future__ import annotations

from handlers.kit.context import Context
from handlers.kit.contract import Media, Reply
from reports.said import said, size_text, voice_label
from storage import files
from storage.filetypes import EXTENSIONS, USES, Format, Use
from storage.models import Recommendation, StoredFile


def refusal(ctx: Context, refused: str) -> str:
    """Return why a file the channel could not take was refused (its size, its kind, a failed download)."""
    if refused == "file-too-big":
        return ctx.t("file-too-big", max=ctx.config.max_file_mb)
    if refused == "file-quota-day":
        return ctx.t(refused, max=ctx.config.file_quota_mb)
    if refused == "file-quota-total":
        return ctx.t(refused, max=ctx.config.file_quota_total_mb)
    return ctx.t(refused)


async def discard(ctx: Context) -> None:
    """Erase the file the person just sent, when the step refused it for its use (it is not kept for 30 days)."""
    sent = ctx.incoming.attachment
    if sent is not None and sent.stored is not None:
        await files.drop(ctx.conn, sent.stored, ctx.now)


async def let_go(ctx: Context, file_ids: set[int]) -> None:
    """Erase the files a draft held and holds no more (cancelled, dropped, replaced), unless something took them."""
    if file_ids:
        await files.drop_unlinked(ctx.conn, file_ids, ctx.now)


async def sent_file(ctx: Context) -> StoredFile | None:
    """Return the stored file the person just sent (None when the event carries none, or it was erased)."""
    sent = ctx.incoming.attachment
    if sent is None or sent.stored is None:
        return None
    return await files.get_file(ctx.conn, sent.stored)


def fits(stored: StoredFile, use: Use) -> bool:
    """Tell whether a stored file's format serves a use (a voice note, evidence, a table)."""
    return Format(stored.format) in USES[use]


def file_line(ctx: Context, stored: StoredFile) -> str:
    """Return «📎 report.pdf (1.2 MB)», or the voice label for audio."""
    if stored.duration is not None and fits(stored, Use.VOICE):
        return voice_label(ctx.messages, stored.duration)
    return ctx.t("file-line", name=display_name(ctx, stored), size=size_text(ctx.messages, stored.size))


def display_name(ctx: Context, stored: StoredFile) -> str:
    """Return the name a file was sent with, or a name by its kind (a photo has none)."""
    if stored.name:
        return stored.name
    return ctx.t("file-unnamed-photo") if stored.format in (Format.JPEG, Format.PNG) else ctx.t("file-unnamed")


def media(ctx: Context, stored: StoredFile) -> Media:
    """Return a stored file as a reply's media (sent again by the channel's own id where it can)."""
    return Media(
        sha256=stored.sha256,
        format=stored.format,
        mime=stored.mime,
        name=stored.name or f"file-{stored.id}.{EXTENSIONS[Format(stored.format)]}",
        sent_as=stored.sent_as,
        channel=stored.channel,
        ref=stored.origin_ref,
        duration=stored.duration,
    )


def with_file(ctx: Context, stored: StoredFile, text: str) -> Reply:
    """Return a reply that sends a stored file, then a line about it."""
    return Reply(text=text, media=media(ctx, stored))


def recommendation_text(ctx: Context, rec: Recommendation) -> str:
    """Return what a recommendation says (a voice one: its length, then its transcript)."""
    return said(ctx.messages, rec.text, rec.voice_seconds, rec.transcript)
