"""Text helpers shared by the stages: lines with offsets, blocks, letter case, joining wrapped lines."""

from __future__ import annotations

import re

from typing import Any, Iterator

class LazyPattern:
    """A pattern compiled on first use: every ``iwpr`` process pays for the patterns it compiles at
    import, and most runs need only some of them.  Methods are looked up once, then cached.

    >>> DIGITS = LazyPattern(r"\\d+")
    >>> DIGITS.findall("a1b22")
    ['1', '22']
    """

    def __init__(self, pattern: str, flags: int = 0, *, engine: str = "regex") -> None:
        self.pattern = pattern
        self.flags = flags
        self._engine = engine

    def compiled(self):  # noqa: ANN201 - regex.Pattern or re.Pattern
        if self._engine == "regex":
            import regex  # lazy: a stage whose patterns all use ``re`` (clean) never pays for it

            return regex.compile(self.pattern, self.flags)
        return re.compile(self.pattern, self.flags)

    def __getattr__(self, name: str):  # noqa: ANN204 - only called for attributes not yet cached
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value


_NEWLINE = LazyPattern(r"\r\n|\r|\n")
_UPPER = LazyPattern(r"\p{Lu}")
_LOWER = LazyPattern(r"\p{Ll}")
_ALNUM_RUN = LazyPattern(r"[\p{L}\p{N}]+")
TERMINAL = frozenset(".?!…")
CLOSERS = frozenset("\"'”’)]»")


class Line:
    """One line of a text: ``start``/``end`` bound its content (no line break), ``next`` is where the
    following line starts, ``content`` is the line without trailing white space."""

    __slots__ = ("start", "end", "next", "content")

    def __init__(self, start: int, end: int, next: int, content: str) -> None:
        self.start, self.end, self.next, self.content = start, end, next, content

    def __repr__(self) -> str:
        return f"Line({self.start}, {self.end}, {self.next}, {self.content!r})"

    @property
    def blank(self) -> bool:
        return not self.content or self.content.isspace()


def iter_lines(text: str, offset: int = 0) -> Iterator[Line]:
    """Lines of ``text`` with offsets (plus ``offset``: where ``text`` starts in a larger text); CRLF, CR
    and LF all end a line.

    >>> [(l.start, l.next, l.content) for l in iter_lines("a \\r\\nb\\n\\nc")]
    [(0, 4, 'a'), (4, 6, 'b'), (6, 7, ''), (7, 8, 'c')]
    >>> [(l.start, l.end, l.next) for l in iter_lines("ab\\nc", 10)]
    [(10, 12, 13), (13, 14, 14)]
    """
    length = len(text)
    if "\r" not in text:  # the common case, several times faster than a pattern
        pos = 0
        for raw in text.split("\n"):
            end = pos + len(raw)
            if end == length and not raw:
                break
            yield Line(pos + offset, end + offset, min(end + 1, length) + offset, raw.rstrip())
            pos = end + 1
        return
    pos = 0
    for m in _NEWLINE.finditer(text):
        yield Line(pos + offset, m.start() + offset, m.end() + offset, text[pos : m.start()].rstrip())
        pos = m.end()
    if pos < length:
        yield Line(pos + offset, length + offset, length + offset, text[pos:].rstrip())


class Block:
    """A run of non-blank lines of ``source[start:end]``; ``gap_before`` counts the blank lines in
    front of it.  Lines are split out only when asked for: most blocks are judged by their first line,
    their size and their joined text.  ``scan`` is whatever a stage learnt from one pass over the whole
    text (split's cue positions), shared by all the blocks of that text; None if nothing was attached."""

    __slots__ = ("source", "start", "end", "gap_before", "scan", "_joined", "_lines", "_first", "_count", "__dict__")

    def __init__(self, source: str, start: int, end: int, gap_before: int, scan: Any = None) -> None:
        self.source = source
        self.start = start
        self.end = end
        self.gap_before = gap_before
        self.scan = scan
        self._joined: str | None = None
        self._lines: list[Line] | None = None
        self._first: str | None = None
        self._count = 0

    @property
    def raw(self) -> str:
        return self.source[self.start : self.end]

    @property
    def lines(self) -> list[Line]:
        if self._lines is None:
            self._lines = list(iter_lines(self.raw, self.start))
        return self._lines

    @property
    def first(self) -> str:
        """The first line, stripped."""
        if self._first is not None:
            return self._first
        raw = self.source
        cut = raw.find("\n", self.start, self.end)
        line = raw[self.start : cut if cut != -1 else self.end]
        if "\r" in line:
            line = line.split("\r", 1)[0]
        self._first = line.strip()
        return self._first

    @property
    def chars(self) -> int:
        """Length of the block in the source, line breaks included."""
        return self.end - self.start

    @property
    def joined(self) -> str:
        """The lines joined as one line (see ``join_wrapped``)."""
        if self._joined is None:
            raw = self.raw
            if "-\n" in raw or "-\r" in raw or "- \n" in raw or "- \r" in raw or "-\t" in raw:
                self._joined = join_wrapped([line.content for line in self.lines])
            else:
                self._joined = " ".join(raw.split())
        return self._joined

    def __len__(self) -> int:
        if not self._count:
            # counted in the source, not in a copy of the block
            src, start, end = self.source, self.start, self.end
            self._count = src.count("\n", start, end) + (src.count("\r", start, end) - src.count("\r\n", start, end)) + 1
        return self._count


# What a blank line may hold: white space in Python's sense (tabs, no-break and other Unicode spaces)
# but not a line break, zero-width spaces and BOMs, and the "&nbsp;" entities that HTML-to-text scrapes
# leave on spacer lines ("<p>&nbsp;</p>").  One character or entity per repetition: no nested quantifier.
_BLANK_ITEM = (
    "(?:[ \t\f\v\x1c-\x1f\x85\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]"
    "|&nbsp;|&#160;)"
)
# Line breaks with blank lines between them: what separates two blocks.
# Starting on a literal "\n" lets the engine skip ahead to the next line break instead of trying every
# position (five times faster on long texts); a CR before it is trimmed off the block's end.
_SEPARATOR_LF = re.compile(rf"\n(?:{_BLANK_ITEM}*\r?\n)+")
# a CR followed by LF is one line break, never a CR line and an LF line
_SEPARATOR_ANY = re.compile(rf"(?:\r\n|\r(?!\n)|\n)(?:{_BLANK_ITEM}*(?:\r\n|\r(?!\n)|\n))+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK_TEXT = re.compile(rf"(?:{_BLANK_ITEM}|\r|\n)*")
_LEADING_BLANK_LINES = re.compile(rf"(?:{_BLANK_ITEM}*(?:\r\n|\r|\n))+")


def blocks_of(text: str, scan: Any = None) -> list[Block]:
    """Split ``text`` into blocks of non-blank lines.

    >>> [(b.joined, b.gap_before, len(b)) for b in blocks_of("a\\nb\\n\\n\\nc\\n")]
    [('a b', 0, 2), ('c', 2, 1)]
    >>> [(b.start, b.end, b.gap_before) for b in blocks_of(" \\r\\nx \\r\\n\\r\\ny")]
    [(3, 4, 1), (9, 10, 1)]
    >>> [(b.raw, b.gap_before) for b in blocks_of("a\\n\\u00a0\\n&nbsp;\\nb\\n\\u200b")]
    [('a', 0), ('b', 2)]

    ``scan`` is attached to every block (see ``Block``).
    """
    # Lone CRs (old Mac files) need the slower pattern; CRLF and LF share the fast one.
    lone_cr = "\r" in text and _has_lone_cr(text)
    separator = _SEPARATOR_ANY if lone_cr else _SEPARATOR_LF
    blocks: list[Block] = []
    pos = 0
    gap = 0
    for m in separator.finditer(text):
        if pos == 0:
            # only the first chunk can be blank or start with blank lines: separators are maximal, so
            # every later chunk starts with a non-blank line
            if _add_block(blocks, text, pos, m.start(), gap, scan):
                gap = 0
            else:
                gap += 1  # the chunk was a blank line of its own
        else:
            blocks.append(Block(text, pos, _trim_line_end(text, pos, m.start()), gap, scan))
            gap = 0
        found = m.group()
        gap += (len(_LINE_BREAK.findall(found)) if lone_cr else found.count("\n")) - 1
        pos = m.end()
    _add_block(blocks, text, pos, len(text), gap, scan)
    return blocks


def _add_block(blocks: list[Block], text: str, start: int, end: int, gap: int, scan: Any) -> bool:
    """Add ``text[start:end]`` (the text's first or last chunk) as a block unless it is blank; say
    whether it was added."""
    if _BLANK_TEXT.fullmatch(text, start, end):
        return False
    # blank lines at the very start of the text come before the first block
    lead = _LEADING_BLANK_LINES.match(text, start, end)
    if lead:
        gap += len(_LINE_BREAK.findall(lead.group()))
        start = lead.end()
    blocks.append(Block(text, start, _trim_blank_lines(text, start, end), gap, scan))
    return True


def _has_lone_cr(text: str) -> bool:
    return text.count("\r") != text.count("\r\n")


def _trim_line_end(text: str, start: int, end: int) -> int:
    """Move ``end`` back over the line break(s) and trailing spaces that close a block."""
    while end > start and text[end - 1] in " \t\f\v\r\n":
        end -= 1
    return end


def _trim_blank_lines(text: str, start: int, end: int) -> int:
    """``_trim_line_end``, and over the blank lines that end the text with no line break after them
    (a last line of "&nbsp;" is not a separator)."""
    end = _trim_line_end(text, start, end)
    cut = max(text.rfind("\n", start, end), text.rfind("\r", start, end))
    while cut >= start and _BLANK_TEXT.fullmatch(text, cut + 1, end):
        end = _trim_line_end(text, start, cut)
        cut = max(text.rfind("\n", start, end), text.rfind("\r", start, end))
    return end


def join_wrapped(lines: list[str]) -> str:
    """Join hard-wrapped lines into one line: single spaces; a line ending in a hyphen after a letter
    joins without a space (the hyphen is kept: "Ata-" + "Jurt" is a real hyphen more often than not).

    >>> join_wrapped(["the  Ata-", "Jurt party ", " won"])
    'the Ata-Jurt party won'
    """
    out = ""
    for line in lines:
        piece = " ".join(line.split())
        if not piece:
            continue
        if not out:
            out = piece
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += piece
        else:
            out += " " + piece
    return out


_ASCII_CAPITALS = bytes(range(0x41, 0x5B))
_ASCII_SMALL = bytes(range(0x61, 0x7B))
_ASCII = bytes(range(0x80))


def _case_counts(text: str) -> tuple[int, int]:
    """(capital letters, small letters) in ``text``: Unicode categories Lu and Ll.

    ASCII letters are counted by deleting bytes from the UTF-8 encoding (no multi-byte sequence holds
    an ASCII byte), the few other letters by pattern: eight times faster than a pattern over the text.

    >>> _case_counts("Ärger in OSH, “ja”")
    (4, 8)
    """
    raw = text.encode("utf-8", "surrogatepass")
    upper = len(raw) - len(raw.translate(None, _ASCII_CAPITALS))
    lower = len(raw) - len(raw.translate(None, _ASCII_SMALL))
    if not text.isascii():
        others = raw.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        upper += len(_UPPER.findall(others))
        lower += len(_LOWER.findall(others))
    return upper, lower


def letters_upper_ratio(text: str) -> float:
    """Share of letters that are capitals (1.0 for "KYRGYZ TALKS", 0 when there are no letters).

    >>> letters_upper_ratio("KYRGYZ kyrgyz")
    0.5
    """
    upper, lower = _case_counts(text)
    return upper / (upper + lower) if upper + lower else 0.0


CAPS_SAMPLE = 400  # is_caps judges a long text by its start: a headline is short


def is_caps(text: str, threshold: float = 0.85) -> bool:
    """Text set in capitals (at least four letters, nearly all upper case).

    >>> is_caps("KYRGYZ COALITION TALKS"), is_caps("Kyrgyz talks"), is_caps("UN")
    (True, False, False)
    """
    upper, lower = _case_counts(text[:CAPS_SAMPLE])
    return upper + lower >= 4 and upper >= threshold * (upper + lower)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (terminal punctuation, maybe inside closing quotes).

    >>> ends_sentence('he said.”'), ends_sentence("general economic")
    (True, False)
    """
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in TERMINAL


def normalize_for_match(text: str) -> str:
    """Lower-case letters and digits only, single-spaced: for comparing the same text printed twice.

    >>> normalize_for_match("Parties  struggle -- to forge.")
    'parties struggle to forge'
    """
    return " ".join(_ALNUM_RUN.findall(text.lower()))
