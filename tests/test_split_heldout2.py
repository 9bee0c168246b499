"""`iwpr split` on held-out shapes of blank lines, bylines and paragraphs (docs/split-heldout-findings.md): each test is
a finding's smallest input and a variant or two, with the expectation written before the fix."""

from __future__ import annotations

import pytest

from iwpr_extract.split import split_text
from iwpr_extract.textutil import blocks_of


from conftest import assert_lossless as lossless, split_articles as arts, split_kinds as kinds


# --- blocks, bylines and paragraphs (branch heads) -------------------------------------------------------

BCR_ONE = (
    "BALKAN CRISIS REPORT, No. 200, January 12, 2001\n{s}\n"
    "KOSOVO: THE LONG ROAD HOME\n{s}\n"
    "Refugees pour back across the border from Macedonia.\n{s}\n"
    "By Ylber Hysa in Pristina\n{s}\n"
    "Tens of thousands of Kosovo Albanians crossed back from Macedonia this week, many of them to find their houses burned.\n{s}\n"
    "NATO troops have struggled to keep pace.\n{s}\n"
    "Ylber Hysa is a regular IWPR contributor.\n"
)


def assert_bcr_one(text: str) -> None:
    recs = split_text(text, "t", all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article"]
    art = recs[1]
    assert art["newsletter"] == {"title": "Balkan Crisis Report", "issue": 200, "date": "2001-01-12"}
    assert art["headline"] == "KOSOVO: THE LONG ROAD HOME"
    assert art["standfirst"] == "Refugees pour back across the border from Macedonia."
    assert art["byline"] == "By Ylber Hysa in Pristina"
    assert art["body"].startswith("Tens of thousands of Kosovo Albanians")
    assert art["body"].endswith("\n\nNATO troops have struggled to keep pace.")
    assert art["notes"] == "Ylber Hysa is a regular IWPR contributor."
    assert "".join(r["text"] for r in recs) == text
    assert "warnings" not in art


@pytest.mark.parametrize(
    "spacer",
    ["\u00a0", " \u00a0 ", "&nbsp;", "&#160;", "\u200b", "\ufeff", "\u3000", "\u202f\t", "&nbsp;&nbsp;", "\u00a0&nbsp;", "&nbsp;\n", "\n&nbsp;", "&#160;\n\n"],
)
def test_f26_blank_lines_of_unicode_spaces_or_nbsp_entities_are_blank(spacer):
    assert_bcr_one(BCR_ONE.format(s=spacer))


@pytest.mark.parametrize("spacer", ["\u00a0", "&nbsp;", "\u200b"])
def test_f26_crlf_and_lone_cr_too(spacer):
    text = BCR_ONE.format(s=spacer)
    assert_bcr_one(text.replace("\n", "\r\n"))
    assert_bcr_one(text.replace("\n", "\r"))


def test_f26_block_spans_still_index_the_original_text():
    text = "\u00a0\nfirst line\nsecond\n&nbsp;\n\u200b\nthird\n\u00a0"
    blocks = blocks_of(text)
    assert [text[b.start : b.end] for b in blocks] == ["first line\nsecond", "third"]
    assert [b.gap_before for b in blocks] == [1, 2]


def test_f26_nbsp_inside_a_line_is_not_a_blank_line():
    # a line that holds text besides the spaces is text ("&nbsp;" left in prose is not a paragraph break)
    blocks = blocks_of("one&nbsp;two\n\u00a0x\nthree")
    assert len(blocks) == 1


F14_HEAD = "CHECHNYA: BESLAN AFTERMATH\nMoscow tightens control of the North Caucasus.\nBy Musa Muradov in Grozny\n\n"
F14_BODY = (
    "The Kremlin has announced new powers for its envoy after the school siege in Beslan.\n\n"
    "Officials in Grozny welcomed the move.\n\n"
    "Others say it will change nothing on the ground in the republic.\n\n"
)
F14_BIO = "Musa Muradov is editor of Grozny Inform.\n"


def assert_f14_article(art: dict, paragraphs: int) -> None:
    assert art["headline"] == "CHECHNYA: BESLAN AFTERMATH"
    assert art["standfirst"] == "Moscow tightens control of the North Caucasus."
    assert art["byline"] == "By Musa Muradov in Grozny"
    assert art["body"].startswith("The Kremlin has announced new powers")
    assert art["body"].count("\n\n") == paragraphs - 1
    assert art["notes"] == "Musa Muradov is editor of Grozny Inform."
    assert "warnings" not in art


@pytest.mark.parametrize("header", ["CAUCASUS REPORTING SERVICE, No. 250, October 1, 2004\n\n", ""])
def test_f14_head_block_over_short_paragraphs_is_an_article(header):
    text = header + F14_HEAD + F14_BODY + F14_BIO
    found = arts(text)
    assert len(found) == 1
    assert_f14_article(found[0], 3)
    assert "toc" not in kinds(text)
    lossless(text)


@pytest.mark.parametrize("body", [
    "The Kremlin has announced new powers for its envoy.\n\n",  # one short paragraph, then the bio
    "The Kremlin has announced new powers.\n\n\u201cWe welcome it,\u201d an official said.\n\n",
])
def test_f14_variants_one_paragraph_quotes_crlf(body):
    text = "CAUCASUS REPORTING SERVICE, No. 250, October 1, 2004\n\n" + F14_HEAD + body + F14_BIO
    for variant in (text, text.replace("\n", "\r\n")):
        found = arts(variant)
        assert len(found) == 1
        assert_f14_article(found[0], body.count("\n\n"))


def test_f14_a_contents_entry_block_before_a_rule_is_still_contents():
    text = (
        "CAUCASUS REPORTING SERVICE, No. 250, October 1, 2004\n\n"
        + F14_HEAD
        + "GEORGIA: PANKISI TALKS\nTbilisi and Moscow meet again.\nBy Zaza Baazov in Tbilisi\n\n"
        + "Visit our website for more.\n\n"
        + "*****\n\n"
        + "CHECHNYA: BESLAN AFTERMATH\n\nMoscow tightens control of the North Caucasus.\n\nBy Musa Muradov in Grozny\n\n"
        + F14_BODY + F14_BIO
    )
    recs = split_text(text, "t", all_segments=True)
    assert [r["kind"] for r in recs][:2] == ["header", "toc"]
    assert len(recs[1]["entries"]) == 2
    found = [r for r in recs if r["kind"] == "article"]
    assert len(found) == 1
    assert_f14_article(found[0], 3)


F12 = (
    "BALKAN CRISIS REPORT, No. 200, January 12, 2001\n\nKOSOVO: THE LONG ROAD HOME\n\n"
    "Refugees pour back across the border from Macedonia.\n\n{byline}\n\n"
    "Tens of thousands of Kosovo Albanians crossed back from Macedonia this week, many of them to find their houses burned.\n\n"
    "NATO troops have struggled to keep pace.\n"
)


@pytest.mark.parametrize("byline", [
    "By Sahar, a reporter in Herat",
    "By Sahar, an IWPR-trained journalist in Herat",
    "By Mina, a correspondent",
    "By: Ylber Hysa",
    "By: Ylber Hysa in Pristina",
    "BY: YLBER HYSA IN PRISTINA",
    "From our correspondent in Pristina",
    "From an IWPR reporter in Pristina",
    "From a correspondent",
])
def test_f12_byline_shapes(byline):
    text = F12.format(byline=byline)
    recs = split_text(text, "t", all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article"]
    art = recs[1]
    assert art["byline"] == byline
    assert art["headline"] == "KOSOVO: THE LONG ROAD HOME"
    assert art["standfirst"] == "Refugees pour back across the border from Macedonia."
    assert art["newsletter"]["issue"] == 200
    assert art["body"].startswith("Tens of thousands")


@pytest.mark.parametrize("line", [
    "From Kabul to Kandahar the road is open.",
    "From Kabul",
    "By: the way, nobody came.",
    "By Sahar, a reporter in Herat, the police were told.",
])
def test_f12_prose_like_the_new_shapes_is_no_byline(line):
    from iwpr_extract.split import byline_text_ok

    assert not byline_text_ok(line)


def test_f12_fallback_keeps_the_header_and_the_caps_headline():
    # a credit split cannot read: the edition is one article, but the header stays a header
    text = F12.format(byline="Words and pictures: Ylber Hysa")
    recs = split_text(text, "t", all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article"]
    art = recs[1]
    assert art["newsletter"] == {"title": "Balkan Crisis Report", "issue": 200, "date": "2001-01-12"}
    assert art["headline"] == "KOSOVO: THE LONG ROAD HOME"
    assert art["body"].startswith("Refugees pour back")
    assert art["warnings"]
    lossless(text)
    assert [r["kind"] for r in split_text(text, "t")] == ["article"]


def test_plain_paragraphs_read_a_line_opening_on_a_no_break_space_as_the_blocks_do():
    # found by test_split_scan's property test: the plain path must see the stripped first line
    from iwpr_extract import split as S

    body = blocks_of("Kabul\n\n\u00a0 talks -\nKabul\n")
    assert S._plain_paragraphs(body) == [S._group_text(g) for g in S._paragraph_groups(body)]
