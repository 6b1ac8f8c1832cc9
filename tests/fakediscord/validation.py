"""Discord's server-side payload rules, so tests fail where production would answer 400.

Limits follow the Discord developer docs ("Application Commands", "Message", "Embed Limits").
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

JSON = dict[str, Any]

# Docs: ^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$; Python's Unicode \w is the close equivalent.
NAME_RE = re.compile(r"^[-_'\w]{1,32}$")
SUBCOMMAND, GROUP = 1, 2
CHOICE_TYPES: dict[int, type | tuple[type, ...]] = {3: str, 4: int, 10: (int, float)}


def _name_errors(name: Any, where: str) -> list[str]:
    if not isinstance(name, str) or not NAME_RE.match(name):
        return [f"{where}: name {name!r} must match ^[-_'\\w]{{1,32}}$"]
    if name != name.lower():
        return [f"{where}: name {name!r} must be lowercase"]
    return []


def _desc_errors(desc: Any, where: str) -> list[str]:
    if not isinstance(desc, str) or not 1 <= len(desc) <= 100:
        return [f"{where}: description must be 1-100 characters, got {desc!r}"]
    return []


def _chars(opts: list[JSON]) -> int:
    """Characters counted towards the 4000 per-command limit (names, descriptions, choices)."""
    total = 0
    for o in opts:
        total += len(o.get("name", "")) + len(o.get("description", ""))
        total += sum(len(c.get("name", "")) + len(str(c.get("value", ""))) for c in o.get("choices") or [])
        total += _chars(o.get("options") or [])
    return total


def _option_errors(opts: list[JSON], where: str, level: str) -> list[str]:
    """``level`` is "command", "group" or "subcommand": what may be nested where."""
    errors: list[str] = []
    if len(opts) > 25:
        errors.append(f"{where}: at most 25 options, got {len(opts)}")
    names = Counter(o.get("name") for o in opts)
    errors += [f"{where}: duplicate option name {n!r}" for n, c in names.items() if c > 1]
    nested = [o.get("type") in (SUBCOMMAND, GROUP) for o in opts]
    if level == "command" and any(nested) and not all(nested):
        errors.append(f"{where}: subcommands/groups cannot be mixed with other options")
    if level == "group" and not all(o.get("type") == SUBCOMMAND for o in opts):
        errors.append(f"{where}: a subcommand group may only contain subcommands")
    if level == "subcommand" and any(nested):
        errors.append(f"{where}: subcommands cannot contain subcommands or groups")
    seen_optional = False
    for o in opts:
        w = f"{where} > {o.get('name')}"
        otype = o.get("type")
        errors += _name_errors(o.get("name"), w) + _desc_errors(o.get("description"), w)
        if otype not in range(1, 12):
            errors.append(f"{w}: unknown option type {otype!r}")
        if otype in (SUBCOMMAND, GROUP):
            errors += _option_errors(o.get("options") or [], w, "group" if otype == GROUP else "subcommand")
            continue
        if o.get("required"):
            if seen_optional:
                errors.append(f"{w}: required options must come before optional ones")
        else:
            seen_optional = True
        choices = o.get("choices") or []
        if len(choices) > 25:
            errors.append(f"{w}: at most 25 choices, got {len(choices)}")
        if choices and o.get("autocomplete"):
            errors.append(f"{w}: choices and autocomplete are mutually exclusive")
        if choices and otype not in CHOICE_TYPES:
            errors.append(f"{w}: choices are only allowed on string, integer and number options")
        for c in choices:
            cname, value = c.get("name"), c.get("value")
            if not isinstance(cname, str) or not 1 <= len(cname) <= 100:
                errors.append(f"{w}: choice name must be 1-100 characters, got {cname!r}")
            if otype in CHOICE_TYPES and not isinstance(value, CHOICE_TYPES[otype]):
                errors.append(f"{w}: choice value {value!r} does not match option type {otype}")
            if isinstance(value, str) and not 1 <= len(value) <= 100:
                errors.append(f"{w}: string choice value must be 1-100 characters, got {len(value)}")
        for key in ("min_length", "max_length"):
            if key in o and not 0 <= o[key] <= 6000:
                errors.append(f"{w}: {key} must be 0-6000")
    return errors


def validate_command_payload(cmds: Any) -> list[str]:
    """Errors Discord would return for a bulk-overwrite (PUT .../commands) body; [] when valid."""
    if not isinstance(cmds, list):
        return ["body must be a list of commands"]
    errors: list[str] = []
    types = Counter(c.get("type", 1) for c in cmds)
    if types[1] > 100:
        errors.append(f"at most 100 chat-input commands, got {types[1]}")
    for t in (2, 3):
        if types[t] > 5:
            errors.append(f"at most 5 {'user' if t == 2 else 'message'} context-menu commands, got {types[t]}")
    names = Counter((c.get("name"), c.get("type", 1)) for c in cmds)
    errors += [f"duplicate command name {n!r}" for (n, _), c in names.items() if c > 1]
    for c in cmds:
        where, ctype = f"/{c.get('name')}", c.get("type", 1)
        if not set(c.get("integration_types") or [0]) <= {0, 1}:
            errors.append(f"{where}: integration_types must be 0 (guild install) and/or 1 (user install)")
        if not set(c.get("contexts") or [0]) <= {0, 1, 2}:
            errors.append(f"{where}: contexts must be 0 (guild), 1 (bot DM) and/or 2 (private channel)")
        if ctype == 1:
            errors += _name_errors(c.get("name"), where) + _desc_errors(c.get("description"), where)
            errors += _option_errors(c.get("options") or [], where, "command")
            if _chars([c]) > 4000:
                errors.append(f"{where}: names, descriptions and choices exceed 4000 characters")
        else:
            if not isinstance(c.get("name"), str) or not 1 <= len(c["name"]) <= 32:
                errors.append(f"{where}: context-menu name must be 1-32 characters")
            if c.get("description") or c.get("options"):
                errors.append(f"{where}: context-menu commands take no description or options")
    return errors


EMBED_LIMITS = {"title": 256, "description": 4096}


def _embed_errors(embed: JSON, where: str) -> tuple[list[str], int]:
    errors: list[str] = []
    size = 0
    for key, limit in EMBED_LIMITS.items():
        text = embed.get(key) or ""
        size += len(text)
        if len(text) > limit:
            errors.append(f"{where}.{key}: at most {limit} characters, got {len(text)}")
    for key, sub, limit in (("footer", "text", 2048), ("author", "name", 256)):
        text = (embed.get(key) or {}).get(sub) or ""
        size += len(text)
        if len(text) > limit:
            errors.append(f"{where}.{key}.{sub}: at most {limit} characters")
    fields = embed.get("fields") or []
    if len(fields) > 25:
        errors.append(f"{where}: at most 25 fields")
    for i, f in enumerate(fields):
        name, value = f.get("name") or "", f.get("value") or ""
        size += len(name) + len(value)
        if not 1 <= len(name) <= 256 or not 1 <= len(value) <= 1024:
            errors.append(f"{where}.fields[{i}]: name 1-256 and value 1-1024 characters")
    return errors, size


def _component_errors(components: list[JSON], where: str) -> list[str]:
    errors: list[str] = []
    for c in components:
        if len(c.get("custom_id") or "") > 100:
            errors.append(f"{where}: custom_id longer than 100 characters")
        if c.get("type") == 2 and len(c.get("label") or "") > 80:
            errors.append(f"{where}: button label longer than 80 characters")
        for key in ("components", "accessory", "component"):
            sub = c.get(key)
            if sub:
                errors += _component_errors(sub if isinstance(sub, list) else [sub], where)
    return errors


def validate_message_payload(body: JSON, *, has_files: bool = False, edit: bool = False) -> list[str]:
    """Errors for a message create/edit body (content, embed and component limits, empty messages)."""
    errors: list[str] = []
    content = body.get("content") or ""
    if len(content) > 2000:
        errors.append(f"content: at most 2000 characters, got {len(content)}")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        errors.append(f"embeds: at most 10, got {len(embeds)}")
    total = 0
    for i, e in enumerate(embeds):
        errs, size = _embed_errors(e, f"embeds[{i}]")
        errors += errs
        total += size
    if total > 6000:
        errors.append(f"embeds: combined text at most 6000 characters, got {total}")
    errors += _component_errors(body.get("components") or [], "components")
    empty = not (
        content
        or embeds
        or body.get("components")
        or has_files
        or body.get("sticker_ids")
        or body.get("poll")
        or body.get("attachments")
    )
    if empty and not edit:
        errors.append("Cannot send an empty message")
    return errors


def validate_interaction_response(body: JSON, has_files: bool = False) -> list[str]:
    """Errors for an interaction callback body, per response type."""
    rtype, data = body.get("type"), body.get("data") or {}
    if rtype == 4:
        return validate_message_payload(data, has_files=has_files)
    if rtype == 7:
        return validate_message_payload(data, has_files=has_files, edit=True)
    if rtype == 8:
        choices = data.get("choices") or []
        errors = [f"choices: at most 25, got {len(choices)}"] if len(choices) > 25 else []
        for c in choices:
            if not 1 <= len(c.get("name") or "") <= 100:
                errors.append(f"choices: name must be 1-100 characters, got {c.get('name')!r}")
            if isinstance(c.get("value"), str) and len(c["value"]) > 100:
                errors.append("choices: string value at most 100 characters")
        return errors
    if rtype == 9:
        errors = [] if 1 <= len(data.get("title") or "") <= 45 else ["modal title must be 1-45 characters"]
        if not 1 <= len(data.get("components") or []) <= 5:
            errors.append("modal must have 1-5 components")
        return errors + _component_errors(data.get("components") or [], "modal")
    if rtype not in (1, 5, 6, 10, 12):
        return [f"unknown interaction response type {rtype!r}"]
    return []
