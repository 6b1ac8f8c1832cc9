"""Run every benchmark and write benchmarks/RESULTS.md (and benchmarks/latency.png).

    .venv/bin/python benchmarks/run_all.py            # the full run (about 4 minutes)
    .venv/bin/python benchmarks/run_all.py --quick    # a short smoke run, written to a temp folder

Each benchmark runs as its own process from the repository root (PYTHONPATH=.), its table is
echoed here as it is printed and copied verbatim into the results file, headed by the machine
it ran on. Exits non-zero only if a benchmark crashed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from _common import ROOT

HERE = Path(__file__).resolve().parent
LIBRARIES = ("faqbot", "discord.py", "aiohttp", "rapidfuzz", "PyYAML", "snowballstemmer", "rank-bm25", "numpy",
             "matplotlib")


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def machine() -> str:
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    try:
        import yaml

        libyaml = "with libyaml (C parser)" if getattr(yaml, "__with_libyaml__", False) else "pure Python"
    except ImportError:
        libyaml = "?"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = _first("/proc/meminfo", "MemTotal")
    changed = _git("status", "--porcelain")
    rows = [
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("commit", f"{_git('rev-parse', '--short', 'HEAD') or '?'}"
                   f"{f' + {len(changed.splitlines())} uncommitted changes' if changed else ''}"),
        ("CPU", f"{_first('/proc/cpuinfo', 'model name')}, {os.cpu_count()} logical cores ({usable} usable)"),
        ("memory", memory),
        ("OS", f"{platform.system()} {platform.release()} {platform.machine()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("libraries", ", ".join(versions) + f"; PyYAML {libyaml}"),
        ("load average at start", " ".join(f"{x:.2f}" for x in os.getloadavg())),
    ]
    return "\n".join(f"- **{k}**: {v}" for k, v in rows)


def run(name: str, args: list[str]) -> tuple[int, str, float]:
    """Run one benchmark, echoing its stdout; returns (exit code, stdout, seconds)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    command = [sys.executable, str(HERE / name), *args]
    print(f"\n$ {' '.join([Path(sys.executable).name, f'benchmarks/{name}', *args])}", flush=True)
    start = time.monotonic()
    with subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:
            print(line, end="", flush=True)
            lines.append(line)
    return proc.returncode, "".join(lines), time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="short settings; results go to a temp folder, not benchmarks/")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="faqbot-bench-quick-")) if args.quick else HERE
    out, plot = folder / "RESULTS.md", folder / "latency.png"
    if args.quick:
        plan = [
            ("quality.py", []),
            ("blind.py", []),
            ("latency.py", ["--sizes", "1000", "--repeats", "1", "--passes", "1", "--plot", str(plot)]),
            ("moderation.py", ["--entries", "1000", "--repeats", "1"]),
            ("discord_load.py", ["--duration", "3", "--saturation-duration", "2"]),
            ("discord_load.py", ["--processes", "--duration", "3", "--saturation-duration", "2"]),
        ]
    else:
        plan = [
            ("quality.py", []),
            ("blind.py", []),
            ("latency.py", ["--plot", str(plot)]),
            ("moderation.py", []),
            ("discord_load.py", []),
            ("discord_load.py", ["--processes", "--postgres"]),
        ]
    header = machine()
    sections: list[str] = []
    failed: list[str] = []
    for name, extra in plan:
        code, stdout, seconds = run(name, extra)
        shown = " ".join(a if a != str(plot) else "benchmarks/" + plot.name for a in extra)
        command = " ".join(["python", f"benchmarks/{name}", *([shown] if shown else [])])
        sections.append(f"_`{command}`: exit {code}, {seconds:.0f} s_\n\n" + stdout.strip())
        if code != 0:
            failed.append(f"{name} (exit {code})")
    text = "\n".join([
        "# Benchmark results",
        "",
        "Written by `benchmarks/run_all.py`" + (" --quick" if args.quick else "") + "; every table below is the "
        "verbatim output of the script named above it. Re-run to compare a change against these numbers.",
        "",
        "## Machine",
        "",
        header,
        f"- **load average at end**: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "",
        "Timings on a shared or busy machine vary between runs; compare like with like.",
        "",
        *(s + "\n" for s in sections),
        f"![p50/p99 per-question latency against knowledge size]({plot.name})",
        "",
    ])
    if failed:
        text += "\n**Crashed:** " + ", ".join(failed) + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"\nwrote {out} and {plot}")
    if failed:
        print("crashed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
