"""A reply as Discord shows it (embeds and buttons), and the buttons' work when clicked.

The buttons survive restarts: their custom_id carries all they need (discord.py DynamicItem), and
they find what they work with through `services_of(interaction.client)`.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
from typing import Any

import discord
from discord import app_commands

from bot import wording
from bot.discordbot.errors import report_errors
from bot.discordbot.sending import NO_MENTIONS, respond
from bot.discordbot.services import services_of
from bot.knowledge.model import KnowledgeBase
from bot.rendering import discord_embed
from bot.rendering.discord_limits import BUTTON_LABEL_MAX, BUTTONS_PER_ROW, CHOICE_MAX, clamp
from bot.rendering.discord_limits import ENTRY_IN_CUSTOM_ID as ENTRY
from bot.reply import Outcome, Reply

log = logging.getLogger("faqbot.discord")

PAGE_SIZE = 10
FEEDBACK_ANSWERS_MAX = 2  # helpful / not helpful pairs under a reply: one per answer, two rows at most


def reply_message(reply: Reply) -> tuple[list[discord.Embed], discord.ui.View | None]:
    """The embeds of a reply, with "did you mean" buttons or feedback buttons under its answers."""
    embeds = discord_embed.reply_embeds(reply)
    if reply.outcome is Outcome.SUGGESTIONS:
        return embeds, suggestions_view([(s.entry_id, s.question) for s in reply.suggestions])
    if reply.answers:
        return embeds, answer_view([a.entry_id for a in reply.answers])
    return embeds, None


def entries_page(knowledge: KnowledgeBase, page: int) -> tuple[discord.Embed, discord.ui.View]:
    """One page of /faq list, with previous / next buttons."""
    entries = list(knowledge.entries)
    pages = max(math.ceil(len(entries) / PAGE_SIZE), 1)
    page = min(max(page, 0), pages - 1)
    chunk = entries[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
    return discord_embed.entries_page_embed(chunk, page, pages, len(entries)), pages_view(page, pages)


async def answer_entry(interaction: discord.Interaction, entry_id: str) -> None:
    """A "did you mean" click: answer the chosen entry."""
    services = services_of(interaction.client)
    if await services.on_cooldown(interaction):
        return
    reply = services.answering.show(entry_id)
    if reply is None:
        await respond(interaction, wording.entry_gone(), ephemeral=True)
        return
    embeds, view = reply_message(reply)
    await respond(interaction, embeds=embeds, view=view, ephemeral=services.config.discord.ephemeral_answers)


async def record_feedback(interaction: discord.Interaction, entry_id: str, helpful: bool) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    records = services_of(interaction.client).records
    await asyncio.to_thread(records.record_feedback, entry_id, helpful, interaction.user.id)
    log.info("feedback entry=%s helpful=%s", entry_id, helpful)
    await respond(interaction, wording.feedback_thanks(helpful), ephemeral=True)


async def show_page(interaction: discord.Interaction, page: int) -> None:
    embed, view = entries_page(services_of(interaction.client).answering.answerer.knowledge, page)
    await interaction.response.edit_message(embed=embed, view=view, allowed_mentions=NO_MENTIONS)


class SuggestionButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"faq:ask:{ENTRY}"):
    """A "did you mean" choice; clicking it answers that question."""

    def __init__(self, entry_id: str, label: str) -> None:
        super().__init__(discord.ui.Button(
            label=label[:BUTTON_LABEL_MAX], style=discord.ButtonStyle.secondary, custom_id=f"faq:ask:{entry_id}"))
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> SuggestionButton:
        return cls(match["entry"], (item.label if isinstance(item, discord.ui.Button) else None) or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, answer_entry(interaction, self.entry_id), "a suggestion click")


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"faq:fb:{ENTRY}:(?P<vote>[01])"):
    """Helpful / not helpful on an answer: recorded for moderators; the answer stays."""

    def __init__(self, entry_id: str, helpful: bool) -> None:
        super().__init__(discord.ui.Button(
            label=wording.BUTTON_HELPFUL if helpful else wording.BUTTON_NOT_HELPFUL,
            emoji="\U0001f44d" if helpful else "\U0001f44e",
            style=discord.ButtonStyle.secondary,
            custom_id=f"faq:fb:{entry_id}:{int(helpful)}",
        ))
        self.entry_id, self.helpful = entry_id, helpful

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> FeedbackButton:
        return cls(match["entry"], match["vote"] == "1")

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, record_feedback(interaction, self.entry_id, self.helpful),
                            "a feedback click")


class PageButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"faq:list:(?P<page>\d{1,4}):(?P<dir>[pn])"):
    """Previous / next page of /faq list; edits the list in place."""

    def __init__(self, page: int, direction: str, disabled: bool = False) -> None:
        super().__init__(discord.ui.Button(
            label=wording.BUTTON_PREVIOUS if direction == "p" else wording.BUTTON_NEXT,
            style=discord.ButtonStyle.primary, custom_id=f"faq:list:{page}:{direction}", disabled=disabled,
        ))
        self.page = page

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> PageButton:
        return cls(int(match["page"]), match["dir"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, show_page(interaction, self.page), "a page click")


DYNAMIC_ITEMS = (SuggestionButton, FeedbackButton, PageButton)


def answer_view(entry_ids: list[str]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for entry_id in entry_ids[:FEEDBACK_ANSWERS_MAX]:
        view.add_item(FeedbackButton(entry_id, True))
        view.add_item(FeedbackButton(entry_id, False))
    return view


def suggestions_view(choices: list[tuple[str, str]]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for entry_id, question in choices[:BUTTONS_PER_ROW]:
        view.add_item(SuggestionButton(entry_id, question))
    return view


def pages_view(page: int, pages: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(PageButton(max(page - 1, 0), "p", disabled=page <= 0))
    view.add_item(PageButton(min(page + 1, pages - 1), "n", disabled=page >= pages - 1))
    return view


def choice(name: str, value: str | int) -> app_commands.Choice[Any]:
    """An autocomplete choice within Discord's 100 characters (name, and text values)."""
    return app_commands.Choice(name=clamp(name, CHOICE_MAX),
                               value=value[:CHOICE_MAX] if isinstance(value, str) else value)
