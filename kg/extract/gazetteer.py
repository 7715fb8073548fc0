"""The actor gazetteer: states, organisations, people, their offices and role nouns.

Everything is read once from ``data/actors/*.csv`` (see ``data/README.md``):

- ``states.csv`` - one row per state; key = ISO 3166 alpha-3; names, demonyms,
  capitals, seats of power and places used as metonyms for the state;
- ``organizations.csv`` - IGOs, NGOs, non-state armed groups and groupings;
- ``persons.csv`` - people with their name variants and nationality;
- ``offices.csv`` - who held which office of which actor, when;
- ``roles.csv`` - role nouns ("foreign minister", "troops") with their sector
  and, for single-holder offices, the office they denote;
- ``sectors.csv`` - sector codes (GOV, MIL, ...) and labels;
- ``derived_persons.csv``, ``derived_offices.csv`` (optional) - people and
  tenures derived from the Phoenix actor dictionary. They are kept apart from
  the aliases above: the extractor resolves them by look-up of person names
  (:meth:`Gazetteer.derived_keys`), not by phrase matching, and the reference
  graph leaves them out (:meth:`Gazetteer.entries`).

Look-ups are tenure-aware: the Russian president in 2010 is Medvedev.

>>> from datetime import date
>>> gaz = load_gazetteer()
>>> gaz.lookup("the Russian president", date(2010, 6, 1)).label
'Dmitry Medvedev'
>>> gaz.lookup("Erdogan").key
'Q39259'
>>> gaz.lookup("Kremlin").key
'RUS'
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from kg.errors import ConfigurationError
from kg.extract.text import fold, normalize_phrase, strip_determiner
from kg.model import Actor
from kg.resources import data_path

__all__ = [
    "HONORIFICS",
    "NON_TITLE_SECTORS",
    "Entry",
    "Gazetteer",
    "Role",
    "Tenure",
    "leading_title",
    "load_gazetteer",
    "name_key",
]

#: Alias kinds in the order a state row lists them.
STATE_ALIAS_COLUMNS = ("names", "demonyms", "capitals", "seats", "places")
_TYPE_PRIORITY = {"state": 0, "organization": 1, "group": 2, "person": 3}
#: Key prefix of the bodies of ``derived_bodies.csv`` (written by ``scripts/build_phoenix_actors.py``).
DERIVED_BODY_PREFIX = "phx-org-"
#: Words that may precede a person's name besides the role nouns of ``roles.csv`` (folded, no dot).
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "sheikh", "sheik", "gen", "lt", "col", "maj", "sen",
     "rep", "gov", "prof", "rev", "imam", "ayatollah", "mullah", "general", "major", "chief"}
)  # fmt: skip
_SPACES = re.compile(r"\s+")
_INITIAL = re.compile(r"(?<= )(\w)\.(?= )")
#: Sectors whose role nouns are kinds of people, not titles: "Christian", "Man" and "Bishop"
#: begin names ("Christian Wulff", "Man Mohan Adhikari") more often than they title them.
NON_TITLE_SECTORS = frozenset(
    {"BUS", "CVL", "HLH", "EDU", "AGR", "LAB", "ENV", "REL", "MUS", "CHR", "HIN", "JEW", "BUD"}
)


def name_key(text: str) -> str:
    """The look-up form of a person's name: folded, single-spaced.

    >>> name_key("Ehud  Barak")
    'ehud barak'
    >>> name_key("John F. Kennedy") == name_key("John F Kennedy")
    True
    """
    # Most names are ASCII; lower() is what fold() does to them, only faster.
    text = text.lower() if text.isascii() else fold(text)
    # News feeds drop the period after a middle initial.
    return _INITIAL.sub(r"\1", _SPACES.sub(" ", text)).strip()


def leading_title(words: Sequence[str], titles: Container[str], longest: int = 4) -> int:
    """How many of ``words`` (folded) at the start are titles ("prime minister", "mr.").

    Parameters
    ----------
    words : sequence of str
        Folded words of a name as written.
    titles : container of str
        Folded title phrases (role nouns); :data:`HONORIFICS` count too.
    longest : int
        The most words a single title has.

    Returns
    -------
    int
        The number of leading words to drop; 0 if the name starts with none.

    >>> leading_title(["prime", "minister", "mr.", "ehud", "barak"], {"prime minister"})
    3
    """
    start = 0
    while start < len(words):
        word = words[start].rstrip(".")
        if word in HONORIFICS:
            start += 1
            continue
        for size in range(min(longest, len(words) - start), 0, -1):
            if " ".join(words[start : start + size]) in titles:
                start += size
                break
        else:
            break
    return start


@dataclass(frozen=True)
class Tenure:
    """One office held by a person.

    ``of`` is the actor key of the state or organisation (``"RUS"``,
    ``"Q7184"``); ``end`` is exclusive, so a successor may start the same day.
    ``paramount`` marks the office of the actor's leader (what "the Russian
    leader" means).
    """

    office: str
    of: str
    sector: str | None
    start: dt.date | None
    end: dt.date | None
    paramount: bool = False

    def active(self, on: dt.date) -> bool:
        """Whether the tenure covers the day ``on``."""
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry: the canonical actor, its aliases and its tenures."""

    actor: Actor
    aliases: tuple[str, ...]
    tenures: tuple[Tenure, ...]


@dataclass(frozen=True)
class Role:
    """A role noun: ``office`` names a single-holder office, else it is a group noun."""

    phrase: str
    office: str | None
    sector: str | None
    kind: str  # "person" or "group"


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _date_bound(value: str, *, end: bool, where: str) -> dt.date | None:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; an end bound is exclusive."""
    value = value.strip()
    if not value:
        return None
    if len(value) == 10:
        try:  # the common case, parsed in C (tens of thousands of derived tenures)
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    try:
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        raise ConfigurationError(f"bad date {value!r}", where) from None
    if len(parts) == 3:
        return dt.date(*parts)
    if len(parts) == 2:
        year, month = parts
        if not end:
            return dt.date(year, month, 1)
        return dt.date(year + month // 12, month % 12 + 1, 1)
    if len(parts) == 1:
        return dt.date(parts[0] + (1 if end else 0), 1, 1)
    raise ConfigurationError(f"bad date {value!r}", where)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    if not path.is_file():
        raise ConfigurationError("gazetteer file is missing", str(path))
    with open(path, newline="", encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


class Gazetteer:
    """Canonical actors with aliases, offices and role nouns.

    Parameters
    ----------
    entries : iterable of Entry
        The actors.
    roles : iterable of Role
        Role nouns.
    sectors : mapping of str to str
        Sector code -> label.
    alias_kinds : mapping of (str, str) to str, optional
        ``(key, alias)`` -> kind (``name``, ``demonym``, ``capital``, ``seat``,
        ``place``, ``abbrev``); aliases without an entry count as ``name``.
    derived : iterable of Entry, or a function returning them, optional
        People derived from the Phoenix dictionary. Their names are found with
        :meth:`derived_keys` only (never among :meth:`aliases`), and
        :meth:`entries` leaves them out. A function is called the first time
        they are needed.
    """

    def __init__(
        self,
        entries: Iterable[Entry],
        roles: Iterable[Role] = (),
        sectors: Mapping[str, str] | None = None,
        alias_kinds: Mapping[tuple[str, str], str] | None = None,
        derived: Iterable[Entry] | Callable[[], Iterable[Entry]] = (),
    ) -> None:
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            if entry.actor.key in self._entries:
                raise ConfigurationError(f"duplicate gazetteer key {entry.actor.key!r}")
            self._entries[entry.actor.key] = entry
        self._curated = tuple(self._entries)
        self._derived: dict[str, Entry] = {}
        self._derived_index: dict[str, tuple[str, ...]] = {}
        # Read on first use, so that building an extractor or a store does not wait for them.
        self._pending: Callable[[], Iterable[Entry]] | None = None
        if callable(derived):
            self._pending = derived
        else:
            self._add_derived(derived)
        self._kinds = dict(alias_kinds or {})
        self._sectors = dict(sectors or {})
        self._roles: dict[str, Role] = {}
        for role in roles:
            self._roles.setdefault(normalize_phrase(role.phrase), role)
        self._titles = frozenset(p for p, r in self._roles.items() if r.sector not in NON_TITLE_SECTORS)
        self._holders_of: dict[str, list[str]] = {}
        # Derived tenures are all the generic non-leading office "official", which no role
        # noun names: leaving them out keeps holders() fast for states with many of them.
        for key, entry in self._curated_items():
            for of in dict.fromkeys(t.of for t in entry.tenures):
                self._holders_of.setdefault(of, []).append(key)
        self._surnames: dict[str, tuple[str, ...]] | None = None
        self._alias_index: dict[str, list[str]] = {}
        for key, entry in self._curated_items():
            for alias in entry.aliases:
                keys = self._alias_index.setdefault(normalize_phrase(strip_determiner(alias)), [])
                if key not in keys:
                    keys.append(key)

    # -- the API the store consumes ------------------------------------------------

    def entries(self) -> Iterator[Entry]:
        """The curated entries, states first, in file order (not the derived people)."""
        return (entry for _, entry in self._curated_items())

    def derived_entries(self) -> Iterator[Entry]:
        """The people derived from the Phoenix dictionary, in file order."""
        self._ensure_derived()
        return iter(self._derived.values())

    def get(self, key: str) -> Entry | None:
        """The entry with actor key ``key``, or None."""
        entry = self._entries.get(key)
        if entry is None and self._pending is not None:
            self._ensure_derived()
            entry = self._entries.get(key)
        return entry

    def lookup(self, text: str, on: dt.date | None = None) -> Actor | None:
        """Resolve an alias or a role phrase to an actor, tenure-aware.

        Parameters
        ----------
        text : str
            A name ("Erdogan", "the Kremlin") or a role phrase ("Russia's
            foreign minister", "the Turkish president", "president of France").
        on : datetime.date, optional
            The day the phrase refers to; today if omitted.

        Returns
        -------
        Actor or None
            None when nothing in the gazetteer fits, or the phrase is ambiguous.
        """
        on = on or dt.date.today()
        norm = normalize_phrase(strip_determiner(text))
        keys = self._alias_index.get(norm) or self.derived_keys(strip_determiner(text))
        if keys:
            key = self.pick(keys, on)
            return self.actor(key, on) if key else None
        return self._lookup_role(norm, on)

    # -- helpers the extractor uses -------------------------------------------------

    def aliases(self) -> Iterator[tuple[str, str, str]]:
        """Every ``(alias, key, kind)`` triple of the curated entries."""
        for key, entry in self._curated_items():
            for alias in entry.aliases:
                yield alias, key, self.alias_kind(key, alias)

    def derived_keys(self, name: str) -> tuple[str, ...]:
        """Keys of the derived people called ``name`` (a full name, any case or accents).

        >>> load_gazetteer().derived_keys("EHUD BARAK")
        ('phx-ehud-barak',)
        """
        self._ensure_derived()
        return self._derived_index.get(name_key(name), ())

    def has_derived(self) -> bool:
        """Whether there are any derived people (reading them if not done yet)."""
        self._ensure_derived()
        return bool(self._derived)

    def is_curated(self, key: str) -> bool:
        """Whether ``key`` is a curated entry (a state, an organisation, a curated person),
        without reading the derived people."""
        return key in self._entries and key not in self._derived

    def is_derived(self, key: str) -> bool:
        """Whether ``key`` is a person derived from the Phoenix dictionary."""
        self._ensure_derived()
        return key in self._derived

    def title_length(self, words: Sequence[str]) -> int:
        """How many leading ``words`` (folded) are titles: role nouns or honorifics.

        >>> load_gazetteer().title_length(["prime", "minister", "ehud", "barak"])
        2
        """
        return leading_title(words, self._titles)

    def alias_kind(self, key: str, alias: str) -> str:
        """How ``alias`` names ``key`` (``name``, ``demonym``, ``place``...)."""
        return self._kinds.get((key, alias), "name")

    def roles(self) -> Mapping[str, Role]:
        """Role nouns by normalised phrase."""
        return self._roles

    def role(self, phrase: str) -> Role | None:
        """The role a phrase denotes ("foreign minister"), or None."""
        return self._roles.get(normalize_phrase(phrase))

    def sector_label(self, code: str | None) -> str | None:
        """Human label of a sector code."""
        return self._sectors.get(code or "", code)

    def keys_for(self, alias: str) -> tuple[str, ...]:
        """Keys an alias may denote."""
        return tuple(self._alias_index.get(normalize_phrase(strip_determiner(alias)), ()))

    def tenure(self, key: str, on: dt.date) -> Tenure | None:
        """The office ``key`` held on ``on``; a leading office wins over others."""
        entry = self.get(key)
        if entry is None:
            return None
        active = [t for t in entry.tenures if t.active(on)]
        if not active:
            return None
        # A dated tenure is more specific than an undated default (Phoenix gives both).
        return sorted(active, key=lambda t: (not t.paramount, t.start is None and t.end is None))[0]

    def in_office(self, key: str, office: str) -> dt.date | None:
        """A day on which ``key`` held ``office`` (the start of the latest such tenure), if ever.

        For a text with no date that gives a person's title: "U.N. Secretary-General
        Kofi Annan" speaks for the UN whenever it was written.

        >>> load_gazetteer().in_office("Q57792", "secretary-general")
        datetime.date(2024, 10, 1)
        """
        entry = self.get(key)
        days = [
            t.start or t.end - dt.timedelta(days=1)
            for t in (entry.tenures if entry else ())
            if (t.office == office or (office == "leader" and t.paramount)) and (t.start or t.end)
        ]
        return max(days) if days else None

    def titled(self, surname: str, office: str | None, on: dt.date | None = None) -> tuple[str, ...]:
        """Curated people called ``surname`` who held ``office`` (any office if None) on
        ``on``, or ever if ``on`` is None: "President Duterte", "Mr. Kishida".

        >>> load_gazetteer().titled("duterte", "president", dt.date(2018, 1, 1))
        ('rodrigo-duterte',)
        """
        if self._surnames is None:
            index: dict[str, list[str]] = {}
            for key, entry in self._curated_items():
                if entry.actor.type != "person":
                    continue
                for alias in entry.aliases:
                    words = fold(alias).split()
                    if len(words) > 1 and key not in index.setdefault(words[-1], []):
                        index[words[-1]].append(key)
            self._surnames = {k: tuple(v) for k, v in index.items()}
        return tuple(
            key
            for key in self._surnames.get(fold(surname), ())
            if any(
                (office is None or t.office == office) and (on is None or t.active(on))
                for t in self._entries[key].tenures
            )
        )

    def offices(self, key: str, on: dt.date) -> set[str]:
        """Offices held by ``key`` on ``on`` ("leader" added for leading offices)."""
        entry = self.get(key)
        found: set[str] = set()
        for tenure in entry.tenures if entry else ():
            if tenure.active(on):
                found.add(tenure.office)
                if tenure.paramount:
                    found.add("leader")
        return found

    def holders(self, of: str, office: str, on: dt.date) -> list[str]:
        """Keys of the people holding ``office`` of actor ``of`` on ``on``.

        ``office == "leader"`` means the paramount office, whatever its title.
        """
        found = []
        for key in self._holders_of.get(of, ()):
            entry = self._entries[key]
            for tenure in entry.tenures:
                if tenure.of != of or not tenure.active(on):
                    continue
                if tenure.office == office or (office == "leader" and tenure.paramount):
                    found.append((not tenure.paramount, key))
                    break
        return [key for _, key in sorted(found)]

    def pick(self, keys: Iterable[str], on: dt.date) -> str | None:
        """Choose among the keys an alias may denote; None if still ambiguous.

        A person in office on ``on`` beats one out of office ("Clinton" in 2010
        is the Secretary of State); otherwise states beat organisations beat
        people.
        """
        keys = [k for k in keys if self.get(k) is not None]
        if len(keys) <= 1:
            return keys[0] if keys else None
        people = [k for k in keys if self._entries[k].actor.type == "person"]
        others = [k for k in keys if k not in people]
        if others:
            return sorted(others, key=lambda k: _TYPE_PRIORITY.get(self._entries[k].actor.type, 9))[0]
        active = [k for k in people if self.tenure(k, on)]
        return active[0] if len(active) == 1 else None

    def actor(self, key: str, on: dt.date | None = None) -> Actor:
        """The actor for ``key``; a person's country, sector and affiliation follow their office on ``on``.

        A person in a state's office has that state as country; one in an
        organisation's office has no country and that organisation as
        ``affiliation``.

        >>> gaz = load_gazetteer()
        >>> rutte = gaz.actor("Q57792", dt.date(2023, 5, 1))
        >>> rutte.country, rutte.affiliation
        ('NLD', None)
        >>> rutte = gaz.actor("Q57792", dt.date(2025, 5, 1))
        >>> rutte.country, rutte.affiliation
        (None, 'Q7184')
        """
        entry = self.get(key)
        if entry is None:
            raise KeyError(key)
        actor = entry.actor
        if actor.type != "person":
            tenure = self.tenure(key, on or dt.date.today()) if entry.tenures else None
            if tenure is not None and tenure.sector:
                # A movement governing a state is, for that time, its government.
                return replace(actor, country=tenure.of, sector=tenure.sector)
            return actor
        tenure = self.tenure(key, on or dt.date.today())
        if tenure is None:
            return actor
        owner = self._entries.get(tenure.of)
        is_state = owner is not None and owner.actor.type == "state"
        country = tenure.of if is_state else None
        affiliation = tenure.of if owner is not None and not is_state else None
        return Actor(actor.key, actor.label, "person", country, tenure.sector, actor.wikidata, True, affiliation)

    def group(self, owner: str, sector: str | None, on: dt.date | None = None) -> Actor:
        """A role-based group actor such as the Russian military (``RUS-MIL``)."""
        entry = self._entries[owner]
        base = entry.actor
        if not sector or (sector == "GOV" and base.type == "organization" and base.key.startswith("NSA-")):
            # "the leader of Hezbollah", "Hamas officials": the movement itself, not a government
            # (unless it governs on ``on``: "Taliban officials" in 2023).
            return self.actor(owner, on)
        country = base.key if base.type == "state" else base.country
        label = f"{base.label} ({self.sector_label(sector)})"
        return Actor(f"{base.key}-{sector}", label, "group", country, sector, None, True)

    def owner_key(self, key: str) -> str | None:
        """The state or organisation a key stands for when used as a modifier."""
        entry = self.get(key)
        if entry is None or entry.actor.type == "person":
            return None
        return key

    # -- internals ----------------------------------------------------------------------

    def _add_derived(self, derived: Iterable[Entry]) -> None:
        # A derived person never shadows a curated name: colliding aliases are dropped.
        curated = {name_key(strip_determiner(a)) for _, entry in self._curated_items() for a in entry.aliases}
        for entry in derived:
            key = entry.actor.key
            if key in self._entries:
                raise ConfigurationError(f"duplicate gazetteer key {key!r}")
            names = {name_key(alias): alias for alias in entry.aliases}
            kept = {name: alias for name, alias in names.items() if name not in curated}
            if not kept:
                continue
            if len(kept) < len(entry.aliases):
                entry = Entry(entry.actor, tuple(kept.values()), entry.tenures)
            for tenure in entry.tenures:
                if tenure.of not in self._entries:
                    raise ConfigurationError(f"{key} holds an office of unknown actor {tenure.of!r}")
            self._entries[key] = self._derived[key] = entry
            for name in kept:
                keys = self._derived_index.get(name, ())
                if key not in keys:
                    self._derived_index[name] = (*keys, key)

    def _ensure_derived(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._add_derived(pending())

    def _curated_items(self) -> Iterator[tuple[str, Entry]]:
        return ((key, self._entries[key]) for key in self._curated)

    def _owner(self, text: str, on: dt.date) -> str | None:
        text = text.removesuffix(" 's").strip()
        keys = self._alias_index.get(text)
        key = self.pick(keys, on) if keys else None
        return self.owner_key(key) if key else None

    def _lookup_role(self, norm: str, on: dt.date) -> Actor | None:
        splits: list[tuple[str, str]] = []
        tokens = norm.split()
        splits += [(" ".join(tokens[:i]), " ".join(tokens[i:])) for i in range(1, len(tokens))]
        if " of " in norm:
            role_text, _, owner_text = norm.rpartition(" of ")
            splits.append((owner_text, role_text))
        for owner_text, role_text in splits:
            role = self._roles.get(role_text)
            owner = self._owner(owner_text, on) if role else None
            if role is None or owner is None:
                continue
            if role.kind == "person" and role.office:
                holders = self.holders(owner, role.office, on)
                if holders:
                    return self.actor(holders[0], on)
            return self.group(owner, role.sector)
        return None


def _derived_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of an optional derived table (``derived_*.csv``); nothing if it is absent."""
    if not path.is_file():
        return
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        # Tens of thousands of rows: zip is much faster than csv.DictReader.
        for values in reader:
            yield dict(zip(header, values, strict=False))


def _tenures(path: Path, rows: Iterable[dict[str, str]]) -> dict[str, list[Tenure]]:
    """Tenures by person key from the rows of an offices table."""
    tenures: dict[str, list[Tenure]] = {}
    location = str(path)
    for line, row in enumerate(rows, start=2):
        where = f"{location}:{line}"
        tenures.setdefault(row["person"], []).append(
            Tenure(
                office=row["office"],
                of=row["of"],
                sector=row.get("sector") or None,
                start=_date_bound(row.get("start", ""), end=False, where=where),
                end=_date_bound(row.get("end", ""), end=True, where=where),
                paramount=row.get("paramount", "0").strip() == "1",
            )
        )
    return tenures


def _organisation(row: dict[str, str]) -> Actor:
    """The actor of a row of ``organizations.csv`` or ``derived_bodies.csv`` (same columns)."""
    return Actor(
        row["key"], row["label"], row.get("type") or "organization", row.get("country") or None,
        row.get("sector") or None, row.get("wikidata") or None, True,
    )  # fmt: skip


def _derived_people(directory: Path) -> list[Entry]:
    """The people of ``derived_persons.csv`` with their ``derived_offices.csv`` tenures (none if absent)."""
    offices = directory / "derived_offices.csv"
    tenures = _tenures(offices, _derived_rows(offices))
    people = []
    for row in _derived_rows(directory / "derived_persons.csv"):
        key = row["key"]
        actor = Actor(key, row["label"], "person", row.get("nationality") or None, None, None)
        people.append(Entry(actor, tuple(_split(row.get("names"))), tuple(tenures.pop(key, ()))))
    if tenures:
        raise ConfigurationError(f"derived_offices.csv names unknown people: {sorted(tenures)}")
    return people


def _load(directory: Path) -> Gazetteer:
    entries: list[Entry] = []
    kinds: dict[tuple[str, str], str] = {}
    derived_places = {
        row["state"]: _split(row.get("places")) for row in _derived_rows(directory / "derived_places.csv")
    }

    for row in _rows(directory / "states.csv"):
        key = row["key"]
        aliases = [row["label"]]
        kinds[(key, row["label"])] = "name"
        for column in STATE_ALIAS_COLUMNS:
            kind = column.rstrip("s") if column != "names" else "name"
            for alias in _split(row.get(column)):
                aliases.append(alias)
                kinds.setdefault((key, alias), "abbrev" if alias.upper() == alias else kind)
        for alias in derived_places.get(key, ()):
            if (key, alias) not in kinds:
                aliases.append(alias)
                kinds[(key, alias)] = "place"
        actor = Actor(key, row["label"], "state", key, None, row.get("wikidata") or None, True)
        entries.append(Entry(actor, tuple(dict.fromkeys(aliases)), ()))

    tenures = _tenures(directory / "offices.csv", _rows(directory / "offices.csv"))
    for row in _rows(directory / "organizations.csv"):
        key = row["key"]
        aliases = [row["label"], *_split(row.get("names"))]
        for alias in _split(row.get("abbrevs")):
            aliases.append(alias)
            kinds[(key, alias)] = "abbrev"
        # An organisation may govern a state for a time (the Taliban, Afghanistan since 2021-08-15).
        entries.append(Entry(_organisation(row), tuple(dict.fromkeys(aliases)), tuple(tenures.pop(key, ()))))

    for row in _rows(directory / "persons.csv"):
        key = row["key"]
        aliases = [row["label"], *_split(row.get("names"))]
        actor = Actor(key, row["label"], "person", row.get("nationality") or None, None, row.get("wikidata") or None)
        entries.append(Entry(actor, tuple(dict.fromkeys(aliases)), tuple(tenures.pop(key, ()))))
    if tenures:
        raise ConfigurationError(f"offices.csv names unknown people or organisations: {sorted(tenures)}")

    # Named bodies from the Phoenix dictionary: a curated entry keeps every alias it has.
    curated = {fold(alias) for entry in entries for alias in entry.aliases}
    for row in _derived_rows(directory / "derived_bodies.csv"):
        key = row["key"]
        aliases = [a for a in _split(row.get("names")) if fold(a) not in curated]
        for alias in _split(row.get("abbrevs")):
            if fold(alias) not in curated:
                aliases.append(alias)
                kinds[(key, alias)] = "abbrev"
        if aliases:
            entries.append(Entry(_organisation(row), tuple(dict.fromkeys(aliases)), ()))

    roles = [
        Role(row["phrase"], row.get("office") or None, row.get("sector") or None, row.get("kind") or "group")
        for row in _rows(directory / "roles.csv")
    ]
    sectors = {row["code"]: row["label"] for row in _rows(directory / "sectors.csv")}
    gazetteer = Gazetteer(entries, roles, sectors, kinds, lambda: _derived_people(directory))
    for entry in gazetteer.entries():
        for tenure in entry.tenures:
            if gazetteer.get(tenure.of) is None:
                raise ConfigurationError(f"{entry.actor.key} holds an office of unknown actor {tenure.of!r}")
    return gazetteer


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer from ``data/actors``, loaded once per process."""
    return _load(data_path("actors"))
