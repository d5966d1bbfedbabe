"""Rapporteurs speak for their working group: named by a coordinator, they enter the group's findings, which are
the group's (not theirs), editable until the round closes, answered once and told to the whole group."""

from __future__ import annotations

import re

from bot.core import Core
from reports import round_findings
from tests.handlers.test_rounds import PEOPLE, create_round, join, the_round
from tests.loop_support import coordinator, officer, registered, rows
from tests.support import ChatDriver, RecordingTransport, texts

FINDING = "ربط الموازنات بمؤشرات أداء واضحة يمكن للمجتمع المدني متابعتها"
EDITED = "ربط الموازنات بمؤشرات أداء واضحة ومنشورة كل ثلاثة أشهر"


async def _group_one(core: Core, transport: RecordingTransport) -> tuple[ChatDriver, ChatDriver, ChatDriver]:
    """A coordinator's open round; two newcomers join working group 1."""
    coord = await coordinator(core, transport)
    await create_round(coord)
    code = (await the_round(core)).code
    first = await join(core, transport, (PEOPLE[0][0], PEOPLE[0][1], PEOPLE[0][2], PEOPLE[0][3], 1), code)
    second = await join(core, transport, (PEOPLE[1][0], PEOPLE[1][1], PEOPLE[1][2], PEOPLE[1][3], 1), code)
    return coord, first, second


async def _name(coord: ChatDriver, person: str) -> list[str]:
    listing = await coord.command("rapporteurs")
    assert "مجموعة العمل 1: لم يُسمَّ مقرر بعد" in texts(listing)
    await coord.press("مجموعة العمل 1")
    return [texts(await coord.press(person))]


async def test_a_named_rapporteur_enters_the_groups_finding_and_the_group_hears_the_answer(
    core: Core, transport: RecordingTransport
) -> None:
    coord, rapporteur, member = await _group_one(core, transport)
    named = await _name(coord, PEOPLE[0][1])
    assert f"أصبح {PEOPLE[0][1]} مقرر مجموعة العمل 1" in named[0]
    assert "أصبحت مقرر مجموعة العمل 1" in transport.to(rapporteur.user)[-1].text
    asked = await rapporteur.command("findings")
    assert "كم شخصاً كان إلى طاولة مجموعة العمل 1" in texts(asked)
    assert "من 1 إلى 500" in texts(await rapporteur.send("كثيرون"))
    board = await rapporteur.send("11")
    assert "وقد حضر إلى الطاولة 11" in texts(board) and "لم تُدوَّن نتائج بعد" in texts(board)
    await rapporteur.press("ما مدى تقدّم سير العمل")  # the first discussion question
    if any("محور آخر" in label for label in rapporteur.labels()):
        await rapporteur.press("محور آخر")
    await rapporteur.send(FINDING)
    stored = await rapporteur.press("rec:ok")
    receipt = int(re.search(r"#(\d+)", texts(stored)).group(1))  # type: ignore[union-attr]
    [row] = await rows(core, "SELECT * FROM recommendations")
    assert row["participant_id"] is None and row["entered_by"] is not None  # the group's, not the rapporteur's
    assert row["group_round_id"] == 1 and row["at_table"] == 11 and row["question_id"] is not None
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendations WHERE participant_id IS NOT NULL") == [{"n": 0}]

    # Edited until the round closes.
    await rapporteur.command("findings")
    await rapporteur.press(f"تعديل #{receipt}")
    assert f"عُدّلت #{receipt}" in texts(await rapporteur.send(EDITED))
    assert (await rows(core, "SELECT text FROM recommendations"))[0]["text"] == EDITED

    # Answered once; the rapporteur and the group's member are each told once.
    officer_chat = await officer(core, transport, coord, "2501", 1)
    before = {u: len(transport.to(u)) for u in (rapporteur.user, member.user, coord.user)}
    await officer_chat.command("inbox")
    await officer_chat.press(f"#{receipt}")
    await officer_chat.press("اعتُمدت جزئياً")
    await officer_chat.send("سننشر المؤشرات في تقرير ربعي ابتداءً من الشهر القادم")
    await officer_chat.press("حفظ وإرسال")
    for chat in (rapporteur, member):
        [told] = transport.to(chat.user)[before[chat.user] :]
        assert "وصل رد على نتيجة مجموعة العمل 1" in told.text and EDITED in told.text
    assert transport.to(coord.user)[before[coord.user] :] == []
    audit = await rows(core, "SELECT action FROM audit_log WHERE action LIKE 'rapporteur.%' OR action LIKE 'finding.%'")
    assert [a["action"] for a in audit] == ["rapporteur.name", "finding.add", "finding.edit"]


async def test_an_invited_rapporteur_joins_the_group_and_nobody_else_may_enter_its_findings(
    core: Core, transport: RecordingTransport
) -> None:
    coord, _first, member = await _group_one(core, transport)
    await coord.command("rapporteurs")
    await coord.press("مجموعة العمل 1")
    card = texts(await coord.press("دعوة مقرر"))
    code = re.search(r"g_[A-Za-z0-9_-]{8,}", card)
    assert code, card
    outsider = await registered(core, transport, "3001", "رنا")
    taken = await outsider.command("join", code.group(0))
    assert "أصبحت مقرر مجموعة العمل 1" in texts(taken)
    again = await registered(core, transport, "3002", "باسل")
    assert "هذه الدعوة غير صالحة" in texts(await again.command("join", code.group(0)))
    [seat] = await rows(core, "SELECT participant_id, code FROM rapporteurs")
    assert seat["code"] is None and seat["participant_id"] is not None
    assert await rows(core, "SELECT commitment_id FROM round_members WHERE participant_id = ?", seat["participant_id"])

    # A member who is not the rapporteur is refused, by command and by a forged button.
    assert "لست مقرراً" in texts(await member.command("findings"))
    assert "لم تعد نتائج هذه المجموعة" in texts(await member.press_data("fnd:a:1:1:0"))
    assert await rows(core, "SELECT * FROM recommendations") == []


async def test_the_report_gives_the_groups_findings_first_as_the_groups(
    core: Core, transport: RecordingTransport
) -> None:
    coord, rapporteur, member = await _group_one(core, transport)
    await _name(coord, PEOPLE[0][1])
    await member.command("recommend")
    await member.press("ما مدى تقدّم سير العمل")
    if any("محور آخر" in label for label in member.labels()):
        await member.press("محور آخر")
    await member.send("توصية فردية من أحد أعضاء المجموعة حول النشر")
    await member.press("rec:ok")
    await rapporteur.command("findings")
    await rapporteur.send("9")
    await rapporteur.press("ما مدى تقدّم سير العمل")
    if any("محور آخر" in label for label in rapporteur.labels()):
        await rapporteur.press("محور آخر")
    await rapporteur.send(FINDING)
    await rapporteur.press("rec:ok")
    async with core.db.transaction() as conn:
        [group, *_] = await round_findings.findings(conn, 1)
    items = [i for q in group.questions for th in q.themes for i in th.items]
    assert [i.text for i in items][:1] == [FINDING] and items[0].at_table == 9 and items[1].group_round_id is None
