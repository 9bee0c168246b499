"""``iwpr bylines``: authors, their places, roles and bios, added to each record."""

from __future__ import annotations

import click

from ..cli import input_options, read_options, run_stage


_EXAMPLES = """\b
Examples:
  iwpr split edition.txt | iwpr bylines | jq -c '.authors[] | [.name, .location]'
  iwpr bylines scraped.txt          # raw text: the 'By ...' lines it holds"""


@click.command(name="bylines", epilog=_EXAMPLES)
@input_options
@click.pass_context
def command(ctx: click.Context, files: tuple[str, ...], encoding: str | None, strict: bool, skip_bad: bool) -> None:
    """Parse bylines and bios into authors: name, location, role, pseudonym, bio.

    Reads article records from `iwpr split` (JSON Lines), or raw text, in which it finds the bylines
    itself.  Collective credits ("IWPR staff") give no authors and go to `credit`.
    """
    from ..bylines import bylines_record

    code = run_stage(ctx, "bylines", files, lambda record: [bylines_record(record)],
                     **read_options(encoding, strict, skip_bad))
    ctx.exit(code)
