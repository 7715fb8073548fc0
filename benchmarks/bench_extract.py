"""Benchmark of the extractor on AG News world items (not a unit test; run on demand).

    python benchmarks/bench_extract.py                       # all 1,900 items
    python benchmarks/bench_extract.py --limit 500 --repeat 3

Times, in the same run and on the same texts, spaCy parsing alone (the same
pipeline the extractor uses, through ``nlp.pipe``) and the whole extraction
(parse plus the extractor's stages). Each is the best of ``--repeat`` runs.

The extractor's own work (preparing the texts and running its stages on the
parsed documents) is also clocked inside each extraction run, apart from the
parsing it interleaves with; the budget (at most 25% of the parse time) is
checked on that ratio, the median over the runs. It is the steadier measure on a
shared machine, where two runs of the same parse may differ by a third. The
difference between the two whole runs is shown too. Prints a table and appends
it to ``benchmarks/results.md`` (``--no-record`` to skip).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "ag_news_world.jsonl"
RESULTS = Path(__file__).resolve().parent / "results.md"
#: The extractor's own work may add at most this share to the parse time.
BUDGET = 0.25


def load_texts(path: Path, limit: int | None) -> list[tuple[str, str, str | None]]:
    """``(id, text, title)`` of the corpus records, at most ``limit``."""
    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                items.append((record["id"], record["text"], record.get("title")))
    return items[:limit] if limit else items


def run(limit: int | None, repeat: int, batch_size: int) -> dict[str, float]:
    """Time parsing alone and extraction; return docs/s and the overhead."""
    from kg.extract import get_extractor
    from kg.extract.pipeline import DocContext
    from kg.extract.text import blank_datelines
    from kg.model import Article

    extractor = get_extractor()
    items = load_texts(CORPUS, limit)
    articles = [Article(i, text, title=title, published=dt.date(2004, 8, 1)) for i, text, title in items]
    texts = [blank_datelines(a.text) for a in articles]
    # Warm up: model, vocabulary, matchers and tables are loaded before timing.
    list(extractor.extract_many(articles[:20]))

    def parse() -> int:
        return sum(len(doc) for doc in extractor.nlp.pipe(texts, batch_size=batch_size))

    def extract() -> tuple[int, float]:
        """Run the extraction as ``Extractor.extract_many`` does; return the events and the
        seconds spent outside spaCy (text preparation and stages)."""
        own = 0.0
        start = time.perf_counter()
        pairs = list(extractor.prepared(articles))
        own += time.perf_counter() - start
        found = 0
        for doc, article in extractor.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            start = time.perf_counter()
            found += len(extractor.pipeline.run(DocContext(article=article, doc=doc)).events)
            own += time.perf_counter() - start
        return found, own

    parse_times, extract_times, ratios = [], [], []
    events = 0
    for _ in range(repeat):
        start = time.perf_counter()
        parse()
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events, own = extract()
        total = time.perf_counter() - start
        extract_times.append(total)
        ratios.append(own / (total - own))
    parse_s, extract_s = min(parse_times), min(extract_times)
    return {
        "docs": len(articles),
        "events": events,
        "parse_s": parse_s,
        "extract_s": extract_s,
        "parse_dps": len(articles) / parse_s,
        "extract_dps": len(articles) / extract_s,
        "difference": (extract_s - parse_s) / parse_s,
        "overhead": statistics.median(ratios),
    }


def table(result: dict[str, float], repeat: int) -> str:
    """A Markdown section for ``results.md``."""
    verdict = "within" if result["overhead"] <= BUDGET else "OVER"
    return "\n".join(
        [
            f"## Extraction, {dt.date.today().isoformat()} ({platform.python_implementation()} "
            f"{platform.python_version()}, {platform.machine()}, best of {repeat})",
            "",
            f"Corpus: `ag_news_world.jsonl`, {result['docs']:,} documents, {result['events']:,} events extracted.",
            "",
            "| step | seconds | docs/s |",
            "|---|---:|---:|",
            f"| spaCy parse alone | {result['parse_s']:.2f} | {result['parse_dps']:.1f} |",
            f"| extraction (parse + stages) | {result['extract_s']:.2f} | {result['extract_dps']:.1f} |",
            "",
            f"Extractor's own work, clocked apart from the parsing in the same runs (median): "
            f"{result['overhead']:+.1%} of parse time ({verdict} the {BUDGET:.0%} budget). "
            f"Difference of the best whole runs: {result['difference']:+.1%}.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 if the extractor exceeds its budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Only the first N documents.")
    parser.add_argument("--repeat", type=int, default=2, help="Best of N runs.")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-record", action="store_true", help="Do not append to results.md.")
    args = parser.parse_args(argv)
    if not CORPUS.is_file():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    result = run(args.limit, args.repeat, args.batch_size)
    text = table(result, args.repeat)
    print(text)
    if not args.no_record:
        with open(RESULTS, "a", encoding="utf-8") as fh:
            fh.write("\n" + text)
    return 0 if result["overhead"] <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
