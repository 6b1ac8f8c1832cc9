"""Running the real faqbot Discord layer against the loopback FakeDiscord."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.config import Config, DiscordSettings
from bot.discordbot.app import FaqBot
from bot.discordbot.runner import build_bot, sync_tree
from tests.conftest import KNOWLEDGE
from tests.fakediscord import FakeDiscord, Request, run_bot


def make_config(tmp_path: Path, **discord: Any) -> Config:
    settings = replace(DiscordSettings(sync_state_file=str(tmp_path / "synced.sha256")), **discord)
    return Config(knowledge=KNOWLEDGE, discord=settings, database=tmp_path / "records.sqlite3")


@asynccontextmanager
async def running_bot(fake: FakeDiscord, config: Config,
                      error_loggers: tuple[str, ...] = ("discord", "faqbot")) -> AsyncIterator[FaqBot]:
    """The bot `faqbot run` builds, connected to the fake, with its commands synced globally."""
    bot = build_bot(config, guild_ready_timeout=0.05)
    try:
        async with run_bot(bot, fake, error_loggers=error_loggers):
            await sync_tree(bot)
            yield bot
    finally:
        bot.records.close()


async def callback_of(fake: FakeDiscord, interaction: dict[str, Any]) -> Request:
    """The bot's response to one interaction (the POST to its callback route)."""
    return await fake.wait_for_request(
        lambda r: r.status == 200, method="POST", path=rf"^/interactions/{interaction['id']}/[^/]+/callback$"
    )


async def followup_of(fake: FakeDiscord, interaction: dict[str, Any]) -> Request:
    return await fake.wait_for_request(
        lambda r: r.status == 200, method="POST", path=rf"^/webhooks/\d+/{interaction['token']}$"
    )
