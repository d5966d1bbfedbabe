"""The recommendation flow through the dispatcher, on a real SQLite file."""

from __future__ import annotations

from bot.core import Core
from storage import recommendations
from storage.models import Recommendation
from tests.support import ChatDriver, texts


async def stored(core: Core) -> list[Recommendation]:
    async with core.db.transaction() as conn:
        participant = await conn.execute_fetchall("SELECT id FROM participants")
        if not participant:
            return []
        return await recommendations.list_by_participant(conn, participant[0][0], limit=100)


async def test_full_recommendation_gets_a_receipt(chat: ChatDriver, core: Core) -> None:
    await chat.register()
    await chat.command("recommend")
    await chat.press("1. تعزيز التشاركية")
    assert "الحصول على التمويل" in chat.labels()
    await chat.press("الحصول على التمويل")
    preview = await chat.send("أن تكون هناك مدد قابلة للتتبع عند تأخر الوزارات في الرد على طلبات التمويل")
    assert "راجع توصيتك" in texts(preview)
    done = await chat.press("rec:ok")
    assert "رقم الإيصال #1" in texts(done)
    [rec] = await stored(core)
    assert rec.text.startswith("أن تكون هناك مدد")
    assert rec.theme_id is not None and rec.state == "new" and rec.channel == "telegram"
