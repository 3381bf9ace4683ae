"""How well the generator groups reports into stories, on labelled piles (a report: no timed assertions).

    python bench/stories.py [--corpus ../shared/corpus] [--generated 1000] [--check]

Piles:
- fixtures:  the five seeds and the three fixture events of tests/fixtures (event2: Niger, event3: Derna,
             event4: north-east Syria like the seeds, but another event); each event is one story;
- corpus:    a labelled slice of ../shared/corpus (bench/gold/stories_corpus.yml: 377 real articles, file
             names only), written as scrapes with their MANIFEST dates;
- generated: a generated pile (bench/corpora.py) of about 50 stories per 1,000 articles, each article
             labelled with its story;
- same-places: 20 stories (each a real article told by 3–6 outlets) on the same three days, all naming
             the same places, sharing no sentence: they must stay apart.

For each: pairwise precision and recall (over pairs of reports: grouped together vs labelled together),
the share of reports in a pure story, the number of stories found and labelled, and the seconds grouping
took (statements and stories, after preparation); and of the labelled pairs put in two stories, how many
are in stories whose pages list each other as related (stories.related: the reader's way between them). Targets (the issue): on the real fixtures precision
≥ 0.95 and recall ≥ 0.9, and no story mixing two fixture events.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import generated_corpus, load_corpus, write_seeds  # noqa: E402

from generator.analysis.crossref import match  # noqa: E402
from generator.analysis.stories import group, related  # noqa: E402
from generator.cache import Cache  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.ingest.read import read_seeds  # noqa: E402
from generator.pipeline import ingest_all  # noqa: E402
from generator.translation.pair import pair_article  # noqa: E402

PLACES = "في مدينة الحسكة وريفها الشمالي قرب القامشلي"


def project(folder: Path) -> Path:
    (folder / "seeds").mkdir(parents=True)
    (folder / "content").mkdir()
    (folder / "content" / "site.yml").write_text("search: false\nworkers: 2\n", encoding="utf-8")
    return folder


def grouped(folder: Path) -> tuple[dict[str, str], dict[str, int], float, set[tuple[int, int]]]:
    """seed file name → source id, source id → story number, the seconds grouping took, and the pairs of
    story numbers a story page lists as related (stories.related)."""
    config = load_config(folder)
    seeds, errors = read_seeds(config.seeds_path, config.roots)
    articles = [p.article for p in ingest_all(seeds, config, Cache(None), errors)[0]]
    sources = [pair_article(a, {}) for a in articles]
    started = time.perf_counter()
    groups, profiles = group(sources, match(sources))
    seconds = time.perf_counter() - started
    story = {member: n for n, g in enumerate(groups) for member in g.members}
    shown = related([(str(n), g.members) for n, g in enumerate(groups)], profiles)
    pairs = {(int(a), int(r.story)) for a, found in shown.items() for r in found}
    return {s.meta.seed_file: s.meta.id for s in sources}, story, seconds, pairs


def score(labels: dict[str, str], folder: Path) -> dict:
    """Pairwise precision and recall of the grouping of folder's seeds against labels (file → story)."""
    by_file, story, seconds, related_pairs = grouped(folder)
    files = [f for f in labels if f in by_file]
    tp = fp = fn = linked = 0
    for a, b in itertools.combinations(files, 2):
        same = labels[a] == labels[b]
        together = story[by_file[a]] == story[by_file[b]]
        tp += same and together
        fp += together and not same
        fn += same and not together
        linked += same and not together and bool({(story[by_file[a]], story[by_file[b]]),
                                                  (story[by_file[b]], story[by_file[a]])} & related_pairs)
    members: dict[int, list[str]] = {}
    for f in files:
        members.setdefault(story[by_file[f]], []).append(labels[f])
    pure = sum(len(m) for m in members.values() if len(set(m)) == 1) / max(1, len(files))
    mixed = [Counter(m) for m in members.values() if len(set(m)) > 1]
    return {"reports": len(files), "stories found": len(members), "stories labelled": len(set(labels.values())),
            "precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn), "pure": pure,
            "mixed": mixed, "seconds": seconds, "split": fn, "split related": linked,
            "related": len({frozenset(pair) for pair in related_pairs})}


def fixtures_pile(folder: Path) -> dict[str, str]:
    labels = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(path, folder / "seeds" / path.name)
        labels[path.name] = "seeds"
    for event in ("event2", "event3", "event4"):
        for path in sorted((ROOT / "tests" / "fixtures" / event / "seeds").glob("*.txt")):
            shutil.copy(path, folder / "seeds" / f"{event}-{path.name}")
            labels[f"{event}-{path.name}"] = event
    return labels


def corpus_pile(folder: Path, corpus: Path) -> dict[str, str]:
    import yaml

    gold = yaml.safe_load((ROOT / "bench" / "gold" / "stories_corpus.yml").read_text(encoding="utf-8"))
    labels = {f: s["id"] for s in gold["stories"] for f in s["files"]}
    labels.update({f: f"single-{f}" for f in gold["singletons"]})
    manifest = {r["file"]: r for r in csv.DictReader((corpus / "MANIFEST.tsv").open(encoding="utf-8"),
                                                       delimiter="\t")}
    for name in gold["slice"]["files"]:
        row = manifest[name]
        raw = row["date"]
        date = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if row["dataset"] == "ant" else raw[:10]
        title, _, body = (corpus / name).read_text(encoding="utf-8").partition("\n")
        (folder / "seeds" / name).write_text(f"{row['outlet']} | أخبار\n{title}\n{date}\n\n{body}", encoding="utf-8")
    return labels


def generated_pile(folder: Path, corpus: Path, size: int) -> dict[str, str]:
    seeds = generated_corpus(load_corpus(corpus), size, 1)
    write_seeds(seeds, folder / "seeds")
    return {s.name: f"story-{s.story}" for s in seeds}


def same_places_pile(folder: Path, corpus: Path, stories: int = 20) -> dict[str, str]:
    """Stories on the same three days, all naming the same places, sharing no sentence: each story is one
    real article told by 3–6 outlets, each taking most of its sentences."""
    rng = random.Random("same-places")
    articles = [a for a in load_corpus(corpus) if len(a.sentences) >= 8]
    labels = {}
    for number, base in enumerate(rng.sample(articles, stories)):
        for copy in range(rng.randint(3, 6)):
            kept = [s for s in base.sentences if rng.random() < 0.8] or base.sentences[:3]
            day = f"2023-10-0{rng.randint(1, 3)}"
            body = "\n\n".join([f"{PLACES}، {kept[0]}", *kept[1:]])
            name = f"{number:02d}-{copy}.txt"
            (folder / "seeds" / name).write_text(f"{base.outlet} | أخبار\n{base.title}\n{day}\n\n{body}\n",
                                                 encoding="utf-8")
            labels[name] = f"story-{number}"
    return labels


def report(name: str, result: dict) -> None:
    print(f"== {name}: {result['reports']} reports, {result['stories labelled']} stories labelled, "
          f"{result['stories found']} found, grouping {result['seconds']:.2f} s")
    print(f"   pairwise precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"reports in a pure story {result['pure']:.3f}")
    if result["split"]:
        print(f"   of the {result['split']} pairs of one story put in two, {result['split related']} are in stories one of which "
              f"lists the other as related ({result['related']} pairs of related stories in all)")
    for mixed in result["mixed"][:5]:
        print("   mixed:", dict(mixed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--generated", type=int, default=1000, help="articles in the generated pile")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target on the fixtures is missed")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-stories-") as tmp:
        folder = project(Path(tmp) / "fixtures")
        results["fixtures"] = score(fixtures_pile(folder), folder)
        if (args.corpus / "MANIFEST.tsv").exists():
            folder = project(Path(tmp) / "corpus")
            results["corpus slice"] = score(corpus_pile(folder, args.corpus), folder)
            folder = project(Path(tmp) / "generated")
            results[f"generated {args.generated}"] = score(generated_pile(folder, args.corpus, args.generated), folder)
            folder = project(Path(tmp) / "same-places")
            results["same places and days"] = score(same_places_pile(folder, args.corpus), folder)
        else:
            print(f"(no corpus at {args.corpus}: only the fixtures are scored)")
    for name, result in results.items():
        report(name, result)
    fixtures = results["fixtures"]
    met = fixtures["precision"] >= 0.95 and fixtures["recall"] >= 0.9 and not fixtures["mixed"]
    print(f"targets on the real fixtures (P ≥ 0.95, R ≥ 0.9, no mixed event): {'met' if met else 'MISSED'}")
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
