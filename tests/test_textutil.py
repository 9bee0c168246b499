"""Shared text helpers: the fast paths give what the plain definitions give."""

from __future__ import annotations

import re

import regex
from hypothesis import given, strategies as st

from iwpr_extract.textutil import _case_counts, blocks_of

_LU = regex.compile(r"\p{Lu}")
_LL = regex.compile(r"\p{Ll}")

# letters of every kind, quotes, spaces and line breaks, lone surrogates included
_TEXT = st.text(st.one_of(st.characters(), st.sampled_from("aZ \n\r\t“’ÄßǅⒶΣ")), max_size=60)


@given(_TEXT)
def test_case_counts_equal_unicode_categories(text):
    assert _case_counts(text) == (len(_LU.findall(text)), len(_LL.findall(text)))


@given(st.text(st.sampled_from("ab \t\r\n\f"), max_size=40))
def test_blocks_are_the_runs_of_non_blank_lines(text):
    # the plain definition: split at lines that are blank (or only spaces and tabs)
    lines = re.split(r"\r\n|\r|\n", text)
    expected, current = [], []
    for line in lines:
        if line.strip(" \t\f\v"):
            current.append(" ".join(line.split()))
        elif current:
            expected.append(" ".join(current))
            current = []
    if current:
        expected.append(" ".join(current))
    assert [" ".join(b.joined.split()) for b in blocks_of(text)] == expected
