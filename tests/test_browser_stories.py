"""A site with several stories in a real browser (Debian's Chromium via Playwright), served under a
sub-path on 127.0.0.1: the story list, a story's briefing, its figures and its reports at 1280 and 375 px,
the links between them, search filtered by story, accessibility (axe) and valid markup (Nu validator)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from tests.conftest import ROOT, make_project
from tests.html_helpers import raw_briefing
from tests.stub import StubEngine
from tests.test_browser import ARTIFACTS, VIEWPORTS, Watched, _validate, browser, serve  # noqa: F401

EVENTS = ("event2", "event3", "event4")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("stories-browser") / "project")
    for event in EVENTS:
        for path in (ROOT / "tests" / "fixtures" / event / "seeds").glob("*.txt"):
            shutil.copy(path, project / "seeds" / f"{event}-{path.name}")
    # one report split off its story by an editor: the two stories list each other as related
    (project / "content" / "stories.yml").write_text("split: [[event4-02_north_today]]\n", encoding="utf-8")
    build(project, BuildOptions(engine_loader=StubEngine().loader))
    return project / "site"


@pytest.fixture(scope="module")
def base_url(site, tmp_path_factory) -> Iterator[str]:
    yield from serve(site, tmp_path_factory.mktemp("served-stories"))


@pytest.fixture(scope="module")
def pages(site) -> dict[str, str]:
    data = raw_briefing(site)
    story = max(data["stories"], key=lambda s: len(s["members"]))
    alone = next(s for s in data["stories"] if s["members"] == ["event4-02_north_today"])
    assert alone["related"]
    return {"stories": "index.html", "story": f"stories/{story['id']}.html", "related": f"stories/{alone['id']}.html",
            "story-figures": f"stories/{story['id']}-figures.html", "sources": "sources.html",
            "source": f"sources/{story['members'][0]}.html"}


@pytest.fixture
def watched(browser, base_url):  # noqa: F811
    opened: list[Watched] = []

    def open_page(**context) -> Watched:
        w = Watched(browser, base_url, **context)
        opened.append(w)
        return w

    yield open_page
    for w in opened:
        assert w.problems == [], w.problems
        w.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", ["stories", "story", "related", "story-figures", "sources", "source"])
def test_story_pages_fit_load_cleanly_and_pass_axe(watched, base_url, pages, name, viewport):
    from axe_playwright_python.sync_playwright import Axe

    w = watched(viewport=VIEWPORTS[viewport])
    w.page.goto(base_url + pages[name])
    w.page.wait_for_load_state("networkidle")
    overflow = w.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {viewport}"
    results = Axe().run(w.page)
    assert results.violations_count == 0, results.generate_report()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    w.page.screenshot(path=str(ARTIFACTS / f"stories-{name}-{viewport}.png"), full_page=True)


def test_from_the_story_list_to_a_report_and_back(watched, base_url):
    w = watched(viewport=VIEWPORTS["phone"])
    w.page.goto(base_url + "index.html")
    w.page.locator(".story-list .story-card a").first.click()
    w.page.wait_for_load_state()
    assert "/stories/" in w.page.url
    story_url = w.page.url
    w.page.get_by_text("Key figures of this story").click()
    w.page.wait_for_load_state()
    assert w.page.url.endswith("-figures.html") and w.page.locator("h1").inner_text().startswith("Key figures")
    w.page.go_back()
    w.page.locator("section[aria-labelledby=sources] .source-card a").first.click()
    w.page.wait_for_load_state()
    assert "/sources/" in w.page.url
    w.page.locator(".kicker a").click()
    w.page.wait_for_load_state()
    assert w.page.url == story_url


def test_search_can_be_limited_to_one_story(watched, base_url, site):
    data = raw_briefing(site)
    derna = next(s for s in data["stories"] if s["members"][0].startswith("event3"))
    w = watched(viewport=VIEWPORTS["wide"])
    w.page.goto(base_url + "search.html")
    w.page.fill("#search-input", "stub")  # in the English of every report: only the filter can narrow it
    w.page.select_option("#search-story", derna["id"])
    w.page.press("#search-input", "Enter")
    w.page.wait_for_function("document.querySelector('.search-status').textContent.includes('found')")
    status = w.page.inner_text(".search-status")
    hrefs = w.page.eval_on_selector_all(".search-results li a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs, status
    assert all(h.split("/")[1].split(".html")[0] in derna["members"] for h in hrefs)
    w.page.select_option("#search-story", "")
    w.page.fill("#search-input", derna["id"])  # the story's id is a filter, not text of the records
    w.page.press("#search-input", "Enter")
    w.page.wait_for_function(f"document.querySelector('.search-status').textContent.includes('{derna['id']}')")
    assert w.page.eval_on_selector_all(".search-results li", "els => els.length") == 0, w.page.inner_text(".search-status")
    w.page.fill("#search-input", "stub")
    w.page.press("#search-input", "Enter")
    w.page.wait_for_function("document.querySelectorAll('.search-results li a').length > 0")
    everywhere = w.page.eval_on_selector_all(".search-results li a", "els => els.map(e => e.getAttribute('href'))")
    assert any(h.split("/")[1].split(".html")[0] not in derna["members"] for h in everywhere)


def test_story_site_markup_is_valid_html(site, tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(site, pages, ignore=shutil.ignore_patterns("pagefind"))
    result = _validate(pages)
    assert result.returncode == 0, result.stdout + result.stderr
