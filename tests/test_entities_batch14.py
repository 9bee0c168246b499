"""Rules added with held-out batches 12-14 (Balkans 2000-2005, Iraq and Afghanistan 2004-2010, the Caucasus,
Tajikistan and Africa 2003-2009) for shapes real copy uses: a letter with no decomposition (Đ), a middle
initial, a given name that is also a verb or a place, "Party of Prime Minister X", a wrapped lower-case word
of a listed name, dotted and weekday dates, a Persian ezafe, a wrapped sentence under a line of capitals."""

from __future__ import annotations

from iwpr_extract.entities import find_entities, skeleton


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in find_entities(text)]


def test_a_serbian_dj_folds_to_its_english_spelling():
    assert skeleton("Đinđić") == skeleton("Djindjic")
    assert spans("Zoran Đinđić was shot. Later Djindjic gave in.") == [
        ("Zoran Đinđić", "PERSON"), ("Djindjic", "PERSON")]
    assert spans("Zoran Djindjic was shot. Later Đinđić gave in.") == [
        ("Zoran Djindjic", "PERSON"), ("Đinđić", "PERSON")]


def test_a_middle_initial_with_or_without_its_dot_stays_in_the_name():
    assert spans("He met George W Bush there.") == [("George W Bush", "PERSON")]
    assert spans("He met Richard C. Holbrooke there.") == [("Richard C. Holbrooke", "PERSON")]


def test_a_letter_and_a_dot_after_a_common_word_end_a_sentence():
    assert spans("Hamid Karzai met him. Vitamin A. Karzai said.") == [
        ("Hamid Karzai", "PERSON"), ("Karzai", "PERSON")]
    assert spans("It was Plan B. Then Kabul said no.") == [("Kabul", "LOC")]


def test_said_inside_a_sentence_before_a_name_is_a_given_name():
    assert ("Said Abdullo Nuri", "PERSON") in spans("It was after the death of Said Abdullo Nuri in August.")
    assert ("Karzai", "PERSON") in spans('"We won," Said Karzai on Monday.')  # the verb, capitalised by mistake
    assert spans("He was there. Said Ahmad was there.") == [("Ahmad", "PERSON")]  # a sentence's start: unsure


def test_a_sentence_opening_preposition_is_no_part_of_a_name():
    assert spans("Robert Kocharian won. Like Kocharian, he comes from Stepanakert.") == [
        ("Robert Kocharian", "PERSON"), ("Kocharian", "PERSON"), ("Stepanakert", "LOC")]


def test_an_organisation_of_a_person_stops_before_the_person():
    assert spans("The Socialist Party of Prime Minister Fatos Nano has not conceded.") == [
        ("Socialist Party", "ORG"), ("Fatos Nano", "PERSON")]
    assert spans("the Supreme Islamic Iraqi Council of Ammar al-Hakim and the followers") == [
        ("Supreme Islamic Iraqi Council", "ORG"), ("Ammar al-Hakim", "PERSON")]
    assert ("Democratic Party of Albanians", "ORG") in spans("the Democratic Party of Albanians said")


def test_a_listed_name_with_a_lower_case_word_may_wrap_before_it():
    assert ("International Criminal Tribunal for the\nformer Yugoslavia", "ORG") in spans(
        "indicted by the International Criminal Tribunal for the\nformer Yugoslavia, ICTY, in June")


def test_a_listed_name_with_a_slash_between_words_is_one_name():
    assert spans("He is a journalist with Radio Free Europe/Radio Liberty in Tirana.") == [
        ("Radio Free Europe/Radio Liberty", "ORG"), ("Tirana", "LOC")]


def test_dates_written_with_dots_after_mid_and_after_a_weekday():
    assert spans("The poll on 15.10.2003 failed.") == [("15.10.2003", "DATE")]
    assert spans("It was 45.10.2003 or so.") == [("2003", "DATE")]  # no such day: the year alone
    assert spans("They fled in mid-January.") == [("January", "DATE")]
    assert spans("He was shot on Wednesday, March 12. He died.") == [("Wednesday, March 12", "DATE")]
    assert spans("Set for Monday, 12 December 2005.") == [("Monday, 12 December 2005", "DATE")]
    assert spans("On Monday, the court sat.") == [("Monday", "DATE")]


def test_a_nationality_before_a_currency_is_part_of_the_amount():
    assert spans("It costs 12,000 Congolese\nfrancs, about 15 dollars.") == [
        ("12,000 Congolese\nfrancs", "MONEY"), ("15 dollars", "MONEY")]
    assert ("200 million convertible marks", "MONEY") in spans("Donors pledged 200 million convertible marks.")


def test_a_persian_ezafe_joins_a_place_or_a_body_never_a_person():
    assert spans("He lives in Qala-e Naw and Pul-e Khumri.") == [("Qala-e Naw", "LOC"), ("Pul-e Khumri", "LOC")]
    assert spans("an elder from Chah-e Anjir said") == [("Chah-e Anjir", "LOC")]
    assert spans("whose Ittehad-e Islami fought") == [("Ittehad-e Islami", "ORG")]  # listed
    assert spans("whose Tanzim-e Jihad fought") == []  # unknown, not after a place's preposition: no guess


def test_an_arabic_word_for_valley_opens_a_place():
    assert spans("mortars from the cemetery of Wadi al-Burj fell") == [("Wadi al-Burj", "LOC")]


def test_a_wrapped_sentence_under_capitals_is_no_headline():
    assert ("Armenian Centre for National and International\nStudies", "ORG") in spans(
        "said\nStepan Safarian of the Armenian Centre for National and International\nStudies. \"They")
    # a label over a real headline list still leaves the headline alone
    assert [label for _, label in spans("Related\nSouthern Iraq Power Cuts Anger Residents\n")] == ["LOC"]


def test_two_known_names_before_a_kind_word_stay_apart():
    assert spans("He joined the United Abkhazia and Amtsakhara\ncoalition.") == [
        ("United Abkhazia", "ORG"), ("Amtsakhara", "ORG")]


def test_a_given_name_that_is_also_a_place_opens_a_name():
    assert spans('"It is so," said Beslan Butba, a businessman.') == [("Beslan Butba", "PERSON")]
    assert spans("The school siege in Beslan shocked Russia.") == [("Beslan", "LOC"), ("Russia", "LOC")]
    assert spans("Sali Berisha, the former president, said so.") == [("Sali Berisha", "PERSON")]


def test_south_alone_is_no_people():
    assert spans("South of the bridge, people wait.") == []


def test_a_place_spelled_like_a_common_word_needs_a_place_context():
    assert spans("Attacks in Ramadi, Hit and Haditha fell.") == [
        ("Ramadi", "LOC"), ("Hit", "LOC"), ("Haditha", "LOC")]
    assert spans("Veterans held protests in Split and Knin.") == [("Split", "LOC"), ("Knin", "LOC")]
    assert spans("He lives in Hit. Floods hit Hit.") == [("Hit", "LOC")]  # "in": yes; alone: no
    assert spans("Hit by sanctions, traders left.") == []


def test_a_body_named_by_its_kind_after_of_the_or_the():
    assert spans("Fighters of the Soldiers of Heaven movement attacked Najaf.") == [
        ("Soldiers of Heaven", "ORG"), ("Najaf", "LOC")]
    assert spans("The El Pikir centre in Bishkek said so.") == [("El Pikir", "ORG"), ("Bishkek", "LOC")]
    assert spans("Respublika and the Almaty television station said.") == [("Respublika", "ORG"), ("Almaty", "LOC")]
    assert spans("The Osh Media centre said.") == [("Osh", "LOC")]  # opens with a place: not named by its kind


def test_a_letter_hyphened_to_a_syllable_opens_a_name():
    assert spans("Judge O-Gon Kwon said the trial would resume.") == [("O-Gon Kwon", "PERSON")]
    assert spans("A-Level results came out.") == []


# batch 15 (the Krstic verdict 2001, Andijan 2005, Taylor in Freetown 2006, Pankisi 2002), written after the
# fixes above: its misses were names again and the four shapes below


def test_a_surname_ending_like_a_plural_noun_after_a_given_name():
    assert spans("By John Rogers in Freetown") == [("John Rogers", "PERSON"), ("Freetown", "LOC")]
    assert ("Farmers Union", "ORG") in spans("The Farmers Union said.")


def test_del_joins_a_name_like_de_and_van():
    assert spans("Prosecutor Carla del Ponte called it historic.") == [("Carla del Ponte", "PERSON")]


def test_an_organisation_stops_before_a_peoples_adjective_and_its_noun():
    assert spans("who commanded the Drina Corps of the Bosnian\nSerb army in July 1995") == [
        ("Drina Corps", "ORG"), ("Bosnian\nSerb", "NORP"), ("July 1995", "DATE")]
    assert ("Council of the European Union", "ORG") in spans("the Council of the European Union said")


def test_leones_and_a_website_named_by_its_kind():
    assert spans("Fares doubled to 5,000 leones, about 1.5 US dollars.") == [
        ("5,000 leones", "MONEY"), ("1.5 US dollars", "MONEY")]
    assert spans("He directs the Batumi Online website.") == [("Batumi", "LOC")]  # opens with a place: not by kind
    assert spans("He directs the Kavkaz Uzel Online website.") == [("Kavkaz Uzel Online", "ORG")]
