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
  country entries (``LUANDA`` -> ``AGO``);
- ``derived_bodies.csv`` (the ``organizations.csv`` columns): named bodies -
  armed groups (``Phoenix.MilNonState``), a state's own bodies with a sector
  code (``PEOPLES LIBERATION ARMY`` -> ``CHNMIL``) and intergovernmental
  organisations (``IGO...``). Only undated entries whose name has a word of a
  body ("army", "front", "council", ...) count, so people are left out; each
  name must have such a word too (``AL-AQSA`` alone names a mosque), and one
  word of two to six letters is an abbreviation (``FSB``); a name or an
  abbreviation two entries share is dropped from both.

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

from kg.extract.gazetteer import DERIVED_BODY_PREFIX, NON_TITLE_SECTORS, leading_title

#: Phrases with these characters are patterns or notes, not names.
_ODD = re.compile(r"[()+:!&\[\]<>_/0-9`]")
#: Words that make a dated entry a body, not a person (the source dates some states and parties).
_BODY_WORDS = frozenset(
    {"republic", "council", "movement", "army", "party", "coalition", "front", "authority", "forces", "federation",
     "union", "government", "committee", "organization", "organisation", "league", "ministry", "kingdom",
     "federative", "socialist", "emirate", "people's", "peoples", "republica", "republika", "soviet", "sfsr"}
)  # fmt: skip
#: Words that make an undated entry (and each of its names) a named body, not a person.
_NOT_BODY_WORDS = frozenset({"federative", "socialist", "people's", "peoples", "republica", "republika", "sfsr"})
_BODY_NAME_WORDS = _BODY_WORDS - _NOT_BODY_WORDS | {
    "guard", "guards", "brigade", "brigades", "corps", "police", "militia", "service", "services", "agency",
    "assembly", "parliament", "court", "directorate", "command", "group", "bank", "fund", "commission",
    "association", "alliance", "jihad", "mujahideen", "battalion", "tigers", "liberation", "resistance",
    "legion", "navy", "duma", "brotherhood", "tribunal", "secretariat", "intelligence", "department",
}  # fmt: skip
#: Words a label keeps in lower case ("Council of the European Union").
_SMALL_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "to", "at", "by", "with"})
#: Words a label writes in capitals ("UN Secretariat", "US Intelligence Community").
_ACRONYMS = frozenset({"un", "us", "eu", "uk"})
#: Sectors that say more of a body than GOV does.
_INSTITUTION_SECTORS = ("JUD", "SPY", "COP", "LEG", "MIL")
_ABBREV = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|x{1,3})$")
#: Person codes whose sector we keep (others become a tenure without sector).
_SECTORS = {"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "SPY", "UAF", "MED", "HRI", "NGO", "BUS", "EDU", "LAB"}
#: Sector codes a body may carry after its country.
_BODY_SECTORS = _SECTORS | {"SPY", "ENV", "HLH", "DEV", "AGR", "REF", "CVL"}


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


def _unbracket(phrase: str) -> str:
    """``phrase`` without its bracketed parts: "IRISH NATIONAL LIBERATION ARMY (INLA)"."""
    return re.sub(r"\s*\(.*?\)\s*", " ", phrase).strip()


def _body_words(name: str) -> set[str]:
    return set(re.split(r"[\s-]+", name.lower())) & _BODY_NAME_WORDS


def _bodies(
    by_entry: dict[tuple[str, str], list[dict[str, str]]], states: set[str], curated: set[str], common: set[str]
) -> list[dict[str, str]]:
    """Rows of ``derived_bodies.csv`` (see the module docstring)."""
    found: list[tuple[str, str, list[str], list[str]]] = []  # entry, code, names, abbrevs
    for (dictionary, entry), group in by_entry.items():
        if any(r["date_start"] or r["date_end"] for r in group):
            continue
        codes = Counter(r["code"] for r in group if r["code"])
        if not codes or not _body_words(_unbracket(entry)):
            continue
        code = codes.most_common(1)[0][0]
        if "Countries" in dictionary and (code[:3] not in states or len(code) < 6):
            continue  # a state's own body has a sector ("CHNMIL")
        if "International" in dictionary and not code.startswith("IGO"):
            continue  # companies and NGOs
        names: list[str] = []
        abbrevs: list[str] = []
        for r in group:
            phrase = r["phrase"].strip()
            for inner in re.findall(r"\(([^()]*)\)", phrase):
                # "IRISH NATIONAL LIBERATION ARMY (INLA)": the abbreviation in brackets.
                if _ABBREV.match(inner.strip()):
                    abbrevs.append(inner.strip())
            phrase = _unbracket(phrase)
            if _ABBREV.match(phrase) and len(phrase) >= 3 and phrase.lower() not in common:
                abbrevs.append(phrase)
                continue
            if _ODD.search(phrase) or len(phrase.split()) < 2 or not _body_words(phrase):
                continue
            words = phrase.lower().removeprefix("the ").split()
            if len(words) < 2 or all(w in common for w in words):
                continue
            names.append(_title(" ".join(words)))
        found.append((entry, code, list(dict.fromkeys(names)), list(dict.fromkeys(abbrevs))))

    # A name two bodies share ("PEOPLES LIBERATION ARMY": China's and an Irish group's) names neither.
    claims: Counter[str] = Counter()
    for _, _, names, abbrevs in found:
        claims.update({n.lower() for n in names} | {a.lower() for a in abbrevs})
    rows: list[dict[str, str]] = []
    keys: set[str] = set()
    for entry, code, names, abbrevs in found:
        names = [n for n in names if claims[n.lower()] == 1 and n.lower() not in curated]
        abbrevs = [a for a in abbrevs if claims[a.lower()] == 1 and a.lower() not in curated]
        if not names:
            continue
        key = f"{DERIVED_BODY_PREFIX}{_slug(entry)}"
        if key in keys:
            continue
        keys.add(key)
        country = code[:3] if code[:3] in states else ""
        elements = [code[i : i + 3] for i in range(3, len(code), 3) if code[i : i + 3] in _BODY_SECTORS]
        # A court or a service within the government is that ("USAGOVJUD": a court, JUD); an
        # organisation's code names its field, not a sector of a state.
        sector = next((e for e in elements if e in _INSTITUTION_SECTORS), elements[0] if elements else "")
        sector = "" if code.startswith("IGO") else sector
        label = _title(_unbracket(entry).lower().removeprefix("the "))
        # "Peoples Liberation Army" is written "People's Liberation Army" among its names.
        bare = label.lower().replace("'", "")
        label = next((n for n in names if "'" in n and n.lower().replace("'", "") == bare), label)
        label = " ".join(
            w.upper() if w.lower() in _ACRONYMS else w.lower() if n and w.lower() in _SMALL_WORDS else w
            for n, w in enumerate(label.split())
        )
        rows.append(
            {"key": key, "label": label, "type": "organization", "country": country, "sector": sector,
             "wikidata": "", "names": "|".join(names), "abbrevs": "|".join(abbrevs), "cameo": code}
        )  # fmt: skip
    return rows


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
    bodies = _bodies(by_entry, states, set(curated), set(STOP_WORDS))
    with open(directory / "derived_bodies.csv", "w", newline="", encoding="utf-8") as fh:
        columns = ["key", "label", "type", "country", "sector", "wikidata", "names", "abbrevs", "cameo"]
        writer = csv.DictWriter(fh, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(bodies)
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
