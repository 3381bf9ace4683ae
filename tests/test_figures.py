from __future__ import annotations

import pytest

from generator.analysis.legacy_figures import figures_in


def values(sentence):
    return [(f.value, f.low, f.high, f.qualifier, f.category) for f in figures_in(sentence, "s", "p", "")]


@pytest.mark.parametrize("sentence, expected", [
    ("وأسفرت المعارك عن سقوط 123 قتيلا خلال أربعة أيام.", [(123, None, None, "", "killed")]),
    ("قُتل ما لا يقل عن 120 شخصًا في المعارك.", [(120, None, None, "at least", "killed")]),
    ("قتل ١٦ من عناصر التنظيم.", [(16, None, None, "", "killed")]),
    ("قتل ۱۶ من عناصر التنظيم.", [(16, None, None, "", "killed")]),
    ("تحتجز حوالي 12000 رجل وصبي.", [(12000, None, None, "about", "detained")]),
    ("نزح 12 ألف شخص من الحي.", [(12000, None, None, "", "displaced")]),
    ("كان هناك 8 ملايين من المدنيين.", [(8_000_000, None, None, "", "other")]),
    ("بما في ذلك 2000 إلى 4000 أجنبي.", [(None, 2000, 4000, "", "other")]),
    ("بينهم 2000-4000 أجنبي.", [(None, 2000, 4000, "", "other")]),
    ("تم توقيف بين 30 و40 شخصا.", [(None, 30, 40, "", "arrested")]),
    ("فر أكثر من 800 من أعضاء التنظيم.", [(800, None, None, "more than", "escaped")]),
    ("أعادت القبض على 104 سجناء فروا.", [(104, None, None, "", "recaptured")]),
    ("عن قتل 23 ارهابياً واعتقال 89 آخرين.", [(23, None, None, "", "killed"), (89, None, None, "", "arrested")]),
    ("أحبطت عملية الهروب واعتقلت 89 مقاتلاً كانوا يحتمون.", [(89, None, None, "", "arrested")]),
    ("سقط 102قتيلا في الهجوم.", [(102, None, None, "", "killed")]),
    ("قتل 1,250 شخصا.", [(1250, None, None, "", "killed")]),
])
def test_counts(sentence, expected):
    assert values(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "نفذ هجوما يوم 20 كانون الثاني 2022 على السجن.",
    "في عام 2014 دمر التنظيم المنطقة.",
    "نشر الخبر في 2022.01.26 - 19:04 بتوقيت بغداد.",
    "شاهد https://www.youtube.com/watch?v=jZk58E9KU4Y الآن.",
    "المصدر me_ga.php?id=32240 هنا.",
    "منذ أن فقدت أراضيها في عام 2019.",
    "لقي حتفه يوم 5 يناير.",
])
def test_not_figures(sentence):
    assert values(sentence) == []


def labelled(sentence):
    return [(f.vague or (f.value if f.low is None else (f.low, f.high)), f.qualifier, f.category, f.group, f.claimant)
            for f in figures_in(sentence, "s", "p", "")]


# Sentences about other events, in other phrasings: the rules must not be tuned to five articles.
@pytest.mark.parametrize("sentence, expected", [
    ("أعلنت وزارة الصحة مقتل ثلاثة مدنيين وإصابة عشرة آخرين في قصف على مدينة إدلب.",
     [(3, "", "killed", "civilians", "health authorities"), (10, "", "wounded", "civilians", "health authorities")]),
    ("وقال المرصد السوري لحقوق الإنسان إن خمسة عناصر من قوات الأمن العراقية لقوا حتفهم في الهجوم.",
     [(5, "", "killed", "iraqi_forces", "SOHR")]),
    ("ونزح قرابة ٢٥ ألف شخص من القرى المحيطة خلال الأسبوع الماضي بحسب مصادر محلية.",
     [(25000, "about", "displaced", "people", "local sources")]),
    ("تمكن مسلحان من الفرار بعد الاشتباك مع دورية للجيش.", [(2, "", "escaped", "", "")]),
    ("اعتقلت القوات الأمنية 14 مشتبهاً بهم بينهم 3 أجانب.",
     [(14, "", "arrested", "", ""), (3, "", "arrested", "foreigners", "")]),
    ("وأفرج المسلحون عن رهينتين من أصل سبعة رهائن.", [(7, "", "hostages", "", "")]),
    ("يضم المخيم عشرات الآلاف من النازحين.", [("tens of thousands", "", "displaced", "", "")]),
    ("وأعلن الجيش استسلام 40 مسلحاً للقوات الحكومية.", [(40, "", "surrendered", "", "the army")]),
    ("استمرت المعارك ثلاثة أيام وانتهت يوم 12 آذار 2021 عند الساعة 14:30.", []),
    ("للتواصل: 0991234567 أو 00963112345678.", []),
    ("قتل 8 في الهجوم الذي وقع في تشرين الأول 2019.", [(8, "", "killed", "", "")]),
])
def test_other_events(sentence, expected):
    assert labelled(sentence) == expected
