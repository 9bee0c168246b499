"""Figures about a stream of records: what ``iwpr stats`` prints.

``compute_stats`` is pure and streaming: it reads each record once and keeps only counters (kinds,
newsletter issues, authors, entity norms, missing fields), so memory grows with the number of distinct
issues, authors and entities, never with the number of records.  ``stats_renderables`` turns the figures
into rich tables; it imports rich only when called.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

# Article fields whose absence ``stats`` reports, in the order ties are listed.
MISSING_FIELDS: tuple[str, ...] = (
    "headline",
    "standfirst",
    "byline",
    "authors",
    "body",
    "newsletter",
    "entities",
)


def _empty(value: Any) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    if isinstance(value, dict) and set(value) <= {"title", "issue", "date"}:
        # a newsletter object with every part null states nothing
        return all(v is None for v in value.values())
    return False


def _key(value: Any) -> Any:
    """A value fit to count by: the schema's scalars as they are, anything else as its JSON text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _newsletter_key(record: dict[str, Any]) -> tuple[Any, Any, Any]:
    newsletter = record.get("newsletter")
    if not isinstance(newsletter, dict):
        return (None, None, None)
    return (_key(newsletter.get("title")), _key(newsletter.get("issue")), _key(newsletter.get("date")))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _issue_order(key: tuple[Any, Any, Any]) -> tuple[Any, ...]:
    # dated issues first, oldest first; nulls after values in every part
    title, issue, date = key
    return (
        date is None, str(date or ""),
        not isinstance(issue, int), issue if isinstance(issue, int) else 0, str(issue),
        title is None, str(title or ""),
    )


def _by_count(counter: Counter) -> list[tuple[Any, int]]:
    """Most common first; ties in key order, so the output never depends on input order of ties."""
    return sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))


def compute_stats(records: Iterable[dict[str, Any]], *, top: int = 10) -> dict[str, Any]:
    """Figures about ``records`` as one plain dict (keys in a fixed order, ready for ``json.dumps``).

    ``top`` bounds the entities listed per label.

    >>> s = compute_stats([
    ...     {"id": "a#1", "kind": "article", "headline": "H", "authors": [{"name": "Ann", "location": "Osh"}],
    ...      "newsletter": {"title": "RCA", "issue": 7, "date": "2010-11-05"},
    ...      "entities": [{"label": "LOC", "norm": "Osh"}]},
    ...     {"id": "a", "kind": "document", "text": "x"}])
    >>> s["records"], s["kinds"], s["authors"]
    (2, {'article': 1, 'document': 1}, [{'name': 'Ann', 'articles': 1, 'locations': {'Osh': 1}}])
    >>> s["newsletters"], s["entities"]
    ([{'title': 'RCA', 'issue': 7, 'date': '2010-11-05', 'articles': 1}], {'LOC': [{'norm': 'Osh', 'count': 1}]})
    >>> s["missing"]["standfirst"], s["missing"]["headline"]
    (1, 0)
    """
    total = 0
    kinds: Counter = Counter()
    issues: Counter = Counter()
    author_articles: Counter = Counter()
    author_locations: dict[str, Counter] = {}
    entities: dict[str, Counter] = {}
    missing: Counter = Counter({field: 0 for field in MISSING_FIELDS})
    articles = 0
    with_warnings = 0

    for record in records:
        total += 1
        kind = record.get("kind") if isinstance(record.get("kind"), str) else "(none)"
        kinds[kind] += 1
        if record.get("warnings"):
            with_warnings += 1
        for entity in _list(record.get("entities")):
            if isinstance(entity, dict) and entity.get("label"):
                norm = _key(entity.get("norm") or entity.get("text") or "")
                entities.setdefault(str(_key(entity["label"])), Counter())[norm] += 1
        if kind != "article":
            continue
        articles += 1
        issues[_newsletter_key(record)] += 1
        for field in MISSING_FIELDS:
            if _empty(record.get(field)):
                missing[field] += 1
        seen: set[str] = set()
        for author in _list(record.get("authors")):
            name = _key(author.get("name")) if isinstance(author, dict) else None
            if not name or name in seen:
                continue  # an author named twice in one byline wrote one article, not two
            seen.add(name)
            author_articles[name] += 1
            location = _key(author.get("location"))
            locations = author_locations.setdefault(name, Counter())
            if location:
                locations[location] += 1

    return {
        "records": total,
        "kinds": dict(_by_count(kinds)),
        "articles": articles,
        "newsletters": [
            {"title": t, "issue": i, "date": d, "articles": issues[(t, i, d)]}
            for t, i, d in sorted(issues, key=_issue_order)
        ],
        "authors": [
            {"name": name, "articles": n, "locations": dict(_by_count(author_locations[name]))}
            for name, n in _by_count(author_articles)
        ],
        "entities": {
            label: [{"norm": norm, "count": n} for norm, n in _by_count(entities[label])[:top]]
            for label in sorted(entities)
        },
        "missing": {field: n for field, n in sorted(missing.items(),
                                                     key=lambda kv: (-kv[1], MISSING_FIELDS.index(kv[0])))},
        "with_warnings": with_warnings,
    }


def stats_renderables(stats: dict[str, Any], *, plain: bool = False) -> list[Any]:
    """Rich tables for the figures of ``compute_stats``; ``plain`` uses ASCII rules and no colour styles.

    >>> import io
    >>> from rich.console import Console
    >>> console = Console(record=True, width=60, file=io.StringIO())
    >>> for table in stats_renderables(compute_stats([{"kind": "document"}]), plain=True):
    ...     console.print(table)
    >>> "document" in console.export_text()
    True
    """
    from rich import box
    from rich.table import Table

    frame = box.ASCII2 if plain else box.ROUNDED
    head = "" if plain else "bold"

    def table(title: str, *columns: str, right: tuple[int, ...] = ()) -> Table:
        t = Table(title=title, box=frame, header_style=head, title_style=head, title_justify="left")
        for n, column in enumerate(columns):
            t.add_column(column, justify="right" if n in right else "left", overflow="fold")
        return t

    out: list[Any] = []
    kinds = table(f"Records: {stats['records']}", "kind", "records", right=(1,))
    for kind, n in stats["kinds"].items():
        kinds.add_row(kind, str(n))
    if stats["with_warnings"]:
        kinds.caption = f"{stats['with_warnings']} with warnings"
        kinds.caption_justify = "left"
    out.append(kinds)

    issues = table(f"Articles: {stats['articles']}, by newsletter issue", "newsletter", "issue", "date",
                   "articles", right=(1, 3))
    for row in stats["newsletters"]:
        issues.add_row(row["title"] or "-", "-" if row["issue"] is None else str(row["issue"]),
                       row["date"] or "-", str(row["articles"]))
    out.append(issues)

    authors = table(f"Authors: {len(stats['authors'])}", "author", "articles", "locations", right=(1,))
    for row in stats["authors"]:
        where = ", ".join(f"{loc} ({n})" if n > 1 else loc for loc, n in row["locations"].items())
        authors.add_row(row["name"], str(row["articles"]), where or "-")
    if not stats["authors"]:
        authors.add_row("(none)", "", "")
    out.append(authors)

    entities = table("Top entities per label", "label", "entity", "count", right=(2,))
    for label, rows in stats["entities"].items():
        for n, row in enumerate(rows):
            entities.add_row(label if n == 0 else "", row["norm"], str(row["count"]))
        entities.add_section()
    if not stats["entities"]:
        entities.add_row("(none)", "", "")
    out.append(entities)

    missing = table(f"Missing from {stats['articles']} articles", "field", "missing", "share",
                    right=(1, 2))
    for field, n in stats["missing"].items():
        share = f"{100 * n / stats['articles']:.0f}%" if stats["articles"] else "-"
        missing.add_row(field, str(n), share)
    out.append(missing)
    return out
