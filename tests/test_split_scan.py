"""split's whole-text scans stand in for asking every block: they must find exactly what the
block-by-block tests find, on any text."""

from __future__ import annotations

from hypothesis import assume, given, settings, strategies as st

from iwpr_extract import split as S
from iwpr_extract.textutil import blocks_of

# pieces of lines that set off the cues, mixed with prose, odd spaces and letters that change case
_PIECES = st.sampled_from([
    "By Asyl Osmonalieva in Bishkek", "Ainagul Abdrakhmanova in Bishkek", "Jo Doe reports from Osh", "IWPR staff in Baku", "Comment by Jo Doe",
    "BALKAN CRISIS REPORT", "No. 50, 21 June 1999", "REPORTING CENTRAL ASIA, No. 539, 2 April, 2008",
    "NEWS IN BRIEF", "- In Brief -", "Related articles", "Tags: Kyrgyzstan", "More IWPR's Global Voices",
    "Home | News | Analysis", "Home > Africa > Zimbabwe", "IWPR | Institute", "From: a@b.c", "Subject: x",
    "X-Mailer: y", "*****", "- - - - -", "ISSN 1477-7924", "Editor-in-chief: Anthony Borden", "Not now",
    "The talks went on.", "in the north", "no", "Now", " ", "  ", "\t", "\u00a0", "ı", "ſubject: x", "ﬂ", "K",
    "Σ", "İ", "’", "a", "Z", ":", "|", ">", "»",
    "Copyright laws", "Copyright (c) 2004", "ISSN numbers", "Editor-in-chief Veton Surroi said", "Comments (3)",
    "Twitter Facebook Email", "Share", "Google+", "* Previous message: [BCR] x", "More information about the BCR mailing list",
    "http://lists.iwpr.net/mailman/listinfo/crs", "majordomo@iwpr.net", "From crs@iwpr.net  Fri May 30 14:02:00 2003",
    "Most Popular", "Follow us on Twitter", "Print", "laws", "the paper.",
])
_LINE = st.lists(_PIECES, min_size=0, max_size=4).map(" ".join)
_TEXT = st.lists(st.tuples(_LINE, st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\n\n\n"])),
                 max_size=12).map(lambda parts: "".join(line + end for line, end in parts))


def _scanned(text):
    """The text's scan and final blocks (texts the scans cannot read take the block-by-block path)."""
    view = S._scan_view(text)
    assume(view is not None)
    scan = S._Scan(text, view)
    blocks = S._text_blocks(text, scan, view)
    scan.index(blocks)
    return scan, blocks


@settings(max_examples=400)
@given(_TEXT)
def test_terminator_scan_finds_exactly_the_terminators(text):
    scan, blocks = _scanned(text)
    found = scan.terminators(blocks)
    if found is None:  # a letter that upper-cases to other letters: blocks are asked one by one
        assert any(c in text for c in S._CASE_SHIFTERS)
        return
    assert found == [i for i, b in enumerate(blocks) if S._terminator_cue(b)]


@settings(max_examples=400)
@given(_TEXT)
def test_anchor_candidates_hold_every_byline(text):
    scan, blocks = _scanned(text)
    candidates = set(scan.anchor_candidates(blocks))
    assert {i for i, b in enumerate(blocks) if S._is_byline_block(b)} <= candidates


@settings(max_examples=400)
@given(_TEXT)
def test_may_terminate_holds_for_every_terminator(text):
    for block in blocks_of(text):
        if S._terminator_cue(block):
            assert S._may_terminate(block)


@settings(max_examples=200)
@given(_TEXT)
def test_footer_marks_equal_the_block_by_block_test(text):
    scan, blocks = _scanned(text)
    assert [S._is_footer_block(b) for b in blocks] == [S._footer_cue(b) for b in blocks]


_WORDS = st.sampled_from(["Kabul", "talks", "went", "on.", "the", "Ata-", "Jurt", "said:", "(Photo: AFP)", "KABUL, 12 March",
                          "end.”", "and", "-", "x", "Ü", "\u00a0", "\t", "é."])
_BODY_LINE = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
_BODY = st.lists(st.tuples(_BODY_LINE, st.sampled_from(["\n", " \n", "\n ", "  \n", "\n\n", " \n\n", "\n\n ", "\n\n\n", "\r\n", "\r\n\r\n", "\r"])),
                 min_size=1, max_size=14).map(lambda parts: "".join(line + end for line, end in parts))


@settings(max_examples=600)
@given(_BODY)
def test_plain_paragraphs_equal_the_block_by_block_grouping(text):
    body = blocks_of(text)
    plain = S._plain_paragraphs(body)
    if plain is not None:
        assert plain == [S._group_text(group) for group in S._paragraph_groups(body)]
