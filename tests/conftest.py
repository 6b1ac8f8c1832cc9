"""Shared fixtures: the bundled knowledge, loaded once per session (it is immutable)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.matching.answerer import Answerer

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE)


@pytest.fixture(scope="session")
def answerer(knowledge: KnowledgeBase) -> Answerer:
    return Answerer(knowledge)
