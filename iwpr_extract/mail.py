"""E-mail inputs: one ``.eml`` message or an mbox of many, read with the standard library's ``email``.

Each message becomes one ``document`` record whose ``text`` is the decoded body (text/plain preferred;
an HTML-only message is turned into text) and whose ``email`` field holds the subject, sender, date and
Message-ID.  Detection is deliberately strict: a newsletter whose first line happens to read
"Subject: ..." is prose, not mail, so several header lines must open the input, followed by a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Iterator

# A header field line ("Name: value"); continuation lines start with white space.
_FIELD = re.compile(rb"[!-9;-~]+:[ \t]?")
_CONTINUATION = re.compile(rb"[ \t]")
# Header names of mail.  Scraped pages may open with "Title:", "Date:", "Author:" lines, so at least two
# of these must be present, one of them a name no web page metadata uses (_ADDRESSING).
_MAIL_NAMES = frozenset(
    b"from to cc subject date message-id mime-version content-type received return-path "
    b"delivered-to reply-to sender x-mailer in-reply-to references".split()
)
_ADDRESSING = frozenset(
    b"from to cc message-id mime-version content-type received return-path delivered-to".split()
)
_MIN_FIELDS = 3
_HEAD_LINES = 200  # a header block longer than this is not worth sniffing further
# An mbox separator: "From " then the envelope sender, at the start of a line.
_MBOX_FROM = re.compile(rb"^From [^\r\n]*\r?\n", re.MULTILINE)


@dataclass
class Message:
    """One decoded message: its body text, metadata and the line its mbox separator is on (1 for .eml)."""

    text: str
    meta: dict[str, str | None]
    line: int
    warning: str | None = None  # why the message gives no document
    notes: list[str] = field(default_factory=list)  # decoding problems worth a warning


def _header_block_ok(lines: list[bytes]) -> bool:
    """Do ``lines`` open with at least three header fields, mail's among them, and then a blank line?"""
    fields = 0
    names: set[bytes] = set()
    for raw in lines[:_HEAD_LINES]:
        line = raw.rstrip(b"\r\n")
        if not line:
            mail = names & _MAIL_NAMES
            return fields >= _MIN_FIELDS and len(mail) >= 2 and bool(mail & _ADDRESSING)
        if _CONTINUATION.match(line):
            if not fields:
                return False
            continue
        match = _FIELD.match(line)
        if not match:
            return False
        fields += 1
        names.add(line[: match.end()].rstrip(b": \t").lower())
    return False


def sniff(head: bytes) -> str | None:
    """``"mbox"``, ``"eml"`` or None: what the start of an input says it is.

    >>> sniff(b"From: a@b.org\\nTo: c@d.org\\nSubject: Hi\\n\\nBody")
    'eml'
    >>> sniff(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\\nFrom: a@b.org\\nTo: c@d.org\\nSubject: Hi\\n\\nBody")
    'mbox'
    >>> sniff(b"Subject: the week in Central Asia\\n\\nBody") is None
    True
    >>> sniff(b"Title: Limited Refuge\\nDate: 6 July 2005\\nAuthor: Jo Bek\\n\\nBody") is None
    True
    """
    lines = head.splitlines(keepends=True)
    if not lines:
        return None
    if lines[0].startswith(b"From ") and _header_block_ok(lines[1:]):
        return "mbox"
    if _header_block_ok(lines):
        return "eml"
    return None


def split_mbox(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The messages of an mbox as (line number of its "From " separator, message bytes).

    A "From " line only separates messages at the start of the file or after a blank line, as mbox
    writers guarantee; elsewhere it is body text.

    >>> [(line, msg[:7]) for line, msg in split_mbox(b"From x\\nA: 1\\n\\nhi\\n\\nFrom y\\nB: 2\\n\\nyo\\n")]
    [(1, b'A: 1\\n\\nh'), (6, b'B: 2\\n\\ny')]
    """
    starts = [m for m in _MBOX_FROM.finditer(data) if m.start() == 0 or _blank_line_before(data, m.start())]
    for i, match in enumerate(starts):
        end = len(data)
        if i + 1 < len(starts):
            # the blank line before the next separator belongs to the mbox format, not to this message
            end = starts[i + 1].start() - 1
            if data[end - 1: end] == b"\r":
                end -= 1
        line = data.count(b"\n", 0, match.start()) + 1
        yield line, data[match.end(): end]


def _blank_line_before(data: bytes, pos: int) -> bool:
    return data.endswith(b"\n\n", 0, pos) or data.endswith(b"\n\r\n", 0, pos)


class _HtmlText(HTMLParser):
    """Text of an HTML body: block elements become line breaks, scripts and styles are dropped."""

    _BLOCK = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 blockquote pre table ul ol hr title".split())
    _SKIP = frozenset(("script", "style", "head"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


def html_to_text(html: str) -> str:
    """Plain text of an HTML body: paragraphs separated by a blank line, runs of spaces collapsed.

    >>> html_to_text("<html><style>p{}</style><p>One &amp; two</p><p>Three<br>four</p></html>")
    'One & two\\n\\nThree\\nfour'
    """
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    text = "\n".join(lines)
    text = _BLANKS.sub("\n\n", text)
    return text.strip("\n").replace("\n\n\n", "\n\n")


def _part_text(part: Any, notes: list[str]) -> str:
    """A text part's content, transfer encoding undone and charset decoded.

    A missing or "us-ascii" charset on 8-bit bytes is common in scraped mail: those bytes are read as
    UTF-8 (stray bytes as Windows-1252), like any raw input; an unknown charset also falls back to that.
    """
    payload = part.get_payload(decode=True)
    if payload is None:
        payload = str(part.get_payload()).encode("utf-8", "surrogateescape")
    charset = (part.get_content_charset() or "").lower()
    if charset and charset not in ("us-ascii", "ascii") and _known_codec(charset):
        try:
            return payload.decode(charset)
        except UnicodeDecodeError as exc:
            notes.append(f"body byte offset {exc.start}: not valid {charset}; replaced")
            return payload.decode(charset, errors="replace")
    if charset and charset not in ("us-ascii", "ascii"):
        notes.append(f"unknown charset {charset!r}; read as UTF-8")
    from .streams import decode_text

    return decode_text(payload, "", warn=lambda problem: notes.append(f"body {problem.message}"))


def _known_codec(name: str) -> bool:
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _meta(msg: Any) -> dict[str, str | None]:
    def header(name: str) -> str | None:
        try:
            value = msg.get(name)
        except Exception:  # a malformed header the policy cannot parse: keep the raw value
            value = msg.get_all(name, [None])[0] if hasattr(msg, "get_all") else None
        if value is None:
            return None
        return " ".join(str(value).split()) or None

    date = header("Date")
    if date:
        from email.utils import parsedate_to_datetime

        try:
            date = parsedate_to_datetime(date).isoformat()
        except (TypeError, ValueError, IndexError):
            pass  # keep it as printed
    return {"subject": header("Subject"), "from": header("From"), "date": date,
            "message_id": header("Message-ID")}


def parse_message(data: bytes, line: int = 1) -> Message:
    """Decode one message: body text (text/plain preferred, else HTML as text) and its metadata.

    >>> m = parse_message(b"From: A <a@b.org>\\nSubject: =?utf-8?q?Caf=C3=A9?=\\n"
    ...                   b"Content-Transfer-Encoding: quoted-printable\\n\\nOne =E2=80=93 two\\n")
    >>> m.meta["subject"], m.text
    ('Café', 'One – two\\n')
    """
    import email
    from email import policy

    msg = email.message_from_bytes(data, policy=policy.default)
    body = msg.get_body(preferencelist=("plain", "html"))
    warning = None
    notes: list[str] = []
    if body is None:
        text = ""
        warning = "message has no text or HTML part"
    elif body.get_content_type() == "text/html":
        text = html_to_text(_part_text(body, notes))
    else:
        text = _part_text(body, notes)
    return Message(text.replace("\r\n", "\n"), _meta(msg), line, warning, notes)


def read_mail(data: bytes, kind: str) -> Iterator[Message]:
    """The messages of an input that ``sniff`` called ``kind`` (``"eml"`` or ``"mbox"``)."""
    if kind == "mbox":
        for line, chunk in split_mbox(data):
            yield parse_message(chunk, line)
    else:
        yield parse_message(data, 1)
