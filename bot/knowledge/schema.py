"""Checking one knowledge file: every problem found, each naming file, line and field.

The structure (fields, types, limits, statuses) is declared once in bot/knowledge/spec.py and
checked by pydantic; each of its errors is put back on the line of the YAML it comes from. What
no type can say is checked here on the validated values: quotes occur verbatim in the document,
documents and topics exist and are not used twice, answers open with no bare verdict, the
story's synonyms do not contradict each other. A moderator fixing a file wants the whole list,
so nothing stops at the first problem; model values are built only from a clean file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.knowledge.model import Document, Entry, Gap, Source, Status, Story, Timeframe, Topic, Vocabulary
from bot.knowledge.spec import (
    ENTRY_FIELDS,
    ID_REGEX,
    SOURCE_FIELDS,
    CaveatsSpec,
    DocumentSpec,
    EntrySpec,
    SourceSpec,
    StorySpec,
    SummarySpec,
    TopicSpec,
    VocabularySpec,
    yaml_trap,
)
from bot.knowledge.yamlfile import LineDict, LineList
from bot.language import FOREIGN_STOPWORDS, STOPWORDS

__all__ = ["ENTRY_FIELDS", "ID_PATTERN", "SOURCE_FIELDS", "FileCheck", "Problem", "check_file",
           "normalize_quote_text", "yaml_trap"]

ID_PATTERN = re.compile(ID_REGEX)
# An answer is served for many phrasings of a question; a bare verdict in front ("No.", "Yes,",
# "Possibly,") turns false as soon as a question of another form reaches it ("Will the US ...?"
# answered with "No." written for "Has the US already ...?"). The answer must restate the claim.
BARE_VERDICT = re.compile(
    r"^\s*(yes|yeah|yep|no|nope|not yet|not really|possibly|probably|maybe|perhaps|correct|incorrect"
    r"|right|wrong|true|false|indeed|absolutely|definitely|likely|unlikely|sort of|kind of)\s*[.,!;:\u2014\u2013-]",
    re.IGNORECASE,
)
_M = TypeVar("_M", bound=BaseModel)
# The model of the mapping under each key, to name its fields when one is unknown.
_NESTED: dict[str, type[BaseModel]] = {
    "sources": SourceSpec, "documents": DocumentSpec, "summary": SummarySpec, "topics": TopicSpec,
    "caveats": CaveatsSpec, "vocabulary": VocabularySpec,
}


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


_QUOTE_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalize_quote_text(text: str) -> str:
    """Typographic quotes and runs of whitespace compare equal; nothing else is forgiven."""
    return " ".join(text.translate(_QUOTE_MARKS).split())


def check_file(raw: Any, path: str, documents_text: dict[str, str]) -> tuple[Story | None, list[Entry], list[Problem]]:
    """Check one parsed file. `documents_text` maps a document path to its text (read by the loader)."""
    check = FileCheck(path, documents_text)
    if check.start(raw):
        raw_entries = raw.get("entries")
        if isinstance(raw_entries, LineList):
            for raw_entry, line in zip(raw_entries, raw_entries.lines):
                check.entry(raw_entry, line)
    return check.result()


class FileCheck:
    """check_file step by step, so that a file read one entry at a time is checked as it is read."""

    def __init__(self, path: str, documents_text: dict[str, str]) -> None:
        self.path = path
        self.documents_text = documents_text
        self.problems: list[Problem] = []
        self.story: Story | None = None
        self.entries: list[Entry] = []
        self._quotable: dict[str, str] = {}  # document path -> its text as quotes are compared

    def add(self, line: int, message: str, entry_id: str | None = None, field: str | None = None) -> None:
        self.problems.append(Problem(self.path, line, message, entry_id, field))

    def start(self, top: Any) -> bool:
        """Check the file's top level and its story; False if the file is not even a mapping."""
        if not isinstance(top, LineDict):
            self.add(1, "the file must be a mapping of field: value")
            return False
        if "cases" in top and "story" not in top:
            self.add(top.line, "this is a question file (cases:), not a story: every .yaml file in the "
                     "knowledge folder is read as a story, so keep question files in another folder")
            return False
        for key in top:
            if key not in ("story", "entries"):
                self.add(top.lines[key], "unknown field (known fields: story, entries)", None, key)
        for key in ("story", "entries"):
            if key not in top:
                self.add(top.line, "missing required field", None, key)
        if "entries" in top and not isinstance(top["entries"], LineList):
            self.add(top.lines["entries"], "must be a list of entries", None, "entries")
        if "story" in top:
            self.story = self._story(top["story"], top.lines["story"])
        return True

    def entry(self, raw: Any, line: int) -> None:
        """Check one item of `entries` (at `line`); keep it if it is a whole entry."""
        entry_id = raw.get("id") if isinstance(raw, LineDict) and isinstance(raw.get("id"), str) else None
        spec = self._validated(EntrySpec, raw, line, "", entry_id)
        if spec is None or not isinstance(raw, LineDict):
            return
        entry = self._entry(spec, raw)
        if entry is not None:
            self.entries.append(entry)

    def result(self) -> tuple[Story | None, list[Entry], list[Problem]]:
        """The story and entries if the file is clean, else every problem found."""
        if self.problems:
            return None, [], self.problems
        return self.story, self.entries, []

    # -- structure: the spec, its errors on their lines ----------------------------------------

    def _validated(self, model: type[_M], raw: Any, line: int, prefix: str, entry_id: str | None) -> _M | None:
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc = tuple(error["loc"])
                self.add(_line_at(raw, loc, line), _message(error, model), entry_id,
                         prefix + ".".join(str(p) for p in loc if isinstance(p, str) and p != "[key]") or None)
            return None

    # -- meaning: what no type can say ---------------------------------------------------------

    def _story(self, raw: Any, line: int) -> Story | None:
        spec = self._validated(StorySpec, raw, line, "story.", None)
        if spec is None or not isinstance(raw, LineDict):
            return None
        documents: list[Document] = []
        raw_documents = raw["documents"]
        for doc, doc_raw in zip(spec.documents, raw_documents):
            text = self.documents_text.get(doc.path)
            if text is None:
                self.add(doc_raw.lines["path"], f"file '{doc.path}' not found beside {self.path}", None,
                         "story.documents.path")
            if any(d.id == doc.id for d in documents):
                self.add(doc_raw.lines["id"], f"document id '{doc.id}' is used twice in this story", None,
                         "story.documents.id")
            documents.append(Document(doc.id, doc.title, doc.path, text or ""))
        topic_ids = [t.id for t in spec.topics]
        for dup in dict.fromkeys(t for t in topic_ids if topic_ids.count(t) > 1):
            self.add(raw.lines["topics"], f"topic id '{dup}' is used twice", None, "story.topics")
        caveats = spec.caveats.model_dump(exclude_unset=True) if spec.caveats else {}
        vocabulary = self._vocabulary(spec.vocabulary, raw)
        return Story(
            id=spec.id, title=spec.title, publisher=spec.publisher, published=spec.published,
            summary_short=spec.summary.short, summary_full=spec.summary.full, caveat=spec.caveat,
            documents=tuple(documents), topics=tuple(Topic(t.id, t.title, t.summary) for t in spec.topics),
            vocabulary=vocabulary, caveats=tuple((Status(k), v) for k, v in caveats.items()),
        )

    def _vocabulary(self, spec: VocabularySpec | None, raw: LineDict) -> Vocabulary:
        if spec is None:
            return Vocabulary()
        table = raw["vocabulary"].get("synonyms") if isinstance(raw["vocabulary"], LineDict) else None
        owner: dict[str, str] = {}
        for canonical, variants in spec.synonyms.items():
            line = table.lines.get(canonical, table.line) if isinstance(table, LineDict) else raw.lines["vocabulary"]
            field = f"story.vocabulary.synonyms.{canonical}"
            for variant in variants:
                key = " ".join(variant.casefold().split())
                if key in STOPWORDS and key not in FOREIGN_STOPWORDS:  # it may be a name a story uses
                    self.add(line, f"'{variant}' is a word the matcher ignores (like 'what' or 'ok'), so listing it "
                             "changes nothing", None, field)
                if key in owner and owner[key] != canonical:
                    self.add(line, f"'{variant}' is also listed under '{owner[key]}'", None, field)
                owner[key] = canonical
        return Vocabulary(synonyms=tuple((k, tuple(v)) for k, v in spec.synonyms.items()),
                          off_topic=tuple(spec.off_topic), examples=tuple(spec.examples))

    def _entry(self, spec: EntrySpec, raw: LineDict) -> Entry | None:
        story = self.story
        verdict = BARE_VERDICT.match(spec.answer)
        if verdict:
            self.add(raw.lines["answer"], f"starts with a bare verdict ('{verdict.group(0).strip()}'); an answer is "
                     "served for many phrasings, so restate what the article says instead "
                     "(\"The article reports no ...\", \"According to ..., X may ...\")", spec.id, "answer")
        if story is None:
            return None
        known_topics = {t.id for t in story.topics}
        for topic in spec.topics:
            if topic not in known_topics:
                self.add(raw.lines["topics"], f"topic '{topic}' is not a topic of the story", spec.id, "topics")
        for source, source_raw in zip(spec.sources, raw["sources"]):
            document = story.document(source.document)
            if document is None:
                self.add(source_raw.lines["document"], f"'{source.document}' is not a document of the story",
                         spec.id, "sources.document")
            elif normalize_quote_text(source.quote) not in self._quotable_text(document):
                self.add(source_raw.lines["quote"], f"quote does not occur verbatim in '{document.path}'",
                         spec.id, "sources.quote")
        status = Status(spec.status)
        return Entry(
            id=spec.id, story_id=story.id, question=spec.question, alternates=tuple(spec.alternates),
            keywords=tuple(spec.keywords), answer=spec.answer, status=status,
            caveat=spec.caveat if spec.caveat is not None else story.default_caveat(status),
            sources=tuple(Source(s.document, s.cited, s.quote) for s in spec.sources), topics=tuple(spec.topics),
            related=tuple(spec.related), reviewed=spec.reviewed,
            timeframe=Timeframe(spec.timeframe) if spec.timeframe else None, repeats=tuple(spec.repeats),
            own_caveat=spec.caveat is not None, gaps=frozenset(Gap(g) for g in spec.gaps),
        )

    def _quotable_text(self, document: Document) -> str:
        """A document's text normalized for quote checks, once per file rather than once per quote."""
        text = self._quotable.get(document.path)
        if text is None:
            text = self._quotable[document.path] = normalize_quote_text(document.text)
        return text


def _line_at(raw: Any, loc: tuple[Any, ...], line: int) -> int:
    """The line of the YAML value at `loc` (or of the nearest mapping or list that holds it)."""
    node: Any = raw
    for part in loc:
        child = _child(node, part)
        if child is None:
            if isinstance(node, (LineDict, LineList)) and part != "[key]":
                line = node.line
            break
        line, node = child
    return line


def _child(node: Any, part: Any) -> tuple[int, Any] | None:
    """(line, value) of one step into a LineDict (by key) or LineList (by index), if it is there."""
    if isinstance(node, LineDict) and isinstance(part, str) and part in node:
        return node.lines[part], node[part]
    if isinstance(node, LineList) and isinstance(part, int) and 0 <= part < len(node):
        return node.lines[part], node[part]
    return None


def _message(error: Any, root: type[BaseModel]) -> str:
    """A pydantic error as one sentence for the person who wrote the file."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "missing":
        return "missing required field"
    if kind == "extra_forbidden":
        parents = [p for p in error["loc"][:-1] if isinstance(p, str)]
        model = _NESTED.get(parents[-1], root) if parents else root
        return f"unknown field (known fields: {', '.join(model.model_fields)})"
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        return f"is {len(value.strip())} characters; at most {ctx.get('max_length')} fit in a Discord reply"
    if kind == "too_long":
        return f"at most {ctx.get('max_length')} items"
    if kind in ("string_too_short", "too_short"):
        return "must not be empty"
    if kind == "string_type":
        return "must be text"
    if kind == "list_type":
        return "must be a list"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a mapping of field: value"
    if kind == "literal_error":
        expected = ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return f"'{value}' is not one of {expected}"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == ID_REGEX:
            return f"'{value}' must be lowercase letters, digits and dashes"
        return f"'{value}' must be a single word"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])
