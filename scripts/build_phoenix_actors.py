"""Derive extra gazetteer rows from the Phoenix actor dictionary (MIT).

Reads ``shared/data/reference/actor_dictionary.csv`` (openeventdata/petrarch2
``Phoenix.{Countries,International}.actors.txt``) and writes three derived
tables next to the curated ones in ``data/actors``:

- ``derived_persons.csv`` (``key,label,nationality,wikidata,names``): people
  with dated codes (leaders, ministers, officials); names lose a leading title
  ("President", "Sheikh", "Israeli Prime Minister") and only those of two or
  more words are kept, so a bare surname never resolves to a derived person
  on its own; entries named like bodies ("Syrian National Council",
  "Republic Of Serbia") and names made only of common words are left out;
- ``derived_offices.csv`` (the ``offices.csv`` columns): one ``official``
  tenure per dated code whose country is a curated state (``RUSGOV`` ->
  ``RUS``, sector ``GOV``) or whose IGO code names a curated organisation;
- ``derived_places.csv`` (``state,places``): city and region names of the
  country entries (``LUANDA`` -> ``AGO``).

Curated rows stay authoritative: the loader skips any derived alias that a
curated entry already uses, and this script leaves out names the curated
tables know. Run from the repository root::

    python scripts/build_phoenix_actors.py ../shared/data/reference/actor_dictionary.csv data/actors
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spacy.lang.en.stop_words import STOP_WORDS

from kg.extract.gazetteer import NON_TITLE_SECTORS, leading_title

#: Phrases with these characters are patterns or notes, not names.
_ODD = re.compile(r"[()+:!&\[\]<>_/0-9`]")
#: Words that make a dated entry a body, not a person (the source dates some states and parties).
_BODY_WORDS = frozenset(
    {"republic", "council", "movement", "army", "party", "coalition", "front", "authority", "forces", "federation",
     "union", "government", "committee", "organization", "organisation", "league", "ministry", "kingdom",
     "federative", "socialist", "emirate", "people's", "peoples", "republica", "republika", "soviet", "sfsr"}
)  # fmt: skip
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})$")
#: Person codes whose sector we keep (others become a tenure without sector).
_SECTORS = {"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "SPY", "UAF", "MED", "HRI", "NGO", "BUS", "EDU", "LAB"}


def _title(phrase: str) -> str:
    """Title Case of an upper-case phrase: "ABDULLAH II" -> "Abdullah II", "O'BRIEN" -> "O'Brien"."""
    words = []
    for word in phrase.split():
        if _ROMAN.match(word.lower()):
            words.append(word.upper())
            continue
        parts = re.split(r"([-'])", word.lower())
        out = []
        for n, part in enumerate(parts):
            # After an apostrophe only a one-letter prefix ("O'", "D'") makes a capital: "People's".
            after_quote = n >= 2 and parts[n - 1] == "'" and len(parts[n - 2]) > 1
            out.append(part if after_quote else part[:1].upper() + part[1:])
        words.append("".join(out))
    return " ".join(words)


def _titles(directory: Path) -> set[str]:
    """Lower-cased words that may precede a name: role nouns and curated state names and demonyms."""
    titles: set[str] = set()
    with open(directory / "roles.csv", newline="", encoding="utf-8") as fh:
        titles.update(
            row["phrase"].strip().lower() for row in csv.DictReader(fh) if row["sector"] not in NON_TITLE_SECTORS
        )
    with open(directory / "states.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for column in ("label", "names", "demonyms"):
                titles.update(a.strip().lower() for a in (row.get(column) or "").split("|") if a.strip())
    return titles


def _clean_name(name: str, titles: set[str], common: set[str]) -> str | None:
    """``name`` without a leading title, or None if fewer than two words, or only common ones, remain."""
    words = name.split()
    words = words[leading_title([w.lower() for w in words], titles) :]
    if len(words) < 2 or all(w.lower() in common for w in words):
        return None
    return " ".join(words)


def _year_fix(value: str) -> str:
    """Undo the source's two-digit-year guess (``33`` -> 2033) for dates after 2026."""
    if value and value[:4] > "2026":
        return f"{int(value[:4]) - 100:04d}{value[4:]}"
    return value


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _curated(directory: Path) -> tuple[set[str], dict[str, str], set[str]]:
    """Curated state keys, IGO code -> organisation key, and every curated alias (lower-cased)."""
    states: set[str] = set()
    igos: dict[str, str] = {}
    aliases: set[str] = set()
    with open(directory / "states.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            states.add(row["key"])
            for column in ("label", "names", "demonyms", "capitals", "seats", "places"):
                aliases.update(a.strip().lower() for a in (row.get(column) or "").split("|") if a.strip())
    with open(directory / "organizations.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = (row.get("cameo") or "")[:6]
            if code.startswith("IGO") and len(code) == 6:
                igos.setdefault(code, row["key"])
            for column in ("label", "names", "abbrevs"):
                aliases.update(a.strip().lower() for a in (row.get(column) or "").split("|") if a.strip())
    with open(directory / "persons.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for column in ("label", "names"):
                aliases.update(a.strip().lower() for a in (row.get(column) or "").split("|") if a.strip())
    return states, igos, aliases


def _curated_people(directory: Path) -> re.Pattern[str]:
    """A pattern finding any curated person's full name inside a longer phrase."""
    names: set[str] = set()
    with open(directory / "persons.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for alias in [row["label"], *(row.get("names") or "").split("|")]:
                alias = alias.strip().lower()
                if len(alias.split()) >= 2:
                    names.add(re.escape(alias))
                elif alias:
                    # A curated bare surname ("Bush") ends any longer name for that person.
                    names.add(re.escape(alias) + "$")
    return re.compile(r"\b(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")


def build(source: Path, directory: Path) -> tuple[int, int, int]:
    """Write the derived tables; return the number of persons, tenures and places."""
    states, igos, curated = _curated(directory)
    curated_people = _curated_people(directory)
    titles = _titles(directory)
    common = set(STOP_WORDS) | {w for t in titles for w in t.split()}
    with open(source, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_entry: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_entry[(row["dictionary"], row["entry"])].append(row)

    persons: list[dict[str, str]] = []
    offices: list[dict[str, str]] = []
    places: dict[str, list[str]] = defaultdict(list)
    taken: set[str] = set(curated)
    for (dictionary, entry), group in by_entry.items():
        if "MilNonState" in dictionary:
            continue
        dated = any(r["date_start"] or r["date_end"] for r in group)
        codes = [r["code"] for r in group if r["code"]]
        if not dated:
            # Undated country entries with a bare state code: places of that state.
            if "Countries" in dictionary and codes and all(c == codes[0] for c in codes) and codes[0] in states:
                for r in group:
                    phrase = r["phrase"].strip()
                    if _ODD.search(phrase) or len(phrase) < 4:
                        continue
                    name = _title(phrase)
                    if name.lower() not in taken:
                        taken.add(name.lower())
                        places[codes[0]].append(name)
            continue
        if _BODY_WORDS.intersection(entry.lower().split()) or entry.lower() in curated:
            # A body, or a state under a dated code ("IRAQ" of the occupation years): no person.
            continue
        names = []
        for r in group:
            phrase = r["phrase"].strip()
            if _ODD.search(phrase) or len(phrase.split()) < 2:
                continue
            name = _clean_name(_title(phrase), titles, common)
            if name and name.lower() not in taken and name not in names:
                names.append(name)
        if not names or any(curated_people.search(n.lower()) for n in [entry, *names]):
            # Nothing new, or a curated person under a longer name ("President Vladimir Putin").
            continue
        tenures = []
        countries: Counter[str] = Counter()
        for r in group:
            code = r["code"]
            if not code:
                continue
            if code[:3] in states:
                of, sector = code[:3], code[3:6] if code[3:6] in _SECTORS else ""
                countries[of] += 1
            elif code[:6] in igos:
                of, sector = igos[code[:6]], ""
            else:
                continue
            start, end = _year_fix(r["date_start"]), _year_fix(r["date_end"])
            if start and end and end <= start:
                continue
            tenure = (of, sector, start, end)
            if tenure not in tenures:
                tenures.append(tenure)
        if not tenures:
            continue
        key = f"phx-{_slug(entry)}"
        if any(p["key"] == key for p in persons[-5:]):
            continue
        taken.update(n.lower() for n in names)
        persons.append(
            {
                "key": key,
                "label": _clean_name(_title(entry), titles, set()) or names[0],
                "nationality": countries.most_common(1)[0][0] if countries else "",
                "wikidata": "",
                "names": "|".join(names),
            }
        )
        for of, sector, start, end in tenures:
            offices.append(
                {"person": key, "office": "official", "of": of, "sector": sector, "start": start, "end": end,
                 "paramount": "0"}
            )  # fmt: skip

    seen: set[str] = set()
    unique = []
    for person in persons:
        if person["key"] not in seen:
            seen.add(person["key"])
            unique.append(person)
    with open(directory / "derived_persons.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, ["key", "label", "nationality", "wikidata", "names"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(unique)
    with open(directory / "derived_offices.csv", "w", newline="", encoding="utf-8") as fh:
        columns = ["person", "office", "of", "sector", "start", "end", "paramount"]
        writer = csv.DictWriter(fh, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(o for o in offices if o["person"] in seen)
    with open(directory / "derived_places.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["state", "places"])
        for state in sorted(places):
            writer.writerow([state, "|".join(places[state])])
    return len(unique), len(offices), sum(len(v) for v in places.values())


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    persons, tenures, places = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"persons {persons}, tenures {tenures}, places {places}")
