"""Every sentence the bot says that is not an FAQ answer, in one place for review."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.model import Gap, KnowledgeBase, Status
from bot.reply import SmallTalk


@dataclass(frozen=True, slots=True)
class Scope:
    """What the bot covers, in the loaded knowledge's own words: story titles and example questions."""

    titles: tuple[str, ...]
    examples: tuple[str, ...]

    @classmethod
    def of(cls, knowledge: KnowledgeBase) -> Scope:
        """Each story's `vocabulary.examples`; a story without them lends its first two questions."""
        examples: list[str] = []
        for story in knowledge.stories:
            own = list(story.vocabulary.examples) or [
                e.question for e in knowledge.entries
                if e.story_id == story.id and e.status is not Status.NOT_IN_ARTICLE][:2]
            examples.extend(own[:3])
        return cls(tuple(s.title for s in knowledge.stories), tuple(examples[:4]))


def _quoted(title: str) -> str:
    return f"\u201c{title}\u201d"


def scope(covered: Scope) -> str:
    if len(covered.titles) == 1:
        return f"I answer questions about the article {_quoted(covered.titles[0])} from a curated, sourced FAQ."
    titles = ", ".join(_quoted(t) for t in covered.titles[:-1]) + f" and {_quoted(covered.titles[-1])}"
    return f"I answer questions about the articles {titles} from a curated, sourced FAQ."


def examples(covered: Scope) -> str:
    if not covered.examples:
        return "Try /summary."
    tries = [f'"{q}"' for q in covered.examples]
    listed = tries[0] if len(tries) == 1 else ", ".join(tries[:-1]) + f" or {tries[-1]}"
    return f"Try {listed}, or /summary."


def decline_out_of_scope(covered: Scope) -> str:
    return f"Sorry, that is outside what I can answer. {scope(covered)} {examples(covered)}"


def instruction_not_followed() -> str:
    """Above what the article says about a claim an instruction carried."""
    return "I don't follow instructions, but here is what the article says about that."


def decline_instruction(covered: Scope) -> str:
    return (
        "I can't follow instructions like that: I only repeat what the article and its sources say. "
        f"{scope(covered)} {examples(covered)}"
    )


def decline_advice(covered: Scope) -> str:
    return (
        "I can't give personal advice (what to buy, sell or do): I only say what the article and its sources report. "
        f"{scope(covered)} {examples(covered)}"
    )


def decline_language(covered: Scope) -> str:
    example = f', e.g. "{covered.examples[0]}"' if covered.examples else ""
    return f"Sorry, I can only answer in English for now. {scope(covered)} Please ask again in English{example}."


def answered_in_english() -> str:
    """Under a reply to a question in another language, read by its names and the story's words."""
    return "I can only answer in English; I read your question by its names and the words I know."


def empty_question(covered: Scope) -> str:
    return f"Ask me a question! {scope(covered)} {examples(covered)}"


# What a question asks for when the nearest answer gives no such thing ("how many ...?" and no
# number in it; "when ...?" and no date): listed among the missing words, said as "gives no ...".
A_FIGURE = "a figure"
A_DATE = "a date"
A_NAME = "a name"
AN_EXACT_FIGURE = "an exact figure"  # asked for in so many words ("the exact toll"): "thousands" is none
AN_EXACT_DATE = "an exact date"  # "the exact date": "on a Sunday" is none
AN_ORIGIN = "where they are from"  # "where is X from?"
KIND_OF_FACT = {Gap.FIGURE: A_FIGURE, Gap.DATE: A_DATE, Gap.NAMES: A_NAME, Gap.PLACE: AN_ORIGIN}
_KINDS_OF_FACT = {A_FIGURE: "it gives no figure for that", A_DATE: "it gives no date for that",
                  A_NAME: "it gives no name for that", AN_EXACT_FIGURE: "it gives no exact figure for that",
                  AN_EXACT_DATE: "it gives no exact date for that",
                  AN_ORIGIN: "it says nothing of where they come from"}


def _gaps(missing: list[str]) -> str:
    words = [f"\u201c{w}\u201d" for w in dict.fromkeys(missing) if w not in _KINDS_OF_FACT][:4]
    said = []
    if words:
        listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" or {words[-1]}"
        said.append(f"it never mentions {listed}")
    said.extend(text for kind, text in _KINDS_OF_FACT.items() if kind in missing)
    return " and ".join(said)


def not_in_article_nearest(missing: list[str]) -> str:
    """Before the nearest answer, when the article does not speak to what the question asks."""
    return f"The article does not say that: {_gaps(missing)}. The nearest thing it does say:"


def never_mentions(missing: list[str]) -> str:
    """Before a nearest answer that itself says what the article does not say."""
    gaps = _gaps(missing)  # "it never mentions ..." / "it gives no figure ..."
    return f"The article {gaps.removeprefix('it ')}." if gaps else ""


def never_mentions_which(missing: list[str]) -> str:
    """Before suggestions, when a word of the question is not in the article and the nearest
    entries are too close to pick one."""
    return f"The article {_gaps(missing).removeprefix('it ')}. Did you mean one of these?"


_NOT_GIVEN = {
    Gap.NAMES: "gives no names for it", Gap.DATE: "gives no date for it", Gap.FIGURE: "gives no figure for it",
    Gap.REASON: "gives no reason for it", Gap.PLACE: "does not say where",
}


def part_not_given(gap: Gap, part: str, exact: bool = False) -> str:
    """A note under a several-question reply: one question asked for what its answer does not give."""
    said = (("gives no exact date for it" if gap is Gap.DATE else "gives no exact figure for it") if exact
            else _NOT_GIVEN[gap])
    return f"The article {said} (\u201c{part}\u201d)."


def part_not_said(part: str) -> str:
    """A note under a several-question reply: one question's answer says the article does not say it."""
    return f"The article does not say that (\u201c{part}\u201d)."


def part_never_mentions(missing: list[str], part: str) -> str:
    """A note under a several-question reply: one question asks about what the article never
    mentions; the nearest thing it says is among the answers."""
    return f"The article does not say that (\u201c{part}\u201d): {_gaps(missing)}. The nearest thing it says is below."


def part_no_opinion(part: str) -> str:
    """A note under a several-question reply: one question asks the bot's own opinion or forecast."""
    return f"I have no opinion or forecast of my own (\u201c{part}\u201d): what the article says is below."


def not_given(gap: Gap) -> str:
    """Before an answer that covers the subject but, as it says, not the fact asked for."""
    return f"The article {_NOT_GIVEN[gap]}. What it does say:"


_NO_OPINION = "I have no opinion or forecast of my own: I only say what the article reports."


def decline_opinion(covered: Scope) -> str:
    """A question asking the bot's own opinion or forecast, with nothing in the article near it."""
    return f"{_NO_OPINION} {scope(covered)} {examples(covered)}"


def no_opinion() -> str:
    """Before the nearest answer to a question asking the bot's own opinion or forecast."""
    return f"{_NO_OPINION} What it says:"


def not_spelt_out(acronym: str) -> str:
    """Before an answer that speaks of an acronym without spelling it out, when its words are asked."""
    return f"The article does not spell out {acronym}. What it does say:"


def not_said() -> str:
    """Before an answer that says, itself, that the article does not say what was asked."""
    return "The article does not say that. What it does say:"


def not_said_happened() -> str:
    """Before an answer that speaks only as to come of what a question asks happened."""
    return "The article does not say whether that happened: it speaks of it only as to come. What it does say:"


def suggestions_intro(count: int = 2) -> str:
    """The line before "did you mean" choices: one choice is no "which of these"."""
    if count == 1:
        return "I'm not sure I have that right. Did you mean:"
    return "I'm not sure which of these you mean. Did you mean:"


def smalltalk(kind: SmallTalk, covered: Scope) -> str:
    lines = {
        # no example questions: names a newcomer has not met yet are noise in a hello (/help and
        # declines show them)
        SmallTalk.GREETING: f"Hi! {scope(covered)} Ask me anything about "
                            f"{'it' if len(covered.titles) == 1 else 'them'}, or try /summary and /help.",
        SmallTalk.THANKS: "You're welcome! Ask me anything else about the article.",
        SmallTalk.IDENTITY: (
            f"Yes, I'm a bot. {scope(covered)} Every answer shows its source and says when a claim "
            "is only reported."
        ),
        SmallTalk.HELP: (
            f"{scope(covered)} Ask with /ask, by mentioning me, or in a DM; /summary gives an "
            "overview and /sources shows where everything comes from. I say when a claim is only "
            "reported, and when the article doesn't say."
        ),
        SmallTalk.GOODBYE: "Bye! Come back any time with questions about the article.",
        SmallTalk.PRAISE: "Thank you! Glad it helped.",
        SmallTalk.ACKNOWLEDGEMENT: "Anything else you'd like to know about the article? Just ask.",
        SmallTalk.COMPLAINT: (
            "Sorry about that. I only know what the article says; moderators review answers "
            "people mark as not helpful."
        ),
    }
    return lines[kind]


def command_not_here() -> str:
    return "You can't use this command here."


def option_value_refused() -> str:
    return "That value doesn't fit this option; pick one from the list."


def cut_note(max_chars: int) -> str:
    return f"Your question was long, so I read only its first {max_chars} characters."




CLAIM_MENU = "Check with faqbot"  # the message context menu's name (1-32 characters)


def claim_intro() -> str:
    return "What the article says about this message's claim:"


def claim_without_text() -> str:
    return "That message has no text to check; I can only check what a message says in words."


def cooldown(seconds: int) -> str:
    return f"You're asking quickly: please wait {seconds} s before the next question."


def entry_gone() -> str:
    return "That question is no longer in the FAQ; try asking it again."


def feedback_thanks(helpful: bool) -> str:
    if helpful:
        return "Thanks! Glad it helped."
    return "Thanks for telling us. Moderators review answers marked not helpful."


def unknown_topic(known: list[str]) -> str:
    return f"I don't know that topic. Topics: {', '.join(known)}."


def unknown_entry() -> str:
    return "There is no FAQ entry with that id; start typing to pick one from the list."


def records_down() -> str:
    return ("The bot's records (history, inbox, feedback) cannot be read right now; answering is not affected. "
            "The details are in the bot's log.")


def error() -> str:
    return "Sorry, something went wrong while answering; it has been logged for the moderators."


def help_commands(covered: Scope) -> list[tuple[str, str]]:
    example = covered.examples[0] if covered.examples else "what happened?"
    return [
        ("/ask question", "Ask a question about the article; the answer shows its source and any caveat."),
        ("/summary [length] [topic]", "A short or full summary of the story, or of one topic."),
        ("/sources", "The documents and who is cited, with how solid each claim is."),
        ("/faq list", "Every question in the FAQ, page by page."),
        ("/faq show entry", "One FAQ entry by its id."),
        ("Mention me or DM me", f"Ask in plain words: @faqbot {example}"),
    ]


# -- moderating the FAQ (/faqadmin, the mod-log channel, `faqbot inbox` / `faqbot history`) ------

HAND_EDIT_ACTOR = "hand edit"  # who history names for a change found on disk (git pull, an editor)
ACTION_LABELS: dict[str, str] = {
    "add": "added",
    "edit": "edited",
    "alias": "added a phrasing to",
    "status": "changed the status of",
    "remove": "removed",
    "revert": "reverted",
    "file": "changed on disk",
}
OUTCOME_LABELS: dict[str, str] = {"decline": "declined", "suggestions": "unsure"}


def mod_refused() -> str:
    return "Only moderators (the moderator role, or Manage Server) can change the FAQ; nothing was changed."


def mod_wrong_guild() -> str:
    return "The FAQ is moderated only from its own server; nothing was changed."


def mod_off() -> str:
    return ("Moderation from Discord is off: the bot's config names no `discord.moderation_guilds`. "
            "Nothing was changed.")


def mod_unknown_entry(entry_id: str) -> str:
    return f"There is no FAQ entry `{entry_id}`; start typing to pick one from the list."


def mod_saved(action: str, entry_id: str, number: int) -> str:
    return f"Saved: {ACTION_LABELS.get(action, action)} `{entry_id}` (change #{number}). This is how it reads now:"


def mod_removed(entry_id: str, number: int) -> str:
    return (f"Removed `{entry_id}` (change #{number}). To bring it back: "
            f"/faqadmin revert entry:{entry_id} change:{number}")


def mod_reverted_away(entry_id: str, number: int) -> str:
    return f"Reverted: `{entry_id}` did not exist before that change, so it is removed now (change #{number})."


def mod_invalid(entry_id: str) -> str:
    return f"Not saved: `{entry_id}` would not pass `faqbot validate`, so nothing changed. Fix this and try again:"


def mod_your_text() -> str:
    return "Your text (not saved), to copy from"


def mod_conflict(entry_id: str, who: str | None, when: str | None) -> str:
    by = f" by {who} ({when})" if who and when else ""
    return (f"Not saved: `{entry_id}` was changed{by} after you opened it, and your edit would undo that. "
            "Below are the newer version and your edit; open /faqadmin edit again to combine them.")


def mod_conflict_gone(entry_id: str) -> str:
    return (f"Not saved: `{entry_id}` was removed after you opened it. "
            "Your edit is below; use /faqadmin add to re-add it.")


def mod_exists(entry_id: str) -> str:
    return (f"Not saved: there is already an entry `{entry_id}` (below). Choose another id, or change it "
            "with /faqadmin edit.")


def mod_no_change(entry_id: str) -> str:
    return f"Nothing to save: `{entry_id}` already reads that way."


def mod_unwritable(detail: str) -> str:
    return f"Not saved: {detail}. Nothing was changed."


def mod_confirm_remove(entry_id: str) -> str:
    return (f"Remove `{entry_id}` from the FAQ? People will stop getting this answer. "
            "You can bring it back with /faqadmin revert.")


def mod_kept(entry_id: str) -> str:
    return f"Kept `{entry_id}`; nothing was removed."


def mod_too_long_to_edit(entry_id: str) -> str:
    return (f"`{entry_id}` has a field longer than Discord's 4,000-character text box; "
            "edit it in the YAML file instead (then /faqadmin reload).")


def mod_reloaded(entries: int, changed: int) -> str:
    if changed:
        return f"Reloaded: {entries} entries; {changed} changed on disk since the last load (see /faqadmin history)."
    return f"Reloaded: {entries} entries; nothing changed on disk."


def mod_reload_rejected(entries: int) -> str:
    return (f"Reload rejected: the knowledge on disk does not pass `faqbot validate`. Still serving the last "
            f"good FAQ ({entries} entries). Problems:")


def mod_no_such_change(entry_id: str, number: int) -> str:
    return f"There is no change #{number} of `{entry_id}`; see /faqadmin history entry:{entry_id}."


def mod_history_empty(entry_id: str | None) -> str:
    return f"No changes to `{entry_id}` recorded yet." if entry_id else "No changes recorded yet."


def mod_history_title(entry_id: str | None) -> str:
    return f"History of {entry_id}" if entry_id else "Latest changes to the FAQ"


def mod_latest_diff() -> str:
    return "Latest change"


def mod_inbox_empty() -> str:
    return "The inbox is empty: nothing unanswered and no answers marked not helpful."


def mod_inbox_title(groups: int) -> str:
    return f"Inbox: {groups} open question{'s' if groups != 1 else ''}, most asked first"


def mod_inbox_footer(shown: int, groups: int) -> str:
    more = f"{groups - shown} more with `faqbot inbox`. " if groups > shown else ""
    return f"{more}Add answers a question; Edit opens an answer marked not helpful."


def mod_add_where(question: str) -> str:
    return (f"Add \u201c{question}\u201d as another phrasing of an entry (pick it below: saved at once), "
            "or as a new entry:")


def mod_alias_collides(question: str, entry_id: str, rival: str) -> str:
    return (f"Not saved yet: \u201c{question}\u201d reads the same as a phrasing of `{rival}`, so adding it to "
            f"`{entry_id}` would leave people a \u201cdid you mean\u201d between the two. Reword it in git or with "
            "/faqadmin alias, or add it anyway:")


ALIAS_PLACEHOLDER = "Add it as a phrasing of\u2026"
BUTTON_NEW_ENTRY = "New entry"
BUTTON_ADD_ANYWAY = "Add anyway"


def mod_question_gone() -> str:
    return "That question is no longer in the records; run /faqadmin inbox again."


def mod_when(at: float) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(at, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def mod_history_line(number: int, at: float, actor: str, action: str, entry_id: str) -> str:
    return f"#{number}  {mod_when(at)}  {actor} {ACTION_LABELS.get(action, action)} {entry_id}"


def mod_inbox_line(n: int, kind: str, question: str, count: int, outcomes: dict[str, int],
                   phrasings: tuple[str, ...], entry_id: str | None) -> str:
    if kind == "feedback":
        return f"{n}. {count}\u00d7 marked not helpful: \u201c{question}\u201d ({entry_id})"
    detail = ", ".join(f"{OUTCOME_LABELS.get(k, k)} {v}" for k, v in sorted(outcomes.items()))
    also = "; also asked as " + ", ".join(f"\u201c{p}\u201d" for p in phrasings) if phrasings else ""
    return f"{n}. {count}\u00d7 \u201c{question}\u201d ({detail}{also})"


def modlog_change(action: str, entry_id: str, number: int, actor: str) -> str:
    return f"**{actor}** {ACTION_LABELS.get(action, action)} `{entry_id}` (change #{number})"


def modlog_hand_edits(count: int) -> str:
    return f"The knowledge on disk changed ({count} entr{'ies' if count != 1 else 'y'}); reloaded:"


def modlog_rejected(entries: int) -> str:
    return (f"Knowledge on disk rejected; still serving the last good FAQ ({entries} entries). "
            "Fix these and save again:")


def modlog_recovered(entries: int) -> str:
    return f"The knowledge on disk loads again; serving it ({entries} entries)."


def modlog_more_lines(count: int) -> str:
    return f"\u2026 {count} more line{'s' if count != 1 else ''} (see /faqadmin history)"


MODAL_ADD_TITLE = "Add an FAQ entry"
MODAL_EDIT_TITLE = "Edit "  # followed by the entry id, cut to Discord's 45 characters
MODAL_LABELS: dict[str, tuple[str, str]] = {  # field: (label <= 45, description <= 100)
    "question": ("Question", "The question as people would ask it."),
    "alternates": ("Other phrasings, one per line", "Other ways people ask it; they help the bot match."),
    "answer": ("Answer", "What the article says, in plain words; no more than the sources support."),
    "sources": ("Sources: who is cited | quote, one a line",
                "The quote must occur word for word in the article."),
    "status": ("Status", "How solid the claim is; the caveat readers see follows it."),
}
STATUS_CHOICES: dict[str, str] = {
    "confirmed": "Confirmed: on the record",
    "reported": "Reported: media reports, unnamed sources",
    "stated": "Stated: a named person's or group's position",
    "unresolved": "Unresolved: the article says it is open",
    "context": "Context: the article's own account",
    "not_in_article": "Not in the article: people ask, it doesn't say",
}
NEW_ENTRY = "the new entry"  # how a refusal names an entry not saved yet, without an id
BUTTON_HELPFUL = "Helpful"
BUTTON_NOT_HELPFUL = "Not helpful"
BUTTON_PREVIOUS = "Previous"
BUTTON_NEXT = "Next"
BUTTON_REMOVE = "Remove it"
BUTTON_KEEP = "Keep it"
BUTTON_ADD = "Add"  # followed by the inbox number
BUTTON_EDIT = "Edit"
BUTTON_EDIT_AGAIN = "Edit again"
EMBED_NEWER = "Newer version (saved)"
EMBED_EXISTING = "The existing entry"
