"""Stage 6: pair each Arabic paragraph with its English, under a stable anchor id."""

from __future__ import annotations

from .arabic import arabic_ratio, text_key
from .models import Article, Pair, SentencePair, Source, Translation

PENDING = Translation("", "pending")


def pair_id(paragraph_text: str, taken: set[str]) -> str:
    """An anchor that stays the same while the paragraph's Arabic does: p-<hash>, -2 … on repeats."""
    base = f"p-{text_key(paragraph_text)[:8]}"
    anchor, n = base, 1
    while anchor in taken:
        n += 1
        anchor = f"{base}-{n}"
    taken.add(anchor)
    return anchor


def outlet_needs_translation(article: Article) -> bool:
    """An Arabic-script outlet name with no English form from an editor is machine-translated."""
    return not article.meta.outlet_en and arabic_ratio(article.meta.outlet) > 0.5


def outlet_english(article: Article, english: dict[str, Translation]) -> Translation:
    if article.meta.outlet_en:
        return Translation(article.meta.outlet_en, "edited")
    if not outlet_needs_translation(article):
        return Translation(article.meta.outlet, "original")
    return english.get(article.meta.outlet, PENDING)


def pair_article(article: Article, english: dict[str, Translation]) -> Source:
    """The source with its paragraphs paired sentence by sentence with their English."""
    taken: set[str] = set()
    pairs = []
    for number, paragraph in enumerate(article.paragraphs, 1):
        sentences = tuple(
            SentencePair(ar=s, en=english.get(s, PENDING).text, status=english.get(s, PENDING).status)
            for s in paragraph.sentences)
        pairs.append(Pair(id=pair_id(paragraph.text, taken), number=number, kind=paragraph.kind, sentences=sentences))
    return Source(meta=article.meta, headline_en=english.get(article.meta.headline, PENDING),
                  outlet_en=outlet_english(article, english), pairs=tuple(pairs),
                  removed=article.removed, notes=article.notes)
