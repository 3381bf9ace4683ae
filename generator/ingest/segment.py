"""Stage 3: split kept blocks into paragraphs of sentences, with an Arabic-aware splitter."""

from __future__ import annotations

import re

from ..models import Block, Paragraph

_CANDIDATE = re.compile(r"([.!?؟…]+)([\"'”“»)\]]*)(\s+)")
_LATIN_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "etc", "gen", "col", "lt", "sgt", "prof"}


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    marks = match.group(1)
    if marks == "..":  # a pause in Arabic news prose, not an end
        return False
    following = text[match.end():match.end() + 1]
    if not following or following.islower():
        return False
    before = text[:match.start()].split()
    token = before[-1] if before else ""
    bare = token.strip("\"'“”«»(")
    if marks == "." and bare:
        if bare.isascii() and (bare.lower() in _LATIN_ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", bare)):
            return False  # "Dr.", "U.S."
        if re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", bare):
            return False  # initials: "أ.د." (Prof. Dr.)
        if len(bare) == 1 and not bare.isdigit():
            if bare == "م" and len(before) > 1 and re.fullmatch(r"\d{3,4}", before[-2]):
                return True  # "في العام 2015 م." (the era after a year) ends the sentence
            return False  # an Arabic initial: "د." "م."
    return True


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at . ! ? ؟ … (and closing quotes), keeping every character."""
    text = " ".join(text.split())
    sentences, start = [], 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match):
            end = match.start(3)
            sentences.append(text[start:end].strip())
            start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def segment(blocks: tuple[Block, ...] | list[Block]) -> tuple[Paragraph, ...]:
    """Paragraphs for the kept blocks; headings and captions stay one unit each."""
    paragraphs = []
    for block in blocks:
        sentences = split_sentences(block.text) if block.kind == "body" else [" ".join(block.text.split())]
        paragraphs.append(Paragraph(kind=block.kind, sentences=tuple(sentences), lines=block.lines))
    return tuple(paragraphs)
