"""Slash commands: /ask, /summary, /sources, /faq list, /faq show, /help."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands
from rapidfuzz import fuzz, process

from bot import summaries, wording
from bot.discordbot.sending import respond
from bot.rendering import discord_embed
from bot.rendering.discord_limits import CHOICE_MAX, CHOICES_MAX

Choices = list[app_commands.Choice[str]]

if TYPE_CHECKING:
    from bot.discordbot.app import FaqBot



def _choice(name: str, value: str) -> app_commands.Choice[str]:
    return app_commands.Choice(name=name[:CHOICE_MAX], value=value[:CHOICE_MAX])


class QuestionCommands(commands.Cog):
    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot
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
        if await self.bot.on_cooldown(interaction):
            return
        reply = self.bot.ask(question, "slash", interaction.user.id)
        embeds, view = self.bot.render(reply)
        await respond(interaction, embeds=embeds, view=view, ephemeral=self._private(interaction))

    def _private(self, interaction: discord.Interaction) -> bool:
        """Only the asker sees the reply where the bot was not added by the server (a user install,
        a DM, a group DM), or where the config says so."""
        return self.bot.config.discord.ephemeral_answers or not interaction.is_guild_integration()

    async def check_claim(self, interaction: discord.Interaction, message: discord.Message) -> None:
        """Right-click a message > Apps > Check with faqbot: what the article says about what it claims."""
        if await self.bot.on_cooldown(interaction):
            return
        if not message.content.strip():
            await respond(interaction, wording.claim_without_text(), ephemeral=True)
            return
        reply = self.bot.ask(message.content, "claim", interaction.user.id)
        embeds, view = self.bot.render(reply)
        await respond(interaction, wording.claim_intro(), embeds=embeds, view=view, ephemeral=True)

    @ask.autocomplete("question")
    async def ask_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        return self.question_choices(current)

    def question_choices(self, current: str) -> Choices:
        """FAQ questions closest to what is typed so far (at most 25, each within 100 characters)."""
        questions = self.bot.service.answerer.questions
        current = current.strip()
        picks: Sequence[str]
        if not current:
            picks = questions[:CHOICES_MAX]
        else:
            found = process.extract(current, questions, scorer=fuzz.WRatio, limit=CHOICES_MAX, score_cutoff=40)
            picks = [q for q, _, _ in found]
        return [_choice(q, q) for q in picks]

    # -- /summary, /sources, /help ---------------------------------------------------------------

    @app_commands.command(name="summary", description="A summary of the story, with its caveat")
    @app_commands.allowed_installs(guilds=True, users=True)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.describe(length="Short (default) or full", topic="Only one topic of the story")
    async def summary(self, interaction: discord.Interaction, length: Literal["short", "full"] = "short",
                      topic: str | None = None) -> None:
        try:
            results = self.bot.summaries(full=length == "full", topic=topic)
        except summaries.UnknownTopic as exc:
            await respond(interaction, wording.unknown_topic(exc.known), ephemeral=True)
            return
        await respond(interaction, embeds=discord_embed.fit_total([discord_embed.summary_embed(r) for r in results]),
                      ephemeral=self._private(interaction))

    @summary.autocomplete("topic")
    async def topic_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        topics = [t for story in self.bot.service.answerer.knowledge.stories for t in story.topics]
        needle = current.casefold()
        return [_choice(t.title, t.id) for t in topics if needle in t.title.casefold() or needle in t.id][:CHOICES_MAX]

    @app_commands.command(name="sources", description="Where the answers come from, and how solid each claim is")
    async def sources(self, interaction: discord.Interaction) -> None:
        overview = summaries.sources_overview(self.bot.service.answerer.knowledge)
        await respond(interaction, embeds=[discord_embed.sources_embed(overview)])

    @app_commands.command(name="help", description="How to ask me questions")
    async def help(self, interaction: discord.Interaction) -> None:
        embed = discord_embed.help_embed(wording.help_commands(self.bot.service.answerer.scope),
                                             wording.scope(self.bot.service.answerer.scope))
        await respond(interaction, embeds=[embed], ephemeral=True)

    # -- /faq list, /faq show ----------------------------------------------------------------

    @faq.command(name="list", description="Every question in the FAQ, page by page")
    async def faq_list(self, interaction: discord.Interaction) -> None:
        embed, view = self.bot.page(0)
        await respond(interaction, embeds=[embed], view=view, ephemeral=True)

    @faq.command(name="show", description="Show one FAQ entry")
    @app_commands.describe(entry="The entry (start typing its question)")
    async def faq_show(self, interaction: discord.Interaction, entry: str) -> None:
        reply = self.bot.service.answerer.show(entry)
        if reply is None:
            await respond(interaction, wording.unknown_entry(), ephemeral=True)
            return
        embeds, view = self.bot.render(reply)
        await respond(interaction, embeds=embeds, view=view, ephemeral=True)

    @faq_show.autocomplete("entry")
    async def entry_autocomplete(self, interaction: discord.Interaction, current: str) -> Choices:
        answerer = self.bot.service.answerer
        entries = answerer.knowledge.entries
        current = current.strip()
        if not current:
            return [_choice(e.question, e.id) for e in entries[:CHOICES_MAX]]
        found = process.extract(current, answerer.entry_labels, scorer=fuzz.WRatio, limit=CHOICES_MAX,
                                score_cutoff=40)
        return [_choice(entries[i].question, entries[i].id) for _, _, i in found]
