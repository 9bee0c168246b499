"""Run ``parse_byline`` over the peer tools' byline test cases and print pass rates per ``fit``.

Run by hand (never by the test suite; the cases are not copied into the repository):

    python scripts/bench_bylines_peers.py /work/shared/peers/bylines/peer_cases.jsonl [--fails FIT]

A case passes when the names equal ``expected_spec`` (else ``expected``) exactly, in order except for
fit ``unordered``; cases with ``kwargs`` (a peer option we do not offer) are skipped.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from iwpr_extract.bylines import parse_byline

TARGET_FITS = ("default", "inferred", "agency", "case-insensitive", "unordered", "markup-entities")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases")
    parser.add_argument("--fails", metavar="FIT", help="print the failing cases of FIT ('all' for every fit)")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    with open(args.cases, encoding="utf-8") as fh:
        for line in fh:
            case = json.loads(line)
            if case.get("kwargs"):
                continue
            fit = case["fit"]
            want = case.get("expected_spec", case["expected"])
            got = [a.name for a in parse_byline(case["input"])]
            ok = sorted(got) == sorted(want) if fit == "unordered" else got == want
            total[fit] += 1
            passed[fit] += ok
            if not ok and args.fails in (fit, "all"):
                print(f"FAIL {case['id']} {fit}: {case['input']!r}\n    want {want}\n    got  {got}")
    for fit in sorted(total, key=lambda f: (f not in TARGET_FITS, f)):
        print(f"{fit:18} {passed[fit]:4}/{total[fit]:<4} {100 * passed[fit] / total[fit]:5.1f}%")
    t = sum(total[f] for f in TARGET_FITS)
    p = sum(passed[f] for f in TARGET_FITS)
    print(f"{'target fits':18} {p:4}/{t:<4} {100 * p / t:5.1f}%")


if __name__ == "__main__":
    main()
