"""The statements of a cold build, worked out on the second core while the first translates and pairs.

Linking statements across sources and finding teasers read only the Arabic and the dates (the English comes
later and changes none of it), so once every source is prepared they can start at once. A cold build
otherwise runs translation memory, pairing and linking one after the other on one core while the other
waits for the search index to start: about half a second of 5 at 1,000 reports, and 6 s of 60 at 10,000.

A child process forked from the build (the prepared articles are already in its memory) pairs the articles
without English, links them and finds the teasers, and sends back what the build would have computed itself.
The build then checks that the sources it paired are those the child read (a source that failed to pair is
left out of the site, so the child's answer would be about another pile), else, or when the child failed, it
computes the same itself. The build groups the stories itself once it has the links: grouping in the child
too kept the build waiting for it (13 s after preparing 10,000 reports, against 6 s for the links) and sent
every report's profile back through the pipe. The child touches neither the cache nor any file: the build
reads what the cache holds before, and stores the child's results after; a thread of the build takes the
answer as soon as it is sent, so that the child ends then (not after a long translation). It is used only
where forking is safe and pays: worker processes allowed, a pile large enough for the worker pool, nothing of
it in the cache, and no other thread in the process (`serve` builds in a thread of its own: there it is not
used).
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import signal
import threading
from dataclasses import dataclass

from .analysis.crossref import Links, Matches, match_and_links, teasers
from .models import Article, Source
from .translation.pair import pair_article

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Found:
    """What the child worked out: the statements, the links for the next build, the teasers."""

    source_ids: tuple[str, ...]
    matches: Matches
    links: Links
    aside: dict[tuple[str, str], str]


def _work(holder: list[list[Article]], previous: Links | None, conn, theirs) -> None:
    theirs.close()  # the build's end of the pipe: should the build die, sending fails here instead of waiting
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # cancel() ends the child whatever handler the build set
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle (it then ends the child)
    try:
        sources = [pair_article(article, {}) for article in holder[0]]  # the Arabic, English pending
        matches, links = match_and_links(sources, previous=previous)
        aside = teasers(sources, matches)
        answer: Found | str = Found(tuple(s.meta.id for s in sources), matches, links, aside)
    except Exception as exc:  # the build computes it itself
        answer = f"{type(exc).__name__}: {exc}"
    try:
        conn.send(answer)
    except OSError:
        pass  # the build is gone, or no longer listening
    finally:
        conn.close()


class Ahead:
    """A child process working out the statements; found() waits for it (None when it failed)."""

    def __init__(self, articles: list[Article], previous: Links | None):
        importlib.import_module("numpy")  # (the child's linking needs it, and the build's grouping after it: imported
        #                                    once, here, instead of once in each: lazy.py)
        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)
        holder = [articles]  # emptied once the child has its copy: the build lets the articles go after pairing
        self.process = context.Process(target=_work, args=(holder, previous, send, self.receive), daemon=True)
        self.process.start()
        holder.clear()
        send.close()
        self._answer: Found | str = "no answer"
        self._reader = threading.Thread(target=self._read, name="ahead-reader", daemon=True)
        self._reader.start()  # takes the answer as soon as it is sent, so that the child ends then and lets its
        #                       memory go, not once a long translation is over

    def _read(self) -> None:
        try:
            self._answer = self.receive.recv()
        except (EOFError, OSError) as exc:  # the child died, or cancel() closed the pipe
            self._answer = f"no answer: {exc}"

    def found(self, sources: list[Source]) -> Found | None:
        """The child's results when it read these very sources, else None (asked once: the results are the
        caller's to keep or let go)."""
        self._reader.join()
        answer, self._answer = self._answer, "handed over"
        self.cancel()
        if not isinstance(answer, Found):
            log.debug("statements worked out here instead: %s", answer)
            return None
        return answer if answer.source_ids == tuple(s.meta.id for s in sources) else None

    def cancel(self) -> None:
        """Stop the child if it still runs (an interrupted or failed build) and let it go."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self._reader.join()  # (the child is gone: its end of the pipe is closed, the reader has its EOF)
        self.receive.close()


def worth_it(count: int, workers: int, pool_from: int) -> bool:
    """Whether to fork: worker processes allowed, a pile the pool would be used for, and this thread alone."""
    return workers > 1 and count >= pool_from and threading.active_count() == 1
