"""Typed numbers of one Arabic sentence (generator/analysis/numbers.py): types before categories, the
category from the counted noun and its own clause, the rules file validated, linear time, and the gold
(seeds, event2 and, when ../shared/corpus is there, the tuning batches of bench/gold: tune … tune5).

KINDS holds one made-up sentence per kind of wording the rules must read (nouns for people by class, people
referred to without a noun, categories from the noun phrase and the count's own clause, ages, durations,
years …); NOT_PEOPLE the look-alikes that must not become counts of people."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import pytest
import yaml

from generator.analysis.number_lexicon import RULES, load
from generator.analysis.numbers import CATEGORIES, TYPES, Number, claimant_of, numbers_in
from tests.figures_scoring import CORPUS, GOLD_DIR, TUNING, fixture_sets, score_half


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
    ("وتظاهر الطلاب في 30 جامعة.", "30", "count", None, 30),  # its noun says what
    ("ويشار إلى أن كتب الأطفال البالغ عددها 44 والتي كتبها المؤلف بيعت.", "44", "count", None, 44),  # no name
    ("لتراخيص بلغ عددها 118، بينما برمودا سادسة.", "118", "count", None, 118),
    ("وكان على متن الطائرة 50 راكبا إلى جانب الطاقم البالغ عدده 6، وفقا للشركة.", "6", "people", "other people", 6),
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
    # a date or a span of time between the verb and the count says when, and is no clause of its own
    ("اعتقلت الشرطة في عام 2015 نحو 40 شخصا.", "40", "arrested", "people"),
    ("وقتل في 25 شباط/فبراير 60 عنصرا من قوات النظام.", "60", "killed", "forces"),
    # escapees: what befell them in the clause, else that they escaped
    ("أعيد القبض على 50 من الفارين.", "50", "recaptured", ""),
    ("وقتل 5 من الفارين في الاشتباك.", "5", "killed", ""),
    ("ارتفع عدد الفارين إلى 300.", "300", "escaped", ""),
    ("أعادت قوات سوريا الديمقراطية القبض على 40 من الفارين.", "40", "recaptured", ""),  # its subject inside
    ("أعادت الحكومة فتح المعبر واعتقلت 5 أشخاص.", "5", "arrested", "people"),  # another verb: not again
    ("أعادت الحكومة فتح المعبر والقبض على 5 أشخاص.", "5", "arrested", "people"),  # the opening is repeated
    # a campaign of a masdar "reaching" a count: the masdar's category (not a warrant, an attempt, an attack)
    ("وشهدت البلاد عمليات اعتقال كبيرة طالت 160 ألف شخص.", "160 ألف", "arrested", "people"),
    ("شنت الميليشيات حملة اعتقالات واسعة طالت 50 شابا من أبناء القرية.", "50", "arrested", ""),
    ("وأسفر هجوم استهدف 20 جنديا عن مقتل 3 منهم.", "20", "other people", "forces"),
    ("وأصدرت النيابة مذكرات اعتقال شملت 15 شخصا.", "15", "other people", "people"),
    ("ونجا الوزير من محاولة اغتيال فاشلة استهدفت 3 مسؤولين.", "3", "other people", ""),
    ("وكشف مسؤول أن حملة اعتقال المطلوبين طالت 80 من عناصر الشرطة.", "80", "other people", "forces"),
    ("وقال المرصد إن موجة الاغتيالات في درعا طالت 14 شخصا نجا منهم 6.", "14", "other people", "people"),
    # leaving is displacement for fighters, or under an evacuation or a deal named in the count's clause
    ("قالت الجمعية إنها سوف تنقل 700 شخص إلى العاصمة لرفض الاتفاق.", "700", "other people", "people"),
    ("ومن المقرر أن يغادر المنطقة نحو سبعة آلاف شخص وفقا للاتفاق.", "سبعة آلاف", "displaced", "people"),
    ("وغادر 300 حاج مكة أمس، فيما وقعت الحكومة على الاتفاق.", "300", "other people", ""),
    ("وخرج 400 شخص من بلدة مضايا بعد التوصل إلى اتفاق.", "400", "displaced", "people"),
    ("وقالت النقابة إن عمليات تصفية البنوك المتعثرة طالت 5 آلاف موظف.", "5 آلاف", "other people", ""),
    ("وتحدث التقرير عن حملة اغتيالات استهدفت 7 من قادة الفصائل.", "7", "other people", ""),  # targeted
    ("وقتل مسلحون المصلين البالغ عددهم 30 داخل المسجد.", "30", "killed", ""),  # no group from the subject
    ("ونجا من الموت الركاب البالغ عددهم 150 بعد هبوط اضطراري.", "150", "other people", ""),  # survived
    ("وقتل أفراد الأسرة البالغ عددها 6 في الغارة على المنزل.", "6", "killed", ""),  # a construct: the verb decides
    ("وقتلت الغارة الطبيب الذي كان يعالج 3 من المصابين.", "3", "wounded", ""),  # another's death
    ("وتظاهر ذوو المعتقلين البالغ عددهم 200 أمام مقر النيابة.", "200", "other people", ""),  # the relatives
    ("وأجلت المحكمة النظر في قضية 12 ناشطا إلى الأسبوع المقبل.", "12", "other people", ""),  # postponed
    # of the wounded, those who died
    ("وتوفي 3 من المصابين متأثرين بجراحهم.", "3", "killed", ""),
    ("وقتل 25 جريحا في المستشفى.", "25", "wounded", "people"),  # the noun itself says wounded
    # "their number" counts the noun before it, with that noun's verb; a construct's head
    ("أعلنت السلطات سقوط طائرة ومقتل ركابها وعددهم 60.", "60", "killed", ""),
    ("وطالب أهالي المفقودين البالغ عددهم 200 بالكشف عن مصيرهم.", "200", "other people", ""),
    # exposed to: the event named after ل ("fatal" kills); nothing when it names none
    ("تعرض 5 أشخاص لإصابات طفيفة.", "5", "wounded", "people"),
    ("تعرض 37 شخصًا على الأقل للطعن القاتل.", "37", "killed", "people"),
    ("تعرض 12 صحفيا للاعتقال خلال العام.", "12", "arrested", ""),
    ("تعرض 40 طالبا للتوبيخ.", "40", "other people", ""),
    # a noun with a possessive pronoun before a definite number word: "his three brothers"
    ("قتلت المرأة أطفالها الخمسة.", "الخمسة", "killed", "children"),  # (civilians before the fourteenth session)
    ("اعتقلت الشرطة أشقاءه الثلاثة.", "الثلاثة", "arrested", ""),
    ("كشف مصدر عن قتل 23 إرهابياً، واعتقال 89 آخرين.", "89", "arrested", "militants"),  # (terrorists of no
    #   organisation the sentence names: since the thirteenth session not ISIS by the word alone)
    ("كشف مصدر في التحالف الدولي لمحاربة داعش عن قتل 23 إرهابياً، واعتقال 89 آخرين.", "89", "arrested", "isis"),
    ("وقالت قوات سوريا الديمقراطية إنها قتلت 20 إرهابيا واعتقلت 89 آخرين.", "89", "arrested", "militants"),  # (the
    #   speaker names its enemies "terrorists": not the SDF's own)
    ("واعتقلت 89 إرهابيا من قبل قوات سوريا الديمقراطية.", "89", "arrested", "militants"),  # (who did it)
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
    ("وقالت المنظمة إن وباء الحصبة يصيب نحو 200 ألف طفل كل عام.", "200 ألف", "other people", "children"),
    ("وأصيب 30 شخصا في الهجوم على القافلة.", "30", "wounded", "people"),
    ("عندما فتح خمسة عناصر من المتطرفين النار على موقع للجيش.", "خمسة", "attackers", ""),
    ("اقتحم 20 مسلحا مقر البلدية فجر اليوم.", "20", "attackers", "militants"),
    ("اقتحم مئات المحتجين مقر القنصلية وأحرقوه.", "مئات", "other people", ""),
    # (fourteenth session) an analyst's review: "فيما قتل 3 من قوات المعارضة" were security forces, beside the regime's
    # dead; a possessive means the group named last before it, not one that is someone's itself
    ("فيما قتل 3 من قوات المعارضة.", "3", "killed", "opposition"),
    ("وقتل 5 من مقاتلي المعارضة في الاشتباكات.", "5", "killed", "opposition"),
    ("أعلنت قوات المعارضة تقدمها بعد اشتباكات مع قوات الأسد أسفرت عن مقتل العشرات من عناصرها.", "العشرات", "killed",
     "forces"),
    ("وأمر الحوثي بدفع عناصر من ميليشياته إلى الحديدة بعد فرار المئات من مقاتليه.", "المئات", "escaped", "houthis"),
    ("صد تنظيم داعش هجوما لقوات سوريا الديمقراطية أسفر عن مقتل العشرات من عناصرها.", "العشرات", "killed", "sdf"),
    # women and children are groups of their own ("civilians" is a word of armed violence: an analyst met women directors
    # at Cannes and children hurt in a road crash as "civilians"), civilians together; a part after "بينهم" is no group
    # of the whole ("أربعين شخص بينهم أطفال" are not children)
    ("وأصيب ثلاثة أطفال بإصابات حرجة في الحادث.", "ثلاثة", "wounded", "children"),
    ("وتضم المسابقة الرسمية ثلاث نساء مخرجات.", "ثلاث", "other people", "women"),
    ("فشلت المفاوضات بشأن إطلاق سراح 30 سيدة وطفلا يحتجزهم التنظيم.", "30", "hostages", "civilians"),
    ("وتسبب الهجوم بمقتل أكثر من أربعين شخص بينهم أطفال.", "أربعين", "killed", "people"),
    ("قتل عشرات الفلسطينيين بينهم أطفال قرب السياج.", "عشرات", "killed", "nationals:Palestine"),
    # "N من جماعة/حركة/تنظيم …" counts members (an analyst: "903 من جماعة حزب الله" was a count of things); Hezbollah
    # and Kataib Hezbollah are groups; a word with "ب"/"ل" on it ends the look for the group ("3 أشخاص بمد حزب الله")
    ("وأوضح المرصد أن 50 ألف جندي قتلوا إلى جانب 903 من جماعة حزب الله الشيعية.", "903", "killed", "hezbollah"),
    ("وقتل 27 من كتائب حزب الله في بيجي.", "27", "killed", "kataib_hezbollah"),
    ("واتهمت السلطات 3 أشخاص بمد حزب الله بأجزاء طائرات.", "3", "other people", "people"),
    ("فقام عشرات من القرويين بجر هؤلاء النسوة من منازلهن.", "عشرات", "other people", ""),
    # broken plurals of nationalities ("جنود أتراك", "مقاتلين روس"), and a qualifier set off by commas before the verb
    # that says what befell them ("لقي 4 أشخاص، على الأقل، مصرعهم" had been other people)
    ("وقتل 3 جنود أتراك في هجوم على موقع حدودي.", "3", "killed", "forces:Turkey"),
    ("لقي 4 مقاتلين روس، على الأقل، مصرعهم شرقي سوريا.", "4", "killed", "nationals:Russia"),
    ("لقي 4 أشخاص، على الأقل، مصرعهم في الحادث.", "4", "killed", "people"),
    ("وقتل في الهجوم 7 أشخاص.", "7", "killed", "people"),  # (the attack's victims: "الهجوم N" is no attack by N)
    ("وأصيب في الهجوم 7 أشخاص آخرين.", "7", "wounded", "people"),
    ("بعد هجوم 20 مسلحا على القرية.", "20", "attackers", "militants"),
    ("وذكر مسيحيون أن 18 ألف سني وألفي مسيحي كانوا يقطنون في البلدة.", "18 ألف", "other people", ""),  # (a faith's
    #   adjective as a noun: "سني", "شيعي", as "مسيحي")
    ("وقالت قوات سوريا الديمقراطية إنها شددت حصارها بمساعدة القوات الأمريكية وإن 17 من جنودها قتلوا.", "17", "killed",
     "sdf"),  # (the seeds: who says so, and the count in what it says)
    ("وأعلنت قوات الأمن العراقية مقتل 25 من عناصر داعش، فيما قتل 4 من جنودها.", "4", "killed", "iraqi_forces"),  # (its
    #   own clause goes on after "فيما": an adversarial review)
    ("تم جمع 1012 رجلا وامرأة مع أطفالهم.", "1012", "other people", ""),  # (men and women: not women)
    ("وقتل 5 من عناصر الفصائل المسلحة الموالية لإيران.", "5", "killed", ""),  # (armed factions: not the opposition)
    ("أطلقت الشرطة النار على 3 متظاهرين في الساحة.", "3", "other people", ""),
    ("واعتقل تنظيم داعش 20 مدنيا في القرية.", "20", "arrested", "civilians"),  # as the source words it
    ("ضرب مسلحون خمس نساء ضربا وحشيا أفضى إلى موتهن.", "خمس", "killed", "women"),
    ("واعتقلت الشرطة 5 مسلحين في المدينة.", "5", "arrested", "militants"),
]
# (sentence, number text, type, category or None, value or None): one sentence per kind of wording
KINDS = [
    # "واحد" as the units of a compound, in any case; a multiplier after a figure in brackets
    ("كان العدد واحدا وعشرين مليون يمني.", "واحدا وعشرين مليون", "people", "other people", 21000000),
    ("بلغ عدد الوظائف واحد وتسعون وظيفة.", "واحد وتسعون", "count", None, 91),
    ("بقيمة فاقت (3462) مليون ريال.", "(3462) مليون", "money", None, 3462000000),
    ("سيزيد الجيش عدد الأسراب لتزيد من 74 إلى 386 سربا.", "386", "count", None, 386),  # a change, not a range
    ("بملاعب تبلغ طاقتها الاستيعابية 68 ألف متفرج.", "68 ألف", "count", None, 68000),  # a capacity, no crowd
    # the news agencies' "ر" decimal, fraction first: one number, never a count and a second number
    ("ارتفعت الأسعار بنسبة 4ر1% خلال العام.", "4ر1%", "percent", None, 1.4),
    ("بلغ عدد السكان نحو 89ر80 مليون نسمة.", "89ر80 مليون", "people", "other people", 80890000),
    # nouns for people: professions, family, collectives, nationalities (singular, feminine plural)
    ("أضرب 300 طبيب في المستشفيات الحكومية.", "300", "people", "other people", 300),
    ("اعتقلت الشرطة 4 نشطاء في العاصمة.", "4", "people", "arrested", 4),
    ("تزوجا قبل عشرين عاما ولهما ولدان.", "ولدان", "people", "other people", 2),
    ("استقبلت المدينة آلاف المصطافين هذا الصيف.", "آلاف", "people", "other people", None),
    ("لجأ أكثر من 160 ألف بوروندي إلى البلدان المجاورة.", "160 ألف", "people", "displaced", 160000),
    ("اعتقلت قوات الاحتلال 3 فلسطينيات عند الحاجز.", "3", "people", "arrested", 3),
    # people referred to: a verb or relative pronoun agreeing, a part of a count, apposition, a count named
    ("وصل 40 مسافرا، من بينهم 12 نقلوا إلى المستشفى.", "12", "people", "wounded", 12),
    ("ويعيش الخمسة آلاف الذين بقوا في البلدة في خيام.", "الخمسة آلاف", "people", "other people", 5000),
    ("يضم المجلس 21 عضوا منهم 14 بالانتخاب.", "14", "people", "other people", 14),
    ("يعاني ثلث الأطفال (4 ملايين) من سوء التغذية.", "4 ملايين", "people", "other people", 4000000),
    ("بلغ عدد زوار المعرض حوالي 1.2 مليون عام 2017.", "1.2 مليون", "people", "other people", 1200000),
    ("وارتفع عدد العاطلين عن العمل بمقدار 88 ألفا.", "88 ألفا", "people", "other people", 88000),
    ("ليرتفع إلى 93 عدد القتلى في المدينة.", "93", "people", "killed", 93),
    ("وتظاهر الآلاف في الساحة الرئيسية.", "الآلاف", "people", "other people", None),
    ("أعلن المدرب أسماء اللاعبين الـ23 للبطولة.", "23", "people", "other people", 23),
    ("وصوت أعضاء المجلس الخمسة عشر على القرار.", "الخمسة عشر", "people", "other people", 15),
    ("وأيد القرار 177 نائبا في البرلمان.", "177", "people", "other people", 177),
    # what happened to them, from the noun phrase and the count's own clause
    ("تسلمت الوزارة 5 من الصيادين المصريين المحتجزين في ليبيا.", "5", "people", "detained", 5),
    ("أدى الانفجار إلى مقتل 20 شخصا وإصابة 10 آخرين.", "20", "people", "killed", 20),
    ("وأسر الجيش 12 من عناصر الميليشيا في المعارك.", "12", "people", "detained", 12),
    ("وأسر المسلحون 7 موظفين في المصنع.", "7", "people", "hostages", 7),
    ("وفقدت الميليشيا 27 من عناصرها في المعارك.", "27", "people", "killed", 27),
    ("وخسرت الشركة 500 موظف بسبب الأزمة.", "500", "people", "other people", 500),
    ("ضبطت فرق التفتيش 46 عاملا مخالفا.", "46", "people", "arrested", 46),
    ("أصدرت المحكمة أحكاما بالإعدام على خمسة أشخاص.", "خمسة", "people", "other people", 5),
    ("تم توقيف أكثر من 170 ألف شخص عن العمل.", "170 ألف", "people", "other people", 170000),
    ("وتم توقيف وملاحقة حوالي 300 منهم.", "300", "people", "arrested", 300),  # two masdars govern it
    ("طالبوا بوقف ملاحقة ومحاكمة 40 صحفيا.", "40", "people", "other people", 40),  # neither names a harm
    ("ألقت الشرطة القبض على ثلاثة سوريين واثنين من العراق.", "واثنين", "people", "arrested", 2),
    ("وتلقى 15 شخصا العلاج بعد الحادث.", "15", "people", "wounded", 15),
    ("واستقبل المستشفى الميداني 35 شخصا من المدينة.", "35", "people", "wounded", 35),
    ("وخرج حوالي ألفين من المقاتلين وعائلاتهم إلى الشمال.", "ألفين", "people", "displaced", 2000),
    ("ويغادر 300 حاج مكة غدا.", "300", "people", "other people", 300),
    ("وسلم 30 من عناصر التنظيم أنفسهم للقوات.", "30", "people", "surrendered", 30),
    ("وتبين أنهم سبعة مهاجرين لفوا أنفسهم بالقماش.", "سبعة", "people", "displaced", 7),
    ("وجرى تشييع 12 من ضحايا القصف.", "12", "people", "killed", 12),
    ("وصمدت القوات أمام هجوم مئات المسلحين.", "مئات", "people", "attackers", None),
    ("وقتل خلال الهجوم وما تلاه من اشتباكات 63 من المسلحين.", "63", "people", "killed", 63),
    ("أودت صاعقة بحياة 7 أفراد من عائلة واحدة في القرية.", "واحدة", "count", None, 1),  # "of one family" says
    #                                                  who the 7 were: no count of people of its own (no key figure)
    ("أودت صاعقة بحياة 7 أفراد من عائلة واحدة في القرية.", "7", "people", "killed", 7),
    ("قتل جندي واحد في الاشتباك.", "واحد", "people", "killed", 1),
    ("وفي جيبه جنيها إسترلينيا واحدا فقط.", "واحدا", "count", None, 1),  # an adjective of a currency, no people
    # ages, durations, years, dates, results, ratios, money, names
    ("ويشترط ألا يقل عمره عند التسجيل عن 18 سنة.", "18", "age", None, 18),
    ("وقال المحامي أحمد علي / 51عاما/ إن الوضع صعب.", "51", "age", None, 51),
    ("وتعرض اللاعب «23 عامًا» لإصابة قوية.", "23", "age", None, 23),
    ("ارتفع عدد العاطلين ممن هم أكبر من 15 عاما.", "15", "age", None, 15),
    ("وتوفي الكاتب، أشهر روائي في البلاد، في مايو عن 81 عاما.", "81", "age", None, 81),
    ("وسيصبح في عمر 45 عاما و161 يوما أكبر لاعب.", "161", "age", None, 161),
    ("وأجبرت على الزواج في سن الـ15.", "15", "age", None, 15),
    ("يمنع تجنيد الأطفال تحت ال 18 في القتال.", "18", "age", None, 18),
    ("شملت الدراسة طلابا في بدايات العشرين يعيشون في المدينة.", "العشرين", "age", None, 20),
    ("وكانت أعمارهم 13 و15 عاما.", "13", "age", None, 13),
    ("فشلت محاولات استرداد مجسم عمره 4400 عام.", "4400", "age", None, 4400),
    ("ويشارك الأيتام وذوو الإعاقة بمعدل 100 ألف ساعة تدريبية.", "100 ألف", "duration", None, 100000),
    ("ارتفعت الأسعار خلال السنوات العشر الماضية.", "العشر", "duration", None, 10),
    ("ازداد الدين خلال الأشهر الـ12 الأخيرة.", "12", "duration", None, 12),
    ("وانتهت بعد ستة عقود من الحكم.", "ستة", "duration", None, 6),
    ("ووقعت الشركة ثلاثة عقود رئيسية للتصدير.", "ثلاثة", "count", None, 3),
    ("وتعود الألواح إلى ما بين 2100 و1600 قبل الميلاد.", "2100 و1600", "year", None, None),
    ("يبدأ التسجيل للعام الدراسي 1436/1437هـ الأسبوع المقبل.", "1436/1437", "year", None, None),
    ("يبدأ التقديم يوم الأحد الموافق 1436/10/17هـ في الرياض.", "17", "date", None, 17),  # year first
    ("يبدأ التقديم يوم الأحد الموافق 1436/10/17هـ في الرياض.", "1436", "year", None, 1436),
    ("يبدأ التقديم يوم الأحد الموافق 17/10/1436هـ في الرياض.", "17", "date", None, 17),
    ("وسجل الفريق النتيجة 2015/20/30 في الموسم.", "30", "other", None, 30),  # no month 20: not a date
    ("وقتل المسلحون بتاريخ 2018-04-23 ثلاثة أشخاص.", "2018", "year", None, 2018),  # not "2018–04 killed"
    ("صدر القرار رقم 1520/3/2 أمس.", "1520/3", "identifier", None, None),  # no year 1520: not a date
    ("ووصل مقاس الشاشة إلى 1920×10×12 بكسل.", "1920×10", "measure", None, None),  # not a date's separator
    ("تبنت الولايات المتحدة القانون في 1789 بعد الحادثة.", "1789", "year", None, 1789),
    ("ردت الشركة على أكثر من 2000 سؤال من أعضاء المجلس.", "2000", "count", None, 2000),
    ("عقدت الجلسات في 10 و11 أبريل الماضي.", "10", "date", None, 10),
    ("ينحدر كل فرد من بين خمسة أفراد من أصول مهاجرة.", "خمسة", "other", None, 5),
    ("فاز الفريق في المباراة بثلاثة أهداف مقابل هدف واحد.", "بثلاثة", "score", None, 3),
    ("انتهت المباراة بنتيجة 16 هدفا مقابل لا شيء.", "16", "score", None, 16),
    ("أعلنت الكلية أسماء المقبولين بالدورة التأهيلية (45) للضباط.", "45", "ordinal", None, 45),
    ("والتي تقدر ميزانياتها بالملايين سنويا.", "بالملايين", "money", None, None),
    ("قلص المستثمرون صافي مبيعاتهم من 103.9 مليون إلى 81 مليونا.", "81 مليونا", "money", None, 81000000),
    ("وارتفع عدد العاملين بنحو 507 آلاف إلى 29 مليون شخص.", "29 مليون", "people", "other people", 29000000),
    ("وعرفت القضية باسم \"المعتقلين الخمسة\" في الإعلام.", "الخمسة", "identifier", None, 5),
    ("وتروج الحكومة للخطة المعروفة باسم \"رؤية 2030\".", "2030", "year", None, 2030),
    # kinds of failure of the third tuning batch (tune3), each with the look-alike that must not change
    ("وبلغت حصيلة الإصابات 40 حالة ووفاة ثلاثة أشخاص في الحريق.", "40", "people", "wounded", 40),  # not "حالة وفاة"
    ("وقضت محكمة الجنايات، الأحد، بإعدام 9 متهمين في القضية.", "9", "people", "other people", 9),  # sentenced
    ("وهددت الجماعة بإعدام 6 رهائن.", "6", "people", "hostages", 6),
    ("وقامت السلطات في الشهر الماضي بإعدام 4 مدانين.", "4", "people", "killed", 4),  # carried out
    ("وقبضت الشرطة على نحو 30 مشتبها في المدينة.", "30", "people", "arrested", 30),
    ("وشوهد العشرات من عناصر الميليشيا وهم يفرون من مواقعهم.", "العشرات", "people", "escaped", None),  # fighters
    ("وفر المئات من سكان القرية من القصف.", "المئات", "people", "displaced", None),  # residents
    ("وقالت الوكالة إن 120 ألف شخص راحوا ضحية المجاعة.", "120 ألف", "people", "killed", 120000),
    ("وفاز المرشح بتأييد 40 نائبا من أصل 65.", "65", "people", "other people", 65),  # the total
    ("وحصل القرار على تأييد 9 دول من أصل 15.", "15", "count", None, 15),
    ("ويعاني مليوني طفل من سوء التغذية.", "مليوني", "people", "other people", 2000000),  # a dual of million
    ("وتقدر قيمة الصفقة بـ 3.5 ملياري دولار.", "3.5 ملياري", "money", None, 3500000000),  # a multiplier
    ("واستجوبت الشرطة 12 بريطانياً في القضية.", "12", "people", "other people", 12),  # tanween: not the country
    ("ويعالج المستشفى 250 مصابا بالسرطان.", "250", "people", "other people", 250),  # ill, not wounded
    ("وارتفع عدد المصابين بالكوليرا إلى 900.", "900", "people", "other people", 900),
    ("وارتفع عدد المصابين في الانفجار إلى 60.", "60", "people", "wounded", 60),
    ("ونشرت الدار كتاب واحد فقط هذا العام.", "واحد", "count", None, 1),  # one book, not writers
    ("وقتل كاتب واحد في الهجوم.", "واحد", "people", "killed", 1),
    ("وتنتظر الخطة موافقة عضوين بمجلس الأمن.", "عضوين", "count", None, 2),  # member states
    ("وقتل عضوين في الحزب بالرصاص.", "عضوين", "people", "killed", 2),
    ("وقالت المنظمة إن التحالف قتل وجرح مئات المدنيين.", "مئات", "people", "killed", None),  # killed and wounded
    ("وقالت الوزارة إن شرطيا قتل وجرح اثنان آخران في الكمين.", "اثنان", "people", "wounded", 2),
    ("وأطلق المسلح النار على خمسة حراس عام 2009 فأرداهم قتلى.", "خمسة", "people", "killed", 5),  # past the year
    ("ويقع الموقع على مسافة لا تتجاوز 15 كم من الحدود.", "15", "measure", None, 15),  # a limit with a unit
    ("ويبلغ ارتفاع البرج 800 قدما.", "800", "measure", None, 800),
    ("واختطف المسلحون 40 مزارعا وأكثر من عشرين طفلا.", "عشرين", "people", "hostages", 20),  # و + qualifier
    ("وهاجم ذئب 3 أطفال في القرية.", "3", "people", "other people", 3),  # attacked, not attackers
    ("وهاجم 50 مسلحا نقطة التفتيش.", "50", "people", "attackers", 50),
    # kinds of failure of the fourth tuning batch (tune4), each with the look-alike that must not change
    ("وسلمت الجمعية الخيرية «120» أسرة مساعدات مالية.", "120", "people", "other people", 120),  # quoted, counted
    ("وارتدى اللاعب الرقم «7» هذا الموسم.", "7", "identifier", None, 7),
    ("وسمحت الحكومة للأسر بإنجاب طفلين بعد القرار.", "طفلين", "people", "other people", 2),  # families
    ("وأسرت الميليشيا طفلين من القرية.", "طفلين", "people", "hostages", 2),  # the verb: captured
    ("وتحدث الفرنسية عدد أكبر بثلاث مرات من عددهم في 1970.", "1970", "year", None, 1970),  # their number in a year
    ("وقالت الجمعية إن عددهم ارتفع إلى 1500.", "1500", "people", "other people", 1500),
    ("ويستهدف البرنامج 80 متدربا و45 متدربات من الموظفين.", "45", "people", "other people", 45),
    ("ودفع القصف العشرات من عناصر الميليشيا إلى الفرار.", "العشرات", "people", "escaped", None),  # fighters
    ("وأسفر الهجوم عن مقتل جندي وإصابة عسكريين آخرين اثنين.", "اثنين", "people", "wounded", 2),  # the noun before
    ("وسجل المهاجم هدفين آخرين اثنين.", "اثنين", "other", None, 2),
    ("وفي حال إصابة أحد اللاعبين الـ 23 يستدعى بديل.", "23", "people", "other people", 23),  # إصابة governs أحد
    ("وأعلن المدرب قائمة اللاعبين 23 الذين سيشاركون في البطولة.", "23", "people", "other people", 23),  # apposition
    ("وتخلت الصين عن سياسة الطفل الواحد قبل سنوات.", "الواحد", "other", None, 1),  # "single", not a count
    # kinds of failure of the fifth tuning batch (tune5), each with the look-alike that must not change
    ("واعتقلت الشرطة، الاثنين، العشرات في المدينة.", "العشرات", "people", "arrested", None),  # a day aside
    ("وقالت الشرطة، الاثنين، إن 30 شخصا قتلوا.", "30", "people", "killed", 30),
    ("ونقلت جثامين الضحايا الخمسة إلى المستشفى.", "الخمسة", "people", "killed", 5),  # bodies of
    ("ونقلت عائلات الضحايا الخمسة إلى المستشفى.", "الخمسة", "people", "other people", 5),
    ("وقالت المصادر إن عشرات الأسر الثرية فرت إلى الخارج.", "عشرات", "people", "displaced", None),
    ("وهبطت طائرة تحمل 30 مقاتلا جرى أسرهم في المعارك.", "30", "people", "detained", 30),
    ("ومثل المتهمون أمام المحكمة، وثلاثة منهم فقط موقوفون.", "وثلاثة", "people", "detained", 3),  # a predicate
    ("وقالت المنظمة إنه تم تنفيذ أحكام الإعدام بحق 20 شخصا.", "20", "people", "killed", 20),  # carried out
    ("وتعتزم الولاية تنفيذ أحكام بالإعدام في حق 3 مدانين.", "3", "people", "other people", 3),  # a plan
    ("وأكد أن الأسرى الحوثيين الثلاثة بصحة جيدة.", "الثلاثة", "people", "detained", 3),  # past the nisba
    ("وأكد أن اللاعبين السعوديين الثلاثة بصحة جيدة.", "الثلاثة", "people", "other people", 3),
    ("وحوصر آلاف المدنيين، ومن بينهم نحو 12 ألف لاجئ، في المخيم.", "12 ألف", "people", "displaced", 12000),
    ("وقتل 50 شخصا بينهم 10 لاجئين.", "10", "people", "killed", 10),  # among the killed
    ("وأعلنت مقتل خمسة من المسلحين، وخمسة من ضباط الشرطة.", "وخمسة", "people", "killed", 5),  # a list
    ("ويقدر عددهم بألفي شخص في البلاد.", "بألفي", "people", "other people", 2000),
    ("ويضيف التدخين سبع وفيات لكل 100 ألف شخص سنويا.", "100 ألف", "other", None, 100000),  # a rate's base
    ("وقال إن المجلس وفر 300 ألف ريال للنادي.", "300 ألف", "money", None, 300000),  # provided, not fled
    # look-alikes a review found for the rules above: no category from the count before a comma unless both
    # are partitives; a masdar with the article still names what happened; a time unit after لكل
    ("وقتل 3 جنود، وعشرات المدنيين شاركوا في الجنازة.", "وعشرات", "people", "other people", None),
    ("واعتقلت الشرطة 20 شخصا، وعشرات الطلاب في الجامعة.", "وعشرات", "people", "other people", None),
    ("وشارك في الهجوم 50 مسلحا.", "50", "people", "attackers", 50),
    ("وأنقذ الغواصون 7 عالقين في الكهف.", "7", "people", "other people", 7),  # trapped, not displaced
    ("ويتناول المريض الدواء مرة لكل 3 أيام.", "3", "duration", None, 3),
    ("ويدفع المشترك 5 دولارات لكل 100 دولار.", "100", "money", None, 100),
    ("وتريد الشرطة محاكمة روسيين اثنين في القضية.", "اثنين", "people", "other people", 2),  # a trial
    # a fraction before a multiplier (found reading the corpus's largest key figures: 1,000,000 for half a million)
    ("وأسقطت الحرب نحو نصف مليون قتيل.", "نصف مليون", "people", "killed", 500000),
    ("وزار المعرض ربع مليون زائر.", "ربع مليون", "people", "other people", 250000),
    ("وبلغت قيمة الصفقة نصف مليار دولار.", "نصف مليار", "money", None, 500000000),
    ("وفاز الفريق في نصف النهائي على 3 فرق.", "3", "count", None, 3),
    ("وأدت الهجمات إلى نزوح أكثر من مليون ونصف مليون شخص.", "مليون ونصف مليون", "people", "displaced", 1500000),
    ("ونزح مليونان ونصف مليون شخص عن منازلهم.", "مليونان ونصف مليون", "people", "displaced", 2500000),
    ("وبلغ عدد السكان ثلاثة ملايين ونصف نسمة.", "ثلاثة ملايين ونصف", "people", "other people", 3500000),
    ("وبلغت الخسائر 7 ملايين ونصف دولار.", "7 ملايين ونصف", "money", None, 7500000),
    ("وحضر نصف مليون شخص ونصف مليون آخرين.", "ونصف مليون", "people", "other people", 500000),  # two counts
    ("وقال إن 1.9 مليون فلسطيني في غزة محبوسون في عشوائيات.", "1.9 مليون", "people", "other people", 1900000),
]
# (sentence, number text): a noun for people is near, but the number does not count people
NOT_PEOPLE = [
    ("وشنت الأجهزة حملة اعتقالات شملت 40 مؤسسة إعلامية.", "40"),  # a campaign reaching things: weak
    ("وتذكر الناس اعتقالات 1981 التي طالت المئات.", "1981"),
    ("وتواصلت الاعتقالات لليوم 3 على التوالي.", "3"),
    ("وباع النادي 3 لاعبين مقابل 50 مليونا.", "50 مليونا"),
    ("وأرسلت الوزارة 10 طواقم طبية إلى المنطقة.", "10"),  # teams
    ("وضمت القافلة 30 طاقما.", "30"),  # crews, as vehicles
    ("ويعيش اللاجئون في مخيمات اللاجئين البالغ عددها 12.", "12"),  # camps, not the refugees
    ("وزار الوزير أسر الشهداء البالغ عددها 1200.", "1200"),  # "عددها" is not said of the martyrs
    ("وتظاهر العمال للمطالبة برفع الحد الأدنى للأجور إلى 3000.", "3000"),
    ("وفي البطولة التي شارك فيها 16، فازت مصر.", "16"),  # teams as often as people
    ("وتعمل الجمعية على رعاية 1200 قطة بلا مأوى في شوارع المدينة.", "1200"),
    ("أصبحت الصين في 2017 الشريك التجاري الأول لكوبا.", "2017"),
    ("والرئيس الـ45 للولايات المتحدة هو دونالد ترامب.", "45"),
    ("اتفق قادة الدول الـ28 الأعضاء في الاتحاد على التمديد.", "28"),
    ("أما في دول الاتحاد الأوروبي الثماني والعشرين فارتفعت البطالة.", "الثماني والعشرين"),
    ("وقالت إن الصفقة ستدر المليارات على خزينة الدولة.", "المليارات"),
    ("باعوا أسهما بـ80 مليارا واشتروا أخرى بـ70 مليارا.", "80 مليارا"),
    ("ويسجل التضخم معدلا في خانة العشرات.", "العشرات"),
    ("وتقع الدائرة في المركز الانتخابي 1068 رجال مبنى البلدية.", "1068"),
    ("ومنذ 2016 يتعرضون لملاحقات أمنية.", "2016"),
    ("وضمت المجموعة 54 عنصرا من الفرقة 30 تلقوا تدريبات.", "30"),
    ("وقال إن أكثر من 60 ناشطا اعتقلوا وأكثر من 90 صحيفة أغلقت.", "90"),
    ("أقيمت كأس العالم 2018 روسيا بمشاركة 32 منتخبا.", "2018"),
    ("وتوج المتسابقين 2019.", "2019"),
    ("وتحدث عن المتسابقين 2019 الذين فازوا.", "2019"),  # a year, even before a relative pronoun
    ("وارتفعت رواتب العاملين 3500.", "3500"),  # not in apposition: nothing after it
    ("ويقع المكتب في حي الموظفين 5، قرب السوق.", "5"),
    ("وقال إن المشروع وفر 300 مليون خلال العام.", "300 مليون"),  # provided, not fled
    ("وتشير 400 من شهادات الوفاة إلى أسباب مختلفة.", "400"),  # certificates: "الوفاة" is no person
]


@pytest.mark.parametrize(("sentence", "text", "kind", "category", "value"), ISSUE + FORMS + CONTEXTS + KINDS)
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


@pytest.mark.parametrize(("sentence", "text"), NOT_PEOPLE)
def test_look_alikes_are_not_counts_of_people(sentence, text):
    assert number(sentence, text).type != "people"


@pytest.mark.parametrize("sentence", ["تزوجا عام 2010، فأصبحا شريكين في الحياة كما في السينما.",
                                      "كانا لاعبين في الفريق نفسه قبل أن يفترقا."])
def test_a_dual_after_a_dual_verb_of_being_counts_no_one(sentence):
    """ "they became partners": a predicate, not a count of two partners."""
    assert [n.type for n in numbers_in(sentence)] in ([], ["year"])


def test_the_total_a_count_is_part_of_does_not_take_the_count_s_verb():
    """ "تمكن 30 من السجناء البالغ عددهم 500 من الفرار": 30 escaped, not the 500 (its category is left to the
    old reading, wrong in its own way: a known gap; it must at least not be counted as escapees)."""
    total = number("وتمكن 30 من السجناء البالغ عددهم 500 من الفرار.", "500")
    assert total.type == "people" and total.category != "escaped"


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
    found = number("وتشير التقديرات إلى نموه بنحو 1 إلى 1.5% هذا العام.", "1")  # a range of the change
    assert (found.low, found.high) == (1, 1.5)
    found = number("وارتفع عدد العاملين بنحو 507 آلاف إلى 29 مليون شخص.", "507")  # a change, then the level
    assert (found.value, found.type) == (507000, "people")


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
    # (fourteenth session) what a toll or a total comes to is no ceiling (an analyst: "حصيلة القتلى تصل إلى 230 ألفا"
    # shown as "up to")
    assert number("وكان المرصد قد ذكر أن حصيلة القتلى تصل إلى 230 ألفا و618 شخصا.", "230 ألفا و618").qualifier == ""
    assert number("وعدد الضحايا يصل إلى 40 شخصا.", "40").qualifier == ""
    assert number("ويتسع الملعب لما يصل إلى 40 ألف متفرج.", "40 ألف").qualifier == "up to"
    assert number("لقي 4 أشخاص، على الأقل، مصرعهم في الحادث.", "4").qualifier == "at least"  # (set off by commas)
    assert number("وقال إن حصيلة القتلى قد تصل إلى 200 شخص.", "200").qualifier == "up to"  # (a modal: a ceiling)
    assert number("وسقط عدد من الجرحى يصل إلى 20 شخصا.", "20").qualifier == "up to"  # ("عدد من": some)
    assert number("وتسربت بيانات ما يقارب من 87 مليون مستخدم.", "87 مليون").qualifier == "about"  # (with "من")
    # (fifteenth session, a sixth review: shown as a plain 3,800,000) an estimate, "ما يقدر بـ"
    assert number("بينما تسبب التلوث في وفاة ما يقدر بـ3.8 مليون شخص.", "3.8 مليون").qualifier == "about"
    assert number("فإن ما يقدر ب 100 ألف سوري يعيشون الآن في المدينة.", "100 ألف").qualifier == "about"


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


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_every_number_of_real_news_has_a_known_type_and_people_a_known_category():
    """Every 9th file of the shared corpus, every sentence: no label outside the lists ever reaches a page
    (a rule's marker such as "none" once leaked as a category)."""
    import re

    checked = 0
    for path in sorted(CORPUS.glob("c*.txt"))[::9]:
        for paragraph in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            for sentence in re.split(r"(?<=[.!?؟])\s+", paragraph.strip()):
                for found in numbers_in(sentence):
                    checked += 1
                    assert found.type in TYPES, (path.name, sentence, found)
                    assert (found.category in CATEGORIES) == (found.type == "people"), (path.name, sentence, found)
    assert checked > 2000


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
    text = RULES.read_text(encoding="utf-8")
    (tmp_path / "again.yml").write_text(text + "\nhome_words: [منازلهم]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"again\.yml.*home_words.*twice"):
        load(tmp_path / "again.yml")  # (YAML would keep the second silently)
    broken = {**data, "groups": {"isis": {"label": "ISIS"}}}
    (tmp_path / "broken.yml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.yml.*groups"):
        load(tmp_path / "broken.yml")
    twice = {**data, "human_nouns": {**data["human_nouns"], "killed": [*data["human_nouns"]["killed"], "جريح"]}}
    (tmp_path / "twice.yml").write_text(yaml.safe_dump(twice, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=r"twice\.yml: human_nouns: 'جريح' \(wounded\) is also listed as 'جريح' "
                                         r"\(killed\)"):
        load(tmp_path / "twice.yml")


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


# tune4 … tune7 are below a target: their misses are counts referred to across sentences, capacities, epithets and the
# long tail of categories (bench/gold/FIGURES.md); tune8 holds fewer people counts (its draw ran out). Each floor is
# what the rules reach on it now, rounded down to the hundredth (a test audit: some had slack of 0.04), so that no
# change may lose a count unnoticed.
FLOORS = {"tune": {"precision": 1.0, "recall": 0.97, "category": 0.96},
          "tune2": {"precision": 1.0, "recall": 0.95, "category": 0.98},
          "tune3": {"precision": 0.96, "recall": 0.98, "category": 0.99},
          "tune4": {"precision": 0.98, "recall": 0.93, "category": 0.96},
          "tune5": {"precision": 1.0, "recall": 0.96, "category": 0.96},
          "tune6": {"precision": 1.0, "recall": 0.96, "category": 0.88},
          "tune7": {"precision": 0.99, "recall": 0.95, "category": 0.95},
          "tune8": {"people": 40, "precision": 1.0, "recall": 1.0, "category": 0.97},  # (its draw's pools: 43 counts)
          "tune9": {"people": 15, "precision": 0.94, "recall": 0.88, "category": 0.93},  # (no cue words: 18 counts)
          "tune10": {"precision": 0.95, "recall": 0.92, "category": 0.99},  # (counts elided or across clauses left)
          "tune11": {"people": 30, "precision": 0.96, "recall": 0.91, "category": 0.87}}  # (its pool ran out: 34 counts)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
@pytest.mark.parametrize("half", TUNING)
def test_tuning_batches_keep_their_scores(half):
    """Each batch at or above its floor (FLOORS; 0.95 where none is set). Skipped where ../shared/corpus is not
    beside the repository (CI's clean clone): the gold holds references to its text, never copies."""
    scores = score_half(GOLD_DIR / f"figures_{half}.yml", CORPUS, half)
    report = "\n".join(scores.notes)
    floor = {"precision": 0.95, "recall": 0.95, "category": 0.95, "people": 90, **FLOORS.get(half, {})}
    assert not scores.sha_mismatches
    assert scores.people_gold >= floor["people"]
    assert scores.precision >= floor["precision"], report
    assert scores.recall >= floor["recall"], report
    assert scores.category >= floor["category"], report
    assert scores.forbidden == 0, report


def test_a_year_or_an_identifier_is_shown_without_thousands_separators():
    from generator.analysis.figures import figure_value
    from generator.models import Figure

    def shown(type_: str, value=None, low=None, high=None) -> str:
        return figure_value(Figure("f", "s", "p", 1, 0, 4, "", value, low, high, "", "", type_, "", "", "", ""))

    assert shown("year", 2016) == "2016" and shown("year", low=1436, high=1437) == "1436–1437"
    assert shown("identifier", 1234) == "1234" and shown("time", 1430) == "1430"
    assert shown("people", 12000) == "12,000" and shown("money", low=2000, high=4000) == "2,000–4,000"


def test_tokens_drop_urls_and_a_word_forms_come_in_a_fixed_order():
    from generator.analysis.number_tokens import _word, tokenize

    tokens = tokenize("زار الموقع www.Example.com/2020 و HTTPS://x.org/12 أمس 5 أشخاص")
    assert [(t.text, t.kind) for t in tokens] == [("زار", "word"), ("الموقع", "word"), ("و", "word"),
                                                 ("أمس", "word"), ("5", "num"), ("أشخاص", "word")]
    # "للبيت" and "البيت" are as long: their order is the same in every process (not a set's order)
    assert _word("للبيت") == ("للبيت", ("البيت", "للبيت", "لبيت", "بيت"))


def test_a_name_shaped_like_a_dual_is_no_count_after_a_weak_cue():
    """ "كارداشيان" looks like a dual of a nisba: it is a count only when a verb of the clause counts it, and a
    cue that only says what happened to people (تعرض، ضبط …) does not."""
    assert not [n for n in numbers_in("وتعرضت كارداشيان للسرقة تحت تهديد السلاح.") if n.type == "people"]


def test_a_possessed_noun_of_things_before_a_number_word_is_no_count_of_people():
    sentence = "باع الرجل سياراته الثلاث."
    assert [(n.type, n.category) for n in numbers_in(sentence)] == [("count", "")]


@pytest.mark.parametrize(("sentence", "text", "category", "group"), [
    # the group is who was counted, not who did it
    ("قتل 62 فلسطينيا بنيران القوات الإسرائيلية قرب السياج.", "62", "killed", "nationals:Palestine"),  # (not forces)
    ("أوقع الهجوم 32 قتيلا ونسب لتنظيم داعش.", "32", "killed", "people"),
    ("أصيب 12 مدنيا برصاص مسلحين مجهولين.", "12", "wounded", "civilians"),
    ("قتل 9 أشخاص على يد عناصر الميليشيا.", "9", "killed", "people"),
    ("قتل 5 جنود في هجوم على الحاجز.", "5", "killed", "forces"),  # the counted noun still names the group
    ("قتل 5 من عناصر داعش في القصف.", "5", "killed", "isis"),
])
def test_the_group_is_who_was_counted_not_who_did_it(sentence, text, category, group):
    found = number(sentence, text)
    assert (found.type, found.category, found.group) == ("people", category, group)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), [
    ("أهدى المتحف لوحات المصور الفرنسي إدوارد ريو (1833-1900) الرسام الخاص بالخديوي.", "1833-1900", "year", None),
    ("قتل (1500-2000) شخص في المجاعة.", "1500-2000", "people", None),  # a counted noun after the brackets
    ("قدرت الشرطة عدد المتظاهرين بـ (1500-2000).", "1500-2000", "people", None),  # a count, after "بـ"
    ("بلغ عدد القتلى (1200-1400)، بحسب المرصد.", "1200-1400", "people", None),  # a toll
    ("قدر عدد المفقودين بنحو (1100-1200) في الإقليم.", "1100-1200", "people", None),
    ("قال ما يزيد على الربع بقليل (25.8) من المستجيبين إنهم راضون.", "25.8", "other", 25.8),  # no count of people
    ("استعانت الشركة بـ14.500 من المصححين المؤقتين.", "14.500", "people", 14500),  # a point marks the thousands
    ("بلغ معدل الخصوبة 2.375 طفل لكل امرأة.", "2.375", "other", 2.375),  # a rate, not thousands of children
    ("اعتقلت الشرطة ما بين 1.200 و1.500 متظاهر.", "1.200", "people", None),
    ("استقبل المطار (5,712,778) مليون معتمر هذا الموسم.", "5,712,778", "people", 5712778),  # the scale restated
    ("نزح 2.5 مليون شخص من المدينة.", "2.5 مليون", "people", 2500000),
    ("أنفقت الحكومة 1,500 مليون دولار على الطرق.", "1,500 مليون", "money", 1500000000),
    ("لم يعد يساوي ثلاثة بنسات في السوق.", "ثلاثة", "money", 3),  # pence: money, not people lost
])
def test_numbers_that_cannot_be_counts_of_people_as_written(sentence, text, kind, value):
    found = number(sentence, text)
    assert found.type == kind and (value is None or found.value == value)


@pytest.mark.parametrize(("sentence", "text", "category"), [
    # a killing or an arrest demanded, threatened or to come, the masdar governing the count: nobody was killed
    ("طالبت النيابة العامة باستصدار عقوبة الإعدام بحق خمسة نشطاء.", "خمسة", "other people"),
    ("هدد التنظيم بقتل 20 شخصا إن لم تدفع الفدية.", "20", "other people"),
    ("سيتم إعدام 3 مدانين الأسبوع المقبل.", "3", "other people"),
    ("دعا المتظاهرون إلى إعدام 4 من قادة الانقلاب.", "4", "other people"),
    # what befell them, told after the count, still tells it
    ("طالب الرئيس بإعدام 3 جنود فروا من المعركة.", "3", "escaped"),
    # a demand that governs another action; a death that happened; a student; a request
    ("دعت الأمم المتحدة إلى التحقيق في مقتل 12 مدنيا.", "12", "killed"),
    ("طالبت المنظمة بمحاسبة المسؤولين عن قتل 30 متظاهرا.", "30", "killed"),
    ("هددت واشنطن بفرض عقوبات بعد إعدام 4 معارضين.", "4", "killed"),
    ("قتل طالب و2 من زملائه في الحادث.", "2", "killed"),
    ("بناء على طلب النيابة اعتقلت الشرطة 6 أشخاص.", "6", "arrested"),
    ("أعدمت السلطات 3 مدانين أمس.", "3", "killed"),
    # a state stays a state: hostages they are, whatever is threatened
    ("توعد التنظيم بذبح 15 رهينة.", "15", "hostages"),
    # the masdar is the accused's, or led to by a relative clause: the demand is about something else
    ("طالبت عائلات المتهمين باختطاف 7 أطفال بالإفراج عنهم.", "7", "hostages"),
    ("رفضت المحكمة مطالبة المتهمين بقتل 5 جنود بالإفراج المؤقت.", "5", "killed"),
    ("تهدد الأزمة التي أدت إلى اعتقال 300 ناشط بانفجار الوضع.", "300", "arrested"),
    ("وهدد الرئيس باعتقال 8 من قادة المعارضة.", "8", "other people"),  # (a demand word after و)
])
def test_a_killing_or_arrest_demanded_threatened_or_to_come_is_no_event(sentence, text, category):
    found = number(sentence, text)
    assert (found.type, found.category) == ("people", category)


@pytest.mark.parametrize(("sentence", "text", "category"), [
    # (fifteenth session, the tuning half's category errors) an execution told in the present tense is a killing;
    # an evacuation by a verb that can only be one ("أجلى", "تجلي") is a displacement; "أجلت" is also "postponed"
    # ("وأجلت المحكمة النظر في قضية 12 ناشطا": other people, above); a release ("إخلاء سبيل") is not
    ("جبهة النصرة تعدم 10 أشخاص في حلب.", "10", "killed"),
    ("قال الجيش إن السلطات تجلي 300 شخص من المبنى.", "300", "displaced"),
    ("وأجلى الجيش 300 شخص من المبنى.", "300", "displaced"),
    ("وقررت المحكمة إخلاء سبيل 12 متهما.", "12", "other people"),
    ("قتل في سبيل ذلك 12 شخصا.", "12", "killed"),
    # (sixteenth session) the verb of evacuating, past and present ("أخلت", "يخلي"), not its release ("أخلت
    # السلطات سبيل") nor "تخلى" (abandoned), which "تخلي" is also written as
    ("أوكرانيا تخلي 10 آلاف شخص بعد انفجار ضخم.", "10 آلاف", "other people"),
    ("وأخلت السلطات 300 عائلة من منازلها.", "300", "displaced"),
    ("وكانت الشرطة قد أخلت 500 شخص من الحي.", "500", "displaced"),
    ("وقالت الشرطة إنها ستخلي 500 شخص من الحي.", "500", "other people"),  # (to come: no event)
    ("وأخلت السلطات سبيل 12 متظاهرا.", "12", "other people"),
    ("وأخلي سبيل 12 متظاهرا.", "12", "other people"),
    ("والذين تخلى الأهل عنهم 130 شخصا.", "130", "other people"),
    # (sixteenth session, the fifteenth's left-alone list) the verb's day closed by a comma no comma opened, then
    # its object: still the verb's clause
    ("وأعدم التنظيم في الرقة اليوم السبت، شخصين بتهمة التجسس.", "شخصين", "killed"),
    ("واعتقلت الشرطة في بغداد أمس، 12 شخصا.", "12", "arrested"),
    ("قتل 5 في حلب اليوم السبت، وأصيب 3 أطفال.", "3", "wounded"),
])
def test_an_execution_in_the_present_and_an_evacuation_by_its_verb(sentence, text, category):
    found = number(sentence, text)
    assert (found.type, found.category) == ("people", category)


@pytest.mark.parametrize(("sentence", "text", "kind"), [
    # (an adversarial review of the sixteenth session's rules) no counts of people
    ("وأخلت إسرائيل 21 مستوطنة في غزة عام 2005.", "21", "count"),  # settlements
    ("واستشهدت المحكمة بأقوال 12 شاهدا.", "12", "count"),  # cited (not martyred)
    ("وسلمت الشرطة 300 من المفقودات إلى أصحابها.", "300", "count"),  # lost property
])
def test_no_people_the_sessions_words_took_for_people(sentence, text, kind):
    assert number(sentence, text).type == kind


@pytest.mark.parametrize(("sentence", "text", "category"), [
    # (sixteenth session, a lexicon review) the feminine of the nouns that say what befell people, listed as the
    # rules file lists feminine forms (generated ones would be masdars or machines); not "معتقلات", also the camps
    ("وأفرجت السلطات عن 12 أسيرة.", "12", "detained"),
    ("ويوجد في المخيم 300 لاجئة سورية.", "300", "displaced"),
    ("ومن بينهم 5 قتيلات.", "5", "killed"),
    ("وقد أطلق سراح 7 سجينات.", "7", "detained"),
    ("وقتل 5 أشخاص في معتقلات النظام.", "5", "killed"),
    # the verb forms of dying, martyrdom and assassination the rules lacked (the active "اغتال" stays out: "أغتال
    # حلم ملايين الجماهير", a dream); a toll by its head in construct ("حصيلة قتلى الزلزال", "عدد ضحايا
    # الفيضانات": the dead, as "عدد الضحايا"); a count that is the object of a relative clause's verb is not the
    # verb's before it
    ("مات 5 أشخاص في الحادث.", "5", "killed"),
    ("وتوفيت 4 نساء.", "4", "killed"),
    ("واستشهدت 3 فتيات.", "3", "killed"),
    ("واغتيل 3 ضباط.", "3", "killed"),
    ("وارتفعت حصيلة قتلى الزلزال إلى 50 شخصا.", "50", "killed"),
    ("وبلغ عدد ضحايا الفيضانات 17 شخصا.", "17", "killed"),
    ("وارتفعت حصيلة الشهداء إلى 40 شهيدا.", "40", "killed"),
    ("قتل الرجل الذي أنقذ 30 طفلا.", "30", "other people"),
    ("قتل في الانفجار الذي استهدف سوقا شعبيا 12 شخصا.", "12", "killed"),
    ("وقال إن الشنب أغتال حلم ملايين الجماهير.", "ملايين", "other people"),
    # (a lexicon review) held behind bars or in detention, of unknown fate, lost contact with, held as hostages
    ("وأحصت النقابة 70 صحفيا خلف القضبان.", "70", "detained"),
    ("ولا يزال 200 ناشط رهن الاعتقال.", "200", "detained"),
    ("وما زال 14 صحافيا قابعين في السجون.", "14", "detained"),
    ("ولا يزال 30 شخصا مجهولي المصير.", "30", "missing"),
    ("وفقد الاتصال بـ 40 صيادا.", "40", "missing"),
    ("واحتجز المسلحون 30 شخصا كرهائن.", "30", "hostages"),
    ("واحتجزت الشرطة 30 شخصا.", "30", "detained"),
    # (a lexicon review) dying told after the count, how they died right after it, suicide
    ("قضى 27 مهاجرا غرقا قبالة سواحل تونس.", "27", "killed"),
    ("وأوضح المصدر أن 3 أشخاص فارقوا الحياة قبل وصول الإسعاف.", "3", "killed"),
    ("وأن 456 مريضا عولجوا دون مبرر وأن 200 مريض آخر لاقوا المصير ذاته.", "200", "other people"),  # (the fate told)
    ("انتحر 3 سجناء داخل زنازينهم.", "3", "killed"),
    ("ولفظ 3 أشخاص أنفاسهم الأخيرة في المستشفى.", "3", "killed"),
    ("وحبس 3 آلاف متفرج أنفاسهم.", "3 آلاف", "other people"),
    ("أنقذ خفر السواحل 30 مهاجرا كانوا على وشك الموت غرقا.", "30", "displaced"),  # (rescued: not dead)
    ("وأنقذت فرق الإنقاذ 40 شخصا من الغرق.", "40", "other people"),
    # (a second analyst's review) an aside about the subject set off by commas, its parts joined by "و", is no clause
    ("اعتقلت السلطات في تركيا، وهي عضوة في حلف شمال الأطلسي، ولا تزال تطمح إلى الانضمام إلى الاتحاد، حوالي 160 ألف شخص.",
     "160 ألف", "arrested"),
    ("قتل الجيش، الذي يقاتل منذ سنوات، 30 مسلحا.", "30", "killed"),
    ("وصل الوفد، الذي يضم 30 شخصا، إلى المدينة.", "30", "other people"),
    # (an adversarial review of the sixteenth session's rules) their over-reach: hostages exchanged for prisoners,
    # starving or thirsty people, victims of fraud or abuse, staff in camps, a place cleared of people, settlements, a
    # court citing witnesses, lost property, a verb with its own people before a day closed by a comma
    ("وتطالب حماس بالإفراج عن 500 أسير مقابل رهائن إسرائيليين.", "500", "detained"),
    ("ويتضور 8 ملايين يمني جوعا، بحسب الأمم المتحدة.", "8 ملايين", "other people"),
    ("وقال التقرير إن عدد ضحايا العنف الأسري بلغ 40 ألف امرأة.", "40 ألف", "other people"),
    ("ويعمل 500 متطوع في مخيمات اللاجئين في الأردن.", "500", "other people"),
    ("ويعيش 300 ألف سوري في مخيمات اللاجئين.", "300 ألف", "displaced"),
    ("وأخلى القاضي قاعة المحكمة من 40 صحفيا.", "40", "other people"),
    ("وقتل جندي اليوم السبت، 20 آخرون أصيبوا في اشتباكات منفصلة.", "20", "wounded"),
    # (a third analyst's review) a noun in -ين that is also a plural, a word of two after it: the dual
    ("ونتج عنه إصابة مقيمين أحدهما من الجنسية الباكستانية والآخر من الجنسية الهندية.", "مقيمين", "wounded"),
    # (a second analyst's review) taken or admitted to hospital: hurt; not people going there
    ("نقل شخصان إلى المستشفى في سالزبوري وهما في حالة حرجة.", "شخصان", "wounded"),
    ("وأدخل 7 أشخاص إلى المستشفى.", "7", "wounded"),
    ("وتوجه 5 أطباء إلى المستشفى.", "5", "other people"),
    # (a second analyst's review) people in relief camps are displaced; the imprisoned named after the count
    ("وتحدث عن معاناة آلاف الأشخاص في مخيمات الإغاثة التي تديرها الحكومة.", "آلاف", "displaced"),
    ("وهي واحدة من الـ9 مدافعات عن حقوق المرأة المسجونات في السعودية.", "9", "detained"),
    # (an analyst's review) suffocation after a gas attack or a fire: hurt
    ("ولا يزال المئات يعانون من أعراض الاختناق.", "المئات", "wounded"),
    ("وقال الدفاع المدني إن 70 شخصا أصيبوا بحالات اختناق.", "70", "wounded"),
])
def test_the_feminine_of_nouns_of_what_befell_people(sentence, text, category):
    found = number(sentence, text)
    assert (found.type, found.category) == ("people", category)


@pytest.mark.parametrize(("sentence", "text", "category"), [
    # (the adversarial review's older case) lives reaped are lives lost; lives saved are not
    ("الكوليرا تحصد أرواح 30 شخصا.", "30", "killed"),
    ("حصدت أرواح 10 آلاف شخص.", "10 آلاف", "killed"),
    ("ساهم المركز في إنقاذ أرواح 30 شخصا.", "30", "other people"),
    # (sixteenth session, the fifteenth's left-alone list) the reaper between the verb and the lives
    ("وحصدت الحرب أرواح 10 آلاف شخص.", "10 آلاف", "killed"),
    ("حصدت الحرب في سوريا أرواح أكثر من 300 ألف شخص.", "300 ألف", "killed"),
    ("ولم تحصد العاصفة أرواح 20 شخصا كما قيل.", "20", "other people"),
    ("وتهدد المجاعة أرواح 5 ملايين شخص.", "5 ملايين", "other people"),
])
def test_lives_reaped_are_killed(sentence, text, category):
    assert number(sentence, text).category == category


@pytest.mark.parametrize(("sentence", "text", "kind"), [
    # (fifteenth session, a tuning batch's miss) a verb whose subject is people right before a number with no noun
    ("ويعاني 13 مليونا من نقص في الغذاء.", "13 مليونا", "people"),
    ("يعيش 1.9 مليون في غزة.", "1.9 مليون", "people"),
    ("وتعيش الأسرة 5 سنوات في المدينة.", "5", "duration"),  # (its own noun)
    ("ويعيش 300 ألف لاجئ في المخيم.", "300 ألف", "people"),
    ("وتعاني 12 من أصل 18 محافظة من الجفاف.", "12", "count"),  # (an adversarial review: a population's millions only)
])
def test_a_verb_of_people_before_a_number_with_no_noun(sentence, text, kind):
    assert number(sentence, text).type == kind


@pytest.mark.parametrize(("sentence", "text", "kind"), [
    # (a fresh review of an old pile; a tuning batch's false people count) beds are written with the shadda that
    # tells them from families
    ("يوجد بها (8504) أسرّة.", "8504", "count"),
    ("وتعيش 200 أسرة في المخيم.", "200", "people"),
])
def test_beds_are_no_families(sentence, text, kind):
    assert number(sentence, text).type == kind


@pytest.mark.parametrize(("sentence", "text", "kind"), [
    # (a fresh review of an old pile; a tuning batch's false people counts) the members of a body of states voting,
    # named up to twenty tokens after it; a resolution's members counted after "القرار" are no resolution's number
    ("وحصل مشروع القرار الذي أعدته بريطانيا على تأييد 11 عضوا ومعارضة عضوين، بينهما روسيا التي تتمتع بحق النقض، بينما"
     " امتنع عضوان عن التصويت", "عضوان", "count"),
    ("وقد أيد القرار 11 عضوا في البرلمان.", "11", "people"),
    ("وتبنى مجلس الأمن القرار 2254.", "2254", "identifier"),
    # (sixteenth session, an analyst's review) members named right after as countries are states
    ("وتضم المنظمة أربع جمهوريات وعضوين جديدين هما الهند وباكستان.", "وعضوين", "count"),
    ("وتضم المنظمة 8 أعضاء هم الصين وروسيا وكازاخستان.", "8", "count"),
    ("وانضم 3 أعضاء جدد هم محمد وعلي وسعيد.", "3", "people"),
])
def test_the_members_of_a_body_of_states_voting(sentence, text, kind):
    assert number(sentence, text).type == kind


@pytest.mark.parametrize(("sentence", "text", "kind"), [
    # (fourteenth session's notes, a tuning batch's miss) "هذا العام" names the year: the number after it is no year
    ("وتسابق على الجائزة هذا العام 108 روائية وروائية.", "108", "people"),
    ("فقد عرض علي ذلك عام 94 من قبل الرئيس.", "94", "year"),
    ("شهد هذا العام 2018 نموا كبيرا.", "2018", "year"),
])
def test_a_number_after_this_year_is_no_year(sentence, text, kind):
    assert number(sentence, text).type == kind


def test_the_group_is_not_the_victim_of_the_crime_of_those_counted():
    found = number("سيتم إعدام 3 مدانين بقتل شرطي.", "3")
    assert found.group != "forces"


def test_who_holds_them_is_not_who_they_are_and_a_reported_clause_names_no_speaker():
    assert number("فشلت المفاوضات بشأن إطلاق سراح 30 سيدة وطفلا يحتجزهم التنظيم.", "30").group != "isis"
    assert number("قتل 5 تكفيريين في مداهمة.", "5").group == "militants"  # an army's word, no organisation
    assert number("قتل 17 من الحوثيين في الاشتباكات.", "17").group == "houthis"  # (twelfth session: named)


@pytest.mark.parametrize(("sentence", "text", "qualifier"), [
    # (twelfth session) an analyst: "تجاوز عدد الضحايا 150" shown as 150; a verb of exceeding right before a count is
    # "more than", denied it is "up to"
    ("والحصيلة تتخطى 250 قتيلا.", "250", "more than"),
    ("بقيمة تتجاوز 11 مليون ريال.", "11 مليون", "more than"),
    ("وغرامة مالية لا تتجاوز 500 ألف ريال.", "500 ألف", "up to"),
    ("وعمره لم يتجاوز 18 سنة.", "18", "up to"),
    ("وقالت إن تجاوز عدد الضحايا 150 شخصا.", "150", "more than"),  # (the head and its noun between)
    ("ولا يتجاوز عدد المصابين 20 شخصا.", "20", "up to"),
    ("بلغت الخسائر ما يفوق 20 مليون دولار.", "20 مليون", "more than"),
])
def test_a_verb_of_exceeding_before_a_count_qualifies_it(sentence, text, qualifier):
    assert number(sentence, text).qualifier == qualifier


@pytest.mark.parametrize(("sentence", "text", "group"), [
    # (twelfth session) an analyst: named Houthis shown as "gunmen and militants (unspecified)". An organisation the
    # noun phrase goes on to name wins over a word for fighters or forces of no one in particular; nothing else does
    ("قتل 5 مسلحين حوثيين في المواجهات.", "5", "houthis"),
    ("وقتل 96 من ميليشيات الحوثي في الحديدة.", "96", "houthis"),
    ("قتل 12 من مسلحي بوكو حرام.", "12", "boko_haram"),
    ("وقال إن 30 مسلحا من داعش قتلوا.", "30", "isis"),
    ("قتل 5 جنود من الجيش العراقي في الهجوم.", "5", "iraqi_forces"),
    ("ومن المتوقع خروج 3200 مسلح وعائلاتهم السبت.", "3200", "militants"),  # (fighters and families: not civilians)
    ("واعتقلت الشرطة 5 مسلحين في المدينة.", "5", "militants"),
    ("قتل 5 جنود إسرائيليين في الهجوم.", "5", "forces:Israel"),  # (a country's soldiers: thirteenth session)
    # (an adversarial review) another side joined by و is no organisation of the first words' people
    ("قتل 7 من عناصر القوات الحكومية والحوثيين.", "7", "forces"),
    ("أصيب 30 من قوات الأمن وعناصر حركة الشباب.", "30", "forces"),
])
def test_an_organisation_named_in_the_noun_phrase_is_the_group(sentence, text, group):
    assert number(sentence, text).group == group
    assert claimant_of("ذبح مقاتلو التنظيم شخصين على الأقل، قال إنهما من الجيش السوري.") != "the army"
    assert claimant_of("وقال الجيش إن 5 جنود قتلوا في الهجوم.") == "the army"  # the speaker still


@pytest.mark.parametrize(("sentence", "text", "group", "label"), [
    # (twelfth session) an analyst: counts of Palestinians shown with no group ("not stated") on a Gaza story's chart
    ("قتل 60 فلسطينيا برصاص الجيش.", "60", "nationals:Palestine", "Palestinians"),
    ("قتل 5 أشخاص فلسطينيين في الغارة.", "5", "nationals:Palestine", "Palestinians"),
    ("أصيب 3 إسرائيليين بجروح.", "3", "nationals:Israel", "Israelis"),
    ("واعتقلت الشرطة 24 أميركيا.", "24", "nationals:United States", "Americans"),
    ("قتل جنديان إسرائيليان.", "جنديان", "forces:Israel", "security forces (Israel)"),  # (soldiers of a country:
    #   an analyst, thirteenth session: Turkish and Israeli soldiers shown as "security forces (unspecified)")
    ("قتل 40 جندي تركي على الأقل.", "40", "forces:Turkey", "security forces (Turkey)"),
    ("قتل 16 عسكريا تركياً في تحطم الطائرة.", "16", "forces:Turkey", "security forces (Turkey)"),
    ("قتل 5 جنود في الهجوم.", "5", "forces", "security forces (unspecified)"),
    ("قتل 5 من جنود الجيش العراقي.", "5", "iraqi_forces", "Iraqi forces"),
    ("وقتل 12 جنديا عراقيا في الهجوم.", "12", "iraqi_forces", "Iraqi forces"),  # (one side, not two: forces_groups)
    ("قتل 5 مدنيين سوريين.", "5", "civilians", "civilians"),
    ("قتل 5 أشخاص في مصر.", "5", "people", "people (total or unspecified)"),  # (a country named: no nationality)
    # (thirteenth session) an analyst: "ثلاثة ليبيين واثنين من الجزائر" showed the two as Libyans
    ("واعتقلت الشرطة ثلاثة ليبيين واثنين من الجزائر.", "واثنين", "nationals:Algeria", "Algerians"),
    ("وقتل 20 من مصر في الحادث.", "20", "nationals:Egypt", "Egyptians"),
])
def test_a_nationality_the_counted_noun_names_is_its_group(sentence, text, group, label):
    from generator.analysis.labels import group_label, is_group
    found = number(sentence, text)
    assert (found.group, group_label(found.group)) == (group, label) and is_group(found.group)


def test_a_country_a_count_came_from_is_no_nationality():
    # (an adversarial review of the thirteenth session's rule: "من" + country is where they came from after a verb
    # of moving or with "إلى" after it; two countries are not one nationality)
    assert not number("وتم ترحيل 150 من السعودية إلى إثيوبيا.", "150").group.startswith("nationals:")
    assert not number("ورحلت السلطات الألمانية 500 من ألمانيا.", "500").group.startswith("nationals:")
    assert not number("واعتقل 12 من المغرب وتونس.", "12").group.startswith("nationals:")


def test_protesters_of_a_nationality_who_storm_a_building_are_no_armed_attackers():
    assert number("اقتحم عشرات العراقيين المحتجين القنصلية الإيرانية في البصرة.", "عشرات").category == "other people"



def test_a_dual_of_soldiers_names_their_group():
    assert number("قتل جنديين تركيين في هجوم على الحدود.", "جنديين").group == "forces:Turkey"
    assert number("قتل عسكريان تركيان في الهجوم.", "عسكريان").group == "forces:Turkey"


# Kinds of numbers the sixth and seventh tuning batches (bench/gold/figures_tune6.yml, figures_tune7.yml) showed
# the rules missing; each sentence here is written for the test, not taken from the corpus.
SIXTH_ROUND = [
    # an age set off by commas after a name; an age after "أعمارها"
    ("واعتقلت الشرطة الناشط، 41 عاما، في مدينة طنجة.", "41", "age", ""),
    ("ودعت الحكومة الأسر التي تقل أعمارها عن 35 عاما إلى التسجيل.", "35", "age", ""),
    ("وقضى في السجن 12 عاما، ثم أفرج عنه.", "12", "duration", ""),  # no comma before: a duration still
    # Latin letters spelled in Arabic before digits: a name, whatever follows it
    ("وقالت إن ثلث الموظفين في إم آي 5 نساء.", "5", "identifier", ""),
    ("وبثت قناة بي بي سي 2 البرنامج.", "2", "identifier", ""),
    # others one goes with are people
    ("وحوكم الصحفي مع ثلاثة آخرين بتهمة التحريض.", "ثلاثة", "people", "other people"),
    ("وسجل المهاجم هدفا وصنع اثنين آخرين.", "اثنين", "other", ""),  # two other goals, as before
    # a toll and its link with a qualifier of four words between
    ("وارتفعت حصيلة القتلى في المدينة إلى ما لا يقل عن 40 متظاهرا.", "40", "people", "killed"),
    ("وارتفعت حصيلة القتلى إلى 12 شخصا، واعتقلت الشرطة 30 متظاهرا.", "30", "people", "arrested"),
    # people in shelters or relief camps after a disaster are displaced
    ("وقال الصليب الأحمر إن عدد الأشخاص في ملاجئ الطوارئ وصل إلى 15 ألف شخص.", "15 ألف", "people", "displaced"),
    # struck by an illness in a vaccination campaign: infected, not wounded
    ("وتهدف الحملة في المنطقة حيث أصيب 700 شخص إلى تطعيم 300 ألف طفل.", "700", "people", "other people"),
    # nouns of things and people this round added
    ("وضبطت الشرطة 12 بندقية آلية و3 مسدسات.", "12", "count", ""),
    ("وضبطت الشرطة (8) بنادق آلية.", "8", "count", ""),
    ("وشاركت في السباق 30 سائقة من عشر دول.", "30", "people", "other people"),
    ("وتوظف الشركة ألفي منسق لمراجعة المحتوى.", "ألفي", "people", "other people"),
]
SEVENTH_ROUND = [
    ("وقال المسعفون إن نحو ثلاثين شخصا اختنقوا حتى الموت في القبو.", "ثلاثين", "people", "killed"),
    ("وسجل المهاجم في الدقيقتين 12 و77 من المباراة.", "12", "ordinal", ""),
    ("ويعقد المؤتمر في 14 من الشهر الجاري في العاصمة.", "14", "date", ""),
    ("وفاة الممثل المصري الكبير عن 81 عاما بعد صراع مع المرض", "81", "age", ""),
    ("وفاة المطرب الشهير عن «70» عاما", "70", "age", ""),  # quoted, its unit outside
    ("«85» بالمائة نسبة الإشغال في الفنادق", "85", "percent", ""),
    ("وله ابن عمره سنتان يعيش مع جدته.", "سنتان", "age", ""),
    ("وتلقت غرفة العمليات 240 بلاغا خلال الأسبوع.", "240", "count", ""),
    ("وصنعت ساعة من الذهب عيار 18 قيراطا.", "18", "measure", ""),
    ("ونقل المسعفون 45 حالة إلى المستشفى بعد الحادث.", "45", "people", "wounded"),  # patients (sixteenth session:
    #                                                             taken to hospital after an accident, hurt)
    ("وسجلت المحاكم 500 حالة طلاق خلال العام.", "500", "count", ""),  # cases, not patients
    ("وبلغ عدد المصابين 70 مصابا، نقل 40 حالة منهم إلى المستشفى.", "40", "people", "wounded"),  # of them
    ("ويعتكف المصلون في العشر الأواخر من رمضان.", "العشر", "other", ""),  # the last ten nights
    ("وقصفت القوات قرية شيخين في الريف.", "شيخين", "identifier", ""),  # a village, not two sheikhs (عربين, the
    #                               example here before, is now among the names shaped like a dual: not_duals)
    ("وأفرج عنه بعد اعتقاله مع 4 نشطاء آخرين في العاصمة.", "4", "people", "arrested"),  # arrested with him
    ("ونشر صورا له مع 3 أطفال في الحديقة.", "3", "people", "other people"),  # no masdar: nothing befell them
]

EIGHTH_ROUND = [
    # a count after مقابل shares the category of the count before, nouns of its phrase with و between
    ("وقتل 40 عنصرا من الجيش وحلفائه مقابل 25 مسلحا من الفصائل.", "25", "people", "killed"),
    ("قتل 5 جنود، مقابل 3 مسلحين", "3", "people", "other people"),  # a comma: another clause
    ("وسيطرت الفصائل على 12 قرية مقابل 3 قرى للجيش.", "3", "count", ""),
    # people held by an armed group that is no state's are hostages; held by a state's forces, detained
    ("وتحدث ناشطون عن نحو 50 شخصا محتجزين لدى تنظيم داعش في المدينة.", "50", "people", "hostages"),
    ("وأكدت المنظمة وجود 30 عائلة محتجزة من قبل الميليشيات.", "30", "people", "hostages"),
    ("وقال الجيش إن 50 شخصا محتجزون لدى الشرطة العسكرية.", "50", "people", "detained"),
    ("ويبقى مصير 800 شخص تحتجزهم جماعات مسلحة مجهولا.", "800", "people", "hostages"),  # the holding verb's subject
    ("ويبقى مصير 800 شخص تحتجزهم قوات النظام مجهولا.", "800", "people", "detained"),
    ("ولا يزال 20 ناشطا يقبعون في سجون الميليشيات.", "20", "people", "hostages"),  # in an armed group's prisons
    ("ولا يزال 20 ناشطا يقبعون في سجون النظام.", "20", "people", "detained"),
    ("وطالبوا بإطلاق سراح 12 امرأة يحتجزهم تنظيم \"الدولة الإسلامية\".", "12", "people", "hostages"),
    # the wounded of an outbreak are its infected (other people), unless violence or an accident is named
    ("وحذر الأطباء من تفشي الكوليرا في المخيم، وقالوا إن عدد المصابين تجاوز 300 مصاب.", "300", "people",
     "other people"),
    ("وأصيب 20 شخصا في انفجار بالمخيم الذي يعاني من وباء الكوليرا.", "20", "people", "wounded"),
    # a dual verb of surrender after the count (not the feminine singular: also a town's or a company's, "الشركة
    # التي استسلمت")
    ("وقالت الشرطة إن اثنين من المطلوبين سلما نفسيهما.", "اثنين", "people", "surrendered"),
    ("وكان 200 من المقاتلين سلموا أنفسهم للجيش.", "200", "people", "surrendered"),
    # one in N after a rate is a share; one of N people is a count of them
    ("وتبلغ نسبة الإصابة بالمرض واحدا من 8 أشخاص في العالم.", "8", "other", ""),
    ("وكان واحد من 11 شخصا قتلوا في الهجوم طفلا.", "11", "people", "killed"),
    # after "العام" a number that is no plausible year and counts a noun is a count
    ("وولد في المستشفى خلال النصف الأول للعام 297 مولوداً.", "297", "people", "other people"),
    ("وباعت الشركة العام الماضي 299 هاتف ذهبي.", "299", "count", ""),
    ("توفي الشاعر سنة 354هـ في العراق.", "354", "year", ""),
    ("بني المعبد عام 300 قبل الميلاد.", "300", "year", ""),
    # detention pending trial is detained; a sentence to prison names nothing that befell them yet
    ("وجددت النيابة حبس أربعة من أعضاء الجماعة 15 يوما.", "أربعة", "people", "detained"),
    ("وقضت المحكمة بحبس 3 متهمين.", "3", "people", "other people"),
    ("وشهد الرئيس تخريج الدفعة 151 من المعهد.", "151", "ordinal", ""),  # a graduating class
    # victims take no category of their own (dead, hurt, abused or defrauded: the sentence's topic, not a rule's)
    ("ويقدر البعض أن هناك مئات الضحايا للاعتداء الجنسي في الهجوم الإعلامي.", "مئات", "people", "other people"),
    ("استقبل الملك 25 من ضحايا التفجير الذي أسفر عن مقتل 12 شخصا.", "25", "people", "other people"),
    # nouns for people: lovers of a thing, employers
    ("ويثير النبأ انزعاج الملايين من عشاق القهوة.", "الملايين", "people", "other people"),
    ("ويضم الموقع أكثر من 40,000 صاحب عمل.", "40,000", "people", "other people"),
    # after a count and a comma, a pronoun names who they were
    ("قتل 5 أشخاص، هم 3 رجال وامرأتان", "3", "people", "killed"),
    ("قتل 5 أشخاص في الهجوم الذي وقع أمس في المدينة الكبيرة بعد الظهر، وهم 3 رجال", "3", "people",
     "other people"),  # too far from the count
    ("حادث مروري يصرع ويصيب 8 في المنطقة", "8", "people", "killed"),  # killed and wounded together: killed
    ("وحصل مشروع القرار على تأييد 11 عضوا في المجلس.", "11", "count", ""),  # a resolution's votes are states'
    # going home is no displacement; leaving it is
    ("وعاد 300 شخص إلى منازلهم بعد انتهاء المعارك.", "300", "people", "other people"),
    ("وفر 300 شخص من منازلهم بعد القصف.", "300", "people", "displaced"),
]

# Sentences a review helper wrote to break the eighth round's rules, on which a first version went wrong (each
# rule was narrowed until these read as the old rules did or better): bench/gold/FIGURES.md, "A review of the round".
EIGHTH_ROUND_REVIEW = [
    ("قتل 3 جنود أتراك يقاتلون إلى جانب 2000 مقاتل من فصائل المعارضة السورية", "2000", "people", "other people"),
    ("قتل 5 جنود أمريكيين من القوة التي تنتشر إلى جانب 900 جندي فرنسي في مالي", "900", "people", "other people"),
    ("قتل 12 شخصا في غرق العبارة مقابل 140 راكبا تم إنقاذهم", "140", "people", "other people"),
    ("لا يزال 70 شخصا محتجزين لدى القوات المسلحة السودانية منذ اندلاع الاحتجاجات", "70", "people", "detained"),
    ("لا تزال 40 عائلة محتجزة تحت أنقاض المباني المنهارة بعد الزلزال", "40", "people", "other people"),
    ("يعمل 400 موظف في الشركة التي استسلمت أخيرا لمطالب النقابة", "400", "people", "other people"),
    ("وصل 500 نازح إلى المدينة التي استسلمت للقوات الحكومية", "500", "people", "displaced"),
    ("وقال إن معدل الوفيات ارتفع بعد وفاة واحد من 12 مريضا نقلوا إلى المستشفى", "12", "people", "killed"),
    ("لم يتمكن 50 ألف شخص من العودة إلى منازلهم بسبب القصف المستمر", "50 ألف", "people", "displaced"),
    ("سقط 25 جريحا في احتجاجات ضد إجراءات الإغلاق المفروضة لمواجهة تفشي فيروس كورونا", "25", "people", "wounded"),
    ("نقل 40 مصابا إلى المستشفى بعد انقلاب حافلة تقل عمالا في الحجر الصحي بسبب كورونا", "40", "people",
     "wounded"),
    ("قتل 3 مستوطنين في عملية نفذها مسلحون، هم 4 شبان من مخيم جنين", "4", "people", "other people"),
    ("قتل 3 مدنيين في مدينة دوما وطفلان في بلدة حمورية جراء القصف", "وطفلان", "people", "killed"),
    ("ونال مشروع القرار تأييد 72 عضوا في مجلس النواب الأمريكي", "72", "people", "other people"),
    ("في عام 132 هجرياً سقطت الدولة الأموية", "132", "year", ""),
    ("في عام 570 ولد النبي في مكة", "570", "year", ""),
    ("أحال النائب العام 1500 متهم إلى المحاكمة العسكرية", "1500", "people", "other people"),
    ("وتعود اللوحة إلى العام 1882.", "1882", "year", ""),
    ("أيدت محكمة الاستئناف حكم حبس 12 ناشطا بتهمة التظاهر", "12", "people", "other people"),
    ("حبس 3 آلاف متفرج أنفاسهم في الدقائق الأخيرة من المباراة", "3 آلاف", "people", "other people"),
    ("وتضم الدفعة 250 خريجا من مختلف التخصصات", "250", "people", "other people"),
    ("بلغت قيمة الدفعة 750 مليون دولار", "750 مليون", "money", ""),
    ("وزعت الجمعية في المرحلة الثانية عشرة آلاف سلة غذائية", "عشرة آلاف", "count", ""),
    ("تلقى 200 من ضحايا الفيضانات مساعدات غذائية وخياما", "200", "people", "other people"),
    ("عالج الأطباء 50 من ضحايا القصف في المستشفى الميداني", "50", "people", "other people"),
]

LIMITS = [  # a capacity, a threshold or a limit is how many a rule allows or asks for, not people counted (#15)
    ("وسيقتصر عدد المسافرين على 20 راكبا في كل رحلة.", "20", "count", ""),
    ("ويجب أن يسيروا في جماعات مكونة من ثلاثة أشخاص أو أكثر.", "ثلاثة", "count", ""),
    ("وأن يسيروا في جماعات مكونة من ثلاثة أشخاص أو أكثر.", "ثلاثة", "people", "other people"),  # no rule stated
    ("ويشترط ألا يقل عدد المشاركين عن 50 شخصا.", "50", "count", ""),
    ("حددت الوزارة الحد الأدنى بـ 15 طالبا في الفصل.", "15", "count", ""),
    ("ويحق لكل أسرة استقدام 4 عمال منزليين كحد أقصى.", "4", "count", ""),
    ("وتشمل فئة المنشآت البالغ عدد العاملين بها (130) عاملاً فأكثر.", "130", "count", ""),  # a class defined by it
    # a toll with "at least" stays a toll; a measure or a duration with "or more" stays one
    ("وقتل ما لا يقل عن 20 شخصا في الهجوم.", "20", "people", "killed"),
    ("وقتل 20 شخصا على الأقل في الهجوم.", "20", "people", "killed"),
    ("يشترط أن تضم كل مجموعة شخصين فأكثر.", "شخصين", "count", ""),  # a dual too
    ("وقتل شخصان فأكثر في الحادث.", "شخصان", "people", "killed"),
    ("وقد يرتفع منسوب المياه ستة أمتار أو أكثر.", "ستة", "measure", ""),
    ("وقد يستمر الانتظار ثلاثة أيام أو أكثر.", "ثلاثة", "duration", ""),
    ("وأصيب 3 أشخاص في الحادث أو أكثر بقليل.", "3", "people", "wounded"),  # (a place between: no limit)
    ("قتل 3 أشخاص أو أكثر في الهجوم.", "3", "people", "killed"),  # a toll's own verb: a count, roughly
    ("اعتقلت الشرطة 5 أشخاص أو أكثر.", "5", "people", "arrested"),
    ("وتستوعب القاعة ما يصل إلى 500 شخص.", "500", "count", ""),  # a capacity, a qualifier between
    ("وسيسمح لـ 300 حاج فقط بدخول الموقع.", "300", "count", ""),
    ("وقتل ما يصل إلى 20 شخصا.", "20", "people", "killed"),
]

NINTH_ROUND = [  # sentences with no cue word (figures_tune9.yml): types, and people counted by a plural participle
    ("وقال إن 3 ملايين مهددون بالمجاعة.", "3 ملايين", "people", "other people"),
    ("وإن 500 ألف محاصرون في المدينة.", "500 ألف", "people", "other people"),
    ("وشارك 5 آلاف ماراثون في المدينة.", "5 آلاف", "count", ""),  # (a loanword: no participle)
    ("وأنجزت الشركة مشروعين جديدين.", "مشروعين", "count", ""),  # (a dual in ين: no participle)
    ("أغلق المؤشر عند مستوى 8654 نقطة متراجعا بمقدار 443 نقطة.", "8654", "other", ""),  # an index's value
    ("وتراجع نيكي 440,65 نقطة إلى 21857,43 نقطة.", "440,65", "other", ""),
    ("خسر مؤشر سوق الأسهم 5 في المائة بعد أن أغلق عند مستوى 8654 نقطة.", "8654", "other", ""),  # ("خسر": no match)
    ("وتتقدم ليفربول بفارق 6 نقاط في الدوري بعد الفوز بهدفين.", "6", "count", ""),  # league points
    ("وتتمركز القوات التركية في 12 نقطة للمراقبة.", "12", "count", ""),
    ("أعلنت تدشين سفارتها بالقدس في الـ14 من مايو الجاري.", "14", "date", ""),
    ("تجتمع اللجنة في الـ 28 من كل شهر لتحديد الأسعار.", "28", "date", ""),
    ("ورفع صلاح رصيده هذا الموسم إلى 43 هدفا في كل البطولات.", "43", "count", ""),  # no two-digit year
    ("وفي عام 99 شهدت المدينة فيضانا.", "99", "year", ""),
    ("أرسلنا أكثر من 15000 برقية للملك.", "15000", "other", ""),  # a qualifier: a quantity, no code
    ("تجتمع اللجنة في الـ14 من شهر مايو.", "14", "date", ""),  # gaps the review found
    ("ويعقد المؤتمر في الـ20 من الجاري.", "20", "date", ""),
    ("للطلاب من الصف 6 فما دون.", "6", "ordinal", ""),
    ("للاستفسار اتصلوا على الرقم 920033360.", "920033360", "identifier", ""),
]


TENTH_ROUND = [  # (2026-11-27, sixth session) deaths counted by their singular after the number, like "إصابة"
    ("سجلت الوزارة 45 وفاة جديدة بفيروس كورونا.", "45", "people", "killed"),  # an identifier before
    ("تسبب التلوث في وفاة ما يقدر بـ3.8 مليون وفاة في نفس الفترة.", "3.8 مليون", "people", "killed"),
    ("ارتفع عدد حالات الوفاة إلى 30 وفاة و120 إصابة.", "30", "people", "killed"),
    ("وتوفي بعد 10 سنوات من وفاة والده.", "10", "duration", ""),  # a death after the counted noun: no count
    ("توفي عن 85 عاما بعد 3 أيام من وفاة زوجته.", "85", "age", ""),
    ("نفذت قوات الاحتلال 40 حالة اعتقال في الضفة.", "40", "count", ""),  # cases, not people: tried and taken out
    ("وسجلت الشركة 300 حالة اختطاف حسابات على مواقع التواصل.", "300", "count", ""),  # (hijacked accounts, ships …)
    ("سجلت المستشفيات 40 حالة تسمم.", "40", "people", "other people"),  # cases of no fate the rules name
    ("أصدرت المحكمة 12 حكما بالإعدام.", "12", "count", ""),  # verdicts, not referees
    ("نفذت السلطات 12 حكم إعدام.", "12", "count", ""),
    ("وأصدرت المحاكم 300 حكم قضائي.", "300", "count", ""),
    ("عين الاتحاد 12 حكما للبطولة.", "12", "people", "other people"),  # referees
    ("وفي 2010 وفاة والدته.", "2010", "year", ""),  # a year, then the event (own check of the round)
    # the round's adversarial review: a masdar taking its own complement is the event, not what a number counts
    ("وشهد 2022 وفاة الملكة إليزابيث الثانية.", "2022", "year", ""),
    ("وشهدت مصر في 1882 وفاة عدد من قادة الثورة.", "1882", "year", ""),
    ("وسجلت المملكة خلال 2021 وفاة 1200 شخص غرقا.", "2021", "year", ""),
    ("وسجلت المملكة خلال 2021 وفاة 1200 شخص غرقا.", "1200", "people", "killed"),
    ("وشهد يوم 15 وفاة ثلاثة أطفال جوعا في غزة.", "15", "other", ""),
    ("ولم تسجل البلاد منذ 2015 وفاة واحدة بالملاريا.", "2015", "year", ""),  # since a year
    ("وارتفعت الحصيلة إلى 7 جنود بعد وفاة اثنين من المصابين.", "اثنين", "people", "killed"),  # two of the
    #                                                                       wounded died: wounded before
    ("وسجلت الكويت بسبب كوفيد 19 وفاة واحدة و800 إصابة.", "19", "identifier", ""),  # a disease's name
    ("تسببت حوادث الطرق في 2015 إصابة خلال العام الماضي.", "2015", "people", "wounded"),  # caused, not "in"
    ("وتسبب الانفجار في 1950 إصابة، بحسب الدفاع المدني.", "1950", "people", "wounded"),
    ("وأصدرت المحكمة 30 حكما غيابيا بحق قيادات الجماعة.", "30", "count", ""),
    ("وأيدت محكمة الاستئناف 14 حكما نهائيا بالإعدام.", "14", "count", ""),
    # the round's code review (sixth session): what its first guard and lists got wrong
    ("سجلت الوزارة 120 إصابة خطيرة.", "120", "people", "wounded"),  # a quantity before the masdar counts it
    ("سجلت الوزارة 120 إصابة وثلاث وفيات.", "120", "people", "wounded"),
    ("سجلت الوزارة 120 إصابة 15 منها حرجة.", "120", "people", "wounded"),
    ("سجلت الوزارة 45 إصابة مؤكدة بفيروس كورونا.", "45", "people", "other people"),  # ("مؤكدة" normalised)
    ("وشهد 2019 وفاة لاعب شهير.", "2019", "year", ""),  # "لاعب" is no preposition
    ("فمنذ 2015 وفاة واحدة فقط.", "2015", "year", ""),
    ("سجلت 45 وفاة للأطفال.", "45", "people", "killed"),
    ("بعد أن نتج عن الحادث حالة وفاة واحدة.", "واحدة", "people", "killed"),  # the masdar before the number
    ("ظل رجال الإنقاذ ساعتين يبحثون عن ناجين.", "ساعتين", "duration", ""),  # a feminine dual: no participle
    ("ضبطت البحرية قاربين يقلون مهاجرين.", "قاربين", "count", ""),  # a thing, not a participle for people
    ("توفي بسبب كوفيد 1200 شخص خلال أسبوع.", "1200", "people", "killed"),  # only "كوفيد 19" is a name
    ("وتقدم من المرشحين ثلاثة للانتخابات.", "ثلاثة", "people", "other people"),  # a word with a preposition after
    ("أصدرت المحكمة 12 حكما بالبراءة.", "12", "count", ""),
    # the round's second adversarial review (227 sentences): what the reviewed rules broke, now read as before
    ("وسجلت المملكة 8 وفيات و350 إصابة الأحد.", "350", "people", "wounded"),  # "الأحد" is no number word
    ("واعتقلت السلطات ضابطين يعملون في جهاز المخابرات.", "ضابطين", "people", "arrested"),  # a dual, a plural verb
    ("وأصيب في الحادث راكبين يجلسون في المقعد الأمامي.", "راكبين", "people", "wounded"),
    ("وتوفي من المصابين اثنان، بحسب مصادر المستشفى.", "اثنان", "people", "killed"),  # the verb, not the partitive
    ("وقتل من الرهائن ثلاثة، بحسب الخاطفين.", "ثلاثة", "people", "killed"),
    ("ونقل من الجرحى خمسة إلى مستشفيات الأردن.", "خمسة", "people", "wounded"),
    ("وجمعت الحملة من المتبرعين ثلاثة ملايين خلال أسبوع.", "ثلاثة ملايين", "other", ""),  # a sum, not donors
    ("واستدان من التجار ألفين ليكمل بناء منزله.", "ألفين", "other", ""),
    ("وأصدرت محكمة الجنايات 200 حكم غيابي بحق فارين.", "200", "count", ""),  # verdicts by what follows "حكم"
    ("وأصدرت المحكمة 20 حكما بإدانة متهمين في قضايا فساد.", "20", "count", ""),
    ("وأصدرت المحكمة 5 أحكام في القضية.", "5", "count", ""),
    # the sixth session's blind review's other numbers: dates and years read as counts
    ("ويستمر المهرجان لغاية 22 من نفس الشهر.", "22", "date", ""),
    ("وحتى 31 من ذات الشهر.", "31", "date", ""),
    ("أو في نسخة 2011 من البطولة القارية.", "2011", "year", ""),
    ("وبيعت 5000 نسخة من الكتاب.", "5000", "count", ""),  # copies, not an edition
    ("منذ 2011 إصابة اللاعب تبعده عن الملاعب.", "2011", "year", ""),
    ("ارتفع العدد إلى 2010 إصابات.", "2010", "people", "wounded"),
    # the sixth session's blind review of the build (tuning half): a participle's -ين taken for two; a partitive
    ("وله من الأبناء اثنان ويسكن مع والديه.", "اثنان", "people", "other people"),
    ("ولديه من الأولاد ثلاثة ومن البنات اثنتان.", "اثنتان", "people", "other people"),
    ("إن تسع نساء من التجار وخمسة رجال قتلوا.", "وخمسة", "people", "killed"),  # a noun after: it counts that
    ("اعتقلت الشرطة شخصين يحملون أسلحة.", "شخصين", "people", "arrested"),  # "شخص" has no -ين plural
    ("أصيب راكبين يستقلان الحافلة.", "راكبين", "people", "wounded"),  # a dual verb
    ("بعد يومين ينقلون إلى أثينا.", "يومين", "duration", ""),
]

ELEVENTH_ROUND = [  # (2026-11-27, seventh session) denied cues, rates per head, trillions
    # a cue denied names nothing (the count's own noun still does); an exceptive makes the count the category
    ("لم يقتل أي من الجنود العشرة.", "العشرة", "people", "other people"),
    ("دون أن يصاب أي من الطلاب الـ 40.", "40", "people", "other people"),
    ("ولم يتم اعتقال 5 متظاهرين.", "5", "people", "other people"),  # past an auxiliary
    ("لم يعتقل 5 أشخاص كما أشيع.", "5", "people", "other people"),
    ("ودعت المنظمة إلى عدم إعدام 3 مدانين.", "3", "people", "other people"),
    ("وقالت السلطات إنه لن يتم إعدام 3 مدانين.", "3", "people", "other people"),
    ("ولم يتم اعتقال متظاهرين اثنين.", "اثنين", "people", "other people"),  # the verb right before the noun
    ("لم يتم اعتقال إلا شخصين.", "شخصين", "people", "arrested"),  # past "إلا" (no clause's end here)
    ("لم يقتل إلا جندي واحد.", "واحد", "people", "killed"),
    ("لم يتم اعتقال سوى شخصين.", "شخصين", "people", "arrested"),  # (right before too)
    ("لم يقتل سوى جندي واحد.", "واحد", "people", "killed"),
    ("لم يقتل غير جندي واحد.", "واحد", "people", "killed"),
    ("ولم يعثر على أي من المفقودين الخمسة.", "الخمسة", "people", "missing"),  # the noun says so
    ("لم يقتل أي من الجنود غير المسلحين العشرة.", "العشرة", "people", "other people"),  # "غير" an adjective
    # not a single one: no count
    ("ولم تسجل البلاد منذ 2015 وفاة واحدة.", "واحدة", "other", ""),
    ("لم تسجل حالة وفاة واحدة.", "واحدة", "other", ""),
    ("لا يوجد طبيب واحد في المدينة.", "واحد", "other", ""),
    ("لم يقتل جندي واحد في الهجوم.", "واحد", "other", ""),
    # no denial, or another clause's: as before
    ("قتل ما لا يقل عن 27 مدنيا.", "27", "people", "killed"),
    ("ولا يزال هناك 2.6 مليون نازح.", "2.6 مليون", "people", "displaced"),
    ("ولم يسفر الحادث عن سقوط قتلى، بينما أصيب ستة جنود.", "ستة", "people", "wounded"),
    ("ولا يزال جندي واحد مفقودا.", "واحد", "people", "missing"),
    ("وكانت شرطة الحدود لا تزال تحتجز 44 ألف بالغ.", "44 ألف", "people", "detained"),
    ("بعد لم شمل عائلة واحدة.", "واحدة", "people", "other people"),  # a reunion
    ("لم يصب أحد بل قتل جندي واحد.", "واحد", "people", "killed"),
    ("لم يصب أحد وتوفي شخص واحد.", "واحد", "people", "killed"),
    ("و29 حالة لم يتم نقلها كان بينها حالة وفاة واحدة.", "واحدة", "people", "killed"),  # among them
    ("وتساهم الأسر التي لا تملك أطفالا أو طفل واحد فقط.", "واحد", "people", "other people"),  # only one
    # an adversarial review of the first version (/tmp/review-r13): the denial of another clause, exceptives
    # "باستثناء"/"عدا", two denials ("لم يحل دون"), "not until", "كل" + a number that is all of them
    ("ولم تتبن أي جهة الهجوم الذي أدى إلى مقتل جندي واحد.", "واحد", "people", "killed"),
    ("ولم يعرف سبب الانفجار الذي أسفر عن وفاة شخص واحد.", "واحد", "people", "killed"),
    ("ولم يصدر أي تعليق على وفاة معتقل واحد في السجن.", "واحد", "people", "killed"),
    ("ولم تسجل أي إصابات في صفوف القوات باستثناء جندي واحد أصيب بجروح طفيفة.", "واحد", "people", "wounded"),
    ("لم يقتل أحد عدا جندي واحد.", "واحد", "people", "killed"),
    ("لكن ذلك لم يحل دون مقتل 14 شخصا في الغارات.", "14", "people", "killed"),
    ("لكن الإجراءات الأمنية لم تحل دون اعتقال 30 متظاهرا.", "30", "people", "arrested"),
    ("ولا يكاد يمر يوم دون اعتقال 10 أشخاص على الأقل في الضفة الغربية.", "10", "people", "arrested"),
    ("حال الدفاع المدني دون وفاة 20 شخصا.", "20", "people", "other people"),  # prevented: one denial
    ("ولم يتم اعتقال المتهمين الأربعة إلا بعد أسبوعين من الحادث.", "الأربعة", "people", "arrested"),
    ("لقي كل 12 راكبا كانوا على متن الطائرة حتفهم.", "12", "people", "killed"),
    ("ويعاني كل 3 ملايين نسمة في المدينة من انقطاع المياه.", "3 ملايين", "people", "other people"),
    ("وصل معدل المراقبة إلى كاميرا واحدة لكل 11 شخصا.", "11", "other", ""),  # "لكل": per 11, whatever the number
    # a clause of condition or of what must come first: the cue before it is not the count's (review r13)
    ("يهدد المسلحون بقتل الرهائن ما لم يتم الإفراج عن 200 معتقل.", "200", "people", "detained"),
    ("وهدد الخاطفون بقتل الرهائن إذا لم يتم الإفراج عن 200 معتقل.", "200", "people", "detained"),
    ("وهدد الخاطفون بقتل الرهائن في حال عدم الإفراج عن 200 معتقل.", "200", "people", "detained"),
    ("هددت الجماعة بقتل الرهائن حتى يتم الإفراج عن 200 سجين.", "200", "people", "detained"),
    ("ارتفعت الحصيلة حتى الآن إلى 50 قتيلا.", "50", "people", "killed"),  # "حتى الآن": so far
    ("واعتقلت الشرطة حتى يوم الأحد 30 شخصا.", "30", "people", "arrested"),  # until a day, no clause
    ("واعتقلت الشرطة حتى تموز الماضي 30 شخصا.", "30", "people", "arrested"),
    # a verb of being able denied, or of failing, before the cue's masdar: nobody arrested (review r13)
    ("لم تتمكن السلطات من اعتقال 4 مشتبه بهم.", "4", "people", "other people"),
    ("لم يستطع الأمن اعتقال 3 مطلوبين.", "3", "people", "other people"),
    ("فشلت الشرطة في اعتقال 5 مشتبه بهم.", "5", "people", "other people"),
    ("تمكنت الشرطة من اعتقال 5 مشتبه بهم.", "5", "people", "arrested"),  # managed to: arrested
    ("واستطاعت القوات اعتقال 12 مسلحا.", "12", "people", "arrested"),
    ("فشل الهجوم الذي أدى إلى مقتل 5 جنود.", "5", "people", "killed"),  # another clause's failure
    # a code review of the two rules above: failing verbs only with the masdar as their complement; "حتى" before a
    # number word; "ألا" is no exceptive; "إلا في" is "not until"
    ("فشل الهجوم وأسفر عن مقتل 3 جنود.", "3", "people", "killed"),
    ("فشل الانقلاب بعد مقتل 12 جنديا.", "12", "people", "killed"),
    ("لم تتمكن الشرطة من منع مقتل 6 أشخاص.", "6", "people", "killed"),  # a failure to prevent: they died
    ("قتل حتى تسعة أشخاص.", "تسعة", "people", "killed"),
    ("ولم يتم اعتقال المتهمين الأربعة إلا في وقت لاحق.", "الأربعة", "people", "arrested"),
    ("ولم يتمكن 200 شخص من الفرار.", "200", "people", "other people"),  # the count the denied verb's subject
    ("وتمكن 200 شخص من الفرار.", "200", "people", "displaced"),
    ("وتمكن 30 سجينا من الهرب.", "30", "people", "escaped"),  # "من الهرب" as "من الفرار"
    ("لم يتمكن 30 سجينا من الهرب.", "30", "people", "detained"),  # (they did not: the noun's own)
    ("يجب ألا يقتل 5 أشخاص.", "5", "people", "other people"),  # "ألا" = أن + لا: denied (and no exceptive)
    ("وحذر من ألا يتم إجلاء 300 شخص.", "300", "people", "other people"),
    # the base of a rate per head: every N (not "لكل الـ 40": all of them)
    ("وسجلت 10 وفيات من كل 100 ألف نسمة.", "100 ألف", "other", ""),
    ("وتسجل 12 حالة وفاة في كل مئة ألف ولادة.", "مئة ألف", "other", ""),
    ("وسجلت 10 وفيات من كل 100 ألف نسمة.", "10", "people", "killed"),
    ("منح الرئيس 500 دولار لكل الـ 40 لاعبا.", "40", "people", "other people"),
    # a number word and the plural multiplier
    ("وقدرت الخسائر بنحو ثلاثة تريليونات دولار.", "ثلاثة تريليونات", "money", ""),
    ("وبلغ الدين العام ثلاثة ترليونات ريال.", "ثلاثة ترليونات", "money", ""),
    ("وتبلغ قيمة الصفقة تريليوني دولار.", "تريليوني", "money", ""),
    ("وبلغت الاستثمارات ثلاثة مليارات دولار.", "ثلاثة مليارات", "money", ""),
    ("وخصصت الحكومة خمسة ملايين دولار.", "خمسة ملايين", "money", ""),
    ("وتبرع بعشرة آلاف دولار.", "عشرة آلاف", "money", ""),
]


@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("بلغت قيمة الشركة 3 تريليونات دولار.", "3 تريليونات", 3_000_000_000_000),  # a count of "تريليونات" before
    ("وبلغ حجم التجارة 4.1 تريليون دولار.", "4.1 تريليون", 4_100_000_000_000),  # 4,099,999,999,999.9995 before
    ("بقيمة 16,6 مليار دولار.", "16,6 مليار", 16_600_000_000),  # 16,600,000,000.000002 before
    ("إلى 129.7 مليار ريال.", "129.7 مليار", 129_700_000_000),
    ("تصل قيمتها إلى ترليون دولار.", "ترليون", 1_000_000_000_000),
    ("بلغت نصف تريليون دولار.", "نصف تريليون", 500_000_000_000),
    ("خسرت 4 ترليونا دولار.", "4 ترليونا", 4_000_000_000_000),
    ("وقدرت الخسائر بنحو ثلاثة تريليونات دولار.", "ثلاثة تريليونات", 3_000_000_000_000),  # a count of 3 before
    ("وتبلغ قيمة الصفقة تريليوني دولار.", "تريليوني", 2_000_000_000_000),
    ("وبلغت قيمتها 2 تريليوني دولار.", "2 تريليوني", 2_000_000_000_000),  # (as "2.9 ملياري")
])
def test_multiplied_values_are_exact(sentence, text, value):
    found = number(sentence, text)
    assert found.value == value and found.type == "money", found


def test_range_ends_are_multiplied_exactly():
    found = number("بلغت الديون بين 4.1 و4.3 تريليون دولار.", "4.1")
    assert (found.low, found.high) == (4_100_000_000_000, 4_300_000_000_000), found


def test_trillions_of_things_are_vague():
    found = number("تؤوي الأمعاء داخلنا تريليونات الميكروبات المهمة.", "تريليونات")
    assert found.vague == "trillions" and found.value is None and found.type != "people", found


def test_a_participle_agreeing_with_a_plural_verb_is_no_dual():
    assert not [n for n in numbers_in("عندما كانت توظف الإذاعة كاتبين يحسنون الضرب على الآلة الكاتبة.")
                if n.value == 2]  # writers (the verb is plural), not two of them


TWELFTH_ROUND = [  # (seventh session, figures_tune10.yml) written for the round's kinds; controls must not change
    # a broken plural of people, or of states, before digits written with the article counts them
    ("وقال أحد القضاة الـ 12 إن الحكم سيصدر غدا.", "12", "people", "other people"),
    ("ونجا الركاب الـ 150 من الحادث.", "150", "people", "other people"),
    ("ويشارك الأطفال الـ30 في المخيم.", "30", "people", "other people"),
    ("ووافقت الدول الـ28 على الاتفاق.", "28", "count", ""),
    ("وأدى الرئيس الـ45 اليمين الدستورية.", "45", "other", ""),  # a singular title: a rank, as before
    ("وانطلقت الدورة الـ 16 للمهرجان.", "16", "ordinal", ""),
    ("وأعلن المرشحين الـ55 برامجهم.", "55", "people", "other people"),
    # "العدد" with an adjective before a noun for people names what the number counts
    ("وارتفع العدد الشهري للمستخدمين بستة ملايين.", "ستة ملايين", "people", "other people"),
    ("ووصل العدد الإجمالي للزوار خلال البطولة إلى ثلاثة ملايين.", "ثلاثة ملايين", "people", "other people"),
    ("وارتفع العدد الكلي للمصابين إلى 40 بحسب الوزارة.", "40", "people", "wounded"),
    ("وبلغ العدد الإجمالي للسيارات 3 ملايين.", "3 ملايين", "other", ""),  # things: as before
    # "تسع" right before digits is the verb (holds): a capacity, not nine
    ("ويضم المبنى قاعة التي تسع 300 شخص.", "300", "count", ""),
    ("وقتل تسع نساء وخمسة رجال.", "تسع", "people", "killed"),
    ("ولعب الفريق مبارياته التسع على أرضه.", "التسع", "count", ""),
    # a dual multiplier in construct with a currency, no number before it
    ("وخسرت الشركة مليارا دولار.", "مليارا", "money", ""),
    ("وبلغت الخسائر 20 مليارا دولار.", "20 مليارا", "money", ""),
    # not a single one: "عدم وجود" denies the detainee; "وجود" alone does not
    ("وأكدت الوزارة عدم وجود معتقل واحد لديها.", "واحد", "other", ""),
    ("وأكدت الشرطة وجود معتقل واحد في القضية.", "واحد", "people", "detained"),
]


THIRTEENTH_ROUND = [  # (eighth session) a built site's review on the fixture events (event3, event4); controls must
    #                  not change
    # a code review: judges who "ruled" in a case are no dead; "members" and "elements" before "الـ N" are no people
    ("وأصدر 3 قضاة قضوا في الدعوى حكما بالسجن.", "3", "people", "other people"),
    ("ونعى الهلال الأحمر ثلاثة من متطوعيه قضوا في الفيضانات.", "ثلاثة", "people", "killed"),  # (a control)
    ("وتشمل العناصر الـ 5 للخطة إصلاحات اقتصادية.", "5", "other", ""),
    ("وصوت الأعضاء الـ 15 في مجلس الأمن على القرار.", "15", "other", ""),
    # "عدد" + a noun for people that names what befell them is a toll, as "عدد القتلى" is, before or after its link
    ("قال الهلال الأحمر إن عدد المفقودين بلغ 10 آلاف شخص.", "10 آلاف", "people", "missing"),
    ("وبلغ عدد المفقودين 300 شخص حتى مساء أمس.", "300", "people", "missing"),
    ("وارتفع عدد الرهائن إلى 40 شخصا.", "40", "people", "hostages"),
    ("وقالت الوزارة إن عدد القتلى بلغ 50 شخصا.", "50", "people", "killed"),  # (a toll phrase: as before)
    ("وبلغ عدد سكان المدينة 5000 شخص.", "5000", "people", "other people"),  # a noun that names no fate
    # a count named after a toll ends it: the population is no toll
    ("ارتفع عدد القتلى إلى 50، فيما بلغ عدد سكان المدينة 5000 نسمة.", "5000", "people", "other people"),
    ("ارتفع عدد القتلى إلى 50، فيما بلغ عدد سكان المدينة 5000 نسمة.", "50", "people", "killed"),
    # a feminine singular verb of displacement right after families agrees with them; further on it has a subject of
    # its own after it
    ("وأشار المرصد إلى أن عشرات العائلات نزحت من قرى قريبة.", "عشرات", "people", "displaced"),
    ("مئات الأسر هجرت منازلها خشية القصف.", "مئات", "people", "displaced"),
    ("يعيش 300 شخص في مدينة نزحت إليها آلاف العائلات.", "300", "people", "other people"),
    ("وصل 30 شخصا إلى المخيم الذي نزحت إليه العائلات.", "30", "people", "other people"),
    # "قضوا" right after the counted people, with how or where, is "died"; it also spends (and rules)
    ("ونعى الهلال الأحمر ثلاثة من متطوعيه قضوا خلال عمليات الإنقاذ ليلة الفيضان.", "ثلاثة", "people", "killed"),
    ("وغرق قارب يقل 40 مهاجرا قضوا غرقا قبالة السواحل.", "40", "people", "killed"),
    ("وقتل 5 أشخاص، بينهم ثلاثة قضوا تحت الأنقاض.", "ثلاثة", "people", "killed"),
    ("ثلاثة أشخاص قضوا ليلتهم في العراء.", "ثلاثة", "people", "other people"),
    ("ثلاثة معتقلين قضوا في السجن 10 سنوات.", "ثلاثة", "people", "detained"),
    ("عشرة صيادين قضوا في البحر أياما.", "عشرة", "people", "other people"),
    ("عشرة صيادين قضوا خلال الصيف أسابيع في البحر.", "عشرة", "people", "other people"),
    ("وقال إن 20 جنديا قضوا على الإرهابيين.", "20", "people", "other people"),
    ("تم تكريم 12 موظفا قضوا في الخدمة 30 عاما.", "12", "people", "other people"),
    ("وأكد أن 5 أطفال قضوا نحبهم.", "5", "people", "killed"),  # (as before)
]

FOURTEENTH_ROUND = [  # (ninth session) a blind review of the real-1000 build's tuning-half rows; controls must not change
    # a vague quantity of a time unit is a duration, as a number of one is
    ("وعاشت هذه الكائنات لآلاف السنين في الكهوف.", "لآلاف", "duration", ""),
    ("وظل الخلاف قائما منذ عشرات السنوات.", "عشرات", "duration", ""),
    ("وبقي الحي مهجورا منذ 3 سنين.", "3", "duration", ""),  # (as before)
    ("وشارك في المسيرة آلاف الأشخاص.", "آلاف", "people", "other people"),  # (a control)
    # two Latin letters spelled in Arabic around the digits name a model
    ("وحلقت قاذفتان من طراز بي 52 إتش فوق البحر.", "52", "identifier", ""),
    ("وأطلقت الطائرة إف 16 صواريخها.", "16", "identifier", ""),  # (a control: one letter before, a type before it)
    # young men and sheikhs are people
    ("واحتشد مئات من الشباب والمشايخ في الساحة.", "مئات", "people", "other people"),
    ("وقتل 3 شيوخ في الغارة.", "3", "people", "killed"),
    # a town of the Ghouta is no dual of "عرب" (a plural, which has none)
    ("وقتل مدنيان في عربين بريف دمشق.", "مدنيان", "people", "killed"),  # (a control)
]

FIFTEENTH_ROUND = [  # (tenth session) a blind review of every tuning-half file's rows left "other people"
    # "N منهم" with no count before it: a part of the people named as the subject after أن/إن
    ("وقال إن المصابين يخضعون للملاحظة، وإن 9 منهم في حالة حرجة.", "9", "people", "wounded"),
    ("وأكد أن القتلى سقطوا في القصف، وأن 5 منهم أطفال.", "5", "people", "killed"),
    ("وأكد أن القتلى بينهم نساء، وأن 5 منهم أطفال.", "5", "people", "other people"),  # the nearest: نساء
    ("وقال إن المصابين بالسكري يتلقون العلاج وإن 9 منهم بحالة جيدة.", "9", "people", "other people"),  # ill
    ("وحمل بعض الشباب صور القتلى، وحمل اثنان منهم رشاشين.", "اثنان", "people", "other people"),  # not the subject
    ("وقال إن الركاب وصلوا، وإن 9 منهم أطفال.", "9", "people", "other people"),  # a noun that names nothing
    ("وقال إن المصابين نقلوا إلى المستشفى، وإن 3 زوار منهم غادروا.", "3", "people", "other people"),  # its own noun
    # "عددا قياسيا من X بلغ N": a toll of X, as "عدد X"
    ("وذكرت الوكالة أن عددا قياسيا من المهاجرين بلغ 49550 شخصا الشهر الماضي.", "49550", "people", "displaced"),
    ("وقال إن عددا كبيرا من الزوار بلغ 5000 شخص.", "5000", "people", "other people"),  # (a control)
    ("وقال إن عددا من المهاجرين وصل إلى 20 مدينة.", "20", "count", ""),  # "عدد من": several, no toll; a thing
    # (a code review: a verb of arriving, or of a peak, with no number right after it, makes no toll)
    ("وقال إن عددا متزايدا من الجرحى يصل إلى المستشفى الذي يعمل فيه 20 طبيبا.", "20", "people", "other people"),
    ("وقال إن عددا كبيرا من النازحين وصل إلى المخيم الذي يديره 40 متطوعا.", "40", "people", "other people"),
    ("وقال إن عددا كبيرا من المهاجرين وصل إلى 5000 شخص.", "5000", "people", "displaced"),
    # a conjunction between a year word and the number: the year word is another phrase's
    ("نقل 9 إلى مستشفى الطور العام و7 إلى مستشفى أبورديس.", "7", "other", ""),
    ("وفي العام 2004 و2005 ارتفعت الأسعار.", "2005", "year", ""),  # (a control)
]


# The adversarial review of the fifteenth round's rules (tenth session, 97 sentences written to break them; its
# first version read 45 of them wrongly, the guards that followed none of these). "a|b": either category is right.
# Left out, still wrong before and after the round: R1-16/21/22/23/38 ("تمكنوا من الفرار" read as flight; the
# homeless as displaced; the fleeing as escapees, so "منهم" names nothing; "المصابين من المشجعين"), R2-14, R2-18 and
# C2-06 (a toll after its count, a count with no noun after "بلغت"), R3-05/06/07 (years and counts after "و").
FIFTEENTH_ROUND_REVIEW = [
    ('وأكد مسؤول محلي أن القتلى دفنوا في مقبرة البلدة بحضور ذويهم، وأن 20 منهم طالبوا بفتح تحقيق في الحادث.', '20', 'people', 'other people'),  # R1-01
    ('وقالت الوزارة إن القتلى سقطوا خلال مواجهات مع عناصر الشرطة، وإن 4 منهم أحيلوا إلى التحقيق بتهمة استخدام القوة المفرطة.', '4', 'people', 'other people'),  # R1-02
    ('وذكرت المنظمة أن المعتقلين تعرضوا للتعذيب على أيدي السجانين، وأن 6 منهم يخضعون الآن للمساءلة.', '6', 'people', 'other people'),  # R1-03
    ('وقال خفر السواحل إن المفقودين ما زال البحث جاريا عنهم، وإن الغرقى انتشلوا من المياه، وإن 5 منهم أطفال.', '5', 'people', 'killed|other people'),  # R1-04
    ('وأوضح المتحدث أن المصابين نقلوا إلى مستشفى المدينة، وأن الموتى نقلوا إلى المشرحة، وأن 3 منهم لم يتم التعرف على هوياتهم.', '3', 'people', 'killed|other people'),  # R1-05
    ('وقالت فرق الإنقاذ إن المفقودين ما زالوا تحت الأنقاض، وإن الذين عثر عليهم نقلوا إلى المستشفى، وإن 3 منهم في حالة حرجة.', '3', 'people', 'wounded|other people'),  # R1-06
    ('وقال خفر السواحل إن المفقودين لم يعثر عليهم بعد رغم مشاركة الغواصين في البحث، وإن 12 منهم من سلاح البحرية.', '12', 'people', 'other people'),  # R1-07
    ('وأعلن الجيش أن القتلى سقطوا في هجوم شنه عناصر التنظيم على الحاجز، وأن 7 منهم يحملون جنسيات أجنبية.', '7', 'people', 'other people|attackers'),  # R1-08
    ('وقالت الشرطة إن المصابين نقلوا إلى المستشفى، فيما واصل المعتصمون اعتصامهم في الساحة، وإن 300 منهم نصبوا خياما جديدة.', '300', 'people', 'other people'),  # R1-09
    ('وأكدت النقابة أن المصابين في المواجهات نقلوا إلى المستشفى، وأن المضربين مستمرون في إضرابهم، وأن 2000 منهم من عمال الموانئ.', '2000', 'people', 'other people'),  # R1-10
    ('وقال المنظمون إن اللاجئين حضروا حفل الافتتاح إلى جانب المكرمين، وإن 12 منهم من كبار الفنانين.', '12', 'people', 'other people'),  # R1-11
    ('وقالت اللجنة إن النازحين صوتوا في مراكز خاصة، وإن المقترعين اصطفوا منذ الصباح، وإن 40 منهم من الشباب.', '40', 'people', 'other people'),  # R1-12
    ('وأعلنت اللجنة أن المعتقلين ترشحوا للانتخابات من داخل السجون، وأن الفائزين أدوا اليمين الدستورية، وأن 12 منهم من المعارضة.', '12', 'people', 'other people'),  # R1-13
    ('وأكد مدير المصنع أن المصابين في الانفجار نقلوا إلى المستشفى، وأن المناوبين واصلوا العمل، وأن 40 منهم لم يغادروا المصنع.', '40', 'people', 'other people'),  # R1-14
    ('وقالت المفوضية إن اللاجئين في المخيمات يعانون نقصا في الغذاء، وإن العائدين إلى قراهم يواجهون دمارا واسعا، وإن 300 منهم لا يملكون وثائق.', '300', 'people', 'other people|displaced'),  # R1-15
    ('وأكدت الشرطة أن الجرحى نقلوا إلى المستشفى بعد أن أطلق المهاجم النار على المارة، وأن 9 منهم لم يصابوا بأذى.', '9', 'people', 'other people'),  # R1-17
    ('وقالت الشرطة إن المختطفين طالبوا بفدية كبيرة، وإن 3 منهم يحملون جنسيات أجنبية.', '3', 'people', 'other people'),  # R1-18
    ('وقالت إدارة الفندق إن النزلاء لم يصابوا بأذى، وإن 20 منهم سياح أجانب.', '20', 'people', 'other people'),  # R1-19
    ('وقالت إدارة الدار إن النزلاء تلقوا الجرعة الثانية، وإن 40 منهم تجاوزوا الثمانين.', '40', 'people', 'other people'),  # R1-20
    ('وقالت الرابطة إن المعتقلين السابقين أسسوا جمعية للدفاع عن حقوقهم، وإن 30 منهم نساء.', '30', 'people', 'other people'),  # R1-24
    ('وقال المدرب إن المهاجمين لم يقدموا المستوى المطلوب هذا الموسم، وإن 2 منهم سيغادرون النادي في الصيف.', '2', 'people', 'other people'),  # R1-25
    ('وقال المدرب إن المهاجمين أهدروا فرصا كثيرة، وإن 2 منهم سيغيبون عن اللقاء المقبل.', '2', 'people', 'other people'),  # R1-26
    ('وقالت الوزارة إن المصابين بالسل يتلقون العلاج مجانا، وإن 40 منهم أطفال.', '40', 'people', 'other people'),  # R1-27
    ('وأوضحت الجمعية أن المصابين بالتوحد يحتاجون إلى رعاية خاصة، وأن 120 منهم يدرسون في مدارس عادية.', '120', 'people', 'other people'),  # R1-28
    ('وأعلنت مديرية الصحة أن المصابين بحمى الضنك يتلقون العلاج، وأن 15 منهم في العناية المركزة.', '15', 'people', 'other people'),  # R1-29
    ('وقال الأطباء إن المصابين بالربو تضرروا من العاصفة الترابية، وإن 30 منهم يحتاجون إلى أجهزة تنفس.', '30', 'people', 'other people'),  # R1-30
    ('وقالت المنظمة إن المصابين يتلقون العلاج في مراكز عزل أقيمت بعد تفشي الكوليرا عقب السيول، وإن 40 منهم أطفال.', '40', 'people', 'other people'),  # R1-31
    ('وإثر حالات التسمم الغذائي في المدرسة، قال المدير إن المصابين نقلوا إلى المستشفى، وإن 12 منهم غادروه مساء.', '12', 'people', 'other people'),  # R1-32
    ('وأكد رئيس الجمعية أن المصابين بالثلاسيميا يحتاجون إلى نقل دم منتظم، وأن 600 منهم من الأطفال.', '600', 'people', 'other people'),  # R1-33
    ('وأوضحت الوزارة أن المصابين بالفشل الكلوي يخضعون لغسيل الكلى، وأن 800 منهم ينتظرون زراعة كلية.', '800', 'people', 'other people'),  # R1-34
    ('وقالت السلطات السعودية إن المصابين بضربات الشمس من الحجاج تلقوا العلاج، وإن 50 منهم غادروا المستشفيات.', '50', 'people', 'other people|wounded'),  # R1-35
    ('وفي ما يتعلق بمرض الجرب، أكدت الوزارة أن المصابين يتلقون العلاج في المدارس، وأن 70 منهم من التلاميذ.', '70', 'people', 'other people'),  # R1-36
    ('وأفادت المنظمة بأن المعتقلين حرموا من زيارة ذويهم، وبأن 15 منهم اعتصموا أمام بوابة السجن.', '15', 'people', 'other people'),  # R1-37
    ('وانضم عدد كبير من المعتقلين السابقين إلى الحزب الذي يضم 3000 عضو.', '3000', 'people', 'other people'),  # R2-01
    ('وانضم عدد كبير من اللاجئين إلى 400 متطوع يعملون في المخيم.', '400', 'people', 'other people'),  # R2-02
    ('ارتفع عدد القتلى في الهجوم على المسجد الذي يرتاده عدد كبير من المصلين إلى 45 شخصا.', '45', 'people', 'killed'),  # R2-03
    ('ارتفع عدد القتلى في القصف الذي استهدف مخيما يؤوي عددا كبيرا من النازحين إلى 45 شخصا.', '45', 'people', 'killed'),  # R2-04
    ('وصل عدد كبير من المهاجرين إلى الجزيرة التي يقطنها 5000 شخص.', '5000', 'people', 'other people'),  # R2-05
    ('ونقل عدد كبير من الجرحى إلى المستشفى الميداني الذي يعمل فيه 20 طبيبا.', '20', 'people', 'other people'),  # R2-06
    ('ولجأ عدد كبير من النازحين إلى المدارس التي تضم 300 طالب.', '300', 'people', 'other people'),  # R2-07
    ('وغاب عن الحصة التدريبية عدد كبير من المصابين، فيما انضم إلى المعسكر 18 لاعبا.', '18', 'people', 'other people'),  # R2-08
    ('ويعمل عدد كبير من المهاجرين في قطاع البناء الذي يوظف ما يصل إلى 200 ألف عامل.', '200 ألف', 'people', 'other people'),  # R2-09
    ('واستقبلت اليونان عددا كبيرا من اللاجئين، وأرسلت إلى الجزر 300 شرطي.', '300', 'people', 'other people'),  # R2-10
    ('وصوت عدد كبير من النازحين في مراكز خاصة، فيما تقدم إلى الانتخابات 120 مرشحا.', '120', 'people', 'other people'),  # R2-11
    ('أوقع الزلزال عددا كبيرا من القتلى، وأرسلت الحكومة إلى المنطقة 500 جندي.', '500', 'people', 'other people'),  # R2-12
    ('ارتفعت حصيلة الضحايا في التدافع الذي وقع بين عدد كبير من الحجاج إلى 717 شخصا.', '717', 'people', 'killed'),  # R2-13
    ('وأفرجت السلطات عن عدد كبير من المعتقلين، وعاد إلى منازلهم 250 شخصا.', '250', 'people', 'detained|other people'),  # R2-15
    ('وتضم السجون عددا هائلا من المعتقلين، إلى جانب 1200 حارس.', '1200', 'people', 'other people'),  # R2-16
    ('واحتجزت الجماعة عددا كبيرا من الرهائن، وتوجهت إلى المنطقة 60 عنصرا من القوات الخاصة.', '60', 'people', 'other people'),  # R2-17
    ('وصل عدد متزايد من المهاجرين إلى السواحل الإيطالية، حيث أنقذت السفن 700 شخص.', '700', 'people', 'displaced|other people'),  # R2-19
    ('وشهدت الأسواق عددا كبيرا من المتسوقين، ووصلت نسبة المبيعات إلى 40 بالمئة.', '40 بالمئة', 'percent', ''),  # R2-20
    ('وقضى في السجن سنة و3 أشهر قبل أن يفرج عنه.', '3', 'duration', ''),  # R3-01
    ('وحكمت المحكمة عليه بالسجن سنة و40 يوما.', '40', 'duration', ''),  # R3-02
    ('وشهد هذا العام و2019 ارتفاعا في أسعار العقارات.', '2019', 'year', ''),  # R3-03
    ('وسيطرت إسرائيل على الأراضي المحتلة عامي 48 و67.', '67', 'year', ''),  # R3-04
    ('ونقل 4 جرحى إلى مستشفى الرمادي العام و2 إلى مستشفى الفلوجة.', '2', 'people', 'wounded'),  # R3-08
    ('ويستعد الفريق لخوض الموسم و3 لاعبين جدد في صفوفه.', '3', 'people', 'other people'),  # R3-09
    ('وأعلن الأمين العام و12 وزيرا استقالتهم.', '12', 'people', 'other people'),  # R3-10
    ('وتراجعت ثقة الرأي العام و70 بالمئة من الناخبين لا يثقون بالحكومة.', '70 بالمئة', 'percent', ''),  # R3-11
    ('وبلغت أرباح القطاع العام و2 من كبرى الشركات الخاصة نحو مليار دولار.', '2', 'count', ''),  # R3-12
    ('ومضى على اعتقاله عام و8 أشهر دون محاكمة.', '8', 'duration', ''),  # R3-13
    ('وأمضى في المنصب عاما و6 أشهر قبل أن يستقيل.', '6', 'duration', ''),  # R3-14
    ('وقال إن المصابين يخضعون للملاحظة، وإن 9 منهم في حالة حرجة.', '9', 'people', 'wounded'),  # C1-01
    ('وأكدت وزارة الصحة أن القتلى سقطوا جراء القصف المدفعي، وأن 11 منهم أطفال.', '11', 'people', 'killed'),  # C1-02
    ('وذكرت المنظمة أن المعتقلين يعانون ظروفا قاسية، وأن 20 منهم نساء.', '20', 'people', 'detained'),  # C1-03
    ('وقالت المفوضية إن النازحين يقيمون في مخيمات مؤقتة، وإن 3000 منهم أطفال.', '3000', 'people', 'displaced'),  # C1-04
    ('وأكدت السلطات أن المفقودين في الفيضانات لم يعثر عليهم بعد، وأن 15 منهم أطفال.', '15', 'people', 'missing'),  # C1-05
    ('وذكرت المنظمة أن المعتقلين يعانون ظروفا قاسية، وأفرج عن 5 منهم أمس.', '5', 'people', 'detained'),  # C1-06
    ('وأكد الطبيب أن المصابين سيخضعون لفحوصات بالأشعة، وأن 3 منهم سيغيبون عن مباراة الأحد.', '3', 'people', 'wounded'),  # C1-07
    ('وقالت الوزارة إن المصابين بالإنفلونزا يتلقون العلاج في المنازل، وإن 40 منهم أطفال.', '40', 'people', 'other people'),  # C1-08
    ('وأكد النادي أن المصابين بفيروس كورونا دخلوا الحجر الصحي، وأن 4 منهم من اللاعبين الأساسيين.', '4', 'people', 'other people'),  # C1-09
    ('وقالت الجمعية إن المصابين بالسرطان يحتاجون إلى دعم، وإن 200 منهم أطفال.', '200', 'people', 'other people'),  # C1-10
    ('وقال إن الأطباء عالجوا المصابين في المستشفى الميداني، و5 منهم في حالة خطرة.', '5', 'people', 'wounded|other people'),  # C1-11
    ('وحمل بعض الشبان صور القتلى، وحمل اثنان منهم لافتات.', 'اثنان', 'people', 'other people'),  # C1-12
    ('وقالت اللجنة إن المعتقلين يحق لهم التصويت، وإن 3000 منهم أدلوا بأصواتهم.', '3000', 'people', 'detained'),  # C1-13
    ('وقالت المفوضية إن المهاجرين الذين أنقذوا في البحر نقلوا إلى صقلية، وإن 80 منهم قاصرون.', '80', 'people', 'displaced'),  # C1-14
    ('وذكرت الوكالة أن عددا قياسيا من المهاجرين بلغ 49550 شخصا الشهر الماضي.', '49550', 'people', 'displaced'),  # C2-01
    ('وسقط عدد كبير من القتلى يصل إلى 40 بحسب ناشطين.', '40', 'people', 'killed'),  # C2-02
    ('واستقطب المعرض عددا قياسيا من الزوار بلغ 120 ألف زائر.', '120 ألف', 'people', 'other people'),  # C2-03
    ('وباعت الشركة عددا قياسيا من السيارات بلغ 3 ملايين سيارة.', '3 ملايين', 'count', ''),  # C2-04
    ('وقال إن عددا من المهاجرين وصل إلى 20 مدينة.', '20', 'count', ''),  # C2-05
    ('وسجلت المستشفيات عددا كبيرا من المصابين بالإنفلونزا بلغ 3000 شخص.', '3000', 'people', 'other people'),  # C2-07
    ('وفي العام 2004 و2005 ارتفعت الأسعار.', '2005', 'year', ''),  # C3-02
    ('وارتفعت الأسعار بين عامي 2010 و2011.', '2010 و2011', 'year', ''),  # C3-03
    ('وشهد العام 2016 مقتل 17 شخصا.', '17', 'people', 'killed'),  # C3-04
]


@pytest.mark.parametrize(("sentence", "text", "kind", "categories"), FIFTEENTH_ROUND_REVIEW)
def test_the_fifteenth_rounds_adversarial_sentences(sentence, text, kind, categories):
    found = number(sentence, text)
    assert found.type == kind and (kind != "people" or found.category in categories.split("|")), found


def test_a_town_shaped_like_a_dual_is_no_count():
    assert not [n for n in numbers_in("وقصفت الطائرات بلدات زملكا وعربين وحزة في الغوطة الشرقية.") if n.type == "people"]
    assert [n.value for n in numbers_in("وقتل مدنيان في عربين بريف دمشق.") if n.type == "people"] == [2]


def test_a_total_it_comes_to_is_no_ceiling():
    """ "ليصل إلى"/"لتصل إلى" after a change is the level reached, not "up to" (ما يصل إلى, قد يصل إلى)."""
    assert number("وارتفعت الأرباح 5 بالمئة لتصل إلى 3.2 مليارات يورو.", "3.2 مليارات").qualifier == ""
    assert number("وارتفع عدد القتلى ليصل إلى 30 شخصا.", "30").qualifier == ""
    assert number("ويتسع الملعب لما يصل إلى 500 شخص.", "500").qualifier == "up to"
    assert number("وقال إن العدد قد يصل إلى 180 شخصا.", "180").qualifier == "up to"


def test_a_dual_multiplier_before_a_currency_is_two():
    assert number("وخسرت الشركة مليارا دولار.", "مليارا").value == 2 * 10**9
    assert number("وبلغت الديون تريليونا دولار.", "تريليونا").value == 2 * 10**12
    assert number("وبلغت الخسائر 20 مليارا دولار.", "20 مليارا").value == 20 * 10**9  # accusative: twenty billion
    assert number("وأنفقت الحكومة مليارا إضافيا.", "مليارا").value == 10**9  # no noun after it: one
    assert number("ويوجه ألفا من أفراد المجموعة.", "ألفا").value == 1000


@pytest.mark.parametrize(("sentence", "text", "kind", "category"),
                         SIXTH_ROUND + SEVENTH_ROUND + EIGHTH_ROUND + EIGHTH_ROUND_REVIEW + LIMITS + NINTH_ROUND
                         + TENTH_ROUND + ELEVENTH_ROUND + TWELFTH_ROUND + THIRTEENTH_ROUND + FOURTEENTH_ROUND
                         + FIFTEENTH_ROUND)
def test_sentences_written_for_the_tuning_rounds(sentence, text, kind, category):
    found = number(sentence, text)
    assert (found.type, found.category) == (kind, category), found


# The adversarial review of the ninth round's rules (2026-11-27, fifth session): sentences written to break them,
# each of which the rules of its first version read wrongly and those before the session rightly ("?": any category).
NINTH_ROUND_REVIEW = [
    ('وشارك في المسيرة 10 آلاف شخص أو أكثر، بحسب المنظمين.', '10 آلاف', 'people', 'other people'),  # A08
    ('ويقيم في المخيم 20 ألف لاجئ أو أكثر في ظروف إنسانية صعبة.', '20 ألف', 'people', '?'),  # A09
    ('وقالت مصادر طبية إن الحصيلة قد تبلغ 50 قتيلا أو أكثر.', '50', 'people', 'killed'),  # A10
    ('واحتشد 5 آلاف متظاهر أو أكثر أمام مقر البرلمان في بيروت.', '5 آلاف', 'people', 'other people'),  # A12
    ('وحضر حفل التوقيع 200 مدعو على الأكثر.', '200', 'people', 'other people'),  # A13
    ('وفر 1000 شخص أو أكثر من القرية بعد الهجوم.', '1000', 'people', '?'),  # A18
    ('وعبر 700 مهاجر أو أكثر الحدود خلال الأسبوع الماضي.', '700', 'people', '?'),  # A19
    ('ويقدر عدد النازحين بـ 10 آلاف أو أقل حسب الإحصاءات الرسمية.', '10 آلاف', 'people', 'displaced'),  # A20
    ('ويعمل في المصنع 300 عامل أو أكثر معظمهم من الوافدين.', '300', 'people', 'other people'),  # A21
    ('وانتشلت فرق الإنقاذ 15 جثة أو أكثر من تحت الأنقاض.', '15', 'people', 'killed'),  # A22
    ('ويتعين على الشركات تقديم الإقرارات قبل 30 يونيو كحد أقصى.', '30', 'date', ''),  # A23
    ('وتعهدت الحكومة بإنجاز المشروع بحلول عام 2030 على الأكثر.', '2030', 'year', ''),  # A24
    ('وسيتم تسليم الوحدات السكنية للمستفيدين في 2026 كحد أقصى.', '2026', 'year', ''),  # A25
    ('ويستهدف البرنامج المواطنين من سن 60 فأكثر.', '60', 'age', ''),  # A27
    ('ويرصد المركز الهزات بقوة 4 فأكثر على مقياس ريختر.', '4', 'magnitude', ''),  # A29
    ('وقالت الشرطة إن 4 أشخاص أو أكثر شاركوا في عملية السطو المسلح.', '4', 'people', '?'),  # A35
    ('وقد تصل الحصيلة إلى 100 قتيل كحد أقصى وفق تقديرات أولية.', '100', 'people', 'killed'),  # A36
    ('وتم إنقاذ 60 مهاجرا أو أكثر قبالة السواحل الليبية.', '60', 'people', '?'),  # A38
    ('وتوقعت الوزارة أن يصل عدد الحجاج إلى مليوني حاج أو أكثر هذا العام.', 'مليوني', 'people', 'other people'),  # A39
    ('وتقع الهزة بقوة 6 درجات أو أكثر مرة كل عام تقريبا في المنطقة.', '6', 'magnitude', ''),  # A41
    ('وتتم محاكمة 20 متهما أو أكثر في القضية نفسها.', '20', 'people', '?'),  # A42
    ('ورجحت مصادر طبية ألا يقل عدد القتلى عن 100 شخص.', '100', 'people', 'killed'),  # B07
    ('وتقتصر الإصابات على 4 عمال نقلوا إلى المستشفى.', '4', 'people', 'wounded'),  # B09
    ('وأدى تدخل فرق الإطفاء إلى اقتصار الإصابات على 3 أشخاص فقط.', '3', 'people', 'wounded'),  # B10
    ('وقتل في الحد الأدنى 40 شخصا في الغارات على المدينة.', '40', 'people', 'killed'),  # B11
    ('وقتل كحد أدنى 40 مدنيا في القصف، وفق المرصد السوري.', '40', 'people', 'killed'),  # B12
    ('وقدرت المنظمة حصيلة القتلى بحد أدنى 250 قتيلا.', '250', 'people', 'killed'),  # B13
    ('ويطالب العمال برفع الحد الأدنى للأجور منذ 2019.', '2019', 'year', ''),  # B15
    ('وستسمح الهدنة بإجلاء 300 جريح من مستشفيات القطاع.', '300', 'people', 'wounded'),  # B19
    ('وسيسمح الاتفاق بالإفراج عن 50 أسيرا فلسطينيا.', '50', 'people', '?'),  # B20
    ('على ألا يتجاوز موعد التسليم 30 يونيو.', '30', 'date', ''),  # B22
    ('ولم يقتصر الأمر على مقتل 12 مدنيا بل دمرت عشرات المنازل.', '12', 'people', 'killed'),  # B24
    ('واعتقلت قوات الأمن كحد أدنى 30 ناشطا.', '30', 'people', 'arrested'),  # B30
    ('وبلغ الحد الأدنى للأجور في 2023 نحو 3000 ريال.', '2023', 'year', ''),  # B31
    ('وتقتصر المساعدات الغذائية حتى 31 ديسمبر على سكان المخيمات.', '31', 'date', ''),  # B35
    ('وتم رفع الحد الأدنى للمعاشات اعتبارا من 1 يوليو.', '1', 'date', ''),  # B36
    ('ورفع الهلال رصيده إلى 50 نقطة في صدارة الدوري، في مؤشر على تفوقه هذا الموسم.', '50', 'count', ''),  # C03
    ('وأقامت قوات الاحتلال 12 نقطة تفتيش جديدة، في مؤشر على تصعيد أمني.', '12', 'count', ''),  # C04
    ('وأنشأ الجيش التركي 12 نقطة مراقبة في إدلب، وسط مؤشرات على تفاهم مع موسكو.', '12', 'count', ''),  # C05
    ('وطرحت الحكومة خطة من 10 نقاط لإنعاش الاقتصاد بعد تراجع المؤشرات الاقتصادية.', '10', 'count', ''),  # C06
    ('وافتتحت الشركة المدرجة في البورصة 300 نقطة بيع جديدة.', '300', 'count', ''),  # C07
    ('وتقدم الأهلي بفارق 3 نقاط عن الزمالك، فيما ارتفعت أسهم النادي في البورصة.', '3', 'count', ''),  # C08
    ('وتم تخصيص 25 نقطة طبية على طول طريق الحج، وفق مؤشرات وزارة الصحة.', '25', 'count', ''),  # C09
    ('وتصدر ليفربول الدوري برصيد 70 نقطة، وسط مؤشرات إيجابية على قدرته على المنافسة.', '70', 'count', ''),  # C10
    ('وسجل اللاعب 30 نقطة في مباراة كرة السلة، في مؤشر على تعافيه من الإصابة.', '30', 'count', ''),  # C18
    ('وأكدت الداخلية نشر 150 نقطة أمنية على الطرقات، في مؤشر على تشديد الإجراءات.', '150', 'count', ''),  # C19
    ('وجمع المنتخب 7 نقاط في التصفيات، وهي مؤشرات مطمئنة قبل المونديال.', '7', 'count', ''),  # C22
    ('ويضم البرنامج 20 نقطة لتوزيع المساعدات، وفق مؤشر الأمن الغذائي.', '20', 'count', ''),  # C25
    ('وارتفعت أسعار الأسهم بعد أن حقق النادي 3 نقاط في مباراة الأمس.', '3', 'count', ''),  # C26
    ('وشهد عام 99 تراجعاً حاداً في أسعار النفط.', '99', 'year', ''),  # E03
    ('وترك عام 67 جرحاً عميقاً في الذاكرة العربية.', '67', 'year', ''),  # E04
    ('وسجل عام 98 ارتفاعاً في معدلات البطالة.', '98', 'year', ''),  # E05
    ('وحقق موسم 98 نجاحاً كبيراً للنادي.', '98', 'year', ''),  # E06
    ('وخسر الجيش عام 73 جنوداً كثيرين في سيناء.', '73', 'year', ''),  # E10
    ('وشهدت سنة 80 صراعاً دامياً على السلطة.', '80', 'year', ''),  # E15
    ('ونفذ الجيش عام 91 عمليات واسعة في الجنوب.', '91', 'year', ''),  # E16
    ('وعاد إلى النادي موسم 98 مدرباً للفريق الأول.', '98', 'year', ''),  # E17
    ('وانضم عام 95 لاعباً إلى الفريق الأول.', '95', 'year', ''),  # E18
    ('ومنذ حرب عام 73 مرات عدة حاولت مصر استعادة الأرض.', '73', 'year', ''),  # E21
    ('وتلقى النادي في موسم 99 عروضاً عديدة للاعبيه.', '99', 'year', ''),  # E22
    ('وتملك الإذاعة 20 ميكروفون لاسلكي.', '20', 'count', ''),  # F16
    ('وانضم عام 95 لاعبا إلى الفريق الأول.', '95', 'year', ''),  # E24
    ('وفقد الجيش عام 73 جنودا كثيرين في سيناء.', '73', 'year', ''),  # E25
    ('وستسمح بعودة الطلاب في 1 سبتمبر.', '1', 'date', ''),  # B38
    ('وسيسمح بالاستيراد مجددا في 2025.', '2025', 'year', ''),  # B39
    ('وتأمل السلطات ألا يتجاوز عدد الضحايا 50 قتيلا.', '50', 'people', 'killed'),  # B40
    ('وأعلن الدفاع المدني اقتصار الخسائر على إصابة 3 أشخاص بجروح طفيفة.', '3', 'people', 'wounded'),  # B41
    ('ووفق الحد الأدنى من التقديرات قتل 70 شخصا.', '70', 'people', 'killed'),  # B42
    ('ويلتزم المقاول بتسليم المشروع قبل نهاية 2027 كحد أقصى.', '2027', 'year', ''),  # A44
]


# The code review of the session's diff (2026-11-27, fifth session): each read wrongly by its commit 1ac8991.
NINTH_ROUND_REVIEW += [
    ("وتشترط السلطات تجمعا لا يزيد عن 50 شخصا.", "50", "count", ""),  # a phrase ending with a qualifier's words
    ("يشترط ألا يزيد عن 30 طالبا في الفصل.", "30", "count", ""),
    ("وشارك 10 آلاف شخص أو أكثر في المظاهرة رغم حظر التجول.", "10 آلاف", "people", "other people"),  # news nouns
    ("يبلغ قطر الجسيمات 10 ميكرون.", "10", "count", ""),  # a unit shaped like a participle
    ("وخلال موسم 43 هدفا سجلها اللاعب.", "43", "count", ""),  # "وخلال": the word's forms, not as written
    ("ارتفع سهم النادي بالبورصة بعد أن حقق الفريق 3 نقاط في مباراة الأمس.", "3", "count", ""),  # league points
    ("افتتح المعرض في الـ14 مِن مايو.", "14", "date", ""),  # a diacritic
    ("افتتح المعرض في الـ14 من شهرِ مايو.", "14", "date", ""),
    ("ويدرس في الصف 30 طالبا.", "30", "people", "other people"),  # a class's pupils, not a grade
    ("وفي مؤشر واضح على التعافي أضافت الشركة 300 نقطة بيع جديدة.", "300", "count", ""),  # a sign of, an adjective
    ("وفي مؤشر آخر على التحسن حصل الطالب على 95 نقطة.", "95", "count", ""),
    ("وأغلق المؤشر العام على ارتفاع عند 8654 نقطة.", "8654", "other", ""),  # "على ارتفاع": the index
    ("وأغلق مؤشر داو جونز على ارتفاع 200 نقطة.", "200", "other", ""),
]


# A second adversarial review (2026-11-27, fifth session), of the rules as the first review and the code review left
# them (commit fe88674): sentences those rules read wrongly and the rules before the session rightly ("a|b": either).
NINTH_ROUND_REVIEW += [
    ('بلغت حصيلة الضحايا 60 شخصا كحد أدنى حتى مساء الأحد', '60', 'people', 'killed'),  # LA16
    ('استقبلت مستشفيات المدينة 120 شخصا فأكثر يوميا منذ بدء القصف', '120', 'people', 'wounded|other people'),  # LA25
    ('يموت 10 أطفال فأكثر كل يوم بسبب سوء التغذية في القطاع', '10', 'people', "?"),  # LA28 (the type: the category was wrong before too)
    ('يتقدم 2000 طالب فأكثر لامتحانات القبول في الجامعة كل عام', '2000', 'people', 'other people'),  # LA29
    ('يستقبل المعرض 5 آلاف زائر فأكثر يوميا منذ افتتاحه', '5 آلاف', 'people', 'other people'),  # LA30
    ('وتتراوح الحصيلة بين 70 قتيلا على الأقل و100 شخص كحد أقصى', '100', 'people', 'killed'),  # LA32
    ('وفقد 12 صيادا فأكثر في البحر خلال العاصفة بحسب الأهالي', '12', 'people', "?"),  # LA36 (the type: the category was wrong before too)
    ('تظاهر 5 آلاف شخص أو أكثر في وسط العاصمة احتجاجا على التعليمات الجديدة', '5 آلاف', 'people', 'other people'),  # LH05
    ('شارك 10 آلاف شخص أو أكثر في المسيرة رفضا للضوابط الجديدة', '10 آلاف', 'people', 'other people'),  # LH06
    ('قالت المنظمة إن لديها 300 متطوع أو أكثر يعملون في الميدان', '300', 'people', 'other people'),  # LH07
    ('هاجمت مجموعة مكونة من 20 مسلحا أو أكثر حاجزا للجيش شمال البلاد', '20', 'people', 'attackers|other people'),  # LH08
    ('قال المستشفى إن لديه 40 مريضا أو أكثر في حالة حرجة', '40', 'people', 'wounded|other people'),  # LH09
    ('قال المتحدث إن 300 عائلة أو أكثر تحتاج إلى مأوى، مشددا على أنه يجب توفير الخيام قبل الشتاء', '300', 'people', 'displaced|other people'),  # LH11
    ('قالت الشرطة إن الخلية تتألف من 6 عناصر أو أكثر جرى تجنيدهم عبر الإنترنت', '6', 'people', 'other people|attackers'),  # LH13
    ('تجمع 2000 مصل أو أكثر في الساحة رغم أن التعليمات تمنع التجمعات', '2000', 'people', 'other people'),  # LH15
    ('يعيش في الحي 5 آلاف شخص أو أكثر، ولا يجوز هدم منازلهم', '5 آلاف', 'people', 'other people'),  # LH19
    ('قالت مصادر إن 7 أشخاص أو أقل ما زالوا محاصرين، ويجب إنقاذهم قبل حلول الليل', '7', 'people', 'other people|missing'),  # LH21
    ('أشار إلى أن لديه معلومات عن 30 شخصا أو أكثر ما زالوا تحت الأنقاض', '30', 'people', 'missing|other people'),  # LH26
    ('وطالب المحتجون الذين بلغ عددهم 3 آلاف شخص أو أكثر بإلغاء اللائحة الجديدة', '3 آلاف', 'people', 'other people'),  # LH28
    ('وقال إن الميليشيا لديها 500 مقاتل أو أكثر في المدينة، وإنه ينبغي نزع سلاحها', '500', 'people', 'other people'),  # LH30
    ('يحق لأسر 50 ضحية أو أكثر الحصول على تعويض', '50', 'people', "?"),  # LH32 (the type: the category was wrong before too)
    ('قالت المحكمة إن 12 متهما أو أكثر متورطون في القضية، وإنه لا يجوز الإفراج عنهم', '12', 'people', 'other people|arrested|detained'),  # LH33
    ('تعرضت البلدة التي تضم 40 ألف نسمة أو أكثر لقصف عنيف', '40 ألف', 'people', 'other people'),  # LH34
    ('وتضم اللائحة أسماء 40 شخصا أو أكثر من المطلوبين', '40', 'people', 'other people|arrested'),  # LH35
    ('وأكد أن الشركة لديها 1200 موظف أو أكثر في المنطقة', '1200', 'people', 'other people'),  # LH36
    ('أدى الإنذار المبكر إلى اقتصار الخسائر البشرية على 7 أشخاص', '7', 'people', 'killed|wounded|other people'),  # LB10
    ('يقدر الحد الأدنى لعدد الضحايا بنحو 300 شخص', '300', 'people', 'killed|other people'),  # LB11
    ('أحصت النقابة كحد أدنى 70 صحفيا خلف القضبان', '70', 'people', "?"),  # LB14 (the type: the category was wrong before too)
    ('ستسمح السلطات بعودة 3 آلاف أسرة إلى منازلها في المدينة القديمة', '3 آلاف', 'people', 'displaced|other people'),  # LB15
    ('أعربت الحكومة عن أملها ألا يتجاوز عدد الضحايا 50 شخصا', '50', 'people', "?"),  # LB19 (the type: the category was wrong before too)
    ('تشير التقديرات إلى ألا يقل عدد النازحين عن 20 ألف شخص', '20 ألف', 'people', 'displaced'),  # LB29
    ('ستسمح الاتفاقية بعودة 300 ألف سوري إلى بلادهم', '300 ألف', 'people', 'displaced|other people'),  # LB34
    ('ستسمح الهدنة بانتشال جثث 60 شخصا من تحت الأنقاض', '60', 'people', "?"),  # LB35 (the type: the category was wrong before too)
    ('ويقتصر ضحايا الحادث على 3 أشخاص من عائلة واحدة', '3', 'people', "?"),  # LB36 (the type: the category was wrong before too)
    ('يأمل المسؤولون ألا يتجاوز عدد المفقودين 10 أشخاص', '10', 'people', "?"),  # LB37 (the type: the category was wrong before too)
    ('تقتصر المساعدات على 200 أسرة نازحة في المخيم', '200', 'people', 'displaced|other people'),  # LB41
    ('يقدر الحد الأقصى لعدد القتلى المدنيين بنحو 300 شخص', '300', 'people', 'killed'),  # LB40
    ('لم تسمح السلطات بإجلاء أكثر من 200 جريح من المستشفى المحاصر', '200', 'people', 'wounded'),  # CP03
    ('قال المسؤول إن الخسائر البشرية لا تتجاوز بحسب الحصيلة الأولية نحو 10 قتلى', '10', 'people', 'killed'),  # CP09
    ('خصصت الحكومة مقاعد في الطائرات لإجلاء نحو 300 مواطن عالق', '300', 'people', 'other people|displaced'),  # CP10
    ('خسر الحزب مقاعد في البرلمان لصالح أكثر من 20 مرشحا مستقلا', '20', 'people', 'other people'),  # CP11
    ('ولم يسمح الجيش سوى بإخلاء حوالي 50 مصابا من المنطقة', '50', 'people', 'wounded'),  # CP12
    ('وفي مؤشر إيجابي، افتتحت البلدية 30 نقطة شحن للسيارات الكهربائية', '30', 'count', ''),  # IX13
    ('وتزامنا مع انهيار البورصة، أقام المحتجون 12 نقطة اعتصام في العاصمة', '12', 'count', ''),  # IX15
    ('وفي مؤشر خطير، رصدت الأقمار الاصطناعية 45 نقطة حريق في الغابات', '45', 'count', ''),  # IX26
    ('بعد انهيار الأسهم، انتشرت الشرطة في 15 نقطة رئيسية بالعاصمة', '15', 'count', ''),  # IX29
    ('تحسن المؤشر، وأقام الجيش 12 نقطة عسكرية على الحدود', '12', 'count', ''),  # IX33
    ('بعد تراجع البورصة، طرح وزير المالية خطة من 10 نقاط لإنقاذ الاقتصاد', '10', 'count', ''),  # IX34
    ('وقعت الأردن في العام 94 اتفاقية سلام مع إسرائيل', '94', 'year', ''),  # YR03
    ('نظمت قطر في العام 22 بطولة كأس العالم', '22', 'year', ''),  # YR17
    ('افتتح في العام 85 مستشفى جديدا في المدينة', '85', 'year', ''),  # YR22
    ('وقعت منظمة التحرير في العام 93 اتفاقية أوسلو', '93', 'year', ''),  # YR23
    ('وقع على وثيقة وحدة الصف 12 فصيلا فلسطينيا', '12', 'count', ''),  # AG11
    ('قتل في الفئة العمرية دون 18 عاما 120 طفلا', '120', 'people', 'killed'),  # AG16
    ('وقع على وثيقة وحدة الصف 12 تنظيما سياسيا', '12', 'count', ''),  # AG19
]


# A second code review (2026-11-27, fifth session), of the narrowing after the second adversarial review: each read
# wrongly by its commit 27198b9.
NINTH_ROUND_REVIEW += [
    ("شارك فيه 10 آلاف شخص أو أكثر.", "10 آلاف", "people", "other people"),  # "فيه" (in it) is no "فئة"
    ("يجب ألا يقل عمر المتقدم عن سنتين.", "سنتين", "duration", ""),  # a dual of time stays one
    ("يشترط أن يقيم المتقدم في البلاد سنتين فأكثر.", "سنتين", "duration", ""),
    ("يشترط لتصنيف الحادث كارثة أن يخلف قتيلين فأكثر.", "قتيلين", "people", "killed"),  # a dual naming a fate
    ("طلاب الصف 12 يتقدمون للامتحانات اليوم.", "12", "ordinal", ""),  # a grade before a verb
    ("نتائج الصف 9 تظهر غدا.", "9", "ordinal", ""),
    ("وأغلق مؤشر السوق، مرتفعا 50 نقطة.", "50", "other", ""),  # "مؤشر السوق،": the index, not a sign
    ("يموت في العام 60 طفلا بسبب المرض.", "60", "people", "killed"),  # its probable issues (the sixteenth session:
    #                                                                    "يموت" before the count is a death, as "توفي")
    ("سجل اللاعب في الموسم 25 هدفا.", "25", "count", ""),
    ("قال إن عدد القتلى لا يتجاوز 10 أشخاص.", "10", "people", "killed"),  # a capacity's words in a toll
    ("قتل كحد أقصى 40 مدنيا في القصف.", "40", "people", "killed"),
    ("لم تسمح السلطات بإجلاء 200 جريح.", "200", "people", "wounded"),
    ("يتسع الملعب لـ 60 ألف متفرج.", "60 ألف", "count", ""),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "category"), NINTH_ROUND_REVIEW)
def test_the_ninth_round_review_sentences(sentence, text, kind, category):
    found = number(sentence, text)
    assert found.type == kind and (category in ("?", "") and kind != "people" or category == "?"
                                   or found.category in category.split("|")), found


@pytest.mark.parametrize(("sentence", "who"), [
    ("وتحدثت وكالة الأنباء الرسمية \"سانا\" عن سقوط عشرات القتلى.", "state media"),  # "spoke of"
    ("وقد تلقى 21 شخصا العلاج بعد الحادثة، منهم شرطي أخرج من المستشفى، الخميس، وفقا لما ذكرته شرطة ويلتشاير "
     "في بيان لها.", "police"),
])
def test_the_third_review_claimants(sentence, who):
    """Who says so, where the third review of a build found the outlet's name or "medical sources" instead."""
    assert claimant_of(sentence) == who



def test_a_qualifier_before_a_bracketed_number_is_read():
    assert number("وحضر أكثر من (20) طبيبا من مختلف التخصصات.", "20").qualifier == "more than"


def test_numbers_in_an_email_address_and_the_feminine_twelfth_are_no_numbers():
    assert [n.value for n in numbers_in("للتواصل مع الكاتب: Mashr-26@hotmail.com أو الرمز (52)")] == [52]
    assert numbers_in("في دورتها الثانية عشرة ذهبت الجائزة للكاتب.") == ()  # an ordinal word (twelfth)


def test_tokens_read_a_run_at_a_time_are_those_read_token_by_token():
    """number_tokens.tokenize splits each run of non-space characters once for the process and places its
    tokens in the sentence; reading the sentence token by token (as it did before, below) must give the same
    tokens: spans, text as written (Arabic-Indic digits), kinds, forms, whether a token is glued, and the tokens
    of a URL dropped."""
    from generator.analysis import number_tokens as nt

    def token_by_token(sentence: str) -> tuple:
        plain = nt.ascii_digits(sentence)
        urls = [m.span() for m in nt._URL.finditer(plain)]
        out = []
        for m in nt._TOKEN.finditer(plain):
            start, end = m.span()
            if any(low <= start < high for low, high in urls):
                continue
            kind, norm, forms = nt._kind(m.group(), m.lastgroup or "punct")
            out.append(nt.Token(start, end, sentence[start:end], kind, norm, forms,
                                start > 0 and not plain[start - 1].isspace()))
        return tuple(out)

    sentences = ["قتل ٣٠ شخصا، وأصيب 12 آخرون (بحسب «المرصد»).", "\u00a0غير\u00a0منقسمة ٤ و4ر1 مليار",
                 "  مسافة   مزدوجة ١٢٣ ", "a_b 12_3 x-16 إف-16", "", "،،، !!", "(309) ملايين ريال",
                 "انظر (http://example.com/a?id=12) و 5 أشخاص awww.site.org 7", "WWW.X.COM/12 و٣ نقاط"]
    for sentence in sentences:
        assert nt.tokenize.__wrapped__(sentence) == token_by_token(sentence), sentence
    url = nt.tokenize("انظر http://example.com/a?id=12 و 5 أشخاص")
    assert [t.text for t in url] == ["انظر", "و", "5", "أشخاص"]


def test_the_corpus_diff_of_the_number_rules_shows_the_tuning_half_and_only_counts_the_held_out_half():
    import importlib.util

    spec = importlib.util.spec_from_file_location("numbers_diff", Path(__file__).parent.parent / "bench" / "numbers_diff.py")
    numbers_diff = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(numbers_diff)
    assert numbers_diff.sentences("عنوان\n\nقتل 5 أشخاص. وأصيب 3 آخرون؟ ثم 1.500 شخص") == [
        (0, "عنوان"), (1, "قتل 5 أشخاص."), (1, "وأصيب 3 آخرون؟"), (1, "ثم 1.500 شخص")]  # (a point in a number)
    before = {("c00010.txt", 1, "a"): [("5", "people", 5, "other people", "")],
              ("c02000.txt", 1, "b"): [("7", "people", 7, "killed", "")]}
    after = {("c00010.txt", 1, "a"): [("5", "people", 5, "killed", "")],
             ("c02000.txt", 1, "b"): [("7", "people", 7, "wounded", "")]}
    lines, tuning, held = numbers_diff.diff(before, after)
    assert (tuning, held) == (1, 1)
    assert any("c00010.txt" in line for line in lines) and not any("c02000" in line for line in lines)


@pytest.mark.parametrize(("sentence", "who"), [
    ("وقالت مصادر عسكرية وسكان إن 12 شخصا قتلوا.", "military sources"),  # was "sources"
    ("وقال ناشطون وأفراد من عائلة الضحايا إن 5 أشخاص اعتقلوا.", "activists"),  # was "local sources"
    ("وقال سكان إن 20 شخصا قتلوا في القصف.", "residents"),  # was "witnesses": who live there, not all saw it
    ("وقال شهود عيان إن 20 شخصا قتلوا في القصف.", "witnesses"),
    ("وقالت مصادر محلية إن 20 شخصا قتلوا في القصف.", "local sources"),
    # a blind review of the build (/tmp/review-blind6): a source the rules do not list, named after a verb of
    # saying, was "" (the outlet's own): the words themselves now
    ("وأوضح الناطق الإعلامي للهيئة الملكية للجبيل أن الحادث أسفر عن 3 وفيات.", "الناطق الإعلامي للهيئة الملكية للجبيل"),
    ("وأوضح الناطق الإعلامي للهلال الأحمر السعودي أن الحادث أسفر عن 3 وفيات.", "Red Crescent (Saudi Arabia)"),  # (listed since)
    ("أكدت عمادة القبول والتسجيل بجامعة حائل أن عدد المقبولين 7953 طالباً.", "عمادة القبول والتسجيل بجامعة حائل"),
    ("وقالت المنظمة اليوم الخميس إن ثلاثة ملايين شخص يموتون سنويا.", "المنظمة"),
    ("قتلت خمس نساء بحسب صحيفة ميترو البريطانية.", "صحيفة ميترو البريطانية"),
    ("اعتقل أكثر من 200 مدرس حسب ما أعلنت المعارضة في المنفى.", "المعارضة"),
    ("وقال منيف الزهيري وهو قيادي في القوات إن 5 قتلوا.", "منيف الزهيري"),
    ("وقال إن 5 أشخاص قتلوا.", ""),  # a pronoun's verb: nobody named
    ("وقال مسؤول إن 5 أشخاص قتلوا.", "officials"),  # no name: unnamed officials (since the fourteenth session)
    ("وقال المتحدث لرويترز إن 5 أشخاص قتلوا.", "المتحدث"),  # to Reuters: the channel, not who (an analyst, s11)
    ("وقال لوكالة فرانس برس إن 5 أشخاص قتلوا.", ""),  # (a pronoun's verb: nobody named)
    ("وقالت الشرطة لرويترز إن 5 أشخاص قتلوا.", "police"),
    ("وقال لرويترز مسؤول في الوزارة إن 5 أشخاص قتلوا.", "the ministry"),  # (the speaker after the addressee)
    ("وقال بعد إعلان النتيجة إن الحزب فاز بـ 5 مقاعد.", ""),  # when, not who (junk headings, s11)
    ("وقال للصحفيين إن 5 أشخاص قتلوا.", ""),  # to whom
    ("وقال فيه إن 5 أشخاص قتلوا.", ""),
    # statements that are no saying verbs: a body or an office of the rules after them, never their object (s11)
    ("ونفت وزارة الدفاع الروسية أن تكون طائراتها قتلت 5 أشخاص.", "defence ministry (Russia)"),
    ("وحذر الأمين العام للأمم المتحدة من مقتل 5 آلاف شخص.", "the United Nations"),
    ("دعا ملك الأردن عبد الله الثاني الحكومة إلى إغاثة 5 آلاف شخص.", ""),  # the object, after a subject
    ("وطالب الحكومة الإسرائيلية بالإفراج عن 5 معتقلين.", ""),  # a masculine verb: the feminine body is its object
    ("ودعت الحكومة إلى إجلاء 5 آلاف شخص.", "the government"),
    ("وطالب النائب المواطنين بإغاثة 5 آلاف شخص.", ""),  # (no words as written after a statement)
    ("وأوضح الصباغ أن المركز دعا الأطباء إلى علاج 5 آلاف مريض.", "الصباغ"),  # (a statement inside another's)
    ("وقالت المندوبة الأمريكية لدى الأمم المتحدة إن 5 قتلوا.", "المندوبة الأمريكية"),  # where she serves, not who
    ("وقال للأناضول إن 5 أشخاص قتلوا.", ""),  # told (لل + a medium)
    ("وقال وزير الإعلام للتلفزيون الرسمي إن 5 أشخاص قتلوا.", "information minister"),
    ("وفي تصريح لوكالة الأناضول، قال وزير الخارجية التركي إن 5 أشخاص قتلوا.", "foreign minister (Turkey)"),
    ("ودعت فرنسا الأمم المتحدة إلى إغاثة 5 آلاف شخص.", ""),  # a country's name, then the body: its object
    ("ورحب بقرار الحكومة إغاثة 5 آلاف شخص.", ""),
    ("ودعا الرئيس وزارة الصحة إلى علاج 5 آلاف شخص.", "president"),  # (the office, not its object)
    ("وأوضح الصباغ أن المركز دعا الأطباء إلى الحذر من 5 أمراض.", "الصباغ"),  # "الحذر": a noun
    ("وقال الرئيس في مقابلة مع وكالة فرانس برس إن 5 أشخاص قتلوا.", "president"),  # the office right after the verb
    ("وقال في مقابلة مع رويترز إن 5 أشخاص قتلوا.", ""),  # (told in an interview)
    ("وتحدث عن هجمات الجيش التي قتلت 5 أشخاص.", ""),  # about what
    ("وقال لدى استقباله وفد الصليب الأحمر إن 5 أشخاص قتلوا.", ""),  # when
    ("وطالب غوتيريش الحكومة السودانية بإغاثة 5 آلاف شخص.", ""),  # a name, then the body: its object
    ("وطالب مفوض الأمم المتحدة السامي بإغاثة 5 آلاف شخص.", "the United Nations"),  # a head in construct
    ("وقال الجيش الوطني السوري إن 5 من عناصره قتلوا.", "الجيش الوطني السوري"),  # the opposition's: as written
    ("وأشارت إحصائيات الوزارة إلى 5 وفيات.", "the ministry"),  # (a document cites a body)
    ("وصنف الباحثون 768 عينة حسب فئة السرطان التي تنتمي إليها.", ""),  # "حسب": by, no source
    ("ونقلت الحافلات الركاب إلى المدينة بعد مقتل 4 أشخاص.", ""),  # "نقل": carried, not reported
])
def test_claimant_labels_say_who_as_the_sentence_does(sentence, who):
    """A site review's m3: claimant labels were coarser than the sentence (military sources as "sources",
    activists as "local sources", residents as "witnesses")."""
    assert claimant_of(sentence) == who


@pytest.mark.parametrize(("sentence", "who"), [
    # (eighth session) a built site's review of the fixture events: an unnamed speaker in a body, a title of office in
    # construct, a body's toll, a speaker inside a body the rules name, a reporting word that also moves things
    ("وقال مسؤول في جهاز الإسعاف والطوارئ إن أكثر من 1500 جثة انتشلت.", "مسؤول في جهاز الإسعاف والطوارئ"),
    ("قال عميد بلدية درنة إن عدد القتلى قد يتراوح بين 18 و20 ألفاً.", "عميد بلدية درنة"),
    ("عميد بلدية درنة: عدد القتلى قد يصل إلى 20 ألفاً", "عميد بلدية درنة"),  # a headline's colon
    ("وتختلف هذه الأرقام عن حصيلة وزارة الداخلية في الحكومة المكلفة من مجلس النواب، التي تحدثت عن أكثر من 5300 "
     "قتيل.", "interior ministry"),
    ("وبلغت حصيلة المرصد السوري 40 قتيلا.", "SOHR"),
    ("كشف مصدر في التحالف الدولي عن قتل 23 إرهابيا.", "US-led coalition"),
    ("وقال المتحدث باسم وزارة الداخلية إن 5 أشخاص قتلوا.", "interior ministry"),
    ("وأصبح نقل السكان مألوفا ودفعت الحرب حوالي 11 مليونا للنزوح.", ""),
    # controls: as before (unnamed officials since the fourteenth session: an analyst found "حسبما أعلن مسؤولون" shown
    # as the outlet's own)
    ("وقال مسؤول إن 5 أشخاص قتلوا.", "officials"),
    ("وقال مسؤول محلي إن 5 أشخاص قتلوا.", "officials"),
    ("وقال متطوع في المدينة إن 5 أشخاص قتلوا.", ""),
    ("وقالت مصادر في المدينة إن 5 أشخاص قتلوا.", "sources"),
    ("وقال المتحدث باسم الحركة إن 5 أشخاص قتلوا.", "spokesperson"),
    ("ونقلت رويترز عن مصادر أن 5 أشخاص قتلوا.", "Reuters"),
    ("ونقلت وكالة الأنباء الرسمية أن 5 أشخاص قتلوا.", "state media"),
    ("وبلغت حصيلة القتلى 40 شخصا.", ""),
    # a code review: "في" after an unnamed speaker then a time is when, not a body
    ("وقال مسؤول في الساعات الأولى من صباح اليوم إن 5 أشخاص قتلوا.", "officials"),
    ("وقال مسؤول في وقت لاحق إن 5 أشخاص قتلوا.", "officials"),
    ("وقال مسؤول في جهاز الإسعاف إن 5 أشخاص قتلوا.", "مسؤول في جهاز الإسعاف"),  # (a control)
    # (fourteenth session) an analyst: "حسبما أعلن مسؤولون" and "حسبما أوردته صحيفة ميترو البريطانية" were the outlet's
    # own; unnamed officials are "officials", with their country's adjective; "حسبما" holds its "ما"
    ("قُتل 20 شخصاً على الأقل في تبادل لإطلاق النار خلال حفل زفاف، حسبما أعلن مسؤولون الإثنين.", "officials"),
    ("قال مسؤولون أمريكيون إن الإعصار قتل 5 أشخاص.", "officials (United States)"),
    ("وقال مسؤول إيراني كبير إن 5 أشخاص قتلوا.", "officials (Iran)"),
    ("ضرب قرويون خمس نساء أفضى إلى موتهن حسبما أوردته صحيفة ميترو البريطانية.", "صحيفة ميترو البريطانية"),
    ("قتل 5 أشخاص حسبما أوردت صحيفة ميترو البريطانية.", "صحيفة ميترو البريطانية"),
    ("فرض عبئا على 5 ملايين لاجئ تبعًا لما أعلنته الحكومة.", "the government"),
    ("وحمل مسؤول المسؤولية عن مقتل 5 أشخاص.", ""),  # (no verb of saying)
    # a bare word that stands for a body of the rules, then an adjective of origin no phrase goes on with: another body
    # of the kind (an analyst: the Assyrian Observatory shown as SOHR); the Saudi-led coalition is an actor of its own
    ("وأكد المرصد الآشوري لحقوق الانسان وجود نحو مائة عائلة محتجزة.", "المرصد الآشوري"),
    ("وقال المرصد اليوم إن 5 أشخاص قتلوا.", "SOHR"),
    ("وقال التحالف العربي إن 5 أشخاص قتلوا.", "Saudi-led coalition"),
    ("وقال التحالف الدولي إن 5 أشخاص قتلوا.", "US-led coalition"),
    ("وقال المتحدث باسم قوات تحالف دعم الشرعية في اليمن إن 5 أشخاص قتلوا.", "Saudi-led coalition"),
    # (an adversarial review) only an adjective of a people or a place makes another body: "المفوضية السامية" is the
    # UN's; "بقيادة" names the coalition's leader
    ("وقالت المفوضية السامية إن 5 آلاف شخص نزحوا.", "the United Nations"),
    ("وقالت المفوضية الأممية لشؤون اللاجئين إن 5 آلاف شخص نزحوا.", "UNHCR"),
    ("وقال التحالف العسكري بقيادة الولايات المتحدة إن 5 أشخاص قتلوا.", "US-led coalition"),
    ("وقال التحالف العسكري بقيادة السعودية إن 5 أشخاص قتلوا.", "Saudi-led coalition"),
    # (a fifth review) a body named by its kind and its name in marks; a bare name before a colon, past a ḥāl; verbs of
    # commenting and concluding, with "أن" after them only
    ('وقالت شبكة "فيسبوك" الجمعة: "نحن نعلم أن 30 مليون شخص قد تأثروا".', "شبكة فيسبوك"),
    # (sixteenth session, the fifteenth's left-alone list) a medium's kind of two words, its name in marks
    ('وذكرت وكالة أنباء "برس ترست أوف إنديا" أن 12 شخصا قتلوا.', "وكالة أنباء برس ترست أوف إنديا"),
    ('وبحسب وكالة أنباء "شينخوا" فإن 40 شخصا قتلوا.', "وكالة أنباء شينخوا"),
    ('وقالت وكالة أنباء الإمارات إن 3 أشخاص أصيبوا.', "وكالة أنباء الإمارات"),
    # the plural verb after its subject; a verb's when or why ends the speaker's words; what was declared says nothing
    ("وكان مسؤولون قد أعلنوا أن 5 أشخاص قتلوا.", "officials"),
    ("وأعلنوا أن 5 أشخاص قتلوا.", ""),
    ("وقال المطران إيلاريون بعد اجتماع للمجلس الحاكم للكنيسة، إن 5 أشخاص قتلوا.", "المطران إيلاريون"),
    ("وأعلنت حالة الطوارئ بعد مقتل 5 أشخاص.", ""),
    ("وأعلن الحداد على 5 أشخاص قتلوا في الهجوم.", ""),
    # (an analyst's review) an office in construct before a name, a statement phrase between it and "أن"; an
    # according phrase that the clause after it ends ("تم", "جرى")
    ("وأكد مفتي مصر شوقي علام في بيان أن 5 أشخاص قتلوا.", "مفتي مصر شوقي علام"),
    ("وبحسب وكالة دوغان التركية تم نشر قوة من 300 عسكري أمريكي.", "وكالة دوغان التركية"),
    # international bodies an analyst met unnamed or garbled: the OPCW under each of its spellings, the UN's
    # human rights office
    ("وأكدت منظمة حظر الأسلحة الكيمياوية زيارة المفتشين لدوما، للتحقيق في الهجوم الذي أسفر عن مقتل العشرات.", "OPCW"),
    ("وقال المفوض السامي لحقوق الإنسان إن 60 فلسطينيا قتلوا.", "UN human rights office"),
    # whom a medium the rules do not know quotes ("نقلت … عن X قولهم إن")
    ("ونقلت وكالة برس ترست أوف إنديا عن مسؤولي ولاية كيرالا قولهم إن عدد القتلى بلغ 44 شخصا.", "مسؤولي ولاية كيرالا"),
    ("ونقلت صحيفة الغارديان عن وزارة الصحة قولها إن 44 شخصا قتلوا.", "health ministry"),
    # a statement's issuer named in its relative clause (an analyst: "البيان" shown as who says so)
    ("وقال البيان الذي أصدرته وزارة الصحة إن 5 أشخاص قتلوا.", "health ministry"),
    ("وأوضح البيان الذي نشره المركز الإعلامي للمنطقة العسكرية الخامسة، أن 17 جثة وصلت.",
     "المركز الإعلامي للمنطقة العسكرية الخامسة"),
    ("وقال البيان إن 5 أشخاص قتلوا.", "البيان"),
    # a bare name past a longer statement's aside ("في تصريح لها في وقت سابق")
    ("في حين قالت كامبريدج أناليتيكا في تصريح لها في وقت سابق إنها وصلت إلى بيانات 30 مليون مستخدم.",
     "كامبريدج أناليتيكا"),
    ("وقال ترامب في مؤتمر صحفي إن 30 شخصا قتلوا.", "ترامب"),  # (the noun as the tokens normalise it: "موتمر")
    # (a third analyst's review) a bare name an according word ends the sentence or a clause with; a mission
    ("وغرق 900 مهاجر في أبريل، بحسب فرونتكس.", "فرونتكس"),
    ("وقتل 5 أشخاص في الحادث، بحسب خضر لصور.", "خضر لصور"),
    ("وقتل 5 أشخاص، بحسب بعثة المراقبة.", "بعثة المراقبة"),
    ("وقتل 5 أشخاص حسب الأصول.", ""),
    # lawyers as a trade that speaks, also after an according word and "one of" (an analyst's review)
    ("وقال محامون إن 26 شخصا سجنوا.", "lawyers"),
    ("طلبت النيابة السجن لـ 26 من أتباع الطائفة، بحسب أحد محاميهم.", "lawyers"),
    ('وأعلنت شركة "أبل" أن 5 ملايين مستخدم اشتروا الهاتف.', "شركة أبل"),
    ('قال رونار مازحا: "لنعين ثلاثة لاعبين لمراقبة رونالدو".', "رونار"),
    ("وعلقت المحللة كارولينا ميلانيسي بأن 5 ملايين مستخدم تأثروا.", "المحللة كارولينا ميلانيسي"),
    ("وخلص التقرير المؤلف من 387 ورقة إلى أن 456 مريضا توفوا.", "the report"),
    ("بعدما علق وزير الطاقة الأمريكي عمله في مشروع يضم 5 آلاف موظف.", ""),  # (suspended: no "أن")
    ("وقال مؤكدا: قتل 5 أشخاص.", ""),  # (a ḥāl is no name)
    # (a recheck) an institute named after a medium is not the medium; "قال نقلا عن X" is X's
    ("وخلصت نتائج تحليل أجراه معهد رويترز في جامعة أكسفورد أن 1.5 مليار يستخدمون التطبيق.", "معهد رويترز"),
    ("وقال نقلا عن دائرة صحة محافظة الانبار ان 174 من المدنيين قتلوا.", "دائرة صحة محافظة الانبار"),
    # (a second adversarial review) "علق" that suspends, with another clause's "أن"; a ḥāl of the shape فاعلا
    ("وعلقت الخطوط الجوية الملكية رحلاتها إلى المدينة، بعد أن قتل 5 أشخاص.", ""),
    ("وقال ساخرا: قتل 5 أشخاص.", ""),
    # (a sixth review) "وفقاً لل…": ل and the article; "في المقابلة" between a name and "بأنها"
    ("ويستخدم الإنترنت 45 مليون شخص، وفقاً للاتحاد الدولي للاتصالات.", "الاتحاد الدولي للاتصالات"),
    ("وقالت بار في المقابلة بأنها وافقت على فريق من 200 شخص.", "بار"),
    # (fifteenth session, a sixth review's cholera toll shown as no one's) present-tense verbs of saying open the
    # sentence with "أن" after them; inside a clause, or with an object, they say nothing
    ("وتفيد منظمة الصحة العالمية أن وباء الكوليرا يتسبب بوفاة 21 ألف شخص سنويا.", "WHO"),
    ("ويؤكد ناشطون أن 300 شخص اعتقلوا.", "activists"),
    ("ويوضح حمادة أنه درب 40 طالبا.", "حمادة"),
    ("وأشار الصباغ إلى أن جميع المؤشرات تؤكد أن 5 آلاف أسرة تلقت المساعدات.", "الصباغ"),
    ("واستعرضت الشركة صورا توضح الرسالة التي تصل إلى 5 ملايين مستخدم.", ""),
    ("فيديو يوضح طريقة صد الهجمات في لعبة يلعبها 5 ملايين شخص.", ""),
    ("قبل أن يضيف اللاعب نفسه الهدف الثاني أمام 40 ألف متفرج.", ""),
    # (an adversarial review) a thing or a deed that shows is no one saying; people and bodies are
    ("وتؤكد الصور المنشورة أن 20 مدنيا قتلوا.", ""),
    ("ويؤكد استمرار القصف أن 20 مدنيا قتلوا.", ""),
    ("ويؤكد تراجع الأسعار أن 40 موظفا فقدوا وظائفهم.", ""),
    ("ويؤكد تقرير الأمم المتحدة أن 40 شخصا قتلوا.", "the United Nations"),
    ("وتؤكد مخرجة المسرحية أن آلاف المعتقلين لم ينسوا.", "مخرجة المسرحية"),
    # a name, then who they are set off by commas at any length, then "إن": the name (it was no one's past nine words)
    ("وقال فيتالي كليتشكو، عمدة مدينة كييف وبطل العالم ثلاث مرات في الوزن الثقيل للملاكمة، إنه يتوقع وصول 100 ألف"
     " سائح.", "فيتالي كليتشكو"),
    ("وقال محمد باركيندو، الأمين العام لأوبك خلال مؤتمر النفط والمال في لندن، إن 300 موظف غادروا.", "محمد باركيندو"),
    ("وقال مسؤول، طلب عدم نشر اسمه لأنه غير مخول بالحديث إلى وسائل الإعلام، إن 5 أشخاص قتلوا.", "officials"),
    # (not past a sentence's end or a quotation: "وقالت سلمى، وهي من سكان المدينة: "…"، إن" is no such set-off)
    ('وقالت سلمى، وهي تبكي: "قتل 5 من أبنائي"، إن الجيش انسحب.', ""),
    # speakers named by their trade alone right after a verb of saying, as officials are; not as an object
    ("قال محققون إن بيانات 87 مليون شخص تسربت.", "investigators"),
    ("وقال محلل مالي إن 300 موظف سيفقدون وظائفهم.", "analysts"),
    ("حسبما يقول خبراء، يعمل 13 ألف شخص في الرق.", "experts"),
    ("وكانت السلطات قد دعت خبراء المنظمة إلى فحص 40 شخصا.", "the authorities"),
    ("وقال كوك في مكالمة مع محللين إن 5 ملايين مستخدم اشتروا الهاتف.", ""),
    # an according phrase with "ما" and a verb of saying, a bare name closed by its comma or the sentence's end
    ("وطبقا لما يقوله فيسبوك، فإن بيانات حوالي 87 مليون مستخدم تسربت.", "فيسبوك"),
    ("وتعبر الحدود يوميا قرابة 12 شاحنة، حسبما قال أبو حامد.", "أبو حامد"),
    ("ووفقا لما ذكره أيضا، فإن 5 أشخاص قتلوا.", ""),  # (an adverb: no name)
    ("وفقا لما هو معروف، فإن 5 أشخاص قتلوا.", ""),  # (an adversarial review: no verb of saying after "لما")
    ("ووفقا لما ذكرته صحيفة، فإن 5 قتلوا.", ""),  # (a kind of body alone)
    # a pluperfect that opens the sentence: the subject between "كان" and the verb of saying
    ("وكان الاتحاد التونسي أعلن أن 23 لاعبا سيشاركون.", "الاتحاد التونسي"),
    ("وكانت حكومة كاتالونيا قد أعلنت أن 80 ألف شخص أيدوا الاستقلال.", "حكومة كاتالونيا"),
    ("وكان من المقرر أن يصل 5 أشخاص.", ""),
    ("وكان قد قال إن 5 أشخاص قتلوا.", ""),
    # (fourteenth session's notes) the media, a country's by its adjective; unnamed officials by a broken plural
    ("وقتل 5 أشخاص، حسبما أفادت وسائل إعلام محلية.", "local media"),
    ("وأفادت وسائل إعلام إسرائيلية بأن 5 أشخاص قتلوا.", "media (Israel)"),
    ("وقال مصدر في الشرطة لوسائل إعلام محلية إن 5 أشخاص قتلوا.", "police"),  # (told the media)
    ("ونقلت وسائل إعلام أمريكية عن الشركة أن 5 أشخاص قتلوا.", "the company"),  # (whom they quote)
    ("وقتل 5 أشخاص، وفقا لما نقلته فرانس برس عن وسائل إعلام إيرانية.", "AFP"),  # (a medium relaying media)
    ("وقال مسؤولون أتراك إن 5 أشخاص قتلوا.", "officials (Turkey)"),
    # (an adversarial review) media someone owns, joined to a speaker before them, or that the sentence says relay
    ("وقالت وسائل إعلام تابعة لتنظيم الدولة الإسلامية إن 30 جنديا قتلوا.", "ISIS / Amaq"),
    ("وقالت وسائل إعلام إن 12 شخصا قتلوا، نقلا عن الشرطة.", "police"),
    ("قال مسؤول بوزارة النقل ووسائل إعلام محلية إن 3 أشخاص أصيبوا.", "مسؤول بوزارة النقل ووسائل إعلام محلية"),
    # (thirteenth session's notes) a name whose family name has the article, then the office the rules know
    ("وقال حيدر العبادي، رئيس الوزراء العراقي، إن 5 أشخاص قتلوا.", "prime minister (Iraq)"),
    ("وقال الجيش، في بيان، إن 5 أشخاص قتلوا.", "the army"),
    # (an adversarial review) an office of a body ("ل" is whose, not to whom); a name that goes on after a state's
    # body; a body's kind alone before an aside
    ("وقال حسن نصر الله، الأمين العام لحزب الله، إن 5 قتلوا.", "الأمين العام لحزب الله"),
    ("وقال الأمين العام لمنظمة أوبك الخميس، إن 30 موظفا غادروا.", "الأمين العام لمنظمة أوبك"),
    ("وقال المتحدث لرويترز إن 5 قتلوا.", "المتحدث"),
    ("وقال قائد ميداني في الجيش الحر إن 5 قتلوا.", "الجيش الحر"),
    ("وقال الجيش الوطني الليبي إن 5 قتلوا.", "الجيش الوطني الليبي"),
    ("وذكر موقع، متخصص في أخبار التكنولوجيا، أن 5 ملايين مستخدم تأثروا.", ""),
    # (the adversarial review's older cases) a medium told after a speaker; a statement's medium after a name closed
    # by the sentence's end; a present verb of saying after "ومن جانبها،"
    ("وقتل 5 أشخاص، حسبما قال مسؤول لرويترز.", "officials"),
    ("وقتل 5 أشخاص، وفقا لرويترز.", "Reuters"),
    ("وقتل 5 أشخاص، حسبما قال ترامب في تغريدة.", "ترامب"),
    ("ومن جانبها، تؤكد الوزارة أن 5 قتلوا.", "the ministry"),
    ("وقالت إيران، التي تدعم الحكومة السورية، إن 5 قتلوا.", "إيران"),  # (the aside's body is not who says so)
    # unnamed officials after an according word; a family's name with "آل"; an according phrase's subject of up to
    # four words that its comma or the sentence's end closes
    ("قتل سبعة تلاميذ وجرح 12 آخرون في هجوم بسكين، بحسب مسؤولين.", "officials"),
    ("وقتل 5 أشخاص، وفقا لمسؤولين أمريكيين.", "officials (United States)"),
    ("وأشار آل فهيد بأن الملتقى يشارك به أكثر من 200 شخصية.", "آل فهيد"),
    ("وتدعم تواجد 4 أشخاص في المحادثة الواحدة، وفقا لما أوردته مواقع تقنية متخصصة.", "مواقع تقنية متخصصة"),
    ("وحسب مسؤول في الإدارة فإن الأمر سيستغرق شهرين لتعيين 40 موظفا.", "officials"),
])
def test_claimants_the_fixture_review_found_missing_or_wrong(sentence, who):
    assert claimant_of(sentence) == who


def test_an_active_verb_of_hitting_is_no_wound_by_itself():
    # (thirteenth session) "أصاب ثور أربعة أشخاص" (a bull injured four) is other people: "أصاب" is as often "affected"
    # (an adversarial review: outages, floods, sanctions), so it names no wound, and never makes a number people
    assert number("وأصاب العطل 300 ألف مستخدم في المدينة.", "300 ألف").category != "wounded"
    assert number("وأصابت الفيضانات 50 ألف أسرة في الجنوب.", "50 ألف").category != "wounded"
    assert not [n for n in numbers_in("في هذه المهمات الصعبة، أصاب لودريان النجاح.") if n.type == "people"]


@pytest.mark.parametrize(("sentence", "who"), [
    # (thirteenth session) an analyst: a speaker named by a bare name after a verb of saying was "" (the outlet shown)
    ("وأضاف أصلان أنه لا يوجد سوى حوالي 105 أطباء.", "أصلان"),
    ("وقال ترامب إن 5 أشخاص قتلوا.", "ترامب"),
    ("وأكد محمد عادل أن 5 أشخاص قتلوا.", "محمد عادل"),
    ("وقالت روسيا إن 5 أشخاص قتلوا.", "روسيا"),
    ("وقال أصلان إن 5 أشخاص قتلوا، بحسب وكالة الأنباء.", "أصلان"),  # (the speaker, not the relay)
    # not names: the verb's adverbs, pronouns, to whom, generic speakers, an addressee's country
    ("وأضاف أيضا أن 5 أشخاص قتلوا.", ""),
    ("وقال قبلاً إن 5 أشخاص قتلوا.", ""),
    ("وقال لرويترز إن 5 أشخاص قتلوا.", ""),
    ("قال محللون إن 5 أشخاص قتلوا.", "analysts"),  # (no name: a trade, fifteenth session)
    ("قال خبراء إن 5 أشخاص قتلوا.", "experts"),
    ("وقال مسؤول محلي إن 5 أشخاص قتلوا.", "officials"),  # (no name: unnamed officials, fourteenth session)
    ("ونقلت رويترز عن محللين أن 5 أشخاص قتلوا.", "Reuters"),
    ("وقد يقول قائل إن 5 أشخاص قتلوا.", ""),
    ("وقال في بيان إن 5 أشخاص قتلوا.", ""),
    # a name and the office it holds, no comma, up to nine words before "إن" (an analyst: the civil aviation
    # authority's head's statistics were the outlet's)
    ("وقال سليمان الحمدان رئيس الهيئة العامة للطيران المدني إن عدد الركاب بلغ 6 ملايين.",
     "سليمان الحمدان رئيس الهيئة العامة للطيران المدني"),
    ("وقال خالد ناصر صاحب المحل الصغير الواقع قرب السوق الشعبية إن 5 قتلوا.", ""),  # (runs on: no office)
    # a name in quotation marks (Saudi outlets' style), and verbs that go on ("تابع", "اعتبر"); not a quotation
    ('وتابع "الشولي": بلغ عدد المنومين 1466 مريضاً.', "الشولي"),
    ('وأفاد "الحربي" بأنه أبلغ الشركة.', "الحربي"),
    ("وتابع ستولتبرغ أن 5 أشخاص قتلوا.", "ستولتبرغ"),
    ('وقال "نعم للسلام": 5 أشخاص قتلوا.', ""),
    # the day and the medium told that wire copy sets between a name and "أن" (an adversarial review's gaps)
    ("وقال ترامب الثلاثاء إن 5 أشخاص قتلوا.", "ترامب"),
    ("وقالت ميركل، الأربعاء، إن 5 أشخاص قتلوا.", "ميركل"),
    ("وقال أصلان لرويترز إن 5 أشخاص قتلوا.", "أصلان"),
    ("وقال ديسلبلوم في بيان إن 5 أشخاص قتلوا.", "ديسلبلوم"),
    ("وقال مؤكدا الثلاثاء إن 5 أشخاص قتلوا.", ""),
    ("وقال الثلاثاء إن 5 أشخاص قتلوا.", ""),
    # officials named by their field only (an analyst: a toll announced by Iraqi and Kurdish security officials)
    ("كما أعلن مسؤولون أمنيون عراقيون وأكراد مقتل 11 من عناصر داعش.", "security officials"),
    ("وقال مسؤول أمني تركي إن 5 أشخاص قتلوا.", "security officials (Turkey)"),
    ("وقال مسؤولون عسكريون إن 5 أشخاص قتلوا.", "military officials"),
    ('وأضاف "الأمر خطير": 5 أشخاص قتلوا.', ""),
])
def test_a_speaker_named_by_a_bare_name_after_a_verb_of_saying(sentence, who):
    assert claimant_of(sentence) == who


@pytest.mark.parametrize(("sentence", "who"), [
    # (eleventh session) an analyst's review: the US Defense Department and Turkey's defence ministry, the two sides
    # of one incident, were one "defence ministry"; a state body or office is its country's when the words say so
    ("وأعلنت وزارة الدفاع التركية أنها حيدت 58 مسلحا.", "defence ministry (Turkey)"),
    ("وقالت وزارة الدفاع الأمريكية إن مقاتلة أسقطت طائرة مسيرة.", "defence ministry (United States)"),
    ("وأكد البنتاغون أن 3 جنود أصيبوا.", "defence ministry (United States)"),
    ("وقال الجيش الإسرائيلي في بيان إن 3 فلسطينيين قتلوا.", "the army (Israel)"),
    ("الجيش الإسرائيلي قال إن 5 صواريخ أطلقت.", "the army (Israel)"),  # (the actor before the verb)
    ("قالت وزارة الدفاع في النيجر إن 17 جندياً قتلوا.", "defence ministry (Niger)"),  # "في" and the country's name
    ("وقال الرئيس الروسي فلاديمير بوتين إن 5 قتلوا.", "president (Russia)"),
    ("وقال وزير الخارجية الأمريكي إن 5 قتلوا.", "foreign minister (United States)"),
    ("وقال المتحدث باسم وزارة الداخلية العراقية إن 4 أشخاص قتلوا.", "interior ministry (Iraq)"),  # inside a body
    ("وبحسب حصيلة وزارة الصحة الفلسطينية قتل 60 شخصا.", "health ministry (Palestine)"),  # a body's toll
    ("وقالت السلطات المصرية إن 5 أشخاص قتلوا.", "the authorities (Egypt)"),
    # not a country's
    ("وقال الجيش السوري الحر إن 10 من عناصره قتلوا.", "الجيش السوري الحر"),  # the name goes on: as written
    ("وقالت الحكومة الليبية المؤقتة إن 5 قتلوا.", "الحكومة الليبية المؤقتة"),  # (a rival government)
    ("وقال الرئيس الأمريكي السابق باراك أوباما إن 5 قتلوا.", "former president (United States)"),
    ("وقال الرئيس البرازيلي المنتخب إن 5 قتلوا.", "president-elect (Brazil)"),
    ("وقال الجيش العربي السوري إن 5 قتلوا.", "the army (Syria)"),  # (one word between)
    ("وقال وزير المالية المصري إن 5 قتلوا.", "minister (Egypt)"),
    ("وقال الجيش اليوم السوري إن 5 قتلوا.", "the army"),  # (a day between: no)
    ("وقال رئيس أركان الجيش الإسرائيلي السابق إن 5 قتلوا.", "الجيش الإسرائيلي السابق"),  # a former chief: as written
    ("وقال الرئيس في تركيا إن 5 قتلوا.", "president"),  # where an office holder spoke, not whose
    ("وقال الرئيس التنفيذي لشركة أرامكو السعودية إن 5 قتلوا.", "chief executive"),  # no president
    ("وقال وزير المالية إن 5 قتلوا.", "minister"),  # "المالية": finance, not Mali
    ("وقال الجيش في بيان إن 5 قتلوا.", "the army"),
    ("وقالت الحكومة اليوم إن 5 قتلوا.", "the government"),
    ("وقال الهلال الأحمر الليبي إن 5 قتلوا.", "Red Crescent (Libya)"),  # (a story's bare "Red Crescent" joins it)
    ("وبحسب الهلال الأحمر قتل 5 أشخاص.", "Red Crescent"),  # (was "": not listed)
    ("وقالت المنظمة الدولية للهجرة إن 5 آلاف شخص نزحوا.", "IOM"),
    ("وقالت مفوضية الأمم المتحدة لشؤون اللاجئين إن 5 آلاف شخص نزحوا.", "UNHCR"),  # (the longest phrase)
    ("وقالت المفوضية إن 5 آلاف شخص نزحوا.", "the United Nations"),
])
def test_a_state_body_is_its_countrys_when_the_words_say_so(sentence, who):
    assert claimant_of(sentence) == who


@pytest.mark.parametrize(("sentence", "who"), [
    # (twelfth session) a medium that quotes someone ("نقلت X عن Y") is not who says so: Y is, as if Y had said it
    ("ونقلت وكالة رويترز عن مصدر أمني قوله إن 20 شخصا قتلوا.", "security sources"),
    ("ونقلت رويترز عن مسؤول في وزارة الصحة أن 20 شخصا قتلوا.", "health ministry"),
    ("ونقلت وكالة الأنباء السورية (سانا) عن مصدر عسكري أن 20 مسلحا قتلوا.", "military sources"),  # (its name in brackets)
    ('ونقلت "فرانس برس" عن مدير المرصد السوري لحقوق الإنسان قوله إن 220 شخصا قتلوا.', "SOHR"),  # (in quotation marks)
    ("نقلت وكالة الأناضول عن وزارة الدفاع التركية قولها إن 20 مسلحا قتلوا.", "defence ministry (Turkey)"),
    ("وذكرت وكالة رويترز نقلا عن الشرطة أن 20 شخصا قتلوا.", "police"),
    ("ونقل التلفزيون الرسمي عن وزير الداخلية قوله إن 20 شخصا اعتقلوا.", "interior minister"),
    ("وأوردت وكالة سانا الرسمية عن مصدر في وزارة الخارجية السورية أن 5 قتلوا.", "foreign ministry (Syria)"),
    # (twelfth session) a medium named by its word and its name, state media in other words, one word of who a
    # source is before the body it speaks for
    ("وذكرت صحيفة نيويورك تايمز يوم الأربعاء أن 2 أجليا.", "صحيفة نيويورك تايمز"),
    ("وبحسب راديو فاردا، اعتقل 5 عمال.", "راديو فاردا"),
    ("ووفقاً لوكالة فيتش، فقد 5 موظفين وظائفهم.", "وكالة فيتش"),
    ("وقالت وسائل إعلام حكومية إن ستة مدنيين قتلوا.", "state media"),
    ("وقال مصدر مسؤول في وزارة الخارجية السعودية إن 5 قتلوا.", "foreign ministry (Saudi Arabia)"),
    ("وقال مصدر أمني إن 5 قتلوا.", "security sources"),
    # (a second review) "وفقاً لما ذكرته X": X; a plural role right before its plural verb; a tweet
    ("أدى انفجار إلى إجلاء حوالي 10 آلاف شخص، وفقاً لما ذكرته خدمة الطوارئ الحكومية.", "خدمة الطوارئ الحكومية"),
    ("وكان ناشطون أفادوا، الأحد، باعتقال العشرات.", "activists"),
    ("شهود عيان قالوا إن 5 قتلوا.", "witnesses"),
    ("وغرد الرئيس الأميركي دونالد ترامب قائلا إن مئات الآلاف قد يقتلون.", "president (United States)"),
    ("وارتفع التضخم إلى 68%، وفقا لبيانات الجهاز المركزي للإحصاء.", "بيانات الجهاز المركزي للإحصاء"),
    # a name with no article, then who it is, set off by commas: the office or the body (an analyst: Raed Saleh's
    # "about seventy" shown as the outlet's)
    ('وقال رائد صالح، رئيس مجموعة الخوذ البيضاء، إن حوالي "سبعين شخصا اختنقوا".', "White Helmets"),
    ("وقال سيرغي لافروف، وزير الخارجية الروسي، الخميس، إن بلاده ستطرد 5 دبلوماسيين.", "foreign minister (Russia)"),
    ("وقال نير بركات، رئيس بلدية القدس، في بيان إن 5 قتلوا.", "رئيس بلدية القدس"),
    ("وقال، في بيان، إن 5 قتلوا.", ""),  # (no name before the comma)
    ("وقال بومبيو إن 5 قتلوا.", "بومبيو"),  # (a name alone, as written: the thirteenth session's analyst read the
    #                                      outlet shown for a named speaker as wrong)
    # the medium stands: unnamed sources alone, another medium, "عن" meaning "about"
    ("ونقلت رويترز عن مصادر لم تسمها أن 20 شخصا قتلوا.", "Reuters"),
    ("ونقلت رويترز عن وكالة الأنباء الفرنسية أن 20 شخصا قتلوا.", "Reuters"),
    ("وتحدثت وكالة رويترز عن مقتل 20 شخصا.", "Reuters"),
    ("نقلت الشركة البضائع عن طريق البحر إلى الميناء حيث قتل 3 أشخاص.", ""),  # (carried by way of: no quoting)
])
def test_a_medium_that_quotes_someone_is_not_who_says_so(sentence, who):
    assert claimant_of(sentence) == who


@pytest.mark.parametrize(("sentence", "goes_on"), [
    ("وأضاف أن 16 شخصا قتلوا.", True),
    ("وأشار إلى أن حصيلة الضحايا بلغت 16 قتيلا.", True),
    ('وتابع: "قتل 16 شخصا في الهجوم".', True),
    ('وأضاف "قتل 16 شخصا في الهجوم، ونحن نحقق".', True),
    ("وقالت إن 16 شخصا قتلوا.", True),
    ("وأضاف وزير الداخلية أن 16 شخصا قتلوا.", False),  # a subject of its own
    ('وأفاد "الحربي" بأنه أبلغ الشركة.', False),  # a name in quotation marks: its subject
    ("وقتل 16 شخصا في الهجوم.", False),  # no verb of saying
    ("وأضافت الشركة أن الأرباح ارتفعت.", False),
    ("وذكر ان محافظة بغداد كانت الاكثر تضررا حيث سجلت سقوط 335 قتيلا.", True),  # (a fifth review: the UN's breakdown)
])
def test_a_sentence_that_opens_with_a_verb_of_saying_and_no_subject_goes_on_with_the_last_speaker(sentence, goes_on):
    from generator.analysis.numbers import continues
    assert continues(sentence) is goes_on


def test_the_same_source_is_the_last_speaker_named(tmp_path):
    """(twelfth session) an analyst: "وأفاد المصدر نفسه" after SOHR's paragraph made SOHR's 17 killed "sources"."""
    from generator.analysis.figures import figures_of
    from generator.analysis.numbers import same_source
    from generator.cache import Cache
    from generator.config import load_config
    from generator.ingest.read import read_seeds
    from generator.pipeline import ingest_all
    from generator.translation.pair import pair_article

    assert same_source("وأفاد المصدر نفسه بتصاعد الضربات") and same_source("وبحسب المصادر ذاتها قتل 5")
    assert same_source("وقال نفس المصدر إن 5 قتلوا") and not same_source("وقال مصدر أمني إن 5 قتلوا")
    # one named before by a word alone: the official, the ministry, the spokesman (not one with a name of its own)
    assert same_source("وقال المسؤول إن 5 قتلوا") and same_source("وأضافت الوزارة أن 5 قتلوا")
    assert same_source("وأوضح المتحدث في بيان أن 5 قتلوا")
    assert not same_source("وقالت الوزارة العراقية إن 5 قتلوا") and not same_source("وقال البيان إن 5 قتلوا")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    paragraphs = ["قال المرصد السوري لحقوق الإنسان إن الضربات الجوية المستمرة منذ أيام أوقعت 93 قتيلا في المحافظة.",
                  "وأفاد المصدر نفسه بتصاعد الضربات الجوية اليوم الخميس على مناطق عدة، حيث أحصى أكثر من 35 غارة.",
                  "وأشار إلى أن غارات اليوم أسفرت عن مقتل 17 شخصا بينهم أطفال."]
    (tmp_path / "seeds" / "a.txt").write_text("وكالة 1 | أخبار\nغارات على درعا\n2018-06-28\n\n" + "\n\n".join(paragraphs)
                                            + "\n", encoding="utf-8")
    config = load_config(tmp_path)
    seeds, errors = read_seeds(config.seeds_path, config.roots)
    source = pair_article(ingest_all(seeds, config, Cache(None), errors)[0][0].article, {})
    assert {f.match: f.claimant for f in figures_of(source) if f.type == "people"} == {"93": "SOHR", "17": "SOHR"}


def test_a_day_stated_right_after_a_count_is_its_own():
    """(twelfth session) an analyst: "قتلت حوالي 40 شخصا يوم الجمعة الماضية، و30 آخرين يوم السبت" dated the 30 the
    Friday; a deadline after a planned count is no day of it."""
    from generator.analysis.annotate import note
    from generator.analysis.figures import day_of

    def dated(sentence: str, number: str) -> str:
        found = note(sentence, "2018-04-08")
        count = next(n for n in found.numbers if sentence[n.start:n.end] == number)
        return day_of(sentence, count.start, found, count.end, "2018-04-08")["day"]

    both = "وقال المرصد إن الغارات قتلت حوالي 40 شخصا يوم الجمعة الماضية، و30 آخرين يوم السبت."
    assert (dated(both, "40"), dated(both, "30")) == ("2018-04-06", "2018-04-07")
    plan = "وقالت الوزارة الثلاثاء إنه من المفترض أن يتم لم شمل 1600 أسرة الخميس."
    assert dated(plan, "1600") != "2018-04-05"
    # (fifteenth session) past a place of four words at most: the drowning's Wednesday, not the arrests' Friday; not
    # past a clause joined by و
    drowned = ("قالت الشرطة إنها ألقت القبض على ثلاثة ليبيين أمس الجمعة فيما يتصل بغرق أكثر من 200 مهاجر في البحر"
               " المتوسط يوم الأربعاء.")
    assert dated(drowned, "200") == "2018-04-04"
    joined = "قالت الشرطة أمس السبت إن 5 أشخاص قتلوا وأعلنت الحكومة الحداد الأحد."
    assert dated(joined, "5") == "2018-04-07"
    # (an adversarial review) not past a verb of their own, a cause or an event of another day
    for other, count in (("واعتقلت قوات الأمن السبت 40 ناشطا شاركوا في مظاهرة الجمعة.", "40"),
                         ("اعتقلت الشرطة السبت 4 أشخاص يشتبه في تورطهم بهجوم الجمعة.", "4"),
                         ("أنقذ خفر السواحل السبت 20 مهاجرا كانوا قد غادروا ليبيا الجمعة.", "20")):
        assert dated(other, count) == "2018-04-07", other


def test_a_clause_of_its_own_may_name_its_own_speaker():
    """(fifteenth session; a fresh review of an old pile, and an older note: "بينما تقول المملكة إنها تستضيف 1.4 مليون"
    was the UN's) a count in a clause opened by "فيما/بينما" with a speaker of its own before it, or an according
    phrase after it in its clause, is that speaker's; not the next clause's speaker."""
    from generator.analysis.figures import _other_speakers

    def speakers(sentence: str) -> list[str]:
        claimant = claimant_of(sentence)
        people = [n.start for n in numbers_in(sentence) if n.type == "people"]
        own = _other_speakers(sentence, claimant, people)
        return [own.get(start, claimant) for start in people]

    assert speakers("وقالت الوزارة إن 5 أشخاص قتلوا، فيما قال المرصد إن 10 أشخاص قتلوا.") == ["the ministry", "SOHR"]
    assert speakers("وبحسب الأمم المتحدة، هناك 630 ألف لاجئ، بينما تقول المملكة إنها تستضيف 1,4 مليون لاجئ.") == [
        "the United Nations", "المملكة"]
    assert speakers("وقال الجيش إن 5 جنود قتلوا، فيما أصيب 10 آخرون.") == ["the army", "the army"]
    assert speakers("وفيما قتل 27 مسلحا في بيجي، كشف مصدر في الوزارة عن قصف المخازن.") == ["the ministry"]


def test_after_a_quotation_closes_the_outlet_speaks_again_unless_the_speaker_goes_on():
    """A sixth review (fourteenth session): after 'وقال بيركلي "…"', the narrative's cholera counts ("وتهدف الحملة في
    نيجيريا حيث تم تسجيل 1700 حالة …") were credited to the speaker quoted before. A sentence after one that closes a
    quotation carries no speaker unless it says the speaker goes on ("وأضاف: …", "وقال المصدر نفسه")."""
    from generator.analysis.annotate import annotate_paragraph
    from generator.models import Paragraph
    paragraph = Paragraph(kind="body", sentences=(
        'وقال المتحدث باسم الشرطة: "الحملة ستنجح".', "وتهدف الحملة إلى تطعيم 600 ألف شخص.",
        'وقالت الشرطة: "قتل 5".', 'وأضاف: "قتل 5 أشخاص".', "وقتل 3 آخرون.",
        "وقالت الشرطة إن 5 قتلوا.", "وقتل 3 آخرون."), lines=(1,))
    assert [n.claimant for n in annotate_paragraph(paragraph, "2018-05-10").notes] == [
        "police", "", "police", "police", "", "police", "police"]


def test_a_sentence_that_names_no_speaker_is_the_last_speakers_only_when_it_goes_on_with_them():
    """(sixteenth session) an analyst's review of a tuning-half pile: background narration after a speaker's sentence
    ("وقتل العشرات في سلسلة تفجيرات بالعاصمة كابول خلال الشهور القليلة الماضية" after ISIS's claim; the outlet's
    "ويقدر عددهم بألفي شخص" after a lawyer's words) was credited to that speaker. A sentence that names no one goes
    on with the last speaker only when it says so: a verb of saying with no subject, inside their quotation, the
    indirect speech going on ("وأنه"), their list going on ("كما"), what they told or counted referred to ("أدى
    ذلك", "ذلك العدد", "آخرون"); else the outlet speaks."""
    from generator.analysis.annotate import annotate_paragraph
    from generator.models import Paragraph

    def claimants(*sentences: str) -> list[str]:
        paragraph = Paragraph(kind="body", sentences=sentences, lines=(1,))
        return [n.claimant for n in annotate_paragraph(paragraph, "2018-05-10").notes]

    assert claimants("وقال الجيش إن مسلحين هاجموا مركزا للشرطة.",
                     "وقتل العشرات في سلسلة تفجيرات بالعاصمة خلال الشهور الماضية.") == ["the army", ""]
    assert claimants("وقال الجيش إن مسلحين هاجموا مركزا للشرطة.", "وادى ذلك الى مقتل ضابط واصابة جنديين.") == [
        "the army", "the army"]
    assert claimants("وقال المرصد إن 20 قتلوا في الغارات.", "كما لقي 15 مسلحا حتفهم في ريف حلب.") == ["SOHR", "SOHR"]
    assert claimants("وقال المرصد إن 20 قتلوا في الغارات.", "وأنه تم نقل 30 جريحا إلى المستشفيات.") == [
        "SOHR", "SOHR"]
    assert claimants("وقالت منظمة الصحة العالمية إن ثلاثة ملايين شخص يموتون سنويا.",
                     "ويشمل ذلك العدد 890 ألف حالة وفاة.") == ["WHO", "WHO"]
    assert claimants('وقال المرصد: "قتل 20 شخصا في الغارات.', 'وأصيب 30 آخرون بجروح".') == ["SOHR", "SOHR"]
    assert claimants("وقال المرصد إن 20 قتلوا في الغارات.", 'وأصيب 30 شخصا بجروح».') == ["SOHR", "SOHR"]
    assert claimants("وقال المرصد إن 20 قتلوا في الغارات.", "ويحاكم 16 من المشجعين بتهم الشغب.") == ["SOHR", ""]
    # what the speaker's words mean goes on with them; a statement's aside before "أن" ("وتابع في مؤتمر صحافي، أن")
    assert claimants("وقالت منظمة الصحة العالمية إن 45 بالمئة من المرافق تعمل.",
                     "ويعني الوضع القائم أن الآلاف من الجرحى ينتظرون العلاج.") == ["WHO", "WHO"]
    assert claimants("وقال المرصد السوري لحقوق الإنسان إن 20 قتلوا.", "ويحاكم 16 من المشجعين.",
                     "وتابع في مؤتمر صحافي في دمشق، أن 150 شخصا يمكن أن يخسروا حقهم.") == ["SOHR", "", "SOHR"]
    # a count in the aside that tells who the speaker is is the outlet's (a second analyst's review)
    from generator.analysis.figures import _in_the_speakers_aside
    aside = "وقالت المرأة، المسؤولة بمقتضى منصبها عن أكثر من 300 موظف، إنها ستستقيل."
    assert _in_the_speakers_aside(aside, aside.index("300"), aside.index("300") + 3)
    said = "وقال المرصد إن 30 شخصا قتلوا، وإن 12 أصيبوا."
    assert not _in_the_speakers_aside(said, said.index("12"), said.index("12") + 2)
    judges = "واستبدل الإعدام بالسجن، وقال أحد القضاة الـ 12 في المحكمة إن القرار صائب."
    assert _in_the_speakers_aside(judges, judges.index("12"), judges.index("12") + 2)
    tolls = "وتقول المنظمة إن التبغ يقتل أكثر من سبعة ملايين شخص سنويا."
    assert not _in_the_speakers_aside(tolls, tolls.index("سبعة"), tolls.index("سبعة") + 4)
    # (an adversarial review) the speaker's breakdown of their toll, and their statement going on; an agreement is no one
    assert claimants("وقال المرصد السوري لحقوق الإنسان إن 50 مدنيا قتلوا.", "ومن بين القتلى 14 طفلا.") == ["SOHR", "SOHR"]
    assert claimants("وقالت الشرطة إن 20 شخصا أصيبوا.", "والقتلى هم 12 طفلا و8 نساء.") == ["police", "police"]
    assert claimants("وقال الجيش في بيان إن 5 مسلحين قتلوا.", "وجاء في البيان أن 12 مشتبها بهم اعتقلوا.") == [
        "the army", "the army"]
    assert claimants("وقال الجيش في بيان إن 5 مسلحين قتلوا.", 'وتابع البيان: "تم اعتقال 12 مشتبها بهم".') == [
        "the army", "the army"]
    assert claimants("ونقل 400 مسلح إلى إدلب.", "وذلك بحسب الاتفاق المبرم مع الأمم المتحدة.") == ["", "the United Nations"]
    assert claimants("وقالت الشرطة إن 5 أشخاص قتلوا.", "ويقول آخرون إن العدد يصل إلى 20 قتيلا.") == ["police", ""]
    # a sentence that says whose the one before it is ("وذلك بحسب …")
    assert claimants("وتم فصل أكثر من ألفي طفل عن ذويهم منذ بدء تنفيذ السياسة.",
                     "وذلك بحسب وزارة الصحة.") == ["health ministry", "health ministry"]
    # the speaker who goes on is the last one named, past narration between; not past a speaker of its own
    assert claimants("قال المرصد السوري لحقوق الإنسان إن 20 قتلوا.", "ويحاكم 16 من المشجعين بتهم الشغب.",
                     "وأضاف المرصد أن 30 أصيبوا.") == ["SOHR", "", "SOHR"]
    assert claimants("قال المرصد السوري لحقوق الإنسان إن 20 قتلوا.", "وقال مسؤول إن 5 اعتقلوا.",
                     "وأضاف أن 30 أصيبوا.") == ["SOHR", "officials", "officials"]


def test_a_statement_that_says_so_in_a_paragraph_of_its_own_is_its_issuers():
    """(sixteenth session) a third analyst's review: UNAMI's figures, told in paragraphs opening "واكد البيان ان",
    were shown as "البيان"'s. A paragraph that opens with the statement as the subject of a verb of saying is the
    statement of the one the report last named issuing it ("في بيان"), past a speaker quoted between."""
    from generator.analysis.annotate import _annotated
    from generator.models import Paragraph

    paragraphs = tuple(Paragraph(kind="body", sentences=(s,), lines=(n,)) for n, s in enumerate((
        "قالت بعثة الأمم المتحدة في بيان إن 1332 عراقيا لقوا مصرعهم.",
        'وقال أحد السكان: "قتل 3 من جيراني".',
        "واكد البيان ان 488 عنصرا من قوات الامن قتلوا خلال شهر يوليو.",
        "وذكر ان محافظة بغداد سجلت سقوط 335 قتيلا.")))
    assert [p.notes[0].claimant for p in _annotated(paragraphs, "2018-08-01")] == [
        "the United Nations", "residents", "the United Nations", "the United Nations"]


def test_a_part_of_a_scraped_block_goes_on_with_its_speaker_only_after_a_colon_or_an_open_quotation():
    """(sixteenth session) a block split into parts (segment.parts: the same lines) had carried its speaker into every
    part: narration in the parts after a toll was credited to the speaker (16 tuning-half rows)."""
    from generator.analysis.annotate import _annotated
    from generator.models import Paragraph

    def claimants(*parts: str) -> list[str]:
        paragraphs = tuple(Paragraph(kind="body", sentences=(p,), lines=(1,)) for p in parts)
        return [p.notes[0].claimant for p in _annotated(paragraphs, "2018-08-01")]

    assert claimants("وقال المرصد السوري لحقوق الإنسان:", "قتل 30 شخصا في الغارات.") == ["SOHR", "SOHR"]
    assert claimants("وقال المرصد السوري لحقوق الإنسان إن 20 قتلوا.", "وشكل الهجوم الذي أوقع 32 قتيلا شرارة العنف.") == [
        "SOHR", ""]


def test_a_sentence_with_an_unnamed_speaker_of_its_own_is_not_the_last_named_speakers():
    """(thirteenth session) an analyst: "كما أعلن مسؤولون أمنيون عراقيون وأكراد … مقتل 11" was shown as الجبوري, who
    spoke in the sentence before; an unnamed speaker of its own ends the attribution carried on. "The official"
    (with the article) is the one named before; a sentence with no speaker still carries it on."""
    from generator.analysis.annotate import note

    assert note("كما أعلن مسؤولون أمنيون عراقيون وأكراد امس الخميس مقتل 11 من عناصر داعش.", "2018-01-05",
                "الجبوري").claimant == "security officials"  # (a role of the rules since; not الجبوري)
    assert note("كما أعلن مسؤولون محليون امس الخميس مقتل 11 من عناصر داعش.", "2018-01-05", "الجبوري").claimant == "officials"
    assert note("وقال مسؤول إن 5 أشخاص قتلوا.", "2018-01-05", "SOHR").claimant == "officials"  # (unnamed officials
    #   since the fourteenth session: "" before, the outlet's own)
    assert note("وقال المسؤول إن 5 أشخاص قتلوا.", "2018-01-05", "the ministry").claimant == "the ministry"
    assert note("وقتل 5 أشخاص في الغارة.", "2018-01-05", "SOHR").claimant == "SOHR"
    assert note("وقال ترامب إن 5 أشخاص قتلوا.", "2018-01-05", "SOHR").claimant == "ترامب"
    # (fourteenth session) the outlet's own background formula ends the carried attribution (a recheck: "ويذكر أن
    # الاجتماع تضمن قرابة 20 من قيادات …" was credited to the attendees quoted before)
    assert note("ويذكر أن الاجتماع تضمن قرابة 20 من قيادات منظمات أخرى.", "2018-01-05", "SOHR").claimant == ""
    assert note("والجدير بالذكر أن 5 أشخاص قتلوا في الهجوم.", "2018-01-05", "SOHR").claimant == ""


def test_a_paragraph_that_goes_on_with_the_speaker_before_it_carries_that_speaker(tmp_path):
    """(twelfth session) an analyst's review: "وأشار إلى أن حصيلة الضحايا بلغت 16 قتيلا" in the paragraph after
    AFP's security source was the outlet's own; a paragraph of narration after it stays the outlet's."""
    from generator.analysis.figures import figures_of
    from generator.cache import Cache
    from generator.config import load_config
    from generator.ingest.read import read_seeds
    from generator.pipeline import ingest_all
    from generator.translation.pair import pair_article

    (tmp_path / "seeds").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    paragraphs = ["وقع انفجار كبير في مدينة الحسكة مساء أمس الخميس وسمع دويه في أنحاء المدينة.",
                  "ونقلت وكالة الأنباء الفرنسية عن مصدر أمني رفيع المستوى قوله إن الانفجار نجم عن أسلحة مخزنة.",
                  "وأشار إلى أن حصيلة الضحايا حتى الآن بلغت 16 قتيلا وقرابة 32 جريحا.",
                  "وكانت المدينة قد شهدت انفجارا مماثلا أوقع 5 قتلى في الشهر الماضي."]
    (tmp_path / "seeds" / "a.txt").write_text("وكالة 1 | أخبار\nانفجار في الحسكة\n2022-01-21\n\n" + "\n\n".join(paragraphs)
                                            + "\n", encoding="utf-8")
    config = load_config(tmp_path)
    seeds, errors = read_seeds(config.seeds_path, config.roots)
    source = pair_article(ingest_all(seeds, config, Cache(None), errors)[0][0].article, {})
    said = {f.match: f.claimant for f in figures_of(source) if f.type == "people"}
    assert said == {"16": "security sources", "32": "security sources", "5": ""}


def test_who_says_what_puts_a_body_named_without_its_country_with_the_one_country_the_story_names(tmp_path):
    """"وقال الجيش" in a story whose reports name the Israeli army is that army; with two countries' armies named,
    it stays apart (nobody can tell which)."""
    from generator.analysis.summary import who_says_what
    from generator.cache import Cache
    from generator.config import load_config
    from generator.ingest.read import read_seeds
    from generator.pipeline import ingest_all
    from generator.translation.pair import pair_article

    def actors(paragraphs: list[str]) -> dict[str, int]:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        (folder / "seeds").mkdir(parents=True)
        (folder / "content").mkdir()
        (folder / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
        (folder / "seeds" / "a.txt").write_text("وكالة 1 | أخبار\nقصف على غزة\n2024-03-02\n\n" + "\n\n".join(paragraphs)
                                                + "\n", encoding="utf-8")
        config = load_config(folder)
        seeds, errors = read_seeds(config.seeds_path, config.roots)
        sources = [pair_article(p.article, {}) for p in ingest_all(seeds, config, Cache(None), errors)[0]]
        return {a["actor"]: a["count"] for a in who_says_what(sources, {})}

    israel = "وقال الجيش الإسرائيلي في بيان إن طائراته قصفت 12 هدفا في شمال القطاع خلال الليلة الماضية."
    bare = "وقال الجيش في بيان لاحق إن مقاتلاته اعترضت 3 صواريخ أطلقت من القطاع باتجاه المدن الجنوبية."
    egypt = "وقال الجيش المصري في بيان منفصل إن قواته عززت انتشارها على الحدود مع القطاع منذ صباح اليوم."
    assert actors([israel, bare]) == {"the army (Israel)": 2}
    assert actors([israel, bare, egypt]) == {"the army (Israel)": 1, "the army": 1, "the army (Egypt)": 1}


def test_a_label_the_claimant_rules_name_must_be_an_actor_or_a_role(tmp_path: Path):
    """state_bodies, media_actors and document_roles name labels of actors or roles: a misspelt one would never
    match, silently."""
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    for section in ("state_bodies", "media_actors", "document_roles"):
        wrong = {**data, section: [*data[section], "the armyy"]}
        (tmp_path / f"{section}.yml").write_text(yaml.safe_dump(wrong, allow_unicode=True), encoding="utf-8")
        with pytest.raises(ValueError, match=rf"{section}\.yml: {section}: 'the armyy' is no label"):
            load(tmp_path / f"{section}.yml")


def test_groups_and_countries_the_rules_name_must_exist(tmp_path: Path):
    """unnamed_groups, organisations and hostage_takers name groups of groups, and every country has a demonym (a
    misspelt group would never match, silently; a country without one would show its key on the pages)."""
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    for section in ("unnamed_groups", "organisations", "hostage_takers"):
        wrong = {**data, section: [*data[section], "militantz"]}
        (tmp_path / f"{section}.yml").write_text(yaml.safe_dump(wrong, allow_unicode=True), encoding="utf-8")
        with pytest.raises(ValueError, match=rf"{section}\.yml: {section}: 'militantz' is no group of groups"):
            load(tmp_path / f"{section}.yml")
    demonyms = {k: v for k, v in data["demonyms"].items() if k != "Palestine"}
    (tmp_path / "demonyms.yml").write_text(yaml.safe_dump({**data, "demonyms": demonyms}, allow_unicode=True),
                                           encoding="utf-8")
    with pytest.raises(ValueError, match=r"demonyms: country 'Palestine' has none"):
        load(tmp_path / "demonyms.yml")
