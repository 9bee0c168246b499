"""`iwpr split` on the held-out review's findings (docs/split-heldout-findings.md), second round:
one test per finding shape, from its smallest input, with a variant or two."""

from __future__ import annotations

import pytest

from iwpr_extract.editions import parse_edition_header
from iwpr_extract.split import split_text


from conftest import split_articles as _articles, split_kinds as _kinds


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
    assert _kinds(text) == ["chrome", "article"]  # site title and breadcrumb


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


# --- F2 / F8 / F15: the 2008-15 pages' edition block and date line ---------------------------------------

_AR_PAGE = (
    "Kenya Land Claims Stall in Rift Valley\n\n"
    "Families displaced in the 2008 violence are still waiting for land.\n\n"
    "By Tom Maliti in Nairobi\n\n"
    "{edition}\n\n"
    "Thousands of families who fled their farms are still in camps.\n\n"
    "A government spokesman said new land would be found.\n\n"
    "Tom Maliti is an IWPR-trained reporter in Nairobi.\n"
)


@pytest.mark.parametrize("edition, expected", [
    ("Africa Reports Issue 255,\n21 Jan 10", {"title": "Africa Reports", "issue": 255, "date": "2010-01-21"}),
    ("Africa Reports Issue 255, 21 Jan 10", {"title": "Africa Reports", "issue": 255, "date": "2010-01-21"}),
    ("BRS Issue 45,\n14 Sep 12", {"title": "Belarus Reporting Service", "issue": 45, "date": "2012-09-14"}),
    ("ICR Issue 320,\n21 January 2010", {"title": "Iraq Crisis Report", "issue": 320, "date": "2010-01-21"}),
    ("Caucasus Reporting Service Issue 547,\n15 Jun 10",
     {"title": "Caucasus Reporting Service", "issue": 547, "date": "2010-06-15"}),
])
def test_f2_issue_block_under_the_byline_is_the_newsletter_not_body(edition, expected):
    (art,) = _articles(_AR_PAGE.format(edition=edition))
    assert art["newsletter"] == expected
    assert art["headline"] == "Kenya Land Claims Stall in Rift Valley"
    assert art["byline"] == "By Tom Maliti in Nairobi"
    assert art["body"] == ("Thousands of families who fled their farms are still in camps.\n\n"
                           "A government spokesman said new land would be found.")
    assert art["notes"] == "Tom Maliti is an IWPR-trained reporter in Nairobi."
    recs = split_text(_AR_PAGE.format(edition=edition).replace("\n", "\r\n"), "t")
    assert recs[0]["newsletter"] == expected and recs[0]["body"].startswith("Thousands")


def test_f2_issue_in_prose_is_no_edition():
    text = _AR_PAGE.format(edition="The key issue 5 years on is land, officials in Nairobi say, not money.")
    (art,) = _articles(text)
    assert art["newsletter"]["issue"] is None and art["body"].startswith("The key issue")


_GV_PAGE = (
    "Syria: Living Under Siege in Homs\n\n"
    "Residents of the old city describe months without food or medicine.\n\n"
    "By Abdulhamid Ahmad\n{date}\n\n"
    "Syria Reporting\nIssue 218\n\n"
    "The last bakery in the old city closed in August.\n\n"
    '"We eat grass and leaves," one resident said.\n\n'
    "Abdulhamid Ahmad is the pseudonym of a journalist in Homs.\n"
)


@pytest.mark.parametrize("date", ["14 Nov 13", "14 November 2013", "14-Nov-13", "November 14, 2013"])
def test_f8_date_line_under_the_byline_and_title_issue_block(date):
    (art,) = _articles(_GV_PAGE.format(date=date))
    assert art["byline"] == "By Abdulhamid Ahmad"
    assert art["newsletter"] == {"title": "Syria Reporting", "issue": 218, "date": "2013-11-14"}
    assert art["body"].startswith("The last bakery") and "Issue 218" not in art["body"]
    assert art["notes"] == "Abdulhamid Ahmad is the pseudonym of a journalist in Homs."


def test_f8_date_line_as_its_own_block_under_the_byline():
    text = _GV_PAGE.format(date="").replace("By Abdulhamid Ahmad\n\n", "By Abdulhamid Ahmad\n\n14 Nov 13\n\n")
    (art,) = _articles(text)
    assert art["byline"] == "By Abdulhamid Ahmad"
    assert art["newsletter"] == {"title": "Syria Reporting", "issue": 218, "date": "2013-11-14"}


_CRS_DATED_PAGE = (
    "Home > Caucasus > Georgia\n\n{date}\n\n"
    "Georgian Farmers Count Cost of Drought\n\n"
    "By Nino Gerliani in Tbilisi\n\n"
    "Caucasus Reporting Service Issue 547,\n15 Jun 10\n\n"
    "Farmers in the Kakheti region say the drought has destroyed half of this year's grape harvest.\n\n"
    "Nino Gerliani is a freelance journalist.\n"
)


@pytest.mark.parametrize("date", ["15 Jun 10", "15 June 2010", "June 15, 2010", "Tuesday, June 15, 2010"])
def test_f15_page_date_line_above_the_headline_is_no_headline(date):
    (art,) = _articles(_CRS_DATED_PAGE.format(date=date))
    assert art["headline"] == "Georgian Farmers Count Cost of Drought"
    assert art["standfirst"] is None
    assert art["newsletter"] == {"title": "Caucasus Reporting Service", "issue": 547, "date": "2010-06-15"}
    assert art["body"].startswith("Farmers in the Kakheti")


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_zcr_page_head_title_issue_and_date_above_the_headline(sep):
    text = (
        f"Zimbabwe Crisis Report{sep}ZCR Issue 195,{sep}12 Jun 09\n\n"
        "Harare Hospitals Turn Away Patients\n\n"
        "Doctors say they have no drugs and no staff.\n\n"
        "By IWPR staff in Harare\n\n"
        "Patients arriving at Parirenyatwa hospital are being sent home.\n\n"
        "The health ministry says new supplies are on the way.\n"
    )
    (art,) = _articles(text)
    assert art["newsletter"] == {"title": "Zimbabwe Crisis Report", "issue": 195, "date": "2009-06-12"}
    assert art["headline"] == "Harare Hospitals Turn Away Patients"


@pytest.mark.parametrize("line, expected", [
    ("Africa Reports Issue 255,", ("Africa Reports", 255, None)),
    ("BRS Issue 45, 14 Sep 12", ("Belarus Reporting Service", 45, "2012-09-14")),
    ("ELECTION ISSUE 2 WEEKS AWAY", None),
    ("KOSOVO: ISSUE 5 REMAINS OPEN", None),
])
def test_issue_marker_in_edition_lines(line, expected):
    parsed = parse_edition_header(line)
    assert (parsed and (parsed["title"], parsed["issue"], parsed["date"])) == expected if expected else parsed is None


# --- F3: a page head copied with no blank lines --------------------------------------------------------

_BRS_PAGE = (
    "IWPR - Institute for War & Peace Reporting\n"
    "Home > Europe > Belarus\n"
    "Belarus Opposition Divided Over Poll Boycott\n"
    "Some parties say taking part only legitimises a rigged vote.\n"
    "{edition}"
    "(Photo: Andrei Liankevich/IWPR)\n"
    "By Yuras Karmanau in Minsk\n"
    "Opposition parties in Belarus cannot agree whether to stand candidates in\n"
    "this month's parliamentary election or stay away.\n\n"
    "The United Civic Party has withdrawn its candidates.\n\n"
    "Yuras Karmanau is a journalist in Minsk.\n"
)


@pytest.mark.parametrize("edition, expected", [
    ("Belarus Reporting Service\nBRS Issue 45,\n14 Sep 12\n", ("Belarus Reporting Service", 45, "2012-09-14")),
    ("BRS Issue 45, 14 Sep 12\n", ("Belarus Reporting Service", 45, "2012-09-14")),
    ("Belarus Reporting Service\n", ("Belarus Reporting Service", None, None)),
    ("", (None, None, None)),
])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_f3_single_spaced_page_head_is_cut_line_by_line(edition, expected, eol):
    text = _BRS_PAGE.format(edition=edition).replace("\n", eol)
    recs = split_text(text, "t", all_segments=True)
    (art,) = [r for r in recs if r["kind"] == "article"]
    assert art["headline"] == "Belarus Opposition Divided Over Poll Boycott"
    assert art["standfirst"] == "Some parties say taking part only legitimises a rigged vote."
    assert art["captions"] == ["(Photo: Andrei Liankevich/IWPR)"]
    assert art["byline"] == "By Yuras Karmanau in Minsk"
    assert (art["newsletter"]["title"], art["newsletter"]["issue"], art["newsletter"]["date"]) == expected
    assert art["body"].startswith("Opposition parties in Belarus cannot agree")
    assert art["notes"] == "Yuras Karmanau is a journalist in Minsk."
    assert [r["kind"] for r in recs] == ["chrome", "article"]
    assert "".join(r["text"] for r in recs) == text


def test_f3_single_spaced_email_head_with_wrapped_standfirst_keeps_its_lines_together():
    text = (
        "KOSOVO: THE LONG ROAD HOME\n"
        "Refugees pour back across the border from Macedonia, many of them\n"
        "to find their houses burned.\n"
        "By Ylber Hysa in Pristina\n"
        "Tens of thousands of Kosovo Albanians crossed back from Macedonia this week.\n"
        "NATO troops have struggled to keep pace with the returns, aid workers in Pristina say.\n\n"
        "Ylber Hysa is a regular IWPR contributor.\n"
    )
    (art,) = _articles(text)
    assert art["headline"] == "KOSOVO: THE LONG ROAD HOME"
    assert art["standfirst"] == ("Refugees pour back across the border from Macedonia, many of them "
                                 "to find their houses burned.")
