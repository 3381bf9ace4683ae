"""Stage 5: translate Arabic sentences to English with the Argos package's CTranslate2 model.

Sentences already in the translation memory are reused; the rest go to the
engine in length-sorted batches, and the memory is flushed after every batch so
an interrupted build loses nothing it has translated.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from .config import Config
from .errors import MODEL_HELP, ModelUnavailable
from .memory import Memory
from .model import PackageRef
from .models import Translation

log = logging.getLogger(__name__)
_CLAUSE = re.compile(r"(?<=[،,؛;:])\s+")


class Engine(Protocol):
    model_id: str

    def translate(self, sentences: list[str]) -> list[str]: ...


class ArgosEngine:
    """The Argos package's tokenizer and CTranslate2 model, loaded once, driven in batches."""

    def __init__(self, ref: PackageRef, config: Config):
        import ctranslate2
        from argostranslate.package import Package

        self.model_id = ref.model_id
        self.package = Package(ref.path)
        if getattr(self.package, "tokenizer", None) is None:
            raise ModelUnavailable(f"{ref.path}: the package has no sentencepiece.model or bpe.model")
        self.config = config
        self.translator = ctranslate2.Translator(
            str(ref.path / "model"), device=config.device, compute_type=config.compute_type,
            inter_threads=1, intra_threads=config.threads or (os.cpu_count() or 1))

    def _pieces(self, sentence: str) -> list[list[str]]:
        """Token lists for a sentence, cut at clause boundaries when it is longer than the limit."""
        tokens = self.package.tokenizer.encode(sentence)
        limit = self.config.max_input_tokens
        if len(tokens) <= limit:
            return [tokens]
        pieces: list[list[str]] = []
        for clause in _CLAUSE.split(sentence):
            clause_tokens = self.package.tokenizer.encode(clause)
            if pieces and len(pieces[-1]) + len(clause_tokens) <= limit:
                pieces[-1] = pieces[-1] + clause_tokens
            else:
                pieces.extend(clause_tokens[i:i + limit] for i in range(0, len(clause_tokens), limit))
        return pieces

    def translate(self, sentences: list[str]) -> list[str]:
        owners, inputs = [], []
        for index, sentence in enumerate(sentences):
            for pieces in self._pieces(sentence):
                owners.append(index)
                inputs.append(pieces)
        order = sorted(range(len(inputs)), key=lambda i: len(inputs[i]))
        outputs: list[str] = [""] * len(inputs)
        size = self.config.batch_size
        prefix = self.package.target_prefix or None
        for start in range(0, len(order), size):
            chunk = order[start:start + size]
            batch = [inputs[i] for i in chunk]
            longest = max(len(b) for b in batch)
            results = self.translator.translate_batch(
                batch, target_prefix=[[prefix]] * len(batch) if prefix else None,
                beam_size=self.config.beam_size, length_penalty=0.2, replace_unknowns=True,
                max_decoding_length=min(self.config.max_decoding_length, 2 * longest + 16),
                max_input_length=0)
            for i, result in zip(chunk, results, strict=True):
                text = self.package.tokenizer.decode(result.hypotheses[0])
                if prefix and text.startswith(prefix):
                    text = text[len(prefix):]
                outputs[i] = text.strip()
        joined: list[list[str]] = [[] for _ in sentences]
        for owner, text in zip(owners, outputs, strict=True):
            if text:
                joined[owner].append(text)
        return [" ".join(parts) for parts in joined]


@dataclass
class TranslationReport:
    from_memory: int = 0
    translated: int = 0
    pending: int = 0
    edited: int = 0
    seconds: float = 0.0
    model_id: str = ""
    notes: list[str] = field(default_factory=list)


def unique(sentences: Iterable[str]) -> list[str]:
    seen, out = set(), []
    for sentence in sentences:
        if sentence not in seen:
            seen.add(sentence)
            out.append(sentence)
    return out


def translate_all(
    sentences: list[str],
    memory: Memory,
    model_id: str | None,
    load_engine: Callable[[int], Engine],
    allow_missing: bool,
    on_batch: Callable[[], None] = lambda: None,
    batch_size: int = 32,
) -> tuple[dict[str, Translation], TranslationReport]:
    """English for every sentence: memory first, then the engine for the rest (or pending)."""
    report = TranslationReport(model_id=model_id or "")
    found: dict[str, Translation] = {}
    missing = []
    for sentence in unique(sentences):
        hit = memory.lookup(sentence, model_id)
        if hit is None:
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
    started = time.perf_counter()
    missing.sort(key=len)
    for start in range(0, len(missing), batch_size):
        batch = missing[start:start + batch_size]
        for sentence, english in zip(batch, engine.translate(batch), strict=True):
            memory.record(sentence, english, engine.model_id)
            found[sentence] = Translation(english, "machine")
        report.translated += len(batch)
        on_batch()
        elapsed = time.perf_counter() - started
        log.info("translated %d/%d sentences (%.1f s)", report.translated, len(missing), elapsed)
    report.seconds = time.perf_counter() - started
    return found, report


__all__ = ["ArgosEngine", "Engine", "MODEL_HELP", "TranslationReport", "translate_all"]
