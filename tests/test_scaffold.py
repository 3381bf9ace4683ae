"""`new DIR` gives a project that builds as it is; `setting` prints one setting."""

from __future__ import annotations

import shutil

import yaml

from generator.config import SCHEMA
from tests.conftest import ROOT, run_cli


def test_new_makes_a_project_that_builds(tmp_path):
    made = run_cli(tmp_path, "new", "briefing")
    assert made.returncode == 0, made.stderr
    project = tmp_path / "briefing"
    assert {p.name for p in project.iterdir()} >= {"content", "seeds", "templates", ".gitignore", ".github", "README.md"}
    settings = (project / "content" / "site.yml").read_text(encoding="utf-8")
    for setting in SCHEMA:
        assert f"# {setting.name}:" in settings, setting.name
    assert yaml.safe_load(settings) == {"title": "Briefing"}
    assert "/site/" in (project / ".gitignore").read_text() and not list((project / "seeds").glob("*.txt"))
    for path in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(path, project / "seeds" / path.name)
    built = run_cli(tmp_path, "--project", "briefing", "build", "--allow-missing-translations")
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "index.html").exists() and (project / "site" / "static" / "style.css").exists()


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli(tmp_path, "new", "busy")
    assert result.returncode == 2 and "not an empty folder" in result.stderr
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]
    assert (tmp_path / "busy" / "notes.txt").read_text(encoding="utf-8") == "mine"  # (not emptied either)


def test_setting_prints_one_value(project):
    (project / "content" / "site.yml").write_text("commit_translations: true\n", encoding="utf-8")
    assert run_cli(project, "setting", "commit_translations").stdout.strip() == "true"
    assert run_cli(project, "setting", "nope").returncode == 2
