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
        # who was told to wait, so a burst of messages gets one "slow down", not one each; a
        # bounded mapping like the cooldowns', so people who never ask again are forgotten
        self._told_to_wait: commands.CooldownMapping[int] = commands.CooldownMapping(
            commands.Cooldown(1, services.config.discord.cooldown_seconds), lambda user_id: user_id)

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
            if not self._already_told(message.author.id):  # say it once, not once per message
                await reply_to(message, wording.cooldown(math.ceil(retry)))
            return
        reply = self.services.ask(question, via, message.author.id)
        embeds, view = reply_message(reply)
        await reply_to(message, embeds=embeds, view=view)

    def _already_told(self, user_id: int) -> bool:
        """Whether this user was told to wait within the cooldown (and count this telling if not)."""
        now = time.monotonic()
        bucket = self._told_to_wait.get_bucket(user_id, now)
        return bucket is not None and bucket.update_rate_limit(now) is not None
