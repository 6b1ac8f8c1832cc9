"""`faqbot run` as a real process against the loopback Discord server: the deployment path."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.discord_helpers import callback_of
from tests.fakediscord import FakeDiscord

pytest_plugins = ["tests.fakediscord.fixtures"]

TOKEN = "MTAx.faqbot-test-token.secret"


async def test_faqbot_run_answers_over_the_configured_server(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    config = tmp_path / "config.yaml"
    config.write_text(
        f"knowledge: {ROOT / 'knowledge'}\ndatabase: {tmp_path / 'records.sqlite3'}\n"
        f"discord:\n  sync_state_file: {tmp_path / 'synced'}\n"
    )
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "FAQBOT_API_BASE": fake.api_base,
           "FAQBOT_GATEWAY_URL": fake.gateway_url, "PYTHONUNBUFFERED": "1"}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(config), "run", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    try:
        identify = await fake.wait_for_identify(timeout=30)
        assert identify["token"] == TOKEN
        ask = fake.slash_command("ask", {"question": "what did yermak say?"})
        await fake.dispatch("INTERACTION_CREATE", ask)
        body = (await callback_of(fake, ask)).json
        assert "Yermak" in body["data"]["embeds"][0]["description"]
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = await asyncio.wait_for(process.communicate(), 30)
    log = output.decode()
    assert process.returncode == 0, log
    assert TOKEN not in log
    assert "answered via=slash outcome=answer" in log
    assert "what did yermak say" not in log.lower(), "questions are not logged at INFO"
    assert "faqbot sync" in log, "an unsynced command tree is pointed out"


async def test_faqbot_sync_publishes_valid_commands_to_a_guild(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    state = tmp_path / "synced"
    config = tmp_path / "config.yaml"
    config.write_text(f"database: {tmp_path / 'records.sqlite3'}\ndiscord:\n  sync_state_file: {state}\n")
    env = {**os.environ, "DISCORD_TOKEN": TOKEN, "FAQBOT_API_BASE": fake.api_base,
           "FAQBOT_GATEWAY_URL": fake.gateway_url}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(config), "sync", "--guild", str(fake.guild_id), env=env,
        cwd=tmp_path, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, err.decode()
    assert f"guild {fake.guild_id}" in out.decode()
    put = next(r for r in fake.requests if r.method == "PUT")
    assert put.path == f"/applications/{fake.application_id}/guilds/{fake.guild_id}/commands"
    assert fake.validate_command_payload(put.json) == []
    assert {c["name"] for c in put.json} >= {"ask", "summary", "sources", "faq", "help"}
    assert Path(f"{state}.{fake.guild_id}").read_text().strip()
