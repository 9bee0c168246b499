"""Write docs/cli.md, the command-line reference, from the commands' own --help.

The reference is generated, never edited by hand, so it cannot drift from the tool:
``tests/test_cli_reference.py`` fails while docs/cli.md differs from what this script writes.

    python scripts/cli_reference.py          # rewrite docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from iwpr_extract.cli import COMMANDS, cli

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
# help is wrapped by click at the terminal width: fixed here so the file does not depend on who ran it
WIDTH = 100

HEAD = """# `iwpr` command-line reference

Generated from each command's `--help` by `python scripts/cli_reference.py`; do not edit by hand
(`tests/test_cli_reference.py` fails while this file is stale). The README explains what each command
decides and why.
"""


def help_text(*command: str) -> str:
    """The --help output of ``iwpr COMMAND...``, as a terminal 100 columns wide shows it.

    >>> help_text("split").startswith("Usage: iwpr split [OPTIONS] [FILES]...")
    True
    """
    result = CliRunner().invoke(cli, [*command, "--help"], prog_name="iwpr", terminal_width=WIDTH)
    if result.exit_code != 0:
        raise RuntimeError(f"iwpr {' '.join(command)} --help exited {result.exit_code}: {result.output}")
    return result.output


def reference() -> str:
    """The whole reference: the group's help, then each command's, in the order ``iwpr --help`` lists them."""
    parts = [HEAD, "## iwpr\n", "```text\n" + help_text() + "```\n"]
    for name in sorted(COMMANDS):
        parts += [f"## iwpr {name}\n", "```text\n" + help_text(name) + "```\n"]
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = reference()
    if "--check" in argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is stale: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
