"""/faqadmin: moderators keep the FAQ current from Discord; plus the mod-log and the folder watcher.

Where: only in the FAQ's own server(s), `discord.moderation_guilds` (the FAQ is shared by every
server the bot is in, so an admin of another one must not edit it); /faqadmin is registered
there only, as a guild command, and without the setting moderation is off.
Who may: members with a role in `discord.moderator_roles`, or Manage Server there. Both are
checked here, in code, on every moderator interaction: each command, autocomplete, button click
and modal submission (default_permissions is only a hint a server admin can change). Anyone
else gets an ephemeral refusal and nothing changes.

Everything that touches the knowledge runs in bot/editing (validated, atomic, version-checked,
recorded); this package answers the moderator with what it returns, in words from bot/wording.py.
This module is the extension: its setup adds the folder watcher and the /faqadmin cog.
"""

import asyncio
import logging

import discord
from discord.ext import commands

from bot.discordbot.moderation.cog import ModerationCommands
from bot.discordbot.moderation.modlog import ModLog
from bot.discordbot.moderation.watcher import KnowledgeWatcher
from bot.discordbot.services import services_of
from bot.editing.service import EditingService

__all__ = ["setup"]

log = logging.getLogger("faqbot.moderation")


async def setup(bot: commands.Bot) -> None:
    """Loaded by FaqBot.setup_hook as an extension (unloading it removes both cogs): reads the
    folder once (off the event loop); the watcher and the mod-log run always; /faqadmin is a guild
    command of the moderating guilds, and off without any."""
    services = services_of(bot)
    settings = services.config.discord
    # with shards in several processes, the one serving the moderating guild records changes
    writer = not settings.moderation_guilds or any(settings.serves(g) for g in settings.moderation_guilds)
    editing = await asyncio.to_thread(EditingService, services.answering.knowledge, services.records, None, writer)
    modlog = ModLog(bot, settings)
    await bot.add_cog(KnowledgeWatcher(bot, services, editing, modlog))
    moderating = [discord.Object(id=guild) for guild in settings.moderation_guilds]
    if moderating:
        await bot.add_cog(ModerationCommands(bot, services, editing, modlog), guilds=moderating)
        return
    await bot.add_cog(ModerationCommands(bot, services, editing, modlog))
    bot.tree.remove_command("faqadmin")
    log.warning("moderation from Discord is off: set discord.moderation_guilds to the FAQ's own "
                "server id(s) to enable /faqadmin there")
