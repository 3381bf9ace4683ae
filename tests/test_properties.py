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
line = st.lists(st.sampled_from(ATOMS), max_size=25).map(" ".join)
lines = st.lists(st.one_of(line, st.just(""), st.text(max_size=30)), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_every_line_is_kept_or_removed(raw):
    text = "\n".join(part.replace("\n", " ").replace("\r", " ") for part in raw)
    result = clean(text)
    non_blank = {i for i, t in enumerate(text.split("\n"), 1) if t.strip()}
    kept = [n for b in result.blocks for n in b.lines]
    removed = [r.line for r in result.removed if r.reason != "outlet prefix (kept as metadata)"]
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
