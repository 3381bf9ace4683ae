"""One sentence prepared for typing its numbers: tokens, the numbers found, what the sentence is about
(a match report, an earthquake …) and the scans of a number's own clause, before and after it.

Everything here is computed once per sentence or reads a bounded window of tokens, so typing every
number of a sentence stays linear in its length.
"""

from __future__ import annotations

from typing import Any

import pyarabic.araby as araby

from ..arabic import RELATIVE_PRONOUNS
from ..models import Number
from .number_lexicon import WEAK, Lexicon, Phrases
from .number_spans import Finder, Raw
from .number_tokens import Token, article, tokenize

BOUNDARY_MARKS = frozenset("،,؛;.:!؟?()[]{}«»…-–—")
OPEN_MARKS = frozenset("(«\"“”'[")
CLOSE_MARKS = frozenset(")»\"“”']")
QUOTES = frozenset("\"“”'")
CLITIC_TOKENS = frozenset({"ال", "بال", "وال", "لل", "فال", "كال", "ب", "ل", "و", "ف", "ك"})
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه", "نا", "كم")
_CLEARING = frozenset({"اخلي", "اخلت", "اخلوا", "يخلي", "يخلون", "واخلي", "واخلت", "واخلوا", "ويخلي"})  # (normalised)
_ASIDE_OPENERS = frozenset({"وهي", "وهو", "وهم", "وهما", "التي", "الذي", "الذين", "اللتين", "اللذين"})
BEFORE, AFTER = 8, 18  # how far a clause scan reads, in tokens (after: words of the clause)


class Seen:
    """The numbers typed so far in a sentence (one per number found, None for one dropped), with the latest
    of each kind a later number may refer to ("آخرين" → the count of people before)."""

    def __init__(self) -> None:
        self.numbers: list[Number | None] = []
        self.last: Number | None = None
        self.people: Number | None = None
        self.money: Number | None = None

    def add(self, number: Number | None) -> None:
        self.numbers.append(number)
        if number is not None:
            self.last = number
            self.people = number if number.type == "people" else self.people
            self.money = number if number.type == "money" else self.money

    def at(self, index: int) -> Number | None:
        return self.numbers[index] if 0 <= index < len(self.numbers) else None


_COMPLEMENT_MARKS = frozenset({"من", "في", "عن"})  # before a masdar that completes a verb ("تمكن من", "فشل في")


_WHILE = frozenset(("فيما", "بينما", "وفيما", "وبينما"))


def _owned(text: str) -> bool:
    """A word with a possessive pronoun on it ("ميليشياته", "عناصرها", "جنودهم"; not "عبدالله")."""
    text = text.rstrip("ًٌٍَُِّْ")
    return len(text) > 4 and text.endswith(("ه", "ها", "هم", "هن", "هما")) and not text.endswith("الله")


class Sentence:
    """A sentence's tokens and numbers, with what typing needs to look up around each number."""

    def __init__(self, lex: Lexicon, sentence: str) -> None:
        self.lex, self.text = lex, sentence
        self.tokens: tuple[Token, ...] = tokenize(sentence)
        self.forms = [t.forms for t in self.tokens]
        self.raws: list[Raw] = Finder(lex, self.tokens).find()
        if self.raws:
            self._survey()

    def _survey(self) -> None:
        """What typing a number reads about the whole sentence; only for a sentence with numbers (two of three
        sentences of a pile have none, and typing nothing reads nothing)."""
        lex = self.lex
        self.every_form = frozenset(f for forms in self.forms for f in forms)  # a table none of whose phrases
        #                                                      starts (or ends) with one of these is not here
        self._mentioned: dict[str, bool] = {}
        self.owner = [-1] * len(self.tokens)
        for index, raw in enumerate(self.raws):
            for k in range(raw.i, raw.j):
                self.owner[k] = index
        self.sport = self.mentions(lex.score_words)
        self.states = self.running(lex.state_context)
        self.quake = self.mentions(lex.magnitude_context)
        self.prison = self.mentions(lex.prison_words)
        self.tolls = self._tolls()
        self._first_group: str | None = None

    @property
    def first_group(self) -> str:
        """The first group the sentence names (its subject, as a rule: "قالت قوات سوريا الديمقراطية …")."""
        if self._first_group is None:
            hits = (self.lookup(self.lex.groups, k) for k in range(len(self.tokens)))
            first = next((h[1] for h in hits if h and h[1] != "people"), "")
            self._first_group = first
        return self._first_group

    def group_before(self, end: int) -> str:
        """Whose members a possessive at token `end` means: the group that says so, when the sentence opens with a
        verb of saying and that group and the count is in what it says ("وقالت قوات سوريا الديمقراطية … بمساعدة
        القوات التي تقودها الولايات المتحدة وإن 17 من جنودها قتلوا"); else the last group named before it ("بعد
        اشتباكات مع قوات الأسد أسفرت عن … مقتل العشرات من عناصرها"), not one that is someone's itself ("وأمر الحوثي
        بدفع عناصر من ميليشياته … بعد فرار المئات من مقاتليه"); else the first the sentence names."""
        lex = self.lex
        opening = 1 if self.tokens and lex.reporting_words.at(self.forms, 0) else 0
        speaker = self.lookup(lex.groups, opening) if opening else None
        if speaker and speaker[1] != "people" and any(
                (self.forms[m] and self.forms[m][0] in lex.that_words) or self.tokens[m].norm in _WHILE
                for m in range(opening + speaker[0], end)):
            return speaker[1]  # (or its own clause goes on after "فيما": "وأعلنت قوات الأمن العراقية مقتل 25 من عناصر
            #                    داعش، فيما قتل 4 من جنودها": its own, an adversarial review found)
        last, k = "", 0
        while k < end:
            hit = self.lookup(lex.groups, k)
            if hit and hit[1] != "people" and not _owned(self.tokens[k + hit[0] - 1].text):
                last = hit[1]
            k += hit[0] if hit else 1
        return last or self.first_group

    def mentions(self, table: Phrases, name: str = "") -> bool:
        """Whether a phrase of the table is in the sentence (computed once per sentence for a named table)."""
        if name in self._mentioned:
            return self._mentioned[name]
        found = not table.forward.keys().isdisjoint(self.every_form) and any(
            table.at(self.forms, k) for k in table.starts(self.forms))
        if name:
            self._mentioned[name] = found
        return found

    def _tolls(self) -> list[tuple[int, str] | None]:
        """For every token, the latest toll named before it: (its last token, its category). A toll is a phrase of
        toll_phrases ("عدد القتلى", "في مراكز الإيواء"), or the head of a count (count_heads "of": "عدد",
        "إجمالي عدد") and a noun for people that names what befell them ("عدد المفقودين", "عدد الجرحى"); the head
        and a noun for people that names nothing ("عدد السكان") is a count of its own, which ends the one before
        (category "")."""
        lex, forms = self.lex, self.forms
        out: list[tuple[int, str] | None] = []
        heads = not lex.count_heads.absent(forms)
        if not heads and lex.toll_phrases.backward.keys().isdisjoint(self.every_form):
            return [None] * len(self.tokens)
        last: tuple[int, str] | None = None
        pending: dict[int, tuple[int, str]] = {}  # the last token of a head + noun → (that token, category)
        for k in range(len(self.tokens)):
            out.append(last)
            if heads and (head := lex.count_heads.at(forms, k)) is not None and head[1] == "of":
                at = k + head[0]
                sized = at + 1 < len(self.tokens) and self.tokens[at].norm in lex.count_adjectives \
                        and self.tokens[at + 1].norm == "من"
                if sized:
                    at += 2  # "عددا قياسيا من المهاجرين"
                if (noun := lex.human_nouns.at(forms, at)) is not None and (
                        not sized or self._reaches(at + noun[0])):
                    end = at + noun[0] - 1
                    victims = noun[0] == 1 and self.tokens[at].norm in lex.toll_victims and (
                        at + 1 < len(self.tokens) and self.has(at + 1, lex.lethal_events))  # ("عدد ضحايا الفيضانات";
                    #                                       not of fraud or domestic violence: an adversarial review)
                    pending[end] = (end, "killed" if victims else noun[1] or "")  # ("عدد ضحايا الفيضانات": the dead)
            hit = lex.toll_phrases.ending(forms, k)
            if hit:
                last = (k, hit[1])
            elif k in pending:
                last = pending.pop(k)
        return out

    def _reaches(self, k: int) -> bool:
        """A verb of reaching at k with a number right after it ("بلغ 49550", "وصل إلى 5000"): not one of arriving
        ("وصل إلى المخيم الذي يديره 40 متطوعا") or of a peak ("بلغ ذروته")."""
        return k < len(self.tokens) and self.tokens[k].norm in self.lex.sized_links \
            and any(self.owner[m] >= 0 for m in range(k + 1, min(k + 3, len(self.tokens))))

    def running(self, table: Phrases) -> list[tuple[int, Any] | None]:
        """For every token, the latest phrase of the table that ends before it: (its last token, its value)."""
        out: list[tuple[int, Any] | None] = []
        if table.backward.keys().isdisjoint(self.every_form):
            return [None] * len(self.tokens)
        last = None
        for k in range(len(self.tokens)):
            out.append(last)
            hit = table.ending(self.forms, k)
            if hit:
                last = (k, hit[1])
        return out

    # --- single tokens -----------------------------------------------------------------------------
    def tok(self, k: int) -> Token | None:
        return self.tokens[k] if 0 <= k < len(self.tokens) else None

    def text_at(self, k: int) -> str:
        tok = self.tok(k)
        return tok.text if tok else ""

    def is_word(self, k: int) -> bool:
        tok = self.tok(k)
        return tok is not None and tok.kind == "word"

    def has(self, k: int, words: frozenset[str]) -> bool:
        tok = self.tok(k)
        return tok is not None and any(f in words for f in tok.forms)

    def bare_forms(self, k: int) -> list[tuple[str, ...]]:
        """The forms table with the word at k only as written or without its article ("الأشخاص")."""
        norm = self.tokens[k].norm
        own = (norm, norm[2:]) if norm.startswith("ال") and len(norm) > 4 else (norm,)
        return [*self.forms[:k], own, *self.forms[k + 1:]]

    def in_hashtag(self, k: int) -> bool:
        """The token is part of a hashtag ("#مجموعة_العشرين")."""
        back = k - 1
        while back >= 0 and self.tokens[back + 1].glued and self.text_at(back) not in ("#",) and k - back < 6:
            back -= 1
        return back >= 0 and self.text_at(back) == "#" and all(self.tokens[m].glued for m in range(back + 1, k + 1))

    def noun_forms(self, k: int) -> tuple[tuple[str, ...], bool]:
        """A word's forms, and the forms without a possessive pronoun ("جنودها" → جنود), with whether one was cut."""
        tok = self.tok(k)
        if tok is None or tok.kind != "word":
            return (), False
        if not self.possessive(k):
            return tok.forms, False
        cut = tuple(f[:-len(p)] for f in tok.forms for p in _PRONOUNS if f.endswith(p) and len(f) - len(p) >= 3)
        return tok.forms + cut, bool(cut)

    def possessive(self, k: int) -> bool:
        """The word ends with a pronoun as written ("جنودها", "بلاده"; not the taa marbuta of "جامعة")."""
        tok = self.tok(k)
        text = araby.strip_tashkeel(tok.text).replace("ـ", "") if tok is not None and tok.kind == "word" else ""
        return len(text) > 4 and text.endswith(_PRONOUNS)

    def lookup(self, table: Phrases, k: int) -> tuple[int, Any] | None:
        """A phrase of the table at k, the word also tried without a possessive pronoun."""
        hit = table.at(self.forms, k)
        if hit or not self.is_word(k):
            return hit
        forms, cut = self.noun_forms(k)
        if not cut:
            return None
        return table.at([*self.forms[:k], forms, *self.forms[k + 1:k + 6]], k)

    # --- around a number ---------------------------------------------------------------------------
    def prev(self, i: int) -> int:
        """The token right before the number, past an opening mark or an article written apart ("الـ 49")."""
        k = i - 1
        while k >= 0 and k >= i - 3 and (self.text_at(k) in OPEN_MARKS or self.tokens[k].norm in CLITIC_TOKENS):
            k -= 1
        return k

    def next(self, j: int) -> int:
        """The token right after the number, past a closing mark."""
        k = j
        while k < len(self.tokens) and k < j + 2 and self.text_at(k) in CLOSE_MARKS:
            k += 1
        return k

    def ends_before(self, table: Phrases, i: int, reach: int = 1) -> tuple[int, Any] | None:
        """A phrase of the table ending within `reach` words before the number (marks and articles skipped)."""
        k = self.prev(i)
        for _ in range(reach):
            if k < 0:
                return None
            hit = table.ending(self.forms, k)
            if hit:
                return hit
            k -= 1
        return None

    def boundary(self, k: int) -> bool:
        tok = self.tokens[k]
        if tok.kind == "punct":
            return tok.text in BOUNDARY_MARKS
        return tok.kind == "word" and tok.norm in self.lex.boundary_words

    def reaped(self, k: int) -> bool:
        """A verb of reaping within six words before "أرواح" at k, in its clause and not denied: "حصدت الحرب أرواح"."""
        for m in range(k - 1, max(k - 7, -1), -1):
            if self.boundary(m):
                return False
            if self.has(m, self.lex.reap_verbs):
                return not self.negated(m, m)
        return False

    def scan_before(self, i: int, deny: bool = True) -> tuple[str, int]:
        """The nearest cue in the clause before the number: (category or "", index of the number that ended
        the scan or -1). A word joined by و that is no cue starts another conjunct and ends the clause;
        "مصرع وإصابة العشرات" (killed and wounded, coordinated) counts as killed. A denied cue names nothing
        ("لم يقتل أي من الجنود العشرة") unless an exceptive stands between ("لم يقتل سوى جندي واحد", "لم يتم
        اعتقال إلا شخصين": past "إلا", which otherwise ends the clause); `deny` False reads the cue as written
        (whether the number counts people: "لم يتم اعتقال سوى 5" does)."""
        if reached := self.reached(i):
            return reached, -1
        k = self.prev(i)
        stop = max(i - BEFORE, 0)
        past = False  # past an exceptive "إلا": only a denied cue before it governs the number
        past_day = False  # past a day closed by a comma right before the number
        while k >= stop:
            if self.text_at(k) == ")":
                k = self.skip_parenthesis(k)
                continue
            if self.text_at(k) in QUOTES or self.text_at(k) == "/":
                k -= 1
                continue
            if self.owner[k] >= 0:
                return "", self.owner[k]
            if (aside := self.aside(k)) is not None:
                k = aside  # "واعتقل الأمن، الاثنين، العشرات": a day between commas is not a clause
                continue
            if k >= self.before_qualifier(i) - 1 and (opened := self.aside_opened(k)) is not None:
                stop = max(stop - (k - opened), 0)  # "اعتقلت السلطات في تركيا، وهي عضوة في حلف شمال الأطلسي، حوالي
                k = opened - 1  #                     160 ألف شخص": who or what the aside between commas tells
                continue
            if k == self.before_qualifier(i) - 1 and self.tokens[k].norm in RELATIVE_PRONOUNS \
                    and self.is_word(k + 1) and self.cue_ending(k + 1) is None:
                return "", -1  # "قتل الرجل الذي أنقذ 30 طفلا": the count is the object of the relative clause's verb
            if k == self.prev(i) and (closed := self.day_closing(k)) is not None:
                k, past_day = closed, True  # "وأعدم التنظيم في الرقة اليوم السبت، شخصين": the verb's day, then its
                continue  #                   object
            if past_day and self.is_word(k) and self.lex.human_nouns.at(self.forms, k):
                return "", -1  # "وقتل جندي اليوم السبت، 20 آخرون أصيبوا": the verb has its own people before the day
            if self.boundary(k) or self.condition_opens(k):
                if deny and not past and self.exceptive(k):
                    past, k = True, k - 1
                    continue
                return "", -1
            if self.has(k, self.lex.lives_words) and self.reaped(k):
                return "killed", -1  # "وحصدت الحرب في سوريا أرواح 300 ألف شخص"
            hit = self.cue_ending(k)
            if hit and self.lex.masdars.ending(self.forms, k) and self.object_between(k, i):
                if hit[1].startswith("~"):
                    k -= 1  # "خلال الهجوم وما لحقه من قصف واشتباكات 63": a weak masdar names nothing here
                    continue
                return "", -1  # the masdar's own object stands between it and the number
            if hit and deny and hit[1] != "none":
                denied = self.negated(k - hit[0] + 1, k)
                if denied and not past and self.until_after(self.raws[self.owner[i]].j if self.owner[i] >= 0 else i):
                    denied = False  # "not until": it happened
                if (denied and not past and not self.excepted(k + 1, i)) or (past and not denied):
                    return "", -1  # denied, nothing excepted; or "إلا" after a cue not denied (another clause)
            if hit and hit[1] == "attackers" and self.object_between(k, i):
                return "", -1  # "هاجم دب أشيب واحدا": the subject stands between, the number is attacked
            if hit and hit[1] == "sentence":  # "قضت … بإعدام 17" (sentenced), "قامت السلطات بإعدام 5" (killed)
                return ("killed" if self.carried_out(k - hit[0]) else ""), -1
            if hit:
                first = self.cue_ending(k - hit[0])
                second = self.tokens[k - hit[0] + 1].norm
                if hit[1] == "wounded" and first and first[1] == "killed" and first[0] == 1 and second.startswith("و") \
                        and (self.lex.masdars.ending(self.forms, k - hit[0]) or second[1:] in self.lex.wounding_verbs
                             and not self.has(self.raws[self.owner[i]].j, self.lex.others_words)):
                    return "killed", -1  # "مصرع وإصابة العشرات", "قتل وجرح آلاف" (not "عسكريا قتل وجرح اثنان آخران")
                if hit[1] == "displaced" and any(self.tokens[m].norm in self.lex.release_words for m in range(k + 1, i)):
                    return "", -1  # "أخلت السلطات سبيل 12 متظاهرا": released, not evacuated
                if hit[1] == "displaced" and self.tokens[k].norm in _CLEARING \
                        and self.text_at(self.before_qualifier(i)) in ("من", "عن"):
                    return "", -1  # "وأخلى القاضي قاعة المحكمة من 40 صحفيا": a place cleared of them (an adversarial
                    #                review)
                if hit[1] == "killed" and self.tokens[k].norm.removeprefix("و") in ("استشهد", "استشهدت") \
                        and any(self.is_word(m) and self.tokens[m].norm.startswith("ب") for m in range(k + 1, min(k + 4, i))):
                    return "", -1  # "واستشهدت المحكمة بأقوال 12 شاهدا": cited, not martyred
                if hit[1] == "arrested" and self.arrested_again(k - hit[0] + 1, k):
                    return "recaptured", -1  # "أعادت قوات سوريا الديمقراطية القبض على": arrested again
                return ("" if hit[1] == "none" else hit[1]), -1
            if self.tokens[k].kind == "word" and self.tokens[k].norm.startswith("و") and self.tokens[k].norm != "و" \
                    and not self.tokens[k].norm.endswith("ات") and self.tokens[k].norm not in self.lex.scan_through:
                return self.conjoined_masdar(k, i), -1  # "وسجن 29 آخرين": another verb or masdar, another
            #                                             clause (not "واشتباكات"), unless conjoined with a cue
            k -= 1
        return "", -1

    def strong_cue(self, i: int, j: int) -> str:
        """The category a cue of the clause gives the number from i to j, before it or else after it, when that
        cue makes a number a count of people (not one of people_cues: "ضبط" also seizes goods); else ""."""
        for cue in (self.scan_before(i, deny=False)[0], self.scan_after(j, deny=False)):
            if cue and not cue.startswith(WEAK):
                return cue
        return ""

    def negated(self, start: int, end: int) -> bool:
        """The cue from token start to end is denied: one of denials right before its verb ("لم يقتل", "ولن
        يعتقل"; before a masdar past an auxiliary: "لم يتم اعتقال"; "لم شمل" is a reunion, no denial), one of
        denying_masdars right before its masdar or verb, or before "أن" and it ("عدم اعتقال", "دون أن يصاب")."""
        lex, k = self.lex, start - 1
        if self.unable(k):
            return True
        auxiliary = self.is_word(k) and self.tokens[k].norm in lex.denial_auxiliaries
        if auxiliary:
            k -= 1
        if not self.is_word(k):
            return False
        if self.tokens[k].norm == "ان" and k >= 1:
            return self.has(k - 1, lex.denying_masdars) and not self._denied_before(k - 1)  # "دون أن يصاب"
        if self.has(k, lex.denying_masdars):
            return not self._denied_before(k)
        denial = self.has(k, lex.denials) or self.tokens[k].text.lstrip("وف") in ("ألا", "لئلا")  # ("يجب ألا
        #                                                                    يقتل": أن + لا, written as one)
        return denial and (auxiliary or not lex.masdars.ending(self.forms, end))

    def unable(self, k: int) -> bool:
        """Before a cue's masdar at k + 1: a verb of being able denied, or of failing, whose complement the masdar
        is: right after "من"/"في"/"عن" (or, for استطاع, right after the verb or its subject), with at most three
        words of its subject between and no conjunct ("لم تتمكن السلطات من اعتقال 4", "لم يستطع الأمن اعتقال 3",
        "فشلت الشرطة في اعتقال 5": no one arrested; not "تمكنت الشرطة من اعتقال 5", "فشل الهجوم وأسفر عن مقتل 3",
        "لم تتمكن الشرطة من منع مقتل 6": a failure to prevent)."""
        lex = self.lex
        preposition = self.is_word(k) and self.tokens[k].norm in _COMPLEMENT_MARKS
        if preposition:
            k -= 1
        for m in range(k, max(k - 4, -1), -1):
            if not self.is_word(m) or self.boundary(m) or self.owner[m] >= 0:
                return False
            if self.has(m, lex.failing_verbs):
                return preposition
            if self.has(m, lex.able_verbs):
                direct = not self.tokens[m].norm.lstrip("وف").startswith(("تمكن", "يتمكن", "تتمكن", "نتمكن"))
                return (preposition or direct) and m >= 1 and self.has(m - 1, lex.denials)
            if m < k and self.tokens[m].norm.startswith(("و", "ف")) and self.tokens[m].norm not in ("و", "ف"):
                return False  # a conjunct: another clause ("فشل الهجوم وأسفر عن …")
            if self.cue_ending(m) is not None:
                return False  # another cue between ("من منع مقتل"): the verb is not this cue's
        return False

    def subject_unable(self, j: int, k: int) -> bool:
        """The count (ending at j) is the subject of a denied verb of being able right before it, whose complement
        is the cue at k after "من"/"في"/"عن" ("ولم يتمكن 200 شخص من الفرار": they did not flee)."""
        led = self.is_word(k) and self.tokens[k].norm in _COMPLEMENT_MARKS  # (the cue may begin with it: "من
        #                                                                      الفرار")
        if k < 1 or not (led or (self.is_word(k - 1) and self.tokens[k - 1].norm in _COMPLEMENT_MARKS)) or j < 1 \
                or self.owner[j - 1] < 0:
            return False
        i = self.raws[self.owner[j - 1]].i
        return i >= 2 and self.has(i - 1, self.lex.able_verbs) and self.has(i - 2, self.lex.denials)

    def condition_opens(self, k: int) -> bool:
        """A clause of condition or of what must come first starts at k: "ما لم" / "إذا لم" (unless, if not), "في
        حال(ة)" (in case), "حتى" before a verb (until): the count after it is that clause's, not the cue's before it
        ("يهدد المسلحون بقتل الرهائن ما لم يتم الإفراج عن 200 معتقل": no one of the 200 is killed)."""
        norm = self.tokens[k].norm if self.is_word(k) else ""
        before = self.tokens[k - 1].norm if k >= 1 and self.is_word(k - 1) else ""
        if norm == "لم":
            return before in ("ما", "وما", "اذا", "واذا")
        if norm in ("حال", "حاله"):
            return before in ("في", "وفي")
        if norm in ("حتي", "وحتي") and self.is_word(k + 1) and self.owner[k + 1] < 0:  # (not "حتى تسعة")
            after = self.tokens[k + 1].norm
            return after[:1] in ("ي", "ت") and len(after) >= 3 and not after.startswith(("يوم", "تاريخ")) \
                and not self.lex.months.at(self.forms, k + 1)  # (a verb: not "حتى يوم الأحد", "حتى تموز")
        return False

    def _denied_before(self, k: int) -> bool:
        """A denial within four words before "دون"/"عدم" at k, in its clause: two denials affirm ("لم يحل دون مقتل
        14": they were killed; "لا يكاد يمر يوم دون اعتقال 10")."""
        for m in range(k - 1, max(k - 5, -1), -1):
            if not self.is_word(m) or self.boundary(m):
                return False
            if self.denies(m):
                return True
        return False

    def denies(self, m: int) -> bool:
        """One of denials at m, not the first word of one of their lookalikes ("لا يزال": still; "ما لا يقل عن")."""
        return self.has(m, self.lex.denials) and not self.has(m + 1, self.lex.denial_lookalikes)

    def until_after(self, j: int) -> bool:
        """After the count (ending at j), in its clause, "إلا" and a word of time: a denial that says "not until"
        ("ولم يتم اعتقال المتهمين الأربعة إلا بعد أسبوعين": they were arrested)."""
        for m in range(j, min(j + 12, len(self.tokens) - 1)):
            if self.is_word(m) and self.tokens[m].norm in ("الا", "والا") and self.has(m + 1, self.lex.until_words):
                return True
            if self.boundary(m):
                return False
        return False

    def exceptive(self, k: int) -> bool:
        """An exceptive at k: "إلا", "سوى" (not "إلا أن": however), "غير" before an indefinite word (not "غير
        المسلحين": an adjective)."""
        if not self.is_word(k) or not self.has(k, self.lex.exceptives) or "ألا" in self.tokens[k].text:
            return False  # ("ألا": that … not, or "shall not", normalised like "إلا")
        after = self.tok(k + 1)
        if after is None or after.kind != "word":
            return after is not None and after.kind == "num"
        if "غير" in self.tokens[k].forms:
            return not article(after.text)
        return after.norm not in ("ان", "انه", "انها", "انهم", "انهما")

    def excepted(self, start: int, end: int) -> bool:
        """An exceptive between tokens start and end (exclusive)."""
        return any(self.exceptive(m) for m in range(start, end))

    def denied_one(self, i: int, j: int) -> bool:
        """ "لم تسجل حالة وفاة واحدة", "لا يوجد طبيب واحد": "واحد" (one word at i) under a denial in its clause,
        within ten tokens before (a year between: "ولم تسجل البلاد منذ 2015 وفاة واحدة"): not a single one, no
        count of one. Not past an exceptive ("لم يقتل سوى جندي واحد": one killed), a verb of being, "أو", "بينها"
        (denial_breaks, subset_cues), a conjunct or a cue verb not denied ("لم يصب أحد وتوفي شخص واحد"); not before
        "فقط" (only one); not "لا يزال" (still), "لم شمل" (a reunion): denial_lookalikes."""
        lex = self.lex
        if j != i + 1 or not self.has(i, lex.one_words) or self.has(j, lex.one_restrictions):
            return False  # ("أطفالا أو طفل واحد فقط": only one)
        for k in range(i - 1, max(i - 11, -1), -1):
            if self.owner[k] >= 0:
                raw = self.raws[self.owner[k]]
                if raw.kind == "digits" and isinstance(raw.value, int) and 1000 <= raw.value <= 2100:
                    continue
                return False
            if self.boundary(k) or self.exceptive(k) or self.has(k, lex.denial_breaks) \
                    or lex.subset_cues.ending(self.forms, k):
                return False  # (a clause of its own: "29 حالة لم يتم نقلها كان بينها حالة وفاة واحدة")
            if self.has(k, lex.denying_masdars) or self.denies(k):
                return True
            if self.tokens[k].norm in RELATIVE_PRONOUNS or self.tokens[k].norm[1:] in RELATIVE_PRONOUNS:
                return False  # a clause of its own: "الهجوم الذي أدى إلى مقتل جندي واحد"
            hit = self.cue_ending(k)
            if hit and (k < i - 1 or not (self.lex.masdars.ending(self.forms, k) or self.lex.human_nouns.at(self.forms, k)))\
                    and not self.negated(k - hit[0] + 1, k):
                return False  # a verb of what happened, or a masdar that governs the one counted, not denied: "لم
                #               يصب أحد بل قتل جندي واحد", "لم يصدر تعليق على وفاة معتقل واحد" (the masdar or the
                #               noun for people itself counted stays: "لم تسجل حالة وفاة واحدة", "عدم وجود معتقل واحد")
            if self.tokens[k].norm.startswith("و") and not hit and not self.lex.human_nouns.at(self.forms, k) \
                    and not self.has(k, lex.waw_stems):
                return False  # another conjunct (not "وفاة": a masdar; not "وجود": its و is the root's)
        return False

    def before_qualifier(self, i: int) -> int:
        """The token right before the number (prev), or before the qualifier that stands there ("نحو",
        "أكثر من")."""
        end = self.prev(i)
        hit = self.lex.qualifiers[0].ending(self.forms, end)
        return end - hit[0] if hit else end

    def reached(self, i: int) -> str:
        """ "عمليات اعتقال كبيرة طالت 160 ألف شخص": a verb of reaching right before the number (a qualifier
        aside) and, a few words before it, a campaign of a masdar of what happened ("حملة الاعتقالات التي
        شملت"): the masdar's category, weak (it never makes the number a count of people). Not a warrant or an
        attempt ("مذكرات اعتقال شملت", "محاولة اغتيال استهدفت"): only after a campaign noun."""
        end = self.before_qualifier(i)
        if end < 2 or not self.has(end, self.lex.reach_verbs):
            return ""
        for k in range(end - 1, max(end - 5, 0), -1):
            if self.boundary(k) or self.owner[k] >= 0:
                return ""
            hit = self.lex.campaign_masdars.at(self.forms, k)
            if hit and self.has(k - 1, self.lex.campaign_nouns):
                if not article(self.tokens[k].text) and any(
                        article(self.tokens[m].text) for m in range(k + 1, end)):
                    return ""  # "حملة اعتقال المطلوبين طالت": the masdar has an object of its own
                return hit[1]
        return ""

    def arrested_again(self, first: int, last: int) -> bool:
        """An arrest masdar ("القبض", "اعتقال") whose verb of repeating stands a few words before it, its subject
        between: "أعادت قوات سوريا الديمقراطية القبض" (not "أعادت … فتح المعبر واعتقلت": another verb)."""
        if not self.lex.masdars.ending(self.forms, last) or self.tokens[first].norm.startswith("و"):
            return False  # (not "أعادت … فتح المعبر والقبض على": the repeating verb's object is the opening)
        for m in range(first - 1, max(first - 5, -1), -1):
            if self.has(m, self.lex.again_verbs):
                return True
            if self.boundary(m) or self.tokens[m].kind != "word" or self.tokens[m].norm.startswith("و"):
                return False
        return False

    def conjoined_masdar(self, k: int, i: int) -> str:
        """ "تم توقيف وملاحقة حوالي 300": a word joined by و right before the number (a qualifier aside) and right
        after a masdar that names what happened: the two masdars govern the number together, so the cue's
        category; "" when the cue is weak or names nothing, or the masdar has an object of its own."""
        hit = self.cue_ending(k - 1)
        if hit is None or hit[1].startswith(WEAK) or hit[1] in ("none", "sentence") or article(self.tokens[k].text) \
                or not self.lex.masdars.ending(self.forms, k - 1) or self.object_between(k, i):
            return ""
        return hit[1]

    def aside(self, k: int) -> int | None:
        """A comma at k closing a day or time set off by commas ("، الاثنين،", "، أمس،"): the token before the
        opening comma, else None."""
        if self.text_at(k) not in (",", "،") or self.text_at(k - 2) not in (",", "،") or not self.is_word(k - 1):
            return None
        return k - 3 if self.has(k - 1, self.lex.day_asides) else None

    def aside_opened(self, k: int) -> int | None:
        """A comma at k closing an aside that a comma and "وهو/وهي/التي/الذي …" opened within 30 tokens before it,
        its later parts joined by "و" (no number, no sentence's end between): the opening comma, else None."""
        if self.text_at(k) not in (",", "،"):
            return None
        for m in range(k - 2, max(k - 31, -1), -1):
            if self.owner[m] >= 0 or self.text_at(m) in (".", "؟", "?", "!", ":", "؛", ";"):
                return None
            if self.text_at(m) in (",", "،"):
                if self.is_word(m + 1) and self.tokens[m + 1].norm in _ASIDE_OPENERS:
                    return m
                if not (self.is_word(m + 1) and self.tokens[m + 1].norm.startswith("و")):
                    return None  # (an aside goes on only by "و": "، وهي عضوة في الناتو، ولا تزال تطمح …،")
        return None

    def day_closing(self, k: int) -> int | None:
        """A comma at k, right before the count, closing the day of the clause's verb that no comma opened ("اليوم
        السبت،", "يوم الأحد،", "أمس،"): the token before that day, else None."""
        if self.text_at(k) not in (",", "،") or not self.is_word(k - 1) or not self.has(k - 1, self.lex.day_asides):
            return None
        if self.is_word(k - 2) and self.tokens[k - 2].norm in ("اليوم", "يوم"):
            return k - 3
        return k - 2 if self.tokens[k - 1].norm == "امس" else None

    def carried_out(self, k: int) -> bool:
        """A verb of carrying out ("قامت", "نفذت") in the clause before token k, within 12 tokens."""
        for m in range(k, max(k - 12, -1), -1):
            if self.has(m, self.lex.carried_out):
                return True
            if self.text_at(m) not in "()" and self.boundary(m):
                return False
        return False

    def object_between(self, k: int, i: int) -> bool:
        """A word other than particles and qualifiers between a masdar at k and the number at i."""
        end = self.before_qualifier(i)
        if self.tokens[i].kind == "word" and end == i - 1:
            end -= 1  # "مقتل الأشخاص الأربعة": the noun of a number word stands before it
        for m in range(k + 1, end + 1):
            tok = self.tokens[m]
            if tok.kind == "word" and tok.norm not in CLITIC_TOKENS and not self.has(m, self.lex.function_words):
                return not self.tokens[end].norm.startswith("ل")  # "اعتقال السلطات لـ 50": the object marker
        return False

    def skip_parenthesis(self, k: int) -> int:
        for back in range(k - 1, max(k - 6, -1), -1):
            if self.text_at(back) == "(":
                return back - 1
        return -1

    def cue_ending(self, k: int) -> tuple[int, str] | None:
        if k < 0:
            return None
        hit = self.cue_as_written(k)
        if hit and self.tokens[k].norm in self.lex.cue_lookalikes:
            return hit[0], WEAK + hit[1].lstrip(WEAK)  # "وفر": names what happened to people, never makes them
        return hit

    def cue_as_written(self, k: int) -> tuple[int, str] | None:
        hit = self.lex.cues_before.ending(self.forms, k)
        if hit:
            return hit
        hit = self.lex.flight_cues.ending(self.forms, k)
        if hit:
            return hit[0], "flight"
        hit = self.lex.people_cues.ending(self.forms, k)
        if hit and hit[1] == WEAK + "captured" and article(self.tokens[k - hit[0] + 1].text):
            return None  # the verb أسر never carries the article: "سمح للأسر بإنجاب طفلين" (families)
        if hit and hit[1] == WEAK + "attackers" and k - hit[0] >= 1 and self.tokens[k - hit[0]].norm == "في" \
                and article(self.tokens[k - hit[0] + 1].text) \
                and self.lex.cues_before.ending(self.forms, k - hit[0] - 1) is not None:
            return None  # "وقتل في الهجوم 7 أشخاص": what befell them in the attack (the verb before "في" says), not
            #              who made it ("وشارك في الهجوم 50 مسلحا", "هجوم 20 مسلحا")
        return hit

    def scan_after(self, j: int, deny: bool = True) -> str:
        """The first verb after the number (and its noun phrase) whose subject is the people counted:
        "17 من جنودها قتلوا". A number joined by و shares the verb ("77 … و 39 مقاتلا … قتلوا"); "، بما في
        ذلك …" is part of the noun phrase; a cue joined by و belongs to another clause."""
        k, budget = j, AFTER
        while k < len(self.tokens) and budget > 0:
            tok = self.tokens[k]
            if self.owner[k] >= 0:
                if not self.joined(k) and not self.dated(k):
                    return ""
                k = self.raws[self.owner[k]].j
                continue
            if tok.text in QUOTES or tok.text == "/":
                k += 1
                continue
            if tok.kind == "punct" and tok.text in ",،" and (hit := self.lex.subset_cues.at(self.forms, k + 1)):
                k += 1 + hit[0]
                continue
            if tok.kind == "punct" and tok.text in ",،" and self.lex.cues_after.at(self.forms, k + 1):
                k += 1  # "72,291 شخصا في جميع أنحاء البلاد، أصيبوا": an agreeing verb right after the comma
                continue
            if tok.kind == "punct" and tok.text in ",،" and (aside := self.lex.qualifiers[1].at(self.forms, k + 1)):
                k += 1 + aside[0]  # "لقي 4 مقاتلين روس، على الأقل، مصرعهم": the qualifier set off by commas
                if k < len(self.tokens) and self.tokens[k].text in ",،":
                    k += 1
                continue
            if self.boundary(k):
                return ""
            hit = self.lex.cues_after.at(self.forms, k)
            if hit and self.has(k, self.lex.adjacent_cues_after) and not self._adjacent(j, k, hit[0]):
                hit = None  # "مدينة نزحت إليها آلاف العائلات", "قضوا في السجن 10 سنوات": not the count's verb
            if hit:  # (before other_people: "وثلاثة منهم فقط موقوفون", the predicate is a noun for people)
                joined = tok.norm.startswith("و") and self.lex.cues_after.word(tok.norm) is None
                if hit[1] == "displaced" and self.returned(j, k):
                    return ""  # "عاد 300 شخص إلى منازلهم": a return that happened ends a displacement
                if deny and (self.negated(k, k + hit[0] - 1) or self.subject_unable(j, k)):
                    return ""  # "الجنود العشرة لم يصابوا": denied; "ولم يتمكن 200 شخص من الفرار": unable
                return "" if joined or hit[1] == "none" else hit[1]
            if self.other_people(k):
                return ""
            k, budget = k + 1, budget - 1
        return ""

    def _adjacent(self, j: int, k: int, length: int) -> bool:
        """A verb of adjacent_cues_after at k (its phrase `length` tokens long) is the count's: right after its noun
        (only the noun, or "من" and the noun, from j), and for one that also means "spent", no duration or number
        after it in its clause ("قضوا في السجن 10 سنوات"; a time unit before a definite noun is when: "قضوا خلال عمليات
        الإنقاذ ليلة الفيضان")."""
        if k - j > 2 or any(self.tokens[m].kind != "word" or (self.tokens[m].norm != "من"
                                                               and self.has(m, self.lex.function_words))
                            for m in range(j, k)):
            return False
        if not self.has(k, self.lex.spent_lookalikes):
            return True
        if any(self.has(m, self.lex.ruling_words) for m in range(k + 1, min(k + length + 2, len(self.tokens)))):
            return False  # "3 قضاة قضوا في الدعوى": ruled in the case
        for m in range(k + length, min(k + length + 8, len(self.tokens))):
            if self.boundary(m) or (self.tokens[m].kind == "punct" and self.tokens[m].text in ",،"):
                break
            if self.owner[m] >= 0 or self.tokens[m].kind == "num":
                return False
            norm = self.tokens[m].norm
            if norm.endswith("ا") and self.lex.time_units.word(norm[:-1]):
                return False  # "قضوا في البحر أياما", "سنينا"
            if (unit := self.lex.time_units.at(self.forms, m)) and not (
                    self.is_word(m + unit[0]) and self.tokens[m + unit[0]].norm.startswith("ال")):
                return False  # "قضوا خلال الصيف أسابيع" (not "ليلة الفيضان": when, not how long)
        return True

    def returned(self, j: int, k: int) -> bool:
        """A home reached ("إلى منازلهم", "لديارهم") at k by a return that happened, the counted people's own: the
        verb or participle right before it ("العائدين إلى منازلهم"), or a past verb right before the count with
        the home right after its noun ("عاد 300 شخص إلى منازلهم"); not "ما عادوا", "غير العائدين", nor "لم يتمكن
        50 ألف شخص من العودة إلى منازلهم" (still displaced)."""
        to = k >= 1 and self.tokens[k - 1].norm in ("الي", "الى")  # (normalised: إلى، الى، الي، إلي)
        if not (self.lex.home_words.at(self.forms, k) and (to or self.tokens[k].norm.startswith("ل"))):
            return False
        index = self.owner[j - 1] if j >= 1 else -1
        start = self.raws[index].i if index >= 0 else j
        before_home = k - 2 if to else k - 1
        for m in (before_home, start - 1):  # "العائدين إلى منازلهم", "عادوا إلى ديارهم"; "عاد 300 شخص إلى منازلهم"
            if m >= 0 and self.has(m, self.lex.return_verbs) and self.text_at(m - 1) not in ("ما", "غير", "لم", "لا"):
                return m == before_home or k - j <= 3  # (a verb before the count: the home right after its noun)
        return False

    def dated(self, k: int) -> bool:
        """A year right after its word ("عام 1985") inside the clause: "على سبعة جنود عام 1985 فأرداهم قتلى"."""
        raw = self.raws[self.owner[k]]
        return raw.kind == "digits" and raw.value is not None and 1000 <= raw.value <= 2100 and k == raw.i \
            and bool(self.lex.year_before.ending(self.forms, k - 1))

    def other_people(self, k: int) -> bool:
        """Nouns for people after a preposition other than a partitive من ("يحتفظ المدربون برأيهم في
        المتسابقين على أمل خطفهم"): a later verb's subject or object is them, not the number's."""
        before = self.tok(k - 1)
        return before is not None and before.norm != "من" and before.norm in self.lex.function_words \
            and self.lex.human_nouns.at(self.forms, k) is not None

    def joined(self, k: int) -> bool:
        """A number at k joined to the one before by و ("و 39", "و39")."""
        return self.tokens[k - 1].norm == "و" or self.tokens[k].norm.startswith("و")
