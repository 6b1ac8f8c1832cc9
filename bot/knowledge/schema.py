"""Schema check for one knowledge file: every problem found, each naming file, line and field.

The checker never stops at the first problem: a moderator fixing a file wants the whole list.
It builds model values only when the file is clean, so nothing half-valid escapes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from bot.knowledge import limits
from bot.knowledge.model import Document, Entry, Source, Status, Story, Timeframe, Topic, Vocabulary
from bot.knowledge.yamlfile import LineDict, LineList
from bot.matching.normalize import STOPWORDS

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
STATUSES = ", ".join(s.value for s in Status)
TIMEFRAMES = ", ".join(t.value for t in Timeframe)
# An answer is served for many phrasings of a question; a bare verdict in front ("No.", "Yes,",
# "Possibly,") turns false as soon as a question of another form reaches it ("Will the US ...?"
# answered with "No." written for "Has the US already ...?"). The answer must restate the claim.
BARE_VERDICT = re.compile(
    r"^\s*(yes|yeah|yep|no|nope|not yet|not really|possibly|probably|maybe|perhaps|correct|incorrect"
    r"|right|wrong|true|false|indeed|absolutely|definitely|likely|unlikely|sort of|kind of)\s*[.,!;:\u2014\u2013-]",
    re.IGNORECASE,
)

STORY_FIELDS = {
    "id": True, "title": True, "publisher": True, "published": True, "caveat": True,
    "documents": True, "summary": True, "topics": True, "caveats": False, "vocabulary": False,
}
ENTRY_FIELDS = {
    "id": True, "question": True, "alternates": True, "keywords": False, "answer": True,
    "status": True, "caveat": False, "repeats": False, "timeframe": False, "sources": True,
    "topics": False, "related": False, "reviewed": True,
}
VOCABULARY_FIELDS = {"synonyms": False, "off_topic": False, "examples": False}
MAX_VOCABULARY_WORD = 60
MAX_EXAMPLES = 5
SOURCE_FIELDS = {"document": True, "cited": True, "quote": True}
DOCUMENT_FIELDS = {"id": True, "title": True, "path": True}
TOPIC_FIELDS = {"id": True, "title": True, "summary": True}
SUMMARY_FIELDS = {"short": True, "full": True}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a knowledge file, printable as `file:line: entry 'id': field: ...`."""

    path: str
    line: int
    message: str
    entry_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: "
        if self.entry_id:
            where += f"entry '{self.entry_id}': "
        if self.field:
            where += f"{self.field}: "
        return where + self.message


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


def as_text(value: Any) -> Any:
    """A whole number or a date as the text typed (2026-11-26, 72); anything else unchanged."""
    if isinstance(value, (int, dt.date)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return value


_QUOTE_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalize_quote_text(text: str) -> str:
    """Typographic quotes and runs of whitespace compare equal; nothing else is forgiven."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


class _Checker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._quotable: dict[str, str] = {}  # document path -> its text as quotes are compared

    def quotable(self, document: Document) -> str:
        """A document's text normalized for quote checks, once per file rather than once per quote."""
        text = self._quotable.get(document.path)
        if text is None:
            text = self._quotable[document.path] = normalize_quote_text(document.text)
        return text

    def add(self, line: int, message: str, entry_id: str | None = None, field: str | None = None) -> None:
        self.problems.append(Problem(self.path, line, message, entry_id, field))

    def mapping(self, value: Any, line: int, what: str, entry_id: str | None = None) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.add(line, f"{what} must be a mapping of field: value", entry_id)
        return None

    def fields(self, data: LineDict, spec: dict[str, bool], what: str, entry_id: str | None = None) -> None:
        for key in data:
            if key not in spec:
                known = ", ".join(spec)
                self.add(data.lines[key], f"unknown field (known fields: {known})", entry_id, f"{what}{key}")
        for key, required in spec.items():
            if required and key not in data:
                self.add(data.line, "missing required field", entry_id, f"{what}{key}")

    def text(
        self, data: LineDict, key: str, max_len: int, entry_id: str | None = None,
        prefix: str = "", required: bool = True,
    ) -> str:
        if key not in data:
            return ""
        value = data[key]
        line = data.lines[key]
        trap = yaml_trap(value)
        if trap:
            self.add(line, trap, entry_id, prefix + key)
            return ""
        value = as_text(value)
        if not isinstance(value, str):
            self.add(line, "must be text", entry_id, prefix + key)
            return ""
        value = value.strip()
        if required and not value:
            self.add(line, "must not be empty", entry_id, prefix + key)
        if len(value) > max_len:
            self.add(line, f"is {len(value)} characters; at most {max_len} fit in a Discord reply",
                     entry_id, prefix + key)
        return str(value)

    def text_list(
        self, data: LineDict, key: str, max_len: int, entry_id: str | None, required: bool = False,
        field: str | None = None,
    ) -> tuple[str, ...]:
        if key not in data:
            return ()
        field = field or key
        value, line = data[key], data.lines[key]
        if value is None and not required:
            return ()
        if not isinstance(value, LineList):
            self.add(line, "must be a list", entry_id, field)
            return ()
        if required and not value:
            self.add(line, "must not be empty", entry_id, field)
        items: list[str] = []
        for item, item_line in zip(value, value.lines):
            trap = yaml_trap(item)
            if trap:
                self.add(item_line, trap, entry_id, field)
                continue
            item = as_text(item)
            if not isinstance(item, str):
                self.add(item_line, "items must be text", entry_id, field)
                continue
            text = item.strip()
            if not text:
                self.add(item_line, "items must not be empty", entry_id, field)
            elif len(text) > max_len:
                self.add(item_line, f"item is {len(text)} characters; at most {max_len}", entry_id, field)
            else:
                items.append(text)
        return tuple(items)

    def ident(self, data: LineDict, key: str, what: str, entry_id: str | None = None) -> str:
        raw = data.get(key)
        if isinstance(raw, str) and raw != raw.strip():
            self.add(data.lines[key], f"'{raw}' has spaces around it; an id is lowercase letters, digits and dashes",
                     entry_id, what + key)
            return ""
        value = self.text(data, key, limits.MAX_ID, entry_id, what)
        if value and not ID_PATTERN.match(value):
            self.add(data.lines[key], f"'{value}' must be lowercase letters, digits and dashes",
                     entry_id, what + key)
        return value


def check_file(raw: Any, path: str, documents_text: dict[str, str]) -> tuple[Story | None, list[Entry], list[Problem]]:
    """Check one parsed file. `documents_text` maps a document path to its text (read by the loader)."""
    check = FileCheck(path, documents_text)
    if check.start(raw):
        raw_entries = raw.get("entries")
        if "entries" in raw and not isinstance(raw_entries, LineList):
            check.checker.add(raw.lines["entries"], "must be a list of entries", None, "entries")
        elif isinstance(raw_entries, LineList):
            for raw_entry, line in zip(raw_entries, raw_entries.lines):
                check.entry(raw_entry, line)
    return check.result()


class FileCheck:
    """check_file step by step, so that a file read one entry at a time is checked as it is read."""

    def __init__(self, path: str, documents_text: dict[str, str]) -> None:
        self.checker = _Checker(path)
        self.documents_text = documents_text
        self.story: Story | None = None
        self.entries: list[Entry] = []

    def start(self, top: Any) -> bool:
        """Check the file's top level and its story; False if the file is not even a mapping."""
        data = self.checker.mapping(top, 1, "the file")
        if data is None:
            return False
        self.checker.fields(data, {"story": True, "entries": True}, "")
        if "story" in data:
            self.story = _check_story(self.checker, data, self.documents_text)
        return True

    def entry(self, raw: Any, line: int) -> None:
        """Check one item of `entries` (at `line`); keep it if it is a whole entry."""
        entry = _check_entry(self.checker, raw, line, self.story)
        if entry is not None:
            self.entries.append(entry)

    def result(self) -> tuple[Story | None, list[Entry], list[Problem]]:
        """The story and entries if the file is clean, else every problem found."""
        if self.checker.problems:
            return None, [], self.checker.problems
        return self.story, self.entries, []


def _check_story(checker: _Checker, top: LineDict, documents_text: dict[str, str]) -> Story | None:
    data = checker.mapping(top["story"], top.lines["story"], "story")
    if data is None:
        return None
    checker.fields(data, STORY_FIELDS, "story.")
    story_id = checker.ident(data, "id", "story.")
    documents: list[Document] = []
    raw_docs = data.get("documents")
    if "documents" in data:
        if not isinstance(raw_docs, LineList) or not raw_docs:
            checker.add(data.lines["documents"], "must be a non-empty list", None, "story.documents")
        else:
            for raw_doc, line in zip(raw_docs, raw_docs.lines):
                doc = checker.mapping(raw_doc, line, "a document")
                if doc is None:
                    continue
                checker.fields(doc, DOCUMENT_FIELDS, "story.documents.")
                doc_id = checker.ident(doc, "id", "story.documents.")
                title = checker.text(doc, "title", 256, None, "story.documents.")
                doc_path = checker.text(doc, "path", 200, None, "story.documents.")
                text = documents_text.get(doc_path)
                if doc_path and text is None:
                    checker.add(doc.lines["path"], f"file '{doc_path}' not found beside {checker.path}",
                                None, "story.documents.path")
                if doc_id and any(d.id == doc_id for d in documents):
                    checker.add(doc.lines["id"], f"document id '{doc_id}' is used twice in this story", None,
                                "story.documents.id")
                documents.append(Document(doc_id, title, doc_path, text or ""))
    summary = checker.mapping(data.get("summary"), data.lines.get("summary", data.line), "story.summary") \
        if "summary" in data else None
    short = full = ""
    if summary is not None:
        checker.fields(summary, SUMMARY_FIELDS, "story.summary.")
        short = checker.text(summary, "short", limits.MAX_SUMMARY_SHORT, None, "story.summary.")
        full = checker.text(summary, "full", limits.MAX_SUMMARY_FULL, None, "story.summary.")
    topics: list[Topic] = []
    raw_topics = data.get("topics")
    if isinstance(raw_topics, LineList):
        for raw_topic, line in zip(raw_topics, raw_topics.lines):
            topic = checker.mapping(raw_topic, line, "a topic")
            if topic is None:
                continue
            checker.fields(topic, TOPIC_FIELDS, "story.topics.")
            topics.append(Topic(
                checker.ident(topic, "id", "story.topics."),
                checker.text(topic, "title", 100, None, "story.topics."),
                checker.text(topic, "summary", limits.MAX_TOPIC_SUMMARY, None, "story.topics."),
            ))
    elif "topics" in data:
        checker.add(data.lines["topics"], "must be a list", None, "story.topics")
    caveats = _check_story_caveats(checker, data)
    vocabulary = _check_vocabulary(checker, data)
    seen_topics = [t.id for t in topics]
    for dup in {t for t in seen_topics if seen_topics.count(t) > 1}:
        checker.add(data.lines.get("topics", data.line), f"topic id '{dup}' is used twice", None, "story.topics")
    return Story(
        id=story_id,
        title=checker.text(data, "title", 256, None, "story."),
        publisher=checker.text(data, "publisher", 100, None, "story."),
        published=checker.text(data, "published", 40, None, "story."),
        summary_short=short,
        summary_full=full,
        caveat=checker.text(data, "caveat", limits.MAX_STORY_CAVEAT, None, "story."),
        documents=tuple(documents),
        topics=tuple(topics),
        vocabulary=vocabulary,
        caveats=caveats,
    )


def _check_story_caveats(checker: _Checker, data: LineDict) -> tuple[tuple[Status, str | None], ...]:
    """`caveats:` the story's default caveat per status, replacing the generic ones."""
    if "caveats" not in data:
        return ()
    raw = checker.mapping(data["caveats"], data.lines["caveats"], "story.caveats")
    if raw is None:
        return ()
    found: list[tuple[Status, str | None]] = []
    for key in raw:
        try:
            status = Status(key)
        except ValueError:
            checker.add(raw.lines[key], f"'{key}' is not one of {STATUSES}", None, "story.caveats")
            continue
        text = checker.text(raw, key, limits.MAX_CAVEAT, None, "story.caveats.", required=False)
        found.append((status, text or None))
    if dict(found).get(Status.REPORTED, "set") is None:
        checker.add(raw.lines[Status.REPORTED.value], "a reported claim always needs a caveat", None,
                    "story.caveats.reported")
    return tuple(found)


def _check_vocabulary(checker: _Checker, data: LineDict) -> Vocabulary:
    """`vocabulary:` the story's own words: synonyms, off-topic words, example questions."""
    if "vocabulary" not in data:
        return Vocabulary()
    raw = checker.mapping(data["vocabulary"], data.lines["vocabulary"], "story.vocabulary")
    if raw is None:
        return Vocabulary()
    checker.fields(raw, VOCABULARY_FIELDS, "story.vocabulary.")
    synonyms: list[tuple[str, tuple[str, ...]]] = []
    owner: dict[str, str] = {}
    if "synonyms" in raw:
        table = checker.mapping(raw["synonyms"], raw.lines["synonyms"], "story.vocabulary.synonyms")
        for canonical in table or {}:
            assert table is not None
            word = canonical.strip()
            line = table.lines[canonical]
            if not word or len(word) > MAX_VOCABULARY_WORD:
                checker.add(line, f"'{canonical}' must be a word or phrase of 1 to {MAX_VOCABULARY_WORD} characters",
                            None, "story.vocabulary.synonyms")
                continue
            variants = checker.text_list(table, canonical, MAX_VOCABULARY_WORD, None, required=True,
                                         field=f"story.vocabulary.synonyms.{canonical}")
            for variant in variants:
                key = " ".join(variant.casefold().split())
                if key in STOPWORDS:
                    checker.add(line, f"'{variant}' is a word the matcher ignores (like 'what' or 'ok'), so "
                                "listing it changes nothing", None, f"story.vocabulary.synonyms.{canonical}")
                if key in owner and owner[key] != word:
                    checker.add(line, f"'{variant}' is also listed under '{owner[key]}'", None,
                                f"story.vocabulary.synonyms.{canonical}")
                owner[key] = word
            synonyms.append((word, variants))
    off_topic = checker.text_list(raw, "off_topic", MAX_VOCABULARY_WORD, None, field="story.vocabulary.off_topic")
    examples = checker.text_list(raw, "examples", limits.MAX_QUESTION, None, field="story.vocabulary.examples")
    if len(examples) > MAX_EXAMPLES:
        checker.add(raw.lines["examples"], f"at most {MAX_EXAMPLES} examples", None, "story.vocabulary.examples")
    return Vocabulary(synonyms=tuple(synonyms), off_topic=off_topic, examples=examples)


def _check_entry(checker: _Checker, raw: Any, line: int, story: Story | None) -> Entry | None:
    data = checker.mapping(raw, line, "an entry")
    if data is None:
        return None
    entry_id = data.get("id") if isinstance(data.get("id"), str) else None
    checker.fields(data, ENTRY_FIELDS, "", entry_id)
    entry_id = checker.ident(data, "id", "", entry_id) or entry_id
    question = checker.text(data, "question", limits.MAX_QUESTION, entry_id)
    alternates = checker.text_list(data, "alternates", limits.MAX_ALTERNATE, entry_id)
    keywords = checker.text_list(data, "keywords", limits.MAX_KEYWORD, entry_id)
    answer = checker.text(data, "answer", limits.MAX_ANSWER, entry_id)
    verdict = BARE_VERDICT.match(answer)
    if verdict:
        checker.add(data.lines["answer"], f"starts with a bare verdict ('{verdict.group(0).strip()}'); an answer is "
                    "served for many phrasings, so restate what the article says instead "
                    "(\"The article reports no ...\", \"According to ..., X may ...\")", entry_id, "answer")
    status: Status | None = None
    if "status" in data:
        try:
            status = Status(data["status"])
        except ValueError:
            checker.add(data.lines["status"], f"'{data['status']}' is not one of {STATUSES}", entry_id, "status")
    caveat: str | None = None
    if "caveat" in data:
        caveat = checker.text(data, "caveat", limits.MAX_CAVEAT, entry_id) or None
    elif status is not None and story is not None:
        caveat = story.default_caveat(status)
    timeframe: Timeframe | None = None
    if "timeframe" in data:
        try:
            timeframe = Timeframe(data["timeframe"])
        except ValueError:
            checker.add(data.lines["timeframe"], f"'{data['timeframe']}' is not one of {TIMEFRAMES}", entry_id,
                        "timeframe")
    repeats = checker.text_list(data, "repeats", limits.MAX_ID, entry_id)
    sources = _check_sources(checker, data, entry_id, story)
    topics = checker.text_list(data, "topics", limits.MAX_ID, entry_id)
    if story is not None:
        known = {t.id for t in story.topics}
        for topic in topics:
            if topic not in known:
                checker.add(data.lines["topics"], f"topic '{topic}' is not a topic of the story", entry_id, "topics")
    related = checker.text_list(data, "related", limits.MAX_ID, entry_id)
    if len(related) > limits.MAX_RELATED:
        checker.add(data.lines["related"], f"at most {limits.MAX_RELATED} related entries", entry_id, "related")
    reviewed = checker.text(data, "reviewed", 10, entry_id)
    if reviewed:
        try:
            dt.date.fromisoformat(reviewed)
        except ValueError:
            checker.add(data.lines["reviewed"], f"'{reviewed}' is not a date like 2026-11-26", entry_id, "reviewed")
    if status is None or story is None:
        return None
    return Entry(
        id=entry_id or "", story_id=story.id, question=question, alternates=alternates,
        keywords=keywords, answer=answer, status=status, caveat=caveat, sources=sources,
        topics=topics, related=related, reviewed=reviewed, timeframe=timeframe, repeats=repeats,
        own_caveat="caveat" in data,
    )


def _check_sources(checker: _Checker, data: LineDict, entry_id: str | None, story: Story | None) -> tuple[Source, ...]:
    raw = data.get("sources")
    if "sources" not in data:
        return ()
    if not isinstance(raw, LineList) or not raw:
        checker.add(data.lines["sources"], "must be a non-empty list", entry_id, "sources")
        return ()
    if len(raw) > limits.MAX_SOURCES:
        checker.add(data.lines["sources"], f"at most {limits.MAX_SOURCES} sources", entry_id, "sources")
    sources: list[Source] = []
    for raw_source, line in zip(raw, raw.lines):
        src = checker.mapping(raw_source, line, "a source", entry_id)
        if src is None:
            continue
        checker.fields(src, SOURCE_FIELDS, "sources.", entry_id)
        doc_id = checker.text(src, "document", limits.MAX_ID, entry_id, "sources.")
        cited = checker.text(src, "cited", limits.MAX_CITED, entry_id, "sources.")
        quote = checker.text(src, "quote", limits.MAX_QUOTE, entry_id, "sources.")
        if story is not None and doc_id:
            document = story.document(doc_id)
            if document is None:
                checker.add(src.lines["document"], f"'{doc_id}' is not a document of the story", entry_id,
                            "sources.document")
            elif quote and normalize_quote_text(quote) not in checker.quotable(document):
                checker.add(src.lines["quote"], f"quote does not occur verbatim in '{document.path}'",
                            entry_id, "sources.quote")
        sources.append(Source(doc_id, cited, quote))
    return tuple(sources)
