"""Cleaning typed text and shortening labels."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from handlers.kit.dates import find_dates, parse_date_time
from handlers.kit.text import clean_text, parse_int, shorten


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


def test_dates_in_any_digits_with_an_optional_time() -> None:
    assert parse_date_time("٣٠/٩/٢٠١٩") == (date(2019, 9, 30), None)
    assert parse_date_time("2019-10-15 17:00") == (date(2019, 10, 15), time(17, 0))
    assert parse_date_time("31/2/2020") is None
    assert parse_date_time("15/10/2019 25:00") is None
    assert parse_date_time("1" * 100_000 + "/1/2020") is None
    assert find_dates("من 1/1/2026 إلى 2026-03-31") == [date(2026, 1, 1), date(2026, 3, 31)]
    assert parse_int("9" * 100_000) is None
