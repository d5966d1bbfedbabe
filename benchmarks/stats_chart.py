"""Draw docs/stats-chart.png (the README's picture) from generated sample data: python -m benchmarks.stats_chart."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.sample_data import populate
from bot.core import load_plan
from bot.settings import DEFAULT_PLAN, ROOT
from messages_ar import load_messages
from reports.chart import render_chart
from reports.stats import gather_stats, stats_text
from storage.database import open_database

NOW = datetime(2026, 11, 29, 7, 0, tzinfo=UTC)


async def main(output: Path) -> None:
    """Generate 600 participants and 2,400 recommendations, then draw their statistics."""
    with tempfile.TemporaryDirectory() as folder:
        db = await open_database(Path(folder) / "sample.sqlite3")
        try:
            await load_plan(db, DEFAULT_PLAN)
            async with db.transaction() as conn:
                await populate(conn, participants=600, recommendations=2_400, now=NOW)
                stats = await gather_stats(conn)
        finally:
            await db.close()
    messages = load_messages()
    png = render_chart(stats, messages)
    await asyncio.to_thread(output.write_bytes, png)
    print(stats_text(stats, messages))
    print(f"wrote {output}")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "stats-chart.png"))
