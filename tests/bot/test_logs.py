"""What the operator's log shows: never the token (at any level), never names or texts at INFO."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import aiosqlite
import pytest

from bot.logs import setup_logging
from tests.e2e.telegram_harness import TOKEN, telegram_bot
from tests.e2e.test_telegram_webhook import webhook_bot
from tests.standins.telegram import BotApiStandIn

NAME, ORGANISATION = "سلمى", "جمعية الشفافية"
TEXT = "نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"
SECRET = TOKEN.split(":", 1)[1]


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """setup_logging replaces the root handlers; put pytest's back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    names = ("httpx", "apscheduler", "telegram", "httpcore", "aiosqlite")
    levels = {name: logging.getLogger(name).level for name in names}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


async def conversation_with_faults(api: BotApiStandIn) -> None:
    """Register, recommend, with a failing getUpdates and sendMessage on the way (errors get logged)."""
    user = api.user(1001, first_name=NAME)
    api.fail_next("getUpdates", 502, count=1)
    await user.command("start")
    await user.wait_messages(2, timeout=10)
    await user.press(f"استخدم «{NAME}»")
    await user.wait_messages(1, timeout=10)
    await user.send(ORGANISATION)
    for label in ("مؤسسة مجتمع مدني", "عمّان", "✅ أوافق"):
        await user.wait_messages(1, timeout=10)
        await user.press(label)
    await user.wait_messages(1, timeout=10)
    await user.command("recommend", "3")
    await user.wait_messages(1, timeout=10)
    await user.press("الالتزام بمخرجات الحوار")
    await user.wait_messages(1, timeout=10)
    await user.send(TEXT)
    await user.wait_messages(1, timeout=10)
    await user.press("✅ إرسال")
    await user.wait_messages(1, timeout=10)
    await api.wait_idle()


async def test_info_log_has_no_token_name_or_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    setup_logging("INFO")
    async with telegram_bot(tmp_path) as (api, _):
        await conversation_with_faults(api)
    log = capsys.readouterr().err
    assert "polling as @ogp_test_bot" in log and "getUpdates failed" in log  # the log is really captured
    for secret in (SECRET, NAME, ORGANISATION, TEXT):
        assert secret not in log


@pytest.mark.parametrize("http", ["httpx", "aiohttp"])
async def test_debug_log_of_ptb_and_http_client_has_no_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], restore_logging: None, http: str
) -> None:
    setup_logging("DEBUG")
    for name in ("httpx", "httpcore", "aiohttp", "telegram"):  # the chattiest settings an operator could choose
        logging.getLogger(name).setLevel(logging.DEBUG)
    async with telegram_bot(tmp_path, telegram_http=http) as (api, bot):
        await conversation_with_faults(api)
        try:
            raise RuntimeError(f"failed on {bot.core.settings.telegram_api_url}{TOKEN}/getMe")
        except RuntimeError:
            logging.getLogger("bot.test").exception("a traceback that names the URL")
    log = capsys.readouterr().err
    if http == "httpx":  # aiohttp's client logs no request lines
        assert "HTTP Request: POST" in log and "/<token>/sendmessage" in log.lower()  # httpx's lines, redacted
    assert "a traceback that names the URL" in log and "failed on" in log
    assert SECRET not in log
    assert "endpoint `getUpdates` finished" in log  # PTB's request lines are there ...
    assert "'update_id'" not in log and "Update(" not in log  # ... but never whole updates (names, texts)


async def test_debug_log_in_webhook_mode_has_neither_the_secret_nor_whole_updates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    setup_logging("DEBUG")
    for name in ("httpx", "httpcore", "aiohttp", "telegram"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    webhook_secret = "w3bhook-secret_that-must-stay-private"
    async with webhook_bot(tmp_path, webhook_secret) as (api, _, _):
        await conversation_with_faults(api)
    log = capsys.readouterr().err
    assert "endpoint `setWebhook`" in log  # the call that carries the secret is logged, without it
    assert webhook_secret not in log and SECRET not in log
    assert "'update_id'" not in log and "Update(" not in log


async def _age_the_draft(tmp_path: Path) -> None:
    """Give the chat's draft the shape an older version stored (what an upgrade mid-conversation leaves)."""
    async with aiosqlite.connect(tmp_path / "bot.sqlite3") as conn:
        await conn.execute("UPDATE sessions SET data = json_set(data, '$.commitment_id', 'old')")
        await conn.commit()


async def test_json_log_is_one_object_a_line_with_the_update_being_handled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    setup_logging("INFO", "json")
    async with telegram_bot(tmp_path) as (api, _):
        await conversation_with_faults(api)
        user = api.user(1001, first_name=NAME)
        await user.command("recommend", "3")
        await user.wait_messages(1, timeout=10)
        await user.press("الالتزام بمخرجات الحوار")
        await user.wait_messages(1, timeout=10)
        await _age_the_draft(tmp_path)
        update = await user.send(TEXT)
        answer = await user.wait_messages(1, timeout=10)
    async with aiosqlite.connect(tmp_path / "bot.sqlite3") as conn:
        session = list(await conn.execute_fetchall("SELECT flow FROM sessions"))
    log = capsys.readouterr().err
    lines = [json.loads(line) for line in log.splitlines()]  # every line is one JSON object
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    stale = next(line for line in lines if "older version" in line["message"])
    assert stale["update"] == f"telegram:u:{update}" and stale["level"] == "INFO"  # the update that met it
    assert "رسالة سابقة" in (answer[0].text or "") and session == [(None,)]  # the person was told; the draft dropped
    polling = next(line for line in lines if "polling as @ogp_test_bot" in line["message"])
    assert "update" not in polling  # outside any update's handling
    assert any(line["message"].startswith("getUpdates failed") for line in lines)
    for secret in (SECRET, NAME, ORGANISATION, TEXT):
        assert secret not in log
