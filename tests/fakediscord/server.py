"""A Discord-compatible REST + gateway server on 127.0.0.1 for driving a real discord.py client.

Only what a bot needs is implemented; anything else is recorded and answered 404 so tests see it.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import BodyPartReader, WSMsgType, web

from .payloads import (
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGES,
    INTENT_GUILD_PRESENCES,
    INTENT_MESSAGE_CONTENT,
    JSON,
    MANAGE_MESSAGES,
    MESSAGE_FLAG_EPHEMERAL,
    MESSAGE_FLAG_LOADING,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    World,
    now_iso,
)
from .validation import validate_command_payload, validate_interaction_response, validate_message_payload

log = logging.getLogger("fakediscord")
API_PREFIX = "/api/v10"


@dataclass
class UploadedFile:
    """A file part of a multipart request (discord.py names them files[N])."""

    field: str
    filename: str | None
    data: bytes


@dataclass
class Request:
    """One recorded REST call; ``path`` is relative to /api/v10. Recorded once answered."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[UploadedFile]
    headers: dict[str, str]
    time: float
    status: int = 0
    response: Any = None
    handled: bool = True  # False when no route matched (the catch-all 404)


@dataclass
class GatewayFrame:
    """One gateway payload: "in" from the bot, "out" to the bot."""

    direction: Literal["in", "out"]
    op: int
    t: str | None
    s: int | None
    d: Any
    time: float


@dataclass(frozen=True)
class Mark:
    """A point in the request/frame logs; waits with ``after=mark`` ignore anything earlier."""

    requests: int
    frames: int


@dataclass(eq=False)
class _Conn:
    ws: web.WebSocketResponse
    request: web.Request
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    session: _Session | None = None
    dropped: bool = False


@dataclass(eq=False)
class _Session:
    id: str
    intents: int
    seq: int = 0
    buffer: list[JSON] = field(default_factory=list)
    conn: _Conn | None = None
    shard: tuple[int, int] = (0, 1)  # [shard_id, num_shards] from IDENTIFY

    def owns(self, guild_id: Any) -> bool:
        """Discord's routing: a guild's events go to shard (guild_id >> 22) % num_shards, DMs to shard 0."""
        shard_id, count = self.shard
        return (int(guild_id) >> 22) % count == shard_id if guild_id else shard_id == 0


@dataclass
class _Interaction:
    payload: JSON
    created: float
    acked: bool = False
    original_id: int | None = None


@dataclass
class _Injection:
    method: str
    path_re: re.Pattern[str]
    status: int
    retry_after: float


Handler = Callable[[Request, dict[str, str]], Awaitable[tuple[int, Any]]]


def _error(status: int, code: int, message: str, errors: list[str] | None = None) -> tuple[int, JSON]:
    body: JSON = {"message": message, "code": code}
    if errors:
        # discord.py flattens {"key": {"_errors": [...]}} into "In key: ..." in HTTPException text.
        body["errors"] = {"body": {"_errors": [{"code": "FAKE_INVALID", "message": e} for e in errors]}}
    return status, body


def _invalid(errors: list[str]) -> tuple[int, JSON]:
    if errors == ["Cannot send an empty message"]:
        return _error(400, 50006, errors[0])
    return _error(400, 50035, "Invalid Form Body", errors)


class FakeDiscord(World):
    """Serve Discord's REST API and gateway for one bot; record everything for assertions.

    ``interaction_deadline``: seconds after dispatch within which the initial interaction response
    must arrive (Discord: 3 s, then "Unknown interaction"); None disables it.
    ``echo_bot_messages``: send MESSAGE_CREATE/UPDATE/DELETE for the bot's own channel messages, as
    Discord does, so a bot that answers itself loops in tests too.
    """

    validate_command_payload = staticmethod(validate_command_payload)

    def __init__(self, *, interaction_deadline: float | None = 3.0, echo_bot_messages: bool = True) -> None:
        super().__init__()
        self.interaction_deadline = interaction_deadline
        self.echo_bot_messages = echo_bot_messages
        self.requests: list[Request] = []
        self.frames: list[GatewayFrame] = []
        self.sessions: dict[str, _Session] = {}
        self.interactions: dict[str, _Interaction] = {}
        self._conns: set[_Conn] = set()
        self._injections: list[_Injection] = []
        self._changed = asyncio.Event()
        self._failure: BaseException | None = None
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = [
            (m, re.compile(p), h)
            for m, p, h in [
                ("GET", r"/users/@me", self._get_me),
                ("GET", r"/oauth2/applications/@me", self._get_application),
                ("GET", r"/gateway(?:/bot)?", self._get_gateway),
                ("GET|PUT", r"/applications/(?P<app>\d+)(?:/guilds/(?P<guild>\d+))?/commands", self._commands),
                ("POST", r"/interactions/(?P<iid>\d+)/(?P<token>[^/]+)/callback", self._callback),
                ("POST", r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)", self._followup),
                (
                    "GET|PATCH|DELETE",
                    r"/webhooks/(?P<app>\d+)/(?P<token>[^/]+)/messages/(?P<mid>@original|\d+)",
                    self._webhook_message,
                ),
                ("POST", r"/channels/(?P<cid>\d+)/messages", self._create_message),
                ("GET|PATCH|DELETE", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)", self._channel_message),
                ("POST", r"/channels/(?P<cid>\d+)/typing", self._no_content),
                ("PUT|DELETE", r"/channels/(?P<cid>\d+)/messages/(?P<mid>\d+)/reactions/[^/]+/@me", self._no_content),
                ("GET", r"/channels/(?P<cid>\d+)", self._get_channel),
                ("POST", r"/users/@me/channels", self._create_dm),
            ]
        ]

    # ---- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind a free port on 127.0.0.1."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Close gateway connections and the server."""
        for conn in list(self._conns):
            conn.dropped = True
            await conn.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self._port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port}/gateway"

    # ---- waiting -----------------------------------------------------------------------------

    def mark(self) -> Mark:
        return Mark(len(self.requests), len(self.frames))

    def abort(self, exc: BaseException) -> None:
        """Make every current and future wait raise ``exc`` (used to fail fast on logged errors)."""
        if self._failure is None:
            self._failure = exc
        self._notify()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait(self, find: Callable[[], Any], timeout: float, what: str) -> Any:
        async def loop() -> Any:
            while True:
                if self._failure is not None:
                    raise AssertionError(str(self._failure)) from self._failure
                found = find()
                if found is not None:
                    return found
                await self._changed.wait()

        try:
            return await asyncio.wait_for(loop(), timeout)
        except TimeoutError:
            raise AssertionError(
                f"timed out after {timeout}s waiting for {what}; "
                f"last requests: {[(r.method, r.path, r.status) for r in self.requests[-5:]]}"
            ) from None

    async def wait_for_request(
        self,
        predicate: Callable[[Request], bool] | None = None,
        *,
        method: str | None = None,
        path: str | None = None,
        after: Mark | None = None,
        timeout: float = 5.0,
    ) -> Request:
        """First recorded request after ``after`` matching predicate, method and ``path`` (re.search)."""
        start = after.requests if after else 0

        def find() -> Request | None:
            for r in self.requests[start:]:
                if method and r.method != method.upper():
                    continue
                if path and not re.search(path, r.path):
                    continue
                if predicate is None or predicate(r):
                    return r
            return None

        return await self._wait(find, timeout, f"request {method or ''} {path or ''}")

    async def wait_for_frame(
        self,
        predicate: Callable[[GatewayFrame], bool],
        *,
        after: Mark | None = None,
        timeout: float = 5.0,
    ) -> GatewayFrame:
        """First gateway frame (either direction) after ``after`` matching ``predicate``."""
        start = after.frames if after else 0
        return await self._wait(
            lambda: next((f for f in self.frames[start:] if predicate(f)), None), timeout, "gateway frame"
        )

    async def wait_for_identify(self, *, after: Mark | None = None, timeout: float = 5.0) -> JSON:
        """IDENTIFY's ``d`` (token, intents...), returned once READY and GUILD_CREATE were sent."""
        frame = await self.wait_for_frame(lambda f: f.direction == "in" and f.op == 2, after=after, timeout=timeout)
        return frame.d

    async def wait_for_resume(self, *, after: Mark | None = None, timeout: float = 5.0) -> JSON:
        """RESUME's ``d`` (session_id, seq), returned once missed events and RESUMED were sent."""
        frame = await self.wait_for_frame(lambda f: f.direction == "in" and f.op == 6, after=after, timeout=timeout)
        return frame.d

    def unhandled_requests(self) -> list[Request]:
        """Calls no route matched: endpoints the bot uses that the fake (or Discord) lacks."""
        return [r for r in self.requests if not r.handled]

    def fail_next(self, method: str, path_regex: str, status: int = 429, retry_after: float = 0.05) -> None:
        """Answer the next matching call (path relative to /api/v10, re.search) with ``status``.

        429s carry Via and a JSON retry_after, which discord.py requires before it retries; it
        sleeps 1+2n s after a 5xx, so prefer 429 in fast tests.
        """
        self._injections.append(_Injection(method.upper(), re.compile(path_regex), status, retry_after))

    # ---- gateway -----------------------------------------------------------------------------

    async def dispatch(self, event: str, data: JSON) -> JSON:
        """Send op 0 ``event`` to every bot session (buffered for RESUME if it is disconnected)."""
        if not self.sessions:
            raise RuntimeError("no bot has identified with the fake gateway")
        if event == "INTERACTION_CREATE":
            self.interactions[data["token"]] = _Interaction(data, time.monotonic())
        for session in list(self.sessions.values()):
            if not session.owns(data.get("guild_id") or (data.get("id") if event.startswith("GUILD_") else None)):
                continue
            filtered = self._filter(session, event, data)
            if filtered is not None:
                await self._send_event(session, event, filtered)
        return data

    def _filter(self, session: _Session, event: str, data: JSON) -> JSON | None:
        """Apply intents like Discord: drop unsubscribed message events, blank content without the intent."""
        if not event.startswith("MESSAGE_") or event.startswith("MESSAGE_REACTION"):
            return data
        needed = INTENT_GUILD_MESSAGES if data.get("guild_id") else INTENT_DIRECT_MESSAGES
        if not session.intents & needed:
            log.warning("%s not delivered: bot lacks intent %d", event, needed)
            return None
        exempt = (
            not data.get("guild_id")
            or data.get("author", {}).get("id") == self.bot_user["id"]
            or any(m.get("id") == self.bot_user["id"] for m in data.get("mentions", []))
        )
        if event == "MESSAGE_DELETE" or session.intents & INTENT_MESSAGE_CONTENT or exempt:
            return data
        return {**data, "content": "", "embeds": [], "attachments": [], "components": []}

    async def drop_connection(self, code: int | None = 4000) -> None:
        """Close the bot's websocket with ``code`` (None: abort the TCP connection) so it must RESUME."""
        for conn in [c for c in self._conns if c.session is not None]:
            conn.dropped = True
            assert conn.session is not None
            conn.session.conn = None
            if code is None:
                transport = conn.request.transport
                if transport is not None:
                    transport.abort()
            else:
                await conn.ws.close(code=code)

    async def invalidate_session(self, resumable: bool = False) -> None:
        """Send op 9; when not resumable the bot must IDENTIFY again."""
        for session in list(self.sessions.values()):
            if not resumable:
                del self.sessions[session.id]
            if session.conn is not None:
                await self._send(session.conn, {"op": 9, "d": resumable})

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT; the bot closes and RESUMEs."""
        for session in self.sessions.values():
            if session.conn is not None:
                await self._send(session.conn, {"op": 7, "d": None})

    def _record_frame(self, direction: Literal["in", "out"], payload: JSON) -> None:
        self.frames.append(
            GatewayFrame(
                direction, payload.get("op", -1), payload.get("t"), payload.get("s"), payload.get("d"), time.monotonic()
            )
        )
        self._notify()

    async def _send(self, conn: _Conn, payload: JSON) -> None:
        async with conn.lock:
            if conn.ws.closed:
                return
            try:
                await conn.ws.send_str(json.dumps(payload))
            except (ConnectionError, RuntimeError):
                return
        self._record_frame("out", payload)

    async def _send_event(self, session: _Session, event: str, data: JSON) -> None:
        session.seq += 1
        payload = {"op": 0, "t": event, "s": session.seq, "d": data}
        session.buffer.append(payload)
        if session.conn is not None:
            await self._send(session.conn, payload)

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        # discord.py asks for ?compress=zlib-stream (or zstd-stream) but decodes text frames as
        # plain JSON (only binary frames are decompressed), so we ignore compression entirely.
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        conn = _Conn(ws, request)
        self._conns.add(conn)
        await self._send(conn, {"op": 10, "d": {"heartbeat_interval": 45000}})
        try:
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_frame(conn, json.loads(msg.data))
        finally:
            self._conns.discard(conn)
            session = conn.session
            if session is not None and session.conn is conn:
                session.conn = None
                if not conn.dropped and ws.close_code in (1000, 1001):
                    self.sessions.pop(session.id, None)  # a clean close ends the session, as on Discord
            self._notify()
        return ws

    async def _on_frame(self, conn: _Conn, frame: JSON) -> None:
        op, d = frame.get("op"), frame.get("d") or {}
        if not isinstance(d, dict):
            d = {}
        if op == 1:
            await self._send(conn, {"op": 11})
        elif op == 2:
            shard = d.get("shard") or [0, 1]
            session = _Session(uuid.uuid4().hex, int(d.get("intents", 0)), conn=conn, shard=(shard[0], shard[1]))
            self.sessions[session.id] = session
            conn.session = session
            owned = session.owns(self.guild_id)
            await self._send_event(
                session,
                "READY",
                {
                    "v": 10,
                    "user": self.bot_user,
                    "guilds": [{"id": str(self.guild_id), "unavailable": True}] if owned else [],
                    "shard": list(session.shard),
                    "session_id": session.id,
                    "session_type": "normal",
                    "resume_gateway_url": self.gateway_url,
                    "private_channels": [],
                    "relationships": [],
                    "presences": [],
                    "application": {"id": str(self.application_id), "flags": 0},
                },
            )
            guild = self.guild
            if not session.intents & INTENT_GUILD_PRESENCES:
                # Discord docs: without GUILD_PRESENCES, members holds only the bot (and voice users).
                guild["members"] = [m for m in guild["members"] if m["user"]["id"] == self.bot_user["id"]]
            if owned:
                await self._send_event(session, "GUILD_CREATE", guild)
        elif op == 6:
            resumed = self.sessions.get(d.get("session_id", ""))
            if resumed is None:
                await self._send(conn, {"op": 9, "d": False})
            else:
                if resumed.conn is not None and resumed.conn is not conn:
                    resumed.conn.dropped = True
                    await resumed.conn.ws.close(code=4000)
                resumed.conn, conn.session = conn, resumed
                for payload in [p for p in resumed.buffer if p["s"] > (d.get("seq") or 0)]:
                    await self._send(conn, payload)
                await self._send_event(resumed, "RESUMED", {})
        elif op == 8 and conn.session is not None:
            wanted = {str(u) for u in d.get("user_ids") or []}
            members = [m for m in self.members.values() if not wanted or m["user"]["id"] in wanted]
            await self._send_event(
                conn.session,
                "GUILD_MEMBERS_CHUNK",
                {
                    "guild_id": str(d["guild_id"]),
                    "members": members,
                    "chunk_index": 0,
                    "chunk_count": 1,
                    "not_found": [],
                    **({"nonce": d["nonce"]} if "nonce" in d else {}),
                },
            )
        self._record_frame("in", frame)

    # ---- REST plumbing -------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.Response:
        sub = request.path[len(API_PREFIX) :] if request.path.startswith(API_PREFIX + "/") else request.path
        body, files = await self._read_body(request)
        rec = Request(request.method, sub, dict(request.query), body, files, dict(request.headers), time.monotonic())
        headers = {"Content-Type": "application/json"}
        injection = next((i for i in self._injections if i.method == rec.method and i.path_re.search(sub)), None)
        if injection is not None:
            self._injections.remove(injection)
            status, data = injection.status, {"message": "injected failure", "code": 0}
            if status == 429:
                data = {
                    "message": "You are being rate limited.",
                    "retry_after": injection.retry_after,
                    "global": False,
                    "code": 0,
                }
                headers.update({"Via": "1.1 google", "Retry-After": str(max(1, round(injection.retry_after)))})
        else:
            status, data = await self._route(rec)
        rec.status, rec.response = status, data
        self.requests.append(rec)
        self._notify()
        if status == 204:
            return web.Response(status=204)
        # Exactly "application/json": discord.py compares the header verbatim (no charset).
        return web.Response(status=status, body=json.dumps(data).encode(), headers=headers)

    async def _route(self, rec: Request) -> tuple[int, Any]:
        for methods, pattern, handler in self._routes:
            m = pattern.fullmatch(rec.path)
            if m and rec.method in methods.split("|"):
                public = rec.path.startswith(("/interactions/", "/webhooks/"))
                if not public and not rec.headers.get("Authorization", "").startswith("Bot "):
                    return _error(401, 0, "401: Unauthorized")
                return await handler(rec, {k: v for k, v in m.groupdict().items() if v is not None})
        rec.handled = False
        log.warning("fakediscord: unhandled %s %s", rec.method, rec.path)
        return _error(404, 0, "404: Not Found")

    @staticmethod
    async def _read_body(request: web.Request) -> tuple[Any, list[UploadedFile]]:
        files: list[UploadedFile] = []
        if request.content_type == "multipart/form-data":
            body = None
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader):
                    continue
                data = await part.read(decode=False)
                if part.name == "payload_json":
                    body = json.loads(data)
                else:
                    files.append(UploadedFile(part.name or "", part.filename, bytes(data)))
            return body, files
        raw = await request.read()
        return (json.loads(raw) if raw else None), files

    # ---- REST handlers -------------------------------------------------------------------------

    async def _no_content(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        return 204, None

    async def _get_me(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        return 200, {**self.bot_user, "verified": True, "mfa_enabled": False, "locale": "en-US"}

    async def _get_application(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        return 200, {
            # a self-hosted server may name another application here (Spacebar does)
            "id": str(self.reported_application_id or self.application_id),
            "name": self.bot_user["username"],
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.owner_user,
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "interactions_endpoint_url": None,
            "bot": self.bot_user,
        }

    async def _get_gateway(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        return 200, {
            "url": self.gateway_url,
            "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
        }

    async def _commands(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        scope = int(m["guild"]) if "guild" in m else None
        if rec.method == "GET":
            return 200, self.commands.get(scope, [])
        errors = validate_command_payload(rec.json)
        if errors:
            return _invalid(errors)
        old = {(c["name"], c.get("type", 1)): c["id"] for c in self.commands.get(scope, [])}
        stored = []
        for cmd in rec.json:
            cmd = copy.deepcopy(cmd)
            cmd.setdefault("type", 1)
            cmd.update(
                id=old.get((cmd["name"], cmd["type"])) or str(self.new_id()),
                application_id=str(self.application_id),
                version=str(self.new_id()),
            )
            cmd.setdefault("default_member_permissions", None)
            cmd.setdefault("options", [])
            cmd.setdefault("description", "")  # Discord answers "" for context-menu commands
            if scope is not None:
                cmd["guild_id"] = str(scope)
            stored.append(cmd)
        self.commands[scope] = stored
        return 200, stored

    def _bot_message(self, channel_id: int, body: JSON, files: list[UploadedFile], **extra: Any) -> JSON:
        """A message authored by the bot from a create body (content, embeds, components, flags...)."""
        attachments = [
            {
                "id": str(self.new_id()),
                "filename": f.filename,
                "size": len(f.data),
                "url": f"{self.api_base}/attachments/{f.filename}",
                "proxy_url": "",
                "content_type": None,
            }
            for f in files
        ]
        fields = {k: body[k] for k in ("embeds", "components", "tts", "poll") if body.get(k) is not None}
        return self.make_message(
            channel_id,
            self.bot_user,
            content=body.get("content") or "",
            flags=int(body.get("flags") or 0),
            attachments=attachments,
            **fields,
            **extra,
        )

    def _edit(self, msg: JSON, body: JSON, files: list[UploadedFile]) -> JSON:
        for key in ("content", "embeds", "components", "flags"):
            if key in body:
                msg[key] = (
                    body[key] if body[key] is not None else ("" if key == "content" else 0 if key == "flags" else [])
                )
        if files:
            msg["attachments"] = self._bot_message(int(msg["channel_id"]), {}, files)["attachments"]
        msg["flags"] = int(msg.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
        msg["edited_timestamp"] = now_iso()
        return msg

    async def _echo(self, event: str, msg: JSON) -> None:
        if self.echo_bot_messages and self.sessions and not msg.get("flags", 0) & MESSAGE_FLAG_EPHEMERAL:
            if event == "MESSAGE_DELETE":
                msg = {k: msg[k] for k in ("id", "channel_id", "guild_id") if k in msg}
            await self.dispatch(event, msg)

    async def _callback(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        inter = self.interactions.get(m["token"])
        late = (
            inter is not None
            and self.interaction_deadline is not None
            and time.monotonic() - inter.created > self.interaction_deadline
        )
        if inter is None or inter.payload["id"] != m["iid"] or late:
            return _error(404, 10062, "Unknown interaction")
        if inter.acked:
            return _error(400, 40060, "Interaction has already been acknowledged.")
        body = rec.json or {}
        errors = validate_interaction_response(body, has_files=bool(rec.files))
        if errors:
            return _invalid(errors)
        inter.acked = True
        rtype, data = body.get("type"), body.get("data") or {}
        channel_id = int(inter.payload["channel_id"])
        result: JSON = {"interaction": {"id": inter.payload["id"], "type": inter.payload["type"]}}
        message: JSON | None = None
        if rtype in (4, 5):
            if rtype == 5:
                data = {"flags": int(data.get("flags") or 0) | MESSAGE_FLAG_LOADING}
            itype = 20 if inter.payload["type"] == 2 else 0
            message = self._bot_message(
                channel_id,
                data,
                rec.files,
                type_=itype,
                webhook_id=str(self.application_id),
                application_id=str(self.application_id),
                interaction_metadata={
                    "id": inter.payload["id"],
                    "type": inter.payload["type"],
                    "user": self._interaction_user(inter),
                    "authorizing_integration_owners": {},
                },
            )
            inter.original_id = int(message["id"])
            if rtype == 4:
                await self._echo("MESSAGE_CREATE", message)
        elif rtype in (6, 7) and "message" in inter.payload:
            message = self.messages.setdefault(int(inter.payload["message"]["id"]), inter.payload["message"])
            inter.original_id = int(message["id"])
            if rtype == 7:
                self._edit(message, data, rec.files)
        if message is not None:
            result["interaction"].update(
                response_message_id=message["id"],
                response_message_loading=bool(message["flags"] & MESSAGE_FLAG_LOADING),
                response_message_ephemeral=bool(message["flags"] & MESSAGE_FLAG_EPHEMERAL),
            )
        result["resource"] = {"type": rtype, **({"message": message} if message is not None else {})}
        return 200, result

    @staticmethod
    def _interaction_user(inter: _Interaction) -> JSON:
        return inter.payload.get("member", {}).get("user") or inter.payload["user"]

    def _webhook_interaction(self, m: dict[str, str]) -> _Interaction | None:
        inter = self.interactions.get(m["token"])
        if inter is None or m["app"] != str(self.application_id) or not inter.acked:
            return None
        return inter

    async def _followup(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        inter = self._webhook_interaction(m)
        if inter is None:
            return _error(404, 10015, "Unknown Webhook")
        body = rec.json or {}
        errors = validate_message_payload(body, has_files=bool(rec.files))
        if errors:
            return _invalid(errors)
        original = self.messages.get(inter.original_id or 0)
        if original is not None and original["flags"] & MESSAGE_FLAG_LOADING:
            # Discord: the first followup after a "thinking" defer edits the deferred message.
            self._edit(original, body, rec.files)
            await self._echo("MESSAGE_CREATE", original)
            return 200, original
        msg = self._bot_message(
            int(inter.payload["channel_id"]),
            body,
            rec.files,
            webhook_id=str(self.application_id),
            application_id=str(self.application_id),
        )
        await self._echo("MESSAGE_CREATE", msg)
        return 200, msg

    async def _webhook_message(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        inter = self._webhook_interaction(m)
        if inter is None:
            return _error(404, 10015, "Unknown Webhook")
        mid = inter.original_id if m["mid"] == "@original" else int(m["mid"])
        msg = self.messages.get(mid or 0)
        if msg is None:
            return _error(404, 10008, "Unknown Message")
        return await self._message_op(rec, msg)

    async def _message_op(self, rec: Request, msg: JSON) -> tuple[int, Any]:
        """GET / PATCH / DELETE on an existing message."""
        if rec.method == "GET":
            return 200, msg
        if rec.method == "DELETE":
            self.messages.pop(int(msg["id"]), None)
            await self._echo("MESSAGE_DELETE", msg)
            return 204, None
        errors = validate_message_payload(rec.json or {}, has_files=bool(rec.files), edit=True)
        if errors:
            return _invalid(errors)
        was_loading = msg["flags"] & MESSAGE_FLAG_LOADING
        self._edit(msg, rec.json or {}, rec.files)
        await self._echo("MESSAGE_CREATE" if was_loading else "MESSAGE_UPDATE", msg)
        return 200, msg

    def _channel_or_error(self, cid: str, needed: int) -> tuple[JSON | None, tuple[int, Any] | None]:
        channel = self.channels.get(int(cid))
        if channel is None:
            return None, _error(404, 10003, "Unknown Channel")
        if "guild_id" in channel and self.permissions(self.bot_user_id, int(cid)) & needed != needed:
            return None, _error(403, 50013, "Missing Permissions")
        return channel, None

    async def _create_message(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        channel, err = self._channel_or_error(m["cid"], VIEW_CHANNEL | SEND_MESSAGES)
        if err is not None:
            return err
        body = rec.json or {}
        errors = validate_message_payload(body, has_files=bool(rec.files))
        if errors:
            return _invalid(errors)
        extra: JSON = {}
        if (ref := body.get("message_reference")) is not None:
            referenced = self.messages.get(int(ref.get("message_id") or 0))
            if referenced is None and ref.get("fail_if_not_exists", True):
                return _invalid(["message_reference: Unknown message"])
            extra = {"type_": 19, "message_reference": {"type": 0, **ref}, "referenced_message": referenced}
        if "guild_id" in (channel or {}):
            extra["member"] = {k: v for k, v in self.member_payload(self.bot_user_id).items() if k != "user"}
        msg = self._bot_message(int(m["cid"]), body, rec.files, **extra)
        await self._echo("MESSAGE_CREATE", msg)
        return 200, msg

    async def _channel_message(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        _, err = self._channel_or_error(m["cid"], VIEW_CHANNEL)
        if err is not None:
            return err
        msg = self.messages.get(int(m["mid"]))
        if msg is None or msg["channel_id"] != m["cid"]:
            return _error(404, 10008, "Unknown Message")
        mine = msg["author"]["id"] == self.bot_user["id"]
        if rec.method == "PATCH" and not mine:
            return _error(403, 50005, "Cannot edit a message authored by another user")
        can_manage = self.permissions(self.bot_user_id, int(m["cid"])) & MANAGE_MESSAGES
        if rec.method == "DELETE" and not mine and "guild_id" in msg and not can_manage:
            return _error(403, 50013, "Missing Permissions")
        return await self._message_op(rec, msg)

    async def _get_channel(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        channel = self.channels.get(int(m["cid"]))
        return (200, channel) if channel is not None else _error(404, 10003, "Unknown Channel")

    async def _create_dm(self, rec: Request, m: dict[str, str]) -> tuple[int, Any]:
        uid = int((rec.json or {}).get("recipient_id", 0))
        if uid not in self.users:
            return _error(400, 50035, "Invalid Form Body", ["recipient_id: unknown user"])
        return 200, self.dm_channel(uid)
