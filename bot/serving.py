"""The live knowledge: one Answerer at a time, replaced whole on reload.

Readers take `service.answerer` once per question and keep that reference, so a reload that
lands mid-question never mixes two versions. A failed reload changes nothing and returns the
problems, so the bot goes on serving the last good knowledge.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.knowledge.schema import Problem
from bot.matching import rarity
from bot.matching.answerer import Answerer, Thresholds

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReloadResult:
    ok: bool
    entries: int
    problems: tuple[Problem, ...] = ()


class KnowledgeService:
    def __init__(self, path: Path, thresholds: Thresholds | None = None) -> None:
        self.path = Path(path)
        self.thresholds = thresholds or Thresholds()
        self._lock = threading.Lock()
        self._answerer = Answerer(load_knowledge(self.path), self.thresholds)
        # general-language data, once per process (not per reload): the first question need not wait
        rarity.load_other_languages()

    @property
    def answerer(self) -> Answerer:
        return self._answerer

    def reload(self) -> ReloadResult:
        """Load and index the folder again; swap it in only if every file is valid."""
        with self._lock:
            try:
                knowledge = load_knowledge(self.path)
            except KnowledgeError as exc:
                log.warning("reload rejected: %d problem(s), first: %s", len(exc.problems), exc.problems[0])
                return ReloadResult(False, len(self._answerer.knowledge.entries), tuple(exc.problems))
            return self._swap(knowledge)

    def swap(self, knowledge: KnowledgeBase) -> None:
        """Serve knowledge already loaded and validated (a save's), without reading the folder again."""
        with self._lock:
            self._swap(knowledge)

    def _swap(self, knowledge: KnowledgeBase) -> ReloadResult:
        fresh = Answerer(knowledge, self.thresholds)
        self._answerer = fresh
        log.info("knowledge reloaded: %d entries", len(knowledge.entries))
        return ReloadResult(True, len(knowledge.entries))
