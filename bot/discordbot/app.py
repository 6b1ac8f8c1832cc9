"""The Discord bot: one commands.Bot that wires the services to discord.py and does nothing else."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

import discord
from discord.ext import commands, tasks

from bot.answering import AnswerService
from bot.config import Config
from bot.discordbot import views
from bot.discordbot.cooldowns import UserCooldowns
from bot.discordbot.errors import install_error_handler
from bot.discordbot.sending import NO_MENTIONS
from bot.discordbot.services import Services
from bot.records.database import Records, RecordsUnavailable
from bot.serving import KnowledgeService

log = logging.getLogger("faqbot.discord")


def intents_for(config: Config) -> discord.Intents:
    """Only what the bot uses; message_content (privileged) only for auto-answer channels."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.dm_messages = True
    intents.message_content = bool(config.discord.auto_answer_channels)
    return intents


def survive_malformed_events(state: Any) -> None:
    """One event that discord.py cannot parse (a Discord-compatible server's odd payload) is logged
    and skipped, instead of ending the connection and the bot with it.

    discord.py dispatches each gateway event to ConnectionState.parsers[EVENT_NAME]; a parser that
    raises takes the whole gateway loop down. Each parser is wrapped once, here.
    """
    for name, parser in list(state.parsers.items()):
        state.parsers[name] = _skipping_on_error(name, parser)


def _skipping_on_error(name: str, parser: Callable[[Any], None]) -> Callable[[Any], None]:
    def parse(data: Any) -> None:
        try:
            parser(data)
        except Exception:
            log.warning("skipped a %s event that could not be read", name, exc_info=True)

    return parse


class FaqBot(commands.Bot):
    """Wires the services to discord.py: the cogs (loaded as extensions), the persistent buttons,
    the error handler and the daily purge. The cogs and buttons never call back into it: they work
    with `self.services` (bot/discordbot/services.py)."""

    EXTENSIONS = ("bot.discordbot.commands", "bot.discordbot.messages", "bot.discordbot.moderation")

    def __init__(self, config: Config, service: KnowledgeService, records: Records, **options: Any) -> None:
        if config.discord.application_id is not None:
            # the configured id, not whatever the server's /oauth2/applications/@me says (Spacebar errs)
            options.setdefault("application_id", config.discord.application_id)
        super().__init__(
            # No prefix commands: on_message below never processes them. when_mentioned keeps
            # commands.Bot from warning about the message_content intent it then does not need.
            command_prefix=commands.when_mentioned,
            intents=intents_for(config), help_command=None, allowed_mentions=NO_MENTIONS, **options,
        )
        survive_malformed_events(self._connection)
        self.config = config
        self.service = service
        self.records = records
        self._background: set[asyncio.Task[None]] = set()
        self.services = Services(
            config=config, records=records, answering=AnswerService(service, records),
            cooldowns=UserCooldowns(config.discord.cooldown_rate, config.discord.cooldown_seconds),
            in_background=self.in_background,
        )

    async def setup_hook(self) -> None:
        self.add_dynamic_items(*views.DYNAMIC_ITEMS)
        for extension in self.EXTENSIONS:
            await self.load_extension(extension)
        install_error_handler(self.tree)
        if self.config.retention_days > 0:
            self.purge_old_records.start()

    @tasks.loop(hours=24)
    async def purge_old_records(self) -> None:
        """Delete stored question texts older than `retention_days`: at start, then daily."""
        try:
            removed = await asyncio.to_thread(self.records.purge, self.config.retention_days)
        except RecordsUnavailable as exc:
            log.warning("old records not purged this time: %s", exc)
            return
        if removed:
            log.info("deleted %d stored question(s) and vote(s) older than %d days", removed,
                     self.config.retention_days)

    async def close(self) -> None:
        self.purge_old_records.cancel()
        await super().close()

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: MessageAnswers handles mentions, DMs and auto-answer channels."""

    def in_background(self, work: Coroutine[Any, Any, None]) -> None:
        """Start `work` without waiting for it; the reference kept until it ends stops the task
        from being collected half-way."""
        task = self.loop.create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)


class ShardedFaqBot(FaqBot, commands.AutoShardedBot):
    """The same bot over several gateway shards (discord.shard_count / shard_ids): one process may
    run some shards of an application, another process the rest."""
