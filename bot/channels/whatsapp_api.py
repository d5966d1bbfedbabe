"""A thin Graph API client for the WhatsApp Cloud API on aiohttp: send a message, upload and download files.

One aiohttp session with keep-alive connections, the same library as the Telegram channel's requests; a message is
one JSON body encoded once by json.dumps (C), without httpx's request building and pool bookkeeping per call.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp
from yarl import URL

from bot import metrics

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 15.0
POOL_SIZE = 16  # connections kept to the Graph API: the sender's parallel deliveries plus downloads
TOKEN_INVALID = 190  # Graph's OAuthException: the access token expired or was revoked


class GraphError(Exception):
    """The Graph API refused a call; branch on code (e.g. 131047 outside the window)."""

    def __init__(self, status: int, code: int | None, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


class GraphUnreachable(Exception):
    """The call did not get an answer (connection refused or reset, timeout): worth trying again later."""


class MediaTooLarge(Exception):
    """A media file is larger than the bot takes (said by the Graph API, or found while downloading)."""


class GraphClient:
    """Calls /{phone_number_id}/messages and /media with a bearer token, on one keep-alive aiohttp session."""

    def __init__(self, base_url: str, phone_number_id: str, token: str, *, pool_size: int = POOL_SIZE) -> None:
        self.base_url = base_url.rstrip("/")
        self.phone_number_id = phone_number_id
        self.pool_size = pool_size
        self._messages_url = URL(f"{self.base_url}/{phone_number_id}/messages")  # parsed once, not per message
        self._heads = {field: _head(field) for field in ("to", "recipient")}
        self._auth = {"Authorization": f"Bearer {token}"}
        self._json_headers = {**self._auth, "Content-Type": "application/json"}
        self._session: aiohttp.ClientSession | None = None

    def _http(self) -> aiohttp.ClientSession:
        """Return the session, opened on first use (it belongs to the running event loop)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self.pool_size, ttl_dns_cache=300)
            timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
            self._session = aiohttp.ClientSession(connector=connector, timeout=timeout)
        return self._session

    async def send(self, field: str, address: str, body: dict[str, Any]) -> str:
        """Send one message to address (field "to" for a phone-based id, "recipient" for a user id); return its id."""
        return await self.send_encoded(field, address, encode_body(body))

    async def send_encoded(self, field: str, address: str, body: bytes) -> str:
        """Send a message body encoded by encode_body() (one encoding serves every recipient); return its id."""
        rest = body[1:]  # the body's members after its opening brace, behind the recipient's
        raw = b"".join((self._heads[field], json.dumps(address).encode(), b"," if rest != b"}" else b"", rest))
        status, data = await self._call("POST", self._messages_url, data=raw, headers=self._json_headers)
        messages = data.get("messages") or [{}]
        wamid = messages[0].get("id") if isinstance(messages[0], dict) else None
        if not isinstance(wamid, str):
            raise GraphError(status, None, "answer without a message id")
        return wamid

    async def upload(self, data: bytes, mime: str, filename: str) -> str:
        """Upload a file for a document message; return the media id."""
        form = aiohttp.FormData(quote_fields=False)  # UTF-8 file names as they are
        form.add_field("messaging_product", "whatsapp")
        form.add_field("type", mime)
        form.add_field("file", data, filename=filename, content_type=mime)
        url = f"{self.base_url}/{self.phone_number_id}/media"
        status, answer = await self._call("POST", url, data=form, headers=self._auth)
        media_id = answer.get("id")
        if not isinstance(media_id, str):
            raise GraphError(status, None, "upload answer without an id")
        return media_id

    async def download_media(self, media_id: str, limit: int) -> bytes:
        """Download a file people sent: its URL from the media id, then its bytes (both with the bearer token).

        MediaTooLarge past limit bytes; GraphError or GraphUnreachable when either call fails.
        """
        _, info = await self._call("GET", f"{self.base_url}/{media_id}", headers=self._auth)
        url, size = info.get("url"), info.get("file_size")
        if isinstance(size, int) and size > limit:
            raise MediaTooLarge
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise GraphError(200, None, "media answer without a URL")
        received = bytearray()
        try:
            async with self._http().get(url, headers=self._auth, allow_redirects=False) as response:
                if not 200 <= response.status < 300:
                    raise GraphError(response.status, None, "media download refused")
                async for chunk in response.content.iter_chunked(64 * 1024):
                    received += chunk
                    if len(received) > limit:
                        raise MediaTooLarge
        except (aiohttp.ClientError, TimeoutError) as error:
            raise GraphUnreachable(type(error).__name__) from error
        return bytes(received)

    async def close(self) -> None:
        """Close the HTTP connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def _call(self, method: str, url: str | URL, **options: Any) -> tuple[int, dict[str, Any]]:
        """Make one call; return (status, JSON answer) on success, raise GraphError or GraphUnreachable otherwise."""
        try:
            async with self._http().request(method, url, allow_redirects=False, **options) as response:
                status, reason, raw = response.status, response.reason or "", await response.read()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise GraphUnreachable(type(error).__name__) from error
        return status, _answer(status, reason, raw)


def encode_body(body: dict[str, Any]) -> bytes:
    """Encode a message body (without recipient) once, UTF-8 as it is (a lone surrogate: escaped, for Meta to judge)."""
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    except UnicodeEncodeError:
        return json.dumps(body, separators=(",", ":")).encode()


def _head(field: str) -> bytes:
    """Return the start of every message sent to an address given in field, up to the address's value."""
    return f'{{"messaging_product":"whatsapp","recipient_type":"individual","{field}":'.encode()


def _answer(status: int, reason: str, raw: bytes) -> dict[str, Any]:
    """Return the JSON answer of a successful call; raise GraphError with the error's code otherwise."""
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    if 200 <= status < 300:
        return data
    error = data.get("error")
    error = error if isinstance(error, dict) else {}
    code = error.get("code")
    message = str(error.get("message") or reason)[:300]
    if status == 401 or code == TOKEN_INVALID:
        metrics.TOKEN_REJECTED.labels("whatsapp").inc()
    raise GraphError(status, code if isinstance(code, int) else None, message)
