"""A bare python-telegram-bot echo bot: the yardstick the full bot is measured against.

python -m benchmarks.echo_bot --token T --base-url URL [--tuned]
Default: PTB's own defaults (no rate limiter, one update at a time, pool of 256).
--tuned: built exactly like bot/channels/telegram.py builds ours (same OGP_* settings, HTTP client and Poller).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.channels.telegram import build_application
from bot.channels.telegram_updates import Poller
from bot.settings import Settings


async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button like ours does (answer the query, edit the message), a message with a new message."""
    query = update.callback_query
    if query is not None:
        await asyncio.gather(query.answer(), query.edit_message_text(f"echo: {query.data}"))
    elif update.message is not None:
        await update.message.reply_text(update.message.text or "echo")


def build(token: str, base_url: str, *, tuned: bool) -> Application:  # type: ignore[type-arg]
    """Return the echo application with PTB's defaults or with our settings."""
    if tuned:
        settings = Settings()
        application = build_application(
            token,
            base_url,
            pool_size=settings.telegram_pool_size,
            concurrent_updates=settings.telegram_concurrent_updates,
            overall_rate=settings.telegram_ptb_overall_rate,
            http=settings.telegram_http,
        )
    else:
        application = ApplicationBuilder().token(token).base_url(base_url).build()
    application.add_handler(TypeHandler(Update, echo))
    return application


async def run(token: str, base_url: str, *, tuned: bool, poll_timeout: int) -> None:
    """Poll until SIGTERM or SIGINT: with PTB's Updater, or (tuned) with our Poller like the full bot."""
    application = build(token, base_url, tuned=tuned)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with application:
        await application.start()
        if tuned:
            poller = Poller(application.bot, application.process_update, timeout=poll_timeout)
            await poller.start()
            await stop.wait()
            await poller.stop()
        else:
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
