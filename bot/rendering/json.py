"""Replies as JSON objects for scripts: one object per question (`faqbot ask --json`)."""

from __future__ import annotations

import json
from typing import Any

from bot.rendering.text import render_text
from bot.reply import Answer, Reply


def answer_dict(answer: Answer) -> dict[str, Any]:
    return {
        "id": answer.entry_id,
        "story": answer.story_id,
        "question": answer.question,
        "answer": answer.text,
        "score": answer.score,
        "status": answer.status.value,
        "caveat": answer.caveat,
        "sources": [
            {"document": s.document, "title": title, "cited": s.cited, "quote": s.quote}
            for s, title in zip(answer.sources, answer.source_titles)
        ],
        "related": [{"id": r.entry_id, "question": r.question} for r in answer.related],
        "reviewed": answer.reviewed,
    }


def reply_dict(reply: Reply) -> dict[str, Any]:
    return {
        "question": reply.question,
        "outcome": reply.outcome.value,
        "text": render_text(reply),
        "answers": [answer_dict(a) for a in reply.answers],
        "suggestions": [{"id": s.entry_id, "question": s.question, "score": s.score} for s in reply.suggestions],
        "message": reply.message or None,
        "notes": list(reply.notes),
        "rule": reply.rule or None,
    }


def render_json(reply: Reply) -> str:
    """One line of JSON, non-ASCII kept readable."""
    return json.dumps(reply_dict(reply), ensure_ascii=False)
