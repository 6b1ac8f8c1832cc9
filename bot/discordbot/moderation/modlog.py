"""The mod-log channel: what changed in the FAQ, by whom, and what the folder watcher found."""

from __future__ import annotations

import logging

import discord

from bot import wording
from bot.config import DiscordSettings
from bot.discordbot.moderation.text import lines_within
from bot.discordbot.sending import NO_MENTIONS
from bot.editing.reports import entry_diff, problem_lines
from bot.editing.service import Actor, DiskCheck, Saved
from bot.rendering.discord_limits import clamp_content, with_block

log = logging.getLogger("faqbot.moderation")


class ModLog:
    """Posts to `discord.mod_log_channel` when one is set; never pings, never over 2,000 characters."""

    def __init__(self, client: discord.Client, settings: DiscordSettings) -> None:
        self.client = client
        self.settings = settings

    async def post(self, content: str) -> None:
        channel_id = self.settings.mod_log_channel
        if not channel_id:
            return
        channel = self.client.get_channel(channel_id)
        try:
            if channel is None:
                channel = await self.client.fetch_channel(channel_id)
            if not isinstance(channel, discord.abc.Messageable):
                log.warning("discord.mod_log_channel %s is not a text channel", channel_id)
                return
            await channel.send(clamp_content(content), allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as exc:
            log.warning("could not post to the mod-log channel %s: %s", channel_id, exc)

    async def change(self, saved: Saved, actor: Actor) -> None:
        """The line for one change: who, what, and the entry's diff."""
        change = saved.change
        header = wording.modlog_change(change.action, change.entry_id, saved.number,
                                       discord.utils.escape_markdown(actor.name))
        await self.post(with_block(header, entry_diff(change.entry_id, change.before_text, change.after_text),
                                   "diff"))

    async def disk_check(self, check: DiskCheck) -> None:
        """What a look at the folder found: a rejected state, hand edits (with their diffs), a recovery."""
        if not check.reload.ok:
            await self.post(lines_within(wording.modlog_rejected(check.reload.entries),
                                         problem_lines(check.reload.problems)))
        elif check.recorded:
            diffs = "\n".join(entry_diff(c.entry_id, c.before_text, c.after_text) for c, _ in check.recorded)
            await self.post(with_block(wording.modlog_hand_edits(len(check.recorded)), diffs, "diff"))
        elif check.recovered:
            await self.post(wording.modlog_recovered(check.reload.entries))
