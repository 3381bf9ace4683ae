"""Stage 1: read seed files into decoded, normalised text, whatever bytes a scraper saved."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

from ..arabic import arabic_ratio
from ..errors import SeedError
from ..models import SeedFile

log = logging.getLogger(__name__)

MAX_BYTES = 2_000_000  # a news article is a few tens of kB; more is a mis-save, not an article
# C0/C1 controls except tab and newline; bidi embeddings/overrides/isolates and
# zero-width characters that could reorder or hide text on the page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI_AND_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NBSP = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# UTF-8 Arabic read as Latin-1/Windows-1252 and saved again: "Ø§Ù„Ø®Ø¨Ø±".
_MOJIBAKE = re.compile(r"[ØÙ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark shows as NULs in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for codec, nulls in (("utf-16-le", odd), ("utf-16-be", even)):
        if nulls > len(data) // 8:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _as_single_bytes(text: str) -> bytes | None:
    """The bytes a Windows-1252/Latin-1 reader saw (bytes it could not map pass through as U+0080–U+009F)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            out.append(ord(ch))
    return bytes(out)


def _fix_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 that was decoded as Windows-1252/Latin-1 and saved again, if that is what happened."""
    if len(_MOJIBAKE.findall(text)) < 3:
        return text, False
    raw = _as_single_bytes(text)
    if raw is None:
        return text, False
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return text, False
    return (fixed, True) if arabic_ratio(fixed) > arabic_ratio(text) else (text, False)


def _core_arabic_share(text: str) -> float:
    """Share of letters in the core Arabic alphabet (legacy decoders also yield Persian/Urdu letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum("\u0621" <= ch <= "\u064a" for ch in letters) / len(letters) if len(letters) >= 20 else 0.0


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode a seed's bytes: UTF-8, UTF-16 (with or without BOM), or Windows-1256; fix mojibake."""
    notes = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        notes.append("decoded as UTF-16 (byte-order mark)")
        try:
            return data.decode("utf-16"), notes
        except UnicodeDecodeError as exc:
            raise SeedError(f"{name}: invalid UTF-16 at byte {exc.start}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        notes.append("UTF-8 byte-order mark removed")
    if (text := _utf16_without_bom(data)) is not None:
        return text, [*notes, "decoded as UTF-16 (no byte-order mark)"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _fallback(data, name, exc, notes)
    text, fixed = _fix_mojibake(text)
    if fixed:
        notes.append("mojibake repaired (UTF-8 that had been read as Latin-1)")
    return text, notes


def _fallback(data: bytes, name: str, exc: UnicodeDecodeError, notes: list[str]) -> str:
    """UTF-8 with a few bad bytes replaced; Windows-1256 when that reads as Arabic; else an error."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(3, len(text) // 1000):
        notes.append(f"{bad} invalid UTF-8 byte sequence(s) replaced by �")
        return text
    try:
        legacy = data.decode("cp1256")
        if _core_arabic_share(legacy) >= 0.6:
            notes.append("decoded as Windows-1256 (Arabic legacy encoding)")
            return legacy
    except UnicodeDecodeError:
        pass
    raise SeedError(f"{name}: not valid UTF-8 (first bad byte at offset {exc.start}) nor Windows-1256; "
                    "save it as UTF-8") from None


def normalise_text(text: str) -> tuple[str, list[str]]:
    """Unix newlines, no control, bidi-override or zero-width characters, no lone surrogates, NFC."""
    notes = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    for pattern, what in ((_CONTROL, "control"), (_BIDI_AND_INVISIBLE, "invisible or bidi-control"),
                          (_SURROGATE, "lone surrogate")):
        text, count = pattern.subn("", text)
        if count:
            notes.append(f"{count} {what} character(s) removed")
    text = _NBSP.sub(" ", text)
    return unicodedata.normalize("NFC", text), notes


def read_seed(path: Path, max_bytes: int = MAX_BYTES) -> SeedFile:
    """Read one seed file; raise SeedError naming the file when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SeedError(f"{path.name}: {size:,} bytes is too large for one article (limit {max_bytes:,}); "
                            "split it or check the scraper")
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"{path.name}: cannot be read: {exc.strerror}") from None
    text, notes = decode(data, path.name)
    text, more = normalise_text(text)
    if not text.strip():
        raise SeedError(f"{path.name}: empty file (no text to publish)")
    if arabic_ratio(text) < 0.3:
        raise SeedError(f"{path.name}: the text is not Arabic (mostly Latin script); not translated or published")
    return SeedFile(path=str(path), name=path.name, text=text, notes=tuple(notes + more))


def read_seeds(folder: Path, max_bytes: int = MAX_BYTES) -> tuple[list[SeedFile], list[str]]:
    """Every *.txt in folder, sorted by name, and one error message per unusable file."""
    if not folder.is_dir():
        raise SeedError(f"seed folder {folder} does not exist")
    seeds, errors = [], []
    for path in sorted(folder.glob("*.txt")):
        try:
            seeds.append(read_seed(path, max_bytes))
        except SeedError as exc:
            log.error("%s", exc)
            errors.append(str(exc))
    return seeds, errors
