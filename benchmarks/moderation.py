"""Moderator actions at scale: how long opening an edit form, saving and removing take.

Discord gives an interaction 3 seconds for its first response, and a modal (the edit form) must
be that first response: it cannot be deferred. Saves are deferred ("thinking"), so they may take
longer. Measured on the bundled knowledge and a synthetic folder of --entries entries (see
synthetic.py), through EditingService, the one way the bot changes the knowledge.

Run: .venv/bin/python benchmarks/moderation.py [--entries 10000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from _common import KNOWLEDGE, table
from synthetic import write_knowledge

from bot.editing.service import Actor, EditingService
from bot.records.database import Records
from bot.serving import KnowledgeService

FORM_LIMIT_S = 3.0


def measure(folder: Path, repeats: int) -> dict[str, float]:
    knowledge = KnowledgeService(folder)
    started = time.perf_counter()
    service = EditingService(knowledge, Records(folder / "records.sqlite3"))
    start_up = time.perf_counter() - started
    entries = knowledge.answerer.knowledge.entries
    target = entries[len(entries) // 2].id
    forms, saves = [], []
    for n in range(repeats):
        started = time.perf_counter()
        service.form(target)
        forms.append(time.perf_counter() - started)
        started = time.perf_counter()
        service.alias(target, f"a phrasing added by the benchmark {n}", Actor("benchmark"))
        saves.append(time.perf_counter() - started)
    return {"start_up": start_up, "form": max(forms), "save": statistics.median(saves)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="faqbot-moderation-") as tmp:
        bundled = Path(tmp) / "bundled"
        shutil.copytree(KNOWLEDGE, bundled)
        synthetic = Path(tmp) / "synthetic"
        write_knowledge(synthetic, args.entries)
        for name, folder in (("bundled", bundled), (f"synthetic {args.entries:,}", synthetic)):
            result = measure(folder, args.repeats)
            rows.append([name, f"{result['start_up']:.2f}", f"{result['form'] * 1000:.0f}",
                         "PASS" if result["form"] < FORM_LIMIT_S else "FAIL", f"{result['save']:.2f}"])
    print(table(["knowledge", "service start s", "slowest form open ms", "form < 3 s", "save s (median)"], rows))
    return 0 if all(row[3] == "PASS" for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
