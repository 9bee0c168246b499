"""``iwpr validate``: JSON Lines records against the shipped JSON Schema and the record invariants."""

from __future__ import annotations

import sys

import click

from ..cli import input_options, read_options


_EXAMPLES = """\b
Examples:
  iwpr split x.txt | iwpr bylines | iwpr validate
  iwpr validate --source-dir fixtures/split fixtures/split/*.expected.jsonl"""


@click.command(name="validate", epilog=_EXAMPLES)
@input_options
@click.option("--source-dir", metavar="DIR", type=click.Path(file_okay=False, exists=True),
              help="Find each record's source file in DIR (default: the source path relative to the "
                   "current directory) to check that text is the source slice span.")
@click.pass_context
def command(ctx: click.Context, files: tuple[str, ...], source_dir: str | None,
            encoding: str | None, strict: bool, skip_bad: bool) -> None:
    """Check records against the JSON Schema and the invariants (offsets, entity text, key order).

    Prints one line per violation, FILE:LINE: record ID: field F: what.  Exit 1 if there is any.
    """
    from .. import errors
    from ..cli import Output, Reporter, resolve_files
    from ..streams import read_inputs
    from ..validate import SourceTexts, validate_items

    reporter = Reporter("validate")
    sources = SourceTexts(source_dir)
    output = Output()
    records = violations = 0

    def counted():
        nonlocal records
        for item in read_inputs(resolve_files(files, reporter), warn=reporter.warn, error=reporter.error,
                                **read_options(encoding, strict, skip_bad)):
            records += 1
            yield item

    for violation in validate_items(counted(), sources):
        violations += 1
        output.write_line(str(violation))
    output.flush()
    unchecked = sorted(s for s in sources.missing if s != "-")
    summary = f"iwpr validate: {records} record{'s' if records != 1 else ''}, {violations} violation{'s' if violations != 1 else ''}"
    if unchecked:
        shown = ", ".join(unchecked[:3]) + (" ..." if len(unchecked) > 3 else "")
        summary += f"; text not compared with missing source file(s) {shown} (see --source-dir)"
    sys.stderr.write(summary + "\n")
    ctx.exit(max(reporter.exit_code, errors.DIFFERENCES if violations else errors.OK))
