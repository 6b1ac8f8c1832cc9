"""Where an edit to the knowledge is made safe: YAML writing, atomic saves, conflicts, history.

Moderators change the FAQ from Discord (bot/discordbot/moderation/); everything that touches
the knowledge files happens here, so the same rules hold whoever calls it: every change is
validated by the loader before it is written, written atomically, checked against the version
it was based on, and recorded in the history it can be reverted from.
"""
