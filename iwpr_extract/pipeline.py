"""The in-process stage registry: stage names to stage functions, and running a list of stages.

``iwpr check`` runs fixtures through stages without subprocesses; anything else that wants a pipeline
in one process can use the same registry.  Stage modules are imported only when a stage is asked for,
so naming a stage costs nothing until it runs.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .errors import IwprError

# stage name -> (module, function); every function takes one record and returns a record or an iterable
STAGES: dict[str, tuple[str, str]] = {
    "split": ("iwpr_extract.split", "split_record"),
    "bylines": ("iwpr_extract.bylines", "bylines_record"),
    "entities": ("iwpr_extract.entities", "entities_record"),
    "clean": ("iwpr_extract.clean", "clean_record"),
}

StageFunction = Callable[[dict[str, Any]], Iterable[dict[str, Any]]]


class PipelineError(IwprError):
    """A pipeline that cannot be built: unknown stage, stage not available, unknown option."""


def stage_function(name: str) -> Callable[..., Any]:
    """The raw stage function registered as ``name`` (its module imported now).

    >>> stage_function("split").__name__
    'split_record'
    >>> stage_function("nope")
    Traceback (most recent call last):
    ...
    iwpr_extract.pipeline.PipelineError: unknown stage 'nope' (known: bylines, clean, entities, split)
    """
    if name not in STAGES:
        raise PipelineError(f"unknown stage {name!r} (known: {', '.join(sorted(STAGES))})")
    module_name, function_name = STAGES[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # Only the stage's own module missing means "not built yet"; a missing dependency inside it is a
        # broken install and must say so.
        if exc.name != module_name:
            raise PipelineError(f"stage {name!r} cannot be loaded: {exc}") from None
        raise PipelineError(f"stage {name!r} is not available in this version ({module_name} does not exist)") from None
    function = getattr(module, function_name, None)
    if function is None:
        raise PipelineError(f"stage {name!r} is not available: {module_name} has no {function_name}()")
    return function


def make_stage(name: str, options: Mapping[str, Any] | None = None) -> StageFunction:
    """A one-record-in, iterable-out function for stage ``name`` with keyword ``options`` bound.

    Options are checked against the stage function's keyword parameters now, so a typo in a config
    file is an error before any record is processed.

    >>> stage = make_stage("split")
    >>> [r["kind"] for r in stage({"id": "a", "source": "a", "kind": "document", "text": "Body."})]
    ['article']
    >>> make_stage("split", {"colour": 1})
    Traceback (most recent call last):
    ...
    iwpr_extract.pipeline.PipelineError: stage 'split' has no option 'colour' (options: all_segments)
    """
    function = stage_function(name)
    options = dict(options or {})
    if options:
        parameters = inspect.signature(function).parameters
        keywords = [p for p, spec in parameters.items() if spec.kind is inspect.Parameter.KEYWORD_ONLY]
        for option in options:
            if option not in keywords:
                known = ", ".join(keywords) or "none"
                raise PipelineError(f"stage {name!r} has no option {option!r} (options: {known})")

    def stage(record: dict[str, Any]) -> Iterable[dict[str, Any]]:
        result = function(record, **options)
        # split yields records; the other stages return one record
        return (result,) if isinstance(result, dict) else result

    stage.__name__ = f"{name}_stage"
    return stage


def build_pipeline(stages: Sequence[str | tuple[str, Mapping[str, Any] | None]],
                   options: Mapping[str, Mapping[str, Any]] | None = None) -> list[StageFunction]:
    """Stage functions for a list of stage names (or ``(name, options)`` pairs).

    ``options`` maps a stage name to its keyword options, for names given without options.

    >>> len(build_pipeline(["split"], {"split": {"all_segments": True}}))
    1
    """
    options = options or {}
    built = []
    for entry in stages:
        name, own = (entry, None) if isinstance(entry, str) else entry
        built.append(make_stage(name, own if own is not None else options.get(name)))
    return built


def run_pipeline(records: Iterable[dict[str, Any]], stages: Sequence[StageFunction]) -> Iterator[dict[str, Any]]:
    """Run every record through every stage in order, lazily, one record at a time.

    >>> stages = build_pipeline(["split"])
    >>> [r["id"] for r in run_pipeline([{"id": "d", "source": "d", "kind": "document", "text": "Hi."}], stages)]
    ['d#0']
    """
    for record in records:
        yield from _through(record, stages)


def _through(record: dict[str, Any], stages: Sequence[StageFunction]) -> Iterator[dict[str, Any]]:
    if not stages:
        yield record
        return
    first, rest = stages[0], stages[1:]
    for out in first(record):
        yield from _through(out, rest)
