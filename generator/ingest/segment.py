"""Stage 3: split kept blocks into paragraphs of sentences, with an Arabic-aware splitter."""

from __future__ import annotations

import math
import re

from ..models import Block, Paragraph

LONG = 150  # words: a body block longer than this (a scrape that lost its line breaks: one real article of 1,290
#             words in one line) is shown as several paragraphs, split between sentences
PART = 100  # words a part holds, about
SHORT_PART = 40  # words: a part this short (a short sentence beside long ones) joins its shorter neighbour

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


def parts(sentences: list[str]) -> list[list[str]]:
    """A body block's sentences as the paragraphs it is shown as: one, or for a block over LONG words, parts of
    about PART words each, as even as whole sentences allow (a pair a reader can take in beside its English, a
    permalink and a figure's link that point somewhere, a paragraph that fits a printed page). A sentence is
    never split."""
    words = [len(s.split()) for s in sentences]
    total = sum(words)
    if total <= LONG or len(sentences) < 2:
        return [sentences]
    count = min(len(sentences), math.ceil(total / PART))
    target, done = total / count, 0
    out: list[list[str]] = []
    current: list[str] = []
    size = 0
    for sentence, n in zip(sentences, words, strict=True):
        if current and size + n / 2 > target and len(out) < count - 1:  # (the break nearer the target: before it)
            out.append(current)
            done += size
            current, size = [], 0
            target = (total - done) / (count - len(out))  # (the rest shared evenly again)
        current.append(sentence)
        size += n
    out.append(current)
    return _joined_short(out)


def _joined_short(out: list[list[str]]) -> list[list[str]]:
    """Parts of fewer than SHORT_PART words joined to their shorter neighbour (a real block split [119, 10, 108,
    72] words, another [23, 194]: a line or two standing alone between long parts reads as a fragment)."""
    sizes = [sum(len(s.split()) for s in part) for part in out]
    while len(out) > 1:
        small = min(range(len(out)), key=sizes.__getitem__)
        if sizes[small] >= SHORT_PART:
            break
        other = min((i for i in (small - 1, small + 1) if 0 <= i < len(out)), key=sizes.__getitem__)
        first, second = sorted((small, other))
        out[first:second + 1] = [out[first] + out[second]]
        sizes[first:second + 1] = [sizes[first] + sizes[second]]
    return out


def segment(blocks: tuple[Block, ...] | list[Block]) -> tuple[Paragraph, ...]:
    """Paragraphs for the kept blocks; headings and captions stay one unit each, and a body block over LONG
    words is several paragraphs (parts)."""
    paragraphs = []
    for block in blocks:
        if block.kind != "body":
            paragraphs.append(Paragraph(kind=block.kind, sentences=(" ".join(block.text.split()),), lines=block.lines))
            continue
        for part in parts(split_sentences(block.text)):
            paragraphs.append(Paragraph(kind=block.kind, sentences=tuple(part), lines=block.lines))
    return tuple(paragraphs)
