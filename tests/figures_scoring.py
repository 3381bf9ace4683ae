"""Scoring typed numbers against gold: the corpus halves of bench/gold (FIGURES.md) and the hand-written
gold of the seeds and of event2. Used by bench/figures.py (the report) and tests/test_numbers.py.

Predicted and gold numbers of a sentence are matched by span overlap (each at most once, the largest
overlap first). People counts: precision over predicted people, recall over gold people, category
accuracy over matched pairs that are people on both sides.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.analysis.numbers import Number, claimant_of, numbers_in

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "bench" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus"
SEEDS_GOLD = ROOT / "tests" / "fixtures" / "figures_gold.yml"
EVENT2_GOLD = ROOT / "tests" / "fixtures" / "event2" / "figures_gold.yml"
TUNING = ("tune", "tune2", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10", "tune11")  # the batches the rules may be tuned on (figures_<name>.yml)
HELD_OUT = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5")  # never tuned on: labelled first, only their totals are ever read
FORBIDDEN = ("year", "age", "money", "identifier")  # never to be typed as a count of people
TARGETS = {"precision": 0.95, "recall": 0.95, "category": 0.95}
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


@dataclass
class Scores:
    """Counts over one gold set, and the notes of what went wrong."""

    people_gold: int = 0
    people_found: int = 0
    people_matched: int = 0
    category_right: int = 0
    category_unnamed: int = 0  # wrong: "other people" where the gold names a category (left uncategorised)
    group_right: int = 0
    group_total: int = 0
    numbers_gold: int = 0
    numbers_found: int = 0
    type_right: int = 0
    value_right: int = 0
    forbidden: int = 0
    claimant_right: int = 0
    claimant_total: int = 0
    sha_mismatches: list[str] = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.people_matched / self.people_found if self.people_found else 1.0

    @property
    def recall(self) -> float:
        return self.people_matched / self.people_gold if self.people_gold else 1.0

    @property
    def category(self) -> float:
        return self.category_right / self.people_matched if self.people_matched else 1.0

    @property
    def type_accuracy(self) -> float:
        return self.type_right / self.numbers_gold if self.numbers_gold else 1.0

    def missed_targets(self) -> list[str]:
        """The targets this set misses (empty when all hold)."""
        out = [f"{name} {getattr(self, name):.3f} < {bound}" for name, bound in TARGETS.items()
               if getattr(self, name) < bound]
        return out + ([f"{self.forbidden} year/age/money/identifier typed as people"] if self.forbidden else [])


def value_of(number: Number) -> object:
    """A predicted number's value in the gold's terms: a number, [low, high], or a vague word."""
    if number.vague:
        return number.vague
    if number.value is None and number.low is not None:
        return [number.low, number.high]
    return number.value


def same_value(gold: dict, number: Number) -> bool:
    """Gold values outside the spec ("13:00", "11.2.6") are not compared."""
    expected = gold.get("vague") or gold.get("value")
    found = value_of(number)
    if isinstance(expected, str) and not gold.get("vague"):
        return True
    if isinstance(expected, list) and isinstance(found, list):
        return all(abs(float(a) - float(b)) < 1e-6 for a, b in zip(expected, found, strict=False))
    if isinstance(expected, int | float) and isinstance(found, int | float):
        return abs(float(expected) - float(found)) < 1e-6 * max(1.0, abs(float(expected)))
    return expected == found


def match(gold: list[dict], found: tuple[Number, ...]) -> list[tuple[dict, Number | None]]:
    """Each gold number with the predicted number overlapping it most (None when none is left)."""
    used: set[int] = set()
    pairs = []
    for item in gold:
        best, overlap = None, 0
        for index, number in enumerate(found):
            size = min(item["end"], number.end) - max(item["start"], number.start)
            if index not in used and size > overlap:
                best, overlap = index, size
        if best is not None:
            used.add(best)
        pairs.append((item, found[best] if best is not None else None))
    extras = [(None, n) for index, n in enumerate(found) if index not in used]
    return pairs + extras


def score_sentence(scores: Scores, sentence: str, gold: list[dict], claimant: str = "", label: str = "") -> None:
    """Add one sentence's numbers to the scores."""
    found = numbers_in(sentence)
    scores.numbers_gold += len(gold)
    scores.numbers_found += len(found)
    for item, number in match(gold, found):
        _score_pair(scores, sentence, item, number, claimant, label)


def _score_pair(scores: Scores, sentence: str, item: dict | None, number: Number | None, claimant: str,
                label: str) -> None:
    gold_type = item["type"] if item else "-"
    found_type = number.type if number else "-"
    scores.confusion[(gold_type, found_type)] += 1
    text = sentence[number.start:number.end] if number else sentence[item["start"]:item["end"]]
    where = f"{label}: [{text}] in «{_context(sentence, item or number)}»"
    scores.people_gold += gold_type == "people"
    scores.people_found += found_type == "people"
    if item and number:
        scores.type_right += gold_type == found_type
        scores.value_right += same_value(item, number)
    scores.forbidden += gold_type in FORBIDDEN and found_type == "people"
    if gold_type == "people" and found_type == "people":
        _score_people(scores, item, number, claimant, where)
    elif gold_type == "people":
        scores.notes.append(f"missed people ({item.get('category')}) typed {found_type}: {where}")
    elif found_type == "people":
        scores.notes.append(f"false people ({number.category}) gold {gold_type}: {where}")
    elif item and number and gold_type != found_type:
        scores.notes.append(f"type {found_type}, gold {gold_type}: {where}")


def _score_people(scores: Scores, item: dict, number: Number, claimant: str, where: str) -> None:
    scores.people_matched += 1
    scores.category_right += item.get("category") == number.category
    if item.get("category") != number.category:
        scores.category_unnamed += number.category == "other people"
        scores.notes.append(f"category {number.category}, gold {item.get('category')}: {where}")
    if "group" in item:
        scores.group_total += 1
        scores.group_right += item["group"] == number.group
    if "claimant" in item:
        scores.claimant_total += 1
        scores.claimant_right += _same_claimant(item["claimant"], claimant)


_ALIASES = {"sohr": "syrian observatory", "un": "united nations", "afp": "france presse", "msf": "doctors"}
_GENERIC = {"the", "of", "and", "sources", "source", "ministry", "spokesman", "spokesperson", "chief"}


def _same_claimant(gold: str, found: str) -> bool:
    """Informative only: both empty, or a significant word in common (with a few abbreviations spelt out)."""
    if not gold or not found:
        return not gold and not found

    def words(text: str) -> set[str]:
        text = text.lower().replace("-", " ")
        return set(" ".join(_ALIASES.get(w, w) for w in text.split()).split()) - _GENERIC
    return bool(words(gold) & words(found)) or gold.lower() == found.lower()


def _context(sentence: str, where: dict | Number) -> str:
    start = where["start"] if isinstance(where, dict) else where.start
    end = where["end"] if isinstance(where, dict) else where.end
    return sentence[max(0, start - 40):end + 40].replace("\n", " ")


# --- the corpus halves (bench/gold/figures_*.yml) --------------------------------------------------
def paragraphs_of(text: str) -> list[str]:
    """Paragraphs as FIGURES.md splits them (paragraph 0 is the title line)."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def previous_sentences(paragraph: str, start: int) -> list[str]:
    """The sentences of the paragraph before the one at `start`, nearest first."""
    return list(reversed([s for s in _SENTENCE_END.split(paragraph[:start]) if s.strip()]))


def score_half(path: Path, corpus: Path, label: str) -> Scores:
    """Score every sentence of a gold half, read from the corpus by reference."""
    scores = Scores()
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]:
        paragraph = paragraphs_of((corpus / item["file"]).read_text(encoding="utf-8"))[item["paragraph"]]
        sentence = paragraph[item["start"]:item["end"]]
        if hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12] != item["sha1"]:
            scores.sha_mismatches.append(f"{item['file']} paragraph {item['paragraph']}")
            continue
        claimant = claimant_of(sentence) or next(
            (c for c in map(claimant_of, previous_sentences(paragraph, item["start"])) if c), "")
        score_sentence(scores, sentence, item["numbers"], claimant, f"{item['file']} p{item['paragraph']}")
    return scores


# --- the seeds' and event2's gold (tests/fixtures) -------------------------------------------------
def body_sentences(seeds_dir: Path) -> dict[str, list[str]]:
    """Every body sentence of every seed in a folder, per source id, as the generator segments them."""
    from generator.build import prepare
    from generator.config import load_config
    from generator.ingest.read import read_seed

    config = load_config(ROOT)
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        article = prepare(read_seed(path), config)
        out[article.meta.id] = [s for p in article.paragraphs if p.kind == "body" for s in p.sentences]
    return out


def locate(sentences: list[str], item: dict) -> tuple[int, dict]:
    """The sentence holding `near`, and the gold number with its span in that sentence."""
    holders = [k for k, s in enumerate(sentences) if item["near"] in s]
    if len(holders) != 1:
        raise ValueError(f"'{item['near']}' is in {len(holders)} sentences")
    sentence = sentences[holders[0]]
    start = sentence.index(item["near"]) + item["near"].index(str(item["text"]))
    return holders[0], {**item, "start": start, "end": start + len(str(item["text"]))}


def score_fixture(gold_path: Path, seeds_dir: Path, label: str) -> Scores:
    """Score the seeds' (or event2's) gold: every number of every body sentence."""
    scores = Scores()
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    for source, sentences in body_sentences(seeds_dir).items():
        per_sentence: dict[int, list[dict]] = {k: [] for k in range(len(sentences))}
        for item in gold.get(source, []):
            index, located = locate(sentences, item)
            per_sentence[index].append(located)
        for index, items in per_sentence.items():
            items.sort(key=lambda g: g["start"])
            score_sentence(scores, sentences[index], items, label=f"{label} {source}")
    return scores


def fixture_sets() -> Iterable[tuple[str, Scores]]:
    """The seeds' and event2's scores."""
    yield "seeds", score_fixture(SEEDS_GOLD, ROOT / "seeds", "seeds")
    yield "event2", score_fixture(EVENT2_GOLD, ROOT / "tests" / "fixtures" / "event2" / "seeds", "event2")
