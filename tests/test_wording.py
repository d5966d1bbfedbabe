"""The words issue 23 found wrong, in both catalogues: counts agree with their nouns, one term per thing."""

from __future__ import annotations

import pytest

from messages import Messages, load_messages

COUNTS = (0, 1, 2, 3, 11, 100)  # one number per Arabic plural category
AR = load_messages("ar")
EN = load_messages("en")


def test_the_words_read_as_the_project_writes_them() -> None:
    assert AR.t("rules-none").startswith("لم ينشر المنسقون")
    assert "شراكة الحكومات الشفافة" in AR.t("rules-show", date="1/1/2026", text="…")
    assert "الحكومة المنفتحة" not in AR.t("rules-show", date="1/1/2026", text="…")
    notice = AR.t("invite-taken-notice", name="هدى العبادي", role="منسق")
    assert notice == "قُبلت دعوتك: صار دور هدى العبادي «منسق»."  # the same words whoever accepted
    assert AR.t("irm-line", field=AR.t("irm-field-open_government"), value=AR.t("irm-og-marginal")) == (
        "• الأثر في انفتاح الحكومة: هامشي"
    )
    assert AR.t("pub-percent", value=0) == "0%" and EN.t("pub-percent", value=0) == "0%"
    assert AR.t("pub-milestones-done", done=0, total=0) == "لا مراحل مسجّلة"
    assert EN.t("pub-milestones-done", done=0, total=0) == "No milestones recorded"
    assert AR.t("pub-milestones-done", done=1, total=3) == "أُنجزت 1 من 3"
    assert EN.t("state-accepted") == "Adopted" and EN.t("state-not_accepted") == "Not adopted"
    assert "(أيام)" not in AR.t("rem-rule-milestone") and "(days)" not in EN.t("rem-rule-milestone")


@pytest.mark.parametrize("count", COUNTS)
def test_readers_agree_with_their_count(count: int) -> None:
    lines = [
        AR.t("announce-readers", language="العربية", count=count),
        AR.t("bc-readers-same", language="العربية", count=count),
        AR.t("bc-readers-own", language="العربية", count=count, text="…"),
    ]
    for line in lines:
        if count == 1:
            assert "شخص واحد" in line and "يصله " in line and "يصلهم " not in line, line
        elif count == 2:
            assert "شخصان" in line and "يصلهما " in line and "يصلهم " not in line, line
        else:
            assert "يصلهم " in line, line


@pytest.mark.parametrize("count", COUNTS)
def test_answered_of_total_reads_for_every_count(count: int) -> None:
    for answered in {0, min(1, count), count}:
        line = AR.t("rep-answers", answered=answered, total=count)
        assert "من أصل توصية واحدة" not in line, line
        if count == 1:
            assert ("أُجيب عن التوصية الوحيدة" if answered else "لم يُجب بعد عن التوصية الوحيدة") in line


@pytest.mark.parametrize("told", COUNTS)
def test_cases_told_take_their_plural(told: int) -> None:
    line = AR.t("ev-responses", total=100, answered=told, told=told)
    expected = {
        0: "ولم يُبلَّغ أيٌّ من أصحابها بالرد",
        1: "في حالة واحدة",
        2: "في حالتين",
        3: "في 3 حالات",
        11: "في 11 حالة",
        100: "في 100 حالة",
    }[told]
    assert expected in line, line
    english = EN.t("ev-responses", total=100, answered=told, told=told)
    assert "in 1 case" not in english and ("one case" in english) == (told == 1)
    single = AR.t("ev-responses", total=1, answered=min(told, 1), told=min(told, 1))
    assert "حالة" not in single and "منها" not in single


def test_english_names_the_plan_and_its_owner_with_their_article() -> None:
    assert EN.t("status-title", plan="Fourth National Action Plan") == (
        "Where the commitments of the Fourth National Action Plan stand:"
    )
    intro = EN.t(
        "rep-round-intro",
        owner="Ministry of Planning",
        round="the second meeting",
        weekday="Sunday",
        date="3/5/2026",
        place="in Amman",
        plan="Fourth National Action Plan",
    )
    assert intro.startswith("The Ministry of Planning held") and "as part of the Fourth National" in intro


@pytest.mark.parametrize("messages", [AR, EN], ids=["ar", "en"])
def test_one_name_for_the_theme_left_open_and_for_the_reply(messages: Messages) -> None:
    other = messages.t("theme-other")
    keys = ("exp-no-theme", "rep-theme-other", "round-findings-no-theme", "pub-theme-other")
    assert {messages.t(key) for key in keys} == {other}  # chat, exports, report and site use one term
    label = messages.t("my-response", response="X")
    assert messages.t("loop-answer-reason", response="X") == label  # the notice and /my name the text alike


def test_report_lists_end_with_and_in_english_and_as_the_seed_in_arabic() -> None:
    assert EN.join_and(["civil society (2)", "academia (1)", "media (1)"], "rep-list-and") == (
        "civil society (2), academia (1) and media (1)"
    )
    assert AR.join_and(["أ (2)", "ب (1)", "ج (1)"], "rep-list-and") == "أ (2)، ب (1)، ج (1)"
