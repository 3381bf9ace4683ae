from __future__ import annotations

import pytest

from generator.ingest.segment import segment, split_sentences
from generator.models import Block


@pytest.mark.parametrize("text, expected", [
    ("أكد التحالف ذلك. وقال إن الهجوم فشل.", ["أكد التحالف ذلك.", "وقال إن الهجوم فشل."]),
    ("ماذا حدث؟ لا أحد يعرف!", ["ماذا حدث؟", "لا أحد يعرف!"]),
    ("قال: “انتهى الهجوم.” ثم غادر.", ["قال: “انتهى الهجوم.”", "ثم غادر."]),
    ("وصل 3.5 مليون في 2022.01.26 مساء.", ["وصل 3.5 مليون في 2022.01.26 مساء."]),
    ("قال د. أحمد إن U.S. forces left. انتهى.", ["قال د. أحمد إن U.S. forces left.", "انتهى."]),
    ("الحكومة.. لحظة بلحظة", ["الحكومة.. لحظة بلحظة"]),
    ("بلا نقطة في النهاية", ["بلا نقطة في النهاية"]),
    ("وقال أ.د. خالد إن الجامعة ستفتتح. وأكد ذلك.", ["وقال أ.د. خالد إن الجامعة ستفتتح.", "وأكد ذلك."]),
    ("بلغت 5 مليارات في العام 2015 م. كما ارتفعت السعة.", ["بلغت 5 مليارات في العام 2015 م.", "كما ارتفعت السعة."]),
    ("برئاسة م. سعيد الكواري. وناقش الاجتماع.", ["برئاسة م. سعيد الكواري.", "وناقش الاجتماع."]),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_split_keeps_every_character():
    text = "أولاً. ثانياً؟ ثالثاً! رابعاً… خامساً"
    assert " ".join(split_sentences(text)) == text


def test_headings_and_captions_are_one_unit():
    paragraphs = segment([Block("heading", "عنوان. فرعي", (1,)), Block("body", "جملة. أخرى.", (2,))])
    assert [p.sentences for p in paragraphs] == [("عنوان. فرعي",), ("جملة.", "أخرى.")]


def test_a_block_that_lost_its_line_breaks_is_shown_as_paragraphs_of_whole_sentences():
    """A scrape that lost its line breaks (one real article: 1,290 words in one line) is several paragraphs of
    about segment.PART words, split only between sentences, in order, each keeping the block's lines; a block
    of LONG words or fewer, one sentence however long, and headings stay whole."""
    from generator.ingest.segment import LONG, PART

    sentences = [f"قال المسؤول في التصريح رقم {n} إن " + " ".join(["الوضع"] * (8 + 5 * (n % 4))) + "." for n in range(30)]
    text = " ".join(sentences)
    paragraphs = segment([Block(kind="body", text=text, lines=(7,))])
    assert len(paragraphs) > 1
    assert [s for p in paragraphs for s in p.sentences] == sentences  # nothing lost, nothing reordered
    assert all(p.kind == "body" and p.lines == (7,) for p in paragraphs)
    sizes = [len(p.text.split()) for p in paragraphs]
    assert sum(sizes) > LONG and all(size <= 1.5 * PART for size in sizes), sizes
    assert max(sizes) - min(sizes) <= 30, sizes  # as even as whole sentences allow

    short = " ".join(sentences[:4])
    assert len(short.split()) <= LONG and len(segment([Block(kind="body", text=short, lines=(1,))])) == 1
    one = "قال " + " ".join(["الوضع"] * (LONG + 50)) + "."
    assert len(segment([Block(kind="body", text=one, lines=(2,))])) == 1  # a sentence is never split
    assert len(segment([Block(kind="heading", text=text, lines=(3,))])) == 1


def test_parts_leave_no_fragment_and_carry_the_attribution_on():
    """A code review of the split: a short sentence between long ones stood alone ([119, 10, 108, 72] words on
    a real block) and the attribution of a block's first sentence stopped at the first part ("قال المرصد …"
    then its toll in the next part lost SOHR: 27 tolls of the tuning half)."""
    from generator.analysis.annotate import _annotated
    from generator.ingest.segment import SHORT_PART, parts

    def words(n: int) -> str:
        return " ".join(["الوضع"] * n) + "."

    sizes = [[sum(len(s.split()) for s in p) for p in parts([words(n) for n in ws])]
             for ws in ([119, 10, 108, 72], [10, 207, 30], [23, 194])]
    assert all(min(s) >= SHORT_PART for s in sizes), sizes
    said = "قال المرصد السوري لحقوق الإنسان إن الاشتباكات " + " ".join(["العنيفة"] * 100) + " استمرت."
    toll = "وأسفرت المعارك عن مقتل 12 شخصا من المدنيين في " + " ".join(["الأحياء"] * 60) + "."
    paragraphs = _annotated(segment([Block(kind="body", text=f"{said} {toll}", lines=(4,))]), "2022-01-20")
    assert len(paragraphs) == 2 and paragraphs[1].notes[0].claimant == "SOHR"
    other = _annotated(segment([Block(kind="body", text=said, lines=(4,)), Block(kind="body", text=toll, lines=(6,))]),
                       "2022-01-20")
    assert other[1].notes[0].claimant == ""  # (two scraped paragraphs: as before, no carry)
