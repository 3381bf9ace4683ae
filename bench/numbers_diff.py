"""What a change to the number rules changes on real text: every corpus sentence with a number, typed before and after.

    python bench/numbers_diff.py snapshot /tmp/before.pickle            # with the rules as they are now
    (change the rules)
    python bench/numbers_diff.py snapshot /tmp/after.pickle
    python bench/numbers_diff.py diff /tmp/before.pickle /tmp/after.pickle

`snapshot` runs the generator's `numbers_in` over every sentence of `../shared/corpus` (`--corpus DIR`; read, never
copied) that yields a number, and keeps each number's text and every field but its span (type, value, range,
vague word, qualifier, category, noun, unit, group). Paragraphs and
sentences are split as the figures gold splits them (bench/gold/FIGURES.md: a sentence ends at . ! ? or ؟ followed
by white space, or at the paragraph's end).

`diff` prints, for the tuning half (files c00001–c01500), every sentence whose numbers changed, old and new; for
the held-out half (c01501–c03000) it only counts them: the held-out text is not read while the rules are tuned.
Every rule change of the fourth session of 2026-11-27 was checked this way (bench/gold/FIGURES.md).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus"
HELD_OUT_FROM = 1501  # c01501.txt …: the held-out half of the figures gold


def sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) as the figures gold splits them (paragraph 0 is the title line): the scorer's
    own splitting (tests/figures_scoring.py)."""
    from tests.figures_scoring import _SENTENCE_END, paragraphs_of

    return [(n, s.strip()) for n, p in enumerate(paragraphs_of(text)) for s in _SENTENCE_END.split(p) if s.strip()]


def snapshot(corpus: Path) -> dict[tuple[str, int, str], list[tuple]]:
    from generator.analysis.numbers import numbers_in

    found = {}
    for path in sorted(corpus.glob("c*.txt")):
        for paragraph, sentence in sentences(path.read_text(encoding="utf-8")):
            if numbers := numbers_in(sentence):  # (every field: a group, a unit, a range's bounds change too)
                found[(path.name, paragraph, sentence)] = [(sentence[n.start:n.end], *astuple(n)[2:]) for n in numbers]
    return found


def held_out(name: str) -> bool:
    return int(name[1:6]) >= HELD_OUT_FROM


def diff(before: dict, after: dict) -> tuple[list[str], int, int]:
    """Lines describing the tuning half's changed sentences; counts of changed tuning and held-out sentences."""
    lines, tuning, held = [], 0, 0
    for key in sorted(set(before) | set(after)):
        if before.get(key) == after.get(key):
            continue
        if held_out(key[0]):
            held += 1
            continue
        tuning += 1
        lines += [f"{key[0]} ¶{key[1]} {key[2]}", f"   before {before.get(key)}", f"   after  {after.get(key)}"]
    return lines, tuning, held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("snapshot", help="type every corpus sentence's numbers into FILE")
    take.add_argument("file", type=Path)
    take.add_argument("--corpus", type=Path, default=CORPUS)
    compare = commands.add_parser("diff", help="what changed between two snapshots")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        if not args.corpus.is_dir():
            print(f"corpus not found at {args.corpus}", file=sys.stderr)
            return 2
        found = snapshot(args.corpus)
        args.file.write_bytes(pickle.dumps(found))
        print(f"{len(found)} sentences with numbers → {args.file}")
        return 0
    lines, tuning, held = diff(pickle.loads(args.before.read_bytes()), pickle.loads(args.after.read_bytes()))
    print("\n".join(lines))
    print(f"tuning-half sentences changed: {tuning}; held-out sentences changed (not shown): {held}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
