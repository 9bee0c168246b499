"""The in-process stage registry."""

from __future__ import annotations

import sys
import textwrap

import pytest

from iwpr_extract import pipeline
from iwpr_extract.pipeline import PipelineError, build_pipeline, make_stage, run_pipeline, stage_function


def test_registry_names_the_four_stages():
    assert pipeline.STAGES == {
        "split": ("iwpr_extract.split", "split_record"),
        "bylines": ("iwpr_extract.bylines", "bylines_record"),
        "entities": ("iwpr_extract.entities", "entities_record"),
        "clean": ("iwpr_extract.clean", "clean_record"),
    }


def test_a_stage_module_that_does_not_exist_yet_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(pipeline.STAGES, "later", ("iwpr_extract.not_yet", "later_record"))
    with pytest.raises(PipelineError, match=r"stage 'later' is not available in this version \(iwpr_extract.not_yet does not exist\)"):
        stage_function("later")


@pytest.fixture
def register(tmp_path, monkeypatch):
    """register(module, source, {stage: function}): a throwaway module on sys.path, its stages registered."""
    def make(module: str, source: str, stages: dict[str, str]) -> None:
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source))
        monkeypatch.syspath_prepend(str(tmp_path))
        monkeypatch.delitem(sys.modules, module, raising=False)
        for stage, function in stages.items():
            monkeypatch.setitem(pipeline.STAGES, stage, (module, function))
    yield make


def test_a_missing_dependency_inside_a_stage_is_not_called_unavailable(register):
    register("iwpr_test_needs_dep", "import iwpr_no_such_dependency\n", {"dep": "dep_record"})
    with pytest.raises(PipelineError, match="cannot be loaded: No module named 'iwpr_no_such_dependency'"):
        stage_function("dep")


def test_a_module_without_the_function_is_an_error(register):
    register("iwpr_test_empty", "", {"empty": "empty_record"})
    with pytest.raises(PipelineError, match="has no empty_record"):
        stage_function("empty")


def test_stages_run_in_order_and_fan_out(register):
    register("iwpr_test_stages", '''
        def double_record(record):
            for n in (0, 1):
                yield {**record, "id": f"{record['id']}.{n}"}

        def mark_record(record, *, mark="x"):
            return {**record, "marks": record.get("marks", "") + mark}
    ''', {"double": "double_record", "mark": "mark_record"})
    stages = build_pipeline(["mark", "double", ("mark", {"mark": "y"})], {"mark": {"mark": "z"}})
    out = list(run_pipeline([{"id": "a"}, {"id": "b"}], stages))
    assert [(r["id"], r["marks"]) for r in out] == [("a.0", "zy"), ("a.1", "zy"), ("b.0", "zy"), ("b.1", "zy")]


def test_run_pipeline_is_lazy():
    seen = []

    def records():
        for n in range(3):
            seen.append(n)
            yield {"id": str(n), "source": str(n), "kind": "document", "text": "Body."}

    out = run_pipeline(records(), [make_stage("split")])
    next(out)
    assert seen == [0]


def test_no_stages_passes_records_through():
    assert list(run_pipeline([{"id": "a"}], [])) == [{"id": "a"}]
