"""Config files: the documented example is valid, mistakes are named, the token never leaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config
from tests.conftest import ROOT


def test_the_example_config_loads_with_the_defaults() -> None:
    config = load_config(ROOT / "config.example.yaml")
    assert config.thresholds.answer == 0.28
    assert config.knowledge == ROOT / "knowledge"
    assert config.discord.cooldown_rate == 5


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("matching:\n  answer_treshold: 0.3\n", "matching.answer_treshold"),
        ("matching:\n  answer_threshold: 3\n", "matching.answer_threshold"),
        ("discord:\n  cooldown:\n    rate: lots\n", "discord.cooldown.rate"),
        ("discord:\n  guilds: [abc]\n", "discord.guilds"),
        ("discord:\n  token: abc.def\n", "discord.token"),
        ("log_level: LOUD\n", "log_level"),
        ("- a list\n", "mapping"),
        ("matching: [\n", "not valid YAML"),
    ],
)
def test_a_wrong_config_is_named_in_one_line(tmp_path: Path, text: str, named: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert named in str(caught.value) and "\n" not in str(caught.value)


def test_the_token_is_never_part_of_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "MTIz.secret-token-value"
    token_file = tmp_path / "token"
    token_file.write_text(secret + "\n")
    path = tmp_path / "config.yaml"
    path.write_text(f"discord:\n  token_file: {token_file}\n")
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    config = load_config(path)
    assert config.token() == secret
    assert secret not in repr(config) and secret not in str(config)
    monkeypatch.setenv("DISCORD_TOKEN", "from-env")
    assert config.token() == "from-env"
