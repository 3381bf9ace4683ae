"""The end of the analysis stage: one frozen Briefing holding everything the site shows and exports.

The site stage only maps it to pages and files; nothing there computes figures, links or summaries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, partial

from ..arabic import content_words
from ..models import Figure, Source, Statement
from . import summary
from .crossref import Matches, Reach, others
from .figures import ELSEWHERE, disagreements
from .places import elsewhere
from .stories import Related


@dataclass(frozen=True)
class Summary:
    """A story's briefing, as data: cited sentences and claims refer to sources and pairs by id."""

    lead: list[dict]
    numbers: list[dict]
    timeline: dict
    actors: list[dict]
    corroborated: dict
    disagreements: list[dict]
    escapes: dict | None
    card: list[dict] = field(default_factory=list)  # headline numbers of the reports' opening paragraphs (CARD_PARAGRAPHS)


@dataclass(frozen=True)
class Story:
    """Reports of one event, with the reasons they are together and their own briefing."""

    id: str
    title_ar: str
    title_en: str
    members: tuple[str, ...]  # source ids, oldest report first
    why: str
    span: tuple[str, str]  # first and last report date ("" when undated)
    summary: Summary
    figure_ids: tuple[str, ...]
    related: tuple[Related, ...] = ()  # other stories alike in words and near in time (stories.related)


@dataclass(frozen=True)
class Briefing:
    sources: tuple[Source, ...]
    figures: tuple[Figure, ...]
    matches: Matches
    stories: tuple[Story, ...]
    report: dict
    redirects: dict[str, str] = field(default_factory=dict)  # story ids merged away → the story they joined
    teasers: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, pair) → report it teases

    @property
    def statements(self) -> tuple[Statement, ...]:
        return self.matches.statements

    @cached_property
    def story_of(self) -> dict[str, Story]:
        return {member: story for story in self.stories for member in story.members}

    @cached_property
    def story_by_id(self) -> dict[str, Story]:
        return {story.id: story for story in self.stories}

    @cached_property
    def member_sets(self) -> dict[str, frozenset[str]]:
        """Each story's reports, as a set (made once, not once per paragraph that asks)."""
        return {story.id: frozenset(story.members) for story in self.stories}

    @cached_property
    def text_ids(self) -> list[str | None]:
        """Each text's id in the data (Matches.shown_id), hashed once: a paragraph's page key, its data file and
        briefing.json's texts all ask for it."""
        return [self.matches.shown_id(n) for n in range(len(self.matches.members))]

    def text_id(self, source_id: str, pair_id: str) -> str | None:
        text = self.matches.text_of.get((source_id, pair_id))
        return None if text is None else self.text_ids[text]

    @cached_property
    def statement_of(self) -> dict[tuple[str, str], Statement]:
        return {member: st for st in self.matches.statements for member in st.members}

    @cached_property
    def by_id(self) -> dict[str, Source]:
        return {s.meta.id: s for s in self.sources}

    @cached_property
    def reading_order(self) -> dict[str, tuple[str | None, str | None]]:
        """Each source's previous and next report as a reader goes through them: within its story, oldest first,
        on a site of several stories; through the whole pile by date (undated last) on a site of one."""
        if len(self.stories) > 1:
            runs = [story.members for story in self.stories]
        else:
            runs = [tuple(s.meta.id for s in sorted(self.sources, key=lambda s: (s.meta.date or "9999", s.meta.id)))]
        order: dict[str, tuple[str | None, str | None]] = {}
        for run in runs:
            for n, member in enumerate(run):
                order[member] = (run[n - 1] if n > 0 else None, run[n + 1] if n + 1 < len(run) else None)
        return order

    @cached_property
    def _figures_by_source(self) -> dict[str, list[tuple[int, Figure]]]:
        return by_source(self.figures)

    def figures_of(self, members: Iterable[str]) -> list[Figure]:
        """The figures of these sources, in the briefing's order (found by source, never by a scan of all)."""
        return gather(self._figures_by_source, members)

    def also(self, source_id: str, pair_id: str, limit: int) -> tuple[list[tuple[str, str]], int]:
        """Matches.also within the source's story (when the site has several): the paragraphs a text reaches in
        a story are found once, not once for each of its paragraphs and again for the page's key (a wire
        story reprinted a hundred times asked for the same list two hundred times)."""
        text = self.matches.text_of.get((source_id, pair_id))
        if text is None:
            return [], 0
        story = self.story_of.get(source_id) if len(self.stories) > 1 else None
        key = (text, story.id if story else None)
        reach = self._reach.get(key)
        if reach is None:
            reach = self._reach[key] = self.matches.reach(text, self.member_sets[story.id] if story else None)
        return others(reach, source_id, limit)

    @cached_property
    def _reach(self) -> dict[tuple[int, str | None], Reach]:
        return {}

    @cached_property
    def pair_number(self) -> dict[tuple[str, str], int]:
        return {(s.meta.id, p.id): p.number for s in self.sources for p in s.pairs}


def by_source(figures: Iterable[Figure]) -> dict[str, list[tuple[int, Figure]]]:
    """Each source's figures with their places in the list."""
    out: dict[str, list[tuple[int, Figure]]] = defaultdict(list)
    for i, figure in enumerate(figures):
        out[figure.source_id].append((i, figure))
    return out


def gather(indexed: dict[str, list[tuple[int, Figure]]], members: Iterable[str]) -> list[Figure]:
    found = [item for member in set(members) for item in indexed.get(member, ())]
    return [figure for _, figure in sorted(found, key=lambda item: item[0])]


def outlets_per_pair(statements: list[Statement], sources: dict[str, Source]) -> dict[tuple[str, str], int]:
    """For each paragraph in a statement: how many *other* outlets carry it."""
    out = {}
    for statement in statements:
        outlets = Counter(sources[s].meta.outlet for s, _ in statement.members)
        for source_id, pair_id in statement.members:
            outlets_here = len(outlets) - 1 if outlets[sources[source_id].meta.outlet] else len(outlets)
            out[(source_id, pair_id)] = max(outlets_here, 0)
    return out


def summarise(sources: list[Source], figures: list[Figure], statements: list[Statement],
              teasers: dict[tuple[str, str], str] | None = None) -> Summary:
    """The briefing of one story from its sources, figures and statements. A page's teasers of other reports
    (crossref.teasers) are not its news: what happened, the timeline and who says what leave them out, as the
    key figures do."""
    by_id = {s.meta.id: s for s in sources}
    outlets_of = outlets_per_pair(statements, by_id)
    own = [_without_teasers(s, teasers) for s in sources] if teasers else sources
    return Summary(lead=summary.lead(own, outlets_of, figures), numbers=summary.headline_numbers(figures, by_id),
                   timeline=summary.timeline(own), actors=summary.who_says_what(own, outlets_of),
                   corroborated=summary.corroborated(statements, by_id), disagreements=disagreements(figures, by_id),
                   escapes=summary.escapes_vs_recaptures(figures, by_id),
                   card=summary.headline_numbers(summary.opening_figures(own, figures), by_id))


def _without_teasers(source: Source, teasers: dict[tuple[str, str], str]) -> Source:
    sid = source.meta.id
    if not any((sid, p.id) in teasers for p in source.pairs):
        return source
    return replace(source, pairs=tuple(p for p in source.pairs if (sid, p.id) not in teasers))


def span(sources: list[Source]) -> tuple[str, str]:
    dates = sorted(s.meta.date[:10] for s in sources if s.meta.date)
    return (dates[0], dates[-1]) if dates else ("", "")


@dataclass(frozen=True)
class Plan:
    """A story as grouping and the editors decided it, before its briefing is written."""

    id: str
    members: tuple[str, ...]
    why: str
    title_ar: str = ""
    title_en: str = ""
    related: tuple[Related, ...] = ()


TITLE_WORDS = 3  # content words a headline needs to be chosen for what its story's other reports share
TITLE_FROM = 3  # reports a story needs for its title to be chosen so (of two reports, the words one shares with
#                 the other say nothing of which tells the story: on real news either choice read as well)


def _title(members: list[Source]) -> tuple[str, str]:
    """A story's default title, and its English: of the reports' own headlines (not one derived from the first
    sentence), the one whose words the story's other reports carry most (the mean share of the other reports
    whose words hold each of its content words: a headline that names what they all tell, not a follow-up's
    angle or a comment piece's), the earliest of equals; one that gives a party's words ("X: …") or has fewer than
    TITLE_WORDS content words only when no other will do. A story of fewer than TITLE_FROM reports: the earliest own headline."""
    own = [s for s in members if s.meta.provenance.get("headline") != "derived"]
    if not own:
        return members[0].meta.headline, ""
    chosen = own[0]
    if len(members) >= TITLE_FROM:
        held = {s.meta.id: frozenset(s.terms.stems) for s in members}
        words = {s.meta.id: content_words(s.meta.headline) for s in own}
        candidates = ([s for s in own if len(words[s.meta.id]) >= TITLE_WORDS and not _attributed(s.meta.headline)]
                      or [s for s in own if len(words[s.meta.id]) >= TITLE_WORDS] or own)
        best = -1.0
        for source in candidates:  # (in the reports' order: the earliest of equals stays)
            mine = words[source.meta.id]
            others = [held[m.meta.id] for m in members if m is not source]
            score = sum(w in terms for w in mine for terms in others) / (len(mine) * len(others)) if mine else 0.0
            if score > best + 1e-9:
                chosen, best = source, score
    return chosen.meta.headline, chosen.headline_en.text if chosen.headline_en.status != "pending" else ""


def _attributed(headline: str) -> bool:
    """A headline that gives one party's words ("عميد بلدية درنة: عدد القتلى قد يصل إلى 20 ألفاً", "المرصد: …"):
    a colon after at most five words. A story's title should say what happened, not who claims what."""
    before, colon, _ = headline.partition(":")
    return bool(colon) and len(before.split()) <= 5


def _placed(figures: list[Figure], plans: list[Plan], by_id: dict[str, Source]) -> list[Figure]:
    """The figures, those of each story that tell of somewhere else (places.elsewhere) with that scope."""
    indexed = by_source(figures)
    away = set().union(*(elsewhere([by_id[m] for m in plan.members], gather(indexed, plan.members))
                         for plan in plans if len(plan.members) > 1))
    return [replace(f, scope=ELSEWHERE) if f.id in away else f for f in figures] if away else figures


def story_statements(statements: list[Statement], members: set[str],
                     carried: dict[str, list[int]] | None = None) -> list[Statement]:
    """The statements as carried inside one story (never across stories); with `carried` (the statements
    each source carries, by index) only those of the members are looked at."""
    if carried is not None:
        statements = [statements[i] for i in sorted({i for m in members for i in carried.get(m, ())})]
    out = []
    for statement in statements:
        inside = tuple(m for m in statement.members if m[0] in members)
        if len({m[0] for m in inside}) > 1:
            out.append(Statement(statement.id, inside))
    return out


SummaryMemo = Callable[[Plan, list[Figure], list[Statement], Callable[[], Summary]], Summary]


def analyse(sources: list[Source], figures: list[Figure], matches: Matches, report: dict,
            plans: list[Plan] | None = None, redirects: dict[str, str] | None = None,
            teasers: dict[tuple[str, str], str] | None = None, memo: SummaryMemo | None = None) -> Briefing:
    """Every story's briefing from its own reports, figures and statements (one story for the whole pile
    when no plan is given). With a memo (the build's cache), a story's summary is asked of it first, given the
    story, its figures, its statements and how to make the summary."""
    plans = plans or [Plan("all", tuple(s.meta.id for s in sources), "")]
    by_id = {s.meta.id: s for s in sources}
    figures = _placed(figures, plans, by_id)
    indexed = by_source(figures)
    statements = list(matches.statements)
    carried: dict[str, list[int]] = defaultdict(list)
    for i, statement in enumerate(statements):
        for source_id in dict.fromkeys(m[0] for m in statement.members):
            carried[source_id].append(i)
    stories = []
    for plan in plans:
        members = [by_id[m] for m in plan.members]
        inside = set(plan.members)
        own = gather(indexed, plan.members)
        title_ar, title_en = _title(members)
        told = story_statements(statements, inside, carried)
        make = partial(summarise, members, own, told, teasers)
        stories.append(Story(id=plan.id, title_ar=plan.title_ar or title_ar, title_en=plan.title_en or title_en,
                             members=plan.members, why=plan.why, span=span(members),
                             summary=memo(plan, own, told, make) if memo is not None else make(),
                             figure_ids=tuple(f.id for f in own), related=plan.related))
    return Briefing(sources=tuple(sources), figures=tuple(figures), matches=matches, stories=tuple(stories),
                    report=report, redirects=redirects or {}, teasers=teasers or {})
