from __future__ import annotations

import pytest

from generator.errors import ConfigError
from generator.ingest.sources import describe, load_editor_fields, parse_date, source_id
from generator.models import Paragraph

BODY = (Paragraph("body", ("قال المرصد إن الاشتباكات استمرت خمسة أيام في محيط السجن وسط المدينة.",), (1,)),)


@pytest.mark.parametrize("text, iso", [
    ("2022.01.26 - 19:04", "2022-01-26T19:04"), ("26 كانون الثاني 2022", "2022-01-26"),
    ("20 يناير 2022", "2022-01-20"), ("January 23, 2022", "2022-01-23"), ("٢٣ يناير ٢٠٢٢", "2022-01-23"),
    ("23/01/2022", "2022-01-23"), ("الخميس 20 يناير 2022 03:45 م", "2022-01-20T15:45"),
    ("January 23, 2022 9:05 am", "2022-01-23T09:05"), ("no date here", ""), ("2022.13.40", ""),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_source_ids_are_stable_and_url_safe():
    assert source_id("000_7ad85326219839b7.txt") == "000_7ad85326219839b7"
    odd = source_id("خبر مهم (1).txt")
    assert odd == source_id("خبر مهم (1).txt") and odd.isascii() and " " not in odd


def test_detected_fields_and_derived_headline(tmp_path):
    meta = describe("a.txt", {"masthead": "البادية 24", "date_text": "2022.01.26 - 19:04"}, BODY, {})
    assert meta.outlet == "البادية 24" and meta.provenance["outlet"] == "detected"
    assert meta.date == "2022-01-26T19:04"
    assert meta.headline.startswith("قال المرصد") and meta.provenance["headline"] == "derived"


def test_editor_file_overrides_detected(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.yml").write_text("outlet: وكالة ما\noutlet_en: Some Agency\ndate: '2022-01-23'\n",
                                                encoding="utf-8")
    meta = describe("a.txt", {"masthead": "البادية 24"}, BODY, load_editor_fields(tmp_path / "sources" / "a.yml"))
    assert (meta.outlet, meta.outlet_en, meta.date) == ("وكالة ما", "Some Agency", "2022-01-23")
    assert meta.provenance["outlet"] == "editor"


def test_editor_file_errors_name_file_line_and_key(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("outlet: ok\nheadlien: typo\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"x\.yml:2: unknown key 'headlien'"):
        load_editor_fields(path)
    path.write_text("outlet: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="x.yml: not valid YAML"):
        load_editor_fields(path)


@pytest.mark.parametrize(("value", "ok"), [("2022-01-23", True), ("'2022-01-23T14:30'", True), ("'2022-01-23'", True),
                                           ("'January 2022'", False), ("'23/01/2022'", False), ("2022", False)])
def test_an_editor_date_must_be_iso(tmp_path, value, ok):
    """A date the build cannot read would fail annotation of the source's sentences that state a day (and only
    those): it is refused where it is written, with the file and line."""
    path = tmp_path / "x.yml"
    path.write_text(f"outlet: ok\ndate: {value}\n", encoding="utf-8")
    if ok:
        assert load_editor_fields(path)["date"].startswith("2022-01-23")
    else:
        with pytest.raises(ConfigError, match=r"x\.yml:2: 'date' must be an ISO date"):
            load_editor_fields(path)
