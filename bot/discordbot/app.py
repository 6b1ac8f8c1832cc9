"""The Discord bot: one commands.Bot that renders the core's replies and never words its own."""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable, Coroutine
from typing import Any

import discord
from discord.ext import commands, tasks

from bot import summaries, wording
from bot.answering import AnswerService
from bot.config import Config
from bot.discordbot import views
from bot.discordbot.cooldowns import UserCooldowns
from bot.discordbot.sending import NO_MENTIONS, respond
from bot.knowledge.service import KnowledgeService
from bot.records.database import Records, RecordsUnavailable
from bot.rendering import discord_embed
from bot.reply import Outcome, Reply

log = logging.getLogger("faqbot.discord")

PAGE_SIZE = 10


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
        self.answering = AnswerService(service, records)
        self.cooldowns = UserCooldowns(config.discord.cooldown_rate, config.discord.cooldown_seconds)
        self._background: set[asyncio.Task[None]] = set()

    async def setup_hook(self) -> None:
        from bot.discordbot.commands import QuestionCommands
        from bot.discordbot.errors import install_error_handler
        from bot.discordbot.messages import MessageAnswers
        from bot.discordbot.moderation import ModerationCommands

        self.add_dynamic_items(*views.DYNAMIC_ITEMS)
        await self.add_cog(QuestionCommands(self))
        await self.add_cog(MessageAnswers(self))
        # /faqadmin (a guild command, in the moderating guilds only), the mod-log, the knowledge watcher
        moderating = [discord.Object(id=guild) for guild in self.config.discord.moderation_guilds]
        if moderating:
            await self.add_cog(ModerationCommands(self), guilds=moderating)
        else:
            await self.add_cog(ModerationCommands(self))
            self.tree.remove_command("faqadmin")
            log.warning("moderation from Discord is off: set discord.moderation_guilds to the FAQ's own "
                        "server id(s) to enable /faqadmin there")
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

    # -- shared by commands, messages and buttons -------------------------------------------

    def ask(self, question: str, via: str, user_id: int | None) -> Reply:
        """Answer (bot/answering.py); an unanswered question is recorded off the event loop."""
        reply = self.answering.ask(question, via)
        if self.answering.wants_recording(reply):
            self.in_background(self._record_unanswered(reply, user_id))
        return reply

    def in_background(self, work: Coroutine[Any, Any, None]) -> None:
        """Start `work` without waiting for it; the reference kept until it ends stops the task
        from being collected half-way."""
        task = self.loop.create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _record_unanswered(self, reply: Reply, user_id: int | None) -> None:
        try:
            await asyncio.to_thread(self.answering.record, reply, user_id)
        except Exception:
            log.exception("could not record an unanswered question")

    def render(self, reply: Reply) -> tuple[list[discord.Embed], discord.ui.View | None]:
        embeds = discord_embed.reply_embeds(reply)
        if reply.outcome is Outcome.SUGGESTIONS:
            return embeds, views.suggestions_view([(s.entry_id, s.question) for s in reply.suggestions])
        if reply.answers:
            return embeds, views.answer_view([a.entry_id for a in reply.answers])
        return embeds, None

    async def on_cooldown(self, interaction: discord.Interaction) -> bool:
        """True (and the user told, ephemerally) if this user is asking too fast."""
        retry = self.cooldowns.retry_after(interaction.user.id)
        if retry is None:
            return False
        await respond(interaction, wording.cooldown(math.ceil(retry)), ephemeral=True)
        return True

    async def answer_entry(self, interaction: discord.Interaction, entry_id: str) -> None:
        """A "did you mean" button: answer the chosen entry."""
        if await self.on_cooldown(interaction):
            return
        reply = self.service.answerer.show(entry_id)
        if reply is None:
            await respond(interaction, wording.entry_gone(), ephemeral=True)
            return
        embeds, view = self.render(reply)
        await respond(interaction, embeds=embeds, view=view, ephemeral=self.config.discord.ephemeral_answers)

    async def record_feedback(self, interaction: discord.Interaction, entry_id: str, helpful: bool) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await asyncio.to_thread(self.records.record_feedback, entry_id, helpful, None, interaction.user.id)
        log.info("feedback entry=%s helpful=%s", entry_id, helpful)
        await respond(interaction, wording.feedback_thanks(helpful), ephemeral=True)

    def page(self, page: int) -> tuple[discord.Embed, discord.ui.View]:
        entries = list(self.service.answerer.knowledge.entries)
        pages = max(math.ceil(len(entries) / PAGE_SIZE), 1)
        page = min(max(page, 0), pages - 1)
        chunk = entries[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        return discord_embed.entries_page_embed(chunk, page, pages, len(entries)), views.pages_view(page, pages)

    async def show_page(self, interaction: discord.Interaction, page: int) -> None:
        embed, view = self.page(page)
        await interaction.response.edit_message(embed=embed, view=view, allowed_mentions=NO_MENTIONS)

    def summaries(self, full: bool, topic: str | None) -> list[summaries.Summary]:
        return summaries.summaries(self.service.answerer.knowledge, full=full, topic=topic)


class ShardedFaqBot(FaqBot, commands.AutoShardedBot):
    """The same bot over several gateway shards (discord.shard_count / shard_ids): one process may
    run some shards of an application, another process the rest."""
