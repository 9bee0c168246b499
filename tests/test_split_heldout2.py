"""`iwpr split` on the second held-out review's findings (docs/split-heldout-findings.md): contents
entries and unsigned pieces.  One test per finding shape, from its smallest input, plus variants."""

from __future__ import annotations

from iwpr_extract.split import parse_toc_entry, split_text


def segments(text: str) -> list[dict]:
    return list(split_text(text, "t.txt", all_segments=True))


def entries(text: str) -> list[dict]:
    return [e for r in segments(text) if r["kind"] == "toc" for e in r["entries"]]


def articles(text: str) -> list[dict]:
    return [r for r in segments(text) if r["kind"] == "article"]


# --- F27: a contents headline in capitals wrapped over two lines ------------------------------------------


def test_f27_wrapped_caps_headline_in_contents_entry():
    entry = parse_toc_entry(["KYRGYZSTAN: OPPOSITION LEADERS VOW TO CONTINUE PROTESTS DESPITE",
                             "GOVERNMENT BAN",
                             "Authorities cite security fears as protest leaders vow to go",
                             "ahead with the rally next week.",
                             "By Inga Sikorskaya in Bishkek"])
    assert entry == {"headline": "KYRGYZSTAN: OPPOSITION LEADERS VOW TO CONTINUE PROTESTS DESPITE GOVERNMENT BAN",
                     "standfirst": "Authorities cite security fears as protest leaders vow to go ahead with the rally next week.",
                     "byline": "By Inga Sikorskaya in Bishkek"}


def test_f27_variants_three_lines_no_standfirst_crlf_and_by_in_headline():
    entry = parse_toc_entry(["IRAQ: SHIA LEADERS WARN THAT ELECTIONS", "DELAYED BY VIOLENCE WILL", "FUEL UNREST",
                             "By Hiwa Osman in Baghdad"])
    assert entry == {"headline": "IRAQ: SHIA LEADERS WARN THAT ELECTIONS DELAYED BY VIOLENCE WILL FUEL UNREST",
                     "standfirst": None, "byline": "By Hiwa Osman in Baghdad"}
    text = ("CAUCASUS REPORTING SERVICE, No. 250, October 7, 2004\r\n\r\nIN THIS ISSUE:\r\n\r\n"
            "GEORGIA: VILLAGERS IN PANKISI GORGE FEAR RENEWED\r\nFIGHTING\r\n"
            "Residents say armed men are back in the hills.\r\nBy Zaza Baazov in Tbilisi\r\n\r\n"
            "ARMENIA: PROTESTS SHAKEN BY ARRESTS\r\nOpposition supporters detained.\r\nKarine Ter-Sahakian in Yerevan\r\n")
    assert [(e["headline"], e["standfirst"], e["byline"]) for e in entries(text)] == [
        ("GEORGIA: VILLAGERS IN PANKISI GORGE FEAR RENEWED FIGHTING", "Residents say armed men are back in the hills.",
         "By Zaza Baazov in Tbilisi"),
        ("ARMENIA: PROTESTS SHAKEN BY ARRESTS", "Opposition supporters detained.", "Karine Ter-Sahakian in Yerevan"),
    ]


def test_f27_a_credit_in_capitals_after_the_headline_is_no_headline_line():
    entry = parse_toc_entry(["KOSOVO: THE LONG ROAD HOME", "BY YLBER HYSA IN PRISTINA"])
    assert entry["headline"] == "KOSOVO: THE LONG ROAD HOME"
    assert entry["byline"] == "BY YLBER HYSA IN PRISTINA"
