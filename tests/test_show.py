"""``iwpr show``: rendered text for the sample fixture, filters, piping, paging."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys

from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from iwpr_extract.cli import cli
from iwpr_extract.show import ENTITY_STYLES, entity_spans, highlight, render_record

from conftest import FIXTURES, ROOT, read_pty, run_iwpr

SAMPLE = FIXTURES / "show" / "sample.jsonl"


def _records():
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def _recording(width=90):
    from rich.console import Console

    return Console(record=True, width=width, file=io.StringIO(), force_terminal=True, color_system="standard")


def test_panels_for_the_sample_match_the_reviewed_text():
    console = _recording()
    for number, record in enumerate(_records(), start=1):
        console.print(render_record(record, number))
    expected = (FIXTURES / "show" / "sample.panels.out").read_text(encoding="utf-8")
    assert console.export_text() == expected


def test_entities_are_styled_by_label_with_a_legend():
    console = _recording()
    console.print(render_record(_records()[1], 2))
    styled = console.export_text(styles=True, clear=False)
    plain = console.export_text()
    assert "Entities: DATE  LOC  ORG  PERSON" in plain
    # PERSON is bold magenta, LOC bold green: the escape codes sit right around the entity's words
    assert "\x1b[1;35mRoza Otunbaeva\x1b[0m" in styled
    assert "\x1b[1;32mKyrgyzstan\x1b[0m" in styled
    assert ENTITY_STYLES["PERSON"] == "bold magenta" and ENTITY_STYLES["LOC"] == "bold green"


def test_article_panel_shows_authors_newsletter_notes_and_what_clean_removed():
    console = _recording()
    console.print(render_record(_records()[5], 6))
    text = console.export_text()
    assert "╭─ #6 article rca_393.txt#1 " in text
    assert "Newsletter: Reporting Central Asia, No. 393, 2005-07-06" in text
    assert "│ Ainagul Abdrakhmanova   Bishkek    IWPR editor   no" in text
    assert "│ Rustam Nazarov          -          -             yes" in text
    assert "Rustam Nazarov is the pseudonym of a journalist in Tashkent." in text
    console.print(render_record(_records()[1], 2))
    text = console.export_text()
    assert "│ **** http://iwpr.net/ ****               banner" in text
    assert "Fixes: mojibake 2, soft_hyphen 1" in text


def test_piped_output_is_the_reviewed_plain_text():
    cwd = os.getcwd()
    os.chdir(FIXTURES / "show")
    try:
        result = CliRunner().invoke(cli, ["show", "--width", "100", "sample.jsonl"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert result.output == (FIXTURES / "show" / "sample.plain.out").read_text(encoding="utf-8")
    assert "\x1b" not in result.output


def _headings(output: str) -> list[str]:
    return [line.split(" =")[0] for line in output.splitlines() if line.startswith("#") and line.endswith("==")]


def test_kind_id_and_range_narrow_the_records():
    run = lambda *args: CliRunner().invoke(cli, ["show", *args, str(SAMPLE)])
    assert _headings(run("--kind", "article").output) == [
        "#2 article rca_610.txt#1", "#3 article rca_610.txt#2", "#5 article rca_393.txt#0",
        "#6 article rca_393.txt#1", "#7 article page.txt#0"]
    assert _headings(run("--kind", "toc", "--kind", "document").output) == [
        "#1 toc rca_610.txt#0", "#9 document notes.txt"]
    assert _headings(run("--id", "rca_393.txt#1").output) == ["#6 article rca_393.txt#1"]
    # numbers count every record, before --kind: 3:7 holds articles 3, 5, 6 and 7
    assert _headings(run("--range", "3:7", "--kind", "article").output) == [
        "#3 article rca_610.txt#2", "#5 article rca_393.txt#0", "#6 article rca_393.txt#1",
        "#7 article page.txt#0"]
    assert _headings(run("--range", "8:").output) == ["#8 footer rca_610.txt#4", "#9 document notes.txt"]
    assert _headings(run("--range", ":1").output) == ["#1 toc rca_610.txt#0"]
    assert _headings(run("--range", "4").output) == ["#4 promo rca_610.txt#3"]


def test_bad_range_is_a_usage_error():
    result = CliRunner().invoke(cli, ["show", "--range", "7:3", str(SAMPLE)])
    assert result.exit_code == 2
    assert "empty" in result.output
    assert CliRunner().invoke(cli, ["show", "--range", "x", str(SAMPLE)]).exit_code == 2
    assert CliRunner().invoke(cli, ["show", "--range", "0:2", str(SAMPLE)]).exit_code == 2


def test_raw_text_at_the_end_of_a_pipe_is_shown_as_a_document():
    result = run_iwpr("show", input="Just some raw text.\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("#1 document - ") and "Just some raw text." in out and "\x1b" not in out


def test_bad_line_is_reported_and_the_other_records_shown(tmp_path):
    bad = tmp_path / "bad.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    bad.write_text(lines[0] + "{oops\n" + lines[8], encoding="utf-8")
    result = run_iwpr("show", str(bad))
    assert result.returncode == 3
    assert b"bad.jsonl:2" in result.stderr and b"Traceback" not in result.stderr
    assert _headings(result.stdout.decode()) == ["#1 toc rca_610.txt#0", "#2 document notes.txt"]


def _on_a_terminal(args, env_extra, timeout=30):
    """Run iwpr with stdout on a pseudo-terminal; return everything it wrote there."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "90", "LINES": "20", **env_extra}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "iwpr_extract", *args], stdout=slave, stderr=subprocess.PIPE,
                            stdin=slave, cwd=ROOT, env=env)
    os.close(slave)
    output = read_pty(master)
    proc.wait(timeout=timeout)
    os.close(master)
    return proc.returncode, output.decode("utf-8", "replace")


def test_terminal_gets_colour_and_long_output_goes_through_the_pager(tmp_path):
    paged = tmp_path / "paged.txt"
    env = {"PAGER": f"cat > {paged}", "LESS": ""}
    code, short = _on_a_terminal(["show", "--range", "9", str(SAMPLE)], env)
    assert code == 0
    assert "#9 document notes.txt" in short and "\x1b[1;32mKazakstan\x1b[0m" in short
    assert not paged.exists()  # fits in 20 lines: printed directly
    code, _ = _on_a_terminal(["show", str(SAMPLE)], env)
    assert code == 0
    text = paged.read_text(encoding="utf-8")
    assert "\x1b[1;35mRoza Otunbaeva" in text  # colours kept for `less -R`
    assert text.count("╭─") == 9 and "#9 document notes.txt" in text


@st.composite
def _entity_records(draw):
    body = draw(st.text(alphabet="ab c", max_size=30))
    entities = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(-2, len(body) + 2))
        end = draw(st.integers(-2, len(body) + 3))
        text = body[start:end] if draw(st.booleans()) and 0 <= start else "zz"
        entities.append({"text": text, "label": draw(st.sampled_from(["LOC", "PERSON", "ODD"])),
                         "field": draw(st.sampled_from(["body", "notes"])), "start": start, "end": end,
                         "norm": text})
    return {"id": "x", "kind": "article", "body": body, "entities": entities}


@settings(deadline=None)  # timing varies on a loaded CI machine; the property is what counts
@given(_entity_records())
def test_any_entities_render_without_error_and_spans_are_sound(record):
    spans = entity_spans(record, "body")
    for (start, end, label), following in zip(spans, spans[1:] + [None]):
        assert 0 <= start < end <= len(record["body"])
        assert any(e["field"] == "body" and e["start"] == start and e["end"] == end
                   and e["text"] == record["body"][start:end] for e in record["entities"])
        if following:
            assert end <= following[0]
    assert highlight(record, "body").plain == record["body"]
    marked = highlight(record, "body", plain=True).plain
    for label in ("LOC", "PERSON", "ODD"):
        marked = marked.replace(f"|{label}]", "")
    assert marked.replace("[", "") == record["body"]
    for plain in (True, False):
        _recording(40).print(render_record(record, 1, plain=plain))


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 50) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["name", "location", "role", "pseudonym", "text", "label", "field", "start", "end", "norm", "reason",
         "title", "issue", "date", "headline", "subject"]), inner, max_size=4),
    max_leaves=12,
)


@settings(deadline=None)
@given(st.dictionaries(st.sampled_from(
    ["id", "kind", "span", "email", "newsletter", "headline", "standfirst", "byline", "credit", "authors",
     "body", "notes", "captions", "entries", "text", "fixes", "removed", "entities", "warnings"]), _json))
def test_records_that_break_the_schema_still_render_and_count(record):
    from iwpr_extract.stats import compute_stats

    for plain in (True, False):
        _recording(60).print(render_record(record, 1, plain=plain))
    assert compute_stats([record])["records"] == 1


def test_readme_examples_are_what_the_renderers_draw():
    from iwpr_extract.stats import compute_stats, stats_renderables

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    console = _recording(88)
    console.print(render_record(_records()[5], 6))
    panel = "\n".join(line.rstrip() for line in console.export_text().rstrip("\n").split("\n"))
    assert panel in readme
    tables = stats_renderables(compute_stats(_records()))
    for table in (tables[1], tables[2], tables[4]):
        console.print(table)
    drawn = "\n".join(line.rstrip() for line in console.export_text().rstrip("\n").split("\n"))
    assert drawn in readme
