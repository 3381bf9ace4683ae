"""Turn scraped Arabic news articles into a bilingual briefing site. (This module only dispatches.)"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
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
    translate = commands.add_parser("translate", help="translate into the memory without rendering",
                                    description="Translate sentences missing from the translation memory "
                                                "(all sources, or one), without rendering the site.")
    translate.add_argument("--source", help="only this source id (a seed file name without .txt)")
    translate.add_argument("--force", action="store_true",
                           help="re-translate machine translations too (human edits are never touched)")
    translate.add_argument("--model", help="a local .argosmodel file (ar→en) to translate with")
    return parser


def _print_report(report: dict, errors: list[str]) -> None:
    units = report["translated"] + report["from_memory"] + report["edited"] + report["pending"]
    print(f"Built {report['sources']} source(s): {report['pairs']} paragraph pairs; {units} sentences and headlines "
          f"({report['translated']} translated now, {report['from_memory']} from memory, {report['edited']} edited, "
          f"{report['pending']} pending); {report['figures']} figures; {report['removed']} lines removed; "
          f"{report['seconds']} s.")
    if report.get("flags"):
        print("Translation checks: " + ", ".join(f"{n} {check}" for check, n in report["flags"].items()))
    for error in errors:
        print(f"error: {error}", file=sys.stderr)


def _print_check(sources: list, errors: list[str]) -> None:
    for source in sources:
        meta = source.meta
        print(f"== {meta.id} ({meta.seed_file})")
        for name in ("outlet", "outlet_en", "headline", "date", "weekday", "dateline", "byline", "url"):
            if value := getattr(meta, name):
                print(f"   {name}: {value}  [{meta.provenance.get(name, '')}]")
        kinds = Counter(p.kind for p in source.pairs)
        statuses = Counter(s.status for p in source.pairs for s in p.sentences)
        print(f"   kept: {kinds['body']} paragraphs, {kinds['heading']} headings, {kinds['caption']} captions; "
              f"removed: {len(source.removed)} lines; translations: {statuses['machine']} machine, "
              f"{statuses['edited']} edited, {statuses['pending']} not yet translated")
        for removed in source.removed:
            print(f"   - line {removed.line:>3}  {removed.reason}: {removed.text[:90]}")
        for pair in source.pairs:
            for n, sentence in enumerate(pair.sentences, 1):
                for flag in sentence.flags:
                    print(f"   ⚑ ¶{pair.number}.{n} {flag}")
        for note in source.notes:
            print(f"   note: {note}")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, format="%(levelname)s: %(message)s")
    from .build import BuildOptions, build, check

    if args.command == "check":
        try:
            sources, errors = check(args.project)
        except GeneratorError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return exc.exit_code
        _print_check(sources, errors)
        return 1 if errors else 0
    options = BuildOptions(model=args.model,
                           allow_missing_translations=getattr(args, "allow_missing_translations", False))
    try:
        if args.command == "translate":
            from .build import translate_only

            result = translate_only(args.project, options, args.source, args.force)
            r = result.report
            print(f"Translated {r['translated']} sentence(s) of {r['sources']} source(s) into the memory "
                  f"({r['from_memory']} already there, {r['edited']} edited by a person).")
            for error in result.errors:
                print(f"error: {error}", file=sys.stderr)
            return result.exit_code
        if args.command == "serve":
            from .serve import serve

            return serve(args.project, options, port=args.port)
        result = build(args.project, options)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted: translations finished so far are kept in the memory; the previous site is "
              "unchanged. Run the same command again to go on.", file=sys.stderr)
        return 130
    _print_report(result.report, result.errors)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
