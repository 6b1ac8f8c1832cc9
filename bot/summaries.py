"""Story-level views the adapters show: summaries, and where everything comes from."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.knowledge.model import KnowledgeBase, Status


@dataclass(frozen=True, slots=True)
class Summary:
    title: str
    text: str
    caveat: str


@dataclass(frozen=True, slots=True)
class CitedSource:
    """Someone the story cites, and how solid the claims resting on them are."""

    cited: str
    statuses: tuple[tuple[Status, int], ...]


@dataclass(frozen=True, slots=True)
class SourcesOverview:
    story_title: str
    publisher: str
    published: str
    documents: tuple[str, ...]
    cited: tuple[CitedSource, ...]
    caveat: str


class UnknownTopic(KeyError):
    def __init__(self, topic: str, known: list[str]) -> None:
        super().__init__(topic)
        self.topic, self.known = topic, known

    def __str__(self) -> str:
        return f"no topic '{self.topic}' (topics: {', '.join(self.known)})"


def summaries(knowledge: KnowledgeBase, full: bool = False, topic: str | None = None) -> list[Summary]:
    """Every story's summary (most folders hold one story), or the one topic named, whichever
    story has it. Each carries its story's caveat: a summary repeats reported claims too."""
    if not topic:
        return [Summary(s.title, s.summary_full if full else s.summary_short, s.caveat) for s in knowledge.stories]
    for story in knowledge.stories:
        found = story.topic(topic) or next(
            (t for t in story.topics if t.title.casefold() == topic.casefold()), None
        )
        if found is not None:
            return [Summary(found.title, found.summary, story.caveat)]
    raise UnknownTopic(topic, [t.id for s in knowledge.stories for t in s.topics])


def sources_overview(knowledge: KnowledgeBase, story_id: str | None = None) -> SourcesOverview:
    story = knowledge.story(story_id)
    counts: dict[str, Counter[Status]] = {}
    for entry in knowledge.entries:
        if entry.story_id != story.id or entry.status is Status.NOT_IN_ARTICLE:
            continue
        for source in entry.sources:
            counts.setdefault(source.cited, Counter())[entry.status] += 1
    cited = tuple(
        CitedSource(name, tuple(sorted(c.items(), key=lambda kv: list(Status).index(kv[0]))))
        for name, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values()))
    )
    return SourcesOverview(
        story_title=story.title, publisher=story.publisher, published=story.published,
        documents=tuple(d.title for d in story.documents), cited=cited, caveat=story.caveat,
    )
