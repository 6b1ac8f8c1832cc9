"""Buttons that survive restarts: their custom_id carries all they need (discord.py DynamicItem)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.discordbot.errors import report_errors

if TYPE_CHECKING:
    from bot.discordbot.app import FaqBot

ENTRY = r"(?P<entry>[a-z0-9][a-z0-9-]{0,63})"


def _bot(interaction: discord.Interaction) -> FaqBot:
    return interaction.client  # type: ignore[return-value]


class SuggestionButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"faq:ask:{ENTRY}"):
    """A "did you mean" choice; clicking it answers that question."""

    def __init__(self, entry_id: str, label: str) -> None:
        super().__init__(discord.ui.Button(
            label=label[:80], style=discord.ButtonStyle.secondary, custom_id=f"faq:ask:{entry_id}"))
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> SuggestionButton:
        return cls(match["entry"], (item.label if isinstance(item, discord.ui.Button) else None) or "")

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, _bot(interaction).answer_entry(interaction, self.entry_id),
                            "a suggestion click")


class FeedbackButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"faq:fb:{ENTRY}:(?P<vote>[01])"):
    """Helpful / not helpful on an answer: recorded for moderators; the answer stays."""

    def __init__(self, entry_id: str, helpful: bool) -> None:
        super().__init__(discord.ui.Button(
            label="Helpful" if helpful else "Not helpful",
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
        bot = _bot(interaction)
        await report_errors(interaction, bot.record_feedback(interaction, self.entry_id, self.helpful),
                            "a feedback click")


class PageButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"faq:list:(?P<page>\d{1,4}):(?P<dir>[pn])"):
    """Previous / next page of /faq list; edits the list in place."""

    def __init__(self, page: int, direction: str, disabled: bool = False) -> None:
        super().__init__(discord.ui.Button(
            label="Previous" if direction == "p" else "Next", style=discord.ButtonStyle.primary,
            custom_id=f"faq:list:{page}:{direction}", disabled=disabled,
        ))
        self.page = page

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> PageButton:
        return cls(int(match["page"]), match["dir"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, _bot(interaction).show_page(interaction, self.page), "a page click")


DYNAMIC_ITEMS = (SuggestionButton, FeedbackButton, PageButton)


def answer_view(entry_ids: list[str]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for entry_id in entry_ids[:2]:
        view.add_item(FeedbackButton(entry_id, True))
        view.add_item(FeedbackButton(entry_id, False))
    return view


def suggestions_view(choices: list[tuple[str, str]]) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for entry_id, question in choices[:5]:
        view.add_item(SuggestionButton(entry_id, question))
    return view


def pages_view(page: int, pages: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(PageButton(max(page - 1, 0), "p", disabled=page <= 0))
    view.add_item(PageButton(min(page + 1, pages - 1), "n", disabled=page >= pages - 1))
    return view
