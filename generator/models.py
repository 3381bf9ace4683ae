"""The values passed between pipeline stages: plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SeedFile:
    """A seed file as read from disk: its name and decoded, normalised text."""

    path: str
    name: str
    text: str
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # shown on the source page, not only in its details: replaced bytes …
    id: str = ""  # the source id (from the file name)


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


@dataclass(frozen=True)
class Translation:
    """The English for one Arabic sentence and where it came from."""

    text: str
    status: str  # "machine" | "edited" | "pending"


@dataclass(frozen=True)
class SentencePair:
    ar: str
    en: str
    status: str
    flags: tuple[str, ...] = ()  # QA findings, e.g. "numbers differ: missing 16"
    suggestion: str = ""  # an editor's translation of an earlier version of this sentence


@dataclass(frozen=True)
class Pair:
    """An Arabic paragraph with its English, under a stable anchor id."""

    id: str
    number: int
    kind: str
    sentences: tuple[SentencePair, ...]

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


@dataclass(frozen=True)
class Figure:
    """A count found in a body sentence, traceable to its pair."""

    value: int | None
    low: int | None
    high: int | None
    qualifier: str  # "" | "at least" | "more than" | "about" | "up to" …
    unit: str  # the Arabic word(s) after the number
    category: str  # killed | wounded | arrested | escaped | detained | captured | other
    source_id: str
    pair_id: str
    ar: str  # the Arabic sentence
    en: str  # its English
    match: str  # the exact text matched in the Arabic sentence
    vague: str = ""  # "dozens", "thousands" … when the text gives no number
    group: str = ""  # who was counted: isis | sdf | civilians | … ("" when not said)
    claimant: str = ""  # who says so, when the sentence names them ("" = the outlet's own reporting)
    stated_day: str = ""  # the day as the sentence states it: "يوم الأحد", "مساء أمس السبت"
