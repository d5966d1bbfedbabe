"""/export over the Telegram Bot API stand-in: a coordinator receives a document, anyone else a refusal."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from tests.e2e.telegram_harness import telegram_bot
from tests.reports.sample import seed
from tests.support import START

WAIT = 15.0
# A document is built by a process of its own, started for it: on a 2-core machine running the suite's four workers
# beside a busy core that start alone took more than 15 s once. A ceiling, not a wait: the file comes when it is built.
BUILT = 60.0


async def test_export_over_telegram(tmp_path: Path) -> None:
    async with telegram_bot(tmp_path) as (api, bot):
        async with bot.core.db.transaction() as conn:
            sample = await seed(conn, START)
        outsider = api.user(1001, first_name="سلمى")
        await outsider.command("export")
        [refusal] = await outsider.wait_messages(1, WAIT)
        assert "متاح لمنسقي الخطة فقط" in (refusal.text or "")
        await outsider.press_data("exp:f:xlsx")
        [forged] = await outsider.wait_messages(1, WAIT)
        assert "لمنسقي الخطة فقط" in (forged.text or "") and forged.document is None

        coordinator = api.user(9001, first_name="مي")
        await coordinator.command("export")
        [formats] = await coordinator.wait_messages(1, WAIT)
        assert "📗 Excel (XLSX)" in formats.labels
        await coordinator.press("📗 Excel (XLSX)")
        await coordinator.wait_messages(1, WAIT)  # the scope question, edited in place
        await coordinator.press("exp:s:all")
        [sent] = await coordinator.wait_messages(1, BUILT)
        assert sent.document is not None and sent.document[0] == "ogp-export-20261129-1000.xlsx"
        assert sent.caption == f"ملف المدخلات: {sample.total} توصية."
        book = load_workbook(io.BytesIO(sent.document[1]))
        assert book["الالتزام 1"].sheet_view.rightToLeft and book["الالتزام 2"].max_row == 1 + 7
        assert not any(m.document for m in outsider.chat)
