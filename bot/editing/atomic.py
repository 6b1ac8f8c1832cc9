"""Writing a file so that a crash at any moment leaves either the old file or the new one, whole.

The new text goes to a temporary file in the same folder (same filesystem, so the rename is
atomic), is flushed and fsynced, then renamed over the old file with os.replace, and the folder
is fsynced so the rename itself survives a power cut. Writers of one folder take a lock: a
threading lock inside this process and flock(2) on the folder across processes (the bot and,
say, a script), so two saves never interleave their read-change-write.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import threading
import time
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


LOCK_TIMEOUT = 10.0  # seconds to wait for the folder lock before saying who may hold it


class FolderBusy(Exception):
    """Another process holds the folder's lock for longer than LOCK_TIMEOUT."""


@contextmanager
def folder_lock(folder: Path, timeout: float | None = None) -> Iterator[None]:
    """Exclusive right to change files of `folder` (not re-entrant); FolderBusy after `timeout`
    seconds (default LOCK_TIMEOUT)."""
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    key = str(folder.resolve())
    with _locks_guard:
        lock = _locks.setdefault(key, threading.Lock())
    if not lock.acquire(timeout=timeout):
        raise FolderBusy(str(folder))
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if fcntl is not None:
                _flock(fd, time.monotonic() + timeout, folder)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the flock
    finally:
        lock.release()


def _flock(fd: int, deadline: float, folder: Path) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise FolderBusy(str(folder)) from None
            time.sleep(0.05)


class ChangedOnDisk(Exception):
    """The file was changed by someone else (an editor, `git pull`) while it was being replaced;
    their change is on disk, ours is not: start again from the file as it is now."""


def atomic_write(path: Path, text: str, expected: str | None = None) -> None:
    """Replace `path` with `text` (UTF-8) atomically and durably; call under folder_lock.

    With `expected` (the text the new one was made from), a file changed by a writer that does
    not take our lock is never silently overwritten: it is compared once the new text is on disk
    and synced, right before the rename; and the replaced file is kept (hard link) and compared
    after the rename, and put back if it changed in between. ChangedOnDisk then says to retry.
    """
    folder = path.parent
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    tmp = Path(tmp_name)
    kept = tmp.with_name(tmp.name + ".old" + TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if expected is not None:
            if _read(path) != expected:
                raise ChangedOnDisk(str(path))
            # the file as it is at the moment of the rename (without hard links, the check above stands alone)
            with contextlib.suppress(OSError):
                os.link(path, kept)
        os.replace(tmp, path)
        if expected is not None and kept.exists() and _read(kept) != expected:
            os.replace(kept, path)  # a hand edit landed in the last instant: it wins
            raise ChangedOnDisk(str(path))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        kept.unlink(missing_ok=True)
    fsync_folder(folder)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


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
