"""Replies as Discord embeds, always within Discord's limits.

What is said comes from the core's Reply, Summary or overview; the words of the layout itself
(status labels, "Source", "Related questions", page numbers) are here, as text.py has its own.
Discord's limits (title, description, fields, 6,000 characters across a message's embeds) are in
discord_limits.py.
"""

from __future__ import annotations

import discord

from bot.knowledge.model import Entry, Status
from bot.rendering.discord_limits import (
    DESCRIPTION_MAX,
    EMBEDS_TOTAL_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FIELDS_MAX,
    FOOTER_MAX,
    TITLE_MAX,
    clamp,
)
from bot.rendering.text import quoted
from bot.reply import Answer, Outcome, Reply
from bot.summaries import SourcesOverview, Summary

STATUS_COLOURS: dict[Status, discord.Colour] = {
    Status.CONFIRMED: discord.Colour.green(),
    Status.REPORTED: discord.Colour.orange(),
    Status.STATED: discord.Colour.blue(),
    Status.UNRESOLVED: discord.Colour.gold(),
    Status.CONTEXT: discord.Colour.light_grey(),
    Status.NOT_IN_ARTICLE: discord.Colour.dark_grey(),
}
STATUS_ICONS: dict[Status, str] = {
    Status.CONFIRMED: "\u2705", Status.REPORTED: "\u26a0\ufe0f", Status.STATED: "\U0001f5e3\ufe0f",
    Status.UNRESOLVED: "\u2753", Status.CONTEXT: "\u2139\ufe0f", Status.NOT_IN_ARTICLE: "\U0001f6ab",
}
NEUTRAL = discord.Colour.blurple()
SHORTEST_DESCRIPTION = 100  # fitting a message's embeds never cuts a description below this
# How each status reads above an answer and in /sources (the moderators' menu words them as choices: wording.py)
STATUS_LABELS: dict[Status, str] = {
    Status.CONFIRMED: "Confirmed on the record",
    Status.REPORTED: "Reported, not officially confirmed",
    Status.STATED: "Stated position of a named person or group",
    Status.UNRESOLVED: "Unresolved",
    Status.CONTEXT: "The article's own narrative",
    Status.NOT_IN_ARTICLE: "Not in the article",
}


def _status_line(answer: Answer) -> tuple[str, str]:
    name = f"{STATUS_ICONS[answer.status]} {STATUS_LABELS[answer.status]}"
    value = answer.caveat or {
        Status.CONFIRMED: "This is on the record.",
        Status.CONTEXT: "From the article's own account.",
        Status.NOT_IN_ARTICLE: "The article does not say; above is the nearest thing it does say.",
    }.get(answer.status, "")
    return name, value


def answer_embed(answer: Answer, title: str) -> discord.Embed:
    embed = discord.Embed(
        title=clamp(title, TITLE_MAX), description=clamp(answer.text, DESCRIPTION_MAX),
        colour=STATUS_COLOURS[answer.status],
    )
    name, value = _status_line(answer)
    embed.add_field(name=clamp(name, FIELD_NAME_MAX), value=clamp(value or "\u200b", FIELD_VALUE_MAX), inline=False)
    for source, doc_title in zip(answer.sources, answer.source_titles):
        quote = f"{quoted(source.quote)}\n\u2014 {source.cited}, in *{doc_title}*"
        embed.add_field(name="Source", value=clamp(quote, FIELD_VALUE_MAX), inline=False)
    if answer.related:
        lines = "\n".join(f"\u2022 {r.question}" for r in answer.related)
        embed.add_field(name="Related questions", value=clamp(lines, FIELD_VALUE_MAX), inline=False)
    embed.set_footer(text=clamp(f"{answer.entry_id} \u00b7 reviewed {answer.reviewed}", FOOTER_MAX))
    return embed


def reply_embeds(reply: Reply) -> list[discord.Embed]:
    """One embed per answer (at most two), or one for any other outcome."""
    notes = "".join(f"*{n}*\n\n" for n in reply.notes)
    if reply.outcome in (Outcome.ANSWER, Outcome.NOT_IN_ARTICLE) and reply.answers:
        embeds = []
        for n, answer in enumerate(reply.answers):
            title = reply.question if n == 0 and len(reply.answers) == 1 else answer.question
            embeds.append(answer_embed(answer, title or answer.question))
        lead = notes + (f"**{reply.message}**\n\n" if reply.message else "")
        if lead:
            embeds[0].description = clamp(lead + (embeds[0].description or ""), DESCRIPTION_MAX)
        return fit_total(embeds)
    if reply.outcome is Outcome.SUGGESTIONS:
        lines = "\n".join(f"{n}. {s.question}" for n, s in enumerate(reply.suggestions, start=1))
        return [discord.Embed(title="Did you mean\u2026", description=clamp(f"{notes}{reply.message}\n{lines}",
                                                                          DESCRIPTION_MAX), colour=NEUTRAL)]
    return [discord.Embed(description=clamp(notes + reply.message, DESCRIPTION_MAX), colour=NEUTRAL)]


def fit_total(embeds: list[discord.Embed]) -> list[discord.Embed]:
    """Shorten the longest parts until all embeds together fit Discord's 6,000 characters."""
    while sum(len(e) for e in embeds) > EMBEDS_TOTAL_MAX:
        embed = max(embeds, key=len)
        excess = sum(len(e) for e in embeds) - EMBEDS_TOTAL_MAX
        description = embed.description or ""
        embed.description = clamp(description, max(len(description) - excess - 1, SHORTEST_DESCRIPTION))
        if sum(len(e) for e in embeds) > EMBEDS_TOTAL_MAX and len(embed.fields) > 1:
            embed.remove_field(len(embed.fields) - 1)
    return embeds


def summary_embed(summary: Summary) -> discord.Embed:
    embed = discord.Embed(title=clamp(summary.title, TITLE_MAX), description=clamp(summary.text, DESCRIPTION_MAX),
                          colour=NEUTRAL)
    embed.add_field(name=f"{STATUS_ICONS[Status.REPORTED]} Caveat", value=clamp(summary.caveat, FIELD_VALUE_MAX),
                    inline=False)
    return embed


def sources_embed(overview: SourcesOverview) -> discord.Embed:
    lines = [f"**{overview.story_title}** (publisher: {overview.publisher}, published: {overview.published})"]
    embed = discord.Embed(title="Where the answers come from", description=clamp("\n".join(lines), DESCRIPTION_MAX),
                          colour=NEUTRAL)
    for cited in overview.cited[: FIELDS_MAX - 1]:
        value = "\n".join(f"{STATUS_ICONS[s]} {STATUS_LABELS[s]}: {n}" for s, n in cited.statuses)
        embed.add_field(name=clamp(cited.cited, FIELD_NAME_MAX), value=clamp(value, FIELD_VALUE_MAX), inline=True)
    embed.add_field(name="Caveat", value=clamp(overview.caveat, FIELD_VALUE_MAX), inline=False)
    return embed


def entries_page_embed(entries: list[Entry], page: int, pages: int, total: int) -> discord.Embed:
    lines = [f"{STATUS_ICONS[e.status]} **{e.question}**\n`{e.id}`" for e in entries]
    embed = discord.Embed(title="FAQ", description=clamp("\n".join(lines) or "No entries.", DESCRIPTION_MAX),
                          colour=NEUTRAL)
    embed.set_footer(text=f"Page {page + 1} of {pages} \u00b7 {total} entries")
    return embed


def help_embed(lines: list[tuple[str, str]], scope: str) -> discord.Embed:
    embed = discord.Embed(title="How to use me", description=clamp(scope, DESCRIPTION_MAX), colour=NEUTRAL)
    for name, description in lines[:FIELDS_MAX]:
        embed.add_field(name=clamp(name, FIELD_NAME_MAX), value=clamp(description, FIELD_VALUE_MAX), inline=False)
    return embed
