"""Shared fixtures: scratch projects, a stub engine, and the synthetic Argos package."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Keep Argos away from the user's home and from the network for the whole session,
# before anything imports argostranslate (it reads these at import time).
_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="argos-home-"))
atexit.register(shutil.rmtree, _ARGOS_HOME, ignore_errors=True)  # one per test session: do not pile up in /tmp
os.environ["XDG_DATA_HOME"] = str(_ARGOS_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_ARGOS_HOME / "config")
os.environ["XDG_CACHE_HOME"] = str(_ARGOS_HOME / "cache")
os.environ["ARGOS_PACKAGES_DIR"] = str(_ARGOS_HOME / "empty-packages")
os.environ["ARGOS_PACKAGE_INDEX"] = (_ARGOS_HOME / "no-index").as_uri() + "/"
os.environ.pop("BRIEFING_ARGOS_MODEL", None)
os.environ["SOURCE_DATE_EPOCH"] = "1643155200"  # 2022-01-26: deterministic pages

# The generator is installed with `pip install --no-deps argostranslate`: Argos' sentence splitters
# (stanza, minisbd, spaCy) are absent on a user's machine even when this one has them. Make them
# unimportable here and in every `python -m generator` the tests start, so that using one fails a test.
SPLITTERS = ("stanza", "minisbd", "spacy")
_BLOCKED = _ARGOS_HOME / "no-splitters"
for _name in SPLITTERS:
    (_BLOCKED / _name).mkdir(parents=True, exist_ok=True)
    (_BLOCKED / _name / "__init__.py").write_text(
        f"raise ModuleNotFoundError('No module named {_name!r} (blocked by the tests: not installed by --no-deps)')\n")
sys.path.insert(0, str(_BLOCKED))
for _name in SPLITTERS:
    sys.modules.pop(_name, None)
PYTHONPATH = os.pathsep.join((str(_BLOCKED), str(ROOT)))  # for every `python -m generator` a test starts

from tests.stub import StubEngine  # noqa: E402


def make_project(target: Path, seeds: bool = True) -> Path:
    """A scratch project: the repository's templates and content (no memory), and its seeds."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copytree(ROOT / "content", target / "content", ignore=shutil.ignore_patterns("*.yml", "README.md"))
    shutil.copy(ROOT / "content" / "site.yml", target / "content" / "site.yml")
    (target / "content" / "sources").mkdir(exist_ok=True)
    for path in (ROOT / "content" / "sources").glob("*.yml"):
        shutil.copy(path, target / "content" / "sources" / path.name)
    (target / "seeds").mkdir(exist_ok=True)
    if seeds:
        for path in (ROOT / "seeds").glob("*.txt"):
            shutil.copy(path, target / "seeds" / path.name)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture
def stub_engine() -> StubEngine:
    return StubEngine()


@pytest.fixture(scope="session")
def synthetic_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real (tiny, random-weight) Argos ar→en package built from the seeds, as a .argosmodel file."""
    from tests.synthetic_argos import build_package

    out = tmp_path_factory.mktemp("model") / "translate-ar_en-synthetic.argosmodel"
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return build_package(out, texts)


def run_cli(project: Path, *args: str, env: dict[str, str] | None = None, timeout: int = 600):
    """Run `python -m generator` in a project folder, as a user would."""
    full_env = {**os.environ, "PYTHONPATH": PYTHONPATH, **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=project, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
