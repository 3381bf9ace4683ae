"""Hand-entered articles (.md): YAML front matter (outlet, date, url, headline, byline) between `---` lines,
then the article in Markdown, read as plain paragraphs (emphasis and link markup dropped, headings on
their own lines)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import SeedError
from ..files import SEED_LIMIT
from ..models import Removed
from .extracted import META_KEYS, Reading, compose, finish, iso_date, read_capped, squash
from .read import decode, normalise_text, source_id

_FENCES = ("---", "...")


def read_markdown(path: Path, roots: tuple[Path, ...]) -> Reading:
    """One Markdown file: one article (or a SeedError naming the file, and the line where it can)."""
    data = read_capped(path, roots, SEED_LIMIT)
    text, notes, warnings = decode(data, path.name)
    text, more = normalise_text(text)
    front, body, offset = split_front_matter(text, path.name)
    meta = front_matter(front, path.name)
    blocks, removed = markdown_blocks(body, offset)
    if not meta.get("headline") and blocks and blocks[0][0] == "h1":
        meta["headline"] = blocks[0][1]
    paragraphs = [text for _, text in blocks]
    return [finish(path.name, source_id(path.name), compose(meta.get("headline", ""), paragraphs), meta,
                   tuple(removed), notes + more, warnings)], []


def split_front_matter(text: str, name: str) -> tuple[str, str, int]:
    """The front matter's YAML, the body, and the number of lines before the body ("" and the whole text
    when the file does not open with `---`)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return "", text, 0
    for number, line in enumerate(lines[1:], 1):
        if line.strip() in _FENCES:
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1:]), number + 1
    raise SeedError(f"{name}:1: the front matter opened with '---' is never closed (add a '---' line after it)")


def front_matter(source: str, name: str) -> dict[str, str]:
    """The metadata in the front matter; an unknown key, a value that is not text or a date that is not a
    date is a SeedError naming the line (line 1 is the opening `---`)."""
    if not source.strip():
        return {}
    try:
        node = yaml.compose(source)
        data: Any = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 2}" if mark is not None else ""
        raise SeedError(f"{name}{where}: the front matter is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or node is None:
        raise SeedError(f"{name}:2: the front matter must be 'key: value' lines ({', '.join(META_KEYS)})")
    lines = {k.value: k.start_mark.line + 2 for k, _ in node.value}
    meta: dict[str, str] = {}
    for key, value in data.items():
        where = f"{name}:{lines.get(key, '?')}"
        if key not in META_KEYS:
            raise SeedError(f"{where}: unknown key {key!r} in the front matter (allowed: {', '.join(META_KEYS)})")
        if value is None:
            continue
        if not isinstance(value, str | int | float | dt.date):
            raise SeedError(f"{where}: {key!r} must be text, got {type(value).__name__}")
        meta[key] = iso_date(value) if key == "date" else squash(value)
        if key == "date" and not meta[key]:
            raise SeedError(f"{where}: date {value!r} is not a date (write it as YYYY-MM-DD, or YYYY-MM-DD HH:MM)")
    return meta


def markdown_blocks(body: str, offset: int) -> tuple[list[tuple[str, str]], list[Removed]]:
    """The body's blocks as (tag, plain text): headings ("h1" …) and paragraphs ("p", also list items,
    quotes and table cells); raw HTML blocks are not article text and are listed as removed (file lines)."""
    blocks: list[tuple[str, str]] = []
    removed: list[Removed] = []
    tag = "p"
    for token in MarkdownIt("commonmark").enable("table").parse(body):
        if token.type == "heading_open":
            tag = token.tag
        elif token.type == "heading_close":
            tag = "p"
        elif token.type == "inline" and (text := plain(token.children or [])):
            blocks.append((tag, text))
        elif token.type in ("fence", "code_block"):
            blocks.extend(("p", line) for line in (squash(x) for x in token.content.splitlines()) if line)
        elif token.type == "html_block" and token.map:
            for number, line in enumerate(token.content.splitlines(), offset + token.map[0] + 1):
                if line.strip():
                    removed.append(Removed(number, line.strip(), "HTML in the Markdown (not article text)"))
    return blocks, removed


def plain(children: list[Token]) -> str:
    """An inline run as plain text: text and code kept; emphasis, link and image markup, and inline HTML
    dropped (a link keeps its words, an image its nothing)."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return squash("".join(parts))
