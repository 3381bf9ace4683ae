"""Search across both languages with Pagefind: one record per paragraph pair, linking to the pair.

Each pair becomes a tiny page in a scratch folder that Pagefind's command line indexes into the
site's `pagefind/` bundle; the page's `target` metadata is the pair's address on the site, which
the search page links to. (Pagefind's Python API answers one request per 0.1 s, far slower.)
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from ..models import Source

log = logging.getLogger(__name__)
BUNDLE = "pagefind"


def records(sources: list[Source]) -> list[dict[str, str]]:
    """A search record per pair: its Arabic and English, titled with the outlet, headline and number."""
    out = []
    for source in sources:
        title = source.headline_en.text if source.headline_en.status != "pending" else source.meta.headline
        title = title if len(title) <= 90 else title[:89].rsplit(" ", 1)[0] + "…"
        for pair in source.pairs:
            out.append({"target": f"sources/{source.meta.id}.html#{pair.id}", "ar": pair.ar, "en": pair.en,
                        "title": f"{source.meta.outlet} ¶{pair.number} · {title}"})
    return out


def _page(record: dict[str, str]) -> str:
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>'
            f'<main data-pagefind-body data-pagefind-meta="target:{escape(record["target"])}">'
            f'<h1 data-pagefind-meta="title" data-pagefind-ignore>{escape(record["title"])}</h1>'
            f'<p lang="ar" dir="rtl">{escape(record["ar"])}</p><p>{escape(record["en"])}</p></main></body></html>')


def write_index(site: Path, sources: list[Source]) -> bool:
    """Write the Pagefind bundle into the (staging) site; False, with a warning, when Pagefind fails."""
    with tempfile.TemporaryDirectory(prefix="search-records-") as tmp:
        for number, record in enumerate(records(sources)):
            (Path(tmp) / f"r{number}.html").write_text(_page(record), encoding="utf-8")
        # One index for both scripts: Pagefind's English rules leave Arabic words as they are.
        command = [sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(site / BUNDLE),
                   "--force-language", "en"]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.warning("search index not built (%s); the search page will say so", exc)
            return False
    if result.returncode != 0 or not (site / BUNDLE / "pagefind.js").exists():
        log.warning("search index not built (pagefind exited %s: %s); the search page will say so",
                    result.returncode, (result.stderr or result.stdout).strip()[-300:])
        return False
    return True
