"""The seed meeting replayed through the bot: five rapporteurs enter their groups' findings, participants add their
own, a duplicate is merged, officers answer each group once, everyone concerned hears once, and the Word report puts
each group's findings first under its commitment."""

from __future__ import annotations

import io
from collections import Counter

from docx import Document as DocxDocument

from bot.core import Core
from tests.handlers.test_rounds import PEOPLE, create_round, join, the_round
from tests.loop_support import coordinator, officer, recommend, rows
from tests.support import ChatDriver, RecordingTransport, texts

FINDINGS = {n: f"نتيجة مجموعة العمل {n}: نشر بيانات الالتزام {n} وتحديثها كل ثلاثة أشهر" for n in range(1, 6)}
OWN = "إشراك الجمعيات في المحافظات البعيدة بلقاءات إلكترونية دورية"
SAME = "اشراك الجمعيات في المحافظات البعيده عبر لقاءات الكترونية دورية"


async def _finding(chat: ChatDriver, at_table: str, text: str) -> None:
    await chat.command("findings")
    await chat.send(at_table)
    await chat.press("ما مدى تقدّم سير العمل")
    if any("محور آخر" in label for label in chat.labels()):
        await chat.press("محور آخر")
    await chat.send(text)
    assert "#" in texts(await chat.press("rec:ok"))


async def _answer(chat: ChatDriver, receipt: int, response: str) -> None:
    await chat.command("inbox")
    await chat.press_data(f"inbox:o:{receipt}:0")
    await chat.press("اعتُمدت جزئياً")
    await chat.send(response)
    await chat.press("حفظ وإرسال")


async def test_the_seed_meeting_replayed_with_groups_and_a_merge(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await create_round(coord)
    code = (await the_round(core)).code
    people = {p[0]: await join(core, transport, p, code) for p in PEOPLE}
    rapporteurs = {group: next(p for p in PEOPLE if p[4] == group) for group in range(1, 6)}
    for group, person in rapporteurs.items():
        await coord.command("rapporteurs")
        await coord.press(f"مجموعة العمل {group}")
        await coord.press(person[1])
        await _finding(people[person[0]], str(10 + group), FINDINGS[group])
    own = await recommend(people["2002"], 1, OWN)
    same = await recommend(people["2003"], 1, SAME)
    found = await rows(core, "SELECT id, commitment_id FROM recommendations WHERE group_round_id IS NOT NULL")
    assert len(found) == 5

    officers = {n: await officer(core, transport, coord, f"26{n:02d}", n) for n in range(1, 6)}
    await officers[1].command("inbox")
    await officers[1].press_data(f"inbox:o:{same}:0")
    await officers[1].press("🔗 هي نفسها التوصية رقم…")
    await officers[1].send(str(own))
    await officers[1].press("✅ ضمّها")

    before = {user: len(transport.to(user)) for user in people}
    for row in found:
        await _answer(officers[row["commitment_id"]], row["id"], "سنعمل بها في التقرير الربعي القادم")
    await _answer(officers[1], own, "سنعقد لقاءات إلكترونية كل شهرين")
    heard = Counter({user: len(transport.to(user)) - before[user] for user in people})
    members_of = Counter(p[4] for p in PEOPLE)
    for user, _name, _org, _sector, group in PEOPLE:
        expected = 1 + (user in ("2002", "2003"))  # the group's answer, and each merged author's own
        assert heard[user] == expected, (user, group, members_of[group], transport.to(user)[before[user] :])
    entries = await rows(core, "SELECT recommendation_id FROM recommendation_answers ORDER BY id")
    assert [e["recommendation_id"] for e in entries][-2:] == [own, same]  # each its own entry in the record

    await coord.command("report")
    [reply] = await coord.press("اللقاء الأول بين أصحاب المصلحة")
    assert reply.document is not None
    paragraphs = [p.text for p in DocxDocument(io.BytesIO(reply.document.data)).paragraphs]
    places = {n: next(i for i, t in enumerate(paragraphs) if FINDINGS[n] in t) for n in range(1, 6)}
    assert sorted(places.values()) == [places[n] for n in range(1, 6)]  # group 1 first, then 2 ...
    for n in range(1, 6):  # the group's heading (with its table) leads, then its question, then its finding
        assert paragraphs[places[n] - 2] == f"مجموعة العمل {n} ({10 + n} شخصاً إلى الطاولة)"
