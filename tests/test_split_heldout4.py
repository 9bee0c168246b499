"""Fourth held-out round (branch split3): credits that end on an article, mastheads with no rule after
the last bio, "This publication was prepared under ..." notes."""

from iwpr_extract.split import byline_text_ok, split_text


def test_credit_ending_on_an_article_or_of_is_a_cut_sentence():
    assert not byline_text_ok("By May the")
    assert not byline_text_ok("By Kazakstan the")
    assert not byline_text_ok("By IWPR the of")
    assert byline_text_ok("By Jeta Xharra in Mitrovica")
    assert byline_text_ok("By Sahar, a reporter in Herat")


def test_by_month_the_at_a_line_end_stays_body():
    text = ("KOSOVO: SERBS WEIGH BOYCOTT\n\nLeaders in the north split over whether to stay away.\n\n"
            "By Jeta Xharra in Mitrovica\n\nSerb leaders were promised guarantees by the Democratic Party of\n"
            "Serbia and Democrats-Respublika. By May the\n\nguarantees had not arrived, and the council voted "
            "to reject any\ncooperation with Pristina.\n\nJeta Xharra is IWPR's Kosovo director.\n")
    articles = split_text(text)
    assert [a["byline"] for a in articles] == ["By Jeta Xharra in Mitrovica"]
    assert "Democrats-Respublika. By May the guarantees" in articles[0]["body"]


def test_publication_prepared_under_a_grant_is_a_note():
    text = ("Parties talk.\n\nBy Mina Habib in Kabul\n\nBody one is a sentence of the article.\n\n"
            "Mina Habib is an IWPR reporter in Kabul.\n\nThis publication was prepared under a grant from "
            "the US Embassy in Kabul.\n")
    [article] = split_text(text)
    assert article["body"] == "Body one is a sentence of the article."
    assert article["notes"].endswith("This publication was prepared under a grant from the US Embassy in Kabul.")


def test_a_paper_published_by_someone_in_a_body_is_no_masthead():
    text = ("Parties talk.\n\nBy Mina Habib in Kabul\n\nThe ministry closed two papers on Monday.\n"
            "The Kabul Times is published by the ministry of information, officials said.\n\n"
            "Mina Habib is an IWPR reporter in Kabul.\n")
    [article] = split_text(text, all_segments=False)
    assert article["body"].endswith("officials said.")
    assert article["notes"] == "Mina Habib is an IWPR reporter in Kabul."


def test_masthead_line_glued_under_the_funding_note_ends_the_notes():
    text = ("AFGHAN RECOVERY REPORT, No. 318, 23 April 2009\n\nParties talk.\n\nBy Mina Habib in Kabul\n\n"
            "Body one is a sentence of the article.\n\nMina Habib is an IWPR reporter in Kabul.\n\n"
            "This publication was prepared under a grant from the US Embassy in\nKabul.\n"
            "IWPR'S AFGHAN RECOVERY REPORT is produced by the Institute for War &\nPeace Reporting.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article", "footer"]
    assert recs[1]["notes"].endswith("from the US Embassy in Kabul.")
    assert recs[2]["text"].startswith("IWPR'S AFGHAN RECOVERY REPORT is produced")


def test_a_title_over_the_contents_heading_is_no_entry_headline_nor_section():
    # the first entry lost its headline and the start of its standfirst (a damaged e-mail)
    text = ("IRAQ CRISIS REPORT, No. 172, March 9, 2006\n\nIWPR'S IRAQ CRISIS REPORT\n\nCONTENTS:\n\n"
            "shrines is followed by a wave of reprisal killings.\nBy Zaineb Naji in Baghdad\n\n"
            "KIRKUK: TURKMEN DEMAND SHARE OF OIL JOBS\nCommunity leaders say they are shut out.\n"
            "By Hiwa Osman in Kirkuk\n")
    [toc] = [r for r in split_text(text, all_segments=True) if r["kind"] == "toc"]
    assert [(e["headline"], e["byline"], e["section"]) for e in toc["entries"]] == [
        (None, "By Zaineb Naji in Baghdad", None),
        ("KIRKUK: TURKMEN DEMAND SHARE OF OIL JOBS", "By Hiwa Osman in Kirkuk", None),
    ]


def test_contents_between_rules_under_the_header_are_a_toc_not_a_promo():
    rule = "*" * 53
    text = (f"AFGHAN RECOVERY REPORT, No. 318, 23 April 2009\n\n{rule}\n\nHELMAND FARMERS RETURN TO POPPY\n"
            "Wheat campaign falters as prices fall.\nBy Aziz Ahmad Tassal in Lashkar Gah\n\n"
            f"{rule}\n\nHELMAND FARMERS RETURN TO POPPY\n\nWheat campaign falters as prices fall.\n\n"
            "By Aziz Ahmad Tassal in Lashkar Gah\n\nFarmers in the Nad Ali district say they will sow opium "
            "poppy again.\n\nOfficials admit fewer than half of the bags arrived.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "other", "toc", "other", "article"]
    assert recs[2]["entries"][0]["byline"] == "By Aziz Ahmad Tassal in Lashkar Gah"


def test_a_promo_between_rules_under_the_header_stays_a_promo():
    rule = "*" * 53
    text = (f"AFGHAN RECOVERY REPORT, No. 318, 23 April 2009\n\n{rule}\n\nNEW IWPR WEBSITE\n"
            "Visit our new site at www.iwpr.net for daily news.\n\n{rule}\n\n".replace("{rule}", rule)
            + "HELMAND FARMERS RETURN TO POPPY\n\nWheat campaign falters as prices fall.\n\n"
            "By Aziz Ahmad Tassal in Lashkar Gah\n\nFarmers in the Nad Ali district say they will sow opium "
            "poppy again.\n\nOfficials admit fewer than half of the bags arrived.\n")
    assert [r["kind"] for r in split_text(text, all_segments=True)][:3] == ["header", "promo", "article"]


def test_a_contents_credit_that_lost_its_headline_and_standfirst_is_no_article():
    rule = "*" * 50
    text = ("CAUCASUS REPORTING SERVICE, No. 402, 2 August 2007\n\nCONTENTS\n\nBy Samira Ahmedbeyli in Baku\n\n"
            "ARMENIA: YEREVAN MARKET TRADERS EVICTED\nStallholders say compensation is a fraction of losses.\n"
            f"By Karine Ter-Sahakian in Yerevan\n\n{rule}\n\nAZERBAIJAN: JOURNALIST JAILED FOR LIBEL\n\n"
            "A court in Baku sentences an opposition editor to two years.\n\nBy Samira Ahmedbeyli in Baku\n\n"
            "The editor of the opposition weekly was sentenced on Tuesday to two years in prison.\n\n"
            "His lawyer said they would appeal.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "toc", "other", "article"]
    assert [e["headline"] for e in recs[1]["entries"]] == [None, "ARMENIA: YEREVAN MARKET TRADERS EVICTED"]
    assert recs[3]["headline"] == "AZERBAIJAN: JOURNALIST JAILED FOR LIBEL"


def test_a_header_line_glued_under_the_previous_editions_masthead_starts_the_next_edition():
    text = ("CAUCASUS REPORTING SERVICE, No. 402, 2 August 2007\n\nARMENIA: TRADERS EVICTED\n\n"
            "Stallholders say compensation is a fraction of their losses.\n\nBy Karine Ter-Sahakian in Yerevan\n\n"
            "Bulldozers moved into the Firdusi market in central Yerevan at dawn on Monday.\n\n"
            "Karine Ter-Sahakian is a correspondent for the PanArmenian news agency.\n"
            "IWPR's Caucasus Reporting Service is published by the Institute for War\n& Peace Reporting.\n"
            "AFGHAN RECOVERY REPORT, No. 260, 14 June 2007\n\nKUNDUZ: SCHOOL GIRLS POISONED\n\n"
            "Dozens taken to hospital after drinking well water.\n\nBy Abdul Rauf in Kunduz\n\n"
            "More than 60 schoolgirls were taken to hospital in Kunduz on Sunday.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article", "footer", "header", "article"]
    assert recs[1]["notes"] == "Karine Ter-Sahakian is a correspondent for the PanArmenian news agency."
    assert recs[4]["newsletter"] == {"title": "Afghan Recovery Report", "issue": 260, "date": "2007-06-14"}



def test_only_a_known_newsletters_header_line_is_cut_out_of_a_block():
    from iwpr_extract.split import _header_line_cuts
    assert _header_line_cuts("the governor said.\nORDER No. 7, 1 May 2003\n") == []
    assert _header_line_cuts("Reporting.\nIRAQ CRISIS REPORT, No. 172, March 9, 2006\n") == [11]
    assert _header_line_cuts("Reporting\nIRAQ CRISIS REPORT, No. 172, March 9, 2006\n") == []  # no sentence end above
