"""``GET /``: a small HTML page with counts, links and a SPARQL form.

The page loads nothing from anywhere (no scripts, styles or images), so it
works offline and under ``Content-Security-Policy: default-src 'self'``.
Every value is HTML-escaped by Jinja's autoescaping (on for template strings).
"""

from __future__ import annotations

from flask import Blueprint, render_template_string

from service.articles import list_articles
from service.exports import BY_EXTENSION
from service.store import get_kg

__all__ = ["EXAMPLE_QUERY", "bp"]

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

_SHOWN = 20

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DiploKG</title>
</head>
<body>
<h1>DiploKG</h1>
<p>A knowledge graph of diplomatic events extracted from news.</p>

<h2>In the store</h2>
<ul>
{% for name, value in counts.items() %}  <li>{{ name }}: {{ value }}</li>
{% endfor %}</ul>

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
  <li><a href="{{ url_for('articles.get_articles') }}">/api/articles</a> — articles (POST JSON to add one)</li>
  <li><a href="{{ url_for('events.list_events') }}">/api/events</a> — events; filters <code>actor</code>,
    <code>from</code>, <code>to</code>, <code>limit</code>, <code>offset</code></li>
  <li><a href="{{ url_for('health.health') }}">/health</a> — store status and counts</li>
  <li>Exports:{% for ext in extensions %}
    <a href="{{ url_for('export.export', ext=ext) }}">.{{ ext }}</a>{% endfor %}</li>
</ul>

<h2>Query</h2>
<form action="{{ url_for('sparql.sparql') }}" method="post">
<p><textarea name="query" rows="12" cols="80">{{ example }}</textarea></p>
<p><button type="submit">Run query</button></p>
</form>
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
    )
