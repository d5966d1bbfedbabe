"""Logging that keeps tokens out (python-telegram-bot and httpx put the bot token in request URLs), as text or JSON."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

_TOKEN = re.compile(r"bot\d+:[A-Za-z0-9_-]{20,}|\d{6,}:[A-Za-z0-9_-]{30,}")
_SECRETS: set[str] = set()
# python-telegram-bot's DEBUG lines that would carry whole updates (names, texts): their templates, as PTB writes them.
_PTB_RESULT = "Call to Bot API endpoint `%s` finished with return value `%s`"
_PTB_PROCESSING = "Processing update %s"
_UPDATE: ContextVar[str | None] = ContextVar("update", default=None)
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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


@contextmanager
def handling(update: str) -> Iterator[None]:
    """Mark every line logged inside (in this task and the tasks it starts) as part of handling this update."""
    token = _UPDATE.set(update)
    try:
        yield
    finally:
        _UPDATE.reset(token)


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


class TagUpdate(logging.Filter):
    """Give each record the id of the update being handled where it was logged (None outside any)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Tag the record; always keep it."""
        record.update = _UPDATE.get()
        return True


class RedactingFormatter(logging.Formatter):
    """Redact the whole formatted line, tracebacks included (an httpx error names the URL it failed on)."""

    def format(self, record: logging.LogRecord) -> str:
        """Format, then redact."""
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, the update being handled (if any), the traceback."""

    def format(self, record: logging.LogRecord) -> str:
        """Format the record as a redacted JSON object."""
        entry: dict[str, str] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        update = getattr(record, "update", None)
        if update is not None:
            entry["update"] = update
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(level: str, log_format: str = "text") -> None:
    """Log to stderr at level, as text or JSON lines; quiet the HTTP client's per-request lines."""
    handler = logging.StreamHandler()
    handler.addFilter(RedactTokens())
    handler.addFilter(TagUpdate())
    handler.setFormatter(JsonFormatter() if log_format == "json" else RedactingFormatter(TEXT_FORMAT))
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # aiosqlite logs every statement from its worker thread at DEBUG: noise, and a line written after the event loop
    # has stopped (the connection's last "operation completed") is a write nobody can handle.
    logging.getLogger("aiosqlite").setLevel(logging.INFO)
