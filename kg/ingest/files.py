"""Read articles from files, folders and streams.

The readers are generators that yield an :class:`~kg.model.Article` or an
:class:`~kg.errors.InputError` per record: a bad record is reported in place
and never stops a batch. ``where`` of an error is ``file`` or ``file:line``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.ingest import records
from kg.ingest.records import article_from_html, article_from_record, parse_date, record_metadata
from kg.model import Article

__all__ = ["FORMATS", "count_records", "read_path", "read_stream"]

PathLike = str | os.PathLike[str]
Item = Article | InputError

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
#: Suffixes read as plain text when met in a folder; any other named file is, too.
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
#: Formats :func:`read_stream` understands.
FORMATS = ("jsonl", "text", "html")

# UTF-8 takes at most 4 bytes per character: a cheap size check before reading.
_BYTES_PER_CHAR = 4


def read_path(
    path: PathLike,
    *,
    published: date | str | None = None,
    publisher: str | None = None,
) -> Iterator[Item]:
    """Read the articles in a file or folder.

    Parameters
    ----------
    path : str or path-like
        A file or a folder. By suffix: ``.jsonl``/``.ndjson`` hold one JSON
        record per non-blank line; ``.html``/``.htm`` are pages; ``.json`` is
        one record (or an array of records); anything else is plain text,
        one article whose id is the file stem. A text or HTML file may have a
        sidecar ``<stem>.json`` with ``id``, ``title``, ``published``, ``url``
        and ``publisher``. A folder yields all its supported files in name
        order (not recursively), skipping the sidecars.
    published, publisher : optional
        Defaults for records (and sidecars) that do not give them.

    Yields
    ------
    Article or InputError
        One item per record, in input order. Missing paths, unreadable or
        empty files, bad encoding, malformed JSON and invalid records are
        yielded as errors; reading goes on with the next record.

    Raises
    ------
    InputError
        At once, if ``published`` itself is not a valid date.
    """
    defaults = _defaults(published, publisher)
    return _read_any(Path(path), str(path), defaults)


def read_stream(
    stream: IO[bytes] | IO[str],
    *,
    format: str = "jsonl",  # the CLI option is called --format
    name: str = "<stdin>",
    id: str | None = None,  # named like the record field
    published: date | str | None = None,
    publisher: str | None = None,
) -> Iterator[Item]:
    """Read articles from an open stream, such as standard input.

    Parameters
    ----------
    stream : binary or text file object
        The input; bytes are decoded as UTF-8.
    format : {"jsonl", "text", "html"}
        JSONL records, or one plain-text or HTML article.
    name : str
        Name of the stream in ``where`` of errors (``<stdin>:3``).
    id : str, optional
        Id of a text or HTML article; by default ``name`` without brackets.
    published, publisher : optional
        Defaults for records that do not give them.

    Yields
    ------
    Article or InputError
        As :func:`read_path`.
    """
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}", where="format")
    defaults = _defaults(published, publisher)
    if format == "jsonl":
        return _read_jsonl_lines(stream, name, defaults)
    return _read_stream_document(stream, format, name, id or name.strip("<>") or "stdin", defaults)


def count_records(paths: PathLike | Iterable[PathLike]) -> int | None:
    """Estimate how many items reading ``paths`` will yield, for a progress bar.

    Counts the non-blank lines of JSONL files and one item per other file,
    folder member or missing path. ``None`` if standard input (``-``) is
    among the paths.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    total = 0
    for item in paths:
        if str(item) == "-":
            return None
        path = Path(item)
        members = _folder_files(path) if path.is_dir() else [path]
        total += sum(_count_file(member) for member in members) or 1
    return total


def _defaults(published: date | str | None, publisher: str | None) -> dict[str, Any]:
    return {
        "published": parse_date(published, "published", field="published date"),
        "publisher": publisher,
    }


def _read_any(path: Path, where: str, defaults: Mapping[str, Any]) -> Iterator[Item]:
    if path.is_dir():
        yield from _read_folder(path, where, defaults)
    elif not path.exists():
        yield InputError("no such file or directory", where=where)
    else:
        yield from _read_file(path, where, defaults)


def _read_file(path: Path, where: str, defaults: Mapping[str, Any]) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, where, defaults)
        return
    try:
        if suffix in JSON_SUFFIXES:
            yield from _read_json_file(path, where, defaults)
        elif suffix in HTML_SUFFIXES:
            yield _read_html_file(path, where, defaults)
        else:
            yield _read_text_file(path, where, defaults)
    except InputError as exc:
        yield exc


def _read_folder(folder: Path, where: str, defaults: Mapping[str, Any]) -> Iterator[Item]:
    try:
        files = _folder_files(folder)
    except OSError as exc:
        yield InputError(f"cannot read folder: {exc.strerror}", where=where)
        return
    if not files:
        yield InputError("no article files in folder", where=where)
    for path in files:
        yield from _read_file(path, os.path.join(where, path.name), defaults)


def _folder_files(folder: Path) -> list[Path]:
    """Supported files of a folder in name order, without sidecars and hidden files."""
    candidates = sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix.lower() in JSONL_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | TEXT_SUFFIXES
    )
    documents = {p.stem for p in candidates if p.suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES}
    return [p for p in candidates if not (p.suffix.lower() in JSON_SUFFIXES and p.stem in documents)]


def _count_file(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip()) or 1
    except OSError:
        return 1


# --- plain text, HTML and JSON files ---------------------------------------


def _read_text_file(path: Path, where: str, defaults: Mapping[str, Any]) -> Article:
    text = _decode(_read_bytes(path, where, records.MAX_TEXT_CHARS), where)
    record = {"id": path.stem, **_sidecar(path, defaults), "text": text}
    return article_from_record(record, where)


def _read_html_file(path: Path, where: str, defaults: Mapping[str, Any]) -> Article:
    html = _decode(_read_bytes(path, where, records.MAX_HTML_CHARS), where)
    return _html_article(html, path.stem, where, _sidecar(path, defaults))


def _html_article(html: str, default_id: str, where: str, meta: Mapping[str, Any]) -> Article:
    article_id = meta.get("id")
    return article_from_html(
        html,
        default_id if article_id is None else article_id,
        where,
        **record_metadata(meta, where),
    )


def _read_json_file(path: Path, where: str, defaults: Mapping[str, Any]) -> Iterator[Item]:
    data = _parse_json(_decode(_read_bytes(path, where, records.MAX_HTML_CHARS), where), where)
    if isinstance(data, list):
        if not data:
            yield InputError("empty array: no records", where=where)
        for index, item in enumerate(data):
            yield _record_article(item, f"{where}[{index}]", defaults)
    else:
        yield _record_article(data, where, defaults)


def _sidecar(path: Path, defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Metadata from ``<stem>.json`` next to a text or HTML file, with defaults filled in."""
    sidecar = path.with_suffix(".json")
    meta: dict[str, Any] = {}
    if sidecar.is_file():
        where = str(sidecar)
        data = _parse_json(_decode(_read_bytes(sidecar, where, records.MAX_TEXT_CHARS), where), where)
        if not isinstance(data, dict):
            raise InputError("metadata file must hold a JSON object", where=where)
        # The text comes from the document, never from its metadata.
        meta = {key: value for key, value in data.items() if key != "text"}
    return _fill(meta, defaults)


def _read_stream_document(
    stream: IO[bytes] | IO[str], format: str, name: str, article_id: str, defaults: Mapping[str, Any]
) -> Iterator[Item]:
    try:
        data = stream.read()
        text = _decode(data, name) if isinstance(data, bytes) else data
        if not text.strip():
            raise InputError("empty input", where=name)
        meta = _fill({"id": article_id}, defaults)
        if format == "html":
            yield _html_article(text, article_id, name, meta)
        else:
            yield article_from_record({**meta, "text": text}, name)
    except InputError as exc:
        yield exc


# --- JSON Lines ------------------------------------------------------------


def _read_jsonl_file(path: Path, where: str, defaults: Mapping[str, Any]) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror}", where=where)
        return
    with handle:
        yield from _read_jsonl_lines(handle, where, defaults)


def _read_jsonl_lines(lines: Iterable[bytes | str], where: str, defaults: Mapping[str, Any]) -> Iterator[Item]:
    seen = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen = True
        line_where = f"{where}:{number}"
        try:
            text = _decode(raw, line_where) if isinstance(raw, bytes) else raw
            if number == 1:
                text = text.removeprefix("\ufeff")  # a byte-order mark is not JSON
            yield _record_article(_parse_json(text, line_where), line_where, defaults)
        except InputError as exc:
            yield exc
    if not seen:
        yield InputError("empty file", where=where)


def _record_article(record: object, where: str, defaults: Mapping[str, Any]) -> Item:
    try:
        if isinstance(record, dict):
            record = _fill(record, defaults)
        return article_from_record(record, where)  # type: ignore[arg-type]  # rejects non-objects
    except InputError as exc:
        return exc


# --- helpers ---------------------------------------------------------------


def _read_bytes(path: Path, where: str, max_chars: int) -> bytes:
    try:
        if path.stat().st_size > _BYTES_PER_CHAR * max_chars:
            raise InputError(f"file is larger than {max_chars:,} characters", where=where)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", where=where) from None
    if not data.strip():
        raise InputError("empty file", where=where)
    return data


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start})", where=where) from None


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", where=where) from None
    except RecursionError:
        raise InputError("malformed JSON: nested too deeply", where=where) from None


def _fill(record: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` with missing or null fields taken from ``defaults``."""
    filled = dict(record)
    for key, value in defaults.items():
        if value is not None and filled.get(key) is None:
            filled[key] = value
    return filled
