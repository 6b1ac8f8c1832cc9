"""Turn free text into comparable tokens: done once per phrasing at load, once per question.

Steps: Unicode compatibility folding (full-width letters, ligatures), Latin look-alikes in
mixed-script words, accents, case, name variants (Zelensky/Zelenskiy -> zelenskyy), light
synonym concepts (America/Washington -> us), stop words, and Snowball stems.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")

# Cyrillic and Greek letters that look like Latin ones; only folded inside words that are
# otherwise Latin, so a genuinely Cyrillic question stays Cyrillic.
_LOOKALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "к": "k", "м": "m", "т": "t", "н": "h", "в": "b", "ѕ": "s",
    "А": "A", "Е": "E", "О": "O", "Р": "P", "С": "C", "Х": "X", "І": "I", "К": "K", "М": "M",
    "Т": "T", "Н": "H", "В": "B", "Ѕ": "S", "ο": "o", "α": "a", "ε": "e", "ι": "i", "ν": "v",
})

# Spellings of the same name or place, folded to one form before anything else.
NAME_VARIANTS: dict[str, str] = {
    "zelensky": "zelenskyy", "zelenskiy": "zelenskyy", "zelenskii": "zelenskyy",
    "zelenski": "zelenskyy", "zelenskyi": "zelenskyy", "zelenskyj": "zelenskyy", "selenskyj": "zelenskyy",
    "zelenskyys": "zelenskyy",
    "kiev": "kyiv", "kiew": "kyiv",
    "donbass": "donbas",
    "lugansk": "luhansk",
    "zaporozhye": "zaporizhzhia", "zaporizhia": "zaporizhzhia", "zaporozhzhia": "zaporizhzhia",
    "zaporizhzhya": "zaporizhzhia", "zaporijia": "zaporizhzhia", "zaporozhe": "zaporizhzhia",
    "kherson's": "kherson",
    "ermak": "yermak", "jermak": "yermak",
    "witkoffs": "witkoff", "kushners": "kushner", "putins": "putin", "trumps": "trump",
    "putin's": "putin", "trump's": "trump",
    "telegraph's": "telegraph",
    "nato's": "nato",
    "u.s.": "us", "u.s": "us", "usa": "us", "u.s.a.": "us", "u.s.a": "us",
    "eu": "europe",
    "ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire",
}

# Stems that mean the same thing in this domain, folded to one concept token.
CONCEPTS: dict[str, str] = {
    "america": "us", "american": "us", "americans": "us", "washington": "us", "states": "us",
    "ukrainian": "ukrain", "ukrainians": "ukrain",
    "russian": "russia", "russians": "russia",
    "european": "europ", "europeans": "europ",
    "acknowledg": "recogn", "legitim": "recogn", "recognis": "recogn", "recognit": "recogn",
    "anerkennung": "recogn", "anerkennen": "recogn", "reconnaiss": "recogn", "reconoc": "recogn",
    "reconocimiento": "recogn", "riconosc": "recogn",
    "plebiscit": "referendum", "volksabstimmung": "referendum", "referéndum": "referendum",
    "volksentscheid": "referendum",
    "verfassung": "constitut", "constitucion": "constitut", "costituzion": "constitut",
    "emissari": "envoy", "emissary": "envoy", "envoy": "envoy", "gesandt": "envoy",
    "advisor": "advis", "advis": "advis", "berat": "advis",
    "negoti": "talk", "dialogu": "talk", "discuss": "talk",
    "peninsula": "crimea", "krim": "crimea", "crimé": "crimea", "crimée": "crimea",
    "moskow": "moscow", "moskva": "moscow", "moskau": "moscow", "moscou": "moscow", "moscu": "moscow",
    "kreml": "kremlin",
    "annex": "occupi", "occup": "occupi", "seiz": "occupi", "grab": "occupi",
    "casualti": "death", "died": "death", "dying": "death", "dead": "death", "kill": "death", "fatal": "death",
    "visit": "travel", "trip": "travel",
    "cede": "surrend", "relinquish": "surrend", "concess": "surrend",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10",
    "previous": "earlier", "prior": "earlier", "older": "earlier", "conced": "surrend",
    "contin": "europ", "provinc": "region", "area": "region", "oblast": "region", "version": "draft",
    "new": "revis", "latest": "revis", "updat": "revis", "amend": "revis",
    "yrs": "year", "yr": "year", "ppl": "peopl", "govt": "govern", "gov": "govern", "pres": "presid",
    "prez": "presid",
    "mad": "alarm", "angri": "alarm", "upset": "alarm", "furious": "alarm", "piss": "alarm", "outrag": "alarm",
    "livid": "alarm", "nah": "reject", "nope": "reject", "convo": "talk", "nego": "talk", "msg": "messag",
    "giv": "surrend", "give": "surrend", "gave": "surrend", "given": "surrend",
    "sign": "sign",
    "ministri": "minist",
}

# Words that carry no content for matching: function words, chat filler, meta words.
STOPWORDS: frozenset[str] = frozenset("""
a an the and or but if of to in on at by for with from into onto about as is are was were be been
being am do does did doing done have has had having i me my we our you your u ur he him his she her
it its they them their this that these those there here what which who whom whose when where why how
whats wats wat whos hows wheres whys would could should will shall can may might must just so very
really basically actually literally like lol lmao bro bruh dude pls plz please thanks tell me
know say said says saying explain article story news piece report reports text mentioned mention
mentions anything something thing things stuff any some all also too then than now yet still ok okay
quick quickly question q hey yo guys fr ngl lowkey highkey rn fam anyone someone idk tbh imo def defo
gonna wanna gotta kinda sorta
ya yeah yes no not dont don't does doesnt isnt aren't arent wasnt werent hasn't hasnt haven't
im i'm it's its thats that's there's theres let lets let's get got go going went one ones other
s t re ve ll d m
der das und ein eine einen ist wie wer wo warum uber gesagt sagt sagte le la les des du et est qui que
quoi ce il elle une el los las es quien por para con del al lo gli di che chi cosa ha
ist er sie zum zur im vom den dem mit auf fur von wurde werden sind hat hatte qu qu'est est-ce dit sur
dans pour avec sont ont pas que qui sobre dijo dice informo informa fue son han una uno como cual
agli alla della dello degli nel per chiede ha detto sono come quale
after before since under over until while during up down out off back away again even ever today
currently right now main want need wondering curious check trying try id i'd ive i've
youre you're hes he's shes she's were we're theyre they're whether either neither both each every
much many more most less few lot lots bit kind sort way ways make makes made take takes took put
going seem seems
""".split())

# Question words: kept as weak tokens, since "where" or "how many" tell entries apart.
QUESTION_WORDS: frozenset[str] = frozenset({"who", "when", "where", "why", "many", "much", "long"})

# Several words that name one thing, folded before splitting into words. Each comes with a
# literal that every match contains, so the pattern runs only on the few texts that have it,
# not 13 regex passes over every phrasing at load and every question.
PHRASES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (needs, re.compile(rf"\b{pattern}\b"), replacement)
    for needs, pattern, replacement in (
        ("united states", r"united states( of america)?", "us"), ("estados unidos", r"estados unidos", "us"),
        ("stati uniti", r"stati uniti", "us"), ("unis", r"etats[- ]unis", "us"),
        ("staaten", r"vereinigten? staaten", "us"), ("white house", r"white house", "us"),
        ("oval office", r"oval office", "trump"), ("facto", r"de[- ]facto", "defacto"),
        ("staff", r"chief[- ]of[- ]staff", "chiefofstaff"), ("fire", r"cease[- ]fire", "ceasefire"),
        ("hand", r"hand(ed|ing|s)? over", "surrender"), ("hand", r"in (hand|hands)", "received"),
        (" up", r"give[sn]? up|gave up|giving up", "surrender"),
    )
)

_TOKEN = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Compatibility-fold, fix look-alike letters in Latin words, drop accents, casefold."""
    if text.isascii():
        # The same result, several times faster: Unicode normalization, look-alike letters,
        # accents and curly quotes cannot occur in ASCII, and casefold() is lower() there.
        return " ".join(text.split()).lower()
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


def _has_latin(word: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in word)


def words(text: str) -> list[str]:
    """Folded surface words, name variants applied, possessives removed."""
    return [word for raw in _raw_words(text) for word in _forms(raw)]


def _raw_words(text: str) -> list[str]:
    folded = fold(text)
    for needs, pattern, replacement in PHRASES:
        if needs in folded:
            folded = pattern.sub(replacement, folded)
    return _TOKEN.findall(folded)


# The few thousand distinct words of a knowledge folder recur in every text: what becomes of
# each is worked out once (bounded, since questions bring new words).
@lru_cache(maxsize=65536)
def _forms(raw: str) -> tuple[str, ...]:
    """The surface words one raw token stands for: name variants, no possessive, split at dashes."""
    word = NAME_VARIANTS.get(raw, raw)
    if word.endswith("'s"):
        word = word[:-2]
    word = NAME_VARIANTS.get(word, word)
    if "." in word:
        word = NAME_VARIANTS.get(word, word.replace(".", ""))
    if "-" in word and word not in NAME_VARIANTS:
        return tuple(p for p in word.split("-") if p)
    return (word.replace("'", ""),)


@lru_cache(maxsize=65536)
def _content_forms(raw: str) -> tuple[str, ...]:
    """The words of _forms(raw) that carry meaning."""
    return tuple(w for w in _forms(raw) if w in QUESTION_WORDS or (w not in STOPWORDS and (len(w) > 1 or w.isdigit())))


@lru_cache(maxsize=65536)
def concept(word: str) -> str:
    """The comparable form of one surface word: its stem, folded to a shared concept."""
    if word in CONCEPTS:
        return CONCEPTS[word]
    stem = _STEMMER.stemWord(word)
    return CONCEPTS.get(stem, stem)


def content_words(text: str) -> list[str]:
    """Surface words that carry meaning (stop words dropped, question words kept)."""
    return [word for raw in _raw_words(text) for word in _content_forms(raw)]


def tokens(text: str) -> list[str]:
    """Concept tokens of a text, in order, duplicates kept."""
    return [concept(w) for w in content_words(text)]


def is_mostly_non_latin(text: str) -> bool:
    """True for questions written mainly in another script (Cyrillic, CJK, Arabic ...)."""
    letters = [ch for ch in unicodedata.normalize("NFKC", text) if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters) < 0.5
