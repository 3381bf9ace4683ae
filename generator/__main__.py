"""Turn scraped Arabic news articles into a bilingual briefing site. (This module only dispatches.)"""

from __future__ import annotations

import argparse
import errno
import json
import logging
import sys
import traceback
from collections import Counter
from pathlib import Path

from .errors import (
    EXIT_CANT_WRITE,
    EXIT_CODES_HELP,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_PIPE,
    EXIT_SKIPPED,
    GeneratorError,
    internal_error,
)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="more log output, and the traceback of an internal error")
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__, parents=[common],
                                     epilog=EXIT_CODES_HELP)
    parser.add_argument("--project", type=Path, default=Path("."), help="project folder (default: current)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", parents=[common], help="show, per source, what cleaning removed and why",
                        description="Read and clean every seed; print per source the removed lines and reasons "
                                    "(no translation, no lock, nothing written).", epilog=EXIT_CODES_HELP)
    for name, text in (("build", "build the site into site/"), ("serve", "build, serve on 127.0.0.1 and rebuild on change")):
        command = commands.add_parser(name, parents=[common], help=text, description=text, epilog=EXIT_CODES_HELP)
        command.add_argument("--model", help="a local .argosmodel file (ar→en) to translate with")
        command.add_argument("--allow-missing-translations", action="store_true",
                             help="build without a model; English not in the memory is marked pending")
        if name == "build":
            command.add_argument("--timings", type=Path, metavar="FILE",
                                 help="write the seconds each stage took (and cache hits) to FILE as JSON")
        if name == "serve":
            command.add_argument("--port", type=int, default=8000)
    translate = commands.add_parser("translate", parents=[common], help="translate into the memory without rendering",
                                    description="Translate sentences missing from the translation memory "
                                                "(all sources, or one), without rendering the site.",
                                    epilog=EXIT_CODES_HELP)
    translate.add_argument("--source", help="only this source id (a seed file name without .txt)")
    translate.add_argument("--force", action="store_true",
                           help="re-translate machine translations too (human edits are never touched)")
    translate.add_argument("--model", help="a local .argosmodel file (ar→en) to translate with")
    translate.add_argument("--shard", type=_shard, metavar="I/N",
                           help="translate only the I-th of N equal shares of the missing sentences into its own "
                                "journal (several can run at once, e.g. in a CI matrix); the next build merges them")
    export = commands.add_parser("export-tm", parents=[common], help="write the translation memory as TMX or XLIFF",
                                 description="Write the translation memory (or one source's part) as TMX 1.4b "
                                             "(OmegaT, Okapi) or XLIFF 2.0, machine output marked as such.",
                                 epilog=EXIT_CODES_HELP)
    export.add_argument("--format", choices=("tmx", "xliff", "jsonl"), default="tmx",
                        help="tmx or xliff for translators; jsonl: the machine output as a journal (the Pages "
                             "workflow's cache)")
    export.add_argument("--source", help="only this source id")
    export.add_argument("-o", "--output", type=Path, help="the file to write (default: standard output)")
    importer = commands.add_parser("import-tm", parents=[common], help="take a translator's TMX or XLIFF back",
                                   description="Take a translator's TMX or XLIFF file back into the memory: every "
                                               "unit whose English differs from the machine output becomes an edit.",
                                   epilog=EXIT_CODES_HELP)
    importer.add_argument("file", type=Path)
    new = commands.add_parser("new", parents=[common], help="start a new briefing project in DIR",
                              description="Create a project in DIR (new or empty): content/site.yml with every "
                                          "setting, about.md, glossary.yml, seeds/, .gitignore, the Pages workflow "
                                          "and a README.", epilog=EXIT_CODES_HELP)
    new.add_argument("dir", type=Path)
    new.add_argument("--generator", help="what the new project's workflow installs the generator from (pip "
                                         "requirement; default: where this one came from)")
    setting = commands.add_parser("setting", parents=[common], help="print one setting's value",
                                  description="Print the value of one setting of content/site.yml (scripts, CI).")
    setting.add_argument("name")
    return parser


def _shard(text: str) -> tuple[int, int]:
    try:
        index, count = (int(x) for x in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: write the shard as I/N, e.g. 2/4") from None
    if not 1 <= index <= count:
        raise argparse.ArgumentTypeError(f"{text!r}: I must be between 1 and N")
    return index, count


def _tm(args: argparse.Namespace) -> int:
    from .tm import export, import_file

    if args.command == "export-tm":
        text = export(args.project, args.format, args.source)
        if args.output:
            args.output.write_text(text, encoding="utf-8")
            print(f"Wrote {args.output} ({args.format.upper()}).")
        else:
            sys.stdout.write(text)
        return 0
    report = import_file(args.project, args.file)
    total = sum(report.edits.values())
    print(f"Imported {total} edit(s) into {len(report.edits)} memory file(s); {report.unchanged} unit(s) unchanged; "
          f"{len(report.unmatched)} unit(s) match no sentence.")
    for unit in report.unmatched:
        print(f"warning: no sentence in the memory for unit {unit}", file=sys.stderr)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def _logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s", force=True)
    logging.getLogger("generator").setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("markdown_it", "argostranslate", "urllib3", "filelock", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _print_report(report: dict, errors: list[str]) -> None:
    for error in errors:  # (first: a reader that closes the output early, "build | head", must not hide them)
        print(f"error: {error}", file=sys.stderr)
    units = report["translated"] + report["from_memory"] + report["edited"] + report["pending"]
    print(f"Built {report['sources']} source(s): {report['pairs']} paragraph pairs; {units} sentences and headlines "
          f"({report['translated']} translated now, {report['from_memory']} from memory, {report['edited']} edited, "
          f"{report['pending']} pending); {report['figures']} figures; {report['removed']} lines removed; "
          f"{report['seconds']} s.")
    if report.get("flags"):
        print("Translation checks: " + ", ".join(f"{n} {check}" for check, n in report["flags"].items()))
    for warning in report.get("warnings", []):
        print(f"warning: {warning}", file=sys.stderr)
    if report.get("conflicts"):
        print(f"warning: {report['conflicts']} sentence(s) have two different edits in the translation memory; "
              "neither is used until one is removed (see the ⚑ conflict flags)", file=sys.stderr)


def _print_check(sources: list, errors: list[str]) -> None:
    for error in errors:  # (first, as the build's)
        print(f"error: {error}", file=sys.stderr)
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    verbose = getattr(args, "verbose", False)
    _logging(verbose)
    try:
        return _run(args)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        if not _pipe_out():
            return _internal(verbose)
        return EXIT_PIPE  # ("check | head": the reader has what it wanted; no error to report to nobody)
    except KeyboardInterrupt:
        print("interrupted: translations finished so far are kept in the memory; the previous site is "
              "unchanged. Run the same command again to go on.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as exc:
        if exc.errno in _FULL:  # (the site's own writes say so themselves: this is the output's)
            return _cannot_write(EXIT_INTERNAL, str(exc))
        return _internal(verbose)
    except Exception:  # a bug: one line (the traceback with -v), and the previous site untouched
        return _internal(verbose)


def _internal(verbose: bool) -> int:
    if verbose:
        traceback.print_exc()
    print(internal_error(sys.exc_info()[1]), file=sys.stderr)
    return EXIT_INTERNAL


def _pipe_out() -> bool:
    """Whether standard output is a pipe (or socket) whose reader has closed it (not a broken pipe of some
    other kind: that is a bug), pointing it at os.devnull then, so that the flush at exit says nothing more."""
    import os
    import select
    import stat

    try:
        fd = sys.stdout.fileno()
        if not (stat.S_ISFIFO(mode := os.fstat(fd).st_mode) or stat.S_ISSOCK(mode)):
            return False
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        if not any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0)):
            return False  # (its reader is still there)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # (no poll on this system, no file behind stdout)
        return False
    return True


def _run(args: argparse.Namespace) -> int:
    from .build import BuildOptions, build, check

    if args.command == "check":
        sources, errors = check(args.project)
        _print_check(sources, errors)
        return 1 if errors else 0
    if args.command in ("export-tm", "import-tm"):
        return _tm(args)
    if args.command == "new":
        from .scaffold import new_project

        written = new_project(args.dir, args.generator)
        print(f"Created {args.dir} ({len(written)} files). Put articles in {args.dir}/seeds and run: "
              f"python -m generator --project {args.dir} build")
        return 0
    if args.command == "setting":
        from .config import SCHEMA, load_config

        if args.name not in {s.name for s in SCHEMA}:
            raise GeneratorError(f"no setting {args.name!r} (known: {', '.join(s.name for s in SCHEMA)})")
        value = getattr(load_config(args.project), args.name)
        print(json.dumps(value) if not isinstance(value, str) else value)
        return 0
    options = BuildOptions(model=args.model, command=args.command,
                           allow_missing_translations=getattr(args, "allow_missing_translations", False))
    if args.command == "translate":
        from .build import translate_only

        result = translate_only(args.project, options, args.source, args.force, args.shard)
        r = result.report
        into = f"the journal {r['journal']} (the next build merges it)" if r["journal"] else "the memory"
        print(f"Translated {r['translated']} sentence(s) of {r['sources']} source(s) into {into} "
              f"({r['from_memory']} already there, {r['edited']} edited by a person).")
        for error in result.errors:
            print(f"error: {error}", file=sys.stderr)
        return result.exit_code
    if args.command == "serve":
        from .serve import serve

        return serve(args.project, options, port=args.port)
    result = build(args.project, options)
    _print_report(result.report, result.errors)
    if args.timings:
        args.timings.write_text(json.dumps({**result.report["timings"], "total": result.report["seconds"],
                                            "cache": result.report["cache"]}, indent=1) + "\n", encoding="utf-8")
    return result.exit_code


def _exit(code: int) -> None:
    """End the process once main has returned. When only this thread is left, the exit handlers run (logging's
    flush, multiprocessing's clean-up) and the streams are flushed, then the process ends at once: Python would
    otherwise free every object of the run one by one before exiting (about 1 % of a cold build of 1,000
    articles). Output that cannot be written is not lost in silence: a reader that closed it early gives
    EXIT_PIPE, as while printing; any other failure (a full disk) is said on stderr and gives EXIT_CANT_WRITE."""
    import atexit
    import os
    import threading

    if threading.active_count() > 1:  # (a thread still working: Python's own exit waits for it)
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = EXIT_PIPE if _pipe_out() else _cannot_write(code, "the output's reader went away")
    except (OSError, ValueError) as exc:
        code = _cannot_write(code, str(exc))
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG}  # writing the output failed for want of room


def _cannot_write(code: int, why: str) -> int:
    try:
        print(f"error: cannot write the output: {why}", file=sys.stderr)
    except (OSError, ValueError):
        pass
    return code if code not in (0, EXIT_SKIPPED, EXIT_INTERNAL) else EXIT_CANT_WRITE


def run() -> None:
    """The `briefing` command: main, then the same quick exit as `python -m generator`."""
    _exit(main())


if __name__ == "__main__":
    _exit(main())
