"""One entry as YAML text in the style of the hand-written knowledge files, and back.

Saving re-emits only the changed entry, so it must look like its hand-written neighbours:
keys in schema order, alternates and sources as block lists, keywords/topics/related as flow
lists, the answer folded at 92 characters, quotes double-quoted. Every emitted entry is parsed
back and compared with what was meant; if the pleasant form would change a single character,
the entry is written by PyYAML's own dumper instead (correct first, pretty second).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

import yaml

from bot.knowledge.schema import ENTRY_FIELDS, SOURCE_FIELDS
from bot.knowledge.yamlfile import FastSafeLoader, YamlSyntaxError, check_structure

EntryData = dict[str, Any]

FOLD_WIDTH = 92  # characters of text per folded line: how knowledge/peace-plan.yaml is wrapped
WIDTH = 98  # for PyYAML's dumper, when the pleasant style cannot be used
INLINE_MAX = 120  # a caveat or cited name longer than this is folded too
BLOCK_LISTS = frozenset({"alternates"})
FOLDED = frozenset({"answer"})
FOLD_IF_LONG = frozenset({"caveat"})
ALWAYS_QUOTED = frozenset({"quote"})
NO_ENTRY = "absent"  # the version of an entry that does not exist (an add is based on it)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class EntryTextError(ValueError):
    """Stored entry text that is not one YAML mapping (a damaged history row)."""


def plain(value: Any) -> Any:
    """Loader values as plain Python: mappings to dicts, sequences to lists, dates to ISO text."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def ordered(data: Mapping[str, Any]) -> EntryData:
    """Schema order (bot/knowledge/schema.py ENTRY_FIELDS), then any unknown keys; no empty values."""
    known = [k for k in ENTRY_FIELDS if k in data]
    keys = [*known, *(k for k in data if k not in ENTRY_FIELDS)]
    return {k: data[k] for k in keys if data[k] is not None}


def version_of(data: Mapping[str, Any] | None) -> str:
    """A short hash of an entry's content: what an edit says it was based on."""
    if data is None:
        return NO_ENTRY
    canonical = json.dumps(plain(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


# -- emitting -----------------------------------------------------------------------------------


def entry_text(data: Mapping[str, Any]) -> str:
    """The entry as a standalone YAML mapping: how history stores it and diffs show it."""
    return "\n".join(emit_mapping(data)) + "\n"


def parse_entry_text(text: str) -> EntryData:
    try:
        check_structure(text, "entry")
        loaded = yaml.load(text, Loader=FastSafeLoader)
    except (yaml.YAMLError, YamlSyntaxError) as exc:
        raise EntryTextError(f"not YAML: {exc}") from exc
    if not isinstance(loaded, dict):
        raise EntryTextError("not a mapping of field: value")
    data: EntryData = plain(loaded)
    return data


def emit_mapping(data: Mapping[str, Any]) -> list[str]:
    """Lines (no newlines, keys at column 0); verified to load back as exactly `data`."""
    data = ordered(data)
    try:
        lines = _pretty(data)
    except _NotPretty:
        lines = []
    if lines and _loads_as(lines, data):
        return lines
    dumped = yaml.safe_dump(plain(data), sort_keys=False, allow_unicode=True, width=WIDTH,
                            default_flow_style=False).rstrip("\n").split("\n")
    if not _loads_as(dumped, data):  # pragma: no cover - PyYAML round-trips its own output
        raise EntryTextError("this entry cannot be written as YAML")
    return dumped


class _NotPretty(Exception):
    """A value the pleasant style has no form for; the dumper takes over."""


def _loads_as(lines: list[str], data: Mapping[str, Any]) -> bool:
    try:
        return bool(parse_entry_text("\n".join(lines) + "\n") == plain(data))
    except EntryTextError:
        return False


def _pretty(data: Mapping[str, Any]) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, str):
            lines.extend(_text(key, value, 0))
        elif isinstance(value, (list, tuple)):
            lines.extend(_list(key, list(value)))
        else:
            raise _NotPretty(key)
    if not lines:
        raise _NotPretty("empty")
    return lines


def _text(key: str, value: str, indent: int) -> list[str]:
    pad = " " * indent
    if key == "reviewed" and ISO_DATE.match(value):
        return [f"{pad}{key}: {value}"]
    if "\n" in value:
        return _literal(key, value, indent)
    inline = _quoted(value) if key in ALWAYS_QUOTED else _scalar(value, flow=False)
    line = f"{pad}{key}: {inline}"
    if key in FOLDED or (key in FOLD_IF_LONG and len(line) > INLINE_MAX):
        folded = _folded(key, value, indent)
        if folded:
            return folded
    return [line]


def _folded(key: str, value: str, indent: int) -> list[str]:
    """`key: >-` with the text wrapped at FOLD_WIDTH; [] if folding could change the text."""
    if not value or value != value.strip() or "  " in value or "\t" in value or not value.isprintable():
        return []
    pad = " " * (indent + 2)
    lines = [f"{' ' * indent}{key}: >-"]
    current = ""
    for word in value.split(" "):
        if current and len(current) + 1 + len(word) > FOLD_WIDTH:
            lines.append(pad + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(pad + current)
    return lines


def _literal(key: str, value: str, indent: int) -> list[str]:
    """`key: |-` keeping every line break as typed (text from a modal with paragraphs)."""
    parts = value.split("\n")
    if not parts[0].strip() or parts[0] != parts[0].lstrip() or not all(p.isprintable() for p in parts):
        return [f"{' ' * indent}{key}: {_quoted(value)}"]
    pad = " " * (indent + 2)
    return [f"{' ' * indent}{key}: |-", *(pad + p.rstrip() if p.strip() else "" for p in parts)]


def _list(key: str, items: list[Any]) -> list[str]:
    if not items:
        return [f"{key}: []"]
    if key == "sources" or any(isinstance(i, Mapping) for i in items):
        return [f"{key}:", *(line for item in items for line in _source(item))]
    if not all(isinstance(i, str) for i in items):
        raise _NotPretty(key)
    if key in BLOCK_LISTS:
        return [f"{key}:", *(f"  - {_scalar(i, flow=False)}" for i in items)]
    return [f"{key}: [{', '.join(_scalar(i, flow=True) for i in items)}]"]


def _source(item: Any) -> list[str]:
    if not isinstance(item, Mapping) or not all(isinstance(v, str) for v in item.values()):
        raise _NotPretty("sources")
    keys = [k for k in SOURCE_FIELDS if k in item] + [k for k in item if k not in SOURCE_FIELDS]
    lines: list[str] = []
    for n, k in enumerate(keys):
        text = _text(k, item[k], 0)
        if len(text) != 1:
            raise _NotPretty("sources")
        lines.append(("  - " if n == 0 else "    ") + text[0])
    return lines


_PLAIN_CACHE: dict[tuple[str, bool], bool] = {}


def _scalar(value: str, flow: bool) -> str:
    return value if _plain_ok(value, flow) else _quoted(value)


def _plain_ok(value: str, flow: bool) -> bool:
    """Whether `value` written bare reads back as the same text (not a number, date, comment...)."""
    key = (value, flow)
    if key not in _PLAIN_CACHE:
        ok = bool(value) and value == value.strip() and "\n" not in value and value.isprintable()
        if ok:
            doc = f"[{value}]" if flow else f"- {value}"
            try:
                ok = yaml.load(doc, Loader=FastSafeLoader) == [value]
            except yaml.YAMLError:
                ok = False
        if len(_PLAIN_CACHE) > 50_000:
            _PLAIN_CACHE.clear()
        _PLAIN_CACHE[key] = ok
    return _PLAIN_CACHE[key]


def _quoted(value: str) -> str:
    """A double-quoted scalar that keeps readable text as typed and escapes everything else.

    Escapes use YAML's own forms (\\xXX, \\uXXXX, \\UXXXXXXXX), so characters YAML reads as line
    breaks (U+0085, U+2028) and characters beyond U+FFFF survive exactly.
    """
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() and char not in _YAML_BREAKS:
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


_YAML_BREAKS = frozenset("\x85\u2028\u2029\ufeff")
