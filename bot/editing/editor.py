"""Changing one entry of the knowledge files: check the base version, validate, write atomically.

Every change runs under the folder lock (`Editor.locked`) in two steps: `prepare` reads, compares
versions, transforms and validates the whole folder as it would be; `commit` writes the file
atomically. The caller records the change in its history between the two. Validation is
`load_knowledge` itself (the same checks as `faqbot validate`), run on a mirror of the folder in
which the changed file carries its new text, so nothing reaches the real folder until it is
known to load.
"""

from __future__ import annotations

import copy
import hashlib
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from bot.editing.atomic import (
    ChangedOnDisk,
    FolderBusy,
    atomic_write,
    folder_lock,
    remove_stale_temp_files,
)
from bot.editing.layout import FileLayout, LayoutError, parse_layout
from bot.editing.yamltext import NO_ENTRY, EntryData, entry_text, ordered, version_of
from bot.knowledge.loader import (
    DOCUMENT_SUFFIXES,
    YAML_SUFFIXES,
    KnowledgeError,
    display_path,
    knowledge_files,
    load_knowledge,
)
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.schema import Problem

Transform = Callable[[EntryData | None], EntryData | None]


class EditError(Exception):
    """A change that was refused; nothing was written.

    `attempt_text`: for a refused add/edit form, the moderator's own text as YAML (set by the
    EditingService, which knows the entry's story), so nothing typed is lost; None otherwise.
    """

    attempt_text: str | None = None


class NotFound(EditError):
    """No entry (or story) with that id."""

    def __init__(self, entry_id: str) -> None:
        super().__init__(f"no entry '{entry_id}'")
        self.entry_id = entry_id


class Conflict(EditError):
    """The entry changed after the edit was started; `current` is the newer version (None: gone)."""

    def __init__(self, entry_id: str, current: EntryState | None) -> None:
        super().__init__(f"entry '{entry_id}' changed since the edit began")
        self.entry_id, self.current = entry_id, current


class Invalid(EditError):
    """The folder would not load after the change; `problems` say exactly why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(str(problems[0]) if problems else "invalid")
        self.problems = tuple(problems)


class NoChange(EditError):
    """The change would leave the entry as it is: nothing to save or record."""

    def __init__(self, entry_id: str) -> None:
        super().__init__(f"entry '{entry_id}' already reads that way")
        self.entry_id = entry_id


class Unwritable(EditError):
    """The file cannot be changed safely right now (not YAML, unusual layout, I/O error)."""


@dataclass(frozen=True, slots=True)
class EntryState:
    """One entry as it is on disk now."""

    entry_id: str
    file: str  # the file's name inside the knowledge folder
    data: EntryData

    @property
    def version(self) -> str:
        return version_of(self.data)

    @property
    def text(self) -> str:
        return entry_text(self.data)


@dataclass(frozen=True, slots=True)
class Change:
    """What one save did to one entry (None before: added; None after: removed)."""

    action: str
    entry_id: str
    file: str
    before: EntryData | None
    after: EntryData | None

    @property
    def version_before(self) -> str:
        return version_of(self.before)

    @property
    def version_after(self) -> str:
        return version_of(self.after)

    @property
    def before_text(self) -> str | None:
        return entry_text(self.before) if self.before is not None else None

    @property
    def after_text(self) -> str | None:
        return entry_text(self.after) if self.after is not None else None


@dataclass(frozen=True, slots=True, eq=False)
class Prepared:
    """A change checked against the files and validated, not written yet (Editor.prepare)."""

    change: Change
    # the whole folder as validated with the change: served as it is, without loading it again
    knowledge: KnowledgeBase
    old: FileLayout  # the target file as read
    new: FileLayout  # the target file with the change, parsed

    @property
    def text(self) -> str:
        """The target file's new text."""
        return self.new.text

    @property
    def expected(self) -> str:
        """The text the new one was made from: the write is refused if the file no longer holds it."""
        return self.old.text


class Editor:
    """The knowledge folder (or single file) as something entries can be changed in."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.folder = self.path if self.path.is_dir() else self.path.parent
        # Each file's parsed layout, kept while the file's text is unchanged: a moderator's form
        # must open within Discord's 3 seconds, and parsing 10,000 entries takes longer than that.
        self._parsed: dict[Path, tuple[str, FileLayout]] = {}
        self._parsed_lock = threading.Lock()
        self._lock_holder: int | None = None  # the thread inside `locked()`, if any

    # -- reading (no lock: saves replace files atomically, so a read sees old or new) ---------

    def files(self) -> list[Path]:
        return knowledge_files(self.path)

    def layouts(self) -> dict[str, FileLayout]:
        try:
            return {p.name: self._layout(p) for p in self.files()}
        except LayoutError as exc:
            raise Unwritable(str(exc)) from exc
        except OSError as exc:
            raise Unwritable(f"cannot read the knowledge: {exc.strerror}") from exc

    def _layout(self, path: Path) -> FileLayout:
        """The file's layout, parsed again only when its text changed (comparing text is cheap)."""
        text = path.read_text(encoding="utf-8")
        with self._parsed_lock:
            known = self._parsed.get(path)
        if known is not None and known[0] == text:
            return known[1]
        layout = parse_layout(path, text)
        self._remember(path, text, layout)
        return layout

    def _remember(self, path: Path, text: str, layout: FileLayout) -> None:
        with self._parsed_lock:
            self._parsed[path] = (text, layout)

    def entries(self) -> dict[str, EntryState]:
        return _states(self.layouts())

    def entry(self, entry_id: str) -> EntryState | None:
        return self.entries().get(entry_id)

    def story_files(self) -> dict[str, str]:
        """Story id -> the file that holds it, in file order."""
        return {lay.story_id: name for name, lay in self.layouts().items() if lay.story_id}

    def fingerprint(self) -> str:
        """A hash of every file the loader reads: changes when anything on disk changes."""
        digest = hashlib.sha256()
        try:
            names = sorted(p for p in self.folder.iterdir()
                           if p.suffix in YAML_SUFFIXES + DOCUMENT_SUFFIXES and p.is_file())
            for p in names:
                digest.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
        except OSError as exc:
            digest.update(f"unreadable: {exc.strerror}".encode())
        return digest.hexdigest()

    # -- changing: prepare and commit, both inside locked() -------------------------------------

    @contextmanager
    def locked(self) -> Iterator[None]:
        """The folder's lock, held across a save's prepare and commit (two saves never interleave);
        Unwritable if another process holds it for too long. Leftovers of a killed save go first."""
        try:
            with folder_lock(self.folder):
                self._lock_holder = threading.get_ident()
                try:
                    remove_stale_temp_files(self.folder)
                    yield
                finally:
                    self._lock_holder = None
        except FolderBusy as exc:
            raise Unwritable("another process has held the knowledge folder's lock for too long "
                             "(a stuck save or script?); nothing was changed") from exc

    def prepare(self, entry_id: str, action: str, transform: Transform, *, base_version: str | None = None,
                file: str | None = None) -> Prepared:
        """Apply `transform` to the entry as it is on disk and validate the result, or raise an EditError.

        `base_version` is the version the moderator saw (NO_ENTRY for an add); if the entry on
        disk is different now, Conflict is raised. `file` names where a new entry goes (default:
        the first knowledge file). Nothing is written: `commit` does that.
        """
        self._require_lock()
        layouts = self.layouts()
        current = _states(layouts).get(entry_id)
        if base_version is not None and base_version != version_of(current.data if current else None):
            raise Conflict(entry_id, current)
        new = transform(copy.deepcopy(current.data) if current else None)
        if new is None and current is None:
            raise NotFound(entry_id)
        if new is not None:
            new = ordered(new)
            if new.get("id") != entry_id:
                raise Unwritable(f"the entry id must stay '{entry_id}'")
        if current is not None and new is not None and version_of(new) == current.version:
            raise NoChange(entry_id)
        target = current.file if current else (file or next(iter(layouts), None))
        if target is None or target not in layouts:
            raise Unwritable(f"no knowledge file {target!r} to write to")
        layout = layouts[target]
        try:
            text = layout.replaced(entry_id if current else None, new)
            edited = parse_layout(layout.path, text)  # the new text must still be editable next time
        except LayoutError as exc:
            raise Unwritable(str(exc)) from exc
        change = Change(action, entry_id, target, current.data if current else None, new)
        return Prepared(change, self._validate(layout, text), layout, edited)

    def commit(self, prepared: Prepared) -> None:
        """Write the prepared file atomically, or raise Unwritable. ChangedOnDisk: the file changed
        since `prepare` read it (an editor or `git pull` does not take our lock); nothing was
        written, and their change is kept: prepare again from the file as it is now."""
        self._require_lock()
        try:
            atomic_write(prepared.old.path, prepared.text, expected=prepared.expected)
        except OSError as exc:
            raise Unwritable(f"cannot write {prepared.change.file}: {exc.strerror}") from exc
        self._remember(prepared.old.path, prepared.text, prepared.new)  # the next form opens without parsing again

    def _require_lock(self) -> None:
        if self._lock_holder != threading.get_ident():
            raise RuntimeError("prepare and commit run inside Editor.locked()")

    def _validate(self, layout: FileLayout, text: str) -> KnowledgeBase:
        """Load the folder as it would be after the change; raise Invalid with every problem.
        The knowledge it loaded is returned, its locations pointing at the real files."""
        with tempfile.TemporaryDirectory(prefix="faqbot-check-") as tmp:
            mirror = Path(tmp)
            for p in self.folder.iterdir():
                if p.name != layout.path.name and p.suffix in YAML_SUFFIXES + DOCUMENT_SUFFIXES and p.is_file():
                    os.symlink(p.resolve(), mirror / p.name)
            candidate = mirror / layout.path.name
            candidate.write_text(text, encoding="utf-8", newline="")
            target = mirror if self.path.is_dir() else candidate
            try:
                knowledge = load_knowledge(target)
            except KnowledgeError as exc:
                raise Invalid([_relocated(p, candidate, layout.path) for p in exc.problems]) from exc
            real = {display_path(mirror / name): display_path(self.folder / name) for name in os.listdir(mirror)}
            locations = {entry_id: (real.get(path, path), line)
                         for entry_id, (path, line) in knowledge.locations.items()}
            return replace(knowledge, locations=locations)


def _states(layouts: dict[str, FileLayout]) -> dict[str, EntryState]:
    states: dict[str, EntryState] = {}
    for name, layout in layouts.items():
        for span in layout.entries:
            if span.entry_id and span.entry_id not in states:
                states[span.entry_id] = EntryState(span.entry_id, name, span.data)
    return states


def _relocated(problem: Problem, candidate: Path, real: Path) -> Problem:
    """A problem found in the mirror, pointing at the real file instead."""
    shown = display_path(real)
    names = {str(candidate), str(candidate.resolve()), display_path(candidate)}
    path, message = problem.path, problem.message
    for name in names:
        path = path.replace(name, shown)
        message = message.replace(name, shown)
    return replace(problem, path=path, message=message)


__all__ = [
    "NO_ENTRY", "Change", "ChangedOnDisk", "Conflict", "EditError", "Editor", "EntryState", "Invalid", "NoChange",
    "NotFound", "Prepared", "Transform", "Unwritable",
]
