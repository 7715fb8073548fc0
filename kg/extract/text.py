"""Small text helpers shared by the gazetteer and the extractor.

Matching is case- and diacritics-insensitive: both alias tables and article
tokens are *folded* the same way, so "Erdogan" meets "Erdoğan".

>>> fold("Erdoğan’s")
"erdogan's"
>>> slug("the Black Sea Grain Initiative")
'black-sea-grain-initiative'
>>> blank_datelines("BAGHDAD (Reuters) - Gunmen killed the governor.")
'                    Gunmen killed the governor.'
"""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into base + combining mark.
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
    }
)
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics, keeping everything else.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The folded text; "İbrahim Kalın" becomes "ibrahim kalin".
    """
    if text.isascii():
        # Nothing to translate or decompose: the common case, and many times faster.
        return text.lower()
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def strip_determiner(text: str) -> str:
    """``text`` without a leading article ("the Kremlin" -> "Kremlin")."""
    return _LEADING_DET.sub("", text.strip())


def slug(text: str, limit: int = 60) -> str:
    """A stable, IRI-safe slug of ``text`` (folded, hyphen-separated)."""
    value = _NON_ALNUM.sub("-", fold(strip_determiner(text))).strip("-")
    return value[:limit].rstrip("-") or "unknown"


def normalize_phrase(text: str) -> str:
    """Fold ``text`` and normalise spacing and possessives for table look-ups.

    >>> normalize_phrase("  Russia's  Foreign Minister ")
    "russia 's foreign minister"
    """
    value = fold(text).strip()
    value = re.sub(r"'s\b", " 's", value)
    return re.sub(r"\s+", " ", value)


# News datelines ("BAGHDAD, Iraq (Reuters) - ", "AP - ") at the start of a line:
# the parser would take the city for the subject of the first sentence.
# Also "GAZA CITY, Palestinian Territories: " with a colon, but only with the region named,
# so that a headline such as "NATO: Russia must withdraw" keeps its speaker.
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:"
    r"(?:(?:AP|AFP|Reuters|Canadian Press|CP|UPI|dpa|Xinhua|TASS|Interfax)"
    r"|[A-Z][A-Z'.\-]{2,}(?: [A-Z][A-Z'.\-]+){0,3}"
    r"(?:,(?: [A-Z][\w.'\-]*){1,3})?"
    r"(?: [A-Z][a-z]{2,4}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: ?\([^()\n]{1,40}\))?"
    r")[ \t]+[-\u2013\u2014]{1,2}"
    r"|[A-Z][A-Z'.\-]{2,}(?: [A-Z][A-Z'.\-]+){0,3},(?: [A-Z][\w.'\-]*){1,3}:"
    # "World News: Islamabad, Nov 9 :" - a city and a date, then a colon or dash.
    # "BANGALORE, DEC 5:" too.
    r"|(?:[A-Z][A-Za-z ]{2,20}: )?[A-Z](?:[a-z]+|[A-Z]+)(?:[ \-][A-Z](?:[a-z]+|[A-Z]+)){0,2},"
    r" (?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Za-z]*\.? \d{1,2}(?:, \d{4})?"
    r"(?: ?\([^()\n]{1,40}\))? ?[:\u2013\u2014-]{1,2}"
    r")[ \t]+(?=[A-Z\"'\u201c])"
)


# Typographic quotes the parser, trained on straight ones, reads worse ("Germany’s Scholz"
# parses as an apposition); each is replaced by one character, so offsets stay.
_STRAIGHT_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def straighten_quotes(text: str) -> str:
    """Replace curly quotes with straight ones, keeping every character offset.

    >>> print(straighten_quotes("Germany\u2019s \u201cfriend\u201d"))
    Germany's "friend"
    """
    return text.translate(_STRAIGHT_QUOTES)


def blank_datelines(text: str) -> str:
    """Replace news datelines with spaces, keeping every character offset.

    >>> blank_datelines("GAZA CITY, Palestinian Territories: Two men were hurt.").lstrip()
    'Two men were hurt.'
    >>> blank_datelines("NATO: Russia must withdraw.")
    'NATO: Russia must withdraw.'
    >>> blank_datelines("World News: Islamabad, Nov 9 : US envoy met Pakistani leaders.").lstrip()
    'US envoy met Pakistani leaders.'
    >>> blank_datelines("BANGALORE, DEC 5: Putin called on India to help.").lstrip()
    'Putin called on India to help.'
    >>> blank_datelines("WASHINGTON, Sept. 30, 2004 -- A car bomb killed a soldier.").lstrip()
    'A car bomb killed a soldier.'
    """
    for _ in range(2):  # "Canadian Press - VANCOUVER (CP) - ..." has two
        text = _DATELINE.sub(lambda m: " " * len(m.group(0)), text)
    return text


# The place a dateline names: its first words, before a region, a date, an agency or the dash.
_DATELINE_PLACE = re.compile(r"\s*(?:[A-Z][A-Za-z ]{2,20}: )?([A-Z][A-Za-z'.\-]*(?: [A-Z][A-Za-z'.\-]*)*)")
_AGENCIES = frozenset({"ap", "afp", "reuters", "canadian press", "cp", "upi", "dpa", "xinhua", "tass", "interfax"})


def dateline_place(text: str) -> str | None:
    """The place named by the dateline at the start of ``text``, in title case, if any.

    >>> dateline_place("BAGHDAD, Iraq (Reuters) - Gunmen killed the governor.")
    'Baghdad'
    >>> dateline_place("Canadian Press - VANCOUVER (CP) - Police arrested a man.")
    'Vancouver'
    >>> dateline_place("World News: Islamabad, Nov 9 : US envoy met Pakistani leaders.")
    'Islamabad'
    >>> dateline_place("AP - Gunmen killed the governor.") is None
    True
    >>> dateline_place("NATO: Russia must withdraw.") is None
    True
    """
    rest = text.lstrip()
    for _ in range(2):
        match = _DATELINE.match(rest)
        if match is None:
            return None
        place = _DATELINE_PLACE.match(match.group(0))
        if place is not None and fold(place.group(1)) not in _AGENCIES:
            return place.group(1).title() if place.group(1).isupper() else place.group(1)
        rest = rest[match.end() :]
    return None


_HEADLINE_PART = re.compile(r"[^.!?:\n]+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def soften_headline(text: str, common: frozenset[str], names: frozenset[str]) -> str:
    """Lower-case the common words of Title Case headlines, keeping every character offset.

    "US Sanctions Target Russian Efforts" parses as a string of proper nouns;
    "US sanctions target Russian efforts" parses as a clause. A stretch counts
    as a headline when it has at least four words and nearly all of them
    start with a capital (not all-capital shouting). Only words in ``common``
    (function words, trigger words and their inflections) are lowered, never
    one that is part of a known name (``names``, folded).

    >>> soften_headline("Kenya Battles Fake Pills.", frozenset({"battles"}), frozenset())
    'Kenya battles Fake Pills.'
    """
    out = list(text)
    changed = False
    for part in _HEADLINE_PART.finditer(text):
        words = list(_WORD.finditer(part.group(0)))
        if len(words) < 4:
            continue
        capitals = sum(w.group(0)[0].isupper() for w in words)
        if capitals < 0.8 * len(words) or all(w.group(0).isupper() for w in words):
            continue
        for w in words[1:]:
            word = w.group(0)
            low = word.lower()
            if word[0].isupper() and not word.isupper() and low in common and low not in names:
                start = part.start() + w.start()
                out[start : start + len(word)] = low
                changed = True
    return "".join(out) if changed else text
