"""Shared test helpers: paths to fixtures and running the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests judge properties, not speed: a loaded CI machine must not turn them into timing flakes.
# Under CI (CI=true) the examples are derandomised, so a run is reproducible: exploring new examples is
# what developers' runs are for, and what they find becomes an explicit regression test.
settings.register_profile("iwpr", deadline=None)
settings.register_profile("iwpr-ci", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("iwpr-ci" if os.environ.get("CI") else "iwpr")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def run_iwpr(*args: str, input: bytes | str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run ``python -m iwpr_extract ARGS`` as a real subprocess (bytes in, bytes out)."""
    if isinstance(input, str):
        input = input.encode("utf-8")
    return subprocess.run(
        [sys.executable, "-m", "iwpr_extract", *args],
        input=input if input is not None else b"",
        capture_output=True,
        cwd=ROOT,
        timeout=timeout,
    )


def read_pty(master: int) -> bytes:
    """Everything written to a pseudo-terminal, read from its master side until the writer has gone."""
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the slave side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def jsonl(data: bytes | str) -> list[dict]:
    """Parse JSON Lines output, asserting every line is one whole JSON object."""
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    records = []
    for line in data.splitlines():
        record = json.loads(line)
        assert isinstance(record, dict)
        records.append(record)
    return records


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def load_script(name: str):
    """A script of ``scripts/`` as a module (the measurement scripts are not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_articles(text: str) -> list[dict]:
    """The article records ``split_text`` makes of ``text`` (source "t")."""
    from iwpr_extract.split import split_text

    return [r for r in split_text(text, "t") if r["kind"] == "article"]


def split_kinds(text: str) -> list[str]:
    """The kinds of every segment of ``text``, in order (``split --all``)."""
    from iwpr_extract.split import split_text

    return [r["kind"] for r in split_text(text, "t", all_segments=True)]


def assert_lossless(text: str) -> None:
    """Every segment's ``text`` is its span of the input, and the segments put together are the input."""
    from iwpr_extract.split import split_text

    records = split_text(text, "t", all_segments=True)
    assert "".join(r["text"] for r in records) == text
    for r in records:
        assert text[r["span"][0] : r["span"][1]] == r["text"]


def fold(text: str | None) -> str | None:
    """``text`` with its white space runs folded to one space (None stays None)."""
    return " ".join(text.split()) if text else text


def cleaned_fixture(stem: str) -> str:
    """``fixtures/clean/STEM.txt`` decoded as the CLI reads it, then cleaned."""
    from iwpr_extract.clean import clean_text
    from iwpr_extract.streams import decode_text

    path = FIXTURES / "clean" / f"{stem}.txt"
    return clean_text(decode_text(path.read_bytes(), str(path), warn=lambda *a, **k: None))


def clean_original(stem: str) -> str:
    """The undamaged original of a held-out clean input (``fixtures/clean/heldout_originals/STEM.txt``)."""
    return (FIXTURES / "clean" / "heldout_originals" / f"{stem}.txt").read_text(encoding="utf-8")
