"""The command line, driven as a user drives it."""

from __future__ import annotations

import os
import subprocess
import sys

from generator.ingest.clean import clean
from tests.conftest import PYTHONPATH, ROOT, run_cli


def test_check_lists_removed_lines_with_reasons(project):
    (project / "seeds" / "zz_broken.txt").write_bytes(b"")
    result = run_cli(project, "check")
    assert result.returncode == 1 and "zz_broken.txt: empty file" in result.stderr
    assert "== 001_843f77042b170b03" in result.stdout
    assert "line   5  navigation or promo before the article: كـل الأخبار" in result.stdout
    assert "line  29  tracking or script fragment: me_ga.php?id=32240" in result.stdout
    assert "outlet: موقع تطورات العالم الإسلامي  [editor]" in result.stdout
    assert not (project / "site").exists()  # check writes nothing


def test_build_without_model_names_the_ways_and_allow_missing_builds(project):
    (project / "content" / "site.yml").write_text("fetch_model: false\n", encoding="utf-8")
    failed = run_cli(project, "build")
    assert failed.returncode == 3 and "--allow-missing-translations" in failed.stderr
    built = run_cli(project, "build", "--allow-missing-translations")
    assert built.returncode == 0 and "pending" in built.stdout and (project / "site" / "index.html").exists()


def test_output_closed_by_its_reader_is_no_internal_error(project):
    """`check | head`: the reader closes the pipe; the command stops quietly with a shell's status for it (141),
    not an "internal error … please report it" (it was 70, with that message)."""
    process = subprocess.Popen([sys.executable, "-m", "generator", "check"], cwd=project, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": PYTHONPATH})
    process.stdout.close()  # (before it writes a line: its first print meets a pipe nobody reads)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 141, err
    assert b"internal error" not in err and b"Traceback" not in err


def test_a_broken_pipe_that_is_not_the_output_is_still_a_bug(monkeypatch, capsys):
    """Only the output's own reader going away is quiet: a broken pipe elsewhere is an internal error."""
    import generator.__main__ as cli

    def broken(args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "_run", broken)
    assert cli.main(["check"]) == 70
    assert "internal error" in capsys.readouterr().err


def test_invalid_site_config_lists_every_problem(project):
    (project / "content" / "site.yml").write_text("beam_size: many\nbatch_size: -1\ncolour: red\n", encoding="utf-8")
    result = run_cli(project, "build", "--allow-missing-translations")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "beam_size" in result.stderr and "batch_size" in result.stderr and "colour" in result.stderr


def test_weekday_and_original_url_metadata():
    meta = clean((ROOT / "seeds" / "002_e05e2947b1f63712.txt").read_text(encoding="utf-8")).meta
    assert meta["weekday"] == "Sunday"
    text = ("عنوان الخبر المهم هنا\nhttps://news.example/2022/01/23/item\n"
            "قال المرصد إن الوضع مستقر في المدينة اليوم بعد الاشتباكات العنيفة.\n")
    assert clean(text).meta["url"] == "https://news.example/2022/01/23/item"
