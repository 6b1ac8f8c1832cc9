"""Who may moderate: a moderator of a moderating guild, checked on every interaction."""

from __future__ import annotations

import logging

import discord

from bot import wording
from bot.config import DiscordSettings
from bot.discordbot.sending import respond
from bot.discordbot.services import services_of
from bot.editing.service import Actor

log = logging.getLogger("faqbot.moderation")



def refusal(interaction: discord.Interaction, settings: DiscordSettings) -> str | None:
    """Why this interaction may not moderate, or None if it may: it must come from a moderating
    guild, from a member with Manage Server (or Administrator) there or a moderator role."""
    if not settings.moderation_guilds:
        return wording.mod_off()
    if interaction.guild_id is None or interaction.guild_id not in settings.moderation_guilds:
        return wording.mod_wrong_guild()
    perms = interaction.permissions
    if perms.manage_guild or perms.administrator:
        return None
    roles = getattr(interaction.user, "roles", None) or []
    if any(role.id in settings.moderator_roles for role in roles):
        return None
    return wording.mod_refused()


def is_moderator(interaction: discord.Interaction, settings: DiscordSettings) -> bool:
    return refusal(interaction, settings) is None


async def require_moderator(interaction: discord.Interaction) -> bool:
    """True for moderators; anyone else is told so (ephemerally) and nothing happens."""
    why = refusal(interaction, services_of(interaction.client).config.discord)
    if why is None:
        return True
    log.info("refused a moderator action (interaction type %s, guild %s)", interaction.type.name,
             interaction.guild_id)
    await respond(interaction, why, ephemeral=True)
    return False


def actor_of(interaction: discord.Interaction) -> Actor:
    """The moderator as history records them; Records drops the id unless store_user_ids is set."""
    return Actor(interaction.user.display_name, interaction.user.id)
