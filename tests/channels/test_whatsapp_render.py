"""Drawing replies for WhatsApp: every body the renderer makes passes the stand-in's (the API's) checks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.whatsapp_render import (
    Labels,
    fit,
    parse_more,
    render,
    split_tail,
    template_body,
    unique_titles,
)
from handlers.kit.contract import Choice, Reply
from tests.standins.graph_api import _check_interactive, _check_text

LABELS = Labels(list_button="اختر", more="المزيد ⬅️", choose="اختر مما يلي:")
ARABIC_WORDS = st.lists(
    st.sampled_from(["الالتزام", "تعزيز", "الشفافية", "و", "البيانات", "المفتوحة", "2"]), min_size=1
)


def check(body: dict[str, object]) -> None:
    """Raise the Graph API's error if the body breaks a limit."""
    (_check_text if body["type"] == "text" else _check_interactive)(body)


def test_three_choices_are_buttons_with_unique_short_titles() -> None:
    same = "الحصول على المعلومات من الوزارات"
    reply = Reply(text="اختر", choices=tuple(Choice(id=f"x:{n}", label=same) for n in range(3)))
    [body] = render(reply, LABELS, 7)
    buttons = body["interactive"]["action"]["buttons"]
    titles = [b["reply"]["title"] for b in buttons]
    assert len(set(titles)) == 3 and all(len(t) <= 20 for t in titles)
    assert titles[0] == "الحصول على…" and titles[1] == "الحصول على… 2"
    check(body)


def test_shortening_keeps_arabic_words_whole() -> None:
    [title] = unique_titles(["تعزيز التشاركية والحوار بين القطاع العام"], 24)
    assert title == "تعزيز التشاركية والحوار…"  # 23 letters and the ellipsis: exactly 24
    assert fit("توحيد وتطوير آليات استقبال", 20) == "توحيد وتطوير آليات…"
    assert fit("https://example.org/a-very-long-address", 10) == "https://e…"
    assert all(word in "تعزيز التشاركية والحوار بين القطاع العام" for word in title.rstrip("…").split())


def test_four_to_ten_choices_are_a_list_with_descriptions() -> None:
    choices = tuple(
        Choice(id=f"c:{n}", label=f"{n}. تعزيز تطبيق سياسة البيانات الحكومية المفتوحة", description="JO0061")
        for n in range(5)
    )
    [body] = render(Reply(text="اختر التزاماً", choices=choices), LABELS, 1)
    rows = body["interactive"]["action"]["sections"][0]["rows"]
    assert len(rows) == 5 and rows[0]["description"].endswith("JO0061") and "المفتوحة" in rows[0]["description"]
    check(body)


def test_more_than_ten_choices_page_with_a_more_row_that_survives_restarts() -> None:
    choices = tuple(Choice(id=f"g:{n}", label=f"محافظة {n}") for n in range(13))
    [body] = render(Reply(text="اختر", choices=choices), LABELS, 42)
    rows = body["interactive"]["action"]["sections"][0]["rows"]
    assert len(rows) == 10 and rows[-1]["id"] == "wa:more:42:9" and rows[-1]["title"] == "المزيد ⬅️"
    assert parse_more(rows[-1]["id"]) == (42, 9) and parse_more("wa:more:x:1") is None
    check(body)


def test_a_long_body_goes_before_the_buttons() -> None:
    text = "\n".join("سطر طويل من نص الرد " * 5 for _ in range(30))
    bodies = render(Reply(text=text, choices=(Choice(id="a:1", label="نعم"),)), LABELS, 1)
    assert [b["type"] for b in bodies] == ["text", "interactive"]
    for body in bodies:
        check(body)
    head, tail = split_tail(text, 1024)
    assert bodies[0]["text"]["body"] == head and bodies[1]["interactive"]["body"]["text"] == tail


def test_template_variable_has_no_new_lines_and_fits() -> None:
    body = template_body("ogp_update", "ar", "سطر أول\n\nسطر    ثانٍ " + "كلمة " * 400)
    [param] = body["template"]["components"][0]["parameters"]
    assert "\n" in "سطر أول\n" and "\n" not in param["text"] and "    " not in param["text"]
    assert len(param["text"]) <= 700


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(min_size=0, max_size=6000),
    labels=st.lists(ARABIC_WORDS.map(" ".join), min_size=0, max_size=25),
    descriptions=st.booleans(),
)
def test_any_reply_renders_within_the_limits(text: str, labels: list[str], descriptions: bool) -> None:
    choices = tuple(
        Choice(id=f"p:{n}", label=label, description=label * 3 if descriptions else None)
        for n, label in enumerate(labels)
    )
    for body in render(Reply(text=text, choices=choices), LABELS, 123456):
        check(body)
