"""Load a knowledge folder as one validated KnowledgeBase, or fail with every problem found.

A folder holds one YAML file per story plus the source documents (.txt, .md) the stories
quote. Nothing is returned until every file is clean, so callers swap in a whole new
KnowledgeBase or keep the old one: never a half-loaded state.
"""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.model import Entry, KnowledgeBase, Story
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
        display = _display(file)
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
    problems.extend(_cross_file_problems(raws))
    if problems:
        raise KnowledgeError(problems)
    return KnowledgeBase(stories=tuple(stories), entries=tuple(entries), root=str(folder))


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
CROSS_FILE_FIELDS = ("id", "question", "alternates", "related")


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


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _cross_file_problems(raws: dict[str, object]) -> list[Problem]:
    """What no single entry can see: duplicate ids and alternates, related ids that do not exist."""
    problems: list[Problem] = []
    ids: dict[str, tuple[str, int]] = {}
    story_ids: dict[str, str] = {}
    phrasings: dict[str, tuple[str, str]] = {}
    related: list[tuple[str, int, str, str]] = []
    for path, raw in raws.items():
        if not isinstance(raw, LineDict):
            continue
        story = raw.get("story")
        if isinstance(story, LineDict) and isinstance(story.get("id"), str):
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
            rel = item.get("related")
            if isinstance(rel, LineList):
                related.extend((path, ln, entry_id, str(r)) for r, ln in zip(rel, rel.lines))
    for path, line, entry_id, target in related:
        if target not in ids:
            problems.append(Problem(path, line, f"'{target}' is not an entry id", entry_id, "related"))
        elif target == entry_id:
            problems.append(Problem(path, line, "an entry cannot be related to itself", entry_id, "related"))
    return problems

