"""Digests of cards' data, worked out again only for data that is new (`serve`).

Each build the cards' typesetting (a thread beside `serve`'s build) digests every card's
data for the fit check's key (`Rendering.key`) and each PDF's whole document for its
name in the cache (`made_pdfs`): JSON of all 950 cards twice over and their digests at
1,000 standards, 0.1 s of a rebuild's time held from the build by the interpreter's
lock. The data of a card whose content did not change is the same object from build to
build (`prepare` keeps it in the build state), and nothing changes it once made, so a
digest of the same objects is the same: `ByData` keeps each digest by the identity of
the data it was made of, holding those objects so that no other object takes their
identity while the digest is kept. What one use (a build) did not ask for is dropped at
the next (`turn`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from typing import Any


class ByData:
    """`make()` of these data objects (and plain values `also`), kept by their identity."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._kept: dict[tuple[object, ...], tuple[tuple[Any, ...], str]] = {}
        self._used: dict[tuple[object, ...], tuple[tuple[Any, ...], str]] = {}

    def get(self, data: Sequence[Any], also: Hashable, make: Callable[[], str]) -> str:
        held = tuple(data)
        key = (tuple(map(id, held)), also)
        with self._lock:
            found = self._kept.get(key) or self._used.get(key)
        if found is not None and all(a is b for a, b in zip(found[0], held, strict=True)):
            value = found[1]
        else:
            value = make()
        with self._lock:
            self._used[key] = (held, value)
        return value

    def turn(self) -> None:
        """One use done: what it did not ask for is forgotten at the next."""
        with self._lock:
            self._kept, self._used = self._used, {}
