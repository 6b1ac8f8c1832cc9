"""The /faqadmin commands: moderators add, edit, alias, remove, revert and review the FAQ from Discord."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import wording
from bot.discordbot.moderation.access import actor_of, is_moderator, refusal
from bot.discordbot.moderation.limits import HISTORY_LINES, INBOX_BUTTONS
from bot.discordbot.moderation.modlog import ModLog
from bot.discordbot.moderation.text import lines_within
from bot.discordbot.moderation.views import (
    COG_NAME,
    DYNAMIC_ITEMS,
    AliasAnywayButton,
    AliasSelect,
    EntryModal,
    InboxButton,
    KeepButton,
    NewEntryButton,
    RemoveButton,
    RetryView,
    fits_a_modal,
)
from bot.discordbot.moderation.watcher import check_disk
from bot.discordbot.sending import NO_MENTIONS, respond
from bot.discordbot.services import Services
from bot.discordbot.views import choice, reply_message
from bot.editing.editor import Conflict, EditError, Invalid, NoChange, NotFound, Unwritable
from bot.editing.forms import EntryForm
from bot.editing.reports import history_lines, problem_lines
from bot.editing.service import Actor, EditingService, NoSuchChange, Saved
from bot.editing.yamltext import NO_ENTRY
from bot.knowledge import limits
from bot.matching.lint import rival_for
from bot.records.database import RecordsUnavailable
from bot.rendering.discord_limits import (
    CHOICES_MAX,
    CONTENT_MAX,
    SELECT_OPTION_MAX,
    clamp,
    clamp_content,
    code_block,
)
from bot.rendering.explain import explain_lines
from bot.rendering.moderation import history_embed, inbox_embed, yaml_embed

log = logging.getLogger("faqbot.moderation")


class ModerationCommands(commands.Cog, name=COG_NAME):
    """The /faqadmin group and the moderators' buttons and forms; every change goes through the
    editing service and is posted to the mod-log."""

    def __init__(self, bot: commands.Bot, services: Services, editing: EditingService, modlog: ModLog) -> None:
        self.bot = bot
        self.services = services
        self.editing = editing
        self.modlog = modlog

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Every /faqadmin command: only a moderator of a moderating guild (the refusal says why).
        Buttons and forms check in their own interaction_check (moderation/views.py); autocomplete,
        which discord.py checks nowhere, calls is_moderator itself."""
        why = refusal(interaction, self.services.config.discord)
        if why is not None:
            log.info("refused a moderator command (guild %s)", interaction.guild_id)
            raise app_commands.CheckFailure(why)
        return True

    admin = app_commands.Group(
        name="faqadmin", description="Keep the FAQ current (moderators)", guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)

    # -- answering the moderator -------------------------------------------------------------------

    async def report_saved(self, interaction: discord.Interaction, saved: Saved, actor: Actor) -> None:
        """Tell the moderator what changed, with the entry rendered as people will now see it."""
        change = saved.change
        embeds: list[discord.Embed] = []
        if change.after is None and change.action == "remove":
            content = wording.mod_removed(change.entry_id, saved.number)
        elif change.after is None:
            content = wording.mod_reverted_away(change.entry_id, saved.number)
        else:
            content = wording.mod_saved(change.action, change.entry_id, saved.number)
            reply = self.services.answering.show(change.entry_id)
            if reply is not None:
                embeds, _ = reply_message(reply)
        await respond(interaction, content, embeds=embeds, ephemeral=True)
        await self.modlog.change(saved, actor)

    async def report_refused(self, interaction: discord.Interaction, error: EditError,
                             retry: dict[str, Any] | None = None) -> None:
        """One clear reason; for a modal, the moderator's own text too (`attempt_text`), so nothing typed is lost."""
        embeds: list[discord.Embed] = []
        view: discord.ui.View | None = None
        if isinstance(error, Conflict):
            if error.current is None:
                content = wording.mod_conflict_gone(error.entry_id)
            elif retry is not None and retry.get("mode") == "add":
                content = wording.mod_exists(error.entry_id)
                embeds.append(yaml_embed(wording.EMBED_EXISTING, error.current.text))
            else:
                last = await asyncio.to_thread(self.editing.last_change, error.entry_id)
                newer = last is not None and last.version_after == error.current.version
                content = wording.mod_conflict(error.entry_id, last.actor if last and newer else None,
                                               wording.mod_when(last.at) if last and newer else None)
                embeds.append(yaml_embed(wording.EMBED_NEWER, error.current.text))
        elif isinstance(error, Invalid):
            content = lines_within(wording.mod_invalid(_entry_of(error, retry)), problem_lines(error.problems))
            view = RetryView(retry) if retry is not None else None
        elif isinstance(error, NoSuchChange):
            content = wording.mod_no_such_change(error.entry_id, error.number)
        elif isinstance(error, NotFound):
            content = wording.mod_unknown_entry(error.entry_id)
        elif isinstance(error, NoChange):
            content = wording.mod_no_change(error.entry_id)
        elif isinstance(error, Unwritable):
            content = wording.mod_unwritable(str(error))
        else:  # pragma: no cover - every EditError is one of the above
            content = wording.mod_unwritable(str(error))
        if error.attempt_text is not None:
            embeds.append(yaml_embed(wording.mod_your_text(), error.attempt_text))
        log.info("refused a change: %s", error)
        await respond(interaction, content, embeds=embeds, view=view, ephemeral=True)

    async def _run(self, interaction: discord.Interaction, func: Callable[..., Saved], *args: Any,
                   retry: dict[str, Any] | None = None) -> None:
        """Run one service call off the event loop and answer with its outcome."""
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)
        actor = actor_of(interaction)
        try:
            saved: Saved = await asyncio.to_thread(func, *args, actor)
        except EditError as error:
            await self.report_refused(interaction, error, retry)
            return
        await self.report_saved(interaction, saved, actor)

    # -- the modal's submission ------------------------------------------------------------------

    async def submit_entry(self, interaction: discord.Interaction, modal: EntryModal) -> None:
        """Save a submitted add/edit form; an edit carries the version it was opened from."""
        form = modal.form()
        retry = {"on_save": self.submit_entry, "mode": modal.mode, "form": form, "entry_id": modal.entry_id,
                 "base_version": modal.base_version, "story_id": modal.story_id}
        if modal.mode == "add":
            await self._run(interaction, self.editing.add, form, modal.entry_id, modal.story_id, retry=retry)
        else:
            await self._run(interaction, self.editing.edit, modal.entry_id, form, modal.base_version, retry=retry)

    # -- buttons ---------------------------------------------------------------------------------

    async def confirm_remove(self, interaction: discord.Interaction, entry_id: str, version: str) -> None:
        """Remove the entry as it was when the prompt was shown (a conflict if it changed since)."""
        await interaction.response.defer()
        actor = actor_of(interaction)
        try:
            saved = await asyncio.to_thread(self.editing.remove, entry_id, version, actor)
        except EditError as error:
            await interaction.edit_original_response(view=None)
            await self.report_refused(interaction, error)
            return
        await interaction.edit_original_response(content=wording.mod_removed(entry_id, saved.number), embeds=[],
                                                 view=None, allowed_mentions=NO_MENTIONS)
        await self.modlog.change(saved, actor)

    async def open_from_inbox(self, interaction: discord.Interaction, kind: str, ref: str) -> None:
        """Add: the add form with the question people asked; Edit: the entry marked not helpful."""
        if kind == "f":
            await self.open_edit(interaction, ref)
            return
        row = await asyncio.to_thread(self.services.records.unanswered_row, int(ref)) if ref.isdigit() else None
        if row is None:
            await respond(interaction, wording.mod_question_gone(), ephemeral=True)
            return
        # the entries the question most likely belongs to, for the one-step "add as a phrasing"
        likely = self.services.answering.answerer.candidates(row.question, limit=CHOICES_MAX)
        view = discord.ui.View(timeout=None)
        if likely:
            options = [discord.SelectOption(label=clamp(c.entry.question, SELECT_OPTION_MAX), value=c.entry.id,
                                            description=clamp(c.entry.id, SELECT_OPTION_MAX)) for c in likely]
            view.add_item(AliasSelect(row.id, options))
        view.add_item(NewEntryButton(row.id))
        await respond(interaction, clamp_content(wording.mod_add_where(row.question)), view=view, ephemeral=True)

    async def add_from_inbox(self, interaction: discord.Interaction, row_id: int) -> None:
        row = await asyncio.to_thread(self.services.records.unanswered_row, row_id)
        if row is None:
            await respond(interaction, wording.mod_question_gone(), ephemeral=True)
            return
        form = EntryForm(question=row.question[:limits.MAX_QUESTION])
        await interaction.response.send_modal(EntryModal(self.submit_entry, "add", form))

    async def alias_from_inbox(self, interaction: discord.Interaction, row_id: int, entry_id: str,
                               check: bool) -> None:
        """The inbox question as one more phrasing of `entry_id`; first, unless `check` is off, a
        warning if it would read the same as another entry's phrasing."""
        row = await asyncio.to_thread(self.services.records.unanswered_row, row_id)
        if row is None or not entry_id:
            await respond(interaction, wording.mod_question_gone(), ephemeral=True)
            return
        phrase = row.question[:limits.MAX_ALTERNATE]
        rival = rival_for(self.services.answering.answerer, entry_id, phrase) if check else None
        if rival is not None:
            view = discord.ui.View(timeout=None)
            view.add_item(AliasAnywayButton(row_id, entry_id))
            await respond(interaction, clamp_content(wording.mod_alias_collides(phrase, entry_id, rival)), view=view,
                          ephemeral=True)
            return
        await self._run(interaction, self.editing.alias, entry_id, phrase)

    async def open_edit(self, interaction: discord.Interaction, entry_id: str) -> None:
        """The edit form, filled in from the entry as it is on disk (the version a save is checked against)."""
        try:
            state, form = await asyncio.to_thread(self.editing.form, entry_id)
        except EditError as error:
            await self.report_refused(interaction, error)
            return
        if not fits_a_modal(form):
            await respond(interaction, wording.mod_too_long_to_edit(entry_id), ephemeral=True)
            return
        await interaction.response.send_modal(EntryModal(self.submit_entry, "edit", form, entry_id, state.version))

    # -- autocomplete ------------------------------------------------------------------------------

    async def entry_choices(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        """Entries whose id or question is closest to what is typed; nothing for non-moderators."""
        if not is_moderator(interaction, self.services.config.discord):
            return []
        entries = self.services.answering.answerer.entries_like(current, CHOICES_MAX)
        return [choice(f"{e.id}: {e.question}", e.id) for e in entries]

    # -- the commands ------------------------------------------------------------------------------

    @admin.command(name="add", description="Add an entry (a form opens)")
    @app_commands.describe(id="An id like bridge-closure (default: made from the question)",
                           story="Which story it belongs to (default: the first)")
    async def add(self, interaction: discord.Interaction, id: app_commands.Range[str, 1, limits.MAX_ID] | None = None,
                  story: str | None = None) -> None:
        await interaction.response.send_modal(EntryModal(self.submit_entry, "add", EntryForm(), id, NO_ENTRY, story))

    @add.autocomplete("story")
    async def story_choices(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        if not is_moderator(interaction, self.services.config.discord):
            return []
        stories = self.services.answering.answerer.knowledge.stories
        return [choice(s.title, s.id) for s in stories if current.casefold() in f"{s.id} {s.title}".casefold()][
            :CHOICES_MAX]

    @admin.command(name="edit", description="Edit an entry (a form opens, filled in)")
    @app_commands.describe(entry="The entry (start typing its question)")
    async def edit(self, interaction: discord.Interaction, entry: str) -> None:
        await self.open_edit(interaction, entry)

    @admin.command(name="alias", description="Add another way people ask an entry's question")
    @app_commands.describe(entry="The entry (start typing its question)", phrase="How people ask it")
    async def alias(self, interaction: discord.Interaction, entry: str,
                    phrase: app_commands.Range[str, 1, limits.MAX_ALTERNATE]) -> None:
        await self._run(interaction, self.editing.alias, entry, phrase)

    @admin.command(name="remove", description="Remove an entry (asks to confirm)")
    @app_commands.describe(entry="The entry (start typing its question)")
    async def remove(self, interaction: discord.Interaction, entry: str) -> None:
        try:
            state = await asyncio.to_thread(self.editing.entry, entry)
        except EditError as error:
            await self.report_refused(interaction, error)
            return
        reply = self.services.answering.show(entry)
        embeds = reply_message(reply)[0] if reply is not None else []
        view = discord.ui.View(timeout=None)
        view.add_item(RemoveButton(entry, state.version))
        view.add_item(KeepButton(entry))
        await respond(interaction, wording.mod_confirm_remove(entry), embeds=embeds, view=view, ephemeral=True)

    @admin.command(name="status", description="Change how solid an entry's claim is (e.g. reported -> confirmed)")
    @app_commands.describe(entry="The entry (start typing its question)", status="The new status",
                           caveat="Your own caveat (default: the new status's standard caveat)")
    @app_commands.choices(status=[app_commands.Choice(name=label, value=value)
                                  for value, label in wording.STATUS_CHOICES.items()])
    async def status(self, interaction: discord.Interaction, entry: str, status: str,
                     caveat: app_commands.Range[str, 1, limits.MAX_CAVEAT] | None = None) -> None:
        await self._run(interaction, self.editing.set_status, entry, status, caveat)

    @admin.command(name="reload", description="Re-read the knowledge folder after edits on disk")
    async def reload(self, interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        check = await check_disk(self.editing, self.modlog, force=True)
        if check is None:  # pragma: no cover - a forced check always reports
            return
        if check.reload.ok:
            content = wording.mod_reloaded(check.reload.entries, len(check.recorded))
        else:
            content = lines_within(wording.mod_reload_rejected(check.reload.entries),
                                    problem_lines(check.reload.problems))
        await respond(interaction, content, ephemeral=True)

    @admin.command(name="history", description="Recent changes to the FAQ, or to one entry")
    @app_commands.describe(entry="Only this entry's changes")
    async def history(self, interaction: discord.Interaction, entry: str | None = None) -> None:
        rows = await asyncio.to_thread(self.editing.history, entry, HISTORY_LINES)
        if not rows:
            await respond(interaction, wording.mod_history_empty(entry), ephemeral=True)
            return
        embed = history_embed(rows, entry)
        await respond(interaction, embeds=[embed], ephemeral=True)

    @admin.command(name="revert", description="Put an entry back as it was before one of its changes")
    @app_commands.describe(entry="The entry (start typing its question)",
                           change="The change number from /faqadmin history")
    async def revert(self, interaction: discord.Interaction, entry: str, change: int) -> None:
        await self._run(interaction, self.editing.revert, entry, change)

    @revert.autocomplete("change")
    async def change_choices(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
        if not is_moderator(interaction, self.services.config.discord):
            return []
        entry = getattr(interaction.namespace, "entry", None)
        try:
            rows = await asyncio.to_thread(self.editing.history, entry if isinstance(entry, str) else None,
                                           CHOICES_MAX)
        except RecordsUnavailable:
            return []
        return [choice(line, row.id) for row, line in zip(rows, history_lines(rows))
                if not str(current).strip() or str(current).strip() in str(row.id)]

    @admin.command(name="test", description="Why the bot answers a question as it does (only you see this)")
    @app_commands.describe(question="A question as people would ask it")
    async def test(self, interaction: discord.Interaction,
                   question: app_commands.Range[str, 1, limits.MAX_QUESTION * 2]) -> None:
        explanation = self.services.answering.answerer.explain(question)
        await respond(interaction, code_block("\n".join(explain_lines(explanation)), "", CONTENT_MAX), ephemeral=True)

    @admin.command(name="inbox", description="What people asked that the FAQ could not answer, most asked first")
    async def inbox(self, interaction: discord.Interaction) -> None:
        groups = await asyncio.to_thread(self.editing.inbox)
        if not groups:
            await respond(interaction, wording.mod_inbox_empty(), ephemeral=True)
            return
        shown = groups[:INBOX_BUTTONS]
        embed = inbox_embed(shown, len(groups))
        view = discord.ui.View(timeout=None)
        for n, group in enumerate(shown, start=1):
            kind, ref = ("f", group.entry_id or "") if group.kind == "feedback" else ("q", str(group.ref))
            view.add_item(InboxButton(n, kind, ref))
        await respond(interaction, embeds=[embed], view=view, ephemeral=True)

    # every entry option offers the entries as you type
    edit.autocomplete("entry")(entry_choices)
    alias.autocomplete("entry")(entry_choices)
    remove.autocomplete("entry")(entry_choices)
    status.autocomplete("entry")(entry_choices)
    history.autocomplete("entry")(entry_choices)
    revert.autocomplete("entry")(entry_choices)


def _entry_of(error: Invalid, retry: dict[str, Any] | None) -> str:
    if retry is not None and retry.get("entry_id"):
        return str(retry["entry_id"])
    return next((p.entry_id for p in error.problems if p.entry_id), wording.NEW_ENTRY)
