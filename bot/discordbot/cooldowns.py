"""Per-user question limits, shared by /ask, mentions, DMs and "did you mean" clicks."""

from __future__ import annotations

import time

from discord import app_commands


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
