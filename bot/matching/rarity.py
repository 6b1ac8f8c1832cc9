"""How rare a word is in general English: the words that make a question specific.

"How many players does the club have?" is about players; an FAQ entry about the club that
never says "players" does not answer it. Rarity comes from wordfreq's English word list (a maintained
package that ships its data), never from hand-made lists tuned to one story.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

import wordfreq
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.language import OTHER_LANGUAGE_QUESTION_WORDS, ROMANISED_HINDI, STOPWORDS, is_number

# Zipf frequency (log10 of occurrences per billion words) below which a word is specific enough
# that an answer must speak to it: "troops" 4.6, "weather" 4.9, "eurovision" 3.2 are; "plan"
# 5.3, "people" 6.0, "happen" 5.0 are not.
INFORMATIVE_ZIPF = 4.95
# A word that general English does not list at all is a name, a rare word or a typo; only from
# this length on is it taken as specific (short unknown words are mostly chat slang or typos).
UNLISTED_MIN_LENGTH = 5
# Shorter words are mostly chat and typos of common words ("bin", "ben" for "been"), unless they
# are rare in English too (acronyms and names: "sas", "imf").
MIN_LENGTH = 4
SHORT_WORD_ZIPF = 3.6
# Words this frequent are the ones typed in passing, and mistyped: a word the list lacks that is one
# slip from one of them ("artcle", "acording", "wuold") is that word, not a name or a rare word.
COMMON_ZIPF = 5.0


@cache
def _frequencies() -> dict[str, float]:
    # The "small" list: 29,000 words, about 10 ms and 3 MB to load once per process.
    return wordfreq.get_frequency_dict("en", wordlist="small")


def zipf(word: str) -> float | None:
    """The word's Zipf frequency in English, or None when the list does not have it."""
    frequency = _frequencies().get(word)
    return None if not frequency else math.log10(frequency * 1e9)


@cache
def _common_words() -> tuple[str, ...]:
    return tuple(w for w, f in _frequencies().items()
                 if len(w) >= MIN_LENGTH - 1 and w.isalpha() and math.log10(f * 1e9) >= COMMON_ZIPF)


# "goin", "sayin": a word typed without the "g" of its "-ing" is that word when the "-ing" word is this
# much commoner (zipf): not "thin" for "thing" (4.6 to 5.9), "win" for "wing", "basin" for "basing"
G_DROPPED_GAP = 1.5
G_DROPPED_MIN_LENGTH = 4  # "kin" is no "king"


@lru_cache(maxsize=8192)
def with_g_restored(word: str) -> str | None:
    """The "-ing" word that a chat spelling without its "g" stands for ("goin" -> "going",
    "lookin" -> "looking"), if the "-ing" word is much commoner than the spelling; else None."""
    if len(word) < G_DROPPED_MIN_LENGTH or not word.endswith("in") or not word.isalpha():
        return None
    full = zipf(word + "g")
    return word + "g" if full is not None and full - (zipf(word) or 0.0) >= G_DROPPED_GAP else None


_LONG_RUN = re.compile(r"([a-z])\1{2,}")  # a letter typed three times or more: "sooo", "lmaooo", "plsss"
_LAUGH = re.compile(r"^(?:ha){3,}h?$|^(?:he){3,}h?$")  # "hahaha", "hehehe"


@lru_cache(maxsize=8192)
def without_elongation(word: str) -> str | None:
    """The word a chat spelling stretches ("sooo" -> "so", "lmaooo" -> "lmao", "whyyy" -> "why", "hahaha" ->
    "haha"): its runs of a letter cut to one letter, or to two ("sooon" -> "soon"), whichever is a stop word
    or commoner in English than the stretched spelling; else None."""
    if _LAUGH.match(word):
        return "haha"
    if not _LONG_RUN.search(word) or len(set(word)) < 2:  # (not "ppp", "www": a name, an address)
        return None
    stretched = zipf(word) or 0.0  # (chat's commonest stretchings are listed: "sooo" 3.5, still far below "so")
    for squeezed in (_LONG_RUN.sub(r"\1", word), _LONG_RUN.sub(r"\1\1", word)):
        if squeezed in STOPWORDS or (zipf(squeezed) or 0.0) > stretched:
            return squeezed
    return None


@lru_cache(maxsize=8192)
def common_word_mistyped(word: str) -> str | None:
    """The very common English word that a word English does not list is one slip from (a letter
    dropped, added, changed or two swapped, the first letter kept), if any."""
    if len(word) < MIN_LENGTH or not word.isalpha() or zipf(word) is not None:
        return None
    found = process.extractOne(word, _common_words(), scorer=OSA.distance, score_cutoff=1,
                               processor=None)
    return found[0] if found is not None and found[0][0] == word[0] else None


def common_words_mistyped(word: str) -> list[str]:
    """Every very common English word one slip from a word English does not list (the first letter
    kept): "thre" is one from "the", "there" and "three"."""
    if len(word) < MIN_LENGTH or not word.isalpha() or zipf(word) is not None:
        return []
    return [hit[0] for hit in process.extract(word, _common_words(), scorer=OSA.distance, score_cutoff=1,
                                              processor=None, limit=None) if hit[0][0] == word[0]]


_QUESTION_WORDS = ("what", "when", "where", "which", "who", "whom", "whose", "why", "how")
_COUNT_WORDS = ("many", "much", "long")  # after "how"


RARE_SLIP_ZIPF = 3.5  # "lon", "lng" (3.2): after "how" and before a verb, a slip of "long" rather than themselves


@lru_cache(maxsize=4096)
def question_word_mistyped(word: str, after_how: bool = False, rare_too: bool = False) -> str | None:
    """The question word a word English does not list is one slip from ("waht", "wehn"; "mnay",
    "mcuh" and "lomg" after "how"; "hwo"), when it is one slip from no other (the first letter kept): the kind
    of question is read from it. `rare_too`: a rare English word may be the slip too ("how lon was it?",
    "how lng is it?": where a verb follows "how" and the word, the caller's to say)."""
    known = zipf(word)
    if len(word) < 3 or not word.isalpha() or (known is not None and (not rare_too or known >= RARE_SLIP_ZIPF)):
        return None
    targets = _COUNT_WORDS if after_how else _QUESTION_WORDS
    hits = [t for t in targets if t[0] == word[0] and OSA.distance(word, t, score_cutoff=1) <= 1]
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=8192)
def is_english(word: str) -> bool:
    """Whether general English lists a word or the word it is inflected from ("normalizing" from
    "normalize"): an unlisted word that is neither is a name or a typo."""
    if zipf(word) is not None:
        return True
    # ("votes" -> vote, "boxes" -> box; not "morrs" -> "mor": a name mistyped)
    stems = [word[:-1], *([word[:-2]] if word.endswith("es") else [])] if word.endswith("s") else []
    if word.endswith(("ed", "ing")):
        cut = word[:-2] if word.endswith("ed") else word[:-3]
        stems += [cut, cut + "e", cut[:-1]]  # "voted" -> vote, "planning" -> plan
    return any(len(stem) >= 3 and zipf(stem) is not None for stem in stems)


def says_how(word: str) -> bool:
    """Whether a word is an adverb of a common word ("reportedly", "officially", "specifically",
    "happily"): it says how, not what, so no answer need speak of it."""
    return word.endswith("ly") and (zipf(word[:-2]) is not None
                                    or (word.endswith("ally") and zipf(word[:-4]) is not None)
                                    or (word.endswith("ily") and zipf(word[:-3] + "y") is not None))


@lru_cache(maxsize=8192)  # asked of every word of every question: the same words, again and again
def is_informative(word: str) -> bool:
    """True for a word that makes a question specific: a number, a name, a rare word."""
    if is_number(word):
        return True
    if len(word) < MIN_LENGTH:
        value = zipf(word)  # unlisted short words are mostly typos ("wht", "hok")
        return word.isalpha() and value is not None and value < SHORT_WORD_ZIPF
    if says_how(word):
        return False
    value = zipf(word)
    if value is None:
        return len(word) >= UNLISTED_MIN_LENGTH and word.isalpha() and common_word_mistyped(word) is None
    return value < INFORMATIVE_ZIPF


# A message in another language written in Latin letters ("¿Qué dijo la alcaldesa sobre el puente?")
# is read by its names and the words the story knows; its own common words ("qué", "dijo", "sobre")
# are not English words rare enough to be asked about. The languages whose common words are known:
OTHER_LANGUAGES = ("es", "fr", "de", "it", "pt", "nl")
# A word is another language's when that language uses it this often, and far more often than
# English does ("de", "über", "dijo"; not "plan" or "president", as common in English).
OTHER_LANGUAGE_ZIPF = 4.0
OTHER_LANGUAGE_LEAD = 1.5
# No language uses a word 1.5 more often than English when English uses it this often ("the", "is").
ENGLISH_COMMON_ZIPF = 6.0
# A message is in another language when this share of its words (and at least two) are, and of its
# opening words too.
OTHER_LANGUAGE_SHARE = 0.4
OPENING_WORDS = 12


@cache
def _language_frequencies(language: str) -> dict[str, float]:
    return wordfreq.get_frequency_dict(language, wordlist="small")


def load_other_languages() -> None:
    """Load the other languages' word lists now (about 10 ms and 3 MB each, once per process),
    so that the first question does not wait for them."""
    for language in OTHER_LANGUAGES:
        _language_frequencies(language)


def _zipf_in(language: str, word: str) -> float:
    # (the lists hold words case-folded, as wordfreq reads them: "groß" is listed as "gross")
    frequency = _language_frequencies(language).get(word.casefold())
    return math.log10(frequency * 1e9) if frequency else 0.0


@lru_cache(maxsize=8192)
def is_other_language_word(word: str) -> bool:
    """Whether a word (lower case) is another language's rather than English ("puente", "pont")."""
    english = zipf(word) or 0.0
    if word in ROMANISED_HINDI:
        return english < ENGLISH_COMMON_ZIPF
    return english < ENGLISH_COMMON_ZIPF and any(
        (z := _zipf_in(language, word)) >= OTHER_LANGUAGE_ZIPF and z >= english + OTHER_LANGUAGE_LEAD
        for language in OTHER_LANGUAGES)


def other_language_words(words: list[str]) -> list[str]:
    """The words of a message (as written, accents kept) that belong to another language, when the
    message is written in one; [] for a message in English. A capitalised word after the first
    is a name ("Han", "Silva"), whatever it means elsewhere."""
    def foreign_in(some: list[str]) -> list[str]:
        plain = [w for i, w in enumerate(some) if i == 0 or not w[0].isupper()]  # the names aside
        found = [w for w in plain if len(w) > 1 and is_other_language_word(w.lower())]
        # and at least one of them no English word at all ("dijo", "über"): "per se", "um wat" are English
        foreign = any(not w.isascii() or zipf(w.lower()) is None for w in found)
        # (two of them at least, or one opening the question as its question word: "¿Cuándo dimitió X?")
        enough = len(found) >= 2 or (len(found) == 1 and found[0] == some[0]
                                     and found[0].lower() in OTHER_LANGUAGE_QUESTION_WORDS)
        return found if foreign and enough and len(found) >= OTHER_LANGUAGE_SHARE * len(plain) else []

    # a long message shows its language in its first words: the rest is read only when they do
    if len(words) > OPENING_WORDS and not foreign_in(words[:OPENING_WORDS]):
        return []
    return foreign_in(words)
