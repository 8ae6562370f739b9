"""The libyaml fast path reads standards exactly as the strict Python path does."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook import yamlsource

ROOT = Path(__file__).parents[2]
SAMPLES = sorted((ROOT / "standards").rglob("*.yml"))


def _read(text: str, fast: bool, monkeypatch: pytest.MonkeyPatch):
    if not fast:
        monkeypatch.setattr(yamlsource, "_FastLoader", None)
    try:
        value, source = yamlsource.parse(text)
        return value, source.values, source.keys
    except yamlsource.YamlProblem as e:
        return e.message, e.line, e.column
    finally:
        monkeypatch.undo()


def test_libyaml_is_used():
    assert yamlsource._FastLoader is not None


@pytest.mark.parametrize("path", SAMPLES[:6], ids=lambda p: p.name)
def test_same_values_and_locations_as_python_loader(path, monkeypatch):
    text = path.read_text("utf-8") + "note: “curly” quotes shift nothing\n"
    assert _read(text, True, monkeypatch) == _read(text, False, monkeypatch)


def test_same_locations_in_a_file_that_starts_with_a_byte_order_mark(monkeypatch):
    # libyaml counts from after the mark, the Python loader (and the text) from before it.
    text = "\ufeff" + SAMPLES[0].read_text("utf-8")
    assert _read(text, True, monkeypatch) == _read(text, False, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "? &k a\n: 1\n? *k\n: 2\n",
        "a: b: c\n",
        "a: 1\na: 2\n",
        "a:\t1\n",
        "a: !!python/name:os.system x\n",
    ],
)
def test_same_problems_as_python_loader(text, monkeypatch):
    fast = _read(text, True, monkeypatch)
    assert fast == _read(text, False, monkeypatch)
    assert isinstance(fast[0], str) and fast[1] >= 1
