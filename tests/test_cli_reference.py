"""docs/cli.md is the commands' own --help, so the reference cannot drift from the tool."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from iwpr_extract.cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
cli_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cli_reference)


def test_reference_is_up_to_date():
    stored = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert stored == cli_reference.reference(), "docs/cli.md is stale: run python scripts/cli_reference.py"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_usage_options_and_examples(name):
    text = cli_reference.help_text(name)
    assert text.startswith(f"Usage: iwpr {name} ")
    assert "-h, --help" in text
    # every example line runs this very command (an example copied from another command would not)
    examples = text.split("Examples:\n", 1)[1].splitlines()
    assert examples and all(line.strip().startswith("iwpr ") for line in examples if line.strip())
    assert any(f"iwpr {name}" in line for line in examples)


def test_group_help_names_every_command_and_the_exit_codes():
    text = cli_reference.help_text()
    for name in COMMANDS:
        assert f"\n  {name} " in text
    assert "Exit codes:" in text and "130 interrupted" in text


def test_reference_covers_every_command_in_order():
    text = cli_reference.reference()
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["iwpr"] + [f"iwpr {name}" for name in sorted(COMMANDS)]
