"""Saved web pages (.html/.htm): the article's text and metadata through trafilatura, and every visible line
of the page that it left out listed as removed, so that nothing is silently lost."""

from __future__ import annotations

import codecs
import copy
import difflib
import re
from pathlib import Path

import charset_normalizer
import htmldate
import trafilatura
from lxml import etree
from lxml import html as lxml_html

from ..arabic import arabic_ratio
from ..errors import SeedError
from ..files import SEED_LIMIT
from ..models import Removed
from .extracted import Reading, compose, finish, paragraphs, read_capped, squash
from .html_meta import page_meta
from .html_pick import CHROME, pick_meta
from .read import decode, source_id

_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Not visible text: code, styles, embedded documents, form widgets and the head.
_INVISIBLE = frozenset({"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
                        "embed", "canvas", "select", "textarea", "audio", "video", "map"})
# Elements that start a new line of visible text.
_BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
                    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
                    "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "main", "menu", "nav", "ol",
                    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
                    "ul", "option", "button"})
_TABLE_ROW = re.compile(r"^\|.*\|$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def read_html(path: Path, roots: tuple[Path, ...]) -> Reading:
    """One saved page: one article (or a SeedError naming the file)."""
    data = read_capped(path, roots, SEED_LIMIT)
    text, notes, warnings = decode_html(data, path.name)
    tree = parse(text, path.name)
    doc = trafilatura.bare_extraction(copy.deepcopy(tree), include_comments=False, favor_precision=True,
                                      include_tables=True, include_images=False, include_links=False,
                                      with_metadata=True, output_format="python")
    if doc is None or not squash(doc.text):
        raise SeedError(f"{path.name}: no article text found in the page (trafilatura kept nothing)")
    visible = visible_lines(tree)
    meta, how = pick_meta(page_meta(tree), doc, visible)
    if not meta.get("date"):
        if found := htmldate.find_date(copy.deepcopy(tree), original_date=True, extensive_search=True):
            meta["date"], how["date"] = found, "htmldate"
    body, dropped = _body(doc.text)
    body = _headline_first(meta.get("headline", ""), resplit(body, visible))
    kept = compose(meta.get("headline", ""), body)
    removed = diff_removed(visible, kept.split("\n\n"), dropped)
    notes.append("read from a saved page with trafilatura; metadata: "
                 + ", ".join(f"{k} ({v})" for k, v in how.items() if k in meta))
    return [finish(path.name, source_id(path.name), kept, meta, removed, notes, warnings)], []


def decode_html(data: bytes, name: str) -> tuple[str, list[str], list[str]]:
    """UTF-8 (or a byte-order mark's encoding); else the charset the page declares, unless the page reads as
    Arabic only the way .txt seeds are decoded (UTF-8 with a few bad bytes, Windows-1256, UTF-16: a page
    mislabelled as Latin-1 is common on old sites); else the encoding charset_normalizer detects."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), [f"decoded as {codec} (byte-order mark)"], []
    try:
        return data.decode("utf-8"), [], []
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:65536])
    codec = _codec(declared.group(1).decode("ascii")) if declared else None
    if codec and codec != "utf-8":
        text = data.decode(codec, errors="replace")
        if arabic_ratio(text) >= 0.3 or arabic_ratio(_seed_decode(data, name)[0]) <= arabic_ratio(text):
            bad = text.count("\ufffd")
            warnings = [f"{bad} byte(s) not valid in {codec} replaced by �"] if bad else []
            return text, [f"decoded as {codec} (declared in the page)"], warnings
    text, notes, warnings = _seed_decode(data, name)
    if text:
        return text, notes, warnings
    best = charset_normalizer.from_bytes(data).best()
    if best is None or _codec(best.encoding) is None:
        raise SeedError(f"{name}: not UTF-8, and no character set is declared in the page or can be detected; "
                        "save the page as UTF-8")
    return data.decode(best.encoding, errors="replace"), [f"decoded as {_codec(best.encoding)} (detected)"], []


def _seed_decode(data: bytes, name: str) -> tuple[str, list[str], list[str]]:
    """generator.ingest.read.decode (UTF-8 line by line, Windows-1256, UTF-16, mojibake), or "" if it fails."""
    try:
        return decode(data, name)
    except SeedError:
        return "", [], []


def _codec(label: str) -> str | None:
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def parse(text: str, name: str) -> lxml_html.HtmlElement:
    """The page as an lxml tree (re-encoded as UTF-8 so that a stale charset declaration cannot mislead)."""
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        tree = lxml_html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise SeedError(f"{name}: not a readable HTML page ({exc})") from None
    if tree is None or tree.find(".//body") is None:
        raise SeedError(f"{name}: not a readable HTML page (no <body>)")
    return tree


def visible_lines(tree: lxml_html.HtmlElement) -> list[str]:
    """The page's visible text, one entry per line as a browser would break it (block elements, <br>),
    whitespace squeezed, empty lines left out. Walked without recursion: pages can nest very deep."""
    out: list[str] = []
    stack: list[object] = [tree.find(".//body")]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        el = item
        if el.tail:
            stack.append(el.tail)
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in _INVISIBLE or el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style", "")):
            continue
        block = tag in _BLOCK
        if block:
            stack.append("\n")
        stack.extend(reversed(list(el)))
        if el.text:
            stack.append(el.text)
        if block:
            stack.append("\n")
    return [line for line in (squash(raw) for raw in "".join(out).split("\n")) if line]


def _body(text: str) -> tuple[list[str], dict[str, str]]:
    """trafilatura's lines as paragraphs, less the label lines of a byline block ("- Author, …", which the
    metadata carries): the paragraphs and, by comparison key, the lines taken out and why."""
    body, dropped = [], {}
    for line in paragraphs(text):
        if CHROME.match(line):
            dropped[key(line)] = "byline block (its name is in the metadata)"
        else:
            body.append(line)
    return body, dropped


def resplit(body: list[str], visible: list[str]) -> list[str]:
    """trafilatura flattens a table cell into one line ("| headline date paragraph paragraph |" on old
    table-layout sites): a kept line that is not a visible line but the run of several consecutive ones is
    replaced by those lines, so that paragraphs stay paragraphs."""
    vkeys = [key(v) for v in visible]
    known = set(vkeys)
    out: list[str] = []
    for line in body:
        k = key(line)
        if _TABLE_ROW.match(line) and k in known:
            out.append(visible[vkeys.index(k)])  # the row as the page shows it, not as a Markdown table
            continue
        run = None if not k or k in known else _run(k, vkeys)
        out.extend([visible[i] for i in range(*run) if vkeys[i]] if run else [line])
    return out


def _headline_first(headline: str, body: list[str]) -> list[str]:
    """The body without its first line equal to the headline (which the article text puts first)."""
    hkey = key(headline)
    at = next((i for i, line in enumerate(body) if hkey and key(line) == hkey), None)
    return body if at is None else body[:at] + body[at + 1:]


def _run(k: str, vkeys: list[str]) -> tuple[int, int] | None:
    """The visible lines [i, j) whose words, joined, are exactly k."""
    for start, first in enumerate(vkeys):
        if not first or not (k + " ").startswith(first + " "):
            continue
        joined, end = first, start + 1
        while joined != k and end < len(vkeys):
            if vkeys[end]:
                longer = f"{joined} {vkeys[end]}"
                if not (k + " ").startswith(longer + " "):
                    break
                joined = longer
            end += 1
        if joined == k:
            return start, end
    return None


def key(line: str) -> str:
    """A comparison form of a line: its words only (markup, punctuation and list dashes differ)."""
    return " ".join(re.findall(r"\w+", line.lower()))


def diff_removed(visible: list[str], kept: list[str], dropped: dict[str, str]) -> tuple[Removed, ...]:
    """The visible lines not in the kept text, aligned in page order (a repeat of a kept line elsewhere on the
    page, in a most-read list, is removed). A line that holds a kept paragraph and more is listed with the
    kept words cut out. Lines of punctuation only ("|", "»") are not listed."""
    vkeys, kkeys = [key(v) for v in visible], [key(k) for k in kept]
    matcher = difflib.SequenceMatcher(None, vkeys, kkeys, autojunk=False)
    removed: list[Removed] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        region = [k for k in kkeys[j1:j2] if k]
        for number in range(i1, i2):
            item = _removed_line(number + 1, visible[number], vkeys[number], region, dropped)
            if item is not None:
                removed.append(item)
    return tuple(removed)


def _removed_line(number: int, text: str, vkey: str, region: list[str], dropped: dict[str, str]) -> Removed | None:
    if not vkey:
        return None
    if vkey in dropped:
        return Removed(number, text, dropped[vkey])
    if any(f" {vkey} " in f" {k} " for k in region):
        return None  # part of a kept paragraph (trafilatura joined it with its neighbours)
    rest = f" {vkey} "
    for k in region:
        rest = rest.replace(f" {k} ", " ")
    if rest != f" {vkey} ":
        return Removed(number, rest.strip(), "part of a line: page chrome (removed by trafilatura)") if rest.strip() \
            else None
    return Removed(number, text, "page chrome (removed by trafilatura)")
