"""Stage 6: pair each Arabic paragraph with its English, under a stable anchor id."""

from __future__ import annotations

from collections.abc import Callable

from ..arabic import arabic_ratio, text_key
from ..models import Article, Flag, Pair, SentencePair, Source, Translation
from .qa import Glossary, check_pair

PENDING = Translation("", "pending")
_NO_GLOSSARY = Glossary()


def pair_id(paragraph_text: str, taken: set[str], key: str = "") -> str:
    """An anchor that stays the same while the paragraph's Arabic does: p-<hash>, -2 … on repeats. `key`: the
    text's text_key when known (noted by the analysis stage)."""
    base = f"p-{(key or text_key(paragraph_text))[:8]}"
    anchor, n = base, 1
    while anchor in taken:
        n += 1
        anchor = f"{base}-{n}"
    taken.add(anchor)
    return anchor


def outlet_needs_translation(article: Article) -> bool:
    """An Arabic-script outlet name with no English form from an editor is machine-translated."""
    return not article.meta.outlet_en and arabic_ratio(article.meta.outlet) > 0.5


def speakers(article: Article) -> tuple[str, ...]:
    """The claimants the analysis read in the article's body that are Arabic words (a speaker the rules do not name:
    "عميد بلدية درنة", "المنظمة الدولية للهجرة"), in reading order, each once: translated like its sentences, so
    that "who says what" and "who says so" can give them in English."""
    seen: dict[str, None] = {}
    for paragraph in article.paragraphs:
        for note in paragraph.notes:
            if note.claimant and note.claimant not in seen and arabic_ratio(note.claimant) > 0.5:
                seen[note.claimant] = None
    return tuple(seen)


def outlet_english(article: Article, english: dict[str, Translation]) -> Translation:
    if article.meta.outlet_en:
        return Translation(article.meta.outlet_en, "edited")
    if not outlet_needs_translation(article):
        return Translation(article.meta.outlet, "original")
    return english.get(article.meta.outlet, PENDING)


def sentence_pair(ar: str, english: dict[str, Translation], glossary: Glossary,
                  suggest: Callable[[str], str], conflicts: dict[str, str] | None = None) -> SentencePair:
    translation = english.get(ar, PENDING)
    flags = check_pair(ar, translation.text, translation.status, glossary)
    if conflicts and (conflict := conflicts.get(text_key(ar))):
        flags += (Flag("conflict", f"two different edits of this sentence, neither used: {conflict}"),)
    return SentencePair(ar=ar, en=translation.text, status=translation.status, flags=flags,
                        suggestion=suggest(ar) if translation.status != "edited" else "")


def pair_article(article: Article, english: dict[str, Translation], glossary: Glossary | None = None,
                 suggest: Callable[[str], str] = lambda ar: "", conflicts: dict[str, str] | None = None) -> Source:
    """The source with its paragraphs paired sentence by sentence with their English, QA-checked."""
    taken: set[str] = set()
    pairs = []
    glossary = _NO_GLOSSARY if glossary is None else glossary
    for number, paragraph in enumerate(article.paragraphs, 1):
        sentences = tuple(sentence_pair(s, english, glossary, suggest, conflicts) for s in paragraph.sentences)
        pairs.append(Pair(id=pair_id(paragraph.text, taken, paragraph.key), number=number, kind=paragraph.kind,
                          sentences=sentences, notes=paragraph.notes))
    return Source(meta=article.meta, headline_en=english.get(article.meta.headline, PENDING),
                  outlet_en=outlet_english(article, english), pairs=tuple(pairs),
                  removed=article.removed, notes=article.notes,
                  warnings=article.warnings, terms=article.terms,
                  places=article.places, speakers_en=tuple((who, english.get(who, PENDING)) for who in speakers(article)))
