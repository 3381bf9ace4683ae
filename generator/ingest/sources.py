"""Stage 4: know the source: id, outlet, headline, date, dateline; editor overrides from YAML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..arabic import normalize, words
from ..dates import parse_date
from ..errors import ConfigError
from ..files import read_yaml_mapping
from ..models import Paragraph, SourceMeta
from .read import source_id

FIELDS = ("outlet", "outlet_en", "headline", "date", "weekday", "dateline", "byline", "url")
EDITOR_KEYS = set(FIELDS) | {"note"}
def load_editor_fields(path: Path, roots: tuple[Path, ...] | None = None) -> dict[str, str]:
    """The editor's overrides in content/sources/<id>.yml; errors name the file, line and key."""
    data, lines = read_yaml_mapping(path, roots or (path.parent.resolve(),),
                                    f"a mapping of fields ({', '.join(sorted(EDITOR_KEYS))})")
    problems = [f"{path}:{lines.get(k, '?')}: unknown key {k!r} (allowed: {', '.join(sorted(EDITOR_KEYS))})"
                for k in data if k not in EDITOR_KEYS]
    problems += [f"{path}:{lines.get(k, '?')}: {k!r} must be text, got {type(v).__name__}"
                 for k, v in data.items() if k in EDITOR_KEYS and v is not None
                 and not isinstance(v, str | int | dt.date)]
    date = data.get("date")
    if isinstance(date, str | int) and not _iso_date(str(date)):
        problems.append(f"{path}:{lines.get('date', '?')}: 'date' must be an ISO date such as 2022-01-21 (with a "
                        f"time if known: 2022-01-21T14:30), got {date!r}")
    if problems:
        raise ConfigError("\n".join(problems))
    return {k: v.isoformat() if isinstance(v, dt.date) else str(v) for k, v in data.items()
            if k in FIELDS and v is not None}


def _iso_date(text: str) -> bool:
    """An ISO date, with or without a time ("2022-01-21", "2022-01-21T14:30")."""
    try:
        dt.date.fromisoformat(text[:10])
    except ValueError:
        return False
    return len(text) == 10 or text[10] in "T "


# Words that make a title suffix or masthead part a section or topic of a site, not the site's name.
_SECTION_WORDS = frozenset(normalize(w) for w in (
    "أخبار اخبار الأخبار خبر عاجل متابعات ومتابعات تقارير محليات عربي دولي عربية دولية عالمي العالم سياسة السياسة "
    "اقتصاد الاقتصاد رياضة الرياضة ثقافة فن منوعات تكنولوجيا صحة مجتمع آراء مقالات رأي الرئيسية "
    "news world politics business sport sports culture opinion latest breaking middle east home video").split())


def section_label(text: str) -> bool:
    """A title suffix such as "ISIL / ISIS News" or "أخبار سوريا": a section or topic label, not an outlet."""
    words = normalize(text).split()
    if not words or "/" in text or "›" in text or "»" in text:
        return bool(words)
    generic = sum(w in _SECTION_WORDS for w in words)
    return generic == len(words) or (words[0] in _SECTION_WORDS and len(words) <= 3)


def _named(label: str) -> str:
    """The label as an outlet's name, or "" when it is a section or topic label ("متابعات", "أخبار سوريا")."""
    return label if label and not section_label(label) else ""


def _detected(meta: dict[str, str]) -> dict[str, str]:
    found = {}
    outlet = meta.get("masthead") or _named(meta.get("dateline_outlet", "")) or meta.get("prefix_outlet") or _named(
        meta.get("site_label", ""))
    if outlet:
        found["outlet"] = outlet
    if meta.get("headline"):
        found["headline"] = meta["headline"]
    if meta.get("date_text") and (date := parse_date(meta["date_text"])):
        found["date"] = date
    for name in ("dateline", "byline", "url", "weekday"):
        if meta.get(name):
            found[name] = meta[name]
    return found


def editor_file(content_dir: Path, source: str) -> Path:
    """content/sources/<source id>.yml"""
    return content_dir / "sources" / f"{source}.yml"


def describe(seed_name: str, meta: dict[str, str], paragraphs: tuple[Paragraph, ...],
             editor: dict[str, str], given: dict[str, str] | None = None, sid: str = "") -> SourceMeta:
    """Merge detected metadata with the editor's fields; record where each field came from. Metadata a
    reader found in a page or record (`given`) comes before what the cleaner detects in the text."""
    sid = sid or source_id(seed_name)
    detected = {**_detected(meta), **{k: v for k, v in (given or {}).items() if k in FIELDS and v}}
    values, provenance = {}, {}
    for name in FIELDS:
        if name in editor:
            values[name], provenance[name] = editor[name], "editor"
        elif name in detected:
            values[name], provenance[name] = detected[name], "detected"
        else:
            values[name], provenance[name] = "", "missing"
    if not values["headline"]:
        first = next((p.sentences[0] for p in paragraphs if p.kind == "body" and p.sentences), "")
        lead = words(first)
        if lead:
            values["headline"] = " ".join(first.split()[:14]) + ("…" if len(first.split()) > 14 else "")
            provenance["headline"] = "derived"
    if not values["outlet"]:
        values["outlet"] = f"Unknown outlet ({seed_name})"
        provenance["outlet"] = "derived"
    return SourceMeta(id=sid, seed_file=seed_name, outlet=values["outlet"], headline=values["headline"],
                      date=values["date"], dateline=values["dateline"], url=values["url"],
                      provenance=provenance, outlet_en=values["outlet_en"], byline=values["byline"],
                      weekday=values["weekday"])
