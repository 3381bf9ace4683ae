"""The analysis stage, per source: read each Arabic body sentence once and note what later stages need:
its memory key, its typed numbers, who says so, the day it states, its content words and how many of
who/what/when/where it states. Figures, cross-source links, stories, the summary and search read these
notes; nothing downstream rescans the Arabic.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ..arabic import content_words, normalize, term, text_key
from ..dates import days
from ..models import Article, Number, Paragraph, SentenceNote, Terms
from .numbers import claimant_of, continues, mentions_actor, numbers_in, outlet_aside, same_source, unnamed_speaker
from .places import report_places
from .protocol import attendance

_EVENT_WORDS = frozenset(normalize(w) for w in ("هجوم", "هاجم", "اشتباكات", "هروب", "قتل", "مقتل", "انفجار",
                                                "غارة", "قصف", "اعتقال", "فيضان", "زلزال"))
_DIGIT = re.compile(r"\d")  # (any script's digits: what ascii_digits maps are \d too)
_PLACE_NOUNS = ("مدينه", "محافظه", "سجن", "حي", "منطقه", "قريه", "ريف", "بلده", "مخيم")
_PLACE = re.compile(r"\b(?:في|ب)\s*(?:" + "|".join(_PLACE_NOUNS) + r")\b")


def facts(sentence: str, numbers: tuple[Number, ...], claimant: str, day: str) -> int:
    """How many of who / what (a count or an event) / when / where a sentence states."""
    normal = normalize(sentence)
    who = bool(claimant) or mentions_actor(sentence)
    what = bool(numbers) or bool(_DIGIT.search(sentence)) or not _EVENT_WORDS.isdisjoint(normal.split())
    where = any(map(normal.__contains__, _PLACE_NOUNS)) and _PLACE.search(normal) is not None  # (searched only
    #   where a noun of place stands: _PLACE needs one)
    return who + what + bool(day) + where


def note(sentence: str, published: str, previous_claimant: str = "") -> SentenceNote:
    """Everything the later stages read in one sentence."""
    numbers = numbers_in(sentence)
    own = claimant_of(sentence)
    if previous_claimant and _STATEMENT_SAYS.match(sentence) and normalize(own) in ("", "البيان", "التقرير"):
        own = previous_claimant  # "وتابع البيان: …", "وأضاف البيان أن": the statement of the speaker before goes on
    claimant = previous_claimant if previous_claimant and same_source(sentence) else own or (
        "" if previous_claimant and (unnamed_speaker(sentence) or outlet_aside(sentence)) else previous_claimant)
    #   ("وقال مسؤول إن": not the last named speaker's; "ويذكر أن …": the outlet's own)
    when, shown, _ = days(sentence, published)
    return SentenceNote(key=text_key(sentence), numbers=numbers, claimant=claimant, named=bool(own), stated_day=shown,
                        day=when,
                        words=content_words(sentence), facts=facts(sentence, numbers, claimant, shown))


def annotate_paragraph(paragraph: Paragraph, published: str, claimant: str = "", carry_first: bool = False) -> Paragraph:
    """Body paragraphs get a note per sentence; a sentence that names no one carries the attribution of the
    sentence before it in the same paragraph when it goes on with that speaker (a verb of saying with no subject,
    "the same source", inside the speaker's quotation, or a reference to the count they gave), else it is the
    outlet's (`claimant`: the last of the paragraph before; `carry_first`: the paragraph is the next part of one
    scraped block, segment.parts, and its first sentence goes on with that). Headings and captions get keys and
    numbers only."""
    if paragraph.kind != "body":  # their numbers go to the data, typed, never to the key figures
        notes = tuple(SentenceNote(key=text_key(s), numbers=numbers_in(s)) for s in paragraph.sentences)
    else:
        found = []
        inside = carry_first  # a quotation opened before the sentence and not closed yet (or a part of a block)
        last = claimant  # the last speaker named in the paragraph (or carried into it)
        quoted = False  # the sentence before closed a quotation: the outlet speaks again unless the speaker goes on
        for sentence in paragraph.sentences:
            named_before = bool(last) and (continues(sentence) or same_source(sentence))  # (none to go on with: unread)
            if named_before:
                claimant = last  # (the last speaker named, past narration between: "وبينت الهيئة في تقريرها أن")
            elif claimant and not _STATEMENT_SAYS.match(sentence) and not (not quoted and (
                    inside or refers_back(sentence) or (_QUOTE_MARKS.search(sentence) and _closes_unopened(sentence)))):
                claimant = ""  # the outlet narrates again: a sentence that names no speaker is the last one's only
                #                when it goes on with them ("وأضاف …", "المصدر نفسه"), stands inside their quotation,
                #                or counts what they counted ("ويشمل ذلك العدد"); an analyst's review found
                #                background ("وقتل العشرات في سلسلة تفجيرات بالعاصمة كابول خلال الشهور الماضية") and
                #                narration after a quotation credited to the speaker of a sentence before
            found.append(note(sentence, published, claimant))
            claimant = found[-1].claimant
            if claimant:
                last = claimant
            elif last and unnamed_speaker(sentence):
                last = ""  # ("وقال مسؤول إن": a speaker of its own)
            if inside or _QUOTE_MARKS.search(sentence):
                inside = _still_quoting(sentence, inside)
                quoted = _QUOTE_CLOSED.search(sentence) is not None
            else:
                quoted = False
        for k in range(len(found) - 1):  # "… فصل أكثر من ألفي طفل عن ذويهم. وذلك بحسب الإحصاءات الرسمية": the next
            if not found[k].named and found[k + 1].named and _THAT_PER.match(paragraph.sentences[k + 1]):  # sentence
                found[k] = replace(found[k], claimant=found[k + 1].claimant)  # says whose (an analyst's review)
        notes = tuple(found)
    whole = notes[0].key if len(notes) == 1 else text_key(paragraph.text)  # (one sentence: its own key)
    return replace(paragraph, notes=notes, key=whole)


_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
# A sentence that counts what the sentence before counted, or opens with a part of it: "ويشمل ذلك العدد 890 ألف
# حالة وفاة", "واوضحت (يونامي) … ان هذه الحصيلة تتضمن", "ومن بينهم 12 طفلا".
_REFERS_BACK = re.compile(r"(?<!\S)(?:ذلك|هذا|هذه|تلك)\s+(?:ال)?(?:عدد|حصيلة|حصيله|أرقام|ارقام|رقم|إحصائية|احصائية|"
                          r"إحصاءات|احصاءات|أعداد|اعداد)(?!\S)|(?:العدد|الحصيلة|الرقم)\s+(?:ذاته|نفسه|نفسها|ذاتها)(?!\S)"
                          r"|^\W*[وف]?(?:من\s+بينهم|بينهم|منهم|من\s+هؤلاء|ومن\s+بين\s+هؤلاء)(?!\S)"
                          r"|^\W*[وف]?(?:أدى|ادى|أسفر|اسفر|أوقع|اوقع|خلف|نتج\s+عن)\s+ذلك(?!\S)"
                          # what the event the speaker told did, named again: "قال المرصد إن الاشتباكات استمرت. وأسفرت
                          # المعارك عن مقتل 12" (an older test: the toll of the clashes SOHR described)
                          r"|^\W*[وف]?(?:أسفر|أسفرت|اسفر|اسفرت|أدى|أدت|ادى|ادت|خلف|خلفت|أوقع|أوقعت|اوقع|اوقعت)\s+ال\S+"
                          r"|^\W*(?:كما|و(?:أن|ان|أنه|انه|أنها|انها|أنهم|انهم|إن|إنه|انه))(?!\S)"
                          r"|(?<!\S)(?!(?:[وف]?(?:يقول|تقول|قال|قالت|يرى|ترى|رأى|يؤكد|أكد|اكد|يعتقد))\s)\S+\s+(?:آخرون|آخرين|اخرون|"
                          r"اخرين)(?!\w)"  # (others counted, not others who say: "ويقول آخرون إن")
                          r"|^\W*(?:[وف]?يعني|وهذا\s+يعني|وهو\s+ما\s+يعني|ما\s+يعني)(?!\S)"
                          # the breakdown of the toll the speaker gave: "ومن بين القتلى 14 طفلا", "والقتلى هم 12 طفلا",
                          # "ومعظم القتلى من النساء", "ونقل المصابون، وبينهم 10 أطفال"
                          r"|^\W*[وف]?(?:من\s+)?(?:بين\s+)?(?:معظم\s+|أغلب\s+|اغلب\s+|غالبية\s+|نصف\s+|أكثر\s+من\s+نصف\s+)?"
                          r"ال(?:قتلى|شهداء|ضحايا|جرحى|مصابين|مصابون|معتقلين|معتقلون|موقوفين|موقوفون|نازحين|نازحون|"
                          r"غرقى|مفقودين|مفقودون)(?!\S)"
                          r"|(?<!\S)[وف]?(?:من\s+)?(?:بينهم|بينهن)(?!\S)"
                          r"|(?<!\S)(?:هؤلاء|أولئك)(?!\S)|(?<!\S)(?:هذه|تلك)\s+(?:العائلات|الأسر|الحالات|الأعداد)(?!\S)"
                          r"|(?:ل|ال|لل)(?:حصيلة|حصيله)\s+(?:ذاتها|نفسها)(?!\S)"
                          # the statement the speaker issued, after an according word: "وبحسب البيان" (as the subject of a
                          # verb of saying, "وجاء في البيان", "وتابع البيان:", it is _STATEMENT_SAYS, read before this)
                          r"|^\W*[وف]?(?:بحسب|حسب|وفق|وفقا|وفقاً)\s+(?:ال|لل|ل)(?:بيان|تقرير)(?!\S)")
#   ("ويعني الوضع القائم أن": what the speaker's words mean; the breakdown and the statement: an adversarial review)
#   ("وادى ذلك الى مقتل ضابط": what the event the speaker told did; "كما لقي 115 مسلحا حتفهم": the speaker's list goes
#   on; "وأنه تم قبول …": the indirect speech goes on; "وقتل 3 آخرون": others than those the speaker counted)


def refers_back(sentence: str) -> bool:
    """Whether the sentence counts what the one before it counted ("ويشمل ذلك العدد", "هذه الحصيلة", "ومن بينهم",
    "ومن بين القتلى"), or goes on with the statement it quoted ("وجاء في البيان"): the same speaker's."""
    return _REFERS_BACK.search(sentence[:120]) is not None


# A sentence that says whose the one before it is ("وذلك بحسب الإحصاءات الرسمية"); not an agreement or a law ("وذلك بحسب
# الاتفاق المبرم مع الأمم المتحدة" names no speaker: an adversarial review).
_THAT_PER = re.compile(r"\W*وذلك\s+(?:بحسب|حسب|وفق|وفقا|وفقاً|طبقا|طبقاً|استنادا|نقلا)(?!\S)(?!\s*(?:عن\s+)?(?:ال|لل|ل)?"
                       r"(?:اتفاق|اتفاقية|قانون|قرار|خطة|أحكام|احكام|دستور|مادة|نظام|تعليمات)\S*)")
_STATEMENT_SAYS = re.compile(r"\W*[وف]?(?:جاء\s+في|ورد\s+في|تابع|أضاف|اضاف|أوضح|اوضح|أشار|اشار|ذكر|لفت|بين|أكد|اكد|قال)\S{0,2}"
                             r"\s+(?:ال)?(?:بيان|تقرير)(?![^\s:،,])")
_OPENS = {"«": "»", "“": "”"}
_QUOTE_MARKS = re.compile(r'["«»“”]')
_QUOTE_CLOSED = re.compile(r"[”»\"]\s*[.!?؟،,]*\s*$")  # a sentence that ends its quotation


def _closes_unopened(sentence: str) -> bool:
    """Whether the sentence closes a quotation it did not open (its speaker's words began before it)."""
    depth = 0
    for ch in sentence:
        if ch in _OPENS:
            depth += 1
        elif ch in ("»", "”"):
            if not depth:
                return True
            depth -= 1
    return False


def _still_quoting(sentence: str, inside: bool) -> bool:
    """Whether a quotation is open after the sentence (`inside`: open before it): «» and “” by their balance, a
    straight double quote by its count."""
    depth = 1 if inside else 0
    for ch in sentence:
        if ch in _OPENS:
            depth += 1
        elif ch in ("»", "”"):
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
    return depth > 0


def terms(article: Article) -> tuple[tuple[str, int, str], ...]:
    """The content words of the headline (counted twice) and the body, with how often each stands and its
    shortest form as written, the fewest clitics on it (for the reasons shown on a story's page): what grouping
    into stories compares."""
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    texts = [article.meta.headline, article.meta.headline,
             *(p.text for p in article.paragraphs if p.kind == "body" and not attendance(p.text))]  # (not who attended:
    #   two audiences days apart were one story by their titles and ministers, an analyst found)
    written = Counter(" ".join(texts).split())  # (each word as written looked up once; the texts' words in order)
    for word, n in written.items():  # in the order words first stand, as before
        key = content_term(word)
        if key:
            counts[key] = counts.get(key, 0) + n
            # (str.isalnum is re's \w but for "_": a word that starts and ends with one has no punctuation to strip)
            form = word if word[0].isalnum() and word[-1].isalnum() else _PUNCT.sub("", word)
            old = shown.get(key)
            if old is None or len(form) < len(old):
                shown[key] = form  # the shortest form as written: "أمير", not "وأمير" (a reason on a story's page)
    return tuple((key, n, shown[key]) for key, n in counts.items())


@lru_cache(maxsize=131072)
def content_term(word: str) -> str:
    """The content word (arabic.term) a word as written counts for, or "". Cached: a pile repeats its
    vocabulary as written too."""
    normal = normalize(word)
    return term(normal) if normal else ""


def annotate(article: Article) -> Article:
    """The article with every paragraph annotated, its terms and the places it names (read here, in the worker
    that prepares it and cached with it, not by the build again for each story)."""
    published = article.meta.date
    return replace(article, paragraphs=_annotated(article.paragraphs, published),
                   terms=Terms.of(terms(article)), places=report_places(article.meta.headline,
                                                                        (p.text for p in article.paragraphs)))


def _last_speaker(paragraph: Paragraph) -> str:
    """The last speaker the paragraph names or carries, past narration after them ("" after a speaker of its own the
    rules name no one for, "وقال مسؤول إن")."""
    for sentence, found in zip(reversed(paragraph.sentences), reversed(paragraph.notes), strict=False):
        if found.claimant:
            return found.claimant
        if unnamed_speaker(sentence):
            return ""
    return ""


def _annotated(paragraphs: tuple[Paragraph, ...], published: str) -> tuple[Paragraph, ...]:
    """Each paragraph annotated; a part of a scraped block that segment.parts split (the same lines as the part
    before it) carries the attribution on from that part, as one paragraph would ("قال المرصد …" in one part,
    its toll in the next)."""
    out: list[Paragraph] = []
    speaker = ""  # the last speaker of the body paragraph before
    issuer = ""  # who the last statement ("بيان") named in the report is of
    for paragraph in paragraphs:
        before = out[-1] if out else None
        same_block = before is not None and before.kind == paragraph.kind == "body" and before.lines == paragraph.lines
        opening = paragraph.sentences[0] if paragraph.kind == "body" and paragraph.sentences else ""
        statement = bool(opening) and _STATEMENT_SAYS.match(opening) is not None  # "واكد البيان ان 488 …": the statement
        #   of the one who issued it, named before (a third analyst's review: UNAMI's figures shown as "البيان")
        going_on = bool(opening) and (continues(opening) or same_source(opening))
        said_on = same_block and bool(before.sentences) and (before.sentences[-1].rstrip().endswith(":")
                                                              or _still_quoting(before.sentences[-1], False))
        #   (a part of one scraped block goes on with the speaker of the part before when that part ends on a colon or
        #   in an open quotation, "قال المرصد:" then its toll; else as sentences of one paragraph do)
        out.append(annotate_paragraph(paragraph, published, before.notes[-1].claimant if same_block and before.notes
                                      else (issuer or speaker) if statement else speaker if going_on else "",
                                      carry_first=said_on))
        if paragraph.kind == "body":  # ("وأضاف أن …" after a paragraph of quotation: the speaker goes on; a
            speaker = _last_speaker(out[-1])  # sub-heading between does not end it)
            issuer = next((n.claimant for s, n in zip(reversed(out[-1].sentences), reversed(out[-1].notes), strict=False)
                           if n.claimant and "بيان" in s and normalize(n.claimant) not in ("البيان", "التقرير")), issuer)
    return tuple(out)
