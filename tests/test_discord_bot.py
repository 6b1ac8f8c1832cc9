"""The real bot through discord.py's gateway, dispatch, app-command tree and HTTP code, on loopback."""

from __future__ import annotations

from pathlib import Path

from tests.discord_helpers import callback_of, followup_of, make_config, running_bot
from tests.fakediscord import FakeDiscord

pytest_plugins = ["tests.fakediscord.fixtures"]


async def test_ask_answers_with_a_sourced_caveated_embed(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    fake = fake_discord
    async with running_bot(fake, make_config(tmp_path)):
        inter = await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ask", {"question": "who went to moscow?"}))
        req = await callback_of(fake, inter)
    data = req.json["data"]
    assert req.json["type"] == 4
    assert data["allowed_mentions"] == {"parse": []}
    embed = data["embeds"][0]
    assert embed["title"] == "who went to moscow?"
    assert "Witkoff" in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert any("Reported" in name for name in fields)
    assert "Source" in fields and "\u201c" in fields["Source"]
    assert embed["footer"]["text"].startswith("envoys-moscow")
    buttons = [c for row in data["components"] for c in row["components"]]
    assert [b["custom_id"] for b in buttons] == ["faq:fb:envoys-moscow:1", "faq:fb:envoys-moscow:0"]
