"""Property-based tests: the cleaner and segmenter never fail and never lose a line."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest.clean import clean
from generator.ingest.segment import segment, split_sentences

ATOMS = ["قال", "المرصد", "إن", "16", "١٢", "قتيلا", "التحالف", "الحسكة", "داعش", "SDF", "Leave", "a", "Reply",
         "https://x.org/a?b=1", "me_ga.php?id=3", "•", "76", "|", "-", "–", "/", ".", "،", "؟", "!", "…", "...", ":",
         "«", "»", "“", "”", '"', "(", ")", "*", "#وسم", "📰", "اقرأ", "المزيد", "تعليق", "Shadow", "كـل", "الأخبار",
         "2022.01.26", "19:04", "كانون", "الثاني", "يناير", "<script>", "</p>", "\u200f", "x" * 40]
PREFIXES = ("outlet prefix (kept as metadata)", "credit before the first paragraph (kept as metadata)")
line = st.lists(st.sampled_from(ATOMS), max_size=25).map(" ".join)
lines = st.lists(st.one_of(line, st.just(""), st.text(max_size=30)), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_every_line_is_kept_or_removed(raw):
    text = "\n".join(part.replace("\n", " ").replace("\r", " ") for part in raw)
    result = clean(text)
    non_blank = {i for i, t in enumerate(text.split("\n"), 1) if t.strip()}
    kept = [n for b in result.blocks for n in b.lines]
    removed = [r.line for r in result.removed if r.reason not in PREFIXES]  # (a line's credit taken off its start)
    assert len(kept) == len(set(kept)) and not set(kept) & set(removed)
    assert set(kept) | set(removed) == non_blank
    for block in result.blocks:
        assert block.text.strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), max_size=60).map(" ".join))
def test_sentences_keep_every_character(text):
    sentences = split_sentences(text)
    assert " ".join(sentences) == " ".join(text.split())
    assert all(s.strip() for s in sentences)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_segment_never_fails(raw):
    text = "\n".join(part.replace("\n", " ").replace("\r", " ") for part in raw)
    for paragraph in segment(clean(text).blocks):
        assert paragraph.sentences


# Real news words, number words, digits, vague quantities, qualifiers, dates and punctuation, in any order.
NEWS = ["قال", "المرصد", "السوري", "إن", "وزارة", "الصحة", "أعلنت", "بحسب", "مصادر", "محلية", "الجيش", "مقتل", "وإصابة",
        "قتيلا", "جريحا", "شخصا", "عنصرا", "مدنيين", "طفلا", "سجينا", "فرار", "اعتقال", "القبض", "على", "في", "من", "إلى",
        "الحسكة", "غويران", "السجن", "هجوم", "اشتباكات", "داعش", "قوات", "سوريا", "الديمقراطية", "التحالف"]
NUMBERS = ["3", "12", "١٢٣", "2,000", "3.5", "2000-4000", "15%", "ثلاثة", "عشرين", "مئة", "ألفين", "اثنين", "خمسة",
           "آلاف", "ألف", "مليون", "قتيلين", "انتحاريان", "عشرات", "مئات", "آلاف", "العشرات", "مئات الآلاف"]
QUALIFIERS = ["أكثر من", "نحو", "حوالي", "على الأقل", "ما لا يقل عن", "بين", "و", "حتى"]
DATES = ["2022", "عام 2018", "20 كانون الثاني 2022", "يوم الأحد", "أمس", "مساء أمس السبت", "12/01/2023", "10:30",
         "الساعة", "يناير"]
PUNCTUATION = [".", "،", "؟", "!", ":", "«", "»", "-", "–", "(", ")", "…", "\"", "/"]
TOKEN = st.sampled_from(NEWS + NUMBERS + QUALIFIERS + DATES + PUNCTUATION)
SENTENCE = st.lists(TOKEN, min_size=1, max_size=30).map(" ".join)
ARTICLE = st.lists(st.lists(SENTENCE, min_size=1, max_size=4).map(lambda s: " ".join(s)), min_size=1, max_size=6)


@settings(max_examples=2000, deadline=None)
@given(st.lists(TOKEN, min_size=1, max_size=30).map(" ".join))
def test_annotation_never_fails_on_any_sentence(sentence):
    from generator.analysis.annotate import note

    for number in note(sentence, "2022-01-26").numbers:
        assert 0 <= number.start < number.end <= len(sentence) and sentence[number.start:number.end].strip()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(ARTICLE)
def test_no_text_crashes_the_build(tmp_path_factory, paragraphs):
    from generator.build import BuildOptions, build
    from tests.conftest import make_project
    from tests.html_helpers import soup
    from tests.stub import StubEngine

    project = make_project(tmp_path_factory.mktemp("hypothesis") / "p", seeds=False)
    (project / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    text = "\n\n".join(paragraphs) + "\n"
    (project / "seeds" / "a.txt").write_text(text, encoding="utf-8")
    (project / "seeds" / "b.txt").write_text(
        "قال المرصد إن 12 شخصا قتلوا في الهجوم على السجن مساء أمس في مدينة الحسكة.\n", encoding="utf-8")
    try:
        result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    except Exception as exc:  # noqa: BLE001 - the property: no exception escapes for any text
        raise AssertionError(f"the build raised {type(exc).__name__}: {exc}\n{text}") from exc
    assert result.exit_code in (0, 1)
    assert not [e for e in result.errors if "internal error" in e], result.errors
    if not any("a.txt" in e for e in result.errors):
        page = soup(project / "site" / "sources" / "a.html")
        shown = " ".join(" ".join(s.get_text().split()) for s in page.select(".ar .s"))
        for paragraph in segment(clean(text).blocks):
            for sentence in paragraph.sentences:
                assert " ".join(sentence.split()) in shown
