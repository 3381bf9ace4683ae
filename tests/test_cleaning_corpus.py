"""The cleaner on scrapes from outlets it has never seen: no body line lost, no chrome kept."""

from __future__ import annotations

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
