"""Where a question's time goes: analysis and reply apart, for the slowest questions of latency.py.

latency.py says whether the p99 target holds; this says which questions set the p99 and which half
of the path (Analyzer.analyze, once per message, or Answerer.reply_to) their time is spent in, so a
speed change can be aimed before it is made (DECISIONS.md records the last reading). One process, the
bundled knowledge, each question timed --passes times after a warm-up; medians per question (the p99
it prints is of every sample, as latency.py's, and as noisy on a busy machine).

Run: .venv/bin/python benchmarks/latency_breakdown.py [--passes 9] [--top 16]
"""

from __future__ import annotations

import argparse
import statistics
import time

from _common import KNOWLEDGE, percentile, table
from latency import questions

from bot.knowledge.loader import load_knowledge
from bot.matching.answerer import Answerer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=9, help="timed passes over the questions (default 9)")
    parser.add_argument("--top", type=int, default=16, help="slowest questions to list (default 16)")
    args = parser.parse_args(argv)
    answerer = Answerer(load_knowledge(KNOWLEDGE))
    asked = questions()
    for text in asked:  # warm-up: caches filled, as in a running bot
        answerer.ask(text)
    clock = time.perf_counter_ns
    rows: list[tuple[float, float, float, int, str]] = []
    every: list[float] = []
    for text in asked:
        analysing: list[float] = []
        replying: list[float] = []
        for _ in range(args.passes):
            start = clock()
            question = answerer.analyzer.analyze(text)
            analysed = clock()
            answerer.reply_to(question)
            done = clock()
            analysing.append((analysed - start) / 1e6)
            replying.append((done - analysed) / 1e6)
            every.append((done - start) / 1e6)
        a, r = statistics.median(analysing), statistics.median(replying)
        rows.append((a + r, a, r, len(question.parts), text))
    rows.sort(reverse=True)
    print(f"{len(asked)} questions x {args.passes} passes: p50 {percentile(every, 50):.3f} ms, "
          f"p99 {percentile(every, 99):.3f} ms")
    print(table(["ms", "analysis", "reply", "parts", "chars", "question"],
                [[f"{t:.3f}", f"{a:.3f}", f"{r:.3f}", str(n), str(len(q)), q[:60]]
                 for t, a, r, n, q in rows[:args.top]], right=[True] * 5 + [False]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
