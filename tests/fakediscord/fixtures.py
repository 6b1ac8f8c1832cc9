"""pytest glue: the ``fake_discord`` fixture and ``run_bot``, which runs a real discord.py client against it.

Load with ``pytest_plugins = ["tests.fakediscord.fixtures"]`` (root conftest or a test module).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import discord
import pytest_asyncio
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from .server import FakeDiscord

ClientT = TypeVar("ClientT", bound=discord.Client)
T = TypeVar("T")


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started FakeDiscord, stopped after the test."""
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


class ErrorLogCollector(logging.Handler):
    """Collects ERROR records: discord.py logs exceptions from commands, views and listeners
    instead of raising them, so without this a broken command only shows up as a timeout."""

    def __init__(self, fake: FakeDiscord) -> None:
        super().__init__(level=logging.ERROR)
        self.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        self.records: list[logging.LogRecord] = []
        self._fake = fake

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self._fake.abort(AssertionError(f"ERROR logged during the test:\n{self.format(record)}"))

    def report(self) -> str:
        return "\n".join(self.format(r) for r in self.records)


async def _no_identify_delay(shard_id: int | None, *, initial: bool = False) -> None:
    """discord.py sleeps 5 s before every non-initial IDENTIFY; tests re-identify instantly."""


async def _race(aw: Awaitable[T], bot_task: asyncio.Task[Any], what: str) -> T:
    """Await ``aw`` unless the bot task ends first (then surface its exception)."""
    fut = asyncio.ensure_future(aw)
    done, _ = await asyncio.wait({fut, bot_task}, return_when=asyncio.FIRST_COMPLETED)
    if fut in done:
        return fut.result()
    fut.cancel()
    bot_task.result()
    raise RuntimeError(f"bot stopped before {what}")


def _describe(payload: dict[str, Any]) -> str:
    data = payload.get("data") or {}
    return f"type {payload['type']} {data.get('name') or data.get('custom_id')!r} (id {payload['id']})"


@asynccontextmanager
async def run_bot(
    bot: ClientT,
    fake: FakeDiscord,
    *,
    token: str = "fake-token",
    timeout: float = 5.0,
    error_loggers: Sequence[str] = ("discord",),
    require_answers: bool = True,
) -> AsyncIterator[ClientT]:
    """Point discord.py at ``fake``, start ``bot`` and wait for on_ready; on exit close it and
    restore the patched class attributes.

    The block fails if anything logged ERROR under ``error_loggers`` (waits on ``fake`` fail at
    once), or, with ``require_answers``, if an interaction dispatched meanwhile was never
    acknowledged (Discord would show "The application did not respond"). Exiting closes the bot
    without waiting for in-flight handlers, so wait for the effect you test before leaving.
    Use ``guild_ready_timeout=0.05`` on the client: on_ready waits that long after GUILD_CREATE.
    """
    saved = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    Route.BASE = fake.api_base
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    collector = ErrorLogCollector(fake)
    loggers = [logging.getLogger(name) for name in error_loggers]
    for lg in loggers:
        lg.addHandler(collector)
    bot.before_identify_hook = _no_identify_delay  # type: ignore[method-assign]
    mark, known = fake.mark(), set(fake.interactions)
    task = asyncio.create_task(bot.start(token), name="fakediscord-bot")
    failure: BaseException | None = None
    try:
        async with asyncio.timeout(timeout):
            await _race(fake.wait_for_identify(after=mark, timeout=timeout), task, "IDENTIFY")
            await _race(bot.wait_until_ready(), task, "ready")
        yield bot
    except BaseException as exc:
        failure = exc
        raise
    finally:
        await bot.close()
        try:
            await asyncio.wait_for(task, timeout)
        except Exception as exc:  # the bot's own crash matters only if nothing else failed
            if failure is None:
                failure = exc
                raise
        finally:
            Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
            del bot.before_identify_hook
            for lg in loggers:
                lg.removeHandler(collector)
            problems = []
            if collector.records:
                problems.append(f"ERROR logged while the bot ran:\n{collector.report()}")
            unanswered = [i.payload for t, i in fake.interactions.items() if t not in known and not i.acked]
            if require_answers and unanswered and failure is None:
                problems.append("interactions never acknowledged: " + ", ".join(map(_describe, unanswered)))
            if problems and failure is None:
                raise AssertionError("\n".join(problems))
            for problem in problems:
                if problem.splitlines()[-1] not in str(failure):  # already in the message of an aborted wait
                    failure.add_note(problem)  # type: ignore[union-attr]
