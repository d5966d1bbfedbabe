"""Similar input and search: agreement with the labelled pairs, and lookup times at 100,000 recommendations.

python -m benchmarks.similar [--recommendations 100000] [--lookups 300]
The recommendations go in through storage (the bot's write path, index included); the lookups are the preview's
similar query on one commitment and /search's word query over every commitment, timed one by one. Two runs: the
labelled sentences' words only (343 terms, so every term is common), then a long tail: each stored text a labelled
sentence (the seed's recommendations and their paraphrases) with some words dropped and a few drawn from a
Zipf-distributed lexicon of made-up words standing in for names, places and specifics, as real input has.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import catalogue, recommendations, search, similar_pairs
from storage.database import open_database
from storage.textnorm import terms

PAIRS = Path(__file__).parent.parent / "tests" / "data" / "similar_pairs.tsv"
SIMILAR_GOAL_MS = 20.0
SEARCH_GOAL_MS = 50.0
LEXICON = 20_000  # the long tail's distinct made-up words
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def p95(samples: list[float]) -> float:
    """Return the 95th percentile in milliseconds."""
    return statistics.quantiles(samples, n=20)[-1] * 1000


def labelled_words(rng: random.Random, sentences: list[str]) -> Callable[[], str]:
    """Return a maker of texts: a labelled sentence and six words of the labelled sentences."""
    words = [w for s in sentences for w in s.split()]
    return lambda: f"{rng.choice(sentences)} {' '.join(rng.sample(words, 6))}"


def long_tail(rng: random.Random, sentences: list[str]) -> Callable[[], str]:
    """Return a maker of texts: a labelled sentence, a fifth of its words dropped, four words of a Zipf lexicon."""
    lexicon = ["".join(rng.choices(LETTERS, k=rng.randint(4, 7))) for _ in range(LEXICON)]
    weights = list(itertools.accumulate(1 / rank for rank in range(1, LEXICON + 1)))

    def make() -> str:
        kept = [w for w in rng.choice(sentences).split() if rng.random() >= 0.2]
        return " ".join(kept + rng.choices(lexicon, cum_weights=weights, k=4))

    return make


async def fill(path: Path, texts: list[str]) -> float:
    """Store the recommendations, each on a commitment drawn at random; return the seconds it took."""
    rng = random.Random(27)
    db = await open_database(path)
    try:
        await load_plan(db, DEFAULT_PLAN)
        start = time.perf_counter()
        now = datetime(2026, 11, 1, tzinfo=UTC)
        async with db.transaction() as conn:
            commitments = [c.id for c in await catalogue.list_commitments(conn)]
        for batch in range(0, len(texts), 1000):
            async with db.transaction() as conn:
                for n in range(batch, min(batch + 1000, len(texts))):
                    text = texts[n]
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
    for name, maker in (("labelled words", labelled_words), ("long tail", long_tail)):
        run(name, maker(random.Random(27), sentences), sentences, args.recommendations, args.lookups)


def run(name: str, make: Callable[[], str], sentences: list[str], count: int, lookups_count: int) -> None:
    """Store the recommendations, then time the lookups and print them against the goals."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        texts = [make() for _ in range(count)]
        vocabulary = len({t for text in texts for t in terms(text)})
        seconds = asyncio.run(fill(path, texts))
        print(
            f"{name}: stored {count} recommendations ({vocabulary} distinct terms) with their index in {seconds:.1f} s"
        )
        cpu = time.process_time()
        alike, found = asyncio.run(lookups(path, sentences, lookups_count))
        cpu = time.process_time() - cpu
    print(f"{name}: CPU {cpu / lookups_count * 1000:.1f} ms per similar lookup and /search together")
    print(
        f"{name}: goal: similar lookup p95 <= {SIMILAR_GOAL_MS:.0f} ms: {p95(alike):.1f} ms "
        f"(median {statistics.median(alike) * 1000:.1f} ms)"
    )
    print(
        f"{name}: goal: /search p95 <= {SEARCH_GOAL_MS:.0f} ms: {p95(found):.1f} ms "
        f"(median {statistics.median(found) * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
