"""``iwpr clean``: scraped text repaired, with every repair counted and every removal reported."""

from __future__ import annotations

import click

from ..cli import input_options, read_options, run_stage


_EXAMPLES = """\b
Examples:
  iwpr clean page.txt | iwpr split
  iwpr clean --format text mail.eml > mail.txt"""


@click.command(name="clean", epilog=_EXAMPLES)
@input_options
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="jsonl", show_default=True,
              help="jsonl: records with 'fixes' and 'removed'; text: just the cleaned text, for one-off use.")
@click.option("--ascii-punct", is_flag=True, help="Also turn curly quotes, dashes and ellipses into ASCII.")
@click.pass_context
def command(ctx: click.Context, files: tuple[str, ...], fmt: str, ascii_punct: bool,
            encoding: str | None, strict: bool, skip_bad: bool) -> None:
    """Repair scraped text: mojibake, quoted-printable, entities, wrapping, double spacing, reply quotes,
    signatures, disclaimers, web chrome.

    Reads raw text (each file one document) or JSON Lines: a document's text is cleaned; an article's
    headline, standfirst, byline, body and notes are cleaned and its text is left the exact input slice.
    """
    from ..clean import clean_record

    stage = lambda record: [clean_record(record, ascii_punct=ascii_punct)]  # noqa: E731
    if fmt == "text":
        stage = _as_text(stage)
    code = run_stage(ctx, "clean", files, stage, **read_options(encoding, strict, skip_bad))
    ctx.exit(code)


def _as_text(stage):  # type: ignore[no-untyped-def]
    """Write the cleaned text of each record to stdout directly; yield nothing for the JSON writer."""
    import sys

    from ..clean import ARTICLE_FIELDS

    def text_stage(record):  # type: ignore[no-untyped-def]
        for out in stage(record):
            if out.get("kind", "document") == "document":
                text = out.get("text") or ""
            else:
                text = "\n\n".join(out[f] for f in ARTICLE_FIELDS if isinstance(out.get(f), str) and out[f])
            data = (text + "\n").encode("utf-8", "backslashreplace")
            if hasattr(sys.stdout, "buffer"):
                sys.stdout.buffer.write(data)
            else:
                sys.stdout.write(data.decode("utf-8"))
        return []

    return text_stage
