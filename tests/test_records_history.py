"""The records database: the history migration, history and inbox queries, what is (not) stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.editing.inbox import build_inbox
from bot.records.database import MIGRATIONS, Records


def test_a_version_1_database_is_migrated_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    db.execute("INSERT INTO asked (at, question, outcome) VALUES (1.0, 'who is macron', 'decline')")
    db.commit()
    db.close()
    records = Records(path)
    try:
        assert records.schema_version == len(MIGRATIONS) >= 2
        assert [r.question for r in records.unanswered()] == ["who is macron"]
        assert records.history() == []
    finally:
        records.close()
    again = Records(path)  # migrations run once
    assert again.schema_version == len(MIGRATIONS)
    again.close()


def test_history_is_newest_first_per_entry_and_by_number(tmp_path: Path) -> None:
    records = Records(tmp_path / "r.sqlite3")
    first = records.record_change("a", "add", "f.yaml", "Mod", None, "id: a\n", "absent", "v1")
    second = records.record_change("b", "edit", "f.yaml", "Mod", "id: b\n", "id: b\nx: 1\n", "v0", "v2")
    third = records.record_change("a", "remove", "f.yaml", "Other", "id: a\n", None, "v1", "absent")
    assert [r.id for r in records.history()] == [third, second, first]
    assert [r.id for r in records.history("a")] == [third, first]
    assert [r.id for r in records.history(limit=1)] == [third]
    row = records.change(second)
    assert row is not None and (row.entry_id, row.action, row.actor, row.before) == ("b", "edit", "Mod", "id: b\n")
    assert records.change(999) is None
    assert set(records.last_changed()) == {"a", "b"}
    records.close()


def test_user_ids_are_stored_only_when_the_config_asks(tmp_path: Path) -> None:
    for store, expected in ((False, None), (True, 42)):
        path = tmp_path / f"ids-{store}.sqlite3"
        records = Records(path, store_user_ids=store)
        records.record_change("a", "edit", "f.yaml", "Mod", None, "x", "absent", "v", user_id=42)
        records.record_unanswered("q", "decline", None, None, user_id=42)
        records.close()
        db = sqlite3.connect(path)
        assert db.execute("SELECT user_id FROM history").fetchone()[0] == expected
        assert db.execute("SELECT user_id FROM unanswered").fetchone()[0] == expected
        db.close()


def test_unanswered_rows_carry_ids_and_the_inbox_groups_similar_questions(tmp_path: Path) -> None:
    records = Records(tmp_path / "r.sqlite3")
    for question, outcome in [
        ("who is the president of france", "decline"), ("Who is the President of France?", "decline"),
        ("who is the president of france", "suggestions"), ("who's the president of france", "decline"),
        ("what is the weather in kyiv", "decline"), ("answered anyway", "not_in_article"),
    ]:
        records.record_unanswered(question, outcome, None, None)
    records.record_feedback("envoys-moscow", False)
    records.record_feedback("envoys-moscow", False)
    records.record_feedback("envoys-moscow", True)
    rows = records.unanswered()
    assert [r.outcome for r in rows].count("not_in_article") == 0 and len(rows) == 5
    assert records.unanswered_row(rows[0].id) == rows[0]
    assert records.unanswered_row(10_000) is None
    groups = build_inbox(rows, records.feedback(), None)
    assert [(g.kind, g.count) for g in groups] == [("asked", 4), ("feedback", 2), ("asked", 1)]
    top = groups[0]
    assert top.question == "who is the president of france" and top.outcomes == {"decline": 3, "suggestions": 1}
    assert records.unanswered_row(top.ref).question == top.question  # type: ignore[union-attr]
    later = build_inbox(rows, records.feedback(), None, {"envoys-moscow": 1e12})  # changed since the votes
    assert all(g.kind == "asked" for g in later)
    records.close()
