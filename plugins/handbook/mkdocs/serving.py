"""What `mkdocs serve` does between the first build and the rebuilds after each edit:
the heap settled once, the cycle collector run between rebuilds rather than during
them, and a watcher that starts a rebuild as soon as a file changes.

The heap: after the first build the process holds half a million objects that live as
long as it does (the loaded standards, the build state's kept results, compiled
templates, MkDocs and its theme). Python's cyclic garbage collector walks every one of
them each time it collects its oldest generation, which a rebuild's new objects trigger
every other rebuild or so: 0.2-0.5 s of a rebuild's time, at 1,000 standards, went to
walking objects that were not garbage. `settle_heap` collects once, then moves what is
left out of the collector's sight (`gc.freeze`): later collections walk only the
objects made since. Memory is still freed as usual when nothing refers to an object;
what the collector no longer sees is only a reference cycle among the frozen objects
becoming garbage later (an edited standard's old results, if they held cycles), a
small and bounded leak for a development server.
"""

from __future__ import annotations

import gc
import os
import threading
from typing import TYPE_CHECKING

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import ObservedWatch
from watchdog.observers.polling import PollingObserver

try:
    from watchdog.observers.inotify import InotifyObserver
except ImportError:  # not Linux: MkDocs' polling alone
    InotifyObserver = None  # type: ignore[assignment,misc]

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer


def settle_heap() -> None:
    """Collect the first build's garbage, then keep what is left out of later collections."""
    gc.collect()
    gc.freeze()


class IdleCollector:
    """The cycle collector paused while a rebuild runs, and run once it is served.

    Even with the heap frozen, a rebuild's own objects made the collector run forty
    times or more while it was built, 0.1-0.25 s at 1,000 standards. It is paused
    from the start of each rebuild (`building`) and, half a second after the rebuild
    is served (`built`, once browsers have fetched the reloaded page), collects all at
    once and runs as usual until the next rebuild. A rebuild that starts first cancels
    that collection; the garbage of rebuilds in quick succession waits for the next
    pause. A save during the collection waits for it (at 1,000 standards 0.2 s of CPU,
    what the rebuild itself no longer spends on it); a second after the rebuild, the
    first delay tried, it met the benchmark's next save 1.5 s after the reload.
    """

    def __init__(self, delay: float = 0.5) -> None:
        self.delay = delay
        self._lock = threading.Lock()
        self._ticket = 0
        self._timer: threading.Timer | None = None

    def building(self) -> None:
        with self._lock:
            self._ticket += 1
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            gc.disable()

    def built(self) -> None:
        with self._lock:
            self._timer = threading.Timer(self.delay, self._collect, (self._ticket,))
            self._timer.daemon = True
            self._timer.start()

    def _collect(self, ticket: int) -> None:
        with self._lock:
            if ticket == self._ticket:  # no rebuild began since
                gc.collect()
                gc.enable()

    def stop(self) -> None:
        with self._lock:
            self._ticket += 1
            if self._timer is not None:
                self._timer.cancel()
            gc.enable()


def collect_when_idle(server: LiveReloadServer, collector: IdleCollector) -> None:
    """Each rebuild of `server` runs with the collector paused (`IdleCollector`)."""
    build = server.builder

    def builder() -> None:
        collector.building()
        try:
            build()
        finally:
            collector.built()

    server.builder = builder


# The events of a change to a file's content or place (not its being opened or read,
# which the build itself does to every standard: those would rebuild it forever).
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


def _seen(path: str | bytes) -> tuple[int, int] | None:
    """A file as it is now: modified time and size, None if there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


class Notified(PollingObserver):
    """MkDocs' polling observer, told of changes at once by the system where it can.

    MkDocs polls the watched folders every half second, which works on every file system
    (network shares and container mounts deliver no notifications, mkdocs#2477); a
    change waited a quarter of a second on average before the rebuild began. This
    observer polls the same way and also watches the same paths with inotify (Linux):
    a change it is told of starts the rebuild at once, and the poll that finds the same
    change later is dropped, as long as the file is still as it was when told (its
    modified time and size). A change the system did not report (a mount without
    notifications) is found by the poll as before.
    """

    def __init__(self, timeout: float) -> None:
        if InotifyObserver is None:
            raise OSError("no inotify here")
        super().__init__(timeout=timeout)
        self.native = InotifyObserver()  # OSError where inotify is missing or used up
        self.told: dict[str, tuple[int, int] | None] = {}
        self._told_lock = threading.Lock()
        self._native_watches: dict[ObservedWatch, ObservedWatch] = {}

    def schedule(  # type: ignore[override]  # MkDocs passes these arguments only
        self, event_handler: FileSystemEventHandler, path: str, *, recursive: bool = False
    ) -> ObservedWatch:
        watch = super().schedule(_Polled(event_handler, self), path, recursive=recursive)
        try:
            self._native_watches[watch] = self.native.schedule(
                _Told(event_handler, self), path, recursive=recursive, event_filter=CHANGES
            )
        except OSError:  # too many watches, or a path inotify cannot watch: polled only
            pass
        return watch

    def unschedule(self, watch: ObservedWatch) -> None:
        super().unschedule(watch)
        native = self._native_watches.pop(watch, None)
        if native is not None:
            self.native.unschedule(native)

    def start(self) -> None:
        self.native.start()
        super().start()

    def stop(self) -> None:
        super().stop()
        self.native.stop()

    def join(self, timeout: float | None = None) -> None:
        super().join(timeout)
        self.native.join(timeout)

    def tell(self, event: FileSystemEvent) -> None:
        with self._told_lock:
            for path in _paths(event):
                self.told[path] = _seen(path)

    def is_told(self, event: FileSystemEvent) -> bool:
        """Whether the system told of this polled change already: each path it names
        was reported, and is as it was then."""
        with self._told_lock:
            return all(
                path in self.told and self.told[path] == _seen(path) for path in _paths(event)
            )


def _paths(event: FileSystemEvent) -> list[str]:
    paths = [event.src_path, getattr(event, "dest_path", "")]
    return [os.fsdecode(p) for p in paths if p]


class _Told(FileSystemEventHandler):
    def __init__(self, handler: FileSystemEventHandler, observer: Notified) -> None:
        self.handler, self.observer = handler, observer

    def dispatch(self, event: FileSystemEvent) -> None:
        self.observer.tell(event)
        self.handler.dispatch(event)


class _Polled(FileSystemEventHandler):
    def __init__(self, handler: FileSystemEventHandler, observer: Notified) -> None:
        self.handler, self.observer = handler, observer

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.is_directory or not self.observer.is_told(event):
            self.handler.dispatch(event)


# How long MkDocs waits, once told of a change, for changes to stop before it rebuilds:
# 0.1 s of its own, for changes found by polling. inotify tells of each change as it is
# made, and the events of one save (an editor's write and close, or its rename) come
# within a millisecond or two: 20 ms is ten times that, and 80 ms less of every edit's
# wait. A change spread wider (a checkout of many files) may start a rebuild before its
# last file is written; that file's own event starts another when the first is done.
QUIET = 0.02


def quicken(server: LiveReloadServer) -> bool:
    """Give `serve`'s server the observer above, watching what it watched, and the shorter
    wait for changes to stop (`QUIET`); False (and the server as it was) where the system
    has no inotify or the server is not as MkDocs 1.6 makes it (what it watches, and how
    often, are its own attributes: read, not changed)."""
    old = server.observer
    counts = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    delay = getattr(server, "build_delay", None)
    if type(old) is not PollingObserver or old.is_alive():
        return False
    if not isinstance(counts, dict) or not isinstance(refs, dict) or set(counts) != set(refs):
        return False
    if not isinstance(delay, int | float):
        return False
    try:
        new = Notified(timeout=old.timeout)
    except OSError:
        return False
    again = [(path, refs[path].is_recursive, count) for path, count in counts.items()]
    for path, _, count in again:
        for _ in range(count):
            server.unwatch(path)
    server.observer = new
    for path, recursive, count in again:
        for _ in range(count):
            server.watch(path, recursive=recursive)
    server.build_delay = min(delay, QUIET)
    return True
