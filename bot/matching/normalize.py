"""Turn free text into comparable tokens: done once per phrasing at load, once per question.

Steps: Unicode compatibility folding (full-width letters, ligatures), Latin look-alikes in
mixed-script words, accents, case, the story's phrases and synonyms (from its knowledge file:
spellings of a name, words people use for the same thing), stop words, and Snowball stems.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Collection, Iterable
from functools import lru_cache

import snowballstemmer

from bot.knowledge.model import KnowledgeBase, Vocabulary
from bot.language import (
    CHAT_SPELLINGS,
    FOREIGN_STOPWORDS,
    GENERAL_SYNONYMS,
    PRONOUN_CONTRACTIONS,
    QUESTION_WORDS,
    STEMS_KEPT_APART,
    STOPWORDS,
    VERB_FORMS,
    is_number,
)
from bot.matching import rarity

_THREAD = threading.local()
# the stems STEMS_KEPT_APART's words share with the others ("author", "busi", ...)
_STEMS_SHARED = frozenset(snowballstemmer.stemmer("english").stemWords(list(STEMS_KEPT_APART.values())))


def _stem(word: str) -> str:
    """A Snowball stemmer keeps state between calls, so each thread has its own: a reload builds
    an index in a worker thread while questions are answered on the event loop."""
    stemmer = getattr(_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _THREAD.stemmer = snowballstemmer.stemmer("english")
    stem = str(stemmer.stemWord(word))
    if stem in _STEMS_SHARED:  # (most words: one look-up)
        return next((kept for start, kept in STEMS_KEPT_APART.items() if word.startswith(start)), stem)
    return stem

# Cyrillic and Greek letters that look like Latin ones; only folded inside words that are
# otherwise Latin, so a genuinely Cyrillic question stays Cyrillic.
_LOOKALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "к": "k", "м": "m", "т": "t", "н": "h", "в": "b", "ѕ": "s",
    "А": "A", "Е": "E", "О": "O", "Р": "P", "С": "C", "Х": "X", "І": "I", "К": "K", "М": "M",
    "Т": "T", "Н": "H", "В": "B", "Ѕ": "S", "ο": "o", "α": "a", "ε": "e", "ι": "i", "ν": "v",
})

# Amounts written the short way, as in chat and headlines: "$40B", "40bn", "5k".
_UNITS = {"k": "thousand", "m": "million", "mn": "million", "mln": "million", "b": "billion", "bn": "billion",
          "t": "trillion", "tn": "trillion",
          # the unit written out and joined, as papers print it: "£7million", "$4.2billion"
          "thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion"}
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)(k|m|mn|mln|b|bn|t|tn|thousand|million|billion|trillion)")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")  # "2nd" is "second", read as 2 ("June 5th" is "June 5")
_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
# "2,000", and the Indian grouping of lakhs and crores, "1,12,000" (112,000): one number
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d)|\d{2}(?:,\d{2})*,\d{3}(?!\d))")
# "84 grand" is a sum as "84k" is (followed by nothing, a stop, or a small word: not "23 grand slams")
_GRAND = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?) grand(?=\s*(?:$|[^\w\s])|\s+(?:in|for|of|to|and|or|a|an|per|each|from"
                    r"|back|at|on|plus|cash|total|worth|bucks|dollars)\b)")
_PERCENT_ASKED = re.compile(r"(?<!\d)(?<!\d )%(?!\s?\d)")  # not "%100" either
_TLDR = re.compile(r"\btl\s*;\s*dr\b|\btl dr\b")
# "X's take?", "what's the french take on it?": what X says ("will the council take it down?" is the verb)
_TAKE_ON = re.compile(r"(\w's|\b(?:his|her|their)|\b(?:what(?:'s| is| was)|whats|wats) the"
                      r"(?: (?!(?:to|they|we|you|u|i|he|she|it|people|one)\b)\w+){1,2}?)(?: hot)? take\b")
# "when did he report it?", "who did they report to?": the verb, not the news word "report" (a stop word)
_REPORT_VERB = re.compile(r"\b(?=[dwchnt])((?:did|does|do|will|would|could|has|have|had|didnt|never)\s+(?:\w+\s+){0,2}?"
                          # "to report", not "in response to the council report": "to" before a noun
                          r"|to\s+(?:(?!(?:the|a|an|this|that|his|her|its|their)\b)\w+\s+)?)"
                          r"(?<!the )(?<!\ba )(?<!\ban )(?<!this )(?<!that )(?<!his )(?<!her )(?<!its )(?<!their )"
                          r"report\b(?!\s+(?:say|says|said|show|shows|showed|find|finds|found|claim|claims|come|came"
                          r"|state|states|mention|mentions|suggest|suggests|reveal|reveals|note|notes|add|adds|is|was"
                          r"|actually|really)\b)")
# "so far", "thus far": until now, one word (UNTIL_NOW) that sets the question's time and weighs little
# (Analysis.background); "far" alone is a distance ("how far", "so far away", "so far from home")
UNTIL_NOW = "sofar"
_SO_FAR = re.compile(r"\b(?:so|thus) far\b(?!\s+(?:away|from|out|off|as|beyond|ahead|behind|apart|back|too)\b)")
# "I heard ...", "is it true that ...", "... true?", "asking for a friend": how the asker came by a
# claim or asks about it, not words of the claim ("is it" stays: it still asks yes or no)
_HEARD = re.compile(r"\b(?:(?:i|we)(?:'ve| have|ve)?\s+(?:just\s+)?hear(?:d)?"
                    r"|(?:did|have|do)\s+(?:you|u|ya)\s+(?:guys\s+)?hear(?:d)?)\s+(?:somewhere\s+)?(?:that\s+|about\s+)?"
                    # "I've heard conflicting things": what the asker heard, not what is asked
                    r"(?:(?:conflicting|mixed|contradictory)\s+(?:things|reports|stuff|info|stories)\b)?")
# only the asker's "is it true", "is it a fact that", "true or false", "..., true?": "is the story true?"
# asks about the story ("is this true?", "is this real?" ask of the story, not of truth or of what is real)
# (the look-ahead first: each match starts with "a", "r", "t" or a comma, and the look-behinds are slow to try
# at every letter)
_TRUE = re.compile(r"(?=[art,])(?:(?:(?<=\bit )|(?<=\bthat )|(?<=\bthis ))(?:(?:actually|really)\s+)?"
                   r"(?:true(?:\s+that)?\b|(?<=\bit )a\s+fact\s+that\b|real\W*$)"
                   r"|\btrue\s+or\s+(?:false|not)\b|,\s*true\W*$)")
# where a sentence of an answer ends: at . ! or ? before a capital ("the U.S. official" is one sentence)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_FOR_A_FRIEND = re.compile(r"\(?asking for a friend\)?")
# "can someone remind me who went?": the asker's request, as "tell me" is ("what did she remind them of?" keeps it)
_REMIND_ME = re.compile(r"\bremind\s+(?:me|us|u)\b(?:\s+(?:again|of|about)\b)?")
# "based on what he said", "just following along": how the asker frames the question, not its words
# ("what is the story based on?", "following the vote" keep theirs)
_FRAMING = re.compile(r"\bbased\s+on\s+(?=what\s+(?:[\w']+\s+){1,3}?(?:said|says|say|wrote|writes|reported|reports"
                      r"|told|knows?)\b)|\bfollow(?:ing|ed)?\s+along\b")
# "figure it out", "figured out": finding out
_FIGURE_OUT = re.compile(r"\bfigur(?:e|ed|ing)\s+(?:(?:it|this|that|them|him|her)\s+)?out\b")
# "what did the minister tell the envoys?", "what he told them": what someone said ("tell me" is the asker's)
_TOLD = re.compile(r"\btold\b|\b(?:did|does|do|will|would|could|might|to)\s+(?!you\b|u\b|ya\b)((?:[\w.]+\s+){0,5}?)"
                   r"tell\b(?!\s+(?:me|us|you|u)\b)")


# A name this long or longer has its people's adjective read as the name ("Cuba" -> "Cuban");
# shorter ones would claim common words ("Ma" -> "man")
DEMONYM_MIN_BASE = 4
_STORY_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\b")


_BETWEEN = r"[\s&'/-]+"  # what may join a phrase's words ("cnn/si" is the phrase "cnn si" too)


def _phrase_word(part: str) -> str:
    """A phrase's word before its last, and what joins it to the next, as a pattern."""
    if part in ("n", "and"):
        return rf"(?:(?:n|and){_BETWEEN})?"
    return re.escape(part) + _BETWEEN


def _parts(phrase: str) -> list[str]:
    """The words of a synonym as text is read: folded, split at spaces and at dashes."""
    return [p for token in _TOKEN.findall(fold(phrase)) for p in token.split("-") if p]


def story_names(texts: Iterable[str]) -> set[str]:
    """The capitalised words inside the sentences of a story's texts, in lower case: its names."""
    return {w.lower() for text in texts for w in _STORY_NAME.findall(text)}


def _demonyms(name: str) -> set[str]:
    """The usual adjective forms of a place name: Cuba-n, Iraq-i, Japan-ese, Argentin(a)-ian,
    Chil(e)-ean, Mexic(o)-an, Brazil-ian, Baham(as)-ian."""
    forms = {name + "n", name + "i", name + "ese", name + "ian", name[:-1] + "ian", name[:-1] + "ean",
             name[:-1] + "an"}
    if name.endswith(("es", "as")):
        forms.add(name[:-2] + "ian")
    return forms - {name}


def _places_of(adjective: str) -> tuple[str, ...]:
    """The places an adjective of the usual forms may be of, likeliest first: Keny(a)-n,
    Argentin(a)-ian, Canad(a)-ian, Chin(a)-ese (never the bare stem: "guard" is no place of "Guardian")."""
    if len(adjective) < DEMONYM_MIN_BASE + 2 or not adjective.isalpha():
        return ()
    stem = adjective[:-3]
    if adjective.endswith("ese"):
        return (stem + "a",)
    if adjective.endswith("ian"):
        return (adjective[:-1], stem + "e", stem + "a")
    return (adjective[:-1],) if adjective.endswith("an") else ()


def fold(text: str) -> str:
    """Compatibility-fold, fix look-alike letters in Latin words, drop accents, casefold."""
    if text.isascii():
        # The same result, several times faster: Unicode normalization, look-alike letters,
        # accents and curly quotes cannot occur in ASCII, and casefold() is lower() there.
        return " ".join(text.split()).lower()
    if not _BEYOND_PUNCTUATION.search(text):
        # ASCII but for dashes, curly quotes, an ellipsis or odd spaces (a pasted message): the same
        # result as below, without normalizing every character
        return " ".join(text.translate(_PUNCTUATION).split()).lower()
    text = _VULGAR_FRACTION.sub(_as_decimal, text)  # (the text itself back when it has none)
    text = unicodedata.normalize("NFKC", text)
    words = []
    for word in text.split():
        if _has_latin(word):
            word = word.translate(_LOOKALIKES)
        words.append(word)
    text = " ".join(words)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold().replace("’", "'").replace("‘", "'")


# A number with a fraction sign, "8½" (NFKC would make it "81⁄2", the numbers 81 and 2): read as 8.5
_VULGAR_FRACTION = re.compile(r"(?<![^\W\d_])(\d*)([\u00bc-\u00be\u2150-\u215e])")


def _as_decimal(match: re.Match[str]) -> str:
    return f"{int(match[1] or 0) + unicodedata.numeric(match[2]):g}"


# The non-ASCII characters `fold` leaves as they are or folds to ASCII itself (NFKC and the quotes)
_PUNCTUATION = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2026": "...", "\u00a0": " ", "\u2009": " ",
                              "\u202f": " ", "\u2007": " "})
_BEYOND_PUNCTUATION = re.compile("[^\x00-\x7f\u2014\u2013\u2019\u2018\u201c\u201d\u2026\u00ab\u00bb\u2022"
                                 "\u00a0\u2009\u202f\u2007]")


def _plural(word: str) -> str:
    """The pattern of the -s or -es a word's plural (or, on a name, a possessive typed without its
    apostrophe) adds: "plans", "buses", "roes"; nothing after a small word or a letter ("report it"
    is no "report its", "world war i" no "world war is")."""
    if len(word) <= 2 or not word.isalpha() or word in STOPWORDS:
        return ""
    return "(?:es)?" if word.endswith(("s", "x", "z", "ch", "sh")) else "s?"


def _has_latin(word: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in word)


# what the question words stem to: a story's synonym sharing one ("manie", "many") is read by its own spelling only
_QUESTION_STEMS = frozenset(_stem(w) for w in QUESTION_WORDS)
PHRASE_TYPO_MIN = 5  # a word this long one keystroke from a word of a story phrase is taken as it, in the phrase
# ... unless English uses it this often: a rare word ("stephan" for the phrase's "stephen") may be a slip, since
# the phrase must then be made whole for it to count ("stephan gieseler" is the name; "stephan" alone is itself)
PHRASE_SLIP_ZIPF = 3.9
_PHRASE_WORD = re.compile(rf"\b[a-z]{{{PHRASE_TYPO_MIN},}}\b")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _may_be_a_slip(word: str) -> bool:
    """Whether a word is rare enough in English to be a slip for a word of a story's phrase."""
    return (rarity.zipf(word) or 0.0) < PHRASE_SLIP_ZIPF


def _one_slip_forms(word: str) -> set[str]:
    """Every word one keystroke from `word` (a letter dropped, added, changed, or two swapped), its
    first letter kept: the typos of it that are forgiven."""
    forms = {word[:i] + word[i + 1:] for i in range(1, len(word))}
    forms |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
    forms |= {word[:i] + c + word[i + 1:] for i in range(1, len(word)) for c in _LETTERS}
    forms |= {word[:i] + c + word[i:] for i in range(1, len(word) + 1) for c in _LETTERS}
    return forms - {word}


class Normalizer:
    """Words and comparable tokens of free text, under one knowledge folder's vocabulary.

    Built once per knowledge load; each distinct raw word is worked out once (bounded caches),
    since the few thousand words of a folder recur in every text and question.
    """

    def __init__(self, vocabulary: Vocabulary | None = None, names: Collection[str] = ()) -> None:
        self._concepts = dict(GENERAL_SYNONYMS)
        # another language's function word the story uses as a name (a "Del Rio", a "Di Santo") is a word
        kept = {n for n in names if n in FOREIGN_STOPWORDS}
        phrases: dict[str, tuple[str, re.Pattern[str], str]] = {}
        for canonical, variants in (vocabulary.synonyms if vocabulary else ()):
            joined = "".join(_parts(canonical)).replace("'", "")
            target = self._plain_concept(joined)
            for variant in (canonical, *variants):
                parts = _parts(variant)  # "ten-year" is a phrase, as text splits it at the dash
                if len(parts) > 1:  # a phrase: folded to one word before the text is split
                    # ("p c" is also "P&C" and "P-C": letters joined by a sign are one name), as is its
                    # plural or a possessive typed without an apostrophe ("harbour bridges", "jane roes stake")
                    last = re.escape(parts[-1]) + _plural(parts[-1])
                    needs = max(parts, key=len)  # a word every match holds: the text is searched only then
                    forms = sorted((f for f in _demonyms(parts[-1]) if rarity.zipf(f) is not None), key=len,
                                   reverse=True) if parts[-1] in names and len(parts[-1]) >= DEMONYM_MIN_BASE else []
                    if forms:
                        # a place's adjective is the place too: "South African(s)" for "South Africa"
                        last = "(?:" + "|".join([last, *(form + "s?" for form in forms)]) + ")"
                        shared = parts[-1]  # the start the place and its adjectives share ("argentin")
                        for form in forms:
                            while not form.startswith(shared):
                                shared = shared[:-1]
                        needs = max([*parts[:-1], shared], key=len)
                    # (an apostrophe between its words too: "rock 'n roll", "rock'n roll"; and its "'n" is
                    # "and" or "&" too: "rock and roll", "rock & roll")
                    pattern = r"\b" + "".join(_phrase_word(p) for p in parts[:-1]) + last + r"\b"
                    phrases[" ".join(parts)] = (needs, re.compile(pattern), joined)
                elif parts and variant is not canonical:
                    word = parts[0].replace("'", "")
                    if "." in word and not is_number(word):
                        word = word.replace(".", "")  # "l.a." is read as "la", as text reads it
                    if word in FOREIGN_STOPWORDS:
                        kept.add(word)  # another language's "la", listed by the story: a name here ("LA")
                    self._concepts[word] = target
                    if _stem(word) not in _QUESTION_STEMS:
                        self._concepts.setdefault(_stem(word), target)
                    else:  # "manie" for a name, never "many" with it; "manies" ("manie's" typed plain) still
                        self._concepts.setdefault(word + "s", target)
        self._kept = frozenset(kept)
        # "response" as "respond", "decision" as "decide": read through the story's synonyms too (a verb may be one)
        for form, verb in VERB_FORMS.items():
            self._concepts.setdefault(form, self._plain_concept(verb))
        # "Cuban", "Iraqi", "Japanese" for the story's "Cuba", "Iraq", "Japan": the same
        # concept, unless the story's synonyms say otherwise
        for name in sorted(names, key=lambda n: (-len(n), n)):  # two names, one adjective: the longer name's
            if len(name) >= DEMONYM_MIN_BASE and name.isalpha():
                target = self._plain_concept(name)
                for form in _demonyms(name):
                    self._concepts.setdefault(form, target)
                    self._concepts.setdefault(_stem(form), target)
        # and "Kenya" for a story that only ever says "Kenyan" (a place word of English, the
        # adjective's own: not "guard" for "Guardian")
        for name in sorted(names):
            place = next((p for p in _places_of(name) if rarity.zipf(p) is not None), None)
            if place is not None and place not in names:
                self._concepts.setdefault(place, self._plain_concept(name))
        # longest first, so "united states of america" wins over "united states"
        self._phrases = tuple(sorted(phrases.values(), key=lambda p: -len(p[1].pattern)))
        # each word the phrases need, once, with the places (in that order) of the phrases needing it: a
        # text is searched for each such word once, not once for every phrase that needs it
        needing: dict[str, list[int]] = {}
        for at, (needs, _, _) in enumerate(self._phrases):
            needing.setdefault(needs, []).append(at)
        self._phrases_needing = {needs: tuple(places) for needs, places in needing.items()}
        self._last_needs: tuple[str, list[str]] = ("", [])  # the last text searched whole, and the words it held
        self._message_needs: tuple[str, list[str]] = ("", [])  # the same, for the message `expect` was told of
        # the phrases' longer words, for a typo inside a phrase ("harbuor bridge"), which no phrase would join
        phrase_words = {w for key in phrases for w in key.split() if len(w) >= PHRASE_TYPO_MIN and w.isalpha()}
        slips: dict[str, str | None] = {}
        for word in sorted(phrase_words):
            for slip in _one_slip_forms(word) - phrase_words:
                if _may_be_a_slip(slip):  # (a common English word is never a typo: "fairy" is no "ferry")
                    slips[slip] = word if slips.get(slip, word) == word else None  # (a slip of two: neither)
        self._phrase_slips = {slip: word for slip, word in slips.items() if word is not None}
        self._phrase_typo = lru_cache(maxsize=8192)(self._phrase_typo_of)
        self._forms = lru_cache(maxsize=65536)(self._forms_of)
        self._content_forms = lru_cache(maxsize=65536)(self._content_forms_of)
        self.concept = lru_cache(maxsize=65536)(self._concept_of)
        # a name's words, as questions' words are written ("Ana Silva" -> ana, silva): asked for
        # every name of every part of a message
        self.name_words = lru_cache(maxsize=8192)(self._name_words_of)

    @classmethod
    def of(cls, knowledge: KnowledgeBase) -> Normalizer:
        """The normalizer of a knowledge folder: its stories' vocabulary, and the names their
        documents use (whose adjectives read as the names)."""
        return cls(knowledge.vocabulary,
                   story_names(d.text for story in knowledge.stories for d in story.documents))

    def raw_words(self, text: str) -> list[str]:
        """Folded words of `text`, the story's phrases already joined into one token each."""
        return self.raw_words_of_folded(fold(text))

    def _phrase_typo_of(self, word: str) -> str | None:
        """The word of a phrase that a word no English speaker writes (or a rare one) is one keystroke
        from, its first letter kept ("harbuor" for "harbour", "stephan" for "stephen"), if one is."""
        meant = self._phrase_slips.get(word)
        if meant is None or word in self._concepts or not _may_be_a_slip(word) or (
                rarity.zipf(word) is None and rarity.is_english(word)):
            return None  # (an inflected word is English too: "hiked" is no typo of "hikes")
        return meant

    def _mend_phrase_typos(self, folded: str) -> str:
        """A text with a typo inside one of the story's phrases mended, when that makes the phrase:
        "when does the harbuor bridge close" reads "harbour bridge" (a word alone is the index's to mend)."""
        if self._phrase_slips.keys().isdisjoint(_PHRASE_WORD.findall(folded)):
            return folded  # most questions: a look-up of each longer word
        mended = _PHRASE_WORD.sub(lambda m: self._phrase_typo(m.group()) or m.group(), folded)
        if mended == folded:
            return folded
        made = any(self._phrases[place][1].search(mended) and not self._phrases[place][1].search(folded)
                   for needs in self._needs_in(mended) for place in self._phrases_needing[needs])
        return mended if made else folded

    def as_typed(self, word: str, folded: str) -> str:
        """A word of a question (folded) as the question typed it: one of the story's phrases, joined
        into one word ("lastweek" for `lastweek: [last week]`), is the words that made it ("last week")."""
        if word in folded.split() or not self._phrases:
            return word
        return next((found.group() for _, pattern, joined in self._phrases
                     if joined == word and (found := pattern.search(folded)) is not None), word)

    def phrase_words_in(self, folded: str) -> set[str]:
        """The words of a text (folded) inside one of the story's phrases that name something ("de" of
        "ana de silva"; not of a phrase of small words alone, "was das")."""
        return {word for needs, pattern, _ in self._phrases if needs in folded
                for found in pattern.finditer(folded) if not STOPWORDS.issuperset(words := found.group().split())
                for word in words}

    def _needs_in(self, folded: str) -> list[str]:
        """The words phrases need that a text (folded) holds. A message's parts are read after `expect`
        looked at the whole of it: a part's words are sought among those the whole held (a word in the
        part is in the whole)."""
        for whole, held in (self._message_needs, self._last_needs):  # (one read of a pair: another thread
            if folded in whole:                                          # may replace it, never half)
                return [needs for needs in held if needs in folded]
        held = [needs for needs in self._phrases_needing if needs in folded]
        self._last_needs = (folded, held)
        return held

    def expect(self, folded: str) -> None:
        """Look for the words the story's phrases need in a whole message (folded) before its parts are
        read: each part's are then sought among those the message held (see `_needs_in`), though a
        part read with words of another (a pronoun's) is not in it."""
        self._message_needs = (folded, [needs for needs in self._phrases_needing if needs in folded])

    def _join_phrases(self, folded: str) -> str:
        """A text (folded) with each of the story's phrases in it written as one word, longest phrase first."""
        # (a phrase is tried only where the word every match of it holds is in the text)
        found = sorted(place for needs in self._needs_in(folded) for place in self._phrases_needing[needs])
        for place in found:
            _, pattern, replacement = self._phrases[place]
            joined = pattern.sub(replacement, folded)
            if joined != folded:
                # a phrase joined may take away or bring a word another needs: the later phrases are
                # tried on the text as it now reads, as one by one they always were
                for needs, pattern, replacement in self._phrases[place + 1:]:
                    if needs in joined:
                        joined = pattern.sub(replacement, joined)
                return joined
        return folded

    def raw_words_of_folded(self, folded: str) -> list[str]:
        """raw_words for text already folded (normalize.fold)."""
        if ";dr" in folded or "tl dr" in folded:  # "tl;dr" is one chat word, as "tldr" is
            folded = _TLDR.sub("tldr", folded)
        if "," in folded:  # "2,000" is the number 2000, as people also type it
            folded = _THOUSANDS.sub("", folded)
        if " grand" in folded:
            folded = _GRAND.sub(r"\1k", folded)
        if "%" in folded:  # "what % did X get?" asks for a percentage ("58%" is the number alone)
            folded = _PERCENT_ASKED.sub(" percent ", folded)
        if self._phrase_slips:
            folded = self._mend_phrase_typos(folded)
        folded = self._join_phrases(folded)  # the story's phrases first: "annual report"
        if "report" in folded:  # "what did X report?" too: the verb may end the text
            folded = _REPORT_VERB.sub(r"\1reported", folded)
        if "hear" in folded:  # (three patterns, each looked for only where its word is: they are slow on long text)
            folded = _HEARD.sub(" ", folded)
        if "true" in folded or "real" in folded or "fact" in folded:
            folded = _TRUE.sub(" ", folded)
        if " far" in folded:
            folded = _SO_FAR.sub(UNTIL_NOW, folded)
        if "based on" in folded or "along" in folded:
            folded = _FRAMING.sub(" ", folded)
        if "remind " in folded:
            folded = _REMIND_ME.sub(" ", folded)
        if "asking for a friend" in folded:
            folded = _FOR_A_FRIEND.sub(" ", folded)
        if "told" in folded or " tell" in folded:
            folded = _TOLD.sub(lambda m: "say" if m[1] is None else m[0][:-4] + "say", folded)
        if "figur" in folded:  # "did they figure out why": finding out, no figure asked for
            folded = _FIGURE_OUT.sub("find out", folded)
        if " take" in folded:  # "X's take?" asks what X says, not who X is ("take" is a stop word)
            folded = _TAKE_ON.sub(r"\1 say", folded)
        return _TOKEN.findall(folded)

    def _name_words_of(self, name: str) -> tuple[str, ...]:
        return tuple(self.words(name))

    def words(self, text: str) -> list[str]:
        """Folded surface words, possessives removed, split at dashes."""
        return [word for raw in self.raw_words(text) for word in self._forms(raw)]

    def content_words(self, text: str) -> list[str]:
        """Surface words that carry meaning (stop words dropped, question words kept)."""
        return [word for raw in self.raw_words(text) for word in self._content_forms(raw)]

    def content_of(self, raw_words: list[str]) -> list[str]:
        """content_words for words already split by raw_words."""
        return [word for raw in raw_words for word in self._content_forms(raw)]

    def tokens(self, text: str) -> list[str]:
        """Concept tokens of a text, in order, duplicates kept."""
        return [self.concept(w) for w in self.content_words(text)]

    @staticmethod
    def _forms_of(raw: str) -> tuple[str, ...]:
        amount = _AMOUNT.fullmatch(raw)
        if amount:  # "40bn" -> "40", "billion" ("400k": "400", "thousand", the index's 400000 if the story has it)
            return amount.group(1), _UNITS[amount.group(2)]
        ordinal = _ORDINAL.fullmatch(raw)
        if ordinal:
            return (ordinal.group(1),)
        if raw in PRONOUN_CONTRACTIONS:
            return ()  # "she'd", "I'll": a pronoun and its auxiliary, not "shed" or "ill"
        word = raw[:-2] if raw.endswith("'s") else raw
        word = rarity.without_elongation(word) or word  # "sooo", "lmaooo"
        word = CHAT_SPELLINGS.get(word.replace("'", "")) or rarity.with_g_restored(word) or word  # "goin"
        if word[:1] == "v" and is_number(word[1:]):
            word = word[1:]  # "v1.8.3" is version 1.8.3
        if "." in word and not is_number(word):  # "4.8" is no "48"
            word = word.replace(".", "")  # u.s. -> us
        if "-" in word:
            return tuple(p.replace("'", "") for p in word.split("-") if p)
        return (word.replace("'", ""),)

    def _content_forms_of(self, raw: str) -> tuple[str, ...]:
        return tuple(w for w in self._forms(raw)
                     if w in QUESTION_WORDS or w in self._kept or (w not in STOPWORDS and (len(w) > 1 or w.isdigit())))

    def _plain_concept(self, word: str) -> str:
        stem = _stem(word)
        return self._concepts.get(word) or self._concepts.get(stem, stem)

    def _concept_of(self, word: str) -> str:
        """The comparable form of one surface word: its stem, folded to a shared concept."""
        return self._plain_concept(word)

    def read_as(self, word: str) -> str | None:
        """The concept a synonym reads a surface word as ("supposed" -> "expect"), None when the
        word is read as itself (its own stem): for `--explain`."""
        concept = self.concept(word)
        return None if concept == _stem(word) else concept


PLAIN = Normalizer()  # general language only: for text that is not matched against a story


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def is_mostly_non_latin(text: str) -> bool:
    """True for questions written mainly in another script (Cyrillic, CJK, Arabic ...)."""
    if text.isascii():
        return False
    beyond = _ASCII_RUN.sub("", text)  # a dash or curly quotes in English: no letter beyond ASCII, Latin
    if not any(ch.isalpha() for ch in unicodedata.normalize("NFKC", beyond)):
        return False
    letters = [ch for ch in unicodedata.normalize("NFKC", text) if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters) < 0.5
