"""A stub translation engine for fast unit and golden tests. Never used by the product."""

from __future__ import annotations

from generator.arabic import text_key


class StubEngine:
    """Returns a marked, deterministic placeholder per sentence and counts what it was asked."""

    model_id = "stub-engine 1"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def pieces(self, sentence: str) -> list[list[str]]:
        return [[sentence]]

    def translate_pieces(self, batch: list[list[str]]) -> list[str]:
        sentences = [piece[0] for piece in batch]
        self.calls.append(sentences)
        return [f"STUB-EN {text_key(s)[:8]} ({len(s.split())} words)." for s in sentences]

    @property
    def sentences_seen(self) -> int:
        return sum(len(c) for c in self.calls)

    def loader(self, missing: int) -> StubEngine:
        return self
