"""Files over Telegram: downloading what people send (getFile, then the file URL), sending stored files back.

A stored file that came through Telegram goes back by its file_id (Telegram keeps it; nothing is uploaded), with
the method of the kind it arrived as; one that came through another channel is uploaded from the files folder.
The file URL carries the bot token: it is never logged, nor is any error text that could hold it.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
from telegram import Bot, InputFile
from telegram.error import BadRequest, TelegramError

from bot.downloads import FetchFailed, TooBig
from handlers.kit.contract import Media
from storage.files import FileStore
from storage.filetypes import Format

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
# How a file that did not come through Telegram is uploaded, by its format (anything else: as a document).
_UPLOAD_AS = {Format.OGG: "voice", Format.MP3: "audio", Format.M4A: "audio", Format.JPEG: "photo", Format.PNG: "photo"}
_METHODS = {"voice": "send_voice", "audio": "send_audio", "photo": "send_photo", "document": "send_document"}


class MediaGone(Exception):
    """A stored file's bytes are no longer there (erased since the message was queued)."""


class TelegramFiles:
    """Fetches sent files by file_id and sends stored files to a chat."""

    def __init__(self, bot: Bot, store: FileStore) -> None:
        self.bot = bot
        self.store = store
        self._session: aiohttp.ClientSession | None = None

    async def fetch(self, file_id: str, limit: int) -> bytes:
        """Download a file by its file_id; TooBig past limit bytes, FetchFailed when Telegram cannot hand it over."""
        try:
            file = await self.bot.get_file(file_id)
        except BadRequest as error:
            if "too big" in error.message.lower():
                raise TooBig from error
            raise FetchFailed(f"getFile refused: {error.message}") from error
        except TelegramError as error:
            raise FetchFailed(f"getFile: {type(error).__name__}") from error
        if file.file_size is not None and file.file_size > limit:
            raise TooBig
        if not file.file_path:
            raise FetchFailed("getFile gave no file path")
        return await self._stream(file.file_path, limit)

    async def _stream(self, url: str, limit: int) -> bytes:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        received = bytearray()
        try:
            async with self._session.get(url) as response:
                if response.status != 200:
                    raise FetchFailed(f"file download answered {response.status}")
                if response.content_length is not None and response.content_length > limit:
                    raise TooBig
                async for chunk in response.content.iter_chunked(CHUNK):
                    received += chunk
                    if len(received) > limit:
                        raise TooBig
        except aiohttp.ClientError as error:  # its text may carry the URL, hence the token: the type only
            raise FetchFailed(f"file download: {type(error).__name__}") from error
        return bytes(received)

    async def send(self, chat_id: int, media: Media) -> str:
        """Send a stored file to a chat (by file_id when it came through Telegram); return the message id."""
        if media.channel == "telegram":
            method = _METHODS.get(media.sent_as, "send_document")
            sent = await getattr(self.bot, method)(chat_id, media.ref)
            return str(sent.message_id)
        data = await asyncio.to_thread(self.store.read, media.sha256)
        if data is None:
            raise MediaGone(media.sha256)
        kind = _UPLOAD_AS.get(Format(media.format), "document")
        upload = InputFile(data, filename=media.name)
        sent = await getattr(self.bot, _METHODS[kind])(chat_id, upload)
        return str(sent.message_id)

    async def close(self) -> None:
        """Close the download connections."""
        if self._session is not None:
            await self._session.close()
            self._session = None
