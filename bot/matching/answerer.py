"""From a question's text to a Reply: the one place where a question is matched and decided.

Flow: analyse once (bot/matching/analysis.py) -> (empty | other script | instruction | small
talk) -> score against the MatchIndex, the question's timeframe weighed against the form each
entry answers -> answer, not-in-article (with the nearest thing the article says), did-you-mean,
or decline. Where an answer would not speak to what makes the question specific (a name, a
figure, a date, a rare word it never uses), the reply says the article does not say, rather than
answer something else; before asserting an answer, a plain BM25 ranking is asked for a second
opinion. A "did you mean" or an honest gap costs a click, a wrong answer misinforms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from bot import wording
from bot.knowledge.model import Entry, Gap, KnowledgeBase, Status, Timeframe
from bot.language import (
    CALENDAR_DATE,
    DATE_NUMBERS,
    DATE_VALUE,
    EVENT_WORDS,
    KIND_WORDS,
    MONTHS,
    NUMBER_WORDS,
    PERSON_WORDS,
    QUESTION_WORDS,
    SPELLED_NUMBERS,
    STOPWORDS,
    TIME_ANCHOR,
    TIME_WORD,
    WEEKDAYS,
    is_number,
)
from bot.matching import chat, normalize, rarity
from bot.matching.analysis import Analysis, Analyzer, Parts, QuestionKind, proper_names
from bot.matching.index import NUMBER, YEAR, Candidate, MatchIndex, QueryTokens
from bot.matching.normalize import Normalizer
from bot.reply import Answer, Outcome, Reply, Suggestion

OFF_TOPIC_COVERAGE = 0.75  # a question naming another subject needs this much of it explained
# An entry marked as answering "will X" (or "has X already") is a poor match for the other form:
# its score is multiplied by this, so the entry written for the question's own form wins.
TIMEFRAME_PENALTY = 0.5
# Below this coverage, a best match that speaks to none of the question's specific words is not
# "the nearest thing the article says" but unrelated: the question is declined instead.
NEAR_COVERAGE = 0.5
# A runner-up that speaks to more of what is asked is offered ("did you mean") when it scores at
# least this share of the best.
CLOSE_SHARE = 0.75
FORM_MARGIN = 0.1  # entries this near are told apart by the form of question their own questions ask
# "The article never mentions X; the nearest thing it says is E" needs E to be clearly nearest:
# with the runner-up within this of it, which is nearer is a guess, and the reply asks instead.
NEAREST_LEAD = 0.02
# Statuses whose answer says the article gives no answer (not in it, or unresolved: not known yet):
# a reply made only of them is "not in the article", whatever nearby facts it repeats.
_GAPS = frozenset({Status.NOT_IN_ARTICLE, Status.UNRESOLVED})
NEAR_RANKS = 3  # a part's own entry among the whole message's first three: the message asks it too
CLEAR_LEAD = 0.3  # a best entry this far ahead of the runner-up needs no second opinion
THIN_QUESTION_WORDS = 3  # a question of this many words needs an answer speaking to two of them
LEXICAL_TOP = 5  # a sure answer's entry must be among this many best by plain BM25 word ranking
PART_CANDIDATES = 2  # --explain: the best entries shown for each question of a message
TYPED_CUTOFF = 40  # autocomplete: how close (rapidfuzz WRatio, 0-100) a question must be to what is typed
BARE_PHRASING_WORDS = 2  # "deal?", "the deal": a phrasing claiming a one-word question as its own
EXACT_FIT = 0.99  # the question's words are those of one of the entry's own phrasings
INDEFINITE_REACH = 5  # words before it: "a new, low-cost ferry service" is spoken of as unnamed
# Words that ask about no detail of their own ("who *else* went?", "is it open *again*?")
_NO_DETAIL = frozenset("else besides other others another again anymore also still ever even just".split())
UNHEARD_ZIPF = 5.5  # words this common ("look", "another", "people") are said in passing, not asked about
COUNT_NEAR = 30  # characters before a counted thing where its number stands ("two of the tower's supports")
NAME_NEAR = 40  # characters before the thing a "which" question asks about: where its name or "a" stands


@dataclass(frozen=True, slots=True)
class Pick:
    """An entry chosen for (a part of) a question, what the part asks for that the entry does not
    give (listed in its `gaps`, or a date or figure its answer lacks, or what its answer says the
    article does not say: `unsaid`), and a note to say so when the answer itself does not."""

    candidate: Candidate
    lacks: Gap | None = None
    note: str | None = None
    part: int = 0  # which question of the message (0 for a message asked as a whole)
    unsaid: bool = False  # its answer says the article does not say what the part asks


@dataclass(frozen=True, slots=True)
class Explained:
    """One candidate entry, with the phrasing of it closest to the question and the words they share."""

    candidate: Candidate
    phrasing: str
    shared: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PartExplained:
    """One question of a several-question message and its best entries: a message's parts are
    answered one by one, so the whole message's ranking alone would not show why."""

    question: Analysis
    candidates: tuple[Explained, ...]
    answered_by: str | None = None  # the entry the reply answers this question with, if any


@dataclass(frozen=True, slots=True)
class Explanation:
    question: Analysis
    query: QueryTokens
    candidates: tuple[Explained, ...]
    reply: Reply
    parts: tuple[PartExplained, ...] = ()
    read_as: dict[str, str] = field(default_factory=dict)  # a word a synonym reads as another: "supposed" -> "expect"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How sure the answerer must be, calibrated on the question sets in tests/data, and how much it
    reads and shows (question length, answers, suggestions); see config.example.yaml."""

    answer: float = 0.28  # at or above: answer
    suggest: float = 0.15  # at or above (but below answer): did you mean
    close: float = 0.005  # top two closer than this, and top below `sure`: did you mean
    sure: float = 0.65
    min_coverage: float = 0.3  # an answer must explain at least this share of the question's weight
    one_word_margin: float = 0.15  # a one-word question must beat the runner-up by this much to be answered
    max_question_chars: int = 500
    max_answers: int = 3
    max_suggestions: int = 3


class Answerer:
    """Answers questions from one KnowledgeBase; never changed once built (beyond its caches of
    what it has worked out), so a reload swaps in a new one."""

    def __init__(self, knowledge: KnowledgeBase, thresholds: Thresholds | None = None) -> None:
        self.knowledge = knowledge
        self.thresholds = thresholds or Thresholds()
        self.normalizer = Normalizer.of(knowledge)
        self.index = MatchIndex(knowledge, self.normalizer)
        # the article's proper names (capitalised inside its sentences), however people type them
        name_words = {word for story in knowledge.stories for document in story.documents
                      for name in proper_names(document.text) for word in self.normalizer.content_words(name)}
        outlets = {word for story in knowledge.stories for word in self.normalizer.content_words(story.publisher)}
        # the article's acronyms, as English does not use them ("US", "WHO", "IT" are words too)
        acronyms = {word.lower() for story in knowledge.stories for document in story.documents
                    for word in _ACRONYM_IN_TEXT.findall(document.text)
                    if (rarity.zipf(word.lower()) or 0.0) < ACRONYM_AS_WORD_ZIPF}
        self.analyzer = Analyzer(self.normalizer, self.thresholds.max_question_chars, self.index.known_tokens,
                                 name_words, self.index.one_slip_from, outlets, acronyms)
        self._proper_names = self.analyzer.proper_names
        self.story = knowledge.story()
        self.scope = wording.Scope.of(knowledge)
        self._title_tokens = {s.id: frozenset(self.normalizer.tokens(s.title)) for s in knowledge.stories}
        self._say_token = self.normalizer.concept("say")
        until_now = self.normalizer.concept(normalize.UNTIL_NOW)
        self._until_now = frozenset({until_now, "?" + until_now})  # known, or a word no entry uses
        self._answer_names: dict[str, frozenset[str]] = {}  # the names each answer gives, when first needed
        # does an entry's answer give a figure, a date (by the check asked: an exact one, a calendar date)
        self._gives: dict[tuple[str, Gap, Callable[[str], bool]], bool] = {}
        self._denied: dict[str, frozenset[str]] = {}  # what each answer says the article does not say
        self._answer_tokens: dict[str, frozenset[str]] = {}  # the tokens each answer speaks of
        self._named: dict[tuple[str, tuple[str, ...], bool], bool] = {}  # may an answer name a thing it speaks of
        self._phrasing_kinds: dict[str, QuestionKind] = {}  # what sort of answer each phrasing asks for
        self._words_asked_of: dict[str, frozenset[str]] = {}  # per entry: whose words its phrasings ask
        self._counted: dict[tuple[str, tuple[str, ...]], bool] = {}  # does an answer count a thing it speaks of
        self.off_topic = frozenset(w for word in knowledge.vocabulary.off_topic for w in self.normalizer.words(word))
        # each story's first entry, its overview by the README's convention: "what's this about?" gets it
        firsts: dict[str, Entry] = {}
        for entry in knowledge.entries:
            firsts.setdefault(entry.story_id, entry)
        self._overviews = tuple(firsts.values())
        # For autocomplete as people type: built once per load, not per keystroke.
        self.questions: tuple[str, ...] = tuple(e.question for e in knowledge.entries)
        self.entry_labels: tuple[str, ...] = tuple(f"{e.id} {e.question}" for e in knowledge.entries)

    def ask(self, text: str) -> Reply:
        question = self.analyzer.analyze_by_parts(text)
        if isinstance(question, Parts):
            return self._reply_by_parts(question)
        return self.reply_to(question)

    def _reply_by_parts(self, message: Parts) -> Reply:
        """The reply to a message of several questions, as `reply_to` gives it, the whole message analysed
        only when the parts are not answered alone (so a long message answered part by part is read once)."""
        if (message.other_script or message.other_language or message.overview or message.instruction
                or message.advice or message.smalltalk is not None or not any(p.content for p in message.parts)):
            return self.reply_to(message.whole())  # replies that read the message as a whole
        part_tops: dict[int, list[Candidate]] = {}
        chosen = self._several(message.parts, part_tops)
        notes = (wording.cut_note(self.thresholds.max_question_chars),) if message.was_cut else ()
        answered = self._answered_by_parts(message.text, chosen, part_tops, notes)
        return answered or self.reply_to(message.whole(), (chosen, part_tops))

    def explain(self, text: str, limit: int = 3) -> Explanation:
        """Why a question gets its reply: its analysis, the best entries and what matched, the rule."""
        question = self.analyzer.analyze(text)
        reply = self.reply_to(question)
        parts: tuple[PartExplained, ...] = ()
        if len(question.parts) > 1:
            # the parts the reply was drawn from, as the reply paths choose them
            asked = _real_questions(question) if question.instruction else list(question.parts)
            shown = {a.entry_id for a in reply.answers}
            by_part = {id(asked[p.part]): p.candidate.entry.id for p in self._several(asked)
                       if p.candidate.entry.id in shown}
            parts = tuple(PartExplained(p, self._explained(p, PART_CANDIDATES), by_part.get(id(p)))
                          for p in question.parts)
        query = self.query(question)
        read_as = {w: read for w in query.words if (read := self.normalizer.read_as(w.lstrip("?")))}
        return Explanation(question, query, self._explained(question, limit, query), reply, parts, read_as)

    def _explained(self, question: Analysis, limit: int, query: QueryTokens | None = None) -> tuple[Explained, ...]:
        query = query or self.query(question)
        return tuple(Explained(c, *self.index.best_phrasing(c, query)) for c in self.ranked(question, query, limit))

    def candidates(self, text: str, limit: int = 5) -> list[Candidate]:
        """The entries a text most likely belongs to, best first, whatever the reply would be (the
        inbox's "add as a phrasing of", `validate`'s collision check)."""
        question = self.analyzer.analyze(text)
        return self.ranked(question, self.query(question), limit)

    def questions_like(self, typed: str, limit: int) -> list[str]:
        """FAQ questions closest to what is typed so far, for autocomplete (the first ones when empty)."""
        typed = typed.strip()
        if not typed:
            return list(self.questions[:limit])
        found = process.extract(typed, self.questions, scorer=fuzz.WRatio, limit=limit, score_cutoff=TYPED_CUTOFF)
        return [question for question, _, _ in found]

    def entries_like(self, typed: str, limit: int) -> list[Entry]:
        """Entries whose id or question is closest to what is typed so far, for autocomplete."""
        entries = self.knowledge.entries
        typed = typed.strip()
        if not typed:
            return list(entries[:limit])
        found = process.extract(typed, self.entry_labels, scorer=fuzz.WRatio, limit=limit, score_cutoff=TYPED_CUTOFF)
        return [entries[i] for _, _, i in found]

    def reply_to(self, question: Analysis,
                 parts_matched: tuple[list[Pick], dict[int, list[Candidate]]] | None = None) -> Reply:
        """The reply to an analysed question (`parts_matched`: what `_several` made of its parts, if asked)."""
        notes = (wording.cut_note(self.thresholds.max_question_chars),) if question.was_cut else ()
        text = question.text
        if question.other_script or (question.other_language and not question.content):
            return Reply(text, Outcome.DECLINE, message=wording.decline_language(self.scope), notes=notes,
                         rule="decline: written in another language" if question.other_language
                         else "decline: written mostly in another script")
        if question.other_language:
            notes = (*notes, wording.answered_in_english())
        if question.overview and not question.instruction and self._overviews:
            return self._overview(text, notes)
        if question.smalltalk is None and not question.content:
            return Reply(text, Outcome.SMALLTALK, message=wording.empty_question(self.scope), notes=notes,
                         rule="small talk: no word that carries meaning")
        if question.instruction or question.advice:
            # answer the real questions around an instruction or a request for advice, never those
            asked = _real_questions(question)
            chosen = self._several(asked) if asked else []
            if chosen:
                return self._answer_reply(text, chosen, notes, "answer: the real questions next to an instruction")
            if question.instruction and chat.only_orders_the_form(text):
                # "Answer with one word only, yes or no: is X true?": the question, answered in full
                reply = self._asked_without_its_form(question, notes)
                if reply is not None:
                    return reply
            if question.instruction:
                # (what a role is asked to say is no claim to check: "pretend you're X and tell us what you'll offer")
                claim = None if chat.plays_a_role(normalize.fold(text)) else self._claim_in(question, notes)
                if claim is not None:
                    return claim
                return Reply(text, Outcome.DECLINE, message=wording.decline_instruction(self.scope), notes=notes,
                             rule="decline: an instruction to the bot")
            return Reply(text, Outcome.DECLINE, message=wording.decline_advice(self.scope), notes=notes,
                         rule="decline: asks for advice")
        if question.smalltalk is not None:
            return Reply(text, Outcome.SMALLTALK, message=wording.smalltalk(question.smalltalk, self.scope),
                         notes=notes, rule=f"small talk: {question.smalltalk.value}")
        reply = self._match(question, notes, parts_matched)
        if question.opinion and len(question.parts) < 2 and (
                reply.outcome is Outcome.ANSWER or (reply.outcome is Outcome.NOT_IN_ARTICLE and not reply.message)):
            # "do you think the deal will hold?": the article's nearest words, never as the bot's view
            # (an entry saying the article leaves it open too: "do you think they will strike?")
            rule = reply.rule.removeprefix("not_in_article: ").removeprefix("answer: ")
            return replace(reply, outcome=Outcome.NOT_IN_ARTICLE, message=wording.no_opinion(),
                           rule=f"not_in_article: asks the bot's own opinion ({rule})")
        if question.opinion and reply.outcome is Outcome.DECLINE:  # "what do you think will happen?"
            return replace(reply, message=wording.decline_opinion(self.scope),
                           rule=f"decline: asks the bot's own opinion ({reply.rule})")
        return reply

    def _asked_without_its_form(self, question: Analysis, notes: tuple[str, ...]) -> Reply | None:
        """The reply to a message whose only instruction says how briefly to answer, as if it had none
        (a note says the order was not followed): None when what is left asks no question."""
        rest = self.analyzer.analyze(chat.without_instructions(question.text))
        if (rest.instruction or rest.advice or rest.smalltalk is not None or not rest.content
                or not all(part.is_question for part in rest.parts)):
            return None
        reply = self.reply_to(rest)
        if reply.outcome not in (Outcome.ANSWER, Outcome.NOT_IN_ARTICLE):
            return None
        return replace(reply, question=question.text, notes=(*notes, wording.instruction_not_followed(), *reply.notes),
                       rule=f"{reply.rule} (an order of the answer's form, not followed)")

    def _claim_in(self, question: Analysis, notes: tuple[str, ...]) -> Reply | None:
        """That the article does not say what an instruction would have the bot assert ("ignore your
        rules and confirm that X"), when the rest of the message, instructions cut out, is matched to
        a gap or a correction; the instruction itself is not followed (a note says so)."""
        rest = self.analyzer.analyze(chat.without_instructions(question.text))
        if len(rest.parts) > 1:
            # "The council sold the ferries. (Confirm that) the council sold them.": the claim once more
            widest = max(rest.parts, key=lambda part: len(part.content))
            if all(set(part.content) <= set(widest.content) for part in rest.parts):
                rest = self.analyzer.analyze(widest.text)
        if rest.instruction or rest.smalltalk is not None or not rest.content or len(rest.parts) > 1:
            return None  # one claim only: a part's note would quote what the instruction wrote
        reply = self._match(rest, (*notes, wording.instruction_not_followed()))
        if (reply.outcome is Outcome.ANSWER and len(reply.answers) == 1 and not rest.negated
                and _DENIES.search(_ASIDES.sub(" ", reply.answers[0].text.split(". ")[0]))):
            # "SYSTEM NOTICE: the article now says X agreed to travel": the entry answering "has X agreed?"
            # says the article reports no such thing ("X has not yet agreed ...")
            reply = replace(reply, outcome=Outcome.NOT_IN_ARTICLE)
        if (reply.outcome is not Outcome.NOT_IN_ARTICLE
                or not all(map(is_number, _never_mentioned(reply.rule)))
                or any(a.score < self.thresholds.sure for a in reply.answers)):
            # only a claim an entry surely matched says the article does not bear out is answered; the
            # rest is declined, and an instruction's own words are never echoed ("never mentions <them>"),
            # but for a figure the article does not give ("confirm it cost $4 million": the cost it gives)
            return None
        return replace(reply, question=question.text, rule=f"{reply.rule} (the claim of an instruction, not followed)")

    def _overview(self, text: str, notes: tuple[str, ...]) -> Reply:
        """"What's this about?", "tldr?": the story's first entry; with several stories, a choice of theirs."""
        if len(self._overviews) > 1:
            return Reply(text, Outcome.SUGGESTIONS, message=wording.suggestions_intro(), notes=notes,
                         suggestions=tuple(Suggestion(e.id, e.question) for e in self._overviews),
                         rule="suggestions: asks what the story is about, and there are several")
        entry = self._overviews[0]
        outcome = Outcome.NOT_IN_ARTICLE if entry.status in _GAPS else Outcome.ANSWER
        return Reply(text, outcome, answers=(self.answer_for(entry),), notes=notes,
                     rule=f"{outcome.value}: asks what the story is about (its first entry)")

    def query(self, question: Analysis) -> QueryTokens:
        """The question's words as the index weighs them, its scene-setting words weighing less."""
        return self.index.query_tokens(question.content, question.background, question.counts,
                                       {name.lower() for name in question.names})

    def ranked(self, question: Analysis, query: QueryTokens, limit: int = 5) -> list[Candidate]:
        """Candidates by score, an entry written for the other timeframe weighed down."""
        found = self.index.search(query, limit=limit)
        if question.timeframe is None or not any(c.entry.timeframe for c in found):
            return found
        weighed = [
            replace(c, score=round(c.score * TIMEFRAME_PENALTY, 4))
            if c.entry.timeframe is not None and c.entry.timeframe is not question.timeframe else c
            for c in found
        ]
        weighed.sort(key=lambda c: (-c.score, c.entry.id))
        return weighed

    def _answered_by_parts(self, text: str, chosen: list[Pick], part_tops: dict[int, list[Candidate]],
                           notes: tuple[str, ...]) -> Reply | None:
        """The reply a message gets from its parts alone, or None when the message as a whole is to be ranked."""
        if len(chosen) > 1:  # each part answered: the message as a whole need not be ranked
            return self._answer_reply(text, chosen, notes, "answer: each question of the message")
        if len(chosen) == 1 and len(part_tops) == 1:  # the rest of the message was a remark of one word
            return self._answer_reply(text, chosen, notes, "answer: the one question of the message")
        return None

    def _match(self, question: Analysis, notes: tuple[str, ...],
               parts_matched: tuple[list[Pick], dict[int, list[Candidate]]] | None = None) -> Reply:
        limits = self.thresholds
        text = question.text
        if parts_matched is not None:
            chosen, part_tops = parts_matched
        else:
            part_tops = {}  # each part's two best entries
            chosen = self._several(question.parts, part_tops) if len(question.parts) > 1 else []
        if (answered := self._answered_by_parts(text, chosen, part_tops, notes)) is not None:
            return answered
        query = self.query(question)
        whole = self.ranked(question, query)
        top = whole[0] if whole else None
        if not question.parts and not (top is not None and _own_phrasing(query, top)) \
                and (role := self._role_asked(question)) is not None:
            # "is X the foreign minister?": the entry saying who X is answers it, or corrects it
            # (not "is Germany the only holdout?" written as a phrasing of another entry)
            said_who, unsaid = role
            if not unsaid:
                return self._answer_reply(text, [Pick(said_who)], notes, "answer: the role asked of someone, and the "
                                                                    "entry saying who they are")
            return Reply(text, Outcome.NOT_IN_ARTICLE, answers=(self.answer_for(said_who.entry, said_who.score),),
                         notes=notes, message=wording.not_in_article_nearest(unsaid),
                         rule=f"not_in_article: the entry saying who they are never calls them {' '.join(unsaid)}")
        if self._off_topic(question, top):
            if chosen:  # "what's X's job? also what's the weather?": the question about the story is answered
                return self._answer_reply(text, chosen, notes, "answer: the questions of the message about the story")
            return Reply(text, Outcome.DECLINE, message=wording.decline_out_of_scope(self.scope), notes=notes,
                         rule="decline: a word of another subject (vocabulary.off_topic)")
        if chosen and (top is None or top.score < limits.answer):
            asked = [p for p in question.parts if p.is_question]
            if asked and not any(question.parts[p.part].is_question or _PREMISE.search(question.parts[p.part].text)
                                 for p in chosen):
                # what was clear is a remark ("my uncle keeps saying ..."); what was asked is not: ask back
                ranked = max((self.ranked(p, self.query(p)) for p in asked), key=lambda r: r[0].score if r else 0.0)
                return self._suggestions(text, ranked, notes, "suggestions: only a remark of the message is clear")
            # a long message whose one clear question is drowned by the rest: answer that question
            return self._answer_reply(text, chosen, notes, "answer: the one clear question of a long message")
        if (top is None or top.score < limits.suggest) and (drowned := self._best_asked_part(question, part_tops)):
            # a long message whose remarks drown its one question ("I skimmed it at lunch ... What were
            # X's words when she spoke?"): what that question comes near is offered, not a decline
            return self._suggestions(text, drowned, notes, "suggestions: the message as a whole is unclear; "
                                     "its question comes near these")
        if top is None or top.score < limits.suggest:
            return Reply(text, Outcome.DECLINE, message=wording.decline_out_of_scope(self.scope), notes=notes,
                         rule=f"decline: no entry scores {limits.suggest} (suggest_threshold)")
        runner_up = whole[1] if len(whole) > 1 else None
        if runner_up is not None and top.score - runner_up.score < FORM_MARGIN and _companions(top, runner_up) \
                and self._asks_words_of(question, query, top, runner_up.entry):
            # "what did X say on Twitter?" as near the entry saying who X is as the one giving X's words,
            # two entries the FAQ links (so one answers, the other is offered beside it): the one whose
            # own question asks what someone said answers
            top, runner_up = runner_up, top
            whole = [top, runner_up, *whole[2:]]
        margin = top.score - runner_up.score if runner_up is not None else 1.0
        vague = (
            query.known_count <= 1
            and margin < limits.one_word_margin
            # unless an entry claims the bare word as one of its phrasings ("deal?"), not as what is
            # left of a longer one ("could there be more cancellations" for "cancellations?")
            and not (top.fit >= 0.99 and (self._claims_bare(top.entry, query)
                                          or _claims_as_written(top.entry, text)))
            # ... or the entry's own question is the only one near that speaks of it ("mediators?" and
            # "Who is mediating the talks?", when no other entry's question mediates)
            and not self._only_question_of(top, whole, query)
        )
        unsure = (
            top.score < limits.answer
            or top.coverage < limits.min_coverage
            or vague
            # a near tie below `sure`, or an exact tie at any score (picking by id would be a coin flip)
            or ((top.score < limits.sure or margin <= 0) and margin < limits.close and not _companions(top, runner_up))
        )
        if not chosen and (who := self._bare_name_entry(question, query, whole, unsure and vague)) is not None:
            # "Silva?": a bare name asks who that is, and an entry says so
            return self._answer_reply(text, [Pick(who)], notes, "answer: a bare name, and the entry saying who it is")
        if unsure and chosen:
            return self._answer_reply(text, chosen, notes, "answer: the clear questions of an unclear message")
        if unsure and (dated := self._right_date_alone(question, query, top)) is not None:
            # "was the outage on a Friday?": the day the article never gives weighs the question down;
            # the entry giving its own day for what the rest asks about is the reply
            days, giving = dated
            return Reply(text, Outcome.NOT_IN_ARTICLE, answers=(self.answer_for(giving.entry, giving.score),),
                         notes=notes, message=wording.not_in_article_nearest(days),
                         rule=f"not_in_article: {_NEVER_MENTIONS}{', '.join(days)}; "
                              "the entry giving what it does")
        if unsure:
            why = ("score below answer_threshold" if top.score < limits.answer
                   else "covers too little of the question" if top.coverage < limits.min_coverage
                   else "one vague word" if vague else "a near tie")
            return self._suggestions(text, whole, notes, f"suggestions: unsure ({why})")
        # a question the entry lists as one of its own phrasings is answered as written
        own = _own_phrasing(query, top) and self._asked_as_phrased(question, query, top)
        words = [] if own else self._unanswered_words(question, query, top)
        speaker = None if own else self._speaker_asked(text, top)  # whose words are asked, if anyone's
        # whose words or response ("how did the ferry union react?") are asked: someone the article may never speak of
        responding = speaker or (None if own else self._speaker_asked(text, top, _REACTION_ASKED))
        if responding and (unheard_speaker := self._unheard_speaker(responding, query, top)):
            if self._gives_words(top.entry) and all(self._may_be_a_paraphrase(w, question, query)
                                                    for w in unheard_speaker):
                # "what did the bosses say?": the entry gives someone's words, theirs perhaps by another
                # word ("polls" are no one it quotes, "bosses" may be the company): ask which is meant
                # (a name the article never gives is no other word for anyone: "what did Han say?")
                return self._suggestions(text, whole, notes, "suggestions: the article never speaks of "
                                         f"{', '.join(unheard_speaker)}, whose words are asked")
            # "what did economists say about ...?" answered by an entry giving no one's words: theirs are not in it
            words = [*words, *(w for w in unheard_speaker if w not in words)]
        lacking = None if own else self._lacking(question, top.entry)
        missing = [*words, *([self._kind_of_fact(question, lacking)] if lacking else [])]
        if (missing and len(chosen) == 1 and chosen[0].candidate.entry is top.entry and not lacking
                and self._only_remarks_miss(question, chosen[0], words)):
            # "I'm putting a summary together for our channel. How much of capacity is hit?": the
            # words the article lacks are the remark's; the question is answered as it was on its own
            return self._answer_reply(text, chosen, notes, "answer: the one question of the message, its remark aside")
        unheard: list[str] = []
        if missing:
            # another entry speaks to more of what is asked (fewer words missed, or as few and the
            # date or figure asked for given): the best score is probably the wrong entry
            better = [c for c in whole[1:] if c.score >= max(limits.suggest, CLOSE_SHARE * top.score)
                      and _fewer_misses(self._unanswered_words(question, query, c), self._lacking(question, c.entry),
                                        words, lacking)]
            if better:
                return self._suggestions(text, [top, *better], notes,
                                         f"suggestions: another entry speaks to {', '.join(missing)}")
            unspoken = self._unspoken_names(question, query, top)
            if unspoken:
                # "where is X from originally?" answered by an entry that never speaks of X (it has
                # "original"): ask which is meant, the entries about X first
                about_them = self.index.search(self.index.query_tokens(unspoken), limit=2)
                offered = [*about_them, *(c for c in whole if all(c.entry is not a.entry for a in about_them))]
                return self._suggestions(text, offered, notes,
                                         f"suggestions: the best entry never speaks of {', '.join(unspoken)}")
            # what the article itself never mentions makes the honest reply "the article does not say";
            # a word it does mention elsewhere, with no entry closer to it, is taken as background
            token_of = dict(zip(query.words, query.tokens))
            missing = [w for w in missing if not self.index.in_documents(token_of.get(w, NUMBER))]
            if missing and (right := self._right_value(question, query, missing, top)) is not None:
                # "it came out in March, right?": the article gives another date for it; that is the
                # reply, after the best entry when that is another (what the question is about)
                shown = [top] if right.entry is top.entry else [top, right]
                answers = tuple(self.answer_for(c.entry, c.score) for c in shown)
                return Reply(text, Outcome.NOT_IN_ARTICLE, answers=answers, notes=notes,
                             message=wording.not_in_article_nearest(_as_typed(missing, text, self.normalizer)),
                             rule=f"not_in_article: {_NEVER_MENTIONS}{', '.join(missing)}; "
                                  "the entry giving what it does")
        if not missing and not own:
            # "where was X born?": all the question asks about X is a word the article never uses
            missing = unheard = self._unheard_detail(question, query, top)
        if not missing and question.asks_for in top.entry.gaps:
            # the entry says the article gives no such thing ("it does not name the officials")
            return Reply(text, Outcome.NOT_IN_ARTICLE, answers=(self.answer_for(top.entry, top.score),), notes=notes,
                         message=wording.not_given(question.asks_for),
                         rule=f"not_in_article: the entry gives no {question.asks_for.value} (its gaps)")
        if not missing and not own and (unspoken := self._unspoken_speaker(question, query, top)):
            # "Has X said anything about ...?" answered by an entry that never speaks of X: their words are not in it
            about_them = self.index.search(self.index.query_tokens(unspoken), limit=2)
            offered = [*about_them, *(c for c in whole if all(c.entry is not a.entry for a in about_them))]
            return self._suggestions(text, offered, notes,
                                     f"suggestions: the best entry never speaks of {', '.join(unspoken)}")
        if not missing and not own and responding and (
                others := self._quotes_others(responding, question, query, top)):
            # "how did Silva react to the council's vote?" answered by the council's words, when a near
            # entry is the FAQ's own place for what Silva said (its phrasings ask it): that one answers
            # (it may say the article gives none of her words)
            theirs = next((c for c in whole[1:3] if c.score >= CLOSE_SHARE * top.score
                           and self._asks_words_of_them(c.entry, others) and self._lacking(question, c.entry) is None),
                          None)
            if theirs is not None:
                return self._answer_reply(text, [Pick(theirs)], notes,
                                          "answer: what someone said, from the near entry asking their words")
        if not missing and speaker is not None and not self._gives_words(top.entry):
            # "what does Shell say about the talks?" ranked the entry saying who Shell is above the one
            # giving its words: that one answers, when it is near, speaks of them and misses nothing asked
            named = set(self.normalizer.tokens(" ".join(speaker)))  # none for "she", "they"
            quoting = next((c for c in whole[1:3] if named and c.score >= CLOSE_SHARE * top.score
                            and c.entry.status not in _GAPS and self._gives_words(c.entry)
                            and named <= self._spoken(c.entry) and not self._only_denied(question, query, c.entry)
                            and not self._unanswered_words(question, query, c)
                            and self._lacking(question, c.entry) is None), None)
            if quoting is not None:
                return self._answer_reply(text, [Pick(quoting)], notes,
                                          "answer: what someone said, from the near entry giving their words")
            # "what did Southwest say?" answered by an entry that only lists Southwest among others:
            # it gives no one's words, so what they said is not in it
            return Reply(text, Outcome.NOT_IN_ARTICLE, answers=(self.answer_for(top.entry, top.score),), notes=notes,
                         message=wording.not_said(),
                         rule="not_in_article: what someone said, and the entry gives no one's words")
        if not missing and not own and (denied := self._only_denied(question, query, top.entry)):
            # "how did he respond?" answered by an entry that says "the article does not say how he responded"
            return Reply(text, Outcome.NOT_IN_ARTICLE, answers=(self.answer_for(top.entry, top.score),), notes=notes,
                         message=wording.not_said(),
                         rule=f"not_in_article: the entry's answer speaks of {', '.join(denied)} only to say "
                              "the article does not give it")
        if not missing:
            if not own and self._speaks_to_one_word(query, top):
                # an entry that speaks to one word of a question of three or more is a guess at what is asked
                return self._suggestions(text, whole, notes, "suggestions: unsure (speaks to one word of the question)")
            doubted, lexical_first = self._doubted(query, top, runner_up)
            if doubted:
                # a plain count of the question's words puts this entry far down: ask, do not assert,
                # and offer the entry that count puts first too, scored as the matcher scores it
                offered = [c for c in whole if c.score >= limits.suggest][:limits.max_suggestions]
                if lexical_first is not None and all(c.entry is not lexical_first.entry for c in offered) \
                        and lexical_first.score >= limits.suggest and len(offered) > 1:
                    offered = [*offered[:limits.max_suggestions - 1], lexical_first]
                return self._suggestions(text, offered, notes, "suggestions: a plain word ranking disagrees")
            if chosen and chosen[0].candidate.entry is not top.entry:
                # "What did X confirm, and how does it describe Y?": one part was sure of its own entry,
                # the message as a whole is sure of another; that one answers the rest if the rest's own
                # ranking has it near the top, else it is the words of the two parts mixed
                near = [n for n, best in part_tops.items() if n != chosen[0].part
                        and any(c.entry is top.entry for c in best)]
                if near:  # in the order asked
                    picks = sorted([chosen[0], Pick(top, part=near[0])], key=lambda p: p.part)
                    return self._answer_reply(text, picks, notes, "answer: a sure match, and a question of its own")
                return self._answer_reply(text, chosen, notes, "answer: the clear questions of an unclear message")
            if top.entry.status not in _GAPS and (unspelt := _acronym_unspelt(question.text, top.entry.answer)):
                # "what does NATO stand for?": an entry that speaks of NATO without spelling it out gives no answer
                return Reply(text, Outcome.NOT_IN_ARTICLE, answers=(self.answer_for(top.entry, top.score),),
                             notes=notes, message=wording.not_spelt_out(unspelt),
                             rule=f"not_in_article: the entry never spells out {unspelt}")
            if self._only_to_come(question, query, top.entry):
                # "was the deal actually announced on Monday?": the entry speaks of it only as expected
                return Reply(text, Outcome.NOT_IN_ARTICLE, answers=(self.answer_for(top.entry, top.score),),
                             notes=notes, message=wording.not_said_happened(),
                             rule="not_in_article: asks whether something happened that the entry speaks of only as "
                                  "to come")
            return self._answer_reply(text, [Pick(top)], notes, "answer: a sure match")
        if top.coverage < NEAR_COVERAGE and not unheard and not self._speaks_to_any(question, query, top):
            if chosen and any(question.parts[p.part].is_question for p in chosen):
                # "My dad keeps saying it's done and he'll be insufferable at dinner. Is it announced tonight?":
                # the remark's words reach nothing, the question was sure of its entry on its own
                return self._answer_reply(text, chosen, notes, "answer: the one clear question of a message "
                                          "whose other words nothing near speaks to")
            return Reply(text, Outcome.DECLINE, message=wording.decline_out_of_scope(self.scope), notes=notes,
                         rule=f"decline: nothing near speaks to {', '.join(missing)}")
        if (len(missing) == 1 and runner_up is not None and margin < NEAREST_LEAD
                and self._may_be_a_paraphrase(missing[0], question, query)):
            # one word the article never uses, and two entries as near: likely a word of its own for
            # something the article says ("prohibit" for "ban"), and which entry is meant is a guess;
            # a number or a name the article never gives is no such word
            return self._suggestions(text, whole, notes, f"suggestions: {_NEVER_MENTIONS}{missing[0]}, "
                                     "and two entries are as near", wording.never_mentions_which(missing))
        unchosen = [n for n, part in enumerate(question.parts) if part.is_question
                    and all(p.part != n for p in chosen) and not set(missing).isdisjoint(part.content)]
        near_top = {c.entry.id for c in whole[:NEAR_RANKS]}
        if chosen and unchosen and all(p.candidate.entry is not top.entry and p.candidate.entry.id in near_top
                                       for p in chosen):
            # "how many were displaced + what natural resource is it rich in?": the clear question is
            # answered, and the other is told the article never mentions what it asks, beside the nearest
            # (when the whole message ranks its entry near the top too: not "... and on which beach?"
            # taken for an entry on why whales strand)
            note = wording.part_never_mentions(_as_typed(missing, text, self.normalizer),
                                               question.parts[unchosen[0]].text)
            picks = sorted([*chosen, Pick(top, None, note, unchosen[0], unsaid=True)], key=lambda p: p.part)
            return self._answer_reply(text, picks, notes, "answer: the clear questions, and the article never "
                                                          f"mentions {', '.join(missing)}")
        nearest = self.answer_for(top.entry, top.score)
        # a nearest entry that itself says the article does not say needs no second "does not say"
        says_gap = top.entry.status in _GAPS
        typed = _as_typed(missing, text, self.normalizer)
        return Reply(text, Outcome.NOT_IN_ARTICLE, answers=(nearest,), notes=notes,
                     message=wording.never_mentions(typed) if says_gap else wording.not_in_article_nearest(typed),
                     rule=f"not_in_article: {_NEVER_MENTIONS}{', '.join(missing)}")

    def _unanswered_words(self, question: Analysis, query: QueryTokens, candidate: Candidate,
                          decisive_only: bool = False) -> list[str]:
        """The words that make the question specific that the candidate's entry never speaks of,
        when that decides: a number or a name the article never gives, or half or more of the
        question's specific words. (One missed paraphrase among several covered words does not; a
        date or figure the answer lacks is `_lacking`'s to say.)"""
        title = self._title_tokens.get(candidate.entry.story_id, frozenset())
        asked_about = set(question.informative).difference(question.background)  # the scene is not asked
        specific = [w.lstrip("?") for t, w in zip(query.tokens, query.words)
                    if w.lstrip("?") in asked_about and t not in title]
        missing = [word.lstrip("?") for token, word in zip(query.tokens, query.words)
                   if word.lstrip("?") in asked_about and not self._uses(candidate, token)]
        names = self._name_words(question, query)
        token_of = dict(zip(query.words, query.tokens))
        decisive = [w for w in missing if is_number(w)
                    or (w in names and not self.index.in_documents(token_of.get(w, token_of.get("?" + w, ""))))]
        focus = question.focus
        focus_token = token_of.get(focus, token_of.get(f"?{focus}")) if focus is not None else None
        # a part of a message is left out only for what the article never speaks of at all (the
        # whole message's reply lets a nearer entry speak first, `_match`)
        if (focus is not None and focus_token is not None and not self._uses(candidate, focus_token)
                and not (decisive_only and self.index.in_documents(focus_token))):
            # "which hotel hosted the talks?": an entry that never speaks of hotels picks out none
            missing.extend([] if focus in missing else [focus])
            decisive.append(focus)
        # what is asked about beyond the names ("how did the minister *respond* to the envoy"): none of it covered
        asked = [w for w in specific if w not in names]
        unasked_names = bool(asked) and all(w in missing for w in asked) and len(asked) < len(specific)
        if not decisive and not (unasked_names and not decisive_only) and (
                decisive_only or 2 * len(missing) < len(specific)):
            missing = []
        return missing

    def _unspoken_names(self, question: Analysis, query: QueryTokens, candidate: Candidate) -> list[str]:
        """The names a short who/where/when question is about ("where is X from originally?") that the
        candidate's entry never speaks of, though the article does: such a question is about X, and
        an entry that matched its other word is no answer."""
        about = [w for w in question.informative if w not in question.background]
        if question.kind not in _ABOUT_SOMEONE or len(about) > _FEW_ABOUT:
            return []
        names = self._name_words(question, query)
        token_of = dict(zip(query.words, query.tokens))
        return [w for w in about if w in names and (token := token_of.get(w, "")) and self.index.in_documents(token)
                and not self._uses(candidate, token)]

    def _unspoken_speaker(self, question: Analysis, query: QueryTokens, candidate: Candidate) -> list[str]:
        """The name of the one whose words are asked ("Has George Brandis said ...?") when the
        candidate's entry never speaks of them, though the article does: their words are not in it."""
        speaker = _SPEAKER_ASKED.search(question.text)
        if speaker is None:
            return []
        token_of = dict(zip(query.words, query.tokens))
        named = [(w, token) for w in dict.fromkeys(self.normalizer.content_words(speaker[1]))
                 if (token := token_of.get(w, "")) and self.index.in_documents(token)]
        # an entry speaking of any word of the name speaks of them ("Mayor Ana Silva" in one speaking of Silva)
        return [] if any(self._uses(candidate, token) for _, token in named) else [w for w, _ in named]

    def _right_date_alone(self, question: Analysis, query: QueryTokens,
                          top: Candidate) -> tuple[list[str], Candidate] | None:
        """The day or month a question states that the article never mentions, and the entry giving
        the article's own date for the rest of the question, when the question is about nothing else
        ("was it on a Friday?", "did the outage start in March?")."""
        if question.timeframe is Timeframe.FUTURE:
            return None  # "will there still be delays on Tuesday?" states no date of what happened
        token_of = dict(zip(query.words, query.tokens))
        dates = [w for w in question.content if _value_kind(w, question.text) is Gap.DATE and not is_number(w)
                 and not self.index.in_documents(token_of.get(w, NUMBER))
                 and not re.search(rf"\b(?:this|next|coming|upcoming)\s+{w}\b", question.text, re.IGNORECASE)]
        # and the rest names what it is about ("did this happen in November?" names nothing): a rare
        # word, or a plain one ("was the vote on Tuesday?"), then asked of as "when was the vote?"
        named = [w for w in question.informative if w not in dates]
        plain = [w for w in question.content if w not in dates and w not in QUESTION_WORDS and w not in EVENT_WORDS]
        if not dates or not (named or plain):
            return None
        right = self._right_value(question, query, dates, top, ask_when=not named)
        return None if right is None else (dates, right)

    def _right_value(self, question: Analysis, query: QueryTokens, missing: list[str],
                     top: Candidate, ask_when: bool = False) -> Candidate | None:
        """The entry giving the article's own date or figure, when all the question misses is a date
        or a number it states as known ("it came out in March, right?", "announced at $15 a share"):
        the entry the rest of the question is about most, with a date of its own (or a number of
        the same thing: "$13.50 a share"), corrects it."""
        kinds = {_value_kind(w, question.text) for w in missing}
        if len(kinds) != 1 or None in kinds:
            return None
        kind = kinds.pop()
        counted: list[re.Match[str]] = []
        if kind is Gap.FIGURE:
            # what the number counts: the noun after it ("$15 a share", "5 gunmen"; not "dollars", "million")
            counted = [m for w in missing if (m := _counted_after(w).search(question.text))
                       and m.group(2).lower() not in STOPWORDS]
            if len(counted) != len(missing):
                return None
        rest = [w for w in question.content if w not in missing]
        if not rest:
            return None

        title = self._title_tokens.get(top.entry.story_id, frozenset())
        about_words = [t for t, w in zip(query.tokens, query.words)
                       if kind is Gap.DATE and w.lstrip("?") in rest and t not in title]

        def gives_it(found: Candidate) -> bool:
            if kind is Gap.DATE:  # a weekday anchored "(the article gives no date)" is the article's own
                # ... of what the question is about: most of its words, beyond the story's title
                spoken = sum(self.index.entry_uses(found, t) for t in about_words)
                return DATE_VALUE.search(found.entry.answer) is not None and 2 * spoken >= len(about_words)
            return kind not in found.entry.gaps and all(_counts(found.entry.answer, m) for m in counted)

        limits = self.thresholds
        asked = [*rest, "when"] if ask_when and "when" not in rest else rest
        about = self.index.search(self.index.query_tokens(asked, question.background), limit=5)
        if not about or about[0].score < limits.suggest:
            return None
        # a date: only the entries the rest of the question is about (a date elsewhere in the story is
        # another event's); a number: any entry counting the same thing near
        near = [c for c in about if (kind is Gap.FIGURE and c.score >= limits.suggest)
                or (c.score >= CLOSE_SHARE * about[0].score and c.coverage >= NEAR_COVERAGE)]
        if any(c.entry is top.entry for c in near) and gives_it(top):
            return top
        return next((c for c in near if gives_it(c)), None)

    def _unheard_detail(self, question: Analysis, query: QueryTokens, candidate: Candidate) -> list[str]:
        """The common words of a question about a name that the article never uses and the entry never
        speaks of, when nothing else it asks is spoken of either ("where was X *born*?", "what was
        X's *wife* called?"): the detail asked about X is one the article does not give."""
        names = self._name_words(question, query)
        if not names or not question.is_question or question.kind is QuestionKind.WHY:
            return []  # "why did X say ...?" restates a premise in its own words
        content = set(question.content).difference(question.background, question.informative, names,
                                                   QUESTION_WORDS, PERSON_WORDS, KIND_WORDS, _NO_DETAIL)
        asked = [w for w in question.informative if w not in names and w not in question.background]
        token_of = dict(zip(query.words, query.tokens))
        if any(self._uses(candidate, token_of.get(w, token_of.get(f"?{w}", ""))) for w in asked):
            return []
        return [word for token, word in ((t, w.lstrip("?")) for t, w in zip(query.tokens, query.words))
                if word in content and len(word) >= rarity.MIN_LENGTH and not TIME_WORD.fullmatch(word)
                and not rarity.says_how(word)  # "did X *really* ...", "what *specifically* ..."
                and (rarity.zipf(word) or UNHEARD_ZIPF) < UNHEARD_ZIPF
                and not self.index.in_documents(token) and not self._uses(candidate, token)]

    def _only_to_come(self, question: Analysis, query: QueryTokens, entry: Entry) -> bool:
        """Whether a yes-or-no question asks if something happened ("did they end up voting?", "was the
        deal announced on Monday?") that the entry's answer speaks of only as to come: "would", "could",
        "expected" stand before a word of the question in its clause ("the council would likely vote at
        its next meeting"), and no word of the question is there as done ("two gunmen died, and three
        may have escaped"; "he has not yet agreed")."""
        if (question.kind is not QuestionKind.YES_NO or entry.status in _GAPS or self._say_token in query.tokens
                or not (question.timeframe is Timeframe.PAST or _OUTCOME_ASKED.search(question.text))
                or _TO_COME.search(question.text)):
            return False  # ("was it expected on Sunday?", "did she say she would go?" ask what was said)
        names = self._name_words(question, query)
        asked = {t for t, w in zip(query.tokens, query.words)
                 if w.lstrip("?") in question.content and w.lstrip("?") not in names and t not in QUESTION_WORDS}
        if not asked:
            return False
        spoken = self._spoken(entry)
        if any(t not in spoken and self.index.in_documents(t) and not DATE_VALUE.fullmatch(t) for t in asked):
            return False  # "did X concede on Nov 17?": the article speaks of conceding elsewhere, perhaps as done
        to_come = False
        for clause in _CLAUSE_BREAK.split(entry.answer):
            ahead = _TO_COME.search(clause)
            for word in _WORD_AT.finditer(clause):
                # (a date is one token of two words: "on Nov 17" is asked by "nov17")
                day = _DAY_AFTER.match(clause, word.end())
                if asked.isdisjoint(self.normalizer.tokens(word.group())) and (
                        day is None or asked.isdisjoint(self.normalizer.tokens(word.group() + day.group()))):
                    continue
                if ahead is not None and ahead.start() < word.start():
                    to_come = True  # "could be announced", "would have to vote"
                elif _DONE.fullmatch(word.group()) and not _TO_COME.fullmatch(word.group()):
                    return False  # "declared martial law", "were not notified": told as done (or not)
        return to_come

    def _asked_as_phrased(self, question: Analysis, query: QueryTokens, candidate: Candidate) -> bool:
        """Whether one of the entry's phrasings with the question's own words also asks as it does:
        "which nine piers are shut?" has the words of "are nine piers shut?", not its question (it
        asks for names, which the answer may not give)."""
        if question.asks_for is not Gap.NAMES:
            return True
        return any(self._kind_of(p) is not QuestionKind.YES_NO
                   for p in self.index.phrasings_fitting(candidate, query, EXACT_FIT))

    def _kind_of(self, phrasing: str) -> QuestionKind:
        """What sort of answer one of the knowledge's phrasings asks for, read once."""
        kind = self._phrasing_kinds.get(phrasing)
        if kind is None:  # bounded: the knowledge's own phrasings
            kind = self._phrasing_kinds[phrasing] = self.analyzer.analyze(phrasing).kind
        return kind

    def _lacking(self, question: Analysis, entry: Entry) -> Gap | None:
        """A figure, a date or (asked for in so many words) a name the question asks for that the
        entry's answer does not give, unless the entry says so itself (its `gaps`: its answer then
        says it)."""
        asked = question.asks_for
        if (asked is Gap.NAMES and question.kind in _PICKS_OUT and question.focus and asked not in entry.gaps
                and not self._named_near(entry, question.focus)):
            return asked  # "which journalist ...?" answered by one that speaks of "a journalist" and no name
        if (asked is Gap.NAMES and asked not in entry.gaps and _ASKS_OTHERS.search(question.text)
                and not self._others_named(entry, question)):
            return asked  # "besides X and Y, which other partners ...?": an answer naming only X and Y
        if asked is Gap.NAMES and question.name_asked and asked not in entry.gaps:
            # "what's the name of the spokeswoman?": an answer naming nobody new does not answer it,
            # nor one that speaks of "a short video" when the video's name is asked
            # ("Acme's lawyer" names the firm, not the lawyer: when a name is asked, "the lawyer" is not enough)
            named = self._names_new_to(entry, question)
            return None if named and (question.focus is None or entry.status in _GAPS  # it says it gives none
                                      or self._named_near(entry, question.focus, name_asked=True)) else asked
        if asked is Gap.PLACE and asked not in entry.gaps and self._asks_someones_origin(question):
            # "where is X from?": an answer placing X somewhere else ("flew to the capital") does not say
            return None if _GIVES_ORIGIN.search(entry.answer) else asked
        check = _CHECKED_FACTS.get(asked) if asked is not None else None
        if asked is None or check is None or asked in entry.gaps:
            return None
        exact = _asks_exact(question, asked)
        if exact and asked is Gap.FIGURE:  # "the exact death toll": "tens of thousands" does not give it
            check = gives_exact_figure
        elif exact and not _YEAR_OR_MONTH_ASKED.search(question.text):
            # "the exact date of the vote": "on a Sunday" does not give it ("what day exactly?" it does;
            # "what year exactly?" is given by a year)
            check = gives_calendar_date if _DATE_ASKED.search(question.text) else gives_day
        given = self._gives_fact(entry, asked, check)
        if not given and asked is Gap.FIGURE and not exact and (
                (since := _HOW_LONG_SINCE.search(question.text)) or _HOW_OLD.search(question.text)):
            # "how long has the council debated it?": "since November 2009" answers it with a date,
            # "first took it up in 2009" too; a date alone ("met on May 3") says when, not since when
            began = (_STARTED if since else _FOUNDED).search(entry.answer)
            return None if began and self._gives_fact(entry, Gap.DATE, gives_date) else asked
        if not given and asked is Gap.FIGURE and not exact and _HOW_LONG.search(question.text) \
                and _ONE_SPAN.search(entry.answer):
            # "how far ahead did they see it?": "a week before" gives the span, in words no digit writes
            given = True
        if given and asked is Gap.FIGURE and question.kind is QuestionKind.HOW_MANY and question.focus:
            given = self._counted_near(entry, question.focus)  # "how many stores?": a price is no count of them
        if given and asked is Gap.FIGURE and (whole := _COUNT_OF_STATED.search(question.text)) is not None:
            # "how many of the 1.2 million are police?": the 1.2 million is no answer, only another figure is
            undated = DATE_NUMBERS.sub(" ", entry.answer)  # "its October 7 attack" counts nothing
            figures = {f.casefold().replace(",", "") for f in _FIGURE.findall(undated)}
            given = bool(figures - {whole[1].replace(",", "")})
        return None if given else asked

    def _gives_fact(self, entry: Entry, kind: Gap, check: Callable[[str], bool]) -> bool:
        """Whether the entry's answer gives a fact of that kind, as `check` reads it (worked out once per
        entry, kind and check, when first asked)."""
        key = (entry.id, kind, check)
        given = self._gives.get(key)
        if given is None:
            given = self._gives[key] = check(entry.answer)
        return given

    def _counted_near(self, entry: Entry, focus: str) -> bool:
        """Whether the entry's answer gives a number for the thing a "how many" question counts
        ("28 sheep", "two of the tower's supports") wherever it speaks of it; an answer that never
        speaks of it is the focus check's business."""
        token = tuple(self.normalizer.tokens(focus))
        if not token or not self._spoken(entry).issuperset(token):
            return True
        known = self._counted.get((entry.id, token))
        if known is None:  # bounded: only things the answer speaks of are kept
            spots = self._spots(entry.answer, token)
            undated = DATE_NUMBERS.sub(lambda m: " " * len(m.group()), entry.answer)  # "in 2019, inspectors ..."
            known = self._counted[(entry.id, token)] = not spots or any(
                _COUNT_BEFORE.search(undated, max(0, start - COUNT_NEAR), start)
                or (undated[end - 1] in "sS" and _COUNT_OF.match(undated, end))
                or (_VOTE_WORD.match(undated, start) and _TALLY_AFTER.match(undated, end)) for start, end in spots)
        return known

    def _spoken(self, entry: Entry) -> frozenset[str]:
        """The tokens the entry's answer speaks of (worked out once per entry, when first needed)."""
        spoken = self._answer_tokens.get(entry.id)
        if spoken is None:
            spoken = self._answer_tokens[entry.id] = frozenset(self.normalizer.tokens(entry.answer))
        return spoken

    def _speaker_asked(self, text: str, top: Candidate, asking: re.Pattern[str] | None = None) -> list[str] | None:
        """The words naming whoever a message asks the words of ("what did Silva say?"; with
        `asking`, whatever else it asks of them: a response), None when it asks none, or what the
        article or its outlet says ("what does the last line say?", "what does RT's report say?")."""
        asked = (asking or _WORDS_ASKED).search(text)
        if asked is None:
            return None
        publisher = self.knowledge.story(top.entry.story_id).publisher.lower()
        subject = [w.strip("'").removesuffix("'s") for w in asked[1].lower().split()]
        if any(_the_text_itself(w) or (len(w) > 1 and w in publisher.split()) for w in subject):
            return None
        return subject

    def _unheard_speaker(self, subject: list[str], query: QueryTokens, top: Candidate) -> list[str]:
        """The words naming whoever a message asks the words of (`_speaker_asked`: "what do the
        pollsters say?") when neither the article nor the top entry speaks of any of them."""
        if subject[0] in _PRONOUNS:  # "what did he exactly say?": "exactly" is no one
            return []
        token_of = dict(zip(query.words, query.tokens))
        named = {w: token_of.get(w, token_of.get("?" + w, "")) for w in self.normalizer.content_words(" ".join(subject))
                 if (w in token_of or "?" + w in token_of) and not w.endswith("ly")}  # "the mayor personally"
        if not named:
            return []
        # whoever it is, by the last word that names them ("the ferry *union*": the article speaking of
        # ferries is not speaking of it)
        head, token = list(named.items())[-1]
        return [] if self.index.in_documents(token) or self._uses(top, token) else [head]

    def _quotes_others(self, subject: list[str], question: Analysis, query: QueryTokens,
                       candidate: Candidate) -> set[str]:
        """The tokens naming whoever a message asks the words or response of ("what did Silva say
        about the vote?") when the candidate's entry gives the words of someone it cites by name and
        never names them in its answer, its sources or a phrasing asking words: perhaps someone else's."""
        if subject[0] in _PRONOUNS:
            return set()
        entry = candidate.entry
        if entry.status in _GAPS:  # it says what the article does not give: perhaps theirs
            return set()
        cited = [s.cited for s in entry.sources
                 if s.cited.split() and not _the_text_itself(s.cited.lower().split()[-1])]
        if not cited or not self._gives_words(entry):
            return set()
        names = self._name_words(question, query)
        token_of = dict(zip(query.words, query.tokens))
        named = {token for w in self.normalizer.content_words(" ".join(subject))
                 if w in names and (token := token_of.get(w, "")) and self.index.in_documents(token)}
        if not named:
            return set()
        spoken = self._spoken(entry) | set(self.normalizer.tokens(" ".join(cited)))
        return set() if named & spoken or self._asks_words_of_them(entry, named) else named

    def _asks_words_of_them(self, entry: Entry, named: set[str]) -> bool:
        """Whether one of an entry's phrasings asks the words or response of someone the tokens name
        ("how did Silva react?"): the FAQ's own place for what they said. Whoever a phrasing asks of is
        read by the last word naming them ("what did Silva's aide say?" asks the aide's words)."""
        heads = self._words_asked_of.get(entry.id)
        if heads is None:  # read once per entry (bounded: the knowledge's own entries)
            found: set[str] = set()
            for phrasing in entry.phrasings:
                asked = _WORDS_ASKED.search(phrasing) or _REACTION_ASKED.search(phrasing)
                if asked is not None and (head := self.normalizer.tokens(asked[1])[-1:]):
                    found.add(head[0])
            heads = self._words_asked_of[entry.id] = frozenset(found)
        return not heads.isdisjoint(named)

    def _asks_words_of(self, question: Analysis, query: QueryTokens, top: Candidate, other: Entry) -> bool:
        """Whether a question asks what someone said, `other`'s own question asks that too, and the top
        entry's asks who someone is: "What did X say?" against "Who is X?". (Not "what does the
        article say X's job is?": the article's words, not someone's; "who is X warning?" is left alone.)"""
        if self._say_token not in query.tokens or (
                _WORDS_ASKED.search(question.text) is not None and self._speaker_asked(question.text, top) is None):
            return False
        return (self._say_token in self.normalizer.tokens(other.question)
                and _WHO_IS.match(top.entry.question) is not None
                and self._say_token not in self.normalizer.tokens(top.entry.question))

    def _gives_words(self, entry: Entry) -> bool:
        """Whether an entry gives anyone's words or speaks of what they said (a quotation, a verb of
        saying outside the article's own "says"), or its phrasings ask what someone said."""
        said = _ARTICLE_SAYS.sub(" ", entry.answer)
        if _REPORTED_SPEECH.search(said) or _SAYING.search(said):
            return True
        return any(self._say_token in self.normalizer.tokens(p) for p in (entry.question, *entry.alternates))

    def _only_denied(self, question: Analysis, query: QueryTokens, entry: Entry) -> list[str]:
        """The words of what is asked that the entry's answer speaks of only to say the article does
        not say them ("The article does not say ... how he responded")."""
        denied = self._denied.get(entry.id)
        if denied is None:  # worked out once per entry, when first asked
            # what the answer says outside its denials, the article's own "says" aside ("The article says X is ...")
            said = _ARTICLE_SAYS.sub(" ", _DENIAL.sub(" ", entry.answer))
            # what the entry's own phrasings ask about is what its answer answers, denial or not
            claimed = {t for phrasing in (entry.question, *entry.alternates) for t in self.normalizer.tokens(phrasing)}
            spoken = {*self.normalizer.tokens(said), *claimed, *self._title_tokens.get(entry.story_id, ())}
            if _REPORTED_SPEECH.search(said):  # "X stressed that ...", a quotation: someone's words are given
                spoken.update(self.normalizer.tokens("say"))
            denials = _DENIAL.findall(entry.answer)
            unsaid = set(self.normalizer.tokens(" ".join(denials)))
            if any(_QUOTES_NO_ONE.match(denial) for denial in denials):  # "it does not quote him": gives no words
                unsaid.update(self.normalizer.tokens("say"))
            denied = self._denied[entry.id] = frozenset(unsaid - spoken)
        if not denied:
            return []
        # a question asks about all its words ("what did X *say*?"); a remark or an instruction only its rare ones
        asked = set(question.content if question.is_question else question.informative).difference(
            question.background, QUESTION_WORDS - _SPEECH_QUESTION_WORDS)  # "who", "when": no word of what is asked
        if question.focus is not None:
            asked.add(question.focus)
        return [word.lstrip("?") for token, word in zip(query.tokens, query.words)
                if word.lstrip("?") in asked and token in denied]

    def _named_near(self, entry: Entry, focus: str, name_asked: bool = False) -> bool:
        """Whether the entry's answer may name the thing a "which" question asks about: not when it
        speaks of it only as "a journalist", "an aide", "some officials" with no name beside it
        ("journalist Tom Reyes", "Reyes, a journalist" name one); when its name is asked in so many
        words, not when it speaks of it only as "the journalist" either."""
        token = tuple(self.normalizer.tokens(focus))
        if not token or not self._spoken(entry).issuperset(token):
            return True  # the answer never speaks of it: what it names is its own business
        known = self._named.get((entry.id, token, name_asked))  # bounded: only words the answer speaks of
        if known is None:
            known = self._named[(entry.id, token, name_asked)] = self._names_beside(entry.answer, token, name_asked)
        return known

    def _names_beside(self, answer: str, token: tuple[str, ...], name_asked: bool = False) -> bool:
        """`_named_near` worked out for a thing the answer speaks of, reading its words in order."""
        spots = self._spots(answer, token)
        if not spots:
            return True
        introduced = False  # "a local firm ... the firm": the second is the first again
        for start, end in spots:
            before = answer[max(0, start - NAME_NEAR):start]
            words_before = [w.lower() for w in _WORD_AT.findall(before)[-INDEFINITE_REACH:]]
            named_before = _NAME_BEFORE.search(before)
            named_after = _NAME_AFTER.match(answer, end)
            if any(found and _is_name(found[1]) for found in (named_after, named_before)):
                return True  # "In March, a journalist ...": a month is no name
            if _counted_not_named(words_before):
                # "nine piers" names none, unless a list follows ("seven firms at the talks: Acme, ...",
                # "four or five operators, such as Portsea Ferries")
                listed = _LISTED_AFTER.match(answer, end)
                if listed and _is_name(listed[1]):
                    return True
                introduced = True
            elif _INDEFINITE.intersection(words_before):
                introduced = True
            elif not introduced and not name_asked:
                return True  # "the journalist", "aid groups": whether it is named is not for this check
        return False

    def _spots(self, answer: str, token: tuple[str, ...]) -> list[tuple[int, int]]:
        """Where an answer writes a thing, in order: in one word or in two or three ("trade fair" for
        the story's "tradefair"), never starting or ending with a stop word ("a trade fair" is at "trade")."""
        words = list(_WORD_AT.finditer(answer))
        counts = [bool(self.normalizer.tokens(w.group())) for w in words]
        return sorted((words[i].start(), words[i + size - 1].end()) for size in (1, 2, 3)
                      for i in range(len(words) - size + 1) if counts[i] and counts[i + size - 1]
                      and tuple(self.normalizer.tokens(answer[words[i].start():words[i + size - 1].end()])) == token)

    @staticmethod
    def _kind_of_fact(question: Analysis, lacking: Gap) -> str:
        """How a reply names the fact a question asked for and its answer lacks."""
        if not _asks_exact(question, lacking):
            return wording.KIND_OF_FACT[lacking]
        return wording.AN_EXACT_DATE if lacking is Gap.DATE else wording.AN_EXACT_FIGURE

    def _asks_someones_origin(self, question: Analysis) -> bool:
        """Whether a question asks where a person is from ("where's Ana Silva from?", "where is he
        from originally?"), not where a thing comes from ("where is the money from?")."""
        found = _WHERE_FROM.search(question.text)
        if found is None:
            return False
        subject = found.group(1).lower().split()
        names = {w.lower() for n in question.names for w in n.split()}
        # a name typed in lower case ("where is silva from?"): a name of the article that is no English word
        return any(w in names or w in _PERSONAL or w in PERSON_WORDS
                   or (not rarity.is_english(w) and self._proper_names.intersection(self.normalizer.tokens(w)))
                   for w in subject)

    def _only_question_of(self, top: Candidate, whole: list[Candidate], query: QueryTokens) -> bool:
        """Whether a one-word question's word is in the top entry's own `question` and in no other
        near entry's: the FAQ's own question for that word."""
        asked = set(query.tokens)
        if len(asked) != 1:
            return False
        return asked <= set(self.normalizer.tokens(top.entry.question)) and not any(
            asked <= set(self.normalizer.tokens(c.entry.question)) for c in whole[1:])

    def _claims_bare(self, entry: Entry, query: QueryTokens) -> bool:
        """Whether one of the entry's phrasings is the question's one word, give or take a small one
        (or the word is a name, which any phrasing speaking of it claims)."""
        asked = set(query.tokens)
        if asked <= self._proper_names:
            return True  # a name: what is left of "what did Obama do" is a question about Obama
        return any(len(self.normalizer.words(p)) <= BARE_PHRASING_WORDS and set(self.normalizer.tokens(p)) == asked
                   for p in entry.phrasings)

    def _best_asked_part(self, question: Analysis, tops: dict[int, list[Candidate]]) -> list[Candidate]:
        """The ranking of the message's question (of its parts that ask something) coming nearest an
        entry, if it comes near enough to offer ("did you mean"); empty otherwise. `tops`: each part's
        best entries, as `_several` ranked them."""
        asked = [(best[0].score, n) for n, best in tops.items() if best and question.parts[n].is_question
                 and not question.parts[n].instruction and question.parts[n].smalltalk is None]
        if not asked:
            return []
        score, number = max(asked)
        part, ranked = question.parts[number], tops[number]  # (no second ranking: it is a long message's time)
        query = self.query(part)
        # (and it speaks to the name or rare word the question turns on: "... who is the mayor of Paris?"
        # comes near no other town's mayor)
        if (score < self.thresholds.suggest or not ranked or self._off_topic(part, ranked[0])
                or self._unanswered_words(part, query, ranked[0], decisive_only=True)
                or self._unspoken_names(part, query, ranked[0])):
            return []
        return ranked

    def _bare_name_entry(self, question: Analysis, query: QueryTokens, ranked: list[Candidate],
                         vague: bool) -> Candidate | None:
        """The "Who is X?" entry a bare name asks for: when one vague word leaves the best match
        unsure, or when the best match fits only because one of its phrasings shrinks to the name
        once its small words are dropped ("how did Silva explain it"), unless it lists the name as
        typed. There X must be the name asked, word for word ("Who is the mayor of Porto?" is no
        "Who is Porto?")."""
        if vague:
            return self._who_is(query, ranked)
        top = ranked[0]
        if top.fit < 0.99 or _WHO_IS.match(top.entry.question):
            return None
        who = self._who_is(query, ranked)
        if (who is None or set(query.tokens) != set(self.normalizer.tokens(_WHO_IS.sub("", who.entry.question, 1)))
                or len(self.normalizer.words(question.text)) != len(query.tokens)  # a word was dropped
                or _claims_as_written(top.entry, question.text)):
            return None
        return who

    def _role_asked(self, question: Analysis) -> tuple[Candidate, list[str]] | None:
        """For "is X the harbour master?" or "X is Portsea's deputy mayor, right?" about someone
        a "Who is X?" entry is written for: that entry, and the words of the role it never uses (none:
        it answers; some: the article does not call them that, and the entry says who they are)."""
        asked = _ROLE_ASKED.match(question.text)
        if asked is None:
            return None
        name = self.normalizer.tokens(asked.group("name") or asked.group("subject"))
        role = [w for w in self.normalizer.content_words(asked.group("role") or asked.group("predicate"))
                if w not in name]
        if not name or not set(name) <= self._proper_names or not role or len(role) > _FEW_ROLE_WORDS:
            return None
        named = self.index.query_tokens(list(name))
        who = self._who_is(named, self.index.search(named, limit=5))
        if who is None or set(named.tokens).isdisjoint(self.normalizer.tokens(who.entry.question)):
            # the entry asks who they are of that name ("is Portsea a town of islands?" is no question
            # about Portsea's mayor, whose entry speaks of Portsea)
            return None
        unsaid = [w for w in role if not any(self._uses(who, t) for t in self.normalizer.tokens(w))]
        return who, unsaid

    def _who_is(self, query: QueryTokens, ranked: list[Candidate]) -> Candidate | None:
        """The entry saying who a bare name is ("Who is X?"), for a question that is only that name."""
        named = set(query.tokens)
        if not named or not named <= self._proper_names:  # "Abella's version?" asks for more than who
            return None
        found = [c for c in ranked if _WHO_IS.match(c.entry.question) and all(self._uses(c, t) for t in named)
                 and c.score >= self.thresholds.suggest]
        return found[0] if len(found) == 1 else None

    def _name_words(self, question: Analysis, query: QueryTokens) -> set[str]:
        """The question's words that are names: capitalised in it, or names in the article."""
        names = {w for n in question.names for w in self.normalizer.name_words(n)}
        names.update(w.lstrip("?") for t, w in zip(query.tokens, query.words) if t in self._proper_names)
        return names

    def _may_be_a_paraphrase(self, word: str, question: Analysis, query: QueryTokens) -> bool:
        """Whether a word the article never uses may be the asker's own word for something it says
        ("prohibit" for "ban"): an English word, not a number, a name, or a date or figure asked for."""
        return (word not in (*wording.KIND_OF_FACT.values(), wording.AN_EXACT_FIGURE, wording.AN_EXACT_DATE)
                and not is_number(word) and rarity.is_english(word) and word not in self._name_words(question, query))

    def _off_topic(self, question: Analysis, best: Candidate | None) -> bool:
        """Whether a question names another subject (the story's `vocabulary.off_topic`) that its
        best entry does not explain."""
        named = chat.off_topic_words(list(question.content), self.off_topic, self.index.known_tokens,
                                     self.normalizer.concept)
        return bool(named) and (best is None or best.coverage < OFF_TOPIC_COVERAGE)

    def _speaks_to_one_word(self, query: QueryTokens, candidate: Candidate) -> bool:
        """Whether the candidate speaks to only one of the three or more words a question weighs."""
        asked = set(query.tokens) - self._until_now  # "how many X so far?" asks of one thing, X
        return len(asked) >= THIN_QUESTION_WORDS and sum(1 for t in asked if self._uses(candidate, t)) <= 1

    def _names_new_to(self, entry: Entry, question: Analysis) -> bool:
        """Whether an entry's answer names someone or something the question does not already name."""
        names = self._answer_names.get(entry.id)
        if names is None:
            names = self._answer_names[entry.id] = frozenset(
                names_in(entry.answer, lambda w: self.normalizer.concept(w) in self._proper_names))
        return bool(names.difference(_plain_words(question.text)))

    def _others_named(self, entry: Entry, question: Analysis) -> bool:
        """Whether the entry's answer names anyone or anything beyond what the question names: a
        full name counts as the question's when any word of it is the question's ("besides the
        governor, who ...?" sets aside "Governor Jane Doe")."""
        asked = _plain_words(question.text)
        # the answer's names as `names_in` reads them (no sentence's first word, no month), whole
        names = set(names_in(entry.answer, lambda w: self.normalizer.concept(w) in self._proper_names))
        return any(not asked.intersection(words) and names.intersection(words)
                   for words in ([w.lower().removesuffix("'s") for w in full.split()]
                                 for full in _FULL_NAME.findall(entry.answer)))

    def _speaks_to_any(self, question: Analysis, query: QueryTokens, candidate: Candidate) -> bool:
        """Whether the candidate speaks of at least one specific word of the question."""
        specific = set(question.informative)
        return any(word in specific and self._uses(candidate, token)
                   for token, word in zip(query.tokens, query.words))

    def _uses(self, candidate: Candidate, token: str) -> bool:
        """Whether the candidate speaks of `token`; every entry speaks of its story's title words
        ("the bridge" in a story about a bridge). NUMBER and YEAR stand for one the article never gives."""
        if token in (NUMBER, YEAR):
            return False
        return token in self._title_tokens.get(candidate.entry.story_id, ()) or self.index.entry_uses(candidate, token)

    def _suggestions(self, text: str, ranked: list[Candidate], notes: tuple[str, ...], rule: str,
                     message: str | None = None) -> Reply:
        limits = self.thresholds
        picks = [c for c in ranked if c.score >= limits.suggest][: limits.max_suggestions]
        if not picks:
            return Reply(text, Outcome.DECLINE, message=wording.decline_out_of_scope(self.scope), notes=notes,
                         rule="decline: nothing to suggest")
        suggestions = tuple(Suggestion(c.entry.id, c.entry.question, c.score) for c in picks)
        return Reply(text, Outcome.SUGGESTIONS, suggestions=suggestions,
                     message=message or wording.suggestions_intro(len(suggestions)), notes=notes, rule=rule)

    def _only_remarks_miss(self, question: Analysis, pick: Pick, missing: list[str]) -> bool:
        """Whether the words the best entry misses are those of the message's asides, its other parts
        (the asker's own doings: "I'm putting a summary together for our channel", no claim, nothing
        asked about): the part `pick` answered misses none of them asked on its own."""
        part = question.parts[pick.part]
        remarks = [p for n, p in enumerate(question.parts) if n != pick.part]
        named = {w.lower() for p in remarks for name in p.names for w in name.split()}
        return (all(not p.is_question and _ASIDE.match(p.text) and not _PREMISE.search(p.text)
                    and not _ASKS_ABOUT.search(p.text) for p in remarks)
                and named.isdisjoint(missing)  # ("my bridge is the Tyne bridge. how long is it closed?")
                and any(w not in part.content for w in missing)
                and not self._unanswered_words(part, self.query(part), pick.candidate))

    def _several(self, parts: list[Analysis] | tuple[Analysis, ...],
                 tops: dict[int, list[Candidate]] | None = None) -> list[Pick]:
        """The best confident match of each part, distinct entries, in the order asked; a part whose
        best match does not speak to what the part asks, or that a plain word ranking puts far down,
        is left out. A part asking for a date or figure its answer lacks, or for what its answer says
        the article does not say, carries a note saying so. `tops`, when given, gets each part's
        two best entries, answered or not."""
        chosen: list[Pick] = []
        named: set[str] = set()  # names the parts before this one gave
        asked_before: set[str] = set()  # the content words of the parts before this one
        for number, part in enumerate(parts):
            if not part.is_question and len(set(part.content)) < 2:
                continue  # "just saw this - ...", "I read the article - ...": a remark of one word asks nothing
            if not part.is_question and part.smalltalk is not None:
                continue  # "good morning! ...", "... ty in advance": a greeting or thanks asks nothing either
            if not part.is_question and number and set(part.content) <= asked_before:
                continue  # "what's Ana's number? need to tell her something": a remark adding no word of its own
            query = self.query(part)
            taken = {p.candidate.entry.id for p in chosen}
            asked_before.update(part.content)
            ranked = self.ranked(part, query, limit=2)
            if tops is not None:
                tops[number] = ranked
            if ranked and part.is_question and not part.background and (remark := next(
                    (p for p in chosen if p.candidate.entry.id == ranked[0].entry.id
                     and not parts[p.part].is_question and not _PREMISE.search(parts[p.part].text)
                     and p.candidate.score + CLEAR_LEAD <= ranked[0].score), None)) is not None:
                # "... I know this is just a news article. but what could happen with immigration staff?": the remark
                # came nearer nothing than the question does to the entry it reached first; the question has it,
                # if sure of it (else the remark keeps it)
                taken.discard(remark.candidate.entry.id)
            else:
                remark = None
            if (ranked and ranked[0].entry.id in taken and set(part.names) <= named
                    and (len(ranked) < 2 or ranked[0].score - ranked[1].score >= CLEAR_LEAD)):
                continue  # "why is she against it? what's her reasoning?": the same question again
            named.update(part.names)
            # a part whose best entry another part already took gets its own next best, if sure of it
            found = [c for c in ranked if c.entry.id not in taken]
            if not found:
                continue
            best = found[0]
            if self._off_topic(part, best):
                continue  # "... also will it rain during the talks?": not a question about the story
            if (best.score >= self.thresholds.answer and best.coverage >= self.thresholds.min_coverage
                    and not self._unanswered_words(part, query, best, decisive_only=True)
                    and not self._unspoken_names(part, query, best)
                    and not self._doubted(query, best, found[1] if len(found) > 1 else None)[0]
                    and not _coin_flip(best, found[1] if len(found) > 1 else None)):
                # a "when ...?" whose answer gives no date (not a claim heard and passed on: "a friend told me the
                # county killed the whole toll plan" asks for no figure)
                hearsay = not part.is_question and _HEARSAY.search(part.text) is not None
                lacking = None if hearsay else self._lacking(part, best.entry)
                said = part.asks_for if not hearsay and part.asks_for in best.entry.gaps else None
                note = (wording.part_not_given(lacking, part.text, _asks_exact(part, lacking))
                        if lacking else None)
                unsaid = not (said or lacking) and bool(self._only_denied(part, query, best.entry))
                if unsaid:  # "... and how did he respond?": "the article does not say how he responded"
                    note = wording.part_not_said(part.text)
                elif part.opinion and not (said or lacking):  # "... and do you think it will hold?"
                    unsaid, note = True, wording.part_no_opinion(part.text)
                if remark is not None:
                    chosen.remove(remark)
                chosen.append(Pick(best, said or lacking, note, number, unsaid))
        return sorted(chosen, key=lambda pick: pick.part)[: self.thresholds.max_answers]

    def _doubted(self, query: QueryTokens, candidate: Candidate,
                 runner_up: Candidate | None) -> tuple[bool, Candidate | None]:
        """Whether a plain BM25 ranking of the question's words puts the candidate's entry below its
        top LEXICAL_TOP, and the entry that ranking puts first, scored as `search` scores it. Never
        asked for a question that is one of the entry's own phrasings, nor for a clear lead over
        the runner-up (the second opinion is a cost: a pass over every entry sharing a word)."""
        if _own_phrasing(query, candidate) or (runner_up is None or candidate.score - runner_up.score >= CLEAR_LEAD):
            return False, None
        rank, first = self.index.lexical_opinion(query, candidate)
        if rank < LEXICAL_TOP:
            return False, None
        return True, (self.index.score(query, first) if first is not None else None)

    def _answer_reply(self, question: str, picks: list[Pick], notes: tuple[str, ...], rule: str) -> Reply:
        notes = (*notes, *(p.note for p in picks if p.note))
        answers = [self.answer_for(p.candidate.entry, p.candidate.score) for p in picks]
        shown = {a.entry_id for a in answers}  # never suggest as related what is already answered
        answers = [replace(a, related=tuple(r for r in a.related if r.entry_id not in shown)) for a in answers]
        # a part asking for what its entry says the article does not give is answered by a gap too
        only_gaps = all(a.status in _GAPS or p.lacks is not None or p.unsaid
                        for a, p in zip(answers, picks, strict=True))
        outcome = Outcome.NOT_IN_ARTICLE if only_gaps else Outcome.ANSWER
        if outcome is Outcome.NOT_IN_ARTICLE:
            why = ("its status: the article gives no answer" if all(a.status in _GAPS for a in answers)
                   else "the article gives no answer to what each asks")
            rule = rule.replace("answer:", "not_in_article:", 1) + f" ({why})"
        return Reply(question, outcome, answers=tuple(answers), notes=notes, rule=rule)

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
        outcome = Outcome.NOT_IN_ARTICLE if entry.status in _GAPS else Outcome.ANSWER
        return Reply(entry.question, outcome, answers=(self.answer_for(entry),))


_NOT_NAMES = frozenset("the a an i it he she they this that these those there according but and or in on at "
                       "for of to as if its his her their our we you".split())


def _the_text_itself(word: str) -> bool:
    """Whether a word names the article or a part of it, as typed ("artical", "the reprot")."""
    return word in _THE_TEXT_ITSELF or (len(word) >= 5 and any(
        len(t) >= 5 and fuzz.ratio(word, t) >= 80 for t in _THE_TEXT_ITSELF))


def _plain_words(text: str) -> set[str]:
    """Lower-case words as written, possessives dropped: "Bassi's boat" -> bassi, boat."""
    return {w.removesuffix("'s") for w in re.findall(r"[a-z][\w']*", text.lower().replace("\u2019", "'"))}


_SENTENCE_OPENER = re.compile(r"(?:^|(?<=[.!?]\s))([A-Z][a-z]+)")
_ACRONYM_IN_TEXT = re.compile(r"\b[A-Z]{2,5}\b")  # "FDA", "CIA", "IGAD" in the article's text
ACRONYM_AS_WORD_ZIPF = 4.5  # an acronym English uses this often as a word ("us", "who", "it") is that word


def names_in(answer: str, is_name: Callable[[str], bool]) -> list[str]:
    """The names an answer gives, in lower case: its capitalised words inside a sentence ("The
    article says Tom Forte ..." -> forte), and a sentence's first word when `is_name` says it is
    one ("Silva added ..."); months and weekdays are times, not names."""
    openers = [w for w in _SENTENCE_OPENER.findall(answer) if is_name(w.lower())]
    return [low for word in (*proper_names(answer), *openers)
            if (low := word.lower().removesuffix("'s")) not in _NOT_NAMES and not TIME_ANCHOR.fullmatch(word)]


def gives_figure(answer: str) -> bool:
    """Whether an answer gives a number, in digits or words ("19", "thousands", "a four-year war");
    a year or a day of a month ("in 2014", "on March 3") is a date, not the figure "how many" asks for."""
    text = _PRONOUN_ONE.sub(" ", DATE_NUMBERS.sub(" ", answer))  # "quotes no one" gives no figure
    return any(ch.isdigit() for ch in text) or any(w in NUMBER_WORDS for w in _number_words(text))


# "one" as a pronoun, not a count: "no one", "anyone", "the one they asked", "which one?", "one of the
# biggest investors" (not "that one person", "one of the ferries")
_PRONOUN_ONE = re.compile(r"\b(?:no|any|every|some|each|the|which)[\s-]*one\b"
                          r"|\bone\s+of\s+(?:the|its|his|her|their|our)\s+(?:world's\s+)?"
                          r"(?:most|\w+est|few|leading|major|top|best|worst)\b"
                          r"|\b(?:this|that)\s+one\b(?=\s+who\b|\s*[^\w\s]|\s*$)", re.IGNORECASE)


def gives_exact_figure(answer: str) -> bool:
    """Whether an answer gives an exact number ("14", "twenty-one"), not only a rough one
    ("thousands", "dozens", "about a thousand", "nearly 40")."""
    text = _ROUGHLY.sub(" ", DATE_NUMBERS.sub(" ", answer))
    return any(ch.isdigit() for ch in text) or any(
        w in NUMBER_WORDS and not w.endswith("s") and w not in ("half", "one") for w in _number_words(text))


def _number_words(text: str) -> list[str]:
    """A text's words in lower case, hyphenated ones split ("twenty-one", "four-year")."""
    return [w.lower() for w in _NUMBER_WORD_SPLIT.split(text) if w]


def _coin_flip(best: Candidate, runner_up: Candidate | None) -> bool:
    """Whether picking a part's best entry over the runner-up is a coin flip: an exact tie, where
    the order of ids would decide ("whats the repair bill" is as much the entry on the repairs as
    the one on their cost). A whole message asks back on a tie too (`Answerer._match`)."""
    return runner_up is not None and best.score <= runner_up.score


def _asks_exact(question: Analysis, lacking: Gap | None) -> bool:
    """Whether the figure or date a question asks for is asked for exactly ("the exact toll", "what date exactly")."""
    return lacking in (Gap.FIGURE, Gap.DATE) and question.exact


# The article's own date, written into an answer to anchor it ("(the report is dated July 12, 2015)"):
# no date of what the answer speaks of
_DATED_NOTE = re.compile(r"\([^()]*\b(?:dated|article|report|story)\b[^()]*\)", re.IGNORECASE)
_DATE_ASKED = re.compile(r"\bdates?\b", re.IGNORECASE)
_YEAR_OR_MONTH_ASKED = re.compile(r"\b(?:years?|months?)\b", re.IGNORECASE)
_DAY_NAMED = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)}|today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)


def gives_calendar_date(answer: str) -> bool:
    """Whether an answer gives a day of the calendar ("on June 10"), the article's own date aside."""
    return CALENDAR_DATE.search(_DATED_NOTE.sub(" ", answer)) is not None


def gives_day(answer: str) -> bool:
    """Whether an answer gives a day ("on Sunday", "yesterday", "on June 10"), the article's own date aside."""
    text = _DATED_NOTE.sub(" ", answer)
    return CALENDAR_DATE.search(text) is not None or _DAY_NAMED.search(text) is not None


def _counted_after(number: str) -> re.Pattern[str]:
    """The noun after a number, what it counts: "15" in "$15 a share" counts shares, "5 gunmen" gunmen
    (past a currency or a size: "15 dollars per share", "$10 billion in cash")."""
    return re.compile(rf"(?<![\w.]){re.escape(number)}(?![\w.])[\s$%-]*((?:{_NOT_COUNTED}\s+)*)"
                      rf"(?!{_NOT_COUNTED}\b)([a-z]{{3,}})", re.IGNORECASE)


_NUMBER_WORDS = NUMBER_WORDS | set(SPELLED_NUMBERS)
_SIZES = frozenset("thousand million billion trillion".split())
_DIGITS = r"\d(?:[\d,.]*\d)?"


def _any_of(words: Iterable[str]) -> str:
    """A regex alternation of words, the longest first."""
    return "|".join(sorted(words, key=len, reverse=True))


_NUMBER = r"(?:\d[\d,.]*|" + _any_of(_NUMBER_WORDS) + ")"
# a figure counting something: "250", "two", "one", "half", "a dozen"; not a scale ("1.2 million" is the 1.2)
_COUNTING_WORDS = _NUMBER_WORDS - _SIZES - {"trillions", "billions", "millions", "thousands", "hundreds", "hundred",
                                            "dozens", "percent"}
_FIGURE = re.compile(rf"\b(?:{_DIGITS}|{_any_of(_COUNTING_WORDS)})\b", re.IGNORECASE)
# a count asked of part of a figure the question gives itself ("how many of the 250 hostages ...")
_COUNT_OF_STATED = re.compile(rf"\bhow (?:many|much) of (?:the |those |these |all |all the |that )?({_DIGITS})",
                              re.IGNORECASE)


def _counts(answer: str, counted: re.Match[str]) -> bool:
    """Whether an answer gives a number of the thing a question's number counts: "between $13.50 and
    $13.75 a share", "Two gunmen died" (a number a few words before the noun, or its plural), or a
    number of the same size ("a nation of 160 million" for "16 million people")."""
    noun = counted.group(2)
    stem = re.escape(noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun)
    if re.search(rf"\b{_NUMBER}\b\W+(?:[\w$%-]+\W+){{0,4}}{stem}", answer, re.IGNORECASE):
        return True
    sizes = _SIZES.intersection(counted.group(1).lower().split())
    return any(re.search(rf"\b{_NUMBER}\s+{size}\b", answer, re.IGNORECASE) for size in sizes)


# Words between a number and what it counts: "15 dollars a share", "$10 billion of the cash"
_NOT_COUNTED = (r"(?:a|an|per|of|the|in|dollars?|bucks|usd|euros?|pounds?|cents?|percent|thousand|million|billion"
                r"|trillion|bn|m|k)")
# A month is a date after a word placing it in time or before a day ("in March", "March 3"), not a
# name ("what did June say?")
_MONTH_AS_DATE = r"(?:\b(?:in|on|by|since|until|till|last|next|this|early|late|mid|from|of|back)\s+{0}\b|\b{0}\s+\d)"


def _value_kind(word: str, text: str) -> Gap | None:
    """Whether a word of the question is a date ("in March", "Monday", "in 2019") or a figure ("15",
    "2000 people"), or neither ("may" is no month here: it is mostly a verb; "June" alone a name)."""
    if word in WEEKDAYS:
        return Gap.DATE
    if word in MONTHS:
        return Gap.DATE if re.search(_MONTH_AS_DATE.format(word), text, re.IGNORECASE) else None
    if DATE_NUMBERS.fullmatch(word):
        counted = _counted_after(word).search(text)  # "2000 people" counts people, "in 2019 right?" nothing
        if counted is None or counted.group(2).lower() in STOPWORDS:
            return Gap.DATE
    return Gap.FIGURE if is_number(word) else None


def gives_date(answer: str) -> bool:
    """Whether an answer places something in time ("on Friday", "in 2014", "last week", "two
    days after the vote"): a "when" question served an answer without any of that is not answered."""
    return TIME_ANCHOR.search(answer) is not None


# How an answer says what the article does not say: "The article does not say when they went, or
# how he responded." (the article's own silence, not a party's refusal: "the council did not confirm")
_DENIAL = re.compile(r"\b(?:the article|the report|the story|it)\s+(?:does not|doesn't|did not|do not)\s+"
                     r"(?:say|give|name|describe|report|mention|state|specify|explain|list|identify|detail|quote)"
                     r"\b(?:[^.;:,]|,(?!\s+(?:but|while|and it|though|although)\b))*", re.IGNORECASE)
# "Has George Brandis said ...?", "What did Biden tell ...?": the one whose words are asked
_SPEAKER_ASKED = re.compile(r"\b(?i:has|have|had|did|does|do|will|would)\s+((?:[A-Z][\w'-]*\s+){1,3})"
                            r"(?:ever\s+|actually\s+|publicly\s+|really\s+)?"
                            r"(?:say|said|comment|commented|respond|responded|react|reacted|tell|told|reply|replied)\b")
_QUOTES_NO_ONE = re.compile(r"\S+(?:\s+\S+)?\s+(?:does not|doesn't|did not|do not)\s+quote\b", re.IGNORECASE)
# someone's words given in an answer without "said": a quotation, or a verb of saying
# (verbs as written mid-sentence: "the United States", "territorial claims", "a peace accord" are none)
_REPORTED_SPEECH = re.compile(
    r"[\"\u201c\u201d]|\b(?:[Aa]ccording to|(?:stress|warn|insist|add|remark|comment|respond|react|explain"
    r"|tweet)(?:e?s|ed)|(?:stat|not|argu|announc|urg|pledg|acknowledg|quot)(?:es|ed)|call(?:s|ed)|claimed"
    r"|vow(?:s|ed)|confirm(?:s|ed)|repl(?:ies|ied)|wr(?:ote|ites))\b")  # verbs: not "a comment", "the state"
# "what did X say / tell reporters / write back?": someone's words asked for
# (not the article's: "what does the article / the last line / RT's report say?" asks what it reports)
_WORDS_ASKED = re.compile(r"\bwhat (?:did|has|have|does|do) ((?:[\w'-]+ ){1,3})(?:say|said|tell|told|write|wrote"
                          r"|reply|replied|respond|responded)\b", re.IGNORECASE)
# "how did the ferry union react?": someone's response asked, as their words are
_REACTION_ASKED = re.compile(r"\bhow (?:did|has|have|does|do|will|would) ((?:[\w'-]+ ){1,3})(?:react|reacted|respond"
                             r"|responded|reply|replied)\b", re.IGNORECASE)
# whose words a pronoun asks for is whoever came before (the words after it are adverbs: "he exactly")
_PRONOUNS = frozenset("he she they it we you u i him her them his their its everyone anyone someone people "
                      "others folks".split())
_THE_TEXT_ITSELF = frozenset("article report story piece text page paper post line lines paragraph headline "
                             "title faq bot you it this that".split())
_SAYING = re.compile(r"\b(?:says?|said|told|tells?|telling|saying|statements?|spokes(?:man|woman|person)|"
                     r"interview|remarks?|wrote|posted)\b", re.IGNORECASE)
# the article's own voice ("The article says ...", "it reports"): no one's words
_ARTICLE_SAYS = re.compile(r"\b(?:the article|the report|the story|it)\s+(?:says|said|notes|adds|reports)\b",
                           re.IGNORECASE)
_WORD_AT = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# a name right after the thing asked about ("journalist Kim", "an aide named Kim") or right before
# its description ("Kim, a journalist", "Kim (a former judge)")
# ("a report by The Gazette" names the report's source)
_NAME_AFTER = re.compile(r"\s*[,:(]?\s*(?:named\s+|called\s+|by\s+(?:[Tt]he\s+)?)?([A-Z][\w'-]*)")
# ("X as a whistle blower's law firm": after "as", an article and three words)
_NAME_BEFORE = re.compile(r"([A-Z][\w'-]*)(?:[,(]\s*|\s+(?:is|was|are|were)\s+|\s+as\s+(?:(?:an?|the)\s+)?)"
                          r"(?:[\w'’-]+\s+){1,3}$")
# A number before a counted thing ("two of the tower's supports", "several hundred people"), within COUNT_NEAR
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?:" + _any_of(NUMBER_WORDS) + r"|dozens?|scores|several|few|many|no"
                           r"|single|both|each|every|all|most|half)\b)[^.;:]*$", re.IGNORECASE)
# a tally after a vote: "the Faculty Senate voted 108-4", "the council voted 7 to 2" (not "children 5 to 11")
_TALLY_AFTER = re.compile(r"\s+(?:by\s+|of\s+)?\d+\s*(?:-|\u2013|to)\s*\d+\b")
_VOTE_WORD = re.compile(r"vote|ballot", re.IGNORECASE)
# ... or right after it, as what things are of: "the deaths of 100 infants" counts the deaths too ("a
# nation of 160 million" is the nation's size: a plural only)
_COUNT_OF = re.compile(r"\s+of\s+(?:(?:the|some|at least|about|around|nearly|almost|over|more than)\s+)*"
                       rf"{_NUMBER}\b", re.IGNORECASE)
# Capitalised words in a row: one full name ("Governor Jane Doe")
_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
# A question asking for names beyond those it gives ("besides X, which other ...?", "who else ...?")
_ASKS_OTHERS = re.compile(r"\b(?:besides|apart from|aside from|other than|except|excluding|beyond|not counting)\b"
                          r"|\b(?:which|what|who|whom|any)\s+(?:\w+\s+)?(?:other|others|else)\b", re.IGNORECASE)
# "Harbour Road and other streets" names some: "other", "another" are not among these
_INDEFINITE = frozenset("a an some several unnamed unidentified two three".split())  # not "one of the ..."
_POINTING_BACK = frozenset("the these those all both its their his her".split())
# A list of what was just counted, in the same sentence: after a colon, "such as", "including", a dash
_LISTED_AFTER = re.compile(r"[^.;]{0,60}?(?::|\bsuch as\b|\bincluding\b|\bnamely\b|\(|\u2014|\s-\s)\s*"
                           r"(?:the\s+)?([A-Z][\w'-]*)")


def _counted_not_named(words_before: list[str]) -> bool:
    """Whether a thing spoken of is counted as it first comes up ("closing nine piers"),
    not pointed back to ("these four countries", after they were named)."""
    if not words_before:
        return False
    number = words_before[-1]
    return (number in SPELLED_NUMBERS or (number.isdigit() and len(number) < 4)) and not (
        len(words_before) > 1 and words_before[-2] in _POINTING_BACK)


# A part of a message that states a premise of the question after it ("Since all five were caught,
# when ...?") or a claim heard elsewhere ("someone in another channel claimed ..."): answered, so a false one
# is corrected, even when what it leads to is unclear
_CLAIMING = r"claims?|claimed|claiming|says|said|insists?|swears?"  # what someone holds to be so
_PREMISE = re.compile(r"^\W*(?:since|after|given|now that|because|as|with|despite|although|though)\b"
                      rf"|\b(?:{_CLAIMING}|heard)\b", re.IGNORECASE)
# a claim someone passed on to the asker ("my friend told me ...", "people keep saying ..."; not "the article says")
_HEARSAY = re.compile(r"\b(?:my|someone|somebody|people|ppl|everyone|everybody|they|he|she|friends?|folks"
                      r"|a (?:friend|mate|colleague|coworker|co-worker|neighbou?r|guy))\b"
                      rf"[^.?!]{{0,40}}?\b(?:{_CLAIMING}|told|tells|saying|reckons?)\b|\bi(?:'ve| have)? heard\b"
                      r"|\bi (?:told|said to) (?:him|her|them|my)\b",
                      re.IGNORECASE)
# an aside of the asker's own ("I'm writing this up for our channel"), and words that ask about
# something all the same ("I also want to know about the detours")
_ASIDE = re.compile(r"^\W*(?:(?:honestly|tbh|ngl|lol|ugh|man|bro|sorry)\W+)*"
                    r"(?:i|im|i'm|i am|i've|ive|we|we're|were|we are|my|our)\b", re.IGNORECASE)
# ("I don't know who to believe" asks nothing: the asker's doubt, not "I also want to know about X")
_ASKS_ABOUT = re.compile(r"\b(?:(?<!don't )(?<!dont )(?<!do not )know|wonder\w*|curious|tell|also|about|what"
                         r"|explain)\b",
                         re.IGNORECASE)
_NUMBER_WORD_SPLIT = re.compile(r"[^\w]+|_")
# a number hedged as rough ("about a thousand", "nearly 40", "more than a dozen"): no exact figure
_ROUGHLY = re.compile(r"\b(?:about|around|roughly|nearly|almost|approximately|some|over|more than|fewer than"
                      r"|less than|up to|at least|at most|dozens of|hundreds of|thousands of)\s+(?:a\s+)?[\w,.-]+",
                      re.IGNORECASE)


# "what does NATO stand for?", "what's CPSC short for?", "what do the letters OCU mean?": an acronym's words asked
_STANDS_FOR = re.compile(r"\bwhat(?:'s| is| does| do)\s+(?:the\s+letters\s+([A-Za-z]{2,8})\s+mean|(?:an?\s+|the\s+)?"
                         r"([A-Za-z]{2,8})\s+(?:stand\s+for|short\s+for))\b", re.IGNORECASE)
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "&", "de", "du", "des", "la", "le"})


def _acronym_unspelt(question: str, answer: str) -> str | None:
    """The acronym a question asks the words of ("what does NATO stand for?"), upper-cased, when the answer
    never spells it out (no run of capitalised words whose initials make it); None otherwise."""
    asked = _STANDS_FOR.search(question)
    if asked is None:
        return None
    acronym = (asked[1] or asked[2]).upper()
    if re.search(rf"[A-Z][\w'-]*\s*\(\s*{acronym}\s*\)|\b{acronym}\s*\[\s*[A-Z]", answer):
        return None  # a name the answer glosses it with: "the Republican People's Party (CHP)", "OCU [Office ...]"
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*|&", answer) if w.lower() not in _SMALL_WORDS]
    initials = "".join(w[0] if w[0].isupper() else " " for w in words)
    return None if acronym in initials else acronym


def _claims_as_written(entry: Entry, text: str) -> bool:
    """Whether one of an entry's phrasings is the question itself, as typed ("Silva?" listed; "where's
    this from" for a listed "where is this from")."""
    asked = _as_written(text)
    return any(_as_written(p) == asked for p in entry.phrasings)


# a question word's "is" run into it: "where's", "whats", "who’s" (folded: the curly apostrophe is straight)
_QUESTION_WORD_IS = re.compile(r"\b(what|where|who|how|when|why)'?s\b")


def _as_written(text: str) -> str:
    """A text folded, its closing marks stripped and a question word's "'s" written out as "is"."""
    return _QUESTION_WORD_IS.sub(r"\1 is", normalize.fold(text).strip(" ?!."))


# an entry's own question asking who someone is ("Who is X?", "Who's X?")
_WHO_IS = re.compile(r"\s*(?:(?:who|whos|who's|who’s)\s+(?:is|are|was|were)|who's|who’s|whos)\b", re.IGNORECASE)
# "is X the harbour master?", "isn't X Silva's son-in-law?", "X is Portsea's deputy mayor, right?":
# a role asked of someone (a name of one or two words; a short role, no clause: "is X the one who
# went?" asks what X did)
_ROLE_ASKED = re.compile(
    r"\s*(?:(?:is|isn'?t|was|wasn'?t)\s+(?P<name>[\w'-]+(?:\s+[\w'-]+)?)\s+(?:really\s+)?"
    r"(?:the|a|an|[\w-]+'s)\s+(?P<role>[\w\s'-]+?)"
    r"|(?P<subject>[\w'-]+(?:\s+[\w'-]+)?)\s+(?:is|was)\s+(?:the|a|an|[\w-]+'s)\s+(?P<predicate>[\w\s'-]+?)"
    r"\s*,?\s*(?:right|correct|no|yeah|yes|isn'?t (?:he|she)|wasn'?t (?:he|she))\s*)"
    r"\s*[?!.]*\s*$", re.IGNORECASE)
_FEW_ROLE_WORDS = 3
_CHECKED_FACTS: dict[Gap, Callable[[str], bool]] = {Gap.FIGURE: gives_figure, Gap.DATE: gives_date}
# where someone is from ("where's he from originally?"; the subject is group 1), not where something comes
# from ("where does the claim come from?"), and an answer that says it ("a Lisbon-based developer", "born
# in", "is from Ohio")
_WHERE_FROM = re.compile(r"\bwhere(?:'s|’s|s|\s+(?:is|was|are|were))\s+((?:[\w'’.-]+\s+){1,4}?)(?:originally\s+)?from\b"
                         r"(?!\s+here\b)", re.IGNORECASE)
_GIVES_ORIGIN = re.compile(r"\b(?:is|was|are|were|comes?|came|hails?)\s+(?:originally\s+)?from\b|\w-based\b"
                           r"|\bbased in\b|\bborn\b|\bnative\b|\bhometown\b|\bgrew up\b|\braised in\b",
                           re.IGNORECASE)
# the words for someone a "where is ... from?" may ask about without a name
_PERSONAL = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})
# the start of something that goes on: "since 2009", "first took it up in", "began in", "dating back to"
_STARTED = re.compile(r"\b(?:since|began|begun|beginning|start(?:ed|ing)?|first|dat(?:es|ing) back|as far back)\b",
                      re.IGNORECASE)
# "how long has it been going on?", "how long have they debated it?": a start date answers it
_HOW_LONG_SINCE = re.compile(r"\bhow\s+long\s+(?:has|have|had|hasn'?t|haven'?t)\b|\bhow\s+long\s+ago\b", re.IGNORECASE)
# what a sentence speaks of as to come, and a question asking what came of something after the article
# ("would not declare it again" says it will not come)
_TO_COME = re.compile(r"\b(?:would|will|could|might|(?-i:may)|expected|expects?|hopes?|hoped|likely|plans? to"
                      r"|planned|planning to|scheduled|set to|is to|are to|going to|gonna)\b(?!\s+(?:not|never)\b)",
                      re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")
_DAY_AFTER = re.compile(r"\s+\d{1,2}\b")
# a verb told as done ("voted", "died", "left"): its past form
_DONE = re.compile(r"[a-z]+ed|died|left|went|met|made|took|won|lost|held|gave|came|began|sent|paid|fell|rose|sold"
                   r"|bought|found|brought|led|ran|struck|quit|spoke|wrote|chose|stood|fled", re.IGNORECASE)
_OUTCOME_ASKED = re.compile(r"\b(?:end(?:ed)? up|eventually|ultimately|finally|in the end)\b", re.IGNORECASE)
# a question asking for a span of time ("how long-standing" asks for none), and an answer's span of one
# unit written without a number ("a week before", "for a month"; not "the biggest shift in over a decade")
_HOW_LONG = re.compile(r"\bhow\s+(?:long\b(?!-)|far\s+(?:ahead|in\s+advance|back)\b|soon\b|early\b"
                       r"|many\s+(?:minutes|hours|days|nights|weeks|months|seasons|years|decades)\b)", re.IGNORECASE)
_SPAN_UNIT = (r"(?:a|an|one)\s+(?:full\s+|whole\s+|single\s+)?"
              r"(?:minute|hour|day|night|week|fortnight|month|season|year|decade)")
# ("for around a year": a 39th-story moderator's "how long had Chen run it?" was told "it gives no figure")
_ONE_SPAN = re.compile(rf"\b(?:(?:for|within|lasting)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+"
                       rf"|only\s+)?{_SPAN_UNIT}\b"
                       rf"|{_SPAN_UNIT}\s+(?:before|after|ago|later|earlier|ahead|away|long|from)\b)", re.IGNORECASE)
# "how old is the country?": the year it was founded answers it ("gained independence in 1963"; the
# bot does no arithmetic on it), not any start ("in power since 2005" is no age of a person)
_HOW_OLD = re.compile(r"\bhow\s+old\s+(?:is|are)\b", re.IGNORECASE)
_FOUNDED = re.compile(r"\b(?:founded|established|created|built|formed|independen(?:ce|t))\b", re.IGNORECASE)


# Capitalised words opening a sentence that name no one ("It was ...", "The paper ...": not
# STOPWORDS, which hold other languages' words that are surnames too, "Das", "Del")
_OPENERS = frozenset("it he she they we i you this that these those there here the a an his her its their our "
                     "my your what which who whom whose when where why how one some all both each".split())


def _is_name(word: str) -> bool:
    """A capitalised word beside a thing that names it: not a month or a weekday ("In March, a
    journalist ..."), nor a pronoun or a function word opening a sentence ("It was a former employee")."""
    return not TIME_ANCHOR.fullmatch(word) and word.lower() not in _OPENERS


def _own_phrasing(query: QueryTokens, candidate: Candidate) -> bool:
    """Whether the question is one of the entry's own phrasings, word for word: answered as written.
    Not when it holds a number the article never gives: "20 points?" is no "point 12" of a phrasing,
    though both read as a number the article never gives."""
    return candidate.fit >= EXACT_FIT and NUMBER not in query.tokens and YEAR not in query.tokens


def _as_typed(missing: list[str], text: str, normalizer: Normalizer) -> list[str]:
    """The words the article never mentions as the question wrote them: a day of a month with its
    month ("December 1", not "1": the month is a common word, the number is what is missing), and a
    phrase of the story's as its words ("last week", not the one word `lastweek` it is read as)."""
    shown = []
    folded = normalize.fold(text)
    for word in (normalizer.as_typed(w, folded) for w in missing):
        # the month after the day only as a date is written ("3rd of December", "3 December"): "will 500
        # march?" holds no date
        dated = word.isdigit() and re.search(rf"\b(?:{_MONTH_WORDS})\.?\s+{word}(?:st|nd|rd|th)?\b"
                                             rf"|\b{word}(?:st|nd|rd|th)?\s+(?:of\s+(?:{_MONTH_WORDS})"
                                             rf"|(?-i:{_MONTH_NAMES}))\b", text, re.IGNORECASE)
        shown.append(dated[0] if dated else word)
    # a month already shown with its day is not listed again
    days = [d.lower().split() for d in shown if " " in d]
    return [w for w in shown if w.lower() not in MONTHS or not any(w.lower() in d for d in days)]


_MONTH_WORDS = _any_of(MONTHS)
_MONTH_NAMES = _any_of(m.capitalize() for m in MONTHS)


def _fewer_misses(words: list[str], lacking: Gap | None, than_words: list[str], than_lacking: Gap | None) -> bool:
    """Whether a runner-up misses less of the question than the best entry: fewer of its words,
    or as few and the date or figure asked for given where the best entry lacks it."""
    return len(words) < len(than_words) or (len(words) == len(than_words) and than_lacking is not None
                                            and lacking is None)


def _real_questions(question: Analysis) -> list[Analysis]:
    """The parts of a message with an instruction in it that ask something of their own."""
    return [p for p in question.parts if not p.instruction and not p.advice and p.is_question and p.content]


_ABOUT_SOMEONE = frozenset({QuestionKind.WHERE, QuestionKind.WHO, QuestionKind.WHEN})
_SPEECH_QUESTION_WORDS = frozenset({"say", "said", "says", "saying"})  # weak words, but what is asked
_PICKS_OUT = frozenset({QuestionKind.WHICH, QuestionKind.WHO})  # "which journalist ...?", "who is the journalist?"
_FEW_ABOUT = 2  # a name and one word more: the name is what such a question is about


def _companions(a: Candidate, b: Candidate | None) -> bool:
    """Entries the FAQ links as related answer a near-tie equally well: no need to ask which."""
    return b is not None and (b.entry.id in a.entry.related or a.entry.id in b.entry.related)


_NEVER_MENTIONS = "the article never mentions "  # in a rule, before the words it lists (see _never_mentioned)
# What an answer's first sentence says is not so ("X has not yet agreed", "no deal was signed")
_DENIES = re.compile(r"\b(?:not|no|never|neither|nor|yet to)\b|n['\u2019]t\b", re.IGNORECASE)
_ASIDES = re.compile(r"\([^)]*\)")  # "(the article gives no date)": no denial of what it says


def _never_mentioned(rule: str) -> list[str]:
    """The words a reply's rule (as this module writes it, after _NEVER_MENTIONS) says the article never mentions."""
    _, found, rest = rule.partition(_NEVER_MENTIONS)
    return rest.split(";")[0].split(", ") if found else []
