"""``split``: a newsletter cut into records, one per article (and, with ``all_segments``, every other part).

How it decides, in order:

1. The text is cut into *blocks* (runs of non-blank lines) with their offsets.
2. **Anchors** are bylines standing on their own ("By A and B in Almaty (RCA No. 393, 06-Jul-05)",
   "Comment by X", "X reports from Y", wrapped over up to three lines).  An anchor followed by body text
   starts an article; one followed straight by another entry or a rule is a table-of-contents entry.
3. An article's **preamble** is the block before its byline (standfirst) and the one before that
   (headline) when they look like it; a block printed twice is taken once; "(Photo: ...)" captions are
   set aside.
4. An article runs until the next article's preamble, a rule line (``****``), an edition header, a
   footer cue (masthead, ISSN, copyright, e-mail disclaimer) or a web-chrome cue ("More IWPR's Global
   Voices", "Related").  Its trailing author bio, funding and disclaimer paragraphs are its ``notes``.
5. What lies between articles is classified block by block: edition header, site title, table of
   contents (entries parsed into headline, standfirst, byline), promo blocks between rules, footer.
6. An e-mail article does not repeat its headline: it is taken from the table-of-contents entry whose
   standfirst and byline match (an entry that lost its first lines gives a null headline, not a guess).
7. Mail-archive leftovers do not change offsets: quoted-printable soft breaks become NUL marks of the
   same length and HTML tags spaces, so blocks are what a reader sees; the fields are then decoded
   ("=20", "=E2=80=99", "&amp;") and ``text`` is sliced from the input as given.  "IN BRIEF" items
   (a capitals headline over a paragraph, no byline) are articles of their own.
8. Every segment's span starts where the previous one ended, so with ``all_segments`` the records'
   ``text`` concatenated is exactly the input.  Text with no recognisable article is one article record
   with a warning.

Speed: most blocks are body paragraphs, so none is asked one by one whether it is a byline, a terminator
or footer matter.  ``_Scan`` finds where the cues those tests need stand (over a lower-cased copy of the
text) and only the blocks there are tested; ``_plain_paragraphs`` cuts a plainly set body from its span
at once.  Each shortcut gives exactly what the block-by-block test gives (``tests/test_split_scan.py``);
texts the scans cannot read (lone CRs, letters that change case oddly) take the block-by-block path.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from types import SimpleNamespace
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

import regex

from .datafiles import load_json
from .editions import (
    ISSUE_MARKERS, MONTH_PATTERN as _MONTH, date_line, edition_ref_span, known_title_in, newsletter_named, numbered_title_start,
    parse_edition_header, parse_edition_ref,
)
from .records import empty_newsletter, require
from .textutil import Block, LazyPattern, blocks_of, ends_sentence, is_caps, join_wrapped, letters_upper_ratio, normalize_for_match

# A byline of more lines than this, or longer, is prose that happens to start with "By".
MAX_BYLINE_LINES = 3
MAX_BYLINE_CHARS = 260
MAX_STANDFIRST_CHARS = 500
MAX_HEADLINE_CHARS = 200

NO_STRUCTURE = "no article structure recognised: the whole text is one article"
NO_ARTICLES = "no article bodies found: a table of contents or listing only"


# --- cue data ------------------------------------------------------------------------------------------


# what follows a chrome phrase on its line: a list, a count, a link ("Tags: ...", "Comments (3)", "Print | Email")
_CHROME_GOES_ON = frozenset(":(|[>»-–—/")
_SENTENCE_ENDS = frozenset(".!?\"”")
_BULLETS = "*•· \t"  # "    * Previous message: ..." (a mail archive's navigation list)
MAX_CHROME_LABEL = 60  # "More IWPR's Global Voices from Syria", "Sign up for our weekly newsletter"


class _Phrases:
    """Phrases that head a line (web chrome: "Related", "More IWPR's Global Voices"), looked up by
    their first two letters: plain string tests, faster than a pattern over every block."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self.phrases = phrases
        buckets: dict[str, list[str]] = {}
        for phrase in phrases:
            buckets.setdefault(phrase[:2], []).append(phrase)
        self.by_first = {k: tuple(v) for k, v in buckets.items()}

    def starts(self, text: str) -> bool:
        """``text`` starts with one of the phrases (after an opening bracket), as a whole word."""
        head = text[:80].lstrip(" \t([*").lower()  # "* Not his real name.", "(Names have been changed.)"
        for phrase in self.by_first.get(head[:2], ()):
            if head.startswith(phrase):
                rest = head[len(phrase) : len(phrase) + 1]
                if not rest or not phrase[-1].isalnum() or not rest.isalnum():
                    return True
        return False

    def heads_line(self, line: str) -> bool:
        """A short line that is one of the phrases, or starts with one and goes on as chrome does: after
        a colon, a bracket or a bar ("Tags: ...", "Comments (3)", "Print | E-mail this article"), or,
        after a phrase of several words, as a label with no full stop ("More IWPR's Global Voices from
        Syria", "Follow us on Twitter").  A line going on as a sentence ("Comments from officials ...",
        "Related articles in the local press claimed the opposite.") is prose."""
        low = line.strip().lstrip(_BULLETS).rstrip(":").lower()
        for phrase in self.by_first.get(low[:2], ()):
            if low == phrase.rstrip(":"):
                return True
            if not low.startswith(phrase):
                continue
            rest = low[len(phrase) :]
            if rest[:1].isalnum() and phrase[-1].isalnum():
                continue  # the phrase is only the start of a longer word
            if phrase.endswith(":") or rest.lstrip()[:1] in _CHROME_GOES_ON:
                return True
            if " " in phrase and len(low) <= MAX_CHROME_LABEL and low[-1:] not in _SENTENCE_ENDS:
                return True
        return False


class _Cues(SimpleNamespace):
    """The compiled cue data (``data/split_cues.json``); one instance per process, built on first use."""

    footer_line: re.Pattern  # a line starting with a footer phrase
    footer_anywhere: re.Pattern  # a footer phrase anywhere
    footer_line_scan: LazyPattern  # over a lower-cased view: "\n" then a footer phrase
    byline_line_scan: LazyPattern  # over a lower-cased view: "\n" then a byline's first words
    footer_anywhere_phrases: tuple[str, ...]
    chrome_start: _Phrases
    share_services: frozenset[str]
    chrome_initials: frozenset[str]  # the first two letters of a chrome phrase or a share service
    note_start: _Phrases
    source_line: _Phrases
    brief_headings: frozenset[str]
    note_anywhere: re.Pattern
    bio: LazyPattern
    bio_roles: frozenset[str]
    byline_prefix: regex.Pattern
    role_prefix: regex.Pattern
    inline_by: regex.Pattern
    plain_credit: regex.Pattern
    lower_ok: frozenset[str]
    role_credit: regex.Pattern
    contents_headings: frozenset[str]
    masthead: LazyPattern  # a newsletter's title in capitals, then "is produced by" (or a colon and "Editor")
    masthead_word: re.Pattern  # what every masthead holds: "is ", "are ", "Editor"
    small_masthead: LazyPattern  # a title in small letters, then "is produced by" ("Tribunal Update is ...")
    small_masthead_verbs: tuple[str, ...]
    masthead_title_words: frozenset[str]
    masthead_verbs: tuple[str, ...]
    author_bio_verbs: frozenset[str]
    name_note: LazyPattern  # "... names have been changed", "Her name has been withheld"


def _alternation(phrases: list[str]) -> str:
    # Longest first, so "Related articles" wins over "Related".
    return "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))


def _words_alternation(phrases: list[str]) -> str:
    """An alternation of literal phrases, each a whole word where it ends in a letter or digit."""
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        parts.append(re.escape(phrase) + (r"(?!\w)" if phrase[-1].isalnum() else ""))
    return "|".join(parts)


def _lowered(phrases: list[str]) -> tuple[str, ...]:
    return tuple(sorted((p.lower() for p in phrases), key=len, reverse=True))


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_json("split_cues.json")
    particles = _alternation(data["name_particles"])
    name = r"(?:\p{Lu}[\p{L}'’.\-]*)"
    # a name: capitalised words, with particles inside ("Thomas de Waal") or joined to the next word by a
    # hyphen ("Ali Kais al-Rubai", "Inam ul-Haq")
    full = rf"{name}(?:[ \t]+(?:{name}|(?:{particles})(?:-{name}|(?=[ \t]+\p{{Lu}})))){{0,4}}"
    place = rf"{name}(?:[ \t]+{name}){{0,2}}"
    collective = _alternation(data["collective_credit_words"])
    prefixes = [p for p in data["byline_prefixes"] if p != "By"]
    # "TRIBUNAL UPDATE is produced by ...", "IWPR'S AFGHAN RECOVERY REPORT is supported by ...",
    # "AFGHAN RECOVERY REPORT: Editor: ...": two to eight words in capitals open the block (not a
    # headline over its standfirst, "NORTH CAUCASUS: Editor Shot Dead")
    masthead = (
        r"^[ \t*>]{0,4}(?:IWPR['’]?[Ss]?[ \t]+)?\p{Lu}[\p{Lu}\p{N}&'’.\-]*(?:(?:[ \t]+|[ \t]*\r?\n)[\p{Lu}\p{N}&'’.\-]+){1,7}"
        rf"(?:[ \t]+(?:{_alternation(data['masthead_verbs'])})\b|[ \t]*:[ \t]*Editor(?:-in-[Cc]hief|s)?[ \t]*:)"
    )
    inline_prefix = "|".join(regex.escape(p[:-2]) + "(?i:by)" for p in sorted(prefixes, key=len, reverse=True))
    return _Cues(
        footer_line=LazyPattern(rf"^[ \t*>•\-–—]{{0,4}}(?:{_words_alternation(data['footer_start'])})", re.I | re.M, engine="re"),
        footer_anywhere=LazyPattern(_words_alternation(data["footer_anywhere"]), re.I, engine="re"),
        footer_line_scan=LazyPattern(
            rf"\n[ \t*>•\-–—]{{0,4}}(?:{_words_alternation(list(_lowered(data['footer_start'])))})", engine="re"
        ),
        byline_line_scan=LazyPattern(
            rf"\n[ \t]{{0,2}}(?:{_words_alternation(list(_lowered(data['byline_prefixes'])))}):?[ \t]", engine="re"
        ),
        footer_anywhere_phrases=_lowered(data["footer_anywhere"]),
        chrome_start=_Phrases(_lowered(data["chrome_start"])),
        share_services=frozenset(_lowered(data["share_services"])),
        chrome_initials=frozenset(p[:2] for p in _lowered(data["chrome_start"] + data["share_services"])),
        note_start=_Phrases(_lowered(data["note_start"])),
        source_line=_Phrases(_lowered(data["source_line_start"])),
        brief_headings=frozenset(h.upper() for h in data["brief_headings"]),
        note_anywhere=LazyPattern(_words_alternation(list(_lowered(data["note_anywhere"]))), engine="re"),
        # "Ainagul Abdrakhmanova is an IWPR-trained journalist", "A and B are IWPR trained journalists"
        # (one name may carry an apposition: "Ahmad Ibrahimi, a journalist in Herat, is an IWPR contributor")
        bio=LazyPattern(
            rf"^{full}(?:(?:,[ \t]*|[ \t]+and[ \t]+){full}){{0,4}}"
            rf"(?:,[ \t]+(?:an?|the|IWPR['’]s)[ \t][^,\n]{{1,80}},)?"
            rf"[ \t]+(?:{'|'.join(verb.strip() for verb in _BIO_VERBS)})\b"
        ),
        bio_roles=frozenset(r.lower() for r in data["bio_roles"]),
        # "By Ylber Hysa", "By: Ylber Hysa" (2010s pages and reposts)
        byline_prefix=LazyPattern(rf"^(?:{_alternation(data['byline_prefixes'])}):?[ \t]+", regex.I),
        # a prefix that only a role credit follows: "From our correspondent in Pristina", never "From Kabul"
        role_prefix=LazyPattern(rf"^(?:{_alternation(data['role_byline_prefixes'])})[ \t]+", regex.I),
        # the start of a credit inside a table-of-contents line: "...combination.  By Ainagul Abdrakhmanova"
        inline_by=LazyPattern(
            rf"(?:^|(?<=[\s.?!”\"]))(?:{inline_prefix}|By|BY)(?=[ \t]+(?:\p{{Lu}}|(?:{particles})[ \t])|[ \t]*$)"
        ),
        # "Ainagul Abdrakhmanova in Bishkek", "A and B reports from Osh", "IWPR staff in Baku": no "By"
        plain_credit=LazyPattern(
            rf"^(?:{full}(?:(?:,[ \t]|[ \t]and[ \t]|,[ \t]and[ \t]){full}){{0,4}}"
            rf"[ \t](?:in|reports?[ \t]from)[ \t]{place}"
            rf"|(?:An?[ \t])?IWPR[ \t](?:{collective})(?:[ \t]in[ \t]{place})?)$"
        ),
        lower_ok=frozenset(w.lower() for w in data["byline_lower_words"]),
        # a credit naming a role, not a person: "a journalist in Kunduz (name withheld)", "our correspondent"
        role_credit=LazyPattern(
            rf"^(?:an?|our|the)[ \t]+(?:[\p{{L}}'’\-]+[ \t]+){{0,3}}?(?:{_alternation(data['bio_roles'])})"
            rf"(?:[ \t]+(?:in|from|based[ \t]+in)[ \t]+{place})?(?:[ \t]*\([^()\n]{{1,60}}\))?\.?$",
            regex.I,
        ),
        contents_headings=frozenset(h.upper() for h in data["contents_headings"]),
        masthead=LazyPattern(masthead),
        masthead_word=re.compile("|".join(sorted({re.escape(verb.split()[0] + " ") for verb in data["masthead_verbs"]} | {"Editor"}))),
        # "Tribunal Update is produced by IWPR's team in The Hague", "IWPR's Balkan Insight is published by"
        small_masthead=LazyPattern(
            r"^[ \t*>]{0,4}(?:IWPR['’]s[ \t]+)?(?P<title>\p{Lu}[\p{L}'’\-]*(?:[ \t]+(?:&|\p{Lu}[\p{L}'’\-]*)){0,5})"
            rf"[ \t]+(?:{_alternation(data['small_masthead_verbs'])})\b"
        ),
        small_masthead_verbs=tuple(data["small_masthead_verbs"]),
        masthead_title_words=frozenset(data["masthead_title_words"]),
        masthead_verbs=tuple(data["masthead_verbs"]),
        author_bio_verbs=frozenset(data["author_bio_verbs"]),
        name_note=LazyPattern(
            r"\bnames?\b[^.!?\n]{0,60}?\b(?:is|are|was|were|(?:has|have|had)[ \t]+been)[ \t]+"
            rf"(?:{_alternation(data['name_note_verbs'])})\b",
            regex.I,
        ),
    )


# --- line and block patterns -------------------------------------------------------------------------------

_RULE = LazyPattern(r"^[ \t]*(?:\*{3,}|(?:[-=_~#*][ \t]?){5,}$)")
_RULE_STARTS = frozenset("*-=_~#")
# "ENDS", "(ends)", "- ends -": the marker IWPR's editions printed under an article
_END_MARKER = LazyPattern(r"^[(\[\-–—* ]{0,4}ends?[)\]\-–—*. ]{0,4}$", regex.I)  # a rule line starts with one of these
_PHOTO = LazyPattern(
    r"\((?:Photo|Picture|Image)s?(?: by)?[:\s][^)\n]{0,120}\)|^(?:Photo|Picture)s?(?: by)?:"
    # pages of 2010-15: "... at the Blace crossing. Photo courtesy of UNHCR", "... Photo: IWPR", "© IWPR/Ruslan"
    r"|(?:^|(?<=[.!?”\"]\s))(?:Photo|Picture)s?(?: courtesy of| credit:| by| ?:)\s[^\n.]{1,80}$"
    r"|(?:©|\([cC]\))\s?[^\s/©]{1,40}/[^\n/]{1,40}$",
    regex.I | regex.M,
)
# "IWPR - Institute for War & Peace Reporting": the site's name alone on a page's first line
_SITE_NAME = LazyPattern(
    r"^[ \t]*(?:IWPR[ \t]*[-–—|:][ \t]*)?Institute for War (?:and|&) Peace Reporting(?:[ \t]*[-–—|:][ \t]*IWPR)?[ \t]*$", regex.I
)
_SITE_TITLE = LazyPattern(r"^(?:Institute for War (?:and|&) Peace Reporting|IWPR)\b[^\n]{0,80}\|", regex.I)
# the page's <title> copied over it: "Armenian Miners Strike Over Unpaid Wages | Institute for War and Peace Reporting"
_PAGE_TITLE_TAG = LazyPattern(r"^[^|\n]{1,160}\|[ \t]*(?:Institute for War (?:and|&) Peace Reporting|IWPR)[ \t]*$", regex.I)
# "Home | News | Analysis": a site's navigation line at the top of a scraped page
_NAV_LINE = LazyPattern(r"^[^|\n]{1,40}(?:\|[^|\n]{1,40}){2,12}$")
# "Home > Africa > Zimbabwe", "You are here: Home » News": breadcrumbs
_CRUMBS = LazyPattern(r"^(?:(?:You are here:?[ \t]*)?Home[ \t]*[>»]|[^>»\n]{1,40}[>»][^>»\n]{1,40}[>»])[^>»\n]{0,60}(?:[>»][^>»\n]{1,60}){0,8}$", regex.I)
_SECTION = LazyPattern(r"^[\p{Lu}\p{N}][\p{Lu}\p{N} &'’:,\-/]{2,60}$")
_ARTICLES = frozenset(("the", "a", "an"))
_ARTICLE_OPENERS = frozenset(("for", "of", "at", "with", "from", "in", "and", "on"))
_NO_CREDIT_END = _ARTICLES | {"of"}  # a credit goes on after these: one ending on them is a cut sentence
_NAME_TOKEN = LazyPattern(r"\p{L}[\p{L}'’.\-]*")
_DANGLING_BY = LazyPattern(r"(?:^|\s)(?:By|BY)$")
_SENTENCE_OR_GAP = LazyPattern(r"\s[-–—]{1,2}\s|(?<=[.?!”\"])\s+|\s{2,}")
# between a contents entry's headline and what follows it on the line: two spaces or a spaced dash
_ENTRY_GAP = LazyPattern(r"[ \t]{2,}|[ \t][-–—]{1,2}[ \t]")
_ENTRY_TAIL_DASH = LazyPattern(r"[ \t]+[-–—]{1,2}$")
# a headline in capitals opening with its place or label: "KOSOVO: THE LONG ROAD HOME"
_CAPS_LABEL = LazyPattern(r"^\p{Lu}[\p{Lu}\p{N} '’.&\-]{1,30}:[ \t]")
_BULLET = LazyPattern(r"^[-–—*•·][ \t]+(?=\S)")  # "- KYRGYZ VOTE FEARS - Aziz Soltobaev in Bishkek"

_TWO_SPACES = LazyPattern(r"[ \t]{2,}")
_MAIL_HEADER_NAMES = ("From", "To", "Cc", "Subject", "Date", "Sent", "Reply-To", "Sender", "Message-ID", "MIME-Version",
                      "Content-Type", "Content-Transfer-Encoding", "Received", "Return-Path", "Organization", "Newsgroups")
_MAIL_HEADER = LazyPattern(
    rf"^(?:(?:From[ \t]+\S{{1,80}}@|{'|'.join(_MAIL_HEADER_NAMES)}|X-[A-Za-z\-]{{1,40}}):[ \t]"
    # an mbox's line between two messages: "From crs@iwpr.net  Fri May 30 14:02:00 2003"
    r"|From[ \t][^@\s]{1,64}@\S{1,80}[ \t]+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ \t]"
    # a list digest's number over each message's headers: "Message: 2"
    r"|Message:[ \t]+\d{1,5}[ \t]*$)", regex.I
)
# the second line of a header printed over two: "No. 50, 21 June 1999"
_NUMBER_LINE = LazyPattern(r"^(?:No|NO|Issue|ISSUE|Number|NUMBER|#)\.?[ \t]*\d{1,5}\b")
# "1. MACEDONIA: ..." / "2) KOSOVO ...": the number of a contents entry is not part of its headline
_NUMBERING = LazyPattern(r"^\d{1,3}[.)][ \t]+(?=\p{Lu}|[\"“‘'])")
# a line that stops on a comma or a linking word carries on over the next: wrapped prose, not a headline
_WRAPPED_ON = LazyPattern(r"(?:,|[ \t](?:and|or|the|of|by|to|for|with|a|an|in))$")
# mail-archive and HTML leftovers after a full stop ("bank.&nbsp;", "end.</p>", "said.=20")
_TRAILING_MARKUP = LazyPattern(r"(?:&nbsp;|&#160;|<br[ \t]?/?>|</p>|=20|[ \t\u00a0])+$", regex.I)
# "KABUL, 12 March", "Basra, March 12, 2004": a dateline standing as a paragraph of its own
_DATELINE = LazyPattern(
    rf"^\p{{Lu}}[\p{{L}} .'’\-]{{1,40}},[ \t]+(?:\d{{1,2}}[ \t]+{_MONTH}|{_MONTH}\.?[ \t]+\d{{1,2}})"
    rf"(?:,?[ \t]+\d{{4}})?$"
)


def _per_block(func):
    """Memoise a predicate of a block on the block itself: the segmenter asks the same questions of
    the same block several times."""
    name = func.__name__

    def cached(block: Block) -> Any:
        store = block.__dict__
        if name not in store:
            store[name] = func(block)
        return store[name]

    cached.__name__ = name
    cached.__doc__ = func.__doc__
    return cached


@_per_block
def _is_rule(block: Block) -> bool:
    first = block.first
    return first[:1] in _RULE_STARTS and bool(_RULE.match(first))


def byline_text_ok(text: str) -> bool:
    """Whether a joined line is shaped like a byline: a prefix ("By", "Interview by"), then capitalised
    names, a few linking words (and, in, from), roles and an edition reference; not a sentence.

    >>> byline_text_ok("By Asyl Osmonalieva, Gulzat Abdurasulova")
    True
    >>> byline_text_ok("By contrast, many leading Social Democrats were closely involved in the")
    False
    >>> byline_text_ok("Ainagul Abdrakhmanova reports from Bishkek")
    True
    >>> byline_text_ok("By a journalist in Kunduz (name withheld)"), byline_text_ok("By a long way the best")
    (True, False)
    >>> byline_text_ok("By May the"), byline_text_ok("By IWPR the of"), byline_text_ok("By Kazakstan the of the.")
    (False, False, False)
    """
    cues = _cues()
    text = " ".join(text.split())
    if not text or len(text) > MAX_BYLINE_CHARS:
        return False
    span = edition_ref_span(text)
    if span:
        text = (text[: span[0]] + text[span[1] :]).strip()
    prefix = cues.byline_prefix.match(text)
    if prefix:
        rest = text[prefix.end() :]
        if rest[:1].islower() and cues.role_credit.match(rest):
            return True
    elif _cues().plain_credit.match(text.rstrip(".")):
        return True
    else:
        role = cues.role_prefix.match(text)
        return bool(role) and bool(cues.role_credit.match(text[role.end() :]))
    if not rest or not (rest[0].isupper() or rest[0].isdigit() is False and rest[0].isalpha() and rest[0].isupper()):
        return False
    name, comma, role = rest.partition(", ")
    if comma and role[:1].islower() and _one_name(name) and cues.role_credit.match(role):
        return True  # "By Sahar, a reporter in Herat": one name and a role, as IWPR's Afghan women signed
    if ends_sentence(rest) and not rest.rstrip().endswith((".)", "Jr.", "Sr.")) and len(rest.split()) > 6:
        return False
    matches = list(_NAME_TOKEN.finditer(rest))
    if not matches:
        return False
    tokens = [m.group() for m in matches]
    capitalised = sum(1 for t in tokens if t[0].isupper())
    bad_lower = 0
    for n, token in enumerate(tokens):
        if not token[0].islower():
            continue
        word = token.lower().rstrip(".,")
        if word not in cues.lower_ok:
            bad_lower += 1
        elif word in _ARTICLES and n:
            # "By X, a journalist", "for the BBC"; but not "By May the ..." (a sentence)
            after_comma = rest[: matches[n].start()].rstrip().endswith(",")
            if not after_comma and tokens[n - 1].lower() not in _ARTICLE_OPENERS:
                bad_lower += 1
    if tokens[-1].lower().rstrip(".,") in _NO_CREDIT_END:
        return False  # "...Democrats-Respublika. By May the": a sentence cut at a line end, never a credit
    return capitalised >= 1 and bad_lower <= 1 and capitalised * 2 >= len(tokens) - bad_lower


def _one_name(text: str) -> bool:
    """A person's name: up to five capitalised words and nothing else ("Sahar", "Ylber Hysa")."""
    tokens = text.split()
    return 0 < len(tokens) <= 5 and all(t[:1].isupper() and _NAME_TOKEN.fullmatch(t) for t in tokens)


def _text_blocks(text: str, scan: _Scan | None, view: str | None, cuts: Iterable[int] = ()) -> list[Block]:
    """The blocks split works on: ``blocks_of``, cut at the given line starts (``cuts``), with
    paragraphs one to a line or marked by indentation and bylines printed without blank lines around
    them cut out as blocks of their own."""
    blocks = blocks_of(text, scan)
    if cuts:
        blocks = _cut_at_lines(blocks, cuts)
    return _separate_bylines(_separate_indented(_separate_unwrapped(blocks)), view)


def _cut_at_lines(blocks: list[Block], cuts: Iterable[int]) -> list[Block]:
    """Blocks cut so that a block starts at each of the line starts ``cuts``."""
    starts = [b.start for b in blocks]
    by_block: dict[int, set[int]] = {}
    for at in cuts:
        i = bisect_right(starts, at) - 1
        if i >= 0 and blocks[i].start < at < blocks[i].end:
            by_block.setdefault(i, set()).add(at)
    return _splice(blocks, {i: [k for k, line in enumerate(blocks[i].lines) if k and line.start in at]
                            for i, at in by_block.items()})


def _splice(blocks: list[Block], cuts: dict[int, list[int]]) -> list[Block]:
    """``blocks`` with each block ``i`` of ``cuts`` cut before its lines ``cuts[i]``; ``blocks`` itself when
    there is nothing to cut."""
    if not cuts:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if i in cuts:
            out.extend(_cut_block(block, cuts[i]))
        else:
            out.append(block)
    return out


def _cut_block(block: Block, bounds: list[int]) -> list[Block]:
    """``block`` cut before each of its lines numbered in ``bounds`` (ascending, from 1); the first piece
    keeps the blank lines before the block."""
    lines = block.lines
    return [Block(block.source, lines[a].start, lines[b - 1].end, block.gap_before if piece == 0 else 0, block.scan)
            for piece, (a, b) in enumerate(zip([0, *bounds], [*bounds, len(lines)]))]


# the line a reply puts over what it quotes: "On 3/10/05, IWPR <crs@iwpr.net> wrote:", "X schrieb:"
_QUOTE_OPENING = LazyPattern(r"^(?![ \t]{0,3}>)[^\n]{0,200}:[ \t]*\r?\n(?=[ \t]{0,3}>)", regex.M)


def _quote_openings(text: str) -> list[int]:
    """Where a run of quoted lines starts right under the line that introduces it ("On ... wrote:"),
    with no blank line between them: the quoted edition is a block of its own, not the end of the
    note's last block.

    >>> _quote_openings("Hi.\\nOn Friday, IWPR wrote:\\n> REPORTING CENTRAL ASIA\\n")
    [27]
    """
    return [m.end() for m in _QUOTE_OPENING.finditer(text)]


MAX_WRAPPED_LINE = 100  # text hard-wrapped for mail (65-80 columns) never has two lines longer than this
# a line longer than that (after a line break: the engine skips from one to the next)
_LONG_LINE = LazyPattern(rf"\n[^\n]{{{MAX_WRAPPED_LINE + 1}}}", engine="re")
MIN_UNWRAPPED_LINES = 2
MIN_SENTENCE_LINES = 3  # lines that each end a sentence are paragraphs, not a paragraph's wrapped lines


def _unwrapped_lines(raw: str) -> bool:
    """Lines that are paragraphs, not a paragraph hard-wrapped: two or more too long for a wrap, or
    three or more lines that all end a sentence (a wrapped paragraph's lines end where a word did)."""
    lines = raw.split("\n")
    longest = max(map(len, lines))
    # (a wrapped paragraph's first line stops mid-sentence at full width: most blocks end here)
    first = lines[0]
    if (len(lines) >= MIN_SENTENCE_LINES and (ends_sentence(first) or len(first) < HEADING_WIDTH_SHARE * longest)
            and not _filled_to_width(lines, longest) and _sentences_and_headings(lines, longest)):
        return True
    return longest > MAX_WRAPPED_LINE and sum(1 for line in lines if len(line) > MAX_WRAPPED_LINE) >= MIN_UNWRAPPED_LINES


def _filled_to_width(lines: list[str], longest: int) -> bool:
    """Every line but the last broken where a wrap at the ``longest`` line's width breaks it (the next
    line's first word would not have fitted): a hard-wrapped paragraph whose lines happen to end on
    sentence ends, not sentences one to a line.

    >>> _filled_to_width(["It rained.", "It stopped at noon."], 19)  # "It" would have fitted after "It rained."
    False
    >>> _filled_to_width(["The rain fell all day.", "Then it stopped."], 22)
    True
    """
    for line, following in zip(lines, lines[1:]):
        word = following.split(None, 1)
        if len(line.rstrip()) + 1 + (len(word[0]) if word else 0) <= longest:
            return False
    return True


# the last character of a line that may end a sentence (``ends_sentence`` decides): the terminal mark,
# a closing quote or bracket after it, or a space or CR before the line break
_MAY_END_SENTENCE = frozenset(".?!…\"'”’)]» \t\r")
_OPENING_QUOTES = frozenset("\"“‘'«")


def _sentences_and_headings(lines: list[str], longest: int) -> bool:
    """Every line ends a sentence, or is a sub-heading: a line far shorter than the ``longest``, over
    a line starting with a capital (a wrapped line is cut short only at its paragraph's end)."""
    sentences = 0
    for k, line in enumerate(lines):
        if ends_sentence(line):
            sentences += 1
            continue
        opening = lines[k + 1].lstrip()[:1] if k + 1 < len(lines) else ""
        if not (opening.isupper() or opening in _OPENING_QUOTES):
            return False
        if len(line.strip()) >= HEADING_WIDTH_SHARE * longest:
            return False
    return sentences >= MIN_SENTENCE_LINES - 1


def _separate_unwrapped(blocks: list[Block]) -> list[Block]:
    """Paragraphs one to a line with no blank line between them (a page copied as text, a scraper
    joining ``<p>`` elements with one line break): in a block holding two or more lines too long to be
    hard-wrapped, or three or more lines each ending a sentence (or a sub-heading between them), every
    line starts a block of its own,
    unless it carries on the line before it (it starts in a small letter, or that line ends on a
    hyphen, a comma or a link word).

    >>> long = "The talks between the two sides went on late into the night and resumed, after a short break, early the next morning."
    >>> [len(b) for b in _separate_unwrapped(blocks_of(f"Head\\n{long}\\n{long}\\nend of it.\\n"))]
    [1, 1, 2]
    """
    if not blocks:
        return blocks
    source = blocks[0].source
    # with no line too long for a wrap anywhere, only lines ending sentences (or short sub-headings) can
    # qualify a block, and a block whose first line stops mid-sentence at full width cannot
    first_cut = source.find("\n")
    long_lines = bool(_LONG_LINE.search(source)) or (first_cut if first_cut != -1 else len(source)) > MAX_WRAPPED_LINE
    short = HEADING_WIDTH_SHARE * MAX_WRAPPED_LINE
    cuts: dict[int, list[int]] = {}
    for n, block in enumerate(blocks):
        cut = source.find("\n", block.start, block.end)
        if cut == -1:
            continue  # (a one-line block, the most common kind in a page, is not even sliced)
        if not long_lines and cut - block.start >= short and (source[cut - 1] not in _MAY_END_SENTENCE
                                                              or not ends_sentence(source[block.start : cut])):
            continue
        if not _unwrapped_lines(block.raw):
            continue
        lines = block.lines
        contents = [line.content.strip() for line in lines]
        bounds = [k for k in range(1, len(lines))
                  if not contents[k][:1].islower() and not contents[k - 1].endswith("-")
                  and not _WRAPPED_ON.search(contents[k - 1])]
        if not bounds:
            continue
        cuts[n] = bounds
    return _splice(blocks, cuts)


# a line indented by two or more spaces (or a tab) under another line: where indented paragraphs start
# (a literal line break first: the engine skips ahead to it; lone CRs are looked for apart, when present)
_INDENTED_LINE = LazyPattern(r"\n(?:  |\t)", engine="re")
_INDENTED_AFTER_CR = LazyPattern(r"\r(?:  |\t)", engine="re")
MIN_INDENT_STEP = 2  # a first line indented this much more than the block's other lines starts a paragraph
MIN_INDENTED_PARAGRAPHS = 2  # and the block shows the shape (an indented line wrapped onto the next) this often
MIN_INDENTED_WRAP = 40  # an indented first line wrapped onto the next is as long as a line of text


def _indent(line: str) -> int:
    stripped = line.lstrip(" \t")
    return len(line) - len(stripped) + 3 * line[: len(line) - len(stripped)].count("\t")


def _separate_indented(blocks: list[Block]) -> list[Block]:
    """Paragraphs marked by indenting their first line, with no blank line between them (mails of
    1998-2000 passed through list software, reposts): each indented first line starts a block.  Only in
    a block that shows the shape at least twice (an indented line that goes on at the margin on the next
    line), so that an indented list, address or contents entry stays as it is; a block whose lines all
    share one indentation (a reply's quoted lines, masked) has no first line to find.

    >>> text = ("KOSOVO: TALKS GO ON\\n   Talks between the two sides went on into the\\nnight.\\n"
    ...         "   Neither side would say when they might meet\\nagain.\\n")
    >>> [b.joined for b in _separate_indented(blocks_of(text))]
    ['KOSOVO: TALKS GO ON', 'Talks between the two sides went on into the night.', 'Neither side would say when they might meet again.']
    """
    if not blocks:
        return blocks
    text = blocks[0].source
    if "\n" in text:  # (found at once; lone CRs without any LF, old Mac files, are looked for apart)
        positions = [m.start() + 1 for m in _INDENTED_LINE.finditer(text)]
    else:
        positions = [m.start() + 1 for m in _INDENTED_AFTER_CR.finditer(text)]
    if not positions:
        return blocks
    starts = [b.start for b in blocks]
    held: dict[int, int] = {}
    for at in positions:
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < blocks[i].end:
            held[i] = held.get(i, 0) + 1
    # the shape needs two indented first lines in one block: a block holding one is spared its lines
    candidates = sorted(i for i, count in held.items() if count >= MIN_INDENTED_PARAGRAPHS)
    cuts: dict[int, list[int]] = {}
    for n in candidates:
        block = blocks[n]
        lines = block.lines
        if len(lines) < 3:
            continue
        indents = [_indent(line.content) for line in lines]
        margin = min(indents)
        first_lines = [k for k, ind in enumerate(indents) if ind >= margin + MIN_INDENT_STEP]
        wraps = sum(1 for k in first_lines if k + 1 < len(lines) and indents[k + 1] < margin + MIN_INDENT_STEP
                    and len(lines[k].content.strip()) >= MIN_INDENTED_WRAP and not ends_sentence(lines[k].content))
        if wraps < MIN_INDENTED_PARAGRAPHS:
            continue
        # a paragraph starts under the end of the one before (or under a headline in capitals); an
        # indented line under a line cut short is a quoted line after a wrap that lost its quote mark
        texts = [line.content.strip() for line in lines]
        bounds = [k for k in first_lines if k > 0 and (ends_sentence(texts[k - 1]) or is_caps(texts[k - 1]))]
        if not bounds:
            continue
        cuts[n] = bounds
    return _splice(blocks, cuts)


def _byline_line_starts(view: str | None) -> list[int] | None:
    """Sorted offsets of the lines that start like a byline ("By ", "Comment by "...), from one scan of
    the text (see ``_scan_view``); None when the view is not available: every block is looked at."""
    if view is None:
        return None
    return [m.start() for m in _cues().byline_line_scan.finditer(view)]


def _separate_bylines(blocks: list[Block], view: str | None = None) -> list[Block]:
    """A "By ..." line with no blank line between it and the body (or the standfirst) around it is
    made a block of its own, so that it can anchor its article.  Only where body text clearly follows
    it: a table-of-contents entry ends in a byline too, but another entry follows it, not a body."""
    words = _byline_first_words()
    prefix = _cues().byline_prefix
    byline_starts = _byline_line_starts(view)
    if byline_starts is None:
        candidates: Iterable[int] = range(len(blocks))
    else:
        # only blocks holding a line that starts like a byline need their lines looked at
        candidates = sorted(_blocks_at(blocks, byline_starts))
    out: list[Block] = []
    done = 0  # blocks before this index are in ``out`` or about to be copied there unchanged
    for n in candidates:
        block = blocks[n]
        count = len(block)
        if count < 2 or count > 400:
            continue
        lines = block.lines
        contents = [line.content.strip() for line in lines]
        cuts: list[int] = []
        for k, text in enumerate(contents):
            if text.split(" ", 1)[0].rstrip(":").lower() not in words or not prefix.match(text) or not byline_text_ok(text):
                continue
            if k > 0 and byline_text_ok(f"{contents[k - 1]} {text}"):
                continue  # the byline's own first line
            if k + 1 < count:
                if not _head_chrome_line(contents[k + 1]) and byline_text_ok(f"{text} {contents[k + 1]}"):
                    continue  # wrapped onto the next line (an edition line or a date under it is no part of it)
                body_follows = count - k - 1 >= 2 or len(contents[k + 1]) >= 150
            else:
                nxt = blocks[n + 1] if n + 1 < len(blocks) else None
                # after another contents entry, only a long paragraph shows this one is an article
                in_contents = n > 0 and (_looks_like_toc_entry(blocks[n - 1]) or _is_byline_block(blocks[n - 1]))
                body_follows = nxt is not None and (
                    nxt.chars >= 200 if in_contents else _body_block(nxt) or _short_prose_follows(blocks, n + 1))
            if body_follows:
                cuts.extend((k, k + 1, *_page_head_cuts(contents, max(cuts, default=0), k)))
                # the page's edition line and date under the byline, each a block of its own
                below = k + 1
                while below + 1 < count and below - k <= MAX_HEAD_EDITION_BLOCKS and _head_chrome_line(contents[below]):
                    below += 1
                    cuts.append(below)
        bounds = sorted({c for c in cuts if 0 < c < count})
        if not bounds:
            continue
        out.extend(blocks[done:n])
        done = n + 1
        # a body under the byline may hold its paragraphs one to a line
        out.extend(_separate_unwrapped(_cut_block(block, bounds)))
    if not done:
        return blocks
    out.extend(blocks[done:])
    return out


def _page_head_cuts(contents: list[str], start: int, stop: int) -> list[int]:
    """Where to cut the lines ``start..stop-1`` above a byline in one block when they are a page head
    copied without its blank lines (site title, breadcrumb, headline, standfirst, newsletter, edition
    line, date, "(Photo: ...)"): at every line, since such a page prints each element on one line; but
    around its chrome lines only when a line carries on over the next (a wrapped standfirst)."""
    head = contents[start:stop]
    if len(head) < 2:
        return []
    chrome = [n for n, line in enumerate(head) if _head_chrome_line(line)]
    if not chrome:
        return []
    wrapped = any(head[n + 1][:1].islower() or _WRAPPED_ON.search(head[n]) or head[n].endswith("-")
                  for n in range(len(head) - 1) if n not in chrome and n + 1 not in chrome)
    if not wrapped:
        return list(range(start + 1, stop))
    return [start + c for n in chrome for c in (n, n + 1)]


def _head_chrome_line(line: str) -> bool:
    """A line of a page head that is neither headline nor standfirst: navigation, the site's name, a
    photo credit, the newsletter's name, edition line or date."""
    if len(line) > 200:
        return False
    return bool(_is_nav_line(line) or _SITE_NAME.match(line) or (line[:1] == "(" and _is_caption(line))
                or newsletter_named(line) or _page_date(line)
                or (_has_issue_marker(line) and parse_edition_header(line)))


def _blocks_starting_at(starts: list[int], positions: Iterable[int]) -> Iterator[int]:
    """Indices of the blocks (by their sorted ``starts``) that start at one of the text offsets."""
    for at in positions:
        i = bisect_left(starts, at)
        if i < len(starts) and starts[i] == at:
            yield i


def _blocks_at(blocks: list[Block], positions: Iterable[int], starts: list[int] | None = None) -> set[int]:
    """Indices of the blocks that hold the given text offsets (offsets in blank lines hold none)."""
    if starts is None:
        starts = [b.start for b in blocks]
    found = set()
    for at in positions:
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < blocks[i].end:
            found.add(i)
    return found


def _short_prose_follows(blocks: list[Block], i: int) -> bool:
    """Short paragraphs from block ``i`` on, as IWPR copy from 2004 on opens: a sentence, then another
    sentence, a bio or the end of the text.  A contents entry is followed by the next entry, a rule or a
    section title, never by a sentence and then a second one or a bio."""
    if not _prose_paragraph(blocks[i]):
        return False
    if i + 1 == len(blocks):
        return True
    after = blocks[i + 1]
    return _prose_paragraph(after) or _is_end_note(after.joined)


def _prose_paragraph(block: Block) -> bool:
    """A paragraph of prose of any length: it starts like a sentence and ends like one, and is no
    contents entry, byline, rule, footer or link."""
    first = block.first
    if not (first[:1].isupper() or first[:1].isdigit() or first[:1] in "\"“‘'") or not ends_sentence(block.joined):
        return False
    return not (_starts_entry_text(first) or _is_rule(block) or _is_footer_block(block) or "://" in block.raw
                or _looks_like_toc_entry(block) or _is_byline_block(block))


def _body_block(block: Block) -> bool:
    """Body text after a byline that ends a block: a long paragraph, or one of two lines or more that
    is not the next contents entry (capitals, an inline credit), a rule or a link."""
    if _starts_entry_text(block.first) or _is_rule(block) or _is_footer_block(block):
        return False
    if block.chars >= 200:
        return True
    return (len(block) >= 2 and block.chars >= 80 and "://" not in block.raw
            and not _looks_like_toc_entry(block) and not _is_byline_block(block)
            and not _ends_with_credit(block.lines[-1].content.strip()))


@_per_block
def _is_byline_block(block: Block) -> bool:
    # the cheap tests first: a subtraction, then the first line; counting lines costs more
    chars = block.end - block.start
    if chars > MAX_BYLINE_CHARS + 10:
        return False
    first = block.first
    if not first[:1].isupper():
        return False
    if first.split(" ", 1)[0].rstrip(":").lower() not in _byline_first_words():
        # a credit without "By" is short: "Ainagul Abdrakhmanova in Bishkek", "IWPR staff"
        if chars > PLAIN_CREDIT_MAX_CHARS or not (" in " in first or " from " in first or "IWPR" in first):
            return False
        text = block.joined
        # ... and ends on a place's name; a short line of prose seldom does.  (The edition reference
        # that may follow it has a "No"; "IWPR staff" need not name a place.)
        last = text.rstrip(".").rsplit(" ", 1)[-1]
        if (not last[:1].isupper() and "No" not in text and "IWPR" not in text
                and not _cues().byline_prefix.match(text)):
            return False
    return len(block) <= MAX_BYLINE_LINES and byline_text_ok(block.joined)


@lru_cache(maxsize=1)
def _byline_first_words() -> frozenset[str]:
    data = load_json("split_cues.json")
    return frozenset(p.split()[0].lower() for p in (*data["byline_prefixes"], *data["role_byline_prefixes"]))


MAX_NOTE_CHARS = 600


def _is_note(text: str) -> bool:
    """An author bio, funding, disclaimer or "names changed" paragraph (by how it starts)."""
    cues = _cues()
    return cues.note_start.starts(text) or _is_bio(text)


_BIO_VERBS = (" is", " are", " was", " were", " works", " worked", " writes", " reports")  # the verbs of a bio


def _is_bio(text: str) -> bool:
    """"X is an IWPR-trained journalist in Bishkek", "A and B are IWPR trained journalists in Osh":
    names, a verb, then a role word within the next few words."""
    # the verb follows a space or a tab: text with neither is spared the pattern (and its compiling)
    if "\t" not in text and not any(verb in text for verb in _BIO_VERBS):
        return False
    m = _cues().bio.match(text)
    if not m:
        return False
    roles = _cues().bio_roles
    return any(word.lower().strip(".,;:'’") in roles for word in text[m.end() : m.end() + 200].split())


def _is_end_note(text: str) -> bool:
    """A paragraph at an article's end that belongs to its notes: a note by how it starts, or a short
    paragraph holding a note phrase ("... contributed to this report.")."""
    if _is_note(text):
        return True
    if len(text) > MAX_NOTE_CHARS:
        return False
    if (m := _cues().note_anywhere.search(text.lower())) and not _glued_name_note(text, m):
        return True
    # "* Names of callers have been changed.", "Her name has been withheld for her safety."
    if len(text) > MAX_NAME_NOTE_CHARS or not ("name" in text or "Name" in text):
        return False
    m = _cues().name_note.search(text)
    return bool(m) and not _glued_name_note(text, m)


def _glued_name_note(text: str, m: re.Match) -> bool:
    """A note on names or pseudonyms glued under a sentence of the story ("... since registering.
    Names have been changed."): the paragraph is the story's; a short lead sentence ("Ahmed is a
    pseudonym.") is the note's own."""
    phrase = m.group().lower()
    return (("name" in phrase or "pseudonym" in phrase) and m.start() > MAX_NAME_NOTE_LEAD
            and _SENTENCE_BREAK.search(text, 0, m.start()) is not None)


MAX_NAME_NOTE_CHARS = 200  # a note that names were changed is one short sentence
MAX_NAME_NOTE_LEAD = 40  # what may stand before it in the same paragraph
_SENTENCE_BREAK = LazyPattern(r"[.!?][\"'’”)]*[ \t\r\n]", engine="re")
MAX_AFTER_BIO = 3  # end matter after the author's bio: funding, disclaimer, editor's note, translation credit


def _author_names(byline: str) -> list[str]:
    """The names a byline gives, for finding the authors' bios ("By A and B in Almaty" -> A, B);
    collective credits ("IWPR staff") give none.

    >>> _author_names("By Talar Nadir and Hiwa Osman in Sulaimaniyah (ICR No. 150, 15-Aug-05)")
    ['Talar Nadir', 'Hiwa Osman']
    >>> _author_names("By Thomas de Waal, IWPR Caucasus editor"), _author_names("By IWPR staff in Kabul")
    (['Thomas de Waal'], [])
    """
    span = edition_ref_span(byline)
    if span:
        byline = byline[: span[0]] + byline[span[1] :]
    text = _cues().byline_prefix.sub("", " ".join(byline.split()))
    text = _CREDIT_PLACE.split(text, 1)[0]
    return [name for name in _NAME_LIST_SEP.split(text) if _author_name(name)]


def _author_name(text: str) -> bool:
    """A person's name in a byline: up to five capitalised words, with particles ("Thomas de Waal")."""
    tokens = text.split()
    particles = _name_particles()
    return (0 < len(tokens) <= 5 and "IWPR" not in tokens and tokens[0][:1].isupper()
            and all((t[:1].isupper() or t in particles) and _NAME_TOKEN.fullmatch(t) for t in tokens))


@lru_cache(maxsize=1)
def _name_particles() -> frozenset[str]:
    return frozenset(load_json("split_cues.json")["name_particles"])


_CREDIT_PLACE = LazyPattern(r"[ \t]+(?:in|from|reports?[ \t]+from|for)[ \t]|,[ \t]+(?=\p{Ll})|[ \t]*\(")
_NAME_LIST_SEP = LazyPattern(r",?[ \t]+and[ \t]+|,[ \t]*")


def _is_author_bio(text: str, names: list[str]) -> bool:
    """A paragraph opening with the byline's own name and a verb: the author's bio, whatever its words
    ("Ylber Hysa works for the Pristina daily Koha Ditore.", "Sultan Sarwar writes for ...")."""
    for name in names:
        if text.startswith(name) and text[len(name) : len(name) + 1] == " ":
            verb = text[len(name) + 1 : len(name) + 30].split(" ", 1)[0]
            if verb in _cues().author_bio_verbs:
                return True
    return False


def _is_team_bio(text: str, byline: str) -> bool:
    """A collective credit's own bio: the credit ("By IWPR's Iran team") opening the paragraph, then "is"
    or "are" and a role within the sentence ("IWPR's Iran team is made up of journalists inside and
    outside the country."); "IWPR staff were unable to reach him." is the story's.

    >>> _is_team_bio("IWPR's Iran team is made up of journalists in Tehran.", "By IWPR's Iran team")
    True
    """
    credit = _CREDIT_PLACE.split(_cues().byline_prefix.sub("", " ".join(byline.split())), 1)[0].strip()
    words = credit.split()
    if not words or words[-1].lower() not in _collective_words() or not text.startswith(credit + " "):
        return False
    verb, _, rest = text[len(credit) + 1 :].partition(" ")
    sentence = rest.split(". ", 1)[0]
    return verb in ("is", "are") and any(w.strip(".,;:'’").lower() in _cues().bio_roles for w in sentence.split())


@lru_cache(maxsize=1)
def _collective_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_json("split_cues.json")["collective_credit_words"])


def _notes_start(paragraphs: list[str], byline: str) -> int:
    """Where an article's notes begin: the trailing run of bios, funding, disclaimer and name notes;
    and everything after the author's own bio (at most MAX_AFTER_BIO short paragraphs), since IWPR
    printed the bio last or before its end matter only, whatever that end matter says ("To contact the
    editor, e-mail ...")."""
    names: list[str] | None = None  # the byline's names, read when a paragraph opens with a word of it

    def author_bio(text: str) -> bool:
        nonlocal names
        cut = text.find(" ", 0, 40)
        if not byline or cut == -1 or text[:cut] not in byline:
            return False
        if names is None:
            names = _author_names(byline)
        return _is_author_bio(text, names) or not names and _is_team_bio(text, byline)

    start = len(paragraphs)
    while start > 0 and (_is_end_note(paragraphs[start - 1]) or author_bio(paragraphs[start - 1])):
        start -= 1
    for k in range(len(paragraphs) - 2, max(len(paragraphs) - 2 - MAX_AFTER_BIO, -1), -1):
        if k < start and author_bio(paragraphs[k]):
            if all(len(p) <= MAX_NOTE_CHARS for p in paragraphs[k + 1 :]):
                start = k
                while start > 0 and (_is_end_note(paragraphs[start - 1]) or author_bio(paragraphs[start - 1])):
                    start -= 1
            break
    return start


FOOTER_CUE_REACH = 300  # a footer phrase this far into a block marks it as footer matter


def _scan_view(text: str) -> str | None:
    """``"\\n" + text`` with ASCII letters in lower case, for whole-text scans of line starts: every line,
    the first included, then starts after a "\\n", and index ``i`` of the view is index ``i - 1`` of the
    text.  The scans look for ASCII phrases, so the view finds what ``text.lower()`` would; lowering the
    UTF-8 bytes is three times faster.  None where that does not hold: lone CRs, and the two letters
    that lower-case to ASCII ("İ", the Kelvin sign)."""
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None
    if not text.isascii() and ("\u0130" in text or "\u212a" in text):
        return None
    return "\n" + text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _find_all(haystack: str, needle: str) -> Iterator[int]:
    at = haystack.find(needle)
    while at != -1:
        yield at
        at = haystack.find(needle, at + 1)


def _find_each(haystack: str, needles: tuple[str, ...]) -> Iterator[int]:
    """Offsets where one of the ``needles`` (no line break in any) is found, scanning left to right
    for each group of needles sharing a first word (or, one word each, a first letter); a needle
    overlapping one found before it is not reported, so each line holding a needle is, at the offset
    of its first needle at least.  A pattern opening with a literal runs nearly as fast as a string
    search, so a group costs one pass where its needles cost one each.

    >>> sorted(_find_each("It is produced. It is published. No. 5", ("is produced", "is published", "No.")))
    [3, 19, 33]
    """
    for pattern in _needle_patterns(needles):
        for m in pattern.finditer(haystack):
            yield m.start()


@lru_cache(maxsize=8)
def _needle_patterns(needles: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    groups: dict[str, list[str]] = {}
    for needle in needles:
        head = needle[: needle.find(" ") + 1] or needle[:1]
        groups.setdefault(head, []).append(needle[len(head) :])
    return tuple(
        re.compile(re.escape(head) + "(?:" + "|".join(map(re.escape, sorted(rests, key=len, reverse=True))) + ")")
        for head, rests in groups.items()
    )


def _word_ends(text: str, at: int, phrase: str) -> bool:
    """The phrase found at ``at`` ends a word (or ends in punctuation)."""
    after = text[at + len(phrase) : at + len(phrase) + 1]
    return not phrase[-1].isalnum() or not after or not (after.isalnum() or after == "_")


def _is_footer_block(block: Block) -> bool:
    """Footer matter: masthead, addresses, ISSN, copyright, disclaimers (see ``_Scan.index``)."""
    scan = block.scan
    if scan is not None and scan.footer_starts is not None:
        return block.start in scan.footer_starts
    return _footer_cue(block)


@_per_block
def _footer_cue(block: Block) -> bool:
    cues = _cues()
    raw = block.raw
    m = cues.footer_line.match(raw)
    if m and _footer_phrase_at(raw, m.group(), m.end()):
        return True
    if _is_masthead(raw[:MASTHEAD_REACH]) or _small_masthead_block(block):
        return True
    return any(_footer_phrase_at(raw, m.group(), m.end())
               for m in cues.footer_anywhere.finditer(raw, 0, FOOTER_CUE_REACH))


# a line that may open a masthead (``_is_masthead``), after its newline: a letter that is no small ASCII
# letter, then another such letter, a digit, a title mark or a space (``re`` scans for the newline fast)
_MASTHEAD_LINE = LazyPattern(r"\n[ \t*>]{0,4}(?![a-z])[^\W\d_](?:(?![a-z])[^\W_]|[&'’.\-\s])", engine="re")
MASTHEAD_REACH = 160  # a masthead's verb stands this near the start of its block, after the title


def _is_masthead(head: str) -> bool:
    """The closing masthead: a block opening with a newsletter's title in capitals and "is produced by",
    "is supported by"... ("TRIBUNAL UPDATE is produced by the Institute ...", "IWPR'S AFGHAN RECOVERY
    REPORT is supported by ...") or a colon and its staff list ("AFGHAN RECOVERY REPORT: Editor: ...").  A
    title in small letters ("IWPR's Zimbabwe Crisis Report is supported by ...") is an article's
    funding note, not the masthead.

    >>> _is_masthead("TRIBUNAL UPDATE is produced by IWPR."), _is_masthead("Tribunal Update is produced by IWPR.")
    (True, False)
    """
    # every masthead holds the first word of a verb phrase ("is ", "are ") or "Editor": most capitals
    # lines (headlines, "CONTENTS:") are spared the pattern
    cues = _cues()
    if not cues.masthead_word.search(head) or not head.lstrip(" \t*>")[:2].isupper():
        return False
    return bool(cues.masthead.match(head))


def _is_small_masthead(head: str) -> bool:
    """The closing masthead with its title in small letters: a known newsletter's title, or one ending in a
    title word ("Report", "Update", "Insight"...), then "is produced by", "is published by"... ("Tribunal
    Update is produced by IWPR's team in The Hague").  "is supported by" after such a title is a
    funding note (``_is_masthead`` takes it only in capitals).

    >>> _is_small_masthead("Balkan Insight is produced by BIRN."), _is_small_masthead("Zimbabwe Crisis Report is supported by X.")
    (True, False)
    >>> _is_small_masthead("Hiwa Osman is produced by X."), _is_small_masthead("Radio Dijla's Morning Report is produced by six reporters.")
    (False, False)
    >>> _is_small_masthead("Kabul Weekly Report is produced by six reporters."), _is_small_masthead("Kosovo Report is produced by IWPR.")
    (False, True)
    """
    if " is " not in head and " are " not in head:
        return False
    cues = _cues()
    m = cues.small_masthead.match(head)
    if not m:
        return False
    title = m.group("title")
    if newsletter_named(title) is not None:
        return True
    # an unknown title owned by someone ("Radio Dijla's Morning Report"), or one whose head names no
    # publisher of IWPR's newsletters ("Kabul Weekly Report is produced by six reporters"), is a
    # programme or paper the story names
    return (title.rsplit(None, 1)[-1] in cues.masthead_title_words and not _POSSESSIVE.search(title)
            and _names_publisher(head))


_POSSESSIVE = LazyPattern(r"\w['’]s\b", engine="re")


def _names_publisher(text: str) -> bool:
    """Whether ``text`` names a publisher of IWPR's newsletters ("IWPR", "the Institute for War ...")."""
    low = text.lower()
    return any(name in low for name in _masthead_publishers())


@lru_cache(maxsize=1)
def _masthead_publishers() -> tuple[str, ...]:
    return tuple(p.lower() for p in load_json("split_cues.json")["masthead_publishers"])


_NEXT_LINE = LazyPattern(r"\s*([^\n]{0,16})")


def _small_masthead_block(block: Block) -> bool:
    """A block opening with a masthead in small letters (``_is_small_masthead``) that no end marker follows:
    "Zimbabwe Crisis Report is produced by ..." over "ends" is still the article's, a funding note."""
    if not _is_small_masthead(block.raw[:MASTHEAD_REACH]):
        return False
    after = _NEXT_LINE.match(block.source, block.end)
    return not _END_MARKER.match(after.group(1).rstrip())


def _masthead_line_cuts(text: str) -> list[int]:
    """Line starts inside a block where a masthead opens right after a line ending a sentence, with no
    rule or blank line before it ("... journalist in Kabul." / "IWPR'S AFGHAN RECOVERY REPORT is
    produced by ..."): the masthead is a block of its own, so the last article's notes end there.

    >>> _masthead_line_cuts("Ann Lee is a journalist in Baku.\\nTribunal Update is produced by IWPR.\\n")
    [33]
    """
    cuts = set()
    for line, _at in _lines_under_sentences(text, _cues().masthead_verbs, MASTHEAD_REACH):
        head = text[line : line + MASTHEAD_REACH]
        if _is_masthead(head) or _is_small_masthead(head):
            cuts.add(line)
    return sorted(cuts)


def _lines_under_sentences(text: str, needles: tuple[str, ...], reach: int) -> Iterator[tuple[int, int]]:
    """(line start, offset) of the ``needles`` found within ``reach`` characters of the start of a line
    that stands right under a line ending a sentence, with no blank line between them: every such line,
    with an offset of a needle on it (see ``_find_each``)."""
    for at in _find_each(text, needles):
        line = text.rfind("\n", 0, at) + 1
        if 1 < line and at - line <= reach and text[line - 2] in _SENTENCE_CLOSERS:
            before = text[text.rfind("\n", 0, line - 1) + 1 : line - 1].rstrip(" \t\r")
            if before[-1:] in _SENTENCE_ENDS and before.strip(" \t*>"):
                yield line, at


MAX_HEADER_LINE = 100  # an edition header line is short
# the last character of a line ending a sentence, or of its line end ("\r", trailing spaces): any other
# spares the line under it the tests (most lines under a blank line or a wrapped line)
_SENTENCE_CLOSERS = frozenset(_SENTENCE_ENDS | {"\r", " ", "\t"})


def _header_line_cuts(text: str) -> list[int]:
    """Line starts inside a block where an edition header line ("AFGHAN RECOVERY REPORT, No. 260, 14 June
    2007") stands right under a line ending a sentence: two editions pasted together with no blank line
    between the first one's masthead and the next one's header.  The title must be a known newsletter's.

    >>> _header_line_cuts("Reporting.\\nAFGHAN RECOVERY REPORT, No. 260, 14 June 2007\\n")
    [11]
    """
    cuts = set()
    for line, at in _lines_under_sentences(text, ("No.", "NO."), MAX_HEADER_LINE):
        cut = text.find("\n", at)
        header = text[line : cut if cut != -1 else len(text)].strip()
        parsed = parse_edition_header(header) if len(header) <= MAX_HEADER_LINE else None
        # only a known newsletter's: "ORDER No. 7, 1 May 2003" in a body is no edition
        if parsed is not None and newsletter_named(parsed["title"] or "") is not None:
            cuts.add(line)
    return sorted(cuts)


# A footer word standing alone ("Copyright", "ISSN", "Editor-in-Chief") goes on with a year, a colon,
# "(c)", a name or a list; a small word after it, behind at most a few capitalised words or numbers,
# makes the line a sentence ("Copyright laws are ...", "Editor-in-chief Veton Surroi said ...").
_PROSE_AFTER_WORD = LazyPattern(
    r"[^\S\r\n]*(?:\r?\n[^\S\r\n]*)?(?:[\p{Lu}\p{N}][\p{L}\p{N}'’\-]*[ \t]+){0,6}"
    r"(?!(?:for|of|and|the|by|de|on|at|in)\b)\p{Ll}"
)
_FOOTER_LEAD = " \t\r\n*>•-–—"


def _footer_phrase_at(source: str, phrase: str, end: int) -> bool:
    """Whether the footer phrase ending at ``end`` of ``source`` marks footer matter: a phrase of
    several words does ("To subscribe", "The opinions expressed in"); a single word only when no
    sentence goes on from it."""
    word = phrase.strip(_FOOTER_LEAD)
    if " " in word or not word[-1:].isalnum():
        return True
    return not _PROSE_AFTER_WORD.match(source, end)


# Small letters whose capitals are ASCII letters ("ı" -> "I", "ﬂ" -> "FL"): brief headings are compared
# in capitals, the whole-text scan looks for them in small letters, so a text holding one is not scanned.
_CASE_SHIFTERS = "ßıſﬀﬁﬂﬃﬄﬅﬆ"
PLAIN_CREDIT_MAX_CHARS = 120  # a credit without "By" ("Ainagul Abdrakhmanova in Bishkek") is short


class _Scan:
    """Cue positions found by whole-text scans of one text (over its lower-cased view, see
    ``_scan_view``), shared by the text's blocks (``Block.scan``): footer phrases, byline starts and
    the characters and phrases a terminator needs.  Most blocks are body paragraphs; with the scans
    they are never asked one by one whether they end an article or start one."""

    __slots__ = ("text", "view", "starts", "footer_starts", "caps_lines")

    def __init__(self, text: str, view: str) -> None:
        self.text, self.view = text, view
        self.starts: list[int] = []
        self.footer_starts: frozenset[int] | None = None  # until ``index``: blocks are judged one by one
        self.caps_lines: list[int] = []  # offsets of the lines opening with capitals (``_MASTHEAD_LINE``)

    def index(self, blocks: list[Block]) -> None:
        """Take ``blocks`` as the text's final blocks: note their starts and which are footer matter
        (a footer phrase starting their first line, or standing in their first FOOTER_CUE_REACH
        characters)."""
        self.starts = starts = [b.start for b in blocks]
        cues = _cues()
        view = self.view
        found = set()
        text = self.text
        # (index ``i`` of the view is index ``i - 1`` of the text)
        line_starts = (m.start() for m in cues.footer_line_scan.finditer(view)
                       if _footer_phrase_at(text, m.group(), m.end() - 1))
        found.update(starts[i] for i in _blocks_starting_at(starts, line_starts))
        for phrase in cues.footer_anywhere_phrases:
            for at in _find_all(view, phrase):
                if _word_ends(view, at, phrase) and _footer_phrase_at(text, phrase, at - 1 + len(phrase)):
                    i = bisect_right(starts, at - 1) - 1
                    if i >= 0 and at - 1 < min(blocks[i].end, starts[i] + FOOTER_CUE_REACH):
                        found.add(starts[i])
        # a masthead opens its block with a capital and no small letter after it: one scan of the text
        # finds every line that can open one (or a header with no "No.", see ``terminators``); the
        # blocks starting there are tested one by one
        self.caps_lines = masthead_lines = [m.start() + 1 for m in _MASTHEAD_LINE.finditer(text)]
        if _MASTHEAD_LINE.match("\n" + text[:8]):
            masthead_lines.insert(0, 0)
        found.update(starts[i] for i in _blocks_starting_at(starts, masthead_lines)
                     if _is_masthead(text[starts[i] : min(blocks[i].end, starts[i] + MASTHEAD_REACH)]))
        # a masthead in small letters: its verb is rare in a text, so the blocks holding one are tested
        small = set()
        for at in _find_each(text, cues.small_masthead_verbs):
            i = bisect_right(starts, at) - 1
            if i >= 0 and at - starts[i] <= MASTHEAD_REACH:
                small.add(i)
        found.update(starts[i] for i in small if _small_masthead_block(blocks[i]))
        self.footer_starts = frozenset(found)

    def anchor_candidates(self, blocks: list[Block]) -> list[int]:
        """Indices of the blocks that can be bylines (``_is_byline_block``): the first line starts
        with a byline's first word, or the block is short enough for a credit without "By"."""
        starts, text = self.starts, self.text
        found = set()
        for i, block in enumerate(blocks):
            start, end = block.start, block.end
            if end - start <= PLAIN_CREDIT_MAX_CHARS:
                cut = text.find("\n", start, end)
                line = text[start : cut if cut != -1 else end]  # the first line holds the stripped one
                if " in " in line or " from " in line or "IWPR" in line:
                    found.add(i)
        found.update(_blocks_starting_at(starts, (m.start() for m in _byline_word_scan().finditer(self.view))))
        return sorted(found)

    def terminators(self, blocks: list[Block]) -> list[int] | None:
        """Indices of the blocks that end an article (``_terminator_cue``), or None where the scans
        cannot tell.  Each cue is looked for where the scan for what it needs (see ``_may_terminate``)
        found something, so every terminator is found and nothing else."""
        text, view, starts = self.text, self.view, self.starts
        if not text.isascii() and any(c in text for c in _CASE_SHIFTERS):
            return None

        def where(positions: Iterable[int], cue: Callable[[Block], bool]) -> set[int]:
            return {i for i in _blocks_at(blocks, positions, starts) if cue(blocks[i])}

        # cues that start a block's first line: one pattern tried at each block's start
        line_cue = _line_cue_pattern().match
        found = {i for i, start in enumerate(starts) if line_cue(view, start + 1) and _line_cue(blocks[i])}
        found |= where((at for needle in ("|", ">", "»") for at in _find_all(text, needle)), _bar_cue)
        found |= where(_find_each(text, ISSUE_MARKERS),
                       lambda b: _block_header(b) is not None)
        # a header with no issue marker opens a line with a known title in capitals ("TRIBUNAL UPDATE 216:")
        found |= where((at for at in self.caps_lines if numbered_title_start(text[at : at + 160])),
                       lambda b: _block_header(b) is not None)
        found.update(bisect_left(starts, start) for start in self.footer_starts or ())
        return sorted(found)


@lru_cache(maxsize=1)
def _byline_word_scan() -> re.Pattern:
    """Over the view: a line whose first word (up to a space) is a byline's first word ("by", "comment")."""
    words = sorted(_byline_first_words(), key=len, reverse=True)
    return re.compile(rf"\n[^\S\n]*(?:{'|'.join(map(re.escape, words))}):?(?=[ ]|[^\S\n]*(?:\n|\Z))")


@lru_cache(maxsize=1)
def _line_cue_pattern() -> re.Pattern:
    """Over the view, from a line's start: what the terminators that start a block's first line need
    (see ``_line_cue``): a rule's first character, a mail header's name, a brief heading ("news in
    brief", after dashes or stars) or a web chrome phrase ("related", "tags")."""
    cues = _cues()
    mail = sorted((name.lower() for name in (*_MAIL_HEADER_NAMES, "X-", "Message:")), key=len, reverse=True)
    headings = sorted((h.lower() for h in cues.brief_headings), key=len, reverse=True)
    chrome = sorted({p.rstrip(":") for p in (*cues.chrome_start.phrases, *cues.share_services)}, key=len, reverse=True)
    return re.compile(
        rf"[^\S\n]*(?:[*\-=_~#]|{'|'.join(map(re.escape, mail))}|{'|'.join(map(re.escape, chrome))}"
        rf"|[ :*\-]*(?:{'|'.join(map(re.escape, headings))}))"
    )


def _line_cue(block: Block) -> bool:
    return _is_rule(block) or _is_mail_headers(block) or _is_brief_heading(block) or _is_chrome_start(block)


def _is_chrome_start(block: Block) -> bool:
    """Web chrome: a block whose first line is a chrome phrase ("Related", "Tags: ...", "Comments (3)"),
    a share bar or site navigation.  Chrome often comes as one block of lines ("Tags: ..." /
    "Comments (3)" / "Related articles" / links), but a second line going on in small letters shows
    the first was a sentence wrapped."""
    first = block.first
    if len(first) > 80:
        return False
    if not _chrome_line(first) and not _is_nav_line(first):
        return False
    if len(block) == 1:
        return True
    source, start = block.source, block.start
    cut = source.find("\n", start, block.end)
    return not source[cut + 1 : cut + 80].lstrip()[:1].islower()


def _chrome_line(line: str) -> bool:
    cues = _cues()
    if line.lstrip(_BULLETS)[:2].lower() not in cues.chrome_initials:
        return False
    return cues.chrome_start.heads_line(line) or _is_share_line(line)


def _is_share_line(line: str) -> bool:
    """A page's share bar: two or more service names and nothing else ("Twitter Facebook Google+ Email")."""
    words = line.lower().replace("|", " ").split()
    services = _cues().share_services
    return len(words) >= 2 and all(word.strip(",;·•") in services for word in words)


def _is_nav_line(line: str) -> bool:
    """Site navigation: "Print | Email | Share", "Home > Africa > Zimbabwe"."""
    if len(line) > 200:
        return False
    if "|" in line and _NAV_LINE.match(line.strip()):
        return True
    return (">" in line or "»" in line) and bool(_CRUMBS.match(line.strip()))


def _is_source_line(block: Block) -> bool:
    """A repost's credit to where it first appeared ("Source: Institute for War & Peace Reporting")."""
    return len(block) <= 2 and block.chars <= 200 and _cues().source_line.starts(block.first)


def _is_caption(text: str) -> bool:
    # the cheap test first: nearly every paragraph of a long edition is asked
    if len(text) > 400 or not ("hoto" in text or "HOTO" in text or "icture" in text or "ICTURE" in text
                               or "mage" in text or "MAGE" in text or "©" in text or "(c)" in text or "(C)" in text):
        return False
    return bool(_PHOTO.search(text))


def _looks_like_headline(text: str) -> bool:
    if not text or len(text) > MAX_HEADLINE_CHARS or not text[0].isupper() and not text[0].isdigit():
        return False
    if _page_date(text):
        return False  # a page's date line ("15 Jun 10") above the headline
    if text.rstrip().endswith(".") and not is_caps(text):
        return False
    return not _is_note(text)


def _looks_like_standfirst(block: Block) -> bool:
    text = block.joined
    if len(block) > 6 or len(text) > MAX_STANDFIRST_CHARS or _is_note(text) or _page_date(text):
        return False
    if 2 <= len(block) <= 3 and _labelled_date(block):
        return False  # "Comment" / "3 Feb 2014"
    return bool(text) and (text[0].isalpha() or text[0] in "“\"'‘")


# --- records ---------------------------------------------------------------------------------------------


class _Segment:
    """A run of blocks ``first..last`` (inclusive) of one kind, with the fields of its record and the
    edition data an article's own head states (``edition``)."""

    __slots__ = ("kind", "first", "last", "fields", "edition")

    def __init__(self, kind: str, first: int, last: int, fields: dict[str, Any] | None = None,
                 edition: dict[str, Any] | None = None) -> None:
        self.kind, self.first, self.last = kind, first, last
        self.fields = fields if fields is not None else {}
        self.edition = edition


class _Article:
    """Block indices of an article: its byline (``anchor``), first and last block, headline, standfirst
    and captions."""

    __slots__ = ("anchor", "start", "end", "headline", "standfirst", "captions", "credits", "editions", "heads")

    def __init__(self, anchor: int, start: int) -> None:
        self.anchor, self.start, self.end = anchor, start, -1
        self.editions = anchor  # the last block of the edition data under the byline (``_head_editions_end``)
        self.heads: list[int] = []  # edition data right above the byline, in a page head without blank lines
        self.headline: int | None = None
        self.standfirst: int | None = None
        self.captions: list[int] = []
        self.credits: list[int] = []  # "Source: ..." lines between standfirst and byline


def split_text(
    text: str, source: str = "-", *, all_segments: bool = False, doc_id: str | None = None
) -> list[dict[str, Any]]:
    """Cut ``text`` into article records (and, with ``all_segments``, every other part as well).

    Every record's ``text`` is ``text[span[0]:span[1]]``; with ``all_segments`` the spans tile the input.

    >>> recs = split_text("Parties talk.\\n\\nBy Jane Doe in Bishkek\\n\\nBody one.\\n\\nBody two.\\n")
    >>> [(r["standfirst"], r["byline"], r["body"]) for r in recs]
    [('Parties talk.', 'By Jane Doe in Bishkek', 'Body one.\\n\\nBody two.')]
    """
    base = doc_id if doc_id is not None else source
    original = text
    unmasked = _mask_soft_breaks(text)
    quoted_printable = unmasked is not text
    markup_masked = _mask_markup(unmasked)
    text = _mask_quotes(markup_masked)
    view = _scan_view(text)
    scan = _Scan(text, view) if view is not None else None
    cuts = _masthead_line_cuts(text) + _header_line_cuts(text)
    if text is not markup_masked:
        cuts = sorted({*cuts, *_quote_openings(markup_masked)})
    blocks = _text_blocks(text, scan, view, cuts)
    if scan is not None:
        scan.index(blocks)
    segments = _segment(blocks, scan)
    if text is not original or "&" in text and _ENTITY.search(text):
        for segment in segments:
            segment.fields = _decode_fields(segment.fields, quoted_printable)
    _attach_toc_headlines(segments)
    if not segments and text:
        segments = [_Segment("other", 0, -1)]
    records: list[dict[str, Any]] = []
    bounds = _segment_bounds(segments, blocks, len(text))
    editions = _edition_data(segments, blocks)
    # With no article at all, a table of contents (a listing page) is the content: emit it anyway.
    listing_only = not any(s.kind == "article" for s in segments)
    keep = {"article", "toc"} if listing_only else {"article"}
    for index, (segment, (start, end)) in enumerate(zip(segments, bounds)):
        if segment.kind not in keep and not all_segments:
            continue
        if segment.kind == "toc" and listing_only:
            segment.fields["warnings"] = [NO_ARTICLES]
        record: dict[str, Any] = {"id": f"{base}#{index}", "source": source, "kind": segment.kind,
                                  "index": index, "span": [start, end]}
        if segment.kind in ("article", "header"):
            newsletter = dict(editions[index])
            # the article's own edition data (byline reference, edition line under it) fills what is missing
            for own in (parse_edition_ref(segment.fields.get("byline") or ""), segment.edition):
                for key, value in (own or {}).items():
                    if newsletter.get(key) is None:
                        newsletter[key] = value
            record["newsletter"] = newsletter
        record.update(segment.fields)
        record["text"] = original[start:end]
        records.append(record)
    return records


# --- quoted-printable mail archives -----------------------------------------------------------------------

_SOFT_BREAK = LazyPattern(r"(?<=[^=\r\n])=(\r?\n)")
_QP_HEADER = LazyPattern(r"^Content-Transfer-Encoding:[ \t]*quoted-printable", regex.I | regex.M)
_QP_ESCAPES = LazyPattern(r"(?:=[0-9A-F]{2})+")
_SOFT_MARK = "\x00"
MIN_SOFT_BREAKS = 2  # with an "=XX" escape too: editions wrapped under 76 columns break few lines


def _mask_soft_breaks(text: str) -> str:
    """In a quoted-printable mail archive, each soft line break ("quic=" / "kly") becomes as many NUL
    characters as it is long, so that the text keeps its length (spans stay offsets into the input) while
    the two halves form one line; the fields drop the marks again (``_decode_fields``).  Text that is not
    quoted-printable, or already holds a NUL, is returned unchanged (the same object).

    >>> masked = _mask_soft_breaks("Content-Transfer-Encoding: quoted-printable\\n\\nquic=\\nkly")
    >>> masked.endswith("quic\\x00\\x00kly")
    True
    """
    if "=\n" not in text and "=\r\n" not in text or _SOFT_MARK in text:
        return text
    if not _QP_HEADER.search(text, 0, 20000):
        breaks = _SOFT_BREAK.findall(text)
        if len(breaks) < MIN_SOFT_BREAKS or not _QP_ESCAPES.search(text):
            return text
    return _SOFT_BREAK.sub(lambda m: _SOFT_MARK * (len(m[1]) + 1), text)


_MARKUP_HINT = LazyPattern(r"</?(?:p|br|div)\b", regex.I)
# tags that mail archives and scrapes leave in text; a bounded run of anything but brackets inside
_TAG = LazyPattern(
    r"</?(?:p|br|div|span|b|i|u|em|strong|a|font|li|ul|ol|h[1-6]|blockquote|img|table|tr|td|th|center)"
    r"\b[^<>\n]{0,300}>",
    regex.I,
)
_ENTITY = LazyPattern(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def _mask_markup(text: str) -> str:
    """HTML tags left in a scraped or archived text ("<p>", "<br />") become spaces of the same length,
    so that paragraphs and lines are seen as a reader sees them and spans stay offsets into the input.
    Text without paragraph or break tags is returned unchanged.

    >>> _mask_markup("<p>One.</p>")
    '   One.    '
    """
    if "<" not in text or not _MARKUP_HINT.search(text):
        return text
    return _TAG.sub(lambda m: " " * len(m[0]), text)


# A reply's quote marks at the start of a line: ">", ">>", "> >", maybe after a little indentation.
# Each repetition must take a ">", so the engine never has two ways to read the same spaces.
_QUOTE_PREFIX = LazyPattern(r"^[ \t]{0,3}>(?:[ \t]?>)*[ \t]?", regex.M)
MIN_QUOTED_LINES = 5  # a reply quoting an edition quotes dozens of lines; one ">" line is text


def _mask_quotes(text: str) -> str:
    """An edition quoted in a reply ("> " on every line): each quote prefix becomes spaces of the same
    length, so that a line of only ">" is blank and the quoted lines read as the edition did, while
    spans stay offsets into the input.  Text with fewer quoted lines is returned unchanged.

    >>> _mask_quotes("> a\\n>\\n> b\\n>> c\\n> d\\n").split("\\n")
    ['  a', ' ', '  b', '   c', '  d', '']
    """
    quoted = text.count("\n>") + (text[:1] == ">")
    if quoted < MIN_QUOTED_LINES:
        return text
    return _QUOTE_PREFIX.sub(lambda m: " " * len(m[0]), text)


def _decode_qp_bytes(match: regex.Match) -> str:
    raw = bytes.fromhex(match[0].replace("=", ""))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _decode_fields(fields: Any, quoted_printable: bool) -> Any:
    """A record's fields from a quoted-printable text (soft-break marks dropped, "=20", "=E2=80=99"
    decoded) or one with HTML entities ("&amp;", "&#8220;"); spaces the decoding doubled made single."""
    if isinstance(fields, str):
        out = fields
        if quoted_printable:
            out = _QP_ESCAPES.sub(_decode_qp_bytes, out.replace(_SOFT_MARK, ""))
        if "&" in out:
            import html  # only for texts with entities: its entity table is a cost at startup

            out = _ENTITY.sub(lambda m: html.unescape(m[0]), out)
        # a paragraph of nothing but "=20" or "&nbsp;" decodes to nothing: it is dropped, not left empty
        return "\n\n".join(text for paragraph in out.split("\n\n") if (text := " ".join(paragraph.split())))
    if isinstance(fields, list):
        return [_decode_fields(v, quoted_printable) for v in fields]
    if isinstance(fields, dict):
        return {k: _decode_fields(v, quoted_printable) for k, v in fields.items()}
    return fields


def _segment_bounds(segments: list[_Segment], blocks: list[Block], length: int) -> list[tuple[int, int]]:
    starts = [0] + [_line_start(blocks[s.first]) for s in segments[1:]]
    ends = starts[1:] + [length]
    return list(zip(starts, ends))


def _line_start(block: Block) -> int:
    return block.start


def split_record(record: dict[str, Any], *, all_segments: bool = False) -> Iterator[dict[str, Any]]:
    """Split a ``document`` record's text; records of other kinds pass through unchanged.

    Fields of the document that split does not set (``email``, ``fixes``...) are copied to every record.

    >>> doc = {"id": "a.txt", "source": "a.txt", "kind": "document", "text": "Talks.\\n\\nBy Jo Doe\\n\\nBody.", "x": 1}
    >>> [(r["id"], r["x"]) for r in split_record(doc)]
    [('a.txt#0', 1)]
    """
    if record.get("kind", "document") != "document":
        yield record
        return
    text = require(record, "text")
    source = record.get("source", record.get("id", "-"))
    extra = {k: v for k, v in record.items() if k not in ("id", "source", "kind", "text")}
    for out in split_text(text, source, all_segments=all_segments, doc_id=record.get("id")):
        yield {**extra, **out}


# --- segmentation ------------------------------------------------------------------------------------


def _segment(blocks: list[Block], scan: _Scan | None = None) -> list[_Segment]:
    if not blocks:
        return []  # empty or blank input: no records (with --all, the blank text as one "other" record)
    articles = _find_articles(blocks, scan)
    if not articles:
        listing = _classify_gap(blocks, 0, len(blocks) - 1)
        if _is_listing(listing):
            return listing  # a listing page or a table of contents with no article bodies
        return _fallback_segments(blocks)
    segments: list[_Segment] = []
    cursor = 0
    for article in articles:
        if article.start > cursor:
            segments.extend(_classify_gap(blocks, cursor, article.start - 1))
        segments.append(_Segment("article", article.start, article.end, _article_fields(blocks, article),
                                 _own_edition(blocks, article)))
        cursor = article.end + 1
    if cursor < len(blocks):
        segments.extend(_classify_gap(blocks, cursor, len(blocks) - 1))
    return _closing_matter(_unsigned_pieces(blocks, segments))


def _closing_matter(segments: list[_Segment]) -> list[_Segment]:
    """What follows an edition's last article between rules is its closing matter, not a promo: a
    masthead, funding line or subscription note ("BELARUS REPORTING SERVICE is published by ...",
    "IWPR's Afghan Recovery Report is supported by ...") is the footer.  A promo is a link or advert
    block between articles; the edition ends at the end of the text or at the next edition's header."""
    # per segment: whether an article of the same edition comes before it
    before: list[bool] = []
    seen = False
    for segment in segments:
        seen = False if segment.kind == "header" else seen or segment.kind == "article"
        before.append(seen)
    follows = False  # an article of the same edition comes after it
    for n in range(len(segments) - 1, -1, -1):
        segment = segments[n]
        if segment.kind == "header":
            follows = False
        elif segment.kind == "article":
            follows = True
        elif segment.kind == "promo" and before[n] and not follows:
            segment.kind = "footer"
    merged: list[_Segment] = []
    for segment in segments:
        if merged and segment.kind == "footer" and merged[-1].kind == "footer":
            merged[-1].last = segment.last  # the closing promo and the masthead after it: one footer
        else:
            merged.append(segment)
    return merged


def _is_listing(segments: list[_Segment]) -> bool:
    """Text with no article is a listing when its contents entries are a list: two or more credited
    entries, one complete entry (headline, standfirst, byline), or a bare list of headlines.  One
    credit-shaped line in prose ("... By May the") is not."""
    entries = [e for s in segments if s.kind == "toc" for e in s.fields.get("entries", [])]
    credited = [e for e in entries if e.get("byline")]
    if len(credited) >= 2:
        return True
    if len(credited) == 1:
        return all(credited[0].get(k) for k in ("headline", "standfirst"))
    # a bare list of headlines ("1. MACEDONIA: ...", "2. KOSOVO: ...")
    return len(entries) >= 2 and all(e.get("headline") and not e.get("standfirst") for e in entries)


def _find_articles(blocks: list[Block], scan: _Scan | None = None) -> list[_Article]:
    if scan is None or scan.footer_starts is None:
        anchors = [i for i, b in enumerate(blocks) if _is_byline_block(b)]
        terminators = None
    else:
        anchors = [i for i in scan.anchor_candidates(blocks) if _is_byline_block(blocks[i])]
        terminators = scan.terminators(blocks)
    articles: list[_Article] = []
    for n, anchor in enumerate(anchors):
        floor = articles[-1].end + 1 if articles else 0
        if anchor < floor:
            continue
        article = _preamble(blocks, anchor, floor)
        limit = anchors[n + 1] if n + 1 < len(anchors) else len(blocks)
        head = article.editions = _head_editions_end(blocks, anchor, limit)
        end = _content_end(blocks, head, limit, terminators)
        if end is None:
            continue  # nothing but another entry follows: a table-of-contents credit
        # The next anchor's preamble is not this article's body.
        if n + 1 < len(anchors) and end == limit - 1:
            end = _next_start(blocks, anchors[n + 1], head + 1) - 1
            if end <= head:
                continue
        article.end = end
        articles.append(article)
    return articles


def _gap_parts(blocks: list[Block], i: int, anchor: int, floor: int) -> bool:
    """Whether the widest gap lies between block ``i`` and the byline after it: editions set articles
    apart with more blank lines than paragraphs, so a paragraph before such a gap, right after other
    paragraphs, ends the previous article (whose standfirst was lost) rather than opening this one."""
    gap = blocks[anchor].gap_before if i == anchor - 1 else 0
    if gap < 2 or i <= floor or blocks[i].gap_before >= gap:
        return False
    before = blocks[i - 1]
    # the block before is a paragraph of that article (a headline over a standfirst is short)
    return (before.gap_before < gap and before.chars > 100 and ends_sentence(before.joined)
            and not _is_rule(before) and not _is_terminator(before))


def _next_start(blocks: list[Block], anchor: int, floor: int) -> int:
    """Where the article of the next byline starts (its preamble's first block); asked twice per
    article with the same arguments, so remembered on the byline's block."""
    store = blocks[anchor].__dict__
    key = f"_next_start_{floor}"
    if key not in store:
        store[key] = _preamble(blocks, anchor, floor).start
    return store[key]


def _preamble(blocks: list[Block], anchor: int, floor: int) -> _Article:
    article = _Article(anchor=anchor, start=anchor)
    i = anchor - 1
    # Captions and a repost's source line may sit between the standfirst and the byline.
    while i >= floor:
        if _is_caption(blocks[i].joined):
            article.captions.insert(0, i)
        elif _is_source_line(blocks[i]):
            article.credits.insert(0, i)
        elif blocks[i + 1].gap_before == 0 and _edition_label(blocks[i]):
            article.heads.insert(0, i)  # "Belarus Reporting Service" / "BRS Issue 45," / "14 Sep 12"
        elif 2 <= len(blocks[i]) <= 3 and _labelled_date(blocks[i]):
            article.heads.insert(0, i)  # "Syria Stories" / "15 Jan 2015" over the byline
        elif _page_tools(blocks[i]):
            article.heads.insert(0, i)  # "Print | E-mail" between the standfirst and the byline
        else:
            break
        i -= 1
    if i >= floor and not _is_rule(blocks[i]) and not _is_terminator(blocks[i]):
        text = blocks[i].joined
        if len(text) <= MAX_HEADLINE_CHARS and is_caps(text) and _looks_like_headline(text) and not _is_contents_heading(text):
            article.headline = i
        elif (_looks_like_standfirst(blocks[i]) and not _is_byline_block(blocks[i])
              and not _gap_parts(blocks, i, anchor, floor)):
            article.standfirst = i
            j = i - 1 if _caps_first_line(blocks[i])[0] is None else floor - 1  # headline on its first line
            if j >= floor and normalize_for_match(blocks[j].joined) == normalize_for_match(text):
                j -= 1  # a standfirst printed twice
            while j >= floor and _is_caption(blocks[j].joined):
                article.captions.insert(0, j)
                j -= 1
            if j >= floor and not _is_rule(blocks[j]) and not _is_terminator(blocks[j]) and len(blocks[j]) <= 3:
                candidate = blocks[j].joined
                if (_looks_like_headline(candidate) and not _looks_like_toc_entry(blocks[j])
                        and not _page_date_block(blocks[j])):
                    article.headline = j
    if article.headline is None and article.standfirst is not None and _title_line(blocks[article.standfirst]):
        article.headline, article.standfirst = article.standfirst, None  # a page's headline, no standfirst
    if article.headline is not None:
        j = article.headline - 1
        if j >= floor and normalize_for_match(blocks[j].joined) == normalize_for_match(blocks[article.headline].joined):
            article.headline = j  # a headline printed twice: keep both in the span
        j = article.headline - 1
        if j >= floor and len(blocks[j]) <= 3 and blocks[j].chars <= 120 and _page_date_block(blocks[j]):
            article.heads.insert(0, j)  # the page's date over its headline ("Thursday, 8 March 2012")
            j -= 1
            label = blocks[j].first.strip() if j >= floor and len(blocks[j]) == 1 else ""
            if label and _head_label(label) and not _is_nav_line(label) and not _site_head(blocks[j]):
                article.heads.insert(0, j)  # its label a blank line above it ("Syria Stories" / "21 Nov 2013")
    starts = [article.anchor]
    if article.standfirst is not None:
        starts.append(article.standfirst)
    if article.headline is not None:
        starts.append(article.headline)
    starts.extend(article.captions)
    starts.extend(article.credits)
    starts.extend(article.heads)
    article.start = min(starts)
    return article


@_per_block
def _block_header(block: Block) -> dict[str, Any] | None:
    """The edition header a block states: on its first line, or over two of its first lines
    ("BALKAN CRISIS REPORT" / "No. 50, 21 June 1999", below an "Institute for War & Peace Reporting" line),
    or on a later line of a short page head ("Reporting Central Asia" / "RCA No. 412, 03-Nov-05" /
    "Print | E-mail this article")."""
    first = block.first
    # every header has its "No." (or "Issue", "#"); most blocks are spared the pattern
    parsed = parse_edition_header(first) if _has_issue_marker(first) else None
    if parsed is not None and _edition_title(parsed):
        return _dated(parsed, block, 1)
    # or it is printed over two lines, the second starting with "No."
    if not 2 <= len(block) <= 4 or not _LATER_LINE_NO.search(block.source, block.start, block.end):
        return None
    lines = [line.content.strip() for line in block.lines]
    labels = True  # the lines so far are a page head's short labels (the newsletter's name), not prose
    for k in range(len(lines) - 1):
        if _NUMBER_LINE.match(lines[k + 1]):
            parsed = parse_edition_header(f"{lines[k]} {lines[k + 1]}")
            if parsed is not None and _edition_title(parsed):
                return _dated(parsed, block, k + 2)
        labels = labels and _head_label(lines[k])
        if labels and (parsed := parse_edition_header(lines[k + 1])) is not None and _edition_title(parsed):
            return _dated(parsed, block, k + 2)
    return None


def _has_issue_marker(line: str) -> bool:
    """What a line must hold to be an edition header: an issue marker, or a known title with a number
    ("TRIBUNAL UPDATE 216: ...", see ``numbered_title_start``)."""
    return "N" in line or "Issue" in line or "ISSUE" in line or "#" in line or numbered_title_start(line)


def _edition_title(parsed: dict[str, Any]) -> bool:
    """Whether a header's title can be a newsletter's: a known one, or an unknown one of two words or
    more ("WEEKLY BULLETIN"); one unknown word over a number is a document the story quotes ("DECREE
    No. 114" / "12 June 2009", "ORDER No. 7, 1 May 2003").

    >>> _edition_title({"title": "Decree"}), _edition_title({"title": "Reporting Central Asia"})
    (False, True)
    """
    title = parsed["title"] or ""
    return " " in title.strip() or newsletter_named(title) is not None


def _dated(parsed: dict[str, Any], block: Block, k: int) -> dict[str, Any]:
    """An edition line without its date takes it from the block's next line ("Africa Reports Issue
    255," / "21 Jan 10", as the pages of 2008-15 print it)."""
    if parsed["date"] is None and k < len(block) and (day := date_line(block.lines[k].content)):
        return {**parsed, "date": day}
    return parsed


def _head_label(line: str) -> bool:
    """A page head's label: a name in title case or a bar of links, short and no sentence."""
    return (len(line) <= HEAD_LABEL_CHARS and not ends_sentence(line) and not _WRAPPED_ON.search(line)
            and ("|" in line or _title_like(line)))


HEAD_LABEL_CHARS = 60  # a label in a page head: a newsletter's name, "Print | E-mail this article"
# a later line of a block holding "No": an edition header printed over two lines, or under a page label
_LATER_LINE_NO = LazyPattern(r"[\n\r][^\n\r]{0,80}?(?:N[oOuU]|I[sS][sS]|#)", engine="re")


def _edition_label(block: Block) -> dict[str, Any] | None:
    """Edition data in a page head: what ``_head_edition`` reads, or the newsletter's name alone."""
    if len(block) == 1 and (title := newsletter_named(block.first)):
        return {"title": title}
    return _head_edition(block)


def _head_edition(block: Block) -> dict[str, Any] | None:
    """The edition data a block right under a page's byline states: an edition line ("CRS No. 420,
    10-Oct-07", "Caucasus Reporting Service No. 420, 10-Oct-07"), the byline's reference printed on its
    own line ("(CRS No. 420, 10-Oct-07)") or the page's date line ("14 Nov 13"); None for anything else."""
    if len(block) > 4 or block.chars > 120:
        return None
    header = _block_header(block)
    if header is not None:
        return header
    text = block.joined
    span = edition_ref_span(text)
    if span and not text[: span[0]].strip() and not text[span[1] :].strip():
        return parse_edition_ref(text)
    if len(block) == 1:
        day = _page_date(text) if text[:1].isalnum() else None
        return {"title": None, "issue": None, "date": day} if day else None
    return _labelled_date(block)


_DIGIT = LazyPattern(r"\d", engine="re")
# "Published: 8 March 2012", "8 Mar 2012 12:34", "Posted on 8 March 2012 - 12:34 GMT"
_DATE_TIME_TAIL = LazyPattern(r"[ \t,\-–|]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|BST|CET))?$")


def _page_date(text: str) -> str | None:
    """The date of a page's date line, as ``date_line`` reads it, also under a label ("Published:
    8 March 2012") or with the time after it ("8 Mar 2012 12:34").

    >>> _page_date("Published: 8 March 2012"), _page_date("8 Mar 2012 12:34"), _page_date("8 March 2012 people")
    ('2012-03-08', '2012-03-08', None)
    """
    if len(text) > 80 or not _DIGIT.search(text):
        return None  # (most lines asked are headlines and standfirsts: no digit, no date)
    day = date_line(text)
    if day:
        return day
    label, colon, rest = text.partition(":")
    if colon and label.strip().lower() in _page_date_labels():
        text = rest.strip()
    elif (words := text.split(None, 2))[:2] and " ".join(words[:2]).lower() in _page_date_labels() and len(words) == 3:
        text = words[2]  # "Posted on 8 March 2012"
    if text[-1:].isdigit() or text.endswith(("M", "m", "T", "C")):
        text = _DATE_TIME_TAIL.sub("", text)
    return date_line(text) if text else None


@lru_cache(maxsize=1)
def _page_date_labels() -> frozenset[str]:
    return frozenset(w.lower() for w in load_json("split_cues.json")["page_date_labels"])


def _page_date_block(block: Block) -> bool:
    """A page's date line, alone or under its label."""
    if len(block) == 1:
        return block.first[:1].isalnum() and _page_date(block.first) is not None
    return _labelled_date(block) is not None


MAX_LABELLED_DATE_CHARS = 160  # up to three short lines


def _labelled_date(block: Block) -> dict[str, Any] | None:
    """A page's label over its date line ("Syria Reporting" / "15 Jan 2015", "Syria Stories" / "Comment"
    / "15 Jan 2015"): the date, and the newsletter when the label names one."""
    if len(block) > 3 or block.chars > MAX_LABELLED_DATE_CHARS:
        return None
    lines = [line.content.strip() for line in block.lines]
    if not lines[-1][:1].isalnum() or not (day := _page_date(lines[-1])):
        return None
    if not all(_head_label(line) for line in lines[:-1]):
        return None
    titles = [title for line in lines[:-1] if (title := newsletter_named(line))]
    return {"title": titles[0] if titles else None, "issue": None, "date": day}


MAX_HEAD_EDITION_BLOCKS = 2  # a date line, then the newsletter's edition line


def _head_editions_end(blocks: list[Block], anchor: int, limit: int) -> int:
    """The last block of the edition data under the byline ``anchor`` (the byline itself when there is
    none): data of the article, not a new edition, and not its body.  A page's tool bar ("Print |
    E-mail | Share") printed there, over the body, is passed over too: it is the head's chrome, not
    the end of an article that has not begun."""
    last = anchor
    editions = 0
    while last + 1 < limit:
        block = blocks[last + 1]
        if editions < MAX_HEAD_EDITION_BLOCKS and _head_edition(block):
            editions += 1
        elif not (last + 2 < limit and _page_tools(block)):
            break
        last += 1
    return last


MAX_PAGE_TOOLS_CHARS = 120
MAX_PAGE_TOOLS_LINES = 8  # a bar copied from a 2012-15 page stands one service to a line


def _page_tools(block: Block) -> bool:
    """A page's tool bar: lines of nothing but share services and their few link words ("Print |
    E-mail | Share", "Share this:" / "Facebook Twitter Email", "E-mail this article", or "Share" /
    "Tweet" / "Email" / "Print" one to a line)."""
    if (block.chars > MAX_PAGE_TOOLS_CHARS or not _page_tools_line(block.first)
            or len(block) > MAX_PAGE_TOOLS_LINES):
        return False  # (the first line alone turns nearly every block away)
    return len(block) == 1 or all(_page_tools_line(line.content) for line in block.lines)


def _page_tools_line(line: str) -> bool:
    if len(line) > MAX_PAGE_TOOLS_CHARS:
        return False
    words = _page_tool_words()
    first = line.split(None, 1)[0].lower() if line.strip() else ""
    if first.strip(",;:·•|/") not in words:
        return False
    items = line.lower().replace("|", " ").replace("/", " ").split()
    return bool(items) and all(item.strip(",;:·•") in words for item in items)


@lru_cache(maxsize=1)
def _page_tool_words() -> frozenset[str]:
    data = load_json("split_cues.json")["page_tool_words"]
    return _cues().share_services | frozenset(w.lower() for w in data)


def _may_terminate(block: Block) -> bool:
    """What a block must hold for any terminator cue to fire (``_terminator_cue``): the first character
    of a rule; a bar or arrow on the first line (site title, navigation, breadcrumbs); a colon after a
    mail header's initial; an edition header's "No" on the first line or starting a later one (in a
    block of four lines at most); a short line on its own (brief heading, web chrome phrase); a footer
    cue.  Plain string tests first: nearly every body paragraph fails them all at once."""
    first = block.first
    if first[:1] in _RULE_STARTS or "|" in first or ">" in first or "»" in first:
        return True
    if ":" in first and first[:1] in _MAIL_HEADER_INITIALS or _has_issue_marker(first):
        return True
    source, start, end = block.source, block.start, block.end
    single = source.find("\n", start, end) == -1 and source.find("\r", start, end) == -1
    if len(first) <= 80 and (single and len(first) <= 30 or first.rstrip(":").lower()[:2] in _cues().chrome_initials):
        return True
    if not single and _LATER_LINE_NO.search(source, start, end) and len(block) <= 4:
        return True
    return _is_footer_block(block)


@_per_block
def _is_terminator(block: Block) -> bool:
    """A block that ends the article before it: a rule, an edition header, footer matter, mail headers,
    a "NEWS IN BRIEF" heading, web chrome or a site title."""
    return _may_terminate(block) and _terminator_cue(block)


def _terminator_cue(block: Block) -> bool:
    return (
        _is_rule(block)
        or _block_header(block) is not None
        or _is_footer_block(block)
        or _is_mail_headers(block)
        or _is_brief_heading(block)
        or _bar_cue(block)
    )


def _bar_cue(block: Block) -> bool:
    """Web chrome ("Related", "Home | News", "Home > Africa") or a site title ("IWPR | ...")."""
    first = block.first
    return _is_chrome_start(block) or "|" in first and bool(_SITE_TITLE.match(first))


MAX_ENTRY_LINES = 6  # a contents entry (headline, standfirst, credit) wraps over a few lines; body paragraphs are not asked


def _content_end(blocks: list[Block], anchor: int, limit: int, candidates: list[int] | None = None) -> int | None:
    """Last block of the article whose byline (or the edition data under it) is ``anchor``; None when
    no body follows it.
    ``candidates``: sorted indices of the only blocks that can be terminators, if known."""
    end = limit - 1
    if candidates is None:
        for i in range(anchor + 1, limit):
            if _is_terminator(blocks[i]):
                end = i - 1
                break
    else:
        k = bisect_right(candidates, anchor)
        while k < len(candidates) and candidates[k] < limit:
            if _is_terminator(blocks[candidates[k]]):
                end = candidates[k] - 1
                break
            k += 1
    body_blocks = end - anchor
    if body_blocks == 0:
        return None
    if all(len(blocks[i]) <= MAX_ENTRY_LINES and _looks_like_toc_entry(blocks[i]) for i in range(anchor + 1, end + 1)):
        return None  # a contents credit that lost its headline and standfirst, over the next entries
    if end == limit - 1 and limit < len(blocks):
        # Everything up to the next byline: check it is not just the next entry's headline/standfirst.
        if _next_start(blocks, limit, anchor + 1) <= anchor + 1:
            return None
    return end


@_per_block
def _looks_like_toc_entry(block: Block) -> bool:
    source, start, end = block.source, block.start, block.end
    # a credit holds a "by" in some case (``_last_by``), and joining lines never makes one
    if all(source.find(by, start, end) == -1 for by in ("by", "By", "BY", "bY")):
        return False
    text = block.joined
    by = _last_by(text)
    return by is not None and byline_text_ok(text[by:])


def _last_by(text: str) -> int | None:
    """Where the last credit in ``text`` starts ("... combination.  By Ainagul ..."), None if none.
    Every credit holds a "by" in some case: texts without one are spared the pattern."""
    if "by" not in text and "By" not in text and "BY" not in text and "bY" not in text:
        return None
    last = None
    caps = None
    for m in _cues().inline_by.finditer(text):
        if m.start() and m.group() == "BY":
            # "KOSOVO: SERB VILLAGE HIT BY MORTAR FIRE": inside a line in capitals, "BY" belongs to a headline
            caps = is_caps(text) if caps is None else caps
            if caps or _caps_headline_by(text, m.end()):
                continue
        last = m.start()
    return last


def _caps_headline_by(text: str, end: int) -> bool:
    """An upper-case "BY" at ``end`` followed by a word in capitals, in a line that goes on in small
    letters: the headline's "SHAKEN BY ARRESTS -- Karine Ter-Sahakian in Yerevan", not a credit in
    capitals ("BY YLBER HYSA IN PRISTINA") nor "BY Ylber Hysa"."""
    rest = text[end:]
    words = rest.split(None, 1)
    return bool(words) and len(words[0]) > 1 and words[0].isupper() and not is_caps(rest)


# --- article fields ------------------------------------------------------------------------------------


def _own_edition(blocks: list[Block], article: _Article) -> dict[str, Any] | None:
    """What the edition data under an article's byline states (a later block fills what an earlier
    left unsaid: the date line, then the edition line)."""
    day = _byline_date(blocks[article.anchor])
    if article.editions == article.anchor and day is None and not article.heads:
        return None
    edition: dict[str, Any] = {"date": day}
    for i in (*article.heads, *range(article.anchor + 1, article.editions + 1)):
        for key, value in (_edition_label(blocks[i]) or {}).items():
            if value is not None and edition.get(key) is None:
                edition[key] = value
    return edition


def _byline_date(block: Block) -> str | None:
    """The page's date printed on the byline's last line ("By Abdulhamid Ahmad" / "14 Nov 13")."""
    if len(block) < 2:
        return None
    return _page_date(block.lines[-1].content)


def _byline_text(block: Block) -> str:
    """The byline as printed, without the page's date line under it (that is edition data)."""
    if _byline_date(block) is None:
        return block.joined
    return join_wrapped([line.content for line in block.lines[:-1]])


def _article_fields(blocks: list[Block], article: _Article) -> dict[str, Any]:
    body = blocks[article.editions + 1 : article.end + 1]
    captions = [blocks[i].joined for i in article.captions]
    texts = _plain_paragraphs(body)
    if texts is None:
        texts = [_group_text(group) for group in _paragraph_groups(body)]
    paragraphs: list[str] = []
    for text in texts:
        if len(text) < 300 and _is_caption(text):
            captions.append(text)
        else:
            paragraphs.append(text)
    while paragraphs and _END_MARKER.match(paragraphs[-1]):
        paragraphs.pop()  # "(ENDS)" closes the article: neither body nor notes (it stays in ``text``)
    byline = _byline_text(blocks[article.anchor])
    notes_from = _notes_start(paragraphs, byline)
    notes = [blocks[i].joined for i in article.credits] + paragraphs[notes_from:]
    headline = blocks[article.headline].joined if article.headline is not None else None
    standfirst = blocks[article.standfirst].joined if article.standfirst is not None else None
    if headline is None and standfirst is not None:
        headline, standfirst = _caps_first_line(blocks[article.standfirst])
    return {
        "headline": headline,
        "standfirst": standfirst,
        "byline": byline,
        "body": "\n\n".join(paragraphs[:notes_from]) or None,
        "notes": "\n\n".join(notes) or None,
        "captions": captions,
    }


def _plain_paragraphs(body: list[Block]) -> list[str] | None:
    """The paragraph texts of a body set as plainly as most are (blank lines between paragraphs, single
    spaces, maybe one space ending a line, no lone CR), taken from the whole span at once; None
    otherwise: the blocks are then grouped one by one (``_paragraph_groups``), which gives the same
    texts for a plain body.  Sparing every block this way matters in a long edition."""
    if not body:
        return []
    span = body[0].source[body[0].start : body[-1].end]
    if "\r" in span:
        span = span.replace("\r\n", "\n")  # CRLF reads as LF; a lone CR is left to fail the test below
    if " \n" in span:
        span = span.replace(" \n", "\n")
    if "  " in span or " \n" in span or "\n " in span or "\r" in span or span[:1].isspace():
        return None
    if "\n&" in span and ("&nbsp;" in span or "&#160;" in span):
        return None  # a line of "&nbsp;" is blank to the blocks, not to a split on empty lines
    # (other blank-line characters, no-break or zero-width spaces, fail the printable test below)
    pieces = _PARAGRAPH_BREAK.split(span)
    if len(pieces) != len(body):  # a block cut without a blank line (``_separate_bylines``)
        return None
    # a line ending in a hyphen joins the next as ``Block.joined`` does
    joined = [join_wrapped(piece.split("\n")) if "-\n" in piece else piece.replace("\n", " ") for piece in pieces]
    # any other space or control character (tab, CR, no-break space...) is not printable
    if not all(text.isprintable() for text in joined):
        return None
    if not span.isascii() and _SPACES_LINE.search(span):
        return None  # a line of no-break spaces, dropped by the joining, is blank to the blocks
    if any(text[:1].islower() for text in joined[1:]) or len(pieces) >= 4 and _double_spaced_pieces(pieces):
        # a paragraph that may carry on the one before, or a double-spaced page: the grouping rules
        # ask each block, and the pieces can answer for them
        gaps = [body[0].gap_before, *(len(m.group()) - 1 for m in _PARAGRAPH_BREAK.finditer(span))]
        items = [_Piece(text, piece.split("\n", 1)[0].strip(), gap, piece.count("\n") + 1)
                 for text, piece, gap in zip(joined, pieces, gaps)]
        return [_group_text(group) for group in _paragraph_groups(items)]
    return joined


def _double_spaced_pieces(pieces: list[str]) -> bool:
    """``_double_spaced`` of plain pieces (a one-line piece is its own joined text)."""
    single = [piece for piece in pieces if "\n" not in piece]
    return (len(single) >= DOUBLE_SPACED_SINGLE_SHARE * len(pieces) and _mostly_unfinished(single)
            and _wrapped_across_gaps([piece if "\n" not in piece else None for piece in pieces]))


class _Piece:
    """A plainly set block of a body's span, standing in for its ``Block`` where paragraphs are grouped:
    the same ``joined``, ``first``, ``gap_before`` and number of lines."""

    __slots__ = ("joined", "first", "gap_before", "lines")

    def __init__(self, joined: str, first: str, gap_before: int, lines: int) -> None:
        self.joined, self.first, self.gap_before, self.lines = joined, first, gap_before, lines

    def __len__(self) -> int:
        return self.lines


_PARAGRAPH_BREAK = LazyPattern(r"\n\n+", engine="re")
_SPACES_LINE = LazyPattern(r"\n[^\S\n]+(?:\n|\Z)", engine="re")


def _caps_first_line(block: Block) -> tuple[str | None, str]:
    """A headline in capitals on the first line of the standfirst's block ("KOSOVO: THE LONG ROAD HOME" /
    "Refugees stream back..."), split off it; otherwise no headline and the block as it is."""
    lines = block.lines
    if len(lines) >= 2:
        first = lines[0].content.strip()
        rest = join_wrapped([line.content for line in lines[1:]])
        if is_caps(first) and len(first) <= MAX_HEADLINE_CHARS and not is_caps(rest):
            return " ".join(first.split()), rest
    return None, block.joined


def _double_spaced(blocks: list[Block]) -> bool:
    """A scrape that put a blank line after every line: nearly all blocks are single lines, and many
    of those stop mid-sentence."""
    if len(blocks) < 4:
        return False
    multi = 0
    for block in blocks:
        if len(block) > 1:
            multi += 1
            if len(blocks) - multi < DOUBLE_SPACED_SINGLE_SHARE * len(blocks):
                return False  # too many blocks of several lines already
    # a one-line block's joined text ends as its line does (and is needed for the body anyway)
    singles = [b.joined if len(b) == 1 else None for b in blocks]
    return _mostly_unfinished([line for line in singles if line is not None]) and _wrapped_across_gaps(singles)


DOUBLE_SPACED_SINGLE_SHARE = 0.8  # a double-spaced scrape: at least this share of blocks are one line,
DOUBLE_SPACED_UNFINISHED_SHARE = 0.3  # and at least this share of those stop mid-sentence,
DOUBLE_SPACED_CONTINUED_SHARE = 0.25  # and of the lines stopping mid-sentence, this share go on in lower case


def _mostly_unfinished(lines: list[str]) -> bool:
    return sum(1 for line in lines if not ends_sentence(line)) >= DOUBLE_SPACED_UNFINISHED_SHARE * len(lines)


def _wrapped_across_gaps(lines: list[str | None]) -> bool:
    """Evidence of hard wrapping in a text of one-line blocks (``lines``: each block's line, None for a
    block of several): lines that stop mid-sentence and are carried on, across the blank line, by one
    in small letters.  A wrapped sentence goes on in a small letter most of the time; a page printing
    each paragraph on one line has short lines too (sub-headings, captions, a bio without its full
    stop), but nothing carries them on in small letters.  Captions and datelines are not asked."""
    unfinished = continued = 0
    for k, line in enumerate(lines):
        if line is None or _ends_sentence_before_markup(line) or _stands_alone(line):
            continue
        unfinished += 1
        following = lines[k + 1] if k + 1 < len(lines) else None
        if following is not None and following[:1].islower():
            continued += 1
    return continued > 0 and continued >= DOUBLE_SPACED_CONTINUED_SHARE * unfinished


def _paragraph_groups(blocks: list[Block]) -> list[list[Block]]:
    """Blocks grouped into the paragraphs a reader sees: one block each, except in a double-spaced
    scrape, where lines are joined across single blank lines (two in a triple-spaced one) until a
    sentence ends (a wider gap, left by a lost line or between paragraphs, ends the paragraph unless the
    next line carries on in lower case)."""
    if not _double_spaced(blocks):
        groups = []
        for block in blocks:
            # A line break doubled by accident: the sentence carries on in lower case.
            if (groups and block.gap_before == 1 and block.joined[:1].islower() and block.first[:1].islower()
                    and not ends_sentence(groups[-1][-1].joined)):
                groups[-1].append(block)
            else:
                groups.append([block])
        return groups
    groups = []
    alone = False  # the previous block stands alone
    short = _short_line_chars(blocks)
    # the blank lines between two lines of a paragraph: one in a double-spaced scrape, two in a
    # triple-spaced one; more than that ends the paragraph
    line_gap = max(1, min((b.gap_before for b in blocks[1:]), default=1))
    for n, block in enumerate(blocks):
        was_alone, alone = alone, _stands_alone(block.joined) or _heading_line(block, blocks, n, short)
        starts_new = (
            not groups
            or alone
            or was_alone
            or len(block) > 1
            or len(groups[-1][-1]) > 1
            or (block.gap_before > line_gap and not block.first[:1].islower())
            or _ends_sentence_before_markup(groups[-1][-1].joined)
        )
        if starts_new:
            groups.append([block])
        else:
            groups[-1].append(block)
    return groups


HEADING_WIDTH_SHARE = 0.6  # a line of a double-spaced scrape this much shorter than the wrap width is not wrapped
WRAP_WIDTH_QUANTILE = 0.9  # the wrap width: the length most lines stay within (a stray long line aside)


def _short_line_chars(blocks: list[Block]) -> int:
    """Below this length a line of a double-spaced scrape was not filled up to the wrap width."""
    lengths = sorted(len(b.joined) for b in blocks if len(b) == 1)
    if not lengths:
        return 0
    return int(HEADING_WIDTH_SHARE * lengths[min(len(lengths) - 1, int(WRAP_WIDTH_QUANTILE * len(lengths)))])


def _heading_line(block: Block, blocks: list[Block], n: int, short: int) -> bool:
    """A sub-heading or an unpunctuated line of its own in a double-spaced scrape ("Return to Ruins"
    over "NATO troops have..."): a line far shorter than the wrap width stopped there on purpose, unless
    the next line carries the sentence on (a small letter) or the line ends on a comma or link word."""
    text = block.joined
    if len(block) > 1 or len(text) >= short or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if n + 1 >= len(blocks) or not blocks[n + 1].joined[:1].isupper():
        return False
    if n and _WRAPPED_ON.search(blocks[n - 1].joined):
        return False  # the last line of a sentence the line before left open ("... stability in" / "Kyrgyzstan,\"")
    # (a comma inside a closing quote leaves the sentence open as well: "Kyrgyzstan,\"" + "Grozin said")
    unquoted = text.rstrip("\"”’')")
    return not (ends_sentence(text) or _WRAPPED_ON.search(unquoted) or text.endswith(("-", ":", ";")))


def _ends_sentence_before_markup(text: str) -> bool:
    if ends_sentence(text):
        return True
    return text[-1:] in (";", ">", "0") and ends_sentence(_TRAILING_MARKUP.sub("", text[-80:]))


def _stands_alone(text: str) -> bool:
    """A photo caption, a dateline line or an end marker ("ends"): a paragraph of its own even though
    no full stop ends it."""
    if len(text) <= 12 and _END_MARKER.match(text):
        return True
    if len(text) <= 64 and text[:1].isupper() and "," in text and _DATELINE.match(text):
        return True
    return len(text) <= 400 and _is_caption(text)


def _paragraphs(blocks: list[Block]) -> str:
    """Body text: paragraphs separated by one blank line, wrapped lines joined."""
    return "\n\n".join(_group_text(group) for group in _paragraph_groups(blocks))


def _group_text(group: list[Block]) -> str:
    """A paragraph's text from its blocks (a block's own text is already joined)."""
    return group[0].joined if len(group) == 1 else join_wrapped([b.joined for b in group])


MAX_TAIL_CHROME_BLOCKS = 8  # a page's closing chrome: share bar, "Related articles", their links


def _fallback_segments(blocks: list[Block]) -> list[_Segment]:
    """Text with no article recognised (no byline split can read): an edition header, mail headers or
    page navigation that open it keep their kind, so the newsletter is still read; the rest is one
    article, whose first block is its headline when set in capitals over more text.  A page (its site
    head is chrome) also keeps its closing chrome apart and reads its head as pages print it: the
    newsletter's name and edition over a headline in title case, a standfirst of one sentence, the
    edition line under it ("Africa Reports Issue 214," / "3 Apr 09"); a credit closing the text ("By X
    in Y, IWPR-trained reporter.") is the byline."""
    first = 0
    while first < len(blocks) - 1 and (_block_header(blocks[first]) is not None or _is_mail_headers(blocks[first])
                                       or _bar_cue(blocks[first]) or first == 0 and _site_head(blocks[0])):
        first += 1
    segments = _classify_gap(blocks, 0, first - 1) if first else []
    page = any(segment.kind == "chrome" for segment in segments)
    last = len(blocks) - 1
    if page:
        for i in range(max(first + 2, last - MAX_TAIL_CHROME_BLOCKS + 1), last + 1):
            if _is_chrome_start(blocks[i]):
                last = i - 1
                break
    edition: dict[str, Any] = {}
    start = first
    while page and start < min(last, first + MAX_HEAD_EDITION_BLOCKS + 1) and (data := _edition_label(blocks[start])):
        edition.update({key: value for key, value in data.items() if value is not None and key not in edition})
        start += 1  # the newsletter's name, edition line and date over the headline
    head = blocks[start].joined
    headline = standfirst = byline = None
    if (start < last and len(head) <= MAX_HEADLINE_CHARS and _looks_like_headline(head)
            and (is_caps(head) or page and _title_line(blocks[start]))):
        headline = head
        start += 1
    if page and headline is not None:
        if start < last and _page_standfirst(blocks[start]):
            standfirst = blocks[start].joined
            start += 1
        for _ in range(MAX_HEAD_EDITION_BLOCKS):
            if start >= last or not (data := _head_edition(blocks[start])):
                break
            edition.update({key: value for key, value in data.items() if value is not None and key not in edition})
            start += 1
    end = last
    if end > start and _is_byline_block(blocks[end]):
        byline = _byline_text(blocks[end])
        end -= 1
    fields = _fallback_fields(blocks[start : end + 1], headline)
    fields.update(standfirst=standfirst, byline=byline)
    segments.append(_Segment("article", first, last, fields, edition or None))
    if last < len(blocks) - 1:
        segments.extend(_classify_gap(blocks, last + 1, len(blocks) - 1))
    return segments


MAX_PAGE_STANDFIRST_LINES = 2


def _page_standfirst(block: Block) -> bool:
    """Under a page's headline with no byline to fix it: its standfirst, one sentence on a line or
    wrapped over two (a first paragraph of two sentences or three lines is the body's)."""
    if len(block) > MAX_PAGE_STANDFIRST_LINES or not _looks_like_standfirst(block):
        return False
    text = block.joined
    return len(block) == 1 or _SENTENCE_BREAK.search(text.rstrip()) is None


def _fallback_fields(blocks: list[Block], headline: str | None = None) -> dict[str, Any]:
    return {
        "headline": headline,
        "standfirst": None,
        "byline": None,
        "body": _paragraphs(blocks) or None,
        "notes": None,
        "captions": [],
        "warnings": [NO_STRUCTURE],
    }


# --- what lies between articles ---------------------------------------------------------------------


def _classify_gap(blocks: list[Block], first: int, last: int) -> list[_Segment]:
    kinds: list[str] = []
    current = "other"
    site_head = False
    for i in range(first, last + 1):
        block = blocks[i]
        if _block_header(block) is not None:
            kind = "header"
        elif _is_mail_headers(block):
            kind = "other"
        elif site_head := ((i == 0 or i == 1 and (_is_mail_headers(blocks[0]) or _PAGE_TITLE_TAG.match(blocks[0].first)))
                           and _site_head(block)):
            kind = "chrome"
        elif current == "footer":
            kind = "footer" if not _looks_like_toc_entry(block) else "toc"
        elif _is_footer_block(block):
            kind = "footer"
        elif _is_chrome_start(block) or current == "chrome":
            kind = "chrome"
        elif _is_rule(block):
            kind = _after_rule(blocks, i, last)
            if kind == "promo" and current == "header" and _credits_follow(blocks, i, last):
                kind = "other"  # the rule under the header line sets off contents with no heading
        elif current == "promo":
            kind = "promo"
        elif (_looks_like_toc_entry(block) or _is_byline_block(block) or current == "toc"
              or _is_contents_heading(block.first) or _numbered_headlines(block)):
            kind = "toc"
        elif _SECTION.match(text := block.joined) or (is_caps(text) and len(text) <= MAX_HEADLINE_CHARS):
            kind = "toc" if _toc_follows(blocks, i, last) else current if current != "header" else "other"
        elif current == "header":
            kind = "toc" if _toc_follows(blocks, i, last) else "other"
        else:
            kind = "toc" if _toc_follows(blocks, i, last) else current
        kinds.append(kind)
        # A site title is chrome, but unlike related links it does not run on into what follows.
        current = ("header" if kind == "chrome" and (i == 0 or site_head) and current == "other" and (len(block) == 1 or site_head)
                   else kind)
    segments: list[_Segment] = []
    for offset, kind in enumerate(kinds):
        i = first + offset
        if segments and segments[-1].kind == kind and kind != "header":
            segments[-1].last = i
        else:
            segments.append(_Segment(kind, i, i))
    segments = [piece for segment in segments for piece in _brief_items(blocks, segment)]
    for segment in segments:
        if segment.kind == "toc":
            segment.fields = {"entries": _toc_entries(blocks[segment.first : segment.last + 1])}
        _unpromote_separator(blocks, segment)
    return segments


MAX_SITE_HEAD_LINES = 4


def _site_head(block: Block) -> bool:
    """The first block of a page when it is all site chrome: the site's title or name, navigation,
    breadcrumbs and tool bar, each on its own line ("Institute for War & Peace Reporting" / "IWPR Home |
    Reports | Training" / "Print | E-mail")."""
    if len(block) == 1:
        first = block.first
        return bool(_SITE_TITLE.match(first) or _NAV_LINE.match(first) or _SITE_NAME.match(first)
                    or _PAGE_TITLE_TAG.match(first))
    lines = block.lines
    if lines[0].content.strip().lower() in _site_skip_links():
        lines = lines[1:]  # "Skip to content" copied over the site's name
    if (len(block) > MAX_SITE_HEAD_LINES or not lines or not _SITE_NAME.match(lines[0].content)
            and not _SITE_TITLE.match(lines[0].content)):
        return False
    return all(_is_nav_line(line.content) or _SITE_NAME.match(line.content) or _page_tools_line(line.content)
               or line.content.strip().lower() in _site_skip_links() for line in lines[1:])


@lru_cache(maxsize=1)
def _site_skip_links() -> frozenset[str]:
    """A page's "Skip to main content" link, copied with the site's head: chrome, never a headline."""
    return frozenset(p.lower() for p in load_json("split_cues.json")["site_skip_links"])


def _unpromote_separator(blocks: list[Block], segment: _Segment) -> None:
    if segment.kind == "promo" and all(_is_rule(blocks[i]) and len(blocks[i]) == 1 and _bare_rule(blocks[i].first)
                                       for i in range(segment.first, segment.last + 1)):
        segment.kind = "other"  # a bare separator between articles promotes nothing


def _bare_rule(line: str) -> bool:
    """A rule line with no text, or only the site's address in it ("**** http://iwpr.net/ ****", as
    IWPR's editions of 2008-10 set articles apart)."""
    words = line.strip(" \t*-=_~#").split()
    return not words or len(words) == 1 and words[0].lower().startswith(("http://", "https://", "www."))


_MAIL_HEADER_INITIALS = frozenset("FTCSDRMONXftcsdrmonx")


def _is_brief_heading(block: Block) -> bool:
    first = block.first
    return len(first) <= 30 and len(block) == 1 and first.strip(" :*-").upper() in _cues().brief_headings


def _brief_items(blocks: list[Block], segment: _Segment) -> list[_Segment]:
    """A "NEWS IN BRIEF" section: each item (a headline in capitals over a paragraph or two, with no
    byline) is an article of its own; the heading and what follows the items keep the segment's kind.
    A segment without such a section is returned as it is."""
    if segment.kind not in ("promo", "other", "toc"):
        return [segment]
    heading = next((i for i in range(segment.first, segment.last + 1) if _is_brief_heading(blocks[i])), None)
    if heading is None:
        return [segment]
    items: list[list[int]] = []
    for i in range(heading + 1, segment.last + 1):
        block = blocks[i]
        if _is_rule(block) or _is_footer_block(block) or _is_chrome_start(block):
            break
        first = block.first.strip()
        if is_caps(first) and len(first) <= MAX_HEADLINE_CHARS and "://" not in first:
            prose_follows = len(block) > 1 or (i + 1 <= segment.last and not is_caps(blocks[i + 1].first))
            if not prose_follows:
                break
            items.append([i, i])
        elif items and not is_caps(first) and "://" not in first:
            items[-1][1] = i
        else:
            break
    if not items:
        return [segment]
    pieces = [_Segment(segment.kind, segment.first, heading)]
    for first, last in items:
        pieces.append(_Segment("article", first, last, _brief_fields(blocks[first : last + 1])))
    if items[-1][1] < segment.last:
        pieces.append(_Segment(segment.kind, items[-1][1] + 1, segment.last))
    return pieces


def _brief_fields(item: list[Block]) -> dict[str, Any]:
    head = item[0]
    paragraphs = []
    if len(head) > 1:
        paragraphs.append(join_wrapped([line.content for line in head.lines[1:]]))
    body = _paragraphs(item[1:])
    if body:
        paragraphs.append(body)
    return {"headline": " ".join(head.first.split()), "standfirst": None, "byline": None,
            "body": "\n\n".join(paragraphs) or None, "notes": None, "captions": []}


def _unsigned_pieces(blocks: list[Block], segments: list[_Segment]) -> list[_Segment]:
    """Unsigned pieces ("EDITORIAL: ...", "IWPR COMMENT", a news round-up) between articles: a headline
    the contents name, over prose paragraphs and with no byline, is an article (``byline`` null), and
    its contents line an entry rather than a section title.  What the contents do not name is left as
    it was: a headline over a paragraph is also how promo blocks are set."""
    # most editions have no headline over prose between articles: spare them the contents' keys
    if not any(_headline_over_prose(blocks, i, segment.last) for segment in segments
               if segment.kind in ("promo", "other") for i in range(segment.first, segment.last + 1)):
        return segments
    named = _contents_headlines(blocks, segments)
    if not named:
        return segments
    result: list[_Segment] = []
    found: set[str] = set()
    for segment in segments:
        items = _unsigned_items(blocks, segment, named) if segment.kind in ("promo", "other") else []
        cursor = segment.first
        for first, standfirst, last in items:
            if first > cursor:
                result.append(_Segment(segment.kind, cursor, first - 1))
                _unpromote_separator(blocks, result[-1])
            found.add(_headline_key(blocks[first].joined))
            result.append(_Segment("article", first, last, _unsigned_fields(blocks, first, standfirst, last)))
            cursor = last + 1
        if cursor <= segment.last:
            result.append(segment if cursor == segment.first else _Segment(segment.kind, cursor, segment.last))
    if found:
        for segment in result:
            if segment.kind == "toc":
                segment.fields["entries"] = _toc_entries(blocks[segment.first : segment.last + 1], frozenset(found))
    return result


def _headline_key(text: str) -> str:
    return normalize_for_match(_NUMBERING.sub("", text.strip()))


def _contents_headlines(blocks: list[Block], segments: list[_Segment]) -> dict[str, str | None]:
    """What the contents name, as match keys, with the standfirst the contents give it: every entry's
    headline, and every line (or lines) standing in the contents without a credit."""
    named: dict[str, str | None] = {}
    for segment in segments:
        if segment.kind != "toc":
            continue
        for entry in segment.fields.get("entries", []):
            if entry.get("headline"):
                named[_headline_key(entry["headline"])] = entry.get("standfirst")
        for block in blocks[segment.first : segment.last + 1]:
            if len(block) <= 3 and not _is_rule(block):
                named.setdefault(_headline_key(block.joined), None)
                for line in block.lines:
                    named.setdefault(_headline_key(line.content), None)
    named.pop("", None)
    return named


def _headline_over_prose(blocks: list[Block], i: int, last: int) -> bool:
    """Block ``i`` (up to ``last``) has a headline's shape, with a paragraph of prose after it."""
    block = blocks[i]
    if i >= last or len(block) > 3 or not block.first[:1].isupper() or _is_rule(block):
        return False
    return _looks_like_headline(block.joined) and _prose_block(blocks[i + 1])


def _opens_unsigned(blocks: list[Block], i: int, last: int, named: dict[str, str | None]) -> bool:
    """Block ``i`` is a headline the contents name, with a paragraph of prose after it."""
    return _headline_over_prose(blocks, i, last) and _headline_key(blocks[i].joined) in named


def _prose_block(block: Block) -> bool:
    text = block.joined
    return (not is_caps(block.first) and (len(block) > 1 or ends_sentence(text)) and not _is_terminator(block)
            and not _is_byline_block(block))


def _unsigned_items(blocks: list[Block], segment: _Segment, named: dict[str, str | None]) -> list[tuple[int, int | None, int]]:
    """The unsigned pieces in a segment: (headline, standfirst or None, last block), each running until
    a rule, a terminator or the next such piece."""
    items: list[tuple[int, int | None, int]] = []
    i = segment.first
    while i <= segment.last:
        if not _opens_unsigned(blocks, i, segment.last, named):
            i += 1
            continue
        standfirst = named[_headline_key(blocks[i].joined)]
        # the standfirst the contents give it, when the piece prints it too, over more prose
        has_standfirst = (bool(standfirst) and i + 2 <= segment.last and _prose_block(blocks[i + 2])
                          and normalize_for_match(blocks[i + 1].joined) == normalize_for_match(standfirst))
        last = i + 1
        while (last < segment.last and not _is_rule(blocks[last + 1]) and not _is_terminator(blocks[last + 1])
               and not _opens_unsigned(blocks, last + 1, segment.last, named)):
            last += 1
        items.append((i, i + 1 if has_standfirst else None, last))
        i = last + 1
    return items


def _unsigned_fields(blocks: list[Block], headline: int, standfirst: int | None, last: int) -> dict[str, Any]:
    # read as an article whose last preamble block stands where the byline would
    article = _Article(anchor=standfirst if standfirst is not None else headline, start=headline)
    article.headline, article.standfirst, article.end = headline, standfirst, last
    return {**_article_fields(blocks, article), "byline": None}


@lru_cache(maxsize=1)
def _forward_banner() -> re.Pattern:
    """The line a mail program puts over a forwarded or quoted message's headers, after its dashes
    ("---------- Forwarded message ---------", "-----Original Message-----"); phrases in split_cues.json."""
    phrases = sorted(load_json("split_cues.json")["forward_banners"], key=len, reverse=True)
    return re.compile(rf"-{{2,}}[ \t]*(?:{'|'.join(map(re.escape, phrases))})\b", re.I)


def _is_mail_headers(block: Block) -> bool:
    """A mail archive's message headers ("From: ...", "Subject: ..."): neither contents nor article,
    though a subject line often repeats the edition header or a headline.  So are the headers of a
    forwarded message under their banner ("---------- Forwarded message ---------", "-----Original
    Message-----"), or the banner alone."""
    first = block.first
    if first[:2] == "--" and _forward_banner().match(first):
        return all(_MAIL_HEADER.match(line.content.strip()) or line.content[:1] in " \t" for line in block.lines[1:])
    if first[:1] not in _MAIL_HEADER_INITIALS or ":" not in first or not _MAIL_HEADER.match(first):
        return False
    lines = block.lines
    return sum(1 for line in lines if _MAIL_HEADER.match(line.content) or line.content[:1] in " \t") * 2 >= len(lines)


def _is_contents_heading(line: str) -> bool:
    return line.strip(" :*-").upper() in _cues().contents_headings


def _after_rule(blocks: list[Block], i: int, last: int) -> str:
    """A rule opens a promo block, unless what follows it (up to the next rule) is footer matter."""
    for j in range(i, min(last, i + 8) + 1):
        if j > i and _is_rule(blocks[j]):
            break
        if _is_footer_block(blocks[j]):
            return "footer"
    return "promo"


def _credits_follow(blocks: list[Block], i: int, last: int) -> bool:
    """Whether a contents entry or credit stands between the rule ``i`` and the next rule (at most eight
    blocks on): AFGHAN RECOVERY REPORT editions print header line, rule, entries, rule."""
    for j in range(i + 1, min(last, i + 8) + 1):
        if _is_rule(blocks[j]):
            return False
        if _looks_like_toc_entry(blocks[j]) or _is_byline_block(blocks[j]):
            return True
    return False


def _toc_follows(blocks: list[Block], i: int, last: int) -> bool:
    """Whether a table-of-contents credit follows within the next two blocks (entries whose headline,
    standfirst and byline stand on separate lines)."""
    for j in range(i, min(last, i + 2) + 1):
        if (_looks_like_toc_entry(blocks[j]) or _is_byline_block(blocks[j])
                or j <= i + 1 and _numbered_headlines(blocks[j])):  # a section title right over them
            return True
        if _is_rule(blocks[j]):
            return False
    return False


MAX_NUMBERED_ENTRIES = 30


def _numbered_headlines(block: Block) -> bool:
    """A contents list with no heading and no credits: headlines in capitals numbered from 1, one to a
    line ("1. BELGRADE: LIFE UNDER THE BOMBS" / "2. ALBANIA: KUKES OVERWHELMED")."""
    if not 2 <= len(block) <= MAX_NUMBERED_ENTRIES or not block.first.lstrip().startswith("1"):
        return False
    for n, line in enumerate(block.lines, 1):
        text = line.content.strip()
        m = _NUMBERING.match(text)
        if not m or text[: m.end()].rstrip(".) \t") != str(n) or not is_caps(text[m.end() :]):
            return False
    return True


# --- table of contents -----------------------------------------------------------------------------------


def _toc_entries(blocks: list[Block], unsigned: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Entries of a table of contents: one per credit; a lone capitals line is a section title, unless
    it is the headline of an unsigned piece (``unsigned``: their match keys)."""
    entries: list[dict[str, Any]] = []
    section: str | None = None
    pending: list[str] = []  # lines of the entry being read

    def close() -> None:
        nonlocal pending, section
        if pending and unsigned and _headline_key(" ".join(pending)) in unsigned:
            headline = _NUMBERING.sub("", " ".join(pending))
            entries.append({"headline": headline, "standfirst": None, "byline": None, "section": section})
        elif pending:
            entry = parse_toc_entry(pending)
            lone = pending[0] if len(pending) == 1 else ""
            if not credited and lone and lone.strip(" :*-").upper() in _cues().brief_headings:
                pass  # a bare list naming the edition's IN BRIEF section: no piece of its own
            elif not credited and numbered and lone and not _NUMBERING.match(lone) and is_caps(lone):
                section = lone  # "KOSOVO SPECIAL" over "1. BELGRADE: ..." / "2. ALBANIA: ..."
            elif not credited and entry["headline"]:
                entry["section"] = section
                entries.append(entry)
            elif not entry["byline"] and lone and len(lone) <= 80 and not ends_sentence(lone) and lone[:1].isupper():
                section = lone
            elif entry["byline"] or (entry["headline"] and entry["standfirst"] and not over_heading):
                entry["section"] = section
                entries.append(entry)
        pending = []

    content: list[Block] = []
    headed: set[int] = set()  # content blocks right under a "CONTENTS" heading standing alone
    for b in blocks:
        if len(b) == 1 and _is_contents_heading(b.first):
            headed.add(len(content))
        elif not _is_rule(b):
            content.append(b)
    # Lone lines are section titles in a list of credited entries, but entries themselves in a bare
    # list of headlines ("1. MACEDONIA: ALBANIANS THREATEN BOYCOTT").
    block_lines = [[_entry_line(line.content) for line in b.lines] for b in content]
    for lines in block_lines:
        if len(lines) > 1 and _is_contents_heading(lines[0]):
            del lines[0]  # "CONTENTS:" printed over the entries with no blank line under it
    credited = any(_ends_with_credit(text) for lines in block_lines for text in lines)
    numbered = not credited and any(_NUMBERING.match(text) for lines in block_lines for text in lines)
    first_heading = min(headed, default=0)
    over_heading = False  # lines over the first "CONTENTS" heading: the edition's titles, not an entry
    for n, lines in enumerate(block_lines):
        over_heading = n <= first_heading
        if n in headed:
            # a title over the "CONTENTS" heading ("IWPR'S IRAQ CRISIS REPORT") is no entry's headline,
            # nor the section of the entries under it
            close()
            section = None
        over_heading = n < first_heading
        for k, text in enumerate(lines):
            if credited and pending and _opens_labelled_headline(pending, text):
                close()  # what stands above it alone is a section title ("SPECIAL REPORT")
            pending.append(text)
            following = lines[k + 1] if k + 1 < len(lines) else None
            # A title-case headline ("Poverty Drives Child Labour in Kyrgyzstan") has the shape of a
            # credit without "By"; such a credit only ends an entry after some other text (on its
            # line, as in "KYRGYZ VOTE FEARS - Aziz Soltobaev in Bishkek", or above it).
            plain_only = (len(pending) == 1 and following is not None and not _has_by_credit(text)
                          and _credit_tail(text) == text)
            if not credited or (_ends_with_credit(text) and not plain_only and not _credit_continues(text, following)):
                close()
        if pending and not _dangling(pending[-1]) and not _entry_continues(content, n):
            close()
    close()
    return entries


def _opens_labelled_headline(pending: list[str], text: str) -> bool:
    """A capitals line opening with a label ("KOSOVO: ...") under lines in capitals only: a new
    headline, not the wrapped end of theirs."""
    return text[:1].isupper() and bool(_CAPS_LABEL.match(text)) and is_caps(text) and all(
        is_caps(line) and not _TWO_SPACES.search(line) and not _has_by_credit(line) for line in pending)


def _entry_line(content: str) -> str:
    """A contents line without the bullet of a bulleted list."""
    text = content.strip()
    return _BULLET.sub("", text) if text[:1] in "-–—*•·" else text


def _dangling(line: str) -> bool:
    """A credit cut at the line end ("... standards.  By") continues on the next line."""
    return bool(_DANGLING_BY.search(line)) or line.endswith(",") or line.endswith(" and")


def _credit_continues(line: str, following: str | None) -> bool:
    """Whether a credit at the end of ``line`` goes on over the next line ("By Nino" / "Gerliani in Mestia")."""
    if not following or _starts_entry_text(following):
        return False
    by = _last_by(line)
    credit = line[by:] if by is not None else (_credit_tail(line) or "")
    return bool(credit) and byline_text_ok(f"{credit} {following}")


@lru_cache(maxsize=4096)  # a contents line is asked several times over
def _starts_entry_text(first: str) -> bool:
    return is_caps(first) or _split_caps_headline(first)[0] is not None


def _starts_entry(block: Block) -> bool:
    """A block that opens an entry: a headline in capitals, or a title-like line over more lines that
    end in a credit (listing pages print headlines in title case)."""
    if _starts_entry_text(block.first):
        return True
    return (len(block) >= 2 and not ends_sentence(block.first) and _title_like(block.first)
            and _ends_with_credit(block.lines[-1].content.strip()))


def _entry_continues(content: list[Block], n: int) -> bool:
    """An entry laid out as headline, standfirst and byline in separate blocks goes on until its
    credit; a block followed by a block that opens an entry of its own is a section title."""
    for j in (n + 1, n + 2):
        if j >= len(content) or _starts_entry(content[j]):
            return False
        if any(_ends_with_credit(line.content.strip()) for line in content[j].lines):
            return True
    return False


@lru_cache(maxsize=4096)  # a contents line is asked several times over
def _has_by_credit(line: str) -> bool:
    by = _last_by(line)
    return by is not None and byline_text_ok(line[by:])


@lru_cache(maxsize=4096)  # a contents line is asked several times over
def _ends_with_credit(line: str) -> bool:
    if not line:
        return False
    by = _last_by(line)
    if by is not None and byline_text_ok(line[by:]):
        return True
    tail = _credit_tail(line)
    return tail is not None


def _credit_tail(text: str) -> str | None:
    """A credit without "By" at the end of an entry: "...combination. Ainagul Abdrakhmanova in Bishkek"."""
    parts = _SENTENCE_OR_GAP.split(text)
    if len(parts) >= 1:
        tail = parts[-1].strip()
        if tail and _cues().plain_credit.match(tail.rstrip(".")):
            return tail
    return None


def parse_toc_entry(lines: list[str]) -> dict[str, Any]:
    """One table-of-contents entry (its lines as printed) as headline, standfirst and byline.

    >>> parse_toc_entry(["KYRGYZ COALITION TALKS STRUGGLE ON  Parties struggle to forge winning",
    ...                  "combination.  By Ainagul Abdrakhmanova"])
    {'headline': 'KYRGYZ COALITION TALKS STRUGGLE ON', 'standfirst': 'Parties struggle to forge winning combination.', 'byline': 'By Ainagul Abdrakhmanova'}
    >>> parse_toc_entry(["legislation must ensure truly independent inspections.", "By Yulia Kuznetsova"])
    {'headline': None, 'standfirst': 'legislation must ensure truly independent inspections.', 'byline': 'By Yulia Kuznetsova'}
    """
    lines = [l for l in (_entry_line(x) for x in lines) if l]
    headline: str | None = None
    # Headline on a line of its own (capitals, or a short line without a full stop before more lines).
    if len(lines) >= 2 and not _TWO_SPACES.search(lines[0]) and not _has_by_credit(lines[0]):
        first = lines[0]
        if (is_caps(first) or (not ends_sentence(first) and len(first) <= 120 and first[:1].isupper()
                               and _title_like(first) and not _WRAPPED_ON.search(first))) and not first[:1].islower():
            headline = _NUMBERING.sub("", first)
            lines = lines[1:]
            # E-mail editions wrap a long capitals headline at 65-72 columns: the capitals lines that
            # follow it are the rest of the headline, up to the standfirst or the credit.
            if is_caps(first):
                while len(lines) >= 2 and _caps_headline_line(lines[0]):
                    headline = f"{headline} {lines[0]}"
                    lines = lines[1:]
    text = " ".join(lines)
    byline = None
    by = _last_by(text)
    if by is not None and byline_text_ok(text[by:]):
        byline = " ".join(text[by:].split())
        text = text[:by]
    else:
        tail = _credit_tail(text)
        if tail:
            byline = tail
            text = text[: text.rfind(tail)]
    text = _ENTRY_TAIL_DASH.sub("", text.strip())  # "KYRGYZ VOTE FEARS - Aziz Soltobaev in Bishkek"
    if headline is None and text:
        headline, text = _split_caps_headline(text)
        if headline:
            headline = _NUMBERING.sub("", headline)
    standfirst = " ".join(text.split()) or None
    return {"headline": headline, "standfirst": standfirst, "byline": byline}


def _caps_headline_line(line: str) -> bool:
    """A line of a headline in capitals: not a credit ("BY YLBER HYSA IN PRISTINA") nor a headline
    and standfirst on one line."""
    return (is_caps(line) and not _TWO_SPACES.search(line) and not _has_by_credit(line) and not _credit_tail(line)
            and not _CAPS_LABEL.match(line))


def _title_line(block: Block) -> bool:
    """One short line in title case with no full stop ("Zimbabwe Teachers Walk Out Over Pay")."""
    text = block.first
    return (len(block) == 1 and len(text) <= 120 and not ends_sentence(text) and text[:1].isupper()
            and not is_caps(text) and _title_like(text) and _caps_first_line(block)[0] is None)


def _title_like(text: str) -> bool:
    tokens = [t for t in _NAME_TOKEN.findall(text) if len(t) > 3]
    return bool(tokens) and sum(1 for t in tokens if t[0].isupper()) >= 0.6 * len(tokens)


def _split_caps_headline(text: str) -> tuple[str | None, str]:
    """Split "HEADLINE IN CAPITALS  Standfirst in sentence case." into its two parts."""
    if not text[:1].isupper() or letters_upper_ratio(text) > 0.9:
        return (text if is_caps(text) else None), ("" if is_caps(text) else text)
    parts = _ENTRY_GAP.split(text, maxsplit=1)
    if len(parts) == 2 and is_caps(parts[0]):
        return _caps_label(parts[0]), parts[1]
    tokens = text.split(" ")
    n = 0
    while n < len(tokens) and tokens[n] and not any(c.islower() for c in tokens[n]):
        n += 1
    if n and len(tokens[n - 1]) == 1 and n < len(tokens):
        n -= 1  # "... TALKS A new deal": the lone "A" starts the standfirst
    head = " ".join(tokens[:n]).strip()
    if is_caps(head):
        return _caps_label(head), " ".join(tokens[n:])
    return None, text


def _caps_label(head: str) -> str:
    """A capitals headline before its standfirst, without the colon that set them apart ("KOSOVO
    RETURNS: Refugees pour back ...")."""
    return head.strip().rstrip(":").rstrip()


def _attach_toc_headlines(segments: list[_Segment]) -> None:
    """An e-mail article does not repeat its headline: take it from the matching TOC entry."""
    entries: list[dict[str, Any]] = [e for s in segments if s.kind == "toc" for e in s.fields.get("entries", [])]
    if not entries:
        return
    by_byline: dict[str, list[int]] = {}
    for n, entry in enumerate(entries):
        by_byline.setdefault(_byline_key(entry.get("byline")), []).append(n)
    used: set[int] = set()
    for segment in segments:
        if segment.kind != "article" or segment.fields.get("headline"):
            continue
        key = _byline_key(segment.fields.get("byline"))
        standfirst = normalize_for_match(segment.fields.get("standfirst") or "")
        best = None
        for n in by_byline.get(key, []) + by_byline.get("", []):
            if n in used:
                continue
            entry_sf = normalize_for_match(entries[n].get("standfirst") or "")
            byline_match = bool(key) and _byline_key(entries[n].get("byline")) == key
            sf_match = bool(entry_sf) and bool(standfirst) and (standfirst.endswith(entry_sf) or entry_sf.endswith(standfirst))
            if byline_match and (sf_match or not entry_sf or not standfirst) or sf_match and len(entry_sf) >= 20:
                best = n
                break
        if best is not None:
            used.add(best)
            segment.fields["headline"] = entries[best].get("headline")


def _byline_key(byline: str | None) -> str:
    if not byline:
        return ""
    span = edition_ref_span(byline)
    if span:
        byline = byline[: span[0]] + byline[span[1] :]
    return normalize_for_match(_cues().byline_prefix.sub("", byline.strip()))


# --- edition data ------------------------------------------------------------------------------------------


def _edition_data(segments: list[_Segment], blocks: list[Block]) -> list[dict[str, Any]]:
    """Per segment: the newsletter title, issue and date its edition states (header line, else the
    title named in the edition's masthead)."""
    result: list[dict[str, Any]] = []
    current = empty_newsletter()
    for segment in segments:
        if segment.kind == "header":
            parsed = _block_header(blocks[segment.first])
            if parsed:
                current = parsed
                if parsed["date"] is None and segment.first + 1 < len(blocks) and len(blocks[segment.first + 1]) == 1:
                    # a double-spaced page head: "ZCR Issue 195," / (blank) / "12 Jun 09"
                    current = {**parsed, "date": date_line(blocks[segment.first + 1].first)}
        result.append(current)
    # Editions without a header line: the masthead in the footer that closes them names the title.
    pending: list[int] = []
    for n, segment in enumerate(segments):
        if segment.kind == "header":
            pending = []
        elif segment.kind == "article" and result[n]["title"] is None:
            pending.append(n)
        elif segment.kind == "footer" and pending:
            title = known_title_in(" ".join(blocks[i].joined for i in range(segment.first, segment.last + 1)))
            if title:
                for m in pending:
                    result[m] = {**result[m], "title": title}
            pending = []
    return result
