"""The summary page as a briefing: lead, headline numbers, timeline, who says what, corroboration
and disputes. Everything is chosen from the articles by rules, at build time, and cited; nothing is
written by a model. The same inputs always give the same page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from ..arabic import ascii_digits, normalize
from ..ingest.noise import MONTHS
from ..models import Figure, Pair, SentencePair, Source
from .crossref import Link, similarity
from .figure_views import CATEGORY_LABELS, figure_value, group_label
from .figures import claimant_of, rules

LEAD_SIZE = (3, 5)
_WEEKDAY_NUMBER = {"اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعه": 4, "سبت": 5, "احد": 6}
_MONTH_RE = "|".join(sorted((re.escape(normalize(m)) for m in MONTHS), key=len, reverse=True))
_EXPLICIT = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})(?:\s*/?\s*(?:{_MONTH_RE}))?\s+(\d{{4}})\b")
_PART = r"(?:يوم|ليل|ليله|مساء|صباح|فجر|ظهر|عصر|منتصف ليل|بعد منتصف ليل)"
_WEEKDAY = re.compile(rf"(?:{_PART}\s+)?(?:امس\s+|اليوم\s+)?(?:ال)?(اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)\b")
_YESTERDAY = re.compile(r"(?:مساء|صباح|ليل)?\s*\bامس\b")


@dataclass(frozen=True)
class Sentence:
    source: Source
    pair: Pair
    index: int  # 1-based within the pair
    sentence: SentencePair


def _sentences(sources: list[Source]) -> list[Sentence]:
    return [Sentence(s, p, i, x) for s in sources for p in s.pairs if p.kind == "body"
            for i, x in enumerate(p.sentences, 1)]


def _cite(item: Sentence, root: str = "") -> dict:
    """A sentence as the page shows it: English (or the Arabic while pending), its Arabic, and its pair."""
    english = item.sentence.en if item.sentence.status != "pending" else ""
    return {"en": english, "ar": item.sentence.ar, "outlet": item.source.meta.outlet,
            "date": item.source.meta.date[:10], "number": item.pair.number,
            "href": f"{root}sources/{item.source.meta.id}.html#{item.pair.id}",
            "source_id": item.source.meta.id, "pair_id": item.pair.id}


def _facts(text: str) -> int:
    """How many of who / what (a number) / when / where a sentence states."""
    normal = normalize(text)
    who = bool(claimant_of(text)) or any(normalize(p) in normal for ps in rules()["actors"].values() for p in ps)
    what = bool(re.search(r"\d", ascii_digits(text))) or any(
        normalize(w) in normal.split() for w in ("هجوم", "هاجم", "اشتباكات", "هروب", "قتل", "مقتل"))
    when = bool(_EXPLICIT.search(normal) or _WEEKDAY.search(normal) or _YESTERDAY.search(normal))
    where = bool(re.search(r"\b(?:في|ب)\s*(?:مدينه|محافظه|سجن|حي|منطقه|قريه|ريف)\b", normal))
    return who + what + when + where


def lead(sources: list[Source], links: dict[tuple[str, str], list[Link]]) -> list[dict]:
    """3–5 sentences that together say what happened: corroborated, fact-bearing, early, not repetitive."""
    scored = []
    for item in _sentences(sources):
        words = len(item.sentence.ar.split())
        if words < 8:
            continue
        outlets = {link.outlet for link in links.get((item.source.meta.id, item.pair.id), [])}
        score = 3 * len(outlets) + _facts(item.sentence.ar) + (2 if item.pair.number <= 2 else 0)
        score -= 2 if words > 60 else 0
        scored.append((-score, item.source.meta.id, item.pair.number, item.index, item))
    chosen: list[Sentence] = []
    per_source: dict[str, int] = defaultdict(int)
    for *_, item in sorted(scored, key=lambda s: s[:4]):
        if len(chosen) == LEAD_SIZE[1]:
            break
        if per_source[item.source.meta.id] >= 2:
            continue
        if any(similarity(item.sentence.ar, c.sentence.ar) >= 0.3 for c in chosen):
            continue
        chosen.append(item)
        per_source[item.source.meta.id] += 1
    return [_cite(item) for item in chosen]


def _extent(claims: list[tuple[int, Figure]], sources: dict[str, Source]) -> dict:
    low = min(claims, key=lambda c: (c[0], sources[c[1].source_id].meta.date))
    high = max(claims, key=lambda c: (c[0], sources[c[1].source_id].meta.date))

    def end(claim: tuple[int, Figure]) -> dict:
        meta = sources[claim[1].source_id].meta
        return {"value": figure_value(claim[1]), "outlet": meta.outlet, "date": meta.date[:10] or "date not stated",
                "claimant": claim[1].claimant or "the outlet"}

    return {"low": end(low), "high": end(high), "same": low[0] == high[0], "count": len(claims)}


def headline_numbers(figures: list[Figure], sources: dict[str, Source]) -> list[dict]:
    """For killed (by group), escaped, recaptured or arrested, and detained: the range across sources."""
    rows = []
    plan = [("killed", g) for g in [*rules()["groups"], ""]] + [
        ("escaped", None), ("recaptured", None), ("arrested", None), ("detained", None)]
    for category, group in plan:
        claims = [(f.value if f.value is not None else f.high, f) for f in figures
                  if f.category == category and (group is None or f.group == group)
                  and (f.value is not None or f.high is not None)]
        vague = sorted({f.vague for f in figures if f.category == category and f.vague
                        and (group is None or f.group == group)})
        if not claims:
            continue
        label = CATEGORY_LABELS[category] + (f": {group_label(group)}" if group is not None else "")
        rows.append({"label": label, "category": category, **_extent(claims, sources), "vague": vague})
    return rows


def _resolve(normal: str, published: str) -> tuple[str, str]:
    """(ISO date or "", the words that state it) for the first date the sentence states."""
    if m := _EXPLICIT.search(normal):
        month = next(v for k, v in MONTHS.items() if normalize(k) == m.group(2))
        try:
            return dt.date(int(m.group(3)), month, int(m.group(1))).isoformat(), m.group(0)
        except ValueError:
            return "", m.group(0)
    day = dt.date.fromisoformat(published[:10]) if published else None
    if m := _WEEKDAY.search(normal):
        if day is None:
            return "", m.group(0)
        back = (day.weekday() - _WEEKDAY_NUMBER[m.group(1)]) % 7  # the latest such weekday, on or before
        return (day - dt.timedelta(days=back)).isoformat(), m.group(0)
    if m := _YESTERDAY.search(normal):
        return ((day - dt.timedelta(days=1)).isoformat() if day else ""), m.group(0).strip()
    return "", ""


def timeline(sources: list[Source]) -> dict:
    """Dated events across sources; relative days resolved against the article's date, else as stated."""
    dated, undated = [], []
    for item in _sentences(sources):
        normal = normalize(item.sentence.ar)
        when, stated = _resolve(normal, item.source.meta.date)
        if not stated:
            continue
        entry = {**_cite(item), "when": when, "stated": _stated_words(item.sentence.ar, stated)}
        (dated if when else undated).append(entry)
    dated.sort(key=lambda e: (e["when"], e["source_id"], e["number"]))
    undated.sort(key=lambda e: (e["source_id"], e["number"]))
    days: dict[str, list[dict]] = defaultdict(list)
    for entry in dated:
        days[entry["when"]].append(entry)
    return {"days": [{"date": d, "weekday": dt.date.fromisoformat(d).strftime("%A"), "events": e}
                     for d, e in days.items()], "as_stated": undated}


def _stated_words(arabic: str, normalised_match: str) -> str:
    """The original Arabic words for a normalised match (for display)."""
    words = arabic.split()
    target = normalised_match.split()
    for i in range(len(words)):
        if [normalize(w) for w in words[i:i + len(target)]] == target:
            return " ".join(words[i:i + len(target)])
    return normalised_match


def who_says_what(sources: list[Source], links: dict[tuple[str, str], list[Link]], per_actor: int = 3) -> list[dict]:
    """The actors quoted, each with up to three of their statements (corroborated and numeric first)."""
    by_actor: dict[str, list[tuple[tuple, Sentence]]] = defaultdict(list)
    for item in _sentences(sources):
        actor = claimant_of(item.sentence.ar)
        if not actor:
            continue
        corroborated = len(links.get((item.source.meta.id, item.pair.id), []))
        numeric = bool(re.search(r"\d", ascii_digits(item.sentence.ar)))
        by_actor[actor].append(((-corroborated, -numeric, item.source.meta.id, item.pair.number, item.index), item))
    out = []
    for actor, items in sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        picked: list[Sentence] = []
        for _, item in sorted(items, key=lambda kv: kv[0]):
            if len(picked) < per_actor and all(similarity(item.sentence.ar, p.sentence.ar) < 0.4 for p in picked):
                picked.append(item)
        out.append({"actor": actor, "count": len(items), "statements": [_cite(i) for i in picked]})
    return out


def corroborated(sources: list[Source], links: dict[tuple[str, str], list[Link]]) -> list[dict]:
    """Statements carried by two or more outlets: one entry per cluster of linked pairs."""
    by_pair = {(s.meta.id, p.id): (s, p) for s in sources for p in s.pairs}
    seen: set[tuple[str, str]] = set()
    out = []
    for key in sorted(links, key=lambda k: (k[0], by_pair[k][1].number)):
        if key in seen:
            continue
        cluster, stack = set(), [key]
        while stack:
            current = stack.pop()
            if current in cluster:
                continue
            cluster.add(current)
            stack += [(link.source_id, link.pair_id) for link in links.get(current, [])]
        seen |= cluster
        members = sorted(cluster, key=lambda k: (by_pair[k][0].meta.date == "", by_pair[k][0].meta.date, k))
        outlets = sorted({by_pair[k][0].meta.outlet for k in members})
        if len(outlets) < 2:
            continue
        source, pair = by_pair[members[0]]
        shown = Sentence(source, pair, 1, pair.sentences[0])
        out.append({**_cite(shown), "outlets": outlets, "members": [
            {"outlet": by_pair[k][0].meta.outlet, "number": by_pair[k][1].number,
             "href": f"sources/{k[0]}.html#{k[1]}"} for k in members]})
    return sorted(out, key=lambda e: (-len(e["outlets"]), e["source_id"], e["number"]))


def escapes_vs_recaptures(figures: list[Figure], sources: dict[str, Source]) -> dict | None:
    """Escape counts and recapture/arrest counts from different claimants: a dispute to show side by side."""
    escaped = [f for f in figures if f.category == "escaped"]
    caught = [f for f in figures if f.category in ("recaptured", "arrested")]
    if not escaped or not caught or {f.claimant for f in escaped} == {f.claimant for f in caught}:
        return None

    def show(f: Figure) -> dict:
        meta = sources[f.source_id].meta
        return {"value": figure_value(f), "category": CATEGORY_LABELS[f.category], "group": group_label(f.group),
                "claimant": f.claimant or "the outlet", "outlet": meta.outlet, "date": meta.date[:10]}

    return {"escaped": [show(f) for f in escaped], "caught": [show(f) for f in caught]}
