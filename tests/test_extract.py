"""The rule-based extractor and the actor gazetteer (kg.extract)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from kg.errors import ExtractionError
from kg.extract import Extractor, get_extractor, load_gazetteer
from kg.model import MODALITIES, Article, Event

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "putin-turkey-visit-2024-01-29.txt"
SEED_END = 'Although I was prepared to fly to Turkey."'
PUTIN, ERDOGAN, ZELENSKY, MERKEL, MEDVEDEV, ICC = "Q7747", "Q39259", "Q3874799", "Q567", "Q23530", "Q47488"
EVENT_KEYS = {"source", "target", "cameo", "quad_class", "label", "date", "modality", "sentence", "start", "end"}
EVENT_KEYS |= {"confidence", "place", "date_basis"}
ACTOR_KEYS = {"id", "label", "country", "sector", "wikidata", "type", "affiliation"}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return get_extractor()


@pytest.fixture(scope="module")
def seed() -> Article:
    text = SEED.read_text(encoding="utf-8")
    text = text[: text.index(SEED_END) + len(SEED_END)]
    return Article("putin-turkey-visit-2024-01-29", text, published=dt.date(2024, 1, 29), publisher="Newsweek")


@pytest.fixture(scope="module")
def seed_events(extractor: Extractor, seed: Article) -> list[Event]:
    return extractor.extract(seed)


def find(events: list[Event], source: str, target: str, root: str | None = None) -> list[Event]:
    """Events between two actor keys, optionally with a CAMEO root."""
    return [
        e for e in events if e.source.key == source and e.target.key == target and (root is None or e.cameo[:2] == root)
    ]


def extract(extractor: Extractor, text: str, published: dt.date | None = dt.date(2024, 1, 29)) -> list[Event]:
    return extractor.extract(Article("t", text, published=published))


# -- the seed article --------------------------------------------------------------------


def test_seed_putin_will_visit_turkey_next_month(seed_events: list[Event]) -> None:
    (visit,) = [e for e in find(seed_events, PUTIN, "TUR") if e.date == "2024-02"]
    assert visit.cameo in {"036", "042"}
    assert visit.modality == "planned"
    assert (visit.source.wikidata, visit.source.country, visit.source.type) == (PUTIN, "RUS", "person")
    assert visit.target.type == "state" and visit.target.country == "TUR"


def test_seed_russian_invasion_of_ukraine_is_dated(seed_events: list[Event]) -> None:
    (invasion,) = find(seed_events, "RUS", "UKR", "19")
    assert invasion.date == "2022-02-24"
    assert invasion.modality == "asserted"


def test_seed_ankara_aids_ukraine_but_will_not_sanction_moscow(seed_events: list[Event]) -> None:
    (aid,) = find(seed_events, "TUR", "UKR", "07")
    assert aid.cameo == "072"  # "supported Ukraine with military supplies"
    (sanctions,) = find(seed_events, "TUR", "RUS", "16")
    assert sanctions.modality == "negated"  # "refusing to join Western sanctions on Moscow"


def test_seed_turkey_mediates_between_russia_and_ukraine(seed_events: list[Event]) -> None:
    # "... as a mediator between the two nations, hosting two rounds of peace talks ... in 2022."
    mediation = [e for e in seed_events if e.source.key == "TUR" and e.cameo == "045" and "mediator" in e.sentence]
    assert {(e.target.key, e.date) for e in mediation} == {("RUS", "2022"), ("UKR", "2022")}


def test_seed_phone_call_between_erdogan_and_zelensky(seed_events: list[Event]) -> None:
    (call,) = find(seed_events, ERDOGAN, ZELENSKY)
    assert (call.cameo, call.date) == ("041", "2024-01")
    assert call.target.country == "UKR" and call.target.sector == "GOV"


def test_seed_putin_went_to_germany_to_meet_merkel_in_2020(seed_events: list[Event]) -> None:
    (trip,) = find(seed_events, PUTIN, "DEU", "04")
    (meeting,) = find(seed_events, PUTIN, MERKEL, "04")
    assert trip.date == meeting.date == "2020"
    assert meeting.target.sector == "GOV"  # chancellor in 2020, though not at publication


def test_seed_icc_warrant_for_putin(seed_events: list[Event]) -> None:
    (warrant,) = find(seed_events, ICC, PUTIN)
    assert (warrant.cameo, warrant.date) == ("173", "2023")


def test_seed_erdogan_in_sochi_the_following_month(seed_events: list[Event]) -> None:
    (visit,) = [e for e in find(seed_events, ERDOGAN, "RUS", "04") if "Sochi" in e.sentence]
    (meeting,) = find(seed_events, ERDOGAN, PUTIN, "04")
    assert visit.cameo == "042"
    assert visit.date == meeting.date == "2023-09"  # "In August 2023 ... The following month"
    # Where: the city named, in its state; the meeting the visit was for happened there too.
    assert visit.place is not None and (visit.place.name, visit.place.country) == ("Sochi", "RUS")
    assert meeting.place == visit.place


def test_seed_turkey_and_erdogan_as_a_bridge_to_the_kremlin(seed_events: list[Event]) -> None:
    # "Turkey and its president, Recep Tayyip Erdoğan, serve as a rare diplomatic bridge
    # between the Kremlin and its Western rivals."
    bridge = [e for e in seed_events if "bridge between" in e.sentence]
    assert {(e.source.key, e.cameo, e.target.key) for e in bridge} == {("TUR", "045", "RUS"), (ERDOGAN, "045", "RUS")}


def test_seed_kyiv_drone_attack_on_the_kerch_bridge(seed_events: list[Event]) -> None:
    assert find(seed_events, "UKR", "RUS", "19")


def test_seed_has_no_junk(seed_events: list[Event]) -> None:
    assert all(e.source.resolved and e.target.resolved for e in seed_events)
    assert not [e for e in seed_events if "NATO" in (e.source.label, e.target.label)]  # "a NATO nation"


# -- output contract ----------------------------------------------------------------------


def test_sentence_is_the_evidence_span(seed: Article, seed_events: list[Event]) -> None:
    for event in seed_events:
        assert event.sentence == seed.text[event.start : event.end]
        assert event.sentence == event.sentence.strip()


def test_event_json_matches_the_contract(seed_events: list[Event]) -> None:
    assert seed_events
    for event in seed_events:
        data = event.to_json()
        assert set(data) == EVENT_KEYS
        assert re.fullmatch(r"\d{2,4}", data["cameo"]) and isinstance(data["quad_class"], int)
        assert data["quad_class"] in {1, 2, 3, 4} and isinstance(data["label"], str) and data["label"]
        # The seed article has a publication date: every event has a date, stated or reported.
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", data["date"])
        assert data["date_basis"] in {"text", "published"}
        assert data["modality"] in MODALITIES
        assert data["place"] is None or (set(data["place"]) == {"name", "country"} and data["place"]["name"])
        assert isinstance(data["start"], int) and isinstance(data["end"], int) and data["start"] < data["end"]
        assert isinstance(data["confidence"], float) and 0 < data["confidence"] <= 1
        for actor in (data["source"], data["target"]):
            assert set(actor) == ACTOR_KEYS
            assert actor["type"] in {"person", "state", "organization", "group"}
            assert actor["id"].startswith("https://diplokg.org/id/actor/")


# -- precision guards -----------------------------------------------------------------------


def test_sport_in_the_background_of_a_noun_discards_nothing(extractor: Extractor) -> None:
    # The games are what the victims were killed at, not what the sentence reports.
    text = "Israel asked Germany to compensate the families of the athletes killed at the Munich Olympic Games."
    assert {(e.source.key, e.cameo[:2], e.target.key) for e in extract(extractor, text)} == {("ISR", "02", "DEU")}
    assert extract(extractor, "Germany, which hosted the Olympic Games, beat Israel in the final.") == []


def test_no_event_from_sports(extractor: Extractor) -> None:
    assert extract(extractor, "India beat Australia in the second Test.") == []
    assert extract(extractor, "England's cricket team will visit Pakistan next month for a Test series.") == []
    # The same frame outside sport is an event: the discard list is what stops it.
    assert extract(extractor, "The British foreign secretary will visit Pakistan next month.")


@pytest.mark.parametrize(
    "text",
    [
        "Brazil beat Argentina 2-0 in Sunday's match.",
        "India beat Australia in the game.",
        "Japan defeated South Korea in the final of the Asian Cup.",
        "Lula da Silva beat Brazil's incumbent leader Jair Bolsonaro by almost 2 million votes.",
    ],
)
def test_no_event_from_sports_results(extractor: Extractor, text: str) -> None:
    # a verb of winning with a score or a contest noun is a sports or election result
    assert extract(extractor, text) == []


def test_winning_a_war_is_no_sports_result(extractor: Extractor) -> None:
    assert [e.cameo for e in extract(extractor, "Ukraine crushed the Russian offensive near Kharkiv.")] == ["190"]


def test_no_trigger_no_event(extractor: Extractor) -> None:
    assert extract(extractor, "The weather in Moscow and Kyiv was cold on Monday, Peskov said.") == []


def test_unresolved_actor_keeps_its_text(extractor: Extractor) -> None:
    (event,) = extract(extractor, "Iraqi President Jalil Tamrazi met Erdogan in Ankara.")
    unknown = event.source
    assert (unknown.key, unknown.label, unknown.resolved) == ("x-jalil-tamrazi", "Jalil Tamrazi", False)
    assert unknown.type == "group" and unknown.country == "IRQ"  # from "Iraqi", but not the state itself
    assert event.target.key == ERDOGAN


# -- actors ----------------------------------------------------------------------------------


def test_role_phrases_resolve_by_date() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("the Russian president", dt.date(2010, 6, 1)).key == MEDVEDEV
    assert gazetteer.lookup("the Russian president", dt.date(2024, 1, 29)).key == PUTIN
    assert gazetteer.lookup("Russia's foreign minister", dt.date(2024, 1, 29)).label == "Sergey Lavrov"
    assert gazetteer.lookup("NATO secretary general", dt.date(2024, 10, 2)).key == "Q57792"  # Rutte


def test_an_organisations_office_holder_acts_for_it(extractor: Extractor) -> None:
    from kg.vocab import actor_iri

    (event,) = extract(extractor, "António Guterres visited Kyiv on Tuesday.", published=dt.date(2024, 3, 1))
    source, target = event.to_json()["source"], event.to_json()["target"]
    assert (source["label"], source["type"], source["country"]) == ("António Guterres", "person", None)
    assert source["affiliation"] == str(actor_iri("Q1065"))  # the UN, which the Secretary-General speaks for
    assert (target["id"], target["affiliation"]) == (str(actor_iri("UKR")), None)  # a state has none


@pytest.mark.parametrize(
    ("published", "country", "affiliation"),
    [(dt.date(2023, 5, 10), "NLD", None), (dt.date(2025, 5, 10), None, "Q7184")],
    ids=["prime-minister", "nato-secretary-general"],
)
def test_affiliation_follows_the_office_held_on_the_event_date(
    extractor: Extractor, published: dt.date, country: str | None, affiliation: str | None
) -> None:
    from kg.vocab import actor_iri

    text = "Mark Rutte met Ukrainian President Volodymyr Zelensky in Kyiv on Tuesday."
    (event,) = extract(extractor, text, published=published)
    source = event.to_json()["source"]
    assert source["label"] == "Mark Rutte"
    assert (source["country"], source["affiliation"]) == (country, affiliation and str(actor_iri(affiliation)))


def test_only_people_in_an_organisations_office_have_an_affiliation() -> None:
    gazetteer = load_gazetteer()
    # Rutte left the Dutch government on 2024-07-02 and became NATO's Secretary General on 2024-10-01.
    assert gazetteer.actor("Q57792", dt.date(2024, 9, 30)).affiliation is None
    assert gazetteer.actor("Q57792", dt.date(2024, 10, 1)).affiliation == "Q7184"
    assert gazetteer.lookup("NATO secretary general", dt.date(2024, 9, 30)).label == "Jens Stoltenberg"
    assert gazetteer.lookup("NATO secretary general", dt.date(2024, 9, 30)).affiliation == "Q7184"
    assert gazetteer.lookup("the UN secretary-general", dt.date(2005, 1, 1)).affiliation == "Q1065"  # Kofi Annan
    assert gazetteer.actor(PUTIN, dt.date(2024, 1, 29)).affiliation is None  # a state's office
    for key in ("RUS", "Q1065", "Q7184"):
        assert gazetteer.actor(key).affiliation is None  # states and organisations themselves
    assert gazetteer.group("Q1065", "MIL").affiliation is None  # "UN peacekeepers" are the UN's own group


def test_role_phrase_in_text_uses_the_article_date(extractor: Extractor) -> None:
    (event,) = extract(extractor, "The Russian president visited Ankara.", published=dt.date(2010, 5, 12))
    assert (event.source.key, event.source.country, event.source.sector) == (MEDVEDEV, "RUS", "GOV")


def test_matching_ignores_diacritics(extractor: Extractor) -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.lookup("Erdogan") == gazetteer.lookup("Erdoğan")
    (event,) = extract(extractor, "Erdogan visited Moscow on Monday.")
    assert (event.source.key, event.target.key, event.date) == (ERDOGAN, "RUS", "2024-01-29")


def test_names_in_odd_case(extractor: Extractor) -> None:
    # a capital anywhere marks a name; a lower-case person counts where the recogniser sees one
    (event,) = extract(extractor, "The United States wants to help iSrael.")
    assert (event.source.key, event.target.key) == ("USA", "ISR")
    # lower-case common words are no states
    assert extract(extractor, "Students ate turkey in the garden and criticized china plates.") == []


def test_gazetteer_entries_are_consistent() -> None:
    gazetteer = load_gazetteer()
    entries = list(gazetteer.entries())
    states = [e for e in entries if e.actor.type == "state"]
    assert len(states) > 150
    assert all(e.actor.country == e.actor.key and e.actor.sector is None for e in states)
    putin = gazetteer.get(PUTIN)
    assert {t.office for t in putin.tenures} == {"president", "prime minister"}
    assert all(t.start is None or t.end is None or t.start < t.end for e in entries for t in e.tenures)
    assert gazetteer.get("no-such-actor") is None


def test_pronouns_and_coordination(extractor: Extractor) -> None:
    events = extract(extractor, "Putin arrived in Ankara on Monday. He met Erdogan and Fidan.")
    assert {(e.source.key, e.target.key) for e in events if e.cameo == "040"} == {
        (PUTIN, ERDOGAN),
        (PUTIN, "hakan-fidan"),
    }
    events = extract(extractor, "Turkey and Russia signed an agreement with Hungary.")
    assert {(e.source.key, e.cameo, e.target.key) for e in events} == {("TUR", "057", "HUN"), ("RUS", "057", "HUN")}


def test_passive_voice_and_military_groups(extractor: Extractor) -> None:
    (event,) = extract(extractor, "Ukraine was attacked by Russian troops overnight.")
    assert (event.source.key, event.source.sector, event.cameo, event.target.key) == ("RUS-MIL", "MIL", "190", "UKR")


# -- time and modality -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "modality"),
    [
        ("Macron will visit China next month.", "2024-02", "planned"),
        ("Macron visited China in December.", "2023-12", "asserted"),
        ("Macron plans to visit China in December.", "2024-12", "planned"),
        ("Macron visited China on Monday.", "2024-01-29", "asserted"),
        ("Macron visited China at the beginning of this month.", "2024-01", "asserted"),
        ("Macron visited China last March.", "2023-03", "asserted"),
        ("Macron visited China last January.", "2023-01", "asserted"),
        ("Macron will visit China next January.", "2025-01", "planned"),
        ("Macron may visit China in 2025.", "2025", "hypothetical"),
        ("Macron did not visit China.", None, "negated"),
        ("Macron visited China on Monday, his office said.", "2024-01-29", "reported"),
        ("Officials said Macron would visit China next month.", "2024-02", "planned"),
        ("Officials said Macron had not visited China.", None, "negated"),
        ("Macron would not dare visit China.", None, "negated"),
    ],
)
def test_dates_and_modality(extractor: Extractor, text: str, date: str | None, modality: str) -> None:
    (event,) = extract(extractor, text)
    assert (event.source.key, event.target.key) == ("Q3052772", "CHN")
    # No time in the text (None): the publication day stands in, and the event says so.
    expected = (date, "text") if date else ("2024-01-29", "published")
    assert (event.date, event.date_basis, event.modality) == (*expected, modality)


def test_an_event_without_a_time_takes_the_publication_day_and_says_so(extractor: Extractor) -> None:
    stated, reported = extract(extractor, "Macron visited China on Monday. He met Chinese President Xi Jinping.")
    assert (stated.cameo, stated.date, stated.date_basis) == ("042", "2024-01-29", "text")
    assert (reported.cameo, reported.date, reported.date_basis) == ("040", "2024-01-29", "published")
    assert reported.to_json()["date_basis"] == "published"
    # Without a publication date there is nothing to stand in.
    (undated,) = extract(extractor, "Macron met Chinese President Xi Jinping.", published=None)
    assert (undated.date, undated.to_json()["date_basis"]) == (None, None)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the participle tells how, and so when, the mediation was done
        ("Qatar acted as a mediator between Israel and Egypt, hosting talks in Doha in 2023.", "2023"),
        ("Qatar acted as a mediator between Israel and Egypt, hosting talks in Doha last May.", "2023-05"),
        # a perfect participle tells of an earlier time
        ("Qatar acted as a mediator between Israel and Egypt, having hosted talks in Doha in 2023.", None),
    ],
)
def test_a_participle_clause_dates_the_act_it_describes(extractor: Extractor, text: str, date: str | None) -> None:
    mediation = [e for e in extract(extractor, text) if e.cameo == "045" and e.source.key == "QAT"]
    # Not dated by the participle (None): only the publication day stands in.
    expected = (date, "text") if date else ("2024-01-29", "published")
    assert {(e.target.key, e.date, e.date_basis) for e in mediation} == {("ISR", *expected), ("EGY", *expected)}


def test_relative_dates_need_a_publication_date(extractor: Extractor) -> None:
    (event,) = extract(extractor, "Macron will visit China next month.", published=None)
    assert event.date is None


# -- API ---------------------------------------------------------------------------------------


def test_extract_many_keeps_order(extractor: Extractor) -> None:
    articles = [Article(str(i), text) for i, text in enumerate(["Putin met Xi.", "It rained.", "Xi met Putin."])]
    results = list(extractor.extract_many(articles, batch_size=2))
    assert [a.id for a, _ in results] == ["0", "1", "2"]
    assert [len(events) for _, events in results] == [1, 0, 1]
    assert extractor.version.startswith("diplokg-rules/")


def test_missing_model_is_an_extraction_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExtractionError, match="pip install"):
        Extractor(model="no_such_spacy_model")
    monkeypatch.setenv("DIPLOKG_SPACY_MODEL", "no_such_spacy_model")
    with pytest.raises(ExtractionError, match="no_such_spacy_model"):
        get_extractor()


def test_a_contest_noun_elsewhere_in_the_sentence_is_no_result(extractor: Extractor) -> None:
    text = "The United States failed to win a promise from the United Nations to increase its staff ahead of elections."
    assert extract(extractor, text)
