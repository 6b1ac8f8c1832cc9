"""The matcher's fast paths give exactly what the plain ones gave: folding, phrase folding, the
shortlist and its ties, the early stop of the phrasing comparison, memoized typo correction."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching import index as index_module
from bot.matching import normalize
from bot.matching.answerer import Answerer
from bot.matching.index import PHRASING_CANDIDATES, MatchIndex
from tests.conftest import DATA


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), min_size=1).filter(str.strip))
def test_ascii_folding_matches_the_unicode_path(text: str) -> None:
    # a non-ASCII word sends the same text down the full Unicode path
    assert normalize.fold(text + " \u00e9") == normalize.fold(text) + " e"


PHRASE_SAMPLES = {
    "united states of america": "us", "the united states": "the us", "estados unidos": "us", "stati uniti": "us",
    "etats-unis": "us", "etats unis": "us", "vereinigte staaten": "us", "vereinigten staaten": "us",
    "white house": "us", "oval office": "trump", "de facto": "defacto", "de-facto": "defacto",
    "chief of staff": "chiefofstaff", "chief-of-staff": "chiefofstaff", "cease fire": "ceasefire",
    "cease-fire": "ceasefire", "hand over": "surrender", "handed over": "surrender", "handing over": "surrender",
    "hands over": "surrender", "in hand": "received", "in hands": "received", "give up": "surrender",
    "gives up": "surrender", "given up": "surrender", "gave up": "surrender", "giving up": "surrender",
}


@pytest.mark.parametrize(("phrase", "folded"), sorted(PHRASE_SAMPLES.items()))
def test_each_phrase_pattern_runs_when_its_words_are_there(phrase: str, folded: str) -> None:
    matching = [(needs, pattern) for needs, pattern, _ in normalize.PHRASES if pattern.search(phrase)]
    assert matching, phrase
    assert all(needs in phrase for needs, _ in matching)  # the literal it is gated on is in every match
    assert normalize.words(phrase) == folded.split()


def _questions() -> list[str]:
    return [case["q"] for path in sorted(DATA.glob("*.yaml"))
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]]


def test_stopping_early_never_changes_the_top_candidates(answerer: Answerer) -> None:
    index = answerer.index
    for question in _questions():
        query = index.query_tokens(question)
        everything = index.search(query, limit=PHRASING_CANDIDATES)  # no early stop: every candidate scored
        for limit in (1, 2, 5):
            assert index.search(query, limit=limit) == everything[:limit], (question, limit)


def test_typo_corrections_are_remembered_within_bounds(answerer: Answerer, monkeypatch: pytest.MonkeyPatch) -> None:
    index = MatchIndex(answerer.knowledge)
    monkeypatch.setattr(index_module, "CORRECTION_CACHE", 3)
    assert index._correct("zelenksy") == index._correct("zelenksy") == normalize.concept("zelenskyy")
    for word in ("moskow", "kremln", "witkof", "kushnr", "telegrph"):
        index._correct(word)
        assert len(index._corrections) <= 3
    assert index._correct("weather") is None
