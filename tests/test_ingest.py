"""Tests of kg.ingest: cleaning, validation and the file readers."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    article_from_html,
    article_from_record,
    clean_text,
    count_records,
    parse_date,
    read_path,
    read_stream,
)
from kg.ingest import records as ingest_records
from kg.model import Article
from kg.resources import data_path

SEED = data_path("articles", "putin-turkey-visit-2024-01-29.txt")

PARAGRAPHS = [
    "Talks between the two foreign ministers opened in Ankara on Monday, officials said.",
    "The ministers discussed grain exports, prisoner exchanges and a possible summit later this year.",
]

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Ministers meet in Ankara | Example News</title>
  <meta property="og:url" content="https://news.example.com/world/ankara-talks">
  <meta property="article:published_time" content="2024-02-03T08:00:00Z">
  <style>body { font-family: serif; } .promo { color: red; }</style>
  <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
</head>
<body>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/login">Log in</a></li>
  </ul></nav>
  <main><article>
    <h1>Ministers meet in Ankara</h1>
    <p>The foreign ministers of Turkey and Ukraine met in Ankara on Saturday to prepare a visit by the
       Ukrainian president, according to a statement from the Turkish foreign ministry.</p>
    <script>jQuery('.slider').owlCarousel({loop:!1,margin:10,nav:!0,items:1});</script>
    <p>The two sides discussed the safety of shipping in the Black Sea and the exchange of prisoners of
       war, the statement said, adding that further talks would be held in Istanbul next month.</p>
    <p>Turkey has hosted several rounds of talks since 2022 and helped to broker the Black Sea Grain
       Initiative, which allowed the export of agricultural products from Ukrainian ports.</p>
  </article></main>
  <footer><p>Subscribe to our newsletter</p><p>Copyright 2024 Example News. All rights reserved.</p></footer>
</body>
</html>
"""


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def write_jsonl(path: Path, lines: list[str | dict]) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


# --- clean_text ---------------------------------------------------------------


def test_seed_article_keeps_every_paragraph_and_drops_the_page_junk():
    raw = SEED.read_text(encoding="utf-8")
    cleaned = clean_text(raw)

    assert cleaned.endswith('Although I was prepared to fly to Turkey."')
    for junk in ("jQuery", "owlCarousel", "ncG1vNJ", "{", "Update 1/29/24", "Uncommon Knowledge", "Newsweek is"):
        assert junk not in cleaned
    # Every paragraph before the editor's update note survives, unchanged and in order.
    body = raw[: raw.index("Update 1/29/24")].strip()
    assert paragraphs(cleaned) == paragraphs(body)
    assert cleaned.startswith("Russian President Vladimir Putin will visit Turkey next month")
    assert "hosting two rounds of peace talks in Antalya and Istanbul in 2022." in cleaned
    assert '"We\'re making arrangements," he said.' in cleaned


def test_clean_text_normalises_whitespace_and_keeps_paragraph_breaks():
    raw = "\ufeff  Talks  opened\tin\u00a0Ankara.\r\nThey lasted two days.\r\n\r\n\r\n\n  The   ministers met again. \n"
    assert clean_text(raw) == "Talks opened in Ankara.\nThey lasted two days.\n\nThe ministers met again."


def test_clean_text_drops_code_blobs_promos_and_trailing_furniture():
    blob = "QmFzZTY0IGJsb2IgZm9yIGEgdHJhY2tpbmcgcGl4ZWwgaW4gYSBzY3JhcGVkIHBhZ2U%3D9f8a7b"
    raw = "\n\n".join(
        [
            "We use cookies to improve your experience on our site.",
            PARAGRAPHS[0],
            "body{margin:0;padding:0}.nav{display:flex;color:#333}.ad{width:300px;height:250px}",
            PARAGRAPHS[1],
            "Editor's note, 3 Feb 2024, 09:15: This story has been updated with comment from Kyiv.",
            "More From Example News",
            "Example News is proud to bring you independent reporting from around the world.",
            "Sign up for our daily briefing newsletter",
            "The post Putin to visit Turkey next month appeared first on Example News.",
            "Example News is proud to bring you independent reporting from around the world.",
            'window.__DATA__={"@context":"https://schema.org","@type":"NewsArticle","headline":"x","wordCount":500}',
            blob,
        ]
    )
    assert paragraphs(clean_text(raw)) == PARAGRAPHS


def test_clean_text_keeps_unusual_but_real_text():
    # Parentheses, a URL, a list and a final unpunctuated long paragraph are all content.
    text = "\n\n".join(
        [
            "Erdoğan (left) met Putin (right) in Sochi (Russia) on 4 September (2023), Reuters (UK) reported.",
            "The statement is at https://www.mfa.gov.tr/statements/2023-09-04-joint-statement-on-grain.en.mfa now.",
            "The agenda covered:\n* Grain exports\n* Prisoner exchanges",
            "Officials said the talks would resume in Istanbul after the elections in the spring of next year",
        ]
    )
    assert clean_text(text) == text


def test_clean_text_leaves_headline_only_text_alone():
    # Nothing sentence-like to anchor on: do not trim the only content away.
    assert clean_text("Putin To Visit Turkey") == "Putin To Visit Turkey"
    assert clean_text("   \n\n\t") == ""


# --- parse_date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-29", date(2024, 1, 29)),
        ("2024-01-29T10:25:00Z", date(2024, 1, 29)),
        ("2024-01-29T23:30:00-05:00", date(2024, 1, 29)),
        (date(2024, 1, 29), date(2024, 1, 29)),
        (None, None),
        ("", None),
    ],
)
def test_parse_date_accepts_iso_dates(value, expected):
    assert parse_date(value, "x.jsonl:1") == expected


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", 20240129, "29/01/2024", "2024-01-29T99:00", True])
def test_parse_date_rejects_anything_else_naming_place_and_value(value):
    with pytest.raises(InputError) as info:
        parse_date(value, "x.jsonl:7")
    assert info.value.where == "x.jsonl:7"
    assert repr(value) in info.value.message


# --- article_from_record ----------------------------------------------------------


def test_record_with_all_fields():
    record = {
        "id": 42,
        "text": "  ".join(PARAGRAPHS),
        "title": "  Ministers   meet ",
        "published": "2024-02-03",
        "url": "https://news.example.com/a",
        "publisher": "Example News",
        "section": "world",
    }
    article = article_from_record(record, "in.jsonl:1")
    assert article == Article(
        id="42",
        text=" ".join(PARAGRAPHS),
        title="Ministers meet",
        published=date(2024, 2, 3),
        url="https://news.example.com/a",
        publisher="Example News",
        origin="in.jsonl:1",
    )


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"text": "Some text."}, "missing 'id'"),
        ({"id": "a"}, "missing 'text'"),
        ({"id": "a", "text": " \n\t "}, "empty text"),
        ({"id": "a", "text": ["x"]}, "'text' must be a string"),
        ({"id": True, "text": "x."}, "'id' must be a string"),
        ({"id": "a\x00b", "text": "x."}, "control characters"),
        ({"id": "a", "text": "x.", "url": "javascript:alert(1)"}, "http(s) URL"),
        ({"id": "a", "text": "x.", "title": 7}, "'title' must be a string"),
        ({"id": "a", "text": "x.", "published": "yesterday"}, "invalid published date 'yesterday'"),
        (["not", "an", "object"], "expected a JSON object, got an array"),
    ],
)
def test_invalid_records_are_rejected_with_their_origin(record, message):
    with pytest.raises(InputError) as info:
        article_from_record(record, "in.jsonl:3")
    assert message in info.value.message
    assert info.value.where == "in.jsonl:3"


def test_text_longer_than_the_limit_is_rejected(monkeypatch):
    monkeypatch.setattr(ingest_records, "MAX_TEXT_CHARS", 50)
    with pytest.raises(InputError, match="longer than 50 characters"):
        article_from_record({"id": "a", "text": "x" * 51}, "in.jsonl:1")


def test_ids_are_data_and_markup_in_plain_text_is_kept_as_text():
    text = 'He typed <script>alert("x")</script> and <img src=x onerror=alert(1)> into the ministry\'s form.'
    article = article_from_record({"id": "../../etc/passwd", "text": text}, "in.jsonl:1")
    assert article.id == "../../etc/passwd"
    assert article.text == text


def test_record_whose_text_is_an_html_document_is_extracted():
    article = article_from_record({"id": "page", "text": PAGE, "title": "Given title"}, "in.jsonl:1")
    assert article.title == "Given title"
    assert "foreign ministers of Turkey and Ukraine met in Ankara" in article.text
    assert "<p>" not in article.text and "owlCarousel" not in article.text


# --- HTML -----------------------------------------------------------------------


def test_html_page_gives_only_the_article_paragraphs_and_its_metadata():
    article = article_from_html(PAGE, "ankara-talks", "page.html")
    assert len(paragraphs(article.text)) == 3
    assert article.text.startswith("The foreign ministers of Turkey and Ukraine met in Ankara on Saturday")
    assert article.text.endswith("from Ukrainian ports.")
    for junk in ("Home", "Log in", "jQuery", "gtag", "font-family", "Subscribe", "Copyright"):
        assert junk not in article.text
    assert article.title == "Ministers meet in Ankara"
    assert article.url == "https://news.example.com/world/ankara-talks"
    assert article.published == date(2024, 2, 3)


def test_html_date_comes_from_markup_not_from_dates_in_the_prose():
    page = PAGE.replace('<meta property="article:published_time" content="2024-02-03T08:00:00Z">', "")
    page = page.replace("since 2022", "since 2022-08-01")
    assert article_from_html(page, "a", "page.html").published is None


def test_html_without_article_text_is_an_error():
    page = "<html><head><script>var a = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError, match="no article text") as info:
        article_from_html(page, "empty", "empty.html")
    assert info.value.where == "empty.html"


# --- read_path ------------------------------------------------------------------


def test_text_file_with_sidecar_metadata():
    (article,) = read_path(SEED)
    assert isinstance(article, Article)
    assert (article.id, article.published, article.publisher) == (
        "putin-turkey-visit-2024-01-29",
        date(2024, 1, 29),
        "Newsweek",
    )
    assert article.origin == str(SEED)
    assert article.text.endswith('fly to Turkey."')


def test_sidecar_wins_and_keyword_defaults_fill_the_gaps(tmp_path):
    (tmp_path / "story.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps({"id": "s-1", "publisher": "Sidecar Daily"}), encoding="utf-8")
    (article,) = read_path(tmp_path / "story.txt", published="2024-02-01", publisher="Default Press")
    assert (article.id, article.publisher, article.published) == ("s-1", "Sidecar Daily", date(2024, 2, 1))


def test_broken_sidecar_is_reported_against_the_sidecar(tmp_path):
    (tmp_path / "story.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    sidecar = tmp_path / "story.json"
    sidecar.write_text('{"id": "s-1", "published": ', encoding="utf-8")
    (error,) = read_path(tmp_path / "story.txt")
    assert isinstance(error, InputError)
    assert error.where == str(sidecar) and "malformed JSON" in error.message


def test_html_file_with_sidecar_metadata(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.json").write_text('{"id": "ankara", "published": "2024-02-04"}', encoding="utf-8")
    (article,) = read_path(tmp_path / "page.html", publisher="Example News")
    assert (article.id, article.published, article.publisher) == ("ankara", date(2024, 2, 4), "Example News")
    assert article.title == "Ministers meet in Ankara"


def test_text_file_without_sidecar_is_named_by_its_stem(tmp_path):
    path = tmp_path / "notes"
    path.write_text(PARAGRAPHS[1], encoding="utf-8")
    (article,) = read_path(str(path))
    assert article.id == "notes"
    assert article.published is None


def test_jsonl_yields_articles_and_errors_line_by_line(tmp_path):
    path = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            {"id": "good-1", "text": PARAGRAPHS[0], "published": "2024-02-03"},
            '{"id": "broken", "text": ',
            {"id": "empty", "text": "   "},
            "",
            {"id": "bad-date", "text": PARAGRAPHS[1], "published": "2024-13-45"},
            '["an", "array"]',
            {"id": "good-2", "text": PARAGRAPHS[1]},
        ],
    )
    items = list(read_path(path, publisher="Wire"))

    assert [type(x) for x in items] == [Article, InputError, InputError, InputError, InputError, Article]
    assert [x.where for x in items if isinstance(x, InputError)] == [f"{path}:{n}" for n in (2, 3, 5, 6)]
    good1, bad_json, empty, bad_date, not_object, good2 = items
    assert "malformed JSON" in bad_json.message
    assert empty.message == "empty text"
    assert "'2024-13-45'" in bad_date.message
    assert (empty.record_id, bad_date.record_id) == ("empty", "bad-date")
    assert "JSON object" in not_object.message
    assert (good1.id, good1.published, good1.publisher) == ("good-1", date(2024, 2, 3), "Wire")
    assert good1.origin == f"{path}:1"
    assert good2.origin == f"{path}:7"


def test_non_utf8_bytes_name_the_file_and_the_line(tmp_path):
    text_file = tmp_path / "latin1.txt"
    text_file.write_bytes("Erdoğan met Putin in Sochi.".encode("iso-8859-9"))
    (error,) = read_path(text_file)
    assert isinstance(error, InputError)
    assert error.where == str(text_file) and "UTF-8" in error.message

    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_bytes(b'{"id": "a", "text": "caf\xe9 talks."}\n' + json.dumps({"id": "b", "text": "Fine."}).encode())
    bad, good = read_path(jsonl)
    assert isinstance(bad, InputError) and bad.where == f"{jsonl}:1" and "UTF-8" in bad.message
    assert isinstance(good, Article) and good.id == "b"


def test_missing_path_is_yielded_not_raised(tmp_path):
    missing = tmp_path / "nope.jsonl"
    (error,) = read_path(missing)
    assert isinstance(error, InputError)
    assert error.where == str(missing)


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.html"])
def test_empty_file_is_an_error(tmp_path, name):
    path = tmp_path / name
    path.write_text(" \n\n", encoding="utf-8")
    (error,) = read_path(path)
    assert isinstance(error, InputError)
    assert error.where == str(path) and "empty" in error.message


def test_bad_published_argument_fails_at_once():
    with pytest.raises(InputError, match="invalid published date"):
        read_path(SEED, published="last week")


def test_folder_reads_supported_files_in_order_and_skips_sidecars(tmp_path):
    (tmp_path / "a-story.txt").write_text(PARAGRAPHS[0], encoding="utf-8")
    (tmp_path / "a-story.json").write_text('{"title": "A story"}', encoding="utf-8")
    (tmp_path / "b-page.html").write_text(PAGE, encoding="utf-8")
    write_jsonl(tmp_path / "c-batch.jsonl", [{"id": "c1", "text": PARAGRAPHS[1]}, "{oops"])
    (tmp_path / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    (tmp_path / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")

    items = list(read_path(tmp_path))

    assert [getattr(x, "id", None) for x in items] == ["a-story", "b-page", "c1", None]
    assert items[0].title == "A story"
    assert items[1].url == "https://news.example.com/world/ankara-talks"
    assert items[3].where == str(tmp_path / "c-batch.jsonl") + ":2"
    assert count_records(tmp_path) == len(items)
    assert count_records([tmp_path, tmp_path / "missing.txt"]) == len(items) + 1


def test_empty_folder_is_an_error(tmp_path):
    (error,) = read_path(tmp_path)
    assert isinstance(error, InputError) and error.where == str(tmp_path)


def test_read_stream_reads_jsonl_and_plain_text():
    stream = io.BytesIO(b'{"id": "s1", "text": "Talks began."}\nnot json\n')
    first, second = read_stream(stream, name="<stdin>")
    assert isinstance(first, Article) and first.origin == "<stdin>:1"
    assert isinstance(second, InputError) and second.where == "<stdin>:2"

    (article,) = read_stream(io.StringIO(PARAGRAPHS[0]), format="text", id="typed")
    assert (article.id, article.text) == ("typed", PARAGRAPHS[0])
    assert count_records(["-"]) is None
