"""``iwpr split``: one newsletter in, one record per article out."""

from __future__ import annotations

import click

from ..cli import input_options, read_options, run_stage


_EXAMPLES = """\b
Examples:
  iwpr split edition.txt | iwpr bylines
  iwpr split --all edition.txt | jq -r 'select(.kind == "toc") | .entries[].headline'
  iwpr split -j 2 archive/ 'mail/**/*.eml' > articles.jsonl"""


@click.command(name="split", epilog=_EXAMPLES)
@input_options
@click.option("--all", "all_segments", is_flag=True,
              help="Also emit the table of contents, promo blocks, header, footer and page chrome, "
                   "so the records' text concatenated is exactly the input.")
@click.pass_context
def command(ctx: click.Context, files: tuple[str, ...], all_segments: bool,
            encoding: str | None, strict: bool, skip_bad: bool) -> None:
    """Cut newsletters into articles: headline, standfirst, byline, body, notes.

    Reads raw text (each file one document) or JSON Lines records from another stage.
    """
    from ..split import split_record

    code = run_stage(ctx, "split", files, lambda record: split_record(record, all_segments=all_segments),
                     **read_options(encoding, strict, skip_bad))
    ctx.exit(code)
