"""The Arabic knowledge of typed numbers, read once from number_rules.yml into token-keyed lookups.

Every word is normalised (generator.arabic.normalize); a sentence word matches an entry through its forms
with and without proclitics (generator.arabic.clitic_forms). A missing or misspelt section of the rules
file raises ValueError naming the file and the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

import pyarabic.number as arnumber
import yaml

from ..arabic import normalize

RULES = Path(__file__).with_name("number_rules.yml")
_SOUND = ("ون", "ين", "ي", "ان", "ا")  # what "+" adds: plurals, construct, dual, accusative
WEAK = "~"  # marks a category of people_cues: it names what happened to people, never that they are people


@dataclass(frozen=True)
class Phrases:
    """Phrases (tuples of normalised words) with a value, keyed by first and by last word, longest first."""

    forward: dict[str, tuple[tuple[tuple[str, ...], Any], ...]]
    backward: dict[str, tuple[tuple[tuple[str, ...], Any], ...]]

    def word(self, word: str) -> Any:
        """The value of a one-word entry, or None."""
        return next((value for words, value in self.forward.get(word, ()) if len(words) == 1), None)

    def absent(self, forms: Sequence[tuple[str, ...]]) -> bool:
        """No phrase starts with a form of these tokens: at() finds nothing at any of them (most sentences)."""
        return self.forward.keys().isdisjoint(f for token in forms for f in token)

    def starts(self, forms: Sequence[tuple[str, ...]]) -> list[int]:
        """The tokens a phrase may start at (a form of theirs is some phrase's first word), in order: at() finds
        nothing at the others. (One look-up a token instead of a call of at() each.)"""
        disjoint = self.forward.keys().isdisjoint
        return [k for k, token in enumerate(forms) if not disjoint(token)]

    def at(self, forms: Sequence[tuple[str, ...]], i: int) -> tuple[int, Any] | None:
        """The longest phrase starting at token i: (its length in tokens, its value)."""
        if not 0 <= i < len(forms):
            return None
        for form in forms[i]:
            for words, value in self.forward.get(form, ()):
                if i + len(words) <= len(forms) and all(_inner(w, forms[i + k], k) for k, w in enumerate(words)):
                    return len(words), value
        return None

    def ending(self, forms: Sequence[tuple[str, ...]], j: int) -> tuple[int, Any] | None:
        """The longest phrase ending at token j: (its length in tokens, its value)."""
        if not 0 <= j < len(forms):
            return None
        for form in forms[j]:
            for words, value in self.backward.get(form, ()):
                i = j - len(words) + 1
                if i >= 0 and all(_inner(w, forms[i + k], k) for k, w in enumerate(words)):
                    return len(words), value
        return None


def _inner(word: str, forms: tuple[str, ...], k: int) -> bool:
    """A phrase's k-th word among a token's forms; after the first, not behind the conjunction و: "حالة ووفاة
    شخصين" is a case (of injury) and a death, not "حالة وفاة"."""
    return word in forms and (k == 0 or "و" + word not in forms)


def phrases(items: Iterable[tuple[str, Any]]) -> Phrases:
    """A Phrases table from (phrase, value) pairs, the phrase in any spelling."""
    forward: dict[str, list] = {}
    backward: dict[str, list] = {}
    for text, value in items:
        words = tuple(normalize(text).split())
        if words:
            forward.setdefault(words[0], []).append((words, value))
            backward.setdefault(words[-1], []).append((words, value))

    def ordered(table: dict[str, list]) -> dict[str, tuple]:
        return {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in table.items()}
    return Phrases(ordered(forward), ordered(backward))


def _expand(entry: str) -> list[str]:
    """An entry and the forms it stands for: "+" adds sound plurals, construct and dual; all get -ا."""
    word = normalize(entry.rstrip("+"))
    forms = [word, word + "ا"]
    if entry.endswith("+"):
        forms += [word + suffix for suffix in _SOUND]
    return forms


def _feminine_plural(entry: str) -> list[str]:
    """ "بلدة" → "بلدات": a thing ending in taa marbuta also stands for its sound feminine plural."""
    word = normalize(entry)
    return [word[:-1] + "ات"] if " " not in word and word.endswith("ه") and len(word) >= 4 else []


def _labelled(spec: dict[str, list[str]], expand: bool = False) -> Phrases:
    return phrases((form, label) for label, entries in spec.items() for e in entries
                   for form in (_expand(e) if expand else [e]))


def _weak(spec: dict[str, list[str]]) -> Phrases:
    """A labelled table whose labels are weak (WEAK): they name what happened only to a count of people."""
    return phrases((e, WEAK + label) for label, entries in spec.items() for e in entries)


def _plain(entries: list[str]) -> Phrases:
    return phrases((e, e) for e in entries)


def _words(entries: list[str]) -> frozenset[str]:
    return frozenset(normalize(e) for e in entries)


def _nouns(entries: list[str]) -> frozenset[str]:
    return frozenset(form for e in entries for form in _expand(e))


def _number_words(extra: dict[str, int]) -> dict[str, int]:
    table = {normalize(w): v for w, v in arnumber.nbconst.NUMBER_WORDS.items()}
    return table | {normalize(w): int(v) for w, v in extra.items()}


def _currencies(spec: list[dict]) -> Phrases:
    """Currency words with (code, {adjective: code})."""
    return phrases((w, (c["code"], {normalize(a): code for a, code in c.get("adjectives", {}).items()}))
                   for c in spec for w in c["words"])


def _qualifiers(spec: dict[str, dict[str, list[str]]]) -> tuple[Phrases, Phrases]:
    return _labelled(spec["before"]), _labelled(spec["after"])


def _dual_stems(spec: dict[str, list[str]], *lists: list[str]) -> dict[str, bool]:
    """Singular nouns that form a counted dual, and whether their -ين form is also a plural (sound "+")."""
    stems = {normalize(e.rstrip("+")): e.endswith("+") for entries in spec.values() for e in entries}
    for entries in lists:
        stems |= {normalize(e.rstrip("+")): e.endswith("+") for e in entries if " " not in e}
    return stems


@dataclass(frozen=True)
class Lexicon:
    """Every table of number_rules.yml, built for lookups by sentence token."""

    number_words: dict[str, int]
    not_duals: frozenset[str]
    dual_copulas: frozenset[str]
    teen_heads: frozenset[str]
    teen_words: frozenset[str]
    weekday_words: frozenset[str]
    ordinal_words: frozenset[str]
    one_words: frozenset[str]
    one_not_before: frozenset[str]
    zero_words: frozenset[str]
    multipliers: dict[str, int]
    vague: Phrases
    qualifiers: tuple[Phrases, Phrases]
    range_words: dict[str, frozenset[str] | Phrases]
    percent_words: Phrases
    percent_signs: frozenset[str]
    ratio_words: Phrases
    ratio_phrases: Phrases
    ratio_before: Phrases
    ratio_one: frozenset[str]
    ratio_rates: frozenset[str]
    currencies: Phrases
    measure_units: Phrases
    time_units: Phrases
    age_units: frozenset[str]
    age_only_units: frozenset[str]
    age_before: Phrases
    age_after: Phrases
    age_words: Phrases
    age_bare_before: Phrases
    age_groups: frozenset[str]
    duration_before: Phrases
    decade_units: frozenset[str]
    age_comparisons: Phrases
    death_words: Phrases
    year_before: Phrases
    era_suffixes: frozenset[str]
    bare_year_before: frozenset[str]
    year_after: Phrases
    months: Phrases
    month_refs: Phrases
    time_before: Phrases
    time_after: Phrases
    ordinal_before: Phrases
    identifier_before: Phrases
    identifier_after: frozenset[str]
    letter_names: frozenset[str]
    company_before: frozenset[str]
    case_nouns: frozenset[str]
    place_nouns: frozenset[str]
    span_ends: frozenset[str]
    of_them: frozenset[str]
    medical_context: Phrases
    title_before: frozenset[str]
    score_words: Phrases
    score_before: Phrases
    goal_nouns: frozenset[str]
    score_links: frozenset[str]
    capacity_before: Phrases
    limit_after: Phrases
    limit_before: Phrases
    permission_verbs: frozenset[str]
    capacity_words: Phrases
    rule_words: Phrases
    fate_words: frozenset[str]
    point_nouns: frozenset[str]
    index_context: Phrases
    point_compounds: frozenset[str]
    point_plans: frozenset[str]
    magnitude_before: Phrases
    magnitude_after: Phrases
    magnitude_context: Phrases
    human_nouns: Phrases
    state_categories: frozenset[str]
    member_nouns: frozenset[str]
    state_context: Phrases
    nisba_not_people: frozenset[str]
    nationalities: frozenset[str]
    things: Phrases
    cues_before: Phrases
    cues_after: Phrases
    adjacent_cues_after: frozenset[str]
    spent_lookalikes: frozenset[str]
    ruling_words: frozenset[str]
    masdars: Phrases
    per_before: frozenset[str]
    denials: frozenset[str]
    denying_masdars: frozenset[str]
    denial_auxiliaries: frozenset[str]
    exceptives: frozenset[str]
    until_words: frozenset[str]
    able_verbs: frozenset[str]
    failing_verbs: frozenset[str]
    denial_lookalikes: frozenset[str]
    denial_breaks: frozenset[str]
    one_restrictions: frozenset[str]
    cue_lookalikes: frozenset[str]
    day_asides: frozenset[str]
    people_cues: Phrases
    armed_nouns: frozenset[str]
    reflexives: Phrases
    carried_out: frozenset[str]
    fatal_words: frozenset[str]
    again_verbs: frozenset[str]
    wounding_verbs: frozenset[str]
    treatment_words: Phrases
    evacuation_words: Phrases
    deal_words: frozenset[str]
    under_words: frozenset[str]
    suspension_words: Phrases
    illness_words: Phrases
    fire_verbs: Phrases
    fire_objects: Phrases
    storm_verbs: Phrases
    flight_cues: Phrases
    prison_words: Phrases
    sport_neutral: frozenset[str]
    toll_phrases: Phrases
    toll_links: frozenset[str]
    toll_victims: frozenset[str]
    lethal_events: frozenset[str]
    camp_staff: frozenset[str]
    subset_cues: Phrases
    coordinators: Phrases
    versus_words: Phrases
    parliament_words: Phrases
    breath_words: frozenset[str]
    breath_verbs: frozenset[str]
    release_words: frozenset[str]
    hospital_words: Phrases
    lives_words: frozenset[str]
    reap_verbs: frozenset[str]
    home_words: Phrases
    return_verbs: frozenset[str]
    batch_before: frozenset[str]
    graduation_words: frozenset[str]
    office_nouns: frozenset[str]
    spared_words: Phrases
    holders: Phrases
    apposition_cues: frozenset[str]
    outbreak_words: Phrases
    infected_nouns: frozenset[str]
    violence_words: Phrases
    hostage_takers: frozenset[str]
    count_heads: Phrases
    count_adjectives: frozenset[str]
    people_relatives: frozenset[str]
    human_verbs_before: frozenset[str]
    kin_words: frozenset[str]
    former_words: frozenset[str]
    guest_words: frozenset[str]
    kidnapper_verbs: frozenset[str]
    wound_words: frozenset[str]
    sized_links: frozenset[str]
    money_words: Phrases
    vague_not_people_after: frozenset[str]
    verb_lookalikes: frozenset[str]
    others_words: frozenset[str]
    broken_plurals: frozenset[str]
    waw_stems: frozenset[str]
    people_after: frozenset[str]
    people_before: frozenset[str]
    their_number: frozenset[str]
    collectives: frozenset[str]
    reach_verbs: frozenset[str]
    campaign_nouns: frozenset[str]
    campaign_masdars: Phrases
    amounting: frozenset[str]
    scan_through: frozenset[str]
    boundary_words: frozenset[str]
    function_words: frozenset[str]
    quantity_verbs: frozenset[str]
    groups: Phrases
    group_pass: frozenset[str]
    unnamed_groups: frozenset[str]
    organisations: frozenset[str]
    extremist_nouns: frozenset[str]
    forces_groups: dict[str, str]
    nationality_plurals: dict[str, str]
    group_agents: Phrases
    demand_words: frozenset[str]
    demanded_masdars: frozenset[str]
    demand_breaks: frozenset[str]
    demand_to: frozenset[str]
    sentence_words: frozenset[str]
    quantity_heads: frozenset[str]
    per_words: frozenset[str]
    that_words: frozenset[str]
    reporting_words: Phrases
    carrying_reporting: frozenset[str]
    inside_speakers: frozenset[str]
    inside_links: frozenset[str]
    figure_heads: frozenset[str]
    speaker_nouns: frozenset[str]
    unnamed_officials: frozenset[str]
    unnamed_trades: dict[str, str]
    bare_actors: frozenset[str]
    office_titles: Phrases
    roles: Phrases
    actors: Phrases
    state_bodies: frozenset[str]
    media_actors: frozenset[str]
    speaking_verbs: frozenset[str]
    continuation_verbs: frozenset[str]
    continuation_links: frozenset[str]
    anaphoric_heads: frozenset[str]
    statement_verbs: frozenset[str]
    according_words: frozenset[str]
    according_sources: frozenset[str]
    named_stops: frozenset[str]
    media_words: frozenset[str]
    not_speakers: frozenset[str]
    not_names: frozenset[str]
    moving_words: frozenset[str]
    when_words: frozenset[str]
    speaker_links: frozenset[str]
    speaker_heads: frozenset[str]
    construct_heads: frozenset[str]
    document_roles: frozenset[str]
    state_name_continues: frozenset[str]
    state_holders: Phrases
    countries: Phrases
    demonyms: dict[str, str]
    category_labels: dict[str, str]
    group_labels: dict[str, str]
    dual_stems: dict[str, bool]
    listed_nouns: frozenset[str]
    role_labels: frozenset[str]  # the labels of roles (offices, not bodies)
    number_starts: frozenset[str]  # the words a number expression can start with (besides digits and duals)


_BUILDERS = {
    "number_words": _number_words, "multipliers": lambda s: {normalize(w): int(v) for w, v in s.items()},
    "vague": lambda s: phrases(s.items()), "qualifiers": _qualifiers,
    "range_words": lambda s: {"to": _words(s["to"]), "or": _words(s["or"]), "between": _plain(s["between"]),
                              "change": _plain(s["change"])},
    "percent_signs": frozenset, "currencies": _currencies, "measure_units": _labelled, "time_units": _labelled,
    "human_nouns": lambda s: _labelled(s, expand=True), "cues_before": _labelled, "cues_after": _labelled, "toll_phrases": _labelled,
    "groups": lambda s: phrases((p, key) for key, g in s.items() for p in g["phrases"]),
    "actors": _labelled, "roles": _labelled, "count_heads": _labelled, "countries": _labelled,
    "state_bodies": lambda s: frozenset(map(str, s)), "state_holders": _labelled,
    "media_actors": lambda s: frozenset(map(str, s)), "document_roles": lambda s: frozenset(map(str, s)),
    "day_asides": _words, "cue_lookalikes": _words, "per_before": _words, "people_cues": _weak, "campaign_masdars": _weak, "sport_neutral": frozenset, "category_labels": lambda s: {str(k): str(v) for k, v in s.items()}, "demonyms": lambda s: {str(k): str(v) for k, v in s.items()}, "member_nouns": _nouns, "infected_nouns": _nouns, "armed_nouns": _nouns, "state_categories": frozenset, "hostage_takers": frozenset, "unnamed_groups": frozenset, "organisations": frozenset, "extremist_nouns": _words, "forces_groups": lambda s: {str(k): str(v) for k, v in s.items()}, "inside_speakers": frozenset,
    "nationality_plurals": lambda s: {normalize(w): str(k) for k, ws in s.items() for w in ws},
    "unnamed_trades": lambda s: {normalize(w): str(k) for k, ws in s.items() for w in ws},
    "things": lambda s: phrases((f, e) for e in s for f in _expand(e) + _feminine_plural(e)),
}
_PHRASE_LISTS = {"percent_words", "ratio_words", "ratio_phrases", "age_before", "age_after", "age_words", "age_bare_before",
                 "age_comparisons", "death_words", "reflexives", "money_words", "duration_before", "ratio_before", "score_before", "treatment_words",
                 "evacuation_words", "year_after", "suspension_words", "year_before", "months", "month_refs",
                 "time_before", "time_after", "ordinal_before", "identifier_before", "score_words", "capacity_before", "limit_after", "limit_before", "capacity_words", "rule_words", "index_context",
                 "magnitude_before", "magnitude_after", "magnitude_context", "state_context", "flight_cues", "masdars",
                 "illness_words", "fire_verbs", "fire_objects", "storm_verbs",
                 "prison_words", "medical_context", "subset_cues", "coordinators", "reporting_words", "group_agents", "office_titles",
                 "holders", "outbreak_words", "violence_words", "spared_words", "versus_words", "parliament_words",
                 "home_words", "hospital_words"}
_DERIVED = {"group_labels", "dual_stems", "listed_nouns", "number_starts", "role_labels"}


def _build(key: str, spec: Any) -> Any:
    if key in _BUILDERS:
        return _BUILDERS[key](spec)
    if key in _PHRASE_LISTS:
        return _plain(spec)
    return _words(spec)


def load(path: Path = RULES) -> Lexicon:
    """Read and validate a rules file into a Lexicon; ValueError names the file and the key at fault."""
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    sections = re.findall(r"^([A-Za-z_]\w*):", text, re.MULTILINE)  # (YAML keeps the last of a key written twice)
    if twice := sorted({k for k in sections if sections.count(k) > 1}):
        raise ValueError(f"{path}: section '{twice[0]}' is written twice (the second would silently replace the first)")
    expected = [f.name for f in fields(Lexicon) if f.name not in _DERIVED]
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of sections")
    for key in expected:
        if key not in data:
            raise ValueError(f"{path}: missing section '{key}'")
    for key in data:
        if key not in expected:
            raise ValueError(f"{path}: unknown section '{key}' (misspelt?)")
    built = {}
    for key in expected:
        try:
            built[key] = _build(key, data[key])
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: section '{key}' is malformed ({exc})") from exc
    _check_categories(path, data)
    for section in ("state_bodies", "media_actors", "document_roles"):
        if unknown := sorted(set(map(str, data[section])) - set(data["actors"]) - set(data["roles"])):
            raise ValueError(f"{path}: {section}: '{unknown[0]}' is no label of actors or roles")
    _check_nouns(path, data["human_nouns"])
    if missing := sorted(set(map(str, data["countries"])) - set(map(str, data["demonyms"]))):
        raise ValueError(f"{path}: demonyms: country '{missing[0]}' has none")
    if unknown := sorted(set(map(str, data["demonyms"])) - set(map(str, data["countries"]))):
        raise ValueError(f"{path}: demonyms: '{unknown[0]}' is no country of countries")
    if unknown := sorted(set(map(str, data["nationality_plurals"])) - set(map(str, data["countries"]))):
        raise ValueError(f"{path}: nationality_plurals: '{unknown[0]}' is no country of countries")
    if unknown := sorted(set(map(str, data["forces_groups"])) - set(map(str, data["countries"]))):
        raise ValueError(f"{path}: forces_groups: '{unknown[0]}' is no country of countries")
    if unknown := sorted(set(map(str, data["forces_groups"].values())) - set(data["groups"])):
        raise ValueError(f"{path}: forces_groups: '{unknown[0]}' is no group of groups")
    for section in ("unnamed_groups", "organisations", "hostage_takers"):
        if unknown := sorted(set(map(str, data[section])) - set(data["groups"])):
            raise ValueError(f"{path}: {section}: '{unknown[0]}' is no group of groups")
    built["group_labels"] = {key: g["label"] for key, g in data["groups"].items()}
    built["dual_stems"] = _dual_stems(data["human_nouns"], data["things"], data["member_nouns"],
                                      [w for ws in data["time_units"].values() for w in ws])
    nouns = [*[e for es in data["human_nouns"].values() for e in es], *data["things"], *data["member_nouns"],
             *[w for ws in data["time_units"].values() for w in ws]]
    built["listed_nouns"] = frozenset(normalize(e) for e in nouns if not e.endswith("+"))
    built["role_labels"] = frozenset(map(str, data["roles"]))
    built["number_starts"] = frozenset(built["vague"].forward) | built["zero_words"] | frozenset(built["number_words"])
    return Lexicon(**built)


_NOT_CATEGORIES = {"", "none", "sentence", "flight", "lost", "captured", "handed", "received", "departed", "exposed",
                   WEAK + "held", WEAK + "camp"}  # markers in the cue tables, not categories of people


def _check_categories(path: Path, data: dict) -> None:
    """Every category the rules can give must have a label (so a page never meets one it cannot name)."""
    labels = data["category_labels"]
    for section in ("human_nouns", "cues_before", "cues_after", "toll_phrases", "people_cues"):
        for name in data[section]:
            if name not in _NOT_CATEGORIES and name not in labels:
                raise ValueError(f"{path}: {section}: category '{name}' has no label in category_labels")
    for name in data["state_categories"]:
        if name not in labels:
            raise ValueError(f"{path}: state_categories: category '{name}' has no label in category_labels")


def _check_nouns(path: Path, nouns: dict[str, list[str]]) -> None:
    """A noun for people (in any form its entry stands for) is listed under one category only: the first
    listing would win without a word, and the second would be dead."""
    seen: dict[str, tuple[str, str]] = {}
    for name, entries in nouns.items():
        for entry in entries:
            for form in dict.fromkeys(_expand(entry)):
                first = seen.setdefault(form, (name, entry))
                if first[0] != name:
                    raise ValueError(f"{path}: human_nouns: '{entry}' ({name or 'other people'}) is also listed as "
                                     f"'{first[1]}' ({first[0] or 'other people'})")


@cache
def lexicon() -> Lexicon:
    """The generator's rules, loaded once."""
    return load()
