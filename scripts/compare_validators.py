"""Measure iwpr's own schema validator against `jsonschema`: import cost, speed, and agreement.

Run by hand (needs `pip install jsonschema`, which is not a dependency of iwpr-extract):

    python scripts/compare_validators.py [FILE.jsonl ...]     # default: every fixtures/**/*.expected.jsonl

Agreement is checked on the records given and on mutated copies of them (wrong types, unknown enum
values, missing required keys, negative offsets, bad dates), comparing the set of failing paths.
"""

from __future__ import annotations

import copy
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def import_ms(statement: str, runs: int = 7) -> float:
    """Median wall time of a fresh interpreter running ``statement``, minus a bare interpreter."""
    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start
    bare = statistics.median(once("pass") for _ in range(runs))
    return (statistics.median(once(statement) for _ in range(runs)) - bare) * 1000


MUTATIONS = [
    ("kind", lambda r: r.__setitem__("kind", "letter")),
    ("kind", lambda r: r.pop("kind")),
    ("headline", lambda r: r.__setitem__("headline", 3)),
    ("index", lambda r: r.__setitem__("index", -1)),
    ("index", lambda r: r.__setitem__("index", True)),
    ("span", lambda r: r.__setitem__("span", [0, -1])),
    ("span", lambda r: r.__setitem__("span", [0, 1, 2])),
    ("newsletter", lambda r: r.__setitem__("newsletter", {"title": None, "issue": "1", "date": "2005-7-6"})),
    # jsonschema matches patterns with Python's re, whose $ also matches before a final newline; JSON
    # Schema patterns are ECMA-262, where it does not: the one expected disagreement.
    ("date-newline", lambda r: r.__setitem__("newsletter", {"title": None, "issue": None, "date": "2005-07-06\n"})),
    ("entities", lambda r: r.__setitem__("entities", [{"text": "X", "label": "CITY", "field": "body", "start": 0, "end": 1, "norm": "X"}])),
    ("authors", lambda r: r.__setitem__("authors", [{"name": "A", "location": None, "role": None, "pseudonym": "no", "bio": None}])),
    ("captions", lambda r: r.__setitem__("captions", ["ok", 3])),
    ("fixes", lambda r: r.__setitem__("fixes", {"mojibake": -1})),
]


def main(paths: list[str]) -> None:
    import jsonschema

    from iwpr_extract.validate import record_validator

    files = [Path(p) for p in paths] or sorted(ROOT.glob("fixtures/**/*.expected.jsonl"))
    records = [json.loads(line) for f in files for line in f.read_text("utf-8").splitlines() if line.strip()]
    schema = record_validator().schema
    theirs = jsonschema.Draft202012Validator(schema, format_checker=None)
    ours = record_validator()

    print(f"import: iwpr_extract.validate {import_ms('import iwpr_extract.validate'):.1f} ms, "
          f"jsonschema {import_ms('import jsonschema'):.1f} ms (fresh interpreter, median of 7)")

    batch = records * max(1, 2000 // max(1, len(records)))
    for name, check in (("iwpr", lambda r: list(ours.errors(r))), ("jsonschema", lambda r: list(theirs.iter_errors(r)))):
        start = time.perf_counter()
        for record in batch:
            check(record)
        elapsed = time.perf_counter() - start
        print(f"{name:>10}: {len(batch) / elapsed:,.0f} records/s over {len(batch)} records")

    rng = random.Random(6)
    cases = [(None, r) for r in records]
    for record in records:
        for field, mutate in rng.sample(MUTATIONS, 4):
            mutated = copy.deepcopy(record)
            mutate(mutated)
            cases.append((field, mutated))
    disagree: dict[str, int] = {}
    for field, record in cases:
        a = bool(list(ours.errors(record)))
        b = bool(list(theirs.iter_errors(record)))
        if a != b:
            disagree[str(field)] = disagree.get(str(field), 0) + 1
    total = sum(disagree.values())
    print(f"agreement: {len(cases) - total}/{len(cases)} records ({len(records)} stored, rest mutated); "
          f"disagreements by mutation: {disagree or 'none'}")


if __name__ == "__main__":
    main(sys.argv[1:])
