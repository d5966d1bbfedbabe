"""Telegram through python-telegram-bot: updates become Incoming events, outbox rows become messages."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, InputFile, Message, Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, TypeHandler
from telegram.warnings import PTBUserWarning

from bot.channels.aiohttp_request import AiohttpRequest
from bot.channels.telegram_files import MediaGone, TelegramFiles
from bot.channels.telegram_render import CAPTION_LIMIT, keyboard, keyboard_json, split_text
from bot.channels.telegram_updates import Poller, WebhookReceiver
from bot.core import Core
from bot.logs import add_secret
from bot.transport import Delivery, Outcome, Pacing
from bot.web import WebServer
from handlers import roles
from handlers.contract import Attachment, Incoming, Reply
from messages import DEFAULT_LANGUAGE, LANGUAGES, Messages, load_messages
from storage.models import OutboxRow

log = logging.getLogger(__name__)

CHANNEL = "telegram"
NOT_MODIFIED = "message is not modified"
# PTB's warning when do_api_request names a method it also wraps; we call the raw method on purpose (see _send).
RAW_CALL_ADVICE = r"Please use 'Bot\.(sendMessage|editMessageText)'"
POOL_TIMEOUT = 10.0  # seconds a request may wait for a free connection


def to_incoming(update: Update) -> Incoming | None:
    """Decode a private-chat update; None for what the bot ignores (groups, edits, channel posts)."""
    user = update.effective_user
    chat = update.effective_chat
    if user is None or user.is_bot or chat is None or chat.type != "private":
        return None
    base: dict[str, Any] = {
        "channel": CHANNEL,
        "user": str(user.id),
        "event_id": f"u:{update.update_id}",
        "name": user.full_name,
        "language": user.language_code,
    }
    if update.callback_query is not None:
        query = update.callback_query
        ref = str(query.message.message_id) if isinstance(query.message, Message) else None
        return Incoming(**base, choice=query.data or "", message_ref=ref)
    message = update.message
    if message is None:
        return None
    attachment = attachment_of(message)
    if attachment is not None:  # its caption, if any, goes along as text
        return Incoming(**base, text=message.caption, attachment=attachment)
    text = message.text
    if text is not None and text.startswith("/") and len(text) > 1:
        head, _, args = text[1:].partition(" ")
        command = head.split("@", 1)[0].lower()
        return Incoming(**base, command=command, args=args.strip())
    return Incoming(**base, text=text)


def attachment_of(message: Message) -> Attachment | None:
    """Return the voice note, audio, photo (its largest size) or document a message carries, as Telegram says it."""
    if message.voice is not None:
        v = message.voice
        return Attachment("voice", v.file_id, mime=v.mime_type, size=v.file_size, duration=_seconds(v.duration))
    if message.audio is not None:
        a = message.audio
        duration = _seconds(a.duration)
        return Attachment("audio", a.file_id, name=a.file_name, mime=a.mime_type, size=a.file_size, duration=duration)
    if message.photo:
        p = message.photo[-1]
        return Attachment("photo", p.file_id, mime="image/jpeg", size=p.file_size)
    if message.document is not None:
        d = message.document
        return Attachment("document", d.file_id, name=d.file_name, mime=d.mime_type, size=d.file_size)
    return None


def _seconds(value: int | timedelta) -> int:
    return int(value.total_seconds()) if isinstance(value, timedelta) else int(value)


def _retry_seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramTransport:
    """Sends outbox rows with the application's Bot."""

    channel = CHANNEL

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        pacing: Pacing,
        files: TelegramFiles | None = None,
    ) -> None:
        self.application = application
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
                await self.application.bot.set_my_commands(commands, scope=scope)
            else:
                await self.application.bot.delete_my_commands(scope=scope)
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
        # Raw Bot API calls: PTB would build objects for the keyboard and parse every answer back into a Message
        # we only need the id of (a third of the sending CPU in the profile; errors are PTB's as before).
        # The methods are named exactly as the Bot API documents them: Telegram is case-insensitive, but a proxy or
        # a local Bot API stand-in need not be. PTB's advice to use its own methods instead is silenced once in
        # build_application.
        if reply.document is not None:
            return await self._send_document(chat_id, reply)
        if reply.media is not None:
            await self._send_media(chat_id, reply)
            edit_ref = None  # the text follows the file: a new message, not an edit above it
        bot = self.application.bot
        markup = keyboard_json(reply.choices)
        pieces = split_text(reply.text)
        if edit_ref is not None and len(pieces) == 1:
            try:
                params = {"chat_id": chat_id, "message_id": int(edit_ref), "text": pieces[0]}
                await bot.do_api_request("editMessageText", api_kwargs=_with_markup(params, markup))
                return edit_ref
            except BadRequest as error:
                if NOT_MODIFIED in error.message.lower():
                    return edit_ref
                log.info("could not edit message in place (%s); sending a new one", error.message)
        sent: dict[str, object] = {}
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            params = {"chat_id": chat_id, "text": piece}
            sent = await bot.do_api_request("sendMessage", api_kwargs=_with_markup(params, markup if last else None))
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
        sent = await self.application.bot.send_document(
            chat_id,
            InputFile(doc.data, filename=doc.filename),
            caption=caption,
            reply_markup=keyboard(reply.choices),
        )
        return str(sent.message_id)


def _with_markup(params: dict[str, Any], markup: dict[str, Any] | None) -> dict[str, Any]:
    return {**params, "reply_markup": markup} if markup else params


def build_application(
    token: str,
    base_url: str,
    *,
    pool_size: int,
    concurrent_updates: int,
    read_timeout: float = 5.0,
    overall_rate: float,
    http: str = "aiohttp",
) -> Application:  # type: ignore[type-arg]
    """Build a PTB application on base_url, without PTB's job queue (the bot has its own scheduler)."""
    # Opt in to PTB's timedelta periods: otherwise every 429 it parses raises a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    warnings.filterwarnings("ignore", message=RAW_CALL_ADVICE, category=PTBUserWarning)
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(base_url)
        .base_file_url(base_url.replace("/bot", "/file/bot"))
        .rate_limiter(AIORateLimiter(overall_max_rate=overall_rate, max_retries=0))
        .concurrent_updates(concurrent_updates)
        .updater(None)  # updates come through Poller (or the webhook), which confirm only what was handled
        .job_queue(None)
    )
    if http == "aiohttp":
        timeouts = {"read_timeout": read_timeout, "pool_timeout": POOL_TIMEOUT}
        builder = builder.request(AiohttpRequest(pool_size=pool_size, **timeouts))
        builder = builder.get_updates_request(AiohttpRequest(pool_size=1, **timeouts))
    else:
        builder = builder.connection_pool_size(pool_size).pool_timeout(POOL_TIMEOUT)
        builder = builder.read_timeout(read_timeout).get_updates_read_timeout(read_timeout)
    return builder.build()


def public_commands(messages: Messages) -> list[BotCommand]:
    """Return everyone's commands described in one language."""
    return [BotCommand(name, messages.t(key)) for name, key in roles.PUBLIC_COMMANDS.items()]


async def set_commands(application: Application) -> None:  # type: ignore[type-arg]
    """Publish the default command menu, Arabic and per language_code in each other language; each officer's and
    coordinator's chat menu (and each chat whose person chose a language) is queued in the outbox."""
    bot = application.bot
    await bot.set_my_commands(public_commands(load_messages(DEFAULT_LANGUAGE)))
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE:
            await bot.set_my_commands(public_commands(load_messages(language)), language_code=language)


async def _answer_query(update: Update) -> None:
    if update.callback_query is None:
        return
    try:
        await update.callback_query.answer()
    except TelegramError as error:  # an old query cannot be answered; the event still counts
        log.info("callback query not answered: %s", error.message)


def update_handler(
    handle: Callable[[Incoming], Awaitable[object]],
) -> TypeHandler[Update, ContextTypes.DEFAULT_TYPE, None]:
    """Return a PTB handler that answers every callback query and hands every update to handle."""

    async def on_update(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        incoming = to_incoming(update)
        await asyncio.gather(_answer_query(update), handle(incoming) if incoming else asyncio.sleep(0))

    return TypeHandler(Update, on_update)


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
        self.application = build_application(
            token,
            base_url,
            pool_size=settings.telegram_pool_size,
            concurrent_updates=settings.telegram_concurrent_updates,
            read_timeout=read_timeout,
            overall_rate=settings.telegram_ptb_overall_rate,
            http=settings.telegram_http,
        )
        self.files = TelegramFiles(self.application.bot, core.receiver.store)
        self.application.add_handler(update_handler(self._handle))
        self.application.add_error_handler(_log_error)
        pacing = Pacing(
            per_second=settings.telegram_per_chat_rate,
            burst=settings.telegram_per_chat_burst,
            overall_per_second=settings.telegram_overall_rate,
        )
        self.transport = TelegramTransport(self.application, pacing, self.files)
        self.poller: Poller | None = None
        self.webhook: WebhookReceiver | None = None
        if webhook_url is not None:
            if server is None:
                raise ValueError("a Telegram webhook needs the web server")
            secret = webhook_secret or secrets.token_urlsafe(32)  # Telegram allows A-Z a-z 0-9 _ -
            add_secret(secret)  # PTB logs setWebhook's parameters at DEBUG
            self.webhook = WebhookReceiver(
                self.application.bot, self.application.process_update, url=webhook_url, secret=secret
            )
            self.webhook.mount(server)

    async def _handle(self, incoming: Incoming) -> None:
        """Download and check a sent file first (the handler sees only the stored file), then handle the event."""
        incoming = await self.core.receiver.receive(incoming, self.files.fetch)
        await self.core.dispatcher.handle(incoming)

    async def start(self) -> None:
        """Connect, publish the command menu, register the transport and start polling."""
        await self.application.initialize()
        me = self.application.bot
        self.core.dispatcher.config = replace(self.core.dispatcher.config, bot_username=me.username)
        await set_commands(self.application)
        await self._queue_role_menus()
        self.core.sender.add_transport(self.transport)
        await self.application.start()
        if self.webhook is not None:
            log.info("telegram: webhook mode as @%s; call listen() once the web server is up", me.username)
            return
        self.poller = Poller(self.application.bot, self.application.process_update, timeout=self.poll_timeout)
        await self.poller.start()
        log.info("telegram: polling as @%s", me.username)

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
            await self.poller.stop()
            self.poller = None
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        await self.files.close()


async def _log_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log errors PTB caught outside the dispatcher (which handles its own)."""
    log.error("telegram error: %s", type(context.error).__name__, exc_info=context.error)
