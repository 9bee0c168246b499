"""Quality gate: exact-span F1 per label against the gold annotations must stay above the baseline floors."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT

BASELINE = json.loads((ROOT / "tests" / "data" / "entities_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results():
    spec = importlib.util.spec_from_file_location("eval_entities", ROOT / "scripts" / "eval_entities.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate()


@pytest.mark.parametrize("dataset, label", [(d, label) for d, floors in BASELINE.items() if not d.startswith("_")
                                            for label in floors])
def test_f1_floor(results, dataset, label):
    measured = results[dataset][label]["f1"]
    assert measured >= BASELINE[dataset][label], f"{dataset} {label}: F1 {measured} under floor"


def test_gold_offsets_match_the_fixture_bytes():
    for line in (ROOT / "tests" / "data" / "gold_entities.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (ROOT / row["file"]).read_text(encoding="utf-8")
        assert text[row["start"]:row["end"]] == row["text"]
