"""Would ruamel.yaml's round trip keep the writer's guarantees? (issue 11, recommendation 3)

Not part of run_all: ruamel.yaml is not a dependency. `pip install ruamel.yaml`, then
    python benchmarks/ruamel_roundtrip.py
It round-trips the bundled knowledge file and a synthetic 10,000-entry one with the settings the
code review measured (width 4096, indent 2/4/2, preserve_quotes) and prints, for each: the time
of one parse and one dump, and how many lines a no-op save and a one-phrasing edit change. The
hand splicer (bot/editing/layout.py) changes 0 and 1 (tests/test_properties.py).
"""

from __future__ import annotations

import difflib
import io
import sys
import tempfile
import time
from pathlib import Path

from _common import KNOWLEDGE
from latency import generate


def _changed(before: str, after: str) -> int:
    return sum(1 for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---")))


def measure(path: Path) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    text = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    data = yaml.load(text)
    parsed = time.perf_counter() - start
    out = io.StringIO()
    start = time.perf_counter()
    yaml.dump(data, out)
    dumped = time.perf_counter() - start
    data["entries"][0].setdefault("alternates", []).append("a new phrasing")
    edited = io.StringIO()
    yaml.dump(data, edited)
    return (f"| {path.name} | {len(text.splitlines()):,} | {parsed:.2f} | {dumped:.2f} | "
            f"{_changed(text, out.getvalue()):,} | {_changed(text, edited.getvalue()):,} |")


def main() -> int:
    try:
        import ruamel.yaml  # noqa: F401
    except ImportError:
        print("ruamel.yaml is not installed (pip install ruamel.yaml); nothing measured")
        return 0
    print("| file | lines | parse s | dump s | lines changed by a no-op save | by adding one phrasing |")
    print("|:--|--:|--:|--:|--:|--:|")
    print(measure(next(KNOWLEDGE.glob("*.yaml"))))
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), 10_000, 20261126)
        for path in sorted(Path(tmp).glob("*.yaml")):
            print(measure(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
