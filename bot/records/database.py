"""The bot's own records in one SQLite file: unanswered questions, feedback, and FAQ history.

What is stored: the question text (cleaned of mentions), the outcome, the best entry and its
score, a timestamp, and for feedback the entry and whether it helped. For every change to the
FAQ (history): when, which entry, what was done, the entry's YAML before and after, and who did
it as a display name (the moderator's server nickname or username, "hand edit" for changes
found on disk). User ids are stored only when the config sets `store_user_ids: true`. The
schema is versioned; each migration runs once, in order, inside a transaction.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

MIGRATIONS: tuple[str, ...] = (
    # 1: questions the bot declined or was unsure about, and feedback on answers
    """
    CREATE TABLE asked (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        question TEXT NOT NULL,
        outcome TEXT NOT NULL,
        entry_id TEXT,
        score REAL,
        user_id INTEGER
    );
    CREATE INDEX asked_outcome ON asked(outcome);
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        entry_id TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        question TEXT,
        user_id INTEGER
    );
    CREATE INDEX feedback_entry ON feedback(entry_id);
    """,
    # 2: every change to the FAQ, with the entry before and after (revert works from it)
    """
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        at REAL NOT NULL,
        entry_id TEXT NOT NULL,
        action TEXT NOT NULL,
        file TEXT NOT NULL,
        actor TEXT NOT NULL,
        user_id INTEGER,
        before TEXT,
        after TEXT,
        version_before TEXT NOT NULL,
        version_after TEXT NOT NULL
    );
    CREATE INDEX history_entry ON history(entry_id, id);
    """,
)


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    at: float
    entry_id: str
    helpful: bool
    question: str | None


@dataclass(frozen=True, slots=True)
class UnansweredRow:
    """A question the bot declined or was unsure about, with its row id (for inbox buttons)."""

    id: int
    at: float
    question: str
    outcome: str


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One change to one entry; `before`/`after` are the entry's YAML (None: absent)."""

    id: int
    at: float
    entry_id: str
    action: str
    file: str
    actor: str
    before: str | None
    after: str | None
    version_before: str
    version_after: str


_HISTORY_COLUMNS = "id, at, entry_id, action, file, actor, before, after, version_before, version_after"


class Records:
    """Thread-safe access to the records file; callers on the event loop use asyncio.to_thread."""

    def __init__(self, path: Path | str, store_user_ids: bool = False) -> None:
        self.path = Path(path)
        self.store_user_ids = store_user_ids
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._migrate()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        with self._lock:
            current = self.schema_version
            for version, script in enumerate(MIGRATIONS, start=1):
                if version <= current:
                    continue
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for statement in filter(str.strip, script.split(";")):
                        self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {version}")
                    self._db.execute("COMMIT")
                except sqlite3.Error:
                    self._db.execute("ROLLBACK")
                    raise

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _user(self, user_id: int | None) -> int | None:
        return user_id if self.store_user_ids else None

    def record_asked(self, question: str, outcome: str, entry_id: str | None, score: float | None,
                     user_id: int | None = None) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO asked (at, question, outcome, entry_id, score, user_id) VALUES (?, ?, ?, ?, ?, ?)",
                (time.time(), question, outcome, entry_id, score, self._user(user_id)),
            )

    def record_feedback(self, entry_id: str, helpful: bool, question: str | None = None,
                        user_id: int | None = None) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO feedback (at, entry_id, helpful, question, user_id) VALUES (?, ?, ?, ?, ?)",
                (time.time(), entry_id, int(helpful), question, self._user(user_id)),
            )

    def feedback(self) -> list[FeedbackRow]:
        with self._lock:
            rows = self._db.execute("SELECT at, entry_id, helpful, question FROM feedback ORDER BY at").fetchall()
        return [FeedbackRow(at, entry_id, bool(helpful), question) for at, entry_id, helpful, question in rows]

    # -- inbox ----------------------------------------------------------------------------------

    def unanswered(self, outcomes: tuple[str, ...] = ("decline", "suggestions")) -> list[UnansweredRow]:
        """Questions with the given outcomes, oldest first, each with its row id."""
        marks = ",".join("?" * len(outcomes))
        with self._lock:
            rows = self._db.execute(
                f"SELECT id, at, question, outcome FROM asked WHERE outcome IN ({marks}) ORDER BY at, id",
                outcomes,
            ).fetchall()
        return [UnansweredRow(*row) for row in rows]

    def unanswered_row(self, row_id: int) -> UnansweredRow | None:
        with self._lock:
            row = self._db.execute("SELECT id, at, question, outcome FROM asked WHERE id = ?", (row_id,)).fetchone()
        return UnansweredRow(*row) if row else None

    # -- history ----------------------------------------------------------------------------------

    def record_change(self, entry_id: str, action: str, file: str, actor: str, before: str | None,
                      after: str | None, version_before: str, version_after: str,
                      user_id: int | None = None) -> int:
        """Append one change; returns its number (what `revert` takes)."""
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO history (at, entry_id, action, file, actor, user_id, before, after, version_before,"
                " version_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), entry_id, action, file, actor, self._user(user_id), before, after, version_before,
                 version_after),
            )
            return int(cursor.lastrowid or 0)

    def history(self, entry_id: str | None = None, limit: int | None = None) -> list[HistoryRow]:
        """Changes, newest first; only one entry's when `entry_id` is given."""
        query = f"SELECT {_HISTORY_COLUMNS} FROM history"
        params: list[object] = []
        if entry_id is not None:
            query += " WHERE entry_id = ?"
            params.append(entry_id)
        query += " ORDER BY id DESC"
        if limit is not None:
            query += " LIMIT ?"
            params.append(limit)
        with self._lock:
            rows = self._db.execute(query, params).fetchall()
        return [HistoryRow(*row) for row in rows]

    def change(self, change_id: int) -> HistoryRow | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_HISTORY_COLUMNS} FROM history WHERE id = ?", (change_id,)).fetchone()
        return HistoryRow(*row) if row else None

    def last_changed(self) -> dict[str, float]:
        """When each entry last changed (entries never changed are absent)."""
        with self._lock:
            rows = self._db.execute("SELECT entry_id, MAX(at) FROM history GROUP BY entry_id").fetchall()
        return {entry_id: at for entry_id, at in rows}

    def close(self) -> None:
        with self._lock:
            self._db.close()
