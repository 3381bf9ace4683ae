"""The site configuration: one declared schema, every problem reported at once."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

log = logging.getLogger(__name__)

MODEL_ENV = "BRIEFING_ARGOS_MODEL"


@dataclass(frozen=True)
class Setting:
    name: str
    type: type | tuple[type, ...]
    default: Any
    help: str


SCHEMA: tuple[Setting, ...] = (
    Setting("title", str, "Bilingual briefing", "Site title shown on every page."),
    Setting("description", str, "Arabic news reports, machine-translated to English, paired paragraph by paragraph.",
            "One-line description under the title."),
    Setting("seeds_dir", str, "seeds", "Folder of scraped articles (*.txt), relative to the project."),
    Setting("output_dir", str, "site", "Where the site is written, relative to the project."),
    Setting("model", (str, type(None)), None,
            f"Path to a local .argosmodel file (also --model or ${MODEL_ENV})."),
    Setting("fetch_model", bool, True, "Allow fetching the model from Argos' package index when none is installed."),
    Setting("beam_size", int, 4, "Beam size for translation (Argos uses 4)."),
    Setting("batch_size", int, 64, "At most this many sentences (or pieces) per translation batch."),
    Setting("batch_tokens", int, 16384,
            "Token budget per batch (longest × count): long sentences go in smaller batches."),
    Setting("compute_type", str, "int8", "CTranslate2 compute type: int8, int8_float32, float32, auto …"),
    Setting("device", str, "auto", "CTranslate2 device: auto (CUDA when a GPU is present), cpu or cuda."),
    Setting("threads", int, 0, "CPU threads for translation; 0 means all cores."),
    Setting("max_input_tokens", int, 200,
            "Longer sentences are translated in clause-sized pieces (split at Arabic commas)."),
    Setting("max_decoding_length", int, 256, "Upper bound on English tokens per translated piece."),
    Setting("build_date", (str, type(None)), None,
            "Date printed as the build date (ISO); default SOURCE_DATE_EPOCH or today."),
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


def _check(setting: Setting, value: Any) -> str | None:
    expected = setting.type if isinstance(setting.type, tuple) else (setting.type,)
    if isinstance(value, bool) and bool not in expected:
        return f"expected {setting.type}, got a boolean"
    if not isinstance(value, expected):
        names = " or ".join("null" if t is type(None) else t.__name__ for t in expected)
        return f"expected {names}, got {type(value).__name__} {value!r}"
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        return "must not be negative"
    return None


def load_config(project_dir: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Read content/site.yml over the defaults, validate every key, stop once on errors."""
    path = project_dir / "content" / "site.yml"
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        problem = _check(_BY_NAME[key], value)
        if problem:
            problems.append(f"{path}: {key}: {problem}")
        values[key] = value
    if problems:
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(problems))
    return Config(**values, project_dir=project_dir)


def model_file(config: Config, cli_model: str | None) -> Path | None:
    """The local .argosmodel file named by --model, the environment or site.yml, in that order."""
    chosen = cli_model or os.environ.get(MODEL_ENV) or config.model
    if not chosen:
        return None
    path = Path(chosen).expanduser()
    return path if path.is_absolute() else (config.project_dir / path)


assert {f.name for f in fields(Config)} - {"project_dir"} == set(_BY_NAME), "schema and Config disagree"
