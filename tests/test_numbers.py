"""Typed numbers of one Arabic sentence (generator/analysis/numbers.py): types before categories, the
category from the counted noun and its own clause, the rules file validated, linear time, and the gold
(seeds, event2 and, when ../shared/corpus is there, the tune half of bench/gold)."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import pytest
import yaml

from generator.analysis.number_lexicon import RULES, load
from generator.analysis.numbers import CATEGORIES, TYPES, Number, claimant_of, numbers_in
from tests.figures_scoring import CORPUS, GOLD_DIR, fixture_sets, score_half


def number(sentence: str, text: str) -> Number:
    """The number whose span holds `text` (its first occurrence in the sentence)."""
    start = sentence.index(text)
    found = [n for n in numbers_in(sentence) if n.start <= start < n.end or start <= n.start < start + len(text)]
    assert found, f"no number at «{text}» in «{sentence}»: {numbers_in(sentence)}"
    return found[0]


# (sentence, number text, type, category or None, value or None)
ISSUE = [
    ("وأوقعت الغارات الإسرائيلية السبت 25 جريحا فلسطينيا على الأقل، وفق وزارة الصحة في غزة.", "25", "people",
     "wounded", 25),
    ("وأطلقت الفصائل نحو 200 قذيفة على البلدات الإسرائيلية.", "200", "count", None, 200),
    ("وأقرت الحكومة مشاريع بلغ مجموعها (601) مشروع في المناطق.", "601", "count", None, 601),
    ("وقال المذيع في برنامج على راديو 4 في بي بي سي إن الحادث وقع أمس.", "4", "identifier", None, 4),
    ("وفي عامي 2004 و2005م ارتفعت الصادرات.", "2004", "year", None, 2004),
    ("وفي عامي 2004 و2005م ارتفعت الصادرات.", "2005", "year", None, 2005),
    ("وسقط قتيلين في الـ15 والـ16 من عمرهما في الحادث.", "قتيلين", "people", "killed", 2),
    ("وسقط قتيلين في الـ15 والـ16 من عمرهما في الحادث.", "15", "age", None, 15),
    ("وسقط قتيلين في الـ15 والـ16 من عمرهما في الحادث.", "16", "age", None, 16),
]
FORMS = [
    ("قتل جنديان في الهجوم.", "جنديان", "people", "killed", 2),
    ("استمرت المفاوضات يومين في جنيف.", "يومين", "duration", None, 2),
    ("يعطى اللقاح على جرعتين.", "جرعتين", "count", None, 2),
    ("وصل إلى المدينة 12 ألف لاجئ.", "12 ألف", "people", "displaced", 12000),
    ("استقطب القطاع 4,5 ملايين شخص في 2017.", "4,5 ملايين", "people", "other people", 4500000),
    ("فرضت رسوما قيمتها ثلاثة مليارات دولار سنويا.", "ثلاثة مليارات", "money", None, 3000000000),
    ("قتل أكثر من ٢٥ شخصا في القصف.", "٢٥", "people", "killed", 25),
    ("قتل ۲۵ شخصا في الهجوم.", "۲۵", "people", "killed", 25),
    ("ارتفع المؤشر 4.9% الأسبوع الماضي.", "4.9%", "percent", None, 4.9),
    ("عالجت المنظمة 72,291 شخصا في البلاد.", "72,291", "people", "other people", 72291),
    ("وصلت نسبة البطالة إلى 13 في المئة.", "13 في المئة", "percent", None, 13),
    ("تنظم الدورة من 11 إلى 22 شوال في جدة.", "11 إلى 22", "date", None, None),
    ("قتل في الهجوم 17 جنديا وأصيب 20 آخرون.", "20", "people", "wounded", 20),
]
CONTEXTS = [
    ("ملعب جديد يتسع لـ 60 ألف متفرج في العاصمة.", "60 ألف", "count", None, 60000),
    ("تسمح السلطات بتجمع حتى 50 شخصا في القاعات.", "50", "count", None, 50),
    ("وكان المواطن الإكوادوري (35 عاما) اعتقل في يونيو.", "35", "age", None, 35),
    ("سارق الطائرة ميكانيكي يبلغ من العمر 29 عاما.", "29", "age", None, 29),
    ("ويخوض المدرب صاحب الـ49 ربيعاً موسمه الثاني.", "49", "age", None, 49),
    ("وعلقت المحكمة الأحكام في 2007، ثم ألغتها عام 2016.", "2016", "year", None, 2016),
    ("بلغت إيرادات الشركة 68.18 مليار ريال بنهاية العام 2014م.", "2014", "year", None, 2014),
    ("أقيم المهرجان في صيف 1436هـ.", "1436", "year", None, 1436),
    ("بلغ سعر اللوحة 7 ملايين يورو في المزاد.", "7 ملايين", "money", None, 7000000),
    ("وبلغت الغرامة 500 ألف ريال.", "500 ألف", "money", None, 500000),
    ("حصل على 2000 جنيه إسترليني.", "2000", "money", None, 2000),
    ("خصصت الحكومة 50 مليون دينار عراقي للمشروع.", "50 مليون", "money", None, 50000000),
    ("ارتفع السعر إلى 500 ليرة سورية.", "500", "money", None, 500),
    ("يعادل طول الجناح طائرة من طراز بوينغ 737 الأمريكية.", "737", "identifier", None, 737),
    ("ستسلم الولايات المتحدة مصر ثماني مقاتلات إف-16 خلال يومين.", "16", "identifier", None, 16),
    ("أقلعت طائرة Il-76 من المطار.", "76", "identifier", None, 76),
    ("وأوضحت المادة 2 من النظام أن العضوية مفتوحة.", "2", "identifier", None, 2),
    ("تنفيذ القرار الأممي 2254 بشأن سوريا.", "2254", "identifier", None, 2254),
    ("انتشر فيروس COVID-19 في المدينة.", "19", "identifier", None, 19),
    ("وقعت الحادثة في 15 أغسطس الماضي.", "15", "date", None, 15),
    ("14:59 ت م", "14:59", "time", None, None),
    ("وكان فريقه متأخرا 2-1 في المباراة.", "2-1", "score", None, None),
    ("سجل المهاجم هدفه في الدقيقة 69 من المباراة.", "69", "ordinal", None, 69),
    ("ضرب زلزال بقوة 6.2 درجة على مقياس ريختر شمال البلاد.", "6.2", "magnitude", None, 6.2),
    ("بلغت مسافة السباق 700 متر.", "700", "measure", None, 700),
    ("تبلغ مساحته 8900 كيلومتر مربع.", "8900", "measure", None, 8900),
    ("هاجم التنظيم السجن من أربعة اتجاهات.", "أربعة", "count", None, 4),
]
CATEGORY = [
    ("وقتل 16 من عناصر التنظيم في الاشتباكات.", "16", "killed", "isis"),
    ("كشف مصدر عن قتل 23 إرهابياً، واعتقال 89 آخرين.", "89", "arrested", "isis"),
    ("قتل 20 شخصاً وإصابة 20 آخرين في الانفجار.", "20 آخرين", "wounded", "people"),
    ("وقال متحدث إن الميليشيا أعادت القبض على 104 سجناء فروا.", "104", "recaptured", "prisoners"),
    ("وقالت قوات سوريا الديمقراطية إن 17 من جنودها قتلوا.", "17", "killed", "sdf"),
    ("نفذ الهجوم انتحاريان من التنظيم.", "انتحاريان", "attackers", "isis"),
    ("كان هناك 8 ملايين من المدنيين الأبرياء في المنطقة.", "8 ملايين", "other people", "civilians"),
    ("وصلت حافلة تقل 40 راكبا إلى المدينة.", "40", "other people", ""),
    ("وسقط 14 قتيلاً، بينهم سبعة رجال دين، في التفجير.", "سبعة", "killed", ""),
    ("قتل 5 جنود في الهجوم، وشارك 300 شخص في التشييع.", "300", "other people", "people"),
    ("ساعد الانفجار عشرات النزلاء على الفرار من السجن.", "عشرات", "escaped", "prisoners"),
    ("عاد 150 مواطنا كانوا قد فروا من المدينة.", "150", "displaced", ""),
    ("أصيب 751 منهن بارتفاع ضغط الدم أثناء الحمل.", "751", "other people", ""),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "category", "value"), ISSUE + FORMS + CONTEXTS)
def test_type_category_and_value(sentence, text, kind, category, value):
    found = number(sentence, text)
    assert found.type == kind, found
    assert found.category == (category or ""), found
    if value is not None:
        assert found.value == pytest.approx(value), found


@pytest.mark.parametrize(("sentence", "text", "category", "group"), CATEGORY)
def test_category_comes_from_the_noun_and_its_own_clause(sentence, text, category, group):
    found = number(sentence, text)
    assert (found.type, found.category, found.group) == ("people", category, group), found


def test_ranges_and_pairs():
    assert (number("تحتجز ما بين 2000 و4000 أجنبي.", "2000").low, number("تحتجز ما بين 2000 و4000 أجنبي.",
                                                                        "2000").high) == (2000, 4000)
    found = number("يعيش هناك 2000-4000 شخص.", "2000-4000")
    assert (found.type, found.low, found.high, found.value) == ("people", 2000, 4000, None)
    found = number("قدر عدد المشاركين بنحو 18–20 ألفاً من المتظاهرين.", "18–20")
    assert (found.low, found.high, found.qualifier) == (18000, 20000, "about")
    found = number("لديهم شخصين أو ثلاثة في المدينة.", "شخصين")
    assert (found.type, found.low, found.high) == ("people", 2, 3)
    assert number("سيبتعد عن الملاعب ما بين 4 إلى 6 أسابيع.", "4").type == "duration"


def test_vague_quantities():
    found = number("أسفرت الاشتباكات عن مقتل عشرات الأشخاص.", "عشرات")
    assert (found.vague, found.value, found.type, found.category) == ("dozens", None, "people", "killed")
    found = number("سيطر على مئات الآلاف من الأميال من الأراضي.", "مئات الآلاف")
    assert (found.vague, found.type) == ("hundreds of thousands", "measure")
    assert number("تسببت الأخطاء في هدر ملايين الدولارات.", "ملايين").type == "money"
    found = number("وغادر الآلاف منازلهم بالقرب من السجن.", "الآلاف")
    assert (found.vague, found.type, found.category) == ("thousands", "people", "displaced")


def test_qualifiers():
    assert number("قتل ما لا يقل عن 120 شخصًا.", "120").qualifier == "at least"
    assert number("قتل أكثر من 800 من أعضاء التنظيم.", "800").qualifier == "more than"
    assert number("أصيب 25 جريحا فلسطينيا على الأقل.", "25").qualifier == "at least"
    assert number("تحتجز حوالي 12000 رجل وصبي.", "12000").qualifier == "about"
    assert number("وتسجل بيانات ما يصل إلى 87 مليون مستخدم.", "87 مليون").qualifier == "up to"


def test_urls_hashtags_and_codes_are_not_counts():
    sentence = "يبدأ التقديم على الموقع http://example.com/jobs/2024 ولمدة خمسة أيام."
    assert [n.type for n in numbers_in(sentence)] == ["duration"]
    assert number("ذكرت #مجموعة_العشرين في بيان ختامي أن الوزراء اجتمعوا.", "العشرين").type == "identifier"


def test_words_that_look_like_numbers_are_not():
    for sentence in ("التقى الوزير نظيره يوم الاثنين في بغداد.", "وأعلن الجيش الأحد أنه أحبط الهجوم.",
                     "وكان أحد المعتقلين من الجنسية المصرية.", "وهي واحدة من أكثر الهجمات دموية.",
                     "في الذكرى السبعين لنكبة فلسطين.", "وقال إن حركة طالبان تبنت الهجوم.",
                     "سرق اللصوص مجوهرات كارداشيان."):
        assert numbers_in(sentence) == (), sentence


def test_every_number_has_a_known_type_and_people_a_known_category():
    sentence = ("قالت وزارة الدفاع إن 17 جندياً قتلوا وأصيب 20 آخرون في هجوم شنه أكثر من 100 مسلح يوم 3 مارس 2019، "
                "وخسرت البلاد 5 ملايين دولار و30% من صادراتها خلال 4 أيام.")
    for found in numbers_in(sentence):
        assert found.type in TYPES
        assert (found.category in CATEGORIES) == (found.type == "people"), found
        assert sentence[found.start:found.end].strip() == sentence[found.start:found.end]


def test_claimant():
    assert claimant_of("وقال المرصد السوري لحقوق الإنسان إن 173 مدنيا قتلوا.") == "SOHR"
    assert claimant_of("أصيب 25 شخصا بحسب وزارة الصحة في غزة.") == "health ministry"
    assert claimant_of("وأعلنت الوزارة أن 9 أشخاص اعتقلوا.") == "the ministry"
    assert claimant_of("قتل 5 أشخاص في الهجوم.") == ""


def test_a_long_sentence_takes_linear_time():
    sentence = " ".join(f"وقال المرصد إن {n} قتلى سقطوا" for n in range(1000, 2000))
    assert len(sentence.encode("utf-8")) > 50_000
    started = time.perf_counter()
    found = numbers_in(sentence)
    claimant_of(sentence)
    assert time.perf_counter() - started < 5  # well under 0.5 s; bench/figures.py reports the real speed
    assert len(found) == 1000 and {(n.type, n.category) for n in found} == {("people", "killed")}


def test_the_rules_file_is_validated(tmp_path: Path):
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    missing = {k: v for k, v in data.items() if k != "human_nouns"}
    (tmp_path / "missing.yml").write_text(yaml.safe_dump(missing, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=r"missing\.yml.*human_nouns"):
        load(tmp_path / "missing.yml")
    misspelt = {("currencys" if k == "currencies" else k): v for k, v in data.items()}
    (tmp_path / "misspelt.yml").write_text(yaml.safe_dump(misspelt, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=r"misspelt\.yml.*currenc"):
        load(tmp_path / "misspelt.yml")
    broken = {**data, "groups": {"isis": {"label": "ISIS"}}}
    (tmp_path / "broken.yml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.yml.*groups"):
        load(tmp_path / "broken.yml")


@cache
def fixtures() -> dict:
    return dict(fixture_sets())


@pytest.mark.parametrize("name", ["seeds", "event2"])
def test_fixture_gold(name):
    scores = fixtures()[name]
    report = "\n".join(scores.notes)
    assert scores.people_gold >= 10
    assert scores.precision >= 0.95, report
    assert scores.recall >= 0.95, report
    assert scores.category >= 0.95, report
    assert scores.forbidden == 0, report


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_tune_half_meets_the_targets():
    scores = score_half(GOLD_DIR / "figures_tune.yml", CORPUS, "tune")
    report = "\n".join(scores.notes)
    assert not scores.sha_mismatches
    assert scores.people_gold >= 90
    assert scores.precision >= 0.95, report
    assert scores.recall >= 0.95, report
    assert scores.category >= 0.95, report
    assert scores.forbidden == 0, report
