"""Stage 5: translate Arabic sentences to English with the Argos package's CTranslate2 model.

Sentences already in the translation memory are reused. All the others, from
every source, are tokenised with the package's own tokenizer, sorted by length
and cut into size-balanced batches (a budget of tokens, not of sentences), each
sent to the model in one call. The memory is flushed after every batch, so an
interrupted build loses nothing it has translated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..arabic import text_key
from ..errors import ModelUnavailable
from ..models import Translation
from ..progress import Progress
from .memory import Memory

log = logging.getLogger(__name__)


class Engine(Protocol):
    model_id: str

    def pieces(self, sentence: str) -> list[list[str]]:
        """The sentence as one or more token lists (long sentences are cut at clause boundaries)."""

    def translate_pieces(self, batch: list[list[str]]) -> list[str]:
        """English for each token list, in one call to the model."""


def plan_batches(lengths: list[int], max_tokens: int, max_items: int) -> list[list[int]]:
    """Indices sorted by length and cut into batches whose padded size (longest × count) fits the budget."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        longest = max(lengths[index], 1)  # sorted: the newcomer is the longest
        if current and (len(current) >= max_items or longest * (len(current) + 1) > max_tokens):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


@dataclass
class TranslationReport:
    from_memory: int = 0
    translated: int = 0
    pending: int = 0
    edited: int = 0
    model_id: str = ""
    notes: list[str] = field(default_factory=list)


def unique(sentences: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(sentences))


def _engine_translate(sentences: list[str], engine: Engine, memory: Memory, on_batch: Callable[[], None],
                      max_tokens: int, max_items: int) -> dict[str, Translation]:
    owners: list[int] = []
    inputs: list[list[str]] = []
    for index, sentence in enumerate(sentences):
        for piece in engine.pieces(sentence):
            owners.append(index)
            inputs.append(piece)
    remaining = [owners.count(i) for i in range(len(sentences))]
    parts: list[dict[int, str]] = [{} for _ in sentences]
    found: dict[str, Translation] = {}
    progress = Progress(len(sentences), "translating")
    for batch in plan_batches([len(p) for p in inputs], max_tokens, max_items):
        for piece_index, english in zip(batch, engine.translate_pieces([inputs[i] for i in batch]), strict=True):
            owner = owners[piece_index]
            parts[owner][piece_index] = english
            remaining[owner] -= 1
            if remaining[owner] == 0:
                text = " ".join(t for _, t in sorted(parts[owner].items()) if t)
                memory.record(sentences[owner], text, engine.model_id)
                found[sentences[owner]] = Translation(text, "machine")
                progress.advance()
        on_batch()
    progress.done()
    return found


def in_shard(sentence: str, index: int, count: int) -> bool:
    """Whether a sentence belongs to shard index (1-based) of count: by its memory key, so every machine
    splits the same backlog the same way."""
    return int(text_key(sentence), 16) % count == index - 1


def translate_all(
    sentences: list[str],
    memory: Memory,
    model_id: str | None,
    load_engine: Callable[[int], Engine],
    allow_missing: bool,
    on_batch: Callable[[], None] = lambda: None,
    max_tokens: int = 16384,
    max_items: int = 64,
    force: bool = False,
    shard: tuple[int, int] | None = None,
) -> tuple[dict[str, Translation], TranslationReport]:
    """English for every sentence: memory first, then the engine for the rest (or pending). With a shard
    (i, n), only the missing sentences of that deterministic 1/n share are translated."""
    report = TranslationReport(model_id=model_id or "")
    found: dict[str, Translation] = {}
    missing = []
    for sentence in unique(sentences):
        hit = memory.lookup(sentence, model_id)
        if hit is None or (force and hit.status == "machine"):
            if shard is None or in_shard(sentence, *shard):
                missing.append(sentence)
        else:
            found[sentence] = hit
            report.edited += hit.status == "edited"
            report.from_memory += hit.status == "machine"
    if not missing:
        return found, report
    try:
        engine = load_engine(len(missing))
    except ModelUnavailable:
        if not allow_missing:
            raise
        log.warning("no model: %d sentence(s) left pending (--allow-missing-translations)", len(missing))
        report.pending = len(missing)
        found.update({s: Translation("", "pending") for s in missing})
        return found, report
    report.model_id = engine.model_id
    found.update(_engine_translate(missing, engine, memory, on_batch, max_tokens, max_items))
    report.translated = len(missing)
    return found, report
