"""What makes large piles work: the per-source cache (never trusted when it does not match), worker
processes (the same site byte for byte), incremental rebuilds, translation shards merged by a build."""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml

import generator.build as build_module
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


MARKS: list[Path] = []  # where _marking_task marks the jobs it ran (set before the pool forks)


def _marking_task(job: tuple) -> tuple[bytes, bytes]:
    """A stand-in for pipeline._prepare_task (module level: the pool pickles it by name)."""
    import pickle
    import time

    (MARKS[0] / job[2]).touch()
    time.sleep(0.05)
    return pickle.dumps((job[2], (None, []))), pickle.dumps((job[2], (None, [])))


def test_an_error_while_preparing_stops_the_pool_without_preparing_the_rest(tmp_path, monkeypatch):
    """When the build fails (or is stopped) while the pool prepares, the work not started is dropped at
    once, not prepared first."""
    from generator import pipeline
    from generator.cache import Cache
    from generator.config import load_config
    from generator.ingest.read import read_seeds

    project = pile(make_project(tmp_path / "p"))
    for path in sorted((project / "seeds").glob("*.txt")):
        for copy in ("b", "c"):
            shutil.copy(path, path.with_name(f"{copy}-{path.name}"))
    config = load_config(project)
    seeds, _ = read_seeds(config.seeds_path)
    marks = tmp_path / "marks"
    marks.mkdir()
    MARKS[:] = [marks]
    monkeypatch.setattr(pipeline, "_prepare_task", _marking_task)
    calls = []

    def failing(blob: bytes) -> object:
        calls.append(blob)
        raise RuntimeError("a failure while the pool prepares")

    monkeypatch.setattr(Cache, "unpickled", staticmethod(failing))
    try:
        with pytest.raises(RuntimeError):
            pipeline.ingest_all(seeds, config, Cache(None), [])
    finally:
        MARKS.clear()
    started = len(list(marks.iterdir()))
    assert len(seeds) >= 45 and len(calls) == 1 and 0 < started < len(seeds) - 20


def test_workers_give_the_same_site_byte_for_byte(tmp_path):
    one = pile(make_project(tmp_path / "one"))
    two = pile(make_project(tmp_path / "two"))
    build(one, BuildOptions(engine_loader=StubEngine().loader, settings={"workers": 1}, use_cache=False))
    result = build(two, BuildOptions(engine_loader=StubEngine().loader, settings={"workers": 2}, use_cache=False))
    assert result.report["sources"] >= 12
    first, second = site_bytes(one / "site"), site_bytes(two / "site")
    assert first.keys() == second.keys()
    assert {k for k in first if first[k] != second[k]} == set()


def damage(project: Path, kind: str) -> None:
    """A torn entry, someone else's entry under this name, and one that matches but holds nothing usable."""
    with sqlite3.connect(project / ".cache" / "cache.sqlite3") as db:
        entries = db.execute("SELECT entry, value FROM entries WHERE kind = ? ORDER BY entry", (kind,)).fetchall()
        _, value = pickle.loads(entries[1][1])
        db.executemany("UPDATE entries SET value = ? WHERE kind = ? AND entry = ?", [
            (b"not a pickle", kind, entries[0][0]),
            (pickle.dumps(("another key", value)), kind, entries[1][0]),
            (pickle.dumps((entries[2][0], None)), kind, entries[2][0])])


def test_the_cache_asks_sqlite_nothing_for_a_kind_it_holds_no_entry_of(tmp_path):
    """A cold build looks up thousands of pages in a cache that has none of their kind: after one look-up of
    the kind, no query is made for it in that run, while kinds stored before (by another run) are read; what
    a run puts is found by the next."""
    from generator.cache import Cache

    first = Cache(tmp_path)
    first.put("page", "a", 1)
    first.close()
    cache = Cache(tmp_path)
    statements: list[str] = []
    cache._connect().set_trace_callback(statements.append)  # type: ignore[union-attr]
    assert cache.get_many("html", ["x", "y"]) == [None, None] and len(statements) == 1  # the kind looked up
    cache.put("html", "x", "<p>")
    cache.flush()
    statements.clear()
    assert cache.get("html", "x") is None and cache.get("html", "z") is None and not statements
    assert cache.get("page", "a") == 1 and len(statements) == 2  # a kind stored before: looked up, then read
    assert cache.missed == {"html": 4} and cache.hits == 1
    cache.close()
    assert Cache(tmp_path).get("html", "x") == "<p>"  # for the next run


def test_an_entry_put_later_is_pickled_when_everything_is_flushed_and_kept_by_prune(tmp_path):
    """Cache.put_later (what a build reads on after starting the search index): an ordinary flush (every
    FLUSH_EVERY puts, after preparing) leaves it unwritten, its value is pickled as it is at the last flush,
    prune() writes it and keeps it, and close() writes what is left; the next run finds it."""
    from generator.cache import Cache

    cache = Cache(tmp_path)
    value = {"links": [1, 2]}
    cache.put_later("links", "a", value)
    cache.put("page", "p", 1)
    cache.flush()
    assert Cache(tmp_path).get("links", "a") is None and Cache(tmp_path).get("page", "p") == 1
    cache.prune()
    assert Cache(tmp_path).get("links", "a") == {"links": [1, 2]}
    cache.put_later("links", "b", [3])
    cache.close()
    again = Cache(tmp_path)
    assert again.get("links", "b") == [3] and again.get("links", "a") == {"links": [1, 2]}


def test_terms_pickle_as_three_columns_and_come_back_interned():
    """models.Terms: iterated as (stem, count, form) triples in order; a pickle round trip gives equal terms
    whose words are the interned strings (one string per word for a whole pile)."""
    import pickle
    import sys

    from generator.models import Terms

    triples = [("حسكه", 3, "الحسكة"), ("سجن", 1, "سجن")]
    terms = Terms.of(triples)
    assert list(terms) == triples and len(terms) == 2 and list(Terms.of([])) == []
    back = pickle.loads(pickle.dumps(terms))
    made = "".join(["حس", "كه"])  # (a string made at run time: not interned unless asked)
    assert back == terms and back.stems[0] is sys.intern(made) and back.forms[1] is sys.intern("".join(["سج", "ن"]))


def test_a_cache_of_an_earlier_layout_is_replaced_and_never_read(tmp_path):
    """Entries live in a table of rowids (an earlier version's WITHOUT ROWID table wrote its rows of tens of
    kilobytes three times slower): a file of the earlier layout is started again, not read or written into,
    and the new file is read by the next run."""
    from generator.cache import Cache

    path = tmp_path / Cache.FILE
    with sqlite3.connect(path) as db:  # the earlier layout, holding a valid-looking entry
        db.execute("CREATE TABLE entries (kind TEXT NOT NULL, entry TEXT NOT NULL, value BLOB NOT NULL, "
                   "PRIMARY KEY (kind, entry)) WITHOUT ROWID")
        db.execute("INSERT INTO entries VALUES ('page', 'a', ?)", (Cache.pickled("a", "old"),))
    db.close()
    cache = Cache(tmp_path)
    assert cache.get("page", "a") is None  # not read
    cache.put("page", "a", "new")
    cache.close()
    with sqlite3.connect(path) as db:
        table = db.execute("SELECT sql FROM sqlite_master WHERE name = 'entries'").fetchone()[0]
        assert "WITHOUT ROWID" not in table
        assert db.execute("PRAGMA user_version").fetchone()[0] == Cache.LAYOUT
        assert db.execute("PRAGMA page_size").fetchone()[0] == Cache.PAGE_SIZE
    db.close()
    again = Cache(tmp_path)
    assert again.get("page", "a") == "new" and again.hits == 1
    again.close()


def test_a_cache_entry_that_does_not_match_or_load_is_rebuilt(tmp_path):
    project = pile(make_project(tmp_path / "p"))
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    build(project, BuildOptions(engine_loader=StubEngine().loader))  # now everything is in the memory
    reference = site_bytes(project / "site")
    damage(project, "outline")  # what every build reads of each source
    result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert result.report["cache"]["misses"] >= 2
    assert site_bytes(project / "site") == reference
    damage(project, "ingest")  # read only when a source is paired again: here, all of them
    with sqlite3.connect(project / ".cache" / "cache.sqlite3") as db:
        db.execute("DELETE FROM entries WHERE kind = 'pair'")
    result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert result.report["cache"]["misses"] >= 3
    assert site_bytes(project / "site") == reference


def test_a_second_build_comes_from_the_cache_and_an_edit_renders_one_page(tmp_path):
    project = pile(make_project(tmp_path / "p"))
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    again = build(project, BuildOptions(engine_loader=StubEngine().loader))
    # nothing per source is made again; only pages that show the build report (now "from memory") are
    assert set(again.report["cache"]["missed"]) <= {"html"}
    memory_file = project / "content" / "translations" / "003_d53ac884832c097b.yml"
    data = yaml.safe_load(memory_file.read_text(encoding="utf-8"))
    data["entries"][-1]["edited"] = "An edit that must reach its page."
    memory_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    edited = build(project, BuildOptions(engine_loader=StubEngine().loader))
    missed = edited.report["cache"]["missed"]
    assert missed.pop("pair") == 1 and missed.pop("page") == 1  # that source's pairing and its page
    assert missed.pop("summary") == 1  # its story's summary (of four)
    assert set(missed) <= {"html"}  # and site pages that quote the edited sentence, if any
    page = (project / "site" / "sources" / "003_d53ac884832c097b.html").read_text(encoding="utf-8")
    assert "An edit that must reach its page." in page


def test_an_edit_of_a_sentence_a_summary_quotes_reaches_the_story_page_and_other_summaries_are_cached(tmp_path):
    """Each story's summary is cached under everything it reads (its reports as paired, with their English): an
    edited translation of a sentence the summary quotes shows on the story's page, and the other stories'
    summaries come from the cache."""
    import json

    from generator.arabic import text_key

    project = pile(make_project(tmp_path / "p"))
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    stories = json.loads((project / "site" / "data" / "briefing.json").read_text(encoding="utf-8"))["stories"]
    assert len(stories) == 4
    story = next(s for s in stories if s["summary"]["lead"])
    quoted = story["summary"]["lead"][0]
    memory_file = project / "content" / "translations" / f"{quoted['source_id']}.yml"
    data = yaml.safe_load(memory_file.read_text(encoding="utf-8"))
    entry = next(e for e in data["entries"] if e.get("key") == text_key(quoted["ar"]))
    entry["edited"] = "An edit the summary must quote."
    memory_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    edited = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert edited.report["cache"]["missed"].get("summary") == 1 and edited.report["cache"]["hits"] >= 3
    page = (project / "site" / "stories" / f"{story['id']}.html").read_text(encoding="utf-8")
    assert "An edit the summary must quote." in page
    again = json.loads((project / "site" / "data" / "briefing.json").read_text(encoding="utf-8"))["stories"]
    assert next(s for s in again if s["id"] == story["id"])["summary"]["lead"][0]["en"] == \
        "An edit the summary must quote."


EDIT_SCRIPT = """
import sys, yaml
from pathlib import Path
import generator.build as b
from tests.stub import StubEngine
project = Path(sys.argv[1])
memory_file = project / "content" / "translations" / "003_d53ac884832c097b.yml"
data = yaml.safe_load(memory_file.read_text(encoding="utf-8"))
data["entries"][-1]["edited"] = "An edit in a process of its own."
memory_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
b.build(project, b.BuildOptions(engine_loader=StubEngine().loader))
print("numpy" in sys.modules)
"""


def test_an_edit_rebuild_takes_everything_numpy_serves_from_the_cache(tmp_path):
    """numpy is imported when first used (generator/lazy.py): an edited translation's rebuild takes the
    statements, stories, related stories and teasers from the cache and never imports it (0.1–0.2 s)."""
    import os
    import subprocess
    import sys

    from tests.conftest import PYTHONPATH

    project = pile(make_project(tmp_path / "p"))
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    done = subprocess.run([sys.executable, "-c", EDIT_SCRIPT, str(project)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": PYTHONPATH})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"
    assert "An edit in a process of its own." in (project / "site" / "sources" / "003_d53ac884832c097b.html").read_text(
        encoding="utf-8")


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


def test_a_cache_file_that_is_not_a_database_is_replaced_and_old_pickles_are_removed(tmp_path):
    project = pile(make_project(tmp_path / "p"))
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    build(project, BuildOptions(engine_loader=StubEngine().loader))  # now everything is in the memory
    reference = site_bytes(project / "site")
    cache = project / ".cache"
    (cache / "cache.sqlite3").write_bytes(b"garbage, not SQLite" * 100)
    for suffix in ("-wal", "-shm"):
        (cache / f"cache.sqlite3{suffix}").unlink(missing_ok=True)
    old = cache / "ingest" / "ab" / "ab12.pickle"  # the layout of earlier versions
    old.parent.mkdir(parents=True)
    old.write_bytes(b"old")
    result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert result.report["cache"]["hits"] == 0 and site_bytes(project / "site") == reference
    assert not (cache / "ingest").exists()
    again = build(project, BuildOptions(engine_loader=StubEngine().loader))
    # nothing per source is made again; only pages that show the build report (now "from memory") are
    assert set(again.report["cache"]["missed"]) <= {"html"}


def fragments(bundle: Path) -> str:
    """The text of every page Pagefind indexed (its fragments are gzipped JSON behind a signature)."""
    return "".join(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                   for path in sorted((bundle / "fragment").glob("*.pf_fragment")))


def test_pagefind_runs_only_when_what_search_finds_has_changed(tmp_path, monkeypatch):
    from generator.site import search

    runs = []
    real = search.start_pagefind
    monkeypatch.setattr(search, "start_pagefind", lambda *args: runs.append(args) or real(*args))
    project = pile(make_project(tmp_path / "p"))
    (project / "content" / "site.yml").write_text("search: true\n", encoding="utf-8")
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    build(project, BuildOptions(engine_loader=StubEngine().loader))  # everything from the memory now
    entry = project / "site" / "pagefind" / "pagefind-entry.json"
    before, runs[:] = entry.stat(), []
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert runs == [] and entry.stat().st_ino == before.st_ino  # the same bundle, linked into the new site
    memory_file = project / "content" / "translations" / "003_d53ac884832c097b.yml"
    data = yaml.safe_load(memory_file.read_text(encoding="utf-8"))
    data["entries"][-1]["edited"] = "An edit that search must find."
    memory_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    # only the English bundle is made again; the Arabic one, whose records are the same, is linked in
    assert [args[3] for args in runs] == ["en"] and entry.stat().st_ino == before.st_ino
    assert "An edit that search must find." in fragments(project / "site" / "pagefind-en")
    shutil.rmtree(project / "site" / "pagefind")  # a bundle that is gone is made again, never assumed
    runs[:] = []
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert [args[3] for args in runs] == ["ar"] and entry.is_file()


def test_the_code_version_covers_the_default_templates(tmp_path):
    """Cached pages were rendered with the generator's own templates: changing one must invalidate them."""
    from generator.cache import package_digest

    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = package_digest(package)
    assert package_digest(package) == before
    for name in ("templates/source.html", "templates/static/style.css", "analysis/number_rules.yml"):
        path = package / name
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert package_digest(package) != before, name
        path.write_bytes(original)
    assert package_digest(package) == before


def test_cached_pages_and_seeds_follow_every_change(tmp_path):
    """Site pages come from the cache only when their template and everything they show are unchanged; a seed
    is decoded again when its bytes change."""
    project = make_project(tmp_path / "p")
    (project / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    build(project, BuildOptions(engine_loader=StubEngine().loader))  # its report says "from memory" now
    again = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert again.report["cache"]["missed"] == {}  # every page, seed and source from the cache
    override = project / "templates" / "search.html"
    override.write_text("{% extends 'base.html' %}{% block main %}<p>A project's own search page.</p>"
                        "{% endblock %}", encoding="utf-8")
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert "A project's own search page." in (project / "site" / "search.html").read_text(encoding="utf-8")
    (project / "content" / "about.md").write_text("# About\n\nA sentence written after the last build.\n",
                                                  encoding="utf-8")
    override.unlink()
    result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert "A sentence written after the last build." in (project / "site" / "about.html").read_text(encoding="utf-8")
    assert "A project's own search page." not in (project / "site" / "search.html").read_text(encoding="utf-8")
    assert result.report["cache"]["missed"].get("seed") is None
    seed = sorted((project / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8").replace("الحسكة", "القامشلي", 1), encoding="utf-8")
    result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert result.report["cache"]["missed"]["seed"] == 1
    page = (project / "site" / "sources" / f"{seed.stem}.html").read_text(encoding="utf-8")
    assert "القامشلي" in page


def test_a_rebuild_links_every_page_it_would_write_unchanged_and_never_a_page_changed_on_disk(tmp_path):
    """Pages (story pages, lists, figures, about …) whose key is unchanged and whose file the last build wrote
    untouched are linked into the new site, not written again; a page someone changed in the site is made again."""
    project = pile(make_project(tmp_path / "p"))
    for _ in range(2):  # the second build's report says "from memory": pages that show it change once
        build(project, BuildOptions(engine_loader=StubEngine().loader))
    site = project / "site"
    before = {p.relative_to(site): p.stat().st_ino for p in site.rglob("*.html")}
    assert len([p for p in before if p.parts[0] == "stories"]) >= 8  # a story page and a figures page each
    (site / "about.html").write_text("<p>changed by hand</p>", encoding="utf-8")
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    after = {p.relative_to(site): p.stat().st_ino for p in site.rglob("*.html")}
    assert after.keys() == before.keys()
    assert [p for p in before if before[p] != after[p]] == [Path("about.html")]
    assert "changed by hand" not in (site / "about.html").read_text(encoding="utf-8")


def test_a_warm_rebuild_gives_the_cold_build_site_after_any_change(tmp_path):
    """After each kind of change, a rebuild from the cache writes the very site a cold build of the same project
    writes: nothing a page shows (its story, its neighbours, other reports, the briefing's numbering) is stale."""
    project = pile(make_project(tmp_path / "p"))
    held = project / "seeds" / "event3-02_mutawassit24.txt"
    kept_aside = held.read_bytes()
    held.unlink()
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    build(project, BuildOptions(engine_loader=StubEngine().loader))

    def add_seed() -> None:
        held.write_bytes(kept_aside)

    def remove_seed() -> None:
        (project / "seeds" / "event2-01_sahel_agency.txt").unlink()

    def name_a_story() -> None:
        lock = yaml.safe_load((project / "content" / "stories.lock.yml").read_text(encoding="utf-8"))
        story = next(s for s, members in lock["stories"].items() if "event3-02_mutawassit24" in members)
        (project / "content" / "stories.yml").write_text(
            yaml.safe_dump({"names": {story: {"title_en": "A title an editor chose"}}}), encoding="utf-8")

    def exclude_a_report() -> None:
        (project / "content" / "stories.yml").write_text(yaml.safe_dump({"exclude": ["000_7ad85326219839b7"]}),
                                                         encoding="utf-8")

    def leave_one_story() -> None:  # the report in no story still shows the site's menu, which changes here
        (project / "content" / "stories.yml").write_text(yaml.safe_dump({
            "exclude": ["000_7ad85326219839b7"], "merge": [sorted(lock()["stories"])]}), encoding="utf-8")

    def lock() -> dict:
        return yaml.safe_load((project / "content" / "stories.lock.yml").read_text(encoding="utf-8"))

    def edit_a_translation() -> None:
        path = project / "content" / "translations" / "003_d53ac884832c097b.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["entries"][2]["edited"] = "An edit made after the last build."
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    for n, change in enumerate((add_seed, remove_seed, name_a_story, edit_a_translation, exclude_a_report,
                                leave_one_story)):
        change()
        cold = tmp_path / f"cold-{n}"
        shutil.copytree(project, cold, ignore=shutil.ignore_patterns(".cache", "site"))
        build(project, BuildOptions(engine_loader=StubEngine().loader))
        build(cold, BuildOptions(engine_loader=StubEngine().loader))
        assert site_bytes(project / "site") == site_bytes(cold / "site"), change.__name__


def test_compiled_templates_that_cannot_be_kept_cost_only_a_compile(tmp_path, monkeypatch):
    """A cache that cannot be read or written makes a build slower, never fail."""
    import jinja2

    def refuse(self, bucket):
        raise PermissionError(13, "Permission denied")

    project = make_project(tmp_path / "p")
    (project / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "dump_bytecode", refuse)
    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "load_bytecode", refuse)
    result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert result.exit_code == 0 and (project / "site" / "index.html").is_file()
    stale = project / ".cache" / "templates" / "another-version"
    stale.mkdir(parents=True)
    (stale / "__jinja2_x.cache").write_bytes(b"old")
    monkeypatch.undo()
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert not stale.exists()  # compiled by another version of the generator: removed


def test_a_large_pile_is_indexed_in_parts_and_fewer_parts_leave_nothing_behind(tmp_path, monkeypatch):
    """Past search.PART sources the index is made in parts, one Pagefind run after another (each needs the
    memory of its part only): every source in exactly one bundle, the search page told which to merge; when
    the pile needs fewer parts, the records of the others are removed."""
    from generator.site import search

    monkeypatch.setattr(search, "PART", 6)
    project = pile(make_project(tmp_path / "p"))
    (project / "content" / "site.yml").write_text("search: true\n", encoding="utf-8")
    result = build(project, BuildOptions(engine_loader=StubEngine().loader))
    site, ids = project / "site", [p.stem for p in (project / "site" / "sources").glob("*.html")]
    assert len(ids) == result.report["sources"] > 12
    names, english = search.bundle_names(len(ids)), search.bundle_names(len(ids), "en")
    assert len(names) == 3 and sorted(p.name for p in site.glob("pagefind*")) == sorted(names + english)
    for bundles in (names, english):
        indexed = [fragments(site / name) for name in bundles]
        assert all(sum(f'"target":"sources/{i}.html"' in text for text in indexed) == 1 for i in ids)
    page = (site / "search.html").read_text(encoding="utf-8")
    assert 'data-merge="pagefind-2/ pagefind-3/"' in page and 'data-merge-en="pagefind-en-2/ pagefind-en-3/"' in page
    assert sorted(p.name for p in (project / ".cache").glob("search*")) == ["search", "search-2", "search-3"]
    monkeypatch.setattr(search, "PART", 100)
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert sorted(p.name for p in site.glob("pagefind*")) == ["pagefind", "pagefind-en"]
    assert "data-merge" not in (site / "search.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (project / ".cache").glob("search*")) == ["search"]
    assert all(f'"target":"sources/{i}.html"' in fragments(site / "pagefind") for i in ids)


def test_search_is_indexed_while_the_pages_are_written_and_its_leftovers_are_ours_only(tmp_path, monkeypatch):
    """Pagefind starts before the pages are rendered (so that it indexes on the other core) and its bundle is
    moved in at the end; a folder it left beside the site when a build was killed is removed by the next
    build, but only when it carries the generator's mark."""
    from generator.site import search

    events = []
    real_start, real_files = search.start_pagefind, build_module._files
    monkeypatch.setattr(search, "start_pagefind", lambda *args: events.append("pagefind") or real_start(*args))
    monkeypatch.setattr(build_module, "_files", lambda *args: events.append("render") or real_files(*args))
    project = make_project(tmp_path / "p")
    (project / "content" / "site.yml").write_text("search: true\n", encoding="utf-8")
    killed = project / ".site-search-killed"
    killed.mkdir()
    (killed / search.WORK_STAMP).write_text("", encoding="utf-8")
    users = project / ".site-search-notes"
    users.mkdir()
    (users / "mine.txt").write_text("keep", encoding="utf-8")
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    assert events[0] == "pagefind" and "render" in events and events.count("pagefind") == 2  # Arabic (before the
    #                                                    pages), then English (once the Arabic is done)
    assert (project / "site" / "pagefind" / "pagefind.js").is_file()
    assert not killed.exists() and (users / "mine.txt").read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in project.glob(".site-*")) == [".site-search-notes"]  # nothing of ours left


def test_the_large_data_files_are_written_in_pieces_and_read_as_one_json(tmp_path):
    """figures.json, figures.csv and briefing.json are written a piece at a time (at 10,000 reports they are
    tens of MB each: never held whole, nor encoded whole), and the pieces make the same files."""
    import csv
    import json

    from generator.site.export import FIGURE_FIELDS
    from generator.site.write import write_site

    out = tmp_path / "out"
    write_site(out, {"a.txt": iter(["one ", "two", "\n"]), "b.txt": lambda: (p for p in ["x", "y"])})
    assert (out / "a.txt").read_text(encoding="utf-8") == "one two\n" and (out / "b.txt").read_text() == "xy"

    project = pile(make_project(tmp_path / "p"))
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    site = project / "site" / "data"
    figures = json.loads((site / "figures.json").read_text(encoding="utf-8"))["figures"]
    rows = list(csv.DictReader((site / "figures.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert figures and len(rows) == len(figures) and [r["id"] for r in rows] == [f["id"] for f in figures]
    assert all(list(record) == list(FIGURE_FIELDS) for record in figures)  # the CSV writes the values in this order
    for row, record in zip(rows, figures, strict=True):  # each column under its own header (the CSV rows are
        #                                                 the records' values in order)
        assert (row["type"], row["url"], row["sentence"], row["paragraph"]) == (
            record["type"], record["url"], str(record["sentence"]), record["paragraph"] or "")
    briefing = json.loads((site / "briefing.json").read_text(encoding="utf-8"))
    assert len(briefing["sources"]) >= 9 and briefing["stories"] and briefing["statements"]


def test_statements_worked_out_ahead_give_the_same_site(tmp_path, monkeypatch):
    """A cold build works out statements and teasers in a child process while it translates and pairs
    (ahead.py), then groups the stories itself. The site is byte for byte the one this process works out
    itself; a child that fails, or that read a source the build could not pair (and leaves out), is not used."""
    from generator import ahead, pipeline

    used: list[bool] = []
    found = ahead.Ahead.found

    def spy(self, sources):
        answer = found(self, sources)
        used.append(answer is not None)
        return answer

    monkeypatch.setattr(ahead.Ahead, "found", spy)
    # (threads other tests left in this process would rule the fork out: see the next test for that rule)
    monkeypatch.setattr(build_module, "worth_it", lambda count, workers, pool_from: workers > 1 and count >= pool_from)

    def built(name: str, workers: int) -> dict[str, str]:
        project = pile(make_project(tmp_path / name))
        build(project, BuildOptions(engine_loader=StubEngine().loader, settings={"workers": workers}, use_cache=False))
        return site_bytes(project / "site")

    here = built("here", 1)
    assert used == []
    assert built("ahead", 2) == here and used == [True]

    def failing(*args, **kwargs):
        raise RuntimeError("a bug in the child")

    with monkeypatch.context() as patch:
        patch.setattr(ahead, "teasers", failing)  # the child's own name: this process still finds teasers
        assert built("failed", 2) == here and used == [True, False]

    def no_process(*args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    with monkeypatch.context() as patch:
        patch.setattr(build_module, "Ahead", no_process)  # no process to be had: the build does it itself
        assert built("no-process", 2) == here and used == [True, False]

    pair = pipeline.pair_article

    def one_fails(article, *args, **kwargs):
        if article.meta.id.startswith("event3"):
            raise RuntimeError("cannot pair")
        return pair(article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "pair_article", one_fails)  # the build's pairing only, not the child's
    without = built("without-here", 1)
    assert built("without-ahead", 2) == without and used == [True, False, False] and without != here


def test_a_site_on_a_filesystem_without_hard_links_gets_copies(tmp_path, monkeypatch):
    """A page kept from the last build is hard linked into the new site; where the filesystem has no hard links
    (FAT, some network and FUSE mounts answer EPERM) it is copied instead of failing the build (a code review)."""
    from generator.site import write

    kept = tmp_path / "old" / "index.html"
    kept.parent.mkdir()
    kept.write_text("<p>kept</p>", encoding="utf-8")

    def no_links(source, target):
        raise OSError(1, "Operation not permitted")  # (what vfat answers)

    monkeypatch.setattr(write.os, "link", no_links)
    write.write_site(tmp_path / "out", {"index.html": kept, "b.txt": "b"})
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8") == "<p>kept</p>"


def test_the_new_site_takes_the_old_ones_place_in_one_step_and_by_two_renames_where_it_cannot(tmp_path, monkeypatch):
    """`serve` answers while it rebuilds: where the system can (Linux's renameat2), the new site and the old one
    trade names in one step, so the output folder is never missing for a request; elsewhere two renames, as
    before. Either way the old site is gone afterwards and nothing is left beside it."""
    from generator.site import write

    out = tmp_path / "site"
    write.write_site(out, {"index.html": "one"})
    missing: list[str] = []
    real_replace = os.replace

    def watched_replace(source, target):  # the output folder is looked at around every rename of the swap
        result = real_replace(source, target)
        if not out.is_dir():
            missing.append(str(target))
        return result

    monkeypatch.setattr(write.os, "replace", watched_replace)
    write.write_site(out, {"index.html": "two"})
    assert (out / "index.html").read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    (tmp_path / "probe-a").mkdir()
    (tmp_path / "probe-b").mkdir()
    one_step = write._exchange(tmp_path / "probe-a", tmp_path / "probe-b")  # (Linux, on most filesystems)
    (tmp_path / "probe-a").rmdir()
    (tmp_path / "probe-b").rmdir()
    if one_step:  # (where the filesystem cannot, NFS or FUSE, the two renames below are all there is)
        assert missing == []  # (two renames leave it missing between them: the old site aside, the new not in)

    monkeypatch.setattr(write, "_exchange", lambda first, second: False)  # a system without the one step
    write.write_site(out, {"index.html": "three"})
    assert (out / "index.html").read_text(encoding="utf-8") == "three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert len(missing) == 1  # (the watch sees the moment two renames leave: what the one step spares serve)


def test_no_fork_ahead_with_another_thread_running_or_a_small_pile_or_one_worker():
    import threading

    from generator.ahead import worth_it

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    alone = threading.active_count() == 1
    assert worth_it(40, 2, 12) == alone and not worth_it(11, 2, 12) and not worth_it(40, 1, 12)
    other.start()
    try:
        assert not worth_it(40, 2, 12)  # (serve builds in a thread of its own: no fork there)
    finally:
        stop.set()
        other.join()


AHEAD_SCRIPT = """
import signal, sys, time
from pathlib import Path
import generator.ahead as ahead
import generator.build as b
from tests.stub import StubEngine
project, mode, seconds, marker = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), Path(sys.argv[4])
pair_all = b.pair_all
def slow(*args, **kwargs):  # pairing starts once the child is forked
    marker.write_text("pairing")
    time.sleep(seconds)
    if mode == "raise":
        raise RuntimeError("pairing failed")
    return pair_all(*args, **kwargs)
b.pair_all = slow
if mode == "raise":
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(3))  # an application's own handler
if mode == "kill":
    teasers = ahead.teasers
    def slow_child(*args):  # the child's own name: it is still working when the build is killed
        time.sleep(3)
        return teasers(*args)
    ahead.teasers = slow_child
b.build(project, b.BuildOptions(engine_loader=StubEngine().loader, use_cache=False, settings={"workers": 2}))
"""


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(n) for n in task.read_text().split()]
    return found


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] in ("Z", "X")
    except OSError:
        return True


def _waited(predicate, seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.1)
    return predicate()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_the_child_working_ahead_never_outlives_or_blocks_the_build(tmp_path):
    """The child ends as soon as it has sent its answer, while the build still pairs (its memory is not held
    through a long translation); a build that fails while the child waits (even under an application's own
    SIGTERM handler) ends at once; a build that is killed leaves no child behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import PYTHONPATH

    env = {**os.environ, "PYTHONPATH": PYTHONPATH}

    def run(name: str, mode: str, seconds: int) -> tuple[subprocess.Popen, Path]:
        project, marker = pile(make_project(tmp_path / name)), tmp_path / f"{name}.marker"
        return subprocess.Popen([sys.executable, "-c", AHEAD_SCRIPT, str(project), mode, str(seconds), str(marker)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True), marker

    build, marker = run("raise", "raise", 3)
    started = time.monotonic()
    _, err = build.communicate(timeout=120)
    assert build.returncode != 0 and "pairing failed" in err and time.monotonic() - started < 60

    build, marker = run("early", "sleep", 60)
    try:
        assert _waited(marker.exists, 60)
        assert _waited(lambda: all(_gone(pid) for pid in _children(build.pid)), 30) and build.poll() is None
    finally:
        build.kill()
        build.communicate()

    build, marker = run("kill", "kill", 60)
    try:
        assert _waited(marker.exists, 60)
        children = _children(build.pid)
        assert children, "the child should still be working"
    finally:
        build.send_signal(signal.SIGKILL)
        build.communicate()
    assert _waited(lambda: all(_gone(pid) for pid in children), 30)


def test_an_outline_carries_each_sentences_memory_key_as_the_analysis_noted_it(tmp_path):
    """pipeline.Outline.keys: text_key of every sentence the source translates (headline, outlet name, each
    paragraph's sentences), taken from the analysis stage's notes; arabic.known_keys() remembers them for this
    process and text_key() then gives the same key it would compute."""
    import generator.arabic as arabic
    from generator.config import load_config
    from generator.ingest.read import read_seeds
    from generator.pipeline import Outline
    from generator.pipeline import prepare as prepare_one

    config = load_config(make_project(tmp_path / "p"))
    seeds, _ = read_seeds(config.seeds_path, config.roots)
    for seed in seeds:
        article, _ = prepare_one(seed, config)
        outline = Outline.of(article)
        assert len(outline.keys) == len(outline.sentences) > 3
        arabic._KEYS.clear()
        assert list(outline.keys) == [arabic.text_key(s) for s in outline.sentences]
        arabic._KEYS.clear()
        arabic.known_keys([("نص", "not its key")])
        assert arabic.text_key("نص") == "not its key"  # (what is remembered is trusted: hence keys from the notes)
        arabic._KEYS.clear()
        assert arabic.text_key("نص") != "not its key"


def test_pagefind_runs_as_its_own_executable_where_the_package_names_one(tmp_path, monkeypatch):
    """search.pagefind_command: $PAGEFIND_BINARY_PATH when it is an executable file, else the binary the
    pagefind[bin] package ships (no Python started only to exec it), else `python -m pagefind`."""
    import os
    import stat
    import sys

    from generator.site import search

    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    try:
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
        search.pagefind_command.cache_clear()
        assert search.pagefind_command() == (str(fake),)
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "missing"))
        search.pagefind_command.cache_clear()
        assert search.pagefind_command() == (sys.executable, "-m", "pagefind")
        monkeypatch.delenv("PAGEFIND_BINARY_PATH")
        search.pagefind_command.cache_clear()
        found = search.pagefind_command()
        assert len(found) == 1 and os.access(found[0], os.X_OK)  # (pagefind[bin] is a dependency)
    finally:
        search.pagefind_command.cache_clear()


def test_the_english_bundles_are_those_of_parts_that_have_english(monkeypatch):
    """A code review found a pile whose first part alone had English listing pagefind-en-2/ and pagefind-en-3/
    on the search page, which no build made: every English query failed to load. The English bundles are one per
    part that has English, named in order, and the page lists exactly those."""
    from types import SimpleNamespace

    from generator.site import search

    monkeypatch.setattr(search, "PART", 2)

    def source(english):
        return SimpleNamespace(pairs=[SimpleNamespace(ar="نص", en="text" if english else "")])
    pile = [source(True), source(False), source(False), source(False), source(False), source(True)]
    made = search.bundles(pile)
    assert made["ar"] == [(0, "pagefind"), (1, "pagefind-2"), (2, "pagefind-3")]
    assert made["en"] == [(0, "pagefind-en"), (2, "pagefind-en-2")]
    assert search.bundles([source(False)])["en"] == []


def test_the_scale_benchmark_builds_a_project_through_the_command_line(tmp_path):
    """bench/scale.py's own path to a build (a fifteenth-session edit once left Generator.build outside its class, and
    the benchmark stopped at its first build with no test failing): a small project builds, its sources and stage
    times are read."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import scale
    finally:
        sys.path.remove(str(ROOT / "bench"))
    project = make_project(tmp_path / "project")
    (project / "content" / "site.yml").write_text("fetch_model: false\nsearch: false\n", encoding="utf-8")
    report = scale.Generator(tmp_path / "work").build(project)
    assert report.ok, report.crash
    assert report.sources == len(list((ROOT / "seeds").glob("*.txt")))
    assert report.timings and "prepare" in report.timings
