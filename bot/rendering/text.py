"""Plain-text replies: the console chat, `faqbot ask`, and the `text` field of JSON replies."""

from __future__ import annotations

from bot.reply import Answer, Outcome, Reply
from bot.summaries import Summary

_OPENING, _CLOSING = "\"\u201c", "\"\u201d"


def quoted(quote: str) -> str:
    """A source quote in quotation marks, once: a quote that is itself a whole quotation in the
    article ("\u201cno sane leader\u201d") is not wrapped twice."""
    inner = quote[1:-1]
    if len(quote) > 1 and quote[0] in _OPENING and quote[-1] in _CLOSING and not any(
            mark in inner for mark in _OPENING + _CLOSING):
        quote = inner
    return f"\u201c{quote}\u201d"


def render_answer(answer: Answer, numbered: int | None = None) -> list[str]:
    lines: list[str] = []
    if numbered is not None:
        lines.append(f"{numbered}) {answer.question}")
    lines.append(answer.text)
    if answer.caveat:
        lines.append(f"Caveat: {answer.caveat}")
    for source, title in zip(answer.sources, answer.source_titles):
        lines.append(f"Source: \u201c{title}\u201d, citing {source.cited}: {quoted(source.quote)}")
    if answer.related:
        lines.append("Related: " + " | ".join(r.question for r in answer.related))
    return lines


def render_summaries(results: list[Summary], titled: bool = True) -> str:
    """Summaries as the console and `faqbot summary` print them, each with its caveat."""
    # a summary's paragraphs (one line each in a folded YAML block) are set apart as written
    return "\n\n".join((f"{r.title}\n\n" if titled else "") + "\n\n".join(r.text.splitlines())
                       + f"\n\nCaveat: {r.caveat}" for r in results)


def render_text(reply: Reply) -> str:
    """The whole reply as a person reads it, caveats and sources included."""
    lines: list[str] = list(reply.notes)
    if reply.outcome in (Outcome.ANSWER, Outcome.NOT_IN_ARTICLE) and reply.answers:
        if reply.message:  # "the article does not say that; the nearest thing it does say:"
            lines.append(reply.message)
        several = len(reply.answers) > 1
        for n, answer in enumerate(reply.answers, start=1):
            if several and n > 1:
                lines.append("")
            lines.extend(render_answer(answer, n if several else None))
    elif reply.outcome is Outcome.SUGGESTIONS:
        lines.append(reply.message)
        lines.extend(f"  {n}. {s.question}" for n, s in enumerate(reply.suggestions, start=1))
    else:
        lines.append(reply.message)
    return "\n".join(lines)
