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
import tempfile
from pathlib import Path

from benchmarks import load

# Written with their features; each runs as python -m benchmarks.<name>, with these arguments under --quick.
OTHERS = {
    "broadcast": ["--count", "1000"],
    "exports": ["--participants", "1000", "--recommendations", "10000"],
    "public": ["--quick"],
    "flood": ["--rounds", "10"],
    "webhook_flood": [],
    "export_latency": ["--quick"],  # the export stays at 100,000 rows: the goal is about that one
    "files": ["--repeat", "3"],
    "snapshot_chat": ["--recommendations", "10000"],
    "whatsapp_load": ["--quick"],
    "similar": ["--recommendations", "10000"],
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


def run_module(name: str, arguments: list[str], goals: list[str]) -> None:
    """Run python -m benchmarks.<name>, echoing its output and collecting its goal lines."""
    argv = [sys.executable, "-m", f"benchmarks.{name}", *arguments]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, bufsize=1) as child:  # noqa: S603
        assert child.stdout is not None
        for line in child.stdout:
            print(line, end="", flush=True)
            if line.startswith("goal: "):
                goals.append(line.rstrip())


def main() -> None:
    """Run everything in turn, then list issue 19's goals with their figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller runs, about a minute in all")
    args = parser.parse_args()
    quick = ["--quick"] if args.quick else []
    goals: list[str] = []
    print(f"machine: {machine()}\n", flush=True)
    print("== load: full bot against a bare python-telegram-bot echo bot", flush=True)
    load.main(quick)
    print("\n== chat throughput: bursts of /status and /my, and recommendations, against the echo bot", flush=True)
    with tempfile.TemporaryDirectory(prefix="ogp-profile-") as samples:
        run_module("burst", [*quick, "--profile", samples], goals)
    print("\n== storage at scale", flush=True)
    run_module("storage_scale", quick, goals)
    for name in OTHERS:
        if importlib.util.find_spec(f"benchmarks.{name}") is None:
            continue
        print(f"\n== {name}", flush=True)
        run_module(name, OTHERS[name] if args.quick else [], goals)
    print(f"\n== issue 19's goals (machine: {machine()})", flush=True)
    print("\n".join(goals) if goals else "(no goal lines)")


if __name__ == "__main__":
    main()
