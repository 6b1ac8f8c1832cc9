"""The match index: built once per knowledge load, then asked many questions.

Scoring is lexical and IDF-weighted, the approach that generalised best to unseen questions:
a question's content tokens are weighed by how rare they are among entries; an entry scores
by how much of that weight it covers (its phrasings and keywords; its answer's words count less)
and by how closely its best single phrasing fits the question (weighted Jaccard). Words the
knowledge has never seen weigh almost as much as the rarest known word, so "weather in <a city
the story names>" does not ride on the city alone. Misspelt words are mapped to the vocabulary with rapidfuzz.

A second, plainer opinion comes from BM25 over all of an entry's words (`lexical_opinion`): term
frequency and entry length, which the coverage score ignores. The answerer asks it before
asserting an answer, and asks "did you mean" when it ranks the entry far down.

Speed (see benchmarks/latency.py): the index keeps only what `search` reads, each entry's
phrasings as tuples of distinct tokens and two postings per token (entries that ask with it,
entries whose answer alone uses it), so coverage is plain list arithmetic; the costly phrasing
fit is computed for as few shortlisted entries as an exact score bound allows. The BM25 postings
are compact arrays of entry numbers and weights.
"""

from __future__ import annotations

import bisect
import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, compress

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler

from bot.knowledge.model import Entry, KnowledgeBase
from bot.language import (
    CURRENCY_WORDS,
    GENERAL_SYNONYMS,
    MONTHS,
    QUESTION_WORDS,
    SPELLED_NUMBERS,
    STOPWORDS,
    WEEKDAYS,
    is_number,
)
from bot.matching import rarity
from bot.matching.normalize import Normalizer, fold, story_names

COVERAGE_SHARE = 0.65  # the rest of a score is the best single phrasing's fit
QUESTION_WORD_WEIGHT = 0.5  # "who", "why", "how many": telling, but never decisive
PLACE_TIME_WORDS = frozenset({"where", "when"})  # a place or a date is what such a question asks for
# Words after a rounded number that make it an amount, not a count ("25 dollars", "13 percent", "4 billion")
ROUNDED_UNITS = frozenset("percent per cent million billion trillion thousand dollars dollar bucks usd euros euro "
                          "pounds pound".split())
COMMON_WORD_ZIPF = 5.0  # a word this common in English (Zipf scale) is never taken for a typo
FAIRLY_COMMON_ZIPF = 4.0  # a short word (SHORT_COMMON_MAX letters) this common is no typo of a rarer one
SHORT_COMMON_MAX = 4
_CALENDAR_WORDS = sorted({*WEEKDAYS, *MONTHS})
NAME_SLIP_MIN_LENGTH = 5  # a name this long one keystroke off is that name ("silvz"); shorter ones collide
NAME_ZIPF = 4.5  # a surname this common in English is a word too ("court", "committee")
PREFIX_SCAN = 8  # story words after a common word in sorted order, looked at for one made from it
MADE_FROM_EXTRA = 3  # "north" -> "northern": at most this many letters added
PHRASING_CANDIDATES = 40  # only this many entries (by coverage) get the phrasing comparison
NUMBER = "#number"
YEAR = "#year"  # a year the article never gives: another such year, never a count ("3,000 cases")
TYPO_SIMILARITY = 0.92
ONE_EDIT_MIN_LENGTH = 6  # from this length, a word one edit from a known word is taken as it
UNKNOWN_WEIGHT = 0.8  # an unknown word weighs this share of the rarest known word
# A word the knowledge uses only in its phrasings (not in the source documents or any entry's
# keywords) is how people ask ("bad", "difference"), not what the story is about: it counts less.
PHRASING_WORD_FACTOR = 0.5
# A word an entry's answer uses but none of its phrasings or keywords counts this much: a long answer
# that names everyone (a summary, a list of sources) must not outweigh the entry written for the question.
ANSWER_WORD_FACTOR = 0.6
BACKGROUND_FACTOR = 0.5  # a word of the question's scene (Analysis.background), not of what it asks
CORRECTION_CACHE = 20_000  # typo corrections remembered per index; the cache starts over when full
LEXICAL_K1, LEXICAL_B = 1.2, 0.75  # BM25's usual term-frequency saturation and length normalisation
# Float rounding can put a computed score a hair above the exact bound it must respect.
BOUND_SLACK = 1e-9


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    score: float
    coverage: float
    fit: float
    position: int = -1  # the entry's place in the index, for MatchIndex.entry_uses


@dataclass(frozen=True, slots=True)
class QueryTokens:
    """A question's tokens, with what each weighs and whether the knowledge knows it."""

    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    unknown: tuple[str, ...]  # surface words matched to nothing
    words: tuple[str, ...] = ()  # the surface word each token came from (unknown ones as "?word")

    @property
    def total(self) -> float:
        return sum(self.weights)

    @property
    def known_count(self) -> int:
        return len(self.tokens) - len(self.unknown)


class _TokenCache(dict[str, str]):
    """word -> token for one index build: each distinct word is stemmed and checked once."""

    def __init__(self, number: Callable[[str], str], concept: Callable[[str], str]) -> None:
        super().__init__()
        self._number = number
        self._concept = concept

    def __missing__(self, word: str) -> str:
        token = self[word] = self._number(self._concept(word))
        return token


class MatchIndex:
    """Every entry's tokens, inverted postings and IDF weights for one KnowledgeBase."""

    def __init__(self, knowledge: KnowledgeBase, normalizer: Normalizer | None = None) -> None:
        self.knowledge = knowledge
        self.normalizer = normalizer or Normalizer.of(knowledge)
        self.entries: tuple[Entry, ...] = knowledge.entries
        self._positions = {e.id: i for i, e in enumerate(self.entries)}
        concept = self.normalizer.concept
        document_words: set[str] = set()
        for story in knowledge.stories:
            for document in story.documents:
                document_words.update(self.normalizer.content_words(document.text))
                # "$25.30" speaks of dollars, though it never writes the word
                document_words.update(w for sign, words in CURRENCY_WORDS.items() if sign in document.text
                                      for w in words)
        self._document_tokens = frozenset(concept(w) for w in document_words)
        # a whole number the documents give only with decimals ("13.3 percent") is that number, as
        # people round it ("dropped 13%?"), when one decimal alone rounds to it
        rounded: dict[str, set[str]] = defaultdict(set)
        for token in self._document_tokens:
            if "." in token and is_number(token) and token.count(".") == 1:
                value = float(token)
                for whole in {str(math.floor(value)), str(math.floor(value + 0.5))}:  # cut off, or rounded half up
                    rounded[whole].add(token)
        self._rounded = {whole: next(iter(found)) for whole, found in rounded.items()
                         if len(found) == 1 and whole not in self._document_tokens}
        surface = set(document_words)  # every surface word, the vocabulary typos are corrected to
        tokenize = self._build_tokenizer(surface)
        # Per entry: its phrasings, each the tuple of its distinct tokens in order (a tuple is
        # half the size of a frozenset, and _best_fit only iterates it). Empty phrasings dropped.
        self._phrasings: list[tuple[tuple[str, ...], ...]] = []
        primary_postings: dict[str, list[int]] = defaultdict(list)  # in a phrasing or keyword
        answer_postings: dict[str, list[int]] = defaultdict(list)  # in the answer only
        keyword_tokens: set[str] = set()
        word_counts: list[Counter[str]] = []  # per entry, every token of all its texts, repeats counted
        for i, entry in enumerate(self.entries):
            phrasing_tokens = [tokenize(p) for p in entry.phrasings]
            phrasings = [tuple(dict.fromkeys(tokens)) for tokens in phrasing_tokens]
            keywords = [t for k in entry.keywords for t in tokenize(k, shared=True)]
            keyword_tokens.update(keywords)
            primary = set(keywords).union(*phrasings)
            answer_tokens = tokenize(entry.answer, shared=True)
            answer = set(answer_tokens) - primary
            word_counts.append(Counter(chain(keywords, answer_tokens, *phrasing_tokens)))
            self._phrasings.append(tuple(p for p in phrasings if p))
            for token in primary:
                primary_postings[token].append(i)  # i ascends, so every postings list is sorted
            for token in answer:
                answer_postings[token].append(i)
        count = max(len(self.entries), 1)
        self._idf: dict[str, float] = {
            token: math.log(1 + count / (len(primary_postings.get(token, ())) + len(answer_postings.get(token, ()))))
            for token in primary_postings.keys() | answer_postings.keys()
        }
        self.max_idf = math.log(1 + count)
        self._primary_postings: dict[str, tuple[int, ...]] = {t: tuple(ids) for t, ids in primary_postings.items()}
        self._answer_postings: dict[str, tuple[int, ...]] = {t: tuple(ids) for t, ids in answer_postings.items()}
        self._vocabulary: list[str] = sorted(w for w in surface if len(w) >= 3)
        # the story's one-word synonyms, which the documents' words are read as ("jon" for the story's "jonathan"):
        # a typo is corrected to one of them only when no word of the documents is near
        self._variants: list[str] = sorted({v.lower() for story in knowledge.stories
                                            for _, variants in story.vocabulary.synonyms for v in variants
                                            if v.isalpha() and len(v) >= 3} - surface)
        self._known = set(self._idf) | self._document_tokens
        # the first name of a person the story reads by the surname ("Ana" of "silva: [ana silva]")
        # never reaches the documents' words: alone or misspelt ("anaa"), it is that person
        parts: dict[str, set[str]] = defaultdict(set)
        all_names: set[str] = set()
        for story in knowledge.stories:
            names = story_names(document.text for document in story.documents)
            all_names |= names
            for canonical, variants in story.vocabulary.synonyms:
                surname = fold(canonical)
                if " " in surname or surname not in names or (rarity.zipf(surname) or 0.0) >= NAME_ZIPF:
                    continue  # one name, and no English word ("Constitutional" of "Court" is no first name)
                for variant in variants:
                    words = fold(variant).split()
                    if len(words) == 2 and surname in words[1].split("-"):
                        word = words[0]
                        if word in names and word.isalpha() and len(word) >= 3 and word not in surface \
                                and word not in STOPWORDS and (rarity.zipf(word) or 0.0) < COMMON_WORD_ZIPF:
                            parts[word].add(concept(canonical))
        self._name_parts = {word: next(iter(tokens)) for word, tokens in parts.items()
                            if len(tokens) == 1 and next(iter(tokens)) in self._known}
        self._name_part_words = sorted(self._name_parts)
        # the documents' names of five letters or more, which a misspelling one keystroke away means
        # ("silvz" for "Silva") though Jaro-Winkler scores so short a word below the bar
        self._name_vocabulary = sorted(w for w in surface & all_names if len(w) >= NAME_SLIP_MIN_LENGTH
                                       and (rarity.zipf(w) or 0.0) < NAME_ZIPF)
        # a number the article writes one way and a question the other ("90" / "ninety"): one token
        # (digits as written: an ordinal's token, "third" as 3, is no "three")
        self._number_forms: dict[str, str] = {}
        for word, digits in SPELLED_NUMBERS.items():
            spelled = concept(word)
            if spelled in self._known and digits not in self._known:
                self._number_forms[digits] = spelled
            elif digits in document_words and spelled not in self._known:
                self._number_forms[word] = digits
        self._keyword_tokens = frozenset(keyword_tokens)
        self._corrections: dict[str, str | None] = {}
        self._tokens_of_phrasing: dict[str, tuple[str, ...]] = {}
        self._build_lexical(word_counts)

    def _build_lexical(self, word_counts: list[Counter[str]]) -> None:
        """BM25 (Okapi) weights of every entry's tokens, for `lexical_opinion`: term frequency and
        entry length, which the coverage score ignores, from all of an entry's words."""
        lengths = [sum(c.values()) for c in word_counts]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        lists: dict[str, tuple[list[int], list[float]]] = {}
        saturation = LEXICAL_K1 + 1
        for i, (counts, length) in enumerate(zip(word_counts, lengths, strict=True)):
            norm = LEXICAL_K1 * (1 - LEXICAL_B + LEXICAL_B * length / (average or 1.0))
            once = saturation / (1 + norm)  # most words occur once in an entry
            for token, tf in counts.items():
                found = lists.get(token)
                if found is None:
                    found = lists[token] = ([], [])
                found[0].append(i)
                found[1].append(once if tf == 1 else tf * saturation / (tf + norm))
        count = len(word_counts)
        # compact arrays: a 10,000-entry FAQ holds about a third of a million (token, entry) pairs
        postings = {token: (array("i", ids), array("f", weights)) for token, (ids, weights) in lists.items()}
        self._lexical = postings
        self._lexical_idf = {token: math.log(1 + (count - len(found[0]) + 0.5) / (len(found[0]) + 0.5))
                             for token, found in postings.items()}

    def lexical_opinion(self, query: QueryTokens, candidate: Candidate) -> tuple[int, Entry | None]:
        """A second opinion from a plain BM25 ranking of the question's tokens, blind to phrasing fit
        and to the weights `search` gives: how many entries it puts above the candidate's, and the
        entry it puts first (None when no entry shares a word with the question)."""
        scores = [0.0] * len(self.entries)
        shared = False
        for token in query.tokens:
            found = self._lexical.get(token)
            if found is None:
                continue
            shared = True
            idf = self._lexical_idf[token]
            for i, part in zip(*found, strict=True):
                scores[i] += idf * part
        if not shared:
            return 0, None
        own = scores[self._position(candidate)]
        # counting, the maximum and its place run in C: a 10,000-entry list in about 0.1 ms
        return sum(map(own.__lt__, scores)), self.entries[scores.index(max(scores))]

    def score(self, query: QueryTokens, entry: Entry) -> Candidate:
        """One entry scored as `search` scores it (for an entry found by other means)."""
        i = self._positions[entry.id]
        weight_of = dict(zip(query.tokens, query.weights))
        total = query.total
        coverage = sum(w * (1.0 if self._entry_has(i, t, self._primary_postings) else
                            ANSWER_WORD_FACTOR if self._entry_has(i, t, self._answer_postings) else 0.0)
                       for t, w in weight_of.items()) / total if total > 0 else 0.0
        fit = self._best_fit(i, weight_of, total) if total > 0 else 0.0
        return Candidate(entry, round(COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * fit, 4), round(coverage, 4),
                         round(fit, 4), i)

    @staticmethod
    def _entry_has(i: int, token: str, postings: dict[str, tuple[int, ...]]) -> bool:
        """Whether entry i is in the token's postings (sorted: a binary search)."""
        found = postings.get(token, ())
        at = bisect.bisect_left(found, i)
        return at < len(found) and found[at] == i

    def _build_tokenizer(self, surface: set[str]) -> Callable[..., list[str]]:
        """A tokenizer for the build that adds each text's surface words to `surface`.

        Each text is split into words once, for both its tokens and the vocabulary. Answers and
        keywords recur across entries (`shared=True`), so their tokens are remembered for the
        build; phrasings are unique (the loader rejects duplicates), so they are not.
        """
        seen: dict[str, list[str]] = {}
        token_cache = _TokenCache(self._number, self.normalizer.concept)
        content_words = self.normalizer.content_words

        def tokenize(text: str, shared: bool = False) -> list[str]:
            found = seen.get(text) if shared else None
            if found is None:
                words = content_words(text)
                surface.update(words)
                found = [token_cache[w] for w in words]
                if shared:
                    seen[text] = found
            return found

        return tokenize

    @property
    def known_tokens(self) -> set[str]:
        """Every token the entries or the source documents use."""
        return self._known

    def _number(self, token: str) -> str:
        """A number the documents never use ("point 7") stands for any such number; a year ("in 2019")
        for any such year."""
        if not is_number(token) or token in self._document_tokens:
            return token
        return YEAR if token.isdigit() and len(token) == 4 and 1500 <= int(token) <= 2099 else NUMBER

    # -- questions -------------------------------------------------------------------------

    def query_tokens(self, content_words: Sequence[str], background: Collection[str] = (),
                     counts: Collection[str] = (), capitalised: Collection[str] = ()) -> QueryTokens:
        """Tokens of a question's content words, typos mapped to known words, each with its weight;
        `background` words (the scene of the question, not what it asks) weigh less; `counts`, the
        numbers that count something, are one with the same number written out; `capitalised`, the
        words the question wrote as names (lower case), may be a person's first name."""
        seen: dict[str, float] = {}
        surface: list[str] = []
        unknown: list[str] = []
        concept = self.normalizer.concept
        if "thousand" in content_words:
            content_words = self._thousands_joined(content_words)
        for at, word in enumerate(content_words):
            spelled = self._number_forms.get(word) if word in counts or not word.isdigit() else None
            token = self._number(spelled or concept(word))
            if token == NUMBER and word in self._rounded and (
                    word not in counts or (content_words[at + 1] if at + 1 < len(content_words) else None)
                    in ROUNDED_UNITS):
                # "dropped 13%?", "is it 25 dollars?": the article's 13.3 percent, its $25.30; not "4 supports"
                token = self._rounded[word]
            if token not in self._known and word in self._name_parts and (
                    word in capitalised or rarity.zipf(word) is None):
                # "Ana" of "silva: [ana silva]" (not "wade into it" for a Wade of the story)
                token = self._name_parts[word]
            if token not in self._known:
                fixed = self._correct(word)
                if fixed is None:
                    if "?" + word not in seen:
                        unknown.append(word)
                        scene = BACKGROUND_FACTOR if word in background else 1.0
                        seen["?" + word] = UNKNOWN_WEIGHT * self.max_idf * scene
                        surface.append(word)
                    continue
                token = fixed
            if token in seen:
                continue
            surface.append(word)
            weight = self._idf.get(token, self.max_idf)
            if token not in self._document_tokens and token not in self._keyword_tokens:
                weight *= PHRASING_WORD_FACTOR
            if (word in QUESTION_WORDS or GENERAL_SYNONYMS.get(word) in QUESTION_WORDS) \
                    and word not in PLACE_TIME_WORDS:  # "dijo" weighs as "say" does
                weight = min(weight, QUESTION_WORD_WEIGHT)
            if word in background:
                weight *= BACKGROUND_FACTOR
            seen[token] = weight
        return QueryTokens(tuple(seen), tuple(seen.values()), tuple(unknown), tuple(surface))

    def entry_uses(self, candidate: Candidate, token: str) -> bool:
        """Whether the candidate's entry speaks of `token` (in a phrasing, keyword or its answer)."""
        i = self._position(candidate)
        return self._entry_has(i, token, self._primary_postings) or self._entry_has(i, token, self._answer_postings)

    def _position(self, candidate: Candidate) -> int:
        """The candidate's entry's place in the index (a Candidate made elsewhere may not carry it)."""
        return candidate.position if candidate.position >= 0 else self._positions[candidate.entry.id]

    def best_phrasing(self, candidate: Candidate, query: QueryTokens) -> tuple[str, tuple[str, ...]]:
        """The candidate's phrasing closest to the query and the question words they share (for
        explanations: the phrasings are tokenized as questions are, not as the index reads them)."""
        word_of = dict(zip(query.tokens, query.words))
        best, best_fit = candidate.entry.question, -1.0
        shared_words: tuple[str, ...] = ()
        for text, fit, shared in self._phrasing_fits(candidate, query):
            if fit > best_fit:
                best, best_fit, shared_words = text, fit, tuple(word_of[t] for t in shared)
        return best, shared_words

    def phrasings_fitting(self, candidate: Candidate, query: QueryTokens, at_least: float) -> list[str]:
        """The candidate's phrasings whose words fit the query at least this well."""
        return [text for text, fit, _ in self._phrasing_fits(candidate, query) if fit >= at_least]

    def _phrasing_tokens(self, text: str) -> tuple[str, ...]:
        """A phrasing's distinct tokens as a question's are read, worked out once per phrasing (a question
        asking for names compares them on the question path)."""
        tokens = self._tokens_of_phrasing.get(text)
        if tokens is None:  # bounded: the knowledge's own phrasings
            tokens = self._tokens_of_phrasing[text] = tuple(dict.fromkeys(
                self._number(self.normalizer.concept(w)) for w in self.normalizer.content_words(text)))
        return tokens

    def _phrasing_fits(self, candidate: Candidate, query: QueryTokens) -> Iterator[tuple[str, float, list[str]]]:
        """Each phrasing of the candidate, how well its words fit the query's, and the tokens they share."""
        weight_of = dict(zip(query.tokens, query.weights))
        for text in candidate.entry.phrasings:
            tokens = self._phrasing_tokens(text)
            shared = [t for t in tokens if t in weight_of]
            extra = sum(self._idf.get(t, 0.0) for t in tokens if t not in weight_of)
            yield text, sum(weight_of[t] for t in shared) / (query.total + extra) if query.total else 0.0, shared

    def in_documents(self, token: str) -> bool:
        """Whether a source document (the article) uses `token`."""
        return token in self._document_tokens

    def one_slip_from(self, word: str) -> list[str]:
        """The story's words one keystroke from `word` (a letter dropped, added, changed or two
        swapped, the first letter kept): "ofer" is one from the story's "offer". Which slips count is
        the caller's to say."""
        return _one_slip(word, self._vocabulary)

    def _thousands_joined(self, words: Sequence[str]) -> Sequence[str]:
        """"400 thousand", "400k" as the 400000 the story writes ("$400,000"); as two words when it
        writes no such number ("39k" may be 39 kilobytes)."""
        joined: list[str] = []
        for word in words:
            if word == "thousand" and joined and is_number(joined[-1]) and joined[-1].count(".") <= 1:
                value = float(joined[-1]) * 1000
                whole = str(int(value)) if value.is_integer() else ""
                if whole in self._known:
                    joined[-1] = whole
                    continue
            joined.append(word)
        return joined

    def _correct(self, word: str) -> str | None:
        """The known word a misspelling most likely means, if one is close enough (memoized:
        the fuzzy scan over the vocabulary is the costliest step of a question)."""
        try:
            return self._corrections[word]
        except KeyError:
            pass
        fixed = self._closest_known(word)
        if len(self._corrections) >= CORRECTION_CACHE:
            self._corrections.clear()
        self._corrections[word] = fixed
        return fixed

    def _closest_known(self, word: str) -> str | None:
        if len(word) == 3 and word.isalpha() and rarity.zipf(word) is None:
            # a story word cut one letter short ("vot" for "vote"), if no English word and only one is
            start = bisect.bisect_left(self._vocabulary, word)
            cut = [w for w in self._vocabulary[start:start + PREFIX_SCAN] if w.startswith(word) and len(w) == 4]
            token = self.normalizer.concept(cut[0]) if len(cut) == 1 else None
            return token if token in self._known else None
        if len(word) < 4 or not word.isalpha():
            return None
        if (rarity.zipf(word) or 0.0) >= COMMON_WORD_ZIPF:
            # a common English word is what it says ("true" is no typo of "truce"), or a story word
            # made from it ("north" for the article's "northern")
            start = bisect.bisect_left(self._vocabulary, word)
            made = [w for w in self._vocabulary[start:start + PREFIX_SCAN]
                    if w.startswith(word) and len(w) - len(word) <= MADE_FROM_EXTRA
                    and rarity.zipf(w) is not None]  # an English word made from it, not a name ("good", "Goodin")
            token = self.normalizer.concept(made[0]) if len(made) == 1 else None
            return token if token in self._known else None
        found = self._nearest(word, self._vocabulary) or self._nearest(word, self._variants)
        if found is None and len(word) >= NAME_SLIP_MIN_LENGTH and rarity.zipf(word) is None \
                and not _one_slip(word, _CALENDAR_WORDS):
            # a name one keystroke off ("silvz"), if the word is no English one (nor a day or month
            # mistyped: "mondy" is no "Mandy")
            slips = _one_slip(word, self._name_vocabulary)
            found = slips[0] if len(slips) == 1 else None
        if found is None:
            # a misspelt name's other word, if the word is no English one
            part = self._nearest(word, self._name_part_words) if rarity.zipf(word) is None else None
            return None if part is None else self._name_parts[part]
        if len(word) <= SHORT_COMMON_MAX and (own := rarity.zipf(word) or 0.0) >= FAIRLY_COMMON_ZIPF \
                and own > (rarity.zipf(found) or 0.0):
            return None  # a fairly common word is no slip for a rarer one ("gm chat" is no "cheat")
        token = self.normalizer.concept(found)
        return token if token in self._known else None

    @staticmethod
    def _nearest(word: str, vocabulary: list[str]) -> str | None:
        """The word of `vocabulary` a misspelling is nearest, if near enough."""
        # Jaro-Winkler forgives swapped and dropped letters ("harbuor", "fery") but, trusting
        # the first letters, keeps apart real words that merely look alike ("weather", "whether").
        found = process.extractOne(word, vocabulary, scorer=JaroWinkler.normalized_similarity,
                                   score_cutoff=TYPO_SIMILARITY)
        if found is None and len(word) >= ONE_EDIT_MIN_LENGTH and rarity.zipf(word) is None:
            # a longer non-word one keystroke from a known word (a letter dropped, doubled, swapped:
            # "teritory") is that word, though Jaro-Winkler may score it below the bar; a real English
            # word ("deported", "resigned") is never taken for another
            near = _one_slip(word, vocabulary)
            return max(near, key=lambda hit: JaroWinkler.normalized_similarity(word, hit), default=None)
        return None if found is None else found[0]

    def search(self, query: QueryTokens, limit: int = 5) -> list[Candidate]:
        """Entries ranked by score (0..1), best first."""
        total = query.total
        if total <= 0 or limit < 1:
            return []
        weight_of = dict(zip(query.tokens, query.weights))
        # Coverage per entry, summed token by token in question order (so every sum is the same
        # float however the entries are stored); a list beats a dict here by a factor of 2-3.
        coverage = [0.0] * len(self.entries)
        in_phrasings = [0.0] * len(self.entries)  # the part of it from words of its phrasings and keywords
        for token, weight in weight_of.items():
            for i in self._primary_postings.get(token, ()):
                coverage[i] += weight
                in_phrasings[i] += weight
            answer_weight = weight * ANSWER_WORD_FACTOR
            for i in self._answer_postings.get(token, ()):
                coverage[i] += answer_weight
        shortlist = self._shortlist(coverage)
        # Walk the shortlist by falling coverage. fit <= coverage (a phrasing's shared weight is
        # part of the entry's coverage, and total + extra >= total), so score = COVERAGE_SHARE *
        # coverage + (1 - COVERAGE_SHARE) * fit <= coverage: once an entry's coverage, rounded
        # as scores are, is below the limit-th best score so far, neither it nor any later entry
        # can reach the top `limit` (not even on a tie, which the entry id would break). Nor can an
        # entry whose phrasings share too little: fit <= in_phrasings / total, the same bound, tighter,
        # for that entry alone (so it is skipped, and the walk goes on).
        ranked: list[Candidate] = []
        best: list[float] = []  # min-heap of the `limit` best scores so far
        for i in shortlist:
            cov = coverage[i] / total
            if len(best) == limit and round(cov + BOUND_SLACK, 4) < best[0]:
                break
            if len(best) == limit and round(COVERAGE_SHARE * cov + (1 - COVERAGE_SHARE) * in_phrasings[i] / total
                                            + BOUND_SLACK, 4) < best[0]:
                continue
            fit = self._best_fit(i, weight_of, total)
            score = round(COVERAGE_SHARE * cov + (1 - COVERAGE_SHARE) * fit, 4)
            ranked.append(Candidate(self.entries[i], score, round(cov, 4), round(fit, 4), i))
            if len(best) < limit:
                heapq.heappush(best, score)
            elif score > best[0]:
                heapq.heapreplace(best, score)
        ranked.sort(key=lambda c: (-c.score, c.entry.id))
        return ranked[:limit]

    @staticmethod
    def _shortlist(coverage: list[float]) -> list[int]:
        """The PHRASING_CANDIDATES entries of highest coverage, highest first (ties: lower index)."""
        touched = list(compress(range(len(coverage)), coverage))  # the entries sharing a word (weights are > 0)
        touched.sort(key=coverage.__getitem__, reverse=True)  # stable: ties keep the lower index first
        return touched[:PHRASING_CANDIDATES]  # (as heapq.nlargest, at half its cost on ~100 entries)

    def _best_fit(self, i: int, weight_of: dict[str, float], total: float) -> float:
        """The weighted Jaccard of the question and entry i's closest phrasing."""
        best = 0.0
        idf = self._idf
        asked = weight_of.keys()
        for phrasing in self._phrasings[i]:
            if asked.isdisjoint(phrasing):
                continue  # shares no token: fit 0 (most phrasings of a shortlisted entry; a C-speed test)
            shared = extra = 0.0
            for token in phrasing:  # a phrasing has fewer tokens than most questions
                weight = weight_of.get(token)
                if weight is None:
                    extra += idf[token]
                else:
                    shared += weight
            fit = shared / (total + extra)
            if fit > best:
                best = fit
        return best


def _one_slip(word: str, vocabulary: list[str]) -> list[str]:
    """The words of `vocabulary` one keystroke from `word`, the first letter kept."""
    return [hit[0] for hit in process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=1, limit=None)
            if hit[0][:1] == word[:1]]
