"""Typed numbers and key figures against the gold: the corpus halves (bench/gold/FIGURES.md) and the
hand-written gold of the seeds and of event2.

Usage: python bench/figures.py [--half tune|tune2|…|tune11|heldout|…|heldout5|both] [--corpus DIR] [-v] [--check]

Prints, per gold set: people-count precision and recall, category accuracy on matched people counts,
type accuracy over all gold numbers, a type confusion table, the year/age/money/identifier numbers typed
as people (must be 0) and claimant agreement (informative). "both" (the default) scores the six tuning
batches (tune … tune6) and the two held-out sets (heldout, heldout2). -v lists every miss and false positive of
the tuning batches and of the fixtures (never of a held-out set). Exit 0 (a report); with --check, 1 when a
target (0.95) is missed on any set (the tests hold tune4, tune5 and tune6 to lower floors: tests/test_numbers.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.analysis.numbers import TYPES  # noqa: E402
from tests.figures_scoring import CORPUS, GOLD_DIR, HELD_OUT, TUNING, Scores, fixture_sets, score_half  # noqa: E402


def report(name: str, scores: Scores, verbose: bool) -> None:
    """Print one gold set's scores."""
    print(f"== {name}")
    if scores.sha_mismatches:
        print(f"   sha1 mismatches ({len(scores.sha_mismatches)}): " + ", ".join(scores.sha_mismatches))
    print(f"   people counts: gold {scores.people_gold}, found {scores.people_found}, matched {scores.people_matched}"
          f"   precision {scores.precision:.3f}  recall {scores.recall:.3f}  category {scores.category:.3f}")
    group = f"{scores.group_right}/{scores.group_total}" if scores.group_total else "n/a"
    claimant = f"{scores.claimant_right}/{scores.claimant_total}" if scores.claimant_total else "n/a"
    print(f"   all numbers: gold {scores.numbers_gold}, found {scores.numbers_found}, type accuracy "
          f"{scores.type_accuracy:.3f}, value right {scores.value_right}; group {group}; claimant {claimant} "
          "(informative)")
    wrong = scores.people_matched - scores.category_right
    print(f"   category errors: {wrong}: {scores.category_unnamed} left 'other people' where the gold names one, "
          f"{wrong - scores.category_unnamed} a wrong category")
    print(f"   year/age/money/identifier typed as people: {scores.forbidden}")
    confusion(scores)
    missed = scores.missed_targets()
    print("   targets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
    if verbose:
        for note in scores.notes:
            print("   - " + note)


def confusion(scores: Scores) -> None:
    """Gold type (rows) by predicted type (columns); "-" is no number on that side."""
    labels = [t for t in (*TYPES, "-") if any(t in key for key in scores.confusion)]
    width = max(len(t) for t in labels) + 1
    print("   " + "gold\\found".ljust(width) + "".join(t[:6].rjust(7) for t in labels))
    for row in labels:
        cells = [scores.confusion.get((row, col), 0) for col in labels]
        if any(cells):
            print("   " + row.ljust(width) + "".join((str(c) if c else ".").rjust(7) for c in cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=(*TUNING, *HELD_OUT, "both"), default="both")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives (tuning batches only)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    halves = (*TUNING, *HELD_OUT) if args.half == "both" else (args.half,)
    missed = False
    for half in halves:
        path = GOLD_DIR / f"figures_{half}.yml"
        if not args.corpus.is_dir():
            print(f"== {half}: corpus not found at {args.corpus}")
            missed = True
            continue
        scores = score_half(path, args.corpus, half)
        report(f"{half} ({path.name})", scores, args.verbose and half in TUNING)
        missed |= bool(scores.missed_targets())
    for name, scores in fixture_sets():
        report(f"{name} gold", scores, args.verbose)
        missed |= bool(scores.missed_targets())
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
