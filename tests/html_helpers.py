"""Parsing helpers for the page tests: read the site as HTML, not as substrings."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def raw_briefing(site: Path) -> dict:
    return json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))


def briefing(site: Path) -> dict:
    """briefing.json with each source's paragraphs and removed lines (data/sources/<id>.json) and the
    figures (data/figures.json) put in place, for tests that read everything at once."""
    data = raw_briefing(site)
    for source in data["sources"]:
        detail = json.loads((site / source["data_path"]).read_text(encoding="utf-8"))
        source["pairs"], source["removed"] = detail["pairs"], detail["removed"]
    data["figures"] = json.loads((site / "data" / "figures.json").read_text(encoding="utf-8"))["figures"]
    return data


def arabic_blocks(page: BeautifulSoup) -> list[str]:
    """The text of every Arabic block of every pair on a source page, whitespace-normalised."""
    return [" ".join(div.get_text(" ").split()) for div in page.select(".pair > .ar")]


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def assert_seed_bodies_rendered(site: Path) -> None:
    """Every hand-labelled body line of every seed is in exactly one Arabic block; no noise is in any."""
    from tests.test_clean import EXPECTED, seed_lines

    for name in (k for k in EXPECTED if k.endswith(".txt")):
        blocks = arabic_blocks(soup(site / "sources" / f"{Path(name).stem}.html"))
        for number in EXPECTED[name]["body"]:
            text = " ".join(seed_lines(name)[number - 1].split())
            if name.startswith("002") and number == 1:
                text = text.split("/", 1)[1].strip()  # the outlet prefix is metadata
            assert sum(text in block for block in blocks) == 1, (name, number)
        for fragment in EXPECTED["noise_fragments"]:
            assert not any(fragment in block for block in blocks), (name, fragment)
