"""General English as people type it in chat: stop words, chat spellings, question words,
numbers in words and the words that place something in time.

Language data, not story data: it holds for every story, so it lives in code (a story's own names,
synonyms and off-topic words are in its knowledge file, `story.vocabulary`). The matcher reads it
(bot/matching/normalize.py) and so does the knowledge validator (a synonym that is a stop word
changes nothing), which is why it sits outside both.
"""

from __future__ import annotations

import re

# General chat abbreviations and ordinals, folded to the word they stand for. A story's own
# names, spellings and synonyms are in its knowledge file (`story.vocabulary.synonyms`).
GENERAL_SYNONYMS: dict[str, str] = {
    "yrs": "year", "yr": "year", "ppl": "peopl", "govt": "govern", "gov": "govern", "pres": "presid",
    "prez": "presid", "msg": "messag", "convo": "convers", "thru": "through", "tho": "though",
    "said": "say", "paper": "newspap", "papers": "newspap",
    # saying in the other languages a question may be asked in ("¿qué dijo X?", "was sagte X?")
    **dict.fromkeys(("dijo", "dijeron", "dicen", "dicho", "sagte", "sagten", "sagt", "gesagt", "dit", "disent",
                     "detto", "disse", "dissero", "declaro", "kaha", "kahaa"), "say"),
    # an aide is no aid (the stemmer makes both "aid")
    "aide": "aide", "aides": "aide",
    # a view held: "X's stance" is "X's position"; hope by another name
    "stance": "posit", "stances": "posit", "optimistic": "hope", "optimism": "hope", "hopeful": "hope",
    "cuz": "becaus", "coz": "becaus", "bc": "becaus", "mgmt": "manag", "mngmt": "manag",
    "dept": "depart", "depts": "depart",
    # months as chat shortens them (not "jan", "mar", "may", "apr": a name, a verb, a word of their own)
    "feb": "februari", "aug": "august", "sept": "septemb", "oct": "octob", "nov": "novemb", "dec": "decemb",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10",

    # one role, whoever holds it: "the spokesperson" asks about "a spokeswoman"
    **dict.fromkeys(("spokesman", "spokeswoman", "spokesmen", "spokeswomen", "spokespeople", "spokespersons"),
                    "spokesperson"),
    **dict.fromkeys(("chairman", "chairwoman", "chairmen", "chairwomen", "chairperson", "chairpersons"), "chair"),
    **dict.fromkeys(("congressman", "congresswoman", "congressmen", "congresswomen", "congressperson"),
                    "congressperson"),
}

# Words the stemmer makes one with a word of another meaning, kept apart by how they begin, so a typo
# keeps them apart too ("authoritys"): the authorities are no author, business is not being busy, an
# experiment is no experience, what is important is no import
STEMS_KEPT_APART: dict[str, str] = {
    "authorit": "authority", "busines": "business", "experiment": "experiment", "importan": "important",
    # (Snowball gives "several", "severance" and "sever" one stem: "severance for those let go?" is no "several")
    "several": "several", "severan": "severance",
    "authoriz": "authorize",  # (an authorized drug is no author's)
}

# Nouns of action a stemmer does not bring to their verb ("response" is "respond"). Not irregular
# pasts ("bought" for "buy"): their tense tells entries apart ("Is X buying Y?" from "X bought Y?"),
# nor nouns that are things of their own ("sale", "explosion": "what exploded?" is no count of blasts).
VERB_FORMS: dict[str, str] = {
    **dict.fromkeys(("response", "responses"), "respond"), **dict.fromkeys(("reaction", "reactions"), "react"),
    **dict.fromkeys(("decision", "decisions"), "decide"), **dict.fromkeys(("invasion", "invasions"), "invade"),
    **dict.fromkeys(("payment", "payments"), "pay"), **dict.fromkeys(("failure", "failures"), "fail"),
    **dict.fromkeys(("resignation",), "resign"), **dict.fromkeys(("threat", "threats"), "threaten"),
}


# Question words as chat spells them: read as the word, so "wen" asks "when".
CHAT_SPELLINGS: dict[str, str] = {"wen": "when", "wht": "what", "wut": "what", "hw": "how", "wher": "where",
                                  "whn": "when", "wich": "which", "whic": "which",
                                  "whatd": "what", "whod": "who", "whos": "who", "howd": "how", "whered": "where",
                                  "whend": "when", "whyd": "why",
                                  # and the words around them ("how mny", "does X hav", "was ther"): read, then dropped
                                  # (no spelling that is a common word or name of its own: "bout", "dis", "cud")
                                  "mny": "many", "hav": "have", "shud": "should", "wud": "would", "wuz": "was",
                                  "wuld": "would", "wld": "would", "shuld": "should", "shld": "should", "culd": "could",
                                  "cld": "could",
                                  "wil": "will", "cudnt": "couldnt", "wudnt": "wouldnt", "shudnt": "shouldnt",
                                  "ther": "there", "thier": "their", "kno": "know", "knw": "know",
                                  # ("any1 know why?": the people here, as "anyone" is; not "no1", also "number one")
                                  "any1": "anyone", "some1": "someone", "sum1": "someone", "every1": "everyone",
                                  # the article itself, misspelt two keystrokes off ("who wrote this artical?")
                                  "artical": "article", "articel": "article",
                                  # and a word chat shortens that no English list holds ("the nxt vote": not a word
                                  # the article never mentions; "ppl", a listed word, is a general synonym above)
                                  "nxt": "next"}

# Words that carry no content for matching: function words, chat filler, meta words (English; with
# other languages' function words, below, they make STOPWORDS).
_ENGLISH_STOPWORDS: frozenset[str] = frozenset("""
a an the and or but if of to in on at by for with from into onto about as is are was were be been
being am do does did doing done have has had having i me my we our you your u ur he him his she her
it its they them em their this that these those there here what which who whom whose when where why how
whats wats wat whos hows wheres whys would could should will shall can may might must just so very
really basically actually literally like lol lmao bro bruh dude pls plz please thanks thx thnx tysm tell me
know explain explained explains explaining article story news piece report reports text mentioned mention
mentions mentioning anything something thing things stuff any some all also too then than now yet still ok okay
quick quickly briefly question q hey hello howdy hiya heya yo guys fr ngl lowkey highkey rn fam anyone someone idk tbh
eli5 imo def defo gonna finna wanna gotta outta kinda sorta smh tf wtf omg btw fwiw afaik iirc ikr irl lmk ffs af asf
ong ya yall y'all yeah yes no not dont don't does doesnt isnt aren't arent wasnt werent hasn't hasnt haven't deadass
frfr istg abt tryna b4 rly srsly smth sth teh cant can't wont won't wouldnt wouldn't couldnt couldn't shouldnt shouldn't
didnt didn't havent hadnt hadn't mustnt mustn't faqbot uh uhh um umm dat dats
im i'm it's its thats that's there's theres let lets let's get got gotten go goes going went gone one ones other
s t re ve ll d m
after before since under over until till til while during up down out off back away again even ever today
currently right now main need wondering curious check trying try id i'd ive i've
youre you're hes he's shes she's were we're theyre they're whether either neither both each every
theyve they've youve you've weve we've theyd they'd youd you'd theyll they'll youll you'll
shouldve should've couldve could've wouldve would've mightve might've mustve must've
whove who've whod who'd wholl who'll yours hers ours theirs
much many more most less few lot lots bit kind sort way ways make makes made take takes took put
going seem seems
wow whoa woah yikes geez jeez oof welp hmm hmmm huh according
tho toward towards upon unto whilst amid amidst amongst
sometime someday anytime somehow
""".split())

# Hindi and Urdu as chat writes them in Latin letters ("X ne vote ke baad kya kaha?"): no word list
# of wordfreq's has them. A message holding several is in that language (bot/matching/rarity.py), and
# those of its words the story never uses are dropped; no stop words elsewhere ("Mila", "KO")
ROMANISED_HINDI: frozenset[str] = frozenset("""
hai hain tha thi ne ke ki ka ko mein aur baad bhi nahi nahin yeh kya kaun kab kahan kahaan kyun kyon kyu kaise
kitne kitna kitni kar kiya kiye gaya gayi gaye raha rahi rahe sakte sakta sakti lekin kyunki wala wale wali
mila mili diya liya hua hui baare kaha kahaa liye karne karna aaye aaya aayi laaye laya bhai yaar
kis kisne kisko kise unhone unhon aap koi kuch
""".split())

# Function words of other languages a question may be asked in ("was sagte der ...", "qu'a dit la ..."):
# stop words too, unless a story uses one as a name (a surname "Del", "Di", "Den")
FOREIGN_STOPWORDS: frozenset[str] = frozenset("""
der das und ein eine einen ist wie wer wo warum uber le la les des du et est qui que
quoi ce il elle une el los las es quien por para con del al lo gli di che chi cosa ha
ist er sie zum zur im vom den dem mit auf fur von wurde werden sind hat hatte qu qu'est est-ce c'est cest sur
dans pour avec sont ont pas que qui sobre informo informa fue una uno como cual de
agli alla della dello degli nel per chiede ha sono come quale
""".split())

STOPWORDS: frozenset[str] = _ENGLISH_STOPWORDS | FOREIGN_STOPWORDS

# Words for a currency an article writes only as its sign ("$4.8 billion"): asked about, they are no
# word the article never uses
CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "$": ("dollar", "dollars", "usd", "bucks"), "\u20ac": ("euro", "euros", "eur"),
    "\u00a3": ("pound", "pounds", "gbp", "quid"),
}

# A pronoun with "'d" or "'ll" (would, had, will): with its apostrophe dropped it would read as
# another word ("she'd" as "shed", "I'll" as "ill", "we'll" as "well")
PRONOUN_CONTRACTIONS: frozenset[str] = frozenset(
    f"{pronoun}'{ending}" for pronoun in ("i", "you", "u", "he", "she", "it", "we", "they", "that", "there")
    for ending in ("d", "ll"))

# Other languages' question words, read as the English ones so a question in another language still
# says what it asks for ("¿Cuánto paga X por Y?" wants a figure); lower case, accents as written
OTHER_LANGUAGE_QUESTION_WORDS: dict[str, str] = {
    **dict.fromkeys(("cuánto", "cuanto", "cuánta", "cuanta", "quanto", "quanta", "wieviel"), "how much"),
    **dict.fromkeys(("cuántos", "cuantos", "cuántas", "cuantas", "combien", "quanti", "quante", "quantos",
                     "quantas"), "how many"),
    **dict.fromkeys(("quién", "quien", "quiénes", "quienes", "qui", "wer", "chi", "quem"), "who"),
    **dict.fromkeys(("dónde", "donde", "où", "wo", "dove", "onde"), "where"),
    **dict.fromkeys(("cuándo", "cuando", "quand", "wann", "quando"), "when"),
    **dict.fromkeys(("pourquoi", "warum", "perché", "perche"), "why"),
    # romanised Hindi and Urdu
    "kya": "what", "kaun": "who", "kab": "when", "kahan": "where", "kahaan": "where", "kaise": "how",
    **dict.fromkeys(("kyun", "kyon", "kyu"), "why"), **dict.fromkeys(("kitne", "kitna", "kitni"), "how many"),
}

# Verbs of something happening, which name nothing: "did this happen on Monday?" asks of no thing
EVENT_WORDS: frozenset[str] = frozenset(
    "happen happens happened happening occur occurs occurred take takes took taken place start starts started "
    "begin begins began begun end ends ended".split())

# Question words: kept as weak tokens, since "where" or "how many" tell entries apart.
QUESTION_WORDS: frozenset[str] = frozenset({"who", "when", "where", "why", "many", "much", "long",
                                            "say", "said", "says", "saying"})


# Words that ask what sort of thing: "which kinds of workers" asks about workers, and no answer need say "kinds"
KIND_WORDS: frozenset[str] = frozenset("kind kinds sort sorts type types".split())

# Words for anyone at all: "what's the lady's name?" asks who she is, not about ladies
PERSON_WORDS: frozenset[str] = frozenset(
    "guy lady woman man person people dude girl boy kid fella bloke chap gentleman".split())

_DECIMAL = re.compile(r"\d+(?:\.\d+)+")


def is_number(word: str) -> bool:
    """Digits, with any decimal or version points: "48", "4.8" and "1.8.3" are each one number ("4.8" is
    not "48")."""
    return word[:1].isdigit() and (word.isdigit() or _DECIMAL.fullmatch(word) is not None)


# Numbers in words: an answer with one of them gives a figure ("thousands of lives").
NUMBER_WORDS: frozenset[str] = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty hundred hundreds thousand thousands million millions billion "
    "billions dozen dozens half percent".split()
)
# A number written out and its digits: "90 mile beach" asks of "Ninety Mile Beach", "closed for 6
# months" of "six months" (not "one": "one of them" is no 1).
SPELLED_NUMBERS: dict[str, str] = {
    **{w: str(n) for n, w in enumerate("two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                       "fifteen sixteen seventeen eighteen nineteen".split(), 2)},
    **{w: str(10 * n) for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)},
}
_UNIT = r"(?:days?|weeks?|weekends?|months?|years?|decades?|hours?|mornings?|evenings?|nights?)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|some|a\s+few)"
_YEAR = r"(?:1[5-9]|20)\d\d(?:s\b)?"  # 1500-2099, or its decade ("the 1990s")
_MONTH_NAMES = r"January|February|March|April|May|June|July|August|September|October|November|December"
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Months as words of a question ("may" left out: it is mostly a verb)
MONTHS: frozenset[str] = frozenset(_MONTH_NAMES.lower().split("|")) - {"may"}
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH_SHORT = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
_MONTH = rf"(?-i:{_MONTH_NAMES}|(?:{_MONTH_SHORT})(?=\.?\s+\d))"  # capitalised: "a march" is no month
# A word that says when, not what: "who went *this month*?" asks who went
TIME_WORD = re.compile(rf"{_UNIT}|{_WEEKDAY}|today|tonight|yesterday"
                       r"|tomorrow|spring|summer|autumn|winter|lately|recent|currently|earlier|later")
# Numbers that are dates ("in 2014", "the council's 2019 review", "March 3", "Jan. 5"), not the
# figures "how many" asks for ("1800 residents" reads as a year too: rare).
DATE_NUMBERS = re.compile(rf"\b(?:{_YEAR}|(?-i:{_MONTH_NAMES}|{_MONTH_SHORT})\.?\s+\d{{1,2}}\b)", re.IGNORECASE)
# A day of the calendar ("June 10", "10 June", "Nov. 17", "2024-01-28"): what "the exact date" asks for,
# where a weekday or "last week" places something in time without giving it
CALENDAR_DATE = re.compile(rf"(?-i:{_MONTH_NAMES}|{_MONTH_SHORT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
                           rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:{_MONTH_NAMES}|{_MONTH_SHORT})\b"
                           r"|\b\d{4}-\d{2}-\d{2}\b")
# A date itself: a year, a month's name (capitalised) or a weekday; "since" or "after" is no date
# to set against one a question gets wrong.
DATE_VALUE = re.compile(rf"\b(?:{_YEAR}|(?-i:{_MONTH_NAMES})"
                        rf"|{_WEEKDAY})\b", re.IGNORECASE)
# What places something in time: a year or "the 1990s", a month ("in May", "March 3": capitalised,
# so "a march" is no month) or a weekday, "today", "last week", "two days after", "within six
# months", "at 3 p.m.", "this spring", "since", "before", "until", "ago". Not "years of refusal"
# or "closed for two years" (a span without an anchor), not "earlier drafts" or "during the
# works" (no time given), not "the article is undated".
TIME_ANCHOR = re.compile(
    r"\b(?:" + _YEAR + r"|(?<=the )\d0s|" + _MONTH +
    r"|" + _WEEKDAY + r"|today|tonight|yesterday|tomorrow"
    r"|noon|midnight|overnight|(?:this|last|next|that)\s+(?:spring|summer|autumn|winter)"
    r"|(?:last|next|this|that|previous|coming|past|same|following)\s+" + _UNIT +
    r"|" + _COUNT + r"\s+" + _UNIT + r"\s+(?:ago|after|before|later|earlier|from|into|of)"
    r"|(?:in|within|by)\s+" + _COUNT + r"\s+" + _UNIT +
    r"|(?:by|at|before|until)\s+the\s+end\s+of|\d{1,2}(?::\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)"
    r"|ago|since|until|till|before|after)\b",
    re.IGNORECASE,
)
