"""Precision and recall of figure extraction on the seeds against the hand-written gold table.

Run as a script for the report: python -m tests.figures_accuracy
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.analysis.legacy_figures import Figure, extract
from generator.build import prepare
from generator.config import load_config
from generator.ingest.read import read_seed
from generator.translation.pair import pair_article

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).parent / "fixtures" / "figures_gold.yml"


@dataclass
class Accuracy:
    gold: int = 0
    found: int = 0
    matched: int = 0
    category_right: int = 0
    group_right: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / (self.found or 1)

    @property
    def recall(self) -> float:
        return self.matched / (self.gold or 1)

    @property
    def labels(self) -> float:
        """Share of matched figures whose category and group are both right."""
        return min(self.category_right, self.group_right) / (self.matched or 1)


def value_key(figure: Figure) -> object:
    if figure.vague:
        return figure.vague
    if figure.low is not None:
        return [figure.low, figure.high]
    return figure.value


def seed_figures() -> dict[str, list[Figure]]:
    config = load_config(ROOT)
    out = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        article = prepare(read_seed(path), config)
        out[article.meta.id] = extract(article.meta.id, pair_article(article, {}).pairs)
    return out


def legacy_gold() -> dict[str, list[dict]]:
    """The typed gold (every number) in the shape this report reads: the counts the legacy extractor lists
    (people, and counts or measures of things as category "other"); years, dates and durations left out."""
    typed = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return {source: [{"value": item.get("vague") or item.get("value"), "near": item["near"],
                      "category": "other" if item["type"] != "people" or item["category"] == "other people"
                      else item["category"], "group": item.get("group", "")}
                     for item in items if item["type"] in ("people", "count", "measure")]
            for source, items in typed.items()}


def score() -> Accuracy:
    gold = legacy_gold()
    result = Accuracy()
    for source, figures in seed_figures().items():
        expected = gold.get(source, [])
        result.gold += len(expected)
        result.found += len(figures)
        unused = list(figures)
        for item in expected:
            hit = next((f for f in unused if value_key(f) == item["value"] and item["near"] in f.ar), None)
            if hit is None:
                result.notes.append(f"{source}: missed {item['value']} ({item['near']})")
                continue
            unused.remove(hit)
            result.matched += 1
            result.category_right += hit.category == item["category"]
            result.group_right += hit.group == item["group"]
            if (hit.category, hit.group) != (item["category"], item["group"]):
                result.notes.append(f"{source}: {item['value']} labelled {hit.category}/{hit.group or '-'}, "
                                    f"gold {item['category']}/{item['group'] or '-'}")
        result.notes += [f"{source}: extra {value_key(f)} ({f.match})" for f in unused]
    return result


def main() -> None:
    result = score()
    print(f"gold figures: {result.gold}; extracted: {result.found}; matched: {result.matched}")
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}  "
          f"category {result.category_right / (result.matched or 1):.3f}  "
          f"group {result.group_right / (result.matched or 1):.3f}  both {result.labels:.3f}")
    for note in result.notes:
        print("  " + note)


if __name__ == "__main__":
    main()
