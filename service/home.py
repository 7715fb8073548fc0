"""``GET /``: the SPARQL editor, with counts, example queries and links.

The editor is a small script of the app's own (``service/static/ui.js``): a
textarea over a syntax-highlighted copy of its text, example queries one
click away, results as a table fetched from ``/sparql``. Script and style are
files served by the app, so the page works offline and under the strict
Content-Security-Policy (no inline code, nothing from other hosts; no
prefix.cc or LOV look-ups). Without JavaScript the form still posts to
``/sparql``. Every value is HTML-escaped by Jinja's autoescaping.
"""

from __future__ import annotations

from flask import Blueprint, render_template_string

from service.articles import list_articles
from service.exports import BY_EXTENSION
from service.store import get_kg

__all__ = ["EXAMPLES", "EXAMPLE_QUERY", "bp"]

bp = Blueprint("home", __name__)

#: The example in the page's SPARQL form.
EXAMPLE_QUERY = """SELECT ?source ?relation ?target ?date WHERE {
  ?event a dkg:Event ;
         dkg:source ?source ;
         dkg:target ?target ;
         dkg:eventType/skos:prefLabel ?relation .
  OPTIONAL { ?event dkg:date ?date }
}
ORDER BY ?date
LIMIT 20"""

#: Example queries shown as buttons: (label, query).
EXAMPLES: list[tuple[str, str]] = [
    ("Events", EXAMPLE_QUERY),
    (
        "Actors by events",
        """SELECT ?actor ?label (COUNT(?event) AS ?events) WHERE {
  { ?event dkg:source ?actor } UNION { ?event dkg:target ?actor }
  OPTIONAL { ?actor rdfs:label ?label }
}
GROUP BY ?actor ?label
ORDER BY DESC(?events)
LIMIT 20""",
    ),
    (
        "Direct relations",
        """SELECT ?source ?relation ?target WHERE {
  ?concept dkg:relation ?relation .
  ?source ?relation ?target .
}
LIMIT 50""",
    ),
    (
        "Articles",
        """SELECT ?article ?headline ?published WHERE {
  ?article a schema:NewsArticle .
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?published }
}
ORDER BY DESC(?published)
LIMIT 20""",
    ),
]

_SHOWN = 20

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DiploKG</title>
<link rel="stylesheet" href="{{ url_for('static', filename='ui.css') }}">
</head>
<body>
<h1>DiploKG</h1>
<p>A knowledge graph of diplomatic events extracted from news.</p>

<ul class="counts" id="counts">
{% for name in ("articles", "events", "actors") %}  <li>{{ name }}: <strong>{{ counts[name] }}</strong></li>
{% endfor %}</ul>

<h2>Query</h2>
<p class="examples">Examples:
{% for label, query in examples %}<button type="button" class="example" data-query="{{ query }}">{{ label }}</button>
{% endfor %}</p>
<form action="{{ url_for('sparql.sparql') }}" method="post">
<div class="editor"><pre id="highlight" aria-hidden="true"></pre>
<textarea id="query" name="query" spellcheck="false" aria-label="SPARQL query">{{ example }}</textarea></div>
<p><button type="submit" id="run">Run query</button> <span id="status"></span></p>
</form>
<div id="results"></div>

<h2>Articles</h2>
{% if articles %}<ul>
{% for a in articles %}  <li><a href="{{ url_for('articles.get_article', article_id=a.id) }}">{{ a.title or a.id }}</a>
    ({{ a.events }} events)</li>
{% endfor %}</ul>
{% if total > articles|length %}
<p><a href="{{ url_for('articles.get_articles') }}">All {{ total }} articles</a></p>
{% endif %}
{% else %}<p>No articles yet.</p>{% endif %}

<h2>Endpoints</h2>
<ul>
  <li><a href="{{ url_for('sparql.sparql') }}">/sparql</a> — SPARQL 1.1 query endpoint (read-only)</li>
  <li><a href="{{ url_for('named.list_named') }}">/api/queries</a> — named queries with parameters</li>
  <li><a href="{{ url_for('openapi.openapi') }}">/openapi.json</a> — OpenAPI description</li>
  <li><a href="{{ url_for('articles.get_articles') }}">/api/articles</a> — articles (POST JSON to add one)</li>
  <li><a href="{{ url_for('events.list_events') }}">/api/events</a> — events; filters <code>actor</code>,
    <code>from</code>, <code>to</code>, <code>limit</code>, <code>offset</code></li>
  <li><a href="{{ url_for('health.health') }}">/health</a> — store status and counts</li>
  <li>Exports:{% for ext in extensions %}
    <a href="{{ url_for('export.export', ext=ext) }}">.{{ ext }}</a>{% endfor %}</li>
</ul>
<script src="{{ url_for('static', filename='ui.js') }}"></script>
</body>
</html>
"""


@bp.get("/")
def index() -> str:
    """The home page."""
    kg = get_kg()
    counts = kg.stats()
    return render_template_string(
        _PAGE,
        counts=counts,
        articles=list_articles(kg, _SHOWN, 0),
        total=counts["articles"],
        extensions=list(BY_EXTENSION),
        example=EXAMPLE_QUERY,
        examples=EXAMPLES,
    )
