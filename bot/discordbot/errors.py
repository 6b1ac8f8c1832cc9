"""One error handler for every slash command: the user gets one clear line, the log the details."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable

import discord
from discord import app_commands

from bot import wording
from bot.discordbot.sending import respond
from bot.records.database import RecordsUnavailable

log = logging.getLogger("faqbot.discord")


def install_error_handler(tree: app_commands.CommandTree[discord.Client]) -> None:
    @tree.error
    async def on_app_command_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        original = getattr(error, "original", None)
        if isinstance(error, app_commands.CheckFailure):
            message = str(error) or "You can't use this command here."
        elif isinstance(original, RecordsUnavailable):
            log.warning("/%s: %s", interaction.command.qualified_name if interaction.command else "?", original)
            message = wording.records_down()
        elif isinstance(error, app_commands.TransformerError):
            message = "That value doesn't fit this option; pick one from the list."
        else:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("command /%s failed", command, exc_info=error)
            message = wording.error()
        try:
            await respond(interaction, message, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell the user about an error in /%s", interaction.command)


async def guarded(interaction: discord.Interaction, action: Awaitable[None], what: str) -> None:
    """Run a button's work; if it fails, tell the clicker in one line and log the details."""
    try:
        await action
    except discord.HTTPException:
        log.exception("Discord refused the response to %s", what)
    except Exception:
        log.exception("%s failed", what)
        with contextlib.suppress(discord.HTTPException):
            await respond(interaction, wording.error(), ephemeral=True)
