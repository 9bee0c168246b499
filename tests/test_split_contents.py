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


# --- F16: bullet-list contents "- HEADLINE - Credit in Place" -------------------------------------------------


def test_f16_bullet_contents_with_dash_before_the_credit():
    text = ("REPORTING CENTRAL ASIA, No. 300, July 30, 2004\n\nIN THIS ISSUE:\n\n"
            "- KYRGYZ VOTE FEARS - Aziz Soltobaev in Bishkek\n- TAJIK MIGRANTS - IWPR staff in Dushanbe\n\n"
            "**************\n\nKYRGYZ VOTE FEARS\n\nBy Aziz Soltobaev in Bishkek\n\n"
            "Officials in Bishkek say the vote will be free and fair, but the opposition is not convinced.\n\n"
            "Aziz Soltobaev is an IWPR contributor.\n")
    assert [(e["headline"], e["standfirst"], e["byline"]) for e in entries(text)] == [
        ("KYRGYZ VOTE FEARS", None, "Aziz Soltobaev in Bishkek"), ("TAJIK MIGRANTS", None, "IWPR staff in Dushanbe")]


def test_f16_variants_bullets_dashes_and_by_credits():
    assert parse_toc_entry(["KYRGYZ VOTE FEARS – By Aziz Soltobaev in Bishkek"]) == {
        "headline": "KYRGYZ VOTE FEARS", "standfirst": None, "byline": "By Aziz Soltobaev in Bishkek"}
    assert parse_toc_entry(["GEORGIA: PANKISI FEARS - Villagers expect new raids. - Zaza Baazov in Tbilisi"]) == {
        "headline": "GEORGIA: PANKISI FEARS", "standfirst": "Villagers expect new raids.", "byline": "Zaza Baazov in Tbilisi"}
    text = ("CAUCASUS REPORTING SERVICE, No. 250, October 7, 2004\r\n\r\nCONTENTS\r\n\r\n"
            "* GEORGIA: PANKISI FEARS -- Zaza Baazov in Tbilisi\r\n"
            "* ARMENIA: PROTESTS SHAKEN BY ARRESTS -- Karine Ter-Sahakian in Yerevan\r\n"
            "* AZERBAIJAN: OIL MONEY - Comment by Thomas de Waal\r\n")
    assert [(e["headline"], e["byline"]) for e in entries(text)] == [
        ("GEORGIA: PANKISI FEARS", "Zaza Baazov in Tbilisi"),
        ("ARMENIA: PROTESTS SHAKEN BY ARRESTS", "Karine Ter-Sahakian in Yerevan"),
        ("AZERBAIJAN: OIL MONEY", "Comment by Thomas de Waal")]


def test_f16_a_dash_inside_a_headline_or_standfirst_is_kept():
    entry = parse_toc_entry(["KOSOVO - THE LONG ROAD HOME", "Refugees return - but to what?", "By Ylber Hysa in Pristina"])
    assert entry == {"headline": "KOSOVO - THE LONG ROAD HOME", "standfirst": "Refugees return - but to what?",
                     "byline": "By Ylber Hysa in Pristina"}


# --- F23: "HEADLINE: Standfirst." on one contents line ------------------------------------------------------


def test_f23_colon_between_caps_label_and_standfirst_is_not_in_the_headline():
    text = ("BALKAN CRISIS REPORT, No. 250, June 9, 2001\n\nCONTENTS:\n\n"
            "KOSOVO RETURNS: Refugees pour back across the border.\nSERBIA PROTESTS: Opposition rallies in Cacak.\n\n"
            "**********\n\nKOSOVO RETURNS\n\nRefugees pour back across the border.\n\nBy Ylber Hysa in Pristina\n\n"
            "Tens of thousands of Kosovo Albanians crossed back from Macedonia this week.\n")
    assert [(e["headline"], e["standfirst"]) for e in entries(text)] == [
        ("KOSOVO RETURNS", "Refugees pour back across the border."), ("SERBIA PROTESTS", "Opposition rallies in Cacak.")]
    assert parse_toc_entry(["IRAQ: SHIA VOTE: Clerics urge a big turnout.  By Hiwa Osman in Baghdad"]) == {
        "headline": "IRAQ: SHIA VOTE", "standfirst": "Clerics urge a big turnout.", "byline": "By Hiwa Osman in Baghdad"}


# --- F10 addendum: " BY " inside a capitals headline in the contents ------------------------------------------


def test_f10_contents_headline_with_by_inside_is_one_entry():
    text = ("BALKAN CRISIS REPORT, No. 200, January 12, 2001\n\nCONTENTS:\n\n"
            "KOSOVO: SERB VILLAGE HIT BY MORTAR FIRE\nThree people were wounded in the attack near Gnjilane.\n"
            "By Ylber Hysa in Pristina\n\n"
            "SERBIA: CACAK RALLY BLOCKED BY SERB POLICE  Opposition supporters were turned back.  "
            "By Dragan Todorovic in Belgrade\n\n"
            "MACEDONIA: TALKS SNUBBED BY ALBANIAN\nPARTIES\nBy Ana Petruseva in Skopje\n\n**********\n\n"
            "Three people were wounded in the attack near Gnjilane.\n\nBy Ylber Hysa in Pristina\n\n"
            "Mortar rounds landed in the village of Cernica late on Tuesday night, wounding three people.\n")
    assert [(e["headline"], e["standfirst"], e["byline"]) for e in entries(text)] == [
        ("KOSOVO: SERB VILLAGE HIT BY MORTAR FIRE", "Three people were wounded in the attack near Gnjilane.",
         "By Ylber Hysa in Pristina"),
        ("SERBIA: CACAK RALLY BLOCKED BY SERB POLICE", "Opposition supporters were turned back.",
         "By Dragan Todorovic in Belgrade"),
        ("MACEDONIA: TALKS SNUBBED BY ALBANIAN PARTIES", None, "By Ana Petruseva in Skopje")]
    assert articles(text)[0]["headline"] == "KOSOVO: SERB VILLAGE HIT BY MORTAR FIRE"


def test_f27_a_capitals_line_opening_with_its_own_label_starts_a_new_headline():
    text = ("BALKAN CRISIS REPORT, No. 150, June 9, 2000\n\nCONTENTS:\n\n"
            "SPECIAL REPORT\nKOSOVO: THE LONG ROAD HOME\nRefugees pour back across the border.\n"
            "By Ylber Hysa in Pristina\n\n"
            "SERBIA: OPPOSITION RALLIES IN CACAK AS PROTESTS\nSPREAD\nBy Dragan Todorovic in Belgrade\n")
    assert [(e["headline"], e["standfirst"], e["byline"], e["section"]) for e in entries(text)] == [
        ("KOSOVO: THE LONG ROAD HOME", "Refugees pour back across the border.", "By Ylber Hysa in Pristina",
         "SPECIAL REPORT"),
        ("SERBIA: OPPOSITION RALLIES IN CACAK AS PROTESTS SPREAD", None, "By Dragan Todorovic in Belgrade",
         "SPECIAL REPORT")]


def test_f28_unsigned_entry_right_above_a_credited_one_in_the_same_block():
    text = ("BALKAN CRISIS REPORT, No. 150, June 9, 2000\n\nCONTENTS:\n\n"
            "EDITORIAL: A YEAR OF TRANSITION\nKOSOVO: THE LONG ROAD HOME\nBy Ylber Hysa in Pristina\n\n"
            f"*****\n\n{EDITORIAL}\n*****\n\n{ARTICLE}\n*****\n\n{MASTHEAD}")
    assert [(e["headline"], e["byline"], e["section"]) for e in entries(text)] == [
        ("EDITORIAL: A YEAR OF TRANSITION", None, None), ("KOSOVO: THE LONG ROAD HOME", "By Ylber Hysa in Pristina", None)]
    assert [a["headline"] for a in articles(text)] == ["EDITORIAL: A YEAR OF TRANSITION", "KOSOVO: THE LONG ROAD HOME"]
