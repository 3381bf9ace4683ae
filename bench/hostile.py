"""Bounded work on hostile input (a report; no timed assertions in the tests).

    python bench/hostile.py

Builds a project holding one 51 KB seed that repeats "وقال المرصد إن N قتلى سقطوا" 1,000 times in one
sentence (the case that took 24 s and wrote 200 MB of site before figures referred to their sentence
instead of copying it), then the same with 2,000 and 4,000 repetitions, and prints the seconds of each
build (the whole command, as a user runs it), the site's bytes and the bytes per repetition: the work and
the output must grow linearly. Goal: the 1,000-repetition seed builds in under 2 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(repetitions: int, folder: Path) -> tuple[float, int]:
    project = folder / f"r{repetitions}"
    (project / "seeds").mkdir(parents=True)
    (project / "content").mkdir()
    (project / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    sentence = " ".join(f"وقال المرصد إن {n} قتلى سقطوا" for n in range(repetitions))
    (project / "seeds" / "claims.txt").write_text(sentence + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "--project", str(project), "build",
                             "--allow-missing-translations"], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        print(result.stderr[-2000:])
    return seconds, sum(p.stat().st_size for p in (project / "site").rglob("*") if p.is_file())


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        rows = [(n, *build(n, Path(tmp))) for n in (1000, 2000, 4000)]
    print(f"{'repetitions':>12} {'seconds':>8} {'site bytes':>12} {'bytes/repetition':>17}")
    for n, seconds, size in rows:
        print(f"{n:>12} {seconds:>8.2f} {size:>12,} {size / n:>17,.0f}")
    goal = rows[0][1] < 2.0
    print(f"1,000 repetitions in under 2 s: {'met' if goal else 'MISSED'} ({rows[0][1]:.2f} s); growth "
          f"4,000 vs 1,000: time ×{rows[2][1] / rows[0][1]:.1f}, bytes ×{rows[2][2] / rows[0][2]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
