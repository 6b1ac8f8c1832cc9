"""Questions in messages: a mention of the bot, a DM, or any message in an auto-answer channel."""

from __future__ import annotations

import math
import re
import time

import discord
from discord.ext import commands

from bot import wording
from bot.discordbot.commands import help_embed
from bot.discordbot.sending import reply_to
from bot.discordbot.services import Services, services_of
from bot.discordbot.views import reply_message


async def setup(bot: commands.Bot) -> None:
    """Loaded by FaqBot.setup_hook as an extension (bot.load_extension)."""
    await bot.add_cog(MessageAnswers(bot, services_of(bot)))


class MessageAnswers(commands.Cog):
    def __init__(self, bot: commands.Bot, services: Services) -> None:
        self.bot = bot
        self.services = services
        # who was told to wait, and when: a burst of messages gets one "slow down", not one each;
        # forgotten once the cooldown is over, so people who never ask again are not kept
        self._told_to_wait: dict[int, float] = {}

    def _question_in(self, message: discord.Message) -> str | None:
        """The question a message asks the bot, or None if it is not addressed to the bot."""
        me = self.bot.user
        if me is None or message.author.bot or message.author.id == me.id:
            return None
        is_dm = message.guild is None
        mentioned = any(user.id == me.id for user in message.mentions)
        auto = message.channel.id in self.services.config.discord.auto_answer_channels
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
            await reply_to(message, embeds=[help_embed(self.services)])
            return
        retry = self.services.cooldowns.retry_after(message.author.id)
        if retry is not None:
            if self._first_telling(message.author.id):  # say it once, not once per message
                await reply_to(message, wording.cooldown(math.ceil(retry)))
            return
        self._told_to_wait.pop(message.author.id, None)  # asked in time again: a later burst is told again
        reply = self.services.ask(question, via, message.author.id)
        embeds, view = reply_message(reply)
        await reply_to(message, embeds=embeds, view=view)

    def _first_telling(self, user_id: int) -> bool:
        """True (and remembered) unless this user was already told to wait within the cooldown."""
        now = time.monotonic()
        per = self.services.config.discord.cooldown_seconds
        self._told_to_wait = {user: at for user, at in self._told_to_wait.items() if now - at < per}
        if user_id in self._told_to_wait:
            return False
        self._told_to_wait[user_id] = now
        return True
