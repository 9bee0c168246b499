"""The project's own golden tests: `iwpr check fixtures/`, every fixture directory with an iwpr-check.toml.

Each stage keeps its fixtures in fixtures/<stage>/ with an iwpr-check.toml naming its pipeline; an
expected file is a reviewed claim about right output.  After an intended change, regenerate with
`iwpr check --update fixtures/STAGE` and review the diff line by line before committing it.
"""

from __future__ import annotations

from click.testing import CliRunner

from iwpr_extract.check import CONFIG_NAME
from iwpr_extract.cli import cli

from conftest import FIXTURES, ROOT


def test_every_fixture_directory_is_a_golden_test(monkeypatch):
    assert list(FIXTURES.rglob(CONFIG_NAME)), "no fixture directory has an iwpr-check.toml"
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "fixtures/"])
    assert result.exit_code == 0, result.output + result.stderr
    assert " ok" in result.output
