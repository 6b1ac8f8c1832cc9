"""Load a knowledge folder as one validated KnowledgeBase, or fail with every problem found.

A folder holds one YAML file per story plus the source documents (.txt, .md) the stories
quote. Nothing is returned until every file is clean, so callers swap in a whole new
KnowledgeBase or keep the old one: never a half-loaded state.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bot.knowledge.model import Entry, KnowledgeBase, Status, Story
from bot.knowledge.schema import FileCheck, Problem, check_file
from bot.knowledge.yamlfile import (
    LineDict,
    LineList,
    NotStreamable,
    YamlSyntaxError,
    parse_yaml,
    read_text,
    stream_story_file,
)

DOCUMENT_SUFFIXES = (".txt", ".md")
YAML_SUFFIXES = (".yaml", ".yml")


class KnowledgeError(Exception):
    """The knowledge could not be loaded; `problems` lists every reason, each with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        first = str(problems[0]) if problems else "no problems recorded"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(first + more)


def knowledge_files(root: Path) -> list[Path]:
    """The story files of a folder (or the single file given), in a stable order."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def load_knowledge(path: str | Path) -> KnowledgeBase:
    """Read, check and build everything under `path`; raise KnowledgeError on any problem."""
    root = Path(path)
    if not root.exists():
        raise KnowledgeError([Problem(str(root), 0, "no such file or folder")])
    folder = root if root.is_dir() else root.parent
    files = knowledge_files(root)
    if not files:
        raise KnowledgeError([Problem(str(root), 0, "no .yaml knowledge files in this folder")])
    documents = {
        p.name: p.read_text(encoding="utf-8", errors="replace")
        for p in folder.iterdir()
        if p.suffix in DOCUMENT_SUFFIXES and p.is_file()
    }
    problems: list[Problem] = []
    stories: list[Story] = []
    entries: list[Entry] = []
    raws: dict[str, object] = {}
    for file in files:
        display = display_path(file)
        try:
            raw, story, file_entries, file_problems = _read_and_check(file, display, documents)
        except YamlSyntaxError as exc:
            problems.append(Problem(exc.path, exc.line, exc.problem))
            continue
        except OSError as exc:
            problems.append(Problem(display, 0, f"cannot read: {exc.strerror}"))
            continue
        raws[display] = raw
        problems.extend(file_problems)
        if story is not None:
            stories.append(story)
            entries.extend(file_entries)
    cross_problems, where = _cross_file_problems(raws)
    problems.extend(cross_problems)
    if problems:
        raise KnowledgeError(problems)
    entries, problems = _carry_caveats(entries, where)
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(stories=tuple(stories), entries=tuple(entries), locations=where)


def _read_and_check(
    file: Path, display: str, documents: dict[str, str],
) -> tuple[object, Story | None, list[Entry], list[Problem]]:
    """Read and check one file: (what the cross-file check needs, story, entries, problems).

    A file of the usual shape is read and checked one entry at a time, keeping of each entry
    only its Entry and the fields the cross-file check reads: a fraction of the memory and
    time of reading the file whole. Any other file is read whole, as it always was.
    """
    text = read_text(file, display)
    try:
        return _stream_and_check(text, display, documents)
    except NotStreamable:
        raw = parse_yaml(text, display)
        return (raw, *check_file(raw, display, documents))


# What _cross_file_problems reads of an entry.
CROSS_FILE_FIELDS = ("id", "question", "alternates", "related", "repeats")


def _stream_and_check(
    text: str, display: str, documents: dict[str, str],
) -> tuple[LineDict, Story | None, list[Entry], list[Problem]]:
    top, items = stream_story_file(text)
    check = FileCheck(display, documents)
    check.start(top)
    kept: LineList = top["entries"]  # empty so far; filled with what the cross-file check needs
    for item, line in items:
        check.entry(item, line)
        if isinstance(item, LineDict):  # the cross-file check skips anything else
            slim = LineDict((key, item[key]) for key in CROSS_FILE_FIELDS if key in item)
            slim.line, slim.lines = item.line, {key: item.lines[key] for key in slim}
            kept.append(slim)
            kept.lines.append(line)
    return (top, *check.result())


def display_path(path: Path) -> str:
    """A path as problems name it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _cross_file_problems(raws: dict[str, object]) -> tuple[list[Problem], dict[str, tuple[str, int]]]:
    """What no single entry can see: duplicate ids and alternates, related or repeated ids that do
    not exist. Also returns where each entry id stands (file, line)."""
    problems: list[Problem] = []
    ids: dict[str, tuple[str, int]] = {}
    story_ids: dict[str, str] = {}
    phrasings: dict[str, tuple[str, str]] = {}
    related: list[tuple[str, int, str, str, str]] = []
    for path, raw in raws.items():
        if not isinstance(raw, LineDict):
            continue
        story = raw.get("story")
        if isinstance(story, LineDict) and isinstance(story.get("id"), str):
            ids[f"story:{story['id']}"] = (path, story.line)  # where the story stands, for warnings
            if story["id"] in story_ids:
                problems.append(Problem(path, story.lines["id"],
                                        f"story id '{story['id']}' is also used in {story_ids[story['id']]}",
                                        None, "story.id"))
            story_ids[story["id"]] = path
        raw_entries = raw.get("entries")
        if not isinstance(raw_entries, LineList):
            continue
        for item in raw_entries:
            if not isinstance(item, LineDict) or not isinstance(item.get("id"), str):
                continue
            entry_id = item["id"]
            if entry_id in ids:
                other_path, other_line = ids[entry_id]
                problems.append(Problem(path, item.line, f"duplicate id (also at {other_path}:{other_line})",
                                        entry_id, "id"))
            else:
                ids[entry_id] = (path, item.line)
            texts: list[tuple[str, int]] = []
            if isinstance(item.get("question"), str):
                texts.append((item["question"], item.lines["question"]))
            alternates = item.get("alternates")
            if isinstance(alternates, LineList):
                texts.extend((a, ln) for a, ln in zip(alternates, alternates.lines) if isinstance(a, str))
            seen_here: set[str] = set()
            for text, line in texts:
                key = " ".join(text.casefold().split())
                if key in seen_here:
                    continue
                seen_here.add(key)
                owner = phrasings.get(key)
                if owner is not None and owner[0] != entry_id:
                    problems.append(Problem(path, line, f"'{text}' is also a phrasing of entry '{owner[0]}'",
                                            entry_id, "alternates"))
                else:
                    phrasings[key] = (entry_id, path)
            for field in ("related", "repeats"):
                rel = item.get(field)
                if isinstance(rel, LineList):
                    related.extend((path, ln, entry_id, str(r), field) for r, ln in zip(rel, rel.lines))
    for path, line, entry_id, target, field in related:
        if target not in ids:
            problems.append(Problem(path, line, f"'{target}' is not an entry id", entry_id, field))
        elif target == entry_id:
            problems.append(Problem(path, line, f"an entry cannot name itself in {field}", entry_id, field))
    return problems, ids


def _carry_caveats(entries: list[Entry], where: dict[str, tuple[str, int]]) -> tuple[list[Entry], list[Problem]]:
    """Give every entry the caveats of the entries it `repeats`, and refuse an uncaveated answer
    that cites a source its story cites only for reported claims (a newspaper, unnamed sources).

    A caveat belongs to a claim, not to an entry: wherever the claim is repeated (a not-in-article
    answer's "the nearest thing it says"), its caveat must come along, or the repetition reads as
    established fact. A caveat written for the entry itself is taken to cover what it repeats.
    """
    by_id = {e.id: e for e in entries}
    unconfirmed: dict[str, set[str]] = {}
    for story_id in {e.story_id for e in entries}:
        story_entries = [e for e in entries if e.story_id == story_id]
        reported = {s.cited for e in story_entries if e.status is Status.REPORTED for s in e.sources}
        on_record = {s.cited for e in story_entries if e.status in (Status.CONFIRMED, Status.CONTEXT)
                     for s in e.sources}
        unconfirmed[story_id] = reported - on_record
    problems: list[Problem] = []
    carried: list[Entry] = []
    for entry in entries:
        caveats = [entry.caveat] if entry.caveat else []
        for other in () if entry.own_caveat else (by_id[i] for i in entry.repeats):
            if other.caveat and other.caveat not in caveats:
                caveats.append(other.caveat)
        if not caveats:
            names = [s.cited for s in entry.sources if s.cited in unconfirmed[entry.story_id]]
            if names:
                path, line = where[entry.id]
                problems.append(Problem(
                    path, line, f"cites '{names[0]}', a source the story cites only for reported claims, with no "
                    "caveat: add a caveat, or list under `repeats` the entries whose claim this repeats",
                    entry.id, "caveat"))
        combined = " ".join(caveats) or None
        if combined != entry.caveat:
            entry = replace(entry, caveat=combined)
        carried.append(entry)
    return carried, problems

