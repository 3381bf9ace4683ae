"""The values passed between pipeline stages: plain frozen dataclasses."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


# Words are interned as the values holding them are unpickled (from the cache, or from a worker process): the
# same word in a thousand reports is then one string, not a thousand (a pile of 10,000 reports held 0.9 GB of
# copies of the same words).
@dataclass(frozen=True)
class Terms:
    """A report's content words (headline twice, and body) as stems, how often each stands, and a form as
    written: three parallel tuples, iterated as (stem, count, form). (As a tuple of 200 triples a report, they
    were most of the objects a report's pickle makes and unpickles.)"""

    stems: tuple[str, ...] = ()
    counts: tuple[int, ...] = ()
    forms: tuple[str, ...] = ()

    @classmethod
    def of(cls, triples: Iterable[tuple[str, int, str]]) -> Terms:
        columns = tuple(zip(*triples, strict=True)) or ((), (), ())
        return cls(*columns)

    def __iter__(self) -> Iterator[tuple[str, int, str]]:
        return zip(self.stems, self.counts, self.forms, strict=True)

    def __len__(self) -> int:
        return len(self.stems)

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, stems=tuple(map(sys.intern, state["stems"])),
                             forms=tuple(map(sys.intern, state["forms"])))


def _interned_words(state: dict) -> dict:
    words = state.get("words")
    if words:
        state = {**state, "words": frozenset(map(sys.intern, words))}
    return state


@dataclass(frozen=True)
class SeedFile:
    """A seed file as read from disk: its name and decoded, normalised text."""

    path: str
    name: str
    text: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # shown on the source page, not only in its details: replaced bytes …
    id: str = ""  # the source id (from the file name, or the record)
    meta: tuple[tuple[str, str], ...] = ()  # metadata a reader found (a page's <meta>, a record's fields)
    removed: tuple[Removed, ...] = ()  # lines a reader dropped before cleaning (a saved page's chrome)


@dataclass(frozen=True)
class Line:
    """One line of a scrape with its 1-based line number."""

    number: int
    text: str


@dataclass(frozen=True)
class Removed:
    """A line (or part of one) left out of the body, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Block:
    """A run of body text kept by the cleaner: a paragraph, heading or caption."""

    kind: str  # "body" | "heading" | "caption"
    text: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class CleanResult:
    """What the cleaner found in one scrape."""

    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...]
    meta: dict[str, str] = field(default_factory=dict)  # detected metadata: headline, outlet, date, dateline …


@dataclass(frozen=True)
class Paragraph:
    """A kept block split into sentences."""

    kind: str
    sentences: tuple[str, ...]
    lines: tuple[int, ...]
    notes: tuple[SentenceNote, ...] = ()  # one per sentence, from the analysis stage (body paragraphs)
    key: str = ""  # text_key of the whole paragraph (its anchor's hash), noted by the analysis stage

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True)
class SourceMeta:
    """What is known about a source, and where each field came from."""

    id: str
    seed_file: str
    outlet: str
    headline: str
    date: str  # ISO date or date-time, "" when unknown
    dateline: str
    url: str
    provenance: dict[str, str]  # field -> "detected" | "editor" | "derived" | "missing"
    outlet_en: str = ""
    byline: str = ""
    weekday: str = ""  # "Sunday" when the text says "اليوم، الأحد" but gives no date


@dataclass(frozen=True)
class Article:
    """One source after reading, cleaning, segmenting and metadata detection."""

    meta: SourceMeta
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[Removed, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # what a reader of the page must see (replaced bytes, legacy encoding …)
    terms: Terms = Terms()  # content words of headline (twice) and body: stem, count, as written
    places: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # countries, provinces it names (places.py)


@dataclass(frozen=True)
class Translation:
    """The English for one Arabic sentence and where it came from."""

    text: str
    status: str  # "machine" | "edited" | "pending"


@dataclass(frozen=True)
class Flag:
    """A translation check's finding on one sentence pair."""

    check: str  # numbers | glossary | untranslated | length | repetition | empty | conflict
    message: str

    def __str__(self) -> str:
        return f"{self.check}: {self.message}"


@dataclass(frozen=True)
class SentencePair:
    ar: str
    en: str
    status: str
    flags: tuple[Flag, ...] = ()  # QA findings, e.g. Flag("numbers", "missing 16")
    suggestion: str = ""  # an editor's translation of an earlier version of this sentence


@dataclass(frozen=True)
class Pair:
    """An Arabic paragraph with its English, under a stable anchor id."""

    id: str
    number: int
    kind: str
    sentences: tuple[SentencePair, ...]
    notes: tuple[SentenceNote, ...] = ()  # the analysis of each Arabic sentence (body paragraphs)

    @property
    def ar(self) -> str:
        return " ".join(s.ar for s in self.sentences)

    @property
    def en(self) -> str:
        return " ".join(s.en for s in self.sentences if s.en)

    @property
    def status(self) -> str:
        statuses = {s.status for s in self.sentences}
        for status in ("pending", "machine", "edited"):
            if status in statuses:
                return status
        return "machine"


@dataclass(frozen=True)
class Source:
    """A source ready to render: metadata, paired paragraphs, removed lines."""

    meta: SourceMeta
    headline_en: Translation
    outlet_en: Translation
    pairs: tuple[Pair, ...]
    removed: tuple[Removed, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    terms: Terms = Terms()  # as on its Article: what stories compare
    places: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # as on its Article (None: not noted)
    speakers_en: tuple[tuple[str, Translation], ...] = ()  # its claimants named in Arabic words, with their English

    def speaker_en(self, speaker: str) -> str:
        """The English of a claimant the report names in Arabic words ("" when it has none yet, or when the
        claimant is one of the rules' English labels)."""
        return next((t.text for ar, t in self.speakers_en if ar == speaker and t.status != "pending"), "")


@dataclass(frozen=True)
class Number:
    """A number in an Arabic sentence, with its type and, for people, what happened to them."""

    start: int  # span of the number expression in the sentence
    end: int
    value: int | float | None  # None for a range or a vague quantity
    low: int | float | None = None
    high: int | float | None = None
    vague: str = ""  # dozens | hundreds | thousands | … when the text gives no number
    qualifier: str = ""  # about | more than | at least | up to | fewer than
    type: str = "other"  # people | money | percent | year | date | time | age | duration | measure | magnitude |
    #                      count | score | ordinal | identifier | other
    category: str = ""  # people only: killed | wounded | … | other people
    noun: str = ""  # the counted noun as it stands in the sentence
    unit: str = ""  # money: currency code; measure: the unit
    group: str = ""  # people only: who was counted (a key of the rules' groups)


@dataclass(frozen=True)
class SentenceNote:
    """What the analysis stage reads in one Arabic sentence, once: everything later stages need."""

    key: str  # the translation-memory key of the sentence
    numbers: tuple[Number, ...] = ()
    claimant: str = ""  # who says so (carried over from the sentence before in the paragraph when it goes on with it)
    named: bool = False  # the claimant is named in this sentence (not carried over)
    stated_day: str = ""  # the words that state a day, as written ("يوم الأحد")
    day: str = ""  # that day resolved against the report's date (ISO), or ""
    words: frozenset[str] = frozenset()  # content words (stems), for linking statements across sources
    facts: int = 0  # how many of who / what / when / where the sentence states

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(_interned_words(state))


@dataclass(frozen=True)
class Figure:
    """A number found in a body sentence: it refers to its pair and sentence, never copies them."""

    id: str  # stable: the same sentence of the same source gives the same id on every build
    source_id: str
    pair_id: str
    sentence: int  # 1-based, within the pair
    start: int  # span of the number in that sentence
    end: int
    match: str  # the number as written
    value: int | float | None
    low: int | float | None
    high: int | float | None
    vague: str
    qualifier: str
    type: str
    category: str  # people only
    noun: str
    unit: str
    group: str
    claimant: str = ""  # who says so ("" = the outlet's own reporting)
    stated_day: str = ""
    review: str = ""  # an editor's decision: "" | checked | corrected | rejected
    note: str = ""  # the editor's note
    teaser_of: str = ""  # the report whose opening this paragraph repeats as a teaser (not this report's news)
    paragraph: str = ""  # "heading" or "caption" for a number outside the body: in the data, never a key figure
    scope: str = ""  # a people count's scope: "" (what one event did) | running total | part | rate (SCOPES)
    day: str = ""  # the day stated_day names, resolved against the report's date (ISO), or ""

    @property
    def is_people(self) -> bool:
        return self.type == "people" and self.review != "rejected" and not self.teaser_of and not self.paragraph


@dataclass(frozen=True)
class Statement:
    """Paragraphs that carry the same statement in several sources."""

    id: str
    members: tuple[tuple[str, str], ...]  # (source id, pair id), in order of report date
