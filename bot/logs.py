"""Logging that keeps tokens out: python-telegram-bot and httpx put the bot token in request URLs."""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"bot\d+:[A-Za-z0-9_-]{20,}|\d{6,}:[A-Za-z0-9_-]{30,}")


def redact(text: str) -> str:
    """Return text with anything shaped like a Bot API token replaced by a placeholder."""
    return _TOKEN.sub("<token>", text)


class RedactTokens(logging.Filter):
    """Replace anything shaped like a Bot API token in a record's message with a placeholder."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record in place; always keep it."""
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class RedactingFormatter(logging.Formatter):
    """Redact the whole formatted line, tracebacks included (an httpx error names the URL it failed on)."""

    def format(self, record: logging.LogRecord) -> str:
        """Format, then redact."""
        return redact(super().format(record))


def setup_logging(level: str) -> None:
    """Log to stderr at level; quiet the HTTP client's per-request lines."""
    handler = logging.StreamHandler()
    handler.addFilter(RedactTokens())
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # aiosqlite logs every statement from its worker thread at DEBUG: noise, and a line written after the event loop
    # has stopped (the connection's last "operation completed") is a write nobody can handle.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
