"""``clean`` rules found by the third held-out round (tests/test_clean_heldout3.py): mail digests (Yahoo!
Groups, Google Groups), pipermail archive pages, Lotus Notes forwards, a signature above a forwarded part,
a site menu one item a line, a client's ragged re-wrap, a number wrapped alone, a quoted line wrapped
without its marker.  Each rule is tested with the prose it must leave alone."""

from __future__ import annotations

import textwrap

from iwpr_extract import clean_text, explain_text

PROSE = ("Officials in Bishkek said the talks would resume on Monday. Opposition leaders said they would not "
         "attend unless the detained activists were freed first.")


def test_yahoo_digest_head_and_message_headers_go_and_messages_stay():
    raw = ("There are 2 messages in this issue.\n\nTopics in this digest:\n\n      1. Osh meeting\n"
           "           From: Bakyt\n      2. Bazaar razed\n           From: Saule\n\n\n" + "_" * 72 + "\n\n"
           "Message: 1\n   Date: Wed, 13 Jul 2005 10:12:44 -0000\n   From: \"Bakyt\" <bakyt@example.kg>\n"
           "Subject: Osh meeting\n\nIs the meeting still on for Friday?\n\n" + "_" * 72 + "\n\n"
           "Message: 2\n   Date: Wed, 13 Jul 2005 17:02:10 -0000\n   From: \"Saule\" <saule@example.kz>\n"
           "Subject: Bazaar razed\n\n" + PROSE + "\n")
    r = explain_text(raw)
    assert "Is the meeting still on for Friday?" in r.text and PROSE in r.text
    for gone in ("messages in this issue", "Topics in this digest", "Message: 1", "Date:", "From:", "Subject:"):
        assert gone not in r.text
    assert sorted({x["reason"] for x in r.removed}) == ["digest", "digest-header"]


def test_google_groups_digest_topics_and_headers_go():
    link = "http://groups.google.com/group/afghan-news/t/5c1f0a3e8d2b7a41"
    raw = ("=" * 77 + "\nToday's Topics:\n\n* Poppy and wheat - 1 messages, 1 author\n  " + link + "\n\n" + "=" * 77
           + "\nTOPIC: Poppy and wheat\n" + link + "\n" + "=" * 77 + "\n\n== 1 of 1 ==\nDate: Mon, May 4 2009 9:12 am\n"
           "From: IWPR Afghanistan\n\n\n" + PROSE + "\n\n== 1 of 2 ==\nDate: Mon, May 4 2009 2:05 pm\nFrom: Farid\n\n\n"
           "Yes, it starts at nine.\n")
    out = clean_text(raw)
    assert PROSE in out and "Yes, it starts at nine." in out
    for gone in ("Today's Topics", "TOPIC:", "groups.google.com", "== 1 of", "Date:", "From:"):
        assert gone not in out


def test_digest_like_prose_stays():
    # a topic line needs its link under it; a heading over prose takes only itself; "Message: 2" must be
    # the line over a header
    text = ("TOPIC: the elections\nThe commission said the count would take a week.\n\n"
            "Today's Topics:\n\n" + PROSE + "\n\nMessage: 2\n\nThe second message of the minister was read out.")
    out = clean_text(text)
    assert "TOPIC: the elections" in out and PROSE in out and "Message: 2" in out
    assert "Today's Topics" not in out


def test_pipermail_page_head_bulleted_navigation_and_footer_go():
    nav = ("    * Previous message: [Tribunal-update] TU No. 270\n    * Next message: [Tribunal-update] TU No. 272\n"
           "    * Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]\n")
    raw = ("[Tribunal-update] TU No. 271\n\nIWPR tribunal-update at iwpr.net\nFri Jun 14 17:05:32 BST 2002\n\n" + nav
           + "\n" + PROSE + "\n\n" + nav + "\nMore information about the Tribunal-update mailing list\n")
    assert clean_text(raw) == PROSE
    # without the archive's navigation under them, such lines are text
    assert clean_text("[Tribunal-update] TU No. 271\n\n" + PROSE) == "[Tribunal-update] TU No. 271\n\n" + PROSE


def test_lotus_notes_forward_header_goes():
    raw = ("FYI.\n\n----- Forwarded by Maja Petrovic/Sarajevo/UNMIBH on 14/03/2000 09:12 -----\n\n" + " " * 60 + "\n"
           '                    "IWPR" <bcr@iwpr.net>\n'
           "                    Sent by:                       To:     bcr-list@iwpr.net\n"
           "                                                   Subject:     Balkan Crisis Report No. 124\n"
           "                    13/03/2000 18:40\n\n\n" + PROSE)
    r = explain_text(raw)
    assert r.text == "FYI.\n\n" + PROSE and [x["reason"] for x in r.removed] == ["forward-header"]
    # indented lines with no field among them are text (a forwarded poem, a table), not a Notes header
    poem = "          The river is not a border,\n          said the teacher in Gali."
    out = clean_text("FYI.\n\n----- Forwarded by Maja Petrovic on 14/03/2000 09:12 -----\n\n" + poem)
    assert "The river is not a border," in out and "said the teacher in Gali." in out


def test_signature_above_a_forwarded_edition_goes_but_a_note_stays():
    sig = ("Karim Haddad\nProgramme Officer, Iraq\nTel: +44 (0)20 7831 1130\nMobile: +964 790 123 4567\n"
           "www.iwpr.net\n\n")
    edition = ("-----Original Message-----\nFrom: IWPR [mailto:icr@iwpr.net]\nSent: Friday, June 17, 2005 5:02 PM\n"
               "To: icr-list@iwpr.net\nSubject: Iraq Crisis Report No. 126\n\nIRAQ CRISIS REPORT, No. 126\n\n"
               "By Hiwa Osman in Kirkuk\n\n" + PROSE)
    r = explain_text("Hi all - see below.\n\nKarim\n\n" + sig + edition)
    assert r.text.startswith("Hi all - see below.\n\nKarim\n\nIRAQ CRISIS REPORT") and "Tel:" not in r.text
    assert "signature" in [x["reason"] for x in r.removed]
    # a block of prose naming a phone number is the note, not a signature
    note = "Call me on +44 20 7831 1130 about this.\nTel: the office is closed on Friday.\n\n"
    assert clean_text("Hi all.\n\n" + note + edition).startswith("Hi all.\n\nCall me on")


def test_site_menu_one_item_a_line_goes_region_lists_stay():
    menu = "IWPR Home\nAbout IWPR\nReports\n   Africa\n   Balkans\nContact Us\nSearch\n\n"
    assert clean_text(menu + PROSE) == PROSE
    regions = "Africa\nBalkans\nCaucasus\n\n"
    assert clean_text(regions + PROSE) == regions + PROSE
    home = "Home\nThe minister said the talks had failed.\nContact us\n\n"
    assert clean_text(home + PROSE).startswith("Home")


def test_ragged_rewrap_is_joined():
    # wrapped at 76, then re-wrapped by a mail client at 68: a full line, then the word or two it lost
    par = ("Shop shelves in Harare were almost bare this week, nearly four weeks after Zimbabweans voted in "
           "presidential and parliamentary elections whose results have still not been released in full. "
           "Share prices on the Zimbabwe Stock Exchange rose sharply, as investors moved their money into "
           "shares to escape inflation that the central bank now puts at more than 160,000 per cent. Regional "
           "leaders meeting in Lusaka this month called for the results to be published without delay.")
    ragged = [short for line in textwrap.wrap(par, 76) for short in textwrap.wrap(line, 68)]
    assert any(len(x.split()) == 1 for x in ragged) and "\nZimbabweans" in "\n".join(ragged)
    out = clean_text("\n".join(ragged)).split("\n")
    # every sentence on one line; after a sentence ending on a short line the break may stay (a paragraph
    # break there is what unwrapped paragraphs without blank lines look like)
    sentences = [x if x.endswith(".") else x + "." for x in par.split(". ")]
    assert [x for x in sentences if not any(x in line for line in out)] == []
    assert len(out) <= 2


def test_a_number_wrapped_alone_ends_its_sentence():
    line = "Serb residents in the north say they will not let the Albanians return to flats they left in"
    text = "\n".join([line] * 6 + ["1999."])
    assert clean_text(text).endswith("they left in 1999.")
    # a short list of figures keeps its lines
    assert clean_text("Figures:\n12.5\n9.0") == "Figures:\n12.5\n9.0"


def test_quoted_line_wrapped_without_its_marker_is_one_line():
    text = (PROSE + "\n\n> Do not cross after 1 April. Those who cross without a pass\nwill be detained.\n\n" + PROSE)
    out = clean_text(text)
    assert "> Do not cross after 1 April. Those who cross without a pass will be detained." in out
    assert clean_text("> Thanks.\nsee you then") == "> Thanks.\nsee you then"


def test_serbo_croatian_sent_as_cp1250_and_read_as_cp1252_is_read_back():
    raw = ("By Milka Tadiæ in Podgorica\n\n\"Nobody will tell me,\" said Goran Vuèiniæ, a farmer. Dragica Šæekiæ "
           "agreed. Ðorðe Ðukiæ was not there.")
    r = explain_text(raw)
    assert r.text == ("By Milka Tadić in Podgorica\n\n\"Nobody will tell me,\" said Goran Vučinić, a farmer. Dragica "
                      "Šćekić agreed. Đorđe Đukić was not there.")
    assert r.fixes["cp1250"] == 9  # letters read back
    # one such ending is no evidence, and Danish, French and Icelandic letters stay
    for text in ("Milka Tadiæ met the minister in Podgorica.", "Blåbærsyltetøj og æbleskiver. Michèle Ðór, Ægir."):
        assert clean_text(text) == text
