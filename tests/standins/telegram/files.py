"""Files: sendDocument, sendPhoto, sendVoice and sendAudio, getFile, the file downloads, and the store of file_ids."""

from __future__ import annotations

import dataclasses
import inspect
import re
from collections import deque
from collections.abc import Callable
from urllib.parse import urlsplit

from aiohttp import web

from .errors import bad
from .formatting import plain_text
from .hub import Hub
from .keyboards import validate_markup
from .limits import MAX_CAPTION, MAX_DOWNLOAD_BYTES
from .messages import Messages, check_reply
from .model import ChatMessage, Handler, Json, Upload, now
from .users import SimulatedUser

_FILE_PATH_RE = re.compile(r"^/file/bot([^/]+)/(.+)$")


class Files:
    """Every file users and the bot sent, under its file_id, and the paths getFile handed out for download."""

    def __init__(self, hub: Hub, messages: Messages) -> None:
        self.hub = hub
        self.messages = messages
        self.downloads: list[str] = []  # file_paths downloaded, in order
        self._files: dict[str, Upload] = {}
        self._file_paths: dict[str, str] = {}  # getFile's file_path -> file_id
        self._next_file = 1
        self._download_faults: deque[int] = deque()
        self._download_stalls = 0
        self._on_download: Callable[[], object] | None = None

    def methods(self) -> dict[str, Handler]:
        """The Bot API methods of this area, by lower-case name."""
        return {
            "senddocument": self._send_document,
            "sendphoto": self._send_photo,
            "sendvoice": self._send_voice,
            "sendaudio": self._send_audio,
            "getfile": self._get_file,
        }

    def store_file(self, upload: Upload) -> str:
        """Keep a file under a new file_id, as Telegram does with what users and bots send."""
        file_id = f"BQACAgIAAxkBAAI{self._next_file:08d}"
        self._next_file += 1
        self._files[file_id] = upload
        return file_id

    def file_data(self, file_id: str) -> bytes:
        """The bytes stored under a file_id (sent by a user, or uploaded by the bot)."""
        return self._files[file_id].data

    def fail_downloads(self, count: int, status: int = 502) -> None:
        """The next `count` file downloads (GET /file/bot<token>/...) fail with that status."""
        self._download_faults.extend([status] * count)

    def stall_downloads(self, count: int) -> None:
        """The next `count` file downloads never answer (until the stand-in stops)."""
        self._download_stalls += count

    def when_downloaded(self, action: Callable[[], object] | None) -> None:
        """Run action as each file download is served, just before its bytes go, awaiting what it returns if that
        is awaitable (None: nothing)."""
        self._on_download = action

    async def download(self, request: web.Request) -> web.Response:
        """GET /file/bot<token>/<file_path>: the bytes of a file getFile pointed to."""
        match = _FILE_PATH_RE.match(request.path)
        if request.method != "GET" or match is None or match.group(1) != self.hub.token:
            return web.Response(status=404, text="Not Found")
        file_id = self._file_paths.get(match.group(2))
        if file_id is None:
            return web.Response(status=404, text="Not Found")
        if self._download_faults:
            return web.Response(status=self._download_faults.popleft(), text="injected failure")
        if self._download_stalls:
            self._download_stalls -= 1
            await self.hub.wait_for(lambda: self.hub.closing, None)
            return web.Response(status=503, text="stopped")
        self.downloads.append(match.group(2))
        if self._on_download is not None and inspect.isawaitable(done := self._on_download()):
            await done
        return web.Response(body=self._files[file_id].data, content_type="application/octet-stream")

    # ------------------------------------------------------------ methods

    async def _send_document(self, params: Json) -> Json:
        """sendDocument: an uploaded file, a known file_id or an HTTP URL."""
        user = self.hub.target(params)
        upload = self._upload(params, "document")
        message = _media_message(user, params)
        message.document = (upload.filename, upload.data)
        return self._sent(user, message, upload, "document")

    async def _send_photo(self, params: Json) -> Json:
        """sendPhoto."""
        user = self.hub.target(params)
        upload = self._upload(params, "photo")
        message = _media_message(user, params)
        message.photo = upload.data
        return self._sent(user, message, upload, "photo")

    async def _send_voice(self, params: Json) -> Json:
        """sendVoice: OGG/Opus (or MP3, M4A) by upload or the file_id of a voice note."""
        user = self.hub.target(params)
        upload = self._upload(params, "voice")
        message = _media_message(user, params)
        message.voice, message.duration = upload.data, 1
        return self._sent(user, message, upload, "voice")

    async def _send_audio(self, params: Json) -> Json:
        """sendAudio."""
        user = self.hub.target(params)
        upload = self._upload(params, "audio")
        message = _media_message(user, params)
        message.audio, message.duration = (upload.filename, upload.data), 1
        return self._sent(user, message, upload, "audio")

    async def _get_file(self, params: Json) -> Json:
        """getFile: a file_id's path for the file URL; files over 20 MB cannot be downloaded by bots."""
        file_id = params.get("file_id")
        if not isinstance(file_id, str) or not file_id:
            raise bad("file_id is empty")
        upload = self._files.get(file_id)
        if upload is None:
            raise bad("invalid file_id")
        size = upload.size if upload.size is not None else len(upload.data)
        if size > MAX_DOWNLOAD_BYTES:
            raise bad("file is too big")
        folder = {"voice": "voice", "audio": "music", "photo": "photos"}.get(upload.kind, "documents")
        path = f"{folder}/file_{len(self._file_paths)}.{upload.filename.rsplit('.', 1)[-1] or 'bin'}"
        self._file_paths[path] = file_id
        return {"file_id": file_id, "file_unique_id": f"AgAD{file_id[-8:]}", "file_size": size, "file_path": path}

    # ------------------------------------------------------------ helpers

    def _sent(self, user: SimulatedUser, message: ChatMessage, upload: Upload, kind: str) -> Json:
        """Keep the file under a new file_id of its kind, so it can be sent again by id, and deliver the message."""
        message.file_id = self.store_file(dataclasses.replace(upload, kind=kind))
        return self.messages.deliver(user, message)

    def _upload(self, params: Json, name: str) -> Upload:
        """The file of a send method: multipart upload, attach:// reference, file_id (of the same kind) or URL."""
        value = params.get(name)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
        if isinstance(value, Upload):
            if not value.data:
                raise bad("file must be non-empty")
            return value
        if isinstance(value, str) and value in self._files:
            known = self._files[value]
            if known.kind != name:
                raise bad(f"can't use file of type {known.kind.title()} as {name.title()}")
            return known
        if isinstance(value, str) and urlsplit(value).scheme in ("http", "https"):
            return Upload(urlsplit(value).path.rsplit("/", 1)[-1] or "file", b"")
        if not value:
            raise bad(f"there is no {name} in the request")
        raise bad("wrong file identifier/HTTP URL specified")


def _media_message(user: SimulatedUser, params: Json) -> ChatMessage:
    """A bot message carrying media: caption and keyboard checked."""
    caption = _caption_of(params)
    markup = validate_markup(params.get("reply_markup"), inline_only=False)
    check_reply(user, params)
    message = ChatMessage(user.new_message_id(), user.id, now(), from_bot=True, caption=caption)
    message.reply_markup = markup
    return message


def _caption_of(params: Json) -> str | None:
    """An optional caption, ≤ 1024 characters after parsing."""
    raw = params.get("caption")
    if raw is None:
        return None
    visible = plain_text(str(raw), params.get("parse_mode")).strip()
    if len(visible) > MAX_CAPTION:
        raise bad("message caption is too long")
    return visible or None
