"""Parsing helpers for the page tests: read the site as HTML, not as substrings."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def briefing(site: Path) -> dict:
    return json.loads((site / "data" / "briefing.json").read_text(encoding="utf-8"))


def arabic_blocks(page: BeautifulSoup) -> list[str]:
    """The text of every Arabic block of every pair on a source page, whitespace-normalised."""
    return [" ".join(div.get_text(" ").split()) for div in page.select(".pair > .ar")]


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
