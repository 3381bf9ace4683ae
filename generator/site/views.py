"""What each template prints, made from the Briefing: plain dicts with every link already relative to the
page (`root` is "" or "../"). Long lists are paginated here, so that no page grows with the pile."""

from __future__ import annotations

from html import escape
from math import ceil

from ..analysis.briefing import Briefing, Story
from ..analysis.figures import EARLIER, ELSEWHERE, POSSIBLE, RATE, TOTAL, chart_rows, figure_value, pair_places
from ..analysis.labels import TYPE_LABELS, category_label, category_order, counted_as_written, group_label, plural
from ..models import Figure, Pair, Source

FIGURES_PER_PAGE = 250
SOURCES_PER_PAGE = 100
ALSO_SHOWN = 3  # "also reported by": this many outlets, then a count (the full list is in the data)
CONTEXT_WORDS = 8  # words shown on each side of a figure's number
_WINDOW = 2000  # characters read on each side of it (far more than CONTEXT_WORDS words, or the English's 40)
PROVENANCE_LABELS = {"detected": "detected in the text", "editor": "set by an editor",
                     "derived": "derived, not stated in the text", "missing": "not stated"}


def source_url(source_id: str) -> str:
    return f"sources/{source_id}.html"


def pair_href(root: str, source_id: str, pair_id: str) -> str:
    return f"{root}{source_url(source_id)}#{pair_id}"


def numbered(base: str, page: int) -> str:
    """figures.html, figures-2.html, …"""
    return f"{base}.html" if page == 1 else f"{base}-{page}.html"


def pages_of(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


PENDING = "translation pending"  # the one label of English not yet there, on every page (templates use it too)


def pending_labels(pair: Pair) -> list[str]:
    """One "translation pending" per run of pending sentences, not one per sentence (the Arabic beside it shows
    how many: a count in the label made a third wording, "translation pending (4 sentences)")."""
    return ["" if s.status != "pending" or (i and pair.sentences[i - 1].status == "pending") else PENDING
            for i, s in enumerate(pair.sentences)]


def also_reported(briefing: Briefing, source: Source, pair: Pair) -> dict | None:
    """The paragraphs of other reports that carry the same statement: the first few, and how many more (the full
    list is in the data); a report of the page's own outlet is marked so (another report of it, no other
    outlet's corroboration). A teaser's copies on the outlet's other pages are left out: one sidebar repeated
    on several pages is no report of it (crossref.teasers)."""
    by_id = briefing.by_id
    own = source.meta.outlet
    if own and (source.meta.id, pair.id) in briefing.teasers:
        every, _ = briefing.also(source.meta.id, pair.id, 1 << 30)
        kept = [m for m in every if by_id[m[0]].meta.outlet != own]
        shown, total = kept[:ALSO_SHOWN], len(kept)
    else:
        shown, total = briefing.also(source.meta.id, pair.id, ALSO_SHOWN)
    if not shown:
        return None
    return {"links": [{"href": f"{s}.html#{p}", "outlet": by_id[s].meta.outlet, "number": briefing.pair_number[(s, p)],
                       "same_outlet": bool(own) and by_id[s].meta.outlet == own} for s, p in shown],
            "more": total - len(shown)}


def pair_view(briefing: Briefing, source: Source, pair: Pair) -> dict:
    target = briefing.teasers.get((source.meta.id, pair.id))
    teaser = None if target is None else {"href": f"{target}.html" if target else "",
                                          "headline": briefing.by_id[target].meta.headline if target else ""}
    return {"id": pair.id, "number": pair.number, "kind": pair.kind, "status": pair.status,
            "also": also_reported(briefing, source, pair), "teaser": teaser,
            "sentences": [{"ar": s.ar, "en": s.en, "status": s.status, "n": i, "pending_label": label}
                          for i, (s, label) in enumerate(zip(pair.sentences, pending_labels(pair), strict=True), 1)],
            "flags": [{"n": i, "check": f.check, "text": str(f)} for i, s in enumerate(pair.sentences, 1)
                      for f in s.flags],
            "suggestions": [{"n": i, "text": s.suggestion} for i, s in enumerate(pair.sentences, 1) if s.suggestion]}


def text_counts(source: Source) -> tuple[int, int]:
    """A source's sentences and words (of its Arabic), as its cards count them."""
    return (sum(len(p.sentences) for p in source.pairs),
            sum(len(s.ar.split()) for p in source.pairs for s in p.sentences))  # (the words of each sentence: its
    #                                                                         paragraph's text joins them with spaces)


def source_card(source: Source, figures: int, root: str, counted: dict[str, tuple[int, int]] | None = None) -> dict:
    """A source as the lists show it. `counted`: text_counts of sources by id, filled as cards are made (a source has
    a card on a list page, its own page and its story's: its words are counted once)."""
    meta = source.meta
    if counted is None:
        sentences, words = text_counts(source)
    elif (known := counted.get(meta.id)) is not None:
        sentences, words = known
    else:
        sentences, words = counted[meta.id] = text_counts(source)
    return {"id": meta.id, "href": f"{root}{source_url(meta.id)}", "outlet": meta.outlet,
            "outlet_en": source.outlet_en.text if source.outlet_en.status != "original" else "",
            "outlet_en_machine": source.outlet_en.status == "machine",
            "date": meta.date.replace("T", " "), "headline": meta.headline, "headline_en": source.headline_en.text,
            "headline_status": source.headline_en.status,
            "headline_derived": meta.provenance.get("headline") == "derived",
            "pairs": len(source.pairs), "sentences": sentences, "words": words, "figures": figures,
            "removed": len(source.removed),
            "file": meta.seed_file}


def neighbours(briefing: Briefing, source: Source) -> list[dict | None]:
    """The previous and next report in reading order (Briefing.reading_order), as the page's links show them."""
    out: list[dict | None] = []
    for other in briefing.reading_order.get(source.meta.id, (None, None)):
        if other is None:
            out.append(None)
            continue
        meta = briefing.by_id[other].meta
        title = meta.headline if len(meta.headline.split()) <= 8 else " ".join(meta.headline.split()[:8]) + " …"
        out.append({"href": f"{other}.html", "outlet": meta.outlet, "date": meta.date[:10], "headline": title})
    return out


def source_page(briefing: Briefing, source: Source, figures: int,
                counted: dict[str, tuple[int, int]] | None = None) -> dict:
    """A source's page (`counted`: as source_card's)."""
    meta = source.meta
    previous, following = neighbours(briefing, source)
    return {"source": source_card(source, figures, "../", counted),
            "outlet_missing": f"content/sources/{meta.id}.yml" if meta.provenance.get("outlet") == "derived" else "",
            "meta": [(name, getattr(meta, name), PROVENANCE_LABELS[meta.provenance.get(name, "missing")])
                     for name in ("outlet", "outlet_en", "headline", "date", "weekday", "dateline", "byline", "url")
                     if getattr(meta, name)],
            "pairs": [pair_view(briefing, source, p) for p in source.pairs],
            "removed": [{"line": r.line, "text": r.text, "reason": r.reason} for r in source.removed],
            "notes": list(source.notes), "warnings": list(source.warnings),
            "story": story_link(briefing, source),
            "prev": previous, "next": following}


def story_link(briefing: Briefing, source: Source) -> dict | None:
    """The story a source belongs to (sites with several stories)."""
    story = briefing.story_of.get(source.meta.id)
    if story is None or len(briefing.stories) == 1:
        return None
    return {"href": f"../{story_url(story.id)}", "title_ar": story.title_ar, "title_en": story.title_en,
            "reports": len(story.members)}


SCOPE_NOTES = {"running total": "running total since a start", "part": "part of a larger count",
               "rate": "a rate (per day, per year …)", "killed and wounded": "killed and wounded counted together",
               "earlier event": "an earlier event (dated before the report)",
               "possible": "possible or expected, not reported as done",
               "elsewhere": "elsewhere: a country, or a province, that is not the story's",
               "another matter": "another matter the report turns to (\"on another note\", \"on the ground\" …)"}


def _day_words(said: str) -> str:
    """The words that state a day, without the punctuation around them ("25 يناير (كانون الثاني) 2011،", "(26 كانون
    الثاني 2022)،"): the page puts them in brackets beside the day they resolve to."""
    said = said.strip(" ،,.؛;:-–")
    if said.startswith("(") and said.endswith(")") and said.count("(") == 1:
        said = said[1:-1].strip()
    return said


def figure_row(figure: Figure, sources: dict[str, Source], root: str) -> dict:
    """A figure with a few words around its number (the sentence itself stays on the source page)."""
    pair = next(p for p in sources[figure.source_id].pairs if p.id == figure.pair_id)
    sentence = pair.sentences[figure.sentence - 1]
    ahead = sentence.ar[max(0, figure.start - _WINDOW):figure.start]  # (a window: a hostile sentence of
    behind = sentence.ar[figure.end:figure.end + _WINDOW]  # thousands of numbers was split whole for each)
    before, after = ahead.split(), behind.split()
    english = sentence.en[:_WINDOW].split()
    if figure.start > _WINDOW:
        before.insert(0, "…")  # (more before than the window: shown as more, as it was)
    if len(sentence.ar) - figure.end > _WINDOW:
        after.append("…")
    if len(sentence.en) > _WINDOW:
        english.append("…")
    meta = sources[figure.source_id].meta
    return {"id": figure.id, "value": figure_value(figure), "noun": counted_as_written(figure.noun),
            "group_key": figure.group,
            "group": group_label(figure.group), "claimant": figure.claimant or meta.outlet,
            "claimant_en": sources[figure.source_id].speaker_en(figure.claimant),
            "outlet": meta.outlet, "date": meta.date[:10], "day": figure.day,
            "stated_day": _day_words(figure.stated_day),
            "ar_before": ("… " if len(before) > CONTEXT_WORDS else "") + " ".join(before[-CONTEXT_WORDS:])
            + (" " if ahead[-1:].isspace() else ""),  # (a quotation: a space only where the sentence has one,
            "ar_match": sentence.ar[figure.start:figure.end],  # "إن “77" and "ألفاً،" stay as written)
            "ar_after": (" " if behind[:1].isspace() else "") + " ".join(after[:CONTEXT_WORDS])
            + (" …" if len(after) > CONTEXT_WORDS else ""),
            "en": " ".join(english[:40]) + (" …" if len(english) > 40 else ""), "status": sentence.status,
            "href": pair_href(root, figure.source_id, figure.pair_id), "review": figure.review, "note": figure.note,
            "scope": SCOPE_NOTES.get(figure.scope, ""),
            "paragraph": pair.number}


def figure_pages(figures: list[Figure], sources: dict[str, Source], base: str = "figures") -> dict[str, str]:
    """figure id → the page (and anchor) where its row stands, for links from the summary."""
    people = _ordered(figures, sources)
    return {f.id: f"{numbered(base, i // FIGURES_PER_PAGE + 1)}#{f.id}" for i, f in enumerate(people)}


_APART = frozenset({TOTAL, RATE, EARLIER, POSSIBLE, ELSEWHERE})  # counts that are not of what happened: after


def _ordered(figures: list[Figure], sources: dict[str, Source]) -> list[Figure]:
    """Counts of people by category; in each, the counts of what happened first, then running totals, rates,
    earlier events, possible ones and those of somewhere else (a review found a yearly toll of tobacco among a
    war's dead); then by report (oldest first), then where they stand in the report."""
    categories = category_order()
    place = pair_places(figures, sources)

    def key(figure: Figure) -> tuple:
        meta = sources[figure.source_id].meta
        rank = categories.index(figure.category) if figure.category in categories else len(categories)
        return (rank, figure.scope in _APART, meta.date == "", meta.date, meta.outlet, figure.source_id,
                place.get((figure.source_id, figure.pair_id), 0), figure.sentence, figure.start, figure.id)
    return sorted((f for f in figures if f.is_people), key=key)


def figures_views(figures: list[Figure], sources: dict[str, Source], disputes: list[dict], base: str = "figures",
                  stories: dict[str, dict] | None = None) -> list[dict]:
    """The key-figures pages: counts of people only, grouped by category, FIGURES_PER_PAGE rows a page;
    the first page also holds the disagreements, the chart and the count of other numbers by type. With
    `stories` (source id → its story's link: the site-wide pages of a site of several stories) each row names
    its story, and there is no chart: a chart adds up counts of one story only (each story's page has its own)."""
    people = _ordered(figures, sources)
    others: dict[str, int] = {}
    for figure in figures:
        if not figure.is_people:
            label = "rejected by an editor" if figure.review == "rejected" else "in teasers of other reports" \
                if figure.teaser_of else f"in {figure.paragraph}s" if figure.paragraph \
                else TYPE_LABELS.get(figure.type, figure.type)
            others[label] = others.get(label, 0) + 1
    chunks = pages_of(people, FIGURES_PER_PAGE)
    root = "../" * base.count("/")
    elsewhere = sum(1 for f in figures if f.type == "people" and (f.teaser_of or f.paragraph) and f.review != "rejected")
    index = category_index(chunks, base)
    views = []
    for number, chunk in enumerate(chunks, 1):
        groups: dict[str, list[dict]] = {}
        for figure in chunk:
            row = figure_row(figure, sources, root)
            row["story"] = (stories or {}).get(figure.source_id)
            groups.setdefault(figure.category, []).append(row)
        views.append({"file": numbered(base, number), "page": number, "pages": len(chunks),
                      "groups": [{"key": k, "label": category_label(k), "rows": rows} for k, rows in groups.items()],
                      "total": len(people), "others": sorted(others.items()), "first": number == 1,
                      "elsewhere": elsewhere, "index": index,
                      "rejected": [figure_row(f, sources, root) for f in figures if f.review == "rejected"][:200]
                      if number == 1 else [],
                      "disagreements": disputes if number == 1 else [],
                      "chart": chart(people, sources) if number == 1 and stories is None
                      else {"svg": "", "table": [], "by_group": [], "label": ""},
                      "pagination": [{"n": n, "href": numbered(base, n), "current": n == number}
                                for n in range(1, len(chunks) + 1)] if len(chunks) > 1 else []})
    return views


def category_index(chunks: list[list[Figure]], base: str) -> list[dict]:
    """The categories of the key-figures pages in their order, each with its count of rows and the page (and
    anchor) where it starts: a reader had to guess that "Displaced" was on page 2 of 4 (a site review)."""
    index: dict[str, dict] = {}
    for number, chunk in enumerate(chunks, 1):
        for figure in chunk:
            entry = index.setdefault(figure.category, {
                "key": figure.category, "label": category_label(figure.category), "count": 0, "page": number,
                "last": number, "href": f"{numbered(base, number)}#cat-{figure.category.replace(' ', '-')}"})
            entry["count"] += 1
            entry["last"] = number
    return list(index.values())


def chart(figures: list[Figure], sources: dict[str, Source], category: str = "killed") -> dict:
    """Numbers of one category by group and claimant: SVG bars, a table with the same data, and a sentence."""
    rows = chart_rows(figures, sources, category)[:40]
    label = category_label(category)
    if not rows:
        return {"svg": "", "table": [], "label": label, "by_group": []}
    width, label_w, bar_h, gap = 680, 330, 22, 6
    height = len(rows) * (bar_h + gap) + gap
    most = max(r["number"] for r in rows) or 1
    described: dict[str, list[dict]] = {}
    for row in rows:
        described.setdefault(row["group"], []).append(row)
    sentence = f"{label}, as each claimant gives it: " + "; ".join(
        g + ": " + ", ".join(r["value"] + " according to " + r["who"] for r in rs)
        for g, rs in described.items()) + "."
    parts = [f'<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="chart-title">{escape(label)}, by group and by who says so</title>',
             f'<desc id="chart-desc">{escape(sentence)}</desc>']
    for i, row in enumerate(rows):
        y = gap + i * (bar_h + gap)
        length = max(2, int((width - label_w - 120) * row["number"] / most))  # (room for "more than 250")
        group, who = _fit(row["group"], row["who"])
        parts += [f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" class="chart-label">'
                  f'<title>{escape(row["group"])} · {escape(row["who"])}</title>'
                  f'{escape(group)} · <tspan unicode-bidi="embed">{escape(who)}</tspan>'
                  f'</text>', f'<rect x="{label_w}" y="{y}" width="{length}" height="{bar_h}" class="chart-bar"/>',
                  f'<text x="{label_w + length + 6}" y="{y + 15}" class="chart-value">{escape(row["value"])}</text>']
    parts.append("</svg>")
    return {"svg": "\n".join(parts), "table": rows, "label": label,
            "by_group": [{"group": g, "claims": rs} for g, rs in described.items()]}


_LABEL_CHARS = 46  # what the label column (322 of 680 units, 12-unit text) holds; longer labels ran off its left edge


def _fit(group: str, who: str) -> tuple[str, str]:
    """A bar's label, group and claimant, cut to the label column with "…" (the whole label is the text's title,
    and the caption and the table under the chart give it in full)."""
    if len(group) + 3 + len(who) <= _LABEL_CHARS:
        return group, who
    room = _LABEL_CHARS - 3 - min(len(group), _LABEL_CHARS // 2)
    group = group if len(group) <= _LABEL_CHARS // 2 else group[:_LABEL_CHARS // 2 - 1] + "…"
    return group, (who if len(who) <= room else who[:max(room - 1, 1)] + "…")


def link_claims(items: list[dict], root: str, figure_at: dict[str, str]) -> list[dict]:
    """Claims and cited sentences with their links for a page at `root`."""
    out = []
    for item in items:
        linked = dict(item)
        if "pair_id" in item:
            linked["href"] = pair_href(root, item["source_id"], item["pair_id"])
        if item.get("figure_id") in figure_at:
            linked["figure_href"] = root + figure_at[item["figure_id"]]
        out.append(linked)
    return out


def summary_view(story: Story, root: str, figure_at: dict[str, str]) -> dict:
    """A story's briefing with every citation linked from a page at `root`."""
    s = story.summary
    numbers = [{**row, "low": link_claims([row["low"]], root, figure_at)[0],
                "high": link_claims([row["high"]], root, figure_at)[0],
                "others": link_claims(row.get("others", []), root, figure_at)} if row["low"] is not None else row
               for row in s.numbers]
    corroborated = {**s.corroborated, "entries": [{**c, "href": pair_href(root, c["source_id"], c["pair_id"]),
                                                   "members": link_claims(c["members"], root, figure_at)}
                                                  for c in s.corroborated["entries"]]}
    timeline = {**s.timeline, "days": [{**d, "events": [{**e, "also": link_claims(e.get("also", []), root, figure_at)}
                                                         for e in link_claims(d["events"], root, figure_at)]}
                                       for d in s.timeline["days"]],
                "as_stated": link_claims(s.timeline["as_stated"], root, figure_at)}
    disputes = [{**d, "claims": link_claims(d["claims"], root, figure_at)} for d in s.disagreements]
    escapes = None if s.escapes is None else {k: link_claims(v, root, figure_at) for k, v in s.escapes.items()}
    return {"reports": len(story.members), "lead": link_claims(s.lead, root, figure_at), "numbers": numbers,
            "timeline": timeline,
            "actors": [{**a, "statements": link_claims(a["statements"], root, figure_at)} for a in s.actors],
            "corroborated": corroborated, "disagreements": disputes, "escapes": escapes}


def source_list_pages(sources: list[Source], counts: dict[str, int], home: bool = True,
                      counted: dict[str, tuple[int, int]] | None = None) -> list[dict]:
    """The sources, SOURCES_PER_PAGE a page: the first on the home page (or on sources.html when the home
    page lists stories), the rest on sources-N.html."""
    chunks = pages_of(sources, SOURCES_PER_PAGE)
    total = len(chunks)
    first = ("index.html", "index.html#sources") if home else ("sources.html", "sources.html")
    return [{"file": first[0] if n == 1 else numbered("sources", n), "page": n, "pages": total,
             "cards": [source_card(s, counts.get(s.meta.id, 0), "", counted) for s in chunk],
             "pagination": [{"n": i, "href": first[1] if i == 1 else numbered("sources", i), "current": i == n}
                            for i in range(1, total + 1)] if total > 1 else []}
            for n, chunk in enumerate(chunks, 1)]


def page_count(total: int, size: int) -> int:
    return max(1, ceil(total / size))


STORIES_PER_PAGE = 60


def story_url(story_id: str) -> str:
    return f"stories/{story_id}.html"


def headline_range(story: Story) -> str:
    """The story's first headline number of what its reports tell happened, as a range ("Killed or died: 120 to
    123"), from the counts of its reports' opening paragraphs (summary.opening_figures); of everyone killed when
    the reports give such a count and the first row's ends count one side each; a story with only running
    totals, rates, earlier events and the like there shows none on its card (its page lists them, each labelled:
    a card has no room to say "since the war began")."""
    rows = story.summary.card
    row = next((r for r in rows if not r.get("scope")), None)
    if row is None:
        return ""
    whole = next((r for r in rows if not r.get("scope") and r.get("grouped") and r["low"] is not None
                  and r["category"] == row["category"] and not r["low"].get("group") and not r["high"].get("group")),
                 None)
    label = row["label"].split(",")[0]
    if whole is not None and row["low"] is not None and (row["low"].get("group") or row["high"].get("group")):
        row, label = whole, whole["label"].split(":")[0]  # (a card quotes the toll of everyone when reports give one:
        #   not "13 ISIS members to 123", one side's dead in one raid against the whole, read as a dispute)
    if row["low"] is None:
        return f"{label}: {', '.join(row['vague'])}"  # "Wounded: dozens"
    low, high = _counted(row["low"]), _counted(row["high"])
    one = row["same"] and low == high or (row["low"]["value"] == row["high"]["value"] and not row["high"].get("group")
                                          and not row["high"].get("corrected"))
    return f"{label}: {low}" + ("" if one else f" to {high}")  # (not "13 ISIS members to 13")


def _counted(claim: dict) -> str:
    """A count as a card or the feed shows it: with who was counted when the report says ("13 ISIS members to
    123": the low end was one side's dead in one raid, the high the whole toll), and an editor's correction."""
    return claim["value"] + (f" {claim['group']}" if claim.get("group") else "") \
        + (" (corrected by an editor)" if claim.get("corrected") else "")


def from_outlets(members: list[Source]) -> str:
    """ "from 3 outlets", or "from 1 outlet and 2 of no named outlet": a report whose outlet nothing names
    ("Unknown outlet (file)") is no second outlet confirming the first (a review found "3 reports from 3
    outlets" where two were unknown)."""
    named = {s.meta.outlet for s in members if s.meta.provenance.get("outlet") != "derived"}
    unnamed = sum(1 for s in members if s.meta.provenance.get("outlet") == "derived")
    if not unnamed:
        return f"from {plural(len(named), 'outlet')}"
    return (f"from {plural(len(named), 'outlet')} and {unnamed} of no named outlet" if named
            else "of no named outlet")


def story_card(story: Story, briefing: Briefing, root: str) -> dict:
    by_id = briefing.by_id
    members = [by_id[m] for m in story.members]
    first, last = story.span
    outlets = len({s.meta.outlet for s in members})
    dated = f", dated {first}" + (f" to {last}" if last != first else "") if first else ", undated"
    origin = from_outlets(members)
    return {"id": story.id, "href": f"{root}{story_url(story.id)}", "title_ar": story.title_ar,
            "title_en": story.title_en, "reports": len(members), "outlets": outlets, "from_outlets": origin,
            "covers": f"{plural(len(members), 'Arabic report')} {origin}{dated}.",
            "first": first, "last": last, "figure": headline_range(story),
            # what happened, in a sentence: the story's first lead sentence (a card said only its title and a number)
            "lead": link_claims(story.summary.lead[:1], root, {})[0] if story.summary.lead else None,
            "outlet": members[0].meta.outlet, "source_href": f"{root}{source_url(members[0].meta.id)}"}


def _activity(story: Story) -> tuple:
    """Newest activity first; undated stories after the dated ones."""
    return (story.span[1] != "", story.span[1], story.id)


def story_list_pages(briefing: Briefing) -> list[dict]:
    """The home page's list of stories, STORIES_PER_PAGE a page: stories with two or more reports first,
    newest activity first, then single reports, compactly."""
    several = sorted((s for s in briefing.stories if len(s.members) > 1), key=_activity, reverse=True)
    single = sorted((s for s in briefing.stories if len(s.members) == 1), key=_activity, reverse=True)
    ordered = [(s, True) for s in several] + [(s, False) for s in single]
    chunks = pages_of(ordered, STORIES_PER_PAGE)
    total = len(chunks)
    return [{"file": "index.html" if n == 1 else numbered("stories", n), "page": n, "pages": total,
             "several": [story_card(s, briefing, "") for s, full in chunk if full],
             "single": [story_card(s, briefing, "") for s, full in chunk if not full],
             "counts": {"stories": len(briefing.stories), "several": len(several), "single": len(single)},
             "pagination": [{"n": i, "href": numbered("stories", i) if i > 1 else "index.html", "current": i == n}
                            for i in range(1, total + 1)] if total > 1 else []}
            for n, chunk in enumerate(chunks, 1)]


def story_page(story: Story, briefing: Briefing, counted: dict[str, tuple[int, int]] | None = None) -> dict:
    """A story's own briefing page, at stories/<id>.html."""
    by_id = briefing.by_id
    own = briefing.figures_of(story.members)
    figure_at = figure_pages(own, by_id, base=f"stories/{story.id}-figures")
    counts: dict[str, int] = {}
    for figure in own:
        if figure.is_people:
            counts[figure.source_id] = counts.get(figure.source_id, 0) + 1
    pending = len({text for m in story.members for text in _pending(by_id[m])})  # as the site's total counts
    return {**summary_view(story, "../", figure_at), "story": story_card(story, briefing, "../"), "why": story.why,
            "figures_href": f"{story.id}-figures.html" if has_figures_page(own) else "", "pending": pending,
            "cards": [source_card(by_id[m], counts.get(m, 0), "../", counted) for m in story.members],
            "related": [{**story_card(briefing.story_by_id[r.story], briefing, "../"), "words": list(r.words)}
                        for r in story.related]}


def has_figures_page(figures: list[Figure]) -> bool:
    """A story has a key-figures page when it has a count of people to show, or one an editor rejected; a
    story without either (most single reports of a mixed pile) says so on its page instead of linking to an
    empty one. Its other numbers are in the data files, like every story's."""
    return any(f.is_people or f.review == "rejected" for f in figures)


def _pending(source: Source) -> list[str]:
    """The texts of a source still without English: its headline, its outlet's name, its sentences."""
    return [*([source.meta.headline] if source.headline_en.status == "pending" else []),
            *([source.meta.outlet] if source.outlet_en.status == "pending" else []),
            *(who for who, english in source.speakers_en if english.status == "pending"),
            *(s.ar for p in source.pairs for s in p.sentences if s.status == "pending")]


def story_figure_views(story: Story, briefing: Briefing, disputes: list[dict]) -> list[dict]:
    """The story's key-figures pages (chart from its own figures only), with the disagreements of its story
    page (story_page(...)["disagreements"])."""
    views = figures_views(briefing.figures_of(story.members), briefing.by_id, disputes,
                          base=f"stories/{story.id}-figures")
    for view in views:
        view["story"] = story_card(story, briefing, "../")
        for link in view["pagination"]:
            link["href"] = link["href"].removeprefix("stories/")
        view["index"] = [{**entry, "href": entry["href"].removeprefix("stories/")} for entry in view["index"]]
    return views


def _both(english: str, arabic: str) -> str:
    return f"{english} — {arabic}" if english and arabic and english != arabic else (english or arabic)


def source_share(source: Source) -> dict:
    """What a link to a source page shows in social media and chat apps: its headline in both languages."""
    meta = source.meta
    english = source.headline_en.text if source.headline_en.status != "pending" else ""
    return {"title": english or meta.headline, "type": "article",
            "description": _both(english, meta.headline) + f" ({meta.outlet}{', ' + meta.date[:10] if meta.date else ''})"}


def story_share(story: Story) -> dict:
    first, last = story.span
    dated = f", {first}" + (f" to {last}" if last != first else "") if first else ""
    return {"title": story.title_en or story.title_ar, "type": "article",
            "description": _both(story.title_en, story.title_ar) + f" ({plural(len(story.members), 'report')}{dated})"}
