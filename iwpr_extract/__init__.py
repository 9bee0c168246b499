"""iwpr-extract: IWPR newsletters, scraped IWPR pages and scraped e-mails as structured JSON Lines.

The public API is a set of pure functions, one module per stage; the ``iwpr`` command line is a thin
layer over them.  Attributes are imported on first use, so ``import iwpr_extract`` stays cheap.

>>> import iwpr_extract
>>> [r["kind"] for r in iwpr_extract.split_text("Standfirst here.\\n\\nBy Jane Doe\\n\\nBody text.\\n")]
['article']
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module (relative to this package) that defines it
_LAZY = {
    "split_text": "split",
    "split_record": "split",
    "clean_text": "clean",
    "clean_record": "clean",
    "explain_text": "clean",
    "CleanOptions": "clean",
    "parse_byline": "bylines",
    "bylines_record": "bylines",
    "Author": "bylines",
    "document_record": "records",
    "require": "records",
    "BadInput": "errors",
    "dumps": "records",
    "dumps_line": "records",
    "read_inputs": "streams",
    "expand_inputs": "parallel",
    "IwprError": "errors",
    "find_entities": "entities",
    "entities_record": "entities",
    "Entity": "entities",
    "build_pipeline": "pipeline",
    "run_pipeline": "pipeline",
    "run_check": "check",
    "record_problems": "validate",
    "compute_stats": "stats",
    "render_record": "show",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'iwpr_extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
