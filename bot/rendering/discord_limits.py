"""Discord's length limits, in one place, and the helpers that keep text within them.

No library enforces these (Red's `chat_formatting` is the nearest), so they live here: the embed
renderer, sending, slash commands and moderation all cut text with these and nothing else.
Values from the Discord API documentation (messages, embeds, components, application commands).
"""

from __future__ import annotations

from bot import wording

CONTENT_MAX = 2000  # a message's content
TITLE_MAX = 256  # an embed's title
DESCRIPTION_MAX = 4096  # an embed's description
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
FIELDS_MAX = 25  # fields in one embed
EMBEDS_TOTAL_MAX = 6000  # characters across all embeds of one message
MODAL_TITLE_MAX = 45
TEXT_INPUT_MAX = 4000  # a modal's text input
CHOICES_MAX = 25  # autocomplete choices, select options
CHOICE_MAX = 100  # one choice's name or value
CUSTOM_ID_MAX = 100  # a component's custom_id
BUTTON_LABEL_MAX = 80  # a button's label
SELECT_OPTION_MAX = 100  # a select option's label, value or description
BUTTONS_PER_ROW = 5  # buttons in one action row
# An entry id inside a persistent component's custom_id (ids are at most 64 characters: knowledge/limits.py)
ENTRY_IN_CUSTOM_ID = r"(?P<entry>[a-z0-9][a-z0-9-]{0,63})"


def clamp(text: str, limit: int) -> str:
    """Cut to `limit` characters, marking the cut with an ellipsis."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def clamp_content(text: str | None) -> str | None:
    """A message's content within Discord's 2,000 characters (None stays None: no content)."""
    if text is None:
        return None
    return text if len(text) <= CONTENT_MAX else text[: CONTENT_MAX - 1] + "\u2026"


def code_block(text: str, lang: str, limit: int) -> str:
    """`text` fenced as a code block of at most `limit` characters, whole lines, marking a cut."""
    body = text.replace("```", "`\u200b``")
    fence_open, fence_close = f"```{lang}\n", "\n```"
    room = limit - len(fence_open) - len(fence_close)
    if len(body) <= room:
        return fence_open + body + fence_close
    lines = body.split("\n")
    kept: list[str] = []
    used = 0
    for n, line in enumerate(lines):
        note = wording.modlog_more_lines(len(lines) - n)
        if used + len(line) + 1 + len(note) + 1 > room:
            kept.append(note)
            break
        kept.append(line)
        used += len(line) + 1
    return fence_open + "\n".join(kept)[:room] + fence_close


def with_block(header: str, text: str, lang: str, limit: int = CONTENT_MAX) -> str:
    """A header line and a code block, together within `limit` characters."""
    header = clamp(header, limit // 2)
    return header + "\n" + code_block(text, lang, limit - len(header) - 1)
