"""From candidates to :class:`kg.model.Event`: code, date, modality, actors, confidence.

Actors are fixed at the event's date (else the publication date), so "the
Russian president" in a 2010 event is Medvedev. Precision guards applied here:

- an event needs at least one actor that is resolved or has a country;
- no event between an actor and itself;
- a leader "visiting" their own state, or aid to one's own state, is domestic;
- a visit, a meeting or a verbal event needs both parties identified: resolved,
  placed in a country, or (except for statements) named (no "reporters visited
  Kabul", no "a prosecutor asked a court", but "Trump criticised DeSantis");
- duplicates (same sentence, source, code, target) keep the most confident.

A generic appeal, demand or threat takes the kind of the event it asks for or
threatens: "urged Russia to *withdraw* its troops" is an appeal for
de-escalation (0256), "demanded that Iran *release* the sailors" a demand for
release (1053), "threatened to *invade*" a threat of attack (1384); the act
asked for or threatened is then no event of its own. A refused
cooperative act is a rejection: "refused to meet" 125, "will not release" 1243;
a refused conflict act ("refused to join sanctions") stays ``negated``.
A statement that another party must or should act is a demand or an
appeal: "said Sudan *must* return the helicopter" is 1053.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from kg.cameo import lookup
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.lexicon import Cues, load_lexicon
from kg.extract.linking import CAUSE_ROOTS, CLAIM_CODES, CLAIM_RESPONSIBILITY, Candidate
from kg.extract.mentions import STATE_FORCES
from kg.extract.modality import ASSERTED, REPORTED, condition_of, governors, is_refusal, modality_of, one_sided
from kg.extract.syntax import SUBJECT_DEPS, contents, is_requested, lemma, prep_objects
from kg.extract.text import fold, slug, strip_determiner
from kg.extract.timex import date_of, value_to_date
from kg.model import Actor, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.linking import Candidate
    from kg.extract.mentions import ActorRef
    from kg.extract.pipeline import DocContext

__all__ = ["EventBuilder", "materialize", "refined_request"]

#: How much a reference is trusted, by the way it was made.
VIA_WEIGHT = {
    "name": 1.0,
    "abbrev": 0.95,
    "demonym": 0.9,
    "capital": 0.9,
    "seat": 0.9,
    "role": 0.9,
    "place": 0.8,
    "located": 0.75,
    "ethnic": 0.8,
    "anaphora": 0.8,
    "ner": 0.7,
    "two": 0.6,
    "ambiguous": 0.5,
}
#: How much an argument slot is trusted, by the way it was found.
SLOT_WEIGHT = {
    "nsubj": 1.0,
    "agent": 1.0,
    "poss": 1.0,
    "dobj": 1.0,
    "iobj": 0.95,
    "by": 0.95,
    "of": 0.9,
    "control": 0.9,
    "relcl": 0.85,
    "host": 0.85,
    "dobj.poss": 0.85,
    "owner": 0.75,
    "origin": 0.75,
    "place": 0.75,
    "mod": 0.9,
    "reciprocal": 0.8,
    "counterpart": 0.8,
}
#: Cooperation of an actor with its own state is domestic ("Canadian women arrived in Canada").
DOMESTIC_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
#: Consultations, and verbal cooperation or conflict, need two identified parties.
DIPLOMATIC_ROOTS = frozenset({"04"})
VERBAL_QUADS = frozenset({1, 3})
#: Statements need actors the gazetteer knows or places in a country.
STATEMENT_ROOTS = frozenset({"01"})
#: Statements that may be about one's own state: sympathy ("expressed sorrow for the shootings
#: in South Carolina") and claims of responsibility for an attack there.
OWN_STATE_STATEMENTS = ("015", "018")
#: Statements and appeals: a state's words about its own organs are no event between two actors.
VERBAL_ROOTS = frozenset({"01", "02"})
#: Yielding and military posture (08, 15): a state's own forces are moved, not acted on.
MOVING_ROOTS = frozenset({"08", "15"})
#: Verbs that announce an attack as a threat (138): "vowed to retaliate", "warned it would strike".
DECLARING_VERBS = frozenset({"vow", "pledge", "promise", "swear", "warn"})
THREAT_OF_FORCE = "138"
#: Force used by protesters (damage to property, assault, fighting) is a violent protest (145).
FORCE_PREFIXES = ("171", "18", "19")
VIOLENT_PROTEST = "145"
REPRESSION = "175"
IMPOSE_SANCTIONS = "163"
#: Roots of force, which an aiming verb codes unless sanctions are what aims.
FORCE_CODE_ROOTS = frozenset({"18", "19", "20"})
#: Verbs that say what something is aimed at.
AIMING_VERBS = frozenset({"target", "hit"})
#: Nouns of sanctions: "the sanctions target ...".
SANCTION_NOUNS = frozenset({"sanction", "embargo", "tariff", "measure", "restriction", "ban"})
SUICIDE_BOMBING = "1831"
#: Attacks and fights (18, 19) on words or policies are criticism (111).
VIOLENT_ROOTS = frozenset({"18", "19"})
CRITICIZE = "111"
#: Support (051) from one armed force to another is military cooperation (062); support
#: that is the purpose of giving is aid (070).
ENDORSE = "051"
BACKING_VERBS = frozenset({"support", "back"})
TROOP_NOUNS = frozenset({"troop", "soldier", "force", "army", "unit", "peacekeeper", "marine", "contingent"})
COOPERATE_MILITARILY = "062"
PROVIDE_AID = "070"
#: Travel (042) by peacekeepers is their deployment (074).
TRAVEL = "042"
_PEACEKEEPING = re.compile(r"peace-?keep", re.IGNORECASE)
#: Protection (074) of a policy or a record is a defence in words (052).
PROTECTION = "074"
DEFEND_VERBALLY = "052"
#: Arrests and repression (173, 175) by rebels, militants or criminals are abductions (181).
CAPTURE_PREFIXES = ("173", "175")
IRREGULAR_SECTORS = frozenset({"REB", "UAF", "CRM"})
#: Seizing (171) people, not property, is an arrest (173) or, by irregulars, a kidnapping.
SEIZURE = "171"
ARREST = "173"
ABDUCTION = "181"
#: Protests (14x): a protest's purpose clause ("to protest") is the same protest.
PROTEST_ROOT = "14"


#: What is asked for or threatened, by the CAMEO code of the embedded event (longest
#: prefix wins): the code of the appeal (020), demand (100) or threat (130) to use.
REQUESTED = {
    "020": {
        "04": "026", "045": "028", "046": "026",
        "05": "022",
        "06": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
        "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234",
        "08": "025", "081": "0251", "082": "0252", "083": "024", "0831": "0241", "0832": "0242",
        "0833": "0243", "0834": "0244", "084": "0253", "085": "0254",
        "086": "0255", "087": "0256",
    },
    "130": {
        "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135",
        "166": "136",
        "17": "137", "172": "1312",
        "18": "1383", "19": "138", "190": "1384", "191": "1381", "192": "1382", "195": "1384",
        "20": "1385",
    },
}  # fmt: skip
# A demand mirrors an appeal: 0253 "appeal for release" is 1053 "demand release".
REQUESTED["100"] = {key: "10" + code[2:] for key, code in REQUESTED["020"].items()}
REQUESTED["138"] = {key: code for key, code in REQUESTED["130"].items() if code.startswith("138")}


#: A refused cooperative act is a rejection (CAMEO 12), by the code of the act (longest prefix).
REFUSED = {
    "04": "125", "045": "126", "05": "120", "057": "127",
    "06": "121", "061": "1211", "062": "1212", "07": "121",
    "08": "124", "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}  # fmt: skip


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The value of the longest prefix of ``code`` in ``table`` (CAMEO codes nest by prefix)."""
    for length in (4, 3, 2):
        found = table.get(code[:length])
        if found is not None:
            return found
    return None


def refused(code: str) -> str | None:
    """The rejection code for refusing the act coded ``code``, or None if CAMEO has none.

    >>> refused("042"), refused("0841"), refused("070"), refused("163")
    ('125', '1243', '121', None)
    """
    return _by_prefix(REFUSED, code)


#: Statements and disapprovals that report a material conflict act are accusations (CLAIM_CODES).
MATERIAL_CONFLICT = 4
ACCUSE = "112"
#: Acts one announces rather than claims responsibility for (cutting ties or aid, expelling
#: diplomats): saying one did them is no event of its own.
ANNOUNCED_ROOTS = frozenset({"16"})


#: Verbs whose object is given only later: "offered aid" is an intent to give it (033).
OFFER_VERBS = frozenset({"offer", "pledge", "promise"})


def refined_request(code: str, asked: str) -> str:
    """The appeal, demand or threat code for a request of the event coded ``asked``.

    >>> refined_request("020", "0874"), refined_request("100", "084"), refined_request("130", "190")
    ('0256', '1053', '1384')
    >>> refined_request("020", "190"), refined_request("051", "070")
    ('020', '051')
    """
    table = REQUESTED.get(code)
    return (_by_prefix(table, asked) if table else None) or code


def _asked_for(ctx: DocContext, token: int, codes: dict[int, str]) -> tuple[str, int] | None:
    """The code and trigger of the event a request or a claim is about.

    "urged X *to withdraw*", "asked X *for aid*", "demanded *talks*", "said that Iraq
    *had attacked*". ``codes`` maps trigger tokens to their codes.
    """
    for child in ctx.doc[token].children:
        if child.dep_ in {"xcomp", "ccomp"} or is_requested(child):
            if child.i in codes:
                return codes[child.i], child.i
            # A light verb's event noun: "pressed Israel to *hold talks*".
            for obj in child.children:
                if obj.dep_ == "dobj" and obj.i in codes:
                    return codes[obj.i], obj.i
                if obj.dep_ == "acomp" and lemma(obj) == "responsible":
                    # "said Russia was responsible for *the attack*".
                    for act in prep_objects(obj, "for"):
                        if act.i in codes:
                            return codes[act.i], act.i
        elif child.dep_ == "dobj" and child.i in codes and ctx.doc[token].pos_ == "VERB":
            # An event noun as object: "demanded a meeting", "urged talks".
            return codes[child.i], child.i
        elif child.dep_ == "prep" and child.lower_ == "for":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in codes:
                    return codes[obj.i], obj.i
    return None


#: Modal words that turn a statement about another party into a demand or an appeal:
#: "said Sudan *must* return the helicopter" (1053), "said Iran *should* free the crew" (0253).
OBLIGATION_MODALS = {"must": "100", "have": "100", "need": "100", "should": "020", "ought": "020"}


def _obliged(ctx: DocContext, token: int) -> str | None:
    """The demand (100) or appeal (020) code if ``token`` says another party must or should act.

    The reported clause must have a subject and a modal: "must", "should", "ought to",
    "has to", "needs to" ("Japan needs to enact reforms").
    """
    for clause in ctx.doc[token].children:
        if clause.dep_ != "ccomp" or clause.i < token or not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            continue
        for aux in clause.children:
            if aux.dep_ == "aux" and aux.lower_ in {"must", "should"}:
                return OBLIGATION_MODALS[aux.lower_]
        word = clause.lemma_.lower()
        if word in {"have", "need", "ought"} and any(c.dep_ == "xcomp" for c in clause.children):
            return OBLIGATION_MODALS[word]
    return None


def _obligation_act(ctx: DocContext, token: int, codes: dict[int, str]) -> tuple[str, int] | None:
    """The code and trigger of what a reported clause says someone must do, through
    "has to", "needs to" and "must be ready to" ("... must be ready to *mediate*")."""
    frontier = [c for c in ctx.doc[token].children if c.dep_ == "ccomp"]
    while frontier:
        node = frontier.pop(0)
        if node.i in codes:
            return codes[node.i], node.i
        frontier.extend(c for c in node.children if c.dep_ in {"xcomp", "acomp", "dobj"})
    return None


def _peacekeeping(token: Token, source: ActorRef) -> bool:
    """Whether the travellers of ``token`` keep the peace: by name, or by the purpose of the trip."""
    purposes = [c for c in token.children if c.dep_ in {"advcl", "xcomp"}]
    return bool(_PEACEKEEPING.search(source.text)) or any(
        _PEACEKEEPING.search(t.text) for clause in purposes for t in clause.subtree
    )


def _given_for(token: Token, give_verbs: frozenset[str]) -> bool:
    """Whether ``token`` is the purpose of giving something: "provided $2 billion *to support* ..."."""
    head = token.head
    return (
        token.dep_ in {"advcl", "xcomp", "relcl", "acl"}
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
        and lemma(head) in give_verbs
        # "sent troops into Afghanistan to support a regime" is no aid.
        and not any(lemma(o) in TROOP_NOUNS for o in head.children if o.dep_ == "dobj")
    )


def _declared(token: Token) -> bool:
    """Whether the act at ``token`` is announced by a verb of vowing or warning ("vowed to strike")."""
    return any(how == "control" and lemma(node) in DECLARING_VERBS for node, how in governors(token))


def _purpose_of_protest(ctx: DocContext, event: Event, protests: set[int]) -> bool:
    """Whether ``event`` is the purpose of another protest ("a hunger strike *to protest*",
    "a hunger strike *in protest* at ...")."""
    token = ctx.doc[event.extra["token"]]
    if token.dep_ in {"advcl", "xcomp"}:
        anchor = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "in":
        anchor = token.head.head
    else:
        return False
    return any(t != token.i and (t == anchor.i or ctx.doc[t].head == anchor) for t in protests)


def _toll_of(ctx: DocContext, event: Event, violent: set[tuple[int, str]]) -> bool:
    """Whether ``event`` is the toll of another attack by the same source ("..., *killing* 20")."""
    token = ctx.doc[event.extra["token"]]
    if event.cameo[:2] not in CAUSE_ROOTS or event.target.country is not None or event.target.resolved:
        return False
    if token.dep_ not in {"advcl", "conj"} or token.tag_ != "VBG":
        return False
    return (token.head.i, event.source.key) in violent


#: Organs of a state that, unnamed, act where the article is filed from: "KABUL (Reuters) -
#: Police arrested ...", "MILAN (Reuters) - A court sentenced ...". Not officials or the
#: government, often another state's in a story filed from a neighbour (a Cairo dateline on
#: news of Sudan's war), nor troops.
HOME_SECTORS = frozenset({"COP", "JUD"})
POLICE = "COP"
#: Sectors of a state's own organs, which the police answer to rather than act on.
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _located(ref: ActorRef, state: str) -> ActorRef:
    """``ref`` as the group of its sector in ``state`` ("police" in Kabul: Afghanistan's police)."""
    return replace(ref, kind="group", key=state, country=state, via="located")


def _at_home(ref: ActorRef, home: str | None) -> ActorRef:
    """``ref``, placed in the dateline's state ``home`` if it is an unnamed, unplaced organ of
    a state of :data:`HOME_SECTORS` ("police", "a court")."""
    if home is None or ref.kind != "unresolved" or ref.via != "role" or ref.country or ref.person:
        return ref
    return _located(ref, home) if ref.sector in HOME_SECTORS else ref


def materialize(ref: ActorRef, on: dt.date, gazetteer: Gazetteer) -> Actor:
    """The :class:`Actor` a reference denotes on day ``on``."""
    if ref.kind == "entry" and ref.key:
        return gazetteer.actor(ref.key, on)
    if ref.kind == "group" and ref.key:
        return gazetteer.group(ref.key, ref.sector, on)
    label = strip_determiner(ref.text)
    return Actor(f"x-{slug(label)}", label, "group", ref.country, ref.sector, None, False, ref.affiliation)


#: Visiting and hosting, which happen in the state visited or hosting.
VISIT, HOST = "042", "043"
#: Military postures and their police counterparts: alert (152 -> 151), mobilisation (154 -> 153).
POLICE_POSTURES = {"152": "151", "154": "153"}
NON_MILITARY_BOMBING = "183"
AERIAL_ATTACK = "195"
STATE_FORCE_SECTORS = frozenset({"GOV", "MIL"})


def _state_force(actor: Actor) -> bool:
    """Whether ``actor`` is a state, its government or military, or an intergovernmental body."""
    if actor.type == "state" or actor.sector in STATE_FORCE_SECTORS:
        return True
    return actor.type == "organization" and actor.country is None and not actor.key.startswith("NSA-")


def _repressive(actor: Actor) -> bool:
    """Whether ``actor`` is a state or one of its forces, police included: their force
    against protesters is repression."""
    return actor.type == "state" or (actor.country is not None and actor.sector in STATE_FORCES)


def _own_organ(source: Actor, source_ref: ActorRef, target: Actor) -> bool:
    """Whether ``source`` is a state named as a whole and ``target`` its own government or forces.

    "The Kremlin said Putin signed", "North Korea said its diplomats met": a state
    speaking of itself. Not "Israelis accused Sharon" (a people is not its state),
    nor "Zelensky said Ukraine was moving carefully" (a leader speaking for the state).
    """
    return (
        source.type == "state"
        and source_ref.via != "demonym"
        and target.country == source.key
        and target.sector in STATE_FORCE_SECTORS
    )


def _people(ref: ActorRef, actor: Actor) -> bool:
    """Whether an argument names people ("two Americans", "a woman"), not a state or a thing."""
    if actor.type == "person" or (ref.via == "demonym" and actor.type == "state"):
        return True
    # Groups of people by their sector; not companies ("a British oil tanker").
    return actor.type == "group" and actor.sector is not None and actor.sector != "BUS"


def _own_forces(source: Actor, target: Actor) -> bool:
    """Whether ``target`` is the forces of the state a person or civil body ``source`` serves:
    "the minister plans to cut his country's forces"."""
    return (
        source.type != "state"
        and source.sector != "MIL"
        and source.country is not None
        and target.country == source.country
        and target.sector == "MIL"
    )


def _place(cand: Candidate, act: str, source: Actor, target: Actor) -> Place | None:
    """Where the event happened: the place its sentence names for it; else, for a visit, the
    state visited ("visited *Sochi*"), and for hosting, the host state."""
    if cand.place is not None and cand.place.key:
        return Place(strip_determiner(cand.place.text), cand.place.key)
    if act.startswith(VISIT) and target.type == "state":
        return Place(strip_determiner(cand.target.text), target.key)
    if act.startswith(HOST) and source.type == "state":
        return Place(strip_determiner(cand.source.text), source.key)
    return None


def _own_body(source: Actor, source_ref: ActorRef, target: Actor, target_ref: ActorRef) -> bool:
    """Whether one side is an unnamed body ("a delegation", "the cabinet") of the other's country
    and sector: "a delegation led by Abbas" is Abbas's own, no event between two parties."""
    return (
        "group" in {source_ref.kind, target_ref.kind}
        and source.country is not None
        and (source.country, source.sector) == (target.country, target.sector)
    )


def _suicide_bomber(ref: ActorRef) -> bool:
    """Whether ``ref`` names suicide bombers or attackers ("two Palestinian suicide bombers")."""
    words = fold(ref.text).split()
    return "suicide" in words and any(w.startswith(("bomber", "attacker")) for w in words)


def _anchored(actor: Actor) -> bool:
    return actor.resolved or actor.country is not None


def _identified(actor: Actor, ref: ActorRef, code: str) -> bool:
    """Anchored, or at least named ("DeSantis", "Wagner"), unlike "reporters" or "a prosecutor".

    A bare name does not do for statements: "..., Reuters reports" attributes, it states nothing.
    """
    return _anchored(actor) or (ref.via == "ner" and code[:2] not in STATEMENT_ROOTS)


def _about_sanctions(verb: Token) -> bool:
    """Whether an aiming verb says what sanctions aim at: "the sanctions target banks", "sanctions
    targeting 200 firms", "imposed sanctions, targeting ..."."""
    nouns = [s for s in verb.children if s.dep_ in SUBJECT_DEPS]
    if verb.dep_ == "acl":
        nouns.append(verb.head)
    elif verb.dep_ in {"advcl", "conj", "xcomp"}:
        governor = verb.head
        nouns += [c for c in governor.children if c.dep_ in {"dobj", "nsubjpass"}]
        nouns += [o for prep in ("on", "to") for o in prep_objects(governor, prep)]
    return any(lemma(contents(n)) in SANCTION_NOUNS for n in nouns)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - len(chunk) + len(chunk.rstrip())


class EventBuilder:
    """Stage: turn candidates into events."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("candidates", "times", "sentences")
    provides: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, gazetteer: Gazetteer | None = None, cues: Cues | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.cues = cues or load_lexicon().cues

    def __call__(self, ctx: DocContext) -> None:
        triggers = frozenset(m.token for m in ctx.triggers)
        # The first rule matched on a token speaks for it.
        codes = {m.token: m.rule.code for m in reversed(ctx.triggers)}
        best: dict[tuple[int, str, str, str], Event] = {}
        for cand in ctx.candidates:
            event = self._event(ctx, cand, triggers, codes)
            if event is None:
                continue
            key = (event.start, event.source.key, event.cameo, event.target.key)
            if key not in best or event.confidence > best[key].confidence:
                best[key] = event
        # "urged Russia to withdraw" is an appeal (0256); the withdrawal it asks for did not happen
        # and is no event of its own.
        requested = {e.extra["requested"] for e in best.values() if e.extra.get("requested") is not None}
        undone = {"hypothetical", "planned"}
        kept = [e for e in best.values() if not (e.extra["token"] in requested and e.modality in undone)]
        # "started a hunger strike to protest X": the purpose clause names the same protest.
        protests = {e.extra["token"] for e in kept if e.cameo[:2] == PROTEST_ROOT}
        kept = [e for e in kept if not (e.cameo[:2] == PROTEST_ROOT and _purpose_of_protest(ctx, e, protests))]
        # "shelled Juba, killing 20 people": the killing is the shelling's toll, not a second
        # attack, when its victims belong to no state of their own.
        violent = {(e.extra["token"], e.source.key) for e in kept if e.cameo[:2] in CAUSE_ROOTS}
        kept = [e for e in kept if not _toll_of(ctx, e, violent)]
        ctx.events.extend(sorted(kept, key=lambda e: (e.start, e.extra.get("token", 0))))

    def _rioters(self, ref: ActorRef) -> bool:
        """Whether ``ref`` names people in a protest ("Ukrainian protesters", "a mob")."""
        words = fold(ref.text).split()
        return bool(words) and (words[-1] in self.cues.rioters or words[-1].removesuffix("s") in self.cues.rioters)

    def _armed(self, ctx: DocContext, cand: Candidate) -> bool:
        """Whether the act's object is a weapon ("launched *missiles* at"): more than a riot."""
        theme = cand.trigger.theme
        return theme is not None and lemma(ctx.doc[theme]) in self.cues.weapon_nouns

    def _verbal(self, ctx: DocContext, cand: Candidate) -> bool:
        """Whether a violent verb's object or debate is one of words ("attacked the policy")."""
        return self._aimed_at(ctx, cand, ("in", "during"), self.cues.verbal_objects)

    def _struggle(self, ctx: DocContext, cand: Candidate) -> bool:
        """Whether a violent verb or noun is aimed at a disease or a hardship ("fight COVID-19")."""
        return self._aimed_at(ctx, cand, ("against", "on"), self.cues.struggle_objects)

    @staticmethod
    def _aimed_at(ctx: DocContext, cand: Candidate, preps: tuple[str, ...], words: frozenset[str]) -> bool:
        """Whether the trigger's object, or the object of one of ``preps``, is one of ``words``."""
        token = ctx.doc[cand.trigger.token]
        theme = cand.trigger.theme
        things = [ctx.doc[theme]] if theme is not None else []
        things += [o for prep in preps for o in prep_objects(token, prep)]
        # By lemma, or by the word itself: "COVID-19" may be one token or three.
        return any(lemma(t) in words or fold(t.text) in words for t in things)

    def _sentence_state(self, ctx: DocContext, number: int, other: ActorRef) -> str | None:
        """The one state the sentence ``number`` names (by name, place or owner), if only one.

        The phrase of ``other``, the people the police act on, does not count: a nationality
        is named because it is foreign ("police arrested three *Pakistani* men").
        """
        sent = ctx.sentences[number]
        theirs: set[int] = set()
        if other.kind != "entry" and other.sector not in STATE_ORGANS:
            theirs = {
                t.i
                for i in range(sent.start, sent.end)
                if any((r.text, r.sector) == (other.text, other.sector) for r in ctx.refs.get(i, ()))
                for t in ctx.doc[i].subtree
            }
        states = set()
        for i in range(sent.start, sent.end):
            for ref in ctx.refs.get(i, ()) if i not in theirs else ():
                key = ref.country if ref.kind == "unresolved" else ref.key
                entry = self.gazetteer.get(key) if key else None
                if entry is not None:
                    owner = entry.actor.key if entry.actor.type == "state" else entry.actor.country
                    if owner is None:
                        return None  # an organisation without a state: no telling
                    states.add(owner)
        return states.pop() if len(states) == 1 else None

    def _titled(self, ref: ActorRef, on: dt.date, date: str | None, ctx: DocContext) -> dt.date:
        """The day to resolve ``ref`` on: ``on``, or, in a text with no date at all, a day on
        which the person held the office their title names ("Secretary-General Kofi Annan")."""
        if date or ctx.article.published or ref.kind != "entry" or not ref.key or not ref.office:
            return on
        return self.gazetteer.in_office(ref.key, ref.office) or on

    def _is_accusation(self, ctx: DocContext, code: str, token: int, triggers: frozenset[int]) -> bool:
        """Whether saying that the event ``code`` at ``token`` happened accuses someone.

        "Russia said Ukraine shelled the plant" does; "they said they will attack" is no
        accusation but a plan.
        """
        said = modality_of(ctx.doc[token], self.cues, triggers)
        return lookup(code).quad_class == MATERIAL_CONFLICT and said in {ASSERTED, REPORTED}

    def _event(self, ctx: DocContext, cand: Candidate, triggers: frozenset[int], codes: dict[int, str]) -> Event | None:
        rule = cand.trigger.rule
        token = ctx.doc[cand.trigger.token]
        modality = modality_of(token, self.cues, triggers)
        if modality == ASSERTED and rule.planned_code and lemma(token) in OFFER_VERBS:
            # "Japan offered aid", "pledged tanks to Kyiv": the giving itself is still to come.
            modality = "planned"
        code = rule.planned_code if modality == "planned" and rule.planned_code else rule.code
        if modality == "planned" and code[:2] in CAUSE_ROOTS and _declared(token):
            # "Iran vowed to retaliate against Israel": an announced attack is a threat of force.
            code = THREAT_OF_FORCE
        if cand.source_how == "counterpart" and modality != ASSERTED and one_sided(token, self.cues):
            # "Assad is ready to resume talks with Israel": Israel said nothing of the kind.
            ctx.rejected.append((token.i, "only the other side states the intent"))
            return None
        rejection = refused(code) if modality == "negated" and is_refusal(token, self.cues) else None
        if rejection is not None:
            # "refused to meet", "will not provide support": the refusal happened.
            code, modality = rejection, condition_of(token, self.cues) or ASSERTED
        requested = None
        said: tuple[str, int] | None = None
        if code[:2] in STATEMENT_ROOTS and cand.target_how == "comp" and (demand := _obliged(ctx, token.i)):
            # "Russia said Sudan must return the helicopter": a demand for the act, which did not happen.
            code = demand
            if asked := _asked_for(ctx, token.i, codes) or _obligation_act(ctx, token.i, codes):
                code, requested = refined_request(demand, asked[0]), asked[1]
        elif code in REQUESTED and (asked := _asked_for(ctx, token.i, codes)):
            code, requested = refined_request(code, asked[0]), asked[1]
        elif (
            code in CLAIM_CODES
            and (said := _asked_for(ctx, token.i, codes))
            and self._is_accusation(ctx, *said, triggers)
        ):
            code = ACCUSE
        date = date_of(ctx, token)
        on = value_to_date(date) if date else (ctx.article.published or dt.date.today())
        date_basis = "text" if date else None
        if date is None and ctx.article.published is not None:
            # No time expression: the day the article reports it, said so, so that time windows
            # find the event and users can still tell a stated date from a reported one.
            date, date_basis = ctx.article.published.isoformat(), "published"
        # Unnamed police and courts are the dateline's state's; police, else those of the one
        # state their sentence names ("Syria lifted its emergency law after security forces ...").
        # Courts and lawyers are too often another state's to be placed so; police only.
        sentence = cand.trigger.sentence
        source_home = ctx.home or (
            self._sentence_state(ctx, sentence, cand.target) if cand.source.sector == POLICE else None
        )
        target_home = ctx.home or (
            self._sentence_state(ctx, sentence, cand.source) if cand.target.sector == POLICE else None
        )
        source = materialize(
            _at_home(cand.source, source_home), self._titled(cand.source, on, date, ctx), self.gazetteer
        )
        target = materialize(
            _at_home(cand.target, target_home), self._titled(cand.target, on, date, ctx), self.gazetteer
        )
        if code == ACCUSE and said:
            # Saying one's own act happened claims responsibility (015) towards its target:
            # "The US claimed that they had attacked Iraq", "Zelensky said Ukrainian forces
            # shelled Belgorod"; "Putin says 318,000 Russians mobilized" accuses no one.
            own = source.key == target.key
            ours = not own and source.country is not None and source.country in {target.key, target.country}
            if own or ours:
                # One's own act by its doer's key; one's state's act by the very phrase said to act.
                acts = [c for c in ctx.candidates if c.trigger.token == said[1] and c.source.key == cand.target.key]
                act = next((c for c in acts if own or c.source == cand.target), None)
                if act is not None and said[0][:2] in ANNOUNCED_ROOTS:
                    # "Japan said it had halted aid to Serbia": no claim of responsibility,
                    # an announcement; the act itself is the event.
                    ctx.rejected.append((token.i, "a statement announcing the speaker's own act"))
                    return None
                if act is not None:
                    code, target = CLAIM_RESPONSIBILITY, materialize(act.target, on, self.gazetteer)
                elif ours:
                    code = rule.code
        if code[:2] in CAUSE_ROOTS and _suicide_bomber(cand.source):
            # "Two suicide bombers killed 23 people": a suicide bombing, whatever its verb.
            code = SUICIDE_BOMBING
        if code[:2] in VIOLENT_ROOTS and self._verbal(ctx, cand):
            # "Bolsonaro attacked Brazil's voting system", "clash in a debate": words, not force.
            code = CRITICIZE
        elif code[:2] in CAUSE_ROOTS and self._struggle(ctx, cand):
            # "donated medical supplies to fight COVID-19", "battling wildfires": no party is fought.
            ctx.rejected.append((token.i, "a fight against a disease or a hardship, not a party"))
            return None
        elif code == TRAVEL and source.sector == "MIL" and _peacekeeping(token, cand.source):
            # "Kenyan peacekeepers arrived in Haiti", "British troops arrived in Mali to join the
            # UN peacekeeping mission": troops come to keep the peace, not to visit.
            code = PROTECTION
        elif code == ENDORSE and lemma(token) in BACKING_VERBS:
            if _given_for(token, self.cues.give_verbs):
                # "provided $1.7 billion in humanitarian assistance to support Syrian refugees":
                # the support given is the aid.
                code = PROVIDE_AID
            elif (
                source.sector == target.sector == "MIL"
                and source.country is not None
                and target.country not in {None, source.country}
            ):
                # "forces backed by Russian warplanes", "US forces supported Iraqi troops": the
                # armed forces of two parties fight together.
                code = COOPERATE_MILITARILY
        elif code.startswith(PROTECTION) and (
            self._verbal(ctx, cand) or self._aimed_at(ctx, cand, (), self.cues.defended_acts)
        ):
            # "defended its human-rights record", "defended Brazil's policies", "defended the
            # invasion of Iraq": words, not troops.
            code = DEFEND_VERBALLY
        seized_itself = cand.target_how != "owner" and not cand.target_how.startswith("p:")
        if code.startswith(SEIZURE) and seized_itself and _people(cand.target, target):
            # "Kidnappers seized two Americans", "police seized a journalist": people are
            # taken, not property: an arrest, or a kidnapping (below).
            code = ARREST
        if code.startswith(CAPTURE_PREFIXES) and source.sector in IRREGULAR_SECTORS:
            # "A journalist was seized by militants": no arrest, a kidnapping.
            code = ABDUCTION
        if code.startswith(FORCE_PREFIXES) and self._rioters(cand.source) and not self._armed(ctx, cand):
            # "The embassy was stormed by protesters": a protest turned violent, not an armed attack.
            code = VIOLENT_PROTEST
        if (code[:2] in VIOLENT_ROOTS or code.startswith(REPRESSION)) and self._rioters(cand.target):
            if (
                source.country is None
                and target.country is not None
                and cand.target.via == "located"
                and cand.source.kind == "unresolved"
                and cand.source.via == "role"
                and source.sector in STATE_FORCES
            ):
                # "Police fired tear gas at demonstrators in Nairobi": Kenya's police (placed by
                # where, not by whose: soldiers firing on Palestinian protesters are not Palestine's).
                source = materialize(_located(cand.source, target.country), on, self.gazetteer)
            if _repressive(source):
                # "Police fired on protesters": force against a protest is violent repression, and
                # protesters nobody places are the forces' own people; a foreign army's, those of
                # the state the story is filed from ("ABIDJAN - French soldiers fired ...").
                code = REPRESSION
                if target.country is None and source.country is not None and cand.target.kind == "unresolved":
                    abroad = source.sector == "MIL" and ctx.home is not None and ctx.home != source.country
                    home = ctx.home if abroad else source.country
                    target = materialize(_located(cand.target, home), on, self.gazetteer)
        if code[:2] in FORCE_CODE_ROOTS and lemma(token) in AIMING_VERBS and _about_sanctions(token):
            # "sanctions against Russia, *targeting* 200 companies": the sanctions' aim, no strike.
            code = IMPOSE_SANCTIONS
        if code in POLICE_POSTURES and source.sector == "COP":
            # "Police were on alert": the police's alert, not the army's.
            code = POLICE_POSTURES[code]
        if code == NON_MILITARY_BOMBING and _state_force(source):
            # A bombing by a state's forces is an aerial attack, not unconventional violence.
            code = AERIAL_ATTACK
        if source.key == target.key:
            ctx.rejected.append((token.i, "source and target are the same actor"))
            return None
        if _own_body(source, cand.source, target, cand.target):
            ctx.rejected.append((token.i, "an actor and an unnamed body of its own country and sector"))
            return None
        moving = code[:2] in MOVING_ROOTS or rule.code[:2] in MOVING_ROOTS
        if moving and (_own_organ(source, cand.source, target) or _own_forces(source, target)):
            # "The US could cut its forces in Afghanistan": its forces are what it moves.
            ctx.rejected.append((token.i, "a state's own forces are what it moves, not a party"))
            return None
        if code[:2] in VERBAL_ROOTS and _own_organ(source, cand.source, target):
            ctx.rejected.append((token.i, "a state's statement or appeal about its own government or forces"))
            return None
        if not (_anchored(source) or _anchored(target)):
            ctx.rejected.append((token.i, "neither actor is resolved"))
            return None
        cameo = lookup(code)
        if (code[:2] in DIPLOMATIC_ROOTS or cameo.quad_class in VERBAL_QUADS) and not (
            _identified(source, cand.source, code) and _identified(target, cand.target, code)
        ):
            # "reporters visited Kabul", "a prosecutor asked a court": no identified pair.
            ctx.rejected.append((token.i, "a verbal or meeting event needs two resolved actors"))
            return None
        if rule.code[:2] in DOMESTIC_ROOTS and target.type == "state" and source.country == target.key:
            ctx.rejected.append((token.i, "cooperation of an actor with its own state (domestic)"))
            return None
        if (
            code[:2] in STATEMENT_ROOTS
            and not code.startswith(OWN_STATE_STATEMENTS)
            and source.type == "group"
            and target.type == "state"
            and source.country == target.key
        ):
            # "A Foreign Office spokesman said Islamabad opposes an arms race": an organ speaking
            # of its own state is no event between two parties (the mirror of the guard above).
            # A leader may speak of the state; sympathy and claims of responsibility are events.
            ctx.rejected.append((token.i, "an organ's statement about its own state"))
            return None
        sent = ctx.sentences[cand.trigger.sentence]
        start, end = _sentence_bounds(ctx.article.text, sent.start_char, sent.end_char)
        confidence = (
            rule.strength
            * VIA_WEIGHT.get(cand.source.via, 0.7)
            * VIA_WEIGHT.get(cand.target.via, 0.7)
            * SLOT_WEIGHT.get(cand.source_how, 0.95)
            * SLOT_WEIGHT.get(cand.target_how, 0.95)
        )
        return Event(
            source=source,
            target=target,
            cameo=cameo.code,
            quad_class=cameo.quad_class,
            label=cameo.label,
            sentence=ctx.article.text[start:end],
            start=start,
            end=end,
            date=date,
            date_basis=date_basis,
            modality=modality,
            confidence=round(min(0.99, max(0.05, confidence)), 3),
            goldstein=cameo.goldstein,
            trigger=token.text,
            rule=rule.id,
            place=_place(cand, rule.code, source, target),
            extra={
                "token": token.i,
                "source_how": cand.source_how,
                "target_how": cand.target_how,
                "source_text": cand.source.text,
                "target_text": cand.target.text,
                # Both sides in one country: kept, but flagged for users after international events.
                "domestic": source.country is not None and source.country == target.country,
                "requested": requested,
            },
        )
