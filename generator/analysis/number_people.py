"""What a number counts: the noun it governs (the tamyiz after it, "من" + a definite noun, a noun before it
in apposition), and whether that is people: a noun of the lexicon, an adjective of origin ("60 فلسطينيا",
"160 ألف بوروندي"), a member of a group, "آخرين", or a verb or relative pronoun that agrees with people
("33 تلقوا العلاج", "الخمسة آلاف الذين"). What happened to them is number_category.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarabic.araby as araby

from .number_scan import CLITIC_TOKENS, Sentence
from .number_spans import Raw
from .number_tokens import article, present_plural

_ARTICLES = ("ال", "وال", "بال", "فال", "كال", "لل", "ولل")


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
    if direct and (tok.norm in lex.people_relatives or plural_verb(s, tok.norm)):
        return Counted("verb", k)  # "من بينهم 33 تلقوا العلاج", "الخمسة آلاف الذين يعيشون"
    if any(f in lex.function_words or f in lex.quantity_verbs for f in tok.forms):
        return None
    forms, cut = s.noun_forms(k)
    if "سرّ" in tok.text or "سّر" in tok.text:
        return Counted("thing", k)  # "(8504) أسرّة": beds, written with the shadda that tells them from families
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
        return Counted("thing" if among_states(s, k) else "member", k, "", cut and not s.has(k, lex.member_nouns))
    if (not direct and lex.groups.at(own, k)) or nisba(s, k) or (direct and participle_plural(tok.norm)):
        return Counted("human", k)  # "15 من ميليشيا الحوثي" (but "3 ميليشيات": three militias)
    if lex.cues_before.at(s.forms, k) or lex.cues_after.at(s.forms, k) or lex.flight_cues.at(s.forms, k):
        return None
    if direct and tok.norm[:1] in "لبك" and len(tok.norm) >= 5:
        return None  # "مخيم بسمة 5 لتخفيف …": a preposition, not the counted noun
    return Counted("unknown", k)


def participle_plural(norm: str) -> bool:
    """A participle in the masculine sound plural, nominative: "3 ملايين مهددون بالمجاعة", "محبوسون", "مشاركون".
    Only people take that plural (things take "ات"); its "ين" form is left: it is also a dual ("مشروعين")."""
    return len(norm) >= 6 and norm[0] == "م" and norm[1] != "ا" and norm.endswith("ون") and norm[-3] not in "اوي" \
        and norm not in _LOANWORDS  # (not "ماراثون": no participle has an alef after its م)


_LOANWORDS = frozenset({"ميكروفون", "ميغافون", "ميجافون", "ميكرون", "ميغاطون", "ميجاطون"})  # shaped like م…ون, no
#                                                                                       participles (units among them)


_STATES_REACH = 20  # tokens at most between a body of states and its members counted ("مشروع القرار … على تأييد 11 عضوا
#                     ومعارضة عضوين، بينهما روسيا …، بينما امتنع عضوان": the Security Council's vote, a tuning batch)


def among_states(s: Sentence, k: int) -> bool:
    """Members of a body of states: "مجلس الأمن … موافقة تسعة أعضاء", "انتظار عضوين بمجلس الأمن"."""
    before = s.states[k] is not None and k - s.states[k][0] <= _STATES_REACH
    after = k + 2 if s.tok(k + 1) is not None and s.tokens[k + 1].norm in ("في", "من") else k + 1
    if any(s.lex.parliament_words.at(s.forms, m) for m in range(k + 1, min(k + 5, len(s.tokens)))):
        return False  # "نال مشروع القرار تأييد 72 عضوا في مجلس النواب": a parliament's members are people
    named = next((m + 1 for m in range(k + 1, min(k + 4, len(s.tokens) - 1)) if s.tokens[m].norm in s.lex.apposition_cues),
                 -1)  # "وعضوين جديدين هما الهند وباكستان": the members named after, countries (an analyst's review)
    return before or bool(s.lex.state_context.at(s.forms, after)) or (named >= 0 and s.lookup(s.lex.countries, named)
                                                                       is not None)


def nisba(s: Sentence, k: int) -> bool:
    """A masculine adjective of origin used as a noun: "60 فلسطينيا", "24 أميركيا", "52 تكفيريا"; of a country
    or people (nationalities) also singular or feminine plural: "160 ألف بوروندي", "3 فلسطينيات"."""
    norm = s.tokens[k].norm
    word = norm[2:] if norm.startswith("ال") else norm
    if (word in s.lex.nationalities and word == norm) or (word.endswith("يات") and word[:-2] in s.lex.nationalities):
        return True  # "160 ألف بوروندي" (but "الاتحاد الأوروبي الثماني والعشرين": an adjective)
    if word.endswith("يا") and s.tokens[k].text.replace("ـ", "").endswith(("ياً", "يًا")) and len(word) >= 4:
        return True  # "19 روسياً": a country's name takes no tanween, its adjective does
    if word in s.lex.nisba_not_people or word.endswith("ايا") or len(word) < 4 or word[0] == "و":
        return False
    return word.endswith(("يا", "يين", "يون"))


def plural_verb(s: Sentence, norm: str) -> bool:
    """A verb that agrees with a plural of people: past "تلقوا", "ظهروا"; present "يعيشون"."""
    if len(norm) < 4 or norm.startswith(("ال", "و", "ف")) or norm in s.lex.verb_lookalikes:
        return False  # "واشتروا": a verb joined by و starts another clause
    return (norm.endswith("وا") and norm[-3] not in "اوي") or present_plural(norm)


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
    if after is None and (referred := _their_number(s, raw)) is not None:
        return referred
    if any(s.has(k, s.lex.people_before) for k in range(max(b - 3, 0), b + 1)):
        return after if after is not None and after.kind == "human" else Counted("pronoun", b)
    if raw.kind != "vague" and raw.multiplied \
            and (after is None or after.kind == "unknown" and s.tokens[s.next(raw.j)].norm in ("من", "في")) \
            and b >= 0 \
            and s.tokens[b].kind == "word" and s.tokens[b].norm.removeprefix("و") in s.lex.human_verbs_before:
        return Counted("pronoun", b)  # "ويعاني 13 مليونا من نقص في الغذاء": the verb's subject, people (a population's
        #                               thousands or millions: not "وتعاني 12 من أصل 18 محافظة", an adversarial review)
    if after is not None:
        return after
    return Counted("thing", before.token) if before is not None else None


def _their_number(s: Sentence, raw: Raw) -> Counted | None:
    """After "وعددهم", "البالغ عدده", "بلغ عددها" (a qualifier between): what the number counts, the noun before
    them, or the head of its construct when that is a thing ("مخيمات اللاجئين البالغ عددها 12": the camps).
    People only for "عددهم"/"عدده" after a noun for people ("ومقتل ركابها وعددهم 60": the passengers, whose
    verb is the number's) or a crew, delegation or team ("الطاقم البالغ عدده 6"); "عددها" after one is said of
    something else ("كتب الأطفال البالغ عددها 44"): a count. Else a count of the noun named, or of something
    unnamed (an adjective stands there: "كتب الأطفال الكلاسيكية البالغ عددها"). None (no decision: "عددهم"
    alone then says people) when no noun for people stands there; when a word without the article (no particle)
    stands before a noun with it, which may be a construct's head ("ذوو المعتقلين"), a subject before its
    object ("وقتل مسلحون المصلين البالغ عددهم 30") or a verb, one cannot tell; and for the total of which a
    count is a part ("تمكن 30 من السجناء البالغ عددهم 500")."""
    k = s.before_qualifier(raw.i)
    if k < 1 or not s.has(k, s.lex.their_number):
        return None
    m = k - 1
    if not s.tokens[k].norm.startswith("و") and s.has(m, s.lex.amounting):
        m -= 1
    if s.tokens[m].norm.startswith(("لل", "بال")):
        return None  # "الطاقم الكامل للطائرة البالغ عدده 6": a definite noun after a preposition qualifies an
        #              earlier one, which is what is counted
    found = noun_kind(s, m)
    people = s.has(k, s.lex.people_before)  # "عددهم", "عددهن"
    its = s.tokens[k].norm.endswith("عدده")  # said of one: a crew, a delegation, a team
    befell = bool(s.strong_cue(raw.i, raw.j))  # "اعتقلت الشرطة المجموعة البالغ عددها 9": a verb of what
    #                                            befell people decides, as it did before
    if its and s.has(m, s.lex.collectives):
        return Counted("human", m)  # "الطاقم البالغ عدده 6": the crew's members
    if m > 0 and article(s.tokens[m].text) and s.is_word(m - 1) and not article(s.tokens[m - 1].text) \
            and not s.has(m - 1, s.lex.function_words):
        if its and s.has(m - 1, s.lex.collectives):
            return Counted("human", m - 1)  # "طاقم الطائرة البالغ عدده 6": the crew's members
        head = noun_kind(s, m - 1)
        if head is not None and head.kind == "thing" and not people and not befell:
            return Counted("thing", m - 1)  # a construct of things: its head is counted ("مخيمات اللاجئين"; not
            #                                 "أسلحة المسلحين البالغ عددهم": "عددهم" is said of people)
        return None  # a construct's head ("ذوو المعتقلين", "أفراد الأسرة"), a subject before its object ("وقتل
        #              مسلحون المصلين") or a verb ("حررت الرهائن"), which one cannot tell: no decision
    if m > 1 and s.tokens[m - 1].norm == "من" and s.owner[m - 2] >= 0:
        return None  # "تمكن 30 من السجناء البالغ عددهم 500": the total of which a count is a part
    if found is not None and found.kind in ("human", "member"):
        if people or its:
            return Counted("human", m, found.category, found.possessive)
        return None if befell else Counted("thing", -1)
    if people or befell:
        return None
    return Counted("thing", m if found is not None and found.kind == "thing" else -1)


_BODIES = frozenset(("جماعه", "حركه", "تنظيم", "حزب", "فصيل", "جبهه", "ميليشيا", "مليشيا"))  # normalised: "N من
#   جماعة …" counts its members (an analyst met "903 من جماعة حزب الله" as a count of things, beside the killed)


def _noun_after(s: Sentence, raw: Raw) -> Counted | None:
    k = s.next(raw.j)
    hit = s.lex.qualifiers[1].at(s.forms, k)
    if hit:
        k += hit[0]
    if s.text_at(k) in ("\"", "“", "”", "«"):
        k += 1
    if s.tok(k) is not None and s.tokens[k].norm == "من" and s.is_word(k + 1):
        found = noun_kind(s, k + 1)
        if found and found.kind == "unknown" and (s.lookup(s.lex.groups, k + 2) or _human_at(s, k + 2)
                                                  or (s.tokens[k + 1].norm.removeprefix("ال") in _BODIES
                                                      and s.is_word(k + 2))):
            return Counted("human", k + 1)  # "من تنظيم داعش", "من كبار نجوم …", "903 من جماعة حزب الله"
        if found and found.kind == "unknown" and s.joined(raw.i) and raw.i and s.owner[s.prev(raw.i) - 1] >= 0:
            return Counted("others", k + 1)  # "ثلاثة ليبيين واثنين من الجزائر": of the count before
        return found
    if (raw.kind == "vague" or raw.kind == "words") and definite(s, raw.i):
        found = noun_kind(s, k, direct=True) if raw.kind == "words" and definite(s, k) else None
        return found  # "الآلاف منازلهم", "الاثنان دليل": an indefinite word is not their noun
    b = s.prev(raw.i)
    if b >= 0 and with_article(s.tokens[b].text) and s.owner[b] < 0 and s.tok(k) is not None \
            and plural_verb(s, s.tokens[k].norm):
        return None  # "من الفرقة 30 تلقوا تدريبات": the verb agrees with a noun before, not with the number
    if year_follows(s, k):
        return None  # "حوالي 1.2 مليار عام 2017": the word for the year that follows
    if (head := s.lex.count_heads.at(s.forms, k)) and head[1] == "of" and _human_at(s, k + head[0]):
        return noun_kind(s, k + head[0])  # "ليرتفع إلى 93 تعداد القتلى"
    if raw.kind in ("digits", "words") and s.is_word(k) and with_article(s.tokens[k].text):
        return None  # "في 2017 الشريك التجاري": a cardinal's counted noun has no article
    return noun_kind(s, k, direct=True)


def year_follows(s: Sentence, k: int) -> bool:
    """ "عام 2017" at k: the word for a year and the year, not a unit after a number."""
    nxt = s.tok(k + 1)
    return bool(s.lex.year_before.at(s.forms, k)) and nxt is not None and nxt.kind == "num" \
        and nxt.norm.isdigit() and 1900 <= int(nxt.norm) <= 2100


def with_article(text: str) -> bool:
    """A word written with the article, after a proclitic, and a stem of three letters or more ("المواطنين",
    "بالتعيين"; not "بالغا", "والده", nor "ألقاب", whose alef carries a hamza)."""
    word = araby.strip_tashkeel(text).replace("ـ", "")
    return any(word.startswith(head) and len(word) - len(head) >= 3 for head in _ARTICLES)


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
    "الأبيات الأحد عشر", "قطيع واحد", "مهاجمين اثنين"; an indefinite one only for one and two. Digits written
    with the article too ("اللاعبين الـ 23"); after a noun's complement, the noun ("أعضاء المجلس الخمسة عشر")."""
    b, numeral = raw.i - 1, definite(s, raw.i)
    if raw.kind == "digits" and s.text_at(b).replace("ـ", "") == "ال":  # "اللاعبين الـ 23", "نواب حزبه الـ 149"
        found = _plural_people(s, b - 1)  # (but "الرئيس الـ45", "ملوك الأسرة ال17": ordinals)
        return found or (_construct_head(s, b - 1) if s.possessive(b - 1) else None)
    if raw.kind == "digits" and not 1000 <= (raw.value or 0) <= 2100 and s.tok(raw.j) is not None \
            and s.tokens[raw.j].norm in s.lex.people_relatives:
        return _plural_people(s, b)  # "قائمة اللاعبين 23 الذين سيمثلون": in apposition (not "المتسابقين 2019 الذين")
    if raw.kind != "words":
        return None
    if numeral and (raw.value or 0) >= 2 and (head := _construct_head(s, b)) is not None and head.category:
        return head  # "جثامين النساء الخمس": the bodies of the five women
    if not numeral and not raw.multiplied and (raw.value or 1000) < 1000 and b >= 1 \
            and s.tokens[b - 1].norm in ("من", "ومن") and s.is_word(b) and definite(s, b) \
            and nothing_counted_after(s, raw) and (own := noun_kind(s, b)) is not None and own.kind in ("human", "member"):
        return own  # "ولديه من الأطفال خمسة", "وله من الأبناء اثنان", "ونقل من الجرحى خمسة": the partitive before the
        #             number names them; not "تسع نساء من التجار وخمسة رجال" (a noun after it is what it counts), nor
        #             sums ("جمعت من المتبرعين ثلاثة ملايين"); "وتوفي من المصابين اثنان": number_category reads the verb
    if b < 0 or not s.is_word(b) or definite(s, b) != numeral or (not numeral and (raw.value or 3) > 2):
        return None
    if b >= 1 and (s.has(b, s.lex.others_words) or nisba(s, b)) and s.is_word(b - 1) \
            and definite(s, b - 1) == numeral and (hit := s.lex.human_nouns.ending(s.forms, b - 1)) is not None \
            and (hit[1] or s.has(b, s.lex.others_words)):
        return Counted("human", b - 1, hit[1])  # "عسكريين آخرين اثنين", "الأسرى الحوثيين الثلاثة": the noun
    if raw.value == 1 and s.lex.things.at(s.forms, b) is not None:
        return Counted("thing", b)  # "كتاب واحد": one book (كتاب is also the plural "writers")
    if raw.value == 1 and s.text_at(b - 1) == "من" and any(s.owner[k] >= 0 for k in range(max(b - 5, 0), b - 1)):
        return Counted("thing", b)  # "7 أفراد من عائلة واحدة": of one family, which says who the 7 were
    if (hit := s.lex.human_nouns.ending(s.forms, b)) is not None:
        return Counted("human", b, hit[1])  # "حالة وفاة واحدة"
    if numeral and (raw.value or 0) >= 2 and (head := _construct_head(s, b)) is not None:
        return head
    if numeral and s.possessive(b) and (own := noun_kind(s, b)) is not None and own.kind in ("human", "member") \
            and own.possessive:
        return own  # "أطفاله الثلاثة": his three children (a possessive makes the noun definite)
    found = noun_kind(s, b, direct=True)
    if found is None and not s.has(b, s.lex.function_words) and not s.has(b, s.lex.quantity_verbs):
        return Counted("unknown", b)  # "للمسارات الثلاثة": a noun with a preposition is still the noun
    return found if found is not None and found.kind in ("human", "member", "thing", "unknown") else None


def nothing_counted_after(s: Sentence, raw: Raw) -> bool:
    """After the number nothing it could count: the end, a mark, a function word, a word with a preposition
    ("بارتكاب", "للانتخابات") or joined by و (the next clause: "… اثنان ويسكن مع والديه")."""
    tok = s.tok(raw.j)
    return tok is None or tok.kind != "word" or s.has(raw.j, s.lex.function_words) or tok.norm[:1] in "بلو"


def _construct_head(s: Sentence, b: int) -> Counted | None:
    """A noun for people without the article right before the definite noun at b, its complement: "أعضاء
    المجلس الخمسة عشر", "نواب حزبه الـ 149"."""
    if b < 1 or not s.is_word(b - 1) or definite(s, b - 1) or (b >= 2 and s.owner[b - 2] >= 0):
        return None  # "3369 طالباً …": the noun of another number
    if not (s.tokens[b].norm.startswith("ال") or s.possessive(b)) or s.lex.things.at(s.bare_forms(b), b):
        return None  # "طالبا للمسارات الثلاثة", "قادة الدول الـ28": the number counts the noun after
    found = noun_kind(s, b - 1, direct=True)
    return found if found is not None and found.kind in ("human", "member") else None


def _plural_people(s: Sentence, b: int) -> Counted | None:
    """A definite plural noun for people before digits written with the article: "المرشحين الـ55", and a broken
    plural of the rules' list ("القضاة الـ 12", "الدول الـ193": states, a count of things)."""
    if b < 0 or not s.is_word(b) or not definite(s, b):
        return None
    broken = s.has(b, s.lex.broken_plurals)
    if not broken and not s.tokens[b].norm.endswith(("ين", "ون", "ات")):
        return None
    found = noun_kind(s, b)
    return found if found is not None and (found.kind in ("human", "member") or broken and found.kind == "thing") \
        else None
