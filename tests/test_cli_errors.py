"""Command-line mistakes get one line saying what is wrong and what to do, exit status 2, and nothing written."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import DEFAULT_PLAN
from tests.support import process_environment

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with a database holding the active plan."""
    monkeypatch.chdir(tmp_path)  # no .env from the working tree
    monkeypatch.setenv("OGP_DATABASE", str(tmp_path / "bot.sqlite3"))
    assert main(["load-plan", str(DEFAULT_PLAN), "--activate"]) == 0
    return tmp_path


def listing(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run a command that must be refused; return its one line."""
    capsys.readouterr()
    assert main(argv) == 2
    captured = capsys.readouterr()
    [line] = captured.out.splitlines()
    assert line.startswith("error: ") and "Traceback" not in captured.err
    return line


MISSING = [
    ["export", "--output", "missing/dir/x.xlsx"],
    ["report", "--output", "missing/dir/x.docx"],
    ["evidence", "--output", "missing/dir/x.zip"],
]


@pytest.mark.parametrize("argv", MISSING, ids=[a[0] for a in MISSING])
def test_an_output_in_a_missing_folder_is_one_line(
    folder: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = listing(folder)
    line = refused(argv, capsys)
    assert line == f"error: --output {argv[2]}: the folder missing/dir does not exist; create it first"
    assert listing(folder) == before


def test_publish_onto_an_existing_file_is_one_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = folder / "site.html"
    taken.write_text("kept", encoding="utf-8")
    before = listing(folder)
    assert refused(["publish", "--output", "site.html"], capsys) == (
        "error: --output site.html is a file; name a folder (created if missing)"
    )
    assert taken.read_text(encoding="utf-8") == "kept" and listing(folder) == before


def test_the_format_comes_from_the_name_or_the_request_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--output", "x.json"]) == 0
    assert "recommendations" in json.loads((folder / "x.json").read_bytes())
    assert main(["export", "--output", "x.zip"]) == 0
    assert all(n.endswith(".csv") for n in zipfile.ZipFile(folder / "x.zip").namelist())
    before = listing(folder)
    line = refused(["export", "--format", "json", "--output", "y.xlsx"], capsys)
    assert line == "error: --format json does not write 'y.xlsx': name the output NAME.json"
    assert "name the output .docx" in refused(["report", "--output", "r.pdf"], capsys)
    assert "name the output .xlsx, .csv" in refused(["export", "--output", "x.pdf"], capsys)
    reversed_dates = ["export", "--output", "z.xlsx", "--since", "2/1/2026", "--until", "1/1/2026"]
    assert refused(reversed_dates, capsys) == "error: --since is after --until: give the first day, then the last"
    assert listing(folder) == before


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port on 127.0.0.1 that something else listens on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def run_bot(folder: Path, port: int, **settings: str) -> subprocess.CompletedProcess[str]:
    env = process_environment(
        OGP_DATABASE=str(folder / "bot.sqlite3"), OGP_WEBHOOK_PORT=str(port), OGP_LOG_LEVEL="INFO", **settings
    )
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input="",  # the terminal chat ends at once
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
        timeout=60,
        check=False,
    )


def test_run_with_nothing_configured_goes_on_without_a_taken_port(tmp_path: Path, taken_port: int) -> None:
    done = run_bot(tmp_path, taken_port)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert f"the public site is off: 127.0.0.1:{taken_port} cannot be used" in done.stderr
    assert (tmp_path / "bot.sqlite3").exists()  # the chat ran


def test_run_with_whatsapp_on_a_taken_port_is_one_line(tmp_path: Path, taken_port: int) -> None:
    whatsapp = {
        "OGP_WHATSAPP_TOKEN": "token",
        "OGP_WHATSAPP_PHONE_NUMBER_ID": "1",
        "OGP_WHATSAPP_APP_SECRET": "secret",
        "OGP_WHATSAPP_VERIFY_TOKEN": "verify",
        "OGP_WHATSAPP_API_URL": "http://127.0.0.1:9",  # never reached: the bot stops before sending
    }
    done = run_bot(tmp_path, taken_port, **whatsapp)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stdout.splitlines() == [
        f"error: the web server cannot listen on 127.0.0.1:{taken_port} (address already in use): "
        "stop what uses that port or set OGP_WEBHOOK_PORT to a free one"
    ]
    assert "Traceback" not in done.stderr
