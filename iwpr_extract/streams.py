"""Reading inputs: files or stdin, raw text or JSON Lines, told apart automatically.

An input whose first non-blank line is a JSON object is read as JSON Lines, one record a line, streamed
so memory stays flat.  Anything else is one raw document, decoded as UTF-8 (a BOM is dropped; bytes that
are not UTF-8 are read as Windows-1252 where that explains them) and turned into a ``document`` record.
"""

from __future__ import annotations

import codecs
import json
import sys
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .errors import BadInput, IwprError, UnreadableInput
from .records import document_record, loads

STDIN = "-"
_BOM = codecs.BOM_UTF8
_SNIFF_BYTES = 8192


class Item:
    """One record read from an input, with where it came from (``line`` is None for raw documents).

    A plain class, not a dataclass: ``dataclasses`` costs about a millisecond of every start-up.
    """

    __slots__ = ("record", "source", "line")

    def __init__(self, record: dict[str, Any], source: str, line: int | None = None) -> None:
        self.record, self.source, self.line = record, source, line

    def __repr__(self) -> str:
        return f"Item(record={self.record!r}, source={self.source!r}, line={self.line!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Item):
            return NotImplemented
        return (self.record, self.source, self.line) == (other.record, other.source, other.line)


if TYPE_CHECKING:  # annotations only; not built at run time
    Warn = Callable[[IwprError], None]


class _Cp1252Fallback:
    """Codec error handler: a stray byte in UTF-8 text becomes its Windows-1252 character.

    Mixed files (UTF-8 with a few Windows-1252 bytes pasted in) are common in mail archives; decoding the
    whole file as Windows-1252 would turn every correct UTF-8 sequence into mojibake.
    """

    def __init__(self) -> None:
        self.first_offset: int | None = None
        self.count = 0
        self.unexplained = 0

    def __call__(self, err: UnicodeDecodeError) -> tuple[str, int]:
        bad = err.object[err.start : err.end]
        if self.first_offset is None:
            self.first_offset = err.start
        self.count += len(bad)
        out = []
        for byte in bad:
            try:
                out.append(bytes([byte]).decode("cp1252"))
            except UnicodeDecodeError:
                self.unexplained += 1
                out.append("\ufffd")
        return "".join(out), err.end


def decode_text(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    strict: bool = False,
    warn: Warn | None = None,
) -> str:
    """Decode a raw input: UTF-8 (BOM dropped), stray bytes as Windows-1252, or ``encoding`` if given.

    >>> decode_text("caf\\u00e9".encode(), "a.txt")
    'café'
    >>> decode_text(b"\\x93quoted\\x94", "a.txt", warn=lambda e: None)
    '“quoted”'
    """
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    elif encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise BadInput(f"unknown encoding {encoding!r}", source) from None
        except UnicodeDecodeError as exc:
            if strict:
                raise BadInput(f"byte offset {exc.start}: not valid {encoding}", source) from None
            if warn:
                warn(BadInput(f"byte offset {exc.start}: not valid {encoding}; replaced", source))
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if strict:
            raise BadInput(f"byte offset {exc.start}: not valid UTF-8 (use --encoding)", source) from None
    handler = _Cp1252Fallback()
    name = f"iwpr-cp1252-{id(handler)}"
    codecs.register_error(name, handler)
    text = data.decode("utf-8", errors=name)
    if warn:
        how = "read as Windows-1252" if not handler.unexplained else "read as Windows-1252 or replaced"
        warn(BadInput(f"byte offset {handler.first_offset}: {handler.count} byte(s) not UTF-8, {how}", source))
    return text


def _looks_like_jsonl(first_line: bytes) -> bool:
    stripped = first_line.strip()
    if stripped.startswith(_BOM):
        stripped = stripped[len(_BOM) :].strip()
    if not stripped.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(stripped), dict)
    except ValueError:
        return False


def _first_nonblank_line(stream: IO[bytes]) -> tuple[bytes, bytes]:
    """Read up to and including the first non-blank line; return (everything read, that line)."""
    head = b""
    while True:
        line = stream.readline()
        head += line
        if not line or line.strip():
            return head, line


def read_stream(
    stream: IO[bytes],
    source: str,
    *,
    encoding: str | None = None,
    strict: bool = False,
    skip_bad: bool = False,
    warn: Warn | None = None,
    error: Warn | None = None,
) -> Iterator[Item]:
    """Yield the records of one input stream (raw document or JSON Lines).

    Problems with one line of JSON Lines go to ``error`` (or ``warn`` with ``skip_bad``) and reading goes
    on, so good records around a bad line are never lost.  A problem with the whole input raises.
    """
    head, first = _first_nonblank_line(stream)
    if first and _looks_like_jsonl(first):
        yield from _read_jsonl(head, stream, source, skip_bad=skip_bad, warn=warn, error=error)
        return
    data = head + stream.read()
    _refuse_binary(data, source, nul_ok=encoding is not None)
    kind = _mail_kind(data, source) if encoding is None else None
    if kind:
        yield from _read_mail(data, source, kind, strict=strict, warn=warn, error=error)
        return
    text = decode_text(data, source, encoding=encoding, strict=strict, warn=warn)
    yield Item(document_record(text, source), source, None)


# Leading bytes of binary formats found among scraped files and mail attachments.
_MAGIC = (
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _refuse_binary(data: bytes, source: str, *, nul_ok: bool = False) -> None:
    """Raise ``BadInput`` for data that is not text: known binary formats, or NUL bytes.

    UTF-16 text (which is full of NUL bytes) is recognised by its BOM and let through; with ``nul_ok``
    (an ``--encoding`` was given, perhaps UTF-16 without a BOM) NUL bytes are the codec's business.

    >>> _refuse_binary(b"\\x1f\\x8b\\x08\\x00", "a.gz")
    Traceback (most recent call last):
    iwpr_extract.errors.BadInput: a.gz: binary data (a gzip archive), not text; skipped
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BadInput(f"binary data ({what}), not text; skipped", source)
    if data[:3] == b"BZh" and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
        raise BadInput("binary data (a bzip2 archive), not text; skipped", source)
    if nul_ok or data.startswith(_UTF16_BOMS):
        return
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BadInput(f"binary data (NUL byte at byte offset {nul}), not text; skipped", source)


def _mail_kind(data: bytes, source: str) -> str | None:
    """``"eml"``/``"mbox"`` for mail, else None: a file by its extension, stdin by its opening lines.

    A text file that merely starts with headers (a saved mail archive, ``x.txt``) stays raw text: split
    reads such archives as printed, so ``--all`` can give back the exact bytes.
    """
    lower = source.lower()
    if lower.endswith(".mbox"):
        return "mbox"
    if source != STDIN and not lower.endswith(".eml"):
        return None
    from . import mail

    sniffed = mail.sniff(data[: _SNIFF_BYTES * 8])
    if sniffed is None and source != STDIN:
        return "eml"
    return sniffed


def _read_mail(data: bytes, source: str, kind: str, *, strict: bool, warn: Warn | None,
               error: Warn | None) -> Iterator[Item]:
    """One ``document`` record per message, with its ``email`` metadata; an mbox's ids are SOURCE#N.

    A body that needed guessing (stray bytes, unknown charset) is a warning, or with ``strict`` an error
    that skips that message only.
    """
    from .mail import read_mail

    for number, message in enumerate(read_mail(data, kind)):
        line = message.line if kind == "mbox" else None
        if strict and message.notes:
            problem = BadInput(f"{message.notes[0]} (--strict); message skipped", source, line)
            if error is None:
                raise problem
            error(problem)
            continue
        for note in message.notes:
            if warn:
                warn(BadInput(note, source, line))
        if message.warning:
            if warn:
                warn(BadInput(f"{message.warning}; skipped", source, line))
            continue
        doc_id = f"{source}#{number}" if kind == "mbox" else source
        record = document_record(message.text, source, doc_id)
        record["email"] = message.meta
        yield Item(record, source, line)


def _read_jsonl(
    head: bytes,
    stream: IO[bytes],
    source: str,
    *,
    skip_bad: bool,
    warn: Warn | None,
    error: Warn | None,
) -> Iterator[Item]:
    lines: Iterable[bytes] = _chain_lines(head, stream)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
            if number == 1 and text.startswith("\ufeff"):
                text = text[1:]
            record = loads(text)
        except (UnicodeDecodeError, ValueError) as exc:
            problem = BadInput(f"not a JSON record ({_short_reason(exc)})", source, number)
            _report(problem, skip_bad, warn, error)
            continue
        if not isinstance(record, dict):
            _report(BadInput("not a JSON object", source, number), skip_bad, warn, error)
            continue
        yield Item(record, source, number)


def _chain_lines(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    yield from head.splitlines(keepends=True)
    yield from stream


def _short_reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, UnicodeDecodeError):
        return f"byte {exc.start} is not UTF-8"
    return str(exc)


def _report(problem: IwprError, skip_bad: bool, warn: Warn | None, error: Warn | None) -> None:
    if skip_bad:
        if warn:
            warn(problem)
    elif error:
        error(problem)
    else:
        raise problem


def open_input(path: str) -> IO[bytes]:
    """Open an input for binary reading; ``-`` is stdin."""
    if path == STDIN:
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except IsADirectoryError:
        raise UnreadableInput("is a directory", path) from None
    except FileNotFoundError:
        raise UnreadableInput("no such file", path) from None
    except PermissionError:
        raise UnreadableInput("permission denied", path) from None
    except OSError as exc:
        raise UnreadableInput(exc.strerror or str(exc), path) from None


def read_inputs(
    paths: Iterable[str],
    *,
    encoding: str | None = None,
    strict: bool = False,
    skip_bad: bool = False,
    warn: Warn | None = None,
    error: Warn | None = None,
) -> Iterator[Item]:
    """Yield the records of every input in turn; an input that fails goes to ``error`` and is skipped.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt")
    >>> _ = open(p, "w").write("Some text")
    >>> [item.record["kind"] for item in read_inputs([p])]
    ['document']
    """
    for path in paths:
        try:
            stream = open_input(path)
        except IwprError as exc:
            if error is None:
                raise
            error(exc)
            continue
        try:
            yield from read_stream(
                stream, path, encoding=encoding, strict=strict, skip_bad=skip_bad, warn=warn, error=error
            )
        except IwprError as exc:
            if error is None:
                raise
            error(exc)
        except OSError as exc:
            problem = UnreadableInput(exc.strerror or str(exc), path)
            if error is None:
                raise problem from None
            error(problem)
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
