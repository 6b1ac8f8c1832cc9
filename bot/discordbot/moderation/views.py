"""The entry form (modal), its retry view, and the moderators' persistent buttons and menus.

Each custom_id carries what its item needs, so they survive a restart. Every one of them is for
moderators only: discord.py runs an item's, a view's or a modal's `interaction_check` before its
callback, and here that check is `require_moderator` (anyone else is told so, and nothing happens)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol, cast

import discord
from discord.ext import commands

from bot import wording
from bot.discordbot.errors import report_errors
from bot.discordbot.moderation.access import require_moderator
from bot.discordbot.moderation.limits import MODAL_TIMEOUT, RETRY_TIMEOUT
from bot.discordbot.sending import NO_MENTIONS
from bot.editing.forms import EntryForm
from bot.knowledge import limits
from bot.rendering.discord_limits import BUTTON_LABEL_MAX, MODAL_TITLE_MAX, TEXT_INPUT_MAX
from bot.rendering.discord_limits import ENTRY_IN_CUSTOM_ID as ENTRY


class ModerationHandlers(Protocol):
    """What the persistent buttons hand their work to: the moderation cog, found by name on the
    client (a button outlives a restart and a reload of the cog), so this module never imports it."""

    async def confirm_remove(self, interaction: discord.Interaction, entry_id: str, version: str) -> None: ...
    async def open_from_inbox(self, interaction: discord.Interaction, kind: str, ref: str) -> None: ...
    async def add_from_inbox(self, interaction: discord.Interaction, row_id: int) -> None: ...
    async def alias_from_inbox(self, interaction: discord.Interaction, row_id: int, entry_id: str,
                               check: bool) -> None: ...


COG_NAME = "ModerationCommands"
OnSave = Callable[[discord.Interaction, "EntryModal"], Awaitable[None]]


class ModeratorsOnly:
    """Mixed into every moderator item: discord.py calls this before the item's callback."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await require_moderator(interaction)


class EntryModal(ModeratorsOnly, discord.ui.Modal):
    """Add or edit one entry: question, other phrasings, answer, sources, status.

    An edit remembers the version it was opened from; saving from a stale copy is a conflict.
    """

    def __init__(self, on_save: OnSave, mode: str, form: EntryForm, entry_id: str | None = None,
                 base_version: str | None = None, story_id: str | None = None) -> None:
        title = wording.MODAL_ADD_TITLE if mode == "add" else wording.MODAL_EDIT_TITLE + (entry_id or "")
        super().__init__(title=title[:MODAL_TITLE_MAX], timeout=MODAL_TIMEOUT)
        self.on_save = on_save
        self.mode, self.entry_id, self.base_version, self.story_id = mode, entry_id, base_version, story_id
        self.inputs: dict[str, discord.ui.TextInput[EntryModal]] = {}
        for name, style, max_length in (
            ("question", discord.TextStyle.short, limits.MAX_QUESTION),
            ("alternates", discord.TextStyle.paragraph, TEXT_INPUT_MAX),
            ("answer", discord.TextStyle.paragraph, limits.MAX_ANSWER),
            ("sources", discord.TextStyle.paragraph, TEXT_INPUT_MAX),
        ):
            value = getattr(form, name)
            text_input: discord.ui.TextInput[EntryModal] = discord.ui.TextInput(
                style=style, custom_id=f"faqadmin:{name}", default=value or None,
                required=name != "alternates", max_length=max(max_length, len(value)),
            )
            self.inputs[name] = text_input
            label, description = wording.MODAL_LABELS[name]
            self.add_item(discord.ui.Label(text=label, description=description, component=text_input))
        self.status: discord.ui.Select[EntryModal] = discord.ui.Select(
            custom_id="faqadmin:status", min_values=1, max_values=1,
            options=[discord.SelectOption(label=label, value=value, default=value == form.status)
                     for value, label in wording.STATUS_CHOICES.items()],
        )
        label, description = wording.MODAL_LABELS["status"]
        self.add_item(discord.ui.Label(text=label, description=description, component=self.status))

    def form(self) -> EntryForm:
        values = {name: text_input.value or "" for name, text_input in self.inputs.items()}
        status = self.status.values[0] if self.status.values else ""
        return EntryForm(status=status, **values)

    async def on_submit(self, interaction: discord.Interaction, /) -> None:
        await report_errors(interaction, self.on_save(interaction, self), "the entry form")


def fits_a_modal(form: EntryForm) -> bool:
    """Whether every field can be prefilled: a longer one would be cut and lost on save."""
    return all(len(getattr(form, name)) <= TEXT_INPUT_MAX for name in ("question", "alternates", "answer", "sources"))


class RetryView(ModeratorsOnly, discord.ui.View):
    """"Edit again" under a refused save: reopens the modal with what the moderator typed."""

    def __init__(self, modal_args: dict[str, Any]) -> None:
        super().__init__(timeout=RETRY_TIMEOUT)
        self.modal_args = modal_args
        button: discord.ui.Button[RetryView] = discord.ui.Button(label=wording.BUTTON_EDIT_AGAIN,
                                                                 style=discord.ButtonStyle.primary)
        button.callback = self.retry  # type: ignore[method-assign]
        self.add_item(button)

    async def retry(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, interaction.response.send_modal(EntryModal(**self.modal_args)), "edit again")


# -- persistent buttons (their custom_id carries what they need, so they survive restarts) -----------


class RemoveButton(ModeratorsOnly, discord.ui.DynamicItem[discord.ui.Button[Any]],
                   template=rf"faqadmin:rm:{ENTRY}:(?P<version>[0-9a-f]{{12}})"):
    """Confirms a removal of the entry as it was when the confirmation was shown."""

    def __init__(self, entry_id: str, version: str) -> None:
        super().__init__(discord.ui.Button(label=wording.BUTTON_REMOVE, style=discord.ButtonStyle.danger,
                                           custom_id=f"faqadmin:rm:{entry_id}:{version}"))
        self.entry_id, self.version = entry_id, version

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> RemoveButton:
        return cls(match["entry"], match["version"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, _by_cog(interaction, lambda cog: cog.confirm_remove(
            interaction, self.entry_id, self.version)), "remove")


class KeepButton(ModeratorsOnly, discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"faqadmin:keep:{ENTRY}"):
    """Answers a removal prompt with "no": the prompt says nothing changed and loses its buttons."""

    def __init__(self, entry_id: str) -> None:
        super().__init__(discord.ui.Button(label=wording.BUTTON_KEEP, style=discord.ButtonStyle.secondary,
                                           custom_id=f"faqadmin:keep:{entry_id}"))
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> KeepButton:
        return cls(match["entry"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, interaction.response.edit_message(
            content=wording.mod_kept(self.entry_id), embeds=[], view=None, allowed_mentions=NO_MENTIONS), "keep")


class InboxButton(ModeratorsOnly, discord.ui.DynamicItem[discord.ui.Button[Any]],
                  template=r"faqadmin:inbox:(?P<kind>[qf]):(?P<ref>[a-z0-9][a-z0-9-]{0,63})"):
    """On an inbox group: Add (an unanswered question) or Edit (an answer marked not helpful)."""

    def __init__(self, n: int, kind: str, ref: str) -> None:
        label = f"{wording.BUTTON_ADD if kind == 'q' else wording.BUTTON_EDIT} {n}"
        super().__init__(discord.ui.Button(label=label[:BUTTON_LABEL_MAX], style=discord.ButtonStyle.secondary,
                                           custom_id=f"faqadmin:inbox:{kind}:{ref}"))
        self.kind, self.ref = kind, ref

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> InboxButton:
        return cls(0, match["kind"], match["ref"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, _by_cog(interaction, lambda cog: cog.open_from_inbox(
            interaction, self.kind, self.ref)), "inbox button")


class AliasSelect(ModeratorsOnly, discord.ui.DynamicItem[discord.ui.Select[Any]],
                  template=r"faqadmin:alias:(?P<row>\d{1,19})"):
    """Picks the entry an unanswered question (inbox row) becomes a phrasing of: saved at once,
    unless it would read the same as another entry's phrasing (then the moderator is warned)."""

    def __init__(self, row: int, options: Sequence[discord.SelectOption] = ()) -> None:
        super().__init__(discord.ui.Select(custom_id=f"faqadmin:alias:{row}", placeholder=wording.ALIAS_PLACEHOLDER,
                                           options=list(options) or [discord.SelectOption(label="-")]))
        self.row_id = row

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> AliasSelect:
        return cls(int(match["row"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        picked = self.item.values[0] if self.item.values else ""
        await report_errors(interaction, _by_cog(interaction, lambda cog: cog.alias_from_inbox(
            interaction, self.row_id, picked, check=True)), "inbox alias")


class AliasAnywayButton(ModeratorsOnly, discord.ui.DynamicItem[discord.ui.Button[Any]],
                        template=rf"faqadmin:aliasok:(?P<row>\d{{1,19}}):{ENTRY}"):
    """Adds the inbox question to the entry despite the warning that it reads like another's phrasing."""

    def __init__(self, row: int, entry_id: str) -> None:
        super().__init__(discord.ui.Button(label=wording.BUTTON_ADD_ANYWAY, style=discord.ButtonStyle.secondary,
                                           custom_id=f"faqadmin:aliasok:{row}:{entry_id}"))
        self.row_id, self.entry_id = row, entry_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> AliasAnywayButton:
        return cls(int(match["row"]), match["entry"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, _by_cog(interaction, lambda cog: cog.alias_from_inbox(
            interaction, self.row_id, self.entry_id, check=False)), "inbox alias")


class NewEntryButton(ModeratorsOnly, discord.ui.DynamicItem[discord.ui.Button[Any]],
                     template=r"faqadmin:new:(?P<row>\d{1,19})"):
    """Opens the add form with the inbox question."""

    def __init__(self, row: int) -> None:
        super().__init__(discord.ui.Button(label=wording.BUTTON_NEW_ENTRY, style=discord.ButtonStyle.secondary,
                                           custom_id=f"faqadmin:new:{row}"))
        self.row_id = row

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> NewEntryButton:
        return cls(int(match["row"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        await report_errors(interaction, _by_cog(interaction, lambda cog: cog.add_from_inbox(
            interaction, self.row_id)), "inbox new entry")


DYNAMIC_ITEMS = (RemoveButton, KeepButton, InboxButton, AliasSelect, AliasAnywayButton, NewEntryButton)


async def _by_cog(interaction: discord.Interaction, work: Callable[[ModerationHandlers], Awaitable[None]]) -> None:
    """Hand a click to the loaded moderation cog, looked up through the client (a button outlives a
    reload of the cog); inside report_errors, so a missing cog is one clear line too."""
    client = interaction.client
    cog = client.get_cog(COG_NAME) if isinstance(client, commands.Bot) else None
    if cog is None:  # pragma: no cover - loaded in setup_hook
        raise RuntimeError("the moderation cog is not loaded")
    await work(cast(ModerationHandlers, cog))
