"""`serve`: builds, serves on 127.0.0.1, rebuilds in the background and reloads the open page on a change,
shows a failed rebuild (or skipped seeds) on the page while serving goes on, keeps answering during a
rebuild, never rebuilds for its own memory writes, and never loses an edit saved while it rebuilds."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import yaml

from generator.serve import Rebuilder, snapshot
from tests.conftest import PYTHONPATH, make_project, run_cli
from tests.test_browser import ARGS, CHROMIUM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


@contextmanager
def serving(project: Path, log_path: Path, *args: str, env: dict[str, str] | None = None):
    port = free_port()
    log = log_path.open("w")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port), *args], cwd=project,
                               env={**os.environ, "PYTHONPATH": PYTHONPATH, **(env or {})}, stdout=log,
                               stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Key figures" in fetch(base + "index.html"), 120), log_path.read_text()
        yield base, process
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_serve_reloads_the_open_page_and_shows_build_errors(tmp_path):
    from playwright.sync_api import sync_playwright

    project = make_project(tmp_path / "p")
    log_path = tmp_path / "serve.log"
    with serving(project, log_path, "--allow-missing-translations") as (base, process):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            with page.expect_websocket():  # livereload's channel: changes are announced on it
                page.goto(base + "index.html")
            page.wait_for_timeout(300)
            (project / "content" / "site.yml").write_text("title: A changed title for the test\n", encoding="utf-8")
            page.wait_for_function("document.title.includes('A changed title for the test')", timeout=30_000)

            template = project / "templates" / "about.html"  # a project's template overrides the default
            template.write_text("{% extends 'base.html' %}{% block main %}{{ broken.x }}{% endblock %}",
                                encoding="utf-8")  # right after the last reload: no quiet period any more
            page.wait_for_selector(".build-error", timeout=30_000)
            assert "broken" in page.inner_text(".build-error")
            assert "rebuild failed" in log_path.read_text()
            assert process.poll() is None  # still serving

            template.unlink()  # back to the generator's own
            page.wait_for_function("!document.querySelector('.build-error')", timeout=30_000)
            browser.close()
    log = log_path.read_text()
    assert "GET /index.html" in log and not re.search(r"^\[[IWE] \d", log, re.M)  # our format only: printed once
    assert len(re.findall(r"rebuilt:", log)) == 3 and "Traceback" not in log


def test_serve_watches_the_configured_seeds_folder_answers_while_rebuilding_and_shows_skipped_seeds(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "seeds").rename(project / "articles")
    (project / "content" / "site.yml").write_text("seeds_dir: articles\n", encoding="utf-8")
    log_path = tmp_path / "serve.log"
    with serving(project, log_path, "--allow-missing-translations") as (base, _):
        # A project's about page that takes a second or two to render keeps the rebuild open long enough to
        # be seen from here on any machine (a 0.1 s rebuild can fall between two looks at the log).
        (project / "templates" / "about.html").write_text(
            "{% extends 'base.html' %}{% block main %}{% set ns = namespace(n=0) %}"
            "{% for i in range(5000000) %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}{% endblock %}",
            encoding="utf-8")
        seed = project / "articles" / "001_843f77042b170b03.txt"
        seed.write_bytes(bytes(range(256)) * 50)  # now unreadable as text
        latencies, during = [], 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            started = time.monotonic()
            fetch(base + "about.html")
            latencies.append(time.monotonic() - started)
            log = log_path.read_text()
            rebuilding = "rebuilding" in log and log.count("rebuilt:") < 2
            during += rebuilding
            if log.count("rebuilt:") >= 2:
                break
            time.sleep(0.05)
        assert during > 0 and max(latencies) < 2, (during, max(latencies))
        assert wait_for(lambda: "skipped some files" in fetch(base + "index.html"))
        assert "001_843f77042b170b03.txt: not valid UTF-8" in fetch(base + "index.html")


def test_serve_on_a_port_in_use_says_so(tmp_path):
    project = make_project(tmp_path / "p")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = run_cli(project, "serve", "--allow-missing-translations", "--port", str(taken.getsockname()[1]),
                         timeout=120)
    assert result.returncode == 2 and "already in use; choose another with --port" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_never_rebuilds_for_its_own_memory_writes_and_keeps_an_edit_saved_meanwhile(tmp_path, synthetic_model):
    project = make_project(tmp_path / "p")
    (project / "content" / "site.yml").write_text("search: false\n", encoding="utf-8")
    log_path = tmp_path / "serve.log"
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "argos-packages")}
    with serving(project, log_path, "--model", str(synthetic_model), env=env) as (base, _):
        # the memory file of the seed the rebuild translates new sentences of, so that the rebuild writes the
        # very file the translator saves meanwhile (a test audit: another seed's file was never written, and a
        # save that ignored the disk passed)
        memory_file = project / "content" / "translations" / "001_843f77042b170b03.yml"
        assert memory_file.exists()
        seed = project / "seeds" / "001_843f77042b170b03.txt"
        seed.write_text(seed.read_text(encoding="utf-8") + "\nوقال المرصد إن المعارك توقفت صباح اليوم في المدينة.\n",
                        encoding="utf-8")
        assert wait_for(lambda: "rebuilding" in log_path.read_text())
        data = yaml.safe_load(memory_file.read_text(encoding="utf-8"))  # a translator saves meanwhile
        data["entries"][0]["edited"] = "Saved while serve was rebuilding."
        memory_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert wait_for(lambda: "Saved while serve was rebuilding." in fetch(
            base + "sources/001_843f77042b170b03.html"), 60), log_path.read_text()
        builds, settled = log_path.read_text().count("rebuilt:"), time.monotonic()
        while time.monotonic() - settled < 4:  # the edit saved meanwhile may cause one more rebuild; then quiet
            time.sleep(0.5)
            if log_path.read_text().count("rebuilt:") != builds:
                builds, settled = log_path.read_text().count("rebuilt:"), time.monotonic()
    saved = yaml.safe_load(memory_file.read_text(encoding="utf-8"))["entries"][0]
    assert saved["edited"] == "Saved while serve was rebuilding."
    assert builds <= 3 and "Traceback" not in log_path.read_text(), log_path.read_text()


def test_a_change_saved_during_a_rebuild_counts_and_the_builds_own_writes_do_not(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "ours.yml").write_text("a", encoding="utf-8")
    (folder / "theirs.yml").write_text("a", encoding="utf-8")
    before = snapshot([folder])
    time.sleep(0.01)
    (folder / "ours.yml").write_text("written by the build", encoding="utf-8")
    (folder / "theirs.yml").write_text("saved by a person meanwhile", encoding="utf-8")
    rebuilder = Rebuilder(tmp_path, None)  # type: ignore[arg-type]
    import hashlib

    rebuilder.written = {str(folder / "ours.yml"): hashlib.sha1(b"written by the build").hexdigest()}
    settled = rebuilder.settle(before, snapshot([folder]))
    now = snapshot([folder])
    assert settled[str(folder / "ours.yml")] == now[str(folder / "ours.yml")]
    assert settled[str(folder / "theirs.yml")] != now[str(folder / "theirs.yml")]


def _serve_in_thread(handler: type, root: Path):
    """A Tornado server with one static file handler on 127.0.0.1, in a thread of its own; (base, stop)."""
    import asyncio
    import threading

    from tornado.web import Application

    port, started, box = free_port(), threading.Event(), {}

    def run() -> None:
        asyncio.set_event_loop(asyncio.new_event_loop())
        from tornado.ioloop import IOLoop

        server = Application([(r"/(.*)", handler, {"path": str(root)})]).listen(port, address="127.0.0.1")
        box["loop"], box["server"] = IOLoop.current(), server
        started.set()
        IOLoop.current().start()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(10)

    def stop() -> None:
        box["loop"].add_callback(box["server"].stop)
        box["loop"].add_callback(box["loop"].stop)
        thread.join(10)

    return f"http://127.0.0.1:{port}/", stop


def test_a_page_replaced_while_it_is_being_served_is_sent_whole_as_it_was_read(tmp_path):
    """A rebuild replaces pages while serve answers (the swap, the banner on every page). The page replaced
    between the handler's look at it and its body must still go out whole: the bytes it read, with their own
    length (Tornado's handler announced the old file's size and sent the new file's bytes: no answer at all)."""
    from generator.serve import one_read_handler

    page = tmp_path / "about.html"
    page.write_text("<html><body>before</body></html>", encoding="utf-8")
    served = one_read_handler()

    class ReplacedMeanwhile(served):  # type: ignore[misc, valid-type]
        def validate_absolute_path(self, root, absolute_path):
            path = super().validate_absolute_path(root, absolute_path)
            replacement = tmp_path / ".about.html.tmp"  # as write.mark_failed does: a new file renamed over it
            replacement.write_text("<html><body>" + "after, with a rebuild's banner " * 40 + "</body></html>",
                                   encoding="utf-8")
            os.replace(replacement, page)
            return path

    base, stop = _serve_in_thread(ReplacedMeanwhile, tmp_path)
    try:
        with urllib.request.urlopen(base + "about.html", timeout=10) as response:
            body = response.read().decode("utf-8")
            length, etag = int(response.headers["Content-Length"]), response.headers["ETag"]
        assert body == "<html><body>before</body></html>" and length == len(body.encode("utf-8"))
        assert "after" in fetch(base + "about.html")  # the next request reads the page as it is now
        import hashlib

        assert etag == f'"{hashlib.sha1(body.encode("utf-8")).hexdigest()}"'
        try:
            fetch(base + "missing.html")
        except urllib.error.HTTPError as error:
            assert error.code == 404
        else:
            raise AssertionError("a missing page was served")
    finally:
        stop()
