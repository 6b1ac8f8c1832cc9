"""A new story's knowledge file, written beside its article: every story field, nothing invented.

`faqbot new-story ARTICLE --id ID` writes it; `faqbot validate` accepts it as written (the texts
are placeholders that say what to write), and the commented entries show one of each common
status for the moderator to copy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.knowledge.schema import ID_PATTERN
from bot.knowledge.spec import SCHEMA_FILE, json_schema
from bot.language import STOPWORDS

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# The FAQ for "{title}". README, "Writing a story's FAQ", explains every field.
# Check it with: faqbot validate {folder}
story:
  id: {story_id}
  title: "{title}"
  publisher: {publisher}
  published: {published}
  caveat: >-
    Replace this: what a reader should know about how solid the story is as a whole (what rests
    on reports or unnamed sources, what is on the record).
  documents:
    - id: {document_id}
      title: "{title}"
      path: {article}
  summary:
    short: >-
      Replace this: two or three sentences, only what the article says, with its hedges.
    full: >-
      Replace this: the whole story in a few paragraphs, only what the article says.
  topics:
    - id: main
      title: The story
      summary: Replace this with a topic's summary, or add topics and remove this one.
  # caveats:                  # this story's default caveat per status (optional)
  #   reported: This rests on <the outlet>'s report; it has not been officially confirmed.
  # vocabulary:               # the story's own words (optional)
  #   synonyms:
  #     <name>: [<other spelling>, <nickname>]
  #   off_topic: [weather, football]
  #   examples: ["<a good first question>", "<another>"]
entries: []
# Copy, uncomment and fill in entries like these (quotes must be verbatim from {article}).
# Give each entry 10-15 phrasings, the ways people in a chat ask (README, "What to cover"):
#
#  - id: what-happened         # the first entry: the story's overview (README, "Put the story's overview first")
#    question: What is this story about?
#    alternates:
#      - what happened
#      - what's going on
#      - tldr
#      - what's the story here
#      - can someone explain what happened
#      - what's the latest
#      - summary?
#      - what's all this about
#      - did something happen with <the subject>
#      - why is everyone talking about <the subject>
#    answer: The article says ...
#    status: reported           # the weakest status of what it sums up: confirmed only if all of it is on the record
#    sources:
#      - document: {document_id}
#        cited: <whose words these are: The article, or a source it names>
#        quote: "<words copied from the article>"
#    topics: [main]
#    reviewed: <YYYY-MM-DD>
#
#  - id: who-reported-it
#    question: Who reported this?
#    alternates: [who says so]
#    answer: According to <the outlet>, ...
#    status: reported           # rests on a report or unnamed sources: shows a caveat
#    sources:
#      - document: {document_id}
#        cited: <the outlet, or "Unnamed sources">
#        quote: "<words copied from the article>"
#    reviewed: <YYYY-MM-DD>
#
#  - id: what-did-x-say
#    question: What did <a named person> say?
#    alternates: [<their name>'s reaction]
#    answer: <Name> said ...
#    status: stated             # a named person's or group's words or position
#    sources:
#      - document: {document_id}
#        cited: <Name>
#        quote: "<words copied from the article>"
#    reviewed: <YYYY-MM-DD>
#
#  - id: nia-cost
#    question: How much did it cost?
#    alternates: [what's the price]
#    answer: The article does not give a cost. It says only that ...
#    status: not_in_article     # people ask it; the article does not say
#    repeats: [who-reported-it] # the entries whose claims the answer repeats: their caveats come along
#    sources:
#      - document: {document_id}
#        cited: The article
#        quote: "<the nearest words the article does have>"
#    reviewed: <YYYY-MM-DD>
"""


PLACEHOLDER = "Replace this"  # how a text the moderator must still write begins (validate warns of it)

# A date as a standfirst writes it: "June 6, 2014", "21 November 2023", "Sept. 25, 2018", "2015-05-12"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
_DATE = re.compile(rf"\b(?:{_MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{4}}"
                   rf"|\d{{4}}-\d{{2}}-\d{{2}})\b|(?<![\w/])(?:19|20)\d{{2}}(?=\W*$)")
# An opening line that gives the outlet and the date ("Trade Weekly. June 6, 2014."): short, near the top
_STANDFIRST_LINES = 6
_STANDFIRST_CHARS = 120
# A dateline's label or weekday, before or after an outlet's name ("The Gazette. Published", "Friday,")
_LABEL = r"(?:Published|Updated|Posted|Date created|Dated?)(?:\s+on)?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"
_LABEL_FIRST = re.compile(rf"\s*(?:{_LABEL})\b", re.IGNORECASE)
_LABEL_AT_END = re.compile(rf"(?:[\s.,;:|-]|\b(?:{_LABEL})\b)*$", re.IGNORECASE)
# A section's or a kind's label on a line of its own under a headline: no outlet
_SECTION_LABELS = frozenset({"analysis", "opinion", "exclusive", "breaking", "breaking news", "update", "editorial",
                             "commentary", "news", "world", "world news", "politics", "business", "sports", "sport",
                             "live", "explainer", "feature", "review", "comment", "obituary", "letters",
                             "video", "videos", "photos", "gallery", "watch", "markets", "listen", "podcast"})
# Small words an outlet's name may hold in lower case ("Channel 9, with AP and the Gazette", "AFP, via Arab Times")
_OUTLET_SMALL_WORDS = frozenset("and of the with via for on in at de du la le el al".split())  # "Fly on Wall Street"


# An agency's name and the outlet carrying it ("AFP, via Arab Times", "Reuters (via Investing.com)")
_CARRIED = re.compile(r"(?P<wire>[^,()]+?),?\s+\(?via\s+(?P<site>[^()]+?)\)?")
# A picture's credit under a headline ("Photo via Getty Images"): no outlet
_CREDITS = frozenset("photo photos image images picture pictures credit credits illustration graphic video "
                     "footage".split())

# A brand written with a small letter before its capitals ("aNews", "eNCA", "iNews")
_SMALL_LETTER_BRAND = re.compile(r"[a-z][A-Z]")
# A date as a machine writes it ("2021-11-16")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# An outlet known by its initials ("RT", "AP", "BBC", "NPR")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
# A television station, its call letters and channel ("WTVR CBS 6", "FOX 9"): no city in a dateline
_STATION = re.compile(r"(?:[A-Z]{2,5}\s+)+\d{1,2}")


class ScaffoldError(ValueError):
    """The story file cannot be written; the message says why."""


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _outlet(text: str, initials: bool = False) -> str | None:
    """An outlet's name, or None when the text is a sentence or a dateline: every word outside
    parentheses capitalised or one of a few small words, not all of them function words ("On"),
    no "--" or "(AP)"; in capitals only when `initials` allows it ("RT, published ...": a dateline's
    city, "PARIS, June 6", is no outlet)."""
    words = re.findall(r"[^\W_][\w'&]*", re.sub(r"\([^)]*\)", " ", text))  # "(DealBook column)" aside
    if words and words[0].lower() in _CREDITS:
        return None  # "Photo via Getty Images": a credit
    shouted = text.isupper() and not (initials and _ACRONYM.fullmatch(text) and text.lower() not in _SECTION_LABELS) \
        and not _STATION.fullmatch(text)
    if (not words or len(words) > 8 or len(text) > 100 or "--" in text or shouted or not _named(text)
            or all(w.lower() in STOPWORDS for w in words)
            or any(not (_named(w) or w[0].isdigit() or w.lower() in _OUTLET_SMALL_WORDS) for w in words)):
        return None
    return text


def _carrier_first(outlet: str) -> str:
    """An agency's copy on another outlet's page as the README writes the publisher: "AFP, via Arab Times"
    is "Arab Times (AFP)" (the outlet running it, then the agency)."""
    carried = _CARRIED.fullmatch(outlet)
    return f"{carried['site']} ({carried['wire']})" if carried else outlet


def _named(word: str) -> bool:
    """Written as a name: capitalised, or a brand's small letter before a capital ("aNews", "eNCA", "iNews")."""
    return word[0].isupper() or _SMALL_LETTER_BRAND.match(word) is not None


def standfirst(text: str) -> tuple[str | None, str | None]:
    """The outlet and the date an article's opening lines give ("Trade Weekly. June 6, 2014.",
    "The Gazette. Published May 10, 2018 04:59PM ET"): the outlet None when the line gives only a
    byline, a label or a weekday with the date; both None when no line is such a line (a sentence
    holding a date is none). With no date near the top, an outlet's name alone on the line under
    the headline ("Trade Weekly.") is the outlet."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][1:_STANDFIRST_LINES]
    for line in lines:
        found = _DATE.search(line) if len(line) <= _STANDFIRST_CHARS else None
        if found is None:
            continue
        before = re.split(r"[.,;]\s+[Bb]y\s", line[:found.start()])[0]  # "The Gazette. By Jane Doe."
        if before.lstrip()[:3].lower() == "by " or _LABEL_FIRST.match(before):
            return None, found.group(0)  # "By Jane Doe. March 2015", "Updated: 5:30 PM, Mon June 3, 2019"
        name = _LABEL_AT_END.sub("", before).strip(" .,;:|-")
        if not name:
            return None, found.group(0)  # "Friday, June 6, 2014", "Published May 10, 2018"
        # an outlet in capitals only before a label ("RT, published 1 Apr, 2019"), a date written as a
        # machine writes it ("WKBW, 2021-11-16"), which no dateline's city ("PARIS, June 6") comes with, or
        # where the article credits it by that name ("WKRG, August 21, 2019" over "MOBILE, Ala. (WKRG) — ...")
        outlet = _outlet(name, initials=re.search(rf"\b(?:{_LABEL})\b", before, re.IGNORECASE) is not None
                         or _ISO_DATE.fullmatch(found.group(0)) is not None or f"({name})" in text)
        if outlet is not None:
            return _carrier_first(outlet), found.group(0)
    # no date anywhere near the top: the line under the headline may still be the outlet alone
    # ("Trade Weekly.", "Trade Weekly (no date given)", "TheWrap (thewrap.com; the page gives no date)": a note in
    # brackets after it), never a byline, a label ("Updated.", "Photo: ...", "Analysis.") or a sentence
    alone = (re.fullmatch(r"([^.:|()]{2,60}?)\s*(?:\([^()]*\))?\.?", lines[0])
             if lines and not _DATE.search(lines[0]) else None)  # (a dateline's city is no outlet: "PARIS, June 6")
    if (alone and alone.group(1).strip().lower() not in _SECTION_LABELS
            and not re.match(r"\s*by\b", alone.group(1), re.IGNORECASE) and not _LABEL_FIRST.match(alone.group(1))):
        return _outlet(alone.group(1).strip()), None
    return None, None


def write_story(article: Path, story_id: str, title: str | None = None) -> Path:
    """Write `<story_id>.yaml` beside `article` and return its path; never overwrites a file."""
    if not ID_PATTERN.match(story_id):
        raise ScaffoldError(f"--id '{story_id}' must be lowercase letters, digits and dashes")
    if article.suffix not in (".txt", ".md"):
        raise ScaffoldError(f"{article}: the article must be a .txt or .md file (the loader reads those)")
    try:
        text = article.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScaffoldError(f"cannot read {article}: {exc.strerror}") from exc
    except UnicodeDecodeError:
        raise ScaffoldError(f"{article} is not UTF-8 text") from None
    title = (title or first_line(text) or story_id).replace('"', "'")
    target = article.with_name(f"{story_id}.yaml")
    if target.exists():
        raise ScaffoldError(f"{target} exists already; nothing was written")
    document_id = re.sub(r"[^a-z0-9-]+", "-", article.stem.lower()).strip("-") or "article"
    publisher, published = standfirst(text)
    target.write_text(_TEMPLATE.format(
        title=title, story_id=story_id, document_id=document_id, article=article.name, folder=article.parent,
        schema=SCHEMA_FILE,
        publisher=f"{json.dumps(publisher, ensure_ascii=False)}        # from the article's opening lines: check it"
        if publisher else "unknown        # as the article gives it; never guess",
        published=f"{json.dumps(published, ensure_ascii=False)}        # from the article's opening lines: check it"
        if published else "unknown        # a date as the article gives it, or unknown"), encoding="utf-8")
    schema = article.with_name(SCHEMA_FILE)  # what editors check the file against as it is typed
    if not schema.exists():
        schema.write_text(json_schema(), encoding="utf-8")
    return target
