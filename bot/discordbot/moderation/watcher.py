"""The knowledge folder's watcher: an edit made on disk (an editor, `git pull`, another process)
is read without a restart, or rejected with the last good FAQ still served."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from discord.ext import commands, tasks

from bot.discordbot.moderation.modlog import ModLog
from bot.discordbot.services import Services
from bot.editing.service import DiskCheck, EditingService

log = logging.getLogger("faqbot.moderation")


async def check_disk(editing: EditingService, modlog: ModLog, force: bool = False) -> DiskCheck | None:
    """Look at the knowledge folder now (off the event loop); what it found goes to the mod-log."""
    check = await asyncio.to_thread(editing.check_disk, force)
    if check is not None:
        await modlog.disk_check(check)
    return check


class KnowledgeWatcher(commands.Cog):
    """Polls the folder every `discord.watch_seconds`; on PostgreSQL, also reads a change another
    process saved as soon as it is announced (LISTEN/NOTIFY), not at the next poll."""

    def __init__(self, bot: commands.Bot, services: Services, editing: EditingService, modlog: ModLog) -> None:
        self.bot = bot
        self.services = services
        self.editing = editing
        self.modlog = modlog
        self._stop_listening: Callable[[], None] | None = None

    async def cog_load(self) -> None:
        seconds = self.services.config.discord.watch_seconds
        if seconds > 0:
            self.poll.change_interval(seconds=seconds)
            self.poll.start()
        loop = asyncio.get_running_loop()

        def heard() -> None:  # called from the listening thread
            loop.call_soon_threadsafe(self._read_changes_now)

        self._stop_listening = await asyncio.to_thread(self.services.records.listen_for_changes, heard)

    async def cog_unload(self) -> None:
        self.poll.cancel()
        if self._stop_listening is not None:
            await asyncio.to_thread(self._stop_listening)
            self._stop_listening = None

    def _read_changes_now(self) -> None:
        self.services.in_background(self._check_logged("reading a change another process saved"))

    async def _check_logged(self, what: str) -> None:
        try:
            await check_disk(self.editing, self.modlog)
        except Exception:
            log.exception("%s failed", what)

    @tasks.loop(seconds=2.0)  # the interval is discord.watch_seconds, set in cog_load
    async def poll(self) -> None:
        await self._check_logged("checking the knowledge folder")

    @poll.before_loop
    async def _before_polling(self) -> None:
        await self.bot.wait_until_ready()
