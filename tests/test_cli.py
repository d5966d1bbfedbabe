"""The command line's own messages: a missing or invalid plan file is one clear line, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def test_load_plan_of_a_missing_or_invalid_file_says_why_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OGP_DATABASE", str(tmp_path / "db.sqlite3"))
    monkeypatch.chdir(tmp_path)  # no .env from the working tree
    assert main(["load-plan", str(tmp_path / "nope.json")]) == 1
    missing = capsys.readouterr().out
    assert missing.startswith(f"error: cannot read {tmp_path / 'nope.json'}") and missing.count("\n") == 1
    broken = tmp_path / "broken.json"
    broken.write_text('{"id": "jo-nap5",', encoding="utf-8")
    assert main(["load-plan", str(broken)]) == 1
    assert capsys.readouterr().out.startswith(f"error: {broken} is not JSON")
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"id": "jo-nap5"}', encoding="utf-8")
    assert main(["load-plan", str(wrong)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"error: {wrong} is not a valid plan file (") and out.count("\n") == 1
    assert not (tmp_path / "db.sqlite3").exists()  # nothing was opened for a file that cannot be loaded
