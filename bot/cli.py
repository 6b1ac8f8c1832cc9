"""The `faqbot` command: console chat, one-shot questions, summaries, validation, the Discord bot.

Every failure a user can cause ends as one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot import summaries, wording
from bot.answering import AnswerService
from bot.config import Config, ConfigError, load_config, shard_settings
from bot.knowledge.loader import KnowledgeError, load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.matching.lint import lint
from bot.records.database import Records, RecordsUnavailable
from bot.rendering.explain import explain_lines
from bot.rendering.json import render_json, reply_dict
from bot.rendering.text import render_summaries, render_text
from bot.serving import KnowledgeService

EXIT_USAGE = 2
EXIT_INVALID = 1


class CliError(Exception):
    """A problem to report as one line, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace], int] = getattr(args, "handler", _chat)
    if command not in (_run, _sync):
        # one line per failure, from the exceptions below: log records would only repeat them
        logging.getLogger().addHandler(logging.NullHandler())
    try:
        return command(args)
    except CliError as exc:
        print(f"faqbot: {exc}", file=sys.stderr)
        return exc.code
    except KnowledgeError as exc:  # every problem, as `faqbot validate` lists them
        if len(exc.problems) == 1:
            print(f"faqbot: {exc.problems[0]}", file=sys.stderr)
            return EXIT_USAGE
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"faqbot: the knowledge does not load ({len(exc.problems)} problems)", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as exc:
        print(f"faqbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RecordsUnavailable as exc:
        print(f"faqbot: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="faqbot", description="Sourced, caveated answers about a news story, from a curated FAQ."
    )
    parser.add_argument("--config", help="config file (default: ./config.yaml if present)")
    parser.add_argument("--knowledge", help="knowledge folder (overrides the config)")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    # --knowledge also after the command (`faqbot eval q.yaml --knowledge my-story/`)
    folder = argparse.ArgumentParser(add_help=False)
    folder.add_argument("--knowledge", default=argparse.SUPPRESS, help="knowledge folder (overrides the config)")

    chat = sub.add_parser("chat", parents=[folder], help="ask questions in the console (the default)")
    chat.set_defaults(handler=_chat)

    ask = sub.add_parser("ask", parents=[folder],
                         help="answer questions given as arguments, or one per line from stdin with -")
    ask.add_argument("questions", nargs="+", metavar="QUESTION", help="questions, or - to read stdin")
    ask.add_argument("--json", action="store_true", help="one JSON object per question, per line")
    ask.add_argument("--explain", action="store_true",
                     help="why: the question's analysis, the best entries, what matched, the rule that decided")
    ask.set_defaults(handler=_ask)

    evaluate = sub.add_parser("eval", parents=[folder], help="batch-test the FAQ with a question file (writes nothing)")
    evaluate.add_argument("questions", help="a question file (see README, 'Testing a FAQ with a question file')")
    evaluate.add_argument("--min", type=float, default=0.0, help="exit 1 below this pass rate (percent)")
    evaluate.add_argument("--max-wrong", type=float, default=100.0,
                          help="exit 1 above this share of wrong assertions (percent)")
    evaluate.add_argument("--show", type=int, default=20, help="list this many failures (default 20)")
    evaluate.set_defaults(handler=_eval)

    summary = sub.add_parser("summary", parents=[folder], help="the story's summary")
    summary.add_argument("--full", action="store_true", help="the full summary instead of the short one")
    summary.add_argument("--topic", help="one topic's summary (see `faqbot list --topics`)")
    summary.set_defaults(handler=_summary)

    listing = sub.add_parser("list", parents=[folder], help="every FAQ entry with its status")
    listing.add_argument("--topics", action="store_true", help="list the topics instead")
    listing.set_defaults(handler=_list)

    schema = sub.add_parser("schema", help="print the JSON Schema of a story file (for editors and CI)")
    schema.set_defaults(handler=_schema)

    new_story = sub.add_parser("new-story", help="start a story's FAQ: write ID.yaml beside the article")
    new_story.add_argument("article", help="the article, a .txt or .md file")
    new_story.add_argument("--id", required=True, help="the story's id: lowercase letters, digits, dashes")
    new_story.add_argument("--title", help="the story's title (default: the article's first line)")
    new_story.set_defaults(handler=_new_story)

    validate = sub.add_parser("validate", help="check knowledge files; exit 1 listing every problem")
    validate.add_argument("path", nargs="?", help="folder or file (default: the configured knowledge)")
    validate.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    validate.add_argument("--no-warnings", action="store_true", help="skip the matcher's warnings (faster)")
    validate.set_defaults(handler=_validate)

    run = sub.add_parser("run", help="start the Discord bot (token from DISCORD_TOKEN)")
    run.add_argument("--shards", type=int, help="how many shards the application has in all")
    run.add_argument("--shard-ids", help="the shards this process runs: 0-1 or 0,2 (default: all)")
    run.set_defaults(handler=_run)

    sync = sub.add_parser("sync", help="publish the slash commands to Discord (globally, or to one guild)")
    sync.add_argument("--guild", type=int, help="a guild id: instant, for testing (global sync can take an hour)")
    sync.set_defaults(handler=_sync)

    invite = sub.add_parser("invite", help="print the URL that adds the bot to a server")
    invite.add_argument("--client-id", type=int, help="the application id (default: discord.application_id)")
    invite.set_defaults(handler=_invite)

    inbox = sub.add_parser("inbox", help="questions the bot could not answer and answers marked not helpful")
    inbox.set_defaults(handler=_inbox)

    purge = sub.add_parser("purge", help="delete stored questions and feedback older than retention_days (or --days)")
    purge.add_argument("--days", type=float, help="older than this many days (default: the config's retention_days)")
    purge.add_argument("--user", type=int, help="instead: everything stored about this Discord user id")
    purge.set_defaults(handler=_purge)

    history = sub.add_parser("history", help="changes made to the FAQ (from Discord or on disk), newest first")
    history.add_argument("entry", nargs="?", help="only this entry's changes, each with its diff")
    history.add_argument("--limit", type=int, default=50, help="at most this many changes (default 50)")
    history.set_defaults(handler=_history)
    return parser


def _config(args: argparse.Namespace) -> Config:
    config = load_config(args.config)
    if args.knowledge:
        config = replace(config, knowledge=Path(args.knowledge))
    return config


def _answering(config: Config) -> AnswerService:
    """The answering service the bot uses, without records: the command line writes nothing."""
    return AnswerService(KnowledgeService(config.knowledge, config.thresholds))


def _chat(args: argparse.Namespace) -> int:
    answering = _answering(_config(args))
    answerer = answering.answerer
    interactive = sys.stdin.isatty()
    if interactive:
        with contextlib.suppress(ImportError):  # line editing and history where the platform has it
            import readline  # noqa: F401
        print(f"faqbot: {wording.scope(answerer.scope)} Type /summary, /list, or /quit.\n")
    while True:
        try:
            line = input("you> " if interactive else "")
        except EOFError:
            break
        command = line.strip().lower()
        if command in {"/quit", "/exit", "quit", "exit"}:
            break
        if command == "/summary":
            print(render_summaries(summaries.summaries(answering.answerer.knowledge), titled=False) + "\n")
        elif command == "/list":
            _print_entries(answerer.knowledge, sys.stdout)
        elif interactive and not command:
            continue
        else:
            print(render_text(answering.ask(line, via="console")))
        print()
    return 0


def _ask(args: argparse.Namespace) -> int:
    answering = _answering(_config(args))
    questions: Iterable[str] = _stdin_lines() if args.questions == ["-"] else args.questions
    if args.explain:
        for question in questions:
            print("\n".join(explain_lines(answering.answerer.explain(question))) + "\n", flush=True)
        return 0
    render = render_json if args.json else render_text
    for question in questions:
        out = render(answering.ask(question, via="cli"))
        print(out if args.json else out + "\n", flush=True)
    return 0


def _eval(args: argparse.Namespace) -> int:
    """`faqbot eval`: judge.py's report for a question file, answered in-process."""
    import time

    import yaml

    from bot.evaluation import case_problems, evaluate

    try:
        data = yaml.safe_load(Path(args.questions).read_text(encoding="utf-8"))
        cases = data["cases"]
        if not isinstance(cases, list):
            raise TypeError
    except OSError as exc:
        raise CliError(f"cannot read {args.questions}: {exc.strerror}") from None
    except (yaml.YAMLError, KeyError, TypeError):
        raise CliError(f"{args.questions}: not a question file (a mapping with `cases:`, each with id, q, kind "
                       "and expect; see the README)") from None
    problems = case_problems(cases)
    if problems:  # one line: the first problem, and how many more there are
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise CliError(f"{args.questions}: {problems[0]}{more}")
    answering = _answering(_config(args))
    started = time.perf_counter()
    result = evaluate(cases, lambda question: reply_dict(answering.ask(question, via="eval")))
    seconds = time.perf_counter() - started
    print("\n".join(result.lines(args.show, args.min, args.max_wrong, seconds)))
    return 0 if result.pass_rate >= args.min and result.wrong_rate <= args.max_wrong else EXIT_INVALID


def _stdin_lines() -> Iterable[str]:
    """Lines of stdin as UTF-8, undecodable bytes replaced, whatever the locale says."""
    stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline=None) \
        if hasattr(sys.stdin, "buffer") else sys.stdin
    for line in stream:
        yield line.rstrip("\r\n")


def _summary(args: argparse.Namespace) -> int:
    knowledge = load_knowledge(_config(args).knowledge)  # summaries need no index
    try:
        results = summaries.summaries(knowledge, full=args.full, topic=args.topic)
    except summaries.UnknownTopic as exc:
        raise CliError(str(exc)) from None
    print(render_summaries(results))
    return 0


def _list(args: argparse.Namespace) -> int:
    knowledge = load_knowledge(_config(args).knowledge)  # a listing needs no index
    if args.topics:
        for story in knowledge.stories:
            for topic in story.topics:
                print(f"{topic.id:16} {topic.title}")
        return 0
    _print_entries(knowledge, sys.stdout)
    return 0


def _print_entries(knowledge: KnowledgeBase, out: TextIO) -> None:
    for entry in knowledge.entries:
        print(f"{entry.id:36} {entry.status.value:15} {entry.question}", file=out)


def _schema(args: argparse.Namespace) -> int:
    from bot.knowledge.spec import json_schema

    sys.stdout.write(json_schema())
    return 0


def _new_story(args: argparse.Namespace) -> int:
    from bot.knowledge.scaffold import ScaffoldError, write_story

    article = Path(args.article)
    try:
        written = write_story(article, args.id, args.title)
    except ScaffoldError as exc:
        raise CliError(str(exc)) from None
    folder = written.parent
    print(f"wrote {written}. Next:")
    print("  1. Fill in the story's caveat and summaries, and add entries (README: \"Writing a story's FAQ\").")
    print(f"  2. faqbot validate {folder}")
    print(f"  3. faqbot --knowledge {folder} ask --explain \"a question people will ask\"")
    print(f"  4. faqbot --knowledge {folder} eval QUESTIONS.yaml   (README: \"Testing a FAQ with a question file\")")
    return 0


def _validate(args: argparse.Namespace) -> int:
    path = Path(args.path) if args.path else _config(args).knowledge
    try:
        knowledge = load_knowledge(path)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"faqbot: {len(exc.problems)} problem(s) in {path}", file=sys.stderr)
        return EXIT_INVALID
    warnings = [] if args.no_warnings else lint(knowledge)
    for warning in warnings:
        print(warning, file=sys.stderr)
    counted = f", {len(warnings)} warning(s)" if warnings else ""
    sys.stderr.flush()  # the warnings first, then the verdict: one reading order on a terminal
    if warnings and args.strict:
        print(f"{path}: loads ({len(knowledge.stories)} stories, {len(knowledge.entries)} entries), "
              f"but FAILS --strict: {len(warnings)} warning(s), listed on stderr")
        return EXIT_INVALID
    print(f"{path}: OK ({len(knowledge.stories)} stories, {len(knowledge.entries)} entries{counted})")
    return 0


def _run(args: argparse.Namespace) -> int:
    from bot.discordbot.runner import run

    config = _config(args)
    if args.shards is not None or args.shard_ids is not None:
        count = args.shards if args.shards is not None else config.discord.shard_count
        ids = _shard_ids(args.shard_ids) if args.shard_ids is not None else None
        config = replace(config, discord=replace(config.discord, **shard_settings(count, ids, "--")))
    return run(config)


def _shard_ids(text: str) -> tuple[int, ...]:
    """"0-3" or "0,2,5" as shard numbers."""
    try:
        if "-" in text:
            first, last = (int(p) for p in text.split("-", 1))
            return tuple(range(first, last + 1))
        return tuple(int(p) for p in text.split(","))
    except ValueError:
        raise CliError(f"--shard-ids {text!r}: give a range like 0-1 or a list like 0,2") from None


def _sync(args: argparse.Namespace) -> int:
    import asyncio

    from bot.discordbot.runner import sync_commands

    names = asyncio.run(sync_commands(_config(args), args.guild))
    where = f"guild {args.guild}" if args.guild else "all guilds (global; may take up to an hour to show)"
    print(f"synced {len(names)} commands to {where}: {', '.join(sorted(names))}")
    return 0


def _invite(args: argparse.Namespace) -> int:
    from bot.discordbot.runner import invite_url, user_install_url

    client_id = args.client_id or _config(args).discord.application_id
    if not client_id:
        raise CliError("give --client-id or set discord.application_id (Developer Portal > General Information)")
    print(f"Add to a server: {invite_url(client_id)}")
    print(f"Add to your own account (ask and check claims anywhere): {user_install_url(client_id)}")
    return 0


def _records(config: Config) -> Records | None:
    """The records database if the bot has created one; the CLI never creates it just to read."""
    if isinstance(config.database, Path) and not config.database.exists():
        print(f"nothing recorded yet: {config.database} does not exist (the bot creates it when it runs)")
        return None
    return Records(config.database, config.store_user_ids)


def _inbox(args: argparse.Namespace) -> int:
    """The same view as /faqadmin inbox, every group."""
    from bot.editing.inbox import build_inbox
    from bot.editing.reports import inbox_lines

    config = _config(args)
    records = _records(config)
    if records is None:
        return 0
    try:
        answerer = _answering(config).answerer
        groups = build_inbox(records.unanswered(), records.feedback(), answerer, records.last_changed())
    finally:
        records.close()
    print(wording.mod_inbox_title(len(groups)) if groups else wording.mod_inbox_empty())
    for line in inbox_lines(groups):
        print(line)
    return 0


def _purge(args: argparse.Namespace) -> int:
    """What Red's data-deletion API does for its cogs: old question texts, or one person's data."""
    config = _config(args)
    records = _records(config)
    if records is None:
        return 0
    try:
        if args.user is not None:
            removed = records.purge_user(args.user)
            print(f"deleted {removed} stored question(s) and vote(s) of user {args.user}")
            return 0
        days = args.days if args.days is not None else config.retention_days
        if days <= 0:
            raise CliError("retention_days is 0 (keep everything): give --days to purge anyway")
        removed = records.purge(days)
    finally:
        records.close()
    print(f"deleted {removed} stored question(s) and vote(s) older than {days:g} days")
    return 0


def _history(args: argparse.Namespace) -> int:
    """The same view as /faqadmin history; with an entry, every change's diff too."""
    from bot.editing.reports import entry_diff, history_lines

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    records = _records(_config(args))
    if records is None:
        return 0
    try:
        rows = records.history(args.entry, args.limit)
    finally:
        records.close()
    if not rows:
        print(wording.mod_history_empty(args.entry))
        return 0
    print(wording.mod_history_title(args.entry))
    for row, line in zip(rows, history_lines(rows)):
        print(line)
        if args.entry:
            print(entry_diff(row.entry_id, row.before, row.after))
            print()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
