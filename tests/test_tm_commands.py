"""export-tm and import-tm from the command line: a translator's round trip through TMX and XLIFF."""

from __future__ import annotations

import re

import yaml

from generator.build import BuildOptions, build
from tests.conftest import run_cli
from tests.stub import StubEngine


def test_export_then_import_a_translators_edits(project):
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    exported = run_cli(project, "export-tm", "--format", "xliff", "-o", "memory.xlf")
    assert exported.returncode == 0, exported.stderr
    text = (project / "memory.xlf").read_text(encoding="utf-8")
    assert 'srcLang="ar"' in text and 'trgLang="en"' in text and 'state="initial"' in text
    targets = re.findall(r"<target>(STUB-EN [0-9a-f]{8}[^<]*)</target>", text)
    first, second = targets[3], targets[10]
    edited = text.replace(f"<target>{first}</target>", "<target>A translator's English.</target>", 1)
    edited = edited.replace(f"<target>{second}</target>", "<target>Another, better sentence.</target>", 1)
    edited = edited.replace("</file>", '<unit id="u-unknown"><segment><source>جملة لا توجد في أي مصدر.</source>'
                            "<target>Nowhere.</target></segment></unit></file>")
    (project / "edited.xlf").write_text(edited, encoding="utf-8")
    imported = run_cli(project, "import-tm", "edited.xlf")
    assert imported.returncode == 0, imported.stderr
    assert "Imported 2 edit(s)" in imported.stdout and "match no sentence" in imported.stdout
    assert "u-unknown" in imported.stderr
    edits = [e["edited"] for path in (project / "content" / "translations").glob("*.yml")
             for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"] if e.get("edited")]
    assert sorted(edits) == ["A translator's English.", "Another, better sentence."]
    again = run_cli(project, "export-tm", "--format", "tmx")
    assert "<prop type=\"x-origin\">edited</prop>" in again.stdout and 'srclang="ar"' in again.stdout


def test_export_of_an_unknown_source_is_an_error(project):
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    result = run_cli(project, "export-tm", "--source", "nope")
    assert result.returncode == 2 and "no translation memory for a source 'nope'" in result.stderr


def test_the_workflows_journal_brings_a_runs_translations_back(project):
    import shutil

    build(project, BuildOptions(engine_loader=StubEngine().loader))
    journal = run_cli(project, "export-tm", "--format", "jsonl")
    assert journal.returncode == 0 and journal.stdout.count("\n") > 50
    shutil.rmtree(project / "content" / "translations")  # a fresh checkout: nothing committed
    (project / "content" / "translations").mkdir()
    (project / "content" / "translations" / ".journal-ci.jsonl").write_text(journal.stdout, encoding="utf-8")
    result = build(project, BuildOptions(allow_missing_translations=True, settings={"fetch_model": False}))
    assert result.report["pending"] == 0 and result.report["translated"] == 0
    assert not (project / "content" / "translations" / ".journal-ci.jsonl").exists()  # merged into the memory
