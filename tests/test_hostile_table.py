"""Hostile projects, one row each: ordinary mistakes and hostile files, as a new user would make them.

Every row runs the real command line (in-process) on a copy of a built project whose translation memory
holds a translator's edits, and asserts: the exit code, the message, that the previous site survives
(byte for byte when nothing may be built), that every `edited:` entry survives, and that nothing outside
the output folder changed except what the row itself allows.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from generator.build import BuildOptions, build
from tests.conftest import ROOT, make_project
from tests.stub import StubEngine

SITE_YML = (ROOT / "content" / "site.yml").read_text(encoding="utf-8") + "\nsearch: false\nfetch_model: false\n"
ARTICLE = ("قال المرصد السوري لحقوق الإنسان إن 12 شخصاً قتلوا في اشتباكات عنيفة قرب السجن مساء أمس.\n\n"
           "وأضاف أن قوات الأمن فرضت طوقاً أمنياً حول المنطقة ومنعت دخول المدنيين حتى إشعار آخر.\n")
EDITED = {"001_843f77042b170b03": "A translator's edit: kept whatever happens.",
          "003_d53ac884832c097b": "Another edit, made by hand."}


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A built project with edits in its memory, beside a neighbour's folder."""
    root = tmp_path_factory.mktemp("hostile-base")
    project = make_project(root / "project")
    (project / "content" / "site.yml").write_text(SITE_YML, encoding="utf-8")
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    for source, text in EDITED.items():
        path = project / "content" / "translations" / f"{source}.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["entries"][-1]["edited"] = text
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build(project, BuildOptions(allow_missing_translations=True))
    (root / "neighbour").mkdir()
    (root / "neighbour" / "notes.txt").write_text("someone else's work\n", encoding="utf-8")
    (root / "outside.txt").write_text("secret outside the project\n", encoding="utf-8")
    return root


def snapshot(root: Path, skip: Callable[[Path], bool] = lambda p: False) -> dict[str, str]:
    """Every file, link and special file under root (FIFOs are never opened), by relative path."""
    state = {}
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if skip(path):
                continue
            info = path.lstat()
            if path.is_symlink():
                state[str(path.relative_to(root))] = "link:" + os.readlink(path)
            elif name in files:
                kind = "file:" + hashlib.sha1(path.read_bytes()).hexdigest() if path.is_file() else "special"
                state[str(path.relative_to(root))] = kind
            elif info.st_mode & 0o222 == 0:
                state[str(path.relative_to(root))] = "read-only dir"
        dirs[:] = [d for d in dirs if not skip(Path(folder) / d)]
    return state


@dataclass
class Case:
    name: str
    setup: Callable[[Path], object] = lambda project: None  # may return a clean-up callable
    code: int = 0
    message: str = ""  # a regular expression that the output must match
    args: tuple[str, ...] = ("build", "--allow-missing-translations")
    output: str = "site"  # where the site is expected, relative to the project
    site_kept: bool | None = None  # None: kept byte for byte exactly when the exit code is 2 or more
    may_change: tuple[str, ...] = ()  # paths (relative to the work folder) the row allows to change
    patch: Callable[[pytest.MonkeyPatch, Path], None] | None = None
    check: Callable[[Path, str], None] | None = None
    absent: str = ""  # a regular expression the output must not match
    id: str = field(init=False, default="")


def write(relative: str, data: str | bytes) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return setup


def config(extra: str) -> Callable[[Path], None]:
    return write("content/site.yml", SITE_YML + extra + "\n")


def link(relative: str, target: str | Callable[[Path], str]) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target(project) if callable(target) else target)
    return setup


def both(*steps: Callable[[Path], object]) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        for step in steps:
            step(project)
    return setup


def memory(source: str, text: str | bytes) -> Callable[[Path], None]:
    return write(f"content/translations/{source}.yml", text)


def corrupt_memory(source: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        path = project / "content" / "translations" / f"{source}.yml"
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return setup


def fifo(relative: str) -> Callable[[Path], None]:
    return lambda project: os.mkfifo(project / relative)


def hold_lock(project: Path) -> Callable[[], None]:
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from filelock import FileLock
        lock = FileLock({str(project / '.briefing.lock')!r})
        lock.acquire()
        print('held', flush=True)
        time.sleep(60)""")], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder.kill


def failing(errno_code: int, when: Callable[[Path], bool]) -> Callable[[pytest.MonkeyPatch, Path], None]:
    """Make writes fail as a full disk or a read-only folder does, for paths the predicate picks."""
    def patch(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
        real_open, real_mkdtemp = os.open, __import__("tempfile").mkdtemp

        def fake_open(path, flags, *args, **kwargs):
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and when(Path(path)):
                raise OSError(errno_code, os.strerror(errno_code), str(path))
            return real_open(path, flags, *args, **kwargs)

        def fake_mkdtemp(*args, **kwargs):
            folder = real_mkdtemp(*args, **kwargs)
            if when(Path(folder)):
                os.rmdir(folder)
                raise OSError(errno_code, os.strerror(errno_code), folder)
            return folder
        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr("tempfile.mkdtemp", fake_mkdtemp)
        monkeypatch.setattr("pathlib.Path.write_text", _failing_write("write_text", errno_code, when))
        monkeypatch.setattr("pathlib.Path.write_bytes", _failing_write("write_bytes", errno_code, when))
    return patch


def _failing_write(name: str, errno_code: int, when: Callable[[Path], bool]):
    real = getattr(Path, name)

    def write(self, *args, **kwargs):
        if when(self):
            raise OSError(errno_code, os.strerror(errno_code), str(self))
        return real(self, *args, **kwargs)
    return write


def bug_in(target: str, stage_words: str) -> Callable[[pytest.MonkeyPatch, Path], None]:
    def patch(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
        def broken(*args, **kwargs):
            raise RuntimeError(f"simulated bug ({stage_words})")
        monkeypatch.setattr(target, broken)
    return patch


def bug_for_one_seed(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    import generator.pipeline as pipeline

    real = pipeline.clean

    def clean(text: str):
        if "كان هجوم داعش في الحسكة" in text:
            raise IndexError("list index out of range")
        return real(text)
    monkeypatch.setattr(pipeline, "clean", clean)


def page_text(relative: str) -> Callable[[Path], str]:
    return lambda project: (project / "site" / relative).read_text(encoding="utf-8")


def expect_on_page(relative: str, *patterns: str) -> Callable[[Path, str], None]:
    def check(project: Path, output: str) -> None:
        text = page_text(relative)(project)
        for pattern in patterns:
            assert re.search(pattern, text), (relative, pattern)
    return check


def expect_file(relative: str, exists: bool = True) -> Callable[[Path, str], None]:
    def check(project: Path, output: str) -> None:
        assert (project / relative).exists() == exists, relative
    return check


SEED = "seeds/zz_new.txt"
REPEATED = " ".join(f"وقال المرصد إن {n} قتلى سقطوا" for n in range(1000)) + "\n"  # one 51 KB sentence
UTF8_WITH_BAD_BYTES = ARTICLE.encode().replace("قرب".encode(), b"\xff\xfe", 1).replace("حول".encode(), b"\xc3", 1)
OUTSIDE = lambda project: str(project.parent / "outside.txt")  # noqa: E731

CASES = [
    # -- the output folder is the site and nothing else ----------------------------------------------------
    Case("output is the project", config("output_dir: ."), 2, r"output_dir .* is the project folder"),
    Case("output is the project's parent", config("output_dir: .."), 2, r"is the project folder or holds it"),
    Case("output is the root folder", config("output_dir: /"), 2, r"root or home folder"),
    Case("output is content", config("output_dir: content"), 2, r"which the build reads"),
    Case("output is seeds", config("output_dir: seeds"), 2, r"which the build reads"),
    Case("output is templates", config("output_dir: templates"), 2, r"which the build reads"),
    Case("output inside content", config("output_dir: content/site"), 2, r"lies inside"),
    Case("output inside seeds", config("output_dir: seeds/out"), 2, r"lies inside"),
    Case("output is .git", both(write(".git/HEAD", "ref: refs/heads/main\n"), config("output_dir: .git")), 2,
         r"which the build reads"),
    Case("output is the project by absolute path", lambda p: config(f"output_dir: {p}")(p), 2,
         r"is the project folder"),
    Case("output is a link to the project's parent", both(link("up", ".."), config("output_dir: up")), 2,
         r"is the project folder or holds it"),
    Case("output is a user's non-empty folder", both(write("docs/thesis.md", "# mine\n"), config("output_dir: docs")),
         2, r"not empty and was not written by this generator"),
    Case("output is an existing file", both(write("out.html", "<p>mine</p>"), config("output_dir: out.html")), 2,
         r"exists and is not a folder"),
    Case("output is read-only", lambda p: (p / "site").chmod(0o555), 2, r"is read-only"),
    Case("output is the home folder", lambda p: config(f"output_dir: {Path.home()}")(p), 2, r"root or home folder"),
    Case("output is a new folder outside the project", lambda p: config(f"output_dir: {p.parent / 'public'}")(p), 0,
         r"Built 5 source", output="../public", may_change=("public",), check=expect_file("../public/index.html")),
    Case("output is an empty folder", both(lambda p: (p / "empty").mkdir(), config("output_dir: empty")), 0,
         r"Built", output="empty", may_change=("project/empty",), check=expect_file("empty/.briefing-site")),
    Case("output written by an earlier build, before stamps", both(
        lambda p: shutil.copytree(p / "site", p / "old"), lambda p: (p / "old" / ".briefing-site").unlink(),
        config("output_dir: old")), 0, r"Built", output="old", may_change=("project/old",)),
    Case("stale staging folders of a killed build are removed", both(
        lambda p: shutil.copytree(p / "site", p / ".site-new-killed"), lambda p: (p / ".site-new-mine").mkdir()),
        0, r"Built", may_change=("project/.site-new-killed",),
        check=lambda p, out: (not (p / ".site-new-killed").exists() and (p / ".site-new-mine").is_dir())),
    Case("a site moved aside by a killed build is put back first", lambda p: (p / "site").rename(p / ".site-old-x"),
         0, r"Built", may_change=("project/.site-old-x",), site_kept=False),
    Case("another build holds the lock", hold_lock, 4, r"another build .* is running"),
    # -- a translator's edit is never lost ---------------------------------------------------------------
    Case("memory file torn in the middle", corrupt_memory("001_843f77042b170b03", lambda t: t[:len(t) // 2] + '\n  - {key: "ab'),
         2, r"001_843f77042b170b03\.yml:\d+:\d+: translation memory is not valid YAML"),
    Case("edit with an unquoted colon", corrupt_memory("003_d53ac884832c097b", lambda t: t.replace(
        "edited: Another edit, made by hand.", "edited: The SDF said: the attack is over.")), 2,
         r"003_d53ac884832c097b\.yml:\d+:\d+: .*mapping values are not allowed.*quotes"),
    Case("python object tag in the memory", memory("zz", "entries:\n- !!python/object:os.system {ar: x}\n"), 2,
         r"zz\.yml:2:\d+: translation memory is not valid YAML"),
    Case("memory file with invalid UTF-8", memory("zz", b"entries:\n- {key: a, ar: \xff\xfe, mt: x}\n"), 2,
         r"zz\.yml:2: translation memory is not valid UTF-8"),
    Case("memory file is a FIFO", fifo("content/translations/zz.yml"), 2, r"zz\.yml: a FIFO"),
    Case("memory file is a dangling link", link("content/translations/zz.yml", "gone.yml"), 2, r"zz\.yml: cannot be read"),
    Case("memory file links outside the project", link("content/translations/zz.yml", OUTSIDE), 2,
         r"outside the project"),
    Case("memory file is a list", memory("zz", "- ar: x\n"), 2, r"zz\.yml: translation memory must be a mapping"),
    Case("memory entry with an unknown field", memory("zz", "entries:\n- {ar: x, mt: y, eddited: z}\n"), 2,
         r"zz\.yml: entry 1: unknown field\(s\) eddited"),
    Case("memory entry that is not a mapping", memory("zz", "entries:\n- just text\n"), 2, r"zz\.yml: entry 1"),
    Case("memory entry with a nested value", memory("zz", "entries:\n- {ar: x, mt: [a, b]}\n"), 2, r"zz\.yml: entry 1"),
    Case("edit that reads like a boolean stays text", corrupt_memory("003_d53ac884832c097b", lambda t: t.replace(
        "edited: Another edit, made by hand.", "edited: Yes")), 0, r"Built",
         check=expect_on_page("sources/003_d53ac884832c097b.html", r'class="s edited"[^>]*>Yes<')),
    Case("two different edits of one sentence", lambda p: _second_edit(p), 0, r"two different edits",
         check=expect_on_page("sources/001_843f77042b170b03.html", r"conflict: two different edits")),
    Case("journal with a torn last line", write("content/translations/.journal.jsonl",
                                                '{"ar": "جملة.", "mt": "A sentence.", "model": "m"}\n{"ar": "x'),
         0, r"Built", may_change=("project/content/translations",)),
    # -- configuration ----------------------------------------------------------------------------------
    Case("beam size 0", config("beam_size: 0"), 2, r"beam_size: must be 1–16"),
    Case("beam size 100000", config("beam_size: 100000"), 2, r"beam_size: must be 1–16"),
    Case("max_input_tokens 0", config("max_input_tokens: 0"), 2, r"max_input_tokens: must be 8–1024"),
    Case("max_decoding_length 1", config("max_decoding_length: 1"), 2, r"max_decoding_length: must be 8–4096"),
    Case("unknown compute type", config("compute_type: bogus"), 2, r"compute_type: must be one of"),
    Case("unknown device", config("device: tpu"), 2, r"device: must be one of auto, cpu, cuda"),
    Case("negative batch size", config("batch_size: -1"), 2, r"batch_size: must be 1–4096"),
    Case("negative threads", config("threads: -1"), 2, r"threads: must be at least 0"),
    Case("threads far above the cores", config("threads: 100000"), 0, r"threads: 100000 is more than"),
    Case("cuda without a GPU", config("device: cuda"), 0, r"no CUDA GPU .* on the CPU"),
    Case("build_date that is not a date", config("build_date: yesterday"), 2, r"build_date: must be a date"),
    Case("unquoted build_date", config("build_date: 2022-01-01"), 0, r"Built",
         check=expect_on_page("about.html", r"2022-01-01")),
    Case("empty title", config("title: ''"), 2, r"title: must not be empty"),
    Case("site.yml is a list", write("content/site.yml", "- title\n"), 2, r"expected a mapping of settings"),
    Case("site.yml is not YAML", write("content/site.yml", "title: [unclosed\n"), 2, r"site\.yml: not valid YAML"),
    Case("site.yml links to a file outside", link("content/site.yml.tmp", OUTSIDE), 0, r"Built"),
    Case("site.yml is a link out of the project", both(lambda p: (p / "content" / "site.yml").unlink(),
                                                       link("content/site.yml", "/etc/passwd")), 2,
         r"outside the project"),
    Case("unknown setting", config("colour: red"), 0, r"unknown setting 'colour'"),
    # -- seeds ------------------------------------------------------------------------------------------
    Case("a FIFO among the seeds", fifo("seeds/pipe.txt"), 1, r"pipe\.txt: a FIFO"),
    Case("a seed linked to /dev/zero", link("seeds/zero.txt", "/dev/zero"), 1, r"zero\.txt: a symbolic link"),
    Case("a seed linked to a file outside the project", link("seeds/leak.txt", OUTSIDE), 1,
         r"leak\.txt: a symbolic link .* outside the project",
         check=lambda p, out: "secret" not in "".join(x.read_text() for x in (p / "site").rglob("*.html"))),
    Case("a seed linked inside the project", link("seeds/zz_alias.txt", "../content/zz_article.txt.src"), 0, r"Built 6",
         may_change=(), check=expect_file("site/sources/zz_alias.html")),
    Case("a folder named like a seed", lambda p: (p / "seeds" / "folder.txt").mkdir(), 1, r"folder\.txt: a folder"),
    Case("a seed over the size limit", write("seeds/huge.txt", ARTICLE * 20_000), 1, r"huge\.txt: more than"),
    Case("UTF-8 with a few bad bytes stays UTF-8", write(SEED, UTF8_WITH_BAD_BYTES), 0, r"Built 6",
         check=expect_on_page("sources/zz_new.html", r'class="decoding-warning"', r"replaced by �")),
    Case("UTF-16 without a byte-order mark", write(SEED, ARTICLE.encode("utf-16-le")), 0, r"Built 6",
         check=expect_on_page("sources/zz_new.html", "12 شخصاً قتلوا")),
    Case("Windows-1256", write(SEED, ARTICLE.encode("cp1256")), 0, r"Built 6",
         check=expect_on_page("sources/zz_new.html", "12 شخصاً قتلوا", "Windows-1256")),
    Case("vague quantity at the end of a sentence with a number", write(
        SEED, "قال المرصد إن المعارك أدت إلى مقتل 5 عناصر ومقتل وإصابة العشرات.\n\nوأفاد ناشطون بفرار مئات\n"),
         0, r"Built 6"),
    Case("a claim repeated a thousand times in one sentence", write(SEED, REPEATED), 0, r"Built 6",
         check=lambda p, out: sum(f.stat().st_size for f in (p / "site").rglob("*")) < 5_000_000),
    Case("a copy with a trailing space in its name", lambda p: shutil.copy(
        p / "seeds" / "001_843f77042b170b03.txt", p / "seeds" / "001_843f77042b170b03 .txt"), 1,
         r"001_843f77042b170b03 \.txt: the same article as 001_843f77042b170b03\.txt",
         check=expect_on_page("sources/001_843f77042b170b03.html", "تعليق جديد من التحالف الدولي حول أحداث الحسكة",
                              r"Also reported by: .*شفق نيوز")),
    Case("a copy with another case in its name", lambda p: shutil.copy(
        p / "seeds" / "001_843f77042b170b03.txt", p / "seeds" / "001_843F77042B170B03.txt"), 1,
         r"001_843F77042B170B03\.txt: the same article as 001_843f77042b170b03\.txt"),
    Case("no seeds at all", lambda p: [f.unlink() for f in (p / "seeds").glob("*.txt")], 2, r"no usable seed files"),
    Case("no seeds folder", config("seeds_dir: missing"), 2, r"seed folder .*missing does not exist"),
    Case("only English seeds", lambda p: [f.write_text("The coalition said the attack failed.\n") for f in
                                          (p / "seeds").glob("*.txt")], 2, r"no usable seed files.*not Arabic"),
    Case("a seed that is only page chrome", write(SEED, "شارك\nاقرأ أيضاً\nتابعونا على تويتر\n"), 1,
         r"zz_new\.txt: no article body found"),
    Case("an empty seed", write(SEED, b""), 1, r"zz_new\.txt: empty file"),
    Case("a binary seed", write(SEED, bytes(range(256)) * 40), 1, r"zz_new\.txt: not valid UTF-8"),
    # -- content and templates ---------------------------------------------------------------------------
    Case("about.md links to /etc/passwd", both(lambda p: (p / "content" / "about.md").unlink(),
                                              link("content/about.md", "/etc/passwd")), 2, r"outside the project",
         check=lambda p, out: "root:" not in out),
    Case("a static file links to /etc/shadow", link("templates/static/x.txt", "/etc/shadow"), 2,
         r"static file .*x\.txt: a symbolic link .* outside the project"),
    Case("a template links outside the project", link("templates/about.html", OUTSIDE), 2,
         r"template .*outside the project"),
    Case("a template with an error", write("templates/about.html", "{% extends 'base.html' %}{% block main %}"
                                                                   "{{ nope.x }}{% endblock %}"), 2,
         r"template error: .*about\.html:1: 'nope' is undefined"),
    Case("a template with a syntax error", write("templates/about.html", "{% if %}"), 2, r"template error: .*about"),
    Case("an editor file that is not YAML", write("content/sources/002_e05e2947b1f63712.yml", "outlet: [x\n"), 1,
         r"002_e05e2947b1f63712\.yml: not valid YAML.*built with the detected metadata"),
    Case("an editor file with an unquoted date", write("content/sources/002_e05e2947b1f63712.yml",
                                                       "date: 2022-01-23\n"), 0, r"Built",
         check=expect_on_page("sources/002_e05e2947b1f63712.html", "2022-01-23")),
    Case("a glossary that is not YAML", write("content/glossary.yml", "قسد: [SDF\n"), 2, r"glossary\.yml: not valid YAML"),
    Case("a glossary with a number as English", write("content/glossary.yml", "قسد: 12\n"), 2,
         r"glossary\.yml: 'قسد': give the English as text"),
    Case("a glossary of fifty thousand terms", write("content/glossary.yml", "".join(
        f"مصطلح{n} كلمة{n}: term {n}\n" for n in range(50_000))), 0, r"Built"),
    Case("HTML in the editor's note is shown as text", write("content/summary.md", "<script>alert(1)</script>\n"), 0,
         r"Built", check=expect_on_page("index.html", r"&lt;script&gt;alert\(1\)&lt;/script&gt;")),
    # -- the machine ------------------------------------------------------------------------------------
    Case("the disk fills up while writing the site", patch=failing(errno.ENOSPC, lambda p: ".site-new-" in str(p)),
         code=74, message=r"cannot write the site .*No space left on device; the previous site is unchanged"),
    Case("the disk fills up as the search index starts", config("search: true"),
         patch=failing(errno.ENOSPC, lambda p: ".site-search-" in str(p)), code=74,
         message=r"cannot write the search index .*No space left on device; the previous site is unchanged"),
    Case("the disk fills up as the search index is marked", config("search: true"),
         patch=failing(errno.ENOSPC, lambda p: p.name == ".briefing-search"), code=74,
         message=r"cannot write the search index .*No space left on device; the previous site is unchanged"),
    Case("the disk fills up as the search records are written", config("search: true"),
         patch=failing(errno.ENOSPC, lambda p: p.parent.parent.name == "search" and p.suffix == ".html"), code=74,
         message=r"cannot write the search index .*No space left on device; the previous site is unchanged"),
    Case("a read-only project folder", patch=failing(errno.EROFS, lambda p: p.name == ".briefing.lock"), code=74,
         message=r"cannot take the build lock .*Read-only file system"),
    Case("a bug outside one source's work", patch=bug_in("generator.build.match_and_links", "linking"), code=70,
         message=r"^internal error while linking statements across sources: RuntimeError: simulated bug .*please report",
         absent=r"Traceback"),
    Case("a bug while rendering", patch=bug_in("generator.build.figure_counts", "counts"), code=70,
         message=r"internal error while rendering: RuntimeError", absent=r"Traceback"),
    Case("a bug while writing the data exports", patch=bug_in("generator.build.figures_exports", "exports"), code=70,
         message=r"internal error while writing the site: RuntimeError", absent=r"Traceback"),
    Case("a bug on one article's text", patch=bug_for_one_seed, code=1,
         message=r"004_bb667a3fd1ddedad\.txt: skipped: internal error while cleaning .*IndexError", site_kept=False,
         absent=r"Traceback", check=expect_file("site/sources/004_bb667a3fd1ddedad.html", exists=False)),
    # -- other commands ---------------------------------------------------------------------------------
    Case("translate without a model names no build option", args=("translate",), code=3,
         message=r"three ways", absent=r"allow-missing-translations", setup=write(SEED, ARTICLE)),
    Case("check on a broken memory file", corrupt_memory("001_843f77042b170b03", lambda t: t + "\n  - [torn"),
         args=("check",), code=2, message=r"001_843f77042b170b03\.yml:\d+"),
]


def _second_edit(project: Path) -> None:
    """Source 002 holds a sentence that 001 holds too; give it a different edit there."""
    first = yaml.safe_load((project / "content/translations/001_843f77042b170b03.yml").read_text(encoding="utf-8"))
    edited = next(e for e in first["entries"] if e.get("edited"))
    second = project / "content/translations/002_e05e2947b1f63712.yml"
    data = yaml.safe_load(second.read_text(encoding="utf-8"))
    data["entries"].append({"key": edited["key"], "ar": edited["ar"], "see": "001_843f77042b170b03",
                            "edited": "A different edit of the same sentence."})
    second.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _prepare_alias(project: Path) -> None:
    shutil.copy(ROOT / "tests" / "fixtures" / "event2" / "seeds" / "01_sahel_agency.txt",
                project / "content" / "zz_article.txt.src")


def edits(project: Path) -> set[tuple[str, str]]:
    found = set()
    for path in (project / "content" / "translations").glob("*.yml"):
        if not path.is_file() or path.is_symlink():
            continue
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
            found |= {(path.stem, e["edited"]) for e in data["entries"] if isinstance(e, dict) and e.get("edited")}
        except Exception:
            continue
    return found


def test_there_are_at_least_sixty_rows():
    assert len(CASES) >= 60 and len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile(case: Case, base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    work = tmp_path / "w"
    shutil.copytree(base, work, symlinks=True)
    project = work / "project"
    if case.name == "a seed linked inside the project":
        _prepare_alias(project)
    site_before = snapshot(project / "site")
    cleanup = case.setup(project)
    edits_before = edits(project)
    output = (project / case.output).resolve()
    allowed = [work / m for m in case.may_change] + [output]

    def skip(path: Path) -> bool:
        return path.name in (".briefing.lock", ".cache", "stories.lock.yml") or any(path == a or a in path.parents for a in allowed) or \
            path.name.startswith(f".{output.name}-new-") and path.parent == output.parent and case.code < 2

    before = snapshot(work, skip)
    if case.patch:
        case.patch(monkeypatch, project)
    try:
        code = main(["--project", str(project), *case.args])
    finally:
        monkeypatch.undo()
        if callable(cleanup):
            cleanup()
        (project / "site").chmod(0o755) if (project / "site").is_dir() else None
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert code == case.code, said
    assert re.search(case.message, said, re.M | re.S), said
    assert not (case.absent and re.search(case.absent, said)), said
    assert "Traceback" not in said
    kept = case.site_kept if case.site_kept is not None else case.code >= 2
    if kept:
        assert snapshot(project / "site") == site_before
    elif case.code in (0, 1):
        assert (output / "index.html").is_file() and (output / ".briefing-site").is_file()
    assert edits_before <= edits(project)
    assert snapshot(work, skip) == before
    if case.check:
        assert case.check(project, said) is not False
