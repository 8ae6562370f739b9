"""Work done in a copy of the build's process while the build goes on, on the other core.

A feature whose work reads only the loaded handbook (the linter's findings) can have it
made by a forked copy of the process: the copy has the handbook already loaded, makes
the result and hands it back pickled through a pipe, while the build makes its pages.
The result is the same as making it in the build's own process, which is what happens
wherever forking is not safe: on a system without `fork` or `/proc`, and in a process
that runs other threads (`mkdocs serve`'s server and watcher, Typst's own once it has
laid out a card in the process), which a fork would copy mid-step.
There the work is made when its result is first asked for, as it would be without this.

A copy that fails (an exception, or a process that ends without answering) stops the
build with its message where the result is asked for.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from functools import partial
from typing import Generic, TypeVar

from .feature import Feature, FeatureFailed
from .handbook import Handbook
from .render.output import OutputFile
from .render.urls import Urls

T = TypeVar("T")


def can_fork() -> bool:
    """Whether the process runs one thread, counted by the system: threads a library
    starts outside Python (Typst's, once it has laid something out) count too."""
    try:
        return hasattr(os, "fork") and len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: the threads cannot be counted
        return False


class Beside(Generic[T]):
    """`make()`, made in a forked process if that is safe, else when asked for."""

    def __init__(self, make: Callable[[], T], what: str) -> None:
        self._make = make
        self._what = what  # what is made, for a failure's message
        self._pid = 0
        self._read = -1
        self._done = False
        self._value: T | None = None
        if can_fork():
            self._fork()

    def _fork(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the copy: make, answer, end without running the build's exit code
            status = 0
            try:
                os.close(read)
                try:
                    answer = pickle.dumps((True, self._make()), pickle.HIGHEST_PROTOCOL)
                except FeatureFailed as e:  # its message is for the build as it is
                    answer = pickle.dumps((False, str(e)))
                except Exception as e:  # noqa: BLE001 - told to the build, which stops with it
                    answer = pickle.dumps((False, f"{self._what} failed: {type(e).__name__}: {e}"))
                with os.fdopen(write, "wb") as out:
                    out.write(answer)
            except BaseException:  # noqa: BLE001 - the build sees an exit with no answer
                status = 1
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    @property
    def forked(self) -> bool:
        return self._pid != 0

    def result(self) -> T:
        """The result: waits for the copy, or makes it now if there is none."""
        if not self._done:
            self._value = self._joined() if self.forked else self._make()
            self._done = True
        return self._value  # type: ignore[return-value]  # made above

    def _joined(self) -> T:
        with os.fdopen(self._read, "rb") as answers:
            data = answers.read()
        _, status = os.waitpid(self._pid, 0)
        try:
            ok, value = pickle.loads(data)
        except Exception:  # noqa: BLE001 - no answer, or half of one
            code = os.waitstatus_to_exitcode(status)
            raise FeatureFailed(
                f"{self._what}: the process making it ended without an answer (exit {code})"
            ) from None
        if not ok:
            raise FeatureFailed(value)
        return value  # type: ignore[no-any-return]  # pickled from make()'s T


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
