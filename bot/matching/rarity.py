"""How rare a word is in general English: the words that make a question specific.

"How many players does the club have?" is about players; an FAQ entry about the club that
never says "players" does not answer it. Rarity comes from wordfreq's English word list (a maintained
package that ships its data), never from hand-made lists tuned to one story.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

import wordfreq
from rapidfuzz import process
from rapidfuzz.distance import OSA

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


@lru_cache(maxsize=8192)
def common_word_mistyped(word: str) -> str | None:
    """The very common English word that a word English does not list is one slip from (a letter
    dropped, added, changed or two swapped, the first letter kept), if any."""
    if len(word) < MIN_LENGTH or not word.isalpha() or zipf(word) is not None:
        return None
    found = process.extractOne(word, _common_words(), scorer=OSA.distance, score_cutoff=1,
                               processor=None)
    return found[0] if found is not None and found[0][0] == word[0] else None


def is_informative(word: str) -> bool:
    """True for a word that makes a question specific: a number, a name, a rare word."""
    if word.isdigit():
        return True
    if len(word) < MIN_LENGTH:
        value = zipf(word)  # unlisted short words are mostly typos ("wht", "hok")
        return word.isalpha() and value is not None and value < SHORT_WORD_ZIPF
    if word.endswith("ly") and zipf(word[:-2]) is not None:
        return False  # an adverb of a common word ("reportedly", "officially") says how, not what
    value = zipf(word)
    if value is None:
        return len(word) >= UNLISTED_MIN_LENGTH and word.isalpha() and common_word_mistyped(word) is None
    return value < INFORMATIVE_ZIPF
