"""Interrupt a real build (kill -9, or Ctrl-C) and rerun: nothing translated is lost or corrupted."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from generator.translation.memory import Memory
from tests.conftest import PYTHONPATH, make_project, run_cli


def memory_entries(project: Path) -> int:
    """Translations a rerun would reuse: the YAML files (which must always parse) and the journal."""
    folder = project / "content" / "translations"
    for path in folder.glob("*.yml"):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8"))["entries"], list)
    return len(Memory(folder).known())


def default_sigint() -> None:
    """Ctrl-C's default in the child even when the tests run with SIGINT ignored (a shell's `pytest &`
    starts them so, and a child inherits an ignored signal: Python then never raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_build_resumes_from_memory(tmp_path, synthetic_model, how):
    project = make_project(tmp_path / "p")
    with (project / "content" / "site.yml").open("a", encoding="utf-8") as handle:
        handle.write("\nbatch_size: 4  # many small batches: the signal lands while translating, not at exit\n")
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "argos")}
    assert run_cli(project, "build", "--allow-missing-translations", env=env).returncode == 0
    before = snapshot(project / "site")
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--model", str(synthetic_model)],
                               cwd=project, env={**os.environ, "PYTHONPATH": PYTHONPATH, **env},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=default_sigint)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and memory_entries(project) == 0:
        time.sleep(0.05)
    assert process.poll() is None, "the build finished before it could be interrupted"
    process.send_signal(how)
    stdout, stderr = process.communicate(timeout=60)
    kept = memory_entries(project)
    assert kept > 0
    if how == signal.SIGINT:
        assert process.returncode == 130 and "interrupted" in stderr and "Traceback" not in stderr, (
            process.returncode, stdout[-800:], stderr[-800:])
    assert snapshot(project / "site") == before  # the previous site is intact
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")] or how == signal.SIGKILL

    rerun = run_cli(project, "build", "--model", str(synthetic_model), env=env)
    assert rerun.returncode == 0, rerun.stderr
    done = re.search(r"\((\d+) translated now, (\d+) from memory", rerun.stdout)
    assert int(done.group(2)) >= kept and int(done.group(1)) > 0
    assert snapshot(project / "site") != before
    assert not (project / "content" / "translations" / ".journal.jsonl").exists()  # folded into the files


def test_translate_command_fills_the_memory_without_rendering(tmp_path, synthetic_model):
    project = make_project(tmp_path / "p")
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "argos")}
    result = run_cli(project, "translate", "--source", "003_d53ac884832c097b", "--model", str(synthetic_model),
                     env=env)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (project / "content" / "translations").glob("*.yml")] == ["003_d53ac884832c097b.yml"]
    assert not (project / "site").exists()
    again = run_cli(project, "translate", "--source", "003_d53ac884832c097b", env=env)
    assert "Translated 0 sentence(s)" in again.stdout
    forced = run_cli(project, "translate", "--source", "003_d53ac884832c097b", "--force", env=env)
    assert forced.returncode == 0, forced.stderr
    translated = re.search(r"Translated (\d+) sentence\(s\)", forced.stdout)
    assert translated and int(translated.group(1)) > 0, forced.stdout  # everything again, not nothing
