"""``bylines``: who wrote an article, from where, and who they are.

A byline is cut into segments (";", "|", dashes, sentence stops), each segment into chunks (commas and
"and"), and every chunk is classified: a name (with an optional "in PLACE"), a role ("IWPR Central Asia
editor"), a bare place, an outlet ("Reuters", "for the Daily Mail"), a collective credit ("IWPR staff")
or junk (e-mail fragments, "Chapter III").  Places bind to the group of names before them, so in
"A in Almaty, B and C in Bishkek" both B and C are in Bishkek.  A chunk that is not clearly a name is
never returned as one: a missed author is better than a place or a role counted as a person.

End-of-article bios ("X is an IWPR-trained journalist in Bishkek.") then attach to the authors they name.
Word lists live in ``data/byline_words.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from .datafiles import load_json
from .errors import BadInput
from .editions import MONTH_PATTERN as _MONTH, edition_ref_span
from .textutil import LazyPattern


@dataclass(frozen=True)
class Author:
    """One author of a byline; ``None``/``False`` where the text does not say."""

    name: str
    location: str | None = None
    role: str | None = None
    pseudonym: bool = False
    bio: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The author as a record's ``authors`` entry, keys in contract order.

        >>> Author("Jane Doe", "Almaty").as_dict()
        {'name': 'Jane Doe', 'location': 'Almaty', 'role': None, 'pseudonym': False, 'bio': None}
        """
        return {"name": self.name, "location": self.location, "role": self.role,
                "pseudonym": self.pseudonym, "bio": self.bio}


# --- word lists ------------------------------------------------------------------------------------------


# The classes below are plain classes, not dataclasses: every dataclass costs a third of a millisecond of
# each `iwpr bylines` start-up.  (``Author``, the public one, stays a dataclass.)


class _Words:
    """The word lists and their patterns."""

    def __init__(self, *, prefix: regex.Pattern, photo: regex.Pattern, colon_label: regex.Pattern,
                 role_heads: frozenset[str], role_vocab: frozenset[str], outlets: frozenset[str],
                 strong_outlet: frozenset[str], collective: frozenset[str], particles: frozenset[str],
                 suffixes: frozenset[str], titles: frozenset[str], titles_suffixes: frozenset[str],
                 junk: frozenset[str], protected: regex.Pattern, lower_ok: frozenset[str],
                 work_roles: frozenset[str], name_articles: frozenset[str], place_kinds: frozenset[str],
                 bio_subject: LazyPattern, bio_subject_starts: tuple[str, ...], pseudonym: LazyPattern,
                 bio_adverbs: LazyPattern, bio_adverb_words: frozenset[str]) -> None:
        self.prefix, self.photo, self.colon_label, self.protected = prefix, photo, colon_label, protected
        self.role_heads, self.role_vocab, self.outlets, self.strong_outlet = role_heads, role_vocab, outlets, strong_outlet
        self.collective, self.particles, self.suffixes, self.titles = collective, particles, suffixes, titles
        self.titles_suffixes, self.junk, self.lower_ok = titles_suffixes, junk, lower_ok
        self.work_roles = work_roles  # roles that need their work after them: "author of Taliban"
        self.name_articles = name_articles  # joined to a name by a hyphen: "al-Nahr"
        self.place_kinds = place_kinds  # printed after a place in small letters: "Anbar province"
        self.bio_subject = bio_subject  # "The authors are ...": a bio of every author of the byline
        self.bio_subject_starts = bio_subject_starts  # its first words, tested before the pattern
        self.pseudonym = pseudonym  # "the pseudonym of", "a pen name for"
        self.bio_adverbs = bio_adverbs  # before a bio's role: "is currently IWPR's editor"
        self.bio_adverb_words = bio_adverb_words


def _phrases(items: list[str]) -> str:
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_json("byline_words.json")
    heads = frozenset(data["role_heads"])
    return _Words(
        # "By", "Interview by", "By:" and "By\u00a0" but never the "By" of "Byrne"
        prefix=regex.compile(rf"^(?:{_phrases(data['prefixes'])})(?:\s*:\s*|\s+|$)", regex.I),
        # a photographer's or translator's credit: the name after it is no author's
        photo=regex.compile(rf"^(?:{_phrases(data['photo_prefixes'] + data['translator_prefixes'] + [f'translated from {lang} by' for lang in data['translated_from']])})(?:\s*:\s*|\s+|$)", regex.I),
        colon_label=regex.compile(rf"^(?:{_phrases(data['colon_labels'])})\s*:\s*", regex.I),
        role_heads=heads,
        role_vocab=heads | frozenset(data["role_modifiers"]),
        outlets=frozenset(data["outlets"]),
        strong_outlet=frozenset(data["strong_outlet_words"]),
        collective=frozenset(data["collective"]),
        particles=frozenset(data["particles"]),
        suffixes=frozenset(data["suffixes"]),
        titles=frozenset(data["titles"]),
        titles_suffixes=frozenset(data["titles"]) | frozenset(data["suffixes"]),
        junk=frozenset(data["junk"]),
        work_roles=frozenset(data["work_roles"]),
        name_articles=frozenset(data["name_articles"]),
        place_kinds=frozenset(data["place_kinds"]),
        # compiled on first use: most records never need them, and every start-up would pay
        bio_subject=LazyPattern(rf"^(?:{_phrases(data['bio_subjects'])})\s+(?P<verb>is|are|was|were)\s+", regex.I),
        bio_subject_starts=tuple(f"{p} " for p in data["bio_subjects"]),
        pseudonym=LazyPattern(rf"^(?:(?:the|a|an)\s+)?(?:{_phrases(data['pseudonym_words'])})"
                              r"(?:\s+(?:of|for|used\s+by)\s+|$)", regex.I),
        bio_adverbs=LazyPattern(rf"^(?:(?:{_phrases(data['bio_adverbs'])})\s+){{1,3}}", regex.I),
        bio_adverb_words=frozenset(data["bio_adverbs"]),
        lower_ok=heads | frozenset(data["role_modifiers"]) | frozenset(data["particles"]) | frozenset(data["suffixes"])
        | frozenset(data["connectors"]),
        protected=regex.compile(rf"\b(?:{_phrases(data['protected_phrases'])})\b", regex.I),
    )


# --- cleaning -------------------------------------------------------------------------------------------

_TAG = LazyPattern(r"<[^<>]{0,200}>")
_EMAIL = LazyPattern(r"\(?\s*(?:mailto:)?[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\s*\)?")
_URL = LazyPattern(r"(?:https?://|www\.)\S*|\b[\w\-]+(?:\.[\w\-]+)*\.(?:com|org|net|edu|gov|co\.uk|org\.uk|io|info)\b", regex.I)
# what is left of a site name after the dots were turned into spaces: "Website .Com", "Www..Com"
_SITE_STUB = LazyPattern(r"(?:\b(?:website|site|blog|news|www)\s*)?\.+\s*(?:com|org|net|edu|gov)\b|\bwww\b\.*", regex.I)
_HANDLE = LazyPattern(r"(?<![\w@])@\w+")
_PHONE = LazyPattern(r"\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]\d{4}")
_TIME = LazyPattern(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?!\w)|\b\d{1,2}\s*[ap]\.?m\b\.?", regex.I)
_DATE = LazyPattern(
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?(?:\s+\d{{4}})?\b"
    r"|\b\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}\b",
    regex.I,
)
# a trailing month abbreviation with its day lost ("... and Jonathan Gitlin Sept"); short forms only,
# "May" and "June" are given names
_TRAILING_MONTH = LazyPattern(r"\s+(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?\s*$")
_SYMBOLS = LazyPattern(r"[\p{So}\p{Sk}\p{Cs}\p{Co}\uFE0E\uFE0F\u200B-\u200D*#^~=+<>@{}\[\]]+")
# a place in brackets after a name: "Iso Rusi (Tetovo) and Saso Ordanoski (Skopje)"
_PAREN_PLACE = LazyPattern(
    r"(?<=\p{L})\s*\((?P<inside>\p{Lu}[\p{L}'’/&.\-]*(?:\s\p{Lu}[\p{L}'’/&.\-]*){0,2})\)(?=\s*(?:$|,|and\s|&)| in\s)"
)
# left where an outlet in brackets stood before another author ("Jane Doe (BIRN) and Bo Li (Banja Luka)"):
# the names before it are closed off, so a later place is not theirs
_CLOSED = "\u2063"
_PAREN_OUTLET = LazyPattern(r"\s*\((?P<outlet>\p{Lu}[\p{L}\p{N}.&'/\- ]{0,39})\)$")
# "(name withheld)", "name withheld for security reasons": an author IWPR does not name, so a credit, no person
_WITHHELD = LazyPattern(r"\(?\b(?:(?:the\s+)?(?:author'?s?\s+)?names?|identity)\s+(?:(?:is|are|being|has\s+been)\s+)?"
                        r"withheld\b[^()]{0,60}\)?", regex.I)
_CAPS_ISSUE = LazyPattern(r"(?<=\b\p{Lu}{2,5}\s{1,3})NO(?=\.?\s{0,3}\d)")
# an edition reference printed without its "No." ("(BCR 512, 23 July 2004)", "(CRS 356, 19-Oct-06)"): taken
# only for a known newsletter's abbreviation with a date after the number
_BARE_REF = LazyPattern(r"\(\s*(?P<abbr>\p{Lu}{2,5})\s+(?P<issue>\d{1,5})\s*,\s*(?P<date>[^()\n]{4,40}?)\s*\)")
# a week's issue dated by its days ("March 18-22, 2002"): the last day is the issue's date
_DAY_RANGE = LazyPattern(rf"\b(?P<month>{_MONTH})\.?\s+\d{{1,2}}\s*[-–]\s*(?P<day>\d{{1,2}})\b", regex.I)
# text that skipped `iwpr clean`: UTF-8 read as Windows-1252 ("DÃ©sirÃ©", "IWPRâ€™s") and quoted-printable
# leftovers ("Bishkek=20", "IWPR=E2=80=99s"); a lead character, then one to three continuation characters
_MOJIBAKE_RUN = LazyPattern(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)
_QP_RUN = LazyPattern(r"(?:=[0-9A-F]{2})+")
# replaced by one space: runs of white space, and any single white space other than a space.  The same
# result as ``\s+`` but a single space is not matched, and most text has nothing else to replace.
_SPACE = LazyPattern(r"\s{2,}|[^\S ]")
_ANY_DIGIT = LazyPattern(r"\d")


def _has_digit(text: str) -> bool:
    return _ANY_DIGIT.search(text) is not None


# (pattern, replacement, whether the text has what the pattern needs): each pattern needs characters most
# bylines lack ("@", "." or ":", a digit) and runs only when the text has them; the same text comes out,
# at a fraction of the cost
_CLEANERS = (
    (_EMAIL, " , ", lambda text: "@" in text),
    (_URL, " ", lambda text: "." in text or ":" in text),
    (_SITE_STUB, " ", lambda text: "." in text or "www" in text.lower()),
    (_HANDLE, " ", lambda text: "@" in text),
    (_PHONE, " ", _has_digit),
    (_TIME, " ", _has_digit),
    (_DATE, " ", _has_digit),
)


def _undecoded(match: Any) -> str:
    """A mojibake or quoted-printable run decoded, or kept as it is when it does not decode."""
    run = match.group(0)
    raw = bytes.fromhex(run.replace("=", "")) if run[0] == "=" else None
    if raw is None:
        try:
            raw = run.encode("cp1252")
        except UnicodeEncodeError:
            return run
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace") if run[0] == "=" else run


def _repair(text: str) -> str:
    """``text`` with mojibake and quoted-printable runs decoded (most text has neither and is returned).

    >>> _repair("D\u00c3\u00a9sir\u00c3\u00a9 in Bishkek=20")
    'Désiré in Bishkek '
    """
    if "=" in text:
        text = _QP_RUN.sub(_undecoded, text)
    if not text.isascii() and _MOJIBAKE_RUN.search(text):
        text = _MOJIBAKE_RUN.sub(_undecoded, text)
    return text


def _clean(text: str) -> tuple[str, str | None]:
    """Decode markup and drop what is never part of a name; return (clean text, edition reference)."""
    if "&" in text:
        import html  # here: its import (and the entity table) costs 1.4 ms of every start-up

        text = html.unescape(html.unescape(text))
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = _repair(text)
    edition = None
    if "NO" in text:  # a byline printed in capitals prints its edition data so: "(ICR NO. 172, 19-MAY-06)"
        text = _CAPS_ISSUE.sub("No", text)
    span = edition_ref_span(text)
    if span:
        edition = text[span[0] : span[1]]
    elif "(" in text and (bare := _bare_edition_ref(text)):
        span, edition = bare
    if span:
        text = text[: span[0]] + " " + text[span[1] :]
    for pattern, replacement, needed in _CLEANERS:
        if needed(text):
            text = pattern.sub(replacement, text)
    text = _SYMBOLS.sub(" ", text.replace("_", " "))
    text = _SPACE.sub(" ", text).strip()
    text = _DANGLING.sub("", _TRAILING_MONTH.sub("", text))
    return text.strip(" ,;:-–—|•·"), edition


# --- segments and chunks --------------------------------------------------------------------------------

# separators after which an outlet or site name usually follows ("Jane Doe | Reuters", "X — The Moon")
_TAIL_SEP = LazyPattern(r"\s*(?:\||•|·|\s[—–\-]\s|[—–]|\s/\s)\s*")
_HARD_SEP = LazyPattern(r"\s*;\s*")
_STOP = LazyPattern(r"(?<=(?:\p{L}{2}))\.\s+(?=\p{Lu})")
_CHUNK_SEP = LazyPattern(r"\s*(,|:|\s&\s|&|\s(?i:and|und)\s)\s*")
# edge punctuation of a chunk; a final stop stays where it ends an initial or "Jr."
_TRIM = LazyPattern(r"^[\s.,'’]+|(?<!\b\p{L}|\b(?i:jr|sr|dr|st))[\s.,'’]+$|[\s,'’]+$")
_DANGLING = LazyPattern(r"\s+(?i:for|from|of|with|at|in|by|and)$")
_LEADING_CONJ = LazyPattern(r"^(?i:and|und|&)\s+")
_TOKEN = LazyPattern(r"\"[^\"]{1,40}\"|“[^”]{1,40}”|\S+")
_IN = LazyPattern(r"^(?P<head>.*?)\s+(?:in|In|IN|at|At|AT)\s+(?P<place>(?:the\s+)?[\p{Lu}\p{N}].*)$")
_BARE_IN = LazyPattern(r"^(?:in|In|IN|at|At)\s+(?P<place>(?:the\s+)?\p{Lu}.*)$")
_REPORTS_FROM = LazyPattern(r"^(?P<head>.+?)\s+(?i:reports?|reporting|writes|writing)\s+(?i:from)\s+(?P<place>\p{Lu}.*)$")
_AFFIL = LazyPattern(r"^(?P<head>.*?)\s+(?P<word>for|For|FOR|from|From|FROM|of|Of|OF|with|With)\s+(?P<rest>.+)$")
_CAMEL = LazyPattern(r"^(\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}+)$")
_NAME_TOKEN = LazyPattern(r"^(?:[\"“][^\"”]+[\"”]|[\p{L}\p{M}][\p{L}\p{M}'’.\-]*)$")
_EDGE = LazyPattern(r"^[^\p{L}\p{M}\p{N}\"“]+|[^\p{L}\p{M}\p{N}.\"”]+$")
_DIGITS = LazyPattern(r"\d+")
_ROMAN = LazyPattern(r"^(?:[IVX]+|\d+(?:st|nd|rd|th)?)$", regex.I)
_TAGLINE = LazyPattern(r"(?i:the|an?)\s")
_ARTICLE_WORD = LazyPattern(r"^(?i:an?|the)\s+")
_HEADING = LazyPattern(r"^(?P<head>[^:]{1,60}):\s*(?P<rest>.+)$")
_MIXED = LazyPattern(r"^[\p{P}]*\p{Lu}[\p{L}\p{M}'’.\-]*\p{Ll}")
_HAS_LETTER = LazyPattern(r"\p{L}")
# "A and B in Osh and Bishkek respectively" (in a byline or a bio): one place per name, in order
_RESPECTIVELY = LazyPattern(r",?\s+respectively$", regex.I)
_PLACE_LIST = LazyPattern(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_NEXT_LINE = LazyPattern(r"[ \t]*\n[ \t]*([^\n]+)")


def _segments(text: str) -> list[tuple[str, bool]]:
    """(segment, follows a tail separator) pairs."""
    out: list[tuple[str, bool]] = []
    for hard in _HARD_SEP.split(text):
        parts = _TAIL_SEP.split(hard)
        for i, part in enumerate(parts):
            for j, piece in enumerate(_split_stops(part)):
                if piece.strip():
                    out.append((piece.strip(), i > 0 and j == 0))
    return out


def _split_stops(text: str) -> list[str]:
    """Cut at a full stop that ends a word ("SARA KARL. Special to ..."), not after "Dr." or "Jr."."""
    words = _words()
    pieces, start = [], 0
    for m in _STOP.finditer(text):
        before = text[start : m.start()].rsplit(" ", 1)[-1].lower()
        if before + "." in words.titles or before + "." in words.suffixes or before in words.titles:
            continue
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


def _chunks(segment: str) -> list[tuple[str, str]]:
    """(joiner, chunk) pairs; the joiner is "," or "and" ("" for the first chunk)."""
    protected = _words().protected.sub(lambda m: m.group(0).replace(" ", "\x00"), segment)
    parts = _CHUNK_SEP.split(protected)
    out = [("", _LEADING_CONJ.sub("", parts[0]))]
    for k in range(1, len(parts), 2):
        sep = parts[k].strip().lower()
        joiner = "," if sep in (",", ":") else "and"
        chunk = parts[k + 1]
        if joiner == "," and _LEADING_CONJ.match(chunk):  # "B, and C"
            chunk, joiner = _LEADING_CONJ.sub("", chunk), "and"
        out.append((joiner, chunk))
    trimmed = [(j, _TRIM.sub("", c)) for j, c in out]
    return [(j, c.replace("\x00", " ")) for j, c in trimmed if c]


def _tokens(text: str) -> list[str]:
    out = []
    for raw in _TOKEN.findall(text):
        if raw.isalpha():  # most tokens: nothing to strip, no digits, no stop (the rules below keep them)
            out.append(raw)
            continue
        if raw[:1] in "\"“" and _TAGLINE.match(raw[1:]):
            continue  # 'Jenny "The Author" Smith': a tagline, not a nickname
        tok = _EDGE.sub("", raw)
        if _HAS_LETTER.search(tok) and not tok[:1].isdigit():
            tok = _DIGITS.sub("", tok).lstrip(".-").rstrip("-") if not _ROMAN.match(tok) else tok
            if tok.endswith(".") and len(tok) > 2 and tok[:-1].isalpha() and tok[:-1].lower() + "." not in (
                _words().titles_suffixes) and not tok[:-1].isupper():
                tok = tok[:-1]
            if tok:
                out.append(tok)
    return out


def _low(tok: str) -> str:
    return tok.lower().strip(".'’")


# --- natural case ---------------------------------------------------------------------------------------


_WORD_JOINER = LazyPattern(r"([\-'’])")
_CREDIT_BY = LazyPattern(r"^(?i:by|from)(?:\s*:\s*|\s+)")


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def _natural_word(word: str, first: bool) -> str:
    """One capitals-only or lower-case word in its natural case: "MCDONALD" -> "McDonald"."""
    words = _words()
    low = word.lower()
    if low in words.suffixes:
        return low.upper() if low.strip(".") in ("ii", "iii", "iv", "phd", "md") else _cap(low)
    if low in words.titles:
        return _cap(low)
    if not first and low in words.particles:
        return low
    parts = _WORD_JOINER.split(word)
    out = []
    for i, part in enumerate(parts):
        if part in ("-", "'", "’"):
            out.append(part)
            continue
        lowp = part.lower()
        if i == 0 and not first and len(parts) > 2 and lowp in words.name_articles:
            out.append(lowp)  # "ALI AL-MAMOURI" -> "Ali al-Mamouri", as IWPR prints the article
            continue
        prev_apos = i >= 2 and parts[i - 1] in ("'", "’")
        if prev_apos and (lowp == "s" and i == len(parts) - 1 or len(parts[i - 2]) > 1):
            out.append(lowp)  # "McDonald's", "Ng'ang'a" keep the letter after a long stem small
            continue
        cased = _cap(part)
        if lowp.startswith("mc") and len(lowp) > 3:
            cased = "Mc" + _cap(part[2:])
        elif lowp.startswith("mac") and len(lowp) > 6 and lowp[3] not in "aeiouhky":
            cased = "Mac" + _cap(part[3:])
        out.append(cased)
    return "".join(out)


def _natural_case(tokens: list[str]) -> list[str]:
    """Tokens of a name in natural case when the name is printed all in capitals or all in lower case.

    A name that already has a mixed-case word keeps its other words as printed ("Ojewola RW",
    "Bubba jo-bob Brain"): those are initials or deliberate spellings.
    """
    def mixed(t: str) -> bool:  # a capital and a small letter: lower() and upper() both change it
        return t != t.lower() and t != t.upper()

    if any(mixed(t) for t in tokens if t[:1] not in "\"“"):
        words = _words()
        return [t.upper() if _low(t) in ("ii", "iii", "iv") else
                (_natural_word(t, False) if _low(t) + "." in words.suffixes or _low(t) in words.suffixes else t)
                for t in tokens]
    out = []
    words = _words()
    for i, t in enumerate(tokens):
        if t.lower() in words.suffixes or t.lower() in words.titles:
            out.append(_natural_word(t, i == 0))
        elif len(t) == 2 and t.endswith(".") or (len(t) > 1 and all(c.isupper() or c == "." for c in t) and "." in t):
            out.append(t.upper())  # initials "A." and "S.A." stay capitals
        else:
            out.append(_natural_word(t, i == 0))
    return out


# --- chunk analysis -------------------------------------------------------------------------------------


class _Draft:
    """An author while the byline is read."""

    __slots__ = ("name", "location", "role")

    def __init__(self, name: str, location: str | None = None, role: str | None = None) -> None:
        self.name, self.location, self.role = name, location, role

    def __repr__(self) -> str:
        return f"_Draft(name={self.name!r}, location={self.location!r}, role={self.role!r})"


class _Parsed:
    """What one byline gives: authors, a collective credit, outlets, an edition reference, unread chunks."""

    __slots__ = ("authors", "credit", "outlets", "edition", "unknown")

    def __init__(self, edition: str | None = None) -> None:
        self.authors: list[_Draft] = []
        self.credit = False
        self.outlets: list[str] = []
        self.edition = edition
        self.unknown = 0


def _is_outlet(tokens: list[str], lows: list[str] | None = None) -> bool:
    """Whether tokens name an outlet; ``lows`` is ``[_low(t) for t in tokens]`` when the caller has it."""
    words = _words()
    if not tokens:
        return False
    if lows is None:
        lows = [_low(t) for t in tokens]
    low = " ".join(lows)
    if tokens[0].isupper() and lows[0] in words.outlets:
        return True  # "IWPR Afghanistan", "BBC Georgian Service"
    if low in words.outlets or (low.startswith("the ") and len(tokens) > 1 and not _known_place(low)):
        return True
    return lows[-1] in words.strong_outlet and (len(tokens) > 1 or tokens[0].isupper() or low in words.collective)


def _name_ok(tokens: list[str], strict: bool, lower_ok: bool = False) -> bool:
    """Whether tokens can be a person's name (titles, initials, particles and suffixes allowed)."""
    words = _words()
    if not tokens or len(tokens) > 6:
        return False
    lows = [_low(t) for t in tokens]
    core = [low for t, low in zip(tokens, lows) if low not in words.titles and low not in words.suffixes
            and t[:1] not in "\"“" and not (t.isupper() and len(t) > 1 and _ROMAN.match(t))]
    if not core:
        return False
    for i, t in enumerate(tokens):
        low = lows[i]
        if not _NAME_TOKEN.match(t):
            return False
        if low in words.junk or low in words.collective or t.lower() in ("and", "the", "an", "in", "at", "of"):
            return False
        if t.lower() == "a" and (t == "a" or i > 0 or len(tokens) == 1):
            return False
        if i > 0 and "-" in t:
            article, _, rest = t.partition("-")
            if rest[:1].isupper() and article.lower() in words.name_articles:
                continue  # "Naseer al-Nahr": an Arabic article joined to the name by a hyphen
        if (not t[:1].isupper() and t[:1] not in "\"“" and (low not in words.particles or i == 0)
                and low not in words.suffixes and low + "." not in words.suffixes):
            # lower case only in a name printed all in lower case, or hyphenated ("Bubba jo-bob Brain")
            if strict or not (lower_ok or "-" in t):
                return False
    if all(low in words.particles for low in core):
        return False
    if _is_outlet(tokens, lows):
        return False
    if len(core) == 1 and core[0] in words.role_vocab:
        return False
    return True


def _role_split(tokens: list[str]) -> int | None:
    """Index where a role glued to a name starts ("Adam Sherwin Media Correspondent" -> 2), 0 when the
    chunk is a role, None when there is no role."""
    words = _words()
    lows = [_low(t) for t in tokens]
    singular = [w[:-1] if w.endswith("s") and w[:-1] in words.role_heads else w for w in lows]
    if not any(w in words.role_heads or w == "special" for w in singular):
        return None
    titled = _titled_name(tokens, lows)
    for i, w in enumerate(singular):
        if i == 0 and titled:
            continue  # "Professor Alexander Cooley": a title, as "Dr" is
        if w in words.role_vocab or w.endswith("-based") and i + 1 < len(singular):  # "Bishkek-based journalist"
            if i == 0:
                return 0
            # one name word and one role word is more likely a surname ("Tom Head") than a role
            if i >= 2 or len(tokens) - i >= 2:
                return i
            return None
    return None


def _leading_role(tokens: list[str], lows: list[str]) -> int:
    """How many tokens of a role stand before a name ("IWPR trainees Mariam Jafari" -> 2); 0 when the
    chunk does not open with a role, or no name of two words or more follows it."""
    words = _words()
    if lows[0] not in words.role_vocab or lows[0] in words.titles:
        return 0
    end = 0
    for i, low in enumerate(lows):
        head = low[:-1] if low.endswith("s") and low[:-1] in words.role_heads else low
        if head in words.role_heads:
            end = i + 1
        elif low not in words.role_vocab and not low.endswith("-trained"):
            break
    rest = tokens[end:]
    return end if end and len(rest) >= 2 and rest[0][:1].isupper() and _name_ok(rest, True) else 0


def _titled_name(tokens: list[str], lows: list[str]) -> bool:
    """Whether the tokens are a title that is also a role word, then a name of two words or more
    ("Professor Alexander Cooley"; not "Professor of Economics" nor "Professor Emeritus")."""
    words = _words()
    return (len(tokens) >= 3 and lows[0] in words.titles and lows[0] in words.role_vocab
            and tokens[1][:1].isupper() and lows[1] not in words.role_vocab)


def _singular_role(role: str) -> str:
    last = role.rsplit(" ", 1)
    stem = last[-1]
    if stem.lower().endswith("s") and stem.lower()[:-1] in _words().role_heads:
        last[-1] = stem[:-1]
    return " ".join(last)


MAX_BYLINE_CHARS = 1000


@lru_cache(maxsize=1)
def _credit_break() -> regex.Pattern:
    """Where a photographer's or translator's credit starts inside a byline whose line break was lost ("By
    Farida Nekzad Photographs by Majid Saeedi"): a capitalised credit word with "by" or a colon after it.

    >>> _credit_break().sub(" ; ", "By Jo Bek in Osh Translated from Russian by Ivo Zec")
    'By Jo Bek in Osh ; Translated from Russian by Ivo Zec'
    """
    data = load_json("byline_words.json")
    heads = sorted({p.split()[0].capitalize() for p in data["photo_prefixes"] + data["translator_prefixes"]},
                   key=len, reverse=True)
    return regex.compile(rf"(?<=\S)\s+(?=(?:{'|'.join(heads)})(?:\s+from\s+\p{{Lu}}[\p{{L}}\-]+)?(?:\s+by\b|\s*:))")


@lru_cache(maxsize=1)
def _staff_words() -> frozenset[str]:
    """Words for an organisation's staff printed after its name ("Kavkaz Uzel staff")."""
    return frozenset(load_json("byline_words.json")["staff_words"])


def _strip_prefixes(text: str) -> tuple[str, bool]:
    """``text`` without its leading "By", "Interview by", "Author:"...; and whether it was a photo credit."""
    words = _words()
    photo = False
    for _ in range(3):
        m = words.photo.match(text)
        if m:
            photo, text = True, text[m.end() :]
            continue
        m = words.prefix.match(text) or words.colon_label.match(text)
        if not m:
            break
        text = text[m.end() :].lstrip(" :-")
    return text, photo


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The places IWPR writes about, case-folded: the entities stage's hand-kept list ("name<TAB>LOC..."),
    read only when a byline needs it (~1 ms; the whole gazetteer would cost ~20 ms of start-up)."""
    from .datafiles import read_text

    return frozenset(line.split("\t", 1)[0].casefold() for line in read_text("entities/places.tsv").splitlines()
                     if "\tLOC" in line and not line.startswith("#"))


def _known_place(text: str) -> bool:
    """Whether ``text`` is a place IWPR writes about ("Lashkar Gah", "Banja Luka").

    >>> _known_place("Lashkar Gah"), _known_place("Gulzat Abdurasulova")
    (True, False)
    """
    return " ".join(text.split()).casefold() in _places()


_ORG_START = LazyPattern(r"\s(?:of|for)\s(?:the\s)?\p{Lu}")


def _in_organisation(head: str, place: str) -> bool:
    """Whether "in PLACE" ends an organisation's name rather than giving a place: "head of the Centre for
    Journalism in Extreme Situations" (a capitalised name after "of"/"for" runs up to "in", and no known
    place follows)."""
    if " of " not in head and " for " not in head:
        return False
    words = head.split()
    return (len(words) >= 3 and words[-1][:1].isupper() and words[-1].lower() not in _words().role_vocab
            and _ORG_START.search(head) is not None and not _known_place(place))


def _paren_place(m: Any) -> str:
    """ "Iso Rusi (Tetovo)" -> "Iso Rusi in Tetovo"; an outlet ("(Reuters)", "(BIRN)") or a role
    ("(IWPR Albania Editor)") in brackets stays as it is, or goes before another author or a place."""
    inside = m["inside"]
    tokens = _tokens(inside)
    before_in = m.string.startswith(" in ", m.end())
    if inside.isupper() or _is_outlet(tokens):
        if before_in:
            return ""  # "Eset Ali (IWPR) in Baku"
        # at the end the outlet check of the whole byline takes it; before another author it goes
        return m.group(0) if m.end() == len(m.string) else _CLOSED
    if _role_split(tokens) is not None or any(c in inside for c in "/&."):
        return m.group(0)  # "(Sheffield/UK)" is no place; an outlet's marks were taken above
    if before_in:
        return ""  # "Iso Rusi (Tetovo) in Skopje": the home town; the place written from is the one after "in"
    return f" in {inside}"


def _located(group: list[Any], place: str) -> list[Any]:
    """``group`` (authors named since the last place), each given ``place`` unless it has one already."""
    for author in group:
        author.location = author.location or place
    return group


def _analyse(text: str, *, strict: bool = False) -> _Parsed:
    """The parts of one byline: authors with places and roles, outlets, a collective credit."""
    words = _words()
    # A byline is short; the cap keeps every pattern below cheap whatever the input.
    text, edition = _clean(_SPACE.sub(" ", (text or "")[:MAX_BYLINE_CHARS]))
    parsed = _Parsed(edition=edition)
    text, photo = _strip_prefixes(text)
    if "by" in text or ":" in text:
        text = _credit_break().sub(" ; ", text)
    withheld = "ithheld" in text and _WITHHELD.search(text)
    if withheld:
        text = (text[: withheld.start()] + " " + text[withheld.end() :]).strip(" ,;")
    if "(" in text:
        text = _PAREN_PLACE.sub(_paren_place, text)
    tail = _PAREN_OUTLET.search(text) if text.endswith(")") else None
    if tail and tail.start() > 0 and _role_split(_tokens(tail["outlet"])) is None:
        text = text[: tail.start()]  # "... in Sarajevo (BIRN)", "Jane Doe (Reuters)": an outlet, not a place or name
        parsed.outlets.append(tail["outlet"])
    heading = _HEADING.match(text)
    if heading and not any(c.islower() for c in heading["head"].replace("Mc", "")):
        rest, _ = _strip_prefixes(heading["rest"])
        first = _tokens(_chunks(rest)[0][1]) if _chunks(rest) else []
        prose = sum(1 for w in rest.split() if w[:1].islower() and w not in words.lower_ok) >= 3
        if rest != heading["rest"] or prose or (len(first) >= 2 and _name_ok(first, True) and _role_split(first) is None):
            text = rest  # "REALPOLITIK: Trevor Royle", "FILM REVIEWS: By Demetrios Matheou": a column heading
    respectively = _RESPECTIVELY.search(text) if text[-12:].lower() == "respectively" else None
    if respectively:
        text = text[: respectively.start()]
    # lower-case words are names only in a byline printed without mixed case ("by: jimmy and JOHN")
    lower_ok = not any(_MIXED.match(t) for t in text.split())
    group: list[_Draft] = []   # names since the last place: a place applies to all of them
    placed: list[_Draft] = []  # the names the last place went to
    since_role: list[_Draft] = []
    pending_role = None  # a plural role before the names ("IWPR trainees A and B"), for the next ones
    seen: dict[str, _Draft] = {}
    last_kind = ""
    for segment, after_tail in _segments(text):
        chunk_list = _chunks(segment)
        for joiner, chunk in chunk_list:
            place = None
            closed = chunk.endswith(_CLOSED)
            if closed:
                chunk = chunk.rstrip(_CLOSED)
            m = words.photo.match(chunk) if chunk[:1] in "PpTtIi" else None
            if m:
                photo, chunk = True, chunk[m.end() :]  # "By A in Basra, translated by B": B is no author
                if not chunk.strip():
                    continue  # "By A in Osh. Photo: B": the label stood alone before its colon
            else:
                m = words.prefix.match(chunk)
                if m and chunk[m.end() :].strip():
                    chunk = chunk[m.end() :]  # "... claims Hillary. From Andrew Purcell in New York"
            if not lower_ok and sum(1 for w in chunk.split() if w[:1].islower() and w not in words.lower_ok) >= 2:
                parsed.unknown += 1  # prose, not a credit
                last_kind = "unknown"
                continue
            whole = " ".join(_low(t) for t in _tokens(chunk))
            if whole in words.outlets:
                parsed.outlets.append(chunk)
                parsed.credit = parsed.credit or not parsed.authors
                last_kind = "outlet"
                continue
            m = _REPORTS_FROM.match(chunk)
            if m:
                chunk, place = m["head"], m["place"]
            bare = _BARE_IN.match(chunk)
            if bare:
                if group:
                    for d in group:
                        d.location = d.location or bare["place"]
                    placed, group = group, []
                    last_kind = "place"
                continue
            if place is None:
                m = _IN.match(chunk)
                if m and m["head"] and not _in_organisation(m["head"], m["place"]):
                    chunk, place = m["head"], m["place"]
            if place and place.isupper():
                place = " ".join(_natural_case(place.split()))
            affil = affil_word = None
            m = _AFFIL.match(chunk)
            if m and m["head"]:
                chunk, affil, affil_word = m["head"], m["rest"], m["word"]
            tokens = _tokens(chunk)
            if not tokens:
                continue
            for i, t in enumerate(tokens):
                cm = _CAMEL.match(t)
                if cm and _low(cm.group(2)) in words.role_vocab and i > 0:
                    tokens = tokens[:i] + [cm.group(1), cm.group(2)] + tokens[i + 1 :]
                    break
            lows = [_low(t) for t in tokens]
            if affil and len(lows) == 1 and lows[0] in words.work_roles and since_role and not since_role[-1].role:
                since_role[-1].role = f"{tokens[0]} {affil_word} {affil}"  # "By X, author of Taliban"
                since_role = []
                last_kind = "role"
                continue
            if all(w in words.junk or _ROMAN.match(w) for w in lows):
                continue
            if photo:  # the first name after "Photo by" is the photographer's
                photo = False
                last_kind = "photo"
                continue
            if last_kind == "photo" and _role_split(tokens) == 0:
                continue
            role = None
            lead = _leading_role(tokens, lows) if lows[0] in words.role_vocab else 0
            if lead:  # "By IWPR trainees A and B in Herat": the role goes to the names it stands before
                role = _singular_role(" ".join(tokens[:lead]))
                pending_role = role if role != " ".join(tokens[:lead]) else None
                tokens, lows = tokens[lead:], lows[lead:]
            elif pending_role and last_kind == "name":
                role = pending_role
            split_at = _role_split(tokens) if not lead else None
            if split_at is not None:
                role = _ARTICLE_WORD.sub("", " ".join(tokens[split_at:]))
                if affil and split_at == 0:
                    role = f"{role} {affil_word} {affil}"
                if split_at == 0 and joiner == "and" and lows[-1] in words.collective and lows[-1].endswith("s"):
                    parsed.outlets.append(chunk)  # "A in Bishkek and IWPR correspondents in Osh": no person
                    last_kind = "outlet"
                    continue
                if split_at == 0 and joiner == "and" and lows[0] in ("a", "an"):
                    # "By Jo Bek and an IWPR trainee in Basra": a second, unnamed author, not Jo Bek's role
                    parsed.outlets.append(chunk)
                    if place:
                        placed, group = _located(group, place), []
                    last_kind = "outlet"
                    continue
                if split_at == 0:
                    if any(w in words.collective for w in lows) or _is_outlet(tokens[:1]):
                        if not since_role:
                            parsed.credit = True
                    if since_role:
                        plural = lows[-1].endswith("s") and lows[-1][:-1] in words.role_heads
                        targets = [d for d in since_role if not d.role] if plural else since_role[-1:]
                        for d in targets:
                            d.role = _singular_role(role) if plural else role
                            if place and not d.location:
                                d.location = place
                        since_role = []
                    elif not parsed.authors:
                        parsed.credit = parsed.credit or any(w in words.collective for w in lows)
                    last_kind = "role"
                    continue
                if len(lows) == split_at + 1 and tokens[-1].islower() and lows[-1] in _staff_words():
                    # "By Kavkaz Uzel staff and Timur Aliev": an organisation's staff, no person ("JANE DOE
                    # STAFF" and "Jane Doe Staff", a person's title in capitals, stay a name and a role)
                    parsed.outlets.append(chunk)
                    parsed.credit = parsed.credit or not parsed.authors
                    last_kind = "outlet"
                    continue
                tokens = tokens[:split_at]
            if _is_outlet(tokens) or (after_tail and len(tokens) == 1) or (
                    joiner == "," and parsed.authors and any(w in words.strong_outlet for w in lows)) or (
                    parsed.authors and " ".join(lows) in words.outlets):
                parsed.outlets.append(" ".join(tokens))
                if not parsed.authors:
                    parsed.credit = True
                last_kind = "outlet"
                continue
            if (joiner == "," and tokens[0][:1].isupper() and parsed.authors
                    and (last_kind == "place" or (last_kind == "name" and len(parsed.authors[-1].name.split()) > 1))
                    and (len(tokens) == 1 or len(tokens) <= 3 and _known_place(" ".join(tokens)))):
                # "Adam Sage, Paris"; "Aidan Hartley in Kiambu, Kenya"; "A, Lashkar Gah" (a known place of two
                # words: "A, Gulzat Abdurasulova" names two authors)
                target = parsed.authors[-1]
                where = " ".join(tokens)
                if last_kind == "place" and placed:
                    for d in placed:
                        d.location = f"{d.location}, {where}"
                else:
                    for d in group or [target]:
                        d.location = d.location or where
                    placed, group = group or [target], []
                last_kind = "place"
                continue
            if joiner == "and" and len(tokens) == 1 and last_kind == "place" and placed:
                for d in placed:  # "in Bishkek and Osh": one place more, not a person
                    d.location = f"{d.location} and {tokens[0]}"
                continue
            if parsed.credit and not parsed.authors and len(tokens) == 1 and last_kind in ("outlet", "role", "place"):
                last_kind = "place"  # "Agencies, Tehran"; "Agencies in Johannesburg and Harare"
                continue
            if not _name_ok(tokens, strict, lower_ok):
                if any(w in words.collective for w in lows) and not parsed.authors:
                    parsed.credit = True
                else:
                    parsed.unknown += 1
                last_kind = "unknown"
                continue
            name = " ".join(_natural_case(tokens))
            key = name.casefold()
            draft = seen.get(key)
            if draft is None:
                draft = _Draft(name)
                seen[key] = draft
                parsed.authors.append(draft)
            if last_kind == "role" and joiner in ("and", ",") and group:
                group = []  # "A, IWPR senior editor, and B in Tirana": A's role closed A off; the place is B's
            group.append(draft)
            since_role.append(draft)
            last_kind = "name"
            if role:
                draft.role = draft.role or role
                since_role = []
            if closed:
                group = []
            if affil:
                parsed.outlets.append(affil)
            if place:
                placed, group = _located(group, place), []
                last_kind = "place"
    if respectively and len(placed) > 1:  # "A, B and C in Kabul, Herat and Khost respectively"
        places = [p for p in _PLACE_LIST.split(placed[0].location or "") if p]
        if len(places) == len(placed):
            for d, p in zip(placed, places):
                d.location = p
    if parsed.authors:
        parsed.credit = False
    elif withheld:
        parsed.credit = True
    return parsed


def parse_byline(text: str) -> list[Author]:
    """The authors of a string known to be a byline, with or without "By".

    >>> [a.name for a in parse_byline("By JANE DOE, Staff Writer")]
    ['Jane Doe']
    >>> [(a.name, a.location) for a in parse_byline("By A Bek in Almaty, Bo Li and Cy Ma in Osh")]
    [('A Bek', 'Almaty'), ('Bo Li', 'Osh'), ('Cy Ma', 'Osh')]
    >>> parse_byline("IWPR staff in Central Asia")
    []
    """
    return [Author(d.name, d.location, d.role) for d in _analyse(text).authors]


# --- bios -----------------------------------------------------------------------------------------------

_PARAGRAPH_BREAK = LazyPattern(r"\n[ \t\r]*\n")
_SENTENCE = LazyPattern(r"(?<=[.!?][\"”’)]?)\s+(?=[*\"“]?\p{Lu})")
# "X is IWPR's editor in Y and Z is an economist": a second bio in the same sentence
_SECOND_BIO = LazyPattern(r",?\s+and\s+(?=\p{Lu}[\p{L}\p{M}'’\-]*(?:\s\p{Lu}[\p{L}\p{M}'’\-]*){1,4}\s(?:is|was)\s)")
_BIO_VERB = LazyPattern(r"\s(?:is|are|was|were)\s")
# "X is an IWPR-trained journalist in Bishkek."; "X and Y are IWPR trained journalists in"
_BIO = LazyPattern(
    r"^(?P<names>\p{Lu}[^\s,]*(?:[ ,]+[^\s,]+){0,14}?)\s+(?P<verb>is|are|was|were)\s+(?P<rest>.{3,300})$", regex.S
)
# "X reports for IWPR from Kandahar.", "X contributes to IWPR from Ghazni.": a place, no role
_BIO_REPORTS = LazyPattern(
    r"^(?P<names>\p{Lu}[^\s,]*(?:[ ,]+[^\s,]+){0,14}?)\s+(?:reports?|writes?|reported|wrote|contributes?)\s+"
    r"(?:(?:for|to)\s+(?:the\s+)?\p{Lu}\S*(?:\s\p{Lu}\S*){0,3}\s+)?from\s+"
    r"(?P<place>\p{Lu}[\p{L}\p{M}'’\-]*(?:\s\p{Lu}[\p{L}\p{M}'’\-]*){0,3}"
    # "from Osh, southern Kyrgyzstan"
    r"(?:,\s(?:(?:north|south)?-?(?:north|south|east|west)ern\s|central\s)?\p{Lu}[\p{L}\p{M}'’\-]*"
    r"(?:\s\p{Lu}[\p{L}\p{M}'’\-]*){0,2})?)\.?$"
)
_REPORTS_WORD = LazyPattern(r"\s(?:reports?|writes?|reported|wrote|contributes?)\s")
# "X, a journalist in Herat, is an IWPR contributor."; "X, IWPR's Africa editor, compiled this report.";
# "X, director of ... in Baku, is ..."; "X, who reports for IWPR from Tashkent, is a pseudonym."
_APPOSITIVE = LazyPattern(
    r"^(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s[\p{L}\p{M}'’.\-]+){1,4}),\s+"
    r"(?!(?:and|or)\s)(?P<app>(?:(?i:an?|the)\s|\p{Lu}[\p{L}\-]*['’]s\s)[^,]{2,150}|\p{Ll}[\p{Ll}\-]+(?:\s[^,]{2,150})?),\s+(?!(?:and|or)\s)(?P<rest>\p{Ll}.{2,400})$", regex.S
)
_APPOSITIVE_HINT = LazyPattern(r", (?:\p{Ll}|\p{Lu}[\p{L}\-]*['’]s )")
# "A, a freelance journalist, and B, an IWPR contributor, are based in Baku": appositives inside a list of names
_LIST_APPOSITIVE = LazyPattern(r"(?<=\p{L}),\s(?:an?|the)\s[^,]{2,80},(?=\s(?:and\s)?\p{Lu}|\s(?:are|were)\s)")
# "X works for Radio Sahar in Mazar-e-Sharif and is an IWPR-trained reporter.": two bios of one name
_AND_IS = LazyPattern(
    r"^(?P<name>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s\p{Lu}[\p{L}\p{M}'’.\-]*){1,4})\s+"
    r"(?P<first>\p{Ll}[^,]{2,200}?)\s+and\s+(?P<verb>is|was)\s+(?P<rest>.{3,300})$", regex.S
)
# "X works for the BBC Persian service in London.", "X lives in Jalalabad." (a place, no role); "X works as a stringer for ..." (a role);
# not "worked", a job held before ("worked as a translator for the UN before joining IWPR")
_BIO_WORKS = LazyPattern(
    r"^(?P<names>\p{Lu}[^\s,]*(?:[ ,]+[^\s,]+){0,14}?)\s+(?:works|work|lives|live)\s+(?P<how>as|for|with|at|in)\s+"
    r"(?P<rest>.{2,300})$", regex.S
)
# a clause after the role: "..., where he covers parliament", "..., who has written for ..."
_BIO_CLAUSE = LazyPattern(r",\s+(?:where|who|whose|which|when|since)\s.*$", regex.S)
# the same without a comma: "a freelance journalist who reports for IWPR from Asadabad", "a pseudonym for an
# IWPR trainee in Baghdad who asked that his real name not be used"
_BIO_WHO = LazyPattern(r"\s+(?:who|whose)\s(?P<clause>.*)$", regex.S)
_BIO_NAMES = LazyPattern(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_ARTICLE = LazyPattern(r"^(?:an?|the|one\s+of(?:\s+the)?)\s+", regex.I)
_BIO_PLACE = LazyPattern(r"\s+(?:(?:based|living|working)\s+)?in\s+(?P<place>(?:the\s+)?(?:(?:north|south)?-?(?:north|south|east|west)ern\s+|central\s+)?\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ ,]+(?:and\s+|the\s+)?\p{Lu}[\p{L}\p{M}'’.\-]*){0,4})$")
_BASED_IN = LazyPattern(
    r"^(?:based|living|working)\s+in\s+(?P<place>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s\p{Lu}[\p{L}\p{M}'’.\-]*){0,2})(?:$|\s+and\s|,)"
)
# "a journalist in Tetovo and a regular IWPR contributor"
_BIO_PLACE_MID = LazyPattern(r"\s+in\s+(?P<place>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s\p{Lu}[\p{L}\p{M}'’.\-]*){0,2})(?=\s+and\s+(?:an?\s|the\s)|,)")
# "a journalist from Ganja": one word only, as "a reporter from Radio Azattyk" names an outlet
# "a research associate at the School of Oriental and African Studies, London": a known place after a comma
_BIO_COMMA_PLACE = LazyPattern(r",\s+(?P<place>\p{Lu}[\p{L}\p{M}'’\-]*(?:\s\p{Lu}[\p{L}\p{M}'’\-]*){0,2})$")
_BIO_FROM = LazyPattern(r"\s+from\s+(?P<place>\p{Lu}[\p{L}\p{M}'’\-]*)$")
# "24.kg"; "the weekly Lobi", "the state news agency Kabar" (a few small words before the name)
_BIO_ORG = LazyPattern(r"\s+(?:at|with|for|of)\s+(?:the\s+)?(?P<org>(?:\p{Lu}|\p{N}[\p{N}.]*\.\p{L}"
                       r"|(?:(?!(?:at|with|for|of|in|and|or)\s)\p{Ll}[\p{Ll}\-]*\s){1,3}\p{Lu}).*)$")
# "Alisher Saipov, 26, was editor of ...": an age between commas
_AGE = LazyPattern(r"^(?P<name>\p{Lu}[^,\d]{1,60}),\s\d{1,2},\s")
_INDEFINITE = LazyPattern(r"^(?i:an?)\s")
# a few lower-case words, perhaps after a nationality: "sociologist", "Kyrgyz political scientist"
_PLAIN_ROLE = LazyPattern(r"^(?:\p{Lu}\p{Ll}+\s)?\p{Ll}[\p{Ll}\-]*(?:\s\p{Ll}[\p{Ll}\-]*){0,3}$")
# a bio that lost its last words: "... based in", "... journalist with the"
_DANGLING_IN = LazyPattern(r"(?:\s+(?:in|at|with|for|of|based|living|working|the|an?)){1,3}$", regex.I)


class _Bio:
    """One bio sentence: the names it is about, their role, place and pseudonym flag; ``places`` gives
    each name its own place when the bio says "in Osh and Bishkek respectively" (else None)."""

    __slots__ = ("names", "role", "location", "pseudonym", "sentence", "places", "everyone")

    def __init__(self, names: list[str], role: str | None, location: str | None, pseudonym: bool,
                 sentence: str, places: list[str] | None = None, everyone: bool = False) -> None:
        self.names, self.role, self.location, self.pseudonym, self.sentence = names, role, location, pseudonym, sentence
        self.places = places
        self.everyone = everyone  # "The authors are ...": no names, every author of the byline

    def __repr__(self) -> str:
        return (f"_Bio(names={self.names!r}, role={self.role!r}, location={self.location!r}, "
                f"pseudonym={self.pseudonym!r}, sentence={self.sentence!r}, places={self.places!r}, "
                f"everyone={self.everyone!r})")

    def place_of(self, index: int) -> str | None:
        """The place of the bio's ``index``-th name."""
        return self.places[index] if self.places and index >= 0 else self.location

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Bio):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)


def _bio_words() -> frozenset[str]:
    words = _words()
    return words.role_heads | frozenset({"iwpr", "iwpr-trained", "freelance", "pseudonym", "author"})


MAX_BIO_CHARS = 600


def _bio_name_ok(tokens: list[str], known: frozenset[str] = frozenset()) -> bool:
    """Whether a bio's subject can be a person: a name, or one capitalised word that is the last word of
    one of the byline's names (``known``, case-folded): a surname alone ("Rusi is a journalist with ...") or
    a one-word name ("Wazhma"); any other one word ("Bishkek is a city") is no person.

    >>> _bio_name_ok(["Rusi"], frozenset({"rusi"})), _bio_name_ok(["Rusi"]), _bio_name_ok(["Iso", "Rusi"])
    (True, False, True)
    """
    if len(tokens) == 1:
        word = tokens[0]
        return word.casefold() in known and word[:1].isupper() and _name_ok(tokens, True)
    return len(tokens) >= 2 and _name_ok(tokens, True)


def parse_bio(sentence: str, known: frozenset[str] = frozenset()) -> _Bio | None:
    """A bio sentence's names, role, place and pseudonym flag; None when it is not a bio.  ``known``: the
    last words of the byline's names (case-folded), which may stand alone as a bio's subject.

    >>> b = parse_bio("Yulia Kuznetsova is a freelance journalist in Kazakstan.")
    >>> (b.names, b.role, b.location, b.pseudonym)
    (['Yulia Kuznetsova'], 'freelance journalist', 'Kazakstan', False)
    """
    sentence = _SPACE.sub(" ", sentence).strip().lstrip("*†• ")  # "*X is a pseudonym."
    if len(sentence) > MAX_BIO_CHARS:
        return None
    words = _words()
    age = _AGE.match(sentence) if ", " in sentence[:64] else None
    if age:
        return _merged(sentence, parse_bio(f"{age['name']} {sentence[age.end():]}", known), None)
    if sentence.count(", ") >= 3 and (" are " in sentence or " were " in sentence):
        listed = _LIST_APPOSITIVE.sub("", sentence)
        if listed != sentence:
            bio = parse_bio(listed, known)
            return _merged(sentence, bio, None) if bio else None
    if ", " in sentence[:60] and _APPOSITIVE_HINT.search(sentence, 0, 200):
        m = _APPOSITIVE.match(sentence)
        if m and _name_ok(_tokens(m["name"]), True):
            app = m["app"]
            clause = f"{m['name']} {app[4:]}." if app.startswith("who ") else f"{m['name']} is {app}."
            first, second = parse_bio(clause, known), parse_bio(f"{m['name']} {m['rest']}", known)
            if first and first.role and not {w.lower().strip(",.") for w in first.role.split()} & _bio_words():
                first, second = second, first  # "X, a native of Herat, is an IWPR trainee": the verb's role wins
            return _merged(sentence, first, second)
    if " and " in sentence:
        m = _AND_IS.match(sentence)
        if m and " is " not in m["first"] and " was " not in m["first"]:
            return _merged(sentence, parse_bio(f"{m['name']} {m['verb']} {m['rest']}", known),
                           parse_bio(f"{m['name']} {m['first']}.", known))
    if " work" in sentence or " live" in sentence:
        m = _BIO_WORKS.match(sentence)
        works = _works_bio(sentence, m, known) if m else None
        if works:
            return works  # else "X is a journalist who works in Herat" is read as "X is ..."
    subject = words.bio_subject.match(sentence) if sentence[:14].lower().startswith(words.bio_subject_starts) else None
    if subject:  # "The authors are IWPR-trained journalists in Bishkek."
        names, name_tokens, verb, rest = [], [], subject["verb"], sentence[subject.end() :]
    else:
        m = _BIO.match(sentence)
        reports = None if m else _BIO_REPORTS.match(sentence)
        if not (m or reports):
            return None
        names = [n for n in _BIO_NAMES.split((m or reports)["names"]) if n]
        name_tokens = [_tokens(n) for n in names]
        if not names or not all(_bio_name_ok(t, known) for t in name_tokens):
            return None
        if reports:
            return _Bio([" ".join(_natural_case(t)) for t in name_tokens], None, reports["place"], False, sentence)
        verb, rest = m["verb"], m["rest"]
    rest = rest.rstrip(" .")
    based = _BASED_IN.match(rest) if rest[:5] in ("based", "livin", "worki") else None
    if based:  # "X is based in Kabul and writes for IWPR": a place, no role
        return _Bio([" ".join(_natural_case(t)) for t in name_tokens], None, based["place"], False, sentence,
                    everyone=bool(subject))
    if rest.split(" ", 1)[0].lower() in words.bio_adverb_words:  # "is currently IWPR's editor", "is also a lecturer"
        rest = words.bio_adverbs.sub("", rest)
    if ", wh" in rest or ", since" in rest:
        rest = _BIO_CLAUSE.sub("", rest)
    who = _BIO_WHO.search(rest) if " who" in rest else None
    if who:
        rest = rest[: who.start()]
        if not subject and who["clause"].startswith(("report", "write", "contribute", "work", "live")):
            # "... who reports for IWPR from Asadabad", "... who works in Herat": the clause may give the place
            return _merged(sentence, parse_bio(f"{m['names']} {verb} {rest}.", known),
                           parse_bio(f"{m['names']} {who['clause']}", known))
    pseudonym = False
    p = words.pseudonym.match(rest)
    if p:
        pseudonym, rest = True, rest[p.end() :]
        if not rest:  # "X is a pseudonym."
            return _Bio([" ".join(_natural_case(t)) for t in name_tokens], None, None, True, sentence,
                        everyone=bool(subject))
    indefinite = rest[:2] in ("a ", "an", "A ", "An") and _INDEFINITE.match(rest) is not None
    one_of = rest[:7].lower() == "one of "  # "one of IWPR's most experienced reporters": one reporter
    rest = _DANGLING_IN.sub("", _ARTICLE.sub("", rest))  # a bio that lost its last line ends "... in"
    respectively = _RESPECTIVELY.search(rest) if len(names) > 1 and rest.endswith("ly") else None
    if respectively:
        rest = rest[: respectively.start()]
    place = places = None
    kind = rest.rsplit(" ", 1)[-1]
    kind = kind if kind.lower() in words.place_kinds else ""
    if kind:  # "in Anbar province": the place keeps its kind
        rest = rest[: -len(kind)].rstrip()
    pm = _BIO_PLACE.search(rest) or _BIO_PLACE_MID.search(rest) or (" from " in rest and _BIO_FROM.search(rest))
    if not pm and ", " in rest:
        pm = _BIO_COMMA_PLACE.search(rest)
        pm = pm if pm and _known_place(pm["place"]) else None
    if pm:
        place = pm["place"] + (f" {kind}" if kind and pm.end() == len(rest) else "")
        rest = rest[: pm.start()] + rest[pm.end() :]
        if respectively:
            places = [p for p in _PLACE_LIST.split(place) if p]
            places = places if len(places) == len(names) else None
    elif kind:
        rest = f"{rest} {kind}"
    om = _BIO_ORG.search(rest)
    role = rest
    if om and rest[: om.start()].rsplit(" ", 1)[-1].lower() not in words.work_roles:  # "author of Taliban"
        role = f"{rest[: om.start()]}, {om['org']}"
    lows = {w.lower().strip(",") for w in rest.split()}
    lows |= {w[:-1] for w in lows if w.endswith("s")}  # "the pseudonyms of journalists in Zimbabwe"
    if len(rest.split()) > 25 or not (lows & _bio_words() or (
            # "a sociologist at the American University": a profession the word lists lack
            indefinite and _PLAIN_ROLE.match(rest[: om.start()] if om else rest))):
        return None
    if len(names) > 1 or verb in ("are", "were") or one_of:
        head, _, tail = role.partition(",")
        role = _singular_role(head) + ("," + tail if tail else "")
    return _Bio([" ".join(_natural_case(t)) for t in name_tokens], role or None, place, pseudonym, sentence, places,
                bool(subject))


def _merged(sentence: str, first: _Bio | None, second: _Bio | None) -> _Bio | None:
    """One bio from two readings of ``sentence`` about the same names: the first's role and place win."""
    if first is None or second is None:
        bio = first or second
        if bio is None:
            return None
        return _Bio(bio.names, bio.role, bio.location, bio.pseudonym, sentence, bio.places, bio.everyone)
    return _Bio(first.names, first.role or second.role, first.location or second.location,
                first.pseudonym or second.pseudonym, sentence, first.places or second.places, first.everyone)


def _works_bio(sentence: str, m: Any, known: frozenset[str]) -> _Bio | None:
    """ "X works as a stringer for AP in Baghdad" reads as "X is a stringer ..."; "X works for the BBC in
    London" gives the place only (an employer is no role)."""
    if m["how"] == "as":
        return _merged(sentence, parse_bio(f"{m['names']} is {m['rest']}", known), None)
    names = [n for n in _BIO_NAMES.split(m["names"]) if n]
    name_tokens = [_tokens(n) for n in names]
    if not names or not all(_bio_name_ok(t, known) for t in name_tokens):
        return None
    pm = _BIO_PLACE.search(f" {m['how']} {m['rest'].rstrip(' .')}")
    if pm is None:
        return None
    return _Bio([" ".join(_natural_case(t)) for t in name_tokens], None, pm["place"], False, sentence)


def find_bios(text: str | None, names: list[str] | None = None, known: frozenset[str] = frozenset()) -> list[_Bio]:
    """Every bio sentence in end matter (paragraphs separated by blank lines); with ``names``, only
    paragraphs that mention one of their last words, or open "The author is", are read (a whole raw
    document is mostly prose).  ``known`` (last words of the byline's names, case-folded) may stand alone
    as a bio's subject ("Rusi is ...").

    >>> [(b.names, b.role) for b in find_bios("Jo Bek is an IWPR contributor.\\n\\nThe vote is due.")]
    [(['Jo Bek'], 'IWPR contributor')]
    """
    if not text:
        return []
    text = _repair(text)
    if names is not None:
        keys = {n.split()[-1] for n in names if n.split()}
        if not any(k in text for k in keys):
            return []
    bios = []
    paras: list[str] = []
    for para in _PARAGRAPH_BREAK.split(text):
        para = para.strip()
        if paras and para[:1].islower() and paras[-1][-1:] not in ".!?":
            paras[-1] = f"{paras[-1]} {para}"  # a sentence broken by a blank line (double-spaced pages)
        elif para:
            paras.append(para)
    for para in paras:
        if names is not None and not any(k in para for k in keys) and not (
                para[:14].lower().startswith(_words().bio_subject_starts) and _words().bio_subject.match(para)):
            continue  # a paragraph that names no author, unless it opens "The authors are ..."
        para = _SPACE.sub(" ", para)
        if (" is " not in para and " are " not in para and " was " not in para and " were " not in para
                and " work" not in para and " live" not in para and not (", " in para and _APPOSITIVE_HINT.search(para))
                and not (" from " in para and _REPORTS_WORD.search(para))):
            continue
        for sentence in _SENTENCE.split(para):
            two = " and " in sentence and sentence.count(" is ") + sentence.count(" was ") + sentence.count(" are ") > 1
            for clause in _bio_clauses(sentence) if two else (sentence,):
                bio = parse_bio(clause, known)
                if bio:
                    bios.append(bio)
    return bios


def _bio_clauses(sentence: str) -> list[str]:
    """A sentence cut where a second bio starts ("X is IWPR's editor in Y and Z is an economist")."""
    if " and " not in sentence or len(sentence) > 2 * MAX_BIO_CHARS:  # no bio is that long
        return [sentence]
    clauses, start = [], 0
    for m in _SECOND_BIO.finditer(sentence):
        if _BIO_VERB.search(sentence, start, m.start()):  # the clause before has its own verb
            clauses.append(sentence[start : m.start()])
            start = m.end()
    clauses.append(sentence[start:])
    return clauses


def _same_person(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    titles = _words().titles
    wa = [w for w in a.split() if w not in titles]  # "Dr Vahram Hovhannisyan" is "Vahram Hovhannisyan"
    wb = [w for w in b.split() if w not in titles]
    return bool(wa and wb) and wa[-1] == wb[-1] and wa[0] == wb[0]


def _short_form(full: str, short: str) -> bool:
    """Whether ``short`` is ``full`` less some of its words, keeping two or more and the last: a bio
    dropping a first or middle name ("Baseer Saeed" for "Abdul Baseer Saeed").

    >>> _short_form("Abdul Baseer Saeed", "Baseer Saeed"), _short_form("Abdul Baseer Saeed", "Abdul Saeed Khan")
    (True, False)
    """
    wf, ws = full.casefold().split(), short.casefold().split()
    if len(ws) < 2 or len(ws) >= len(wf) or ws[-1] != wf[-1]:
        return False
    it = iter(wf)
    return all(w in it for w in ws)  # an ordered subsequence


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1].casefold()


def _bio_index(d: _Draft, drafts: list[_Draft], bio: _Bio) -> int | None:
    """Which of the bio's names is the author ``d``: the same person, or a short form of d's name that
    fits no other author of the byline."""
    if bio.everyone:
        return -1
    index = next((i for i, n in enumerate(bio.names) if _same_person(d.name, n)), None)
    if index is not None:
        return index
    for i, n in enumerate(bio.names):
        if " " not in n:  # a surname alone ("Rusi is ..."): the one author whose last word it is
            if _last_word(d.name) == n.casefold() and not any(
                    o is not d and _last_word(o.name) == n.casefold() for o in drafts):
                return i
            continue
        if _short_form(d.name, n) and not any(
                o is not d and (_same_person(o.name, n) or _short_form(o.name, n)) for o in drafts):
            return i
    return None


# a word marked with a star in a byline ("By Nasser Kadhem* in Basra"), for a note "*Not his real name."
_STARRED = LazyPattern(r"(?<![\p{L}\p{M}'’\-])(?P<word>[\p{L}\p{M}'’\-]+)\s?\*")  # from a word's start only: linear


@lru_cache(maxsize=1)
def _star_note() -> regex.Pattern:
    """A starred note saying a name is not the author's own: "*Not his real name.", "* A pseudonym"."""
    # a few words may come first: "*The author's name has been changed for his safety."
    return regex.compile(rf"\*\s*(?:[^.*\n]{{0,40}}?\s)?(?:{_phrases(load_json('byline_words.json')['star_pseudonym_notes'])})\b",
                         regex.I)


def _starred_pseudonyms(byline: str, notes: str | None, body: str | None) -> frozenset[str]:
    """The last words (case-folded) of the byline's names marked with a star when the notes (or the body's
    last paragraphs) say by a star that the name is not real: "By Nasser Kadhem* in Basra" over "*Not his
    real name."  Only names starred in the byline are marked: a star in the body marks an interviewee.

    >>> sorted(_starred_pseudonyms("By Jo Bek* in Osh", "*Not her real name.", None))
    ['bek']
    """
    starred = frozenset(m["word"].casefold() for m in _STARRED.finditer(byline[:MAX_BYLINE_CHARS]))
    if not starred:
        return starred
    for text in (notes, _tail_paragraphs(body) if isinstance(body, str) else None):
        if isinstance(text, str) and "*" in text and _star_note().search(text):
            return starred
    return frozenset()


def _attach(drafts: list[_Draft], bios: list[_Bio], starred: frozenset[str] = frozenset()) -> list[Author]:
    authors = []
    for d in drafts:
        location, role, text = d.location, d.role, None
        pseudonym = bool(starred) and d.name.rsplit(" ", 1)[-1].casefold() in starred
        for bio in bios:
            index = _bio_index(d, drafts, bio)
            if index is not None:
                location = location or bio.place_of(index)  # the byline's place wins over the bio's
                role = role or bio.role
                pseudonym = pseudonym or bio.pseudonym
                text = text or bio.sentence
        authors.append(Author(d.name, location, role, pseudonym, text))
    return authors


# --- records --------------------------------------------------------------------------------------------


def _credit_text(byline: str) -> str:
    text, _ = _clean(byline)
    m = _CREDIT_BY.match(text)
    return text[m.end() :] if m else text


def _last_day(m: Any) -> str:
    return f"{m['month']} {m['day']}"


@lru_cache(maxsize=1)
def _edition_abbreviations() -> frozenset[str]:
    return frozenset(a for entry in load_json("newsletters.json")["newsletters"] for a in entry["abbreviations"])


def _bare_edition_ref(text: str) -> tuple[tuple[int, int], str] | None:
    """Where an edition reference without "No." stands in ``text``, and the reference with it.

    >>> _bare_edition_ref("By Jo Bek in Tirana (BCR 512, 23 July 2004)")
    ((20, 43), '(BCR No. 512, 23 July 2004)')
    >>> _bare_edition_ref("By Jo Bek (Room 101, 4 May 2004)") is None
    True
    """
    from .editions import parse_date

    m = _BARE_REF.search(text)
    if not m or m["abbr"] not in _edition_abbreviations() or not parse_date(_DAY_RANGE.sub(_last_day, m["date"])):
        return None
    return (m.start(), m.end()), f"({m['abbr']} No. {m['issue']}, {m['date']})"


def _fill_newsletter(record: dict[str, Any], edition: str | None) -> None:
    if not edition:
        return
    from .editions import parse_edition_ref

    if "-" in edition or "–" in edition:
        edition = _DAY_RANGE.sub(_last_day, edition)
    ref = parse_edition_ref(edition)
    if not ref:
        return
    current = record.get("newsletter")
    if not isinstance(current, dict):
        current = {"title": None, "issue": None, "date": None}
    record["newsletter"] = {**current, **{k: v for k, v in ref.items() if current.get(k) is None and v is not None}}


def bylines_record(record: dict[str, Any]) -> dict[str, Any]:
    """Add ``authors`` (and ``credit``) to an article or document record, and to each credited entry of
    a table of contents; other kinds pass unchanged.

    >>> r = bylines_record({"kind": "article", "byline": "By Jo Bek in Osh",
    ...                     "notes": "Jo Bek is an IWPR contributor."})
    >>> r["authors"][0]["name"], r["authors"][0]["location"], r["authors"][0]["role"]
    ('Jo Bek', 'Osh', 'IWPR contributor')
    """
    kind = record.get("kind")
    if kind == "document":
        if not isinstance(record.get("text"), str):
            raise BadInput("document record without a 'text' string")
        return _document(record)
    if kind == "toc":
        return _toc(record)
    if kind != "article":
        return record
    if "byline" not in record:
        raise BadInput("article record without a 'byline' field (is this split output?)")
    byline = record["byline"]
    if byline is not None and not isinstance(byline, str):
        raise BadInput("'byline' is not a string")
    notes = record.get("notes")
    out = dict(record)
    parsed = _analyse(byline) if byline else _Parsed()
    known = frozenset(_last_word(d.name) for d in parsed.authors)
    bios = find_bios(notes if isinstance(notes, str) else None, known=known)
    body = record.get("body")
    if parsed.authors and isinstance(body, str):
        # a bio the split left at the end of the body: read only for authors the notes say nothing of
        missing = [d.name for d in parsed.authors if not bios or not any(
            b.everyone or any(_same_person(d.name, n) for n in b.names) for b in bios)]
        if missing:
            bios += find_bios(_tail_paragraphs(body), missing, known)
    starred = _starred_pseudonyms(byline, notes if isinstance(notes, str) else None, body) if (
        parsed.authors and "*" in byline) else frozenset()
    out["authors"] = [a.as_dict() for a in _attach(parsed.authors, bios, starred)]
    out["credit"] = _credit_text(byline) if byline and parsed.credit else None
    _fill_newsletter(out, parsed.edition)
    return out


_TAIL_CHARS = 800


def _tail_paragraphs(body: str) -> str:
    """The last two paragraphs of a body: where a bio the split left in the body stands
    ("*X is the pen name of ..." after the last paragraph of the article)."""
    tail = body[-_TAIL_CHARS:]
    return "\n\n".join(_PARAGRAPH_BREAK.split(tail.rstrip())[-2:])


def _toc(record: dict[str, Any]) -> dict[str, Any]:
    """Table-of-contents entries get ``authors`` (and ``credit``) from their credit, as articles do."""
    entries = record.get("entries")
    if not isinstance(entries, list) or not any(isinstance(e, dict) and e.get("byline") for e in entries):
        return record  # nothing credited: the record passes unchanged
    out = dict(record)
    out["entries"] = []
    for entry in entries:
        byline = entry.get("byline") if isinstance(entry, dict) else None
        if not isinstance(byline, str) or not byline:
            out["entries"].append(entry)
            continue
        parsed = _analyse(byline)
        out["entries"].append({**entry, "authors": [a.as_dict() for a in _attach(parsed.authors, [])],
                               "credit": _credit_text(byline) if parsed.credit else None})
    return out


# a byline standing at the start of a line, or after a sentence in a table-of-contents line (the look
# behind is bounded: unbounded, a long run of spaces made the search quadratic)
_LINE_BY = LazyPattern(
    r"(?:^|(?<=[.?!”\"][ \t]{2,20}))[ \t]*(?P<line>(?:(?:Comment|Commentary|Interview|Interviewed|Compiled|Analysis|Reported|Written|Text)[ \t]+by|By|BY)\b[^\n]*)",
    regex.M,
)
_CONTINUES = LazyPattern(r"(?:\b(?:and|in|By|BY)|[,&])[ \t]*$")


def find_bylines(text: str) -> list[str]:
    """The bylines of a raw text: "By ..." at a line start (or after a sentence in a contents line),
    short and name-shaped; "by" inside a sentence is not a byline.

    >>> find_bylines("Talks stall.\\n\\nBy Jo Bek in Osh\\n\\nThe vote was overshadowed by Ata-Jurt.")
    ['By Jo Bek in Osh']
    """
    return [line for line, _ in _found_bylines(text)]


def _found_bylines(text: str) -> list[tuple[str, Any]]:
    """``find_bylines`` with each byline's analysis, so that it is not parsed twice."""
    from .split import byline_text_ok

    found: list[tuple[str, Any]] = []
    seen: set[str] = set()
    for m in _LINE_BY.finditer(text):
        line = m["line"].strip()
        end = m.end()
        if _CONTINUES.search(line):  # wrapped: "By Jo Bek and" / "Dan Oz in Osh"
            nxt = _NEXT_LINE.match(text, end)  # at an offset: slicing the rest of the text is quadratic
            if nxt:
                line = f"{line} {nxt.group(1).strip()}"
        line = _SPACE.sub(" ", line)
        if line in seen or len(line) > 160:
            continue
        seen.add(line)
        if not byline_text_ok(line):
            continue
        parsed = _analyse(line, strict=True)
        if parsed.unknown or not (parsed.authors or parsed.credit):
            continue
        found.append((line, parsed))
    return found


def _document(record: dict[str, Any]) -> dict[str, Any]:
    text = record["text"]
    pairs = _found_bylines(text)
    found = [line for line, _ in pairs]
    drafts: list[_Draft] = []
    names: set[str] = set()
    credit = None
    edition = None
    for line, parsed in pairs:
        edition = edition or parsed.edition
        for d in parsed.authors:
            if d.name.casefold() not in names:
                names.add(d.name.casefold())
                drafts.append(d)
        if parsed.credit and credit is None:
            credit = _credit_text(line)
    bios = find_bios(text, [d.name for d in drafts], frozenset(_last_word(d.name) for d in drafts)) if drafts else []
    out = dict(record)
    out["byline"] = "\n".join(found) or None
    out["authors"] = [a.as_dict() for a in _attach(drafts, bios)]
    out["credit"] = credit if not drafts else None
    if edition:
        _fill_newsletter(out, edition)
    return out
