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


# --- F28: an unsigned piece the contents name ----------------------------------------------------------------

ARTICLE = ("KOSOVO: THE LONG ROAD HOME\n\nBy Ylber Hysa in Pristina\n\n"
           "Tens of thousands of Kosovo Albanians crossed back from Macedonia this week, many of them to find "
           "their houses burned.\n\nNATO troops have struggled to keep pace.\n\n"
           "Ylber Hysa is a regular IWPR contributor.\n")
EDITORIAL = ("EDITORIAL: A YEAR OF TRANSITION\n\n"
             "Twelve months after the war, Kosovo has a UN administration, a NATO force and a great deal of "
             "uncertainty about what comes next.\n\n"
             "The international community must decide soon what it wants the province to become.\n")
MASTHEAD = "BALKAN CRISIS REPORT is produced by the Institute for War & Peace Reporting.\n"


def test_f28_unsigned_editorial_named_by_the_contents_is_an_article():
    text = ("BALKAN CRISIS REPORT, No. 150, June 9, 2000\n\nCONTENTS:\n\n"
            "KOSOVO: THE LONG ROAD HOME\nBy Ylber Hysa in Pristina\n\nEDITORIAL: A YEAR OF TRANSITION\n\n"
            f"*****\n\n{ARTICLE}\n*****\n\n{EDITORIAL}\n*****\n\n{MASTHEAD}")
    segs = segments(text)
    assert "".join(r["text"] for r in segs) == text
    assert [(e["headline"], e["byline"]) for e in entries(text)] == [
        ("KOSOVO: THE LONG ROAD HOME", "By Ylber Hysa in Pristina"), ("EDITORIAL: A YEAR OF TRANSITION", None)]
    arts = articles(text)
    assert len(arts) == 2
    ed = arts[1]
    assert (ed["headline"], ed["standfirst"], ed["byline"], ed["notes"]) == ("EDITORIAL: A YEAR OF TRANSITION", None, None, None)
    assert ed["body"].startswith("Twelve months after the war") and ed["body"].endswith("province to become.")
    assert ed["body"].count("\n\n") == 1
    assert ed["newsletter"]["issue"] == 150
    assert "BALKAN CRISIS REPORT is produced" not in ed["text"]


def test_f28_variants_unsigned_piece_first_with_standfirst_crlf_and_entry_in_middle():
    comment = ("IWPR COMMENT: THE TRIBUNAL'S LAST YEARS\n\nThe court must finish its work.\n\n"
               "The tribunal's judges have been told to finish their trials by the end of the decade, and the "
               "prosecutors are already cutting cases.\n\nThat deadline will not be met.\n")
    text = ("TRIBUNAL UPDATE, No. 300, March 14, 2003\n\nIN THIS ISSUE:\n\n"
            "IWPR COMMENT: THE TRIBUNAL'S LAST YEARS\nThe court must finish its work.\n\n"
            "KOSOVO: THE LONG ROAD HOME\nBy Ylber Hysa in Pristina\n\n"
            f"- - - - - - - - -\n\n{comment}\n- - - - - - - - -\n\n{ARTICLE}\n- - - - - - - - -\n\n{MASTHEAD}")
    text = text.replace("\n", "\r\n")
    assert [(e["headline"], e["standfirst"], e["byline"], e["section"]) for e in entries(text)] == [
        ("IWPR COMMENT: THE TRIBUNAL'S LAST YEARS", "The court must finish its work.", None, None),
        ("KOSOVO: THE LONG ROAD HOME", None, "By Ylber Hysa in Pristina", None)]
    arts = articles(text)
    assert [(a["headline"], a["standfirst"], a["byline"]) for a in arts] == [
        ("IWPR COMMENT: THE TRIBUNAL'S LAST YEARS", "The court must finish its work.", None),
        ("KOSOVO: THE LONG ROAD HOME", None, "By Ylber Hysa in Pristina")]
    assert arts[0]["body"].startswith("The tribunal's judges") and arts[0]["body"].endswith("will not be met.")


def test_f28_a_lone_contents_line_between_entries_is_an_entry_when_an_unsigned_piece_has_it():
    text = ("BALKAN CRISIS REPORT, No. 150, June 9, 2000\n\nCONTENTS:\n\n"
            "EDITORIAL: A YEAR OF TRANSITION\n\nKOSOVO: THE LONG ROAD HOME\nBy Ylber Hysa in Pristina\n\n"
            f"*****\n\n{EDITORIAL}\n*****\n\n{ARTICLE}\n*****\n\n{MASTHEAD}")
    assert [(e["headline"], e["byline"], e["section"]) for e in entries(text)] == [
        ("EDITORIAL: A YEAR OF TRANSITION", None, None), ("KOSOVO: THE LONG ROAD HOME", "By Ylber Hysa in Pristina", None)]
    assert [a["headline"] for a in articles(text)] == ["EDITORIAL: A YEAR OF TRANSITION", "KOSOVO: THE LONG ROAD HOME"]


def test_f28_a_capitals_line_the_contents_do_not_name_stays_promo():
    text = ("BALKAN CRISIS REPORT, No. 150, June 9, 2000\n\nCONTENTS:\n\n"
            "KOSOVO: THE LONG ROAD HOME\nBy Ylber Hysa in Pristina\n\n"
            f"*****\n\n{ARTICLE}\n*****\n\nNEW IWPR TRAINING COURSE\n\n"
            "IWPR is running a training course for journalists in Skopje next month, with places for twenty.\n\n"
            "Write to the editor for details.\n\n*****\n\n{MASTHEAD}")
    assert len(articles(text)) == 1
