"""A crash at any moment of a save leaves a complete, valid file holding every acknowledged edit.

A child process saves in a loop and prints the number of each save once it returned (the
acknowledgement); the test SIGKILLs it at random moments, then checks the file loads and holds
every acknowledged edit. Two more children are killed exactly inside the write (temporary file
written, not yet renamed) and exactly after the rename, so the narrow window is proven too.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.editing.atomic import TEMP_SUFFIX
from bot.editing.editor import Editor
from bot.knowledge.loader import load_knowledge
from tests.conftest import KNOWLEDGE, ROOT

ENTRY = "telegraph-report"
ROUNDS = 6
SAVES_PER_CHILD = 200  # a child never runs unbounded, even if the test dies

SAVER = """
import sys
from pathlib import Path
from bot.editing.editor import Editor

editor = Editor(Path(sys.argv[1]))
first = int(sys.argv[2])
for n in range(first, first + int(sys.argv[3])):
    phrase = f"kill test phrase {n}"
    with editor.locked():
        editor.commit(editor.prepare(sys.argv[4], "alias",
                                     lambda cur, p=phrase: {**cur, "alternates": [*cur["alternates"], p]}))
    print(n, flush=True)  # acknowledged: the save returned
"""

# Blocks inside one step of atomic_write and says so, for the parent to kill it right there.
HOOKED_SAVER = """
import os, sys, time
from pathlib import Path
from bot.editing import atomic
from bot.editing.editor import Editor

step = sys.argv[3]
real_fsync, real_replace = os.fsync, os.replace

def fsync(fd):
    real_fsync(fd)
    if step == "written":
        print("in the write", flush=True)
        time.sleep(60)

def replace(src, dst):
    real_replace(src, dst)
    if step == "renamed":
        print("in the write", flush=True)
        time.sleep(60)

atomic.os.fsync = fsync
atomic.os.replace = replace
editor = Editor(Path(sys.argv[1]))
with editor.locked():
    editor.commit(editor.prepare(
        sys.argv[2], "alias", lambda cur: {**cur, "alternates": [*cur["alternates"], "hooked phrase"]}))
print("done", flush=True)
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


def _child(script: str, *args: str, tmp: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env=env)


def _phrases(folder: Path) -> set[int]:
    entry = load_knowledge(folder).entry(ENTRY)  # raises if the file is not complete and valid
    assert entry is not None
    return {int(a.rsplit(" ", 1)[1]) for a in entry.alternates if a.startswith("kill test phrase ")}


def test_killing_a_saver_at_random_moments_loses_nothing_acknowledged(folder: Path, tmp_path: Path) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    acknowledged: set[int] = set()
    first = 0
    for round_ in range(ROUNDS):
        child = _child(SAVER, str(folder), str(first), str(SAVES_PER_CHILD), ENTRY, tmp=tmp)
        assert child.stdout is not None
        try:
            for _ in range(rng.randint(1, 3)):
                line = child.stdout.readline()
                assert line, f"the saver stopped by itself (seed {seed})"
                acknowledged.add(int(line))
            time.sleep(rng.uniform(0.0, 0.15))  # picks the random moment of the kill (a save takes ~0.1 s)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait()
        acknowledged.update(int(line) for line in child.stdout.read().split())
        child.stdout.close()
        present = _phrases(folder)
        missing = acknowledged - present
        assert not missing, f"acknowledged edits lost after kill {round_} (seed {seed}): {sorted(missing)}"
        first = max(present | acknowledged) + 1
    assert len(acknowledged) >= ROUNDS


@pytest.mark.parametrize("step", ["written", "renamed"])
def test_killed_inside_the_write_the_file_is_old_or_new_and_whole(folder: Path, tmp_path: Path, step: str) -> None:
    path = folder / "peace-plan.yaml"
    before = path.read_bytes()
    child = _child(HOOKED_SAVER, str(folder), ENTRY, step, tmp=tmp_path)
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "in the write"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    phrasings = load_knowledge(folder).entry(ENTRY).alternates  # type: ignore[union-attr]
    if step == "written":  # killed before the rename: the old file, whole; the temporary file left over
        assert path.read_bytes() == before and "hooked phrase" not in phrasings
        assert len(list(folder.glob(f".*{TEMP_SUFFIX}"))) == 1
    else:  # killed after the rename: the new file, whole
        assert "hooked phrase" in phrasings
    editor = Editor(folder)
    with editor.locked():
        editor.commit(editor.prepare(ENTRY, "alias",
                                     lambda cur: {**cur, "alternates": [*cur["alternates"], "after the crash"]}))
    assert not list(folder.glob(f".*{TEMP_SUFFIX}"))  # the next save cleans up
    assert "after the crash" in load_knowledge(folder).entry(ENTRY).alternates  # type: ignore[union-attr]
