"""Bylines as the other IWPR newsletters printed them (tests/data/bylines_heldout.jsonl, written by hand before
the tool first ran on them; scripts/eval_bylines.py prints the figures)."""

from __future__ import annotations

import pytest

from conftest import load_script
from iwpr_extract.bylines import bylines_record, parse_bio, parse_byline


@pytest.fixture(scope="module")
def evaluation():
    return load_script("eval_bylines").evaluate()


def test_every_held_out_byline_right(evaluation):
    figures, wrong = evaluation
    assert figures["cases"] >= 106
    assert [case["byline"] for case, _ in wrong] == []
    assert figures["authors (name+location)"]["f1"] == 1.0


def test_a_pseudonym_bio_without_a_role():
    bio = parse_bio("Bakhtiyor Rasulov is a pseudonym.")
    assert (bio.names, bio.role, bio.location, bio.pseudonym) == (["Bakhtiyor Rasulov"], None, None, True)
    r = bylines_record({"kind": "article", "byline": "By Bakhtiyor Rasulov in Bishkek",
                        "notes": "Bakhtiyor Rasulov is a pseudonym."})
    assert r["authors"][0]["pseudonym"] is True and r["authors"][0]["role"] is None


@pytest.mark.parametrize("byline", ["(name withheld)", "By a journalist in Tashkent (name withheld)",
                                    "By our correspondent in Andijan, name withheld for security reasons"])
def test_withheld_names_give_a_credit_and_no_person(byline):
    assert parse_byline(byline) == []
    r = bylines_record({"kind": "article", "byline": byline, "notes": None})
    assert r["authors"] == [] and r["credit"]


def test_a_named_author_keeps_the_name_beside_a_withheld_note():
    assert [a.name for a in parse_byline("By Jane Doe (name withheld on request)")] == ["Jane Doe"]


def test_author_of_a_work_is_a_role():
    [a] = parse_byline("By Ahmed Rashid, author of Taliban")
    assert (a.name, a.role) == ("Ahmed Rashid", "author of Taliban")
    assert [a.name for a in parse_byline("AUTHOR NAME")] == ["Author Name"]


def test_bio_place_with_a_compass_word():
    bio = parse_bio("Mahmud Khalili is the pseudonym of a reporter in northern Afghanistan.")
    assert (bio.role, bio.location, bio.pseudonym) == ("reporter", "northern Afghanistan", True)


def test_an_arabic_article_joined_by_a_hyphen_in_a_bio_name():
    bio = parse_bio("Naseer al-Nahr is an IWPR trainee journalist.")
    assert (bio.names, bio.role) == (["Naseer al-Nahr"], "IWPR trainee journalist")


def test_plural_pseudonym_bio():
    bio = parse_bio("Chipo Sithole and Mike Nyoni are the pseudonyms of journalists in Zimbabwe.")
    assert (bio.names, bio.role, bio.location, bio.pseudonym) == (
        ["Chipo Sithole", "Mike Nyoni"], "journalist", "Zimbabwe", True)
