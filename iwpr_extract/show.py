"""Records as rich renderables: what ``iwpr show`` prints.

``render_record`` builds one renderable per record: for an article a panel with headline, standfirst,
newsletter, byline and authors, the body with entities highlighted by label (and a legend), captions,
notes, what ``clean`` removed, fixes and warnings; for the other kinds whatever they carry.  With
``plain=True`` (output piped) there are no panels or colours: a ruled heading per record, and entities
marked inline as ``[text|LABEL]`` so the labels survive without colour.

rich is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

from typing import Any

# Style per entity label; labels not listed get DEFAULT_ENTITY_STYLE.
ENTITY_STYLES: dict[str, str] = {
    "PERSON": "bold magenta",
    "ORG": "bold cyan",
    "LOC": "bold green",
    "NORP": "bold yellow",
    "DATE": "blue",
    "MONEY": "bright_green",
    "PERCENT": "bright_green",
    "URL": "underline bright_blue",
    "EMAIL": "underline bright_blue",
    "PHONE": "bright_blue",
}
DEFAULT_ENTITY_STYLE = "bold red"

# Fields whose entities are highlighted, in the order they are shown.
_TEXT_FIELDS = ("headline", "standfirst", "body", "notes", "text")


def entity_spans(record: dict[str, Any], field: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of the entities of ``record`` in ``field``, sorted, without overlaps.

    An entity whose offsets do not match its text is left out rather than highlighting the wrong words;
    of two overlapping entities the one starting first (the longer on a tie) is kept.

    >>> r = {"body": "Otunbaeva met Tekebaev.", "entities": [
    ...     {"text": "Tekebaev", "label": "PERSON", "field": "body", "start": 14, "end": 22},
    ...     {"text": "Otunbaeva", "label": "PERSON", "field": "body", "start": 0, "end": 9},
    ...     {"text": "wrong", "label": "LOC", "field": "body", "start": 0, "end": 5}]}
    >>> entity_spans(r, "body")
    [(0, 9, 'PERSON'), (14, 22, 'PERSON')]
    """
    text = record.get(field)
    if not isinstance(text, str):
        return []
    found = []
    for entity in record.get("entities") or ():
        if not isinstance(entity, dict) or entity.get("field") != field:
            continue
        start, end = entity.get("start"), entity.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            continue
        if text[start:end] != entity.get("text"):
            continue
        found.append((start, end, str(entity.get("label"))))
    found.sort(key=lambda s: (s[0], -s[1]))
    spans: list[tuple[int, int, str]] = []
    for span in found:
        if spans and span[0] < spans[-1][1]:
            continue
        spans.append(span)
    return spans


def highlight(record: dict[str, Any], field: str, *, plain: bool = False) -> Any:
    """``record[field]`` as a rich ``Text`` with its entities styled by label (``plain``: marked inline).

    >>> r = {"body": "In Osh today.", "entities": [
    ...     {"text": "Osh", "label": "LOC", "field": "body", "start": 3, "end": 6}]}
    >>> highlight(r, "body", plain=True).plain
    'In [Osh|LOC] today.'
    >>> [(s.start, s.end, s.style) for s in highlight(r, "body").spans]
    [(3, 6, 'bold green')]
    """
    from rich.text import Text

    text = record.get(field) or ""
    spans = entity_spans(record, field)
    if plain:
        pieces, at = [], 0
        for start, end, label in spans:
            pieces += [text[at:start], "[", text[start:end], "|", label, "]"]
            at = end
        pieces.append(text[at:])
        return Text("".join(pieces))
    out = Text(text)
    for start, end, label in spans:
        out.stylize(ENTITY_STYLES.get(label, DEFAULT_ENTITY_STYLE), start, end)
    return out


def legend(labels: list[str], *, plain: bool = False) -> Any:
    """One line naming each label in its style (``plain``: how inline marks read).

    >>> legend(["LOC", "PERSON"]).plain
    'Entities: LOC  PERSON'
    """
    from rich.text import Text

    out = Text()
    out.append("Entities: ", style="dim")
    if plain:
        out.append("[text|LABEL], labels: " + ", ".join(labels))
        return out
    for n, label in enumerate(labels):
        if n:
            out.append("  ")
        out.append(label, style=ENTITY_STYLES.get(label, DEFAULT_ENTITY_STYLE))
    return out


def _newsletter_line(newsletter: Any) -> str | None:
    if not isinstance(newsletter, dict):
        return None
    parts = []
    if newsletter.get("title"):
        parts.append(str(newsletter["title"]))
    if newsletter.get("issue") is not None:
        parts.append(f"No. {newsletter['issue']}")
    if newsletter.get("date"):
        parts.append(str(newsletter["date"]))
    return ", ".join(parts) or None


def _authors_table(authors: list[Any], plain: bool) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.ASCII2 if plain else box.SIMPLE_HEAD, header_style="" if plain else "bold",
                  pad_edge=False, show_edge=False)
    for column in ("author", "location", "role", "pseudonym"):
        table.add_column(column, overflow="fold")
    for author in authors:
        if not isinstance(author, dict):
            continue
        table.add_row(
            str(author.get("name") or "-"),
            str(author.get("location") or "-"),
            str(author.get("role") or "-"),
            "yes" if author.get("pseudonym") else "no",
        )
    return table


def _removed_table(removed: list[Any], plain: bool) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.ASCII2 if plain else box.SIMPLE_HEAD, header_style="" if plain else "bold",
                  pad_edge=False, show_edge=False)
    table.add_column("removed by clean", overflow="fold", ratio=3)
    table.add_column("reason", overflow="fold", ratio=1)
    for item in removed:
        if isinstance(item, dict):
            # whitespace is what was removed often enough: show it, not blank cells
            text = str(item.get("text", "")).replace("\n", "\\n").replace("\t", "\\t")
            table.add_row(text if text.strip() else repr(text), str(item.get("reason", "")))
    return table


def _section(title: str, body: Any, plain: bool) -> list[Any]:
    from rich.text import Text

    return [Text(title, style="" if plain else "bold underline"), body]


def _as_text(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return value
    import json

    return json.dumps(value, ensure_ascii=False)


def _sanitised(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with every field it shows in the type the schema gives it, so that a record written by
    hand or by a buggy stage is still shown (as its JSON) rather than stopping ``show``."""
    out = dict(record)
    for field in (*_TEXT_FIELDS, "byline", "credit", "id", "kind"):
        if field in out:
            out[field] = _as_text(out[field])
    for field in ("authors", "captions", "entries", "removed", "warnings", "entities"):
        value = out.get(field)
        if value is not None and not isinstance(value, list):
            out[field] = [value]
    for field in ("newsletter", "email", "fixes"):
        if not isinstance(out.get(field), dict):
            out[field] = None
    span = out.get("span")
    if span is not None and not (isinstance(span, list) and len(span) == 2):
        out["span"] = None
    return out


def record_title(record: dict[str, Any], number: int | None = None) -> str:
    """The heading of a record: its number in the stream, kind and id.

    >>> record_title({"id": "a.txt#2", "kind": "article", "headline": "Talks stall"}, 3)
    '#3 article a.txt#2'
    """
    head = f"#{number} " if number is not None else ""
    return head + f"{record.get('kind', '?')} {record.get('id', '?')}"


def render_record(record: dict[str, Any], number: int | None = None, *, plain: bool = False) -> Any:
    """One record as a rich renderable: a panel (``plain``: a ruled heading and text, no colour).

    ``number`` is the record's position in the stream (1-based), shown in the heading so that
    ``--range`` can pick it again.

    >>> import io
    >>> from rich.console import Console
    >>> console = Console(record=True, width=50, file=io.StringIO())
    >>> console.print(render_record({"id": "x", "kind": "document", "text": "Hello."}, 1, plain=True))
    >>> print(console.export_text().rstrip())
    #1 document x ====================================
    <BLANKLINE>
    Hello.
    """
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    record = _sanitised(record)
    parts: list[Any] = []
    meta = []
    newsletter = _newsletter_line(record.get("newsletter"))
    if newsletter:
        meta.append(("Newsletter", newsletter))
    email = record.get("email")
    if isinstance(email, dict):
        for key in ("subject", "from", "date"):
            if email.get(key):
                meta.append((f"E-mail {key}", str(email[key])))
    if record.get("span"):
        meta.append(("Span", "{}-{}".format(*record["span"])))
    if record.get("byline"):
        meta.append(("Byline", str(record["byline"])))
    if record.get("credit"):
        meta.append(("Credit", str(record["credit"])))
    if meta:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="" if plain else "dim", no_wrap=True)
        grid.add_column(overflow="fold")  # wrapped values keep their hanging indent
        for key, value in meta:
            grid.add_row(key + ":", value)
        parts.append(grid)
    if record.get("headline"):
        headline = highlight(record, "headline", plain=plain)
        if not plain:
            headline.stylize("bold")
        parts.insert(0, headline)
    if record.get("standfirst"):
        standfirst = highlight(record, "standfirst", plain=plain)
        if not plain:
            standfirst.stylize("italic")
        parts.append(standfirst)
    if record.get("authors"):
        parts.append(_authors_table(record["authors"], plain))

    labels = sorted({label for field in _TEXT_FIELDS for _, _, label in entity_spans(record, field)})
    if labels:
        parts.append(legend(labels, plain=plain))
    if record.get("body"):
        parts.append(highlight(record, "body", plain=plain))
    elif record.get("text") and record.get("kind") != "article" and not record.get("entries"):
        text = highlight(record, "text", plain=plain)
        text.rstrip()
        if not plain and record.get("kind") not in ("document", "toc"):
            text.stylize("dim")  # chrome, promo, header, footer: show it, but quietly
        parts.append(text)
    if record.get("entries"):
        lines = []
        for entry in record["entries"]:
            if isinstance(entry, dict):
                line = "- " + " / ".join(str(entry[k]) for k in ("section", "headline", "standfirst", "byline")
                                         if entry.get(k))
                lines.append(line)
        parts += _section("Contents", Text("\n".join(lines)), plain)
    if record.get("captions"):
        parts += _section("Captions", Text("\n".join(f"- {_as_text(c)}" for c in record["captions"])), plain)
    if record.get("notes"):
        parts += _section("Notes", highlight(record, "notes", plain=plain), plain)
    if record.get("removed"):
        parts.append(_removed_table(record["removed"], plain))
    if record.get("fixes"):
        fixes = ", ".join(f"{name} {n}" for name, n in sorted(record["fixes"].items(), key=str))
        parts.append(Text(f"Fixes: {fixes}", style="" if plain else "dim"))
    for warning in record.get("warnings") or ():
        parts.append(Text(f"Warning: {_as_text(warning)}", style="" if plain else "yellow"))

    title = record_title(record, number)
    if plain:
        body = [Rule(title, characters="=", align="left", style="")]
        for part in parts:
            body += [Text(""), part]
        return Group(*body, Text(""))
    panel = Panel(Group(*_spaced(parts)), title=Text(title), title_align="left", box=box.ROUNDED,
                  border_style=_BORDER.get(str(record.get("kind")), "dim"), padding=(0, 1))
    return Group(panel, Text(""))


_BORDER = {"article": "cyan", "document": "white", "toc": "blue"}


def _spaced(parts: list[Any]) -> list[Any]:
    from rich.text import Text

    out: list[Any] = []
    for part in parts:
        if out:
            out.append(Text(""))
        out.append(part)
    return out


def parse_range(spec: str) -> tuple[int, int | None]:
    """``--range`` as ``(first, last)``: 1-based record numbers, both included, ``last`` None for "to the end".

    ``A:B`` is records A to B, ``A:`` from A on, ``:B`` the first B, ``N`` record N alone.

    >>> parse_range("3:7"), parse_range("3:"), parse_range(":2"), parse_range("5")
    ((3, 7), (3, None), (1, 2), (5, 5))
    >>> parse_range("7:3")
    Traceback (most recent call last):
    ...
    ValueError: range 7:3 is empty: the first record comes after the last
    """
    first_text, sep, last_text = spec.strip().partition(":")
    try:
        first = int(first_text) if first_text.strip() else 1
        last = (int(last_text) if last_text.strip() else None) if sep else first
    except ValueError:
        raise ValueError(f"range {spec!r} is not A:B, A:, :B or N (record numbers from 1)") from None
    if first < 1 or (last is not None and last < 1):
        raise ValueError(f"range {spec}: record numbers start at 1")
    if last is not None and last < first:
        raise ValueError(f"range {spec} is empty: the first record comes after the last")
    return first, last


def select(
    records: Any,
    *,
    kinds: tuple[str, ...] = (),
    ids: tuple[str, ...] = (),
    first: int = 1,
    last: int | None = None,
) -> Any:
    """Yield ``(number, record)`` for the records in range ``first..last`` (numbers count every record
    read, from 1, before the kind and id filters) whose kind is in ``kinds`` and id in ``ids`` (empty: any).

    Stops reading as soon as ``last`` is passed, so ``--range 1:3`` on a huge stream returns at once.

    >>> rs = [{"id": "a", "kind": "toc"}, {"id": "b", "kind": "article"}, {"id": "c", "kind": "article"}]
    >>> [(n, r["id"]) for n, r in select(rs, kinds=("article",))]
    [(2, 'b'), (3, 'c')]
    >>> [(n, r["id"]) for n, r in select(iter(rs), first=1, last=2, ids=("b", "c"))]
    [(2, 'b')]
    """
    for number, record in enumerate(records, start=1):
        if last is not None and number > last:
            return
        if number < first:
            continue
        if kinds and record.get("kind") not in kinds:
            continue
        if ids and record.get("id") not in ids:
            continue
        yield number, record
