"""The fake's Discord data model (users, guild, channels, messages) and payload builders.

Kept apart from the transport (server.py) so the shapes discord.py parses live in one place.
"""

from __future__ import annotations

import copy
import itertools
import re
import time
import uuid
from datetime import UTC, datetime
from typing import Any

JSON = dict[str, Any]

DISCORD_EPOCH_MS = 1420070400000

# Permission bits (Discord docs, "Permissions").
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
ADD_REACTIONS = 1 << 6
VIEW_AUDIT_LOG = 1 << 7
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
USE_EXTERNAL_EMOJIS = 1 << 18
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_THREADS = 1 << 34
SEND_MESSAGES_IN_THREADS = 1 << 38
MODERATE_MEMBERS = 1 << 40
ALL_PERMISSIONS = (1 << 53) - 1

EVERYONE_PERMISSIONS = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | ADD_REACTIONS
    | USE_EXTERNAL_EMOJIS
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)
MODERATOR_PERMISSIONS = (
    KICK_MEMBERS | BAN_MEMBERS | MANAGE_MESSAGES | MODERATE_MEMBERS | MANAGE_THREADS | VIEW_AUDIT_LOG
)
BOT_PERMISSIONS = EVERYONE_PERMISSIONS | MANAGE_MESSAGES

# Gateway intents (Discord docs, "Gateway Intents").
INTENT_GUILD_PRESENCES = 1 << 8
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15

MESSAGE_FLAG_EPHEMERAL = 1 << 6
MESSAGE_FLAG_LOADING = 1 << 7

_OPTION_TYPES = {bool: 5, int: 4, float: 10, str: 3}
_MENTION_RE = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION_RE = re.compile(r"<@&(\d+)>")


def now_iso() -> str:
    """Timestamps in the ISO form discord.py parses."""
    return datetime.now(UTC).isoformat()


class World:
    """Everything the fake Discord knows: one guild with a bot, a moderator and a regular member.

    Attributes are plain dicts shaped like Discord's payloads; mutate ``users``, ``members``,
    ``roles`` or ``channels`` before the bot connects to customise what GUILD_CREATE sends.
    """

    def __init__(self) -> None:
        base = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._ids = itertools.count(base + 1)
        self.application_id = self.new_id()
        self.reported_application_id: int | None = None  # what /oauth2/applications/@me says, if not that
        self.users: dict[int, JSON] = {}
        self.members: dict[int, JSON] = {}
        self.bot_user = self._make_user("faqbot", bot=True, user_id=self.application_id)
        self.bot_user_id = self.application_id
        self.owner_user = self._make_user("owner")
        self.moderator_user = self._make_user("mod")
        self.regular_user = self._make_user("alice")

        self.guild_id = self.new_id()
        self.moderator_role_id = self.new_id()
        self.bot_role_id = self.new_id()
        self.roles: list[JSON] = [
            self._role(self.guild_id, "@everyone", EVERYONE_PERMISSIONS, 0),
            self._role(self.moderator_role_id, "Moderator", MODERATOR_PERMISSIONS, 2),
            self._role(self.bot_role_id, "faqbot", BOT_PERMISSIONS, 1, bot_id=self.bot_user_id),
        ]
        self.channel_id = self.new_id()
        self.modlog_channel_id = self.new_id()
        deny_everyone = {"id": str(self.guild_id), "type": 0, "allow": "0", "deny": str(VIEW_CHANNEL)}
        allow = str(VIEW_CHANNEL | SEND_MESSAGES)
        self.channels: dict[int, JSON] = {
            self.channel_id: self._text_channel(self.channel_id, "general", 0, []),
            self.modlog_channel_id: self._text_channel(
                self.modlog_channel_id,
                "mod-log",
                1,
                [
                    deny_everyone,
                    {"id": str(self.moderator_role_id), "type": 0, "allow": allow, "deny": "0"},
                    {"id": str(self.bot_role_id), "type": 0, "allow": allow, "deny": "0"},
                ],
            ),
        }
        self._add_member(self.bot_user, [self.bot_role_id])
        self._add_member(self.moderator_user, [self.moderator_role_id])
        self._add_member(self.regular_user, [])
        self.messages: dict[int, JSON] = {}
        # Synced application commands: key None = global, else guild id.
        self.commands: dict[int | None, list[JSON]] = {}

    # ---- ids, users, members -------------------------------------------------------------

    def new_id(self) -> int:
        """Snowflakes that increase and carry a realistic timestamp."""
        return next(self._ids)

    def _make_user(self, username: str, *, bot: bool = False, user_id: int | None = None) -> JSON:
        uid = user_id or self.new_id()
        user = {
            "id": str(uid),
            "username": username,
            "discriminator": "0",
            "global_name": None,
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
            "flags": 0,
        }
        self.users[uid] = user
        return user

    def _add_member(self, user: JSON, roles: list[int]) -> JSON:
        member = {
            "user": user,
            "roles": [str(r) for r in roles],
            "nick": None,
            "avatar": None,
            "joined_at": now_iso(),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        self.members[int(user["id"])] = member
        return member

    def add_user(self, username: str, *, roles: list[int] | None = None, member: bool = True) -> JSON:
        """Adds a user (and guild member); call before the bot connects to have it in GUILD_CREATE."""
        user = self._make_user(username)
        if member:
            self._add_member(user, roles or [])
        return user

    def member_payload(self, user_id: int, roles: list[int] | None = None) -> JSON:
        """A full member object; ``roles`` overrides the stored roles."""
        member = copy.deepcopy(self.members.get(user_id) or self._add_member(self.users[user_id], []))
        if roles is not None:
            member["roles"] = [str(r) for r in roles]
        return member

    def _role(self, role_id: int, name: str, perms: int, position: int, bot_id: int | None = None) -> JSON:
        role = {
            "id": str(role_id),
            "name": name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": position,
            "permissions": str(perms),
            "managed": bot_id is not None,
            "mentionable": False,
            "flags": 0,
        }
        if bot_id is not None:
            role["tags"] = {"bot_id": str(bot_id)}
        return role

    def _text_channel(self, cid: int, name: str, position: int, overwrites: list[JSON]) -> JSON:
        return {
            "id": str(cid),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": name,
            "position": position,
            "permission_overwrites": overwrites,
            "topic": None,
            "nsfw": False,
            "parent_id": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
            "flags": 0,
        }

    def dm_channel(self, user_id: int) -> JSON:
        """The DM channel between the bot and ``user_id`` (created on first use)."""
        for ch in self.channels.values():
            if ch["type"] == 1 and ch["recipients"][0]["id"] == str(user_id):
                return ch
        cid = self.new_id()
        ch = {"id": str(cid), "type": 1, "recipients": [self.users[user_id]], "last_message_id": None, "flags": 0}
        self.channels[cid] = ch
        return ch

    # ---- permissions -------------------------------------------------------------------------

    def permissions(self, user_id: int, channel_id: int, roles: list[int] | None = None) -> int:
        """Discord's permission algorithm: base role permissions, then channel overwrites."""
        role_ids = [int(r) for r in self.member_payload(user_id, roles)["roles"]]
        if user_id == int(self.owner_user["id"]):
            return ALL_PERMISSIONS
        by_id = {int(r["id"]): int(r["permissions"]) for r in self.roles}
        perms = by_id.get(self.guild_id, 0)
        for rid in role_ids:
            perms |= by_id.get(rid, 0)
        if perms & ADMINISTRATOR:
            return ALL_PERMISSIONS
        overwrites = {int(o["id"]): o for o in self.channels.get(channel_id, {}).get("permission_overwrites", [])}

        def apply(ow: JSON | None, p: int) -> int:
            return p if ow is None else (p & ~int(ow["deny"])) | int(ow["allow"])

        perms = apply(overwrites.get(self.guild_id), perms)
        allow = deny = 0
        for rid in role_ids:
            if (ow := overwrites.get(rid)) is not None:
                allow, deny = allow | int(ow["allow"]), deny | int(ow["deny"])
        perms = (perms & ~deny) | allow
        return apply(overwrites.get(user_id), perms)

    # ---- guild ---------------------------------------------------------------------------------

    @property
    def guild(self) -> JSON:
        """The GUILD_CREATE payload with every member (the gateway trims it per intents)."""
        guild_channels = [c for c in self.channels.values() if c.get("guild_id") == str(self.guild_id)]
        return {
            "id": str(self.guild_id),
            "name": "FAQ Test Guild",
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": self.owner_user["id"],
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": self.roles,
            "emojis": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": str(self.channel_id),
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "max_members": 500000,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "public_updates_channel_id": None,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "safety_alerts_channel_id": None,
            "joined_at": now_iso(),
            "large": False,
            "unavailable": False,
            "member_count": len(self.members),
            "lazy": True,
            "members": list(self.members.values()),
            "channels": [{k: v for k, v in c.items() if k != "guild_id"} for c in guild_channels],
            "threads": [],
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "stickers": [],
        }

    # ---- messages ------------------------------------------------------------------------------

    def make_message(self, channel_id: int, author: JSON, *, content: str = "", type_: int = 0, **extra: Any) -> JSON:
        """Builds and stores a full message object (what REST returns and MESSAGE_CREATE carries)."""
        channel = self.channels.get(channel_id, {})
        msg: JSON = {
            "id": str(self.new_id()),
            "channel_id": str(channel_id),
            "type": type_,
            "content": content,
            "author": author,
            "timestamp": now_iso(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": False,
            "flags": 0,
        }
        if "guild_id" in channel:
            msg["guild_id"] = channel["guild_id"]
        msg.update(extra)
        self.messages[int(msg["id"])] = msg
        return msg

    def message_create(
        self,
        content: str,
        *,
        author: JSON | None = None,
        mentions: list[JSON | int] | None = None,
        guild: bool = True,
        channel_id: int | None = None,
        reference: JSON | int | None = None,
        **extra: Any,
    ) -> JSON:
        """A MESSAGE_CREATE payload from a user; mentions default to the ``<@id>`` found in content."""
        author = author or self.regular_user
        uid = int(author["id"])
        cid = channel_id or (self.channel_id if guild else int(self.dm_channel(uid)["id"]))
        ids = (
            [int(m["id"]) if isinstance(m, dict) else m for m in mentions]
            if mentions is not None
            else [int(x) for x in _MENTION_RE.findall(content)]
        )
        mention_list = []
        for mid in ids:
            user = dict(self.users[mid])
            if guild and mid in self.members:
                user["member"] = {k: v for k, v in self.member_payload(mid).items() if k != "user"}
            mention_list.append(user)
        fields: JSON = {"mentions": mention_list, "mention_roles": _ROLE_MENTION_RE.findall(content)}
        if guild:
            fields["member"] = {k: v for k, v in self.member_payload(uid).items() if k != "user"}
        if reference is not None:
            ref = self.messages[reference if isinstance(reference, int) else int(reference["id"])]
            fields.update(
                type_=19,
                message_reference={
                    "type": 0,
                    "message_id": ref["id"],
                    "channel_id": ref["channel_id"],
                    **({"guild_id": ref["guild_id"]} if "guild_id" in ref else {}),
                },
                referenced_message=ref,
            )
        fields.update(extra)
        return self.make_message(cid, author, content=content, **fields)

    # ---- interactions --------------------------------------------------------------------------

    def _interaction(
        self,
        type_: int,
        data: JSON,
        *,
        user: JSON | None,
        guild: bool,
        channel_id: int | None,
        member_permissions: int | None,
        roles: list[int] | None,
        message: JSON | None = None,
        locale: str = "en-US",
    ) -> JSON:
        """The INTERACTION_CREATE fields discord.py's Interaction and CommandTree read."""
        user = user or self.regular_user
        uid = int(user["id"])
        payload: JSON = {
            "id": str(self.new_id()),
            "application_id": str(self.application_id),
            "type": type_,
            "token": f"itoken-{uuid.uuid4().hex}",
            "version": 1,
            "data": data,
            "locale": locale,
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if guild:
            cid = channel_id or (int(message["channel_id"]) if message else self.channel_id)
            member = self.member_payload(uid, roles)
            perms = member_permissions if member_permissions is not None else self.permissions(uid, cid, roles)
            member["permissions"] = str(perms)
            payload.update(
                guild_id=str(self.guild_id),
                guild_locale="en-US",
                guild={"id": str(self.guild_id), "locale": "en-US", "features": []},
                channel=copy.deepcopy(self.channels[cid]),
                channel_id=str(cid),
                member=member,
                app_permissions=str(self.permissions(self.bot_user_id, cid)),
                authorizing_integration_owners={"0": str(self.guild_id)},
                context=0,
            )
        else:
            ch = self.dm_channel(uid)
            payload.update(
                channel=copy.deepcopy(ch),
                channel_id=ch["id"],
                user=user,
                app_permissions=str(EVERYONE_PERMISSIONS),
                authorizing_integration_owners={"0": "0"},
                context=1,
            )
        if message is not None:
            payload["message"] = message
        return payload

    def find_command(self, name: str, type_: int = 1, guild: bool = True) -> JSON | None:
        """The synced command Discord would route ``name`` to (guild commands win over global)."""
        scopes = [self.guild_id, None] if guild else [None]
        for scope in scopes:
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name and cmd.get("type", 1) == type_:
                    return cmd
        return None

    def _command_data(
        self,
        name: str,
        options: JSON | list[JSON] | None,
        subcommand: str | None,
        guild: bool,
        focused: tuple[str, str] | None = None,
    ) -> JSON:
        """Builds ``data`` for a slash/autocomplete interaction; option types come from the synced definition."""
        cmd = self.find_command(name, guild=guild)
        data: JSON = {"id": cmd["id"] if cmd else str(self.new_id()), "name": name, "type": 1}
        if cmd and cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        defs = (cmd or {}).get("options", [])
        path = subcommand.split() if subcommand else []
        for part in path:
            defs = next((o.get("options", []) for o in defs if o["name"] == part), [])
        resolved: JSON = {}
        if isinstance(options, list):
            opts = options
        else:
            opts = [self._option(k, v, defs, resolved) for k, v in (options or {}).items()]
        if focused is not None:
            fname, fvalue = focused
            ftype = next((o["type"] for o in defs if o["name"] == fname), 3)
            opts = [o for o in opts if o["name"] != fname] + [
                {"name": fname, "type": ftype, "value": fvalue, "focused": True}
            ]
        for depth, part in enumerate(reversed(path)):
            kind = 1 if depth == 0 else 2
            opts = [{"name": part, "type": kind, "options": opts}]
        if opts:
            data["options"] = opts
        if resolved:
            data["resolved"] = resolved
        return data

    def _option(self, name: str, value: Any, defs: list[JSON], resolved: JSON) -> JSON:
        """One option; users, channels and roles are sent as ids plus ``resolved`` objects like Discord."""
        otype = next((o["type"] for o in defs if o["name"] == name), None)
        if otype is None:
            otype = 6 if isinstance(value, dict) and "username" in value else _OPTION_TYPES.get(type(value), 3)
        if otype in (6, 7, 8, 9) and isinstance(value, dict):
            value = value["id"]
        if otype in (6, 9) and int(value) in self.users:
            resolved.setdefault("users", {})[str(value)] = self.users[int(value)]
            if int(value) in self.members:
                member = self.member_payload(int(value))
                member.pop("user")
                member["permissions"] = str(self.permissions(int(value), self.channel_id))
                resolved.setdefault("members", {})[str(value)] = member
        elif otype == 7 and int(value) in self.channels:
            ch = self.channels[int(value)]
            resolved.setdefault("channels", {})[str(value)] = {**ch, "permissions": str(ALL_PERMISSIONS)}
        elif otype in (8, 9):
            role = next((r for r in self.roles if r["id"] == str(value)), None)
            if role is not None:
                resolved.setdefault("roles", {})[str(value)] = role
        return {"name": name, "type": otype, "value": str(value) if otype in (6, 7, 8, 9) else value}

    def slash_command(
        self,
        name: str,
        options: JSON | list[JSON] | None = None,
        *,
        user: JSON | None = None,
        member_permissions: int | None = None,
        roles: list[int] | None = None,
        guild: bool = True,
        subcommand: str | None = None,
        channel_id: int | None = None,
        locale: str = "en-US",
    ) -> JSON:
        """INTERACTION_CREATE for ``/name``; ``subcommand`` is "sub" or "group sub"; options is {name: value}."""
        data = self._command_data(name, options, subcommand, guild)
        return self._interaction(
            2,
            data,
            user=user,
            guild=guild,
            channel_id=channel_id,
            member_permissions=member_permissions,
            roles=roles,
            locale=locale,
        )

    def message_command(
        self,
        name: str,
        message: JSON,
        *,
        user: JSON | None = None,
        guild: bool = True,
        user_install: bool = False,
    ) -> JSON:
        """INTERACTION_CREATE for a message context-menu command on ``message`` (right-click > Apps).
        ``user_install``: the app is installed by the user, not in this guild (or this is a DM)."""
        cmd = self.find_command(name, type_=3, guild=guild)
        target = str(message["id"])
        data: JSON = {"id": cmd["id"] if cmd else str(self.new_id()), "name": name, "type": 3, "target_id": target,
                      "resolved": {"messages": {target: message}}}
        payload = self._interaction(2, data, user=user, guild=guild, channel_id=int(message["channel_id"]),
                                    member_permissions=None, roles=None)
        if user_install:
            owner = str(int((user or self.regular_user)["id"]))
            payload["authorizing_integration_owners"] = {"1": owner}
            payload["context"] = 0 if guild else 1
        return payload

    def autocomplete(
        self,
        name: str,
        focused: str,
        value: str,
        options: JSON | None = None,
        *,
        user: JSON | None = None,
        subcommand: str | None = None,
        guild: bool = True,
        channel_id: int | None = None,
    ) -> JSON:
        """INTERACTION_CREATE (type 4) while the user types ``value`` into option ``focused``."""
        data = self._command_data(name, options, subcommand, guild, focused=(focused, value))
        return self._interaction(
            4, data, user=user, guild=guild, channel_id=channel_id, member_permissions=None, roles=None
        )

    def _resolve_message(self, message: JSON | int | str) -> JSON:
        return message if isinstance(message, dict) else self.messages[int(message)]

    def button_click(
        self,
        custom_id: str,
        message: JSON | int | str,
        *,
        user: JSON | None = None,
        values: list[str] | None = None,
        component_type: int | None = None,
        member_permissions: int | None = None,
        roles: list[int] | None = None,
    ) -> JSON:
        """INTERACTION_CREATE (type 3) for a button (or a select when ``values`` is given) on ``message``."""
        msg = self._resolve_message(message)
        data: JSON = {"custom_id": custom_id, "component_type": component_type or (3 if values is not None else 2)}
        if values is not None:
            data["values"] = values
        return self._interaction(
            3,
            data,
            user=user,
            guild="guild_id" in msg,
            channel_id=int(msg["channel_id"]),
            member_permissions=member_permissions,
            roles=roles,
            message=msg,
        )

    def modal_submit(
        self,
        custom_id: str,
        values: dict[str, str | list[str]],
        *,
        user: JSON | None = None,
        message: JSON | int | None = None,
        guild: bool = True,
        channel_id: int | None = None,
    ) -> JSON:
        """INTERACTION_CREATE (type 5); text inputs come in action rows, selects wrapped in labels."""
        components: list[JSON] = []
        for cid, val in values.items():
            if isinstance(val, list):
                components.append(
                    {"type": 18, "id": len(components) + 1, "component": {"type": 3, "custom_id": cid, "values": val}}
                )
            else:
                components.append({"type": 1, "components": [{"type": 4, "custom_id": cid, "value": val}]})
        msg = self._resolve_message(message) if message is not None else None
        return self._interaction(
            5,
            {"custom_id": custom_id, "components": components},
            user=user,
            guild=guild,
            channel_id=channel_id,
            member_permissions=None,
            roles=None,
            message=msg,
        )
