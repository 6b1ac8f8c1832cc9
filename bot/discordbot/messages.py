"""Questions in messages: a mention of the bot, a DM, or any message in an auto-answer channel."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot import wording
from bot.discordbot.sending import reply_to
from bot.rendering import discord_embed

if TYPE_CHECKING:
    from bot.discordbot.app import FaqBot


class MessageAnswers(commands.Cog):
    def __init__(self, bot: FaqBot) -> None:
        self.bot = bot
        self._told_to_wait: set[int] = set()

    def _question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot, or None if it is not addressed to the bot."""
        me = self.bot.user
        if me is None or message.author.bot or message.author.id == me.id:
            return None
        is_dm = message.guild is None
        mentioned = any(user.id == me.id for user in message.mentions)
        auto = message.channel.id in self.bot.config.discord.auto_answer_channels
        if not (is_dm or mentioned or auto):
            return None
        return re.sub(rf"<@!?{me.id}>", " ", message.content).strip()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        question = self._question_in(message)
        if question is None:
            return
        via = "dm" if message.guild is None else "mention"
        if not question:
            embed = discord_embed.help_embed(wording.help_commands(self.bot.service.answerer.scope),
                                             wording.scope(self.bot.service.answerer.scope))
            await reply_to(message, embeds=[embed])
            return
        retry = self.bot.cooldowns.retry_after(message.author.id)
        if retry is not None:
            if message.author.id not in self._told_to_wait:  # say it once, not once per message
                self._told_to_wait.add(message.author.id)
                await reply_to(message, wording.cooldown(math.ceil(retry)))
            return
        self._told_to_wait.discard(message.author.id)
        reply = self.bot.ask(question, via, message.author.id)
        embeds, view = self.bot.render(reply)
        await reply_to(message, embeds=embeds, view=view)
