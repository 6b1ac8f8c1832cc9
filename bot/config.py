"""Settings from config.yaml (every option documented in config.example.yaml).

Unknown options and wrong types are errors that name the option, so a typo never silently
falls back to a default. The Discord token is never part of the config's repr or errors.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from bot.matching.answerer import Thresholds

PACKAGE_ROOT = Path(__file__).resolve().parent
BUNDLED_KNOWLEDGE = PACKAGE_ROOT.parent / "knowledge"
DEFAULT_CONFIG = Path("config.yaml")


def is_database_url(location: str | Path) -> bool:
    return str(location).startswith(("postgresql://", "postgres://"))


class ConfigError(ValueError):
    """A config problem, worded for the person who wrote the file."""


@dataclass(frozen=True)
class DiscordSettings:
    token_file: str | None = None
    application_id: int | None = None  # for `faqbot invite`
    api_base: str | None = None  # another Discord-compatible server (also FAQBOT_API_BASE)
    gateway_url: str | None = None  # its gateway (also FAQBOT_GATEWAY_URL)
    moderation_guilds: tuple[int, ...] = ()  # the FAQ's own server(s): the only place /faqadmin works
    moderator_roles: tuple[int, ...] = ()
    ephemeral_answers: bool = False
    cooldown_rate: int = 5
    cooldown_seconds: float = 60.0
    auto_answer_channels: tuple[int, ...] = ()
    mod_log_channel: int | None = None
    sync_state_file: str = ".faqbot/synced-commands.sha256"
    watch_seconds: float = 2.0  # poll the knowledge folder for edits on disk this often; 0 turns it off
    shard_count: int | None = None  # sharded across processes: how many shards in all
    shard_ids: tuple[int, ...] | None = None  # the shards this process runs (default: all)

    def shard_of(self, guild_id: int) -> int:
        """The shard Discord sends a guild's events to."""
        return (guild_id >> 22) % (self.shard_count or 1)

    def serves(self, guild_id: int) -> bool:
        """Whether this process receives that guild's events (its shards include the guild's)."""
        return self.shard_ids is None or self.shard_of(guild_id) in self.shard_ids


@dataclass(frozen=True)
class Config:
    knowledge: Path = BUNDLED_KNOWLEDGE
    thresholds: Thresholds = field(default_factory=Thresholds)
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    database: Path | str = Path("faqbot.sqlite3")  # a SQLite file, or a postgresql:// URL
    store_user_ids: bool = False
    retention_days: int = 90  # stored question texts older than this are deleted (0: kept)
    log_level: str = "INFO"
    source: str = "defaults"

    def token(self) -> str | None:
        """DISCORD_TOKEN, else the token file; never stored on the config itself."""
        token = os.environ.get("DISCORD_TOKEN", "").strip()
        if token:
            return token
        if self.discord.token_file:
            path = Path(self.discord.token_file)
            try:
                return path.read_text(encoding="utf-8").strip() or None
            except OSError as exc:
                raise ConfigError(f"discord.token_file: cannot read {path}: {exc.strerror}") from exc
        return None

    def api_base(self) -> str | None:
        return os.environ.get("FAQBOT_API_BASE") or self.discord.api_base

    def gateway_url(self) -> str | None:
        return os.environ.get("FAQBOT_GATEWAY_URL") or self.discord.gateway_url


_THRESHOLD_KEYS = {
    "answer_threshold": "answer", "suggest_threshold": "suggest", "close_margin": "close",
    "sure_threshold": "sure",
}
_LIMIT_KEYS = {"max_question_chars", "max_answers", "max_suggestions"}
_LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR"}


def load_config(path: str | Path | None = None) -> Config:
    """The config at `path`, or ./config.yaml if present, else the defaults."""
    if path is None:
        if not DEFAULT_CONFIG.exists():
            return Config()
        path = DEFAULT_CONFIG
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{line}: not valid YAML") from exc
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: must be a mapping of option: value")
    try:
        return _build(raw, path)
    except ConfigError as exc:
        message = str(exc)
        raise ConfigError(message if message.startswith(str(path)) else f"{path}: {message}") from None


def _build(raw: dict[str, Any], path: Path) -> Config:
    _only(raw, {"knowledge", "matching", "limits", "discord", "database", "store_user_ids", "retention_days",
                "log_level"}, "")
    base = path.parent
    knowledge = Path(_typed(raw, "knowledge", str, "", str(BUNDLED_KNOWLEDGE)))
    matching = _section(raw, "matching")
    _only(matching, set(_THRESHOLD_KEYS), "matching.")
    limits = _section(raw, "limits")
    _only(limits, _LIMIT_KEYS, "limits.")
    defaults = Thresholds()
    values: dict[str, Any] = {}
    for key, attr in _THRESHOLD_KEYS.items():
        value = _number(matching, key, "matching.", getattr(defaults, attr))
        if not 0 <= value <= 1:
            raise ConfigError(f"{path}: matching.{key} must be between 0 and 1, got {value}")
        values[attr] = value
    for key in _LIMIT_KEYS:
        value = _typed(limits, key, int, "limits.", getattr(defaults, key))
        if value < 1:
            raise ConfigError(f"{path}: limits.{key} must be at least 1, got {value}")
        values[key] = value
    if values["suggest"] > values["answer"]:
        raise ConfigError(f"{path}: matching.suggest_threshold must not be above matching.answer_threshold")
    discord = _discord(_section(raw, "discord"), path)
    level = str(raw.get("log_level", "INFO")).upper()
    if level not in _LOG_LEVELS:
        raise ConfigError(f"{path}: log_level must be one of {', '.join(sorted(_LOG_LEVELS))}, got {level!r}")
    database_text = _typed(raw, "database", str, "", "faqbot.sqlite3")
    database: Path | str = database_text if is_database_url(database_text) else Path(database_text)
    return Config(
        knowledge=knowledge if knowledge.is_absolute() else base / knowledge,
        thresholds=Thresholds(**values),
        discord=discord,
        database=database if isinstance(database, str) or database.is_absolute() else base / database,
        store_user_ids=_typed(raw, "store_user_ids", bool, "", False),
        retention_days=_retention(raw, path),
        log_level=level,
        source=str(path),
    )


def _retention(raw: dict[str, Any], path: Path) -> int:
    value = _typed(raw, "retention_days", int, "", 90)
    if value < 0:
        raise ConfigError(f"{path}: retention_days must be 0 (keep) or a number of days, got {value}")
    return int(value)


def _discord(raw: dict[str, Any], path: Path) -> DiscordSettings:
    known = {f.name for f in fields(DiscordSettings)} - {"cooldown_rate", "cooldown_seconds"} | {"cooldown", "token"}
    if "guilds" in raw:
        raise ConfigError(f"{path}: discord.guilds is replaced by discord.moderation_guilds: the id(s) of the "
                          "FAQ's own server(s), the only place where /faqadmin works")
    _only(raw, known, "discord.")
    if "token" in raw:
        raise ConfigError(
            f"{path}: discord.token: do not put the token in the config; set DISCORD_TOKEN or discord.token_file"
        )
    cooldown = _section(raw, "cooldown", "discord.")
    _only(cooldown, {"rate", "per_seconds"}, "discord.cooldown.")
    mod_log = _optional_id(raw, "mod_log_channel")
    return DiscordSettings(
        token_file=_optional_str(raw, "token_file"),
        application_id=_optional_id(raw, "application_id"),
        api_base=_optional_str(raw, "api_base"),
        gateway_url=_optional_str(raw, "gateway_url"),
        moderation_guilds=_ids(raw, "moderation_guilds"),
        moderator_roles=_ids(raw, "moderator_roles"),
        ephemeral_answers=_typed(raw, "ephemeral_answers", bool, "discord.", False),
        cooldown_rate=_typed(cooldown, "rate", int, "discord.cooldown.", 5),
        cooldown_seconds=_number(cooldown, "per_seconds", "discord.cooldown.", 60.0),
        auto_answer_channels=_ids(raw, "auto_answer_channels"),
        mod_log_channel=mod_log,
        sync_state_file=_typed(raw, "sync_state_file", str, "discord.", ".faqbot/synced-commands.sha256"),
        watch_seconds=_watch_seconds(raw, path),
        **_shards(raw, path),
    )


def _shards(raw: dict[str, Any], path: Path) -> dict[str, Any]:
    count = _optional_id(raw, "shard_count")
    ids = _ids(raw, "shard_ids") if raw.get("shard_ids") is not None else None
    return shard_settings(count, ids, f"{path}: discord.")


def shard_settings(count: int | None, ids: tuple[int, ...] | None, where: str) -> dict[str, Any]:
    """shard_count and shard_ids, checked: ids need a count, and each must be below it."""
    if count is not None and count < 1:
        raise ConfigError(f"{where}shard_count must be at least 1, got {count}")
    if ids is not None:
        if count is None:
            raise ConfigError(f"{where}shard_ids needs shard_count (how many shards there are in all)")
        wrong = [i for i in ids if not 0 <= i < count]
        if wrong or not ids:
            raise ConfigError(f"{where}shard_ids must be shards 0 to {count - 1}, got {list(ids)}")
    return {"shard_count": count, "shard_ids": ids}


def _watch_seconds(raw: dict[str, Any], path: Path) -> float:
    value = _number(raw, "watch_seconds", "discord.", 2.0)
    if value < 0:
        raise ConfigError(f"{path}: discord.watch_seconds must be 0 (off) or more, got {value}")
    return value


def _section(raw: dict[str, Any], key: str, prefix: str = "") -> dict[str, Any]:
    value = raw.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{prefix}{key} must be a mapping of option: value")
    return value


def _only(raw: dict[str, Any], known: set[str], prefix: str) -> None:
    for key in raw:
        if key not in known:
            raise ConfigError(f"unknown option {prefix}{key} (known: {', '.join(sorted(known))})")


def _typed(raw: dict[str, Any], key: str, kind: type, prefix: str, default: Any) -> Any:
    if key not in raw or raw[key] is None:
        return default
    value = raw[key]
    if (kind is int and isinstance(value, bool)) or not isinstance(value, kind):
        raise ConfigError(f"{prefix}{key} must be {kind.__name__}, got {value!r}")
    return value


def _number(raw: dict[str, Any], key: str, prefix: str, default: float) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{prefix}{key} must be a number, got {value!r}")
    return float(value)


def _optional_str(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"discord.{key} must be text, got {value!r}")
    return value


def _optional_id(raw: dict[str, Any], key: str) -> int | None:
    value = raw.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise ConfigError(f"discord.{key} must be an id (a number), got {value!r}")
    return value


def _ids(raw: dict[str, Any], key: str) -> tuple[int, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        raise ConfigError(f"discord.{key} must be a list of ids (numbers)")
    return tuple(value)
