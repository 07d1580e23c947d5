#!/usr/bin/env python3
"""Builds assets/lexicon/subdivisions.tsv, the first-level subdivisions of the world's countries
(states, provinces, regions, governorates, oblasts, cantons, autonomous republics...), from the
Countries States Cities Database (github.com/dr5hn/countries-states-cities-database,
csv/states.csv; Open Database License 1.0, so the list it gives is under ODbL 1.0 too). Run from
the repository root:

    python3 tools/build_subdivisions.py /path/to/states.csv

Each subdivision gives its name and, where the name carries its kind ("Autonomous Republic of
X", "X Province", "X Oblast"), the name without it. Only top-level subdivisions of the kinds
below are kept (no districts, counties or municipalities: too many, too often common words). A
name that is a given name, a common English word, a country, a region of regions.tsv, an
organisation of orgs.tsv or a company is left out: those lists decide such words. Deterministic:
the same input gives byte-identical output.
"""
import csv, os, re, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "lexicon")
KINDS = {"province", "region", "state", "governorate", "prefecture", "canton", "republic",
         "autonomous region", "autonomous community", "land", "voivodship", "oblast",
         "territory", "union territory", "emirate", "autonomous republic", "federal district",
         "administrative region", "autonomous province", "federal territory", "krai",
         "autonomous okrug", "capital territory", "special administrative region",
         "federal state", "constituent country", "country", "state of emergency"}
PREFIXES = ["Autonomous Republic of ", "Republic of ", "Province of ", "Region of ", "State of ",
            "Autonomous Region of ", "Autonomous Province of ", "Autonomous Community of ",
            "Federal District of ", "Emirate of "]
SUFFIXES = [" Province", " Region", " Oblast", " Governorate", " Prefecture", " State",
            " Department", " Canton", " Autonomous Region", " Autonomous Okrug", " Krai",
            " Territory", " Voivodeship", " District", " Republic"]


def words_of(path, col=0):
    out = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        cols = range(len(fields)) if col == "all" else [col]
        for c in cols:
            if c < len(fields):
                out.update(x for x in fields[c].split("|") if x)
    return out


def main():
    given = words_of(os.path.join(OUT, "given_names.txt"))
    common = words_of(os.path.join(OUT, "common_words.txt"))
    known = (words_of(os.path.join(OUT, "countries.tsv"), "all")
             | words_of(os.path.join(OUT, "regions.tsv"), "all")
             | words_of(os.path.join(OUT, "orgs.tsv"), "all")
             | words_of(os.path.join(OUT, "companies.txt")))
    names = {}
    for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
        if row["parent_id"] or row["type"].lower() not in KINDS:
            continue
        full = row["name"].strip()
        if not re.fullmatch(r"[A-Z][A-Za-z'.\- ]+", full) or "  " in full:
            continue
        forms = [full]
        for p in PREFIXES:
            if full.startswith(p):
                forms.append(full[len(p):])
        for s in SUFFIXES:
            if full.endswith(s):
                forms.append(full[: -len(s)])
        for f in forms:
            f = f.strip()
            if (len(f) < 4 or not f[0].isupper() or f in given or f.lower() in common
                    or f in known or f.split()[0].lower() in {"the", "city", "north", "south",
                                                             "east", "west", "central"}
                    and len(f.split()) == 1):
                continue
            if any(w in given or w.lower() in common for w in f.split()) and len(f.split()) == 1:
                continue
            # "Far North", "Australian Capital" (of "... Territory"): a name that ends in a
            # common word says too little once its kind is cut off.
            if f != full and f.split()[-1].lower() in common:
                continue
            if all(w.lower() in common for w in f.split()):
                continue
            names.setdefault(f, row["country_code"])
    with open(os.path.join(OUT, "subdivisions.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# First-level subdivisions of countries (states, provinces, regions, oblasts...): name,\n")
        out.write("# ISO country code. Source: Countries States Cities Database,\n")
        out.write("# github.com/dr5hn/countries-states-cities-database (csv/states.csv @ 7fda0af),\n")
        out.write("# Open Database License 1.0 (this list is a derived database under ODbL 1.0).\n")
        out.write("# Built by tools/build_subdivisions.py.\n")
        for n in sorted(names):
            out.write(f"{n}\t{names[n]}\n")


main()
