"""Writing a file so that a crash at any moment leaves either the old file or the new one, whole.

The new text goes to a temporary file in the same folder (same filesystem, so the rename is
atomic), is flushed and fsynced, then renamed over the old file with os.replace, and the folder
is fsynced so the rename itself survives a power cut. Writers of one folder take a lock: a
threading lock inside this process and flock(2) on the folder across processes (the bot and,
say, a script), so two saves never interleave their read-change-write.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: the in-process lock still applies
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("faqbot.editing")

TEMP_SUFFIX = ".faqbot-tmp"  # never .yaml/.txt/.md, so the loader ignores a leftover one

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Exclusive right to change files of `folder` (not re-entrant)."""
    key = str(folder.resolve())
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    with lock:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the flock


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) atomically and durably; call under folder_lock."""
    folder = path.parent
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some filesystems refuse fsync on a folder
        pass
    finally:
        os.close(fd)


def remove_stale_temp_files(folder: Path) -> None:
    """Delete temporary files a killed writer left behind; call under folder_lock (none is live)."""
    for leftover in folder.glob(f".*{TEMP_SUFFIX}"):
        try:
            leftover.unlink()
            log.info("removed a leftover temporary file from an interrupted save: %s", leftover.name)
        except OSError as exc:
            log.warning("could not remove %s: %s", leftover, exc.strerror)
