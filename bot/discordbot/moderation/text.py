"""Moderator-facing text within Discord's limits: line lists and autocomplete choices."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from discord import app_commands

from bot import wording
from bot.discordbot.moderation.limits import PROBLEMS_SHOWN
from bot.rendering.discord_limits import CHOICE_MAX, CONTENT_MAX, clamp

log = logging.getLogger("faqbot.moderation")



def lines_within(header: str, lines: Sequence[str], limit: int = CONTENT_MAX) -> str:
    """A header and as many whole lines as fit, then how many more there were."""
    out = header
    for n, line in enumerate(lines):
        rest = wording.modlog_more_lines(len(lines) - n)
        if len(out) + 1 + len(line) + 1 + len(rest) > limit or n >= PROBLEMS_SHOWN:
            return out + "\n" + rest
        out += "\n" + line
    return out


def choice(name: str, value: str | int) -> app_commands.Choice[Any]:
    """An autocomplete choice within Discord's 100 characters (name, and text values)."""
    return app_commands.Choice(name=clamp(name, CHOICE_MAX),
                               value=value[:CHOICE_MAX] if isinstance(value, str) else value)
