"""Score the cleaner on the hand-labelled corpus of other outlets' scrapes (tests/fixtures/cleaning_corpus.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.ingest.clean import clean

CORPUS = Path(__file__).parent / "fixtures" / "cleaning_corpus.yml"
KEPT = {"body", "caption", "heading"}


@dataclass
class Score:
    kept_right: int = 0  # body/caption/heading lines kept
    kept_wrong: int = 0  # chrome or metadata kept in the body
    lost: int = 0  # body lines removed
    kind_right: int = 0
    kind_wrong: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.kept_right / ((self.kept_right + self.kept_wrong) or 1)

    @property
    def recall(self) -> float:
        return self.kept_right / ((self.kept_right + self.lost) or 1)


def articles() -> list[dict]:
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["articles"]


def score() -> Score:
    total = Score()
    for article in articles():
        labels = [label for label, _ in article["lines"]]
        result = clean("\n".join(text for _, text in article["lines"]))
        kinds = {n: b.kind for b in result.blocks for n in b.lines}
        for number, (label, text) in enumerate(article["lines"], 1):
            if not text.strip():
                continue
            kept = number in kinds
            if label in KEPT and kept:
                total.kept_right += 1
                if kinds[number] == label:
                    total.kind_right += 1
                else:
                    total.kind_wrong += 1
                    total.mistakes.append(f"{article['name']}:{number} {label} kept as {kinds[number]}: {text[:60]}")
            elif label in KEPT:
                total.lost += 1
                total.mistakes.append(f"{article['name']}:{number} {label} LOST: {text[:60]}")
            elif kept:
                total.kept_wrong += 1
                total.mistakes.append(f"{article['name']}:{number} {label} KEPT as {kinds[number]}: {text[:60]}")
        assert len(labels) == len(article["lines"])
    return total
