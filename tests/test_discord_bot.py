"""The real bot through discord.py's gateway, dispatch, app-command tree and HTTP code, on loopback."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

from bot.serving import KnowledgeService
from tests.discord_helpers import callback_of, followup_of, make_config, running_bot
from tests.fakediscord import FakeDiscord, validate_command_payload, validate_message_payload

pytest_plugins = ["tests.fakediscord.fixtures"]

EPHEMERAL = 64
VAGUE = ["recognition", "plan", "russia", "talks", "europe", "ukraine", "putin", "trump"]


def _buttons(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in data.get("components", []) for c in row["components"]]


def _fields(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields", [])}


async def _ask(fake: FakeDiscord, question: str, **kwargs: Any) -> dict[str, Any]:
    inter = await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ask", {"question": question}, **kwargs))
    return (await callback_of(fake, inter)).json


async def test_ask_answers_with_a_sourced_caveated_embed(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        body = await _ask(fake, "who went to moscow?")
    data = body["data"]
    assert body["type"] == 4 and not data.get("flags")
    assert data["allowed_mentions"] == {"parse": []}
    embed = data["embeds"][0]
    assert embed["title"] == "who went to moscow?"
    assert "Witkoff" in embed["description"]
    fields = _fields(embed)
    status = next(name for name in fields if "Reported" in name)
    assert "not been officially confirmed" in fields[status]
    assert "\u201c" in fields["Source"] and "in *" in fields["Source"]
    assert "Related questions" in fields
    assert embed["footer"]["text"].startswith("envoys-moscow \u00b7 reviewed ")
    assert [b["custom_id"] for b in _buttons(data)] == ["faq:fb:envoys-moscow:1", "faq:fb:envoys-moscow:0"]


async def test_the_confirmed_fact_shows_no_caveat(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    async with running_bot(fake_discord, make_config(tmp_path)):
        body = await _ask(fake_discord, "did the kremlin confirm it received the plan?")
    fields = _fields(body["data"]["embeds"][0])
    assert any("Confirmed" in name for name in fields)
    assert not any("not been officially confirmed" in value for value in fields.values())


async def test_mass_mentions_ping_no_one_and_are_not_echoed(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    question = f"@everyone @here <@&{fake.moderator_role_id}> <@{fake.regular_user['id']}> who is Yermak?"
    async with running_bot(fake, make_config(tmp_path)):
        body = await _ask(fake, question)
    text = str(body)
    assert body["data"]["allowed_mentions"] == {"parse": []}
    assert "@everyone" not in text and "@here" not in text and "<@" not in text
    assert "chief of staff" in body["data"]["embeds"][0]["description"].lower()


async def test_out_of_scope_is_declined_politely(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    async with running_bot(fake_discord, make_config(tmp_path)):
        body = await _ask(fake_discord, "who will win the super bowl?")
    embed = body["data"]["embeds"][0]
    assert "outside what I can answer" in embed["description"]
    assert not _buttons(body["data"])


async def test_did_you_mean_buttons_answer_on_click(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)) as bot:
        vague = next(q for q in VAGUE if bot.service.answerer.ask(q).suggestions)
        reply = bot.service.answerer.ask(vague)
        body = await _ask(fake, vague)
        buttons = _buttons(body["data"])
        assert [b["custom_id"] for b in buttons] == [f"faq:ask:{s.entry_id}" for s in reply.suggestions]
        message = body  # the fake stored the message; click its first button
        click = fake.button_click(buttons[0]["custom_id"], _message_id(fake, message))
        await fake.dispatch("INTERACTION_CREATE", click)
        answer = (await callback_of(fake, click)).json
    embed = answer["data"]["embeds"][0]
    assert embed["footer"]["text"].startswith(reply.suggestions[0].entry_id)


def _message_id(fake: FakeDiscord, body: dict[str, Any]) -> int:
    """The id of the message the fake created for the latest interaction response."""
    response = fake.requests[-1].response
    for request in reversed(fake.requests):
        if request.json == body:
            response = request.response
            break
    return int(response["resource"]["message"]["id"])


async def test_feedback_is_recorded_and_acknowledged(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)) as bot:
        body = await _ask(fake, "who is kushner?")
        not_helpful = _buttons(body["data"])[1]["custom_id"]
        click = fake.button_click(not_helpful, _message_id(fake, body))
        await fake.dispatch("INTERACTION_CREATE", click)
        deferred = (await callback_of(fake, click)).json
        followup = (await followup_of(fake, click)).json
        rows = bot.records.feedback()
    assert deferred["type"] == 5 and deferred["data"]["flags"] & EPHEMERAL
    assert "Moderators review" in (followup.get("content") or "")
    assert [(r.entry_id, r.helpful) for r in rows] == [(not_helpful.split(":")[2], False)]


async def test_a_mention_is_answered_as_a_reply_without_pinging(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        mark = fake.mark()
        msg = fake.message_create(f"<@{fake.bot_user_id}> @everyone what did the european ministers say?")
        await fake.dispatch("MESSAGE_CREATE", msg)
        req = await fake.wait_for_request(lambda r: True, method="POST", path=r"^/channels/\d+/messages$", after=mark)
    body = req.json
    assert body["message_reference"]["message_id"] in (msg["id"], int(msg["id"]))
    assert body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert "force" in body["embeds"][0]["description"]
    assert "@everyone" not in str(body)


async def test_a_dm_is_answered_and_an_empty_mention_gets_help(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        mark = fake.mark()
        await fake.dispatch("MESSAGE_CREATE", fake.message_create("how long has the war lasted?", guild=False))
        dm = await fake.wait_for_request(lambda r: True, method="POST", path=r"^/channels/\d+/messages$", after=mark)
        mark = fake.mark()
        await fake.dispatch("MESSAGE_CREATE", fake.message_create(f"<@{fake.bot_user_id}>"))
        help_reply = await fake.wait_for_request(lambda r: True, method="POST", path=r"^/channels/\d+/messages$",
                                                 after=mark)
    assert "four" in dm.json["embeds"][0]["description"]
    assert help_reply.json["embeds"][0]["title"] == "How to use me"


async def test_messages_not_addressed_to_the_bot_are_ignored(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        mark = fake.mark()
        await fake.dispatch("MESSAGE_CREATE", fake.message_create("who went to moscow?"))
        # a DM after it is answered; had the first been answered, its reply would come first
        await fake.dispatch("MESSAGE_CREATE", fake.message_create("who is kushner?", guild=False))
        req = await fake.wait_for_request(lambda r: True, method="POST", path=r"^/channels/\d+/messages$", after=mark)
    assert "Kushner" in req.json["embeds"][0]["description"]
    posts = [r for r in fake.requests[mark.requests:] if r.method == "POST" and r.path.endswith("/messages")]
    assert len(posts) == 1


async def test_a_user_on_cooldown_gets_an_ephemeral_note(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path, cooldown_rate=1, cooldown_seconds=60.0)):
        first = await _ask(fake, "who is witkoff?")
        second = await _ask(fake, "who is kushner?")
        other_user = await _ask(fake, "who is kushner?", user=fake.moderator_user)
    assert first["data"]["embeds"]
    assert second["data"]["flags"] & EPHEMERAL and "please wait" in second["data"]["content"]
    assert other_user["data"]["embeds"]


async def test_a_burst_of_mentions_over_the_limit_gets_one_note_not_one_each(fake_discord: FakeDiscord,
                                                                              tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path, cooldown_rate=1, cooldown_seconds=60.0)):
        mark = fake.mark()
        for question in ("who is witkoff?", "who is kushner?", "who is yermak?", "what is the plan?"):
            await fake.dispatch("MESSAGE_CREATE", fake.message_create(question, guild=False))
        # a DM of another user after the burst: its answer is posted after every reply to the burst
        await fake.dispatch("MESSAGE_CREATE", fake.message_create("who is yermak?", guild=False,
                                                                  author=fake.moderator_user))
        for expected in ("Witkoff", "please wait", "Yermak"):  # the first answer, the note, the other user's
            await fake.wait_for_request(lambda r, text=expected: text in str(r.json), method="POST",
                                        path=r"^/channels/\d+/messages$", after=mark)
    posts = [str(r.json) for r in fake.requests[mark.requests:] if r.method == "POST" and r.path.endswith("/messages")]
    assert len(posts) == 3 and sum("please wait" in post for post in posts) == 1, posts


async def test_ask_autocomplete_offers_faq_questions_within_limits(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        typed = fake.autocomplete("ask", "question", "yermak")
        await fake.dispatch("INTERACTION_CREATE", typed)
        typed_body = (await callback_of(fake, typed)).json
        empty = fake.autocomplete("ask", "question", "")
        await fake.dispatch("INTERACTION_CREATE", empty)
        empty_body = (await callback_of(fake, empty)).json
    for body in (typed_body, empty_body):
        assert body["type"] == 8
        choices = body["data"]["choices"]
        assert 1 <= len(choices) <= 25
        assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert "Yermak" in typed_body["data"]["choices"][0]["name"]


async def test_faq_show_autocomplete_offers_entry_ids(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)) as bot:
        typed = fake.autocomplete("faq", "entry", "yermak", subcommand="show")
        await fake.dispatch("INTERACTION_CREATE", typed)
        body = (await callback_of(fake, typed)).json
        ids = {e.id for e in bot.service.answerer.knowledge.entries}
    choices = body["data"]["choices"]
    assert 1 <= len(choices) <= 25 and all(c["value"] in ids for c in choices)
    assert "yermak" in choices[0]["value"]


async def test_summary_sources_help_and_faq_show(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)) as bot:
        bodies = {}
        topic = bot.service.answerer.story.topics[0]
        for key, payload in {
            "short": fake.slash_command("summary"),
            "full": fake.slash_command("summary", {"length": "full"}),
            "topic": fake.slash_command("summary", {"topic": topic.id}),
            "bad-topic": fake.slash_command("summary", {"topic": "cooking"}),
            "sources": fake.slash_command("sources"),
            "help": fake.slash_command("help"),
            "show": fake.slash_command("faq", {"entry": "who-is-yermak"}, subcommand="show"),
            "show-missing": fake.slash_command("faq", {"entry": "nope"}, subcommand="show"),
        }.items():
            await fake.dispatch("INTERACTION_CREATE", payload)
            bodies[key] = (await callback_of(fake, payload)).json["data"]
    short, full = bodies["short"]["embeds"][0], bodies["full"]["embeds"][0]
    assert len(full["description"]) > len(short["description"])
    assert any("Caveat" in f["name"] for f in short["fields"])
    assert bodies["topic"]["embeds"][0]["title"] == topic.title
    assert bodies["bad-topic"]["flags"] & EPHEMERAL and "Topics:" in bodies["bad-topic"]["content"]
    sources = _fields(bodies["sources"]["embeds"][0])
    assert "The Telegraph" in sources and "Caveat" in sources
    assert bodies["help"]["flags"] & EPHEMERAL
    assert "/ask question" in _fields(bodies["help"]["embeds"][0])
    assert bodies["show"]["embeds"][0]["footer"]["text"].startswith("who-is-yermak")
    assert bodies["show-missing"]["flags"] & EPHEMERAL


async def test_faq_list_pages_with_buttons(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)) as bot:
        listing = fake.slash_command("faq", subcommand="list")
        await fake.dispatch("INTERACTION_CREATE", listing)
        first = (await callback_of(fake, listing)).json
        next_button = _buttons(first["data"])[1]
        click = fake.button_click(next_button["custom_id"], _message_id(fake, first))
        await fake.dispatch("INTERACTION_CREATE", click)
        second = (await callback_of(fake, click)).json
        total = len(bot.service.answerer.knowledge.entries)
    assert first["data"]["embeds"][0]["footer"]["text"].startswith("Page 1 of ")
    assert _buttons(first["data"])[0]["disabled"] is True
    assert second["type"] == 7
    assert second["data"]["embeds"][0]["footer"]["text"].startswith("Page 2 of ")
    assert f"{total} entries" in second["data"]["embeds"][0]["footer"]["text"]


async def test_synced_commands_follow_discords_rules(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        put = await fake.wait_for_request(lambda r: True, method="PUT", path=r"^/applications/\d+/commands$")
    names = sorted(c["name"] for c in put.json)
    assert names == ["Check with faqbot", "ask", "faq", "help", "sources", "summary"]  # no /faqadmin: guild-only
    assert validate_command_payload(put.json) == []
    assert all(c.get("description") for c in put.json if c.get("type", 1) == 1)


async def test_the_bot_resumes_after_a_dropped_gateway(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        mark = fake.mark()
        await fake.drop_connection()
        await fake.wait_for_resume(after=mark)
        body = await _ask(fake, "who is witkoff?")
    assert "envoy" in body["data"]["embeds"][0]["description"].lower()


async def test_a_rate_limited_callback_is_retried(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        fake.fail_next("POST", r"^/interactions/\d+/[^/]+/callback$", status=429, retry_after=0.05)
        body = await _ask(fake, "who is witkoff?")
    limited = [r for r in fake.requests if r.status == 429]
    assert limited and "envoy" in body["data"]["embeds"][0]["description"].lower()


async def test_a_slow_reload_does_not_block_answers(fake_discord: FakeDiscord, tmp_path: Path,
                                                     monkeypatch: Any) -> None:
    fake = fake_discord
    release = threading.Event()
    import bot.serving as service_module

    real_load = service_module.load_knowledge

    def slow_load(path: Path) -> Any:
        release.wait(10)
        return real_load(path)

    async with running_bot(fake, make_config(tmp_path)) as bot:
        monkeypatch.setattr(service_module, "load_knowledge", slow_load)
        reload_task = asyncio.ensure_future(asyncio.to_thread(bot.service.reload))
        body = await _ask(fake, "who is witkoff?")
        assert not reload_task.done()
        release.set()
        assert (await reload_task).ok
    assert "envoy" in body["data"]["embeds"][0]["description"].lower()


def test_the_longest_entries_and_inputs_fit_discords_limits(tmp_path: Path) -> None:
    from bot.discordbot.views import reply_message
    from bot.matching.answerer import Answerer
    from bot.rendering.discord_limits import CUSTOM_ID_MAX, EMBEDS_TOTAL_MAX

    service = KnowledgeService(make_config(tmp_path).knowledge)
    answerer: Answerer = service.answerer
    replies = [answerer.show(e.id) for e in answerer.knowledge.entries]
    replies += [answerer.ask("who went to moscow and what did europe say? " + "x" * 5000),
                answerer.ask("recognition"), answerer.ask("\u00e9" * 10_000)]
    for reply in replies:
        assert reply is not None
        embeds, view = reply_message(reply)
        payload = {"embeds": [e.to_dict() for e in embeds]}
        if view is not None:
            payload["components"] = view.to_components()
        assert validate_message_payload(payload) == [], reply.question
        assert sum(len(e) for e in embeds) <= EMBEDS_TOTAL_MAX
        assert all(len(b.custom_id or "") <= CUSTOM_ID_MAX for b in (view.children if view else []))  # type: ignore[attr-defined]


async def test_a_failure_reaches_the_user_as_one_ephemeral_line(fake_discord: FakeDiscord, tmp_path: Path,
                                                               monkeypatch: Any, caplog: Any) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path), error_loggers=("discord",)) as bot:
        body = await _ask(fake, "who is kushner?")

        def broken(*args: Any) -> None:
            raise OSError("disk full")

        monkeypatch.setattr(bot.records, "record_feedback", broken)
        click = fake.button_click(_buttons(body["data"])[0]["custom_id"], _message_id(fake, body))
        await fake.dispatch("INTERACTION_CREATE", click)
        followup = (await followup_of(fake, click)).json
    assert "something went wrong" in followup["content"].lower()
    assert followup["flags"] & EPHEMERAL
    assert any("feedback click failed" in r.getMessage() and r.exc_info for r in caplog.records)


async def test_auto_answer_channels_answer_without_a_mention(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    config = make_config(tmp_path, auto_answer_channels=(fake.channel_id,))
    async with running_bot(fake, config) as bot:
        assert bot.intents.message_content, "the privileged intent is requested only for this option"
        mark = fake.mark()
        await fake.dispatch("MESSAGE_CREATE", fake.message_create("who is yermak?", channel_id=fake.channel_id))
        req = await fake.wait_for_request(lambda r: True, method="POST", path=r"^/channels/\d+/messages$", after=mark)
    assert "chief of staff" in req.json["embeds"][0]["description"].lower()
    async with running_bot(fake, make_config(tmp_path / "plain")) as plain:
        assert not plain.intents.message_content


# -- what a Discord-compatible server (Spacebar) does differently ----------------------------------

async def test_a_refused_embed_still_reaches_the_asker_as_plain_text(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        fake.fail_next("POST", r"^/interactions/\d+/[^/]+/callback$", status=400)
        body = await _ask(fake, "who went to moscow?")
    data = body["data"]
    assert not data.get("embeds") and "Witkoff" in data["content"] and "Source: " in data["content"]
    assert data["allowed_mentions"] == {"parse": []} and len(data["content"]) <= 2000


async def test_a_malformed_gateway_event_is_skipped_and_answering_goes_on(fake_discord: FakeDiscord,
                                                                           tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path), error_loggers=("faqbot",)) as bot:
        odd = fake.message_create(f"<@{fake.bot_user_id}> who is kushner?")
        odd["member"]["roles"] = [{"id": "1", "name": "role as an object"}]  # discord.py expects ids
        await fake.dispatch("MESSAGE_CREATE", odd)
        body = await _ask(fake, "who is kushner?")
        assert not bot.is_closed()
    assert "adviser" in body["data"]["embeds"][0]["description"]


async def test_the_configured_application_id_wins_over_what_the_server_reports(fake_discord: FakeDiscord,
                                                                               tmp_path: Path) -> None:
    fake = fake_discord
    fake.reported_application_id = fake.new_id()
    async with running_bot(fake, make_config(tmp_path, application_id=fake.application_id)) as bot:
        assert bot.application_id == fake.application_id
        body = await _ask(fake, "who is kushner?")
    assert body["type"] == 4
    assert fake.commands.get(None)  # commands were published under the right application


# -- "Check with faqbot" and the user install -------------------------------------------------------

async def test_the_claim_menu_and_ask_are_registered_for_user_installs_too(fake_discord: FakeDiscord,
                                                                           tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        pass
    registered = {(c["name"], c.get("type", 1)): c for c in fake.commands.get(None, [])}
    menu = registered[("Check with faqbot", 3)]
    assert not validate_command_payload(list(registered.values()))
    for command in (menu, registered[("ask", 1)], registered[("summary", 1)]):
        assert sorted(command["integration_types"]) == [0, 1] and sorted(command["contexts"]) == [0, 1, 2]


async def _check(fake: FakeDiscord, message: dict[str, Any], **where: Any) -> dict[str, Any]:
    inter = await fake.dispatch("INTERACTION_CREATE", fake.message_command("Check with faqbot", message, **where))
    return (await callback_of(fake, inter)).json


async def test_checking_a_claim_says_what_the_article_says_only_to_the_checker(fake_discord: FakeDiscord,
                                                                              tmp_path: Path) -> None:
    fake = fake_discord
    claim = fake.message_create("lol the US already recognized Crimea as Russian, it's over")
    dm_claim = fake.message_create("Kushner is the Secretary of State right?", guild=False)
    async with running_bot(fake, make_config(tmp_path)):
        in_guild = await _check(fake, claim)
        elsewhere = await _check(fake, claim, user_install=True)  # a server that never added the bot
        in_dm = await _check(fake, dm_claim, guild=False, user_install=True)
    for body in (in_guild, elsewhere, in_dm):
        data = body["data"]
        assert body["type"] == 4 and data["flags"] & EPHEMERAL and data["allowed_mentions"] == {"parse": []}
        assert data["content"] == "What the article says about this message's claim:"
    recognized = in_guild["data"]["embeds"][0]["description"]
    assert recognized.startswith("The article reports no recognition having happened")
    assert "adviser" in in_dm["data"]["embeds"][0]["description"]


async def test_ask_where_the_bot_was_never_added_answers_only_the_asker(fake_discord: FakeDiscord,
                                                                       tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        payload = fake.slash_command("ask", {"question": "who is Yermak?"})
        payload["authorizing_integration_owners"] = {"1": str(fake.regular_user["id"])}
        body = (await callback_of(fake, await fake.dispatch("INTERACTION_CREATE", payload))).json
        public = await _ask(fake, "who is Yermak?")
    assert body["data"]["flags"] & EPHEMERAL and "chief of staff" in body["data"]["embeds"][0]["description"]
    assert not public["data"].get("flags")
