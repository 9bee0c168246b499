"""`iwpr bylines` and `parse_byline`: IWPR byline patterns, other sources' bylines, bios, raw text."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from iwpr_extract import parse_byline
from iwpr_extract.bylines import Author, bylines_record, find_bios, find_bylines
from iwpr_extract.cli import cli
from iwpr_extract.split import split_text

from conftest import FIXTURES, jsonl, run_iwpr


def people(text):
    return [(a.name, a.location) for a in parse_byline(text)]


def article(byline, notes=None, **extra):
    return {"id": "t#0", "source": "t", "kind": "article", "index": 0,
            "newsletter": {"title": None, "issue": None, "date": None},
            "byline": byline, "body": "Body.", "notes": notes, **extra}


# --- IWPR bylines -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("By Ainagul Abdrakhmanova", [("Ainagul Abdrakhmanova", None)]),
    ("By Zamir Karajanov and Dilya Usmanova", [("Zamir Karajanov", None), ("Dilya Usmanova", None)]),
    ("By Asyl Osmonalieva, Gulzat Abdurasulova", [("Asyl Osmonalieva", None), ("Gulzat Abdurasulova", None)]),
    ("By Ana Ray, Bo Lee and Cyd Mo in Almaty", [("Ana Ray", "Almaty"), ("Bo Lee", "Almaty"), ("Cyd Mo", "Almaty")]),
    ("By Asyl Osmonalieva in Bishkek and Gulzat Abdurasulova in Dushanbe",
     [("Asyl Osmonalieva", "Bishkek"), ("Gulzat Abdurasulova", "Dushanbe")]),
    ("By Ali Aliev in Almaty, Bo Lee and Cyd Mo in Bishkek, and Dan Oz in Dushanbe",
     [("Ali Aliev", "Almaty"), ("Bo Lee", "Bishkek"), ("Cyd Mo", "Bishkek"), ("Dan Oz", "Dushanbe")]),
    ("By Zamir Karajanov and\nDilya Usmanova in Almaty", [("Zamir Karajanov", "Almaty"), ("Dilya Usmanova", "Almaty")]),
    ("Comment by Thomas de Waal", [("Thomas de Waal", None)]),
    ("Interview by Andrei Grishin", [("Andrei Grishin", None)]),
    ("Compiled by Ana Ray", [("Ana Ray", None)]),
    ("Ainagul Abdrakhmanova in Bishkek", [("Ainagul Abdrakhmanova", "Bishkek")]),
    ("Gayane Mkrtchyan reports from Yerevan", [("Gayane Mkrtchyan", "Yerevan")]),
    ("By Abdujalil Abdurasulov in Bishkek and Osh", [("Abdujalil Abdurasulov", "Bishkek and Osh")]),
    ("By Tom de Waal in Tbilisi, Georgia", [("Tom de Waal", "Tbilisi, Georgia")]),
    ("By Juan Méndez in Buenos Aires", [("Juan Méndez", "Buenos Aires")]),
    ("By Луиза Мендес-Ортега in Бишкек", [("Луиза Мендес-Ортега", "Бишкек")]),
    ("By Sanobar Shermatova in Moscow and Ulugbek Khaidarov in Jizak",
     [("Sanobar Shermatova", "Moscow"), ("Ulugbek Khaidarov", "Jizak")]),
    ("By Mirza Khaliq Abdullahi in Bamyan and Shoib Najafizada in Kabul (ARR No. 301, 17-Sep-08)",
     [("Mirza Khaliq Abdullahi", "Bamyan"), ("Shoib Najafizada", "Kabul")]),
    ("By J. R. Hartley", [("J. R. Hartley", None)]),
])
def test_iwpr_bylines(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize("text, name, role, location", [
    ("By John MacLeod, IWPR Central Asia editor", "John MacLeod", "IWPR Central Asia editor", None),
    ("By Jeta Xharra, Caucasus Editor", "Jeta Xharra", "Caucasus Editor", None),
    ("By Alisher Saipov, IWPR contributor in Osh", "Alisher Saipov", "IWPR contributor", "Osh"),
    ("By JANE DOE, Staff Writer", "Jane Doe", "Staff Writer", None),
])
def test_titles_after_a_comma_are_roles_not_places(text, name, role, location):
    (author,) = parse_byline(text)
    assert (author.name, author.role, author.location) == (name, role, location)


@pytest.mark.parametrize("text", [
    "By IWPR staff", "IWPR staff in Central Asia", "Compiled by IWPR staff in The Hague", "By an IWPR correspondent",
    "By Institute for War and Peace Reporting", "By IWPR Afghanistan", "Agencies in Kabul", "By Associated Press",
    "Photo by Jeremy Jacob", "Sports Reporter", "Editor, Staff Reporter", "123", "",
])
def test_collective_credits_agencies_and_roles_name_no_person(text):
    assert parse_byline(text) == []


# --- other sources' bylines -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, names", [
    ("John Smith and Jane Doe", ["John Smith", "Jane Doe"]),
    ("By JANE DOE, Staff Writer", ["Jane Doe"]),
    ("Jane Doe | Reuters", ["Jane Doe"]),
    ("Jane Doe (jane@example.com)", ["Jane Doe"]),
    ("Jane Doe jane@example.com (555)123-4567 @janedoe", ["Jane Doe"]),
    ("Byrne Hobart", ["Byrne Hobart"]),
    ("BY: BILL MCCLINTOCK AND Sally", ["Bill McClintock", "Sally"]),
    ("maria DE LA CRUZ jr.", ["Maria de la Cruz Jr."]),
    ("JOHN O'SMITH JR., MARY-JANE JONES SR., BOB WILSON III", ["John O'Smith Jr.", "Mary-Jane Jones Sr.", "Bob Wilson III"]),
    ("ANGUS MACDONALD", ["Angus MacDonald"]),
    ("Emily O&#x27;Leary, Emily O'Leary", ["Emily O'Leary"]),
    ("<b>John Doe</b>", ["John Doe"]),
    ("By Paul Hutcheon Scottish Political Editor", ["Paul Hutcheon"]),
    ("Ian Drury for the Daily Mail;Daniel Bates", ["Ian Drury", "Daniel Bates"]),
    ("by John Timmer, Matt Ford, and Jonathan Gitlin Sept", ["John Timmer", "Matt Ford", "Jonathan Gitlin"]),
    ("By SARA KARL. Special to amNewYork April 24, 2014", ["Sara Karl"]),
    ("Ojewola RW;Tijani KH", ["Ojewola RW", "Tijani KH"]),
    ("Adam Sage: Analysis", ["Adam Sage"]),
])
def test_other_sources(text, names):
    assert [a.name for a in parse_byline(text)] == names


@pytest.mark.parametrize("text, expected", [
    ("By Rachel Denber, deputy director of Human Rights Watch's Europe and Central Asia division",
     [("Rachel Denber", None, "deputy director of Human Rights Watch's Europe")]),
    ("By Sultan Jumagulov in Bishkek and IWPR correspondents in Osh", [("Sultan Jumagulov", "Bishkek", None)]),
    ("By Vladimir Socor, Eurasia Daily Monitor", [("Vladimir Socor", None, None)]),
    ("BY CHRIS STEPHEN IN THE HAGUE", [("Chris Stephen", "The Hague", None)]),
    ("By Nurbek Toktakunov, a lawyer in Bishkek", [("Nurbek Toktakunov", "Bishkek", "lawyer")]),
    ("By Alexander Anichkin, IWPR Russia Editor, in Moscow", [("Alexander Anichkin", "Moscow", "IWPR Russia Editor")]),
    ("By Jamila Sadat, Kabul, and Hafizullah Gardesh, Herat", [("Jamila Sadat", "Kabul", None), ("Hafizullah Gardesh", "Herat", None)]),
])
def test_no_place_role_or_outlet_taken_for_a_name(text, expected):
    assert [(a.name, a.location, a.role) for a in parse_byline(text)] == expected


@pytest.mark.parametrize("text, names", [
    ("Parties struggle to forge winning combination.  By Ainagul Abdrakhmanova", ["Ainagul Abdrakhmanova"]),
    ("Bitter battle begins over control of Sevastopol. From John Follett in Moscow", ["John Follett"]),
    ("REALPOLITIK: Trevor Royle", ["Trevor Royle"]),
    ("GOLF: The teams are getting younger but Sally Watson, at just 16, is focused, determined and mature", []),
    ("JOHN SMITH: Analysis", ["John Smith"]),
])
def test_prose_and_column_headings_are_not_names(text, names):
    assert [a.name for a in parse_byline(text)] == names


def test_author_is_frozen_with_ordered_dict():
    author = parse_byline("By Ana Ray in Osh")[0]
    assert author == Author("Ana Ray", "Osh")
    assert list(author.as_dict()) == ["name", "location", "role", "pseudonym", "bio"]
    with pytest.raises(AttributeError):
        author.name = "x"  # type: ignore[misc]


# --- bios and records -----------------------------------------------------------------------------------

def test_bios_fill_missing_places_and_roles_but_never_override_the_byline():
    notes = ("Zamir Karajanov is an IWPR contributor in Almaty. Dilya Usmanova is the pseudonym of an IWPR "
             "contributor in Uzbekistan.")
    out = bylines_record(article("By Zamir Karajanov and Dilya Usmanova in Almaty (RCA No. 393, 06-Jul-05)", notes))
    assert [(a["name"], a["location"], a["role"], a["pseudonym"]) for a in out["authors"]] == [
        ("Zamir Karajanov", "Almaty", "IWPR contributor", False),
        ("Dilya Usmanova", "Almaty", "IWPR contributor", True),
    ]
    assert out["authors"][1]["bio"] == "Dilya Usmanova is the pseudonym of an IWPR contributor in Uzbekistan."
    assert out["newsletter"] == {"title": "Reporting Central Asia", "issue": 393, "date": "2005-07-06"}


def test_newsletter_fields_split_already_set_are_kept():
    rec = article("By Ana Ray (RCA No. 393, 06-Jul-05)")
    rec["newsletter"] = {"title": "Reporting Central Asia", "issue": 400, "date": None}
    assert bylines_record(rec)["newsletter"] == {"title": "Reporting Central Asia", "issue": 400, "date": "2005-07-06"}


@pytest.mark.parametrize("notes, name, location, role", [
    ("Ainagul Abdrakhmanova is an IWPR-trained journalist in Bishkek.", "Ainagul Abdrakhmanova", "Bishkek",
     "IWPR-trained journalist"),
    ("Yulia Kuznetsova is a freelance journalist in Kazakstan.", "Yulia Kuznetsova", "Kazakstan", "freelance journalist"),
    ("Andrei Grishin is a staff member at the Kazakstan Bureau for Human Rights and Rule of Law.", "Andrei Grishin", None,
     "staff member, Kazakstan Bureau for Human Rights and Rule of Law"),
])
def test_single_bios(notes, name, location, role):
    (author,) = bylines_record(article(f"By {name}", notes + "\n\nThis article was produced under an IWPR project."))["authors"]
    assert (author["name"], author["location"], author["role"], author["bio"]) == (name, location, role, notes)


def test_shared_bio_that_lost_its_last_line():
    notes = ("The names of some interviewees have been changed.\n\nAsyl Osmonalieva and Gulzat Abdurasulova are IWPR "
             "trained journalists in\n\nThis article was produced jointly under two IWPR projects.")
    authors = bylines_record(article("By Asyl Osmonalieva, Gulzat Abdurasulova", notes))["authors"]
    assert [(a["name"], a["location"], a["role"]) for a in authors] == [
        ("Asyl Osmonalieva", None, "IWPR trained journalist"), ("Gulzat Abdurasulova", None, "IWPR trained journalist")]


def test_sentences_that_are_not_bios():
    notes = ("The names of refugees have been changed for reasons of safety. Bishkek is a city in Kyrgyzstan. "
             "The contents of this article are the sole responsibility of IWPR.")
    assert find_bios(notes) == []


def test_collective_credit_goes_to_credit_with_no_authors():
    out = bylines_record(article("By IWPR staff in Central Asia"))
    assert (out["authors"], out["credit"]) == ([], "IWPR staff in Central Asia")
    out = bylines_record(article(None))
    assert (out["authors"], out["credit"]) == ([], None)


def test_other_kinds_pass_unchanged_and_bad_articles_are_errors():
    toc = {"id": "x#0", "kind": "toc", "entries": []}
    assert bylines_record(toc) is toc
    from iwpr_extract.errors import BadInput
    with pytest.raises(BadInput, match="byline"):
        bylines_record({"id": "x#1", "kind": "article", "body": "b"})


def test_seed_edition_through_split():
    text = (FIXTURES / "split" / "rca_email_edition.txt").read_text("utf-8")
    authors = [a for rec in split_text(text) for a in bylines_record(rec)["authors"]]
    got = {a["name"]: (a["location"], a["role"]) for a in authors}
    assert got == {
        "Ainagul Abdrakhmanova": ("Bishkek", "IWPR-trained journalist"),
        "Asyl Osmonalieva": (None, "IWPR trained journalist"),
        "Gulzat Abdurasulova": (None, "IWPR trained journalist"),
        "Yulia Kuznetsova": ("Kazakstan", "freelance journalist"),
        "Andrei Grishin": (None, "staff member, Kazakstan Bureau for Human Rights and Rule of Law"),
    }


# --- raw text -------------------------------------------------------------------------------------------

def test_raw_text_bylines_found_and_prose_by_ignored():
    text = ("Talks stall.\n\nBy Nurjamal Djanibekova and\nBakyt Ibraimov in Osh\n\n"
            "The vote was overshadowed by Ata-Jurt.\nBy contrast, the capital was quiet.\n\nBy the end of the week.\n")
    assert find_bylines(text) == ["By Nurjamal Djanibekova and Bakyt Ibraimov in Osh"]


def test_seed_page_as_raw_text():
    text = (FIXTURES / "split" / "rca_article_page.txt").read_text("utf-8")
    out = bylines_record({"id": "p", "source": "p", "kind": "document", "text": text})
    assert [(a["name"], a["location"], a["pseudonym"]) for a in out["authors"]] == [
        ("Zamir Karajanov", "Almaty", False), ("Dilya Usmanova", "Almaty", True)]
    assert out["newsletter"]["issue"] == 393 and out["newsletter"]["date"] == "2005-07-06"


def test_toc_credits_in_the_seed_edition_as_raw_text():
    text = (FIXTURES / "split" / "rca_email_edition.txt").read_text("utf-8")
    assert find_bylines(text) == ["By Ainagul Abdrakhmanova", "By Asyl Osmonalieva, Gulzat Abdurasulova",
                                  "By Yulia Kuznetsova", "By Andrei Grishin"]


# --- command line ---------------------------------------------------------------------------------------

def test_cli_reads_split_output_and_keeps_unknown_fields():
    rec = json.dumps({**article("By Ana Ray in Osh"), "zzz": 1})
    result = CliRunner().invoke(cli, ["bylines"], input=rec + "\n")
    assert result.exit_code == 0, result.output
    (out,) = jsonl(result.output)
    assert out["authors"][0]["name"] == "Ana Ray" and out["zzz"] == 1
    assert list(out)[-1] == "zzz"


def test_cli_missing_byline_field_is_an_error_line_and_other_records_survive():
    lines = json.dumps({"id": "a", "kind": "article"}) + "\n" + json.dumps(article("By Bo Lee")) + "\n"
    result = CliRunner().invoke(cli, ["bylines"], input=lines)
    assert result.exit_code == 3
    assert [r["authors"][0]["name"] for r in jsonl(result.stdout)] == ["Bo Lee"]
    assert "-:1:" in result.stderr and "byline" in result.stderr


def test_real_pipe_split_into_bylines():
    split = run_iwpr("split", "fixtures/split/rca_article_page.txt")
    result = run_iwpr("bylines", input=split.stdout)
    assert result.returncode == 0, result.stderr
    (rec,) = jsonl(result.stdout)
    assert [a["name"] for a in rec["authors"]] == ["Zamir Karajanov", "Dilya Usmanova"]
    again = run_iwpr("bylines", input=split.stdout)
    assert again.stdout == result.stdout


# --- properties -----------------------------------------------------------------------------------------

@settings(max_examples=200)
@given(st.lists(st.sampled_from(list("ab AB.,;|&-—'@1\"<>&#:") + ["and ", "in ", "By ", "IWPR ", "Ş", "Ж", "Jo"]),
                max_size=40).map("".join))
def test_property_names_are_clean_and_parsing_is_deterministic(text):
    first = parse_byline(text)
    assert first == parse_byline(text)
    for author in first:
        assert author.name and author.name == author.name.strip()
        assert not any(c.isdigit() or c in "@<>|;" for c in author.name)


@pytest.mark.parametrize("hostile", ["a" * 50_000, "A. " * 20_000, ", " * 30_000, "By " + "x.y" * 20_000,
                                     "Jo " + " in " * 10_000, ("Ana Ray is " + "a " * 20_000) + "journalist.",
                                     "Ab Cd is a journalist and " * 3_000, "By A Bek in Osh" + " " * 5_000 + "respectively",
                                     "BY " + "ICR NO " * 3_000 + "1", "=E2" * 30_000, "\u00c3\u00a9" * 30_000,
                                     "Ab" + " " * 30_000 + "(Cd)", "Ab (Cd) and " * 3_000,
                                     "Ab Cd is a reporter in " + "Osh and " * 20_000 + "Kabul respectively."])
def test_hostile_input_is_fast(hostile):
    start = time.perf_counter()
    parse_byline(hostile)
    bylines_record(article(hostile, hostile))
    bylines_record({"id": "d", "kind": "document", "text": hostile})
    assert time.perf_counter() - start < 2


def test_a_stray_at_sign_inside_quotes_is_not_kept_in_a_name():
    # found by the property test above
    assert all("@" not in a.name for a in parse_byline('aa<"a@"'))


def test_table_of_contents_entries_get_their_authors():
    from iwpr_extract.bylines import bylines_record

    toc = {"id": "x#1", "source": "x", "kind": "toc", "entries": [
        {"headline": "H", "standfirst": "S.", "byline": "Gayane Mkrtchyan reports from Yerevan", "section": None},
        {"headline": "H2", "standfirst": "S2.", "byline": "IWPR staff in Baku", "section": None},
        {"headline": "SECTION ONLY", "standfirst": None, "byline": None, "section": None}]}
    out = bylines_record(toc)
    first, second, third = out["entries"]
    assert [(a["name"], a["location"]) for a in first["authors"]] == [("Gayane Mkrtchyan", "Yerevan")]
    assert second["authors"] == [] and second["credit"] == "IWPR staff in Baku"
    assert "authors" not in third
    assert toc["entries"][0].get("authors") is None  # the input record is not changed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000ab.@1", max_size=30))
def test_space_pattern_replaces_exactly_what_a_plain_white_space_run_would(text):
    # bylines' _SPACE skips lone spaces for speed; the text it gives must be that of \s+ -> " "
    import regex

    from iwpr_extract import bylines

    assert bylines._SPACE.sub(" ", text) == regex.sub(r"\s+", " ", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["http://", "https://x", "www", "WwW", ".", ".com", "org", "@", "@jo", "a", "B",
                                  " ", ":", "1", "12", "12:30", "555", "-", "/", "3 pm", "May", "Sept", "\u00a0",
                                  ",", "Jo Bek"]), max_size=12).map("".join))
def test_clean_skips_only_patterns_that_cannot_match(text):
    # _clean runs a pattern only when the text has a character it needs; running every one gives the same
    from iwpr_extract import bylines

    always = tuple((pattern, replacement, lambda _: True) for pattern, replacement, _ in bylines._CLEANERS)
    skipping = bylines._clean(text)
    original, bylines._CLEANERS = bylines._CLEANERS, always
    try:
        assert skipping == bylines._clean(text)
    finally:
        bylines._CLEANERS = original
