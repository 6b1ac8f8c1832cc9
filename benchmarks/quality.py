"""Answer quality: the bot against two plain baselines over the same knowledge, judged alike.

Systems, each turned into the reply dict `faqbot ask --json` prints (bot.rendering.json.reply_dict)
and scored by tests/judging.py:

- bot: Answerer.ask, in process.
- wratio: rapidfuzz WRatio of the question against every entry's question and alternates (only
  rapidfuzz's default_process: lowercase, punctuation to spaces; no stemming, synonyms, stop
  words or keywords). The best phrasing's entry is answered at or above a threshold, else declined.
- bm25: rank_bm25 BM25Okapi over each entry's question + alternates + keywords + answer,
  lowercased, split on \\w+ and Snowball-stemmed; the same answer-or-decline rule.

A baseline answer is the entry rendered exactly as the bot renders one (outcome "answer", or
"not_in_article" for entries of that status, with the entry's text, caveat and sources), and a
decline is the bot's own out-of-scope message, so only the choice of entry differs.

Thresholds are calibrated per baseline on dev + holdout together, i.e. on the very questions
scored: the best any fixed threshold can do, which favours the baselines. The dev-only
calibration and its holdout score are printed too. Every other question set (further files in
tests/data, blind sets in benchmarks/data) is scored at the same thresholds, never calibrated on.

Run: .venv/bin/python benchmarks/quality.py [--no-failures]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from _common import BENCH_DATA, DATA, KNOWLEDGE, QUESTION_SETS, ROOT, as_asked, load_cases, table

from bot import wording
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase, Status
from bot.matching.answerer import Answerer
from bot.rendering.json import reply_dict
from bot.reply import Outcome, Reply
from tests.judging import judge_case

SYSTEMS = ("bot", "wratio", "bm25")
CAVEAT_REASONS = ("no caveat on a reported claim", "caveat on an on-the-record fact")


@dataclass
class Case:
    set: str
    data: dict[str, Any]
    why: dict[str, list[str]] = field(default_factory=dict)  # system -> reasons it fails
    reply: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.data["kind"]

    @property
    def answerable(self) -> bool:
        return bool(self.data["expect"].get("answer"))


# -- baselines -------------------------------------------------------------------------------


class WRatioBaseline:
    name = "wratio"

    def __init__(self, knowledge: KnowledgeBase) -> None:
        from rapidfuzz import fuzz, process, utils

        self._extract = process.extractOne
        self._scorer, self._processor = fuzz.WRatio, utils.default_process
        self.choices: list[str] = []
        self.owner: list[int] = []
        for i, entry in enumerate(knowledge.entries):
            for phrasing in entry.phrasings:
                self.choices.append(phrasing)
                self.owner.append(i)

    def best(self, question: str) -> tuple[int, float] | None:
        found = self._extract(question, self.choices, scorer=self._scorer, processor=self._processor)
        if found is None:
            return None
        _, score, position = found
        return self.owner[position], float(score)


class BM25Baseline:
    name = "bm25"

    def __init__(self, knowledge: KnowledgeBase) -> None:
        import snowballstemmer
        from rank_bm25 import BM25Okapi

        self._stem = snowballstemmer.stemmer("english").stemWords
        corpus = [
            self.tokens(" ".join((*e.phrasings, *e.keywords, e.answer))) for e in knowledge.entries
        ]
        self.bm25 = BM25Okapi(corpus)

    def tokens(self, text: str) -> list[str]:
        return self._stem(re.findall(r"\w+", text.casefold()))

    def best(self, question: str) -> tuple[int, float] | None:
        query = self.tokens(question)
        if not query:
            return None
        scores = self.bm25.get_scores(query)
        i = int(scores.argmax())
        return i, float(scores[i])


def baseline_replies(answerer: Answerer, question: str, best: tuple[int, float] | None) -> tuple[dict, dict]:
    """The reply a baseline gives if it answers its best entry, and the one if it declines."""
    decline = reply_dict(Reply(question, Outcome.DECLINE, message=wording.decline_out_of_scope(answerer.scope)))
    if best is None:
        return decline, decline
    entry = answerer.knowledge.entries[best[0]]
    outcome = Outcome.NOT_IN_ARTICLE if entry.status is Status.NOT_IN_ARTICLE else Outcome.ANSWER
    answered = reply_dict(Reply(question, outcome, answers=(answerer.answer_for(entry, best[1]),)))
    return answered, decline


@dataclass
class Calibrated:
    threshold: float
    passed: int
    total: int


def calibrate(rows: list[tuple[float, bool, bool]]) -> Calibrated:
    """The threshold (answer at score >= t) that passes most rows (score, ok_if_answered, ok_if_declined).

    Candidates are every observed score plus "answer nothing"; among equally good ones the
    median is taken, so the threshold sits inside the best plateau rather than on its edge.
    """
    candidates = sorted({s for s, _, _ in rows} | {float("inf")})
    scored = [(sum(ok_a if s >= t else ok_d for s, ok_a, ok_d in rows), t) for t in candidates]
    best = max(p for p, _ in scored)
    ties = [t for p, t in scored if p == best]
    return Calibrated(ties[(len(ties) - 1) // 2], best, len(rows))


def apply_baseline(
    name: str, best_of: Callable[[str], tuple[int, float] | None], answerer: Answerer, cases: list[Case],
) -> tuple[Calibrated, Calibrated, int]:
    """Judge every case for one baseline; returns (calibration on dev + holdout, on dev only, holdout passes
    with dev's). Cases of other sets are judged at the dev + holdout threshold."""
    prepared = []
    for case in cases:
        question = as_asked(case.data["q"])
        best = best_of(question)
        answered, declined = baseline_replies(answerer, question, best)
        score = best[1] if best is not None else float("-inf")
        why_answered, why_declined = judge_case(case.data, answered), judge_case(case.data, declined)
        prepared.append((case, score, answered, declined, why_answered, why_declined))
    rows = [(score, not why_a, not why_d) for _, score, _, _, why_a, why_d in prepared]
    overall = calibrate([r for r, p in zip(rows, prepared, strict=True) if p[0].set in ("dev", "holdout")])
    dev_rows = [r for r, p in zip(rows, prepared, strict=True) if p[0].set == "dev"]
    dev_only = calibrate(dev_rows)
    holdout_with_dev = sum(
        (ok_a if s >= dev_only.threshold else ok_d)
        for (s, ok_a, ok_d), p in zip(rows, prepared, strict=True) if p[0].set == "holdout"
    )
    for case, score, answered, declined, why_a, why_d in prepared:
        use_answer = score >= overall.threshold
        case.reply[name] = answered if use_answer else declined
        case.why[name] = why_a if use_answer else why_d
    return overall, dev_only, holdout_with_dev


# -- report ----------------------------------------------------------------------------------


def _cell(cases: list[Case], system: str) -> tuple[int, int]:
    return sum(not c.why[system] for c in cases), len(cases)


def _fmt(passed: int, total: int) -> str:
    return f"{passed}/{total} {100 * passed / total:5.1f}%" if total else "-"


def _verdict(cases: list[Case]) -> str:
    bot = _cell(cases, "bot")[0]
    others = max(_cell(cases, s)[0] for s in SYSTEMS[1:])
    if not cases:
        return "-"
    diff = 100 * (bot - others) / len(cases)
    word = "beats" if bot > others else ("ties" if bot == others else "BEHIND")
    return f"{word} ({diff:+.1f} pts)"


def report(title: str, cases: list[Case]) -> str:
    groups: list[tuple[str, list[Case]]] = [
        ("overall", cases),
        ("answerable", [c for c in cases if c.answerable]),
        ("unanswerable", [c for c in cases if not c.answerable]),
    ]
    kinds = list(dict.fromkeys(c.kind for c in cases))
    groups += [(f"kind: {k}", [c for c in cases if c.kind == k]) for k in sorted(kinds)]
    rows = [[label, *(_fmt(*_cell(group, s)) for s in SYSTEMS), _verdict(group)] for label, group in groups]
    caveat_fail = [
        sum(any(r in CAVEAT_REASONS for r in c.why[s]) for c in cases) for s in SYSTEMS
    ]
    caveat_cases = sum(c.data["expect"].get("caveat", "any") != "any" for c in cases)
    rows.append([f"caveat failures (of {caveat_cases} with a caveat rule)", *caveat_fail,
                 "beats" if caveat_fail[0] < min(caveat_fail[1:]) else
                 ("ties" if caveat_fail[0] == min(caveat_fail[1:]) else "BEHIND")])
    return f"### {title}\n\n" + table(["", *SYSTEMS, "bot vs best baseline"], rows)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def failures(title: str, cases: list[Case]) -> str:
    failing = [c for c in cases if c.why["bot"]]
    head = f"### Bot failures: {title} ({len(failing)})\n\n"
    if not failing:
        return head + "none"
    rows = []
    for c in failing:
        reply = c.reply["bot"]
        got = reply["outcome"]
        if reply["answers"]:
            got += " " + ",".join(a["id"] for a in reply["answers"])
        elif reply["suggestions"]:
            got += " " + ",".join(s["id"] for s in reply["suggestions"])
        question = c.data["q"].replace("\n", " ").replace("|", "/")
        why = "; ".join(c.why["bot"]).replace("|", "/")
        rows.append([c.data["id"], c.kind, _clip(question, 70), _clip(why, 110), got])
    return head + table(["id", "kind", "question", "why", "got"], rows, [False] * 5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-failures", action="store_true", help="do not list the bot's failing cases")
    args = parser.parse_args(argv)

    knowledge = load_knowledge(KNOWLEDGE)
    answerer = Answerer(knowledge)
    paths = [DATA / name for name in QUESTION_SETS]
    paths += sorted(p for p in DATA.glob("*.yaml") if p.name not in QUESTION_SETS)
    paths += sorted(BENCH_DATA.glob("*.yaml")) if BENCH_DATA.is_dir() else []
    cases = [Case(path.stem.split("-")[0], data) for path in paths for data in load_cases(path)]
    sets = list(dict.fromkeys(c.set for c in cases))
    for case in cases:
        reply = reply_dict(answerer.ask(as_asked(case.data["q"])))
        case.reply["bot"] = reply
        case.why["bot"] = judge_case(case.data, reply)

    calibration_lines = []
    for baseline in (WRatioBaseline(knowledge), BM25Baseline(knowledge)):
        overall, dev_only, holdout_dev = apply_baseline(baseline.name, baseline.best, answerer, cases)
        holdout_n = sum(c.set == "holdout" for c in cases)
        calibration_lines.append([
            baseline.name, f"{overall.threshold:.4g}", _fmt(overall.passed, overall.total),
            f"{dev_only.threshold:.4g}", _fmt(holdout_dev, holdout_n),
        ])

    print(f"## Quality\n\nKnowledge: {len(knowledge.entries)} entries, "
          f"{sum(len(e.phrasings) for e in knowledge.entries)} phrasings. "
          f"Question sets: {', '.join(str(p.relative_to(ROOT)) for p in paths)} ({len(cases)} cases: "
          f"{', '.join(f'{s} {sum(c.set == s for c in cases)}' for s in sets)}), judged by tests/judging.py.\n")
    print("### Baseline thresholds\n")
    print("Answer when the best score is at or above the threshold, else decline. Used below: the one "
          "calibrated on dev + holdout together, which favours the baselines there; for reference, the "
          "threshold calibrated on dev alone and what it scores on holdout. Every other set is scored "
          "at the dev + holdout threshold and never used to calibrate.\n")
    print(table(["baseline", "threshold (dev+holdout)", "pass at it (dev+holdout)", "threshold (dev only)",
                 "holdout at dev's"],
                calibration_lines))
    print()
    groups = [("dev + holdout", [c for c in cases if c.set in ("dev", "holdout")])]
    groups += [(s, [c for c in cases if c.set == s]) for s in sets]
    if len(sets) > 2:
        groups.append(("all sets", cases))
    for title, subset in groups:
        print(report(title, subset))
        print()
    if not args.no_failures:
        for s in sets:
            print(failures(s, [c for c in cases if c.set == s]))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
