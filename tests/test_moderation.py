"""/faqadmin through the loopback Discord server, for moderators and for everyone else.

Every test edits a copy of knowledge/ in tmp_path (saving must never touch the repository's
files) and its own records database. Permissions come from real role ids and permission bits
in the interaction payloads.
"""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot import wording
from bot.cli import main as cli_main
from bot.config import Config
from bot.knowledge.loader import load_knowledge
from bot.rendering.discord_limits import code_block, with_block
from tests.conftest import KNOWLEDGE
from tests.discord_helpers import callback_of, followup_of, make_config, running_bot
from tests.fakediscord import FakeDiscord, Request

pytest_plugins = ["tests.fakediscord.fixtures"]

MANAGE_GUILD = 1 << 5
EPHEMERAL = 1 << 6
QUOTE = "The Kremlin confirmed Friday it received a revised American plan"
KREMLIN_SAID = "The Kremlin said so on a Friday."
JSON = dict[str, Any]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


def mod_config(fake: FakeDiscord, tmp_path: Path, folder: Path, **discord: Any) -> Config:
    settings: dict[str, Any] = {"moderator_roles": (fake.moderator_role_id,), "mod_log_channel": fake.modlog_channel_id,
                                "moderation_guilds": (fake.guild_id,), "watch_seconds": 0, **discord}
    return replace(make_config(tmp_path, **settings), knowledge=folder)


async def admin(fake: FakeDiscord, sub: str, options: JSON | None = None, *, user: JSON | None = None,
                **extra: Any) -> JSON:
    payload = fake.slash_command("faqadmin", options or {}, subcommand=sub, user=user or fake.moderator_user, **extra)
    return await fake.dispatch("INTERACTION_CREATE", payload)


async def reply_of(fake: FakeDiscord, interaction: JSON) -> JSON:
    """What the user finally sees: the message data, the followup after a defer, or the modal."""
    request = await callback_of(fake, interaction)
    if request.json["type"] == 5:
        return (await followup_of(fake, interaction)).json
    return request.json["data"]


def message_of(request: Request) -> JSON:
    """The message an interaction response created (to click its buttons)."""
    return request.response["resource"]["message"]


def modal_values(question: str, answer: str, sources: str, status: str, alternates: str = "") -> dict[str, Any]:
    return {"faqadmin:question": question, "faqadmin:alternates": alternates, "faqadmin:answer": answer,
            "faqadmin:sources": sources, "faqadmin:status": [status]}


def modal_defaults(modal: JSON) -> dict[str, Any]:
    """The prefilled value of each input of a modal response."""
    values: dict[str, Any] = {}
    for label in modal["components"]:
        component = label["component"]
        if component["type"] == 4:
            values[component["custom_id"]] = component.get("value")
        else:
            values[component["custom_id"]] = [o["value"] for o in component["options"] if o.get("default")]
    return values


def buttons(data: JSON) -> list[JSON]:
    return [c for row in data.get("components") or [] for c in row["components"]]


async def modlog_after(fake: FakeDiscord, mark: Any) -> Request:
    return await fake.wait_for_request(method="POST", path=rf"^/channels/{fake.modlog_channel_id}/messages$",
                                       after=mark)


async def modlog_posts(fake: FakeDiscord, count: int, mark: Any = None) -> list[Request]:
    """The first `count` mod-log posts after `mark`; waiting for them lets the bot stop cleanly."""
    found: list[Request] = []
    for _ in range(count):
        found.append(await fake.wait_for_request(
            lambda r: all(r is not f for f in found), method="POST",
            path=rf"^/channels/{fake.modlog_channel_id}/messages$", after=mark))
    return found


def assert_safe(content: str | None, data: JSON) -> None:
    assert data["allowed_mentions"] == {"parse": []}
    assert content is None or len(content) <= 2000


async def open_modal(fake: FakeDiscord, sub: str, options: JSON | None = None, user: JSON | None = None) -> JSON:
    inter = await admin(fake, sub, options, user=user)
    request = await callback_of(fake, inter)
    assert request.json["type"] == 9, request.json
    return request.json["data"]


async def submit(fake: FakeDiscord, modal: JSON, values: dict[str, Any], user: JSON | None = None) -> JSON:
    payload = fake.modal_submit(modal["custom_id"], values, user=user or fake.moderator_user)
    return await fake.dispatch("INTERACTION_CREATE", payload)


# -- add, and what everyone then sees ------------------------------------------------------------------


async def test_a_moderator_adds_an_entry_through_the_modal(fake_discord: FakeDiscord, tmp_path: Path,
                                                           folder: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, mod_config(fake, tmp_path, folder)) as bot:
        modal = await open_modal(fake, "add")
        assert 1 <= len(modal["title"]) <= 45 and len(modal["components"]) == 5
        assert all(c["type"] == 18 and len(c["label"]) <= 45 for c in modal["components"])
        mark = fake.mark()
        inter = await submit(fake, modal, modal_values("Is the Kremlin on record?", KREMLIN_SAID,
                                                       f"The Kremlin | {QUOTE}", "confirmed", "kremlin on the record?"))
        data = await reply_of(fake, inter)
        log = await modlog_after(fake, mark)
        ask = fake.slash_command("ask", {"question": "is the kremlin on record"})
        answer = (await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", ask))).json["data"]
        assert bot.records.history()[0].actor == "mod"
    assert data["flags"] & EPHEMERAL and data["content"].startswith("Saved: added `is-the-kremlin-on-record`")
    assert_safe(data["content"], data)
    embed = data["embeds"][0]
    assert embed["title"] == "Is the Kremlin on record?" and embed["description"] == KREMLIN_SAID
    assert any("Confirmed" in f["name"] for f in embed["fields"])
    entry = load_knowledge(folder).entry("is-the-kremlin-on-record")
    assert entry is not None and entry.alternates == ("kremlin on the record?",)
    assert entry.sources[0].cited == "The Kremlin"
    assert answer["embeds"][0]["footer"]["text"].startswith("is-the-kremlin-on-record")  # served at once
    content = log.json["content"]
    assert_safe(content, log.json)
    assert content.startswith("**mod** added `is-the-kremlin-on-record` (change #1)")
    assert "```diff" in content and "+question: Is the Kremlin on record?" in content


async def test_an_invalid_entry_is_refused_with_the_reason_and_can_be_edited_again(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    before = (folder / "peace-plan.yaml").read_bytes()
    async with running_bot(fake, mod_config(fake, tmp_path, folder)):
        modal = await open_modal(fake, "add")
        values = modal_values("Is the moon involved?", "The article does not say.",
                              "The article | the moon is made of cheese", "reported")
        inter = await submit(fake, modal, values)
        refused = await followup_of(fake, inter)
        again = buttons(refused.json)
        assert [b["label"] for b in again] == [wording.BUTTON_EDIT_AGAIN]
        click = await fake.dispatch("INTERACTION_CREATE", fake.button_click(again[0]["custom_id"], refused.response,
                                                                            user=fake.moderator_user))
        reopened = (await callback_of(fake, click)).json
    data = refused.json
    assert data["flags"] & EPHEMERAL
    assert data["content"].startswith("Not saved:")
    assert "sources.quote: quote does not occur verbatim in 'article.txt'" in data["content"]
    assert "the moon is made of cheese" in data["embeds"][-1]["description"]  # their text, to copy from
    assert (folder / "peace-plan.yaml").read_bytes() == before
    assert reopened["type"] == 9
    assert modal_defaults(reopened["data"])["faqadmin:sources"] == "The article | the moon is made of cheese"


# -- who may ---------------------------------------------------------------------------------------------


async def test_non_moderators_are_refused_everywhere_and_nothing_changes(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    before = (folder / "peace-plan.yaml").read_bytes()
    alice = fake.regular_user
    async with running_bot(fake, mod_config(fake, tmp_path, folder)) as bot:
        for sub, options in [
            ("add", {}), ("edit", {"entry": "envoys-moscow"}), ("alias", {"entry": "envoys-moscow", "phrase": "x"}),
            ("remove", {"entry": "envoys-moscow"}), ("status", {"entry": "envoys-moscow", "status": "confirmed"}),
            ("reload", {}), ("history", {}), ("revert", {"entry": "envoys-moscow", "change": 1}), ("inbox", {}),
        ]:
            data = await reply_of(fake, await admin(fake, sub, options, user=alice))
            assert data["content"] == wording.mod_refused() and data["flags"] & EPHEMERAL, sub
        # buttons: the moderator's own removal prompt and inbox, clicked by someone else
        bot.records.record_unanswered("what is a florp zindle", "decline", None, None)
        bot.records.record_feedback("envoys-moscow", False)
        for sub, options in [("remove", {"entry": "envoys-moscow"}), ("inbox", {})]:
            shown = await callback_of(fake, await admin(fake, sub, options))
            assert len(buttons(shown.json["data"])) == 2
            for button in buttons(shown.json["data"]):
                click = fake.button_click(button["custom_id"], message_of(shown), user=alice)
                data = await reply_of(fake, await fake.dispatch("INTERACTION_CREATE", click))
                assert data["content"] == wording.mod_refused() and data["flags"] & EPHEMERAL, button
        # a modal a moderator opened, submitted by someone else; then by its moderator
        modal = await open_modal(fake, "edit", {"entry": "envoys-moscow"})
        values = modal_defaults(modal) | {"faqadmin:answer": "Edited by a moderator."}
        refused = await reply_of(fake, await submit(fake, modal, values, user=alice))
        assert refused["content"] == wording.mod_refused()
        assert (folder / "peace-plan.yaml").read_bytes() == before and bot.records.history() == []
        choices = await callback_of(fake, await fake.dispatch(
            "INTERACTION_CREATE", fake.autocomplete("faqadmin", "entry", "moscow", subcommand="edit", user=alice)))
        assert choices.json["data"]["choices"] == []
        saved = await reply_of(fake, await submit(fake, modal, values))  # the modal stayed open for its owner
        await modlog_posts(fake, 1)
    assert saved["content"].startswith("Saved: edited `envoys-moscow`")


async def test_manage_server_is_enough_and_a_role_not_configured_is_not(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    config = mod_config(fake, tmp_path, folder, moderator_roles=())
    async with running_bot(fake, config):
        manager = await reply_of(fake, await admin(fake, "alias", {"entry": "envoys-moscow", "phrase": "who flew in"},
                                                   user=fake.regular_user, member_permissions=MANAGE_GUILD))
        role_only = await reply_of(fake, await admin(fake, "alias", {"entry": "envoys-moscow", "phrase": "x y z"},
                                                     roles=[fake.moderator_role_id]))
        await modlog_posts(fake, 1)
    assert manager["content"].startswith("Saved: added a phrasing to `envoys-moscow`")
    assert role_only["content"] == wording.mod_refused()
    assert "who flew in" in load_knowledge(folder).entry("envoys-moscow").alternates  # type: ignore[union-attr]


# -- two moderators, one entry ---------------------------------------------------------------------------------


async def test_the_second_of_two_moderators_editing_one_entry_gets_a_conflict(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    second = fake.add_user("mod2", roles=[fake.moderator_role_id])
    async with running_bot(fake, mod_config(fake, tmp_path, folder)):
        first_modal = await open_modal(fake, "edit", {"entry": "envoys-moscow"})
        second_modal = await open_modal(fake, "edit", {"entry": "envoys-moscow"}, user=second)
        prefilled = modal_defaults(first_modal)
        assert prefilled == modal_defaults(second_modal)
        assert prefilled["faqadmin:question"] == load_knowledge(folder).entry("envoys-moscow").question  # type: ignore[union-attr]
        assert prefilled["faqadmin:status"] == ["reported"]
        first = await reply_of(fake, await submit(fake, first_modal,
                                                  prefilled | {"faqadmin:answer": "The first moderator's answer."}))
        later = await reply_of(fake, await submit(fake, second_modal,
                                                  prefilled | {"faqadmin:answer": "The second moderator's answer."},
                                                  user=second))
        await modlog_posts(fake, 1)
    assert first["content"].startswith("Saved: edited `envoys-moscow`")
    assert later["content"].startswith("Not saved: `envoys-moscow` was changed by mod (")
    newer, theirs = later["embeds"]
    assert newer["title"] == wording.EMBED_NEWER and "The first moderator's answer." in newer["description"]
    assert "The second moderator's answer." in theirs["description"]
    text = (folder / "peace-plan.yaml").read_text(encoding="utf-8")
    assert "The first moderator's answer." in text and "The second moderator's answer." not in text


# -- alias, status, remove, history, revert -------------------------------------------------------------------------


async def test_alias_status_remove_history_and_revert(fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    knowledge = load_knowledge(folder)
    pointed_to = {r for e in knowledge.entries for r in (*e.related, *e.repeats)}
    loose = next(e.id for e in knowledge.entries if e.id not in pointed_to)
    async with running_bot(fake, mod_config(fake, tmp_path, folder)) as bot:
        mark = fake.mark()
        alias = await reply_of(fake, await admin(fake, "alias", {"entry": "envoys-moscow",
                                                                 "phrase": "did witkoff fly to moscow"}))
        alias_log = await modlog_after(fake, mark)
        status = await reply_of(fake, await admin(fake, "status", {"entry": "envoys-moscow", "status": "confirmed"}))
        assert bot.service.answerer.knowledge.entry("envoys-moscow").caveat is None  # type: ignore[union-attr]

        prompt = await callback_of(fake, await admin(fake, "remove", {"entry": loose}))
        prompt_data = prompt.json["data"]
        assert [b["label"] for b in buttons(prompt_data)] == [wording.BUTTON_REMOVE, wording.BUTTON_KEEP]
        keep = await fake.dispatch("INTERACTION_CREATE", fake.button_click(
            f"faqadmin:keep:{loose}", message_of(prompt), user=fake.moderator_user))
        kept = (await callback_of(fake, keep)).json
        prompt = await callback_of(fake, await admin(fake, "remove", {"entry": loose}))  # the first was answered
        confirm = await fake.dispatch("INTERACTION_CREATE", fake.button_click(
            buttons(prompt.json["data"])[0]["custom_id"], message_of(prompt), user=fake.moderator_user))
        removed = await fake.wait_for_request(method="PATCH",
                                              path=rf"/webhooks/\d+/{confirm['token']}/messages/@original")
        assert bot.service.answerer.knowledge.entry(loose) is None

        history = await reply_of(fake, await admin(fake, "history", {"entry": "envoys-moscow"}))
        overall = await reply_of(fake, await admin(fake, "history"))
        number = bot.records.history(loose)[0].id
        back = await reply_of(fake, await admin(fake, "revert", {"entry": loose, "change": number}))
        status_number = bot.records.history("envoys-moscow")[0].id
        undone = await reply_of(fake, await admin(fake, "revert", {"entry": "envoys-moscow", "change": status_number}))
        bad = await reply_of(fake, await admin(fake, "revert", {"entry": "envoys-moscow", "change": 999}))
        await modlog_posts(fake, 5, mark)  # alias, status, remove and two reverts

    assert alias["content"].startswith("Saved: added a phrasing to `envoys-moscow`")
    assert "+  - did witkoff fly to moscow" in alias_log.json["content"]
    assert any("Confirmed" in f["name"] for f in status["embeds"][0]["fields"])
    assert kept["type"] == 7 and kept["data"]["content"] == wording.mod_kept(loose)
    assert removed.json["content"].startswith(f"Removed `{loose}`") and removed.json["components"] == []
    embed = history["embeds"][0]
    assert embed["title"] == "History of envoys-moscow"
    assert re.search(r"#\d+ .* mod changed the status of envoys-moscow", embed["description"])
    assert "-status: reported" in embed["fields"][0]["value"] and "+status: confirmed" in embed["fields"][0]["value"]
    assert len(overall["embeds"][0]["description"].splitlines()) == 3
    assert back["content"].startswith(f"Saved: reverted `{loose}`")
    assert undone["content"].startswith("Saved: reverted `envoys-moscow`")
    assert bad["content"] == wording.mod_no_such_change("envoys-moscow", 999)
    final = load_knowledge(folder)
    assert final.entry(loose) == knowledge.entry(loose)
    assert final.entry("envoys-moscow").status == "reported"  # type: ignore[union-attr]
    assert final.entry("envoys-moscow").caveat == knowledge.entry("envoys-moscow").caveat  # type: ignore[union-attr]


async def test_autocomplete_offers_entries_and_changes_to_moderators(fake_discord: FakeDiscord, tmp_path: Path,
                                                                    folder: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, mod_config(fake, tmp_path, folder)):
        entries = await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", fake.autocomplete(
            "faqadmin", "entry", "moscow", subcommand="edit", user=fake.moderator_user)))
        await reply_of(fake, await admin(fake, "alias", {"entry": "envoys-moscow", "phrase": "moscow trip"}))
        versions = await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", fake.autocomplete(
            "faqadmin", "change", "", {"entry": "envoys-moscow"}, subcommand="revert", user=fake.moderator_user)))
        await modlog_posts(fake, 1)
    choices = entries.json["data"]["choices"]
    assert "envoys-moscow" in [c["value"] for c in choices]
    assert all(len(c["name"]) <= 100 for c in choices)
    [version] = versions.json["data"]["choices"]
    assert version["value"] == 1 and "added a phrasing to envoys-moscow" in version["name"]


# -- reload, the watcher, the mod-log ---------------------------------------------------------------------------


async def test_reload_rejects_an_invalid_file_and_keeps_serving_then_takes_the_fix(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    path = folder / "peace-plan.yaml"
    good = path.read_text(encoding="utf-8")
    async with running_bot(fake, mod_config(fake, tmp_path, folder)) as bot:
        served = bot.service.answerer
        path.write_text(good.replace("    status: reported\n", "    status: rumoured\n", 1), encoding="utf-8")
        mark = fake.mark()
        rejected = await reply_of(fake, await admin(fake, "reload"))
        rejected_log = await modlog_after(fake, mark)
        asked = fake.slash_command("ask", {"question": "who went to moscow?"})
        still = (await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", asked))).json["data"]
        assert bot.service.answerer is served
        path.write_text(good.replace("      - what's the telegraph story\n",
                                     "      - what's the telegraph story\n      - telegraph scoop\n"), encoding="utf-8")
        mark = fake.mark()
        fixed = await reply_of(fake, await admin(fake, "reload"))
        fixed_log = await modlog_after(fake, mark)
        assert "telegraph scoop" in bot.service.answerer.knowledge.entry("telegraph-report").alternates  # type: ignore[union-attr]
        entries = len(bot.service.answerer.knowledge.entries)
    assert rejected["content"].startswith("Reload rejected")
    assert re.search(r"peace-plan\.yaml:\d+: entry 'plan-overview': status: 'rumoured' is not one of",
                     rejected["content"])
    assert rejected_log.json["content"].startswith("Knowledge on disk rejected")
    assert "'rumoured' is not one of" in rejected_log.json["content"]
    assert "Witkoff" in still["embeds"][0]["description"]
    assert fixed["content"] == wording.mod_reloaded(entries, 1)
    assert "+  - telegraph scoop" in fixed_log.json["content"]


async def test_the_watcher_picks_up_edits_on_disk_without_a_restart(fake_discord: FakeDiscord, tmp_path: Path,
                                                                   folder: Path) -> None:
    fake = fake_discord
    path = folder / "peace-plan.yaml"
    async with running_bot(fake, mod_config(fake, tmp_path, folder, watch_seconds=0.02)) as bot:
        mark = fake.mark()
        path.write_text(path.read_text(encoding="utf-8").replace(
            "      - what's the telegraph story\n", "      - what's the telegraph story\n      - watched edit\n"),
            encoding="utf-8")
        log = await modlog_after(fake, mark)
        assert "watched edit" in bot.service.answerer.knowledge.entry("telegraph-report").alternates  # type: ignore[union-attr]
        assert bot.records.history()[0].actor == wording.HAND_EDIT_ACTOR
    assert log.json["content"].startswith(wording.modlog_hand_edits(1))
    assert_safe(log.json["content"], log.json)


def test_mod_log_text_always_fits_discord() -> None:
    diff = "\n".join(f"+line {n} " + "x" * 80 for n in range(200)) + "\n```nested fence```"
    message = with_block("**someone** edited `x` (change #3)", diff, "diff")
    assert len(message) <= 2000 and message.endswith("\n```") and message.count("```") == 2
    assert "more lines" in message
    assert code_block("short", "yaml", 100) == "```yaml\nshort\n```"
    assert len(code_block("y" * 5000, "yaml", 1024)) <= 1024


# -- the inbox --------------------------------------------------------------------------------------------------


async def test_the_inbox_groups_unanswered_questions_and_opens_the_add_modal(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = fake_discord
    config = mod_config(fake, tmp_path, folder)
    async with running_bot(fake, config) as bot:
        for question, outcome in [("what is a florp zindle", "decline"),  # gibberish: declined whatever
                                  ("What is a florp zindle?", "decline"),  # the matcher learns next
                                  ("whats a florp zindle", "suggestions"),
                                  ("how much is a quax morbel", "decline")]:
            bot.records.record_unanswered(question, outcome, None, None)
        show = fake.slash_command("faq", {"entry": "envoys-moscow"}, subcommand="show")
        answer = await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", show))
        vote = fake.button_click("faq:fb:envoys-moscow:0", message_of(answer))  # "not helpful", as anyone
        await followup_of(fake, await fake.dispatch("INTERACTION_CREATE", vote))  # recorded before the thanks
        shown = await callback_of(fake, await admin(fake, "inbox"))
        inbox = shown.json["data"]
        add_button, edit_button, _ = buttons(inbox)
        add = await fake.dispatch("INTERACTION_CREATE", fake.button_click(add_button["custom_id"], message_of(shown),
                                                                          user=fake.moderator_user))
        chooser = await callback_of(fake, add)  # add as a phrasing of a likely entry, or as a new entry
        new_entry = next(b for b in buttons(chooser.json["data"]) if b["label"] == wording.BUTTON_NEW_ENTRY)
        new = await fake.dispatch("INTERACTION_CREATE", fake.button_click(new_entry["custom_id"], message_of(chooser),
                                                                          user=fake.moderator_user))
        add_modal = (await callback_of(fake, new)).json
        edit = await fake.dispatch("INTERACTION_CREATE", fake.button_click(edit_button["custom_id"], message_of(shown),
                                                                           user=fake.moderator_user))
        edit_modal = (await callback_of(fake, edit)).json
    embed = inbox["embeds"][0]
    lines = embed["description"].splitlines()
    assert embed["title"] == wording.mod_inbox_title(3)
    assert lines[0] == ("1. 3\u00d7 \u201cWhat is a florp zindle?\u201d (declined 2, unsure 1; also asked as "
                        "\u201cwhats a florp zindle\u201d)")
    assert lines[1].startswith("2. 1\u00d7 marked not helpful") and "envoys-moscow" in lines[1]
    assert [b["label"] for b in buttons(inbox)] == ["Add 1", "Edit 2", "Add 3"]
    assert add_modal["type"] == 9
    assert modal_defaults(add_modal["data"])["faqadmin:question"] == "What is a florp zindle?"
    assert edit_modal["type"] == 9 and edit_modal["data"]["title"] == "Edit envoys-moscow"

    config_file = tmp_path / "config.yaml"
    config_file.write_text(f"knowledge: {folder}\ndatabase: {config.database}\n", encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["--config", str(config_file), "inbox"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [embed["title"], *lines]


async def test_history_from_the_command_line(fake_discord: FakeDiscord, tmp_path: Path, folder: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    fake = fake_discord
    config = mod_config(fake, tmp_path, folder)
    async with running_bot(fake, config):
        await reply_of(fake, await admin(fake, "alias", {"entry": "envoys-moscow", "phrase": "from the cli"}))
        await modlog_posts(fake, 1)
    config_file = tmp_path / "config.yaml"
    config_file.write_text(f"knowledge: {folder}\ndatabase: {config.database}\n", encoding="utf-8")
    capsys.readouterr()
    assert cli_main(["--config", str(config_file), "history", "envoys-moscow"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("History of envoys-moscow\n#1  ")
    assert "mod added a phrasing to envoys-moscow" in out and "+  - from the cli" in out
    assert cli_main(["--config", str(config_file), "history", "no-such-entry"]) == 0
    assert capsys.readouterr().out.strip() == wording.mod_history_empty("no-such-entry")
    missing = tmp_path / "missing.yaml"
    missing.write_text(f"knowledge: {folder}\ndatabase: {tmp_path / 'none.sqlite3'}\n", encoding="utf-8")
    assert cli_main(["--config", str(missing), "inbox"]) == 0
    assert "nothing recorded yet" in capsys.readouterr().out
    assert not (tmp_path / "none.sqlite3").exists()


# -- only the FAQ's own server moderates ----------------------------------------------------------------------

ADMINISTRATOR = 1 << 3


def _from_another_guild(fake: FakeDiscord, payload: JSON, guild_id: int) -> JSON:
    """The same interaction as it arrives from another server the bot was added to (its admin)."""
    payload["guild_id"] = payload["guild"]["id"] = str(guild_id)
    payload["authorizing_integration_owners"] = {"0": str(guild_id)}
    payload["member"]["permissions"] = str(ADMINISTRATOR | MANAGE_GUILD)
    return payload


@pytest.mark.parametrize("known_guild", [True, False])
async def test_an_admin_of_another_server_cannot_edit_the_faq(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path, known_guild: bool) -> None:
    fake = fake_discord
    before = (folder / "peace-plan.yaml").read_bytes()
    other = fake.new_id()
    async with running_bot(fake, mod_config(fake, tmp_path, folder)) as bot:
        if known_guild:  # the bot was added to that server too: Discord tells it so
            joined = asyncio.ensure_future(bot.wait_for("guild_join", timeout=5))
            await fake.dispatch("GUILD_CREATE", {"id": str(other), "name": "Eve's server", "roles": [], "channels": [],
                                                 "members": [], "owner_id": str(fake.regular_user["id"]),
                                                 "member_count": 1, "emojis": [], "stickers": [], "features": []})
            assert (await joined).id == other
        payload = fake.slash_command("faqadmin", {"entry": "envoys-moscow", "phrase": "pwned"}, subcommand="alias",
                                     user=fake.regular_user)
        inter = await fake.dispatch("INTERACTION_CREATE", _from_another_guild(fake, payload, other))
        reply = await reply_of(fake, inter)
    assert reply["content"] == wording.mod_wrong_guild() and reply["flags"] & EPHEMERAL
    assert (folder / "peace-plan.yaml").read_bytes() == before


async def test_faqadmin_is_a_guild_command_of_the_moderating_server_only(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, mod_config(fake, tmp_path, folder)):
        pass
    assert "faqadmin" not in {c["name"] for c in fake.commands.get(None, [])}
    assert "faqadmin" in {c["name"] for c in fake.commands.get(fake.guild_id, [])}


async def test_without_a_moderating_server_moderation_is_off_and_says_why(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    fake = fake_discord
    config = mod_config(fake, tmp_path, folder, moderation_guilds=())
    with caplog.at_level(logging.WARNING, logger="faqbot"):
        async with running_bot(fake, config):
            registered = {c["name"] for scope in fake.commands.values() for c in scope}
    assert "faqadmin" not in registered and "ask" in registered
    assert any("moderation from Discord is off" in r.getMessage() and "moderation_guilds" in r.getMessage()
               for r in caplog.records)


async def test_history_says_one_line_when_the_records_are_unusable(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    config = mod_config(fake, tmp_path, folder)
    config.database.write_bytes(b"not a database at all " * 3000)
    async with running_bot(fake, config, error_loggers=()):
        shown = await reply_of(fake, await admin(fake, "history"))
        answered = await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ask", {"question": "who is Yermak?"}))
        answer = await callback_of(fake, answered)
        body = answer.json
        # an inbox button from before the records broke: the click is answered, in one line
        inbox = {**message_of(answer), "components": [{"type": 1, "components": [
            {"type": 2, "style": 1, "label": "Add 1", "custom_id": "faqadmin:inbox:q:1"}]}]}
        add = await fake.dispatch("INTERACTION_CREATE", fake.button_click("faqadmin:inbox:q:1", inbox,
                                                                          user=fake.moderator_user))
        clicked = await reply_of(fake, add)
    assert shown["content"] == wording.records_down() and shown["flags"] & EPHEMERAL
    assert clicked["content"] == wording.records_down() and clicked["flags"] & EPHEMERAL
    assert "chief of staff" in body["data"]["embeds"][0]["description"]


async def test_faqadmin_test_shows_a_moderator_why_a_question_gets_its_reply(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, mod_config(fake, tmp_path, folder)):
        shown = await reply_of(fake, await admin(fake, "test", {"question": "How many troops does NATO have?"}))
        refused = await reply_of(fake, await admin(fake, "test", {"question": "who is Yermak?"},
                                                   user=fake.regular_user))
    assert shown["flags"] & EPHEMERAL and shown["content"].startswith("```")
    assert "stakes-nato" in shown["content"] and "rule: not_in_article" in shown["content"]
    assert "troops" in shown["content"] and len(shown["content"]) <= 2000
    assert refused["content"] == wording.mod_refused()


def selects(data: JSON) -> list[JSON]:
    return [c for row in data.get("components", []) for c in row["components"] if c["type"] == 3]


async def _inbox_chooser(fake: FakeDiscord) -> Request:
    """/faqadmin inbox, then Add 1: the message that offers the likely entries."""
    shown = await callback_of(fake, await admin(fake, "inbox"))
    add = next(b for b in buttons(shown.json["data"]) if b["label"] == f"{wording.BUTTON_ADD} 1")
    return await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", fake.button_click(
        add["custom_id"], message_of(shown), user=fake.moderator_user)))


async def test_an_inbox_question_becomes_a_phrasing_of_the_entry_picked_in_one_step(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, mod_config(fake, tmp_path, folder)) as bot:
        bot.records.record_unanswered("kushner's spin", "suggestions", None, None)  # unsure: stays in the inbox
        chooser = await _inbox_chooser(fake)
        select = selects(chooser.json["data"])[0]
        assert "who-is-kushner" in [o["value"] for o in select["options"]]
        pick = fake.button_click(select["custom_id"], message_of(chooser), user=fake.moderator_user,
                                 values=["who-is-kushner"])
        saved = await reply_of(fake, await fake.dispatch("INTERACTION_CREATE", pick))
        await modlog_posts(fake, 1)
    assert saved["content"].startswith("Saved: added a phrasing to `who-is-kushner`")
    entry = load_knowledge(folder).entry("who-is-kushner")
    assert entry is not None and "kushner's spin" in entry.alternates


async def test_an_inbox_phrasing_that_reads_like_another_entrys_is_warned_about_before_saving(
        fake_discord: FakeDiscord, tmp_path: Path, folder: Path) -> None:
    fake = fake_discord
    path = folder / "peace-plan.yaml"  # two entries with phrasings that read the same: "jared" is a tie
    text = path.read_text(encoding="utf-8").replace("      - who is kushner\n",
                                                    "      - who is kushner\n      - jared?\n")
    marker = "  - id: war-duration\n"
    head, tail = text.split(marker)
    path.write_text(head + marker + tail.replace("    alternates:\n", "    alternates:\n      - jared!\n", 1),
                    encoding="utf-8")
    before = path.read_bytes()
    async with running_bot(fake, mod_config(fake, tmp_path, folder)) as bot:
        bot.records.record_unanswered("jared k", "suggestions", None, None)
        chooser = await _inbox_chooser(fake)
        select = selects(chooser.json["data"])[0]
        pick = fake.button_click(select["custom_id"], message_of(chooser), user=fake.moderator_user,
                                 values=["war-duration"])
        warned = await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", pick))
        unchanged = path.read_bytes() == before
        anyway = buttons(warned.json["data"])[0]
        click = fake.button_click(anyway["custom_id"], message_of(warned), user=fake.moderator_user)
        saved = await reply_of(fake, await fake.dispatch("INTERACTION_CREATE", click))
        await modlog_posts(fake, 1)
    content = warned.json["data"]["content"]
    assert content.startswith("Not saved yet") and "`who-is-kushner`" in content and unchanged
    assert anyway["label"] == wording.BUTTON_ADD_ANYWAY
    assert saved["content"].startswith("Saved: added a phrasing to `war-duration`")
