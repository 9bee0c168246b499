"""``iwpr check``: run fixtures through their pipeline and compare with the stored expected output."""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click

# A line of the report: pieces of (text, rich style or "").
Line = list[tuple[str, str]]

_STATUS_STYLE = {"ok": "green", "changed": "bold red", "missing": "bold red", "error": "bold red",
                 "updated": "yellow", "created": "yellow"}
_VALUE_LIMIT = 400  # characters of a value shown in full before it is cut (the word diff is not cut)


def _show(value: Any) -> str:
    from ..check import ABSENT

    if value is ABSENT:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _VALUE_LIMIT else text[: _VALUE_LIMIT - 1] + "…"


def _visible(text: str) -> str:
    # one diff stays on one line; a changed paragraph break must still be visible
    return text.replace("\n", "⏎")


def change_lines(change: Any) -> list[Line]:
    """The report lines for one ``check.Change``."""
    from ..check import is_long_text, list_diff, word_diff

    head: Line = [("  record ", ""), (change.record, "bold")]
    if change.what == "added":
        return [head + [(": only in the new output", "green")],
                [("    + ", "green"), (_show(change.new), "green")]]
    if change.what == "removed":
        return [head + [(": missing from the new output", "red")],
                [("    - ", "red"), (_show(change.old), "red")]]
    if change.what == "order":
        return [[("  records in a different order", "bold")],
                [("    - ", "red"), (_show(change.old), "red")],
                [("    + ", "green"), (_show(change.new), "green")]]
    if change.what == "format":
        return [[("  same records, different bytes (key order, escaping or layout of the expected file)", "")]]
    head += [(": field ", ""), (change.field or "", "bold cyan")]
    old, new = change.old, change.new
    if is_long_text(old, new):
        body: Line = [("    ", "")]
        for op, text in word_diff(old, new):
            if op == "=":
                body.append((_visible(text), "dim"))
            elif op == "…":
                body.append(("…", "dim"))
            elif op == "-":
                body.append(("[-" + _visible(text) + "-]", "bold red"))
            else:
                body.append(("{+" + _visible(text) + "+}", "bold green"))
        return [head + [(" (word diff)", "dim")], body]
    if isinstance(old, list) and isinstance(new, list) and len(_show(old)) + len(_show(new)) > 80:
        items = list_diff(old, new)
        return [head + [(" (list items)", "dim")]] + [
            [(f"    {op} ", "red" if op == "-" else "green"), (item, "red" if op == "-" else "green")]
            for op, item in items]
    return [head, [("    - ", "red"), (_show(old), "red")], [("    + ", "green"), (_show(new), "green")]]


def result_lines(result: Any) -> list[Line]:
    """The detail lines for one fixture (none for a fixture that matched)."""
    path = str(result.fixture.path)
    status = result.status
    style = _STATUS_STYLE[status]
    if status == "ok":
        return []
    if status == "missing":
        return [[("MISSING ", style), (path, "bold"),
                 (f": no {result.fixture.expected.name} (iwpr check --update writes it)", "")]]
    if status == "error":
        return [[("ERROR ", style), (path, "bold"), (f": {result.error.message}", "")]]
    if status == "created":
        return [[("created ", style), (str(result.fixture.expected), "bold")]]
    count = len(result.changes)
    label = "CHANGED " if status == "changed" else "updated "
    lines = [[(label, style), (path if status == "changed" else str(result.fixture.expected), "bold"),
              (f" ({count} difference{'s' if count != 1 else ''}; stages: {result.fixture.pipeline.describe()})", "")]]
    if status == "changed":
        for change in result.changes:
            lines.extend(change_lines(change))
    return lines


def table_rows(results: list[Any]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for result in results:
        diffs = str(len(result.changes)) if result.changes else ("-" if result.status in ("missing", "error", "created") else "0")
        rows.append((str(result.fixture.path), result.fixture.pipeline.describe(), str(result.records),
                     diffs, result.status))
    return rows


_HEADERS = ("fixture", "stages", "records", "differences", "status")


def _plain_table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(_HEADERS)]

    def fmt(cells: tuple[str, ...]) -> str:
        return "  ".join(c.rjust(w) if i in (2, 3) else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [fmt(_HEADERS), fmt(tuple("-" * w for w in widths))] + [fmt(r) for r in rows]


def _summary(results: list[Any]) -> str:
    from ..check import summarise

    counts = summarise(results)
    order = ("ok", "changed", "missing", "error", "updated", "created")
    parts = [f"{counts[s]} {s}" for s in order if counts.get(s)]
    return f"{len(results)} fixture{'s' if len(results) != 1 else ''}: " + (", ".join(parts) or "none")


def render(results: list[Any], styled: bool) -> None:
    details = [line for result in results for line in result_lines(result)]
    rows = table_rows(results)
    if styled:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        console = Console(highlight=False)
        for line in details:
            console.print(Text.assemble(*line), soft_wrap=True)
        if rows:
            table = Table()
            for n, header in enumerate(_HEADERS):
                # paths are folded, never cut: they are what the reader copies
                table.add_column(header, overflow="fold", justify="right" if n in (2, 3) else "left")
            for row in rows:
                table.add_row(*row[:4], Text(row[4], style=_STATUS_STYLE[row[4]]))
            console.print(table)
        console.print(_summary(results))
        return
    out = sys.stdout
    for line in details:
        out.write("".join(text for text, _ in line) + "\n")
    if rows:
        if details:
            out.write("\n")
        out.write("\n".join(_plain_table(rows)) + "\n")
    out.write(_summary(results) + "\n")
    out.flush()


_EXAMPLES = """\b
Examples:
  iwpr check fixtures/
  iwpr check --update fixtures/split && git diff fixtures/split"""


@click.command(name="check", epilog=_EXAMPLES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, file_okay=True, dir_okay=True))
@click.option("--update", is_flag=True,
              help="Write the expected output of every fixture that changed or has none, and say which.")
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], update: bool) -> None:
    """Run fixtures through their pipeline and compare with NAME.expected.jsonl.

    PATHS are fixture directories (each with an optional iwpr-check.toml naming the stages; below them,
    every subdirectory with an iwpr-check.toml) or single input files (.txt, .eml, .mbox).
    Exit 0 when everything matches, 1 on any difference or missing expected output.
    """
    from .. import errors
    from ..check import run_check
    from ..cli import Reporter

    reporter = Reporter("check")
    discovery, results = run_check(paths, update=update, warn=reporter.warn)
    for warning in discovery.warnings:
        reporter.warn(warning)
    for problem in discovery.problems:
        reporter.error(problem)
    for result in results:
        if result.status == "error":
            reporter.error(result.error)
    if not results and not discovery.problems:
        reporter.error(f"no fixtures (*.txt, *.eml, *.mbox) in {', '.join(paths)}", code=errors.USAGE)
    render(results, styled=sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    failed = any(r.status in ("changed", "missing") for r in results)
    code = max(reporter.exit_code, errors.DIFFERENCES if failed else errors.OK)
    ctx.exit(code)
