"""People derived from the Phoenix actor dictionary (``data/actors/derived_*.csv``).

They are resolved by name look-up, not by the alias matcher: a full name (with
or without a leading title), then a bare surname only after that full name.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import Extractor, get_extractor
from kg.extract.gazetteer import Entry, Gazetteer, Tenure, load_gazetteer
from kg.model import Actor, Article, Event

# Ehud Barak is only in the derived tables: Israeli government 1999-07-06 to 2001-03-07
# and 2007-07-01 to 2013-03-18, otherwise just Israeli.
BARAK = "phx-ehud-barak"
IN_OFFICE, OUT_OF_OFFICE = dt.date(2000, 3, 6), dt.date(1995, 3, 6)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return get_extractor()


def events(extractor: Extractor, text: str, day: dt.date = IN_OFFICE) -> list[Event]:
    return extractor.extract(Article("t", text, published=day))


def sources(extractor: Extractor, text: str, day: dt.date = IN_OFFICE) -> list[str]:
    return [e.source.key for e in events(extractor, text, day)]


def test_derived_people_stay_out_of_the_alias_tables() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.derived_keys("EHUD BARAK") == (BARAK,)
    assert gazetteer.is_derived(BARAK)
    assert not any(key == BARAK for _, key, _ in gazetteer.aliases())
    assert all(not gazetteer.is_derived(entry.actor.key) for entry in gazetteer.entries())
    # No bare surname among the derived names.
    assert gazetteer.derived_keys("Barak") == ()


def test_gazetteer_gives_country_and_sector_within_the_tenure_only() -> None:
    gazetteer = load_gazetteer()
    inside = gazetteer.actor(BARAK, IN_OFFICE)
    assert (inside.type, inside.country, inside.sector, inside.wikidata) == ("person", "ISR", "GOV", None)
    outside = gazetteer.actor(BARAK, OUT_OF_OFFICE)
    assert (outside.country, outside.sector) == ("ISR", None)


def test_a_derived_person_resolves_with_the_tenure_of_the_event_date(extractor: Extractor) -> None:
    text = "Ehud Barak criticized Syria on Monday."
    [inside] = events(extractor, text, IN_OFFICE)
    assert (inside.source.key, inside.source.country, inside.source.sector) == (BARAK, "ISR", "GOV")
    assert inside.target.key == "SYR"
    [outside] = events(extractor, text, OUT_OF_OFFICE)
    assert (outside.source.key, outside.source.country, outside.source.sector) == (BARAK, "ISR", None)


def test_a_leading_title_is_not_part_of_the_name(extractor: Extractor) -> None:
    assert sources(extractor, "Prime Minister Ehud Barak criticized Syria on Monday.") == [BARAK]
    assert sources(extractor, "Israeli Defense Minister Ehud Barak criticized Syria on Monday.") == [BARAK]


def test_a_bare_surname_follows_the_full_name_in_the_same_article(extractor: Extractor) -> None:
    text = "Ehud Barak arrived in Cairo on Monday. Barak met Hosni Mubarak on Tuesday."
    found = {(e.source.key, e.cameo) for e in events(extractor, text)}
    assert (BARAK, "040") in found


def test_a_bare_surname_alone_stays_unresolved(extractor: Extractor) -> None:
    [event] = events(extractor, "Barak met Hosni Mubarak on Tuesday.")
    assert not event.source.resolved
    assert event.source.key != BARAK


def test_a_bare_surname_shared_by_two_people_named_before_stays_unresolved(extractor: Extractor) -> None:
    # "Ahmad Shyaa al-Barak" (Iraq) is also a derived person whose surname is Barak.
    text = "Ehud Barak met Ahmad Shyaa Al Barak in Baghdad on Monday. Barak criticized Syria on Tuesday."
    criticised = [e for e in events(extractor, text) if e.cameo.startswith("11")]
    assert criticised
    assert all(not e.source.resolved for e in criticised)


def test_a_curated_person_wins(extractor: Extractor) -> None:
    # Ehud Olmert is curated; the derived tables leave him out.
    assert load_gazetteer().derived_keys("Ehud Olmert") == ()
    assert sources(extractor, "Ehud Olmert criticized Syria on Monday.", dt.date(2007, 3, 5)) == ["ehud-olmert"]


def test_a_derived_alias_that_names_a_curated_person_is_dropped() -> None:
    putin = Entry(Actor("Q7747", "Vladimir Putin", "person", "RUS"), ("Vladimir Putin", "Putin"), ())
    rus = Entry(Actor("RUS", "Russia", "state", "RUS"), ("Russia",), ())
    tenure = Tenure("official", "RUS", "GOV", dt.date(2000, 1, 1), None)
    clash = Entry(Actor("phx-v-putin", "V Putin", "person", "RUS"), ("Vladimir Putin", "V. V. Putin"), (tenure,))
    only_clash = Entry(Actor("phx-vv", "Vladimir Putin", "person", "RUS"), ("Vladimir Putin",), ())
    gazetteer = Gazetteer([rus, putin], derived=[clash, only_clash])
    assert gazetteer.derived_keys("Vladimir Putin") == ()
    assert gazetteer.derived_keys("V. V. Putin") == ("phx-v-putin",)
    assert gazetteer.get("phx-vv") is None
    assert gazetteer.lookup("Vladimir Putin", dt.date(2020, 1, 1)).key == "Q7747"


def test_an_unknown_person_stays_unresolved_text(extractor: Extractor) -> None:
    [event] = events(extractor, "Zorblat Quenty criticized Syria on Monday.")
    source = event.source
    assert not source.resolved
    assert source.label == "Zorblat Quenty"
    assert source.type != "state" and source.country is None


def test_the_article_graph_describes_a_derived_person(extractor: Extractor) -> None:
    from kg.store.rdf import article_graph, reference_graph
    from kg.vocab import DKG, RDF, RDFS, actor_iri

    article = Article("t", "Ehud Barak criticized Syria on Monday.", published=IN_OFFICE)
    [event] = extractor.extract(article)
    assert event.to_json()["source"] == {
        "id": actor_iri(BARAK).toPython(),
        "label": "Ehud Barak",
        "country": "ISR",
        "sector": "GOV",
        "wikidata": None,
        "type": "person",
        "affiliation": None,
    }
    graph = set(article_graph(article, [event], "test/1"))
    node = actor_iri(BARAK)
    assert (node, RDF.type, DKG.Person) in graph
    assert {str(o) for s, p, o in graph if s == node and p in {RDFS.label, DKG.countryCode}} == {"Ehud Barak", "ISR"}
    sectors = {str(o) for s, p, o in graph if p == DKG.sector and str(s).startswith(str(node))}
    assert sectors == {"GOV"}
    # The reference graph stays small: derived people are described by the articles naming them.
    assert (node, RDF.type, DKG.Person) not in reference_graph()


def test_derived_people_are_people_not_states_or_places() -> None:
    from kg.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    # The source dates some states ("IRAQ" of the occupation years) and names regions under them.
    assert gazetteer.derived_keys("Sadr City") == ()
    assert gazetteer.derived_keys("Republika Srpska") == ()
    # Words that are kinds of people ("Christian", "Man") are not titles to strip from a first name.
    assert gazetteer.derived_keys("Christian Wulff") == ("phx-christian-wulff",)
    assert gazetteer.title_length(["christian", "wulff"]) == 0
    assert gazetteer.title_length(["president", "christian", "wulff"]) == 1
