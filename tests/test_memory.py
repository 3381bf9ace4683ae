from __future__ import annotations

import yaml

from generator.translation.memory import Memory, write_atomic

AR = "قال المرصد إن 16 قتلوا."


def test_roundtrip_and_model_identity(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "The Observatory said 16 were killed.", "model-a")
    memory.save("src", [AR])
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
    memory.save("src", [AR])
    path = tmp_path / "src.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["entries"][0]["edited"] = "Edited by a person."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    memory = Memory(tmp_path)
    assert memory.lookup(AR, "other-model").text == "Edited by a person."
    assert memory.lookup(AR, "other-model").status == "edited"
    memory.record(AR, "new machine output", "other-model")
    memory.save("src", [AR])
    assert Memory(tmp_path).lookup(AR, "x").text == "Edited by a person."


def test_edit_of_removed_sentence_is_kept_as_stale(tmp_path):
    memory = Memory(tmp_path)
    memory.record(AR, "machine", "m")
    memory.save("src", [AR])
    path = tmp_path / "src.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("model: m", "model: m\n  edited: Kept."),
                    encoding="utf-8")
    memory = Memory(tmp_path)
    memory.record("جملة جديدة.", "new", "m")
    memory.save("src", ["جملة جديدة."])
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
    assert [(e["ar"], e.get("stale", False)) for e in entries] == [("جملة جديدة.", False), (AR, True)]


def test_corrupt_file_is_a_warning(tmp_path, caplog):
    (tmp_path / "bad.yml").write_text("entries: [ {key: 1", encoding="utf-8")
    memory = Memory(tmp_path)
    assert memory.entries == {}
    assert "unreadable" in caplog.text


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
    resumed.save("src", [AR, "جملة ثانية."])
    resumed.close_journal()
    assert not (tmp_path / ".journal.jsonl").exists()
    assert Memory(tmp_path).lookup("جملة ثانية.", "m").text == "second batch"
