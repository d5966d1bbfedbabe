"""The catalogues, Arabic and English: the same keys and placeholders in both, every key used exists, nothing unused,
Fluent parses, each language counts with its own plural categories and keeps to its own script."""

from __future__ import annotations

import ast
import itertools
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import pytest
from babel import Locale
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from handlers.kit.labels import dynamic_keys
from messages import CATALOGUES, LANGUAGES, Language, Messages, language_for, load_messages
from messages.parsed import parse_resources
from messages_ar import load_messages as load_from_messages_ar
from public.site import dynamic_keys as public_dynamic_keys
from public.templates import dynamic_key_prefixes, template_calls

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("bot", "handlers", "storage", "reports", "messages", "messages_ar", "messages_en", "public")
COUNTS = (0, 1, 2, 3, 11, 100)  # one number per Arabic plural category (zero, one, two, few, many, other)
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF«»]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
# What may stand in Latin letters inside an Arabic message: commands, codes, URLs, file formats and the words a
# coordinator types for the reminder rules (crontab and Python's day names).
LATIN_ALLOWED_IN_ARABIC = re.compile(
    r"https://\S*"  # links, and the https:// a link must start with
    r"|/[a-z_]+"  # commands: /start, /join
    r"|\b[ir]_[A-Za-z0-9]+"  # invitation and round codes: i_AbC123, r_ABC234
    r"|\bJO\d{4}\b"  # OGP commitment ids
    r"|\bogp-bot [a-z]+"  # the command line
    r"|\b(?:QR|PNG|XLSX|CSV|JSON|Excel|Word|crontab|off|sun|mon|tue|wed|thu|fri|sat)\b"
    r"|\b(?:PDF|DOCX|JPEG)\b"  # the files people may send
    r"|\b(?:Atom|UTF-8|Schema|YYYY-MM-DD)\b"  # the open-data card names formats
    r"|\bCC BY(?:-[A-Z]{2})* \d\.\d\b"  # the open data's licence, by its name (OGP_PUBLIC_LICENCE)
)
# The open-data card explains the codes a data file holds (not_started, cso, ...): they are data, not words.
DOCUMENTS_CODES = {
    "pub-field-completion",
    "pub-field-tag",
    "pub-field-state",
    "pub-field-author_sector",
    "pub-field-ogp_values",
    "pub-field-irm",
}


def _python_files() -> Iterator[Path]:
    for folder in CODE_DIRS:
        yield from (ROOT / folder).rglob("*.py")


@cache
def _trees() -> tuple[tuple[Path, ast.AST], ...]:
    return tuple((path, ast.parse(path.read_text(encoding="utf-8"))) for path in _python_files())


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


def _messages_ast(language: Language) -> dict[str, ftl.Message]:
    return {
        entry.id.name: entry
        for resource in parse_resources(CATALOGUES[language].folder).values()
        for entry in resource.body
        if isinstance(entry, ftl.Message)
    }


# Which key is in which file, both languages
def _keys_by_file(language: Language) -> dict[str, set[str]]:
    resources = parse_resources(CATALOGUES[language].folder)
    return {name: {e.id.name for e in r.body if isinstance(e, ftl.Message)} for name, r in resources.items()}


@pytest.fixture(params=LANGUAGES)
def messages(request: pytest.FixtureRequest) -> Messages:
    """Each language's catalogue in turn."""
    return load_messages(request.param)


def test_every_key_used_exists(messages: Messages) -> None:
    missing = {f"{path.name}:{call.lineno} {key}" for path, call, key in _t_calls() if not messages.has(key)}
    assert not missing, sorted(missing)


def test_placeholders_match_where_given_explicitly(messages: Messages) -> None:
    wrong = []
    for path, call, key in _t_calls():
        if not messages.has(key) or any(kw.arg is None for kw in call.keywords):
            continue  # **kwargs: checked at run time by Messages.t
        given = {kw.arg for kw in call.keywords if kw.arg is not None}
        if given != messages.variables(key):
            wrong.append(f"{path.name}:{call.lineno} {key}: {sorted(given)} != {sorted(messages.variables(key))}")
    assert not wrong, wrong


def test_template_keys_exist_and_placeholders_match() -> None:
    messages = load_messages()
    missing = sorted(f"{name} {key}" for name, key, _ in template_calls() if not messages.has(key))
    assert not missing, missing
    wrong = [
        f"{name} {key}: {sorted(given)} != {sorted(messages.variables(key))}"
        for name, key, given in template_calls()
        if given is not None and messages.has(key) and given != messages.variables(key)
    ]
    assert not wrong, wrong


def test_template_dynamic_keys_exist() -> None:
    messages = load_messages()
    known = dynamic_keys() | public_dynamic_keys()
    assert not sorted(k for k in public_dynamic_keys() if not messages.has(k))
    for prefix in dynamic_key_prefixes():
        assert any(key.startswith(prefix) for key in known), f"no dynamic key starts with {prefix!r}"


def test_no_unused_keys(messages: Messages) -> None:
    used = _string_constants() | dynamic_keys() | public_dynamic_keys() | {key for _, key, _ in template_calls()}
    unused = sorted(messages.keys() - used)
    assert not unused, f"keys nobody uses: {unused}"


def test_dynamic_keys_exist(messages: Messages) -> None:
    assert not sorted(k for k in dynamic_keys() if not messages.has(k))


def test_both_languages_have_the_same_files_and_keys() -> None:
    arabic, english = _keys_by_file("ar"), _keys_by_file("en")
    assert sorted(english) == sorted(arabic)
    differences = {name: sorted(arabic[name] ^ english[name]) for name in arabic if arabic[name] != english[name]}
    assert not differences, differences


def test_placeholders_match_key_by_key() -> None:
    arabic, english = load_messages("ar"), load_messages("en")
    wrong = {
        k: (sorted(arabic.variables(k)), sorted(english.variables(k)))
        for k in arabic.keys() & english.keys()
        if arabic.variables(k) != english.variables(k)
    }
    assert not wrong, wrong


def test_both_parse_without_junk() -> None:
    for language in LANGUAGES:
        for name, resource in parse_resources(CATALOGUES[language].folder).items():
            junk = [entry.content for entry in resource.body if isinstance(entry, ftl.Junk)]
            assert not junk, f"{language}/{name}: {junk}"


def _select_expressions(message: ftl.Message) -> list[ftl.SelectExpression]:
    found: list[ftl.SelectExpression] = []

    class Collector(Visitor):
        def visit_SelectExpression(self, node: ftl.SelectExpression) -> None:
            found.append(node)
            self.generic_visit(node)

    Collector().visit(message)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_variants_are_categories_the_language_has(language: Language) -> None:
    """An English [zero] or [two] would never be chosen (English says "other" for 0): use [0] for a special zero."""
    categories = Locale.parse(CATALOGUES[language].locale.replace("-", "_")).plural_form.tags | {"other"}
    wrong = [
        f"{key}: [{variant.key.name}]"
        for key, message in _messages_ast(language).items()
        for select in _select_expressions(message)
        for variant in select.variants
        if isinstance(variant.key, ftl.Identifier) and variant.key.name not in categories
    ]
    assert not wrong, wrong


def test_plural_messages_cover_arabic_categories() -> None:
    messages = load_messages("ar")
    assert messages.t("status-recommendations", count=0).startswith("لم تصل")
    assert "توصية واحدة" in messages.t("status-recommendations", count=1)
    assert "توصيتان" in messages.t("status-recommendations", count=2)
    assert "3 توصيات" in messages.t("status-recommendations", count=3)
    assert "11 توصية" in messages.t("status-recommendations", count=11)
    assert "100 توصية" in messages.t("status-recommendations", count=100)


def test_plural_messages_cover_english_categories() -> None:
    messages = load_messages("en")
    assert messages.t("status-recommendations", count=0).startswith("No recommendations")
    assert messages.t("status-recommendations", count=1).startswith("One recommendation has")
    assert messages.t("status-recommendations", count=2).startswith("2 recommendations have")
    assert messages.t("status-recommendations", count=11).startswith("11 recommendations have")
    assert messages.t("stats-days", days=0) == "less than a day"
    assert messages.t("stats-days", days=1.5) == "1.5 days"
    assert (
        messages.t("rem-overdue-title", count=1, days=1) == "One recommendation has had no reply for more than a day:"
    )


def _numeric_samples(message: ftl.Message) -> dict[str, set[int]]:
    """Return the numbers to try for each placeholder that chooses a variant or goes through NUMBER()."""
    samples: dict[str, set[int]] = {}

    class Collector(Visitor):
        def visit_SelectExpression(self, node: ftl.SelectExpression) -> None:
            if isinstance(node.selector, ftl.VariableReference):
                keys = {int(v.key.value) for v in node.variants if isinstance(v.key, ftl.NumberLiteral)}
                samples.setdefault(node.selector.id.name, set(COUNTS)).update(keys)
            self.generic_visit(node)

        def visit_FunctionReference(self, node: ftl.FunctionReference) -> None:
            for arg in node.arguments.positional:
                if isinstance(arg, ftl.VariableReference):
                    samples.setdefault(arg.id.name, set(COUNTS))

    Collector().visit(message)
    return samples


def _renderings(messages: Messages, key: str, message: ftl.Message) -> Iterator[str]:
    """Render a message with every combination of sample numbers, so that every variant is shown at least once.

    Other placeholders get a digit, which is neither Arabic nor Latin: what is checked is the catalogue's own words.
    """
    numeric = _numeric_samples(message)
    names = sorted(numeric)
    for values in itertools.product(*(sorted(numeric[n]) for n in names)):
        args: dict[str, str | int] = {name: "7" for name in messages.variables(key)}
        args.update(zip(names, values, strict=True))
        yield messages.t(key, **args)


def arabic_script_in(text: str) -> list[str]:
    """Return the Arabic letters, digits and punctuation (and «») in a text."""
    return ARABIC_SCRIPT.findall(text)


def latin_words_in(text: str) -> list[str]:
    """Return the Latin-letter words in a text that are not commands, codes, links or file formats."""
    return LATIN_WORD.findall(LATIN_ALLOWED_IN_ARABIC.sub(" ", text))


def test_the_script_checks_find_the_other_script() -> None:
    assert arabic_script_in("Send “توصية” now, ٣ times") == ["ت", "و", "ص", "ي", "ة", "٣"]
    assert arabic_script_in("Use «menu»") == ["«", "»"]
    assert latin_words_in("اكتب /start أو r_ABC234 أو JO0059 على https://t.me/x بصيغة XLSX") == []
    assert latin_words_in("اضغط Send أو menu، ثم OK2") == ["Send", "menu", "OK2"]


def test_no_arabic_script_in_english_messages() -> None:
    messages = load_messages("en")
    found = {
        key: sorted(set(hits))
        for key, message in _messages_ast("en").items()
        for text in _renderings(messages, key, message)
        if (hits := arabic_script_in(text))
    }
    assert not found, found


def test_no_latin_words_in_arabic_messages() -> None:
    messages = load_messages("ar")
    found = {
        key: sorted(set(words))
        for key, message in _messages_ast("ar").items()
        if key not in DOCUMENTS_CODES
        for text in _renderings(messages, key, message)
        if (words := latin_words_in(text))
    }
    assert not found, found


def _chosen(select: ftl.SelectExpression, number: int, category: str) -> ftl.Variant:
    """Return the variant Fluent picks for a number: an exact [3] first, then the plural category, then the default."""
    for variant in select.variants:
        if isinstance(variant.key, ftl.NumberLiteral) and float(variant.key.value) == number:
            return variant
    for variant in select.variants:
        if isinstance(variant.key, ftl.Identifier) and variant.key.name == category:
            return variant
    return next(variant for variant in select.variants if variant.default)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_samples_reach_every_variant(language: Language) -> None:
    """So the script checks above read every word of every message."""
    plural = Locale.parse(CATALOGUES[language].locale.replace("-", "_")).plural_form
    missed = []
    for key, message in _messages_ast(language).items():
        numbers = _numeric_samples(message)
        for select in _select_expressions(message):
            assert isinstance(select.selector, ftl.VariableReference), key
            reached = {id(_chosen(select, n, plural(n))) for n in numbers[select.selector.id.name]}
            missed += [
                f"{key}: [{v.key.name if isinstance(v.key, ftl.Identifier) else v.key.value}]"
                for v in select.variants
                if id(v) not in reached
            ]
    assert not missed, missed


def test_a_catalogue_per_language_loaded_once() -> None:
    arabic, english = load_messages(), load_messages("en")
    assert (arabic.language, arabic.direction) == ("ar", "rtl")
    assert (english.language, english.direction) == ("en", "ltr")
    assert load_messages("ar") is arabic is load_from_messages_ar()
    assert load_messages("en") is english
    assert arabic.keys() == english.keys()
    with pytest.raises(ValueError, match="no catalogue for language 'fr'"):
        load_messages("fr")


def test_dates_times_and_lists_in_each_language() -> None:
    arabic, english = load_messages("ar"), load_messages("en")
    day, moment = date(2019, 9, 30), datetime(2019, 10, 15, 17, 0, tzinfo=UTC)
    assert arabic.date(day) == english.date(day) == "30/9/2019"
    assert arabic.time(moment) == english.time(moment) == "17:00"
    assert english.join(["civil society (2)", "media (1)"]) == "civil society (2), media (1)"
    assert arabic.join(["أ (2)", "ب (1)"]) == "أ (2)، ب (1)"


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("EN_us", "en"),
        ("ar", "ar"),
        ("ar-JO", "ar"),
        ("fr", "ar"),
        ("", "ar"),
        (None, "ar"),
    ],
)
def test_language_for_a_language_tag(code: str | None, language: Language) -> None:
    assert language_for(code) == language


# ---------------------------------------------------------------------------------------------------------------
# Arabic rules, checked over every message of the catalogue

NUMBER_WORD = r"(?<![\d,]){n} ([\u0621-\u0652]+)"
TANWEEN_FATH = "اً"  # the accusative ending a counted noun takes after 11-99, never after 100 or more
NO_VISIBLE_TANWEEN = ("ة", "ى", "ء")  # nouns ending so take no written alif: «55 توصية», «100 توصية»
IN_CONSTRUCT = {"ضابط"}  # «55 ضابط ارتباط»: the first noun of a construct takes no tanween
NOT_COUNTED = {"أصلاً"}  # an adverb after a value that is not a number («الجولة مفتوحة أصلاً»)
NOT_NOUNS = {"منها", "منهما"}  # «أُجيب عن 55 منها»: a preposition follows the number, no counted noun


class _Selects(Visitor):
    """Collects the variables a message selects variants on."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_SelectExpression(self, node: ftl.SelectExpression) -> None:
        if isinstance(node.selector, ftl.VariableReference):
            self.names.add(node.selector.id.name)
        self.generic_visit(node)


def _selectors() -> dict[str, set[str]]:
    """Return, per Arabic message, the variables it selects plural forms on."""
    found: dict[str, set[str]] = {}
    for key, message in _messages_ast("ar").items():
        selects = _Selects()
        selects.visit(message)
        if selects.names:
            found[key] = selects.names
    return found


def _words_after(key: str, variable: str, n: int) -> list[str]:
    messages = load_messages("ar")
    args = dict.fromkeys(messages.variables(key), 3) | {variable: n}
    return re.findall(NUMBER_WORD.format(n=n), messages.t(key, **args))


def test_no_latin_thousands_separator_in_arabic_prose() -> None:
    messages = load_messages("ar")
    for n in (2001, 1234567):
        for key in sorted(messages.keys()):
            text = messages.t(key, **dict.fromkeys(messages.variables(key), n))
            assert not re.search(r"\d,\d{3}", text), f"{key}: {text}"


def test_no_counted_noun_takes_tanween_after_a_hundred_or_more() -> None:
    messages = load_messages("ar")
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
            if not few or not other or few[0] == other[0] or other[0] in NOT_NOUNS:
                continue  # the number is not followed by a noun that varies with it
            noun = other[0]
            plain = noun.endswith(NO_VISIBLE_TANWEEN) or noun in IN_CONSTRUCT
            expected = noun if plain else noun + TANWEEN_FATH
            assert many and many[0] == expected, f"{key} (${variable}=55): «55 {many[:1]}», expected «55 {expected}»"
            checked += 1
    assert checked > 40


def test_the_wording_the_issue_found() -> None:
    messages = load_messages("ar")
    everything = "\n".join(messages.t(k, **dict.fromkeys(messages.variables(k), 7)) for k in sorted(messages.keys()))
    for wrong in ("ما يصل توصياتك", "تخطَّ", "المعلّقة", "ولم يضع", "(عرض ", "الوسيط حتى الرد", "مع اسم جهتك."):
        assert wrong not in everything, wrong
    assert "ما يصل إلى توصياتك" in messages.t("welcome")
    assert "من أصل توصيتين" in messages.t("inbox-title", unanswered=1, total=2, shown="")
    assert "إلى 7 أشخاص:" in messages.t("bc-summary", total=7, sent=7, failed=0, unreachable=0)
    assert "التوصيات" not in messages.t("endorse-count", count=0)  # true with one recommendation as with many
    assert "ولم يَضِعْ" in messages.t("busy-error")
    assert messages.t("skip-governorate") == messages.t("update-skip") == "تخطّي"
