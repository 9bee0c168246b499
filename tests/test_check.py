"""`iwpr check`: fixtures run in-process through their pipeline and compared with expected output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from iwpr_extract import pipeline
from iwpr_extract.check import (ABSENT, DEFAULT_STAGES, compare, discover, load_config, parse_config,
                                produce, word_diff, Fixture, Pipeline)
from iwpr_extract.cli import cli
from iwpr_extract.errors import BadInput

from conftest import ROOT, run_iwpr

DATA = ROOT / "tests" / "data" / "check"


@pytest.fixture
def basic(tmp_path: Path) -> Path:
    """A writable copy of tests/data/check/basic: same.txt matches, changed.txt differs, missing.txt has
    no expected output."""
    target = tmp_path / "basic"
    shutil.copytree(DATA / "basic", target)
    return target


def check(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


# --- the three outcomes -----------------------------------------------------------------------------------


def test_matching_fixture_passes_with_exit_0(tmp_path):
    for name in ("iwpr-check.toml", "same.txt", "same.expected.jsonl"):
        shutil.copy(DATA / "basic" / name, tmp_path / name)
    result = check(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "1 fixture: 1 ok" in result.output
    assert "CHANGED" not in result.output and "MISSING" not in result.output


def test_changed_fixture_names_record_field_and_shows_word_diff(basic):
    result = check(str(basic / "changed.txt"))
    assert result.exit_code == 1
    out = result.output
    assert f"CHANGED {basic / 'changed.txt'} (3 differences" in out
    assert "record changed.txt: field text (word diff)" in out
    # only the changed word is marked, with context either side
    assert "say the [-slow-]{+quick+} brown fox" in out
    assert "record changed.txt: field warnings" in out
    assert '- ["stale warning"]' in out and "+ (absent)" in out
    assert "record changed.txt#1: missing from the new output" in out
    assert "1 fixture: 1 changed" in out


def test_missing_expectation_fails_with_exit_1_and_says_how_to_fix(basic):
    result = check(str(basic / "missing.txt"))
    assert result.exit_code == 1
    assert f"MISSING {basic / 'missing.txt'}: no missing.expected.jsonl (iwpr check --update writes it)" in result.output


def test_directory_reports_every_fixture_in_a_summary_table(basic):
    result = check(str(basic))
    assert result.exit_code == 1
    rows = {line.split()[0]: line.split() for line in result.output.splitlines() if line.startswith(str(basic))}
    assert rows[str(basic / "same.txt")][-1] == "ok"
    assert rows[str(basic / "changed.txt")][-2:] == ["3", "changed"]
    assert rows[str(basic / "missing.txt")][-1] == "missing"
    assert "3 fixtures: 1 ok, 1 changed, 1 missing" in result.output


def test_update_writes_changed_and_missing_then_everything_matches(basic):
    same_before = (basic / "same.expected.jsonl").read_bytes()
    result = check("--update", str(basic))
    assert result.exit_code == 0, result.output
    assert f"updated {basic / 'changed.expected.jsonl'} (3 differences" in result.output
    assert f"created {basic / 'missing.expected.jsonl'}" in result.output
    assert "same.expected" not in result.output
    assert (basic / "same.expected.jsonl").read_bytes() == same_before
    written = [json.loads(line) for line in (basic / "changed.expected.jsonl").read_text("utf-8").splitlines()]
    assert written == [{"id": "changed.txt", "source": "changed.txt", "kind": "document",
                        "text": (basic / "changed.txt").read_text("utf-8")}]
    again = check(str(basic))
    assert again.exit_code == 0, again.output
    assert "3 fixtures: 3 ok" in again.output


def test_expected_output_does_not_depend_on_where_check_runs(basic, monkeypatch):
    # the stored expectation says source "same.txt"; it matches from the repo root and from inside the dir
    assert check(str(basic / "same.txt")).exit_code == 0
    monkeypatch.chdir(basic)
    assert check("same.txt").exit_code == 0


def test_plain_text_without_terminal_in_a_real_process():
    result = run_iwpr("check", str(DATA / "basic"))
    assert result.returncode == 1
    out = result.stdout.decode("utf-8")
    assert "\x1b[" not in out  # no colour codes when stdout is not a terminal
    assert "[-slow-]{+quick+}" in out
    assert "Traceback" not in result.stderr.decode()


# --- configuration ----------------------------------------------------------------------------------------


def tag_record(record, *, tag="t"):
    """A test stage: appends ``tag`` to the record's ``warnings``."""
    return {**record, "warnings": [*record.get("warnings", []), tag]}


def fan_record(record):
    """A test stage yielding two records per input."""
    for n in range(2):
        yield {**record, "id": f"{record['id']}#{n}", "index": n}


@pytest.fixture
def test_stages(monkeypatch):
    monkeypatch.setitem(pipeline.STAGES, "tag", ("test_check", "tag_record"))
    monkeypatch.setitem(pipeline.STAGES, "fan", ("test_check", "fan_record"))


def test_pipeline_and_options_per_directory_and_per_fixture(tmp_path, test_stages):
    (tmp_path / "iwpr-check.toml").write_text(
        'stages = ["fan", "tag"]\n[options.tag]\ntag = "dir"\n'
        '[fixture."b.txt"]\nstages = ["tag", "tag"]\n[fixture."b.txt".options.tag]\ntag = "own"\n')
    (tmp_path / "a.txt").write_text("A.\n")
    (tmp_path / "b.txt").write_text("B.\n")
    assert check("--update", str(tmp_path)).exit_code == 0
    a = [json.loads(line) for line in (tmp_path / "a.expected.jsonl").read_text().splitlines()]
    b = [json.loads(line) for line in (tmp_path / "b.expected.jsonl").read_text().splitlines()]
    assert [(r["id"], r["warnings"]) for r in a] == [("a.txt#0", ["dir"]), ("a.txt#1", ["dir"])]
    assert [(r["id"], r["warnings"]) for r in b] == [("b.txt", ["own", "own"])]
    assert "fan, tag(tag=\"dir\")" in check(str(tmp_path)).output


def test_directory_without_config_uses_the_default_pipeline(tmp_path):
    assert load_config(tmp_path).pipeline.stages == list(DEFAULT_STAGES) == ["split", "bylines", "entities"]


def test_subdirectories_are_fixture_dirs_only_with_a_config():
    found = discover([str(DATA / "nested")])
    names = [f.path.relative_to(DATA / "nested").as_posix() for f in found.fixtures]
    assert names == ["top.txt", "deeper/deep.txt"]  # ignored/loose.txt: no iwpr-check.toml there
    assert found.fixtures[0].pipeline.stages == list(DEFAULT_STAGES)
    assert found.fixtures[1].pipeline.stages == []


@pytest.mark.parametrize("toml, message", [
    ('stage = ["split"]\n', "unknown key(s) stage"),
    ('stages = "split"\n', "'stages' must be a list"),
    ('[fixture."a.txt"]\nstage = []\n', "fixture 'a.txt': unknown key(s) stage"),
    ('stages = [\n', "not valid TOML"),
])
def test_config_mistakes_are_errors_naming_the_file(tmp_path, toml, message):
    (tmp_path / "iwpr-check.toml").write_text(toml)
    (tmp_path / "a.txt").write_text("A.\n")
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 3
    assert str(tmp_path / "iwpr-check.toml") in result.stderr
    assert message in result.stderr


def test_config_naming_a_file_that_does_not_exist_is_an_error(tmp_path):
    (tmp_path / "iwpr-check.toml").write_text('stages = []\n[fixture."typo.txt"]\nstages = []\n')
    (tmp_path / "a.txt").write_text("A.\n")
    (tmp_path / "a.expected.jsonl").write_text('{"id":"a.txt","source":"a.txt","kind":"document","text":"A.\\n"}\n')
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 3
    assert '[fixture."typo.txt"] names a file that does not exist' in result.stderr


@pytest.mark.parametrize("stages, message", [
    ('["nope"]', "unknown stage 'nope'"),
    ('["ghost"]', "stage 'ghost' is not available in this version (iwpr_extract.ghost does not exist)"),
])
def test_unknown_or_unavailable_stage_is_a_clear_error(tmp_path, monkeypatch, stages, message):
    monkeypatch.setitem(pipeline.STAGES, "ghost", ("iwpr_extract.ghost", "ghost_record"))
    (tmp_path / "iwpr-check.toml").write_text(f"stages = {stages}\n")
    (tmp_path / "a.txt").write_text("A.\n")
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 3
    assert f"iwpr check: error: {tmp_path / 'a.txt'}: {message}" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_stage_option_is_an_error(tmp_path):
    (tmp_path / "iwpr-check.toml").write_text('stages = ["split"]\n[options.split]\nall = true\n')
    (tmp_path / "a.txt").write_text("A.\n")
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 3
    assert "stage 'split' has no option 'all' (options: all_segments)" in result.stderr


def test_a_fixture_that_fails_does_not_stop_the_others(basic):
    (basic / "binary.txt").write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(cli, ["check", str(basic / "binary.txt"), str(basic / "same.txt")])
    assert result.exit_code == 3
    assert "binary data" in result.stderr
    assert "2 fixtures: 1 ok, 1 error" in result.output


def test_no_fixtures_is_an_error_not_a_pass(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "no fixtures" in result.stderr


def test_orphan_expected_file_is_a_warning(basic):
    (basic / "gone.expected.jsonl").write_text("{}\n")
    result = CliRunner().invoke(cli, ["check", str(basic / "same.txt"), str(basic)])
    assert "warning: " + str(basic / "gone.expected.jsonl") + ": expected output without an input fixture" in result.stderr


# --- comparison -------------------------------------------------------------------------------------------


def test_records_are_paired_by_id_and_nested_fields_named_by_path():
    old = ['{"id":"x#0","newsletter":{"title":"RCA","date":"2005-07-06"}}', '{"id":"x#1","body":"b"}']
    new = ['{"id":"x#1","body":"b"}', '{"id":"x#0","newsletter":{"title":"RCA","date":"2005-07-07"}}']
    changes = compare(old, new)
    assert [(c.record, c.field, c.what) for c in changes] == [("x#0", "newsletter.date", "changed"),
                                                            ("(all)", None, "order")]


def test_records_without_unique_ids_are_paired_by_position():
    changes = compare(['{"body":"a"}', '{"body":"b"}'], ['{"body":"a"}', '{"body":"c"}', '{"body":"d"}'])
    assert [(c.record, c.field, c.what) for c in changes] == [("#2 (no id)", "body", "changed"),
                                                            ("#3 (no id)", None, "added")]


def test_same_content_in_different_bytes_is_still_a_difference():
    changes = compare(['{"kind":"document","id":"a"}'], ['{"id":"a","kind":"document"}'])
    assert [c.what for c in changes] == ["format"]


def test_a_field_that_appears_is_reported_with_absent_old_value():
    (change,) = compare(['{"id":"a"}'], ['{"id":"a","byline":null}'])
    assert change.field == "byline" and change.old is ABSENT and change.new is None


def test_produce_runs_the_real_split_in_process(tmp_path):
    (tmp_path / "n.txt").write_text("Standfirst.\n\nBy Jane Doe\n\nBody text.\n")
    lines = produce(Fixture(tmp_path / "n.txt", Pipeline(["split"])))
    records = [json.loads(line) for line in lines]
    assert records and all(r["source"] == "n.txt" and r["id"].startswith("n.txt#") for r in records)


@given(st.lists(st.sampled_from(["a", "b", "c", " ", "\n", ".", "dd"]), max_size=30),
       st.lists(st.sampled_from(["a", "b", "c", " ", "\n", ".", "dd"]), max_size=30))
def test_word_diff_pieces_rebuild_both_texts(a, b):
    old, new = "".join(a), "".join(b)
    pieces = word_diff(old, new, context=10**6)  # nothing elided
    assert "".join(t for op, t in pieces if op in "=-") == old
    assert "".join(t for op, t in pieces if op in "=+") == new


def test_word_diff_elides_long_unchanged_stretches():
    old = " ".join(f"w{n}" for n in range(100))
    new = old.replace("w50", "W50")
    pieces = word_diff(old, new, context=3)
    assert pieces == [("…", ""), ("=", " w47 w48 w49 "), ("-", "w50"), ("+", "W50"), ("=", " w51 w52 w53 "), ("…", "")]


def test_stage_error_in_a_fixture_names_the_fixture(tmp_path, monkeypatch):
    def broken(record):
        raise BadInput("missing field 'text'")

    import types, sys
    module = types.ModuleType("iwpr_test_broken")
    module.broken_record = broken
    monkeypatch.setitem(sys.modules, "iwpr_test_broken", module)
    monkeypatch.setitem(pipeline.STAGES, "broken", ("iwpr_test_broken", "broken_record"))
    (tmp_path / "iwpr-check.toml").write_text('stages = ["broken"]\n')
    (tmp_path / "a.txt").write_text("A.\n")
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 3
    assert f"{tmp_path / 'a.txt'}: missing field 'text'" in result.stderr


def test_parse_config_merges_fixture_options_over_directory_options():
    config = parse_config({"stages": ["split"], "options": {"split": {"all_segments": False}},
                           "fixture": {"p.txt": {"options": {"split": {"all_segments": True}}}}}, Path("c.toml"))
    assert config.pipeline_for("p.txt").options == {"split": {"all_segments": True}}
    assert config.pipeline_for("q.txt").options == {"split": {"all_segments": False}}


def test_terminal_rendering_uses_rich_with_the_same_content(basic, capsys):
    from iwpr_extract.check import run_check
    from iwpr_extract.commands.check import render

    _, results = run_check([str(basic)])
    render(results, styled=True)
    out = capsys.readouterr().out
    assert "[-slow-]{+quick+}" in out and "missing" in out and "3 fixtures: 1 ok, 1 changed, 1 missing" in out


def test_word_diff_of_long_texts_stays_fast_and_exact():
    import time

    words = [f"w{n}" for n in range(30000)]
    old_line = " ".join(words)
    new_line = " ".join(["X"] + words[1:-1] + ["Y"])  # changes at both ends: one huge changed block
    paragraphs_old = "\n\n".join(" ".join(words[n:n + 50]) for n in range(0, 30000, 50))
    paragraphs_new = paragraphs_old.replace("w12345 ", "W12345 ").replace("w29000", "w29000 added")
    start = time.perf_counter()
    for old, new in ((old_line, new_line), (paragraphs_old, paragraphs_new)):
        pieces = word_diff(old, new, context=10**9)
        assert "".join(t for op, t in pieces if op in "=-") == old
        assert "".join(t for op, t in pieces if op in "=+") == new
    assert [p for p in word_diff(paragraphs_old, paragraphs_new) if p[0] in "-+"] == [
        ("-", "w12345"), ("+", "W12345"), ("+", "added ")]
    assert time.perf_counter() - start < 5


def test_a_file_that_is_not_an_input_is_refused(basic):
    result = CliRunner().invoke(cli, ["check", str(basic / "same.expected.jsonl")])
    assert result.exit_code == 3
    assert "not an input fixture (.txt, .eml, .mbox)" in result.stderr
