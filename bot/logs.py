"""Logging that keeps tokens out: python-telegram-bot and httpx put the bot token in request URLs."""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"bot\d+:[A-Za-z0-9_-]{20,}|\d{6,}:[A-Za-z0-9_-]{30,}")
_SECRETS: set[str] = set()
# python-telegram-bot's DEBUG lines that would carry whole updates (names, texts): their templates, as PTB writes them.
_PTB_RESULT = "Call to Bot API endpoint `%s` finished with return value `%s`"
_PTB_PROCESSING = "Processing update %s"


def add_secret(value: str) -> None:
    """Never log this value (a webhook secret, known only at run time)."""
    if len(value) >= 8:  # shorter ones would blank ordinary words
        _SECRETS.add(value)


def redact(text: str) -> str:
    """Return text with anything shaped like a Bot API token, and every registered secret, replaced."""
    text = _TOKEN.sub("<token>", text)
    for secret in _SECRETS:
        text = text.replace(secret, "<secret>")
    return text


def _drop_whole_updates(record: logging.LogRecord) -> None:
    """Keep PTB's request lines but not the updates they carry."""
    if not record.name.startswith("telegram") or not isinstance(record.args, tuple):
        return
    if record.msg == _PTB_RESULT and record.args[:1] == ("getUpdates",) and len(record.args) == 2:
        result = record.args[1]
        count = len(result) if isinstance(result, list | tuple) else "?"
        record.args = ("getUpdates", f"<{count} updates, not logged>")
    elif record.msg == _PTB_PROCESSING and len(record.args) == 1:
        record.args = (f"#{getattr(record.args[0], 'update_id', '?')}",)


class RedactTokens(logging.Filter):
    """Replace tokens and secrets in a record's message with placeholders; leave whole updates out."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record in place; always keep it."""
        _drop_whole_updates(record)
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
