"""A document is a coordinator's: the role is checked again when the file is built and again when it is sent."""

from __future__ import annotations

from bot.core import Core
from handlers.kit.contract import Incoming
from storage import roles
from storage.models import Role
from tests.loop_support import coordinator, invite_code, registered, rows
from tests.support import RecordingTransport

FORMER = "9002"
ROLE_CHANGED = "لم يُرسَل الملف الذي طلبته لأن دورك تغيّر"


async def _second_coordinator_asks_for_an_export(core: Core, transport: RecordingTransport) -> int:
    """Make a second coordinator (by invitation), have them ask for an export; return their participant id."""
    coord = await coordinator(core, transport)
    second = await registered(core, transport, FORMER, "رنا الحديدي")
    await second.command("start", await invite_code(coord, "منسق"))
    await second.command("export")
    await second.press("exp:f:xlsx")
    await core.dispatcher.handle(Incoming("telegram", FORMER, "ask-export", choice="exp:s:all"))
    [job] = await rows(core, "SELECT participant_id FROM document_jobs")
    return int(job["participant_id"])


async def _revoke(core: Core, participant_id: int) -> None:
    async with core.db.transaction() as conn:
        assert await roles.revoke(conn, participant_id, Role.COORDINATOR, None, core.clock.now())


def _files(transport: RecordingTransport) -> list[bytes]:
    return [r.document.data for r in transport.to(FORMER) if r.document is not None]


async def test_an_export_queued_before_the_role_was_taken_is_not_built(
    core: Core, transport: RecordingTransport
) -> None:
    who = await _second_coordinator_asks_for_an_export(core, transport)
    await _revoke(core, who)
    await core.documents.flush()
    await core.sender.flush()
    assert _files(transport) == []
    assert ROLE_CHANGED in transport.to(FORMER)[-1].text
    assert core.documents.built == 0  # not even built
    assert await rows(core, "SELECT COUNT(*) AS n FROM document_jobs") == [{"n": 0}]
    assert await rows(core, "SELECT COUNT(*) AS n FROM outbox WHERE document IS NOT NULL") == [{"n": 0}]
    assert await rows(core, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export'") == [{"n": 0}]


async def test_an_export_built_before_the_role_was_taken_is_not_sent(core: Core, transport: RecordingTransport) -> None:
    who = await _second_coordinator_asks_for_an_export(core, transport)
    await core.documents.flush()
    [queued] = await rows(core, "SELECT id FROM outbox WHERE document IS NOT NULL AND recipient = ?", FORMER)
    await _revoke(core, who)
    await core.sender.flush()
    assert _files(transport) == []
    [row] = await rows(core, "SELECT status, last_error, document FROM outbox WHERE id = ?", queued["id"])
    assert row == {"status": "failed", "last_error": "the requester no longer coordinates", "document": None}


async def test_a_coordinator_still_in_the_role_gets_the_export(core: Core, transport: RecordingTransport) -> None:
    await _second_coordinator_asks_for_an_export(core, transport)
    await core.documents.flush()
    await core.sender.flush()
    [xlsx] = _files(transport)
    assert xlsx.startswith(b"PK")
    assert await rows(core, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export'") == [{"n": 1}]
