"""Record validation: the shipped JSON Schema plus the invariants a schema cannot state.

Invariants: ``span`` is ``[start, end]`` with ``0 <= start <= end`` and covers exactly ``len(text)``
characters; ``text`` equals ``source[start:end]`` where the source file can be read; every entity's
``record[field][start:end] == text``; keys in ``records.FIELD_ORDER`` order, unknown keys last.

The schema is checked by a small validator for exactly the keywords ``record.schema.json`` uses (see
``SUPPORTED``): it costs nothing to import, where ``jsonschema`` adds four packages and ~80 ms to every
``iwpr validate`` start.  A schema keyword outside that set is an error when the schema is loaded, so
the schema cannot grow a rule that is silently not checked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from .datafiles import read_text
from .records import FIELD_ORDER

ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "default", "examples"})
SUPPORTED = frozenset({
    "type", "enum", "const", "required", "properties", "additionalProperties", "items", "prefixItems",
    "minItems", "maxItems", "minimum", "maximum", "minLength", "maxLength", "pattern", "$ref", "$defs",
})

_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array",
               dict: "object", type(None): "null"}


def json_type(value: Any) -> str:
    """The JSON type name of a decoded JSON value.

    >>> json_type(True), json_type(3), json_type(None)
    ('boolean', 'integer', 'null')
    """
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _is_type(value: Any, name: str) -> bool:
    actual = json_type(value)
    return actual == name or (name == "number" and actual == "integer")


def _same(a: Any, b: Any) -> bool:
    # JSON distinguishes true from 1, Python does not
    return a == b and json_type(a) == json_type(b)


@lru_cache(maxsize=None)
def _pattern(pattern: str) -> re.Pattern[str]:
    # JSON Schema patterns are ECMA-262: \d is ASCII, and $ ends the string (Python's $ also matches
    # before a final newline).
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern, re.ASCII)


class SchemaValidator:
    """Validates decoded JSON against a JSON Schema (2020-12) using only the keywords in ``SUPPORTED``.

    >>> v = SchemaValidator({"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}})
    >>> list(v.errors({"id": 3}))
    [('id', 'expected string, got integer')]
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self._check_keywords(schema, "#")

    def _check_keywords(self, schema: Any, where: str) -> None:
        if not isinstance(schema, dict):
            raise ValueError(f"{where}: a schema must be an object")
        for keyword, value in schema.items():
            if keyword in ANNOTATIONS:
                continue
            if keyword not in SUPPORTED:
                raise ValueError(f"{where}: schema keyword {keyword!r} is not supported by iwpr validate")
            if keyword in ("properties", "$defs"):
                for name, sub in value.items():
                    self._check_keywords(sub, f"{where}/{keyword}/{name}")
            elif keyword == "prefixItems":
                for n, sub in enumerate(value):
                    self._check_keywords(sub, f"{where}/prefixItems/{n}")
            elif keyword in ("items", "additionalProperties") and isinstance(value, dict):
                self._check_keywords(value, f"{where}/{keyword}")
            elif keyword == "$ref":
                self._resolve(value)

    def _resolve(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        node: Any = self.schema
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def errors(self, instance: Any, schema: dict[str, Any] | None = None, path: str = "") -> Iterator[tuple[str, str]]:
        """``(path, message)`` for every violation; ``path`` like ``entities[2].label``."""
        schema = self.schema if schema is None else schema
        if "$ref" in schema:
            yield from self.errors(instance, self._resolve(schema["$ref"]), path)
        if "type" in schema:
            types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_is_type(instance, t) for t in types):
                yield path, f"expected {' or '.join(types)}, got {json_type(instance)}"
                return
        if "enum" in schema and not any(_same(instance, e) for e in schema["enum"]):
            yield path, f"{json.dumps(instance, ensure_ascii=False)} is not one of {json.dumps(schema['enum'])}"
        if "const" in schema and not _same(instance, schema["const"]):
            yield path, f"must be {json.dumps(schema['const'])}"
        if isinstance(instance, dict):
            yield from self._object(instance, schema, path)
        elif isinstance(instance, list):
            yield from self._array(instance, schema, path)
        elif isinstance(instance, str):
            if "minLength" in schema and len(instance) < schema["minLength"]:
                yield path, f"shorter than {schema['minLength']} characters"
            if "maxLength" in schema and len(instance) > schema["maxLength"]:
                yield path, f"longer than {schema['maxLength']} characters"
            if "pattern" in schema and not _pattern(schema["pattern"]).search(instance):
                yield path, f"{json.dumps(instance, ensure_ascii=False)} does not match {schema['pattern']}"
        elif json_type(instance) in ("integer", "number"):
            if "minimum" in schema and instance < schema["minimum"]:
                yield path, f"{instance} is less than the minimum {schema['minimum']}"
            if "maximum" in schema and instance > schema["maximum"]:
                yield path, f"{instance} is more than the maximum {schema['maximum']}"

    def _object(self, instance: dict[str, Any], schema: dict[str, Any], path: str) -> Iterator[tuple[str, str]]:
        prefix = f"{path}." if path else ""
        for key in schema.get("required", ()):
            if key not in instance:
                yield f"{prefix}{key}", "required but missing"
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, value in instance.items():
            if key in properties:
                yield from self.errors(value, properties[key], f"{prefix}{key}")
            elif extra is False:
                yield f"{prefix}{key}", "not allowed here"
            elif isinstance(extra, dict):
                yield from self.errors(value, extra, f"{prefix}{key}")

    def _array(self, instance: list[Any], schema: dict[str, Any], path: str) -> Iterator[tuple[str, str]]:
        if "minItems" in schema and len(instance) < schema["minItems"]:
            yield path, f"expected at least {schema['minItems']} items, got {len(instance)}"
        if "maxItems" in schema and len(instance) > schema["maxItems"]:
            yield path, f"expected at most {schema['maxItems']} items, got {len(instance)}"
        prefix = schema.get("prefixItems", [])
        for n, (value, sub) in enumerate(zip(instance, prefix)):
            yield from self.errors(value, sub, f"{path}[{n}]")
        items = schema.get("items")
        if isinstance(items, dict):
            for n in range(len(prefix), len(instance)):
                yield from self.errors(instance[n], items, f"{path}[{n}]")
        elif items is False and len(instance) > len(prefix):
            yield path, f"expected at most {len(prefix)} items, got {len(instance)}"


@lru_cache(maxsize=1)
def record_validator() -> SchemaValidator:
    """The validator for the shipped ``iwpr_extract/data/record.schema.json``."""
    text = read_text("record.schema.json")
    return SchemaValidator(json.loads(text))


# --- invariants -----------------------------------------------------------------------------------------

_RANK = {key: rank for rank, key in enumerate(FIELD_ORDER)}


def key_order_problem(record: dict[str, Any]) -> tuple[str, str] | None:
    """``(key, message)`` for the first key out of ``FIELD_ORDER`` order (unknown keys last), or None.

    >>> key_order_problem({"id": "a", "text": "t", "kind": "article"})
    ('kind', "comes after 'text' (keys follow records.FIELD_ORDER, unknown keys last)")
    >>> key_order_problem({"id": "a", "zzz": 1, "kind": "article"})
    ('kind', "comes after unknown key 'zzz' (keys follow records.FIELD_ORDER, unknown keys last)")
    """
    previous: str | None = None
    unknown: str | None = None
    for key in record:
        if key not in _RANK:
            unknown = unknown or key
            continue
        rule = " (keys follow records.FIELD_ORDER, unknown keys last)"
        if unknown is not None:
            return key, f"comes after unknown key {unknown!r}{rule}"
        if previous is not None and _RANK[key] < _RANK[previous]:
            return key, f"comes after {previous!r}{rule}"
        previous = key
    return None


def _first_difference(a: str, b: str) -> int:
    for n, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return n
    return min(len(a), len(b))


def _excerpt(text: str, at: int, width: int = 24) -> str:
    return json.dumps(text[at: at + width], ensure_ascii=False)


class SourceTexts:
    """The decoded text of source files, looked up in ``source_dir`` or, without it, relative to cwd.

    Records of one source come together, so a few cached texts are enough.
    """

    def __init__(self, source_dir: str | None = None, cache: int = 4) -> None:
        self.source_dir = Path(source_dir) if source_dir else None
        self._cache: dict[str, str | None] = {}
        self._size = cache
        self.missing: set[str] = set()

    def path(self, source: str) -> Path:
        return self.source_dir / source if self.source_dir else Path(source)

    def get(self, source: str) -> str | None:
        if source in self._cache:
            return self._cache[source]
        text: str | None = None
        if source and source != "-":
            from .streams import decode_text

            try:
                data = self.path(source).read_bytes()
                text = decode_text(data, source)
            except OSError:
                text = None
        if text is None:
            self.missing.add(source)
        if len(self._cache) >= self._size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[source] = text
        return text


def _span_problems(record: dict[str, Any], sources: SourceTexts | None) -> Iterator[tuple[str, str]]:
    span, text = record.get("span"), record.get("text")
    has_span = (isinstance(span, list) and len(span) == 2
                and all(json_type(x) == "integer" for x in span))
    if "span" in record and span is not None and not has_span:
        return  # the schema reports the shape
    if has_span:
        start, end = span
        if start < 0 or start > end:
            yield "span", f"[{start}, {end}] is not a range: need 0 <= start <= end"
            return
        if isinstance(text, str) and len(text) != end - start:
            yield "text", f"{len(text)} characters, but span [{start}, {end}] covers {end - start}"
            return
    if sources is None or not isinstance(text, str) or not isinstance(record.get("source"), str):
        return
    # Spans index the text split received: after `iwpr clean` (record has `fixes`) or from an e-mail
    # (record has `email`) that is not the file's text, so there is nothing to compare with.
    if "fixes" in record or record.get("email"):
        return
    if not has_span and record.get("kind") != "document":
        return
    source = record["source"]
    whole = sources.get(source)
    if whole is None:
        return
    start, end = span if has_span else (0, len(whole))
    if end > len(whole):
        yield "span", f"[{start}, {end}] runs past the end of {source} ({len(whole)} characters)"
        return
    expected = whole[start:end]
    if expected != text:
        at = _first_difference(text, expected)
        yield "text", (f"differs from {source}[{start}:{end}] at character {at}: "
                       f"{_excerpt(text, at)} where the source has {_excerpt(expected, at)}")


def _entity_problems(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    entities = record.get("entities")
    if not isinstance(entities, list):
        return
    for n, entity in enumerate(entities):
        if not isinstance(entity, dict):
            continue
        start, end, name, text = (entity.get(k) for k in ("start", "end", "field", "text"))
        if not (json_type(start) == json_type(end) == "integer" and isinstance(name, str) and isinstance(text, str)):
            continue  # the schema reports the shape
        where = f"entities[{n}]"
        value = record.get(name)
        if not isinstance(value, str):
            yield where, f"points into {name!r}, which is {json_type(value) if name in record else 'absent'} in this record"
        elif start > end:
            yield where, f"[{start}, {end}] is not a range: need start <= end"
        elif not 0 <= start <= end <= len(value):
            yield where, f"[{start}, {end}] is outside {name} ({len(value)} characters)"
        elif value[start:end] != text:
            yield where, (f"{name}[{start}:{end}] is {json.dumps(value[start:end], ensure_ascii=False)}, "
                          f"not {json.dumps(text, ensure_ascii=False)}")


def record_problems(record: dict[str, Any], sources: SourceTexts | None = None) -> list[tuple[str, str]]:
    """``(field, what)`` for every schema violation and broken invariant of one record.

    >>> record_problems({"id": "a", "source": "s", "kind": "article", "span": [5, 2]})
    [('span', '[5, 2] is not a range: need 0 <= start <= end')]
    >>> record_problems({"id": "a", "source": "s", "kind": "article", "body": "Kabul today",
    ...                  "entities": [{"text": "Kabul", "label": "LOC", "field": "body", "start": 1, "end": 6, "norm": "Kabul"}]})
    [('entities[0]', 'body[1:6] is "abul ", not "Kabul"')]
    """
    problems = [(path or "(record)", what) for path, what in record_validator().errors(record)]
    order = key_order_problem(record)
    if order:
        problems.append(order)
    problems.extend(_span_problems(record, sources))
    problems.extend(_entity_problems(record))
    return problems


@dataclass
class Violation:
    source: str
    line: int | None
    record: str
    field: str
    what: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: record {self.record}: field {self.field}: {self.what}"


def validate_items(items: Iterable[Any], sources: SourceTexts | None = None) -> Iterator[Violation]:
    """Violations of ``streams.Item``s (record, input name, line), in input order."""
    for item in items:
        ident = item.record.get("id")
        label = ident if isinstance(ident, str) else "(no id)"
        for field, what in record_problems(item.record, sources):
            yield Violation(item.source, item.line, label, field, what)
