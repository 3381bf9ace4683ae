"""feed.xml: an Atom feed of the stories, newest activity first (the latest ENTRIES), so that readers can
follow the site in a feed reader. With `base_url` set, links and ids are absolute; without it links are relative to the feed
(feed readers resolve them) and ids are tag: URIs under the reserved .invalid domain."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..analysis.briefing import Briefing, Story
from ..analysis.labels import plural
from .views import from_outlets, headline_range, story_url

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50  # the stories with the latest activity: a feed reader wants what is new (a real pile of 1,000
#               reports made 965 entries, 372 kB, polled again and again); every story is on the site
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", ATOM)


def _when(date: str, fallback: str) -> str:
    day = (date or fallback)[:10]
    return f"{day}T00:00:00Z"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "briefing"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _story_path(briefing: Briefing, story: Story) -> str:
    return "index.html" if len(briefing.stories) == 1 else story_url(story.id)


def atom(briefing: Briefing, title: str, description: str, base_url: str, built: str) -> str:
    """The feed, as text."""
    def address(path: str) -> str:
        return f"{base_url.rstrip('/')}/{path}" if base_url else path

    def identity(path: str) -> str:
        return address(path) if base_url else f"tag:{_slug(title)}.invalid,2000:{path}"

    stories = sorted(briefing.stories, key=lambda s: (s.span[1], s.id), reverse=True)[:ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", title)
    _add(feed, "subtitle", description)
    _add(feed, "id", identity("feed.xml"))  # (not the home page's: a one-story site's only entry is the home page)
    _add(feed, "updated", _when(stories[0].span[1] if stories else "", built))
    _add(feed, "link", rel="self", href=address("feed.xml"))
    _add(feed, "link", rel="alternate", href=address("index.html"))
    _add(_add(feed, "author"), "name", title)  # (RFC 4287: a feed whose entries name none names its author)
    _add(feed, "generator", "Arabic news briefing generator")
    by_id = briefing.by_id
    for story in stories:
        entry = _add(feed, "entry")
        path = _story_path(briefing, story)
        heading = _add(entry, "title", story.title_en or story.title_ar)
        if not story.title_en:
            heading.set(_XML_LANG, "ar")  # (an Arabic headline in an English feed: a reader sets it right to left)
        _add(entry, "id", identity(path))
        _add(entry, "updated", _when(story.span[1], built))
        _add(entry, "link", rel="alternate", href=address(path))
        outlets = sorted({by_id[m].meta.outlet for m in story.members})
        first, last = story.span
        dated = f"{first} to {last}" if first and last != first else first or "undated"
        figure = headline_range(story)
        summary = (f"{plural(len(story.members), 'report')} {from_outlets([by_id[m] for m in story.members])} "
                   f"({', '.join(outlets[:5])}), "
                   f"{dated}." + (f" {figure}." if figure else "") + (f" {story.title_ar}" if story.title_en else ""))
        _add(entry, "summary", summary)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def robots_and_sitemap(files: dict, base_url: str) -> dict[str, str]:
    """robots.txt (everything may be indexed; the sitemap named when the site's address is known) and, with
    base_url, sitemap.xml listing every page (sitemaps need absolute addresses)."""
    if not base_url:
        return {"robots.txt": "User-agent: *\nAllow: /\n"}
    base = base_url.rstrip("/")
    urlset = ET.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for path in sorted(p for p in files if p.endswith(".html")):
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = f"{base}/{path}"
    sitemap = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(urlset, encoding="unicode") + "\n"
    return {"robots.txt": f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n", "sitemap.xml": sitemap}
