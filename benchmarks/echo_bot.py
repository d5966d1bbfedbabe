"""A bare python-telegram-bot echo bot: the yardstick the full bot is measured against.

python -m benchmarks.echo_bot --token T --base-url URL [--tuned]
Default: PTB's own defaults (no rate limiter, one update at a time, pool of 256).
--tuned: built exactly like bot/channels/telegram.py builds ours (same OGP_* settings, HTTP client, Poller and raw
Bot API calls on the Bot API's dicts), answering each batch's updates at once.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from collections.abc import Sequence

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, TypeHandler

from bot.channels.telegram import build_bot
from bot.channels.telegram_calls import BotCalls, Json
from bot.channels.telegram_updates import Poller
from bot.settings import Settings


async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button like ours does (answer the query, edit the message), a message with a new message."""
    query = update.callback_query
    if query is not None:
        await asyncio.gather(query.answer(), query.edit_message_text(f"echo: {query.data}"))
    elif update.message is not None:
        await update.message.reply_text(update.message.text or "echo")


async def echo_raw(calls: BotCalls, update: Json) -> None:
    """The same echo on the Bot API's dicts, with raw calls, as our bot answers."""
    query, message = update.get("callback_query"), update.get("message")
    if query is not None:
        chat = query["message"]["chat"]["id"]
        edit = {"chat_id": chat, "message_id": query["message"]["message_id"], "text": f"echo: {query.get('data')}"}
        await asyncio.gather(
            calls.call("answerCallbackQuery", {"callback_query_id": query["id"]}),
            calls.call("editMessageText", edit),
        )
    elif message is not None:
        await calls.call("sendMessage", {"chat_id": message["chat"]["id"], "text": message.get("text") or "echo"})


async def run_tuned(token: str, base_url: str, stop: asyncio.Event, poll_timeout: int) -> None:
    """Poll with our Poller and Bot, answering every update of a batch at once."""
    settings = Settings()
    calls = build_bot(token, base_url, pool_size=settings.telegram_pool_size, http=settings.telegram_http)

    async def process(batch: Sequence[Json]) -> None:
        await asyncio.gather(*(echo_raw(calls, update) for update in batch), return_exceptions=True)

    await calls.bot.initialize()
    poller = Poller(calls, process, timeout=poll_timeout)
    await poller.start()
    await stop.wait()
    await poller.stop()
    await calls.bot.shutdown()


async def run(token: str, base_url: str, *, tuned: bool, poll_timeout: int) -> None:
    """Poll until SIGTERM or SIGINT: with PTB's Updater, or (tuned) with our Poller like the full bot."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if tuned:
        await run_tuned(token, base_url, stop, poll_timeout)
        return
    application = ApplicationBuilder().token(token).base_url(base_url).build()
    application.add_handler(TypeHandler(Update, echo))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=poll_timeout)
        await stop.wait()
        await application.updater.stop()
        await application.stop()


def main() -> None:
    """Parse arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--token", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--tuned", action="store_true")
    parser.add_argument("--poll-timeout", type=int, default=10)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(args.token, args.base_url, tuned=args.tuned, poll_timeout=args.poll_timeout))


if __name__ == "__main__":
    main()
