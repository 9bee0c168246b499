"""records.dumps/loads: orjson where it is faster, the standard library's bytes and values always."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iwpr_extract import records


@pytest.fixture(autouse=True)
def orjson_from_the_first_call(monkeypatch):
    pytest.importorskip("orjson")
    monkeypatch.setattr(records, "_ORJSON_AFTER", 0)
    monkeypatch.setattr(records, "_orjson", None)


def stdlib_dumps(record):
    line = json.dumps(records.order_record(record), ensure_ascii=False, separators=(",", ":"))
    return line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def record_dicts(floats):
    scalars = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | floats
               | st.text())
    values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
    return st.dictionaries(st.sampled_from(records.FIELD_ORDER) | st.text(max_size=6), values, max_size=8)


@settings(max_examples=120, deadline=None)
@given(record_dicts(st.nothing()))
def test_dumps_gives_the_standard_librarys_text(record):
    assert records._fast() is not None
    assert records.dumps(record) == stdlib_dumps(record)


@settings(max_examples=120, deadline=None)
@given(record_dicts(st.floats(allow_nan=True, allow_infinity=True)))
def test_loads_of_stdlib_text_round_trips_to_the_same_bytes(record):
    line = stdlib_dumps(record)
    assert records.dumps(records.loads(line)) == line


@pytest.mark.parametrize("line", [
    '{"n":18446744073709551616}', '{"n":-9223372036854775809}', '{"x":1e400}', '{"x":NaN}',
    '{"x":-Infinity}', '{"x":1e-7}', '{"x":1E5,"y":[0.1]}', '{"s":"\\ud800 lone"}', '{"a":1,"a":2}',
])
def test_awkward_numbers_and_strings_keep_stdlib_values_and_bytes(line):
    expected = json.loads(line)
    got = records.loads(line)
    assert json.dumps(got) == json.dumps(expected)
    assert records.dumps(got) == stdlib_dumps(expected)


def test_lone_surrogates_and_line_separators():
    record = {"id": "a", "text": "x\ud800y\u2028z\u2029", "zz": [1, 2.5]}
    assert records.dumps(record) == stdlib_dumps(record)
    assert "\u2028" not in records.dumps({"text": "\u2028"})


def test_decoding_errors_are_worded_by_the_standard_library():
    with pytest.raises(json.JSONDecodeError) as raised:
        records.loads('{"a": }')
    assert raised.value.msg == "Expecting value" and raised.value.colno == 7


def test_nan_read_from_json_is_written_back_as_nan():
    value = records.loads('{"x":NaN}')["x"]
    assert math.isnan(value) and records.dumps({"x": value}) == '{"x":NaN}'


def test_floats_made_by_python_code_are_written_by_orjson():
    # the documented difference: no stage makes floats; exponent forms and NaN differ from the stdlib's
    assert records.dumps({"x": 0.5, "y": 1e-05, "z": float("nan")}) == '{"x":0.5,"y":0.00001,"z":null}'


@settings(max_examples=120, deadline=None)
@given(record_dicts(st.nothing()) | record_dicts(st.floats(allow_nan=True)).map(
    lambda r: records.loads(stdlib_dumps(r))))
def test_dumps_line_is_dumps_encoded_as_the_cli_writes_it(record):
    # orjson's bytes go out as they are: they must be what encoding dumps' text would give
    expected = (stdlib_dumps(record) + "\n").encode("utf-8", "backslashreplace")
    assert records.dumps_line(record) == expected


@pytest.mark.parametrize("text", ["\u2028", "a\u2029b", "\x85", "caf\u00e9 \u00a9 \u0428", "\ud800", "x\u2028\ud800"])
def test_dumps_line_escapes_line_separators_next_to_look_alike_bytes(text):
    # é, © and Ш share a byte with the separators' UTF-8 forms, which dumps looks for first
    record = {"id": "a", "text": text}
    assert records.dumps_line(record) == (stdlib_dumps(record) + "\n").encode("utf-8", "backslashreplace")
    assert records.dumps_line(record).count(b"\n") == 1
