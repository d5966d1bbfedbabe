"""What the README and the command line's help say about configuration and files is true."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bot.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent


def test_env_example_lists_each_variable_once_and_the_readme_counts_them() -> None:
    names = re.findall(r"(?m)^#? ?(OGP_[A-Z0-9_]+)=", (ROOT / ".env.example").read_text(encoding="utf-8"))
    assert [name for name, n in Counter(names).items() if n > 1] == []
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"({len(names)} of them)" in readme


@pytest.mark.parametrize(("command", "mentions_json"), [("export", True), ("report", False)])
def test_help_mentions_json_only_where_json_is_written(
    command: str, mentions_json: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    assert ("JSON" in capsys.readouterr().out) is mentions_json
