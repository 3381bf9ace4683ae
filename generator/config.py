"""The site configuration: one declared schema, every problem reported at once."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError
from .files import UnsafeFile, read_text

log = logging.getLogger(__name__)

MODEL_ENV = "BRIEFING_ARGOS_MODEL"


COMPUTE_TYPES = ("auto", "default", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16",
                 "bfloat16", "float32")  # CTranslate2's quantization types
DEVICES = ("auto", "cpu", "cuda")


def _between(low: int, high: int | None = None) -> Callable[[Any], str | None]:
    def check(value: int) -> str | None:
        if value < low or (high is not None and value > high):
            return f"must be {low}–{high}" if high is not None else f"must be at least {low}"
        return None
    return check


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], str | None]:
    return lambda value: None if value in choices else f"must be one of {', '.join(choices)}"


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return "must be a date like 2022-01-26"
    return None


def _url(value: str) -> str | None:
    if value and not re.match(r"^https?://[^\s/]+(/[^\s]*)?$", value):
        return "must be an http(s) address like https://user.github.io/repo/ (or empty)"
    return None


def _not_blank(value: str) -> str | None:
    return "must not be empty" if not value.strip() else None


@dataclass(frozen=True)
class Setting:
    name: str
    type: type | tuple[type, ...]
    default: Any
    help: str
    check: Callable[[Any], str | None] | None = None  # a problem with the value, or None


SCHEMA: tuple[Setting, ...] = (
    Setting("title", str, "Bilingual briefing", "Site title shown on every page.", _not_blank),
    Setting("description", str, "Arabic news reports, machine-translated to English, paired paragraph by paragraph.",
            "One-line description under the title."),
    Setting("seeds_dir", str, "seeds", "Folder of scraped articles (*.txt), relative to the project.", _not_blank),
    Setting("output_dir", str, "site",
            "Where the site is written, relative to the project: a new or empty folder, or one this generator "
            "wrote before (never the project, its content, seeds or templates).", _not_blank),
    Setting("model", (str, type(None)), None,
            f"Path to a local .argosmodel file (also --model or ${MODEL_ENV})."),
    Setting("fetch_model", bool, True, "Allow fetching the model from Argos' package index when none is installed."),
    Setting("beam_size", int, 4, "Beam size for translation, 1–16 (Argos uses 4).", _between(1, 16)),
    Setting("batch_size", int, 64, "At most this many sentences (or pieces) per translation batch, 1–4096.",
            _between(1, 4096)),
    Setting("batch_tokens", int, 16384,
            "Token budget per batch (longest × count), at least 8: long sentences go in smaller batches.",
            _between(8, 1 << 24)),
    Setting("compute_type", str, "int8", "CTranslate2 compute type: " + ", ".join(COMPUTE_TYPES) + ".",
            _one_of(COMPUTE_TYPES)),
    Setting("device", str, "auto",
            "CTranslate2 device: auto (CUDA when a GPU is present), cpu or cuda (falls back to the CPU, with a "
            "warning, where there is no GPU).", _one_of(DEVICES)),
    Setting("threads", int, 0, "CPU threads for translation; 0 means all cores (more than the cores is lowered "
            "to the cores, with a warning).", _between(0)),
    Setting("max_input_tokens", int, 200,
            "Longer sentences are translated in clause-sized pieces (split at Arabic commas); 8–1024.",
            _between(8, 1024)),
    Setting("max_decoding_length", int, 256, "Upper bound on English tokens per translated piece; 8–4096.",
            _between(8, 4096)),
    Setting("build_date", (str, type(None)), None,
            "Date printed as the build date (ISO, quoted or not); default SOURCE_DATE_EPOCH or today.", _iso_date),
    Setting("search", bool, True, "Build the search index (Pagefind); false skips it (faster previews)."),
    Setting("base_url", str, "", "The site's public address (https://user.github.io/repo/): canonical links, the "
            "feed's absolute links and the sitemap. Empty: links stay relative.", _url),
    Setting("commit_translations", bool, False,
            "In the GitHub Pages workflow: commit the run's new machine translations to the branch (for post-editing); "
            "they are uploaded as an artifact either way."),
    Setting("workers", int, 0, "Processes for per-source work (cleaning, annotation); 0 means one per core.",
            _between(0, 256)),
)

_BY_NAME = {s.name: s for s in SCHEMA}


@dataclass(frozen=True)
class Config:
    title: str
    description: str
    seeds_dir: str
    output_dir: str
    model: str | None
    fetch_model: bool
    beam_size: int
    batch_size: int
    batch_tokens: int
    compute_type: str
    device: str
    threads: int
    max_input_tokens: int
    max_decoding_length: int
    build_date: str | None
    search: bool
    base_url: str
    commit_translations: bool
    workers: int
    project_dir: Path = Path(".")

    @property
    def seeds_path(self) -> Path:
        return self.project_dir / self.seeds_dir

    @property
    def output_path(self) -> Path:
        return self.project_dir / self.output_dir

    @property
    def content_path(self) -> Path:
        return self.project_dir / "content"

    @property
    def templates_path(self) -> Path:
        return self.project_dir / "templates"

    @property
    def roots(self) -> tuple[Path, ...]:
        """Where files may be read from: the project, and the seeds folder wherever site.yml puts it."""
        return (self.project_dir, self.seeds_path.resolve())


def _check(setting: Setting, value: Any) -> str | None:
    expected = setting.type if isinstance(setting.type, tuple) else (setting.type,)
    if isinstance(value, bool) and bool not in expected:
        return f"expected {_names(expected)}, got a boolean"
    if not isinstance(value, expected):
        return f"expected {_names(expected)}, got {type(value).__name__} {value!r}"
    return setting.check(value) if setting.check else None


def _names(expected: tuple[type, ...]) -> str:
    return " or ".join("null" if t is type(None) else {"str": "text", "int": "a whole number",
                                                       "bool": "true or false"}.get(t.__name__, t.__name__)
                       for t in expected)


def _plain(value: Any) -> Any:
    """YAML's unquoted dates (build_date: 2022-01-26) as the ISO text they were written as."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _clamp(values: dict[str, Any], path: Path) -> None:
    """Values that fit one machine and not another are lowered here, with one warning, so that a project
    that builds on a workstation also builds on a Pages runner."""
    cores = os.cpu_count() or 1
    if values["threads"] > cores:
        log.warning("%s: threads: %d is more than this machine's %d cores; using %d", path, values["threads"],
                    cores, cores)
        values["threads"] = cores
    if values["device"] == "cuda":
        import ctranslate2

        if ctranslate2.get_cuda_device_count() == 0:
            log.warning("%s: device: cuda, but this machine has no CUDA GPU that CTranslate2 can use; "
                        "translating on the CPU", path)
            values["device"] = "cpu"


def load_config(project_dir: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Read content/site.yml over the defaults, validate every key, stop once on errors."""
    if not project_dir.is_dir():
        raise ConfigError(f"project folder {project_dir} does not exist")
    project_dir = project_dir.resolve()
    path = project_dir / "content" / "site.yml"
    raw: dict[str, Any] = {}
    if path.exists() or path.is_symlink():
        try:
            loaded = yaml.safe_load(read_text(path, (project_dir,)))
        except UnsafeFile as exc:
            raise ConfigError(str(exc)) from None
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML: {exc}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"{path}: expected a mapping of settings, got {type(loaded).__name__}")
        raw = loaded or {}
    problems = []
    for key in raw:
        if key not in _BY_NAME:
            log.warning("%s: unknown setting %r ignored (known: %s)", path, key, ", ".join(_BY_NAME))
    values = {s.name: s.default for s in SCHEMA}
    for key, value in {**raw, **(overrides or {})}.items():
        if key not in _BY_NAME:
            continue
        value = _plain(value)
        problem = _check(_BY_NAME[key], value)
        if problem:
            problems.append(f"{path}: {key}: {problem}")
        values[key] = value
    if problems:
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(problems))
    _clamp(values, path)
    return Config(**values, project_dir=project_dir)


def model_file(config: Config, cli_model: str | None) -> Path | None:
    """The local .argosmodel file named by --model, the environment or site.yml, in that order."""
    chosen = cli_model or os.environ.get(MODEL_ENV) or config.model
    if not chosen:
        return None
    path = Path(chosen).expanduser()
    return path if path.is_absolute() else (config.project_dir / path)


assert {f.name for f in fields(Config)} - {"project_dir"} == set(_BY_NAME), "schema and Config disagree"


def settings_table() -> str:
    """The README's table of settings, made from the schema (a test keeps the README in step)."""
    rows = ["| key | default | meaning |", "| --- | --- | --- |"]
    rows += [f"| `{s.name}` | `{s.default!r}` | {s.help} |" for s in SCHEMA]
    return "\n".join(rows)
