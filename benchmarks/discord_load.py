"""Interaction latency over the loopback Discord: the real bot, many users, /ask and mentions.

The bot `faqbot run` builds (build_bot: KnowledgeService, Records, FaqBot with its cogs) runs
against tests.fakediscord.FakeDiscord on 127.0.0.1, through discord.py's own gateway, dispatch,
app-command tree and HTTP code. Bot and fake share this process and its event loop, so every
latency below also pays for the fake's side (JSON, validation, echoing the bot's messages back
over the gateway): a conservative measurement.

Phases:
1. sustained (open loop): /ask interactions at --rate per second and mentions at
   --mention-rate per second, on a fixed schedule for --duration seconds, from a pool of
   --users users taken in turn (the bot's default cooldown, 5 questions per 60 s per user,
   stays on; the pool is large enough that nobody reaches it, and cooldown replies are counted).
   Latency: from the fake's INTERACTION_CREATE dispatch to the bot's callback POST arriving
   (the fake stamps both), and from MESSAGE_CREATE dispatch to the bot's reply POST. The fake
   refuses a callback later than 3 s with 10062 Unknown interaction, as Discord does; the
   check passes when none is late or missing and the schedule was kept.
2. saturation (closed loop): --concurrency users, each sending its next /ask as soon as the
   previous one is answered, for --saturation-duration seconds: the interactions per second the
   bot sustains and the latency it has then. Each question comes from a new user (as on a big
   server), so the per-user cooldown never answers in the bot's place.

Questions are those of tests/data, shuffled with --seed. Loopback only; every loop is bounded.

Run from the repository root: PYTHONPATH=. .venv/bin/python benchmarks/discord_load.py [--rate 20 --duration 30]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import KNOWLEDGE, QUESTION_SETS, load_cases, percentile, table

DEADLINE = 3.0
_CALLBACK = re.compile(r"^/interactions/(\d+)/([^/]+)/callback$")
_CHANNEL_POST = re.compile(r"^/channels/\d+/messages$")


@dataclass
class Sent:
    kind: str  # "ask" or "mention"
    phase: str
    key: str  # interaction token, or the mention's message id
    sent: float  # monotonic time of dispatch (the fake's own stamp for interactions)
    answered: float | None = None
    status: int | None = None
    ephemeral: bool = False  # the cooldown notice is the only ephemeral reply to /ask here
    in_guild: bool = True  # False: a /ask from a DM
    done: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def latency_ms(self) -> float | None:
        return None if self.answered is None else (self.answered - self.sent) * 1000


class ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


class Load:
    """Sends questions through the fake and matches the bot's responses to them."""

    def __init__(self, fake: Any, users: list[dict], questions: list[str], split: bool = False) -> None:
        self.fake = fake
        self.split = split  # every other /ask from a DM (shard 0) rather than the server
        self.users = users
        self.questions = questions
        self.next_user = 0
        self.next_question = 0
        self.by_token: dict[str, Sent] = {}
        self.by_message: dict[str, Sent] = {}
        self.sent: list[Sent] = []
        self._seen = 0

    def _pick(self, fresh: bool = False) -> tuple[dict, str]:
        if fresh:
            user = self.fake.add_user(f"bench-new-{self.next_user}")
        else:
            user = self.users[self.next_user % len(self.users)]
        question = self.questions[self.next_question % len(self.questions)]
        self.next_user += 1
        self.next_question += 1
        return user, question

    async def ask(self, phase: str, fresh_user: bool = False) -> Sent:
        user, question = self._pick(fresh_user)
        in_guild = not (self.split and self.next_question % 2)
        payload = self.fake.slash_command("ask", {"question": question}, user=user, guild=in_guild)
        await self.fake.dispatch("INTERACTION_CREATE", payload)
        token = payload["token"]
        item = Sent("ask", phase, token, self.fake.interactions[token].created, in_guild=in_guild)
        self.by_token[token] = item
        self.sent.append(item)
        self.collect()
        return item

    async def mention(self, phase: str) -> Sent:
        user, question = self._pick()
        bot_user = self.fake.bot_user  # mentions given: questions may hold <@id> of users the fake does not know
        payload = self.fake.message_create(f"<@{bot_user['id']}> {question}", author=user, mentions=[bot_user])
        started = time.monotonic()
        item = Sent("mention", phase, payload["id"], started)
        self.by_message[payload["id"]] = item
        self.sent.append(item)
        await self.fake.dispatch("MESSAGE_CREATE", payload)
        return item

    def collect(self) -> None:
        """Match the requests the fake recorded since the last call to what was sent."""
        requests = self.fake.requests
        for rec in requests[self._seen:]:
            if rec.method != "POST":
                continue
            found = _CALLBACK.match(rec.path)
            if found:
                item = self.by_token.get(found.group(2))
                if item is not None and item.status is None:
                    item.status = rec.status
                    if rec.status == 200:
                        item.answered = rec.time
                        flags = ((rec.json or {}).get("data") or {}).get("flags") or 0
                        item.ephemeral = bool(flags & 64)
                    item.done.set()
                continue
            if _CHANNEL_POST.match(rec.path):
                ref = ((rec.json or {}).get("message_reference") or {}).get("message_id")
                item = self.by_message.get(str(ref)) if ref is not None else None
                if item is not None and item.status is None:
                    item.status, item.answered = rec.status, rec.time
                    item.done.set()
        self._seen = len(requests)

    async def collector(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.collect()
            await asyncio.sleep(0.002)
        self.collect()

    async def settle(self, phase: str, timeout: float) -> None:
        """Wait (bounded) until everything sent in `phase` has a response."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.collect()
            if all(s.status is not None for s in self.sent if s.phase == phase):
                return
            await asyncio.sleep(0.01)


async def sustained(load: Load, rate: float, mention_rate: float, duration: float) -> float:
    """Open loop on a fixed schedule; returns the wall time it took to send everything."""
    schedule = [(k / rate, "ask") for k in range(int(rate * duration))]
    if mention_rate > 0:
        schedule += [((k + 0.5) / mention_rate, "mention") for k in range(int(mention_rate * duration))]
    schedule.sort()
    start = time.monotonic()
    for offset, kind in schedule:
        delay = start + offset - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        if kind == "ask":
            await load.ask("sustained")
        else:
            await load.mention("sustained")
    return time.monotonic() - start


async def saturation(load: Load, concurrency: int, duration: float) -> float:
    """Closed loop: each of `concurrency` users asks again as soon as it is answered."""
    end = time.monotonic() + duration

    async def user() -> None:
        while time.monotonic() < end:
            item = await load.ask("saturation", fresh_user=True)
            with contextlib.suppress(TimeoutError):  # counted as missed in the report
                await asyncio.wait_for(item.done.wait(), DEADLINE + 2)

    start = time.monotonic()
    await asyncio.gather(*(user() for _ in range(concurrency)))
    return time.monotonic() - start


async def phases(load: Load, args: argparse.Namespace) -> dict[str, float]:
    """The sustained phase, then (unless its duration is 0) saturation; each phase's wall time."""
    walls = {"sustained": await sustained(load, args.rate, args.mention_rate, args.duration)}
    await load.settle("sustained", DEADLINE + 2)
    if args.saturation_duration > 0:
        walls["saturation"] = await saturation(load, args.concurrency, args.saturation_duration)
        await load.settle("saturation", DEADLINE + 2)
    return walls


def _summary(items: list[Sent], wall: float) -> dict[str, Any]:
    lat = [s.latency_ms for s in items if s.latency_ms is not None and s.status == 200]
    late = [s for s in items if s.kind == "ask" and (s.status != 200 or (s.latency_ms or 0) > DEADLINE * 1000)]
    return {
        "sent": len(items),
        "answered": len(lat),
        "rate": len(items) / wall if wall > 0 else 0.0,
        "answered_rate": len(lat) / wall if wall > 0 else 0.0,
        "p50": percentile(lat, 50), "p90": percentile(lat, 90), "p99": percentile(lat, 99),
        "max": max(lat) if lat else float("nan"),
        "missed": len(late) if items and items[0].kind == "ask" else sum(s.status != 200 for s in items),
        "cooldown": sum(s.ephemeral for s in items),
    }


async def run(args: argparse.Namespace) -> int:
    from bot.config import Config, DiscordSettings
    from bot.discordbot.runner import build_bot
    from tests.fakediscord import FakeDiscord, run_bot

    cases = [c for name in QUESTION_SETS for c in load_cases(name)]
    questions = [c["q"].replace("\n", " ").strip() or "hi" for c in cases]
    random.Random(args.seed).shuffle(questions)

    errors = ErrorCounter()
    for name in ("discord", "faqbot"):
        logging.getLogger(name).addHandler(errors)
    fake = FakeDiscord(interaction_deadline=DEADLINE)
    await fake.start()
    users = [fake.add_user(f"bench-{i}") for i in range(args.users)]
    load = Load(fake, users, questions)
    results: list[list[Any]] = []
    walls: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="faqbot-discord-bench-") as tmp:
        config = Config(
            knowledge=KNOWLEDGE,
            discord=DiscordSettings(sync_state_file=str(Path(tmp) / "synced.sha256")),
            database=Path(tmp) / "records.sqlite3",
        )
        bot = build_bot(config, guild_ready_timeout=0.05)
        stop = asyncio.Event()
        try:
            async with run_bot(bot, fake, error_loggers=(), require_answers=False):
                await bot.tree.sync()
                collector = asyncio.create_task(load.collector(stop))
                for _ in range(3):  # warm-up, not counted: first-call costs of the command path
                    await (await load.ask("warmup")).done.wait()
                walls.update(await phases(load, args))
                stop.set()
                await collector
                await asyncio.sleep(0.2)  # let records and echoes finish before the bot closes
        finally:
            bot.records.close()
            await fake.stop()
            for name in ("discord", "faqbot"):
                logging.getLogger(name).removeHandler(errors)

    rows = []
    for phase, kind, label in (("sustained", "ask", "sustained /ask"), ("sustained", "mention", "sustained mentions"),
                               ("saturation", "ask", f"saturation /ask, {args.concurrency} users")):
        items = [s for s in load.sent if s.phase == phase and s.kind == kind]
        if not items:
            continue
        r = _summary(items, walls[phase])
        rows.append([label, r["sent"], f"{walls[phase]:.1f}", f"{r['rate']:.1f}", r["answered"],
                     f"{r['answered_rate']:.1f}", f"{r['p50']:.1f}", f"{r['p90']:.1f}", f"{r['p99']:.1f}",
                     f"{r['max']:.1f}", r["missed"], r["cooldown"]])
        results.append([phase, kind, r])

    print("## Discord load (loopback FakeDiscord, real bot)\n")
    print(f"Sustained: /ask at {args.rate:g}/s plus mentions at {args.mention_rate:g}/s for {args.duration:g} s from "
          f"{args.users} users in turn; saturation: {args.concurrency} users in a closed loop for "
          f"{args.saturation_duration:g} s. Latency: dispatch to the bot's response arriving at the fake. "
          f"\"missed\" = /ask answered later than {DEADLINE:g} s or not at all (mentions: not answered).\n")
    print(table(["phase", "sent", "wall s", "sent/s", "answered", "answered/s", "p50 ms", "p90 ms", "p99 ms",
                 "max ms", "missed", "cooldown replies"], rows))
    print()
    sus = next((r for p, k, r in results if p == "sustained" and k == "ask"), None)
    sustained_ok = (
        sus is not None and sus["missed"] == 0 and sus["answered"] == sus["sent"]
        and walls["sustained"] <= args.duration * 1.05 + 1
    )
    checks = [[f"no /ask misses the {DEADLINE:g} s deadline at {args.rate:g}/s for {args.duration:g} s",
               f"{sus['missed'] if sus else '-'} missed of {sus['sent'] if sus else '-'}; "
               f"schedule kept: {walls['sustained']:.1f} s for {args.duration:g} s",
               "PASS" if sustained_ok else "FAIL"]]
    print("### Check\n")
    print(table(["check", "measured", "result"], checks, [False, False, True]))
    print(f"\nErrors logged by the bot: {len(errors.messages)}")
    for message in errors.messages[:5]:
        print(f"  {message}")
    return 0


# -- multi-process mode: the bot as `faqbot run` processes, shards split between them -----------------


def _fake_with_guild_on_shard(shard: int, count: int) -> Any:
    """A FakeDiscord whose server's events go to `shard` (DMs always go to shard 0), so guild and DM
    traffic land in different processes when the shards are split."""
    from tests.fakediscord import FakeDiscord

    while True:
        fake = FakeDiscord(interaction_deadline=DEADLINE)
        if (fake.guild_id >> 22) % count == shard:
            return fake


async def _processes_run(args: argparse.Namespace, processes: int, database: str, tmp: Path,
                         questions: list[str]) -> tuple[dict[str, dict[str, Any]], dict[str, float], int]:
    """One measurement: `processes` bot processes serving 2 shards (one process: both)."""
    import os

    fake = _fake_with_guild_on_shard(1, 2)
    await fake.start()
    users = [fake.add_user(f"bench-{i}") for i in range(args.users)]
    load = Load(fake, users, questions, split=True)
    shard_sets = [[0, 1]] if processes == 1 else [[0], [1]]
    env = {**os.environ, "DISCORD_TOKEN": "MTAx.bench.token", "FAQBOT_API_BASE": fake.api_base,
           "FAQBOT_GATEWAY_URL": fake.gateway_url, "PYTHONUNBUFFERED": "1"}
    running: list[asyncio.subprocess.Process] = []
    logs: list[Path] = []
    walls: dict[str, float] = {}
    try:
        for n, shard_ids in enumerate(shard_sets):
            config = tmp / f"config-{processes}-{n}.yaml"
            config.write_text(
                f"knowledge: {KNOWLEDGE}\ndatabase: '{database}'\n"
                f"discord:\n  sync_state_file: {tmp / f'synced-{processes}-{n}'}\n"
                f"  shard_count: 2\n  shard_ids: {shard_ids}\n", encoding="utf-8")
            log = tmp / f"bot-{processes}-{n}.log"
            logs.append(log)
            with log.open("wb") as out:
                running.append(await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "bot", "--config", str(config), "run", env=env, cwd=tmp,
                    stdout=out, stderr=asyncio.subprocess.STDOUT))
        end = time.monotonic() + 60
        while len(fake.sessions) < 2:  # both shards identified (one process or two)
            if time.monotonic() > end or any(p.returncode is not None for p in running):
                raise RuntimeError(f"the bot processes did not connect; see {logs}")
            await asyncio.sleep(0.1)
        stop = asyncio.Event()
        collector = asyncio.create_task(load.collector(stop))
        await _until_both_answer(load)
        walls.update(await phases(load, args))
        stop.set()
        await collector
    finally:
        for process in running:
            if process.returncode is None:
                process.terminate()
        for process in running:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(process.wait(), 30)
        await fake.stop()
    errors = sum(line.count(" ERROR ") + line.count("Traceback") for log in logs
                 for line in log.read_text(encoding="utf-8", errors="replace").splitlines())
    results = {}
    for phase in walls:
        items = [s for s in load.sent if s.phase == phase and s.kind == "ask"]
        results[phase] = _summary(items, walls[phase])
    return results, walls, errors


async def _until_both_answer(load: Load, timeout: float = 60.0) -> None:
    """Warm-up, not counted: ask (in the server and in a DM) until both shards' processes answer."""
    end = time.monotonic() + timeout
    answered = {True: False, False: False}
    while not all(answered.values()):
        if time.monotonic() > end:
            raise RuntimeError("the bot processes did not answer within 60 s (see their logs)")
        item = await load.ask("warmup")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(item.done.wait(), 2)
        if item.status == 200:
            answered[item.in_guild] = True


async def run_processes(args: argparse.Namespace) -> int:
    """1 process serving both shards against 2 processes with one shard each, same run, SQLite and
    (with --postgres) PostgreSQL."""
    cases = [c for name in QUESTION_SETS for c in load_cases(name)]
    questions = [c["q"].replace("\n", " ").strip() or "hi" for c in cases]
    random.Random(args.seed).shuffle(questions)
    rows: list[list[Any]] = []
    with tempfile.TemporaryDirectory(prefix="faqbot-discord-bench-") as tmp_name, contextlib.ExitStack() as stack:
        tmp = Path(tmp_name)
        databases = [("SQLite", str(tmp / "records.sqlite3"))]
        if args.postgres:
            from tests.postgres import cluster

            databases.append(("PostgreSQL", stack.enter_context(cluster())))
        for backend, database in databases:
            for processes in (1, 2):
                results, walls, errors = await _processes_run(args, processes, database, tmp, questions)
                for phase, r in results.items():
                    label = "sustained" if phase == "sustained" else f"saturation, {args.concurrency} users"
                    rows.append([backend, processes, label, r["sent"], f"{walls[phase]:.1f}",
                                 f"{r['answered_rate']:.1f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}",
                                 f"{r['max']:.1f}", r["missed"], errors])
    print("## Discord load, bot processes (loopback FakeDiscord, `faqbot run` as real processes)\n")
    print(f"Two shards, served by one process or by two (one shard each). Half of the /ask interactions come "
          f"from the server (shard 1), half from DMs (shard 0); mentions at {args.mention_rate:g}/s in the "
          f"server. Sustained: /ask at {args.rate:g}/s for {args.duration:g} s; saturation: {args.concurrency} "
          f"users in a closed loop for {args.saturation_duration:g} s. The fake runs in the benchmark's own "
          f"process on the same cores. PostgreSQL is the tests' private cluster (fsync off). \"missed\" = /ask "
          f"answered later than {DEADLINE:g} s or not at all; \"errors\" = ERROR lines in the bots' logs.\n")
    print(table(["records", "processes", "phase", "sent", "wall s", "answered/s", "p50 ms", "p99 ms", "max ms",
                 "missed", "errors"], rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=20.0, help="/ask interactions per second (default 20)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of sustained load (default 30)")
    parser.add_argument("--mention-rate", type=float, default=5.0, help="mentions per second on top (default 5)")
    parser.add_argument("--users", type=int, default=400, help="users taking turns (default 400)")
    parser.add_argument("--concurrency", type=int, default=20, help="closed-loop users in saturation (default 20)")
    parser.add_argument("--saturation-duration", type=float, default=10.0,
                        help="seconds of the closed-loop phase; 0 skips it (default 10)")
    parser.add_argument("--seed", type=int, default=5, help="question order seed")
    parser.add_argument("--processes", action="store_true",
                        help="run the bot as real processes: 1 process with 2 shards against 2 with one each")
    parser.add_argument("--postgres", action="store_true",
                        help="with --processes: also with records in a private PostgreSQL cluster")
    args = parser.parse_args(argv)
    if args.rate <= 0 or args.duration <= 0 or args.duration > 3600 or args.users < 1 or args.concurrency < 1:
        parser.error("rate and duration must be positive (duration at most 3600 s), users and concurrency >= 1")
    return asyncio.run(run_processes(args) if args.processes else run(args))


if __name__ == "__main__":
    sys.exit(main())
