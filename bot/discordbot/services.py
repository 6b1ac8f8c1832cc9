"""What the cogs and buttons work with, handed to them by the bot that builds it.

Cogs, buttons and forms take a Services (or find it on `interaction.client`) instead of importing
the bot class: the bot wires them, they never call back into it.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol, cast

import discord

from bot import wording
from bot.answering import AnswerService
from bot.config import Config
from bot.discordbot.cooldowns import UserCooldowns
from bot.discordbot.sending import respond
from bot.records.database import Records
from bot.reply import Reply

log = logging.getLogger("faqbot.discord")

Background = Callable[[Coroutine[Any, Any, None]], None]


@dataclass(frozen=True, slots=True)
class Services:
    config: Config
    records: Records
    answering: AnswerService
    cooldowns: UserCooldowns
    in_background: Background  # start work without waiting for it (FaqBot.in_background)

    def ask(self, question: str, via: str, user_id: int | None) -> Reply:
        """Answer (bot/answering.py); an unanswered question is recorded off the event loop."""
        reply = self.answering.ask(question, via)
        if self.answering.wants_recording(reply):
            self.in_background(self._record_unanswered(reply, user_id))
        return reply

    async def _record_unanswered(self, reply: Reply, user_id: int | None) -> None:
        try:
            await asyncio.to_thread(self.answering.record, reply, user_id)
        except Exception:
            log.exception("could not record an unanswered question")

    async def on_cooldown(self, interaction: discord.Interaction) -> bool:
        """True (and the user told, privately) if this user is asking too fast."""
        retry = self.cooldowns.retry_after(interaction.user.id)
        if retry is None:
            return False
        await respond(interaction, wording.cooldown(math.ceil(retry)), ephemeral=True)
        return True


class _Serving(Protocol):
    services: Services


def services_of(client: discord.Client) -> Services:
    """The Services of the bot an interaction or a cog belongs to (FaqBot sets `services`)."""
    return cast(_Serving, client).services
