"""Sending that can never ping anyone or overflow Discord's limits, and survives refused embeds."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import discord

from bot.rendering.discord_limits import clamp_content

log = logging.getLogger("faqbot.discord")

NO_MENTIONS = discord.AllowedMentions.none()


async def respond(
    interaction: discord.Interaction, content: str | None = None, *, embeds: Sequence[discord.Embed] = (),
    view: discord.ui.View | None = None, ephemeral: bool = False,
) -> None:
    """Answer an interaction, as its first response or, if it was deferred, as a followup. If Discord
    refuses the embeds (a 400, as some compatible servers do), the same words go as plain text."""
    try:
        await _send(interaction, clamp_content(content), list(embeds), view, ephemeral)
    except discord.HTTPException as exc:
        if exc.status != 400 or not embeds:
            raise
        log.warning("Discord refused a reply's embeds (%s); sent it as plain text", exc.text or exc.status)
        await _send(interaction, clamp_content(as_text(content, embeds)), [], view, ephemeral)


async def _send(interaction: discord.Interaction, content: str | None, embeds: list[discord.Embed],
                view: discord.ui.View | None, ephemeral: bool) -> None:
    shown: Any = view if view is not None else discord.utils.MISSING
    if interaction.response.is_done():
        text: Any = content if content is not None else discord.utils.MISSING
        await interaction.followup.send(content=text, embeds=embeds, view=shown, ephemeral=ephemeral,
                                        allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(content=content, embeds=embeds, view=shown, ephemeral=ephemeral,
                                                allowed_mentions=NO_MENTIONS)


async def reply_to(
    message: discord.Message, content: str | None = None, *, embeds: Sequence[discord.Embed] = (),
    view: discord.ui.View | None = None,
) -> discord.Message:
    """Reply to a message without pinging its author or anyone it mentions (plain text if the
    embeds are refused, as in respond)."""
    shown: Any = view if view is not None else discord.utils.MISSING
    try:
        return await message.reply(content=clamp_content(content), embeds=list(embeds), view=shown,
                                   allowed_mentions=NO_MENTIONS, mention_author=False)
    except discord.HTTPException as exc:
        if exc.status != 400 or not embeds:
            raise
        log.warning("Discord refused a reply's embeds (%s); sent it as plain text", exc.text or exc.status)
        return await message.reply(content=clamp_content(as_text(content, embeds)), embeds=[], view=shown,
                                   allowed_mentions=NO_MENTIONS, mention_author=False)


def as_text(content: str | None, embeds: Sequence[discord.Embed]) -> str:
    """The words of a reply's embeds as plain message text, for when the embeds are refused."""
    parts = [content] if content else []
    for embed in embeds:
        if embed.title:
            parts.append(f"**{embed.title}**")
        if embed.description:
            parts.append(embed.description)
        parts.extend(f"{field.name}: {field.value}" for field in embed.fields)
        if embed.footer.text:
            parts.append(embed.footer.text)
    return "\n".join(parts)
