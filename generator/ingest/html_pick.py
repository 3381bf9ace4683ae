"""Choosing a saved page's headline, outlet, date, URL and byline from what the page states (html_meta) and
what trafilatura found, each with where it came from."""

from __future__ import annotations

import re
from typing import Any

from .extracted import is_domain, iso_date, pick_outlet, squash, strip_affix
from .html_meta import PageMeta, ld_names, overlap, title_affix
from .sources import parse_date

# The labelled byline block some sites put above the body (BBC: "- Author, name" / "- Role, desk"); the
# metadata carries the name, so these lines are not body text.
CHROME = re.compile(r"^[-•*]?\s*(?:Author|Role|Reporting from|Reporting by)\s*,", re.IGNORECASE)
# A visible line that states when the article was published ("تم نشره الجمعة 24 نيسان / أبريل 2020").
_PUBLISHED = re.compile(r"نشر|النشر|published", re.IGNORECASE)
_DATE_METAS = ("article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate",
               "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date")


def pick_meta(page: PageMeta, doc: Any, visible: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The article's metadata and, per field, where it was found."""
    meta: dict[str, str] = {}
    how: dict[str, str] = {}
    for name, (value, where) in (("outlet", _outlet(page, doc)), ("date", _date(page, doc, visible)),
                                 ("url", _url(page, doc))):
        if value:
            meta[name], how[name] = value, where
    headline, where = _headline(page, doc, meta.get("outlet", ""))
    if headline:
        meta["headline"], how["headline"] = headline, where
    byline, where = _byline(page, doc, meta.get("outlet", ""))
    if byline:
        meta["byline"], how["byline"] = byline, where
    return meta, how


def _first(*candidates: tuple[str, str]) -> tuple[str, str]:
    return next(((squash(v), w) for v, w in candidates if squash(v)), ("", ""))


def _base_headline(page: PageMeta) -> str:
    """The headline as written without the site's name: the <h1>, else JSON-LD or twitter:title."""
    return page.h1 or squash(page.ld(page.article, "headline")) or page.meta("twitter:title")


def _outlet(page: PageMeta, doc: Any) -> tuple[str, str]:
    """A name before a domain: og:site_name, JSON-LD publisher, application-name, the site name the <title>
    adds to the headline, trafilatura's site name, and only then the host."""
    candidates = [
        (page.meta("og:site_name"), "og:site_name"),
        (ld_names(page, page.ld(page.article, "publisher")), "JSON-LD publisher"),
        (page.meta("application-name", "apple-mobile-web-app-title"), "application-name"),
        (title_affix(page.title or page.meta("og:title"), _base_headline(page)), "<title>"),
        (squash(doc.sitename), "trafilatura"),
        (squash(doc.hostname), "host name"),
    ]
    value = pick_outlet([v for v, _ in candidates])
    return value, next((w for v, w in candidates if squash(v) == value), "host name")


def _headline(page: PageMeta, doc: Any, outlet: str) -> tuple[str, str]:
    """The visible <h1> when it is this article's title; else the titles, site name cut off."""
    titles = [squash(page.ld(page.article, "headline")), page.meta("og:title"), page.meta("twitter:title"),
              squash(doc.title), page.title]
    first_line = next((line for line in (doc.text or "").splitlines() if line.strip()), "")
    if page.h1 and (squash(first_line) == page.h1 or any(overlap(page.h1, t) >= 0.6 for t in titles if t)):
        return page.h1, "<h1>"
    names = [outlet, page.meta("og:site_name"), title_affix(page.title, _base_headline(page))]
    for value, where in zip(titles, ("JSON-LD headline", "og:title", "twitter:title", "trafilatura", "<title>"),
                            strict=True):
        if value:
            return strip_affix(value, names), where
    return "", ""


def _date(page: PageMeta, doc: Any, visible: list[str]) -> tuple[str, str]:
    """JSON-LD datePublished, then <meta> dates (both with the page's own clock time: see iso_date), then a
    visible "published …" line, then trafilatura's date (a UTC day when it came from a timestamp)."""
    for node, where in ((page.article, "JSON-LD datePublished"), (page.webpage, "JSON-LD WebPage")):
        if value := iso_date(node.get("datePublished")):
            return value, where
    for name in _DATE_METAS:
        if value := iso_date(page.meta(name)):
            return value, f"<meta {name}>"
    for line in visible:
        if _PUBLISHED.search(line) and len(line.split()) <= 14 and (value := parse_date(line)):
            return value, "visible text"
    return iso_date(doc.date), "trafilatura"


def _url(page: PageMeta, doc: Any) -> tuple[str, str]:
    """The canonical link, og:url, the JSON-LD url, trafilatura's: the first absolute http(s) URL."""
    entity = page.ld(page.article, "mainEntityOfPage")
    for value, where in ((page.canonical, "canonical link"), (page.meta("og:url"), "og:url"),
                         (page.article.get("url"), "JSON-LD url"),
                         (entity.get("@id") if isinstance(entity, dict) else entity, "JSON-LD mainEntityOfPage"),
                         (doc.url, "trafilatura")):
        if isinstance(value, str) and squash(value).lower().startswith(("http://", "https://")):
            return squash(value), where
    return "", ""


def _byline(page: PageMeta, doc: Any, outlet: str) -> tuple[str, str]:
    """JSON-LD author, trafilatura's author, <meta name=author>: a person, not the outlet or a profile URL."""
    for value, where in ((ld_names(page, page.ld(page.article, "author")), "JSON-LD author"),
                         (squash(doc.author), "trafilatura"), (page.meta("author"), "<meta author>")):
        if value and value.lower() != outlet.lower() and not is_domain(value):
            return value, where
    return "", ""
