"""The message catalogues (Fluent), one folder per language: messages_ar/ (the first language) and messages_en/."""

from messages.catalog import (
    CATALOGUES,
    DEFAULT_LANGUAGE,
    LANGUAGES,
    Direction,
    Language,
    MessageError,
    Messages,
    is_language,
    language_for,
    load_messages,
)

__all__ = [
    "CATALOGUES",
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Direction",
    "Language",
    "MessageError",
    "Messages",
    "is_language",
    "language_for",
    "load_messages",
]
