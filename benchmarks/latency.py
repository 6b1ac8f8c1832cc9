"""Match latency and scaling: per-question time, load and index-build time, and peak memory.

Knowledge sizes: the bundled folder, and synthetic folders of 1,000 and 10,000 entries (see
synthetic.py: built deterministically from the article's phrases, ~7 alternates each, valid
knowledge YAML loaded through load_knowledge).

Every measurement at a size runs in a fresh child process (so load and build are cold, as when
the bot starts, and the child's peak RSS is that of a process that loads the knowledge and
answers): the child times load_knowledge (YAML read + parse + schema check) and Answerer(kb)
(the MatchIndex build), answers every question of tests/data once to warm up, then times
Answerer.ask for each question over --passes passes. It runs --repeats times per size; load
and build are the median over the repeats, the latencies are pooled, the RSS is the largest.

For reference, the two plain baselines of quality.py are timed at each size
(one pass, in a separate process): a rapidfuzz WRatio scan over every phrasing, and rank_bm25
over every entry.

Run: .venv/bin/python benchmarks/latency.py [--sizes 1000,10000] [--plot benchmarks/latency.png]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import KNOWLEDGE, QUESTION_SETS, as_asked, load_cases, percentile, table

TARGETS = {  # (what, limit)
    "p99_bundled_ms": 1.0,
    "p99_10000_ms": 10.0,
    "load_build_10000_s": 2.0,
    "rss_10000_mb": 150.0,
}


def questions() -> list[str]:
    return [as_asked(c["q"]) for name in QUESTION_SETS for c in load_cases(name)]


# -- child: one fresh process per measurement -------------------------------------------------


def child(folder: str, passes: int) -> int:
    import resource

    from bot.knowledge.loader import load_knowledge
    from bot.matching.answerer import Answerer

    asked = questions()
    t0 = time.perf_counter()
    knowledge = load_knowledge(folder)
    t1 = time.perf_counter()
    answerer = Answerer(knowledge)
    t2 = time.perf_counter()
    for q in asked:  # warm-up: first-call costs (regex compiles, caches) are not per-question costs
        answerer.ask(q)
    per_question: list[list[float]] = [[] for _ in asked]
    clock = time.perf_counter_ns
    for _ in range(passes):
        for i, q in enumerate(asked):
            start = clock()
            answerer.ask(q)
            per_question[i].append((clock() - start) / 1e6)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    hwm_kb = _vm_hwm_kb()
    slowest = sorted(range(len(asked)), key=lambda i: -statistics.median(per_question[i]))[:5]
    json.dump({
        "entries": len(knowledge.entries),
        "phrasings": sum(len(e.phrasings) for e in knowledge.entries),
        "load_s": t1 - t0,
        "build_s": t2 - t1,
        "samples_ms": [s for times in per_question for s in times],
        "slowest": [(asked[i], statistics.median(per_question[i])) for i in slowest],
        "rss_mb": rss_kb / 1024,
        "hwm_mb": hwm_kb / 1024 if hwm_kb is not None else None,
    }, sys.stdout)
    return 0


def _vm_hwm_kb() -> int | None:
    """Peak RSS of this process's own address space (Linux /proc), to cross-check ru_maxrss.

    Linux carries ru_maxrss across fork+exec, so a child started by a big parent would report
    the parent's size; the parent here stays small (generation and baselines run in their own
    processes), and VmHWM, which exec resets, confirms it.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def generate(folder: Path, size: int, seed: int) -> str:
    """Write synthetic knowledge in a child process (keeps this process small: see _vm_hwm_kb)."""
    script = Path(__file__).with_name("synthetic.py")
    done = subprocess.run([sys.executable, str(script), str(folder), str(size), str(seed)],
                          capture_output=True, text=True, check=True)
    return done.stdout.split("sha256 ")[1].rstrip(")\n")


def run_child(folder: Path, passes: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), "--passes", str(passes)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


# -- baselines, for reference ----------------------------------------------------------------


def baseline_child(folder: str) -> int:
    json.dump(baseline_times(Path(folder), questions()), sys.stdout)
    return 0


def run_baselines(folder: Path) -> dict[str, list[float]]:
    done = subprocess.run(
        [sys.executable, __file__, "--baseline-child", str(folder)], capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


def baseline_times(folder: Path, asked: list[str]) -> dict[str, list[float]]:
    import re

    import snowballstemmer
    from rank_bm25 import BM25Okapi
    from rapidfuzz import fuzz, process, utils

    from bot.knowledge.loader import load_knowledge

    knowledge = load_knowledge(folder)
    choices = [p for e in knowledge.entries for p in e.phrasings]
    stem = snowballstemmer.stemmer("english").stemWords

    def tokens(text: str) -> list[str]:
        return stem(re.findall(r"\w+", text.casefold()))

    bm25 = BM25Okapi([tokens(" ".join((*e.phrasings, *e.keywords, e.answer))) for e in knowledge.entries])
    out: dict[str, list[float]] = {"wratio": [], "bm25": []}
    clock = time.perf_counter_ns
    for q in asked:
        start = clock()
        process.extractOne(q, choices, scorer=fuzz.WRatio, processor=utils.default_process)
        out["wratio"].append((clock() - start) / 1e6)
        start = clock()
        scores = bm25.get_scores(tokens(q))
        int(scores.argmax())
        out["bm25"].append((clock() - start) / 1e6)
    return out


# -- report ----------------------------------------------------------------------------------


def plot(path: Path, rows: list[dict], baselines: dict[int, dict[str, list[float]]]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    xs = [r["entries"] for r in rows]
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
    ax.plot(xs, [r["p50"] for r in rows], "o-", color="tab:blue", label="faqbot p50")
    ax.plot(xs, [r["p99"] for r in rows], "s-", color="tab:red", label="faqbot p99")
    if baselines:
        bx = sorted(baselines)
        ax.plot(bx, [percentile(baselines[n]["wratio"], 50) for n in bx], "^--", color="tab:gray",
                label="rapidfuzz WRatio scan p50 (reference)")
        ax.plot(bx, [percentile(baselines[n]["bm25"], 50) for n in bx], "v--", color="tab:olive",
                label="rank_bm25 p50 (reference)")
    ax.plot([xs[0]], [TARGETS["p99_bundled_ms"]], "_", color="black", markersize=22, mew=2)
    ax.plot([10_000], [TARGETS["p99_10000_ms"]], "_", color="black", markersize=22, mew=2,
            label="p99 targets (1 ms bundled, 10 ms at 10,000)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(xs, [f"{x:,}" + (" (bundled)" if i == 0 else "") for i, x in enumerate(xs)])
    ax.minorticks_off()
    ax.set_xlabel("knowledge entries (log)")
    ax.set_ylabel("time per question, ms (log)")
    ax.set_title("Per-question latency after load")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _ok(value: float, limit: float) -> str:
    return "PASS" if value < limit else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="synthetic sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=20261126, help="seed of the synthetic knowledge")
    parser.add_argument("--passes", type=int, default=5, help="timed passes over the questions per child")
    parser.add_argument("--repeats", type=int, default=3, help="child processes per size")
    parser.add_argument("--no-baselines", action="store_true", help="skip the reference baseline timings")
    parser.add_argument("--plot", type=Path, help="write a PNG of p50/p99 against knowledge size here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--baseline-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.passes)
    if args.baseline_child:
        return baseline_child(args.baseline_child)

    asked = questions()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows: list[dict] = []
    baselines: dict[int, dict[str, list[float]]] = {}
    slowest: list[tuple[str, float]] = []
    digests: list[str] = []
    with tempfile.TemporaryDirectory(prefix="faqbot-bench-") as tmp:
        folders: list[tuple[str, Path]] = [("bundled", KNOWLEDGE)]
        for size in sizes:
            folder = Path(tmp) / f"synthetic-{size}"
            digests.append(f"{size}: sha256 {generate(folder, size, args.seed)}")
            folders.append((f"synthetic {size:,}", folder))
        for label, folder in folders:
            runs = [run_child(folder, args.passes) for _ in range(args.repeats)]
            samples = [s for r in runs for s in r["samples_ms"]]
            row = {
                "label": label, "entries": runs[0]["entries"], "phrasings": runs[0]["phrasings"],
                "load": statistics.median(r["load_s"] for r in runs),
                "build": statistics.median(r["build_s"] for r in runs),
                "p50": percentile(samples, 50), "p90": percentile(samples, 90), "p99": percentile(samples, 99),
                "max": max(samples), "n": len(samples), "rss": max(r["rss_mb"] for r in runs),
                "hwm": max((r["hwm_mb"] or 0) for r in runs),
            }
            rows.append(row)
            slowest = runs[0]["slowest"]
            if not args.no_baselines:
                baselines[row["entries"]] = run_baselines(folder)
            print(f"measured {label}: p99 {row['p99']:.2f} ms", file=sys.stderr, flush=True)

    print("## Latency and scaling\n")
    print(f"{len(asked)} questions (tests/data), one warm-up pass, then {args.passes} timed passes, in each of "
          f"{args.repeats} fresh processes per size. Synthetic knowledge seed {args.seed} "
          f"({'; '.join(digests)}).\n")
    print(table(
        ["knowledge", "entries", "phrasings", "YAML load s", "index build s", "load+build s",
         "p50 ms", "p90 ms", "p99 ms", "max ms", "samples", "peak RSS MiB", "VmHWM MiB"],
        [[r["label"], f"{r['entries']:,}", f"{r['phrasings']:,}", f"{r['load']:.3f}", f"{r['build']:.3f}",
          f"{r['load'] + r['build']:.3f}", f"{r['p50']:.3f}", f"{r['p90']:.3f}", f"{r['p99']:.3f}",
          f"{r['max']:.2f}", r["n"], f"{r['rss']:.1f}", f"{r['hwm']:.1f}"] for r in rows],
    ))
    print()
    by_entries = {r["entries"]: r for r in rows}
    bundled = rows[0]
    big = by_entries.get(10_000)
    checks = [["p99 per question, bundled", "< 1 ms", f"{bundled['p99']:.3f} ms",
               _ok(bundled["p99"], TARGETS["p99_bundled_ms"])]]
    if big is not None:
        checks += [
            ["p99 per question, 10,000 entries", "< 10 ms", f"{big['p99']:.3f} ms", _ok(big["p99"], 10.0)],
            ["YAML load + index build, 10,000 entries", "< 2 s", f"{big['load'] + big['build']:.3f} s",
             _ok(big["load"] + big["build"], 2.0)],
            ["peak RSS, process loading 10,000 entries and answering", "< 150 MiB", f"{big['rss']:.1f} MiB",
             _ok(big["rss"], 150.0)],
        ]
    print("### Targets\n")
    print(table(["target", "limit", "measured", "result"], checks, [False, True, True, True]))
    print()
    if baselines:
        print("### Reference: plain baselines at the same sizes (one pass, own process)\n")
        print(table(
            ["knowledge", "phrasings", "WRatio scan p50 ms", "WRatio scan p99 ms", "BM25 p50 ms", "BM25 p99 ms",
             "faqbot p50 ms", "faqbot p99 ms"],
            [[r["label"], f"{r['phrasings']:,}",
              *(f"{percentile(baselines[r['entries']][k], p):.2f}" for k in ("wratio", "bm25") for p in (50, 99)),
              f"{r['p50']:.3f}", f"{r['p99']:.3f}"] for r in rows],
        ))
        print()
    print(f"### Slowest questions at {rows[-1]['label']} (median of the passes, first child)\n")
    print(table(["question", "ms"], [[q[:90].replace("|", "/"), f"{ms:.2f}"] for q, ms in slowest], [False, True]))
    if args.plot:
        plot(args.plot, rows, baselines)
        try:
            shown = args.plot.resolve().relative_to(Path.cwd())
        except ValueError:
            shown = args.plot
        print(f"\nPlot: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
