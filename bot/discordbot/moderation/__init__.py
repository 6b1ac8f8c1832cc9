"""/faqadmin: moderators keep the FAQ current from Discord; plus the mod-log and the folder watcher.

Where: only in the FAQ's own server(s), `discord.moderation_guilds` (the FAQ is shared by every
server the bot is in, so an admin of another one must not edit it); /faqadmin is registered
there only, as a guild command, and without the setting moderation is off.
Who may: members with a role in `discord.moderator_roles`, or Manage Server there. Both are
checked here, in code, on every moderator interaction: each command, autocomplete, button click
and modal submission (default_permissions is only a hint a server admin can change). Anyone
else gets an ephemeral refusal and nothing changes.

Everything that touches the knowledge runs in bot/editing (validated, atomic, version-checked,
recorded); this module only lays out what it returns, in words from bot/wording.py.
"""

from bot.discordbot.moderation.cog import ModerationCommands

__all__ = ["ModerationCommands"]
