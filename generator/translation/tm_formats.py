"""The translation memory in translators' formats: TMX 1.4b and XLIFF 2.0 out; TMX, XLIFF 2.0 or 1.2 in.

One unit per Arabic sentence, its id the memory key; the target is a person's edit when there is one, else the
machine output (TMX: `<prop type="x-origin">mt|edited</prop>`; XLIFF: state `initial` or `translated`). Bare
`ar`/`en`: OmegaT matches a `<tuv>` by its first two letters in any case; Okapi compares whole locales.
Import matches a unit by its id when that is a known key, else by the key of its Arabic; a target that differs
from the machine output becomes an edit. Tools drop ids and keep stale states: the text decides, not the state.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..arabic import text_key
from ..errors import ConfigError
from ..files import DATA_LIMIT, UnsafeFile, read_bytes

SOURCE_LANG, TARGET_LANG = "ar", "en"
TOOL = "arabic-briefing-generator"
XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# What XML 1.0 cannot carry at all (C0 controls, lone surrogates, U+FFFE/F) is dropped, as OmegaT does.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_KEY = re.compile(r"[0-9a-f]{16}")
_NOT_NMTOKEN = re.compile(r"[^\w.:-]")
# Inline codes hold native markup, not text: their content is skipped (OmegaT's "level 1" reading of TMX).
_CODES = {"bpt", "ept", "it", "ph", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em", "cp"}
_STATE_RANK = {"initial": 0, "translated": 1, "reviewed": 2, "final": 3}


@dataclass(frozen=True)
class Unit:
    """One sentence of the memory, as exported."""

    key: str  # the memory key (generator.arabic.text_key of the Arabic)
    source: str  # Arabic sentence
    target: str  # English: the edit when there is one, else the machine output ("" when none)
    origin: str  # "mt" (machine output, with `model`), "edited" (a person's edit)
    model: str = ""  # the model id for machine output
    sources: tuple[str, ...] = ()  # the source ids (articles) the sentence belongs to


@dataclass(frozen=True)
class ImportedUnit:
    """One unit of a translator's file."""

    key: str | None  # the unit's id when it has the form of a memory key, else None
    source: str
    target: str  # "" when the unit has none
    state: str  # XLIFF state, or TMX x-origin ("" when the file says nothing)
    unit_id: str  # the id as written (tuid, unit or trans-unit id; "" when none)


@dataclass(frozen=True)
class Edit:
    key: str
    ar: str  # the Arabic as stored in the memory
    edited: str


@dataclass
class ImportPlan:
    edits: list[Edit] = field(default_factory=list)
    unmatched: list[ImportedUnit] = field(default_factory=list)  # neither id nor Arabic is in the memory
    unchanged: list[ImportedUnit] = field(default_factory=list)  # no target, the machine output, or the Arabic
    problems: list[str] = field(default_factory=list)  # e.g. two different edits of one sentence (none used)


def _child(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def _unique(units: Iterable[Unit]) -> Iterator[Unit]:
    """Each key once (ids must be unique in both formats), in the order given."""
    seen: set[str] = set()
    for unit in units:
        if unit.key not in seen:
            seen.add(unit.key)
            yield unit


def _serialise(root: ET.Element) -> str:
    ET.indent(root, space="  ")  # whitespace between elements only: no <seg>, <source> or <target> changes
    return DECLARATION + ET.tostring(root, encoding="unicode") + "\n"


def to_tmx(units: Iterable[Unit], tool_version: str, creationdate: str = "") -> str:
    """TMX 1.4b, level 1 (plain text), ar → en; `creationdate` (YYYYMMDDThhmmssZ) only when given."""
    root = ET.Element("tmx", version="1.4")
    header = {"creationtool": TOOL, "creationtoolversion": tool_version, "segtype": "sentence",
              "o-tmf": "briefing-yaml", "adminlang": TARGET_LANG, "srclang": SOURCE_LANG, "datatype": "plaintext"}
    _child(root, "header", **header, **({"creationdate": creationdate} if creationdate else {}))
    body = _child(root, "body")
    for unit in _unique(units):
        tu = _child(body, "tu", tuid=unit.key)
        for kind, value in (("x-origin", unit.origin), ("x-model", unit.model), ("x-sources", ",".join(unit.sources))):
            if value:
                _child(tu, "prop", value, type=kind)
        _child(_child(tu, "tuv", **{XML_LANG: SOURCE_LANG}), "seg", unit.source)
        if unit.target:
            _child(_child(tu, "tuv", **{XML_LANG: TARGET_LANG}), "seg", unit.target)
    return _serialise(root)


def _xliff_unit(parent: ET.Element, unit: Unit) -> None:
    element = _child(parent, "unit", id=unit.key)
    notes = {"model": unit.model, "sources": ", ".join(unit.sources)}
    if any(notes.values()):  # a <notes> must hold at least one <note>
        container = _child(element, "notes")
        for category, text in notes.items():
            if text:
                _child(container, "note", text, category=category)
    segment = _child(element, "segment", state="translated" if unit.origin == "edited" and unit.target else "initial")
    _child(segment, "source", unit.source)
    if unit.target:
        _child(segment, "target", unit.target)


def to_xliff(units: Iterable[Unit], tool_version: str, source_id: str = "") -> str:
    """XLIFF 2.0 core: one <unit id=key> per sentence with one segment, not to be resegmented, in one <file>
    whose id is `source_id` when one source is exported, else "memory"."""
    root = ET.Element("xliff", xmlns=XLIFF2, version="2.0", srcLang=SOURCE_LANG, trgLang=TARGET_LANG)
    file = _child(root, "file", id=_NOT_NMTOKEN.sub("_", source_id) or "memory", canResegment="no",
                  original=f"content/translations/{source_id}.yml" if source_id else "content/translations",
                  srcDir="rtl", trgDir="ltr")
    _child(_child(file, "notes"), "note", f"{TOOL} {tool_version}", category="tool")
    for unit in _unique(units):
        _xliff_unit(file, unit)
    return _serialise(root)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element | None) -> str:
    """The text of a <seg>, <source> or <target>, without the content of inline codes."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) not in _CODES:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _first(element: ET.Element, name: str) -> ET.Element | None:
    return next((child for child in element if _local(child.tag) == name), None)


def _descendants(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (node for node in element.iter() if _local(node.tag) == name)


def _lang(element: ET.Element) -> str:
    """The primary language subtag of a <tuv> (xml:lang, or TMX 1.1's lang), lower case."""
    return re.split(r"[-_]", (element.get(XML_LANG) or element.get("lang") or "").strip().lower())[0]


Raw = tuple[str, str | None, str, str]  # (unit id, source or None when it has none, target, state)
Reader = Callable[[ET.Element], Iterator[Raw]]


def _read_tmx(root: ET.Element) -> Iterator[Raw]:
    for tu in _descendants(root, "tu"):
        segs: dict[str, ET.Element | None] = {}
        for tuv in _children(tu, "tuv"):
            segs.setdefault(_lang(tuv), _first(tuv, "seg"))
        origin = next((p.text or "" for p in _children(tu, "prop") if p.get("type") == "x-origin"), "")
        source = _text(segs[SOURCE_LANG]) if SOURCE_LANG in segs else None
        yield tu.get("tuid", ""), source, _text(segs.get(TARGET_LANG)), origin.strip()


def _read_xliff2(root: ET.Element) -> Iterator[Raw]:
    for unit in _descendants(root, "unit"):
        parts = [part for part in unit if _local(part.tag) in ("segment", "ignorable")]
        sources = [_first(part, "source") for part in parts]
        states = [part.get("state", "initial") for part in parts if _local(part.tag) == "segment"]
        state = min(states, key=lambda s: _STATE_RANK.get(s, 0)) if states else ""
        target = " ".join(filter(None, (_text(_first(part, "target")) for part in parts)))
        source = " ".join(filter(None, map(_text, sources))) if any(s is not None for s in sources) else None
        yield unit.get("id", ""), source, target, state


def _read_xliff1(root: ET.Element) -> Iterator[Raw]:
    for unit in _descendants(root, "trans-unit"):
        source, target = _first(unit, "source"), _first(unit, "target")
        state = (target.get("state", "") if target is not None else "") or (
            "approved" if unit.get("approved") == "yes" else "")
        yield unit.get("id", ""), None if source is None else _text(source), _text(target), state


def _load(path: Path) -> ET.Element:
    try:
        data = read_bytes(path, (path.resolve().parent,), DATA_LIMIT)  # a regular file, size capped
    except UnsafeFile as exc:
        raise ConfigError(str(exc)) from None
    try:
        return ET.fromstring(data)  # expat: external entities are not loaded, entity expansion is bounded
    except ET.ParseError as exc:
        line, column = exc.position
        what = str(exc).split(": line ")[0]
        raise ConfigError(f"{path}:{line}:{column + 1}: not well-formed XML ({what}); nothing was imported") from None


def _reader(path: Path, root: ET.Element) -> tuple[str, Reader]:
    name, version = _local(root.tag), root.get("version", "")
    if name == "tmx":
        return f"TMX {version}", _read_tmx
    if name == "xliff" and (version.startswith("2.") or root.tag == f"{{{XLIFF2}}}xliff"):
        return f"XLIFF {version or '2.0'}", _read_xliff2
    if name == "xliff":
        return f"XLIFF {version or '1.x'}", _read_xliff1
    raise ConfigError(f"{path}: neither TMX nor XLIFF (the root element is <{name}>); nothing was imported")


def parse(path: Path) -> tuple[list[ImportedUnit], list[str]]:
    """The units of a TMX or XLIFF file and the problems of some (ConfigError when the file cannot be read)."""
    root = _load(path)
    kind, read = _reader(path, root)
    units: list[ImportedUnit] = []
    problems: list[str] = []
    for number, (unit_id, source, target, state) in enumerate(read(root), 1):
        if not source:
            label = f" (id {unit_id})" if unit_id else ""
            problems.append(f"{path}: {kind} unit {number}{label} has no Arabic source text; skipped")
            continue
        units.append(ImportedUnit(unit_id if _KEY.fullmatch(unit_id) else None, source, target, state, unit_id))
    if not units and not problems:
        problems.append(f"{path}: this {kind} file holds no translation units")
    return units, problems


def _same(text: str) -> str:
    return " ".join(text.split())


def _match_key(unit: ImportedUnit, known: dict[str, tuple[str, str]]) -> str | None:
    """The memory key of a unit: its id when that is a known key, else the key of its Arabic if known."""
    if unit.key in known:
        return unit.key
    key = text_key(unit.source)
    return key if key in known else None


def match(units: Iterable[ImportedUnit], known: dict[str, tuple[str, str]]) -> ImportPlan:
    """What importing the units does; `known` maps each memory key to (Arabic, machine output)."""
    plan = ImportPlan()
    found: dict[str, dict[str, str]] = {}  # key → normalised edit → the edit as written
    for unit in units:
        key = _match_key(unit, known)
        if key is None:
            plan.unmatched.append(unit)
            continue
        arabic, machine = known[key]
        target = _same(unit.target)
        if not target or target in (_same(machine), _same(unit.source)):
            plan.unchanged.append(unit)
            continue
        if text_key(unit.source) != key:
            plan.problems.append(f"unit {unit.unit_id}: its Arabic differs from the memory's “{arabic}” "
                                 "(matched by its id)")
        found.setdefault(key, {}).setdefault(target, unit.target.strip())
    for key, edits in found.items():
        if len(edits) == 1:
            plan.edits.append(Edit(key, known[key][0], next(iter(edits.values()))))
        else:
            texts = "; ".join(f"“{text}”" for text in edits.values())
            plan.problems.append(f"{key} “{known[key][0]}”: different translations in one file ({texts}); "
                                 "none imported")
    return plan
