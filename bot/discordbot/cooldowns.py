"""Per-user question limits, shared by /ask, mentions, DMs and "did you mean" clicks."""

from __future__ import annotations

import time

from discord.ext import commands


class UserCooldowns:
    """At most `rate` questions per `per` seconds for each user; anyone over it is told so. The
    buckets are discord.py's CooldownMapping, which drops expired ones (memory stays bounded)."""

    def __init__(self, rate: int, per: float) -> None:
        self._mapping: commands.CooldownMapping[int] = commands.CooldownMapping(
            commands.Cooldown(rate, per), lambda user_id: user_id)

    def retry_after(self, user_id: int) -> float | None:
        """Seconds until the user may ask again, or None (and the question is counted)."""
        now = time.monotonic()
        bucket = self._mapping.get_bucket(user_id, now)
        return bucket.update_rate_limit(now) if bucket is not None else None
