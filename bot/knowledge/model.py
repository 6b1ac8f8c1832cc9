"""The knowledge as typed, immutable values.

Everything here is plain data: the loader builds it, the matcher indexes it, the renderers
read it. Nothing in this module does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    """How solid an entry's claim is; decides the default caveat a reader sees."""

    CONFIRMED = "confirmed"  # on the record (e.g. an official statement the article quotes)
    REPORTED = "reported"  # rests on media reports, unnamed sources, drafts
    STATED = "stated"  # the position or words of a named person or group
    UNRESOLVED = "unresolved"  # an open question the article says is not settled
    CONTEXT = "context"  # the article's own narrative, framing or background
    NOT_IN_ARTICLE = "not_in_article"  # people ask it; the article does not say


class Timeframe(StrEnum):
    """Which form of a question an entry answers, where tense changes the truth of the answer."""

    PAST = "past"  # "has X happened?", "did X ...?"
    FUTURE = "future"  # "will X ...?", "could X ...?", "is X going to ...?"


# What a reader is told when an entry sets no caveat and its story sets no default of its own
# (`story.caveats`). Generic on purpose: a story's outlet or sources belong in its knowledge file.
DEFAULT_CAVEATS: dict[Status, str | None] = {
    Status.CONFIRMED: None,
    Status.REPORTED: ("This rests on reporting (a report the article cites, unnamed sources or the article's own "
                      "hedged wording); it has not been confirmed on the record."),
    Status.STATED: "This is the stated position of the people quoted, not an established fact.",
    Status.UNRESOLVED: "The article describes this as unresolved.",
    Status.CONTEXT: None,
    Status.NOT_IN_ARTICLE: None,
}


class Gap(StrEnum):
    """What people ask of an entry that the article does not give: asked for, it is "not in the
    article", with the entry's answer (which says so) as the nearest thing the article does say."""

    NAMES = "names"  # "who ...?", "which officials ...?", "what are the names ..."
    DATE = "date"  # "when ...?", "what day / year ..."
    FIGURE = "figure"  # "how many / how much ...?", "what number / cost ..."
    REASON = "reason"  # "why ...?"
    PLACE = "place"  # "where ...?"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a claim comes from: a document of the story, who it cites, and a verbatim quote."""

    document: str  # id of a document of the story
    cited: str  # who the document cites for the claim (a newspaper, a named official, "The article")
    quote: str  # occurs verbatim in the document


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    path: str  # relative to the knowledge folder
    text: str = field(repr=False, default="")


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One curated question with its answer, how solid it is, and where it comes from."""

    id: str
    story_id: str
    question: str
    alternates: tuple[str, ...]
    keywords: tuple[str, ...]
    answer: str
    status: Status
    caveat: str | None  # already resolved: the override, else the status default
    sources: tuple[Source, ...]
    topics: tuple[str, ...]
    related: tuple[str, ...]
    reviewed: str  # ISO date the answer was last checked against its sources
    timeframe: Timeframe | None = None  # set where "will X" and "has X" need different answers
    repeats: tuple[str, ...] = ()  # entries whose content the answer repeats: their caveats come along
    own_caveat: bool = False  # the caveat was written for this entry (it then covers what it repeats)
    gaps: frozenset[Gap] = frozenset()  # what people ask of it that the article does not give

    @property
    def phrasings(self) -> tuple[str, ...]:
        return (self.question, *self.alternates)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """How people word this story: a story's words live in its knowledge file, never in code."""

    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (canonical word, its variants)
    off_topic: tuple[str, ...] = ()  # words of other subjects: a question about them is declined
    examples: tuple[str, ...] = ()  # example questions for /help and declines


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    publisher: str
    published: str
    summary_short: str
    summary_full: str
    caveat: str  # what a reader should know about the story's sourcing as a whole
    documents: tuple[Document, ...]
    topics: tuple[Topic, ...]
    vocabulary: Vocabulary = Vocabulary()
    caveats: tuple[tuple[Status, str | None], ...] = ()  # the story's default caveat per status

    def default_caveat(self, status: Status) -> str | None:
        return dict(self.caveats).get(status, DEFAULT_CAVEATS[status])

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)


@dataclass(frozen=True)
class KnowledgeBase:
    """Every story and entry of one knowledge folder, loaded and validated as a whole."""

    stories: tuple[Story, ...]
    entries: tuple[Entry, ...]
    locations: dict[str, tuple[str, int]] = field(default_factory=dict, compare=False, repr=False)  # id: file, line
    _by_id: dict[str, Entry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def story(self, story_id: str | None = None) -> Story:
        """The named story, or the first one (most deployments carry a single story)."""
        if story_id is None:
            return self.stories[0]
        for story in self.stories:
            if story.id == story_id:
                return story
        raise KeyError(story_id)

    @property
    def vocabulary(self) -> Vocabulary:
        """Every story's vocabulary in one: the matcher reads a folder's stories together."""
        if len(self.stories) == 1:
            return self.stories[0].vocabulary
        return Vocabulary(
            synonyms=tuple(pair for s in self.stories for pair in s.vocabulary.synonyms),
            off_topic=tuple(dict.fromkeys(w for s in self.stories for w in s.vocabulary.off_topic)),
            examples=tuple(q for s in self.stories for q in s.vocabulary.examples),
        )
