"""Text helpers shared by the stages: lines with offsets, blocks, letter case, joining wrapped lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

_NEWLINE = regex.compile(r"\r\n|\r|\n")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*")
TERMINAL = frozenset(".?!…")
CLOSERS = frozenset("\"'”’)]»")


@dataclass(frozen=True)
class Line:
    """One line of a text: ``start``/``end`` bound its content (no line break, trailing spaces kept in
    ``raw`` only); ``next`` is where the following line starts."""

    start: int
    end: int
    next: int
    content: str  # stripped of trailing whitespace

    @property
    def blank(self) -> bool:
        return not self.content.strip()


def iter_lines(text: str) -> Iterator[Line]:
    """Lines of ``text`` with offsets; CRLF, CR and LF all end a line.

    >>> [(l.start, l.next, l.content) for l in iter_lines("a \\r\\nb\\n\\nc")]
    [(0, 4, 'a'), (4, 6, 'b'), (6, 7, ''), (7, 8, 'c')]
    """
    pos = 0
    length = len(text)
    for m in _NEWLINE.finditer(text):
        raw = text[pos : m.start()]
        yield Line(pos, m.start(), m.end(), raw.rstrip())
        pos = m.end()
    if pos < length:
        yield Line(pos, length, length, text[pos:].rstrip())


@dataclass
class Block:
    """A run of non-blank lines; ``gap_before`` counts the blank lines in front of it."""

    lines: list[Line]
    gap_before: int

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def first(self) -> str:
        return self.lines[0].content.strip()

    @property
    def joined(self) -> str:
        return join_wrapped([line.content for line in self.lines])

    def __len__(self) -> int:
        return len(self.lines)


def blocks_of(text: str) -> list[Block]:
    """Split ``text`` into blocks of non-blank lines.

    >>> [(b.joined, b.gap_before) for b in blocks_of("a\\nb\\n\\n\\nc\\n")]
    [('a b', 0), ('c', 2)]
    """
    blocks: list[Block] = []
    current: list[Line] = []
    gap = 0
    for line in iter_lines(text):
        if line.blank:
            if current:
                blocks.append(Block(current, gap))
                current, gap = [], 0
            gap += 1
        else:
            current.append(line)
    if current:
        blocks.append(Block(current, gap))
    return blocks


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


def words(text: str) -> list[str]:
    """Word tokens (letters/digits with inner apostrophes, dots and hyphens).

    >>> words("Ata-Jurt's 28 seats.")
    ["Ata-Jurt's", '28', 'seats.']
    """
    return _WORD.findall(text)


def letters_upper_ratio(text: str) -> float:
    """Share of letters that are capitals (1.0 for "KYRGYZ TALKS", 0 when there are no letters)."""
    upper = lower = 0
    for ch in text:
        if ch.isalpha():
            if ch.isupper():
                upper += 1
            elif ch.islower():
                lower += 1
    total = upper + lower
    return upper / total if total else 0.0


def is_caps(text: str, threshold: float = 0.85) -> bool:
    """Text set in capitals (at least four letters, nearly all upper case).

    >>> is_caps("KYRGYZ COALITION TALKS"), is_caps("Kyrgyz talks"), is_caps("UN")
    (True, False, False)
    """
    letters = sum(1 for ch in text if ch.isalpha())
    return letters >= 4 and letters_upper_ratio(text) >= threshold


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
    return " ".join(regex.findall(r"[\p{L}\p{N}]+", text.lower()))
