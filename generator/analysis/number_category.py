"""What happened to the people a number counts (its category) and who they were (its group).

The category comes from the counted noun and its own clause: an event noun ("25 جريحا") or an adjective of
the noun naming one ("3 من المواطنين الأمريكيين المعتقلين") wins over every verb; then a verb or masdar
governing the number ("مقتل 16", "القبض على 104"; "أصيب … بارتفاع ضغط الدم" is an illness, not a wound,
"توقيف … عن العمل" a suspension, not an arrest); then a verb after it whose subject it is ("17 من جنودها
قتلوا"); then a count it is part of ("بينهم سبعة"), a toll named before ("عدد القتلى … إلى 41"), a noun that
names a state (prisoners, refugees, attackers), "و30 آخرين" after a count, and a count it is coordinated with
("252 … مقابل 281"). Else "other people": never a guess from another clause.
"""

from __future__ import annotations

from ..arabic import RELATIVE_PRONOUNS, normalize
from .labels import FORCES, NATIONALS
from .number_lexicon import WEAK, Phrases
from .number_people import Counted, nisba, plural_verb, with_article
from .number_scan import CLITIC_TOKENS, QUOTES, Seen, Sentence

_GROUP_WINDOW = 5
_DEAL_REACH = 12  # how far from the count, in its clause, an evacuation or a deal is looked for
_WHEN = frozenset({"date", "year", "time", "duration"})  # numbers that say when: a scan for the verb goes past them
_NOT_GLUED = frozenset(("بين", "بينما", "بعد", "بعض", "بلده", "بلاد", "لدي", "لدى", "لكن", "لقد", "لذلك", "ليس", "لاجئين",
                        "لاجئا", "لاجئون", "بلدية", "بلديه", "لبنان", "ليبيا", "لندن"))  # (words that start so)
_AMONG = frozenset(("بينهم", "بينهن", "بينهما", "بينها", "منهم", "منهن", "منهما", "منها", "وبينهم", "ومنهم"))
_WOMEN_AND_CHILDREN = frozenset(("women", "children"))
_UNARMED = frozenset({"civilians", "women", "children", "foreigners", "prisoners", "guards", "people"})  # groups of the rules that are not armed


def category(s: Sentence, number_i: int, number_j: int, noun: Counted | None, seen: Seen) -> str:
    """What happened to the people counted (see the module's docstring for the order)."""
    lex = s.lex
    neutral = lex.sport_neutral if s.sport else frozenset()
    own = (noun.category or described(s, noun.token)) if noun else ""
    if own == "escaped" and (after_escape := _befell(s, number_i, number_j, own, noun)):
        return after_escape  # "أعيد القبض على 50 من الفارين": what befell the escapees in this clause
    if own == "wounded" and noun is not None and noun.token > number_j and s.text_at(noun.token - 1) == "من" \
            and _died(s, number_i):
        return "killed"  # "وتوفي 3 من المصابين متأثرين بجراحهم": of the wounded, these died
    if own and own != "killed" and noun is not None and 2 <= noun.token < number_i \
            and s.tokens[noun.token - 1].norm in ("من", "ومن") and _died(s, noun.token - 1):
        return "killed"  # "وتوفي من المصابين اثنان", "وقتل من الرهائن ثلاثة": of them, these died
    if own and own not in lex.state_categories and own not in neutral:
        ill = undone(s, own, number_j) or (noun is not None and noun.token < number_i and undone(s, own, noun.token + 1)) \
            or (own == "wounded" and noun is not None and s.has(noun.token, lex.infected_nouns) and outbreak(s))
        return "other people" if ill else own  # "3388 مصابة بتسمم الحمل", "عدد المصابين بالفيروس … 300": ill
    before, stopped = s.scan_before(number_i)
    while not before and (prior := seen.at(stopped)) is not None and prior.type in _WHEN:
        before, stopped = s.scan_before(s.raws[stopped].i)  # "اعتقلت الشرطة في عام 2015 نحو 40 شخصا": a date
        #                                                        between the verb and the count is no clause of its own
    if not before and noun is not None and noun.kind == "human" and noun.token < number_i \
            and (governor := s.cue_ending(noun.token - 1)) is not None and governor[1] not in ("none", "sentence") \
            and s.text_at(noun.token - 1 - governor[0]) not in ("من", "عن") \
            and not s.negated(noun.token - governor[0], noun.token - 1):  # (not "نجا من الموت الركاب"; not denied)
        before = governor[1]  # "وإصابة عسكريين آخرين اثنين": the verb or masdar right before the noun (not
        #                       "محاكمة روسيين اثنين": a trial names nothing that happened to them)
    after = s.scan_after(number_j)
    if before == "detained" and after == "hostages":
        before = ""  # "واحتجز المسلحون 30 شخصا كرهائن": held as hostages
    for found in (before, after):
        found = resolved(s, found, own, noun, number_j)
        if undone(s, found, number_j) or (found == "wounded" and ill_before(s, number_i)):
            return "other people"  # "أصيب 751 منهن بارتفاع ضغط الدم", "وباء الكوليرا يصيب بين 1,3 مليون
            #                         وأربعة ملايين شخص": ill; "توقيف … عن العمل": suspended
        if found and found not in neutral:
            if found == before and found in _DEMANDABLE and demanded(s, number_i):
                continue  # "طالبت … بإعدام خمسة نشطاء": nobody executed; a verb after the count may still tell
            return found
    if attacking(s, number_i, number_j, noun):
        return "attackers"
    if seen.people is not None and s.ends_before(lex.subset_cues, number_i, 2) \
            and not (seen.people.category == "other people" and own in lex.state_categories):
        return seen.people.category  # (but "آلاف المدنيين، ومن بينهم 12 ألف لاجئ": refugees among them)
    if seen.people is not None and seen.people.category != "other people" and apposed(s, number_i, seen):
        return seen.people.category  # "بحياة 7 أفراد من عائلة واحدة، هم أربعة أطفال": who the 7 were
    if seen.people is not None and seen.people.category != "other people" and of_them_after(s, number_j, noun):
        return seen.people.category  # "بلغ عدد الإصابات 60 إصابة، نقل 38 حالة منها": 38 of the wounded
    if seen.people is None and noun is not None and noun.kind == "pronoun" and noun.token >= number_j \
            and (antecedent := _antecedent(s, number_i)) and antecedent not in neutral:
        return antecedent  # "أن المصابين يخضعون للملاحظة … وأن 9 منهم نقلوا إلى المستشفى": 9 of the wounded
    if toll := toll_of(s, number_i):
        return toll
    if along := alongside(s, number_i):
        return along
    if own in lex.state_categories and own not in neutral:
        return own
    if noun is not None and noun.kind == "others" and seen.people is not None and s.joined(number_i):
        return seen.people.category  # "قتلت 40 شخصا يوم الجمعة، و30 آخرين يوم السبت"
    if stopped < 0 and seen.last is not None and seen.last is seen.people and seen.last.category != "other people" \
            and s.text_at(number_i - 1) in (",", "،") and s.tokens[number_i].norm.startswith("و") \
            and s.text_at(number_j) == "من" and _partitive_before(s, number_i):
        return seen.last.category  # "بمقتل خمسة من أعضاء «بوكو حرام»، وخمسة من ضباط الشرطة": a list of
    #                                 parallel partitives (not "قتل 3 جنود، وعشرات المدنيين شاركوا …")
    before_number = seen.at(stopped)
    if before_number is not None and before_number.type == "people" and coordinated(s, stopped, number_i):
        return before_number.category
    if (versus := versus_count(s, number_i, seen)) and not _spared(s, number_j):
        return versus  # (not "قتل 12 شخصا في غرق العبارة مقابل 140 راكبا تم إنقاذهم": not what befell the 12)
    if seen.last is not None and seen.last is seen.people and qualified_pair(s, number_i):
        return seen.people.category  # "خطف 170 سنيا وأكثر من ستين مسيحيا"
    return "other people"


_DEMANDABLE = frozenset({"killed", "arrested", "hostages"})


def demanded(s: Sentence, i: int) -> bool:
    """The masdar right before the count (past "بحق") is a killing or an arrest that a word of demand, threat
    or future governs: only "إلى", the words of a sentence (عقوبة، حكم، تنفيذ …) and, before a masdar glued to
    its ب, up to three words of the subject stand between."""
    lex, k = s.lex, s.prev(i)
    if k >= 0 and s.tokens[k].norm in ("بحق", "حق"):
        k = s.prev(k)
    if k < 0 or not s.is_word(k) or not lex.demanded_masdars.intersection(s.tokens[k].forms):
        return False
    glued = s.tokens[k].norm.startswith("ب")
    k = s.prev(k)
    while k >= 0 and s.is_word(k) and lex.sentence_words.intersection(s.tokens[k].forms):
        glued = glued or s.tokens[k].norm.startswith("ب")
        k = s.prev(k)
    to = k >= 0 and s.tokens[k].norm in ("الي", "الى")
    if to:
        k, glued = s.prev(k), True  # ("دعا المتظاهرون إلى إعدام 4": the subject before إلى)
    for _ in range(4 if glued else 1):
        if k < 0 or not s.is_word(k) or s.boundary(k) or s.owner[k] >= 0:
            return False
        forms = {f.removeprefix("ال") for f in s.tokens[k].forms} | set(s.tokens[k].forms)
        if forms & (lex.demand_to if to else lex.demand_words):
            return True  # (any form: "ودعا", "وهددت")
        if forms & lex.demand_breaks:
            return False  # "عائلات المتهمين بقتل 5": the masdar is the accused's, not the demand's
        k = s.prev(k)
    return False


def _befell(s: Sentence, i: int, j: int, own: str, noun: Counted | None) -> str:
    """What the clause says happened to people its noun calls escapees: recaptured, killed, wounded, arrested or
    surrendered (not their flight itself, which the noun already says)."""
    for found in (s.scan_before(i)[0], s.scan_after(j)):
        found = resolved(s, found, own, noun, j)
        if found in _AFTER_ESCAPE and not undone(s, found, j):
            return found
    return ""


_AFTER_ESCAPE = frozenset({"recaptured", "killed", "wounded", "arrested", "surrendered"})


def _partitive_before(s: Sentence, i: int) -> bool:
    """The count before the one at i (within 8 tokens, past the comma) was followed by a partitive من."""
    for k in range(i - 2, max(i - 10, -1), -1):
        if s.owner[k] >= 0:
            return s.text_at(s.raws[s.owner[k]].j) == "من"
    return False


def qualified_pair(s: Sentence, i: int) -> bool:
    """A qualifier joined by و right before the number, and right before it a count and its noun: "170 سنيا
    وأكثر من ستين"."""
    before = s.before_qualifier(i)
    if before == s.prev(i):
        return False  # no qualifier
    start = before + 1
    if not s.tokens[start].norm.startswith("و"):
        return False
    return any(s.owner[k] >= 0 for k in range(max(start - 2, 0), start))


def described(s: Sentence, k: int) -> str:
    """The category an adjective of the counted noun names: "3 من المواطنين الأمريكيين المعتقلين" (detained),
    "ألف أسرة مهاجرين", "المجندين الـ16 المصابين". An adjective agrees with its noun in definiteness: a
    definite noun after an indefinite one is its complement ("عائلات الشهداء"), not its adjective."""
    head, steps, m = with_article(s.tokens[k].text), 0, k + 1
    while m < len(s.tokens) and steps < 4:
        tok = s.tokens[m]
        if s.owner[m] >= 0 or tok.norm in CLITIC_TOKENS:
            m += 1
            continue
        if tok.kind != "word" or s.boundary(m) or with_article(tok.text) != head:
            return ""
        hit = s.lex.human_nouns.at(s.bare_forms(m), m)  # as written: not "وإصابة 10 آخرين"
        if hit and hit[1]:
            return hit[1]
        if not hit and not nisba(s, m):
            return ""
        m, steps = m + 1, steps + 1
    return ""


def resolved(s: Sentence, found: str, own: str, noun: Counted | None, j: int) -> str:
    """A cue's category: fleeing is escaped from custody (a prison, detainees), else displaced; a side's loss
    ("فقدت 27 من عناصرها") is killed when members, soldiers or fighters are counted, else names nothing."""
    found = found.lstrip(WEAK)
    if found == "flight":
        return "escaped" if own == "detained" or s.prison or fighters(s, noun) else "displaced"
    if found == "lost":
        return "killed" if noun is not None and armed(s, noun) else ""
    if found == "captured":
        return "detained" if noun is not None and armed(s, noun) else "hostages"
    if found in ("detained", "held"):
        holder = _holder(s, j)  # "نحو مائة عائلة سريانية محتجزة من قبل التنظيم": hostages
        return "hostages" if holder == "taker" else "detained" if found == "detained" or holder else ""
    if found == "handed":
        return "surrendered" if _after(s, s.lex.reflexives, j, 10) else ""
    if found == "received":
        return "wounded" if _after(s, s.lex.treatment_words, j, 4) else ""
    if found == "exposed":
        return _exposed_to(s, j)
    if found == "camp":
        return "" if noun is not None and s.has(noun.token, s.lex.camp_staff) else "displaced"
    if found == "departed":
        if _after(s, s.lex.hospital_words, j, 3) and not (noun is not None and noun.token < j
                                                           and s.tokens[noun.token].norm.startswith("ال")):
            return "wounded"  # "نقل شخصان إلى المستشفى وهما في حالة حرجة": taken to hospital (a second analyst's review;
            #                    not the count of a definite noun before it: "ونقلت عائلات الضحايا الخمسة إلى المستشفى")
        evacuated = (noun is not None and armed(s, noun) and not (noun.kind == "member" and noun.possessive)) \
            or _evacuation(s, j)  # (not the members of whoever "its" stands for: "تنقل 700 من أعضائها")
        return "displaced" if evacuated else ""
    return found


def _holder(s: Sentence, j: int) -> str:
    """Who holds the people counted, named in the clause after the count: "taker" for an armed group that is no
    state's, after a word of holding ("من قبل التنظيم", "لدى الميليشيات", "في سجون ميليشيات الحوثي") or as the
    subject of the verb that holds them ("تحتجزهم جماعات جهادية"); "other" for anyone else after a word of holding
    ("لدى الشرطة"); "" when none is named (within eight words, not past another number or the clause's end)."""
    for k in range(j, min(j + 8, len(s.tokens))):
        if s.boundary(k) or s.owner[k] >= 0:
            return ""
        hit = s.lex.holders.at(s.forms, k)
        if hit is not None and s.tokens[k].norm == "بيد" and s.text_at(k + 1) in ("أن", "ان"):
            hit = None  # "بيد أن": however
        verb = s.lex.cues_after.at(s.forms, k) if hit is None else None
        if hit is not None or (verb is not None and verb[1] == "detained"):
            start = k + (hit or verb)[0]
            named = [m for m in range(start, min(start + 4, len(s.tokens))) if s.text_at(m) not in QUOTES][:2]
            if named and _taker(s, named):  # (past quotes: "تنظيم "الدولة الإسلامية"")
                return "taker"
            if hit is not None:
                return "other"  # held by someone else ("لدى الشرطة")
    return ""


def _taker(s: Sentence, named: list[int]) -> bool:
    """The group named at the first of these tokens takes hostages (ISIS, militants). A word that names no group
    ("جماعات", "تنظيم") may be followed by the one that does, or by an adjective that names it ("جماعات جهادية",
    "جماعات مسلحة"); a state's force is no taker, whatever its adjective ("القوات المسلحة")."""
    for m in named:
        hit = s.lookup(s.lex.groups, m)
        if hit is not None:
            return hit[1] in s.lex.hostage_takers
        if any(s.lex.groups.word(f[:-1]) in s.lex.hostage_takers for f in s.forms[m] if f.endswith("ه")):
            return True
    return False


def _exposed_to(s: Sentence, j: int) -> str:
    """ "تعرض 5 أشخاص لإصابات طفيفة": what the count was exposed to, a masdar or noun of an event after ل within
    the clause (wounded, arrested …; fatal, "للطعن القاتل", is killed); nothing when it names none ("لأضرار")."""
    for k in range(j, min(j + 5, len(s.tokens))):
        if s.boundary(k):
            return ""
        if s.tokens[k].kind != "word" or not s.tokens[k].norm.startswith("ل"):
            continue
        hit = s.lex.cues_before.at(s.forms, k)
        if hit is None or hit[1] in ("none", "sentence", "attackers"):
            return ""
        fatal = any(s.has(m, s.lex.fatal_words) for m in range(k + hit[0], min(k + hit[0] + 2, len(s.tokens))))
        return "killed" if fatal else hit[1].lstrip(WEAK)
    return ""


def _died(s: Sentence, i: int) -> bool:
    """A verb of dying right before the count (a qualifier aside): "توفي", "استشهد" (not a masdar, which may be
    threatened or denied, "هدد بقتل", nor one far before, in another clause: "قتلت الغارة الطبيب الذي يعالج")."""
    k = s.before_qualifier(i)
    hit = s.cue_ending(k)
    return hit is not None and hit[1] == "killed" and hit[0] == 1 and not s.lex.masdars.ending(s.forms, k) \
        and s.tokens[k].norm[:1] not in "بل" and not s.negated(k, k)


def _evacuation(s: Sentence, j: int) -> bool:
    """An evacuation, or a deal people leave under ("وفقا للاتفاق"), named in the clause of the count ending at j
    (within _DEAL_REACH tokens either side; not a deal named for something else: "لرفض الاتفاق")."""
    def named(k: int) -> bool:
        return bool(s.lex.evacuation_words.at(s.forms, k)) or (
            s.has(k, s.lex.deal_words) and any(s.has(m, s.lex.under_words) for m in range(k - 3, k)))
    for step, start, stop in ((1, j, min(j + _DEAL_REACH, len(s.tokens))), (-1, j - 1, max(j - 1 - _DEAL_REACH, -1))):
        for k in range(start, stop, step):
            if s.text_at(k) in ".؟?!؛;" or (s.tokens[k].kind == "word" and s.tokens[k].norm in s.lex.boundary_words):
                break
            if named(k):
                return True
    return False


def _after(s: Sentence, table: Phrases, j: int, reach: int) -> bool:
    return any(table.at(s.forms, k) for k in range(j, j + reach))


def armed(s: Sentence, noun: Counted) -> bool:
    """Members of a group, soldiers or fighters (a group of the rules that is not of civilians or staff); for
    people referred to ("العشرات منها"), the group the sentence names first."""
    if noun.kind in ("pronoun", "others", "verb"):
        return s.first_group not in ("", *_UNARMED)
    hit = s.lookup(s.lex.groups, noun.token)
    forms, _ = s.noun_forms(noun.token)
    return noun.kind == "member" or (hit is not None and hit[1] not in _UNARMED) \
        or any(f in s.lex.armed_nouns for f in forms)


def fighters(s: Sentence, noun: Counted | None) -> bool:
    """Soldiers, fighters or members of an armed group counted by their noun ("المئات من مقاتليه", "مئات العناصر
    من مليشيات الحوثي"): fleeing, they escape a position; civilians, families and migrants are displaced."""
    if noun is None or noun.kind not in ("human", "member"):
        return False
    forms, _ = s.noun_forms(noun.token)
    found = group(s, noun.token, noun, Seen())
    return any(f in s.lex.armed_nouns for f in forms) or (found not in ("", *_UNARMED) and not found.startswith(NATIONALS))


def undone(s: Sentence, found: str, j: int) -> bool:
    """Words in the count's noun phrase that undo its cue: an illness after "أصيب", "عن العمل" after "توقيف"."""
    if found == "detained":  # "حبس 3 آلاف متفرج أنفاسهم": a breath held by the counted, after "حبس" (not "احتجزت
        #                        الشرطة 300 مشجع أنفاسهم متقطعة")
        index = s.owner[j - 1] if j >= 1 else -1
        held = index >= 0 and s.has(s.before_qualifier(s.raws[index].i), s.lex.breath_verbs)
        return held and any(s.tokens[k].norm in s.lex.breath_words for k in range(j, min(j + 2, len(s.tokens))))
    table = {"wounded": s.lex.illness_words, "arrested": s.lex.suspension_words}.get(found)
    return table is not None and any(table.at(s.forms, k) for k in range(j, j + 6))


def attacking(s: Sentence, i: int, j: int, noun: Counted | None) -> bool:
    """The count is the subject of an attack told around it: "فتح خمسة عناصر … النار" (the verb right before,
    the fire within six words after, in the same clause), "اقتحم 20 مسلحا" (storming, by armed people)."""
    if s.ends_before(s.lex.fire_verbs, i) is not None:
        for k in range(j, min(j + 7, len(s.tokens))):
            if s.boundary(k):
                break
            if s.lex.fire_objects.at(s.forms, k) is not None:
                return True
    return noun is not None and s.ends_before(s.lex.storm_verbs, i) is not None and fighters(s, noun)


def outbreak(s: Sentence) -> bool:
    """The sentence names an outbreak and no violence, accident or disaster: its wounded are the infected."""
    return s.mentions(s.lex.outbreak_words, "outbreak") and not s.mentions(s.lex.violence_words, "violence")


def ill_before(s: Sentence, i: int) -> bool:
    """An illness named in the clause before the count, as the subject of "يصيب" ("وباء الكوليرا يصيب …")."""
    for k in range(s.prev(i), max(i - 8, 0) - 1, -1):
        if s.boundary(k):
            return False
        if s.lex.illness_words.ending(s.forms, k) is not None:
            return True
    return False


def apposed(s: Sentence, i: int, seen: Seen) -> bool:
    """A pronoun after a comma right before the count ("، هم أربعة أطفال"), the last count of people ending at
    most ten tokens before the comma, in the same clause, with no verb or other noun for people between: the
    count says who those were."""
    k = s.before_qualifier(i)
    if k < 1 or s.tokens[k].norm not in s.lex.apposition_cues or s.text_at(k - 1) not in (",", "،"):
        return False
    index = next((n for n, number in enumerate(seen.numbers) if number is seen.people), -1)
    if index < 0:
        return False
    end = s.raws[index].j
    if k - 1 - end > 10 or any(s.boundary(m) or _clause_word(s, m) for m in range(end, k - 1)):
        return False
    # Between the count's noun and the comma only a partitive of it, "من عائلة واحدة" (من and up to three words),
    # or adjectives of its origin ("مدنيين يمنيين"): the pronoun stands for the nearest noun ("قتل 3 مستوطنين في
    # عملية نفذتها خلية فلسطينية، هم 4 شبان"; "قتل 5 أشخاص بانفجار استهدف سوقا شعبيا، هم 3 رجال").
    noun_end = end + 1 if s.raws[index].kind != "dual" else end  # (a dual is its own noun)
    rest = [m for m in range(noun_end, k - 1) if s.owner[m] < 0]
    if not rest:
        return True
    if s.tokens[rest[0]].norm == "من":
        return len(rest) <= 4 and not any(s.lex.human_nouns.at(s.forms, m) and m != rest[1] for m in rest[1:])
    return all(nisba(s, m) for m in rest)


def of_them_after(s: Sentence, j: int, noun: Counted | None) -> bool:
    """ "of them" right after the count's noun (or the count): a part of the count before it."""
    k = noun.token + 1 if noun is not None and noun.token >= j else j
    return k < len(s.tokens) and s.tokens[k].norm in s.lex.of_them


_ANTECEDENT_REACH = 30  # tokens before "N منهم" in which the people it takes a part of are named
_SUBJECT_MARKS = frozenset(normalize(w) for w in ("أن", "إن", "وأن", "وإن", "بأن", "وبأن", "لأن", "فإن"))


def _antecedent(s: Sentence, i: int) -> str:
    """The category of the people "منهم" stands for after a count with no count of people before it: the nearest
    noun for people before the count, when it is the subject after "أن"/"إن" and names what befell them ("أن
    المصابين", "إن القتلى"). "" (so: other people) when anything suggests "منهم" may stand for someone else or
    the noun means something else (an adversarial review, 97 sentences): another subject after أن/إن between
    ("وإن الغرقى …، وإن 5 منهم"), members, kin ("ذويهم") or a plural the lexicon does not know ("المعتصمون")
    between, a noun that names nothing ("الركاب") or stands elsewhere in its clause ("صور القتلى"), escapees
    ("الفارين من القصف": fleeing), former detainees ("المعتقلين السابقين"), guests ("نزلاء" of a hotel, no prison
    named), kidnappers ("المختطفين طالبوا بفدية"), the ill (an illness anywhere in the sentence, "المصابين ب…"
    with no wound), or a number between (its count, not the pronoun's)."""
    last = s.prev(i)
    for k in range(last, max(i - _ANTECEDENT_REACH, 0) - 1, -1):
        if s.owner[k] >= 0:
            return ""
        tok = s.tokens[k]
        if k < last and tok.norm in _SUBJECT_MARKS and s.lex.human_nouns.at(s.forms, k + 1) is None:
            return ""  # another subject ("وإن الغرقى", "وأن الموتى", "وإن الذين"): "منهم" is nearer to it
        hit = s.lex.human_nouns.at(s.forms, k)
        if hit is None:
            if s.has(k, s.lex.member_nouns) or tok.norm in s.lex.kin_words:
                return ""  # "مع عناصر الشرطة", "ذويهم": other people named between
            if tok.kind == "word" and tok.norm not in s.lex.people_relatives and _unknown_plural(tok.forms):
                return ""  # "المعتصمون", "السجانين", "الغواصين": a plural the lexicon does not know
            continue
        found = hit[1] or ""
        if not found or found not in _CARRIED or k == 0 or s.tokens[k - 1].norm not in _SUBJECT_MARKS:
            return ""
        after = s.tok(k + 1)
        if after is not None and (after.norm in s.lex.former_words or (found == "hostages" and after.norm in s.lex.kidnapper_verbs)):
            return ""  # "المعتقلين السابقين"; "المختطفين طالبوا بفدية": the kidnappers
        if found == "detained" and tok.norm in s.lex.guest_words and not s.prison:
            return ""  # a hotel's guests, a care home's residents
        if found == "wounded" and (s.mentions(s.lex.illness_words, "illness")
                                   or (after is not None and after.norm.startswith("ب") and after.norm not in s.lex.wound_words)):
            return ""  # an illness anywhere in the sentence; "المصابين ب…" only with a wound
        if undone(s, found, k + 1) or (found == "wounded" and outbreak(s)):
            return ""
        return found
    return ""


_CARRIED = frozenset({"killed", "wounded", "missing", "detained", "displaced", "hostages"})


def _unknown_plural(forms: tuple[str, ...]) -> bool:
    """A definite sound plural ("المعتصمين", "الغواصون"), not a nisba's ("السوريين")."""
    return any(f.startswith("ال") and len(f) >= 7 and f.endswith(("ين", "ون")) and not f.endswith(("يين", "يون"))
               for f in forms)


_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")  # (longest first)


def alongside(s: Sentence, i: int) -> str:
    """ "بعد اعتقاله مع 4 نشطاء آخرين": the count goes with someone a masdar right before "مع" names by its
    pronoun; what befell him befell them (not a weak cue, a sentence or a look-alike)."""
    k = s.prev(i)
    if k < 1 or not s.has(k, s.lex.company_before) or not s.is_word(k - 1):
        return ""
    norm = s.tokens[k - 1].norm
    suffix = next((p for p in _PRONOUNS if norm.endswith(p) and len(norm) - len(p) >= 4), "")
    if not suffix:
        return ""
    stem = norm[:-len(suffix)]
    stem = stem[:-1] + "ه" if stem.endswith("ت") else stem  # "إصابتهم" → "إصابه"
    found = next((v for f in {stem, stem.removeprefix("و"), stem.removeprefix("ب"), stem.removeprefix("ل")}
                  if (v := s.lex.cues_before.word(f))), None)
    return "" if not found or found.startswith(WEAK) or found in ("none", "sentence") else found


_TOLL_LINK_REACH = 6  # "إلى ما لا يقل عن 55": a qualifier of up to four words between the link and the number


def toll_of(s: Sentence, i: int) -> str:
    """ "ارتفع عدد القتلى … إلى 41 شخصا": a toll named before, the number after إلى / بلغ (no other number
    between)."""
    toll = s.tolls[i] if i < len(s.tolls) else None
    if toll is None or not toll[1] or i - toll[0] > 25:
        return ""  # ("": the last count named was of no toll: "عدد السكان")
    for k in range(i - 1, max(i - _TOLL_LINK_REACH, 0) - 1, -1):
        if s.owner[k] >= 0:
            return ""  # another number between: the link is its own
        if s.has(k, s.lex.toll_links):
            break
    else:
        return ""
    return "other people" if undone(s, toll[1], toll[0] + 1) else toll[1]  # "عدد المصابين بفيروس … إلى 300": ill


def versus_count(s: Sentence, i: int, seen: Seen) -> str:
    """ "وقتل 60 عنصرا من قوات النظام وحلفائها مقابل 34 مقاتلا": a count right after مقابل (versus_words; a qualifier
    aside) shares the category of the count of people right before it, whatever nouns of its phrase stand between
    (up to ten tokens; no other number, clause's end, relative pronoun or verb in the plural). ("إلى جانب" and
    "بالإضافة إلى" were tried and taken out: they also join people fighting, deployed or present alongside.)"""
    k = s.before_qualifier(i)
    hit = s.lex.versus_words.ending(s.forms, k) if k >= 0 else None
    index = s.owner[i] - 1
    prior = seen.at(index)
    if hit is None or prior is None or prior.type != "people" or prior.category == "other people":
        return ""
    start = k - hit[0] + 1
    between = range(s.raws[index].j, start)
    if start - s.raws[index].j > 10 or any(s.boundary(m) or _clause_word(s, m) for m in between):
        return ""
    return prior.category


def _clause_word(s: Sentence, m: int) -> bool:
    """A relative pronoun, or a verb in the plural ("يقاتلون", "شاركوا": number_people.plural_verb, which knows the
    nouns shaped like one, "عضوا"), joined by و or not: a clause of its own between two counts."""
    norm = s.tokens[m].norm
    bare = norm[1:] if norm[:1] in "وف" else norm  # ("وشاركوا", "والذي": another clause all the more)
    return bare in RELATIVE_PRONOUNS or (s.is_word(m) and not s.lex.human_nouns.at(s.forms, m) and plural_verb(s, bare))


def _spared(s: Sentence, j: int) -> bool:
    """A word of survival or rescue in the clause right after the count: "مقابل 140 راكبا تم إنقاذهم", "6
    مهندسين نجوا من الحادث"."""
    for k in range(j, min(j + 6, len(s.tokens))):
        if s.boundary(k):
            return False
        if s.lex.spared_words.at(s.forms, k):
            return True
    return False


def coordinated(s: Sentence, stopped: int, i: int) -> bool:
    """The number before (index `stopped` among the sentence's numbers) and this one joined by و ("و39",
    "ثلاثة ليبيين واثنين") or مقابل."""
    start, tok = s.raws[stopped].j, s.tokens[i]
    glued = s.text_at(i - 1) == "و" or (tok.norm.startswith("و") and tok.norm not in s.lex.number_words)
    return glued or any(s.lex.coordinators.at(s.forms, k) or s.tokens[k].norm.startswith("و")
                              for k in range(start, i) if s.tokens[k].kind == "word")


def group(s: Sentence, i: int, noun: Counted | None, seen: Seen, j: int = -1) -> str:
    """Who was counted: a country named with "من" right after the count (`j`: the token after it: "واثنين من
    الجزائر", "20 من مصر"); a group named in the noun phrase; "آخرين"/"منهم" take the group of the count
    before; a possessive ("جنودها") the first group the sentence names."""
    if 0 <= j < len(s.tokens) - 1 and s.tokens[j].norm == "من" and (country := s.lex.countries.at(s.forms, j + 1)) \
            and not _moved(s, i, j + 1 + country[0]):
        return NATIONALS + country[1]  # (an analyst: "ثلاثة ليبيين واثنين من الجزائر" showed the two as Libyans)
    if noun is None:
        return ""
    if noun.kind in ("others", "pronoun", "verb"):
        return seen.people.group if seen.people is not None else ""
    if noun.possessive and (noun.kind == "member" or armed(s, noun)):
        return s.group_before(noun.token)  # "جنودها", "عناصره": the group named last before (not "أشقاءه": his
        #                                   brothers; the first a sentence names is not always whose: "أعلنت قوات
        #                                   المعارضة … بعد اشتباكات مع قوات الأسد … ومقتل العشرات من عناصرها")
    generic = ""
    k = noun.token
    after_generic = -1  # where the words of fighters or forces of no one in particular end
    while k < min(noun.token + _GROUP_WINDOW, len(s.tokens)):
        if k > noun.token and (s.owner[k] >= 0 or s.boundary(k) or stop_word(s, k)
                               or s.lex.group_agents.at(s.forms, k) is not None or s.tokens[k].norm in _AMONG):
            break  # (after "بنيران", "على يد", "نسب": who did it, not who was counted; after "بينهم": a part of them,
            #         "أربعين شخص بينهم أطفال" are not children)
        hit = s.lookup(s.lex.groups, k)
        found = hit[1] if hit else ""
        if k > noun.token and not hit and s.tokens[k].kind == "word" and s.tokens[k].norm[:1] in "بل" \
                and len(s.tokens[k].norm) >= 3 and s.tokens[k].norm not in _NOT_GLUED:
            break  # a word with "ب" or "ل" on it: what the people did or had done to them, whose group follows it
            #        ("3 أشخاص بمد حزب الله بأجزاء طائرات": not Hezbollah's; "عشرات من القرويين بجر هؤلاء النسوة")
        if found in _WOMEN_AND_CHILDREN and k > noun.token and s.tokens[k].norm.startswith("و") \
                and not s.lookup(s.lex.groups, noun.token):
            return ""  # "1012 رجلا وامرأة": men and women, not women (an adversarial review)
        if found in _WOMEN_AND_CHILDREN and k + hit[0] + 1 < len(s.tokens) \
                and s.tokens[k + hit[0]].norm.startswith("و") and s.tokens[k + hit[0]].norm[1:] \
                and (other := s.lookup(s.lex.groups, k + hit[0])) and other[1] in _WOMEN_AND_CHILDREN - {found}:
            return "civilians"  # "30 سيدة وطفلا", "نساء وأطفال": women and children together
        if generic in s.lex.unnamed_groups:  # fighters or forces of no one in particular, seen first: only an
            if found in s.lex.organisations:  # organisation the words go on to name wins ("مسلحين حوثيين", "مسلحي
                #                               بوكو حرام", "جنود من الجيش العراقي"; not "3200 مسلح وعائلاتهم"),
                return generic if _joined(s, after_generic, k) else found  # and not another side joined by و
        elif found in s.lex.unnamed_groups:  # ("القوات الحكومية والحوثيين", "قوات الأمن وعناصر حركة الشباب")
            generic, after_generic = found, k + hit[0]
        elif found and found != "people":
            return found
        elif found and not generic:
            generic = found
        k += hit[0] if hit else 1
    if generic in ("", "people"):  # no group of groups: a nationality the noun or its adjective names
        for m in (noun.token, noun.token + 1):
            if m < len(s.tokens) and (country := _nationality(s, m)):
                return NATIONALS + country  # "قتل 60 فلسطينيا", "5 أشخاص فلسطينيين": Palestinians
    if generic == "militants" and not s.lex.extremist_nouns.isdisjoint(s.tokens[noun.token].forms) \
            and len(named := _sides_named(s)) == 1:
        return named.pop()  # "ضد جماعة بوكو حرام … فجر انتحاريان", "التحالف الدولي لمحاربة تنظيم داعش، عن قتل 23
        #                     إرهابيا … من قبل قوات سوريا الديمقراطية"
    if generic == "forces" and (own := s.lookup(s.lex.groups, noun.token)) and own[1] == "forces" \
            and noun.token + own[0] < len(s.tokens) and (country := _nationality(s, noun.token + own[0])):
        return s.lex.forces_groups.get(country, FORCES + country)  # "40 جندي تركي", "سبعة جنود إسرائيليين", "عسكريان
        #                                                           تركيان": that country's forces
    return generic


def _sides_named(s: Sentence) -> set[str]:
    """The organisations the sentence names other than as who says so (right after or before a verb of saying: "قالت
    قسد إنها قتلت 20 إرهابيا" names the SDF's enemies, not the SDF) or as who did it ("من قبل قوات سوريا
    الديمقراطية", "على يد"): the side "terrorists" of the sentence may be."""
    named, excluded = set(), set()
    k = 0
    while k < len(s.tokens):
        hit = s.lookup(s.lex.groups, k)
        if not hit:
            k += 1
            continue
        if hit[1] in s.lex.organisations:
            if (k > 0 and (s.lex.reporting_words.ending(s.forms, k - 1) or s.lex.group_agents.ending(s.forms, k - 1))) \
                    or s.lex.reporting_words.at(s.forms, k + hit[0]):
                excluded.add(hit[1])
            else:
                named.add(hit[1])
        k += hit[0]
    return named - excluded  # (its name again in brackets or marks is the same mention: "قوات سوريا الديمقراطية "قسد"")


def _moved(s: Sentence, i: int, after: int) -> bool:
    """The count's "من" + country names where they came from or another country follows it (an adversarial review:
    "ترحيل 150 من السعودية إلى إثيوبيا", "12 من المغرب وتونس"): a verb or masdar of moving within three words before
    the count, "إلى" after the country, or a second country joined to it."""
    if any(s.tokens[m].norm in s.lex.moving_words or s.tokens[m].norm.removeprefix("و") in s.lex.moving_words for m in range(max(0, i - 3), i)):
        return True
    nxt = s.tokens[after].norm if after < len(s.tokens) else ""
    return nxt in ("الي", "إلى") or (nxt.startswith("و") and s.lex.countries.at(
        [(nxt[1:],)] + [t.forms for t in s.tokens[after + 1:after + 3]], 0) is not None)


def _joined(s: Sentence, start: int, k: int) -> bool:
    """A word joined by و between start and the group phrase at k, or the phrase's own first word with it: another
    side, coordinated ("والحوثيين", "وعناصر حركة الشباب"); not a phrase that starts with و of its own ("وحدات")."""
    if any(s.tokens[m].norm.startswith("و") for m in range(max(start, 0), k)):
        return True
    norm = s.tokens[k].norm
    return norm.startswith("و") and norm not in s.lex.groups.forward


def _nationality(s: Sentence, k: int) -> str:
    """The country (the rules' countries label) whose people the word at k names, as a noun or an adjective in
    the masculine ("فلسطيني", "فلسطينيا", "فلسطينيين", "فلسطينيون", "فلسطينيان"; with the article or a و), or ""."""
    tok = s.tokens[k]
    if tok.kind != "word":
        return ""
    for form in tok.forms:
        if form in s.lex.nationality_plurals:
            return s.lex.nationality_plurals[form]  # a broken plural: "جنود أتراك", "مقاتلين روس"
        for ending, cut in (("يين", 2), ("يون", 2), ("يان", 2), ("يا", 1), ("ي", 0)):
            if form.endswith(ending) and len(form) - cut >= 3:
                word = form[:len(form) - cut]
                country = s.lex.countries.word(word[2:] if word.startswith("ال") else word)
                if country and word.endswith("ي"):
                    return country
    return ""


def stop_word(s: Sentence, k: int) -> bool:
    tok = s.tokens[k]
    if tok.kind != "word":
        return tok.text not in ("\"", "“", "”")
    return tok.norm not in s.lex.group_pass and tok.forms[0] in s.lex.function_words or tok.norm.startswith("لل")
