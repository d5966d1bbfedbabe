"""`ogp-bot flows [--output FILE]`: every flow's graph, drawn from its table, written as docs/flows.md."""

from __future__ import annotations

import argparse
from pathlib import Path

from handlers.kit.graph import page
from handlers.router import Router

DEFAULT = Path("docs/flows.md")


def add_flows_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the flows subcommand."""
    cmd = sub.add_parser("flows", help="draw every flow's steps as Mermaid diagrams (docs/flows.md)")
    cmd.add_argument("--output", type=Path, default=DEFAULT, help=f"the page to write (default: {DEFAULT})")


def run_flows_command(args: argparse.Namespace) -> int:
    """Write the page and say where."""
    flows = Router().flows.values()
    args.output.write_text(page(flows), encoding="utf-8")
    print(f"{len(flows)} flows drawn in {args.output}")
    return 0
