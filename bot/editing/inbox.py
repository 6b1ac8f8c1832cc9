"""The moderators' inbox: what people asked that the FAQ does not answer yet, most asked first.

Declined and unsure questions are grouped by similarity (rapidfuzz token_sort_ratio on the
normalised text), so "who is frances president" and "who is the president of france?" count
together. Answers marked not helpful are grouped by entry, counting only votes cast since the
entry last changed. Groups the current FAQ now answers are left out: the inbox shrinks as
moderators add entries.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.matching.answerer import Answerer
from bot.records.database import FeedbackRow, UnansweredRow
from bot.reply import Outcome

SIMILAR = 85  # token_sort_ratio at or above which two questions are the same question
ANSWERED = frozenset({Outcome.ANSWER, Outcome.NOT_IN_ARTICLE})


@dataclass(frozen=True, slots=True)
class InboxGroup:
    """One question people keep asking (kind "asked"), or one answer marked not helpful ("feedback")."""

    kind: str
    question: str  # the most asked phrasing, or the entry's question
    count: int
    last_at: float
    ref: int = 0  # for "asked": the row id of one asking of `question` (buttons carry it)
    entry_id: str | None = None  # for "feedback"
    outcomes: dict[str, int] = field(default_factory=dict)  # decline / suggestions counts
    phrasings: tuple[str, ...] = ()  # other ways it was asked, most asked first


def normalized(question: str) -> str:
    """Case and punctuation do not make a different question."""
    return " ".join(re.sub(r"[^\w\s]", " ", question.casefold()).split())


def build_inbox(unanswered: Iterable[UnansweredRow], feedback: Iterable[FeedbackRow],
                answerer: Answerer | None, last_changed: dict[str, float] | None = None) -> list[InboxGroup]:
    """Every open group, most asked first (then most recent)."""
    groups = _asked_groups(list(unanswered), answerer)
    groups += _feedback_groups(list(feedback), answerer, last_changed or {})
    return sorted(groups, key=lambda g: (-g.count, -g.last_at, g.question))


def _asked_groups(rows: list[UnansweredRow], answerer: Answerer | None) -> list[InboxGroup]:
    by_key: dict[str, list[UnansweredRow]] = defaultdict(list)
    for row in rows:
        key = normalized(row.question)
        if key:
            by_key[key].append(row)
    ordered_keys = sorted(by_key, key=lambda k: (-len(by_key[k]), -by_key[k][-1].at, k))
    reps: list[str] = []
    members: dict[str, list[str]] = {}
    for key in ordered_keys:
        found = process.extractOne(key, reps, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR) if reps else None
        if found is None:
            reps.append(key)
            members[key] = [key]
        else:
            members[found[0]].append(key)
    groups: list[InboxGroup] = []
    for rep, keys in members.items():
        asked = [row for key in keys for row in by_key[key]]
        first = by_key[rep][-1]  # the latest asking of the most asked phrasing
        if answerer is not None and answerer.ask(first.question).outcome in ANSWERED:
            continue
        phrasings = tuple(by_key[k][-1].question for k in keys[1:4])
        groups.append(InboxGroup(
            kind="asked", question=first.question, count=len(asked), last_at=max(r.at for r in asked),
            ref=first.id, outcomes=dict(Counter(r.outcome for r in asked)), phrasings=phrasings,
        ))
    return groups


def _feedback_groups(rows: list[FeedbackRow], answerer: Answerer | None,
                     last_changed: dict[str, float]) -> list[InboxGroup]:
    votes: dict[str, list[FeedbackRow]] = defaultdict(list)
    for row in rows:
        if not row.helpful and row.at > last_changed.get(row.entry_id, 0.0):
            votes[row.entry_id].append(row)
    groups: list[InboxGroup] = []
    for entry_id, entry_votes in votes.items():
        entry = answerer.knowledge.entry(entry_id) if answerer is not None else None
        if answerer is not None and entry is None:
            continue  # the entry is gone: nothing left to fix
        groups.append(InboxGroup(
            kind="feedback", question=entry.question if entry else entry_id, count=len(entry_votes),
            last_at=max(r.at for r in entry_votes), entry_id=entry_id,
        ))
    return groups
