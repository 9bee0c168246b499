"""Turn a hand-annotated text into an entities fixture and its gold rows.

    python scripts/annotate_gold.py tests/data/entities_annotated/NAME.txt [...]

The annotated file is the fixture's text with every mention written ``[[text|LABEL]]`` (the text may
cross a line break).  The script writes the plain text to ``fixtures/entities/NAME.txt`` and replaces that
file's rows in ``tests/data/gold_entities.jsonl`` by the marked mentions, with offsets into the plain text.
Annotating in place keeps the gold readable and reviewable next to the words it marks, and lets it be
written before the recogniser has ever seen the text.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold_entities.jsonl"
LABELS = {"PERSON", "ORG", "LOC", "NORP", "DATE", "MONEY", "PERCENT", "URL", "EMAIL", "PHONE"}
MARK = re.compile(r"\[\[(.+?)\|([A-Z]+)\]\]", re.DOTALL)


def strip_marks(annotated: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The plain text and its mentions (start, end, text, label).

    >>> strip_marks("By [[Mirko Klarin|PERSON]] in [[Hague|LOC]].")
    ('By Mirko Klarin in Hague.', [(3, 15, 'Mirko Klarin', 'PERSON'), (19, 24, 'Hague', 'LOC')])
    """
    out, rows, last = [], [], 0
    length = 0
    for m in MARK.finditer(annotated):
        if m.group(2) not in LABELS:
            raise ValueError(f"unknown label {m.group(2)!r} at {m.start()}")
        out.append(annotated[last:m.start()])
        length += m.start() - last
        rows.append((length, length + len(m.group(1)), m.group(1), m.group(2)))
        out.append(m.group(1))
        length += len(m.group(1))
        last = m.end()
    out.append(annotated[last:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError("unbalanced [[...]] mark")
    return text, rows


def main(paths: list[str]) -> int:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    for path in map(Path, paths):
        text, mentions = strip_marks(path.read_text(encoding="utf-8"))
        target = f"fixtures/entities/{path.name}"
        (ROOT / target).write_text(text, encoding="utf-8")
        rows = [r for r in rows if r["file"] != target]
        rows += [{"file": target, "start": s, "end": e, "text": t, "label": label} for s, e, t, label in mentions]
        print(f"{target}: {len(mentions)} mentions")
    GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
