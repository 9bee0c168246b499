"""Exit codes and the exceptions that carry them.

Every failure the tool reports is one line on stderr naming the input (and line, for JSON Lines), and
one of these exit codes.  The codes are part of the documented interface: scripts test them.
"""

from __future__ import annotations

OK = 0
DIFFERENCES = 1  # `iwpr check` / `iwpr validate` found differences or violations
USAGE = 2  # bad options, no input on a terminal
BAD_DATA = 3  # an input was read but its content is unusable (malformed JSON, binary data, missing field)
UNREADABLE = 4  # an input could not be opened or read (missing file, permission, directory)
IO_ERROR = 5  # writing the output failed (disk full...); a closed pipe is not an error
INTERNAL = 70  # a bug in iwpr (EX_SOFTWARE); --debug shows the traceback
INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

EXIT_CODES = {
    OK: "success",
    DIFFERENCES: "differences found (check, validate)",
    USAGE: "usage error, or no input given on a terminal",
    BAD_DATA: "bad input data (malformed JSON Lines, binary input, a missing field, undecodable text with --strict)",
    UNREADABLE: "an input could not be read (missing file, permission denied)",
    IO_ERROR: "output could not be written",
    INTERNAL: "internal error (a bug in iwpr; --debug shows the traceback)",
    INTERRUPTED: "interrupted (Ctrl-C)",
}


class IwprError(Exception):
    """An error about one input, reported as ``SOURCE:LINE: message``.

    >>> str(IwprError("not JSON", source="a.jsonl", line=3))
    'a.jsonl:3: not JSON'
    """

    exit_code = BAD_DATA

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def where(self) -> str:
        if self.source is None:
            return ""
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class BadInput(IwprError):
    """The input was read but cannot be used (malformed JSON, binary data, missing field)."""

    exit_code = BAD_DATA


class UnreadableInput(IwprError):
    """The input could not be opened or read."""

    exit_code = UNREADABLE
