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


# --- F2 / F8 / F24 / F11: a page's tail chrome ends the article, so the bio before it is the notes ----------

PAGE = (
    "Kenya Land Claims Stall in Rift Valley\n\n"
    "Families displaced in the 2008 violence are still waiting for land.\n\n"
    "By Tom Maliti in Nairobi\n\n"
    "Thousands of families who fled their farms are still in camps, two years after the violence.\n\n"
    "A government spokesman said new land would be found.\n\n"
    "Tom Maliti is an IWPR-trained reporter in Nairobi.\n\n"
)


@pytest.mark.parametrize("tail", [
    # F2: one block of chrome lines
    "Tags: Kenya, land, displacement\nComments (3)\nRelated articles\nKenya: Victims Await Justice\n",
    # F8: the 2013-15 share and comment bar
    "Share\nTwitter Facebook Google+ Email\nComments\nAdd new comment\n",
    "Share this:\n\nFacebook Twitter Email\n\nRelated Articles\n\nKenya: Victims Await Justice\n",
    "Facebook | Twitter | Email\n",
    "Comments (3)\n\nAdd new comment\n",
    # F24
    "Most Popular\nAfghan Police Recruits Desert\nKabul Bank Scandal Widens\n\nFollow us on Twitter\nSign up for our newsletter\n",
    "Most Read\n\nKabul Bank Scandal Widens\n",
    "Sign up for our newsletter\n",
    "Also in this issue\nKenya: Victims Await Justice\n",
    # F11: the 2005-07 page's tail
    "Print | E-mail this article\n",
])
def test_page_tail_chrome_ends_the_article(tail):
    for text in (PAGE + tail, (PAGE + tail).replace("\n", "\r\n")):
        recs = records(text)
        art = next(r for r in recs if r["kind"] == "article")
        assert paragraphs(art["body"])[-1] == "A government spokesman said new land would be found."
        assert art["notes"] == "Tom Maliti is an IWPR-trained reporter in Nairobi."
        assert recs[-1]["kind"] == "chrome"
        assert "Kenya: Victims" not in (art["body"] + art["notes"])


@pytest.mark.parametrize("middle", [
    "Most popular among the refugees were the new schools.",
    "Latest figures show that 300,000 people are still displaced.",
    "Print media in Kenya gave the story little space.",
    "Follow us, the chief told the soldiers, and you will be safe.",
    "Share prices fell in Nairobi.",
    "Most of the families\nwho fled have not returned.",
])
def test_prose_starting_like_tail_chrome_stays_in_the_body(middle):
    art = only_article(PAGE.replace("A government", middle + "\n\nA government"))
    assert middle.replace("\n", " ") in art["body"]
    assert art["notes"] == "Tom Maliti is an IWPR-trained reporter in Nairobi."


# --- F4 / F18: mail archives' tails ------------------------------------------------------------------------

PIPERMAIL_NAV = (
    "    * Previous message: [BCR] KOSOVO: UN PLAN FACES DELAY\n"
    "    * Next message: [BCR] SERBIA: RADICALS GAIN GROUND\n"
    "    * Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]\n"
)


def test_pipermail_navigation_and_list_line_end_the_article():
    text = (
        "[BCR] BOSNIA: MOSTAR BRIDGE REOPENS\nIWPR iwpr at iwpr.net\nThu Jul 22 15:01:02 BST 2004\n\n"
        + PIPERMAIL_NAV + "\n"
        "BALKAN CRISIS REPORT, No. 509, July 22, 2004\n\n"
        "BOSNIA: MOSTAR BRIDGE REOPENS\n\n"
        "The rebuilt Old Bridge is a symbol of hope, but the city remains divided.\n\n"
        "By Nerma Jelacic in Mostar\n\n"
        "Thousands of people gathered on the banks of the Neretva to watch the ceremony on Friday night.\n\n"
        "Yet the two halves of the city still have separate schools and hospitals.\n\n"
        "Nerma Jelacic is IWPR's Bosnia editor.\n\n"
        + PIPERMAIL_NAV + "\n"
        "More information about the BCR mailing list\n"
    )
    recs = records(text)
    art = only_article(text)
    assert paragraphs(art["body"])[-1].startswith("Yet the two halves")
    assert art["notes"] == "Nerma Jelacic is IWPR's Bosnia editor."
    assert recs[-1]["kind"] == "chrome" and recs[-1]["text"].startswith("    * Previous message")
    # the list line alone ends it as well
    alone = records(text.replace(PIPERMAIL_NAV + "\n", "", 1).rsplit(PIPERMAIL_NAV, 1)[0]
                    + "More information about the BCR mailing list\n")
    assert [r["notes"] for r in alone if r["kind"] == "article"] == ["Nerma Jelacic is IWPR's Bosnia editor."]


def test_prose_about_more_information_stays_in_the_body():
    art = only_article(HEAD + "More information about the killings emerged on Tuesday.\n\n" + LAST + "\n\n" + BIO + "\n")
    assert len(paragraphs(art["body"])) == 3


MAILMAN_FOOTER = (
    "_______________________________________________\n"
    "crs-list mailing list\n"
    "crs-list@iwpr.net\n"
    "http://lists.iwpr.net/mailman/listinfo/crs-list\n"
)


def _message(day: int, number: int) -> str:
    return (
        f"From crs@iwpr.net  Fri May {day} 14:02:00 2003\n"
        "From: IWPR <crs@iwpr.net>\n"
        f"Subject: [CRS] Caucasus Reporting Service, No. {number}\n"
        f"Date: Fri, {day} May 2003 14:02:00 +0100\n\n"
        f"CAUCASUS REPORTING SERVICE, No. {number}, May {day}, 2003\n\n"
        "AZERBAIJAN: ALIEV'S ABSENCE FUELS RUMOURS\n\n"
        "The president has not been seen in public for weeks.\n\n"
        "By Jasur Mamedov in Baku\n\n"
        "Officials insist the president is in good health and working as normal, but nobody has seen him.\n\n"
        "Opposition newspapers say he is seriously ill.\n\n"
        "Jasur Mamedov is a freelance journalist in Baku.\n\n"
        + MAILMAN_FOOTER
    )


def test_mailman_footer_in_an_mbox_is_footer_and_the_next_headers_other():
    recs = records(_message(23, 181) + "\n" + _message(30, 182))
    assert [r["kind"] for r in recs] == ["other", "header", "article", "footer", "other", "header", "article", "footer"]
    assert recs[3]["text"] == MAILMAN_FOOTER + "\n"
    assert recs[4]["text"].startswith("From crs@iwpr.net  Fri May 30")
    assert [r["notes"] for r in recs if r["kind"] == "article"] == ["Jasur Mamedov is a freelance journalist in Baku."] * 2
