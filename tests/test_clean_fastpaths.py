"""``clean``'s shortcuts taken for speed: the corners where a shortcut could differ from doing the work.

Each expected value was produced by the code before the shortcut existed."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from iwpr_extract.clean import _letters_share, _Log, _low_letter_lines, explain_text, fix_boilerplate, fix_spaces

RULE = "_" * 30


def test_removals_run_again_when_a_footer_rule_loses_its_next_line():
    # removing the chrome line makes the rule and "mailing list" neighbours: only a second boilerplate
    # round sees the list footer, so that round must not be skipped
    text = f"Real text here, a sentence.\n\n{RULE}\nSkip to main content\nThe Foo mailing list\nhttp://lists.example.org/foo"
    once = fix_boilerplate(text, _Log())
    assert fix_boilerplate(once, _Log()) != once
    r = explain_text(text)
    assert r.text == "Real text here, a sentence."
    assert r.fixes == {"chrome": 1, "list-footer": 1}
    assert r.removed == [
        {"text": "Skip to main content", "reason": "chrome"},
        {"text": f"{RULE}\nThe Foo mailing list\nhttp://lists.example.org/foo", "reason": "list-footer"}]


def test_removals_settle_after_one_round_without_counting_twice():
    text = "Skip to main content\nReal text here.\n\nThis e-mail and any attachments are private."
    r = explain_text(text)
    assert r.text == "Real text here."
    assert r.fixes == {"chrome": 1, "disclaimer": 1}


def test_paragraph_step_takes_lone_surrogates():
    # undecodable bytes read with surrogateescape: the letters count on UTF-8 bytes must not choke on them
    text = "Caf\udc93 is a word that goes\non and on here, \udc93\nand more\n\n12 34 56 78 --\nx 9 9 9 9"
    r = explain_text(text)
    assert r.text == "Caf\udc93 is a word that goes on and on here, \udc93 and more\n\n12 34 56 78 --\nx 9 9 9 9"
    assert r.fixes == {"unwrap": 2}


LINE_CHARS = "aZ 1.,-–“”’éЖß\u00a0\u2028\udc93_²"


@settings(max_examples=300, deadline=None)
@example(["ab  .", "ab 12", "a b 1 2", "x."])  # spaces do not count, other characters do
@example(["éa 12", "ab  ."])  # a letter outside ASCII: counted line by line
@given(st.lists(st.text(alphabet=LINE_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool), min_size=1, max_size=6))
def test_low_letter_lines_agrees_with_letters_share(lines):
    # counted on bytes for all lines at once, or line by line: the same verdicts as the definition
    assert _low_letter_lines(lines, "\n".join(lines)) == [_letters_share(x) < 0.5 for x in lines]


@pytest.mark.parametrize("text, expected, fixes", [
    # odd spaces found by the control-character step's scan: the spaces step still replaces them
    ("Cafe\u0301 \u00a0 ﬁne\u2003x", "Café fine x", {"ligatures": 1, "spaces": 3, "unicode-nfc": 1}),
    ("Cafe\u0301 ﬁne  x\t y ", "Café fine x y", {"ligatures": 1, "spaces": 4, "unicode-nfc": 1}),
    # none: ligatures and NFC change the text in between, the spaces step sees a new text
    ("Cafe\u0301 ﬁne x", "Café fine x", {"ligatures": 1, "unicode-nfc": 1}),
])
def test_spaces_step_after_the_shared_control_and_space_scan(text, expected, fixes):
    r = explain_text(text)
    assert (r.text, r.fixes) == (expected, fixes)


def test_steps_sharing_split_lines_do_not_change_them():
    # the boilerplate, reply, signature and paragraph steps get one list of lines for one text
    text = ("Skip to main content\nReal text here that goes on\nand on.\n\nOn Mon, 1 Jan 2001 10:00, Bob <b@x.org> wrote:\n"
            "> old\n> text\n\nThanks,\nBob")
    r = explain_text(text)
    assert r.text == "Real text here that goes on and on."
    assert [x["reason"] for x in r.removed] == ["chrome", "reply-quote", "signature"]


@pytest.mark.parametrize("text, expected, count", [
    # runs in quote-marked lines kept, the rest collapsed unless a field gap; the quote status of a line
    # is looked up once for all its runs
    ("> a  b  c\nx  y.  Z  w\n  > q  r\nTOP  Head  By X", "> a  b  c\nx y.  Z w\n  > q  r\nTOP  Head By X", 3),
    ("a  b" * 3 + "\n>  x  y", "a ba ba b\n>  x  y", 3),
])
def test_space_runs_line_by_line(text, expected, count):
    log = _Log()
    assert fix_spaces(text, log) == expected
    assert dict(log.fixes) == {"spaces": count}
