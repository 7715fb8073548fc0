"""Argument linking: who is the source and who the target of each trigger.

The trigger rule lists slots in order of preference (see :mod:`kg.extract.lexicon`);
the first slot that yields actors wins. Coordinated phrases yield one
candidate per conjunct ("Turkey and Russia"). A meeting-like event with two
coordinated subjects and no object ("Putin and Erdogan met") or with only a
``between`` phrase ("talks between Russia and Ukraine") is coded both ways.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import permutations
from typing import TYPE_CHECKING, ClassVar

from kg.cameo import lookup
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.lexicon import Cues, load_lexicon
from kg.extract.mentions import ActorRef
from kg.extract.syntax import (
    PASSIVE_SUBJECT_DEPS,
    ROUND_NOUNS,
    SUBJECT_DEPS,
    agent,
    amount_giver,
    children,
    conjuncts,
    container,
    contents,
    inverted_subjects,
    is_infinitival,
    is_passive,
    lemma,
    object_tail,
    prep_objects,
    subject,
)
from kg.extract.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.pipeline import DocContext
    from kg.extract.triggers import TriggerMatch

__all__ = ["CAUSE_ROOTS", "CLAIM_CODES", "CLAIM_RESPONSIBILITY", "ArgumentLinker", "Candidate"]

#: Prepositions whose object is what a controlled clause acts on when it has no direct object.
XOBJ_PREPS = ("to", "against", "on", "in")
#: Violent event nouns ("shelling", "air strike") that may name who caused a passive event.
CAUSE_ROOTS = frozenset({"18", "19", "20"})
CAUSE_PREPS = ("in", "during", "by")
#: Statements and disapprovals: about another party's violence an accusation (112), about one's
#: own a claim of responsibility (015); so their candidates are kept even about the speaker.
CLAIM_CODES = frozenset({"010", "110"})
#: Roots whose event nouns may take their source from the clause they frame.
FRAME_ROOTS = frozenset({"03", "04", "05"})
#: Roots whose unlocated victims ("killed two civilians in Gaza") belong to the place of the event.
LOCATED_VICTIM_ROOTS = frozenset({"17", "18", "19", "20"})
LOCATION_PREPS = ("in", "near", "at", "on")
#: Documents that speak for their owner when they are the subject of a verb.
DOCUMENT_NOUNS = frozenset({"report", "statement", "strategy", "document", "communique", "declaration"})
#: Verbs by which a document is put out ("a report *released by* the UN").
ISSUING_VERBS = frozenset({"release", "issue", "publish", "prepare", "compile", "produce", "draft"})
#: Nouns of a body of troops sent somewhere, whose "in" phrase says where ("a peacekeeping
#: force in Liberia", "the UN mission in South Sudan").
MISSION_NOUNS = frozenset({"force", "mission", "operation", "contingent", "deployment"})
#: Conjunctions of a clause that names whom a kept sanction or a threat is aimed at ("until
#: Cuba reforms", "if the United States goes ahead").
CONDITION_MARKS = frozenset({"until", "till", "unless", "if"})
#: Verbs whose subject announces an act of its own named by their object.
ANNOUNCING_VERBS = frozenset({"announce", "unveil"})
#: Verbs of an event noun that happens ("clashes *erupted* between ..."), whose phrases are the noun's.
OCCUR_VERBS = frozenset({"erupt", "flare", "break", "occur", "happen", "continue", "resume", "intensify", "escalate"})
#: Meetings, visits and hosting (04).
MEETING_ROOT = "04"
#: A claim of responsibility, aimed at whom the claimed attack was aimed at.
CLAIM_RESPONSIBILITY = "015"
#: Verbs of "... responsibility for <event>": whoever claims it did it.
RESPONSIBILITY_VERBS = frozenset({"claim", "accept", "take", "admit", "acknowledge", "assume"})
#: Roots whose act on a thing located in one state is an act on that state when no party is
#: named: aid, concessions, inspections ("lifted a curfew in Kosovo"); not statements about a
#: place, nor "suspended flights in Japan".
LOCATED_OBJECT_ROOTS = frozenset({"07", "08", "09"})
#: Roots whose act on a thing located in another state than the doers' is an act on it.
LOCATED_ATTACK_ROOTS = frozenset({"18", "19"})
#: Prepositions that say where an event happened; not "on", which more often names what an
#: act is aimed at ("sanctions on Moscow", "his war on Ukraine").
EVENT_PLACE_PREPS = ("in", "near", "at")
#: Source slots by which an act noun names its doer by where it happened ("the arrest of X *in
#: Canada*", "the expulsion of X's diplomats *from Poland*").
PLACED_DOER_SLOTS = frozenset({"p:in", "p:from"})
#: A journey (042), whose destination is where the acts that are its purpose or sequel happen.
TRIP_CODE = "042"
#: Prepositions naming a journey's destination ("travelled *to* Sochi", "arrived *in* Kyiv").
TRIP_PREPS = ("to", "in", "at")
#: How a state may be named by its people ("Afghan", "Palestinians"), which is no place name.
PEOPLE_VIAS = frozenset({"demonym", "ethnic"})
#: Quad classes of material acts, which happen where what they are done to is.
MATERIAL_QUADS = frozenset({2, 4})
#: Aid roots, whose unnamed people helped are those of the place the aid went to; other
#: groups there (refugees, troops) may be foreign.
AID_ROOTS = frozenset({"07"})
AIDED_SECTORS = frozenset({"CVL"})
#: Prepositions that place an attacked thing: "near the Afghan border" leaves it on either side.
ATTACK_PLACE_PREPS = ("in", "at", "on")
#: Nouns an event noun may name the kind of, whose phrases are then its own ("an aid
#: *programme* for Bosnia", "a sanctions *package* against Iran").
SCHEME_NOUNS = frozenset({"program", "programme", "package", "plan", "scheme", "deal", "effort", "campaign", "mission"})
#: Prepositions of what a shot or strike without an object is aimed at ("fired *at* targets").
AIMED_PREPS = ("at", "on", "into")
#: Entity labels of times, which are never what a shot is aimed at ("fired on Monday").
TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: Roots, beside the symmetric codes, whose acts "between" two sides are of each on the other.
BETWEEN_ROOTS = frozenset({"19"})
#: Reactions to an act named only as "the move", "the charge": praise, criticism, rejection,
#: denial.
REACTION_CODES = ("05", "11", "12", "016")


@dataclass(frozen=True)
class _Reacted:
    """What a noun for an act already told may name: acts of these CAMEO roots (any, if
    empty), told up to ``reach`` sentences back."""

    roots: frozenset[str] = frozenset()
    reach: int = 1


_ANY_ACT = _Reacted()
_FORCE = _Reacted(frozenset({"15", "18", "19", "20"}), reach=2)  # "condemned *the strikes*"
_WORDS = _Reacted(frozenset({"01", "02", "03", "10", "11", "12", "13"}))  # "rejected *the remarks*"
_SANCTIONS = _Reacted(frozenset({"16"}), reach=2)  # "denounced *the sanctions*"
#: Nouns that name an act already told ("condemned *the move*"), and which acts they may name.
REACTED_ACTS: dict[str, _Reacted] = (
    dict.fromkeys(("move", "decision", "step", "action", "measure", "announcement"), _ANY_ACT)
    | dict.fromkeys(
        ("attack", "strike", "launch", "test", "offensive", "raid", "bombing", "shelling", "assault"), _FORCE
    )
    | dict.fromkeys(
        ("remark", "comment", "accusation", "allegation", "charge", "claim", "proposal", "offer", "demand"), _WORDS
    )
    | dict.fromkeys(("sanction", "embargo", "tariff"), _SANCTIONS)
)
#: Armed groups fighting a state: what they strike at home is that state's.
INSURGENT_SECTORS = frozenset({"REB", "UAF"})
#: Sectors whose vehicles hit things by accident ("a cargo ship hits a breakwater").
CIVIL_SECTORS = frozenset({"BUS", "CVL"})
#: Codes whose act on a place is an act on its state when no party is named (curfews,
#: blockades, and their easing: "lifted a night curfew in Montenegro"; aid halted in a
#: place: "suspended aid deliveries in Borno State").
PLACE_TARGET_CODES = ("17", "191", "081", "162")
#: Truces and retreats whose only party named is a place: "agreed to a ceasefire in eastern
#: Ukraine", "Russia's retreat in Ukraine". Unlike the codes above they leave a named target
#: where it is ("cut his country's forces in Iraq" stays the speaker's forces).
TRUCE_PLACE_CODES = ("087", "0356")
#: Occupying territory: what is taken is a place, and the state it lies in is the target.
TERRITORY_TAKEN = "192"
#: Appeals and demands (02, 10): their addressee must be named as an actor.
APPEAL_ROOTS = frozenset({"02", "10"})
#: Condolences (018) with no one named go to the state where the mourned event happened.
CONDOLENCE = "018"
MOURNED_PREPS = ("for", "over", "at", "after")
#: Roots whose countryless group source (police, security forces) belongs there too.
LOCAL_FORCE_ROOTS = frozenset({"17"})
#: Target slots whose thing may stand for its owner when no actor is named.
OWNED_SLOTS = frozenset({"dobj", "purpose"})
#: Verbs whose subject performs the event noun of their "on" phrase ("went on strike").
ON_HOSTS = frozenset({"go", "be", "remain", "stay", "put", "place"})
#: Heads that name a member of the actor modifying them, not the actor: "a NATO nation".
MEMBER_NOUNS = frozenset({"nation", "country", "state", "member", "ally", "partner", "neighbour", "neighbor"})
#: Things said, not hit: their owner is no target of violence ("shot down a German proposal").
PROPOSAL_NOUNS = frozenset(
    {"proposal", "plan", "idea", "bid", "motion", "request", "offer", "resolution", "claim", "demand", "draft"}
)
#: Prepositions naming what an "in protest" phrase is aimed at.
AIM_PREPS = ("of", "at", "against", "over")
#: Verbs by which coordinated parties give to each other ("swapped prisoners", "exchanged fire").
EXCHANGE_VERBS = frozenset({"swap", "exchange", "trade"})
#: Governor modalities whose verbs host the event noun they take as object ("planning an offensive").
PLANNING = frozenset({"planned", "hypothetical"})
#: Roots whose events, with no one named on the receiving end, are aimed at the place they
#: happen in, or else at the source's own state: "Kurds demonstrated in the city of Kirkuk".
AT_HOME_ROOTS = frozenset({"14"})
#: Acts whose parties an appeal for them addresses: meetings and talks (all parties), and
#: material cooperation (its doer): "called for talks *with Putin*", "urged a ceasefire
#: *between Russia and Ukraine*", "called for a *Russian* withdrawal".
ASKED_ALL_PARTIES = frozenset({"03", "04", "05"})
ASKED_DOERS = frozenset({"06", "07", "08"})


#: Participles by which a name supports a thing rather than owns or makes it ("US-backed").
BACKING_PARTICIPLES = frozenset({"back", "support", "fund", "finance", "sponsor", "arm", "train", "ally", "align"})


def _sides(parties: list[ActorRef]) -> list[tuple[ActorRef, ActorRef]]:
    """Ordered pairs of parties that face each other.

    Groups of one phrase ("US and Iraqi forces") are one side when another phrase
    names the other ("battles between insurgents and US and Iraqi forces"); alone
    they face each other ("US, Chinese diplomats discuss relations").
    """
    pairs = list(permutations(parties, 2))
    if len({p.text for p in parties}) > 1:
        pairs = [(a, b) for a, b in pairs if a.text != b.text or a.kind != "group" or b.kind != "group"]
    return pairs


def _party_theme(ctx: DocContext, match: TriggerMatch) -> bool:
    """Whether the trigger's object names a party ("discussed *Iran*"), not the thing its rule
    requires ("shared *intelligence*", though "intelligence" may name a spy agency)."""
    if match.theme is None or match.theme not in ctx.refs:
        return False
    word = lemma(ctx.doc[match.theme])
    return not any(r.kind == "obj" and word in r.lemmas for r in match.rule.requires)


def _manner_clauses(token: Token) -> list[Token]:
    """Clauses telling how or when the act of ``token`` was done, which share its place:
    participles ("*speaking* in Moscow") and "when" clauses ("when they blew themselves up in
    Tel Aviv")."""
    return [
        c
        for c in children(token, {"advcl"})
        if c.tag_ == "VBG" or any(fold(m.text) == "when" for m in children(c, {"advmod", "mark"}))
    ]


def _noun_acts(ctx: DocContext) -> dict[int, TriggerMatch]:
    """The event nouns of the document ("visit", "arrest"), by token index."""
    return {m.token: m for m in ctx.triggers if m.rule.pos == "NOUN"}


def _same(a: ActorRef, b: ActorRef) -> bool:
    """Whether two references denote the same actor (no event with oneself)."""
    return a.key is not None and (a.kind, a.key, a.sector) == (b.kind, b.key, b.sector)


def _repair_date_head(ctx: DocContext, token: Token) -> list[Token]:
    """The actor a date wrongly heads: "met with Bashar Assad Tuesday" parses Assad as a compound."""
    if token.i in ctx.refs or token.ent_type_ not in {"DATE", "TIME"}:
        return [token]
    named = [c for c in token.children if c.dep_ == "compound" and c.i in ctx.refs]
    return named or [token]


def _role_only(ctx: DocContext, token: Token) -> bool:
    """Whether ``token`` refers only through a role noun ("group", "militants")."""
    refs = ctx.refs.get(token.i, ())
    return bool(refs) and all(r.kind in {"group", "unresolved"} and r.via == "role" for r in refs)


def _named(ctx: DocContext, token: Token) -> bool:
    return any(r.kind == "entry" and r.via == "name" for r in ctx.refs.get(token.i, ()))


def _labels_a_name(ctx: DocContext, token: Token, tokens: list[Token]) -> bool:
    """Whether ``token`` is a role noun right before a name in the same slot: "the militant
    group *al-Shabab*", parsed as two subjects; the name says who."""
    if not _role_only(ctx, token) or token.i + 1 >= len(token.doc):
        return False
    following = token.doc[token.i + 1]
    return _named(ctx, following) and any(t.i >= following.i for t in tokens)


def _named_apposition(ctx: DocContext, token: Token) -> Token:
    """The person or group an apposition names, over what a role noun implies.

    "The Israeli prime minister, Ariel Sharon, apologized": Sharon, whoever held
    the office on the date the article is read for; "the Somali militant group,
    al-Shabab,": al-Shabab.
    """
    refs = ctx.refs.get(token.i, ())
    if not refs or _role_only(ctx, token):
        # "met his counterpart, Sergio Mattarella": the name says who.
        return next((a for a in children(token, {"appos"}) if _named(ctx, a)), token)
    if not all(r.person and r.via in {"role", "anaphora"} for r in refs):
        return token
    for appos in children(token, {"appos"}):
        if any(r.person and r.kind == "entry" and r.via not in {"role", "anaphora"} for r in ctx.refs.get(appos.i, ())):
            return appos
    return token


def _placed(refs: list[ActorRef], state: str, sectors: frozenset[str] | None = None) -> list[ActorRef]:
    """Give the countryless groups among ``refs`` ("two children", "police", "ethnic Turks")
    the state ``state``; with ``sectors``, only the groups of those sectors."""
    return [
        replace(r, country=state, via="ethnic" if r.via == "ethnic" else "located")
        if r.kind == "unresolved"
        and (r.sector or r.via == "ethnic")
        and not r.country
        and not r.person
        and (sectors is None or r.sector in sectors)
        else r
        for r in refs
    ]


#: Punctuation before a trailing attribution: "... mines border with Belarus — Kremlin".
ATTRIBUTION_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
ATTRIBUTION_MAX_TOKENS = 7


def attributions(ctx: DocContext) -> set[int]:
    """Tokens of trailing attributions, which name who said a headline, not a party to it.

    "Taiwan is a red line — Chinese defence minister", "100,000 troops killed in
    Ukraine: top US general". Only a short phrase without a verb after a dash or a
    colon that follows a clause counts.
    """
    found: set[int] = set()
    for sent in ctx.sentences:
        tokens = [t for t in sent if not (t.is_punct and t.i == sent.end - 1)]
        for mark in tokens[2:-1]:
            spaced_dash = mark.text in ATTRIBUTION_DASHES and mark.whitespace_ and mark.nbor(-1).whitespace_
            if not (spaced_dash or (mark.text == ":" and mark.whitespace_)):
                continue
            rest = [t for t in tokens if t.i > mark.i]
            before = [t for t in tokens if t.i < mark.i]
            if (
                rest
                and len(rest) <= ATTRIBUTION_MAX_TOKENS
                and not any(t.pos_ in {"VERB", "AUX"} for t in rest)
                and any(t.pos_ in {"VERB", "AUX"} for t in before)
            ):
                found.update(t.i for t in rest)
                break
    return found


def _inflections(verb: str) -> set[str]:
    """Regular inflected forms of ``verb`` ("stage" -> "stages", "staged", "staging")."""
    base = verb[:-1] if verb.endswith("e") else verb
    return {verb + "s", base + "ed", base + "ing", verb + "d"}


@dataclass(frozen=True)
class Candidate:
    """A source-trigger-target triple, with how each argument was found."""

    trigger: TriggerMatch
    source: ActorRef
    target: ActorRef
    source_how: str
    target_how: str
    #: Where the act happened, as a state reference whose text is the place named ("Sochi").
    place: ActorRef | None = None


class ArgumentLinker:
    """Stage: find the source and target actors of every trigger."""

    name: ClassVar[str] = "arguments"
    requires: ClassVar[tuple[str, ...]] = ("triggers", "refs")
    provides: ClassVar[tuple[str, ...]] = ("candidates",)

    def __init__(self, cues: Cues | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.cues = cues or load_lexicon().cues
        self.gazetteer = gazetteer or load_gazetteer()
        # Tokens of the current document's trailing attributions, set at the start of each call.
        self._attributed: set[int] = set()

    def __call__(self, ctx: DocContext) -> None:
        self._attributed = attributions(ctx)
        for match in ctx.triggers:
            token = ctx.doc[match.token]
            sources, source_how = self._sources(ctx, token, match)
            targets, target_how = [], "none"
            if sources and "asked" in match.rule.target:
                targets, target_how = self._asked_parties(ctx, token, sources)
            if not targets:
                targets, target_how = self._targets(ctx, token, match)
            code = match.rule.code
            if not sources and code[:2] in CAUSE_ROOTS and token.pos_ == "VERB" and is_passive(token):
                # "Rockets were fired *from Lebanon*", "killed by gunfire *from Gaza*": nobody is
                # said to have done it; the one state it came from did.
                origin = self._one_state(ctx, (token, *agent(token)), ("from",))
                sources, source_how = ([origin] if origin else []), "origin"
            if (
                not targets
                and sources
                and code.startswith(REACTION_CODES)
                and (doer := self._reacted_to(ctx, match, sources))
            ):
                targets, target_how = [doer], "anaphora"
            if code == CLAIM_RESPONSIBILITY and not targets:
                targets, target_how = self._claimed(ctx, token)
            if code.startswith(CONDOLENCE) and not targets and (place := self._mourned(ctx, token, match)):
                targets, target_how = [place], "place"
            if code[:2] in AT_HOME_ROOTS:
                sources, targets, target_how = self._at_home(ctx, token, match, sources, targets, target_how)
            if not targets and code.startswith(TRUCE_PLACE_CODES) and (place := self._place_of(ctx, token, match)):
                targets, target_how = [place], "place"
            if code[:2] in LOCATED_VICTIM_ROOTS or code.startswith(PLACE_TARGET_CODES):
                place = self._place_of(ctx, token, match)
                if place is not None:
                    if not targets and code.startswith(PLACE_TARGET_CODES):
                        # "declared martial law in Haiti", "reimposed blockades in the West Bank".
                        targets, target_how = [place], "place"
                    elif code.startswith(TERRITORY_TAKEN) and all(t.kind != "entry" for t in targets):
                        # Land taken is taken from its state, not from "the village".
                        targets, target_how = [place], "place"
                    targets = _placed(targets, place.key)
                    if code[:2] in LOCAL_FORCE_ROOTS:
                        # Arrests and curfews are the local authorities' ("police arrested protesters in Moscow").
                        sources = _placed(sources, place.key)
            if code[:2] in AID_ROOTS and targets and (place := self._place_of(ctx, token, match)) is not None:
                # "Sent aid to civilians in Syria": the people helped are those of where it went.
                targets = _placed(targets, place.key, sectors=AIDED_SECTORS)
            if sources and not targets and (place := self._located_thing(ctx, token, match, sources)):
                targets, target_how = [place], "place"
            pairs: list[tuple[ActorRef, ActorRef, str, str]] = []
            if len(sources) > 1 and lemma(token) in EXCHANGE_VERBS and not any(t.kind == "entry" for t in targets):
                # "Russia and Ukraine swapped 390 prisoners": each gave to the other.
                pairs = [(s, t, source_how, "reciprocal") for s, t in _sides(sources)]
            elif len(sources) > 1 and targets and all(t.kind == "unresolved" and t.sector == "MIL" for t in targets):
                # "India and China agreed to disengage troops": each side's own troops, facing
                # the other.
                pairs = [(s, t, source_how, "reciprocal") for s, t in _sides(sources)]
            elif sources and targets:
                pairs = [(s, t, source_how, target_how) for s in sources for t in targets]
                if target_how == "p:with" and (
                    (match.rule.pos == "NOUN" and match.rule.code in self.cues.symmetric_codes)
                    or lemma(token) in EXCHANGE_VERBS
                ):
                    # "a phone call with Zelensky", "talks with Iran", "exchanged barbs with the
                    # US": both sides take part.
                    pairs += [(t, s, "counterpart", "reciprocal") for s in sources for t in targets]
            elif (
                (
                    match.rule.code in self.cues.symmetric_codes
                    # "Biden and Albanese urged to fight repression": they fight it, not each other.
                    or (lemma(token) in self.cues.mutual_verbs and self._no_other_foe(ctx, match))
                )
                and len(sources) > 1
                and not targets
                and not _party_theme(ctx, match)
            ):
                # "Putin and Erdogan met", "US, Chinese diplomats discuss relations": each with the other.
                pairs = [(s, t, source_how, "reciprocal") for s, t in _sides(sources)]
            elif (
                target_how == "p:between"
                and not sources
                and len(targets) > 1
                # Talks or clashes between two sides are theirs; not a mediation between them.
                and (match.rule.code in self.cues.symmetric_codes or match.rule.code[:2] in BETWEEN_ROOTS)
            ):
                pairs = [(s, t, "reciprocal", "reciprocal") for s, t in _sides(targets)]
            # Placed only when there is an event to place (this runs for every trigger).
            where = self._event_place(ctx, token, match) if pairs else None
            for source, target, s_how, t_how in pairs:
                if t_how == "comp" and not _same(source, target) and any(_same(s, target) for s in sources):
                    # "Russia and China said they would ...": each speaks of both, not of the other.
                    continue
                # A statement about oneself may be a claim of responsibility ("Hamas said it fired
                # rockets"): the event stage decides, and drops it otherwise.
                if not _same(source, target) or match.rule.code in CLAIM_CODES:
                    ctx.candidates.append(Candidate(match, source, target, s_how, t_how, where))
        # "Chavez ordered the expulsion of the US ambassador": the light verb's plain row gives
        # way to the act it hosts, when that act has parties of its own.
        hosted = {c.trigger.token for c in ctx.candidates if c.trigger.rule.pos == "NOUN" and c.source_how == "host"}
        ctx.candidates[:] = [
            c
            for c in ctx.candidates
            if not (
                c.trigger.rule.pos == "VERB"
                and not c.trigger.rule.requires
                and c.trigger.theme in hosted
                and self._light(ctx.doc[c.trigger.token])
            )
        ]

    def _asked_parties(self, ctx: DocContext, token: Token, sources: list[ActorRef]) -> tuple[list[ActorRef], str]:
        """Whom an appeal for an act addresses: the parties of the act asked for.

        "Macron called for talks *with Putin*", "the UN urged talks *between Israel and
        Hamas*", "called for a *Russian* withdrawal". The appeal's own source is no party
        to it; nor is anyone of an act that is not cooperation ("called for an inquiry").
        """
        matches = _noun_acts(ctx)
        asked = [c for c in token.children if c.dep_ == "dobj" and c.i in matches]
        asked += [o for o in prep_objects(token, "for") if o.i in matches]
        for act in asked:
            match = matches[act.i]
            root = match.rule.code[:2]
            doers, _ = self._sources(ctx, act, match)
            others, how = self._targets(ctx, act, match)
            if root in ASKED_ALL_PARTIES:
                parties = doers + others
            elif root in ASKED_DOERS:
                parties = doers or (others if how == "p:between" else [])
            else:
                continue
            parties = [p for p in parties if not any(_same(p, s) for s in sources)]
            if parties:
                return parties, "asked"
        return [], "none"

    def _located_thing(
        self, ctx: DocContext, token: Token, match: TriggerMatch, sources: list[ActorRef]
    ) -> ActorRef | None:
        """The state of the thing an act with no named party is done to.

        "Lifted a curfew in Kosovo", "opened an embassy in Tehran": an act on a thing located
        in one state is an act on that state. An attack is so only in another state than its
        doers', by no civilian vehicle, and not a fight: "Ukraine's drones struck an oil depot
        in Russia's Bryansk region"; not a ship running aground, a raid in Kabul by US and
        Afghan forces together, or "urged to fight repression in Cambodia".
        """
        root = match.rule.code[:2]
        thing = ctx.doc[match.theme] if match.theme is not None else None
        if root in LOCATED_ATTACK_ROOTS and (thing is None or lemma(thing) in self.cues.weapon_nouns):
            # "Fired (shells) at *targets* in Hebron": what was aimed at, not what was fired.
            aimed = [
                o for prep in AIMED_PREPS for o in prep_objects(token, prep) if o.ent_type_ not in TIME_ENTITIES
            ] if token.pos_ == "VERB" else []  # fmt: skip
            thing = aimed[0] if len(aimed) == 1 else thing
        if thing is None or thing.i in ctx.refs:
            return None
        if root in LOCATED_OBJECT_ROOTS:
            return self._one_state(ctx, (thing,), LOCATION_PREPS)
        if (
            root not in LOCATED_ATTACK_ROOTS
            or lemma(token) in self.cues.mutual_verbs
            or any(s.sector in CIVIL_SECTORS for s in sources)
        ):
            return None
        place = self._one_state(ctx, (token, thing), ATTACK_PLACE_PREPS)
        if place is None:
            return None
        # Insurgents striking what their own state runs strike that state ("Afghan rebels blew
        # up power lines in Kabul"); others in their own state strike nobody named.
        if any(place.key in {s.key, s.country} and s.sector not in INSURGENT_SECTORS for s in sources):
            return None
        return place

    @staticmethod
    def _reacted_to(ctx: DocContext, match: TriggerMatch, sources: list[ActorRef]) -> ActorRef | None:
        """Who did "the move" a reaction is to: the doer of the last fitting act told before it,
        in its sentence or the one before (two for force and sanctions: "The US imposed sanctions
        on Chinese firms. Beijing condemned *the move*"), other than the one reacting."""
        if match.theme is None or match.theme in ctx.refs:
            return None
        act = ctx.doc[match.theme]
        kind = REACTED_ACTS.get(lemma(act))
        determined = any(fold(c.text) in {"the", "this", "that", "these", "those"} for c in children(act, {"det"}))
        # "Russia accused Ukraine of shelling the plant, *a charge* the ministry rejected": the
        # noun sums up the clause it is set beside.
        # The parser may hang it on the clause's last noun ("... of arming militias, a charge").
        summing = act.dep_ in {"npadvmod", "appos"} and act.left_edge.i > 0 and act.doc[act.left_edge.i - 1].text == ","
        if kind is None or not (determined or summing):
            return None
        if children(act, {"poss", "compound", "amod"}) or prep_objects(act, "of") or prep_objects(act, "by"):
            return None  # "the US move", "Russia's decision": said whose
        for earlier in reversed(ctx.candidates):
            if earlier.trigger.sentence < match.sentence - kind.reach:
                break
            doer = earlier.source
            # One's own acts are not what one reacts to: "Israel accused Turkey of backing Hamas.
            # Ankara rejected the charge" (Israel's charge, not Turkey's backing).
            if (
                earlier.trigger.token < match.token
                and doer.kind in {"entry", "group"}
                and not any(_same(doer, s) for s in sources)
                and (not kind.roots or earlier.trigger.rule.code[:2] in kind.roots)
            ):
                return replace(doer, via="anaphora")
        return None

    @staticmethod
    def _no_other_foe(ctx: DocContext, match: TriggerMatch) -> bool:
        """Whether a fight's object is nothing or the fight itself ("fought a battle"),
        not something fought against ("urged to fight repression")."""
        if match.theme is None:
            return True
        return any(m.token == match.theme and m.rule.code[:2] in CAUSE_ROOTS for m in ctx.triggers)

    def _at_home(
        self,
        ctx: DocContext,
        token: Token,
        match: TriggerMatch,
        sources: list[ActorRef],
        targets: list[ActorRef],
        target_how: str,
    ) -> tuple[list[ActorRef], list[ActorRef], str]:
        """Sources and targets of a protest: with no one named on the receiving end, the state
        it happens in, else the protesters' own; countryless protesters belong to that place,
        and people of a state with no sector of their own are its dissidents."""
        obj = ctx.doc[match.theme] if match.theme is not None else None
        if sources and not targets:
            # "in Kirkuk", "outside parliament in Ankara", "in the northern city of Kirkuk".
            hosts = (token, obj, *(o for prep in LOCATION_PREPS for o in prep_objects(token, prep)))
            place = self._one_state(ctx, hosts, (*LOCATION_PREPS, "of", "outside"))
            if place is not None:
                targets, target_how = [place], "place"
                sources = _placed(sources, place.key)
            elif home := self._home(sources):
                targets, target_how = [home], "place"
        elif target_how in {"p:in", "p:outside"} and len(targets) == 1 and self._is_state(targets[0]):
            # "Protesters rallied in Tbilisi": the protesters are Georgian.
            sources = _placed(sources, targets[0].key)
        elif targets:
            # "Students rallied in Seoul to denounce US policy": Korean students. With no place
            # named, people protesting against a state's own leaders are of that state.
            place = self._one_state(ctx, (token, obj), LOCATION_PREPS)
            leaders = len(targets) == 1 and (targets[0].person or targets[0].sector == "GOV")
            home = place.key if place is not None else self._state_of(targets[0]) if leaders else None
            if home is not None:
                sources = _placed(sources, home)
        # "Iraqi Kurds protested in Kirkuk": IRQ-OPP, not Iraq protesting against itself.
        sources = [
            replace(r, sector="OPP") if (r.kind == "group" or r.via == "ethnic") and not r.sector else r
            for r in sources
        ]
        return sources, targets, target_how

    def _mourned(self, ctx: DocContext, token: Token, match: TriggerMatch) -> ActorRef | None:
        """Whom condolences go to when no one is named: the state where what is mourned
        happened ("expressed sorrow for the shootings *in South Carolina*")."""
        obj = ctx.doc[match.theme] if match.theme is not None else None
        mourned = [o for h in (token, obj) if h is not None for p in MOURNED_PREPS for o in prep_objects(h, p)]
        return self._one_state(ctx, mourned, LOCATION_PREPS)

    def _claimed(self, ctx: DocContext, token: Token) -> tuple[list[ActorRef], str]:
        """Whom a claimed attack was aimed at: "claimed responsibility for the attack *on the
        US embassy*", or the state it happened in ("... for an attack on a hotel *in Mogadishu*")."""
        claimed = prep_objects(token, "for") + [o for d in children(token, {"dobj"}) for o in prep_objects(d, "for")]
        for act in ctx.triggers:
            act_token = ctx.doc[act.token]
            if act.rule.code[:2] not in CAUSE_ROOTS or act_token not in claimed:
                continue
            targets, _ = self._targets(ctx, act_token, act)
            if targets:
                return targets, "act"
            # "an attack *targeting* shoppers at a mall in Nairobi": also the act's own clause.
            hosts = [act_token, *children(act_token, {"acl", "relcl"})]
            places = [o for h in hosts for prep in (*LOCATION_PREPS, "against") for o in prep_objects(h, prep)]
            place = self._one_state(ctx, (*hosts, *places), LOCATION_PREPS)
            if place is not None:
                return [place], "place"
        return [], "none"

    def _is_state(self, ref: ActorRef) -> bool:
        entry = self.gazetteer.get(ref.key) if ref.kind == "entry" and ref.key else None
        return entry is not None and entry.actor.type == "state"

    def _state_of(self, ref: ActorRef) -> str | None:
        """The state an actor belongs to: a state itself, a state's group, a person's country."""
        entry = self.gazetteer.get(ref.key) if ref.key else None
        if entry is None:
            return None
        if entry.actor.type == "state":
            return entry.actor.key
        if entry.actor.type == "person" and entry.actor.country:
            owner = self.gazetteer.get(entry.actor.country)
            return entry.actor.country if owner is not None and owner.actor.type == "state" else None
        return None

    def _home(self, refs: list[ActorRef]) -> ActorRef | None:
        """The one state all of ``refs`` belong to ("Iraqi Kurds", "Serbian students"), or None."""
        homes = set()
        for ref in refs:
            entry = self.gazetteer.get(ref.key) if ref.key else None
            if ref.kind == "group" and entry is not None and entry.actor.type == "state":
                homes.add(ref.key)
            elif ref.kind == "unresolved" and ref.country:
                homes.add(ref.country)
            else:
                return None
        if len(homes) != 1:
            return None
        key = homes.pop()
        return ActorRef("entry", key, key, "located")

    def _place_of(self, ctx: DocContext, token: Token, match: TriggerMatch) -> ActorRef | None:
        """The one state where the act of ``token`` happened, or None.

        The trigger's or its object's "in"/"near"/"at" phrase; also of the act's participle
        clause ("were killed in tank *shelling in Gaza*"), of a "when" clause telling how it
        was done ("killed 23 people when they blew themselves up *in Tel Aviv*"), and of the
        named place the object is ("captured the village *of Soledar in eastern Ukraine*").
        """
        obj = ctx.doc[match.theme] if match.theme is not None else None
        named = prep_objects(obj, "of") if obj is not None else []
        return self._one_state(ctx, (token, obj, *_manner_clauses(token), *named), LOCATION_PREPS)

    def _event_place(self, ctx: DocContext, token: Token, match: TriggerMatch) -> ActorRef | None:
        """Where the act of ``token`` happened: the one state its location phrases name.

        Words are said where their speaker is ("*speaking in Moscow*, Putin criticised ..."),
        not where what they are about happened ("condemned the attack in Gaza"): for verbal
        codes only the trigger's own phrases and clauses count; for acts, also the object's
        ("shelled targets *in Gaza*").
        """
        hosts: list[Token | None] = [token, *_manner_clauses(token)]
        # "Police *in Khartoum* arrested ...", "the US ambassador *in Kyiv* met ...": the doer's
        # whereabouts, when the act's own phrases do not say (a fallback, below).
        doers = children(token, SUBJECT_DEPS) if token.pos_ in {"VERB", "AUX"} else []
        if lookup(match.rule.code).quad_class in MATERIAL_QUADS and match.theme is not None:
            obj = ctx.doc[match.theme]
            hosts += [obj, *prep_objects(obj, "of")]
        place = (
            self._one_state(ctx, hosts, EVENT_PLACE_PREPS)
            or self._trip_place(ctx, token)
            or self._one_state(ctx, doers, EVENT_PLACE_PREPS)
        )
        named_by_people = place is not None and any(
            r.key == place.key and r.text == place.text and r.via in PEOPLE_VIAS
            for refs in ctx.refs.values()
            for r in refs
        )
        if place is not None and place.key and named_by_people and (entry := self.gazetteer.get(place.key)):
            # "in the *Afghan* capital": the place is Afghanistan, not its people's name.
            place = replace(place, text=entry.actor.label)
        return place

    def _trip_place(self, ctx: DocContext, token: Token) -> ActorRef | None:
        """Where a trip that the act of ``token`` is part of went: the place of a "where" clause
        ("flew to Sochi, *where* he met Putin"), or the destination of the one journey (042) that
        the act is the purpose or the sequel of ("visited Sochi *to meet* Putin", "arrived in
        Kyiv *and met* Zelensky")."""
        if token.pos_ == "NOUN" and token.dep_ == "dobj":
            token = token.head  # "held talks": the clause is the host verb's
        if token.dep_ == "relcl" and any(fold(c.text) == "where" for c in children(token, {"advmod"})):
            return self._one_state(ctx, [token.head], ("of",)) or self._state_named(ctx, [token.head])
        head = token.head
        if head.i == token.i or token.dep_ not in {"xcomp", "advcl", "conj"}:
            return None
        if token.dep_ == "advcl" and not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
            return None  # only a purpose ("to meet"), not a time or a reason
        if any(c.dep_ in SUBJECT_DEPS for c in token.children):
            return None  # an act of someone else
        sentence = ctx.sentence_of(token.i)
        journeys = [m for m in ctx.triggers if m.sentence == sentence and m.rule.code == TRIP_CODE]
        if len(journeys) != 1 or journeys[0].token != head.i:
            return None
        return self._one_state(ctx, [head], TRIP_PREPS) or self._state_named(ctx, children(head, {"dobj"}))

    def _state_named(self, ctx: DocContext, tokens: Iterable[Token]) -> ActorRef | None:
        """The one state the ``tokens`` themselves name ("Sochi"), or None."""
        states: list[ActorRef] = []
        for token in tokens:
            for ref in ctx.refs.get(token.i, ()):
                entry = self.gazetteer.get(ref.key) if ref.kind == "entry" and ref.key else None
                if entry is not None and entry.actor.type == "state" and all(s.key != ref.key for s in states):
                    states.append(replace(ref, via="located"))
        return states[0] if len(states) == 1 else None

    def _one_state(self, ctx: DocContext, hosts: Iterable[Token | None], preps: Iterable[str]) -> ActorRef | None:
        """The one state the ``preps`` phrases of ``hosts`` name ("in Gaza", "from Lebanon"), or None."""
        places = [place for host in hosts if host is not None for prep in preps for place in prep_objects(host, prep)]
        return self._state_named(ctx, places)

    # -- slots --------------------------------------------------------------------------------

    def _listed(self, ctx: DocContext, token: Token) -> list[Token]:
        """Names listed with ``token`` by commas alone, as headlines do ("Armenia, Azerbaijan
        to hold talks", "Biden, Xi to meet"): states with states, people with people, each
        a dependent of the other or both of the same word."""
        kind = self._entry_type(ctx, token)
        if kind is None:
            return []
        doc, found = token.doc, []
        current = token
        # Leftwards, by word or by phrase: "Armenia, *Azerbaijan*", "US, *Chinese leaders*".
        while True:
            commas = [i for i in dict.fromkeys((current.i - 1, current.left_edge.i - 1)) if i >= 1]
            others = [doc[i - 1] for i in commas if doc[i].text == ","]
            other = next((o for o in others if self._listed_pair(ctx, current, o, kind)), None)
            if other is None:
                break
            found.append(other)
            current = other
        current = token
        while current.i + 2 < len(doc) and doc[current.i + 1].text == ",":
            other = doc[current.i + 2]
            other = other if other.i in ctx.refs else other.head if other.head.i > other.i else other
            if not self._listed_pair(ctx, current, other, kind):
                break
            found.append(other)
            current = other
        return found

    def _listed_pair(self, ctx: DocContext, current: Token, other: Token, kind: str) -> bool:
        roles = any(r.via == "role" for t in (current, other) for r in ctx.refs.get(t.i, ()))
        if roles and "appos" in {current.dep_, other.dep_}:
            # "The Israeli prime minister, Ariel Sharon": one person named twice.
            return False
        linked = other.head == current or current.head == other or other.head == current.head
        return linked and self._entry_type(ctx, other) == kind

    def _entry_type(self, ctx: DocContext, token: Token) -> str | None:
        """The gazetteer type of the one known actor ``token`` names, or None; a state's
        leaders count as the state ("US, Chinese leaders to meet")."""
        refs = ctx.refs.get(token.i, ())
        if len(refs) != 1 or refs[0].kind not in {"entry", "group"} or not refs[0].key:
            return None
        entry = self.gazetteer.get(refs[0].key)
        if entry is None or (refs[0].kind == "group" and (entry.actor.type != "state" or refs[0].sector != "GOV")):
            return None
        return entry.actor.type

    def _refs(self, ctx: DocContext, tokens: list[Token]) -> list[ActorRef]:
        """Actors of the phrases headed by ``tokens``, of their conjuncts, and of the
        appositions that name an actor-less head ("a key NATO nation, *Turkey*")."""
        found: list[ActorRef] = []
        tokens = [t for token in tokens for t in _repair_date_head(ctx, token)]
        tokens = [_named_apposition(ctx, t) for t in tokens]
        tokens += [a for t in tokens if t.i not in ctx.refs for a in children(t, {"appos"})]
        tokens = [t for t in tokens if not _labels_a_name(ctx, t, tokens)]
        for token in tokens:
            if token.i in self._attributed:
                continue
            start, end = ctx.spans.get(token.i, (token.i, token.i + 1))
            heads = [token, *(t for t in token.doc[start:end] if t is not token)]
            if any(_named(ctx, h) for h in heads):
                # "the militant group Hamas": the name says who, the role noun only what.
                heads = [h for h in heads if not _role_only(ctx, h)]
            for head in heads:
                for conjunct in conjuncts(head) + self._listed(ctx, head):
                    if conjunct is not head and start <= conjunct.i < end:
                        continue
                    for ref in ctx.refs.get(conjunct.i, ()):
                        if ref not in found:
                            found.append(ref)
        return found

    def _slot_refs(self, ctx: DocContext, tokens: list[Token], slot: str) -> list[ActorRef]:
        """:meth:`_refs` of a target slot; a protest aimed at "the release of two aid workers"
        names no one to protest to, so a ``purpose`` takes only actors placed in a country."""
        refs = self._refs(ctx, tokens)
        return [r for r in refs if r.kind != "unresolved" or r.country] if slot == "purpose" else refs

    @staticmethod
    def _name_modifiers(ctx: DocContext, token: Token, persons: bool = False) -> list[Token]:
        """Names modifying or owning ``token``, also one compound down ("an *Islamic State* army base").

        An owning person counts only with ``persons``: "protested *Assad*'s failure" is
        aimed at Assad, but "attacked Pelosi's husband" not at Pelosi ("shelled *Armenia*'s
        positions" is aimed at Armenia).
        """
        found: list[Token] = []
        backers: list[Token] = []
        for mod in children(token, {"amod", "compound", "nmod", "poss"}):
            if mod.i > token.i:
                continue
            if mod.dep_ == "poss" and not persons and any(r.person for r in ctx.refs.get(mod.i, ())):
                continue
            if mod.dep_ == "poss" and persons and mod.tag_ == "PRP$":
                # "expressed *his* displeasure", "voiced *its* concern": the speaker's own.
                continue
            if mod.i in ctx.refs:
                found.append(mod)
            else:
                # "a *US*-brokered deal" parses "US" as a modifier of "brokered".
                named = [c for c in children(mod, {"amod", "compound", "npadvmod"}) if c.i < mod.i and c.i in ctx.refs]
                (backers if lemma(mod) in BACKING_PARTICIPLES else found).extend(named)
        # "the US-backed *SDF* headquarters" are the SDF's; a "US-sponsored resolution" the US's.
        return found or backers

    def _reported(self, ctx: DocContext, verb: Token, owned: bool = True) -> list[Token]:
        """Who a statement is about: the first actor of its reported clause.

        "Lavrov said *Kyiv* was not ready", "Zelensky says *Russian* tactics are
        crazy", "... will never attack *Poland*", "said the plant was shelled by
        *Ukraine*". The clause is searched subject first, then object, agent and
        prepositional objects, then one clause down ("claims the West seeks domination by using
        *Ukraine*"). Only a clause that follows the reporting verb counts, or one
        before a present-tense verb (the headline "..., says X"): a trailing "...,
        officials said" attributes the sentence, it is no statement about its subject.
        """

        def owners(tokens: list[Token]) -> list[Token]:
            if not owned:
                return []
            return [o for t in tokens if t.i not in ctx.refs for o in self._name_modifiers(ctx, t)]

        def search(clause: Token, depth: int) -> list[Token]:
            subjects = children(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            objects = children(clause, {"dobj"})
            stages = [
                subjects + owners(subjects),
                objects + owners(objects),
                agent(clause) + prep_objects(clause, "from"),
                [o for prep in children(clause, {"prep", "agent"}) for o in children(prep, {"pobj"})],
            ]
            for tokens in stages:
                found = [t for t in tokens if t.i in ctx.refs]
                if found:
                    return found
            if depth:
                for inner in children(clause, {"xcomp", "ccomp", "advcl"}):
                    if found := search(inner, depth - 1):
                        return found
                for prep in children(clause, {"prep"}):
                    for inner in children(prep, {"pcomp"}):
                        if found := search(inner, depth - 1):
                            return found
            return []

        for clause in children(verb, {"ccomp"}):
            if clause.i < verb.i and verb.tag_ != "VBZ":
                continue
            if found := search(clause, 1):
                return found
        if verb.tag_ == "VBZ" and (phrase := inverted_subjects(verb)):
            # "Russian tactics 'crazy', says Zelensky": the phrase before the verb is what was said.
            inner = [o for t in phrase for prep in children(t, {"prep"}) for o in children(prep, {"pobj"})]
            found = [t for t in phrase + owners(phrase) + inner if t.i in ctx.refs]
            if found:
                return found
        if lemma(verb) in self.cues.reporting_verbs and not children(verb, {"ccomp"}):
            # "Xi says willing to work with US": a reported predicate without a subject (not
            # "claimed to have captured X", the speaker's own act).
            for clause in children(verb, {"acomp"}):
                if clause.i > verb.i and (found := search(clause, 1)):
                    return found
        return []

    def _aims(self, token: Token, host: Token | None) -> list[Token]:
        """What a protest is aimed at, named by its purpose: "staged a rally *to denounce the
        decision*", "went on hunger strike *in protest of* the government's refusal"."""
        found: list[Token] = []
        holders = [t for t in (token, host) if t is not None]
        if token.dep_ == "dobj":
            # "started a hunger strike yesterday to protest ...": the clause hangs on the verb.
            holders.append(token.head)
        for holder in holders:
            for clause in children(holder, {"advcl", "xcomp"}):
                if clause.i > holder.i and is_infinitival(clause) and lemma(clause) in self.cues.protest_aims:
                    found += children(clause, {"dobj"}) + prep_objects(clause, "against")
            for prep in children(holder, {"prep"}):
                if fold(prep.text) != "in":
                    continue
                for noun in children(prep, {"pobj"}):
                    if lemma(noun) in self.cues.protest_aims:
                        # The "at"/"against" phrase may hang on the noun or on the verb.
                        found += [o for h in (noun, *holders) for p in AIM_PREPS for o in prep_objects(h, p)]
        return found

    def _suffered(self, token: Token) -> tuple[Token, Token] | None:
        """The verb of suffering an event noun is taken by, and the noun it takes: "Israel
        *suffered* rocket attacks", "the convoy *came under* fire", "Kyiv *faced* a *wave* of
        drone strikes"."""
        noun = token
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and fold(noun.head.text) == "of":
            noun = noun.head.head  # "a wave *of* strikes"
        if noun.dep_ == "dobj" and lemma(noun.head) in self.cues.undergo_verbs:
            return noun.head, noun
        if noun.dep_ == "pobj" and fold(noun.head.text) == "under" and lemma(noun.head.head) in {"come", "be"}:
            return noun.head.head, noun
        return None

    def _undergoers(self, token: Token) -> list[Token]:
        """Who suffers an event noun (see :meth:`_suffered`): the subject of that verb."""
        suffered = self._suffered(token)
        return subject(suffered[0])[0] if suffered else []

    def _light(self, verb: Token) -> bool:
        """Whether ``verb`` is a light verb, also when the lemmatiser got it wrong ("staged" -> "stag")."""
        if lemma(verb) in self.cues.light_verbs:
            return True
        word = fold(verb.text)
        stems = {word[:-1], word[:-2], word[:-3], word[:-3] + "e"} if verb.pos_ == "VERB" else set()
        return any(stem in self.cues.light_verbs and word in _inflections(stem) for stem in stems)

    def _host(self, token: Token, code: str = "") -> Token | None:
        """The verb whose subject performs an event noun: light verb or temporal frame.

        The temporal frame ("*Following* a phone call with Zelensky, Erdogan
        said") is trusted for contacts only (roots 03-05): for attacks it too
        often names a bystander.
        """
        head = token.head
        if token.dep_ == "compound" and head.pos_ == "NOUN" and lemma(head) in SCHEME_NOUNS:
            # "launched a bombing *campaign*": the scheme's host performs the act it is of.
            return self._host(head, code)
        if token.dep_ in {"dobj", "nsubjpass"} and self._light(head):
            return head
        if token.dep_ == "dobj" and head.pos_ == "VERB" and self.cues.governors.get(lemma(head)) in PLANNING:
            # "Israel is considering a ground offensive", "Russia is preparing an offensive":
            # whoever plans the act would do it (the governor makes it planned or hypothetical).
            return head
        if token.dep_ == "dobj" and lemma(head) in ANNOUNCING_VERBS and not prep_objects(token, "between"):
            # "Denmark announced a suspension of aid to Egypt": one announces one's own act
            # (not "announced talks between X and Y").
            return head
        if token.dep_ == "nsubj" and lemma(head) in OCCUR_VERBS:
            # "Clashes *erupted* between X and Y": the parties hang on the verb.
            return head
        if token.dep_ == "pobj" and fold(head.text) == "for":
            # "Hamas claimed responsibility for the bombing": the claimant did it. The "for"
            # phrase hangs on "responsibility" or on the verb whose object it is.
            holder = head.head
            verb = holder.head if lemma(holder) == "responsibility" else holder
            claimed = lemma(holder) == "responsibility" or any(
                lemma(o) == "responsibility" for o in children(verb, {"dobj"})
            )
            if claimed and verb.pos_ == "VERB" and lemma(verb) in RESPONSIBILITY_VERBS:
                return verb
        if token.dep_ == "pobj" and fold(head.text) == "of" and lemma(head.head) in ROUND_NOUNS:
            # "held a new round of talks", "launched ten days of war games": the round is the
            # light verb's object.
            holder = head.head
            if holder.dep_ in {"dobj", "nsubjpass"} and self._light(holder.head):
                return holder.head
        if token.dep_ == "pobj" and fold(head.text) == "on" and lemma(head.head) in ON_HOSTS:
            # "workers went on strike", "is on a visit to China".
            return head.head
        if token.dep_ == "pobj" and fold(head.text) == "for" and lemma(head.head) == "responsible":
            # "Sudan's government is responsible for mass killings in Darfur": whoever is.
            adjective = head.head
            if adjective.dep_ == "acomp" and adjective.head.pos_ in {"VERB", "AUX"}:
                return adjective.head
        if (
            token.dep_ == "pobj"
            and fold(head.text) == "in"
            and lemma(head.head) == "die"
            and code[:2] in CAUSE_ROOTS
            and prep_objects(token, "with")
        ):
            # "Indian soldiers died in a clash with Pakistani troops": they fought in it too.
            return head.head
        if token.dep_ == "pobj" and fold(head.text) == "in":
            # "Serb forces engaged in ethnic cleansing"; "the US sent Ukraine $400m in aid".
            if lemma(head.head) in self.cues.engage_verbs:
                return head.head
            if code[:2] == "07":
                # "pledged 2 billion euros in aid": the phrase may hang on the amount, and the
                # amount on "with": "provide Ukraine with $4.5 billion in aid".
                giver = amount_giver(token)
                if giver is not None and lemma(giver) in self.cues.give_verbs:
                    return giver
        if code[:2] not in FRAME_ROOTS:
            return None
        if token.dep_ == "pobj" and head.dep_ == "prep" and fold(head.text) in self.cues.host_preps:
            verb = head.head
            if verb.pos_ in {"VERB", "AUX"}:
                return verb
        return None

    @staticmethod
    def _given_with(token: Token, giver: Token) -> bool:
        """Whether ``token`` is in a "with" phrase of ``giver`` ("provide X *with* aid")."""
        for node in token.ancestors:
            if node.i == giver.i:
                return False
            if node.dep_ == "prep" and fold(node.text) == "with" and node.head.i == giver.i:
                return True
        return False

    def _owners(self, ctx: DocContext, things: list[Token], persons: bool) -> list[Token]:
        """The names that own each thing; its possessor, when it has one ("Finland's NATO bid")."""
        found = []
        acts = _noun_acts(ctx)
        for thing in things:
            names = self._name_modifiers(ctx, thing, persons)
            if thing.i in acts and "poss" in acts[thing.i].rule.target:
                # "protested his detention": whom an act noun is done to does not own it.
                names = [n for n in names if n.dep_ != "poss"]
            found += [n for n in names if n.dep_ == "poss"] or names
        return found

    def _civilian(self, vehicle: Token) -> bool:
        """A passenger plane that crashed is no weapon ("a China Eastern Airlines commuter plane")."""
        marks = self.cues.civilian_marks
        if any(lemma(c) in marks for c in vehicle.subtree if c.i < vehicle.i):
            return True
        return vehicle.dep_ in SUBJECT_DEPS and lemma(vehicle.head) in marks

    def _sources(self, ctx: DocContext, token: Token, match: TriggerMatch) -> tuple[list[ActorRef], str]:
        for slot in match.rule.source:
            if slot == "subj":
                tokens, how = subject(token)
                refs = self._refs(ctx, tokens)
                if not refs:
                    # "A UN *report* accused Israel", "the Pentagon's *strategy* says", "a report
                    # *released by* the UN": a document speaks for whoever owns it.
                    documents = [t for t in tokens if lemma(t) in DOCUMENT_NOUNS]
                    issued = [c for t in documents for c in children(t, {"acl"}) if lemma(c) in ISSUING_VERBS]
                    owners = [
                        o for t in documents for o in self._name_modifiers(ctx, t, persons=True) + prep_objects(t, "by")
                    ] + [o for c in issued for o in agent(c)]
                    # Not where it was released: reports on one state are often released in another.
                    refs, how = self._refs(ctx, owners), "owner"
                if refs:
                    return refs, how or "nsubj"
            elif slot == "subj.mod":
                # "Israeli airstrikes hit Gaza": the owner named on a violent subject acts;
                # not so for "US sanctions target Russian efforts".
                tokens, _ = subject(token)
                violent = {m.token for m in ctx.triggers if m.rule.code[:2] in CAUSE_ROOTS}
                tokens = [
                    t
                    for t in tokens
                    if t.i in violent or (lemma(t) in self.cues.weapon_nouns and not self._civilian(t))
                ]
                refs = self._refs(ctx, [m for t in tokens for m in self._name_modifiers(ctx, t)])
                if refs:
                    return refs, "owner"
            elif slot == "poss":
                refs = self._refs(ctx, children(token, {"poss"}))
                if refs:
                    return refs, "poss"
            elif slot == "mod":
                refs = self._refs(ctx, self._name_modifiers(ctx, token))
                if refs:
                    return refs, "mod"
            elif slot in {"by", "of"} or slot.startswith("p:"):
                prep = slot.removeprefix("p:")
                tokens = prep_objects(token, prep) + (agent(token) if prep == "by" else [])
                if not tokens and slot.startswith("p:") and match.theme is not None:
                    # "received assurances *from* the government": the phrase may hang on the object.
                    tokens = prep_objects(ctx.doc[match.theme], prep)
                if not tokens and slot.startswith("p:") and match.rule.pos == "NOUN":
                    # "the expulsion of Russian diplomats *from Poland*": on the noun's "of" object.
                    tokens = [o for of in prep_objects(token, "of") for o in prep_objects(of, prep)]
                if not tokens and match.rule.pos == "NOUN" and (suffered := self._suffered(token)):
                    # "suffered attacks *from Gaza*", "faced a wave of attacks *by Russia*".
                    tokens = [o for held in suffered for o in prep_objects(held, prep)]
                refs = self._refs(ctx, tokens)
                if refs:
                    return refs, slot
            elif slot == "cause":
                # "were killed in Israeli shelling": the owner of the violent event that caused it.
                causes = [
                    m for m in ctx.triggers
                    if m.rule.code[:2] in CAUSE_ROOTS
                    and any(m.token == t.i for prep in CAUSE_PREPS for t in prep_objects(token, prep))
                ]  # fmt: skip
                owners = [t for m in causes for t in ctx.doc[m.token].children if t.dep_ == "poss"]
                owners += [t for m in causes for t in self._name_modifiers(ctx, ctx.doc[m.token])]
                # "were killed in clashes *with Israeli troops*": the other side of the fight.
                owners += [t for m in causes for t in prep_objects(ctx.doc[m.token], "with")]
                # "killed in Israeli *tank* shelling", parsed with the weapon as the object.
                weapons = [
                    t
                    for prep in CAUSE_PREPS
                    for t in prep_objects(token, prep)
                    if lemma(t) in self.cues.weapon_nouns and not self._civilian(t)
                ]
                owners += [o for t in weapons for o in self._name_modifiers(ctx, t)]
                refs = self._refs(ctx, owners)
                if refs:
                    return refs, "owner"
            elif slot == "head":
                # The person a verbless headline puts somewhere: "*Blinken* in Riyadh".
                # Known people only: a headline is short on the context that places anyone else.
                refs = [r for r in self._refs(ctx, [token.head]) if r.person and r.kind == "entry"]
                if refs:
                    return refs, "head"
            elif slot == "host":
                host = self._host(token, match.rule.code)
                if host is not None:
                    tokens, _ = subject(host)
                    if not tokens and lemma(host) in {*self.cues.engage_verbs, *ON_HOSTS} and is_passive(host):
                        # "Serb forces *were engaged* in ethnic cleansing", "police *were put* on
                        # alert": a state, not a passive.
                        tokens = children(host, PASSIVE_SUBJECT_DEPS)
                    refs = self._refs(ctx, tokens)
                    if refs:
                        return refs, "host"
        return [], "none"

    def _targets(self, ctx: DocContext, token: Token, match: TriggerMatch) -> tuple[list[ActorRef], str]:
        obj = ctx.doc[match.theme] if match.theme is not None else None
        if obj is None and match.rule.pos == "VERB":
            obj = next(iter(children(token, {"dobj", "nsubjpass"})), None)
        host = self._host(token, match.rule.code) if match.rule.pos == "NOUN" else None
        for full_slot in match.rule.target:
            slot, owner = full_slot.removesuffix(".mod"), full_slot.endswith(".mod")
            tokens: list[Token] = []
            if slot == "dobj" and obj is not None and obj.i != token.i:
                tokens = [obj]
                if obj.i not in ctx.refs:
                    # "meet his counterpart Italian President Sergio Mattarella", parsed as two objects.
                    tokens += [c for c in children(token, {"dobj"}) if c.i != obj.i and _named(ctx, c)]
            elif slot == "dobj.poss" and obj is not None:
                tokens = children(obj, {"poss"})
            elif slot == "dobj.rel" and obj is not None:
                # "forgave the debt *Zambia* owes them": the subject of a clause on the object.
                clauses = [c for o in {obj, contents(obj)} for c in children(o, {"relcl"})]
                tokens = [s for c in clauses for s in children(c, {"nsubj"})]
            elif slot == "subj":
                tokens, _ = subject(token)
            elif slot == "iobj":
                # The dative of the trigger, or of the verb hosting an event noun ("sent *Ukraine* $1bn in aid").
                tokens = [
                    c
                    for t in (token, host)
                    if t is not None
                    for c in children(t, {"dative"})
                    if c.pos_ in {"NOUN", "PROPN", "PRON"}
                ]
                if not tokens and host is not None and self._given_with(token, host):
                    # "provide *Ukraine* with $4.5 billion in aid": the object is the receiver.
                    tokens = children(host, {"dobj"})
            elif slot == "comp":
                # Whom one asks to act is the actor named ("wants Kyiv to negotiate"), not the
                # owner of a thing ("does not expect the Ukraine conflict to end").
                tokens = self._reported(ctx, token, owned=match.rule.code[:2] not in APPEAL_ROOTS)
            elif slot == "purpose":
                tokens = self._aims(token, host)
            elif slot == "undergoer":
                tokens = self._undergoers(token)
            elif slot == "poss":
                # "Navalny's arrest": the one it is done to.
                tokens = children(token, {"poss"})
            elif slot == "asked":
                continue  # the parties of the act asked for, once the sources are known
            elif slot == "condition":
                # "will not lift the embargo *until Cuba* undertakes reforms", "unless Russia withdraws":
                # whom the sanctions are kept on.
                # Also on the clause the trigger controls: "threatened to stop talks *if the US* ...".
                clauses = [
                    c for t in (token, *children(token, {"xcomp"})) for c in children(t, {"advcl"})
                    if any(fold(m.text) in CONDITION_MARKS for m in children(c, {"mark"}))
                ]  # fmt: skip
                tokens = [s for c in clauses for s in children(c, {"nsubj", "nsubjpass"})]
            elif slot == "helped":
                # "help Turkey recover": the subject of the bare infinitive helped along.
                tokens = [s for c in children(token, {"ccomp", "xcomp"}) for s in children(c, {"nsubj"})]
            elif slot == "mission":
                # "contributed troops to a peacekeeping force *in Liberia*", "take part in
                # peacekeeping operations *in Afghanistan*": where the mission is.
                missions = [
                    o for t in (token, obj) if t is not None for p in ("to", "in") for o in prep_objects(t, p)
                    if lemma(o) in MISSION_NOUNS
                ]  # fmt: skip
                tokens = [place for m in missions for place in prep_objects(m, "in")]
            elif slot == "pobj":
                # The place a verbless headline names: a proper name ("in *Riyadh*"), not "in a rebuke".
                places = [o for o in children(token, {"pobj"}) if o.pos_ == "PROPN"]
                tokens = [o for o in places if any(r.kind == "entry" for r in ctx.refs.get(o.i, ()))]
            elif slot == "compound":
                # "Blair's *Israel* visit", "Modi's *US* trip": the place named before the noun.
                tokens = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            elif slot == "xobj":
                # "threatened to invade *Iraq*", "threatened to cut off gas to *Moldova*",
                # "threatened to resume attacks in *Israel*".
                for clause in children(token, {"xcomp"}):
                    objects = children(clause, {"dobj"})
                    tokens += objects + [o for t in (clause, *objects) for p in XOBJ_PREPS for o in prep_objects(t, p)]
            elif slot.startswith("p:"):
                prep = slot[2:]
                # Also under an event noun's own "of"/"to" object: "suspension of links *with Libya*".
                inner = [o for p in ("of", "to") for o in prep_objects(token, p)] if match.rule.pos == "NOUN" else []
                # "launched a wave of drones *at Moscow*": the phrase may hang on the container.
                held = container(obj) if obj is not None else None
                # "lifted sanctions *imposed on Eritrea*": the phrase may hang on the object's participle.
                shaped = [c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"] if obj is not None else []
                # Where a thing was sent or handed: the phrase may hang on the end of the object
                # ("sent vehicles and a team of paratroopers *to Lebanon*").
                tail = object_tail(obj) if obj is not None and prep == "to" and match.rule.pos == "VERB" else []
                # "a military aid programme *for Bosnia*": the phrase may hang on the scheme the
                # event noun names the kind of.
                scheme = token.head if token.dep_ == "compound" and lemma(token.head) in SCHEME_NOUNS else None
                for host_token in (token, obj, held, host, scheme, *inner, *shaped, *tail):
                    if host_token is not None:
                        found = prep_objects(host_token, prep)
                        # Through a container: "cyber attacks on a number *of Armenian websites*".
                        tokens += found + [inside for o in found if (inside := contents(o)) is not o]
            persons = match.rule.code[:2] not in CAUSE_ROOTS
            if owner:
                # "struck Russian positions", "an attack on an Islamic State target".
                tokens = self._owners(ctx, tokens, persons)
            refs = self._slot_refs(ctx, tokens, slot)
            if refs:
                return refs, "owner" if owner else slot
            if slot in OWNED_SLOTS or slot.startswith("p:"):
                # A thing named in the slot stands for its owner: "kidnapped 16 *Russian*
                # advisers", "sanctions against gold *from South Africa*", "the *Taliban* faction",
                # "condemned violence *by Iranian forces*".
                things = [t for t in tokens if t.i not in ctx.refs and lemma(t) not in MEMBER_NOUNS]
                if match.rule.code[:2] in CAUSE_ROOTS:
                    # "shot down a German proposal" is no attack on Germany; "hung the
                    # Ukrainian flag" kills no one (people are "hanged").
                    things = [t for t in things if lemma(t) not in PROPOSAL_NOUNS]
                    if lemma(token) == "hang" and fold(token.text) != "hanged":
                        things = []
                inner = self._owners(ctx, things, persons)
                # Not for meetings: "received a letter *from* the Kremlin" is no visit by it.
                preps = ("of",) if match.rule.code[:2] == MEETING_ROOT else ("of", "from", "by")
                # A possessor owns the thing before its "of" phrase does: "condemned *Russia's*
                # annexation of four Ukrainian regions" condemns Russia only.
                owned = [t for t in things if not children(t, {"poss"})]
                acts = _noun_acts(ctx)
                for t in owned:
                    # Whoever did it, not what it was done to: "opposed the listing of Chinese
                    # firms *by the US*".
                    doers = prep_objects(t, "by") if "by" in preps else []
                    if t.i in acts and not prep_objects(t, "by"):
                        # "protested the arrest of its citizens *in Canada*", "the expulsion of its
                        # diplomats *from Poland*": the doer the act's own phrases name.
                        placed, how = self._sources(ctx, t, acts[t.i])
                        if placed and how in PLACED_DOER_SLOTS:
                            return placed, "owner"
                    inner += doers or [o for p in preps for o in prep_objects(t, p)]
                # "attacked 15 positions *belonging to* terrorist groups in Gaza".
                inner += [
                    o for t in owned for acl in children(t, {"acl"}) if lemma(acl) == "belong"
                    for o in prep_objects(acl, "to")
                ]  # fmt: skip
                # "tariffs on goods *from Canada*", parsed with the phrase on the verb.
                after = {t.right_edge.i + 1 for t in things}
                if any(fold(p.text) == "from" and p.i in after for p in children(token, {"prep"})):
                    inner += prep_objects(token, "from")
                refs = self._slot_refs(ctx, inner, slot)
                if refs:
                    return refs, "owner"
        return [], "none"
