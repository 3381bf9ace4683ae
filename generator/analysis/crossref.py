"""Paragraphs that carry the same statement in two or more sources, linked both ways.

Two paragraphs match when most of the content words of the shorter one appear in
the longer one, after Arabic normalisation (hamza/alef/yaa/taa marbuta forms,
diacritics, tatweel, punctuation) and stripping of proclitics. The threshold was
chosen on hand-labelled pairs from the seeds (tests/fixtures/crossref_pairs.yml).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..arabic import normalize
from ..models import Source

THRESHOLD = 0.4  # labelled same-statement pairs score 0.46–0.97, different ones 0–0.28
MIN_WORDS = 6
_STOP = set(normalize(
    "في من على إلى الى عن أن إن ان كان كانت التي الذي الذين هذا هذه ذلك تلك مع ما لا لم لن قد ثم أو او بعد قبل "
    "حيث كما أيضا أيضاً وقال قال وأضاف أضاف وأكد أكد وأوضح أوضح وتابع وبين بين عند حتى منذ خلال هو هي هم").split())


@dataclass(frozen=True)
class Link:
    source_id: str
    pair_id: str
    number: int
    outlet: str
    score: float


def _stem(word: str) -> str:
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def content_words(text: str) -> frozenset[str]:
    """Normalised, proclitic-stripped words that carry meaning (no stop words, no short words)."""
    words = (w for w in normalize(text).split() if w not in _STOP)
    return frozenset(s for s in map(_stem, words) if len(s) >= 3 and s not in _STOP)


def similarity(a: str, b: str) -> float:
    """Share of the shorter paragraph's content words found in the other (0 … 1)."""
    wa, wb = content_words(a), content_words(b)
    if min(len(wa), len(wb)) < MIN_WORDS:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def cross_links(sources: list[Source], threshold: float = THRESHOLD) -> dict[tuple[str, str], list[Link]]:
    """For each (source id, pair id), the pairs in *other* sources that carry the same statement."""
    body = [(s, p, content_words(p.ar)) for s in sources for p in s.pairs if p.kind == "body"]
    links: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for i, (sa, pa, wa) in enumerate(body):
        for sb, pb, wb in body[i + 1:]:
            if sa.meta.id == sb.meta.id or min(len(wa), len(wb)) < MIN_WORDS:
                continue
            score = len(wa & wb) / min(len(wa), len(wb))
            if score >= threshold:
                links[(sa.meta.id, pa.id)].append(Link(sb.meta.id, pb.id, pb.number, sb.meta.outlet, round(score, 2)))
                links[(sb.meta.id, pb.id)].append(Link(sa.meta.id, pa.id, pa.number, sa.meta.outlet, round(score, 2)))
    return dict(links)
