"""`iwpr validate`: the JSON Schema and the record invariants, one line per violation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iwpr_extract.cli import cli
from iwpr_extract.records import dumps, order_record
from iwpr_extract.validate import SchemaValidator, SourceTexts, key_order_problem, record_problems, record_validator

from conftest import ROOT, run_iwpr

DATA = ROOT / "tests" / "data" / "check" / "validate"


def good() -> dict:
    """A valid article record whose span and entities point into tests/data/check/validate/page.txt."""
    return json.loads((DATA / "page.jsonl").read_text("utf-8"))


def problems(record: dict, source_dir: Path | None = DATA) -> list[tuple[str, str]]:
    return record_problems(record, SourceTexts(str(source_dir) if source_dir else None))


def test_the_good_record_has_no_violations():
    assert problems(good()) == []


def _set(path: str, value):
    def mutate(record):
        target = record
        keys = path.split(".")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        if value is _DELETE:
            del target[last]
        elif last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
        return record
    return mutate


_DELETE = object()

# (name, mutation, field reported, part of the message)
VIOLATIONS = [
    ("missing required key", _set("kind", _DELETE), "kind", "required but missing"),
    ("wrong type", _set("headline", 3), "headline", "expected string or null, got integer"),
    ("bool is not an integer", _set("index", True), "index", "expected integer, got boolean"),
    ("unknown kind", _set("kind", "letter"), "kind", '"letter" is not one of'),
    ("negative index", _set("index", -1), "index", "-1 is less than the minimum 0"),
    ("span of three", _set("span", [0, 1, 2]), "span", "expected at most 2 items, got 3"),
    ("date with a trailing newline", _set("newsletter.date", "2005-07-06\n"), "newsletter.date", "does not match"),
    ("date not ISO", _set("newsletter.date", "06-Jul-05"), "newsletter.date", "does not match"),
    ("newsletter missing a part", _set("newsletter", {"title": None, "issue": None}), "newsletter.date", "required"),
    ("entity label", _set("entities.0.label", "CITY"), "entities[0].label", '"CITY" is not one of'),
    ("author without name", _set("authors", [{"location": None}]), "authors[0].name", "required but missing"),
    ("span start after end", _set("span", [10, 5]), "span", "[10, 5] is not a range"),
    ("span length differs from text", _set("span", [0, 50]), "text", "92 characters, but span [0, 50] covers 50"),
    ("text not the source slice", _set("text", "Headline HERE\n\nBy Jane Doe in Kabul\n\nKabul officials said on Monday that the road was open.\n"),
     "text", 'differs from page.txt[0:92] at character 9: "HERE'),
    ("span past the source", _set("span", [1, 93]), "span", "[1, 93] runs past the end of page.txt (92 characters)"),
    ("entity offsets off by one", _set("entities.0.start", 1), "entities[0]", 'body[1:5] is "abul", not "Kabul"'),
    ("entity outside its field", _set("entities.0.end", 500), "entities[0]", "[0, 500] is outside body (54 characters)"),
    ("entity in a null field", _set("entities.0.field", "notes"), "entities[0]", "points into 'notes', which is null"),
    ("entity start after end", _set("entities.1.end", 10), "entities[1]", "[18, 10] is not a range"),
]


@pytest.mark.parametrize("name, mutate, field, message", VIOLATIONS, ids=[v[0] for v in VIOLATIONS])
def test_each_kind_of_violation_is_caught_and_named(name, mutate, field, message):
    found = problems(mutate(good()))
    assert any(f == field and message in what for f, what in found), found


def test_key_order_follows_field_order_with_unknown_keys_last():
    record = good()
    reordered = {"id": record["id"], "kind": record["kind"], "source": record["source"]}
    assert key_order_problem(reordered) == ("source", "comes after 'kind' (keys follow records.FIELD_ORDER, unknown keys last)")
    late = {**record, "extra": 1, "zz": 2}
    assert key_order_problem(late) is None  # unknown keys after the known ones are fine
    early = {"id": "a", "extra": 1, "source": "s", "kind": "article"}
    assert problems(early, None) == [("source", "comes after unknown key 'extra' (keys follow records.FIELD_ORDER, unknown keys last)")]
    # dumps always writes a valid order
    assert key_order_problem(json.loads(dumps(early))) is None


def test_source_is_looked_up_relative_to_cwd_without_source_dir(monkeypatch):
    record = good()
    record["text"] = record["text"].replace("Monday", "Sunday")
    assert problems(record, None) == []  # page.txt is not in the current directory: nothing to compare
    monkeypatch.chdir(DATA)
    assert [f for f, _ in problems(record, None)] == ["text"]


def test_cleaned_or_mailed_records_are_not_compared_with_the_file():
    record = good()
    record["text"] = record["text"].replace("Monday", "Sunday")
    assert [f for f, _ in problems(record)] == ["text"]
    assert problems(order_record({**record, "fixes": {"mojibake": 1}})) == []
    email = {"subject": "RCA", "from": None, "date": None, "message_id": None}
    assert problems(order_record({**record, "email": email})) == []


def test_a_document_record_is_compared_with_the_whole_source():
    text = (DATA / "page.txt").read_text("utf-8")
    assert problems({"id": "page.txt", "source": "page.txt", "kind": "document", "text": text}) == []
    assert [f for f, _ in problems({"id": "page.txt", "source": "page.txt", "kind": "document", "text": text[:-1]})] == ["text"]


def test_shipped_schema_uses_only_supported_keywords_and_unsupported_ones_are_refused():
    assert record_validator().schema["title"] == "iwpr-extract record"
    with pytest.raises(ValueError, match="'oneOf' is not supported"):
        SchemaValidator({"properties": {"a": {"oneOf": [{"type": "string"}]}}})


# --- the command ------------------------------------------------------------------------------------------


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_command_prints_file_line_record_field_and_exits_1(tmp_path):
    bad = good()
    bad["entities"][0]["start"] = 1
    path = write_jsonl(tmp_path / "out.jsonl", [good(), bad])
    result = CliRunner().invoke(cli, ["validate", "--source-dir", str(DATA), str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f'{path}:2: record page.txt#0: field entities[0]: body[1:5] is "abul", not "Kabul"']
    assert "2 records, 1 violation" in result.stderr


def test_command_exits_0_on_valid_records(tmp_path):
    path = write_jsonl(tmp_path / "out.jsonl", [good()])
    result = CliRunner().invoke(cli, ["validate", "--source-dir", str(DATA), str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "1 record, 0 violations" in result.stderr


def test_missing_source_is_said_once_not_a_violation(tmp_path):
    path = write_jsonl(tmp_path / "out.jsonl", [good(), good()])
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0
    assert "text not compared with missing source file(s) page.txt (see --source-dir)" in result.stderr


def test_malformed_line_is_an_error_and_the_other_lines_are_still_validated(tmp_path):
    bad = good()
    bad["kind"] = "letter"
    path = write_jsonl(tmp_path / "out.jsonl", [good(), '{"id": broken', bad])
    result = CliRunner().invoke(cli, ["validate", "--source-dir", str(DATA), str(path)])
    assert result.exit_code == 3
    assert f"{path}:2: not a JSON record" in result.stderr
    assert f"{path}:3: record page.txt#0: field kind:" in result.stdout


def test_real_process_reads_stdin_and_validates_split_output():
    split = run_iwpr("split", "fixtures/split/rca_article_page.txt")
    assert split.returncode == 0
    result = run_iwpr("validate", input=split.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    first = json.loads(split.stdout.decode("utf-8").splitlines()[0])
    first["kind"] = "articel"
    result = run_iwpr("validate", input=dumps(first) + "\n")
    assert result.returncode == 1
    assert result.stdout.decode().startswith(f'-:1: record {first["id"]}: field kind: "articel" is not one of ')


def test_golden_expected_files_are_valid():
    """Every stored expected output in fixtures/ satisfies the schema and the invariants."""
    for expected in sorted((ROOT / "fixtures").rglob("*.expected.jsonl")):
        result = CliRunner().invoke(cli, ["validate", "--source-dir", str(expected.parent), str(expected)])
        assert result.exit_code == 0, result.output
