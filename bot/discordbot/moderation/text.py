"""Moderator-facing text within Discord's limits: a header and as many whole lines as fit."""

from __future__ import annotations

from collections.abc import Sequence

from bot import wording
from bot.discordbot.moderation.limits import PROBLEMS_SHOWN
from bot.rendering.discord_limits import CONTENT_MAX


def lines_within(header: str, lines: Sequence[str], limit: int = CONTENT_MAX) -> str:
    """A header and as many whole lines as fit, then how many more there were."""
    out = header
    for n, line in enumerate(lines):
        rest = wording.modlog_more_lines(len(lines) - n)
        if len(out) + 1 + len(line) + 1 + len(rest) > limit or n >= PROBLEMS_SHOWN:
            return out + "\n" + rest
        out += "\n" + line
    return out
