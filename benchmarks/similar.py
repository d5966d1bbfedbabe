"""Similar input and search: agreement with the labelled pairs, and lookup times at 100,000 recommendations.

python -m benchmarks.similar [--recommendations 100000] [--lookups 300]
The recommendations go in through storage (the bot's write path, index included); the lookups are the preview's
similar query on one commitment and /search's word query over every commitment, timed one by one.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import catalogue, recommendations, search, similar_pairs
from storage.database import open_database

PAIRS = Path(__file__).parent.parent / "tests" / "data" / "similar_pairs.tsv"
SIMILAR_GOAL_MS = 20.0
SEARCH_GOAL_MS = 50.0


def p95(samples: list[float]) -> float:
    """Return the 95th percentile in milliseconds."""
    return statistics.quantiles(samples, n=20)[-1] * 1000


async def fill(path: Path, count: int, sentences: list[str]) -> float:
    """Store `count` recommendations made of the labelled sentences' words; return the seconds it took."""
    rng = random.Random(27)
    words = [w for s in sentences for w in s.split()]
    db = await open_database(path)
    try:
        await load_plan(db, DEFAULT_PLAN)
        start = time.perf_counter()
        now = datetime(2026, 11, 1, tzinfo=UTC)
        async with db.transaction() as conn:
            commitments = [c.id for c in await catalogue.list_commitments(conn)]
        for batch in range(0, count, 1000):
            async with db.transaction() as conn:
                for n in range(batch, min(batch + 1000, count)):
                    base = rng.choice(sentences)
                    text = f"{base} {' '.join(rng.sample(words, 6))}"
                    await recommendations.add_recommendation(
                        conn,
                        participant_id=None,
                        commitment_id=rng.choice(commitments),
                        theme_id=None,
                        text=text,
                        channel="telegram",
                        now=now + timedelta(seconds=n),
                    )
        return time.perf_counter() - start
    finally:
        await db.close()


async def lookups(path: Path, sentences: list[str], count: int) -> tuple[list[float], list[float]]:
    """Time the preview's similar lookup and /search, one by one."""
    rng = random.Random(5)
    db = await open_database(path)
    alike: list[float] = []
    found: list[float] = []
    try:
        async with db.reader() as conn:
            commitments = [c.id for c in await catalogue.list_commitments(conn)]
            for _ in range(count):
                text = rng.choice(sentences)
                start = time.perf_counter()
                await search.similar(conn, rng.choice(commitments), text)
                alike.append(time.perf_counter() - start)
                words = " ".join(rng.sample(text.split(), min(2, len(text.split()))))
                start = time.perf_counter()
                await search.find(conn, words, commitments=None, limit=5, offset=0)
                found.append(time.perf_counter() - start)
    finally:
        await db.close()
    return alike, found


def main() -> None:
    """Report agreement with the labelled pairs, then the lookup times."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.similar", description=__doc__)
    parser.add_argument("--recommendations", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=300)
    args = parser.parse_args()
    pairs = similar_pairs.load(PAIRS)
    measured = similar_pairs.agreement(pairs)
    print(f"labelled pairs: {measured.pairs}, threshold {search.SIMILAR_AT}")
    print(
        f"goal: similar precision >= 0.9 at recall >= 0.7: precision {measured.precision:.3f}, "
        f"recall {measured.recall:.3f}"
    )
    sentences = sorted({s for _, _, a, b in pairs for s in (a, b)})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        seconds = asyncio.run(fill(path, args.recommendations, sentences))
        print(f"stored {args.recommendations} recommendations with their index in {seconds:.1f} s")
        alike, found = asyncio.run(lookups(path, sentences, args.lookups))
    print(
        f"goal: similar lookup p95 <= {SIMILAR_GOAL_MS:.0f} ms: {p95(alike):.1f} ms "
        f"(median {statistics.median(alike) * 1000:.1f} ms)"
    )
    print(
        f"goal: /search p95 <= {SEARCH_GOAL_MS:.0f} ms: {p95(found):.1f} ms "
        f"(median {statistics.median(found) * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
