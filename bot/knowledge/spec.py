"""The knowledge file format, declared once: the loader's structural check, the writer's field
order, and the JSON Schema that editors use to check a file as moderators type (`faqbot schema`).

What no field type can say (a quote occurs in the article, a topic or related id exists, an
answer does not open with a bare verdict) is checked in bot/knowledge/schema.py on the values
validated here.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from bot.knowledge import limits

SCHEMA_FILE = "story.schema.json"  # written beside a story by `faqbot new-story`
ID_REGEX = r"^[a-z0-9][a-z0-9-]*$"


def yaml_trap(value: Any) -> str | None:
    """Why a value YAML did not read as the text typed, or None. One rule everywhere text is
    expected: yes/no/on/off/true/false (read as true or false) and decimals (1.10 reads as 1.1)
    are refused with the fix; whole numbers and dates are taken as the text typed."""
    if isinstance(value, bool):
        return ("YAML reads yes/no/on/off/true/false as a yes-or-no value, not text: quote it "
                f"(\"{'yes' if value else 'no'}\")")
    if isinstance(value, float):
        return f"YAML reads {value!r} as a number and may change how it is written: quote it (\"{value!r}\")"
    return None


def _as_text(value: Any) -> Any:
    if value.__class__ is str:  # nearly every value: the fast way out
        return value
    trap = yaml_trap(value)
    if trap:
        raise ValueError(trap)
    if isinstance(value, (int, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return value


def _no_spaces_around(value: Any) -> Any:
    if isinstance(value, str) and value != value.strip():
        raise ValueError(f"'{value}' has spaces around it; an id is lowercase letters, digits and dashes")
    return _as_text(value)


def _a_date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date like 2026-11-26") from None
    return value


def _limit(max_length: int) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length)


# Text a person typed: YAML's type traps refused, stripped, not empty, at most so many characters.
_T = BeforeValidator(_as_text)
QuestionText: TypeAlias = Annotated[str, _limit(limits.MAX_QUESTION), _T]
AlternateText: TypeAlias = Annotated[str, _limit(limits.MAX_ALTERNATE), _T]
KeywordText: TypeAlias = Annotated[str, _limit(limits.MAX_KEYWORD), _T]
AnswerText: TypeAlias = Annotated[str, _limit(limits.MAX_ANSWER), _T]
CaveatText: TypeAlias = Annotated[str, _limit(limits.MAX_CAVEAT), _T]
CitedText: TypeAlias = Annotated[str, _limit(limits.MAX_CITED), _T]
QuoteText: TypeAlias = Annotated[str, _limit(limits.MAX_QUOTE), _T]
TitleText: TypeAlias = Annotated[str, _limit(256), _T]
ShortTitleText: TypeAlias = Annotated[str, _limit(100), _T]
PathText: TypeAlias = Annotated[str, _limit(200), _T]
PublishedText: TypeAlias = Annotated[str, _limit(40), _T]
StoryCaveatText: TypeAlias = Annotated[str, _limit(limits.MAX_STORY_CAVEAT), _T]
SummaryShortText: TypeAlias = Annotated[str, _limit(limits.MAX_SUMMARY_SHORT), _T]
SummaryFullText: TypeAlias = Annotated[str, _limit(limits.MAX_SUMMARY_FULL), _T]
TopicSummaryText: TypeAlias = Annotated[str, _limit(limits.MAX_TOPIC_SUMMARY), _T]
WordText: TypeAlias = Annotated[str, _limit(60), _T]
OneWord: TypeAlias = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60,
                                                     pattern=r"^\S+$"), _T]


Id = Annotated[str, BeforeValidator(_no_spaces_around),
               StringConstraints(pattern=ID_REGEX, max_length=limits.MAX_ID),
               Field(description="lowercase letters, digits and dashes")]
Status = Literal["confirmed", "reported", "stated", "unresolved", "context", "not_in_article"]
GapName = Literal["names", "date", "figure", "reason", "place"]  # model.Gap (tests/test_knowledge.py keeps them equal)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceSpec(_Strict):
    document: Id = Field(description="the id of one of the story's documents")
    cited: CitedText = Field(description='who the article credits: "The Foreign Ministry", "Unnamed sources", '
                                         '"The article" for its own voice')
    quote: QuoteText = Field(description="words copied verbatim from the document")


class EntrySpec(_Strict):
    """One curated question (README: "Writing a story's FAQ")."""

    id: Id
    question: QuestionText = Field(description="one question, as people ask it")
    alternates: list[AlternateText] = Field(description="other ways people ask it, one per item")
    keywords: list[KeywordText] = Field(default_factory=list)
    answer: AnswerText = Field(description="only what the sources say, true whatever question reaches it: "
                                           "no bare Yes/No lead")
    status: Status
    caveat: CaveatText | None = Field(default=None, description="replaces the status's default caveat")
    repeats: list[Id] = Field(default_factory=list, description="entries whose claims the answer repeats: "
                                                                "their caveats are shown with it")
    timeframe: Literal["past", "future"] | None = Field(
        default=None, description='"past" for "has X happened", "future" for "will X happen"')
    gaps: list[GapName] = Field(
        default_factory=list, description="what people ask of this entry that the article does not give "
                                          "(say so in the answer): a question asking for it gets 'not in the article'")
    sources: list[SourceSpec] = Field(min_length=1, max_length=limits.MAX_SOURCES)
    topics: list[Id] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list, max_length=limits.MAX_RELATED)
    reviewed: Annotated[str, BeforeValidator(_as_text), AfterValidator(_a_date),
                        Field(description="the date the answer was last checked, YYYY-MM-DD")]


class DocumentSpec(_Strict):
    id: Id
    title: TitleText
    path: PathText = Field(description="a .txt or .md file beside the story file")


class SummarySpec(_Strict):
    short: SummaryShortText
    full: SummaryFullText


class TopicSpec(_Strict):
    id: Id
    title: ShortTitleText
    summary: TopicSummaryText


class CaveatsSpec(_Strict):
    """The story's default caveat per status, replacing the generic ones."""

    confirmed: CaveatText | None = None
    reported: CaveatText | None = None
    stated: CaveatText | None = None
    unresolved: CaveatText | None = None
    context: CaveatText | None = None
    not_in_article: CaveatText | None = None


class VocabularySpec(_Strict):
    """The story's own words: how people name its people, places and things."""

    synonyms: dict[WordText, list[WordText]] = Field(
        default_factory=dict, description="a word: the variants read as that word")
    off_topic: list[OneWord] = Field(default_factory=list,
                                     description="single words of other subjects: questions about them are declined")
    examples: list[QuestionText] = Field(default_factory=list, max_length=5,
                                         description="example questions for /help and declines")


class StorySpec(_Strict):
    id: Id
    title: TitleText
    publisher: ShortTitleText = Field(description='as the article gives it, or "unknown"')
    published: PublishedText = Field(description='a date as the article gives it, or "unknown"')
    caveat: StoryCaveatText = Field(description="how solid the story is as a whole")
    documents: list[DocumentSpec] = Field(min_length=1)
    summary: SummarySpec
    topics: list[TopicSpec]
    caveats: CaveatsSpec | None = None
    vocabulary: VocabularySpec | None = None


class StoryFileSpec(_Strict):
    """A story's knowledge file: the story, then its entries."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="faqbot story file")

    story: StorySpec
    entries: list[EntrySpec]


ENTRY_FIELDS: tuple[str, ...] = tuple(EntrySpec.model_fields)  # the writer's key order
SOURCE_FIELDS: tuple[str, ...] = tuple(SourceSpec.model_fields)


def json_schema() -> str:
    """The JSON Schema of a story file, for editors (`# yaml-language-server: $schema=...`)."""
    schema = StoryFileSpec.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
