"""A Discord-compatible server on 127.0.0.1 for testing the bot through real discord.py code."""

import pytest

# Before the submodule imports, so pytest_plugins = ["tests.fakediscord.fixtures"] gets a rewritten module.
pytest.register_assert_rewrite("tests.fakediscord.fixtures", "tests.fakediscord.server")

from .fixtures import ErrorLogCollector, fake_discord, run_bot  # noqa: E402
from .server import FakeDiscord, GatewayFrame, Mark, Request, UploadedFile  # noqa: E402
from .validation import (  # noqa: E402
    validate_command_payload,
    validate_interaction_response,
    validate_message_payload,
)

__all__ = [
    "ErrorLogCollector",
    "FakeDiscord",
    "GatewayFrame",
    "Mark",
    "Request",
    "UploadedFile",
    "fake_discord",
    "run_bot",
    "validate_command_payload",
    "validate_interaction_response",
    "validate_message_payload",
]
