"""`serve`: builds, serves on 127.0.0.1, rebuilds on change, survives a broken rebuild."""

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_on_change_and_survives_errors(tmp_path):
    project = make_project(tmp_path / "p")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--allow-missing-translations",
                                "--port", str(port)], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: "Key figures" in fetch(base + "index.html")), (tmp_path / "serve.log").read_text()
        site_yml = project / "content" / "site.yml"
        site_yml.write_text("title: A changed title for the test\n", encoding="utf-8")
        assert wait_for(lambda: "A changed title for the test" in fetch(base + "index.html"))
        (project / "templates" / "index.html").write_text("{% extends 'base.html' %}{% block main %}{{ broken.x }}"
                                                          "{% endblock %}", encoding="utf-8")
        assert wait_for(lambda: "rebuild failed" in (tmp_path / "serve.log").read_text())
        assert "A changed title for the test" in fetch(base + "index.html")  # still serving the last good site
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
    assert Path(project / "site" / "index.html").exists()
