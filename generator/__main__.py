"""Command line: `python -m generator build|serve`. Only dispatches; the work is in the package."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .errors import GeneratorError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--project", type=Path, default=Path("."), help="project folder (default: current)")
    parser.add_argument("-v", "--verbose", action="store_true", help="more log output")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="show, per source, what cleaning removed and why (no translation)",
                        description="Read and clean every seed; print per source the removed lines and reasons.")
    for name, text in (("build", "build the site into site/"), ("serve", "build, serve on 127.0.0.1 and rebuild on change")):
        command = commands.add_parser(name, help=text, description=text)
        command.add_argument("--model", help="a local .argosmodel file (ar→en) to translate with")
        command.add_argument("--allow-missing-translations", action="store_true",
                             help="build without a model; English not in the memory is marked pending")
        if name == "serve":
            command.add_argument("--port", type=int, default=8000)
    return parser


def _print_report(report: dict, errors: list[str]) -> None:
    units = report["translated"] + report["from_memory"] + report["edited"] + report["pending"]
    print(f"Built {report['sources']} source(s): {report['pairs']} paragraph pairs; {units} sentences and headlines "
          f"({report['translated']} translated now, {report['from_memory']} from memory, {report['edited']} edited, "
          f"{report['pending']} pending); {report['figures']} figures; {report['removed']} lines removed; "
          f"{report['seconds']} s.")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)


def _print_check(articles: list, errors: list[str]) -> None:
    for article in articles:
        meta = article.meta
        body = sum(1 for p in article.paragraphs if p.kind == "body")
        print(f"== {meta.id} ({meta.seed_file})")
        for name in ("outlet", "headline", "date", "dateline", "byline", "url"):
            if value := getattr(meta, name):
                print(f"   {name}: {value}  [{meta.provenance.get(name, '')}]")
        kinds = {k: sum(1 for p in article.paragraphs if p.kind == k) for k in ("heading", "caption")}
        print(f"   kept: {body} paragraphs, {kinds['heading']} headings, {kinds['caption']} captions; "
              f"removed: {len(article.removed)} lines")
        for removed in article.removed:
            print(f"   - line {removed.line:>3}  {removed.reason}: {removed.text[:90]}")
        for note in article.notes:
            print(f"   note: {note}")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(levelname)s: %(message)s")
    from .build import BuildOptions, build, check

    if args.command == "check":
        try:
            articles, errors = check(args.project)
        except GeneratorError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return exc.exit_code
        _print_check(articles, errors)
        return 1 if errors else 0
    options = BuildOptions(model=args.model, allow_missing_translations=args.allow_missing_translations)
    try:
        if args.command == "serve":
            from .serve import serve

            return serve(args.project, options, port=args.port)
        result = build(args.project, options)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    _print_report(result.report, result.errors)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
