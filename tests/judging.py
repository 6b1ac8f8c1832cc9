"""The question-set judge (same rules as the shared eval's judge.py), for the quality tests."""

from __future__ import annotations

from typing import Any


def judge_case(case: dict[str, Any], reply: dict[str, Any]) -> list[str]:
    """The reasons a reply fails its case; empty when it passes."""
    expect = case["expect"]
    why: list[str] = []
    outcome = reply.get("outcome")
    text = (reply.get("text") or "").lower()
    answers = reply.get("answers") or []
    if expect.get("answer"):
        if outcome not in ("answer", "not_in_article"):
            why.append(f"outcome {outcome!r}, expected an answer")
        for group in expect.get("all_of") or []:
            if not any(term.lower() in text for term in group):
                why.append(f"missing one of {group}")
    elif outcome == "answer":
        why.append("answered, expected decline/not_in_article")
    for group in expect.get("must_not") or []:
        hit = [t for t in group if t.lower() in text]
        if hit:
            why.append(f"contains forbidden {hit}")
    caveat = expect.get("caveat", "any")
    has_caveat = any((a or {}).get("caveat") for a in answers)
    if expect.get("answer") and caveat == "required" and not has_caveat:
        why.append("no caveat on a reported claim")
    if caveat == "forbidden" and has_caveat:
        why.append("caveat on an on-the-record fact")
    return why
