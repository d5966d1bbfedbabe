"""A commitment named by its number after a command (/status 4, /recommend 4): one reading, one answer when absent."""

from __future__ import annotations

from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.text import parse_int, shorten
from storage.models import Commitment


def by_number(commitments: list[Commitment], args: str) -> Commitment | None:
    """Return the commitment the typed number names, or None (no number, or no such commitment)."""
    number = parse_int(args.strip()) if args.strip() else None
    return next((c for c in commitments if c.number == number), None)


def no_such_commitment(ctx: Context, commitments: list[Commitment], args: str) -> Reply:
    """Say that the plan has no commitment by that number, and which numbers it has."""
    numbers = sorted(c.number for c in commitments)
    return Reply(
        text=ctx.t("commitment-no-such-number", number=shorten(args.strip(), 20), first=numbers[0], last=numbers[-1])
    )
