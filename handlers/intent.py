"""What a typed message is when no step asked for it: a greeting, thanks, a question, a name or a recommendation.

One place reads these, so the name question, free text outside a flow and the label matching agree. The words are
compared as `label_key` reduces them (hamza, teh marbuta and alef maqsura folded, diacritics and emoji gone).
"""

from __future__ import annotations

import re
from enum import StrEnum

from handlers.text import clean_text, has_letters, label_key

# Opening words of a greeting or of thanks, in Arabic and English, as label_key writes them.
_GREETINGS = (
    "مرحبا",
    "مرحبتين",
    "اهلا",
    "هلا",
    "السلام عليكم",
    "سلام",
    "صباح الخير",
    "مساء الخير",
    "صباح النور",
    "مساء النور",
    "كيف حالك",
    "كيفك",
    "hi",
    "hello",
    "hey",
    "good morning",
    "good evening",
    "good afternoon",
)
_THANKS = (
    "شكرا",
    "مشكور",
    "مشكورين",
    "يعطيكم العافيه",
    "يعطيك العافيه",
    "جزاكم الله",
    "بارك الله",
    "thanks",
    "thank you",
    "many thanks",
)
# A bare yes or no (a written reason that is only one of these gives no reason).
YES_WORDS = frozenset({"نعم", "اجل", "ايوه", "اي", "بلى", "موافق", "اوافق", "yes", "yeah", "yep", "ok", "okay"})
NO_WORDS = frozenset({"لا", "كلا", "no", "nope"})
_QUESTION_WORDS = frozenset(
    {"متى", "كيف", "هل", "ماذا", "لماذا", "اين", "كم", "ايش", "شو", "وين", "ليش", "when", "how", "what"}
    | {"why", "where", "who", "which", "is", "are", "can", "do", "does", "will"}
)
SHORT_MESSAGE_WORDS = 7  # a greeting or thanks longer than this says something else too
NAME_MAX_WORDS = 5  # «محمد أحمد عبد الله الخطيب»
NAME_MAX_CHARS = 50
RECOMMENDATION_WORDS = 2  # a recommendation needs words: «👍» eleven times is not one
RECOMMENDATION_LETTERS = 5
_SENTENCE_MARKS = re.compile(r"[؟?!،,؛;:\n]")


class Intent(StrEnum):
    """What a message outside any step reads as."""

    GREETING = "greeting"
    THANKS = "thanks"
    QUESTION = "question"
    RECOMMENDATION = "recommendation"
    OTHER = "other"


def _opens_with(key: str, phrases: tuple[str, ...]) -> bool:
    return any(key == p or key.startswith(p + " ") for p in phrases)


def _short(key: str) -> bool:
    return len(key.split()) <= SHORT_MESSAGE_WORDS


def is_question(text: str) -> bool:
    """Tell whether a message asks something: it ends with a question mark or opens with a question word."""
    stripped = clean_text(text).rstrip(" .!")
    words = label_key(text).split()
    return stripped.endswith(("؟", "?")) or (bool(words) and words[0] in _QUESTION_WORDS)


def has_words(text: str, words: int = RECOMMENDATION_WORDS, letters: int = RECOMMENDATION_LETTERS) -> bool:
    """Tell whether a text is made of words (letters, not only emoji, digits or symbols)."""
    key = label_key(text)
    return len([w for w in key.split() if has_letters(w, 1)]) >= words and has_letters(key, letters)


def read(text: str, min_length: int) -> Intent:
    """Return what free text reads as; a recommendation is at least min_length characters of words."""
    key = label_key(text)
    if not key:
        return Intent.OTHER
    if _short(key) and _opens_with(key, _THANKS):
        return Intent.THANKS
    if _short(key) and _opens_with(key, _GREETINGS):
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
    return not (_opens_with(key, _GREETINGS) or _opens_with(key, _THANKS))


_YES_OPENINGS = ("نعم", "اوافق", "موافق", "yes", "i agree", "agree")


def says_yes(key: str) -> bool:
    """Tell whether a label_key opens with a yes («نعم، أؤكد», «أوافق», "Yes, a past meeting", "I agree")."""
    return key in YES_WORDS or _opens_with(key, _YES_OPENINGS)


def bare_yes_or_no(text: str) -> bool:
    """Tell whether a text is only a yes or a no (with punctuation or emoji around it)."""
    key = label_key(text)
    return key in YES_WORDS or key in NO_WORDS
