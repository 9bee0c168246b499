"""``iwpr entities``: add named entities with offsets to every record."""

from __future__ import annotations

import click

from ..cli import input_options, read_options, run_stage

_LABELS = "PERSON, ORG, LOC, NORP, DATE, MONEY, PERCENT, URL, EMAIL, PHONE"


_EXAMPLES = """\b
Examples:
  iwpr split edition.txt | iwpr entities --labels PERSON,ORG
  iwpr entities page.txt | jq -c '.entities[] | [.label, .text, .norm]'"""


@click.command(name="entities", epilog=_EXAMPLES)
@input_options
@click.option("--labels", metavar="LIST",
              help=f"Keep only these labels, comma-separated (of {_LABELS}).")
@click.pass_context
def command(ctx: click.Context, files: tuple[str, ...], labels: str | None,
            encoding: str | None, strict: bool, skip_bad: bool) -> None:
    """Find people, organisations, places, groups, dates, amounts and links; add them as `entities`.

    Articles are searched in headline, standfirst, body and notes; raw documents in their text.  Each
    entity is {text, label, field, start, end, norm} with record[field][start:end] == text.
    """
    wanted = None
    if labels is not None:
        from ..entities import LABELS

        wanted = [label.strip().upper() for label in labels.split(",") if label.strip()]
        unknown = sorted(set(wanted) - set(LABELS))
        if unknown or not wanted:
            raise click.BadParameter(f"unknown label(s) {', '.join(unknown) or '(none given)'}; "
                                     f"choose from {_LABELS}", param_hint="--labels")
    from ..entities import entities_record

    code = run_stage(ctx, "entities", files, lambda record: [entities_record(record, labels=wanted)],
                     **read_options(encoding, strict, skip_bad))
    ctx.exit(code)
