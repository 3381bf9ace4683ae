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
