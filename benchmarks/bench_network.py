"""Benchmark of the actor network on a synthetic graph (not a unit test; run on demand).

    python benchmarks/bench_network.py                 # 20,000 actors, 200,000 events
    python benchmarks/bench_network.py --actors 2000 --events 20000
    python benchmarks/bench_network.py --store /tmp/benchstore   # load once (~7 min), reuse after

Loads the events into an Oxigraph store in a temporary folder (or in the
``--store`` folder if it does not exist yet; an existing one is opened read-only
and reused) through ``KnowledgeGraph.write_articles`` (Oxigraph's bulk loader
for new graphs), then times, each next to NetworkX called directly on the same
data in the same run:

* projection (SPARQL aggregation in the store -> DiGraph), cold and cached,
  against building the same DiGraph in Python from the generated events, and
  at country level (each actor counts as the country its events state);
* PageRank (``kg.analysis.pagerank`` vs ``nx.pagerank``);
* sampled betweenness (``kg.analysis.betweenness(k=...)`` vs ``nx.betweenness_centrality(k=...)``);
* page generation (``render_network`` with the 500-node limit, and the store
  page with evidence) against Pyvis's own ``from_nx`` + ``generate_html`` on
  the same 500 nodes.

Prints a table and appends it to ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import networkx as nx

from kg.analysis import Filters, betweenness, pagerank, project
from kg.cameo import cameo_table
from kg.model import Actor, Article, Event
from kg.store import KnowledgeGraph
from kg.viz import render_network
from kg.viz.pages import network_page

RESULTS = Path(__file__).with_name("results.md")
CODES = ["010", "036", "040", "042", "043", "046", "057", "061", "070", "112", "120", "130", "163", "173", "190"]
TYPES = ["state", "person", "organization", "group"]


def timed(fn: Callable[[], Any], repeat: int = 1, collect: bool = False) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs (the first run also pays for imports and warm-up).

    Each run starts after a full garbage collection, so no step pays for the
    garbage of the one before. With ``collect`` the run's own collection is
    timed too: the projection holds the collector off while it builds and
    leaves it the scan of what it made, which would otherwise fall on the next step.
    """
    best, value = float("inf"), None
    for _ in range(repeat):
        value = None
        gc.collect()
        start = time.perf_counter()
        value = fn()
        if collect:
            gc.collect()
        best = min(best, time.perf_counter() - start)
    return best, value


def make_actors(n: int, rng: random.Random) -> list[Actor]:
    # Unresolved actors carry their label and type in the article graphs, like
    # actors the gazetteer does not know; their country is one of 200 codes.
    countries = [f"X{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(200)]
    return [
        Actor(f"bench-{i:05d}", f"Actor {i}", rng.choice(TYPES), country=rng.choice(countries), resolved=False)
        for i in range(n)
    ]


def make_events(actors: list[Actor], n: int, rng: random.Random) -> list[tuple[int, int, str, str | None]]:
    # Heavy-tailed activity (a few actors in most events), as in news.
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(actors))]
    picks = rng.choices(range(len(actors)), weights=weights, k=2 * n)
    rng.shuffle(picks)
    out = []
    for i in range(n):
        s = picks[2 * i]
        t = picks[2 * i + 1]
        if s == t:
            t = (t + 1 + rng.randrange(len(actors) - 1)) % len(actors)
        year = rng.randint(2019, 2024)
        form = rng.random()
        month = rng.randint(1, 12)
        when = (
            f"{year}"
            if form < 0.15
            else f"{year}-{month:02d}"
            if form < 0.5
            else f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
        )
        out.append((s, t, rng.choice(CODES), when if form < 0.97 else None))
    return out


def load(kg: KnowledgeGraph, actors: list[Actor], specs: list, per_article: int = 20, batch: int = 500) -> None:
    table = cameo_table()
    items = []
    for a in range(0, len(specs), per_article):
        chunk = specs[a : a + per_article]
        sentences = [
            f"Synthetic event {a + j}: {actors[s].label} and {actors[t].label}." for j, (s, t, _, _) in enumerate(chunk)
        ]
        text = " ".join(sentences)
        events, offset = [], 0
        for (s, t, code, when), sentence in zip(chunk, sentences, strict=True):
            c = table[code]
            events.append(
                Event(
                    actors[s],
                    actors[t],
                    code,
                    c.quad_class,
                    c.label,
                    sentence,
                    offset,
                    offset + len(sentence),
                    date=when,
                    goldstein=c.goldstein,
                    confidence=0.9,
                )
            )
            offset += len(sentence) + 1
        items.append((Article(f"bench-{a // per_article:06d}", text), events))
        if len(items) == batch:
            kg.write_articles(items, extractor="bench/1")
            items = []
    if items:
        kg.write_articles(items, extractor="bench/1")


def reference_graph(actors: list[Actor], specs: list) -> nx.DiGraph:
    """The same weighted DiGraph, built in Python straight from the generated events."""
    G = nx.DiGraph()
    for s, t, _code, _ in specs:
        u, v = actors[s].key, actors[t].key
        if G.has_edge(u, v):
            G[u][v]["weight"] += 1
        else:
            G.add_edge(u, v, weight=1)
    return G


def country_graph(actors: list[Actor], specs: list) -> nx.DiGraph:
    """The country-level DiGraph built in Python: each actor counts as its country, no self-relations."""
    G = nx.DiGraph()
    for s, t, _code, _ in specs:
        u, v = actors[s].country, actors[t].country
        if u == v:
            continue
        if G.has_edge(u, v):
            G[u][v]["weight"] += 1
        else:
            G.add_edge(u, v, weight=1)
    return G


def pyvis_reference(G: nx.DiGraph) -> str:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(G)
    return net.generate_html()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--k", type=int, default=200, help="sampled betweenness sources")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-record", action="store_true", help="do not append to results.md")
    parser.add_argument(
        "--store",
        default=None,
        metavar="DIR",
        help="keep the store in DIR: loaded there if DIR does not exist, else reused (same sizes and seed)",
    )
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    rows: list[tuple[str, float | None, float | None, str]] = []

    def row(name: str, ours: float | None, ref: float | None, note: str = "") -> None:
        rows.append((name, ours, ref, note))
        fmt = lambda x: "-" if x is None else f"{x:8.2f} s"  # noqa: E731
        print(f"{name:<34} {fmt(ours)}  {fmt(ref)}  {note}", flush=True)

    print(f"{'step':<34} {'DiploKG':>10}  {'NetworkX':>10}")
    actors = make_actors(args.actors, rng)
    specs = make_events(actors, args.events, rng)
    with tempfile.TemporaryDirectory(prefix="diplokg-bench-") as tmp:
        if args.store and Path(args.store).exists():
            kg = KnowledgeGraph(f"oxigraph:{args.store}", read_only=True)
            row("load events into Oxigraph", None, None, f"reused {args.store}")
        else:
            kg = KnowledgeGraph(f"oxigraph:{args.store or tmp + '/store'}")
            t_load, _ = timed(lambda: load(kg, actors, specs))
            row("load events into Oxigraph", t_load, None, f"{args.events:,} events, {len(specs) // 20:,} articles")

        t_proj, p = timed(lambda: project(kg), collect=True)
        G = p.graph
        t_ref, R = timed(lambda: reference_graph(actors, specs))
        assert G.number_of_edges() == R.number_of_edges() and p.events == len(specs)
        row("projection (cold)", t_proj, t_ref, f"{G.number_of_nodes():,} actors, {G.number_of_edges():,} relations")
        t_warm, _ = timed(lambda: project(kg))
        row("projection (cached)", t_warm, None)
        t_win, pw = timed(lambda: project(kg, Filters(start="2023", quad_classes=[3, 4])), collect=True)
        row("projection, 2023+, conflict only", t_win, None, f"{pw.graph.number_of_edges():,} relations")
        t_cty, pc = timed(lambda: project(kg, Filters(level="country")), collect=True)
        t_cty_ref, C = timed(lambda: country_graph(actors, specs))
        assert pc.graph.number_of_edges() == C.number_of_edges()
        row("projection, country level", t_cty, t_cty_ref, f"{pc.graph.number_of_edges():,} relations")

        t_pr, pr = timed(lambda: pagerank(G), repeat=3)
        t_pr_ref, pr_ref = timed(lambda: nx.pagerank(G, weight="weight"), repeat=3)
        assert pr.scores.keys() == pr_ref.keys()
        row("PageRank", t_pr, t_pr_ref)

        t_bc, bc = timed(lambda: betweenness(G, k=args.k, seed=1))
        t_bc_ref, bc_ref = timed(lambda: nx.betweenness_centrality(G, k=args.k, seed=1))
        assert bc.scores == bc_ref
        row(f"betweenness, k={args.k} sampled", t_bc, t_bc_ref)

        t_page, page = timed(lambda: render_network(G, node_limit=500, profile_link="/viz/actor/{key}"), repeat=2)
        top = [n for n, _ in pr.top(500)]
        t_pyvis, _ = timed(lambda: pyvis_reference(nx.DiGraph(R.subgraph(top))))
        row("page, 500 of all actors", t_page, t_pyvis, f"{len(page) / 1e6:.1f} MB; reference: Pyvis from_nx on 500")
        t_store_page, page2 = timed(lambda: network_page(kg, node_limit=500))
        row("store page with evidence", t_store_page, None, f"{len(page2) / 1e6:.1f} MB")
        t_big, _ = timed(lambda: render_network(G, node_limit=5000, size_by="events"))
        t_pyvis_big, _ = timed(lambda: pyvis_reference(nx.DiGraph(R.subgraph([n for n, _ in pr.top(5000)]))))
        row("page, 5,000 nodes", t_big, t_pyvis_big, "reference: Pyvis from_nx on 5,000")
        kg.close()

    if not args.no_record:
        record(args, rows)
    return 0


def record(args: argparse.Namespace, rows: list) -> None:
    import scipy

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"\n## Network, {when}: {args.actors:,} actors, {args.events:,} events\n",
        f"Python {platform.python_version()}, NetworkX {nx.__version__}, SciPy {scipy.__version__}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}; seed {args.seed}; "
        f"`python benchmarks/bench_network.py {' '.join(sys.argv[1:])}`\n",
        "| step | DiploKG | NetworkX / reference | note |",
        "| --- | ---: | ---: | --- |",
    ]
    for name, ours, ref, note in rows:
        fmt = lambda x: "" if x is None else f"{x:.2f} s"  # noqa: E731
        lines.append(f"| {name} | {fmt(ours)} | {fmt(ref)} | {note} |")
    if not RESULTS.exists():
        RESULTS.write_text("# Network benchmark results\n\nAppended by `benchmarks/bench_network.py`.\n")
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {RESULTS}")


if __name__ == "__main__":
    sys.exit(main())
