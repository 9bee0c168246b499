"""``clean`` rules added for forwarded and quoted IWPR mail, free-mail ads, site navigation and
HTML-to-text leftovers (each found by the held-out inputs of tests/test_clean_heldout.py)."""

from __future__ import annotations

from iwpr_extract import clean_text, explain_text

EDITION = ("CAUCASUS REPORTING SERVICE, No. 181, May 23, 2003\n\nAZERBAIJAN: ALIEV'S ABSENCE FUELS RUMOURS\n\n"
           "The president has not been seen in public for three weeks.\n\nBy Jasur Mamedov in Baku\n\n"
           "Officials insist that President Heidar Aliev is recovering from a minor\nillness, but few in Baku "
           "believe them.\n\nJasur Mamedov is a freelance journalist in Baku.")


def test_short_edition_forwarded_from_outlook_at_the_top_is_kept():
    # under 100 words, no text above: the edition used to be removed whole as an earlier message
    raw = ("-----Original Message-----\nFrom: IWPR [mailto:crs@iwpr.net]\nSent: Friday, May 23, 2003 3:12 PM\n"
           "To: crs-list@iwpr.net\nSubject: Caucasus Reporting Service, No. 181\n\n" + EDITION)
    r = explain_text(raw)
    assert "recovering from a minor illness, but few in Baku believe them." in r.text
    assert r.text.startswith("CAUCASUS REPORTING SERVICE")
    assert [x["reason"] for x in r.removed] == ["reply-header"]


def test_iwpr_text_quoted_under_a_long_reply_is_kept():
    reply = ("Thanks for sending this on. I read it on the train this morning and I think the piece on the "
             "president's health is the one we should discuss at the meeting on Thursday with the others.\n\n")
    quoted = "\n".join("> " + x if x else ">" for x in EDITION.split("\n"))
    r = explain_text(reply + "On Fri, 23 May 2003 at 15:12, IWPR <crs@iwpr.net> wrote:\n\n" + quoted)
    assert "By Jasur Mamedov in Baku" in r.text and "Thanks for sending this on." in r.text
    assert ">" not in r.text
    # an earlier message without IWPR text under the same reply still goes
    other = "> Can we meet on Thursday?\n> I have the figures now.\n> Best, Tom"
    r = explain_text(reply + "On Fri, 23 May 2003 at 15:12, Tom <tom@example.org> wrote:\n\n" + other)
    assert "figures" not in r.text and [x["reason"] for x in r.removed] == ["reply-quote"]


def test_free_mail_ads_under_a_rule_go():
    text = "A sentence of the article.\n\n"
    hotmail = "_" * 65 + "\nGet your FREE download of MSN Explorer at http://explorer.msn.com\n"
    yahoo = "__________________________________________________\nDo You Yahoo!?\nhttp://mail.yahoo.com\n"
    for ad in (hotmail, yahoo):
        r = explain_text(text + ad)
        assert r.text == "A sentence of the article." and [x["reason"] for x in r.removed] == ["mail-ad"]
    # a rule over article prose that names a brand is not an ad (no link, or too long)
    prose = "_" * 30 + "\nYahoo! shares fell on Monday, as the company said it would cut jobs in Europe.\n"
    assert clean_text(text + prose) == (text + prose).strip()


def test_navigation_footer_links_and_share_bars_go():
    text = ("IWPR Home | About IWPR | Reports | Contact Us\nHome > Asia > Kyrgyzstan\n\nHeadline Here\n\n"
            "Share\nTweet\nPrint\n\nThe article's one sentence.\n\nPrint | E-mail this article\n"
            "Copyright (c) 2004 IWPR | Privacy Policy | Contact Us")
    assert clean_text(text) == "Headline Here\n\nThe article's one sentence."


def test_lines_that_only_look_like_navigation_stay():
    for text in ("Home truths for the Kyrgyz government.", "AFGHANISTAN\nIRAQ\n\nText here.",
                 "Home > the minister said the talks had failed.", "Share prices fell.\nPrint media suffered."):
        assert clean_text(text) == text


def test_cookie_and_newsletter_banners_go():
    text = ("We use cookies to give you the best experience. Find out more\nAccept\n\nThe article text.\n\n"
            "Sign up for IWPR's weekly newsletter\nEmail address\nSubscribe")
    assert clean_text(text) == "The article text."


def test_html_to_text_leftovers_are_decoded():
    raw = "TRIBUNAL UPDATE<br>\n&nbsp;\nBosnia &amp; Herzegovina<br>\nIWPR&#8217;s <b>Hague</b> team.</p><p>Next"
    assert clean_text(raw) == "TRIBUNAL UPDATE\n\nBosnia & Herzegovina\nIWPR’s <b>Hague</b> team.\n\nNext"
    # markup stays markup
    assert clean_text("<p>Tom &amp; <b>Jerry</b></p>") == "<p>Tom &amp; <b>Jerry</b></p>"


def test_hyphen_inside_a_hyphenated_chain_stays():
    assert clean_text("a 54-year-\nold teacher") == "a 54-year-old teacher"
    assert clean_text("his mother-in-\nlaw said") == "his mother-in-law said"
    assert clean_text("Mazar-i-\nSharif") == "Mazar-i-Sharif"
    assert clean_text("co-oper-\nation") == "co-operation"  # the joined form is a word


def test_capital_s_caron_split_by_a_no_break_space_is_repaired():
    assert clean_text("CROATIA: \u00c5\u00a0IBENIK SHIPYARD") == "CROATIA: ŠIBENIK SHIPYARD"
    assert clean_text("SELK\u00c4\u00a0EDELL\u00c4\u00a0MAAHAN") == "SELKÄ EDELLÄ MAAHAN"  # Finnish, no mojibake


def test_a_few_short_lines_among_unwrapped_paragraphs_give_no_wrap_width():
    # what a first run leaves of a text wrapped after mojibake: unwrapped paragraphs, and pairs whose first
    # line the next word would have fitted on.  Measured on those lines alone, a width would join them
    # in a second run (clean twice != clean once)
    long = ("The quarrel between the prime minister and the president burst into the open this week, as the two "
            "men traded accusations over the extradition of suspects.")
    firsts = ["Zoran Cuckovic is a journalist with the Belgrade weekly", "The economy ministry says the sale of the yard",
              "Around 600 workers at the shipyard have lost their jobs", "Local party officials said they would organise",
              "The federal authorities had been hiding behind the law", "Serbia lost millions of dollars in promised aid",
              "We built ships here for a hundred years, said welder"]
    text = "\n\n".join([long] * 8 + [f + "\nVreme." for f in firsts])
    assert clean_text(text) == text


def test_pipermail_page_navigation_and_footer_go():
    body = "IRAQ CRISIS REPORT, No. 84\n\nBy Ali Abdul-Karim in Basra\n\nMore information about the water supply emerged."
    nav = ("Previous message: [Iraq-list] Iraq Crisis Report No. 83\nNext message: [Iraq-list] Iraq Crisis Report"
           " No. 85\nMessages sorted by: [ date ] [ thread ] [ subject ] [ author ]")
    r = explain_text(f"{nav}\n\n{body}\n\n{nav}\n\nMore information about the Iraq-list mailing list\n")
    assert r.text == body
    assert [x["reason"] for x in r.removed] == ["chrome", "chrome", "list-footer"]
    assert clean_text(r.text) == r.text


def test_aol_reply_header_writes():
    quoted = "\n".join("> " + x if x else ">" for x in EDITION.split("\n"))
    r = explain_text("In a message dated 5/23/2003 3:12:01 PM GMT, crs@iwpr.net writes:\n\n" + quoted)
    assert r.text.startswith("CAUCASUS REPORTING SERVICE") and [x["reason"] for x in r.removed] == ["reply-header"]
    assert clean_text("On Monday the minister writes:\n\nWe must act.") == "On Monday the minister writes:\n\nWe must act."


def test_related_links_scraped_above_the_article_leave_the_article():
    head = ("Kabul Journalists Fear New Press Law\n\nRelated articles\n\nKarzai Promises Press Freedom\n"
            "Kabul Editors Detained Over Blasphemy Claim\n\n")
    bodies = ["By Hafizullah Gardesh in Kabul\n\nJournalists met on Monday.",
              "Journalists and editors in Kabul have called on President Hamed Karzai\nto reject a draft media law.",
              "Journalists and editors in Kabul have called on President Hamed Karzai\n\nto reject a draft media law.",
              "Police detained two editors on Monday.\n\nThe ministry declined to comment."]
    for body in bodies:
        r = explain_text(head + body)
        assert r.removed == [{"text": "Related articles\n\nKarzai Promises Press Freedom\n"
                                      "Kabul Editors Detained Over Blasphemy Claim", "reason": "related"}]
        assert " ".join(body.split()) in " ".join(r.text.split())
    # at the end, titles with their standfirsts are all links
    tail = "Text.\n\nRelated articles\n\nTrapped in Eastern Ukraine\nCivilians struggle to get food.\nLimited Refuge"
    assert clean_text(tail) == "Text."
    # ... also when a blank line stands after every title and standfirst (a scrape with a <p> per item)
    tail = ("Text.\n\nMore IWPR's Global Voices\n\nGeorgia: Perils of the Enguri Crossing\n\nWith the checkpoint "
            "closed, some residents are risking their lives.\n\nGeorgia: Perils of the Enguri Crossing\n\n"
            "Trapped in Eastern Ukraine")
    assert clean_text(tail) == "Text."


def test_a_sentence_under_one_link_title_is_article_text_unless_links_go_on_after_it():
    head = "Related articles\n\nKarzai Promises Press Freedom\n\n"
    # an article's headline, standfirst and byline under the sidebar: the standfirst stays
    article = ("Kabul Journalists Fear New Press Law\n\nJournalists say the draft gives ministers too much power.\n\n"
               "By Hafizullah Gardesh in Kabul\n\nJournalists met on Monday.")
    assert "Journalists say the draft gives ministers too much power." in clean_text(head + article)
    # two one-sentence paragraphs are an article's, not a link's standfirst
    short = "Police detained two editors on Monday.\n\nThe ministry declined to comment."
    assert clean_text(head + short) == short


def test_quoted_printable_quoted_whole_loses_its_quote_marks_at_soft_breaks():
    raw = ("On Wed, Sep 22, 2004 at 5:05 PM, IWPR <iraq@iwpr.net> wrote:\n> By Ali Abdul-Karim in Basra\n>\n"
           "> Residents say they have had no clean water for a fortnight as temperatures =\n> top 45 degrees.=20\n"
           "> Basra=E2=80=99s council will meet.\n")
    assert clean_text(raw) == ("By Ali Abdul-Karim in Basra\n\nResidents say they have had no clean water for a "
                               "fortnight as temperatures top 45 degrees.\nBasra’s council will meet.")


def test_comment_form_goes():
    text = "The last sentence of the article.\n\nComments (0)\n\nAdd new comment\nYour name:\nComment:\nSave\nPreview"
    assert clean_text(text) == "The last sentence of the article."


def test_yahoo_groups_links_block_under_a_rule_goes():
    text = ("The last sentence of the article.\n\n" + "-" * 72 + "\nYahoo! Groups Links\n\n"
            "<*> To visit your group on the web, go to:\n    http://groups.yahoo.com/group/news/\n\n"
            "<*> Your use of Yahoo! Groups is subject to:\n    http://docs.yahoo.com/info/terms/\n")
    once = clean_text(text)
    assert "Yahoo" not in once and "groups.yahoo.com" not in once and once.startswith("The last sentence")
    assert clean_text(once) == once


def test_a_banner_on_a_page_scraped_without_blank_lines_takes_only_its_own_lines():
    t = ("This website uses cookies to improve your experience. By continuing you\nagree to our use of cookies.\n"
         "Accept\nPress Curbs\nJournalists say a draft law gives the government sweeping powers.\n"
         "By Hafizullah Gardesh in Kabul\nJournalists in Kabul have called on the president to reject it.\n")
    r = explain_text(t)
    assert [x["text"] for x in r.removed] == [
        "This website uses cookies to improve your experience. By continuing you\nagree to our use of cookies.\nAccept"]
    assert r.text.startswith("Press Curbs\n") and "reject it." in r.text


def test_lines_holding_two_sentences_under_a_sign_off_are_prose_not_a_signature():
    # found by hypothesis: "Regards,." over a few short lines of prose took the prose with it
    prose = "The envoys met. The ministry said nothing. Then\n\nthe talks went on late into the night\n\nand ended."
    text = "The first paragraph of the report is here.\n\nRegards,\n\n\n" + prose
    assert prose.split()[-4:] == clean_text(text).split()[-4:]
    assert explain_text(text).removed == []
    # a signature's lines hold full stops but no two sentences: still cut
    signed = "Thanks for the report.\n\nRegards,\nJohn Smith\nIWPR London\nTel. +44 20 7831 1030"
    assert clean_text(signed) == "Thanks for the report."
