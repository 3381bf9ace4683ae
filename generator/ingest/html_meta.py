"""The metadata a saved page states about itself: <meta> tags (OpenGraph, article:*, name=…), <link
rel=canonical>, JSON-LD (NewsArticle and kin, with @graph and @id references), <title> and <h1>.

Read by the HTML reader next to trafilatura's own metadata: trafilatura reduces dates to UTC days and takes
a company name from <meta name=publisher> as the site name, where the page's JSON-LD and title say better."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

from .extracted import squash

_CDATA = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
_SEPARATORS = re.compile(r"\s+[-|–—:•«»]\s+|\s+::\s+")


@dataclass
class PageMeta:
    """What the page's head and structured data say; "" where it says nothing."""

    metas: dict[str, str] = field(default_factory=dict)  # lower-case property/name/itemprop -> first content
    article: dict[str, Any] = field(default_factory=dict)  # the JSON-LD article node (NewsArticle …)
    webpage: dict[str, Any] = field(default_factory=dict)  # the JSON-LD WebPage node
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # JSON-LD nodes by @id
    title: str = ""  # <title>
    h1: str = ""  # the first non-empty <h1>
    canonical: str = ""
    ld_errors: int = 0  # JSON-LD scripts that are not valid JSON

    def meta(self, *keys: str) -> str:
        return next((self.metas[k] for k in keys if self.metas.get(k)), "")

    def ld(self, node: dict[str, Any], key: str) -> Any:
        """A JSON-LD value, with an {"@id": …} reference resolved."""
        value = node.get(key)
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.nodes.get(value["@id"], value)
        return value


def page_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """Collect the head's metadata, the JSON-LD nodes, the title and the first <h1>."""
    meta = PageMeta()
    for el in tree.iter("meta"):
        key = squash(el.get("property") or el.get("name") or el.get("itemprop")).lower()
        if key and squash(el.get("content")) and key not in meta.metas:
            meta.metas[key] = squash(el.get("content"))
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href") and not meta.canonical:
            meta.canonical = el.get("href").strip()
    title = tree.find(".//title")
    meta.title = squash(title.text_content()) if title is not None else ""
    meta.h1 = next((t for t in (squash(h.text_content()) for h in tree.iter("h1")) if t), "")
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            _add_ld(meta, script.text or "")
    return meta


def _add_ld(meta: PageMeta, source: str) -> None:
    try:
        data = json.loads(_CDATA.sub("", source.strip()))
    except ValueError:
        meta.ld_errors += 1
        return
    for node in _ld_nodes(data):
        kinds = node.get("@type")
        kinds = [kinds] if isinstance(kinds, str) else [k for k in kinds or [] if isinstance(k, str)]
        if isinstance(node.get("@id"), str):
            meta.nodes.setdefault(node["@id"], node)
        if not meta.article and any("Article" in k or k in ("BlogPosting", "Report") for k in kinds):
            meta.article = node
        if not meta.webpage and "WebPage" in kinds:
            meta.webpage = node


def _ld_nodes(data: Any) -> list[dict[str, Any]]:
    """Every object of a JSON-LD document: top-level objects and lists, and @graph members."""
    if isinstance(data, list):
        return [node for item in data for node in _ld_nodes(item)]
    if not isinstance(data, dict):
        return []
    return [data, *_ld_nodes(data.get("@graph", []))]


def ld_names(meta: PageMeta, value: Any) -> str:
    """Names from a JSON-LD person/organisation value (object, @id reference, list or plain string)."""
    if isinstance(value, list):
        return squash([ld_names(meta, v) for v in value])
    if isinstance(value, dict):
        node = meta.nodes.get(value.get("@id", ""), value) if set(value) == {"@id"} else value
        return squash(node.get("name"))
    return squash(value) if isinstance(value, str) else ""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def overlap(a: str, b: str) -> float:
    """Share of a's words that are in b."""
    wa, wb = words(a), set(words(b))
    return sum(w in wb for w in wa) / len(wa) if wa else 0.0


def title_parts(title: str) -> list[str]:
    """A page title split at the separators sites put between headline and site name."""
    return [p for p in (squash(x) for x in _SEPARATORS.split(title)) if p]


def title_affix(title: str, headline: str) -> str:
    """The site name a <title> adds to the headline ("headline - Site", "Site | headline"), if it does."""
    parts = title_parts(title)
    if len(parts) < 2 or not headline:
        return ""
    for affix, rest in ((parts[-1], " ".join(parts[:-1])), (parts[0], " ".join(parts[1:]))):
        if overlap(headline, rest) >= 0.9 and overlap(affix, headline) < 0.5 and len(words(affix)) <= 6:
            return affix
    return ""
