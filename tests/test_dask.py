"""The Dask recipe gives the CLI's records (local synchronous scheduler)."""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("dask.bag")

from iwpr_extract import dask as iwpr_dask  # noqa: E402
from iwpr_extract.records import dumps  # noqa: E402

from conftest import FIXTURES, jsonl, run_iwpr  # noqa: E402


@pytest.fixture
def corpus(tmp_path):
    shutil.copy(FIXTURES / "split" / "rca_email_edition.txt", tmp_path / "a_edition.txt")
    shutil.copy(FIXTURES / "split" / "rca_article_page.txt", tmp_path / "b_page.eml")
    lines = [json.dumps({"id": f"d{i}", "source": "s", "kind": "document", "text": f"Text {i}.\n\nBy Jo Bo\n\nBody.\n"})
             for i in range(40)]
    (tmp_path / "c_records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_dask_split_gives_the_cli_records(corpus):
    cli = run_iwpr("split", "--all", str(corpus))
    assert cli.returncode == 0, cli.stderr
    bag = iwpr_dask.run_stages(iwpr_dask.read_bag([str(corpus)], blocksize=400), ["split"],
                               {"split": {"all_segments": True}})
    assert bag.npartitions > 3  # the JSON Lines file is read in several blocks
    records = bag.compute(scheduler="synchronous")
    assert records == jsonl(cli.stdout)
    assert "".join(dumps(r) + "\n" for r in records).encode("utf-8") == cli.stdout


def test_write_jsonl_writes_the_cli_lines(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    bag = iwpr_dask.run_stages(iwpr_dask.read_bag([str(corpus / "*.txt")]), ["split"])
    written = iwpr_dask.write_jsonl(bag, str(out / "*.jsonl"), scheduler="synchronous")
    cli = run_iwpr("split", str(corpus / "a_edition.txt"))
    assert b"".join(open(p, "rb").read() for p in written) == cli.stdout


def test_unknown_stage_or_option_is_refused_before_computing(corpus):
    from iwpr_extract.pipeline import PipelineError

    bag = iwpr_dask.read_bag([str(corpus)])
    with pytest.raises(PipelineError, match="unknown stage"):
        iwpr_dask.run_stages(bag, ["nope"])
    with pytest.raises(PipelineError, match="no option"):
        iwpr_dask.run_stages(bag, ["split"], {"split": {"colour": 1}})
