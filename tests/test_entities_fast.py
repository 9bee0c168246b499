"""The fast paths of ``iwpr_extract.entities`` find exactly what the plain regex scans they replace find.

Each shortcut (chunks tried only at capitals, amount windows only at unit words, the word before a name
read backwards, the compiled gazetteer) is checked against its reference on generated text.
"""

from __future__ import annotations

import marshal

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from iwpr_extract import entities as E
from iwpr_extract import entities_gazetteer as G

# pieces that meet at the edges the shortcuts look at: articles before capitals, hyphens, unit words
# inside longer words, amounts, apostrophes, line breaks
PIECES = ["al-Assad", "ibn-Sina", "xal-Q", "ash-Sham", "-A", "bin-Laden", "Al-Jazeera", "el-", "The", "of",
          "the", "Kazakstan", "UN", "IWPR/BBC", "Nowak’s", "O'Brien", "é", "Ž", "Priština", "said", "minister",
          "5", "$3", "£", "US$", "1,000", "million", "dollars", "dollar", "euros", "European", "some", "soms",
          "somoni", "summer", "sums", "market", "marks", "rand", "random", "francs", "France", "per cent",
          "percent", "%", "twenty", "-", ",", ".", "'", "’", " ", "  ", "\n", "\t", "\r\n", "_"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_chunks_equal_a_full_scan(text):
    assert [m.span() for m in E._chunks(text)] == [m.span() for m in E._CHUNK.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts)
@example("$3eurossomonirandom51,000 euros")  # a match cut by the end of its search window
@example("$31,000millionsomoni1,000 eurosal-Assad")  # the cut match is no match at all
def test_amount_windows_find_what_a_full_scan_finds(text):
    low = text.lower()
    for pattern, hints in ((E._MONEY, E._MONEY_HINTS), (E._PERCENT, E._PERCENT_HINTS)):
        full = [m.span() for m in regex.finditer(pattern, text, regex.IGNORECASE)]
        assert [m.span() for m in E._near(pattern, hints, text, low)] == full


URL_PIECES = ["http://", "https://", "HTTP://", "www.", "WWW.", "iwpr.net", "/", "a", "İ", "ſ", " ", ".", ")", "\n",
              "httpx", "ww", "w"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(URL_PIECES), max_size=20).map("".join))
def test_urls_equal_a_full_scan(text):
    assert [m.span() for m in E._urls(text, text.lower())] == [m.span() for m in E._URL.finditer(text)]


WORD_BEFORE = regex.compile(r"([\p{L}'\u2019-]+)[ \t]*\n?[ \t]*,?[ \t]*\Z")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab’'-, \t\n.é1Ж_")), max_size=60), st.integers(0, 70))
def test_word_before_equals_the_regex(text, start):
    start = min(start, len(text))
    m = WORD_BEFORE.search(text, max(0, start - 40), start)
    assert E._word_before(text, start) == (m.group(1) if m else None)


def test_headline_verdict_cached_per_text():
    text = "Basra Police Recruits Complain\nThe Basra Police said"
    assert E._title_case_line(text, 0) is True
    assert E._title_case_line(text, 35) is False
    other = "basra police recruits complain\n" + "x" * 10
    assert E._title_case_line(other, 0) is False  # another text never reads the first one's verdicts


def test_compiled_gazetteer_is_current():
    """Fails after an edit to a data file until ``python -m iwpr_extract.entities_gazetteer`` is run."""
    checksum, _fields = marshal.loads(G.COMPILED.read_bytes())
    assert checksum == G.source_checksum()
    assert G.load() == G.parse()


def test_stale_or_broken_compiled_gazetteer_is_ignored(tmp_path, monkeypatch):
    stale = tmp_path / "stale.marshal"
    stale.write_bytes(marshal.dumps((G.source_checksum() + 1, {"names": {}})))
    broken = tmp_path / "broken.marshal"
    broken.write_bytes(b"\x00not marshal")
    for path in (stale, broken, tmp_path / "missing.marshal"):
        monkeypatch.setattr(G, "COMPILED", path)
        G.load.cache_clear()
        try:
            assert G.load().names["kazakstan"][:2] == ("LOC", "Kazakhstan")
        finally:
            G.load.cache_clear()


def test_a_false_unit_word_does_not_cut_an_amount_short():
    # "sum" of "summer" once opened a window ending after "$5", and "$5" was kept
    amounts = [e.text for e in E.find_entities("in the summer the government paid $5 million.") if e.label == "MONEY"]
    assert amounts == ["$5 million"]


def test_currency_symbol_glued_to_a_country_prefix_still_opens_an_amount_window():
    # found by the property above: the "$" of "US$" follows a letter, unlike a unit word
    from iwpr_extract.entities import find_entities

    assert [(e.text, e.label) for e in find_entities("They paid US$twenty, then US$5 million.")] == [
        ("US$twenty", "MONEY"), ("US$5 million", "MONEY")]
