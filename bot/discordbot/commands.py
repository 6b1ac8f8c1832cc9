"""Slash commands: /ask, /summary, /sources, /faq list, /faq show, /help."""

from __future__ import annotations

from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot import summaries, wording
from bot.discordbot.sending import respond
from bot.discordbot.services import Services, services_of
from bot.discordbot.views import choice, entries_page, reply_message
from bot.rendering import discord_embed
from bot.rendering.discord_limits import CHOICES_MAX

Choices = list[app_commands.Choice[str]]


async def setup(bot: commands.Bot) -> None:
    """Loaded by FaqBot.setup_hook as an extension (bot.load_extension)."""
    await bot.add_cog(QuestionCommands(bot, services_of(bot)))


class QuestionCommands(commands.Cog):
    def __init__(self, bot: commands.Bot, services: Services) -> None:
        self.bot = bot
        self.services = services
        # a message context menu: discord.py takes these as tree commands, not cog methods
        self.claim_menu = app_commands.ContextMenu(name=wording.CLAIM_MENU, callback=self.check_claim)
        self.claim_menu.allowed_installs = app_commands.AppInstallationType(guild=True, user=True)
        self.claim_menu.allowed_contexts = app_commands.AppCommandContext(guild=True, dm_channel=True,
                                                                          private_channel=True)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.claim_menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.claim_menu.name, type=self.claim_menu.type)

    faq = app_commands.Group(name="faq", description="Browse the FAQ behind the answers")

    # -- /ask ---------------------------------------------------------------------------------

    @app_commands.command(name="ask", description="Ask a question about the article")
    @app_commands.describe(question="Your question, in your own words")
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    async def ask(self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]) -> None:
        if await self.services.on_cooldown(interaction):
            return
        reply = self.services.ask(question, "slash", interaction.user.id)
        embeds, view = reply_message(reply)
        await respond(interaction, embeds=embeds, view=view, ephemeral=self._private(interaction))

    def _private(self, interaction: discord.Interaction) -> bool:
        """Only the asker sees the reply where the bot was not added by the server (a user install,
        a DM, a group DM), or where the config says so."""
        return self.services.config.discord.ephemeral_answers or not interaction.is_guild_integration()

    async def check_claim(self, interaction: discord.Interaction, message: discord.Message) -> None:
        """Right-click a message > Apps > Check with faqbot: what the article says about what it claims."""
        if await self.services.on_cooldown(interaction):
            return
        if not message.content.strip():
            await respond(interaction, wording.claim_without_text(), ephemeral=True)
            return
        reply = self.services.ask(message.content, "claim", interaction.user.id)
        embeds, view = reply_message(reply)
        await respond(interaction, wording.claim_intro(), embeds=embeds, view=view, ephemeral=True)

    @ask.autocomplete("question")
    async def ask_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        return self.question_choices(current)

    def question_choices(self, current: str) -> Choices:
        """FAQ questions closest to what is typed so far (at most 25, each within 100 characters)."""
        return [choice(q, q) for q in self.services.answering.answerer.questions_like(current, CHOICES_MAX)]

    # -- /summary, /sources, /help ---------------------------------------------------------------

    @app_commands.command(name="summary", description="A summary of the story, with its caveat")
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.describe(length="Short (default) or full", topic="Only one topic of the story")
    async def summary(self, interaction: discord.Interaction, length: Literal["short", "full"] = "short",
                      topic: str | None = None) -> None:
        try:
            results = summaries.summaries(self.services.answering.answerer.knowledge, full=length == "full",
                                          topic=topic)
        except summaries.UnknownTopic as exc:
            await respond(interaction, wording.unknown_topic(exc.known), ephemeral=True)
            return
        await respond(interaction, embeds=discord_embed.fit_total([discord_embed.summary_embed(r) for r in results]),
                      ephemeral=self._private(interaction))

    @summary.autocomplete("topic")
    async def topic_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        topics = [t for story in self.services.answering.answerer.knowledge.stories for t in story.topics]
        needle = current.casefold()
        return [choice(t.title, t.id) for t in topics if needle in t.title.casefold() or needle in t.id][:CHOICES_MAX]

    @app_commands.command(name="sources", description="Where the answers come from, and how solid each claim is")
    async def sources(self, interaction: discord.Interaction) -> None:
        overview = summaries.sources_overview(self.services.answering.answerer.knowledge)
        await respond(interaction, embeds=[discord_embed.sources_embed(overview)])

    @app_commands.command(name="help", description="How to ask me questions")
    async def help(self, interaction: discord.Interaction) -> None:
        await respond(interaction, embeds=[help_embed(self.services)], ephemeral=True)

    # -- /faq list, /faq show ----------------------------------------------------------------

    @faq.command(name="list", description="Every question in the FAQ, page by page")
    async def faq_list(self, interaction: discord.Interaction) -> None:
        embed, view = entries_page(self.services.answering.answerer.knowledge, 0)
        await respond(interaction, embeds=[embed], view=view, ephemeral=True)

    @faq.command(name="show", description="Show one FAQ entry")
    @app_commands.describe(entry="The entry (start typing its question)")
    async def faq_show(self, interaction: discord.Interaction, entry: str) -> None:
        reply = self.services.answering.show(entry)
        if reply is None:
            await respond(interaction, wording.unknown_entry(), ephemeral=True)
            return
        embeds, view = reply_message(reply)
        await respond(interaction, embeds=embeds, view=view, ephemeral=True)

    @faq_show.autocomplete("entry")
    async def entry_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        return [choice(e.question, e.id) for e in self.services.answering.answerer.entries_like(current, CHOICES_MAX)]


def help_embed(services: Services) -> discord.Embed:
    """/help, and the reply to a mention with no question in it."""
    scope = services.answering.answerer.scope
    return discord_embed.help_embed(wording.help_commands(scope), wording.scope(scope))
