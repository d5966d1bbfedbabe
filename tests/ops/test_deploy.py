"""deploy/: the systemd units pass `systemd-analyze verify`, and Debian's caddy accepts the Caddyfile."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = ("ogp-bot.service", "ogp-bot-backup.service", "ogp-bot-backup.timer")


def _tool(name: str, package: str) -> str:
    """Return the tool's path; fail (not skip) with what to install: .ci/run installs it on CI."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install Debian's {package} package (apt-get install {package})")
    return found


def test_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = _tool("systemd-analyze", "systemd")
    install = tmp_path / "opt"
    program = install / ".venv" / "bin" / "ogp-bot"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    for unit in UNITS:  # the units as installed, with the program where the guide puts it
        text = (DEPLOY / unit).read_text(encoding="utf-8").replace("/opt/ogp-bot", str(install))
        (tmp_path / unit).write_text(text, encoding="utf-8")
    result = subprocess.run(  # noqa: S603
        [analyze, "verify", *(str(tmp_path / unit) for unit in UNITS)], capture_output=True, text=True, check=False
    )
    complaints = [line for line in result.stderr.splitlines() if "ogp-bot" in line]
    assert result.returncode == 0 and not complaints, result.stderr


def test_caddy_accepts_the_caddyfile() -> None:
    caddy = _tool("caddy", "caddy")
    result = subprocess.run(  # noqa: S603
        [caddy, "validate", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
