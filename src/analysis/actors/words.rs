//! The shared ground of the actor stages: the candidate, actor and mention types, and the
//! facts of each word (which lists it is in, its case), looked up once per document.

use std::cell::Cell;
use std::ops::Range;
use std::sync::OnceLock;

use super::super::lexicon::{self, FastMap, FastSet};
use crate::calendar;
use crate::model::{ActorKind, MentionForm, Span};
use crate::segment::Document;

/// A mention before grouping: a token range, what it names and how.
#[derive(Debug, Clone)]
pub(super) struct NameCandidate<'a> {
    /// Its tokens.
    pub(super) tokens: Range<usize>,
    pub(super) kind: ActorKind,
    pub(super) form: MentionForm,
    /// The canonical name from a word list, if any.
    pub(super) canonical: Option<&'static str>,
    /// The surface text.
    pub(super) surface: &'a str,
    /// Whether the kind comes from a word list (it then wins any vote).
    pub(super) sure: bool,
}

impl<'a> NameCandidate<'a> {
    /// A candidate read from a word list: its kind and canonical name are sure.
    pub(super) fn listed(g: lexicon::Gaz, tokens: Range<usize>, surface: &'a str) -> Self {
        NameCandidate {
            tokens,
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

/// One actor while it is being built.
#[derive(Debug)]
pub(super) struct Proto {
    pub(super) kind: ActorKind,
    pub(super) canonical: Option<&'static str>,
    /// The token range of its fullest name's words (persons).
    pub(super) words: (usize, usize),
    /// Its mentions' indexes in the list of all mentions, once grouped (empty before).
    pub(super) mentions: Range<usize>,
    pub(super) votes: [u32; 5],
    pub(super) sure: bool,
    pub(super) role: Option<String>,
    pub(super) affiliation: Option<String>,
    /// The actor whose affiliation this one shares ("Orlov's advisor").
    pub(super) affiliation_of: Option<usize>,
}

/// One mention of an actor: its byte span, form and text, and its tokens.
#[derive(Debug, Clone)]
pub(super) struct ActorMention<'a> {
    /// Its bytes in the text.
    pub(super) bytes: Span,
    pub(super) form: MentionForm,
    pub(super) surface: &'a str,
    /// Its tokens.
    pub(super) tokens: Range<usize>,
}

pub(super) fn kind_index(k: ActorKind) -> usize {
    match k {
        ActorKind::Person => 0,
        ActorKind::Organisation => 1,
        ActorKind::Country => 2,
        ActorKind::Group => 3,
        ActorKind::Place => 4,
    }
}

pub(super) const KINDS: [ActorKind; 5] = [
    ActorKind::Person,
    ActorKind::Organisation,
    ActorKind::Country,
    ActorKind::Group,
    ActorKind::Place,
];

/// An empty map sized for `n` keys: per-document maps are filled at once, and growing them
/// step by step rehashes every key several times.
pub(super) fn map_for<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, Default::default())
}

/// No actor owns the token.
pub(super) const NOBODY: usize = usize::MAX;

/// The byte span of a candidate: its tokens, or for a part of a hyphenated word, the part.
pub(super) fn span_of(doc: &Document, c: &NameCandidate) -> Span {
    let text_start = doc.text.as_ptr() as usize;
    let p = c.surface.as_ptr() as usize;
    let start = p.saturating_sub(text_start);
    Span::new(start, start + c.surface.len())
}

pub(super) fn word_at<'a>(doc: &Document<'a>, i: usize) -> &'a str {
    doc.tok(i)
}

pub(super) fn surface<'a>(doc: &Document<'a>, a: usize, b: usize) -> &'a str {
    match (doc.tokens.get(a), doc.tokens.get(b.wrapping_sub(1))) {
        (Some(x), Some(y)) if a < b => doc.text.get(x.start..y.end).unwrap_or(""),
        _ => "",
    }
}

/// The sentence bounds (token range) around token `i`.
pub(super) fn sentence_bounds(doc: &Document, i: usize) -> (usize, usize) {
    let pos = doc.tokens.get(i).map_or(0, |t| t.start);
    doc.sentence_at(pos)
        .and_then(|s| doc.sentences.get(s))
        .map_or((0, doc.tokens.len()), |s| (s.tokens.start, s.tokens.end))
}

pub(super) fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Capitalised function words that start sentences and are never part of a name.
pub(super) const FUNCTION_WORDS: &[&str] = &[
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
    "Alongside",
    "Amid",
    "Amidst",
    "Against",
    "Across",
    "Behind",
    "Beyond",
    "Within",
    "Without",
    "Throughout",
    "Towards",
    "Toward",
    "Upon",
    "Besides",
    "Whereas",
    "Whilst",
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
pub(super) const EVENT_WORDS: &[&str] = &[
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
pub(super) fn is_ordinal(w: &str) -> bool {
    !w.is_empty()
        && (w.bytes().all(|b| b.is_ascii_digit())
            || w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')))
}

/// The longest of [`FUNCTION_WORDS`] in bytes.
pub(super) const MAX_FUNCTION_WORD: usize = {
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

pub(super) fn is_function_word(w: &str) -> bool {
    word_table().get(w).is_some_and(|f| f & W_FUNC != 0)
}

/// Lower-case particles inside a person's name ("bin", "de").
pub(super) const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "de", "da", "di", "del", "della", "van", "von", "der", "den",
    "du", "dos", "das", "ben", "abu", "y", "la", "le",
];

/// Capitalised particles that continue a person's name ("Al Saud").
pub(super) const NAME_CONTINUERS: &[&str] = &[
    "Al", "El", "Bin", "Ibn", "Abu", "Van", "Von", "De", "Da", "Ben",
];

/// What one token's text is, as bits: every rule asks about the same few tokens many times,
/// so each token is looked up once per document, in one table, on first use.
pub(super) struct Words<'d, 'a> {
    doc: &'d Document<'a>,
    facts: Vec<Cell<u32>>,
}

/// A function word ([`FUNCTION_WORDS`]).
pub(super) const W_FUNC: u32 = 1;

/// A day, month or holiday (the lists of [`crate::calendar`]): dates, not actors.
pub(super) const W_CAL: u32 = 1 << 1;

/// A last word of an event's name ([`EVENT_WORDS`]).
pub(super) const W_EVENT: u32 = 1 << 2;

/// A title head ("Minister").
pub(super) const W_HEAD: u32 = 1 << 3;

/// A title modifier ("Foreign").
pub(super) const W_MOD: u32 = 1 << 4;

/// An honorific ("Mr").
pub(super) const W_HON: u32 = 1 << 5;

/// An organisation suffix ("Party").
pub(super) const W_ORGSUF: u32 = 1 << 6;

/// A place suffix ("Square").
pub(super) const W_PLACESUF: u32 = 1 << 7;

/// A lower-case name particle ("bin").
pub(super) const W_PARTICLE: u32 = 1 << 8;

/// A capitalised name particle ("Al").
pub(super) const W_CONT: u32 = 1 << 9;

/// Starts with an upper-case letter.
pub(super) const W_CAP: u32 = 1 << 10;

/// Starts with a lower-case letter.
pub(super) const W_LOWER: u32 = 1 << 11;

/// A possessive ending ("'s").
pub(super) const W_POSS: u32 = 1 << 12;

/// A number after an event's name ("II", "2025").
pub(super) const W_ORDINAL: u32 = 1 << 13;

/// A lower-case word whose capitalised form is a title head ("minister").
pub(super) const W_HEAD_LC: u32 = 1 << 14;

/// An honorific once trailing dots are cut ("Dr.").
pub(super) const W_HON_DOT: u32 = 1 << 15;

/// "of" or "for" (inside a role: "Secretary of State").
pub(super) const W_OF_FOR: u32 = 1 << 16;

/// "of", "the", "for" or "and" (inside a name made of title words).
pub(super) const W_LINK: u32 = 1 << 17;

/// Set once the token's facts are known.
pub(super) const W_DONE: u32 = 1 << 31;

/// Every listed word with its bits.
pub(super) fn word_table() -> &'static FastMap<&'static str, u32> {
    static TABLE: OnceLock<FastMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lx = lexicon::get();
        let mut t: FastMap<&'static str, u32> = FastMap::default();
        let lists: [(&[&'static str], u32); 9] = [
            (FUNCTION_WORDS, W_FUNC),
            (&calendar::WEEKDAYS, W_CAL),
            (&calendar::MONTHS, W_CAL),
            (calendar::HOLIDAY_WORDS, W_CAL),
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
    pub(super) fn new(doc: &'d Document<'a>) -> Self {
        Words {
            doc,
            facts: vec![Cell::new(0); doc.tokens.len()],
        }
    }

    /// The bits of token `i` (none past the end, like the empty word there).
    #[inline]
    pub(super) fn get(&self, i: usize) -> u32 {
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
    pub(super) fn is(&self, i: usize, bits: u32) -> bool {
        self.get(i) & bits != 0
    }
}

/// The bits of a word (out of line: the cached path of [`Words::get`] stays small).
#[inline(never)]
pub(super) fn facts_of(w: &str) -> u32 {
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

/// The longest name among the mentions: the most words, then the most bytes (the last such).
pub(super) fn longest(ments: &[ActorMention], p: &Proto) -> String {
    let ms = &ments[p.mentions.clone()];
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

/// How many words split by whitespace (`split_whitespace().count()`, byte by byte for ASCII).
pub(super) fn word_count(s: &str) -> usize {
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
