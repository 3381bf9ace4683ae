"""What makes large piles work: the per-source cache (never trusted when it does not match), worker
processes (the same site byte for byte), incremental rebuilds, translation shards merged by a build."""

from __future__ import annotations

import hashlib
import pickle
import shutil
from pathlib import Path

import yaml

from generator.build import BuildOptions, build, translate_only
from generator.translation.memory import Memory
from tests.conftest import ROOT, make_project
from tests.stub import StubEngine

EVENTS = [ROOT / "tests" / "fixtures" / name / "seeds" for name in ("event2", "event3", "event4")]


def pile(project: Path) -> Path:
    """The seeds and the three fixture events: enough sources for the worker pool."""
    for folder in EVENTS:
        for path in folder.glob("*.txt"):
            shutil.copy(path, project / "seeds" / f"{folder.parent.name}-{path.name}")
    (project / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    return project


def site_bytes(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha1(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_workers_give_the_same_site_byte_for_byte(tmp_path):
    one = pile(make_project(tmp_path / "one"))
    two = pile(make_project(tmp_path / "two"))
    build(one, BuildOptions(engine_loader=StubEngine().loader, settings={"workers": 1}, use_cache=False))
    result = build(two, BuildOptions(engine_loader=StubEngine().loader, settings={"workers": 2}, use_cache=False))
    assert result.report["sources"] >= 12
    first, second = site_bytes(one / "site"), site_bytes(two / "site")
    assert first.keys() == second.keys()
    assert {k for k in first if first[k] != second[k]} == set()


def test_a_cache_entry_that_does_not_match_or_load_is_rebuilt(tmp_path):
    project = pile(make_project(tmp_path / "p"))
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    build(project, BuildOptions(engine_loader=StubEngine().loader))  # now everything is in the memory
    reference = site_bytes(project / "site")
    entries = sorted((project / ".cache" / "ingest").glob("*/*.pickle"))
    entries[0].write_bytes(b"not a pickle")  # torn
    stored_key, value = pickle.loads(entries[1].read_bytes())
    entries[1].write_bytes(pickle.dumps(("another key", value)))  # someone else's entry under this name
    stored_key, value = pickle.loads(entries[2].read_bytes())
    entries[2].write_bytes(pickle.dumps((stored_key, None)))  # matches, but holds nothing usable
    result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert result.report["cache"]["misses"] >= 2
    assert site_bytes(project / "site") == reference


def test_a_second_build_comes_from_the_cache_and_an_edit_renders_one_page(tmp_path):
    project = pile(make_project(tmp_path / "p"))
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    again = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert again.report["cache"]["misses"] == 0
    memory_file = project / "content" / "translations" / "003_d53ac884832c097b.yml"
    data = yaml.safe_load(memory_file.read_text(encoding="utf-8"))
    data["entries"][-1]["edited"] = "An edit that must reach its page."
    memory_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    edited = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert edited.report["cache"]["misses"] == 2  # that source's pairing and its page, nothing else
    page = (project / "site" / "sources" / "003_d53ac884832c097b.html").read_text(encoding="utf-8")
    assert "An edit that must reach its page." in page


def test_shards_translate_disjoint_shares_and_a_build_merges_them(tmp_path):
    project = pile(make_project(tmp_path / "p"))
    engines = [StubEngine(), StubEngine()]
    for index, engine in enumerate(engines, 1):
        result = translate_only(project, BuildOptions(engine_loader=engine.loader), shard=(index, 2))
        assert result.report["journal"] == f".journal-shard-{index}-of-2.jsonl"
    first, second = ({s for call in e.calls for s in call} for e in engines)
    assert first and second and not first & second
    assert not list((project / "content" / "translations").glob("*.yml"))  # journals only
    final = StubEngine()
    result = build(project, BuildOptions(engine_loader=final.loader))
    assert final.sentences_seen == 0 and result.report["translated"] == 0  # all merged from the journals
    assert not list((project / "content" / "translations").glob(".journal*.jsonl"))
    assert len(Memory(project / "content" / "translations").known()) == len(first | second)
