"""Shared fixtures: the bundled knowledge, loaded once per session (it is immutable)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.matching.answerer import Answerer

# No example database, and Hypothesis's caches in the temp folder: the suite writes nothing into
# the work tree (failures print their seed).
settings.register_profile("faqbot", database=None)
settings.load_profile("faqbot")
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "faqbot-hypothesis"))

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
SECOND_STORY = FIXTURES / "second-story"


def folder_with_both_stories(tmp_path: Path) -> Path:
    """A knowledge folder holding the bundled story and the second-story fixture side by side."""
    folder = tmp_path / "kb"
    shutil.copytree(KNOWLEDGE, folder)
    for item in SECOND_STORY.iterdir():
        shutil.copy(item, folder / item.name)
    return folder


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE)


@pytest.fixture(scope="session")
def answerer(knowledge: KnowledgeBase) -> Answerer:
    return Answerer(knowledge)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A private PostgreSQL cluster for the session (its URL); the tests of shared records use it."""
    from tests.postgres import cluster

    with cluster() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """The cluster's database, emptied after each test."""
    import psycopg

    yield postgres_server
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS asked, unanswered, feedback, history, faqbot_schema")
