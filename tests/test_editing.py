"""Saving edits to the knowledge: pleasant YAML, minimal diffs, validation first, conflicts, history."""

from __future__ import annotations

import difflib
import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.editing import editor as editor_module
from bot.editing.atomic import TEMP_SUFFIX, atomic_write, folder_lock, remove_stale_temp_files
from bot.editing.editor import NO_ENTRY, Conflict, Editor, Invalid, NoChange, NotFound, Unwritable
from bot.editing.forms import EntryForm, form_to_entry, new_entry_id, parse_sources, sources_text
from bot.editing.layout import parse_layout
from bot.editing.service import Actor, EditingService, NoSuchChange
from bot.editing.yamltext import emit_mapping, entry_text, parse_entry_text, version_of
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.schema import ENTRY_FIELDS
from bot.records.database import Records
from bot.serving import KnowledgeService
from tests.conftest import KNOWLEDGE, SECOND_STORY, folder_with_both_stories

MOD = Actor("Mod Erator", 1234)
QUOTE = "The Kremlin confirmed Friday it received a revised American plan"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge: saving must never touch the repository's files."""
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


@pytest.fixture
def service(folder: Path, tmp_path: Path) -> EditingService:
    records = Records(tmp_path / "records.sqlite3")
    return EditingService(KnowledgeService(folder), records, today=lambda: "2026-12-01")


def yaml_file(folder: Path) -> Path:
    return folder / "peace-plan.yaml"


def changed_lines(before: str, after: str) -> tuple[list[int], list[str], list[str]]:
    """0-based lines of `before` that changed, and the removed and added lines."""
    old, new = before.split("\n"), after.split("\n")
    touched: list[int] = []
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            touched.extend(range(i1, max(i2, i1 + 1)))
            removed.extend(old[i1:i2])
            added.extend(new[j1:j2])
    return touched, removed, added


def entry_lines(path: Path, entry_id: str) -> range:
    span = parse_layout(path, path.read_text(encoding="utf-8")).span(entry_id)
    assert span is not None
    return range(span.start, span.end)


# -- the YAML writer -------------------------------------------------------------------------------


def test_every_bundled_entry_rewritten_unchanged_gives_the_same_file() -> None:
    layout = parse_layout(KNOWLEDGE / "peace-plan.yaml", (KNOWLEDGE / "peace-plan.yaml").read_text(encoding="utf-8"))
    assert len(layout.entries) > 50
    for span in layout.entries:
        assert layout.replaced(span.entry_id, span.data) == layout.text, span.entry_id


def test_emitted_entries_keep_schema_key_order_and_block_style() -> None:
    layout = parse_layout(KNOWLEDGE / "peace-plan.yaml", (KNOWLEDGE / "peace-plan.yaml").read_text(encoding="utf-8"))
    for span in layout.entries:
        lines = emit_mapping(span.data)
        keys = [line.split(":", 1)[0] for line in lines if line and not line.startswith(" ")]
        assert keys == [k for k in ENTRY_FIELDS if k in span.data]
        assert any(line == "answer: >-" for line in lines), span.entry_id  # long text as a folded block
        assert all(len(line) <= 98 for n, line in enumerate(lines) if lines[n - 1] == "answer: >-")
        assert parse_entry_text(entry_text(span.data)) == span.data


TWO_ENTRIES = """story:
  id: s
entries:
  - id: a
    question: q a
    alternates:
      - x
    answer: some answer
    status: stated
  - id: b
    question: q b
    alternates: []
    answer: b
    status: stated
"""


def assert_added_to_a_file_exactly(data: dict[str, object]) -> None:
    """Adding `data` to a file (the save path's splice) appends it as an item of `entries:` that
    reads back as exactly `data`, and leaves every line before it as it was."""
    layout = parse_layout(Path("f.yaml"), TWO_ENTRIES)
    text = layout.replaced(None, data)
    assert text.startswith(TWO_ENTRIES) and text[len(TWO_ENTRIES):].startswith(f"  - id: {data['id']}\n")
    after = parse_layout(Path("f.yaml"), text)
    assert [span.entry_id for span in after.entries] == ["a", "b", data["id"]]
    assert after.span(str(data["id"])).data == data  # type: ignore[union-attr]
    assert [span.data for span in after.entries[:2]] == [span.data for span in layout.entries]


@pytest.mark.parametrize("text", [
    "a: colon", "- leading dash", "# hash", "ends with #", "1991", "yes", "null", "2026-11-26", "'quoted'",
    '"double"', "tab\there", "trailing space ", " leading space", "line\nbreak", "para one\n\npara two",
    "unicode \u2019quotes\u201d and \u00e9", "[flow]", "{brace}", "a, b", "percent % and @at", "\u2028sep",
    "many  spaces  inside", "x" * 300,
])
def test_any_text_round_trips_exactly(text: str) -> None:
    data = {"id": "x", "question": text, "alternates": [text, "plain"], "keywords": [text, "k"],
            "answer": text, "status": "reported", "caveat": text,
            "sources": [{"document": "article", "cited": text, "quote": text}], "reviewed": "2026-11-26"}
    assert parse_entry_text(entry_text(data)) == data
    assert_added_to_a_file_exactly(data)


def test_the_version_follows_content_not_key_order() -> None:
    a = {"id": "x", "question": "q", "answer": "a"}
    b = {"answer": "a", "question": "q", "id": "x"}
    assert version_of(a) == version_of(b) != version_of({**a, "answer": "b"})
    assert version_of(None) == NO_ENTRY


# -- one entry's change touches only that entry's lines -------------------------------------------------


def test_an_alias_adds_exactly_one_line_inside_the_entry(service: EditingService, folder: Path) -> None:
    path = yaml_file(folder)
    before = path.read_text(encoding="utf-8")
    span = entry_lines(path, "telegraph-report")
    service.alias("telegraph-report", "what did the daily telegraph write", MOD)
    touched, removed, added = changed_lines(before, path.read_text(encoding="utf-8"))
    assert removed == []
    assert added == ["      - what did the daily telegraph write"]
    assert all(line in span for line in touched)


def _harbour_service(tmp_path: Path, old: str, new: str) -> tuple[Path, EditingService]:
    """A copy of the second story with one passage of its YAML replaced, and an editing service on it."""
    folder = tmp_path / "harbour"
    shutil.copytree(SECOND_STORY, folder)
    path = folder / "harbour.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder, EditingService(KnowledgeService(folder), Records(tmp_path / "records.sqlite3"),
                                  today=lambda: "2026-12-06")


def test_an_alias_keeps_the_phrasings_as_their_moderator_wrote_them(tmp_path: Path) -> None:
    # a quoted phrasing, written by hand or by git, is not rewritten by an alias added from Discord
    folder, service = _harbour_service(tmp_path, "      - bridge closure dates\n",
                                       "      - \"bridge closure dates?\"\n")
    path = folder / "harbour.yaml"
    before = path.read_text(encoding="utf-8")
    service.alias("bridge-closure-length", "until when is the bridge shut", MOD)
    _, removed, added = changed_lines(before, path.read_text(encoding="utf-8"))
    assert removed == []
    assert added == ["      - until when is the bridge shut"]
    entry = load_knowledge(folder).entry("bridge-closure-length")
    assert entry is not None
    assert entry.alternates[-2:] == ("bridge closure dates?", "until when is the bridge shut")


def test_an_alias_to_phrasings_written_in_brackets_saves_them_all(tmp_path: Path) -> None:
    folder, service = _harbour_service(
        tmp_path, "    alternates:\n      - how long is the bridge shut\n      - when does the bridge close\n"
                  "      - bridge closure dates\n",
        "    alternates: [how long is the bridge shut, when does the bridge close, bridge closure dates]\n")
    service.alias("bridge-closure-length", "until when is the bridge shut", MOD)
    entry = load_knowledge(folder).entry("bridge-closure-length")
    assert entry is not None
    assert entry.alternates == ("how long is the bridge shut", "when does the bridge close", "bridge closure dates",
                                "until when is the bridge shut")


def test_an_edit_diff_stays_within_the_entry_and_its_changed_fields(service: EditingService, folder: Path) -> None:
    path = yaml_file(folder)
    before = path.read_text(encoding="utf-8")
    span = entry_lines(path, "us-recognize-crimea")
    state, form = service.form("us-recognize-crimea")
    edited = EntryForm(question=form.question, alternates=form.alternates + "\ncrimea deal?",
                       answer=form.answer.replace("no decision", "no decision so far"), sources=form.sources,
                           status=form.status)
    saved = service.edit("us-recognize-crimea", edited, state.version, MOD)
    after = path.read_text(encoding="utf-8")
    touched, removed, added = changed_lines(before, after)
    assert touched and all(line in span for line in touched)
    assert "      - crimea deal?" in added
    assert any("so far" in line for line in added)
    assert not any("question:" in line or "quote:" in line for line in removed + added)  # unchanged fields stay
    assert saved.change.before is not None and saved.change.after is not None
    assert saved.change.after["reviewed"] == "2026-12-01"
    edited_entry = load_knowledge(folder).entry("us-recognize-crimea")
    assert edited_entry is not None and edited_entry.answer.startswith("The article reports no decision so far")


def test_removing_an_entry_others_point_to_is_refused_with_the_reason(service: EditingService,
                                                                       folder: Path) -> None:
    path = yaml_file(folder)
    before = path.read_bytes()
    assert any("stakes-us-policy" in e.related for e in load_knowledge(folder).entries)
    with pytest.raises(Invalid) as refused:
        service.remove("stakes-us-policy", service.entry("stakes-us-policy").version, MOD)
    assert "'stakes-us-policy' is not an entry id" in str(refused.value.problems[0])
    assert path.read_bytes() == before


def test_an_add_appends_and_a_removal_deletes_exactly_the_entry(service: EditingService, folder: Path) -> None:
    form = EntryForm(question="Did the Kremlin get the plan?", answer="The Kremlin confirmed it received the plan.",
                     sources=f"The Kremlin | {QUOTE}", status="confirmed")
    path = yaml_file(folder)
    before = path.read_text(encoding="utf-8")
    added = service.add(form, None, None, MOD)
    after_add = path.read_text(encoding="utf-8")
    assert after_add.startswith(before.rstrip("\n"))  # appended after the last entry, nothing else moved
    assert "  - id: did-the-kremlin-get-the-plan\n    question: Did the Kremlin get the plan?\n" in after_add
    span = entry_lines(path, "did-the-kremlin-get-the-plan")
    lines = after_add.split("\n")
    service.remove(added.change.entry_id, version_of(added.change.after), MOD)
    assert path.read_text(encoding="utf-8").split("\n") == lines[:span.start] + lines[span.stop:]
    assert path.read_text(encoding="utf-8") == before


# -- validation first ---------------------------------------------------------------------------------------


def test_an_invalid_change_is_refused_with_the_reason_and_nothing_changes(service: EditingService,
                                                                            folder: Path) -> None:
    path = yaml_file(folder)
    before = path.read_bytes()
    form = EntryForm(question="Is the moon involved?", answer="The article does not say.", status="reported",
                     sources="The article | the moon is made of cheese")
    with pytest.raises(Invalid) as refused:
        service.add(form, None, None, MOD)
    problem = refused.value.problems[0]
    assert problem.field == "sources.quote" and "does not occur verbatim in 'article.txt'" in problem.message
    assert problem.path.endswith("peace-plan.yaml") and "faqbot-check" not in problem.path
    with pytest.raises(Invalid, match="is not one of"):
        service.set_status("telegraph-report", "rumoured", None, MOD)
    with pytest.raises(Invalid, match="also a phrasing of entry"):
        service.alias("telegraph-report", "Will the US recognize Crimea as Russian?", MOD)
    assert path.read_bytes() == before
    assert service.history() == []
    assert not list(folder.glob(f"*{TEMP_SUFFIX}"))


def test_refusals_that_are_not_validation(service: EditingService, folder: Path) -> None:
    with pytest.raises(NotFound):
        service.alias("no-such-entry", "x", MOD)
    with pytest.raises(NoChange):
        service.alias("telegraph-report", "What did The Telegraph report?", MOD)
    with pytest.raises(NoChange):
        service.set_status("geneva-talks", "context", None, MOD)
    with pytest.raises(NoSuchChange):
        service.revert("telegraph-report", 99, MOD)
    with pytest.raises(NotFound):
        service.add(EntryForm(question="q"), None, "no-such-story", MOD)


def test_a_refused_form_carries_the_moderators_text_cited_from_its_own_story(tmp_path: Path) -> None:
    # harbour.yaml is the folder's first story: a peace-plan entry's bare quote is still from the article
    folder = folder_with_both_stories(tmp_path)
    service = EditingService(KnowledgeService(folder), Records(tmp_path / "r.sqlite3"), today=lambda: "2026-12-01")
    assert service.story_file(None) == "harbour.yaml"
    state, form = service.form("envoys-moscow")
    typed = replace(form, sources="the moon is made of cheese")
    with pytest.raises(Invalid) as invalid:
        service.edit("envoys-moscow", typed, state.version, MOD)
    assert invalid.value.attempt_text is not None
    attempt = parse_entry_text(invalid.value.attempt_text)
    assert attempt["id"] == "envoys-moscow" and attempt["reviewed"] == "2026-12-01"
    assert attempt["sources"] == [
        {"document": "article", "cited": "The article", "quote": "the moon is made of cheese"}]
    with pytest.raises(Conflict) as conflict:  # an add of an id that exists
        service.add(typed, "envoys-moscow", "peace-plan", MOD)
    assert conflict.value.attempt_text == invalid.value.attempt_text
    with pytest.raises(Invalid) as new:  # no id typed: the text names none either
        service.add(replace(typed, question="Is the moon involved?"), None, "harbour-bridge", MOD)
    assert new.value.attempt_text is not None
    assert parse_entry_text(new.value.attempt_text)["id"] == "new-entry"
    assert parse_entry_text(new.value.attempt_text)["sources"][0]["document"] == "harbour"
    with pytest.raises(NoChange) as unchanged:  # not a form: nothing to copy back
        service.alias("envoys-moscow", form.question, MOD)
    assert unchanged.value.attempt_text is None


def test_a_file_that_is_not_yaml_right_now_is_not_written(service: EditingService, folder: Path) -> None:
    path = yaml_file(folder)
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: [broken\n", encoding="utf-8")
    broken = path.read_bytes()
    with pytest.raises(Unwritable, match="not valid YAML"):
        service.alias("telegraph-report", "telegraph article", MOD)
    assert path.read_bytes() == broken


# -- conflicts ------------------------------------------------------------------------------------------------


def test_a_save_from_a_stale_copy_is_a_conflict_showing_the_newer_version(service: EditingService,
                                                                           folder: Path) -> None:
    state, form = service.form("envoys-moscow")
    first = EntryForm(question=form.question, alternates=form.alternates, answer=form.answer + " First edit.",
                      sources=form.sources, status=form.status)
    second = EntryForm(question=form.question, alternates=form.alternates, answer=form.answer + " Second edit.",
                       sources=form.sources, status=form.status)
    service.edit("envoys-moscow", first, state.version, MOD)
    with pytest.raises(Conflict) as conflict:
        service.edit("envoys-moscow", second, state.version, Actor("Other"))
    assert conflict.value.current is not None
    assert "First edit." in conflict.value.current.data["answer"]
    saved = load_knowledge(folder).entry("envoys-moscow").answer  # (its lines folded wherever they fall)
    assert saved.endswith(" First edit.") and "Second edit." not in saved
    with pytest.raises(Conflict):  # an add of an id that exists is a conflict too
        service.add(form, "envoys-moscow", None, MOD)


def test_concurrent_saves_of_one_entry_from_one_version_let_exactly_one_win(service: EditingService,
                                                                             folder: Path) -> None:
    state, form = service.form("envoys-moscow")
    results: list[str] = []
    barrier = threading.Barrier(4)

    def save(n: int) -> None:
        edited = EntryForm(question=form.question, alternates=form.alternates, answer=f"{form.answer} Edit {n}.",
                           sources=form.sources, status=form.status)
        barrier.wait()
        try:
            service.edit("envoys-moscow", edited, state.version, Actor(f"mod {n}"))
            results.append(f"saved {n}")
        except Conflict:
            results.append("conflict")

    threads = [threading.Thread(target=save, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results).count("conflict") == 3
    winner = next(r for r in results if r.startswith("saved")).split()[1]
    assert load_knowledge(folder).entry("envoys-moscow").answer.endswith(f"Edit {winner}.")  # type: ignore[union-attr]


def test_concurrent_saves_of_different_entries_all_land(service: EditingService, folder: Path) -> None:
    ids = ["envoys-moscow", "telegraph-report", "us-recognize-crimea", "recognition-which-regions"]
    barrier = threading.Barrier(len(ids))

    def alias(entry_id: str) -> None:
        barrier.wait()
        service.alias(entry_id, f"concurrent phrasing for {entry_id}", MOD)

    threads = [threading.Thread(target=alias, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    knowledge = load_knowledge(folder)
    for entry_id in ids:
        assert f"concurrent phrasing for {entry_id}" in knowledge.entry(entry_id).alternates  # type: ignore[union-attr]
    assert len(service.history()) == len(ids)


# -- history and revert -----------------------------------------------------------------------------------------


def test_history_records_who_when_before_after_and_revert_restores(service: EditingService, folder: Path) -> None:
    original = load_knowledge(folder).entry("envoys-moscow")
    saved = service.set_status("envoys-moscow", "confirmed", None, MOD)
    assert service.knowledge.answerer.knowledge.entry("envoys-moscow").status == "confirmed"  # type: ignore[union-attr]
    assert service.knowledge.answerer.knowledge.entry("envoys-moscow").caveat is None  # type: ignore[union-attr]
    row = service.history("envoys-moscow")[0]
    assert (row.id, row.action, row.actor, row.file) == (saved.number, "status", "Mod Erator", "peace-plan.yaml")
    assert row.before is not None and "status: reported" in row.before
    assert row.after is not None and "status: confirmed" in row.after and "caveat:" not in row.after
    reverted = service.revert("envoys-moscow", saved.number, MOD)
    assert reverted.change.action == "revert"
    restored = load_knowledge(folder).entry("envoys-moscow")
    assert restored == original
    assert [r.action for r in service.history("envoys-moscow")] == ["revert", "status"]


def test_a_status_caveat_override_follows_the_status_unless_given(service: EditingService) -> None:
    entry_id = next(e.id for e in service.knowledge.answerer.knowledge.entries if e.caveat and e.status == "reported"
                    and e.caveat != "This comes from media reports (The Telegraph and unnamed sources) and has not "
                    "been officially confirmed.")
    service.set_status(entry_id, "confirmed", None, MOD)
    assert service.entry(entry_id).data.get("caveat") is None
    service.set_status(entry_id, "reported", "Only one outlet reports this.", MOD)
    assert service.knowledge.answerer.knowledge.entry(entry_id).caveat == "Only one outlet reports this."  # type: ignore[union-attr]


def test_reverting_an_add_removes_and_reverting_a_removal_re_adds(service: EditingService, folder: Path) -> None:
    form = EntryForm(question="Did the Kremlin get the plan?", answer="The Kremlin got it.",
                     sources=f"The Kremlin | {QUOTE}", status="confirmed")
    added = service.add(form, "kremlin-got-it", None, MOD)
    gone = service.revert("kremlin-got-it", added.number, MOD)
    assert gone.change.after is None and load_knowledge(folder).entry("kremlin-got-it") is None
    back = service.revert("kremlin-got-it", gone.number, MOD)
    assert back.change.after is not None and load_knowledge(folder).entry("kremlin-got-it") is not None


# -- edits made on disk ----------------------------------------------------------------------------------------


def test_a_hand_edit_is_reloaded_and_recorded(service: EditingService, folder: Path) -> None:
    assert service.check_disk() is None  # nothing changed yet
    path = yaml_file(folder)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      - what's the telegraph story\n", "      - what's the telegraph story\n      - telegraph scoop\n"),
        encoding="utf-8")
    check = service.check_disk()
    assert check is not None and check.reload.ok
    [(change, number)] = check.recorded
    assert change.entry_id == "telegraph-report" and change.action == "file"
    assert "telegraph scoop" in service.knowledge.answerer.knowledge.entry("telegraph-report").alternates  # type: ignore[union-attr]
    assert service.history()[0].actor == "hand edit" and service.history()[0].id == number
    assert service.check_disk() is None


def test_an_invalid_hand_edit_is_rejected_once_and_the_last_good_faq_is_served(service: EditingService,
                                                                                folder: Path) -> None:
    path = yaml_file(folder)
    good = path.read_text(encoding="utf-8")
    served = service.knowledge.answerer
    path.write_text(good.replace("    status: reported\n", "    status: rumoured\n", 1), encoding="utf-8")
    check = service.check_disk()
    assert check is not None and not check.reload.ok
    assert any("'rumoured' is not one of" in str(p) and "peace-plan.yaml:" in str(p) for p in check.reload.problems)
    assert service.knowledge.answerer is served
    assert service.check_disk() is None  # reported once, not at every poll
    forced = service.check_disk(force=True)
    assert forced is not None and not forced.reload.ok
    path.write_text(good, encoding="utf-8")
    fixed = service.check_disk()
    assert fixed is not None and fixed.reload.ok and fixed.recorded == ()


# -- forms -----------------------------------------------------------------------------------------------------------


def test_sources_text_round_trips_and_accepts_short_forms() -> None:
    sources = [{"document": "article", "cited": "The Telegraph", "quote": "a quote"},
               {"document": "other", "cited": "Someone", "quote": "another"}]
    assert parse_sources(sources_text(sources, "article"), "article") == sources
    assert parse_sources('\u201ca bare quote\u201d\n\n', "article") == [
        {"document": "article", "cited": "The article", "quote": "a bare quote"}]


def test_a_changed_status_in_the_form_drops_the_caveat_override() -> None:
    base = {"id": "x", "question": "q", "alternates": [], "answer": "a", "status": "reported", "caveat": "c",
            "sources": [], "topics": ["t"], "reviewed": "2026-01-01"}
    same = form_to_entry(EntryForm("q", "", "a", "", "reported"), base, "x", "2026-12-01", "article")
    assert same["caveat"] == "c" and same["topics"] == ["t"] and same["reviewed"] == "2026-12-01"
    changed = form_to_entry(EntryForm("q", "q\nQ\nother", "a\r\n\r\n\r\nb  ", "", "confirmed"), base, "x",
                            "2026-12-01", "article")
    assert "caveat" not in changed and changed["alternates"] == ["other"] and changed["answer"] == "a\n\nb"


def test_new_ids_are_readable_valid_and_unique() -> None:
    assert new_entry_id("Who went to Moscow?", []) == "who-went-to-moscow"
    assert new_entry_id("Who went to Moscow?", ["who-went-to-moscow"]) == "who-went-to-moscow-2"
    assert new_entry_id("\u00bfQu\u00e9?", []) == "que"
    assert new_entry_id("???", []) == "entry"


# -- the atomic write ------------------------------------------------------------------------------------------


def test_atomic_write_replaces_whole_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    with folder_lock(tmp_path):
        atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]
    leftover = tmp_path / f".f.yaml.abc{TEMP_SUFFIX}"
    leftover.write_text("half", encoding="utf-8")
    with folder_lock(tmp_path):
        remove_stale_temp_files(tmp_path)
    assert not leftover.exists()


def test_the_editor_reads_a_single_file_too(folder: Path) -> None:
    editor = Editor(yaml_file(folder))
    assert "envoys-moscow" in editor.entries()
    with editor.locked():
        prepared = editor.prepare("envoys-moscow", "alias", lambda cur: {
            **cur, "alternates": [*cur["alternates"], "single file"]} if cur else None)
        editor.commit(prepared)
    assert prepared.change.after is not None and "single file" in prepared.change.after["alternates"]
    assert "single file" in load_knowledge(yaml_file(folder)).entry("envoys-moscow").alternates  # type: ignore[union-attr]


def test_a_hand_edit_landing_while_a_save_validates_is_kept(service: EditingService, folder: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # Someone saves the file in an editor (which takes no lock) just after the bot validated its
    # change and before it writes: the bot must start again from the file as it is now.
    path = yaml_file(folder)
    hand_edits: list[str] = []

    def load_then_someone_saves_in_an_editor(target: Path) -> KnowledgeBase:
        loaded = load_knowledge(target)
        if not hand_edits:
            hand_edits.append(path.read_text(encoding="utf-8").replace(
                "      - what's the telegraph story\n", "      - what's the telegraph story\n      - meanwhile\n"))
            assert hand_edits[0] != path.read_text(encoding="utf-8")
            path.write_text(hand_edits[0], encoding="utf-8")
        return loaded

    monkeypatch.setattr(editor_module, "load_knowledge", load_then_someone_saves_in_an_editor)
    saved = service.alias("envoys-moscow", "saved from discord", MOD)
    assert hand_edits  # the hand edit did land inside the save
    for knowledge in (load_knowledge(folder), service.knowledge.answerer.knowledge):  # on disk, and served
        assert "meanwhile" in knowledge.entry("telegraph-report").alternates  # type: ignore[union-attr]
        assert "saved from discord" in knowledge.entry("envoys-moscow").alternates  # type: ignore[union-attr]
    # the first try's pending row was withdrawn: the history holds the save once, applied
    assert [row.id for row in service.history("envoys-moscow")] == [saved.number]
    assert service.records.pending() == []


def test_a_layout_saves_cannot_handle_is_refused_clearly_and_the_bot_still_starts(folder: Path,
                                                                                  tmp_path: Path) -> None:
    path = yaml_file(folder)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - id: telegraph-report\n", "  -\n    id: telegraph-report\n", 1), encoding="utf-8")
    load_knowledge(folder)  # still valid YAML and a valid FAQ
    service = EditingService(KnowledgeService(folder), Records(tmp_path / "r.sqlite3"))
    with pytest.raises(Unwritable, match=r"peace-plan.yaml:\d+: write the entry as `- id: \.\.\.` on one line"):
        service.alias("envoys-moscow", "anything", MOD)


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200),
       items=st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40), max_size=4))
def test_the_writer_round_trips_any_text(text: str, items: list[str]) -> None:
    data = {"id": "x", "question": text, "alternates": items, "keywords": items, "answer": text, "status": "stated",
            "caveat": text, "sources": [{"document": "article", "cited": text, "quote": text}], "topics": items}
    assert parse_entry_text(entry_text(data)) == data
    assert_added_to_a_file_exactly(data)


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120),
       more=st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20), max_size=3))
def test_splicing_any_change_into_a_file_changes_that_entry_only(text: str, more: list[str]) -> None:
    layout = parse_layout(Path("f.yaml"), TWO_ENTRIES)
    span_a, span_b = layout.span("a"), layout.span("b")
    assert span_a is not None and span_b is not None
    changed = {**span_a.data, "answer": text, "alternates": ["x", *more]}
    after = parse_layout(Path("f.yaml"), layout.replaced("a", changed))
    assert after.span("a").data == changed  # type: ignore[union-attr]
    assert after.span("b").data == span_b.data  # type: ignore[union-attr]
    assert after.text.split("\n")[after.span("b").start:] == TWO_ENTRIES.split("\n")[span_b.start:]  # type: ignore[union-attr]
