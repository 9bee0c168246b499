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


def test_shell_completion_offers_commands_and_options():
    # the README tells users to enable click's completion; it must answer through the real entry point
    import os
    import subprocess
    import sys

    def complete(words: str, cword: int) -> list[str]:
        env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(cword), "_IWPR_COMPLETE": "bash_complete"}
        result = subprocess.run([sys.executable, "-m", "iwpr_extract"], env=env, capture_output=True, text=True,
                                timeout=30)
        return result.stdout.split()

    assert "plain,split" in complete("iwpr sp", 1)
    assert "plain,--all" in complete("iwpr split --a", 2)
