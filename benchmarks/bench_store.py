"""Write throughput of the Oxigraph backend: per-article transactions vs the bulk loader.

Not a unit test. Run on demand::

    python benchmarks/bench_store.py

It writes the same synthetic articles (two events each) into fresh on-disk
stores, once forcing one SPARQL-update transaction per article and once
forcing Oxigraph's bulk loader, in batches of several sizes, and appends the
timings to ``benchmarks/results.md``. The bulk threshold in
``kg.store.backends.BULK_THRESHOLD`` is chosen from these numbers.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers import sample_article

from kg.store import KnowledgeGraph, backends

ARTICLES = 6000


def run(batch: int, bulk: bool) -> tuple[float, int]:
    backends.BULK_THRESHOLD = 0 if bulk else 10**12
    with tempfile.TemporaryDirectory() as tmp:
        kg = KnowledgeGraph(f"oxigraph:{tmp}")
        items = [sample_article(f"a{i}") for i in range(ARTICLES)]
        start = time.perf_counter()
        for b in range(0, ARTICLES, batch):
            kg.write_articles(items[b : b + batch], extractor="bench")
        seconds = time.perf_counter() - start
        triples = kg.stats()["triples"]
        kg.close()
    return seconds, triples


def main() -> None:
    lines = [f"\n## bench_store.py, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n"]
    lines.append(f"{ARTICLES} synthetic articles, 2 events each, fresh on-disk Oxigraph store per run.\n")
    lines.append("| batch (articles per write) | transactions (s) | bulk loader (s) | triples |")
    lines.append("|---|---|---|---|")
    for batch in (64, 1000, ARTICLES):
        t_tx, n = run(batch, bulk=False)
        t_bulk, _ = run(batch, bulk=True)
        lines.append(f"| {batch} | {t_tx:.2f} | {t_bulk:.2f} | {n:,} |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(Path(__file__).with_name("results.md"), "a", encoding="utf-8") as fh:
        fh.write(text)


if __name__ == "__main__":
    main()
