"""Stage 1: read seed files into decoded, normalised text."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

from .errors import SeedError
from .models import SeedFile

log = logging.getLogger(__name__)

# C0/C1 controls except tab and newline; bidi embeddings/overrides/isolates and
# zero-width characters that could reorder or hide text on the page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI_AND_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_NBSP = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode a seed's bytes: UTF-8 (with or without BOM) or BOM-marked UTF-16."""
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
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError as exc:
        raise SeedError(f"{name}: not valid UTF-8 (first bad byte at offset {exc.start}); save it as UTF-8") from None


def normalise_text(text: str) -> tuple[str, list[str]]:
    """Unix newlines, no control or bidi-override characters, NFC."""
    notes = []
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text, count = _CONTROL.subn("", text)
    if count:
        notes.append(f"{count} control character(s) removed")
    text, count = _BIDI_AND_INVISIBLE.subn("", text)
    if count:
        notes.append(f"{count} invisible or bidi-control character(s) removed")
    text = _NBSP.sub(" ", text)
    # Lone surrogates cannot be encoded as UTF-8 on the page.
    text = text.encode("utf-8", "replace").decode("utf-8")
    return unicodedata.normalize("NFC", text), notes


def read_seed(path: Path) -> SeedFile:
    """Read one seed file; raise SeedError naming the file when it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"{path.name}: cannot be read: {exc.strerror}") from None
    text, notes = decode(data, path.name)
    text, more = normalise_text(text)
    if not text.strip():
        raise SeedError(f"{path.name}: empty file (no text to publish)")
    return SeedFile(path=str(path), name=path.name, text=text, notes=tuple(notes + more))


def read_seeds(folder: Path) -> tuple[list[SeedFile], list[str]]:
    """Every *.txt in folder, sorted by name, and one error message per unusable file."""
    if not folder.is_dir():
        raise SeedError(f"seed folder {folder} does not exist")
    seeds, errors = [], []
    for path in sorted(folder.glob("*.txt")):
        try:
            seeds.append(read_seed(path))
        except SeedError as exc:
            log.error("%s", exc)
            errors.append(str(exc))
    return seeds, errors
