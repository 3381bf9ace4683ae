"""Scale benchmark: the generator on 100 – 10,000 articles, against plain Hugo + Pagefind on the same articles.

Usage (from the repository root):

  python bench/scale.py                                   # sizes 100 and 1,000; real, generated, reprints
  python bench/scale.py --sizes 100,1000,10000            # 10,000 articles too (generated only: see below)
  python bench/scale.py --corpora generated --sizes 1000 --runs 3 --json /tmp/scale.json
  python bench/scale.py --keep /tmp/scale-projects        # keep the projects and Hugo sites for a look
  python bench/scale.py --no-hugo                         # skip the baseline (no ratios)
  python bench/scale.py --selftest                        # check the corpus generators only (no builds)

Needs the shared corpus (default `<repo>/../shared/corpus`, `--corpus DIR`; read, never copied into the
repository), Pagefind in this Python (`python -m pagefind`, a dependency of the project) and, for the
baseline, Debian's Hugo: `apt-get update && apt-get install -y hugo`.

Corpora (all deterministic from `--seed`; see bench/corpora.py):
  real-N          N articles of the shared corpus as a scraper saves them (N ≤ the 3,000 files there;
                  real-10000 is skipped).
  generated-N     stories built from real sentences: shared statements, reprint clusters, page chrome,
                  numbers and dates in Arabic formats.
  reprints-200    the five seeds of seeds/ reprinted 200 times each (1,000 files).

Each corpus is built in a fresh project in a temporary folder (seeds/, a copy of templates/, content/site.yml
with the pile's own title, and a one-line about.md) with `python -m generator --project DIR build
--allow-missing-translations` in a subprocess. So that no build translates or goes to the network, the
project's site.yml gets `fetch_model: false` and $ARGOS_PACKAGES_DIR points to an empty folder. Before any
build, the generator's bytecode cache is brought up to date (`python -m compileall generator`, with
PYTHONDONTWRITEBYTECODE unset for that step only), as an installed package has it: with that variable set and a
module changed since its cache was written, every build compiled it again (about 0.3 s a cold build of real-1000,
2026-11-28, fifteenth session: earlier sessions' ratios include it whenever the cache was stale).
Exit status 1 (some seeds skipped) counts as built unless stderr holds a Python traceback (an uncaught
exception exits 1 too); the "error:" lines on stderr are counted. A failed build is reported with the last
lines of its stderr, and the benchmark goes on with the next corpus.

The baseline is a minimal Hugo site over the same seed files (one page per article listing its lines as
paragraphs, one list page), built with `hugo --quiet` (Debian's 0.111 does not minify unless asked), then
indexed with `python -m pagefind --site public`.

What the numbers mean:
  wall s          wall-clock time of the whole command, Python start-up included (median over --runs); the
                  disk's pending writes are flushed (sync) before each command, outside its time.
  search s        how long the generator's Pagefind run took: from `build --timings FILE` when the generator
                  accepts it (its "pagefind" entry: Pagefind's own run, which overlaps rendering and writing;
                  else its "search" stage), otherwise ("obs") the time Pagefind processes were seen running
                  under the build (sampled every 50 ms). For the baseline: the `python -m pagefind` command.
  w/o search s    wall s minus search s: how much longer the build took than Pagefind alone (the incremental
                  goals are "≤ 2 s plus Pagefind's time").
  peak RSS MB     ru_maxrss from os.wait4 on the command: the largest resident set of any ONE process of
                  the tree that was waited for (the build itself, pool workers, Pagefind). It is a maximum
                  over processes, not a sum. Max over --runs. Each command is started by a small launcher
                  (see LAUNCHER) that does the wait4: a child started straight from this process would
                  inherit this process's size as its starting ru_maxrss.
  sum RSS MB      sampled (every 50 ms, from /proc): the largest total RSS of all processes of the tree at
                  one instant; "procs" is the most processes seen at once. Short peaks can be missed.
                  The notes under each table give the largest sampled RSS per process name (VmHWM):
                  "python" is the build and any pool workers, "pagefind" the search indexer.
  site MB, files  everything written to the output folder (site/ or public/), in bytes (1 MB = 10^6 B);
                  "search MB" is the pagefind/ bundle in it.
  largest page    the largest .html file (1 MB = 10^6 bytes for the "no page over 1 MB" check).
  ratio           generator wall / (hugo + pagefind wall); and generator w/o search / hugo wall.
  site / input    site bytes / bytes of the corpus's seed files (the reprints goal: ≤ 25×).
  memory goals    1 GB = 10^9 bytes; peak RSS as above.
  incremental     on the 1,000-article generated project after its cold build: (a) one `edited:` translation
                  written into content/translations/<id>.yml, rebuild; (b) one new seed file, rebuild.

Goals (from the issue) are printed at the end with PASS/FAIL; `--json OUT` writes every number.
This script is a report: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import corpora
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MB = 1_000_000
GB = 1_000_000_000
PAGE_LIMIT = MB
SAMPLE_EVERY = 0.05
DEFAULT_SIZES = (100, 1000)
ALL_CORPORA = ("real", "generated", "reprints")
REPRINT_COPIES = 200


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- measuring a process tree


@dataclass
class Measured:
    """One command: its time, exit code, memory and output."""

    seconds: float
    exit_code: int
    peak_rss: int  # bytes: ru_maxrss of the command (largest single process of its waited-for tree)
    peak_sum: int  # bytes: largest sampled sum of RSS over the tree
    peak_sampled: int  # bytes: largest sampled RSS of a single process (VmHWM)
    largest: str  # the process that had peak_sampled
    processes: int  # most processes seen at once
    pagefind_seconds: float  # sampled lifetime of Pagefind processes in the tree
    peaks: dict[str, int] = field(default_factory=dict)  # bytes: largest sampled RSS (VmHWM) per process name
    stdout: str = field(repr=False, default="")
    stderr: str = field(repr=False, default="")


def _proc_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command name) for every process visible in /proc."""
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        table[int(entry.name)] = (int(stat[stat.rindex(")") + 2:].split()[1]), name)
    return table


def _descendants(root: int, table: dict[int, tuple[int, str]]) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _memory_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in kB; zeros when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0
    values = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+)", status, re.MULTILINE))
    return int(values.get("VmRSS", 0)), int(values.get("VmHWM", 0))


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class TreeSampler(threading.Thread):
    """Samples the memory of a process's descendants from /proc until stopped (Linux only)."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root = root
        self.stopped = threading.Event()
        self.peak_sum = self.peak_single = self.processes = 0
        self.largest = ""
        self.peaks: dict[str, int] = {}  # process name -> largest VmHWM (kB)
        self.pagefind: dict[int, list[float]] = {}  # pid -> [first seen, last seen]

    def run(self) -> None:
        if not Path("/proc/self/status").exists():
            return
        self.sample()
        while not self.stopped.wait(SAMPLE_EVERY):
            self.sample()

    def sample(self) -> None:
        table = _proc_table()
        if self.root not in table:
            return
        pids = _descendants(self.root, table)[1:]  # not the launcher itself
        total, now = 0, time.perf_counter()
        for pid in pids:
            rss, hwm = _memory_kb(pid)
            total += rss
            self.peaks[table[pid][1]] = max(self.peaks.get(table[pid][1], 0), hwm)
            if hwm > self.peak_single:
                self.peak_single, self.largest = hwm, table[pid][1]
            if "pagefind" in table[pid][1] or "pagefind" in _cmdline(pid):
                self.pagefind.setdefault(pid, [now, now])[1] = now
        self.peak_sum = max(self.peak_sum, total)
        self.processes = max(self.processes, len(pids))

    def pagefind_seconds(self) -> float:
        return sum(last - first + SAMPLE_EVERY for first, last in self.pagefind.values())


# Runs the command as its child and reports the child's wall time and wait4 ru_maxrss. Needed because on Linux a
# child started straight from this (large) process inherits our resident size as its ru_maxrss high-water mark
# (fork/vfork, then exec records the old mm's peak); a child of this small launcher starts from ~10 MB instead.
LAUNCHER = """import json, os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(sys.argv[1], "w") as out:
    json.dump({"seconds": seconds, "maxrss_kb": usage.ru_maxrss}, out)
code = os.waitstatus_to_exitcode(status)
os._exit(code if code >= 0 else 128 - code)
"""


def run_measured(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Measured:
    """Run a command to its end; wall time, exit code, wait4's max RSS and the sampled tree memory. The disk's
    pending writes (the last build's site and cache, a project just written) are flushed first, outside the
    timing: otherwise whichever command runs next pays for them (Hugo's 0.2 s run took up to 1 s after a
    build)."""
    os.sync()
    with tempfile.TemporaryDirectory(prefix="measure-") as tmp:
        usage_file, out_file, err_file = (Path(tmp) / name for name in ("usage.json", "stdout", "stderr"))
        with out_file.open("wb") as out, err_file.open("wb") as err:
            launcher = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER, str(usage_file), *command],
                                        cwd=cwd, env=env, stdout=out, stderr=err)
            sampler = TreeSampler(launcher.pid)
            sampler.start()
            exit_code = launcher.wait()
            sampler.stopped.set()
            sampler.join()
        usage = json.loads(usage_file.read_text()) if usage_file.exists() else {"seconds": 0.0, "maxrss_kb": 0}
        return Measured(seconds=usage["seconds"], exit_code=exit_code, peak_rss=usage["maxrss_kb"] * 1024,
                        peak_sum=sampler.peak_sum * 1024, peak_sampled=sampler.peak_single * 1024,
                        largest=sampler.largest, processes=sampler.processes,
                        pagefind_seconds=sampler.pagefind_seconds(),
                        peaks={name: kb * 1024 for name, kb in sampler.peaks.items()}, stdout=out_file.read_text(errors="replace"), stderr=err_file.read_text(errors="replace"))


# ---------------------------------------------------------------- the built site


@dataclass
class SiteStats:
    bytes: int
    files: int
    search_bytes: int  # the pagefind/ bundle
    largest_page: str  # the largest .html file
    largest_page_bytes: int
    pages_over_limit: int  # .html files over PAGE_LIMIT
    largest_file: str  # the largest file of any kind (data/briefing.json, …)
    largest_file_bytes: int


def _sizes_of(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def site_stats(folder: Path) -> SiteStats | None:
    if not folder.is_dir():
        return None
    sizes = _sizes_of(folder)
    pages = {name: size for name, size in sizes.items() if name.endswith(".html")} or {"": 0}
    page, biggest = max(pages.items(), key=lambda item: item[1])
    any_file, any_size = max(sizes.items(), key=lambda item: item[1], default=("", 0))
    return SiteStats(bytes=sum(sizes.values()), files=len(sizes),
                     search_bytes=sum(v for k, v in sizes.items() if k.startswith("pagefind/")),
                     largest_page=page, largest_page_bytes=biggest,
                     pages_over_limit=sum(v > PAGE_LIMIT for v in pages.values()),
                     largest_file=any_file, largest_file_bytes=any_size)


# ---------------------------------------------------------------- the generator


@dataclass
class BuildReport:
    measured: Measured
    timings: dict[str, float] | None  # stage -> seconds, from --timings
    search_seconds: float | None
    search_source: str  # "timings", "observed" or ""
    sources: int | None  # "Built N source(s)"
    error_lines: int  # stderr lines starting with "error:"
    crash: str  # the last lines of stderr when the build failed ("" when it built)
    site: SiteStats | None

    @property
    def ok(self) -> bool:
        return not self.crash

    @property
    def without_search(self) -> float | None:
        return None if self.search_seconds is None else self.measured.seconds - self.search_seconds


def compile_bytecode() -> None:
    """Bring the generator's bytecode cache up to date before any build is timed, as an installed package has it (pip
    compiles at install) and as a checkout has it after one run: with PYTHONDONTWRITEBYTECODE set, as on the machine
    these benchmarks were first run on, a module changed since its cache was written is compiled again by every build
    and every worker (about 0.3 s of a 5.5 s cold build of real-1000), a cost no user's second build pays. The
    baseline, Hugo, is a compiled program."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], env=env, check=False,
                   stdout=subprocess.DEVNULL)


class Generator:
    """Builds projects through the generator's command line; remembers whether --timings is accepted."""

    def __init__(self, workdir: Path):
        empty = workdir / "no-argos-packages"
        empty.mkdir(parents=True, exist_ok=True)
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get(
            "PYTHONPATH")])), "ARGOS_PACKAGES_DIR": str(empty)}
        self.env.pop("BRIEFING_ARGOS_MODEL", None)
        self.timings_supported = True
        compile_bytecode()

    def command(self, project: Path, timings: Path | None) -> list[str]:
        extra = ["--timings", str(timings)] if timings else []
        return [sys.executable, "-m", "generator", "--project", str(project), "build",
                "--allow-missing-translations", *extra]

    def build(self, project: Path) -> BuildReport:
        timings = project.parent / f".{project.name}-timings.json"
        timings.unlink(missing_ok=True)
        measured = run_measured(self.command(project, timings if self.timings_supported else None), ROOT, self.env)
        if self.timings_supported and measured.exit_code == 2 and "unrecognized arguments" in measured.stderr:
            self.timings_supported = False
            measured = run_measured(self.command(project, None), ROOT, self.env)
        stages = _read_timings(timings) if self.timings_supported else None
        return _build_report(measured, stages, project / "site")


def _read_timings(path: Path) -> dict[str, float] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {str(k): float(v) for k, v in data.items() if isinstance(v, int | float)} if isinstance(data, dict) else None


def _crashed(measured: Measured) -> bool:
    """Not built: an exit status other than 0/1, or a traceback (an uncaught exception also exits 1)."""
    return measured.exit_code not in (0, 1) or "Traceback (most recent call last)" in measured.stderr


def _failure(stderr: str) -> str:
    """What to show of a failed build: a traceback's last lines, else the first error and a few lines after it."""
    lines = stderr.strip().splitlines()
    if "Traceback (most recent call last)" in stderr:
        return "\n".join(lines[-8:])
    first = next((i for i, line in enumerate(lines) if "error" in line.lower()), max(0, len(lines) - 4))
    shown = lines[first:first + 4]
    more = len(lines) - first - len(shown)
    return "\n".join(shown + ([f"… ({more} more lines)"] if more > 0 else []))


def _build_report(measured: Measured, stages: dict[str, float] | None, site: Path) -> BuildReport:
    ok = not _crashed(measured)
    if stages and "pagefind" in stages:  # Pagefind's own run (it overlaps rendering and writing)
        search, source = stages["pagefind"], "timings"
    elif stages and "search" in stages:
        search, source = stages["search"], "timings"
    elif ok and measured.pagefind_seconds:
        search, source = measured.pagefind_seconds, "observed"
    else:
        search, source = None, ""
    built = re.search(r"Built (\d+) source", measured.stdout)
    errors = sum(line.startswith("error:") for line in measured.stderr.splitlines())
    crash = "" if ok else _failure(measured.stderr) or f"exit {measured.exit_code}"
    return BuildReport(measured, stages, search, source, int(built.group(1)) if built else None, errors, crash,
                       site_stats(site) if ok else None)


def make_project(folder: Path, seeds: Sequence[corpora.SeedText]) -> int:
    """A fresh project: the seeds, the repository's templates, the repository's site.yml with a title and
    description of its own (the repository's name the seeds' event: a site of other news would be mislabelled
    for whoever looks at a kept one), and an about.md that says what the pile is. Returns the input bytes."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ROOT / "templates", folder / "templates")
    (folder / "content").mkdir()
    (folder / "content" / "about.md").write_text(
        f"A benchmark pile ({folder.parent.name or folder.name}), built by `bench/scale.py` from "
        f"{len(seeds)} articles; see the repository's README.\n", encoding="utf-8")
    site = yaml.safe_load((ROOT / "content" / "site.yml").read_text(encoding="utf-8")) or {}
    site.update(title=f"Benchmark pile: {folder.parent.name or folder.name}",
                description=f"{len(seeds)} Arabic articles built by bench/scale.py, each beside its English.",
                fetch_model=False)
    (folder / "content" / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False),
                                                  encoding="utf-8")
    return corpora.write_seeds(seeds, folder / "seeds")


# ---------------------------------------------------------------- the Hugo + Pagefind baseline


HUGO_CONFIG = """baseURL = "/"
languageCode = "ar"
title = "Scale baseline"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
relativeURLs = true
"""
HUGO_SINGLE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ range .Params.lines }}<p>{{ . }}</p>
{{ end }}</main></body></html>
"""
HUGO_LIST = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><main><h1>{{ .Site.Title }}</h1><ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></main></body></html>
"""


@dataclass
class HugoReport:
    hugo: Measured
    pagefind: Measured | None
    site: SiteStats | None
    error: str = ""

    @property
    def seconds(self) -> float:
        return self.hugo.seconds + (self.pagefind.seconds if self.pagefind else 0.0)


def hugo_available() -> bool:
    return shutil.which("hugo") is not None


def make_hugo_site(folder: Path, seeds: Sequence[corpora.SeedText]) -> None:
    """config, one single-page and one list layout, content/<id>.md per article (JSON front matter)."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "content").mkdir()
    (folder / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (folder / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (folder / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    for seed in seeds:
        lines = [line.strip() for line in seed.text.splitlines() if line.strip()]
        front = {"title": Path(seed.name).stem, "lines": lines}
        (folder / "content" / f"{Path(seed.name).stem.lower()}.md").write_text(
            json.dumps(front, ensure_ascii=False, indent=1) + "\n", encoding="utf-8", errors="surrogateescape")


def hugo_baseline(folder: Path, seeds: Sequence[corpora.SeedText]) -> HugoReport:
    make_hugo_site(folder, seeds)
    hugo = run_measured(["hugo", "--quiet", "--source", str(folder), "--destination", "public"], folder)
    if hugo.exit_code != 0:
        return HugoReport(hugo, None, None, "hugo failed: " + hugo.stderr.strip()[-500:])
    pagefind = run_measured([sys.executable, "-m", "pagefind", "--site", "public"], folder)
    error = "" if pagefind.exit_code == 0 else "pagefind failed: " + pagefind.stderr.strip()[-500:]
    return HugoReport(hugo, pagefind, site_stats(folder / "public"), error)


# ---------------------------------------------------------------- incremental rebuilds


def _text_key(sentence: str) -> str:
    """The translation memory's key: 16 hex digits of sha1 over the generator's normalised Arabic."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from generator import arabic

    return hashlib.sha1(arabic.normalize(sentence).encode("utf-8")).hexdigest()[:16]


def write_edit(project: Path, source_id: str, arabic_sentence: str, english: str) -> Path:
    """Record a translator's edit of one sentence in content/translations/<source id>.yml (kept if present)."""
    path = project / "content" / "translations" / f"{source_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    data = data if isinstance(data, dict) else {"source": source_id, "entries": []}
    key = _text_key(arabic_sentence)
    entries = [e for e in data.get("entries") or [] if e.get("key") != key]
    entries.append({"key": key, "ar": arabic_sentence, "mt": "", "model": "", "edited": english})
    data["entries"] = entries
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return path


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _briefing(project: Path) -> dict:
    return _read_json(project / "site" / "data" / "briefing.json")


def _pairs(project: Path, source: dict) -> list[dict]:
    """A source's pairs: inline in briefing.json (schema 1), or in the file its data_path names (schema 2)."""
    pairs = source.get("pairs")
    if not isinstance(pairs, list) and source.get("data_path"):
        pairs = _read_json(project / "site" / source["data_path"]).get("pairs")
    return pairs if isinstance(pairs, list) else []


def _sentences(project: Path) -> Iterator[tuple[str, dict]]:
    """(source id, sentence) for every sentence of the built site, from data/briefing.json and what it links."""
    for source in _briefing(project).get("sources", []):
        for pair in _pairs(project, source):
            for sentence in pair.get("sentences", []):
                yield source.get("id", ""), sentence


def pick_sentence(project: Path) -> tuple[str, str] | None:
    """(source id, Arabic sentence) from the middle of the built site's data (data/briefing.json and its links)."""
    candidates = [(sid, s["ar"]) for sid, s in _sentences(project) if len(s.get("ar", "").split()) >= 6]
    return candidates[len(candidates) // 2] if candidates else None


@dataclass
class IncrementalStep:
    name: str
    build: BuildReport | None  # None: the step could not be set up (see detail)
    applied: bool  # the change shows in the rebuilt site
    detail: str


def edit_step(generator: Generator, project: Path) -> IncrementalStep:
    picked = pick_sentence(project)
    if picked is None:
        return IncrementalStep("edit one translation", None, False, "no sentence found in site/data/briefing.json")
    source_id, sentence = picked
    english = "Edited by the scale benchmark."
    write_edit(project, source_id, sentence, english)
    report = generator.build(project)
    shown = any(sid == source_id and s.get("ar") == sentence and s.get("en") == english
                for sid, s in _sentences(project))
    return IncrementalStep("edit one translation", report, shown, f"{source_id}: {sentence[:40]}…")


def add_seed_step(generator: Generator, project: Path, extra: corpora.SeedText) -> IncrementalStep:
    before = len(_briefing(project).get("sources", []))
    corpora.write_seeds([extra], project / "seeds")
    report = generator.build(project)
    after = len(_briefing(project).get("sources", []))
    return IncrementalStep("add one seed", report, after == before + 1, f"{extra.name}: sources {before} → {after}")


def extra_seed(articles: Sequence[corpora.CorpusArticle], seed: int) -> corpora.SeedText:
    """One new article: a one-article story generated with another seed (its own headline, chrome and mix)."""
    new = corpora.generated_corpus(articles, 1, seed + 7919)[0]
    new.name = "zz_extra_" + new.name
    return new


# ---------------------------------------------------------------- one corpus


@dataclass
class CorpusReport:
    name: str
    kind: str
    size: int
    files: int = 0
    input_bytes: int = 0
    builds: list[BuildReport] = field(default_factory=list)
    hugo: list[HugoReport] = field(default_factory=list)
    incremental: list[IncrementalStep] = field(default_factory=list)
    note: str = ""

    def good_builds(self) -> list[BuildReport]:
        return [b for b in self.builds if b.ok]

    def build_seconds(self) -> float | None:
        good = self.good_builds()
        return statistics.median(b.measured.seconds for b in good) if good else None

    def build_without_search(self) -> float | None:
        values = [b.without_search for b in self.good_builds() if b.without_search is not None]
        return statistics.median(values) if values else None

    def search_seconds(self) -> float | None:
        values = [b.search_seconds for b in self.good_builds() if b.search_seconds is not None]
        return statistics.median(values) if values else None

    def peak_rss(self) -> int | None:
        good = self.good_builds()
        return max(b.measured.peak_rss for b in good) if good else None

    def hugo_seconds(self) -> tuple[float, float] | None:
        """(hugo alone, hugo + pagefind), medians."""
        good = [h for h in self.hugo if not h.error]
        if not good:
            return None
        return statistics.median(h.hugo.seconds for h in good), statistics.median(h.seconds for h in good)

    def ratios(self) -> tuple[float | None, float | None]:
        """(build / (hugo + pagefind), build without search / hugo)."""
        build, bare, hugo = self.build_seconds(), self.build_without_search(), self.hugo_seconds()
        if build is None or hugo is None:
            return None, None
        return build / hugo[1], (bare / hugo[0] if bare is not None else None)

    def site(self) -> SiteStats | None:
        return next((b.site for b in reversed(self.builds) if b.site), None)


@dataclass
class Options:
    sizes: list[int]
    corpora: list[str]
    runs: int
    seed: int
    hugo: bool
    workdir: Path
    corpus: Path


def corpus_plan(options: Options) -> list[tuple[str, str, int]]:
    """(name, kind, size) for every corpus to run, in order."""
    plan = [(f"{kind}-{n}", kind, n) for n in options.sizes for kind in ("real", "generated")
            if kind in options.corpora]
    if "reprints" in options.corpora:
        plan.append((f"reprints-{REPRINT_COPIES}", "reprints", REPRINT_COPIES))
    return plan


def make_seeds(kind: str, size: int, articles: Sequence[corpora.CorpusArticle], seed: int) -> list[corpora.SeedText]:
    if kind == "real":
        return corpora.real_corpus(articles, size, seed)
    if kind == "generated":
        return corpora.generated_corpus(articles, size, seed)
    return corpora.reprints_corpus(ROOT / "seeds", size, seed)


def run_corpus(name: str, kind: str, size: int, articles: Sequence[corpora.CorpusArticle], options: Options,
               generator: Generator) -> CorpusReport:
    report = CorpusReport(name, kind, size)
    if kind == "real" and size > len(articles):
        report.note = f"skipped: the corpus has only {len(articles)} articles"
        return report
    seeds = make_seeds(kind, size, articles, options.seed)
    report.files = len(seeds)
    folder = options.workdir / name
    for run in range(1, options.runs + 1):
        log(f"[{name}] generator build, run {run}/{options.runs} …")
        report.input_bytes = make_project(folder / "project", seeds)
        report.builds.append(generator.build(folder / "project"))
        log(f"[{name}]   {_build_line(report.builds[-1])}")
        if options.hugo:
            log(f"[{name}] hugo + pagefind, run {run}/{options.runs} …")
            report.hugo.append(hugo_baseline(folder / "hugo", seeds))
    if kind == "generated" and size == 1000 and report.builds[-1].ok:
        report.incremental = incremental(generator, folder / "project", articles, options.seed, name)
    return report


def incremental(generator: Generator, project: Path, articles: Sequence[corpora.CorpusArticle], seed: int,
                name: str) -> list[IncrementalStep]:
    steps = []
    for label, step in (("edit one translation", lambda: edit_step(generator, project)),
                        ("add one seed", lambda: add_seed_step(generator, project, extra_seed(articles, seed)))):
        log(f"[{name}] incremental: {label} …")
        try:
            steps.append(step())
        except Exception as exc:  # the harness, not the build (e.g. the site's data format changed): go on
            steps.append(IncrementalStep(label, None, False, f"benchmark error: {type(exc).__name__}: {exc}"))
    return steps


def _build_line(build: BuildReport) -> str:
    m = build.measured
    if not build.ok:
        return f"exit {m.exit_code} after {m.seconds:.1f} s"
    return (f"exit {m.exit_code}, {m.seconds:.1f} s, {build.sources} sources, {build.error_lines} error lines, "
            f"peak {m.peak_rss / MB:.0f} MB")


# ---------------------------------------------------------------- the report


def _num(value: float | None, digits: int = 2, unit: str = "") -> str:
    return "–" if value is None else f"{value:.{digits}f}{unit}"


def _mb(value: int | None) -> str:
    return "–" if value is None else f"{value / MB:.1f}"


def _page(site: SiteStats | None) -> str:
    if site is None:
        return "–"
    return f"{site.largest_page} {site.largest_page_bytes / 1000:.0f} kB"


def format_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


HEADER = ["", "wall s", "search s", "w/o search s", "peak RSS MB", "sum RSS MB", "procs", "site MB", "search MB",
          "files", "largest page"]


def _build_row(label: str, build: BuildReport) -> list[str]:
    m, site = build.measured, build.site
    if not build.ok:
        return [label, _num(m.seconds), "", "", _mb(m.peak_rss), "", "", f"FAILED (exit {m.exit_code})", "", "", ""]
    mark = {"timings": "", "observed": " obs"}.get(build.search_source, "")
    return [label, _num(m.seconds), _num(build.search_seconds) + mark, _num(build.without_search), _mb(m.peak_rss),
            _mb(m.peak_sum), str(m.processes), _mb(site.bytes if site else None),
            _mb(site.search_bytes if site else None), str(site.files if site else "–"), _page(site)]


def _hugo_rows(hugo: HugoReport) -> list[list[str]]:
    h, p, site = hugo.hugo, hugo.pagefind, hugo.site
    rows = [["hugo", _num(h.seconds), "", _num(h.seconds), _mb(h.peak_rss), _mb(h.peak_sum), str(h.processes),
             "", "", "", ""]]
    if p is not None:
        rows.append(["hugo + pagefind", _num(hugo.seconds), _num(p.seconds), _num(h.seconds), _mb(max(h.peak_rss,
                     p.peak_rss)), _mb(max(h.peak_sum, p.peak_sum)), str(max(h.processes, p.processes)),
                     _mb(site.bytes if site else None), _mb(site.search_bytes if site else None),
                     str(site.files if site else "–"), _page(site)])
    return rows


def _peaks(measured: Measured) -> str:
    ranked = sorted(measured.peaks.items(), key=lambda item: -item[1])
    return ", ".join(f"{name} {size / MB:.0f} MB" for name, size in ranked) or "–"


def corpus_table(report: CorpusReport) -> str:
    title = f"== {report.name}: {report.files} seed files, {report.input_bytes / MB:.2f} MB input =="
    if report.note:
        return f"{title}\n{report.note}"
    rows = [HEADER]
    rows += [_build_row(f"generator cold #{i}", b) for i, b in enumerate(report.builds, 1)]
    for hugo in report.hugo:
        rows += _hugo_rows(hugo)
    rows += [_build_row(f"incremental: {s.name}", s.build) for s in report.incremental if s.build]
    return "\n".join([title, format_table(rows), *_corpus_notes(report)])


def _corpus_notes(report: CorpusReport) -> list[str]:
    notes = []
    whole, bare = report.ratios()
    site = report.site()
    if site and report.input_bytes:
        notes.append(f"site / input bytes: {site.bytes / report.input_bytes:.1f}×;  pages over 1 MB: "
                     f"{site.pages_over_limit};  largest file: {site.largest_file} {site.largest_file_bytes / MB:.1f} MB")
    if report.hugo:
        notes.append(f"ratio generator / (hugo + pagefind): {_num(whole, 1, '×')};  "
                     f"generator w/o search / hugo: {_num(bare, 1, '×')}")
        notes += [f"baseline: {h.error}" for h in report.hugo if h.error]
    for i, build in enumerate(report.builds, 1):
        notes.append(f"generator #{i}: exit {build.measured.exit_code}; {build.sources} sources built; "
                     f"{build.error_lines} 'error:' lines on stderr; peak RSS by process: {_peaks(build.measured)}")
        notes.append("per-stage times: " + (", ".join(f"{k} {v:.2f}" for k, v in build.timings.items())
                                            if build.timings else "n/a"))
        if build.crash:
            notes.append("build failed; last lines of stderr:\n    " + build.crash.replace("\n", "\n    "))
    for step in report.incremental:
        state = "not run" if step.build is None else "applied" if step.applied else "NOT visible in the site"
        notes.append(f"incremental {step.name}: {state} ({step.detail})")
        if step.build and step.build.crash:
            notes.append("    build failed; stderr:\n      " + step.build.crash.replace("\n", "\n      "))
    return notes


# ---------------------------------------------------------------- goals


@dataclass
class Goal:
    goal: str
    measured: str
    result: str  # PASS, FAIL or n/a


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def _find(reports: Sequence[CorpusReport], name: str) -> CorpusReport | None:
    return next((r for r in reports if r.name == name and r.builds), None)


def _speed_goals(report: CorpusReport, limit_bytes: int) -> list[Goal]:
    whole, _ = report.ratios()
    peak = report.peak_rss()
    if not report.good_builds():
        return [Goal(f"{report.name}: cold build ≤ 3× hugo+pagefind, peak RSS ≤ {limit_bytes // GB} GB",
                     "build failed", "FAIL")]
    return [Goal(f"{report.name}: cold build ≤ 3× hugo+pagefind", _num(whole, 1, "×"),
                 _verdict(None if whole is None else whole <= 3)),
            Goal(f"{report.name}: peak RSS ≤ {limit_bytes // GB} GB", _mb(peak) + " MB" if peak else "–",
                 _verdict(None if peak is None else peak <= limit_bytes))]


def _big_goals(report: CorpusReport) -> list[Goal]:
    completed = bool(report.good_builds())
    site = report.site()
    goals = [Goal(f"{report.name}: completes", "yes" if completed else "no (see above)", _verdict(completed))]
    goals += _speed_goals(report, 2 * GB)
    goals.append(Goal(f"{report.name}: no page over 1 MB",
                      f"largest {site.largest_page_bytes / MB:.2f} MB ({site.pages_over_limit} over)" if site else "–",
                      _verdict(site.pages_over_limit == 0 if site else None)))
    return goals


def _reprint_goal(report: CorpusReport) -> Goal:
    if not report.good_builds():
        return Goal(f"{report.name}: site ≤ 25× input bytes", "build failed", "FAIL")
    site = report.site()
    ratio = site.bytes / report.input_bytes if site and report.input_bytes else None
    built = report.good_builds()[-1].sources
    measured = (f"{_num(ratio, 1, '×')} ({_mb(site.bytes) if site else '–'} MB / {report.input_bytes / MB:.2f} MB; "
                f"{built} of {report.files} seeds built)")
    return Goal(f"{report.name}: site ≤ 25× input bytes", measured, _verdict(None if ratio is None else ratio <= 25))


def _incremental_goals(report: CorpusReport) -> list[Goal]:
    goals = []
    for step in report.incremental:
        build = step.build
        if build is None or not build.ok:
            measured, ok = ("not run: " + step.detail, None) if build is None else ("build failed", False)
        else:
            bare, search = build.without_search, build.search_seconds
            measured = f"{_num(bare)} s + {_num(search)} s search" + ("" if step.applied else "; change NOT shown")
            ok = None if bare is None else (bare <= 2.0 and step.applied)
        goals.append(Goal(f"{report.name}: incremental {step.name} ≤ 2 s + pagefind", measured, _verdict(ok)))
    return goals


def _memory_sum_goal(reports: Sequence[CorpusReport]) -> Goal:
    builds = [b for r in reports for b in r.good_builds() if b.measured.peak_rss]
    if not builds:
        return Goal("sum of RSS over processes ≤ 2× the largest", "–", "n/a")
    worst = max(builds, key=lambda b: b.measured.peak_sum / b.measured.peak_rss)
    ratio = worst.measured.peak_sum / worst.measured.peak_rss
    return Goal("sum of RSS over processes ≤ 2× the largest (worst build)",
                f"{ratio:.2f}× ({worst.measured.processes} procs)", _verdict(ratio <= 2))


def goals(reports: Sequence[CorpusReport]) -> list[Goal]:
    out: list[Goal] = []
    for name in ("real-1000", "generated-1000"):
        report = _find(reports, name)
        out += _speed_goals(report, GB) if report else [Goal(f"{name}: cold build and peak RSS", "not run", "n/a")]
    big = _find(reports, "generated-10000")
    out += _big_goals(big) if big else [Goal("generated-10000: completes, ≤ 2 GB, ≤ 3×, no page over 1 MB",
                                             "not run (--sizes …,10000)", "n/a")]
    reprints = _find(reports, f"reprints-{REPRINT_COPIES}")
    out.append(_reprint_goal(reprints) if reprints else Goal("reprints-200: site ≤ 25× input", "not run", "n/a"))
    generated = _find(reports, "generated-1000")
    out += _incremental_goals(generated) if generated and generated.incremental else [
        Goal("generated-1000: incremental ≤ 2 s + pagefind", "not run", "n/a")]
    out.append(_memory_sum_goal(reports))
    return out


def goals_table(items: Sequence[Goal]) -> str:
    return format_table([["goal", "measured", "result"], *([g.goal, g.measured, g.result] for g in items)])


# ---------------------------------------------------------------- self-check of the corpus generators


def _check(name: str, ok: bool, failures: list[str]) -> None:
    print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    if not ok:
        failures.append(name)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _has_shared_statement(seeds: Sequence[corpora.SeedText]) -> bool:
    """Two originals of one story (not reprints of each other) whose files share a body sentence."""
    originals = [s for s in seeds if not s.reprint_of]
    for a in originals:
        for b in originals:
            if a.name < b.name and a.story == b.story and a.cluster != b.cluster:
                mine = {x for p in a.body for x in corpora.split_sentences(p)}
                if any(x in a.text and x in b.text for p in b.body for x in corpora.split_sentences(p) if x in mine):
                    return True
    return False


def _has_reprint(seeds: Sequence[corpora.SeedText]) -> bool:
    """A reprint whose file holds its original's whole body under a different headline or chrome."""
    by_name = {s.name: s for s in seeds}
    return any(s.reprint_of and s.text != by_name[s.reprint_of].text
               and all(p in s.text for p in by_name[s.reprint_of].body) for s in seeds)


def selftest(corpus: Path, seed: int) -> int:
    articles = corpora.load_corpus(corpus)
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="scale-selftest-") as tmp:
        folders = []
        for attempt in ("a", "b"):
            folder = Path(tmp) / attempt
            corpora.write_seeds(corpora.generated_corpus(articles, 20, seed), folder / "generated")
            corpora.write_seeds(corpora.real_corpus(articles, 10, seed), folder / "real")
            folders.append(folder)
        for kind, count in (("generated", 20), ("real", 10)):
            first, second = (_files(f / kind) for f in folders)
            _check(f"{kind}: {count} files written", len(first) == count, failures)
            _check(f"{kind}: same seed, byte-identical files", first == second, failures)
    seeds = corpora.generated_corpus(articles, 20, seed)
    _check("generated: statements shared within a story", _has_shared_statement(seeds), failures)
    _check("generated: reprint clusters", _has_reprint(seeds), failures)
    _check("generated: another seed gives other files",
           [s.text for s in corpora.generated_corpus(articles, 20, seed + 1)] != [s.text for s in seeds], failures)
    real = corpora.real_corpus(articles, 10, seed)
    _check("real: masthead, title and date line first", all(" | " in s.text.split("\n")[0] for s in real), failures)
    print("selftest: " + ("passed" if not failures else f"{len(failures)} check(s) failed"))
    return 0 if not failures else 1


# ---------------------------------------------------------------- command line


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes must be numbers separated by commas, not {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def _corpora_names(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = sorted(set(names) - set(ALL_CORPORA))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"corpora are {', '.join(ALL_CORPORA)}; unknown: {', '.join(unknown)}")
    return names


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES), help="article counts (default 100,1000)")
    p.add_argument("--corpora", type=_corpora_names, default=list(ALL_CORPORA), help="real,generated,reprints")
    p.add_argument("--runs", type=int, default=1, help="cold builds per corpus (median time, max memory)")
    p.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary folder)")
    p.add_argument("--seed", type=int, default=1, help="corpus generation seed (default 1)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the shared corpus folder")
    p.add_argument("--no-hugo", action="store_true", help="skip the Hugo + Pagefind baseline")
    p.add_argument("--json", type=Path, help="write every number to this file")
    p.add_argument("--selftest", action="store_true", help="check the corpus generators and exit")
    return p


def _workdir(keep: Path | None) -> tuple[Path, Callable[[], None]]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        return keep.resolve(), lambda: None
    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    return folder, lambda: shutil.rmtree(folder, ignore_errors=True)


def _to_json(reports: Sequence[CorpusReport], items: Sequence[Goal], options: Options) -> dict:
    def corpus(r: CorpusReport) -> dict:
        whole, bare = r.ratios()
        data = asdict(r)
        for run in [*data["builds"], *(s["build"] for s in data["incremental"] if s["build"])]:
            text = run["measured"]["stderr"]  # the head (first errors) and the tail (report or traceback)
            run["measured"]["stderr"] = text if len(text) <= 4000 else f"{text[:2000]}\n…\n{text[-2000:]}"
        data["summary"] = {"build_seconds": r.build_seconds(), "build_without_search": r.build_without_search(),
                           "search_seconds": r.search_seconds(), "peak_rss": r.peak_rss(),
                           "hugo_seconds": r.hugo_seconds(), "ratio": whole, "ratio_without_search": bare}
        return data

    return {"options": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(options).items()},
            "python": sys.version.split()[0], "cpus": os.cpu_count(),
            "corpora": [corpus(r) for r in reports], "goals": [asdict(g) for g in items]}


def run(options: Options, json_path: Path | None) -> int:
    articles = corpora.load_corpus(options.corpus)
    generator = Generator(options.workdir)
    reports = []
    for name, kind, size in corpus_plan(options):
        try:
            report = run_corpus(name, kind, size, articles, options, generator)
        except Exception as exc:  # a failure of this script on one corpus: report it and go on with the others
            report = CorpusReport(name, kind, size, note="benchmark error:\n" + traceback.format_exc(limit=-3))
            log(f"[{name}] benchmark error: {exc}")
        print(corpus_table(report) + "\n", flush=True)
        reports.append(report)
    if not generator.timings_supported:
        print("(the generator does not accept `build --timings FILE` yet: search times are observed from its "
              "Pagefind subprocess, marked 'obs')\n")
    items = goals(reports)
    print(goals_table(items))
    if json_path:
        json_path.write_text(json.dumps(_to_json(reports, items, options), indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.corpus.is_dir():
        print(f"error: the shared corpus is not at {args.corpus}: pass --corpus DIR "
              "(the folder with c00001.txt … and MANIFEST.tsv)", file=sys.stderr)
        return 2
    if args.selftest:
        return selftest(args.corpus, args.seed)
    use_hugo = not args.no_hugo
    if use_hugo and not hugo_available():
        print("error: `hugo` not found: apt-get update && apt-get install -y hugo (or pass --no-hugo)", file=sys.stderr)
        return 2
    workdir, cleanup = _workdir(args.keep)
    options = Options(args.sizes, args.corpora, max(1, args.runs), args.seed, use_hugo, workdir, args.corpus)
    log(f"working in {workdir}{' (kept)' if args.keep else ''}")
    try:
        return run(options, args.json)
    finally:
        cleanup()


if __name__ == "__main__":
    sys.exit(main())
