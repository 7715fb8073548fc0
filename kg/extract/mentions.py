"""Actor mentions: which noun phrases refer to which actors.

Two phrase matchers run over the folded text (``NORM``): gazetteer aliases
(names, demonyms, capitals, seats of power, places) and role nouns ("foreign
minister", "troops"). People derived from the Phoenix dictionary are too many
to give the matcher (tens of thousands of patterns slow its construction by
seconds); they are looked up instead: each PERSON entity and each run of
capitalised proper nouns outside the curated matches, without a leading title
("Prime Minister", "Mr."), is a candidate full name, and a later bare surname
refers to the one derived person of that surname named in full before it in
the article. Each noun-phrase head is then resolved, in document order, to
zero or more :class:`ActorRef`:

- a gazetteer name ("Russian President Vladimir Putin" -> Putin);
- a role with an owner ("the Turkish president", "Russia's foreign minister",
  "Kremlin spokesperson") -> the office holder at that date, else a group
  such as ``RUS-MIL``;
- a pronoun or a bare role ("he", "the president") -> the most salient
  compatible person mentioned before;
- a place noun ("the Russian Black Sea city of Sochi") -> its state;
- "the two nations" -> the two states most recently mentioned before;
- any other named entity -> an unresolved actor that keeps its text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, ClassVar

from kg.extract.gazetteer import Entry, Gazetteer, Role, load_gazetteer
from kg.extract.lexicon import Cues, load_lexicon
from kg.extract.syntax import SUBJECT_DEPS, agent, children, conjuncts, lemma, modifiers, prep_objects, subject
from kg.extract.text import dateline_place, fold, strip_determiner
from kg.extract.timex import date_of, value_to_date

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from kg.extract.pipeline import DocContext

__all__ = ["ActorRef", "MentionResolver"]

#: Entity labels that may denote an actor the gazetteer does not know.
ACTOR_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Entity labels inside which a place name is part of another name ("Washington Post").
NAME_HOST_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LAW"})
HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
STATE_PRONOUNS = frozenset({"its", "their"})
#: The match kind of a region name (cue category ``region``).
REGION = "region"
#: Head nouns that a named organisation before them only labels ("the Hezbollah group").
ORGANISATION_HEADS = frozenset({"group", "movement", "organization", "organisation", "militia", "faction", "network"})
#: Role nouns whose "for" phrase names whom they speak for.
SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
#: A group "led by" or "headed by" someone belongs where its leader does.
LEADING_VERBS = frozenset({"lead", "head"})
#: Subject pronouns that may stand for a state or an organisation in a reported clause.
INSTITUTION_PRONOUNS = frozenset({"it", "they", "we"})
INSTITUTION_OBJECTS = frozenset({"it", "them", "us"})
#: Tokens in these relations are parts of a larger noun phrase, not heads.
MODIFIER_ONLY_DEPS = frozenset({"compound", "amod"})
#: Tokens that join the parts of one name when written without spaces ("al-Maliki", "O'Brien").
NAME_JOINERS = frozenset({"-", "'"})


#: Verbs whose object says where the people doing it come from.
FLEEING_VERBS = frozenset({"flee", "escape"})
#: The sector of political parties; their names are shared across states.
PARTY = "PTY"


@dataclass(frozen=True)
class ActorRef:
    """What a noun phrase refers to, before the event date fixes offices.

    ``kind`` is ``entry`` (a gazetteer key), ``group`` (``key`` is the owning
    state or organisation, ``sector`` the role's sector) or ``unresolved``
    (``text`` is kept; ``country`` and ``sector`` come from modifiers).
    ``via`` records how the reference was made; it feeds the confidence.
    ``affiliation`` is the organisation whose title names an unknown person
    ("Hamas official Osama Hamdan").
    """

    kind: str
    key: str | None
    text: str
    via: str
    sector: str | None = None
    country: str | None = None
    person: bool = False
    office: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    keys: tuple[str, ...] = ()
    kind: str = "name"
    role: Role | None = None


#: Object pronouns, which never stand for the doer of their own clause (reflexives do).
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _clause_doers(pronoun: Token) -> list[Token]:
    """The doer of the verb an object pronoun depends on ("Hu wants to congratulate *him*": Hu)."""
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ in {"prep", "dative"}:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or pronoun.dep_ not in {"dobj", "dative", "pobj", "iobj"}:
        return []
    doers, _ = subject(verb)
    return doers


def _is_subject(token: Token) -> bool:
    """Whether ``token`` is a subject or one of coordinated subjects ("Qatar *and Egypt* met")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def _counted_two(noun: Token) -> bool:
    """Whether ``noun`` is counted as two: "the *two* nations", "*both* leaders"."""
    return any(fold(c.text) in {"two", "both"} for c in noun.children if c.dep_ in {"nummod", "det", "predet"})


def _speaker(pronoun: Token) -> int | None:
    """The token of whoever reports the clause ``pronoun`` is the subject of.

    "Blair, who has said *he* could apologise": the speaker is Blair, even when
    an earlier subject ("Howard said he won't follow Blair, who ...") is nearer in salience.
    """
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.tag_ == "WP" and verb.dep_ == "relcl":
        return verb.head.i
    return subject.i


@dataclass
class _Seen:
    """Mentions made so far in the article (for pronouns and "the two nations")."""

    persons: list[tuple[int, int, ActorRef, frozenset[str], bool]] = field(default_factory=list)
    states: list[tuple[int, int, str]] = field(default_factory=list)
    surnames: dict[str, ActorRef] = field(default_factory=dict)
    organisations: list[str] = field(default_factory=list)


#: "pro-Russian separatists", "anti-American militants": a stance towards a state, not the state.
STANCE_PREFIXES = frozenset({"pro", "anti"})


#: Sectors of a state's forces, and of those who fight or oppose them: a modifier of one
#: conjunct does not reach across ("US troops and insurgents").
STATE_FORCES = frozenset({"GOV", "MIL", "COP", "SPY"})
ARMED_OPPONENTS = frozenset({"REB", "UAF", "OPP", "CRM"})

#: Group nouns for the two parties to a conflict or a negotiation.
SIDE_NOUNS = frozenset({"side", "party"})
#: Nouns by which "the" refers back to an organisation: "the alliance", "the bloc" (an
#: international one); "the group", "the militant group", "the movement" (a national one).
ORGANISATION_ANAPHORS = frozenset({"alliance", "bloc", "organisation", "organization", "agency", "union"})
GROUP_ANAPHORS = frozenset({"group", "movement", "militia", "faction"})
#: Words that describe such a body without naming it: "the militant group", "the Western alliance".
GROUP_DESCRIPTIONS = frozenset(
    {"militant", "armed", "islamist", "jihadist", "rebel", "radical", "military", "western", "defence",
     "defense", "trading", "regional", "economic", "political", "paramilitary", "mercenary", "extremist"}
)  # fmt: skip

#: Head nouns of a description of a state: "the kingdom", "the Gulf state".
STATE_DESCRIPTIONS = frozenset(
    {"state", "nation", "country", "island", "kingdom", "republic", "emirate", "monarchy", "sultanate"}
)
#: Of those, words a state's own name holds ("Kingdom of Saudi Arabia").
TITLED_STATE_WORDS = frozenset({"kingdom", "republic", "emirate", "sultanate"})

#: A state's bodies that "the" refers back to: "the government", "the authorities".
DEFINITE_BODIES = frozenset({"government", "authority", "administration", "cabinet", "regime"})

#: Words that make a title a past one: "former President Bush".
FORMER_WORDS = frozenset({"former", "ex", "late", "then"})

#: A middle initial with its period: "George W. Bush".
MIDDLE_INITIAL = re.compile(r"(?<=\w )([A-Z])\.(?= \w)")

#: Generic heads of organisation names, which another modifier turns into another name.
GENERIC_NAME_HEADS = frozenset(
    {"party", "front", "movement", "council", "union", "league", "alliance"}
    | {"congress", "army", "committee", "assembly"}
)


def _stance_prefixed(doc: Doc, match: _Match) -> bool:
    """Whether a name match is the second half of "pro-X" or "anti-X"."""
    start = match.start
    return start >= 2 and doc[start - 1].text == "-" and fold(doc[start - 2].text) in STANCE_PREFIXES


def _surname(name: str) -> str:
    return re.split(r"[\s\-]+", fold(name).strip())[-1]


def _plural(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _without_possessive(ent: Span) -> Span:
    """An entity without the possessive the recogniser may take in: "*Rishi Sunak's* visit"."""
    return ent[:-1] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent


class MentionResolver:
    """Stage: resolve every noun-phrase head to actor references.

    Parameters
    ----------
    nlp : spacy.language.Language
        Used to tokenise the alias and role tables the same way as articles.
    gazetteer : Gazetteer, optional
        Defaults to :func:`load_gazetteer`.
    cues : Cues, optional
        Defaults to the lexicon's cue words.
    """

    name: ClassVar[str] = "mentions"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "times")
    provides: ClassVar[tuple[str, ...]] = ("refs", "spans", "home")

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None, cues: Cues | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self.gazetteer = gazetteer or load_gazetteer()
        self.cues = cues or load_lexicon().cues
        # Only curated aliases go into the matcher; derived people are looked up (_match_derived).
        self._names: dict[str, list[tuple[str, str, str]]] = {}
        surfaces: dict[str, set[str]] = {}
        for alias, key, kind in self.gazetteer.aliases():
            alias = strip_determiner(alias)
            self._names.setdefault(fold(alias), []).append((key, kind, alias))
            # Tokenise the written form: "U.S." is one token, "u.s." two.
            surfaces.setdefault(fold(alias), set()).add(alias)
            if kind == "name":
                # "George W Bush": news feeds drop the period after a middle initial.
                surfaces[fold(alias)].add(MIDDLE_INITIAL.sub(r"\1", alias))
        # Regions whose names hold a state's ("Latin America", "New Mexico"): matched so that
        # the longer name wins, then dropped (they are no actors).
        for region in self.cues.regions:
            self._names.setdefault(fold(region), []).append(("", REGION, region))
            surfaces.setdefault(fold(region), set()).add(region)
        self._roles: dict[str, Role] = {}
        for phrase, role in self.gazetteer.roles().items():
            self._roles.setdefault(phrase, role)
        for phrase, role in list(self._roles.items()):
            plural = _plural(phrase)
            if plural not in self._roles:
                group = Role(plural, None, role.sector, "group") if role.kind == "person" else role
                self._roles[plural] = group
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for label, forms in surfaces.items():
            self.name_matcher.add(label, [self._pattern(nlp, form) for form in sorted(forms)])
        for label in self._roles:
            self.role_matcher.add(label, [self._pattern(nlp, label)])

    @staticmethod
    def _pattern(nlp: Language, text: str) -> Doc:
        doc = nlp.make_doc(text)
        for token in doc:
            token.norm_ = fold(token.text)
        return doc

    # -- matching -----------------------------------------------------------------------

    def match_names(self, doc: Doc, on: dt.date | None = None) -> dict[int, _Match]:
        """Gazetteer alias matches by token index (longest match wins), then derived people
        and titled surnames (who held the title on ``on``, the publication date)."""
        strings = doc.vocab.strings
        found = []
        for match_id, start, end in self.name_matcher(doc):
            span = doc[start:end]
            infos = [info for info in self._names[strings[match_id]] if self._name_fits(span, *info)]
            if infos:
                found.append(_Match(start, end, tuple(dict.fromkeys(k for k, _, _ in infos)), infos[0][1]))
        names = {i: m for i, m in self._longest(found).items() if m.kind != REGION and not _stance_prefixed(doc, m)}
        names = {i: m for i, m in names.items() if not self._inside_longer_name(doc, m, names)}
        self._match_derived(doc, names, on)
        return names

    def _inside_longer_name(self, doc: Doc, match: _Match, names: dict[int, _Match]) -> bool:
        """Whether an organisation's name is the tail of another proper name: "Japan's *Liberal*
        Democratic Party" is not the US Democratic Party.

        Only names ending in a generic head ("Party", "Front") are so extended; "Shiite
        Hezbollah" is Hezbollah. A state or demonym before the name ("US Democratic Party")
        is a name of its own and leaves the match alone.
        """
        if match.start == 0 or fold(doc[match.end - 1].text) not in GENERIC_NAME_HEADS:
            return False
        entry = self.gazetteer.get(match.keys[0]) if match.keys else None
        if entry is None or entry.actor.type != "organization":
            return False
        before = doc[match.start - 1]
        return (
            before.pos_ == "PROPN"
            and before.text[:1].isupper()
            and before.i not in names
            and match.start <= before.head.i < match.end
        )

    def _match_derived(self, doc: Doc, names: dict[int, _Match], on: dt.date | None = None) -> None:
        """Add derived people to ``names``: full names by look-up, then bare surnames.

        Only spans outside the curated matches are tried, so a curated person
        always wins. A one-word span refers to a person only when exactly one
        person of that surname, curated or derived, was named in full earlier
        in the document: "Duterte said" after "Rodrigo Duterte". A title makes
        a surname enough when one curated person of that name held that office
        on ``on`` ("President Duterte"); an honorific ("Mr.") any office.
        """
        derived = self.gazetteer.has_derived()
        # Curated people named in full, by position: their surnames count from there on.
        curated = sorted(
            {(m.start, _surname(doc[m.start : m.end].text), m.keys) for m in names.values() if self._full_name(doc, m)}
        )
        surnames: dict[str, set[str]] = {}
        for start, end in self._name_candidates(doc, names):
            while curated and curated[0][0] < start:
                _, surname, keys = curated.pop(0)
                surnames.setdefault(surname, set()).update(keys)
            if any(i in names for i in range(start, end)):
                continue
            skip = self.gazetteer.title_length([fold(t.text) for t in doc[start:end]])
            for first in dict.fromkeys((start + skip, start)):
                if first >= end:
                    continue
                text = doc[first:end].text
                if any(ch.isspace() for ch in text):
                    keys = self.gazetteer.derived_keys(text) if derived else ()
                    if len(keys) == 1:
                        surnames.setdefault(_surname(text), set()).update(keys)
                else:
                    # "Barak said" after "Ehud Barak": never a surname without the full name before.
                    keys = tuple(surnames.get(_surname(text), ()))
                    if not keys and first > start:
                        keys = self._titled(doc[start:first], text, on)
                    if len(keys) != 1:
                        keys = ()
                if keys:
                    match = _Match(first, end, keys, "name")
                    for i in range(first, end):
                        names[i] = match
                    break

    def _titled(self, title: Span, surname: str, on: dt.date | None) -> tuple[str, ...]:
        """The curated people a title and a surname may name ("President Duterte")."""
        role = self.gazetteer.role(" ".join(fold(t.text) for t in title))
        if role is not None and not role.office:
            return ()
        return self.gazetteer.titled(surname, role.office if role else None, on)

    def _full_name(self, doc: Doc, match: _Match) -> bool:
        """Whether a curated match is one person's name of two words or more."""
        if match.kind != "name" or match.end - match.start < 2 or len(match.keys) != 1:
            return False
        entry = self.gazetteer.get(match.keys[0])
        return entry is not None and entry.actor.type == "person"

    @staticmethod
    def _name_candidates(doc: Doc, names: dict[int, _Match]) -> list[tuple[int, int]]:
        """Token spans that may be a person's name, in document order (longer first)."""
        spans: set[tuple[int, int]] = set()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start, ent.end
            while start < end and start in names:  # "Israeli" in an entity "Israeli Ehud Barak"
                start += 1
            if end > start and doc[end - 1].text in {"'s", "'"}:
                end -= 1
            if start < end:
                spans.add((start, end))
        # Runs of capitalised proper nouns: the tagger finds names its entity recogniser misses.
        # Joiners and short particles written without spaces belong to the name ("al-Maliki").
        inside = [t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in names for t in doc]
        proper = list(inside)
        glue = [t.i not in names and (t.text in NAME_JOINERS or (t.is_alpha and len(t) <= 3)) for t in doc]
        for i in range(len(doc) - 2, -1, -1):
            inside[i] = inside[i] or (glue[i] and not doc[i].whitespace_ and inside[i + 1])
        for i in range(1, len(doc)):
            inside[i] = inside[i] or (glue[i] and not doc[i - 1].whitespace_ and inside[i - 1])
        start = None
        for i in range(len(doc) + 1):
            if i < len(doc) and inside[i]:
                start = i if start is None else start
                continue
            if start is not None:
                end = i
                while end > start and not proper[end - 1]:
                    end -= 1
                if end > start:
                    spans.add((start, end))
                start = None
        return sorted(spans, key=lambda span: (span[0], span[0] - span[1]))

    @staticmethod
    def _capitalised(span: Span, alias: str, person: bool) -> bool:
        """Whether ``span`` is written as a name: with a capital (anywhere: "iSrael"), with the
        alias's own lower-case particle ("al-Qaida"), or, for a person, in lower case where the
        entity recogniser sees a person ("President obama"). Lower-case "turkey" or "chad" is no
        state."""
        text = span.text
        if any(ch.isupper() for ch in text) or (alias[:1].islower() and text[:1] == alias[:1]):
            return True
        return person and all(t.ent_type_ == "PERSON" for t in span)

    def _name_fits(self, span: Span, key: str, kind: str, alias: str) -> bool:
        if kind == REGION:
            return span[0].text[:1].isupper()
        if kind == "abbrev":
            return span.text.replace(".", "") == alias.replace(".", "")
        entry = self.gazetteer.get(key)
        if entry is None:
            return False
        person = entry.actor.type == "person"
        # "tunisian rioters": a demonym modifying a noun is one even in lower case.
        modifier = kind == "demonym" and len(span) == 1 and span[0].dep_ == "amod"
        if not modifier and not self._capitalised(span, alias, person):
            return False
        for ent in span.doc.ents:
            ent_start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            ent_end = _without_possessive(ent).end
            inside = ent_start <= span.start and span.end <= ent_end and (ent_start, ent_end) != (span.start, span.end)
            if not inside:
                continue
            if person and span.end == ent_end:
                # "Sheikh Tamim bin Hamad Al Thani": a title before the person's own name.
                before = [fold(t.text) for t in span.doc[ent_start : span.start]]
                if self.gazetteer.title_length(before) == len(before):
                    continue
            # "George Washington", "Chad Smith", "Sharon Stone", "Washington Post": part of another name.
            if ent.label_ == "PERSON" or (
                not person and ent.label_ in NAME_HOST_LABELS and kind in {"capital", "place", "seat"}
            ):
                return False
        return True

    def match_roles(self, doc: Doc, names: dict[int, _Match]) -> dict[int, _Match]:
        """Role-noun matches by token index, outside name matches."""
        strings = doc.vocab.strings
        found = []
        for match_id, start, end in self.role_matcher(doc):
            if any(i in names for i in range(start, end)):
                continue
            found.append(_Match(start, end, role=self._roles[strings[match_id]]))
        return self._longest(found)

    @staticmethod
    def _longest(matches: list[_Match]) -> dict[int, _Match]:
        taken: dict[int, _Match] = {}
        for match in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
            if any(i in taken for i in range(match.start, match.end)):
                continue
            for i in range(match.start, match.end):
                taken[i] = match
        return taken

    # -- resolution -------------------------------------------------------------------------

    def __call__(self, ctx: DocContext) -> None:
        ctx.home = self.home_state(ctx.article.text, ctx.article.published)
        _DocMentions(self, ctx).run()

    def home_state(self, text: str, on: dt.date | None) -> str | None:
        """The state of the place an article's dateline names, if the gazetteer knows it.

        A dateline at an international body ("UNITED NATIONS (Reuters) -") names no state.
        """
        place = dateline_place(text)
        actor = self.gazetteer.lookup(place, on) if place else None
        if actor is None:
            return None
        return actor.key if actor.type == "state" else None


class _DocMentions:
    """Per-document resolution state (so the stage itself stays reusable)."""

    def __init__(self, stage: MentionResolver, ctx: DocContext) -> None:
        self.gazetteer = stage.gazetteer
        self.cues = stage.cues
        self._ctx = ctx
        self._doc_names = stage.match_names(ctx.doc, ctx.article.published)
        self._doc_roles = stage.match_roles(ctx.doc, self._doc_names)
        self._seen = _Seen()
        self._published = ctx.article.published
        self._sent = 0

    def run(self) -> None:
        for number, sent in enumerate(self._ctx.sentences):
            self._sent = number
            for token in sent:
                name = self._doc_names.get(token.i)
                is_name_root = name is not None and token.doc[name.start : name.end].root.i == token.i
                if not is_name_root and (token.pos_ not in HEAD_POS or token.dep_ in MODIFIER_ONLY_DEPS):
                    continue
                refs = self._resolve(token)
                if refs:
                    self._ctx.refs[token.i] = refs
                    match = name or self._doc_roles.get(token.i)
                    if match is not None:
                        self._ctx.spans[token.i] = (match.start, match.end)
                        if is_name_root:
                            # Odd parses may pick another token of the name as argument.
                            for i in range(match.start, match.end):
                                self._ctx.refs.setdefault(i, refs)
                    self._remember(token, refs)

    def _known_date(self, token: Token) -> dt.date | None:
        """The date of ``token``'s clause, else the publication date, else None."""
        value = date_of(self._ctx, token)
        return value_to_date(value) if value else self._published

    def _date(self, token: Token) -> dt.date:
        return self._known_date(token) or dt.date.today()

    def _resolve(self, token: Token) -> list[ActorRef]:
        name = self._doc_names.get(token.i)
        if name is not None:
            span = token.doc[name.start : name.end]
            if span.root.i != token.i:
                return []
            ref = self._name_ref(name, span, token)
            if any(lemma(c) == "ethnic" for c in token.children if c.i < token.i):
                return [self._ethnic(ref, token)]
            return [ref]
        lem = lemma(token)
        if lem in ORGANISATION_HEADS:
            # "the Hezbollah group", "the Hamas movement": the named organisation itself.
            for mod in children(token, {"compound"}):
                named = self._doc_names.get(mod.i)
                if named is not None and mod.i == named.end - 1:
                    ref = self._name_ref(named, token.doc[named.start : named.end], mod)
                    entry = self.gazetteer.get(ref.key) if ref.key else None
                    if entry is not None and entry.actor.type == "organization":
                        return [ref]
        if lem in self.cues.quantity_nouns:
            # "dozens of protesters", "a member of the Syrian parliament": the people counted are the actors.
            counted = [ref for obj in prep_objects(token, "of") for ref in self._resolve(obj)]
            if counted:
                return counted
        if lem in self.cues.leader_nouns and token.tag_ == "NNS" and (pair := self._two_persons(token)):
            return pair
        role = self._doc_roles.get(token.i)
        if role is not None:
            span = token.doc[role.start : role.end]
            if span.root.i != token.i:
                return []
            ref = self._role_ref(role, span, token)
            if ref is not None and ref.kind == "group":
                owners = self._coordinated_owners(token, span)
                if ref.key in owners and len(owners) > 1:
                    # "US and British activists", "Iraqi and Kurdish forces": one group per owner.
                    return [ActorRef("group", key, span.text, "role", sector=ref.sector) for key in owners]
            return [ref] if ref else []
        if token.pos_ == "PRON":
            if fold(token.text) in self.cues.pronouns:
                ref = self._antecedent(token)
                return [ref] if ref else []
            reporters = self._reporter(token)
            if not reporters and fold(token.text) == "they" and token.dep_ in SUBJECT_DEPS:
                return self._coordinated(token)
            return reporters
        if lem in self.cues.place_nouns:
            ref = self._place_ref(token)
            if ref:
                return [ref]
        if lem in self.cues.group_nouns and token.tag_ in {"NNS", "NNPS"}:
            return self._two_states(token)
        if lem in ORGANISATION_ANAPHORS | GROUP_ANAPHORS and (ref := self._the_organisation(token)):
            return [ref]
        if lem in STATE_DESCRIPTIONS and (ref := self._described_state(token)):
            return [ref]
        return self._entity_ref(token)

    def _described_state(self, token: Token) -> ActorRef | None:
        """A state named by a description: "the kingdom" (the one state named so far whose
        name says it is one), "the Gulf state", "the island nation" (the one state named in
        this sentence or the one before)."""
        if token.tag_ != "NN" or not any(fold(c.text) == "the" for c in children(token, {"det"})):
            return None
        if children(token, {"poss", "nmod"}) or prep_objects(token, "of"):
            return None  # "the state of Texas", "Russia's state media"
        describing = children(token, {"amod", "compound"})
        if any(c.i in self._doc_names or c.i in self._doc_roles for c in describing):
            return None  # "the Russian state", "the Baltic state": a name, not a description
        described = [c for c in describing if c.pos_ in {"ADJ", "PROPN", "NOUN"}]
        word = lemma(token)
        if word in TITLED_STATE_WORDS:
            keys = {
                key
                for _, _, key in self._seen.states
                if any(word in fold(name).split() for name in self._state_names(key))
            }
        elif described:
            # The one state named before it in its sentence; else the one named in the sentence
            # before, or the one that acted there ("Qatar hosted talks on Gaza. The Gulf state ...").
            keys = {key for i, sent, key in self._seen.states if sent == self._sent and i < token.i}
            if not keys:
                before = [(i, key) for i, sent, key in self._seen.states if sent == self._sent - 1]
                keys = {key for _, key in before}
                if len(keys) > 1:
                    keys = {key for i, key in before if _is_subject(token.doc[i])}
        else:
            return None  # "the country" alone may be anyone's
        return ActorRef("entry", keys.pop(), token.text, "anaphora") if len(keys) == 1 else None

    def _state_names(self, key: str) -> list[str]:
        entry = self.gazetteer.get(key)
        return [entry.actor.label, *entry.aliases] if entry is not None else []

    def _counterpart(self, token: Token, owner: str) -> ActorRef | None:
        """ "Erdogan urged *his Russian counterpart*": who holds, in the owner state, the office
        the possessor holds (a leader's counterpart is the other state's leader)."""
        on = self._known_date(token)
        if on is None:
            return None
        for poss in children(token, {"poss"}):
            for ref in self._ctx.refs.get(poss.i, ()):
                if ref.kind != "entry" or not ref.key or not ref.person:
                    continue
                offices = self.gazetteer.offices(ref.key, on)
                for office in ["leader"] if "leader" in offices else sorted(offices):
                    holders = [h for h in self.gazetteer.holders(owner, office, on) if h != ref.key]
                    if holders:
                        return ActorRef("entry", holders[0], token.text, "role", person=True, office=office)
        return None

    def _the_organisation(self, token: Token) -> ActorRef | None:
        """ "The alliance", "the bloc": the one international organisation the article has
        named so far; "the (militant) group", "the movement": the one national one."""
        if not any(fold(c.text) == "the" for c in children(token, {"det"})):
            return None
        if any(c.i in self._doc_names or lemma(c) not in GROUP_DESCRIPTIONS for c in modifiers(token)):
            return None  # "the EU bloc", "the Wagner group" name their own; "the Chinese ..."
        # "The alliance" after Hamas and NATO is NATO; "the group" after both is Hamas.
        international = lemma(token) in ORGANISATION_ANAPHORS
        named = {
            key for key in self._seen.organisations if (self.gazetteer.get(key).actor.country is None) == international
        }
        if len(named) != 1:
            return None
        return ActorRef("entry", named.pop(), token.text, "anaphora")

    def _reporter(self, token: Token) -> list[ActorRef]:
        """``it``/``they`` in a reported clause: the state or body that reports.

        "Israel announced it would free prisoners", "NATO said they would
        respond": the clause's subject is the subject of the reporting verb,
        when that is not a person (people are resolved as ``he``/``she``).
        So is its object: "Israel said a mortar bomb was fired at it".
        """
        word = fold(token.text)
        if token.dep_ in SUBJECT_DEPS and word in INSTITUTION_PRONOUNS:
            clause = token.head
        elif token.dep_ == "pobj" and word in INSTITUTION_OBJECTS and token.head.dep_ == "prep":
            # "Israel said a mortar bomb was fired at it": the reporter is also the target.
            clause = token.head.head
        elif token.dep_ == "dobj" and word in INSTITUTION_OBJECTS:
            clause = token.head
        else:
            return []
        if clause.dep_ != "ccomp" or clause.head.i >= token.i:
            return []
        for subj in clause.head.children:
            if subj.dep_ in SUBJECT_DEPS:
                # Unknown groups count when a role says what they are ("Militants said they ...").
                # All who report do: "Russia and China said they ...".
                refs = [
                    r
                    for member in conjuncts(subj)
                    for r in self._ctx.refs.get(member.i, ())
                    if not r.person and (r.kind != "unresolved" or (r.via == "role" and r.sector))
                ]
                return [ActorRef(r.kind, r.key, r.text, "anaphora", r.sector, r.country) for r in refs]
        return []

    def _name_ref(self, match: _Match, span: Span, token: Token) -> ActorRef:
        on = self._date(token)
        key = self.gazetteer.pick(match.keys, on)
        if key is None:
            return ActorRef("unresolved", None, span.text, "ambiguous", person=True)
        entry = self.gazetteer.get(key)
        person = entry is not None and entry.actor.type == "person"
        if entry is not None and entry.actor.sector == PARTY and entry.actor.country:
            # "Israel's opposition Labour party": a party name many states share, owned by another.
            owner = self._owner(token, span, group=False)
            home = self.gazetteer.get(owner) if owner else None
            if home is not None and home.actor.type == "state" and owner != entry.actor.country:
                return ActorRef("group", owner, span.text, "role", sector=PARTY)
        return ActorRef(
            "entry", key, span.text, match.kind, person=person, office=self._title(token, span) if person else None
        )

    def _title(self, token: Token, span: Span) -> str | None:
        """The office a person's title in the text names: "U.N. Secretary-General *Kofi Annan*";
        none for a former one."""
        if any(lemma(t) in FORMER_WORDS for t in token.doc[token.left_edge.i : span.end]):
            return None
        # A title inside the name matched: "Pope John Paul II".
        words = [fold(t.text) for t in span]
        inside = self.gazetteer.role(" ".join(words[: self.gazetteer.title_length(words)]))
        if inside is not None and inside.office:
            return inside.office
        for mod in modifiers(token):
            role = self._doc_roles.get(mod.i)
            if role is not None and role.role is not None and role.role.office and not span.start <= mod.i < span.end:
                return role.role.office
        return None

    def _owner(self, token: Token, span: Span, *, group: bool, official: bool = False) -> str | None:
        """The state or organisation a role noun belongs to, from its modifiers.

        ``official``: the role is an office's (envoys, representatives), which a person
        without office gives to no state ("representatives of the cleric Sadr").
        """
        candidates: list[Token] = []
        for word in reversed(list(span)):
            candidates.extend(m for m in modifiers(word) if not span.start <= m.i < span.end)
        candidates.extend(prep_objects(token, "of"))
        if lemma(token) in SPEAKER_NOUNS:
            # "a spokesman *for the Taliban*" speaks for them (an envoy "for Syria" is no Syrian).
            candidates.extend(prep_objects(token, "for"))
        if group:
            # "students *in*/*from*/*throughout*/*across* Indonesia".
            candidates.extend(o for prep in ("in", "from", "throughout", "across") for o in prep_objects(token, prep))
            candidates.extend(_companions_origin(token))
            # "refugees *fleeing* the war *in Liberia*", "civilians escaping Mosul": where from.
            for acl in children(token, {"acl"}):
                if lemma(acl) in FLEEING_VERBS:
                    fled = children(acl, {"dobj"})
                    candidates.extend(fled)
                    candidates.extend(o for t in (acl, *fled) for p in ("in", "from") for o in prep_objects(t, p))
        # "a delegation *led by* the Chinese foreign minister": the leader's.
        leaders = [o for acl in token.children if acl.dep_ == "acl" and lemma(acl) in LEADING_VERBS for o in agent(acl)]
        if group:
            candidates.extend(leaders)
        on = self._date(token)
        candidates = self._without_home_state(candidates, on)
        for cand in sorted(candidates, key=lambda c: c.dep_ != "poss"):
            if lemma(cand) in ORGANISATION_ANAPHORS and (named := self._the_organisation(cand)):
                return named.key  # "the alliance's secretary general"
            if lemma(cand) in self.cues.place_nouns:
                place = self._place_ref(cand)
                if place is not None:
                    return place.key
                if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in cand.children):
                    # "cut *his country's* forces in Iraq": the speaker's country, not Iraq
                    # (nobody's, if "his" is nobody known).
                    return self._possessor_state(cand, on)
            match = self._doc_names.get(cand.i)
            if match is not None and (group or match.kind != "place"):
                # A place names where a group is, not whose office it is ("Tibet's leader").
                key = self.gazetteer.pick(match.keys, on)
                if key is None:
                    continue
                return self._owner_of_key(key, on, official)
            if fold(cand.text).endswith("-led") and (leader := self.gazetteer.lookup(cand.text[:-4], on)) is not None:
                # "U.S.-led forces", one token: the leader owns them.
                return self.gazetteer.owner_key(leader.key)
            if fold(cand.text) in STATE_PRONOUNS and self._seen.states:
                return self._seen.states[-1][2]
            role = self._doc_roles.get(cand.i)
            if (
                role is not None
                and role.role is not None
                and cand.dep_ == "pobj"
                and (role.role.kind == "group" or cand in leaders)
            ):
                # "ministers *from the Georgian government*": the body's own owner.
                owner = self._owner(cand, cand.doc[role.start : role.end], group=False)
                if owner is not None:
                    return owner
        return None

    def _possessor_state(self, noun: Token, on: dt.date) -> str | None:
        """The state of whoever a pronoun possessing ``noun`` stands for ("*his* country")."""
        for child in noun.children:
            if child.dep_ != "poss" or child.pos_ != "PRON":
                continue
            for ref in self._ctx.refs.get(child.i, ()):
                if ref.key and self.gazetteer.get(ref.key) is not None:
                    return self._owner_of_key(ref.key, on)
        return None

    def _without_home_state(self, candidates: list[Token], on: dt.date | None) -> list[Token]:
        """Drop a possessive state when an organisation of that state is named too: "Somalia's
        *al-Shabaab* fighters", "Russia's *Wagner* mercenaries" are the organisation's."""

        def named(token: Token) -> Entry | None:
            match = self._doc_names.get(token.i)
            key = self.gazetteer.pick(match.keys, on) if match is not None else None
            return self.gazetteer.get(key) if key else None

        homes = {
            entry.actor.country
            for cand in candidates
            if cand.dep_ != "poss" and (entry := named(cand)) is not None and entry.actor.type == "organization"
        } - {None}
        if not homes:
            return candidates
        return [c for c in candidates if c.dep_ != "poss" or (e := named(c)) is None or e.actor.key not in homes]

    def _owner_of_key(self, key: str, on: dt.date, official: bool = False) -> str | None:
        """Whose a name makes a role noun: a person's office's state or organisation on ``on``
        (else their country, unless ``official`` and they never held one), or the state or
        organisation itself."""
        entry = self.gazetteer.get(key)
        if entry is not None and entry.actor.type == "person":
            tenure = self.gazetteer.tenure(key, on)
            if tenure is not None:
                return tenure.of
            # One who never held office has no envoys of a state: "representatives of the cleric".
            return None if official and not entry.tenures else entry.actor.country
        return self.gazetteer.owner_key(key)

    def _coordinated_owners(self, token: Token, span: Span) -> list[str]:
        """States or organisations named by coordinated modifiers of a group noun."""
        on = self._date(token)
        found: list[str] = []
        # "US and British activists", "leaders *from* Germany, Canada and France".
        # A modifier names the owner before a phrase does: "Russian diplomats *from Poland*" are
        # Russia's (expelled from Poland), not Russia's and Poland's.
        named = [m for m in modifiers(token) if m.i in self._doc_names and not span.start <= m.i < span.end]
        owners = [*modifiers(token)] if named else [*prep_objects(token, "from"), *prep_objects(token, "of")]
        for mod in owners:
            if span.start <= mod.i < span.end or (mod.dep_ == "poss" and not mod.conjuncts):
                # A possessor alone owns the one group: "Lebanon's Hezbollah fighters", "Russia's
                # UN ambassador".
                continue
            for word in [mod, *mod.conjuncts]:
                match = self._doc_names.get(word.i)
                key = self.gazetteer.pick(match.keys, on) if match is not None else None
                owner = self.gazetteer.owner_key(key) if key else None
                if owner and owner not in found:
                    found.append(owner)
        return found

    def _office_modifier(self, token: Token, span: Span) -> str | None:
        """``former`` or ``other`` if a modifier changes the office ("former", "deputy")."""
        found = None
        for word in span:
            for child in word.children:
                if span.start <= child.i < span.end or child.dep_ not in {"amod", "compound", "nmod", "advmod"}:
                    continue
                if child.i in self._doc_names or child.i in self._doc_roles or child.ent_type_ in {"DATE", "ORDINAL"}:
                    continue
                value = self.cues.role_modifiers.get(lemma(child))
                if value == "former":
                    return "former"
                if value is None and child.dep_ != "advmod" and child.pos_ in {"ADJ", "NOUN", "PROPN"}:
                    found = "other"
        return found

    def _opposed(self, head: Token, role: Role) -> bool:
        """Whether a conjunct's role is on the other side of the first's: "clashes between *US
        troops* and insurgents" are not US insurgents."""
        match = self._doc_roles.get(head.i)
        sectors = {match.role.sector if match and match.role else None, role.sector}
        return bool(sectors & STATE_FORCES) and bool(sectors & ARMED_OPPONENTS)

    def _role_ref(self, match: _Match, span: Span, token: Token) -> ActorRef | None:
        role = match.role
        assert role is not None
        owner = self._owner(token, span, group=role.kind != "person", official=role.sector == "GOV")
        if (
            owner is None
            and role.kind != "person"
            and token.dep_ == "conj"
            and token.head.pos_ == "NOUN"
            and not any(c.dep_ in {"amod", "compound", "nmod", "poss"} for c in token.children)
            and not self._opposed(token.head, role)
        ):
            # "Israeli tanks and troops": the first conjunct's owner covers the others
            # (not "US forces and Shia militiamen", which have their own modifier).
            head = token.head
            owner = self._owner(head, token.doc[head.i : head.i + 1], group=True)
        if (
            owner is None
            and lemma(token) in DEFINITE_BODIES
            and any(fold(c.text) == "the" for c in children(token, {"det"}))
        ):
            # "Sudan's foreign minister arrived in Cairo. *The government* said ...": the one
            # state the article has named so far, if only one.
            named = {key for _, _, key in self._seen.states}
            if len(named) == 1:
                return ActorRef("group", named.pop(), span.text, "anaphora", sector=role.sector)
        if role.kind == "person" and role.office:
            modifier = self._office_modifier(token, span)
            if modifier == "former":
                text = token.doc[token.left_edge.i : token.i + 1].text
                country = owner if owner and self.gazetteer.get(owner).actor.type == "state" else None
                return ActorRef("unresolved", None, text, "role", role.sector, country, True)
            if modifier == "other":
                # "deputy foreign minister", "spiritual leader": another office.
                return ActorRef("group", owner, span.text, "role", sector=role.sector) if owner else None
            if owner is None:
                return self._antecedent(token, office=role.office)
            # Without any date, "the Israeli prime minister" is nobody in particular: today's
            # holder would silently be wrong for older news.
            on = self._known_date(token)
            # "a spokesman for the foreign ministry" is that body's, not the state's spokesperson.
            for_body = lemma(token) in SPEAKER_NOUNS and any(o.i in self._doc_roles for o in prep_objects(token, "for"))
            holders = self.gazetteer.holders(owner, role.office, on) if on and not for_body else []
            if holders:
                return ActorRef("entry", holders[0], span.text, "role", person=True, office=role.office)
            return ActorRef("group", owner, span.text, "role", sector=role.sector)
        if owner is not None and lemma(token) == "counterpart" and (peer := self._counterpart(token, owner)):
            return peer
        if owner is None and lemma(token) in STATE_DESCRIPTIONS and (state := self._described_state(token)):
            return state  # "the kingdom"
        if owner is None and lemma(token) in GROUP_ANAPHORS and (named := self._the_organisation(token)):
            return named  # "the militant group"
        if owner is not None:
            return ActorRef("group", owner, span.text, "role", sector=role.sector)
        # "Congress", "Parliament": a role that is also a proper name is a named body.
        named = span.text[:1].isupper() and token.ent_type_ in ACTOR_ENTITY_LABELS
        return ActorRef("unresolved", None, span.text, "ner" if named else "role", sector=role.sector)

    def _entity_ref(self, token: Token) -> list[ActorRef]:
        if token.ent_iob_ == "O" or token.ent_type_ not in ACTOR_ENTITY_LABELS or token.ent_type_ == "NORP":
            return []
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.root.i != token.i or lemma(token) in self.cues.non_actor_heads:
            return []
        if any(lemma(t) in self.cues.non_actor_heads for t in ent if t.dep_ == "compound"):
            # "Tropical Storm Gaston", "Hurricane Katrina": a named thing, no actor.
            return []
        person = ent.label_ == "PERSON"
        named = _without_possessive(ent)
        if person:
            known = self._seen.surnames.get(_surname(named.text))
            if known is not None:
                return [known]
        country = sector = office = affiliation = None
        # A title of several words may carry the owner further left: "*Cuban* Parliament
        # President Esteban Lazo".
        title = [t for t in token.subtree if t.i < ent.start and t.dep_ in {"amod", "compound"}]
        for mod in [*title, *(m for m in modifiers(token) if m not in title)]:
            role = self._doc_roles.get(mod.i)
            if role is not None and role.role is not None:
                sector, office = role.role.sector, role.role.office
            name = self._doc_names.get(mod.i)
            if name is not None:
                key = self.gazetteer.pick(name.keys, self._date(token))
                owner = self.gazetteer.owner_key(key) if key else None
                entry = self.gazetteer.get(owner) if owner else None
                if entry is not None:
                    country = entry.actor.key if entry.actor.type == "state" else entry.actor.country
                    if entry.actor.type != "state":
                        # "Hamas official Osama Hamdan", "UN envoy Martin Griffiths": acts for the body.
                        affiliation = entry.actor.key
        if affiliation is not None and sector == "GOV" and affiliation.startswith("NSA-"):
            # A movement's officials are not a state's government, unless it governs one then.
            governs = self.gazetteer.actor(affiliation, self._date(token)).sector == "GOV"
            sector = sector if governs else None
        text = strip_determiner(named.text)
        return [ActorRef("unresolved", None, text, "ner", sector, country, person, office, affiliation)]

    def _ethnic(self, ref: ActorRef, token: Token) -> ActorRef:
        """ "Ethnic Albanians" are a people, not Albania: they belong to the state they live in
        ("ethnic Albanians *in Serbia*"), or to the place of what they do (left to the linker)."""
        entry = self.gazetteer.get(ref.key) if ref.key else None
        if entry is None or entry.actor.type != "state":
            return ref
        ethnic = min(c.i for c in token.children if lemma(c) == "ethnic")
        text = token.doc[ethnic : token.i + 1].text
        for place in prep_objects(token, "in"):
            match = self._doc_names.get(place.i)
            key = self.gazetteer.pick(match.keys, self._date(token)) if match is not None else None
            home = self.gazetteer.get(key) if key else None
            if home is not None and home.actor.type == "state":
                return ActorRef("unresolved", None, text, "ethnic", country=key)
        return ActorRef("unresolved", None, text, "ethnic")

    def _place_ref(self, token: Token) -> ActorRef | None:
        """The state a place noun belongs to: "the city of Sochi", "the Russian port"."""
        for cand in [*prep_objects(token, "of"), *modifiers(token)]:
            match = self._doc_names.get(cand.i)
            if match is None:
                continue
            key = self.gazetteer.pick(match.keys, self._date(token))
            entry = self.gazetteer.get(key) if key else None
            if entry is not None and entry.actor.type == "state":
                return ActorRef("entry", key, token.doc[cand.i].text, "place")
        return None

    def _two_states(self, token: Token) -> list[ActorRef]:
        """For "the two nations": the two states last mentioned in the preceding sentences."""
        if not _counted_two(token):
            return []
        here = {key for _, sent, key in self._seen.states if sent == self._sent}
        picked: list[tuple[int, str]] = []
        for i, sent, key in reversed(self._seen.states):
            if self._sent - 2 <= sent < self._sent and key not in here and key not in (k for _, k in picked):
                picked.append((i, key))
        if len(picked) < 2:
            return []
        (second, _), (first, _) = picked[:2]
        if lemma(token) in SIDE_NOUNS and second not in {t.i for t in conjuncts(token.doc[first])}:
            # "both sides" are two named together ("Armenia and Azerbaijan"), not a host and a
            # guest ("Saudi Arabia hosted talks on Sudan. ... urged both sides").
            return []
        return [ActorRef("entry", key, token.text, "two") for _, key in reversed(picked[:2])]

    def _coordinated(self, token: Token) -> list[ActorRef]:
        """For "they": the people or states last named together ("Macron and Scholz met.
        *They* signed a pact"), in this sentence or the one before, when no other plural
        was named after them ("Macron and Scholz met *reporters*. They ...": nobody known)."""
        doc = token.doc
        start = self._ctx.sentences[self._sent - 1].start if self._sent > 0 else token.sent.start
        for t in reversed(doc[start : token.i]):
            if t.dep_ == "conj":
                continue  # its head comes first, and holds the whole coordination
            members = conjuncts(t)
            refs = [r for m in members for r in self._ctx.refs.get(m.i, ())]
            if len(members) > 1 and len(refs) > 1:
                if all(r.kind == "entry" and (r.person or self._is_state(r)) for r in refs):
                    return [replace(r, text=token.text, via="anaphora") for r in refs]
                return []
            if (t.tag_ in {"NNS", "NNPS"} and t.i in self._ctx.refs) or fold(t.text) in {"they", "them"}:
                return []
        return []

    def _is_state(self, ref: ActorRef) -> bool:
        entry = self.gazetteer.get(ref.key) if ref.key else None
        return entry is not None and entry.actor.type == "state"

    def _two_persons(self, token: Token) -> list[ActorRef]:
        """For "the two leaders": the two people last mentioned before, in this sentence
        ("Erdogan hosted Lavrov, and *the two men* discussed ...") or the two before it."""
        if not _counted_two(token):
            return []
        picked: list[ActorRef] = []
        for i, sent, ref, _offices, _subj in reversed(self._seen.persons):
            if not self._sent - 2 <= sent <= self._sent or i >= token.i or ref.kind != "entry":
                continue
            if all(ref.key != p.key for p in picked):
                picked.append(ref)
            if len(picked) == 2:
                break
        if len(picked) < 2:
            return []
        return [
            ActorRef(r.kind, r.key, token.text, "two", r.sector, r.country, True, r.office) for r in reversed(picked)
        ]

    def _antecedent(self, token: Token, office: str | None = None) -> ActorRef | None:
        """The most salient earlier person (holding ``office`` if given)."""
        on = self._date(token)
        candidates = [
            (i, sent, ref, subj)
            for i, sent, ref, offices, subj in self._seen.persons
            if i < token.i
            and self._sent - 3 <= sent
            and (office is None or office in offices or self._holds(ref, office, on))
        ]
        if fold(token.text) in OBJECT_PRONOUNS:
            # "Hu sent a message to Sihamoni to congratulate *him*": not the clause's own doer.
            # Nor anyone the doer is: "The pope urged *him*" is not the pope.
            doers = {t.i for t in _clause_doers(token)}
            who = {r.key for i in doers for r in self._ctx.refs.get(i, ()) if r.key}
            candidates = [c for c in candidates if c[0] not in doers and c[2].key not in who]
        if not candidates:
            return None
        same = [c for c in candidates if c[1] == self._sent]
        speaker = _speaker(token)
        if speaker is not None and (spoke := [c for c in same if c[0] == speaker]):
            same = spoke
        if same:
            subjects = [c for c in same if c[3]]
            best = (subjects or same)[-1]
        else:
            last = max(c[1] for c in candidates)
            group = [c for c in candidates if c[1] == last]
            subjects = [c for c in group if c[3]]
            best = (subjects or group)[0]
        ref = best[2]
        if ref.kind == "unresolved":
            # An unknown person stays known by the name it was introduced with, not by "he".
            return replace(ref, person=True, office=office or ref.office)
        return replace(ref, text=token.text, via="anaphora", person=True, office=office or ref.office)

    def _holds(self, ref: ActorRef, office: str, on: dt.date) -> bool:
        return ref.kind == "entry" and ref.key is not None and office in self.gazetteer.offices(ref.key, on)

    def _remember(self, token: Token, refs: list[ActorRef]) -> None:
        is_subject = token.dep_ in SUBJECT_DEPS or token.dep_ == "nsubjpass"
        for ref in refs:
            if ref.person:
                offices = {ref.office} if ref.office else set()
                for mod in modifiers(token):
                    role = self._doc_roles.get(mod.i)
                    if role is not None and role.role is not None and role.role.office:
                        offices.add(role.role.office)
                self._seen.persons.append((token.i, self._sent, ref, frozenset(offices), is_subject))
                if ref.kind == "unresolved":
                    # "Mr. Sudani" later refers back to "Mohammed Shia al-Sudani".
                    self._seen.surnames.setdefault(_surname(ref.text), ref)
            elif ref.kind == "entry" and ref.key:
                entry = self.gazetteer.get(ref.key)
                if entry is not None and entry.actor.type == "state":
                    self._seen.states.append((token.i, self._sent, ref.key))
                elif entry is not None and entry.actor.type == "organization" and ref.via != "anaphora":
                    self._seen.organisations.append(ref.key)


def _companions_origin(token: Token) -> list[Token]:
    """Where the people of a "with" phrase are from, when the parser hung the "from" phrase
    that follows them on the word before ("a meeting with prosecutors *from Equatorial
    Guinea*"). Only after "with": "withdrawal of troops from Iraq" is no Iraqi troops'."""
    if token.dep_ != "pobj" or fold(token.head.text) != "with":
        return []
    after = token.right_edge.i + 1
    return [
        o
        for p in token.head.head.children
        if p.dep_ == "prep" and p.i == after and fold(p.text) == "from"
        for o in children(p, {"pobj"})
    ]
