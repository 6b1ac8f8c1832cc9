"""The `faqbot` command as a user meets it: the JSON contract, stdin handling, one-line errors."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import FIXTURES, ROOT


def faqbot(*args: str, stdin: str = "", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, cwd=cwd,
        timeout=60,
    )


def test_ask_json_gives_exactly_one_object_per_input_line_blank_lines_included() -> None:
    lines = ["who went to moscow?", "", "   ", "what's the weather in Paris?", "@everyone hi"]
    done = faqbot("ask", "--json", "-", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(replies) == len(lines)
    for reply in replies:
        assert {"question", "outcome", "text", "answers", "suggestions"} <= reply.keys()
        assert reply["text"].strip()
        for answer in reply["answers"]:
            assert {"id", "score", "status", "caveat", "sources"} <= answer.keys()
    first = replies[0]
    assert first["outcome"] == "answer"
    assert first["answers"][0]["caveat"] and first["answers"][0]["caveat"] in first["text"]
    assert first["answers"][0]["sources"][0]["quote"] in first["text"]
    assert replies[3]["outcome"] == "decline"
    assert "@everyone" not in replies[4]["text"]


def test_ask_with_arguments_prints_the_readable_reply() -> None:
    done = faqbot("ask", "What did the Kremlin confirm?")
    assert done.returncode == 0
    assert "confirm" in done.stdout.lower() and "Source:" in done.stdout


def test_chat_with_piped_questions_answers_each_and_exits() -> None:
    done = faqbot("chat", stdin="who is Yermak?\nthanks!\n")
    assert done.returncode == 0
    assert "chief of staff" in done.stdout.lower()
    assert "welcome" in done.stdout.lower()


def test_default_command_is_the_chat() -> None:
    done = faqbot(stdin="hello\n")
    assert done.returncode == 0 and "I answer questions about the article" in done.stdout


def test_summary_list_and_topics() -> None:
    short = faqbot("summary")
    full = faqbot("summary", "--full")
    assert short.returncode == full.returncode == 0
    assert len(full.stdout) > len(short.stdout) and "Caveat:" in short.stdout
    # the full summary's paragraphs (one line each in the YAML's folded block) are set apart
    assert full.stdout.count("\n\n") > short.stdout.count("\n\n") + 1
    topics = faqbot("list", "--topics").stdout.split()
    topic = faqbot("summary", "--topic", topics[0])
    assert topic.returncode == 0
    assert faqbot("summary", "--topic", "no-such-topic").returncode == 2
    assert "kremlin" in faqbot("list").stdout.lower()


def test_validate_passes_on_the_bundled_knowledge_and_fails_on_a_broken_file(tmp_path: Path) -> None:
    assert faqbot("validate").returncode == 0
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "harbour.txt").write_text((FIXTURES / "second-story" / "harbour.txt").read_text())
    (broken / "harbour.yaml").write_text(
        (FIXTURES / "second-story" / "harbour.yaml").read_text().replace("status: reported", "status: rumour")
    )
    done = faqbot("validate", str(broken))
    assert done.returncode == 1
    assert "harbour.yaml:" in done.stderr and "'rumour' is not one of" in done.stderr
    assert "Traceback" not in done.stderr


def test_errors_are_one_line_with_a_non_zero_exit(tmp_path: Path) -> None:
    bad_config = tmp_path / "config.yaml"
    bad_config.write_text("matching:\n  answer_treshold: 0.5\n")
    cases = [
        faqbot("--knowledge", str(tmp_path / "missing"), "ask", "hi"),
        faqbot("--config", str(bad_config), "ask", "hi"),
        faqbot("--config", str(tmp_path / "nope.yaml"), "ask", "hi"),
    ]
    for done in cases:
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "answer_treshold" in cases[1].stderr


def test_invite_asks_for_the_minimal_scopes_and_permissions() -> None:
    from urllib.parse import parse_qs, urlparse

    import discord

    done = faqbot("invite", "--client-id", "123456789")
    assert done.returncode == 0
    server_line, user_line = done.stdout.strip().splitlines()
    query = parse_qs(urlparse(server_line.split(": ", 1)[1]).query)
    assert query["client_id"] == ["123456789"] and query["integration_type"] == ["0"]
    assert sorted(query["scope"][0].split()) == ["applications.commands", "bot"]
    user = parse_qs(urlparse(user_line.split(": ", 1)[1]).query)  # a person's own install: commands only
    assert user["scope"] == ["applications.commands"] and user["integration_type"] == ["1"]
    assert "permissions" not in user
    granted = discord.Permissions(int(query["permissions"][0]))
    assert {name for name, on in granted if on} == {
        "read_messages", "send_messages", "send_messages_in_threads", "embed_links", "read_message_history",
    }
    assert faqbot("invite").returncode == 2


def test_run_without_a_token_says_how_to_get_one(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    done = subprocess.run([sys.executable, "-m", "bot", "run"], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=60)
    assert done.returncode == 2
    assert "DISCORD_TOKEN" in done.stderr and "developers" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_eval_reports_what_the_shared_judge_reports(tmp_path: Path) -> None:
    questions = ROOT / "tests" / "data" / "holdout-questions.yaml"
    ours = subprocess.run([sys.executable, "-m", "bot", "eval", str(questions), "--show", "0"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert ours.returncode == 0, ours.stderr
    judge = ROOT.parent / "shared" / "eval" / "judge.py"
    if not judge.exists():  # a checkout without ../shared: compare with the summary lines' shape only
        assert "passed " in ours.stdout and "wrong assertions " in ours.stdout
        return
    theirs = subprocess.run([sys.executable, str(judge), str(questions), "--cmd",
                             f"{sys.executable} -m bot ask --json -", "--show", "0"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert _summary(ours.stdout) == _summary(theirs.stdout)


_TABLE_ROW = re.compile(r"^\S+\s+\d+/\s*\d+\s+[\d.]+%")


def _summary(out: str) -> list[str]:
    """The report's lines but the timing, in order; the table's rows sorted, as the judge prints them:
    ours print the rows of all (un)answerable cases, marked, after the kinds (the judge merges them
    with a kind of that name, in sorted order)."""
    lines = [line.removesuffix("  (all cases)") for line in out.splitlines() if line and not line.startswith("wall ")]
    rows = [i for i, line in enumerate(lines) if _TABLE_ROW.match(line)]
    if rows:
        lines[rows[0]:rows[-1] + 1] = sorted(lines[rows[0]:rows[-1] + 1])
    return lines


def _eval(questions: Path, cases: str, *options: str) -> subprocess.CompletedProcess[str]:
    """`faqbot eval` on a question file of these cases (YAML lines under `cases:`), as a user runs it."""
    questions.write_text(f"cases:\n{cases}", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "bot", "eval", str(questions), *options], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_eval_counts_a_kind_called_unanswerable_apart_from_all_unanswerable_cases(tmp_path: Path) -> None:
    done = _eval(tmp_path / "q.yaml",
                 "  - {id: a, q: 'who won eurovision?', kind: unanswerable, "
                 "expect: {answer: false, all_of: [], caveat: any}}\n"
                 "  - {id: b, q: 'what is the capital of peru?', kind: out_of_scope, "
                 "expect: {answer: false, all_of: [], caveat: any}}\n")
    rows = [line.split() for line in done.stdout.splitlines()]
    assert ["unanswerable", "1/", "1", "100.0%"] in rows
    assert ["unanswerable", "2/", "2", "100.0%", "(all", "cases)"] in rows


def test_eval_gates_on_pass_rate_and_wrong_assertions(tmp_path: Path) -> None:
    cases = ("  - {id: a, q: 'who is Kushner?', kind: direct, expect: {answer: true, all_of: [[advis]], caveat: any}}\n"
             "  - {id: b, q: 'who is Kushner?', kind: direct, expect: {answer: false, all_of: [], caveat: any}}\n")
    loose = _eval(tmp_path / "q.yaml", cases)
    strict = _eval(tmp_path / "q.yaml", cases, "--max-wrong", "10")
    assert loose.returncode == 0 and "wrong assertions 1/2 = 50.0%" in loose.stdout
    assert strict.returncode == 1
    broken = tmp_path / "broken.yaml"
    broken.write_text("just: text\n", encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "bot", "eval", str(broken)], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 2 and "not a question file" in bad.stderr and "Traceback" not in bad.stderr


def test_explain_shows_the_analysis_the_best_entries_and_the_rule() -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--explain", "Will the US recognize Crimea?"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    out = done.stdout
    assert "timeframe=future" in out and "1. us-recognize-crimea" in out and "shared words:" in out
    assert "outcome: answer; rule: answer: a sure match" in out


def test_explain_shows_each_question_of_a_message_with_its_own_best_entries() -> None:
    # a message's questions are answered one by one: the whole message's ranking alone would mislead
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--explain", "Who is Witkoff, and what did Yermak say?"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and "  part 2: what did Yermak say?" in lines
    assert lines[lines.index("  part 2: what did Yermak say?") + 1].startswith("     best: yermak-statement ")
    assert lines[lines.index("  part 2: what did Yermak say?") + 1].endswith("answered by yermak-statement")
    assert "answered with: who-is-witkoff, yermak-statement" in done.stdout


def test_explain_shows_the_word_a_synonym_reads_a_question_word_as() -> None:
    # a moderator checking a `synonyms` entry sees it applied, not just the word as typed
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--explain", "what did the Kremlin spokesman confirm?"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    words = next(line for line in done.stdout.splitlines() if line.startswith("words (weight): "))
    assert done.returncode == 0 and "spokesman->spokesperson=" in words and " confirm=" in words


@pytest.mark.parametrize(("question", "focus"), [
    ("Which hotel in Geneva hosted the talks?", "hotel"),
    ("Which specific regions are left for the leaders?", "regions"),
    ("How many people died in the war?", "people"),
    ("What day did the envoys land?", None),  # a date asked for: checked as a date, not a word to find
    ("What caused the war?", None),  # a verb after "what": no thing to pick out
    ("What was the name of the anti-Islam video behind the riot?", "video"),
])
def test_explain_shows_the_thing_a_question_asks_to_pick_out(question: str, focus: str | None) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--explain", question],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    analysis = next(line for line in done.stdout.splitlines() if line.startswith("analysis: "))
    assert done.returncode == 0 and (f" focus={focus}" in analysis if focus else "focus=" not in analysis)


def test_a_negated_auxiliary_carries_no_content() -> None:
    # "can't" says the question is negated (the analysis keeps that); it is not a word to find in an entry
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--explain", "why cant ukraine just give up crimea?"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    lines = done.stdout.splitlines()
    words = next(line for line in lines if line.startswith("words (weight): "))
    analysis = next(line for line in lines if line.startswith("analysis: "))
    assert done.returncode == 0 and "cant" not in words and "negated" in analysis


def test_a_place_named_in_the_article_is_read_in_its_adjective_too(tmp_path: Path) -> None:
    # no synonym written for it: "Kenyan" is read as the article's "Kenya" (and "Ma" would claim "man": not done)
    folder = tmp_path / "kb"
    shutil.copytree(FIXTURES / "second-story", folder)
    article = folder / "harbour.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA delegation from Kenya watched the vote.\n",
                       encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "bot", "ask", "--knowledge", str(folder), "--explain",
                           "what did the kenyan delegation think of the vote?"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    words = next(line for line in done.stdout.splitlines() if line.startswith("words (weight): "))
    assert done.returncode == 0 and "kenyan->kenya=" in words


def test_new_story_writes_a_file_that_validates_as_it_is_and_never_overwrites(tmp_path: Path) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text((FIXTURES / "second-story" / "harbour.txt").read_text(encoding="utf-8"), encoding="utf-8")
    run = [sys.executable, "-m", "bot", "new-story", str(article), "--id", "harbour"]
    done = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "faqbot validate" in done.stdout
    written = tmp_path / "harbour.yaml"
    assert 'title: "Harbour Bridge To Close For Repairs"' in written.read_text(encoding="utf-8")
    assert written.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=story.schema.json\n")
    assert json.loads((tmp_path / "story.schema.json").read_text(encoding="utf-8"))["title"] == "faqbot story file"
    checked = subprocess.run([sys.executable, "-m", "bot", "validate", str(tmp_path)], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr
    assert "summary.short still says \"Replace this" in checked.stderr and "no entries yet" in checked.stderr
    strict = subprocess.run([sys.executable, "-m", "bot", "validate", "--strict", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert strict.returncode == 1  # not ready for people until the placeholders are written
    again = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "exists already" in again.stderr
    bad = subprocess.run([*run[:-1], "Not An Id"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "lowercase letters" in bad.stderr


@pytest.mark.parametrize(("standfirst", "publisher", "published"), [
    ("Plastics News. June 6, 2014.", '"Plastics News"', '"June 6, 2014"'),
    ("Breitbart News. By Lucas Nolan. 22 Dec, 2016.", '"Breitbart News"', '"22 Dec, 2016"'),
    ("By Jane Doe. March 2015", "unknown", '"March 2015"'),  # a byline is no outlet
    ("The council met on Tuesday.", "unknown", "unknown"),  # no date: nothing is guessed
    ("On March 3, 2015, the council voted to close the bridge.", "unknown", "unknown"),  # a sentence's date
    ("Reuters. Published May 10, 2018 04:59PM ET", '"Reuters"', '"May 10, 2018"'),
    ("RT, published 1 Apr, 2019 13:05", '"RT"', '"1 Apr, 2019"'),  # an outlet known by its initials
    # a wire and its carrier, written as the README writes a carried agency's copy: the carrier, then the agency
    ("AFP, via Arab Times, September 2018", '"Arab Times (AFP)"', '"September 2018"'),
    ("The Associated Press, via AccessWDUN, January 2002", '"AccessWDUN (The Associated Press)"', '"January 2002"'),
    ("aNews, January 23, 2024", '"aNews"', '"January 23, 2024"'),  # a brand's small first letter
    ("BREAKING NEWS. June 6, 2014.", "unknown", "unknown"),  # shouting is no outlet
    ("PARIS, June 6, 2014", "unknown", "unknown"),  # a dateline's city, in capitals, is none either
    ("WTVR CBS 6, 2023-04-12", '"WTVR CBS 6"', '"2023-04-12"'),  # a station's call letters and channel are one
    ("WKBW, 2021-11-16", '"WKBW"', '"2021-11-16"'),  # call letters alone, before a date no dateline writes
    ("WASHINGTON (AP) -- Sept. 25, 2018", "unknown", "unknown"),  # a dateline names no outlet
    ("NASA's Mars 2020 rover lands", "unknown", "unknown"),  # "Mars" is no month
    ("Bob\\Tech News. June 6, 2014.", '"Bob\\\\Tech News"', '"June 6, 2014"'),  # written so that it loads
    ("Star Tribune.", '"Star Tribune"', "unknown"),  # the outlet alone under the headline
    # ... with no full stop, or with a note that no date is given (both were left blank)
    ("Star Tribune", '"Star Tribune"', "unknown"),
    ("Becker's Hospital Review (no date given)", '"Becker\'s Hospital Review"', "unknown"),
    # ... or with a note of the page's own (the 64th and 65th stories' writers found them left blank)
    ("TheWrap (thewrap.com; the stored page gives no date and no headline)", '"TheWrap"', "unknown"),
    ("National Post (nationalpost.com, a wire story in its sports section)", '"National Post"', "unknown"),
    # (a small word inside the name: the 66th story's writer found "Fly on Wall Street (...)" left blank)
    ("Fly on Wall Street (flyonwallstreet.com; no date on the page)", '"Fly on Wall Street"', "unknown"),
    ("Officials declined (for now).", "unknown", "unknown"),  # a sentence with an aside is still a sentence
    ("Officials declined", "unknown", "unknown"),  # a sentence, full stop or not
    ("Analysis.", "unknown", "unknown"),  # a section's label
    ("By Jane Doe.", "unknown", "unknown"),  # a byline
    ("Photo: Getty Images.", "unknown", "unknown"),  # a credit
    ("Photo via Getty Images.", "unknown", "unknown"),  # a credit, "via" and all (the review)
    ("Photo via AP. March 3, 2020.", "unknown", "unknown"),  # a credit is no standfirst
    ("Officials declined.", "unknown", "unknown"),  # a sentence
])
def test_new_story_reads_the_outlet_and_date_the_articles_opening_lines_give(
        tmp_path: Path, standfirst: str, publisher: str, published: str) -> None:
    text = (FIXTURES / "second-story" / "harbour.txt").read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    article = tmp_path / "bridge.txt"
    article.write_text(f"{title}\n\n{standfirst}\n{rest}", encoding="utf-8")
    run = [sys.executable, "-m", "bot", "new-story", str(article), "--id", "harbour"]
    assert subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=60).returncode == 0
    written = (tmp_path / "harbour.yaml").read_text(encoding="utf-8")
    assert f"  publisher: {publisher}" in written and f"  published: {published}" in written
    checked = subprocess.run([sys.executable, "-m", "bot", "validate", str(tmp_path)], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize(("standfirst", "dateline", "publisher"), [
    ("WKRG, August 21, 2019", "MOBILE, Ala. (WKRG) \u2014", '"WKRG"'),  # call letters the article credits
    ("PARIS, June 6, 2014", "PARIS (Reuters) -", "unknown"),  # a dateline's city, however it is credited
])
def test_new_story_takes_an_outlet_in_capitals_that_the_article_credits(
        tmp_path: Path, standfirst: str, dateline: str, publisher: str) -> None:
    # "WKRG, August 21, 2019" under the headline was left "unknown" (a dateline's city in capitals looks the
    # same), though the article's own dateline credits WKRG; the sixty-first story's README-only writer found it
    title, rest = (FIXTURES / "second-story" / "harbour.txt").read_text(encoding="utf-8").split("\n", 1)
    article = tmp_path / "bridge.txt"
    article.write_text(f"{title}\n{standfirst}\n\n{dateline} {rest.lstrip()}", encoding="utf-8")
    run = [sys.executable, "-m", "bot", "new-story", str(article), "--id", "harbour"]
    assert subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=60).returncode == 0
    written = (tmp_path / "harbour.yaml").read_text(encoding="utf-8")
    assert f"  publisher: {publisher}" in written


def _harbour_copy(tmp_path: Path) -> tuple[Path, str]:
    """A folder holding the second story's article, and its YAML's text to change and write there."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "harbour.txt").write_text((FIXTURES / "second-story" / "harbour.txt").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    return folder, (FIXTURES / "second-story" / "harbour.yaml").read_text(encoding="utf-8")


def test_validate_warns_of_phrasings_another_entry_answers_and_caveats_that_read_as_doubt(tmp_path: Path) -> None:
    folder, text = _harbour_copy(tmp_path)
    text = text.replace("      - mayor reaction to the closure\n",
                        "      - mayor reaction to the closure\n      - why is the bridge repaired\n")
    text = text.replace("answer: The council voted to close", "answer: Yesterday the council voted to close")
    text = text.replace("promised extra ferry\n      services during the works.",
                        "promised extra ferry\n      services during the works. It does not name the ferry operator. "
                        "She spoke on Tuesday (the report is dated March 3, 2026).")
    confirmed = "    status: confirmed\n"
    text = text.replace(confirmed, confirmed + "    caveat: This is the council's own figure.\n", 1)
    # the cost entry quotes the paper's claim as the article's own words, and no longer repeats its caveat
    text = text.replace("    repeats: [bridge-cracks]\n", "").replace(
        "        cited: The local paper\n        quote: engineers found cracks in two of the bridge’s steel supports\n"
        "    related: [bridge-closure-length]",
        "        cited: The article\n        quote: engineers found cracks in two of the bridge’s steel supports\n"
        "    related: [bridge-closure-length]")
    (folder / "harbour.yaml").write_text(text, encoding="utf-8")
    run = [sys.executable, "-m", "bot", "validate", str(folder)]
    plain = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=60)
    strict = subprocess.run([*run, "--strict"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert plain.returncode == 0 and strict.returncode == 1
    assert ": OK (" in plain.stdout and "OK" not in strict.stdout and "FAILS --strict" in strict.stdout
    assert any("reads the same as 'why is the bridge repaired', a phrasing of 'mayor-choice'" in line
               and "'bridge-cracks'" in line for line in plain.stderr.splitlines()), plain.stderr
    assert "entry 'bridge-closure-length': warning: the answer says 'Yesterday'" in plain.stderr
    assert "says 'on Tuesday'" not in plain.stderr  # anchored to the report's date: not the bot's own voice
    # a caveat under an on-the-record answer, whatever it says, reads as "unconfirmed"
    assert "entry 'bridge-closure-length': warning: a caveat under a confirmed entry reads as doubt" in plain.stderr
    # an answer that says what the article does not give should list it under gaps
    assert "entry 'mayor-choice': warning: the answer says the article gives no names: add `gaps: [names]`" \
        in plain.stderr
    # an answer without a caveat that quotes the words of a reported claim repeats it as established
    assert ("entry 'repair-cost': warning: it quotes the words of 'bridge-cracks', a reported claim, "
            "without its caveat") in plain.stderr
    # a story whose entries have few phrasings leaves most ways of asking unmatched (the bundled one passes)
    assert "story 'harbour-bridge': warning: its entries have 3.8 phrasings each on average" in plain.stderr
    # the first entry answers "what's this article about?": it should be the story's overview
    assert "entry 'bridge-closure-length': warning: the story's first entry answers" in plain.stderr
    assert "harbour.yaml:" in plain.stderr and "7 warning(s)" in plain.stdout, plain.stderr


def test_validate_warns_of_an_answer_that_repeats_a_short_reported_quote_without_its_caveat(tmp_path: Path) -> None:
    folder, text = _harbour_copy(tmp_path)
    quote = ("        cited: The local paper\n"
             "        quote: engineers found cracks in two of the bridge’s steel supports\n")
    # the reported entry quotes just its claim's few words; the cost entry cites something else, no
    # longer lists it under repeats, and its answer still says the cracks were found as a fact
    text = text.replace(quote, "        cited: The local paper\n        quote: found cracks in two\n", 1)
    text = text.replace("    repeats: [bridge-cracks]\n", "").replace(
        quote + "    related: [bridge-closure-length]",
        "        cited: The city council\n        quote: voted on Tuesday to close the old harbour bridge\n"
        "    related: [bridge-closure-length]")
    (folder / "harbour.yaml").write_text(text, encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "bot", "validate", str(folder)], cwd=ROOT, capture_output=True,
                           text=True, timeout=60)
    assert plain.returncode == 0, plain.stderr
    assert ("entry 'repair-cost': warning: it quotes the words of 'bridge-cracks', a reported claim, "
            "without its caveat") in plain.stderr


def _yaml_as_editors_read_it(text: str) -> Any:
    """YAML with dates kept as text, as YAML 1.2 editors (and their schema checks) read it."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(text, Loader=Loader)


def test_the_json_schema_checks_a_story_file_as_an_editor_would() -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "schema"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0
    schema = json.loads(done.stdout)
    assert (ROOT / "knowledge" / "story.schema.json").read_text(encoding="utf-8") == done.stdout, \
        "knowledge/story.schema.json is out of date: faqbot schema > knowledge/story.schema.json"
    bundled = _yaml_as_editors_read_it((ROOT / "knowledge" / "peace-plan.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(bundled, schema)
    bundled["entries"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError, match="colour"):
        jsonschema.validate(bundled, schema)


def test_knowledge_can_follow_the_command_and_a_question_file_there_is_named_as_such(tmp_path: Path) -> None:
    folder = tmp_path / "kb"
    folder.mkdir()
    for name in ("harbour.txt", "harbour.yaml"):
        (folder / name).write_text((FIXTURES / "second-story" / name).read_text(encoding="utf-8"), encoding="utf-8")
    questions = tmp_path / "q.yaml"
    questions.write_text("cases:\n  - {id: a, q: 'why is the bridge being repaired?', kind: direct, "
                         "expect: {answer: true, all_of: [[cracks]], caveat: required}}\n", encoding="utf-8")
    after = subprocess.run([sys.executable, "-m", "bot", "eval", str(questions), "--knowledge", str(folder)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert after.returncode == 0 and "passed 1/1" in after.stdout
    (folder / "q.yaml").write_text(questions.read_text(encoding="utf-8"), encoding="utf-8")
    mixed = subprocess.run([sys.executable, "-m", "bot", "ask", "--knowledge", str(folder), "hi"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
    assert mixed.returncode == 2 and "Traceback" not in mixed.stderr
    assert "q.yaml:1: this is a question file (cases:), not a story" in mixed.stderr


def test_the_same_question_gets_the_same_reply_in_every_process() -> None:
    # nothing may ride on set or dict order: a restart or another shard would answer differently
    story = ROOT / "benchmarks" / "data" / "fifth-story" / "knowledge"
    questions = "\n".join(["Why did the Islamic State claim responsibility for the Bardo shooting?",
                           "What did Tunisian officials say?", "how many tunisians died?", "Tunis?"]) + "\n"
    replies = {subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "--knowledge", str(story), "-"],
                              cwd=ROOT, input=questions, capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
               for seed in range(1, 6)}
    assert len(replies) == 1 and next(iter(replies)).count("\n") == 4


def test_eval_refuses_a_case_the_judge_would_misread(tmp_path: Path) -> None:
    # a moderator's `any_of` (for `all_of`) passed the case as if it expected nothing
    done = _eval(tmp_path / "q.yaml",
                 "  - {id: ok1, q: 'who is Kushner?', kind: direct, "
                 "expect: {answer: true, all_of: [[advis]], caveat: any}}\n"
                 "  - {id: typo1, q: 'who is Kushner?', kind: direct, expect: {answer: true, any_of: [[advis]]}}\n"
                 "  - {id: typo2, q: 'hi', kind: chitchat, expect: {answer: false, caveat: maybe}}\n")
    assert done.returncode == 2 and not done.stdout
    assert "case 'typo1': unknown expect key 'any_of'" in done.stderr and "1 more" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    # a question or a kind that is no text, or an answer written as a string, is named too
    done = _eval(tmp_path / "q.yaml", "  - {id: a, q: null, kind: [x], expect: {answer: 'false', all_of: ''}}\n")
    assert done.returncode == 2 and "case 'a': q must be text (and 3 more problem(s))" in done.stderr
    assert "Traceback" not in done.stderr


def test_validate_counts_a_word_with_an_apostrophe_as_one_in_a_short_quote(tmp_path: Path) -> None:
    # (the sixty-second story's writer: a five-word quote holding "O'Neal" was flagged as sharing six words with a
    # reported entry's quote, where the README says five words or fewer are not)
    folder, text = _harbour_copy(tmp_path)
    quote = "        quote: engineers found cracks in two of the bridge’s steel supports\n"
    gap = text.index("  - id: repair-cost\n")
    head, tail = text[:gap], text[gap:]
    tail = tail.replace("    repeats: [bridge-cracks]\n", "", 1).replace(
        "        cited: The local paper\n" + quote, "        cited: The article\n"
        "        quote: of the bridge’s steel supports\n", 1)
    (folder / "harbour.yaml").write_text(head + tail, encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "bot", "validate", str(folder)], cwd=ROOT, capture_output=True,
                           text=True, timeout=60)
    assert plain.returncode == 0, plain.stderr
    assert "quotes the words of 'bridge-cracks'" not in plain.stderr and "shares" not in plain.stderr, plain.stderr


def test_validate_asks_for_an_anchor_on_that_monday(tmp_path: Path) -> None:
    # (the sixty-second story's writer: "city attorneys were there that Monday" passed with no anchor to the article)
    folder, text = _harbour_copy(tmp_path)
    text = text.replace("starting in March.\n    status: confirmed",
                        "starting in March. Engineers inspected it that Monday.\n    status: confirmed", 1)
    (folder / "harbour.yaml").write_text(text, encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "bot", "validate", str(folder)], cwd=ROOT, capture_output=True,
                           text=True, timeout=60)
    assert plain.returncode == 0, plain.stderr
    assert "entry 'bridge-closure-length': warning: the answer says 'that Monday'" in plain.stderr, plain.stderr
