"""Cleaning typed text and shortening labels."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from handlers.text import clean_text, parse_int, shorten


def test_bidi_overrides_zero_width_and_controls_are_removed() -> None:
    assert clean_text("\u202eنص\u200b مقلوب\x07\r\nسطر  ثانٍ\ufeff") == "نص مقلوب\nسطر ثانٍ"


def test_arabic_indic_and_persian_digits_are_numbers() -> None:
    assert parse_int("٤٢") == 42
    assert parse_int("۷٪") == 7
    assert parse_int("x1") is None


def test_shorten_never_cuts_inside_an_arabic_word() -> None:
    assert shorten("الحصول على المعلومات العامة", 20) == "الحصول على…"
    assert shorten("قصير", 20) == "قصير"
    assert shorten("https://example.org/a/very/long/path", 10) == "https://e…"


@given(st.text(alphabet="ابتث جحخ", min_size=1, max_size=80), st.integers(min_value=2, max_value=40))
def test_shortened_text_fits_and_keeps_whole_words(text: str, limit: int) -> None:
    short = shorten(text, limit)
    assert len(short) <= limit
    words = text.split()
    if short.endswith("…") and words and len(words[0]) < limit - 1 and not text[0].isspace():
        assert all(word in words for word in short[:-1].split())
