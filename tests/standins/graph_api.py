"""A local stand-in for the WhatsApp Cloud API (Graph API) and the people who write to a business number.

It enforces what the real service enforces (platform-limits.md): reply buttons (1-3, titles ≤ 20 and unique),
lists (≤ 10 rows, titles ≤ 24, descriptions ≤ 72), body lengths, the 24-hour window (131047), the number's
throughput (130429) and the per-person pace (131056); it records what was accepted, and it posts signed
webhooks to the bot as simulated people write, press and read.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any

import aiohttp
from aiohttp import web

Json = dict[str, Any]

TEXT_LIMIT = 4096
BODY_LIMIT = 1024
BUTTONS = (1, 3)
BUTTON_TITLE = 20
BUTTON_ID = 256
LIST_ROWS = 10
LIST_BUTTON = 20
ROW_TITLE = 24
ROW_DESCRIPTION = 72
ROW_ID = 200
WINDOW = timedelta(hours=24)
# What the Cloud API takes as audio and images: MIME types and the largest file (documents: up to 100 MB, any type
# the bot sends).
MEDIA_LIMITS: dict[str, tuple[frozenset[str], int]] = {
    "audio": (frozenset({"audio/ogg", "audio/mpeg", "audio/mp4", "audio/aac", "audio/amr"}), 16 * 1024 * 1024),
    "image": (frozenset({"image/jpeg", "image/png"}), 5 * 1024 * 1024),
}
DOCUMENT_LIMIT = 100 * 1024 * 1024
_PATH = re.compile(r"^/v(\d+\.\d+)/([^/]+)/(messages|media)$")


class GraphError(Exception):
    """An error answer, shaped like the Graph API's."""

    def __init__(self, code: int, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status

    def response(self) -> web.Response:
        """Return the HTTP answer."""
        body = {"error": {"message": self.message, "type": "OAuthException", "code": self.code, "fbtrace_id": "Atest"}}
        return web.json_response(body, status=self.status)


@dataclass
class SentMessage:
    """A message the bot sent and the stand-in accepted."""

    wamid: str
    to: str  # the simulated user's key
    field: str  # "to" or "recipient"
    body: Json

    @property
    def type(self) -> str:
        """Return text, interactive, template, document, audio or image."""
        return str(self.body["type"])

    @property
    def kind(self) -> str:
        """Return text, button, list, template or document."""
        return str(self.body["interactive"]["type"]) if self.type == "interactive" else self.type

    @property
    def text(self) -> str:
        """Return what the person reads as the message's text."""
        if self.type == "text":
            return str(self.body["text"]["body"])
        if self.type == "interactive":
            return str(self.body["interactive"]["body"]["text"])
        if self.type == "template":
            params = [p["text"] for c in self.body["template"].get("components", []) for p in c.get("parameters", [])]
            return " ".join(params)
        return str(self.body.get(self.type, {}).get("caption", ""))

    @property
    def options(self) -> list[Json]:
        """Return the buttons or list rows, each with id, title (and description)."""
        if self.type != "interactive":
            return []
        action = self.body["interactive"]["action"]
        if self.kind == "button":
            return [b["reply"] for b in action["buttons"]]
        return [row for section in action["sections"] for row in section["rows"]]

    @property
    def labels(self) -> list[str]:
        """Return the titles of the buttons or rows."""
        return [str(o["title"]) for o in self.options]


@dataclass
class _Limit:
    """A sliding window: at most count calls per key within seconds (on the given clock)."""

    count: int
    seconds: float
    clock: Callable[[], float] = time.monotonic
    stamps: dict[str, deque[float]] = field(default_factory=dict)

    def exceeded(self, key: str) -> bool:
        now = self.clock()
        stamps = self.stamps.setdefault(key, deque())
        while stamps and now - stamps[0] >= self.seconds:
            stamps.popleft()
        if len(stamps) >= self.count:
            return True
        stamps.append(now)
        return False


class WaUser:
    """A person writing to the business number from WhatsApp."""

    def __init__(self, api: GraphApiStandIn, wa_id: str | None, user_id: str | None, name: str) -> None:
        self.api, self.wa_id, self.user_id, self.name = api, wa_id, user_id, name
        self.key = user_id or wa_id or ""
        self.last_inbound: datetime | None = None
        self._cursor = 0

    @property
    def messages(self) -> list[SentMessage]:
        """Return everything the bot sent this person."""
        return [m for m in self.api.sent if m.to == self.key]

    @property
    def last(self) -> SentMessage:
        """Return the newest message received."""
        return self.messages[-1]

    def _contact(self) -> Json:
        contact: Json = {"profile": {"name": self.name}}
        if self.wa_id:
            contact["wa_id"] = self.wa_id
        if self.user_id:
            contact["user_id"] = self.user_id
        return contact

    def message(self, type_: str, content: Json) -> Json:
        """Return a new incoming message object from this person (not yet posted)."""
        message: Json = {
            "id": self.api.new_wamid(),
            "timestamp": str(int(self.api.now().timestamp())),
            "type": type_,
            type_: content,
        }
        if self.wa_id:
            message["from"] = self.wa_id
        if self.user_id:
            message["from_user_id"] = self.user_id
        return message

    async def post(self, *messages: Json) -> int:
        """Deliver messages from this person in one webhook; return the bot's HTTP status."""
        self.last_inbound = self.api.now()
        value = {"messaging_product": "whatsapp", "metadata": self.api.metadata(), "contacts": [self._contact()]}
        value["messages"] = list(messages)
        return await self.api.post_webhook({"field": "messages", "value": value})

    async def send_voice(self, data: bytes) -> str:
        """Record a voice note in WhatsApp (OGG/Opus); return its message id."""
        return await self._send_media("audio", data, "audio/ogg; codecs=opus", {"voice": True})

    async def send_audio(self, data: bytes, mime: str = "audio/mpeg") -> str:
        """Send an audio file; return its message id."""
        return await self._send_media("audio", data, mime, {"voice": False})

    async def send_image(self, data: bytes, caption: str | None = None) -> str:
        """Send a photo; return its message id."""
        return await self._send_media("image", data, "image/jpeg", {"caption": caption} if caption else {})

    async def send_document(
        self, name: str, data: bytes, mime: str, caption: str | None = None, *, size: int | None = None
    ) -> str:
        """Send a document (size: what the Graph API reports, for a file too large to make); return its id."""
        extra: Json = {"filename": name, **({"caption": caption} if caption else {})}
        return await self._send_media("document", data, mime, extra, size=size)

    async def _send_media(self, kind: str, data: bytes, mime: str, extra: Json, *, size: int | None = None) -> str:
        media_id = self.api.receive_media(data, mime, size)
        content = {"id": media_id, "mime_type": mime, "sha256": hashlib.sha256(data).hexdigest(), **extra}
        message = self.message(kind, content)
        await self.post(message)
        return str(message["id"])

    async def send(self, text: str) -> str:
        """Type a text; return its message id."""
        message = self.message("text", {"body": text})
        await self.post(message)
        return str(message["id"])

    async def press(self, label_or_id: str) -> str:
        """Press a button or list row of the newest interactive message that has it (title, id or part of a title)."""
        for sent in reversed(self.messages):
            option = _find_option(sent.options, label_or_id)
            if option is not None:
                return await self.press_option(sent.kind, option["id"], option["title"])
        raise AssertionError(f"no button {label_or_id!r}; last labels {self.last.labels if self.messages else []}")

    async def press_option(self, kind: str, option_id: str, title: str = "") -> str:
        """Send an interactive answer with any id (also forged or stale ones)."""
        reply_type = "button_reply" if kind == "button" else "list_reply"
        message = self.message("interactive", {"type": reply_type, reply_type: {"id": option_id, "title": title}})
        await self.post(message)
        return str(message["id"])

    async def wait_messages(self, n: int = 1, timeout: float = 5.0) -> list[SentMessage]:  # noqa: ASYNC109
        """Wait for n new messages since the last wait."""
        try:
            await self.api.wait_for(lambda: len(self.messages) - self._cursor >= n, timeout)
        except TimeoutError:
            got = [(m.kind, m.text[:60], m.labels) for m in self.messages[self._cursor :]]
            raise TimeoutError(f"{self.key}: expected {n} new messages, got {got}") from None
        batch = self.messages[self._cursor : self._cursor + n]
        self._cursor += n
        return batch

    def new(self) -> list[SentMessage]:
        """Return the messages since the last wait or call, and move past them."""
        batch = self.messages[self._cursor :]
        self._cursor += len(batch)
        return batch


def _find_option(options: list[Json], wanted: str) -> Json | None:
    for test in (lambda o: o["title"] == wanted, lambda o: o["id"] == wanted, lambda o: wanted in o["title"]):
        match = next((o for o in options if test(o)), None)
        if match is not None:
            return match
    return None


class GraphApiStandIn:
    """The Graph API on 127.0.0.1, plus signed webhooks to the bot."""

    def __init__(
        self,
        *,
        token: str,
        app_secret: str,
        phone_number_id: str = "100200300",
        clock: Callable[[], datetime] | None = None,
        templates: dict[str, set[str]] | None = None,
        number_rate: int = 80,
        pair_limit: tuple[int, float] = (45, 6.0),
        webhook_client: Callable[[], aiohttp.ClientSession] = aiohttp.ClientSession,
    ) -> None:
        self.token, self.app_secret, self.phone_number_id = token, app_secret, phone_number_id
        self.now = clock or (lambda: datetime.now(UTC))
        self.templates = templates if templates is not None else {"ogp_update": {"ar"}}
        self.business_account_id = "WABA1"
        self.template_status: dict[tuple[str, str], str] = {}  # (name, language) -> status other than APPROVED
        self.number_limit = _Limit(number_rate, 1.0)
        # The pace per person follows the test's clock, so a test can wait it out without sleeping.
        self.pair_limit = _Limit(*pair_limit, clock=lambda: self.now().timestamp())
        self.webhook_url: str | None = None
        self.sent: list[SentMessage] = []
        self.refused: list[tuple[Json, int]] = []  # bodies refused, with the error code
        self.media: dict[str, tuple[str, bytes]] = {}  # uploaded by the bot: name, bytes
        self.media_types: dict[str, str] = {}  # uploaded by the bot: MIME type
        self.incoming_media: dict[str, tuple[str, bytes, int]] = {}  # sent by people: MIME type, bytes, size
        self.downloads: list[str] = []  # media ids the bot downloaded, in order
        self._download_faults: deque[int] = deque()
        self.webhooks: list[tuple[bytes, int]] = []  # bodies posted to the bot, with its answer
        self.users: dict[str, WaUser] = {}
        self.blocked: set[str] = set()
        self._faults: deque[int] = deque()
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self._webhook_client = webhook_client  # how webhooks reach the bot (through a proxy's HTTPS, say)
        self.port = 0

    @property
    def base_url(self) -> str:
        """Return what OGP_WHATSAPP_API_URL should be."""
        return f"http://127.0.0.1:{self.port}/v23.0"

    async def __aenter__(self) -> GraphApiStandIn:
        app = web.Application(client_max_size=200 * 1024 * 1024)
        app.router.add_post("/{version}/{phone}/{what}", self._handle)
        app.router.add_get("/media-download/{media_id}", self._media_download)
        app.router.add_get("/{version}/{account}/message_templates", self._message_templates)
        app.router.add_get("/{version}/{media_id}", self._media_info)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- the simulated side -------------------------------------------------------------------------

    def user(self, wa_id: str | None = "962790000001", *, user_id: str | None = None, name: str = "سلمى") -> WaUser:
        """Return a person (created on first use)."""
        person = WaUser(self, wa_id, user_id, name)
        return self.users.setdefault(person.key, person)

    def new_wamid(self) -> str:
        """Return a fresh message id."""
        return f"wamid.TEST{next(self._ids):08d}"

    def metadata(self) -> Json:
        """Return the metadata every webhook carries."""
        return {"display_phone_number": "96265000000", "phone_number_id": self.phone_number_id}

    def sign(self, body: bytes) -> str:
        """Return the X-Hub-Signature-256 header value for a body."""
        return "sha256=" + hmac.new(self.app_secret.encode(), body, hashlib.sha256).hexdigest()

    async def post_webhook(self, *changes: Json) -> int:
        """Post a signed webhook with the given changes; return the bot's HTTP status."""
        payload = {"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": list(changes)}]}
        body = json.dumps(payload, ensure_ascii=False).encode()
        return await self.post_raw(body, self.sign(body))

    async def post_raw(self, body: bytes, signature: str | None, extra: dict[str, str] | None = None) -> int:
        """Post any body with any signature header (None: no header), and extra headers; return the bot's status."""
        assert self.webhook_url is not None, "set api.webhook_url first"
        if self._session is None:  # made at the first post: the bot (or a proxy before it) may start after this
            self._session = self._webhook_client()
        headers = {"Content-Type": "application/json", **(extra or {})}
        if signature is not None:
            headers["X-Hub-Signature-256"] = signature
        async with self._session.post(self.webhook_url, data=body, headers=headers) as response:
            await response.read()
            self.webhooks.append((body, response.status))
            return response.status

    async def post_status(self, wamid: str, status: str, *, error_code: int | None = None) -> int:
        """Tell the bot what became of one of its messages."""
        sent = next(m for m in self.sent if m.wamid == wamid)
        item: Json = {"id": wamid, "status": status, "timestamp": str(int(self.now().timestamp()))}
        item["recipient_id"] = sent.to
        if error_code is not None:
            item["errors"] = [{"code": error_code, "title": "test failure"}]
        value = {"messaging_product": "whatsapp", "metadata": self.metadata(), "statuses": [item]}
        return await self.post_webhook({"field": "messages", "value": value})

    def block(self, key: str) -> None:
        """Make a person unreachable (131026)."""
        self.blocked.add(key)

    def receive_media(self, data: bytes, mime: str, size: int | None = None) -> str:
        """Keep a file a person sent, as WhatsApp does until the business downloads it; return its media id."""
        media_id = f"{next(self._ids):015d}"
        self.incoming_media[media_id] = (mime, data, size if size is not None else len(data))
        return media_id

    def fail_downloads(self, count: int, status: int = 500) -> None:
        """The next `count` media downloads fail with that HTTP status."""
        self._download_faults.extend([status] * count)

    def fail_next(self, code: int, count: int = 1) -> None:
        """Refuse the next count sends with an error code."""
        self._faults.extend([code] * count)

    async def wait_for(self, predicate: Callable[[], bool], timeout: float | None) -> None:  # noqa: ASYNC109
        """Wait until predicate holds (checked whenever something is sent)."""
        async with asyncio.timeout(timeout):
            async with self._changed:
                await self._changed.wait_for(predicate)

    # --- the Graph API side -------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        match = _PATH.match(request.path)
        if match is None:
            return GraphError(100, "Unknown path", 404).response()
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return GraphError(190, "Invalid OAuth access token", 401).response()
        if match.group(2) != self.phone_number_id:
            return GraphError(100, "Unsupported post request: unknown phone number id").response()
        if match.group(3) == "media":
            return await self._upload(request)
        try:
            body = await request.json()
        except ValueError:
            return GraphError(100, "Invalid JSON").response()
        try:
            sent = self._accept(body)
        except GraphError as error:
            self.refused.append((body, error.code))
            return error.response()
        async with self._changed:
            self.sent.append(sent)
            self._changed.notify_all()
        contact = {"input": body.get("to") or body.get("recipient"), "wa_id": sent.to}
        return web.json_response(
            {"messaging_product": "whatsapp", "contacts": [contact], "messages": [{"id": sent.wamid}]}
        )

    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {self.token}"

    async def _media_info(self, request: web.Request) -> web.Response:
        """GET /{version}/{media-id}: where to download a file a person sent (the URL needs the token too)."""
        if not self._authorised(request):
            return GraphError(190, "Invalid OAuth access token", 401).response()
        media_id = request.match_info["media_id"]
        if media_id == self.phone_number_id:
            return web.json_response({"display_phone_number": "+962 6 500 0000", "id": media_id})
        found = self.incoming_media.get(media_id)
        if found is None:
            return GraphError(100, "Unsupported get request: the media does not exist").response()
        mime, data, size = found
        url = f"http://127.0.0.1:{self.port}/media-download/{media_id}"
        body = {"messaging_product": "whatsapp", "url": url, "mime_type": mime, "file_size": size, "id": media_id}
        return web.json_response({**body, "sha256": hashlib.sha256(data).hexdigest()})

    async def _message_templates(self, request: web.Request) -> web.Response:
        """GET /{version}/{waba-id}/message_templates?name=...: the account's templates, one entry per language."""
        if not self._authorised(request):
            return GraphError(190, "Invalid OAuth access token", 401).response()
        if request.match_info["account"] != self.business_account_id:
            return GraphError(100, "Unsupported get request: unknown business account").response()
        wanted = request.query.get("name")
        data = [
            {"name": name, "language": code, "status": self.template_status.get((name, code), "APPROVED")}
            for name, codes in self.templates.items()
            if wanted in (None, name)
            for code in sorted(codes)
        ]
        return web.json_response({"data": data})

    async def _media_download(self, request: web.Request) -> web.Response:
        """GET the media URL: the file's bytes, for a request with the bearer token only."""
        if not self._authorised(request):
            return web.Response(status=401, text="unauthorised")
        found = self.incoming_media.get(request.match_info["media_id"])
        if found is None:
            return web.Response(status=404, text="not found")
        if self._download_faults:
            return web.Response(status=self._download_faults.popleft(), text="injected failure")
        self.downloads.append(request.match_info["media_id"])
        return web.Response(body=found[1], content_type=found[0].split(";")[0])

    async def _upload(self, request: web.Request) -> web.Response:
        form = await request.post()
        upload = form.get("file")
        if form.get("messaging_product") != "whatsapp" or not isinstance(upload, web.FileField):
            return GraphError(100, "messaging_product and file are required").response()
        mime = str(form.get("type") or "")
        data = upload.file.read()
        kind = next((k for k, (mimes, _) in MEDIA_LIMITS.items() if mime in mimes), None)
        if len(data) > (MEDIA_LIMITS[kind][1] if kind else DOCUMENT_LIMIT):
            return GraphError(131053, "Media upload error: the file is larger than the type allows").response()
        media_id = f"media{next(self._ids)}"
        self.media[media_id] = (upload.filename, data)
        self.media_types[media_id] = mime
        return web.json_response({"id": media_id})

    def _accept(self, body: Json) -> SentMessage:
        if body.get("messaging_product") != "whatsapp":
            raise GraphError(100, "messaging_product must be whatsapp")
        person = self._recipient(body)
        if self._faults:
            raise GraphError(self._faults.popleft(), "injected failure")
        kind = body.get("type")
        check = {"text": _check_text, "interactive": _check_interactive, "template": self._check_template}
        if kind in ("document", "audio", "image"):
            self._check_media(body, str(kind))
        else:
            check.get(str(kind), _unknown_type)(body)
        if kind != "template" and not self._in_window(person):
            raise GraphError(131047, "Re-engagement message: more than 24 hours since the customer last replied")
        if self.number_limit.exceeded(self.phone_number_id):
            raise GraphError(130429, "Rate limit hit: too many messages for this phone number")
        if self.pair_limit.exceeded(person.key):
            raise GraphError(131056, "Pair rate limit hit: too many messages to this user")
        field_name = "recipient" if "recipient" in body else "to"
        return SentMessage(self.new_wamid(), person.key, field_name, body)

    def _recipient(self, body: Json) -> WaUser:
        to, recipient = body.get("to"), body.get("recipient")
        if (to is None) == (recipient is None):
            raise GraphError(100, "exactly one of to and recipient is required")
        if recipient is not None:
            person = next((u for u in self.users.values() if u.user_id == recipient), None)
        else:
            person = next((u for u in self.users.values() if u.wa_id == to), None)
        if person is None or person.key in self.blocked:
            raise GraphError(131026, "Message undeliverable")
        return person

    def _in_window(self, person: WaUser) -> bool:
        return person.last_inbound is not None and self.now() - person.last_inbound < WINDOW

    def _check_media(self, body: Json, kind: str) -> None:
        """A media message by the id of an upload of a type this message type takes (or a link)."""
        part = body.get(kind) or {}
        media_id = part.get("id")
        if media_id not in self.media and not part.get("link"):
            raise GraphError(131053, "Media upload error: unknown media id")
        if (
            kind in MEDIA_LIMITS
            and media_id in self.media
            and self.media_types.get(media_id) not in MEDIA_LIMITS[kind][0]
        ):
            raise GraphError(131053, f"Media upload error: a {self.media_types.get(media_id)} file is not {kind}")
        if "caption" in part:
            if kind == "audio":
                raise GraphError(100, "audio messages take no caption")
            _bounded(part["caption"], 1, BODY_LIMIT, "caption")

    def _check_template(self, body: Json) -> None:
        template = body.get("template") or {}
        languages = self.templates.get(template.get("name", ""))
        if languages is None:
            raise GraphError(132001, "Template name does not exist in the translation")
        if template.get("language", {}).get("code") not in languages:
            raise GraphError(132001, "Template does not exist in this language")
        for component in template.get("components", []):
            for parameter in component.get("parameters", []):
                text = parameter.get("text", "")
                if "\n" in text or "\t" in text or "     " in text or len(text) > BODY_LIMIT:
                    raise GraphError(132018, "Template parameter has new lines, tabs, 5 spaces or is too long")


def _bounded(value: Any, low: int, high: int, what: str) -> None:
    if not isinstance(value, str) or not low <= len(value) <= high:
        length = len(value) if isinstance(value, str) else None
        raise GraphError(131009, f"Parameter value is not valid: {what} must be {low}-{high} characters, got {length}")


def _check_text(body: Json) -> None:
    _bounded((body.get("text") or {}).get("body"), 1, TEXT_LIMIT, "text.body")


def _check_interactive(body: Json) -> None:
    interactive = body.get("interactive") or {}
    _bounded((interactive.get("body") or {}).get("text"), 1, BODY_LIMIT, "interactive.body.text")
    action = interactive.get("action") or {}
    if interactive.get("type") == "button":
        _check_buttons(action.get("buttons") or [])
    elif interactive.get("type") == "list":
        _check_list(action)
    else:
        raise GraphError(100, "interactive.type must be button or list")


def _check_buttons(buttons: list[Json]) -> None:
    if not BUTTONS[0] <= len(buttons) <= BUTTONS[1]:
        raise GraphError(131009, f"buttons: 1-3 allowed, got {len(buttons)}")
    titles = [b.get("reply", {}).get("title") for b in buttons]
    ids = [b.get("reply", {}).get("id") for b in buttons]
    for title, button_id in zip(titles, ids, strict=True):
        _bounded(title, 1, BUTTON_TITLE, "button title")
        _bounded(button_id, 1, BUTTON_ID, "button id")
    if len(set(titles)) != len(titles) or len(set(ids)) != len(ids):
        raise GraphError(131009, "button titles and ids must be unique")


def _check_list(action: Json) -> None:
    _bounded(action.get("button"), 1, LIST_BUTTON, "list button")
    rows = [row for section in action.get("sections") or [] for row in section.get("rows") or []]
    if not 1 <= len(rows) <= LIST_ROWS:
        raise GraphError(131009, f"list rows: 1-10 allowed, got {len(rows)}")
    for row in rows:
        _bounded(row.get("id"), 1, ROW_ID, "row id")
        _bounded(row.get("title"), 1, ROW_TITLE, "row title")
        if "description" in row:
            _bounded(row["description"], 1, ROW_DESCRIPTION, "row description")
    if len({row["id"] for row in rows}) != len(rows):
        raise GraphError(131009, "row ids must be unique")


def _unknown_type(body: Json) -> None:
    raise GraphError(100, f"unsupported message type {body.get('type')!r}")
