"""Figure extraction against the hand-written gold table for the seeds (tests/fixtures/figures_gold.yml)."""

from __future__ import annotations

from tests.figures_accuracy import score


def test_extraction_meets_the_targets():
    result = score()
    report = "\n".join(result.notes)
    assert result.gold >= 30
    assert result.recall >= 0.95, report
    assert result.precision >= 0.95, report
    assert result.labels >= 0.9, report
