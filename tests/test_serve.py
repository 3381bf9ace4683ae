"""`serve`: builds, serves on 127.0.0.1, rebuilds and reloads the open page on a change, and shows a
failed rebuild in the terminal and on the page while serving goes on."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, make_project
from tests.test_browser import ARGS, CHROMIUM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_reloads_the_open_page_and_shows_build_errors(tmp_path):
    from playwright.sync_api import sync_playwright

    project = make_project(tmp_path / "p")
    port = free_port()
    log_path = tmp_path / "serve.log"
    log = log_path.open("w")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--allow-missing-translations",
                                "--port", str(port)], cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Key figures" in fetch(base + "index.html")), log_path.read_text()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            with page.expect_websocket():  # livereload's channel: changes are announced on it
                page.goto(base + "index.html")
            page.wait_for_timeout(500)
            (project / "content" / "site.yml").write_text("title: A changed title for the test\n", encoding="utf-8")
            page.wait_for_function("document.title.includes('A changed title for the test')", timeout=30_000)

            template = project / "templates" / "about.html"
            good = template.read_text(encoding="utf-8")
            page.wait_for_timeout(3000)  # livereload ignores a change within 2.5 s of its last reload
            with page.expect_websocket():
                template.write_text("{% extends 'base.html' %}{% block main %}{{ broken.x }}{% endblock %}",
                                    encoding="utf-8")
                page.wait_for_selector(".build-error", timeout=30_000)
            page.wait_for_selector(".build-error", timeout=30_000)
            assert "broken" in page.inner_text(".build-error")
            assert "rebuild failed" in log_path.read_text()
            assert process.poll() is None  # still serving

            page.wait_for_timeout(3000)
            template.write_text(good, encoding="utf-8")
            page.wait_for_function("!document.querySelector('.build-error')", timeout=30_000)
            browser.close()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
    assert Path(project / "site" / "index.html").exists()
