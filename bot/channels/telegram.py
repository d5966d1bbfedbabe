"""Telegram through python-telegram-bot: updates become Incoming events, outbox rows become messages."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

from telegram import Bot, BotCommand, BotCommandScopeChat, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.request import BaseRequest, HTTPXRequest

from bot.channels.aiohttp_request import AiohttpRequest
from bot.channels.pieces import split_text
from bot.channels.telegram_calls import BotCalls, Json
from bot.channels.telegram_files import MediaGone, TelegramFiles
from bot.channels.telegram_lanes import ChatLanes
from bot.channels.telegram_render import CAPTION_LIMIT, TEXT_LIMIT, keyboard, keyboard_json
from bot.channels.telegram_updates import Poller, UnreadableUpdate, WebhookReceiver
from bot.core import Core
from bot.logs import add_secret
from bot.transport import Delivery, Outcome, Pacing
from bot.web import WebServer
from handlers.joining import roles
from handlers.kit.contract import Attachment, Incoming, Reply
from messages import DEFAULT_LANGUAGE, LANGUAGES, Messages, load_messages
from storage.models import OutboxRow

log = logging.getLogger(__name__)

CHANNEL = "telegram"
NOT_MODIFIED = "message is not modified"
POOL_TIMEOUT = 10.0  # seconds a request may wait for a free connection


def to_incoming(update: Json) -> Incoming | None:
    """Decode a private-chat update (a dict as the Bot API sends it); None for what the bot ignores.

    Groups, channels, bots, edits and anything without a private chat are ignored; a field of the wrong type
    raises UnreadableUpdate.
    """
    query = _object(update, "callback_query")
    message = _object(query if query is not None else update, "message")
    sender = query if query is not None else message  # who pressed the button, or who wrote
    user = _object(sender, "from")
    chat = _object(message, "chat")
    if user is None or user.get("is_bot") or chat is None or chat.get("type") != "private" or "id" not in user:
        return None
    base: dict[str, Any] = {
        "channel": CHANNEL,
        "user": str(user["id"]),
        "event_id": f"u:{update['update_id']}",
        "name": _full_name(user),
        "language": _string(user, "language_code"),
    }
    if query is not None:
        assert message is not None  # noqa: S101 - a query without a message has no chat, returned above
        # A message too old for the bot to see arrives with date 0 (InaccessibleMessage): nothing to edit.
        ref = str(message["message_id"]) if message.get("date") and "message_id" in message else None
        return Incoming(**base, choice=_string(query, "data") or "", message_ref=ref)
    if message is None:
        return None
    attachment = attachment_of(message)
    if attachment is not None:  # its caption, if any, goes along as text
        return Incoming(**base, text=_string(message, "caption"), attachment=attachment)
    text = _string(message, "text")
    if text is not None and text.startswith("/") and len(text) > 1:
        head, _, args = text[1:].partition(" ")
        command = head.split("@", 1)[0].lower()
        return Incoming(**base, command=command, args=args.strip())
    return Incoming(**base, text=text)


def attachment_of(message: Json) -> Attachment | None:
    """Return the voice note, audio, photo (its largest size) or document a message carries, as Telegram says it."""
    for kind in ("voice", "audio"):
        sound = _object(message, kind)
        if sound is not None:
            return _attachment(kind, sound, duration=_int(sound, "duration") or 0)
    photo = message.get("photo")
    if photo:
        if not isinstance(photo, list) or not isinstance(photo[-1], dict):
            raise UnreadableUpdate("photo is not a list of sizes")
        return _attachment("photo", photo[-1], mime="image/jpeg")
    document = _object(message, "document")
    return _attachment("document", document) if document is not None else None


def _attachment(kind: str, file: Json, *, duration: int | None = None, mime: str | None = None) -> Attachment:
    """Read a file's fields (Voice, Audio, PhotoSize, Document share their names)."""
    name, size, mime = _string(file, "file_name"), _int(file, "file_size"), mime or _string(file, "mime_type")
    return Attachment(kind, _file_id(file), name=name, mime=mime, size=size, duration=duration)


def _file_id(file: Json) -> str:
    value = _string(file, "file_id")
    if not value:
        raise UnreadableUpdate("a file without file_id")
    return value


def _int(parent: Json, key: str) -> int | None:
    """Return a whole-number field (None when absent)."""
    value = parent.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise UnreadableUpdate(f"{key} is not a number")
    return value


def _object(parent: Json | None, key: str) -> Json | None:
    value = parent.get(key) if parent is not None else None
    if value is not None and not isinstance(value, dict):
        raise UnreadableUpdate(f"{key} is not an object")
    return value


def _string(parent: Json, key: str) -> str | None:
    """Return a string field (None when absent)."""
    value = parent.get(key)
    if value is not None and not isinstance(value, str):
        raise UnreadableUpdate(f"{key} is not a string")
    return value


def _full_name(user: Json) -> str:
    """Return first and last name, as python-telegram-bot's User.full_name does."""
    first, last = _string(user, "first_name") or "", _string(user, "last_name")
    return f"{first} {last}" if last else first


def _retry_seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramTransport:
    """Sends outbox rows with the application's Bot."""

    channel = CHANNEL

    def __init__(self, calls: BotCalls, pacing: Pacing, files: TelegramFiles | None = None) -> None:
        self.calls = calls
        self.pacing = pacing
        self.files = files

    async def deliver(self, row: OutboxRow, reply: Reply) -> Delivery:
        """Send, edit or upload one reply (or set a chat's command menu)."""
        if row.kind == roles.COMMANDS_KIND:
            return await self._set_chat_commands(int(row.recipient), reply)
        try:
            return Delivery(Outcome.SENT, channel_msg_id=await self._send(int(row.recipient), row.edit_ref, reply))
        except RetryAfter as error:
            return Delivery(Outcome.RETRY, retry_after=_retry_seconds(error), error="429 flood control")
        except Forbidden as error:
            return Delivery(Outcome.UNREACHABLE, error=f"403 {error.message}")
        except BadRequest as error:
            outcome = Outcome.UNREACHABLE if "chat not found" in error.message.lower() else Outcome.FAILED
            return Delivery(outcome, error=f"400 {error.message}")
        except NetworkError as error:  # includes TimedOut and 5xx answers
            return Delivery(Outcome.RETRY, error=f"network: {error.message}")
        except TelegramError as error:
            return Delivery(Outcome.FAILED, error=error.message)

    async def _set_chat_commands(self, chat_id: int, reply: Reply) -> Delivery:
        """Give one chat its menu in its person's language (choice ids are commands, labels descriptions), or none."""
        scope = BotCommandScopeChat(chat_id)
        try:
            if reply.choices:
                commands = [BotCommand(c.id, c.label) for c in reply.choices]
                await self.calls.bot.set_my_commands(commands, scope=scope)
            else:
                await self.calls.bot.delete_my_commands(scope=scope)
        except RetryAfter as error:
            return Delivery(Outcome.RETRY, retry_after=_retry_seconds(error), error="429 flood control")
        except (BadRequest, Forbidden) as error:  # a chat that never opened the bot: nobody becomes unreachable
            return Delivery(Outcome.FAILED, error=f"commands: {error.message}")
        except NetworkError as error:  # BadRequest is a NetworkError in PTB, hence the order
            return Delivery(Outcome.RETRY, error=f"network: {error.message}")
        except TelegramError as error:
            return Delivery(Outcome.FAILED, error=f"commands: {error.message}")
        return Delivery(Outcome.SENT)

    async def _send(self, chat_id: int, edit_ref: str | None, reply: Reply) -> str:
        # Raw Bot API calls (telegram_calls): PTB would build objects for the keyboard and parse every answer back
        # into a Message we only need the id of; errors are PTB's as before. The methods are named exactly as the
        # Bot API documents them: Telegram is case-insensitive, but a proxy or a local Bot API stand-in need not be.
        if reply.document is not None:
            return await self._send_document(chat_id, reply)
        if reply.media is not None:
            await self._send_media(chat_id, reply)
            edit_ref = None  # the text follows the file: a new message, not an edit above it
        markup = keyboard_json(reply.choices)
        pieces = split_text(reply.text, TEXT_LIMIT)
        if edit_ref is not None and len(pieces) == 1:
            try:
                params = {"chat_id": chat_id, "message_id": int(edit_ref), "text": pieces[0]}
                await self.calls.call("editMessageText", _with_markup(params, markup))
                return edit_ref
            except BadRequest as error:
                if NOT_MODIFIED in error.message.lower():
                    return edit_ref
                log.info("could not edit message in place (%s); sending a new one", error.message)
        sent: dict[str, object] = {}
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            params = {"chat_id": chat_id, "text": piece}
            sent = await self.calls.call("sendMessage", _with_markup(params, markup if last else None))
        return str(sent["message_id"])

    async def _send_media(self, chat_id: int, reply: Reply) -> None:
        """Send the stored file a reply carries, before its text; a file erased meanwhile is left out."""
        assert reply.media is not None  # noqa: S101 - checked by the caller
        if self.files is None:
            log.warning("telegram: a stored file could not be sent (no file access)")
            return
        try:
            await self.files.send(chat_id, reply.media)
        except MediaGone:
            log.info("telegram: a stored file was erased before it could be sent; its text goes alone")

    async def _send_document(self, chat_id: int, reply: Reply) -> str:
        assert reply.document is not None  # noqa: S101 - checked by the caller
        doc = reply.document
        caption = doc.caption if doc.caption and len(doc.caption) <= CAPTION_LIMIT else None
        sent = await self.calls.bot.send_document(
            chat_id,
            InputFile(doc.data, filename=doc.filename),
            caption=caption,
            reply_markup=keyboard(reply.choices),
        )
        return str(sent.message_id)


def _with_markup(params: dict[str, Any], markup: dict[str, Any] | None) -> dict[str, Any]:
    return {**params, "reply_markup": markup} if markup else params


def build_bot(
    token: str, base_url: str, *, pool_size: int, read_timeout: float = 5.0, http: str = "aiohttp"
) -> BotCalls:
    """Build a Bot on base_url with its two HTTP clients, and the raw calls the hot path makes with them.

    No python-telegram-bot Application: updates come through Poller (or the webhook), which confirm only what was
    handled, and the outbox sender paces every send, so neither PTB's update queue nor its rate limiter is used.
    """
    # Opt in to PTB's timedelta periods: otherwise every 429 it parses raises a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    requests: BaseRequest
    updates: BaseRequest
    if http == "aiohttp":
        requests = AiohttpRequest(pool_size=pool_size, read_timeout=read_timeout, pool_timeout=POOL_TIMEOUT)
        updates = AiohttpRequest(pool_size=1, read_timeout=read_timeout, pool_timeout=POOL_TIMEOUT)
    else:
        requests = HTTPXRequest(pool_size, read_timeout=read_timeout, pool_timeout=POOL_TIMEOUT)
        updates = HTTPXRequest(1, read_timeout=read_timeout, pool_timeout=POOL_TIMEOUT)
    bot = Bot(
        token,
        base_url=base_url,
        base_file_url=base_url.replace("/bot", "/file/bot"),
        request=requests,
        get_updates_request=updates,
    )
    return BotCalls(bot, updates)


def public_commands(messages: Messages) -> list[BotCommand]:
    """Return everyone's commands described in one language."""
    return [BotCommand(name, messages.t(key)) for name, key in roles.PUBLIC_COMMANDS.items()]


async def set_commands(bot: Bot) -> None:
    """Publish the default command menu, Arabic and per language_code in each other language; each officer's and
    coordinator's chat menu (and each chat whose person chose a language) is queued in the outbox."""
    await bot.set_my_commands(public_commands(load_messages(DEFAULT_LANGUAGE)))
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE:
            await bot.set_my_commands(public_commands(load_messages(language)), language_code=language)


async def answer_query(calls: BotCalls, query_id: str) -> None:
    """Stop the pressed button's spinner; an old query cannot be answered, and the press still counts."""
    try:
        await calls.call("answerCallbackQuery", {"callback_query_id": query_id})
    except TelegramError as error:
        log.info("callback query not answered: %s", error.message)


def read_batch(updates: Sequence[Json]) -> tuple[list[Incoming], list[str]]:
    """Return the events in a batch of updates, in order, and the callback queries to answer."""
    events: list[Incoming] = []
    queries: list[str] = []
    for update in updates:
        try:
            incoming = to_incoming(update)
        except UnreadableUpdate as error:  # the reason, never the update: it carries names and texts
            log.warning("update %d could not be read (%s)", update["update_id"], error)
            continue
        query = update.get("callback_query")
        if isinstance(query, dict) and isinstance(query.get("id"), str):
            queries.append(query["id"])
        if incoming is not None:
            events.append(incoming)
    return events, queries


class TelegramChannel:
    """Runs Telegram polling (or a webhook on the shared web server) and the Telegram transport for a Core."""

    def __init__(
        self,
        core: Core,
        token: str,
        base_url: str,
        *,
        poll_timeout: float = 10.0,
        read_timeout: float = 5.0,
        server: WebServer | None = None,
        webhook_url: str | None = None,
        webhook_secret: str | None = None,
    ) -> None:
        settings = core.settings
        self.core = core
        self.poll_timeout = poll_timeout
        http = settings.telegram_http
        self.calls = build_bot(
            token, base_url, pool_size=settings.telegram_pool_size, read_timeout=read_timeout, http=http
        )
        self.files = TelegramFiles(self.calls.bot, core.receiver.store)
        self.lanes = ChatLanes(self.take_one)
        self._answering: set[asyncio.Task[None]] = set()
        pacing = Pacing(
            per_second=settings.telegram_per_chat_rate,
            burst=settings.telegram_per_chat_burst,
            overall_per_second=settings.telegram_overall_rate,
        )
        self.transport = TelegramTransport(self.calls, pacing, self.files)
        self.poller: Poller | None = None
        self.webhook: WebhookReceiver | None = None
        if webhook_url is not None:
            if server is None:
                raise ValueError("a Telegram webhook needs the web server")
            secret = webhook_secret or secrets.token_urlsafe(32)  # Telegram allows A-Z a-z 0-9 _ -
            add_secret(secret)  # PTB logs setWebhook's parameters at DEBUG
            self.webhook = WebhookReceiver(self.calls.bot, self.process, url=webhook_url, secret=secret)
            self.webhook.mount(server)

    async def start(self) -> None:
        """Connect, publish the command menu, register the transport and start polling."""
        me = self.calls.bot
        await me.initialize()
        self.core.dispatcher.config = replace(self.core.dispatcher.config, bot_username=me.username)
        await set_commands(me)
        await self._queue_role_menus()
        self.core.sender.add_transport(self.transport)
        if self.webhook is not None:
            log.info("telegram: webhook mode as @%s; call listen() once the web server is up", me.username)
            return
        self.poller = Poller(self.calls, self.take_polled, timeout=self.poll_timeout, held=self.lanes.oldest)
        await self.poller.start()
        log.info("telegram: polling as @%s", me.username)

    def running(self) -> bool:
        """Tell whether updates are being received (polling: the loop is alive; a webhook: always)."""
        return self.poller is None or self.poller.running

    async def take_polled(self, updates: Sequence[Json]) -> None:
        """Handle a polled batch in one transaction, except messages behind a file: those go to their chat's lane.

        A file can take its whole download deadline; the lane keeps that chat's order while everyone else's
        messages are answered meanwhile (the poller confirms them only once their lane is done).
        """
        events = self._read(updates)
        now: list[Incoming] = []
        later: list[Incoming] = []
        behind = {event.user for event in events if self.lanes.busy(event.user)}
        for event in events:
            if event.attachment is not None:
                behind.add(event.user)
            (later if event.user in behind else now).append(event)
        await self._handle_batch(now)
        for event in later:  # after the batch: a chat's earlier messages in it are committed first
            self.lanes.add(event)

    async def process(self, updates: Sequence[Json]) -> None:
        """Handle a batch of updates (a webhook's one) with their files, in one transaction; never raise."""
        events = self._read(updates)
        taken = [await self._take_file(event) for event in events]
        await self._handle_batch([event for event in taken if event is not None])

    async def take_one(self, event: Incoming) -> None:
        """Download an event's file, then handle it on its own; never raise."""
        taken = await self._take_file(event)
        if taken is not None:
            await self.core.dispatcher.handle(taken)

    def _read(self, updates: Sequence[Json]) -> list[Incoming]:
        """Decode the updates and answer their button presses meanwhile."""
        events, queries = read_batch(updates)
        for query_id in queries:  # nothing to wait for: the answer only stops the button's spinner
            task = asyncio.create_task(answer_query(self.calls, query_id))
            self._answering.add(task)
            task.add_done_callback(self._answering.discard)
        return events

    async def _take_file(self, event: Incoming) -> Incoming | None:
        """Return the event with its file downloaded and stored (the handlers see only that), or None, apologised
        for, when it could not be stored (a full disk, a locked database)."""
        try:
            return await self.core.receiver.receive(event, self.files.fetch)
        except Exception as error:  # one file must never stop the channel
            await self.core.dispatcher.refuse(event, error)
            return None

    async def _handle_batch(self, events: list[Incoming]) -> None:
        try:
            await self.core.dispatcher.handle_batch(events)
        except Exception:  # the dispatcher apologises for what it can; a batch must never stop the poller
            log.exception("a batch of %d telegram updates could not be processed", len(events))

    async def listen(self, url: str | None = None) -> None:
        """In webhook mode, register the webhook (once the shared web server listens); url overrides the setting."""
        if self.webhook is not None:
            await self.webhook.register(url)
            log.info("telegram: webhook registered")

    async def _queue_role_menus(self) -> None:
        """Queue each officer's and coordinator's chat command menu (roles may have changed while stopped)."""
        core = self.core
        async with core.db.transaction() as conn:
            count = await roles.queue_all_menus(conn, core.dispatcher.config, core.clock.now())
        log.info("telegram: queued the command menus of %d role holders", count)
        core.sender.wake()

    async def stop(self) -> None:
        """Stop polling (confirming what was handled) and close the HTTP clients."""
        if self.poller is not None:
            await self.poller.stop()  # confirms what is done; what waits in a lane is delivered again after a restart
            self.poller = None
        await self.lanes.stop()
        if self._answering:
            await asyncio.gather(*self._answering, return_exceptions=True)
        await self.calls.bot.shutdown()
        await self.files.close()
