//! People, organisations, countries, groups and places: names, kinds, roles, aliases, mentions,
//! salience.
//!
//! The pipeline: a learned tagger ([`tagger`]) proposes names with a type; word lists
//! ([`super::lexicon`]) fix kinds (a country is a country in every sentence), add demonyms and
//! the parts of "US-Russian", and map every form of a country or organisation to one canonical
//! name; rules then trim titles off names, read roles and affiliations from titles before a
//! name and from appositions after it, attach surnames to full names, and rank actors.

pub mod tagger;

use std::borrow::Cow;
use std::cell::Cell;

use std::sync::OnceLock;

use super::lexicon::{
    self, FastMap, FastSet, G_CITY, G_COUNTRY, G_DEMONYM, G_GIVEN, G_HON, G_ORG, G_REGION, G_START,
    G_TITLE, Lexicon,
};
use super::slug;
use super::text::{Document, TokenKind, is_all_caps};
use crate::model::{Actor, ActorKind, Mention, MentionForm};
use tagger::{O, TokInfo};

/// A mention before grouping: a token range, what it names and how.
#[derive(Debug, Clone)]
struct Cand<'a> {
    /// First token.
    a: usize,
    /// One past the last token.
    b: usize,
    kind: ActorKind,
    form: MentionForm,
    /// The canonical name from a word list, if any.
    canonical: Option<&'static str>,
    /// The surface text.
    surface: &'a str,
    /// Whether the kind comes from a word list (it then wins any vote).
    sure: bool,
}

impl<'a> Cand<'a> {
    /// A candidate read from a word list: its kind and canonical name are sure.
    fn listed(g: lexicon::Gaz, a: usize, b: usize, surface: &'a str) -> Self {
        Cand {
            a,
            b,
            kind: g.kind,
            form: if g.demonym {
                MentionForm::Demonym
            } else {
                MentionForm::Name
            },
            canonical: Some(g.canonical),
            surface,
            sure: true,
        }
    }
}

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

/// Finds the actors of a document, most salient first.
pub fn extract(doc: &Document) -> Vec<Actor> {
    let lx = lexicon::get();
    let info = tagger::token_info(doc, lx);
    let labels = tagger::tag_with(doc, &info, tagger::model());
    let wd = Words::new(doc);
    let cands = candidates(doc, lx, &info, &wd, &labels);
    build(doc, lx, &info, &wd, cands)
}

fn word_at<'a>(doc: &Document<'a>, i: usize) -> &'a str {
    doc.tok(i)
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Raw tagger spans as (first token, one past last token, type index).
fn spans(labels: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let l = labels[i];
        if l == O {
            i += 1;
            continue;
        }
        let t = tagger::type_of(l);
        let mut j = i + 1;
        while j < labels.len() && tagger::is_inside(labels[j]) && tagger::type_of(labels[j]) == t {
            j += 1;
        }
        out.push((i, j, t));
        i = j;
    }
    out
}

fn surface<'a>(doc: &Document<'a>, a: usize, b: usize) -> &'a str {
    match (doc.tokens.get(a), doc.tokens.get(b.wrapping_sub(1))) {
        (Some(x), Some(y)) if a < b => doc.text.get(x.start..y.end).unwrap_or(""),
        _ => "",
    }
}

/// The sentence bounds (token range) around token `i`.
fn sentence_bounds(doc: &Document, i: usize) -> (usize, usize) {
    let pos = doc.tokens.get(i).map_or(0, |t| t.start);
    doc.sentence_at(pos)
        .and_then(|s| doc.sentences.get(s))
        .map_or((0, doc.tokens.len()), |s| (s.tokens.start, s.tokens.end))
}

/// Capitalised function words that start sentences and are never part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "Until",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "In",
    "On",
    "At",
    "For",
    "With",
    "From",
    "By",
    "Despite",
    "Although",
    "Though",
    "Since",
    "Some",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "My",
    "Your",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Meanwhile",
    "However",
    "Also",
    "Both",
    "All",
    "Many",
    "Most",
    "No",
    "Not",
    "Only",
    "Then",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Under",
    "Over",
    "Among",
    "Between",
    "During",
    "Like",
    "Unlike",
    "So",
    "Yet",
    "Once",
    "Whether",
    "Because",
    "Even",
    "Still",
    "Now",
    "Last",
    "Next",
    "Every",
    "Each",
    "Other",
    "Another",
    "Such",
    "More",
    "Several",
    "Few",
    "Dear",
    "Thanks",
    "Following",
    "Yes",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];
/// Last words of names of events, wars, treaties and prizes: not actors, though a place may
/// open them ("Munich Security Conference").
const EVENT_WORDS: &[&str] = &[
    "Conference",
    "Summit",
    "Forum",
    "War",
    "Games",
    "Olympics",
    "Cup",
    "Championship",
    "Championships",
    "Festival",
    "Talks",
    "Accords",
    "Accord",
    "Agreement",
    "Treaty",
    "Declaration",
    "Award",
    "Awards",
    "Prize",
    "Revolution",
    "Crisis",
    "Process",
    "Dialogue",
    "Open",
    "Marathon",
    "Tour",
    "Grand Prix",
    "Expo",
    "Week",
    "Day",
];
/// "II", "2025", "XXI": a number after an event's name.
fn is_ordinal(w: &str) -> bool {
    !w.is_empty()
        && (w.bytes().all(|b| b.is_ascii_digit())
            || w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
}

/// Days, months and holidays: dates, not actors.
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Christmas",
    "Easter",
    "Ramadan",
    "Eid",
    "Hanukkah",
    "Diwali",
    "New",
    "Year",
    "Eve",
    "Day",
    "Thanksgiving",
];

/// The longest of [`FUNCTION_WORDS`] in bytes.
const MAX_FUNCTION_WORD: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < FUNCTION_WORDS.len() {
        if FUNCTION_WORDS[i].len() > n {
            n = FUNCTION_WORDS[i].len();
        }
        i += 1;
    }
    n
};

/// Sorts spans, most often already in order (a sorted slice is left as it is, which is what
/// sorting it would give).
fn sort_spans(spans: &mut [(usize, usize, usize)]) {
    if !spans.is_sorted() {
        spans.sort_unstable();
    }
}

/// A refined span: first token, one past the last, type index, and its word-list entry when it
/// was looked up.
type Refined = (usize, usize, usize, Option<Option<lexicon::Gaz>>);

fn is_function_word(w: &str) -> bool {
    word_table().get(w).is_some_and(|f| f & W_FUNC != 0)
}

/// What one token's text is, as bits: every rule asks about the same few tokens many times,
/// so each token is looked up once per document, in one table, on first use.
struct Words<'d, 'a> {
    doc: &'d Document<'a>,
    facts: Vec<Cell<u32>>,
}

/// A function word ([`FUNCTION_WORDS`]).
const W_FUNC: u32 = 1;
/// A day, month or holiday ([`CALENDAR`]).
const W_CAL: u32 = 1 << 1;
/// A last word of an event's name ([`EVENT_WORDS`]).
const W_EVENT: u32 = 1 << 2;
/// A title head ("Minister").
const W_HEAD: u32 = 1 << 3;
/// A title modifier ("Foreign").
const W_MOD: u32 = 1 << 4;
/// An honorific ("Mr").
const W_HON: u32 = 1 << 5;
/// An organisation suffix ("Party").
const W_ORGSUF: u32 = 1 << 6;
/// A place suffix ("Square").
const W_PLACESUF: u32 = 1 << 7;
/// A lower-case name particle ("bin").
const W_PARTICLE: u32 = 1 << 8;
/// A capitalised name particle ("Al").
const W_CONT: u32 = 1 << 9;
/// Starts with an upper-case letter.
const W_CAP: u32 = 1 << 10;
/// Starts with a lower-case letter.
const W_LOWER: u32 = 1 << 11;
/// A possessive ending ("'s").
const W_POSS: u32 = 1 << 12;
/// A number after an event's name ("II", "2025").
const W_ORDINAL: u32 = 1 << 13;
/// A lower-case word whose capitalised form is a title head ("minister").
const W_HEAD_LC: u32 = 1 << 14;
/// An honorific once trailing dots are cut ("Dr.").
const W_HON_DOT: u32 = 1 << 15;
/// "of" or "for" (inside a role: "Secretary of State").
const W_OF_FOR: u32 = 1 << 16;
/// "of", "the", "for" or "and" (inside a name made of title words).
const W_LINK: u32 = 1 << 17;
/// Set once the token's facts are known.
const W_DONE: u32 = 1 << 31;

/// Every listed word with its bits.
fn word_table() -> &'static FastMap<&'static str, u32> {
    static TABLE: OnceLock<FastMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lx = lexicon::get();
        let mut t: FastMap<&'static str, u32> = FastMap::default();
        let lists: [(&[&'static str], u32); 7] = [
            (FUNCTION_WORDS, W_FUNC),
            (CALENDAR, W_CAL),
            (EVENT_WORDS, W_EVENT),
            (NAME_PARTICLES, W_PARTICLE),
            (NAME_CONTINUERS, W_CONT),
            (&["of", "for"], W_OF_FOR),
            (&["of", "the", "for", "and"], W_LINK),
        ];
        for (list, bit) in lists {
            for &w in list {
                *t.entry(w).or_insert(0) |= bit;
            }
        }
        let sets: [(&FastSet<&'static str>, u32); 5] = [
            (&lx.title_heads, W_HEAD),
            (&lx.title_mods, W_MOD),
            (&lx.honorifics, W_HON),
            (&lx.org_suffixes, W_ORGSUF),
            (&lx.place_suffixes, W_PLACESUF),
        ];
        for (set, bit) in sets {
            for &w in set {
                *t.entry(w).or_insert(0) |= bit;
            }
        }
        // "minister" for "Minister": a word whose first letter is ASCII has one capitalised
        // form, so the lower-case forms are listed; other words are capitalised when asked.
        let lower: Vec<&'static str> = lx
            .title_heads
            .iter()
            .filter(|h| h.as_bytes().first().is_some_and(u8::is_ascii_uppercase))
            .map(|h| {
                let mut l = h.to_string();
                l[..1].make_ascii_lowercase();
                &*l.leak()
            })
            .collect();
        for w in lower {
            *t.entry(w).or_insert(0) |= W_HEAD_LC;
        }
        t
    })
}

impl<'d, 'a> Words<'d, 'a> {
    fn new(doc: &'d Document<'a>) -> Self {
        Words {
            doc,
            facts: vec![Cell::new(0); doc.tokens.len()],
        }
    }

    /// The bits of token `i` (none past the end, like the empty word there).
    #[inline]
    fn get(&self, i: usize) -> u32 {
        match self.facts.get(i) {
            Some(c) if c.get() != 0 => c.get(),
            Some(c) => {
                let f = facts_of(self.doc.tok(i)) | W_DONE;
                c.set(f);
                f
            }
            None => 0,
        }
    }

    /// Whether token `i` has any of `bits`.
    #[inline]
    fn is(&self, i: usize, bits: u32) -> bool {
        self.get(i) & bits != 0
    }
}

/// The bits of a word (out of line: the cached path of [`Words::get`] stays small).
#[inline(never)]
fn facts_of(w: &str) -> u32 {
    let table = word_table();
    let mut f = table.get(w).copied().unwrap_or(0);
    match w.as_bytes().first() {
        None => {}
        Some(b) if b.is_ascii_uppercase() => f |= W_CAP,
        // The table lists the lower-case forms of title heads that begin with an ASCII letter.
        Some(b) if b.is_ascii_lowercase() => f |= W_LOWER,
        Some(b) if b.is_ascii() => {}
        Some(_) => {
            f &= !W_HEAD_LC;
            let first = w.chars().next();
            if first.is_some_and(char::is_uppercase) {
                f |= W_CAP;
            }
            if first.is_some_and(char::is_lowercase) {
                f |= W_LOWER;
                let mut c = w.chars();
                let cap: String = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
                if table.get(cap.as_str()).is_some_and(|g| g & W_HEAD != 0) {
                    f |= W_HEAD_LC;
                }
            }
        }
    }
    // Possessives open with an apostrophe, ordinals with a digit or a Roman numeral.
    let first = w.as_bytes().first().copied().unwrap_or(0);
    if matches!(first, b'\'' | 0xE2) && is_possessive(w) {
        f |= W_POSS;
    }
    if matches!(first, b'0'..=b'9' | b'I' | b'V' | b'X') && is_ordinal(w) {
        f |= W_ORDINAL;
    }
    if w.ends_with('.') {
        if table
            .get(w.trim_end_matches('.'))
            .is_some_and(|g| g & W_HON != 0)
        {
            f |= W_HON_DOT;
        }
    } else if f & W_HON != 0 {
        f |= W_HON_DOT;
    }
    f
}

/// Lower-case particles inside a person's name ("bin", "de").
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "de", "da", "di", "del", "della", "van", "von", "der", "den",
    "du", "dos", "das", "ben", "abu", "y", "la", "le",
];
/// Capitalised particles that continue a person's name ("Al Saud").
const NAME_CONTINUERS: &[&str] = &[
    "Al", "El", "Bin", "Ibn", "Abu", "Van", "Von", "De", "Da", "Ben",
];

/// Fixes the tagger's spans with general rules: possessives and titles cut off, function words
/// dropped, a person's name joined across "bin", word-list names of several words trusted.
fn refine(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    raw: Vec<(usize, usize, usize)>,
) -> Vec<Refined> {
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(raw.len() + 8);
    let title_like = |i: usize| {
        info[i].flags & (G_COUNTRY | G_DEMONYM | G_TITLE | G_HON | G_ORG) != 0
            || wd.is(i, W_HEAD | W_MOD | W_HON | W_OF_FOR)
    };
    let mut work: Vec<(usize, usize, usize)> = Vec::with_capacity(raw.len() + 8);
    for (a, b, t) in raw {
        // "Kane's Special Envoy": the owner, and what follows if it is a name.
        let mut start = a;
        for p in a..b {
            if wd.is(p, W_POSS) {
                if p > start {
                    work.push((start, p, t));
                }
                start = p + 1;
            }
        }
        if start < b {
            work.push((start, b, t));
        }
    }
    for (mut a, mut b, mut t) in work {
        // "McConnell said": a lower-case word that is no particle ends a person's name; any
        // name ends before trailing lower-case words.
        if t == 0
            && let Some(p) = (a + 1..b).find(|&p| wd.get(p) & (W_LOWER | W_PARTICLE) == W_LOWER)
        {
            b = p;
        }
        while b > a + 1 && wd.is(b - 1, W_LOWER) {
            b -= 1;
        }
        if (a..b).all(|p| wd.is(p, W_CAL)) {
            continue;
        }
        // "North East", "South Korea": a compass word opens a place name, whatever the tagger
        // made of it.
        if b == a + 1
            && matches!(
                word_at(doc, a),
                "North" | "South" | "East" | "West" | "Central"
            )
            && wd.is(b, W_CAP)
            && doc.tokens.get(b).is_some_and(|t| t.kind == TokenKind::Word)
        {
            b += 1;
            t = 2;
        }
        while a < b && (wd.is(a, W_FUNC) || doc.tokens[a].kind != TokenKind::Word) {
            a += 1;
        }
        if a >= b {
            continue;
        }
        // "US President Tom Kane": the title is a role, the rest a person.
        let mut k = a;
        while k < b && title_like(k) {
            k += 1;
        }
        let mut head = (a..k).any(|i| wd.is(i, W_HEAD | W_HON));
        // "Industry Secretary Patricia Hewitt": the name after the last title word.
        if !head
            && let Some(h) = (a..b).rev().find(|&i| wd.is(i, W_HEAD))
            && h + 1 < b
        {
            k = h + 1;
            head = true;
        }
        let head = head && !wd.is(b - 1, W_EVENT);
        let whole_gaz = info[a].gaz_len as usize == b - a;
        if head && !whole_gaz {
            if k == b {
                continue;
            }
            let ends_org = wd.is(b - 1, W_ORGSUF);
            let rest_is_name = t == 0 || info[k].flags & G_GIVEN != 0 || k - a >= 2;
            if wd.is(k, W_CAP) && !ends_org && rest_is_name {
                a = k;
                t = 0;
            }
        }
        // "the Apple Chief Executive Officer": the title after an organisation is a role.
        let mut b = b;
        if t != 0 && !whole_gaz {
            let mut e = b;
            while e > a + 1 && wd.is(e - 1, W_HEAD | W_MOD) {
                e -= 1;
            }
            let has_head = (e..b).any(|i| wd.is(i, W_HEAD));
            if e < b && has_head && !matches!(word_at(doc, e - 1), "of" | "the" | "for" | "and") {
                b = e;
            }
        }
        // "Munich Security Conference": an event; the place that opens it is a place.
        let mut e = b;
        while e > a + 1 && wd.is(e - 1, W_ORDINAL) {
            e -= 1;
        }
        let person_name = t == 0 && b > a + 1 && info[a].flags & G_GIVEN != 0;
        if wd.is(e - 1, W_EVENT) && !person_name {
            let n = info[a].gaz_len as usize;
            let n = if n > 0 {
                n
            } else if lx.is_city(word_at(doc, a)) {
                1
            } else {
                0
            };
            if n > 0 && a + n < b {
                out.push((a, a + n, 2));
            }
            continue;
        }
        out.push((a, b, t));
    }
    // Names of several words from the word lists win over spans that cut them. `out` is in
    // text order and its spans do not overlap, so each list name looks only at its neighbours:
    // linear in the text, however many names it holds (a quadratic scan here made a 13 MB
    // article take 40 s).
    sort_spans(&mut out);
    let mut removed = vec![false; out.len()];
    let mut added: Vec<(usize, usize, usize)> = Vec::with_capacity(8);
    for (i, inf) in info.iter().enumerate() {
        let n = inf.gaz_len as usize;
        if n < 2 {
            continue;
        }
        let (ga, gb) = (i, i + n);
        // The spans starting at or before `ga`, nearest first, a few back.
        let before = out.partition_point(|&(a, _, _)| a <= ga);
        let inside_found = (before.saturating_sub(4)..before)
            .any(|k| !removed[k] && out[k].0 <= ga && gb <= out[k].1);
        let inside_added = added
            .iter()
            .rev()
            .take_while(|&&(_, b, _)| b > ga)
            .any(|&(a, b, _)| a <= ga && gb <= b);
        if inside_found || inside_added {
            continue;
        }
        for k in before.saturating_sub(4)..out.len() {
            let (a, b, _) = out[k];
            if a >= gb {
                break;
            }
            if a < gb && ga < b {
                removed[k] = true;
            }
        }
        while added.last().is_some_and(|&(a, b, _)| a < gb && ga < b) {
            added.pop();
        }
        let kind = lx.gaz(surface(doc, ga, gb)).map(|g| g.kind);
        added.push((
            ga,
            gb,
            if kind == Some(ActorKind::Organisation) {
                1
            } else {
                2
            },
        ));
    }
    let mut out: Vec<(usize, usize, usize)> = out
        .into_iter()
        .zip(removed)
        .filter_map(|(s, gone)| (!gone).then_some(s))
        .chain(added)
        .collect();
    sort_spans(&mut out);
    // "Khalid bin Saad", "Nasser bin Ali Al Harbi": one person.
    let mut merged: Vec<(usize, usize, usize)> = Vec::with_capacity(out.len());
    for s in out {
        if let Some(last) = merged.last_mut()
            && last.2 == 0
            && (s.2 == 0 || info[s.0].gaz_len == 0)
            && ((s.0 == last.1 + 1 && wd.is(last.1, W_PARTICLE))
                || (s.0 == last.1 && wd.is(s.0, W_CONT)))
        {
            last.1 = s.1;
            continue;
        }
        merged.push(s);
        // (A span after "bin" joins the person before it whatever type the tagger gave it.)
    }
    // "Kane and Orlov": two people the text names elsewhere.
    // (Built when first needed: few texts have a span like "Kane and Orlov".)
    let mut surnames: Option<FastSet<&str>> = None;
    let mut final_: Vec<(usize, usize, usize)> = Vec::with_capacity(merged.len() + 8);
    for &s in &merged {
        if s.1 == s.0 + 3 && word_at(doc, s.0 + 1) == "and" {
            let (l, r) = (word_at(doc, s.0), word_at(doc, s.0 + 2));
            let surnames = surnames.get_or_insert_with(|| {
                merged
                    .iter()
                    .filter(|s| s.2 == 0 && s.1 > s.0)
                    .map(|s| word_at(doc, s.1 - 1))
                    .collect()
            });
            if surnames.contains(l) && surnames.contains(r) {
                final_.push((s.0, s.0 + 1, 0));
                final_.push((s.0 + 2, s.0 + 3, 0));
                continue;
            }
        }
        final_.push(s);
    }
    one_sense(doc, lx, info, wd, final_)
}

/// One sense per discourse: a name found once is a name wherever else it is written the same
/// way ("Apple" opening a headline, where the tagger has no context).
fn one_sense(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    spans: Vec<(usize, usize, usize)>,
) -> Vec<Refined> {
    let mut known: FastMap<&str, usize> = map_for(spans.len());
    // Each span's word-list entry, looked up once: the candidates read it too.
    let mut final_: Vec<Refined> = Vec::with_capacity(spans.len() + 8);
    for (a, b, t) in spans {
        let s = surface(doc, a, b);
        let g = lx.gaz(s);
        final_.push((a, b, t, Some(g)));
        // A lone surname is left to the tagger: a single word is too often also a common one.
        let function_word = if b == a + 1 {
            wd.is(a, W_FUNC)
        } else {
            s.len() <= MAX_FUNCTION_WORD && is_function_word(s)
        };
        if t != 3 && !(t == 0 && b == a + 1) && !function_word && g.is_none() {
            known.entry(s).or_insert(t);
        }
    }
    if known.is_empty() {
        return final_;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for &(a, b, _, _) in &final_ {
        covered[a..b].iter_mut().for_each(|x| *x = true);
    }
    let mut i = 0;
    while i < doc.tokens.len() {
        // Only where the tagger lacks context: a sentence's first word, or a headline.
        if !(info[i].first || info[i].headline) || covered[i] || !wd.is(i, W_CAP) {
            i += 1;
            continue;
        }
        let mut hit = None;
        for n in (1..=4).rev() {
            if i + n > doc.tokens.len() || covered[i..i + n].iter().any(|&c| c) {
                continue;
            }
            if let Some(&t) = known.get(surface(doc, i, i + n)) {
                hit = Some((n, t));
                break;
            }
        }
        match hit {
            Some((n, t)) => {
                final_.push((i, i + n, t, None));
                i += n;
            }
            None => i += 1,
        }
    }
    // (Equal spans have equal entries: the order among them does not matter.)
    if !final_.is_sorted_by_key(|s| (s.0, s.1, s.2)) {
        final_.sort_unstable_by_key(|s| (s.0, s.1, s.2));
    }
    final_
}

fn candidates<'a>(
    doc: &Document<'a>,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    labels: &[u8],
) -> Vec<Cand<'a>> {
    let refined = refine(doc, lx, info, wd, spans(labels));
    let mut out: Vec<Cand<'a>> = Vec::with_capacity(refined.len() + 8);
    let mut covered = vec![false; doc.tokens.len()];
    for (a0, b0, t, g0) in refined {
        let (mut a, mut b) = (a0, b0);
        // A possessive or trailing punctuation is not part of the name.
        while b > a && (wd.is(b - 1, W_POSS) || doc.tokens[b - 1].kind != TokenKind::Word) {
            b -= 1;
        }
        while a < b && doc.tokens[a].kind != TokenKind::Word {
            a += 1;
        }
        // "Apple Inc.": the dot of a company's abbreviation belongs to its name.
        if b > a
            && matches!(
                word_at(doc, b - 1),
                "Inc" | "Corp" | "Ltd" | "Co" | "Bros" | "Jr" | "Sr"
            )
            && word_at(doc, b) == "."
            && doc.tokens.get(b).is_some_and(|t| !t.space_before)
        {
            b += 1;
        }
        // "Lord Halworth said": an honorific before names opens a person's name, whatever the
        // tagger says.
        let t = if t == 1
            && b > a + 1
            && b - a <= 4
            && wd.is(a, W_HON_DOT)
            && (a + 1..b).all(|i| {
                wd.is(i, W_CAP)
                    && !wd.is(i, W_ORGSUF | W_PLACESUF | W_HEAD | W_MOD | W_FUNC)
                    && info[i].flags & (G_COUNTRY | G_DEMONYM | G_ORG | G_REGION | G_CITY) == 0
            }) {
            0
        } else {
            t
        };
        if t == 0 {
            // Titles, honorifics and a leading country are not part of a person's name.
            while a + 1 < b
                && (info[a].flags & (G_TITLE | G_HON | G_DEMONYM | G_COUNTRY) != 0
                    || wd.is(a, W_HON_DOT))
            {
                a += 1;
            }
        }
        if a >= b {
            continue;
        }
        // "according to the Indonesian Energy Ministry": a person or organisation made only of
        // the head words of institutions is the institution, named by the capitalised words
        // before it (which the tagger may leave out); a
        // demonym or country before those is left to the word lists (a mention of its country).
        let mut t = t;
        if t <= 1 && (a..b).all(|i| wd.is(i, W_ORGSUF)) {
            let lo = sentence_bounds(doc, a).0;
            while a > lo && b - a < 4 && org_name_word(doc, info, wd, &covered, a - 1) {
                a -= 1;
            }
            // "African National Congress": before other heads, a demonym is part of the name.
            if a > lo
                && b > a + 1
                && info[a - 1].flags & G_DEMONYM != 0
                && !government_body(doc, a, b)
            {
                // (The tagger may have named the demonym alone: it is now part of this name.)
                let alone = out
                    .last()
                    .is_some_and(|c| (c.a, c.b) == (a - 1, a) && c.form == MentionForm::Demonym);
                if alone {
                    out.pop();
                }
                if alone || !covered[a - 1] {
                    a -= 1;
                }
            }
            t = 1;
        }
        // "the Mexican Energy Ministry": the demonym is a mention of its country, the rest the
        // government body. Only before the heads of government bodies: the demonym is part of
        // the name in "Indian National Congress" or "American Express".
        if t == 1
            && b > a + 1
            && info[a].flags & G_DEMONYM != 0
            && info[a].gaz_len == 1
            && info[a + 1].gaz_len as usize != b - a - 1
            && government_body(doc, a + 1, b)
            && let Some(g) = lx.gaz(word_at(doc, a)).filter(|g| g.demonym)
        {
            out.push(Cand::listed(g, a, a + 1, word_at(doc, a)));
            covered[a] = true;
            a += 1;
        }
        // A name made only of title words ("Special Envoy") is a role, not an actor.
        if (a..b).all(|i| wd.is(i, W_HEAD | W_MOD | W_LINK)) {
            continue;
        }
        let s = surface(doc, a, b);
        // "Music Store", "Moscone Center": not people, whatever the tagger says; "Downing
        // Street" is a place and "UK Independence Party" an organisation.
        let t = if (t == 0 && b > a + 1 && wd.is(b - 1, W_ORGSUF))
            || (t == 2 && org_head(doc, wd, b - 1))
        {
            1
        } else if b > a + 1
            && ((t == 0 && wd.is(b - 1, W_PLACESUF))
                || (t == 1
                    && matches!(word_at(doc, b - 1), "Street" | "Square" | "Road" | "Avenue")
                    && !(a..b).any(|i| wd.is(i, W_ORGSUF))))
        {
            // (Of an organisation's, only the words of streets: "Crystal Palace" and "Notts
            // County" are football clubs.)
            2
        } else if t == 0 && b == a + 1 && PARTY_WORDS.contains(&s) {
            // "Tory leader": a party's word, not a person (some are also given names).
            1
        } else if t == 3
            && b == a + 1
            && matches!(word_at(doc, b), "administration" | "presidency")
            && !is_all_caps(s)
            && s.chars().all(char::is_alphabetic)
            && !lx.is_city(s)
            && lx.gaz(s).is_none()
        {
            // "the Kane administration": a person's name the tagger took for a name of a thing.
            0
        } else {
            t
        };
        let mut c = Cand {
            a,
            b,
            kind: match t {
                0 => ActorKind::Person,
                1 => ActorKind::Organisation,
                _ => ActorKind::Place,
            },
            form: MentionForm::Name,
            canonical: None,
            surface: s,
            sure: false,
        };
        let g = match g0 {
            Some(g) if (a, b) == (a0, b0) => g,
            _ => lx.gaz(s),
        };
        if let Some(g) = g {
            c.kind = g.kind;
            c.canonical = Some(g.canonical);
            c.sure = true;
            if g.demonym {
                c.form = MentionForm::Demonym;
            }
        } else if let Some(g) = org_with_seat(doc, lx, a, b) {
            c.canonical = Some(g);
            c.kind = ActorKind::Organisation;
            c.sure = true;
        } else if t == 3 {
            // Other MISC names (events, works, nationalities we do not know) are not actors,
            // but hyphenated compounds inside may hold some ("US-Russian").
            continue;
        } else if t == 2 && lx.capitals.contains_key(s) && stands_for_government(doc, a, b) {
            c.kind = ActorKind::Country;
            c.canonical = lx.capitals.get(s).copied();
            c.sure = true;
        }
        covered[c.a..c.b].iter_mut().for_each(|x| *x = true);
        out.push(c);
    }
    // Word-list names the tagger missed, and the parts of hyphenated compounds.
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
                out.push(Cand::listed(g, i, j, s));
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
                    out.push(Cand::listed(g, i, i + 1, part));
                }
            }
        }
        i += 1;
    }
    streets(doc, wd, &mut covered, &mut out);
    // "European countries", "Arab states": a bloc.
    for c in &mut out {
        if c.form == MentionForm::Demonym
            && c.kind == ActorKind::Group
            && BLOC_NOUNS.contains(&word_at(doc, c.b))
        {
            c.b += 1;
            c.surface = surface(doc, c.a, c.b);
            c.form = MentionForm::Name;
        }
    }
    if !out.is_sorted_by_key(|c| (span_of(doc, c).0, c.b)) {
        out.sort_by_key(|c| (span_of(doc, c).0, c.b));
    }
    out
}

/// "Downing Street has confirmed": a street or square the tagger missed, named by the
/// capitalised words before it.
fn streets<'a>(doc: &Document<'a>, wd: &Words, covered: &mut [bool], out: &mut Vec<Cand<'a>>) {
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
            out.push(Cand {
                a,
                b: i + 1,
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

/// The byte span of a candidate: its tokens, or for a part of a hyphenated word, the part.
fn span_of(doc: &Document, c: &Cand) -> (usize, usize) {
    let text_start = doc.text.as_ptr() as usize;
    let p = c.surface.as_ptr() as usize;
    let start = p.saturating_sub(text_start);
    (start, start + c.surface.len())
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

/// One actor while it is being built.
#[derive(Debug)]
struct Proto {
    kind: ActorKind,
    canonical: Option<&'static str>,
    /// The token range of its fullest name's words (persons).
    words: (usize, usize),
    /// Its mentions, `ments[m.0..m.1]` once grouped (empty before).
    m: (usize, usize),
    votes: [u32; 5],
    sure: bool,
    role: Option<String>,
    affiliation: Option<String>,
    /// The actor whose affiliation this one shares ("Orlov's advisor").
    affiliation_of: Option<usize>,
}

/// One mention of an actor: its byte span, form and text, and its tokens.
#[derive(Debug, Clone, Copy)]
struct Ment<'a> {
    s: usize,
    e: usize,
    form: MentionForm,
    surface: &'a str,
    /// First token.
    a: usize,
    /// One past the last token.
    b: usize,
}

fn kind_index(k: ActorKind) -> usize {
    match k {
        ActorKind::Person => 0,
        ActorKind::Organisation => 1,
        ActorKind::Country => 2,
        ActorKind::Group => 3,
        ActorKind::Place => 4,
    }
}

const KINDS: [ActorKind; 5] = [
    ActorKind::Person,
    ActorKind::Organisation,
    ActorKind::Country,
    ActorKind::Group,
    ActorKind::Place,
];

/// An empty map sized for `n` keys: per-document maps are filled at once, and growing them
/// step by step rehashes every key several times.
fn map_for<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, Default::default())
}

/// Whether the words of tokens `x..x + n` are those of `y..y + n`.
fn same_words(doc: &Document, x: usize, y: usize, n: usize) -> bool {
    (0..n).all(|i| x + i == y + i || doc.tok(x + i) == doc.tok(y + i))
}

/// Whether the name of tokens `p` ends with the words of tokens `w`.
fn ends_with(doc: &Document, p: (usize, usize), w: (usize, usize)) -> bool {
    let n = w.1 - w.0;
    p.1 - p.0 >= n && same_words(doc, p.1 - n, w.0, n)
}

/// Whether the name of tokens `p` starts with the words of tokens `w`.
fn starts_with(doc: &Document, p: (usize, usize), w: (usize, usize)) -> bool {
    let n = w.1 - w.0;
    p.1 - p.0 >= n && same_words(doc, p.0, w.0, n)
}

/// Proto indexes chained by a word: `head[word]` is the latest, `next[k]` the one before `k`.
#[derive(Default)]
struct Chains<'a> {
    head: FastMap<&'a str, usize>,
    links: Vec<(usize, usize)>,
}

impl<'a> Chains<'a> {
    fn with_capacity(n: usize) -> Self {
        Chains {
            head: map_for(n),
            links: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, w: &'a str, k: usize) {
        let prev = self.head.insert(w, self.links.len()).unwrap_or(NOBODY);
        self.links.push((k, prev));
    }

    fn iter(&self, w: &str) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.head.get(w).copied().unwrap_or(NOBODY);
        std::iter::from_fn(move || {
            let &(k, prev) = self.links.get(at)?;
            at = prev;
            Some(k)
        })
    }
}

/// The order in which candidates join actors: persons of several words first, longest first,
/// then in text order (the index last: equal keys keep the text order). The key is packed in
/// one integer when the text is small enough, as it nearly always is.
fn grouping_order(doc: &Document, cands: &[Cand]) -> Vec<usize> {
    const BITS: u32 = 21;
    const MAX: u64 = (1 << BITS) - 1;
    let key = |k: usize, c: &Cand| {
        (
            c.kind != ActorKind::Person || c.b - c.a < 2,
            usize::MAX - (c.b - c.a),
            c.a,
            k,
        )
    };
    if (doc.tokens.len() as u64) < MAX && (cands.len() as u64) < MAX {
        let mut packed: Vec<u64> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let (other, _, a, _) = key(k, c);
                ((other as u64) << (3 * BITS))
                    | ((MAX - (c.b - c.a) as u64) << (2 * BITS))
                    | ((a as u64) << BITS)
                    | k as u64
            })
            .collect();
        packed.sort_unstable();
        packed.into_iter().map(|x| (x & MAX) as usize).collect()
    } else {
        let mut keys: Vec<_> = cands.iter().enumerate().map(|(k, c)| key(k, c)).collect();
        keys.sort_unstable();
        keys.into_iter().map(|x| x.3).collect()
    }
}

fn build<'a>(
    doc: &Document<'a>,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    cands: Vec<Cand<'a>>,
) -> Vec<Actor> {
    let mut protos: Vec<Proto> = Vec::with_capacity(cands.len());
    let mut by_key: FastMap<Cow<'a, str>, usize> = map_for(cands.len());
    // Persons with more than one word first, so surnames find their full name.
    let order = grouping_order(doc, &cands);
    // Indexes that keep the grouping linear: persons by last and first word, organisations by
    // initials and last word.
    let mut by_last = Chains::with_capacity(cands.len());
    let mut by_first = Chains::with_capacity(cands.len());
    let mut org_by_initials: FastMap<String, usize> = FastMap::default();
    let mut org_by_last = Chains::default();
    let person_of = |protos: &[Proto],
                     by_last: &Chains,
                     by_first: &Chains,
                     words: (usize, usize)|
     -> Option<usize> {
        let n = words.1 - words.0;
        if n == 0 {
            return None;
        }
        let (first, last) = (doc.tok(words.0), doc.tok(words.1 - 1));
        // Equal, a tail ("Berg", "Al Saud"), or a head of two words or more ("Khalid bin Saad").
        let tails = by_last.iter(last);
        let heads = (n >= 2).then(|| by_first.iter(first)).into_iter().flatten();
        tails
            .chain(heads)
            .filter(|&k| {
                let p = &protos[k];
                p.kind == ActorKind::Person
                    && p.words.1 - p.words.0 >= n
                    && (ends_with(doc, p.words, words)
                        || (n >= 2 && starts_with(doc, p.words, words)))
            })
            .min()
    };
    // Which actor each candidate joins, in the order they are grouped.
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(cands.len());
    for &k in &order {
        let c = &cands[k];
        let words = (c.a, c.b);
        let n = c.b - c.a;
        let mut kind = c.kind;
        let key = c.canonical.map_or_else(|| key_of(c.surface), Cow::Borrowed);
        // Whether the key is known to be in `by_key` (then it needs no second look).
        let mut keyed = false;
        let mut by_name = |key: &str| {
            let t = by_key.get(key).copied();
            keyed = t.is_some();
            t
        };
        let target = if c.canonical.is_some() {
            by_name(key.as_ref())
        } else if c.kind == ActorKind::Person || (!c.sure && n == 1) {
            match person_of(&protos, &by_last, &by_first, words) {
                Some(t) => {
                    // A surname stands for its person in every sentence.
                    kind = ActorKind::Person;
                    Some(t)
                }
                None => by_name(key.as_ref()),
            }
        } else {
            by_name(key.as_ref())
        };
        // "the Kane administration": a person's name.
        if !c.sure
            && n == 1
            && matches!(
                word_at(doc, c.b),
                "administration" | "presidency" | "campaign"
            )
            && !lx.is_city(c.surface)
        {
            kind = ActorKind::Person;
        }
        let idx = match target {
            Some(t) => t,
            None => {
                // An acronym for an organisation spelt out elsewhere, or a shorter form of it.
                let org = if c.kind == ActorKind::Organisation {
                    let by_acr = if is_all_caps(c.surface) {
                        let acr: Cow<str> = if c.surface.contains('.') {
                            Cow::Owned(c.surface.replace('.', ""))
                        } else {
                            Cow::Borrowed(c.surface)
                        };
                        (acr.len() >= 2)
                            .then(|| org_by_initials.get(acr.as_ref()).copied())
                            .flatten()
                    } else {
                        None
                    };
                    let by_tail = (n >= 2)
                        .then(|| org_by_last.iter(doc.tok(c.b - 1)))
                        .into_iter()
                        .flatten()
                        .filter(|&k| {
                            let p = protos[k].words;
                            p.1 - p.0 > n && ends_with(doc, p, words)
                        })
                        .min();
                    by_acr.or(by_tail)
                } else {
                    None
                };
                match org {
                    Some(t) => t,
                    None => {
                        protos.push(Proto {
                            kind,
                            canonical: c.canonical,
                            words,
                            m: (0, 0),
                            votes: [0; 5],
                            sure: c.sure,
                            role: None,
                            affiliation: None,
                            affiliation_of: None,
                        });
                        let t = protos.len() - 1;
                        if n > 0 {
                            let (f, l) = (doc.tok(c.a), doc.tok(c.b - 1));
                            if kind == ActorKind::Person {
                                by_last.push(l, t);
                                by_first.push(f, t);
                            } else if kind == ActorKind::Organisation && c.canonical.is_none() {
                                org_by_last.push(l, t);
                                if let Some(i) = initials(doc, words) {
                                    org_by_initials.entry(i).or_insert(t);
                                }
                            }
                        }
                        // (The key is new: a known key would have given a target.)
                        by_key.insert(key.clone(), t);
                        keyed = true;
                        t
                    }
                }
            }
        };
        joined.push((idx, k));
        let p = &mut protos[idx];
        p.votes[kind_index(kind)] += if c.sure { 100 } else { 1 };
        p.sure |= c.sure;
        if c.canonical.is_none() && !keyed {
            by_key.entry(key).or_insert(idx);
        }
    }
    // Each actor's mentions side by side, in the order they joined it.
    let mut start = vec![0usize; protos.len() + 1];
    for &(idx, _) in &joined {
        start[idx + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut fill = start.clone();
    let blank = Ment {
        s: 0,
        e: 0,
        form: MentionForm::Name,
        surface: "",
        a: 0,
        b: 0,
    };
    let mut ments = vec![blank; joined.len()];
    for &(idx, k) in &joined {
        let c = &cands[k];
        let (s, e) = span_of(doc, c);
        ments[fill[idx]] = Ment {
            s,
            e,
            form: c.form,
            surface: c.surface,
            a: c.a,
            b: c.b,
        };
        fill[idx] += 1;
    }
    for (i, p) in protos.iter_mut().enumerate() {
        if !p.sure
            && let Some((k, _)) = p
                .votes
                .iter()
                .enumerate()
                .max_by_key(|(k, v)| (**v, usize::MAX - k))
        {
            p.kind = KINDS[k];
        }
        // Mentions in text order; a span twice (a person name and its surname) kept once.
        let ms = &mut ments[start[i]..start[i + 1]];
        ms.sort_by_key(|m| (m.s, m.e));
        let mut kept = 0;
        for r in 0..ms.len() {
            if kept > 0 && ms[kept - 1].s < ms[r].e && ms[r].s < ms[kept - 1].e {
                continue;
            }
            ms[kept] = ms[r];
            kept += 1;
        }
        p.m = (start[i], start[i] + kept);
    }
    roles(doc, lx, info, wd, &ments, &mut protos);
    finish(doc, lx, &ments, protos)
}

/// The name with its whitespace folded to single spaces; borrowed when it already is (almost
/// always: names rarely break across lines), since it is looked up for every mention.
fn key_of(surface: &str) -> Cow<'_, str> {
    let folded = if surface.is_ascii() {
        // Byte by byte: no space at either end, none doubled, no other whitespace.
        let b = surface.as_bytes();
        b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
            && !b
                .iter()
                .zip(b.iter().skip(1))
                .any(|(&x, &y)| x == b' ' && y == b' ')
            && !b.iter().any(|x| matches!(x, b'\t'..=b'\r'))
    } else {
        !surface.starts_with(' ')
            && !surface.ends_with(' ')
            && !surface.contains("  ")
            && !surface.contains(|c: char| c.is_whitespace() && c != ' ')
    };
    if folded {
        Cow::Borrowed(surface)
    } else {
        Cow::Owned(surface.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// The initials of an organisation's name ("World Health Organization" → "WHO").
fn initials(doc: &Document, words: (usize, usize)) -> Option<String> {
    let letters: String = (words.0..words.1)
        .map(|i| doc.tok(i))
        .filter(|w| !w.is_empty())
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&" | "de" | "in"))
        .filter_map(|w| w.chars().next())
        .collect();
    (letters.chars().count() >= 2 && is_all_caps(&letters)).then_some(letters)
}

/// Roles and affiliations from titles before a person's name and appositions after it.
fn roles(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    ments: &[Ment],
    protos: &mut [Proto],
) {
    // Which actor each token's mention belongs to, for affiliations and possessors (the first
    // actor that names it).
    let mut owner: Vec<usize> = vec![NOBODY; doc.tokens.len()];
    for (k, p) in protos.iter().enumerate() {
        for m in &ments[p.m.0..p.m.1] {
            for o in owner.get_mut(m.a..m.b).into_iter().flatten() {
                if *o == NOBODY {
                    *o = k;
                }
            }
        }
    }
    let owner = Owners(&owner);
    let affil_name = |k: usize, protos: &[Proto]| -> Option<String> {
        let p = &protos[k];
        match p.kind {
            ActorKind::Country | ActorKind::Organisation | ActorKind::Group => Some(
                p.canonical
                    .map_or_else(|| longest(ments, p), str::to_string),
            ),
            _ => None,
        }
    };
    for k in 0..protos.len() {
        if protos[k].kind != ActorKind::Person {
            continue;
        }
        for m in &ments[protos[k].m.0..protos[k].m.1] {
            if protos[k].role.is_some() {
                break;
            }
            let (a, b) = (m.a, m.b);
            let (lo, hi) = sentence_bounds(doc, a);
            if let Some((role, aff)) = title_before(doc, info, wd, owner, a, lo) {
                protos[k].role = Some(role);
                match aff {
                    Some(Affil::Actor(o)) if protos[o].kind == ActorKind::Person => {
                        protos[k].affiliation_of = Some(o)
                    }
                    Some(Affil::Actor(o)) => protos[k].affiliation = affil_name(o, protos),
                    None => {}
                }
                continue;
            }
            if let Some((role, aff)) = apposition(doc, lx, wd, owner, b, hi) {
                protos[k].role = Some(role);
                match aff {
                    Some(Affil::Actor(o)) if protos[o].kind == ActorKind::Person => {
                        protos[k].affiliation_of = Some(o)
                    }
                    Some(Affil::Actor(o)) => protos[k].affiliation = affil_name(o, protos),
                    None => {}
                }
            }
        }
    }
    for k in 0..protos.len() {
        if protos[k].affiliation.is_none()
            && let Some(o) = protos[k].affiliation_of
            && o != k
        {
            protos[k].affiliation = protos[o].affiliation.clone();
        }
    }
}

/// No actor owns the token.
const NOBODY: usize = usize::MAX;

/// The actor whose mention holds each token, if any.
#[derive(Clone, Copy)]
struct Owners<'o>(&'o [usize]);

impl Owners<'_> {
    fn get(self, i: usize) -> Option<usize> {
        self.0.get(i).copied().filter(|&o| o != NOBODY)
    }
}

enum Affil {
    Actor(usize),
}

/// A title head, or one in lower case ("minister").
fn is_head(wd: &Words, i: usize) -> bool {
    wd.is(i, W_HEAD | W_HEAD_LC)
}

/// "US Secretary of State [Anna Berg]": the role words just before a name, and the country,
/// organisation or person (possessive) they belong to.
fn title_before(
    doc: &Document,
    info: &[TokInfo],
    wd: &Words,
    owner: Owners,
    a: usize,
    lo: usize,
) -> Option<(String, Option<Affil>)> {
    let mut j = a;
    let mut first = a;
    let mut affil = None;
    while j > lo {
        let i = j - 1;
        let w = word_at(doc, i);
        if let Some(o) = owner.get(i) {
            // A country, organisation or possessor before the title ends it.
            if first < a {
                affil = Some(Affil::Actor(o));
            }
            break;
        }
        if wd.is(i, W_MOD | W_HEAD | W_HON) || (matches!(w, "of" | "for") && j < first + 3) {
            first = i;
            j -= 1;
            continue;
        }
        // "Trade and Industry Secretary": capitalised words before a title are part of it.
        let seen_head = (first..a).any(|k| is_head(wd, k));
        let next_cap = wd.is(i + 1, W_CAP) && first == i + 1;
        if seen_head
            && doc.tokens[i].kind == TokenKind::Word
            && (wd.get(i) & (W_CAP | W_FUNC | W_CAL) == W_CAP
                || (w == "and" && next_cap && i > lo && wd.is(i - 1, W_CAP)))
            && !info[i].first
        {
            first = i;
            j -= 1;
            continue;
        }
        if wd.is(i, W_POSS) && i > lo && first < a {
            if let Some(o) = owner.get(i - 1) {
                affil = Some(Affil::Actor(o));
            }
            break;
        }
        break;
    }
    // Drop honorifics next to the name when a real title stands before them.
    let mut last = a;
    while last > first && wd.is(last - 1, W_HON) {
        let inner_head = (first..last - 1).any(|i| is_head(wd, i));
        if !inner_head {
            break;
        }
        last -= 1;
    }
    while first < last && matches!(word_at(doc, first), "of" | "for") {
        first += 1;
    }
    if first >= last || !(first..last).any(|i| is_head(wd, i)) {
        return None;
    }
    // Honorifics alone ("Mr", "Dr") are not roles.
    if (first..last).all(|i| {
        wd.is(i, W_HON)
            && !matches!(
                word_at(doc, i),
                "King" | "Queen" | "Pope" | "Emir" | "Sultan"
            )
    }) {
        return None;
    }
    let role = surface(doc, first, last).to_string();
    Some((role, affil))
}

/// "[Pavel Sorokin], Orlov's foreign policy advisor,": a role after a comma.
fn apposition(
    doc: &Document,
    _lx: &Lexicon,
    wd: &Words,
    owner: Owners,
    b: usize,
    hi: usize,
) -> Option<(String, Option<Affil>)> {
    if word_at(doc, b) != "," {
        return None;
    }
    let mut i = b + 1;
    let mut affil = None;
    if matches!(word_at(doc, i), "the" | "a" | "an") {
        i += 1;
    }
    // A possessor or a country before the role.
    if let Some(o) = owner.get(i) {
        let mut j = i;
        while owner.get(j) == Some(o) {
            j += 1;
        }
        affil = Some(Affil::Actor(o));
        i = j;
        if wd.is(i, W_POSS) {
            i += 1;
        }
    }
    let start = i;
    let mut last_head = None;
    let mut n = 0;
    while i < hi && n < 8 {
        let w = word_at(doc, i);
        if doc.tokens[i].kind != TokenKind::Word {
            break;
        }
        if is_head(wd, i) {
            last_head = Some(i);
        } else if !wd.is(i, W_MOD | W_HEAD | W_LOWER)
            || matches!(w, "who" | "which" | "that" | "and" | "said" | "says")
        {
            break;
        }
        i += 1;
        n += 1;
    }
    let head = last_head?;
    let mut end = head + 1;
    // "to the Middle East", "of the European Commission".
    if matches!(word_at(doc, end), "to" | "of" | "for" | "on") {
        let mut j = end + 1;
        if word_at(doc, j) == "the" {
            j += 1;
        }
        let k0 = j;
        while j < hi && wd.is(j, W_CAP) && doc.tokens[j].kind == TokenKind::Word {
            j += 1;
        }
        if j > k0 {
            end = j;
        }
    }
    let after = word_at(doc, end);
    if !(matches!(after, "," | "." | ";" | ")" | "" | "and") || end >= hi) {
        return None;
    }
    Some((surface(doc, start, end).to_string(), affil))
}

/// The longest name among the mentions: the most words, then the most bytes (the last such).
fn longest(ments: &[Ment], p: &Proto) -> String {
    let ms = &ments[p.m.0..p.m.1];
    // The last of the greatest, like `max_by_key`; a name written as the best so far has its
    // key, so its words are not counted again.
    let mut best: Option<(usize, usize, &str)> = None;
    for m in ms.iter().filter(|m| m.form == MentionForm::Name) {
        let s = m.surface;
        if best.is_some_and(|(_, _, b)| b == s) {
            continue;
        }
        let (w, l) = (word_count(s), s.len());
        if best.is_none_or(|(bw, bl, _)| (w, l) >= (bw, bl)) {
            best = Some((w, l, s));
        }
    }
    best.map(|b| b.2)
        .or_else(|| ms.first().map(|m| m.surface))
        .unwrap_or("")
        .to_string()
}

/// The slug of a canonical name from the word lists, made once per process.
fn canonical_slug(c: &'static str) -> String {
    static SLUGS: OnceLock<FastMap<&'static str, String>> = OnceLock::new();
    SLUGS
        .get_or_init(|| {
            let lx = lexicon::get();
            lx.gaz
                .values()
                .map(|g| g.canonical)
                .chain(lx.capitals.values().copied())
                .map(|c| (c, slug(c)))
                .collect()
        })
        .get(c)
        .cloned()
        .unwrap_or_else(|| slug(c))
}

/// How many words split by whitespace (`split_whitespace().count()`, byte by byte for ASCII).
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let mut n = 0;
    let mut inside = false;
    for &b in s.as_bytes() {
        let space = matches!(b, b' ' | b'\t'..=b'\r');
        if !space && !inside {
            n += 1;
        }
        inside = !space;
    }
    n
}

fn finish(doc: &Document, lx: &Lexicon, ments: &[Ment], protos: Vec<Proto>) -> Vec<Actor> {
    let len = doc.text.len().max(1) as f64;
    let first_sentence_end = doc.sentences.first().map_or(0, |s| s.span.end);
    let mut scored: Vec<(f64, usize, usize)> = Vec::with_capacity(protos.len());
    let mut actors: Vec<Actor> = Vec::with_capacity(protos.len());
    for p in protos {
        let ms = &ments[p.m.0..p.m.1];
        if ms.is_empty() {
            continue;
        }
        let name = match p.canonical {
            Some(c) if p.kind != ActorKind::Organisation => c.to_string(),
            // The fullest form the word list knows ("European Union", not "NATO Headquarters").
            Some(c) => ms
                .iter()
                .map(|m| m.surface)
                .filter(|s| lx.gaz(s).is_some())
                .max_by_key(|s| s.len())
                .unwrap_or(c)
                .to_string(),
            _ => longest(ments, &p),
        };
        let mut aliases: Vec<String> = Vec::with_capacity(ms.len());
        for m in ms {
            if !aliases.iter().any(|a| a == m.surface) {
                aliases.push(m.surface.to_string());
            }
        }
        let first = ms[0].s;
        let n = ms.len() as f64;
        let mut score = n + (1.0 - first as f64 / len);
        if first < first_sentence_end {
            score += 3.0;
        }
        if p.role.is_some() {
            score += 1.0;
        }
        let mentions = ms
            .iter()
            .map(|m| Mention {
                start: m.s,
                end: m.e,
                form: m.form,
            })
            .collect();
        scored.push((score, first, actors.len()));
        actors.push(Actor {
            id: match p.canonical {
                Some(c) if name == c => canonical_slug(c),
                _ => slug(&name),
            },
            name,
            kind: p.kind,
            role: p.role,
            affiliation: p.affiliation,
            aliases,
            mentions,
        });
    }
    // Ids: the slug, then "-2", "-3" for later actors with the same slug.
    let mut ids: FastMap<&str, usize> = map_for(actors.len());
    let mut suffix: Vec<usize> = Vec::with_capacity(actors.len());
    for a in &actors {
        let count = ids.entry(a.id.as_str()).or_insert(0);
        *count += 1;
        suffix.push(*count);
    }
    drop(ids);
    for (a, &count) in actors.iter_mut().zip(&suffix) {
        if count > 1 {
            a.id = format!("{}-{count}", a.id);
        }
    }
    // Most salient first; the index last keeps equal scores in their first order.
    scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut slots: Vec<Option<Actor>> = actors.into_iter().map(Some).collect();
    scored
        .iter()
        .filter_map(|&(_, _, k)| slots.get_mut(k).and_then(Option::take))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_whitespace_like_split_whitespace() {
        for s in [
            "Anna Berg",
            "Anna  Berg",
            " Anna Berg",
            "Anna Berg ",
            "Anna\nBerg",
            "Anna\tBerg",
            "Anna\u{a0}Berg",
            "Ánna Berg",
            "",
        ] {
            let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(key_of(s), folded, "{s:?}");
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
        assert!(matches!(key_of("Anna Berg"), Cow::Borrowed(_)));
    }

    #[test]
    fn word_facts_read_the_lists() {
        let f = facts_of("minister");
        assert!(f & W_LOWER != 0 && f & W_HEAD_LC != 0 && f & W_CAP == 0);
        assert!(facts_of("Minister") & W_HEAD != 0);
        assert!(facts_of("Dr.") & W_HON_DOT != 0 && facts_of("Dr") & W_HON != 0);
        assert!(facts_of("’s") & W_POSS != 0 && facts_of("XXI") & W_ORDINAL != 0);
        assert!(facts_of("The") & W_FUNC != 0 && facts_of("Monday") & W_CAL != 0);
        assert!(facts_of("bin") & W_PARTICLE != 0 && facts_of("Al") & W_CONT != 0);
        assert_eq!(facts_of("Berg") & !W_CAP, 0);
        assert!(facts_of("Émile") & W_CAP != 0);
    }
}
