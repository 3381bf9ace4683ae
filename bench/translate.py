"""Translation speed: naive Argos use vs. the engine's limit vs. our build's translation stage.

Runs three ways over the same sentences, each in its own process (so peak memory is its own):

  (a) naive  – argostranslate's translate() called per paragraph, as its users call it (its sentence
               splitter swapped for ours so it runs offline);
  (b) engine – one raw ctranslate2 Translator.translate_batch over all pre-tokenised sentences, same beam;
  (c) ours   – the build's translation stage (generator.translation.translate.translate_all with a fresh memory):
               tokenising, batching, translating and the memory writes after every batch.

(a) is timed whole, as its users experience it; (b) and (c) from a loaded model on.

Prints sentences/second, the ratios a/c (target ≥ 3) and c/b (target ≤ 1.15), and peak memory.

Usage:
  python bench/translate.py                       # synthetic model built from the seeds (see below)
  python bench/translate.py --package PATH        # a real .argosmodel file or installed package folder
  python bench/translate.py --sentences 600       # fewer sentences for a quicker run

With the synthetic test model (random weights) the English is gibberish and never ends, so every
method is made to decode the same fixed number of tokens per sentence (FIXED_STEPS): the comparison
is then of batching and overhead, as with a real model. The RATIOS hold, the absolute speeds do not.
With a real package nothing is fixed: each method runs with its own defaults.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXED_STEPS = 48
sys.path.insert(0, str(ROOT))


def seed_paragraphs(total_sentences: int = 0) -> list[list[str]]:
    """The seeds' paragraphs (as sentence lists), repeated with a copy number until ~total sentences
    (0: the five seeds once)."""
    from generator.ingest.clean import clean
    from generator.ingest.segment import segment

    base = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        base += [list(p.sentences) for p in segment(clean(path.read_text(encoding="utf-8")).blocks)]
    if total_sentences <= 0:
        return base
    paragraphs, count, copy = [], 0, 0
    while count < total_sentences:
        for paragraph in base:
            # Copies differ by a number so that no method can reuse an earlier identical sentence.
            paragraphs.append([f"{s} ({copy})" if copy else s for s in paragraph])
            count += len(paragraph)
            if count >= total_sentences:
                break
        copy += 1
    return paragraphs


def run_naive(package: Path, paragraphs: list[list[str]], beam: int, fixed: int | None) -> None:
    os.environ["ARGOS_BEAM_SIZE"] = str(beam)
    import ctranslate2
    from argostranslate import sbd, translate

    if fixed:  # synthetic model: every method decodes the same number of steps (see --help)
        original = ctranslate2.Translator.translate_batch

        def fixed_length(self, *args, **kwargs):
            return original(self, *args, **{**kwargs, "max_decoding_length": fixed})

        # argostranslate calls ctranslate2.Translator(...) at run time: give it one with the fixed length.
        ctranslate2.Translator = type("FixedTranslator", (ctranslate2.Translator,), {"translate_batch": fixed_length})

    from generator.ingest.segment import split_sentences

    # argostranslate's own splitters download models at run time; ours runs offline.
    sbd.MiniSBDSentencizer.__init__ = lambda self, pkg: setattr(self, "pkg", pkg)
    sbd.MiniSBDSentencizer.split_sentences = lambda self, text: split_sentences(text)
    for paragraph in paragraphs:
        translate.translate(" ".join(paragraph), "ar", "en")


def run_engine(package: Path, sentences: list[str], beam: int, ceiling: int, batch: int) -> float:
    """Only the translate_batch call is timed: the engine's limit, excluding loading and tokenising."""
    import ctranslate2
    from argostranslate.package import Package

    pkg = Package(package)
    tokens = [pkg.tokenizer.encode(s) for s in sentences]
    translator = ctranslate2.Translator(str(package / "model"), device="cpu", compute_type="int8",
                                       inter_threads=1, intra_threads=os.cpu_count() or 1)
    started = time.perf_counter()
    translator.translate_batch(tokens, max_batch_size=batch, beam_size=beam, length_penalty=0.2,
                               max_decoding_length=ceiling, replace_unknowns=True)
    return time.perf_counter() - started


def run_ours(package: Path, sentences: list[str], beam: int, fixed: int | None) -> float:
    """The stage as the build runs it, timed like (b): after the model is loaded (it has to be, either way);
    tokenising, batching, translating and writing the memory after every batch are all counted."""
    from generator.config import load_config
    from generator.translation.argos import ArgosEngine, _ref
    from generator.translation.memory import Memory
    from generator.translation.translate import translate_all

    config = load_config(ROOT, {"beam_size": beam, **({"max_decoding_length": fixed} if fixed else {})})
    from argostranslate.package import Package

    engine = ArgosEngine(_ref(Package(package)), config)
    # As in a build: one memory file per source (here: runs of 20 sentences, the seeds' average).
    sources = {f"source-{i // 20}": sentences[i:i + 20] for i in range(0, len(sentences), 20)}
    with tempfile.TemporaryDirectory() as tmp:
        memory = Memory(Path(tmp))

        started = time.perf_counter()
        translate_all(sentences, memory, None, lambda missing: engine, False, on_batch=memory.flush_journal,
                      max_tokens=config.batch_tokens, max_items=config.batch_size)
        for source_id, group in sources.items():  # as the build does at the end
            memory.save(source_id, group)
        memory.close_journal()
        return time.perf_counter() - started


def child(args: argparse.Namespace) -> None:
    paragraphs = seed_paragraphs(args.sentences)
    sentences = [s for p in paragraphs for s in p]
    package = Path(args.package_dir)
    started = time.perf_counter()
    if args.method == "naive":
        run_naive(package, paragraphs, args.beam, args.fixed)
        seconds = time.perf_counter() - started
    elif args.method == "engine":
        seconds = run_engine(package, sentences, args.beam, args.fixed or args.ceiling, args.batch)
    else:
        seconds = run_ours(package, sentences, args.beam, args.fixed)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"sentences": len(sentences), "seconds": seconds, "peak_mb": peak_mb}))


def install(package: str | None, workdir: Path) -> tuple[Path, bool]:
    """An installed package folder to bench: the given one, or the synthetic model built from the seeds."""
    synthetic = package is None
    if synthetic:
        from tests.synthetic_argos import build_package

        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        package = str(build_package(workdir / "synthetic.argosmodel", texts))
    path = Path(package)
    if path.is_dir():
        return path, synthetic
    with zipfile.ZipFile(path) as archive:
        archive.extractall(workdir / "packages")
        folder = archive.namelist()[0].split("/")[0]
    return workdir / "packages" / folder, synthetic


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--package", help=".argosmodel file or installed package folder (default: synthetic)")
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--method", choices=["naive", "engine", "ours"], help=argparse.SUPPRESS)
    parser.add_argument("--package-dir", help=argparse.SUPPRESS)
    parser.add_argument("--ceiling", type=int, default=256, help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, default=64, help=argparse.SUPPRESS)
    parser.add_argument("--fixed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.method:
        child(args)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        package_dir, synthetic = install(args.package, workdir)
        env = {**os.environ, "ARGOS_PACKAGES_DIR": str(package_dir.parent), "XDG_DATA_HOME": str(workdir / "data"),
               "XDG_CACHE_HOME": str(workdir / "cache"), "XDG_CONFIG_HOME": str(workdir / "config"),
               "PYTHONPATH": str(ROOT)}
        print(f"model: {'synthetic test package (random weights): ratios hold, absolute speeds do not' if synthetic else package_dir}")
        results = {}
        for n in dict.fromkeys((0, args.sentences)):  # the five seeds once, then repeated
            for method in ("naive", "engine", "ours"):
                out = subprocess.run([sys.executable, __file__, "--method", method, "--package-dir", str(package_dir),
                                      "--sentences", str(n), "--beam", str(args.beam),
                                      "--fixed", str(FIXED_STEPS if synthetic else 0)], env=env, capture_output=True,
                                     text=True, check=True)
                results[method] = json.loads(out.stdout.strip().splitlines()[-1])
            count = results["ours"]["sentences"]
            what = "the five seeds" if n == 0 else "the seeds repeated"
            print(f"\n{what}: {count} sentences, beam {args.beam}, {os.cpu_count()} cores")
            for method, label in (("naive", "(a) naive Argos translate() per paragraph"),
                                  ("engine", "(b) one raw translate_batch (engine limit)"),
                                  ("ours", "(c) our translation stage")):
                r = results[method]
                print(f"  {label:<44} {r['sentences'] / r['seconds']:8.2f} sentences/s   peak {r['peak_mb']:7.0f} MB")
            a, b, c = (results[m]["seconds"] for m in ("naive", "engine", "ours"))
            print(f"  a/c = {a / c:.2f}  (ours is {a / c:.2f}× faster than naive use; target ≥ 3)")
            print(f"  c/b = {c / b:.2f}  (ours takes {c / b:.2f}× the engine's time; target ≤ 1.15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
