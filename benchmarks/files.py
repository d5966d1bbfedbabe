"""Taking a sent file: check its bytes, store it, record it (bot/downloads.py), at the sizes people send.

python -m benchmarks.files [--repeat N]

The download itself is the platform's and the network's; this measures what the bot adds once the bytes are in:
recognising the format (and an audio file's length), hashing, writing the file whole (fsync, rename) and the row.
Memory is what Python allocated while taking one file (tracemalloc), beyond the bytes the channel handed over: the
receiver passes them along without copying (hashing and writing run in a thread on the same buffer). The voice note
is a synthetic Ogg Opus file (its pages, not real audio), so its time is the container's parsing, not a 5-minute
file's size; the MP3 is full size.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bot.clock import SystemClock
from bot.downloads import FileReceiver
from handlers.kit.contract import Attachment, Incoming
from storage.database import open_database
from storage.files import FileStore
from tests import media

MB = 1024 * 1024


def samples() -> dict[str, Callable[[int], bytes]]:
    """Return the files measured, each different every time (a file already stored is not written again)."""
    pdf = media.pdf()
    found: dict[str, Callable[[int], bytes]] = {
        "voice note, 5 min (Ogg Opus)": lambda n: media.ogg_opus(300, serial=n + 1),
        "MP3, 5 min (4.8 MB)": lambda n: media.mp3(300) + n.to_bytes(4, "big"),
    }
    for size in (1, 5, 20):
        found[f"PDF, {size} MB"] = partial(_pdf, pdf, size)
    return found


def _pdf(head: bytes, size: int, n: int) -> bytes:
    return head + n.to_bytes(4, "big") + b"%" * (size * MB - len(head) - 64)


async def measure(repeat: int) -> None:
    """Print the time and peak memory of taking each sample."""
    with tempfile.TemporaryDirectory() as folder:
        db = await open_database(Path(folder) / "bench.sqlite3")
        receiver = FileReceiver(db, FileStore(Path(folder) / "files"), SystemClock(), max_bytes=20 * MB)
        try:
            for name, make in samples().items():
                times, peaks = [], []
                for n in range(repeat):
                    data = make(n)

                    async def fetch(ref: str, limit: int, data: bytes = data) -> bytes:
                        return data

                    event = Incoming("telegram", "1", f"{name}-{n}", attachment=Attachment("document", f"r{n}"))
                    tracemalloc.start()
                    started = time.perf_counter()
                    taken = await receiver.receive(event, fetch)
                    times.append(time.perf_counter() - started)
                    peaks.append(tracemalloc.get_traced_memory()[1])
                    tracemalloc.stop()
                    assert taken.attachment is not None and taken.attachment.stored is not None
                print(
                    f"{name:32} {statistics.median(times) * 1000:8.1f} ms (median of {repeat}) "
                    f" allocated beyond the file's own bytes: at most {max(peaks) / 1024:7.1f} KiB"
                )
        finally:
            await db.close()


def main(argv: list[str] | None = None) -> None:
    """Run the measurement."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.files", description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    asyncio.run(measure(args.repeat))


if __name__ == "__main__":
    main()
