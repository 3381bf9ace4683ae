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


def _seed_sources():
    from generator.build import prepare
    from generator.config import load_config
    from generator.ingest.read import read_seeds
    from generator.translation.pair import pair_article

    config = load_config(ROOT)
    seeds, _ = read_seeds(config.seeds_path)
    return [pair_article(prepare(s, config), {}) for s in seeds]


def test_the_index_finds_exactly_the_pairs_all_against_all_finds():
    from generator.analysis.crossref import match, paragraph_words, score

    sources = _seed_sources()
    found = match(sources)
    indexed = {tuple(sorted([(s.meta.id, p.id), o])) for s in sources for p in s.pairs
               for o in found.also(s.meta.id, p.id, 10_000)[0]}
    paragraphs = [(s.meta.id, pid, words) for s in sources for pid, words in paragraph_words(s)]
    brute = {tuple(sorted([(a, pa), (b, pb)])) for i, (a, pa, wa) in enumerate(paragraphs)
             for b, pb, wb in paragraphs[i + 1:] if a != b and score(wa, wb) >= THRESHOLD}
    assert indexed == brute and len(brute) == 40


def test_a_statement_reprinted_many_times_is_stored_once():
    from dataclasses import replace

    from generator.analysis.crossref import match

    sources = _seed_sources()
    copies = [replace(s, meta=replace(s.meta, id=f"{s.meta.id}-{n}")) for n in range(40) for s in sources]
    found = match(copies)
    assert len(found.members) == len(match(sources).members)  # the same distinct texts, more members
    shown, total = found.also(copies[0].meta.id, copies[0].pairs[3].id)
    assert len(shown) == 3 and total >= 39
