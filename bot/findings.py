"""What a check found, as a catalogue key and its arguments: passed (✓), failed with the fix (✗), or not checked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from messages import Messages

Verdict = Literal["ok", "bad", "skip"]
MARKS: dict[Verdict, str] = {"ok": "✓", "bad": "✗", "skip": "·"}
Arg = str | int


@dataclass(frozen=True)
class Finding:
    """One line of the doctor's report."""

    verdict: Verdict
    key: str
    args: dict[str, Arg] = field(default_factory=dict)

    def line(self, messages: Messages) -> str:
        """Return the line in the catalogue's language."""
        return f"{MARKS[self.verdict]} {messages.t(self.key, **self.args)}"


def ok(key: str, **args: Arg) -> Finding:
    """Return a check that passed."""
    return Finding("ok", key, args)


def bad(key: str, **args: Arg) -> Finding:
    """Return a check that failed; its message says how to fix it."""
    return Finding("bad", key, args)


def skip(key: str, **args: Arg) -> Finding:
    """Return a check that was not made (its part is not configured)."""
    return Finding("skip", key, args)
