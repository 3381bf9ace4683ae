"""Temporary: today's figure rules behind the analysis stage's interface (numbers_in, claimant_of),
until the typed number analysis replaces them."""

from __future__ import annotations

from ..arabic import normalize
from ..models import Number
from .legacy_figures import claimant_of, figures_in, rules


def numbers_in(sentence: str) -> tuple[Number, ...]:
    out = []
    for f in figures_in(sentence, "", "", ""):
        start = sentence.find(f.match)
        category = "" if f.category == "other" else f.category
        out.append(Number(start=max(start, 0), end=max(start, 0) + len(f.match), value=f.value, low=f.low,
                          high=f.high, vague=f.vague, qualifier=f.qualifier,
                          type="people" if category or f.group else "other", category=category or (
                              "other people" if f.group else ""), noun=f.unit, unit="", group=f.group))
    return tuple(out)


def mentions_actor(sentence: str) -> bool:
    normal = f" {normalize(sentence)} "
    return any(f" {normalize(p)} " in normal for ps in rules()["actors"].values() for p in ps)


__all__ = ["claimant_of", "mentions_actor", "numbers_in", "rules"]
