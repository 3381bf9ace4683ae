"""How often "also reported by" is right: the generator's links between paragraphs of different reports,
scored against labelled pairs on two piles of real articles (a report: no timed assertions).

    python bench/links.py [--corpus ../shared/corpus] [--half tune|fresh|held|all] [-v]

bench/gold/links_corpus.yml holds the piles (file names of ../shared/corpus) and the labelled pairs (file and
paragraph id, "same" or "different" statement). Each pile is written as scrapes into a temporary project,
prepared and matched (generator/analysis/crossref.py, the build's own code) and, for each labelled pair, it
is noted whether the build links the two paragraphs. Printed for each pile: the links of different reports
the build makes, and over the labelled pairs the precision (share of linked pairs that are the same
statement) and the recall (share of same-statement pairs linked). All labelled pairs reach THRESHOLD (the
containment the rule starts from), so recall is relative to it. Piles: `tune` (the rule was chosen on it),
`fresh` (labelled after the rule was made, to measure it on text it was not chosen on), `held` (held out, and
worn: scored twice; score it only for a decision already made). -v lists the tuning pile's errors only.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import load_corpus, real_corpus, real_seed, write_seeds  # noqa: E402
from stories import project  # noqa: E402

from generator.analysis.crossref import match  # noqa: E402
from generator.cache import Cache  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.ingest.read import read_seeds  # noqa: E402
from generator.pipeline import ingest_all  # noqa: E402
from generator.translation.pair import pair_article, pair_id  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "links_corpus.yml"


def linked_pairs(folder: Path) -> tuple[set[tuple[tuple[str, str], tuple[str, str]]], set[tuple[str, str]], int]:
    """The pairs of paragraphs of different reports the build links ((file, paragraph id) each, in order), and
    every (file, paragraph id) of the pile, and how many links the build makes. A scraped block the segmenter shows as several paragraphs (one over
    segment.LONG words, since 2026-11-27's seventh session; the labels are older) also answers to the id it had
    whole, and is linked where any of its parts is."""
    config = load_config(folder)
    seeds, errors = read_seeds(config.seeds_path, config.roots)
    articles = [p.article for p in ingest_all(seeds, config, Cache(None), errors)[0]]
    sources = [pair_article(a, {}) for a in articles]
    file_of = {s.meta.id: s.meta.seed_file for s in sources}
    whole = {(file_of[s.meta.id], pair.id): (file_of[s.meta.id], block)
             for a, s in zip(articles, sources, strict=True) for pair, block in zip(s.pairs, _blocks(a, s), strict=True)}
    found = match(sources)
    links, blocks = set(), set()
    for source in sources:
        for pair in source.pairs:
            here = (file_of[source.meta.id], pair.id)
            for other, pid in found.also(source.meta.id, pair.id, limit=1_000_000)[0]:
                there = (file_of[other], pid)
                links.add(tuple(sorted([here, there])))
                blocks.add(tuple(sorted([whole.get(here, here), whole.get(there, there)])))
    return links | blocks, {(file_of[s.meta.id], p.id) for s in sources for p in s.pairs} | set(whole.values()), \
        len(links)


def _blocks(article, source) -> list[str]:
    """For each paragraph, the id of the scraped block it is part of: its own id when it is the whole block (a
    repeat's "-2" kept), else the id the joined parts would have (consecutive body paragraphs with the same lines
    are one block's parts)."""
    out, k = [], 0
    paragraphs, taken = article.paragraphs, {p.id for p in source.pairs}
    while k < len(paragraphs):
        end = k + 1
        while end < len(paragraphs) and paragraphs[end].lines == paragraphs[k].lines and paragraphs[k].kind == "body":
            end += 1
        block = source.pairs[k].id if end == k + 1 else pair_id(" ".join(p.text for p in paragraphs[k:end]), taken)
        out.extend([block] * (end - k))
        k = end
    return out


def score(rows: list[list[str]], links: set, paragraphs: set, count: int) -> dict:
    result = {"links": count, "tp": 0, "fp": 0, "fn": 0, "unresolved": 0, "errors": []}
    for file_a, pid_a, file_b, pid_b, label, why in rows:
        if (file_a, pid_a) not in paragraphs or (file_b, pid_b) not in paragraphs:
            result["unresolved"] += 1  # the cleaner or the segmenter changed the paragraph since it was labelled
            continue
        if label == "unsure":
            continue  # (left out of the scores)
        same, linked = label == "same", tuple(sorted([(file_a, pid_a), (file_b, pid_b)])) in links
        result["tp"] += same and linked
        result["fp"] += linked and not same
        result["fn"] += same and not linked
        if same != linked:
            result["errors"].append((("linked, labelled different" if linked else "not linked, labelled same"),
                                     file_a, pid_a, file_b, pid_b, why))
    tp, fp, fn = result["tp"], result["fp"], result["fn"]
    result["precision"], result["recall"] = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--half", choices=("tune", "fresh", "held", "all"), default="tune")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the tuning pile's errors")
    args = parser.parse_args(argv)
    if not (args.corpus / "MANIFEST.tsv").exists():
        print(f"no corpus at {args.corpus}")
        return 1
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    corpus = load_corpus(args.corpus)
    articles = {a.file: a for a in corpus}
    for half in (("tune", "fresh", "held") if args.half == "all" else (args.half,)):
        files = gold["piles"][half]["files"]
        if half == "held":  # the scale benchmark's real-1000, written as it writes it
            seeds = real_corpus(corpus, 1000, 1)
            assert sorted(s.name for s in seeds) == sorted(files), "the corpus sample is not the labelled pile"
        else:
            rng = random.Random(f"links-{half}")
            seeds = [real_seed(articles[name], rng) for name in files]
        with tempfile.TemporaryDirectory(prefix=f"bench-links-{half}-") as tmp:
            folder = project(Path(tmp) / half)
            write_seeds(seeds, folder / "seeds")
            links, paragraphs, count = linked_pairs(folder)
        result = score(gold["pairs"][half], links, paragraphs, count)
        print(f"== {half}: {len(gold['piles'][half]['files'])} reports; links between paragraphs of different reports "
              f"{result['links']}; labelled pairs {len(gold['pairs'][half])} ({result['unresolved']} no longer found)")
        print(f"   precision {result['precision']:.3f} ({result['tp']} of {result['tp'] + result['fp']} linked are the "
              f"same statement)  recall {result['recall']:.3f} ({result['tp']} of {result['tp'] + result['fn']})")
        if args.verbose and half == "tune":
            for error in result["errors"]:
                print("   -", *error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
