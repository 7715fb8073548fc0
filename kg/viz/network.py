"""Interactive actor-network pages (vis-network through Pyvis), rendered to a string.

Safety, because every label and sentence comes from article text:

* Node and edge data travel as JSON in a ``<script type="application/json">``
  block with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped as ``\\uXXXX``, so no
  text can close the element or open another one.
* vis-network draws labels on a canvas and puts string tooltips in with
  ``innerText``: they are shown as text, never parsed as HTML (so they are not
  HTML-escaped, which would show ``&lt;`` to the reader).
* Everything this module writes as HTML (title, notice, legend, the actor
  list) is HTML-escaped.
* No inline event handlers or ``style`` attributes: the page runs under a
  strict Content-Security-Policy. With ``nonce=`` every ``<script>`` and
  ``<style>`` carries it (send :func:`content_security_policy` with the same
  nonce); without, the page carries a ``<meta>`` policy with the SHA-256 hashes
  of its own scripts and styles, for standalone files.
* vis-network's JS and CSS are inlined from the pyvis package: the page loads
  nothing from any host.

Large graphs: Pyvis's ``from_nx`` is quadratic (it checks each new node and
edge against lists), so nodes and edges are built here in one pass and handed
to a :class:`pyvis.network.Network` as lists. Above ``node_limit`` only the top
actors by the size measure are drawn, and the page says what was left out.
Physics runs a bounded stabilisation (fewer iterations for bigger graphs,
no curved edges above 300 nodes) and then switches off, so the browser stays
responsive; ``physics=False`` places the nodes in Python instead.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_edge("RUS", "UKR", count=3, weight=3, quad={4: 3})
>>> page = render_network(G, title="<b>demo</b>", nonce="r4nd0mN0nce")
>>> "&lt;b&gt;demo&lt;/b&gt;" in page, '<script nonce="r4nd0mN0nce">' in page, "https://" in page.split("<body")[1]
(True, True, False)
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import networkx as nx

from kg.analysis.centrality import centrality, degree
from kg.analysis.structure import communities
from kg.errors import InputError

__all__ = [
    "COLOR_BY",
    "NODE_TYPE_COLORS",
    "QUAD_COLORS",
    "SIZE_BY",
    "NetworkView",
    "content_security_policy",
    "network_view",
    "render_network",
    "safe_json",
]

#: Quad class -> (colour, name); green for cooperation to red for material conflict.
QUAD_COLORS = {
    2: ("#1a9850", "Material cooperation"),
    1: ("#91cf60", "Verbal cooperation"),
    3: ("#fc8d59", "Verbal conflict"),
    4: ("#d73027", "Material conflict"),
}
NODE_TYPE_COLORS = {
    "state": "#4e79a7",
    "person": "#f28e2b",
    "organization": "#59a14f",
    "group": "#b07aa1",
    "unknown": "#9d9d9d",
}
COMMUNITY_COLORS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
SIZE_BY = ("pagerank", "betweenness", "degree", "in_degree", "out_degree", "eigenvector", "closeness", "events")
COLOR_BY = ("type", "community")
SIZE_NAMES = {
    "pagerank": "PageRank",
    "betweenness": "betweenness",
    "degree": "degree",
    "in_degree": "in-degree",
    "out_degree": "out-degree",
    "eigenvector": "eigenvector centrality",
    "closeness": "closeness",
    "events": "number of events",
}
#: Up to this many drawn nodes: curved edges, longer stabilisation, force layout when physics is off.
SMALL = 300
#: Above this many actors, betweenness for node sizes is sampled.
SAMPLE_ABOVE = 1000
_NONCE = re.compile(r"[A-Za-z0-9+/=_-]{8,128}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def safe_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028/9.

    >>> safe_json({"label": "</script><img src=x onerror=alert(1)>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def content_security_policy(nonce: str | None = None, hashes: Iterable[str] = ()) -> str:
    """The Content-Security-Policy a page needs: its own scripts and styles, nothing else.

    >>> content_security_policy("abc12345")
    "default-src 'none'; script-src 'nonce-abc12345'; style-src 'nonce-abc12345'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
    """  # noqa: E501
    sources = [f"'nonce-{_check_nonce(nonce)}'"] if nonce else [f"'sha256-{h}'" for h in hashes]
    allowed = " ".join(sources) or "'none'"
    policy = [
        "default-src 'none'",
        f"script-src {allowed}",
        f"style-src {allowed}",
        "img-src 'self' data:",  # vis-network's CSS draws its buttons from data: URIs
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if nonce:
        policy.append("frame-ancestors 'self'")  # ignored in <meta>, so only for the header
    return "; ".join(policy)


def _check_nonce(nonce: str) -> str:
    if not isinstance(nonce, str) or not _NONCE.fullmatch(nonce):
        raise InputError("nonce must be 8-128 base64 characters", where="nonce")
    return nonce


# ------------------------------------------------------------------ view model


@dataclass
class NetworkView:
    """What a page draws: vis-network nodes, edges and options, plus legend and notices."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    legend: dict[str, list[tuple[str, str]]]
    size_note: str
    notices: list[str] = field(default_factory=list)
    omitted_nodes: int = 0
    omitted_edges: int = 0
    total_nodes: int = 0
    total_edges: int = 0


def _scores(G: nx.Graph, size_by: str, notes: list[str]) -> dict[Any, float]:
    if size_by == "events":
        return degree(G, weighted=True).scores
    if size_by in ("in_degree", "out_degree") and not G.is_directed():
        size_by = "degree"
    kw: dict[str, Any] = {}
    if size_by == "betweenness" and G.number_of_nodes() > SAMPLE_ABOVE:
        kw = {"k": 256, "seed": 0}
    result = centrality(G, size_by, **kw)
    if result.note:
        notes.append(f"Sizes: {result.note}.")
    if not result.converged or (not result.scores and G.number_of_nodes()):
        notes.append(f"{SIZE_NAMES[size_by]} did not converge; sizes show the number of events instead.")
        return degree(G, weighted=True).scores
    return result.scores


def _cut(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _link(pattern: str | None, key: str) -> str | None:
    if not pattern:
        return None
    url = pattern.replace("{key}", quote(str(key), safe=""))
    # Only same-site paths or http(s) URLs: a pattern must not yield javascript: links.
    if not (url.startswith("/") or url.startswith("https://") or url.startswith("http://")) or url.startswith("//"):
        raise InputError("profile link must be a path starting with / or an http(s) URL", where="profile_link")
    return url


def _dominant_quad(quad: Mapping[int, int]) -> int | None:
    if not quad:
        return None
    # Ties go to the more conflictual class: a warning colour should not be hidden.
    return max(quad, key=lambda q: (quad[q], q))


def _edge_title(G: nx.Graph, u: Any, v: Any, d: Mapping[str, Any], evidence: Mapping[str, Any], per_edge: int) -> str:
    arrow = "→" if G.is_directed() else "–"
    lines = [f"{_label(G, u)} {arrow} {_label(G, v)}"]
    count = d.get("count", d.get("weight", 1))
    quad = d.get("quad") or {}
    parts = [f"{n} {QUAD_COLORS[q][1].lower()}" for q, n in sorted(quad.items()) if q in QUAD_COLORS]
    lines.append(f"{count} event{'s' if count != 1 else ''}" + (": " + ", ".join(parts) if parts else ""))
    roots = d.get("roots") or {}
    if roots:
        lines.append("CAMEO roots: " + ", ".join(f"{r} ×{n}" for r, n in sorted(roots.items(), key=lambda kv: -kv[1])))
    if d.get("goldstein_mean") is not None:
        lines.append(f"Goldstein mean {d['goldstein_mean']:+.1f}")
    first, last = d.get("first"), d.get("last")
    if first or last:
        lines.append(f"Dates: {first}" + (f" – {last}" if last and last != first else ""))
    shown = [evidence[i] for i in d.get("events") or [] if i in evidence]
    shown.sort(key=lambda r: (r.get("date") is not None, r.get("date") or ""), reverse=True)
    if shown:
        lines.append("")
        lines.append("Evidence:")
        for row in shown[:per_edge]:
            article = row.get("article") or {}
            where = article.get("title") or article.get("id") or ""
            place = (row.get("place") or {}).get("name")
            date = row.get("date")
            if date and row.get("date_basis") == "published":
                # The article gives no time: its publication day ("reported" would read as a modality).
                date = f"published {date}"
            meta = ", ".join(x for x in (f"in {_cut(place, 40)}" if place else None, date, _cut(where, 60)) if x)
            lines.append(f"• “{_cut(row.get('sentence', ''), 280)}”" + (f" ({meta})" if meta else ""))
    return "\n".join(lines)


def _label(G: nx.Graph, node: Any) -> str:
    return str(G.nodes[node].get("label") or node)


def _evidence_events(G: nx.Graph, per_edge: int, cap: int) -> list[str]:
    wanted: list[str] = []
    for _, _, events in G.edges(data="events", default=None):
        wanted.extend((events or [])[: per_edge + 3])
        if len(wanted) >= cap:
            break
    return wanted[:cap]


def network_view(
    G: nx.Graph,
    *,
    size_by: str | Mapping[Any, float] = "pagerank",
    color_by: str = "type",
    node_limit: int = 500,
    edge_limit: int = 5000,
    highlight_path: Iterable[Any] | None = None,
    keep: Iterable[Any] = (),
    profile_link: str | None = "/viz/actor/{key}",
    evidence: Mapping[str, Any] | Callable[[list[str]], Mapping[str, Any]] | None = None,
    evidence_per_edge: int = 2,
    physics: bool | None = None,
    seed: int = 0,
) -> NetworkView:
    """Decide what to draw: which nodes and edges, their sizes, colours, tooltips and links.

    Parameters are those of :func:`render_network`. ``evidence`` may be a
    mapping from event IRI to evidence rows (see
    :func:`kg.analysis.queries.event_evidence`) or a function fetching them for
    a list of IRIs; it is called once, for the drawn edges only.
    """
    if color_by not in COLOR_BY:
        raise InputError(f"color_by must be one of {', '.join(COLOR_BY)}, got {color_by!r}", where="color")
    if isinstance(size_by, str) and size_by not in SIZE_BY:
        raise InputError(f"size_by must be one of {', '.join(SIZE_BY)}, got {size_by!r}", where="size")
    if isinstance(node_limit, bool) or not isinstance(node_limit, int) or node_limit < 1:
        raise InputError("node_limit must be a positive whole number", where="node_limit")
    if G.is_multigraph():
        raise InputError("draw the simple actor graph (Projection.graph), not the multigraph", where="graph")
    notices: list[str] = []
    total_nodes, total_edges = G.number_of_nodes(), G.number_of_edges()
    if isinstance(size_by, str):
        scores = _scores(G, size_by, notices)
        size_name = SIZE_NAMES[size_by]
    else:
        scores = {n: float(size_by.get(n, 0.0)) for n in G}
        size_name = "the given scores"
    path = [n for n in (highlight_path or []) if n in G]
    pinned = list(dict.fromkeys([*path, *(n for n in keep if n in G)]))

    # Node limit: the top actors by the size measure, always with the pinned ones.
    chosen = list(G.nodes)
    if total_nodes > node_limit:
        ranked = sorted(G.nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))
        chosen = list(dict.fromkeys([*pinned, *ranked]))[: max(node_limit, len(pinned))]
        kept = set(chosen)
        left = [n for n in ranked if n not in kept]
        preview = ", ".join(_cut(_label(G, n), 40) for n in left[:5])
        notices.append(
            f"Showing {len(chosen):,} of {total_nodes:,} actors, the top by {size_name}; "
            f"{len(left):,} actors and {total_edges - G.subgraph(chosen).number_of_edges():,} relations "
            f"are left out (next: {preview}{', …' if len(left) > 5 else ''})."
        )
    edges = list(G.subgraph(chosen).edges(data=True))
    if len(edges) > edge_limit:
        on_path_pairs = set(itertools.pairwise(path))
        on_path_pairs |= {(b, a) for a, b in on_path_pairs}
        edges.sort(key=lambda e: ((e[0], e[1]) not in on_path_pairs, -e[2].get("weight", 1), str(e[0]), str(e[1])))
        notices.append(
            f"Showing the {edge_limit:,} strongest of {len(edges):,} relations among these actors; "
            "the weakest are left out."
        )
        edges = edges[:edge_limit]
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.add_nodes_from((n, G.nodes[n]) for n in chosen)
    H.add_edges_from(edges)

    # Evidence for the drawn edges, fetched once.
    rows: Mapping[str, Any] = {}
    if callable(evidence):
        rows = evidence(_evidence_events(H, evidence_per_edge, cap=6000))
    elif evidence is not None:
        rows = evidence

    # Colours.
    legend: dict[str, list[tuple[str, str]]] = {"edges": [(c, name) for c, name in QUAD_COLORS.values()]}
    if color_by == "community":
        membership = communities(H, seed=seed).membership
        n_comm = max(membership.values(), default=-1) + 1

        def node_color(n: Any) -> str:
            return COMMUNITY_COLORS[membership.get(n, 0) % len(COMMUNITY_COLORS)]

        legend["nodes"] = [
            (COMMUNITY_COLORS[i % len(COMMUNITY_COLORS)], f"Community {i + 1}") for i in range(min(n_comm, 10))
        ]
        if n_comm > 10:
            notices.append(f"{n_comm} communities; colours repeat after the tenth.")
    else:
        types = {H.nodes[n].get("type") or "unknown" for n in H}

        def node_color(n: Any) -> str:
            return NODE_TYPE_COLORS.get(H.nodes[n].get("type") or "unknown", NODE_TYPE_COLORS["unknown"])

        legend["nodes"] = [(c, t.capitalize()) for t, c in NODE_TYPE_COLORS.items() if t in types]

    # Sizes: square root scaling so a few giants do not dwarf the rest.
    shown_scores = [scores.get(n, 0.0) for n in H]
    lo, hi = (min(shown_scores), max(shown_scores)) if shown_scores else (0.0, 0.0)
    ranks = {n: i for i, n in enumerate(sorted(G.nodes, key=lambda n: (-scores.get(n, 0.0), str(n))), start=1)}

    def size(n: Any) -> float:
        if hi <= lo:
            return 18.0
        return round(10.0 + 35.0 * math.sqrt((scores.get(n, 0.0) - lo) / (hi - lo)), 2)

    on_path = set(path)
    # A hop of an undirected path may run against the edge's direction.
    path_pairs = set(itertools.pairwise(path))
    path_pairs |= {(b, a) for a, b in path_pairs}

    nodes: list[dict[str, Any]] = []
    for n in H.nodes:
        attrs = H.nodes[n]
        label = _label(H, n)
        out_w = sum(w for _, _, w in G.out_edges(n, data="weight", default=1)) if G.is_directed() else None
        in_w = sum(w for _, _, w in G.in_edges(n, data="weight", default=1)) if G.is_directed() else None
        kind = attrs.get("type") or "unknown"
        title = [f"{label} ({n})" if str(n) != label else label]
        title.append(" · ".join(x for x in (kind, attrs.get("country")) if x))
        title.append(
            f"{size_name.capitalize()}: {scores.get(n, 0.0):.4g} (rank {ranks.get(n, '?')} of {total_nodes:,})"
        )
        if out_w is not None:
            title.append(f"Events: {out_w} as actor, {in_w} as target")
        url = _link(profile_link, str(n))
        if url:
            title.append("Click to open the profile.")
        node: dict[str, Any] = {
            "id": str(n),
            "label": _cut(label, 40),
            "title": "\n".join(title),
            "size": size(n),
            "color": node_color(n),
            "shape": "dot",
        }
        if url:
            node["url"] = url
        if on_path:
            if n in on_path:
                node["borderWidth"] = 4
                node["color"] = {"background": node["color"], "border": "#000000"}
                node["font"] = {"size": 18}
            else:
                node["opacity"] = 0.35
        nodes.append(node)

    edge_rows: list[dict[str, Any]] = []
    for i, (u, v, d) in enumerate(H.edges(data=True)):
        count = d.get("count", d.get("weight", 1))
        q = _dominant_quad(d.get("quad") or {})
        color = QUAD_COLORS[q][0] if q in QUAD_COLORS else "#888888"
        edge: dict[str, Any] = {
            "id": i,
            "from": str(u),
            "to": str(v),
            "width": round(min(1.0 + 1.5 * math.log2(max(count, 1)), 12.0), 2),
            "color": {"color": color, "highlight": color, "hover": color},
            "title": _edge_title(H, u, v, d, rows, evidence_per_edge),
        }
        if on_path:
            if (u, v) in path_pairs:
                edge["width"] = max(edge["width"], 5.0)
                edge["color"] = {"color": "#000000", "highlight": "#000000", "hover": "#000000"}
            else:
                edge["color"]["opacity"] = 0.25
        edge_rows.append(edge)

    options = _options(H, nodes, physics, seed)
    if path:
        notices.append("The highlighted path: " + " → ".join(_cut(_label(G, n), 40) for n in path) + ".")
    return NetworkView(
        nodes=nodes,
        edges=edge_rows,
        options=options,
        legend=legend,
        size_note=f"Node size: {size_name}. Edge width: number of events. Edge colour: the most frequent quad class.",
        notices=notices,
        omitted_nodes=total_nodes - H.number_of_nodes(),
        omitted_edges=total_edges - H.number_of_edges(),
        total_nodes=total_nodes,
        total_edges=total_edges,
    )


def _options(H: nx.Graph, nodes: list[dict[str, Any]], physics: bool | None, seed: int) -> dict[str, Any]:
    """vis-network options, starting from Pyvis's defaults."""
    from pyvis.network import Network

    net = Network(directed=H.is_directed(), cdn_resources="in_line")
    # Bulk hand-over: Pyvis's add_node/add_edge scan lists (quadratic); the data is already built.
    net.nodes = nodes
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    n = len(nodes)
    use_physics = True if physics is None else physics
    if use_physics:
        net.barnes_hut(gravity=-4000, central_gravity=0.3, spring_length=140, spring_strength=0.02, damping=0.3)
        # Bounded stabilisation, then the page script turns physics off: the browser settles
        # the layout once and stays responsive, even at thousands of nodes.
        net.options.physics.stabilization.iterations = 250 if n <= SMALL else 120 if n <= 1000 else 60
    else:
        net.toggle_physics(False)
        # No physics: place the nodes here (a force layout where it is cheap, else seeded random).
        scale = max(300.0, 120.0 * math.sqrt(max(n, 1)))
        if n <= SMALL:
            pos = nx.spring_layout(H, seed=seed, iterations=50, scale=scale)
        else:
            pos = {k: (xy - 0.5) * 2 * scale for k, xy in nx.random_layout(H, seed=seed).items()}
        by_id = {str(k): xy for k, xy in pos.items()}
        for node in nodes:
            x, y = by_id[node["id"]]
            node["x"], node["y"] = round(float(x), 1), round(float(y), 1)
    options = json.loads(net.options.to_json())
    options["edges"] = {
        "arrows": {"to": {"enabled": H.is_directed(), "scaleFactor": 0.5}},
        # Curved edges cost a hidden node each in the simulation: only for small graphs.
        "smooth": {"enabled": True, "type": "dynamic"} if n <= SMALL else False,
        "selectionWidth": 2,
    }
    options["interaction"].update({"hover": True, "tooltipDelay": 150, "navigationButtons": False})
    options["nodes"] = {"font": {"size": 14, "face": "sans-serif"}}
    # vis-network's "improved layout" (Kamada-Kawai) is quadratic; beyond ~100 nodes it stalls the page.
    options["layout"] = {"randomSeed": seed, "improvedLayout": n <= 100}
    return options


# ------------------------------------------------------------------ page


_PAGE_CSS = """
html, body { margin: 0; padding: 0; font-family: system-ui, sans-serif; color: #222; background: #fff; }
header { padding: 0.6rem 1rem 0.2rem; }
h1 { font-size: 1.25rem; margin: 0 0 0.2rem; }
p.subtitle { margin: 0 0 0.3rem; color: #555; }
p.notice { margin: 0.2rem 0; padding: 0.3rem 0.6rem; background: #fff6d5; border: 1px solid #e8d48a; }
main { display: flex; gap: 0.8rem; padding: 0 1rem; }
#dkg-network { flex: 1 1 auto; height: 80vh; border: 1px solid #ccc; position: relative; }
aside { flex: 0 0 15rem; font-size: 0.85rem; }
aside h2 { font-size: 0.95rem; margin: 0.6rem 0 0.3rem; }
aside ul { list-style: none; margin: 0; padding: 0; }
aside li { margin: 0.15rem 0; }
.sw { display: inline-block; width: 0.9rem; height: 0.9rem; border-radius: 50%; vertical-align: middle;
      margin-right: 0.4rem; border: 1px solid #0003; }
.ln { display: inline-block; width: 1.4rem; height: 0.3rem; vertical-align: middle; margin-right: 0.4rem; }
details { padding: 0.5rem 1rem 1rem; font-size: 0.85rem; }
div.vis-tooltip { white-space: pre-wrap; max-width: 32rem; font-family: system-ui, sans-serif; font-size: 13px; }
"""

_PAGE_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dkg-data").textContent);
  var container = document.getElementById("dkg-network");
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  container.setAttribute("data-nodes", String(nodes.length));
  container.setAttribute("data-edges", String(edges.length));
  window.dkgNetwork = network;
  network.on("click", function (params) {
    if (params.nodes.length !== 1) { return; }
    var node = nodes.get(params.nodes[0]);
    if (node && typeof node.url === "string" && /^(\\/(?!\\/)|https?:\\/\\/)/.test(node.url)) {
      window.location.assign(node.url);
    }
  });
  if (data.options.physics && data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      container.setAttribute("data-stable", "true");
    });
  } else {
    container.setAttribute("data-stable", "true");
  }
})();
"""


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _swatches(view: NetworkView) -> tuple[str, str]:
    """Legend HTML and the CSS classes that colour it (no inline style attributes under CSP)."""
    css, items_nodes, items_edges = [], [], []
    for i, (color, name) in enumerate(view.legend.get("nodes", [])):
        css.append(f".sw-n{i} {{ background: {color}; }}")
        items_nodes.append(f'<li><span class="sw sw-n{i}"></span>{html.escape(name)}</li>')
    for i, (color, name) in enumerate(view.legend.get("edges", [])):
        css.append(f".ln-e{i} {{ background: {color}; }}")
        items_edges.append(f'<li><span class="ln ln-e{i}"></span>{html.escape(name)}</li>')
    legend = (
        '<aside id="dkg-legend"><h2>Actors</h2><ul>'
        + "".join(items_nodes)
        + "</ul><h2>Relations</h2><ul>"
        + "".join(items_edges)
        + f"</ul><p>{html.escape(view.size_note)}</p></aside>"
    )
    return legend, "\n".join(css)


def render_network(
    G: nx.Graph,
    *,
    size_by: str | Mapping[Any, float] = "pagerank",
    color_by: str = "type",
    title: str = "DiploKG actor network",
    subtitle: str | None = None,
    node_limit: int = 500,
    edge_limit: int = 5000,
    nonce: str | None = None,
    highlight_path: Iterable[Any] | None = None,
    keep: Iterable[Any] = (),
    profile_link: str | None = "/viz/actor/{key}",
    evidence: Mapping[str, Any] | Callable[[list[str]], Mapping[str, Any]] | None = None,
    evidence_per_edge: int = 2,
    physics: bool | None = None,
    notices: Iterable[str] = (),
    seed: int = 0,
) -> str:
    """A self-contained HTML page drawing ``G``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        An actor network (node attributes ``label``, ``type``, ``country``; edge
        attributes ``count``/``weight``, ``quad``, ``roots``, ``events`` ... as
        made by :mod:`kg.analysis.projection`; missing ones are left out).
    size_by : str or mapping
        Node size: one of :data:`SIZE_BY`, or precomputed scores by node.
    color_by : {"type", "community"}
        Node colour: actor type, or Louvain community (seeded with ``seed``).
    title, subtitle : str
        Shown at the top (escaped).
    node_limit : int
        Above this many actors, draw the top ones by ``size_by`` and say what
        was left out. ``edge_limit`` does the same for relations (strongest kept).
    nonce : str, optional
        CSP nonce for every ``<script>`` and ``<style>``; without one the page
        carries a hash-based ``<meta>`` policy.
    highlight_path : list, optional
        Nodes of a path to emphasise (always drawn).
    keep : iterable
        Nodes always drawn (e.g. the centre of an ego network).
    profile_link : str or None
        Clicking a node opens this, ``{key}`` replaced by the URL-encoded node
        key; None for no links.
    evidence : mapping or callable, optional
        Evidence rows by event IRI (or a function fetching them) for the edge
        tooltips; ``evidence_per_edge`` sentences each, newest first.
    physics : bool, optional
        Default (None or True): stabilise in the browser for a bounded number of
        iterations, then stop. False: positions computed here, no simulation.
    notices : iterable of str
        Extra lines for the notice area (escaped).

    Returns
    -------
    str
        The page. Nothing is written anywhere.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.star_graph(30)
    >>> page = render_network(G, node_limit=10, size_by="degree")
    >>> "Showing 10 of 31 actors" in page
    True
    """
    if nonce is not None:
        _check_nonce(nonce)
    view = network_view(
        G,
        size_by=size_by,
        color_by=color_by,
        node_limit=node_limit,
        edge_limit=edge_limit,
        highlight_path=highlight_path,
        keep=keep,
        profile_link=profile_link,
        evidence=evidence,
        evidence_per_edge=evidence_per_edge,
        physics=physics,
        seed=seed,
    )
    return page_html(view, title=title, subtitle=subtitle, nonce=nonce, notices=notices)


def page_html(
    view: NetworkView,
    *,
    title: str = "DiploKG actor network",
    subtitle: str | None = None,
    nonce: str | None = None,
    notices: Iterable[str] = (),
) -> str:
    """The HTML page of a :class:`NetworkView` (see :func:`render_network`)."""
    from kg.viz.assets import vis_css, vis_js

    legend, legend_css = _swatches(view)
    page_css = _PAGE_CSS + legend_css
    data = safe_json({"nodes": view.nodes, "edges": view.edges, "options": view.options})
    attr = f' nonce="{_check_nonce(nonce)}"' if nonce else ""
    styles = [vis_css(), page_css]
    scripts = [vis_js(), _PAGE_JS]
    head_meta = ""
    if not nonce:
        # Standalone file: pin its own inline code by hash (the <meta> must precede it).
        policy = content_security_policy(hashes=[_sha256(s) for s in styles + scripts])
        # The policy holds no '"', '<' or '&'; quote=False keeps its single quotes readable.
        head_meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy, quote=False)}">\n'
    all_notices = [*list(notices), *view.notices]
    notice_html = "".join(f'<p class="notice">{html.escape(n)}</p>' for n in all_notices)
    sub_html = f'<p class="subtitle">{html.escape(subtitle)}</p>' if subtitle else ""
    counts = (
        f"{len(view.nodes):,} actors and {len(view.edges):,} relations shown"
        + (f" of {view.total_nodes:,} and {view.total_edges:,}" if view.omitted_nodes or view.omitted_edges else "")
        + "."
    )
    listing = "".join(
        "<li>"
        + (
            f'<a href="{html.escape(node["url"], quote=True)}">{html.escape(node["label"])}</a>'
            if node.get("url")
            else html.escape(node["label"])
        )
        + f" <small>({html.escape(node['id'])})</small></li>"
        for node in sorted(view.nodes, key=lambda n: -float(n["size"]))
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        + head_meta
        + '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        + '<meta name="referrer" content="no-referrer">\n'
        + f"<title>{html.escape(title)}</title>\n"
        + f"<style{attr}>{styles[0]}</style>\n"
        + f"<style{attr}>{styles[1]}</style>\n"
        + f"<script{attr}>{scripts[0]}</script>\n"
        + "</head>\n<body>\n"
        + f'<header><h1>{html.escape(title)}</h1>{sub_html}<p class="subtitle">{html.escape(counts)}</p>'
        + notice_html
        + "</header>\n"
        + f'<main><div id="dkg-network" aria-label="{html.escape(title, quote=True)}"></div>{legend}</main>\n'
        + "<noscript><p>This page needs JavaScript to draw the network; the actors are listed below.</p></noscript>\n"
        + f"<details><summary>Actors shown ({len(view.nodes):,})</summary><ol>{listing}</ol></details>\n"
        + f'<script type="application/json" id="dkg-data"{attr}>{data}</script>\n'
        + f"<script{attr}>{scripts[1]}</script>\n"
        + "</body>\n</html>\n"
    )
