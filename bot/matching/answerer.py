"""From a question's text to a Reply: the one place where a question is matched and decided.

Flow: clean -> (empty | other script | instruction | small talk) -> split into questions ->
score each against the MatchIndex -> answer, not-in-article, did-you-mean, or decline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot import wording
from bot.knowledge.model import Entry, KnowledgeBase, Status
from bot.matching import intents, normalize
from bot.matching.index import Candidate, MatchIndex
from bot.reply import Answer, Outcome, Reply, Suggestion

OFF_TOPIC_COVERAGE = 0.75  # a question naming another subject needs this much of it explained


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Calibrated on the question sets in tests/data; see config.example.yaml."""

    answer: float = 0.28  # at or above: answer
    suggest: float = 0.15  # at or above (but below answer): did you mean
    close: float = 0.005  # top two closer than this, and top below `sure`: did you mean
    sure: float = 0.65
    min_coverage: float = 0.3  # an answer must explain at least this share of the question's weight
    one_word_margin: float = 0.15  # a one-word question must beat the runner-up by this much to be answered
    max_question_chars: int = 500
    max_answers: int = 2
    max_suggestions: int = 3


class Answerer:
    """Answers questions from one KnowledgeBase; immutable, so a reload swaps in a new one."""

    def __init__(self, knowledge: KnowledgeBase, thresholds: Thresholds | None = None) -> None:
        self.knowledge = knowledge
        self.thresholds = thresholds or Thresholds()
        self.index = MatchIndex(knowledge)
        self.story = knowledge.story()
        # For autocomplete as people type: built once per load, not per keystroke.
        self.questions: tuple[str, ...] = tuple(e.question for e in knowledge.entries)
        self.entry_labels: tuple[str, ...] = tuple(f"{e.id} {e.question}" for e in knowledge.entries)

    def ask(self, text: str) -> Reply:
        limits = self.thresholds
        cleaned = intents.clean(text, limits.max_question_chars)
        question = cleaned.text
        notes = (wording.cut_note(limits.max_question_chars),) if cleaned.was_cut else ()
        if normalize.is_mostly_non_latin(question):
            return Reply(question, Outcome.DECLINE, message=wording.decline_language(self.story), notes=notes)
        kind = intents.smalltalk(question)
        if kind is None and not normalize.content_words(question):
            return Reply(question, Outcome.SMALLTALK, message=wording.empty_question(self.story), notes=notes)
        if intents.is_instruction(question):
            return Reply(question, Outcome.DECLINE, message=wording.decline_instruction(self.story), notes=notes)
        if kind is not None:
            return Reply(question, Outcome.SMALLTALK, message=wording.smalltalk(kind, self.story), notes=notes)
        return self._match(question, notes)

    def _match(self, question: str, notes: tuple[str, ...]) -> Reply:
        limits = self.thresholds
        query = self.index.query_tokens(question)
        whole = self.index.search(query)
        parts = intents.split_questions(question)
        chosen = self._several(parts) if len(parts) > 1 else []
        if len(chosen) > 1:
            return self._answer_reply(question, chosen, notes)
        top = whole[0] if whole else None
        if intents.off_topic_words(question, self.index.known_tokens) and (
            top is None or top.coverage < OFF_TOPIC_COVERAGE
        ):
            return Reply(question, Outcome.DECLINE, message=wording.decline_out_of_scope(self.story), notes=notes)
        if chosen and (top is None or top.score < limits.answer):
            # a long message whose one clear question is drowned by the rest: answer that question
            return self._answer_reply(question, chosen, notes)
        if top is None or top.score < limits.suggest:
            return Reply(question, Outcome.DECLINE, message=wording.decline_out_of_scope(self.story), notes=notes)
        runner_up = whole[1] if len(whole) > 1 else None
        margin = top.score - runner_up.score if runner_up is not None else 1.0
        vague = (
            query.known_count <= 1
            and margin < limits.one_word_margin
            and top.fit < 0.99  # unless an entry claims the bare word as one of its phrasings
        )
        unsure = (
            top.score < limits.answer
            or top.coverage < limits.min_coverage
            or vague
            or (top.score < limits.sure and margin < limits.close and not _companions(top, runner_up))
        )
        if unsure and chosen:
            return self._answer_reply(question, chosen, notes)
        if unsure:
            picks = [c for c in whole if c.score >= limits.suggest][: limits.max_suggestions]
            suggestions = tuple(Suggestion(c.entry.id, c.entry.question, c.score) for c in picks)
            return Reply(question, Outcome.SUGGESTIONS, suggestions=suggestions,
                         message=wording.suggestions_intro(), notes=notes)
        return self._answer_reply(question, [top], notes)

    def _several(self, parts: list[str]) -> list[Candidate]:
        """The best confident match of each part, distinct entries, in the order asked."""
        chosen: list[Candidate] = []
        for part in parts:
            found = self.index.search(self.index.query_tokens(part), limit=1)
            if not found or any(found[0].entry.id == c.entry.id for c in chosen):
                continue
            if found[0].score >= self.thresholds.answer and found[0].coverage >= self.thresholds.min_coverage:
                chosen.append(found[0])
        return chosen[: self.thresholds.max_answers]

    def _answer_reply(self, question: str, picks: list[Candidate], notes: tuple[str, ...]) -> Reply:
        answers = [self.answer_for(c.entry, c.score) for c in picks]
        shown = {a.entry_id for a in answers}  # never suggest as related what is already answered
        answers = [replace(a, related=tuple(r for r in a.related if r.entry_id not in shown)) for a in answers]
        only_gaps = all(a.status is Status.NOT_IN_ARTICLE for a in answers)
        outcome = Outcome.NOT_IN_ARTICLE if only_gaps else Outcome.ANSWER
        return Reply(question, outcome, answers=tuple(answers), notes=notes)

    def answer_for(self, entry: Entry, score: float = 1.0) -> Answer:
        """An entry as an Answer; also used to show an entry by id (/faq show, buttons)."""
        story = self.knowledge.story(entry.story_id)
        documents = {d.id: d.title for d in story.documents}
        titles = tuple(documents.get(s.document, s.document) for s in entry.sources)
        related = tuple(
            Suggestion(r.id, r.question) for r in (self.knowledge.entry(i) for i in entry.related) if r is not None
        )
        return Answer(
            entry_id=entry.id, story_id=entry.story_id, question=entry.question, text=entry.answer,
            score=round(score, 3), status=entry.status, caveat=entry.caveat, sources=entry.sources,
            source_titles=titles, related=related, reviewed=entry.reviewed,
        )

    def show(self, entry_id: str) -> Reply | None:
        entry = self.knowledge.entry(entry_id)
        if entry is None:
            return None
        outcome = Outcome.NOT_IN_ARTICLE if entry.status is Status.NOT_IN_ARTICLE else Outcome.ANSWER
        return Reply(entry.question, outcome, answers=(self.answer_for(entry),))


def _companions(a: Candidate, b: Candidate | None) -> bool:
    """Entries the FAQ links as related answer a near-tie equally well: no need to ask which."""
    return b is not None and (b.entry.id in a.entry.related or a.entry.id in b.entry.related)
