"""/rules: the forum's rules of participation, public to everyone, set by coordinators, every version kept."""

from __future__ import annotations

from bot.core import Core
from tests.loop_support import coordinator, registered, rows
from tests.support import RecordingTransport, texts

RULES = "يشارك في المنتدى ممثلون عن الحكومة والمجتمع المدني بالتساوي، وتُنشر محاضر اجتماعاته خلال أسبوعين."


async def test_everyone_reads_the_rules_coordinators_set(core: Core, transport: RecordingTransport) -> None:
    person = await registered(core, transport, "1001", "سلمى")
    assert "لم ينشر المنسقون قواعد المشاركة" in texts(await person.command("rules"))
    assert "قواعد المشاركة" in " ".join(person.labels())  # in the menu
    assert "/rules" in texts(await person.command("help"))
    coord = await coordinator(core, transport)
    await coord.command("rules")
    await coord.press("تعديل القواعد")
    assert "يجب أن تكون القواعد بين 20 و" in texts(await coord.send("قصيرة"))
    preview = await coord.send(RULES)
    assert RULES in texts(preview)
    assert "نُشرت قواعد المشاركة" in texts(await coord.press("نشر القواعد"))
    shown = texts(await person.command("rules"))
    assert RULES in shown and "29/11/2026" in shown
    assert "تعديل القواعد" not in person.labels()
    await coord.command("rules")
    await coord.press("تعديل القواعد")
    await coord.send(RULES + " ويُعلن جدولها قبل أسبوعين.")
    await coord.press("نشر القواعد")
    assert "ويُعلن جدولها" in texts(await person.send("القواعد"))  # the typed keyword works too
    versions = await rows(core, "SELECT text FROM forum_rules ORDER BY id")
    assert [v["text"] for v in versions] == [RULES, RULES + " ويُعلن جدولها قبل أسبوعين."]
    assert [r["action"] for r in await rows(core, "SELECT action FROM audit_log WHERE action = 'rules.set'")] == [
        "rules.set",
        "rules.set",
    ]
