"""``split``: a newsletter cut into records (first cut: the whole text as one bare article).

The structural splitter replaces the body of ``split_text`` in a following commit; the record shape and
the functions' signatures are the contract other stages build on.
"""

from __future__ import annotations

from typing import Any, Iterator

from .records import empty_newsletter


def split_text(text: str, source: str = "-", *, all_segments: bool = False, doc_id: str | None = None) -> list[dict[str, Any]]:
    """Cut ``text`` into records; every record's ``text`` is ``text[span[0]:span[1]]``."""
    base = doc_id if doc_id is not None else source
    body = "\n\n".join(" ".join(l.strip() for l in p.splitlines() if l.strip())
                       for p in text.replace("\r\n", "\n").split("\n\n") if p.strip())
    return [{
        "id": f"{base}#0", "source": source, "kind": "article", "index": 0, "span": [0, len(text)],
        "newsletter": empty_newsletter(), "headline": None, "standfirst": None, "byline": None,
        "body": body or None, "notes": None, "captions": [], "text": text,
        "warnings": ["no article structure recognised: the whole text is one article"],
    }]


def split_record(record: dict[str, Any], *, all_segments: bool = False) -> Iterator[dict[str, Any]]:
    """Split a ``document`` record; records of other kinds pass through unchanged."""
    if record.get("kind", "document") != "document" or "text" not in record:
        yield record
        return
    source = record.get("source", record.get("id", "-"))
    extra = {k: v for k, v in record.items() if k not in ("id", "source", "kind", "text")}
    for out in split_text(record["text"], source, all_segments=all_segments, doc_id=record.get("id")):
        yield {**extra, **out}
