"""Dependency-parse helpers (spaCy's English label set: nsubj, dobj, prep, pobj...)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj"})
PREP_DEPS = frozenset({"prep", "dative", "agent"})
#: Clauses whose missing subject is the subject of the clause they hang from.
CONTROL_DEPS = frozenset({"xcomp", "advcl", "conj", "acomp"})
#: A reported clause has its own time; dates do not flow across it.
CLAUSE_BOUNDARY_DEPS = frozenset({"ccomp", "parataxis"})
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})
#: Verbs whose purpose clause is done by their subject even with an object present:
#: "used tear gas to disperse", "visited Turkey to meet Erdogan", "called Zelensky to discuss".
SUBJECT_CONTROL_VERBS = frozenset(
    {"use", "take", "spend", "make", "employ", "need", "visit", "tour", "travel", "fly", "call", "phone", "meet",
     "host", "receive", "attend", "join", "leave", "enter", "cross", "sign", "hold", "deploy", "launch"}
)  # fmt: skip
#: Verbs whose recipient does what a purpose clause names ("gave permission to Russia *to help*").
GRANTING_VERBS = frozenset({"give", "grant", "offer", "provide", "lend", "loan"})
#: Verbs of asking, with the prepositions naming whom they ask (none: their object). The one
#: asked does what the infinitive after them names, however the parser hangs it: "called *on
#: the US* to lift sanctions", "urged *Iran* to free the crew".
REQUEST_ADDRESSEES = {
    "call": ("on", "upon"), "appeal": ("to",),
    "urge": (), "press": (), "ask": (), "implore": (), "beg": (), "encourage": (),
}  # fmt: skip
#: Verbs of saying, which take what is said, not a noun, as their object.
SAYING_VERBS = frozenset({"say", "tell", "add", "report", "state", "note", "write", "quote"})
#: Verbs by which one is pressed to do something: in the passive, the one pressed does it.
PRESSING_VERBS = frozenset({*REQUEST_ADDRESSEES, "pressure", "push", "force", "compel", "persuade", "order", "invite"})
#: Verbs whose subject owns the plan that is their object ("*unveiled* plans to meet"); not so
#: "rejected a proposal to impose sanctions".
PLAN_OWNER_VERBS = frozenset(
    {"unveil", "announce", "present", "outline", "reveal", "make", "have", "take", "adopt", "approve",
     "propose", "submit", "draw", "lay", "put", "launch", "step", "renew", "reiterate", "confirm"}
)  # fmt: skip
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})


#: Nouns that only measure out an event noun in their "of" phrase: "a new round of talks",
#: "ten days of war games", "a wave of strikes".
ROUND_NOUNS = frozenset({"round", "series", "session", "day", "week", "month", "wave"})


def lemma(token: Token) -> str:
    """Folded lemma of ``token``."""
    return fold(token.lemma_ or token.text)


def children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    """Children of ``token`` with a dependency label in ``deps``."""
    return [child for child in token.children if child.dep_ in deps]


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` heads a passive clause (or is a passive participle modifier)."""
    if any(child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ == "auxpass" for child in verb.children):
        return True
    return (verb.tag_ == "VBN" and verb.dep_ == "acl" and not misread_participle(verb)) or bare_passive(verb)


def misread_participle(verb: Token) -> bool:
    """A past tense the parser hung on its subject as a participle modifier.

    "Israeli airstrikes *killed* at least 20 Palestinians, officials said": a participle
    with a direct object is active, and the noun it hangs on (the root, or the subject of
    a trailing "said") is its doer.
    """
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ in {"ROOT", "nsubj"}
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def bare_passive(verb: Token) -> bool:
    """A headline passive without its auxiliary: "100,000 Russian troops *killed* in Ukraine".

    A participle with a counted subject ("100,000 troops", "two Palestinians") but no
    auxiliary and no object: headlines count victims this way, and the parser takes them
    for the doers. (The tagger also calls many a past tense a participle, so the count
    is required: "students protested" is active.)
    """
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "nsubj" and children(c, {"nummod"}) for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children)
    )


#: Verbs that only say an event happened: "clashes *that broke out* between A and B" are
#: clashes between A and B.
OCCURRENCE_VERBS = frozenset({"break", "erupt", "occur", "happen", "flare", "rage", "take"})
#: Prepositions naming the parties of an event, which such a verb may carry for its noun.
PARTY_PREPOSITIONS = frozenset({"between", "among", "with"})


def prep_objects(token: Token, preposition: str) -> list[Token]:
    """Objects of the preposition ``preposition`` attached to ``token``.

    An event noun's parties may hang on a relative clause that only says it happened:
    "clashes that broke out *between* the army and rebels".
    """
    found = _prep_objects(token, preposition)
    if preposition in PARTY_PREPOSITIONS and token.pos_ == "NOUN":
        for clause in token.children:
            if clause.dep_ in {"relcl", "acl"} and lemma(clause) in OCCURRENCE_VERBS:
                found.extend(_prep_objects(clause, preposition))
    return found


def _prep_objects(token: Token, preposition: str) -> list[Token]:
    found = []
    for prep in token.children:
        if prep.dep_ in PREP_DEPS and fold(prep.text) == preposition:
            if preposition == "to" and _up_to(prep):
                continue
            found.extend(child for child in prep.children if child.dep_ in {"pobj", "pcomp"})
            if not any(child.dep_ in {"pobj", "pcomp"} for child in prep.children):
                found.extend(_stranded_object(prep))
        elif prep.dep_ in PREP_DEPS and fold(prep.text) == "out" and preposition in {"from", "of"}:
            # "pulled out of Georgia": "out of" is "from".
            for of in children(prep, PREP_DEPS):
                if fold(of.text) == "of":
                    found.extend(child for child in of.children if child.dep_ in {"pobj", "pcomp"})
    return found


def _up_to(prep: Token) -> bool:
    """Whether ``prep`` is the "to" of a quantity: "sent *up to* 600 marines"."""
    doc = prep.doc
    return prep.i > 0 and fold(doc[prep.i - 1].text) == "up" and prep.i + 1 < len(doc) and doc[prep.i + 1].like_num


def _stranded_object(prep: Token) -> list[Token]:
    """The object the parser took for the subject of a reduced relative clause.

    "granted asylum to *officers* holed up in the embassy", "aid to *refugees* fleeing
    the war": the noun after the preposition heads a participle clause of its own.
    """
    doc = prep.doc
    for word in doc[prep.i + 1 : prep.i + 8]:
        clause = word.head
        participle = clause.tag_ in {"VBN", "VBG"} or (
            clause.tag_ == "VBD" and clause.dep_ in {"advcl", "acl", "relcl"}
        )
        if word.dep_ == "nsubj" and word.left_edge.i == prep.i + 1 and participle and not children(clause, {"aux"}):
            return [word]
    return []


def agent(verb: Token) -> list[Token]:
    """The ``by`` phrase object of a passive verb."""
    found = []
    for child in verb.children:
        if child.dep_ == "agent":
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def misread_verb(token: Token) -> bool:
    """A headline verb the tagger read as a noun: "Macron *hosts* Zelensky in Paris",
    "EU and UN *hand* over supplies to Nigeria".

    A noun never takes a direct object or a subject; a plural noun heading the sentence
    with an object has the names before it as its subject.
    """
    if token.pos_ != "NOUN" or token.tag_ not in {"NNS", "NN"} or not any(c.dep_ == "dobj" for c in token.children):
        return False
    if any(c.dep_ in SUBJECT_DEPS and c.i < token.i for c in token.children):
        # "Ukraine war: Zelensky *denounces* Russian terror": a noun has no subject.
        return True
    return (
        token.tag_ == "NNS"
        and token.dep_ == "ROOT"
        and any(c.dep_ == "compound" and c.i < token.i and c.ent_type_ for c in token.children)
    )


def inverted_subjects(verb: Token) -> list[Token]:
    """The subjects before a verb that also has one after it: in the headline "Russian
    *tactics* 'crazy', says Zelensky" the parser makes the reported phrase a second subject."""
    subjects = children(verb, SUBJECT_DEPS)
    if any(s.i > verb.i for s in subjects):
        return [s for s in subjects if s.i < verb.i]
    return []


#: Prepositions heading adjuncts of time or manner, whose gerund is the subject's act, not the
#: object's: "visited Kyiv *after* meeting Macron" (unlike "accused Kyiv *of* attacking").
ADJUNCT_PREPS = frozenset({"after", "before", "while", "since", "upon", "without", "despite", "besides"})
#: Verbs of accidents: a participle clause of theirs has no doer ("crashed, killing 298").
ACCIDENT_VERBS = frozenset({"crash", "collapse", "sink", "capsize", "derail", "erupt"})


def subject(verb: Token) -> tuple[list[Token], str | None]:
    """The doer of ``verb``: its subject, passive agent, or controlling subject.

    Returns
    -------
    tokens, how : list of Token, str or None
        ``how`` is ``nsubj``, ``agent``, ``relcl`` (antecedent of a relative
        pronoun) or ``control`` (borrowed from a governing clause).
    """
    compounds = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
    if compounds and misread_verb(verb):
        return compounds, "nsubj"
    current, how = verb, "nsubj"
    for _ in range(6):  # clause chains are short; the bound guards odd parses
        by = agent(current)
        if by:
            return by, "agent" if how == "nsubj" else how
        if is_passive(current):
            return [], None
        subjects = children(current, SUBJECT_DEPS)
        if not subjects:
            # "Egypt and Qatar *are* mediating": the parser may hang the subject on the auxiliary.
            subjects = [s for aux in children(current, {"aux", "auxpass"}) for s in children(aux, SUBJECT_DEPS)]
        if inverted_subjects(current):
            # "Russian tactics 'crazy', says *Zelensky*": the speaker follows the verb.
            subjects = [s for s in subjects if s.i > current.i]
        if subjects:
            first = subjects[0]
            if fold(first.text) in RELATIVE_WORDS and current.dep_ == "relcl":
                head = current.head
                if any(fold(c.text) in {"both", "all"} for c in current.children):
                    # "Macron and Scholz, who *both* condemned ...": every one of them.
                    while head.dep_ == "conj":
                        head = head.head
                return [head], "relcl"
            return subjects, how
        if is_prepositional_gerund(current):
            # "accused Kyiv of attacking": the object acts; "is committed to supporting
            # Kyiv": the subject, passive or not, acts.
            governor = current.head.head
            adjunct = fold(current.head.text) in ADJUNCT_PREPS
            # "visited Kyiv *after meeting* Macron": a time or manner adjunct is the subject's.
            controllers = [] if adjunct else children(governor, OBJECT_DEPS)
            controllers = controllers or children(governor, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            if adjunct and governor.dep_ == "relcl" and [fold(c.text) for c in controllers] in (["who"], ["that"]):
                return [governor.head], "control"  # "Macron, who visited Kyiv after meeting Scholz"
            if controllers:
                return controllers, "control"
            current, how = governor, "control"
            continue
        if current.dep_ == "attr" and current.tag_ == "VBG" and lemma(current.head) == "be":
            # "Qatar is mediating ..." parsed as "is" with the participle as its attribute.
            current = current.head
            continue
        if (
            current.dep_ == "acl"
            and (current.tag_ == "VBG" or misread_participle(current))
            and current.head.pos_ in {"NOUN", "PROPN"}
        ):
            # "the Saudi-led coalition *fighting* Houthi rebels": the noun does it.
            return [current.head], "relcl"
        if current.dep_ == "acl" and is_infinitival(current) and current.head.pos_ == "NOUN":
            # "unveiled *plans* to meet", "Russia's *decision* to withdraw": the plan's owner,
            # else the subject of the verb the plan is the object of.
            plan = current.head
            owners = children(plan, {"poss"})
            if owners:
                return owners, "control"
            if plan.dep_ in OBJECT_DEPS and lemma(plan.head) in PLAN_OWNER_VERBS:
                current, how = plan.head, "control"
                continue
            return [], None
        if current.dep_ == "advcl" and is_infinitival(current) and lemma(current.head) in GRANTING_VERBS:
            # "gave permission to Russia to help Israel", "granted Kyiv funds to buy arms":
            # the recipient does what it was given the means to do.
            recipients = children(current.head, {"dative", "iobj"})
            recipients = [o for r in recipients for o in ([r] if r.dep_ == "iobj" else children(r, {"pobj"}))]
            if recipients:
                return recipients, "control"
        if is_requested(current):
            # "China and Russia call on *US* to lift sanctions", parsed as a purpose clause.
            return addressees(current.head), "control"
        if is_pressed(current):
            # "Obama is being pressured by Congress to help Iran": Obama would help, not Congress.
            return children(current.head, PASSIVE_SUBJECT_DEPS), "control"
        if current.dep_ not in CONTROL_DEPS or current.head.i == current.i:
            return [], None
        if current.dep_ == "advcl" and lemma(current.head) in ACCIDENT_VERBS:
            # "The airliner crashed, killing 298 passengers": an accident, with no doer.
            return [], None
        if current.dep_ == "xcomp" and lemma(current.head) not in SUBJECT_CONTROL_VERBS:
            # Object control: in "urged Russia to withdraw", Russia withdraws;
            # in "Obama was pressed to help", Obama helps.
            objects = children(current.head, OBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            if objects:
                return objects, "control"
        current, how = current.head, "control"
    return [], None


def theme(verb: Token) -> Token | None:
    """What ``verb`` acts on: its object, passive subject, or the noun it modifies; through a
    container ("launched a *wave* of drones", "adopted a *package* of sanctions")."""
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            if verb.dep_ == "relcl" and fold(child.text) in RELATIVE_WORDS:
                # "Putin, *whom* the ICC accuses of war crimes": the antecedent.
                return verb.head
            return contents(child)
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECT_DEPS or (child.dep_ == "nsubj" and bare_passive(verb)):
            return child
    for child in verb.children:
        # "kidnapped up to 16 advisers" parses "up" as a particle and the object as "to"'s.
        if child.dep_ == "prt" and child.lower_ == "up" and child.i + 1 < len(verb.doc):
            after = verb.doc[child.i + 1]
            if after.lower_ == "to" and after.head.i in {verb.i, child.i}:
                counted = [o for o in after.children if o.dep_ == "pobj" and children(o, {"nummod"})]
                if counted:
                    return counted[0]
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN" and not children(verb, SUBJECT_DEPS | {"aux"}):
        # "the town *shelled* by Russia", not "the area where workers *have struggled*".
        return verb.head
    if verb.dep_ == "conj" and is_passive(verb) and not children(verb, SUBJECT_DEPS):
        # "X were arrested and released": the coordinated passive shares X.
        shared = children(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        return shared[0] if shared else None
    if (
        verb.dep_ == "relcl"
        and verb.head.pos_ == "NOUN"
        and children(verb, {"nsubj"})
        and not children(verb, {"ccomp", "xcomp", "advmod", "mark"})
        and verb.i > verb.head.i
        # "..., EU policy chief Javier Solana *said*" misread as a relative clause on "chief".
        and lemma(verb) not in SAYING_VERBS
    ):
        # A relative clause with no relative word: "a charge *the ministry rejected*".
        return verb.head
    return None


#: Nouns that hold what a verb really acts on in their "of" phrase or their compound
#: ("a wave of drones", "an aid package").
CONTAINER_NOUNS = frozenset(
    {"wave", "barrage", "salvo", "volley", "swarm", "package", "round", "batch", "raft", "flurry", "spate", "hail"}
    | {"program", "programme"}
    | {"number", "amount", "quantity", "array", "range", "variety"}  # "a large number of weapons"
    # "withdrew some of its troops" (not "parts of Iraq" nor "thousands of civilians": a
    # place or a people is no kind of thing given or withdrawn).
    | {"some", "several", "most", "many", "all"}
    | {"worth", "value"}  # "handed over $4 million worth of medical equipment"
    # shares and sums: "wrote off half *of the debt*", "forgave $2 billion *of its debt*"
    | {"percent", "%", "cent", "half", "third", "quarter", "portion", "share", "bulk"}
    | {"million", "billion", "trillion"}
)


def contents(noun: Token) -> Token:
    """``noun``, or what it contains: "a wave *of drones*", "its 16th package *of sanctions*",
    "an *aid* package"."""
    for _ in range(3):  # containers nest: "a new round of its sanctions package"
        if lemma(noun) not in CONTAINER_NOUNS:
            break
        kinds = prep_objects(noun, "of") or [
            c for c in reversed(list(noun.children)) if c.dep_ == "compound" and c.pos_ == "NOUN"
        ]
        if not kinds:
            break
        noun = kinds[0]
    return noun


#: Nouns whose "of" phrase names what they consist of: "a team *of paratroopers*".
COMPOSED_NOUNS = frozenset(
    {"team", "group", "contingent", "unit", "squad", "battalion", "brigade", "company", "delegation", "convoy"}
    | {"fleet", "shipment", "consignment", "cargo", "load", "supply", "ton", "tonne", "million", "billion"}
)


_MADE_OF = COMPOSED_NOUNS | CONTAINER_NOUNS


def object_tail(noun: Token) -> list[Token]:
    """The nouns that carry on the object phrase of ``noun``: its conjuncts and what groups or
    containers among them consist of ("sent 100 vehicles and a team *of paratroopers* to
    Lebanon", where the parser hangs "to Lebanon" on "paratroopers"), not ``noun`` itself."""
    found: list[Token] = []
    todo = [noun]
    while todo and len(found) < 8:
        current = todo.pop()
        parts = [c for c in current.conjuncts if c.i > current.i]
        if lemma(current) in _MADE_OF:
            parts += prep_objects(current, "of")
        for part in parts:
            if part.pos_ in {"NOUN", "PROPN"} and part not in found:
                found.append(part)
                todo.append(part)
    return found


def container(noun: Token) -> Token | None:
    """The container noun whose contents ``noun`` is ("a *wave* of drones", "an aid *package*"), or None."""
    if noun.dep_ == "pobj" and fold(noun.head.text) == "of" and lemma(noun.head.head) in CONTAINER_NOUNS:
        return noun.head.head
    if noun.dep_ == "compound" and lemma(noun.head) in CONTAINER_NOUNS:
        return noun.head
    return None


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Turkey and Russia")."""
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def modifiers(token: Token) -> list[Token]:
    """Left modifiers of a noun that may name its owner (compound, amod, poss...)."""
    found = []
    bases = []
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS and child.i < token.i:
            found.append(child)
            found.extend(c for c in child.children if c.dep_ in {"compound", "amod"} and c.i < child.i)
            if lemma(child) == "lead":
                # "US-led forces", "the Saudi-led coalition": the leader owns them ("Iran-backed" does not).
                found.extend(c for c in child.children if c.dep_ == "npadvmod" and c.i < child.i)
            elif _placing(child):
                # "Pakistan-based militants", "a Portuguese-flagged ship": where a group is based,
                # or a ship registered, places it, unless another name does ("the London-based
                # Syrian Observatory" is Syrian).
                bases.extend(c for c in child.children if c.dep_ == "npadvmod" and c.i < child.i)
    if any(t.pos_ in {"PROPN", "ADJ"} and not _placing(t) for t in found):
        return found
    return found + bases


def _placing(modifier: Token) -> bool:
    """Whether ``modifier`` is "based" or "flagged", which place what they modify."""
    return fold(modifier.text) in {"based", "flagged"}


def amount_giver(noun: Token) -> Token | None:
    """The word that gives the amount an "in" phrase measures, or None if ``noun`` is in no "in" phrase.

    "pledged 2 billion euros *in aid*": the verb of the amount; "provide Ukraine with $4.5
    billion *in aid*": the verb of the "with" phrase; "sent Ukraine $400m *in aid*", parsed
    with the phrase on the verb: the verb itself. Callers check what the word is.
    """
    if noun.dep_ != "pobj" or fold(noun.head.text) != "in":
        return None
    amount = noun.head.head
    if amount.dep_ == "dobj":
        return amount.head
    if amount.dep_ == "pobj" and fold(amount.head.text) == "with":
        return amount.head.head
    return amount


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is subject or object of ("the meeting is being prepared")."""
    if noun.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    return None


def is_prepositional_gerund(verb: Token) -> bool:
    """Whether ``verb`` is a gerund after a preposition ("accused Kyiv *of attacking*")."""
    return verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.tag_ == "VBG"


def addressees(verb: Token) -> list[Token]:
    """Whom ``verb`` asks to act, if it is a verb of asking: "called *on Iran* to", "urged *Iran* to"."""
    preps = REQUEST_ADDRESSEES.get(lemma(verb))
    if preps is None:
        return []
    if not preps:
        return children(verb, OBJECT_DEPS)
    # Not a day: "called Morrison *on Wednesday* to congratulate him".
    return [o for p in preps for o in prep_objects(verb, p) if o.ent_type_ not in {"DATE", "TIME"}]


def is_requested(clause: Token) -> bool:
    """Whether ``clause`` is an infinitive a request asks its addressee to do, parsed as a
    purpose clause ("call on US *to lift* sanctions"); an ``xcomp`` needs no such test."""
    return clause.dep_ == "advcl" and is_infinitival(clause) and bool(addressees(clause.head))


def is_pressed(clause: Token) -> bool:
    """Whether ``clause`` is an infinitive that the passive subject of its head is pressed to
    do, parsed as a purpose clause ("Obama was pressured by Congress *to help* Iran")."""
    head = clause.head
    return (
        clause.dep_ == "advcl"
        and is_infinitival(clause)
        and lemma(head) in PRESSING_VERBS
        and is_passive(head)
        and bool(children(head, PASSIVE_SUBJECT_DEPS))
    )


def is_infinitival(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive ("to meet")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def is_pluperfect(verb: Token) -> bool:
    """``had`` + past participle: the event lies before the narrative time."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and fold(c.text) in {"had", "'d"} for c in verb.children)


def clause_path(token: Token) -> Iterator[Token]:
    """``token`` and its heads up to the root, stopping at reported or pluperfect clauses."""
    current = token
    for _ in range(40):
        yield current
        if current.head.i == current.i or current.dep_ in CLAUSE_BOUNDARY_DEPS:
            return
        if current.pos_ in {"VERB", "AUX"} and is_pluperfect(current):
            return
        current = current.head
