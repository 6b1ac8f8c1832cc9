"""How failures reach people: one handler for every slash command and one wrapper for every component
and modal. The user gets one clear line, the log the details."""

from __future__ import annotations

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
            message = str(error) or wording.command_not_here()
        elif isinstance(original, RecordsUnavailable):
            log.warning("/%s: %s", interaction.command.qualified_name if interaction.command else "?", original)
            message = wording.records_down()
        elif isinstance(error, app_commands.TransformerError):
            message = wording.option_value_refused()
        else:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("command /%s failed", command, exc_info=error)
            message = wording.error()
        await tell_error(interaction, message)


async def tell_error(interaction: discord.Interaction, message: str | None = None) -> None:
    """One clear line for the user (privately); the details are already in the log."""
    try:
        await respond(interaction, message or wording.error(), ephemeral=True)
    except discord.HTTPException:
        log.warning("could not tell the user about an error")


async def report_errors(interaction: discord.Interaction, action: Awaitable[object], what: str) -> None:
    """Run a component's or modal's work (discord.py would only log a failure, leaving the click
    unanswered): an unexpected failure is logged and the user told in one line."""
    try:
        await action
    except RecordsUnavailable as exc:
        log.warning("%s: %s", what, exc)
        await tell_error(interaction, wording.records_down())
    except Exception:
        log.exception("%s failed", what)
        await tell_error(interaction)
