"""Typst's worker processes (cards/compile.py): each compiles several documents in turn
and ends after its share, with the same results, in order, as compiling each document
in the build's own process; a document Typst refuses stops the build with its message."""

from __future__ import annotations

import io
import json
import signal

import pytest
from pypdf import PdfReader

from handbook.cards import compile, typeset
from handbook.cards.model import carded, make_cards
from handbook.cards.pdf import prepare
from handbook.cards.sizes import SIZES
from handbook.loader import load
from handbook.settings import Settings
from handbook.synth import write_project


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """Six documents of a few synthetic cards each, body only (as the fit check makes)."""
    project = tmp_path_factory.mktemp("synth") / "synth"
    write_project(project, 24, seed=5)
    handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    cards = make_cards(handbook, carded(handbook))
    rendering = prepare(cards, SIZES["a6"], handbook.settings.areas)
    chunks = [cards[i : i + 4] for i in range(0, 24, 4)]
    return [rendering.document(chunk, body_only=True) for chunk in chunks]


def test_workers_answer_each_document_in_order_as_the_build_process_would(documents, monkeypatch):
    args = (typeset.template_path(), typeset.font_dirs())
    alone = compile.run_all("query", *args, documents, cards=1)  # in this process
    # Any two documents are a worker's share, three never are: three or four workers (as
    # the two threads happen to share out the six), never two (no end) or six (no share).
    sizes = sorted(len(text.encode()) for text in documents)
    share = sizes[-1] + sizes[-2]
    assert sum(sizes[:3]) > share
    monkeypatch.setattr(compile, "WORKER_BYTES", share)
    started = []
    real = compile._Worker.__init__

    def count(self, worker_args):
        started.append(1)
        real(self, worker_args)

    monkeypatch.setattr(compile._Worker, "__init__", count)
    pooled = compile.run_all("query", *args, documents, cards=compile.IN_PROCESS)
    assert pooled == alone
    assert [e["id"] for ends in pooled for e in ends] == [
        c["id"] for text in documents for c in json.loads(text)["cards"]
    ]
    assert 3 <= len(started) <= 4


def test_pdfs_from_workers_have_a_page_for_each_card(documents):
    args = (typeset.template_path(), typeset.font_dirs())
    made = compile.run_all("pdf", *args, documents, cards=compile.IN_PROCESS)
    assert len(made) == len(documents)
    for data, text in zip(made, documents, strict=True):
        ends = compile.query(str(args[0]), [str(f) for f in args[1]], text)
        assert len(PdfReader(io.BytesIO(data)).pages) == ends[-1]["page"]


def test_a_document_typst_refuses_stops_the_run_with_its_message(documents):
    args = (typeset.template_path(), typeset.font_dirs())
    with pytest.raises(RuntimeError, match="Typst worker failed"):
        compile.run_all("query", *args, [documents[0], "{not json"], cards=compile.IN_PROCESS)


def test_a_worker_killed_says_how_it_ended(documents, monkeypatch):
    # A worker the system stops (out of memory, a signal) writes nothing: the message
    # said only "Typst worker failed: " with nothing after it.
    args = (typeset.template_path(), typeset.font_dirs())
    real = compile._Worker.__init__

    def killed(self, worker_args):
        real(self, worker_args)
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    monkeypatch.setattr(compile._Worker, "__init__", killed)
    with pytest.raises(RuntimeError, match=r"Typst worker failed: .*stopped by signal SIGKILL"):
        compile.run_all("query", *args, documents, cards=compile.IN_PROCESS)
