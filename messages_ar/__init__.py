"""The Arabic message catalogue (Fluent): the only place the bot's sentences live."""

from messages_ar.catalog import Messages, load_messages

__all__ = ["Messages", "load_messages"]
