"""The Jinja2 environment (autoescaped) and the catalogue keys its templates use."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, nodes

from public.text import contain_bidi

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> Environment:
    """Return the one template environment: every value escaped, a missing variable an error."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["bidi"] = contain_bidi  # for people's words placed inside a catalogue sentence
    return env


def render(name: str, **context: Any) -> bytes:
    """Render a template to UTF-8 bytes."""
    return environment().get_template(name).render(**context).encode("utf-8")


def template_calls() -> list[tuple[str, str, frozenset[str] | None]]:
    """Return every t("key", ...) in the templates: (template, key, keyword names or None when dynamic)."""
    env = environment()
    found = []
    for path in sorted(TEMPLATES.glob("*.html")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "t" and call.args:
                first = call.args[0]
                if isinstance(first, nodes.Const) and isinstance(first.value, str):
                    names = None if call.dyn_kwargs is not None else frozenset(kw.key for kw in call.kwargs)
                    found.append((path.name, first.value, names))
    return found


def dynamic_key_prefixes() -> list[str]:
    """Return the prefixes of keys the templates build at run time (t("sector-" ~ value) and the like)."""
    env = environment()
    prefixes = []
    for path in sorted(TEMPLATES.glob("*.html")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if isinstance(call.node, nodes.Name) and call.node.name == "t" and call.args:
                first = call.args[0]
                if isinstance(first, nodes.Concat) and isinstance(first.nodes[0], nodes.Const):
                    prefixes.append(str(first.nodes[0].value))
    return sorted(set(prefixes))
