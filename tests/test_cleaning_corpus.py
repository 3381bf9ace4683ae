"""The cleaner on scrapes from outlets it has never seen: no body line lost, no chrome kept."""

from __future__ import annotations

from pathlib import Path

from generator.ingest.clean import clean
from generator.ingest.sources import parse_date
from tests.cleaning_corpus import articles, score


def test_no_body_lost_and_no_chrome_kept():
    result = score()
    assert result.mistakes == []
    assert result.precision == 1.0 and result.recall == 1.0


def test_metadata_of_other_outlets():
    for article in articles():
        meta = clean("\n".join(text for _, text in article["lines"])).meta
        want = article["meta"]
        outlet = meta.get("masthead") or meta.get("dateline_outlet") or meta.get("prefix_outlet") or meta.get("site_label")
        assert meta.get("headline") == want["headline"], article["name"]
        if "outlet" in want:
            assert outlet == want["outlet"], article["name"]
        if "date" in want:
            assert parse_date(meta.get("date_text", "")) == want["date"], article["name"]
        for key in ("byline", "dateline"):
            if key in want:
                assert meta.get(key) == want[key], (article["name"], key)


def test_the_screen_for_lines_without_latin_letters_answers_as_trying_every_rule(monkeypatch):
    """noise.classify screens a line with no Latin letter before trying the rules (the alternatives that need one
    left out, the rest found through words they cannot match without): on every line of the seeds, the fixtures'
    scrapes and the cleaning corpus, and on each rule's own Arabic examples, it answers as trying every rule does."""
    import yaml

    from generator.ingest import noise

    assert noise._MAY_MATCH is not None  # (the screen is built on this Python: else the test below proves nothing)
    root = Path(__file__).resolve().parent
    lines = [line for path in sorted((root.parent / "seeds").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    for path in sorted((root / "fixtures").rglob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    corpus = yaml.safe_load((root / "fixtures" / "cleaning_corpus.yml").read_text(encoding="utf-8"))
    lines += [text for article in corpus["articles"] for _, text in article["lines"]]
    lines = [line.strip() for line in lines if line.strip()]
    assert len(lines) > 300
    screened = [noise.classify(line, True) for line in lines]
    monkeypatch.setattr(noise, "_MAY_MATCH", None)
    assert [noise.classify(line, True) for line in lines] == screened
    assert any(found is not None for found in screened)  # (lines the rules remove are among them)
