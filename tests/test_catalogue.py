"""The Arabic catalogue: every key used exists, placeholders match, nothing unused, Fluent parses."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from handlers.labels import dynamic_keys
from messages_ar import load_messages
from public.site import dynamic_keys as public_dynamic_keys
from public.templates import dynamic_key_prefixes, template_calls

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("bot", "handlers", "storage", "reports", "messages_ar", "public")


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


def test_no_unused_keys() -> None:
    messages = load_messages()
    used = _string_constants() | dynamic_keys() | public_dynamic_keys() | {key for _, key, _ in template_calls()}
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
