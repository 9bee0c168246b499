"""Score ``bylines_record`` against hand-written expectations for bylines as IWPR printed them.

    python scripts/eval_bylines.py            # figures
    python scripts/eval_bylines.py --errors   # every case that differs, with what came out
    python scripts/eval_bylines.py --batch 6  # one batch only (tests/data/bylines_heldout6.jsonl)

Cases: ``tests/data/bylines_heldout*.jsonl`` (twenty-five batches; 18-22 written together, then 23, 24 and 25 each after the fixes before it),
one per line ``{byline, notes, authors, credit}`` (from batch 18 also each author's ``bio`` and the case's
``newsletter``), written by hand from IWPR's newsletters (Afghan Recovery
Report, Iraqi Crisis Report, Balkan Crisis Report, Tribunal Update, Caucasus Reporting Service, Reporting
Central Asia) before the tool was run on them.
Each case becomes one article record.  Figures: author precision/recall/F1 on names, on name+location,
pseudonym flags right, roles right (exact, where the case gives one), credits kept where the byline
names nobody, whole cases right (names, places and pseudonym flags), and, where the cases give them, bios
and edition data exact (a case is exact when every field it gives is right).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from iwpr_extract.bylines import bylines_record  # noqa: E402

CASES = sorted((ROOT / "tests" / "data").glob("bylines_heldout*.jsonl"))


def load_cases(paths: list[Path] | None = None) -> list[dict]:
    return [json.loads(line) for path in (CASES if paths is None else paths)
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(case: dict) -> dict:
    record = {"id": "x#0", "source": "x", "kind": "article", "index": 0, "byline": case["byline"],
              "body": "Body text.", "notes": case["notes"]}
    return bylines_record(record)


def _f1(tp: int, n_got: int, n_want: int) -> dict[str, float]:
    p = tp / n_got if n_got else 1.0
    r = tp / n_want if n_want else 1.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def evaluate(cases: list[dict] | None = None) -> tuple[dict[str, object], list[tuple[dict, dict]]]:
    """Figures over the cases, and the (case, output) pairs that are not wholly right."""
    cases = load_cases() if cases is None else cases
    n_got = n_want = tp_name = tp_loc = 0
    pseud_ok = pseud_n = role_ok = role_n = credit_ok = credit_n = whole = 0
    bio_ok = bio_n = edition_ok = edition_n = 0
    wrong = []
    for case in cases:
        out = run(case)
        got = out.get("authors") or []
        want = case["authors"]
        n_got += len(got)
        n_want += len(want)
        got_names = [a["name"] for a in got]
        tp_name += sum(1 for a in want if a["name"] in got_names)
        by_name = {a["name"]: a for a in got}
        ok = [a["name"] for a in got] == [a["name"] for a in want]
        for a in want:
            b = by_name.get(a["name"])
            if b is None:
                continue
            tp_loc += b["location"] == a["location"]
            ok = ok and b["location"] == a["location"] and b["pseudonym"] == a["pseudonym"]
            pseud_n += 1
            pseud_ok += b["pseudonym"] == a["pseudonym"]
            if a.get("role"):
                role_n += 1
                role_ok += b["role"] == a["role"]
            if "bio" in a:  # batches 18 on give each author's bio sentence (or null)
                bio_n += 1
                bio_ok += b["bio"] == a["bio"]
        if not want:
            credit_n += 1
            credit_ok += bool(out.get("credit"))
            ok = ok and bool(out.get("credit"))
        whole += ok
        roles_ok = all(by_name.get(a["name"], {}).get("role") == a["role"] for a in want if a.get("role"))
        bios_ok = all(by_name.get(a["name"], {}).get("bio") == a["bio"] for a in want if "bio" in a)
        if "newsletter" in case:  # the edition data in the byline ("(TU No. 245, 10-14 December, 2001)")
            edition_n += 1
            edition_ok += out.get("newsletter") == case["newsletter"]
            roles_ok = roles_ok and out.get("newsletter") == case["newsletter"]
        if not ok or not roles_ok or not bios_ok:
            wrong.append((case, out))
    figures = {
        "cases": len(cases),
        "cases right (names, places, pseudonyms)": f"{whole}/{len(cases)}",
        "cases exact (also roles, bios, edition)": f"{len(cases) - len(wrong)}/{len(cases)}",
        "authors (name)": _f1(tp_name, n_got, n_want),
        "authors (name+location)": _f1(tp_loc, n_got, n_want),
        "pseudonym flags right": f"{pseud_ok}/{pseud_n}",
        "roles exact": f"{role_ok}/{role_n}",
        "credits kept (no named author)": f"{credit_ok}/{credit_n}",
        "bios exact (where given)": f"{bio_ok}/{bio_n}",
        "editions exact (where given)": f"{edition_ok}/{edition_n}",
    }
    return figures, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print the cases that differ")
    parser.add_argument("--batch", type=int, help="score one batch only (1 is bylines_heldout.jsonl)")
    args = parser.parse_args()
    paths = None
    if args.batch is not None:
        name = "bylines_heldout.jsonl" if args.batch == 1 else f"bylines_heldout{args.batch}.jsonl"
        paths = [ROOT / "tests" / "data" / name]
    figures, wrong = evaluate(load_cases(paths))
    for key, value in figures.items():
        print(f"{key:42} {value}")
    if args.errors:
        for case, out in wrong:
            print(f"\n{case['byline']!r} | notes {case['notes']!r}")
            print(f"  want {[(a['name'], a['location'], a['role'], a['pseudonym']) for a in case['authors']]} credit {case['credit']!r}")
            print(f"  got  {[(a['name'], a['location'], a['role'], a['pseudonym']) for a in out.get('authors') or []]} credit {out.get('credit')!r}")
            bios = [(a["name"], a["bio"]) for a in case["authors"] if "bio" in a]
            if bios:
                print(f"  bios want {bios}")
                print(f"  bios got  {[(a['name'], a['bio']) for a in out.get('authors') or []]}")
            if "newsletter" in case:
                print(f"  edition want {case['newsletter']} got {out.get('newsletter')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
