"""A story's briefing: lead, headline numbers, timeline, who says what, corroboration and disputes.
Everything is chosen from the articles by rules, from the analysis stage's notes, and cited by source and
pair; nothing is written by a model. The same inputs always give the same summary.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Figure, Pair, SentenceNote, SentencePair, Source, Statement
from .crossref import score
from .figures import (
    ANOTHER,
    BOTH,
    EARLIER,
    ELSEWHERE,
    PART,
    POSSIBLE,
    RATE,
    TOTAL,
    claim,
    figure_value,
    pair_places,
    top,
)
from .labels import category_label, group_label

LEAD_SIZE = (3, 5)
TIMELINE_PER_DAY = 6  # the summary shows this many events a day; the rest are counted, and in the data
_WHOLE = ("", "people")  # a count of people of no particular side (a toll of everyone, or of whoever)
HEADLINE_CATEGORIES = ("escaped", "recaptured", "arrested", "detained", "wounded", "missing", "displaced", "hostages")


@dataclass(frozen=True, eq=False)
class Sentence:  # (compared by identity: one object a sentence, and the lead asks "in"/"index" of a few)
    source: Source
    pair: Pair
    index: int  # 1-based within the pair
    sentence: SentencePair
    note: SentenceNote


def sentences(sources: list[Source]) -> Iterator[Sentence]:
    for source in sources:
        for pair in source.pairs:
            if pair.kind == "body":
                for index, (sentence, note) in enumerate(zip(pair.sentences, pair.notes, strict=False), 1):
                    yield Sentence(source, pair, index, sentence, note)


def cite(item: Sentence) -> dict:
    """A sentence as the pages show it: English (empty while pending), its Arabic, and where it stands."""
    return {"en": item.sentence.en if item.sentence.status != "pending" else "", "ar": item.sentence.ar,
            "outlet": item.source.meta.outlet, "date": item.source.meta.date[:10], "number": item.pair.number,
            "source_id": item.source.meta.id, "pair_id": item.pair.id}


def lead(sources: list[Source], outlets_of: dict[tuple[str, str], int], figures: list[Figure] = ()) -> list[dict]:
    """3–5 sentences that together say what happened: corroborated, fact-bearing, early, not repetitive. When the
    story counts people something befell (killed, wounded, arrested …: the event's own count, not a running
    total, a rate, an earlier event's or a possible one), one of them states such a count (a toll of everyone
    killed before one side's, before other fates; the best ranked of those): a statement several
    outlets carry (a party's reaction, wire copy reprinted) would otherwise fill every place, and what happened
    to people is the first thing a reader is asked. (A story of one report keeps its lead: the report's own
    order, not a count from further down, says what it is about.)"""
    scored = []
    for item in sentences(sources):
        words = len(item.sentence.ar.split())
        if words < 8:
            continue
        value = 3 * outlets_of.get((item.source.meta.id, item.pair.id), 0) + item.note.facts
        value += (2 if item.pair.number <= 2 else 0) - (2 if words > 60 else 0)
        scored.append((-value, item.source.meta.id, item.pair.number, item.index, item))
    ranked = [item for *_, item in sorted(scored, key=lambda s: s[:4])]
    chosen = _choose(ranked, [])
    tolls: dict[tuple[str, str, int], int] = {}  # a sentence stating a toll → how telling: 0 everyone killed,
    for f in figures:                             # 1 one side's killed, 2 another befalling (wounded, arrested …)
        if f.is_people and f.scope == "" and f.category not in ("other people", "attackers", ""):
            rank = 0 if f.category == "killed" and f.group in _WHOLE else 1 if f.category == "killed" else 2
            tolls[(f.source_id, f.pair_id, f.sentence)] = min(rank, tolls.get((f.source_id, f.pair_id, f.sentence), 2))
    if tolls and len({item.source.meta.id for item in ranked}) > 1 and not any(_at(item) in tolls for item in chosen):
        toll = min((item for item in ranked if _at(item) in tolls and item.note.facts >= 2),
                   key=lambda item: tolls[_at(item)], default=None)  # (min: the first of the best ranked)
        if toll is not None:  # it takes the place of its own report's lower sentence when that report has two
            kept = [c for c in chosen if _apart(toll, [c])]  # (else of the last chosen); one it repeats gives way
            own = [c for c in kept if c.source.meta.id == toll.source.meta.id]
            if len(own) >= 2:
                kept.remove(own[-1])
            elif len(kept) >= LEAD_SIZE[1]:
                kept.pop()
            chosen = sorted(_choose(ranked, sorted([*kept, toll], key=ranked.index)), key=ranked.index)
    return [cite(item) for item in chosen]


def _at(item: Sentence) -> tuple[str, str, int]:
    return item.source.meta.id, item.pair.id, item.index


def _apart(item: Sentence, chosen: list[Sentence]) -> bool:
    """Not a repeat of a chosen sentence (their content words alike)."""
    return all(score(item.note.words, c.note.words) < 0.3 for c in chosen)


def _choose(ranked: list[Sentence], chosen: list[Sentence]) -> list[Sentence]:
    """The best-ranked sentences added to `chosen` up to the lead's size: at most two of a report, none a
    repeat of another."""
    chosen = list(chosen)
    per_source: dict[str, int] = defaultdict(int)
    for item in chosen:
        per_source[item.source.meta.id] += 1
    for item in ranked:
        if len(chosen) >= LEAD_SIZE[1]:
            break
        if item not in chosen and per_source[item.source.meta.id] < 2 and _apart(item, chosen):
            chosen.append(item)
            per_source[item.source.meta.id] += 1
    return chosen


def _extent(claims: list[Figure], sources: dict[str, Source]) -> dict:
    """The lowest and highest toll the reports give, each report one: the first it gives, in reading order (a
    report leads with its event's toll; a larger count further down is a war's total, another event or a sum
    the report tells as background: "more than 200" drowned on Wednesday, then April's 900, is 200; its largest
    would make a background figure the story's number). A report's other counts of the row are listed beside
    it ("others": nothing is hidden, as a lead can itself be background); two people a report quotes who differ
    ("at least 2" and a spokesman's 16) are also among the disagreements."""
    place = pair_places(claims, sources)
    first: dict[str, tuple[tuple[int, int, int], Figure]] = {}
    for figure in claims:
        at = (place.get((figure.source_id, figure.pair_id), len(sources[figure.source_id].pairs)), figure.sentence,
              figure.start)
        if figure.source_id not in first or at < first[figure.source_id][0]:
            first[figure.source_id] = (at, figure)
    leads = [figure for _, figure in first.values()]
    dated = sorted(leads, key=lambda f: (top(f), sources[f.source_id].meta.date, f.id))
    shown = {figure_value(f) for f in leads}
    others: dict[str, Figure] = {}
    for figure in sorted(claims, key=lambda f: (top(f), f.id)):  # (a report's other counts, each value once)
        if figure_value(figure) not in shown:
            others.setdefault(figure_value(figure), figure)
    return {"low": claim(dated[0], sources), "high": claim(dated[-1], sources),
            "same": top(dated[0]) == top(dated[-1]), "count": len(leads),
            "others": [claim(f, sources) for f in others.values()]}


CARD_PARAGRAPHS = 3  # a story's card quotes a count only from a report's first body paragraphs


def opening_figures(sources: list[Source], figures: list[Figure]) -> list[Figure]:
    """The figures of each report's first CARD_PARAGRAPHS body paragraphs (its teasers left out: `sources` are
    without them): what a story's card may quote. News is written lead first; the counts further down are as often
    background (a war's total, an earlier attack, a rhetorical figure in a quote) that the rules did not mark (an
    analyst's review of 180 real reports: 9 of the 10 misleading cards quoted a count from paragraph 4 or later,
    7 of the 8 right ones one from the first three). The story's page lists every count."""
    opening = {(s.meta.id, p.id) for s in sources for p in [p for p in s.pairs if p.kind == "body"][:CARD_PARAGRAPHS]}
    return [f for f in figures if (f.source_id, f.pair_id) in opening]


def headline_numbers(figures: list[Figure], sources: dict[str, Source]) -> list[dict]:
    """For killed (in all, and by group) and the other events: the lowest and highest count the reports give
    (each report the first it gives: _extent), with who reports each end; vague counts ("dozens") beside them, or
    alone in a row of their own when no report gives a figure. People counts only, and no count of some of
    the people another count names ("بينهم امرأتان"). Counts of the killed and wounded together ("مصرع وإصابة
    العشرات"), running totals ("منذ بدء الحرب"), rates ("سنويا") and events of an earlier year make rows of their own, after the rest
    (figures.scope_of)."""
    people = [f for f in figures if f.is_people and f.scope != PART]  # ("بينهم امرأتان": no total)
    if not people:
        return []  # (most stories of a pile of many: no count of people, no row)
    every = ", all reports" if len({f.source_id for f in people}) > 1 else ""  # (one report: no "all reports")
    groups = sorted({f.group for f in people if f.category == "killed" and f.group})
    plan = [("killed", None), *(("killed", g) for g in groups), *((c, None) for c in HEADLINE_CATEGORIES)]
    rows = []
    killed_all: dict[str, set[str]] = {}
    for scope in ("", BOTH, TOTAL, RATE, EARLIER, POSSIBLE, ELSEWHERE, ANOTHER):
        in_scope = [f for f in people if f.scope == scope]
        if not in_scope:
            continue  # (no row: most scopes of most stories)
        for category, group in plan:
            chosen = [f for f in in_scope if f.category == category and (group is None or f.group == group)]
            if not chosen:
                continue  # (no claim and nothing vague: no row, as below)
            claims = [f for f in chosen if top(f) is not None]
            vague = sorted({f.vague for f in chosen if f.vague})
            label = (_BOTH_LABEL if scope == BOTH else category_label(category)) \
                + (f": {group_label(group)}" if group is not None else every) + _SCOPE_LABELS.get(scope, "")
            if not claims and vague and group is None:  # ("عشرات الجرحى" and no figure: "Wounded: dozens")
                rows.append({"label": label, "category": category, "low": None, "high": None, "same": True,
                             "count": 0, "vague": vague, "running": scope == TOTAL, "scope": scope})
                continue
            if not claims or (group is not None and {f.id for f in claims} == killed_all.get(scope, set())):
                continue  # (a group's row that repeats "all reports" row for row says nothing more)
            if category == "killed" and group is None:
                killed_all[scope] = {f.id for f in claims}
            rows.append({"label": label, "category": category, **_extent(claims, sources),
                         "vague": vague, "running": scope == TOTAL, "scope": scope,
                         "grouped": group is not None})  # (a group's row: its label names who was counted)
    return rows


_SCOPE_LABELS = {TOTAL: ", running totals (since a start)", RATE: ", rates (per day, per year …)",
                 EARLIER: ", earlier events (dated before the report)", POSSIBLE: ", possible or expected",
                 ELSEWHERE: ", elsewhere (a country, or a province, not the story's)",
                 ANOTHER: ", another matter the report turns to (\"on another note\" …)"}
_BOTH_LABEL = "Killed and wounded, counted together"


SAME_STATEMENT = 0.4  # two sentences of one speaker this alike (score) are one statement in "who says what"
_COMPARED = 200  # the statements of one speaker each new sentence is compared with
SAME_EVENT = 0.6  # a day's sentences whose words are this alike (score) tell one event: shown once


def timeline(sources: list[Source]) -> dict:
    """Days named in the reports, resolved against each report's date; days in undated reports as stated. A day's
    sentence that another report's earlier one tells in the same words (SAME_EVENT) is no event of its own: it is
    listed under that one as "also" (where it stands), not shown again (an analyst met one sentence four times on
    one day, once per outlet)."""
    days: dict[str, list[tuple[dict, frozenset[str]]]] = defaultdict(list)
    undated = []
    for item in sentences(sources):
        if not item.note.stated_day:
            continue
        entry = {**cite(item), "when": item.note.day, "stated": item.note.stated_day}
        if item.note.day:
            days[item.note.day].append((entry, item.note.words))
        elif not item.source.meta.date:
            undated.append(entry)
    shown = []
    for day in sorted(days):
        events: list[tuple[dict, frozenset[str]]] = []
        for entry, words in sorted(days[day], key=lambda e: (e[0]["date"] or "9999", e[0]["source_id"], e[0]["number"])):
            told = next((e for e, w in events if e["source_id"] != entry["source_id"] and words and w
                         and score(words, w) >= SAME_EVENT), None)
            if told is None:
                events.append(({**entry, "also": []}, words))
            else:
                told["also"].append({k: entry[k] for k in ("outlet", "date", "number", "source_id", "pair_id")})
        kept = [e for e, _ in events]
        shown.append({"date": day, "weekday": dt.date.fromisoformat(day).strftime("%A"),
                      "events": kept[:TIMELINE_PER_DAY], "more": max(0, len(kept) - TIMELINE_PER_DAY)})
    return {"days": shown, "as_stated": undated[:50], "as_stated_more": max(0, len(undated) - 50)}


def who_says_what(sources: list[Source], outlets_of: dict[tuple[str, str], int], per_actor: int = 3) -> list[dict]:
    """The actors quoted, each with up to three of their statements (corroborated and numeric first). A state body
    named without its country ("the army") is the one country's the story names with it ("the army (Israel)"),
    when it names one; with two or none, it stays apart."""
    by_actor: dict[str, list[tuple[tuple, Sentence]]] = defaultdict(list)
    for item in sentences(sources):
        if item.note.claimant:
            order = (-outlets_of.get((item.source.meta.id, item.pair.id), 0), -bool(item.note.numbers),
                     item.source.meta.id, item.pair.number, item.index)
            by_actor[item.note.claimant].append((order, item))
    for actor in [a for a in by_actor if " (" not in a]:  # "وقال الجيش" in a story where one country's army is
        countries = [a for a in by_actor if a.startswith(actor + " (")]  # named ("الجيش الإسرائيلي"): that army
        if len(countries) == 1:
            by_actor[countries[0]].extend(by_actor.pop(actor))
    out = []
    for actor, items in sorted(by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        distinct: list[Sentence] = []  # (one statement carried by several reports, or told twice, is one)
        keys: set[str] = set()
        for _, item in sorted(items, key=lambda kv: kv[0]):
            if item.note.key in keys:
                continue
            keys.add(item.note.key)
            if len(distinct) >= _COMPARED or all(score(item.note.words, p.note.words) < SAME_STATEMENT
                                                 for p in distinct):
                distinct.append(item)  # (past _COMPARED statements, only copies word for word are one: a pile's
        picked = distinct[:per_actor]  #  speaker quoted thousands of times is not compared all against all)
        english = next((found for _, item in items if (found := item.source.speaker_en(actor))), "")
        out.append({"actor": actor, "actor_en": english, "count": len(distinct), "sentences": len(items),
                    "statements": [cite(i) for i in picked]})
    return out


def corroborated(statements: list[Statement], sources: dict[str, Source], limit: int = 20) -> dict:
    """Statements carried by two or more outlets, most outlets first: the first `limit`, and how many more."""
    out = []
    for statement in statements:
        outlets = sorted({sources[s].meta.outlet for s, _ in statement.members})
        if len(outlets) < 2:
            continue
        source = sources[statement.members[0][0]]
        pair = next(p for p in source.pairs if p.id == statement.members[0][1])
        shown = Sentence(source, pair, 1, pair.sentences[0], pair.notes[0] if pair.notes else SentenceNote(""))
        out.append({**cite(shown), "statement_id": statement.id, "outlets": outlets, "members": [
            {"outlet": sources[s].meta.outlet, "number": _number(sources[s], p), "source_id": s, "pair_id": p}
            for s, p in statement.members[:12]], "more": max(0, len(statement.members) - 12)})
    out.sort(key=lambda e: (-len(e["outlets"]), e["source_id"], e["number"]))
    return {"entries": out[:limit], "more": max(0, len(out) - limit), "total": len(out)}


def _number(source: Source, pair_id: str) -> int:
    return next((p.number for p in source.pairs if p.id == pair_id), 0)


def escapes_vs_recaptures(figures: list[Figure], sources: dict[str, Source]) -> dict | None:
    """Escape counts and recapture/arrest counts from different claimants: a dispute to show side by side."""
    escaped = [f for f in figures if f.is_people and f.category == "escaped"]
    caught = [f for f in figures if f.is_people and f.category in ("recaptured", "arrested")]
    if not escaped or not caught or {f.claimant for f in escaped} == {f.claimant for f in caught}:
        return None
    return {"escaped": [claim(f, sources) for f in escaped[:10]], "caught": [claim(f, sources) for f in caught[:10]]}


__all__ = ["corroborated", "escapes_vs_recaptures", "figure_value", "headline_numbers", "lead", "timeline",
           "who_says_what"]
