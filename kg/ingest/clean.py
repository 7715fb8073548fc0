"""Clean article text: normalise whitespace and drop the junk scraped pages carry.

Scraped news text tends to end in page furniture: minified JavaScript, encoded
tracking blobs, newsletter and cookie notices, repeated promo lines and short
section titles ("Related", "Uncommon Knowledge"). :func:`clean_text` removes
them with general heuristics. Apart from cutting an encoded blob out of a
line, it never rewrites the lines it keeps.

The heuristics, in order:

1. whitespace: newlines normalised, runs of spaces collapsed, invisible
   characters dropped, paragraphs separated by exactly one blank line;
   character references decoded, also those that lost their ``&`` on the way
   ("Iran#39;s", "quot;peace quot;");
2. code lines: many code punctuation characters ``{}();=`` relative to
   letters, or JSON key/value syntax;
3. encoded blobs: long tokens without spaces that carry digits, ``%+=/_``
   and the like or random-looking case changes (URLs are kept);
4. boilerplate: short lines matching :data:`BOILERPLATE_PATTERNS`;
5. repeats: a line that appears again later is kept once and marked suspect;
6. the tail: after the last real paragraph, suspect lines and short
   title-like lines (no sentence punctuation at the end) are dropped.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["BOILERPLATE_PATTERNS", "clean_text", "has_prose"]

#: Lines of page furniture, matched case-insensitively at the start of a line
#: of at most :data:`_BOILERPLATE_MAX_CHARS` characters. Extend the list, not
#: the code, when a new publisher brings new furniture.
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    # newsletters and subscriptions
    r"(?:subscribe|sign up|signup|register)\b.{0,60}\bnewsletters?\b",
    r"subscribe (?:now|today|here)\b",
    r"(?:get|receive) (?:our|the) .{0,40}\bnewsletter",
    r"(?:get|receive) .{0,40}\b(?:delivered )?(?:to|in) your inbox\b",
    # cookie notices
    r"(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b",
    r"by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site\b",
    r"(?:accept|manage|reject) (?:all )?cookies\b",
    r"cookie (?:policy|settings|preferences|notice|consent)\b",
    # editorial update notes: "Update 1/29/24, 10:25 a.m. ET: This article has been updated ..."
    r"(?:update[ds]?|correction|editor'?s note)\b.{0,60}?:\s*this (?:article|story|post|report|piece)"
    r" (?:has been|was|is being) (?:updated|corrected|amended|changed)",
    r"this (?:article|story|post|report|piece) (?:has been|was) (?:updated|corrected)\b",
    # share, follow, navigation and legal lines
    r"(?:follow us|like us) on\b",
    r"share (?:this|on (?:facebook|twitter|x|linkedin|whatsapp|email))\b",
    r"click here\b",
    r"read (?:more|also|next)\s*(?:[:»>|…-]|$)",
    r"(?:advertisement|sponsored(?: content)?|skip to (?:main )?content|back to top)$",
    r"(?:related (?:articles|stories|content|coverage)|recommended(?: for you)?|most (?:read|popular))$",
    r"all rights reserved\b",
    # feed footers: "The post <headline> appeared first on <site>."
    r"the post .{1,250} appeared first on\b",
    r"copyright\s*(?:©|\(c\))|©|copyright\s+\d{4}\b",
)

_BOILERPLATE_MAX_CHARS = 300
_BOILERPLATE = [re.compile(p, re.IGNORECASE) for p in BOILERPLATE_PATTERNS]

# Code: "{}();=" are rare in prose; six of them at one per ~8 letters is code.
# Minified code runs at one per 3-6 letters; a sentence quoting a tag or two
# (``<img src=x onerror=alert(1)>``) stays well below and is kept as data.
_CODE_CHARS = frozenset("{}();=")
_CODE_MIN = 6
_CODE_RATIO = 0.12
# Parentheses alone make a caption or a table, not code: ask for some of these.
_STRONG_CODE_CHARS = frozenset("{};=")
_STRONG_CODE_MIN = 2
# "&amp;" and friends in scraped text would otherwise count as semicolons.
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)
# JSON-LD and config blobs use quotes and colons rather than "{}();=".
_JSON_PAIR = re.compile(r"\"\s*:\s*[\"{\[\dtfn]")
_JSON_PAIRS_MIN = 3

# Blobs: the longest English words are ~30 letters, so 40+ chars without a
# space are either URLs (kept) or machine text.
_BLOB_MIN_LEN = 40
_URL = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)
_MACHINE_CHARS = re.compile(r"[\d%+=_\\{}<>|~^#$&*@]")
_CASE_FLIP = re.compile(r"[a-z][A-Z]")

# A line is title-like when short and not ending like a sentence; quotes and
# brackets may close after the full stop.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_TITLE_MAX_WORDS = 12
_TITLE_TINY_WORDS = 3
_TITLE_CASE_RATIO = 0.85
_BULLET = re.compile(r"(?:[*•·▪‣-]|\d{1,2}[.)])\s")
_MINOR_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "of", "on", "or", "the", "to"}
)
# Below this length a repeated line may be legitimate ("Yes." in a transcript).
_REPEAT_MIN_CHARS = 20

# Soft hyphens, zero-width spaces, word joiners and BOMs; not ZWJ/ZWNJ, which
# carry meaning in some scripts.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HSPACE = re.compile(r"[^\S\n]+")


def clean_text(text: str) -> str:
    """Normalise whitespace and strip page junk from article text.

    Parameters
    ----------
    text : str
        Plain text as scraped or supplied.

    Returns
    -------
    str
        The text with paragraphs separated by ``"\\n\\n"``, lines within a
        paragraph by ``"\\n"``, no leading or trailing whitespace, and without
        lines of code, encoded blobs, boilerplate and trailing page furniture.
        An empty string if nothing real is left.

    Examples
    --------
    >>> clean_text("  Putin  will visit Turkey.\\r\\n\\r\\n\\r\\nSubscribe to our newsletter\\n")
    'Putin will visit Turkey.'
    >>> clean_text("Talks began.\\n\\nvar x=f(a);if(x){g(x)};y=(b);")
    'Talks began.'
    >>> print(clean_text("The city #39;s envoy urged quot;restraint quot; &amp; calm; AT&T and R&D stay."))
    The city's envoy urged "restraint " & calm; AT&T and R&D stay.
    """
    paragraphs = _paragraphs(_normalise(text))
    lines: list[tuple[int, str]] = []  # (paragraph number, line)
    for number, paragraph in enumerate(paragraphs):
        for line in paragraph:
            kept = _strip_line_junk(line)
            if kept:
                lines.append((number, kept))
    lines, suspect = _drop_repeats(lines)
    lines = _trim_tail(lines, suspect)
    return _join(lines)


def has_prose(text: str) -> bool:
    """True if some line of ``text`` reads like a sentence, not a menu or a title.

    >>> has_prose("Home\\nWorld News\\nLog In")
    False
    >>> has_prose("Home\\nPutin will visit Turkey, the Kremlin said.")
    True
    """
    return any(not _is_title_like(line.strip()) for line in text.splitlines() if line.strip())


_NAMED_REFERENCES = {"quot": '"', "apos": "'", "amp": "&", "lt": "<", "gt": ">", "nbsp": " "}
# Full references, and the numeric or quote references some feeds strip of their "&".
_REFERENCE = re.compile(
    r"&(?:#(?P<dec>\d{1,6})|#[xX](?P<hex>[0-9a-fA-F]{1,5})|(?P<name>quot|apos|amp|lt|gt|nbsp));"
    r"|(?<![&\d])#(?P<orphan>\d{2,4});"
    r"|(?<![\w&#])(?P<orphan_name>quot|apos|amp);"
)


def _reference(match: re.Match[str]) -> str:
    number = match["dec"] or match["orphan"]
    if number or match["hex"]:
        code = int(number) if number else int(match["hex"], 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
    return _NAMED_REFERENCES[match["name"] or match["orphan_name"]]


# "the city #39;s mosque": the feed also put a space before the lost apostrophe.
_SPACED_POSSESSIVE = re.compile(r"(?<=\w) #39;(?=s\b)")


def _normalise(text: str) -> str:
    text = _REFERENCE.sub(_reference, _SPACED_POSSESSIVE.sub("'", text))
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Unicode line/paragraph separators and form feeds are line breaks too.
    text = text.replace("\u2029", "\n\n").translate({0x2028: "\n", 0x85: "\n", 0x0B: "\n", 0x0C: "\n"})
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return _HSPACE.sub(" ", text)


def _paragraphs(text: str) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def _strip_line_junk(line: str) -> str:
    """The line without blobs, or ``""`` if the whole line is junk."""
    if _is_code(line) or _is_boilerplate(line):
        return ""
    tokens = line.split(" ")
    blobs = [t for t in tokens if _is_blob(t)]
    if not blobs:
        return line
    if sum(len(t) for t in blobs) * 2 >= len(line.replace(" ", "")):
        return ""
    # A blob inside a real sentence: drop the blob, keep the sentence.
    return " ".join(t for t in tokens if not _is_blob(t))


def _is_code(line: str) -> bool:
    bare = _ENTITY.sub(" ", line)
    code = sum(1 for ch in bare if ch in _CODE_CHARS)
    strong = sum(1 for ch in bare if ch in _STRONG_CODE_CHARS)
    letters = sum(1 for ch in bare if ch.isalpha())
    if code >= _CODE_MIN and code >= _CODE_RATIO * letters and strong >= _STRONG_CODE_MIN:
        return True
    return len(_JSON_PAIR.findall(line)) >= _JSON_PAIRS_MIN


def _is_blob(token: str) -> bool:
    if len(token) < _BLOB_MIN_LEN or _URL.search(token):
        return False
    return bool(_MACHINE_CHARS.search(token)) or len(_CASE_FLIP.findall(token)) >= 3


def _is_boilerplate(line: str) -> bool:
    if len(line) > _BOILERPLATE_MAX_CHARS:
        return False
    return any(p.match(line) for p in _BOILERPLATE)


def _drop_repeats(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], set[int]]:
    """Keep the first copy of each repeated line; return indexes of repeated ones."""
    first: dict[str, int] = {}
    kept: list[tuple[int, str]] = []
    suspect: set[int] = set()
    for number, line in lines:
        key = line.casefold()
        if len(line) >= _REPEAT_MIN_CHARS and key in first:
            suspect.add(first[key])
            continue
        first.setdefault(key, len(kept))
        kept.append((number, line))
    return kept, suspect


def _is_title_like(line: str) -> bool:
    """Short, no closing punctuation, and either tiny or in Title Case.

    Title Case separates "Uncommon Knowledge" or "More From Reuters" from a
    truncated sentence such as "The talks have been", which is kept.
    """
    words = line.split()
    if len(words) > _TITLE_MAX_WORDS or _SENTENCE_END.search(line):
        return False
    if _BULLET.match(line):
        return False  # a list item closing the article is content, not a menu
    if len(words) <= _TITLE_TINY_WORDS:
        return True
    significant = [w for w in words if w.casefold() not in _MINOR_WORDS and any(c.isalpha() for c in w)]
    capitalised = [w for w in significant if not next(c for c in w if c.isalpha()).islower()]
    return len(capitalised) >= _TITLE_CASE_RATIO * len(significant)


def _trim_tail(lines: list[tuple[int, str]], suspect: set[int]) -> list[tuple[int, str]]:
    """Drop furniture after the last real line; keep all if there is no real line."""
    end = len(lines)
    while end and (end - 1 in suspect or _is_title_like(lines[end - 1][1])):
        end -= 1
    return lines[:end] if end else lines


def _join(lines: list[tuple[int, str]]) -> str:
    out: list[str] = []
    previous = None
    for number, line in lines:
        if previous is not None:
            out.append("\n" if number == previous else "\n\n")
        out.append(line)
        previous = number
    return "".join(out)
