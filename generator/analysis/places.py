"""Places a story is about, and counts of what happened somewhere else.

A report often gives, as background, the toll of another event: «بالتزامن مع الهجوم على الحسكة، شن مقاتلو التنظيم
عبر الحدود في العراق … وقتل 11 من عناصر قوات الأمن العراقية في هجوم … في محافظة ديالى». Counted with the story's
own tolls, that 11 became the low end of the prison attack's death toll on the project's own briefing (a site
review). The places read here are the large ones, a country or a province (a governorate, a state, a region):
villages and quarters are left out, since one report alone often names the village an event touched.

A story's countries, and its provinces, are those two or more of its reports name. A count of what befell people
is "elsewhere" when its own sentence names a country none of the story's, or, in a story whose reports share a
province, a province not theirs (a province of the story's own country is no elsewhere in a story of the country at
large), and names none of the story's places: in the data with that scope, kept out of the story's headline ranges,
disputes and chart. A story of one report has nothing to compare with: nothing is read as elsewhere there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..arabic import clitic_forms, normalize
from ..models import Figure, Source

# Countries as news names them (normalised; with or without the article, after a proclitic): the large places a
# sentence can name without a province word before them. ("عمان" is also Amman; "كوريا" both Koreas: left out.)
COUNTRIES = frozenset(normalize(w) for w in (
    "سوريا", "سورية", "العراق", "لبنان", "الأردن", "فلسطين", "إسرائيل", "اليمن", "السعودية", "الكويت", "قطر", "البحرين",
    "الإمارات", "مصر", "ليبيا", "تونس", "الجزائر", "المغرب", "موريتانيا", "السودان", "الصومال", "جيبوتي",
    "تركيا", "إيران", "أفغانستان", "باكستان", "الهند", "بنغلاديش", "الصين", "روسيا", "أوكرانيا", "فرنسا", "بريطانيا",
    "ألمانيا", "إيطاليا", "إسبانيا", "اليونان", "أمريكا", "أميركا", "كندا", "المكسيك", "البرازيل", "نيجيريا", "النيجر",
    "مالي", "تشاد", "إثيوبيا", "كينيا", "الكونغو", "ميانمار", "إندونيسيا", "الفلبين", "اليابان"))
_SAME = {normalize("سورية"): normalize("سوريا"), normalize("أميركا"): normalize("أمريكا")}  # one country, two spellings
# Words before a province's name, without the article: "محافظة ديالى", "إقليم كردستان" (not "المحافظة على الأمن",
# maintaining it). "ولاية" is also a term of office ("ولاية ترامب", "ولاية الرئيس الثانية") and "مقاطعة" a boycott:
# neither places anything.
PROVINCE_WORDS = frozenset(normalize(w) for w in ("محافظة", "إقليم"))
_WITH_ARTICLE = frozenset("ال" + w for w in PROVINCE_WORDS)
_NOT_NAMES = frozenset(normalize(w) for w in ("على", "عن", "من", "إلى", "في", "مع", "و"))
# A country is a place where something happened after these ("في العراق", "شمال سوريا"), or with ب ("بسوريا"); as
# the subject or object of a verb it is an actor ("واتهمت فرنسا روسيا بإعاقة …"), which places nothing.
IN_WORDS = frozenset(normalize(w) for w in ("في", "داخل", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي",
                                            "شرقي", "غربي"))


def _trie(words: Iterable[str]) -> str:
    """An expression matching any of the words, as a tree of their letters: Python's re tries the branches of a
    flat alternation one by one at every position of the text, three times slower over a pile's reports."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alternatives = [re.escape(letter) + branch(sub) for letter, sub in sorted(node.items()) if letter]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 and "" not in node else "(?:" + "|".join(alternatives) + ")"
        return body + ("?" if "" in node else "")

    return branch(tree)


_HINT = re.compile(_trie({w[2:] if w.startswith("ال") else w for w in COUNTRIES | PROVINCE_WORDS}))  # (a word holding
#                                                                     a country's or a province word's letters)


def _bare(form: str) -> str:
    form = form[2:] if form.startswith("ال") and len(form) > 4 else form
    return _SAME.get(form, form)


def _country(word: str, placed_before: bool, after_in: bool) -> frozenset[str]:
    """The country a word names as a place: after "في" and the like, with a proclitic ب ("بسوريا", "وبسوريا"; not
    "بريطانيا", whose ب is its own), or joined by و to a country just placed ("في سوريا وتركيا")."""
    countries = clitic_forms(word) & COUNTRIES
    if not countries:
        return frozenset()
    bare = word[1:] if word[:1] == "و" else word
    if after_in or (bare[:1] == "ب" and bare not in COUNTRIES and bare[1:] in COUNTRIES) \
            or (placed_before and word[:1] == "و"):
        return frozenset(_bare(f) for f in countries)
    return frozenset()


def named_places(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The countries and the provinces a text names as where something is, normalised, without the article. Only
    the words holding a country's or a province word's letters are read (found by one expression over the text:
    a story's reports are read whole, a thousand of them in a large pile)."""
    return _named_places(normalize(text))


def _named_places(normal: str) -> tuple[frozenset[str], frozenset[str]]:
    """named_places() of a text as normalised."""
    countries, provinces = set(), set()
    placed_at, seen = -1, -1  # (where the last word placed as a country starts; the last word read)
    for match in _HINT.finditer(normal):
        start = normal.rfind(" ", 0, match.start()) + 1
        if start <= seen:
            continue  # (a word holding two hints is read once)
        seen = start
        end = normal.find(" ", match.end())
        end = len(normal) if end < 0 else end
        word = normal[start:end]
        before_start = normal.rfind(" ", 0, max(start - 1, 0)) + 1 if start else -1
        before = normal[before_start:start - 1] if start else ""
        after_in = bool(before) and not IN_WORDS.isdisjoint(clitic_forms(before))
        found = _country(word, placed_at == before_start and start > 0, after_in)
        if found:
            placed_at = start
            countries |= found
            continue
        forms = clitic_forms(word)
        if not PROVINCE_WORDS.isdisjoint(forms) and _WITH_ARTICLE.isdisjoint(forms) and end < len(normal):
            following = normal[end + 1:].split(" ", 1)[0]
            if following and following not in _NOT_NAMES:
                provinces.add(_bare(following))  # (the province word as written or after a proclitic, never "المحافظة")
    return frozenset(countries), frozenset(provinces)


def _sentence(source: Source, figure: Figure) -> str:
    pair = next((p for p in source.pairs if p.id == figure.pair_id), None)
    return pair.sentences[figure.sentence - 1].ar if pair is not None and 0 < figure.sentence <= len(pair.sentences) else ""


def report_places(headline: str, paragraphs: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The countries and the provinces a report names, headline and paragraphs (noted when it is annotated)."""
    countries, provinces = _named_places(" ".join(filter(None, map(normalize, (headline, *paragraphs)))))
    #   (normalize(" ".join(texts)) is the texts' normal forms joined, the empty ones left out: normalize reads words
    #   between spaces; each paragraph's is in normalize's cache already, made when it was annotated or cleaned)
    return tuple(sorted(countries)), tuple(sorted(provinces))


def story_places(members: Iterable[Source]) -> tuple[frozenset[str], frozenset[str]]:
    """The countries and the provinces two or more of a story's reports name (headline and body)."""
    countries: Counter = Counter()
    provinces: Counter = Counter()
    for source in members:
        found = source.places if source.places is not None else report_places(source.meta.headline,
                                                                               (p.ar for p in source.pairs))
        countries.update(found[0])
        provinces.update(found[1])
    return (frozenset(c for c, n in countries.items() if n >= 2), frozenset(p for p, n in provinces.items() if n >= 2))


def elsewhere(members: list[Source], figures: Iterable[Figure]) -> set[str]:
    """The ids of the story's counts of what befell people (a category, no scope yet) told of somewhere else: their
    own sentence names a country none of the story's, or, in a story whose reports share a province, a province not
    theirs; and names none of the story's places. A province of the story's own country is no elsewhere unless the
    story is one province's ("قتل 10 في محافظة إدلب" in a story of Syria at large stays its own)."""
    if len(members) < 2:
        return set()
    home_countries, home_provinces = story_places(members)
    if not home_countries and not home_provinces:
        return set()
    by_id = {s.meta.id: s for s in members}
    out = set()
    for figure in figures:
        if not figure.is_people or figure.category in ("", "other people") or figure.scope:
            continue
        countries, provinces = named_places(_sentence(by_id[figure.source_id], figure))
        if (countries & home_countries) or (provinces & home_provinces):
            continue
        if (home_countries and countries - home_countries) or (home_provinces and provinces - home_provinces):
            out.add(figure.id)
    return out
