"""Sharding: several processes with disjoint shard ids serve one application, each getting the
events of its own guilds (through discord.py's AutoShardedBot and the loopback gateway)."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tests.discord_helpers import callback_of, make_config, running_bot
from tests.fakediscord import FakeDiscord

pytest_plugins = ["tests.fakediscord.fixtures"]


async def test_two_processes_with_disjoint_shards_serve_one_application(fake_discord: FakeDiscord,
                                                                        tmp_path: Path) -> None:
    fake = fake_discord
    owner = (fake.guild_id >> 22) % 2
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    first_dir.mkdir()
    second_dir.mkdir()
    async with running_bot(fake, make_config(first_dir, shard_count=2, shard_ids=(0,))) as first, \
            running_bot(fake, make_config(second_dir, shard_count=2, shard_ids=(1,))) as second:
        bots = {0: first, 1: second}
        inter = await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ask", {"question": "who is Kushner?"}))
        body: dict[str, Any] = (await callback_of(fake, inter)).json
        owner_sees, other_sees = bots[owner].get_guild(fake.guild_id), bots[1 - owner].get_guild(fake.guild_id)
    identifies = sorted(f.d["shard"] for f in fake.frames if f.direction == "in" and f.op == 2)
    assert identifies == [[0, 2], [1, 2]]
    assert owner_sees is not None and other_sees is None  # each process has its own guilds only
    assert "adviser" in body["data"]["embeds"][0]["description"]  # answered by the process that got it


def test_run_checks_the_shard_options_before_anything_else(tmp_path: Path) -> None:
    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        # a regression that went on to connect would reach only the closed loopback port 9, never discord.com
        return subprocess.run([sys.executable, "-m", "bot", "run", *extra], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "DISCORD_TOKEN": "x",
                                                          "FAQBOT_API_BASE": "http://127.0.0.1:9/api/v10",
                                                          "FAQBOT_GATEWAY_URL": "ws://127.0.0.1:9/gateway"})

    for extra, problem in ((("--shard-ids", "0-1"), "shard_ids needs shard_count"),
                           (("--shards", "2", "--shard-ids", "0-2"), "shard_ids must be shards 0 to 1"),
                           (("--shards", "0"), "shard_count must be at least 1"),
                           (("--shards", "2", "--shard-ids", "one"), "give a range like 0-1")):
        done = run(*extra)
        assert done.returncode == 2 and problem in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_only_the_process_serving_the_moderating_guild_records_hand_edits(tmp_path: Path) -> None:
    import shutil

    from bot.editing.service import EditingService
    from bot.records.database import Records
    from bot.serving import KnowledgeService
    from tests.conftest import KNOWLEDGE

    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    db = tmp_path / "records.sqlite3"
    writer = EditingService(KnowledgeService(folder), Records(db), writer=True)
    reader = EditingService(KnowledgeService(folder), Records(db), writer=False)
    path = folder / "peace-plan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("      - who is kushner\n",
                                                             "      - who is kushner\n      - kushner bio\n"),
                    encoding="utf-8")
    for service in (reader, writer):
        check = service.check_disk()
        assert check is not None and check.reload.ok
        entry = service.knowledge.answerer.knowledge.entry("who-is-kushner")
        assert entry is not None and "kushner bio" in entry.alternates  # both serve the edit
    assert [row.entry_id for row in Records(db).history()] == ["who-is-kushner"]  # recorded once


async def test_an_edit_made_in_one_process_is_served_by_the_other_at_once_on_shared_postgresql(
        tmp_path: Path, postgres_url: str) -> None:
    import shutil
    from dataclasses import replace

    from bot.knowledge.loader import load_knowledge
    from bot.records.database import Records
    from tests.conftest import KNOWLEDGE

    fake = await _started_fake_with_the_server_on_shard_1()
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    shared = {"moderator_roles": (fake.moderator_role_id,), "mod_log_channel": fake.modlog_channel_id,
              "moderation_guilds": (fake.guild_id,), "watch_seconds": 0, "shard_count": 2}  # no polling
    (tmp_path / "w").mkdir()
    (tmp_path / "r").mkdir()
    writer_config = replace(make_config(tmp_path / "w", shard_ids=(1,), **shared), knowledge=folder,
                            database=postgres_url)
    reader_config = replace(make_config(tmp_path / "r", shard_ids=(0,), **shared), knowledge=folder,
                            database=postgres_url)
    phrase = "the florp zindle trip"
    answer = load_knowledge(folder).entry("envoys-moscow").answer[:60]  # type: ignore[union-attr]

    try:
        async with running_bot(fake, writer_config), running_bot(fake, reader_config):
            before = await _dm_reply(fake, phrase, 0)
            with _reloads_logged() as reloads:
                edit = fake.slash_command("faqadmin", {"entry": "envoys-moscow", "phrase": phrase},
                                          subcommand="alias", user=fake.moderator_user)
                await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", edit))  # saved by the writer
                # the writer serves its save (one reload); the reader hears of it (NOTIFY) and reloads:
                # ask after each reload, and at most after a third one
                served: list[str] = []
                for n in range(1, 4):
                    await asyncio.wait_for(reloads.get(), 30)
                    served.append(await _dm_reply(fake, phrase, n))
                    if answer in served[-1]:
                        break
    finally:
        await fake.stop()
    assert answer not in before
    assert answer in served[-1], served
    records = Records(postgres_url)
    try:
        assert [row.entry_id for row in records.history()] == ["envoys-moscow"]  # recorded once, by the writer
    finally:
        records.close()


async def test_two_faqbot_run_processes_on_one_postgresql_serve_each_others_edits(
        tmp_path: Path, postgres_url: str) -> None:
    """The deployment path: two real `faqbot run` processes, shards split, records and change
    notices in one PostgreSQL, the folder watcher off."""
    import os
    import shutil
    import signal

    from bot.knowledge.loader import load_knowledge
    from tests.conftest import KNOWLEDGE

    fake = await _started_fake_with_the_server_on_shard_1()
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    env = {**os.environ, "DISCORD_TOKEN": "MTAx.faqbot-test-token.secret", "FAQBOT_API_BASE": fake.api_base,
           "FAQBOT_GATEWAY_URL": fake.gateway_url, "PYTHONUNBUFFERED": "1"}
    processes = []
    reader_lines: list[str] = []  # what shard 0's process logged, as read while the test ran
    phrase = "the florp zindle trip"
    answer = load_knowledge(folder).entry("envoys-moscow").answer[:60]  # type: ignore[union-attr]

    try:
        for shard in (0, 1):
            config = tmp_path / f"config-{shard}.yaml"
            config.write_text(
                f"knowledge: {folder}\ndatabase: '{postgres_url}'\n"
                f"discord:\n  sync_state_file: {tmp_path / f'synced-{shard}'}\n  shard_count: 2\n"
                f"  shard_ids: [{shard}]\n  watch_seconds: 0\n  moderation_guilds: [{fake.guild_id}]\n"
                f"  moderator_roles: [{fake.moderator_role_id}]\n", encoding="utf-8")
            processes.append(await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "--config", str(config), "run", env=env, cwd=tmp_path,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT))
        synced = await asyncio.create_subprocess_exec(  # publish the commands, as a deployment does
            sys.executable, "-m", "bot", "--config", str(tmp_path / "config-1.yaml"), "sync", env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        assert await asyncio.wait_for(synced.wait(), 60) == 0
        for shard in (0, 1):  # both connected: each process identified for its shard
            await fake.wait_for_frame(lambda f, s=shard: f.direction == "in" and f.op == 2 and f.d["shard"] == [s, 2],
                                      timeout=30)
        before = await _dm_reply(fake, phrase, 0)  # answered by the process serving shard 0
        edit = fake.slash_command("faqadmin", {"entry": "envoys-moscow", "phrase": phrase}, subcommand="alias",
                                  user=fake.moderator_user)
        await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", edit))  # saved by shard 1's process
        reader_output = processes[0].stdout
        assert reader_output is not None
        while not any("knowledge reloaded" in line for line in reader_lines):  # shard 0's process heard of it
            line = (await asyncio.wait_for(reader_output.readline(), 60)).decode()
            assert line, "".join(reader_lines)  # it exited without reloading
            reader_lines.append(line)
        served = await _dm_reply(fake, phrase, 1)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        logs = [(await asyncio.wait_for(process.communicate(), 30))[0].decode() for process in processes]
        logs[0] = "".join(reader_lines) + logs[0]
        await fake.stop()
    assert answer not in before
    assert answer in served, (served, logs)
    assert all(process.returncode == 0 for process in processes), logs


@contextmanager
def _reloads_logged() -> Iterator[asyncio.Queue[str]]:
    """A queue that gets a line each time this process's bots swap in new knowledge (from any thread)."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str] = asyncio.Queue()

    class Heard(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage()
            if message.startswith("knowledge reloaded"):
                loop.call_soon_threadsafe(queue.put_nowait, message)

    logger = logging.getLogger("bot.serving")
    handler, level = Heard(logging.INFO), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield queue
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def _started_fake_with_the_server_on_shard_1() -> FakeDiscord:
    """With two shards, the server's events go to shard 1 and DMs to shard 0: two processes."""
    fake = FakeDiscord()
    while (fake.guild_id >> 22) % 2 != 1:
        fake = FakeDiscord()
    await fake.start()
    return fake


async def _dm_reply(fake: FakeDiscord, question: str, n: int) -> str:
    """The answer text a new user gets to /ask in a DM (served by shard 0's process)."""
    ask = fake.slash_command("ask", {"question": question}, guild=False, user=fake.add_user(f"reader-{n}"))
    body: dict[str, Any] = (await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", ask))).json
    return str(body["data"]["embeds"][0].get("description", "")) if body["data"].get("embeds") else ""
