"""Proves FakeDiscord drives a real discord.py bot: gateway, dispatch, app-command tree, views, HTTP."""

from __future__ import annotations

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import FakeDiscord, Request, run_bot, validate_command_payload

pytest_plugins = ["tests.fakediscord.fixtures"]

TOPICS = ["install", "invite", "permissions", "reset"]


class FeedbackView(discord.ui.View):
    @discord.ui.button(label="Helpful", custom_id="faq:helpful")
    async def helpful(self, interaction: discord.Interaction, button: discord.ui.Button[FeedbackView]) -> None:
        await interaction.response.edit_message(content="Thanks for the feedback!", view=None)


def make_bot() -> commands.Bot:
    """A tiny stand-in for faqbot's Discord layer, exercising the paths the fake must support."""
    intents = discord.Intents.default()
    intents.message_content = True
    bot = commands.Bot(command_prefix="!", intents=intents, guild_ready_timeout=0.05)

    @bot.tree.command(description="Check the bot is alive")
    async def ping(interaction: discord.Interaction) -> None:
        embed = discord.Embed(title="Pong", description=f"Hello {interaction.user.mention}")
        await interaction.response.send_message(embed=embed, allowed_mentions=discord.AllowedMentions.none())

    @bot.tree.command(description="Answer a frequently asked question")
    @app_commands.describe(topic="What the question is about")
    async def faq(interaction: discord.Interaction, topic: str) -> None:
        await interaction.response.send_message(f"Answer about {topic}", view=FeedbackView())

    @faq.autocomplete("topic")
    async def faq_topics(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=t, value=t) for t in TOPICS if t.startswith(current)]

    @bot.tree.command(description="Always fails")
    async def boom(interaction: discord.Interaction) -> None:
        raise RuntimeError("boom")

    @bot.tree.command(description="Sends more than Discord allows")
    async def long(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("x" * 2001)

    @bot.tree.command(description="Never responds")
    async def silent(interaction: discord.Interaction) -> None:
        return None

    @bot.listen("on_message")
    async def answer_mentions(message: discord.Message) -> None:
        if not message.author.bot and bot.user in message.mentions:
            await message.reply("Hi! Try /faq.", mention_author=False)

    return bot


async def callback(fake: FakeDiscord, interaction: dict[str, object], status: int = 200) -> Request:
    return await fake.wait_for_request(
        lambda r: r.status == status, method="POST", path=rf"^/interactions/{interaction['id']}/[^/]+/callback$"
    )


async def test_ping_replies_with_embed_and_no_mentions(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    async with run_bot(make_bot(), fake):
        inter = await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ping"))
        req = await callback(fake, inter)
    assert req.query["with_response"] in ("1", "true")
    assert req.json["type"] == 4
    assert req.json["data"]["embeds"][0]["title"] == "Pong"
    assert req.json["data"]["allowed_mentions"] == {"parse": []}
    assert req.response["resource"]["message"]["embeds"][0]["title"] == "Pong"
    assert fake.unhandled_requests() == []


async def test_button_click_reaches_view(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    async with run_bot(make_bot(), fake):
        inter = await fake.dispatch("INTERACTION_CREATE", fake.slash_command("faq", {"topic": "install"}))
        message = (await callback(fake, inter)).response["resource"]["message"]
        assert message["components"][0]["components"][0]["custom_id"] == "faq:helpful"
        click = await fake.dispatch("INTERACTION_CREATE", fake.button_click("faq:helpful", message))
        req = await callback(fake, click)
    assert req.json["type"] == 7
    assert req.json["data"]["content"] == "Thanks for the feedback!"
    assert req.json["data"]["components"] == []


async def test_mention_gets_reply_with_reference(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    async with run_bot(make_bot(), fake):
        msg = await fake.dispatch("MESSAGE_CREATE", fake.message_create(f"<@{fake.bot_user_id}> how do I install?"))
        req = await fake.wait_for_request(method="POST", path=rf"^/channels/{fake.channel_id}/messages$")
    assert req.json["content"] == "Hi! Try /faq."
    assert str(req.json["message_reference"]["message_id"]) == msg["id"]
    assert req.json["allowed_mentions"]["replied_user"] is False
    assert req.response["type"] == 19


@pytest.mark.parametrize("close_code", [4000, None], ids=["close-4000", "tcp-drop"])
async def test_resume_after_dropped_connection(fake_discord: FakeDiscord, close_code: int | None) -> None:
    fake = fake_discord
    async with run_bot(make_bot(), fake):
        mark = fake.mark()
        await fake.drop_connection(close_code)
        # Sent while disconnected (or just after): delivered live or replayed on RESUME.
        inter = await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ping"))
        resume = await fake.wait_for_resume(after=mark)
        assert list(fake.sessions) == [resume["session_id"]]
        await callback(fake, inter)
    assert not [f for f in fake.frames[mark.frames :] if f.direction == "in" and f.op == 2], "re-IDENTIFY"


async def test_rate_limited_callback_is_retried(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    fake.fail_next("POST", r"^/interactions/\d+/[^/]+/callback$", status=429, retry_after=0.05)
    async with run_bot(make_bot(), fake):
        inter = await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ping"))
        await callback(fake, inter)
    assert [r.status for r in fake.requests if r.path.endswith("/callback")] == [429, 200]


async def test_guild_sync_payload_is_valid_and_routed(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    async with run_bot(make_bot(), fake) as bot:
        guild = discord.Object(fake.guild_id)
        bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
        put = await fake.wait_for_request(
            method="PUT", path=rf"^/applications/{fake.application_id}/guilds/{fake.guild_id}/commands$"
        )
        inter = fake.slash_command("ping")
        assert inter["data"]["guild_id"] == str(fake.guild_id)  # discord.py routes by data.guild_id
        await fake.dispatch("INTERACTION_CREATE", inter)
        await callback(fake, inter)
    assert fake.validate_command_payload(put.json) == []
    assert {c.name for c in synced} == {"ping", "faq", "boom", "long", "silent"}


async def test_autocomplete_returns_choices(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    async with run_bot(make_bot(), fake):
        inter = await fake.dispatch("INTERACTION_CREATE", fake.autocomplete("faq", "topic", "in"))
        req = await callback(fake, inter)
    assert req.json == {
        "type": 8,
        "data": {"choices": [{"name": "install", "value": "install"}, {"name": "invite", "value": "invite"}]},
    }


@pytest.mark.parametrize(("command", "expected"), [("boom", "RuntimeError: boom"), ("long", "at most 2000")])
async def test_logged_errors_fail_fast(fake_discord: FakeDiscord, command: str, expected: str) -> None:
    fake = fake_discord
    with pytest.raises(AssertionError, match=expected):
        async with run_bot(make_bot(), fake):
            await fake.dispatch("INTERACTION_CREATE", fake.slash_command(command))
            await fake.wait_for_request(lambda r: False, timeout=30)  # aborted by the ERROR log, not the timeout


async def test_unanswered_interaction_fails(fake_discord: FakeDiscord) -> None:
    fake = fake_discord
    with pytest.raises(AssertionError, match="never acknowledged: type 2 'silent'"):
        async with run_bot(make_bot(), fake):
            await fake.dispatch("INTERACTION_CREATE", fake.slash_command("silent"))


def test_validate_command_payload_rules() -> None:
    def opt(name: str, **kw: object) -> dict[str, object]:
        return {"name": name, "description": "d", "type": 3, **kw}

    errors = validate_command_payload(
        [
            {"name": "Bad Name", "description": "d"},
            {"name": "nodesc", "description": ""},
            {"name": "order", "description": "d", "options": [opt("a"), opt("b", required=True)]},
            {"name": "choices", "description": "d", "options": [opt("c", choices=[{"name": "x", "value": "v" * 101}])]},
            {"name": "mixed", "description": "d", "options": [opt("s", type=1), opt("x")]},
            {"name": "many", "description": "d", "options": [opt(f"o{i}") for i in range(26)]},
        ]
    )
    for needle in [
        "'Bad Name' must match",
        "/nodesc: description",
        "required options must come before",
        "string choice value",
        "cannot be mixed",
        "at most 25 options",
    ]:
        assert any(needle in e for e in errors), (needle, errors)
    assert validate_command_payload([{"name": "ok", "description": "fine", "options": [opt("q", required=True)]}]) == []
