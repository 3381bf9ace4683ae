"""The real pipeline, end to end through the CLI, on the synthetic Argos package.

The package has random weights (gibberish English) but real CTranslate2 and
SentencePiece files, so this exercises model resolution, installation,
tokenisation, batching and decoding exactly as a real ar→en model would be used.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import make_project, run_cli
from tests.html_helpers import assert_seed_bodies_rendered, briefing, soup


@pytest.fixture
def argos_env(tmp_path: Path) -> dict[str, str]:
    """A fresh, empty Argos packages folder for one test."""
    return {"ARGOS_PACKAGES_DIR": str(tmp_path / "argos-packages")}


def assert_real_translation(project: Path, result) -> dict:
    assert result.returncode == 0, result.stderr
    data = briefing(project / "site")
    assert data["build"]["model"].startswith("translate-ar_en-synthetic")
    for source in data["sources"]:
        for pair in source["pairs"]:
            assert pair["status"] == "machine" and pair["en"].strip(), pair["id"]
    return data


def test_build_with_model_file_then_from_memory(tmp_path, synthetic_model, argos_env):
    project = make_project(tmp_path / "p")
    first = run_cli(project, "build", "--model", str(synthetic_model), env=argos_env)
    data = assert_real_translation(project, first)
    assert re.search(r"\((\d+) translated now", first.stdout).group(1) != "0"
    site = project / "site"
    assert_seed_bodies_rendered(site)
    for source in data["sources"]:
        page = soup(site / source["url_path"])
        assert [" ".join(p.select_one(".en > p").get_text(" ").split()) for p in page.select(".pair")] == [
            " ".join(p["en"].split()) for p in source["pairs"]]
    memory = sorted((project / "content" / "translations").glob("*.yml"))
    assert len(memory) == 5
    second = run_cli(project, "build", env=argos_env)  # installed now; everything from memory
    assert second.returncode == 0, second.stderr
    assert "(0 translated now" in second.stdout


def test_installed_package_is_found_without_being_named(tmp_path, synthetic_model, argos_env):
    import zipfile

    packages = Path(argos_env["ARGOS_PACKAGES_DIR"])
    packages.mkdir(parents=True)
    with zipfile.ZipFile(synthetic_model) as archive:
        archive.extractall(packages)
    project = make_project(tmp_path / "p")
    assert_real_translation(project, run_cli(project, "build", env=argos_env))


def test_model_file_from_environment(tmp_path, synthetic_model, argos_env):
    project = make_project(tmp_path / "p")
    env = {**argos_env, "BRIEFING_ARGOS_MODEL": str(synthetic_model)}
    assert_real_translation(project, run_cli(project, "build", env=env))


def test_model_fetched_from_package_index(tmp_path, synthetic_model, argos_env):
    """Argos' own index and download path, served from 127.0.0.1 instead of the internet."""
    served = tmp_path / "index"
    served.mkdir()
    shutil.copy(synthetic_model, served / "translate-ar_en.argosmodel")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(served))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        (served / "index.json").write_text(json.dumps([{
            "package_version": "0.0.1", "argos_version": "1.11.0", "from_code": "ar", "from_name": "Arabic",
            "to_code": "en", "to_name": "English", "type": "translate",
            "links": [base + "translate-ar_en.argosmodel"]}]), encoding="utf-8")
        project = make_project(tmp_path / "p")
        env = {**argos_env, "ARGOS_PACKAGE_INDEX": base, "XDG_CACHE_HOME": str(tmp_path / "cache"),
               "XDG_DATA_HOME": str(tmp_path / "data")}
        assert_real_translation(project, run_cli(project, "build", env=env))
    finally:
        server.shutdown()


def test_no_model_anywhere_is_one_clear_error(tmp_path, argos_env):
    project = make_project(tmp_path / "p")
    result = run_cli(project, "build", env=argos_env)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and "No Argos Translate Arabic→English model" in error_lines[0]
    for way in ("argospm install", "--model", "BRIEFING_ARGOS_MODEL", "package index"):
        assert way in result.stderr
    assert not (project / "site").exists()


def test_missing_model_file_is_named(tmp_path, argos_env):
    project = make_project(tmp_path / "p")
    result = run_cli(project, "build", "--model", "nowhere.argosmodel", env=argos_env)
    assert result.returncode == 3 and "nowhere.argosmodel does not exist" in result.stderr


def test_a_model_file_that_would_write_outside_the_package_folder_is_refused(tmp_path, argos_env):
    import zipfile

    bad = tmp_path / "bad.argosmodel"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("translate-ar_en/metadata.json", json.dumps({"from_code": "ar", "to_code": "en"}))
        archive.writestr("translate-ar_en/../../escaped.txt", "x")
    project = make_project(tmp_path / "p")
    result = run_cli(project, "build", "--model", str(bad), env=argos_env)
    assert result.returncode == 3 and "would be written outside" in result.stderr, result.stderr
    assert not list(tmp_path.rglob("escaped.txt"))
