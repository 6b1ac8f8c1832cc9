"""Property tests: any text at all gets a well-formed reply that renders, and never pings."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.matching.answerer import Answerer
from bot.rendering.json import render_json
from bot.rendering.text import render_text
from bot.reply import Outcome
from tests.conftest import KNOWLEDGE

_ANSWERER: Answerer | None = None


def _answerer() -> Answerer:
    global _ANSWERER
    if _ANSWERER is None:
        from bot.knowledge.loader import load_knowledge

        _ANSWERER = Answerer(load_knowledge(KNOWLEDGE))
    return _ANSWERER


words = st.sampled_from(
    ["who", "Witkoff", "Crimea", "@everyone", "<@123>", "**", "Kyiv", "and", "?", "ignore", "\n", "Zelensky", "é"]
)
questions = st.one_of(st.text(max_size=600), st.lists(words, max_size=40).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questions)
def test_any_text_gets_a_well_formed_reply(question: str) -> None:
    reply = _answerer().ask(question)
    assert isinstance(reply.outcome, Outcome)
    text = render_text(reply)
    assert text.strip()
    assert "@everyone" not in text and "@here" not in text
    data = json.loads(render_json(reply))
    assert data["outcome"] == reply.outcome.value and data["text"] == text
    if reply.outcome in (Outcome.ANSWER, Outcome.NOT_IN_ARTICLE):
        assert 1 <= len(reply.answers) <= _answerer().thresholds.max_answers
    if reply.outcome is Outcome.SUGGESTIONS:
        assert 1 <= len(reply.suggestions) <= 3


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questions)
def test_any_reply_renders_as_a_discord_message_within_limits(question: str) -> None:
    from bot.discordbot.views import reply_message
    from tests.fakediscord import validate_message_payload

    reply = _answerer().ask(question)
    embeds, view = reply_message(reply)
    payload: dict[str, object] = {"embeds": [e.to_dict() for e in embeds]}
    if view is not None:
        payload["components"] = view.to_components()
    assert validate_message_payload(payload) == []
    rendered = json.dumps(payload)
    assert "@everyone" not in rendered and "<@" not in rendered


_PASTED = st.text(alphabet=st.sampled_from(list("abcXYZ 12,.?!'\"-") + list("\u2014\u2013\u2019\u2018\u201c\u201d\u2026"
                                                                          "\u00ab\u00bb\u2022\u00a0\u2009\u202f\u2007")),
                  max_size=40)


@given(_PASTED)
def test_a_pasted_message_folds_as_the_full_unicode_fold_does(text: str) -> None:
    # dashes, curly quotes and odd spaces take a shortcut; an accent sends the same text the full way
    from bot.matching import normalize
    quick = normalize.fold(text)
    assert normalize.fold(f"{text} \u00e9") == (f"{quick} e" if quick else "e")
