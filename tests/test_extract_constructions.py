"""Each syntactic construction the extractor handles, pinned with a short sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import EXTRACT_DAY, coded, triples

from kg.evaluate import actor_code
from kg.extract import Extractor
from kg.extract.explain import Unmatched, explain
from kg.model import Article

PUTIN, ERDOGAN, ZELENSKY, ICC = "Q7747", "Q39259", "Q3874799", "Q47488"
MACRON, EU = "Q3052772", "Q458"
BLINKEN, SCHOLZ = "antony-blinken", "Q61053"
DAY = EXTRACT_DAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subject -> source, object -> target
        ("Spain criticized Morocco on Monday.", {("ESP", "111", "MAR")}),
        # prepositional complements
        ("France imposed sanctions on Iran.", {("FRA", "163", "IRN")}),
        ("Italy cut ties with Venezuela.", {("ITA", "161", "VEN")}),
        # passive with a by-agent
        ("Ukraine was attacked by Russia.", {("RUS", "190", "UKR")}),
        # object control: "urged X to ..." is an appeal to X
        ("France urged Russia to withdraw.", {("FRA", "020", "RUS")}),
        # coordination split into directed pairs
        ("Spain hosted France and Germany.", {("ESP", "043", "FRA"), ("ESP", "043", "DEU")}),
        # possessive source of an event noun
        ("Erdogan's visit to Sochi was a success.", {(ERDOGAN, "042", "RUS")}),
        # participle with a by-agent, then "for"
        ("An arrest warrant issued by the ICC for Putin angered Moscow.", {(ICC, "173", PUTIN)}),
        ("Russia's invasion of Ukraine began in 2022.", {("RUS", "190", "UKR")}),
        # a date that the parser made the head of a name
        ("Iraq's foreign minister met with Syrian President Bashar Assad Tuesday.", None),
        # a request takes the kind of what it asks for, in a clause or a "for" phrase
        ("The EU urged Russia to withdraw its troops from Ukraine.", {("Q458", "0256", "RUS")}),
        ("Germany pressed Israel to hold talks with Egypt.", {("DEU", "026", "ISR")}),
        ("Angola asked Portugal for military aid.", {("AGO", "0232", "PRT")}),
        ("Washington demanded that Hamas release the hostages.", {("USA", "1053", "NSA-HAMAS")}),
        ("Obama wants Putin to resign.", {("Q76", "024", PUTIN)}),
        ("Obama wants Putin to attack Georgia.", {("Q76", "020", PUTIN)}),
        # a threat takes its target from the clause it controls
        ("Iran threatened to invade Iraq.", {("IRN", "1384", "IRQ")}),
        # a gerund after a preposition: the object acts, else the subject
        ("Russia accused Ukraine of attacking Belarus.", {("RUS", "1123", "UKR"), ("UKR", "190", "BLR")}),
        ("The US is committed to supporting Kyiv.", {("USA", "051", "UKR")}),
        # a name one compound down in the target phrase
        ("The US launched an air strike against an Islamic State army base.", {("USA", "195", "NSA-ISIL")}),
        # receiving a visitor is hosting
        ("Macron received Zelensky at the Elysee.", {("Q3052772", "043", ZELENSKY)}),
        # a light verb renews talks between coordinated parties
        ("Israel and Lebanon renewed negotiations on Monday.", {("ISR", "046", "LBN"), ("LBN", "046", "ISR")}),
        # denying another party's accusation
        ("Liberia denied charges by Ghana that it armed rebels.", {("LBR", "016", "GHA")}),
        # joint exercises are military cooperation; drills near another state a show of force
        ("Jordan and Egypt held joint military exercises.", {("JOR", "062", "EGY"), ("EGY", "062", "JOR")}),
        ("Chinese warships conducted drills near Taiwan.", {("CHN-MIL", "150", "TWN")}),
        # an official protest; "his Chinese counterpart" holds his office in China that day
        ("Serbia lodged an official protest with Albania.", {("SRB", "114", "ALB")}),
        ("Blinken met his Chinese counterpart in Beijing.", {("antony-blinken", "040", "wang-yi")}),
        # improving relations; a plan to do so is an intent to cooperate, each with the other
        ("Turkey restored diplomatic relations with Israel.", {("TUR", "050", "ISR")}),
        ("China and Russia pledged to strengthen ties.", {("CHN", "030", "RUS"), ("RUS", "030", "CHN")}),
        # heading somewhere is travel, heading something is not
        ("Sarkozy heads to Beijing on Friday.", {("Q329", "042", "CHN")}),
        # a threat's target may be the "to" object of the threatened act
        ("Iran threatened to cut off electricity to Armenia.", {("IRN", "130", "ARM")}),
        # "used X to ...": the subject acts, X is the means
        ("Liberian riot police used tear gas to disperse demonstrators.", {("LBR-COP", "175", "LBR-OPP")}),
        ("China cracked down on Uyghur activists.", {("CHN", "175", "x-activists")}),
        ("The United Nations reduced food supplies to Cambodia.", {("Q1065", "162", "KHM")}),
        # saying that someone attacked is an accusation; saying one will attack is not
        ("Russia said Ukraine shelled the power plant.", {("RUS", "112", "UKR")}),
        ("The US said that Iraq had attacked Kuwait.", {("USA", "112", "IRQ"), ("IRQ", "190", "KWT")}),
        # a demand or threat about an event noun, with the party in a prepositional phrase
        ("Ukraine demanded the withdrawal of Russian troops.", {("UKR", "1056", "RUS-MIL")}),
        ("Serbia demanded a meeting of the UN Security Council.", {("SRB", "106", "Q37470")}),
        ("Bush threatened further action against Russia.", {("Q207", "130", "RUS")}),
        # the threatened act's target may hang from its object
        ("Hamas threatened to resume attacks in Israel.", {("NSA-HAMAS", "1384", "ISR")}),
        # a blockade tightened or lifted
        ("NATO would tighten the naval blockade of Serbia.", {("Q7184", "1312", "SRB")}),
        ("The Israeli army lifted a blockade on Palestinian trucks.", {("ISR-MIL", "0872", "PSE")}),
        # curly apostrophes parse like straight ones
        ("Macron and Germany\u2019s Scholz met in Paris.", {("Q3052772", "040", "Q61053")}),
        # the owner named on a violent subject acts
        ("Russian missiles hit Kyiv overnight.", {("RUS", "190", "UKR")}),
        # assurances received are a promise made
        ("Kyiv received assurances from Washington.", {("USA", "030", "UKR")}),
        # who made the request that was rejected
        ("The U.S. rejected calls by Russia to adopt reforms.", {("USA", "120", "RUS")}),
    ],
)
def test_construction(extractor: Extractor, text: str, expected: set[tuple[str, str, str]] | None) -> None:
    found = triples(extractor, text)
    if expected is None:
        assert any(code == "040" and target == "bashar-al-assad" for _, code, target in found)
    else:
        assert expected <= found


def test_reciprocal_meeting_without_object(extractor: Extractor) -> None:
    found = triples(extractor, "Japan and China held talks in Beijing.")
    assert {("JPN", "046", "CHN"), ("CHN", "046", "JPN")} <= found


def test_phone_call_with_is_reciprocal(extractor: Extractor) -> None:
    found = triples(extractor, "Erdogan held a phone call with Zelensky on Friday.")
    assert {(ERDOGAN, "041", ZELENSKY), (ZELENSKY, "041", ERDOGAN)} <= found


def test_complement_chain_keeps_the_plan(extractor: Extractor) -> None:
    (event,) = extractor.extract(Article("t", "Turkey agreed to cooperate with Russia.", published=DAY))
    assert (event.source.key, event.cameo[:2], event.target.key, event.modality) == ("TUR", "05", "RUS", "planned")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin declined to meet Zelensky.", (PUTIN, "125", ZELENSKY, "asserted")),
        ("Obama said he would not provide support to Israel.", ("Q76", "121", "ISR", "asserted")),
        ("Serbia will not recognize Kosovo.", ("SRB", "120", "XKX", "asserted")),
        # no refusal: the meeting just did not take place
        ("Macron did not meet Xi.", ("Q3052772", "040", "Q15031", "negated")),
    ],
)
def test_a_refused_cooperative_act_is_a_rejection(extractor: Extractor, text: str, expected: tuple[str, ...]) -> None:
    (event,) = extractor.extract(Article("t", text, published=DAY))
    assert (event.source.key, event.cameo, event.target.key, event.modality) == expected


def test_negated_by_a_governing_verb(extractor: Extractor) -> None:
    events = extractor.extract(Article("t", "Turkey refused to join sanctions on Russia.", published=DAY))
    assert [(e.source.key, e.target.key, e.modality) for e in events] == [("TUR", "RUS", "negated")]


def test_derived_verb_table_adds_coverage(extractor: Extractor) -> None:
    # "rebuff" is in the hand table; "scold" only in the PETRARCH-derived verbs.csv.
    assert {code[:2] for _, code, _ in triples(extractor, "Germany scolded Poland.")} == {"11"}


def test_no_fallback_code(extractor: Extractor) -> None:
    assert triples(extractor, "Germany and Poland are neighbours.") == set()


def test_explain_gives_a_reason_per_sentence(extractor: Extractor) -> None:
    text = "Putin visited Turkey. India beat Australia in the second Test. It rained in Paris. Reporters visited Kabul."
    ((_, ctx),) = extractor.contexts_many([Article("t", text, published=DAY)])
    rows = explain(ctx)
    assert rows[0]["events"][0]["rule"] == "visit-v" and rows[0]["events"][0]["trigger"] == "visited"
    # where and when, and whether the date is stated (the text gives none: the publication day)
    assert rows[0]["events"][0]["place"] == {"name": "Turkey", "country": "TUR"}
    assert (rows[0]["events"][0]["date"], rows[0]["events"][0]["date_basis"]) == (DAY.isoformat(), "published")
    assert rows[1]["reason"].startswith("discarded")
    assert rows[2]["reason"] == "no trigger"
    assert "guard" in rows[3]["reason"]


def test_unmatched_counts_unknown_verbs_and_names(extractor: Extractor) -> None:
    text = "It rained in Paris. It rained again as Zorblatt Wibblecorp opened."
    counter = Unmatched()
    for _, ctx in extractor.contexts_many([Article("t", text, published=DAY)]):
        counter.add(ctx)
    report = counter.report(5)
    assert report["documents"] == 1
    assert ["rain", 2] in report["verbs"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statement about the actor of the reported clause (speaker first)
        ("Putin said that Ukraine was not ready for peace.", {(PUTIN, "010", "UKR")}),
        # ... or the owner named on that clause's subject
        ("Erdogan said Greece's claims were baseless.", {(ERDOGAN, "010", "GRC")}),
        # headline style: the reported clause comes first, the verb is present tense
        ("Russian tactics are crazy, says Zelensky.", {(ZELENSKY, "010", "RUS")}),
        # an allegation about the actor of the reported clause
        ("Rwanda alleged that France took part in the killings.", {("RWA", "110", "FRA")}),
        # coordinated owners of a group noun: one group each
        ("US and Chinese diplomats discussed trade.", {("USA-GOV", "040", "CHN-GOV"), ("CHN-GOV", "040", "USA-GOV")}),
        # a symmetric agreement with coordinated subjects and no other party
        ("Chile and Peru signed a trade agreement.", {("CHL", "057", "PER"), ("PER", "057", "CHL")}),
        # endorsing an agreement with someone
        ("Ukrainian lawmakers endorsed an agreement with the European Union.", {("UKR-LEG", "051", "Q458")}),
        # military exercises near another state
        ("Russia held naval exercises near Japan.", {("RUS", "150", "JPN")}),
        # condolences sent to someone
        ("Egypt sent condolences to Iran.", {("EGY", "018", "IRN")}),
        # "it" as subject of a reported clause is the reporting state
        ("Israel announced it had freed Palestinian prisoners.", {("ISR", "0841", "PSE-CVL")}),
        # a light verb the lemmatiser gets wrong ("staged" -> "stag") still hosts its event noun
        ("Greek activists staged a protest in Ankara.", {("GRC-OPP", "141", "TUR")}),
        # a passive killing caused by a violent event noun with an owner
        ("Three Syrian soldiers were killed during a Turkish air strike.", {("TUR", "190", "SYR-MIL")}),
        # hitting out at someone is criticism
        ("China hit out at Japan over the visit.", {("CHN", "111", "JPN")}),
    ],
)
def test_statement_coordination_and_event_noun_constructions(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # a bare statement with no other actor
        "Putin said the weather was cold.",
        # a trailing attribution is not a statement about the clause's subject
        "Ukraine shelled the bridge, Russian officials said.",
        # the reported clause is about the speaker
        "Spain's foreign minister said she was unaware of the plan.",
        # a news agency attributing a report makes no statement
        "Iraq's foreign minister met Assad on Tuesday, Reuters reports.",
    ],
)
def test_statements_without_a_target_are_not_events(extractor: Extractor, text: str) -> None:
    assert not any(code.startswith("01") for _, code, _ in triples(extractor, text))


def test_the_act_asked_for_is_no_event_of_its_own(extractor: Extractor) -> None:
    # The appeal is the event; the withdrawal did not happen.
    assert triples(extractor, "The EU urged Russia to withdraw its troops from Ukraine.") == {("Q458", "0256", "RUS")}
    assert triples(extractor, "Iran threatened to invade Iraq.") == {("IRN", "1384", "IRQ")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appeal for talks or a truce addresses their parties; the talks did not happen
        ("Macron called for talks with Putin.", {(MACRON, "026", PUTIN)}),
        ("The UN urged talks between Israel and Hamas.", {("Q1065", "026", "ISR"), ("Q1065", "026", "NSA-HAMAS")}),
        ("Turkey called for a ceasefire between Russia and Ukraine.", {("TUR", "0256", "RUS"), ("TUR", "0256", "UKR")}),
        ("Germany demanded a truce between Israel and Hamas.", {("DEU", "1056", "ISR"), ("DEU", "1056", "NSA-HAMAS")}),
        # a demanded withdrawal addresses the one who is to withdraw, not the place
        ("Germany demanded a Russian withdrawal from Ukraine.", {("DEU", "1056", "RUS")}),
        # calling for sanctions against a state threatens it with them
        ("Greece called for sanctions against Turkey.", {("GRC", "1312", "TUR")}),
        ("Poland urged tougher sanctions on Russia.", {("POL", "1312", "RUS")}),
        # an appeal for something no party of which is named addresses no one
        ("Russia called for an investigation into the attack.", set()),
    ],
)
def test_an_appeal_for_an_act_addresses_its_parties(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an announced suspension is the announcer's own act
        ("Denmark announced a suspension of aid to Egypt.", {("DNK", "162", "EGY")}),
        ("Italy announced a suspension of air links with Serbia.", {("ITA", "161", "SRB")}),
        # not so for talks between others that one announces
        ("The Kremlin announced talks between Putin and Xi.", {(PUTIN, "046", "Q15031"), ("Q15031", "046", PUTIN)}),
        # aid suspended "with" a state, relief supplies, medical equipment (no arms)
        ("The Netherlands suspended military aid and weapons deals with Pakistan.", {("NLD", "162", "PAK")}),
        ("The United States sent emergency supplies to Nepal.", {("USA", "070", "NPL")}),
        ("The US military gave medical equipment to Nicaragua.", {("USA-MIL", "073", "NIC")}),
        # condolences "for" a people; sanctions "imposed on" a state, then lifted
        ("Putin expressed condolences for the British people.", {(PUTIN, "018", "GBR-CVL")}),
        ("The Security Council lifted sanctions imposed on Eritrea.", {("Q37470", "085", "ERI")}),
        # some of the troops are troops
        ("Russia has begun withdrawing some of its troops from Syria.", {("RUS", "0874", "SYR")}),
        ("Israel shared intelligence with Jordan.", {("ISR", "064", "JOR")}),
        # parts of a country are no property seized from it
        ("The militant group has seized parts of Iraq.", set()),
    ],
)
def test_suspensions_supplies_and_intelligence(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taking aim, a swipe or a jab at someone criticises them
        ("Putin took aim at the West in a new speech.", {(PUTIN, "111", "GRP-WEST")}),
        ("Erdogan took a swipe at Sweden.", {(ERDOGAN, "111", "SWE")}),
        # rejecting another party's accusation denies it
        ("Iran rejected accusations by Israel that it attacked the ship.", {("IRN", "016", "ISR")}),
        # threatening an operation somewhere threatens force against that place
        ("Erdogan threatened a ground operation in Syria.", {(ERDOGAN, "138", "SYR")}),
        # nudging someone to act is an appeal to them
        ("The US nudged Zelensky to soften his preconditions.", {("USA", "020", ZELENSKY)}),
        # sanctions kept "until" or "unless" someone acts are kept on them
        ("The EU will not ease sanctions unless Russia withdraws.", {(EU, "1244", "RUS")}),
        ("Obama said he will not lift the embargo until Cuba undertakes reforms.", {("Q76", "1244", "CUB")}),
        # cooperation rejected "with" someone
        ("Myanmar rejected any cooperation with the ICC.", {("MMR", "120", ICC)}),
    ],
)
def test_criticism_threat_and_appeal_idioms(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= triples(extractor, text)


def test_a_possessive_the_recogniser_took_in_keeps_the_name(extractor: Extractor) -> None:
    # spaCy tags "Rishi Sunak's" as the person; the name is still Rishi Sunak's.
    events = extractor.extract(Article("t", "Rishi Sunak's visit to Kyiv angered Moscow.", published=DAY))
    assert {(e.source.key, e.cameo, e.target.key) for e in events} >= {("rishi-sunak", "042", "UKR")}
    unknown = extractor.extract(Article("t", "Pavel Filatyev's visit to Kyiv angered Moscow.", published=DAY))
    assert {e.source.label for e in unknown} == {"Pavel Filatyev"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A spokesman for Hamas rejected the proposal by Egypt.", {("NSA-HAMAS", "120", "EGY")}),
        ("A spokeswoman for Russia's foreign ministry criticized Britain.", {("RUS-GOV", "111", "GBR")}),
        # an envoy "for" a country is nobody's spokesman: no owner from the "for" phrase
        ("The envoy for Syria criticized Britain.", set()),
    ],
)
def test_a_spokesman_for_a_body_speaks_for_it(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cyber warfare is an attack of its own kind (176), not an armed one
        ("Russia launched cyber warfare against the UK.", {("RUS", "176", "GBR")}),
        ("The US launched cyber attacks on Iran.", {("USA", "176", "IRN")}),
        # borders opened to a people, or closed to a state
        ("Croatia has opened its borders to refugees from Serbia.", {("HRV", "081", "SRB-REF")}),
        ("Poland closed its border with Belarus.", {("POL", "172", "BLR")}),
        ("Finland closed its airspace to Russian planes.", {("FIN", "172", "RUS")}),
        # property handed back
        ("Germany returned the looted artworks to Nigeria.", {("DEU", "0842", "NGA")}),
        # a warning given is a threat
        ("Obama gave Putin a stern warning.", {("Q76", "130", PUTIN)}),
        # "cease-fire" is a ceasefire, hyphen or not
        (
            "Afghan President Ashraf Ghani announced a weeklong cease-fire with the Taliban.",
            {("ashraf-ghani", "0871", "NSA-TALIBAN")},
        ),
        ("India and Pakistan agreed to a cease-fire.", {("IND", "0356", "PAK"), ("PAK", "0356", "IND")}),
    ],
)
def test_cyber_attacks_borders_returns_warnings_and_truces(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # parsed as two objects of "meet"
        "Erdogan met his counterpart Italian President Sergio Mattarella in Rome.",
        # parsed as an apposition
        "Erdogan met his counterpart Sergio Mattarella in Rome.",
    ],
)
def test_a_counterpart_named_after_the_role_is_that_person(extractor: Extractor, text: str) -> None:
    assert (ERDOGAN, "040", "sergio-mattarella") in triples(extractor, text)


def test_an_act_someone_blocked_did_not_happen(extractor: Extractor) -> None:
    events = extractor.extract(Article("t", "Hungary blocked the EU from imposing sanctions on Russia.", published=DAY))
    sanctions = [e for e in events if e.cameo == "163"]
    assert sanctions and all(e.modality == "negated" for e in sanctions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named organisation before "group" or "movement" is the organisation
        ("The Hamas movement rejected the proposal by Egypt.", {("NSA-HAMAS", "120", "EGY")}),
        # what is attacked or seized "belonging to" someone is theirs
        ("Ukraine seized assets belonging to Russian oligarchs.", {("UKR", "1711", "RUS-BUS")}),
        # armoured vehicles are arms
        ("Britain has sent 100 armoured patrol vehicles to Lebanon.", {("GBR", "072", "LBN")}),
    ],
)
def test_organisation_heads_belongings_and_vehicles(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_calling_a_meeting_is_no_request(extractor: Extractor) -> None:
    found = triples(extractor, "Putin called a meeting with Erdogan.")
    assert (PUTIN, "040", ERDOGAN) in found


def test_leaving_a_place_is_no_event_but_leaving_for_one_is_travel(extractor: Extractor) -> None:
    assert not triples(extractor, "Putin left Moscow on Monday.")
    assert triples(extractor, "Putin left for Ankara on Monday.") == {(PUTIN, "042", "TUR")}


def test_an_unknown_person_keeps_the_name_a_pronoun_refers_to(extractor: Extractor) -> None:
    events = extractor.extract(Article("t", "Jan Novak arrived in Kyiv. He criticised Russia.", published=DAY))
    assert ("Jan Novak", "111", "RUS") in {(e.source.label, e.cameo, e.target.key) for e in events}


def test_a_named_owner_of_a_peaceful_subject_does_not_attack(extractor: Extractor) -> None:
    assert not triples(extractor, "US sanctions target Russian companies.")


def test_according_to_is_no_event(extractor: Extractor) -> None:
    # The verb table knows "accord" (grant); "according to" only attributes.
    ctx = extractor.context(Article("t", "The report was right, according to Russia.", published=DAY))
    assert [entry["reason"] for entry in explain(ctx)] == ["no trigger"]


def test_named_but_unknown_actors_take_part_in_verbal_events(extractor: Extractor) -> None:
    events = extractor.extract(Article("t", "Biden criticised Mark Zuckerberg on Tuesday.", published=DAY))
    (event,) = events
    assert (event.source.key, event.cameo) == ("Q6279", "111")
    # The unknown name keeps its text and never becomes a country.
    assert event.target.label == "Mark Zuckerberg" and event.target.country is None and not event.target.resolved
    # A role that is also a proper name ("Congress") is a named body.
    events = extractor.extract(Article("t", "Congress is asking Obama to help Iran.", published=DAY))
    assert ("Congress", "023", "Q76") in {(e.source.label, e.cameo, e.target.key) for e in events}
    # A role noun with no name or country is still not a party.
    assert not extractor.extract(Article("t", "Reporters criticised the prosecutor.", published=DAY))


def test_derived_places_locate_their_state() -> None:
    from kg.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    # A city known only from the Phoenix-derived rows (data/actors/derived_places.csv).
    assert gazetteer.lookup("Jalalabad").key == "AFG"
    assert gazetteer.alias_kind("AFG", "Jalalabad") == "place"


def test_social_groups_take_the_country_of_their_demonym(extractor: Extractor) -> None:
    text = "Israeli soldiers shot two Palestinian farmers near Hebron."
    events = extractor.extract(Article("t", text, published=DAY))
    assert {(e.source.label, e.cameo, e.target.label) for e in events} == {
        ("Israel (military)", "190", "Palestine (agriculture)")
    }
    events = extractor.extract(Article("t", "Russian investors met Chinese businessmen in Shanghai.", published=DAY))
    assert {(e.source.country, e.source.sector, e.target.country, e.target.sector) for e in events} == {
        ("RUS", "BUS", "CHN", "BUS")
    }


def test_derived_rows_fill_in_where_no_hand_written_row_applies(extractor: Extractor) -> None:
    # "lift" is hand-written for sanctions; the derived "lift" + curfew row still applies.
    assert triples(extractor, "Israel lifted the curfew on Palestinians in Hebron.") == {("ISR", "0813", "PSE")}
    assert triples(extractor, "France lifted sanctions on Iran.") == {("FRA", "085", "IRN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt accepted demands from Hamas.", {("EGY", "080", "NSA-HAMAS")}),
        ("Qatar's mediation between Israel and Hamas continued.", {("QAT", "045", "ISR"), ("QAT", "045", "NSA-HAMAS")}),
        ("The UN withdrew its peacekeepers from Lebanon.", {("Q1065", "1661", "LBN")}),
        # an event noun in the "in" phrase of "engage in" is done by the verb's subject
        ("Serbia engaged in ethnic cleansing against Albanians.", {("SRB", "203", "ALB")}),
        ("Belarus participated in the invasion of Ukraine.", {("BLR", "190", "UKR")}),
        ("The United States and Jordan have agreed upon a new pact.", {("USA", "057", "JOR"), ("JOR", "057", "USA")}),
    ],
)
def test_yielding_mediation_withdrawal_and_mass_violence(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_a_planned_withdrawal_of_observers_is_a_threat(extractor: Extractor) -> None:
    events = extractor.extract(Article("t", "Germany said it will withdraw its observers from Mali.", published=DAY))
    assert [(e.source.key, e.cameo, e.target.key, e.modality) for e in events] == [("DEU", "136", "MLI", "planned")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name modifying the object is the target when the object is not an actor
        ("Iran condemned the US air strikes.", {("IRN", "111", "USA")}),
        (
            "Saudi Arabia welcomed the ceasefire between Israel and Hamas.",
            {("SAU", "051", "ISR"), ("SAU", "051", "NSA-HAMAS")},
        ),
        ("China welcomed Russia's proposal.", {("CHN", "051", "RUS")}),
        # welcoming a person is receiving a visit
        ("Putin welcomed Erdogan to Sochi.", {(PUTIN, "043", ERDOGAN)}),
    ],
)
def test_reactions_to_what_another_party_did(
    extractor: Extractor, text: str, expected: set[tuple[str | None, str, str | None]]
) -> None:
    assert triples(extractor, text) == expected


def test_countryless_victims_belong_to_the_place_of_the_violence(extractor: Extractor) -> None:
    def coded(text: str) -> set[tuple[str | None, str | None, str, str | None, str | None]]:
        events = extractor.extract(Article("t", text, published=DAY))
        return {(e.source.country, e.source.sector, e.cameo, e.target.country, e.target.sector) for e in events}

    assert coded("Russian missiles killed ten civilians in Kharkiv.") == {("RUS", None, "190", "UKR", "CVL")}
    # Arrests are the local authorities' own.
    assert coded("Police arrested dozens of protesters in Moscow.") == {("RUS", "COP", "173", "RUS", "OPP")}
    # Without a place the victims keep no country; a meeting place says nothing of who met.
    assert coded("Israeli troops killed two children.") == {("ISR", "MIL", "190", None, "CVL")}
    assert coded("Diplomats met in Geneva.") == set()
    # A weapon taken for the object names the attacker; the place may hang on the act's clause.
    assert coded("Four children were killed in Israeli tank shelling in the east of the Gaza Strip.") == {
        ("ISR", None, "190", "PSE", "CVL")
    }
    assert coded("Russian troops shelled villages on the outskirts of Kharkiv.") == {
        ("RUS", "MIL", "194", "UKR", "CVL")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's bare infinitive is its future
        ("Putin to visit Turkey next month.", {(PUTIN, "036", "TUR", "planned")}),
        # a purpose clause of a visit is done by the visitor, not the place
        (
            "Putin visited Turkey to meet Erdogan.",
            {(PUTIN, "042", "TUR", "asserted"), (PUTIN, "040", ERDOGAN, "hypothetical")},
        ),
        # moving forces towards another party; the troops are not a party of their own
        ("Russia deployed troops to Belarus.", {("RUS", "154", "BLR", "asserted")}),
        # aid named in an "in" phrase of a giving verb, to its dative or "to" phrase
        ("US sending Ukraine $400 million more in military aid.", {("USA", "072", "UKR", "asserted")}),
        ("Germany sent 2 billion euros in aid to Kenya.", {("DEU", "070", "KEN", "asserted")}),
    ],
)
def test_headlines_purposes_deployments_and_amounts_of_aid(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    events = extractor.extract(Article("t", text, published=DAY))
    assert {(e.source.key, e.cameo, e.target.key, e.modality) for e in events} == expected


def test_expecting_another_party_to_act_is_a_request(extractor: Extractor) -> None:
    text = "Turkey expects Sweden and Finland to take real steps against terrorism."
    assert triples(extractor, text) == {("TUR", "020", "SWE"), ("TUR", "020", "FIN")}
    # Expecting something of oneself, or an expectation of people with no country, is none.
    assert triples(extractor, "Russia expects to win.") == set()
    assert triples(extractor, "Analysts expect Russia to attack.") == set()


def test_an_appeal_noun_is_an_appeal_to_its_to_object(extractor: Extractor) -> None:
    assert triples(extractor, "Turkey renewed an appeal to Belgium to extradite a militant.") == {("TUR", "020", "BEL")}
    assert triples(extractor, "Kyiv made a plea to NATO for more air defence.") == {("UKR", "020", "Q7184")}


def test_market_news_is_discarded_as_business(extractor: Extractor) -> None:
    text = "Shares of Aeroflot fell after Russia threatened Poland. Russia threatened Poland."
    ctx = extractor.context(Article("t", text, published=DAY))
    assert [entry.get("reason") for entry in explain(ctx)] == ["discarded (business)", None]
    assert triples(extractor, "Russia threatened Poland.") == {("RUS", "130", "POL")}


def test_names_with_a_lower_case_particle_and_members_of_a_group(extractor: Extractor) -> None:
    assert triples(extractor, "Pakistan arrested al-Qaeda members.") == {("PAK", "173", "NSA-ALQAEDA")}
    # "members" with no named group is nobody in particular.
    assert triples(extractor, "Members criticized Pakistan.") == set()


def test_violence_with_no_doer_comes_from_the_state_it_was_fired_from(extractor: Extractor) -> None:
    assert triples(extractor, "Rockets were fired from Lebanon into northern Israel.") == {("LBN", "190", "ISR")}
    assert triples(extractor, "A missile was launched from Syria at Israeli positions.") == {("SYR", "190", "ISR")}
    # A named doer wins; fleeing from a state is no violence.
    assert triples(extractor, "Hezbollah fired rockets from Lebanon into Israel.") == {("NSA-HEZBOLLAH", "190", "ISR")}
    assert triples(extractor, "Refugees fled from Syria.") == set()


def test_an_attack_noun_from_a_place_is_not_done_by_that_place(extractor: Extractor) -> None:
    # The group that claims the attacks did them, not the state they came from.
    text = "A guerrilla group claimed responsibility for attacks on Israeli troops from Jordan."
    assert not any(source == "JOR" for source, _, _ in triples(extractor, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act on a place is an act on its state when no party is named
        (
            "The military government declared a 30-day state of siege in Haiti.",
            {("x-military-government", "1724", "HTI")},
        ),
        ("Israel declared a curfew in Hebron.", {("ISR", "1723", "PSE")}),
        ("Haiti's government imposed martial law in Port-au-Prince.", {("HTI-GOV", "1724", "HTI")}),
        # a declaration keeps its generic reading, and support declared is support
        ("Spain declared its support for Ukraine.", {("ESP", "051", "UKR")}),
        ("Spain declared war on Morocco.", None),
    ],
)
def test_declarations_and_acts_on_places(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]] | None
) -> None:
    found = triples(extractor, text)
    if expected is None:
        assert found and all(source == "ESP" and target == "MAR" for source, _, target in found)
    else:
        assert found == expected


def test_whoever_claims_responsibility_for_an_attack_did_it(extractor: Extractor) -> None:
    text = "Al-Shabab claimed responsibility for the attack on Kenyan troops."
    events = extractor.extract(Article("t", text, published=DAY))
    # The attack, and the claim (015) aimed at the same party.
    assert {(e.source.key, e.cameo, e.target.country, e.target.sector) for e in events} == {
        ("NSA-ALSHABAAB", "190", "KEN", "MIL"),
        ("NSA-ALSHABAAB", "015", "KEN", "MIL"),
    }
    # Denying it is no admission.
    assert triples(extractor, "Russia denied responsibility for the attack on Ukraine.") != {("RUS", "190", "UKR")}


def test_a_named_apposition_beats_the_office_holder_of_the_reading_date(extractor: Extractor) -> None:
    # Read in 2024, "the Israeli prime minister" alone would be Netanyahu; the name says Sharon.
    events = extractor.extract(
        Article("t", "The Israeli prime minister, Ariel Sharon, apologized to Egypt.", published=DAY)
    )
    assert {(e.source.label, e.cameo, e.target.key) for e in events} == {("Ariel Sharon", "055", "EGY")}


def test_a_crashing_passenger_plane_is_no_attack(extractor: Extractor) -> None:
    text = "A China Eastern Airlines commuter plane crashed into a lake, killing all 53 people on board."
    assert triples(extractor, text) == set()
    assert ("ISR-MIL", "190", "PSE") in triples(extractor, "Israeli jets struck Gaza, killing ten people.")


def test_an_office_without_any_date_names_no_particular_holder(extractor: Extractor) -> None:
    def sources(text: str, published: dt.date | None) -> set[str]:
        return {e.source.key for e in extractor.extract(Article("t", text, published=published))}

    text = "The Israeli prime minister visited Egypt."
    # Today's holder would be wrong for older news read without its date: the government acts.
    assert sources(text, None) == {"ISR-GOV"}
    assert sources(text, dt.date(2004, 9, 1)) == {"ariel-sharon"}
    # A date in the text is enough.
    assert sources("The Israeli prime minister visited Egypt in 2005.", None) == {"ariel-sharon"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reporting state is the "it" its report is about, and the origin of the fire is accused
        (
            "Israel said a mortar bomb was fired at it from the Gaza Strip.",
            {("ISR", "112", "PSE"), ("PSE", "190", "ISR")},
        ),
        ("Russia said Ukraine attacked it.", {("RUS", "112", "UKR"), ("UKR", "190", "RUS")}),
        # a passive report accuses its "by" agent
        ("Russia said the plant was shelled by Ukraine.", {("RUS", "112", "UKR")}),
    ],
)
def test_reports_of_attacks_on_the_reporter(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_saying_one_did_an_attack_claims_responsibility(extractor: Extractor) -> None:
    assert triples(extractor, "Hamas said it fired rockets at Israel.") == {
        ("NSA-HAMAS", "015", "ISR"),
        ("NSA-HAMAS", "190", "ISR"),
    }
    # A plan to attack is a threat, not a claim; a statement about oneself is no event.
    assert triples(extractor, "Russia said it would attack Ukraine.") == {("RUS", "138", "UKR")}
    assert triples(extractor, "Russia said it is ready for talks.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb coded by its object noun takes the noun's complement as target ...
        ("Germany expressed support for Ukraine.", {("DEU", "032", "UKR")}),
        # ... or the state owning it
        ("France expressed concern over Iran's nuclear program.", {("FRA", "012", "IRN")}),
        # a threat to impose restrictions on a state's goods is a threat of sanctions against it
        (
            "A French minister threatened to impose import restrictions against German goods.",
            {("FRA-GOV", "1312", "DEU")},
        ),
    ],
)
def test_object_nouns_and_their_owners(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_a_person_owning_the_target_is_not_the_target(extractor: Extractor) -> None:
    # the husband was attacked, not the Speaker; a state's embassy is the state's
    assert triples(extractor, "Iran attacked US Speaker Nancy Pelosi's husband.") == set()
    assert triples(extractor, "Iran attacked Russia's embassy.") == {("IRN", "190", "RUS-GOV")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "must" demands, "should" appeals; the act asked for did not happen
        ("Russia said that Sudan must return the helicopter.", {("RUS", "1053", "SDN")}),
        ("Britain said Iran should release the sailors.", {("GBR", "0253", "IRN")}),
        ("Egypt said that the US must be ready to mediate between Israel and Jordan.", {("EGY", "108", "USA")}),
        ("Germany said Japan needs to enact economic reforms.", {("DEU", "100", "JPN")}),
        # without a modal it stays a statement
        ("Germany said Japan enacted economic reforms.", {("DEU", "010", "JPN")}),
    ],
)
def test_saying_another_party_must_act_is_a_demand(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a governing verb's own row with a condition applies, and its noun takes the "with" party
        ("Russia agreed to a ceasefire with Ukraine.", {("RUS", "0356", "UKR")}),
        # a planned act of a derived row is an intent to do it
        ("Russia promised to withdraw troops from Moldova.", {("RUS", "0356", "MDA")}),
        ("Japan will lend money to Kenya.", {("JPN", "031", "KEN")}),
    ],
)
def test_governed_rows_and_planned_intents(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest aimed at no one named is aimed at the place it happens in ...
        ("Palestinian prisoners rioted at a jail in northern Israel.", {("PSE-CVL", "145", "ISR")}),
        # ... or else at the protesters' own state
        ("Egyptian demonstrators rioted after the verdict.", {("EGY-OPP", "145", "EGY")}),
        # countryless protesters belong to the place they protest in
        ("Protesters rallied in Tbilisi.", {("x-protesters", "140", "GEO")}),
    ],
)
def test_protests_with_no_named_target(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected
    if "Tbilisi" in text:
        (event,) = extractor.extract(Article("t", text, published=DAY))
        assert (event.source.country, event.source.sector) == ("GEO", "OPP")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing named as object or complement stands for the actor that modifies or owns it
        ("Afghan rebels kidnapped 16 Russian civilian advisers.", {("AFG-REB", "181", "RUS")}),
        # "up to" parses as a particle and a preposition
        ("Afghan rebels kidnapped up to 16 Russian advisers.", {("AFG-REB", "181", "RUS")}),
        ("Germany lifted sanctions against gold from South Africa.", {("DEU", "085", "ZAF")}),
        ("The US imposed sanctions on the Taliban religious faction.", {("USA", "163", "NSA-TALIBAN")}),
    ],
)
def test_objects_stand_for_their_named_owner(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_a_member_of_an_organisation_is_not_the_organisation(extractor: Extractor) -> None:
    assert triples(extractor, "Putin visited a NATO nation.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "out" parsed as a preposition still counts as the particle of "forced out"
        ("Indonesia forced the UN refugee agency out of the country.", {("IDN", "1663", "IGO-UNHCR")}),
        # an event noun's complement may hang under its "of" object
        ("Egypt's suspension of diplomatic relations with Qatar surprised many.", {("EGY", "161", "QAT")}),
    ],
)
def test_particles_parsed_as_prepositions_and_nested_complements(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_named_storms_are_no_actors(extractor: Extractor) -> None:
    assert triples(extractor, "Tropical Storm Gaston blasted the South Carolina coast with rain.") == set()
    assert triples(extractor, "Hurricane Katrina battered New Orleans.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's or an alliance's bombing is an aerial attack, an armed group's unconventional violence
        ("The Russian bombing of Aleppo killed dozens.", {("RUS", "195", "SYR")}),
        ("NATO's bombing of Serbia ended in June.", {("Q7184", "195", "SRB")}),
        ("Hamas carried out a bombing in Jerusalem.", {("NSA-HAMAS", "183", "ISR")}),
    ],
)
def test_who_bombs_decides_the_kind_of_bombing(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the actor a statement is about may sit deeper in the reported clause
        ("Putin claims the alliance seeks global domination by using Ukraine.", {("Q7747", "110", "UKR")}),
        ("Putin claims the West seeks global domination by using Ukraine.", {("Q7747", "110", "GRP-WEST")}),
        ("China said the exercises were aimed at Taiwan.", {("CHN", "010", "TWN")}),
    ],
)
def test_a_statement_is_about_the_first_actor_of_its_clause(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headlines list parties with a comma alone
        (
            "Russia urges Armenia, Azerbaijan to refrain from raising tensions.",
            {("RUS", "020", "ARM"), ("RUS", "020", "AZE")},
        ),
        ("Armenia, Azerbaijan hold talks in Brussels.", {("ARM", "046", "AZE"), ("AZE", "046", "ARM")}),
        # a state's leaders are listed with a state
        ("US, Chinese leaders to meet in Bali.", {("USA", "036", "CHN-GOV"), ("CHN-GOV", "036", "USA")}),
        # not names in different phrases that happen to meet at a comma
        ("In a call with Erdogan, Putin said Ukraine must stop attacks.", {("Q7747", "1056", "UKR")}),
    ],
)
def test_parties_listed_by_commas_alone(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_a_trailing_attribution_is_no_party(extractor: Extractor) -> None:
    def targets(text: str) -> set[str]:
        return {e.target.key for e in extractor.extract(Article("t", text, published=DAY))}

    # the Kremlin said it; the border is not the Kremlin's, nor did NATO come under fire
    assert "RUS" not in targets("Ukraine heavily mines border with Belarus \u2014 Kremlin.")
    assert "Q7184" not in targets("Russia fired missiles at Kyiv: NATO.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the doer of a condemned act stands for the act
        ("Germany condemned violence by Iranian forces.", {("DEU", "111", "IRN-MIL")}),
        # "X-led": the leader of a war wages it
        ("Spain criticised the US-led war against Iraq.", {("ESP", "111", "USA"), ("USA", "190", "IRQ")}),
    ],
)
def test_doers_and_leaders_named_inside_a_phrase(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= triples(extractor, text)


def test_a_headline_passive_without_auxiliary(extractor: Extractor) -> None:
    # the troops were killed; they did not kill
    assert triples(extractor, "Over 100,000 Russian troops killed, wounded in Ukraine.") == set()
    assert triples(extractor, "Russian troops killed civilians in Kharkiv.") == {("RUS-MIL", "190", "x-civilians")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "p:from=*": a withdrawal from anywhere; a named body or deal is a more specific row
        ("Russian forces withdrew from Kherson.", {("RUS-MIL", "0874", "UKR")}),
        ("Qatar withdrew from the Arab League.", {("QAT", "161", "Q7172")}),
        # "out of" is "from"
        ("Russia pulled out of Georgia.", {("RUS", "0874", "GEO")}),
        # no "from" phrase: not this row
        ("France urged Russia to withdraw.", {("FRA", "020", "RUS")}),
    ],
)
def test_withdrawals_from_anywhere(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_a_brokered_deal_is_mediation_by_its_broker(extractor: Extractor) -> None:
    assert triples(extractor, "A Qatar-mediated truce between Israel and Hamas took effect.") == {
        ("QAT", "045", "ISR"),
        ("QAT", "045", "NSA-HAMAS"),
    }


def test_shooting_down_a_proposal_is_no_attack(extractor: Extractor) -> None:
    # it is a rejection of it
    assert triples(extractor, "France, Sweden and Belgium shot down a German proposal.") == {
        ("FRA", "120", "DEU"),
        ("SWE", "120", "DEU"),
        ("BEL", "120", "DEU"),
    }
    assert triples(extractor, "Russia shot down a Turkish jet.") == {("RUS", "190", "TUR")}


def test_a_news_outlet_is_its_country_media(extractor: Extractor) -> None:
    events = extractor.extract(
        Article("t", "Germany's Der Spiegel magazine said Russia attacked Ukraine.", published=DAY)
    )
    assert ("DEU-MED", "112", "RUS") in {(e.source.key, e.cameo, e.target.key) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "on strike" is a labour strike, aimed at the strikers' own state when no one else is named
        ("Thousands of Nigerian workers went on strike.", {("NGA-LAB", "143", "NGA")}),
        # a strike on a place is a military strike
        ("Israel carried out a strike on Gaza.", {("ISR", "190", "PSE")}),
        ("Israel carried out a strike on Monday.", set()),
        # "on a visit": the subject visits
        ("Putin is on a visit to China.", {("Q7747", "042", "CHN")}),
    ],
)
def test_strikes_and_the_verbs_of_on_phrases(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_people_of_a_state_protesting_are_its_dissidents(extractor: Extractor) -> None:
    assert triples(extractor, "Iraqi Kurds staged a protest in Kirkuk.") == {("IRQ-OPP", "141", "IRQ")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest's purpose clause names what it is aimed at; the clause is no second protest
        ("Farmers rallied to protest the decision of the Indian government.", {("IND", "AGR", "140", "IND", "GOV")}),
        (
            "Kurdish activists staged a rally in Ankara to denounce the Turkish government's decision.",
            {("TUR", "OPP", "141", "TUR", "GOV")},
        ),
        # ... so does an "in protest at/of/against" phrase, on the noun or on the verb
        (
            "Refugees began a hunger strike in protest at the Greek government's policy.",
            {("GRC", "REF", "142", "GRC", "GOV")},
        ),
        (
            "Workers went on strike in protest against the Nigerian government's fuel policy.",
            {("NGA", "LAB", "143", "NGA", "GOV")},
        ),
        # a protested object owned by a leader is aimed at the leader, whose country the protesters share
        ("Demonstrators marched to protest Netanyahu's judicial plan.", {("ISR", "OPP", "140", "ISR", "GOV")}),
        # a direct object of "protest" is its target; a foreign state tells nothing of the protesters
        ("Students protested the Chinese decision.", {(None, "EDU", "140", "CHN", None)}),
        # a purpose that is no protest aim names no target, nor does a countryless one
        ("Students rallied to support the Chinese government.", set()),
        ("Italians marched through Rome to demand the release of two aid workers.", set()),
        # people "throughout" or "across" a state are of it
        ("Thousands of students throughout Indonesia staged demonstrations.", {("IDN", "EDU", "141", "IDN", None)}),
        # "a member of X" is X
        ("A member of the Kenyan parliament criticized the Ugandan government.", {("KEN", "LEG", "111", "UGA", "GOV")}),
    ],
)
def test_protest_aims_and_members(
    extractor: Extractor, text: str, expected: set[tuple[str | None, str | None, str, str | None, str | None]]
) -> None:
    events = extractor.extract(Article("t", text, published=DAY))
    assert {(e.source.country, e.source.sector, e.cameo, e.target.country, e.target.sector) for e in events} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act on a thing located in one state, no party named, is an act on that state ...
        ("The United Nations inspectors want to re-examine the refineries in Iran.", {("Q1065", "090", "IRN")}),
        # ... but what a statement is about is no party to it, nor is a suspension a break with the host
        ("Iran criticized the situation in Syria.", set()),
        ("The United States suspended flights of military helicopters in Japan.", set()),
        # the object the parser took for the subject of a reduced relative clause
        ("Peru granted asylum to five Panamanian army officers holed up in a residence.", {("PER", "075", "PAN-MIL")}),
        ("The EU sent aid to Syrian refugees fleeing the war.", {("Q458", "070", "SYR-REF")}),
        # sector-less group nouns stand for their owner
        ("IAEA inspectors visited Iran.", {("IGO-IAEA", "042", "IRN")}),
    ],
)
def test_located_objects_and_reduced_relatives(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim of responsibility is aimed at whom the claimed attack was aimed at ...
        (
            "The Taliban claimed responsibility for an attack on the US embassy.",
            {("NSA-TALIBAN", "015", "USA-GOV"), ("NSA-TALIBAN", "190", "USA-GOV")},
        ),
        # ... or at the state it happened in
        ("Al-Shabab claimed responsibility for the attack on a hotel in Mogadishu.", {("NSA-ALSHABAAB", "015", "SOM")}),
        (
            "Al-Shabab is claiming responsibility for an attack targeting shoppers at a mall in Kenya's capital.",
            {("NSA-ALSHABAAB", "015", "KEN")},
        ),
    ],
)
def test_claims_of_responsibility(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the toll of an attack, with victims of no state, is no second attack
        ("Sudanese rebels shelled the town of Juba on Sunday, killing about 20 people.", {("SDN-REB", "194", "SSD")}),
        # victims of a state are an attack on it
        (
            "Israeli jets bombed Gaza, killing two Hamas commanders.",
            {("ISR-MIL", "195", "PSE"), ("ISR-MIL", "190", "NSA-HAMAS-MIL")},
        ),
    ],
)
def test_attack_tolls(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline inversion: the phrase before "says X" is what X said
        ("Ukraine war: Russian tactics on eastern front 'crazy', says Zelensky.", {(ZELENSKY, "010", "RUS")}),
        ("Russia wants to talk, says Erdogan.", {(ERDOGAN, "010", "RUS")}),
        # a reported predicate without a subject; not the speaker's own act
        ("Xi Jinping says willing to work with US for mutual benefit.", {("Q15031", "010", "USA")}),
        (
            # (a person captured by the authorities is arrested, 173)
            "Iraqi authorities claimed to have captured Izzat Ibrahim al-Douri.",
            {("IRQ-GOV", "173", "izzat-ibrahim-al-douri")},
        ),
    ],
)
def test_headline_statements(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan's act is done by who has or unveils the plan ...
        (
            "The Armenian prime minister unveiled plans to meet with Russian and Azerbaijani leaders.",
            {("nikol-pashinyan", "036", "RUS-GOV"), ("nikol-pashinyan", "036", "AZE-GOV")},
        ),
        # ... or owns it; a decision is a plan, as "decided to withdraw" is (intent, 0356)
        ("Russia's decision to withdraw from Kherson surprised Ukraine.", {("RUS", "0356", "UKR")}),
        ("Russia decided to withdraw from Kherson.", {("RUS", "0356", "UKR")}),
        # not by who rejects it
        ("The EU rejected a proposal to impose sanctions on China.", set()),
    ],
)
def test_plans_and_their_owners(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_groups_of_bodies_take_the_body_s_owner(extractor: Extractor) -> None:
    # "officials from the Iraqi government" are the Iraqi government's
    assert triples(extractor, "Officials from the Iraqi government met Turkish diplomats.") == {
        ("IRQ-GOV", "040", "TUR-GOV")
    }


def test_groups_from_coordinated_states(extractor: Extractor) -> None:
    # "officials from Russia and Ukraine" are one group per state, each meeting the other
    assert triples(extractor, "Officials from Russia and Ukraine held talks in Istanbul.") == {
        ("RUS-GOV", "046", "UKR-GOV"),
        ("UKR-GOV", "046", "RUS-GOV"),
    }
    assert triples(extractor, "Biden met leaders from Germany, Canada and France.") >= {
        ("Q6279", "040", "DEU-GOV"),
        ("Q6279", "040", "CAN-GOV"),
        ("Q6279", "040", "FRA-GOV"),
    }


def test_ethnic_groups_belong_where_they_live(extractor: Extractor) -> None:
    def coded(text: str) -> set[tuple[str, str | None, str | None, str, str | None]]:
        events = extractor.extract(Article("t", text, published=DAY))
        return {(e.source.label, e.source.country, e.source.sector, e.cameo, e.target.key) for e in events}

    # "ethnic Albanians" are a people, not Albania: those in Serbia are of Serbia
    assert coded("Ethnic Albanians in Serbia accused the Serbian government of torture.") == {
        ("Ethnic Albanians", "SRB", None, "112", "SRB-GOV")
    }
    # protesting where they live, they are that state's dissidents
    assert coded("Hundreds of ethnic Albanians demonstrated in Serbia.") == {
        ("ethnic Albanians", "SRB", "OPP", "140", "SRB")
    }
    # placed nowhere, they belong to no state, and their statements name no state
    assert coded("Ethnic Armenians accused Azerbaijan of a blockade.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tagger reads these headline verbs as plural nouns
        ("Macron hosts Zelensky in Paris.", {("Q3052772", "043", "Q3874799")}),
        ("Erdogan hosts Putin in Sochi.", {("Q39259", "043", "Q7747")}),
        # ... also below a headline label, with a subject of its own
        ("Ukraine war: Zelensky denounces Russian 'terror' in UN address.", {(ZELENSKY, "111", "RUS")}),
    ],
)
def test_headline_verbs_misread_as_nouns(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_a_progressive_parsed_as_an_attribute_keeps_its_subject(extractor: Extractor) -> None:
    assert triples(extractor, "Qatar is mediating between Israel and Hamas.") == {
        ("QAT", "045", "ISR"),
        ("QAT", "045", "NSA-HAMAS"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # offering or pledging something is an intent to give it
        ("Japan offered aid to Turkey.", {("JPN", "033", "TUR")}),
        ("Germany pledged more air defence systems to Kyiv.", {("DEU", "0332", "UKR")}),
        # "a new round of talks" held by the subjects
        ("India and China held a new round of border talks.", {("IND", "046", "CHN"), ("CHN", "046", "IND")}),
        # ordering troops to leave expels them; freezing membership reduces relations
        ("Niger's junta ordered French troops to leave.", {("NER-MIL", "174", "FRA")}),
        ("Armenia froze its participation in the CSTO.", {("ARM", "161", "IGO-CSTO")}),
    ],
)
def test_offers_rounds_of_talks_and_orders_to_leave(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_coordinated_parties_that_clash_fight_each_other(extractor: Extractor) -> None:
    assert triples(extractor, "Armenian and Azerbaijani troops fought along the border.") == {
        ("ARM-MIL", "190", "AZE-MIL"),
        ("AZE-MIL", "190", "ARM-MIL"),
    }
    # an attack by two parties is no fight between them
    assert triples(extractor, "Russia and Belarus attacked.") == set()


def test_mediators_mediate_between_the_parties_not_each_other(extractor: Extractor) -> None:
    assert triples(extractor, "Egypt, Qatar and the US brokered a truce between Israel and Hamas.") == {
        (mediator, "045", party) for mediator in ("EGY", "QAT", "USA") for party in ("ISR", "NSA-HAMAS")
    }
    # two visitors do not visit each other
    assert triples(extractor, "Putin and Erdogan visited.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state named as a whole speaking of its own government or diplomats says nothing of another party
        ("The Kremlin said Putin signed the bill.", set()),
        ("North Korea said its diplomats met US officials in New York.", {("PRK-GOV", "040", "USA-GOV")}),
        # but a people is not its state, and a leader may speak of the state
        ("Ukrainians accused the Ukrainian government of corruption.", {("UKR", "112", "UKR-GOV")}),
        ("Zelensky said Ukraine would win.", {(ZELENSKY, "010", "UKR")}),
        # an unnamed body of one's own country and sector is one's own
        (
            "A Turkish delegation led by Erdogan held talks with Iranian leaders.",
            {("TUR-GOV", "046", "IRN-GOV"), ("IRN-GOV", "046", "TUR-GOV")},
        ),
    ],
)
def test_no_event_between_a_state_and_its_own_organs(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_he_in_a_reported_clause_is_the_speaker(extractor: Extractor) -> None:
    text = "Scholz said he would not follow Macron, who has said he could send troops to Ukraine."
    assert triples(extractor, text) == {(MACRON, "154", "UKR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decision or a refusal governs the act as the verbs "decide" and "refuse" do
        # (the decision is the EU's alone: Turkey decided nothing)
        ("The EU's decision to hold talks with Turkey was welcomed.", {(EU, "036", "TUR")}),
        ("Hungary's refusal to support sanctions on Russia angered the EU.", set()),
        # "affect", "influence" and "serve" are no cooperation
        ("The war affected Ukraine.", set()),
        ("Iran wanted to influence the Iraqi elections.", set()),
        ("Prime Minister Trudeau served notice to his cabinet.", set()),
    ],
)
def test_decisions_refusals_and_words_that_are_no_cooperation(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_a_dateline_with_a_capitalised_month_is_no_subject(extractor: Extractor) -> None:
    text = "BANGALORE, DEC 5: Russian President Vladimir Putin has called upon India and China to work together."
    assert triples(extractor, text) == {(PUTIN, "020", "IND"), (PUTIN, "020", "CHN")}
    # "WASHINGTON, Sept. 30, 2004 --": the city did not kill the soldier
    text = "WASHINGTON, Sept. 30, 2004 -- A car bomb in Baghdad killed an American soldier."
    assert {s for s, _, _ in triples(extractor, text)} <= {"---"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # force used by protesters, however spelt, is a violent protest (145) ...
        ("Iranian demonstrators stormed the British embassy in Tehran.", {("IRN-OPP", "145", "GBR-GOV")}),
        ("Serbian rioters attacked the US embassy.", {("SRB-OPP", "145", "USA-GOV")}),
        ("The Russian building was demolished by Ukrainian protestors.", {("UKR-OPP", "145", "RUS")}),
        # ... unless they fire weapons
        ("Georgian demonstrators launched missiles at the Georgian government.", {("GEO-OPP", "190", "GEO-GOV")}),
    ],
)
def test_force_used_by_protesters_is_a_violent_protest(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_a_monitoring_group_is_known_by_name(extractor: Extractor) -> None:
    text = "The Syrian Observatory for Human Rights accused Turkey of shelling Kurdish villages."
    assert ("NGO-SOHR", "112", "TUR") in triples(extractor, text)


def test_a_group_led_by_someone_is_of_the_leaders_country(extractor: Extractor) -> None:
    text = "A delegation led by the Chinese foreign minister arrived in Moscow."
    assert triples(extractor, text) == {("CHN-GOV", "042", "RUS")}
    assert triples(extractor, "A delegation headed by Erdogan visited Moscow.") == {("TUR-GOV", "042", "RUS")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # victims of a clash were killed by the other side of it
        ("Three Palestinians were killed in clashes with Israeli troops in Hebron.", {("ISR-MIL", "190", "PSE")}),
        ("Two Indian soldiers were killed in a gun battle with Pakistani troops.", {("PAK-MIL", "190", "IND-MIL")}),
        # groups of one phrase are one side of a fight, not enemies of each other ...
        (
            "Fierce battles between Hamas and Israeli and Egyptian forces killed 27 people.",
            {
                ("NSA-HAMAS", "190", "ISR-MIL"),
                ("NSA-HAMAS", "190", "EGY-MIL"),
                ("ISR-MIL", "190", "NSA-HAMAS"),
                ("EGY-MIL", "190", "NSA-HAMAS"),
            },
        ),
        # ... unless they are the only parties named
        (
            "Talks between US and Chinese diplomats resumed.",
            {("USA-GOV", "046", "CHN-GOV"), ("CHN-GOV", "046", "USA-GOV")},
        ),
    ],
)
def test_sides_of_a_clash(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "war games" are exercises, not war; "sanctions relief" and "war crimes" are no sanction or war
        ("China held war games near Taiwan.", {("CHN", "150", "TWN")}),
        ("China and Russia held joint war games.", {("CHN", "062", "RUS"), ("RUS", "062", "CHN")}),
        ("The US offered Iran sanctions relief.", set()),
        ("Russia's war crimes in Ukraine were documented.", set()),
        # a state of being engaged in an act: the passive subject does it
        ("Serbian troops were engaged in fighting with Croatian forces.", {("SRB-MIL", "190", "HRV-MIL")}),
        ("Serb forces were engaged in ethnic cleansing in Kosovo.", {("SRB-MIL", "203", "XKX")}),
    ],
)
def test_compound_nouns_that_are_no_event_and_engaged_subjects(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # forces led by a state are its own, however the parser splits "X-led" ...
        ("US-led forces attacked Fallujah.", {("USA-MIL", "190", "IRQ")}),
        ("U.S.-led forces attacked Fallujah.", {("USA-MIL", "190", "IRQ")}),
        ("Saudi-led coalition jets bombed Sanaa.", {("SAU-MIL", "195", "YEM")}),
        # ... but forces a state backs are not
        ("Iran-backed militias attacked US troops.", {("x-militias", "190", "USA-MIL")}),
        # what was seized was taken from the "from" party
        ("Russia seized assets from British companies.", {("RUS", "1711", "GBR-BUS")}),
    ],
)
def test_led_forces_and_seizures_from(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # suicide bombers bomb (1831), whatever the verb
        ("Two Palestinian suicide bombers killed 23 Israelis in Tel Aviv.", {("PSE-REB", "1831", "ISR")}),
        # armed groups named as such belong to their demonym's state
        ("A Lebanese guerrilla group attacked Israeli troops.", {("LBN-REB", "190", "ISR-MIL")}),
        # whoever "is responsible for" an act did it; saying so accuses
        ("Sudan's government is responsible for mass killings in Darfur.", {("SDN-GOV", "202", "SDN")}),
        ("Ukraine said Russia was responsible for the attack on the dam.", {("UKR", "112", "RUS")}),
        # a role noun before a name, or with the name in apposition: the name says who
        ("The militant group Hamas fired rockets at Israel.", {("NSA-HAMAS", "190", "ISR")}),
        (
            "The Somali militant group al-Shabab claimed responsibility for an attack in Nairobi.",
            {("NSA-ALSHABAAB", "015", "KEN"), ("NSA-ALSHABAAB", "190", "KEN")},
        ),
    ],
)
def test_bombers_groups_and_responsibility(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_a_recipient_does_what_it_was_given_the_means_to_do(extractor: Extractor) -> None:
    events = extractor.extract(Article("t", "Obama gave permission to Russia to help Israel.", published=EXTRACT_DAY))
    found = {(e.source.country, e.cameo, e.target.key, e.modality) for e in events}
    # the help is Russia's, and it may never come
    assert found == {("USA", "080", "RUS", "asserted"), ("RUS", "070", "ISR", "hypothetical")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dying is no attack by the dead ...
        ("Yasser Arafat died in a Paris hospital.", set()),
        # ... but whoever's strike or bombing they died in attacked them
        ("Two Iraqi policemen died in an American airstrike.", {("USA", "190", "IRQ-COP")}),
        # dying in a clash: each side fought the other
        (
            "Two Indian soldiers died in a clash with Pakistani troops.",
            {("PAK-MIL", "190", "IND-MIL"), ("IND-MIL", "190", "PAK-MIL")},
        ),
        (
            "Two Ukrainian soldiers died in combat with Russian troops.",
            {("RUS-MIL", "190", "UKR-MIL"), ("UKR-MIL", "190", "RUS-MIL")},
        ),
        # a state's own forces are what it moves, not a party it yields to
        ("The United States could cut its forces in Afghanistan next summer.", set()),
    ],
)
def test_deaths_and_own_forces(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_they_in_a_group_statement_is_the_group(extractor: Extractor) -> None:
    events = extractor.extract(
        Article("t", "Militants said that they had beheaded an American hostage.", published=EXTRACT_DAY)
    )
    found = {(e.source.sector, e.cameo, e.target.key, e.modality) for e in events}
    assert found == {("UAF", "190", "USA", "reported")}


def test_condolences_go_to_where_the_mourned_event_happened(extractor: Extractor) -> None:
    assert triples(extractor, "Putin expressed condolences over the earthquake in Turkey.") == {(PUTIN, "018", "TUR")}
    assert triples(extractor, "Macron sent condolences to Erdogan.") == {(MACRON, "018", ERDOGAN)}


def test_an_act_someone_is_said_to_be_responsible_for_is_reported(extractor: Extractor) -> None:
    text = "Ukraine said Russia was responsible for the attack on Kyiv."
    events = extractor.extract(Article("t", text, published=EXTRACT_DAY))
    found = {(e.source.key, e.cameo, e.target.key, e.modality) for e in events}
    assert found == {("UKR", "112", "RUS", "asserted"), ("RUS", "190", "UKR", "reported")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # parties told to fight something fight it, not each other ...
        ("Biden, Albanese urged to fight repression in Cambodia.", set()),
        # ... but a battle they fight is fought against each other
        (
            "Indian and Chinese troops fought a battle in Ladakh.",
            {("IND-MIL", "190", "CHN-MIL"), ("CHN-MIL", "190", "IND-MIL")},
        ),
    ],
)
def test_what_coordinated_parties_fight(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_an_appeal_is_to_an_actor_not_to_the_owner_of_a_thing(extractor: Extractor) -> None:
    assert triples(extractor, "Biden does not expect the Ukraine conflict to end soon.") == set()
    assert triples(extractor, "Biden wants Kyiv to negotiate.") == {("Q6279", "026", "UKR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region whose name holds a state's is no actor, and not that state
        ("Russia promoted a concert at the Latin America Memorial in Sao Paulo.", set()),
        ("The EU official said Latin America can feed more people.", set()),
        # the state itself still is
        ("America attacked Iraq.", {("USA", "190", "IRQ")}),
    ],
)
def test_regions_named_after_a_state(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_development_banks_are_organisations(extractor: Extractor) -> None:
    text = "The Asian Development Bank gave Pakistan a loan of 500 million dollars."
    assert triples(extractor, text) == {("IGO-ADB", "071", "PAK")}
    # "Inter-American" is no demonym of the United States
    assert triples(extractor, "The Inter-American Development Bank criticised Argentina.") == {
        ("IGO-IDB", "111", "ARG")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a collective noun of people is its members
        ("A company of Nigerian infantry joined the African Union force.", {("NGA-MIL", "060", "Q7159")}),
        ("A team of Chinese diplomats met Indian officials.", {("CHN-GOV", "040", "IND-GOV")}),
        # the first conjunct's owner covers a bare second one ...
        ("Israeli tanks and troops killed ten Palestinians.", {("ISR-MIL", "190", "PSE")}),
        # ... not one with a modifier of its own
        (
            "US forces and Shia militiamen clashed in Baghdad.",
            {("USA-MIL", "190", "x-militiamen"), ("x-militiamen", "190", "USA-MIL")},
        ),
    ],
)
def test_collective_and_coordinated_groups(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # only the side that is ready intends the talks
        ("Assad is ready to resume peace talks with Israel.", {("bashar-al-assad", "036", "ISR")}),
        ("Israel refused to hold talks with Hamas.", {("ISR", "125", "NSA-HAMAS")}),
        # talks both sides will hold are planned by both
        (
            "Putin will hold talks with Erdogan next month.",
            {(PUTIN, "036", ERDOGAN), (ERDOGAN, "036", PUTIN)},
        ),
    ],
)
def test_a_stance_towards_talks_is_one_sides(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_aircraft_sent_over_a_state_is_no_aid(extractor: Extractor) -> None:
    assert triples(extractor, "Hezbollah sent a reconnaissance drone over Israeli airspace.") == set()
    assert triples(extractor, "The US sent fighter jets to Poland.") == {("USA", "072", "POL")}
    # yielding keeps its "against" target
    assert triples(extractor, "The EU lifted sanctions against Iran.") == {("Q458", "085", "IRN")}


def test_a_war_that_did_not_make_the_world_safer_still_happened(extractor: Extractor) -> None:
    text = "The US-led war in Iraq has not made the world any safer."
    events = extractor.extract(Article("t", text, published=EXTRACT_DAY))
    assert {(e.source.key, e.cameo, e.target.key, e.modality) for e in events} == {("USA", "190", "IRQ", "asserted")}
    text = "The talks between Israel and Syria did not take place."
    events = extractor.extract(Article("t", text, published=EXTRACT_DAY))
    assert {e.modality for e in events} == {"negated"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "pro-Russian" and "anti-American" are stances, not the state
        ("Pro-Russian separatists attacked Ukrainian troops.", {("x-separatists", "190", "UKR-MIL")}),
        # "up to 600 marines" is a number, not a destination
        ("The US is sending up to 600 marines to the Philippines.", {("USA", "154", "PHL")}),
        # grief is no disapproval
        ("Palestinians mourned the loss of their leader.", set()),
        # militants do not arrest: they kidnap
        ("An Australian journalist was seized by militants in Iraq.", {("IRQ-UAF", "181", "AUS-MED")}),
        # "his country's forces" are the speaker's, wherever they are
        ("Poland's defence minister Jerzy Szmajdzinski plans to cut his country's forces in Iraq.", set()),
        ("Poland's defence minister announced plans to cut his country's forces in Iraq.", set()),
    ],
)
def test_stances_quantities_grief_kidnaps_and_possessors(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal on a condition has not happened
        (
            "The kidnappers will kill her if the British government refuses to pull its troops out of Iraq.",
            ("1246", "hypothetical"),
        ),
        ("Britain refused to pull its troops out of Iraq.", ("1246", "asserted")),
        ("Turkey is unlikely to join the European Union before 2015.", ("057", "hypothetical")),
        # an act prepared for is planned
        ("The Palestinians are preparing for an Israeli withdrawal from Gaza.", ("0356", "planned")),
    ],
)
def test_conditions_and_preparations(extractor: Extractor, text: str, expected: tuple[str, str]) -> None:
    events = extractor.extract(Article("t", text, published=EXTRACT_DAY))
    assert {(e.cameo, e.modality) for e in events} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second verb with no subject or auxiliary of its own shares the first one's
        (
            "Putin will visit Turkey and meet Erdogan.",
            {("036", "TUR", "planned"), ("036", ERDOGAN, "planned")},
        ),
        ("Putin did not visit Turkey or meet Erdogan.", {("042", "TUR", "negated"), ("040", ERDOGAN, "negated")}),
        # its own auxiliary is its own
        ("Putin visited Turkey and will meet Erdogan.", {("042", "TUR", "asserted"), ("036", ERDOGAN, "planned")}),
    ],
)
def test_conjoined_verbs_share_tense_and_negation(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    events = extractor.extract(Article("t", text, published=EXTRACT_DAY))
    assert {(e.cameo, e.target.key, e.modality) for e in events} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack on a system or a policy, or a clash in a debate, is criticism
        ("Bolsonaro attacked Brazil's electronic voting system.", {("jair-bolsonaro", "111", "BRA")}),
        ("Moldova has long battled Russian political interference.", {("MDA", "111", "RUS")}),
        # an attack on positions is force, and a clash over a law is still a clash
        ("Ukrainian forces attacked Russian positions near Bakhmut.", {("UKR-MIL", "190", "RUS")}),
        ("Protesters clashed with Georgian police over the new law in Tbilisi.", {("x-protesters", "145", "GEO-COP")}),
    ],
)
def test_attacks_on_words_are_criticism(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # flags are hung, people are hanged
        ("People in Kherson had hung the Ukrainian flag.", set()),
        ("Militants said they had beheaded an American hostage.", {("x-militants", "190", "USA")}),
        # an accident has no doer
        ("The Malaysian Airlines Boeing crashed in eastern Ukraine, killing 298 passengers.", set()),
        # saying one's own forces did it is a claim, not an accusation ...
        (
            "Zelensky said Ukrainian forces shelled Belgorod.",
            {(ZELENSKY, "015", "RUS"), ("UKR-MIL", "194", "RUS")},
        ),
        # ... and speaking of one's own people accuses no one
        ("Putin says 318,000 Russians mobilized for the war.", {(PUTIN, "010", "RUS")}),
        # "on Telegram" is where it was said, not to whom
        (
            # (Zaluzhnyi is known: Ukraine's commander-in-chief until 2024-02-08)
            "Ukraine's army chief Valeriy Zaluzhnyi said on Telegram that Russia had launched 55 cruise missiles.",
            {("valerii-zaluzhnyi", "112", "RUS")},
        ),
    ],
)
def test_flags_accidents_claims_and_channels(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people seized are kidnapped (by irregulars) or arrested; property is seized
        ("Kidnappers seized two Americans from their villa.", {("x-kidnappers", "181", "USA")}),
        ("Iran seized a British oil tanker.", {("IRN", "171", "GBR-BUS")}),
        (
            "Palestinian police confiscated weapons from Palestinian armed groups.",
            {("PSE-COP", "1711", "PSE-UAF")},
        ),
        # the leader of an armed movement is its leader on the date (Nasrallah in January
        # 2024), who speaks for the movement, not for a government (his office is Hezbollah's)
        ("The leader of Hezbollah rejected a UN call to disarm.", {("hassan-nasrallah", "120", "Q1065")}),
        # Crimea and the Donbas are Ukraine's
        ("Russian forces shelled Donetsk.", {("RUS-MIL", "194", "UKR")}),
    ],
)
def test_people_seized_movement_leaders_and_contested_places(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_a_lower_case_demonym_still_names_a_state(extractor: Extractor) -> None:
    # "tunisian rioters": informal text drops the capital; the noun keeps its owner
    # (force against rioters is repression, 175)
    assert triples(extractor, "Syrian forces attacked tunisian rioters.") == {("SYR-MIL", "175", "TUN-OPP")}
    # a lower-case state name alone is still no state ("turkey", "chad")
    assert triples(extractor, "Syrian forces attacked turkey farms.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "not ready to", "not about to": a refusal, as "refused to" is
        ("Israel is not ready to meet Hamas.", {("ISR", "125", "NSA-HAMAS")}),
        ("US officials said they were not about to free Iraqi prisoners.", {("USA-GOV", "1243", "IRQ-CVL")}),
        # ready or about to, without the negation, is a plan
        ("Putin is about to visit Turkey.", {(PUTIN, "036", "TUR")}),
    ],
)
def test_negated_readiness_is_a_refusal(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb acts on what its object contains
        ("Ukraine launched a wave of drones at Moscow.", {("UKR", "190", "RUS")}),
        ("The EU adopted its 16th package of sanctions against Russia.", {(EU, "163", "RUS")}),
        # tariffs are trade sanctions; promised ones threaten
        ("Trump said he would impose tariffs on goods from Canada.", {("Q22686", "1312", "CAN")}),
        ("China lifted tariffs on Australian wine.", {("CHN", "085", "AUS")}),
        # an exchange of fire is mutual
        ("India and Pakistan exchanged fire along the border.", {("IND", "193", "PAK"), ("PAK", "193", "IND")}),
    ],
)
def test_containers_tariffs_and_exchanges_of_fire(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated parties that swap something give it to each other
        ("Russia and Ukraine swapped 390 prisoners of war.", {("RUS", "0841", "UKR"), ("UKR", "0841", "RUS")}),
        # a protest lodged "to" a state is an official protest
        ("Japan protested to China over the detention of a businessman.", {("JPN", "114", "CHN")}),
        # calling someone a name denounces them
        ("Erdogan called Netanyahu a terrorist.", {(ERDOGAN, "111", "Q43723")}),
    ],
)
def test_swaps_official_protests_and_names(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle after a noun is done by that noun
        (
            "Russian troops fighting Ukrainian forces near Bakhmut suffered heavy losses.",
            {("RUS-MIL", "190", "UKR-MIL")},
        ),
        # an "X-led" coalition stands for its leader
        (
            "The Saudi-led coalition attacking Houthi rebels in Yemen declared a ceasefire.",
            {("SAU", "190", "NSA-HOUTHIS")},
        ),
        ("The US-led coalition bombed Iraqi rebels.", {("USA", "195", "IRQ-REB")}),
        # a past tense misread as a participle on its subject still acts
        (
            "Israeli airstrikes killed at least 20 Palestinians in Gaza on Tuesday, health officials said.",
            {("ISR", "190", "PSE")},
        ),
        # a coalition without a leader is nobody in particular
        ("The ruling coalition criticised Germany.", set()),
        # aides serve a government; advisers stand for whoever they advise
        ("Putin's aides met Chinese officials.", {("RUS-GOV", "040", "CHN-GOV")}),
        ("Afghan rebels kidnapped up to 16 Russian civilian advisers from a bazaar.", {("AFG-REB", "181", "RUS")}),
    ],
)
def test_noun_participles_led_coalitions_and_advisers(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a package named by its contents acts like them
        (
            "The United States approved a $95 billion aid package for Ukraine, Israel and Taiwan.",
            {("USA", "070", "UKR"), ("USA", "070", "ISR"), ("USA", "070", "TWN")},
        ),
        ("The EU adopted a new sanctions package against Russia.", {(EU, "163", "RUS")}),
        # announcing or pledging military or humanitarian aid states the intent to give it
        ("Washington announced a new military aid package for Kyiv.", {("USA", "0332", "UKR")}),
        ("Germany pledged military aid to Ukraine.", {("DEU", "0332", "UKR")}),
        ("Japan pledged humanitarian aid to Gaza.", {("JPN", "0333", "PSE")}),
    ],
)
def test_aid_and_sanctions_packages(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is traded says what the exchange is, and each side does it to the other
        (
            "Pakistan and Afghanistan traded accusations over cross-border attacks.",
            {("PAK", "112", "AFG"), ("AFG", "112", "PAK")},
        ),
        ("Russia exchanged barbs with the US at the UN.", {("RUS", "111", "USA"), ("USA", "111", "RUS")}),
        ("India and Pakistan exchanged threats.", {("IND", "130", "PAK"), ("PAK", "130", "IND")}),
        ("Russia swapped prisoners with Ukraine.", {("RUS", "0841", "UKR"), ("UKR", "0841", "RUS")}),
        ("Japan and China traded goods worth billions.", {("JPN", "061", "CHN"), ("CHN", "061", "JPN")}),
        ("Israel and Hamas traded fire across the border.", {("ISR", "193", "NSA-HAMAS"), ("NSA-HAMAS", "193", "ISR")}),
        # ships and boats are the arms of their state
        ("Chinese coast guard vessels fired water cannon at a Philippine supply boat.", {("CHN", "190", "PHL")}),
    ],
)
def test_exchanges_and_vessels(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whoever orders an act does it, through the event noun it orders
        ("Chavez ordered the expulsion of the US ambassador.", {("hugo-chavez", "161", "USA")}),
        ("Putin ordered an invasion of Ukraine.", {(PUTIN, "190", "UKR")}),
        ("The court ordered the deportation of the Afghan refugees.", {("x-court", "174", "AFG-REF")}),
        # an order whose object names no parties of its own stays an order
        ("Obama ordered an investigation against Iran", {("Q76", "100", "IRN")}),
    ],
)
def test_ordered_acts_are_done_by_whoever_orders_them(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name before a visit or a trip is where it goes
        ("Modi's US visit was a success.", {("Q1058", "042", "USA")}),
        ("Sri Lankan troops captured a key Tamil Tiger stronghold.", {("LKA-MIL", "192", "NSA-LTTE")}),
    ],
)
def test_places_named_before_a_visit_and_group_names_as_modifiers(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a program named by its contents acts like them
        ("The United States suspended its military aid program for Bosnia.", {("USA", "162", "BIH")}),
        # paying compensation yields to the claims of those paid; asking for it appeals for that
        ("Uganda paid compensation to 67 British nationals.", {("UGA", "080", "GBR-CVL")}),
        ("Israel wants Germany to pay more compensation to the families.", {("ISR", "025", "DEU")}),
    ],
)
def test_programs_and_compensation(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_victims_placed_by_a_when_clause(extractor: Extractor) -> None:
    text = "Two Palestinian suicide bombers killed 23 people late Sunday when they blew themselves up in Tel Aviv."
    (event,) = extractor.extract(Article("t", text, published=DAY))
    assert (event.source.key, event.cameo) == ("PSE-REB", "1831")
    assert (event.target.label, event.target.country) == ("people", "ISR")


def test_the_red_crescent_receives_aid(extractor: Extractor) -> None:
    text = "Swiss doctors handed over 700 kg of medicine to the Red Crescent in Bam, Iran."
    assert triples(extractor, text) == {("CHE-HLH", "073", "NGO-RED-CRESCENT")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bombing named by the compound of its noun
        (
            "Irish nationalist guerrillas wounded two British soldiers in a bomb attack.",
            {("IRL-REB", "183", "GBR-MIL")},
        ),
        # aid agencies expelled
        ("Jakarta forced the UN refugee agency, UNHCR, out of the country.", {("IDN", "1663", "IGO-UNHCR")}),
        # strikes against targets are military, strikes against a reform are not
        (
            "The United States and the United Kingdom carried out strikes against Houthi targets in Yemen.",
            {("USA", "190", "NSA-HOUTHIS"), ("GBR", "190", "NSA-HOUTHIS")},
        ),
        ("Workers staged a strike against the pension reform.", set()),
        # a planned shelling threatens force
        ("The Macedonian army prepared to resume shelling Albanian positions.", {("MKD-MIL", "138", "ALB")}),
    ],
)
def test_bomb_attacks_expelled_agencies_and_planned_shelling(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kicking off an event noun starts it
        (
            "Seoul and Washington kicked off joint military drills on Monday.",
            {("KOR", "062", "USA"), ("USA", "062", "KOR")},
        ),
        # a green light approves; the possessor owns the bid, not the body it bids for
        ("Ankara gave the green light to Finland's NATO bid.", {("TUR", "051", "FIN")}),
        ("Israel struck Hamas's Gaza headquarters.", {("ISR", "190", "NSA-HAMAS")}),
        # vowing revenge threatens
        ("Tehran vowed revenge against Israel.", {("IRN", "130", "ISR")}),
        # ending cooperation reduces relations
        ("Niger's junta ended military cooperation with the United States.", {("NER-MIL", "160", "USA")}),
    ],
)
def test_green_lights_revenge_and_ended_cooperation(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object of a relative clause is its antecedent
        ("Putin, whom the ICC accuses of war crimes, visited Mongolia.", {(ICC, "1124", PUTIN), (PUTIN, "042", "MNG")}),
        # "provide X with an amount in aid": X receives it
        ("The US provided Israel with $14 billion in military aid.", {("USA", "072", "ISR")}),
    ],
)
def test_relative_objects_and_aid_given_with(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount "in aid" has the tense of the verb that gives it
        ("Japan will send $4.5 billion in aid to Ukraine.", ("033", "planned")),
        ("Japan will provide Ukraine with $4.5 billion in additional aid.", ("033", "planned")),
        ("The US sent Ukraine $400m in aid.", ("070", "asserted")),
    ],
)
def test_aid_measured_in_an_amount_takes_the_tense_of_its_verb(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    (event,) = extractor.extract(Article("t", text, published=DAY))
    assert (event.cameo, event.modality) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where a group is based places it, unless another name does
        ("India blamed Pakistan-based militants for the Mumbai attacks.", {("IND", "112", "PAK-UAF")}),
        (
            "A Damascus-based Palestinian guerrilla group claimed responsibility for attacks on Israeli troops.",
            {("PSE-REB", "015", "ISR-MIL"), ("PSE-REB", "190", "ISR-MIL")},
        ),
        # charges of genocide are legal action (against the known person: Omar al-Bashir is curated)
        (
            "Sudan's president Omar al-Bashir was charged with genocide by the ICC prosecutor.",
            {(f"{ICC}-JUD", "173", "omar-al-bashir")},
        ),
    ],
)
def test_based_groups_and_charges(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # executions kill; citizens and dual nationals are civilians of their states
        ("Iran executed a British national.", {("IRN", "190", "GBR")}),
        ("Russia arrested a US citizen.", {("RUS", "173", "USA-CVL")}),
        ("Iran executed a British-Iranian dual national.", {("IRN", "190", "GBR-CVL"), ("IRN", "190", "IRN-CVL")}),
    ],
)
def test_executions_and_citizens(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


def test_parties_pulling_back_their_own_troops_do_it_towards_each_other(extractor: Extractor) -> None:
    text = "India and China agreed to disengage troops along their disputed border."
    assert triples(extractor, text) == {("IND", "0356", "CHN"), ("CHN", "0356", "IND")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an object pronoun is never the doer of its own clause
        (
            "Chinese President Hu Jintao sent a message to Norodom Sihamoni on Thursday to congratulate him on his "
            "election as the king of Cambodia.",
            ("051", "hu-jintao", "phx-norodom-sihamoni"),
        ),
        ("Putin met Erdogan and praised him.", ("051", PUTIN, ERDOGAN)),
        # a victory can be welcomed
        ("Macron welcomed Trump's victory.", ("051", MACRON, "Q22686")),
    ],
)
def test_object_pronouns_and_welcomed_victories(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    events = extractor.extract(Article("t", text, published=DAY))
    assert expected in {(e.cameo, e.source.key, e.target.key) for e in events}


def test_a_hostage_siege_takes_hostages(extractor: Extractor) -> None:
    assert triples(extractor, "Chechen rebels staged a hostage siege in a Moscow theatre.") == {
        ("RUS-REB", "181", "RUS")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject the parser hangs on the auxiliary is still the subject
        (
            "Egypt and Qatar are mediating between Israel and Hamas in Cairo.",
            {("EGY", "045", "ISR"), ("EGY", "045", "NSA-HAMAS"), ("QAT", "045", "ISR"), ("QAT", "045", "NSA-HAMAS")},
        ),
        # a ship's flag says whose it is
        ("Iran seized a Portuguese-flagged container ship in the Gulf.", {("IRN", "171", "PRT-BUS")}),
    ],
)
def test_subjects_on_auxiliaries_and_flagged_ships(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whoever plans or weighs an act would do it; the other side of a proposal has no say
        ("Israel is considering a ground offensive in Lebanon.", {("ISR", "190", "LBN", "hypothetical")}),
        ("Russia is preparing a new offensive against Ukraine.", {("RUS", "138", "UKR", "planned")}),
        ("The US proposed talks with Iran.", {("USA", "036", "IRN", "planned")}),
        ("Turkey is poised to approve Sweden's membership.", {("TUR", "032", "SWE", "planned")}),
    ],
)
def test_planned_and_weighed_event_nouns(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    events = extractor.extract(Article("t", text, published=DAY))
    assert {(e.source.key, e.cameo, e.target.key, e.modality) for e in events} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hedges and attributions make an event reported
        (
            "According to Ukrainian officials, Russia launched 40 drones at Kyiv overnight.",
            ("RUS", "190", "UKR", "reported"),
        ),
        ("Russia launched 40 drones at Kyiv, according to Ukrainian officials.", ("RUS", "190", "UKR", "reported")),
        ("Iran allegedly supplied drones to Russia.", ("IRN", "072", "RUS", "reported")),
        ("Pyongyang reportedly sent artillery shells to Moscow.", ("PRK", "072", "RUS", "reported")),
    ],
)
def test_hedged_events_are_reported(extractor: Extractor, text: str, expected: tuple[str, str, str, str]) -> None:
    events = extractor.extract(Article("t", text, published=DAY))
    assert {(e.source.key, e.cameo, e.target.key, e.modality) for e in events} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # reaching, striking or sealing a deal concludes an agreement; parties named together do it with each other
        (
            "Australia and the United States sealed a free trade agreement.",
            {("AUS", "057", "USA", "asserted"), ("USA", "057", "AUS", "asserted")},
        ),
        ("Iran struck a deal with the IAEA.", {("IRN", "057", "IGO-IAEA", "asserted")}),
        (
            "Xi Jinping and Vladimir Putin signed a joint statement in Beijing.",
            {("Q15031", "057", PUTIN, "asserted"), (PUTIN, "057", "Q15031", "asserted")},
        ),
        (
            "Russia and Ukraine failed to reach a deal on grain exports.",
            {("RUS", "057", "UKR", "negated"), ("UKR", "057", "RUS", "negated")},
        ),
    ],
)
def test_deals_reached(extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]) -> None:
    events = extractor.extract(Article("t", text, published=DAY))
    assert {(e.source.key, e.cameo, e.target.key, e.modality) for e in events} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack on a thing in another state is an attack on that state
        ("Ukraine's drones struck an oil depot in Russia's Bryansk region.", {("UKR-MIL", "190", "RUS")}),
        ("Ukraine attacked a power plant in Belgorod.", {("UKR", "190", "RUS")}),
        # not a ship running aground, nor a raid by the state's own forces, nor a hideout near a border
        ("A South Korean cargo ship hits a breakwater in Japan.", set()),
        ("US and Afghan forces raid houses in Kabul.", set()),
        ("Pakistani troops attacked two suspected terrorist hideouts near the Afghan border.", set()),
        # a possessor owns the condemned act before its "of" phrase does
        (
            "The UN General Assembly condemned Russia's annexation of four Ukrainian regions.",
            {("IGO-UNGA", "111", "RUS"), ("RUS", "192", "UKR")},
        ),
    ],
)
def test_attacks_on_things_placed_in_another_state(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_the_two_leaders_are_the_last_two_people_named(extractor: Extractor) -> None:
    text = (
        "Chinese President Xi Jinping arrived in Moscow on Monday. He held talks with Russian President Vladimir "
        "Putin at the Kremlin. The two leaders signed an agreement on deepening their partnership."
    )
    events = extractor.extract(Article("t", text, published=DAY))
    signed = {(e.source.key, e.cameo, e.target.key) for e in events if "two leaders" in e.sentence}
    assert signed == {("Q15031", "057", PUTIN), (PUTIN, "057", "Q15031")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person named by an organisation acts for it, whether or not the gazetteer knows them
        ("Hamas official Osama Hamdan criticised Egypt.", ("Osama Hamdan", "PSE", None, "NSA-HAMAS")),
        ("UN envoy Hans Grundberg met Houthi leaders in Sanaa.", ("Hans Grundberg", None, "GOV", "Q1065")),
        # a pronoun keeps the affiliation of the person it stands for
        (
            "Hamas official Osama Hamdan spoke on Friday. He threatened Israel.",
            ("Osama Hamdan", "PSE", None, "NSA-HAMAS"),
        ),
        # a known leader of a movement holds its office: its sector, no state
        (
            "Hezbollah leader Hassan Nasrallah spoke on Friday. He threatened Israel.",
            ("Hassan Nasrallah", None, "REB", "NSA-HEZBOLLAH"),
        ),
        # a state's official is no affiliate
        ("Egyptian spokesman Ahmed Fahmy criticised Israel.", ("Ahmed Fahmy", "EGY", "GOV", None)),
    ],
)
def test_people_named_by_an_organisation_act_for_it(
    extractor: Extractor, text: str, expected: tuple[str, str | None, str | None, str | None]
) -> None:
    events = extractor.extract(Article("t", text, published=DAY))
    assert events
    assert {(e.source.label, e.source.country, e.source.sector, e.source.affiliation) for e in events} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whoever suffers an attack is its target; "from"/"by" names who attacks
        ("Israel suffered rocket attacks from Gaza.", {("PSE", "190", "ISR")}),
        ("The Ukrainian capital came under attack from Russian drones.", {("RUS-MIL", "190", "UKR")}),
        ("Kyiv faced a wave of drone attacks by Russia.", {("RUS", "190", "UKR")}),
        ("Saudi Arabia suffered attacks from Yemen's Houthis.", {("NSA-HOUTHIS", "190", "SAU")}),
        # no attacker named, no event
        ("The region suffered an attack.", set()),
    ],
)
def test_suffered_attacks(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verbless headline putting a known person in a known place abroad is a visit
        ("Blinken in Riyadh for talks on Gaza ceasefire.", {("antony-blinken", "042", "SAU")}),
        ("Modi in Moscow for summit with Putin.", {("Q1058", "042", "RUS")}),
        ("Erdogan in Sochi.", {("Q39259", "042", "RUS")}),
        # not at home, not for troops or unknown people, not "in" something that is no place
        ("Biden in Delaware for the weekend.", set()),
        ("US troops in Syria.", set()),
        ("Clashes in Iran: Mourning Nika Shakarami.", set()),
        ("Brazil Elects Lula, a Leftist Former Leader, in a Rebuke of Bolsonaro.", set()),
        # a sentence with a verb is left to its verb
        ("In Kyiv, Blinken met Zelensky.", {("antony-blinken", "040", "Q3874799")}),
        # a headline verb the tagger read as a singular noun, with a subject and an object
        (
            "EU and UN hand over medical supplies to the Nigerian government.",
            {("Q458", "070", "NGA-GOV"), ("Q1065", "070", "NGA-GOV")},
        ),
    ],
)
def test_verbless_headlines(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops sent to a force or mission serve where it is: peacekeeping, not a show of force
        ("Kenya sent 500 soldiers to the African Union force in Somalia.", {("KEN", "074", "SOM")}),
        ("Norway will send troops to the UN mission in Mali.", {("NOR", "0334", "MLI")}),
        ("Bangladesh deployed peacekeepers in the Central African Republic.", {("BGD", "074", "CAF")}),
        # easing a curfew or emergency rule in a place eases it for that place's state
        ("Russia lifted the curfew in Crimea.", {("RUS", "0813", "UKR")}),
        ("Serbia eased emergency measures in Montenegro.", {("SRB", "0814", "MNE")}),
        # loans given "with"
        ("The Netherlands provided Ukraine with loans.", {("NLD", "071", "UKR")}),
        # a dinner hosted for a guest
        ("Egypt hosted a dinner for Macron.", {("EGY", "043", MACRON)}),
        # whom a threat is aimed at, named by its condition
        ("Iran threatened to close the strait if the United States attacked.", {("IRN", "130", "USA")}),
    ],
)
def test_missions_curfews_loans_dinners_and_conditional_threats(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


def test_the_act_asked_for_is_the_addressees_even_parsed_as_a_purpose(extractor: Extractor) -> None:
    # The parser hangs "to lift" on "call" as a purpose clause: Israel is asked to lift the
    # blockade; Turkey and Qatar lift nothing.
    text = "Turkey and Qatar call on Israel to lift the blockade of Gaza."
    assert triples(extractor, text) == {("TUR", "0256", "ISR"), ("QAT", "0256", "ISR")}
    # A day after "on" is no one asked: Netanyahu phoned Morrison.
    text = "Netanyahu called Morrison on Wednesday to congratulate him."
    assert {(s, c) for s, c, _ in triples(extractor, text)} == {("Q43723", "041"), ("Q43723", "051")}


def test_saying_one_cut_aid_is_no_event_of_its_own(extractor: Extractor) -> None:
    events = extractor.extract(Article("t", "Japan said it had suspended aid to Myanmar.", published=DAY))
    assert [(e.source.key, e.cameo, e.target.key, e.modality) for e in events] == [("JPN", "162", "MMR", "reported")]
    # Saying one attacked still claims it (015), besides the attack.
    assert ("RUS", "015", "UKR") in triples(extractor, "Russia said it had struck Ukrainian positions.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "free up" makes available; it releases no one
        ("Iran freed two British sailors.", {("IRN", "0841", "GBR")}),
        ("British troops moved north to free up American troops.", set()),
        # protecting a policy or a record is a defence in words (052), not troops (074)
        ("Chile defended Peru's trade policy.", {("CHL", "052", "PER")}),
        ("NATO jets defended Polish airspace.", {("Q7184-MIL", "074", "POL")}),
        # and so is defending an act: "defended the invasion of Iraq"
        ("Britain defended the invasion of Iraq.", {("GBR", "052", "IRQ")}),
        # one army backing another's is military cooperation; support given as aid is aid
        ("Syrian troops backed by Russian warplanes attacked the town.", {("RUS-MIL", "062", "SYR-MIL")}),
        ("Japan provided $2 billion to support Ukrainian refugees.", {("JPN", "070", "UKR-REF")}),
        ("Russia backed Syria's proposal.", {("RUS", "051", "SYR")}),
        # peacekeepers arriving are deployed, other troops and leaders travel
        ("Kenyan peacekeepers arrived in Haiti.", {("KEN-MIL", "074", "HTI")}),
        ("Russian troops arrived in Belarus for joint exercises.", {("RUS-MIL", "042", "BLR")}),
        ("Fijian soldiers serve in the UN peacekeeping mission in Lebanon.", {("FJI-MIL", "074", "LBN")}),
        # whom aid helps along: "to help Turkey recover"
        ("Japan sent aid to help Turkey recover from the earthquake.", {("JPN", "070", "TUR")}),
        # (and helping a party prepare for a planned act is help, besides the plan)
        (
            "Egypt helped the Palestinians prepare for an Israeli withdrawal from Gaza.",
            {("EGY", "070", "PSE"), ("ISR", "0356", "PSE")},
        ),
        # hackers are actors; a participle that only describes them is no event
        ("Azerbaijani hackers launched cyber attacks on a number of Armenian websites.", {("AZE-CRM", "176", "ARM")}),
        ("Hackers linked to Russia attacked Ukrainian banks.", {("x-hackers", "190", "UKR")}),
        # an organisation's chief is its head; a ceasefire called for in a place addresses its parties
        ("The UN chief visited Rwanda.", {("Q311440", "042", "RWA")}),
        ("ECOWAS leaders called for an immediate ceasefire in Liberia.", {("IGO-ECOWAS-GOV", "0256", "LBR")}),
        # an attack blamed on or linked to a party accuses it (linking is no cooperation here)
        ("Ukraine blamed the strike on Russia.", {("UKR", "112", "RUS")}),
        ("Turkey linked the bombing to Syria.", {("TUR", "112", "SYR")}),
        ("Russia blamed Ukraine on Monday for the strike.", {("RUS", "112", "UKR")}),
    ],
)
def test_freed_up_defended_and_backed(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # halting the fighting is a truce (an intent when agreed to), not a threat of force
        ("Russia and Ukraine agreed to stop the fighting.", {("RUS", "0356", "UKR"), ("UKR", "0356", "RUS")}),
        ("Israel halted its offensive in Gaza.", {("ISR", "0871", "PSE")}),
        # a disease or a hardship is fought by no one's forces
        ("Greece is battling wildfires with help from Turkey.", set()),
        ("Kenya sent doctors to Uganda to fight the epidemic.", set()),
        # troops offered to a government protect it
        ("Germany pledged 5,000 soldiers to NATO.", {("DEU", "0334", "Q7184")}),
    ],
)
def test_truces_struggles_and_troops_offered(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # help of a kind no row names, given "to" or "with": the lemma's default row
        ("Canada provided technical expertise to Ukraine.", {("CAN", "070", "UKR")}),
        ("Japan provided Vietnam with training.", {("JPN", "070", "VNM")}),
        # a derived row that names it still wins over the default
        ("Australia provided $400 million to Indonesia.", {("AUS", "071", "IDN")}),
        # and so does a hand-written one
        ("Iran provided Hezbollah with rockets.", {("IRN", "072", "NSA-HEZBOLLAH")}),
    ],
)
def test_default_rows_come_after_derived_ones(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the recipient hung by the parser on the end of the object phrase
        ("Britain sent 100 armoured vehicles and a team of paratroopers to Lebanon.", {("GBR", "072", "LBN")}),
        ("Japan handed over $4 million worth of medical equipment to Kenya.", {("JPN", "073", "KEN")}),
        # but not on a word that only describes the object: the villages are helped, not Morocco
        ("Spain sent help to villages close to Morocco.", {("ESP", "070", "x-villages")}),
        # property and animals returned
        ("Italy returned the stolen monkeys to Ghana.", {("ITA", "0842", "GHA")}),
        # aid stopped in a place stops for its state; restrictions lifted between two parties
        ("The United Nations suspended aid deliveries in Borno State.", {("Q1065", "162", "NGA")}),
        ("Egypt lifted travel restrictions between it and Sudan.", {("EGY", "081", "SDN")}),
        # land taken is taken from the state it lies in, also when the place is named by "of"
        ("Russian troops captured the village of Soledar in eastern Ukraine.", {("RUS-MIL", "192", "UKR")}),
        # an embassy opened in a capital: relations with its state
        ("Sri Lanka has established diplomatic ties with and opened an embassy in Tehran.", {("LKA", "054", "IRN")}),
        # extradited without "to": the state of the one extradited; demands made "by" a party
        ("India extradited a top Pakistani militant.", {("IND", "063", "PAK")}),
        ("Spain extradited a Russian hacker to the United States.", {("ESP", "063", "USA")}),
        ("Greece accepted the demands by Turkey.", {("GRC", "080", "TUR")}),
        # a welcome given is a visit hosted
        ("China gave Putin a warm welcome.", {("CHN", "043", "Q7747")}),
        # a truce agreed to, or a retreat, in a place: with that place's state
        ("Turkey has agreed to a ceasefire in Syria.", {("TUR", "0356", "SYR")}),
        ("Russia announced a retreat in Ukraine.", {("RUS", "0874", "UKR")}),
        # "attack helicopters" are no attack; a regiment offered is troops offered
        (
            "Spain has offered to Canada an infantry regiment, attack helicopters and fighter jets.",
            {("ESP", "0334", "CAN")},
        ),
    ],
)
def test_recipients_at_the_end_of_the_object_and_aid_halted_in_a_place(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # leaders of today's news, in office on the article's date
        ("Iraqi Prime Minister Mohammed Shia al-Sudani visited Ankara.", dt.date(2024, 4, 22), ("IRQGOV", "TUR")),
        ("Sikorski met Ukrainian officials in Kyiv.", dt.date(2024, 5, 1), ("POLGOV", "UKRGOV")),
        ("Sikorski met Ukrainian officials in Kyiv.", dt.date(2020, 5, 1), ("POL", "UKRGOV")),
        ("Hakainde Hichilema hosted Kenya's president.", dt.date(2023, 3, 1), ("ZMBGOV", "KENGOV")),
        ("Muhammad Yunus met Indian officials.", dt.date(2025, 4, 4), ("BGDGOV", "INDGOV")),
        ("Ayman Al Safadi visited Damascus.", dt.date(2025, 1, 7), ("JORGOV", "SYR")),
        ("Omar al-Bashir met Egypt's president.", dt.date(2009, 3, 25), ("SDNGOV", "EGYGOV")),
        ("Omar al-Bashir met Egypt's president.", dt.date(2021, 3, 25), ("SDN", "EGYGOV")),
        ("Alvaro Uribe visited Caracas.", dt.date(2007, 11, 8), ("COLGOV", "VEN")),
        ("Park Geun-hye met Xi Jinping.", dt.date(2014, 7, 3), ("KORGOV", "CHNGOV")),
        ("The Hashemite Kingdom of Jordan hosted Syria's president.", dt.date(2025, 1, 7), ("JOR", "SYRGOV")),
        ("Suella Braverman met French officials.", dt.date(2023, 3, 1), ("GBRGOV", "FRAGOV")),
        ("Andrej Babis visited Warsaw.", dt.date(2024, 1, 10), ("CZE", "POL")),
        ("Andrej Babis visited Warsaw.", dt.date(2026, 1, 10), ("CZEGOV", "POL")),
        ("Speaker Kevin McCarthy met Taiwan's president.", dt.date(2023, 4, 5), ("USALEG", "TWNGOV")),
    ],
)
def test_more_leaders_with_their_tenures(
    extractor: Extractor, text: str, published: dt.date, expected: tuple[str, str]
) -> None:
    events = extractor.extract(Article("t", text, published=published))
    assert {(actor_code(e.source), actor_code(e.target)) for e in events} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # calling someone is a telephone call ...
        ("Biden called Erdogan to discuss Sweden's NATO bid.", {("USAGOV", "041", "TURGOV")}),
        ("Scholz called Zelensky on Monday.", {("DEUGOV", "041", "UKRGOV")}),
        # ... unless the call is an appeal, "on" parsed as a particle or not ...
        ("Germany called on Russia to withdraw.", {("DEU", "020", "RUS")}),
        ("Turkey called upon Israel to end the blockade.", {("TUR", "0256", "ISR")}),
        # ... or names what someone is
        ("Iran called Netanyahu a terrorist.", {("IRN", "111", "ISRGOV")}),
        ("China called the US move a provocation.", set()),
    ],
)
def test_calling_someone_is_a_phone_call_unless_an_appeal_or_a_name(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded(extractor, text, dt.date(2023, 5, 2)) == expected


def test_a_party_name_inside_a_longer_name_is_not_that_party(extractor: Extractor) -> None:
    # "Democratic Party" is the US party; "Liberal Democratic Party" is another one.
    text = "Japan's ruling Liberal Democratic Party criticised China."
    events = extractor.extract(Article("t", text, published=dt.date(2023, 5, 2)))
    assert [(e.source.country, e.source.label) for e in events] == [("JPN", "Liberal Democratic Party")]
    text = "The US Democratic Party criticised Russia."
    events = extractor.extract(Article("t", text, published=dt.date(2023, 5, 2)))
    assert [actor_code(e.source) for e in events] == ["USAPTY"]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # curated and derived people alike, with or without the period after the initial
        ("Tony Blair met George W Bush.", dt.date(2004, 10, 10), ("GBRGOV", "USAGOV")),
        ("Tony Blair met George W. Bush.", dt.date(2004, 10, 10), ("GBRGOV", "USAGOV")),
        ("John F Kennedy met Aleksey Kosygin.", dt.date(1962, 12, 19), ("USAGOV", "RUS")),
    ],
)
def test_a_middle_initial_needs_no_period(
    extractor: Extractor, text: str, published: dt.date, expected: tuple[str, str]
) -> None:
    events = extractor.extract(Article("t", text, published=published))
    assert {(actor_code(e.source), actor_code(e.target)) for e in events} == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "The United States rolled back tariffs on Chinese steel.",
        "The United States scrapped sanctions on China.",
        "The United States eased sanctions on China.",
    ],
)
def test_sanctions_and_tariffs_rolled_back_are_eased(extractor: Extractor, text: str) -> None:
    assert coded(extractor, text, dt.date(2023, 5, 2)) == {("USA", "085", "CHN")}


@pytest.mark.parametrize(
    "text",
    [
        "Three soldiers died in clashes between US troops and insurgents near Mosul.",
        # the parties on a clause that only says the clashes happened
        "Three soldiers died in clashes that broke out between US troops and insurgents near Mosul.",
    ],
)
def test_a_nationality_does_not_reach_across_to_the_other_side(extractor: Extractor, text: str) -> None:
    # "US" modifies the troops, not the insurgents they fought.
    assert coded(extractor, text, dt.date(2004, 9, 5)) == {
        ("USAMIL", "190", "---REB"),
        ("---REB", "190", "USAMIL"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unnamed police and courts act where the story is filed from ...
        ("KABUL (Reuters) - Police arrested three Pakistani men on Monday.", {("AFGCOP", "173", "PAKCVL")}),
        ("MILAN (Reuters) - A court sentenced a Tunisian man.", {("ITAJUD", "172", "TUNCVL")}),
        # ... unless the text places them
        ("BAGHDAD (Reuters) - Police in Kabul arrested three Pakistani men.", {("AFGCOP", "173", "PAKCVL")}),
        # not officials or the government: a story filed from Cairo may be about Sudan's
        ("CAIRO (AFP) - The government rejected the UN demand.", set()),
        # an international body's seat is no state
        ("UNITED NATIONS (Reuters) - Police arrested three Pakistani men.", {("---COP", "173", "PAKCVL")}),
    ],
)
def test_the_dateline_places_unnamed_police_and_courts(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded(extractor, text, dt.date(2004, 9, 5)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with no date at all, a person's title says which of their offices they act in
        ("U.N. Secretary-General Kofi Annan criticised the European Union.", ("IGOUNO", "IGOEUREEC")),
        ("President Bush met Prime Minister Tony Blair.", ("USAGOV", "GBRGOV")),
        # a former title, or none, says nothing about the day
        ("Former Secretary-General Kofi Annan visited Kenya.", ("GHA", "KEN")),
        ("Kofi Annan criticised the European Union.", ("GHA", "IGOEUREEC")),
    ],
)
def test_a_title_dates_the_office_of_a_person_in_an_undated_text(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    events = extractor.extract(Article("t", text))
    assert {(actor_code(e.source), actor_code(e.target)) for e in events} == {expected}
    # A dated text goes by its date: Annan was no longer Secretary-General in 2010.
    if "Annan" in text:
        events = extractor.extract(Article("t", text, published=dt.date(2010, 5, 1)))
        assert {actor_code(e.source) for e in events} == {"GHA"}


def test_the_pope_is_the_holy_see_and_him_is_not_the_doer(extractor: Extractor) -> None:
    text = "Pope John Paul II received Musharraf. The pope urged him to pursue peace."
    assert coded(extractor, text, dt.date(2004, 5, 1)) == {
        ("VATGOV", "043", "PAKGOV"),
        ("VATGOV", "020", "PAKGOV"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # force against a protest is repression; unplaced protesters are the forces' own people
        ("Kenyan security forces opened fire on protesters.", {("KENCOP", "175", "KENOPP")}),
        ("Israeli troops fired on Palestinian protesters in Hebron.", {("ISRMIL", "175", "PSEOPP")}),
        # not against soldiers
        ("Iraqi troops opened fire on Iranian border guards.", {("IRQMIL", "190", "IRNMIL")}),
        # unnamed police are those of where the protest is, not of whose protesters they are
        ("Police fired tear gas at demonstrators in Nairobi.", {("KENCOP", "175", "KENOPP")}),
        ("Soldiers fired on Palestinian protesters.", {("---MIL", "190", "PSEOPP")}),
    ],
)
def test_force_against_protesters_is_repression(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded(extractor, text, dt.date(2004, 5, 1)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Japan cancelled Iraq's debt.", "071"),
        ("Japan forgave debts owed by Iraq.", "071"),
        ("Japan cancelled the debt that Iraq owes.", "071"),
        # agreeing to it is the intent to give economic aid
        ("Japan agreed to write off 80 percent of Iraqi debt.", "0331"),
    ],
)
def test_debt_relief_is_economic_aid_to_the_debtor(extractor: Extractor, text: str, code: str) -> None:
    assert coded(extractor, text, dt.date(2004, 11, 21)) == {("JPN", code, "IRQ")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the government" is the one state the article has named so far ...
        ("Dutch lawmakers accused the government of lying.", {("NLDLEG", "112", "NLDGOV")}),
        ("Iran rejected the offer. The government accused Britain of spying.", {("IRNGOV", "112", "GBR")}),
        # ... and nobody's when it has named two (so no accusation by anyone known)
        ("Egypt hosted talks on Sudan. The government accused Britain of spying.", set()),
    ],
)
def test_the_government_is_the_one_state_named_so_far(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    events = extractor.extract(Article("t", text, published=dt.date(2004, 11, 21)))
    assert {(actor_code(e.source), e.cameo, actor_code(e.target)) for e in events if e.cameo == "112"} == expected


def test_a_backer_is_not_the_owner_of_what_it_backs(extractor: Extractor) -> None:
    # The headquarters are the SDF's; the US only backs them.
    text = "Syrian forces attacked the US-backed SDF headquarters."
    events = extractor.extract(Article("t", text, published=dt.date(2018, 6, 1)))
    assert {(actor_code(e.source), actor_code(e.target)) for e in events} == {("SYRMIL", "SYRREB")}
    # With no other name, the backer is whose it is: a US-sponsored proposal is the US's.
    text = "Sudan rejected a US-sponsored proposal."
    assert coded(extractor, text, dt.date(2004, 9, 1)) == {("SDN", "120", "USA")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The SBU arrested two Russian agents.", ("UKRSPY", "173", "RUS")),
        ("Israel banned UNRWA.", ("ISR", "172", "IGOUNOREF")),
        ("Janjaweed militias attacked villages in Darfur.", ("SDNUAF", "190", "SDNCVL")),
    ],
)
def test_more_organisations(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert coded(extractor, text, dt.date(2024, 6, 1)) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname alone is the curated person named in full before it.
        (
            "Philippine President Rodrigo Duterte flew to Beijing. Duterte criticised Japan.",
            {("PHLGOV", "042", "CHN"), ("PHLGOV", "111", "JPN")},
        ),
        # A title and a surname: the one curated person of that name in that office then.
        ("President Duterte criticised Japan.", {("PHLGOV", "111", "JPN")}),
        ("Mr. Duterte criticised Japan.", {("PHLGOV", "111", "JPN")}),
    ],
)
def test_surnames_of_curated_people(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert coded(extractor, text, dt.date(2018, 3, 1)) == expected


def test_a_surname_without_a_full_name_or_fitting_title_stays_unknown(extractor: Extractor) -> None:
    # No chancellor was called Duterte; nor is a bare surname enough without the full name.
    for text in ("Chancellor Duterte criticised Japan.", "Duterte criticised Japan."):
        events = extractor.extract(Article("t", text, published=dt.date(2018, 3, 1)))
        assert all(e.source.key != "rodrigo-duterte" for e in events)


def test_participles_used_as_prepositions_are_no_events(extractor: Extractor) -> None:
    # "involving" says what the rules are about; nobody involves anyone.
    text = (
        "Rodrigo Duterte will keep the ban until Oman accepts the rules he drafted involving the safety of Filipinos."
    )
    [(_, ctx)] = list(extractor.contexts_many([Article("t", text, published=dt.date(2018, 3, 1))]))
    assert "involving" not in {ctx.doc[m.token].text for m in ctx.triggers}
    assert "012" not in {code for _, code, _ in coded(extractor, text, dt.date(2018, 3, 1))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Negotiators and mediators are their state's or organisation's envoys.
        (
            "British and EU negotiators held talks.",
            {("GBRGOV", "046", "IGOEURGOV"), ("IGOEURGOV", "046", "GBRGOV")},
        ),
        ("Qatari mediators met Hamas leaders in Doha.", {("QATGOV", "040", "PSEREBHMS")}),
        # "Agreed a deal": an agreement concluded, as "reached" or "struck" one.
        (
            "Canadian and Mexican negotiators agreed a new trade deal.",
            {("CANGOV", "057", "MEXGOV"), ("MEXGOV", "057", "CANGOV")},
        ),
        ("Iran agreed a deal with the IAEA.", {("IRN", "057", "IGOUNOIAE")}),
    ],
)
def test_negotiators_and_agreed_deals(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert coded(extractor, text, dt.date(2019, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bans, restrictions and curbs lifted, removed or eased: an administrative sanction eased.
        ("China lifted restrictions on Australian wine.", {("CHN", "081", "AUS")}),
        ("Russia eased curbs on Turkish imports.", {("RUS", "081", "TUR")}),
        ("China eased the ban on tourist groups to Australia.", {("CHN", "081", "AUS")}),
        # Refused: a refusal to ease it (1241).
        ("China refused to remove the ban on South Korean films.", {("CHN", "1241", "KOR")}),
    ],
)
def test_bans_lifted(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert coded(extractor, text, dt.date(2019, 6, 1)) == expected


def test_insurgents_striking_at_home_strike_their_state(extractor: Extractor) -> None:
    assert coded(extractor, "Iraqi insurgents blew up an oil pipeline in northern Iraq.", dt.date(2005, 6, 1)) == {
        ("IRQREB", "183", "IRQ")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dispersing protesters is repression (175) of the police's own people...
        ("Kenyan police used tear gas to disperse demonstrators.", ("KENCOP", "175", "KENOPP")),
        # ... and a foreign army's protesters are those of the state the story is filed from.
        ("ABIDJAN (Reuters) - French soldiers dispersed protesters on Tuesday.", ("FRAMIL", "175", "CIVOPP")),
    ],
)
def test_dispersed_protesters_are_placed(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(extractor, text, dt.date(2005, 6, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "They": the people or states last named together.
        (
            "Macron and Scholz met in Paris. They signed a defence pact.",
            {("FRAGOV", "040", "DEUGOV"), ("DEUGOV", "040", "FRAGOV")}
            | {("FRAGOV", "057", "DEUGOV"), ("DEUGOV", "057", "FRAGOV")},
        ),
        # ... unless others were named after them.
        ("Macron and Scholz met reporters. They signed a pact.", set()),
        # "The two men" in the same sentence.
        (
            "Putin received Xi in Moscow, and the two men signed a pact.",
            {("RUSGOV", "043", "CHNGOV"), ("RUSGOV", "057", "CHNGOV"), ("CHNGOV", "057", "RUSGOV")},
        ),
        # Two who say "they" speak of both, not of each other.
        (
            "Russia and China said they would oppose new sanctions against Iran.",
            {("RUS", "036", "IRN"), ("CHN", "036", "IRN")},
        ),
    ],
)
def test_they_and_the_two_men(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert coded(extractor, text, dt.date(2023, 3, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A reaction to "the move" is a reaction to whoever made the last move told.
        ("The United States imposed sanctions on Chinese firms. Beijing condemned the move.", ("CHN", "111", "USA")),
        ("Iran freed two French prisoners. France welcomed the decision.", ("FRA", "051", "IRN")),
        # A move whose owner is named is that owner's.
        ("Iran freed two prisoners. France welcomed the Japanese decision.", ("FRA", "051", "JPN")),
    ],
)
def test_reactions_to_the_move(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    found = coded(extractor, text, dt.date(2023, 6, 12))
    assert expected in found
    assert {(s, c) for s, c, _ in found if c == expected[1]} == {expected[:2]}


def test_a_reaction_to_the_strikes_is_to_whoever_struck(extractor: Extractor) -> None:
    # "The strikes" are the last use of force told, two sentences back, not the last statement.
    text = "Russia fired missiles at Kyiv. Zelensky said Moscow wanted terror. Scholz condemned the strikes."
    assert ("DEUGOV", "111", "RUS") in coded(extractor, text, dt.date(2022, 10, 10))
    assert ("DEUGOV", "111", "UKRGOV") not in coded(extractor, text, dt.date(2022, 10, 10))


def test_who_both_is_every_one_of_them(extractor: Extractor) -> None:
    text = "Russia fired missiles at Kyiv. Zelensky phoned Macron and Scholz, who both condemned the strikes."
    found = coded(extractor, text, dt.date(2022, 10, 10))
    assert {("FRAGOV", "111", "RUS"), ("DEUGOV", "111", "RUS")} <= found


def test_sanctions_denounced_and_sanctions_targeting(extractor: Extractor) -> None:
    # "The sanctions" are the last sanctions told, up to two sentences back.
    text = "The US imposed sanctions on Iran. Russia said it would help Tehran. Moscow criticised the sanctions."
    assert ("RUS", "111", "USA") in coded(extractor, text, dt.date(2024, 2, 23))
    # Sanctions "targeting" companies are no strike on them.
    text = "The European Union agreed on Friday a package of sanctions against Russia, targeting 200 companies."
    assert {c for _, c, _ in coded(extractor, text, dt.date(2024, 2, 23))} == {"163"}


def test_no_reaction_to_ones_own_move(extractor: Extractor) -> None:
    assert coded(extractor, "Russia attacked Kyiv. Moscow praised the move.", dt.date(2023, 6, 12)) == {
        ("RUS", "190", "UKR")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The alliance", "the bloc": the one organisation named so far.
        ("The EU imposed sanctions on Belarus. Minsk condemned the bloc.", ("BLR", "111", "IGOEUREEC")),
        (
            "Lavrov criticised NATO. The alliance's secretary general rejected the remarks.",
            ("IGOWSTNAT", "120", "RUSGOV"),
        ),
        # An armed group named too is no alliance.
        (
            "Hamas attacked Israel. Lavrov criticised NATO. The alliance rejected the remarks.",
            ("IGOWSTNAT", "120", "RUSGOV"),
        ),
        # A charge rejected is the accuser's, not one's own act told in it.
        ("Israel accused Turkey of backing Hamas. Ankara rejected the charge.", ("TUR", "016", "ISR")),
    ],
)
def test_the_alliance_and_the_charge(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(extractor, text, dt.date(2024, 3, 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two named together are "both sides"; a host and a guest are not.
        ("Armenia and Azerbaijan clashed. Russia urged both sides to talk.", {"ARM", "AZE"}),
        ("Saudi Arabia hosted talks on Sudan. Egypt urged both sides to talk.", set()),
        # With two organisations named, "the alliance" is neither.
        ("NATO and the EU met. Russia criticised the alliance.", set()),
    ],
)
def test_both_sides_and_ambiguous_bodies(extractor: Extractor, text: str, expected: set[str]) -> None:
    found = coded(extractor, text, dt.date(2024, 3, 4))
    assert {t for s, c, t in found if s == "RUS" or (s == "EGY" and c.startswith("02"))} == expected


def test_a_document_speaks_for_whoever_issued_it(extractor: Extractor) -> None:
    text = "A report released by the UN accused Israel of war crimes."
    assert coded(extractor, text, dt.date(2008, 8, 5)) == {("IGOUNO", "1124", "ISR")}
    # Where it was released says nothing of whose it is.
    assert coded(extractor, "A report released in London accused France of complicity.", dt.date(2008, 8, 5)) == set()


def test_envoys_of_one_who_never_held_office_are_no_states(extractor: Extractor) -> None:
    text = "Representatives of Moqtada al-Sadr met the Iranian ambassador."
    assert all(s != "IRQGOV" for s, _, _ in coded(extractor, text, dt.date(2004, 8, 1)))
    # A leader out of office still has his state's envoys and administration.
    text = "The Bush administration accused Iran of developing missiles."
    assert coded(extractor, text, dt.date(2026, 1, 1)) == {("USAGOV", "112", "IRN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A leader's counterpart is the other state's leader, whatever the title.
        ("Scholz hosted his French counterpart.", ("DEUGOV", "043", "Emmanuel Macron")),
        ("Erdogan phoned his Ukrainian counterpart.", ("TURGOV", "041", "Volodymyr Zelensky")),
        # A minister's, the minister of the same office.
        ("Blinken met his Chinese counterpart in Beijing.", ("USAGOV", "040", "Wang Yi")),
    ],
)
def test_a_counterpart_holds_the_same_office(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    events = extractor.extract(Article("t", text, published=dt.date(2024, 3, 4)))
    assert expected in {(actor_code(e.source), e.cameo, e.target.label) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The kingdom": the one state named so far whose name says it is one.
        ("Saudi Arabia criticised Iran. The kingdom accused Tehran of arming rebels.", {("SAU", "112", "IRN")}),
        # "The Gulf state": the one that acted in the sentence before.
        ("Qatar hosted talks on Gaza. The Gulf state urged Israel to accept a truce.", {("QAT", "020", "ISR")}),
        # Not when two acted, nor when two are named before it in its own sentence.
        ("Qatar and Egypt hosted talks. The Gulf state urged Israel to accept a truce.", set()),
        ("Seoul condemned Pyongyang after two fishermen were seized by the reclusive state.", set()),
    ],
)
def test_states_by_description(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    found = coded(extractor, text, dt.date(2024, 3, 4))
    assert {e for e in found if e[1] in {"112", "020", "181"}} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The group": the one national organisation named so far, not the alliance.
        ("NATO criticised Hamas. The group fired rockets at Tel Aviv.", ("PSEREBHMS", "190", "ISR")),
        # A describing word is no name: "the Western alliance".
        ("Lavrov criticised NATO. The Western alliance rejected the remarks.", ("IGOWSTNAT", "120", "RUSGOV")),
        # A title before a curated name inside one entity: "Sheikh Tamim ...".
        ("Joe Biden spoke with Sheikh Tamim bin Hamad Al Thani.", ("USAGOV", "040", "QATGOV")),
    ],
)
def test_the_group_and_titled_names(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in coded(extractor, text, dt.date(2023, 11, 20))


def test_speaking_with_someone_is_consulting(extractor: Extractor) -> None:
    assert coded(extractor, "Putin and Xi talked with each other.", dt.date(2023, 11, 20)) == {
        ("RUSGOV", "040", "CHNGOV"),
        ("CHNGOV", "040", "RUSGOV"),
    }
    # Reporters are nobody in particular.
    assert coded(extractor, "Zelensky spoke with reporters in Kyiv.", dt.date(2023, 11, 20)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Exercises of parties named together are joint: military cooperation, each with the other.
        ("India and Japan launched war games.", {("IND", "062", "JPN"), ("JPN", "062", "IND")}),
        (
            "The drills were staged by Kenyan and Ugandan troops.",
            {("KENMIL", "062", "UGAMIL"), ("UGAMIL", "062", "KENMIL")},
        ),
        # Near a third state, they show force to it.
        ("China and Russia held naval drills near Japan.", {("CHN", "150", "JPN"), ("RUS", "150", "JPN")}),
    ],
)
def test_exercises_of_parties_named_together(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded(extractor, text, dt.date(2019, 6, 1)) == expected


def test_arms_for_whoever_bought_or_used_them(extractor: Extractor) -> None:
    # "the weapons Pakistan bought": the relative clause's subject receives them.
    assert coded(extractor, "China supplied most of the weapons Pakistan bought.", dt.date(2010, 6, 1)) == {
        ("CHN", "072", "PAK")
    }
    assert ("IRN", "072", "RUS") in coded(
        extractor, "Iran supplied the drones Russia used against Ukraine.", dt.date(2023, 6, 1)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Unnamed police are those of the one state their sentence names...
        (
            "Bolivia declared a curfew after security forces fired on protesters.",
            {("BOLCOP", "175", "BOLOPP")},
        ),
        # ... not by the nationality of those they act on, which is named because it is foreign.
        ("Police arrested two Syrian activists.", {("---COP", "173", "SYROPP")}),
        ("Police arrested two Syrian activists, Ankara said.", {("TURCOP", "173", "SYROPP")}),
    ],
)
def test_unnamed_police_of_the_one_state_named(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = coded(extractor, text, dt.date(2011, 4, 19))
    assert {e for e in found if e[0].endswith("COP")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two who agree to share intelligence share it with each other ("intelligence" is the
        # thing shared here, not a spy agency).
        (
            "Norway and Sweden agreed to share intelligence.",
            {("NOR", "0314", "SWE"), ("SWE", "0314", "NOR")},
        ),
        ("Norway shared intelligence with Sweden.", {("NOR", "064", "SWE")}),
        # The people helped are those of where the aid went; refugees there may be foreign.
        ("Japan sent aid to civilians in Myanmar.", {("JPN", "070", "MMRCVL")}),
        ("Japan sent aid to refugees in Thailand.", {("JPN", "070", "---REF")}),
        # What a shot is aimed at places it, not what was fired; a date is no target.
        ("Indian troops fired shells at posts in Pakistan.", {("INDMIL", "190", "PAK")}),
        ("Indian troops fired at posts in Pakistan on Monday.", {("INDMIL", "190", "PAK")}),
        # A weapon word after an event word is no event: "battle tanks".
        ("Syrian battle tanks moved north.", set()),
        # An event noun naming the kind of a scheme: the scheme's phrases and host are its own.
        ("Egypt launched a bombing campaign against militants in Libya.", {("EGY", "195", "LBYUAF")}),
        ("Kenya began an air campaign against al-Shabaab.", {("KEN", "190", "SOMREB")}),
        # A mediation between two sides is no act of either on the other.
        ("Mediation efforts between Serbia and Kosovo were suspended.", set()),
    ],
)
def test_shared_acts_aimed_fire_and_schemes(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded(extractor, text, dt.date(2019, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a state's organs say of it is no event between two parties...
        ("The German foreign ministry said Germany would stay calm.", set()),
        ("German media said Germany would stay calm.", set()),
        # ... though what they say it will do to another still is; a leader may speak of it.
        ("The German foreign ministry said Germany would attack Austria.", {("DEU", "138", "AUT")}),
        ("Angela Merkel said Germany would stay calm.", {("DEUGOV", "010", "DEU")}),
        # Sympathy with one's own people is an event.
        ("Angela Merkel expressed sorrow for the shootings in Germany.", {("DEUGOV", "018", "DEU")}),
    ],
)
def test_statements_about_ones_own_state(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert coded(extractor, text, dt.date(2019, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # People "with" whom one deals are from where the next "from" phrase says, though the
        # parser hung it on the word before.
        ("Kenya cancelled a meeting with judges from Uganda.", {("KEN", "161", "UGAJUD")}),
        # A title of several words carries its owner from the far left.
        (
            "Chilean Senate President Maria Soto expressed condolences to Peru.",
            {("CHLLEG", "018", "PER")},
        ),
        ("Chile's parliament speaker expressed condolences to Peru.", {("CHLLEG", "018", "PER")}),
        # A military operation is an attack on where it is waged.
        ("Turkey's military operation in Syria entered its second week.", {("TUR", "190", "SYR")}),
        # Considering doing one thing and launching another: both only considered.
        (
            "Turkey is considering going beyond air strikes and launching a ground operation in Syria.",
            {("TUR", "190", "SYR", "hypothetical")},
        ),
    ],
)
def test_origins_titles_and_operations(extractor: Extractor, text: str, expected: set[tuple[str, ...]]) -> None:
    events = extractor.extract(Article("t", text, published=dt.date(2019, 10, 15)))
    width = len(next(iter(expected)))
    found = {(actor_code(e.source), e.cameo, actor_code(e.target), e.modality)[:width] for e in events}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Warships of two states named together, in days of drills: a joint exercise.
        (
            "Greek and Italian warships began five days of naval drills.",
            {("GRCMIL", "062", "ITAMIL"), ("ITAMIL", "062", "GRCMIL")},
        ),
        # People fleeing a place, or a war in it, are from there.
        ("Canada sent aid to refugees fleeing the fighting in Sudan.", {("CAN", "070", "SDNREF")}),
        ("Jordan sent aid to civilians escaping Iraq.", {("JOR", "070", "IRQCVL")}),
    ],
)
def test_drills_in_days_and_people_fleeing(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded(extractor, text, dt.date(2015, 5, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Forces on alert somewhere raise their alert there; police raise a police alert.
        ("Turkish troops remained on alert in northern Iraq.", {("TURMIL", "152", "IRQ")}),
        ("Police were put on alert in Lebanon.", {("LBNCOP", "151", "LBN")}),
    ],
)
def test_forces_on_alert(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert coded(extractor, text, dt.date(2015, 5, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Pressed, in the passive, to do something: the one pressed would do it, not the presser.
        (
            "Chile was pressured by Brazil to help Bolivia.",
            {("BRA", "100", "CHL", "Brazil"), ("CHL", "070", "BOL", "Chile")},
        ),
        # A state's own organisation named with it owns the group; a possessor alone owns one
        # group, however many names follow it.
        ("Russia's Wagner mercenaries attacked Ukrainian positions.", {("RUSMIL", "190", "UKR", "Wagner Group")}),
        (
            "Lebanon's Hezbollah fighters fired rockets at Israel.",
            {("LBNUAF", "190", "ISR", "Hezbollah (armed group)")},
        ),
        ("Russia's UN ambassador criticised Britain.", {("RUSGOV", "111", "GBR", "Russia (government)")}),
    ],
)
def test_pressed_passives_and_possessed_groups(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    events = extractor.extract(Article("t", text, published=dt.date(2023, 6, 1)))
    assert {(actor_code(e.source), e.cameo, actor_code(e.target), e.source.label) for e in events} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A noun set beside a clause sums it up; a reaction to it is aimed at its doer, with or
        # without a relative word.
        (
            "Serbia accused Kosovo of arming militias, a charge that Pristina denied.",
            {("SRB", "112", "XKX"), ("XKX", "016", "SRB")},
        ),
        (
            "Serbia accused Kosovo of arming militias, a charge the Kosovar government rejected.",
            {("SRB", "112", "XKX"), ("XKXGOV", "016", "SRB")},
        ),
        # Whoever did the act, not what it was done to.
        ("Beijing opposed the listing of Chinese companies by the US.", {("CHN", "110", "USA")}),
        # A relative clause without a relative word still has the noun as its object.
        ("Germany criticised the sanctions the US imposed on Iran.", {("USA", "163", "IRN")}),
    ],
)
def test_summing_nouns_and_doers(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert coded(extractor, text, dt.date(2023, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where the sentence says it happened, named as the article names it, with its state.
        ("Obama and Putin will meet in Geneva.", {("Geneva", "CHE")}),
        ("Speaking in Ankara, Erdogan criticised Sweden.", {("Ankara", "TUR")}),
        ("Israeli jets struck targets in the Gaza Strip.", {("Gaza Strip", "PSE")}),
        # A state named by its people's word is named by its own name.
        ("Gunmen kidnapped two UN workers in the Afghan capital.", {("Afghanistan", "AFG")}),
        # A visit is in the state visited, hosting in the host's.
        ("Macron visited Kyiv.", {("Kyiv", "UKR")}),
        ("Norway hosted Colombia.", {("Norway", "NOR")}),
        # Words are not placed where what they are about happened (the shelling is); a phone
        # call is nowhere.
        ("Spain condemned the Israeli shelling of hospitals in Gaza.", {None, ("Gaza", "PSE")}),
        ("Erdogan and Zelensky spoke by phone.", {None}),
    ],
)
def test_where_events_happened(extractor: Extractor, text: str, expected: set[tuple[str, str] | None]) -> None:
    events = extractor.extract(Article("t", text, published=dt.date(2023, 6, 1)))
    assert events
    assert {(e.place.name, e.place.country) if e.place else None for e in events} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a journey is for, or what follows it, happens where it went.
        ("Erdogan travelled to Sochi to meet Putin.", {("ERDOGAN", "042"): "Sochi", ("ERDOGAN", "040"): "Sochi"}),
        ("Blinken arrived in Kyiv and met Zelensky.", {("BLINKEN", "042"): "Kyiv", ("BLINKEN", "040"): "Kyiv"}),
        (
            "Macron flew to Warsaw, where he held talks with Duda.",
            {("MACRON", "042"): "Warsaw", ("MACRON", "046"): "Warsaw"},
        ),
        # Else where the doer is: "police in Khartoum", "the ambassador in Kyiv".
        ("Police in Khartoum arrested two Egyptian journalists.", {("SDN-COP", "173"): "Khartoum"}),
        ("Officials in Kabul criticised Pakistan.", {("AFG-GOV", "111"): "Kabul"}),
        # Two journeys: which one the meeting followed is not said.
        (
            "Macron visited Kyiv and then flew to Warsaw and met Duda.",
            {("MACRON", "042"): "Warsaw", ("MACRON", "040"): None},
        ),
        # A meeting before the journey is the traveller's, and happened where it says.
        (
            "Blinken visited Kyiv after meeting Macron in Paris.",
            {("BLINKEN", "042"): "Kyiv", ("BLINKEN", "040"): "Paris"},
        ),
    ],
)
def test_acts_of_a_journey_or_a_placed_doer_happen_there(
    extractor: Extractor, text: str, expected: dict[tuple[str, str], str | None]
) -> None:
    people = {"ERDOGAN": ERDOGAN, "BLINKEN": BLINKEN, "MACRON": MACRON, "SDN-COP": "SDN-COP", "AFG-GOV": "AFG-GOV"}
    events = extractor.extract(Article("t", text, published=dt.date(2023, 6, 1)))
    found = {(e.source.key, e.cameo): e.place.name if e.place else None for e in events}
    for (who, code), place in expected.items():
        assert found[(people[who], code)] == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The state people are expelled from or arrested in does it, and a reaction to the act
        # is aimed at that state, not at the people it was done to.
        (
            "Russia criticised the expulsion of its diplomats from Poland.",
            {("RUS", "111", "POL"), ("POL", "161", "RUSGOV")},
        ),
        ("The expulsion of Russian diplomats from Poland angered Moscow.", {("POL", "161", "RUS")}),
        ("China protested the arrest of its citizens in Canada.", {("CHN", "140", "CAN"), ("CAN", "173", "CHNCVL")}),
        # Named by "by", the doer is the doer wherever it acted.
        ("Canada condemned the detention of two Canadians by China.", {("CAN", "111", "CHN"), ("CHN", "173", "CAN")}),
        ("Russian police ordered the arrest of Kyrgyzstan's ambassador.", {("RUSCOP", "173", "KGZGOV")}),
        # Someone the gazetteer does not know keeps no country.
        ("France criticised the arrest of Navalny in Russia.", {("FRA", "111", "RUS"), ("RUS", "173", "---")}),
    ],
)
def test_expulsions_and_arrests_and_the_reactions_to_them(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert coded(extractor, text, dt.date(2023, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time adjunct's gerund is done by the subject, not the object ...
        ("Blinken visited Kyiv after meeting Macron.", {(BLINKEN, "042", "UKR"), (BLINKEN, "040", MACRON)}),
        ("Macron, who visited Kyiv before meeting Scholz, criticised Russia.", {(MACRON, "040", SCHOLZ)}),
        # ... while a complement's is the object's.
        ("Russia accused Ukraine of attacking Belgorod.", {("UKR", "190", "RUS")}),
    ],
)
def test_who_does_a_gerund_after_a_preposition(
    extractor: Extractor, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text", ["Spain has not joined Western sanctions on Moscow.", "Russia waged a war on Ukraine."]
)
def test_what_an_act_is_aimed_on_is_not_where_it_happened(extractor: Extractor, text: str) -> None:
    events = extractor.extract(Article("t", text, published=dt.date(2023, 6, 1)))
    assert events and all(e.place is None for e in events)
