from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.analysis.crossref import THRESHOLD, similarity

ROOT = Path(__file__).resolve().parent.parent
PAIRS = yaml.safe_load((Path(__file__).parent / "fixtures" / "crossref_pairs.yml").read_text(encoding="utf-8"))
LINES = {p.name[:3]: p.read_text(encoding="utf-8").split("\n") for p in (ROOT / "seeds").glob("*.txt")}


def paragraph(seed: int, line: int) -> str:
    key = f"{seed:03d}"
    text = LINES[key][line - 1]
    if key == "002" and line in (2, 15):  # wrapped onto the next line
        text += " " + LINES[key][line]
    return text


@pytest.mark.parametrize("a, i, b, j", PAIRS["same"])
def test_same_statement_pairs_are_linked(a, i, b, j):
    assert similarity(paragraph(a, i), paragraph(b, j)) >= THRESHOLD


@pytest.mark.parametrize("a, i, b, j", PAIRS["different"])
def test_different_statements_are_not_linked(a, i, b, j):
    assert similarity(paragraph(a, i), paragraph(b, j)) < THRESHOLD


def test_normalisation_makes_spelling_variants_match():
    a = "أكّد التحالفُ الدولي أنّ محاولة الهروب الأخيرة لن تشكل تهديداً كبيراً للعراق أو المنطقة."
    b = "واكد التحالف الدولى ان محاوله الهروب الاخيره لن تشكل تهديدا كبيرا للعراق او المنطقه"
    assert similarity(a, b) == 1.0


def test_short_paragraphs_are_never_linked():
    assert similarity("قتل خمسة.", "قتل خمسة.") == 0.0
