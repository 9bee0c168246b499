"""Package data files (word lists, gazetteers, the schema), read once per process.

Plain file reads next to this module: ``importlib.resources`` costs several milliseconds of imports
at every start, and every ``iwpr`` process in a pipe pays for its start.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_path(name: str) -> str:
    """Absolute path of a package data file, e.g. ``data_path("record.schema.json")``."""
    return os.path.join(DATA_DIR, name)


def read_text(name: str) -> str:
    """The text of a package data file (UTF-8)."""
    with open(data_path(name), encoding="utf-8") as handle:
        return handle.read()


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A package data file parsed as JSON, cached: callers must not modify the result.

    >>> load_json("newsletters.json")["newsletters"][0]["title"]
    'Reporting Central Asia'
    """
    return json.loads(read_text(name))
