"""Corpora for bench/scale.py: real articles in scraper form, generated news stories, reprinted seeds.

Everything here is deterministic from a seed (random.Random seeded with a string) and writes only
where it is told: the real corpus in ../shared/corpus is read, never copied into the project.

- real_corpus:      N corpus files as a scraper saves them: "<outlet> | <category>", the title, a
                    date line (from MANIFEST.tsv, in a few formats), blank lines, the paragraphs.
- generated_corpus: news stories built from real corpus sentences. A story takes a base article's
                    sentences as its statements; each original member article carries a share of them
                    (so statements are shared within a story), adds sentences of its own from other
                    articles, numbers and dates in Arabic formats, and page chrome of several kinds;
                    reprint clusters republish one article through 2–10 outlets with other chrome and a
                    slightly different headline. Stories have 1–40 articles (about 50 per 1,000).
- reprints_corpus:  the project's own seeds, each reprinted many times (only the file name and one
                    counter line differ).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

OUTLETS: tuple[tuple[str, str], ...] = (
    ("الشرق الأوسط", "aawsat"), ("العربية", "alarabiya"), ("الجزيرة نت", "aljazeera"),
    ("سكاي نيوز عربية", "skynewsarabia"), ("بي بي سي عربي", "bbcarabic"), ("فرانس 24", "france24"),
    ("سي إن إن بالعربية", "cnnarabic"), ("عكاظ", "okaz"), ("الرياض", "alriyadh"), ("اليوم", "alyaum"),
    ("الوطن", "alwatan"), ("المدينة", "almadina"), ("سبق", "sabq"), ("الاقتصادية", "aleqt"),
    ("العربي الجديد", "alaraby"), ("القدس العربي", "alquds"), ("النهار", "annahar"), ("الأخبار", "al-akhbar"),
    ("المصري اليوم", "almasryalyoum"), ("اليوم السابع", "youm7"), ("الأهرام", "ahram"), ("الشروق", "shorouknews"),
    ("الخليج", "alkhaleej"), ("البيان", "albayan"), ("الاتحاد", "alittihad"), ("الرأي", "alrai"),
    ("الغد", "alghad"), ("عنب بلدي", "enabbaladi"), ("زمان الوصل", "zamanalwsl"), ("شفق نيوز", "shafaq"),
    ("السومرية نيوز", "alsumaria"), ("روداو", "rudaw"), ("عربي 21", "arabi21"), ("هسبريس", "hespress"),
    ("الراية", "raya"), ("القبس", "alqabas"), ("الأنباء", "alanba"), ("سانا", "sana"),
    ("البادية 24", "albadia24"), ("فرات بوست", "furatpost"), ("الحرة", "alhurra"), ("المدن", "almodon"),
)
MANIFEST_OUTLETS = {
    "skynews": "سكاي نيوز عربية", "alarabia": "العربية", "BBC": "بي بي سي عربي", "CNN": "سي إن إن بالعربية",
    "france24": "فرانس 24", "sabq": "سبق", "okaz": "عكاظ", "alyaum": "اليوم", "alweeam": "الوئام",
    "alwatan": "الوطن", "alriyadh": "الرياض", "almadina": "المدينة", "aljazirah": "الجزيرة",
    "aleqtisadiya": "الاقتصادية", "aawsat": "الشرق الأوسط", "3alyoum": "عاجل", "was": "واس",
    "arriyadiyah": "الرياضية", "arreyadi": "الرياضي",
}
CATEGORIES = {"sport": "رياضة", "culture": "ثقافة", "economy": "اقتصاد", "internationalNews": "أخبار العالم",
              "middleEast": "الشرق الأوسط", "technology": "تكنولوجيا", "": "أخبار"}
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
          "ديسمبر")
MONTHS_LEVANT = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                 "تشرين الأول", "تشرين الثاني", "كانون الأول")
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
_TAG_WORD = re.compile(r"^[\u0621-\u064A]{4,}$")


class CorpusMissing(Exception):
    """The shared corpus folder (or its MANIFEST.tsv) is not there."""


@dataclass(frozen=True)
class CorpusArticle:
    file: str
    title: str
    paragraphs: tuple[str, ...]
    outlet: str  # Arabic display name
    category: str  # Arabic section name
    published: str  # "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS"

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in split_sentences(p)]


@dataclass
class SeedText:
    """One seed file to write, and what the generator put in it (for the self-check)."""

    name: str
    text: str
    story: int = -1
    cluster: int = -1
    reprint_of: str = ""  # the name of the original this one republishes
    body: tuple[str, ...] = ()  # the article's paragraphs, without chrome


@dataclass
class _Story:
    number: int
    title: str
    category: str
    statements: list[str]
    start: dt.date
    span: int  # days over which its articles appear
    toll: int  # the story's headline number; each report gives it or a near value


@dataclass
class _Body:
    headline: str
    paragraphs: tuple[str, ...]
    date: dt.date
    related: list[str] = field(default_factory=list)  # titles for a "read also" list


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def _word_count(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------- the real corpus


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "MANIFEST.tsv"
    if not path.is_file():
        raise CorpusMissing(f"{path} not found")
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _published(raw: str) -> str:
    raw = raw.strip()
    if re.fullmatch(r"\d{8}", raw):
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return raw


def _parse_article(path: Path, row: dict[str, str]) -> CorpusArticle:
    title, _, rest = path.read_text(encoding="utf-8").partition("\n")
    paragraphs = tuple(p.strip() for p in rest.split("\n\n") if p.strip())
    return CorpusArticle(file=path.name, title=title.strip(), paragraphs=paragraphs,
                         outlet=MANIFEST_OUTLETS.get(row["outlet"], row["outlet"]),
                         category=CATEGORIES.get(row["category"], "أخبار"), published=_published(row["date"]))


def load_corpus(folder: Path) -> list[CorpusArticle]:
    """Every article of the shared corpus, in file order; CorpusMissing when the folder is absent."""
    if not folder.is_dir():
        raise CorpusMissing(f"{folder} is not a folder")
    manifest = _manifest(folder)
    files = sorted(folder.glob("c*.txt"))
    if not files:
        raise CorpusMissing(f"no c*.txt files in {folder}")
    empty = {"outlet": "", "category": "", "date": ""}
    return [_parse_article(path, manifest.get(path.name, empty)) for path in files]


def _real_date_line(published: str, rng: random.Random) -> str:
    day = published[:10]
    y, m, d = day.split("-")
    clock = published[11:16] or f"{rng.randint(6, 23):02d}:{rng.choice(('00', '15', '30', '45'))}"
    return rng.choice((day, f"{d}/{m}/{y}", f"{int(d)} {MONTHS[int(m) - 1]} {y}", f"نشر في: {day} {clock}",
                       f"آخر تحديث: {int(d)} {MONTHS[int(m) - 1]} {y} - {clock}"))


def real_seed(article: CorpusArticle, rng: random.Random) -> SeedText:
    lines = [f"{article.outlet} | {article.category}", article.title,
             _real_date_line(article.published, rng), "", ""]
    text = "\n".join(lines) + "\n\n".join(article.paragraphs) + "\n"
    return SeedText(name=article.file, text=text, body=article.paragraphs)


def real_corpus(articles: Sequence[CorpusArticle], n: int, seed: int) -> list[SeedText]:
    """n corpus articles (a seeded sample, in file order) in scraper form."""
    if n > len(articles):
        raise ValueError(f"real-{n}: the corpus has only {len(articles)} articles")
    rng = random.Random(f"real-{seed}-{n}")
    chosen = sorted(rng.sample(range(len(articles)), n))
    return [real_seed(articles[i], rng) for i in chosen]


# ---------------------------------------------------------------- numbers and dates


def _digits(text: str, rng: random.Random) -> str:
    """About a third of the numbers in Arabic-Indic digits, as many outlets print them."""
    return text.translate(INDIC) if rng.random() < 0.35 else text


def arabic_date(day: dt.date, rng: random.Random) -> str:
    month, levant = MONTHS[day.month - 1], MONTHS_LEVANT[day.month - 1]
    text = rng.choice((f"{day.day} {month} {day.year}", f"{day.day} {levant}/{month} {day.year}",
                       f"{day.year}/{day.month:02d}/{day.day:02d}", f"{day.day:02d}-{day.month:02d}-{day.year}",
                       f"{WEEKDAYS[day.weekday()]} {day.day} {month} {day.year}"))
    return _digits(text, rng)


NUMBER_SENTENCES = (
    "وأعلنت السلطات أن حصيلة الضحايا ارتفعت إلى {toll} قتيلاً و{n} جريحاً حتى {date}.",
    "وقال مصدر مسؤول إن {n} شخصاً اعتقلوا منذ {date}، بينهم {m} من الأجانب.",
    "وبلغت قيمة الصفقة نحو {n} مليون دولار، بحسب بيان صدر في {date}.",
    "وأشار التقرير الصادر في {date} إلى أن النسبة بلغت {p}% خلال الربع الأول من العام.",
    "ومن المقرر أن تعقد الجلسة المقبلة في {date} بحضور {m} وفداً من الدول الأعضاء.",
    "وذكرت مصادر محلية أن {toll} شخصاً على الأقل قتلوا في المواجهات التي اندلعت في {date}.",
    "وأفاد شهود عيان بأن أكثر من {n} عائلة نزحت من المنطقة منذ {date}.",
)


def _number_sentence(story: _Story, day: dt.date, rng: random.Random) -> str:
    toll = max(1, story.toll + rng.choice((0, 0, 0, -2, -1, 1, 3)))
    values = {"toll": toll, "n": rng.randint(2, 950), "m": rng.randint(2, 40), "p": rng.randint(2, 60)}
    template = rng.choice(NUMBER_SENTENCES)
    filled = template.format(**{k: _digits(str(v), rng) for k, v in values.items()}, date="{date}")
    return filled.format(date=arabic_date(day - dt.timedelta(days=rng.randint(0, 3)), rng))


# ---------------------------------------------------------------- page chrome


def _date_line(day: dt.date, rng: random.Random) -> str:
    clock = f"{rng.randint(1, 12):02d}:{rng.randint(0, 59):02d}"
    iso = day.isoformat()
    return rng.choice((iso, f"نشر في: {iso} {clock}", f"{day.day:02d}/{day.month:02d}/{day.year} - {clock}",
                       f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year} - {clock} م",
                       _digits(f"آخر تحديث: {day.day} {MONTHS[day.month - 1]} {day.year}", rng)))


def _tags(headline: str, rng: random.Random) -> str:
    words = [w for w in headline.split() if _TAG_WORD.match(w)][:4] or ["أخبار"]
    if rng.random() < 0.5:
        return "الوسوم: " + "، ".join(words)
    return " ".join("#" + w for w in words + ["عاجل"])


_COUNTERS = ("{0}.{1}K مشاركة", "{2} مشاهدة", "٣{1}٥ مشاهدة", "{1} تعليق", "{0}.{1}K views")


def _chrome(kind: str, outlet: tuple[str, str], body: _Body, rng: random.Random) -> list[str]:
    """The lines of one kind of page chrome."""
    name, domain = outlet
    if kind == "share":
        return [rng.choice(("شارك", "شارك الخبر", "مشاركة", "فيسبوك تويتر واتساب", "Facebook Twitter WhatsApp"))]
    if kind == "counter":
        return [rng.choice(_COUNTERS).format(rng.randint(1, 9), rng.randint(0, 9), rng.randint(20, 999))]
    if kind == "comment":
        return rng.choice((["اترك تعليقاً"], ["أضف تعليقك"], ["التعليقات", "لن يتم نشر عنوان بريدك الإلكتروني."]))
    if kind == "app":
        return [rng.choice((f"حمّل تطبيق {name} على App Store و Google Play", "نزل التطبيق من متجر جوجل"))]
    if kind == "tags":
        return [_tags(body.headline, rng)]
    if kind == "url":
        return [f"https://www.{domain}.com/news/{body.date:%Y/%m/%d}/{rng.randint(10000, 999999)}"]
    if kind == "copyright":
        return [f"جميع الحقوق محفوظة © {name} {body.date.year}"]
    if kind == "breadcrumb":
        return ["الرئيسية > أخبار > " + rng.choice(("سياسة", "عربي ودولي", "محليات", "اقتصاد"))]
    return []


TAIL_KINDS = ("counter", "comment", "app", "tags", "url", "copyright")


def _read_also(body: _Body, rng: random.Random) -> list[str]:
    heading = rng.choice(("اقرأ أيضاً:", "اقرأ أيضا", "مواضيع ذات صلة"))
    return [heading, *body.related[: rng.randint(2, 3)]]


def render(body: _Body, outlet: tuple[str, str], category: str, rng: random.Random) -> str:
    """A scraped page: chrome before, in and after the article; paragraphs separated by blank lines."""
    head = _chrome("breadcrumb", outlet, body, rng) if rng.random() < 0.3 else []
    head += [f"{outlet[0]} | {category}", body.headline, _date_line(body.date, rng)]
    if rng.random() < 0.5:
        head += _chrome("share", outlet, body, rng)
    blocks = ["\n".join(head)] + list(body.paragraphs)
    if len(body.paragraphs) > 2 and body.related and rng.random() < 0.5:
        blocks.insert(rng.randint(2, len(blocks) - 1), "\n".join(_read_also(body, rng)))
    tail = [line for kind in rng.sample(TAIL_KINDS, rng.randint(2, 5)) for line in _chrome(kind, outlet, body, rng)]
    return "\n\n".join(blocks) + "\n\n" + "\n".join(tail) + "\n"


# ---------------------------------------------------------------- stories


def _story_sizes(n: int, rng: random.Random) -> list[int]:
    """Sizes 1–40 (mean about 20: about 50 stories per 1,000 articles) adding up to n."""
    sizes: list[int] = []
    while sum(sizes) < n:
        sizes.append(min(rng.randint(1, 40), n - sum(sizes)))
    return sizes


def _cluster_sizes(size: int, rng: random.Random) -> list[int]:
    """A story's articles as clusters: an original and its reprints (2–10), or an original alone."""
    sizes: list[int] = []
    left = size
    while left:
        grow = left >= 2 and rng.random() < 0.12
        take = min(left, 10, 2 + int(rng.expovariate(0.5))) if grow else 1
        sizes.append(take)
        left -= take
    if size >= 3 and max(sizes) == 1:  # every story of three or more has at least one reprint
        sizes = [2] + [1] * (size - 2)
    return sizes


def _story(number: int, base: CorpusArticle, rng: random.Random) -> _Story:
    start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 4 * 365))
    statements = [s for s in base.sentences if _word_count(s) >= 5][:30]
    return _Story(number=number, title=base.title, category=base.category, statements=statements,
                  start=start, span=rng.randint(0, 10), toll=rng.randint(3, 400))


def _headline(story: _Story, lead: str, rng: random.Random) -> str:
    words = lead.rstrip(".!؟?").split()
    own = " ".join(words[: rng.randint(7, 11)])
    return rng.choice((story.title, story.title, own, "عاجل: " + story.title, own + " (فيديو)"))


def _tweak(headline: str, rng: random.Random) -> str:
    """A reprint's headline: nearly the original's."""
    words = headline.split()
    choice = rng.randrange(4)
    if choice == 0 and len(words) > 5:
        return " ".join(words[:-1])
    if choice == 1:
        return "بالصور: " + headline
    if choice == 2:
        return headline + " - " + rng.choice(("تفاصيل", "فيديو", "شاهد"))
    return headline.replace("عاجل: ", "") if headline.startswith("عاجل: ") else "عاجل | " + headline


def _paragraphs(sentences: list[str], rng: random.Random) -> tuple[str, ...]:
    out, i = [], 0
    while i < len(sentences):
        take = rng.randint(1, 3)
        out.append(" ".join(sentences[i:i + take]))
        i += take
    return tuple(out)


def _original(story: _Story, pool: Sequence[CorpusArticle], rng: random.Random) -> _Body:
    """A new report of the story: a share of its statements, sentences of its own, numbers and dates."""
    share = rng.uniform(0.3, 0.7)
    k = max(2, min(len(story.statements), round(share * len(story.statements))))
    sentences = [story.statements[i] for i in sorted(rng.sample(range(len(story.statements)), k))]
    day = story.start + dt.timedelta(days=rng.randint(0, story.span))
    donor = [s for s in rng.choice(pool).sentences if _word_count(s) >= 5]
    start = rng.randint(0, max(0, len(donor) - 2))
    own = donor[start:start + rng.randint(2, 6)]
    extra = own + [_number_sentence(story, day, rng) for _ in range(rng.randint(1, 3))]
    for sentence in extra:
        sentences.insert(rng.randint(1, len(sentences)), sentence)
    related = [rng.choice(pool).title for _ in range(3)]
    return _Body(_headline(story, sentences[0], rng), _paragraphs(sentences, rng), day, related)


def _reprint(original: _Body, pool: Sequence[CorpusArticle], rng: random.Random) -> _Body:
    day = original.date + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
    related = [rng.choice(pool).title for _ in range(3)]
    return _Body(_tweak(original.headline, rng), original.paragraphs, day, related)


@dataclass
class _Draft:
    story: int
    category: str
    body: _Body
    outlet: tuple[str, str]
    cluster: int
    original: int = -1  # index (in the corpus) of the draft this one reprints


def _story_drafts(story: _Story, size: int, offset: int, pool: Sequence[CorpusArticle],
                  rng: random.Random) -> list[_Draft]:
    """The story's articles: per cluster an original and its reprints through other outlets."""
    out: list[_Draft] = []
    for cluster, count in enumerate(_cluster_sizes(size, rng)):
        outlets = rng.sample(OUTLETS, count)
        original = _Draft(story.number, story.category, _original(story, pool, rng), outlets[0], cluster)
        first = offset + len(out)
        out.append(original)
        out += [_Draft(story.number, story.category, _reprint(original.body, pool, rng), outlet, cluster, first)
                for outlet in outlets[1:]]
    return out


def generated_corpus(articles: Sequence[CorpusArticle], n: int, seed: int) -> list[SeedText]:
    """n scraped pages of news stories built from real corpus sentences (see the module docstring)."""
    rng = random.Random(f"generated-{seed}-{n}")
    bases = [a for a in articles if sum(_word_count(s) >= 5 for s in a.sentences) >= 8]
    drafts: list[_Draft] = []
    for number, size in enumerate(_story_sizes(n, rng)):
        drafts += _story_drafts(_story(number, rng.choice(bases), rng), size, len(drafts), articles, rng)
    order = list(range(len(drafts)))
    rng.shuffle(order)  # a feed mixes stories
    names = {index: f"{position:05d}_{drafts[index].outlet[1]}.txt" for position, index in enumerate(order)}
    return [SeedText(name=names[i], text=render(d.body, d.outlet, d.category, rng), story=d.story,
                     cluster=d.cluster, reprint_of=names[d.original] if d.original >= 0 else "",
                     body=d.body.paragraphs)
            for i, d in ((i, drafts[i]) for i in order)]


# ---------------------------------------------------------------- reprinted seeds


def reprints_corpus(seed_dir: Path, copies: int, seed: int) -> list[SeedText]:
    """Every seed of seed_dir reprinted `copies` times by other outlets, as wire copy is: a masthead of
    another outlet on top, one counter line appended; the article itself unchanged."""
    rng = random.Random(f"reprints-{seed}-{copies}")
    out = []
    for path in sorted(seed_dir.glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="surrogateescape")
        for copy in range(copies):
            outlet = OUTLETS[copy % len(OUTLETS)][0] + ("" if copy < len(OUTLETS) else f" {copy // len(OUTLETS) + 1}")
            line = _digits(f"{rng.randint(20, 9999)} مشاهدة", rng)
            out.append(SeedText(name=f"{path.stem}_r{copy:03d}.txt",
                                text=f"{outlet} | أخبار\n\n" + text.rstrip("\n") + f"\n\n{line}\n",
                                reprint_of=path.name))
    return out


def write_seeds(seeds: Sequence[SeedText], folder: Path) -> int:
    """Write the seed files into folder (created); the total number of bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for seed in seeds:
        data = seed.text.encode("utf-8", errors="surrogateescape")
        (folder / seed.name).write_bytes(data)
        total += len(data)
    return total
