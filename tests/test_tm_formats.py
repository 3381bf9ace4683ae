"""TMX and XLIFF export and import of the translation memory (generator.translation.tm_formats).

Round trips go through the Translate Toolkit's own parsers (translate.storage.tmx, and translate.storage.xliff2,
its XLIFF 2.0 support since 3.17). XLIFF 2.0 structure is checked with lxml against the rules of the OASIS core
schema (xliff_core_2.0.xsd) that our files touch: required attributes, NMTOKEN ids, element order, a <notes>
holding at least one <note>, the state values, and the spec's rule that a segment past `initial` has a target.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree
from translate.storage.tmx import tmxfile
from translate.storage.xliff2 import Xliff2File

from generator.arabic import text_key
from generator.errors import ConfigError
from generator.translation.tm_formats import Edit, ImportedUnit, Unit, match, parse, to_tmx, to_xliff

X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Quotes of both kinds, markup characters, a CDATA end, RTL/LTR marks and embeddings, a tatweel and harakat.
HOSTILE = "قال \"المرصد\" و'الأمم' <b>إنّ</b> 16 & ]]> قتلـوا\u200f في «حلب»\u202b(مؤقت)\u202c\u200e."
SENTENCES = [HOSTILE, "وصل الوفد إلى دمشق.", "أعلنت الوزارة الأرقام."]


def _units() -> list[Unit]:
    return [
        Unit(text_key(SENTENCES[0]), SENTENCES[0], 'The "Observatory" said <b>16</b> & more\u200e.', "mt", "argos-1.9",
             ("src-a", "src-b")),
        Unit(text_key(SENTENCES[1]), SENTENCES[1], "The delegation reached Damascus.", "edited", "", ("src-a",)),
        Unit(text_key(SENTENCES[2]), SENTENCES[2], "", "mt", "", ("src-a",)),
    ]


def _known() -> dict[str, tuple[str, str]]:
    machine = {0: 'The "Observatory" said <b>16</b> & more\u200e.', 1: "The delegation arrived in Damascus.",
               2: "The ministry announced the figures."}
    return {text_key(ar): (ar, machine[i]) for i, ar in enumerate(SENTENCES)}


# -- export: TMX ----------------------------------------------------------------------------------


def test_tmx_round_trip_through_translate_toolkit():
    store = tmxfile.parsestring(to_tmx(_units(), "0.1.0").encode("utf-8"))
    assert store.sourcelanguage == "ar"
    got = [(u.getid(), u.source, u.target or "") for u in store.units]
    assert got == [(u.key, u.source, u.target) for u in _units()]


def test_tmx_header_and_units_follow_tmx_14b():
    root = etree.fromstring(to_tmx(_units(), "0.1.0").encode("utf-8"))
    header = root.find("header")
    assert root.get("version") == "1.4"
    assert {name: header.get(name) for name in ("creationtool", "creationtoolversion", "segtype", "o-tmf",
                                                "adminlang", "srclang", "datatype")} == {
        "creationtool": "arabic-briefing-generator", "creationtoolversion": "0.1.0", "segtype": "sentence",
        "o-tmf": "briefing-yaml", "adminlang": "en", "srclang": "ar", "datatype": "plaintext"}
    assert header.get("creationdate") is None  # no timestamp unless one is passed
    first, edited, empty = root.find("body")
    assert [child.tag for child in first] == ["prop", "prop", "prop", "tuv", "tuv"]  # (note|prop)*, tuv+
    assert [(p.get("type"), p.text) for p in first.findall("prop")] == [
        ("x-origin", "mt"), ("x-model", "argos-1.9"), ("x-sources", "src-a,src-b")]
    assert [t.get(XML_LANG) for t in first.findall("tuv")] == ["ar", "en"]
    assert edited.find("prop").text == "edited"
    assert [t.get(XML_LANG) for t in empty.findall("tuv")] == ["ar"]  # no English, no English tuv


def test_tmx_is_deterministic_and_takes_a_fixed_date():
    assert to_tmx(_units(), "0.1.0") == to_tmx(_units(), "0.1.0")
    text = to_tmx(_units(), "0.1.0", creationdate="20220126T000000Z")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert 'creationdate="20220126T000000Z"' in text


# -- export: XLIFF 2.0 ----------------------------------------------------------------------------


def test_xliff_round_trip_through_translate_toolkit():
    store = Xliff2File.parsestring(to_xliff(_units(), "0.1.0", source_id="src-a").encode("utf-8"))
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("ar", "en")
    got = [(u.getid(), u.source, u.target or "") for u in store.units]
    assert got == [(u.key, u.source, u.target) for u in _units()]
    machine, edited, empty = store.units
    assert machine.isfuzzy() and not machine.istranslated()  # state="initial": machine output
    assert edited.istranslated() and not edited.isfuzzy()  # state="translated": a person's work
    assert not empty.istranslated()


def _check_xliff2_core(root: etree._Element) -> None:
    """The rules of xliff_core_2.0.xsd (and the spec's state/target rule) that apply to what we write."""
    nmtoken = re.compile(r"[\w.:-]+")
    assert root.tag == f"{X2}xliff" and root.get("version") == "2.0" and root.get("srcLang") == "ar"
    assert root.get("trgLang") == "en"  # required as soon as there is a <target>
    files = list(root)
    assert files and all(f.tag == f"{X2}file" and nmtoken.fullmatch(f.get("id")) for f in files)
    for file in files:
        assert file.get("canResegment") == "no" and file.get("srcDir") == "rtl"
        children = [c.tag for c in file]
        assert children[0] == f"{X2}notes" and set(children[1:]) == {f"{X2}unit"}
        ids = [u.get("id") for u in file.iter(f"{X2}unit")]
        assert len(ids) == len(set(ids)) and all(nmtoken.fullmatch(i) for i in ids)
        for notes in file.iter(f"{X2}notes"):
            assert len(notes) >= 1 and all(n.tag == f"{X2}note" for n in notes)
        for unit in file.iter(f"{X2}unit"):
            tags = [c.tag for c in unit]
            assert tags in ([f"{X2}segment"], [f"{X2}notes", f"{X2}segment"])
            segment = unit.find(f"{X2}segment")
            assert [c.tag for c in segment] in ([f"{X2}source"], [f"{X2}source", f"{X2}target"])
            assert segment.get("state") in ("initial", "translated", "reviewed", "final")
            if segment.get("state") != "initial":
                assert segment.find(f"{X2}target") is not None


def test_xliff_structure_follows_the_core_schema():
    root = etree.fromstring(to_xliff(_units(), "0.1.0").encode("utf-8"))
    _check_xliff2_core(root)
    assert root[0].get("id") == "memory"
    units = root[0].findall(f"{X2}unit")
    assert [u.find(f"{X2}segment").get("state") for u in units] == ["initial", "translated", "initial"]
    assert [(n.get("category"), n.text) for n in units[0].iter(f"{X2}note")] == [
        ("model", "argos-1.9"), ("sources", "src-a, src-b")]


def test_xliff_file_id_is_the_source_id_as_an_nmtoken():
    root = etree.fromstring(to_xliff(_units(), "0.1.0", source_id="al jazeera/1").encode("utf-8"))
    assert root[0].get("id") == "al_jazeera_1"
    _check_xliff2_core(root)


def test_duplicate_keys_are_written_once():
    units = _units() + [_units()[0]]
    assert etree.fromstring(to_xliff(units, "0").encode()).xpath("count(//*[local-name()='unit'])") == 3
    assert etree.fromstring(to_tmx(units, "0").encode()).xpath("count(//tu)") == 3


@pytest.mark.parametrize("export", [to_tmx, to_xliff])
def test_hostile_arabic_survives_both_formats(tmp_path, export):
    path = tmp_path / "memory.xml"
    path.write_text(export(_units(), "0.1.0"), encoding="utf-8")
    assert path.read_bytes().decode("utf-8")  # written as UTF-8, declared so
    units, problems = parse(path)
    assert problems == []
    assert [(u.key, u.source, u.target) for u in units] == [(u.key, u.source, u.target) for u in _units()]


@pytest.mark.parametrize("export", [to_tmx, to_xliff])
def test_characters_xml_cannot_carry_are_dropped_not_written(tmp_path, export):
    unit = Unit("0123456789abcdef", "جملة\x0b مع\x01 تحكم", "text\x0c here", "mt")
    path = tmp_path / "memory.xml"
    path.write_text(export([unit], "0"), encoding="utf-8")
    (got,), _ = parse(path)
    assert (got.source, got.target) == ("جملة مع تحكم", "text here")


# -- import ---------------------------------------------------------------------------------------


def test_translator_xliff_round_trip_makes_exactly_the_changed_edits(tmp_path):
    units = [Unit(key, ar, mt, "mt", "argos") for key, (ar, mt) in _known().items()]
    store = Xliff2File.parsestring(to_xliff(units, "0.1.0").encode("utf-8"))
    store.units[0].target = "The Observatory said 16 were killed."
    store.units[1].target = "The delegation reached Damascus."
    new = store.addsourceunit("جملة لا يعرفها أحد.")
    new.setid("u-new")
    new.target = "A sentence nobody knows."
    path = tmp_path / "back.xlf"
    path.write_bytes(bytes(store))
    plan = _plan(path)
    assert plan.edits == [Edit(text_key(SENTENCES[0]), SENTENCES[0], "The Observatory said 16 were killed."),
                          Edit(text_key(SENTENCES[1]), SENTENCES[1], "The delegation reached Damascus.")]
    assert [u.unit_id for u in plan.unmatched] == ["u-new"]
    assert [u.key for u in plan.unchanged] == [text_key(SENTENCES[2])]
    assert plan.problems == []


def _plan(path):
    """Parse a translator's file (no problems expected) and match it against the memory of _known()."""
    units, problems = parse(path)
    assert problems == []
    return match(units, _known())


def test_translator_tmx_without_tuids_matches_by_the_arabic(tmp_path):
    units = [Unit(key, ar, mt, "mt", "argos") for key, (ar, mt) in _known().items()]
    store = tmxfile.parsestring(to_tmx(units, "0.1.0").encode("utf-8"), targetlanguage="en")
    for unit in store.units:
        del unit.xmlelement.attrib["tuid"]  # as OmegaT's own TMX: no tuid
    store.units[0].target = "Edited one."
    store.units[2].target = "  The ministry   announced the figures. "  # the machine output, re-spaced
    store.addsourceunit("جملة غريبة.").target = "A strange sentence."
    path = tmp_path / "back.tmx"
    path.write_bytes(bytes(store))
    plan = _plan(path)
    assert [(e.key, e.edited) for e in plan.edits] == [(text_key(SENTENCES[0]), "Edited one.")]
    assert [u.source for u in plan.unmatched] == ["جملة غريبة."]
    assert len(plan.unchanged) == 2


OMEGAT_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"
    creationtoolversion="6.0.0" segtype="sentence" srclang="AR-SA"/>
  <body>
    <tu>
      <tuv lang="AR-SA"><seg>{ar}</seg></tuv>
      <tuv lang="EN-US" changeid="translator" changedate="20240101T120000Z"><seg>Edited in OmegaT.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_omegat_project_tmx_with_region_codes_and_no_tuid(tmp_path):
    path = tmp_path / "project_save.tmx"
    path.write_text(OMEGAT_TMX.format(ar=SENTENCES[1]), encoding="utf-8")
    plan = _plan(path)
    assert plan.edits == [Edit(text_key(SENTENCES[1]), SENTENCES[1], "Edited in OmegaT.")]


OMEGAT_XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="src-a.xlf" source-language="ar" target-language="en" datatype="plaintext">
    <header><tool tool-id="omegat" tool-name="OmegaT"/></header>
    <body>
      <trans-unit id="{k0}">
        <source xml:lang="ar">{a0}</source>
        <target xml:lang="en" state="needs-translation">{m0}</target>
      </trans-unit>
      <trans-unit id="{k1}" approved="yes">
        <source xml:lang="ar">{a1}</source>
        <target xml:lang="en">The delegation got to Damascus.</target>
      </trans-unit>
      <trans-unit id="7">
        <source xml:lang="ar">{a2}</source>
        <seg-source><mrk mtype="seg" mid="1">{a2}</mrk></seg-source>
        <target xml:lang="en" state="translated"><mrk mtype="seg" mid="1">The <g id="1">ministry</g> published\
 the figures.<ph id="2">&lt;br/&gt;</ph></mrk></target>
      </trans-unit>
      <trans-unit id="8"><target xml:lang="en">No source here.</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_12_as_omegat_or_okapi_write_it_is_accepted(tmp_path):
    known = _known()
    (k0, (a0, m0)), (k1, (a1, _)), (_, (a2, _)) = known.items()
    path = tmp_path / "translated.xlf"
    path.write_text(OMEGAT_XLIFF12.format(k0=k0, a0=_escape(a0), m0=_escape(m0), k1=k1, a1=a1, a2=a2),
                    encoding="utf-8")
    units, problems = parse(path)
    assert [u.state for u in units] == ["needs-translation", "approved", "translated"]
    assert problems == [f"{path}: XLIFF 1.2 unit 4 (id 8) has no Arabic source text; skipped"]
    plan = match(units, known)
    assert [(e.key, e.edited) for e in plan.edits] == [
        (k1, "The delegation got to Damascus."), (text_key(a2), "The ministry published the figures.")]
    assert [u.unit_id for u in plan.unchanged] == [k0]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_two_different_edits_of_one_sentence_are_reported_not_imported():
    key, (ar, _) = next(iter(_known().items()))
    units = [ImportedUnit(key, ar, "One edit.", "translated", key), ImportedUnit(None, ar, "Another.", "", "9"),
             ImportedUnit(key, ar, "One   edit.", "translated", key)]
    plan = match(units, _known())
    assert plan.edits == []
    assert len(plan.problems) == 1 and "“One edit.”; “Another.”" in plan.problems[0]


def test_a_target_that_copies_the_arabic_is_no_edit():
    key, (ar, _) = next(iter(_known().items()))
    plan = match([ImportedUnit(key, ar, ar, "translated", key)], _known())
    assert plan.edits == [] and len(plan.unchanged) == 1


# -- files that are not what they should be ---------------------------------------------------------


def test_malformed_file_names_file_and_line(tmp_path):
    path = tmp_path / "broken.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n<tu><tuv xml:lang="ar"><seg>x</tuv>\n'
                    "</body></tmx>\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(f"{path}:4:") + ".*not well-formed XML"):
        parse(path)


def test_undefined_entity_is_an_error_not_a_fetch(tmp_path):
    path = tmp_path / "entity.xlf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "http://example.invalid/x.dtd">\n'
                    '<xliff version="2.0" srcLang="ar"><file id="f"><unit id="u"><segment>\n'
                    "<source>&nbsp;</source></segment></unit></file></xliff>\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(f"{path}:4:")):
        parse(path)


def test_other_xml_is_refused(tmp_path):
    path = tmp_path / "page.xml"
    path.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(ConfigError, match="neither TMX nor XLIFF"):
        parse(path)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="not a file"):
        parse(tmp_path)


def test_tmx_unit_without_arabic_is_a_problem(tmp_path):
    path = tmp_path / "fr.tmx"
    path.write_text('<tmx version="1.4"><header srclang="fr"/><body><tu tuid="1"><tuv xml:lang="fr"><seg>Bonjour'
                    '</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv></tu></body></tmx>', encoding="utf-8")
    units, problems = parse(path)
    assert units == [] and problems == [f"{path}: TMX 1.4 unit 1 (id 1) has no Arabic source text; skipped"]
