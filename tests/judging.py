"""The question-set judge the quality tests use: the same rules as ../shared/eval/judge.py."""

from bot.evaluation import judge_case

__all__ = ["judge_case"]
