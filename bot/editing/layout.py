"""Where each entry sits in a knowledge file, and the file with one entry replaced.

A save rewrites only the changed entry's lines, and within the entry only the fields whose
value changed: fields that stay the same keep their exact lines (hand wrapping, comments).
So a review in git shows the edit and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.editing.yamltext import EntryData, emit_mapping, ordered, parse_entry_text, plain
from bot.knowledge.yamlfile import FastSafeLoader, YamlSyntaxError, check_structure


class LayoutError(ValueError):
    """A file this writer cannot change safely (not YAML, entries in flow style, ...)."""


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """One field of an entry, so an unchanged field can keep its exact lines."""

    key: str
    start: int  # first line (0-based): comments introducing the field, else the key line
    key_line: int
    end: int  # one past its last line


@dataclass(frozen=True, slots=True)
class EntrySpan:
    """One item of `entries:`: its lines [start, end) and its data as loaded."""

    entry_id: str | None
    start: int
    end: int
    dash_col: int
    data: EntryData
    fields: tuple[FieldSpan, ...]


@dataclass(frozen=True)
class FileLayout:
    """A knowledge file as text plus where its entries are: what a save splices into."""

    path: Path
    text: str
    lines: list[str]
    newline: str
    story_id: str | None
    entries: tuple[EntrySpan, ...]
    entries_line: int | None  # the line of the `entries:` key
    entries_empty_flow: bool  # `entries: []`

    def span(self, entry_id: str) -> EntrySpan | None:
        return next((s for s in self.entries if s.entry_id == entry_id), None)

    def replaced(self, entry_id: str | None, new: EntryData | None) -> str:
        """The file's text with entry `entry_id` replaced by `new` (None removes, a new id appends)."""
        span = self.span(entry_id) if entry_id is not None else None
        lines = list(self.lines)
        if span is None:
            if new is None:
                return self.text
            return self._appended(new)
        if new is None:
            del lines[span.start:span.end]
        else:
            lines[span.start:span.end] = self._reemitted(span, new)
        return self.newline.join(lines)

    def _appended(self, new: EntryData) -> str:
        lines = list(self.lines)
        if self.entries:
            last = self.entries[-1]
            lines[last.end:last.end] = _item(new, last.dash_col)
        elif self.entries_line is not None:
            at = self.entries_line
            if self.entries_empty_flow:
                lines[at] = lines[at].split(":", 1)[0] + ":"
            lines[at + 1:at + 1] = _item(new, 2)
        else:
            raise LayoutError(f"{self.path.name} has no `entries:` list to add to")
        return self.newline.join(lines)

    def _kept_block(self, span: EntrySpan, field: FieldSpan, key_pad: str) -> list[str]:
        """A field's lines as written, its key at the entry's field column."""
        block = list(self.lines[field.key_line:field.end])
        if field.key_line == span.start:  # the first field shares its line with the dash
            block[0] = key_pad + block[0][span.dash_col + 2:]
        return block

    def _reemitted(self, span: EntrySpan, new: EntryData) -> list[str]:
        """The entry's new lines, keeping the exact lines of every unchanged field."""
        new = ordered(new)
        full = _item(new, span.dash_col)
        old_keys = [f.key for f in span.fields]
        if [k for k in new if k in old_keys] != [k for k in old_keys if k in new]:
            return full  # fields were reordered: one consistent emit reads better
        emitted = {k: v for k, v in zip(new, _field_blocks(new))}
        key_pad = " " * (span.dash_col + 2)
        out: list[str] = []
        by_key = {f.key: f for f in span.fields}
        for key, value in new.items():
            field = by_key.get(key)
            if field is not None:
                out.extend(self.lines[field.start:field.key_line])  # comments above it stay
            old_value = plain(span.data.get(key)) if field is not None else None
            if field is not None and old_value == plain(value):
                out.extend(self._kept_block(span, field, key_pad))
            elif field is not None and (added := _appended_items(old_value, plain(value))):
                # a phrasing added: the list's lines stay as written (quoted or not), the new items follow them
                # (a list written in brackets, or one the emitter writes in brackets, is emitted whole)
                block = self._kept_block(span, field, key_pad)
                last = block[-1]
                items = emit_mapping({key: added})[1:]
                if not last.lstrip().startswith("- ") or not items or not items[0].lstrip().startswith("- "):
                    out.extend(key_pad + line if line else "" for line in emitted[key])
                    continue
                item_pad = last[:len(last) - len(last.lstrip())]
                indent = len(items[0]) - len(items[0].lstrip())  # the emitter's own item column
                out.extend(block)
                out.extend(item_pad + line[indent:] for line in items)
            else:
                out.extend(key_pad + line if line else "" for line in emitted[key])
        if not out:
            return full
        out[0] = " " * span.dash_col + "- " + out[0][span.dash_col + 2:]
        try:
            ok = parse_entry_text("\n".join(line[span.dash_col + 2:] for line in out) + "\n") == plain(new)
        except ValueError:
            ok = False
        return out if ok else full


def _appended_items(old: Any, new: Any) -> list[Any]:
    """The items `new` adds at the end of the list `old`, or [] when it changes the list otherwise."""
    if isinstance(old, list) and isinstance(new, list) and len(new) > len(old) and new[:len(old)] == old:
        return new[len(old):]
    return []


def _item(data: EntryData, dash_col: int) -> list[str]:
    lines = emit_mapping(data)
    pad = " " * (dash_col + 2)
    return [" " * dash_col + "- " + lines[0], *(pad + line if line else "" for line in lines[1:])]


def _field_blocks(data: EntryData) -> list[list[str]]:
    """Each field's own emitted lines (keys at column 0), in the order of `data`."""
    return [emit_mapping({key: value}) if value is not None else [] for key, value in data.items()]


def parse_layout(path: Path, text: str) -> FileLayout:
    """Locate every entry of `text` (raises LayoutError for files a splice could damage)."""
    try:
        check_structure(text, path.name)
    except YamlSyntaxError as exc:
        raise LayoutError(f"{path.name} cannot be edited safely: line {exc.line}: {exc.problem}") from exc
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    loader = FastSafeLoader(text)
    try:  # one parse: the node graph (for line numbers) and the data built from it
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except (yaml.YAMLError, RecursionError) as exc:
        raise LayoutError(f"{path.name} is not valid YAML right now: {exc}") from exc
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        raise LayoutError(f"{path.name} is not a mapping of story and entries")
    story = data.get("story")
    story_id = story.get("id") if isinstance(story, dict) and isinstance(story.get("id"), str) else None
    entries_line: int | None = None
    spans: list[EntrySpan] = []
    empty_flow = False
    for key_node, value_node in root.value:
        if key_node.value != "entries":
            continue
        entries_line = key_node.start_mark.line
        raw = data.get("entries")
        if isinstance(value_node, yaml.SequenceNode):
            if value_node.flow_style and value_node.value:
                raise LayoutError(f"{path.name}: `entries:` is written in flow style ([...]); write it as a list")
            empty_flow = bool(value_node.flow_style) and not value_node.value
            items = raw if isinstance(raw, list) else []
            for node, item in zip(value_node.value, items):
                spans.append(_span(path, lines, node, item))
    return FileLayout(path, text, lines, newline, story_id, tuple(spans), entries_line, empty_flow)


def _span(path: Path, lines: list[str], node: yaml.Node, item: Any) -> EntrySpan:
    if not isinstance(node, yaml.MappingNode) or node.flow_style or not isinstance(item, dict):
        raise LayoutError(f"{path.name}:{node.start_mark.line + 1}: an entry must be a block mapping")
    start, col = node.start_mark.line, node.start_mark.column
    prefix = lines[start][:col]
    if prefix.strip() != "-" or col < 2:
        raise LayoutError(f"{path.name}:{start + 1}: write the entry as `- id: ...` on one line")
    dash_col = prefix.index("-")
    if col != dash_col + 2:
        raise LayoutError(f"{path.name}:{start + 1}: write `- id:` with one space after the dash")
    end = _end_line(lines, node.end_mark)
    end = _trim(lines, start, end, dash_col)
    keys = [k.start_mark.line for k, _ in node.value]
    fields: list[FieldSpan] = []
    field_start = start
    for n, (key_node, _) in enumerate(node.value):
        field_end = _trim(lines, keys[n], keys[n + 1], dash_col + 2) if n + 1 < len(keys) else end
        fields.append(FieldSpan(str(key_node.value), field_start, keys[n], field_end))
        field_start = field_end
    entry_id = item.get("id") if isinstance(item.get("id"), str) else None
    return EntrySpan(entry_id, start, end, dash_col, plain(item), tuple(fields))


def _end_line(lines: list[str], mark: yaml.Mark) -> int:
    """One past the last line a node covers (its end mark sits where the next token starts)."""
    before = lines[mark.line][:mark.column] if mark.line < len(lines) else ""
    return mark.line if not before.strip() else mark.line + 1


def _trim(lines: list[str], start: int, end: int, col: int) -> int:
    """Drop trailing blank lines, and comments at or left of `col` (they introduce what follows)."""
    while end > start + 1:
        line = lines[end - 1]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not stripped or (stripped.startswith("#") and indent <= col):
            end -= 1
        else:
            break
    return end
