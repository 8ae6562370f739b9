"""Typst runs in worker processes, two at a time, each for a few documents.

Typst keeps every layout it made for the life of its process (half a megabyte a card),
which a 5,000-card handbook would keep in the build's memory. A worker process gives it
all back when it ends, and two of them use both cores. A worker is this module run as
`python -m handbook.cards.compile TEMPLATE FONT_DIR...`; it imports only Typst, so it
starts quickly. It reads requests on its standard input, each a line `TASK LENGTH`
followed by the document's JSON, and answers each with a line `ok LENGTH` (or `error
LENGTH`) followed by the result. A worker compiles documents until it has been given
its share (WORKER_BYTES), then ends and a new one starts, so its memory stays bounded;
starting one for every document cost more than the compiles of a small area's cards.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import IO, Any, Protocol

# Below this many cards in all, Typst runs in the build's own process: starting a worker
# costs more than it saves.
IN_PROCESS = 40
WORKERS = 2
# Input a worker takes at most (unless one document is larger): about 700 cards (a card
# is about 2.8 kB of JSON), some 350 MB of layouts kept by Typst, less than the build's
# own process at 1,000 standards.
WORKER_BYTES = 2_000_000


@cache
def fonts(folders: tuple[str, ...]) -> Any:
    """The fonts in these folders, found once in a process: finding them again for each
    document (300 files in Debian's font folders) took 20 ms of CPU a document."""
    import typst

    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=True,
        font_paths=[Path(f) for f in folders],
    )


def _compiler(template: str, font_folders: list[str], text: str) -> Any:
    import typst

    return typst.Compiler(
        Path(template),
        font_paths=fonts(tuple(font_folders)),
        ignore_system_fonts=True,
        sys_inputs={"cards": text},
    )


def query(template: str, fonts: list[str], text: str) -> list[Any]:
    """Where each card ends, in order: the list the last card holds (none without
    cards). A query lays the document out and writes no PDF."""
    found = json.loads(_compiler(template, fonts, text).query("<card-ends>", field="value"))
    assert isinstance(found, list) and len(found) <= 1
    return found[0] if found else []


def pdf(template: str, fonts: list[str], text: str) -> bytes:
    data = _compiler(template, fonts, text).compile(format="pdf")
    assert isinstance(data, bytes)  # one file: a PDF, not a page per image
    return data


def check(template: str, fonts: list[str], text: str) -> tuple[list[Any], bytes | None]:
    """The fit check of a document to print (footers and marks): where each card ends,
    and its PDF if every card is on a page of its own. Typst keeps the layout the query
    made, so printing it lays nothing out again (with any other document it would)."""
    compiler = _compiler(template, fonts, text)
    found = json.loads(compiler.query("<card-ends>", field="value"))
    ends = found[0] if found else []
    alone = ends and all(end["page"] == page for page, end in enumerate(ends, 1))
    data = compiler.compile(format="pdf") if alone else None
    assert data is None or isinstance(data, bytes)
    return ends, data


TASKS = {"query": query, "pdf": pdf, "check": check}


def _encode(task: str, result: Any) -> bytes:
    if task == "pdf":
        return bytes(result)
    if task == "check":
        ends, data = result
        return json.dumps(ends).encode() + b"\n" + (data or b"")
    return json.dumps(result).encode()


def _decode(task: str, answer: bytes) -> Any:
    if task == "pdf":
        return answer
    if task == "check":
        ends, _, data = answer.partition(b"\n")
        return json.loads(ends), data or None
    return json.loads(answer)


class Jobs(Protocol):
    """Documents handed out one at a time (`next`: a task and its text, None when there
    are no more), told each answer as it comes (`answered`, under the same lock), so
    that what comes next can depend on it."""

    def next(self) -> tuple[str, str] | None: ...

    def answered(self, task: str, text: str, result: Any) -> None: ...


def run_all(
    task: str, template: Path, fonts: Sequence[Path], texts: list[str], cards: int
) -> list[Any]:
    """`task` (query, pdf or check) of each text, in order: in worker processes for many
    cards, the longest documents first (a long one taken last, the PDF of all cards,
    would leave one worker busy with it while the other has nothing left to do)."""
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    results: list[Any] = [None] * len(texts)

    class InOrder:
        def __init__(self) -> None:
            self.taken = 0

        def next(self) -> tuple[str, str] | None:
            if self.taken == len(order):
                return None
            self.taken += 1
            return task, texts[order[self.taken - 1]]

        def answered(self, task: str, text: str, result: Any) -> None:
            pass

    jobs = InOrder()
    for index, result in zip(order, run_jobs(template, fonts, jobs, cards), strict=True):
        results[index] = result
    return results


def run_jobs(template: Path, fonts: Sequence[Path], jobs: Jobs, cards: int) -> list[Any]:
    """Each job's result, in the order `jobs` handed them out: in worker processes for
    `cards` many cards (two at a time), else in this process."""
    args = [str(template), *(str(f) for f in fonts)]
    results: list[Any] = []
    if cards < IN_PROCESS:
        while (job := jobs.next()) is not None:
            result = _decode(job[0], _encode(job[0], TASKS[job[0]](args[0], args[1:], job[1])))
            jobs.answered(*job, result)
            results.append(result)
        return results
    lock = threading.Lock()
    found: dict[int, Any] = {}
    failures: list[str] = []

    def take() -> tuple[int, str, str] | None:
        with lock:
            job = None if failures else jobs.next()
            if job is None:
                return None
            results.append(None)
            return len(results) - 1, *job

    def work() -> None:
        worker: _Worker | None = None
        try:
            while (job := take()) is not None:
                index, task, text = job
                encoded = text.encode()
                if worker is not None and worker.given + len(encoded) > WORKER_BYTES:
                    worker.close()
                    worker = None
                worker = worker or _Worker(args)
                result = _decode(task, worker.ask(task, encoded))
                with lock:
                    found[index] = result
                    jobs.answered(task, text, result)
        except RuntimeError as e:
            failures.append(str(e))
        finally:
            if worker is not None:
                try:
                    worker.close()
                except RuntimeError as e:
                    failures.append(str(e))

    threads = [threading.Thread(target=work) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(failures[0])
    return [found[index] for index in range(len(results))]


class _Worker:
    """One worker process, asked for one document at a time."""

    def __init__(self, args: list[str]):
        self.errors: IO[bytes] = tempfile.TemporaryFile()
        # Typst in one thread: the workers keep both cores busy between them, and Typst's
        # own threads only added CPU (5-10% more for the same layouts).
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            env={**os.environ, "RAYON_NUM_THREADS": "1"},
        )
        self.given = 0

    def ask(self, task: str, text: bytes) -> bytes:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.given += len(text)
        try:
            self.process.stdin.write(f"{task} {len(text)}\n".encode() + text)
            self.process.stdin.flush()
            status, size = self.process.stdout.readline().split()
            answer = self.process.stdout.read(int(size))
        except (OSError, ValueError):
            raise RuntimeError(f"Typst worker failed: {self._stderr()}") from None
        if status != b"ok" or len(answer) != int(size):
            raise RuntimeError(f"Typst worker failed: {answer.decode(errors='replace')}")
        return answer

    def close(self) -> None:
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
        if self.process.wait() != 0:
            self.errors.close()
            raise RuntimeError(f"Typst worker failed: {_ended(self.process.returncode)}")
        self.errors.close()

    def _stderr(self) -> str:
        """What the worker wrote before it failed, else how it ended."""
        try:  # its output ended: it has ended, or is about to
            ended: int | None = self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            ended = None
        self.process.kill()
        self.process.wait()
        self.errors.seek(0)
        told = self.errors.read().decode(errors="replace").strip()
        return told or (_ended(ended) if ended is not None else "it stopped answering")


def _ended(code: int) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return f"it was stopped by signal {name} (out of memory, or stopped by hand?)"
    return f"it ended with exit status {code}"


def main() -> None:
    template, *fonts = sys.argv[1:]
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    while header := requests.readline():
        task, size = header.decode().split()
        text = requests.read(int(size)).decode()
        try:
            answer, status = _encode(task, TASKS[task](template, fonts, text)), "ok"
        except Exception as e:  # noqa: BLE001 - told to the build, which stops with it
            answer, status = f"{type(e).__name__}: {e}".encode(), "error"
        answers.write(f"{status} {len(answer)}\n".encode() + answer)
        answers.flush()


if __name__ == "__main__":
    main()
