"""Tokens of one Arabic sentence: words with their normalised forms (with and without proclitics),
runs of digits (any script), Latin words and marks; and the value of a run of digits."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..arabic import ascii_digits, clitic_forms, normalize

_TOKEN = re.compile(r"(?P<num>\d+ر\d+(?![^\W\d_])|\d+(?:[.,٫٬:]\d+)*)|(?P<word>[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06FA-\u06FF]+)"
                    r"|(?P<latin>[A-Za-z]+)|(?P<punct>\S)")
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)  # (and e-mail addresses)
_WWW = re.compile(r"www\.", re.IGNORECASE)  # (with "://", what a URL needs: most sentences have neither)
_new = tuple.__new__
DASHES = frozenset("-–—")
PAIR_SEPARATORS = DASHES | {"/", ":", "×", "x", "X", "*"}


class Token(NamedTuple):
    """A word, a run of digits or a punctuation mark, with its normalised forms (with and without clitics).
    A named tuple: a sentence makes dozens, and a tuple is made several times faster than a frozen dataclass."""

    start: int
    end: int
    text: str
    kind: str  # word | latin | num | punct
    norm: str
    forms: tuple[str, ...]
    glued: bool  # no space before it


@lru_cache(maxsize=65536)
def _word(text: str) -> tuple[str, tuple[str, ...]]:
    norm = normalize(text)
    return norm, _forms(norm)


_CLITIC_START = frozenset("وفبلكا")  # what a word with a proclitic or the article starts with


def _forms(norm: str) -> tuple[str, ...]:
    """Forms longest first. A stripped form shorter than three letters is offered only after و or ف ("وأن",
    "فمن"); none without a first ك, which is far more often a root letter ("كاميرا", "كبيرين") than "like"."""
    if not norm or norm[0] not in _CLITIC_START:
        return (norm,)  # (no proclitic, no article: its only form, what the sets below make, at a third of the cost)
    forms = set(clitic_forms(norm))
    forms |= {"ال" + f[2:] for f in forms if f.startswith("لل") and len(f) > 4}  # لل = ل + ال
    if norm.startswith("ك"):
        forms = {f for f in forms if f == norm or not norm.endswith(f)}
    short = {norm[1:]} if norm[:1] in "وف" and len(norm) == 3 else set()
    # longest first, forms of one length in a fixed order (not a set's, which varies by process): sorted by the
    # form, then stably by length (a C key, not a Python function per form)
    return tuple(f for f in sorted(sorted(forms), key=len, reverse=True) if f == norm or len(f) >= 3 or f in short)


_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {}  # a token as written → its kind, norm and forms


def _kind(text: str, kind: str) -> tuple[str, str, tuple[str, ...]]:
    if kind == "word":
        norm, forms = _word(text)
    else:
        norm = text.lower()
        forms = (norm,)
    if len(_KINDS) < 262144:  # (a pile's vocabulary; a bound for a process that lives on under serve)
        _KINDS[text] = (kind, norm, forms)
    return kind, norm, forms


@lru_cache(maxsize=1024)
def tokenize(sentence: str) -> tuple[Token, ...]:
    """The sentence's tokens; URLs and e-mail addresses are dropped (their numbers are not quantities). Cached:
    numbers, the claimant and the actors of one sentence are read from the same tokens. (Every sentence of a pile passes
    here: it is read a run of non-space characters at a time, and each run as written is split into tokens
    once for the process (a pile repeats its words), so a sentence costs a look-up and a tuple per token;
    no token spans a space, so a run's tokens are the sentence's. The tuples are made with tuple.__new__, not
    the named tuple's own __new__, a Python function.)"""
    plain = ascii_digits(sentence)
    same = plain == sentence  # (Arabic-Indic digits make them differ; the spans are the same)
    out: list[Token] = []
    append, known, find = out.append, _RUNS.get, plain.find
    base = 0
    for run in plain.split():  # (str.split's white space is re's \s: the runs of \S+, without a match object each)
        base = find(run, base)  # (where it stands: after the run before it only white space, which it holds none of)
        for start, end, text, kind, norm, forms in known(run) or _run_tokens(run):
            start, end = base + start, base + end
            append(_new(Token, (start, end, text if same else sentence[start:end], kind, norm, forms, start > base)))
        base += len(run)
    if "://" in plain or "@" in plain or (("w" in plain or "W" in plain) and _WWW.search(plain)):  # (tokens that
        #   start inside a URL or address are dropped; without a "w" no "www.", and no search)
        urls = [m.span() for m in _URL.finditer(plain)]
        out = [t for t in out if not any(low <= t.start < high for low, high in urls)]
    return tuple(out)


_RUNS: dict[str, tuple[tuple[int, int, str, str, str, tuple[str, ...]], ...]] = {}  # a run as written → its tokens


def _run_tokens(run: str) -> tuple[tuple[int, int, str, str, str, tuple[str, ...]], ...]:
    """A run of non-space characters as tokens: (start, end in the run, text, kind, norm, forms)."""
    found = []
    for m in _TOKEN.finditer(run):
        text = m.group()
        kind, norm, forms = _KINDS.get(text) or _kind(text, m.lastgroup or "punct")
        found.append((m.start(), m.end(), text, kind, norm, forms))
    tokens = tuple(found)
    if len(_RUNS) < 262144:  # (a pile's vocabulary; a bound for a process that lives on under serve)
        _RUNS[run] = tokens
    return tokens


def parse_digits(text: str) -> int | float | None:
    """ "72,291" → 72291, "4,5" and "4.5" → 4.5, "2,647.18" → 2647.18; None for "11.2.6" or "14:59". News
    agencies' "ر" decimal is written fraction first: "4ر1" is 1.4, "89ر80" 80.89."""
    if "ر" in text:
        fraction, whole = text.split("ر")
        return float(f"{whole}.{fraction}")
    if re.fullmatch(r"\d{1,3}(?:\.000)+|\d{1,3}(?:\.\d{3}){2,}", text):
        return int(text.replace(".", ""))  # "5.000", "1.742.000": thousands written with points
    if ":" in text or text.count(".") + text.count("٫") > 1:
        return None
    parts = re.split(r"[,٬]", text)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and "." not in parts[0]:
        text = "".join(parts)
    elif len(parts) == 2 and "." not in text:
        text = parts[0] + "." + parts[1]
    else:
        text = "".join(parts)
    number = float(text.replace("٫", "."))
    return int(number) if number.is_integer() else number


def article(text: str) -> bool:
    """Written with the article, after a proclitic: "الليلة", "والموت" (an adjective agrees with its noun)."""
    text = text.replace("ـ", "")
    return text.startswith(("ال", "لل")) or (text[:1] in "وفبلك" and text[1:].startswith(("ال", "لل")))


def present_plural(norm: str) -> bool:
    """A present-tense verb in the masculine plural, as normalised: "يعيشون", "يحسنون" (five letters or more)."""
    return norm[:1] == "ي" and norm.endswith("ون") and len(norm) >= 5
