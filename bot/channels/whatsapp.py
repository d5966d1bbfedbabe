"""WhatsApp through the Cloud API: signed webhooks become Incoming events, outbox rows become Graph API messages."""

from __future__ import annotations

import asyncio
import hmac
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache
from typing import Any

import aiosqlite
from aiohttp import web

from bot.channels.whatsapp_api import GraphClient, GraphError, GraphUnreachable, MediaTooLarge
from bot.channels.whatsapp_render import Labels, document_body, media_body, render, template_body
from bot.channels.whatsapp_webhook import (
    CHANNEL,
    SIGNATURE_HEADER,
    Inbound,
    MalformedPayload,
    Payload,
    Status,
    parse_payload,
    parse_timestamp,
    signature_valid,
    to_inbound,
)
from bot.clock import Clock
from bot.core import Core
from bot.downloads import FetchFailed, TooBig
from bot.logs import add_secret
from bot.retention import EVENTS_KEPT
from bot.transport import Delivery, Outcome, Pacing
from bot.web import WebServer
from handlers.contract import Incoming, Reply
from messages import Messages, load_messages
from storage import events, outbox, participants, whatsapp
from storage.database import Database
from storage.files import FileStore
from storage.filetypes import AUDIO, Format
from storage.models import OutboxRow, WaContact

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/whatsapp/webhook"
# Message ids are kept this long (bot/retention.py); an older message could run twice, so it is not run at all.
REPLAY_WINDOW = EVENTS_KEPT
WINDOW = timedelta(hours=24)
WINDOW_MARGIN = timedelta(minutes=2)  # a message queued at 23:59 may reach Meta after the window closed
TEMPLATE_PART = -1
# Graph API error codes (platform-limits.md).
OUTSIDE_WINDOW = 131047
UNDELIVERABLE = 131026
# A retry_after makes the sender hold the whole channel in place: right for limits on the number or the app.
RETRY_AFTER: dict[int, float] = {
    130429: 1.0,  # the number's throughput (80/s) exceeded
    4: 60.0,  # the app's call rate
    80007: 60.0,  # the business account's rate
    131016: 30.0,  # service unavailable
    133004: 30.0,  # server temporarily unavailable
}
# Limits on one person or one message: the row alone goes back to the queue with the sender's backoff.
RETRY_ALONE = frozenset({131056, 131000})  # too many messages to this person (≈ 1 per 6 s); a passing error


@dataclass(frozen=True)
class Templates:
    """Approved templates for messages outside the 24-hour window, by outbox kind."""

    default: str = ""
    by_kind: Mapping[str, str] | None = None
    language: str = "ar"
    by_reader: Mapping[str, str] | None = None  # the template's language code per reader's language

    def for_kind(self, kind: str) -> str:
        """Return the template name for a kind of message ("" when none: hold it)."""
        return (self.by_kind or {}).get(kind) or self.default

    def language_for(self, reader: str | None) -> str:
        """Return the template language to send to someone who reads reader (the default one when not listed)."""
        return (self.by_reader or {}).get(reader or "") or self.language


def address_of(recipient: str, contact: WaContact | None) -> tuple[str, str]:
    """Return the Graph API field and value that address a person: "recipient" for a user id, "to" for a wa_id."""
    if contact is not None and contact.user_id == recipient:
        return "recipient", recipient
    if contact is None and not recipient.isdigit():
        return "recipient", recipient
    return "to", recipient


def in_window(contact: WaContact | None, now: datetime) -> bool:
    """Tell whether free-form messages may still reach the contact."""
    return contact is not None and now - contact.last_inbound_at < WINDOW - WINDOW_MARGIN


class WhatsAppTransport:
    """Sends outbox rows as Graph API messages; templates or holds what falls outside the window."""

    channel = CHANNEL

    def __init__(
        self,
        db: Database,
        clock: Clock,
        client: GraphClient,
        templates: Templates,
        pacing: Pacing,
        store: FileStore | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.client = client
        self.templates = templates
        self.pacing = pacing
        self.store = store

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Send the messages that draw one reply, skipping any a previous attempt already sent."""
        if not row.id:
            return await self._deliver_unsaved(row, reply)
        async with self.db.transaction() as conn:
            contact = await whatsapp.get_contact(conn, row.recipient)
            done = await whatsapp.parts_done(conn, row.id)
        field, address = address_of(row.recipient, contact)
        if not in_window(contact, self.clock.now()):
            return await self._outside_window(row, reply, field, address)
        try:
            last = await self._send_parts(row, reply, field, address, done)
        except GraphError as error:
            return await self._on_error(row, reply, field, address, error)
        except GraphUnreachable as error:
            return Delivery(Outcome.RETRY, error=f"network: {error}")
        return Delivery(Outcome.SENT, channel_msg_id=last)

    async def _deliver_unsaved(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Send a reply that has no outbox row (the database is failing): no contact, no record, just the message.

        The person has just written, so the 24-hour window is open.
        """
        field, address = address_of(row.recipient, None)
        last = None
        try:
            for body in render(reply, labels_for(reply.language), row.id):
                last = await self.client.send(field, address, body)
        except GraphError as error:
            return Delivery(Outcome.FAILED, error=f"whatsapp {error.status} {error.code}: {error.message}")
        except GraphUnreachable as error:
            return Delivery(Outcome.FAILED, error=f"network: {error}")
        return Delivery(Outcome.SENT, channel_msg_id=last)

    async def _send_parts(self, row: OutboxRow, reply: Reply, field: str, address: str, done: set[int]) -> str | None:
        first = reply.document is not None or reply.media is not None  # the file goes first, then the text
        bodies: list[dict[str, Any] | None] = [None] if first else []
        bodies += render(reply, labels_for(reply.language), row.id)
        last = None
        for part, body in enumerate(bodies):
            if part in done:
                continue
            body = body if body is not None else await self._file_body(reply)
            if body is None:  # a stored file erased since the message was queued: its text goes alone
                continue
            last = await self.client.send(field, address, body)
            await self._record(last, row.id, part)
        return last

    async def _file_body(self, reply: Reply) -> dict[str, Any] | None:
        if reply.document is not None:
            return await self._document(reply)
        assert reply.media is not None  # noqa: S101 - only called for replies with a file
        media = reply.media
        data = await asyncio.to_thread(self.store.read, media.sha256) if self.store is not None else None
        if data is None:
            log.info("whatsapp: a stored file was erased before it could be sent; its text goes alone")
            return None
        media_id = await self.client.upload(data, media.mime, media.name)
        return media_body(_media_kind(media.format), media_id, media.name)

    async def _document(self, reply: Reply) -> dict[str, Any]:
        assert reply.document is not None  # noqa: S101 - only called for replies with a document
        doc = reply.document
        media_id = await self.client.upload(doc.data, doc.mime, doc.filename)
        return document_body(media_id, doc.filename, doc.caption)

    async def _record(self, wamid: str, outbox_id: int, part: int, *, template: bool = False) -> None:
        async with self.db.transaction() as conn:
            await whatsapp.record_sent(conn, wamid, outbox_id, part, self.clock.now(), template=template)

    async def _on_error(self, row: OutboxRow, reply: Reply, field: str, address: str, error: GraphError) -> Delivery:
        code = error.code or 0
        text = f"whatsapp {error.status} {code}: {error.message}"
        if code == OUTSIDE_WINDOW:
            return await self._outside_window(row, reply, field, address)
        if code == UNDELIVERABLE:
            return Delivery(Outcome.UNREACHABLE, error=text)
        if code in RETRY_AFTER:
            return Delivery(Outcome.RETRY, retry_after=RETRY_AFTER[code], error=text)
        if code in RETRY_ALONE:
            return Delivery(Outcome.RETRY, error=text)
        if error.status >= 500 or error.status == 401:
            return Delivery(Outcome.RETRY, error=text)  # Meta's trouble, or a token being renewed
        return Delivery(Outcome.FAILED, error=text)

    async def _outside_window(self, row: OutboxRow, reply: Reply, field: str, address: str) -> Delivery:
        """Send the approved template instead, or hold the message until the person writes again."""
        name = self.templates.for_kind(row.kind)
        if not name:
            return Delivery(Outcome.HELD, error="outside the 24-hour window; no template configured")
        try:
            language = self.templates.language_for(reply.language)
            wamid = await self.client.send(field, address, template_body(name, language, reply.text))
        except GraphError as error:
            if error.code in RETRY_AFTER or error.code in RETRY_ALONE:
                return Delivery(Outcome.RETRY, retry_after=RETRY_AFTER.get(error.code or 0), error=str(error))
            if error.code == UNDELIVERABLE:
                return Delivery(Outcome.UNREACHABLE, error=str(error))
            return Delivery(Outcome.HELD, error=f"outside the 24-hour window; template {name} refused: {error}")
        except GraphUnreachable as error:
            return Delivery(Outcome.RETRY, error=f"network: {error}")
        await self._record(wamid, row.id, TEMPLATE_PART, template=True)
        return Delivery(Outcome.SENT, channel_msg_id=wamid)


def _voice(incoming: Incoming) -> bool:
    """Tell whether an event carries a voice note or an audio file."""
    return incoming.attachment is not None and incoming.attachment.kind in ("voice", "audio")


def _media_kind(format: str) -> str:
    """Return how WhatsApp sends a stored file: audio, image or document."""
    if Format(format) in AUDIO:
        return "audio"
    return "image" if format in (Format.JPEG, Format.PNG) else "document"


def labels_from(messages: Messages) -> Labels:
    """Resolve the renderer's own words from the catalogue."""
    return Labels(list_button=messages.t("wa-list-button"), more=messages.t("wa-more"), choose=messages.t("wa-choose"))


@cache
def labels_for(language: str) -> Labels:
    """Return the renderer's own words in the language a reply is written in."""
    return labels_from(load_messages(language))


class WhatsAppChannel:
    """Serves the webhook on the shared web server and registers the WhatsApp transport with the sender."""

    def __init__(self, core: Core, server: WebServer, client: GraphClient | None = None) -> None:
        settings = core.settings
        if not settings.whatsapp_enabled:
            raise ValueError("set OGP_WHATSAPP_TOKEN, OGP_WHATSAPP_PHONE_NUMBER_ID, _APP_SECRET and _VERIFY_TOKEN")
        assert settings.whatsapp_token and settings.whatsapp_phone_number_id  # noqa: S101 - checked above
        assert settings.whatsapp_app_secret and settings.whatsapp_verify_token  # noqa: S101 - checked above
        self.core = core
        self.server = server
        self.secret = settings.whatsapp_app_secret.get_secret_value().encode()
        self.verify_token = settings.whatsapp_verify_token.get_secret_value()
        for secret in (settings.whatsapp_app_secret, settings.whatsapp_verify_token, settings.whatsapp_token):
            add_secret(secret.get_secret_value())  # in case a client library ever logs one at DEBUG
        self.client = client or GraphClient(
            settings.whatsapp_api_url,
            settings.whatsapp_phone_number_id,
            settings.whatsapp_token.get_secret_value(),
        )
        templates = Templates(
            settings.whatsapp_template,
            dict(settings.whatsapp_templates),
            settings.whatsapp_template_language,
            dict(settings.whatsapp_template_languages),
        )
        pacing = Pacing(
            per_second=settings.whatsapp_per_user_rate,
            burst=settings.whatsapp_per_user_burst,
            overall_per_second=settings.whatsapp_rate,
        )
        self.transport = WhatsAppTransport(core.db, core.clock, self.client, templates, pacing, core.receiver.store)
        self._locks: dict[str, asyncio.Lock] = {}
        self._behind = False  # a stored webhook failed to process: the next one catches up first
        self._recovering = asyncio.Lock()
        server.add_route("GET", WEBHOOK_PATH, self.verify)
        server.add_route("POST", WEBHOOK_PATH, self.receive)

    async def start(self) -> None:
        """Register the transport, then handle the webhooks stored but not processed before a stop or a crash."""
        self.core.sender.add_transport(self.transport)
        await self._recover()
        log.info("whatsapp: webhook at %s", WEBHOOK_PATH)

    async def stop(self) -> None:
        """Close the Graph API client."""
        await self.client.close()

    async def verify(self, request: web.Request) -> web.Response:
        """Answer Meta's verification handshake: the challenge back when the verify token matches."""
        query = request.query
        token = query.get("hub.verify_token", "")
        if query.get("hub.mode") != "subscribe" or not hmac.compare_digest(token.encode(), self.verify_token.encode()):
            return web.Response(status=403, text="forbidden")
        return web.Response(text=query.get("hub.challenge", ""))

    async def receive(self, request: web.Request) -> web.Response:
        """Check the signature, store the raw body, answer; process from the stored copy in the background.

        Meta does not send a webhook again once it got a 200, so the 200 comes only after the body is committed; a
        crash after that is made good at the next start (start()), and one the database failed to process is taken
        again, in order, before the next webhook. Messages already handled are skipped by id.
        """
        header = request.headers.get(SIGNATURE_HEADER)
        if not header:
            return web.Response(status=401, text="missing signature")  # before reading a byte of the body
        body = await self.server.read_body(request)
        if not signature_valid(self.secret, body, header):
            log.warning("whatsapp: webhook with a wrong signature refused")
            return web.Response(status=403, text="bad signature")
        try:
            payload = parse_payload(body)
        except MalformedPayload as error:
            log.warning("whatsapp: malformed webhook refused (%s)", error)
            return web.Response(status=400, text="malformed")
        if not payload.has_work():
            return web.Response(text="ok")
        try:
            async with self.core.db.transaction() as conn:
                stored = await whatsapp.store_webhook(conn, body, self.core.clock.now())
        except sqlite3.Error as error:  # Meta sends it again later when the answer is not 200
            log.error("whatsapp: could not store a webhook (%s); answering 503", error)
            return web.Response(status=503, text="try again")
        self.server.spawn(self._take(stored, payload), name="whatsapp-webhook")
        return web.Response(text="ok")

    async def _take(self, stored: int, payload: Payload) -> None:
        """Process a webhook just stored; when earlier ones wait (the database failed), all of them in order."""
        if self._behind or self._recovering.locked():
            await self._recover()
        else:
            await self._process_stored(stored, payload)

    async def _recover(self) -> None:
        """Process what was stored but not processed (before the last stop, or when the database failed), in order."""
        async with self._recovering:
            self._behind = False
            try:
                async with self.core.db.transaction() as conn:
                    leftovers = await whatsapp.stored_webhooks(conn)
            except sqlite3.Error as error:
                self._behind = True
                log.error("whatsapp: could not read the stored webhooks (%s); trying again with the next one", error)
                return
            await self._process_all(leftovers)

    async def _process_all(self, leftovers: list[tuple[int, bytes]]) -> None:
        """Process stored webhooks in order, stopping at one the database failed (the rest wait behind it)."""
        for done, (stored, body) in enumerate(leftovers):
            try:
                payload = parse_payload(body)
            except MalformedPayload:  # it was read once before it was stored; nothing to do with it now
                payload = Payload()
            if not await self._process_stored(stored, payload):
                log.info("whatsapp: processed %d of %d stored webhooks", done, len(leftovers))
                return
        if leftovers:
            log.info("whatsapp: processed %d stored webhooks", len(leftovers))

    async def _process_stored(self, stored: int, payload: Payload) -> bool:
        """Process a stored webhook; drop the stored copy once every message in it was handled (False if not)."""
        if not await self.process(payload):
            self._behind = True  # taken again, in order, before the next webhook (or at the next start)
            log.error("whatsapp: stored webhook %d kept for the next webhook (the database failed)", stored)
            return False
        try:
            async with self.core.db.transaction() as conn:
                await whatsapp.drop_webhook(conn, stored)
        except sqlite3.Error as error:  # processed again later: what was handled is skipped by id
            self._behind = True
            log.error("whatsapp: could not drop stored webhook %d (%s)", stored, error)
        return True

    async def process(self, payload: Payload) -> bool:
        """Handle every message and status of every change of every entry; False when the database failed.

        A malformed message, a stale one (replayed after the dedupe window) or one that fails is skipped
        alone: the ones after it in the same post are still handled.
        """
        whole = True
        for entry in payload.entry:
            for change in entry.changes:
                value = change.value
                contacts = value.valid_contacts()
                for message in value.valid_messages():
                    inbound = to_inbound(message, contacts)
                    if inbound is None or not self._fresh(inbound):
                        continue
                    whole &= await self._handle_one(inbound)
                for status in value.valid_statuses():
                    whole &= await self._guarded(self._status(status), "status")
        return whole

    def _fresh(self, inbound: Inbound) -> bool:
        """Tell whether a message may be handled: it has a timestamp, within the window in which ids are kept."""
        now = self.core.clock.now()
        if inbound.at is None:
            log.warning("whatsapp: a message without a valid timestamp was ignored")
            return False
        if inbound.at < now - REPLAY_WINDOW:
            log.warning("whatsapp: a message older than %d days was ignored (a replay?)", REPLAY_WINDOW.days)
            return False
        return True

    async def _handle_one(self, inbound: Inbound) -> bool:
        async with self._lock(inbound.external_id):
            return await self._guarded(self._inbound(inbound), "message")

    async def _guarded(self, work: Awaitable[None], what: str) -> bool:
        """Run one item's work; log a failure and go on with the next item. False when the database failed."""
        try:
            await work
        except sqlite3.Error as error:
            log.error("whatsapp: a %s could not be stored (%s)", what, error)
            return False
        except Exception:  # one broken message must not take the rest of the post with it
            log.exception("whatsapp: a %s could not be processed", what)
        return True

    @asynccontextmanager
    async def _lock(self, key: str) -> AsyncIterator[None]:
        """Keep one person's messages in order while different people's run side by side."""
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                yield
        finally:
            if not lock.locked() and self._locks.get(key) is lock:
                del self._locks[key]

    async def _inbound(self, inbound: Inbound) -> None:
        now = self.core.clock.now()
        at = min(inbound.at or now, now)
        async with self.core.db.transaction() as conn:
            first = await whatsapp.get_contact(conn, inbound.external_id) is None
            first = first and await participants.find_by_identity(conn, CHANNEL, inbound.external_id) is None
            await whatsapp.touch_contact(conn, inbound.external_id, wa_id=inbound.wa_id, user_id=inbound.user_id, at=at)
            released = await whatsapp.release_held(conn, CHANNEL, inbound.external_id, now)
        if released:
            log.info("whatsapp: %d held messages released by a new message", released)
            self.core.sender.wake()
        incoming = inbound.incoming
        if incoming is None:
            return
        if inbound.more is not None and await self._next_page(inbound):
            return
        if first and self._starts_nothing(incoming) and not _voice(incoming):
            # WhatsApp has no /start: a newcomer's first message (a greeting, a photo) is their start. A voice note
            # is kept instead: it is offered as a recommendation once they have registered.
            incoming = replace(incoming, command="start", args="", text=None, choice=None, attachment=None)
        # A sent file is downloaded and checked first: the handler sees only the stored file.
        incoming = await self.core.receiver.receive(incoming, self._fetch)
        await self.core.dispatcher.handle(incoming)

    async def _fetch(self, media_id: str, limit: int) -> bytes:
        """Download a file people sent through the Graph API (media URL, then bytes, with the bearer token)."""
        try:
            return await self.client.download_media(media_id, limit)
        except MediaTooLarge as error:
            raise TooBig from error
        except GraphError as error:
            raise FetchFailed(f"graph {error.status} {error.code}") from error
        except GraphUnreachable as error:
            raise FetchFailed(f"network: {error}") from error

    def _starts_nothing(self, incoming: Incoming) -> bool:
        """Tell whether a message is neither a command, a button, nor a keyword the router knows."""
        if incoming.command is not None or incoming.choice is not None:
            return False
        return incoming.text is None or self.core.router.keyword(incoming.text) is None

    async def _next_page(self, inbound: Inbound) -> bool:
        """Send the next page of a long list; False when the "more" row is not one of ours (forged)."""
        assert inbound.more is not None and inbound.incoming is not None  # noqa: S101 - checked by the caller
        row_id, offset = inbound.more
        now = self.core.clock.now()
        async with self.core.db.transaction() as conn:
            row = await outbox.get(conn, row_id)
            if row is None or row.channel != CHANNEL or row.recipient != inbound.external_id:
                return False
            listed = Reply.from_payload(row.payload, None)
            choices = listed.choices[offset:]
            if not choices:
                return False
            if await events.record_event(conn, CHANNEL, inbound.incoming.event_id, now):
                more = load_messages(listed.language).t("wa-more-body")
                page = Reply(text=more, choices=choices, language=listed.language)
                await outbox.enqueue(
                    conn,
                    channel=CHANNEL,
                    recipient=row.recipient,
                    payload=page.to_payload(),
                    now=now,
                    participant_id=row.participant_id,
                )
        self.core.sender.wake()
        return True

    async def _status(self, status: Status) -> None:
        """Record sent/delivered/read/failed against our message; act on a late failure."""
        now = self.core.clock.now()
        at = parse_timestamp(status.timestamp) or now
        error = status.errors[0] if status.errors else None
        code = error.code if error else None
        async with self.core.db.transaction() as conn:
            message = await whatsapp.record_status(
                conn, status.id, status.status, at, error_code=code, error_title=error.title if error else None
            )
            if message is None or status.status != "failed":
                return
            await self._late_failure(conn, message.outbox_id, code, error.title if error else None, now)

    async def _late_failure(
        self, conn: aiosqlite.Connection, outbox_id: int, code: int | None, title: str | None, now: datetime
    ) -> None:
        text = f"whatsapp status failed {code}: {title or ''}"
        log.warning("whatsapp: outbox row %d failed after sending (code %s)", outbox_id, code)
        if code == OUTSIDE_WINDOW:
            await whatsapp.fail_outbox_late(conn, outbox_id, "held", text)
            return
        if code != UNDELIVERABLE:
            await whatsapp.fail_outbox_late(conn, outbox_id, "failed", text)
            return
        await whatsapp.fail_outbox_late(conn, outbox_id, "unreachable", text)
        row = await outbox.get(conn, outbox_id)
        if row is not None and row.participant_id is not None:
            await participants.mark_unreachable(conn, row.participant_id, now)
