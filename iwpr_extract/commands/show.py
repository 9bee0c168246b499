"""``iwpr show``: records rendered for a person to read, in the terminal or as plain text."""

from __future__ import annotations

import os
import sys
from typing import Any, Iterator

import click

from ..cli import Reporter, input_options, read_options, resolve_files
from ..records import KINDS


def read_records(files: tuple[str, ...], reporter: Reporter, options: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The records of every input, as every stage reads them; problems go to ``reporter``."""
    from ..streams import read_inputs

    for item in read_inputs(resolve_files(files, reporter), warn=reporter.warn, error=reporter.error, **options):
        yield item.record


def make_console(plain: bool, width: int | None) -> Any:
    """A console on stdout: styled on a terminal; with ``plain``, no ANSI codes at all."""
    from rich.console import Console

    if plain:
        return Console(file=sys.stdout, force_terminal=False, no_color=True, highlight=False, emoji=False,
                       width=width or 100, soft_wrap=False)
    return Console(file=sys.stdout, highlight=False, emoji=False, width=width)


def print_plain(console: Any, renderable: Any) -> None:
    """Print without the trailing spaces rich pads lines with (they only get in the way of diff and grep)."""
    with console.capture() as capture:
        console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in capture.get().split("\n")))


def _page_if_long(console: Any, renderables: list[Any]) -> None:
    """Print; through rich's pager (colours kept) when the output is taller than the terminal."""
    with console.capture() as capture:
        for renderable in renderables:
            console.print(renderable)
    rendered = capture.get()
    if rendered.count("\n") <= console.height:
        console.file.write(rendered)
        return
    if "R" not in os.environ.get("LESS", ""):
        # pydoc's pager runs plain `less`, which would show colour codes as text without -R
        os.environ["LESS"] = (os.environ.get("LESS", "") + " -R").strip()
    from rich.pager import SystemPager

    SystemPager().show(rendered)  # already rendered with styles: hand it over as it is


_EXAMPLES = """\b
Examples:
  iwpr split edition.txt | iwpr bylines | iwpr entities | iwpr show
  iwpr show --kind article --range 2:4 --plain records.jsonl"""


@click.command(name="show", epilog=_EXAMPLES)
@input_options
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), metavar="KIND",
              help="Only records of this kind (repeatable): " + ", ".join(KINDS) + ".")
@click.option("--id", "ids", multiple=True, metavar="ID", help="Only the record with this id (repeatable).")
@click.option("--range", "span", metavar="A:B",
              help="Only records A to B (numbers from 1, both included, counted before --kind/--id; "
                   "also A:, :B, N).")
@click.option("--plain", is_flag=True, help="Plain text even on a terminal (the default when piped).")
@click.option("--width", type=click.IntRange(min=20), metavar="N",
              help="Render N columns wide (default: the terminal's width; 100 when piped).")
@click.pass_context
def command(ctx: click.Context, files: tuple[str, ...], kinds: tuple[str, ...], ids: tuple[str, ...],
            span: str | None, plain: bool, width: int | None,
            encoding: str | None, strict: bool, skip_bad: bool) -> None:
    """Show records for reading: per article a panel with headline, standfirst, newsletter, authors,
    the body with entities highlighted by label, notes and what clean removed.

    Paged when the output is taller than the terminal; plain text (no colour codes) when piped.
    """
    from ..show import parse_range, render_record, select

    try:
        first, last = parse_range(span) if span else (1, None)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--range") from None
    reporter = Reporter("show")
    plain = plain or not sys.stdout.isatty()
    console = make_console(plain, width)
    chosen = select(read_records(files, reporter, read_options(encoding, strict, skip_bad)),
                    kinds=kinds, ids=ids, first=first, last=last)
    if plain:
        for number, record in chosen:  # streamed: a long pipe never waits for the end
            print_plain(console, render_record(record, number, plain=True))
    else:
        _page_if_long(console, [render_record(record, number) for number, record in chosen])
    ctx.exit(reporter.exit_code)
