"""The architecture as a test: no Arabic sentence outside the catalogue; the import contracts live in pyproject."""

from __future__ import annotations

import ast
import os
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE = ("bot", "handlers", "storage", "reports", "public", "messages")
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]")  # not FEFF, the BOM


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        if isinstance(node, kinds) and node.body and isinstance(node.body[0], ast.Expr):
            found.add(id(node.body[0].value))
    return found


def arabic_literals(path: Path, root: Path = ROOT) -> list[str]:
    """Return the string literals of a module that carry Arabic letters or punctuation (digits and marks are data)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in docs:
            continue
        if any(ARABIC.match(ch) and unicodedata.category(ch) not in ("Nd", "Cf") for ch in node.value):
            found.append(f"{path.relative_to(root)}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_arabic_sentences_live_only_in_the_catalogue() -> None:
    found = [hit for folder in CODE for path in sorted((ROOT / folder).rglob("*.py")) for hit in arabic_literals(path)]
    assert not found, "Arabic in code (put it in messages_ar/, lists and dates through Messages):\n" + "\n".join(found)


def test_the_check_finds_an_arabic_literal(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Docstrings may quote «نص».»"""\nSEPARATOR = "، "\nDIGITS = "٠١٢"\n', encoding="utf-8")
    assert arabic_literals(sample, tmp_path) == ["sample.py:2: '، '"]


def test_settings_from_the_shell_do_not_reach_tests() -> None:
    leaked = sorted(name for name in os.environ if name.startswith("OGP_"))
    assert not leaked, f"the autouse fixture in tests/conftest.py should have removed {leaked}"
