"""The bot's own records in one SQLite file: unanswered questions, feedback, and FAQ history.

What is stored: the question text (cleaned of mentions), the outcome, the best entry and its
score, a timestamp, and for feedback the entry and whether it helped. For every change to the
FAQ (history): when, which entry, what was done, the entry's YAML before and after, and who did
it as a display name (the moderator's server nickname or username, "hand edit" for changes
found on disk). User ids are stored only when the config sets `store_user_ids: true`; feedback
keeps a one-way hash of the voter so that each member has one vote per answer. The schema is
versioned; each migration runs once, in order, inside a transaction.

The records never stop the bot answering: a database that cannot be opened (read-only, corrupt,
full, locked) leaves the Records degraded. What would only be lost (unanswered questions,
feedback) is dropped with one log line; what must not be lost silently (a change to the FAQ) and
what a moderator asked to see raise RecordsUnavailable, whose message says what is wrong.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

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
    # 3: a change is recorded before its file is written (pending) and marked applied after, so a
    #    crash between the two can be reconciled; one feedback vote per member and answer
    """
    ALTER TABLE history ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE feedback ADD COLUMN voter TEXT;
    CREATE UNIQUE INDEX feedback_one_vote ON feedback(entry_id, voter) WHERE voter IS NOT NULL;
    """,
    # 4: the table of questions the bot declined or was unsure about is named for what it holds
    """
    ALTER TABLE asked RENAME TO unanswered;
    DROP INDEX asked_outcome;
    CREATE INDEX unanswered_outcome ON unanswered(outcome);
    """,
)
# The same migrations for PostgreSQL (shared records for several processes): the same tables and
# versions, in its types (Discord ids need BIGINT). The version is kept in faqbot_schema.
PG_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE asked (
        id BIGSERIAL PRIMARY KEY,
        at DOUBLE PRECISION NOT NULL,
        question TEXT NOT NULL,
        outcome TEXT NOT NULL,
        entry_id TEXT,
        score DOUBLE PRECISION,
        user_id BIGINT
    );
    CREATE INDEX asked_outcome ON asked(outcome);
    CREATE TABLE feedback (
        id BIGSERIAL PRIMARY KEY,
        at DOUBLE PRECISION NOT NULL,
        entry_id TEXT NOT NULL,
        helpful INTEGER NOT NULL,
        question TEXT,
        user_id BIGINT
    );
    CREATE INDEX feedback_entry ON feedback(entry_id);
    """,
    """
    CREATE TABLE history (
        id BIGSERIAL PRIMARY KEY,
        at DOUBLE PRECISION NOT NULL,
        entry_id TEXT NOT NULL,
        action TEXT NOT NULL,
        file TEXT NOT NULL,
        actor TEXT NOT NULL,
        user_id BIGINT,
        before TEXT,
        after TEXT,
        version_before TEXT NOT NULL,
        version_after TEXT NOT NULL
    );
    CREATE INDEX history_entry ON history(entry_id, id);
    """,
    MIGRATIONS[2],  # ALTER TABLE ... ADD COLUMN and a partial unique index read the same in both
    MIGRATIONS[3],
)
PG_MIGRATION_LOCK = 727271  # pg_advisory_xact_lock key: one process migrates at a time
RETRY_SECONDS = 30.0  # a degraded database is tried again at most this often
SETUP_ATTEMPTS = 10
BUSY_TIMEOUT_MS = 2000  # below Discord's 3 s, so a locked database fails in time to say so
CHANGES_CHANNEL = "faqbot_knowledge"  # PostgreSQL NOTIFY channel: a change to the FAQ was applied
LISTEN_RETRY_SECONDS = 5.0

log = logging.getLogger("faqbot.records")


class RecordsUnavailable(Exception):
    """The records database cannot be used now; the message says why, for a person to read."""


def _statements(script: str) -> list[str]:
    """A migration script's statements, split where SQLite says a statement is complete."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    at: float
    entry_id: str
    helpful: bool


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
    """Thread-safe access to the records (a SQLite file, or PostgreSQL for several processes);
    callers on the event loop use asyncio.to_thread."""

    def __init__(self, location: Path | str, store_user_ids: bool = False) -> None:
        self.location = str(location)
        self.store_user_ids = store_user_ids
        self._dialect: _Dialect = _Postgres(self.location) if _is_url(self.location) else _SQLite(Path(location))
        self._lock = threading.Lock()
        self._db: Any = None
        self._problem: str | None = None
        self._tried = 0.0
        with self._lock, contextlib.suppress(RecordsUnavailable):
            self._connect()

    # -- the connection ---------------------------------------------------------------------

    @property
    def problem(self) -> str | None:
        """Why the records are degraded, or None when they work."""
        return self._problem

    def _connect(self) -> Any:
        """The connection, opening (and migrating) it if needed; RecordsUnavailable if it cannot."""
        if self._db is not None:
            return self._db
        if self._problem is not None and time.monotonic() - self._tried < RETRY_SECONDS:
            raise RecordsUnavailable(self._problem)
        self._tried = time.monotonic()
        failures: tuple[type[Exception], ...] = (*self._dialect.errors, OSError)
        try:
            db = self._dialect.connect()
        except failures as exc:
            self._degrade(f"the records database {self._dialect.display} cannot be used: {_reason(exc)}")
            raise RecordsUnavailable(self._problem or "") from exc
        if self._problem is not None:
            log.warning("records database %s works again", self._dialect.display)
        self._db, self._problem = db, None
        return db

    def _degrade(self, problem: str) -> None:
        if problem != self._problem:  # logged once per kind of problem, not per question
            log.error("%s; answering goes on, records are not kept meanwhile", problem)
        self._problem = problem

    @contextmanager
    def _using(self) -> Iterator[Any]:
        """The connection under the lock; a database error becomes RecordsUnavailable."""
        with self._lock:
            db = self._connect()
            try:
                yield db
            except self._dialect.errors as exc:
                problem = f"the records database {self._dialect.display} failed: {_reason(exc)}"
                if self._dialect.broken(exc, db):
                    with contextlib.suppress(*self._dialect.errors):
                        db.close()  # open again later, which degrades until the database is back
                    self._db = None
                    self._degrade(problem)
                else:
                    log.warning("%s", problem)
                raise RecordsUnavailable(problem) from exc

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        with self._using() as db:
            db.execute(self._dialect.begin)
            try:
                yield db
            except BaseException:
                with contextlib.suppress(*self._dialect.errors):
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        with self._using() as db:
            return int(db.execute(self._dialect.version_query).fetchone()[0] or 0)

    def _user(self, user_id: int | None) -> int | None:
        return user_id if self.store_user_ids else None

    # -- what may be dropped when the database is down --------------------------------------

    def record_unanswered(self, question: str, outcome: str, entry_id: str | None, score: float | None,
                     user_id: int | None = None) -> None:
        """Keep an unanswered question for the inbox (dropped, with a log line, if the database is down)."""
        with contextlib.suppress(RecordsUnavailable), self._tx() as db:
            db.execute(
                "INSERT INTO unanswered (at, question, outcome, entry_id, score, user_id) VALUES (?, ?, ?, ?, ?, ?)",
                (time.time(), question, outcome, entry_id, score, self._user(user_id)),
            )

    def record_feedback(self, entry_id: str, helpful: bool, user_id: int | None = None) -> None:
        """One vote per member and answer: a second click changes the vote, it does not add one."""
        voter = _voter(user_id) if user_id is not None else None
        with contextlib.suppress(RecordsUnavailable), self._tx() as db:
            if voter is not None:
                db.execute("DELETE FROM feedback WHERE entry_id = ? AND voter = ?", (entry_id, voter))
            db.execute(
                "INSERT INTO feedback (at, entry_id, helpful, user_id, voter) VALUES (?, ?, ?, ?, ?)",
                (time.time(), entry_id, int(helpful), self._user(user_id), voter),
            )

    def feedback(self) -> list[FeedbackRow]:
        with self._using() as db:
            rows = db.execute("SELECT at, entry_id, helpful FROM feedback ORDER BY at").fetchall()
        return [FeedbackRow(at, entry_id, bool(helpful)) for at, entry_id, helpful in rows]

    # -- inbox ----------------------------------------------------------------------------------

    def unanswered(self, outcomes: tuple[str, ...] = ("decline", "suggestions")) -> list[UnansweredRow]:
        """Questions with the given outcomes, oldest first, each with its row id."""
        marks = ",".join("?" * len(outcomes))
        with self._using() as db:
            rows = db.execute(
                f"SELECT id, at, question, outcome FROM unanswered WHERE outcome IN ({marks}) ORDER BY at, id",
                outcomes,
            ).fetchall()
        return [UnansweredRow(*row) for row in rows]

    def unanswered_row(self, row_id: int) -> UnansweredRow | None:
        with self._using() as db:
            row = db.execute("SELECT id, at, question, outcome FROM unanswered WHERE id = ?", (row_id,)).fetchone()
        return UnansweredRow(*row) if row else None

    def purge(self, older_than_days: float) -> int:
        """Delete what people asked or rated (the inbox, feedback) before the given age; the count."""
        cutoff = time.time() - older_than_days * 86400
        with self._tx() as db:
            removed = db.execute("DELETE FROM unanswered WHERE at < ?", (cutoff,)).rowcount
            removed += db.execute("DELETE FROM feedback WHERE at < ?", (cutoff,)).rowcount
        return int(removed)

    def purge_user(self, user_id: int) -> int:
        """Delete everything stored about one person (their questions and votes); the count.
        Edits they made keep the display name in the history, without the id."""
        voter = _voter(user_id)
        with self._tx() as db:
            removed = db.execute("DELETE FROM unanswered WHERE user_id = ?", (user_id,)).rowcount
            removed += db.execute("DELETE FROM feedback WHERE user_id = ? OR voter = ?", (user_id, voter)).rowcount
            db.execute("UPDATE history SET user_id = NULL WHERE user_id = ?", (user_id,))
        return int(removed)

    # -- history ----------------------------------------------------------------------------------

    def record_change(self, entry_id: str, action: str, file: str, actor: str, before: str | None,
                      after: str | None, version_before: str, version_after: str,
                      user_id: int | None = None, pending: bool = False) -> int:
        """Append one change; returns its number (what `revert` takes). A pending change is one
        about to be written: `mark_applied` confirms it, `drop_pending` withdraws it."""
        with self._tx() as db:
            row = db.execute(
                "INSERT INTO history (at, entry_id, action, file, actor, user_id, before, after, version_before,"
                " version_after, pending) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (time.time(), entry_id, action, file, actor, self._user(user_id), before, after, version_before,
                 version_after, int(pending)),
            ).fetchone()
            return int(row[0])

    def mark_applied(self, change_id: int) -> None:
        """The change is on disk. On PostgreSQL every process listening hears of it when this commits."""
        with self._tx() as db:
            db.execute("UPDATE history SET pending = 0 WHERE id = ?", (change_id,))
            if self._dialect.notifies:
                db.execute(f"NOTIFY {CHANGES_CHANNEL}")

    def listen_for_changes(self, on_change: Callable[[], None]) -> Callable[[], None] | None:
        """On PostgreSQL, call `on_change` (from a thread) whenever any process applies a change, and
        return the function that stops listening; on SQLite, None (the folder watcher is the way).
        Blocks until it listens (a few seconds at most), so no change saved after it returns is missed."""
        if not isinstance(self._dialect, _Postgres):
            return None
        stop, listening = threading.Event(), threading.Event()
        thread = threading.Thread(target=self._dialect.listen, args=(CHANGES_CHANNEL, on_change, stop, listening),
                                  name="faqbot-listen", daemon=True)
        thread.start()
        listening.wait(LISTEN_RETRY_SECONDS)

        def stop_listening() -> None:
            stop.set()
            thread.join(timeout=LISTEN_RETRY_SECONDS + 1)

        return stop_listening

    def drop_pending(self, change_id: int) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM history WHERE id = ? AND pending = 1", (change_id,))

    def pending(self) -> list[HistoryRow]:
        """Changes recorded as about to be written and not yet confirmed, oldest first."""
        with self._using() as db:
            rows = db.execute(f"SELECT {_HISTORY_COLUMNS} FROM history WHERE pending = 1 ORDER BY id").fetchall()
        return [HistoryRow(*row) for row in rows]

    def history(self, entry_id: str | None = None, limit: int | None = None) -> list[HistoryRow]:
        """Changes, newest first; only one entry's when `entry_id` is given."""
        query = f"SELECT {_HISTORY_COLUMNS} FROM history WHERE pending = 0"
        params: list[object] = []
        if entry_id is not None:
            query += " AND entry_id = ?"
            params.append(entry_id)
        query += " ORDER BY id DESC"
        if limit is not None:
            query += " LIMIT ?"
            params.append(limit)
        with self._using() as db:
            rows = db.execute(query, params).fetchall()
        return [HistoryRow(*row) for row in rows]

    def latest_states(self) -> dict[str, HistoryRow]:
        """Each entry's latest recorded change: what the FAQ held when the bot last looked."""
        with self._using() as db:
            rows = db.execute(
                f"SELECT {_HISTORY_COLUMNS} FROM history WHERE id IN "
                "(SELECT MAX(id) FROM history WHERE pending = 0 GROUP BY entry_id)"
            ).fetchall()
        return {row[2]: HistoryRow(*row) for row in rows}

    def change(self, change_id: int) -> HistoryRow | None:
        with self._using() as db:
            row = db.execute(f"SELECT {_HISTORY_COLUMNS} FROM history WHERE id = ? AND pending = 0",
                             (change_id,)).fetchone()
        return HistoryRow(*row) if row else None

    def last_changed(self) -> dict[str, float]:
        """When each entry last changed (entries never changed are absent)."""
        with self._using() as db:
            rows = db.execute("SELECT entry_id, MAX(at) FROM history WHERE pending = 0 GROUP BY entry_id").fetchall()
        return {entry_id: at for entry_id, at in rows}

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(*self._dialect.errors):
                    self._db.close()
                self._db = None


def _is_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


class _Dialect(Protocol):
    display: str  # how problems name the database (a URL never shows its password)
    errors: tuple[type[Exception], ...]
    begin: str
    version_query: str
    notifies: bool  # whether other processes can hear of an applied change (NOTIFY)

    def connect(self) -> Any:
        """A connection (execute(sql, params), close()), its schema migrated."""

    def broken(self, exc: Exception, db: Any) -> bool:
        """Whether the connection is unusable after `exc` and must be opened again later."""


class _SQLite:
    errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    begin = "BEGIN IMMEDIATE"
    version_query = "PRAGMA user_version"
    notifies = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self.display = str(path)

    def connect(self) -> sqlite3.Connection:
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        try:
            # the timeout first: two processes starting on a new file wait for each other's setup
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            _set_up(db)
        except sqlite3.Error:
            db.close()
            raise
        return db

    def broken(self, exc: Exception, db: Any) -> bool:
        # a corrupt file; "locked" or "disk full" pass, the connection stays
        return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


class _Postgres:
    """PostgreSQL through psycopg 3 (`pip install 'faqbot[postgres]'`), for records shared by
    several bot processes. The SQL is the same; only placeholders are spelled %s."""

    begin = "BEGIN"
    notifies = True
    version_query = "SELECT MAX(version) FROM faqbot_schema"
    errors: tuple[type[Exception], ...]

    def __init__(self, url: str) -> None:
        self.url = url
        self.display = re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)
        try:
            import psycopg
        except ImportError:
            psycopg = None  # type: ignore[assignment]
        self._psycopg = psycopg
        self.errors = (psycopg.Error,) if psycopg is not None else (RuntimeError,)

    def connect(self) -> _PgConnection:
        if self._psycopg is None:
            raise OSError(0, "PostgreSQL needs psycopg: pip install 'faqbot[postgres]'")
        conn = self._psycopg.connect(self.url, autocommit=True, connect_timeout=3)
        try:
            _pg_migrate(conn)
        except self._psycopg.Error:
            conn.close()
            raise
        return _PgConnection(conn)

    def broken(self, exc: Exception, db: Any) -> bool:
        return bool(self._psycopg is not None and isinstance(exc, self._psycopg.OperationalError)) or db.closed

    def listen(self, channel: str, on_change: Callable[[], None], stop: threading.Event,
               listening: threading.Event) -> None:
        """LISTEN on its own connection until `stop`; a lost connection is opened again (meanwhile
        the folder watcher still reloads), and on getting it back `on_change` runs once, for what
        may have been saved while it was not listening."""
        if self._psycopg is None:
            listening.set()
            return
        while not stop.is_set():
            try:
                with self._psycopg.connect(self.url, autocommit=True, connect_timeout=3) as conn:
                    conn.execute(f"LISTEN {channel}")
                    if listening.is_set():
                        on_change()
                    listening.set()
                    while not stop.is_set():
                        for _ in conn.notifies(timeout=0.5, stop_after=1):
                            on_change()
            except self._psycopg.Error as exc:
                log.warning("not hearing of other processes' edits from %s (%s); trying again in %g s",
                            self.display, _reason(exc), LISTEN_RETRY_SECONDS)
                listening.set()  # the caller goes on; the folder watcher covers the gap
                stop.wait(LISTEN_RETRY_SECONDS)


class _PgConnection:
    """A psycopg connection that takes the SQLite spelling of placeholders (?)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    @property
    def closed(self) -> bool:
        return bool(self._conn.closed)

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self._conn.execute(sql.replace("?", "%s"), params)

    def close(self) -> None:
        self._conn.close()


def _pg_migrate(conn: Any) -> None:
    """PG_MIGRATIONS the database lacks, one at a time under an advisory lock (two processes
    starting on a new database take turns)."""
    for version, script in enumerate(PG_MIGRATIONS, start=1):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (PG_MIGRATION_LOCK,))
            conn.execute("CREATE TABLE IF NOT EXISTS faqbot_schema (version INTEGER NOT NULL)")
            current = conn.execute("SELECT MAX(version) FROM faqbot_schema").fetchone()[0] or 0
            if current < version:
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute("INSERT INTO faqbot_schema (version) VALUES (%s)", (version,))


def _set_up(db: sqlite3.Connection) -> None:
    """WAL and the migrations. Switching the journal mode can report "locked" at once, without
    waiting, while another process sets up the same new file: that is retried, briefly."""
    for attempt in range(SETUP_ATTEMPTS):
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            _migrate(db)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == SETUP_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _migrate(db: sqlite3.Connection) -> None:
    """Run the migrations the file lacks, each in its own transaction; the version is read inside
    the transaction, so two processes starting on a new file never both run the same migration."""
    for version, script in enumerate(MIGRATIONS, start=1):
        db.execute("BEGIN IMMEDIATE")
        try:
            if int(db.execute("PRAGMA user_version").fetchone()[0]) < version:
                for statement in _statements(script):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except sqlite3.Error:
            db.execute("ROLLBACK")
            raise


def _voter(user_id: int) -> str:
    """A one-way key for one member's votes: lets each member vote once, never names them."""
    return hashlib.sha256(f"faqbot-voter:{user_id}".encode()).hexdigest()[:32]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
