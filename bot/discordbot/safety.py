"""Sending that can never ping anyone or overflow Discord's limits, and per-user cooldowns."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

import discord
from discord import app_commands

log = logging.getLogger("faqbot.discord")

NO_MENTIONS = discord.AllowedMentions.none()
CONTENT_MAX = 2000


def clamp_content(text: str | None) -> str | None:
    if text is None:
        return None
    return text if len(text) <= CONTENT_MAX else text[: CONTENT_MAX - 1] + "\u2026"


async def respond(
    interaction: discord.Interaction, content: str | None = None, *, embeds: Sequence[discord.Embed] = (),
    view: discord.ui.View | None = None, ephemeral: bool = False,
) -> None:
    """Answer an interaction, as its first response or, if it was deferred, as a followup."""
    kwargs: dict[str, object] = {"content": clamp_content(content), "embeds": list(embeds),
                                 "ephemeral": ephemeral, "allowed_mentions": NO_MENTIONS}
    if view is not None:
        kwargs["view"] = view
    try:
        await _send(interaction, kwargs)
    except discord.HTTPException as exc:
        if exc.status != 400 or not embeds:
            raise
        log.warning("Discord refused a reply's embeds (%s); sent it as plain text", exc.text or exc.status)
        await _send(interaction, {**kwargs, "content": clamp_content(as_text(content, embeds)), "embeds": []})


async def _send(interaction: discord.Interaction, kwargs: dict[str, object]) -> None:
    if interaction.response.is_done():
        await interaction.followup.send(**kwargs)  # type: ignore[arg-type]
    else:
        await interaction.response.send_message(**kwargs)  # type: ignore[arg-type]


async def reply_to(
    message: discord.Message, content: str | None = None, *, embeds: Sequence[discord.Embed] = (),
    view: discord.ui.View | None = None,
) -> discord.Message:
    """Reply to a message without pinging its author or anyone it mentions."""
    kwargs: dict[str, object] = {"content": clamp_content(content), "embeds": list(embeds),
                                 "allowed_mentions": NO_MENTIONS, "mention_author": False}
    if view is not None:
        kwargs["view"] = view
    try:
        return await message.reply(**kwargs)  # type: ignore[arg-type]
    except discord.HTTPException as exc:
        if exc.status != 400 or not embeds:
            raise
        log.warning("Discord refused a reply's embeds (%s); sent it as plain text", exc.text or exc.status)
        plain = {**kwargs, "content": clamp_content(as_text(content, embeds)), "embeds": []}
        return await message.reply(**plain)  # type: ignore[arg-type]


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


class UserCooldowns:
    """At most `rate` questions per `per` seconds for each user; anyone over it is told so."""

    def __init__(self, rate: int, per: float) -> None:
        self.rate, self.per = rate, per
        self._buckets: dict[int, app_commands.Cooldown] = {}

    def retry_after(self, user_id: int) -> float | None:
        """Seconds until the user may ask again, or None (and the question is counted)."""
        now = time.monotonic()
        if len(self._buckets) > 10_000:
            self._buckets = {k: v for k, v in self._buckets.items() if v.get_tokens(now) < self.rate}
        bucket = self._buckets.setdefault(user_id, app_commands.Cooldown(self.rate, self.per))
        return bucket.update_rate_limit(now)
