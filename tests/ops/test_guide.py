"""docs/operations.md followed literally: its settings, the bot started as its service would be, then `ogp-bot doctor`
reports every check ✓ (the services and the site are stand-ins; only their addresses are substituted)."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.backups import SIDECAR
from bot.channels.whatsapp import WEBHOOK_PATH
from tests.e2e.bot_process import ChildBot
from tests.ops.tls import https_site, make_authority
from tests.standins.graph_api import GraphApiStandIn
from tests.standins.telegram import BotApiStandIn
from tests.support import process_environment

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "operations.md"
TOKEN, WA_TOKEN, APP_SECRET = "123456:" + "G" * 35, "EAAG-guide-token", "guide-app-secret"
WAIT = 60.0


def guide_settings() -> dict[str, str]:
    """Return the settings block of the guide's configuration step, as written there."""
    text = GUIDE.read_text(encoding="utf-8")
    step = text[text.index("## 2. Configure") :]
    block = re.search(r"^```ini\n(.*?)^```", step, re.MULTILINE | re.DOTALL)
    assert block is not None, "the guide's step 2 has no ```ini block of settings"
    pairs = [line.split("=", 1) for line in block.group(1).splitlines() if line and not line.startswith("#")]
    return {name: value for name, value in pairs}


def filled(settings: dict[str, str], answers: dict[str, str], folders: dict[str, Path]) -> dict[str, str]:
    """Replace each <...> with its answer and the server's folders with the test's; fail on a blank left."""
    out = {}
    for name, value in settings.items():
        for placeholder, answer in answers.items():
            value = value.replace(placeholder, answer)
        for folder, here in folders.items():
            value = value.replace(folder, str(here))
        assert "<" not in value, f"the test has no answer for {name}={value}"
        out[name] = value
    return out


class ServiceBot(ChildBot):
    """`ogp-bot run` as the unit starts it: ready once it registered its webhook and wrote the day's backup."""

    def __init__(self, env: dict[str, str], home: Path, telegram: BotApiStandIn, backups: Path) -> None:
        super().__init__(env, home / "bot.log", timeout=WAIT)
        self.telegram, self.backups = telegram, backups

    async def ready(self) -> None:
        """Wait for setWebhook and a verified backup."""
        async with asyncio.timeout(self.timeout):
            while True:  # a child process starting: a short poll of the stand-in's calls and the backup folder
                assert not self.exited(), self.log()
                registered = any(method == "setWebhook" for method, _ in self.telegram.calls)
                if registered and list(self.backups.glob("*" + SIDECAR)):
                    return
                await asyncio.sleep(0.05)


async def test_the_guides_settings_give_a_doctor_all_ticks(tmp_path: Path) -> None:
    lib, backups = tmp_path / "var-lib-ogp-bot", tmp_path / "var-backups-ogp-bot"
    lib.mkdir()
    backups.mkdir()
    authority = make_authority(tmp_path)
    async with (
        BotApiStandIn(token=TOKEN) as telegram,
        GraphApiStandIn(token=WA_TOKEN, app_secret=APP_SECRET) as graph,
        https_site(authority.server_context()) as site,
    ):
        answers = {
            "<your name>": site.removeprefix("https://").rstrip("/"),
            "<your Telegram user id>": "9001",
            "<the token from @BotFather>": TOKEN,
            "<a random secret>": "f" * 64,
            "<the system user's permanent token>": WA_TOKEN,
            "<the phone number id>": graph.phone_number_id,
            "<the WhatsApp business account id>": graph.business_account_id,
            "<the app secret>": APP_SECRET,
            "<another random secret>": "e" * 64,
            "<the approved template's name>": "ogp_update",
        }
        settings = filled(guide_settings(), answers, {"/var/lib/ogp-bot": lib, "/var/backups/ogp-bot": backups})
        assert settings["OGP_WEBHOOK_PORT"] == "8080"  # as Caddy expects; here one the system picks
        env = process_environment(
            **{
                **settings,
                "OGP_WEBHOOK_PORT": "0",
                # The stand-ins instead of api.telegram.org and graph.facebook.com; the test's certificate authority.
                "OGP_TELEGRAM_API_URL": telegram.base_url,
                "OGP_WHATSAPP_API_URL": graph.base_url,
                "SSL_CERT_FILE": str(authority.ca),
            }
        )
        async with ServiceBot(env, lib, telegram, backups) as bot:
            doctor = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "doctor", env=env, cwd=lib, stdout=asyncio.subprocess.PIPE
            )
            out, _ = await doctor.communicate()
            hook = telegram.webhook  # registered by the bot, as the guide says
            assert hook is not None and hook.url == settings["OGP_TELEGRAM_WEBHOOK_URL"]
            assert await bot.terminate() == 0, bot.log()
    report = out.decode().splitlines()
    assert doctor.returncode == 0, "\n".join(report)
    assert report[-1] == "اجتازت كل الفحوص." and all(line.startswith("✓ ") for line in report[:-1]), report
    assert len(report) >= 12  # settings, Telegram, WhatsApp, the site, database, files, backup, clock
    assert any("ogp_update" in line for line in report) and any(site in line for line in report)
    with sqlite3.connect(lib / "ogp-feedback.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_guide_names_the_paths_the_bot_serves_and_the_folders_the_units_write() -> None:
    settings = guide_settings()
    assert f"`https://<your name>{WEBHOOK_PATH}`" in GUIDE.read_text(encoding="utf-8")  # Meta's callback URL
    assert settings["OGP_DATABASE"].startswith("/var/lib/ogp-bot/")
    assert settings["OGP_BACKUP_DIR"] == "/var/backups/ogp-bot"
    with pytest.raises(AssertionError, match="no answer"):
        filled({"OGP_X": "<something new>"}, {}, {})
