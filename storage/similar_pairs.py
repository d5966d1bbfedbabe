"""The labelled pairs (tests/data/similar_pairs.tsv) and how well «similar» agrees with them."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from storage.search import SIMILAR_AT, resemblance
from storage.textnorm import terms


@dataclass(frozen=True)
class Agreement:
    """Precision and recall of «similar» on a labelled set."""

    pairs: int
    precision: float
    recall: float


def load(path: Path) -> list[tuple[bool, str, str, str]]:
    """Return (similar, kind, a, b) for each labelled pair."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["similar"] == "1", r["kind"], r["a"], r["b"]) for r in csv.DictReader(handle, delimiter="\t")]


def agreement(pairs: list[tuple[bool, str, str, str]], threshold: float = SIMILAR_AT) -> Agreement:
    """Measure «similar» (resemblance at or above the threshold) against the labels."""
    said = [(label, resemblance(set(terms(a)), set(terms(b))) >= threshold) for label, _, a, b in pairs]
    hits = sum(1 for label, alike in said if label and alike)
    claimed = sum(1 for _, alike in said if alike)
    labelled = sum(1 for label, _ in said if label)
    return Agreement(len(pairs), hits / claimed if claimed else 1.0, hits / labelled if labelled else 1.0)
