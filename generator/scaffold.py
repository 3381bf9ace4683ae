"""`new DIR`: a new briefing project that builds as it is (the templates come with the generator), and the
GitHub Pages workflow that this project and every new one use."""

from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from .config import SCHEMA
from .errors import ConfigError

ARGOS_PIN = "argostranslate==1.11.0"
GITIGNORE = """# Build output and the generator's working files (the site is published by the workflow)
/site/
.site-*/
.cache/
.briefing.lock
content/translations/.journal*
__pycache__/
"""
ABOUT = """# About this briefing

Arabic news reports, machine-translated offline and paired with their English paragraph by paragraph.
Say here what the pile is, who gathered it, and how to reach you.
"""
GLOSSARY = """# Terms the translation must render in a set way: `Arabic: English` or `Arabic: [English, alternative]`.
# A sentence whose English misses the term's rendering is flagged on its page.
# قسد: [SDF, Syrian Democratic Forces]
"""
README = """# {title}

A bilingual briefing site made with the Arabic news briefing generator.

- Put scraped articles in `seeds/` (`.txt`, saved pages `.html`, scrapers' `.json`/`.jsonl`, `.md`).
- `python -m generator build` writes the site into `site/`; `python -m generator serve` previews it.
- Settings: `content/site.yml` (every key is listed there, commented). Corrections of translations go into
  `content/translations/`, of figures into `content/figures.yml`, of stories into `content/stories.yml`.
- Pushing to `main` builds and publishes the site on GitHub Pages (`.github/workflows/pages.yml`; enable
  Pages with "GitHub Actions" as the source).
"""


def site_yml() -> str:
    """content/site.yml with every setting, commented out at its default, and what it means."""
    lines = ["# Settings of this briefing. Every key is optional; remove the # to change one.", ""]
    for setting in SCHEMA:
        lines.append(f"# {setting.help}")
        value = json.dumps(setting.default, ensure_ascii=False) if setting.default is not None else "null"
        lines.append(f"# {setting.name}: {value}")
        lines.append("")
    return "\n".join(lines)


def generator_source() -> str:
    """Where this generator was installed from, as pip understands it (a git URL at its commit when it came
    from git), else its distribution name."""
    try:
        dist = distribution("arabic-briefing-generator")
    except PackageNotFoundError:
        return "arabic-briefing-generator"
    raw = dist.read_text("direct_url.json")
    info = json.loads(raw) if raw else {}
    vcs = info.get("vcs_info", {})
    if info.get("url", "").startswith(("https://", "git+")) and vcs:
        return f"arabic-briefing-generator @ git+{info['url'].removeprefix('git+')}@{vcs.get('commit_id', 'main')}"
    return "arabic-briefing-generator"


def workflow(install: str) -> str:
    """The GitHub Pages workflow: build with the model cached, keep the run's machine translations (a cache
    merged like a journal; committed files always win), offer them back (artifact; commit when
    commit_translations is true), publish."""
    return WORKFLOW.replace("{install}", install).replace("{argos}", ARGOS_PIN)


WORKFLOW = """name: Build and publish the briefing site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: write  # only used when content/site.yml says commit_translations: true
    env:
      ARGOS_PACKAGES_DIR: ${{ github.workspace }}/.argos-packages
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
          cache: pip
      - name: Install
        run: |
          pip install --no-deps {argos}
          {install}
      - name: Cache the Argos ar→en model
        uses: actions/cache@v4
        with:
          path: .argos-packages
          key: argos-translate-ar_en-v1
      - name: Note the committed translation memory
        id: memory
        run: echo "hash=${{ hashFiles('content/translations/*.yml') }}" >> "$GITHUB_OUTPUT"
      - name: Restore machine translations of earlier runs
        uses: actions/cache/restore@v4
        with:
          path: .translations-cache
          key: translations-${{ steps.memory.outputs.hash }}-${{ github.run_id }}
          restore-keys: |
            translations-${{ steps.memory.outputs.hash }}-
            translations-
      - name: Merge them like a journal (what is committed in git always wins)
        run: |
          mkdir -p content/translations
          if [ -f .translations-cache/journal.jsonl ]; then
            cp .translations-cache/journal.jsonl content/translations/.journal-ci.jsonl
          fi
      - name: Build (the model comes from Argos' package index on the first run, then from the cache)
        run: |
          # exit 1: some articles were skipped (named in the log and in a banner on the site); publish the rest
          status=0
          python -m generator build || status=$?
          if [ "$status" = 1 ]; then
            echo "::warning title=Some articles were skipped::the build log names each one and why"
          elif [ "$status" != 0 ]; then
            exit "$status"
          fi
      - name: Keep this run's machine translations for the next runs (also when the build failed)
        if: ${{ !cancelled() }}
        run: |
          mkdir -p .translations-cache
          python -m generator export-tm --format jsonl -o .translations-cache/journal.jsonl
      - uses: actions/cache/save@v4
        if: ${{ !cancelled() }}
        with:
          path: .translations-cache
          key: translations-${{ steps.memory.outputs.hash }}-${{ github.run_id }}
      - name: Offer the translations back for post-editing
        uses: actions/upload-artifact@v4
        with:
          name: translations
          path: content/translations/
          if-no-files-found: ignore
      - name: Commit the new machine translations (commit_translations true in content/site.yml)
        run: |
          if python -m generator setting commit_translations | grep -qx true && [ -n "$(git status --porcelain content/translations content/stories.lock.yml)" ]; then
            git config user.name "github-actions[bot]"
            git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
            git add content/translations content/stories.lock.yml
            git commit -m "Machine translations from the Pages build (post-edit them in content/translations)"
            git push
          fi
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


def new_project(target: Path, source: str | None = None) -> list[str]:
    """Create a project in target (new or empty); the files written, relative to it."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError(f"{target} exists and is not an empty folder; `new` only fills a new or empty one")
    title = re.sub(r"[-_]+", " ", target.resolve().name).strip().capitalize() or "Bilingual briefing"
    install = f'pip install "{source or generator_source()}"'
    files = {
        "content/site.yml": f'title: "{title}"\n\n' + site_yml(),
        "content/about.md": ABOUT,
        "content/glossary.yml": GLOSSARY,
        "seeds/.gitkeep": "",
        "templates/README.md": "Templates put here replace the generator's own of the same name (file by file).\n",
        ".gitignore": GITIGNORE,
        ".github/workflows/pages.yml": workflow(install),
        "README.md": README.format(title=title),
    }
    for relative, text in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
