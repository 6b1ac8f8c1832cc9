"""History, inbox and diffs as plain text lines: the CLI prints them, Discord lays them out."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from bot import wording
from bot.editing.inbox import InboxGroup
from bot.knowledge.schema import Problem
from bot.records.database import HistoryRow


def entry_diff(entry_id: str, before: str | None, after: str | None, context: int = 2) -> str:
    """A unified diff of one entry's YAML (an add is all +, a removal all -)."""
    lines = difflib.unified_diff(
        (before or "").splitlines(), (after or "").splitlines(),
        fromfile=f"{entry_id} (before)" if before is not None else "/dev/null",
        tofile=f"{entry_id} (after)" if after is not None else "/dev/null",
        n=context, lineterm="",
    )
    return "\n".join(lines)


def history_lines(rows: Iterable[HistoryRow]) -> list[str]:
    return [wording.mod_history_line(r.id, r.at, r.actor, r.action, r.entry_id) for r in rows]


def inbox_lines(groups: Sequence[InboxGroup]) -> list[str]:
    return [
        wording.mod_inbox_line(n, g.kind, g.question, g.count, g.outcomes, g.phrasings, g.entry_id)
        for n, g in enumerate(groups, start=1)
    ]


def problem_lines(problems: Iterable[Problem]) -> list[str]:
    return [str(p) for p in problems]
