"""Ingest: turn text, HTML and JSONL input into clean :class:`~kg.model.Article` objects.

Public API
----------
clean_text
    Normalise whitespace and strip scraped page junk from plain text.
parse_date
    Parse a ``YYYY-MM-DD`` (or ISO date-time) publication date.
article_from_record
    Validate one JSON record and build its Article.
article_from_html
    Extract the article of an HTML page (trafilatura, no network).
read_path, read_stream
    Yield an Article or an InputError per record of a file, folder or stream.
count_records
    A cheap estimate of the number of records, for progress bars.
"""

from kg.ingest.clean import BOILERPLATE_PATTERNS, clean_text
from kg.ingest.files import FORMATS, count_records, read_path, read_stream
from kg.ingest.records import (
    MAX_HTML_CHARS,
    MAX_TEXT_CHARS,
    article_from_html,
    article_from_record,
    looks_like_html_document,
    parse_date,
)

__all__ = [
    "BOILERPLATE_PATTERNS",
    "FORMATS",
    "MAX_HTML_CHARS",
    "MAX_TEXT_CHARS",
    "article_from_html",
    "article_from_record",
    "clean_text",
    "count_records",
    "looks_like_html_document",
    "parse_date",
    "read_path",
    "read_stream",
]
