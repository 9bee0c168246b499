"""Running the stages over a large corpus with Dask (the optional extra ``iwpr-extract[dask]``).

The same public stage functions the command line uses (through ``iwpr_extract.pipeline``), mapped over a ``dask.bag`` of records, so the
records are the CLI's and a user with a cluster changes only the scheduler::

    from iwpr_extract.dask import read_bag, run_stages, write_jsonl
    bag = run_stages(read_bag(["archive/"]), ["split", "bylines"])
    write_jsonl(bag, "out/*.jsonl")              # or bag.compute(), with any Dask scheduler

Raw text inputs become one ``document`` record each (read and decoded as the CLI does); JSON Lines inputs
are read in blocks of lines, so one large file spreads over workers.  Unlike the CLI, a malformed line or
an unusable record raises (Dask stops the computation) instead of being reported and skipped.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("iwpr_extract.dask needs Dask: pip install 'iwpr-extract[dask]'") from exc

def _read_document(path: str, options: dict[str, Any]) -> list[dict[str, Any]]:
    from .streams import open_input, read_stream

    with open_input(path) as stream:
        return [item.record for item in read_stream(stream, path, **options)]


def _is_jsonl(path: str) -> bool:
    from .streams import _first_nonblank_line, _looks_like_jsonl, open_input

    with open_input(path) as stream:
        first = _first_nonblank_line(stream)[1]
    return bool(first) and _looks_like_jsonl(first)


def _loads(line: str) -> dict[str, Any]:
    from .records import loads

    return loads(line.lstrip("\ufeff"))


def read_bag(paths: Iterable[str], *, blocksize: int | str | None = "64MiB", encoding: str | None = None,
             strict: bool = False) -> db.Bag:
    """A bag of the records the CLI would read from ``paths`` (files, directories, globs), in order.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "a.txt"), "w").write("Some text")
    >>> [r["kind"] for r in read_bag([d]).compute(scheduler="synchronous")]
    ['document']
    """
    from .parallel import expand_inputs

    files = expand_inputs(list(paths))
    bags = []
    raw: list[str] = []
    options = {"encoding": encoding, "strict": strict}

    def flush_raw() -> None:
        if raw:
            bags.append(db.from_sequence(list(raw), partition_size=1).map(_read_document, options).flatten())
            raw.clear()

    for path in files:
        if _is_jsonl(path):
            flush_raw()
            lines = db.read_text(path, blocksize=blocksize, encoding="utf-8")
            bags.append(lines.filter(str.strip).map(_loads))
        else:
            raw.append(path)
    flush_raw()
    if not bags:
        return db.from_sequence([], npartitions=1)
    return db.concat(bags) if len(bags) > 1 else bags[0]


def run_stages(bag: db.Bag, stages: Sequence[str | tuple[str, Mapping[str, Any] | None]],
               options: Mapping[str, Mapping[str, Any]] | None = None) -> db.Bag:
    """Apply ``stages`` in order, as ``iwpr A | iwpr B`` does; stages and ``options`` (stage name ->
    keyword options) as :func:`iwpr_extract.pipeline.build_pipeline` takes them, checked now.

    >>> bag = db.from_sequence([{"id": "d", "source": "d", "kind": "document", "text": "Hi."}])
    >>> [r["id"] for r in run_stages(bag, ["split"]).compute(scheduler="synchronous")]
    ['d#0']
    """
    from .pipeline import build_pipeline, run_pipeline

    built = build_pipeline(stages, options)
    return bag.map_partitions(lambda records: list(run_pipeline(records, built)))


def write_jsonl(bag: db.Bag, pattern: str, **compute: Any) -> list[str]:
    """Write the records as JSON Lines, one file per partition (``pattern`` has one ``*``); the lines are
    the CLI's bytes."""
    from .records import dumps

    return bag.map(dumps).to_textfiles(pattern, encoding="utf-8", last_endline=True, **compute)
