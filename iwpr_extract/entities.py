"""Named entities in IWPR text: people, organisations, places, groups, dates, amounts, links.

A light recogniser, no model: regular expressions for dates, amounts, URLs, e-mail addresses and
phones; then runs of capitalised words, resolved against gazetteers (``data/entities/``), name shape
(given names, two or more capitalised words) and context cues (titles before a name, speech verbs
around it, ``Name:`` speaker labels).  Conventions follow the gold annotation guide: the span is the
name alone (no "the", possessive or title), the longest name wins, nothing nests.

``find_entities`` works on one text; ``entities_record`` adds ``entities`` to a record, giving every
mention of one entity in the record one ``norm``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Iterable

import unicodedata

import regex

from . import errors
from .entities_gazetteer import JOINING_WORDS, first_word, load, name_key
from .textutil import LazyPattern

LABELS = ("PERSON", "ORG", "LOC", "NORP", "DATE", "MONEY", "PERCENT", "URL", "EMAIL", "PHONE")
ARTICLE_FIELDS = ("headline", "standfirst", "body", "notes")
DOCUMENT_FIELDS = ("text",)


@dataclass
class Entity:
    """One mention: ``text == source[start:end]``; ``norm`` is its canonical form."""

    text: str
    label: str
    start: int
    end: int
    norm: str

    def as_dict(self) -> dict[str, Any]:
        """The mention as a plain dict.

        >>> Entity("UN", "ORG", 0, 2, "United Nations").as_dict()
        {'text': 'UN', 'label': 'ORG', 'start': 0, 'end': 2, 'norm': 'United Nations'}
        """
        return asdict(self)


# --- patterns --------------------------------------------------------------------------------------------
# Every pattern is linear: no quantified group repeats over text another quantifier could also take.

_MONTHS_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTHS_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_NUMWORD = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
            "fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|several|a few|dozens of")
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{_NUMWORD}))"
_SCALE = r"(?:\s{1,3}(?:thousand|million|billion|trillion|m|bn))?"
_CURRENCY = (r"(?:US\s|(?:Iraqi|Afghan|Kyrgyz|Kazak|Kazakh|Uzbek|Tajik|Russian|Syrian|Jordanian|Zimbabwe|"
             r"Zimbabwean|South\sAfrican|Serbian|Bosnian|Georgian|Armenian|Azerbaijani|Turkish|Sudanese|"
             r"Ugandan|Kenyan|\p{Lu}\p{Ll}+(?:ese|ian|ean|an|i))\s)?(?:dollars?|convertible\smarks?|euros?|pounds?(?:\ssterling)?|soms?|tenge|somoni|manats?|lari|drams?|"
             r"afghanis|dinars?|rubles?|roubles?|rands?|shillings?|francs?|sums?|liras?|riyals?|"
             r"hryvnias?|marks?|dinar|US\sdollars|rupees?|rials?|tomans?|denars?|kunas?|leks?|leones?)")

_DATE = regex.compile(
    rf"(?<!\w)(?<!(?<!\bmid)-)(?:"                                                 # mid-January, not pre-2005
    rf"\d{{1,2}}-(?:{_MONTHS_ABBR}|May)-\d{{2,4}}"                               # 06-Jul-05, 15-May-08
    # (the plainest form: "0?[1-9]" before the alternation made the whole pattern eight times slower)
    rf"|\d\d?\.\d\d?\.(?:1[6-9]|20)\d\d(?<=(?<!\d)(?:[012]?\d|3[01])\.(?:0?\d|1[0-2])\.\d{{4}})"  # 15.10.2003
    rf"|(?:{_MONTHS_FULL}|(?:{_MONTHS_ABBR})\.?)\s{{1,3}}\d{{1,2}}(?!\d)"          # October 10
    rf"(?:\s?[-\u2013]\s?\d{{1,2}}(?!\d))?(?:,?\s{{1,3}}(?:1[6-9]|20)\d\d(?!\d))?"  # June 27-30, 2005
    rf"|\d{{1,2}}\s(?:{_MONTHS_ABBR}|May)\.?\s(?:(?:1[6-9]|20)\d\d|\d\d)(?!\d)"   # 29 Jan 2004, 14 Nov 12
    rf"|\d{{1,2}}\s{{1,3}}(?:{_MONTHS_FULL})(?:,?\s{{1,3}}(?:1[6-9]|20)\d\d(?!\d))?"  # 10 October 2010
    rf"|(?:{_MONTHS_FULL})\s{{1,3}}(?:1[6-9]|20)\d\d(?!\d)"                      # May 2009
    rf"|(?:{_MONTHS_FULL.replace('May|', '')})"                                  # June
    rf"|(?<=\b(?:in|since|until|till|by|of|early|late|mid-|this|last|next|on|from|to|the)\s)May"
    rf"|(?:1[6-9]|20)\d\d(?:s|/\d\d)?"                                            # 2007, 1990s
    rf"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf")(?![\w-]|,\d|\.\d)"
)
# amounts are rare: their patterns (a third of the compile time at start-up) are compiled at the first hint
_MONEY = (rf"(?<![\w$£€])(?:(?:US\$|\$|£|€)\s?{_NUM}{_SCALE}"
          rf"|{_NUM}(?:\s(?:or|to|and)\s{_NUM})?{_SCALE}\s{_CURRENCY})(?![\w-])")
# a military unit named by its number: "1st Cavalry Division", "Second Army" (the ordinal is part of the name)
_ORDINAL = ("First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth")
_UNIT = LazyPattern(  # rare: compiled at the first unit word
    rf"(?<![\w-])(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL})(?:[ \t]{{1,3}}\n?[ \t]*\p{{Lu}}\p{{Ll}}+){{0,2}}?"
    r"[ \t]{1,3}\n?[ \t]*(?:Army|Corps|Brigade|Division|Battalion|Regiment|Fleet)(?![\w-])"
)
_UNIT_HINTS = ("Army", "Corps", "Brigade", "Division", "Battalion", "Regiment", "Fleet")
_PERCENT = rf"(?<![\w.])(?:{_NUM}(?:\s(?:or|to)\s{_NUM})?(?:\s?%|\sper\s?cent|\spercent))(?!\w)"


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> Any:
    return regex.compile(pattern, regex.IGNORECASE)


# words and signs without which there is no amount: found with str.find, far faster than a regex scan
_MONEY_HINTS = ("$", "£", "€", "dollar", "euro", "pound", "som", "tenge", "manat", "lari", "dram", "afghanis",
                "dinar", "ruble", "rouble", "rand", "shilling", "franc", "sum", "lira", "riyal", "hryvnia", "mark",
                "rupee", "rial", "toman", "denar", "kuna", "lek", "leone")
# what may follow a unit word inside an amount's unit (_CURRENCY); "$" and the like need nothing
_UNIT_SUFFIXES = {hint: ("", "s") for hint in _MONEY_HINTS if hint.isalpha()}
_UNIT_SUFFIXES["som"] = ("", "s", "oni")
_UNIT_SUFFIXES["afghanis"] = ("",)
_PERCENT_HINTS = ("%", "per cent", "percent", "per\ncent")
_URL = regex.compile(r"(?:https?://|www\.)[^\s<>\"'()\[\]]+", regex.IGNORECASE)
_EMAIL = regex.compile(r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)+")
_PHONE = regex.compile(
    r"(?:(?<=\b(?:Tel|Telephone|Phone|Fax|Mob|Mobile)\.?:?\s{1,3})\+?\d{1,4}(?:[ .\-]\(?\d{1,5}\)?){1,6}"
    r"|(?<![\w+])\+\d{1,3}(?:[ .\-]\(?\d{1,5}\)?){2,6})(?![\w])"
)

# A capitalised word (hyphenated parts are words of their own; a possessive is not part of it), or a
# lower-case word that may join capitalised ones inside a name.
_PREFIXES = "al|el|ul|ud|ut|ad|ed|ez|es|et|az|at|ash|as|ar|an|bin|ibn"  # 2 or 3 letters: see _chunks()
_WORD = (f"(?:(?:{_PREFIXES})-)?" r"\p{Lu}[\p{L}\p{M}\d]*(?:['\u2019](?!s\b)\p{L}+)*"
         r"(?:['\u2019]s(?<=\b(?:People|Women|Children|Workers|Citizens|Soldiers|Mothers|Veterans|Lord|God)['\u2019]s)(?=[ \t]\p{Lu}))?"
         r"(?:[/&](?<=\p{Lu}[/&])\p{Lu}[\p{Lu}\d]*)*(?:(?<=s)['\u2019](?=[ \t]\p{Lu}))?"
         # a middle initial keeps its dot: "George W. Bush" (a letter between two name words)
         r"(?:\.(?<=\p{Lu}\p{Ll}+[ \t]\p{Lu}\.)(?=[ \t]\p{Lu}\p{Ll}))?")
_CONNECT = f"(?:{JOINING_WORDS})"
_GAP = r"(?:-|(?=[ \t\r\n])(?>[ \t]*(?:\r?\n[ \t]*){0,2}))"
_CHUNK = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d])(?:{_WORD})(?:{_GAP}(?:{_CONNECT}{_GAP}){{0,2}}{_WORD}(?![\p{{Ll}}]))*"
)
_CAPITAL = regex.compile(r"(?<![\p{L}\p{M}\d])\p{Lu}")
_ARTICLES = frozenset(_PREFIXES.split("|"))
_TOKEN = regex.compile(rf"{_WORD}|\b{_CONNECT}\b|&")
_WS = regex.compile(r"\s+")
_MULTI = regex.compile(r"[\s\-/&]")
_LOWER = regex.compile(r"\p{Ll}")
_WORD_AFTER = regex.compile(r"\A,?[ \t]*\n?[ \t]*(?:has\s|had\s|also\s|then\s)?([\p{L}]+)")
_APPOSITION = regex.compile(r"\A,\s{1,3}(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)")
_NOT_NAME_END = ("tion", "sion", "ment", "ness", "ism", "ity", "ure", "ship", "hood", "ing", "ings", "ist", "ists",
                 "ers")  # endings of nouns, not of names
_CONTRACTION = tuple(q + end for q in "'\u2019" for end in ("ve", "ll", "re", "d", "m", "t"))
_SPEAKER = regex.compile(r"\A:[ \t]")
_SKELETON_SUBS = (("kh", "k"), ("iy", "i"), ("yy", "y"), ("dzh", "j"), ("zh", "j"), ("ou", "u"),
                  ("ye", "e"), ("-", " "), ("\u2019", "'"))


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    label: str
    canon: str | None = None  # a gazetteer's canonical form
    field: str = ""
    text: str = ""
    single: bool = False  # a lone capitalised word kept only if it turns out to be a known surname
    # (or a full name in a line whose capitals say nothing, kept only if the record names that person so)
    # a guess from context (a word named by its kind, "X party"; an unknown word in a list of places) that
    # gives way when the record names a person with that surname ("the Sadr movement")
    or_person: bool = False


# letters with no decomposition that English copy spells with two: "Đinđić" is written "Djindjic"
_SPELLED_OUT = str.maketrans({"\u0110": "Dj", "\u0111": "dj"})


@lru_cache(maxsize=4096)
def _ascii(text: str) -> str:
    """Latin letters without their diacritics: "Priština" gives "Pristina", "Đinđić" "Djindjic"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.translate(_SPELLED_OUT))
                   if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def skeleton(name: str) -> str:
    """A spelling-insensitive key: Kazakstan and Kazakhstan, Bakiev and Bakiyev share one.

    >>> skeleton("Kazakhstan") == skeleton("Kazakstan"), skeleton("Bakiyev") == skeleton("Bakiev")
    (True, True)
    >>> skeleton("Milošević") == skeleton("Milosevic"), skeleton("Đinđić") == skeleton("Djindjic")
    (True, True)
    """
    key = _ascii(name).casefold()
    for old, new in _SKELETON_SUBS:
        key = key.replace(old, new)
    out = []
    for ch in key:  # doubled letters are a transliteration choice (Mukhammad/Muhammad aside)
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


# --- the recogniser --------------------------------------------------------------------------------------


def _near(pattern: str, hints: tuple[str, ...], text: str, low: str) -> Iterable[Any]:
    """Matches of ``pattern`` (case-insensitive) in windows around the places its unit words occur: amounts are rare, and
    scanning every position for a number word is slow."""
    places = []
    for hint in hints:
        at = low.find(hint)
        suffixes = _UNIT_SUFFIXES.get(hint)
        while at >= 0:
            # "som" in "some" is no unit, "sum" in "summer" neither, "euro" in "European" neither
            # a symbol ("$" in "US$5") needs no word boundary before it
            if (at == 0 or not hint[0].isalpha() or not low[at - 1].isalpha()) and (
                    suffixes is None or _unit_ends(low, at + len(hint), suffixes)):
                places.append(at)
            at = low.find(hint, at + 1)
    if not places:
        return
    places.sort()
    compiled = _compiled(pattern)
    last = 0
    for at in places:
        if at + 30 <= last:
            continue
        stop = min(len(text), at + 30)
        for m in compiled.finditer(text, max(0, at - 60, last), stop):
            if m.start() >= last:
                if m.end() == stop < len(text):  # cut by the window ("51,000 euro|s"): search on past it
                    m = compiled.search(text, m.start(), min(len(text), stop + 100))
                    if m is None:
                        break
                last = m.end()
                yield m


def _unit_ends(low: str, at: int, suffixes: tuple[str, ...]) -> bool:
    """A unit word ends at ``at``, perhaps after a plural suffix: no letter, digit, "-" or "_" follows
    (the money pattern ends with a lookahead for those)."""
    for suffix in suffixes:
        end = at + len(suffix)
        if low.startswith(suffix, at) and (end >= len(low) or not (
                low[end].isalpha() or low[end].isdecimal() or low[end] in "-_")):
            return True
    return False


def _occurrences(text: str, needles: Iterable[str]) -> list[int]:
    """Where each needle starts in ``text``, in order (str.find: far faster than a regex scan).

    >>> _occurrences("www.x http://www.y", ("http", "www."))
    [0, 6, 13]
    """
    places = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            places.append(at)
            at = text.find(needle, at + 1)
    places.sort()
    return places


def _urls(text: str, low: str) -> Iterable[Any]:
    """``_URL.finditer(text)``, trying the pattern only where "http" or "www." stands (case-insensitive)
    rather than at every position."""
    if len(low) != len(text):  # a capital whose lower case is longer ("İ"): offsets differ, scan it all
        yield from _URL.finditer(text)
        return
    last = 0
    for at in _occurrences(low, ("http", "www.")):
        if at >= last:
            m = _URL.match(text, at)
            if m is not None:
                last = m.end()
                yield m


_NUMBERED = LazyPattern(r"-\d")


@lru_cache(maxsize=1)
def _phrase_pattern() -> Any:
    """One pattern for the gazetteer names a capitalised run cannot reach (compiled at the first hint)."""
    alternatives = sorted((r"\s+".join(regex.escape(w) for w in form.split()) for form in load().phrases),
                          key=len, reverse=True)
    return regex.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _phrase_hints() -> dict[str, tuple[str, ...]]:
    """The lower-case words without which no phrase name can occur (" former "), each with the starts of
    the words that follow it there ("yugo"): a hint is worth a search only where one of them follows."""
    g = load()
    joining = frozenset(JOINING_WORDS.split("|"))
    follows: dict[str, set[str]] = {}
    for form in g.phrases:
        words = form.split()
        for w in words:
            if _NUMBERED.search(w) or w.endswith("+") or "." in w.strip(".") or "/" in w:
                # "Rustavi-2", "A1+", "Fergana.ru", "Europe/Radio": the word itself is the hint
                follows.setdefault(w, set()).add("")
        for k, w in enumerate(words[:-1]):
            if w[0].islower() and w not in joining:
                # a short word needs its space after it (" es" starts too many words); "former" may end a line
                follows.setdefault(f" {w} " if len(w) <= 3 else f" {w}", set()).add(words[k + 1][:4].casefold())
            parts = w.split("-")
            for part in parts[1:]:
                if part[:1].islower():
                    rest = w[w.index(part) + len(part):].lstrip("-") or words[k + 1]
                    follows.setdefault(f"-{part}", set()).add(rest[:4].casefold())
    return {hint: tuple(sorted(starts)) for hint, starts in sorted(follows.items())}


def _around(pattern: Any, places: list[int], text: str, before: int, after: int) -> Iterable[Any]:
    """Matches of ``pattern`` over one of ``places`` (sorted positions of words without which it cannot
    match), each searched for in a window of ``before``/``after`` characters around the place: a full scan
    tries every position of the text."""
    last = 0
    for at in places:
        if at < last:
            continue
        for m in pattern.finditer(text, max(last, at - before), min(len(text), at + after)):
            if m.start() > at:
                break
            if at < m.end():
                last = m.end()
                yield m
                break


def _phrases(text: str) -> Iterable[Any]:
    places: list[int] = []
    for hint, starts in _phrase_hints().items():
        # a hard wrap may put a long word at a line's start ("for the\nformer Yugoslavia"): it is looked for
        # without its space, and a space or line break must stand before it (the short words inside a
        # name, " el ", " es ", are looked for as they are: a wrap seldom falls there)
        form, before = (hint[1:], " \n") if hint[0] == " " and len(hint) > 4 else (hint, "")
        at = text.find(form)
        while at >= 0:
            if not before or at and text[at - 1] in before:
                j = at + len(form)
                while j < len(text) and text[j] in " \t\r\n":
                    j += 1
                if text[j:j + 4].casefold().startswith(starts):
                    places.append(at - 1 if before else at)
            at = text.find(form, at + 1)
    if not places:
        return ()
    places.sort()
    return _around(_phrase_pattern(), places, text, 80, 80)  # a phrase runs at most 80 characters either side

def _phone_hint(text: str) -> bool:
    """A phone number is written after "+" or a label (Tel, Phone, Fax, Mob): without one, no scan."""
    return "+" in text or "Tel" in text or "Phone" in text or "Fax" in text or "Mob" in text


_WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
_WEEKDAY_GAP = LazyPattern(r",[ \t]{1,3}\n?[ \t]*\Z|,\n[ \t]*\Z")


def _after_weekday(text: str, last: _Span, start: int, date: str) -> bool:
    """A day of the month right after "Weekday, ": "Wednesday, March 12", "Monday, 12 December 2005"."""
    return (last.label == "DATE" and 0 < start - last.end <= 4 and text[last.start:last.end] in _WEEKDAYS
            and _WEEKDAY_GAP.search(text, last.end, start) is not None
            and any(c.isdigit() for c in date) and any(c.isalpha() for c in date))


def _regex_spans(text: str, spans: list[_Span], taken: bytearray) -> None:
    low = text.lower()
    for matches, label in ((_urls(text, low) if "www" in text or "://" in text else (), "URL"),
                           (_EMAIL.finditer(text) if "@" in text else (), "EMAIL"),
                           (_PHONE.finditer(text) if _phone_hint(text) else (), "PHONE"),
                           (_near(_MONEY, _MONEY_HINTS, text, low), "MONEY"),
                           (_near(_PERCENT, _PERCENT_HINTS, text, low), "PERCENT"),
                           (_DATE.finditer(text), "DATE"),
                           (_around(_UNIT, _occurrences(text, _UNIT_HINTS), text, 60, 12), "ORG"),
                           (_phrases(text), "")):
        for m in matches:
            start, end = m.span()
            if label == "URL":
                while end > start and text[end - 1] in ".,;:!?":
                    end -= 1
            if taken[start] or taken[end - 1]:
                continue
            kind = label
            if (label == "DATE" and spans and 0 < start - spans[-1].end <= 4
                    and _after_weekday(text, spans[-1], start, m.group())):
                # "Wednesday, March 12": one date (joined here, not in _DATE: an alternative there cost a
                # quarter of its scan)
                taken[spans[-1].end:end] = b"\x01" * (end - spans[-1].end)
                spans[-1].end = end
                continue
            if label == "DATE" and text[end:end + 1] in (" ", "\n"):
                end = _dated_org_end(text, start, end, m.group())
                if end != m.end():
                    kind = "ORG"
            if not label:  # a gazetteer name with a lower-case word in it
                entry = load().names[name_key(m.group())]
                spans.append(_Span(start, end, entry[0], entry[1]))
                taken[start:end] = b"\x01" * (end - start)
                continue
            spans.append(_Span(start, end, kind))
            taken[start:end] = b"\x01" * (end - start)


# capitalised words after "the February 17": the rest of a name if an organisation's head word ends it
_AFTER_DATE = LazyPattern(r"(?:[ \t]{1,3}\n?[ \t]*(\p{Lu}\p{Ll}+)){1,3}")


def _dated_org_end(text: str, start: int, end: int, date: str) -> int:
    """Where a name that opens with a day's date ends ("the February 17 Brigade", "the 14 March
    Alliance", "the April 6 Youth Movement"), or ``end`` when the date stands alone: after "the", a day
    without a year, then capitalised words up to the head word of a group (``cues.txt`` ``[dated]``).

    >>> text = "the February 17 Brigade"
    >>> text[4:_dated_org_end(text, 4, 15, "February 17")]
    'February 17 Brigade'
    """
    if text[max(0, start - 4):start].casefold() not in ("the ", "the\n"):
        return end
    digits = sum(c.isdigit() for c in date)
    if not 1 <= digits <= 2:
        return end
    m = _AFTER_DATE.match(text, end)
    if m is None:
        return end
    heads = load().dated  # "Brigade", not "Kenesh": a standing institution after a date is the date's
    for (s, e) in reversed(m.spans(1)):
        if text[s:e].casefold() in heads:
            return e
    return end


def _case_ok(surface: str, form: str) -> bool:
    if form.isupper() and len(form) <= 7:  # an acronym matches only in its own case
        return surface == form
    return True


def _caps_flags(toks: list[tuple[int, int, str]]) -> list[bool]:
    """Which words stand in a run of two or more words in capitals (a CAPS headline or label)."""
    upper = [len(w) > 1 and w.isupper() for _, _, w in toks]
    flags = [False] * len(toks)
    for k, up in enumerate(upper):
        if up and (k > 0 and upper[k - 1] or k + 1 < len(toks) and upper[k + 1]):
            flags[k] = True
    return flags


@lru_cache(maxsize=16384)
def _plan(chunk: str) -> tuple[tuple[tuple[int, int, str], ...], list[bool], tuple[str, ...],
                               tuple[tuple[int, tuple[str, str, str]] | None, ...], tuple[int, ...]]:
    """What a capitalised run says without its context, worked out once per distinct run (names recur):
    its words (offsets into the run), which stand in a CAPS run, their folded forms, the longest
    gazetteer name starting at each word (token index after it, entry) and the next organisation head
    word from each word on."""
    g = load()
    toks = tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(chunk))
    n = len(toks)
    caps = _caps_flags(toks) if n > 1 else [False] * n
    folds = []
    hits: list[tuple[int, tuple[str, str, str]] | None] = []
    for i, (s, _e, word) in enumerate(toks):
        folded = word.casefold().replace("\u2019", "'")
        folds.append(folded)
        hit = None
        if not _capital(word):
            hits.append(hit)
            continue
        first = first_word(folded)
        most = g.max_words.get(first, 0) or (0 if first.isascii() else g.max_words.get(_ascii(first), 0))
        if most:
            for j in range(min(n, i + most), i, -1):
                last = toks[j - 1][2]
                if not _capital(last) and not last[0].isdigit():
                    continue
                surface = chunk[s:toks[j - 1][1]]
                key = name_key(surface)
                entry = g.names.get(key)
                if entry is None and not key.isascii():  # "Priština", "Mladić": the lists spell them plainly
                    entry = g.names.get(_ascii(key))
                if entry is not None and _case_ok(surface, entry[2]):
                    hit = (j, entry)
                    break
        if hit is None and word[0].islower():  # "al-Raqqa": the place without its article
            entry = g.names.get(_bare(word).casefold())
            if entry is not None and entry[0] == "LOC":
                hit = (i + 1, entry)
        hits.append(hit)
    # where the next head word of an organisation stands (n + _ORG_REACH: none); without one within
    # _org_run's reach of a word, no organisation starts there and the line need not be looked at
    org_at = n + _ORG_REACH
    next_org = [0] * n
    for i in range(n - 1, -1, -1):
        if _capital(toks[i][2]) and toks[i][2].casefold() in g.orgwords:
            org_at = i
        next_org[i] = org_at
    return toks, caps, tuple(folds), tuple(hits), tuple(next_org)


def _resolve(text: str, start: int, end: int, out: list[_Span], taken: bytearray) -> None:
    g = load()
    rel, caps, folds, hits, next_org = _plan(text[start:end])
    toks = [(s + start, e + start, word) for s, e, word in rel]
    n = len(toks)
    pending: list[int] = []
    title_cue = False
    headline = None
    i = 0
    while i < n:
        s, e, word = toks[i]
        if not _capital(word):  # a joining word: part of a pending name only
            pending.append(i)
            i += 1
            continue
        if taken[s]:
            _flush(text, toks, pending, out, title_cue)
            pending, title_cue = [], False
            i += 1
            continue
        folded = folds[i]
        hit = hits[i]  # 1. the longest gazetteer name starting here
        # 2. an organisation named by its head word: "Foreign Ministry of Norway", "Migration Committee"
        if caps[i] or next_org[i] >= i + _ORG_REACH:
            org_end = head = -1
        else:
            if headline is None:
                headline = _title_case_line(text, start)
            org_end, head = (-1, -1) if headline else _org_run(text, toks, i, caps, g)
        if org_end > 0 and (hit is None or org_end > hit[0] and (
                hit[1][0] != "ORG" or head >= hit[0] or toks[hit[0]][2] == "of")  # "Democratic Party of Albanians"
                and not _two_orgs(toks, hits, hit)):
            _flush(text, toks, pending, out, title_cue)
            pending, title_cue = [], False
            after = hits[i + 1] if i + 1 < n else None
            if (hit is not None and hit[1][0] == "NORP" and hit[0] == i + 1 and after is not None
                    and after[1][0] == "ORG" and after[0] == org_end):
                # "the ethnic Albanian National Liberation Army": a people's adjective, then a known name
                out.append(_Span(s, e, "NORP", hit[1][1]))
                out.append(_Span(toks[i + 1][0], toks[org_end - 1][1], "ORG", after[1][1]))
                i = org_end
                continue
            out.append(_Span(s, toks[org_end - 1][1], "ORG"))
            i = org_end
            continue
        if hit is not None:
            j, (label, canon, _form) = hit
            if (label in ("LOC", "NORP") and j == i + 1 and not caps[i] and (
                    pending and pending[-1] == i - 1 and toks[i - 1][2] in g.first_names
                    and _name_word(toks[i - 1][2])
                    or len(pending) > 1 and pending[-1] == i - 1 and toks[i - 1][2] in _PARTICLES
                    and toks[i - 2][2] in g.first_names
                    or title_cue and not pending and i + 1 < n and _name_word(toks[i + 1][2])
                    and text[e:toks[i + 1][0]] == " "
                    or pending and pending[-1] == i - 1 and _name_word(toks[i - 1][2])
                    and text.endswith(("By ", "by "), 0, toks[pending[0]][0])
                    or label == "NORP" and pending and pending[-1] == i - 1 and _name_word(toks[i - 1][2])
                    and toks[i - 1][2].casefold() not in g.common and text[toks[i - 1][1]:s] == " "
                    or word in g.first_names and i + 1 < n and hits[i + 1] is None and _name_word(toks[i + 1][2])
                    and text[e:toks[i + 1][0]] == " " and folds[i + 1] not in g.locwords
                    and folds[i + 1] not in g.orgwords)):
                # "Babar Baloch", "Ron Redmond": a given name then a word also a place or people; in a
                # byline any name word before it ("By Peta Moyo in Bulawayo"); a tribe's name after any
                # name word that is no common English word ("Leila Popalzai", not "Ethnic Uzbeks"); a
                # given name that is also a place, then a name word ("Serik Abdrakhmanov", not "Mary Province")
                pending.append(i)
                i += 1
                continue
            if (label == "LOC" and pending and pending[-1] == i - 1 and not caps[i]
                    and toks[i - 1][2].casefold() in _COMPASS):
                s = toks[pending.pop()][0]
                canon = None
            _flush(text, toks, pending, out, title_cue)
            pending, title_cue = [], False
            if label != "NORP" or not _language(text, s, toks[j - 1][1]):
                out.append(_Span(s, toks[j - 1][1], label, canon))
            i = j
            continue
        if folded in _COMPASS and not caps[i]:
            pending.append(i)  # may start "Eastern Ukraine"; alone it is no name (_name_word)
            i += 1
            continue
        if (folded in _SURNAME_WORDS and pending and pending[-1] == i - 1 and toks[i - 1][2] in g.first_names
                and text[toks[i - 1][1]:s] == " " and not caps[i]):
            pending.append(i)  # "Judge Richard May": a given name, then a word that is also a surname
            i += 1
            continue
        if caps[i] and hit is None and len(word) > 3 and word.isalpha() and folded not in g.common:
            # a word in a CAPS headline: a person only if the text names them elsewhere ("MILOSEVIC")
            out.append(_Span(s, e, "PERSON", single=True))
        if (folded in g.titles and word in g.first_names and i + 1 < n and _name_word(toks[i + 1][2])
                and text[e:toks[i + 1][0]] == " " and hits[i + 1] is None):
            pending.append(i)  # "Emir Suljagic", "Sultan Jalilov": a title that is also a given name
            i += 1
            continue
        if (folded in g.stopwords and word in g.first_names and i + 1 < n and _name_word(toks[i + 1][2])
                and text[e:toks[i + 1][0]] == " " and hits[i + 1] is None
                and _SENTENCE_START.search(text, max(0, s - 4), s) is None and not text.endswith(_QUOTE_ENDS, 0, s)):
            # "the death of Said Abdullo Nuri": inside a sentence the capital says a given name, not the verb
            pending.append(i)
            i += 1
            continue
        if caps[i] or folded in g.stopwords or folded in g.titles or folded[-1:] == "s" and folded[:-1] in g.titles:
            _flush(text, toks, pending, out, title_cue)
            pending = []
            title_cue = folded in g.titles  # a plural ("Residents Count Cost") cues no one
            i += 1
            continue
        pending.append(i)
        i += 1
    _flush(text, toks, pending, out, title_cue)


_LANGUAGE_BEFORE = regex.compile(r"\b(?:in|into|from|speak|speaks|spoke|speaking)\s+(?:[\p{L}]+\s+(?:and|or)\s+)?\Z")


def _language(text: str, start: int, end: int) -> bool:
    """A people's name used for its language: "in English and Russian", "Uzbek-language"."""
    if text.startswith(("-language", " language"), end):
        return True
    if _PAIR_NOUN_AFTER.match(text, end):  # "in Russian roubles": an adjective, the people's
        return False
    pair = _PAIRED_AFTER.match(text, end)
    if pair is not None and _PAIR_NOUN_AFTER.match(text, pair.end()):
        return False  # "into Serb and Albanian entities": two adjectives, then their noun
    return _LANGUAGE_BEFORE.search(text, max(0, start - 30), start) is not None


_NOUN_AFTER = regex.compile(r"[ \t]+(?!(?:and|or|languages?)\b)\p{Ll}")
_PAIRED_AFTER = regex.compile(r"[ \t]+(?:and|or)[ \t]+\p{Lu}\p{Ll}+")
# the noun after a pair of adjectives; a function word says the pair were languages ("into Russian and English by")
_PAIR_NOUN_AFTER = regex.compile(r"[ \t]+(?!(?:and|or|by|for|from|in|into|on|at|to|with|as|is|are|was|were|but|"
                                 r"only|languages?)\b)\p{Ll}")


def _is_title(folded: str, titles: frozenset[str]) -> bool:
    """A title or role word, or its plural: "Prosecutors say" names no one.

    >>> _is_title("prosecutors", frozenset({"prosecutor"})), _is_title("nowak", frozenset({"prosecutor"}))
    (True, False)
    """
    return folded in titles or folded.endswith("s") and folded[:-1] in titles


def _capital(word: str) -> bool:
    """Capitalised, allowing an Arabic article before the name: "Kabul", "al-Assad"."""
    return word[0].isupper() or word[0].islower() and "-" in word and word[word.index("-") + 1:][:1].isupper()


def _bare(word: str) -> str:
    """The word without an "al-"-type article: "al-Assad" gives "Assad"."""
    return word[word.index("-") + 1:] if word[0].islower() and "-" in word else word


@lru_cache(maxsize=65536)
def _name_word(word: str) -> bool:
    """Shaped like a word of a person's name: capitalised, then lower case (MacLeod, O'Brien allowed)."""
    g = load()
    word = _bare(word)
    if len(word) < 2 or not word[0].isupper() or not word[1].islower():
        return False
    folded = word.casefold()
    if folded in g.stopwords or folded in g.nonname or word.endswith(_CONTRACTION):
        return False
    return word in g.first_names or not folded.endswith(_NOT_NAME_END)


def _verb_given_name(word: str, g: Any) -> bool:
    """A given name that is also a word never a name by itself ("Said"); _resolve lets it open a run only
    inside a sentence, before a name word."""
    return word in g.first_names and word.casefold() in g.stopwords and word.casefold() not in g.titles


def _hyphened_letter(text: str, tok: tuple[int, int, str]) -> bool:
    """One capital letter joined by a hyphen to the next word: the first syllable of a name ("O-Gon Kwon")."""
    return len(tok[2]) == 1 and tok[2].isupper() and text[tok[1]:tok[1] + 1] == "-"


def _initial(word: str) -> bool:
    """One capital letter, with or without a dot: "W", "W."."""
    return len(word) <= 2 and word[0].isupper() and word[1:] in ("", ".")


def _uncommon_name_word(word: str, g: Any) -> bool:
    """Shaped like a name word and no common English word, whatever its ending: Ossetian surnames end in
    "-ity" like nouns ("Kokoity", "Gagloity"), so after a given name the ending alone says nothing."""
    folded = word.casefold()
    return (len(word) > 3 and word[0].isupper() and word[1:].islower() and word.isalpha()
            and folded not in g.common and folded not in g.stopwords and folded not in g.nonname)


_MEDIA_AFTER = frozenset(("newspaper", "magazine", "weekly", "daily", "television", "radio", "tabloid",
                          "channel"))
# what a party or an electoral list is called after its one-word name (not at a sentence start, where any
# word is capitalised: "Opposition party leaders said")
_PARTY_AFTER = frozenset(("party", "list", "movement", "bloc", "coalition", "alliance"))
_MEDIA_BEFORE = tuple(f"{w} " for w in ("weekly", "daily", "newspaper", "magazine", "fortnightly", "monthly", "tabloid",
                                        "channel"))
_IN_HEADS = frozenset(("mission", "centre", "center"))
_ORG_REACH = 16  # words an organisation's name may run to from its first word


def _two_orgs(toks: list[tuple[int, int, str]], hits: tuple, hit: tuple[int, tuple[str, str, str]] | None) -> bool:
    """A known organisation, "and", then another known organisation: "the UN and Arab League envoy" names two,
    where "Ministry of Labour and Social Protection" (no known name after "and") is one."""
    if hit is None or hit[1][0] != "ORG" or hit[0] + 1 >= len(toks) or toks[hit[0]][2] != "and":
        return False
    after = hits[hit[0] + 1]
    return after is not None and after[1][0] == "ORG"


def _org_run(text: str, toks: list[tuple[int, int, str]], i: int, caps: list[bool], g: Any) -> tuple[int, int]:
    """End (token index) of an organisation name starting at ``i`` and its last head word, or -1s."""
    first = toks[i][2].casefold()
    # "US Embassy": an acronym is no pronoun ("us"), though both fold to the same stopword
    if (first in g.stopwords and first not in g.namewords and first not in g.orgwords
            and not (len(first) > 1 and toks[i][2].isupper())):
        return -1, -1
    end = head = -1
    names = 0
    j = i
    # names are short: a bound keeps a run of thousands of capitalised words linear
    stop = min(len(toks), i + _ORG_REACH)
    while j < stop:
        word = toks[j][2]
        if caps[j]:
            break
        if _capital(word):
            folded = word.casefold()
            names += 1
            if end > 0 and j > 1 and toks[j - 1][2] == "the" and toks[j - 2][2] == "of":
                rest = g.names.get(name_key(text[toks[j][0]:toks[-1][1]]))
                if rest is not None and rest[0] == "NORP":
                    break  # "the Drina Corps of the Bosnian Serb army": a people's adjective before a noun
            if (folded in g.orgwords and (names > 1 or j + 1 < len(toks) and toks[j + 1][2] in ("of", "for", "on"))
                    and not _title_case_line(text, toks[j][0])):  # "Basra Police Recruits Complain": a headline
                end = j + 1
                head = j
            elif end > 0 and toks[j - 1][2] == "of" and (folded in g.titles or j + 1 < stop and (
                    f"{folded} {toks[j + 1][2].casefold()}" in g.titles
                    or word in g.first_names and _name_word(toks[j + 1][2])
                    and text[toks[j][1]:toks[j + 1][0]] == " ")):
                # "the Democratic League of Kosovo of President Ibrahim Rugova", "the Socialist Party of Prime
                # Minister Fatos Nano", "the Supreme Islamic Iraqi Council of Ammar al-Hakim": his party, then him
                break
            elif end > 0 and j == end and head == j - 1 and folded in g.nonname:
                return -1, -1  # "Stabilisation and Association Agreement": the name of a document, not a body
            elif end > 0 and (j == end or not _capital(toks[j - 1][2])):
                end = j + 1  # "... of Norway", "Forum for Ethnic Relations": the name goes on
        elif (word == "in" and end == j and toks[j - 1][2].casefold() in _IN_HEADS and j + 1 < stop
              and _capital(toks[j + 1][2])):
            pass  # "United Nations Mission in Kosovo", "OSCE Centre in Bishkek": the place is in the name
        elif word in ("in", "e") or end < 0 and (word == "the" or word == "of" and names >= 2):
            break  # "Dusan Janjic of the Forum ...": a person's name, then the organisation
        elif word in ("the", "to"):
            # "Council of the European Union", "Committee to Protect Journalists" go on; "X the Y" does not
            nxt = toks[j + 1][2] if j + 1 < stop else ""
            if (not nxt or not _capital(nxt) or nxt.casefold() in g.stopwords and nxt.casefold() not in g.orgwords
                    or word == "the" and toks[j - 1][2] not in ("of", "for", "on", "against")):
                break
        j += 1
    return end, head


def _flush(text: str, toks: list[tuple[int, int, str]], pending: list[int], out: list[_Span],
           title_cue: bool) -> None:
    if not pending:
        return
    g = load()
    group: list[int] = []
    for k in pending + [-1]:
        if k >= 0 and group and k == group[-1] + 1 and toks[k][2] in _PARTICLES:
            group.append(k)  # "Osama bin Laden", "Hans van den Berg"
            continue
        if k >= 0 and _capital(toks[k][2]):
            if group and k != group[-1] + 1:  # a joining word in between: separate names
                _name_group(text, toks, group, out, title_cue, g, _joined(toks, group))
                group, title_cue = [], False
            group.append(k)
            continue
        if group:
            _name_group(text, toks, group, out, title_cue, g, _joined(toks, group))
            group, title_cue = [], False
        elif k >= 0:
            title_cue = False  # "Commissioner for Refugees": a title's name follows it at once


def _joined(toks: list[tuple[int, int, str]], group: list[int]) -> bool:
    """The group follows "of", "for", "the"... inside a capitalised run: part of a title ("Worst Forms of
    Child Labour"), seldom a person."""
    return group[0] > 0 and toks[group[0] - 1][2] in ("of", "for", "the", "on", "against", "in")


_AGENT_NOUN = regex.compile(r"(?:er|or|ist|ian|ant|ent|man|woman)\Z")
_PARTICLES = frozenset(("bin", "ibn", "van", "von", "der", "den", "de", "da", "di", "du", "al", "el", "ul", "e", "dos",
                        "das", "do", "del"))
# capitalised words that are also surnames ("Richard May", "John Major"): after a given name, part of the name
_SURNAME_WORDS = frozenset(("may", "major", "king", "lord", "bishop", "marshal"))
_SENTENCE_START = regex.compile(r"(?:\A|[.!?]\s+|\n\s*)\Z")
_PLACE_PREFIX = frozenset(("Mount", "Mt", "Lake", "Cape", "Port", "Fort", "Saint", "St", "Wadi", "Jebel", "Jabal"))
# a Persian ezafe ("Chah-e Anjir", "Ittehad-e Islami") joins the words of a place's or a body's name, seldom
# a person's: after a preposition of place the run is a place, elsewhere it is left unlabelled
_EZAFE = LazyPattern(r"\p{L}-e[ \t\n]")
_EZAFE_PLACE_BEFORE = LazyPattern(r"\b(?:in|from|near|outside|of|at|to)[ \t]+\Z")
_COMPASS = frozenset("north south east west northern southern eastern western central upper lower".split())
_LOCALITY_AFTER = regex.compile(r"[ \t]*\n?[ \t]*(\p{Ll}+)")
_LOCALITY_BEFORE = regex.compile(r"\b(?:village|villages|town|city|district|province|region|valley|river|"
                                 r"municipality|municipalities|settlement|outskirts|suburb|community|port|"
                                 r"island|hamlet|area|county|governorate|oblast)\s+of\s+\Z")
_ACRONYM = regex.compile(r"\p{Lu}{3,7}(?:/\p{Lu}{2,5})?")
# ("that" is no determiner here: "ruled that Radislav Krstic was guilty" is the commoner reading)
_DETERMINER_BEFORE = regex.compile(r"\b(?:the|a|an|its|their|our|his|her|this|against|or)\s+\Z", regex.IGNORECASE)


def _name_group(text: str, toks: list[tuple[int, int, str]], group: list[int], out: list[_Span],
                title_cue: bool, g: Any, joined: bool = False) -> None:
    words = [toks[k][2] for k in group]
    if len(words) == 1 and len(words[0]) > 2 and words[0][1].isupper() and _ACRONYM.fullmatch(words[0]):
        # an acronym alone names an organisation; "NGO" and compass points are words
        if words[0].casefold() not in g.stopwords and words[0] not in ("NGO", "NGOS"):
            out.append(_Span(toks[group[0]][0], toks[group[0]][1], "ORG"))
        return
    surname_word = len(words) > 1 and words[-2] in g.first_names and (
        words[-1].casefold() in _SURNAME_WORDS
        or len(words) == 2 and (_uncommon_name_word(words[-1], g)  # "Eduard Kokoity": -ity, yet no noun
                                # "John Rogers", "Mary Peters": -ers ends plural nouns ("Farmers") and surnames
                                or words[-1].endswith("ers") and words[-1][1:].islower() and words[-1].isalpha()))
    while words and not surname_word and not _name_word(words[-1]):
        if words[-1].casefold() in g.nonname and len(words) > 1:
            return  # "Islington High Street", "Farmer Market": a place or thing named after its head
        words.pop()
        group = group[:-1]
    while words and not _name_word(words[0]) and not (len(words) > 1 and (
            _verb_given_name(words[0], g) or _hyphened_letter(text, toks[group[0]]))):
        words.pop(0)
        group = group[1:]
    for k in range(1, len(words) - 1 if len(words) > 2 else 1):
        if words[k][-1:] == "." and _initial(words[k]) and words[k - 1].casefold() in g.common:
            # after a common word the dot more likely ends a sentence: "vitamin A. Karzai said" is two groups,
            # as it was before a dotted initial could join a run
            _name_group(text, toks, group[:k + 1], out, title_cue, g, joined)
            _name_group(text, toks, group[k + 1:], out, False, g)
            return
    # a listed people's or place's word between a given name and a surname is a middle name: "John Baptist Odama"
    # so is an initial, with or without its dot: "George W Bush", "Richard C. Holbrooke"
    if not words or any(not _name_word(w) and not (0 < k < len(words) - 1 and (
                            words[k - 1] in g.first_names and w.casefold() in g.names
                            or _initial(w)) or k == 0 and (_verb_given_name(w, g) or _hyphened_letter(text, toks[group[0]])))
                        for k, w in enumerate(words[:-1 if surname_word else None]) if w not in _PARTICLES):
        return
    start, end = toks[group[0]][0], toks[group[-1]][1]
    if text.endswith(_MEDIA_BEFORE, 0, start):
        out.append(_Span(start, end, "ORG"))  # "the Podgorica weekly Monitor", "the daily Vijesti"
        return
    if text.endswith("'", start, end) or text.endswith("\u2019", start, end):
        end -= 1
    after = _LOCALITY_AFTER.match(text, end)
    if after is not None and after.group(1) in _MEDIA_AFTER:
        out.append(_Span(start, end, "ORG"))  # "the Batumelebi newspaper", "Forum magazine"
        return
    if (after is not None and len(words) == 1 and after.group(1) in _PARTY_AFTER and words[0] not in g.first_names
            and _SENTENCE_START.search(text, max(0, start - 4), start) is None):
        # "the Heritage party", "Nujaifi's Hadba list"; "the Sadr movement" when the record names al-Sadr
        out.append(_Span(start, end, "ORG", or_person=True))
        return
    if (after is not None and after.group(1) in g.locwords
            or text.find("of", max(0, start - 30), start) >= 0  # cheap: the pattern ends "of "
            and _LOCALITY_BEFORE.search(text, max(0, start - 30), start) is not None):
        out.append(_Span(start, end, "LOC"))  # "Gali district", "the village of Rukhi"
        return
    given = words[0] in g.first_names
    if (len(words) > 1 and not given and words[1] in g.first_names and (
            _AGENT_NOUN.search(words[0]) and _SENTENCE_START.search(text, max(0, start - 4), start) is not None
            or words[0].casefold() in g.common)):
        # "Shopkeeper Dilmurod said": a capitalised noun opening the sentence, then the name; "Minister of
        # Defence Sherali Khairulloev": the end of a title, then the name
        words, group = words[1:], group[1:]
        start = toks[group[0]][0]
        given = True
    if len(words) > 1 and words[0] in _PLACE_PREFIX:  # "Mount Darwin", "Lake Sarez", "Wadi al-Salam"
        out.append(_Span(start, end, "LOC"))
        return
    if text.find("-e", start, end) >= 0 and _EZAFE.search(text, start, end) is not None:
        if _EZAFE_PLACE_BEFORE.search(text, max(0, start - 12), start) is not None:
            out.append(_Span(start, end, "LOC"))
        return
    common = not given and all(w.casefold() in g.common for w in words if w not in _PARTICLES)
    if len(words) > 1:
        # "Minimum Age", "Child Labour": only ordinary words, so a title unless a cue says otherwise
        if sum(w not in _PARTICLES for w in words) <= 4 and (given or title_cue or not common and not joined
                                and _DETERMINER_BEFORE.search(text, max(0, start - 12), start) is None):
            # in a Title Case line the capitals say nothing: the name stands only if the record names that
            # person so elsewhere ("Sahak, Hafizullah Gardesh and Sharifa Yaftali\nare IWPR-trained ...")
            doubtful = not given and not title_cue and _title_case_line(text, start)
            out.append(_Span(start, end, "PERSON", single=doubtful))
        return
    cued = title_cue or not common and _cued(text, start, end, g)
    if not cued and _place_in_list(text, start, end, words[0], out, g):
        out.append(_Span(start, end, "LOC", or_person=True))  # "Jurm, Baharak and Keshem"
        return
    if not cued and words[0] in g.context_places and _place_after_preposition(text, start, end, words[0], g):
        out.append(_Span(start, end, "LOC"))  # "protests in Split and Knin": the run went on past it
        return
    if (given and not cued and text.endswith(("the ", "The "), 0, start)
            and text[end:end + 1] in _THE_WORD_ENDS):
        return  # "bring down the Shah, and": a ruler's title used as a name, the given name it also is names no one
    out.append(_Span(start, end, "PERSON", single=not (given or cued)))


_THE_WORD_ENDS = frozenset((",", ".", ";", ":", ")", "'", "\u2019"))
_QUOTE_ENDS = tuple(f"{q}{gap}" for q in ("\"", "\u201d", "'", "\u2019", ",") for gap in (" ", "\n"))


# (text, {(line start, line end): verdict}): a text's lines are asked about once per name in them; the
# text itself is the key, so a thread working on another text only replaces the cache, never misreads it
_LINE_CACHE: tuple[str, dict[tuple[int, int], bool]] = ("", {})


def _title_case_line(text: str, pos: int) -> bool:
    """The line around ``pos`` is a Title Case headline, where capitals say nothing about names."""
    global _LINE_CACHE
    line_start = text.rfind("\n", max(0, pos - 200), pos) + 1 or max(0, pos - 200)
    line_end = text.find("\n", pos, pos + 200)
    if line_end < 0:
        line_end = pos + 200
    cache = _LINE_CACHE
    if cache[0] is not text:
        cache = _LINE_CACHE = (text, {})
    verdict = cache[1].get((line_start, line_end))
    if verdict is None:
        verdict = _title_line(text[line_start:line_end])
        if verdict and line_start > 1:
            # a hard wrap inside a sentence ("... said\nStepan Safarian of the Armenian Centre for National and
            # International\nStudies."): the line above is prose that runs on into this one
            above = text[text.rfind("\n", max(0, line_start - 201), line_start - 1) + 1:line_start - 1].rstrip()
            if above[-1:].islower() and any(w[0].islower() for w in above.split() if len(w) > 3):
                verdict = False
        cache[1][line_start, line_end] = verdict
    return verdict


# "By X", "Comment by X", "Interview by X", also indented under a contents entry
_BYLINE_LINE = LazyPattern(r"[ \t]*(?:\p{Lu}\p{Ll}+[ \t]+by|By)[ \t]")


def _title_line(line: str) -> bool:
    # a byline names people, each capitalised; a line ending in punctuation is part of a sentence
    if _BYLINE_LINE.match(line) is not None or line.rstrip().endswith((".", ",", ";")):
        return False
    words = 0
    for w in line.split():  # most lines are prose: the first lower-case word settles it
        if len(w) > 3 and w[0].isalpha():
            if not w[0].isupper():
                return False
            words += 1
    return words >= 2


def _word_before(text: str, start: int) -> str | None:
    r"""The word just before ``start`` within 40 characters, across spaces, one line break and a comma.

    What the regex ``([\p{L}'\u2019-]+)[ \t]*\n?[ \t]*,?[ \t]*\Z`` finds searched in that window, read
    backwards in one pass instead: the regex search tries every start in the window (~30 µs a call).

    >>> _word_before("said Nowak", 5), _word_before("minister\n  Nowak", 11), _word_before("x", 0)
    ('said', 'minister', None)
    """
    low = max(0, start - 40)
    j = start
    while j > low and text[j - 1] in " \t":
        j -= 1
    if j > low and text[j - 1] == ",":
        j -= 1
        while j > low and text[j - 1] in " \t":
            j -= 1
    if j > low and text[j - 1] == "\n":
        j -= 1
        while j > low and text[j - 1] in " \t":
            j -= 1
    k = j
    while k > low and (text[k - 1].isalpha() or text[k - 1] in "'\u2019-"):
        k -= 1
    return text[k:j] if k < j else None


# a source who gives one name: "gave her name as Zalina", "identified only as Nodir"
_NAMED_AS = LazyPattern(r"\b(?:name|identified|introduced\s+(?:himself|herself))(?:\s+only)?\s+as\s+\Z")


def _cued(text: str, start: int, end: int, g: Any) -> bool:
    """Context makes a lone capitalised word a person: a title or speech verb around it, a speaker label."""
    prev = _word_before(text, start)
    if prev is not None:
        prev = prev.casefold()
        if prev in g.titles or prev in g.speech:
            return True
        if prev == "as" and _NAMED_AS.search(text, max(0, start - 40), start) is not None:
            return True  # "a farmer who gave his name only as Annageldi": sources keep to a given name
    after = text[end:end + 60]
    nxt = _WORD_AFTER.match(after)
    if nxt is not None and nxt.group(1).casefold() in g.speech:
        return True
    appo = _APPOSITION.match(after)
    if appo is not None and any(w.casefold() in g.titles for w in appo.group(1).split()):
        return True
    if _SPEAKER.match(after) and (start == 0 or text[start - 1] == "\n"):
        return True
    return False


def _chunks(text: str, paragraphs: bool = False) -> Iterable[Any]:
    r"""``_CHUNK.finditer(text)``, faster: a chunk starts at a capital (or an "al-" before one), found by a
    cheap scan; the full pattern is tried only there, instead of at every position of the text.

    With ``paragraphs``, a chunk is cut where a blank line ends a paragraph, a byline or a heading ("... in
    Gharm

Government troops"): only in a double-spaced text does a name go on past one.
    """
    last = 0
    match = _CHUNK.match
    double = None
    for cap in _CAPITAL.finditer(text):
        p = cap.start()
        if p < last:
            continue
        m = None
        if p > 2 and text[p - 1] == "-":  # "al-Assad", "ibn-Sina": the chunk starts at the article
            for q in (p - 4, p - 3):
                if q >= last and text[q:p - 1] in _ARTICLES:
                    m = match(text, q)
                    if m is not None:
                        break
        if m is None:
            m = match(text, p)
        if m is not None:
            last = m.end()
            if paragraphs and text.find("\n", p, last) >= 0 and _BLANK_LINE.search(text, p, last) is not None:
                if double is None:
                    double = _double_spaced(text)
                if not double:
                    pos = m.start()
                    for blank in _BLANK_LINE.finditer(text, pos, last):
                        yield from _CHUNK.finditer(text, pos, blank.start())
                        pos = blank.end()
                    yield from _CHUNK.finditer(text, pos, last)
                    continue
            yield m


_BLANK_LINE = regex.compile(r"\n[ \t]*\r?\n")


def _double_spaced(text: str) -> bool:
    r"""Every line with text followed by a blank line, most of them broken mid-sentence: a double-spaced
    scrape, where a blank line may fall inside a name ("Yelena\n\nVoronina").

    >>> _double_spaced("The talks in\n\nYerevan ended\n\nwithout a deal,\n\nofficials said.\n")
    True
    >>> _double_spaced("By X in Gharm\n\nGovernment troops say.\n\nAnother paragraph.\n")
    False
    """
    lines = [line.strip() for line in text.split("\n")]
    filled = spaced = open_end = 0
    for k, line in enumerate(lines[:-2]):
        if not line:
            continue
        filled += 1
        if not lines[k + 1] and lines[k + 2]:
            spaced += 1
            if line[-1] not in ".!?:\"\u201d'\u2019)":
                open_end += 1
    return filled >= 3 and spaced >= 0.8 * filled and open_end >= 0.6 * spaced


# lower-case words after a name that say it names an organisation: "the Women of Srebrenica association"
_ORG_AFTER = frozenset(("association", "party", "movement", "union", "bloc", "alliance", "coalition", "foundation",
                        "organisation", "organization", "society", "network", "group", "front", "newspaper",
                        "magazine", "weekly", "daily", "television", "radio", "channel", "centre", "center",
                        "institute", "agency", "company", "fund", "website"))


def _named_by_kind(text: str, m: Any, spans: list[_Span], taken: bytearray) -> bool:
    """A run of two or more words followed by what kind of organisation it names is that organisation,
    unless it opens with a place or people ("the Kyrgyz opposition party", "Bishkek city council")."""
    end = m.end()
    # most runs end at punctuation or before a verb: look at the next word with plain string operations
    if end + 1 >= len(text) or text[end] not in " \n" or not text[end + 1].islower():
        return False
    if text[end + 1:end + 14].split(None, 1)[0].rstrip(",.;:)") not in _ORG_AFTER or taken[m.start()]:
        return False
    start = m.start()
    the = m.group().rfind(" of the ")
    if the > 0 and "\n" not in m.group()[:the]:
        # "Fighters of the Soldiers of Heaven movement": the run took in the words before "of the"; the name
        # named by its kind is the part after them (read first: its words come first)
        start += the + len(" of the ")
        if not _named_by_kind_run(text, start, end):
            return False
        _resolve(text, m.start(), m.start() + the, spans, taken)
        spans.append(_Span(start, end, "ORG"))
        return True
    if m.group().startswith("The "):
        start += 4  # "The El Pikir centre" opening a sentence: "The" is no part of the name
    if not _named_by_kind_run(text, start, end):
        return False
    spans.append(_Span(start, end, "ORG"))
    return True


def _named_by_kind_run(text: str, start: int, end: int) -> bool:
    """Whether the run text[start:end], followed by a kind word, names an organisation (_named_by_kind)."""
    _toks, caps, _folds, hits, _next = _plan(text[start:end])
    g = load()
    # up to five capitalised words and the joining words between them ("Mothers of Dagestan for Human Rights":
    # a plural role word before "of" or "for" opens the name of a body of such people, it cues no one)
    if (not 2 <= len(_toks) <= 8 or not 2 <= sum(_capital(w) for _s, _e, w in _toks) <= 5 or caps[0]
            or _folds[0] in g.stopwords
            or _is_title(_folds[0], g.titles) and not (_folds[0] not in g.titles and _toks[1][2] in ("of", "for"))
            or _toks[0][2] in g.first_names or hits[0] is not None and hits[0][1][0] in ("LOC", "NORP", "PERSON")):
        return False
    if hits[0] is not None and hits[0][0] == len(_toks):
        return False  # a known name as a whole: the gazetteer says what it is
    if (hits[0] is not None and hits[0][0] < len(_toks) - 1 and _toks[hits[0][0]][2] in ("and", "or")
            and hits[hits[0][0] + 1] is not None):
        return False  # "the United Abkhazia and Amtsakhara coalition": two known names, each its own
    if any(word == "the" for _s, _e, word in _toks):
        return False  # "Respublika and the Almaty television station": two things, the second named by its kind
    return not _title_case_line(text, start)  # a headline's capitals say nothing


_PLACE_PREPOSITIONS = ("in ", "near ", "outside ")
# "said Jeanne Kahindo, a mother of six from Rugari": where a person described in apposition comes from
_FROM_APPOSITION = LazyPattern(r",[ \t\n]+(?:a|an)[ \t\n]+[\p{Ll}\d ,'\t\n-]{0,45}[ \t\n]from[ \t\n]+\Z")


def _place_after_preposition(text: str, start: int, end: int, word: str, g: Any) -> bool:
    """An unknown capitalised word right after "in", "near" or "outside" inside a sentence, and not followed
    by a possessive or another capitalised word, names a place: people and organisations are seldom "in"."""
    if not word.isalpha() or not word[1:].islower():
        return False
    if not text.endswith(_PLACE_PREPOSITIONS, max(0, start - 8), start) and not (
            text.endswith("from ", max(0, start - 5), start)
            and _FROM_APPOSITION.search(text, max(0, start - 60), start) is not None):
        return False
    if word not in g.context_places and (word in g.first_names or word.casefold() in g.common or len(word) < 4):
        return False
    before = text[max(0, start - 9):start]
    if not before[:1].isalnum() and before.lstrip()[:1].isupper():  # "In Aboke ..." opens a sentence: no context
        return False
    nxt = text[end:end + 2]
    return not nxt.startswith(("'", "\u2019")) and not (nxt[:1] == " " and nxt[1:2].isupper())


_LIST_AFTER = (", ", " and ", " or ")


def _place_in_list(text: str, start: int, end: int, word: str, spans: list[_Span], g: Any) -> bool:
    """An unknown capitalised word listed right after a place is a place too: "Jurm, Baharak and Keshem",
    "in Ishkashim and Khwahan, border districts". After a comma it must go on with the list ("In Kabul,
    Karzai said" is no list); after "and"/"or" the list must end there (a comma, a full stop, "district")."""
    if not word.isalpha() or not word[1:].islower():
        return False
    if word not in g.context_places and (len(word) < 4 or word in g.first_names or word.casefold() in g.common):
        return False
    if not spans or spans[-1].label != "LOC":
        return False
    before = spans[-1].end
    sep = text[before:start]
    if sep == ", ":
        return text.startswith(_LIST_AFTER, end)
    if sep not in (" and ", " or "):
        return False
    nxt = text[end:end + 1]
    if nxt in (",", ".", ";", ":", ")"):
        return True
    after = _LOCALITY_AFTER.match(text, end)
    return after is not None and after.group(1) in g.locwords


_ISSUE_NUMBER = LazyPattern(r"[ \t]+\d{1,4}(?!\d)")


def _masthead(text: str, m: Any, spans: list[_Span]) -> bool:
    """A line that opens with a run of capitalised words, then "Issue" and a number, names a newsletter or
    series ("Iran Pulse Issue 42, 21 Dec 11", "Global Voices Issue 12"): IWPR prints its serials so, and
    new ones outrun the lists. A name the lists hold as a whole is left to them; the line's Title Case says
    nothing here, a masthead is printed so.

    >>> text = "Global Voices Issue 42, 21 Dec 11"
    >>> found = []
    >>> _masthead(text, _CHUNK.match(text), found), text[found[0].start:found[0].end]
    (True, 'Global Voices')
    """
    start = m.start()
    if start and text[start - 1] != "\n" or _ISSUE_NUMBER.match(text, m.end()) is None:
        return False
    toks, caps, _folds, hits, _next = _plan(m.group())
    words = len(toks) - 1
    if (not 1 <= words <= 5 or any(caps) or not all(_capital(w) for _s, _e, w in toks[:words])
            or _folds[0] in load().stopwords):
        return False
    if hits[0] is not None and hits[0][0] >= words:
        return False
    spans.append(_Span(start, start + toks[words - 1][1], "ORG"))
    return True


_NAME_LIST_WORD = r"\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+){0,2}"
# ", Investment and Innovation": the rest of a list of fields inside an organisation's name
_LIST_GAP = r"(?:[ \t]+\n?|\n)[ \t]*"  # one space or line break, as a hard wrap leaves it
# the last item ends the name: "..., Migration and Asylum of Serbia" is left whole to the runs after it; a
# place "in" which the body sits is read apart ("..., Investment and Innovation in Almaty")
_NAME_LIST = LazyPattern(rf"(?:,[ \t]*\n?[ \t]*({_NAME_LIST_WORD})){{0,4}},?{_LIST_GAP}and{_LIST_GAP}"
                         rf"({_NAME_LIST_WORD})(?![\p{{L}}\p{{M}}\d-])(?!{_LIST_GAP}(?!in\b)(?:{JOINING_WORDS}){_LIST_GAP}\p{{Lu}})")
_LIST_HEAD = LazyPattern(r"[ \t\n](?:for|of|on)[ \t\n]+\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+){0,2}\Z")


def _org_list_end(text: str, start: int, end: int, g: Any) -> int:
    """Where an organisation's name ends when a list of fields follows its "for X" or "of X" across commas
    ("Central Agency for Development, Investment and Innovation", "Committee on Education, Science and
    Culture"), else ``end``: the list must close with "and" and hold no known name, given name or title.

    >>> text = "the Central Agency for Development, Investment and Innovation was"
    >>> text[4:_org_list_end(text, 4, 34, load())]
    'Central Agency for Development, Investment and Innovation'
    """
    if _LIST_HEAD.search(text, max(start, end - 40), end) is None:
        return end
    m = _NAME_LIST.match(text, end)
    if m is None:
        return end
    for item in m.captures(1) + m.captures(2):
        if name_key(item) in g.names or any(w in g.first_names or w.casefold() in g.names
                                            or _is_title(w.casefold(), g.titles) for w in item.split()):
            return end  # "Kabul", "Rustam", "Judge Orie": a list of names or people after the organisation
    return m.end()


def _find(text: str) -> list[_Span]:
    spans: list[_Span] = []
    if not text:
        return spans
    taken = bytearray(len(text) + 1)
    _regex_spans(text, spans, taken)
    n_rules = len(spans)
    g = load()
    names, stopwords, titles = g.names, g.stopwords, g.titles
    skip = 0  # the end of a name that took in the runs after it
    for m in _chunks(text, paragraphs=True):
        if m.start() < skip:
            if m.end() > skip:  # "... and Innovation in Almaty": the place after the name is still read
                rest = _CAPITAL.search(text, skip, m.end())
                if rest is not None:
                    _resolve(text, rest.start(), m.end(), spans, taken)
            continue
        word = m.group()
        if word.isalpha() or _MULTI.search(word) is None:  # one word: most chunks, so a short path
            start = m.start()
            if taken[start]:
                continue
            key = word.casefold() if word.isalpha() else name_key(word)
            if key in stopwords:  # checked first: "The", "But", "He" are the commonest chunks
                entry = names.get(key)
                if entry is None:
                    continue
            else:
                entry = names.get(key)
                if entry is None and not key.isascii():
                    entry = names.get(_ascii(key))
            end = m.end()
            if entry is not None and _case_ok(word, entry[2]):
                if entry[0] != "NORP" or not _language(text, start, end):
                    spans.append(_Span(start, end, entry[0], entry[1]))
            elif key not in stopwords and key not in titles and not (key[-1:] == "s" and key[:-1] in titles):
                if _place_after_preposition(text, start, end, word, g):
                    spans.append(_Span(start, end, "LOC"))  # "near Babaji", "in Aboke": a village no list has
                else:
                    _name_group(text, [(start, end, word)], [0], spans, False, g)
            continue
        if word.endswith(" Issue") and _masthead(text, m, spans):
            continue
        if not _named_by_kind(text, m, spans, taken):
            _resolve(text, m.start(), m.end(), spans, taken)
            if text[m.end():m.end() + 1] == "," and spans and spans[-1].end == m.end() and spans[-1].label == "ORG":
                skip = spans[-1].end = _org_list_end(text, spans[-1].start, m.end(), g)
    # a name must not run into a date, amount or link found first ("Ahttp://...")
    spans[n_rules:] = [sp for sp in spans[n_rules:] if taken.find(1, sp.start, sp.end) < 0]
    spans.sort(key=lambda sp: sp.start)
    for sp in spans:
        sp.text = text[sp.start:sp.end]
    if g.buildings and any(sp.label == "ORG" and name_key(sp.text) in g.buildings for sp in spans):
        spans = [sp for sp in spans if not (sp.label == "ORG" and name_key(sp.text) in g.buildings
                                            and _building(text, sp.start, sp.end))]
    return spans


_BUILDING_BEFORE = LazyPattern(r"(?:\p{Lu}\p{L}+['\u2019]s[ \t]+|[\"\u201c])\Z")
# a closing quote, "in" a place (not a month: "the White House in January warned"), ", the presidential office"
_BUILDING_AFTER = LazyPattern(rf"[\"\u201d]|,?[ \t\n]+in[ \t\n]+(?!(?:{_MONTHS_FULL})\b)\p{{Lu}}"
                              r"|,[ \t\n]+the[ \t\n]+\p{Ll}")


def _building(text: str, start: int, end: int) -> bool:
    """Whether a listed organisation named after its building ("White House") names a building here: quoted as a
    nickname, placed ("in Bishkek", "Bishkek's") or described ("the White House, the presidential office").

    >>> _building('stormed the "White House", the presidential office', 13, 24)
    True
    >>> _building("the White House said", 4, 15)
    False
    """
    return (_BUILDING_BEFORE.search(text, max(0, start - 30), start) is not None
            or _BUILDING_AFTER.match(text, end) is not None)


# --- norms -------------------------------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _fold(surface: str) -> str:
    """Line breaks and runs of spaces as one space; typographic apostrophes plain."""
    if surface.isalnum():  # one plain word, most mentions: nothing to fold
        return surface
    return _WS.sub(" ", surface).replace("\u2019", "'").strip()


def _assign_norms(spans: list[_Span]) -> None:
    """Give every mention of one entity the same norm, and keep lone words that are known surnames."""
    g = load()
    persons: dict[str, str] = {}  # skeleton of a full name, its surname or given name -> the full name
    surnames: dict[str, str] = {}
    for sp in spans:
        if sp.label == "PERSON" and not sp.single:
            full = _fold(sp.text)
            parts = full.split(" ")
            persons.setdefault(skeleton(full), full)
            if len(parts) > 1:
                surnames.setdefault(skeleton(parts[-1]), full)
                surnames.setdefault(skeleton(_bare(parts[-1])), full)  # "Assad" for "Bashar al-Assad"
    kept = []
    for sp in spans:
        if sp.or_person and skeleton(_fold(sp.text)) in surnames:
            sp.label = "PERSON"  # "the Sadr movement" of Moqtada al-Sadr, "the Allawi list" of Iyad Allawi
        if sp.single:
            folded = _fold(sp.text)
            key = skeleton(folded)
            if key not in persons and (" " in folded or key not in surnames):
                continue
            sp.single = False
        kept.append(sp)
    spans[:] = kept
    # acronyms introduced with their expansion: "International Labour Organisation, ILO" / "(ILO)"
    by_skeleton: dict[tuple[str, str], str] = {}
    for sp in spans:
        folded = _fold(sp.text)
        if sp.label == "PERSON":
            key = skeleton(folded)
            norm = persons.get(key) or surnames.get(key) or folded
            if " " not in norm and key in surnames:
                norm = surnames[key]
        elif sp.canon is not None:
            norm = sp.canon
        elif sp.label in ("ORG", "LOC", "NORP"):
            norm = folded
        else:
            norm = folded
        if sp.label in ("ORG", "LOC", "NORP", "PERSON"):
            norm = by_skeleton.setdefault((sp.label, skeleton(norm)), norm)
        sp.canon = norm
    _link_acronyms(spans, g)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


def _link_acronyms(spans: list[_Span], g: Any) -> None:
    expansions: dict[str, str] = {}
    for sp in spans:
        if sp.label == "ORG" and " " in (sp.canon or ""):
            expansions.setdefault(_initials(sp.canon or ""), sp.canon or "")
    for sp in spans:
        if sp.label == "ORG" and sp.text.isupper() and " " not in sp.text:
            full = expansions.get(sp.text)
            if full is not None and (sp.canon == sp.text):
                sp.canon = full


# --- public API --------------------------------------------------------------------------------------------


def find_entities(text: str) -> list[Entity]:
    """Entities in ``text``, in text order, with norms shared across the mentions of one entity.

    >>> [(e.text, e.label, e.norm) for e in find_entities("Kazakstan's president met Roza Otunbaeva in Bishkek.")]
    [('Kazakstan', 'LOC', 'Kazakhstan'), ('Roza Otunbaeva', 'PERSON', 'Roza Otunbaeva'), ('Bishkek', 'LOC', 'Bishkek')]
    """
    spans = _find(text)
    _assign_norms(spans)
    return [Entity(sp.text, sp.label, sp.start, sp.end, sp.canon or sp.text) for sp in spans]


def entities_record(record: dict[str, Any], *, labels: Iterable[str] | None = None) -> dict[str, Any]:
    """``record`` with ``entities``: {text, label, field, start, end, norm} over its text fields.

    Articles are searched in ``headline``, ``standfirst``, ``body``, ``notes``; documents and other
    segments (``split --all``) in ``text``.
    Offsets index the field, so ``record[field][start:end] == text``.

    >>> r = entities_record({"id": "x", "kind": "document", "text": "Nowak said the UN ..."})
    >>> [(e["text"], e["label"], e["field"]) for e in r["entities"]]
    [('Nowak', 'PERSON', 'text'), ('UN', 'ORG', 'text')]
    """
    article = record.get("kind") == "article" or any(f in record for f in ("headline", "body"))
    fields = ARTICLE_FIELDS if article else DOCUMENT_FIELDS
    if not any(f in record for f in fields):
        raise errors.BadInput(f"record has no text to search (no field {' or '.join(fields)})")
    present = [f for f in fields if isinstance(record.get(f), str)]
    wanted = None
    if labels is not None:
        wanted = {label.strip().upper() for label in labels if label.strip()}
        unknown = wanted - set(LABELS)
        if unknown:
            raise errors.BadInput(f"unknown entity label(s): {', '.join(sorted(unknown))}")
    spans: list[_Span] = []
    for name in present:
        for sp in _find(record[name]):
            sp.field = name
            spans.append(sp)
    _assign_norms(spans)
    out = dict(record)
    out["entities"] = [
        {"text": sp.text, "label": sp.label, "field": sp.field, "start": sp.start, "end": sp.end,
         "norm": sp.canon or sp.text}
        for sp in spans
        if wanted is None or sp.label in wanted
    ]
    return out
