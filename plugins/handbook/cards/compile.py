"""Typst runs in worker processes: each compile in a process of its own.

Typst keeps every layout it made for the life of its process (half a megabyte a card),
which a 5,000-card handbook would keep in the build's memory. A worker process gives it
all back when it ends, and two of them use both cores. A worker is this module run as
`python -m handbook.cards.compile TASK TEMPLATE FONT_DIR...`, the document's JSON on its
standard input, the result on its output; it imports only Typst, so it starts quickly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

# Below this many cards in all, Typst runs in the build's own process: starting a worker
# costs more than it saves.
IN_PROCESS = 40


def _compiler(template: str, fonts: list[str], text: str) -> Any:
    import typst

    return typst.Compiler(
        Path(template),
        font_paths=[Path(f) for f in fonts],
        ignore_system_fonts=True,
        sys_inputs={"cards": text},
    )


def query(template: str, fonts: list[str], text: str) -> list[Any]:
    """The cards' end markers, in order (a query lays the document out, writes no PDF)."""
    ends = json.loads(_compiler(template, fonts, text).query("<card-end>", field="value"))
    assert isinstance(ends, list)
    return ends


def pdf(template: str, fonts: list[str], text: str) -> bytes:
    data = _compiler(template, fonts, text).compile(format="pdf")
    assert isinstance(data, bytes)  # one file: a PDF, not a page per image
    return data


TASKS = {"query": query, "pdf": pdf}
WORKERS = 2


def run_all(
    task: str, template: Path, fonts: Sequence[Path], texts: list[str], cards: int
) -> list[Any]:
    """`task` (query or pdf) of each text, in order: in worker processes for many cards."""
    args = [str(template), *(str(f) for f in fonts)]
    if cards < IN_PROCESS:
        return [TASKS[task](args[0], args[1:], text) for text in texts]

    def work(text: str) -> Any:
        done = subprocess.run(
            [sys.executable, "-m", __name__, task, *args],
            input=text.encode(),
            capture_output=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"Typst worker failed: {done.stderr.decode(errors='replace')}")
        return json.loads(done.stdout) if task == "query" else done.stdout

    with ThreadPoolExecutor(WORKERS) as pool:
        return list(pool.map(work, texts))


def main() -> None:
    task, template, *fonts = sys.argv[1:]
    result = TASKS[task](template, fonts, sys.stdin.buffer.read().decode())
    if isinstance(result, bytes):
        sys.stdout.buffer.write(result)
    else:
        sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
