"""Newsletter edition data: titles, issue numbers and dates as IWPR prints them.

Two places state an edition: an e-mail edition's header line ("REPORTING CENTRAL ASIA, No. 539,
2 April, 2008") and a scraped page's byline ("(RCA No. 393, 06-Jul-05)").  Both give a
``{"title", "issue", "date"}`` dict with an ISO date; what is not printed stays None.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import regex

from .datafiles import load_json
from .textutil import LazyPattern

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# month names as printed in dates and bylines (split and bylines build on it too)
MONTH_PATTERN = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"

# "06-Jul-05", "6-July-2005"
_DMY_DASHED = LazyPattern(rf"\b(\d{{1,2}})-({MONTH_PATTERN})-(\d{{2}}|\d{{4}})\b", regex.I)
# "2 April, 2008", "2 April 2008", "21 Jan 10" (IWPR's pages 2008-15 print two-digit years)
_DMY = LazyPattern(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_PATTERN})\.?,?\s+(\d{{4}}\b|\d{{2}}(?=[ \t]*(?:$|[,;)\]\n])))", regex.I)
# a range of days: "22-27", "28 - May 2", "28 April - 2 May" (not the dashed date "06-Jul-05")
_DATE_RANGE = LazyPattern(
    rf"(?<![-–/.])\b\d{{1,2}}[ \t]*[-–][ \t]*(?:\d{{1,2}}\b(?![-–/.])|{MONTH_PATTERN}\.?[ \t]+\d{{1,2}}\b)"
    rf"|{MONTH_PATTERN}[ \t]*[-–][ \t]*\d{{1,2}}[ \t]+{MONTH_PATTERN}",
    regex.I,
)
# "April 2, 2008"
_MDY = LazyPattern(rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", regex.I)
_ISO = LazyPattern(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "24.06.1999": the European dotted date of some reposts' headers
_DOTTED = LazyPattern(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]+"
# a line that is only a date ("14 Nov 13", "Thursday, June 24, 1999", "14-Nov-13"): a page's date line
_DATE_LINE = LazyPattern(
    rf"^[ \t]*(?:{_WEEKDAY})?(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t\-]+{MONTH_PATTERN}\.?,?[ \t\-]+(?:\d{{4}}|\d{{2}})"
    rf"|{MONTH_PATTERN}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})[ \t]*$",
    regex.I,
)
_LOWER_WORD = LazyPattern(r"\p{Ll}{3,}")
_MONTH_WORD = LazyPattern(MONTH_PATTERN, regex.I)
# "(RCA No. 393, 06-Jul-05)"; also without parentheses or comma.
_REF = LazyPattern(
    r"\(?\s*(?P<abbr>\p{Lu}{2,5})\s+No\.?\s*(?P<issue>\d{1,5})\b\s*,?\s*(?P<date>[^()\n]{0,40}?)\s*\)",
)
# the word before an issue number: "No. 539"; the pages of 2008-15 print "Issue 255", reposts "Number 58", "#58"
ISSUE_MARKERS = ("No", "NO", "Issue", "ISSUE", "Number", "NUMBER", "#")
# what may stand before the title: "IWPR'S BALKAN CRISIS REPORT", "IWPR's ICR", "IWPR BALKAN CRISIS REPORT #58",
# "Institute for War & Peace Reporting: Balkan Crisis Report No. 58" (reposts and mail archives)
_TITLE_PREFIX = r"(?:IWPR(?:['’]?[Ss])?[ \t]{1,3}|Institute[ \t]+for[ \t]+War[ \t]+(?:&|and)[ \t]+Peace[ \t]+Reporting[ \t]{0,3}[:,|\-–—][ \t]{0,3})"
# an edition sent in parts: "RCA No. 412, Part 1" (with or without a date after it)
_PART = r"(?:(?:Part|PART)[ \t]+(?:\d{{1,2}}|[IVX]{{1,4}})\b[ \t]*[,.:]?[ \t]*)?"
# "REPORTING CENTRAL ASIA, No. 539, 2 April, 2008", "CAUCASUS REPORTING SERVICE, Issue #172, 14.03.2003" (a whole line)
_HEADER_SHAPE = (
    rf"^[ \t]*{_TITLE_PREFIX.replace('{', '{{').replace('}', '}}')}?(?P<title>{{title}})[ \t]*[,:.]?[ \t]*(?P<marker>No|NO|Issue|ISSUE|Number|NUMBER|#)\.?[ \t]*#?[ \t]*"
    rf"(?P<issue>\d{{{{1,5}}}})\b[ \t]*[,.:]?[ \t]*{_PART}(?P<date>[^\n]{{{{0,40}}}}?)[ \t]*$"
)
# a title in capitals, any title
_HEADER = LazyPattern(_HEADER_SHAPE.format(title=r"\p{Lu}[\p{Lu}&'’ \-]{2,60}?"), regex.M)


@lru_cache(maxsize=1)
def _titles() -> tuple[dict[str, str], dict[str, str]]:
    data = load_json("newsletters.json")
    by_abbr: dict[str, str] = {}
    by_title: dict[str, str] = {}
    for entry in data["newsletters"]:
        for printed in (entry["title"], *entry.get("printed_as", ())):
            by_title[printed.upper()] = entry["title"]
        for abbr in entry["abbreviations"]:
            by_abbr[abbr] = entry["title"]
    return by_abbr, by_title


def canonical_title(printed: str) -> str:
    """One title per newsletter, whether printed in capitals, as an abbreviation or in title case.

    >>> canonical_title("REPORTING CENTRAL ASIA")
    'Reporting Central Asia'
    >>> canonical_title("RCA")
    'Reporting Central Asia'
    >>> canonical_title("WEEKLY BULLETIN")
    'Weekly Bulletin'
    """
    by_abbr, by_title = _titles()
    cleaned = " ".join(printed.replace("’", "'").split()).strip(" ,.:-")
    if cleaned in by_abbr:
        return by_abbr[cleaned]
    if cleaned.upper() in by_title:
        return by_title[cleaned.upper()]
    if cleaned.isupper():
        return " ".join(w.capitalize() if len(w) > 3 or i == 0 else w.lower()
                        for i, w in enumerate(cleaned.split()))
    return cleaned


def known_title_in(text: str) -> str | None:
    """The canonical title of a known newsletter named in capitals in ``text`` (a masthead), if any.

    >>> known_title_in("REPORTING CENTRAL ASIA provides the international community...")
    'Reporting Central Asia'
    """
    _, by_title = _titles()
    for upper, title in by_title.items():
        if upper in text:
            return title
    return None


def newsletter_named(line: str) -> str | None:
    """The canonical title when ``line`` is nothing but a known newsletter's name (a page's label).

    >>> newsletter_named("Belarus Reporting Service"), newsletter_named("Belarus Reporting")
    ('Belarus Reporting Service', None)
    """
    if len(line) > 60:
        return None
    return _titles()[1].get(" ".join(line.replace("’", "'").split()).strip(" ,.:-").upper())


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # IWPR started in 1991: two-digit years are 1990s or 2000s
        year += 1900 if year >= 90 else 2000
    return year


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as ISO ``YYYY-MM-DD``, or None.

    >>> parse_date("06-Jul-05"), parse_date("2 April, 2008"), parse_date("April 2, 2008")
    ('2005-07-06', '2008-04-02', '2008-04-02')
    >>> parse_date("no date here") is None
    True
    """
    found = []
    if m := _DMY_DASHED.search(text):
        found.append((m.start(), _safe_date(_year(m[3]), MONTHS[m[2].lower().rstrip(".")], int(m[1]))))
    if m := _DMY.search(text):
        found.append((m.start(), _safe_date(_year(m[3]), MONTHS[m[2].lower().rstrip(".")], int(m[1]))))
    if m := _MDY.search(text):
        found.append((m.start(), _safe_date(int(m[3]), MONTHS[m[1].lower().rstrip(".")], int(m[2]))))
    if m := _ISO.search(text):
        found.append((m.start(), _safe_date(int(m[1]), int(m[2]), int(m[3]))))
    if "." in text and (m := _DOTTED.search(text)):
        found.append((m.start(), _safe_date(int(m[3]), int(m[2]), int(m[1]))))
    found = [f for f in found if f[1]]
    return min(found)[1] if found else None


def date_line(text: str) -> str | None:
    """The ISO date of a line that is nothing but a date (a page's date line), else None.

    >>> date_line("14 Nov 13"), date_line("Thursday, June 24, 1999"), date_line("14 Nov 13 people")
    ('2013-11-14', '1999-06-24', None)
    """
    if len(text) > 40 or not _DATE_LINE.match(text):
        return None
    return parse_date(text)


def parse_edition_ref(text: str) -> dict[str, Any] | None:
    """Edition data printed in a byline, e.g. "(RCA No. 393, 06-Jul-05)"; None if there is none.

    >>> parse_edition_ref("By A and B in Almaty (RCA No. 393, 06-Jul-05)")
    {'title': 'Reporting Central Asia', 'issue': 393, 'date': '2005-07-06'}
    """
    m = _REF.search(text) if "No" in text else None  # every reference has its "No": most texts are spared the pattern
    if not m:
        return None
    return {"title": canonical_title(m["abbr"]), "issue": int(m["issue"]), "date": parse_date(m["date"])}


def edition_ref_span(text: str) -> tuple[int, int] | None:
    """Where the edition reference stands in ``text`` (to cut it off a byline)."""
    m = _REF.search(text) if "No" in text else None
    return (m.start(), m.end()) if m else None


@lru_cache(maxsize=1)
def _known_title_header() -> regex.Pattern:
    """``_HEADER`` for a known newsletter's title in any case ("Reporting Central Asia No. 412, 3-Nov-05"):
    a title in capitals may be any; one in small letters must be a newsletter's."""
    titles = sorted(_titles()[1], key=len, reverse=True)
    title = "|".join(regex.escape(t).replace(r"\ ", r"[ \t]+") for t in titles)
    return regex.compile(_HEADER_SHAPE.format(title=title), regex.I)


@lru_cache(maxsize=1)
def _numbered_title() -> regex.Pattern:
    """A known newsletter's title in capitals with the number right after it and no "No.": "TRIBUNAL
    UPDATE 216: Last Week in The Hague (March 19-24, 2001)", as Tribunal Update printed its first 250
    issues.  Only a known title ("ELECTION 2004: THE RESULTS" is a headline), and only in capitals, as
    printed: split finds such lines among those opening with capitals (``numbered_title_start``)."""
    titles = sorted((t.upper() for t in _titles()[1]), key=len, reverse=True)
    title = "|".join(regex.escape(t).replace(r"\ ", r"[ \t]+") for t in titles)
    return regex.compile(
        rf"^[ \t]{{0,4}}(?:IWPR(?:['’]?[Ss])?[ \t]{{1,3}})?(?P<title>{title})[ \t]+(?P<issue>\d{{1,4}})\b"
        r"(?:[ \t]*:[ \t]*(?P<subtitle>[^\n]{0,100}?)|[ \t]*,[ \t]*(?P<date>[^\n]{0,40}?))?[ \t]*$"
    )


def numbered_title_start(line: str) -> bool:
    """Whether ``line`` may be a header with no issue marker ("TRIBUNAL UPDATE 216: ..."): within its first
    four spaces it starts with a known newsletter's title in capitals (or "IWPR") and holds a digit.  A
    cheap test before the pattern.

    >>> numbered_title_start("TRIBUNAL UPDATE 216: Last Week in The Hague"), numbered_title_start("Tribunal Update 216")
    (True, False)
    """
    head = line[:8].lstrip(" \t")[:4]
    return head in _title_heads() and _DIGIT.search(line, 0, 160) is not None


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """The first four letters of the known titles in capitals, and "IWPR"."""
    return frozenset(t[:4].upper() for t in (*_titles()[1], "IWPR"))


_DIGIT = LazyPattern(r"\d", engine="re")


def _parse_numbered_title(line: str) -> dict[str, Any] | None:
    m = _numbered_title().match(line)
    if not m:
        return None
    issue = m["issue"]
    if len(issue) == 4 and issue[:2] in ("19", "20"):
        return None  # "Reporting Central Asia 2008: ...": a year, not an issue
    if m["date"] is not None:
        iso = parse_date(m["date"])
        if iso is None and m["date"]:
            return None  # "Tribunal Update 5, the judges said": prose after the number
    else:
        iso = parse_date(m["subtitle"]) if m["subtitle"] else None
    return {"title": canonical_title(m["title"]), "issue": int(issue), "date": iso}


def parse_edition_header(line: str) -> dict[str, Any] | None:
    """An e-mail edition's header line, e.g. "REPORTING CENTRAL ASIA, No. 539, 2 April, 2008".

    >>> parse_edition_header("REPORTING CENTRAL ASIA, No. 539, 2 April, 2008")
    {'title': 'Reporting Central Asia', 'issue': 539, 'date': '2008-04-02'}
    >>> parse_edition_header("Iraqi Crisis Report No. 87, 17-Sep-04")
    {'title': 'Iraq Crisis Report', 'issue': 87, 'date': '2004-09-17'}
    >>> parse_edition_header("Africa Reports Issue 255, 21 Jan 10")
    {'title': 'Africa Reports', 'issue': 255, 'date': '2010-01-21'}
    >>> parse_edition_header("TRIBUNAL UPDATE 216: Last Week in The Hague (March 19-24, 2001)")
    {'title': 'Tribunal Update', 'issue': 216, 'date': None}
    >>> parse_edition_header("CAUCASUS REPORTING SERVICE, Issue #172, 14.03.2003")
    {'title': 'Caucasus Reporting Service', 'issue': 172, 'date': '2003-03-14'}
    >>> parse_edition_header("The vote, No. 5 in the series") is None
    True
    >>> parse_edition_header("TRIBUNAL UPDATE No. 310, April 28 - May 2, 2003")["date"] is None
    True
    """
    if not any(marker in line for marker in ISSUE_MARKERS):  # cheap test first: split asks this of every block
        return _parse_numbered_title(line.strip("\r\n")) if numbered_title_start(line) else None
    line = line.strip("\r\n")
    m = _HEADER.match(line) or _known_title_header().match(line)
    if not m:
        return _parse_numbered_title(line) if numbered_title_start(line) else None
    date_text = m["date"]
    iso = parse_date(date_text) if date_text else None
    if iso is not None and _DATE_RANGE.search(date_text):
        iso = None  # a week's edition ("April 28 - May 2, 2003", "4-9 February 2002") has no one date
    if date_text and iso is None:
        if m["marker"] not in ("No", "NO"):
            return None  # "ELECTION ISSUE 2 WEEKS AWAY": only "No." is a header with anything but a date after it
        if _LOWER_WORD.search(date_text) and not _MONTH_WORD.search(date_text):
            return None  # prose after the number, not a date: not a header
    return {"title": canonical_title(m["title"]), "issue": int(m["issue"]), "date": iso}
