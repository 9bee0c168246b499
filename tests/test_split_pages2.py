"""`iwpr split` on scraped pages and damaged mail, third held-out round (branch pages2): an edition quoted
in a reply (F9), pages printing each paragraph on one line (F21), paragraphs marked by indentation (F22),
a page's tool bar under the byline, a forwarded message's banner.  One test per shape, from its smallest
input, with a variant or two."""

from __future__ import annotations

import pytest

from iwpr_extract.split import _is_caption, split_text


from conftest import assert_lossless as _lossless, split_articles as _articles, split_kinds as _kinds


# --- F9: an edition quoted in a reply ---------------------------------------------------------------------

_EDITION = (
    "REPORTING CENTRAL ASIA, No. 290, June 4, 2004\n\n"
    "TURKMENISTAN: TEACHERS SACKED IN SCHOOL REFORM\n\n"
    "Thousands lose their jobs as the school year is cut to nine years.\n\n"
    "By IWPR staff in Ashgabat\n\n"
    "Education officials in Turkmenistan have dismissed thousands of\n"
    "teachers since the president ordered that schooling be cut.\n\n"
    "A teacher in Mary region said she had been told to leave in the\n"
    "middle of the term, with no severance pay.\n\n"
    "Jo Doe is an IWPR contributor in Ashgabat.\n"
)
_NOTE = "Dear colleagues,\n\nPlease see the piece below.\n\nBest,\nSarah\n\nOn Fri, 4 Jun 2004, IWPR wrote:\n\n"


def _quoted(text: str, mark: str) -> str:
    return "".join(mark.rstrip() + "\n" if not line else mark + line + "\n" for line in text.split("\n")[:-1])


@pytest.mark.parametrize("mark", ["> ", ">> ", "> > ", ">"])
def test_f9_an_edition_quoted_in_a_reply_reads_as_the_edition(mark):
    text = _NOTE + _quoted(_EDITION, mark)
    (art,) = _articles(text)
    assert art["headline"] == "TURKMENISTAN: TEACHERS SACKED IN SCHOOL REFORM"
    assert art["standfirst"] == "Thousands lose their jobs as the school year is cut to nine years."
    assert art["byline"] == "By IWPR staff in Ashgabat"
    assert art["body"].split("\n\n") == [
        "Education officials in Turkmenistan have dismissed thousands of teachers since the president "
        "ordered that schooling be cut.",
        "A teacher in Mary region said she had been told to leave in the middle of the term, with no severance pay."]
    assert art["notes"] == "Jo Doe is an IWPR contributor in Ashgabat."
    assert art["newsletter"] == {"title": "Reporting Central Asia", "issue": 290, "date": "2004-06-04"}
    assert _kinds(text) == ["other", "header", "article"]
    _lossless(text)
    _lossless(text.replace("\n", "\r\n"))


def test_f9_a_few_lines_starting_with_a_quote_mark_are_text():
    text = ("Strike Looms\n\nWages have not been paid.\n\nBy Jo Doe in Basra\n\n"
            "> the workers said they would\n> strike on Monday.\n\nJo Doe is an IWPR journalist in Basra.\n")
    (art,) = _articles(text)
    assert art["body"] == "> the workers said they would > strike on Monday."


# --- F22: paragraphs marked by indentation, no blank lines ------------------------------------------------

def test_f22_indented_paragraphs_are_paragraphs_and_the_last_one_a_bio():
    text = ("By Ylber Hysa in Pristina\n\n"
            "     Tens of thousands of Kosovo Albanians crossed back from\n"
            "Macedonia this week, many of them to find their houses burned.\n"
            "     NATO troops have struggled to keep pace with the returns,\n"
            "aid workers say.\n"
            "     Ylber Hysa is a regular IWPR contributor.\n")
    (art,) = _articles(text)
    assert art["body"].split("\n\n") == [
        "Tens of thousands of Kosovo Albanians crossed back from Macedonia this week, many of them to find "
        "their houses burned.",
        "NATO troops have struggled to keep pace with the returns, aid workers say."]
    assert art["notes"] == "Ylber Hysa is a regular IWPR contributor."
    _lossless(text)


def test_f22_a_whole_edition_without_blank_lines_indented_paragraphs():
    text = ("BALKAN CRISIS REPORT, No. 41, May 28, 1999\n\n"
            "MACEDONIA: CAMPS STRAIN UNDER NEW ARRIVALS\n"
            "     Aid agencies warn that the camps at Stenkovec and Brazda cannot\n"
            "take another wave of refugees.\n"
            "By Saso Ordanoski in Skopje\n"
            "\tMore than 4,000 Kosovo Albanians crossed into Macedonia at the\n"
            "Blace border post on Wednesday alone.\n"
            "\tThe UN refugee agency says the two main camps near Skopje are\n"
            "already holding twice the number they were built for.\n"
            "\tSaso Ordanoski is editor of the Skopje weekly Forum.\n")
    (art,) = _articles(text)
    assert art["headline"] == "MACEDONIA: CAMPS STRAIN UNDER NEW ARRIVALS"
    assert art["standfirst"] == "Aid agencies warn that the camps at Stenkovec and Brazda cannot take another wave of refugees."
    assert art["byline"] == "By Saso Ordanoski in Skopje"
    assert len(art["body"].split("\n\n")) == 2
    assert art["notes"] == "Saso Ordanoski is editor of the Skopje weekly Forum."


def test_f22_indented_lines_that_are_no_wrapped_paragraphs_stay_one_block():
    # an indented list and an address: no indented line goes on at the margin below it
    text = ("Strike Looms\n\nWages have not been paid.\n\nBy Jo Doe in Basra\n\n"
            "The union listed its demands:\n   wages paid since February\n   a new contract\n   safety rules\n\n"
            "Jo Doe is an IWPR journalist in Basra.\n")
    (art,) = _articles(text)
    assert art["body"] == "The union listed its demands: wages paid since February a new contract safety rules"


# --- F21: one line per paragraph is not "double-spaced"; captions in their page forms ---------------------

_PAGE = [
    "Kosovo: The Long Road Home", "Refugees pour back across the border from Macedonia.", "By Ylber Hysa in Pristina",
    "Tens of thousands of Kosovo Albanians crossed back from Macedonia this week, many to find their houses burned.",
    "Return to Ruins",
    "NATO troops have struggled to keep pace with the returns, aid workers in Pristina say.",
    "A refugee family at the Blace crossing. Photo courtesy of UNHCR",
    "The first snow fell on the camps near Pec on Tuesday, and the aid agencies fear the worst.",
    "Ylber Hysa is a regular IWPR contributor",
]


def test_f21_a_page_of_one_line_paragraphs_keeps_its_sub_heading_and_caption_apart():
    (art,) = _articles("Institute for War & Peace Reporting\n\n" + "\n\n".join(_PAGE) + "\n")
    assert art["body"].split("\n\n") == [_PAGE[3], "Return to Ruins", _PAGE[5], _PAGE[7]]
    assert art["captions"] == [_PAGE[6]]
    assert art["notes"] == "Ylber Hysa is a regular IWPR contributor"


def test_f21_a_double_spaced_scrape_still_joins_its_lines_and_keeps_a_sub_heading():
    lines = [*_PAGE[:3],
             "Tens of thousands of Kosovo Albanians crossed back from Macedonia this",
             "week, many of them to find that their houses had been burned by Serb",
             "forces before the withdrawal.",
             "Return to Ruins",
             "NATO troops have struggled to keep pace with the returns, aid workers",
             "in Pristina say, and the UN refugee agency has asked for more tents.",
             _PAGE[6],
             "The first snow fell on the camps near Pec on Tuesday, and the agencies",
             "fear the worst for families still living in the open.",
             _PAGE[8]]
    (art,) = _articles("\n\n".join(lines) + "\n")
    paragraphs = art["body"].split("\n\n")
    assert paragraphs[1] == "Return to Ruins"
    assert paragraphs[0].endswith("houses had been burned by Serb forces before the withdrawal.")
    assert paragraphs[2].startswith("NATO troops") and paragraphs[2].endswith("more tents.")
    assert len(paragraphs) == 4 and art["captions"] == [_PAGE[6]]


@pytest.mark.parametrize("tail, after", [
    ("Kyrgyzstan.", "stability in"),           # the line before leaves the sentence open on a link word
    ('Kyrgyzstan,"', "stability in"),
    ('Kyrgyzstan,"', "stability at home in"),  # a comma inside the closing quote leaves it open too
])
def test_a_short_last_line_of_a_double_spaced_paragraph_joins_its_sentence(tail, after):
    lines = [*_PAGE[:3],
             "Tens of thousands of Kosovo Albanians crossed back from Macedonia this",
             f"week, and aid workers said what mattered above all was {after}",
             tail,
             "Grozin noted the remarks made by the Russian president after the June",
             "referendum, in which he suggested what the country needed was strong rule.",
             _PAGE[8]]
    (art,) = _articles("\n\n".join(lines) + "\n")
    paragraphs = art["body"].split("\n\n")
    assert f"{after} {tail}" in paragraphs[0]
    assert len(paragraphs) <= 2


@pytest.mark.parametrize("caption", [
    "A refugee family at the Blace crossing. Photo courtesy of UNHCR",
    "Cotton pickers near Andijan. Photo: IWPR",
    "Villagers in Teghut. © IWPR/Gayane Mkrtchyan",
    "Villagers in Teghut. (c) IWPR/Gayane Mkrtchyan",
    "Photo: Gayane Mkrtchyan/IWPR",
])
def test_f21_caption_forms_of_the_pages(caption):
    assert _is_caption(caption)


@pytest.mark.parametrize("prose", [
    "The photo courtesy of the ministry was a fake, he said.",
    "He said the photos by the police were taken later.",
    "Copyright © 2009 IWPR. All rights reserved.",
])
def test_f21_prose_about_photos_is_no_caption(prose):
    assert not _is_caption(prose)


# --- a page's tool bar under the byline or above it -------------------------------------------------------

_TOOLS_PAGE = (
    "Armenian Villagers Fight Mining Plan\n\n"
    "Residents of Teghut say a copper mine will destroy the forest they depend on.\n\n"
    "{above}By Gayane Mkrtchyan in Yerevan\n\n"
    "CRS Issue 685,\n16 Apr 13\n\n"
    "{below}Villagers in Teghut, in Armenia's northern Lori region, have written to the president.\n\n"
    "The company behind the project says it will plant new trees.\n\n"
    "Gayane Mkrtchyan is a freelance journalist in Yerevan.\n"
)


@pytest.mark.parametrize("above, below", [
    ("", "Print | E-mail | Share\n\n"),
    ("", "Share this:\nFacebook Twitter Email\n\n"),
    ("Print | E-mail this article\n\n", ""),
])
def test_a_tool_bar_in_the_page_head_is_neither_the_end_nor_the_body(above, below):
    text = _TOOLS_PAGE.format(above=above, below=below)
    (art,) = _articles(text)
    assert art["headline"] == "Armenian Villagers Fight Mining Plan"
    assert art["byline"] == "By Gayane Mkrtchyan in Yerevan"
    assert art["newsletter"] == {"title": "Caucasus Reporting Service", "issue": 685, "date": "2013-04-16"}
    assert art["body"].startswith("Villagers in Teghut") and art["body"].endswith("plant new trees.")
    assert art["notes"] == "Gayane Mkrtchyan is a freelance journalist in Yerevan."
    _lossless(text)


def test_a_tool_bar_after_the_body_still_ends_the_article():
    text = _TOOLS_PAGE.format(above="", below="").replace(
        "Gayane Mkrtchyan is", "Print | E-mail | Share\n\nGayane Mkrtchyan is")
    (art,) = _articles(text)
    assert art["body"].endswith("plant new trees.") and art["notes"] is None


# --- a forwarded message's banner and headers ---------------------------------------------------------------

_FORWARDED = (
    "AFGHAN RECOVERY REPORT, No. 312, March 12, 2009\n\n"
    "HELMAND FARMERS TURN BACK TO POPPY\nWheat prices fall as the seed programme runs out of\n"
    "money. By Aziz Ahmad Tassal in Lashkar Gah\n\n**********\n\n"
    "HELMAND FARMERS TURN BACK TO POPPY\n\nWheat prices fall as the seed programme runs out of money.\n\n"
    "By Aziz Ahmad Tassal in Lashkar Gah\n\n"
    "Farmers in Helmand say they will plant poppy again this year after the price of wheat fell.\n\n"
    "Officials say the seed programme will resume.\n\n"
    "Aziz Ahmad Tassal is an IWPR-trained reporter in Helmand.\n"
)


@pytest.mark.parametrize("banner", ["---------- Forwarded message ----------", "-----Original Message-----"])
def test_forwarded_headers_under_their_banner_are_mail_matter_not_contents(banner):
    text = (f"{banner}\nFrom: IWPR <arr@iwpr.net>\nDate: Thu, Mar 12, 2009 at 4:05 PM\n"
            "Subject: Afghan Recovery Report No. 312\nTo: desk@example.org\n\n" + _FORWARDED)
    assert _kinds(text) == ["other", "header", "toc", "other", "article"]
    (toc,) = [r for r in split_text(text, "t", all_segments=True) if r["kind"] == "toc"]
    assert [e["headline"] for e in toc["entries"]] == ["HELMAND FARMERS TURN BACK TO POPPY"]


# --- a page's first block of site chrome ------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    "Institute for War & Peace Reporting\nIWPR Home | Reports | Training | About IWPR\nPrint | E-mail",
    "IWPR - Institute for War & Peace Reporting\nHome > Asia > Central Asia > Uzbekistan",
    "Institute for War & Peace Reporting\nHome | Reports | Afghan Recovery Report\nPrint version | Send to a friend",
])
def test_a_first_block_of_site_title_navigation_and_tools_is_chrome(head):
    text = head + "\n\n" + _TOOLS_PAGE.format(above="", below="")
    assert _kinds(text) == ["chrome", "article"]


def test_a_first_block_with_a_line_of_prose_is_not_chrome():
    head = "Institute for War & Peace Reporting\nThe institute trains local reporters in twenty countries."
    assert _kinds(head + "\n\n" + _TOOLS_PAGE.format(above="", below=""))[0] != "chrome"


# --- known failures the held-out inputs showed outside this branch's part of split (notes) -----------------

def test_withheld_name_note_is_a_note():
    # a known failure on the pages branch, fixed by the name notes of the ends branch (F19) once merged
    (art,) = _articles(_EDITION.replace("Jo Doe is an IWPR contributor in Ashgabat.",
                                        "The author's name is withheld for security reasons."))
    assert art["notes"] == "The author's name is withheld for security reasons."


def test_bio_name_with_hyphenated_particle_is_a_note():
    (art,) = _articles(_EDITION.replace("Jo Doe is", "Ali Kais al-Rubai is"))
    assert art["notes"] == "Ali Kais al-Rubai is an IWPR contributor in Ashgabat."


# --- a contents heading printed over its entries with no blank line ---------------------------------------

@pytest.mark.parametrize("indent", ["", "  ", "\t"])
def test_contents_heading_glued_to_its_entries_keeps_the_entries(indent):
    text = ("BALKAN CRISIS REPORT, No. 150, June 30, 2000\n\nCONTENTS:\n"
            f"{indent}MONTENEGRO: DJUKANOVIC WEIGHS REFERENDUM\n{indent}By Milka Tadic in Podgorica\n"
            f"{indent}SERBIA: STUDENTS PLAN SUMMER PROTESTS\n{indent}By Dragan Stavljanin in Belgrade\n\n*****\n\n"
            "SERBIA: STUDENTS PLAN SUMMER PROTESTS\n\nBy Dragan Stavljanin in Belgrade\n\n"
            "The student movement Otpor says it will hold rallies in twenty towns across Serbia.\n\n"
            "Police have arrested more than a hundred Otpor activists since May.\n")
    (toc,) = [r for r in split_text(text, "t", all_segments=True) if r["kind"] == "toc"]
    assert [(e["headline"], e["byline"]) for e in toc["entries"]] == [
        ("MONTENEGRO: DJUKANOVIC WEIGHS REFERENDUM", "By Milka Tadic in Podgorica"),
        ("SERBIA: STUDENTS PLAN SUMMER PROTESTS", "By Dragan Stavljanin in Belgrade")]


def test_plain_paragraphs_see_a_line_of_no_break_spaces_as_blank_as_the_blocks_do():
    # found by test_split_scan's property test: joining the piece dropped the line the blocks count as blank
    from iwpr_extract import split as S
    from iwpr_extract.textutil import blocks_of

    body = blocks_of("Ata-\n\u00a0\n\ntalks\n")
    assert [S._group_text(g) for g in S._paragraph_groups(body)] == ["Ata-", "talks"]
    assert S._plain_paragraphs(body) in (None, ["Ata-", "talks"])


# --- a page's label over its date line, above or under the byline (pages of 2013-15) ------------------------

_LABELLED = (
    "Institute for War and Peace Reporting\n\nHome > Middle East > Syria\n\n"
    "Syria: Aleppo Bakeries Struggle to Stay Open\n\nFlour shortages and shelling force many to close.\n\n"
    "{above}By Abdulhamid Ahmad\n\n{below}Photo: Ahmad Hasan/IWPR\n\n"
    "Only eight of the 30 bakeries that served the eastern half of Aleppo are still working, officials say.\n\n"
    "Prices Triple\n\nA bundle of bread that cost 25 Syrian pounds a year ago now sells for 75.\n"
)


@pytest.mark.parametrize("label, title", [("Syria Stories", None), ("Syria Reporting", "Syria Reporting")])
@pytest.mark.parametrize("where", ["above", "below"])
def test_a_label_over_a_date_line_is_the_pages_edition_data(label, title, where):
    block = f"{label}\n15 Jan 2015\n\n"
    text = _LABELLED.format(above=block if where == "above" else "", below=block if where == "below" else "")
    (art,) = _articles(text)
    assert art["headline"] == "Syria: Aleppo Bakeries Struggle to Stay Open"
    assert art["standfirst"] == "Flour shortages and shelling force many to close."
    assert art["byline"] == "By Abdulhamid Ahmad"
    assert art["newsletter"] == {"title": title, "issue": None, "date": "2015-01-15"}
    assert art["body"].split("\n\n")[0].startswith("Only eight") and art["captions"] == ["Photo: Ahmad Hasan/IWPR"]
    _lossless(text)


# --- a page copied without blank lines: paragraphs one to a line -------------------------------------------

_SINGLE_HEAD = ("Home > Caucasus > Georgia\nGeorgian Farmers Count Cost of Drought\n"
                "Wine growers in Kakheti say half the grape harvest is lost.\nBy Nino Gerliani in Tbilisi\n"
                "CRS Issue 547,\n15 Jun 10\n")


@pytest.mark.parametrize("paragraphs", [
    ["Farmers in the Kakheti region say the drought has destroyed half of this year's grape harvest, and many "
     "fear they will not be able to repay their loans.",
     "\"We have not seen rain since April,\" said Zurab, a grower in the village of Napareuli. \"The vines are dry.\"",
     "The agriculture ministry says it will compensate farmers who lost more than half their crop, but not when."],
    ["Farmers in Kakheti say the drought has destroyed half the harvest.",
     "\"We have not seen rain since April,\" said Zurab, a grower.",
     "The ministry says it will compensate farmers, but not when."],
])
def test_a_page_without_blank_lines_has_a_paragraph_per_line(paragraphs):
    text = _SINGLE_HEAD + "\n".join(paragraphs) + "\nNino Gerliani is a freelance journalist in Tbilisi.\n"
    (art,) = _articles(text)
    assert art["headline"] == "Georgian Farmers Count Cost of Drought"
    assert art["standfirst"] == "Wine growers in Kakheti say half the grape harvest is lost."
    assert art["byline"] == "By Nino Gerliani in Tbilisi"
    assert art["newsletter"] == {"title": "Caucasus Reporting Service", "issue": 547, "date": "2010-06-15"}
    assert art["body"].split("\n\n") == paragraphs
    assert art["notes"] == "Nino Gerliani is a freelance journalist in Tbilisi."
    _lossless(text)


def test_a_hard_wrapped_paragraph_stays_one_paragraph():
    text = ("Strike Looms\n\nWages have not been paid.\n\nBy Jo Doe in Basra\n\n"
            "Hundreds of workers gathered outside the offices of the oil company.\n"
            "They said they had not been paid since February. The company said\n"
            "the money was held up at the bank.\n\nJo Doe is an IWPR journalist in Basra.\n")
    (art,) = _articles(text)
    assert "\n\n" not in art["body"]


def test_a_hard_wrapped_paragraph_whose_lines_happen_to_end_sentences_stays_one_paragraph():
    # each line ends a sentence, but each was broken where a wrap at 78 columns breaks (the next word did not fit)
    lines = ["So next time I come to Kazakstan, you must ask me the same question once again.",
             "\u201cI\u2019ve been working in the fields since I was maybe seven or eight,\u201d he said.",
             "The constitution was passed in a national referendum in June last year."]
    text = ("Strike Looms\n\nWages have not been paid.\n\nBy Jo Doe in Basra\n\n" + "\n".join(lines)
            + "\n\nJo Doe is an IWPR journalist in Basra.\n")
    (art,) = _articles(text)
    assert art["body"] == " ".join(lines)


def test_a_quoted_printable_paragraph_of_nothing_but_spaces_leaves_no_empty_paragraph():
    text = ("Content-Transfer-Encoding: quoted-printable\n\nStrike Looms\n\nWages have not been paid.\n\n"
            "By Jo Doe in Basra\n\nHundreds of workers gathered outside the offices of the oil com=\npany on Sunday=\n.\n\n"
            "=20\n\nThey said they had not been paid since February=2E\n\n=20=20\n\nJo Doe is an IWPR journalist in Basra.\n")
    (art,) = _articles(text)
    assert art["body"].split("\n\n") == [
        "Hundreds of workers gathered outside the offices of the oil company on Sunday.",
        "They said they had not been paid since February."]
    assert art["notes"] == "Jo Doe is an IWPR journalist in Basra."


# --- a reply's quote opening line with no blank line under it; broken wraps inside the quote -------------

def test_a_quote_right_under_its_opening_line_is_read_as_the_edition():
    text = ("Sergei - this one for the Tbilisi office, please.\n\n"
            "On 3/10/05, IWPR <crs@iwpr.net> wrote:\n"
            "> CAUCASUS REPORTING SERVICE, No. 276, March 10, 2005\n>\n"
            "> GEORGIA: PANKISI VILLAGERS FEAR NEW RAIDS\n>\n"
            "> Residents say security operations in the gorge have left them afraid to leave\ntheir homes.\n>\n"
            "> By Zaza Baazov in Tbilisi\n>\n"
            "> Villagers in the Pankisi gorge say masked men in uniform searched several\n"
            "houses in Duisi last week and took away two young men, whose families have\nnot heard from them since.\n>\n"
            "> The interior ministry says the operation was aimed at criminals and that\nboth men will be charged.\n>\n"
            "> Zaza Baazov is a regular IWPR contributor.\n")
    assert _kinds(text) == ["other", "header", "article"]
    (art,) = _articles(text)
    assert art["newsletter"] == {"title": "Caucasus Reporting Service", "issue": 276, "date": "2005-03-10"}
    assert art["standfirst"] == "Residents say security operations in the gorge have left them afraid to leave their homes."
    assert art["body"].split("\n\n") == [
        "Villagers in the Pankisi gorge say masked men in uniform searched several houses in Duisi last week and "
        "took away two young men, whose families have not heard from them since.",
        "The interior ministry says the operation was aimed at criminals and that both men will be charged."]
    assert art["notes"] == "Zaza Baazov is a regular IWPR contributor."
    _lossless(text)


def test_a_double_spaced_edition_keeps_its_end_marker_apart_from_what_follows():
    lines = ["HARARE: TEACHERS STRIKE OVER PAY", "Schools close as teachers demand wages that keep pace with inflation.",
             "By IWPR staff in Harare",
             "Most government schools in Harare were closed on Monday as teachers",
             "stayed away to demand a pay rise, the third strike this year.",
             "The teachers' union says its members earn less than the cost of",
             "getting to work each month.",
             "Education officials said striking teachers would not be paid.", "ends",
             "Jo Doe is an IWPR contributor in"]
    (art,) = _articles("\n\n".join(lines) + "\n")
    assert art["body"].split("\n\n")[:3] == [
        "Most government schools in Harare were closed on Monday as teachers stayed away to demand a pay rise, "
        "the third strike this year.",
        "The teachers' union says its members earn less than the cost of getting to work each month.",
        "Education officials said striking teachers would not be paid."]
    assert "ends Jo Doe" not in (art["body"] or "") + (art["notes"] or "")


def test_a_quoted_paragraph_whose_wraps_lost_their_quote_marks_stays_one_paragraph():
    text = _NOTE + _quoted(_EDITION, "> ").replace(
        "> Education officials in Turkmenistan have dismissed thousands of\n> teachers since the president ordered "
        "that schooling be cut.\n",
        "> Education officials in Turkmenistan have dismissed thousands of teachers since\nthe president "
        "ordered that schooling be cut, and many more are expected to go in the\n> autumn, when the new "
        "school year starts in all regions of the\ncountry.\n")
    (art,) = _articles(text)
    assert art["body"].split("\n\n")[0] == (
        "Education officials in Turkmenistan have dismissed thousands of teachers since the president ordered "
        "that schooling be cut, and many more are expected to go in the autumn, when the new school year starts "
        "in all regions of the country.")


# --- a page's date line with a label or a time ------------------------------------------------------------

@pytest.mark.parametrize("line", ["Published: 8 March 2012", "8 Mar 2012 12:34", "Posted on 8 March 2012 - 12:34 GMT",
                                  "Updated: 8 March 2012, 3:45 pm", "8 Mar 12"])
@pytest.mark.parametrize("where", ["under", "in"])
def test_a_page_date_line_with_a_label_or_a_time_is_the_articles_date(line, where):
    byline = "By Yuras Karmanau in Minsk" + (f"\n{line}" if where == "in" else "")
    text = ("Minsk Traders Protest New Tax Rules\n\nMarket stallholders say the changes will put them out of business.\n\n"
            f"{byline}\n\n" + (f"{line}\n\n" if where == "under" else "") +
            "Several hundred traders closed their stalls at Minsk's Zhdanovichi market on Monday and gathered outside "
            "the administration building.\n\nYuras Karmanau is a journalist in Minsk.\n")
    (art,) = _articles(text)
    assert art["byline"] == "By Yuras Karmanau in Minsk"
    assert art["newsletter"]["date"] == "2012-03-08"
    assert art["body"].startswith("Several hundred traders")


@pytest.mark.parametrize("line", ["Published: 12:30", "Posted on Tuesday", "Date: soon", "8 March 2012 people"])
def test_no_date_no_page_date(line):
    from iwpr_extract.split import _page_date

    assert _page_date(line) is None


@pytest.mark.parametrize("date", ["Thursday, 8 March 2012", "8 Mar 12", "Published: 8 March 2012",
                                  "Comment\n8 March 2012"])
def test_a_page_date_over_the_headline_is_the_articles_date(date):
    text = ("Institute for War and Peace Reporting\n\n" + date + "\n\nMinsk Traders Protest New Tax Rules\n\n"
            "Market stallholders say the changes will put them out of business.\n\nBy Yuras Karmanau in Minsk\n\n"
            "Several hundred traders closed their stalls at Minsk's Zhdanovichi market on Monday.\n\n"
            "Yuras Karmanau is a journalist in Minsk.\n")
    assert _kinds(text) == ["chrome", "article"]
    (art,) = _articles(text)
    assert art["headline"] == "Minsk Traders Protest New Tax Rules"
    assert art["newsletter"] == {"title": None, "issue": None, "date": "2012-03-08"}
    _lossless(text)


def test_a_triple_spaced_scrape_joins_its_lines_and_ends_paragraphs_at_the_wider_gaps():
    lines = ["Tens of thousands of Kosovo Albanians crossed back from Macedonia this",
             "week, many of them to find that their houses had been burned by the Yugoslav",
             "Army before the withdrawal.",
             "NATO troops have struggled to keep pace with the returns, say aid workers of the",
             "United Nations in Pristina, who have asked for more tents."]
    text = ("Return\n\nRefugees pour back.\n\nBy Ylber Hysa in Pristina\n\n\n" + "\n\n\n".join(lines[:3]) + "\n\n\n\n\n"
            + "\n\n\n".join(lines[3:]) + "\n\n\nYlber Hysa is a regular IWPR contributor.\n")
    (art,) = _articles(text)
    assert art["body"].split("\n\n") == [" ".join(lines[:3]), " ".join(lines[3:])]
    assert art["notes"] == "Ylber Hysa is a regular IWPR contributor."


def test_a_label_and_date_over_a_headline_with_no_standfirst_is_neither_headline_nor_standfirst():
    text = ("Institute for War and Peace Reporting | Giving Voice, Driving Change\n\nComment\n3 Feb 2014\n\n"
            "Why Kyrgyzstan Must Protect Its Reporters\n\nBy Bakyt Asanov\n\n"
            "Three journalists have been attacked in Bishkek since November, and none of the attackers has been found.\n\n"
            "Only two of those cases ever reached a court.\n\nBakyt Asanov is a journalist in Bishkek\n")
    (art,) = _articles(text)
    assert (art["headline"], art["standfirst"]) == ("Why Kyrgyzstan Must Protect Its Reporters", None)
    assert art["newsletter"]["date"] == "2014-02-03"
    assert _kinds(text) == ["chrome", "article"]


# --- every new cut keeps --all lossless --------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_PAGE_PIECES = st.sampled_from([
    "> ", ">> ", "> > ", ">", "On 3/10/05, IWPR <crs@iwpr.net> wrote:", "     ", "\t", "   Indented line of text that goes on",
    "at the margin.", "A sentence ends here.", "KOSOVO: THE LONG ROAD HOME", "By Ylber Hysa in Pristina",
    "CRS Issue 547,", "15 Jun 10", "Published: 8 March 2012", "Comment", "Print | E-mail | Share", "Share this:",
    "Photo courtesy of UNHCR", "© IWPR/Mina Habib", "---------- Forwarded message ----------", "From: a@b.c",
    "x" * 120, "Return to Ruins", "=20", "\u00a0", "CONTENTS:", "the", "Institute for War & Peace Reporting",
])
_PAGE_TEXT = st.lists(st.tuples(st.lists(_PAGE_PIECES, min_size=0, max_size=3).map(" ".join),
                                st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n", "\n>\n"])),
                      max_size=24).map(lambda parts: "".join(line + end for line, end in parts))


@settings(max_examples=300, deadline=None)
@given(_PAGE_TEXT)
def test_property_all_segments_stay_lossless_with_quotes_indents_and_page_heads(text):
    _lossless(text)


def test_short_paragraphs_one_to_a_line_keep_their_sub_heading_apart():
    paragraphs = ["Farmers in Kakheti say the drought has destroyed half the harvest.", "No Rain Since April",
                  "\"We have not seen rain since April,\" said Zurab, a grower.",
                  "The ministry says it will compensate farmers, but not when."]
    text = _SINGLE_HEAD + "\n".join(paragraphs) + "\nNino Gerliani is a freelance journalist in Tbilisi.\n"
    (art,) = _articles(text)
    assert art["body"].split("\n\n") == paragraphs
    assert art["notes"] == "Nino Gerliani is a freelance journalist in Tbilisi."


def test_a_wrapped_paragraph_with_a_short_last_line_is_no_sub_heading():
    text = ("Strike Looms\n\nWages have not been paid.\n\nBy Jo Doe in Basra\n\n"
            "Hundreds of workers gathered outside the offices of the oil company.\n"
            "They said they had not been paid since February.\nThe company said\n"
            "the money was held up at the bank.\n\nJo Doe is an IWPR journalist in Basra.\n")
    (art,) = _articles(text)
    assert "The company said the money" in art["body"]
