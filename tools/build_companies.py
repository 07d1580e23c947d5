#!/usr/bin/env python3
"""Builds assets/lexicon/companies.txt, the names of large listed companies, from the S&P 500
constituents list of the Open Knowledge Foundation's datasets (github.com/datasets/
s-and-p-500-companies, data/constituents.csv; Open Data Commons Public Domain Dedication and
License 1.0). Run from the repository root:

    python3 tools/build_companies.py /path/to/constituents.csv

Each company gives its listed name ("Apple Inc.") and its name without the legal ending
("Apple"). A short name that is a given name, a country or a city is left out (the other lists
decide those words), and so is one that is a common English word ("Target", "News"): the
actor rules find such a short name only in a text that also writes the full one. Deterministic: the same input gives byte-identical output.
"""
import csv, os, re, sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "lexicon")
ENDINGS = {"Inc.", "Inc", "Incorporated", "Corporation", "Corp.", "Corp", "Company", "Companies",
           "Co.", "Co", "Group", "Holdings", "plc", "Ltd", "Limited", "Systems", "Technologies",
           "International", "Global", "&"}


def words_of(path, col=0):
    out = set()
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        for f in line.rstrip("\n").split("\t")[col].split("|") if col >= 0 else [line.strip()]:
            out.add(f)
    return out


def main():
    given = words_of(os.path.join(OUT, "given_names.txt"), -1)
    common = {w for w in words_of(os.path.join(OUT, "common_words.txt"), -1)}
    cities = words_of(os.path.join(OUT, "cities.tsv"))
    countries = set()
    for line in open(os.path.join(OUT, "countries.tsv"), encoding="utf-8"):
        if not line.startswith("#"):
            f = line.rstrip("\n").split("\t")
            countries.update(f[3].split("|") + f[4].split("|") + [f[0]])
    names = set()
    for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
        name = re.sub(r"\s*\([^)]*\)", "", row["Security"]).strip()
        if name.startswith("The "):
            name = name[4:]
        words = name.replace(",", "").split()
        names.add(" ".join(words))
        while len(words) > 1 and words[-1] in ENDINGS:
            words.pop()
        short = " ".join(words)
        if (short in given or short in cities or short in countries or len(short) < 2
                or short.lower() in common):
            continue
        names.add(short)
    with open(os.path.join(OUT, "companies.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Large listed companies: each one's listed name and its name without the legal ending.\n")
        f.write("# Source: S&P 500 constituents, github.com/datasets/s-and-p-500-companies\n")
        f.write("# (data/constituents.csv @ 56509dd), Open Data Commons Public Domain Dedication and\n")
        f.write("# License 1.0. Built by tools/build_companies.py.\n")
        for n in sorted(names):
            f.write(n + "\n")


main()
