"""How much moderation shows and how long it waits (Discord's own limits: rendering/discord_limits.py)."""

from __future__ import annotations

MODAL_TIMEOUT = 12 * 3600.0  # a moderator may take a while to write an answer; never lose it early
RETRY_TIMEOUT = 3600.0
INBOX_BUTTONS = 10  # two rows of five
HISTORY_LINES = 15
PROBLEMS_SHOWN = 15
