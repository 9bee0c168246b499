"""Fifth held-out round (branch splitq): page share bars one service to a line, notes glued under a
story's sentence, programmes "... Report is produced by" in a body, documents "DECREE No. 114" quoted in
a body, pages with no byline over the body, Balkan Insight as a known title."""

from iwpr_extract.split import split_text

PAGE_HEAD = ("Institute for War and Peace Reporting | Giving Voice, Driving Change\nSkip to main content\n"
             "Home | What We Do | Where We Work | News & Analysis\nHome > Global Voices > Syria\n\n")
ARTICLE = ("By Rami Suleiman in Aleppo\n\nThe queue outside the bakery starts to form at four in the morning,\n"
           "two hours before the first loaves come out.\n\nRami Suleiman is the pseudonym of a journalist in Aleppo.\n")


def _kinds(text: str) -> list[str]:
    return [r["kind"] for r in split_text(text, all_segments=True)]


# F32: a 2012-15 page copied from a browser: share bar one service to a line, skip link, label over date


def test_share_bar_one_service_to_a_line_keeps_headline_and_standfirst():
    text = ("Aleppo Bakers Work Through the Bombing\n\nBread ovens keep going despite shortages of flour.\n\n"
            "Share\nTweet\nEmail\nPrint\n\n" + ARTICLE)
    [article] = split_text(text)
    assert article["headline"] == "Aleppo Bakers Work Through the Bombing"
    assert article["standfirst"] == "Bread ovens keep going despite shortages of flour."
    assert article["byline"] == "By Rami Suleiman in Aleppo"


def test_a_short_list_of_words_that_are_not_services_is_no_share_bar():
    text = ("Aleppo Bakers Work Through the Bombing\n\nBread ovens keep going despite shortages of flour.\n\n"
            "Share\nTweet\nBread\nPrint\n\n" + ARTICLE)
    [article] = split_text(text)
    assert article["headline"] is None


def test_skip_link_in_the_site_head_is_chrome():
    assert _kinds(PAGE_HEAD + "Aleppo Bakers Work Through the Bombing\n\nBread ovens keep going.\n\n" + ARTICLE)[0] == "chrome"


def test_page_label_a_blank_line_over_the_date_is_the_articles():
    text = PAGE_HEAD + "Syria Stories\n\n21 Nov 2013\n\nAleppo Bakers Work Through the Bombing\n\nBread ovens keep going.\n\n" + ARTICLE
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["chrome", "article"]
    assert recs[1]["text"].startswith("Syria Stories\n\n21 Nov 2013")
    assert recs[1]["newsletter"]["date"] == "2013-11-21"
    assert recs[1]["headline"] == "Aleppo Bakers Work Through the Bombing"


def test_breadcrumb_over_the_date_stays_chrome():
    text = "Home > Caucasus > Georgia\n\n15 Jun 10\n\nGeorgian Farmers Count Cost of Drought\n\n" + ARTICLE
    assert _kinds(text)[0] == "chrome"


# F33: a note on names glued under a sentence of the story


def test_names_changed_glued_under_a_story_sentence_stays_body():
    text = ("WOMEN CANDIDATES CAMPAIGN IN SECRET\n\nThreats drive hopefuls off the streets.\n\n"
            "By Abdul Baqi Amin in Kandahar\n\nOf the twelve women standing, only two have put up posters.\n\n"
            "Another candidate, Malalai, said she had received three night letters\nsince registering. "
            "Names have been changed.\n\nAbdul Baqi Amin is an IWPR staff reporter in Kandahar.\n")
    [article] = split_text(text)
    assert article["body"].endswith("since registering. Names have been changed.")
    assert article["notes"] == "Abdul Baqi Amin is an IWPR staff reporter in Kandahar."


def test_name_notes_of_their_own_are_still_notes():
    for note in ("Names have been changed.", "* Names of callers have been changed.",
                 "Zarghuna is a pseudonym. Her name has been changed for her safety.",
                 "Her name has been withheld for her safety."):
        text = ("Parties talk.\n\nBy Mina Habib in Kabul\n\nBody one is a sentence of the article.\n\n"
                f"{note}\n\nMina Habib is an IWPR reporter in Kabul.\n")
        [article] = split_text(text)
        assert article["body"] == "Body one is a sentence of the article.", note
        assert article["notes"].startswith(note), note


# F34: a programme named in the story, "Radio Dijla's Morning Report is produced by ..."


def test_a_programme_owned_by_someone_is_produced_by_stays_body():
    text = ("IRAQ CRISIS REPORT, No. 172, 14 March 2006\n\nRADIO STATIONS DEFY THREATS\n\n"
            "Broadcasters keep talk shows on air.\n\nBy Zaineb Naji in Baghdad\n\n"
            "Three gunmen stormed the offices of Radio Dijla last month.\n\n"
            "Radio Dijla's Morning Report is produced by a team of six reporters\nwho take calls from listeners.\n\n"
            "\"People call us before they call the police,\" said the director.\n\n"
            "Zaineb Naji is an IWPR trainee journalist in Baghdad.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article"]
    assert recs[1]["body"].endswith("said the director.")
    assert recs[1]["notes"] == "Zaineb Naji is an IWPR trainee journalist in Baghdad."


def test_small_masthead_of_a_newsletter_still_ends_the_edition():
    text = ("Parties talk.\n\nBy Mina Habib in Kabul\n\nBody one is a sentence of the article.\n\n"
            "Mina Habib is an IWPR reporter in Kabul.\n\nBalkan Insight is produced by BIRN in partnership with IWPR.\n")
    assert _kinds(text) == ["article", "footer"]


# F35: a one-word document title over a number, quoted in a body, is no edition header


def test_decree_number_lines_in_a_body_are_no_header():
    text = ("REPORTING CENTRAL ASIA, No. 583, 17 June 2009\n\nKYRGYZ TOWN CLOSES MARKET BY DECREE\n\n"
            "Traders say the mayor wants the land.\n\nBy Aida Kasymalieva in Talas\n\n"
            "More than 300 traders lost their stalls. The decree was two lines long.\n\n"
            "DECREE No. 114\n12 June 2009\nOn the closure of the central market\n\n"
            "Traders say they were given three days' notice.\n\nAida Kasymalieva is IWPR's Kyrgyz editor in Bishkek.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article"]
    assert "DECREE No. 114 12 June 2009" in recs[1]["body"]
    assert recs[1]["notes"] == "Aida Kasymalieva is IWPR's Kyrgyz editor in Bishkek."
    assert recs[1]["newsletter"] == {"title": "Reporting Central Asia", "issue": 583, "date": "2009-06-17"}


def test_order_line_in_a_body_is_no_header_but_two_word_titles_are():
    body = ("By Aida Kasymalieva in Talas\n\nThe court's order was short and final.\n\n"
            "ORDER No. 7, 1 May 2003\n\nTraders say they were given three days' notice.\n")
    assert _kinds("MARKET CLOSED\n\nTraders protest.\n\n" + body) == ["article"]
    recs = split_text("WEEKLY BULLETIN No. 7, 1 May 2003\n\nMARKET CLOSED\n\nTraders protest.\n\n" + body, all_segments=True)
    assert recs[0]["kind"] == "header" and recs[0]["newsletter"]["title"] == "Weekly Bulletin"


# F36: a page with no byline over its body (the credit printed at the end)


def test_page_with_the_byline_at_the_end():
    text = ("IWPR - Institute for War & Peace Reporting\nHome > Africa > Uganda\n\n"
            "Gulu Ex-Abductees Struggle to Find Work\n\nFormer child soldiers say employers turn them away.\n\n"
            "Africa Reports Issue 214,\n3 Apr 09\n\nDozens of young men and women sit every morning outside the\n"
            "labour office in Gulu.\n\nA rehabilitation centre offers courses, but there are few jobs.\n\n"
            "By Bill Oketch in Gulu, IWPR-trained reporter.\n\nShare this:\nFacebook Twitter Email\n"
            "Related articles\nUganda: LRA Victims Seek Compensation\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["chrome", "article", "chrome"]
    article = recs[1]
    assert article["headline"] == "Gulu Ex-Abductees Struggle to Find Work"
    assert article["standfirst"] == "Former child soldiers say employers turn them away."
    assert article["byline"] == "By Bill Oketch in Gulu, IWPR-trained reporter."
    assert article["newsletter"] == {"title": "Africa Reports", "issue": 214, "date": "2009-04-03"}
    assert article["body"].startswith("Dozens of young") and article["body"].endswith("few jobs.")


def test_text_with_no_structure_and_no_site_head_is_still_one_article():
    text = "Some notes.\n\nMore notes follow here.\n\nShare this:\nFacebook Twitter\n"
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["article"]
    assert recs[0]["body"].startswith("Some notes.")


# F37: Balkan Insight (BIRN with IWPR, 2005-) is a known newsletter


def test_balkan_insight_header_in_small_letters():
    text = ("Balkan Insight No. 127, 20 March 2008\n\nSERBIA: GOVERNMENT FALLS\n\nKostunica calls early elections.\n\n"
            "By Dusan Komarcevic in Belgrade\n\nPrime Minister Vojislav Kostunica dissolved his government.\n")
    recs = split_text(text, all_segments=True)
    assert recs[0]["kind"] == "header"
    assert recs[1]["newsletter"] == {"title": "Balkan Insight", "issue": 127, "date": "2008-03-20"}


# F38: a publisher's line over the "CONTENTS:" heading is no contents entry


def test_publisher_line_over_the_contents_heading_is_no_entry():
    text = ("BALKAN INSIGHT, No. 127, 20 March 2008\n\nBalkan Investigative Reporting Network (BIRN) and the "
            "Institute for War\n& Peace Reporting\n\nCONTENTS:\n\nSERBIA: GOVERNMENT FALLS OVER KOSOVO\n"
            "Kostunica calls early elections.\nBy Dusan Komarcevic in Belgrade\n\n-----\n\n"
            "SERBIA: GOVERNMENT FALLS OVER KOSOVO\n\nKostunica calls early elections.\n\n"
            "By Dusan Komarcevic in Belgrade\n\nPrime Minister Vojislav Kostunica dissolved his government.\n")
    [toc] = [r for r in split_text(text, all_segments=True) if r["kind"] == "toc"]
    assert [e["headline"] for e in toc["entries"]] == ["SERBIA: GOVERNMENT FALLS OVER KOSOVO"]


def test_skip_link_over_the_site_name_is_chrome():
    text = ("Skip to content\nInstitute for War & Peace Reporting\nHome > Asia > Afghanistan\n\n"
            "Kunduz Militias Accused of Extortion\n\nVillagers say armed groups demand a share.\n\n" + ARTICLE)
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["chrome", "article"]
    assert recs[1]["headline"] == "Kunduz Militias Accused of Extortion"


def test_page_with_the_byline_at_the_end_and_its_edition_over_the_headline():
    text = ("Institute for War and Peace Reporting | Giving Voice, Driving Change\nSkip to main content\n\n"
            "Caucasus Reporting Service\n\nCRS Issue 650,\n6 Jul 12\n\nChechen Flood Victims Still Homeless\n\n"
            "Families in Gudermes wait for housing promised after the floods.\n\n"
            "Thirty-two families are still living in railway wagons on the edge\nof Gudermes.\n\n"
            "The district administration says the new block will be finished soon.\n\n"
            "By Musa Mutaev in Grozny\n\nShare\nTweet\nEmail\n\nComments\nAdd new comment\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["chrome", "article", "chrome"]
    article = recs[1]
    assert article["newsletter"] == {"title": "Caucasus Reporting Service", "issue": 650, "date": "2012-07-06"}
    assert (article["headline"], article["byline"]) == ("Chechen Flood Victims Still Homeless", "By Musa Mutaev in Grozny")
    assert article["body"].startswith("Thirty-two families") and article["body"].endswith("finished soon.")


def test_a_paper_named_in_a_body_is_produced_by_stays_body_unless_it_names_iwpr():
    story = ("Parties talk.\n\nBy Mina Habib in Kabul\n\nThe ministry closed two papers on Monday.\n\n"
             "Kabul Weekly Report is produced by a team of six reporters in a rented flat.\n\n"
             "\"We will carry on,\" said its editor.\n\nMina Habib is an IWPR reporter in Kabul.\n")
    [article] = split_text(story)
    assert article["body"].endswith("said its editor.")
    assert article["notes"] == "Mina Habib is an IWPR reporter in Kabul."
    edition = ("Parties talk.\n\nBy Mina Habib in Kabul\n\nThe ministry closed two papers on Monday.\n\n"
               "Mina Habib is an IWPR reporter in Kabul.\n\nIWPR's Kosovo Report is produced in Pristina.\n")
    assert _kinds(edition) == ["article", "footer"]


def test_in_brief_in_a_bare_contents_list_is_no_entry():
    text = ("TRIBUNAL UPDATE\nTU No 265, April 22-27, 2002\n\nIn this issue:\n\nSIMIC CASE: DEFENCE SEEKS DELAY\n"
            "IN BRIEF\n\n=====\n\nSIMIC CASE: DEFENCE SEEKS DELAY\n\nLawyers say they need six more months.\n\n"
            "By Mirna Jancic in The Hague\n\nDefence lawyers asked the trial chamber on Tuesday to postpone the trial.\n")
    [toc] = [r for r in split_text(text, all_segments=True) if r["kind"] == "toc"]
    assert [e["headline"] for e in toc["entries"]] == ["SIMIC CASE: DEFENCE SEEKS DELAY"]


def test_digest_message_number_opens_mail_headers():
    text = ("BALKAN CRISIS REPORT, No. 331, 1 October 2002\n\nBOSNIA: NATIONALISTS SWEEP BACK\n\n"
            "Voters return the wartime parties to power.\n\nBy Arben Salihu in Sarajevo\n\n"
            "The three nationalist parties won the largest share of the vote.\n\n"
            "Arben Salihu is an IWPR contributor.\n\n------------------------------\n\n"
            "Message: 2\nDate: Fri, 4 Oct 2002 16:40:55 +0100\nFrom: IWPR <bcr@iwpr.net>\nSubject: BCR 332\n\n"
            "BALKAN CRISIS REPORT, No. 332, 4 October 2002\n\nKOSOVO: FACTORIES GO ON SALE\n\n"
            "The UN begins selling off firms.\n\nBy Arben Salihu in Pristina\n\nThe UN mission invited bids this week.\n")
    assert _kinds(text) == ["header", "article", "other", "other", "header", "article"]
    assert _kinds("Message: the president's speech was short.\n\nHe said little.\n") == ["article"]


# F41: numbered headlines with no contents heading and no credits are the contents


def test_numbered_headlines_under_a_section_title_are_contents():
    text = ("BALKAN CRISIS REPORT\nNo. 33, April 28, 1999\n\nInstitute for War & Peace Reporting\n"
            "Lancaster House, 33 Islington High Street, London N1 9LH\n\nKOSOVO SPECIAL\n\n"
            "1. BELGRADE: LIFE UNDER THE BOMBS\n2. ALBANIA: KUKES OVERWHELMED\n\n*****\n\n"
            "BELGRADE: LIFE UNDER THE BOMBS\n\nResidents count the nights of air raids.\n\n"
            "BY LJUBICA MARKOVIC IN BELGRADE\n\nBelgrade's citizens have settled into a routine.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "other", "toc", "other", "article"]
    assert [(e["headline"], e["section"]) for e in recs[2]["entries"]] == [
        ("BELGRADE: LIFE UNDER THE BOMBS", "KOSOVO SPECIAL"), ("ALBANIA: KUKES OVERWHELMED", "KOSOVO SPECIAL")]


def test_numbered_lines_not_from_one_or_not_in_capitals_are_no_contents():
    from iwpr_extract.split import _numbered_headlines
    from iwpr_extract.textutil import blocks_of
    assert _numbered_headlines(blocks_of("1. BELGRADE: BOMBS\n2. ALBANIA: KUKES\n")[0])
    assert not _numbered_headlines(blocks_of("2. BELGRADE: BOMBS\n3. ALBANIA: KUKES\n")[0])
    assert not _numbered_headlines(blocks_of("1. Buy bread.\n2. Queue for petrol.\n")[0])
    assert not _numbered_headlines(blocks_of("1. BELGRADE: BOMBS\n3. ALBANIA: KUKES\n")[0])


# F42: a page saved from a mail, its MIME headers over the site head


def test_site_head_under_mime_headers_is_chrome():
    text = ("Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n"
            "Institute for War and Peace Reporting | Giving Voice, Driving Change\nHome > Central Asia > Kyrgyzstan\n\n"
            "Kyrgyz Migrants' Remittances Fall\n\nWeaker rouble hits families.\n\nBy Pete Leonard\n\n"
            "Remittances sent home by Kyrgyz migrants in Russia fell by a fifth in January.\n")
    assert _kinds(text) == ["other", "chrome", "article"]


# F43: an edition wrapped under 76 columns has few soft breaks: two and an "=XX" escape make it QP


def test_two_soft_breaks_and_an_escape_are_quoted_printable():
    text = ("ZIMBABWE CRISIS REPORT, No. 150, 12 June 2008\n\nHARARE TEACHERS STRIKE OVER=\n PAY\n\n"
            "Teachers say a month's salary no longer buys a bus=\n fare to work.\n\nBy Yamikani Mwando in Harare\n\n"
            "Teachers stayed away from classes on=20\nMonday, demanding salaries in foreign currency.\n")
    [article] = split_text(text)
    assert article["headline"] == "HARARE TEACHERS STRIKE OVER PAY"
    assert article["standfirst"] == "Teachers say a month's salary no longer buys a bus fare to work."
    assert article["body"].startswith("Teachers stayed away from classes on Monday")


def test_two_lines_ending_in_equals_without_an_escape_are_not_quoted_printable():
    text = "SUMS\n\nThe sums are short.\n\nBy Jo Doe in Baku\n\nWe wrote a=\nb and c=\nd on the board.\n"
    [article] = split_text(text)
    assert "a= b and c= d" in article["body"]


def test_page_with_no_byline_over_the_body_reads_a_standfirst_wrapped_over_two_lines():
    head = "IWPR - Institute for War & Peace Reporting\nHome > Africa > Uganda\n\nGulu Ex-Abductees Struggle to Find Work\n\n"
    tail = "Dozens of young men sit every morning outside the labour office.\n\nBy Bill Oketch in Gulu\n"
    [article] = split_text(head + "Former child soldiers say employers turn them away, and a charity\n"
                           "says its courses lead nowhere.\n\n" + tail)
    assert article["standfirst"] == "Former child soldiers say employers turn them away, and a charity says its courses lead nowhere."
    assert article["body"] == "Dozens of young men sit every morning outside the labour office."
    [article] = split_text(head + "Former child soldiers sit outside the labour office. They say\nemployers turn them away.\n\n" + tail)
    assert article["standfirst"] is None  # two sentences: the body's first paragraph


# F44: a header dated by a week across two months has no one date, as a week in one month has none


def test_week_range_header_across_months_has_no_date():
    from iwpr_extract.editions import parse_edition_header
    for line in ("TRIBUNAL UPDATE No. 310, April 28 - May 2, 2003", "TRIBUNAL UPDATE No. 311, 28 April - 2 May 2003",
                 "TRIBUNAL UPDATE No. 254, 4-9 February 2002", "TU No 265, April 22-27, 2002"):
        assert parse_edition_header(line)["date"] is None, line
    for line, day in (("RCA No. 393, 06-Jul-05", "2005-07-06"), ("ICR No. 150, 2005-08-15", "2005-08-15"),
                      ("CRS No. 420, 10-Oct-07", "2007-10-10"), ("BCR No. 5, 21 June 1999", "1999-06-21")):
        assert parse_edition_header(line)["date"] == day, line


# F45: the page's <title> line over the site head


def test_page_title_line_over_the_site_head_is_chrome():
    text = ("Armenian Miners Strike Over Unpaid Wages | Institute for War and Peace Reporting\n\n"
            "Institute for War and Peace Reporting | Giving Voice, Driving Change\nHome > Caucasus > Armenia\n\n"
            "Armenian Miners Strike Over Unpaid Wages\n\nWorkers at the Kajaran copper mine say they have not been paid.\n\n"
            "By Gayane Abrahamyan in Yerevan\n\nMore than 400 miners stopped work on Monday.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["chrome", "article"]
    assert recs[1]["headline"] == "Armenian Miners Strike Over Unpaid Wages"


# F46: a collective credit's own bio


def test_team_bio_under_a_collective_byline_is_a_note_but_staff_prose_is_not():
    head = ("Tehran Students Face Expulsion\n\nUniversities bar activists from enrolling.\n\nBy IWPR's Iran team\n\n"
            "At least 60 students have been told they cannot register.\n\n")
    [article] = split_text(head + "IWPR's Iran team is made up of journalists inside and outside the country.\n")
    assert article["notes"] == "IWPR's Iran team is made up of journalists inside and outside the country."
    story = ("Kabul Police Accused\n\nShopkeepers say officers demand money.\n\nBy IWPR staff in Kabul\n\n"
             "Traders say they pay every week.\n\nIWPR staff were unable to reach the police chief for comment.\n")
    [article] = split_text(story)
    assert article["notes"] is None and article["body"].endswith("for comment.")
