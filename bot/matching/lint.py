"""What the matcher will make of a FAQ: warnings `faqbot validate` prints (exit 0; --strict: 1).

A file can be valid and still answer badly: a phrasing written for one entry that the matcher
gives to another (the two cannot be told apart once common words are dropped), an entry no
phrasing of its own reaches, a confirmed or context entry with a caveat (it reads as doubt), an answer
that uses relative time words in the bot's own voice, an answer that says what the article
does not give without listing it under `gaps`, a not-in-article answer with no caveat whose
"nearest thing the article says" quotes the words of a reported claim (it repeats the claim as
if it were established), a story whose entries have few phrasings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.model import Entry, Gap, KnowledgeBase, Status, Story
from bot.knowledge.scaffold import PLACEHOLDER
from bot.language import STOPWORDS, WEEKDAYS
from bot.matching import chat, normalize
from bot.matching.answerer import Answerer

# Relative times in the bot's voice mislead a week later; "(the article ...)" next to them anchors them.
_RELATIVE_TIME = re.compile(
    r"\b(this|last|next) (week|weekend|month|year)\b|\b(yesterday|today|tonight|tomorrow|recently)\b"
    rf"|\b(on|last|this|next|that) (?P<day>{'|'.join(WEEKDAYS)})\b",
    re.IGNORECASE,
)
# a date given (or said to be missing) in brackets: "(the report is dated ...)", "(the article is undated)"
_DATE_IN_BRACKETS = (r"\([^)]*\b(?:dated|undated|gives no (?:\w+ )?(?:date|day)|is from \d{4})\b[^)]*\)"
                     r"|\(the (?:report|story|page)'s date\)")
_ANCHORED = re.compile(r"\(the article[^)]*\)|\(the (?:report|story|page)\b[^)]*\b(?:dated|date)\b|"
                       + _DATE_IN_BRACKETS + r"|article is undated|gives no date|the article (says|reports)",
                       re.IGNORECASE)
# what anchors the days named after it in the same answer: only a date in brackets ("(the article
# quotes the AP)" or "the article says" anchor their own sentence, no more)
_DATED = re.compile(_DATE_IN_BRACKETS, re.IGNORECASE)


# An answer that says what the article does not give: list it under `gaps`, so that a question asking
# for exactly that is told so first ("which officials?" -> "The article gives no names for it.").
_PARENTHESES = re.compile(r"\([^)]*\)")
_NOT = r"\b(?:does not|doesn't|do not|did not)"
_DETERMINER = r"(?:the|any|anyone|anybody|those|these|its|his|her|their|all)"  # "the soldiers among the dead"
_SAYS_NOT_GIVEN: dict[Gap, re.Pattern[str]] = {
    # "does not say which figures / which fiscal year": a figure or a date, not names
    # ("does not name doctors among them" says who is not listed, not that names are missing)
    Gap.NAMES: re.compile(rf"{_NOT} (?:name|identify)\b"
                          rf"(?! (?!{_DETERMINER}\b)(?:[\w-]+ ){{1,3}}(?:among|as one of)\b)|\bnames no\b"
                          rf"|{_NOT} say (?:who\b|which\b(?! (?:of the )?"
                          r"(?:\w+ )?(?:figures?|numbers?|amounts?|years?|dates?|days?|months?|quarters?|period"
                          r"|time)\b))", re.I),
    Gap.DATE: re.compile(rf"\bgives? no (?:\w+ ){{0,2}}(?:dates?|timeline)\b"
                         rf"|{_NOT} give (?:an? |any )?(?:\w+ )?dates?\b|{_NOT} say when\b", re.I),
    Gap.FIGURE: re.compile(rf"\bgives? no (?:\w+ ){{0,2}}(?:figures?|numbers?|total|toll)\b"
                           rf"|{_NOT} give (?:an? |any )?(?:\w+ )?(?:figures?|numbers?|total|toll)\b"
                           rf"|{_NOT} say how (?:many|much)\b", re.I),
    Gap.REASON: re.compile(rf"\bgives? no reason\b|{_NOT} say why\b", re.I),
    Gap.PLACE: re.compile(rf"{_NOT} say where\b", re.I),
}

# Statuses whose answers stand on the record or in the article's own voice: a caveat shown under
# them ("this is the article's figure") is read as "unconfirmed", whatever it says.
_NO_DOUBT = frozenset({Status.CONFIRMED, Status.CONTEXT})
_GAP_STATUSES = frozenset({Status.NOT_IN_ARTICLE, Status.UNRESOLVED})  # their whole answer is a gap already


# Fewer phrasings than this per entry, on average, leave most ways of asking unmatched: FAQs written
# with about 5 answered 72-79% of fresh questions, the bundled one with 15 about 88%.
FEW_PHRASINGS = 8
# Quotes sharing this many words in a row are the same passage of the article.
SHARED_QUOTE_WORDS = 6
# A quote this short is one claim's words only when another text has all of them in a row.
SHORT_QUOTE_WORDS = 4
# (a word with an apostrophe inside, "O'Neal", "bridge's", is one word, as people count; a hyphen parts two)
_QUOTE_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class LintWarning:
    path: str
    line: int
    subject: str  # "entry 'id'" or "story 'id'"
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.subject}: warning: {self.message}"


def lint(knowledge: KnowledgeBase, answerer: Answerer | None = None) -> list[LintWarning]:
    """Every warning about `knowledge`, in file order."""
    answerer = answerer or Answerer(knowledge)
    warnings: list[LintWarning] = []
    ties: set[tuple[str, str, tuple[str, ...]]] = set()

    def warn(entry_id: str, message: str) -> None:
        path, line = knowledge.locations.get(entry_id, ("?", 0))
        warnings.append(LintWarning(path, line, f"entry '{entry_id}'", message))

    for story in knowledge.stories:
        path, line = knowledge.locations.get(f"story:{story.id}", ("?", 0))
        texts = [("caveat", story.caveat), ("summary.short", story.summary_short), ("summary.full", story.summary_full),
                 *((f"topics.{t.id}", t.summary) for t in story.topics)]
        for field, text in texts:
            if text.startswith(PLACEHOLDER):
                warnings.append(LintWarning(path, line, f"story '{story.id}'", f"{field} still says \"{PLACEHOLDER}"
                                            "...\": write it before people see it"))
            elif field != "caveat" and (said_when := _unanchored_time(text)) is not None:
                warnings.append(LintWarning(path, line, f"story '{story.id}'",
                                            f"{field} says '{said_when}' in the bot's own voice; {_ANCHOR_IT}"))
        for canonical, variants in story.vocabulary.synonyms:
            phrases = [v for v in variants if len(v.split()) > 1]
            if phrases and " ".join(canonical.casefold().split()) in STOPWORDS:
                # `took: [steel supports]`: a phrase is read as its word before common words are dropped
                # (a single word after), so it is dropped with "took"
                warnings.append(LintWarning(
                    path, line, f"story '{story.id}'",
                    f"synonyms: '{canonical}' is a word the matcher ignores, so {', '.join(map(repr, phrases))} "
                    "will be ignored too; unless that is meant, list them under a word the FAQ's entries use"))
        warnings.extend(LintWarning(path, line, f"story '{story.id}'", message)
                        for message in _swallowed_words(story, answerer))
        entries = [e for e in knowledge.entries if e.story_id == story.id]
        if not entries:
            warnings.append(LintWarning(path, line, f"story '{story.id}'", "no entries yet: the bot can only greet, "
                                        "summarize and decline"))
        elif not any(chat.asks_overview(normalize.fold(p)) for p in entries[0].phrasings):
            warn(entries[0].id, "the story's first entry answers \"what's this article about?\", \"what happened?\" "
                 "and \"tldr?\": put the story's overview first, with a phrasing such as \"what is this story "
                 "about?\"")
        if entries and (average := sum(len(e.phrasings) for e in entries) / len(entries)) < FEW_PHRASINGS:
            thinnest = sorted(entries, key=lambda e: (len(e.phrasings), e.id))[:5]
            warnings.append(LintWarning(
                path, line, f"story '{story.id}'",
                f"its entries have {average:.1f} phrasings each on average (question and alternates); with "
                f"10-15 each far more questions find their entry: add the ways people ask, terse, in slang, "
                f"in their own words (fewest: {', '.join(f'{e.id} {len(e.phrasings)}' for e in thinnest)})"))

    reported_by_story: dict[str, list[Entry]] = {}
    for entry in knowledge.entries:
        if entry.status is Status.REPORTED and entry.caveat:
            reported_by_story.setdefault(entry.story_id, []).append(entry)

    for entry in knowledge.entries:
        reached = False
        for phrasing in entry.phrasings:
            found = answerer.candidates(phrasing, limit=2)
            own = next((c for c in found if c.entry.id == entry.id), None)
            rival = next((c for c in found if c.entry.id != entry.id), None)
            if own is not None and (rival is None or own.score > rival.score):
                reached = True
                continue
            if rival is None:
                continue
            kind = "question" if phrasing == entry.question else "alternate"
            if own is not None and own.score == rival.score:  # a tie: "did you mean" every time
                reached = True
                pair = (min(entry.id, rival.entry.id), max(entry.id, rival.entry.id),
                        tuple(answerer.normalizer.content_words(phrasing)))
                if pair in ties:  # reported once, from the first of the two entries
                    continue
                ties.add(pair)
                theirs = _reading_the_same(answerer, phrasing, rival.entry)
                warn(entry.id, f"{kind} '{phrasing}' reads the same as "
                               + (f"'{theirs}', " if theirs else "") + f"a phrasing of '{rival.entry.id}' "
                               f"({rival.score:.2f} each); reword it with a word that tells the two apart")
            else:
                warn(entry.id, f"{kind} '{phrasing}' is answered by '{rival.entry.id}' ({rival.score:.2f}); "
                               "reword it with a word that tells the two apart, or move it there")
        if not reached:
            warn(entry.id, "no phrasing of its own reaches it: add alternates with the words people use for it")
        if entry.status in _NO_DOUBT and entry.own_caveat:
            warn(entry.id, f"a caveat under a {entry.status.value} entry reads as doubt about it: put a clarification "
                           "in the answer itself, or give the entry the weakest status of what it mixes")
        if entry.status not in _GAP_STATUSES:
            # "(the article gives no date)" anchors a relative time; it is not what the entry lacks
            said = _PARENTHESES.sub("", entry.answer)
            unmarked = [gap.value for gap, says in _SAYS_NOT_GIVEN.items()
                        if gap not in entry.gaps and says.search(said)]
            if unmarked:
                warn(entry.id, f"the answer says the article gives no {' or '.join(unmarked)}: add `gaps: "
                               f"[{', '.join(unmarked)}]` so a question asking for it is told so first (if the "
                               "answer gives some of them, move what it lacks into a not_in_article entry instead; "
                               "if it only mentions them in passing and a not_in_article entry already says so, "
                               "drop the aside)")
        # only for gap answers: an on-the-record entry sharing words with a reported one is a status
        # question (which of the two has the sentence right?), and "add repeats" would be wrong advice
        if entry.status in _GAP_STATUSES and not entry.own_caveat and not entry.repeats:
            # its caveat is at most its status's default ("described as unresolved"): not the claim's
            repeated = next((other.id for other in reported_by_story.get(entry.story_id, ())
                             if other.id != entry.id and _same_passage(entry, other)), None)
            if repeated is not None:
                warn(entry.id, f"it quotes the words of '{repeated}', a reported claim, without its caveat: list it "
                               f"under `repeats: [{repeated}]` so its caveat comes along, or give this entry a caveat "
                               f"(if the words it shares are on the record, not the claim, as when '{repeated}' "
                               "quotes whole sentences to sum up, let that entry quote only its reported part)")
        if (said_when := _unanchored_time(entry.answer)) is not None:
            warn(entry.id, f"the answer says '{said_when}' in the bot's own voice; {_ANCHOR_IT}")
    return sorted(warnings, key=lambda w: (w.path, w.line))


def _swallowed_words(story: Story, answerer: Answerer) -> list[str]:
    """A synonym's word that the article uses only inside a phrase listed under another word (`swede: [swedish]`
    beside `gyokeres: [the swede]`): the article as read never has it, so a question using it is told the
    article never mentions it."""
    text = " ".join(normalize.fold(document.text) for document in story.documents)
    said: list[str] = []
    for canonical, variants in story.vocabulary.synonyms:
        tokens = answerer.normalizer.tokens(canonical)
        word = normalize.fold(canonical)
        if (len(canonical.split()) != 1 or not tokens or any(answerer.index.in_documents(t) for t in tokens)
                or not re.search(rf"\b{re.escape(word)}\b", text)):
            continue
        takers = [f"'{phrase}' under '{other}'" for other, others in story.vocabulary.synonyms if other != canonical
                  for phrase in others if len(phrase.split()) > 1 and word in normalize.fold(phrase).split()]
        if takers:
            said.append(f"synonyms: the article uses '{canonical}' only inside {', '.join(takers)}, so a question "
                        f"saying '{canonical}' or {', '.join(map(repr, variants))} is told the article never "
                        "mentions it; list that phrase under one word only")
    return said


def rival_for(answerer: Answerer, entry_id: str, phrase: str) -> str | None:
    """Another entry that would still answer `phrase` as well as `entry_id` once the phrase is one
    of its alternates (it has a phrasing that reads the same): adding it would only make a tie."""
    for candidate in answerer.candidates(phrase, limit=3):
        if candidate.entry.id != entry_id and candidate.fit >= 0.99:
            return candidate.entry.id
    return None


def _reading_the_same(answerer: Answerer, phrasing: str, other: Entry) -> str | None:
    """The phrasing of `other` that reads as `phrasing` does (the same words once the dropped ones
    are gone), so a warning can name it: "what does X make" reads as "X?"."""
    tokens = set(answerer.normalizer.tokens(phrasing))
    return next((p for p in other.phrasings if set(answerer.normalizer.tokens(p)) == tokens), None)


_ANCHOR_IT = ("anchor it to the article (\"on a Friday (the article gives no date)\", or \"on Friday (the report "
              "is dated ...)\" when the page dates it)")


def _unanchored_time(text: str) -> str | None:
    """A relative time ("on Tuesday", "last week") said in the bot's own voice: not quoted, and no
    anchor to the article in its sentence. A day named after an anchor earlier in the text reads
    from it ("on Sunday (the report is dated ...). On Saturday he met ..."): one anchor is enough;
    "this week", "yesterday" still need their own."""
    match = next((m for m in _RELATIVE_TIME.finditer(text)
                  if not _quoted(text, m) and not _in_a_name(text, m) and not _ANCHORED.search(_sentence_of(text, m))
                  and not (m["day"] and _DATED.search(text, 0, m.start()))), None)
    return match.group(0) if match else None


# a capitalised word just before (no stop between): "USA Today", "Harbour Tonight" are names, no times
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'&-]*\s+$")


def _in_a_name(text: str, match: re.Match[str]) -> bool:
    """Whether a relative time word is part of a name ("USA Today reports", "on Harbour Tonight")."""
    return match.group(0)[0].isupper() and _NAME_BEFORE.search(text, 0, match.start()) is not None


def _sentence_of(text: str, match: re.Match[str]) -> str:
    """The sentence of `text` a match falls in: an anchor in another sentence does not anchor it
    (but for a day after a date in brackets, `_unanchored_time`).
    Sentences end at . ! or ? before a capital, never inside brackets ("(dated Dec. 3, 2024)")."""
    start, end = 0, len(text)
    for boundary in normalize.SENTENCE_BREAK.finditer(text):
        if text.count("(", 0, boundary.start()) > text.count(")", 0, boundary.start()):
            continue  # inside brackets
        if boundary.end() <= match.start():
            start = boundary.end()
        elif boundary.start() >= match.end():
            end = boundary.start()
            break
    return text[start:end]


def _same_passage(entry: Entry, other: Entry) -> bool:
    """Whether an entry quotes the same words of the same document as another, or its answer has
    all of a short quote of the other's ("the first such ban": the claim itself, where a longer
    quote's six words may be a fact inside it)."""
    return any(any(a.document == b.document and _overlap(a.quote, b.quote) for a in entry.sources)
               or _has_short_quote(entry.answer, b.quote) for b in other.sources)


def _overlap(first: str, second: str) -> bool:
    """Whether two quotes share a run of SHARED_QUOTE_WORDS words (a short fact inside a longer
    quote, "the two-year dispute", is not the longer quote's claim)."""
    a, b = (_QUOTE_WORD.findall(q.lower()) for q in (first, second))
    runs = {tuple(a[i:i + SHARED_QUOTE_WORDS]) for i in range(len(a) - SHARED_QUOTE_WORDS + 1)}
    return any(tuple(b[i:i + SHARED_QUOTE_WORDS]) in runs for i in range(len(b) - SHARED_QUOTE_WORDS + 1))


def _has_short_quote(text: str, quote: str) -> bool:
    """Whether a text has all the words of a short quote (SHORT_QUOTE_WORDS up to SHARED_QUOTE_WORDS
    words) in a row: a quote that short is the claim itself."""
    words, quoted = _QUOTE_WORD.findall(text.lower()), tuple(_QUOTE_WORD.findall(quote.lower()))
    size = len(quoted)
    return SHORT_QUOTE_WORDS <= size < SHARED_QUOTE_WORDS and any(
        tuple(words[i:i + size]) == quoted for i in range(len(words) - size + 1))


def _quoted(text: str, match: re.Match[str]) -> bool:
    """The words stand inside quotation marks: the article's words, not the bot's."""
    before, after = text[:match.start()], text[match.end():]
    return before.count('"') % 2 == 1 or before.rfind("\u201c") > before.rfind("\u201d") or after[:1] in "\"\u201d'"
