"""What a number counts: the noun it governs (the tamyiz after it, "من" + a definite noun, a noun before it
in apposition), whether that is people, and for people what happened to them and who they were.

The category comes from the counted noun and its own clause: an event noun ("25 جريحا") wins over every
verb; then a verb or masdar governing the number ("مقتل 16", "القبض على 104"; "أصيب … بارتفاع ضغط الدم" is
an illness, not a wound); then a verb after it whose subject it is ("17 من جنودها قتلوا"); then a count it
is part of ("بينهم سبعة"), a toll named before ("عدد القتلى … إلى 41"), a noun that names a state (prisoners,
refugees, attackers), "و30 آخرين" after a count, and a count it is coordinated with ("252 … مقابل 281").
Else "other people": never a guess from another clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from .number_scan import CLITIC_TOKENS, Seen, Sentence
from .number_spans import Raw
from .number_tokens import article

_GROUP_WINDOW = 5


@dataclass(frozen=True)
class Counted:
    """The noun a number counts: its kind (human, member, others, pronoun, thing, unknown), its token,
    the category the noun itself names, and whether it carries a possessive pronoun ("جنودها")."""

    kind: str
    token: int
    category: str = ""
    possessive: bool = False


def noun_kind(s: Sentence, k: int, direct: bool = False) -> Counted | None:
    """What the word at k is, as the noun of a count; None when it is not a noun (a particle, a verb …).
    `direct`: right after the number, where a noun cannot carry a possessive pronoun or a preposition."""
    tok, lex = s.tok(k), s.lex
    if tok is None or tok.kind != "word" or s.owner[k] >= 0 or s.boundary(k) or tok.norm in CLITIC_TOKENS:
        return None
    if any(f in lex.function_words or f in lex.quantity_verbs for f in tok.forms):
        return None
    forms, cut = s.noun_forms(k)
    if s.has(k, lex.others_words):
        return Counted("others", k)
    if s.has(k, lex.people_after):
        return Counted("pronoun", k)
    own = s.bare_forms(k) if direct else s.forms  # right after a number: no preposition, no pronoun
    if lex.things.at(own, k) or (not direct and s.lookup(lex.things, k)):
        return Counted("thing", k)
    hit = lex.human_nouns.at(own, k) or (None if direct else s.lookup(lex.human_nouns, k))
    if hit:
        return Counted("human", k, hit[1], lex.human_nouns.at(s.forms, k) is None)
    if any(f in lex.member_nouns for f in (own[k] if direct else forms)):
        states = s.states[k] is not None and k - s.states[k][0] <= 8  # "مجلس الأمن … موافقة تسعة أعضاء"
        return Counted("thing" if states else "member", k, "", cut and not s.has(k, lex.member_nouns))
    if (not direct and lex.groups.at(own, k)) or nisba(s, k):
        return Counted("human", k)  # "15 من ميليشيا الحوثي" (but "3 ميليشيات": three militias)
    if lex.cues_before.at(s.forms, k) or lex.cues_after.at(s.forms, k) or lex.flight_cues.at(s.forms, k):
        return None
    if direct and tok.norm[:1] in "لبك" and len(tok.norm) >= 5:
        return None  # "مخيم بسمة 5 لتخفيف …": a preposition, not the counted noun
    return Counted("unknown", k)


def nisba(s: Sentence, k: int) -> bool:
    """A masculine adjective of origin used as a noun: "60 فلسطينيا", "24 أميركيا", "52 تكفيريا"."""
    norm = s.tokens[k].norm
    word = norm[2:] if norm.startswith("ال") else norm
    if word in s.lex.nisba_not_people or word.endswith("ايا") or len(word) < 4 or word[0] == "و":
        return False
    return word.endswith(("يا", "يين", "يون"))


def counted(s: Sentence, raw: Raw) -> Counted | None:
    """The noun the number counts: a known noun before a number word agreeing with it ("المعتقلين
    الثلاثة", "مهاجمين اثنين"); people when "عددهم" (their number) comes before; else the noun after (past
    "على الأقل" and a partitive "من"; after a definite vague quantity only "من": "الآلاف منازلهم" does not
    count homes); else any noun before a number word agreeing with it ("قطيع واحد")."""
    before = _noun_before(s, raw)
    if before is not None and before.kind != "unknown":
        return before
    after = _noun_after(s, raw)
    b = s.prev(raw.i)
    if any(s.has(k, s.lex.people_before) for k in range(max(b - 3, 0), b + 1)):
        return after if after is not None and after.kind == "human" else Counted("pronoun", b)
    if after is not None:
        return after
    return Counted("thing", before.token) if before is not None else None


def _noun_after(s: Sentence, raw: Raw) -> Counted | None:
    k = s.next(raw.j)
    hit = s.lex.qualifiers[1].at(s.forms, k)
    if hit:
        k += hit[0]
    if s.text_at(k) in ("\"", "“", "”", "«"):
        k += 1
    if s.tok(k) is not None and s.tokens[k].norm == "من" and s.is_word(k + 1):
        found = noun_kind(s, k + 1)
        if found and found.kind == "unknown" and (s.lookup(s.lex.groups, k + 2) or _human_at(s, k + 2)):
            return Counted("human", k + 1)  # "من تنظيم داعش", "من كبار نجوم …"
        if found and found.kind == "unknown" and s.joined(raw.i) and raw.i and s.owner[s.prev(raw.i) - 1] >= 0:
            return Counted("others", k + 1)  # "ثلاثة ليبيين واثنين من الجزائر": of the count before
        return found
    if (raw.kind == "vague" or raw.kind == "words") and definite(s, raw.i):
        found = noun_kind(s, k, direct=True) if raw.kind == "words" and definite(s, k) else None
        return found  # "الآلاف منازلهم", "الاثنان دليل": an indefinite word is not their noun
    if raw.kind in ("digits", "words") and s.is_word(k) and with_article(s.tokens[k].norm):
        return None  # "في 2017 الشريك التجاري": a cardinal's counted noun has no article
    return noun_kind(s, k, direct=True)


def with_article(norm: str) -> bool:
    """A normalised word written with the article, after a proclitic, and a stem of three letters or more
    ("المواطنين", "بالتعيين"; not "بالغا", "والده")."""
    for head in ("ال", "وال", "بال", "فال", "كال", "لل", "ولل"):
        if norm.startswith(head) and len(norm) - len(head) >= 3:
            return True
    return False


def _human_at(s: Sentence, k: int) -> bool:
    found = noun_kind(s, k)
    return found is not None and found.kind == "human"


def definite(s: Sentence, k: int) -> bool:
    """The word at k carries the article (after و ف ب ل ك): "الآلاف", "والثلاثة", "للمعتقلين" (not "آلاف")."""
    if not 0 <= k < len(s.tokens):
        return False
    if s.possessive(k) and s.owner[k] < 0:
        return True  # a noun with a possessive pronoun: "ألقاب بلاده السبعة"
    return article(s.tokens[k].text)


def _noun_before(s: Sentence, raw: Raw) -> Counted | None:
    """A number word right after a noun it agrees with in definiteness, as its adjective: "المعتقلين الثلاثة",
    "الأبيات الأحد عشر", "قطيع واحد", "مهاجمين اثنين"; an indefinite one only for one and two."""
    b = raw.i - 1
    if raw.kind != "words" or b < 0 or not s.is_word(b) or definite(s, b) != definite(s, raw.i):
        return None
    if not definite(s, raw.i) and (raw.value is None or raw.value > 2):
        return None
    if (hit := s.lex.human_nouns.ending(s.forms, b)) is not None:
        return Counted("human", b, hit[1])  # "حالة وفاة واحدة"
    found = noun_kind(s, b, direct=True)
    if found is None and not s.has(b, s.lex.function_words) and not s.has(b, s.lex.quantity_verbs):
        return Counted("unknown", b)  # "للمسارات الثلاثة": a noun with a preposition is still the noun
    return found if found is not None and found.kind in ("human", "member", "thing", "unknown") else None


def category(s: Sentence, number_i: int, number_j: int, noun: Counted | None, seen: Seen) -> str:
    """What happened to the people counted (see the module's docstring for the order)."""
    lex = s.lex
    neutral = lex.sport_neutral if s.sport else frozenset()
    own = noun.category if noun else ""
    if own and own not in lex.state_categories and own not in neutral:
        return own
    before, stopped = s.scan_before(number_i)
    for found in (before, s.scan_after(number_j)):
        found = escaped_or_displaced(s, found, own)
        if found == "wounded" and any(s.lex.illness_words.at(s.forms, k) for k in range(number_j, number_j + 6)):
            return "other people"  # "أصيب 751 منهن بارتفاع ضغط الدم": ill, not wounded
        if found and found not in neutral:
            return found
    if seen.people is not None and s.ends_before(lex.subset_cues, number_i, 2):
        return seen.people.category
    if toll := toll_of(s, number_i):
        return toll
    if own in lex.state_categories and own not in neutral:
        return own
    if noun is not None and noun.kind == "others" and seen.people is not None and s.joined(number_i):
        return seen.people.category  # "قتلت 40 شخصا يوم الجمعة، و30 آخرين يوم السبت"
    before_number = seen.at(stopped)
    if before_number is not None and before_number.type == "people" and coordinated(s, stopped, number_i):
        return before_number.category
    return "other people"


def escaped_or_displaced(s: Sentence, found: str, own: str) -> str:
    """Fleeing: escaped from custody (a prison, detainees), else displaced."""
    if found != "flight":
        return found
    return "escaped" if own == "detained" or s.prison else "displaced"


def toll_of(s: Sentence, i: int) -> str:
    """ "ارتفع عدد القتلى … إلى 41 شخصا": a toll named before, the number after إلى / بلغ."""
    toll = s.tolls[i] if i < len(s.tolls) else None
    if toll is None or i - toll[0] > 25:
        return ""
    return toll[1] if any(s.has(k, s.lex.toll_links) for k in range(max(i - 4, 0), i)) else ""


def coordinated(s: Sentence, stopped: int, i: int) -> bool:
    """The number before (index `stopped` among the sentence's numbers) and this one joined by و or مقابل."""
    start = s.raws[stopped].j
    return any(s.lex.coordinators.at(s.forms, k) or s.tokens[k].norm.startswith("و") for k in range(start, i)
               if s.tokens[k].kind == "word")


def group(s: Sentence, i: int, noun: Counted | None, seen: Seen) -> str:
    """Who was counted: a group named in the noun phrase; "آخرين"/"منهم" take the group of the count
    before; a possessive ("جنودها") the first group the sentence names."""
    if noun is None:
        return ""
    if noun.kind in ("others", "pronoun"):
        return seen.people.group if seen.people is not None else ""
    if noun.possessive:
        return s.first_group
    generic = ""
    k = noun.token
    while k < min(noun.token + _GROUP_WINDOW, len(s.tokens)):
        if k > noun.token and (s.owner[k] >= 0 or s.boundary(k) or stop_word(s, k)):
            break
        hit = s.lookup(s.lex.groups, k)
        if hit and hit[1] != "people":
            return hit[1]
        generic = generic or (hit[1] if hit else "")
        k += hit[0] if hit else 1
    return generic


def stop_word(s: Sentence, k: int) -> bool:
    tok = s.tokens[k]
    if tok.kind != "word":
        return tok.text not in ("\"", "“", "”")
    return tok.norm not in s.lex.group_pass and tok.forms[0] in s.lex.function_words or tok.norm.startswith("لل")
