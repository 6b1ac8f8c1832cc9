"""The records behind one interface, on both backends: the embedded SQLite file and a real
PostgreSQL server (a private cluster the tests start), for several bot processes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.editing.service import Actor, EditingService
from bot.records import database
from bot.records.database import Records, RecordsUnavailable
from bot.serving import KnowledgeService
from tests.conftest import KNOWLEDGE, ROOT

ENTRY = "who-is-kushner"


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "records.sqlite3")
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


def test_the_same_records_on_both_backends(location: str) -> None:
    records = Records(location, store_user_ids=True)
    assert records.problem is None and records.schema_version == len(database.MIGRATIONS)
    records.record_unanswered("what is a florp", "decline", None, None, user_id=2**62)  # a 64-bit Discord id
    records.record_feedback(ENTRY, False, user_id=7)
    records.record_feedback(ENTRY, True, user_id=7)  # one vote per member: changed, not added
    number = records.record_change(ENTRY, "alias", "peace-plan.yaml", "mod", "a: 1\n", "a: 2\n", "v1", "v2",
                                   pending=True)
    assert records.history() == [] and [r.id for r in records.pending()] == [number]
    records.mark_applied(number)
    withdrawn = records.record_change(ENTRY, "alias", "peace-plan.yaml", "mod", "a: 2\n", "a: 3\n", "v2", "v3",
                                      pending=True)
    records.drop_pending(withdrawn)
    assert [row.question for row in records.unanswered()] == ["what is a florp"]
    assert [(v.entry_id, v.helpful) for v in records.feedback()] == [(ENTRY, True)]
    assert [row.id for row in records.history(ENTRY)] == [number] and records.change(number) is not None
    assert records.latest_states()[ENTRY].version_after == "v2" and ENTRY in records.last_changed()
    assert records.purge_user(2**62) == 1 and records.purge(0) == 1
    records.close()


def test_a_save_is_recorded_and_served_the_same_way_on_both(location: str, folder: Path) -> None:
    service = EditingService(KnowledgeService(folder), Records(location))
    saved = service.alias(ENTRY, "kushner's job title", Actor("mod"))
    assert [row.id for row in service.history(ENTRY)] == [saved.number]


def test_two_bot_processes_on_one_postgresql_serve_each_others_edits(postgres_url: str, folder: Path) -> None:
    writer = EditingService(KnowledgeService(folder), Records(postgres_url), writer=True)
    other = EditingService(KnowledgeService(folder), Records(postgres_url), writer=False)
    writer.alias(ENTRY, "what does kushner do", Actor("mod"))
    check = other.check_disk()  # the folder watcher of the other process, at its next poll
    assert check is not None and check.reload.ok
    entry = other.knowledge.answerer.knowledge.entry(ENTRY)
    assert entry is not None and "what does kushner do" in entry.alternates
    assert len(Records(postgres_url).history()) == 1  # recorded once, by the writer


STARTS = """
import sys
from bot.records.database import Records
records = Records(sys.argv[1])
assert records.problem is None, records.problem
records.record_unanswered("q", "decline", None, None)
"""


def test_processes_starting_together_on_a_new_postgresql_database_both_come_up(postgres_url: str) -> None:
    import psycopg

    for _ in range(3):
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            conn.execute("DROP TABLE IF EXISTS asked, unanswered, feedback, history, faqbot_schema")
        children = [subprocess.Popen([sys.executable, "-c", STARTS, postgres_url], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outputs = [child.communicate(timeout=60) for child in children]
        assert all(child.returncode == 0 for child in children), outputs
        assert len(Records(postgres_url).unanswered()) == 2


def test_a_postgresql_that_goes_away_degrades_the_records_and_comes_back(
        postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.postgres import start, stop

    records = Records(postgres_url)
    records.record_unanswered("before", "decline", None, None)
    stop(postgres_url)
    try:
        records.record_unanswered("while it is down", "decline", None, None)  # dropped, never raised
        with pytest.raises(RecordsUnavailable, match="records database postgresql://"):
            records.history()
    finally:
        start(postgres_url)
    monkeypatch.setattr(database, "RETRY_SECONDS", 0.0)
    deadline = time.monotonic() + 20
    while True:  # the server accepts connections again within moments of pg_ctl's return
        try:
            rows = records.unanswered()
            break
        except RecordsUnavailable:
            if time.monotonic() > deadline:
                raise
    assert [row.question for row in rows] == ["before"]


def test_the_command_line_reads_postgresql_records(postgres_url: str, tmp_path: Path) -> None:
    Records(postgres_url).record_change(ENTRY, "alias", "peace-plan.yaml", "mod", None, "a: 1\n", "-", "v1")
    config = tmp_path / "config.yaml"
    config.write_text(f"database: '{postgres_url}'\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "history"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and ENTRY in done.stdout, done.stderr
