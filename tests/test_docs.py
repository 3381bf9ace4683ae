"""The README and configuration stay in step with the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.config import settings_table
from generator.ingest.sources import EDITOR_KEYS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    assert README.index("```sh") < README.index("## ")
    build, tests = blocks[0].strip(), blocks[1].strip()
    assert build.endswith("python -m generator build") and "pip install" in build
    assert tests == "bash scripts/install-test-deps.sh && python -m pytest"
    setup = (ROOT / "scripts" / "install-test-deps.sh").read_text(encoding="utf-8")
    assert "pip install torch==2.13.0" in setup and "pip install -e '.[test]'" in setup and "chromium" in setup


def test_every_setting_and_editor_field_is_documented():
    assert settings_table() in README  # refresh with: python -c "from generator.config import settings_table as t; print(t())"
    for key in EDITOR_KEYS:
        assert f"`{key}`" in README, key


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/install-test-deps.sh && python -m pytest" in ci


def test_cli_help_lists_the_commands():
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "build" in result.stdout and "serve" in result.stdout


def test_code_passes_the_linter():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "generator", "tests", "bench"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_committed_translation_memory_holds_no_synthetic_output():
    """content/translations/ is for real-model output and human edits only."""
    for path in (ROOT / "content" / "translations").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "synthetic" not in text and "stub-engine" not in text, path
