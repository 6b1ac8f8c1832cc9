"""Saving, recording and reloading as one step, and noticing edits made on disk.

A moderator's change is recorded in the history as pending, written by the Editor (validated,
atomic, version-checked), marked applied, then the KnowledgeService swaps in the new FAQ. A
crash between the write and the mark leaves a pending row that the next start (or disk check)
reconciles with the file, so a live change is always in the history; if the history cannot be
written, nothing is saved and the moderator is told why. The
same object polls the folder for hand edits (git pull, an editor): when the files' contents
change it reloads, and records each changed entry in the history as a hand edit, so history
and revert cover every change, not only those made from Discord. Everything here blocks;
the Discord layer calls it with asyncio.to_thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from bot import wording
from bot.editing.editor import (
    NO_ENTRY,
    Change,
    ChangedOnDisk,
    Conflict,
    EditError,
    Editor,
    EntryState,
    NotFound,
    Prepared,
    Transform,
    Unwritable,
)
from bot.editing.forms import EntryForm, entry_to_form, form_to_entry, new_entry_id, with_alias, with_status
from bot.editing.inbox import InboxGroup, build_inbox
from bot.editing.yamltext import EntryData, EntryTextError, entry_text, parse_entry_text, plain, version_of
from bot.records.database import HistoryRow, Records, RecordsUnavailable
from bot.serving import KnowledgeService, ReloadResult

log = logging.getLogger("faqbot.editing")

HAND_EDIT_RETRIES = 3  # saves started again because a hand edit landed in the file meanwhile


@dataclass(frozen=True, slots=True)
class Actor:
    """Who made a change: a display name always, the user id only if the config stores ids."""

    name: str
    user_id: int | None = None


HAND_EDIT = Actor(wording.HAND_EDIT_ACTOR)


@dataclass(frozen=True, slots=True)
class Saved:
    """What a moderator's save did and its history number; the FAQ it validated is served from then on."""

    change: Change
    number: int  # the change's number in the history (what revert takes)


@dataclass(frozen=True, slots=True)
class DiskCheck:
    """The outcome of looking at the folder: a reload, and hand edits it recorded."""

    reload: ReloadResult
    recorded: tuple[tuple[Change, int], ...] = ()
    recovered: bool = False  # the folder loads again after a rejected state


class EditingService:
    """The one way the bot changes the knowledge; holds what it last saw on disk to spot hand edits."""

    def __init__(self, knowledge: KnowledgeService, records: Records,
                 today: Callable[[], str] | None = None, writer: bool = True) -> None:
        self.knowledge = knowledge
        self.records = records
        # Several processes (shards) may serve one folder: only the writer, the one serving the
        # moderating guild, records hand edits; the others only reload, so nothing is recorded twice.
        self.writer = writer
        self.editor = Editor(knowledge.path)
        self.today = today or (lambda: dt.date.today().isoformat())
        self._lock = threading.Lock()
        self._fingerprint = self.editor.fingerprint()
        self._snapshot = self._entries_or_none() or {}
        self._rejected: str | None = None
        with self._lock:
            try:
                if writer:
                    self._reconcile()
                    self._record_edits_while_away()
            except RecordsUnavailable as exc:
                log.warning("history not reconciled at start: %s", exc)

    # -- reading ------------------------------------------------------------------------------

    def entry(self, entry_id: str) -> EntryState:
        state = self.editor.entry(entry_id)
        if state is None:
            raise NotFound(entry_id)
        return state

    def form(self, entry_id: str) -> tuple[EntryState, EntryForm]:
        """The entry as on disk, and as the edit modal shows it."""
        state = self.entry(entry_id)
        return state, entry_to_form(state.data, self.document_for(state.file))

    def history(self, entry_id: str | None = None, limit: int | None = None) -> list[HistoryRow]:
        return self.records.history(entry_id, limit)

    def last_change(self, entry_id: str) -> HistoryRow | None:
        rows = self.records.history(entry_id, 1)
        return rows[0] if rows else None

    def inbox(self) -> list[InboxGroup]:
        return build_inbox(self.records.unanswered(), self.records.feedback(), self.knowledge.answerer,
                           self.records.last_changed())

    def story_file(self, story_id: str | None) -> str | None:
        files = self.editor.story_files()
        if story_id is None:
            return next(iter(files.values()), None)
        return files.get(story_id)

    # -- changing -----------------------------------------------------------------------------

    def add(self, form: EntryForm, entry_id: str | None, story_id: str | None, actor: Actor) -> Saved:
        """A new entry; with no id given, one is made from the question (and re-made if taken).
        A refusal carries the moderator's text as `attempt_text`."""
        typed_id = entry_id
        entry_id = entry_id.strip() if entry_id else None
        document: str | None = None
        try:  # every read below may refuse (a file in a layout saves cannot handle): the text typed is kept
            file = self.story_file(story_id)
            document = self.document_for(file)
            if story_id is not None and file is None:
                raise NotFound(story_id)
            for attempt in range(3):
                new_id = entry_id or new_entry_id(form.question, self.editor.entries())
                new = form_to_entry(form, None, new_id, self.today(), document)
                try:
                    return self._apply(new_id, "add", _replace_with(new), actor, base_version=NO_ENTRY, file=file)
                except Conflict:
                    if entry_id is not None or attempt == 2:
                        raise
            raise AssertionError("unreachable")  # pragma: no cover
        except EditError as error:
            error.attempt_text = self._attempt_text(form, typed_id, document)
            raise

    def edit(self, entry_id: str, form: EntryForm, base_version: str, actor: Actor) -> Saved:
        """The entry as the submitted form says; a refusal carries the moderator's text as `attempt_text`."""
        document: str | None = None
        try:  # the reads may refuse too: the text typed is kept
            state = self.editor.entry(entry_id)
            document = self.document_for(state.file if state else None)
            chosen = document
            return self._apply(entry_id, "edit",
                               lambda cur: form_to_entry(form, cur, entry_id, self.today(), chosen) if cur else None,
                               actor, base_version=base_version)
        except EditError as error:
            error.attempt_text = self._attempt_text(form, entry_id, document)
            raise

    def _attempt_text(self, form: EntryForm, entry_id: str | None, document: str | None) -> str:
        """The form alone as YAML (what the moderator typed, to copy from), cited with the story's
        document (or, when the folder could not be read, sources without one)."""
        return entry_text(form_to_entry(form, None, entry_id or "new-entry", self.today(), document or ""))

    def alias(self, entry_id: str, phrase: str, actor: Actor) -> Saved:
        return self._apply(entry_id, "alias", _existing(entry_id, lambda cur: with_alias(cur, phrase)), actor)

    def set_status(self, entry_id: str, status: str, caveat: str | None, actor: Actor) -> Saved:
        return self._apply(entry_id, "status",
                           _existing(entry_id, lambda cur: with_status(cur, status, caveat, self.today())), actor)

    def remove(self, entry_id: str, base_version: str, actor: Actor) -> Saved:
        return self._apply(entry_id, "remove", _existing(entry_id, lambda _cur: None), actor,
                           base_version=base_version)

    def revert(self, entry_id: str, number: int, actor: Actor) -> Saved:
        """Put the entry back as it was before change `number` (re-adds it if that change removed it)."""
        row = self.records.change(number)
        if row is None or row.entry_id != entry_id:
            raise NoSuchChange(entry_id, number)
        try:
            target = parse_entry_text(row.before) if row.before is not None else None
        except EntryTextError as exc:
            raise NoSuchChange(entry_id, number) from exc
        return self._apply(entry_id, "revert", lambda _cur: target, actor, file=row.file)

    def _apply(self, entry_id: str, action: str, transform: Transform, actor: Actor, *,
               base_version: str | None = None, file: str | None = None) -> Saved:
        """Record, save, reload: under one lock, so the watcher never mistakes our save for a hand edit."""
        with self._lock:
            prepared, number = self._save(entry_id, action, transform, actor, base_version, file)
            change = prepared.change
            try:
                self.records.mark_applied(number)
            except RecordsUnavailable as exc:  # the row stays pending; the next disk check confirms it
                log.warning("change %d saved; marking it applied failed (%s), reconciled later", number, exc)
            if change.after is None:
                self._snapshot.pop(entry_id, None)
            else:
                self._snapshot[entry_id] = EntryState(entry_id, change.file, change.after)
            self._fingerprint = self.editor.fingerprint()
            # one load per save: the knowledge the editor validated is the one served
            self.knowledge.swap(prepared.knowledge)
        log.info("saved action=%s entry=%s change=%d by=%s", action, entry_id, number, actor.name)
        return Saved(change, number)

    def _save(self, entry_id: str, action: str, transform: Transform, actor: Actor, base_version: str | None,
              file: str | None) -> tuple[Prepared, int]:
        """Prepare, record as pending, write: all under the folder lock. The history row is written
        before the file, so a crash in between leaves a pending row that `_reconcile` settles; if
        the write does not happen, the row is withdrawn. An editor or `git pull` does not take our
        lock: if the file changed while we validated, start again from what is on disk now."""
        with self.editor.locked():
            for _ in range(HAND_EDIT_RETRIES):
                prepared = self.editor.prepare(entry_id, action, transform, base_version=base_version, file=file)
                number = self._record_pending(prepared.change, actor)
                try:
                    self.editor.commit(prepared)
                except ChangedOnDisk:
                    self._withdraw(number)
                    continue
                except Unwritable:
                    self._withdraw(number)
                    raise
                return prepared, number
        raise Unwritable("the file kept changing on disk while saving; try again")

    def _record_pending(self, change: Change, actor: Actor) -> int:
        """The change in the history as about to be written; refuses the save if that fails."""
        try:
            return self.records.record_change(
                change.entry_id, change.action, change.file, actor.name, change.before_text,
                change.after_text, change.version_before, change.version_after, actor.user_id, pending=True,
            )
        except RecordsUnavailable as exc:
            raise Unwritable(f"the change could not be recorded in the history ({exc}), so it was not "
                             "saved") from exc

    def _withdraw(self, number: int) -> None:
        """The write did not happen: withdraw the pending row."""
        try:
            self.records.drop_pending(number)
        except RecordsUnavailable as exc:  # left pending; the next reconcile withdraws it
            log.warning("could not withdraw pending change %d: %s", number, exc)

    # -- the folder on disk ----------------------------------------------------------------------

    def check_disk(self, force: bool = False) -> DiskCheck | None:
        """Reload if the files changed (or `force`); None when there is nothing new to report.

        A rejected state is reported once, not at every poll; the bot keeps serving the last
        good FAQ meanwhile (KnowledgeService swaps whole or not at all).
        """
        with self._lock:
            fingerprint = self.editor.fingerprint()
            if fingerprint == self._fingerprint and self._rejected is None and not force:
                return None
            if fingerprint == self._rejected and not force:
                return None
            result = self.knowledge.reload()
            if not result.ok:
                self._rejected = fingerprint
                return DiskCheck(result)
            recovered = self._rejected is not None
            self._rejected = None
            if not self.writer:
                self._fingerprint, self._snapshot = fingerprint, self._entries_or_none() or {}
                return DiskCheck(result, (), recovered)
            try:
                self._reconcile()
                recorded = tuple(self._record_hand_edits())
            except RecordsUnavailable as exc:
                # the new FAQ is served; the hand edits are recorded at a later check, not lost
                log.warning("hand edits not recorded yet: %s", exc)
                return DiskCheck(result, (), recovered)
            self._fingerprint = fingerprint
        return DiskCheck(result, recorded, recovered)

    def _reconcile(self) -> None:
        """Settle changes recorded as pending (a save interrupted between history and file):
        confirmed if the file holds them (or more), withdrawn if it still holds the old entry."""
        for row in self.records.pending():
            state = self.editor.entry(row.entry_id)
            on_disk = version_of(state.data if state else None)
            if on_disk == row.version_before and row.version_before != row.version_after:
                self.records.drop_pending(row.id)
                log.info("withdrew change %d of %s: it never reached the file", row.id, row.entry_id)
            else:
                self.records.mark_applied(row.id)
                log.info("confirmed change %d of %s: it reached the file", row.id, row.entry_id)

    def _record_edits_while_away(self) -> None:
        """Entries whose file differs from the last state the history recorded: changed while the
        bot was not running (or saved by a process killed before recording): recorded now."""
        fresh = self._entries_or_none()
        if fresh is None:
            return
        latest = self.records.latest_states()
        known = {entry_id: (row.after, row.version_after, row.file) for entry_id, row in latest.items()}
        for entry_id, (after_text, version_after, file) in known.items():
            state = fresh.get(entry_id)
            if version_of(state.data if state else None) == version_after:
                continue
            try:
                before = parse_entry_text(after_text) if after_text is not None else None
            except EntryTextError:
                continue
            change = Change("file", entry_id, state.file if state else file, before, state.data if state else None)
            self.records.record_change(entry_id, "file", change.file, HAND_EDIT.name, change.before_text,
                                       change.after_text, change.version_before, change.version_after)
            log.info("recorded a change of %s made while the bot was away", entry_id)

    def _entries_or_none(self) -> dict[str, EntryState] | None:
        """The entries on disk; None (and a warning) if a file is laid out in a way saves refuse."""
        try:
            return self.editor.entries()
        except EditError as exc:
            log.warning("cannot track changes on disk: %s", exc)
            return None

    def _record_hand_edits(self) -> list[tuple[Change, int]]:
        """Every entry that differs from what we last saw, recorded as a hand edit (revert works on it)."""
        fresh = self._entries_or_none()
        if fresh is None:
            return []
        recorded: list[tuple[Change, int]] = []
        for entry_id in [*self._snapshot, *(i for i in fresh if i not in self._snapshot)]:
            old, new = self._snapshot.get(entry_id), fresh.get(entry_id)
            if plain(old.data if old else None) == plain(new.data if new else None):
                continue
            file = new.file if new else old.file  # type: ignore[union-attr]
            change = Change("file", entry_id, file, old.data if old else None, new.data if new else None)
            number = self.records.record_change(
                entry_id, "file", file, HAND_EDIT.name, change.before_text, change.after_text,
                change.version_before, change.version_after,
            )
            recorded.append((change, number))
        self._snapshot = fresh
        if recorded:
            log.info("recorded %d hand edit(s) found on disk", len(recorded))
        return recorded

    def document_for(self, file: str | None) -> str:
        """The first document of the story in `file`: where a quote typed without one comes from."""
        knowledge = self.knowledge.answerer.knowledge
        story_id = next((s for s, f in self.editor.story_files().items() if f == file), None)
        try:
            story = knowledge.story(story_id)
        except KeyError:
            story = knowledge.story()
        return story.documents[0].id if story.documents else "article"


class NoSuchChange(NotFound):
    """A revert to a change number that is not in this entry's history."""

    def __init__(self, entry_id: str, number: int) -> None:
        super().__init__(entry_id)
        self.number = number


def _replace_with(new: EntryData) -> Transform:
    """A transform that puts `new` in place of whatever is there."""

    def run(_current: EntryData | None) -> EntryData | None:
        return new

    return run


def _existing(entry_id: str, transform: Callable[[EntryData], EntryData | None]) -> Transform:
    """A transform that needs the entry to exist (NotFound otherwise)."""

    def run(current: EntryData | None) -> EntryData | None:
        if current is None:
            raise NotFound(entry_id)
        return transform(current)

    return run
