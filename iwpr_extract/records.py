"""The record contract: key order, record constructors and JSON Lines encoding.

Every stage reads and writes records through this module, so the key order and the bytes written are
the same whatever stage produced a record.  The contract is documented in README.md ("Records") and
shipped as a JSON Schema in ``iwpr_extract/data/record.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

# Known keys, in output order.  Keys a stage does not know are kept, after these, in the order they came.
FIELD_ORDER: tuple[str, ...] = (
    "id",
    "source",
    "kind",
    "index",
    "span",
    "email",
    "newsletter",
    "headline",
    "standfirst",
    "byline",
    "credit",
    "authors",
    "body",
    "notes",
    "captions",
    "entries",
    "text",
    "fixes",
    "removed",
    "entities",
    "warnings",
)
_RANK = {key: rank for rank, key in enumerate(FIELD_ORDER)}

KINDS = ("document", "article", "toc", "promo", "header", "footer", "chrome", "other")


def order_record(record: dict[str, Any]) -> dict[str, Any]:
    """Return ``record`` with its keys in the contract's order (unknown keys last, in their order).

    >>> list(order_record({"text": "x", "zzz": 1, "id": "a", "kind": "document"}))
    ['id', 'kind', 'text', 'zzz']
    """
    known = sorted((k for k in record if k in _RANK), key=_RANK.__getitem__)
    unknown = [k for k in record if k not in _RANK]
    return {k: record[k] for k in (*known, *unknown)}


def document_record(text: str, source: str, doc_id: str | None = None) -> dict[str, Any]:
    """The record a raw text input becomes: kind ``document`` with ``id``, ``source`` and ``text``.

    >>> document_record("Hello", "a.txt")
    {'id': 'a.txt', 'source': 'a.txt', 'kind': 'document', 'text': 'Hello'}
    """
    return {"id": doc_id if doc_id is not None else source, "source": source, "kind": "document", "text": text}


_TYPE_NAMES = {str: "string", list: "list", dict: "object", int: "integer"}


def require(record: dict[str, Any], field: str, kind: type = str) -> Any:
    """``record[field]``, or ``errors.BadInput`` naming the field when it is missing or not a ``kind``.

    Stages call this for the fields they need, so a record from the wrong step of a pipe gives one clear
    error line (the runner adds the input name and line) instead of a ``KeyError``.

    >>> require({"text": "Hi"}, "text")
    'Hi'
    >>> require({"id": "a"}, "text")
    Traceback (most recent call last):
    iwpr_extract.errors.BadInput: record has no 'text' field
    >>> require({"text": None}, "text")
    Traceback (most recent call last):
    iwpr_extract.errors.BadInput: record's 'text' field is null, not a string
    """
    from .errors import BadInput

    if field not in record:
        raise BadInput(f"record has no {field!r} field")
    value = record[field]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        got = "null" if value is None else _TYPE_NAMES.get(type(value), type(value).__name__)
        raise BadInput(f"record's {field!r} field is {got}, not a {_TYPE_NAMES.get(kind, kind.__name__)}")
    return value


def empty_newsletter() -> dict[str, Any]:
    """The ``newsletter`` value when an edition states nothing: every part null."""
    return {"title": None, "issue": None, "date": None}


_LINE_SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
_STDLIB_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

# orjson encodes our records 2-7x faster than the standard library (`python bench/run.py --json-only`),
# so it writes every record it writes exactly as the standard library would; the standard library writes
# the rest.  Decoding stays with the standard library: it is as fast as orjson on our text-heavy records,
# and it keeps integers beyond 64 bits and its error messages.  orjson is imported only after a few
# records, so that a short run does not pay its import time (startup is a measured target).
_ORJSON_AFTER = 32
_orjson: Any = None
_calls = 0


class _JsonFloat(float):
    """A number with a fraction or exponent (or NaN, Infinity) read from JSON.  orjson refuses float
    subclasses, so a record holding one is written by the standard library, in its float format."""

    __slots__ = ()


_DECODER = json.JSONDecoder(parse_float=_JsonFloat, parse_constant=_JsonFloat)


def _fast() -> Any:
    global _orjson, _calls
    if _orjson is None:
        _calls += 1
        if _calls < _ORJSON_AFTER:
            return None
        try:
            import orjson
        except ImportError:  # pragma: no cover - orjson is a dependency; the standard library still works
            orjson = False
        _orjson = orjson
    return _orjson or None


def _fast_bytes(ordered: dict[str, Any], newline: bool = False) -> bytes | None:
    """``ordered`` encoded by orjson, line separators escaped; None when the standard library must write it."""
    fast = _fast()
    if fast is None:
        return None
    try:
        data = fast.dumps(ordered, option=fast.OPT_APPEND_NEWLINE if newline else 0)
    except TypeError:  # lone surrogates, integers beyond 64 bits, non-string keys, floats read from JSON
        return None
    # one byte of each separator's UTF-8 form, looked for first: a byte search is several times faster
    # than a search for the whole sequence, and the byte is rare in most text
    if (b"\xa8" in data or b"\xa9" in data or b"\x85" in data) and (
            b"\xe2\x80\xa8" in data or b"\xe2\x80\xa9" in data or b"\xc2\x85" in data):
        data = (data.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
                .replace(b"\xc2\x85", b"\\u0085"))
    return data


def _stdlib_text(ordered: dict[str, Any]) -> str:
    line = _STDLIB_ENCODER.encode(ordered)
    if "\u2028" in line or "\u2029" in line or "\x85" in line:
        line = line.translate(_LINE_SEPARATORS)
    return line


def dumps(record: dict[str, Any]) -> str:
    """Encode one record as one line of JSON (no trailing newline), keys in contract order.

    Raw UTF-8 (no ASCII escaping), compact separators; U+2028/U+2029 and U+0085 (NEL) are escaped because
    some JSON Lines readers (Python's ``str.splitlines`` among them) split lines on them.  The text is
    ``json.dumps(record, ensure_ascii=False, separators=(",", ":"))``'s whichever encoder wrote it, except for floats made by Python code (no stage makes any):
    orjson writes ``0.00001`` and ``null`` for NaN where the standard library writes ``1e-05`` and ``NaN``.
    Floats read by :func:`loads` are always written as the standard library writes them.

    >>> dumps({"text": "a\\u2028b", "id": "x"})
    '{"id":"x","text":"a\\\\u2028b"}'
    """
    ordered = order_record(record)
    data = _fast_bytes(ordered)
    if data is not None:
        return data.decode("utf-8")
    return _stdlib_text(ordered)


def dumps_line(record: dict[str, Any]) -> bytes:
    """``dumps(record)`` and a newline, as the bytes the command line writes: UTF-8, with a lone surrogate
    (possible only inside a JSON string) written as its JSON escape so the line stays valid.

    Straight from orjson's bytes when it wrote the record: no round trip through ``str``.

    >>> dumps_line({"id": "x", "text": "caf\\u00e9 \\udc80"})
    b'{"id":"x","text":"caf\\xc3\\xa9 \\\\udc80"}\\n'
    """
    ordered = order_record(record)
    data = _fast_bytes(ordered, newline=True)
    if data is not None:
        return data
    return (_stdlib_text(ordered) + "\n").encode("utf-8", "backslashreplace")


def loads(line: str) -> Any:
    """Decode one JSON Lines line (``json.loads``; its floats written back exactly by :func:`dumps`).

    >>> loads('{"a": [1, "x", 0.5]}')
    {'a': [1, 'x', 0.5]}
    """
    if line.startswith("\ufeff"):
        return json.loads(line)  # raises the standard library's "Unexpected UTF-8 BOM"
    return _DECODER.decode(line)


def dumps_lines(records: Iterable[dict[str, Any]]) -> str:
    """Encode records as JSON Lines text, one record a line, each line ending in a newline."""
    return "".join(dumps(r) + "\n" for r in records)
