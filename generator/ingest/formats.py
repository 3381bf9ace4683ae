"""Inputs by kind, chosen by extension: saved pages (.html/.htm), scrapers' records (.json/.jsonl) and
hand-entered Markdown (.md), next to the .txt seeds that generator.ingest.read reads as before.

Every reader takes (path, roots) and returns (articles, problems): the `Extracted` articles, and one
SeedError message per record it had to skip (records files only; the others give one article or raise).
A file that cannot be used at all raises SeedError with a message naming it."""

from __future__ import annotations

from pathlib import Path

from ..errors import SeedError
from .extracted import Extracted, Reader, Reading
from .html import read_html
from .markdown import read_markdown
from .records import RECORDS_LIMIT, read_records

__all__ = ["READERS", "RECORDS_LIMIT", "SUFFIXES", "Extracted", "Reader", "Reading", "read_input", "skipped"]

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

