"""Each translation check: cases that must flag and cases that must not."""

from __future__ import annotations

import pytest

from generator.errors import ConfigError
from generator.translation.qa import (
    GlossaryTerm,
    check_glossary,
    check_length,
    check_numbers,
    check_pair,
    check_repetition,
    check_untranslated,
    load_glossary,
)

GLOSSARY = (GlossaryTerm("قسد", ("SDF", "Syrian Democratic Forces")), GlossaryTerm("غويران", ("Ghwayran",)))


@pytest.mark.parametrize("ar, en", [
    ("قتل 16 من عناصر التنظيم.", "16 members of the organization were killed."),
    ("قتل ١٦ من عناصر التنظيم.", "16 members of the organization were killed."),
    ("تحتجز 12 ألف رجل.", "It holds 12,000 men."),
    ("تحتجز 12 ألف رجل.", "It holds 12 thousand men."),
    ("كان هناك 8 ملايين من المدنيين.", "There were 8 million civilians."),
    ("يوم 20 كانون الثاني 2022.", "On January 20, 2022."),
    ("قتل عشرات الأشخاص.", "Dozens of people were killed."),
])
def test_numbers_that_agree(ar, en):
    assert check_numbers(ar, en) is None


@pytest.mark.parametrize("ar, en, words", [
    ("قتل 16 من عناصر التنظيم.", "Members of the organization were killed.", "missing 16"),
    ("قتل 16 من عناصر التنظيم.", "61 members were killed.", "missing 16; added 61"),
    ("تحتجز 12 ألف رجل.", "It holds 12 men.", "missing 12000; added 12"),
])
def test_numbers_that_differ(ar, en, words):
    assert check_numbers(ar, en).message == words


def test_glossary():
    assert check_glossary("وقالت قسد إن الوضع مستقر.", "The SDF said the situation was stable.", GLOSSARY) == []
    assert check_glossary("قال متحدث باسم قسد.", "A Syrian Democratic Forces spokesman said.", GLOSSARY) == []
    flags = check_glossary("اقتحموا سجن غويران وهاجموا قسد.", "They stormed Ghweran prison and attacked the Kurds.",
                           GLOSSARY)
    assert [f.message for f in flags] == ["قسد should be rendered “SDF”", "غويران should be rendered “Ghwayran”"]
    assert check_glossary("قسدية كلمة أخرى.", "Another word.", GLOSSARY) == []  # not the term


def test_untranslated_arabic():
    assert check_untranslated("The coalition said on Sunday.") is None
    assert check_untranslated("The coalition said التحالف on Sunday.").check == "untranslated"


@pytest.mark.parametrize("ar, en, flagged", [
    ("قال التحالف الدولي إن الهجوم فشل في تحقيق أهدافه.", "The international coalition said the attack failed.", False),
    ("قال التحالف الدولي إن الهجوم فشل في تحقيق أهدافه.", "Coalition.", True),
    ("قال التحالف الدولي إن الهجوم فشل.", "The coalition " * 20, True),
    ("قصير.", "Short.", False),
])
def test_length_ratio(ar, en, flagged):
    assert (check_length(ar, en) is not None) == flagged


@pytest.mark.parametrize("en, flagged", [
    ("The coalition said the coalition would stay.", False),
    ("the the the the attack", True),
    ("guards the prison guards the prison guards the prison now", True),
    ("He said that he said that it was over.", False),
])
def test_repetition(en, flagged):
    assert (check_repetition(en) is not None) == flagged


def test_empty_and_pending():
    assert [f.check for f in check_pair("قال التحالف.", "", "machine")] == ["empty"]
    assert check_pair("قال التحالف.", "", "pending") == ()
    assert check_pair("قال التحالف إن 5 قتلوا.", "The coalition said 5 were killed.", "machine") == ()


def test_load_glossary(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("قسد: [SDF, Syrian Democratic Forces]\nغويران: Ghwayran\n", encoding="utf-8")
    assert load_glossary(path).terms == GLOSSARY
    path.write_text("قسد: 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="glossary.yml"):
        load_glossary(path)
    assert len(load_glossary(tmp_path / "none.yml")) == 0
