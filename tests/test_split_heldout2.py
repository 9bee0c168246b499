"""`iwpr split`: where an article ends and what its end matter is (held-out findings, second round:
F20, F2/F8/F24 tail chrome, F4/F18 mail-archive tails, F17/F19 notes, F6/F7 closing mastheads).

Each test is built from the smallest input quoted in ``docs/split-heldout-findings.md``, plus variants."""

from __future__ import annotations

import pytest

from iwpr_extract.split import split_text

HEAD = (
    "BALKAN CRISIS REPORT, No. 200, January 12, 2001\n\n"
    "KOSOVO: THE LONG ROAD HOME\n\n"
    "Refugees pour back across the border from Macedonia.\n\n"
    "By Ylber Hysa in Pristina\n\n"
    "Tens of thousands of Kosovo Albanians crossed back from Macedonia this week, many of them to find "
    "their houses burned.\n\n"
)
LAST = "NATO troops have struggled to keep pace."
BIO = "Ylber Hysa is a regular IWPR contributor."


def records(text: str) -> list[dict]:
    return split_text(text, "t.txt", all_segments=True)


def only_article(text: str) -> dict:
    arts = [r for r in records(text) if r["kind"] == "article"]
    assert len(arts) == 1
    return arts[0]


def paragraphs(field: str | None) -> list[str]:
    return field.split("\n\n") if field else []


# --- F20: a body paragraph that merely starts with a footer or chrome word -------------------------------


@pytest.mark.parametrize("middle", [
    "Copyright laws are rarely enforced in Kosovo, where pirated CDs sell for a euro.",
    "Editor-in-chief Veton Surroi said the paper would not be intimidated.",
    "Related articles in the local press claimed the opposite.",
    "ISSN numbers are assigned by the national library.",
    "Unsubscribe is what most readers did after the election, the editor said.",
    "Comments from residents were bitter.",
    "Share prices in Pristina fell.",
    "Tags on the walls of the old town call for independence.",
    # hard-wrapped, as in e-mail editions
    "Related articles in the local press claimed\nthe opposite, officials said.",
    "Copyright\nlaws are rarely enforced in Kosovo.",
])
def test_prose_starting_with_a_footer_or_chrome_word_stays_in_the_body(middle):
    art = only_article(HEAD + middle + "\n\n" + LAST + "\n\n" + BIO + "\n")
    body = paragraphs(art["body"])
    assert len(body) == 3
    assert body[-1] == LAST
    assert art["notes"] == BIO
    assert [r["kind"] for r in records(HEAD + middle + "\n\n" + LAST + "\n\n" + BIO + "\n")] == ["header", "article"]


@pytest.mark.parametrize("footer", [
    "Copyright (c) 2001 Institute for War & Peace Reporting",
    "Copyright 2001 IWPR. All rights reserved.",
    "Copyright \u00a9 Institute for War & Peace Reporting",
    "Copyright: Institute for War and Peace Reporting",
    "ISSN: 1477-7924",
    "ISSN 1477-7924",
    "Editor-in-Chief: Anthony Borden; Managing Editor: Yigal Chazan",
    "Editor-in-Chief Anthony Borden. Managing Editor Yigal Chazan.",
])
def test_a_real_footer_line_still_ends_the_article(footer):
    text = HEAD + LAST + "\n\n" + BIO + "\n\n" + footer + "\n"
    recs = records(text)
    assert [r["kind"] for r in recs] == ["header", "article", "footer"]
    assert recs[1]["notes"] == BIO
