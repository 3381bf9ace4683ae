"""The translation stage: batching, memory use, force, progress, and interrupted writes."""

from __future__ import annotations

import io
import multiprocessing

import yaml

from generator.arabic import text_key
from generator.models import Translation
from generator.progress import Progress
from generator.translation.argos import decoding_limit
from generator.translation.memory import Entry, Memory
from generator.translation.translate import plan_batches, translate_all
from tests.stub import StubEngine

SENTENCES = [f"قال المصدر إن الجملة رقم {i} {'طويلة جدا ' * (i % 7)}انتهت." for i in range(50)]


def test_batches_are_sorted_balanced_and_complete():
    lengths = [5, 300, 7, 120, 6, 8, 250, 9, 100, 4]
    batches = plan_batches(lengths, max_tokens=400, max_items=4)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(flat)
    for batch in batches:
        assert len(batch) <= 4
        assert len(batch) == 1 or max(lengths[i] for i in batch) * len(batch) <= 400
    assert [len(b) for b in batches] == [4, 3, 1, 1, 1]


def test_decoding_limit_grows_with_input_and_is_capped():
    assert decoding_limit(10, 256) == 36
    assert decoding_limit(500, 256) == 256


def test_memory_first_then_engine_once_per_sentence(tmp_path):
    memory = Memory(tmp_path)
    memory.record(SENTENCES[0], "from memory", "stub-engine 1")
    engine = StubEngine()
    flushes = []
    found, report = translate_all(SENTENCES + SENTENCES[:5], memory, "stub-engine 1", engine.loader, False,
                                  on_batch=lambda: flushes.append(1), max_tokens=10_000, max_items=8)
    assert found[SENTENCES[0]] == Translation("from memory", "machine")
    assert report.from_memory == 1 and report.translated == 49
    assert engine.sentences_seen == 49 and len(flushes) == len(engine.calls) == 7  # one flush per batch
    assert all(len(call) <= 8 for call in engine.calls)


def test_force_retranslates_machine_output_but_never_edits(tmp_path):
    entry = Entry(key=text_key(SENTENCES[1]), ar=SENTENCES[1], mt="old machine", model="stub-engine 1",
                  edited="A person's edit.")
    (tmp_path / "src.yml").write_text(yaml.safe_dump({"entries": [entry.as_dict()]}, allow_unicode=True),
                                      encoding="utf-8")
    memory = Memory(tmp_path)
    memory.record(SENTENCES[0], "old machine", "stub-engine 1")
    engine = StubEngine()
    found, report = translate_all(SENTENCES[:2], memory, "stub-engine 1", engine.loader, False, force=True)
    assert found[SENTENCES[0]].text.startswith("STUB-EN") and found[SENTENCES[1]].text == "A person's edit."
    assert report.translated == 1 and report.edited == 1


def test_progress_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(3, "translating", stream=stream, every=0.0)
    for _ in range(3):
        progress.advance()
    progress.done()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("translating: 1/3 sentences (33%), ETA") and "\r" not in stream.getvalue()
    assert lines[-1].startswith("translating: 3/3 sentences in")


def test_progress_bar_with_eta_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    progress = Progress(4, "translating", stream=stream)
    progress.advance(2)
    assert "\rtranslating [###############" in stream.getvalue() and "2/4 ETA" in stream.getvalue()


def _writer(folder: str, n: int) -> None:
    memory = Memory(__import__("pathlib").Path(folder))
    for i in range(30):
        memory.record(f"جملة {n} {i}.", f"sentence {n} {i}", "m")
        memory.save({"shared": [f"جملة {n} {j}." for j in range(i + 1)]})


def test_concurrent_writers_never_corrupt_the_file(tmp_path):
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_writer, args=(str(tmp_path), n)) for n in range(4)]
    for worker in workers:
        worker.start()
    path, reads = tmp_path / "shared.yml", 0
    while any(worker.is_alive() for worker in workers):  # read all the while they write (a test audit: 200
        if path.exists():                                   # reads could all fall before the first write)
            assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)
            reads += 1
    for worker in workers:
        worker.join()
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]  # none gave up on a file that kept changing
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert reads and len(data["entries"]) == 30 and not list(tmp_path.glob(".*.tmp"))
