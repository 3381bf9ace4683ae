"""What the key-figures page shows: rows per category, disagreements between sources, and a chart.

All computed here, at build time; the templates only print. The chart is inline SVG (no script,
readable in print) with a table equivalent and a text description.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..models import Figure, Source
from .figures import rules

CATEGORY_LABELS = {
    "killed": "Killed", "wounded": "Wounded", "escaped": "Escaped or fled", "recaptured": "Recaptured",
    "hostages": "Taken hostage or captive", "arrested": "Arrested or captured", "detained": "Detained or held",
    "displaced": "Displaced", "surrendered": "Surrendered", "attackers": "Attackers", "other": "Other counts",
}


def group_label(group: str) -> str:
    return rules()["groups"][group]["label"] if group else "not stated"


def figure_value(figure: Figure) -> str:
    """"at least 120", "2,000–4,000", "about 12,000", "dozens"."""
    if figure.vague:
        number = figure.vague
    elif figure.value is not None:
        number = f"{figure.value:,}"
    else:
        number = f"{figure.low:,}–{figure.high:,}"
    return f"{figure.qualifier} {number}".strip()


def sort_key(figure: Figure, sources: dict[str, Source]) -> tuple:
    date = sources[figure.source_id].meta.date
    return (date == "", date, sources[figure.source_id].meta.outlet)


def figure_view(figure: Figure, index: int, sources: dict[str, Source], root: str) -> dict:
    start = figure.ar.find(figure.match)
    before, after = (figure.ar[:start], figure.ar[start + len(figure.match):]) if start >= 0 else (figure.ar, "")
    meta = sources[figure.source_id].meta
    context = " ".join([*before.split()[-3:], figure.match, *after.split()[:3]]) if start >= 0 else figure.ar
    return {"id": f"fig-{index}", "context": context, "value": figure_value(figure), "unit": figure.unit,
            "category": figure.category, "category_label": CATEGORY_LABELS[figure.category],
            "group": group_label(figure.group), "claimant": figure.claimant or "the outlet's own reporting",
            "outlet": meta.outlet, "date": meta.date[:10], "stated_day": figure.stated_day,
            "ar_before": before, "ar_match": figure.match if start >= 0 else "", "ar_after": after,
            "en": figure.en, "href": f"{root}sources/{figure.source_id}.html#{figure.pair_id}"}


def disagreements(figures: list[Figure], sources: dict[str, Source], ids: dict[int, str]) -> list[dict]:
    """Same category and group, different values from different sources or dates: shown together."""
    by_key: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.group and figure.category != "other":
            by_key[(figure.category, figure.group)].append(figure)
    out = []
    for (category, group), claims in by_key.items():
        values = {figure_value(f) for f in claims}
        origins = {(f.source_id, sources[f.source_id].meta.date) for f in claims}
        if len(values) > 1 and len(origins) > 1:
            claims = sorted(claims, key=lambda f: sort_key(f, sources))
            out.append({"category": category, "label": f"{CATEGORY_LABELS[category]}: {group_label(group)}",
                        "claims": [{"value": figure_value(f), "claimant": f.claimant or "the outlet",
                                    "outlet": sources[f.source_id].meta.outlet,
                                    "date": sources[f.source_id].meta.date[:10] or "date not stated",
                                    "href": f"#{ids[id(f)]}"} for f in claims]})
    return sorted(out, key=lambda d: list(CATEGORY_LABELS).index(d["category"]))


def chart(figures: list[Figure], sources: dict[str, Source], category: str = "killed") -> dict:
    """Numbers of one category by group and source: SVG bars, a table with the same data, and a sentence."""
    rows: dict[tuple[str, str], Figure] = {}
    for figure in sorted(figures, key=lambda f: sort_key(f, sources)):
        number = figure.value if figure.value is not None else figure.high
        if figure.category != category or number is None:
            continue
        key = (group_label(figure.group), sources[figure.source_id].meta.outlet)
        best = rows.get(key)
        if best is None or number > (best.value if best.value is not None else best.high or 0):
            rows[key] = figure
    ordered = sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1]))
    if not ordered:
        return {"svg": "", "table": [], "label": CATEGORY_LABELS[category], "by_group": []}
    numbers = [f.value if f.value is not None else f.high for _, f in ordered]
    width, label_w, bar_h, gap = 680, 330, 22, 6
    height = len(ordered) * (bar_h + gap) + gap
    top = max(numbers) or 1
    parts = [f'<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 {width} {height}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="chart-title">{escape(CATEGORY_LABELS[category])}, by group and source</title>',
             f'<desc id="chart-desc">{escape(_describe(ordered, category))}</desc>']
    for i, ((group, outlet), figure) in enumerate(ordered):
        y = gap + i * (bar_h + gap)
        number = numbers[i]
        length = max(2, int((width - label_w - 70) * number / top))
        parts += [f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" class="chart-label">'
                  f'{escape(group)} · <tspan direction="rtl" unicode-bidi="embed">{escape(outlet)}</tspan></text>',
                  f'<rect x="{label_w}" y="{y}" width="{length}" height="{bar_h}" class="chart-bar"/>',
                  f'<text x="{label_w + length + 6}" y="{y + 15}" class="chart-value">{escape(figure_value(figure))}</text>']
    parts.append("</svg>")
    table = [{"group": g, "outlet": o, "value": figure_value(f)} for (g, o), f in ordered]
    described: dict[str, list[dict]] = defaultdict(list)
    for row in table:
        described[row["group"]].append(row)
    return {"svg": "\n".join(parts), "table": table, "label": CATEGORY_LABELS[category],
            "by_group": [{"group": g, "claims": rows} for g, rows in described.items()]}


def _describe(ordered: list, category: str) -> str:
    by_group: dict[str, list[str]] = defaultdict(list)
    for (group, outlet), figure in ordered:
        by_group[group].append(f"{figure_value(figure)} according to {outlet}")
    return f"{CATEGORY_LABELS[category]}, as each source reports it: " + "; ".join(
        f"{group}: {', '.join(claims)}" for group, claims in by_group.items()) + "."


def figures_page(figures: list[Figure], sources: dict[str, Source], root: str = "") -> dict:
    """Everything figures.html prints."""
    ids = {id(f): f"fig-{i}" for i, f in enumerate(figures, 1)}
    groups: dict[str, list[dict]] = defaultdict(list)
    for index, figure in sorted(enumerate(figures, 1), key=lambda item: sort_key(item[1], sources)):
        groups[figure.category].append(figure_view(figure, index, sources, root))
    return {"groups": [{"key": k, "label": label, "rows": groups[k]} for k, label in CATEGORY_LABELS.items()
                       if groups[k]],
            "disagreements": disagreements(figures, sources, ids), "chart": chart(figures, sources),
            "total": len(figures)}
