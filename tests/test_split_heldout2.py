"""`iwpr split` on the held-out review's findings (docs/split-heldout-findings.md), second round:
one test per finding shape, from its smallest input, with a variant or two."""

from __future__ import annotations

import pytest

from iwpr_extract.editions import parse_date, parse_edition_header
from iwpr_extract.split import split_text


def _articles(text: str) -> list[dict]:
    return [r for r in split_text(text, "t") if r["kind"] == "article"]


def _kinds(text: str) -> list[str]:
    return [r["kind"] for r in split_text(text, "t", all_segments=True)]


# --- F25 / F11: an edition line under a page's byline, or in the page head ----------------------------

_QA_PAGE = (
    "Institute for War & Peace Reporting\n\nHome > Caucasus > Armenia\n\n"
    "Armenia: Q&A With the Ombudsman\n\n"
    "Armen Harutiunian talks about complaints against the police.\n\n"
    "{byline}\n\n{edition}\n\n"
    "IWPR: How many complaints did your office receive this year?\n\n"
    "Harutiunian: More than three thousand, most of them about the courts and the police, and a growing "
    "number about the army.\n\n"
    "IWPR: Do the police answer your letters?\n\n"
    "Harutiunian: Sometimes. Less often than they should.\n\n"
    "Karine Ter-Sahakian is a journalist in Yerevan.\n"
)


@pytest.mark.parametrize("edition", [
    "Caucasus Reporting Service No. 420, 10-Oct-07",
    "CRS No. 420, 10-Oct-07",
    "CAUCASUS REPORTING SERVICE, No. 420, 10-Oct-07",
    "(CRS No. 420, 10-Oct-07)",
])
@pytest.mark.parametrize("byline", ["Interview by Karine Ter-Sahakian in Yerevan", "By Karine Ter-Sahakian in Yerevan"])
def test_f25_edition_line_under_a_page_byline_is_the_articles_edition_data(edition, byline):
    text = _QA_PAGE.format(byline=byline, edition=edition)
    (art,) = _articles(text)
    assert art["headline"] == "Armenia: Q&A With the Ombudsman"
    assert art["standfirst"] == "Armen Harutiunian talks about complaints against the police."
    assert art["byline"] == byline
    assert art["newsletter"] == {"title": "Caucasus Reporting Service", "issue": 420, "date": "2007-10-10"}
    assert art["body"].startswith("IWPR: How many") and art["body"].endswith("Less often than they should.")
    assert "Reporting Service" not in art["body"] and "CRS" not in art["body"]
    assert art["notes"] == "Karine Ter-Sahakian is a journalist in Yerevan."
    assert "warnings" not in art
    assert _kinds(text)[1:] == ["chrome", "article"]


def test_f25_crlf_variant():
    text = _QA_PAGE.format(byline="By Karine Ter-Sahakian in Yerevan", edition="CRS No. 420, 10-Oct-07")
    (art,) = _articles(text.replace("\n", "\r\n"))
    assert art["newsletter"]["issue"] == 420 and art["body"].startswith("IWPR: How many")


_OLD_PAGE = (
    "Institute for War & Peace Reporting\n\nHome > Asia > Uzbekistan\n\n"
    "{head}\n\n"
    "UZBEK TRADERS COUNT COST OF BORDER CLOSURE\n\n"
    "Bazaar traders say the closure has halved their takings.\n\n"
    "By Galima Bukharbaeva in Tashkent\n\n"
    "Traders in Tashkent's Chorsu bazaar say they have lost half their custom since the border closed.\n\n"
    "Prices for flour have doubled in a month.\n\n"
    "Galima Bukharbaeva is IWPR's Uzbekistan director.\n"
)


@pytest.mark.parametrize("head", [
    "Reporting Central Asia\nRCA No. 412, 03-Nov-05\nPrint | E-mail this article",
    "Reporting Central Asia\nRCA No. 412, 03-Nov-05",
    "RCA No. 412, 03-Nov-05\nPrint | E-mail this article",
    "Reporting Central Asia No. 412, 03-Nov-05",
])
def test_f11_old_page_head_edition_line_fills_the_newsletter(head):
    (art,) = _articles(_OLD_PAGE.format(head=head))
    assert art["newsletter"] == {"title": "Reporting Central Asia", "issue": 412, "date": "2005-11-03"}
    assert art["headline"] == "UZBEK TRADERS COUNT COST OF BORDER CLOSURE"
    assert art["body"].startswith("Traders in Tashkent") and art["notes"].startswith("Galima Bukharbaeva is")


def test_f11_prose_whose_second_line_looks_like_an_edition_is_no_header():
    text = _OLD_PAGE.format(head="The council met on Monday and passed the resolution known\nUN No. 1244, June 10, 1999")
    (art,) = _articles(text)
    assert art["newsletter"]["issue"] is None
