"""What the README and the command line's help say about configuration and files is true."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_env_example_lists_each_setting_once() -> None:
    names = re.findall(r"(?m)^#? ?(OGP_[A-Z0-9_]+)=", (ROOT / ".env.example").read_text(encoding="utf-8"))
    assert [name for name, n in Counter(names).items() if n > 1] == []
    assert set(names) == {f"OGP_{field.upper()}" for field in Settings.model_fields}


@pytest.mark.parametrize(("command", "mentions_json"), [("export", True), ("report", False)])
def test_help_mentions_json_only_where_json_is_written(
    command: str, mentions_json: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args([command, "--help"])
    assert ("JSON" in capsys.readouterr().out) is mentions_json
