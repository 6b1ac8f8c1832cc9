"""Starting the bot, syncing its commands on purpose, and the invite URL.

Commands are never synced on start: `faqbot sync` does it (per guild while testing, globally
for production) and stores a hash of what it synced. `faqbot run` compares that hash with the
commands it has and logs a warning when they differ, so a forgotten sync is visible.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import signal
from pathlib import Path
from typing import Any

import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.config import Config, ConfigError
from bot.discordbot.app import FaqBot, ShardedFaqBot
from bot.records.database import Records
from bot.serving import KnowledgeService

log = logging.getLogger("faqbot.discord")

INVITE_PERMISSIONS = discord.Permissions(
    view_channel=True, send_messages=True, send_messages_in_threads=True, embed_links=True,
    read_message_history=True,
)
INVITE_SCOPES = ("bot", "applications.commands")
TOKEN_HELP = (
    "no Discord token: set DISCORD_TOKEN (or discord.token_file in the config); create a bot and copy "
    "its token at https://discord.com/developers/applications (Bot > Reset Token)"
)


class MissingToken(ConfigError):
    pass


def point_at_server(config: Config) -> None:
    """Use another Discord-compatible server (self-hosted, or the tests' loopback one) if configured."""
    api_base = config.api_base()
    gateway = config.gateway_url()
    if api_base:
        Route.BASE = api_base.rstrip("/")
    if gateway:
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)


def build_bot(config: Config, **options: Any) -> FaqBot:
    service = KnowledgeService(config.knowledge, config.thresholds)
    records = Records(config.database, config.store_user_ids)
    shards = config.discord
    if shards.shard_count is None:
        return FaqBot(config, service, records, **options)
    return ShardedFaqBot(config, service, records, shard_count=shards.shard_count,
                         shard_ids=list(shards.shard_ids) if shards.shard_ids is not None else None, **options)


def require_token(config: Config) -> str:
    token = config.token()
    if not token:
        raise MissingToken(TOKEN_HELP)
    return token


def commands_payload(bot: FaqBot, guild: discord.abc.Snowflake | None = None) -> list[dict[str, Any]]:
    commands = bot.tree.get_commands(guild=guild)
    return [command.to_dict(bot.tree) for command in commands]


def commands_hash(payload: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _state_file(config: Config, guild_id: int | None) -> Path:
    base = Path(config.discord.sync_state_file)
    return base.with_name(f"{base.name}.{guild_id}") if guild_id else base


async def sync_tree(bot: FaqBot, guild_id: int | None = None) -> list[str]:
    """Publish the commands: globally and /faqadmin to each moderating guild; or, with `guild_id`
    (for testing), everything to that one guild at once. Stores each scope's hash."""
    scopes: list[int | None]
    if guild_id:
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        scopes = [guild_id]
    else:
        scopes = [None, *bot.config.discord.moderation_guilds]
    names: list[str] = []
    for scope in scopes:
        target = discord.Object(id=scope) if scope else None
        synced = await bot.tree.sync(guild=target)
        names.extend(command.name for command in synced)
        state = _state_file(bot.config, scope)
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(commands_hash(commands_payload(bot, target)) + "\n", encoding="utf-8")
    return list(dict.fromkeys(names))


async def sync_commands(config: Config, guild_id: int | None) -> list[str]:
    """Log in (no gateway), sync the command tree (see sync_tree)."""
    token = require_token(config)
    point_at_server(config)
    bot = build_bot(config)
    try:
        await bot.login(token)
        return await sync_tree(bot, guild_id)
    finally:
        await bot.close()
        bot.records.close()


def warn_if_unsynced(bot: FaqBot) -> None:
    for scope in (None, *bot.config.discord.moderation_guilds):
        state = _state_file(bot.config, scope)
        current = commands_hash(commands_payload(bot, discord.Object(id=scope) if scope else None))
        stored = state.read_text(encoding="utf-8").strip() if state.exists() else None
        if stored != current:
            log.warning("slash commands changed since the last `faqbot sync` (or never synced); "
                        "run `faqbot sync` to publish them")
            return


async def run_bot(config: Config, **options: Any) -> None:
    token = require_token(config)
    point_at_server(config)
    bot = build_bot(config, **options)
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError):  # not on Windows; Ctrl+C still works there
        loop.add_signal_handler(signal.SIGTERM, lambda: loop.create_task(bot.close()))
    try:
        async with bot:
            await bot.login(token)
            warn_if_unsynced(bot)
            await bot.connect(reconnect=True)
    finally:
        bot.records.close()


def run(config: Config) -> int:
    """`faqbot run`: blocks until the bot is stopped (Ctrl+C or SIGTERM)."""
    require_token(config)
    discord.utils.setup_logging(level=getattr(logging, config.log_level), root=True)
    try:
        asyncio.run(run_bot(config))
    except KeyboardInterrupt:
        pass
    except discord.LoginFailure:
        log.error("Discord rejected the token: check DISCORD_TOKEN")
        return 1
    return 0


def invite_url(client_id: int) -> str:
    """Adds the bot to a server (a server admin installs it): answers, summaries, moderation there."""
    return discord.utils.oauth_url(client_id, permissions=INVITE_PERMISSIONS, scopes=INVITE_SCOPES) \
        + "&integration_type=0"


def user_install_url(client_id: int) -> str:
    """Adds the app to a person's own account: /ask, /summary and "Check with faqbot" anywhere they
    are, also in servers the bot was never added to (replies only they see)."""
    return discord.utils.oauth_url(client_id, scopes=("applications.commands",)) + "&integration_type=1"
