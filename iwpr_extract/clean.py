"""``clean``: scraped text repaired (encoding, whitespace, wrapping, e-mail and web remnants), nothing lost
silently.

Each repair is a small named fixer; ``explain_text`` runs them in order and reports how often each one
changed something (``fixes``) and every piece of text it took out (``removed``, with a reason).  Removal is
conservative: ambiguous text is kept, because losing article prose is worse than keeping chrome.

Order matters: transfer encodings first (quoted-printable, HTML entities, mojibake), then characters and
spaces, then e-mail and web remnants (which need the original line structure), then paragraphs.

>>> clean_text("The big red fox\\nis walking down the lane.\\n\\n\\nIt caf\\u00c3\\u00a9 be-\\ntween us.")
'The big red fox is walking down the lane.\\n\\nIt café between us.'
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, fields
from functools import lru_cache
from itertools import chain
from typing import Any, Callable

from . import datafiles
from .errors import BadInput
from .textutil import LazyPattern


def _re(pattern: str, flags: int = 0) -> LazyPattern:
    """A stdlib ``re`` pattern compiled on first use (no pattern here needs the ``regex`` module)."""
    return LazyPattern(pattern, flags, engine="re")


# --- options and results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanOptions:
    """What ``clean_text`` repairs; every repair is on by default except ``ascii_punct``.

    - ``encoding``: quoted-printable leftovers, HTML entities, mojibake, C1 controls, ligatures, NFC.
    - ``whitespace``: line endings, control and zero-width characters, odd spaces, space runs, trailing
      spaces, runs of blank lines.
    - ``email``: reply quotes with their "On ... wrote:" lines, "Original Message" and Outlook header
      blocks, forwarded-message headers, signatures (removed); quote markers of a quoted part that is the
      substance of the message (removed, text kept).
    - ``boilerplate``: web chrome lines, related-links sections, legal disclaimers, mailing-list footers.
    - ``paragraphs``: hard-wrapped lines joined, words hyphenated at a line end rejoined, double-spaced
      scrapes regrouped into paragraphs; structured lines (lists, addresses, Q&A turns) kept.
    - ``ascii_punct``: curly quotes, dashes and ellipses to ASCII.
    """

    encoding: bool = True
    whitespace: bool = True
    email: bool = True
    boilerplate: bool = True
    paragraphs: bool = True
    ascii_punct: bool = False


@dataclass
class CleanResult:
    """The cleaned text, how often each fixer fired, and what was removed (``{text, reason}``)."""

    text: str
    fixes: dict[str, int] = field(default_factory=dict)
    removed: list[dict[str, str]] = field(default_factory=list)


class _Log:
    """What one run did (``fixes``, ``removed``), and the lines of the text the last step left: most steps
    hand the next one its text unchanged, and splitting a long text into lines is not free."""

    __slots__ = ("fixes", "removed", "_text", "_lines", "plain", "mojibake_seen")

    def __init__(self) -> None:
        self.fixes: Counter[str] = Counter()
        self.removed: list[dict[str, str]] = []
        self._text: str | None = None
        self._lines: list[str] = []
        self.plain: str | None = None  # a text known to hold no control characters and no odd spaces
        self.mojibake_seen = False  # the mojibake step found a suspicious line

    def lines(self, text: str) -> list[str]:
        """``text.split("\\n")``, shared by the steps that get this very text: the caller must not change it."""
        if self._text is not text:
            self._text, self._lines = text, text.split("\n")
        return self._lines

    def join(self, lines: list[str]) -> str:
        """``"\\n".join(lines)``, remembered as the lines of the result (not to be changed after)."""
        text = "\n".join(lines)
        self._text, self._lines = text, lines
        return text

    def fix(self, name: str, count: int = 1) -> None:
        if count:
            self.fixes[name] += count

    def remove(self, text: str, reason: str) -> None:
        text = text.strip("\n")
        if text.strip():
            self.removed.append({"text": text, "reason": reason})
            self.fixes[reason] += 1


def _options(options: dict[str, Any]) -> CleanOptions:
    known = {f.name for f in fields(CleanOptions)}
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"unknown clean option(s): {', '.join(unknown)}")
    return CleanOptions(**options)


# --- data ------------------------------------------------------------------------------------------------


def _data_lines(name: str) -> list[list[str]]:
    text = datafiles.read_text(os.path.join("clean", name))
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def _words() -> frozenset[str]:
    import gzip  # lazy: only dehyphenation needs the word list

    with open(datafiles.data_path(os.path.join("clean", "words.txt.gz")), "rb") as handle:
        data = handle.read()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


@lru_cache(maxsize=None)
def _markers() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for kind, phrase in _data_lines("email_markers.tsv"):
        out.setdefault(kind, []).append(phrase)
    return out


def _alt(phrases: list[str]) -> str:
    """The alternation of ``phrases``, longest first; a space matches any run of spaces, "#" a number."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+").replace(r"\#", r"\d+")
                    for p in sorted(phrases, key=len, reverse=True))


def _trie_alt(phrases: list[str], space: str = r"\s+") -> str:
    """The alternation of ``phrases`` (lower case) as a trie, longest match first, a space matching
    ``space``: at a line start the engine tries one branch a first letter, not every phrase.

    >>> re.fullmatch(_trie_alt(["to unsubscribe", "to unsubscribe from this list", "unsubscribe:"]), "to  unsubscribe")
    <re.Match object; span=(0, 15), match='to  unsubscribe'>
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [(space if ch == " " else r"\d+" if ch == "#" else re.escape(ch)) + emit(node[ch])
                for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=None)
def _email_patterns() -> dict[str, re.Pattern[str]]:
    m = _markers()
    field_names = {k: _alt(m[k]) for k in ("from", "sent", "to", "subject", "cc")}
    return {
        # "On DATE, NAME <addr> wrote:" and its translations; the verb ends the header (Dutch "schreef"
        # and Gmail's "DATE NAME <addr>:" put the colon after the address instead).
        "wrote_end": re.compile(rf"(?:\b(?:{_alt(m['wrote'])})\s*:|>\s*:|\)\s*:)\s*$", re.I),
        "wrote_verb_end": re.compile(rf"\b(?:{_alt(m['wrote'])})\s*:\s*$", re.I),
        "wrote_verb": re.compile(rf"\b(?:{_alt(m['wrote'])})\b", re.I),
        "wrote_dashes": re.compile(rf"^-{{2,}}\s*(.{{1,160}}?)\s(?:{_alt(m['wrote'])})\s*-{{2,}}\s*$", re.I),
        "midline_on": re.compile(rf"^(.*?\S)(?:\s+|-{{2,}}\s*)(On\s.{{5,250}}?\b(?:{_alt(m['wrote'])})\s*:)\s*$"),
        "original": re.compile(rf"^\s*-{{2,}}\s*(?:{_alt(m['original'])})\s*-{{2,}}\s*$", re.I),
        # (Lotus Notes names the forwarder and the time: "----- Forwarded by Jo Doe/Org on 14/03/2000 09:12 -----")
        "forward": re.compile(rf"^\s*(?:>\s*)?(?:-{{2,}}\s*(?:{_alt(m['forward'])})(?P<who>\s[^\n]{{1,160}}?)?\s*-{{2,}}"
                              rf"|(?:{_alt(m['forward'])})\s*:)\s*$", re.I),
        "digest": re.compile(rf"^\s*(?:{_alt(m['digest'])})\s*$", re.I),
        "field": re.compile(
            rf"^\s*(?:>\s*)?\*?(?:(?P<from>{field_names['from']})|(?P<sent>{field_names['sent']})"
            rf"|(?P<to>{field_names['to']})|(?P<subject>{field_names['subject']})|(?P<cc>{field_names['cc']}))"
            rf"\*?\s?:\*?(?:\s|$)", re.I),
    }


@lru_cache(maxsize=None)
def _boilerplate() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"line": {}, "prefix": {}, "section": {}, "ad": {}, "nav": {}, "bar": {}, "button": {},
                                      "banner": {}, "toc": {}, "topic": {}}
    for reason, how, phrase in _data_lines("boilerplate.tsv"):
        out[how][phrase.strip().casefold()] = reason
    out["nav"].update(out["bar"])  # a share item is a site item too
    return out


@lru_cache(maxsize=None)
def _line_openings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The openings of the whole-line phrases holding a number ("there are " of "There are # messages in
    this issue."), and the topic-line phrases: tuples for one ``str.startswith`` test a candidate line."""
    bp = _boilerplate()
    return tuple(sorted({k.split("#", 1)[0] for k in bp["line"] if "#" in k})), tuple(sorted(bp["topic"]))


@lru_cache(maxsize=None)
def _prefix_pattern() -> re.Pattern[str]:
    bp = _boilerplate()
    return re.compile(_alt([*bp["prefix"], *bp["banner"]]), re.I)


@lru_cache(maxsize=None)
def _boilerplate_candidates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Whole-text patterns finding every line ``fix_boilerplate`` may act on (and a few more): one over the
    case-folded text for whole-line phrases and share items, one over the text for prefixes and footer rules."""
    bp = _boilerplate()
    # (with the Home items a site menu one item a line opens with, "IWPR Home")
    whole_keys = {**bp["line"], **bp["section"], **bp["bar"], **bp["toc"],
                  **{k: v for k, v in bp["nav"].items() if _HOME_WORD.search(k)}}
    keys = _trie_alt(sorted(whole_keys), " ")
    # a line start spelled "\n" (the text gets one in front): a literal the engine skips to, where "^" with
    # re.M would be tried at every character
    firsts = "".join(sorted({re.escape(k[0]) for k in whole_keys}))
    whole = re.compile(rf"\n[^\S\n]*(?=[{firsts}]){keys}[^\S\n]*(?=\n)")
    # (the prefixes' first letters looked ahead for first: the alternation is then tried on few lines)
    # (with the opening of a pipermail page's last line, "More information about the X mailing list")
    openings = sorted({*bp["prefix"], *bp["banner"], *bp["topic"], "more information about the"})
    prefix_firsts = "".join(sorted({re.escape(k[0]) for k in openings}))
    starts = re.compile(rf"\n(?:[^\S\n]*(?=[{prefix_firsts}]){_trie_alt(openings)}|_{{20}})", re.I)
    return whole, starts


@lru_cache(maxsize=None)
def _ad_pattern() -> re.Pattern[str]:
    """A free-mail or mailing-group brand ("MSN", "Yahoo!") in the ad block a mail service put under a rule."""
    return re.compile(rf"(?<!\w)(?:{_alt(list(_boilerplate()['ad']))})(?!\w)", re.I)


_NAV_SEP = _re(r"\s*[|·•]\s*")
_CRUMB_SEP = _re(r"\s*[>»›]\s*")


def _nav_line(key: str) -> bool:
    """Is ``key`` (a line stripped and case-folded) a navigation, share or footer-links bar: site items
    only ("IWPR Home | About IWPR | Contact Us", "Print | E-mail this article", "Home Global Voices Africa
    Asia"), two or more between "|" or "·", or three or more from "Home" on between spaces?

    >>> _nav_line("print | e-mail this article"), _nav_line("home global voices africa asia"), _nav_line("home truths")
    (True, True, False)
    >>> _nav_line("home > asia > kyrgyzstan"), _nav_line("home > the minister said the talks had failed.")
    (True, False)
    """
    items = _boilerplate()["nav"]
    if key[:4] == "home" and len(key) <= 120:
        crumbs = _CRUMB_SEP.split(key)
        if len(crumbs) >= 2:
            # breadcrumbs: "Home > Asia > Kyrgyzstan", a few short names
            return all(0 < len(x.split()) <= 4 and not _terminal(x) for x in crumbs)
    parts = [x for x in _NAV_SEP.split(key.strip(" |·•")) if x]
    if len(parts) >= 2:
        # a copyright notice may close a footer-links line
        return (any(_nav_items(x, items) for x in parts)
                and all(_nav_items(x, items) or (x[:9] == "copyright" or x[:1] == "©") and len(x) <= 80 for x in parts))
    return key.startswith("home") and _nav_items(key, items) >= 3


def _nav_items(part: str, items: dict[str, str]) -> int:
    """How many site items ``part`` is made of (words taken one to four at a time), 0 if not only items."""
    words = part.split()
    best = [0] + [-1] * len(words)  # most items covering the first k words; -1: not coverable
    for k in range(len(words)):
        if best[k] < 0:
            continue
        for size in range(1, 5):
            if k + size <= len(words) and " ".join(words[k:k + size]) in items:
                best[k + size] = max(best[k + size], best[k] + 1)
    return max(best[-1], 0)


# --- encoding fixers -------------------------------------------------------------------------------------

_QP_SEQ = _re(r"=([0-9A-F]{2})")
# what may stand between a soft-break "=" and the line end: spaces, and characters later steps delete or
# turn into spaces (judged as a second run would see them)
_QP_WS = "[ \t\u00a0\u1680\u2000-\u200f\u202a-\u202f\u205f-\u206f\u3000\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*"
_QP_SOFT = _re(rf"={_QP_WS}\n")
_QP_ANY_EQ = _re(rf"=(?![0-9A-F]{{2}}|{_QP_WS}\n|{_QP_WS}$)")
_QP_ALNUM = frozenset(range(0x30, 0x3A)) | frozenset(range(0x41, 0x5B)) | frozenset(range(0x61, 0x7B))


# a MIME parameter (after its ";") of a mail's own header fields, saved with its undecoded body ('Content-Type: text/plain;
# charset="iso-8859-1"'): the one bare "=" a quoted-printable message holds
_MIME_PARAM = _re(r";\s*(?:charset|boundary|format|delsp|reply-type|name|filename|type)=(?=\S)", re.I)


def _looks_qp(text: str) -> bool:
    """Is ``text`` quoted-printable (soft breaks or escapes of characters encoders escape), with no "="
    that could not be its own (other than a MIME parameter of its header fields)?

    >>> _looks_qp("Content-Type: text/plain; charset='iso-8859-1'\\n\\nthe arr=\\nest"), _looks_qp("x=1 and y=\\n2")
    (True, False)
    """
    if "=" not in text:
        return False
    bare = _QP_ANY_EQ.search(text)
    if bare and _MIME_PARAM.search(text):
        bare = _QP_ANY_EQ.search(_MIME_PARAM.sub("", text))
    if bare:
        # a bare "=" that is neither "=XX" nor a soft break: not quoted-printable ("A=1,B=A ==> A+B==2")
        return False
    if _QP_SOFT.search(text):
        return True
    # encoders never escape letters or digits: "=30" in prose is "x=30", not quoted-printable
    return any(int(h, 16) not in _QP_ALNUM for h in _QP_SEQ.findall(text))


_QP_SOFT_END = _re(rf"={_QP_WS}$")


def _join_quoted_soft_breaks(text: str) -> str:
    """A soft break inside a quote (an undecoded message quoted whole): the next line's "> " marks go
    with the break, or decoding would leave them inside the sentence ("temperatures =" / "> top 45").

    >>> _join_quoted_soft_breaks("> hot =\\n> day\\n> ok")
    '> hot day\\n> ok'
    """
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        if prev[:1] in " \t>" and line[:1] in " \t>":
            pm, lm = _QUOTE_MARK.match(prev), _QUOTE_MARK.match(line)
            if pm and lm and pm.group(0).count(">") == lm.group(0).count(">"):
                soft = _QP_SOFT_END.search(prev)
                if soft:
                    out[-1] = prev[:soft.start()] + line[lm.end():]
                    continue
        out.append(line)
    return "\n".join(out)


def _qp_decode(text: str) -> str:
    if ">" in text:
        text = _join_quoted_soft_breaks(text)
    text = _QP_SOFT.sub("", text)
    raw = _QP_SEQ.sub(lambda m: "\x00" + m.group(1), text)
    out = bytearray()
    for i, part in enumerate(raw.split("\x00")):
        if i:
            out.append(int(part[:2], 16))
            part = part[2:]
        out += part.encode("utf-8")
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return out.decode("cp1252", errors="replace")


def fix_quoted_printable(text: str, log: _Log) -> str:
    """Decode quoted-printable only where the whole text is valid and clearly is QP.

    >>> fix_quoted_printable("5 w=E2=80=99s", _Log()), fix_quoted_printable("A=1,B=A ==> A+B==2", _Log())
    ('5 w’s', 'A=1,B=A ==> A+B==2')
    """
    if "=" not in text or not _looks_qp(text):
        return text
    decoded = _qp_decode(text)
    if _looks_qp(decoded):
        # still QP-looking after one decoding: ambiguous (and decoding again would not be idempotent)
        return text
    log.fix("quoted-printable", len(_QP_SEQ.findall(text)) + len(_QP_SOFT.findall(text)))
    return decoded


_ENTITY = _re(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
_HTML_TAG = _re(r"</?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^<>]{0,500})?/?>|<!--|<!DOCTYPE", re.I)


def _unescape_one(m: re.Match[str]) -> str:
    import html  # lazy: its entity table is only needed for text with entities
    ent = m.group(0)
    body = ent[1:-1]
    if body[0] == "#":
        num = int(body[2:], 16) if body[1] in "xX" else int(body[1:])
        if 0x80 <= num <= 0x9F:
            # numeric references to C1 code points are almost always Windows-1252 bytes (&#x80; is €)
            try:
                return bytes([num]).decode("cp1252")
            except UnicodeDecodeError:
                return chr(num)
        if num > 0x10FFFF:
            return "\ufffd"
        if (num & 0xFFFE) == 0xFFFE or 0xD800 <= num <= 0xDFFF:
            return ""
        return chr(num)
    out = html.unescape(ent)
    if out == ent and body != body.lower():
        # upper-case entity names ("&EURO;", "&SACUTE;") from systems that upper-case whole pages
        low = html.unescape(ent.lower())
        if low != ent.lower():
            return low.upper() if body.isupper() and len(low) == 1 else low
        cap = "&" + body[0] + body[1:].lower() + ";"
        out2 = html.unescape(cap)
        if out2 != cap:
            return out2
    return out


# the tags an HTML-to-text conversion leaves in text (line breaks, paragraphs, inline emphasis) do not make
# a text markup; the line-break and paragraph tags go (emphasis stays: it may be meant, "<em>I</em> do")
_LEFTOVER_TAG = _re(r"</?(?:br|p|b|i|u|em|strong|font|span)(?:\s[^<>\n]{0,200})?\s*/?>", re.I)
_BREAK_TAG = _re(r"</?(?:br|p)(?:\s[^<>\n]{0,200})?\s*/?>", re.I)
_PARA_TAGS = _re(r"</p\s*>[^\S\n]*<p(?:\s[^<>\n]{0,200})?>", re.I)
_BR_MID = _re(r"<br\s*/?>(?![^\S\n]*(?:\n|\Z))", re.I)
_BREAK_AT_EOL = _re(r"<(?:br\s*/?|/p\s*)>[^\S\n]*\n", re.I)


def _looks_html(text: str) -> bool:
    """Markup, not text that mentions a tag: at least three tags, unless all are line breaks, paragraphs
    and emphasis and a line ends in a break or paragraph end (what HTML-to-text leaves: "text<br>").

    >>> _looks_html("<p>Tom &amp; <b>Jerry</b></p>"), _looks_html("One<br>\\nTwo<br>\\n<b>Three</b>")
    (True, False)
    """
    found = other = 0
    for m in _HTML_TAG.finditer(text):
        found += 1
        if not _LEFTOVER_TAG.fullmatch(m.group(0)):
            other += 1
            if other >= 3:
                return True
    return found >= 3 and not _BREAK_AT_EOL.search(text)


def _strip_leftover_tags(text: str, log: _Log) -> str:
    """Drop the line-break and paragraph tags of a text that is not markup: a "<br>" inside a line breaks
    it, "</p><p>" is a paragraph break.

    >>> _strip_leftover_tags("One<br>\\nTwo<br>three</p><p>Four <b>five</b>", _Log())
    'One\\nTwo\\nthree\\n\\nFour <b>five</b>'
    """
    new = _PARA_TAGS.sub("\n\n", text)
    new = _BR_MID.sub("\n", new)
    new, n = _BREAK_TAG.subn("", new)
    if new != text:
        log.fix("html-tags", n + (text.count("<") - new.count("<") - n))
    return new


def fix_html_entities(text: str, log: _Log) -> str:
    """Decode HTML entities, unless the text is itself HTML markup (then they are the markup's business).

    >>> fix_html_entities("Tom &amp;amp; Jerry &#8217;s &EURO;", _Log())
    'Tom & Jerry ’s €'
    """
    if ("&" not in text and "<" not in text) or _looks_html(text):
        return text
    if "<" in text:
        text = _strip_leftover_tags(text, log)
    count = 0
    for _ in range(4):  # "&amp;amp;" decodes in layers
        new, n = _ENTITY.subn(_unescape_one, text)
        if new == text:
            break
        count += n
        text = new
    log.fix("html-entities", count)
    return text


# A UTF-8 lead byte read as Windows-1252/Latin-1 followed by a continuation byte read the same way,
# or a C1 control character: the signature of mojibake.  Only lines with one go to ftfy (slow).
_MOJIBAKE = _re(
    "[\u00c2-\u00f4\u0102\u0103\u0139\u013a\u0118\u0119\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0410-\u044f\u0401\u0451\u0192\u201a-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u00d7\u221a]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u02c7\u02d8\u02d9\u02db\u02dd\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0104\u0105\u013d\u013e\u015a\u015b\u0164\u0165\u0179\u017a\u017b\u017c\u0141\u0142\u00a4\u00a6\u0131\u0143\u0144\u0147\u0148\u0150\u0151\u0158\u0159\u015e\u015f\u0162\u0163\u016e\u016f\u0170\u0171\u0402-\u040f\u0452-\u045f\u0490\u0491\u2116\u00b0-\u00bf\u02bf\u0401\u0451\u0404\u0454\u0406\u0456\u0407\u0457]"
    "|[\u0080-\u009f]"
    # MacRoman, DOS code pages and lost bytes: "wei√ü", "─îe┼ítina", "SlovenÄ\ufffdina".  ("voilÃ le",
    # whose lost NBSP left a plain space, is not taken: joining lines makes "Ã" + space out of nothing.)
    "|[\u221a\u25ca\u2500-\u257f][^\x00-\x7f]|[\u00c2-\u00f4]\ufffd"
)


# every character that can start a match of _MOJIBAKE: a set test is far faster than the regex
_MOJIBAKE_LEADS = frozenset(
    [chr(c) for c in range(0x80, 0xA0)] + [chr(c) for c in range(0xC2, 0xF5)]
    + list("\u0102\u0103\u0139\u013a\u0118\u0119\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
           "\u201a\u201b\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u00d7\u221a\u25ca")
    + [chr(c) for c in range(0x410, 0x450)] + ["\u0401", "\u0451"] + [chr(c) for c in range(0x2500, 0x2580)])
_LONE_ODD_SPACE = _re("\t|[\u2000-\u200a\u202f\u205f\u3000]|(?<![\u00c2-\u00f4])\u00a0")
# the same set as a pattern: one search in C instead of hashing every character of the text
_LEAD_CLASS = "[" + "".join(sorted(re.escape(c) for c in _MOJIBAKE_LEADS)) + "]"
_MOJIBAKE_LEAD = _re(_LEAD_CLASS)
# every match of _MOJIBAKE starts with a match of this (a lead, then a non-ASCII character unless the lead
# is a C1 control), which opens with one character class the engine skips to: _MOJIBAKE's alternation
# is tried at every character
# characters the control-character step deletes later, C1 controls apart (they are mojibake's evidence):
# a line is judged without them, as a second run sees it ("ä\x08¡" is "ä¡" then)
_GONE_LATER = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffc]"
_GONE_LATER_RE = _re(_GONE_LATER)
_MOJIBAKE_ANY = _re(_LEAD_CLASS + "(?:(?<=[\x80-\x9f])|" + _GONE_LATER + "*[^\x00-\x7f])")


# "Š" (C5 A0) and "à" (C3 A0) read as Windows-1252: "Å" or "Ã" then a no-break space inside a word
# ("Å\u00a0IBENIK"), which ftfy leaves alone without more evidence on the line.  Only these two: other
# capitals end words before a no-break space in real text (Finnish "SELKÄ\u00a0EDELLÄ")
_NBSP_PAIR = _re("[\u00c3\u00c5]\u00a0(?=[^\\W\\d_])")


def _nbsp_pair(m: re.Match[str]) -> str:
    return bytes([ord(m.group(0)[0]), 0xA0]).decode("utf-8")


def fix_mojibake(text: str, log: _Log) -> str:
    """Repair UTF-8 read as Windows-1252/Latin-1 (and similar) with ftfy, line by line where suspicious.

    >>> fix_mojibake("caf\\u00c3\\u00a9 \\u00e2\\u20ac\\u0153ok\\u00e2\\u20ac\\x9d", _Log())
    'café “ok”'
    """
    if not _MOJIBAKE_LEAD.search(text):
        return text
    if "\u00e6" in text:  # (one character: a fast search, where "iæ" would stop at every "i")
        text = _fix_cp1250(text, log)
    # the suspicious lines, found in one pass over the whole text
    suspicious = sorted(set(_line_numbers(text, [m.start() for m in _MOJIBAKE_ANY.finditer(text)])))
    if not suspicious:
        return text
    log.mojibake_seen = True
    import ftfy  # lazy: slow to import and only needed for damaged text

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=True, remove_control_chars=False, normalization=None, explain=False,
    )
    lines = text.split("\n")
    count = 0
    for i in suspicious:
        line = lines[i]
        # odd spaces become plain spaces later anyway; ftfy must see the line as a second run would
        # (except the NBSP of "Â\u00a0", which is half of a mojibake pair)
        seen = _LONE_ODD_SPACE.sub(" ", _GONE_LATER_RE.sub("", line)).rstrip(" ")
        if _MOJIBAKE.search(seen):
            body = seen.lstrip(" ")  # ftfy's choice may depend on the line's edges: give it what stays
            fixed = seen[: len(seen) - len(body)] + ftfy.fix_text(body, config)
            if "\u00a0" in fixed:
                fixed = _NBSP_PAIR.sub(_nbsp_pair, fixed)
            if fixed != seen:
                lines[i] = fixed
                count += 1
    log.fix("mojibake", count)
    return "\n".join(lines) if count else text


# Serbian, Croatian and Bosnian text sent as Windows-1250 and read as Windows-1252: "Tadiæ" for "Tadić".
# Of the letters those languages need only six differ (š, ž, Š, Ž have the same byte in both); the
# surname ending "-ić" read so ("-iæ", declined "-iæa", "-iæu", "-iæem", "-iæi") is the evidence, as no
# Danish or Norwegian word ends so.  Two of them make the whole text Windows-1250.
_CP1250_LETTERS = "\u00e8\u00e6\u00f0\u00c8\u00c6\u00d0"  # è æ ð È Æ Ð
_CP1250_MAP = str.maketrans({c: c.encode("cp1252").decode("cp1250") for c in _CP1250_LETTERS})
_CP1250_TELL = _re(r"(?<=[^\W\d_])i\u00e6(?:a|u|em|i)?(?![^\W\d_])")


def _fix_cp1250(text: str, log: _Log) -> str:
    """Read back as Windows-1250 the six letters that differ, in a text that shows Serbo-Croatian sent as
    Windows-1250 and read as Windows-1252 (two "-iæ" surname endings or more).

    >>> _fix_cp1250("By Milka Tadiæ. Goran Vuèiniæ said so; Michèle agreed.", _Log())
    'By Milka Tadić. Goran Vučinić said so; Michčle agreed.'
    """
    if len(_CP1250_TELL.findall(text)) < 2:
        return text
    log.fix("cp1250", sum(text.count(c) for c in _CP1250_LETTERS))
    return text.translate(_CP1250_MAP)


_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "ft", "\ufb06": "st"})
_LIGATURE_RE = _re("[\ufb00-\ufb06]")
_LIGATURE_CHARS = "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"


def fix_ligatures(text: str, log: _Log) -> str:
    """Typographic Latin ligatures (ﬁ, ﬂ, ﬀ ...) to letters; æ and œ are letters and stay.

    >>> fix_ligatures("The ﬁle, the cœur", _Log())
    'The file, the cœur'
    """
    if not any(c in text for c in _LIGATURE_CHARS):  # a few substring scans beat one class scan
        return text
    n = len(_LIGATURE_RE.findall(text))
    log.fix("ligatures", n)
    return text.translate(_LIGATURES)


def fix_unicode_nfc(text: str, log: _Log) -> str:
    """Compose combining sequences (NFC), so "A" + U+0308 matches "Ä"."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    log.fix("unicode-nfc")
    return unicodedata.normalize("NFC", text)


# --- whitespace ------------------------------------------------------------------------------------------

_CR = _re(r"\r\n?")
# C0/C1 controls except tab and newline, DEL, BOM, zero-width and bidi controls, object replacement.
# U+200D (zero-width joiner) stays: it builds emoji and Indic conjuncts.
_CONTROL = _re("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffc]")
_ODD_SPACE = _re("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# either of the two: one scan tells both steps that a text has nothing for them
_CONTROL_OR_ODD_SPACE = _re("[\x00-\x08\t\x0b\x0c\x0e-\x1f\x7f-\x9f\u00a0\u1680\u2000-\u200c\u200e\u200f\u202a-\u202f"
                            "\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffc]")
_SPACE_RUN = _re(r"(?<=\S)  +(?=\S)")
# every whole run of two spaces or more (never part of one: "+" is greedy and nothing follows it), with a
# literal prefix the engine skips to; the caller tests what _SPACE_RUN's lookarounds would
_SPACE_RUN_ANY = _re(r"  +")
# two spaces after a sentence or an upper-case word, before a capital, are a field gap (in an e-mail
# edition's contents, "HEADLINE  Standfirst.  By Name"), which split may rely on: kept
_FIELD_GAP = _re(r"(?<=[.!?:A-Z0-9\"”’)])  (?=[A-Z\"“])")
_TRAILING = _re(r"[ \t]+$", re.M)


def fix_line_endings(text: str, log: _Log) -> str:
    """CRLF and lone CR to LF.

    >>> fix_line_endings("a\\r\\nb\\rc", _Log())
    'a\\nb\\nc'
    """
    if "\r" not in text:
        return text
    new, n = _CR.subn("\n", text)
    log.fix("line-endings", n)
    return new


def fix_control_chars(text: str, log: _Log) -> str:
    """Remove control, zero-width and bidi-control characters (keeps tab, newline, ZWJ and tag letters).

    >>> fix_control_chars("Hello\\u200b\\u200b, world\\ufeff!", _Log())
    'Hello, world!'
    """
    if not _CONTROL_OR_ODD_SPACE.search(text):
        log.plain = text  # (what fix_spaces gets, if the steps between change nothing)
        return text
    new, n = _CONTROL.subn("", text)
    log.fix("control-chars", n)
    return new


def _space_run(m: re.Match[str]) -> str:
    return m.group(0) if _FIELD_GAP.match(m.string, m.start()) and len(m.group(0)) == 2 else " "


def fix_spaces(text: str, log: _Log) -> str:
    """Tabs, NBSP and other spaces to plain spaces; runs of spaces inside a line to one; no trailing spaces.

    Leading indentation is kept (it carries structure); quote-marked lines keep their spacing.

    >>> fix_spaces("Item\\u00a01A  and\\tthat   \\n  kept", _Log())
    'Item 1A and that\\n  kept'
    """
    new, n = (text, 0) if log.plain is text else _ODD_SPACE.subn(" ", text)
    if " \n" in new or new.endswith(" "):
        n += new.count(" \n") + new.endswith(" ")  # one for each line that ends in a space
        # a pass takes one trailing space off every line: a few passes, then line by line (a long run of
        # spaces would take a pass a space)
        for _ in range(3):
            new = new.replace(" \n", "\n")
            if " \n" not in new:
                break
        else:
            new = "\n".join([line.rstrip(" ") for line in new.split("\n")])
        new = new.rstrip(" ")
    if "  " in new:
        # every whole run of two spaces or more, found by substring search (a pattern would stop at every
        # space); most runs in a text are kept, so the text is rebuilt only around those that change
        pieces: list[str] = []
        last = 0
        find, size = new.find, len(new)
        # the line of the last run looked at, whether it is quote-marked, and how far it is known to run
        line_start, quoted, seen = -1, False, 0
        at = find("  ")
        while at >= 0:
            m = _SPACE_RUN_ANY.match(new, at)
            end = m.end()
            if at and not new[at - 1].isspace() and end != size and not new[end].isspace():
                # between two non-spaces (a _SPACE_RUN): kept in a quote-marked line (its first non-space
                # character, before the run, is ">"); the line is looked at once, whatever its runs
                nl = new.rfind("\n", seen, at)
                seen = at
                if nl >= 0 or line_start < 0:
                    line_start = nl + 1
                    quoted = new[line_start:at].lstrip().startswith(">")
                if quoted:
                    at = find("  ", end)
                    continue
                out = _space_run(m)
                if out != m.group(0):
                    pieces += (new[last:at], out)
                    last = end
            at = find("  ", end)
        if pieces:
            n += len(pieces) // 2
            pieces.append(new[last:])
            new = "".join(pieces)
    log.fix("spaces", n)
    return new


# --- e-mail remnants -------------------------------------------------------------------------------------

_QUOTE = _re(r"^\s*>")
# leading white space as _QUOTE takes it (a line separator before ">" too, or a second run unquotes again)
_QUOTE_MARK = _re(r"^\s*(?:>[ \t]?)+")
_HAS_DIGIT = _re(r"\d")
_HAS_TIME = _re(r"\b\d{1,2}:\d{2}\b")
_HAS_ADDR = _re(r"@|mailto:")
_GMAIL_DATE = _re(r"^\s*\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b.{0,120}<[^<>@\s]+@[^<>\s]+>\s*:?\s*$")
_SIG_DELIM = _re(r"^\s*(?:--|---|-- |__)\s*$")
_SIG_DELIM_STARTS = ("--", "__")
# a hyphen ending a line (the hyphen is a literal the engine skips to)
_EOL_HYPHEN = _re(r"-[^\S\n]*(?=\n|\Z)")
_DASH_NAME = _re(r"^\s*-\s?[^\W\d_][\w.'’]{0,20}(?:\s[A-ZÀ-ÖØ-Þ][\w.'’]{0,20})?\.?\s*$")
_MOBILE = _re(
    r"^\s*(?:sent|envoyé|enviado|gesendet|inviato|verzonden|skickat|sendt|get)(?:\s+[\w-]+){0,2}?"
    r"\s+(?:from|with|via|using|de|desde|par|von|da|vanaf|från|fra|for)\s+(?:[^\s,]+\s+){0,4}?"
    r"(?:my\s+)?(?:iphone|ipad|ipod|android|blackberry|mobile|móvil|phone|smartphone|samsung|htc|galaxy|"
    r"mailbox|outlook|acompli|handy|sparrow|tablet|nokia|motorola|huawei|pixel|windows|ios|terminal)\b[^,]{0,60}$",
    re.I)
# two sentences on one line ("... the month. The ministry said"): prose, never a signature's name or title
# line ("J. Smith", "Tel. +44 20", "IWPR. London" hold a full stop but not a sentence of five words before it)
_SENTENCES_IN_LINE = _re(r"(?:\S+\s+){4}\S+[.!?]\s+[A-Z]")
_SIGNOFF = _re(
    r"^\s*(?:thanks(?:\s+(?:again|in\s+advance|a\s+lot|so\s+much))?|thank\s+you(?:\s+very\s+much)?|many\s+thanks|"
    r"(?:best|kind|warm|warmest|kindest)(?:\s+regards)?|regards|best\s+wishes|with\s+best\s+wishes|all\s+the\s+best|"
    r"cheers|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?|br|mit\s+freundlichen\s+grüßen|viele\s+grüße|"
    r"gruß|grüße|cordialement|bien\s+à\s+vous|saludos|un\s+saludo|atentamente|cordiali\s+saluti|saluti|"
    r"met\s+vriendelijke\s+groet(?:en)?|groeten|med\s+vänlig\s+hälsning|hälsningar|mvh|pozdrawiam|"
    r"с\s+уважением)\s*[,.!]*\s*$", re.I)


def _words_at_least(lines: list[str], k: int) -> bool:
    """Do ``lines`` hold at least ``k`` words?  (Counting stops there: the lines above a header can be long.)"""
    total = 0
    for line in lines:
        total += len(line.split())
        if total >= k:
            return True
    return False


def _reply_header(lines: list[str], i: int) -> tuple[int, str] | None:
    """If a reply header ("On ... wrote:", "-----Original Message-----", Outlook fields) starts at line
    ``i``, return (index of the first line after it, text of the line kept before it on line ``i``)."""
    p = _email_patterns()
    line = lines[i]
    s = line.strip()
    if not s:
        return None
    # each pattern needs a character the line may lack: test for it first (most lines reach here only
    # because a line ending in ":" is near)
    if "--" in s and p["original"].match(s):
        # Outlook's field block under its separator is the same header
        return _field_block_end(lines, i + 1) or i + 1, ""
    if s[:2] == "--" and p["wrote_dashes"].match(s):
        return i + 1, ""
    m = p["midline_on"].match(s) if s[-1] == ":" else None
    if m and (_HAS_TIME.search(m.group(2)) or _HAS_ADDR.search(m.group(2))):
        return i + 1, m.group(1).rstrip("-").rstrip()
    bare = s.strip("-").strip()
    # an "On ... wrote:" header may be wrapped over a few lines (address on its own line, "wrote:" alone);
    # its first line carries the date (or, on one line, at least an address)
    if len(bare) <= 300 and not _QUOTE.match(line) and not _terminal(bare):
        joined = bare
        blanks = 0
        for j in range(i, min(i + 6, len(lines))):
            if j > i:
                if j == i + 1 and not _HAS_DIGIT.search(bare):  # (bare stays the same: asked once)
                    break
                nxt = lines[j].strip()
                if not nxt:
                    blanks += 1
                    if blanks > 1 or joined.endswith(":"):
                        break
                    continue
                joined = joined + " " + nxt
            if len(joined) > 400:
                break
            if joined[-1:] == ":" and _is_wrote_header(joined):  # every form ends in ":"
                return j + 1, ""
    if s[:1].isdigit() and _GMAIL_DATE.match(s) and i + 1 < len(lines) and any(_QUOTE.match(x) for x in lines[i + 1 : i + 3]):
        return i + 1, ""
    end = _field_block_end(lines, i) if ":" in line else None
    return (end, "") if end is not None else None


def _field_block_end(lines: list[str], i: int) -> int | None:
    """If an Outlook-style block (From/Sent/To/Subject fields, at least two different ones, close together)
    starts at line ``i``, the index of the first line after it."""
    if i >= len(lines):
        return None
    field = _email_patterns()["field"]
    fm = field.match(lines[i])
    if not (fm and (fm.group("from") or fm.group("sent"))):
        return None
    kinds = {fm.lastgroup}
    j = i + 1
    gap = 0
    while j < len(lines) and gap <= 2:
        nm = field.match(lines[j])
        if nm:
            kinds.add(nm.lastgroup)
            gap = 0
        elif not lines[j].strip():
            if len(kinds) >= 2:
                break
            gap += 1
        else:
            gap += 1
        j += 1
    if len(kinds) >= 2 and ("to" in kinds or "subject" in kinds or ("from" in kinds and "sent" in kinds)):
        return j
    return None


def _is_wrote_header(joined: str) -> bool:
    p = _email_patterns()
    if not p["wrote_end"].search(joined) or joined.endswith("::"):
        return False
    if p["wrote_verb_end"].search(joined):
        # mail clients put a time or an address in the line; prose ("On 5 May the minister wrote:") has neither
        return bool(_HAS_TIME.search(joined) or _HAS_ADDR.search(joined))
    # "DATE NAME <addr>:" (Gmail) and "Op DATE schreef NAME <addr>:" (the verb before the name)
    return bool(_HAS_DIGIT.search(joined) and _HAS_ADDR.search(joined)
                and (joined[:1].isdigit() or p["wrote_verb"].search(joined)))


def _forward_header(lines: list[str], i: int) -> int | None:
    """If a forwarded-message header starts at ``i``, the index of the first line after its fields."""
    p = _email_patterns()
    line = lines[i]
    if (":" not in line and "--" not in line) or not (fm := p["forward"].match(line)):
        return None
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if fm.group("who") and j < len(lines) and _NOTES_INDENT.match(lines[j]):
        # Lotus Notes ("Forwarded by NAME on DATE"): sender, date and fields in indented columns padded
        # with spaces, up to the text; taken only if a field is among them
        k = j
        while k < len(lines) and (not lines[k].strip() or _NOTES_INDENT.match(lines[k])):
            k += 1
        if any(p["field"].match(x) for x in lines[j:k]):
            return k
    j = i + 1
    last_field = None
    while j < len(lines):
        s = lines[j]
        if p["field"].match(s):
            last_field = j
        elif not s.strip() or _QUOTE_MARK.sub("", s).strip() == "":
            if last_field is not None:
                break
        elif last_field is None or j > last_field + 1:
            break  # a field value may wrap onto one more line ("Subject: Two / line subject")
        j += 1
    return (last_field + 1 if last_field is not None and j == last_field + 1 else j) if last_field is not None else i + 1


_RULE = _re(r"^\s*(?:-{5,}|_{5,}|={5,})\s*$")
_NOTES_INDENT = _re(r" {8}")


# what a header line carries (a colon, a dash pair, an address closing the line), and a line ending in ":"
# (a match runs on to the line end: one match a line is enough).  One pattern each: a pattern opening with
# a literal is searched by skipping to it, an alternation is tried at every character.
_HEADER_MARKS = (_re(r":[^\n]*"), _re(r"--[^\n]*"), _re(r">(?=\n|\Z)"))
_COLON_END = _re(r": ?(?=\n|\Z)")


def _header_candidates(text: str) -> list[int]:
    """The lines (of ``text.split("\\n")``) where a reply or forward header may start, ascending: those with
    a colon, "--" or a closing ">", and the five lines above a line ending in ":" (a wrapped "On ...
    wrote:").  One pass of two patterns over the text instead of tests on every line."""
    cand = set(_line_numbers(text, sorted([m.start() for mark in _HEADER_MARKS for m in mark.finditer(text)])))
    for k in _line_numbers(text, [m.start() for m in _COLON_END.finditer(text)]):
        cand.update(range(max(k - 5, 0), k + 1))
    return sorted(cand)


def _unquote(lines: list[str]) -> list[str]:
    # quote lines kept their spacing; unquoted, they get the same space rule as any other line
    return [_SPACE_RUN.sub(_space_run, _QUOTE_MARK.sub("", line)) for line in lines]


def _substance(new: list[str], quoted: list[str]) -> bool:
    """Is the quoted or forwarded part the substance of the message (a forwarded newsletter) rather than
    an earlier message under a reply?"""
    return (not _words_at_least(new, 25) and _words_at_least(quoted, 100)) or _iwpr_text(quoted)


# a byline: names and the few small words bylines have ("By IWPR staff in Kabul"), not "By Monday we ..."
_BYLINE_WORD = r"(?:[A-Z][\w'’.-]{0,30}|in|and|of|the|from|staff|our|correspondent|reporter|al|de|van|von),?"
_IWPR_MARK = _re(rf"\bIWPR\b|Institute for War (?:&|and) Peace|^[ \t>]*By {_BYLINE_WORD}(?: {_BYLINE_WORD}){{1,8}}[ \t]*$",
                 re.M)


def _iwpr_text(lines: list[str]) -> bool:
    """Does a quoted or forwarded part hold IWPR text (its name, or a byline on its own line)?  Such a part
    is what the reader of an IWPR archive wants, whatever was written above it: it is never dropped.

    >>> _iwpr_text(["> KABUL SCHOOLS REOPEN", ">", "> By Mina Habib in Kabul"]), _iwpr_text(["> See you then"])
    (True, False)
    >>> _iwpr_text(["> By Monday we need the figures"]), _iwpr_text(["> By IWPR staff in Aktau"])
    (False, True)
    """
    return any(_IWPR_MARK.search(x) for x in lines)


# lines a mail client's re-wrapping of one quoted line left without the quote mark
MAX_REWRAPPED_LINES = 3


def _quote_end(lines: list[str], k: int) -> int:
    """The end of the quote that starts at line ``k``: it runs on over blank lines, over a wrapped line
    sandwiched between quoted lines, and over the lines a mail client re-wrapped out of a quoted line (up
    to three, the first going on in lower case with the quoted line's unfinished sentence), when the quote
    goes on after them.

    >>> _quote_end(["> Villagers say masked men searched", "houses in Duisi and took away", "two young men.",
    ...             ">", "> Both will be charged.", "", "Thanks"], 0)
    5
    """
    n = len(lines)
    end = k
    while end < n:
        if _QUOTE.match(lines[end]) or (end + 1 < n and _QUOTE.match(lines[end + 1])
                                        and (not lines[end].strip() or _QUOTE.match(lines[end - 1]))):
            end += 1
            continue
        before = _QUOTE_MARK.sub("", lines[end - 1]).strip() if end > k else ""
        if before and not _terminal(before) and lines[end].lstrip()[:1].islower():
            j = end
            while j < n and j - end < MAX_REWRAPPED_LINES and lines[j].strip() and not _QUOTE.match(lines[j]):
                j += 1
            if j < n and j > end and _QUOTE.match(lines[j]):
                end = j
                continue
        break
    return end


def fix_replies(text: str, log: _Log) -> str:
    """Remove quoted earlier messages under new text with their headers; forwarded-message headers go,
    forwarded text stays; a quoted part that is the substance keeps its text and loses its "> " markers.

    >>> fix_replies("Test reply\\n\\nOn 04/19/2011 07:10 AM, Roman wrote:\\n\\n> Test\\n> Roman", _Log())
    'Test reply\\n'
    """
    if ">" not in text and ":" not in text and "--" not in text and "wrote" not in text:
        return text
    lines = original = log.lines(text)
    out: list[str] = []
    i = 0
    n = len(lines)
    cand = _header_candidates(text)
    while i < n:
        nxt = cand[bisect_left(cand, i)] if cand and cand[-1] >= i else n
        if nxt > i:
            out.extend(lines[i:nxt])  # no header can start on these lines
            i = nxt
            continue
        line = lines[i]
        if not line or line[0] == ">":
            out.append(line)
            i += 1
            continue
        fwd = _forward_header(lines, i)
        if fwd is not None:
            log.remove("\n".join(lines[i:fwd]), "forward-header")
            rest = lines[fwd:]
            if rest and all(_QUOTE.match(x) or not x.strip() for x in rest) and any(x.strip() for x in rest):
                log.fix("unquote", sum(1 for x in rest if x.strip()))
                lines = lines[:i] + _unquote(rest)
                n = len(lines)
                cand = _header_candidates("\n".join(lines))
            else:
                i = fwd  # the lines after it are as they were: no new scan (many headers would make it quadratic)
            continue
        hdr = _reply_header(lines, i)
        if hdr is not None and not hdr[1] and out and _email_patterns()["digest"].match(out[-1]):
            # a digest's message: its number and header go, its text (a message of its own) stays
            log.remove("\n".join([out.pop().strip(), *lines[i:hdr[0]]]), "digest-header")
            i = hdr[0]
            continue
        if hdr is not None:
            end, keep = hdr
            before = out + ([keep] if keep else [])
            k = end
            while k < n and not lines[k].strip():
                k += 1
            quoted_follow = k < n and _QUOTE.match(lines[k])
            if quoted_follow:
                q_end = tail_start = _quote_end(lines, k)
            else:
                q_end = n
                tail_start = n
            body = lines[end:q_end]
            header_text = "\n".join(([lines[i][len(lines[i]) - len(lines[i].lstrip()):]] if not keep else
                                     [lines[i].strip()[len(keep):].strip(" -")]) + lines[i + 1 : end])
            new_words = [x for x in before if x.strip()]
            is_outlook_top = not new_words and _email_patterns()["field"].match(line) and not quoted_follow
            if is_outlook_top:
                out.extend(lines[i:end])  # the message's own header block, not a quote
                i = end
                continue
            if not new_words or _substance(new_words, body):
                if not any(x.strip() for x in body) and not new_words:
                    out.append(line)
                    i += 1
                    continue
                if keep:
                    out.append(keep)
                if (not new_words and quoted_follow and tail_start < n and not _words_at_least(body, 100)
                        and not _iwpr_text(body)):
                    # "On ... wrote: > quote" above the reply: the reply is the text after the quote
                    log.remove("\n".join([header_text] + body), "reply-quote")
                    i = q_end
                    continue
                _signature_above(out, log)
                log.remove(header_text, "reply-header")
                if quoted_follow:
                    log.fix("unquote", sum(1 for x in body if x.strip()))
                    body = _unquote(body)
                # go on scanning the kept text: a later header in it is handled on its own
                lines = lines[:end] + body + lines[q_end:]
                n = len(lines)
                cand = _header_candidates("\n".join(lines))
                i = end
                continue
            if keep:
                out.append(keep)
            rule: list[str] = []
            rules_in_out = -1  # rule lines left in ``out``, counted when first needed
            while out and (not out[-1].strip() or _RULE.match(out[-1])):
                if rules_in_out < 0:
                    rules_in_out = sum(1 for x in out if _RULE.match(x))
                if not rules_in_out:
                    break
                rules_in_out -= bool(_RULE.match(out[-1]))
                rule.insert(0, out.pop())  # the separator line Outlook puts above its header goes with it
            while rule and not rule[0].strip():
                out.append(rule.pop(0))
            log.remove("\n".join(rule + [header_text] + body), "reply-quote")
            i = tail_start
            continue
        out.append(line)
        i += 1
    return _trailing_quote(out, log, text if out == original else None)


# a contact line of a signature: a phone, fax or mobile label, or a bare web or mail address
_CONTACT = _re(r"\s*(?:(?:tel|phone|fax|mobile|mob|cell|gsm|skype)\b[^\n]{0,8}?[:.]|(?:https?://|www\.)\S+\s*$"
               r"|(?:e-?mail\s*:\s*)?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}\s*$)", re.I)


def _signature_above(out: list[str], log: _Log) -> None:
    """Remove the signature closing the new text above a forwarded or quoted part that is kept (a name,
    a title, an organisation and at least two contact lines, eight short lines at most): it would
    otherwise sit in the middle of the text as if it belonged to the forwarded article."""
    end = len(out)
    while end and not out[end - 1].strip():
        end -= 1
    start = end
    while start and out[start - 1].strip():
        start -= 1
    block = out[start:end]
    if (2 <= len(block) <= 8 and all(len(x) <= 80 and not _SENTENCES_IN_LINE.search(x) for x in block)
            and sum(1 for x in block if _CONTACT.match(x)) >= 2 and start > 0):
        log.remove("\n".join(x.strip() for x in block), "signature")
        del out[start:]


def _trailing_quote(lines: list[str], log: _Log, same: str | None = None) -> str:
    """A block of "> " lines at the end, under new text and without a header: an earlier message.
    ``same``: ``lines`` joined, if known (returned when nothing changes)."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and (_QUOTE.match(lines[start - 1]) or not lines[start - 1].strip()):
        start -= 1
    while start < end and not lines[start].strip():
        start += 1
    quoted = lines[start:end]
    if not quoted:
        return log.join(lines) if same is None else same
    new = [x for x in lines[:start] if x.strip()]
    if quoted and len([x for x in quoted if x.strip()]) >= 2:
        if new and not _substance(new, quoted):
            log.remove("\n".join(quoted), "reply-quote")
            return "\n".join(lines[:start])
        if not new or _substance(new, quoted):
            log.fix("unquote", sum(1 for x in quoted if x.strip()))
            lines = lines[:start] + _unquote(quoted) + lines[end:]
    elif quoted and not new:
        log.fix("unquote", 1)
        lines = lines[:start] + _unquote(quoted) + lines[end:]
    return "\n".join(lines)


def _hyphen_chain(lines: list[str], i: int) -> str:
    """Line ``i`` with the lines that continue a word hyphenated at its end joined on."""
    text = lines[i].strip()
    while i + 1 < len(lines) and _hyphen_end(lines[i].rstrip()) and lines[i + 1].lstrip()[:1].isalpha():
        text = text[:-1] + lines[i + 1].strip()
        i += 1
    return text


def fix_signature(text: str, log: _Log) -> str:
    """Remove a signature at the end of a message: after a lone "--" delimiter, a mobile "Sent from my
    ..." line, a "-Name" line, or a sign-off ("Regards,") followed only by a few short lines.

    >>> fix_signature("Wow. Awesome!\\n--\\nBob Smith", _Log())
    'Wow. Awesome!'
    >>> fix_signature("Test message\\n--\\nPart1\\n--\\nPart2", _Log())
    'Test message\\n--\\nPart1\\n--\\nPart2'
    """
    lines = log.lines(text)
    # the lines ending in a hyphen and those that may be a delimiter, found once (cutting the signature
    # only shortens ``lines``)
    hyphen_ends = {i + 1 for i in _line_numbers(text, [m.start() for m in _EOL_HYPHEN.finditer(text)])}
    delim_lines = sorted({i for mark in ("--", "__") for i in _lines_containing(text, mark)})
    cut_any = False

    def is_content(i: int) -> bool:
        # a line as the paragraph step will leave it: a line continuing a word hyphenated at the end of
        # the line above is not a line of its own (so a second run counts the same lines)
        x = lines[i]
        return bool(x.strip()) and not (i in hyphen_ends and _hyphen_end(lines[i - 1].rstrip())
                                        and x.lstrip()[:1].isalpha())

    for _ in range(4):
        # the content lines at the end (twelve: all the tests below look at no more) and the first one;
        # ``content`` is all of them when there are fewer
        content: list[int] = []
        i = len(lines) - 1
        while i >= 0 and len(content) < 12:
            if is_content(i):
                content.append(i)
            i -= 1
        content.reverse()
        if len(content) < 2:
            break
        first = content[0] if len(content) < 12 else next(k for k in range(len(lines)) if is_content(k))
        cut = None
        # a lone delimiter; several separated ones are section rules, not a signature (every delimiter
        # line is a content line)
        delims = [i for i in delim_lines if i < len(lines) and lines[i].lstrip()[:2] in _SIG_DELIM_STARTS
                  and _SIG_DELIM.match(lines[i])]
        groups = []
        for i in delims:
            if groups and all(not lines[k].strip() or _SIG_DELIM.match(lines[k]) for k in range(groups[-1][-1], i)):
                groups[-1].append(i)
            else:
                groups.append([i])
        if len(groups) == 1 and groups[0][0] > first:
            # (with twelve lines at the end all after the group, more than ten follow it)
            after = [i for i in content if i > groups[0][-1]]
            if len(after) <= 10 and all(len(lines[i].strip()) <= 100 for i in after):
                cut = groups[0][0]
        last = content[-1]
        # judge the last lines as the paragraph step will leave them: joined at line-end hyphens
        last_line = _hyphen_chain(lines, last)
        before_last = _hyphen_chain(lines, content[-2])
        if cut is None and _MOBILE.match(last_line) and len(last_line.split()) <= 16 and last > first:
            cut = last
            if len(content) >= 3 and _MOBILE.match(lines[content[-2]]) and content[-2] > first:
                cut = content[-2]
        if (cut is None and last > first and _DASH_NAME.match(last_line) and not _SIG_DELIM.match(last_line)
                and not _BULLET.match(before_last)  # not the last item of a list
                and (not lines[last - 1].strip() or _terminal(before_last.strip()))):
            cut = last
        if cut is None:
            for pos in range(len(content) - 2, max(len(content) - 7, 0), -1):
                i = content[pos]
                if i > first and _SIGNOFF.match(lines[i]):
                    after = content[pos + 1 :]
                    before = lines[i - 1].strip()
                    # the sign-off opens its own block or follows a finished sentence; under it only short
                    # lines (name, title, phone), not sentences, nor a line closing a quotation
                    if (1 <= len(after) <= 4 and (not before or _terminal(before) or before.endswith(","))
                            and all(len(lines[k].strip()) <= 60 and (len(lines[k].split()) <= 2
                                                                   or not _terminal(lines[k]))
                                    and lines[k].rstrip()[-1:] not in _QUOTE_CLOSERS
                                    and not _SENTENCES_IN_LINE.search(lines[k]) for k in after)):
                        cut = i
                    break
        if cut is None:
            break
        log.remove("\n".join(lines[cut:]), "signature")
        cut_any = True
        lines = lines[:cut]
        while lines and not lines[-1].strip():
            lines.pop()
    return log.join(lines) if cut_any else text


def fix_email(text: str, log: _Log) -> str:
    """Reply quotes, then signatures, until neither finds more (a signature can hide a quote's end).

    >>> fix_email("Thanks!\\n--\\nBob\\n\\n> old\\n> text", _Log())
    'Thanks!'
    """
    for _ in range(3):
        new = fix_signature(fix_replies(text, log), log)
        if new == text:
            break
        text = new
    return text


# --- boilerplate -----------------------------------------------------------------------------------------

_MAILMAN_RULE = _re(r"^_{20,}\s*$")
_MAILMAN_LIST = _re(r"mailing\s+list\s*$", re.I)
# the last line of a pipermail archive page
_MAILMAN_MORE = _re(r"\s*More information about the [^\n]{1,80} mailing list\s*$", re.I)


def fix_boilerplate(text: str, log: _Log) -> str:
    """Remove web chrome lines, trailing related-links sections, legal disclaimers and list footers.

    >>> fix_boilerplate("Skip to main content\\nReal text.\\n\\nThis e-mail and any attachments are private.", _Log())
    'Real text.\\n'
    """
    return _strip_boilerplate(text, log)[0]


def _strip_boilerplate(text: str, log: _Log) -> tuple[str, bool]:
    """``fix_boilerplate``, and whether a second run over its output is sure to find nothing.

    Every test on a line depends on the line itself and on the last line kept before it, which are the
    same in a second run, except the list-footer test, which looks at the next line: a kept footer rule
    whose next line was removed may be a footer in a second run."""
    bp = _boilerplate()
    settled = True
    removed = False
    rule_kept = -10  # index of the last footer or ad rule kept
    lines = log.lines(text)
    out: list[str] = []
    i = 0
    n = len(lines)
    prefix = _prefix_pattern()
    numbered, topics = _line_openings()
    # only candidate lines need the tests below; every other line is kept as it is
    whole, starts = _boilerplate_candidates()
    # casefolding keeps the line breaks; on ASCII it is lower(), which is several times faster
    folded = "\n" + (text.lower() if text.isascii() else text.casefold()) + "\n"
    cand_set = (set(_line_numbers(folded, [m.start() for m in whole.finditer(folded)]))
                | set(_line_numbers("\n" + text, [m.start() for m in starts.finditer("\n" + text)])))
    # navigation needs a "|", "·" or a line opening with "home"
    if "|" in text:
        cand_set.update(_lines_containing(text, "|"))
    if "·" in text:
        cand_set.update(_lines_containing(text, "·"))
    if _DASH_RULE in text:  # (a substring search: as an alternative of ``starts`` it is tried on every line)
        cand_set.update(_lines_containing(text, _DASH_RULE))
    cand_set.update(_line_numbers(folded, [m.start() for m in _HOME_LINE.finditer(folded)]))
    cand = sorted(cand_set)
    c = 0
    while i < n:
        while c < len(cand) and cand[c] < i:
            c += 1
        nxt = cand[c] if c < len(cand) else n
        if nxt > i:
            out.extend(lines[i:nxt])
            i = nxt
            continue
        line = lines[i]
        key = line.strip().casefold()
        if not key:
            out.append(line)
            i += 1
            continue
        end = None
        reason = bp["line"].get(key)
        if reason is None and key.startswith(numbered):
            reason = bp["line"].get(_NUMBER.sub("#", key))
        block_start = not out or not out[-1].strip()
        if reason:
            end = i + 1
        elif key in bp["section"]:
            reason = bp["section"][key]
            end = _section_end(lines, i)
        elif key in bp["toc"]:
            reason, end = bp["toc"][key], _toc_end(lines, i)
        elif key.startswith(topics) and i + 1 < n and _LINK_LINE.match(lines[i + 1]):
            reason, end = bp["topic"][next(p for p in topics if key.startswith(p))], i + 2
        elif (block_start or _RULE.match(out[-1])) and prefix.match(line.strip()):
            found = " ".join(prefix.match(line.strip()).group(0).casefold().split())
            banner = bp["banner"].get(found)
            reason = banner or bp["prefix"].get(found) or _prefix_reason(line.strip())
            # a banner at the top of a page scraped without blank lines is no block's end: it takes only
            # the lines of its own sentence and its buttons
            end = _banner_end(lines, i, bp) if banner else _block_end(lines, i)
            if found.lstrip("* ") in _ARCHIVE_NAV and _archive_head(out):
                # a list archive page's own head above its first navigation: subject, sender, date
                log.remove("\n".join(x for x in out if x.strip()), reason)
                out.clear()
        elif block_start and key in bp["nav"] and _HOME_WORD.search(key):
            # a site menu one item a line, from its Home item on
            j = _block_end(lines, i)
            if j - i >= 3 and all(_nav_items(x.strip().casefold(), bp["nav"]) for x in lines[i:j]):
                reason, end = "chrome", j
        elif _MAILMAN_RULE.match(line) and i + 1 < n and _MAILMAN_LIST.search(lines[i + 1]):
            reason = "list-footer"
            end = _block_end(lines, i)
        elif _MAILMAN_MORE.match(line):
            reason, end = "list-footer", i + 1
        elif key in bp["bar"] and (not out or not out[-1].strip()):
            # a share bar: a block of share items one a line ("Share", "Tweet", "Print", "Email")
            j = _block_end(lines, i)
            if j - i >= 2 and all(_bar_member(x.strip().casefold(), bp) for x in lines[i:j]):
                reason, end = "chrome", j
        elif ("|" in key or "·" in key or key[:4] == "home") and _nav_line(key):
            reason, end = "chrome", i + 1
        elif _AD_RULE.match(line):
            # a free-mail service's ad (Hotmail, Yahoo!) or a mail group's sponsor block under a rule
            j = _block_end(lines, i, i + 9)  # (bounded: rule lines need not open a block)
            ad = "\n".join(lines[i:j])
            if (j - i <= 8 and len(ad.split()) <= 40 and ("http" in ad or "www." in ad)
                    and _ad_pattern().search("\n".join(lines[i:i + 4]))):
                reason, end = "mail-ad", j
        if end is None:
            if _AD_RULE.match(line):
                rule_kept = i
            out.append(line)
            i += 1
            continue
        if i - rule_kept <= 8:
            settled = False
        log.remove("\n".join(lines[i:end]), reason)
        removed = True
        i = end
    return (log.join(out) if removed else text), settled


_AD_RULE = _re(r"\s*[_-]{20}")
_DASH_RULE = "-" * 20
_HOME_LINE = _re(r"\n[^\S\n]*home\b")
_HOME_WORD = _re(r"\bhome\b")
_NUMBER = _re(r"\d+")
_LINK_LINE = _re(r"\s*(?:https?://|www\.)\S+\s*$")
# a pipermail page's navigation, and the head above its first one: "[List] Subject", "Name list at host",
# the date as ctime prints it
_ARCHIVE_NAV = frozenset({"previous message:", "next message:"})
_ARCHIVE_HEAD = (_re(r"\s*\[[^\]\n]{1,60}\]\s"), _re(r"[^\n]{0,80}\s[\w.+-]{1,64} at [\w-]{1,63}(?:\.[\w-]{1,63}){1,5}\s*$"),
                 _re(r"\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (?:[A-Z]{2,5} )?\d{4}\s*$"))


def _archive_head(kept: list[str]) -> bool:
    """Are the lines kept so far a list archive page's head (one to three lines, each a subject in list
    brackets, an obfuscated sender address or a ctime date)?

    >>> _archive_head(["[Tribunal-update] TU No. 271", "", "IWPR tu at iwpr.net", "Fri Jun 14 17:05:32 BST 2002"])
    True
    """
    head = [x for x in kept if x.strip()]
    return 0 < len(head) <= 3 and all(any(p.match(x) for p in _ARCHIVE_HEAD) for x in head)


def _toc_end(lines: list[str], i: int) -> int:
    """A digest's topic list under its heading at ``i``: the end of the block after it when every line of
    that block is a numbered or bulleted topic, its "From:" line or its link; else just past the heading.

    >>> _toc_end(["Topics in this digest:", "", "  1. Re: Osh", "     From: Bakyt", "", "Message: 1"], 0)
    4
    """
    j = i + 1
    while j < len(lines) and j <= i + 2 and not lines[j].strip():
        j += 1
    k = _block_end(lines, j)
    field = _email_patterns()["field"]
    block = lines[j:k]
    if block and _BULLET.match(block[0]) and all(_BULLET.match(x) or _LINK_LINE.match(x)
                                                 or (m := field.match(x)) and m.group("from") for x in block):
        return k
    return i + 1


def _banner_end(lines: list[str], i: int, bp: dict[str, dict[str, str]]) -> int:
    """The end of a chrome banner opening at line ``i`` (cookies, newsletter sign-up, comment form): the
    lines its sentence runs on over (lower case after an unfinished line), then its buttons and form
    labels (known ones, or site items), six lines in all at most, and never past a blank line.

    >>> _banner_end(["We use cookies to", "improve the site.", "Accept", "Press Curbs", "Body."], 0, _boilerplate())
    3
    """
    j = i + 1
    n = min(len(lines), i + 6)
    while j < n:
        s = lines[j].strip()
        if not s:
            break
        prev = lines[j - 1].strip()
        key = s.casefold().rstrip(":")
        if not ((s[:1].islower() and not _terminal(prev)) or key in bp["button"] or key in bp["nav"]):
            break
        j += 1
    return j


def _bar_member(key: str, bp: dict[str, dict[str, str]]) -> bool:
    return key in bp["bar"] or key in bp["line"]


def _block_end(lines: list[str], i: int, limit: int | None = None) -> int:
    """The index of the first blank line from ``i`` on (or the end, or ``limit`` if it comes first)."""
    n = len(lines) if limit is None else min(limit, len(lines))
    while i < n and lines[i].strip():
        i += 1
    return i


def _lines_containing(text: str, needle: str) -> list[int]:
    """The index of every line (of ``text.split("\\n")``) that contains ``needle`` (no line break in it)."""
    out = []
    line = pos = 0
    find, count = text.find, text.count
    at = find(needle)
    while at >= 0:
        line += count("\n", pos, at)
        out.append(line)
        pos = find("\n", at)
        if pos < 0:
            break
        at = find(needle, pos)
    return out


def _line_numbers(text: str, offsets: list[int]) -> list[int]:
    """The line index (lines split at "\\n") of each offset, offsets in ascending order."""
    out = []
    line = pos = 0
    for off in offsets:
        line += text.count("\n", pos, off)
        pos = off
        out.append(line)
    return out


def _prefix_reason(line: str) -> str:
    folded = re.sub(r"\s+", " ", line.casefold())
    bp = _boilerplate()
    for phrases in (bp["prefix"], bp["banner"]):
        for phrase, reason in phrases.items():
            if folded.startswith(phrase):
                return reason
    return "boilerplate"


def _section_end(lines: list[str], i: int) -> int:
    """A related-links heading: the blocks of links (titles, standfirsts) after it, to the end when there
    are 40 lines at most, else its next block; never from a block of article prose on (a byline, a long
    sentence, sentences with no title over them, wrapped or double-spaced lines going on in lower case): a
    sidebar scraped above the article must not take the article with it."""
    n = len(lines)
    end = j = i + 1
    count = 0
    first_end = None
    title_before = False  # the block before is one link title
    while j < n:
        if not lines[j].strip():
            j += 1
            continue
        k = _block_end(lines, j)
        if _prose_block(lines, j, k) and not (title_before and _link_standfirst(lines, j, k)):
            break
        count += k - j
        title_before = k - j == 1 and _link_title(lines[j])
        end = j = k
        if first_end is None:
            first_end = k
    return end if count <= 40 else (first_end or i + 1)


def _link_title(line: str) -> bool:
    """A related link's title: one short line that does not end a sentence and is no byline."""
    s = line.strip()
    return len(s) <= 100 and not _terminal(s) and not _BYLINE.match(s)


def _link_standfirst(lines: list[str], j: int, k: int) -> bool:
    """A link's standfirst printed in a block of its own, under its title ("Georgia: Perils of the Enguri
    Crossing" / "With the checkpoint closed, ..."): one sentence line, with another link title or nothing
    after it.  Two sentence blocks in a row are an article's paragraphs, a byline after it an article's head."""
    if k - j != 1 or not _terminal(lines[j].strip()) or len(lines[j]) > 200:
        return False
    nxt = k
    while nxt < len(lines) and not lines[nxt].strip():
        nxt += 1
    return nxt == len(lines) or (_block_end(lines, nxt) - nxt == 1 and _link_title(lines[nxt]))


def _prose_block(lines: list[str], j: int, k: int) -> bool:
    """Is the block ``lines[j:k]`` article text rather than link titles and standfirsts?"""
    block = [x.strip() for x in lines[j:k]]
    for a, b in zip(block, block[1:]):
        if b[:1].islower() and not _terminal(a):
            return True  # a wrapped sentence
    if any(len(s) > 200 or len(s.split()) >= 25 or (s[:2] in _BY and _BYLINE.match(s)) for s in block):
        return True
    if len(block[0].split()) >= 4 and all(_terminal(s) for s in block):
        return True  # sentences only, no title over them: a paragraph, not a link with its standfirst
    nxt = k
    while nxt < len(lines) and not lines[nxt].strip():
        nxt += 1
    # a double-spaced sentence going on in the next block
    return nxt < len(lines) and nxt - k <= 2 and lines[nxt].lstrip()[:1].islower() and not _terminal(block[-1])


# --- paragraphs ------------------------------------------------------------------------------------------

_BULLET = _re(r"^\s*(?:[-*•·▪◦‣⁃●○■□➢►–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\(\d{1,3}\)\s|\([a-z]\)\s)")
# "Tel: ...", "IWPR: ...", "Nowak: ...": a label or speaker opening a line (at most four words before ":")
_LABEL = _re(r"^\s*[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’&-]{0,30}(?: [\w.'’&-]{1,30}){0,3} ?:(?:\s|$)")
# a byline line ("By Jane Doe in Almaty", in editions set in capitals "BY ALAN DAVIS IN PRIZREN"): split
# relies on it standing alone
_BYLINE = _re(r"^\s*B[yY]\s+[A-ZÀ-ÖØ-ÞА-ЯЁ]")
_BY = ("By", "BY")  # a byline's first two letters, tested before _BYLINE
_NAME = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’-]*"
# a contents entry ending in its byline ("... winning combination.  By Ainagul Abdrakhmanova", "... rigged
# against them.  By Ana Petruseva in Skopje")
_BYLINE_AUTHOR = rf"{_NAME}(?:\s+{_NAME}){{0,3}}(?:\s+in\s+{_NAME}(?:\s+{_NAME}){{0,2}})?"
_BYLINE_END = _re(rf"\sB[yY]\s+{_BYLINE_AUTHOR}(?:(?:,|\s+and)\s+{_BYLINE_AUTHOR}){{0,4}}$")
# a dash opening a line, then a lower-case word: a parenthetical dash wrapped to the line start, not a bullet
_DASH_CONT = _re(r"^\s*[–—]\s+[a-zà-öø-ÿа-я]")  # "-" is the common list marker: not taken
_LETTER_RUN = _re(r"[^\W\d_]+")
_ASCII_LETTERS_GONE = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_HYPHEN_END = _re(r"(?<![^\W\d_])([^\W\d_]+)-$")
_HYPHEN_START = _re(r"^([^\W\d_]+)")
# words that cannot end a sentence: a line ending in one was wrapped
_CONTINUATION_WORDS = frozenset(
    "a an the of to in on at by for and or but with from that as is was were are be his her its their our into "
    "than who which whose has have had not will would could should".split())
_CLOSERS = "'\"’”»)]"
_QUOTE_CLOSERS = "\"”»"  # what closes a quotation (not "'": a name may end in one)


# what can open a match of _BULLET (a marker, a digit, "(") or stand second in one ("a) ", "b. "), and
# the characters _SIGNOFF and _MOBILE can start with, case-insensitively as ``re`` matches them (the
# Kelvin sign, long s, dotted and dotless i included): tests that spare most lines the patterns
_BULLET_OPEN = frozenset("-*•·▪◦‣⁃●○■□➢►–—(")
_BULLET_SECOND = frozenset(".)")
_SIGNOFF_FIRST = frozenset("ABCGHKMPRSTUVWYabcghkmprstuvwy\u017f\u0421\u0441\u1c83\u212a")
_MOBILE_FIRST = frozenset("EGISVegisv\u0130\u0131\u017f")


def _terminal(line: str) -> bool:
    """Does the line end a sentence ("... hide.\"", "Why?")?"""
    t = line.rstrip(_CLOSERS)
    return bool(t) and t[-1] in ".!?…"


def _hyphen_end(line: str) -> re.Match[str] | None:
    """The word before a hyphen ending the line ("be-"), if any (not "--", not "555-")."""
    if not line.endswith("-"):
        return None
    tail = line[-40:]
    m = _HYPHEN_END.search(tail)
    if m and m.start() == 0 and len(line) > len(tail) and line[-41].isalpha():
        return None  # the word is longer than the window: no real word, leave it
    return m


def _continuation_end(line: str) -> bool:
    if line[-1:] in ",;":
        return True
    return line.rsplit(" ", 1)[-1].lower() in _CONTINUATION_WORDS


def _first_word_len(line: str) -> int:
    s = line.lstrip()
    k = s.find(" ")
    return len(s) if k < 0 else k


@lru_cache(maxsize=8192)
def _letters_share(line: str) -> float:
    if not line:
        return 0.0
    if line.isascii():
        # the letters are A-Z and a-z: deleting them in C beats matching each one
        letters = len(line) - len(line.translate(_ASCII_LETTERS_GONE))
    else:
        letters = sum(map(len, _LETTER_RUN.findall(line)))  # runs, not one match per letter
    return letters / len(line.replace(" ", "") or "x")


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# a line from its first letter outside ASCII (a letter as _LETTER_RUN takes it) on: one match a line
_NON_ASCII_LETTER_LINE = _re(r"[^\W\d_\x00-\x7f][^\n]*")


def _low_letter_lines(lines: list[str], text: str) -> list[bool]:
    """For each of ``lines`` (stripped, not empty; ``text`` is them joined by "\\n"), is its
    ``_letters_share`` under one half?  ASCII letters are counted for all lines at once, on the UTF-8
    bytes; a line with a letter outside ASCII is counted on its own.

    >>> _low_letter_lines(["ab, cd", "12 34 x"], "ab, cd\\n12 34 x"), _low_letter_lines(["café --"], "café --")
    ([False, True], [False])
    """
    raw = text.encode("utf-8", "surrogatepass")  # (lone surrogates from undecodable bytes too)
    # letters / (characters but spaces) < 0.5, as a float compare of small integers: 2 * letters < rest
    low = [2 * (len(b) - len(g)) < len(x) - x.count(" ")
           for x, b, g in zip(lines, raw.split(b"\n"), raw.translate(None, _ASCII_LETTERS).split(b"\n"))]
    for i in _line_numbers(text, [m.start() for m in _NON_ASCII_LETTER_LINE.finditer(text)]):
        low[i] = _letters_share(lines[i]) < 0.5
    return low


def _wrap_width(line_lengths: list[int]) -> int | None:
    """The width a text was hard-wrapped at, if it was: most multi-line-block lines end near one width
    (``line_lengths``: of the lines stripped)."""
    lengths = sorted([n for n in line_lengths if n >= 20])
    if len(lengths) < 6:
        return None
    w = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-2]
    if w > 100 or w < 30:
        return None
    near = sum(1 for x in lengths if w - 15 <= x <= w + 2)
    return w if near >= len(lengths) * 0.4 else None


def _join_pair(a: str, b: str) -> tuple[str, str | None]:
    """Join line ``b`` onto ``a``; returns (joined, fix name) with a word hyphenated at the break rejoined
    ("be-" + "tween") unless it is a real compound ("Ata-" + "Jurt", "well-" + "known")."""
    b = b.lstrip()
    if a[-1:] != "-":
        return a + " " + b, None  # the common case, spared the tests below
    m = _hyphen_end(a)
    if m:
        mb = _HYPHEN_START.match(b)
        if mb:
            left, right = m.group(1), mb.group(1)
            if right[0].isupper() or not right[0].isalpha():
                return a + b, None  # "Ata-" + "Jurt": a hyphenated name
            words = _words()
            joined = (left + right).lower()
            at = len(a) - len(m.string) + m.start()  # (m is found in the line's last characters)
            if at and a[at - 1] == "&":
                return a + b, None  # joined, "&be-" + "tween;" would be an entity for a second run to decode
            if at and a[at - 1] == "-":
                # the word is already a link in a hyphenated chain ("54-year-" + "old", "Mazar-i-" +
                # "sharif"): the break is at one of its hyphens unless the joined form is a word
                return (a[:-1] + b, "dehyphenate") if joined in words else (a + b, None)
            # a right part of three letters or fewer is taken for a syllable ("outfit-" + "ter's"): short
            # words in the list are too often abbreviations to show a compound
            if joined in words or not (left.lower() in words and right.lower() in words and len(left) > 1
                                       and len(right) > 3):
                return a[:-1] + b, "dehyphenate"
            return a + b, None  # "well-" + "known": both parts are words, the joined form is not
    if a.endswith("-") and b[:1].isdigit() and a[-2:-1].isdigit():
        return a + b, None  # "555-" + "1234"
    return a + " " + b, None


@lru_cache(maxsize=16384)
def _is_structural(line: str, labels: bool = True) -> bool:
    """A line that keeps its line: a quote, a tag, a list item, a byline, a line mostly not letters, and
    (with ``labels``) a label or speaker turn ("Tel:", "IWPR:")."""
    s = line.strip()
    f = s[:1]
    # (on a stripped line each pattern needs its first characters: tested first, as in _break_kind)
    return bool(f == ">" or (f == "<" and _HTML_TAG.match(s))
                or ((f in _BULLET_OPEN or f.isdecimal() or s[1:2] in _BULLET_SECOND) and _BULLET.match(s)
                    and not _DASH_CONT.match(s))
                or (labels and ":" in s and _LABEL.match(s)) or (s[:2] in _BY and _BYLINE.match(s))
                or _letters_share(s) < 0.5)


def _ends_in_byline(line: str) -> bool:
    """A contents entry's last line, ending in its byline: the line after a gap does not go on with it (a
    next entry that lost its first lines starts in lower case).  Before a gap such a line may itself be
    the end of a wrapped sentence ("runs out of" / "money.  By Aziz Tassal in Lashkar Gah").

    >>> _ends_in_byline("rigged against them.  By Ana Petruseva in Skopje"), _ends_in_byline("By May the")
    (True, False)
    """
    s = line.strip()
    return bool((" By " in s or " BY " in s) and _BYLINE_END.search(s))


# a byline cut after a first name or a joining word ("... homes.  By Nino" / "Gerliani in Mestia")
_BYLINE_CUT = _re(r"(?:\bB[yY]|\band|,)\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’-]*$|\s(?:and|in)$")


def _byline_goes_on(sa: str, sb: str) -> bool:
    """Does line ``sb`` (stripped) finish the byline line ``sa`` (stripped) was cut in?  Then the two
    are one line, whatever the byline's standing alone would say.

    >>> _byline_goes_on("By Inga Sikorskaya and Tolkun", "Namatbaeva in Bishkek"), _byline_goes_on("By Ana Lee", "Kabul")
    (True, False)
    """
    if "B" not in sa or not _BYLINE_CUT.search(sa):
        return False
    m = _BYLINE_END.search(" " + sa + " " + sb)
    return bool(m) and m.start() <= len(sa)


def _break_kind(sa: str, sb: str, width: int | None, low_a: bool | None = None, low_b: bool | None = None,
                alone: bool = True) -> str:
    """Decide what separates line ``sa`` from the next line ``sb`` in one block (both stripped and not
    empty): 'join' or 'keep'.  ``low_a``/``low_b``: whether the line's letters share is under one half,
    if known; ``alone``: ``sa`` stands as a line of its own (it was not joined onto the line before)."""
    # cheap tests before each pattern: on stripped lines, a quote starts with ">", a tag with "<", a label
    # needs a ":", a byline starts with "By"
    fa, fb = sa[:1], sb[:1]
    if (fa == ">" or fb == ">" or (fa == "<" and _HTML_TAG.match(sa)) or (fb == "<" and _HTML_TAG.match(sb))):
        return "keep"
    if (width is not None and " " not in sb and _terminal(sb) and not _terminal(sa)
            and len(sa) + 1 + len(sb) > width and len(sa) <= width + 8):
        return "join"  # a sentence's last word wrapped on its own, a number ("... they left in" / "1999.")
    if sa[-2:-1].isdigit() and sa.endswith("-") and fb.isdigit():
        return "join"  # a number range or phone number wrapped at its hyphen
    if (_letters_share(sb) < 0.5 if low_b is None else low_b) or (_letters_share(sa) < 0.5 if low_a is None else low_a):
        return "keep"
    if ":" in sb and _LABEL.match(sb) and not (width and not _terminal(sa) and width - 8 <= len(sa) <= width + 2
                                 and len(sa) + 1 + _first_word_len(sb) > width):
        return "keep"  # a label or speaker turn; unless the line before is full and mid-sentence (wrapped)
    if ((sa[:2] in _BY and _BYLINE.match(sa)) or (sb[:2] in _BY and _BYLINE.match(sb))
            or (alone and _signature_line(sa)) or (fb.isupper() and _signature_line(sb))):
        # a byline, a sign-off or a device line is a line of its own, apart from the line before it too
        # (or a second run would find it joined onto that line); one joined onto the line before it, or in
        # lower case after it ("... can stay" / "warm."), is the end of a sentence
        return "keep"
    hyphen = sa[-1] == "-" and fb.isalpha() and bool(_hyphen_end(sa))
    lower_next = fb.islower()
    if (fb in _BULLET_OPEN or fb.isdecimal() or sb[1:2] in _BULLET_SECOND) and _BULLET.match(sb):
        # a dash opening a wrapped line inside a sentence ("... refugees\n– we aren't ...") is prose
        if not (_DASH_CONT.match(sb) and not _terminal(sa) and not _BULLET.match(sa)):
            return "keep"
    if hyphen:
        return "join"
    if (lower_next and not sa.endswith(":")) or (_continuation_end(sa) and not sa.isupper()):
        return "join"  # the sentence goes on
    # only a text hard-wrapped at a known width says more: there a line the next word would not have fit
    # on was wrapped (a block's own longest line is no measure: joining changes it, and a second run would
    # decide otherwise)
    if width is not None and width < len(sa) + 1 + _first_word_len(sb) and len(sa) <= width + 8:
        return "join"
    return "keep"


def _signature_line(s: str) -> bool:
    """A sign-off ("Regards,") or a device line ("Sent from my iPhone"), ``s`` stripped and not empty."""
    f = s[0]
    return bool((f in _SIGNOFF_FIRST and _SIGNOFF.match(s)) or (f in _MOBILE_FIRST and _MOBILE.match(s)))


def _regroup_block(block: list[str], width: int | None, log: _Log, forced: bool, stripped: list[str],
                   low: list[bool], last: bool = False) -> list[str]:
    """Join the wrapped lines of one block (lines between blank lines); keep structured lines.
    ``forced``: the block was merged over a blank line inside a sentence, its lines go on with each other.
    ``stripped``: the block's lines stripped; ``low``: whether each one's letters share is under one half;
    ``last``: the block ends the text (a quote there is an earlier message, which the e-mail step unquotes
    or removes as it finds it: its lines are not joined here)."""
    if len(block) == 1:
        return stripped
    if not forced and not any(" " in x for x in stripped) and not any(_hyphen_end(x) for x in stripped[:-1]):
        return stripped  # one word a line: a list, not wrapped prose
    # (only a second line that starts with a space can be indented deeper than the first)
    if not forced and block[1][:1].isspace():
        indents = [len(x) - len(x.lstrip()) for x in block]
        if any(i > indents[0] for i in indents[1:]) and indents[0] < min(indents[1:]) and not _hyphen_end(stripped[0]):
            return block  # a first line with indented lines under it: preformatted ("hello / there / world")
    out = [stripped[0]]
    joined = 0
    ragged_joined = -1  # the line last joined onto the one before it
    for k in range(len(block) - 1):
        sa, sb = stripped[k], stripped[k + 1]
        fa, fb = sa[0], sb[0]
        # the common cases, decided here as _break_kind decides them: after a plain line, a line going on
        # in lower case (no label, byline or marked list item), or a plain line in capitals, which only the
        # end of the line before and the wrap width can join
        if (sa[-1] not in ":-" and fa not in "<>" and not low[k] and not low[k + 1] and sb[1:2] not in _BULLET_SECOND
                and sa[:2] not in _BY and not (out[-1] is sa and _signature_line(sa))
                and not (fb.isupper() and _signature_line(sb))):
            if fb.islower():
                join = True
            elif fb.isupper() and ":" not in sb and sb[:2] not in _BY:
                join = ((_continuation_end(sa) and not sa.isupper())
                        or (width is not None and width < len(sa) + 1 + _first_word_len(sb) and len(sa) <= width + 8))
            else:
                join = _break_kind(sa, sb, width, low[k], low[k + 1], out[-1] is sa) == "join"
        else:
            join = _break_kind(sa, sb, width, low[k], low[k + 1], out[-1] is sa) == "join"
        if not join and fa == ">" and fb.islower() and not last and not _terminal(sa):
            join = True  # a quoted line a mail client wrapped without quoting the rest ("> Do not cross" / "will be")
        elif (not join and width is not None and k and 0 < len(sa) <= width // 3 and len(stripped[k - 1]) >= width - 10
                and ragged_joined == k and not _terminal(sa) and not _is_structural(sb)
                and len(stripped[k - 1]) + 1 + len(sa) + 1 + _first_word_len(sb) > width + 2):
            # re-wrapped narrower by a mail client (a full line, then the few words it could not hold): the
            # line was the two together, and the next word did not fit on that
            join = True
        if join:
            last = out[-1]
            # the stripped line, as a line kept on its own is: white space a line ends in that the spaces
            # step leaves (U+2028, a form feed) must not survive here and then go on a second run
            if last[-1] != "-":  # _join_pair's common case
                out[-1] = last + " " + sb
            else:
                out[-1], fix = _join_pair(last, sb)
                if fix:
                    log.fix(fix)
            joined += 1
            ragged_joined = k + 1
        else:
            out.append(sb)
    log.fix("unwrap", joined)
    return out


def _blocks(lines: list[str]) -> tuple[list[tuple[int, list[str]]], list[list[str]]]:
    """Split lines into (blank lines before, block lines), and the blocks' lines stripped."""
    out: list[tuple[int, list[str]]] = []
    out_stripped: list[list[str]] = []
    blank = 0
    cur: list[str] = []
    cur_stripped: list[str] = []
    for line in lines:
        s = line.strip()
        if s:
            cur.append(line)
            cur_stripped.append(s)
        else:
            if cur:
                out.append((blank, cur))
                out_stripped.append(cur_stripped)
                cur, cur_stripped = [], []
                blank = 0
            blank += 1
    if cur:
        out.append((blank, cur))
        out_stripped.append(cur_stripped)
    return out, out_stripped


def _double_spaced(blocks: list[tuple[int, list[str]]], width: int | None) -> bool:
    """Every line followed by one blank line, lines wrapped at one width: a double-spaced scrape."""
    singles = [b for _, b in blocks if len(b) == 1]
    if width is None or len(singles) < 6 or len(singles) < 0.7 * len(blocks):
        return False
    gaps = cont = lower = 0
    for (ga, a), (gb, b) in zip(blocks, blocks[1:]):
        if gb == 1 and len(a) == 1 and len(b) == 1:
            gaps += 1
            if _gap_joins(a[0], b[0], width):
                cont += 1
                if b[0].lstrip()[:1].islower():
                    lower += 1
    # lower-case continuations across a gap are what a cleaned text never has: without several of them,
    # paragraphs separated by blank lines (this function's own output) are not taken for a scrape
    return gaps >= 5 and cont >= 0.4 * gaps and lower >= max(3, 0.2 * gaps)


@lru_cache(maxsize=16384)
def _gap_joins(a: str, b: str, width: int) -> bool:
    sa, sb = a.strip(), b.strip()
    if _byline_goes_on(sa, sb):
        return True
    # a speaker turn or label goes on over the gap as any line does ("IWPR: Why did ... lived in" / "Almaty");
    # one in capitals is a heading ("CONTENTS:", "GEORGIA: BRIDE KIDNAPPING RETURNS")
    if _is_structural(sb) or _is_structural(sa, labels=sa.isupper()) or _ends_in_byline(sa):
        return False
    if _hyphen_end(sa) and sb[:1].isalpha():
        return True
    if _terminal(sa):
        return False
    if sb[:1].islower() or _DASH_CONT.match(sb) or _continuation_end(sa):
        return True
    return width - 8 <= len(sa) <= width + 2 and len(sa) + 1 + _first_word_len(sb) > width


def _sentence_continues(a: str, b: str) -> bool:
    """Does line ``b``, after a gap, go on with the sentence line ``a`` left unfinished?"""
    sa, sb = a.strip(), b.strip()
    if (not sb[:1].islower() or _is_structural(sb) or _is_structural(sa, labels=sa.isupper())
            or _ends_in_byline(sa) or _SALUTATION.match(sa)):
        return False
    if _MOBILE.match(sa) or _SIGNOFF.match(sa) or _DASH_NAME.match(sa):
        return False  # a signature line the e-mail step left (not at the end) stays a line of its own
    # (ended as _gap_joins ends a line: after a closing quote or a number a sentence may go on, and a run
    # that left it apart would leave a text a second run takes for a double-spaced scrape)
    end = sa.rstrip(_CLOSERS)[-1:]
    return (end.isalnum() and not _terminal(sa)) or sa[-1:] in ",;:" or sa.endswith("--")


def fix_paragraphs(text: str, log: _Log) -> str:
    """Regroup lines into paragraphs separated by one blank line.

    Hard-wrapped lines are joined; a double-spaced scrape (a blank line after every line) is regrouped,
    a double gap (a lost line) ending a paragraph; a blank line inside a sentence ("The captain\\n\\nordered")
    is closed; lists, labels ("Tel:", "IWPR:"), quote lines and short deliberate lines keep their lines.

    >>> fix_paragraphs("The great ship\\n\\nsailed into the harbor.\\n\\n\\nIWPR: Why?\\nNowak: Because.", _Log())
    'The great ship sailed into the harbor.\\n\\nIWPR: Why?\\nNowak: Because.'
    """
    lines = log.lines(text)
    blocks, stripped_blocks = _blocks(lines)
    if not blocks:
        return ""
    # the wrap width of a double-spaced scrape shows in its one-line blocks; that of a hard-wrapped text
    # in the lines that have another line of their paragraph after them (a paragraph's last line is
    # short, and a cleaned text has no such lines left but those of lists and addresses)
    # (the blocks' lines are stripped already: _wrap_width is given their lengths)
    width = _wrap_width([len(b[0]) for b in stripped_blocks if len(b) == 1])
    double = _double_spaced(blocks, width)
    if not double:
        width = _wrap_width([len(x) for b in stripped_blocks for x in b[:-1]])
        if width is not None:
            # a text whose paragraphs mostly run on far past the width is not wrapped at it: the width was
            # measured on the few lines an earlier run kept (short lines it judged deliberate), and taking
            # it would join them on a second run
            lengths = sorted(map(len, chain.from_iterable(stripped_blocks)))
            long_from = bisect_right(lengths, width + 10)
            if len(lengths) - long_from > long_from - bisect_left(lengths, width - 15):
                width = None
    # (blocks are merged in place: the block lists are not needed as they were after this)
    merged: list[tuple[int, list[str], bool]] = []
    stripped: list[list[str]] = []  # the merged blocks' lines stripped
    regrouped = closed = 0
    for (gap, b), sb in zip(blocks, stripped_blocks):
        if merged:
            a = merged[-1][1][-1]
            if double and gap == 1 and len(b) == 1 and _gap_joins(a, b[0], width or 0):
                merged[-1][1].append(b[0])
                stripped[-1].append(sb[0])
                regrouped += 1
                continue
            # (a sentence goes on only in a lower-case word: tested here first, it spares most calls)
            if sb[0][:1].islower() and _sentence_continues(a, b[0]):
                # a blank line (or a lost line) inside a sentence: "His colour\n\nmounted; he ..."
                merged[-1][1].extend(b)
                stripped[-1].extend(sb)
                merged[-1] = (merged[-1][0], merged[-1][1], True)
                closed += 1
                continue
        merged.append((gap, b, False))
        stripped.append(sb)
    log.fix("double-spaced", regrouped)
    log.fix("blank-in-sentence", closed)
    # the letters share of every line of a multi-line block, in one go
    several = [x for s in stripped if len(s) > 1 for x in s]
    low = _low_letter_lines(several, "\n".join(several))
    paragraphs = []
    at = 0
    for k, ((_, b, forced), s) in enumerate(zip(merged, stripped)):
        if len(s) > 1:
            paragraphs.append("\n".join(_regroup_block(b, width, log, forced, s, low[at : at + len(s)],
                                                        k == len(merged) - 1)))
            at += len(s)
        else:
            paragraphs.append(s[0])
    return "\n\n".join(paragraphs)


_SALUTATION = _re(r"^(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening)|sehr\s+geehrte|liebe|lieber|hallo|"
                         r"bonjour|salut|chère|cher|hola|estimad[oa]s?|querid[oa]s?|cari?|gentile|beste|hej|"
                         r"уважаем\w*|здравствуйте)\b", re.I)
_BLANK_RUN = _re(r"\n\n\n\n*")  # spelled so the engine skips to "\n\n\n"


def fix_blank_lines(text: str, log: _Log) -> str:
    """Runs of blank lines to one; no blank lines at the start or end.

    >>> fix_blank_lines("\\n\\na\\n\\n\\n\\nb\\n\\n", _Log())
    'a\\n\\nb'
    """
    new, n = _BLANK_RUN.subn("\n\n", text)
    stripped = new.strip("\n")
    log.fix("blank-lines", n + (stripped != new))
    return stripped


# --- ASCII punctuation -----------------------------------------------------------------------------------

_ASCII_PUNCT = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "‹": "'", "›": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "―": "-", "‐": "-", "‑": "-", "−": "-", "…": "...",
})
_NON_ASCII_PUNCT = _re("[‘’‚‛′‹›“”„‟″«»–—―‐‑−…]")


def fix_ascii_punct(text: str, log: _Log) -> str:
    """Curly quotes, dashes and ellipses to ASCII (only with ``ascii_punct``).

    >>> fix_ascii_punct("“It’s — fine…”", _Log())
    '"It\\'s - fine..."'
    """
    n = len(_NON_ASCII_PUNCT.findall(text))
    log.fix("ascii-punct", n)
    return text.translate(_ASCII_PUNCT) if n else text


# --- the pipeline ----------------------------------------------------------------------------------------

Fixer = Callable[[str, _Log], str]

PIPELINE: tuple[tuple[str, str, Fixer], ...] = (
    ("whitespace", "line-endings", fix_line_endings),
    ("encoding", "quoted-printable", fix_quoted_printable),
    ("encoding", "html-entities", fix_html_entities),
    ("encoding", "mojibake", fix_mojibake),
    ("whitespace", "control-chars", fix_control_chars),
    ("encoding", "ligatures", fix_ligatures),
    ("encoding", "unicode-nfc", fix_unicode_nfc),
    ("whitespace", "spaces", fix_spaces),
    ("boilerplate", "boilerplate", fix_boilerplate),
    ("email", "email", fix_email),
    ("paragraphs", "paragraphs", fix_paragraphs),
    ("whitespace", "blank-lines", fix_blank_lines),
    ("ascii_punct", "ascii-punct", fix_ascii_punct),
)
"""(option that enables it, name, fixer), in the order they run."""


_REMOVALS = ("boilerplate", "email")


def _removals(text: str, log: _Log, opts: CleanOptions) -> str:
    """Boilerplate and e-mail removals until neither finds more: unquoting a forwarded part can reveal
    chrome, and removing trailing chrome can leave a signature at the end."""
    for _ in range(4):
        new = text
        settled = True
        if opts.boilerplate:
            new, settled = _strip_boilerplate(new, log)
        if opts.email:
            before, logged = new, sum(log.fixes.values())
            new = fix_email(new, log)
            # fix_email is a function of its text alone: idle on this text, it is idle on it next round
            settled = settled and new == before and sum(log.fixes.values()) == logged
        if new == text or settled:
            # (settled: the next round would get this round's output back unchanged, and log nothing)
            text = new
            break
        text = new
    return text


def explain_text(text: str, **options: Any) -> CleanResult:
    """Clean ``text`` and say what was done: ``fixes`` {fixer: count} and ``removed`` [{text, reason}].

    >>> r = explain_text("Hi there.\\n\\nSent from my iPhone")
    >>> r.text, r.fixes, r.removed
    ('Hi there.', {'signature': 1}, [{'text': 'Sent from my iPhone', 'reason': 'signature'}])
    """
    opts = _options(options)
    log = _Log()
    split = next(i for i, step in enumerate(PIPELINE) if step[1] == "paragraphs")
    mojibake_at = next(i for i, step in enumerate(PIPELINE) if step[1] == "mojibake")
    # character repairs and removals again after a removal: what a removal leaves can look different
    # (a stray "=a" under a signature kept quoted-printable from being decoded)
    for _ in range(3):
        before = text
        for option, name, fixer in PIPELINE[:split]:
            if name in _REMOVALS:
                if name == "boilerplate":
                    text = _removals(text, log, opts)
            elif getattr(opts, option):
                text = fixer(text, log)
        if not log.removed or text == before:
            break
        # only quoted-printable and entity decoding judge the whole text: if they see nothing new in what
        # the removals left, nothing else will either
        probe = _Log()
        if not (opts.encoding and fix_html_entities(fix_quoted_printable(text, probe), probe) != text):
            break
    for option, name, fixer in PIPELINE[split:]:
        if getattr(opts, option):
            text = fixer(text, log)
            if name == "paragraphs" and opts.encoding and log.mojibake_seen:
                # mojibake is judged line by line, and ftfy may judge a joined line otherwise (a word
                # rejoined at its hyphen): judge it again as a second run would, and if that repairs
                # something, the character steps after it too
                again = fix_mojibake(text, log)
                if again is not text:
                    text = again
                    for option2, _name2, fixer2 in PIPELINE[mojibake_at + 1:split]:
                        if getattr(opts, option2) and option2 in ("encoding", "whitespace"):
                            text = fixer2(text, log)
    return CleanResult(text, dict(sorted(log.fixes.items())), log.removed)


def clean_text(text: str, **options: Any) -> str:
    """The cleaned text (options: see ``CleanOptions``).

    >>> clean_text("Caf\\u00c3\\u00a9 &amp; bar\\r\\nopen   late")
    'Café & bar open late'
    """
    return explain_text(text, **options).text


ARTICLE_FIELDS = ("headline", "standfirst", "byline", "body", "notes")


def clean_record(record: dict[str, Any], *, ascii_punct: bool = False) -> dict[str, Any]:
    """Clean a record: a ``document``'s ``text``; an ``article``'s headline, standfirst, byline, body and
    notes (its ``text`` and ``span`` stay the exact input slice).  Adds ``fixes`` and ``removed``.

    >>> clean_record({"id": "a", "source": "a", "kind": "document", "text": "x\\u00a0y"})["text"]
    'x y'
    """
    kind = record.get("kind", "document")
    out = dict(record)
    log_fixes: Counter[str] = Counter(record.get("fixes") or {})
    removed = list(record.get("removed") or [])
    if kind == "document":
        if not isinstance(record.get("text"), str):
            raise BadInput("document record has no string 'text' field")
        targets: tuple[str, ...] = ("text",)
    else:
        targets = tuple(f for f in ARTICLE_FIELDS if isinstance(record.get(f), str))
    for name in targets:
        result = explain_text(record[name], ascii_punct=ascii_punct)
        out[name] = result.text if result.text or name == "text" else None
        log_fixes.update(result.fixes)
        for item in result.removed:
            removed.append(item if kind == "document" else {**item, "field": name})
    out["fixes"] = dict(sorted(log_fixes.items()))
    out["removed"] = removed
    return out
