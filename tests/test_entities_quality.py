"""Quality gate: exact-span F1 per label against the gold annotations must stay above the baseline floors."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, load_script

BASELINE = json.loads((ROOT / "tests" / "data" / "entities_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results():
    return load_script("eval_entities").evaluate()


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


def test_annotated_held_out_texts_are_the_fixtures_and_their_gold():
    """The held-out gold lives twice: marked up in tests/data/entities_annotated/ (how it was written) and as
    rows in gold_entities.jsonl; scripts/annotate_gold.py makes the second from the first, so they must agree."""
    annotate = load_script("annotate_gold")
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "gold_entities.jsonl").read_text(
        encoding="utf-8").splitlines()]
    annotated = sorted((ROOT / "tests" / "data" / "entities_annotated").glob("*.txt"))
    assert len(annotated) >= 6
    for path in annotated:
        text, mentions = annotate.strip_marks(path.read_text(encoding="utf-8"))
        target = f"fixtures/entities/{path.name}"
        assert (ROOT / target).read_text(encoding="utf-8") == text
        gold = sorted((r["start"], r["end"], r["text"], r["label"]) for r in rows if r["file"] == target)
        assert gold == sorted(mentions)


def test_strip_marks_rejects_unknown_labels_and_stray_marks():
    annotate = load_script("annotate_gold")
    with pytest.raises(ValueError):
        annotate.strip_marks("[[Kabul|PLACE]]")
    with pytest.raises(ValueError):
        annotate.strip_marks("[[Kabul]] is a city")
