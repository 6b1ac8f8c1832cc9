"""Moderator-facing text within Discord's limits: code blocks, line lists, YAML embeds, choices."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot import wording
from bot.discordbot.sending import CONTENT_MAX
from bot.rendering.discord_embed import DESCRIPTION_MAX, NEUTRAL, clamp

if TYPE_CHECKING:
    pass
from bot.discordbot.moderation.limits import CHOICE_MAX, CONFLICT_TEXT_MAX, PROBLEMS_SHOWN

log = logging.getLogger("faqbot.moderation")



def code_block(text: str, lang: str, limit: int) -> str:
    """`text` fenced as a code block of at most `limit` characters, whole lines, marking a cut."""
    body = text.replace("```", "`\u200b``")
    fence_open, fence_close = f"```{lang}\n", "\n```"
    room = limit - len(fence_open) - len(fence_close)
    if len(body) <= room:
        return fence_open + body + fence_close
    lines = body.split("\n")
    kept: list[str] = []
    used = 0
    for n, line in enumerate(lines):
        note = wording.modlog_more_lines(len(lines) - n)
        if used + len(line) + 1 + len(note) + 1 > room:
            kept.append(note)
            break
        kept.append(line)
        used += len(line) + 1
    return fence_open + "\n".join(kept)[:room] + fence_close


def with_block(header: str, text: str, lang: str, limit: int = CONTENT_MAX) -> str:
    """A header line and a code block, together within `limit` characters."""
    header = clamp(header, limit // 2)
    return header + "\n" + code_block(text, lang, limit - len(header) - 1)


def lines_within(header: str, lines: Sequence[str], limit: int = CONTENT_MAX) -> str:
    """A header and as many whole lines as fit, then how many more there were."""
    out = header
    for n, line in enumerate(lines):
        rest = wording.modlog_more_lines(len(lines) - n)
        if len(out) + 1 + len(line) + 1 + len(rest) > limit or n >= PROBLEMS_SHOWN:
            return out + "\n" + rest
        out += "\n" + line
    return out


def yaml_embed(title: str, text: str, limit: int = CONFLICT_TEXT_MAX) -> discord.Embed:
    return discord.Embed(title=clamp(title, 256), description=code_block(text, "yaml", min(limit, DESCRIPTION_MAX)),
                         colour=NEUTRAL)


def choice(name: str, value: str | int) -> app_commands.Choice[Any]:
    """An autocomplete choice within Discord's 100 characters (name, and text values)."""
    return app_commands.Choice(name=clamp(name, CHOICE_MAX),
                               value=value[:CHOICE_MAX] if isinstance(value, str) else value)
