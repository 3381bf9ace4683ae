"""Paragraphs that carry the same statement in two or more sources, grouped into statements.

Two paragraphs match when most of the content words of the shorter one appear in the longer one, after
Arabic normalisation and clitic stripping (the threshold was chosen on hand-labelled pairs from the seeds,
tests/fixtures/crossref_pairs.yml). Matching scales: identical paragraphs (wire copy reprinted) are grouped
by their words at once; the others are compared only with candidates that share at least two of their
rarer words (an inverted index), never all with all. The result is stored by distinct text: each text's
members (its copies) and the other texts it matches, so a paragraph reprinted by 200 outlets is one text
with 200 members, not 200 × 199 links. For the summary, texts are also grouped into statements: each
is led by its earliest text and a later text joins the leader it matches best (never a chain of partial
matches).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..arabic import content_words
from ..models import Source, Statement

THRESHOLD = 0.4  # labelled same-statement pairs score 0.46–0.97, different ones 0–0.28
MIN_WORDS = 6
MIN_SHARED = 2  # candidates share at least this many indexed words
COMMON = 0.05  # words in more than this share of paragraphs (and more than 50) are not indexed


def score(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set's words found in the other (0 when either is too short to judge)."""
    if min(len(a), len(b)) < MIN_WORDS:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: str, b: str) -> float:
    """Share of the shorter paragraph's content words found in the other (0 … 1)."""
    return score(content_words(a), content_words(b))


def candidate_pairs(word_sets: list[frozenset[str]], threshold: float = THRESHOLD) -> Iterable[tuple[int, int]]:
    """Pairs (i < j) of distinct word sets that share at least MIN_SHARED indexed words, and could still
    reach the threshold counting every unindexed (common) word as shared."""
    frequency = Counter(w for words in word_sets for w in words)
    cap = max(50, int(COMMON * len(word_sets)))
    postings: dict[str, list[int]] = defaultdict(list)
    common = []
    for i, words in enumerate(word_sets):
        common.append(sum(1 for w in words if frequency[w] > cap))
        for word in words:
            if frequency[word] <= cap:
                postings[word].append(i)
    sizes = [len(w) for w in word_sets]
    for i, words in enumerate(word_sets):
        shared: Counter = Counter()
        for word in words:  # each posting list is in order: the texts after i are a slice, counted in C
            if listed := postings.get(word):
                shared.update(listed[bisect_right(listed, i):])
        mine, size = common[i], sizes[i]
        for j, n in shared.items():
            if n >= MIN_SHARED:
                theirs, other = common[j], sizes[j]
                if n + (mine if mine < theirs else theirs) >= threshold * (size if size < other else other):
                    yield i, j


def paragraph_words(source: Source) -> list[tuple[str, frozenset[str]]]:
    """(pair id, content words) for each body paragraph long enough to compare."""
    out = []
    for pair in source.pairs:
        if pair.kind != "body":
            continue
        words = frozenset().union(*(n.words for n in pair.notes)) if pair.notes else content_words(pair.ar)
        if len(words) >= MIN_WORDS:
            out.append((pair.id, words))
    return out


@dataclass(frozen=True)
class Matches:
    """Which body paragraphs carry the same statement, stored by distinct text."""

    text_of: dict[tuple[str, str], int] = field(default_factory=dict)  # (source id, pair id) → text
    members: tuple[tuple[tuple[str, str], ...], ...] = ()  # text → its paragraphs, oldest report first
    linked: tuple[tuple[int, ...], ...] = ()  # text → the other texts it matches
    statements: tuple[Statement, ...] = ()  # for the summary: leader clusters reported by 2+ sources

    def also(self, source_id: str, pair_id: str, limit: int = 3, within: frozenset[str] | set[str] | None = None
             ) -> tuple[list[tuple[str, str]], int]:
        """Up to `limit` paragraphs of other sources (of those `within`, when given) that match this one (its
        copies first), and how many there are in all."""
        text = self.text_of.get((source_id, pair_id))
        if text is None:
            return [], 0
        shown, total = [], 0
        for other in (text, *self.linked[text]):
            for member in self.members[other]:
                if member[0] != source_id and (within is None or member[0] in within):
                    total += 1
                    if len(shown) < limit:
                        shown.append(member)
        return shown, total


def match(sources: list[Source], threshold: float = THRESHOLD) -> Matches:
    """Every paragraph's matches in other sources, and the statements reported by two or more sources."""
    items = sorted(((s.meta.date or "9999", s.meta.id, number, pair_id, words) for s in sources
                    for number, (pair_id, words) in enumerate(paragraph_words(s))), key=lambda item: item[:3])
    distinct: dict[frozenset[str], int] = {}
    for *_, words in items:
        distinct.setdefault(words, len(distinct))
    word_sets = list(distinct)
    linked: list[list[tuple[float, int]]] = [[] for _ in word_sets]
    for i, j in candidate_pairs(word_sets, threshold):
        if (value := score(word_sets[i], word_sets[j])) >= threshold:
            linked[i].append((value, j))
            linked[j].append((value, i))
    members: list[list[tuple[str, str]]] = [[] for _ in word_sets]
    for _, source_id, _, pair_id, words in items:
        members[distinct[words]].append((source_id, pair_id))
    return Matches(text_of={(s, p): distinct[w] for _, s, _, p, w in items}, members=tuple(map(tuple, members)),
                   linked=tuple(tuple(sorted(j for _, j in found)) for found in linked),
                   statements=tuple(_statements(members, linked)))


def _statements(members: list[list[tuple[str, str]]], linked: list[list[tuple[float, int]]]) -> list[Statement]:
    """Texts grouped under the earliest text they match best (a leader), reported by two or more sources."""
    leader = list(range(len(members)))
    for j in range(len(members)):
        leaders = [(value, -i) for value, i in linked[j] if i < j and leader[i] == i]
        if leaders:
            leader[j] = -max(leaders)[1]
    grouped: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for text, found in enumerate(members):
        grouped[leader[text]].extend(found)
    out = [Statement(id=statement_id(found[0]), members=tuple(found)) for _, found in sorted(grouped.items())
           if len({source_id for source_id, _ in found}) > 1]
    return sorted(out, key=lambda s: s.members[0])


def statement_id(first: tuple[str, str]) -> str:
    """Stable while the earliest paragraph carrying the statement stays the same."""
    return "st-" + hashlib.sha1("/".join(first).encode("utf-8")).hexdigest()[:10]
