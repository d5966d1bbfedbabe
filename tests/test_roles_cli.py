"""`ogp-bot grant` / `revoke`: registered people only, audited, command menu queued."""

from __future__ import annotations

import pytest

from bot.cli import build_parser
from bot.core import Core
from bot.roles_cli import run_role_command
from tests.loop_support import registered, rows
from tests.support import RecordingTransport


async def cli(core: Core, *argv: str) -> int:
    return await run_role_command(core.settings, build_parser().parse_args(list(argv)))


async def test_grant_and_revoke_a_registered_person(
    core: Core, transport: RecordingTransport, capsys: pytest.CaptureFixture[str]
) -> None:
    person = await registered(core, transport, "1001", "سلمى")
    assert await cli(core, "grant", "liaison", "telegram:1001", "--commitment", "2") == 0
    assert "granted liaison for commitment 2 to telegram:1001" in capsys.readouterr().out
    assert await rows(core, "SELECT role, commitment_id FROM roles") == [{"role": "liaison", "commitment_id": 2}]
    assert "📥 التوصيات الواردة" in [c.label for c in (await person.command("menu"))[0].choices]
    assert await cli(core, "grant", "liaison", "telegram:1001", "--commitment", "2") == 0
    assert "nothing to do" in capsys.readouterr().out
    assert await cli(core, "grant", "coordinator", "telegram:1001") == 0
    assert await cli(core, "revoke", "liaison", "telegram:1001", "--commitment", "2") == 0
    assert await rows(core, "SELECT role FROM roles") == [{"role": "coordinator"}]
    audit = await rows(core, "SELECT actor_id, action, detail FROM audit_log ORDER BY id")
    assert [a["action"] for a in audit] == ["role.grant", "role.grant", "role.revoke"]
    assert all(a["actor_id"] is None and "command line" in a["detail"] for a in audit)
    menus = await rows(core, "SELECT recipient, payload FROM outbox WHERE kind = 'commands' ORDER BY id")
    assert len(menus) == 3 and all(m["recipient"] == "1001" for m in menus)
    assert '"invite"' in menus[-1]["payload"]
    told = await rows(core, "SELECT recipient, payload FROM outbox WHERE kind = 'notification' ORDER BY id")
    assert [r["recipient"] for r in told] == ["1001"] * 3  # the running bot's sender delivers them
    assert "أصبحت الآن «ضابط ارتباط للالتزام 2». ستجد أوامر دورك في القائمة وفي /help." in told[0]["payload"]
    assert "أصبحت الآن «منسق»." in told[1]["payload"]
    assert "لم تعد «ضابط ارتباط للالتزام 2»، وأُزيلت أوامر هذا الدور من قائمتك." in told[2]["payload"]


async def test_unregistered_or_malformed_requests_are_refused(
    core: Core, transport: RecordingTransport, capsys: pytest.CaptureFixture[str]
) -> None:
    await registered(core, transport, "1001", "سلمى")
    assert await cli(core, "grant", "coordinator", "telegram:4242") == 1
    assert "not registered" in capsys.readouterr().out
    assert await cli(core, "grant", "liaison", "telegram:1001") == 1
    assert "--commitment" in capsys.readouterr().out
    assert await cli(core, "grant", "liaison", "telegram:1001", "--commitment", "9") == 1
    assert "no commitment 9" in capsys.readouterr().out
    assert await cli(core, "grant", "coordinator", "1001") == 1
    assert await rows(core, "SELECT * FROM roles") == []
    assert await rows(core, "SELECT * FROM audit_log") == []


async def test_a_role_change_is_told_in_the_persons_language(core: Core, transport: RecordingTransport) -> None:
    person = await registered(core, transport, "1001", "Sarah")
    await person.command("language")
    await person.press("lang:en")
    assert await cli(core, "grant", "coordinator", "telegram:1001") == 0
    [told] = await rows(core, "SELECT payload FROM outbox WHERE kind = 'notification' ORDER BY id")
    assert '"language":"en"' in told["payload"] and "Coordinator" in told["payload"]
    menu = (await rows(core, "SELECT payload FROM outbox WHERE kind = 'commands' ORDER BY id"))[-1]
    assert '"Change the language"' in menu["payload"]  # the chat's command menu, in English
