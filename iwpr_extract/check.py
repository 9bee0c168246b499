"""Fixture checks: run input fixtures through a pipeline and compare with their stored expected output.

A fixture is an input file (``NAME.txt``, ``NAME.eml``, ``NAME.mbox``) with ``NAME.expected.jsonl`` next
to it.  The pipeline comes from ``iwpr-check.toml`` in the fixture's directory (default: split, bylines,
entities).  Records are produced with the input's *file name* as ``source``, so expected files do not
depend on where the check runs.  Differences are reported record by record and field by field; long
strings as a word diff.  Rendering (plain or rich) is in ``iwpr_extract.commands.check``; everything
here returns plain data.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .errors import BadInput, IwprError, UnreadableInput
from .pipeline import PipelineError, build_pipeline, run_pipeline

DEFAULT_STAGES: tuple[str, ...] = ("split", "bylines", "entities")
CONFIG_NAME = "iwpr-check.toml"
INPUT_SUFFIXES = (".txt", ".eml", ".mbox")
EXPECTED_SUFFIX = ".expected.jsonl"
# Directories never worth walking into when looking for fixture directories.
_SKIP_DIRS = {"__pycache__", "node_modules", "site-packages"}

ABSENT: Any = type("Absent", (), {"__repr__": lambda self: "(absent)"})()


class ConfigError(BadInput):
    """An ``iwpr-check.toml`` that cannot be used."""


# --- configuration -----------------------------------------------------------------------------------


@dataclass
class Pipeline:
    """The stages a fixture runs through, each with its keyword options."""

    stages: list[str]
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def describe(self) -> str:
        """``split, bylines`` (options shown as ``split(all_segments=true)``)."""
        parts = []
        for name in self.stages:
            opts = self.options.get(name)
            if opts:
                parts.append(f"{name}({', '.join(f'{k}={json.dumps(v)}' for k, v in opts.items())})")
            else:
                parts.append(name)
        return ", ".join(parts) or "(no stages)"


@dataclass
class DirConfig:
    """One directory's ``iwpr-check.toml``: a default pipeline and per-fixture overrides."""

    pipeline: Pipeline
    fixtures: dict[str, Pipeline] = field(default_factory=dict)
    path: Path | None = None

    def pipeline_for(self, name: str) -> Pipeline:
        return self.fixtures.get(name, self.pipeline)


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc), str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", str(path)) from None


def _stages(value: Any, where: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise ConfigError(f"{where}: 'stages' must be a list of stage names", str(path))
    return list(value)


def _options(value: Any, where: str, path: Path) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{where}: 'options' must be tables [options.STAGE]", str(path))
    return {stage: dict(opts) for stage, opts in value.items()}


def parse_config(data: dict[str, Any], path: Path) -> DirConfig:
    """A ``DirConfig`` from parsed TOML; unknown keys are errors, so typos do not pass silently.

    >>> c = parse_config({"stages": ["split"], "fixture": {"a.txt": {"options": {"split": {"all_segments": True}}}}}, Path("x"))
    >>> c.pipeline_for("a.txt").describe(), c.pipeline_for("b.txt").describe()
    ('split(all_segments=true)', 'split')
    """
    unknown = set(data) - {"stages", "options", "fixture"}
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(sorted(unknown))} (known: stages, options, fixture)", str(path))
    stages = _stages(data["stages"], "top level", path) if "stages" in data else list(DEFAULT_STAGES)
    options = _options(data.get("options", {}), "top level", path)
    fixtures: dict[str, Pipeline] = {}
    table = data.get("fixture", {})
    if not isinstance(table, dict):
        raise ConfigError("'fixture' must be tables [fixture.\"NAME\"]", str(path))
    for name, spec in table.items():
        where = f"fixture {name!r}"
        if not isinstance(spec, dict):
            raise ConfigError(f"{where}: must be a table", str(path))
        unknown = set(spec) - {"stages", "options"}
        if unknown:
            raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: stages, options)", str(path))
        own_options = _options(spec.get("options", {}), where, path)
        merged = {stage: {**options.get(stage, {}), **own_options.get(stage, {})}
                  for stage in {*options, *own_options}}
        own_stages = _stages(spec["stages"], where, path) if "stages" in spec else stages
        fixtures[name] = Pipeline(own_stages, merged)
    return DirConfig(Pipeline(stages, options), fixtures, path)


def load_config(directory: Path) -> DirConfig:
    """The configuration of ``directory``: its ``iwpr-check.toml``, or the default pipeline."""
    path = directory / CONFIG_NAME
    if not path.is_file():
        return DirConfig(Pipeline(list(DEFAULT_STAGES)))
    return parse_config(_load_toml(path), path)


# --- discovery -----------------------------------------------------------------------------------------


@dataclass
class Fixture:
    path: Path  # the input, as found (relative when the directory was given relative)
    pipeline: Pipeline

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def expected(self) -> Path:
        return expected_path(self.path)


def expected_path(path: Path) -> Path:
    """``a/NAME.expected.jsonl`` for input ``a/NAME.txt``.

    >>> expected_path(Path("fx/page.txt")).as_posix()
    'fx/page.expected.jsonl'
    """
    return path.with_name(path.stem + EXPECTED_SUFFIX)


def is_input(path: Path) -> bool:
    return path.suffix.lower() in INPUT_SUFFIXES and not path.name.startswith(".") and path.is_file()


def fixture_dirs(root: Path) -> Iterator[Path]:
    """``root`` itself, then every directory below it that has an ``iwpr-check.toml``, sorted.

    Subdirectories without a config are not fixture directories (a tree of unrelated text files is not
    swept in); the directory named on the command line always is.
    """
    yield root
    for current, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        here = Path(current)
        if here != root and CONFIG_NAME in files:
            yield here


@dataclass
class Discovery:
    fixtures: list[Fixture]
    problems: list[IwprError]  # config errors, config entries naming no file, orphan expectations
    warnings: list[IwprError]


def discover(paths: Iterable[str]) -> Discovery:
    """Every fixture under ``paths`` (directories, or single input files) with its pipeline."""
    found: list[Fixture] = []
    problems: list[IwprError] = []
    warnings: list[IwprError] = []
    seen: set[Path] = set()

    def add(path: Path, config: DirConfig) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append(Fixture(path, config.pipeline_for(path.name)))

    for arg in paths:
        root = Path(arg)
        if root.is_file():
            if root.suffix.lower() not in INPUT_SUFFIXES:
                problems.append(BadInput(f"not an input fixture ({', '.join(INPUT_SUFFIXES)})", arg))
                continue
            try:
                add(root, load_config(root.parent))
            except IwprError as exc:
                problems.append(exc)
            continue
        if not root.is_dir():
            problems.append(UnreadableInput("no such file or directory", arg))
            continue
        for directory in fixture_dirs(root):
            try:
                config = load_config(directory)
            except IwprError as exc:
                problems.append(exc)
                continue
            inputs = sorted((p for p in directory.iterdir() if is_input(p)), key=lambda p: p.name)
            names = {p.name for p in inputs}
            for name in sorted(set(config.fixtures) - names):
                problems.append(ConfigError(f"[fixture.{json.dumps(name)}] names a file that does not exist",
                                            str(config.path)))
            for path in inputs:
                add(path, config)
            for orphan in sorted(directory.glob("*" + EXPECTED_SUFFIX)):
                stem = orphan.name[: -len(EXPECTED_SUFFIX)]
                if not any((directory / (stem + suffix)).is_file() for suffix in INPUT_SUFFIXES):
                    warnings.append(BadInput("expected output without an input fixture", str(orphan)))
    return Discovery(found, problems, warnings)


# --- running and comparing ------------------------------------------------------------------------------


def _rename(record: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    """Give a record read from ``path`` the source ``name`` (ids ``path`` / ``path#N`` follow)."""
    if record.get("source") == path:
        record["source"] = name
    ident = record.get("id")
    if isinstance(ident, str) and (ident == path or ident.startswith(path + "#")):
        record["id"] = name + ident[len(path):]
    return record


def produce(fixture: Fixture, warn: Callable[[IwprError], None] | None = None) -> list[str]:
    """Run one fixture through its pipeline in-process; its output as JSON lines (no newlines).

    Raises the first ``IwprError`` (unreadable input, bad data, pipeline problem).
    """
    from .records import dumps
    from .streams import read_inputs

    stages = build_pipeline([(name, fixture.pipeline.options.get(name)) for name in fixture.pipeline.stages])
    errors: list[IwprError] = []
    path = str(fixture.path)
    records = (_rename(item.record, path, fixture.name)
               for item in read_inputs([path], warn=warn, error=errors.append))
    lines = [dumps(record) for record in run_pipeline(records, stages)]
    if errors:
        raise errors[0]
    return lines


@dataclass
class Change:
    """One difference: ``field`` is a dotted path (``newsletter.date``) or None for a whole record."""

    record: str
    field: str | None
    what: str  # "changed", "added" (record only in new output), "removed", "order", "format"
    old: Any = ABSENT
    new: Any = ABSENT


def _record_label(record: dict[str, Any], position: int) -> str:
    ident = record.get("id")
    return ident if isinstance(ident, str) else f"#{position + 1} (no id)"


def _field_changes(label: str, old: Any, new: Any, prefix: str = "") -> Iterator[Change]:
    keys = list(new) + [k for k in old if k not in new]
    for key in keys:
        a, b = old.get(key, ABSENT), new.get(key, ABSENT)
        if a == b and type(a) is type(b):
            continue
        path = f"{prefix}{key}"
        if isinstance(a, dict) and isinstance(b, dict):
            yield from _field_changes(label, a, b, prefix=path + ".")
        else:
            yield Change(label, path, "changed", a, b)


def compare(old_lines: list[str], new_lines: list[str]) -> list[Change]:
    """Differences between expected and produced JSON lines, record by record, field by field.

    Records are paired by ``id`` when ids are unique on both sides, by position otherwise.

    >>> old = ['{"id":"a","headline":"Old"}', '{"id":"b"}']
    >>> new = ['{"id":"a","headline":"New"}', '{"id":"c"}']
    >>> [(c.record, c.field, c.what) for c in compare(old, new)]
    [('a', 'headline', 'changed'), ('c', None, 'added'), ('b', None, 'removed')]
    """
    if old_lines == new_lines:
        return []
    old = [json.loads(line) for line in old_lines]
    new = [json.loads(line) for line in new_lines]
    changes: list[Change] = []
    old_ids = [r.get("id") for r in old]
    new_ids = [r.get("id") for r in new]
    by_id = all(isinstance(i, str) for i in old_ids + new_ids) and len(set(old_ids)) == len(old_ids) \
        and len(set(new_ids)) == len(new_ids)
    if by_id:
        old_map = dict(zip(old_ids, old))
        new_map = dict(zip(new_ids, new))
        pairs = [(old_map.get(i), rec, i) for i, rec in zip(new_ids, new)]
        pairs += [(rec, None, i) for i, rec in zip(old_ids, old) if i not in new_map]
        common_old = [i for i in old_ids if i in new_map]
        common_new = [i for i in new_ids if i in old_map]
    else:
        pairs = []
        for n in range(max(len(old), len(new))):
            a = old[n] if n < len(old) else None
            b = new[n] if n < len(new) else None
            pairs.append((a, b, _record_label(b if b is not None else a, n)))
        common_old = common_new = []
    for a, b, label in pairs:
        if a is None:
            changes.append(Change(label, None, "added", ABSENT, b))
        elif b is None:
            changes.append(Change(label, None, "removed", a, ABSENT))
        else:
            changes.extend(_field_changes(label, a, b))
    if common_old != common_new:
        changes.append(Change("(all)", None, "order", common_old, common_new))
    if not changes:
        # Same content, different bytes: key order, escaping or line layout of the expected file.
        changes.append(Change("(all)", None, "format"))
    return changes


@dataclass
class Result:
    fixture: Fixture
    status: str  # "ok", "changed", "missing", "error"; with update: "updated", "created"
    records: int = 0
    changes: list[Change] = field(default_factory=list)
    error: IwprError | None = None


def _read_expected(path: Path) -> list[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            lines = [line.rstrip("\n") for line in handle]
    except UnicodeDecodeError:
        raise BadInput("expected output is not UTF-8", str(path)) from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc), str(path)) from None
    lines = [line for line in lines if line.strip()]
    for number, line in enumerate(lines, start=1):
        try:
            if not isinstance(json.loads(line), dict):
                raise ValueError
        except ValueError:
            raise BadInput("expected output is not JSON Lines (delete it and run --update)", str(path), number) from None
    return lines


def _write_expected(path: Path, lines: list[str]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("".join(line + "\n" for line in lines))
    os.replace(tmp, path)


def check_fixture(fixture: Fixture, *, update: bool = False,
                  warn: Callable[[IwprError], None] | None = None) -> Result:
    """Run one fixture and compare it with (or, with ``update``, write) its expected output."""
    try:
        lines = produce(fixture, warn=warn)
        old = _read_expected(fixture.expected) if fixture.expected.exists() else None
    except IwprError as exc:
        if exc.source is None:
            exc.source = str(fixture.path)
        return Result(fixture, "error", error=exc)
    if old is None:
        if update:
            _write_expected(fixture.expected, lines)
            return Result(fixture, "created", len(lines))
        return Result(fixture, "missing", len(lines))
    changes = compare(old, lines)
    if not changes:
        return Result(fixture, "ok", len(lines))
    if update:
        _write_expected(fixture.expected, lines)
        return Result(fixture, "updated", len(lines), changes)
    return Result(fixture, "changed", len(lines), changes)


# --- word diff ------------------------------------------------------------------------------------------

_TOKEN = None


def _tokens(text: str) -> list[str]:
    global _TOKEN
    if _TOKEN is None:
        import re

        # words, single punctuation marks and whitespace runs: joined back they are the text exactly
        _TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
    return _TOKEN.findall(text)


def _keep(tokens: list[str], words: int, from_end: bool) -> int:
    """How many tokens from one end of ``tokens`` hold ``words`` words (whitespace runs not counted)."""
    seen = 0
    order = range(len(tokens) - 1, -1, -1) if from_end else range(len(tokens))
    for taken, index in enumerate(order, start=1):
        if not tokens[index].isspace():
            seen += 1
            if seen > words:
                return taken - 1
    return len(tokens)


# Above this many token pairs in one changed block, the block is shown removed and inserted whole:
# SequenceMatcher is quadratic, and a block that large has no readable word diff anyway.
_WORD_DIFF_LIMIT = 4_000_000


def _changes(old: str, new: str) -> list[tuple[str, str]]:
    """Unelided ``(op, text)`` pieces: lines matched first, then words within changed lines.

    Matching lines first keeps long texts fast (few, mostly distinct lines) and keeps a change in one
    paragraph from being matched against words of another.
    """
    pieces: list[tuple[str, str]] = []
    a_lines, b_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False).get_opcodes():
        a_text, b_text = "".join(a_lines[i1:i2]), "".join(b_lines[j1:j2])
        if tag == "equal":
            pieces.append(("=", a_text))
            continue
        a, b = _tokens(a_text), _tokens(b_text)
        # common ends cost nothing to find and keep the quadratic part to what actually changed
        lead = 0
        while lead < min(len(a), len(b)) and a[lead] == b[lead]:
            lead += 1
        trail = 0
        while trail < min(len(a), len(b)) - lead and a[-1 - trail] == b[-1 - trail]:
            trail += 1
        pieces.append(("=", "".join(a[:lead])))
        a_mid, b_mid = a[lead:len(a) - trail], b[lead:len(b) - trail]
        if len(a_mid) * len(b_mid) > _WORD_DIFF_LIMIT:
            pieces += [("-", "".join(a_mid)), ("+", "".join(b_mid))]
        else:
            matcher = difflib.SequenceMatcher(None, a_mid, b_mid, autojunk=False)
            for op, k1, k2, m1, m2 in matcher.get_opcodes():
                if op == "equal":
                    pieces.append(("=", "".join(a_mid[k1:k2])))
                if op in ("delete", "replace"):
                    pieces.append(("-", "".join(a_mid[k1:k2])))
                if op in ("insert", "replace"):
                    pieces.append(("+", "".join(b_mid[m1:m2])))
        pieces.append(("=", "".join(a[len(a) - trail:])))
    merged: list[tuple[str, str]] = []
    for op, text in pieces:
        if text and merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return merged


def word_diff(old: str, new: str, context: int = 6) -> list[tuple[str, str]]:
    """``(op, text)`` pieces: ``=`` unchanged, ``-`` removed, ``+`` inserted, ``…`` elided context.

    Unchanged stretches keep ``context`` words either side of a change.

    >>> word_diff("the quick brown fox", "the slow brown fox")
    [('=', 'the '), ('-', 'quick'), ('+', 'slow'), ('=', ' brown fox')]
    >>> word_diff("a b c d e f g", "a b c d e f G", context=2)
    [('…', ''), ('=', ' e f '), ('-', 'g'), ('+', 'G')]
    """
    pieces = _changes(old, new)
    out: list[tuple[str, str]] = []
    for index, (op, text) in enumerate(pieces):
        if op != "=" or len(pieces) == 1:
            out.append((op, text))
            continue
        chunk = _tokens(text)
        head = 0 if index == 0 else _keep(chunk, context, from_end=False)
        tail = 0 if index == len(pieces) - 1 else _keep(chunk, context, from_end=True)
        if head + tail < len(chunk):
            if head:
                out.append(("=", "".join(chunk[:head])))
            out.append(("…", ""))
            if tail:
                out.append(("=", "".join(chunk[-tail:])))
        else:
            out.append(("=", text))
    return out


def is_long_text(old: Any, new: Any, limit: int = 60) -> bool:
    """Whether two values are strings better shown as a word diff than as old and new in full."""
    return isinstance(old, str) and isinstance(new, str) and (
        max(len(old), len(new)) > limit or "\n" in old or "\n" in new)


def list_diff(old: list[Any], new: list[Any]) -> list[tuple[str, str]]:
    """``(op, json)`` per list item that was removed (``-``) or added (``+``).

    >>> list_diff([1, 2, 3], [1, 3, 4])
    [('-', '2'), ('+', '4')]
    """
    a = [json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in old]
    b = [json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in new]
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        out.extend(("-", item) for item in a[i1:i2])
        out.extend(("+", item) for item in b[j1:j2])
    return out


def summarise(results: list[Result]) -> dict[str, int]:
    """How many fixtures ended in each status."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result.status] = counts.get(result.status, 0) + 1
    return counts


def run_check(paths: Iterable[str], *, update: bool = False,
              warn: Callable[[IwprError], None] | None = None) -> tuple[Discovery, list[Result]]:
    """Discover and check every fixture under ``paths``."""
    discovery = discover(paths)
    return discovery, [check_fixture(f, update=update, warn=warn) for f in discovery.fixtures]


__all__ = [
    "ABSENT", "Change", "ConfigError", "DEFAULT_STAGES", "Fixture", "PipelineError", "Result", "check_fixture",
    "compare", "discover", "list_diff", "load_config", "produce", "run_check", "word_diff",
]
