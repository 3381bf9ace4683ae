"""Progress of a long stage on stderr: a bar with ETA on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts work done; redraws a bar on a TTY, or prints a line every `every` seconds elsewhere."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None, every: float = 5.0):
        self.total, self.label, self.done_count = total, label, 0
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = every
        self.started = self.last = time.monotonic()

    def eta(self) -> str:
        elapsed = time.monotonic() - self.started
        if not self.done_count:
            return "?"
        seconds = elapsed / self.done_count * (self.total - self.done_count)
        return f"{int(seconds // 60)}:{int(seconds % 60):02d}"

    def line(self) -> str:
        share = self.done_count / self.total if self.total else 1.0
        if self.tty:
            bar = "#" * int(share * 30)
            return f"\r{self.label} [{bar:<30}] {self.done_count}/{self.total} ETA {self.eta()}"
        return f"{self.label}: {self.done_count}/{self.total} sentences ({share:.0%}), ETA {self.eta()}\n"

    def advance(self, n: int = 1) -> None:
        self.done_count += n
        now = time.monotonic()
        if self.tty or now - self.last >= self.every:
            self.last = now
            self.stream.write(self.line())
            self.stream.flush()

    def done(self) -> None:
        if self.total:
            elapsed = time.monotonic() - self.started
            end = "\n" if self.tty else ""
            self.stream.write(f"{self.line().rstrip()}{end}" if self.tty else "")
            self.stream.write(f"{self.label}: {self.done_count}/{self.total} sentences in {elapsed:.1f} s\n")
            self.stream.flush()
