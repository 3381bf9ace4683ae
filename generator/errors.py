"""The few exceptions the generator raises for known failures, the exit codes, and the build stage
an unexpected error happened in. The CLI prints them; nothing else does."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

# Exit codes (also in `--help` and the README).
EXIT_OK = 0  # built
EXIT_SKIPPED = 1  # built, but some sources could not be used (each is named on stderr)
EXIT_CONFIG = 2  # invalid configuration or content (site.yml, memory, editor files, output folder …)
EXIT_NO_MODEL = 3  # translations are missing and no Argos model can be had
EXIT_LOCKED = 4  # another build is running in this project
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_PIPE = 141  # the reader of the output went away ("check | head"): what a shell reports for SIGPIPE
EXIT_INTERNAL = 70  # a bug: an unexpected exception outside one source's work (sysexits EX_SOFTWARE)
EXIT_CANT_WRITE = 74  # the disk is full or a folder is read-only (sysexits EX_IOERR)

EXIT_CODES_HELP = (
    "exit status: 0 built; 1 built, but some seed files could not be used (each named on stderr); "
    "2 invalid configuration or content (nothing written); 3 no translation model; 4 another build is "
    "running in this project; 70 internal error (please report it); 74 cannot write (disk full, read-only "
    "folder); 130 interrupted; 141 the output's reader closed (as in \"check | head\")."
)


class GeneratorError(Exception):
    """A known failure: shown to the user as one clear message, no traceback."""

    exit_code = EXIT_CONFIG


class ConfigError(GeneratorError):
    """The project's configuration, content or metadata files are invalid."""


class SeedError(GeneratorError):
    """A seed file could not be read or holds no article."""


class OutputError(GeneratorError):
    """The output folder is not one the generator may replace."""


class ProjectLocked(GeneratorError):
    """Another build holds the project's lock."""

    exit_code = EXIT_LOCKED


class CannotWrite(GeneratorError):
    """The disk is full or a folder is read-only; nothing was half-written."""

    exit_code = EXIT_CANT_WRITE


class ModelUnavailable(GeneratorError):
    """Translations are missing and no Argos ar→en model can be had."""

    exit_code = EXIT_NO_MODEL


MODEL_HELP = (
    "No Argos Translate Arabic→English model is available, and {missing} sentence(s) have no translation "
    "in the memory.\nProvide one in any of these three ways:\n"
    "  1. install it into Argos (it is then found automatically): "
    "`argospm install translate-ar_en`, or argostranslate.package.install_from_path(FILE);\n"
    "  2. name a local .argosmodel file: `--model PATH`, the environment variable {env}=PATH, "
    "or `model: PATH` in content/site.yml;\n"
    "  3. let the build fetch it from Argos' package index (needs internet access).{build_hint}{detail}"
)
BUILD_HINT = "\nOr build anyway with --allow-missing-translations (English shown as pending)."


@contextlib.contextmanager
def stage(name: str, path: Path | str | None = None) -> Iterator[None]:
    """Name the stage (and file) an unexpected exception escaped from, for the one-line report."""
    try:
        yield
    except Exception as exc:
        if not isinstance(exc, GeneratorError) and not hasattr(exc, "briefing_stage"):
            exc.briefing_stage = f"{name} {path}" if path else name  # type: ignore[attr-defined]
        raise


def internal_error(exc: BaseException, fallback: str = "building") -> str:
    """The one line shown for a bug: where it happened and what it was."""
    where = getattr(exc, "briefing_stage", fallback)
    return f"internal error while {where}: {type(exc).__name__}: {exc}; please report it (run with -v for details)"
