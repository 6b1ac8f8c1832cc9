"""What a moderator types (a modal's text fields, a command's options) as entry data, and back.

These are pure functions: the editor runs them under its lock on the entry as it is on disk.
They only reshape text; whether the result is a valid entry is decided by the loader's checks.

Sources are typed one per line as `who is cited | quote`, or `document | who is cited | quote`
when the quote is not from the story's first document; a bare line is a quote from the
article itself (cited as "The article").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.editing.editor import NoChange
from bot.editing.yamltext import EntryData
from bot.knowledge.limits import MAX_ID
from bot.knowledge.schema import ID_PATTERN

DEFAULT_CITED = "The article"
_OUTER_QUOTES = ('"', "\u201c", "\u201d")


@dataclass(frozen=True, slots=True)
class EntryForm:
    """The add/edit modal's five fields, as text."""

    question: str = ""
    alternates: str = ""  # one phrasing per line
    answer: str = ""
    sources: str = ""  # one source per line (see the module docstring)
    status: str = ""


def entry_to_form(data: EntryData, default_document: str) -> EntryForm:
    """An entry as the edit modal shows it (prefilled)."""
    return EntryForm(
        question=str(data.get("question") or ""),
        alternates="\n".join(str(a) for a in data.get("alternates") or []),
        answer=str(data.get("answer") or ""),
        sources=sources_text(data.get("sources") or [], default_document),
        status=str(data.get("status") or ""),
    )


def sources_text(sources: Iterable[Any], default_document: str) -> str:
    lines = []
    for source in sources:
        if not isinstance(source, dict):
            continue
        parts = [str(source.get("cited") or DEFAULT_CITED), str(source.get("quote") or "")]
        if source.get("document") and source.get("document") != default_document:
            parts.insert(0, str(source["document"]))
        lines.append(" | ".join(parts))
    return "\n".join(lines)


def parse_lines(text: str) -> list[str]:
    """One item per non-empty line, trimmed, without repeats (compared case-insensitively)."""
    seen: set[str] = set()
    items: list[str] = []
    for line in text.splitlines():
        item = " ".join(line.split())
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            items.append(item)
    return items


def parse_sources(text: str, default_document: str) -> list[dict[str, str]]:
    """The sources field of the form (see the module docstring); the loader checks the quotes."""
    sources = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|", 2)]
        if len(parts) == 1:
            document, cited, quote = default_document, DEFAULT_CITED, parts[0]
        elif len(parts) == 2:
            document, (cited, quote) = default_document, parts
        else:
            document, cited, quote = parts
        sources.append({"document": document, "cited": cited, "quote": _unquoted(quote)})
    return sources


def _unquoted(quote: str) -> str:
    if len(quote) >= 2 and quote[0] in _OUTER_QUOTES and quote[-1] in _OUTER_QUOTES:
        return quote[1:-1].strip()
    return quote


def clean_text(text: str) -> str:
    """A modal's multi-line text: Windows line ends, trailing spaces and runs of blank lines go."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    joined = "\n".join(lines).strip()
    return re.sub(r"\n{3,}", "\n\n", joined)


def form_to_entry(form: EntryForm, base: EntryData | None, entry_id: str, today: str,
              default_document: str) -> EntryData:
    """The entry a submitted add/edit modal describes.

    Fields the modal does not show (keywords, topics, related) are kept from `base`. A changed
    status drops a caveat override, so the caveat follows the new status. `reviewed` becomes
    today: a moderator just checked the answer.
    """
    data: EntryData = dict(base) if base else {"id": entry_id}
    question = " ".join(form.question.split())
    status = form.status.strip()
    if base is not None and base.get("status") != status:
        data.pop("caveat", None)
    data.update(
        question=question,
        alternates=[a for a in parse_lines(form.alternates) if a.casefold() != question.casefold()],
        answer=clean_text(form.answer),
        status=status,
        sources=parse_sources(form.sources, default_document),
        reviewed=today,
    )
    return data


def with_alias(data: EntryData, phrase: str) -> EntryData:
    """The entry with one more alternate phrasing (refused if it already has it)."""
    phrase = " ".join(phrase.split())
    known = [str(data.get("question") or ""), *(str(a) for a in data.get("alternates") or [])]
    if phrase.casefold() in {k.casefold() for k in known}:
        raise NoChange(str(data.get("id")))
    return {**data, "alternates": [*(data.get("alternates") or []), phrase]}


def with_status(data: EntryData, status: str, caveat: str | None, today: str) -> EntryData:
    """A new status; the caveat then follows the status unless `caveat` overrides it."""
    new = {**data, "status": status}
    new.pop("caveat", None)
    if caveat is not None and caveat.strip():
        new["caveat"] = " ".join(caveat.split())
    if new == data:
        raise NoChange(str(data.get("id")))
    new["reviewed"] = today
    return new


def new_entry_id(question: str, taken: Iterable[str]) -> str:
    """A readable id from the question's first words, unique among `taken`."""
    ascii_text = unicodedata.normalize("NFKD", question).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)[:6]
    base = "-".join(words)[:48].strip("-") or "entry"
    if not ID_PATTERN.match(base):
        base = f"entry-{base}".strip("-")[:48]
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate = base[: MAX_ID - len(suffix)] + suffix
        n += 1
    return candidate
