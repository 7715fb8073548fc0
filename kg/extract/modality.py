"""Modality: did the event happen, is it planned, hypothetical, or denied?

The trigger and the words governing it are inspected ("will visit", "plans to
visit", "refused to join", "a potential visit", "if they attack", "the meeting
is being prepared", "in the works"). Negation beats hypothesis beats plan
beats report; with no cue the event is ``asserted``. An event in the clause
of a reporting verb ("Israel released the mayor, officials *said*") is
``reported``: the article attributes it to someone's word. An event
controlled by another trigger ("urged Russia to withdraw", "threatened to
attack") did not happen (yet): it is ``hypothetical``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.lexicon import Cues
from kg.extract.syntax import (
    GRANTING_VERBS,
    SUBJECT_DEPS,
    amount_giver,
    children,
    governing_verb,
    is_infinitival,
    is_prepositional_gerund,
    is_pressed,
    is_requested,
    lemma,
)
from kg.extract.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ASSERTED", "REPORTED", "condition_of", "is_refusal", "modality_of", "one_sided"]

ASSERTED = "asserted"
REPORTED = "reported"
_RANK = {"negated": 3, "hypothetical": 2, "planned": 1, REPORTED: 0}
_CONTROLLED_DEPS = frozenset({"xcomp", "acomp", "ccomp"})
#: A conjoined verb with any of these has its own tense or polarity.
_OWN_MARKS = frozenset({"aux", "auxpass", "neg", "nsubjpass"})


def governors(token: Token) -> Iterator[tuple[Token, str]]:
    """``token`` and the words governing it, with how each is reached.

    Yields ``(node, how)`` where ``how`` is ``self``; ``shared`` (the verb a
    conjoined verb without a subject or auxiliary of its own shares them with:
    "will visit Turkey and *meet* Erdogan"); ``frame`` (the verb an
    event noun is subject or object of: "*held* talks", "the meeting *is
    being prepared*"); ``purpose`` (the clause a purpose infinitive depends
    on: "*traveled* to Germany to meet", which shares its modality); or
    ``control`` (a word controlling the clause: "*refused* to join",
    "permission to help"), whose own triggers make the event hypothetical;
    or ``for`` (the verb of an event noun's "for" phrase: "*prepared* for
    the withdrawal"), which counts only as a modal cue; or ``measure`` (the
    verb of the amount an "in" phrase measures: "will *send* $4bn in aid").
    """
    yield token, "self"
    current = token
    if _shares_governor(token):
        # "will visit Turkey and meet Erdogan", "will not dismantle or improve ties": the
        # second verb shares the first one's auxiliaries and what governs it.
        current = token.head
        yield current, "shared"
    if token.pos_ == "NOUN":
        verb = governing_verb(token)
        if verb is None and token.dep_ == "pobj" and token.head.dep_ == "prep":
            # "said Russia was responsible *for the attack*": the adjective's verb frames it
            # (not a time phrase: "during his visit" is no part of what was said or asked).
            adjective = token.head.head
            if adjective.pos_ == "ADJ" and adjective.dep_ == "acomp" and adjective.head.dep_ in _CONTROLLED_DEPS:
                verb = adjective.head
        if verb is None and (giver := _measuring_verb(token)) is not None:
            # "will send $4.5 billion *in aid*": the verb of the amount gives it, with its tense.
            yield giver, "measure"
            current = giver
        elif (
            verb is None and token.dep_ == "pobj" and fold(token.head.text) == "for" and token.head.head.pos_ == "VERB"
        ):
            # "prepared *for* an Israeli withdrawal": only a modal verb's own cue speaks for it.
            yield token.head.head, "for"
            return
        elif verb is None:
            return
        else:
            yield verb, "frame"
            current = verb
            if _shares_governor(verb):
                # "mulling going beyond air strikes and *launching* a ground operation".
                current = verb.head
                yield current, "shared"
    for _ in range(4):
        if current.head.i == current.i:
            return
        if current.dep_ in _CONTROLLED_DEPS or (current.dep_ == "acl" and is_infinitival(current)):
            current = current.head
            yield current, "control"
        elif is_requested(current) or is_pressed(current):
            # "call on US to lift sanctions": what is asked for, not the purpose of asking.
            current = current.head
            yield current, "control"
        elif current.dep_ == "advcl" and is_infinitival(current):
            current = current.head
            yield current, "purpose"
        elif is_prepositional_gerund(current):
            current = current.head.head
            yield current, "gerund"
        else:
            return


def _shares_governor(verb: Token) -> bool:
    """Whether a conjoined verb has no subject or auxiliary of its own, and so shares its
    first verb's (of the same form: "pledged to make a push and *defended* the war" shares
    nothing)."""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ == "conj"
        and verb.head.pos_ in {"VERB", "AUX"}
        and verb.tag_ == verb.head.tag_
        and not any(c.dep_ in SUBJECT_DEPS | _OWN_MARKS for c in verb.children)
    )


def _measuring_verb(noun: Token) -> Token | None:
    """The verb of the amount an "in" phrase measures: "will send $4.5 billion *in aid*",
    "will provide Ukraine with $4.5 billion in aid"."""
    giver = amount_giver(noun)
    if giver is None or giver.pos_ != "VERB":
        return None
    if giver.i == noun.head.head.i:
        # The phrase on the verb itself: only after an object ("sent Ukraine $400m in aid").
        return giver if giver.i < noun.i and children(giver, {"dobj", "dative"}) else None
    return giver


def _phrase(prep: Token) -> str:
    return " ".join(fold(t.text) for t in prep.subtree)


def modality_of(token: Token, cues: Cues, triggers: frozenset[int] = frozenset()) -> str:
    """The modality of the event announced by ``token``.

    Parameters
    ----------
    token : spacy.tokens.Token
        The trigger word.
    cues : Cues
        Cue words (auxiliaries, governing verbs, noun modifiers...).
    triggers : frozenset of int
        Token indices of all triggers in the document, to spot events that
        another trigger controls.

    Returns
    -------
    str
        ``asserted``, ``reported``, ``planned``, ``hypothetical`` or ``negated``.
    """
    found: set[str] = set()
    below = token
    for node, how in governors(token):
        word, clause, below = lemma(node), below, node
        if how == "for":
            if cue := cues.governors.get(word):
                found.add(cue)
            elif word in cues.request_verbs:
                # "called for talks", "pressed for a withdrawal": asked for, not (yet) done.
                found.add("hypothetical")
            continue
        if how == "frame" and word in cues.request_verbs and word not in cues.light_verbs:
            # "urged talks between Israel and Hamas", "demanded a withdrawal" (not "called a meeting").
            found.add("hypothetical")
        if how in {"control", "gerund"} and word in cues.reporting_verbs:
            # A reported clause keeps its own auxiliaries ("said it would free"); the
            # reporting verb's own negation or tense says nothing about the event.
            found.add(REPORTED)
            continue
        if how == "purpose" and word in GRANTING_VERBS and children(node, {"dative", "iobj"}):
            # "gave permission to Russia to help": the recipient may act, or may not.
            found.add("hypothetical")
            break
        cue = cues.governors.get(word) if how not in {"self", "shared"} else None
        if cue == "planned" and clause.dep_ == "ccomp" and any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            # "Obama wants *Putin* to attack": someone else's wish is no plan of the doer's.
            cue = "hypothetical"
        if how == "control" and node.i in triggers and cue is None:
            found.add("hypothetical")
        if cue:
            found.add(cue)
        elif how == "control" and node.pos_ == "NOUN":
            # "permission to help", "a bid to attack": not (yet) done.
            found.add("hypothetical")
        # Auxiliaries and negation speak for the event only on the trigger, its
        # purpose clause, a light verb or a cue verb: "did not hold talks",
        # "will travel to meet"; not "would not oppose talks".
        light = word in cues.light_verbs and not (how == "frame" and _acts_on_other(node, clause))
        # "is *not* ready to meet": the copula of a cue adjective carries its negation.
        transparent = (
            how in {"self", "purpose", "shared", "measure"}
            or light
            or cue is not None
            or _stance_copula(node, clause, cues)
        )
        for child in node.children:
            child_word = lemma(child)
            if child.dep_ == "neg" or (child.dep_ == "det" and fold(child.text) in cues.negations):
                if transparent:
                    found.add("negated")
            elif child.dep_ == "aux" and child_word in cues.aux:
                if transparent:
                    found.add(cues.aux[child_word])
            elif child.dep_ == "mark" and child_word in cues.conditions:
                found.add(cues.conditions[child_word])
            elif child.dep_ == "amod" and node.pos_ == "NOUN" and child_word in cues.noun_mods:
                found.add(cues.noun_mods[child_word])
            elif child.dep_ == "prep" and _phrase(child) in cues.phrases:
                found.add(cues.phrases[_phrase(child)])
            elif child.dep_ in {"advmod", "prep"} and (hedge := cues.hedges.get(fold(child.text))):
                # "Iran *allegedly* supplied drones", "*according to* officials, Russia launched ...".
                found.add(hedge)
    if _headline_infinitive(below):
        found.add("planned")
    if not found:
        return ASSERTED
    return max(found, key=lambda m: _RANK.get(m, 0))


def _stance_copula(node: Token, clause: Token, cues: Cues) -> bool:
    """Whether ``node`` is the "be" of a governing adjective ("is *ready* to", "were *about* to")."""
    return lemma(node) == "be" and clause.dep_ == "acomp" and cues.governors.get(lemma(clause)) == "planned"


def _acts_on_other(verb: Token, noun: Token) -> bool:
    """Whether the event ``noun`` is the subject of ``verb`` acting on something else:
    "the war has not made *the world* safer" says nothing of whether the war happened
    ("the talks did not take place" does)."""
    return noun.dep_ in SUBJECT_DEPS and any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "oprd", "dative"} and lemma(c) != "place" for c in verb.children
    )


def _headline_infinitive(root: Token) -> bool:
    """A sentence whose main verb is a bare ``to`` infinitive: headline future ("Biden, Xi to meet")."""
    if root.dep_ != "ROOT" or root.pos_ != "VERB":
        return False
    auxiliaries = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    return bool(auxiliaries) and all(fold(c.text) == "to" for c in auxiliaries)


def is_refusal(token: Token, cues: Cues) -> bool:
    """Whether a negated event is refused rather than merely said not to have happened.

    A refusal is a governing verb of refusal ("*refused* to meet"), a negated
    future ("*will not* provide support", "*won't* release") or a negated
    readiness ("is *not ready* to meet"); "did not meet" is no refusal.
    """
    future = {word for word, value in cues.aux.items() if value == "planned"}
    below = token
    for node, how in governors(token):
        word, clause, below = lemma(node), below, node
        if how != "self" and word in cues.refusal_verbs:
            return True
        if _stance_copula(node, clause, cues) and any(c.dep_ == "neg" for c in node.children):
            # "is not ready to meet", "were not about to free".
            return True
        if how in {"self", "purpose", "shared"} or word in cues.light_verbs:
            negated = any(c.dep_ == "neg" for c in node.children)
            if negated and any(c.dep_ == "aux" and lemma(c) in future for c in node.children):
                return True
    return False


def one_sided(token: Token, cues: Cues) -> bool:
    """Whether the event at ``token`` is one party's stance, not a fact of both.

    "*ready* to resume talks with Israel", "*refused* to hold talks with Kyiv":
    the subject of the governing word wants or refuses, the other party need
    not; "will hold talks with Kyiv" is a plan of both. So for an event noun a
    stance verb takes as object: "the US *proposed* talks with Iran".
    """
    return any(how in {"control", "frame"} and lemma(node) in cues.one_sided for node, how in governors(token))


def condition_of(token: Token, cues: Cues) -> str | None:
    """The modality a condition puts on ``token`` or the words governing it ("*if* Britain
    refuses to pull out"), or None."""
    for node, _ in governors(token):
        for child in node.children:
            if child.dep_ == "mark" and lemma(child) in cues.conditions:
                return cues.conditions[lemma(child)]
    return None
