"""The match index: built once per knowledge load, then asked many questions.

Scoring is lexical and IDF-weighted, the approach that generalised best to unseen questions:
a question's content tokens are weighed by how rare they are among entries; an entry scores
by how much of that weight it covers (its phrasings and keywords fully, its answer partly)
and by how closely its best single phrasing fits the question (weighted Jaccard). Words the
knowledge has never seen weigh as much as the rarest known word, so "weather in Kyiv" does
not ride on "Kyiv" alone. Misspelt words are mapped to the vocabulary with rapidfuzz.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from bot.knowledge.model import Entry, KnowledgeBase
from bot.matching import normalize

ANSWER_TOKEN_WEIGHT = 0.6  # an answer's words count, but less than the ways people ask
COVERAGE_SHARE = 0.65  # the rest of a score is the best single phrasing's fit
QUESTION_WORD_WEIGHT = 0.5  # "who", "why", "how many": telling, but never decisive
PLACE_TIME_WORDS = frozenset({"where", "when"})  # the article names few places and dates: these decide
PHRASING_CANDIDATES = 40  # only this many entries (by coverage) get the phrasing comparison
NUMBER = "#number"
TYPO_SIMILARITY = 0.92
UNKNOWN_WEIGHT = 0.8  # an unknown word weighs this share of the rarest known word
# A word the knowledge uses only in its phrasings (not in the source documents or any entry's
# keywords) is how people ask ("bad", "difference"), not what the story is about: it counts less.
PHRASING_WORD_FACTOR = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    score: float
    coverage: float
    fit: float


@dataclass(frozen=True, slots=True)
class QueryTokens:
    """A question's tokens, with what each weighs and whether the knowledge knows it."""

    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    unknown: tuple[str, ...]  # surface words matched to nothing

    @property
    def total(self) -> float:
        return sum(self.weights)

    @property
    def known_count(self) -> int:
        return len(self.tokens) - len(self.unknown)


class MatchIndex:
    """Every entry's tokens, inverted postings and IDF weights for one KnowledgeBase."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.entries: tuple[Entry, ...] = knowledge.entries
        self._phrase_tokens: list[list[frozenset[str]]] = []
        self._primary: list[frozenset[str]] = []
        self._answer: list[frozenset[str]] = []
        postings: dict[str, set[int]] = defaultdict(set)
        document_words: set[str] = set()
        for story in knowledge.stories:
            for document in story.documents:
                document_words.update(normalize.content_words(document.text))
        self._document_tokens = frozenset(normalize.concept(w) for w in document_words)
        surface: set[str] = set()
        for i, entry in enumerate(self.entries):
            phrasings = [frozenset(self._tokens(p)) for p in entry.phrasings]
            keyword_tokens = frozenset(t for k in entry.keywords for t in self._tokens(k))
            primary = frozenset().union(*phrasings, keyword_tokens)
            answer = frozenset(self._tokens(entry.answer)) - primary
            self._phrase_tokens.append([p for p in phrasings if p])
            self._primary.append(primary)
            self._answer.append(answer)
            for token in primary | answer:
                postings[token].add(i)
            for text in (*entry.phrasings, *entry.keywords, entry.answer):
                surface.update(normalize.content_words(text))
        surface |= document_words
        count = max(len(self.entries), 1)
        self._idf: dict[str, float] = {
            token: math.log(1 + count / len(ids)) for token, ids in postings.items()
        }
        self.max_idf = math.log(1 + count)
        self._postings: dict[str, tuple[int, ...]] = {t: tuple(sorted(ids)) for t, ids in postings.items()}
        self._vocabulary: list[str] = sorted(w for w in surface if len(w) >= 3)
        self._known = set(self._postings) | self._document_tokens
        self._keyword_tokens = frozenset(t for e in self.entries for k in e.keywords for t in self._tokens(k))

    @property
    def known_tokens(self) -> set[str]:
        """Every token the entries or the source documents use."""
        return self._known

    def _number(self, token: str) -> str:
        """A number the documents never use ("point 7") stands for any such number."""
        return NUMBER if token.isdigit() and token not in self._document_tokens else token

    def _tokens(self, text: str) -> list[str]:
        return [self._number(t) for t in normalize.tokens(text)]

    # -- questions -------------------------------------------------------------------------

    def query_tokens(self, text: str) -> QueryTokens:
        """Content tokens of a question, typos mapped to known words, each with its weight."""
        seen: dict[str, float] = {}
        unknown: list[str] = []
        for word in normalize.content_words(text):
            token = self._number(normalize.concept(word))
            if token not in self._known:
                fixed = self._correct(word)
                if fixed is None:
                    if "?" + word not in seen:
                        unknown.append(word)
                        seen["?" + word] = UNKNOWN_WEIGHT * self.max_idf
                    continue
                token = fixed
            if token in seen:
                continue
            weight = self._idf.get(token, self.max_idf)
            if token not in self._document_tokens and token not in self._keyword_tokens:
                weight *= PHRASING_WORD_FACTOR
            if word in normalize.QUESTION_WORDS and word not in PLACE_TIME_WORDS:
                weight = min(weight, QUESTION_WORD_WEIGHT)
            seen[token] = weight
        return QueryTokens(tuple(seen), tuple(seen.values()), tuple(unknown))

    def _correct(self, word: str) -> str | None:
        """The known word a misspelling most likely means, if one is close enough."""
        if len(word) < 4 or not word.isalpha():
            return None
        # Jaro-Winkler forgives swapped and dropped letters ("zelenksy", "moskow") but, trusting
        # the first letters, keeps apart real words that merely look alike ("weather", "whether").
        found = process.extractOne(word, self._vocabulary, scorer=JaroWinkler.normalized_similarity,
                                   score_cutoff=TYPO_SIMILARITY)
        if found is None:
            return None
        token = normalize.concept(found[0])
        return token if token in self._known else None

    def search(self, query: QueryTokens, limit: int = 5) -> list[Candidate]:
        """Entries ranked by score (0..1), best first."""
        total = query.total
        if total <= 0:
            return []
        coverage: dict[int, float] = defaultdict(float)
        weight_of = dict(zip(query.tokens, query.weights))
        for token, weight in weight_of.items():
            for i in self._postings.get(token, ()):
                if token in self._primary[i]:
                    coverage[i] += weight
                else:
                    coverage[i] += ANSWER_TOKEN_WEIGHT * weight
        if not coverage:
            return []
        shortlist = sorted(coverage, key=coverage.__getitem__, reverse=True)[:PHRASING_CANDIDATES]
        ranked: list[Candidate] = []
        for i in shortlist:
            cov = coverage[i] / total
            fit = self._best_fit(i, weight_of, total)
            score = COVERAGE_SHARE * cov + (1 - COVERAGE_SHARE) * fit
            ranked.append(Candidate(self.entries[i], round(score, 4), round(cov, 4), round(fit, 4)))
        ranked.sort(key=lambda c: (-c.score, c.entry.id))
        return ranked[:limit]

    def _best_fit(self, i: int, weight_of: dict[str, float], total: float) -> float:
        best = 0.0
        for phrasing in self._phrase_tokens[i]:
            shared = sum(w for t, w in weight_of.items() if t in phrasing)
            if shared == 0:
                continue
            extra = sum(self._idf.get(t, self.max_idf) for t in phrasing if t not in weight_of)
            best = max(best, shared / (total + extra))
        return best

    def token_weight(self, token: str) -> float:
        return self._idf.get(token, self.max_idf)
