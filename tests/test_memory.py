from __future__ import annotations

import pytest
import yaml

from generator.errors import ConfigError
from generator.models import Translation
from generator.translation.memory import Memory, write_atomic

AR = "قال المرصد إن 16 قتلوا."


def test_roundtrip_and_model_identity(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "The Observatory said 16 were killed.", "model-a")
    memory.save({"src": [AR]})
    again = Memory(tmp_path)
    assert again.lookup(AR, "model-a").text == "The Observatory said 16 were killed."
    assert again.lookup(AR, None).status == "machine"  # no model to compare with: any is used
    assert again.lookup(AR, "model-b") is None  # another model: translate again
    assert again.lookup("جملة أخرى.", "model-a") is None


def test_key_ignores_diacritics_and_spacing(tmp_path):
    memory = Memory(tmp_path)
    memory.record("قُتل  16.", "16 were killed.", "m")
    assert memory.lookup("قتل 16.", "m").text == "16 were killed."


def test_edit_wins_and_survives_rewrites(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "machine", "m")
    memory.save({"src": [AR]})
    path = tmp_path / "src.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["entries"][0]["edited"] = "Edited by a person."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    memory = Memory(tmp_path)
    assert memory.lookup(AR, "other-model").text == "Edited by a person."
    assert memory.lookup(AR, "other-model").status == "edited"
    memory.record(AR, "new machine output", "other-model")
    memory.save({"src": [AR]})
    assert Memory(tmp_path).lookup(AR, "x").text == "Edited by a person."


def test_edit_of_removed_sentence_is_kept_as_stale(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "machine", "m")
    memory.save({"src": [AR]})
    path = tmp_path / "src.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("model: m", "model: m\n  edited: Kept."),
                    encoding="utf-8")
    memory = Memory(tmp_path)
    memory.record("جملة جديدة.", "new", "m")
    memory.save({"src": ["جملة جديدة."]})
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    assert [(e["ar"], e.get("stale", False)) for e in entries] == [("جملة جديدة.", False), (AR, True)]


@pytest.mark.parametrize("text, where", [
    ("entries: [ {key: 1", r"bad\.yml:2:1: translation memory is not valid YAML"),
    ("entries:\n- key: a\n  ar: x\n  edited: The SDF said: the attack is over.\n", r"bad\.yml:4:\d+: .*quotes"),
    ("entries:\n- !!python/object/apply:os.system [echo hi]\n", r"bad\.yml:2:\d+: .*tag .* not allowed"),
])
def test_a_file_that_does_not_parse_stops_everything_and_is_left_as_it_is(tmp_path, text, where):
    (tmp_path / "bad.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=where):
        Memory(tmp_path)
    assert (tmp_path / "bad.yml").read_text(encoding="utf-8") == text


def test_invalid_utf8_names_the_line(tmp_path):
    (tmp_path / "bad.yml").write_bytes(b"entries:\n- ar: \xff\n")
    with pytest.raises(ConfigError, match=r"bad\.yml:2: translation memory is not valid UTF-8"):
        Memory(tmp_path)


def test_values_are_text_whatever_they_look_like(tmp_path):
    (tmp_path / "src.yml").write_text(f"entries:\n- ar: {AR}\n  mt: '16'\n  model: m\n  edited: Yes\n",
                                      encoding="utf-8")
    assert Memory(tmp_path).lookup(AR, "m") == Translation("Yes", "edited")


def test_an_edit_saved_during_the_build_is_kept_and_used(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "machine", "m")
    memory.save({"src": [AR]})
    memory = Memory(tmp_path)  # a new build starts and reads the file …
    path = tmp_path / "src.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["entries"][0]["edited"] = "Saved while the build was translating."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")  # … a translator saves …
    memory.record("جملة جديدة.", "new machine output", "m")
    memory.save({"src": [AR, "جملة جديدة."]})  # … and the build writes the file afterwards
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    assert entries[0]["edited"] == "Saved while the build was translating." and entries[1]["mt"] == "new machine output"
    assert memory.lookup(AR, "m") == Translation("Saved while the build was translating.", "edited")


def test_an_edit_saved_while_the_build_writes_the_file_is_kept(tmp_path, monkeypatch):
    """A translator's save that lands after the build read the file and while it writes its new version (the
    new text already beside it, before the rename) is not overwritten: the file is compared with what was
    read right before the rename, and the build merges again. (It was compared before the new text was
    written: a save in between was lost.)"""
    from generator.translation import memory as memory_module

    memory = Memory(tmp_path)
    memory.record(AR, "machine", "m")
    memory.save({"src": [AR]})
    path = tmp_path / "src.yml"
    memory = Memory(tmp_path)
    memory.record("جملة جديدة.", "new machine output", "m")
    real, saved = memory_module.write_atomic, []

    def a_save_lands_meanwhile(target, text, *args, **kwargs):
        if not saved:  # the translator's save, once, between the build's read and its rename
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["entries"][0]["edited"] = "Saved while the build was writing."
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            saved.append(True)
        return real(target, text, *args, **kwargs)

    monkeypatch.setattr(memory_module, "write_atomic", a_save_lands_meanwhile)
    memory.save({"src": [AR, "جملة جديدة."]})
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    assert entries[0]["edited"] == "Saved while the build was writing." and entries[1]["mt"] == "new machine output"


def test_write_atomic_replaces_nothing_when_the_file_changed_meanwhile(tmp_path):
    path = tmp_path / "a.yml"
    path.write_text("old", encoding="utf-8")
    assert write_atomic(path, "new", lambda: False) is False
    assert path.read_text(encoding="utf-8") == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["a.yml"]
    assert write_atomic(path, "new", lambda: True) is True and path.read_text(encoding="utf-8") == "new"


def test_a_file_broken_during_the_build_is_not_written(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "machine", "m")
    memory.save({"src": [AR], "other": [AR]})
    memory = Memory(tmp_path)
    (tmp_path / "src.yml").write_text("entries: [ {torn", encoding="utf-8")
    memory.record("جملة جديدة.", "new", "m")
    with pytest.raises(ConfigError, match=r"changed during the build \(it no longer parses"):
        memory.save({"src": [AR, "جملة جديدة."], "other": ["جملة جديدة."]})
    assert (tmp_path / "src.yml").read_text(encoding="utf-8") == "entries: [ {torn"


def test_a_shared_sentence_is_stored_once_and_an_edit_rewrites_nothing(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "machine", "m")
    memory.save({f"s{n}": [AR] for n in range(5)})
    assert "mt: machine" in (tmp_path / "s0.yml").read_text(encoding="utf-8")
    for n in range(1, 5):
        entry = yaml.safe_load((tmp_path / f"s{n}.yml").read_text(encoding="utf-8"))["entries"][0]
        assert entry["see"] == "s0" and "mt" not in entry
    path = tmp_path / "s0.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("mt: machine", "mt: machine\n  edited: By hand."),
                    encoding="utf-8")
    stamps = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.yml")}
    memory = Memory(tmp_path)
    assert all(memory.lookup(AR, "m") == Translation("By hand.", "edited") for _ in range(5))
    memory.save({f"s{n}": [AR] for n in range(5)})
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.yml")} == stamps


def test_two_different_edits_are_a_conflict_and_neither_is_used(tmp_path):
    for name, edit in (("a", "One edit."), ("b", "Another edit.")):
        (tmp_path / f"{name}.yml").write_text(yaml.safe_dump({"entries": [
            {"ar": AR, "mt": "machine", "model": "m", "edited": edit}]}, allow_unicode=True), encoding="utf-8")
    memory = Memory(tmp_path)
    assert memory.lookup(AR, "m") == Translation("machine", "machine")
    assert list(memory.conflicts().values()) == ["“One edit.” (a.yml); “Another edit.” (b.yml)"]


def test_the_same_edit_in_two_files_is_no_conflict(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.yml").write_text(yaml.safe_dump({"entries": [
            {"ar": AR, "mt": "machine", "model": "m", "edited": "Same  edit."}]}, allow_unicode=True), encoding="utf-8")
    memory = Memory(tmp_path)
    assert memory.lookup(AR, "m").status == "edited" and memory.conflicts() == {}


def test_journals_of_shards_are_merged(tmp_path):
    for shard, sentence in ((1, AR), (2, "جملة ثانية.")):
        memory = Memory(tmp_path, journal=f".journal-shard-{shard}-of-2.jsonl")
        memory.record(sentence, f"from shard {shard}", "m")
        memory.flush_journal()
    merged = Memory(tmp_path)
    assert merged.lookup("جملة ثانية.", "m").text == "from shard 2" and merged.lookup(AR, "m").text == "from shard 1"
    merged.save({"src": [AR, "جملة ثانية."]})
    merged.close_journal()
    assert not list(tmp_path.glob(".journal*.jsonl")) and Memory(tmp_path).lookup(AR, "m").text == "from shard 1"


def test_atomic_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "m.yml"
    write_atomic(target, "old")

    def boom(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", boom)
    try:
        write_atomic(target, "new")
    except KeyboardInterrupt:
        pass
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.yml"]


def test_journal_keeps_batches_of_an_interrupted_run(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "first batch", "m")
    memory.flush_journal()
    memory.record("جملة ثانية.", "second batch", "m")
    memory.flush_journal()
    with (tmp_path / ".journal.jsonl").open("a", encoding="utf-8") as journal:
        journal.write('{"ar": "جملة ثالثة.", "mt": "half-writ')  # killed mid-write
    resumed = Memory(tmp_path)
    assert resumed.lookup(AR, "m").text == "first batch"
    assert resumed.lookup("جملة ثانية.", "m").text == "second batch"
    assert resumed.lookup("جملة ثالثة.", "m") is None
    resumed.save({"src": [AR, "جملة ثانية."]})
    resumed.close_journal()
    assert not (tmp_path / ".journal.jsonl").exists()
    assert Memory(tmp_path).lookup("جملة ثانية.", "m").text == "second batch"
