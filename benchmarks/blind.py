"""Blind question sets: pass rate and wrong assertions on questions nobody tuned for.

Each set in benchmarks/data/blind was written from an article alone, by someone who never saw
the knowledge or the code; it is scored once before a round's changes and once after, and never
tuned on (benchmarks/data/blind/README.md). A wrong assertion is a failed reply that stated
something (outcome answer or not_in_article), as ../shared/eval/judge.py counts it. The
before/after history is in benchmarks/data/blind/HISTORY.md, printed after the current numbers.

Run: .venv/bin/python benchmarks/blind.py
"""

from __future__ import annotations

from pathlib import Path

from _common import BENCH_DATA, KNOWLEDGE, as_asked, load_cases, table

from bot.knowledge.loader import load_knowledge
from bot.matching.answerer import Answerer
from bot.rendering.json import reply_dict
from tests.judging import judge_case

BLIND = BENCH_DATA / "blind"
SETS: tuple[tuple[str, Path], ...] = (
    ("round2-peace-plan.yaml", KNOWLEDGE),
    ("round3-peace-plan.yaml", KNOWLEDGE),
    ("second-story-questions.yaml", BENCH_DATA / "second-story" / "knowledge"),
    ("round3-second-story.yaml", BENCH_DATA / "second-story" / "knowledge"),
    ("third-story-questions.yaml", BENCH_DATA / "third-story" / "knowledge"),
    ("round4-peace-plan.yaml", KNOWLEDGE),
    ("round4-second-story.yaml", BENCH_DATA / "second-story" / "knowledge"),
    ("round4-third-story.yaml", BENCH_DATA / "third-story" / "knowledge"),
    ("claims-peace-plan.yaml", KNOWLEDGE),
    ("round5-peace-plan.yaml", KNOWLEDGE),
    ("round5-second-story.yaml", BENCH_DATA / "second-story" / "knowledge"),
    ("round5-third-story.yaml", BENCH_DATA / "third-story" / "knowledge"),
    ("round5-fourth-story.yaml", BENCH_DATA / "fourth-story" / "knowledge"),
    ("round6-peace-plan.yaml", KNOWLEDGE),
    ("round6-fourth-story.yaml", BENCH_DATA / "fourth-story" / "knowledge"),
    ("round7-peace-plan.yaml", KNOWLEDGE),
    ("round7-fourth-story.yaml", BENCH_DATA / "fourth-story" / "knowledge"),
    ("round7-fifth-story.yaml", BENCH_DATA / "fifth-story" / "knowledge"),
    ("round7-sixth-story.yaml", BENCH_DATA / "sixth-story" / "knowledge"),
    ("round8-peace-plan.yaml", KNOWLEDGE),
    ("round8-fourth-story.yaml", BENCH_DATA / "fourth-story" / "knowledge"),
    ("round8-sixth-story.yaml", BENCH_DATA / "sixth-story" / "knowledge"),
    ("round8-seventh-story.yaml", BENCH_DATA / "seventh-story" / "knowledge"),
    ("round8-eighth-story.yaml", BENCH_DATA / "eighth-story" / "knowledge"),
    ("round9-peace-plan.yaml", KNOWLEDGE),
    ("round10-peace-plan.yaml", KNOWLEDGE),
    ("round10-eighth-story.yaml", BENCH_DATA / "eighth-story" / "knowledge"),
    ("round10-ninth-story.yaml", BENCH_DATA / "ninth-story" / "knowledge"),
    ("round11-peace-plan.yaml", KNOWLEDGE),
    ("round11-ninth-story.yaml", BENCH_DATA / "ninth-story" / "knowledge"),
    ("round11-tenth-story.yaml", BENCH_DATA / "tenth-story" / "knowledge"),
    ("round12-peace-plan.yaml", KNOWLEDGE),
    ("round12-tenth-story.yaml", BENCH_DATA / "tenth-story" / "knowledge"),
    ("round12-eleventh-story.yaml", BENCH_DATA / "eleventh-story" / "knowledge"),
    ("round12-twelfth-story.yaml", BENCH_DATA / "twelfth-story" / "knowledge"),
    ("round13-peace-plan.yaml", KNOWLEDGE),
    ("round13-tenth-story.yaml", BENCH_DATA / "tenth-story" / "knowledge"),
    ("round13-twelfth-story.yaml", BENCH_DATA / "twelfth-story" / "knowledge"),
    ("round13-thirteenth-story.yaml", BENCH_DATA / "thirteenth-story" / "knowledge"),
    ("round13-fourteenth-story.yaml", BENCH_DATA / "fourteenth-story" / "knowledge"),
    ("round14-peace-plan.yaml", KNOWLEDGE),
    ("round14-twelfth-story.yaml", BENCH_DATA / "twelfth-story" / "knowledge"),
    ("round14-fourteenth-story.yaml", BENCH_DATA / "fourteenth-story" / "knowledge"),
    ("round14-fifteenth-story.yaml", BENCH_DATA / "fifteenth-story" / "knowledge"),
    ("round15-peace-plan.yaml", KNOWLEDGE),
    ("round15-tenth-story.yaml", BENCH_DATA / "tenth-story" / "knowledge"),
    ("round15-thirteenth-story.yaml", BENCH_DATA / "thirteenth-story" / "knowledge"),
    ("round15-fifteenth-story.yaml", BENCH_DATA / "fifteenth-story" / "knowledge"),
    ("round15-sixteenth-story.yaml", BENCH_DATA / "sixteenth-story" / "knowledge"),
    ("round16-peace-plan.yaml", KNOWLEDGE),
    ("round16-thirteenth-story.yaml", BENCH_DATA / "thirteenth-story" / "knowledge"),
    ("round16-fifteenth-story.yaml", BENCH_DATA / "fifteenth-story" / "knowledge"),
    ("round16-sixteenth-story.yaml", BENCH_DATA / "sixteenth-story" / "knowledge"),
    ("round16-seventeenth-story.yaml", BENCH_DATA / "seventeenth-story" / "knowledge"),
    ("round16-eighteenth-story.yaml", BENCH_DATA / "eighteenth-story" / "knowledge"),
    ("round17-peace-plan.yaml", KNOWLEDGE),
    ("round17-thirteenth-story.yaml", BENCH_DATA / "thirteenth-story" / "knowledge"),
    ("round17-sixteenth-story.yaml", BENCH_DATA / "sixteenth-story" / "knowledge"),
    ("round17-seventeenth-story.yaml", BENCH_DATA / "seventeenth-story" / "knowledge"),
    ("round17-eighteenth-story.yaml", BENCH_DATA / "eighteenth-story" / "knowledge"),
    ("round17-nineteenth-story.yaml", BENCH_DATA / "nineteenth-story" / "knowledge"),
    ("round17-twentieth-story.yaml", BENCH_DATA / "twentieth-story" / "knowledge"),
    ("round18-peace-plan.yaml", KNOWLEDGE),
    ("round18-sixteenth-story.yaml", BENCH_DATA / "sixteenth-story" / "knowledge"),
    ("round18-eighteenth-story.yaml", BENCH_DATA / "eighteenth-story" / "knowledge"),
    ("round18-nineteenth-story.yaml", BENCH_DATA / "nineteenth-story" / "knowledge"),
    ("round18-twentyfirst-story.yaml", BENCH_DATA / "twentyfirst-story" / "knowledge"),
    ("round19-peace-plan.yaml", KNOWLEDGE),
    ("round19-twentieth-story.yaml", BENCH_DATA / "twentieth-story" / "knowledge"),
    ("round19-twentyfirst-story.yaml", BENCH_DATA / "twentyfirst-story" / "knowledge"),
    ("round19-twentysecond-story.yaml", BENCH_DATA / "twentysecond-story" / "knowledge"),
    ("round20-peace-plan.yaml", KNOWLEDGE),
    ("round20-twentieth-story.yaml", BENCH_DATA / "twentieth-story" / "knowledge"),
    ("round20-twentyfirst-story.yaml", BENCH_DATA / "twentyfirst-story" / "knowledge"),
    ("round20-twentysecond-story.yaml", BENCH_DATA / "twentysecond-story" / "knowledge"),
    ("round20-twentythird-story.yaml", BENCH_DATA / "twentythird-story" / "knowledge"),
    ("round21-peace-plan.yaml", KNOWLEDGE),
    ("round21-twentysecond-story.yaml", BENCH_DATA / "twentysecond-story" / "knowledge"),
    ("round21-twentythird-story.yaml", BENCH_DATA / "twentythird-story" / "knowledge"),
    ("round21-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round22-peace-plan.yaml", KNOWLEDGE),
    ("round22-twentythird-story.yaml", BENCH_DATA / "twentythird-story" / "knowledge"),
    ("round22-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round22-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round23-peace-plan.yaml", KNOWLEDGE),
    ("round23-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round23-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round23-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round24-peace-plan.yaml", KNOWLEDGE),
    ("round24-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round24-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round24-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round24-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round25-peace-plan.yaml", KNOWLEDGE),
    ("round25-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round25-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round25-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round25-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round25-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round26-peace-plan.yaml", KNOWLEDGE),
    ("round26-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round26-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round26-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round26-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round26-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round26-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round27-peace-plan.yaml", KNOWLEDGE),
    ("round27-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round27-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round27-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round27-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round27-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round27-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round27-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round28-peace-plan.yaml", KNOWLEDGE),
    ("round28-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round28-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round28-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round28-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round28-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round28-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round28-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round28-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round29-peace-plan.yaml", KNOWLEDGE),
    ("round29-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round29-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round29-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round29-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round29-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round29-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round29-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round29-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round29-thirtysecond-story.yaml", BENCH_DATA / "thirtysecond-story" / "knowledge"),
    ("round30-peace-plan.yaml", KNOWLEDGE),
    ("round30-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round30-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round30-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round30-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round30-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round30-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round30-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round30-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round30-thirtysecond-story.yaml", BENCH_DATA / "thirtysecond-story" / "knowledge"),
    ("round30-thirtythird-story.yaml", BENCH_DATA / "thirtythird-story" / "knowledge"),
    ("round31-peace-plan.yaml", KNOWLEDGE),
    ("round31-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round31-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round31-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round31-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round31-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round31-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round31-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round31-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round31-thirtysecond-story.yaml", BENCH_DATA / "thirtysecond-story" / "knowledge"),
    ("round31-thirtythird-story.yaml", BENCH_DATA / "thirtythird-story" / "knowledge"),
    ("round31-thirtyfourth-story.yaml", BENCH_DATA / "thirtyfourth-story" / "knowledge"),
    ("round32-peace-plan.yaml", KNOWLEDGE),
    ("round32-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round32-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round32-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round32-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round32-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round32-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round32-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round32-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round32-thirtysecond-story.yaml", BENCH_DATA / "thirtysecond-story" / "knowledge"),
    ("round32-thirtythird-story.yaml", BENCH_DATA / "thirtythird-story" / "knowledge"),
    ("round32-thirtyfourth-story.yaml", BENCH_DATA / "thirtyfourth-story" / "knowledge"),
    ("round32-thirtyfifth-story.yaml", BENCH_DATA / "thirtyfifth-story" / "knowledge"),
    ("round33-peace-plan.yaml", KNOWLEDGE),
    ("round33-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round33-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round33-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round33-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round33-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round33-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round33-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round33-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round33-thirtysecond-story.yaml", BENCH_DATA / "thirtysecond-story" / "knowledge"),
    ("round33-thirtythird-story.yaml", BENCH_DATA / "thirtythird-story" / "knowledge"),
    ("round33-thirtyfourth-story.yaml", BENCH_DATA / "thirtyfourth-story" / "knowledge"),
    ("round33-thirtyfifth-story.yaml", BENCH_DATA / "thirtyfifth-story" / "knowledge"),
    ("round34-peace-plan.yaml", KNOWLEDGE),
    ("round34-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round34-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round34-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round34-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round34-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round34-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round34-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round34-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round34-thirtysecond-story.yaml", BENCH_DATA / "thirtysecond-story" / "knowledge"),
    ("round34-thirtythird-story.yaml", BENCH_DATA / "thirtythird-story" / "knowledge"),
    ("round34-thirtyfourth-story.yaml", BENCH_DATA / "thirtyfourth-story" / "knowledge"),
    ("round34-thirtyfifth-story.yaml", BENCH_DATA / "thirtyfifth-story" / "knowledge"),
    ("round34-thirtysixth-story.yaml", BENCH_DATA / "thirtysixth-story" / "knowledge"),
    ("round35-peace-plan.yaml", KNOWLEDGE),
    ("round35-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round35-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round35-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round35-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round35-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round35-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round35-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round35-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round35-thirtysecond-story.yaml", BENCH_DATA / "thirtysecond-story" / "knowledge"),
    ("round35-thirtythird-story.yaml", BENCH_DATA / "thirtythird-story" / "knowledge"),
    ("round35-thirtyfourth-story.yaml", BENCH_DATA / "thirtyfourth-story" / "knowledge"),
    ("round35-thirtyfifth-story.yaml", BENCH_DATA / "thirtyfifth-story" / "knowledge"),
    ("round35-thirtysixth-story.yaml", BENCH_DATA / "thirtysixth-story" / "knowledge"),
    ("round35-thirtyseventh-story.yaml", BENCH_DATA / "thirtyseventh-story" / "knowledge"),
    ("round36-peace-plan.yaml", KNOWLEDGE),
    ("round36-twentyfourth-story.yaml", BENCH_DATA / "twentyfourth-story" / "knowledge"),
    ("round36-twentyfifth-story.yaml", BENCH_DATA / "twentyfifth-story" / "knowledge"),
    ("round36-twentysixth-story.yaml", BENCH_DATA / "twentysixth-story" / "knowledge"),
    ("round36-twentyseventh-story.yaml", BENCH_DATA / "twentyseventh-story" / "knowledge"),
    ("round36-twentyeighth-story.yaml", BENCH_DATA / "twentyeighth-story" / "knowledge"),
    ("round36-twentyninth-story.yaml", BENCH_DATA / "twentyninth-story" / "knowledge"),
    ("round36-thirtieth-story.yaml", BENCH_DATA / "thirtieth-story" / "knowledge"),
    ("round36-thirtyfirst-story.yaml", BENCH_DATA / "thirtyfirst-story" / "knowledge"),
    ("round36-thirtysecond-story.yaml", BENCH_DATA / "thirtysecond-story" / "knowledge"),
    ("round36-thirtythird-story.yaml", BENCH_DATA / "thirtythird-story" / "knowledge"),
    ("round36-thirtyfourth-story.yaml", BENCH_DATA / "thirtyfourth-story" / "knowledge"),
    ("round36-thirtyfifth-story.yaml", BENCH_DATA / "thirtyfifth-story" / "knowledge"),
    ("round36-thirtysixth-story.yaml", BENCH_DATA / "thirtysixth-story" / "knowledge"),
    ("round36-thirtyseventh-story.yaml", BENCH_DATA / "thirtyseventh-story" / "knowledge"),
    ("round36-thirtyeighth-story.yaml", BENCH_DATA / "thirtyeighth-story" / "knowledge"),
)


def score(name: str, folder: Path) -> tuple[int, int, int]:
    answerer = Answerer(load_knowledge(folder))
    cases = load_cases(BLIND / name)
    passed = wrong = 0
    for case in cases:
        reply = reply_dict(answerer.ask(as_asked(case["q"])))
        ok = not judge_case(case, reply)
        passed += ok
        wrong += (not ok) and reply["outcome"] in ("answer", "not_in_article")
    return passed, wrong, len(cases)


def main() -> int:
    rows = []
    for name, folder in SETS:
        if not (BLIND / name).exists():
            continue
        passed, wrong, total = score(name, folder)
        rows.append([name, folder.relative_to(KNOWLEDGE.parent), total, f"{100 * passed / total:.1f}%",
                     f"{wrong} ({100 * wrong / total:.1f}%)"])
    print("### Blind sets now\n")
    print(table(["set", "knowledge", "questions", "pass", "wrong assertions"], rows))
    history = BLIND / "HISTORY.md"
    if history.exists():
        print("\n" + history.read_text(encoding="utf-8").strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
