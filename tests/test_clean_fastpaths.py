"""``clean``'s shortcuts taken for speed: the corners where a shortcut could differ from doing the work.

Each expected value was produced by the code before the shortcut existed."""

from __future__ import annotations

from iwpr_extract.clean import _Log, explain_text, fix_boilerplate

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
