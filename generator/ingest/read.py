"""Stage 1: read seed files into decoded, normalised text, whatever bytes a scraper saved."""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from ..arabic import arabic_ratio
from ..cache import Cache, key
from ..errors import SeedError
from ..files import SEED_LIMIT, UnsafeFile, read_bytes, regular_files
from ..models import SeedFile

log = logging.getLogger(__name__)

# C0/C1 controls except tab and newline; bidi embeddings/overrides/isolates and
# zero-width characters that could reorder or hide text on the page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI_AND_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NBSP = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# UTF-8 Arabic read as Latin-1/Windows-1252 and saved again: "Ø§Ù„Ø®Ø¨Ø±".
_MOJIBAKE = re.compile(r"[ØÙ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


_UTF16_HIGH = bytes((0x00, 0x06, 0x20, 0xFB, 0xFC, 0xFD, 0xFE))  # high bytes of ASCII, Arabic, punctuation


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: in one byte order nearly every character's high byte is
    0x00 (ASCII), 0x06 (Arabic) or another common block; UTF-8 and Windows-1256 show no such pattern."""
    if len(data) < 8 or len(data) % 2:
        return None
    for codec, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if len(high) - len(high.translate(None, _UTF16_HIGH)) >= 0.9 * len(high):
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


def _core_arabic_share(text: str, minimum: int = 20) -> float:
    """Share of letters in the core Arabic alphabet (legacy decoders also yield Persian/Urdu letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum("\u0621" <= ch <= "\u064a" for ch in letters) / len(letters) if len(letters) >= minimum else 0.0


def decode(data: bytes, name: str) -> tuple[str, list[str], list[str]]:
    """Decode a seed's bytes: UTF-8, UTF-16 (with or without BOM), Windows-1256 line by line; fix mojibake.

    Returns the text, notes, and warnings (what a reader must see: replaced bytes, legacy decoding)."""
    notes: list[str] = []
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        notes.append("decoded as UTF-16 (byte-order mark)")
        try:
            return data.decode("utf-16"), notes, warnings
        except UnicodeDecodeError as exc:
            raise SeedError(f"{name}: invalid UTF-16 at byte {exc.start}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        notes.append("UTF-8 byte-order mark removed")
    if (text := _utf16_without_bom(data)) is not None:
        return text, [*notes, "decoded as UTF-16 (no byte-order mark)"], warnings
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_lines(data, name, warnings)
    text, fixed = _fix_mojibake(text)
    if fixed:
        warnings.append("mojibake repaired (UTF-8 that had been read as Latin-1 or Windows-1252)")
    return text, notes, warnings


def _utf8_arabic_read_as_legacy(text: str) -> bool:
    """UTF-8 Arabic decoded as Windows-1256 shows its lead bytes 0xD8/0xD9 as ط/ظ before every letter:
    about half the letters, against one or two in a hundred in real Arabic."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch in "طظ" for ch in letters) > 0.25 * len(letters)


def _line_list(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:12]))
    return shown + (f" and {len(numbers) - 12} more" if len(numbers) > 12 else "")


def _decode_lines(data: bytes, name: str, warnings: list[str]) -> str:
    """Invalid UTF-8, decided line by line: a line with a few bad bytes stays UTF-8 (the bytes replaced by
    U+FFFD and counted); a line that reads as Arabic in Windows-1256 and not in UTF-8 is Windows-1256."""
    out: list[str] = []
    replaced: dict[int, int] = {}
    legacy: list[int] = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            out.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        as_utf8 = raw.decode("utf-8", errors="replace")
        bad = as_utf8.count("\ufffd")
        as_legacy = raw.decode("cp1256", errors="replace")
        if not _utf8_arabic_read_as_legacy(as_legacy) and _core_arabic_share(as_legacy, minimum=3) >= 0.6:
            out.append(as_legacy)
            legacy.append(number)
        else:
            out.append(as_utf8)
            replaced[number] = bad
    text = "\n".join(out)
    if sum(replaced.values()) > max(8, sum(ch.isalpha() for ch in text) // 10):
        raise SeedError(f"{name}: not valid UTF-8 ({sum(replaced.values())} bad byte sequences) nor "
                        "Windows-1256; save it as UTF-8")
    if legacy:
        where = "" if len(legacy) == len(out) else f" (lines {_line_list(legacy)})"
        warnings.append(f"decoded as Windows-1256 (Arabic legacy encoding){where}")
    if replaced:
        warnings.append(f"{sum(replaced.values())} invalid byte sequence(s) replaced by � "
                        f"(line{'s' if len(replaced) > 1 else ''} {_line_list(sorted(replaced))}); "
                        "check these lines against the original page")
    return text


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


def read_seed(path: Path, roots: tuple[Path, ...] | None = None, max_bytes: int = SEED_LIMIT,
              memo: Cache | None = None, folder: Path | None = None) -> SeedFile:
    """Read one seed file; raise SeedError naming the file when it cannot be used. With a cache (memo), a file whose
    name and bytes were decoded before is not decoded again. `folder`: its folder resolved, when known."""
    try:
        data = read_bytes(path, roots or (path.parent.resolve(),), max_bytes, folder)
    except UnsafeFile as exc:
        raise SeedError(str(exc).replace(str(path), path.name, 1)) from None
    entry = key("seed", path.name, data) if memo is not None else ""
    if memo is not None and isinstance(seed := memo.get("seed", entry), SeedFile):
        return replace(seed, path=str(path))
    seed = _decoded(path, data)
    if memo is not None:
        memo.put("seed", entry, seed)
    return seed


def _decoded(path: Path, data: bytes) -> SeedFile:
    text, notes, warnings = decode(data, path.name)
    text, more = normalise_text(text)
    if not text.strip():
        raise SeedError(f"{path.name}: empty file (no text to publish)")
    if arabic_ratio(text) < 0.3:
        raise SeedError(f"{path.name}: the text is not Arabic (mostly Latin script); not translated or published")
    return SeedFile(path=str(path), name=path.name, text=text, notes=tuple(notes + more),
                    warnings=tuple(warnings), id=source_id(path.name))


def read_seeds(folder: Path, roots: tuple[Path, ...] | None = None, max_bytes: int = SEED_LIMIT,
               memo: Cache | None = None) -> tuple[list[SeedFile], list[str]]:
    """Every article of the folder, by kind: *.txt scrapes, saved pages (.html/.htm), scrapers' records
    (.json/.jsonl) and Markdown with front matter (.md); one error message per unusable file or record, and
    files of other kinds named and skipped (hidden files are ignored)."""
    from .formats import SUFFIXES, read_input, skipped

    if not folder.is_dir():
        raise SeedError(f"seed folder {folder} does not exist")
    base = folder.resolve()  # (what each seed's path resolves to, but for a seed that is a link: files.inside)
    roots = roots or (base,)
    paths, problems = regular_files(folder, roots)
    errors = [p.replace(f"{folder}/", "", 1) for p in problems if not Path(p.split(":")[0]).name.startswith(".")]
    errors += [f"{path.name}: a folder, not a file; skipped" for path in sorted(folder.iterdir())
               if path.is_dir() and path.suffix.lower() in SUFFIXES]
    seeds: list[SeedFile] = []
    for path in paths:
        suffix = path.suffix.lower()
        if path.name.startswith("."):
            continue
        if suffix not in SUFFIXES:
            errors.append(skipped(path))
            continue
        try:
            if suffix == ".txt":
                seeds.append(read_seed(path, roots, max_bytes, memo, base))
                continue
            articles, bad = read_input(path, roots)
        except SeedError as exc:
            errors.append(str(exc))
            continue
        errors.extend(bad)
        seeds.extend(SeedFile(path=str(path), name=a.name, text=a.text, notes=a.notes, warnings=a.warnings,
                              id=a.id, meta=tuple(a.meta.items()), removed=a.removed) for a in articles)
    return _unique_ids(seeds), errors


def _unique_ids(seeds: list[SeedFile]) -> list[SeedFile]:
    """Two inputs never share an id ("page.html" and "page.txt"): the later one gets a hash of its name."""
    seen: set[str] = set()
    out = []
    for seed in seeds:
        if seed.id in seen:
            seed = replace(seed, id=f"{seed.id}-{hashlib.sha1(seed.name.encode('utf-8')).hexdigest()[:6]}")
        seen.add(seed.id)
        out.append(seed)
    return out


_ID_SAFE = re.compile(r"[a-z0-9][a-z0-9_-]*")


def source_id(seed_name: str) -> str:
    """A stable, URL-safe id from the seed file name: the name itself when it is already lower-case ASCII
    letters, digits, - and _; otherwise its safe part and a hash of the whole name, so that two files never
    share an id ("A.txt" and "a.txt", "x.txt" and "x .txt" differ)."""
    stem = Path(seed_name).stem
    if _ID_SAFE.fullmatch(stem):
        return stem
    ascii_part = re.sub(r"[^a-z0-9_]+", "-", stem.lower().encode("ascii", "ignore").decode()).strip("-_")[:40]
    digest = hashlib.sha1(seed_name.encode("utf-8")).hexdigest()[:10]
    return f"{ascii_part}-{digest}" if ascii_part else f"source-{digest}"
