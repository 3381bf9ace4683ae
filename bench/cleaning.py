"""Precision and recall of the cleaner's line classification on the labelled corpus of other outlets.

Usage: python bench/cleaning.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.cleaning_corpus import articles, score  # noqa: E402


def main() -> int:
    result = score()
    lines = sum(1 for a in articles() for _, t in a["lines"] if t.strip())
    print(f"corpus: {len(articles())} articles, {lines} non-blank lines")
    print(f"body kept (precision): {result.precision:.3f}   body found (recall): {result.recall:.3f}")
    print(f"kept lines with the right kind (body/caption/heading): {result.kind_right}/{result.kind_right + result.kind_wrong}")
    for mistake in result.mistakes:
        print("  " + mistake)
    return 0


if __name__ == "__main__":
    sys.exit(main())
