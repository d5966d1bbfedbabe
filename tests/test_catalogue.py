"""The Arabic catalogue: every key used exists, placeholders match, nothing unused, Fluent parses."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from fluent.syntax import FluentParser
from fluent.syntax import ast as fluent_ast
from fluent.syntax.visitor import Visitor

from handlers.labels import dynamic_keys
from messages_ar import load_messages

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("bot", "handlers", "storage", "reports", "messages_ar")


def _python_files() -> Iterator[Path]:
    for folder in CODE_DIRS:
        yield from (ROOT / folder).rglob("*.py")


def _trees() -> Iterator[tuple[Path, ast.AST]]:
    for path in _python_files():
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _t_calls() -> Iterator[tuple[Path, ast.Call, str]]:
    """Yield every call .t("literal-key", ...) in the code."""
    for path, tree in _trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield path, node, node.args[0].value


def _string_constants() -> set[str]:
    return {
        node.value
        for _, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_every_key_used_exists() -> None:
    messages = load_messages()
    missing = {f"{path.name}:{call.lineno} {key}" for path, call, key in _t_calls() if not messages.has(key)}
    assert not missing, sorted(missing)


def test_placeholders_match_where_given_explicitly() -> None:
    messages = load_messages()
    wrong = []
    for path, call, key in _t_calls():
        if not messages.has(key) or any(kw.arg is None for kw in call.keywords):
            continue  # **kwargs: checked at run time by Messages.t
        given = {kw.arg for kw in call.keywords if kw.arg is not None}
        if given != messages.variables(key):
            wrong.append(f"{path.name}:{call.lineno} {key}: {sorted(given)} != {sorted(messages.variables(key))}")
    assert not wrong, wrong


def test_no_unused_keys() -> None:
    messages = load_messages()
    used = _string_constants() | dynamic_keys()
    unused = sorted(messages.keys() - used)
    assert not unused, f"keys nobody uses: {unused}"


def test_dynamic_keys_exist() -> None:
    messages = load_messages()
    assert not sorted(k for k in dynamic_keys() if not messages.has(k))


def test_plural_messages_cover_arabic_categories() -> None:
    messages = load_messages()
    assert messages.t("status-recommendations", count=0).startswith("لم تصل")
    assert "توصية واحدة" in messages.t("status-recommendations", count=1)
    assert "توصيتان" in messages.t("status-recommendations", count=2)
    assert "3 توصيات" in messages.t("status-recommendations", count=3)
    assert "11 توصية" in messages.t("status-recommendations", count=11)
    assert "100 توصية" in messages.t("status-recommendations", count=100)


# ---------------------------------------------------------------------------------------------------------------
# Arabic rules, checked over every message of the catalogue

NUMBER_WORD = r"(?<![\d,]){n} ([\u0621-\u0652]+)"
TANWEEN_FATH = "اً"  # the accusative ending a counted noun takes after 11-99, never after 100 or more
NO_VISIBLE_TANWEEN = ("ة", "ى", "ء")  # nouns ending so take no written alif: «55 توصية», «100 توصية»
IN_CONSTRUCT = {"ضابط"}  # «55 ضابط ارتباط»: the first noun of a construct takes no tanween
NOT_COUNTED = {"أصلاً"}  # an adverb after a value that is not a number («الجولة مفتوحة أصلاً»)


class _Selects(Visitor):
    """Collects the variables a message selects variants on."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_SelectExpression(self, node: fluent_ast.SelectExpression) -> None:
        if isinstance(node.selector, fluent_ast.VariableReference):
            self.names.add(node.selector.id.name)
        self.generic_visit(node)


def _selectors() -> dict[str, set[str]]:
    """Return, per message, the variables it selects plural forms on."""
    found: dict[str, set[str]] = {}
    parser = FluentParser(with_spans=False)
    for path in sorted((ROOT / "messages_ar").glob("*.ftl")):
        for entry in parser.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, fluent_ast.Message):
                selects = _Selects()
                selects.visit(entry)
                if selects.names:
                    found[entry.id.name] = selects.names
    return found


def _words_after(key: str, variable: str, n: int) -> list[str]:
    messages = load_messages()
    args = dict.fromkeys(messages.variables(key), 3) | {variable: n}
    return re.findall(NUMBER_WORD.format(n=n), messages.t(key, **args))


def test_no_latin_thousands_separator_in_arabic_prose() -> None:
    messages = load_messages()
    for n in (2001, 1234567):
        for key in sorted(messages.keys()):
            text = messages.t(key, **dict.fromkeys(messages.variables(key), n))
            assert not re.search(r"\d,\d{3}", text), f"{key}: {text}"


def test_no_counted_noun_takes_tanween_after_a_hundred_or_more() -> None:
    messages = load_messages()
    for n in (100, 2001):
        for key in sorted(messages.keys()):
            text = messages.t(key, **dict.fromkeys(messages.variables(key), n))
            wrong = [w for w in re.findall(NUMBER_WORD.format(n=n), text) if w.endswith(TANWEEN_FATH)]
            assert not set(wrong) - NOT_COUNTED, f"«{n} {wrong[0]}» in {key}: after 100 the noun is «{n} شخص»"


def test_counted_nouns_take_the_arabic_plural_categories() -> None:
    """3-10 take the plural, 11-99 the accusative singular («55 مشاركاً»), 100 and more the singular («100 مشارك»)."""
    checked = 0
    for key, variables in _selectors().items():
        for variable in variables:
            few, many, other = (_words_after(key, variable, n) for n in (3, 55, 100))
            if not few or not other or few[0] == other[0]:
                continue  # the number is not followed by a noun that varies with it
            noun = other[0]
            plain = noun.endswith(NO_VISIBLE_TANWEEN) or noun in IN_CONSTRUCT
            expected = noun if plain else noun + TANWEEN_FATH
            assert many and many[0] == expected, f"{key} (${variable}=55): «55 {many[:1]}», expected «55 {expected}»"
            checked += 1
    assert checked > 40


def test_the_wording_the_issue_found() -> None:
    messages = load_messages()
    everything = "\n".join(messages.t(k, **dict.fromkeys(messages.variables(k), 7)) for k in sorted(messages.keys()))
    for wrong in ("ما يصل توصياتك", "تخطَّ", "المعلّقة", "ولم يضع", "(عرض ", "الوسيط حتى الرد", "مع اسم جهتك."):
        assert wrong not in everything, wrong
    assert "ما يصل إلى توصياتك" in messages.t("welcome")
    assert "من أصل توصيتين" in messages.t("inbox-title", unanswered=1, total=2, first=1, last=2)
    assert "إلى 7 أشخاص:" in messages.t("bc-summary", total=7, sent=7, failed=0, unreachable=0)
    assert "التوصيات" not in messages.t("endorse-count", count=0)  # true with one recommendation as with many
    assert "ولم يَضِعْ" in messages.t("busy-error")
    assert messages.t("skip-governorate") == messages.t("update-skip") == "تخطّي"
