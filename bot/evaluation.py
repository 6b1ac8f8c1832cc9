"""Batch-testing a FAQ against a question file: the check moderators run in their own CI.

The question-file format and the judging rules are those of the shared evaluation's judge.py
(documented in the README, "Testing a FAQ with a question file"); `faqbot eval` prints the same
lines, so results agree with it on the same file.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

ASSERTING = ("answer", "not_in_article")  # outcomes that state something


EXPECT_KEYS = frozenset({"answer", "all_of", "caveat", "must_not"})
CAVEATS = ("any", "required", "forbidden")


def case_problems(cases: Sequence[Any]) -> list[str]:
    """What is wrong with a question file's cases, one line each: a key judge.py does not read
    (`any_of` for `all_of`) would otherwise pass a case as if it were not there."""
    problems: list[str] = []
    for number, case in enumerate(cases, 1):
        if not isinstance(case, dict):
            problems.append(f"case #{number}: not a mapping")
            continue
        label = f"case {case['id']!r}" if isinstance(case.get("id"), (str, int)) else f"case #{number}"
        missing = [key for key in ("id", "q", "kind", "expect") if key not in case]
        if missing:
            problems.append(f"{label}: missing {', '.join(missing)}")
        for key in ("q", "kind"):
            if key in case and not isinstance(case[key], str):
                problems.append(f"{label}: {key} must be text")
        expect = case.get("expect")
        if not isinstance(expect, dict):
            if "expect" in case:
                problems.append(f"{label}: expect is not a mapping")
            continue
        unknown = sorted(set(expect) - EXPECT_KEYS)
        if unknown:
            problems.append(f"{label}: unknown expect key {', '.join(map(repr, unknown))} "
                            f"(judge.py reads {', '.join(sorted(EXPECT_KEYS))})")
        if "answer" in expect and not isinstance(expect["answer"], bool):
            problems.append(f"{label}: answer must be true or false, not {expect['answer']!r}")
        if expect.get("caveat") not in (*CAVEATS, None):
            problems.append(f"{label}: caveat {expect['caveat']!r} is none of {', '.join(CAVEATS)}")
        for key in ("all_of", "must_not"):
            groups = [] if expect.get(key) is None else expect[key]
            if not isinstance(groups, list) or not all(
                    isinstance(g, list) and g and all(isinstance(t, str) for t in g) for g in groups):
                problems.append(f"{label}: {key} must be a list of lists of words ([[\"1,140\", \"1140\"]])")
    return problems


def judge_case(case: dict[str, Any], reply: dict[str, Any]) -> list[str]:
    """The reasons a reply fails its case; empty when it passes."""
    expect = case["expect"]
    why: list[str] = []
    outcome = reply.get("outcome")
    text = (reply.get("text") or "").lower()
    answers = reply.get("answers") or []
    if expect.get("answer"):
        if outcome not in ASSERTING:
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


@dataclass(frozen=True, slots=True)
class Failure:
    case: dict[str, Any]
    reply: dict[str, Any]
    why: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """How a question file fared: pass rates by kind, failures, and the wrong assertions among them."""

    total: int
    by_kind: dict[str, list[bool]]
    failures: tuple[Failure, ...]
    # all cases expecting an answer, and all expecting none: kept apart from the kinds, which are the
    # file's own labels (a kind may itself be called "unanswerable")
    by_expectation: dict[str, list[bool]] = field(default_factory=dict)

    @property
    def passed(self) -> int:
        return self.total - len(self.failures)

    @property
    def pass_rate(self) -> float:
        return 100 * self.passed / self.total if self.total else 0.0

    @property
    def wrong(self) -> list[str]:
        """Ids of failed cases whose reply stated something: they misinform, not just cost a click."""
        return [f.case["id"] for f in self.failures if f.reply.get("outcome") in ASSERTING]

    @property
    def wrong_rate(self) -> float:
        return 100 * len(self.wrong) / self.total if self.total else 0.0

    def lines(self, show: int, minimum: float, max_wrong: float, seconds: float) -> list[str]:
        """The report, line for line as judge.py prints it."""
        out: list[str] = []
        for failure in self.failures[:show]:
            case, reply = failure.case, failure.reply
            out.append(f"FAIL {case['id']} [{case['kind']}] {case['q'][:90]!r}")
            out.append(f"     outcome={reply.get('outcome')} text={(reply.get('text') or '')[:160]!r}")
            out.append(f"     why: {'; '.join(failure.why)}")
        out.append("")
        rows = [*((kind, oks, "") for kind, oks in sorted(self.by_kind.items())),
                *((expected, oks, "  (all cases)") for expected, oks in sorted(self.by_expectation.items()))]
        for label, oks, scope in rows:
            out.append(f"{label:14s} {sum(oks):3d}/{len(oks):3d}  {100 * sum(oks) / len(oks):5.1f}%{scope}")
        wrong = self.wrong
        out.append(f"wall {seconds:.2f}s for {self.total} questions")
        out.append(f"wrong assertions {len(wrong)}/{self.total} = {self.wrong_rate:.1f}% (max {max_wrong:.0f}%)"
                   + (f": {' '.join(wrong)}" if wrong else ""))
        out.append(f"passed {self.passed}/{self.total} = {self.pass_rate:.1f}% (min {minimum:.0f}%)")
        return out


def evaluate(cases: Sequence[dict[str, Any]], reply_to: Callable[[str], dict[str, Any]]) -> Evaluation:
    """Judge each case against the reply to its question (as one line, as `ask --json -` reads it)."""
    by_kind: dict[str, list[bool]] = collections.defaultdict(list)
    by_expectation: dict[str, list[bool]] = collections.defaultdict(list)
    failures: list[Failure] = []
    for case in cases:
        reply = reply_to(case["q"].replace("\n", " "))
        why = judge_case(case, reply)
        by_kind[case["kind"]].append(not why)
        by_expectation["answerable" if case["expect"].get("answer") else "unanswerable"].append(not why)
        if why:
            failures.append(Failure(case, reply, tuple(why)))
    return Evaluation(len(cases), dict(by_kind), tuple(failures), dict(by_expectation))
