//! Names from the tagger's spans and the word lists: the spans refined by general rules
//! (titles and possessives cut off, names joined across "bin"), then each given a kind, a
//! canonical name when a list knows it, and the word-list names the tagger missed added.

use super::super::lexicon::{
    FastMap, FastSet, G_CITY, G_COUNTRY, G_DEMONYM, G_HON, G_ORG, G_REGION, G_START, G_TITLE,
    Lexicon,
};
use super::refine::{Refined, refine, spans};
use super::tagger::{EntityType, TokInfo};
use super::words::*;
use crate::model::{ActorKind, MentionForm};
use crate::segment::{Document, TokenKind, is_all_caps};

/// Verbs after a capital that make it stand for its government ("Moscow said").
const GOVERNMENT_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "accused",
    "denied",
    "rejected",
    "warned",
    "insisted",
    "insists",
    "wants",
    "demanded",
    "demands",
    "agreed",
    "responded",
    "threatened",
    "claimed",
    "claims",
    "refused",
    "signalled",
    "signaled",
    "urged",
    "vowed",
    "condemned",
    "welcomed",
];

/// Nouns of diplomacy before "with Moscow", "between Washington and Moscow".
const DIPLOMATIC_NOUNS: &[&str] = &[
    "relations",
    "ties",
    "talks",
    "negotiations",
    "dialogue",
    "deal",
    "agreement",
    "rapprochement",
    "cooperation",
    "détente",
    "detente",
    "contacts",
    "rift",
    "tensions",
];

/// Nouns after a demonym that make a bloc ("European countries").
const BLOC_NOUNS: &[&str] = &["countries", "states", "nations", "governments", "leaders"];

/// Words after a known organisation that still name it ("NATO Headquarters").
const ORG_SEATS: &[&str] = &["Headquarters", "headquarters", "Secretariat", "HQ"];

/// Words for a political party or its members, which a tagger takes for people ("Tory" is
/// also a given name). From Wikipedia, "List of political parties in the United Kingdom" and
/// "... in the United States" (CC BY-SA 4.0): the parties' common short names.
const PARTY_WORDS: &[&str] = &[
    "Tory",
    "Tories",
    "Whig",
    "Whigs",
    "Labour",
    "Conservative",
    "Conservatives",
    "Liberal",
    "Liberals",
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Unionist",
    "Unionists",
    "Socialist",
    "Socialists",
    "Communist",
    "Communists",
];

/// The candidates of a document: the tagger's spans refined and typed, the word-list names it
/// missed, streets, and blocs ("European countries"), in text order.
pub(super) fn candidates<'a>(
    doc: &Document<'a>,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    labels: &[u8],
) -> Vec<NameCandidate<'a>> {
    let refined = refine(doc, lx, info, wd, spans(labels));
    let mut out: Vec<NameCandidate<'a>> = Vec::with_capacity(refined.len() + 8);
    let mut covered = vec![false; doc.tokens.len()];
    for span in refined {
        from_span(doc, lx, info, wd, span, &mut covered, &mut out);
    }
    listed_and_hyphenated(doc, lx, info, wd, &mut covered, &mut out);
    companies(doc, lx, info, wd, &mut covered, &mut out);
    streets(doc, wd, &mut covered, &mut out);
    join_blocs(doc, &mut out);
    if !out.is_sorted_by_key(|c| (span_of(doc, c).start, c.tokens.end)) {
        out.sort_by_key(|c| (span_of(doc, c).start, c.tokens.end));
    }
    out
}

/// The candidate of one refined span, if it names an actor: its bounds trimmed, its type
/// fixed by the word lists and the words around it (with a demonym before a government body
/// pushed as a candidate of its own). Marks its tokens covered.
// The rules are one sequence, each reading what the last left: one function keeps them in order.
#[allow(clippy::too_many_arguments)]
fn from_span<'a>(
    doc: &Document<'a>,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    (span_start, span_end, ty, span_entry): Refined,
    covered: &mut [bool],
    out: &mut Vec<NameCandidate<'a>>,
) {
    let (start, end) = trim(doc, wd, span_start, span_end);
    let ty = honorific_person(info, wd, ty, start, end);
    let mut start = start;
    if ty == EntityType::Per {
        // Titles, honorifics and a leading country are not part of a person's name.
        while start + 1 < end
            && (info[start].flags & (G_TITLE | G_HON | G_DEMONYM | G_COUNTRY) != 0
                || wd.is(start, W_HON_DOT))
        {
            start += 1;
        }
    }
    if start >= end {
        return;
    }
    let mut ty = ty;
    if matches!(ty, EntityType::Per | EntityType::Org) && (start..end).all(|i| wd.is(i, W_ORGSUF)) {
        start = institution_start(doc, info, wd, covered, out, (start, end));
        ty = EntityType::Org;
    }
    // "the Mexican Energy Ministry": the demonym is a mention of its country, the rest the
    // government body. Only before the heads of government bodies: the demonym is part of
    // the name in "Indian National Congress" or "American Express".
    if ty == EntityType::Org
        && end > start + 1
        && info[start].flags & G_DEMONYM != 0
        && info[start].gaz_len == 1
        && info[start + 1].gaz_len as usize != end - start - 1
        && government_body(doc, start + 1, end)
        && let Some(entry) = lx.gaz(word_at(doc, start)).filter(|entry| entry.demonym)
    {
        out.push(NameCandidate::listed(
            entry,
            start..start + 1,
            word_at(doc, start),
        ));
        covered[start] = true;
        start += 1;
    }
    // A name made only of title words ("Special Envoy") is a role, not an actor; but a party's
    // name is a name even where it is also a title's word ("Labour", "the Labour Party").
    if (start..end).all(|i| wd.is(i, W_HEAD | W_MOD | W_LINK))
        && !(start..end).any(|i| PARTY_WORDS.contains(&word_at(doc, i)))
    {
        return;
    }
    let name = surface(doc, start, end);
    let ty = retype(doc, lx, wd, ty, (start, end), name);
    let mut cand = NameCandidate {
        tokens: start..end,
        kind: match ty {
            EntityType::Per => ActorKind::Person,
            EntityType::Org => ActorKind::Organisation,
            _ => ActorKind::Place,
        },
        form: MentionForm::Name,
        canonical: None,
        surface: name,
        sure: false,
    };
    let entry = match span_entry {
        Some(entry) if (start, end) == (span_start, span_end) => entry,
        _ => lx.gaz(name),
    };
    if let Some(entry) = entry {
        cand.kind = entry.kind;
        cand.canonical = Some(entry.canonical);
        cand.sure = true;
        if entry.demonym {
            cand.form = MentionForm::Demonym;
        }
    } else if let Some(entry) = org_with_seat(doc, lx, start, end) {
        cand.canonical = Some(entry);
        cand.kind = ActorKind::Organisation;
        cand.sure = true;
    } else if ty == EntityType::Org
        && end == start + 1
        && lx.subdivisions.contains(name)
        && start > 0
        && word_at(doc, start - 1).eq_ignore_ascii_case("the")
    {
        // "the Punjab", "the Crimea": a region named with the article, which the tagger reads
        // as an organisation ("the Pentagon"). Not without it: "Minnesota beat Texas" names teams.
        cand.kind = ActorKind::Place;
    } else if ty != EntityType::Per && lx.companies.contains(name) {
        // A listed company, whatever place or thing the tagger took it for.
        cand.kind = ActorKind::Organisation;
    } else if ty == EntityType::Misc {
        // Other MISC names (events, works, nationalities we do not know) are not actors,
        // but hyphenated compounds inside may hold some ("US-Russian").
        return;
    } else if ty == EntityType::Loc
        && lx.capitals.contains_key(name)
        && stands_for_government(doc, start, end)
    {
        cand.kind = ActorKind::Country;
        cand.canonical = lx.capitals.get(name).copied();
        cand.sure = true;
    }
    covered[cand.tokens.clone()]
        .iter_mut()
        .for_each(|x| *x = true);
    out.push(cand);
}

/// A name's tokens without a possessive, punctuation at either end, or (for "Apple Inc.") with
/// the dot of a company's abbreviation.
fn trim(doc: &Document, wd: &Words, start: usize, end: usize) -> (usize, usize) {
    let (mut start, mut end) = (start, end);
    // A possessive or trailing punctuation is not part of the name.
    while end > start && (wd.is(end - 1, W_POSS) || doc.tokens[end - 1].kind != TokenKind::Word) {
        end -= 1;
    }
    while start < end && doc.tokens[start].kind != TokenKind::Word {
        start += 1;
    }
    // "Apple Inc.": the dot of a company's abbreviation belongs to its name.
    if end > start
        && matches!(
            word_at(doc, end - 1),
            "Inc" | "Corp" | "Ltd" | "Co" | "Bros" | "Jr" | "Sr"
        )
        && word_at(doc, end) == "."
        && doc.tokens.get(end).is_some_and(|tok| !tok.space_before)
    {
        end += 1;
    }
    (start, end)
}

/// "Lord Halworth said": an honorific before names opens a person's name, whatever the tagger
/// says.
fn honorific_person(
    info: &[TokInfo],
    wd: &Words,
    ty: EntityType,
    start: usize,
    end: usize,
) -> EntityType {
    if ty == EntityType::Org
        && end > start + 1
        && end - start <= 4
        && wd.is(start, W_HON_DOT)
        && (start + 1..end).all(|i| {
            wd.is(i, W_CAP)
                && !wd.is(i, W_ORGSUF | W_PLACESUF | W_HEAD | W_MOD | W_FUNC)
                && info[i].flags & (G_COUNTRY | G_DEMONYM | G_ORG | G_REGION | G_CITY) == 0
        })
    {
        EntityType::Per
    } else {
        ty
    }
}

/// "according to the Indonesian Energy Ministry": a person or organisation made only of
/// the head words of institutions is the institution, named by the capitalised words
/// before it (which the tagger may leave out); a
/// demonym or country before those is left to the word lists (a mention of its country).
/// Returns the name's new first token.
fn institution_start(
    doc: &Document,
    info: &[TokInfo],
    wd: &Words,
    covered: &[bool],
    out: &mut Vec<NameCandidate>,
    (start, end): (usize, usize),
) -> usize {
    let mut start = start;
    let lo = sentence_bounds(doc, start).0;
    while start > lo && end - start < 4 && org_name_word(doc, info, wd, covered, start - 1) {
        start -= 1;
    }
    // "African National Congress": before other heads, a demonym is part of the name.
    if start > lo
        && end > start + 1
        && info[start - 1].flags & G_DEMONYM != 0
        && !government_body(doc, start, end)
    {
        // (The tagger may have named the demonym alone: it is now part of this name.)
        let alone = out.last().is_some_and(|cand| {
            cand.tokens == (start - 1..start) && cand.form == MentionForm::Demonym
        });
        if alone {
            out.pop();
        }
        if alone || !covered[start - 1] {
            start -= 1;
        }
    }
    start
}

/// "Music Store", "Moscone Center": not people, whatever the tagger says; "Downing
/// Street" is a place and "UK Independence Party" an organisation.
fn retype(
    doc: &Document,
    lx: &Lexicon,
    wd: &Words,
    ty: EntityType,
    (start, end): (usize, usize),
    name: &str,
) -> EntityType {
    if (ty == EntityType::Per && end > start + 1 && wd.is(end - 1, W_ORGSUF))
        || (ty == EntityType::Loc && org_head(doc, wd, end - 1))
    {
        EntityType::Org
    } else if end > start + 1
        && ((ty == EntityType::Per && wd.is(end - 1, W_PLACESUF))
            || (ty == EntityType::Org
                && matches!(
                    word_at(doc, end - 1),
                    "Street" | "Square" | "Road" | "Avenue"
                )
                && !(start..end).any(|i| wd.is(i, W_ORGSUF))))
    {
        // (Of an organisation's, only the words of streets: "Crystal Palace" and "Notts
        // County" are football clubs.)
        EntityType::Loc
    } else if ty == EntityType::Per && end == start + 1 && PARTY_WORDS.contains(&name) {
        // "Tory leader": a party's word, not a person (some are also given names).
        EntityType::Org
    } else if ty == EntityType::Misc
        && end == start + 1
        && matches!(word_at(doc, end), "administration" | "presidency")
        && !is_all_caps(name)
        && name.chars().all(char::is_alphabetic)
        && !lx.is_city(name)
        && lx.gaz(name).is_none()
    {
        // "the Kane administration": a person's name the tagger took for a name of a thing.
        EntityType::Per
    } else {
        ty
    }
}

/// Word-list names the tagger missed, and the parts of hyphenated compounds.
fn listed_and_hyphenated<'a>(
    doc: &Document<'a>,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    covered: &mut [bool],
    out: &mut Vec<NameCandidate<'a>>,
) {
    // Hyphens are rare: one scan of the text finds them all, instead of one per word. Most
    // words have neither a list flag nor a hyphen, so that is tested first.
    const LISTED: u16 = G_COUNTRY | G_DEMONYM | G_ORG | G_REGION;
    let mut hyphens = doc.text.match_indices('-').map(|(p, _)| p);
    let mut next_hyphen = hyphens.next().unwrap_or(usize::MAX);
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = doc.tokens[i];
        while next_hyphen < t.start {
            next_hyphen = hyphens.next().unwrap_or(usize::MAX);
        }
        let hyphen = next_hyphen < t.end;
        if (info[i].flags & LISTED == 0 && !hyphen) || covered[i] || t.kind != TokenKind::Word {
            i += 1;
            continue;
        }
        if info[i].flags & LISTED != 0 && wd.is(i, W_CAP) {
            let mut j = i + 1;
            while j < doc.tokens.len() && !covered[j] && info[j].flags & G_START == 0 {
                let f = info[j].flags & LISTED;
                if f == 0 || f != info[i].flags & LISTED {
                    break;
                }
                j += 1;
            }
            let s = surface(doc, i, j);
            if let Some(g) = lx.gaz(s) {
                // A lone word in capitals that is also a common word ("US" in a headline reads
                // "us") only counts when it is written the way the list writes it.
                out.push(NameCandidate::listed(g, i..j, s));
                for c in &mut covered[i..j] {
                    *c = true;
                }
                i = j;
                continue;
            }
        }
        let w = if hyphen { word_at(doc, i) } else { "" };
        if hyphen && (!is_all_caps(w) || w.len() > 3) {
            for part in w.split('-') {
                if let Some(g) = lx.gaz(part).filter(|_| is_cap(part)) {
                    out.push(NameCandidate::listed(g, i..i + 1, part));
                }
            }
        }
        i += 1;
    }
}

/// Words that end a company's full name, after which its short name follows ("Norvane Inc.",
/// then "Norvane").
const COMPANY_ENDINGS: &[&str] = &[
    "Inc",
    "Corp",
    "Corporation",
    "Co",
    "Company",
    "Ltd",
    "plc",
    "PLC",
    "LLC",
    "AG",
    "GmbH",
    "SA",
    "NV",
    "Computer",
    "Computers",
];

/// The names of companies the tagger missed ("sued Norvane"), capitalised words of no other
/// name: listed companies, and the short names of the text's own companies ("Norvane" after
/// "Norvane Inc."). A listed name opening its sentence counts only when the text also writes it
/// inside one.
fn companies<'a>(
    doc: &Document<'a>,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    covered: &mut [bool],
    out: &mut Vec<NameCandidate<'a>>,
) {
    // The text's own organisations ("Norvane" named once is "Norvane" everywhere), and its
    // companies' short names ("Norvane" of "Norvane Inc."), unless a word list knows them.
    let mut org_count: FastMap<&str, usize> = FastMap::default();
    for c in out.iter().filter(|c| c.kind == ActorKind::Organisation) {
        *org_count.entry(c.surface).or_insert(0) += 1;
    }
    let mut own: FastSet<&str> = FastSet::default();
    for c in out.iter() {
        if c.kind != ActorKind::Organisation || c.canonical.is_some() {
            continue;
        }
        let mut last = c.tokens.end;
        while last > c.tokens.start && word_at(doc, last - 1) == "." {
            last -= 1;
        }
        let ending = last > c.tokens.start + 1
            && COMPANY_ENDINGS.contains(&word_at(doc, last - 1).trim_end_matches('.'));
        let short = if ending {
            surface(doc, c.tokens.start, last - 1)
        } else {
            c.surface
        };
        // (A common word, "Series", only when the tagger named it an organisation twice, or
        // before a company's ending.)
        let common_word = !ending && !short.contains(' ') && lx.is_common(short);
        let twice = org_count.get(short).is_some_and(|&n| n >= 2);
        if !short.is_empty()
            && (!common_word || twice)
            && lx.gaz(short).is_none()
            && !lx.is_city(short)
            && !is_all_caps(short)
        {
            own.insert(short);
        }
    }
    let known = |s: &str| lx.companies.contains(s) || own.contains(s);
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if covered[i] || !wd.is(i, W_CAP) || wd.is(i, W_FUNC | W_CAL | W_HON) {
            i += 1;
            continue;
        }
        let hit = (1..=4).rev().find(|&n| {
            i + n <= doc.tokens.len()
                && !covered[i..i + n].iter().any(|&c| c)
                && known(surface(doc, i, i + n))
        });
        match hit {
            Some(n) => {
                found.push((i, i + n));
                i += n;
            }
            None => i += 1,
        }
    }
    let inside: FastSet<&str> = found
        .iter()
        .filter(|&&(x, _)| !(info[x].first || info[x].headline))
        .map(|&(x, y)| surface(doc, x, y))
        .collect();
    for &(a, b) in &found {
        let name = surface(doc, a, b);
        let opening = info[a].first || info[a].headline;
        if opening && !own.contains(name) && !inside.contains(name) {
            continue;
        }
        out.push(NameCandidate {
            tokens: a..b,
            kind: ActorKind::Organisation,
            form: MentionForm::Name,
            canonical: None,
            surface: name,
            sure: false,
        });
        covered[a..b].iter_mut().for_each(|x| *x = true);
    }
}

/// "European countries", "Arab states": a demonym of a bloc and the noun after it name the bloc.
fn join_blocs<'a>(doc: &Document<'a>, out: &mut [NameCandidate<'a>]) {
    for c in out.iter_mut() {
        if c.form == MentionForm::Demonym
            && c.kind == ActorKind::Group
            && BLOC_NOUNS.contains(&word_at(doc, c.tokens.end))
        {
            c.tokens.end += 1;
            c.surface = surface(doc, c.tokens.start, c.tokens.end);
            c.form = MentionForm::Name;
        }
    }
}

/// "Downing Street has confirmed": a street or square the tagger missed, named by the
/// capitalised words before it.
fn streets<'a>(
    doc: &Document<'a>,
    wd: &Words,
    covered: &mut [bool],
    out: &mut Vec<NameCandidate<'a>>,
) {
    // (Few texts name one: a search of the text is cheaper than a look at every token.)
    if !["Street", "Square", "Road", "Avenue"]
        .iter()
        .any(|w| doc.text.contains(w))
    {
        return;
    }
    let bytes = doc.text.as_bytes();
    for (i, t) in doc.tokens.iter().enumerate().skip(1) {
        if !matches!(t.end - t.start, 4 | 6)
            || !matches!(bytes.get(t.start), Some(b'S' | b'R' | b'A'))
            || covered[i]
            || !matches!(word_at(doc, i), "Street" | "Square" | "Road" | "Avenue")
        {
            continue;
        }
        let mut a = i;
        while a > 0
            && i - a < 3
            && !covered[a - 1]
            && doc.tokens[a - 1].kind == TokenKind::Word
            && wd.is(a - 1, W_CAP)
            && !wd.is(a - 1, W_FUNC | W_CAL | W_HEAD | W_HON | W_POSS | W_EVENT)
        {
            a -= 1;
        }
        if a < i {
            out.push(NameCandidate {
                tokens: a..i + 1,
                kind: ActorKind::Place,
                form: MentionForm::Name,
                canonical: None,
                surface: surface(doc, a, i + 1),
                sure: false,
            });
            covered[a..=i].iter_mut().for_each(|x| *x = true);
        }
    }
}

/// Whether token `i`, before the head word of an institution, is part of its name ("Energy
/// Ministry"): a capitalised word of no list (not a demonym, country, title or function word),
/// not already part of another name, and not opening its sentence ("Former Cabinet minister").
fn org_name_word(doc: &Document, info: &[TokInfo], wd: &Words, covered: &[bool], i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word
        && !covered[i]
        && !info[i].first
        && wd.is(i, W_CAP)
        && !wd.is(i, W_FUNC | W_POSS | W_CAL | W_HEAD | W_HON | W_EVENT)
        && info[i].flags & (G_DEMONYM | G_COUNTRY | G_CITY | G_REGION | G_HON) == 0
}

/// Whether tokens `a..b` name a government body by its head ("Energy Ministry", "Central
/// Bank", "Embassy"): bodies a country has one of, so a demonym before them is its country.
fn government_body(doc: &Document, a: usize, b: usize) -> bool {
    let last = word_at(doc, b - 1);
    match last {
        "Ministry" | "Embassy" | "Consulate" | "Government" | "Cabinet" => true,
        "Bank" => b >= a + 2 && matches!(word_at(doc, b - 2), "Central" | "National" | "Reserve"),
        "Office" | "Department" => {
            b >= a + 2
                && matches!(
                    word_at(doc, b - 2),
                    "Foreign" | "Home" | "State" | "Defence" | "Defense" | "Justice" | "Finance"
                )
        }
        _ => false,
    }
}

/// Whether token `i` ends an organisation's name. Not "City", "Bank" or "Union", which end
/// names of places as often ("Mexico City", "West Bank", "Soviet Union").
fn org_head(doc: &Document, wd: &Words, i: usize) -> bool {
    wd.is(i, W_ORGSUF)
        && !wd.is(i, W_PLACESUF)
        && !matches!(word_at(doc, i), "City" | "Bank" | "Union")
}

/// "NATO Headquarters": a known organisation and the word for its seat.
fn org_with_seat(doc: &Document, lx: &Lexicon, a: usize, b: usize) -> Option<&'static str> {
    if b < a + 2 || !ORG_SEATS.contains(&word_at(doc, b - 1)) {
        return None;
    }
    lx.gaz(surface(doc, a, b - 1))
        .filter(|g| g.kind == ActorKind::Organisation)
        .map(|g| g.canonical)
}

/// Whether a capital at tokens `a..b` stands for its government: the subject of a statement
/// ("Moscow said"), or the other side of relations ("relations with Moscow", "talks between
/// Washington and Moscow").
fn stands_for_government(doc: &Document, a: usize, b: usize) -> bool {
    let next = word_at(doc, b);
    let next = if is_possessive(next) { "'s" } else { next };
    if GOVERNMENT_VERBS.contains(&next) {
        return true;
    }
    let (lo, _) = sentence_bounds(doc, a);
    let prev = if a > lo { word_at(doc, a - 1) } else { "" };
    if matches!(
        prev,
        "with" | "between" | "and" | "from" | "towards" | "toward"
    ) {
        let from = a.saturating_sub(6).max(lo);
        return (from..a).any(|i| {
            let w = word_at(doc, i);
            DIPLOMATIC_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w))
        });
    }
    false
}
