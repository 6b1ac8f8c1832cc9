"""A private PostgreSQL cluster for the tests: Debian's server binaries, a data folder and a unix
socket in a temporary folder, no TCP port; started once per test session, stopped at its end."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROLE = "faqbot"


def server_binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/N/bin)."""
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin") if (p / "initdb").exists()),
                      key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return versions[-1] if versions else None


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the `postgres` system user then."""
    if os.geteuid() == 0 and shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def cluster() -> Iterator[str]:
    """Start a throwaway cluster; yields a postgresql:// URL to its `postgres` database."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL's server binaries are not installed (apt-get install postgresql)")
    home = Path(tempfile.mkdtemp(prefix="faqbot-pg-"))
    data, socket = home / "data", home / "socket"
    socket.mkdir()
    if os.geteuid() == 0:
        home.chmod(0o755)
        shutil.chown(socket, "postgres")
        shutil.chown(home, "postgres")
    run = lambda *args: subprocess.run(_as_server_user(list(args)), check=True, capture_output=True,  # noqa: E731
                                       text=True, timeout=120)
    try:
        run(str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", ROLE, "--no-sync", "-E", "UTF8")
        run(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w", "-t", "60", "-o",
            f"-k {socket} -c listen_addresses='' -c fsync=off -c synchronous_commit=off", "start")
        try:
            yield f"postgresql://{ROLE}@/postgres?host={socket}"
        finally:
            run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(home, ignore_errors=True)


def stop(url: str) -> None:
    """Shut the cluster behind `url` down (for the tests that need the database gone for a while)."""
    socket = Path(url.split("host=", 1)[1])
    binaries = server_binaries()
    assert binaries is not None
    subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(socket.parent / "data"), "-m",
                                    "fast", "-w", "stop"]), check=True, capture_output=True, timeout=60)


def start(url: str) -> None:
    socket = Path(url.split("host=", 1)[1])
    binaries = server_binaries()
    assert binaries is not None
    subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(socket.parent / "data"), "-l",
                                    str(socket.parent / "log"), "-w", "-t", "60", "-o",
                                    f"-k {socket} -c listen_addresses='' -c fsync=off", "start"]),
                   check=True, capture_output=True, timeout=120)
