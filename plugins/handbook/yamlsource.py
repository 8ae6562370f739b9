"""Safe YAML reading that remembers where every value came from.

Standards are read with PyYAML's safe loader, node by node, so each value keeps its
line and column: errors and lint problems point at the words in the file, not at the
start of the document. Anchors and aliases are refused outright, which also makes alias
bombs ("billion laughs") impossible; duplicate keys are refused instead of silently
keeping the last one.

Whatever the text, the outcome is a value or a located YamlProblem, never another
exception: dates that do not exist, numbers too large to be a measure, control
characters (raw or escaped), lone surrogates and nesting deeper than any standard needs
are problems at the place they are written.

Over 300 lines: the node-by-node reading and every problem it can meet belong in one place.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from array import array
from typing import Any, NamedTuple, cast

import yaml

from . import yamlhints

Path = tuple[str | int, ...]
MAX_BYTES = 1_000_000
# A standard nests five levels at most (card.wordings[1].say); far deeper is an attack on
# the parsers, which recurse (libyaml's composer crashes the process at 100,000 levels).
MAX_DEPTH = 20
# Past this many flow brackets a file is read by the Python loader, which stops at
# MAX_DEPTH before going deep; libyaml builds the whole tree first.
_FAST_BRACKETS = 64
# Numbers are measures (minutes, percentages) and step numbers: 15 digits is already far
# more than any needs, and the most that JSON readers keep exactly.
MAX_NUMBER = 10**15
# Characters no text of a standard may hold, even written as an escape ("\x07", "\ud800"):
# control characters (other than tab and line breaks), lone surrogates, non-characters.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


class Span(NamedTuple):
    """Where a value sits in its file: 1-based start line and column, and its raw text.

    A tuple rather than a dataclass: a standard has a hundred or so, made on every load.
    """

    line: int
    column: int
    start: int
    end: int


class YamlProblem(Exception):
    def __init__(self, message: str, line: int, column: int, rule: str = "yaml-syntax"):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.rule = rule


class SourceMap:
    """Maps a value's path in the document (e.g. ``("rules", 2)``) to where it is written.

    The map is made when first asked for (only a file with a problem needs it), from the
    marks the first reading kept: four numbers per value and key (start, end, line and
    column) in document order, which walking the value (its mappings and lists keep that
    order) turns back into paths. The marks take 2.6 KB a standard, the map they make 34 KB;
    making it takes a third of the time that reading the text again did.
    """

    def __init__(self, text: str, marks: array[int] | None = None, value: Any = None):
        self.text = text
        self._values: dict[Path, Span] | None = None
        self._keys: dict[Path, Span] = {}
        self._marks = marks or array("I")
        self._value = value

    @property
    def values(self) -> dict[Path, Span]:
        return self._mapped()[0]

    @property
    def keys(self) -> dict[Path, Span]:
        return self._mapped()[1]

    def _mapped(self) -> tuple[dict[Path, Span], dict[Path, Span]]:
        """Values' and keys' spans, made the first time they are needed."""
        if self._values is None:
            unpacked = _unpack(self._value, self._marks)
            if unpacked is None:  # the value has been changed since: read the text again
                value, again = parse(self.text)
                unpacked = _unpack(value, again._marks)
                assert unpacked is not None
            # The marks stay, so a thread that asks meanwhile makes the same map; the keys
            # are set first, as a set `_values` says that both are there.
            self._keys = unpacked[1]
            self._values = unpacked[0]
        return self._values, self._keys

    def span(self, path: Path) -> Span:
        """The span of the value at `path`, or of its nearest ancestor that exists."""
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, Span(1, 1, 0, 0))

    def key_span(self, path: Path) -> Span:
        """The span of the mapping key that holds the value at `path`."""
        return self.keys.get(path) or self.span(path)

    def locate(self, path: Path, needle: str | None = None, occurrence: int = 0) -> tuple[int, int]:
        """Line and column of `needle` inside the value at `path` as written in the file.

        The search runs over the raw source of the value, so it works for quoted, plain
        and block scalars alike. Without a needle, or when the needle is not found as
        written (escaped quotes, folded lines), the start of the value is returned.
        """
        span = self.span(path)
        if needle:
            raw = self.text[span.start : span.end]
            pattern = r"\s+".join(re.escape(part) for part in needle.split())
            matches = list(re.finditer(pattern, raw, flags=re.IGNORECASE))
            if matches:
                index = span.start + matches[min(occurrence, len(matches) - 1)].start()
                return self.position(index)
        return span.line, span.column

    def position(self, index: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, index) + 1
        column = index - (self.text.rfind("\n", 0, index) + 1) + 1
        return line, column


class _Alias(Exception):
    """A node met twice: libyaml resolved an alias, which the Python loader reports."""


_FastLoader = getattr(yaml, "CSafeLoader", None)


class _NoAliasLoader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise YamlProblem(
                "anchors and aliases (&name, *name) are not allowed in standards: "
                "write the text out in full",
                mark.line + 1,
                mark.column + 1,
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _too_deep(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _too_deep(mark: yaml.Mark) -> YamlProblem:
    return YamlProblem(
        f"values are nested more than {MAX_DEPTH} levels deep here: a standard needs a few "
        "levels at most, check the brackets and indentation",
        mark.line + 1,
        mark.column + 1,
        rule="yaml-value",
    )


def parse(text: str) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain Python values and its source map.

    Dates are returned as ISO strings so the data validates as JSON would.
    Raises YamlProblem with a location when the text is not acceptable YAML.
    """
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as e:  # half a character (a lone surrogate), e.g. from git
        raise _unprintable(text, e.start, text[e.start]) from None
    if size > MAX_BYTES:
        raise YamlProblem(f"file is larger than {MAX_BYTES} bytes: split it up", 1, 1)
    # libyaml accepts tabs where PyYAML refuses them: such files take the strict path, as
    # do files with many flow brackets (see _FAST_BRACKETS).
    fast = "\t" not in text and text.count("[") + text.count("{") <= _FAST_BRACKETS
    if _FastLoader is not None and fast:
        # libyaml reads a file ten times faster than pure Python. Anything unusual (an
        # alias, a syntax error) is read again by the Python loader, whose messages and
        # locations are the ones editors see.
        loader = _FastLoader(text)
        try:
            root = loader.get_single_node()
            marks: list[int] = []
            value = None if root is None else _build(loader, root, marks, set())
            if text.startswith("\ufeff"):  # libyaml counts from after a byte-order mark
                marks = [n + 1 if i % 4 < 2 else n for i, n in enumerate(marks)]
            return value, SourceMap(text, array("I", marks), value)
        except (yaml.YAMLError, YamlProblem, _Alias):
            pass
        finally:
            loader.dispose()
    try:
        loader = _NoAliasLoader(text)
    except yaml.reader.ReaderError as e:
        raise _unprintable(text, e.position, e.character) from None
    try:
        try:
            root = loader.get_single_node()
            marks = []
            value = None if root is None else _build(loader, root, marks)
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = e.problem or str(e)
            if e.context:
                what = f"{e.context}, {what}"
            opened = yamlhints.opening_left_open(text, line)
            if opened is not None:
                raise YamlProblem(opened[2], opened[0], opened[1]) from None
            raise YamlProblem(
                f"this is not valid YAML ({what}): check indentation, colons and quotes",
                line,
                column,
            ) from None
        except yaml.reader.ReaderError as e:
            raise _unprintable(text, e.position, e.character) from None
        except yaml.YAMLError as e:
            raise YamlProblem(f"this is not valid YAML ({e})", 1, 1) from None
        return value, SourceMap(text, array("I", marks), value)
    finally:
        loader.dispose()


def _unprintable(text: str, index: int, character: int | str) -> YamlProblem:
    code = character if isinstance(character, int) else ord(character)
    line, column = SourceMap(text).position(index)
    return YamlProblem(
        f"the file holds U+{code:04X}, a control character or half a character that text "
        "cannot show (often pasted along with text from another program): delete it",
        line,
        column,
        rule="yaml-value",
    )


def _unpack(value: Any, marks: array[int]) -> tuple[dict[Path, Span], dict[Path, Span]] | None:
    """Values' and keys' spans from the marks `_build` kept, walking `value` in the same
    order; None when the value no longer has as many parts as there are marks."""
    fours = zip(*[iter(marks)] * 4, strict=True)
    spans = iter([Span(line + 1, column + 1, start, end) for start, end, line, column in fours])
    values: dict[Path, Span] = {}
    keys: dict[Path, Span] = {}

    def walk(item: Any, path: Path) -> None:
        values[path] = next(spans)
        if isinstance(item, dict):
            for key, inner in item.items():
                keys[at := (*path, key)] = next(spans)
                walk(inner, at)
        elif isinstance(item, list):
            for number, inner in enumerate(item):
                walk(inner, (*path, number))

    try:
        if marks:
            walk(value, ())
    except StopIteration:  # fewer marks than parts
        return None
    return (values, keys) if next(spans, None) is None else None


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_STR = "tag:yaml.org,2002:str"


def _build(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    marks: list[int],
    seen: set[int] | None = None,
    depth: int = 0,
) -> Any:
    """The node's value; every value's and key's marks are added to `marks` in document
    order (see SourceMap)."""
    if depth > MAX_DEPTH:
        raise _too_deep(node.start_mark)
    if seen is not None:
        if id(node) in seen:
            raise _Alias
        seen.add(id(node))
    start = node.start_mark
    marks += (start.index, node.end_mark.index, start.line, start.column)
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        raise YamlProblem(
            f"the tag {node.tag} is not allowed in standards: remove it",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if seen is not None and id(key_node) in seen:
                raise _Alias
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    "a key must be a word (a list or mapping cannot be a key): fix the key",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    rule="yaml-value",
                )
            key = str(_scalar(loader, key_node))
            if key in result:
                raise YamlProblem(
                    f"key '{key}' appears twice in this mapping: keep one and delete the other",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    rule="duplicate-key",
                )
            start = key_node.start_mark
            marks += (start.index, key_node.end_mark.index, start.line, start.column)
            result[key] = _build(loader, value_node, marks, seen, depth + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, marks, seen, depth + 1) for item in node.value]
    if node.tag == _STR and cast(yaml.ScalarNode, node).style != '"':
        return node.value  # most values: skipping construct_object makes loading 3x faster
    return _scalar(loader, node)


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """A scalar's value, or a YamlProblem where it is written when no value can be right."""
    if node.tag == _STR:
        # Only a double-quoted scalar can hold an escape, the one way past the reader's check.
        if (
            isinstance(node, yaml.ScalarNode)
            and node.style == '"'
            and _UNPRINTABLE.search(node.value)
        ):
            bad = _UNPRINTABLE.search(node.value)
            assert bad is not None
            raise _bad_value(
                node,
                f"this text holds U+{ord(bad.group()):04X} (written as an escape), a control "
                "code or half a character that no page can show: delete the escape",
            )
        return node.value
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError):
        if node.tag.endswith(":timestamp"):
            raise _bad_value(
                node, f"{node.value} is not a date in the calendar: write a real date as YYYY-MM-DD"
            ) from None
        raise _bad_value(
            node, f"{_short(node.value)} is too large a number: write a measure"
        ) from None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    if isinstance(value, float) and not math.isfinite(value):
        raise _bad_value(node, f"{node.value} is not a number: write a measure, e.g. 4 or 2.5")
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) >= MAX_NUMBER:
        raise _bad_value(
            node, f"{_short(node.value)} is too large a number: write at most 15 digits"
        )
    return value


def _short(text: str) -> str:
    return text if len(text) <= 20 else f"{text[:12]}… ({len(text)} characters)"


def _bad_value(node: yaml.Node, message: str) -> YamlProblem:
    mark = node.start_mark
    return YamlProblem(message, mark.line + 1, mark.column + 1, rule="yaml-value")
