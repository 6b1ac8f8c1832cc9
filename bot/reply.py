"""The one value the core hands to every adapter: what to tell the person who asked.

The core decides the outcome and words every sentence; renderers (console text, JSON,
Discord embeds) only lay these fields out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from bot.knowledge.model import Source, Status


class Outcome(StrEnum):
    ANSWER = "answer"  # one or two entries answer the question
    NOT_IN_ARTICLE = "not_in_article"  # the article does not say, or says it is not known yet (with what it says)
    SUGGESTIONS = "suggestions"  # unsure: "did you mean" up to three questions
    DECLINE = "decline"  # out of scope, an instruction to the bot, or a language it does not answer
    SMALLTALK = "smalltalk"  # greetings, thanks, "are you a bot": a short friendly reply


@dataclass(frozen=True, slots=True)
class Suggestion:
    entry_id: str
    question: str
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Answer:
    entry_id: str
    story_id: str
    question: str  # the curated question this answer belongs to
    text: str
    score: float
    status: Status
    caveat: str | None
    sources: tuple[Source, ...]
    source_titles: tuple[str, ...]  # the title of each source's document, same order
    related: tuple[Suggestion, ...]
    reviewed: str


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot says to one question.

    `question` is the cleaned text (mentions and markup removed), safe to show back.
    `message` holds the core's words for outcomes without answers (decline, smalltalk,
    suggestions), or, before a not-in-article reply's nearest answer, what the article does not
    say; it is empty otherwise. `notes` are short remarks such as "your question
    was cut to 500 characters".
    """

    question: str
    outcome: Outcome
    answers: tuple[Answer, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    message: str = ""
    notes: tuple[str, ...] = field(default=())
    rule: str = ""  # which rule decided the outcome, for `--explain`, /faqadmin test and the logs

    @property
    def top(self) -> Answer | None:
        return self.answers[0] if self.answers else None


class SmallTalk(StrEnum):
    """What a message is when it asks nothing about the story (matching/chat.py tells them apart)."""

    GREETING = "greeting"
    THANKS = "thanks"
    IDENTITY = "identity"
    HELP = "help"
    GOODBYE = "goodbye"
    PRAISE = "praise"
    COMPLAINT = "complaint"
    ACKNOWLEDGEMENT = "acknowledgement"
