"""``iwpr stats``: summary figures of a stream of records, as tables or one JSON object."""

from __future__ import annotations

import json
import sys

import click

from ..cli import Reporter, input_options, read_options
from .show import make_console, print_plain, read_records


_EXAMPLES = """\b
Examples:
  iwpr split archive/ | iwpr bylines | iwpr entities | iwpr stats
  iwpr stats --json records.jsonl | jq .missing"""


@click.command(name="stats", epilog=_EXAMPLES)
@input_options
@click.option("--json", "as_json", is_flag=True, help="The same figures as one JSON object (one line).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, metavar="N",
              help="List the N most frequent entities per label.")
@click.option("--plain", is_flag=True, help="Plain tables even on a terminal (the default when piped).")
@click.pass_context
def command(ctx: click.Context, files: tuple[str, ...], as_json: bool, top: int, plain: bool,
            encoding: str | None, strict: bool, skip_bad: bool) -> None:
    """Summarise a stream: records by kind, articles per newsletter issue, authors and their locations,
    top entities per label, and the article fields most often missing.
    """
    from ..stats import compute_stats, stats_renderables

    reporter = Reporter("stats")
    figures = compute_stats(read_records(files, reporter, read_options(encoding, strict, skip_bad)), top=top)
    if as_json:
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, separators=(",", ":")) + "\n")
    else:
        plain = plain or not sys.stdout.isatty()
        console = make_console(plain, None)
        for table in stats_renderables(figures, plain=plain):
            if plain:
                print_plain(console, table)
            else:
                console.print(table)
            console.print()
    ctx.exit(reporter.exit_code)
