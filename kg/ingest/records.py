"""Turn one input record (a JSON object, a text, an HTML page) into an Article.

Every check raises :class:`~kg.errors.InputError` naming the place of the
fault, so a batch reader can report it and carry on with the next record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from kg.errors import InputError
from kg.ingest.clean import clean_text, has_prose
from kg.model import Article
from kg.vocab import check_article_id

__all__ = [
    "MAX_HTML_CHARS",
    "MAX_TEXT_CHARS",
    "article_from_html",
    "article_from_record",
    "looks_like_html_document",
    "parse_date",
    "record_metadata",
]

#: Longest article text accepted, in characters (before cleaning).
MAX_TEXT_CHARS = 2_000_000
#: Longest HTML page accepted; markup is several times the size of its text.
MAX_HTML_CHARS = 10 * MAX_TEXT_CHARS

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?")
# A whole page: optional XML declaration and comments, then a doctype or <html>.
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)


def parse_date(value: object, where: str | None = None, *, field: str = "date") -> date | None:
    """Parse a publication date.

    Parameters
    ----------
    value : str, datetime.date or None
        ``"YYYY-MM-DD"`` or a full ISO 8601 date-time such as
        ``"2024-01-29T10:25:00Z"`` (the date as written is kept, the time and
        zone are dropped). ``None`` and ``""`` mean "no date".
    where : str, optional
        The place of the value, for the error message (``file:line``).
    field : str
        The name of the field, for the error message.

    Returns
    -------
    datetime.date or None

    Raises
    ------
    InputError
        For anything else: impossible dates, other formats, numbers.

    Examples
    --------
    >>> parse_date("2024-01-29T10:25:00Z")
    datetime.date(2024, 1, 29)
    >>> parse_date("", "x.jsonl:3") is None
    True
    >>> parse_date("2024-13-45", "x.jsonl:3")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: x.jsonl:3: invalid date '2024-13-45' (expected YYYY-MM-DD)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            if _ISO_DATE.fullmatch(text):
                return date.fromisoformat(text)
            if _ISO_DATETIME.fullmatch(text):
                return datetime.fromisoformat(text.replace(",", ".")).date()
        except ValueError:
            pass  # the shape was right but the numbers were not: same error below
    message = f"invalid {field} {value!r} (expected YYYY-MM-DD)"
    raise InputError(message, where=where)


def looks_like_html_document(text: str) -> bool:
    """True if ``text`` is a whole HTML page rather than prose mentioning tags.

    >>> looks_like_html_document("<!DOCTYPE html><html><body>...</body></html>")
    True
    >>> looks_like_html_document("He wrote <script>alert(1)</script> in the form.")
    False
    """
    return bool(_HTML_START.match(text[:2000]))


def article_from_record(record: Mapping[str, Any], origin: str) -> Article:
    """Validate one JSON record and build its Article.

    Parameters
    ----------
    record : mapping
        ``{"id", "text", "title"?, "published"?, "url"?, "publisher"?}``;
        other keys are ignored. An integer id is accepted and made a string.
        ``text`` is plain text (kept as data even if it contains markup),
        unless it is a whole HTML document, which is extracted as a page.
    origin : str
        Where the record came from (``file`` or ``file:line``); it becomes
        ``Article.origin`` and the ``where`` of every error.

    Returns
    -------
    Article
        With cleaned text (see :func:`kg.ingest.clean_text`).

    Raises
    ------
    InputError
        If the record is not an object, the id or text is missing or invalid,
        the text is empty after cleaning or too long, a date is invalid or the
        url is not http(s). Its ``record_id`` attribute is the record's id
        when one could be read (for reports keyed by id), else None.
    """
    try:
        return _article_from_record(record, origin)
    except InputError as exc:
        raw_id = record.get("id") if isinstance(record, Mapping) else None
        exc.record_id = str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
        raise


def _article_from_record(record: Mapping[str, Any], origin: str) -> Article:
    if not isinstance(record, Mapping):
        raise InputError(f"expected a JSON object, got {_json_type(record)}", where=origin)
    article_id = _article_id(record.get("id"), origin)
    text = record.get("text")
    if text is None:
        raise InputError("missing 'text'", where=origin)
    if not isinstance(text, str):
        raise InputError(f"'text' must be a string, got {_json_type(text)}", where=origin)
    meta = record_metadata(record, origin)
    if looks_like_html_document(text):
        return article_from_html(text, article_id, origin, **meta)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text is longer than {MAX_TEXT_CHARS:,} characters", where=origin)
    cleaned = clean_text(text)
    if not cleaned:
        raise InputError("empty text", where=origin)
    return Article(id=article_id, text=cleaned, origin=origin, **meta)


def record_metadata(record: Mapping[str, Any], origin: str | None) -> dict[str, Any]:
    """The validated optional fields of a record: title, publisher, url, published.

    Raises
    ------
    InputError
        If a field has the wrong type, the url is not http(s) or the date is invalid.
    """
    return {
        "title": _optional_text(record, "title", origin),
        "publisher": _optional_text(record, "publisher", origin),
        "url": _url(record.get("url"), origin),
        "published": parse_date(record.get("published"), origin, field="published date"),
    }


def article_from_html(
    html: str,
    id: str,  # named like the record field
    origin: str | None = None,
    *,
    title: str | None = None,
    published: date | str | None = None,
    url: str | None = None,
    publisher: str | None = None,
) -> Article:
    """Extract the article from an HTML page.

    The main text comes from trafilatura (no network access); navigation,
    comments, tables, scripts and styles are left out, then the text goes
    through :func:`kg.ingest.clean_text`. Title, url and publication date
    come from the page's metadata where the caller gave none.

    Parameters
    ----------
    html : str
        The page.
    id : str
        The article id.
    origin : str, optional
        Where the page came from, for ``Article.origin`` and error messages.
    title, published, url, publisher : optional
        Metadata that wins over what the page declares.

    Returns
    -------
    Article

    Raises
    ------
    InputError
        If the page is too large, no article text is found, or given
        metadata is invalid.
    """
    import trafilatura  # heavy: only HTML input needs it

    article_id = _article_id(id, origin)
    if len(html) > MAX_HTML_CHARS:
        raise InputError(f"HTML page is longer than {MAX_HTML_CHARS:,} characters", where=origin)
    published = parse_date(published, origin, field="published date")
    url = _url(url, origin)
    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        with_metadata=True,
    )
    page_title = _tidy(getattr(doc, "title", None))
    title = _tidy(title) or page_title
    # trafilatura puts one block (paragraph, heading, list item) per line.
    blocks = [" ".join(line.split()) for line in (getattr(doc, "text", None) or "").splitlines()]
    blocks = [b for b in blocks if b]
    if blocks and blocks[0].casefold() in {t.casefold() for t in (title, page_title) if t}:
        blocks = blocks[1:]  # the headline is kept in ``title``, not twice
    text = clean_text("\n\n".join(blocks))
    # Pages without an article still yield a menu word or two; that is not an article.
    if not has_prose(text):
        raise InputError("no article text found in the HTML page", where=origin)
    if url is None:
        page_url = _tidy(getattr(doc, "url", None))
        url = page_url if page_url and _is_http_url(page_url) else None
    if published is None:
        published = _declared_date(html)
    return Article(
        id=article_id,
        text=text,
        title=title,
        published=published,
        url=url,
        publisher=_tidy(publisher),
        origin=origin,
    )


def _declared_date(html: str) -> date | None:
    """The publication date the page declares in its markup, or None.

    Only the ``<head>`` and ``<time>`` elements are searched: dates found in
    the prose are the dates of the events reported, not of the article.
    """
    from copy import deepcopy

    import lxml.html
    from htmldate import find_date
    from lxml.etree import ParserError

    try:
        page = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return None
    markup = lxml.html.Element("html")
    head = page.find("head")
    if head is not None:
        markup.append(deepcopy(head))
    body = lxml.html.Element("body")
    markup.append(body)
    for element in page.iter("time"):
        body.append(deepcopy(element))
    found = find_date(markup, extensive_search=False, original_date=True)
    try:
        return parse_date(found)
    except InputError:
        return None  # a guess we cannot read is no date, not a bad record


def _article_id(value: object, origin: str | None) -> str:
    if value is None:
        raise InputError("missing 'id'", where=origin)
    # bool is an int to Python but never a sensible id.
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(f"'id' must be a string, got {_json_type(value)}", where=origin)
    try:
        return check_article_id(value)
    except InputError as exc:
        raise InputError(exc.message, where=origin) from None


def _optional_text(record: Mapping[str, Any], key: str, origin: str | None) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be a string, got {_json_type(value)}", where=origin)
    return _tidy(value)


def _url(value: object, origin: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"'url' must be a string, got {_json_type(value)}", where=origin)
    url = value.strip()
    if not url:
        return None
    if not _is_http_url(url):
        raise InputError(f"'url' must be an http(s) URL, got {url!r}", where=origin)
    return url


def _is_http_url(url: str) -> bool:
    if any(ch.isspace() for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _tidy(value: str | None) -> str | None:
    """Collapse whitespace; an empty string means "not given"."""
    if value is None:
        return None
    return " ".join(value.split()) or None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a number" if isinstance(value, int | float) else type(value).__name__
