"""«Similar» agrees with the committed labelled pairs: precision at least 0.9 at recall at least 0.7."""

from __future__ import annotations

from pathlib import Path

from storage import similar_pairs
from storage.textnorm import normalise, terms

PAIRS = Path(__file__).parent.parent / "data" / "similar_pairs.tsv"


def test_the_labelled_set_meets_the_floor() -> None:
    pairs = similar_pairs.load(PAIRS)
    assert len(pairs) >= 150
    assert {kind for _, kind, _, _ in pairs} >= {"spelling", "paraphrase", "same-words", "unrelated"}
    measured = similar_pairs.agreement(pairs)
    assert measured.precision >= 0.9 and measured.recall >= 0.7, measured


def test_spelling_variants_fold_to_one_form() -> None:
    assert normalise("إجتماعاتُ  اللجنـة التوجيهيّة ٢٠١٩ أو آخر ىى") == "اجتماعات اللجنه التوجيهيه 2019 او اخر يي"
    assert terms("والاجتماعات للمواطنين") == terms("الاجتماع المواطن") == ["اجتماع", "مواطن"]
    assert terms("Publishing the Minutes") == terms("publish minute") == ["publish", "minut"]
