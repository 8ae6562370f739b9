"""Work done in a copy of the build's process while the build goes on, on the other core.

A feature whose work reads only the loaded handbook (the linter's findings) can have it
made by a forked copy of the process: the copy has the handbook already loaded, makes
the result and hands it back pickled through a pipe, while the build makes its pages.
The result is the same as making it in the build's own process, which is what happens
wherever forking is not safe: on a system without `fork` or `/proc`, and in a process
that runs other threads (`mkdocs serve`'s server and watcher, Typst's own once it has
laid out a card in the process), which a fork would copy mid-step.
There the work is made when its result is first asked for, as it would be without this.
Only a build that no other follows in the process forks (`forking`): what the copy
works out is not kept for a next one, as `serve`'s build state keeps it.

A copy that fails (an exception, or a process that ends without answering) stops the
build with its message where the result is asked for.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any, BinaryIO, Generic, TypeVar

from .feature import Feature, FeatureFailed
from .handbook import Handbook
from .render.output import OutputFile
from .render.urls import Urls

T = TypeVar("T")


# Whether work may be made in a copy (`forking`): only where no later build reuses what
# it made, which stays in the copy (a `mkdocs build`, not `serve`).
_allowed = False


@contextmanager
def forking(allowed: bool = True) -> Iterator[None]:
    """Work begun inside may be made in copies of the process (if `allowed`)."""
    global _allowed
    before, _allowed = _allowed, allowed
    try:
        yield
    finally:
        _allowed = before


def can_fork() -> bool:
    """Whether forking is allowed (`forking`) and the process runs one thread, counted by
    the system: threads a library starts outside Python (Typst's, once it has laid
    something out) count too."""
    try:
        return _allowed and hasattr(os, "fork") and len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: the threads cannot be counted
        return False


class Beside(Generic[T]):
    """`make()`, made in a forked process if that is safe, else when asked for."""

    def __init__(self, make: Callable[[], T], what: str) -> None:
        self._parts = Parts(lambda: iter([make()]), what)

    @property
    def forked(self) -> bool:
        return self._parts.forked

    def result(self) -> T:
        """The result: waits for the copy, or makes it now if there is none."""
        return self._parts.part(0)  # type: ignore[no-any-return]  # make()'s T


# The priority (os.nice) of a copy whose work the build needs only at its end (the
# quick cards): the build waits for the other copies before its pages, and with eight
# processes sharing two cores they were slowed as much as Typst.
LAST = 10


class Parts:
    """The values `make()` yields, each handed over as soon as the copy has made it (the
    cards' pages before their PDFs), made in a forked process if that is safe, else as
    they are asked for, in this process."""

    def __init__(
        self, make: Callable[[], Iterator[Any]], what: str, count: int = 1, nice: int = 0
    ) -> None:
        self._make = make
        self._nice = nice  # the copy's lower priority (os.nice), and its children's
        self._count = count  # the values it makes: the copy is waited for after the last
        self._what = what  # what is made, for a failure's message
        self._pid = 0
        self._answers: BinaryIO | None = None
        self._made: list[Any] = []
        self._rest: Iterator[Any] | None = None
        self._failure: FeatureFailed | None = None  # the copy's, told to each asking
        if can_fork():
            self._fork()

    def _fork(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the copy: make, answer, end without running the build's exit code
            status = 0
            try:
                os.close(read)
                if self._nice:
                    os.nice(self._nice)
                with os.fdopen(write, "wb") as out:
                    try:
                        for value in self._make():
                            _send(out, (True, value))
                    except FeatureFailed as e:  # its message is for the build as it is
                        _send(out, (False, str(e)))
                    except Exception as e:  # noqa: BLE001 - told to the build, which stops with it
                        _send(out, (False, f"{self._what} failed: {type(e).__name__}: {e}"))
            except BaseException:  # noqa: BLE001 - the build sees an exit with no answer
                status = 1
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._answers = pid, os.fdopen(read, "rb")

    @property
    def forked(self) -> bool:
        return self._pid != 0

    @property
    def nice(self) -> int:
        """How much lower the copy's priority is than the build's (os.nice)."""
        return self._nice

    def part(self, index: int) -> Any:
        """The `index`th value made: waits for the copy, or makes it now if there is none.
        A copy's failure is raised again to whatever asks after it."""
        if self._failure is not None:
            raise self._failure
        try:
            while len(self._made) <= index:
                self._made.append(self._received() if self.forked else self._next())
        except FeatureFailed as e:
            if self.forked:
                self._failure = e
            raise
        return self._made[index]

    def _next(self) -> Any:
        if self._rest is None:
            self._rest = self._make()
        return next(self._rest)

    def _received(self) -> Any:
        assert self._answers is not None
        try:
            size = int.from_bytes(self._answers.read(8), "big")
            ok, value = pickle.loads(self._answers.read(size))
        except Exception:  # noqa: BLE001 - no answer, or half of one
            self._answers.close()
            _, status = os.waitpid(self._pid, 0)
            self._pid = -self._pid
            code = os.waitstatus_to_exitcode(status)
            raise FeatureFailed(
                f"{self._what}: the process making it ended without an answer (exit {code})"
            ) from None
        if not ok:
            raise FeatureFailed(value)
        if len(self._made) + 1 == self._count:
            self._end()  # its time is counted as the build's
        return value

    def _end(self) -> None:
        assert self._answers is not None
        self._answers.close()
        os.waitpid(self._pid, 0)
        self._pid = -self._pid  # waited for; still forked

    def __del__(self) -> None:
        """A copy whose answers were not all read is waited for when they never will be."""
        if self._pid > 0 and self._answers is not None:
            self._answers.close()
            try:
                os.waitpid(self._pid, 0)
            except ChildProcessError:
                pass


def _send(out: BinaryIO, answer: tuple[bool, Any]) -> None:
    data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(8, "big") + data)
    out.flush()


class FilesBeside(Feature):
    """A feature whose files are made beside the build: `start` forks the copy that makes
    them (`make_files`), `files` hands them over. Kept results of the build state made in
    the copy stay there (a forked build is a cold `mkdocs build`, which keeps none)."""

    late = True  # asked for its files after the other features, to give the copy time
    what = "the feature's files"  # for a failure's message

    def __init__(self) -> None:
        self.making: tuple[Handbook, Urls, Beside[list[OutputFile]]] | None = None

    def start(self, handbook: Handbook, urls: Urls) -> None:
        make = partial(self.state.checked, partial(self.make_files, handbook, urls))
        self.making = (handbook, urls, Beside(make, self.what))

    def files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        making = self.making
        if making is not None and making[0] is handbook and making[1] is urls:
            self.making = None  # handed over once: a `serve` rebuild starts again
            return making[2].result()
        return self.make_files(handbook, urls)

    def make_files(self, handbook: Handbook, urls: Urls) -> list[OutputFile]:
        """The files to add to the site (what `files` is for other features)."""
        return []
