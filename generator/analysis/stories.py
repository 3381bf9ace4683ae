"""Stories: the pile grouped into the events it reports, deterministically and with reasons.

Two reports belong to one story when they were published within a few days of each other (undated
reports are grouped by content alone) and their content agrees: their words are alike (TF-IDF cosine
over the headline and body, the headline counted twice, rarity measured on the pile itself) or they
carry two or more of the same statements (the cross-source matches). Reprints of one article go together
at once. Candidate pairs come from an inverted index of each report's most telling words, never from all
pairs of reports; linked pairs join their stories strongest first, and a pair linked by words alone joins
two stories only when they are alike on average too (no chaining of two events through one pair), when the
story would span no more than SPAN_DAYS, and, for reports more than CLOSE_DAYS apart, at SIMILAR_APART. Only
statements that two outlets or more carry within SPAN_DAYS count (not one outlet's furniture, not a formula
repeated for weeks), and a page's teasers of other reports (crossref.teasers) are not its words. Each story
records why its members are together: the statements they share, the words they share most (by weight: names
and places as a rule, but any word the pile rarely uses), and their dates.
"""

from __future__ import annotations

import datetime as dt
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise, repeat
from operator import mul, neg, truediv

from ..dates import report_day
from ..lazy import Lazy
from ..models import Source
from .annotate import content_term
from .crossref import Matches, in_threads, inverted, posting_blocks, teasers

np = Lazy("numpy", globals(), "np")  # (imported when first used: lazy.py)

WINDOW_DAYS = 5  # a report joins a story with a report published within this many days of it
SIMILAR = 0.28  # cosine above which two reports within the window tell the same story
JOIN_AVERAGE = SIMILAR / 2  # two stories join on a similar pair only when alike on average as well
CLOSE_DAYS = 2  # reports further apart than this need more alike words to join by words alone,
SIMILAR_APART = 0.4  # the same actor's next, different action a few days later shares names, not the event
SPAN_DAYS = 14  # words alone never make a story span more than this (a story's follow-ups run about two weeks)
RELATED = 0.15  # cosine of two stories' words (summed over their reports) above which each lists the other
RELATED_DAYS = 7  # as related, when they are at most this many days apart (their spans; undated: any)
RELATED_SHOWN = 3  # related stories a story lists, most alike first
TOP_TERMS = 40  # each report's most telling words index it for candidates
COMMON = 0.05  # words in more than this share of reports (and more than 50) are not indexed


@dataclass(frozen=True)
class Profile:
    """What a report is about, as grouping reads it."""

    source_id: str
    date: dt.date | None
    vector: dict[str, float]  # normalised TF-IDF weights of its content words
    statements: frozenset[str]  # the statements (leader clusters) it carries
    body: frozenset[str]  # its sentence keys: reprints share them all
    shown: dict[str, str]  # content word → a form as written, for the reasons shown on the page


@dataclass(frozen=True)
class Group:
    members: tuple[str, ...]  # source ids, oldest report first
    statements: int  # statements carried by two or more members
    names: tuple[str, ...]  # words most members share, as written
    undated: int


def _date(source: Source) -> dt.date | None:
    return report_day(source.meta.date)


def _counts(source: Source) -> tuple[Counter, dict[str, str]]:
    """Content words of the headline (twice) and body, and a written form of each (noted per source by
    the analysis stage, so that grouping a large pile again after one edit reads no Arabic)."""
    terms = source.terms  # (its three columns zipped in C: the comprehensions over its triples were a Python
    #                         loop a word, 140 a report)
    return Counter(dict(zip(terms.stems, terms.counts, strict=True))), dict(zip(terms.stems, terms.forms, strict=True))


def profiles(sources: list[Source], matches: Matches, aside: dict[tuple[str, str], str] | None = None
             ) -> list[Profile]:
    """What each report is about; `aside`: the pile's teasers (crossref.teasers, found here when not given),
    which are not their page's news."""
    outlet = {s.meta.id: s.meta.outlet for s in sources}
    aside = teasers(sources, matches) if aside is None else aside
    day = {s.meta.id: _date(s) for s in sources}
    statement_of = {m: st.id for st in matches.statements
                    if _across_outlets(st.members, outlet) and _within_window(st.members, day)
                    for m in st.members if m not in aside}
    counted = [_without(_counts(s), s, aside) for s in sources]
    frequency = Counter(chain.from_iterable(counts for counts, _ in counted))
    total = len(sources) + 1
    widespread = max(5, len(sources) // 2)
    rarity = {f: math.log(total / (f + 1)) + 1 for f in set(frequency.values()) if 1 < f <= widespread}  # one log
    #         a frequency; a word no other report has cannot link it to one; one most reports have tells nothing
    telling = {w: rarity[f] for w, f in frequency.items() if f in rarity}
    out = []
    tf, weight_of = _tf, telling.get  # (the same products, sums and quotients, in the same order, with fewer
    #                                   look-ups a word and the last two in C)
    for source, (counts, shown) in zip(sources, counted, strict=True):
        weights = {w: tf(n) * x for w, n in counts.items() if (x := weight_of(w)) is not None}
        values = weights.values()
        norm = math.sqrt(sum(map(mul, values, values))) or 1.0
        body = [p for p in source.pairs if p.kind == "body"]
        out.append(Profile(source.meta.id, _date(source), dict(zip(weights, map(truediv, values, repeat(norm)),
                                                                   strict=True)),
                           frozenset(statement_of[(source.meta.id, p.id)] for p in body
                                     if (source.meta.id, p.id) in statement_of),
                           frozenset(n.key for p in body for n in p.notes), shown))
    return out


def _without(counted: tuple[Counter, dict[str, str]], source: Source, aside: dict[tuple[str, str], str]
             ) -> tuple[Counter, dict[str, str]]:
    """A report's word counts less the words of its paragraphs that are teasers of other reports."""
    counts, shown = counted
    cut = [p.ar for p in source.pairs if (source.meta.id, p.id) in aside]
    if not cut:
        return counted
    counts = Counter(counts)
    counts.subtract(key for text in cut for word in text.split() if (key := content_term(word)))
    return Counter({w: n for w, n in counts.items() if n > 0}), shown


def _within_window(members: Iterable[tuple[str, str]], day: dict[str, dt.date | None]) -> bool:
    """A statement its reports carry within SPAN_DAYS of each other (undated reports aside). One repeated over
    a longer span is a formula (a ruler's titles, a ministry's wording of its executions) or background, no
    event's statement: it links no story (words still may)."""
    dates = [d for source_id, _ in members if (d := day.get(source_id)) is not None]
    return not dates or (max(dates) - min(dates)).days <= SPAN_DAYS


def _across_outlets(members: Iterable[tuple[str, str]], outlet: dict[str, str]) -> bool:
    """A statement told by two outlets or more (an unnamed outlet counts as one of its own). One outlet's
    paragraph in many of its reports is its own furniture (an app's promo, teasers of its other articles,
    a formula of its statements) and links no story."""
    named = set()
    for source_id, _ in members:
        name = outlet.get(source_id, "")
        if not name or (named and name not in named):
            return True
        named.add(name)
    return False


@lru_cache(maxsize=256)
def _tf(n: int) -> float:
    return 1 + math.log(n)


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product of two sparse vectors, over their shared words only, summed exactly (fsum) so that
    the order the shared words come in (a set's) cannot change the last bit."""
    return math.fsum(a[w] * b[w] for w in a.keys() & b.keys())


def cosine(a: Profile, b: Profile) -> float:
    return dot(a.vector, b.vector)


def numbered(words: Iterable[str]) -> dict[str, int]:
    """Each distinct word numbered 0, 1, 2 … in the order it first stands: what `vocabulary.setdefault(w,
    len(vocabulary))` a word at a time gives, made in C (a Python step a word was a third of cosines())."""
    first = dict.fromkeys(words)
    return dict(zip(first, range(len(first)), strict=True))


def cosines(items: list[Profile], pairs: list[tuple[int, int]]) -> list[float]:
    """cosine(items[i], items[j]) of each pair, bit for bit: for each first report, its weights spread over the
    vocabulary, each partner's words looked up there, the products made in arrays (the same multiplications
    as cosine's) and the nonzero ones summed per pair by math.fsum, exactly rounded whatever their order. (A
    Python loop over the shared words of 100,000 candidate pairs took 2 s of a 10,000-report pile; a sum in
    array order differed from fsum in the last bit, and grouping takes its links strongest first: a tie of
    two equal values would have been broken by rounding, not by the reports' order.)"""
    if not pairs:
        return []
    vocabulary = numbered(chain.from_iterable(profile.vector for profile in items))
    number = vocabulary.__getitem__
    word, weight, start = array("q"), array("d"), array("q", [0])
    for profile in items:
        word.extend(map(number, profile.vector))
        weight.extend(profile.vector.values())
        start.append(len(word))
    words, weights = np.frombuffer(word, dtype=np.int64), np.frombuffer(weight, dtype=np.float64)
    starts = np.frombuffer(start, dtype=np.int64)
    spread = np.zeros(len(vocabulary))
    firsts, partners = np.array(pairs, dtype=np.int64).T
    order = np.argsort(firsts, kind="stable")
    firsts, partners = firsts[order], partners[order]
    out = [0.0] * len(pairs)
    bounds = [0, *(np.flatnonzero(firsts[1:] != firsts[:-1]) + 1).tolist(), len(pairs)]
    for lo, hi in pairwise(bounds):
        i, js = firsts[lo], partners[lo:hi]
        own = slice(starts[i], starts[i + 1])
        spread[words[own]] = weights[own]
        begins, lengths = starts[js], starts[js + 1] - starts[js]
        at = np.repeat(begins - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
        products = spread[words[at]] * weights[at]
        shared = products != 0.0  # (the words the first report has: a zero adds nothing to fsum)
        counts = np.bincount(np.repeat(np.arange(hi - lo), lengths)[shared], minlength=hi - lo).tolist()
        flat, taken = products[shared].tolist(), 0
        for k, count in zip(order[lo:hi].tolist(), counts, strict=True):
            out[k] = math.fsum(flat[taken:taken + count])
            taken += count
        spread[words[own]] = 0.0
    return out


Span = tuple[dt.date, dt.date]  # a story's first and last day


def _joined(a: Span | None, b: Span) -> Span:
    """The span covering both (a story's so far, and a report's or another story's)."""
    return b if a is None else (min(a[0], b[0]), max(a[1], b[1]))


def _span(a: Span | None, b: Span | None) -> int:
    """The days two stories would span together (0 when either is undated)."""
    if a is None or b is None:
        return 0
    low, high = _joined(a, b)
    return (high - low).days


def near(a: Profile, b: Profile, days: int = WINDOW_DAYS) -> bool:
    """Published within `days` of each other (an undated report is near any)."""
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= days


class _Union:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _strongest(kv: tuple[str, float]) -> tuple[float, str]:
    return -kv[1], kv[0]


def _top_terms(vector: dict[str, float]) -> list[tuple[str, float]]:
    """heapq.nsmallest(TOP_TERMS, vector.items(), key=_strongest), the same list: the (minus weight, word) tuples
    sorted in C (nsmallest ran a loop and a key call a word in Python: a report's 140 words, twice a build), the
    weights negated back (exactly: negation only flips the sign)."""
    return [(word, -minus) for minus, word in sorted(zip(map(neg, vector.values()), vector, strict=True))[:TOP_TERMS]]


_BLOCK = 1 << 16  # contributions summed at once by _candidates (its memory: a few arrays of this length)


def _candidates(items: list[Profile]) -> Iterable[tuple[int, int]]:
    """Pairs that could reach the threshold: they share telling words (their dot product over each one's
    top words is a fair share of the threshold) or two statements."""
    count = len(items)
    for codes, sums in _partial_sums(items):
        over = codes[sums >= SIMILAR / 3]
        yield from zip((over // count).tolist(), (over % count).tolist(), strict=True)


def _partial_sums(items: list[Profile]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Blocks of (pair codes i × len(items) + j for i < j, the pair's dot product over their index entries).

    In arrays: each report's top words (strongest first) and statements are its entries; for each entry,
    the later reports holding the same word (words held by too many reports are skipped) each receive the
    product of the two weights, summed per pair in the order a loop over the entries would add them
    (np.bincount adds in input order), so that the sums, and the pairs over the cut, are a loop's own."""
    cap = max(50, int(COMMON * len(items)))
    text, weight = array("q"), array("d")
    entry_words: list[str] = []
    for i, profile in enumerate(items):
        entries = [*_top_terms(profile.vector),
                   *(("\x00" + s, 1.0) for s in profile.statements)]
        entry_words.extend(w for w, _ in entries)
        weight.extend(x for _, x in entries)
        text.extend(repeat(i, len(entries)))
    vocabulary = numbered(entry_words)
    word = array("q", map(vocabulary.__getitem__, entry_words))
    del entry_words
    if not text:
        return
    texts, words = np.frombuffer(text, dtype=np.int64), np.frombuffer(word, dtype=np.int64)
    weights = np.frombuffer(weight, dtype=np.float64)
    order, word_starts, begin = inverted(texts, words, len(vocabulary))  # begin: the later reports' postings
    posting_text, posting_weight = texts[order], weights[order]
    end = word_starts[words + 1]
    length = np.where(end - word_starts[words] > cap, 0, end - begin)
    count = len(items)

    def sums_of(lo: int, hi: int, lengths: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        products = np.repeat(weights[lo:hi], lengths) * posting_weight[at]
        codes, slot = np.unique(np.repeat(texts[lo:hi], lengths) * count + posting_text[at], return_inverse=True)
        return codes, np.bincount(slot.ravel(), weights=products, minlength=len(codes))

    yield from in_threads(sums_of, posting_blocks(length, begin, np.searchsorted(texts, np.arange(count + 1)), _BLOCK))


def _reprints(items: list[Profile], union: _Union) -> None:
    """Reports whose bodies are the same article (reprints of wire copy) join at once."""
    first: dict[frozenset[str], int] = {}
    for i, profile in enumerate(items):
        if profile.body:
            j = first.setdefault(profile.body, i)
            if j != i:
                union.join(i, j)


def group(sources: list[Source], matches: Matches, aside: dict[tuple[str, str], str] | None = None
          ) -> tuple[list[Group], dict[str, Profile]]:
    """The stories of a pile, each with its members oldest first, and every report's profile.

    Reprints join first. Then linked pairs are taken strongest first: pairs carrying the same statements,
    then by similarity. A linked pair joins the two stories its reports are in when their statements link
    them, or when the two stories are alike on average (the mean similarity between their reports, read
    from the sums of their vectors, at least JOIN_AVERAGE): one similar pair of reports does not chain two
    events into one story."""
    items = profiles(sources, matches, aside)
    union = _Union(len(items))
    _reprints(items, union)
    sums: dict[int, dict[str, float]] = {}
    sizes: Counter = Counter()
    spans: dict[int, Span] = {}
    for i, profile in enumerate(items):
        root = union.find(i)
        total = sums.setdefault(root, defaultdict(float))
        sizes[root] += 1
        if profile.date is not None:
            spans[root] = _joined(spans.get(root), (profile.date, profile.date))
        for word, value in profile.vector.items():
            total[word] += value
    links = []
    pairs = [(i, j) for i, j in _candidates(items) if near(items[i], items[j])]
    for (i, j), similar in zip(pairs, cosines(items, pairs), strict=True):
        a, b = items[i], items[j]
        by_statements = len(a.statements & b.statements) >= 2 and similar >= SIMILAR / 3
        if by_statements or similar >= (SIMILAR if near(a, b, CLOSE_DAYS) else SIMILAR_APART):
            links.append((not by_statements, -similar, i, j))
    for by_words, _, i, j in sorted(links):
        a, b = union.find(i), union.find(j)
        if a == b:
            continue
        average = dot(sums[a], sums[b]) / (sizes[a] * sizes[b])
        if by_words and (average < JOIN_AVERAGE or _span(spans.get(a), spans.get(b)) > SPAN_DAYS):
            continue
        union.join(a, b)
        kept = union.find(a)
        gone = b if kept == a else a
        if gone in spans:
            spans[kept] = _joined(spans.get(kept), spans.pop(gone))
        for word, value in sums.pop(gone).items():
            sums[kept][word] += value
        sizes[kept] += sizes.pop(gone)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[union.find(i)].append(i)
    groups = sorted((describe([items[i] for i in found]) for found in members.values()), key=lambda g: g.members)
    return groups, {p.source_id: p for p in items}


def describe(members: list[Profile]) -> Group:
    """A story's members oldest first, and what they share."""
    if len(members) == 1:  # (a report alone shares nothing: most of a pile of many stories)
        only = members[0]
        return Group(members=(only.source_id,), statements=0, names=(), undated=int(only.date is None))
    ordered = sorted(members, key=lambda p: (p.date or dt.date.max, p.source_id))
    statements = Counter(s for p in members for s in p.statements)
    weight: Counter = Counter()
    for profile in members:
        for word, value in profile.vector.items():
            weight[word] += value
    holders = Counter(w for profile in members for w in profile.vector)
    shared = [w for w in weight if holders[w] >= max(2, len(members) / 2)]
    names = sorted(shared, key=lambda w: (-weight[w], w))[:6]
    shown = {w: p.shown[w] for p in reversed(ordered) for w in names if w in p.shown}
    return Group(members=tuple(p.source_id for p in ordered), statements=sum(1 for n in statements.values() if n > 1),
                 names=tuple(shown.get(w, w) for w in names), undated=sum(1 for p in members if p.date is None))


@dataclass(frozen=True)
class Related:
    """Another story a story's page points to: alike in words, near in time, not alike enough to be one."""

    story: str  # its id
    similar: float  # the cosine of the two stories' words
    words: tuple[str, ...]  # the words they share most, as written


def related(stories: list[tuple[str, tuple[str, ...]]], profiles: dict[str, Profile]) -> dict[str, tuple[Related, ...]]:
    """For each story (id, members), up to RELATED_SHOWN other stories whose words are alike (RELATED or more:
    the cosine of the sums of their reports' vectors) and whose spans are at most RELATED_DAYS apart, most alike
    first. Grouping keeps a story's follow-ups told in other words apart (a precision it needs: one mixed story
    misleads); this is the way from one to the other. An undated story may relate to any. Candidates are the
    stories that share telling words (_partial_sums over each story's TOP_TERMS words, a sixth of RELATED or
    more), never all pairs of stories: on the benchmark piles the lists are those of comparing all pairs for
    96 % of the stories (13 of 299 and 5 of 131 differ)."""
    items, spans = [], []
    for story_id, members in stories:
        if len(members) == 1:  # (most stories of a pile: the report's own vector, already of length one)
            profile = profiles[members[0]]
            items.append(Profile(story_id, None, profile.vector, frozenset(), frozenset(), profile.shown))
            spans.append((profile.date, profile.date) if profile.date is not None else None)
            continue
        total: dict[str, float] = defaultdict(float)
        shown: dict[str, str] = {}
        span: Span | None = None
        for member in members:
            profile = profiles[member]
            for word, value in profile.vector.items():
                total[word] += value
            shown.update(profile.shown)
            if profile.date is not None:
                span = _joined(span, (profile.date, profile.date))
        norm = math.sqrt(math.fsum(x * x for x in total.values())) or 1.0
        items.append(Profile(story_id, None, {w: x / norm for w, x in total.items()}, frozenset(), frozenset(), shown))
        spans.append(span)
    count = len(items)
    candidates = [divmod(code, count) for codes, sums in _partial_sums(items)
                  for code in codes[sums >= RELATED / 6].tolist()]  # (/3, as grouping cuts, missed one pair in eight)
    pairs = [(i, j) for i, j in candidates if _gap(spans[i], spans[j]) <= RELATED_DAYS]
    found: dict[int, list[tuple[float, str, int]]] = defaultdict(list)
    for (i, j), similar in zip(pairs, cosines(items, pairs), strict=True):
        if similar >= RELATED:
            found[i].append((-similar, items[j].source_id, j))
            found[j].append((-similar, items[i].source_id, i))
    out = {}
    for i, pairs in found.items():
        a = items[i]
        out[a.source_id] = tuple(Related(story_id, -minus, _shared(a, items[j])) for minus, story_id, j in
                                 sorted(pairs)[:RELATED_SHOWN])
    return out


def _gap(a: Span | None, b: Span | None) -> int:
    """Days between two stories' spans (0 when they overlap or either is undated)."""
    if a is None or b is None:
        return 0
    return max(0, (max(a[0], b[0]) - min(a[1], b[1])).days)


def _shared(a: Profile, b: Profile, count: int = 3) -> tuple[str, ...]:
    """The words two stories share most (by the product of their weights), as written."""
    words = sorted(a.vector.keys() & b.vector.keys(), key=lambda w: (-a.vector[w] * b.vector[w], w))[:count]
    return tuple(min((f for f in (a.shown.get(w), b.shown.get(w)) if f), key=lambda f: (len(f), f), default=w)
                 for w in words)  # (the shorter form as written: the same on both stories' pages)
