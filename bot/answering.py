"""Questions in, replies out: the one way a question is answered, whoever asks (CLI or Discord).

It answers with the knowledge being served at that moment, logs one line per question (never
its text at INFO), and keeps what the FAQ could not answer for the moderators' inbox, when it
has records to keep it in (`faqbot ask` has none: it writes nothing).
"""

from __future__ import annotations

import logging
import time

from bot.matching.answerer import Answerer
from bot.records.database import Records
from bot.reply import Outcome, Reply
from bot.serving import KnowledgeService

log = logging.getLogger("faqbot.answering")

RECORDED_OUTCOMES = frozenset({Outcome.DECLINE, Outcome.SUGGESTIONS})  # what the inbox shows


class AnswerService:
    def __init__(self, knowledge: KnowledgeService, records: Records | None = None) -> None:
        self.knowledge = knowledge
        self.records = records

    def ask(self, question: str, via: str) -> Reply:
        """The reply to `question`; logs the outcome, entry, score, rule and time it took."""
        started = time.perf_counter()
        reply = self.knowledge.answerer.ask(question)
        latency_ms = (time.perf_counter() - started) * 1000
        top = reply.top
        log.info("answered via=%s outcome=%s entry=%s score=%s latency_ms=%.2f rule=%r", via, reply.outcome.value,
                 top.entry_id if top else "-", f"{top.score:.3f}" if top else "-", latency_ms, reply.rule)
        log.debug("question: %r", reply.question)
        return reply

    @property
    def answerer(self) -> Answerer:
        """The answerer serving now (a reload swaps it whole): read it once per request."""
        return self.knowledge.answerer

    def show(self, entry_id: str) -> Reply | None:
        """One entry as a reply (a "did you mean" click, /faq show), or None if it is gone."""
        return self.knowledge.answerer.show(entry_id)

    def wants_recording(self, reply: Reply) -> bool:
        return self.records is not None and reply.outcome in RECORDED_OUTCOMES and bool(reply.question)

    def record(self, reply: Reply, user_id: int | None) -> None:
        """Keep an unanswered question for the inbox: a reply `wants_recording` accepts (blocking:
        callers on an event loop decide first, then use a thread)."""
        if self.records is None:
            return
        best = reply.suggestions[0] if reply.suggestions else None
        self.records.record_unanswered(reply.question, reply.outcome.value, best.entry_id if best else None,
                                       best.score if best else None, user_id)
