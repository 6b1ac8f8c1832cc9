"""Why the bot answered what it did, as text: `faqbot ask --explain` and /faqadmin test."""

from __future__ import annotations

from bot.matching.answerer import Explanation


def explain_lines(explanation: Explanation) -> list[str]:
    question, query, reply = explanation.question, explanation.query, explanation.reply
    lines = [f"question: {question.text}", f"analysis: {question.describe()}"]
    for n, part in enumerate(explanation.parts, start=1):
        # each question of a message is answered on its own: its own best entries say why
        best = "; ".join(f"{c.candidate.entry.id} {c.candidate.score:.3f}" for c in part.candidates) or "none"
        lines.append(f"  part {n}: {part.question.text}")
        lines.append(f"     best: {best}; "
                     + (f"answered by {part.answered_by}" if part.answered_by else "not answered on its own"))
    # a word a synonym reads as another shows it: "supposed->expect"
    words = [f"{word}{'->' + read if (read := explanation.read_as.get(word)) else ''}={weight:.2f}"
             for word, weight in zip(query.words, query.weights)]
    lines.append("words (weight): " + (" ".join(words) or "none"))
    lines.append("best entries:")
    for n, item in enumerate(explanation.candidates, start=1):
        c = item.candidate
        lines.append(f"  {n}. {c.entry.id} ({c.entry.status.value}) score {c.score:.3f} "
                     f"= coverage {c.coverage:.3f}, phrasing fit {c.fit:.3f}")
        lines.append(f"     closest phrasing: {item.phrasing}")
        lines.append(f"     shared words: {', '.join(item.shared) or 'none'}")
    if not explanation.candidates:
        lines.append("  none")
    lines.append(f"outcome: {reply.outcome.value}; rule: {reply.rule or '-'}")
    if reply.answers:
        lines.append("answered with: " + ", ".join(a.entry_id for a in reply.answers))
    if reply.suggestions:
        lines.append("suggested: " + ", ".join(s.entry_id for s in reply.suggestions))
    return lines
