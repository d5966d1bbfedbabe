"""`ogp-bot doctor`: all ✓ on a bot configured as docs/operations.md says, and each ✗ made to happen, with its fix."""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.backups import write_verified
from bot.clock import FakeClock
from bot.doctor import examine, report, run_doctor
from bot.findings import Finding
from bot.settings import Settings
from messages import load_messages
from storage.database import open_database
from tests.ops.tls import Authority, https_site, make_authority
from tests.standins.graph_api import GraphApiStandIn
from tests.standins.telegram import BotApiStandIn
from tests.support import settings_for

TOKEN, WA_TOKEN = "123456:" + "A" * 35, "wa-token"


@dataclass
class World:
    """The stand-ins, an HTTPS site with a certificate from the test's authority, and a healthy configuration."""

    tmp: Path
    telegram: BotApiStandIn
    graph: GraphApiStandIn
    authority: Authority
    site: str
    stranger: Authority  # trusted by nobody

    def settings(self, **overrides: Any) -> Settings:
        """Return settings every check passes on, with overrides."""
        values: dict[str, Any] = {
            "telegram_token": TOKEN,
            "telegram_api_url": self.telegram.base_url,
            "whatsapp_token": WA_TOKEN,
            "whatsapp_phone_number_id": self.graph.phone_number_id,
            "whatsapp_app_secret": "app-secret",
            "whatsapp_verify_token": "verify",
            "whatsapp_api_url": self.graph.base_url,
            "whatsapp_template": "ogp_update",
            "whatsapp_business_account_id": self.graph.business_account_id,
            "public_base_url": self.site,
            "backup_dir": self.tmp / "backups",
            "disk_min_free_mb": 1,
        }
        return settings_for(self.tmp, **(values | overrides))

    async def examine(self, settings: Settings, clock: FakeClock | None = None) -> list[Finding]:
        """Run the doctor's checks as the command does, trusting the test's authority."""
        now = FakeClock(datetime.now(UTC))
        return await examine(settings, clock or now, self.authority.client_context())


@pytest.fixture(scope="module")
def authorities(tmp_path_factory: pytest.TempPathFactory) -> tuple[Authority, Authority]:
    """The authority the site's certificate comes from, and another one nobody trusts."""
    return make_authority(tmp_path_factory.mktemp("ca")), make_authority(tmp_path_factory.mktemp("other"))


@pytest.fixture
async def world(tmp_path: Path, authorities: tuple[Authority, Authority]) -> AsyncIterator[World]:
    """A migrated database with a verified backup, the stand-ins and the HTTPS site."""
    db = await open_database(tmp_path / "bot.sqlite3")
    await db.close()
    write_verified(tmp_path / "bot.sqlite3", tmp_path / "files", tmp_path / "backups" / "ogp-1.sqlite3", _now())
    authority, other = authorities
    async with (
        BotApiStandIn(token=TOKEN) as telegram,
        GraphApiStandIn(token=WA_TOKEN, app_secret="app-secret") as graph,
        https_site(authority.server_context()) as site,
    ):
        yield World(tmp_path, telegram, graph, authority, site, other)


def _now() -> datetime:
    return datetime.now(UTC)


def _bad(found: list[Finding]) -> list[str]:
    return [f.key for f in found if f.verdict == "bad"]


async def test_a_healthy_configuration_is_all_ticks_in_both_languages(world: World) -> None:
    before = (world.tmp / "bot.sqlite3").read_bytes()
    found = await world.examine(world.settings())
    assert _bad(found) == [], [f for f in found if f.verdict == "bad"]
    text, status = report(found, load_messages("en"))
    assert status == 0
    assert "✓ Telegram accepts the token: the bot is @ogp_test_bot." in text
    assert "✓ The template ogp_update is approved in ar." in text
    assert f"✓ {world.site} answers over HTTPS with a valid certificate." in text
    assert "✓ This server's clock agrees with Telegram" in text and text.endswith("Every check passed.")
    arabic, _ = report(found, load_messages("ar"))
    assert "✓ تيليجرام يقبل الرمز" in arabic and arabic.endswith("اجتازت كل الفحوص.")
    assert "✗" not in text + arabic
    assert (world.tmp / "bot.sqlite3").read_bytes() == before  # the doctor only looks
    assert not list((world.tmp / "bot.sqlite3.files").iterdir())  # and leaves no probe file behind


async def _webhook_failing(world: World) -> dict[str, Any]:
    url = "http://127.0.0.1:9/telegram"  # nothing listens on the discard port
    await world.telegram.enqueue({"message": {"message_id": 1, "text": "x", "chat": {"id": 5, "type": "private"}}})
    await _call(world.telegram, "setWebhook", url=url)
    hook = world.telegram.webhook
    await world.telegram.wait_for(lambda: hook is not None and hook.last_error is not None, timeout=10)
    return {"telegram_webhook_url": url}


async def _many_pending(world: World) -> dict[str, Any]:
    for n in range(101):
        await world.telegram.enqueue({"message": {"message_id": n, "text": "x", "chat": {"id": 5, "type": "private"}}})
    return {}


async def _template_pending(world: World) -> dict[str, Any]:
    world.graph.template_status[("ogp_update", "ar")] = "PENDING"
    return {}


def _set_version(version: int) -> Callable[[World], Awaitable[dict[str, Any]]]:
    async def change(world: World) -> dict[str, Any]:
        with sqlite3.connect(world.tmp / "bot.sqlite3") as conn:
            conn.execute(f"PRAGMA user_version = {version}")
        return {}

    return change


async def _corrupt(world: World) -> dict[str, Any]:
    path = world.tmp / "bot.sqlite3"
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 200] = b"\xff" * 200  # a b-tree page overwritten
    path.write_bytes(bytes(data))
    return {}


async def _untrusted(world: World) -> dict[str, Any]:
    world.authority = world.stranger  # the doctor now trusts only an authority that did not sign the site
    return {}


def _given(**overrides: Any) -> Callable[[World], Awaitable[dict[str, Any]]]:
    async def change(world: World) -> dict[str, Any]:
        return {name: value(world) if callable(value) else value for name, value in overrides.items()}

    return change


CASES: dict[str, tuple[Callable[[World], Awaitable[dict[str, Any]]], str]] = {
    "telegram token refused": (_given(telegram_token="999:" + "B" * 35), "doctor-telegram-token"),
    "telegram unreachable": (_given(telegram_api_url="http://127.0.0.1:9/bot"), "doctor-unreachable"),
    "webhook not the configured one": (_given(telegram_webhook_url="https://ogp.example.jo/tg"), "doctor-webhook-url"),
    "webhook deliveries failing": (_webhook_failing, "doctor-webhook-error"),
    "updates piling up": (_many_pending, "doctor-webhook-pending"),
    "whatsapp token refused": (_given(whatsapp_token="expired"), "doctor-whatsapp-token"),
    "phone number id unknown": (_given(whatsapp_phone_number_id="999"), "doctor-whatsapp-number"),
    "template not approved": (_template_pending, "doctor-template-bad"),
    "template missing in a language": (_given(whatsapp_template_languages="en:en_US"), "doctor-template-bad"),
    "no business account": (_given(whatsapp_business_account_id=None), "doctor-template-no-account"),
    "site not https": (_given(public_base_url=lambda w: w.site.replace("https", "http")), "doctor-https-plain"),
    "certificate not trusted": (_untrusted, "doctor-https-cert"),
    "database missing": (_given(database=lambda w: w.tmp / "none.sqlite3"), "doctor-db-missing"),
    "database damaged": (_corrupt, "doctor-db-broken"),
    "database behind": (_set_version(3), "doctor-db-behind"),
    "database ahead": (_set_version(999), "doctor-db-ahead"),
    "files folder unwritable": (_given(files_dir=lambda w: w.tmp / "bot.sqlite3" / "files"), "doctor-files-unwritable"),
    "disk nearly full": (_given(disk_min_free_mb=10**9), "doctor-disk-low"),
    "backups off": (_given(backup_dir=None), "doctor-backup-off"),
    "no backup yet": (_given(backup_dir=lambda w: w.tmp / "empty"), "doctor-backup-none"),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_each_failure_is_a_cross_with_its_fix(world: World, case: str) -> None:
    change, key = CASES[case]
    settings = world.settings(**await change(world))
    found = await world.examine(settings)
    assert key in _bad(found), [(f.verdict, f.key) for f in found]
    text, status = report(found, load_messages("en"))
    assert status == 1 and text.splitlines()[-1].endswith("failed.")
    line = next(f.line(load_messages("en")) for f in found if f.key == key)
    assert line.startswith("✗ ") and " — " in line  # what is wrong, then what to do
    assert next(f.line(load_messages("ar")) for f in found if f.key == key).startswith("✗ ")


async def test_an_old_backup_and_a_wrong_clock_are_crosses(world: World) -> None:
    later = FakeClock(_now() + timedelta(hours=30))
    found = await world.examine(world.settings(), later)
    assert set(_bad(found)) == {"doctor-backup-old", "doctor-clock-skew"}
    text, _ = report(found, load_messages("en"))
    assert "seconds off Telegram" in text and "(timedatectl set-ntp true)" in text


def test_settings_that_do_not_parse_are_a_cross_naming_the_variable(tmp_path: Path) -> None:
    args = argparse.Namespace(language="en")
    text, status = run_doctor(args, lambda: settings_for(tmp_path, webhook_port=70000))
    assert status == 1
    assert text.splitlines()[0].startswith("✗ The settings are invalid:") and "OGP_WEBHOOK_PORT" in text


async def test_the_command_exits_non_zero_in_the_operators_language(tmp_path: Path) -> None:
    env = {"OGP_DATABASE": str(tmp_path / "missing.sqlite3"), "OGP_OPERATOR_LANGUAGE": "ar", "PATH": "/usr/bin"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "doctor", env=env, cwd=tmp_path, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await process.communicate()
    text = out.decode()
    assert process.returncode == 1
    assert "✗ لا قاعدة بيانات في" in text and "✗ البوت لا يأخذ نسخاً احتياطية" in text
    assert not (tmp_path / "missing.sqlite3").exists()  # checking never creates the database


async def _call(api: BotApiStandIn, method: str, **params: Any) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as http, http.post(f"{api.base_url}{api.token}/{method}", json=params) as r:
        assert r.status == 200, await r.text()
