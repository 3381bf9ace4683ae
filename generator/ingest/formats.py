"""Inputs by kind, chosen by extension: saved pages (.html/.htm), scrapers' records (.json/.jsonl) and
hand-entered Markdown (.md), next to the .txt seeds that generator.ingest.read reads as before.

Every reader takes (path, roots) and returns (articles, problems): the `Extracted` articles, and one
SeedError message per record it had to skip (records files only; the others give one article or raise).
A file that cannot be used at all raises SeedError with a message naming it."""

from __future__ import annotations

from pathlib import Path

from ..errors import SeedError
from ..files import MIB
from .extracted import Extracted, Reader, Reading

__all__ = ["READERS", "RECORDS_LIMIT", "SUFFIXES", "Extracted", "Reader", "Reading", "read_input", "skipped"]
RECORDS_LIMIT = 256 * MIB  # a records file holds many articles; each record is still capped at SEED_LIMIT


# The readers import their libraries when a file of their kind is met: trafilatura, htmldate and lxml take
# a seventh of a second to import, which a pile of .txt scrapes (and every rebuild of one) need not pay.
def read_html(path: Path, roots: tuple[Path, ...]) -> Reading:
    from .html import read_html as read

    return read(path, roots)


def read_records(path: Path, roots: tuple[Path, ...]) -> Reading:
    from .records import read_records as read

    return read(path, roots)


def read_markdown(path: Path, roots: tuple[Path, ...]) -> Reading:
    from .markdown import read_markdown as read

    return read(path, roots)


READERS: dict[str, Reader] = {
    ".html": read_html,
    ".htm": read_html,
    ".json": read_records,
    ".jsonl": read_records,
    ".md": read_markdown,
}
SUFFIXES = (".txt", *READERS)  # every extension a seeds folder may hold (.txt: generator.ingest.read)


def read_input(path: Path, roots: tuple[Path, ...]) -> Reading:
    """The articles in one non-.txt input file and the problems of its skipped records; SeedError when the
    file is unusable or of a kind no reader knows."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SeedError(skipped(path))
    return reader(path, roots)


def skipped(path: Path) -> str:
    """The message for a file of an unknown kind in the seeds folder."""
    kind = f"'{path.suffix}' files" if path.suffix else "files without an extension"
    return f"{path.name}: not read: {kind} are not articles (readable: {', '.join(SUFFIXES)}); skipped"

