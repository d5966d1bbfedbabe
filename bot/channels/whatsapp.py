"""WhatsApp through the Cloud API: signed webhooks become Incoming events, outbox rows become Graph API messages."""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache, partial
from pathlib import Path
from typing import Any

import aiosqlite
from aiohttp import web

from bot.channels.whatsapp_api import GraphClient, GraphError, GraphUnreachable, MediaTooLarge, encode_body
from bot.channels.whatsapp_render import LIST_ROWS, Labels, document_body, media_body, render, template_body
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
from bot.dispatcher import Batch
from bot.downloads import FetchFailed, TooBig
from bot.group_commit import GroupCommit
from bot.logs import add_secret
from bot.retention import EVENTS_KEPT
from bot.transport import Delivery, Outcome, Pacing
from bot.web import WebServer
from handlers.kit.contract import Incoming, Reply
from messages import Messages, language_for, load_messages
from storage import events, outbox, participants, whatsapp
from storage.database import Database, in_one_trip
from storage.files import FileStore
from storage.filetypes import AUDIO, Format
from storage.models import OutboxRow, WaContact

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/whatsapp/webhook"
# Message ids are kept this long (bot/retention.py); an older message could run twice, so it is not run at all.
REPLAY_WINDOW = EVENTS_KEPT
# Set by a crash test to a file path: the bot writes it and waits, a post handled but its stored copy not dropped.
PAUSE_ENV = "OGP_TEST_PAUSE_BEFORE_DROP"
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
BODIES_KEPT = 256  # replies kept drawn and encoded by payload: a board many people ask for is encoded once
SentPart = tuple[str, int, int, bool]  # (wamid, outbox row, part, template)
DeliveryState = tuple[WaContact | None, set[int]]  # the contact, the parts already accepted


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


async def _states(conn: aiosqlite.Connection, rows: list[tuple[str, int]]) -> list[DeliveryState]:
    return await whatsapp.delivery_states(conn, rows)


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
        self._sent: GroupCommit[SentPart, None] = GroupCommit(db, self._record_many)
        # The deliveries a pump starts together read their contacts and parts already sent in one round trip.
        self._states: GroupCommit[tuple[str, int], DeliveryState] = GroupCommit(db, _states, read_only=True)
        self._bodies: dict[tuple[str, int], list[bytes]] = {}

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Send the messages that draw one reply, skipping any a previous attempt already sent."""
        if not row.id:
            return await self._deliver_unsaved(row, reply)
        contact, done = await self._states.write((row.recipient, row.id))
        field, address = address_of(row.recipient, contact)
        if not in_window(contact, self.clock.now()):
            return await self._outside_window(row, reply, field, address)
        try:
            last = await self._send_parts(row, reply, field, address, done)
        except GraphError as error:
            return await self._on_error(row, reply, field, address, error)
        except GraphUnreachable as error:
            return Delivery(Outcome.RETRY, error=f"network: {error}")
        if last is None:
            return Delivery(Outcome.SENT)
        return Delivery(Outcome.SENT, channel_msg_id=last[0], with_mark=partial(self._record_in, [last]))

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

    async def _send_parts(
        self, row: OutboxRow, reply: Reply, field: str, address: str, done: set[int]
    ) -> SentPart | None:
        """Send the parts not sent yet; return the last one sent, whose id the sender commits with the row's mark.

        Every earlier part's id is committed before the next part goes, so a retry never repeats one.
        """
        first = reply.document is not None or reply.media is not None  # the file goes first, then the text
        bodies: list[bytes | None] = [None] if first else []
        bodies += self._encoded(row, reply)
        last: SentPart | None = None
        for part, body in enumerate(bodies):
            if part in done:
                continue
            if body is None:
                file = await self._file_body(reply)
                if file is None:  # a stored file erased since the message was queued: its text goes alone
                    continue
                body = encode_body(file)
            if last is not None:
                await self._sent.write(last)
            last = (await self.client.send_encoded(field, address, body), row.id, part, False)
        return last

    def _encoded(self, row: OutboxRow, reply: Reply) -> list[bytes]:
        """Return the encoded bodies that draw a reply's text and choices, drawn once per payload while kept."""
        key = (row.payload, row.id if len(reply.choices) > LIST_ROWS else 0)  # a "more" row names its outbox row
        bodies = self._bodies.get(key)
        if bodies is None:
            bodies = [encode_body(body) for body in render(reply, labels_for(reply.language), row.id)]
            if len(self._bodies) >= BODIES_KEPT:
                self._bodies.clear()  # a new board after a change of the data: the old ones are not asked for again
            self._bodies[key] = bodies
        return bodies

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
        """Return once the message id is committed (before the next part goes), sharing a commit with other chats."""
        await self._sent.write((wamid, outbox_id, part, template))

    async def _record_many(self, conn: aiosqlite.Connection, sent: list[SentPart]) -> list[None]:
        return await whatsapp.record_sent_many(conn, sent, self.clock.now())

    def _record_in(self, sent: list[SentPart], plain: sqlite3.Connection) -> None:
        """Record message ids in the sender's commit that marks their row as sent (on the database thread)."""
        whatsapp.record_sent_in(plain, sent, self.clock.now())

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


@dataclass(frozen=True)
class Post:
    """A webhook post ready to be handled: its messages (files stored), statuses and stored copy (None: keep it)."""

    ready: list[Inbound]
    statuses: list[Status]
    drop: int | None


class _Books:
    """A message's bookkeeping, run on the database thread in the dispatcher's first trip; keeps what it found."""

    def __init__(self, inbound: Inbound, now: datetime, ask_known: bool) -> None:
        at = min(inbound.at or now, now)
        self.contact = whatsapp.Contact(inbound.external_id, inbound.wa_id, inbound.user_id, at)
        self.now = now
        self.ask_known = ask_known  # a command or a button needs no "wrote before?"
        self.known = False
        self.released = 0

    def __call__(self, plain: sqlite3.Connection) -> None:
        self.known, self.released = whatsapp.bookkeep_in(plain, CHANNEL, self.contact, self.now, self.ask_known)


def _drop_after(plain: sqlite3.Connection, batch: Batch, drops: list[int]) -> None:
    """Make a batch's writes held back, then drop the stored posts it handled (on the database thread)."""
    batch.run_later(plain)
    whatsapp.drop_webhooks_in(plain, drops)


def _started(incoming: Incoming) -> Incoming:
    """Return a newcomer's first message as their start.

    WhatsApp has no /start: a newcomer's first message (a greeting, a photo) is their start. A voice note is kept
    instead: it is offered as a recommendation once they have registered (such messages are never asked about).
    """
    return replace(incoming, command="start", args="", text=None, choice=None, attachment=None)


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
        self._told: set[str] = set()  # messages whose file waits to be stored: the person was told
        self._pause_marker = os.environ.get(PAUSE_ENV)  # the crash test's hook; unset in production
        self._behind = False  # a stored webhook failed to process: the next one catches up first
        self._recovering = asyncio.Lock()
        # Posts that arrive while one is being stored are stored together; each is answered once its own is committed.
        self._inbox: GroupCommit[bytes, int] = GroupCommit(core.db, self._store_many)
        # Likewise posts ready to be handled: one transaction for those that are ready while another one runs.
        self._posts: GroupCommit[Post, tuple[bool, bool]] = GroupCommit(core.db, self._batch_in)
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
            stored = await self._inbox.write(body)
        except sqlite3.Error as error:  # Meta sends it again later when the answer is not 200
            log.error("whatsapp: could not store a webhook (%s); answering 503", error)
            return web.Response(status=503, text="try again")
        self.server.spawn(self._take(stored, payload), name="whatsapp-webhook")
        return web.Response(text="ok")

    async def _store_many(self, conn: aiosqlite.Connection, bodies: list[bytes]) -> list[int]:
        return await whatsapp.store_webhooks(conn, bodies, self.core.clock.now())

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
        """Process a stored webhook, its stored copy dropped in the same transaction; False when the database failed."""
        if not await self.process(payload, stored):
            self._behind = True  # taken again, in order, before the next webhook (or at the next start)
            log.error("whatsapp: stored webhook %d kept for the next webhook (the database failed)", stored)
            return False
        return True

    async def process(self, payload: Payload, stored: int | None = None) -> bool:
        """Handle a post's messages and statuses in one transaction that also drops its stored copy (False: the
        database failed).

        Files are downloaded and stored first, outside it. When anything in the transaction fails it is rolled back
        whole and each item is taken alone (as a polled Telegram batch is): a malformed, stale or failing message is
        skipped alone, the others are handled. A file that cannot be stored keeps the stored copy for a retry.
        """
        messages, statuses = self._items(payload)
        async with self._people(messages):
            try:
                ready, kept = await self._prepare(messages)
            except sqlite3.Error as error:
                log.error("whatsapp: a file could not be recorded (%s)", error)
                return False
            drop = None if kept else stored
            try:
                woke, fresh = await self._handled(Post(ready, statuses, drop))
            except Exception as error:  # the kind only: a message could quote what people typed
                log.warning(
                    "whatsapp: a post of %d items was rolled back (%s); taking each alone",
                    len(ready) + len(statuses),
                    type(error).__name__,
                )
                return await self._one_by_one(ready, statuses, drop)
        if woke:
            self.core.sender.wake()
        if fresh:
            self.core.dispatcher.on_queued()
        if kept:
            self._behind = True  # the kept post is taken again before the next webhook
        elif self._told:
            self._told.difference_update(i.incoming.event_id for i in ready if i.incoming is not None)
        return True

    def _items(self, payload: Payload) -> tuple[list[Inbound], list[Status]]:
        """Return a post's messages worth handling (decoded, fresh) and its statuses."""
        messages: list[Inbound] = []
        statuses: list[Status] = []
        for entry in payload.entry:
            for change in entry.changes:
                value = change.value
                contacts = value.valid_contacts()
                for message in value.valid_messages():
                    inbound = to_inbound(message, contacts)
                    if inbound is not None and self._fresh(inbound):
                        messages.append(inbound)
                statuses += value.valid_statuses()
        return messages, statuses

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

    @asynccontextmanager
    async def _people(self, messages: list[Inbound]) -> AsyncIterator[None]:
        """Keep each person's messages in order while different people's posts run side by side."""
        async with AsyncExitStack() as stack:
            for key in sorted({m.external_id for m in messages}):  # one order: two posts never wait on each other
                await stack.enter_async_context(self._lock(key))
            yield

    @asynccontextmanager
    async def _lock(self, key: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                yield
        finally:
            if not lock.locked() and self._locks.get(key) is lock:
                del self._locks[key]

    async def _prepare(self, messages: list[Inbound]) -> tuple[list[Inbound], bool]:
        """Download and store the files messages carry; return the messages ready and whether one had to be kept.

        A file that cannot be stored (the files folder full or unusable) is a passing failure: its message waits in
        the stored post, which is taken again; the person is told once.
        """
        ready: list[Inbound] = []
        kept = False
        for inbound in messages:
            if inbound.incoming is None or inbound.incoming.attachment is None:
                ready.append(inbound)
                continue
            try:
                ready.append(await self._take_file(inbound, inbound.incoming))
            except OSError as error:
                kept = True
                log.error("whatsapp: a file could not be stored (%s); its post is kept and taken again", error.strerror)
                await self._tell_kept(inbound.incoming)
        return ready, kept

    async def _take_file(self, inbound: Inbound, incoming: Incoming) -> Inbound:
        """Return the message with its file stored, or as it is when it is a newcomer's start (no file taken)."""
        async with self.core.db.transaction() as conn:
            first = await self._first(conn, inbound.external_id)
        if self._becomes_start(first, incoming):
            return inbound
        return replace(inbound, incoming=await self.core.receiver.receive(incoming, self._fetch))

    async def _tell_kept(self, incoming: Incoming) -> None:
        """Tell the person, once per message, that their file waits to be stored (their language)."""
        if incoming.event_id in self._told:
            return
        self._told.add(incoming.event_id)
        try:
            async with self.core.db.transaction() as conn:
                person = await participants.find_by_identity(conn, CHANNEL, incoming.user)
                chosen = person.language if person is not None else None
                messages = load_messages(chosen or language_for(incoming.language))
                reply = Reply(text=messages.t("wa-file-kept"), language=messages.language)
                now = self.core.clock.now()
                await outbox.enqueue(
                    conn,
                    channel=CHANNEL,
                    recipient=incoming.user,
                    payload=reply.to_payload(),
                    now=now,
                    participant_id=person.id if person is not None else None,
                )
        except sqlite3.Error as error:
            log.error("whatsapp: could not tell a person their file waits (%s)", error)
            return
        self.core.sender.wake()

    async def _handled(self, post: Post) -> tuple[bool, bool]:
        """Handle a post in a transaction shared with the posts ready meanwhile; alone when that one was rolled back."""
        try:
            return await self._posts.write(post)
        except Exception:  # maybe another post's failure: this one alone tells
            return await self._batch(post)

    async def _batch(self, post: Post) -> tuple[bool, bool]:
        """Handle a post alone in one transaction; return (wake the sender, queued)."""
        async with self.core.db.transaction() as conn:
            return (await self._batch_in(conn, [post]))[0]

    async def _batch_in(self, conn: aiosqlite.Connection, posts: list[Post]) -> list[tuple[bool, bool]]:
        """Handle posts in the open transaction, dropping each stored copy in it; return (woke, queued) for each."""
        results = []
        batch = Batch()  # one batch for the dispatcher, as a polled Telegram batch is
        drops: list[int] = []
        for post in posts:
            woke = fresh = False
            for inbound in post.ready:
                if inbound.incoming is not None and inbound.more is None:  # a plain message: one trip for both
                    released, handled = await self._dispatch(conn, inbound, inbound.incoming, batch)
                    woke, fresh = woke | released, fresh | handled
                    continue
                await in_one_trip(conn, batch.run_later)  # what this reads must see the answers queued before
                incoming, released = await self._bookkeep(conn, inbound)
                woke |= released
                if incoming is not None:
                    fresh |= await self.core.dispatcher.handle_in(conn, incoming, batch)
            if post.statuses:
                await in_one_trip(conn, batch.run_later)
            for status in post.statuses:
                await self._status_in(conn, status)
            if post.drop is not None:
                drops.append(post.drop)
            results.append((woke, fresh))
        await self._pause_before_drop(drops)
        # In the same transaction as the handling: a crash commits both or neither.
        await in_one_trip(conn, lambda plain: _drop_after(plain, batch, drops))
        return results

    async def _pause_before_drop(self, drops: list[int]) -> None:
        """For the crash test only: say so in the marker file, then wait there to be killed."""
        if self._pause_marker and drops:
            await asyncio.to_thread(Path(self._pause_marker).write_text, "handled, not dropped")
            await asyncio.Event().wait()

    async def _one_by_one(self, ready: list[Inbound], statuses: list[Status], drop: int | None) -> bool:
        """Take each item in its own transaction after the post's was rolled back; False when the database failed."""
        whole = True
        for inbound in ready:
            whole &= await self._guarded(self._inbound(inbound), "message")
        for status in statuses:
            whole &= await self._guarded(self._status(status), "status")
        if not whole or drop is None:
            return whole
        try:
            async with self.core.db.transaction() as conn:
                await whatsapp.drop_webhook(conn, drop)
        except sqlite3.Error as error:  # processed again later: what was handled is skipped by id
            self._behind = True
            log.error("whatsapp: could not drop stored webhook %d (%s)", drop, error)
        return True

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

    async def _inbound(self, inbound: Inbound) -> None:
        """Handle one message alone: its bookkeeping, then the dispatcher's own transaction."""
        async with self.core.db.transaction() as conn:
            incoming, released = await self._bookkeep(conn, inbound)
        if released:
            self.core.sender.wake()
        if incoming is not None:
            await self.core.dispatcher.handle(incoming)

    async def _first(self, conn: aiosqlite.Connection, external_id: str) -> bool:
        """Tell whether a number never wrote before (no contact, no registration)."""
        return not await whatsapp.known(conn, CHANNEL, external_id)

    async def _dispatch(
        self, conn: aiosqlite.Connection, inbound: Inbound, incoming: Incoming, batch: Batch
    ) -> tuple[bool, bool]:
        """Handle a message with its bookkeeping in the dispatcher's first round trip; return (released, fresh)."""
        books = _Books(inbound, self.core.clock.now(), self._may_start(incoming))

        def adapt(event: Incoming) -> Incoming:
            return _started(event) if books.ask_known and not books.known else event

        fresh = await self.core.dispatcher.handle_in(conn, incoming, batch, before=books, adapt=adapt)
        if books.released:
            log.info("whatsapp: %d held messages released by a new message", books.released)
        return bool(books.released), fresh

    async def _bookkeep(self, conn: aiosqlite.Connection, inbound: Inbound) -> tuple[Incoming | None, bool]:
        """Record that the contact wrote and release what was held; return the event to dispatch (None: nothing,
        or a next page already queued) and whether the sender has new rows."""
        now = self.core.clock.now()
        incoming = inbound.incoming
        ask = incoming is not None and self._may_start(incoming)  # a command or a button needs no "wrote before?"
        known, released = await whatsapp.bookkeep(
            conn,
            CHANNEL,
            inbound.external_id,
            wa_id=inbound.wa_id,
            user_id=inbound.user_id,
            at=min(inbound.at or now, now),
            now=now,
            ask_known=ask,
        )
        if released:
            log.info("whatsapp: %d held messages released by a new message", released)
        if incoming is None:
            return None, bool(released)
        if inbound.more is not None and await self._next_page(conn, inbound):
            return None, True
        if ask and not known:
            incoming = _started(incoming)
        return incoming, bool(released)

    def _becomes_start(self, first: bool, incoming: Incoming) -> bool:
        """Tell whether a message is a newcomer's start: neither a command, button nor keyword, and no voice."""
        return first and self._may_start(incoming)

    def _may_start(self, incoming: Incoming) -> bool:
        """Tell whether a message would be a newcomer's start if its number never wrote before."""
        return self._starts_nothing(incoming) and not _voice(incoming)

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
        """Tell whether a message is neither a command, a button, a keyword nor a join code the router knows."""
        if incoming.command is not None or incoming.choice is not None:
            return False
        if incoming.text is None:
            return True
        # A code typed as the first message (r_…, i_…, g_… from a handout) is what the newcomer came for.
        return self.core.router.keyword(incoming.text) is None and self.core.router.typed_code(incoming.text) is None

    async def _next_page(self, conn: aiosqlite.Connection, inbound: Inbound) -> bool:
        """Queue the next page of a long list; False when the "more" row is not one of ours (forged)."""
        assert inbound.more is not None and inbound.incoming is not None  # noqa: S101 - checked by the caller
        row_id, offset = inbound.more
        now = self.core.clock.now()
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
        return True

    async def _status(self, status: Status) -> None:
        """Record one status alone."""
        async with self.core.db.transaction() as conn:
            await self._status_in(conn, status)

    async def _status_in(self, conn: aiosqlite.Connection, status: Status) -> None:
        """Record sent/delivered/read/failed against our message; act on a late failure."""
        now = self.core.clock.now()
        at = parse_timestamp(status.timestamp) or now
        error = status.errors[0] if status.errors else None
        code = error.code if error else None
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
