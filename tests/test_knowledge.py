"""Knowledge files: the bundled FAQ is clean and sourced; broken files fail whole, with file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.knowledge import loader
from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.knowledge.model import KnowledgeBase, Status
from bot.knowledge.schema import normalize_quote_text
from bot.knowledge.yamlfile import LineDict, LineList, NotStreamable, parse_yaml, stream_story_file
from bot.matching.answerer import Answerer
from bot.reply import Outcome
from tests.conftest import KNOWLEDGE, folder_with_both_stories
from tests.conftest import SECOND_STORY as SECOND


def test_every_quote_occurs_verbatim_in_the_article(knowledge: KnowledgeBase) -> None:
    article = normalize_quote_text((KNOWLEDGE / "article.txt").read_text(encoding="utf-8"))
    for entry in knowledge.entries:
        assert entry.sources, entry.id
        for source in entry.sources:
            assert normalize_quote_text(source.quote) in article, (entry.id, source.quote)


def test_reported_claims_carry_a_caveat_and_confirmed_ones_do_not(knowledge: KnowledgeBase) -> None:
    for entry in knowledge.entries:
        if entry.status is Status.REPORTED:
            assert entry.caveat, entry.id
        if entry.status is Status.CONFIRMED:
            assert entry.caveat is None, entry.id


def test_story_metadata_does_not_invent_a_publisher(knowledge: KnowledgeBase) -> None:
    story = knowledge.story()
    assert story.title == "Trump\u2019s Plan To End Russia War".replace("\u2019", "'")
    assert story.publisher == "unknown"
    assert story.summary_short and story.summary_full and story.topics


def _write(tmp_path: Path, yaml_text: str) -> Path:
    folder = tmp_path / "kb"
    folder.mkdir()
    shutil.copy(SECOND / "harbour.txt", folder / "harbour.txt")
    (folder / "harbour.yaml").write_text(yaml_text, encoding="utf-8")
    return folder


def _fixture_text() -> str:
    return (SECOND / "harbour.yaml").read_text(encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    return [str(p) for p in caught.value.problems]


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_a_second_story_loads_with_no_code_change(tmp_path: Path) -> None:
    both = load_knowledge(folder_with_both_stories(tmp_path))
    assert {s.id for s in both.stories} == {"peace-plan", "harbour-bridge"}
    reply = Answerer(both).ask("what is wrong with the harbour bridge?")
    assert reply.top is not None and reply.top.entry_id == "bridge-cracks"
    assert reply.top.caveat and "Telegraph" not in reply.top.caveat  # the generic default: no other story's words


def test_bad_status_names_file_line_entry_and_field(tmp_path: Path) -> None:
    text = _fixture_text().replace("status: reported", "status: rumour")
    folder = _write(tmp_path, text)
    line = _line_of(text, "status: rumour")
    assert _problems(folder) == [
        f"{folder / 'harbour.yaml'}:{line}: entry 'bridge-cracks': status: 'rumour' is not one of "
        "confirmed, reported, stated, unresolved, context, not_in_article"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    keywords: [cracks", "    colour: red\n    keywords: [cracks", "colour: unknown field"),
        ("    reviewed: 2026-11-26\n  - id: bridge-cracks", "  - id: bridge-cracks",
         "reviewed: missing required field"),
        ("id: bridge-cracks", "id: bridge-closure-length", "duplicate id"),
        ("id: bridge-cracks", 'id: "bridge-closure-length "', "has spaces around it"),
        ("      path: harbour.txt",
         "      path: harbour.txt\n    - id: harbour\n      title: Again\n      path: harbour.txt",
         "document id 'harbour' is used twice"),
        ("      - are there cracks in the bridge", "      - bridge closure dates", "is also a phrasing of entry"),
        ("answer: According to the local paper, engineers", "answer: ''\n    x_answer: ", "answer: must not be empty"),
        ("quote: engineers found cracks", "quote: engineers found huge cracks", "does not occur verbatim"),
        ("related: [bridge-closure-length]", "related: [bridge-gone]", "'bridge-gone' is not an entry id"),
        ("reviewed: 2026-11-26\n  - id: bridge-cracks", "reviewed: last week\n  - id: bridge-cracks", "is not a date"),
        ("topics: [closure]\n    related: [bridge-cracks]", "topics: [weather]\n    related: [bridge-cracks]",
         "topic 'weather' is not a topic"),
        ("document: harbour\n        cited: The local paper", "document: memo\n        cited: The local paper",
         "'memo' is not a document"),
        ("keywords: [cracks, supports, engineers", "keywords: [yes, supports, engineers",
         "keywords: YAML reads yes/no/on/off/true/false as a yes-or-no value, not text: quote it (\"yes\")"),
        ("    keywords: [cracks", "    keywords: [1.10, cracks", "quote it (\"1.1\")"),
        ("answer: According to the local paper, engineers", "answer: Yes. According to the local paper, engineers",
         "answer: starts with a bare verdict ('Yes.')"),
        ("answer: The council voted", "answer: No, the council voted", "starts with a bare verdict ('No,')"),
        ("repeats: [bridge-cracks]", "repeats: [bridge-gone]", "repeats: 'bridge-gone' is not an entry id"),
        ("repeats: [bridge-cracks]", "timeframe: someday", "timeframe: 'someday' is not one of past, future"),
        # a not-in-article answer quoting the paper must carry the paper's caveat, by `repeats` or its own
        ("    repeats: [bridge-cracks]\n", "", "cites 'The local paper', a source the story cites only for reported"),
        ("  topics:\n", "  caveats:\n    rumoured: x\n  topics:\n",
         "story.caveats.rumoured: unknown field (known fields: confirmed, reported"),
        ("  topics:\n", "  vocabulary:\n    synonyms:\n      bridge: [span]\n      crossing: [span]\n  topics:\n",
         "'span' is also listed under 'bridge'"),
        ("  topics:\n", "  vocabulary:\n    words: [x]\n  topics:\n", "story.vocabulary.words: unknown field"),
        ("  topics:\n", "  vocabulary:\n    off_topic: [world series]\n  topics:\n",
         "story.vocabulary.off_topic: 'world series' must be a single word"),
        ("  topics:\n", "  vocabulary:\n    synonyms:\n      fine: [ok]\n  topics:\n",
         "'ok' is a word the matcher ignores"),
    ],
)
def test_schema_problems_are_reported_readably(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = _fixture_text()
    assert old in text
    problems = _problems(_write(tmp_path, text.replace(old, new, 1)))
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(str(tmp_path / "kb" / "harbour.yaml") + ":") for p in problems)


def test_a_synonym_may_be_another_languages_function_word_a_story_uses_as_a_name(tmp_path: Path) -> None:
    text = _fixture_text().replace("  topics:\n", "  vocabulary:\n    synonyms:\n      engineer: [das]\n  topics:\n", 1)
    answerer = Answerer(load_knowledge(_write(tmp_path, text)))  # loads: no "a word the matcher ignores"
    assert answerer.knowledge.vocabulary.synonyms


def test_a_storys_own_vocabulary_and_caveats_are_used(tmp_path: Path) -> None:
    text = _fixture_text().replace("  topics:\n", (
        "  caveats:\n    reported: Only the local paper says so.\n"
        "  vocabulary:\n    synonyms:\n      bridge: [span, crossing]\n      repairs: [fix, mend]\n"
        "    examples: [\"Is the span closing?\"]\n    off_topic: [ferry]\n  topics:\n"), 1)
    answerer = Answerer(load_knowledge(_write(tmp_path, text)))
    reply = answerer.ask("why is the span being mended?")
    assert reply.top is not None and reply.top.entry_id == "bridge-cracks"
    assert reply.top.caveat == "Only the local paper says so."
    assert '"Is the span closing?"' in answerer.ask("who won the champions league?").message  # a decline's example
    # the FAQ uses "ferry" (the mayor's promise), so the off-topic word does not decline it
    assert answerer.ask("will there be a ferry?").outcome is not Outcome.DECLINE


def test_an_answer_too_long_for_discord_is_rejected(tmp_path: Path) -> None:
    long_answer = "word " * 400
    text = _fixture_text().replace(
        "answer: The council voted", f"answer: {long_answer}The council voted", 1
    )
    problems = _problems(_write(tmp_path, text))
    assert any("at most 1500 fit in a Discord reply" in p for p in problems), problems


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    good = "    keywords: [bridge, closure, months, march]"
    text = _fixture_text().replace(good, "    keywords: [bridge, closure", 1)
    problems = _problems(_write(tmp_path, text))
    assert len(problems) == 1 and "invalid YAML" in problems[0]
    assert problems[0].split(":")[1].isdigit()


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    text = _fixture_text().replace("status: reported", "status: rumour").replace(
        "related: [bridge-cracks]", "related: [nope]"
    )
    assert len(_problems(_write(tmp_path, text))) == 2


def test_a_non_mapping_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    for text in ["- just\n- a list\n", "42\n", "", "entries: 7\nstory: x\n"]:
        folder = tmp_path / f"kb{abs(hash(text))}"
        folder.mkdir()
        (folder / "s.yaml").write_text(text, encoding="utf-8")
        with pytest.raises(KnowledgeError):
            load_knowledge(folder)


# -- streaming: a file of the usual shape is read one entry at a time, anything else whole ----------


def _with_lines(value: object) -> object:
    """A value with every line number it carries, for comparing two readings of one file."""
    if isinstance(value, LineDict):
        return ("map", value.line, value.lines, {k: _with_lines(v) for k, v in value.items()})
    if isinstance(value, LineList):
        return ("seq", value.line, value.lines, [_with_lines(v) for v in value])
    return (type(value).__name__, value)


@pytest.mark.parametrize("path", [KNOWLEDGE / "peace-plan.yaml", SECOND / "harbour.yaml"])
def test_streaming_reads_what_the_whole_file_reader_reads(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    whole = parse_yaml(text, str(path))
    top, items = stream_story_file(text)
    read = list(items)
    assert _with_lines(top["story"]) == _with_lines(whole["story"])
    assert (top.line, top.lines) == (whole.line, whole.lines)
    assert [_with_lines(item) for item, _ in read] == [_with_lines(item) for item in whole["entries"]]
    assert [line for _, line in read] == whole["entries"].lines


def _outcome(folder: Path) -> object:
    try:
        knowledge = load_knowledge(folder)
    except KnowledgeError as exc:
        return [str(p) for p in exc.problems]
    return knowledge.stories, knowledge.entries


def _never_stream(text: str) -> object:
    raise NotStreamable


_ENTRY = "  - id: bridge-cracks\n"
REFUSED = {  # name: (old, new), applied once to the fixture; the streaming reader leaves these to parse_yaml
    "entries before story": ("story:", "entries: []\nstory:"),
    "an extra top-level key": ("entries:", "colour: red\nentries:"),
    "an anchor": ("keywords: [bridge, closure, months, march]", "keywords: &k [bridge, closure]"),
    "a merge key": (_ENTRY, _ENTRY + "    <<: {colour: red}\n"),
    "a duplicate key in an entry": (_ENTRY, _ENTRY + "    id: again\n"),
    "a custom tag": ("status: reported", "status: !rumour reported"),
    "a second document": ("entries:", "entries:"),  # and a document appended, below
    "a syntax error after the first entry": (_ENTRY, _ENTRY + "    question: [unclosed\n"),
}
READ = {  # odd but plain: the streaming reader reads these itself
    "a tagged text": ("status: reported", "status: !!str reported"),
    "a date as a key": (_ENTRY, _ENTRY + "    2026-11-26: x\n"),
    "a number": ("status: reported", "status: 7"),
    "a null": ("status: reported", "status: ~"),
}


def _shape(name: str) -> str:
    old, new = {**REFUSED, **READ}[name]
    text = _fixture_text()
    assert old in text
    return text.replace(old, new, 1) + ("---\nstory: {}\n" if name == "a second document" else "")


@pytest.mark.parametrize("name", sorted({**REFUSED, **READ}))
def test_odd_files_load_exactly_as_the_whole_file_reader_loads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
) -> None:
    folder = _write(tmp_path, _shape(name))
    got = _outcome(folder)
    monkeypatch.setattr(loader, "stream_story_file", _never_stream)  # the whole-file path only
    assert got == _outcome(folder)


@pytest.mark.parametrize("name", sorted({**REFUSED, **READ}))
def test_the_streaming_reader_refuses_what_it_cannot_read_exactly(name: str) -> None:
    def stream() -> None:
        _top, items = stream_story_file(_shape(name))
        list(items)

    if name in REFUSED:
        with pytest.raises(NotStreamable):
            stream()
    else:
        stream()


def test_the_readmes_minimal_story_file_loads_as_written(tmp_path: Path) -> None:
    readme = (KNOWLEDGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("A complete minimal story file:"):]
    start = section.index("```yaml\n") + len("```yaml\n")
    story = section[start:section.index("```", start)]
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "harbour.yaml").write_text(story, encoding="utf-8")
    shutil.copy(SECOND / "harbour.txt", folder / "harbour.txt")
    knowledge = load_knowledge(folder)
    assert [e.id for e in knowledge.entries] == ["bridge-cracks"]


def test_the_file_format_and_the_model_name_the_same_statuses_and_gaps() -> None:
    # the spec declares the file format on its own (its JSON Schema is what editors read)
    from typing import get_args

    from bot.knowledge import spec
    from bot.knowledge.model import Gap

    assert set(get_args(spec.Status)) == {s.value for s in Status}
    assert set(get_args(spec.GapName)) == {g.value for g in Gap}


BENCHMARK_STORIES = sorted((KNOWLEDGE.parent / "benchmarks" / "data").glob("*-story/knowledge"))


def test_the_benchmark_stories_are_found() -> None:
    assert len(BENCHMARK_STORIES) >= 5  # the test below would pass on an empty list


@pytest.mark.parametrize("folder", BENCHMARK_STORIES, ids=lambda p: p.parent.name)
def test_every_benchmark_story_loads(folder: Path) -> None:
    # the blind sets are scored against these stories (benchmarks/blind.py): a change to the format
    # that one of them no longer meets is caught here, not at the next measurement
    knowledge = load_knowledge(folder)
    assert knowledge.entries and all(e.sources for e in knowledge.entries)
