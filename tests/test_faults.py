"""Bad input and faults (issue 8): clear one-line errors, nothing good lost, nothing hangs.

Every case runs the real command line in a subprocess and checks the exit code, the error line and that
the good records around the bad input are still written.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from importlib.util import find_spec

import pytest

from iwpr_extract import errors
from iwpr_extract.cli import COMMANDS

from conftest import FIXTURES, ROOT, jsonl, read_pty, run_iwpr

GOOD = "Talks Stall in Bishkek\n\nBy Jane Doe in Bishkek\n\nThe talks stalled on Tuesday.\n"


def doc_line(doc_id: str, text: str = GOOD) -> str:
    return json.dumps({"id": doc_id, "source": doc_id, "kind": "document", "text": text})


def stderr_lines(result: subprocess.CompletedProcess) -> list[str]:
    text = result.stderr.decode("utf-8")
    assert "Traceback" not in text
    return text.splitlines()


def ids(result: subprocess.CompletedProcess) -> set[str]:
    """The document ids behind the output records (``a.txt#0`` -> ``a.txt``)."""
    return {r["id"].rsplit("#", 1)[0] if "#" in r["id"] else r["id"] for r in jsonl(result.stdout)}


def sources(result: subprocess.CompletedProcess) -> set[str]:
    return {r["source"] for r in jsonl(result.stdout)}


@pytest.fixture
def good_files(tmp_path):
    """Two good inputs to put around a bad one."""
    first, last = tmp_path / "first.txt", tmp_path / "last.txt"
    first.write_text(GOOD)
    last.write_text(GOOD)
    return str(first), str(last)


# --- encodings -----------------------------------------------------------------------------------------


def test_stray_windows_1252_bytes_are_read_as_such_with_a_warning_naming_the_offset(tmp_path, good_files):
    bad = tmp_path / "mixed.txt"
    bad.write_bytes("Café – ".encode() + b"\x93quoted\x94\n\n" + GOOD.encode())
    result = run_iwpr("split", "--all", good_files[0], str(bad), good_files[1])
    assert result.returncode == 0
    assert stderr_lines(result)[0] == (
        f"iwpr split: warning: {bad}: byte offset 10: 2 byte(s) not UTF-8, read as Windows-1252")
    records = [r for r in jsonl(result.stdout) if r["source"] == str(bad)]
    assert "".join(r["text"] for r in records) == "Café – “quoted”\n\n" + GOOD
    assert sources(result) == {good_files[0], str(bad), good_files[1]}


def test_bytes_windows_1252_cannot_explain_are_replaced_and_the_warning_says_so(tmp_path):
    bad = tmp_path / "undefined.txt"
    bad.write_bytes(b"abc \x81 def\n")
    result = run_iwpr("split", "--all", str(bad))
    assert result.returncode == 0
    assert "byte offset 4: 1 byte(s) not UTF-8, read as Windows-1252 or replaced" in stderr_lines(result)[0]
    assert jsonl(result.stdout)[0]["text"] == "abc \ufffd def\n"


def test_strict_makes_undecodable_bytes_an_error_and_other_inputs_are_still_read(tmp_path, good_files):
    bad = tmp_path / "mixed.txt"
    bad.write_bytes(b"Good start \x93quoted\x94\n")
    result = run_iwpr("split", "--strict", good_files[0], str(bad), good_files[1])
    assert result.returncode == errors.BAD_DATA
    assert stderr_lines(result) == [
        f"iwpr split: error: {bad}: byte offset 11: not valid UTF-8 (use --encoding)"]
    assert sources(result) == set(good_files)


def test_encoding_option_forces_a_codec(tmp_path):
    path = tmp_path / "koi8.txt"
    path.write_bytes("Привет, Бишкек\n".encode("koi8-r"))
    result = run_iwpr("split", "--all", "--encoding", "koi8-r", str(path))
    assert result.returncode == 0 and stderr_lines(result) == [] or all(
        "warning" in line for line in stderr_lines(result))
    assert jsonl(result.stdout)[0]["text"] == "Привет, Бишкек\n"


def test_encoding_that_does_not_fit_warns_and_strict_refuses(tmp_path, good_files):
    path = tmp_path / "utf8.txt"
    path.write_bytes("naïve\n".encode())
    loose = run_iwpr("split", "--all", "--encoding", "ascii", str(path))
    assert loose.returncode == 0
    assert f"iwpr split: warning: {path}: byte offset 2: not valid ascii; replaced" in stderr_lines(loose)
    assert jsonl(loose.stdout)[0]["text"] == "na\ufffd\ufffdve\n"
    strict = run_iwpr("split", "--encoding", "ascii", "--strict", good_files[0], str(path))
    assert strict.returncode == errors.BAD_DATA
    assert stderr_lines(strict) == [f"iwpr split: error: {path}: byte offset 2: not valid ascii"]
    assert sources(strict) == {good_files[0]}


def test_unknown_encoding_is_a_usage_error():
    result = run_iwpr("split", "--encoding", "no-such-codec", "-", input=GOOD)
    assert result.returncode == errors.USAGE
    assert "unknown encoding 'no-such-codec'" in result.stderr.decode()
    assert result.stdout == b""


@pytest.mark.parametrize("bom, codec", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                                        (b"\xfe\xff", "utf-16-be")])
def test_a_byte_order_mark_is_honoured_and_dropped(tmp_path, bom, codec):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + GOOD.encode(codec))
    result = run_iwpr("split", "--all", str(path))
    assert result.returncode == 0 and stderr_lines(result) == []
    assert "".join(r["text"] for r in jsonl(result.stdout)) == GOOD


# --- binary input --------------------------------------------------------------------------------------


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", GOOD)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, what", [
    ("nul.txt", b"Some text\x00with a NUL byte\n", "NUL byte at byte offset 9"),
    ("edition.txt.gz", gzip.compress(GOOD.encode()), "a gzip archive"),
    ("edition.zip", _zip_bytes(), "a zip archive"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
    ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
])
def test_binary_input_is_one_clear_error_and_the_other_inputs_are_still_processed(tmp_path, good_files, name, data, what):
    bad = tmp_path / name
    bad.write_bytes(data)
    result = run_iwpr("split", good_files[0], str(bad), good_files[1])
    assert result.returncode == errors.BAD_DATA
    assert stderr_lines(result) == [f"iwpr split: error: {bad}: binary data ({what}), not text; skipped"]
    assert sources(result) == set(good_files)


def test_binary_on_stdin_is_an_error_not_garbage():
    result = run_iwpr("split", input=gzip.compress(GOOD.encode()))
    assert result.returncode == errors.BAD_DATA
    assert stderr_lines(result) == ["iwpr split: error: -: binary data (a gzip archive), not text; skipped"]
    assert result.stdout == b""


# --- JSON Lines ----------------------------------------------------------------------------------------


def test_skip_bad_passes_over_malformed_lines_with_a_warning(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([doc_line("a"), '{"id": "b", broken', "[1, 2]", doc_line("c")]) + "\n")
    strict = run_iwpr("split", str(path))
    assert strict.returncode == errors.BAD_DATA
    assert stderr_lines(strict) == [
        f"iwpr split: error: {path}:2: not a JSON record (Expecting property name enclosed in double quotes at column 13)",
        f"iwpr split: error: {path}:3: not a JSON object",
    ]
    assert ids(strict) == {"a", "c"}
    skipping = run_iwpr("split", "--skip-bad", str(path))
    assert skipping.returncode == 0
    assert [line.split(": ", 2)[1] for line in stderr_lines(skipping)] == ["warning", "warning"]
    assert f"{path}:2: not a JSON record" in stderr_lines(skipping)[0]
    assert ids(skipping) == {"a", "c"}


def test_a_truncated_last_line_and_invalid_utf8_name_their_lines(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_bytes((doc_line("a") + "\n").encode() + b'{"id": "b", "text": "caf\xe9"}\n'
                     + (doc_line("c") + "\n").encode() + doc_line("d")[:25].encode())
    result = run_iwpr("split", str(path))
    assert result.returncode == errors.BAD_DATA
    lines = stderr_lines(result)
    assert lines[0] == f"iwpr split: error: {path}:2: not a JSON record (byte 24 is not UTF-8)"
    assert lines[1].startswith(f"iwpr split: error: {path}:4: not a JSON record (")
    assert len(lines) == 2
    assert ids(result) == {"a", "c"}


def test_a_record_missing_a_field_the_stage_needs_names_the_field_and_the_line():
    lines = [doc_line("a"), json.dumps({"id": "b", "source": "b", "kind": "document"}),
             json.dumps({"id": "n", "source": "n", "kind": "document", "text": None}), doc_line("c")]
    result = run_iwpr("split", input="\n".join(lines) + "\n")
    assert result.returncode == errors.BAD_DATA
    assert stderr_lines(result) == [
        "iwpr split: error: -:2: record has no 'text' field",
        "iwpr split: error: -:3: record's 'text' field is null, not a string",
    ]
    assert ids(result) == {"a", "c"}


def test_require_is_the_public_helper_stages_share():
    import iwpr_extract

    assert iwpr_extract.require({"text": "x"}, "text") == "x"
    with pytest.raises(iwpr_extract.BadInput, match="record has no 'byline' field"):
        iwpr_extract.require({"text": "x"}, "byline")
    with pytest.raises(iwpr_extract.BadInput, match="'captions' field is string, not a list"):
        iwpr_extract.require({"captions": "x"}, "captions", list)


# --- e-mail --------------------------------------------------------------------------------------------


MAIL = FIXTURES / "mail"


def test_an_eml_file_is_read_as_mail_with_its_metadata():
    result = run_iwpr("split", str(MAIL / "newsletter.eml"))
    assert result.returncode == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert record["email"] == {"subject": "Reporting Central Asia – No. 412",
                               "from": "IWPR Central Asia <newsletter@iwpr.example>",
                               "date": "2008-03-14T10:20:00+00:00", "message_id": "<rca412@iwpr.example>"}
    # quoted-printable soft line breaks undone, text/plain chosen over the HTML alternative
    assert "voluntary – growers say otherwise." in record["text"]
    assert "HTML version" not in record["text"]
    assert record["byline"] == "By Jane Doe in Tashkent"


def test_each_message_of_an_mbox_is_one_document_named_source_hash_n():
    result = run_iwpr("split", str(MAIL / "three_messages.mbox"))
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    source = str(MAIL / "three_messages.mbox")
    assert ids(result) == {f"{source}#0", f"{source}#1", f"{source}#2"}
    by_doc = {r["id"].rsplit("#", 1)[0]: r for r in records}
    assert "Thousands of migrants – mostly young men" in by_doc[f"{source}#0"]["text"]  # base64
    html = by_doc[f"{source}#1"]["text"]  # HTML only: converted, styles and scripts dropped
    assert "new law & its rules" in html and "color" not in html and "track()" not in html
    assert "Café owners" in by_doc[f"{source}#2"]["text"]  # iso-8859-1 charset
    assert by_doc[f"{source}#2"]["email"]["subject"] == "Latin-1 body"


def test_stdin_opening_with_mail_headers_is_mail_but_prose_opening_with_subject_is_not(tmp_path):
    mail = run_iwpr("split", input=(MAIL / "newsletter.eml").read_bytes())
    assert jsonl(mail.stdout)[0]["email"]["message_id"] == "<rca412@iwpr.example>"
    saved = tmp_path / "saved.txt"  # a .txt file is raw text whatever it starts with
    saved.write_bytes((MAIL / "newsletter.eml").read_bytes())
    raw = run_iwpr("split", "--all", str(saved))
    assert all("email" not in r for r in jsonl(raw.stdout))
    assert "".join(r["text"] for r in jsonl(raw.stdout)) == saved.read_text()
    for prose in ("Subject: the week in Central Asia\n\n" + GOOD,
                  "Title: Talks Stall\nDate: 6 July 2005\nAuthor: Jane Doe\n\n" + GOOD):  # page metadata
        plain = run_iwpr("split", "--all", input=prose)
        assert plain.returncode == 0
        records = jsonl(plain.stdout)
        assert all("email" not in r for r in records)
        assert "".join(r["text"] for r in records) == prose


def test_a_message_without_text_is_skipped_with_a_warning_and_the_others_are_kept(tmp_path):
    attachment_only = (b"From: a@b.org\nTo: c@d.org\nSubject: scan\nMIME-Version: 1.0\n"
                       b"Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n")
    text = (MAIL / "three_messages.mbox").read_bytes()
    first_end = text.index(b"\nFrom newsletter@iwpr.example Sat")
    mbox = text[: first_end + 1] + b"\nFrom x@y Mon Jan  1 00:00:00 2024\n" + attachment_only + text[first_end:]
    path = tmp_path / "mixed.mbox"
    path.write_bytes(mbox)
    result = run_iwpr("split", str(path))
    assert result.returncode == 0
    line = mbox[: mbox.index(b"From x@y")].count(b"\n") + 1
    assert stderr_lines(result)[0] == (
        f"iwpr split: warning: {path}:{line}: message has no text or HTML part; skipped")
    assert ids(result) == {f"{path}#0", f"{path}#2", f"{path}#3"}


def test_stray_bytes_in_a_mail_body_are_decoded_with_a_warning_naming_the_message(tmp_path):
    good = (MAIL / "newsletter.eml").read_bytes()
    bad = b"From: a@b.org\nTo: c@d.org\nSubject: x\nContent-Type: text/plain\n\nCaf\xe9 \x93ok\x94\n"
    path = tmp_path / "box.mbox"
    path.write_bytes(b"From a Mon Jan  1 00:00:00 2024\n" + good + b"\nFrom b Mon Jan  1 00:00:00 2024\n" + bad)
    result = run_iwpr("split", "--all", str(path))
    assert result.returncode == 0
    line = path.read_bytes().count(b"\n", 0, path.read_bytes().index(b"From b")) + 1
    assert stderr_lines(result)[0] == (
        f"iwpr split: warning: {path}:{line}: body byte offset 3: 3 byte(s) not UTF-8, read as Windows-1252")
    texts = {r["id"].rsplit("#", 1)[0]: r["text"] for r in jsonl(result.stdout)}
    assert texts[f"{path}#1"] == "Café “ok”\n"
    assert f"{path}#0" in texts
    strict = run_iwpr("split", "--strict", str(path))
    assert strict.returncode == errors.BAD_DATA
    assert stderr_lines(strict) == [f"iwpr split: error: {path}:{line}: body byte offset 3: 3 byte(s) not "
                                    "UTF-8, read as Windows-1252 (--strict); message skipped"]
    assert ids(strict) == {f"{path}#0"}


# --- pipes and signals ---------------------------------------------------------------------------------


@pytest.fixture
def big_jsonl(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text("".join(doc_line(f"doc{i}") + "\n" for i in range(4000)))
    return path


def _popen(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "iwpr_extract", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def _finish(proc: subprocess.Popen) -> tuple[bytes, bytes]:
    """The rest of stdout and all stderr.  Not ``communicate``: it reads the pipe itself and would miss
    what ``proc.stdout.readline`` has already buffered."""
    rest = proc.stdout.read()
    err = proc.stderr.read()
    proc.wait(timeout=30)
    if proc.stdin:  # left open until now: an end of input must not race the signal
        proc.stdin.close()
    return rest, err


def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly(big_jsonl):
    proc = _popen("split", str(big_jsonl), stdin=subprocess.DEVNULL)
    first = proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=30) == 0
    assert proc.stderr.read() == b""
    assert json.loads(first)["id"].startswith("doc0#")


def test_head_in_a_shell_pipe_is_quiet(big_jsonl):
    result = subprocess.run(["bash", "-c", f"set -o pipefail; '{sys.executable}' -m iwpr_extract split "
                             f"'{big_jsonl}' | head -1"], cwd=ROOT, capture_output=True, timeout=30)
    assert result.returncode == 0
    assert result.stderr == b""
    assert len(result.stdout.splitlines()) == 1


def test_ctrl_c_while_waiting_for_input_ends_quietly_with_130():
    proc = _popen("split", stdin=subprocess.PIPE)
    proc.stdin.write((doc_line("a") + "\n").encode())
    proc.stdin.flush()
    first = proc.stdout.readline()  # the process is up and streaming
    proc.send_signal(signal.SIGINT)
    rest, err = _finish(proc)
    assert proc.returncode == errors.INTERRUPTED
    assert err == b""
    assert json.loads(first)["id"].startswith("a#") and rest == b""


def test_ctrl_c_while_writing_leaves_only_whole_lines(big_jsonl):
    proc = _popen("split", str(big_jsonl), str(big_jsonl), str(big_jsonl), stdin=subprocess.DEVNULL)
    proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    rest, err = _finish(proc)
    assert proc.returncode in (errors.INTERRUPTED, 0)  # 0: it had finished before the signal landed
    assert err == b""
    assert rest.endswith(b"\n") or rest == b""
    jsonl(rest)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_that_cannot_be_written_is_an_io_error(tmp_path, good_files):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "iwpr_extract", "split", good_files[0]], cwd=ROOT,
                                stdout=full, stderr=subprocess.PIPE, timeout=30)
    assert result.returncode == errors.IO_ERROR
    assert result.stderr == b"iwpr split: error: No space left on device\n"


# --- hostile input -------------------------------------------------------------------------------------

# Commands reading inputs (``check`` reads fixture directories instead); a command joins once its module
# exists, so later stages are covered without touching this file.
READERS = [name for name, module in COMMANDS.items()
           if name != "check" and find_spec(f"iwpr_extract.commands.{module}") is not None]
JSONL_WRITERS = {"split", "bylines", "entities", "clean"}

# Smaller than the figures (a 10 MB line, 100,000 "By " lines) so the suite stays fast; the full
# sizes are measured by hand, see the README's "Errors and exit codes" section.
HOSTILE = {
    "one_long_line.txt": ("word " * 200_000)[:1_000_000],
    "by_lines.txt": "".join(f"By Reporter Number{i} in Kabul\n" for i in range(3000)),
    "asterisks.txt": "*" * 1_000_000,
    "repeated_toc.txt": "IN THIS ISSUE\n\n" + "UZBEK FARMERS COUNT COST OF COTTON DRIVE\n"
                        "Officials insist the quota is voluntary.\nBy Jane Doe\n\n" * 1000,
    "whitespace.txt": " \t\n\r\n  \u00a0\n" * 20_000,
    "capitals.txt": ("THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG IN KABUL\n" * 20 + "\n") * 200,
    "nested_quotes.txt": "".join("> " * d + "quoted text\n" for d in range(300)) + "> " * 20_000 + "deep\n",
}


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    for name, text in HOSTILE.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


@pytest.mark.parametrize("command", READERS)
def test_hostile_inputs_finish_within_seconds_and_give_valid_output(hostile_dir, command):
    paths = [str(hostile_dir / name) for name in HOSTILE]
    options = ["--all"] if command == "split" else []  # every segment: every input has records
    started = time.monotonic()
    result = run_iwpr(command, *options, *paths, timeout=60)
    elapsed = time.monotonic() - started
    assert result.returncode in (0, 1), result.stderr.decode()[-2000:]  # 1: validate found violations
    stderr_lines(result)
    assert elapsed < 15, f"iwpr {command} took {elapsed:.1f}s on the hostile inputs"
    if command in JSONL_WRITERS:
        assert sources(result) == set(paths)
    if command == "split":
        for name, text in HOSTILE.items():
            pieces = [r["text"] for r in jsonl(result.stdout) if r["source"] == str(hostile_dir / name)]
            assert "".join(pieces) == text, name


# --- output safety -------------------------------------------------------------------------------------


NASTY = "lone \ud800 high, \udfff low; ctl \x01\x07\x1b[31m; seps \u2028|\u2029; nul \x00; del \x7f; end"


@pytest.mark.parametrize("command", sorted(JSONL_WRITERS & set(READERS)))
def test_surrogates_controls_separators_and_nul_in_json_input_give_valid_one_line_json(command):
    lines = [doc_line("a"), json.dumps({"id": "x", "source": "x", "kind": "document", "text": NASTY + "\n\n" + GOOD}),
             doc_line("c")]
    options = ["--all"] if command == "split" else []  # every segment, so the nasty text is in one
    result = run_iwpr(command, *options, input="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert b"\x00" not in out and "\u2028".encode() not in out and "\u2029".encode() not in out
    out.decode("utf-8")  # strict: every byte written is UTF-8
    records = jsonl(out)
    assert len(records) == out.count(b"\n")
    # clean removes control characters (NUL among them) by design; the rest must come through
    kept = "seps \u2028|\u2029; nul ;" if command == "clean" else "seps \u2028|\u2029; nul \x00"
    assert any(kept in r["text"] for r in records)
    assert ids(result) == {"a", "x", "c"}


def test_control_characters_and_separators_in_raw_text_give_valid_one_line_json(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_text("Head\x0cline\x1b[0m \u2028 next \u2029 para\x85 nel\n\n" + GOOD, encoding="utf-8")
    result = run_iwpr("split", "--all", str(path))
    assert result.returncode == 0
    records = jsonl(result.stdout)
    assert len(records) == result.stdout.count(b"\n")
    assert "".join(r["text"] for r in records) == path.read_text(encoding="utf-8")


# --- the error line ------------------------------------------------------------------------------------


def _run_on_a_terminal(extra_env: dict[str, str]) -> bytes:
    import pty

    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "iwpr_extract", "split", "no-such-file.txt"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, cwd=ROOT,
                              env={**os.environ, **extra_env, "TERM": "xterm-256color"}, timeout=30)
        assert proc.returncode == errors.UNREADABLE
        os.close(slave)
        slave = -1
        return read_pty(master)
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)


def test_errors_are_styled_on_a_terminal_and_plain_with_no_color():
    env = {k: "" for k in ("NO_COLOR",)}
    styled = _run_on_a_terminal({**env, "NO_COLOR": ""})
    assert b"\x1b[1;31miwpr split: error: no-such-file.txt: no such file\x1b[0m" in styled
    plain = _run_on_a_terminal({"NO_COLOR": "1"})
    assert b"\x1b[1;31m" not in plain and b"\x1b[0m" not in plain  # no colours (a progress bar may draw)
    assert b"iwpr split: error: no-such-file.txt: no such file\r\n" in plain


def test_piped_errors_are_plain():
    result = run_iwpr("split", "no-such-file.txt")
    assert result.returncode == errors.UNREADABLE
    assert result.stderr == b"iwpr split: error: no-such-file.txt: no such file\n"


def _broken_stage(record):
    raise ZeroDivisionError("oops")


@pytest.mark.parametrize("where, message", [
    ("stage", "iwpr split: error: -: internal error: ZeroDivisionError: oops (run with --debug for details)"),
    ("command", "iwpr split: error: internal error: RuntimeError: boom (run with --debug for details)"),
])
def test_a_bug_is_one_line_and_the_traceback_only_with_debug(monkeypatch, capsys, where, message):
    import click

    from iwpr_extract import cli as cli_module

    @click.command()
    @click.pass_context
    def fake(ctx):
        if where == "command":
            raise RuntimeError("boom")
        ctx.exit(cli_module.run_stage(ctx, "split", ("-",), _broken_stage))

    monkeypatch.setattr(cli_module.LazyGroup, "get_command", lambda self, ctx, name: fake)
    monkeypatch.setattr(cli_module.LazyGroup, "list_commands", lambda self, ctx: ["split"])
    for argv, traceback_shown in ((["split"], False), (["--debug", "split"], True)):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
        with pytest.raises(SystemExit) as exit_info:
            cli_module.main(argv)
        err = capsys.readouterr().err
        assert exit_info.value.code == errors.INTERNAL
        assert ("Traceback" in err) is traceback_shown
        assert err.splitlines()[-1] == message


def test_every_exit_code_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Errors and exit codes", 1)[1].split("\n## ", 1)[0]
    for code in errors.EXIT_CODES:
        assert f"\n| {code} |" in section, code


# --- property tests ------------------------------------------------------------------------------------

from hypothesis import HealthCheck, example, given, settings, strategies as st  # noqa: E402

from iwpr_extract.errors import BadInput  # noqa: E402
from iwpr_extract.records import dumps  # noqa: E402
from iwpr_extract.streams import read_stream  # noqa: E402

# Newsletter-ish pieces mixed with anything at all, so the structural code paths are reached too.
_PIECES = st.sampled_from(["\n", "\n\n", "\r\n", "By ", "BY ", " in ", "Kabul", "IN THIS ISSUE", "> ",
                           "***", "Subject: ", "From: ", "(Photo: x)", "\u2028", "\x85", "\t", "\ufeff",
                           "UZBEK FARMERS", "Jane Doe", "--", "\ud800", "é"])
TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=40).map("".join)


def _stage_functions():
    """(name, record -> records) for every stage module that exists."""
    import importlib

    stages = [("split", "split_record", {"all_segments": True}), ("bylines", "bylines_record", {}),
              ("entities", "entities_record", {}), ("clean", "clean_record", {})]
    found = []
    for module, name, options in stages:
        if find_spec(f"iwpr_extract.{module}") is None:
            continue
        function = getattr(importlib.import_module(f"iwpr_extract.{module}"), name)
        found.append((module, lambda record, f=function, o=options: _as_list(f(record, **o))))
    return found


def _as_list(result):
    return [result] if isinstance(result, dict) else list(result)


STAGES = _stage_functions()


def _assert_one_valid_line(record: dict) -> None:
    line = dumps(record)
    data = line.encode("utf-8", "backslashreplace")  # as cli.Output writes it
    assert b"\n" not in data and b"\r" not in data
    decoded = data.decode("utf-8")
    assert decoded.splitlines() == [decoded]  # no reader splits it, not even str.splitlines
    assert isinstance(json.loads(decoded), dict)


@settings(max_examples=int(os.environ.get("IWPR_EXAMPLES", 80)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_split_all_is_lossless_and_every_stage_gives_valid_json_lines_on_random_text(text):
    from iwpr_extract.split import split_text

    records = split_text(text, "r.txt", all_segments=True)
    assert "".join(r["text"] for r in records) == text
    document = {"id": "r.txt", "source": "r.txt", "kind": "document", "text": text}
    for _name, stage in STAGES:
        for record in stage(dict(document)):
            _assert_one_valid_line(record)


_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), TEXT, st.lists(st.integers(), max_size=2),
                    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
_RECORD = st.fixed_dictionaries({"kind": st.sampled_from(["document", "article", "toc", 7])}, optional={
    key: _VALUES for key in ("id", "source", "text", "byline", "headline", "body", "span", "captions")})
JSONL_BYTES = st.lists(st.one_of(_RECORD.map(json.dumps), st.text(max_size=10)), min_size=1, max_size=4).map(
    lambda lines: ("{}\n" + "\n".join(lines)).encode("utf-8", "surrogatepass"))


@settings(max_examples=int(os.environ.get("IWPR_EXAMPLES", 120)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")) | JSONL_BYTES)
def test_random_bytes_are_read_without_exceptions_and_give_valid_json_lines(data):
    try:
        items = list(read_stream(io.BytesIO(data), "r.bin", warn=lambda e: None, error=lambda e: None))
    except BadInput as exc:
        assert "binary data" in str(exc)
        return
    for item in items:
        _assert_one_valid_line(item.record)
        for _name, stage in STAGES:
            try:
                results = stage(dict(item.record))
            except BadInput:  # a JSON line that is not a usable record: the runner reports it
                assert item.line is not None
                continue
            for record in results:
                _assert_one_valid_line(record)


@pytest.mark.skipif(find_spec("iwpr_extract.clean") is None, reason="iwpr clean (issue 5) not merged yet")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("By \n\na\u2028")  # found by hypothesis: a joined line kept a trailing U+2028 a second run dropped
def test_clean_is_idempotent(text):
    import iwpr_extract.clean as clean

    once = clean.clean_record({"id": "r", "source": "r", "kind": "document", "text": text})
    twice = clean.clean_record(dict(once))
    assert twice["text"] == once["text"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes_through_the_command_line_give_valid_json_lines_or_one_error(data):
    from click.testing import CliRunner

    from iwpr_extract.cli import cli

    result = CliRunner().invoke(cli, ["split", "--all", "-"], input=data)
    assert result.exit_code in (0, errors.BAD_DATA), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for line in result.stdout_bytes.splitlines():
        assert isinstance(json.loads(line), dict)
