"""Faults around a save and the records database: a live change is always in the history, a hand
edit is never silently overwritten, a broken records database never stops answering, and the
command line says one clear line instead of a traceback."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.editing import atomic
from bot.editing.editor import EditError, Unwritable
from bot.editing.service import Actor, EditingService
from bot.records.database import Records, RecordsUnavailable
from bot.serving import KnowledgeService
from tests.conftest import KNOWLEDGE, ROOT

ENTRY = "telegraph-report"
MOD = Actor("mod")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


def _service(folder: Path, db: Path) -> EditingService:
    return EditingService(KnowledgeService(folder), Records(db))


# A child that saves one alias and is killed at a chosen point of the save.
KILLED_SAVER = """
import os, signal, sys
from pathlib import Path
from bot.editing import editor
from bot.editing.service import Actor, EditingService
from bot.serving import KnowledgeService
from bot.records.database import Records

folder, db, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
records = Records(db)
service = EditingService(KnowledgeService(folder), records)
die = lambda *_a, **_k: os.kill(os.getpid(), signal.SIGKILL)
if point == "before-mark":  # the file is written, the history row not yet confirmed
    records.mark_applied = die
elif point == "before-write":  # the history row is written, the file not yet
    editor.atomic_write = die
service.alias("telegraph-report", "phrase from a killed save", Actor("mod"))
"""


@pytest.mark.parametrize("point", ["before-mark", "before-write"])
def test_a_save_killed_between_history_and_file_is_reconciled_on_restart(folder: Path, tmp_path: Path,
                                                                         point: str) -> None:
    db = tmp_path / "records.sqlite3"
    done = subprocess.run([sys.executable, "-c", KILLED_SAVER, str(folder), str(db), point], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    on_disk = "phrase from a killed save" in (folder / "peace-plan.yaml").read_text(encoding="utf-8")
    assert on_disk is (point == "before-mark")
    restarted = _service(folder, db)
    history = restarted.history(ENTRY)
    if on_disk:  # the live change is in the history, once
        assert len(history) == 1 and "phrase from a killed save" in (history[0].after or "")
    else:  # nothing changed, so nothing is recorded
        assert history == []
    assert restarted.records.pending() == []


def test_a_hand_edit_made_while_the_bot_was_away_is_recorded_at_start(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    _service(folder, db).alias(ENTRY, "first phrase", MOD)
    path = folder / "peace-plan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      - first phrase\n",
                                                             "      - first phrase\n      - typed by hand\n"),
                    encoding="utf-8")
    history = _service(folder, db).history(ENTRY)
    assert [row.action for row in history] == ["file", "alias"]
    assert "typed by hand" in (history[0].after or "") and "typed by hand" not in (history[0].before or "")


def test_a_save_is_refused_with_the_reason_when_the_history_cannot_be_written(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    service = _service(folder, db)
    before = (folder / "peace-plan.yaml").read_bytes()
    locker = sqlite3.connect(db, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(Unwritable, match="could not be recorded in the history"):
            service.alias(ENTRY, "never saved", MOD)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert (folder / "peace-plan.yaml").read_bytes() == before
    assert service.history() == []


def test_a_hand_edit_landing_at_the_moment_of_the_rename_is_kept(folder: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    service = _service(folder, tmp_path / "records.sqlite3")
    path = folder / "peace-plan.yaml"
    real_link = os.link
    landed: list[bool] = []

    def hand_edit_then_link(src: str | Path, dst: str | Path) -> None:
        if not landed:  # an editor renames its file over ours after our last check
            text = path.read_text(encoding="utf-8").replace("      - what's the telegraph story\n",
                                                            "      - what's the telegraph story\n      - by hand\n")
            (folder / "editor.swp").write_text(text, encoding="utf-8")
            os.replace(folder / "editor.swp", path)
            landed.append(True)
        real_link(src, dst)

    monkeypatch.setattr(atomic.os, "link", hand_edit_then_link)
    service.alias(ENTRY, "by the bot", MOD)
    text = path.read_text(encoding="utf-8")
    assert "      - by hand\n" in text and "      - by the bot\n" in text
    assert not list(folder.glob(f"*{atomic.TEMP_SUFFIX}")) and not list(folder.glob(f".*{atomic.TEMP_SUFFIX}"))


def test_a_folder_lock_held_elsewhere_ends_in_a_clear_refusal(folder: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    service = _service(folder, tmp_path / "records.sqlite3")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDONLY); "
         "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(30)", str(folder)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.3)
        with pytest.raises(Unwritable, match="lock for too long"):
            service.alias(ENTRY, "waits", MOD)
    finally:
        holder.kill()
        holder.wait()


# -- the records database ------------------------------------------------------------------------

def test_a_corrupt_records_file_degrades_the_records_and_says_why(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    db.write_bytes(os.urandom(65536))
    records = Records(db)
    assert records.problem and "cannot be used" in records.problem
    records.record_unanswered("still fine?", "decline", None, None)  # dropped, never raised
    with pytest.raises(RecordsUnavailable, match=r"records\.sqlite3"):
        records.history()


def test_the_cli_says_one_line_when_the_records_are_unusable(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    db.write_bytes(os.urandom(65536))
    config = tmp_path / "config.yaml"
    config.write_text(f"database: {db}\n", encoding="utf-8")
    for command in (["history"], ["inbox"]):
        done = subprocess.run([sys.executable, "-m", "bot", "--config", str(config), *command], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode != 0
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "records database" in done.stderr


CONCURRENT_START = """
import os, sys
from bot.records.database import Records
print("ready", flush=True)
assert os.read(int(sys.argv[2]), 1) == b""  # the barrier: the parent closes the pipe once both are ready
records = Records(sys.argv[1])
records.record_unanswered("q", "decline", None, None)
print(records.schema_version)
"""


def test_two_processes_starting_on_a_new_records_file_both_come_up(tmp_path: Path) -> None:
    for trial in range(8):
        db = tmp_path / f"records-{trial}.sqlite3"
        gate, opener = os.pipe()  # both children block reading `gate` until the parent closes `opener`
        try:
            try:
                children = [subprocess.Popen([sys.executable, "-c", CONCURRENT_START, str(db), str(gate)],
                                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                             pass_fds=(gate,)) for _ in range(2)]
            finally:
                os.close(gate)
            for child in children:  # both imported everything and wait at the barrier
                assert child.stdout is not None
                line = child.stdout.readline()
                assert line == "ready\n", line
            assert not db.exists()  # neither has touched the records file yet
        finally:
            os.close(opener)  # go: both open the new file at once
        outputs = [child.communicate(timeout=60) for child in children]
        assert all(child.returncode == 0 for child in children), outputs
        assert len(Records(db).unanswered()) == 2


def test_one_feedback_vote_per_member_and_answer(tmp_path: Path) -> None:
    records = Records(tmp_path / "records.sqlite3")
    for _ in range(5):
        records.record_feedback(ENTRY, False, user_id=42)
    records.record_feedback(ENTRY, True, user_id=42)  # a change of mind replaces the vote
    records.record_feedback(ENTRY, False, user_id=43)
    votes = records.feedback()
    assert sorted(v.helpful for v in votes) == [False, True] and len(votes) == 2


# -- hostile knowledge files ----------------------------------------------------------------------

def _laughs(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def _nested(depth: int) -> str:
    return "story: " + "[" * depth + "]" * depth + "\nentries: []\n"


@pytest.mark.parametrize(("name", "text", "problem"), [
    ("laughs.yaml", _laughs(9), "expand to over"),
    ("deep.yaml", _nested(900), "nested deeper than"),
])
def test_a_knowledge_bomb_is_refused_quickly_everywhere_it_is_read(folder: Path, tmp_path: Path, name: str,
                                                                    text: str, problem: str) -> None:
    import time

    service = _service(folder, tmp_path / "records.sqlite3")
    (folder / name).write_text(text, encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "bot", "validate", str(folder)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1 and problem in done.stderr and f"{name}:" in done.stderr
    check = service.check_disk()  # the watcher: rejected, the last good FAQ is still served
    assert check is not None and not check.reload.ok and service.knowledge.answerer.knowledge.entries
    with pytest.raises(EditError):  # a moderator's action on the folder is refused, not stuck
        service.form(ENTRY) if name == "laughs.yaml" else service.alias(ENTRY, "x", MOD)
    with pytest.raises(EditError):
        service.alias(ENTRY, "never saved", MOD)
    assert time.monotonic() - started < 30


# -- retention ---------------------------------------------------------------------------------------

def test_purge_deletes_old_question_texts_and_one_persons_data(tmp_path: Path) -> None:
    db = tmp_path / "records.sqlite3"
    records = Records(db, store_user_ids=True)
    records.record_unanswered("an old question", "decline", None, None, user_id=7)
    records.record_unanswered("a new question", "decline", None, None, user_id=8)
    records.record_feedback(ENTRY, False, user_id=7)
    records.close()
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE unanswered SET at = at - 100 * 86400 WHERE question = 'an old question'")
    config = tmp_path / "config.yaml"
    config.write_text(f"database: {db}\nretention_days: 90\n", encoding="utf-8")
    purge = [sys.executable, "-m", "bot", "--config", str(config), "purge"]
    done = subprocess.run(purge, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "deleted 1 " in done.stdout
    assert [row.question for row in Records(db).unanswered()] == ["a new question"]
    done = subprocess.run([*purge, "--user", "7"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "deleted 1 " in done.stdout  # the vote; the old question is gone already
    assert Records(db).feedback() == []


def test_ask_reads_stdin_as_utf8_whatever_the_locale_says(tmp_path: Path) -> None:
    lines = b"who is kushner?\n\xd0\xbf\xff\xfe broken bytes?\nwho is yermak?\n"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C"}
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "-"], cwd=ROOT, input=lines,
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    replies = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(replies) == 3 and replies[0]["outcome"] == "answer" and replies[2]["outcome"] == "answer"
