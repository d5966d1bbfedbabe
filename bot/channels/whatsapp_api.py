"""A thin Graph API client for the WhatsApp Cloud API: send a message, upload a file (the outbox sender paces)."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from bot import metrics

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 15.0
TOKEN_INVALID = 190  # Graph's OAuthException: the access token expired or was revoked


class GraphError(Exception):
    """The Graph API refused a call; branch on code (e.g. 131047 outside the window)."""

    def __init__(self, status: int, code: int | None, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message


class MediaTooLarge(Exception):
    """A media file is larger than the bot takes (said by the Graph API, or found while downloading)."""


class GraphClient:
    """Calls /{phone_number_id}/messages and /media with a bearer token."""

    def __init__(
        self,
        base_url: str,
        phone_number_id: str,
        token: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.phone_number_id = phone_number_id
        self._http = httpx.AsyncClient(
            base_url=base_url.rstrip("/"),
            headers={"Authorization": f"Bearer {token}"},
            timeout=TIMEOUT_SECONDS,
            transport=transport,
        )

    async def send(self, field: str, address: str, body: dict[str, Any]) -> str:
        """Send one message to address (field "to" for a phone-based id, "recipient" for a user id); return its id."""
        payload = {"messaging_product": "whatsapp", "recipient_type": "individual", field: address, **body}
        response = await self._http.post(f"/{self.phone_number_id}/messages", json=payload)
        data = _answer(response)
        messages = data.get("messages") or [{}]
        wamid = messages[0].get("id")
        if not isinstance(wamid, str):
            raise GraphError(response.status_code, None, "answer without a message id")
        return wamid

    async def upload(self, data: bytes, mime: str, filename: str) -> str:
        """Upload a file for a document message; return the media id."""
        files = {"file": (filename, data, mime)}
        form = {"messaging_product": "whatsapp", "type": mime}
        response = await self._http.post(f"/{self.phone_number_id}/media", data=form, files=files)
        media_id = _answer(response).get("id")
        if not isinstance(media_id, str):
            raise GraphError(response.status_code, None, "upload answer without an id")
        return media_id

    async def download_media(self, media_id: str, limit: int) -> bytes:
        """Download a file people sent: its URL from the media id, then its bytes (both with the bearer token).

        MediaTooLarge past limit bytes; GraphError or httpx.HTTPError when either call fails.
        """
        info = _answer(await self._http.get(f"/{media_id}"))
        url, size = info.get("url"), info.get("file_size")
        if isinstance(size, int) and size > limit:
            raise MediaTooLarge
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise GraphError(200, None, "media answer without a URL")
        received = bytearray()
        async with self._http.stream("GET", url) as response:
            if not response.is_success:
                raise GraphError(response.status_code, None, "media download refused")
            async for chunk in response.aiter_bytes():
                received += chunk
                if len(received) > limit:
                    raise MediaTooLarge
        return bytes(received)

    async def close(self) -> None:
        """Close the HTTP connections."""
        await self._http.aclose()


def _answer(response: httpx.Response) -> dict[str, Any]:
    """Return the JSON answer of a successful call; raise GraphError with the error's code otherwise."""
    try:
        data = response.json()
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    if response.is_success:
        return data
    error = data.get("error")
    error = error if isinstance(error, dict) else {}
    code = error.get("code")
    message = str(error.get("message") or response.reason_phrase)[:300]
    if response.status_code == 401 or code == TOKEN_INVALID:
        metrics.TOKEN_REJECTED.labels("whatsapp").inc()
    raise GraphError(response.status_code, code if isinstance(code, int) else None, message)
