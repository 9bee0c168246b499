"""Many inputs and --jobs: expansion of directories and globs, byte-identical parallel output."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from iwpr_extract import parallel
from iwpr_extract.cli import cli
from iwpr_extract.parallel import expand_inputs, iter_units

from conftest import FIXTURES, jsonl, run_iwpr


@pytest.fixture
def corpus(tmp_path):
    """Raw newsletters, an e-mail in a subdirectory, and a JSON Lines file with one bad line."""
    shutil.copy(FIXTURES / "split" / "rca_email_edition.txt", tmp_path / "edition.txt")
    shutil.copy(FIXTURES / "split" / "rca_article_page.txt", tmp_path / "page.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(FIXTURES / "split" / "rca_email_edition.txt", tmp_path / "sub" / "mail.eml")
    lines = [json.dumps({"id": f"d{i}", "source": "s", "kind": "document", "text": f"Body number {i}.\n"})
             for i in range(25)]
    lines.insert(7, "{not json")
    (tmp_path / "sub" / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    return tmp_path


def test_directory_expands_recursively_sorted_to_known_suffixes(corpus):
    names = [p.relative_to(corpus).as_posix() for p in map(type(corpus), expand_inputs([str(corpus)]))]
    assert names == ["edition.txt", "page.txt", "sub/mail.eml", "sub/records.jsonl"]


def test_quoted_glob_is_expanded_and_unmatched_pattern_kept(corpus):
    assert expand_inputs([str(corpus / "*.txt")]) == [str(corpus / "edition.txt"), str(corpus / "page.txt")]
    assert expand_inputs([str(corpus / "**" / "*.eml")]) == [str(corpus / "sub" / "mail.eml")]
    assert expand_inputs([str(corpus / "none*.txt"), "-"]) == [str(corpus / "none*.txt"), "-"]


def test_empty_directory_warns(tmp_path):
    warnings = []
    assert expand_inputs([str(tmp_path)], warn=warnings.append) == []
    assert len(warnings) == 1 and str(tmp_path) in warnings[0]


def test_jsonl_is_chunked_by_lines_with_file_line_numbers(corpus, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_LINES", 4)
    units = list(iter_units([str(corpus / "sub" / "records.jsonl")]))
    assert [u.kind for u in units] == ["jsonl"] * 7
    assert [u.offset for u in units] == [0, 4, 8, 12, 16, 20, 24]


def test_jobs_2_output_equals_jobs_1_with_errors_in_order(corpus, monkeypatch):
    args = [str(corpus), str(corpus / "missing.txt"), str(corpus / "*.txt")]
    one = run_iwpr("split", "--jobs", "1", *args)
    two = run_iwpr("split", "--jobs", "2", *args)
    assert one.returncode == two.returncode == 4
    assert one.stdout == two.stdout and one.stderr == two.stderr
    records = jsonl(two.stdout)
    assert [r["id"] for r in records if r["source"] == "s"] == [f"d{i}#0" for i in range(25)]
    assert f"{corpus / 'sub' / 'records.jsonl'}:8: not a JSON record" in two.stderr.decode()
    assert two.stderr.decode().index("records.jsonl:8") < two.stderr.decode().index("missing.txt")


def test_jobs_over_small_chunks_in_process_matches_plain_run(corpus, monkeypatch):
    # CliRunner: the pool forks this test process, with chunks small enough to spread one file
    monkeypatch.setattr(parallel, "CHUNK_LINES", 3)
    stdin = (corpus / "sub" / "records.jsonl").read_bytes()
    plain = CliRunner().invoke(cli, ["split", "-"], input=stdin)
    spread = CliRunner().invoke(cli, ["split", "-j", "2", "-"], input=stdin)
    assert plain.stdout_bytes == spread.stdout_bytes
    assert plain.exit_code == spread.exit_code == 3
    assert "-:8: not a JSON record" in spread.stderr


def test_a_byte_order_mark_is_only_allowed_on_the_first_line_of_a_chunked_file(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_LINES", 2)
    line = '{"id":"a","source":"a","kind":"toc","text":"x"}\n'
    data = ("\ufeff" + line + line + "\ufeff" + line + line).encode("utf-8")
    plain = CliRunner().invoke(cli, ["split", "-"], input=data)
    spread = CliRunner().invoke(cli, ["split", "-j", "2", "-"], input=data)
    assert plain.exit_code == spread.exit_code == 3
    assert plain.stdout_bytes == spread.stdout_bytes and len(jsonl(spread.stdout_bytes)) == 3
    assert "-:3: not a JSON record" in spread.stderr and plain.stderr == spread.stderr


def test_no_progress_output_when_stderr_is_not_a_terminal(corpus):
    result = run_iwpr("split", "-j", "2", str(corpus / "edition.txt"))
    assert result.returncode == 0 and result.stderr == b""


def test_progress_bar_goes_to_a_terminal_only(tmp_path):
    import io

    class Tty(io.StringIO):
        def isatty(self):
            return True

    with parallel.progress_bar(10, stream=io.StringIO()) as advance:
        assert advance is None
    tty = Tty()
    with parallel.progress_bar(10, stream=tty) as advance:
        advance(10)
    assert advance is not None
