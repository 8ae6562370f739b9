"""One owner for the work a build derives from the standards, kept by content.

A build works many things out from each standard: its card's printed content, its
scorecard page, its search terms, its lint findings. `mkdocs serve` builds again after
every save, and an edit changes one standard: this object keeps what each piece of work
made, under a key made of everything it reads (the standard's digest, the revision, the
URL style…), so a rebuild redoes only the work whose inputs changed. It also holds what
is worked out once per build (the revision from `git describe`), forgotten when the next
build starts.

A key that misses an input would publish a stale result, so the cache checks itself:
in every build the first few reused results of each kind are made again and compared
(an input every result of a kind reads, such as a setting, shows there), and so is
every reused result of a standard whose file changed since the last build (`of`: a key
that misses the standard's own content shows there).
A difference stops that kind being kept for the rest of the process, is counted in
`failed`, and the caller makes the build's files again (the plugin does), so a wrong
entry never reaches the site. A cold build reuses nothing: it is as without the cache.

The state lives as long as the engine's process (the plugin keeps one); nothing of it
is written to disk (the cards' layout cache in `.cache/` is cards/cache.py's).

What is kept elsewhere, and why it cannot go stale:
- memoised pure functions, whose arguments are all they read (`lru_cache`: a file's path
  and text to its Standard, inline Markdown to HTML, words to stems, paths to URLs and
  to whether the changelog reads them as standards, an illustration's bytes to its
  problem): the same arguments give the same result in any build of any project;
- the package's own files, read or compiled once per process (`functools.cache`: the
  schema, the Jinja environments of its templates, the synonyms, the CMU dictionary);
- the changelog's history (changelog/feature.py), keyed by git's object ids, which name
  the content; made again and compared here, it would read the history every build;
- a loaded handbook's published standards in order (`Handbook.published`), kept for that
  handbook object only and made again whenever its standards (frozen) or settings differ;
- the engine's own bookkeeping between `serve` builds (which files changed, compiled
  templates: mkdocs/stable.py) is not derived from the standards, but the state holds it
  too (`part`), so one object says what a build sees of the builds before it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")

# Reused results of each kind made again and compared, per build.
CHECKS = 2


class BuildState:
    """Results of derived work, by kind and content key, across the builds of a process."""

    def __init__(self, keep: bool = True, checks: int = CHECKS) -> None:
        self.keep = keep  # False: nothing is kept across builds (each build cold)
        # True: builds follow this one in the process (`serve`, set by the engine), so
        # work kept only for rebuilds is worth keeping from the first build on.
        self.rebuilds = False
        self.checks = checks
        # Results by kind, then by key: a kind's dict is looked up by its name (whose
        # hash Python keeps) and the key compared by the dict itself, in C.
        self._kept: dict[str, dict[Hashable, object]] = {}
        # The results this build used, kept for the next: dicts, so that the next build
        # takes them as they are (a set to filter `_kept` by compared every key in full).
        self._used: dict[str, dict[Hashable, object]] = {}
        self._once: dict[tuple[str, Hashable], object] = {}
        self._checked: dict[str, int] = {}
        self._checked_once: set[str] = set()  # `rarely` kinds checked in this process
        self._parts: dict[str, object] = {}
        self._sources: set[str] = set()  # the files results were made of, this build
        self._known: set[str] = set()  # the same, the build before
        self.distrusted: set[str] = set()  # kinds whose reused result differed
        self.failed = 0  # differences found in this build
        self.builds = 0
        self.hits = 0
        self.misses = 0

    def start(self) -> None:
        """A new build: per-build results are forgotten, and so are kept results the
        previous build did not use (a changed standard's old ones)."""
        if self.builds:
            self._kept = self._used
        self._used = {}
        self._once = {}
        self._checked = {}
        self._known, self._sources = self._sources, set()
        if not self.keep:
            self._parts = {}
        self.failed = 0
        self.builds += 1
        self.hits = self.misses = 0

    @property
    def rebuilding(self) -> bool:
        """Whether to keep what only a later build of the process reuses: from its
        second build on, or from its first where builds follow (`rebuilds`)."""
        return self.keep and (self.rebuilds or self.builds > 1)

    def release(self) -> None:
        """Forget every result, as a build the process will not follow with another
        (`mkdocs build`) may once its files are made: their memory goes to the pages."""
        self._kept = {}
        self._used = {}
        self._once = {}

    def part(self, kind: str, make: Callable[[], T]) -> T:
        """The engine's bookkeeping of this kind, `make()` on first use, the same object
        in every later build (a state that keeps nothing makes it again each build)."""
        if kind not in self._parts:
            self._parts[kind] = make()
        return self._parts[kind]  # type: ignore[return-value]  # stored by make() above

    def once(self, kind: str, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, worked out once per build for this kind and key."""
        if not self.keep:
            return make()
        entry = (kind, key)
        if entry not in self._once:
            self._once[entry] = make()
        return self._once[entry]  # type: ignore[return-value]  # stored by make() above

    def kept(
        self,
        kind: str,
        key: Hashable | None,
        make: Callable[[], T],
        of: str | None = None,
        rarely: bool = False,
    ) -> T:
        """`make()`, reused from an earlier build when this kind and key were made.

        `key` must cover everything `make` reads; None means it cannot be keyed (a
        standard without a digest), and the work is done each time. `of` is the digest
        of the standard the result is made of, if any. `rarely`: a kind with one result
        per build (made of the whole handbook), which checking in every build would make
        again in every build, is checked at its first reuse in the process only."""
        if key is None or not self.keep or kind in self.distrusted:
            return make()
        if of:
            self._sources.add(of)
        changed = bool(of) and self.builds > 1 and of not in self._known
        kept = self._kept.get(kind)
        if kept is None:
            kept = self._kept[kind] = {}
        used = self._used.get(kind)
        if used is None:
            used = self._used[kind] = {}
        found = kept.get(key, _MISSING)
        if found is _MISSING:
            self.misses += 1
            made = make()
            kept[key] = used[key] = made
            return made
        self.hits += 1
        used[key] = found
        if rarely:
            check = kind not in self._checked_once
            self._checked_once.add(kind)
        else:
            check = changed or self._checked.get(kind, 0) < self.checks
        if check:
            if not changed and not rarely:
                self._checked[kind] = self._checked.get(kind, 0) + 1
            fresh = make()
            if fresh != found:
                self.differed(kind)
                return fresh
        return found  # type: ignore[return-value]  # stored by make() for this entry

    def differed(self, kind: str) -> None:
        """A reused result of this kind differed from the one made again: none is kept
        any more (a kind checked elsewhere, as the search's pairs, says so here too)."""
        self.distrusted.add(kind)
        self.failed += 1
        self._kept.pop(kind, None)
        self._used.pop(kind, None)

    def checked(self, make: Callable[[], T]) -> T:
        """`make()`, made again when a kept result it reused differed from a fresh one
        (that kind is no longer kept): a build never publishes a stale result."""
        failed = self.failed
        made = make()
        return make() if self.failed != failed else made


_MISSING = object()


# Used where no engine keeps a state (the CLI, tests): every result made each time.
def cold() -> BuildState:
    return BuildState(keep=False)
