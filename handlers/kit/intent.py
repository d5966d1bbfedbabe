"""What a typed message is when no step asked for it: a greeting, thanks, a question, a name or a recommendation.

One place reads these, so the name question, free text outside a flow and the label matching agree. The words are
compared as `label_key` reduces them (hamza, teh marbuta and alef maqsura folded, diacritics and emoji gone).
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from handlers.kit.text import clean_text, has_letters, label_key
from messages import LANGUAGES, load_messages

# The words each list holds live in the catalogues (words-* keys, «|» between entries), every language's read
# together: a greeting typed in English is a greeting whatever language the person reads.
SHORT_MESSAGE_WORDS = 7  # a greeting or thanks longer than this says something else too
NAME_MAX_WORDS = 5  # «محمد أحمد عبد الله الخطيب»
NAME_MAX_CHARS = 50
RECOMMENDATION_WORDS = 2  # a recommendation needs words: «👍» eleven times is not one
RECOMMENDATION_LETTERS = 5
_QUESTION_END = re.compile(r"[?\u061f]$")
_SENTENCE_MARKS = re.compile(r"[\u061f?!\u060c,\u061b;:\n]")  # ؟ ، ؛ and their Latin forms


class Intent(StrEnum):
    """What a message outside any step reads as."""

    GREETING = "greeting"
    THANKS = "thanks"
    QUESTION = "question"
    RECOMMENDATION = "recommendation"
    OTHER = "other"


@cache
def _words(key: str) -> tuple[str, ...]:
    """Return a word list of every catalogue, as label_key writes its entries."""
    found = [label_key(w) for lang in LANGUAGES for w in load_messages(lang).t(key).split("|")]
    return tuple(w for w in found if w)


def _opens_with(key: str, phrases: tuple[str, ...]) -> bool:
    return any(key == p or key.startswith(p + " ") for p in phrases)


def _short(key: str) -> bool:
    return len(key.split()) <= SHORT_MESSAGE_WORDS


def is_question(text: str) -> bool:
    """Tell whether a message asks something: it ends with a question mark or opens with a question word."""
    stripped = clean_text(text).rstrip(" .!")
    words = label_key(text).split()
    return bool(_QUESTION_END.search(stripped)) or (bool(words) and words[0] in _words("words-question"))


def has_words(text: str, words: int = RECOMMENDATION_WORDS, letters: int = RECOMMENDATION_LETTERS) -> bool:
    """Tell whether a text is made of words (letters, not only emoji, digits or symbols)."""
    key = label_key(text)
    return len([w for w in key.split() if has_letters(w, 1)]) >= words and has_letters(key, letters)


def read(text: str, min_length: int) -> Intent:
    """Return what free text reads as; a recommendation is at least min_length characters of words."""
    key = label_key(text)
    if not key:
        return Intent.OTHER
    if _short(key) and _opens_with(key, _words("words-thanks")):
        return Intent.THANKS
    if _short(key) and _opens_with(key, _words("words-greeting")):
        return Intent.GREETING
    if is_question(text):
        return Intent.QUESTION
    if len(clean_text(text)) >= min_length and has_words(text):
        return Intent.RECOMMENDATION
    return Intent.OTHER


def looks_like_name(text: str) -> bool:
    """Tell whether a typed line reads as a person's name: short, few words, no sentence punctuation, no greeting."""
    key = label_key(text)
    if _SENTENCE_MARKS.search(text) or len(text) > NAME_MAX_CHARS or len(key.split()) > NAME_MAX_WORDS:
        return False
    return not (_opens_with(key, _words("words-greeting")) or _opens_with(key, _words("words-thanks")))


def says_yes(key: str) -> bool:
    """Tell whether a label_key is or opens with a yes («نعم، أؤكد», «أوافق», "Yes, a past meeting", "I agree")."""
    return key in _words("words-yes") or _opens_with(key, _words("words-yes-label"))


def bare_yes_or_no(text: str) -> bool:
    """Tell whether a text is only a yes or a no (with punctuation or emoji around it)."""
    key = label_key(text)
    return key in _words("words-yes") or key in _words("words-no")
