"""What moderators see as Discord embeds: history, the inbox, and YAML (an entry as saved, or as typed).

The lines come from bot/editing/reports.py and the words from bot/wording.py; here they are laid
out within Discord's limits.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot import wording
from bot.editing.inbox import InboxGroup
from bot.editing.reports import entry_diff, history_lines, inbox_lines
from bot.records.database import HistoryRow
from bot.rendering.discord_embed import NEUTRAL
from bot.rendering.discord_limits import (
    DESCRIPTION_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FOOTER_MAX,
    TITLE_MAX,
    clamp,
    code_block,
)

CONFLICT_TEXT_MAX = 2800  # each of the two YAML blocks of a conflict: both fit 6,000 together


def yaml_embed(title: str, text: str, limit: int = CONFLICT_TEXT_MAX) -> discord.Embed:
    block = code_block(text, "yaml", min(limit, DESCRIPTION_MAX))
    return discord.Embed(title=clamp(title, TITLE_MAX), description=block, colour=NEUTRAL)


def history_embed(rows: Sequence[HistoryRow], entry: str | None) -> discord.Embed:
    """Recent changes, newest first; for one entry, with the diff of its latest change."""
    embed = discord.Embed(title=clamp(wording.mod_history_title(entry), TITLE_MAX),
                          description=clamp("\n".join(history_lines(rows)), DESCRIPTION_MAX), colour=NEUTRAL)
    if entry is not None and rows:
        latest = rows[0]
        diff = entry_diff(latest.entry_id, latest.before, latest.after)
        embed.add_field(name=clamp(f"{wording.mod_latest_diff()} (#{latest.id})", FIELD_NAME_MAX),
                        value=code_block(diff, "diff", FIELD_VALUE_MAX), inline=False)
    return embed


def inbox_embed(shown: Sequence[InboxGroup], total: int) -> discord.Embed:
    """The first inbox groups (numbered like their buttons), and how many there are in all."""
    embed = discord.Embed(title=clamp(wording.mod_inbox_title(total), TITLE_MAX),
                          description=clamp("\n".join(inbox_lines(shown)), DESCRIPTION_MAX), colour=NEUTRAL)
    embed.set_footer(text=clamp(wording.mod_inbox_footer(len(shown), total), FOOTER_MAX))
    return embed
