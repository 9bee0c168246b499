"""`iwpr split`: the seeds' done-when figures, every layout variation, lossless --all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from iwpr_extract.cli import cli
from iwpr_extract.split import byline_text_ok, parse_toc_entry, split_record, split_text
from iwpr_extract.streams import decode_text

from conftest import FIXTURES, jsonl, run_iwpr

SPLIT = FIXTURES / "split"
INPUTS = sorted(SPLIT.glob("*.txt"))


def read(path: Path) -> str:
    return decode_text(path.read_bytes(), path.name, warn=lambda e: None)


def articles(name: str) -> list[dict]:
    return [r for r in split_text(read(SPLIT / name), name) if r["kind"] == "article"]


# --- the seeds ---------------------------------------------------------------------------------------


def test_seed_email_edition_gives_four_articles_with_toc_headlines():
    arts = articles("rca_email_edition.txt")
    assert [a["headline"] for a in arts] == [
        "KYRGYZ COALITION TALKS STRUGGLE ON",
        "POVERTY DRIVES CHILD LABOUR IN KYRGYZSTAN",
        None,  # the TOC entry lost its first lines: null, not guessed
        None,
    ]
    assert [a["byline"] for a in arts] == [
        "By Ainagul Abdrakhmanova",
        "By Asyl Osmonalieva, Gulzat Abdurasulova",
        "By Yulia Kuznetsova",
        "By Andrei Grishin",
    ]
    assert arts[0]["standfirst"] == "Parties struggle to forge winning combination."
    assert arts[2]["standfirst"].startswith("United Nations rapporteur says legislation")
    assert arts[3]["standfirst"].startswith("Kazak authorities applying own rules")
    assert arts[0]["body"].startswith("As the final results of the October 10 parliamentary election")
    assert arts[0]["body"].endswith("towards external players,” Kuzmin said.")
    assert arts[0]["notes"].startswith("Ainagul Abdrakhmanova is an IWPR-trained journalist in Bishkek.")
    assert "Foreign Ministry of Norway" in arts[0]["notes"]
    assert "Foreign Ministry of Norway" not in arts[0]["body"]
    assert arts[1]["notes"].startswith("The names of some interviewees have been changed")
    assert "are IWPR trained journalists in" in arts[1]["notes"]
    # the Q&A interview keeps its turns as paragraphs
    assert "\n\nManfred Nowak: It is all down to the political will" in arts[2]["body"]
    assert arts[3]["notes"].startswith("Andrei Grishin is a staff member at the Kazakstan Bureau")
    for art in arts:
        assert "\n\n\n" not in art["body"] and " \n" not in art["body"]
        assert art["newsletter"]["title"] == "Reporting Central Asia"  # named by the masthead
        assert art["newsletter"]["issue"] is None and art["newsletter"]["date"] is None


def test_seed_page_gives_one_article_without_site_title_or_related_links():
    (art,) = articles("rca_article_page.txt")
    assert art["headline"] == "Limited Refuge in Kazakstan"
    assert art["standfirst"] == "Arrest of leading human rights activist highlights vulnerable position"
    assert art["byline"] == "By Zamir Karajanov and Dilya Usmanova in Almaty (RCA No. 393, 06-Jul-05)"
    assert art["newsletter"] == {"title": "Reporting Central Asia", "issue": 393, "date": "2005-07-06"}
    assert "Giving Voice" not in art["body"] and "Global Voices" not in art["body"]
    assert "Enguri" not in art["body"]
    # double-spaced lines are joined into the paragraphs a reader sees
    assert art["body"].startswith(
        "Amidst growing concern about the treatment of refugees from Uzbekistan who fled to Kazakstan "
        "following the Andijan uprising, a leading Uzbek human rights activist has been arrested by Kazak police.\n\n"
    )
    assert art["notes"].endswith("Dilya Usmanova is the pseudonym of an IWPR contributor in Uzbekistan.")


# --- layouts -------------------------------------------------------------------------------------------


def test_toc_sections_credits_without_by_and_wrapped_credits():
    recs = split_text(read(SPLIT / "crs_edition_sections.txt"), all_segments=True)
    (toc,) = [r for r in recs if r["kind"] == "toc"]
    assert [(e["section"], e["byline"]) for e in toc["entries"]] == [
        ("SPECIAL REPORT: WATER AND POWER", "By Nino Gerliani in Mestia"),
        ("SPECIAL REPORT: WATER AND POWER", "Gayane Mkrtchyan reports from Yerevan"),
        ("ELSEWHERE", "IWPR staff in Baku"),
        ("ELSEWHERE", "Comment by Thomas de Waal"),
    ]
    arts = [r for r in recs if r["kind"] == "article"]
    assert [a["headline"] for a in arts] == [
        "GEORGIA: DAM PROJECT DIVIDES SVANETI",
        "ARMENIA: SMALL PLANTS, BIG PROTESTS",
        "AZERBAIJAN: VOTERS SHRUG AT REFERENDUM",
        "NAGORNY KARABAKH: BORDER VILLAGES LIVE WITH SNIPER FIRE",
    ]
    assert arts[0]["captions"] == ["(Photo: Nino Gerliani)"]
    assert "(Photo" not in arts[0]["body"]
    assert arts[3]["notes"] == "Thomas de Waal is a senior associate at the Carnegie Endowment for International Peace."
    assert all(a["newsletter"] == {"title": "Caucasus Reporting Service", "issue": 612, "date": "2011-10-14"} for a in arts)


def test_two_editions_crlf_separate_lines_and_missing_toc_entries():
    recs = split_text(read(SPLIT / "arr_two_editions_crlf.txt"), all_segments=True)
    arts = [r for r in recs if r["kind"] == "article"]
    assert [(a["headline"], a["newsletter"]["issue"]) for a in arts] == [
        ("HELMAND FARMERS TURN BACK TO POPPY", 287),
        ("KABUL TEACHERS WAIT MONTHS FOR PAY", 287),
        (None, 288),  # an article with no TOC entry; the BALKH entry has no article
    ]
    assert arts[1]["byline"] == "By Hafizullah Gardesh and Jean MacKenzie in Kabul"  # wrapped over two lines
    assert all("\r" not in (a["body"] + (a["notes"] or "")) for a in arts)
    assert [r["kind"] for r in recs].count("footer") == 2


def test_page_with_headline_and_standfirst_printed_twice_and_a_photo_caption():
    (art,) = articles("icr_page_printed_twice.txt")
    assert art["headline"] == "Iraq: Basra Fishermen Squeezed by Salt"
    assert art["standfirst"].startswith("Rising salinity")
    assert art["captions"] == ["Fishermen unload a thin catch at the port of Fao. (Photo: Ali Hussein/IWPR)"]
    assert art["newsletter"] == {"title": "Iraq Crisis Report", "issue": 402, "date": "2012-09-12"}
    assert "Related" not in art["body"] and "Support local journalists" not in art["body"]
    assert art["text"].count("Iraq: Basra Fishermen Squeezed by Salt") == 2  # both copies stay in the span


def test_repost_with_sentence_case_headline_and_title_in_byline():
    (art,) = articles("bcr_repost_sentence_case.txt")
    assert art["headline"] == "Reporters in Kosovo learn to check their sources"
    assert art["byline"] == "By Jeta Xharra, IWPR Balkans editor"
    assert "with the support of the Dutch government" in art["body"]


def test_listing_page_gives_toc_entries_and_a_warning():
    recs = split_text(read(SPLIT / "rca_listing_page.txt"))
    assert [r["kind"] for r in recs] == ["toc"]
    assert recs[0]["warnings"]
    assert [e["headline"] for e in recs[0]["entries"]] == [
        "Kyrgyz Coalition Talks Struggle On",
        "Poverty Drives Child Labour in Kyrgyzstan",
        "Kazakstan: Torture Reforms Incomplete",
    ]


def test_bare_text_is_one_article_with_a_warning_on_stderr():
    result = run_iwpr("split", "fixtures/split/bare_article.txt")
    assert result.returncode == 0
    (art,) = jsonl(result.stdout)
    assert art["kind"] == "article" and art["byline"] is None and art["body"].count("\n\n") == 2
    assert b"warning" in result.stderr and b"no article structure" in result.stderr


def test_prose_starting_with_by_is_not_a_byline():
    text = ("Talks stall again.\n\nBy Jane Doe in Osh\n\nThe vote was close.\n\n"
            "By contrast, many leading Social Democrats were closely involved in the\npost-Bakiev administration.\n\n"
            "By the end of the week no coalition had emerged.\n")
    (art,) = [r for r in split_text(text) if r["kind"] == "article"]
    assert art["byline"] == "By Jane Doe in Osh"
    assert "By contrast" in art["body"] and "By the end of the week" in art["body"]


def test_toc_entry_parsing_layouts():
    assert parse_toc_entry(["KYRGYZ TALKS  A new deal is near.  By Jo Doe"]) == {
        "headline": "KYRGYZ TALKS", "standfirst": "A new deal is near.", "byline": "By Jo Doe"}
    assert parse_toc_entry(["rules on asylum-seekers.  By", "Andrei Grishin"])["byline"] == "By Andrei Grishin"
    assert parse_toc_entry(["GEORGIA: TALKS  Officials meet.  Nino Gerliani in Tbilisi"])["byline"] == "Nino Gerliani in Tbilisi"


@pytest.mark.parametrize("text,ok", [
    ("By Zamir Karajanov and Dilya Usmanova in Almaty (RCA No. 393, 06-Jul-05)", True),
    ("Interview by Andrei Grishin", True),
    ("By IWPR staff", True),
    ("IWPR staff in Central Asia", True),
    ("By Луиза Мендес-Ортега", True),
    ("By the end of the week, nothing had changed.", False),
    ("By contrast, many leading Social Democrats were closely involved in the", False),
    ("Byrne Hobart said so", False),
])
def test_byline_shapes(text, ok):
    assert byline_text_ok(text) is ok


# --- the contract --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_all_segments_are_lossless_and_spans_index_the_text(path):
    text = read(path)
    recs = split_text(text, path.name, all_segments=True)
    assert "".join(r["text"] for r in recs) == text
    for n, rec in enumerate(recs):
        start, end = rec["span"]
        assert text[start:end] == rec["text"]
        assert rec["index"] == n and rec["id"] == f"{path.name}#{n}"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_article_ids_are_the_same_with_and_without_all(path):
    text = read(path)
    all_ids = {r["id"] for r in split_text(text, all_segments=True) if r["kind"] == "article"}
    assert {r["id"] for r in split_text(text) if r["kind"] == "article"} == all_ids


_LINES = st.sampled_from([
    "", "", "By Jane Doe in Bishkek", "KYRGYZ TALKS  Parties talk.  By Jo Doe", "****", "*** http://iwpr.net ***",
    "Parties struggle to forge a coalition.", "The vote was close, officials said.", "ISSN: 1477-7924",
    "REPORTING CENTRAL ASIA, No. 5, 2 April, 2008", "Jane Doe is an IWPR-trained journalist in Osh.",
    "More IWPR's Global Voices", "(Photo: A. Smith)", "  ", "\r", "by the way", "ELSEWHERE",
    # mail-archive and scrape leftovers: quoted-printable soft breaks and escapes, tags, entities, briefs
    "Content-Transfer-Encoding: quoted-printable", "the talks fail=", "ed =E2=80=93 again=20", "=", "<p>Body.</p>",
    "&amp; &#8220;x&#8221;", "From: a@b.org", "IN BRIEF", "KABUL, 12 March", "1. KOSOVO: TALKS", "Source: IWPR",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=40), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_property_lossless_on_random_text(lines, newline):
    text = newline.join(lines)
    recs = split_text(text, all_segments=True)
    assert "".join(r["text"] for r in recs) == text
    for rec in recs:
        assert text[rec["span"][0]:rec["span"][1]] == rec["text"]
        dumped = json.dumps({k: v for k, v in rec.items() if k != "text"})
        assert "\x00" in text or "\\u0000" not in dumped  # soft-break marks never reach a field


def test_split_record_passes_other_kinds_and_copies_document_fields():
    article = {"id": "x#1", "source": "x", "kind": "article", "text": "t"}
    assert list(split_record(article)) == [article]
    doc = {"id": "d", "source": "d.txt", "kind": "document", "text": "Talks.\n\nBy Jo Doe\n\nBody.", "email": {"subject": "s"}}
    (rec,) = split_record(doc)
    assert rec["email"] == {"subject": "s"} and rec["id"] == "d#0"


# --- command line ---------------------------------------------------------------------------------------


def test_cli_help_and_all_flag():
    runner = CliRunner()
    assert runner.invoke(cli, ["split", "--help"]).exit_code == 0
    result = runner.invoke(cli, ["split", "--all", str(SPLIT / "rca_article_page.txt")])
    assert result.exit_code == 0
    assert [r["kind"] for r in jsonl(result.output)] == ["chrome", "article", "chrome"]


def test_real_pipe_split_into_split_passes_records_through(tmp_path):
    first = run_iwpr("split", "fixtures/split/rca_email_edition.txt")
    second = run_iwpr("split", "-", input=first.stdout)
    assert second.returncode == 0
    assert second.stdout == first.stdout  # article records pass through split unchanged


def test_output_is_byte_identical_run_to_run():
    a = run_iwpr("split", "--all", "fixtures/split/crs_edition_sections.txt")
    b = run_iwpr("split", "--all", "fixtures/split/crs_edition_sections.txt")
    assert a.stdout == b.stdout and a.stdout


def test_numbered_contents_without_credits_and_bare_separators():
    recs = split_text(read(SPLIT / "bcr_numbered_contents.txt"), all_segments=True)
    (toc,) = [r for r in recs if r["kind"] == "toc"]
    # the entry's number is not part of its headline: the TOC headline is the article's
    assert [e["headline"] for e in toc["entries"]] == [
        "MACEDONIA: ALBANIANS THREATEN BOYCOTT", "KOSOVO: SERBS FLEE PRESEVO VALLEY"]
    assert [r["kind"] for r in recs] == ["header", "toc", "other", "article", "other", "article"]
    arts = [r for r in recs if r["kind"] == "article"]
    assert [a["headline"] for a in arts] == ["MACEDONIA: ALBANIANS THREATEN BOYCOTT", "KOSOVO: SERBS FLEE PRESEVO VALLEY"]
    assert arts[1]["standfirst"] is None


def test_byline_without_blank_lines_around_it_still_anchors_its_article():
    text = ("Parties struggle to forge a coalition.\nBy Jane Doe in Bishkek\n"
            "The vote was close, officials said, and the count went on into the night.\n"
            "Observers reported few irregularities.\n\nJane Doe is an IWPR-trained journalist in Bishkek.\n")
    recs = split_text(text, all_segments=True)
    assert "".join(r["text"] for r in recs) == text
    (art,) = recs
    assert (art["standfirst"], art["byline"]) == ("Parties struggle to forge a coalition.", "By Jane Doe in Bishkek")
    assert art["body"].startswith("The vote was close") and art["notes"].startswith("Jane Doe is")


def test_end_notes_recognised_by_phrase_but_not_prose_that_mentions_funding():
    text = ("Talks go on.\n\nBy Jo Doe in Osh\n\nThe vote was close.\n\n"
            "The clinic was funded by the European Union until last year.\n\n"
            "IWPR's Central Asia editor Saule Mukhametrakhimova contributed to this report.\n")
    (art,) = split_text(text)
    assert art["body"].endswith("funded by the European Union until last year.")
    assert art["notes"] == "IWPR's Central Asia editor Saule Mukhametrakhimova contributed to this report."


# --- behaviours found on unseen layouts (fixtures/split/*: bcr_2000, tu_, crs_mail, icr_web, rca_repost) ------


def test_double_spaced_page_keeps_caption_and_dateline_apart_from_the_body():
    lines = ["Strike Looms", "Wages have not been paid for months.", "By Jo Doe in Basra",
             "Workers outside the offices. (Photo: IWPR)", "BASRA, 12 January",
             "Hundreds of workers gathered outside the", "headquarters this week.",
             "A spokesman said the money was held up at the bank.&nbsp;",
             "Jo Doe is an IWPR journalist in Basra."]
    (art,) = [r for r in split_text("\n\n".join(lines) + "\n") if r["kind"] == "article"]
    assert art["captions"] == ["Workers outside the offices. (Photo: IWPR)"]
    assert art["body"].split("\n\n") == [
        "BASRA, 12 January", "Hundreds of workers gathered outside the headquarters this week.",
        "A spokesman said the money was held up at the bank."]
    assert art["notes"] == "Jo Doe is an IWPR journalist in Basra."


def test_numbered_contents_entries_and_masthead_lines_in_contents():
    recs = split_text(read(SPLIT / "bcr_2000_masthead_interview.txt"), all_segments=True)
    (toc,) = [r for r in recs if r["kind"] == "toc"]
    # "IWPR's Balkan Crisis Report is supported by the European Commission," is wrapped prose, no entry
    assert [e["headline"] for e in toc["entries"]] == [
        "MONTENEGRO: DJUKANOVIC WEIGHS REFERENDUM", "KOSOVO: MITROVICA BRIDGE STANDOFF",
        'SERBIA: "WE WILL NOT WAIT FOREVER"']
    arts = [r for r in recs if r["kind"] == "article"]
    assert [a["byline"] for a in arts] == ["By Milka Tadic, IWPR Montenegro Editor",
                                           "Comment by Gordana Igric, IWPR Balkan Editor",
                                           "Interview by Dragan Stavljanin in Belgrade"]
    assert arts[0]["body"].split("\n\n")[1].startswith("By most accounts")  # prose "By" stays body
    assert arts[2]["body"].count("\n\nQ: ") == 3 and arts[2]["notes"].startswith("Dragan Stavljanin is")


def test_parse_toc_entry_drops_numbering_and_wrapped_prose_is_no_headline():
    assert parse_toc_entry(["2) KOSOVO: BRIDGE STANDOFF", "By Jo Doe"])["headline"] == "KOSOVO: BRIDGE STANDOFF"
    entry = parse_toc_entry(["IWPR's Weekly Report Is Supported By the European Commission,",
                             "the Department for International Development."])
    assert entry["headline"] is None


def test_quoted_printable_archive_fields_decoded_spans_kept():
    text = read(SPLIT / "crs_mail_archive_qp.txt")
    recs = split_text(text, all_segments=True)
    assert "".join(r["text"] for r in recs) == text
    assert recs[0]["kind"] == "other" and recs[0]["text"].startswith("From: ")  # mail headers, not contents
    arts = [r for r in recs if r["kind"] == "article"]
    assert [a["headline"] for a in arts] == [
        "GEORGIA: SAAKASHVILI'S FIRST HUNDRED HOURS", "CHECHNYA: REFUGEES FEAR WINTER RETURN", None]
    assert "arrest of two former ministers" in arts[0]["body"] and "=" not in arts[0]["body"]
    assert "settling of scores, and that" in arts[0]["body"]
    assert arts[1]["notes"].endswith("and an IWPR contributor.")


def test_quoted_printable_escapes_in_utf8_and_cp1252():
    text = ("Content-Transfer-Encoding: quoted-printable\n\nThe talks fail=\ned again.\n\nBy Jo Doe in Baku\n\n"
            "The minister=92s plan =E2=80=93 a new deal =E2=80=93 was dropped.=20\n\nMore text here.\n")
    (art,) = [r for r in split_text(text) if r["kind"] == "article"]
    assert art["standfirst"] == "The talks failed again."
    assert art["body"] == "The minister’s plan – a new deal – was dropped.\n\nMore text here."
    plain = "Sums: a=\nb, c=\nd, e=\nf.\n"  # lines ending in "=", but no escape and no header: not QP
    assert split_text(plain)[0]["body"] == "Sums: a= b, c= d, e= f."


def test_mail_headers_end_an_article_body():
    text = ("Talks stall.\n\nBy Jo Doe in Baku\n\nBody one.\n\nBody two.\n\n"
            "From: IWPR <crs@iwpr.net>\nSubject: CAUCASUS REPORTING SERVICE, No. 213\nDate: Thu, 5 Feb 2004\n\n"
            "Roads close.\n\nBy Al Roe in Tbilisi\n\nBody three.\n")
    recs = split_text(text, all_segments=True)
    arts = [r for r in recs if r["kind"] == "article"]
    assert [a["body"] for a in arts] == ["Body one.\n\nBody two.", "Body three."]
    assert [r["kind"] for r in recs][1:3] == ["other", "article"]


def test_html_leftovers_and_a_repost_source_line():
    (art,) = articles("rca_repost_html_leftovers.txt")
    assert art["headline"] == "Uzbek farmers told to plant cotton, not wheat"
    assert art["standfirst"] == "Regional officials are said to be enforcing quotas with fines and threats."
    assert art["byline"] == "By IWPR staff in Tashkent"
    assert "<" not in art["body"] and "“They told us" in art["body"]
    assert art["notes"].split("\n\n") == ["Source: Institute for War & Peace Reporting",
                                          "The names of farmers interviewed for this report have been withheld."]


def test_news_in_brief_items_are_articles_without_byline():
    recs = split_text(read(SPLIT / "tu_tribunal_update_brief.txt"), all_segments=True)
    arts = [r for r in recs if r["kind"] == "article"]
    assert [(a["headline"], a["byline"]) for a in arts] == [
        ("PROSECUTORS OPEN MILOSEVIC CASE", "Compiled by IWPR staff in The Hague"),
        ("DEFENCE CHALLENGES FOCA EVIDENCE", "By Chris Stephen in The Hague"),
        ("DATE SET FOR VUKOVAR APPEAL", None), ("NEW JUDGE SWORN IN", None)]
    assert arts[2]["body"].startswith("The appeals chamber will hear") and arts[2]["newsletter"]["issue"] == 254
    text = ("Talks stall.\n\nBy Jo Doe in Baku\n\nBody one ends here.\n\nNEWS IN BRIEF\n\n"
            "MINISTER SACKED\nThe president dismissed the minister.\n\nBORDER REOPENS\nThe crossing reopened after\n"
            "three weeks.\n")
    got = [(r["headline"], r["body"]) for r in split_text(text) if r["kind"] == "article"]
    assert got == [(None, "Body one ends here."), ("MINISTER SACKED", "The president dismissed the minister."),
                   ("BORDER REOPENS", "The crossing reopened after three weeks.")]


def test_single_article_edition_with_dateline_caption_and_long_standfirst():
    (art,) = articles("arr_one_article_dateline.txt")
    assert art["newsletter"] == {"title": "Afghan Recovery Report", "issue": 52, "date": "2003-03-14"}
    assert art["captions"] == ["A boy carries his books past a burned-out school in Gardez. (Photo: Wahidullah Amani)"]
    assert art["body"].startswith("GARDEZ, 11 March\n\nElders from")
    (zim3, zim4) = [a for a in articles("zim_two_editions_brief.txt") if a["headline"] and "MDC" in a["headline"]
                    or a["byline"] == "By IWPR staff"]
    assert zim4["standfirst"].count(" ") > 25 and zim4["newsletter"]["issue"] == 4 and zim3["newsletter"]["issue"] == 3


def test_header_over_two_lines_and_byline_closing_the_headline_block():
    recs = split_text(read(SPLIT / "bcr_1999_header_over_lines.txt"), all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article", "article"]
    kosovo, albania = recs[1], recs[2]
    assert kosovo["newsletter"] == {"title": "Balkan Crisis Report", "issue": 50, "date": "1999-06-21"}
    assert (kosovo["headline"], kosovo["standfirst"], kosovo["byline"]) == (
        "KOSOVO: THE LONG ROAD HOME",
        "Refugees stream back across the border faster than aid agencies can cope.", "BY ALAN DAVIS IN PRIZREN")
    assert kosovo["body"].startswith("Tens of thousands") and kosovo["body"].count("\n\n") == 1
    assert (albania["headline"], albania["byline"]) == ("ALBANIA: TIRANA COUNTS THE COST",
                                                        "By Fron Nazi (IWPR Albania Editor)")
    # in a table of contents the same layout (entry after entry, then a short paragraph) stays contents
    toc = ("CONTENTS\n\nTALKS FAIL\nParties argue.\nBy Jo Doe in Baku\n\nROADS CLOSE\nSnow again.\nBy Al Roe in Osh\n\n"
           "The Weekly Report is supported by the Example Foundation\nand by many readers.\n\n****\n")
    assert [r["kind"] for r in split_text(toc, all_segments=True)][0] == "toc"
    assert not [r for r in split_text(toc, all_segments=True) if r["kind"] == "article"]


def test_page_breadcrumbs_and_share_line_are_chrome_and_a_title_line_is_the_headline():
    recs = split_text(read(SPLIT / "ar_page_breadcrumbs.txt"), all_segments=True)
    assert [r["kind"] for r in recs] == ["chrome", "article", "chrome", "footer"]
    art = recs[1]
    assert (art["headline"], art["standfirst"]) == ("Zimbabwe Teachers Walk Out Over Pay", None)
    assert art["newsletter"]["issue"] == 98 and art["newsletter"]["date"] == "2007-02-12"
    paras = art["body"].split("\n\n")
    assert paras[0].startswith("Editor's note:") and paras[1].startswith("By Monday morning")
    assert "Print" not in art["body"]


def test_listing_entries_in_blocks_are_not_taken_for_an_article_and_its_body():
    text = ("LATEST REPORTS\n\nPoverty Drives Child Labour\nHardship forces children to work.\nBy Asyl Osmonalieva\n\n"
            "Kyrgyz Coalition Talks Struggle On\nParties struggle to forge a winning combination, officials say.\n"
            "Ainagul Abdrakhmanova in Bishkek\n")
    (toc,) = split_text(text, all_segments=True)
    assert toc["kind"] == "toc" and [e["byline"] for e in toc["entries"]] == [
        "By Asyl Osmonalieva", "Ainagul Abdrakhmanova in Bishkek"]


def test_a_sentence_starting_with_by_and_a_capital_is_not_a_byline():
    # found by the clean/split property: "the" after a name, with no comma, is a sentence
    assert not byline_text_ok("By May the was Kazakstan")
    assert byline_text_ok("By Jane Doe, the IWPR editor") and byline_text_ok("By Jane Doe for the BBC")


def test_one_credit_shaped_line_in_prose_does_not_make_a_listing():
    # found by the clean/split property: without articles, one weak "entry" is not a table of contents
    text = ("The the the the authorities long-established. By May the\n\nIWPR the the.\n\n"
            "More prose follows here, as in any bare article.\n")
    assert [r["kind"] for r in split_text(text)] == ["article"]
    assert [r["kind"] for r in split_text(read(SPLIT / "rca_listing_page.txt"))] == ["toc"]


def test_an_article_that_lost_its_standfirst_does_not_take_the_last_paragraph_before_it():
    # editions set articles apart with more blank lines than paragraphs: the widest gap decides
    text = ("Talks stall.\n\nBy Jo Doe in Osh\n\nThe vote was close, and the count went on late into the night "
            "while observers watched the boxes being opened.\n\nObservers said little.\n\n\n\n"
            "By Jane Roe in Bishkek\n\nA second article body, without its standfirst.\n\nMore of it.\n")
    first, second = split_text(text)
    assert first["body"].endswith("Observers said little.")
    assert second["standfirst"] is None and second["byline"] == "By Jane Roe in Bishkek"
    # a headline over a standfirst over a wider gap is still a preamble
    text = ("First standfirst.\n\nBy Jo Doe\n\nBody one is long enough to be a paragraph of an article.\n\n"
            "HEADLINE TWO\n\nSecond standfirst here.\n\n\nBy Jane Roe\n\nBody two.\n")
    assert [(r["headline"], r["standfirst"]) for r in split_text(text)] == [
        (None, "First standfirst."), ("HEADLINE TWO", "Second standfirst here.")]


# --- held-out newsletter shapes (reported by the bylines/entities work) ------------------------------------


def test_title_case_header_of_a_known_newsletter_states_the_edition():
    text = ("Reporting Central Asia No. 412, 3-Nov-05\n\nUzbek Traders Squeezed by Border Closure\n\n"
            "By IWPR staff in Tashkent\n\nBazaar traders in the Fergana valley say the closure of the border has cut"
            " their income.\n\nThe author is a journalist in Tashkent whose name is being withheld.\n")
    (art,) = [r for r in split_text(text) if r["kind"] == "article"]
    assert art["newsletter"] == {"title": "Reporting Central Asia", "issue": 412, "date": "2005-11-03"}
    assert (art["headline"], art["standfirst"]) == ("Uzbek Traders Squeezed by Border Closure", None)
    # a title in small letters that is no newsletter's is prose, not a header
    assert split_text("Weekly review No. 4 is out today.\n\nBy Jo Doe in Osh\n\nBody one.\n\nBody two.\n")[0]["newsletter"]["issue"] is None


def test_iraqi_crisis_report_is_the_iraq_newsletter():
    text = "Iraqi Crisis Report No. 87, 17-Sep-04\n\nBy Zaid Sabah in Baghdad\n\nBody one.\n\nBody two.\n"
    assert split_text(text)[0]["newsletter"] == {"title": "Iraq Crisis Report", "issue": 87, "date": "2004-09-17"}


def test_a_byline_naming_a_role_anchors_its_article():
    text = ("AFGHAN RECOVERY REPORT, No. 262, July 20, 2007\n\n\nHELMAND FARMERS CAUGHT\n\nPoppy growers say they will keep planting.\n\nBy Aziz Ahmad Shafe in Lashkar Gah"
             "\n\nFarmers in Helmand say tractors destroyed their fields.\n\n\nTEACHERS UNPAID IN NORTH\n\n"
             "Schools in Kunduz have not paid their staff since the spring.\n\nBy a journalist in Kunduz (name withheld)"
             "\n\nTeachers in Kunduz province say they have not received their salaries.\n\n"
             "The author is an IWPR contributor whose name is withheld for his safety.\n")
    arts = [r for r in split_text(text) if r["kind"] == "article"]
    assert [a["byline"] for a in arts] == ["By Aziz Ahmad Shafe in Lashkar Gah", "By a journalist in Kunduz (name withheld)"]
    assert arts[0]["notes"] is None and arts[1]["notes"].startswith("The author is")
    for credit in ("By our correspondent in Tbilisi", "By an IWPR contributor", "By a staff reporter in Baku"):
        assert byline_text_ok(credit), credit
    for prose in ("By a long way the best", "By a majority of MPs in Bishkek", "By the end of the year"):
        assert not byline_text_ok(prose), prose


def test_a_funding_line_after_the_bios_makes_them_all_notes():
    text = ("By Zia Ahmadi in Kabul\n\nTeachers say they have not been paid.\n\nThe ministry blames the banks.\n\n"
            "Zia Ahmadi is an IWPR staff reporter in Kabul. Jean MacKenzie is IWPR's country director in Afghanistan.\n\n"
            "IWPR's Afghan Recovery Report is supported by the UK Community Fund.\n")
    (art,) = split_text(text)
    assert art["body"] == "Teachers say they have not been paid.\n\nThe ministry blames the banks."
    assert art["notes"].endswith("supported by the UK Community Fund.") and art["notes"].startswith("Zia Ahmadi is")


def test_end_markers_are_neither_body_nor_notes():
    for marker in ("(ENDS)", "ends", "- ends -", "ENDS."):
        text = ("By Ylber Hysa in Pristina\n\nTens of thousands crossed back.\n\nNATO troops struggled.\n\n"
                f"Ylber Hysa is the editor of the Pristina weekly Zeri.\n\n{marker}\n")
        (art,) = split_text(text)
        assert art["body"] == "Tens of thousands crossed back.\n\nNATO troops struggled.", marker
        assert art["notes"] == "Ylber Hysa is the editor of the Pristina weekly Zeri.", marker
        assert art["text"].endswith(f"{marker}\n")  # still in the record's text


def test_by_inside_a_headline_in_capitals_is_no_credit():
    text = ("BALKAN CRISIS REPORT, No. 200, January 12, 2001\n\nKOSOVO: SERB VILLAGE HIT BY MORTAR FIRE\n\n"
            "Three people were wounded.\n\nBy Ylber Hysa in Pristina\n\nMortar rounds landed in the village.\n")
    recs = split_text(text, all_segments=True)
    assert [r["kind"] for r in recs] == ["header", "article"]
    assert recs[1]["headline"] == "KOSOVO: SERB VILLAGE HIT BY MORTAR FIRE"
    # a credit in capitals on a line of its own still anchors its article
    (art,) = split_text("BY ALAN DAVIS IN PRIZREN\n\nRefugees crossed back.\n\nAid workers were surprised.\n")
    assert art["byline"] == "BY ALAN DAVIS IN PRIZREN"
