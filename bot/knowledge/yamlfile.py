"""YAML reading that remembers line numbers, so every validation error can point at a line.

Two readers build the same LineDict/LineList values: `parse_yaml` reads any YAML file whole;
`stream_story_file` reads the usual knowledge file (`story:`, then `entries:`, nothing fancy)
one entry at a time, straight from the parser's events, in a fraction of the time and memory.
Whatever the streaming reader is not sure to read exactly as `parse_yaml` would (anchors,
tags, merge keys, duplicate keys, syntax errors, another layout), it refuses with
NotStreamable, and the caller reads the file whole: problems come out as they always have.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.nodes import ScalarNode

# the C loader is several times faster on large files; fall back where libyaml is absent.
# The one definition: the editing modules import it from here.
try:
    FastSafeLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    FastSafeLoader = yaml.SafeLoader


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key's value."""

    __slots__ = ("line", "lines")  # no per-instance __dict__: a large file holds many of these
    line: int
    lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    __slots__ = ("line", "lines")
    line: int
    lines: list[int]


class YamlSyntaxError(ValueError):
    """A file that is not YAML at all; carries the file and line of the problem."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path, self.line, self.problem = path, line, problem


class _LineLoader(FastSafeLoader):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = _line(node.start_mark)
    result.lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = _line(value_node.start_mark)
    return result


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = _line(node.start_mark)
    result.lines = [_line(child.start_mark) for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_text(path: Path, name: str) -> str:
    """A file's text; one that is not UTF-8 is a YamlSyntaxError (OSError passes through)."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(name, 1, f"not UTF-8 text ({exc.reason})") from exc


# What a knowledge file may cost beyond its size. Aliases (*name) repeat what an anchor (&name)
# holds: a few of them nested ("billion laughs") expand a kilobyte into gigabytes wherever the
# data is copied. No knowledge file needs more than a few; none nests deeper than a dozen levels.
MAX_ALIASES = 100
MAX_EXPANDED_NODES = 1_000_000
MAX_DEPTH = 64
_RISKY = re.compile(r"[&*]|[\[{]\s*[\[{]|^ {128,}\S", re.MULTILINE)


def check_structure(text: str, name: str) -> None:
    """Refuse, with file and line, YAML whose aliases would expand beyond MAX_EXPANDED_NODES (or
    that has more than MAX_ALIASES of them), or that nests deeper than MAX_DEPTH. One pass over
    the parser's events, and only for text that could hold such a thing."""
    if not _RISKY.search(text):
        return
    sizes: dict[str, int] = {}  # anchor -> the number of nodes it stands for, expanded
    open_counts: list[tuple[str | None, int]] = []  # per open collection: its anchor, nodes so far
    aliases = total = 0

    def add(count: int, line: int) -> None:
        nonlocal total
        total += count
        for i, (anchor, nodes) in enumerate(open_counts):
            open_counts[i] = (anchor, nodes + count)
        if total > MAX_EXPANDED_NODES:
            raise YamlSyntaxError(name, line, f"its aliases (*name) expand to over {MAX_EXPANDED_NODES:,} values; "
                                  "write the values out instead")

    try:
        for event in yaml.parse(text, Loader=FastSafeLoader):
            line = _line(event.start_mark) if event.start_mark else 1
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                add(1, line)
                open_counts.append((event.anchor, 1))
                if len(open_counts) > MAX_DEPTH:
                    raise YamlSyntaxError(name, line, f"nested deeper than {MAX_DEPTH} levels")
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                anchor, nodes = open_counts.pop()
                if anchor is not None:
                    sizes[anchor] = nodes
            elif isinstance(event, ScalarEvent):
                add(1, line)
                if event.anchor is not None:
                    sizes[event.anchor] = 1
            elif isinstance(event, AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    raise YamlSyntaxError(name, line, f"more than {MAX_ALIASES} aliases (*name); write the values out")
                add(sizes.get(event.anchor or "", 1), line)
    except yaml.YAMLError:
        return  # not YAML: the loader reports it, with its line


def parse_yaml(text: str, name: str) -> Any:
    check_structure(text, name)
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(name, line, f"invalid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(name, 1, f"invalid YAML: {exc}") from exc


# -- streaming: one entry at a time ------------------------------------------------------------

_STR_TAG = "tag:yaml.org,2002:str"
# Scalar types the safe loader builds from a plain scalar; any other tag is left to parse_yaml.
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "timestamp")
)
# The resolver picks a type for an untagged plain scalar only by the patterns registered for
# its first character: a scalar starting with any other character (most text does) is text,
# as is every quoted scalar. Without path resolvers or catch-all patterns, that is all it does.
_TYPED_INITIALS: frozenset[str | None] | None = (
    None if _LineLoader.yaml_path_resolvers or None in _LineLoader.yaml_implicit_resolvers
    else frozenset(_LineLoader.yaml_implicit_resolvers)
)


def _line(mark: Any) -> int:
    """The 1-based line of a parser mark (a mark-less event counts as line 1)."""
    return int(mark.line) + 1 if mark is not None else 1


class NotStreamable(Exception):
    """The file is not one the streaming reader reads exactly as parse_yaml would: read it whole."""


def stream_story_file(text: str) -> tuple[LineDict, Iterator[tuple[Any, int]]]:
    """A knowledge file of the usual shape, read one entry at a time.

    Returns the top mapping, holding `story` (with its lines) and, under `entries`, an empty
    LineList with the list's line; and an iterator over (entry, line) as `parse_yaml` would
    have put them in that list. Only the entry being read is in memory. Raises NotStreamable,
    here or from the iterator (even after the last entry), when the file is anything else;
    the caller must then drop what it has and use `parse_yaml`.
    """
    reader = _EventReader(text)
    try:
        top = reader.top()
    except Exception as exc:
        reader.close()
        raise NotStreamable from exc
    return top, reader.entries()


class _EventReader:
    """Builds LineDict/LineList values from parser events, as _LineLoader builds them from nodes.

    The C parser makes the events; the loader's own resolver and constructors decide what a
    scalar is, so values are the same. Lines come from the same marks the nodes would carry.
    """

    def __init__(self, text: str) -> None:
        self._loader = _LineLoader(text)
        self._next = self._loader.get_event

    def close(self) -> None:
        self._loader.dispose()

    def _expect(self, kind: type[Event]) -> Event:
        event = self._next()
        if type(event) is not kind or getattr(event, "anchor", None) is not None:
            raise NotStreamable(f"expected {kind.__name__}, found {type(event).__name__}")
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)) and event.tag is not None:
            raise NotStreamable("tagged collection")
        return event

    def _key(self, expected: str | None = None) -> str:
        event = self._expect(ScalarEvent)
        assert isinstance(event, ScalarEvent)  # _expect checked the kind
        key = self._scalar(event)
        if not isinstance(key, str) or (expected is not None and key != expected):
            raise NotStreamable(f"unexpected key {key!r}")
        return key

    def top(self) -> LineDict:
        """Read up to the first entry: `story: ...` then `entries:` and the list's start."""
        self._expect(StreamStartEvent)
        self._expect(DocumentStartEvent)
        start = self._expect(MappingStartEvent)
        top = LineDict()
        top.line, top.lines = _line(start.start_mark), {}
        self._key("story")
        event = self._next()
        top["story"], top.lines["story"] = self._value(event), _line(event.start_mark)
        self._key("entries")
        start = self._expect(SequenceStartEvent)
        entries = LineList()
        entries.line, entries.lines = _line(start.start_mark), []
        top["entries"], top.lines["entries"] = entries, _line(start.start_mark)
        return top

    def entries(self) -> Iterator[tuple[Any, int]]:
        try:
            while True:
                event = self._next()
                if type(event) is SequenceEndEvent:
                    break
                yield self._value(event), _line(event.start_mark)
            # nothing may follow: no third key, no second document
            self._expect(MappingEndEvent)
            self._expect(DocumentEndEvent)
            self._expect(StreamEndEvent)
        except NotStreamable:
            raise
        except Exception as exc:  # a syntax error, a bad date ...: parse_yaml reports it as before
            raise NotStreamable from exc
        finally:
            self.close()

    def _value(self, event: Event, depth: int = 0) -> Any:
        kind = type(event)
        if isinstance(event, ScalarEvent):
            return self._scalar(event)
        if depth > MAX_DEPTH:
            raise NotStreamable("nested too deep")  # parse_yaml names the line
        if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
            raise NotStreamable("anchor, alias or tag")
        if kind is MappingStartEvent:
            mapping = LineDict()
            mapping.line, mapping.lines = _line(event.start_mark), {}
            while type(key_event := self._next()) is not MappingEndEvent:
                if not isinstance(key_event, ScalarEvent):
                    raise NotStreamable("complex key")
                key = self._scalar(key_event)
                if not isinstance(key, str):
                    key = str(key)  # as _construct_mapping does
                if key in mapping:
                    raise NotStreamable("duplicate key")  # parse_yaml names it
                value_event = self._next()
                mapping[key] = self._value(value_event, depth + 1)
                mapping.lines[key] = _line(value_event.start_mark)
            return mapping
        if kind is SequenceStartEvent:
            sequence = LineList()
            sequence.line, sequence.lines = _line(event.start_mark), []
            while type(item_event := self._next()) is not SequenceEndEvent:
                sequence.append(self._value(item_event, depth + 1))
                sequence.lines.append(_line(item_event.start_mark))
            return sequence
        raise NotStreamable(f"unexpected {kind.__name__}")  # an alias

    def _scalar(self, event: ScalarEvent) -> Any:
        """A scalar's value as the safe loader makes it."""
        if event.anchor is not None:
            raise NotStreamable("anchor")
        tag = event.tag
        if tag is None and _TYPED_INITIALS is not None and (
            not event.implicit[0] or event.value[:1] not in _TYPED_INITIALS
        ):
            return event.value  # text, for certain: skip the resolver (most scalars)
        if tag is None or tag == "!":  # what the composer does
            tag = self._loader.resolve(ScalarNode, event.value, event.implicit)
        if tag == _STR_TAG:
            return event.value
        if tag not in _SCALAR_TAGS:
            raise NotStreamable(f"tag {tag}")  # merge keys, !!binary, custom tags ...
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
        return self._loader.yaml_constructors[tag](self._loader, node)
