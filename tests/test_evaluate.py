"""Scoring against gold files (kg.evaluate and ``diplokg evaluate``), on tiny hand-made gold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate import actor_code, code_matches, evaluate, format_table, is_holdout, load_gold, select
from kg.model import Actor, Article, Event

RUS = Actor("RUS", "Russia", "state", "RUS")
TUR = Actor("TUR", "Turkey", "state", "TUR")
UKR = Actor("UKR", "Ukraine", "state", "UKR")
PUTIN = Actor("Q7747", "Vladimir Putin", "person", "RUS", "GOV", "Q7747")
UN = Actor("Q1065", "United Nations", "organization")


def event(source: Actor, code: str, target: Actor, text: str = "") -> Event:
    from kg.cameo import lookup

    cameo = lookup(code)
    extra = {"token": 0, "source_text": source.label, "target_text": target.label}
    return Event(source, target, code, cameo.quad_class, cameo.label, text, 0, 1, extra=extra)


class FakeExtractor:
    """Returns canned events by article id (scoring is what is under test)."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events
        self.gazetteer = None

    def extract_many(self, articles):
        for article in articles:
            yield article, self.events.get(article.id, [])


class SpyExtractor(FakeExtractor):
    """Finds nothing, and keeps the articles it was given in ``seen``."""

    def __init__(self) -> None:
        super().__init__({})
        self.seen: list[Article] = []

    def extract_many(self, articles):
        for article in articles:
            self.seen.append(article)
            yield article, []


def write_gold(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def rec(rid: str, events: list[dict], **extra) -> dict:
    return {"id": rid, "text": f"text of {rid}", "date": "2024-01-29", "events": events, **extra}


def test_codes_compare_by_country_and_igo_by_six_letters() -> None:
    assert code_matches("RUSGOV", {"RUS"}) and code_matches("RUS", {"RUSMIL"})
    assert not code_matches("RUS", {"UKR"})
    assert code_matches("IGOUNO", {"IGOUNOMIL"}) and not code_matches("IGOUNO", {"IGOWSTNAT"})
    assert code_matches("---REB", {"---"})
    assert (actor_code(PUTIN), actor_code(UN), actor_code(RUS)) == ("RUSGOV", "IGOUNO", "RUS")
    assert actor_code(Actor("x-rebels", "rebels", "group", None, "REB", None, False)) == "---REB"


def test_holdout_is_deterministic_and_about_thirty_percent() -> None:
    ids = [f"r{i}" for i in range(2000)]
    share = sum(map(is_holdout, ids)) / len(ids)
    assert 0.25 < share < 0.35
    assert [is_holdout(i) for i in ids[:50]] == [is_holdout(i) for i in ids[:50]]


def test_scores_at_three_levels(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "g.jsonl",
        [
            rec("a", [{"source": "RUSGOV", "code": "042", "target": "TUR"}]),
            rec("b", [{"source": "RUS", "code": "190", "target": "UKR"}]),
        ],
    )
    fake = FakeExtractor({"a": [event(PUTIN, "043", TUR)], "b": [event(RUS, "190", UKR), event(TUR, "111", RUS)]})
    levels = evaluate(gold, fake).as_dict()["levels"]
    # "a": same root 04, other code; "b": one right, one extra.
    assert (levels["dyad+quad"]["tp"], levels["dyad+quad"]["fp"], levels["dyad+quad"]["fn"]) == (2, 1, 0)
    assert levels["dyad+root"]["tp"] == 2
    assert (levels["dyad+code"]["tp"], levels["dyad+code"]["fn"]) == (1, 1)
    assert levels["dyad+root"]["precision"] == pytest.approx(2 / 3, abs=1e-3)


def test_reciprocal_gold_counts_both_directions(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "g.jsonl", [rec("a", [{"source": "TUR", "code": "046", "target": "RUS", "reciprocal": True}])]
    )
    one_way = evaluate(gold, FakeExtractor({"a": [event(TUR, "046", RUS)]})).levels["dyad+root"]
    both = evaluate(gold, FakeExtractor({"a": [event(TUR, "046", RUS), event(RUS, "046", TUR)]})).levels["dyad+root"]
    assert (one_way.tp, one_way.fn) == (1, 1)
    assert (both.tp, both.fn, both.fp) == (2, 0, 0)


def test_no_event_records_and_uncoded_records(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "g.jsonl",
        [
            rec("empty-ok", [], expect_no_events=True),
            rec("empty-bad", [], expect_no_events=True),
            rec("uncoded", []),  # no coding given: not scored at all
            rec("nocode", [{"source": "RUS", "code": None, "target": "UKR"}]),
        ],
    )
    report = evaluate(gold, FakeExtractor({"empty-bad": [event(RUS, "190", UKR)], "uncoded": [event(RUS, "190", UKR)]}))
    data = report.as_dict()
    assert data["records"] == 2
    assert (data["no_event_records"], data["no_event_records_without_events"]) == (2, 1)
    assert data["levels"]["dyad+root"]["fp"] == 1


def test_gold_actors_given_as_text_or_compound(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "g.jsonl",
        [
            rec(
                "text",
                [{"source": None, "code": "19", "target": None, "source_text": "Russian", "target_text": "Ukraine"}],
            ),
            rec("compound", [{"source": "TUR+RUS", "code": "040", "target": None}]),
        ],
    )
    fake = FakeExtractor(
        {
            "text": [event(Actor("RUS", "Russian", "state", "RUS"), "190", UKR)],
            "compound": [event(RUS, "040", UN)],  # no target given: any actor will do
        }
    )
    report = evaluate(gold, fake)
    assert report.levels["dyad+root"].tp == 2
    assert report.levels["dyad+quad"].tp == 2
    assert report.as_dict()["levels"]["dyad+code"]["tp"] == 1  # root-only gold takes no part at code level


def test_five_way_classes_are_scored_without_codes(tmp_path: Path) -> None:
    # ConfliBERT's gold: a class (0-4) and actor spans, often no CAMEO code.
    gold = write_gold(
        tmp_path / "g.jsonl",
        [
            rec("classed", [{"source": None, "code": None, "target": None, "penta_class": 4,
                             "source_text": ["Russian forces"], "target_text": ["Ukraine"]}]),
            rec("wrong-class", [{"source": None, "code": None, "target": None, "penta_class": "0",
                                 "source_text": ["Russia"], "target_text": ["Ukraine"]}]),
            rec("coded", [{"source": "RUS", "code": "163", "target": "UKR"}]),
            rec("bad-class", [{"source": None, "code": None, "target": None, "penta_class": 9}]),
        ],
    )  # fmt: skip
    fake = FakeExtractor(
        {
            "classed": [event(Actor("RUS", "Russian forces", "state", "RUS"), "190", UKR)],
            "wrong-class": [event(RUS, "190", UKR)],
            "coded": [event(RUS, "163", UKR)],  # 16 (reduce relations) is verbal conflict: class 3
            "bad-class": [event(RUS, "190", UKR)],
        }
    )
    data = evaluate(gold, fake).as_dict()
    assert data["records"] == 3  # a class outside 0-4 is no gold at all
    penta, root = data["levels"]["dyad+penta"], data["levels"]["dyad+root"]
    assert (penta["tp"], penta["fp"], penta["fn"]) == (2, 1, 1)
    # Records with only a class take no part at the code levels.
    assert (root["tp"], root["fp"], root["fn"]) == (1, 0, 0)
    assert "dyad+penta" in format_table(evaluate(gold, fake))


def test_slices_partition_the_records(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "g.jsonl", [rec(f"r{i}", [{"source": "RUS", "code": "042", "target": "TUR"}]) for i in range(40)]
    )
    records = load_gold(gold)
    dev, holdout = select(records, "dev"), select(records, "holdout")
    assert len(dev) + len(holdout) == 40 and not {r.id for r in dev} & {r.id for r in holdout}
    assert len(select(records, "all", limit=5)) == 5
    with pytest.raises(InputError):
        select(records, "train")


def test_bad_gold_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_gold(tmp_path / "missing.jsonl")
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        load_gold(tmp_path / "bad.jsonl")


def test_date_accuracy_uses_the_gold_date(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "g.jsonl", [rec("a", [{"source": "RUS", "code": "190", "target": "UKR"}])])
    good = event(RUS, "190", UKR)
    wrong = Event(RUS, UKR, "190", 4, "x", "", 0, 1, date="2020", extra={"token": 0})
    assert evaluate(gold, FakeExtractor({"a": [good]})).as_dict()["date_accuracy"]["accuracy"] == 1.0
    assert evaluate(gold, FakeExtractor({"a": [wrong]})).as_dict()["date_accuracy"]["accuracy"] == 0.0


def test_cli_evaluate_with_the_real_extractor(runner, tmp_path: Path) -> None:
    from kg.cli import main

    gold = write_gold(
        tmp_path / "g.jsonl",
        [
            {"id": "v", "text": "Putin visited Turkey on Monday.", "date": "2024-01-29",
             "events": [{"source": "RUSGOV", "code": "042", "target": "TUR"}]},
            {"id": "n", "text": "It rained in Ankara.", "date": "2024-01-29", "events": [], "expect_no_events": True},
        ],
    )  # fmt: skip
    result = runner.invoke(main, ["evaluate", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["levels"]["dyad+code"]["f1"] == 1.0
    assert data["no_event_records_without_events"] == 1
    table = runner.invoke(main, ["evaluate", str(gold), "--slice", "all"])
    assert "dyad+root" in table.output and "no-event records: 1 of 1" in table.output
    assert "diplokg evaluate" in runner.invoke(main, ["evaluate", "--help"]).output


def test_article_date_is_the_gold_date(tmp_path: Path) -> None:
    spy = SpyExtractor()
    gold = write_gold(tmp_path / "g.jsonl", [rec("a", [{"source": "RUS", "code": "190", "target": "UKR"}])])
    evaluate(gold, spy)
    assert spy.seen[0].published == dt.date(2024, 1, 29)


def test_undated_records_are_read_on_the_date_given(runner, tmp_path: Path) -> None:
    from kg.cli import main

    # Mark Rutte was the Dutch prime minister in 2023 and NATO's Secretary General in 2025.
    record = {"id": "r", "text": "Mark Rutte met Zelensky in Kyiv.", "date": None,
              "events": [{"source": "IGOWSTNAT", "code": "040", "target": "UKR"}]}  # fmt: skip
    gold = write_gold(tmp_path / "g.jsonl", [record])

    def f1(*options: str) -> float:
        result = runner.invoke(main, ["evaluate", str(gold), "--format", "json", *options])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)["levels"]["dyad+root"]["f1"]

    assert f1("--undated", "2025-05-09") == 1.0
    assert f1("--undated", "2023-05-09") == 0.0
    table = runner.invoke(main, ["evaluate", str(gold), "--undated", "2025-05-09"]).output
    assert "undated=2025-05-09" in table
    bad = runner.invoke(main, ["evaluate", str(gold), "--undated", "last year"])
    assert bad.exit_code == 2 and "--undated" in bad.output


def test_a_records_own_date_wins_over_undated(tmp_path: Path) -> None:
    spy = SpyExtractor()
    records = [rec("a", [{"source": "RUS", "code": "190", "target": "UKR"}]),
               {**rec("b", [{"source": "RUS", "code": "190", "target": "UKR"}]), "date": None}]  # fmt: skip
    report = evaluate(write_gold(tmp_path / "g.jsonl", records), spy, undated=dt.date(2022, 7, 1))
    assert [a.published for a in spy.seen] == [dt.date(2024, 1, 29), dt.date(2022, 7, 1)]
    assert report.as_dict()["undated"] == "2022-07-01"
    assert report.as_dict()["date_accuracy"]["pairs"] == 0  # an assumed date is no gold date
