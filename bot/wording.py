"""Every sentence the bot says that is not an FAQ answer, in one place for review."""

from __future__ import annotations

from bot.knowledge.model import Story
from bot.matching.intents import SmallTalk


def scope(story: Story) -> str:
    return f"I answer questions about the article \u201c{story.title}\u201d from a curated, sourced FAQ."


def examples() -> str:
    return 'Try "Who went to Moscow?", "What does Europe propose?" or /summary.'


def decline_out_of_scope(story: Story) -> str:
    return (
        f"Sorry, that is outside what I can answer. {scope(story)} "
        f"{examples()}"
    )


def decline_instruction(story: Story) -> str:
    return (
        "I can't follow instructions like that: I only repeat what the article and its sources say. "
        f"{scope(story)} {examples()}"
    )


def decline_language(story: Story) -> str:
    return (
        "Sorry, I can only answer in English for now. "
        f"{scope(story)} Please ask again in English, e.g. \"Who went to Moscow?\""
    )


def empty_question(story: Story) -> str:
    return f"Ask me a question! {scope(story)} {examples()}"


def suggestions_intro() -> str:
    return "I'm not sure which of these you mean. Did you mean:"


def smalltalk(kind: SmallTalk, story: Story) -> str:
    lines = {
        SmallTalk.GREETING: f"Hi! {scope(story)} {examples()}",
        SmallTalk.THANKS: "You're welcome! Ask me anything else about the article.",
        SmallTalk.IDENTITY: (
            f"Yes, I'm a bot. {scope(story)} Every answer shows its source and says when a claim "
            "is only reported."
        ),
        SmallTalk.HELP: (
            f"{scope(story)} Ask with /ask, by mentioning me, or in a DM; /summary gives an "
            "overview and /sources shows where everything comes from. I say when a claim is only "
            "reported, and when the article doesn't say."
        ),
        SmallTalk.GOODBYE: "Bye! Come back any time with questions about the article.",
        SmallTalk.PRAISE: "Thank you! Glad it helped.",
        SmallTalk.COMPLAINT: (
            "Sorry about that. I only know what the article says; moderators review answers "
            "people mark as not helpful."
        ),
    }
    return lines[kind]


def cut_note(max_chars: int) -> str:
    return f"Your question was long, so I read only its first {max_chars} characters."


NOT_IN_ARTICLE_LABEL = "Not in the article"
CAVEAT_LABEL = "Caveat"


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


def error() -> str:
    return "Sorry, something went wrong while answering; it has been logged for the moderators."


HELP_COMMANDS: list[tuple[str, str]] = [
    ("/ask question", "Ask a question about the article; the answer shows its source and any caveat."),
    ("/summary [length] [topic]", "A short or full summary of the story, or of one topic."),
    ("/sources", "The documents and who is cited, with how solid each claim is."),
    ("/faq list", "Every question in the FAQ, page by page."),
    ("/faq show entry", "One FAQ entry by its id."),
    ("Mention me or DM me", "Ask in plain words: @faqbot who went to Moscow?"),
]
