"""Places a story is about, and counts of what happened somewhere else.

A report often gives, as background, the toll of another event: «بالتزامن مع الهجوم على الحسكة، شن مقاتلو التنظيم
عبر الحدود في العراق … وقتل 11 من عناصر قوات الأمن العراقية في هجوم … في محافظة ديالى». Counted with the story's
own tolls, that 11 became the low end of the prison attack's death toll on the project's own briefing (a site
review). The places read here are the large ones, a country or a province (a governorate, a state, a region):
villages and quarters are left out, since one report alone often names the village an event touched.

A story's places are those two or more of its reports name. A count of what befell people whose own sentence names
a large place, none of the story's places, is "elsewhere": in the data with that scope, kept out of the story's
headline ranges, disputes and chart. A story of one report has no places of its own to compare with: nothing is
read as elsewhere there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..arabic import clitic_forms, normalize
from ..models import Figure, Source

# Countries as news names them (normalised; with or without the article, after a proclitic): the large places a
# sentence can name without a province word before them.
COUNTRIES = frozenset(normalize(w) for w in (
    "سوريا", "سورية", "العراق", "لبنان", "الأردن", "فلسطين", "إسرائيل", "اليمن", "السعودية", "الكويت", "قطر", "البحرين",
    "الإمارات", "عمان", "مصر", "ليبيا", "تونس", "الجزائر", "المغرب", "موريتانيا", "السودان", "الصومال", "جيبوتي",
    "تركيا", "إيران", "أفغانستان", "باكستان", "الهند", "بنغلاديش", "الصين", "روسيا", "أوكرانيا", "فرنسا", "بريطانيا",
    "ألمانيا", "إيطاليا", "إسبانيا", "اليونان", "أمريكا", "أميركا", "كندا", "المكسيك", "البرازيل", "نيجيريا", "النيجر",
    "مالي", "تشاد", "إثيوبيا", "كينيا", "الكونغو", "ميانمار", "إندونيسيا", "الفلبين", "اليابان", "كوريا"))
# Words before a province's name, without the article: "محافظة ديالى", "إقليم كردستان" (not "المحافظة على الأمن",
# maintaining it). "ولاية" is also a term of office ("ولاية ترامب", "ولاية الرئيس الثانية") and "مقاطعة" a boycott:
# neither places anything.
PROVINCE_WORDS = frozenset(normalize(w) for w in ("محافظة", "إقليم"))
_WITH_ARTICLE = frozenset("ال" + w for w in PROVINCE_WORDS)
_NOT_NAMES = frozenset(normalize(w) for w in ("على", "عن", "من", "إلى", "في", "مع", "و"))


def _bare(form: str) -> str:
    return form[2:] if form.startswith("ال") and len(form) > 4 else form


# A country is a place where something happened after these ("في العراق", "شمال سوريا"), or with ب ("بسوريا"); as
# the subject or object of a verb it is an actor ("واتهمت فرنسا روسيا بإعاقة …"), which places nothing.
IN_WORDS = frozenset(normalize(w) for w in ("في", "داخل", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي",
                                            "شرقي", "غربي"))


def places(text: str) -> frozenset[str]:
    """The countries and provinces a text names as where something is, normalised, without the article."""
    words = normalize(text).split()
    found = set()
    for i, word in enumerate(words):
        forms = clitic_forms(word)
        countries = forms & COUNTRIES
        if countries and (word[:1] == "ب" or (i > 0 and not IN_WORDS.isdisjoint(clitic_forms(words[i - 1])))):
            found.update(_bare(f) for f in countries)
        elif not PROVINCE_WORDS.isdisjoint(forms) and _WITH_ARTICLE.isdisjoint(forms) \
                and i + 1 < len(words) and words[i + 1] not in _NOT_NAMES:
            found.add(_bare(words[i + 1]))  # (the province word as written or after a proclitic, never "المحافظة")
    return frozenset(found)


def _sentence(source: Source, figure: Figure) -> str:
    pair = next((p for p in source.pairs if p.id == figure.pair_id), None)
    return pair.sentences[figure.sentence - 1].ar if pair is not None and 0 < figure.sentence <= len(pair.sentences) else ""


def story_places(members: Iterable[Source]) -> frozenset[str]:
    """The large places two or more of a story's reports name (headline and body)."""
    named: Counter = Counter()
    for source in members:
        named.update(places(" ".join((source.meta.headline, *(p.ar for p in source.pairs)))))
    return frozenset(place for place, n in named.items() if n >= 2)


def elsewhere(members: list[Source], figures: Iterable[Figure]) -> set[str]:
    """The ids of the story's counts of what befell people (a category, no scope yet) whose own sentence names a
    large place and none of the story's."""
    if len(members) < 2:
        return set()
    home = story_places(members)
    if not home:
        return set()
    by_id = {s.meta.id: s for s in members}
    out = set()
    for figure in figures:
        if not figure.is_people or figure.category in ("", "other people") or figure.scope:
            continue
        named = places(_sentence(by_id[figure.source_id], figure))
        if named and named.isdisjoint(home):
            out.add(figure.id)
    return out
