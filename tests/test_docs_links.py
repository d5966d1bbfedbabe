"""The README and docs/ link only to files and headings that exist, and name only real `ogp-bot` commands."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
REFERENCE_LINK = re.compile(r"(?m)^\[[^\]]+\]:\s*(\S+)")
# A command is `ogp-bot` opening a code span or a line, then its first word (a line break may come between).
COMMAND = re.compile(r"(?:`|^)ogp-bot\s+([a-z][a-z-]*(?:\|[a-z][a-z-]*)*)", re.MULTILINE)


def _prose(page: Path) -> str:
    """The page without its fenced code blocks."""
    kept, fenced = [], False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            kept.append(line)
    return "\n".join(kept)


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    return {_anchor(m) for m in re.findall(r"(?m)^#{1,6}\s+(.+?)\s*#*$", _prose(page))}


def _targets(page: Path) -> list[str]:
    text = _prose(page)
    found = INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)
    return [t for t in found if not re.match(r"[a-z][a-z+.-]*:", t)]


def _broken(page: Path, target: str) -> str | None:
    path, _, anchor = target.partition("#")
    file = (page.parent / path).resolve() if path else page
    if not file.exists():
        return f"{os.path.relpath(page, ROOT)}: {target} (no such file)"
    if anchor and file.suffix == ".md" and anchor not in _anchors(file):
        return f"{os.path.relpath(page, ROOT)}: {target} (no such heading)"
    return None


def test_the_pages_are_found() -> None:
    assert ROOT / "README.md" in PAGES
    assert len(PAGES) > 10


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    broken = [b for t in _targets(page) if (b := _broken(page, t))]
    assert broken == []


def test_the_readme_stays_short() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 300


def _subcommands() -> set[str]:
    action = next(a for a in build_parser()._actions if a.dest == "command")
    return set(action.choices or ())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_named_command_is_one_the_program_has(page: Path) -> None:
    named = {word for match in COMMAND.findall(page.read_text(encoding="utf-8")) for word in match.split("|")}
    assert named - _subcommands() == set()


def test_the_checks_catch_what_they_should(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# A heading, with `code`\n\n```sh\n# not a heading\n```\n", encoding="utf-8")
    assert _anchors(page) == {"a-heading-with-code"}
    assert _broken(page, "#a-heading-with-code") is None
    assert _broken(page, "#not-a-heading") is not None
    assert COMMAND.findall("`ogp-bot export|report --lang en` and another ogp-bot is running") == ["export|report"]
