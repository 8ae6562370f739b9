"""`serve`'s watcher (mkdocs/serving.py): told of a change at once, polled as MkDocs polls."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileModifiedEvent, FileSystemEvent, FileSystemEventHandler

from handbook.mkdocs import serving
from handbook.mkdocs.serving import QUIET, IdleCollector, Notified, collect_when_idle, quicken

inotify = pytest.mark.skipif(serving.InotifyObserver is None, reason="no inotify")


class Heard(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []
        self.any = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.events.append(event)
            self.any.set()


@contextmanager
def heard_by(
    path: Path, timeout: float, recursive: bool = True
) -> Iterator[tuple[Heard, Notified]]:
    """What a `Notified` observer (polling every `timeout` seconds) reports under `path`."""
    heard = Heard()
    observer = Notified(timeout=timeout)
    observer.schedule(heard, str(path), recursive=recursive)
    observer.start()
    try:
        yield heard, observer
    finally:
        observer.stop()
        observer.join()


@inotify
def test_a_change_starts_at_once_not_at_the_next_poll(tmp_path):
    with heard_by(tmp_path, timeout=60) as (heard, _):  # no poll within the test
        time.sleep(0.2)
        start = time.perf_counter()
        (tmp_path / "a.yml").write_text("id: A\n", "utf-8")
        assert heard.any.wait(10)
        assert time.perf_counter() - start < 5
        assert {e.event_type for e in heard.events} <= {"created", "modified", "closed"}


@inotify
def test_reading_a_file_is_no_change(tmp_path):
    standard = tmp_path / "a.yml"
    standard.write_text("id: A\n", "utf-8")
    with heard_by(tmp_path, timeout=60) as (heard, _):
        time.sleep(0.2)
        assert standard.read_text("utf-8") == "id: A\n"  # as the build reads each standard
        assert not heard.any.wait(1)


@inotify
def test_the_poll_drops_only_changes_it_was_told_of_as_they_are(tmp_path):
    observer = Notified(timeout=60)
    standard = tmp_path / "a.yml"
    standard.write_text("id: A\n", "utf-8")
    polled = FileModifiedEvent(str(standard))
    assert not observer.is_told(polled)  # never told: the poll reports it
    observer.tell(FileModifiedEvent(str(standard)))
    assert observer.is_told(polled)  # told, unchanged since: dropped
    standard.write_text("id: A\ntitle: Changed since\n", "utf-8")
    assert not observer.is_told(polled)  # changed after it was told: reported
    observer.tell(FileModifiedEvent(str(standard)))
    standard.unlink()
    assert not observer.is_told(polled)
    observer.tell(FileModifiedEvent(str(standard)))
    assert observer.is_told(polled)  # told of its deletion


@inotify
def test_the_poll_repeats_no_change_it_was_told_of(tmp_path):
    # The test polls, once inotify has told of the change.
    with heard_by(tmp_path, timeout=60) as (heard, observer):
        time.sleep(0.3)
        (tmp_path / "a.yml").write_text("id: A\n", "utf-8")
        assert heard.any.wait(10)
        time.sleep(0.3)
        for emitter in observer.emitters:  # MkDocs' poll, as its thread would run it
            emitter.queue_events(0)
        time.sleep(0.3)
        # inotify's own: created, modified, closed; the poll would add another "created"
        assert sorted(e.event_type for e in heard.events) == ["closed", "created", "modified"]


@inotify
def test_the_server_watches_what_it_watched_with_the_quicker_observer(tmp_path):
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    config.write_text("site_name: x\n", "utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(docs))
        server.watch(str(config))
        server.watch(str(docs))  # twice: counted
        assert server.build_delay == 0.1  # MkDocs' own, for changes found by polling
        assert quicken(server)
        assert isinstance(server.observer, Notified)
        assert server.build_delay == QUIET < 0.1
        assert server._watched_paths == {str(docs): 2, str(config): 1}
        watching = {str(docs), str(tmp_path)}  # a file is watched by its folder
        assert {e.watch.path for e in server.observer.emitters} == watching
        assert {w.path for w in server.observer._native_watches.values()} == watching
        server.unwatch(str(docs))
        assert {e.watch.path for e in server.observer.emitters} == watching
        server.unwatch(str(docs))
        assert {e.watch.path for e in server.observer.emitters} == {str(tmp_path)}
        assert not quicken(server)  # once only
    finally:
        server.server_close()


@inotify
def test_a_watched_file_is_told_of_alone(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", "utf-8")
    with heard_by(config, timeout=0.1, recursive=False) as (heard, _):
        time.sleep(0.3)
        (tmp_path / ".serve.log").write_text("a log beside the configuration\n", "utf-8")
        assert not heard.any.wait(1)
        config.write_text("site_name: y\n", "utf-8")
        assert heard.any.wait(10)


class _Timers:
    """threading.Timer for the collector's tests: made and fired when the test says, so
    what they check does not depend on how busy the machine is."""

    def __init__(self) -> None:
        self.made: list[_Timers.Timer] = []

    def __call__(self, delay: float, function, args=()) -> _Timers.Timer:
        timer = _Timers.Timer(delay, function, args)
        self.made.append(timer)
        return timer

    class Timer:
        def __init__(self, delay: float, function, args) -> None:
            self.delay, self.function, self.args = delay, function, args
            self.daemon = False
            self.started = self.cancelled = False

        def start(self) -> None:
            self.started = True

        def cancel(self) -> None:
            self.cancelled = True

        def fire(self) -> None:  # as the timer's thread would, cancelled or not (a race)
            self.function(*self.args)


@pytest.fixture
def timers(monkeypatch) -> Iterator[_Timers]:
    made = _Timers()
    monkeypatch.setattr(serving.threading, "Timer", made)
    try:
        yield made
    finally:
        gc.enable()


def test_the_collector_is_paused_while_a_rebuild_runs_and_runs_once_it_is_served(timers):
    collector = IdleCollector(delay=0.5)
    enabled: list[bool] = []
    server = SimpleNamespace(builder=lambda: enabled.append(gc.isenabled()))
    collect_when_idle(server, collector)  # type: ignore[arg-type]  # what it reads of one
    try:
        server.builder()
        assert enabled == [False]  # paused during the rebuild
        assert not gc.isenabled()  # and until the page is served
        first = timers.made[-1]
        assert first.started and first.delay == 0.5
        server.builder()  # a rebuild before the collection: still paused
        assert enabled == [False, False]
        assert first.cancelled
        first.fire()  # had it fired all the same, it is the earlier rebuild's
        assert not gc.isenabled()  # the first collection was cancelled
        timers.made[-1].fire()
        assert gc.isenabled()  # collected, and running as usual
    finally:
        collector.stop()


def test_a_failed_rebuild_still_gives_the_collector_back(timers):
    collector = IdleCollector(delay=0.1)

    def failing() -> None:
        raise RuntimeError("a build error")

    server = SimpleNamespace(builder=failing)
    collect_when_idle(server, collector)  # type: ignore[arg-type]
    try:
        with pytest.raises(RuntimeError):
            server.builder()
        assert not gc.isenabled()
        timers.made[-1].fire()
        assert gc.isenabled()
    finally:
        collector.stop()
