"""The shared command-line machinery: input detection, exit codes, pipes."""

from __future__ import annotations

import json

from click.testing import CliRunner

from iwpr_extract.cli import cli
from iwpr_extract.records import FIELD_ORDER, dumps, order_record

from conftest import jsonl, run_iwpr


def test_help_lists_commands():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "split" in result.output


def test_keys_come_out_in_contract_order_with_unknown_fields_last():
    record = {"zeta": 1, "text": "t", "kind": "document", "id": "x", "alpha": 2}
    assert list(order_record(record)) == ["id", "kind", "text", "zeta", "alpha"]
    assert FIELD_ORDER[0] == "id"


def test_dumps_is_one_line_even_with_line_separators_and_surrogates():
    line = dumps({"id": "a", "text": "x\u2028y\u2029z\x00\n"})
    assert "\n" not in line and "\u2028" not in line
    assert json.loads(line)["text"] == "x\u2028y\u2029z\x00\n"


def test_lone_surrogate_from_json_input_still_gives_valid_json():
    result = run_iwpr("split", input='{"id":"a","source":"a","kind":"document","text":"bad \\ud800 here"}\n')
    assert result.returncode == 0, result.stderr
    for record in jsonl(result.stdout):
        assert "here" in record["text"]


def test_missing_file_is_one_error_line_and_other_inputs_still_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Standfirst.\n\nBy Jane Doe\n\nBody text here.\n")
    result = run_iwpr("split", str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == 4
    assert result.stderr.decode().strip().splitlines()[0].startswith("iwpr split: error: ")
    assert b"Traceback" not in result.stderr
    assert jsonl(result.stdout)


def test_terminal_stdin_without_files_gives_a_hint_not_a_wait():
    import subprocess, sys, os, pty

    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "iwpr_extract", "split"], stdin=slave,
                              capture_output=True, timeout=20)
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 2
    assert b"no input" in proc.stderr


def test_malformed_json_line_names_the_line_and_keeps_the_others():
    lines = [
        '{"id":"a","source":"s","kind":"document","text":"One.\\n\\nBy A B\\n\\nBody."}',
        '{"id":"b", broken',
        '{"id":"c","source":"s","kind":"document","text":"Two.\\n\\nBy C D\\n\\nBody."}',
    ]
    result = run_iwpr("split", "-", input="\n".join(lines) + "\n")
    assert result.returncode == 3
    assert "-:2:" in result.stderr.decode()
    sources = {r["id"].split("#")[0] for r in jsonl(result.stdout)}
    assert sources == {"a", "c"}


def test_reader_closing_the_pipe_early_is_exit_0_and_silent(tmp_path):
    import subprocess, sys

    big = tmp_path / "big.txt"
    big.write_text(("Talks.\n\nBy Jo Doe\n\n" + "Body text of the article. " * 40 + "\n\n") * 3000)
    proc = subprocess.Popen([sys.executable, "-m", "iwpr_extract", "split", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""


def test_every_command_ends_quietly_when_the_reader_stops_early(tmp_path):
    import subprocess, sys

    from iwpr_extract.cli import cli as group
    from click import Context

    big = tmp_path / "big.txt"
    big.write_text(("Talks.\n\nBy Jo Doe\n\n" + "Body text of the article. " * 40 + "\n\n") * 2000)
    for name in group.list_commands(Context(group)):
        if name in ("check", "validate"):
            continue  # they read fixtures, not a stream to cut short
        proc = subprocess.run(f"{sys.executable} -m iwpr_extract {name} {big} | head -c 1 >/dev/null; "
                              "echo ${PIPESTATUS[0]}", shell=True, executable="/bin/bash",
                              capture_output=True, timeout=120)
        assert proc.stdout.strip() == b"0", (name, proc.stdout, proc.stderr)
        assert b"Traceback" not in proc.stderr and b"Broken pipe" not in proc.stderr, name


_MODULES_AFTER_A_RUN = """
import sys
from iwpr_extract.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write(" ".join(sorted(sys.modules)))
"""


def modules_after(*args: str, input: bytes = b"") -> set[str]:
    import subprocess
    import sys

    from conftest import ROOT

    proc = subprocess.run([sys.executable, "-c", _MODULES_AFTER_A_RUN, *args], input=input, capture_output=True,
                          cwd=ROOT, timeout=60)
    assert proc.stdout, proc.stderr
    return set(proc.stderr.decode().split())


def test_a_one_article_split_imports_nothing_it_does_not_need(tmp_path):
    # startup time is a measured target (README, "Many inputs, speed and scale"): each of these cost
    # milliseconds and a one-article split has no use for them
    one = tmp_path / "one.txt"
    one.write_text("Standfirst here.\n\nBy Jane Doe\n\nBody text.\n", encoding="utf-8")
    loaded = modules_after("split", str(one))
    assert "iwpr_extract.split" in loaded
    unneeded = {"dataclasses", "signal", "orjson", "rich", "traceback", "importlib.metadata", "shutil", "html",
                "iwpr_extract.parallel", "iwpr_extract.mail", "iwpr_extract.bylines", "iwpr_extract.entities",
                "iwpr_extract.clean"}
    assert loaded & unneeded == set()


def test_bylines_imports_html_only_for_text_with_entities():
    record = b'{"id":"a","source":"a","kind":"article","byline":"By Jo Bek in Osh","notes":null}\n'
    loaded = modules_after("bylines", input=record)
    assert "iwpr_extract.bylines" in loaded and "html" not in loaded and "signal" not in loaded
    assert "html" in modules_after("bylines", input=record.replace(b"Jo Bek", b"Jo B&eacute;k"))


def run_python(code: str, *args: str):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # stdout buffered, as usual
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, cwd=ROOT, timeout=60, env=env)


def test_the_program_runs_exit_handlers_and_flushes_before_skipping_teardown(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("Standfirst here.\n\nBy Jane Doe\n\nBody text.\n" * 1000, encoding="utf-8")
    code = ("import atexit, sys\n"
            "atexit.register(lambda: (sys.stderr.write('handler ran\\n'), sys.stdout.write('buffered')))\n"
            "from iwpr_extract.cli import console_main\n"
            "sys.argv = ['iwpr', 'split', '--all', sys.argv[1]]\n"
            "console_main()\n")
    proc = run_python(code, str(one))
    assert proc.returncode == 0 and proc.stderr.decode() == "handler ran\n"
    expected = run_iwpr("split", "--all", str(one)).stdout
    # all of it, more than any pipe or stdio buffer holds, and what the handler left in stdout's buffer
    assert proc.stdout == expected + b"buffered" and len(expected) > 100_000


def test_the_program_keeps_its_exit_codes():
    assert run_iwpr("split", "no-such-file.txt").returncode == 4
    assert run_iwpr("split", "--no-such-option").returncode == 2
    proc = run_python("from iwpr_extract.cli import _exit_now\n_exit_now('a message')")
    assert proc.returncode == 1 and proc.stderr == b"a message\n"
    assert run_python("from iwpr_extract.cli import _exit_now\n_exit_now(None)").returncode == 0


def test_the_program_waits_for_a_running_thread_as_python_does():
    code = ("import sys, threading, time\n"
            "def late():\n"
            "    time.sleep(0.3)\n"
            "    sys.stdout.write('thread done\\n')\n"
            "threading.Thread(target=late).start()\n"
            "from iwpr_extract.cli import _exit_now\n"
            "_exit_now(3)\n")
    proc = run_python(code)
    assert proc.returncode == 3 and proc.stdout == b"thread done\n"


def test_a_profile_of_the_program_is_still_written(tmp_path):
    # python -m cProfile writes its file after the program returns: the program must return
    import subprocess
    import sys

    from conftest import ROOT

    one = tmp_path / "one.txt"
    one.write_text("Standfirst here.\n\nBy Jane Doe\n\nBody text.\n", encoding="utf-8")
    stats = tmp_path / "split.prof"
    proc = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "iwpr_extract", "split", str(one)],
                          capture_output=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and proc.stdout.count(b"\n") == 1
    assert stats.stat().st_size > 0
