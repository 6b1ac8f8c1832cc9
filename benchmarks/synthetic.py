"""Deterministic synthetic knowledge for the scaling benchmarks (a helper, not a benchmark).

`write_knowledge(folder, entries, seed)` writes a valid knowledge folder: the bundled article as
the story's only document, and one YAML file of `entries` entries whose questions and ~7
alternates each are built from the article's own words and phrases, whose answers are runs of
the article's sentences and whose quotes are sentences taken verbatim from it. The same size
and seed always give byte-identical files.

Run on its own to write a folder: .venv/bin/python benchmarks/synthetic.py OUT_DIR [ENTRIES] [SEED]
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import sys
from pathlib import Path

import yaml
from _common import KNOWLEDGE

ARTICLE = KNOWLEDGE / "article.txt"
STATUSES = ("confirmed", "reported", "stated", "unresolved", "context", "not_in_article")
TOPICS = ("politics", "territory", "diplomacy", "europe", "background")

ONE = (
    "what does the article say about {a}?", "{a}?", "who is behind {a}?", "why {a}?",
    "what happened with {a}?", "tell me more about {a}", "when did {a} happen?", "is {a} confirmed?",
    "{a} explained", "any update on {a}",
)
TWO = (
    "what about {a} and {b}", "is it true that {a} {b}?", "how does {a} affect {b}?",
    "any news on {a} regarding {b}?", "explain {a} vs {b}", "where does {a} stand on {b}?",
    "what is the link between {a} and {b}?", "{a} {b} details", "does {a} change {b}?",
    "who decides {a} and {b}?", "{a} and {b}, what is going on",
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d+(?:-point)?")


def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def sentences(text: str) -> list[str]:
    """The article's sentences, each a verbatim substring of it (split only at whitespace)."""
    out: list[str] = []
    for paragraph in text.splitlines():
        for sentence in re.split(r"(?<=[.!?”])\s+", paragraph.strip()):
            if len(sentence) >= 30 and sentence[-1] in ".!?”":  # sentences, not headings
                out.append(sentence)
    return out


def phrases(text: str) -> list[str]:
    """Words (four letters or more) and two- and three-word runs of the article, lowercased."""
    found: set[str] = set()
    for sentence in sentences(text):
        words = [w.lower().replace("’", "'") for w in _WORD.findall(sentence)]
        for n in (1, 2, 3):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                if max(len(w) for w in gram) >= 4:
                    found.add(" ".join(gram))
    return sorted(found)


def build(entries: int, seed: int = 20261126) -> dict:
    """The knowledge file's data: a story and `entries` entries."""
    rng = random.Random(seed)
    text = article_text()
    sents = sentences(text)
    grams = phrases(text)
    singles = sorted({g for g in grams if " " not in g and len(g) >= 4})
    seen: set[str] = set()

    def phrasing(themes: list[str]) -> str:
        for attempt in range(200):
            if attempt < 100:
                a, b = rng.sample(themes, 2)
            else:  # the entry's themes are used up: bring in other phrases of the article
                a, b = rng.choice(grams), rng.choice(grams)
            template = rng.choice(ONE if rng.random() < 0.35 else TWO)
            candidate = template.format(a=a, b=b)
            key = " ".join(candidate.casefold().split())
            if key not in seen and len(candidate) <= 200:
                seen.add(key)
                return candidate
        raise RuntimeError("could not make a unique phrasing")

    ids = [f"syn-{i:05d}" for i in range(entries)]
    items = []
    for i, entry_id in enumerate(ids):
        themes = rng.sample(grams, 4)
        start = rng.randrange(len(sents))
        answer_sents = sents[start : start + rng.randint(1, 3)]
        answer = " ".join(answer_sents)
        while len(answer) > 1500:
            answer_sents = answer_sents[:-1]
            answer = " ".join(answer_sents)
        quote = next(s for s in answer_sents if len(s) <= 600)
        question = phrasing(themes)
        alternates = [phrasing(themes) for _ in range(rng.randint(6, 8))]
        item: dict = {
            "id": entry_id,
            "question": question[0].upper() + question[1:],
            "alternates": alternates,
            "keywords": rng.sample(singles, 2),
            "answer": answer,
            "status": rng.choice(STATUSES),
            "sources": [{"document": "article", "cited": "The article", "quote": quote}],
            "topics": [rng.choice(TOPICS)],
            "reviewed": "2026-11-26",
        }
        if entries > 1 and rng.random() < 0.5:
            item["related"] = sorted({ids[j] for j in rng.sample(range(entries), min(2, entries)) if j != i})
        items.append(item)
    story = {
        "id": "synthetic",
        "title": "Trump's Plan To End Russia War (synthetic FAQ)",
        "publisher": "unknown",
        "published": "unknown",
        "caveat": "Synthetic entries generated from the article's phrases, for benchmarks only.",
        "documents": [{"id": "article", "title": "Trump's Plan To End Russia War", "path": ARTICLE.name}],
        "summary": {"short": sents[0], "full": " ".join(sents[:4])},
        "topics": [{"id": t, "title": t.title(), "summary": f"Synthetic topic {t}."} for t in TOPICS],
    }
    return {"story": story, "entries": items}


def write_knowledge(folder: Path, entries: int, seed: int = 20261126) -> str:
    """Write the folder (article + synthetic.yaml); returns the YAML's SHA-256 (first 12 hex digits)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTICLE, folder / ARTICLE.name)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    data = yaml.dump(build(entries, seed), Dumper=dumper, sort_keys=False, allow_unicode=True, width=10_000)
    (folder / "synthetic.yaml").write_text(data, encoding="utf-8")
    return hashlib.sha256(data.encode()).hexdigest()[:12]


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):  # "--help" is no folder to write into
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    digest = write_knowledge(out, size, int(sys.argv[3]) if len(sys.argv) > 3 else 20261126)
    print(f"wrote {size} entries to {out} (sha256 {digest})")
