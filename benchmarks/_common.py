"""Helpers shared by the benchmark scripts (not a benchmark itself).

Each script puts its own folder on sys.path (Python does that for `python benchmarks/X.py`), so
`import _common` works; this module puts the repository root there too, so `bot` and `tests`
import from the working tree whether or not faqbot is installed.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KNOWLEDGE = ROOT / "knowledge"
DATA = ROOT / "tests" / "data"
BENCH_DATA = ROOT / "benchmarks" / "data"  # extra (blind) question sets, measured by quality.py only
QUESTION_SETS = ("dev-questions.yaml", "holdout-questions.yaml")


def percentile(values: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile (numpy's default method); p in 0..100."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[bool] | None = None) -> str:
    """A Markdown pipe table, padded so it also reads well in a terminal."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    right = right if right is not None else [i > 0 for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        padded = (c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right, strict=True))
        return "| " + " | ".join(padded) + " |"

    rules = (("-" * (w + 1) + ":") if r else (":" + "-" * (w + 1)) for w, r in zip(widths, right, strict=True))
    rule = "|" + "|".join(rules) + "|"
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def load_cases(name: str | Path) -> list[dict]:
    """The cases of a question set: a file name in tests/data, or a path."""
    import yaml

    path = name if isinstance(name, Path) else DATA / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def as_asked(question: str) -> str:
    """A question as `faqbot ask --json -` receives it: one stdin line (the quality gate does the same)."""
    return question.replace("\n", " ")
