"""make bench: the load benchmark, storage at scale, and every other benchmark module present.

python -m benchmarks [--quick]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import subprocess
import sys
from pathlib import Path

from benchmarks import load, storage_scale

# Written with their features; each runs as python -m benchmarks.<name>, with these arguments under --quick.
OTHERS = {
    "broadcast": ["--count", "1000"],
    "exports": ["--participants", "1000", "--recommendations", "10000"],
    "public": ["--quick"],
    "flood": ["--rounds", "10"],
    "webhook_flood": [],
    "export_latency": ["--quick"],  # the export stays at 100,000 rows: the goal is about that one
    "files": ["--repeat", "3"],
}


def machine() -> str:
    """Return the cores, CPU model and Python version the figures were taken on."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    """Run everything in turn."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller runs, about a minute in all")
    args = parser.parse_args()
    quick = ["--quick"] if args.quick else []
    print(f"machine: {machine()}\n", flush=True)
    print("== load: full bot against a bare python-telegram-bot echo bot", flush=True)
    load.main(quick)
    print("\n== storage at scale", flush=True)
    storage_scale.main(quick)
    for name in OTHERS:
        if importlib.util.find_spec(f"benchmarks.{name}") is None:
            continue
        print(f"\n== {name}", flush=True)
        extra = OTHERS[name] if args.quick else []
        subprocess.run([sys.executable, "-m", f"benchmarks.{name}", *extra], check=False)  # noqa: S603


if __name__ == "__main__":
    main()
