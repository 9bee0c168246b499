"""Many inputs: expanding directories and globs, and running a stage over worker processes.

``--jobs N`` cuts the work into *units*: one unit per raw input (a newsletter is split as a whole), and
chunks of lines for JSON Lines inputs, so a single large JSON Lines stream still spreads over processes.
Units go to a pool of forked workers that read, apply the stage and encode; the parent writes each unit's
output and replays its diagnostics in input order, so stdout is byte-identical to ``--jobs 1`` and errors
still name ``FILE:LINE``.  At most a few units per worker are in flight, so memory stays flat however
large the input.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, Iterable, Iterator

from .errors import IwprError

#: what a directory given as input contributes (recursively, hidden entries skipped, sorted)
INPUT_SUFFIXES = (".txt", ".eml", ".mbox", ".jsonl")
_GLOB_MAGIC = frozenset("*?[")
# a JSON Lines chunk closes at whichever limit comes first
CHUNK_LINES = 2000
CHUNK_BYTES = 1 << 20


def expand_inputs(args: Iterable[str], warn: Callable[[str], None] | None = None) -> list[str]:
    """The input files named by ``args``: files as given, directories and glob patterns expanded.

    A directory contributes its ``*.txt *.eml *.mbox *.jsonl`` files, recursively, sorted by path, hidden
    files and directories skipped.  A pattern the shell did not expand (``'data/*.txt'``, ``'**/*.eml'``)
    is expanded here, sorted; one that matches nothing is kept as given so reading it reports the missing
    file.  ``-`` (stdin) stays as it is.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a.eml", "sub/c.jsonl", "skip.pdf", ".hidden.txt"):
    ...     (d / name).parent.mkdir(exist_ok=True); _ = (d / name).write_text("x")
    >>> [os.path.relpath(p, d) for p in expand_inputs([str(d)])]
    ['a.eml', 'b.txt', 'sub/c.jsonl']
    >>> [os.path.relpath(p, d) for p in expand_inputs([str(d / "*.txt")])]
    ['b.txt']
    """
    paths: list[str] = []
    for arg in args:
        if arg != "-" and os.path.isdir(arg):
            found = _directory_inputs(arg)
            if not found and warn is not None:
                warn(f"{arg}: no {' '.join('*' + s for s in INPUT_SUFFIXES)} files in this directory")
            paths.extend(found)
        elif arg != "-" and not os.path.exists(arg) and _GLOB_MAGIC & set(arg):
            import glob

            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                paths.append(arg)
            for match in matches:
                paths.extend(_directory_inputs(match) if os.path.isdir(match) else [match])
        else:
            paths.append(arg)
    return paths


def _directory_inputs(directory: str) -> list[str]:
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.lower().endswith(INPUT_SUFFIXES):
                path = os.path.join(root, name)
                found.append((tuple(os.path.relpath(path, directory).split(os.sep)), path))
    return [path for _, path in sorted(found)]


# --- units of work -----------------------------------------------------------------------------------


# Plain classes, not dataclasses: this module is imported by every run given files, and the dataclass
# decorator costs milliseconds of startup.
class Unit:
    """One piece of work: a raw input (``kind="raw"``), a chunk of JSON Lines starting after line
    ``offset`` (``kind="jsonl"``), or a problem found while reading in the parent (``kind="error"``)."""

    __slots__ = ("kind", "source", "data", "offset", "problem")

    def __init__(self, kind: str, source: str, data: bytes = b"", offset: int = 0,
                 problem: IwprError | None = None) -> None:
        self.kind, self.source, self.data, self.offset, self.problem = kind, source, data, offset, problem


def iter_units(paths: Iterable[str]) -> Iterator[Unit]:
    """Read inputs in the parent and cut them into units, streaming (JSON Lines never held whole)."""
    from .errors import UnreadableInput
    from .streams import _first_nonblank_line, _looks_like_jsonl, open_input

    for path in paths:
        try:
            stream = open_input(path)
        except IwprError as exc:
            yield Unit("error", path, problem=exc)
            continue
        try:
            head, first = _first_nonblank_line(stream)
            if first and _looks_like_jsonl(first):
                yield from _jsonl_units(path, head, stream)
            else:
                yield Unit("raw", path, head + stream.read())
        except OSError as exc:
            yield Unit("error", path, problem=UnreadableInput(exc.strerror or str(exc), path))
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def _jsonl_units(path: str, head: bytes, stream: Any) -> Iterator[Unit]:
    lines: list[bytes] = head.splitlines(keepends=True)
    size = len(head)
    offset = 0
    for line in stream:
        lines.append(line)
        size += len(line)
        if len(lines) >= CHUNK_LINES or size >= CHUNK_BYTES:
            yield Unit("jsonl", path, b"".join(lines), offset)
            offset += len(lines)
            lines, size = [], 0
    if lines:
        yield Unit("jsonl", path, b"".join(lines), offset)


# --- running a unit (in a worker, or in the parent with --jobs 1) -------------------------------------


class _Sink:
    """Collects a unit's diagnostics, so the parent can replay them in order; shifts JSON Lines line
    numbers from the chunk's to the file's."""

    def __init__(self, offset: int = 0) -> None:
        self.offset = offset
        self.messages: list[tuple[str, str, int | None]] = []

    def _where(self, problem: IwprError | str) -> str:
        if isinstance(problem, IwprError) and problem.line is not None and self.offset:
            problem.line += self.offset
        return str(problem)

    def error(self, problem: IwprError | str, code: int | None = None) -> None:
        if code is None and isinstance(problem, IwprError):
            code = problem.exit_code
        self.messages.append(("error", self._where(problem), code))

    def warn(self, problem: IwprError | str) -> None:
        self.messages.append(("warning", self._where(problem), None))


class _Job:
    def __init__(self, stage: Callable[[dict[str, Any]], Iterable[dict[str, Any]]], read_options: dict[str, Any],
                 debug: bool = False) -> None:
        self.stage, self.read_options, self.debug = stage, read_options, debug


_JOB: _Job | None = None  # set in the parent before forking, so workers inherit the (unpicklable) stage


def run_unit(unit: Unit, job: _Job | None = None) -> tuple[bytes, list[tuple[str, str, int | None]]]:
    """Apply the stage to one unit; return its JSON Lines output, encoded, and its diagnostics."""
    import io

    from .cli import apply_stage, emit_results
    from .streams import _read_jsonl, read_stream

    job = job or _JOB
    assert job is not None
    # A chunk after the first starts with a blank line, so the reader numbers its first real line 2 and
    # does not treat it as the file's first line (where a byte order mark is allowed).
    head, shift = (b"\n", unit.offset - 1) if unit.offset else (b"", 0)
    sink = _Sink(shift)
    if unit.kind == "error":
        assert unit.problem is not None
        sink.error(unit.problem)
        return b"", sink.messages
    options = job.read_options
    if unit.kind == "raw":
        items = read_stream(io.BytesIO(unit.data), unit.source, warn=sink.warn, error=sink.error, **options)
    else:
        items = _read_jsonl(head, io.BytesIO(unit.data), unit.source, skip_bad=bool(options.get("skip_bad")),
                            warn=sink.warn, error=sink.error)
    lines: list[bytes] = []
    try:
        for item in items:
            if item.line is not None:
                item.line += shift
            results = apply_stage(item, job.stage, sink, job.debug)
            if results is not None:
                emit_results(item, results, sink, lines.append)
    except IwprError as exc:
        sink.error(exc)
    # encoded here, in parallel, so the parent only copies bytes to stdout
    return b"".join(lines), sink.messages


def _worker_init() -> None:
    import signal

    # Ctrl-C reaches the whole process group: the parent alone handles it (and stops the pool)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_unit_in_worker(unit: Unit) -> tuple[bytes, list[tuple[str, str, int | None]]]:
    return run_unit(unit)


def run_units(
    units: Iterable[Unit],
    stage: Callable[[dict[str, Any]], Iterable[dict[str, Any]]],
    read_options: dict[str, Any],
    *,
    jobs: int,
    write: Callable[[bytes], None],
    reporter: Any,
    debug: bool = False,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Run every unit, over ``jobs`` worker processes, writing output and diagnostics in input order."""
    global _JOB
    job = _Job(stage, read_options, debug)

    def deliver(unit: Unit, result: tuple[bytes, list[tuple[str, str, int | None]]]) -> None:
        data, messages = result
        for level, message, code in messages:
            if level == "error":
                reporter.error(message, code=code)
            else:
                reporter.warn(message)
        if data:
            write(data)
        if progress is not None:
            progress(len(unit.data))

    if jobs <= 1:
        for unit in units:
            deliver(unit, run_unit(unit, job))
        return

    import multiprocessing
    from collections import deque

    _JOB = job
    pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_init)
    try:
        pending: deque[tuple[Unit, Any]] = deque()
        for unit in units:
            pending.append((unit, pool.apply_async(_run_unit_in_worker, (unit,))))
            # bounded look-ahead: keeps every worker busy without reading the whole input into memory
            while len(pending) >= 2 * jobs:
                done, result = pending.popleft()
                deliver(done, result.get())
        while pending:
            done, result = pending.popleft()
            deliver(done, result.get())
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        _JOB = None


def default_jobs(jobs: int) -> int:
    """``--jobs 0`` means one worker per available CPU.

    >>> default_jobs(3)
    3
    >>> default_jobs(0) >= 1
    True
    """
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def input_size(paths: list[str]) -> int | None:
    """Total bytes of the inputs, for the progress bar; None when one is stdin or unreadable."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
    return total


class progress_bar:
    """A rich progress bar on stderr, by bytes read, only when stderr is a terminal (never on stdout).

    Used as a context manager; gives an ``advance(nbytes)`` callable, or None when there is no terminal.
    """

    def __init__(self, total: int | None, stream: Any = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self._progress: Any = None

    def __enter__(self) -> Callable[[int], None] | None:
        isatty = getattr(self.stream, "isatty", None)
        if not (isatty and isatty()):
            return None
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("iwpr"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
            console=Console(file=self.stream), transient=True, redirect_stdout=False, redirect_stderr=True,
        )
        self._progress.start()
        task = self._progress.add_task("inputs", total=self.total)
        return lambda nbytes: self._progress.advance(task, nbytes)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
