"""Paragraphs that carry the same statement in two or more sources, grouped into statements.

Two paragraphs match when most of the content words of the shorter one appear in the longer one, after
Arabic normalisation and clitic stripping (the threshold was chosen on hand-labelled pairs from the seeds,
tests/fixtures/crossref_pairs.yml), and, on piles of many stories, when their reports are near in time or
the share is larger (strict(): NEAR, APART, LONGER, chosen on labelled pairs of real news, bench/links.py).
Matching scales: identical paragraphs (wire copy reprinted) are grouped
by their words at once; the others are compared only with candidates that share at least two of their
rarer words (an inverted index), never all with all. The result is stored by distinct text: each text's
members (its copies) and the other texts it matches, so a paragraph reprinted by 200 outlets is one text
with 200 members, not 200 × 199 links. For the summary, texts are also grouped into statements: each
is led by its earliest text and a later text joins the leader it matches best (never a chain of partial
matches).
"""

from __future__ import annotations

import hashlib
import os
import re
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Any, TypeVar

from ..arabic import content_words
from ..dates import report_day
from ..lazy import Lazy
from ..models import Pair, Source, Statement
from .protocol import attendance

np = Lazy("numpy", globals(), "np")  # (imported when first used: lazy.py)

T = TypeVar("T")
THRESHOLD = 0.4  # labelled same-statement pairs score 0.46–0.97, different ones 0–0.28
# What a linked pair of texts must reach to be shown as one statement, beyond THRESHOLD: on real piles of many
# stories, most pairs that reach THRESHOLD share a topic's or a formula's words, not a statement (bench/links.py:
# 47 of 357 and 21 of 298 labelled pairs were the same statement). The two that told them apart best: how far
# apart the reports are (the same statement is carried within a day or two; a formula, a market report's words,
# a ruler's titles recur for months) and how much longer one paragraph is than the other (a short sentence's few
# words are found in a long paragraph by chance).
NEAR_DAYS = 1  # reports at most this many days apart (by their dates) are near
NEAR = 0.45  # the score near reports need
APART = 0.6  # the score reports further apart need (undated ones are taken as near)
LONGER = 3  # against a paragraph more than LONGER times as long, the share is counted on its size / LONGER
MIN_WORDS = 6
QUANTITIES = frozenset({"people", "money", "percent", "count", "measure"})  # the numbers a statement states (not
#                                      its years, dates, times, ranks or names: background and furniture carry them)
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


def common_words(word_sets: list[frozenset[str]]) -> frozenset[str]:
    """Words in more than COMMON of the texts (and more than 50): too common to index."""
    frequency = Counter(w for words in word_sets for w in words)
    cap = max(50, int(COMMON * len(word_sets)))
    return frozenset(w for w, n in frequency.items() if n > cap)


BLOCK = 1 << 16  # postings read at once by candidate_pairs: its memory is a few arrays of this length (1 << 21
#                 took 100 MB more at 1,000 articles and was no faster)


def candidate_pairs(word_sets: list[frozenset[str]], threshold: float = THRESHOLD,
                    rows: Iterable[int] | None = None, common: frozenset[str] | None = None
                    ) -> Iterable[tuple[int, int]]:
    """Pairs of distinct word sets that share at least MIN_SHARED indexed words, and could still reach the
    threshold counting every unindexed (common) word as shared: every such pair (i < j), or, given `rows`,
    every such pair of a row with any other text (a pair of two rows once). Each pair (lower index first) once."""
    for low, high, _ in candidate_blocks(word_sets, threshold, rows, common):
        yield from zip(low.tolist(), high.tolist(), strict=True)


def posting_blocks(length: np.ndarray, begin: np.ndarray, starts_of_text: np.ndarray, block: int
                   ) -> Iterator[tuple[int, int, np.ndarray, np.ndarray]]:
    """An inverted index read a block of whole texts at a time (about `block` postings): for each block, its
    entries [lo, hi), how many postings each entry reads (`length`, from `begin` on) and where they are."""
    total = np.zeros(len(length) + 1, dtype=np.int64)
    np.cumsum(length, out=total[1:])
    at_text = total[starts_of_text]  # postings read before each text
    first, count = 0, len(starts_of_text) - 1
    while first < count:
        last = max(int(np.searchsorted(at_text, at_text[first] + block, side="right")) - 1, first + 1)
        lo, hi = int(starts_of_text[first]), int(starts_of_text[last])
        first = last
        lengths = length[lo:hi]
        n = int(lengths.sum())
        if n:
            yield lo, hi, lengths, np.repeat(begin[lo:hi] - (np.cumsum(lengths) - lengths), lengths) + np.arange(n)


def inverted(text: np.ndarray, word: np.ndarray, vocabulary: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """An inverted index of entries (text, word), the entries in text order: the entries sorted by word then
    text (the postings), where each word's postings start (vocabulary + 1 places), and for each entry the
    place right after it among its word's postings (where the postings of later texts begin)."""
    order = np.lexsort((text, word))
    word_starts = np.searchsorted(word[order], np.arange(vocabulary + 1))
    after = np.empty(len(word), dtype=np.int64)
    after[order] = np.arange(1, len(word) + 1)
    return order, word_starts, after


def candidate_blocks(word_sets: list[frozenset[str]], threshold: float = THRESHOLD,
                     rows: Iterable[int] | None = None, common: frozenset[str] | None = None
                     ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """candidate_pairs() as arrays, a block at a time: the lower and higher text of each pair and how many
    indexed words the two share.

    An inverted index in arrays: each text's indexed words, the postings of each word in text order; a text's
    shared-word counts are the postings of its words (those after it, when all pairs are wanted) counted
    together, a block of texts at a time."""
    common = common_words(word_sets) if common is None else common
    count = len(word_sets)
    vocabulary: dict[str, int] = {}
    flat = array("i")  # the indexed words of each text, text after text (C ints: millions at 10,000 reports)
    ends: list[int] = []
    for words in word_sets:
        flat.extend(vocabulary.setdefault(w, len(vocabulary)) for w in words if w not in common)
        ends.append(len(flat))
    if not flat:
        return
    word = np.frombuffer(flat, dtype=np.intc)  # C ints, freed as soon as done: 10,000 reports index millions
    starts_of_text = np.zeros(count + 1, dtype=np.int64)
    starts_of_text[1:] = ends
    text = np.repeat(np.arange(count, dtype=np.int32), np.diff(starts_of_text))
    sizes = np.array([len(w) for w in word_sets], dtype=np.int64)
    unindexed = sizes - np.diff(starts_of_text)  # each text's common words
    order, word_starts, after = inverted(text, word, len(vocabulary))
    posting = text[order]
    del order
    if rows is None:
        begin, chosen = after, None  # the texts after this one, of this word's postings
    else:
        chosen = np.zeros(count, dtype=bool)
        chosen[list(rows)] = True
        begin = word_starts[word]  # all of them
    del after
    length = word_starts[word + 1] - begin
    del word, flat
    if chosen is not None:
        length[~chosen[text]] = 0

    def pairs_of(lo: int, hi: int, lengths: np.ndarray, at: np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        others = posting[at]
        mine = np.repeat(text[lo:hi].astype(np.int64), lengths)
        codes, shared = np.unique(mine * count + others, return_counts=True)
        i, j = codes // count, codes % count
        keep = shared >= MIN_SHARED
        if chosen is not None:
            keep &= (j != i) & ((j > i) | ~chosen[j])
        i, j, shared = i[keep], j[keep], shared[keep]
        reach = shared + np.minimum(unindexed[i], unindexed[j]) >= threshold * np.minimum(sizes[i], sizes[j])
        return np.minimum(i, j)[reach], np.maximum(i, j)[reach], shared[reach]

    yield from in_threads(pairs_of, posting_blocks(length, begin, starts_of_text, BLOCK))


THREADS = min(2, os.cpu_count() or 1)  # NumPy lets go of the GIL while it sorts and gathers: two blocks at once


def in_threads(work: Callable[..., T], blocks: Iterable[tuple]) -> Iterator[T]:
    """work(*block) of each block, in the blocks' order, THREADS blocks at a time (a few more made ahead, never
    all: each holds arrays of a block's postings); in this thread alone when there is one block or one core."""
    blocks = iter(blocks)
    first = next(blocks, None)
    if first is None:
        return
    second = next(blocks, None)
    if second is None or THREADS < 2:
        yield work(*first)
        if second is not None:
            yield work(*second)
            yield from (work(*block) for block in blocks)
        return
    with ThreadPoolExecutor(THREADS, thread_name_prefix="crossref") as pool:
        waiting = deque([pool.submit(work, *first), pool.submit(work, *second)])
        for block in blocks:
            waiting.append(pool.submit(work, *block))
            if len(waiting) > 2 * THREADS:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()


@dataclass(frozen=True)
class Links:
    """The linked pairs of texts of one build, kept for the next. Whether two texts link depends only on
    the two texts and on which words are too common to index. So the next build keeps the links between
    the texts it still has, and compares with all the rest only the new texts and those holding a word
    that became common or stopped being so: the same links as comparing all again."""

    threshold: float
    common: frozenset[str]
    texts: tuple[bytes, ...]  # a digest of each text's words (and quantities, when it states some)
    firsts: array  # the pairs (first < second), as indices into texts
    seconds: array
    values: array  # the score of each pair


@dataclass(frozen=True)
class Linked:
    """Each text's linked texts in text order, with their scores, in compressed rows: a few bytes a link, not
    a tuple each (10,000 reports link millions of pairs of texts)."""

    starts: array = field(default_factory=lambda: array("Q", [0]))  # text i: [starts[i], starts[i + 1])
    targets: array = field(default_factory=lambda: array("I"))
    values: array = field(default_factory=lambda: array("d"))

    def of(self, text: int) -> array:
        return self.targets[self.starts[text]:self.starts[text + 1]]


def _digest(words: frozenset[str], stated: frozenset[float] = frozenset()) -> bytes:
    """A text's identity across builds: its words, and the quantities it states when it states some (two texts may
    share their words and differ in a number under three digits, which is no word)."""
    text = "\x00".join(sorted(words)) + ("\x01" + "\x00".join(map(repr, sorted(stated))) if stated else "")
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()


def _array(kind: str, values: np.ndarray) -> array:
    out = array(kind)
    out.frombytes(values.astype({"I": np.uint32, "Q": np.uint64, "d": np.float64}[kind]).tobytes())
    return out


def _kept(previous: Links, digests: list[bytes], dirty: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The previous build's pairs between texts still here and not to be compared again, in today's indices."""
    now = {d: i for i, d in enumerate(digests)}
    old = np.array([now.get(d, -1) for d in previous.texts], dtype=np.int64)
    a, b = old[np.frombuffer(previous.firsts, dtype=np.uint32)], old[np.frombuffer(previous.seconds, dtype=np.uint32)]
    keep = (a >= 0) & (b >= 0)
    keep[keep] &= ~dirty[a[keep]] & ~dirty[b[keep]]
    return np.minimum(a, b)[keep], np.maximum(a, b)[keep], np.frombuffer(previous.values, dtype=np.float64)[keep]


def _usable(previous: Links | None, threshold: float) -> bool:
    """A kept Links of this threshold whose arrays agree with each other (a damaged one is not trusted)."""
    if previous is None or previous.threshold != threshold:
        return False
    sizes = {len(previous.firsts), len(previous.seconds), len(previous.values)}
    if len(sizes) != 1 or len(set(previous.texts)) != len(previous.texts):
        return False
    top = max(max(previous.firsts, default=0), max(previous.seconds, default=0))
    return not previous.firsts or top < len(previous.texts)


@lru_cache(maxsize=1)
def _popcount() -> np.ndarray:
    """The number of bits set in each byte value (made when first needed: numpy is imported lazily)."""
    return np.array([bin(n).count("1") for n in range(256)], dtype=np.int64)


def _scored(word_sets: list[frozenset[str]], threshold: float, rows: set[int] | None, common: frozenset[str]
            ) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The candidate pairs that reach the threshold, with their scores (score() of each pair, computed in
    arrays: the indexed words two texts share, counted by the index, plus the common words they share, from
    each text's common words as bits)."""
    columns = {w: n for n, w in enumerate(sorted(common))}
    holders, held = array("q"), array("q")  # (text, common word) of each common word a text holds
    for i, words in enumerate(word_sets):
        for word in words & common:
            holders.append(i)
            held.append(columns[word])
    bits = np.zeros((len(word_sets), max(1, (len(columns) + 7) // 8)), dtype=np.uint8)
    column = np.frombuffer(held, dtype=np.int64)
    np.bitwise_or.at(bits, (np.frombuffer(holders, dtype=np.int64), column >> 3), (1 << (column & 7)).astype(np.uint8))
    sizes = np.array([len(w) for w in word_sets], dtype=np.int64)
    for low, high, shared in candidate_blocks(word_sets, threshold, rows, common):
        both = shared + _popcount()[bits[low] & bits[high]].sum(axis=1)
        smaller = np.minimum(sizes[low], sizes[high])
        values = np.where(smaller < MIN_WORDS, 0.0, both / np.maximum(smaller, 1))
        keep = values >= threshold
        yield low[keep], high[keep], values[keep]


@dataclass(frozen=True)
class Days:
    """The days of each text's reports, as day numbers: the first and last (NaN when none of its reports is
    dated: an undated copy of a dated text takes the dated copies' days), and, for a text its reports carry on
    more than one day, those days (a paragraph reprinted on day 0 and day 30 is near a report of day 15 only if
    it is within NEAR_DAYS of one of them, not because day 15 lies between)."""

    first: np.ndarray
    last: np.ndarray
    several: dict[int, np.ndarray] = field(default_factory=dict)  # text → its sorted distinct days


def link(word_sets: list[frozenset[str]], threshold: float = THRESHOLD, previous: Links | None = None,
         days: Days | None = None, stated: list[frozenset[float]] | None = None,
         counted: list[frozenset[tuple[str, float, str]]] | None = None) -> tuple[Linked, Links]:
    """Each text's linked texts with their scores, and what the next build needs to reuse them. The texts must
    be distinct (match() makes them so: one per distinct pair of words and stated quantities). Given the days of
    each text's reports (`days`), a pair links only when it also reaches NEAR or APART (strict());
    the Links kept for the next build hold every pair that reaches the threshold, which depends on the two texts
    alone (a text's days change as reprints of it arrive). Given the quantities each text states (`stated`), two
    texts that both state some and share none do not link (quantities()). Given the people counts each text states
    by category (`counted`), two texts that count one category and share none of its counts do not link either
    (disagree())."""
    common = common_words(word_sets)
    digests = [_digest(words, stated[i] if stated is not None else frozenset()) for i, words in enumerate(word_sets)]
    count = len(word_sets)
    rows: set[int] | None = None
    kept = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))
    if previous is not None and _usable(previous, threshold):
        flipped = common ^ previous.common
        before = set(previous.texts)
        rows = {i for i, (d, words) in enumerate(zip(digests, word_sets, strict=True))
                if d not in before or not flipped.isdisjoint(words)}
        dirty = np.zeros(count, dtype=bool)
        dirty[list(rows)] = True
        kept = _kept(previous, digests, dirty)
    found = list(_scored(word_sets, threshold, rows, common))
    low = np.concatenate([kept[0], *(f[0] for f in found)])
    high = np.concatenate([kept[1], *(f[1] for f in found)])
    scores = np.concatenate([kept[2], *(f[2] for f in found)])
    del found
    pairs = np.lexsort((high, low))  # in text order: the same kept bytes whatever order the sets came in
    low, high, scores = low[pairs], high[pairs], scores[pairs]
    kept_links = Links(threshold, common, tuple(digests), _array("I", low), _array("I", high), _array("d", scores))
    if days is not None:
        sizes = np.array([len(w) for w in word_sets], dtype=np.int64)
        keep = strict(sizes[low], sizes[high], scores, days, low, high)
        low, high, scores = low[keep], high[keep], scores[keep]
    if stated is not None:
        low, high, scores = _agreeing(low, high, scores, stated, lambda a, b: a.isdisjoint(b))
    if counted is not None:
        low, high, scores = _agreeing(low, high, scores, counted, disagree)
    source, target, both = np.concatenate([low, high]), np.concatenate([high, low]), np.concatenate([scores, scores])
    order = np.lexsort((target, source))
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(source, minlength=count), out=starts[1:])
    return Linked(_array("Q", starts), _array("I", target[order]), _array("d", both[order])), kept_links


def _agreeing(low: np.ndarray, high: np.ndarray, scores: np.ndarray, values: list, differ: Callable[[Any, Any], bool]
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The linked pairs (low, high, scores) but those whose texts both have values and `differ` in them (only
    pairs where both state some are looked at: few)."""
    if not len(low):
        return low, high, scores
    has = np.fromiter(map(bool, values), dtype=bool, count=len(values))
    keep = np.ones(len(low), dtype=bool)
    for k in np.flatnonzero(has[low] & has[high]).tolist():
        keep[k] = not differ(values[int(low[k])], values[int(high[k])])
    return low[keep], high[keep], scores[keep]


def strict(size_a: np.ndarray, size_b: np.ndarray, scores: np.ndarray, days: Days, a: np.ndarray, b: np.ndarray
           ) -> np.ndarray:
    """Which pairs (texts a and b, their sizes in content words, their THRESHOLD scores) carry one statement:
    the words they share over the smaller text's size, or over the larger's divided by LONGER when that is
    more, reach NEAR for texts whose reports are at most NEAR_DAYS apart or undated, APART for the rest."""
    smaller, larger = np.minimum(size_a, size_b), np.maximum(size_a, size_b)
    shared = np.rint(scores * smaller)  # (exact: a score is shared / smaller)
    fair = shared / np.maximum(smaller, larger / LONGER)
    first, last = days.first, days.last
    with np.errstate(invalid="ignore"):
        gap = np.maximum(0.0, np.maximum(first[a], first[b]) - np.minimum(last[a], last[b]))
        near = ~(gap > NEAR_DAYS)  # (NaN, undated: near; nothing says they are apart)
    if days.several:  # the pairs the days decide, of a text carried on several days: its nearest day counts
        spread = np.zeros(len(first), dtype=bool)
        spread[list(days.several)] = True
        decided = near & (spread[a] | spread[b]) & (fair >= NEAR - 1e-9) & (fair < APART - 1e-9)
        for k in np.flatnonzero(decided).tolist():
            mine, theirs = (days.several.get(int(t), first[t:t + 1]) for t in (a[k], b[k]))
            if not np.isnan(mine).any() and not np.isnan(theirs).any():
                near[k] = np.abs(mine[:, None] - theirs[None, :]).min() <= NEAR_DAYS
    return fair >= np.where(near, NEAR, APART) - 1e-9


def noted_words(pair: Pair) -> frozenset[str]:
    """The content words the analysis noted in the paragraph's sentences."""
    return frozenset().union(*(n.words for n in pair.notes))


def _words(pair: Pair) -> frozenset[str]:
    """content_words(pair.ar), from the analysis stage's notes when it made them (the same words: a text's
    content words are those of its sentences)."""
    return noted_words(pair) if pair.notes else content_words(pair.ar)


def quantities(pair: Pair) -> frozenset[float]:
    """The quantities the paragraph states (people, money, percentages, counts, measures), as the analysis typed
    them: two paragraphs that each state some and share none are not one statement ("34 مليار" against "200
    مليار", a fee of 36.9 million against 34 million, 5 camps against 4), however alike their words. (Values only,
    whatever their type: "5 مخيمات" and "5%" share one, which can only keep a link. A text is its words and these:
    copies whose words are the same but for a number under three digits are two texts when they state different
    quantities, "إلى 12 قتيلا" and "إلى 15 قتيلا".)"""
    return frozenset(round(float(n.value), 3) for note in pair.notes for n in note.numbers
                     if n.type in QUANTITIES and n.value is not None)


SPEAKER = "\x00speaker"  # (the category under which counts() keeps the paragraph's speakers)
_NO_SPEAKER = frozenset({  # claimants that name no one body: a relaying medium says what another said, and sources,
    "sources", "local sources", "security sources", "military sources", "medical sources", "activists",
    "witnesses", "residents", "reports", "the report", "statistics", "official statistics", "study", "survey",
    "spokesperson", "Reuters", "AFP", "AP", "Anadolu", "SPA", "state media",
    "investigators", "experts", "analysts", "researchers", "media", "local media"})  # witnesses, reports or experts are many


def counts(pair: Pair) -> frozenset[tuple[str, float, str]]:
    """The people counts the paragraph states with what befell them: (category, value, qualifier), "other people"
    left out (a population, a team, a crowd is no claim about an event); and the bodies and offices it quotes,
    (SPEAKER, 0, label without its country): a body or an office of the rules (English labels), not a relaying
    medium or unnamed sources (_NO_SPEAKER), not words as written (one speaker is written many ways)."""
    found = {(n.category, round(float(n.value), 3), n.qualifier) for note in pair.notes for n in note.numbers
             if n.type == "people" and n.value is not None and n.category not in ("", "other people")}
    found |= {(SPEAKER, 0.0, note.claimant.split(" (")[0]) for note in pair.notes if note.named
              and note.claimant.isascii() and note.claimant.split(" (")[0] not in _NO_SPEAKER}  # (named here: one
    #   sentence after another's words carries that speaker, and reprints put it after other words)
    return frozenset(found)


def _fits(value: float, bound: float, qualifier: str) -> bool:
    """Whether a count of `value` agrees with "`qualifier` `bound`" ("أكثر من 50 ألفا" and 53 ألفا do)."""
    if qualifier == "more than":
        return value > bound
    if qualifier == "at least":
        return value >= bound
    if qualifier == "fewer than":
        return value < bound
    if qualifier == "up to":
        return value <= bound
    if qualifier == "about":
        return abs(value - bound) <= bound / 10
    return value == bound


def disagree(a: frozenset[tuple[str, float, str]], b: frozenset[tuple[str, float, str]]) -> bool:
    """Whether two texts count one category of people and no count of it in one agrees with one in the other: the
    witnesses' "إن 20 جندياً على الأقل قتلوا" against the ministry's "إن 17 جندياً قتلوا وأصيب 20 آخرون" (they share
    the value 20, a count of the wounded in one and of the killed in the other) are two statements that differ,
    not one carried twice. Two counts agree when one fits the other's words ("أكثر من 50 ألفا" and "53 ألفا").
    Two texts that quote bodies or offices and none of the same (SPEAKER) disagree too: "the same statement" has
    one speaker (a coalition source's toll is no corroboration of SOHR's account of the fighting)."""
    mine_speak = {q for c, _, q in a if c == SPEAKER}
    their_speak = {q for c, _, q in b if c == SPEAKER}
    if mine_speak and their_speak and mine_speak.isdisjoint(their_speak):
        return True
    for category in {c for c, _, _ in a} & {c for c, _, _ in b} - {SPEAKER}:
        mine = [(v, q) for c, v, q in a if c == category]
        theirs = [(v, q) for c, v, q in b if c == category]
        if not any(v == w or _fits(v, w, r) or _fits(w, v, q) for v, q in mine for w, r in theirs):
            return True
    return False


def paragraph_words(source: Source) -> list[tuple[str, frozenset[str]]]:
    """(pair id, content words) for each body paragraph long enough to compare (not a list of who attended:
    protocol.attendance)."""
    out = []
    for pair in source.pairs:
        if pair.kind != "body" or attendance(pair.ar):
            continue
        words = _words(pair)
        if len(words) >= MIN_WORDS:
            out.append((pair.id, words))
    return out


@dataclass(frozen=True)
class Matches:
    """Which body paragraphs carry the same statement, stored by distinct text."""

    text_of: dict[tuple[str, str], int] = field(default_factory=dict)  # (source id, pair id) → text
    members: tuple[tuple[tuple[str, str], ...], ...] = ()  # text → its paragraphs, oldest report first
    linked: Linked = field(default_factory=Linked)  # text → the other texts it matches (Linked.of)
    statements: tuple[Statement, ...] = ()  # for the summary: leader clusters reported by 2+ sources
    words_of: tuple[int, ...] = ()  # text → its words' number: texts with the same words and other quantities share it

    def also(self, source_id: str, pair_id: str, limit: int = 3, within: frozenset[str] | set[str] | None = None
             ) -> tuple[list[tuple[str, str]], int]:
        """Up to `limit` paragraphs of other sources (of those `within`, when given) that match this one (its
        copies first), and how many there are in all."""
        text = self.text_of.get((source_id, pair_id))
        if text is None:
            return [], 0
        return others(self.reach(text, within), source_id, limit)

    def shown_id(self, text: int | None) -> str | None:
        """The id the data gives a text (`texts[].id`, a paragraph's `text`): only for one carried by several
        paragraphs or linked to another (the texts briefing.json lists), else None; stable while its earliest
        paragraph stays the same (not its position, which every report added before it would shift, and with it
        every page's data file)."""
        if text is None or (len(self.members[text]) < 2 and not self.linked.of(text)):
            return None
        return "tx-" + hashlib.sha1("/".join(self.members[text][0]).encode("utf-8")).hexdigest()[:16]  # (64 bits:
        #                                       no two of the hundreds of thousands of texts of a large pile alike)

    def reach(self, text: int, within: frozenset[str] | set[str] | None = None) -> Reach:
        """The paragraphs that carry this text or one it matches (its copies first), of the sources `within`
        when given, with how many each source has: what also() shows of every paragraph carrying the text."""
        members = [m for other in (text, *self.linked.of(text)) for m in self.members[other]
                   if within is None or m[0] in within]
        return Reach(members, Counter(source_id for source_id, _ in members))


@dataclass(frozen=True)
class Reach:
    members: list[tuple[str, str]]
    per_source: Counter


def others(reach: Reach, source_id: str, limit: int) -> tuple[list[tuple[str, str]], int]:
    """The first `limit` paragraphs of the reach that are not of this source, and how many there are."""
    shown = list(islice((m for m in reach.members if m[0] != source_id), limit))
    return shown, len(reach.members) - reach.per_source[source_id]


def match(sources: list[Source], threshold: float = THRESHOLD, previous: Links | None = None) -> Matches:
    """Every paragraph's matches in other sources, and the statements reported by two or more sources."""
    return match_and_links(sources, threshold, previous)[0]


def match_and_links(sources: list[Source], threshold: float = THRESHOLD, previous: Links | None = None
                    ) -> tuple[Matches, Links]:
    """match(), and the links to hand to the next build's (see Links)."""
    by_id = {(s.meta.id, pair.id): pair for s in sources for pair in s.pairs}
    items = sorted(((s.meta.date or "9999", s.meta.id, number, pair_id, (words, quantities(by_id[(s.meta.id, pair_id)])))
                    for s in sources for number, (pair_id, words) in enumerate(paragraph_words(s))),
                   key=lambda item: item[:3])
    distinct: dict[tuple[frozenset[str], frozenset[float]], int] = {}  # a text: its words and the quantities it states
    for *_, words in items:  # (copies whose words are the same but a number under three digits are two texts)
        distinct.setdefault(words, len(distinct))
    word_sets = [words for words, _ in distinct]
    stated = [found for _, found in distinct]
    counted: list[frozenset[tuple[str, float, str]] | None] = [None] * len(word_sets)
    for _, source_id, _, pair_id, words in items:  # (a text's counts: its first paragraph's)
        if counted[text := distinct[words]] is None:
            counted[text] = counts(by_id[(source_id, pair_id)])
    members: list[list[tuple[str, str]]] = [[] for _ in word_sets]
    first, last = np.full(len(word_sets), np.inf), np.full(len(word_sets), -np.inf)
    several: dict[int, set[int]] = {}
    for date, source_id, _, pair_id, words in items:
        text = distinct[words]
        members[text].append((source_id, pair_id))
        if (when := report_day(date)) is not None:
            day = when.toordinal()
            if first[text] != np.inf and day not in (first[text], last[text]):
                several.setdefault(text, {int(first[text]), int(last[text])}).add(day)
            first[text], last[text] = min(first[text], day), max(last[text], day)
    first[np.isinf(first)] = np.nan
    last[np.isinf(last)] = np.nan
    days = Days(first, last, {text: np.array(sorted(found), dtype=np.float64) for text, found in several.items()})
    linked, links = link(word_sets, threshold, previous, days, stated, counted)
    numbered: dict[frozenset[str], int] = {}
    words_of = tuple(numbered.setdefault(words, len(numbered)) for words in word_sets)
    return Matches(text_of={(s, p): distinct[w] for _, s, _, p, w in items}, members=tuple(map(tuple, members)),
                   linked=linked, statements=tuple(_statements(members, linked)), words_of=words_of), links


def _statements(members: list[list[tuple[str, str]]], linked: Linked) -> list[Statement]:
    """Texts grouped under the earliest text they match best (a leader), reported by two or more sources."""
    leader = list(range(len(members)))
    starts, targets, values = linked.starts, linked.targets, linked.values
    for j in range(len(members)):
        best: tuple[float, int] | None = None
        for k in range(starts[j], starts[j + 1]):
            i = targets[k]
            if i >= j:
                break  # a row is in text order: the earlier texts come first
            if leader[i] == i and (best is None or (values[k], -i) > best):
                best = (values[k], -i)
        if best is not None:
            leader[j] = -best[1]
    grouped: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for text, found in enumerate(members):
        grouped[leader[text]].extend(found)
    out = [Statement(id=statement_id(found[0]), members=tuple(found)) for _, found in sorted(grouped.items())
           if len({source_id for source_id, _ in found}) > 1]
    return sorted(out, key=lambda s: s.members[0])


def statement_id(first: tuple[str, str]) -> str:
    """Stable while the earliest paragraph carrying the statement stays the same."""
    return "st-" + hashlib.sha1("/".join(first).encode("utf-8")).hexdigest()[:10]


_CONNECTOR_START = ("و", "ف", "كما ", "إذ ", "اذ ", "ثم ", "لكن ", "بينما ", "من جهة", "من جانب", "في حين", "وفي ", "إلى ذلك")


def teasers(sources: list[Source], matches: Matches) -> dict[tuple[str, str], str]:
    """A page's teasers of its outlet's other articles (CNN Arabic appends them with no heading): a paragraph
    after a report's opening that repeats, nearly word for word, the opening paragraph of another report of
    the same outlet published no later, and does not start like a continuation (و، ف، كما، إذ …). (source id,
    pair id) → the report whose opening it is ("" for the other paragraphs of the block of unconnected
    paragraphs that ends the page and holds such a teaser: leads of reports not in this pile). A paragraph the outlet repeats on two or more of its pages about other things is one too (sidebars:
    a "related stories" box, "" as well). They are not the
    report's news: its story and its key figures leave them out (the page still shows them, marked). The
    outlet reusing an earlier report as background works it into its text ("وكانت …") or shares only its
    vocabulary, and stays the report's. (A paragraph whose first word merely starts with و or ف, "وزير",
    "فرنسا", counts as a continuation too: a teaser missed, never a paragraph taken.) The leads such a page
    appends of reports not in the pile are found by their form too (appended_leads). (They are found among the
    linked texts, after strict(): a teaser cut to a few words of a long opening published two days or more
    before is missed, and its words count as the page's own; none was on the benchmark piles.)"""
    by_id = {s.meta.id: s for s in sources}
    bodies = {s.meta.id: [p for p in s.pairs if p.kind == "body"] for s in sources}
    found: dict[tuple[str, str], str] = {}
    same_words: dict[int, list[int]] = defaultdict(list)  # texts whose words are the same (copies that differ only
    for index, number in enumerate(matches.words_of):        # in a small number are two texts)
        same_words[number].append(index)
    for target in sources:
        body = bodies[target.meta.id]
        if not body or not target.meta.outlet:
            continue
        opening = body[0]
        text = matches.text_of.get((target.meta.id, opening.id))
        if text is None:
            continue
        words = noted_words(opening)
        twins = same_words.get(matches.words_of[text], ()) if matches.words_of else ()
        for other in dict.fromkeys((text, *matches.linked.of(text), *twins)):
            for member in matches.members[other]:
                host = by_id[member[0]]
                if host is target or host.meta.outlet != target.meta.outlet or member in found:
                    continue
                if target.meta.date and host.meta.date and target.meta.date[:10] > host.meta.date[:10]:
                    continue  # a "teaser" of a report not yet published is a coincidence of words
                host_body = bodies[host.meta.id]
                pair = next(p for p in host_body if p.id == member[1])
                if pair is host_body[0] or _continues(pair):
                    continue
                its = noted_words(pair)
                if words and its and len(words & its) >= 0.8 * len(its):  # (a teaser may be cut short)
                    found[member] = target.meta.id
    for host_id in {source_id for source_id, _ in found}:  # the rest of the block the teasers stand in
        body = bodies[host_id]
        start = len(body)
        while start > 1 and not _continues(body[start - 1]):
            start -= 1  # the page's last paragraphs, none of them a continuation
        if any((host_id, p.id) in found for p in body[start:]):
            for pair in body[start:]:
                found.setdefault((host_id, pair.id), "")  # a teaser of a report not in this pile
    for member in sidebars(sources, matches, bodies):  # (after the blocks too: the rest of its block may be the
        found.setdefault(member, "")  #                    page's own closing lines, which are no one's teasers)
    for source in sources:  # (after the blocks: a run of appended leads is its own block, nothing above it joins)
        for pair in appended_leads(bodies[source.meta.id], source.meta.headline):
            found.setdefault((source.meta.id, pair.id), "")
    return found


def sidebars(sources: list[Source], matches: Matches, bodies: dict[str, list[Pair]]) -> list[tuple[str, str]]:
    """Paragraphs an outlet repeats on pages about other things (a "related stories" box: CNN Arabic ends its
    pages with leads of its other reports, the same ones on several pages): a text that stands on two or more
    pages of one outlet, on none of them the opening or a continuation ("و", "كما" …), and on each about something
    else than the page (at most OFF_TOPIC of its content words in the headline and the first two paragraphs:
    an outlet's update of its own report repeats paragraphs of that report, which are on its topic)."""
    by_id = {s.meta.id: s for s in sources}
    opening: dict[str, frozenset[str]] = {}
    out: list[tuple[str, str]] = []
    for members in matches.members:
        hosts = {}
        for member in members:
            source = by_id[member[0]]
            if source.meta.outlet:
                hosts.setdefault(source.meta.outlet, []).append(member)
        for outlet_members in hosts.values():
            if len({m[0] for m in outlet_members}) < 2:
                continue
            taken = []
            for source_id, pair_id in outlet_members:
                body = bodies[source_id]
                pair = next((p for p in body if p.id == pair_id), None)
                if pair is None or pair is body[0] or _continues(pair) or _own(pair):
                    break
                if source_id not in opening:
                    opening[source_id] = content_words(by_id[source_id].meta.headline).union(*map(_words, body[:2]))
                words = _words(pair)
                if len(words) < 5 or len(words & opening[source_id]) > OFF_TOPIC * len(words):
                    break
                taken.append((source_id, pair_id))
            else:
                out.extend(taken)
    return out


_DAY_ASIDE = re.compile(r"[،,]\s*(?:يوم\s+)?ال(?:أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)\s*[،,]|\(CNN\)")
OFF_TOPIC = 0.3  # an appended lead shares at most this share of its words with the report's opening


def appended_leads(body: list[Pair], headline: str) -> list[Pair]:
    """The leads of other reports an outlet appends to a page with no heading (CNN Arabic ends its pages with
    four to six), whether or not those reports are in the pile: the page's last paragraphs, two or more, none
    starting like a continuation, each about something else (at most OFF_TOPIC of its content words in the
    headline and the first two paragraphs), half of them or more (one of three or more) written as a news lead
    with its day set off by commas ("أعلنت وزارة الصحة الفلسطينية، الجمعة، مقتل …", or later in it: "…
    على موقعه الرسمي، الإثنين، …") or "(CNN)". An article's own closing lines (background, a list, a column's
    last thoughts) share its words or are not written as leads. (On the 3,000 corpus articles as scraped: 59 of
    CNN's 300 pages, and no other outlet's; 55 while the day had to stand in a lead's first 15 words. Of the four
    more, one also took the article's own last paragraph, background about its subject that shares few of the
    opening's words; so had two of the 55.)"""
    if len(body) < 4:
        return []
    opening = content_words(headline).union(*map(_words, body[:2]))
    run: list[Pair] = []
    for pair in reversed(body[2:]):
        words = _words(pair)
        if _continues(pair) or _own(pair) or len(words) < 5 or len(words & opening) > OFF_TOPIC * len(words):
            break
        run.append(pair)
    leads = sum(1 for pair in run if _DAY_ASIDE.search(pair.ar))
    return run[::-1] if (len(run) >= 2 and 2 * leads >= len(run)) or (len(run) >= 3 and leads) else []


_OWN_START = ("يذكر ", "يشار ", "تجدر ", "جدير ", "الجدير ", "إن ", "ان ", "أضاف ", "أضافت ", "اضاف ", "اضافت ",
              "تابع ", "تابعت ", "أشار ", "أشارت ", "لفت ", "لفتت ")


def _own(pair: Pair) -> bool:
    """The paragraph starts as a report's own background or its next point ("يذكر أن …", "إن …", "أضافت غوغل
    أن …"), never as another report's lead."""
    return _starts(pair, _OWN_START)


def _continues(pair: Pair) -> bool:
    """The paragraph starts like a continuation of the text before it (و، ف، كما، إذ …)."""
    return _starts(pair, _CONNECTOR_START)


def _starts(pair: Pair, starts: tuple[str, ...]) -> bool:
    """The paragraph's text, past opening quotes and brackets, starts with one of these."""
    return pair.ar.lstrip(" \"'«“(").startswith(starts)
