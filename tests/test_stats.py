"""``iwpr stats``: figures for a fixture whose counts are known, tables and --json."""

from __future__ import annotations

import json

from click.testing import CliRunner

from iwpr_extract.cli import cli
from iwpr_extract.stats import compute_stats

from conftest import FIXTURES, run_iwpr

SAMPLE = FIXTURES / "show" / "sample.jsonl"


def _records():
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


# Counted by hand from fixtures/show/sample.jsonl (9 records, 5 of them articles).
def test_figures_for_the_sample_match_the_hand_counts():
    stats = compute_stats(_records())
    assert stats["records"] == 9
    assert stats["kinds"] == {"article": 5, "document": 1, "footer": 1, "promo": 1, "toc": 1}
    assert stats["articles"] == 5
    assert stats["newsletters"] == [
        {"title": "Reporting Central Asia", "issue": 393, "date": "2005-07-06", "articles": 2},
        {"title": "Reporting Central Asia", "issue": 610, "date": "2010-11-05", "articles": 2},
        {"title": None, "issue": None, "date": None, "articles": 1},
    ]
    assert stats["authors"] == [
        {"name": "Ainagul Abdrakhmanova", "articles": 2, "locations": {"Bishkek": 2}},
        {"name": "Asyl Osmonalieva", "articles": 1, "locations": {"Osh": 1}},
        {"name": "Dilya Usmanova", "articles": 1, "locations": {"Almaty": 1}},
        {"name": "Gulzat Abdurasulova", "articles": 1, "locations": {"Osh": 1}},
        {"name": "Rustam Nazarov", "articles": 1, "locations": {}},
        {"name": "Zamir Karajanov", "articles": 1, "locations": {"Almaty": 1}},
    ]
    counts = {label: {row["norm"]: row["count"] for row in rows} for label, rows in stats["entities"].items()}
    assert counts == {
        "DATE": {"July 5": 1, "November 8": 1, "October 10": 1},
        # "Kazakstan" as printed, three times, counted under its norm
        "LOC": {"Kazakhstan": 3, "Kyrgyzstan": 3, "Bishkek": 2, "Osh": 2, "Almaty": 1, "Tashkent": 1,
                "Uzbekistan": 1},
        "NORP": {"Uzbek": 3},
        "ORG": {"UNHCR": 3, "Ata-Jurt": 1, "IWPR": 1, "UNICEF": 1},
        # "Otunbaeva" alone is normalised to the full name: two mentions, one person
        "PERSON": {"Roza Otunbaeva": 2, "Orozbek Moldaliev": 1, "Ron Redmond": 1},
    }
    assert [row["norm"] for row in stats["entities"]["LOC"]][:4] == ["Kazakhstan", "Kyrgyzstan", "Bishkek", "Osh"]
    assert stats["missing"] == {"standfirst": 2, "headline": 1, "byline": 1, "authors": 1, "newsletter": 1,
                                "entities": 1, "body": 0}
    assert list(stats["missing"]) == ["standfirst", "headline", "byline", "authors", "newsletter", "entities",
                                      "body"]
    assert stats["with_warnings"] == 1


def test_top_bounds_entities_per_label():
    stats = compute_stats(_records(), top=2)
    assert stats["entities"]["LOC"] == [{"norm": "Kazakhstan", "count": 3}, {"norm": "Kyrgyzstan", "count": 3}]
    assert len(stats["entities"]["PERSON"]) == 2


def test_reads_its_input_once_as_a_stream():
    once = iter(_records())
    assert compute_stats(once)["records"] == 9
    assert next(once, None) is None


def test_same_author_twice_in_one_byline_counts_one_article():
    record = {"kind": "article", "authors": [{"name": "A", "location": "Osh"}, {"name": "A", "location": "Osh"}]}
    assert compute_stats([record])["authors"] == [{"name": "A", "articles": 1, "locations": {"Osh": 1}}]


def test_empty_stream_gives_zeros_not_errors():
    stats = compute_stats([])
    assert stats["records"] == 0 and stats["articles"] == 0 and stats["newsletters"] == []
    result = CliRunner().invoke(cli, ["stats", "-"], input="")
    assert result.exit_code == 0, result.output


def test_json_is_the_same_figures_in_a_stable_key_order():
    result = CliRunner().invoke(cli, ["stats", "--json", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 1
    figures = json.loads(result.output)
    assert figures == compute_stats(_records())
    assert list(figures) == ["records", "kinds", "articles", "newsletters", "authors", "entities", "missing",
                             "with_warnings"]
    again = CliRunner().invoke(cli, ["stats", "--json", str(SAMPLE)])
    assert again.output == result.output


def test_piped_table_is_plain_text():
    result = CliRunner().invoke(cli, ["stats", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "\x1b[" not in out
    assert "| Ainagul Abdrakhmanova |        2 | Bishkek (2) |" in out
    assert "| Reporting Central Asia |   393 | 2005-07-06 |        2 |" in out
    assert "| standfirst |       2 |   40% |" in out
    assert "1 with warnings" in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_rich_tables_on_a_terminal():
    from rich.console import Console
    import io

    from iwpr_extract.stats import stats_renderables

    console = Console(record=True, width=80, file=io.StringIO(), force_terminal=True)
    for table in stats_renderables(compute_stats(_records())):
        console.print(table)
    text = console.export_text(clear=False)
    assert "│ Roza Otunbaeva    │     2 │" in text
    assert "╭" in text
    assert "\x1b[1m" in console.export_text(styles=True)


def test_raw_text_at_the_end_of_a_pipe_counts_as_a_document():
    result = run_iwpr("stats", "--json", input="Just some raw text, not JSON.\n")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["kinds"] == {"document": 1} and figures["articles"] == 0


def test_bad_line_is_reported_and_the_rest_counted(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(SAMPLE.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    result = run_iwpr("stats", "--json", str(bad))
    assert result.returncode == 3
    assert b"bad.jsonl:10" in result.stderr and b"Traceback" not in result.stderr
    assert json.loads(result.stdout)["records"] == 9


def test_records_that_break_the_schema_are_still_counted():
    from hypothesis import given, settings, strategies as st

    scalar = st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=4)
    value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["name", "location", "label", "norm", "text", "title", "issue", "date"]), inner,
        max_size=4), max_leaves=10)
    fields = st.dictionaries(st.sampled_from(["kind", "newsletter", "authors", "entities", "headline",
                                              "warnings"]), value)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(fields.map(lambda r: {"kind": "article", **r}) | fields, max_size=4))
    def check(records):
        stats = compute_stats(records)
        assert stats["records"] == len(records)
        json.dumps(stats)

    check()
