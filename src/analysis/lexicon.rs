//! Word lists compiled in from `assets/lexicon/`, each with its public source named in its header.
//!
//! The lists are built by `tools/build_lexicons.py` from GeoNames, ISO 3166, the US Census name
//! lists and nam_dict, plus hand-written tables with a cited source. They hold places, countries,
//! demonyms, organisations, titles and given names: never a list of particular people. They are
//! parsed once, on first use, into hash maps keyed by `&'static str` slices of the embedded text.

#![warn(clippy::many_single_char_names, clippy::similar_names)]

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::model::ActorKind;

const COUNTRIES: &str = include_str!("../../assets/lexicon/countries.tsv");
const REGIONS: &str = include_str!("../../assets/lexicon/regions.tsv");
const ORGS: &str = include_str!("../../assets/lexicon/orgs.tsv");
const CITIES: &str = include_str!("../../assets/lexicon/cities.tsv");
const SUBDIVISIONS: &str = include_str!("../../assets/lexicon/subdivisions.tsv");
const GIVEN: &str = include_str!("../../assets/lexicon/given_names.txt");
const TITLES: &str = include_str!("../../assets/lexicon/titles.txt");
const AFFIXES: &str = include_str!("../../assets/lexicon/affixes.txt");
const COMMON: &str = include_str!("../../assets/lexicon/common_words.txt");
const COMPANIES: &str = include_str!("../../assets/lexicon/companies.txt");

/// A fast, non-cryptographic hasher for short string keys (the Fx hash of rustc): the word
/// lists are ours and compiled in, so resistance to crafted collisions is not needed, and lookups
/// sit on the hot path of the extraction.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The last 1 to 7 bytes of a key as a little-endian word padded with zeros, read in at most
/// two loads (overlapping ones give the same bytes at the same places) rather than copied
/// through a buffer, which costs a call to `memcpy` for every key hashed.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let r = rest.len();
    match rest {
        [] => 0,
        [x, ..] if r < 4 => {
            let (m, l) = (rest[r / 2], rest[r - 1]);
            u64::from(*x) | u64::from(m) << (8 * (r / 2)) | u64::from(l) << (8 * (r - 1))
        }
        _ => {
            let lo = rest
                .first_chunk::<4>()
                .map_or(0, |c| u32::from_le_bytes(*c));
            let hi = rest.last_chunk::<4>().map_or(0, |c| u32::from_le_bytes(*c));
            u64::from(lo) | u64::from(hi) << (8 * (r - 4))
        }
    }
}

/// A hash map with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

// Gazetteer flags of a token, as bits: what the word lists say of it. The tagger's features
// and the actor rules read them (`actors::tagger::TokInfo::flags`).

/// Part of a country name.
pub const G_COUNTRY: u16 = 1;
/// A demonym or adjective of a country or region.
pub const G_DEMONYM: u16 = 2;
/// Part of a city name.
pub const G_CITY: u16 = 4;
/// A given name.
pub const G_GIVEN: u16 = 8;
/// A title word.
pub const G_TITLE: u16 = 16;
/// An organisation suffix.
pub const G_ORGSUF: u16 = 32;
/// Part of a region or a known organisation.
pub const G_ORG: u16 = 64;
/// Part of a region or bloc.
pub const G_REGION: u16 = 128;
/// Starts a gazetteer match.
pub const G_START: u16 = 256;
/// An honorific.
pub const G_HON: u16 = 512;

/// A gazetteer entry: a surface form of a country, region, bloc or well-known organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gaz {
    /// The canonical name of what it names ("United States" for "U.S.").
    pub canonical: &'static str,
    /// What it names.
    pub kind: ActorKind,
    /// Whether this surface is an adjective or demonym ("Russian") rather than a name.
    pub demonym: bool,
}

/// All word lists, parsed.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Surface form (exact case) to entry.
    pub gaz: FastMap<&'static str, Gaz>,
    /// Upper-cased surface form to entry, for headlines in capitals.
    pub gaz_upper: FastMap<String, Gaz>,
    /// The most words in a gazetteer or city surface form.
    pub max_words: usize,
    /// First words of surface forms of more than one word (upper-cased too), so that only
    /// they are looked up with the words that follow.
    pub multi_first: FastSet<String>,
    /// City name to ISO country code.
    pub cities: FastMap<&'static str, &'static str>,
    /// Upper-cased city names, for headlines in capitals.
    pub cities_upper: FastSet<String>,
    /// Capital city to the canonical name of its country.
    pub capitals: FastMap<&'static str, &'static str>,
    /// Given names.
    pub given: FastSet<&'static str>,
    /// Words that end a role ("Minister", "advisor").
    pub title_heads: FastSet<&'static str>,
    /// Words that may stand inside a role ("Foreign", "National").
    pub title_mods: FastSet<&'static str>,
    /// Honorifics before a name ("Mr", "Prince").
    pub honorifics: FastSet<&'static str>,
    /// Words that end an organisation's name ("Ministry", "Party").
    pub org_suffixes: FastSet<&'static str>,
    /// Flags of single words, so that one lookup answers given name, title word, honorific and
    /// organisation suffix ([`G_GIVEN`], [`G_TITLE`], [`G_HON`], [`G_ORGSUF`]).
    pub word_flags: FastMap<&'static str, u16>,
    /// Words that begin an organisation's name ("Ministry of ...").
    pub org_prefixes: FastSet<&'static str>,
    /// Words that end a place name ("Province", "Square").
    pub place_suffixes: FastSet<&'static str>,
    /// Words that end a firm's name but no other ("Capital", "Partners"): read after the
    /// tagger, so they are no gazetteer flag.
    pub firm_suffixes: FastSet<&'static str>,
    /// Common English words, lower case ("program", "management").
    pub common: FastSet<&'static str>,
    /// The most common of them (SCOWL size 10: "program", not "management").
    pub common_top: FastSet<&'static str>,
    /// States, provinces and regions of countries ("Bavaria", "Crimea"): read after the tagger
    /// only (no tagger flag), to tell a place from an organisation.
    pub subdivisions: FastSet<&'static str>,
    /// Names of large listed companies ("Apple Inc.", "Apple"): read after the tagger only.
    pub companies: FastSet<&'static str>,
}

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn build() -> Self {
        let mut lx = Lexicon::default();
        for line in lines(COUNTRIES) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [canonical, _code, capital, names, demonyms] = f[..] else {
                continue;
            };
            for n in names.split('|').filter(|s| !s.is_empty()) {
                lx.add_gaz(n, canonical, ActorKind::Country, false);
            }
            for d in demonyms.split('|').filter(|s| !s.is_empty()) {
                lx.add_gaz(d, canonical, ActorKind::Country, true);
            }
            if !capital.is_empty() {
                lx.capitals.insert(capital, canonical);
            }
        }
        for line in lines(REGIONS) {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [canonical, kind, names, adjectives] = f[..] else {
                continue;
            };
            let kind = if kind == "place" {
                ActorKind::Place
            } else {
                ActorKind::Group
            };
            lx.add_gaz(canonical, canonical, kind, false);
            for n in names.split('|').filter(|s| !s.is_empty()) {
                lx.add_gaz(n, canonical, kind, false);
            }
            for d in adjectives.split('|').filter(|s| !s.is_empty()) {
                lx.add_gaz(d, canonical, kind, true);
            }
        }
        for line in lines(ORGS) {
            let mut f = line.split('\t');
            let Some(short) = f.next() else { continue };
            lx.add_gaz(short, short, ActorKind::Organisation, false);
            for n in f.next().unwrap_or("").split('|').filter(|s| !s.is_empty()) {
                lx.add_gaz(n, short, ActorKind::Organisation, false);
            }
        }
        for line in lines(CITIES) {
            let mut f = line.split('\t');
            if let (Some(name), Some(cc)) = (f.next(), f.next()) {
                lx.cities.insert(name, cc);
                lx.cities_upper.insert(name.to_uppercase());
                lx.note_words(name);
            }
        }
        lx.given = lines(GIVEN).collect();
        for line in lines(TITLES) {
            match line.split_once(' ') {
                Some(("head", w)) => {
                    lx.title_heads.insert(w);
                }
                Some(("mod", w)) => {
                    lx.title_mods.insert(w);
                }
                Some(("hon", w)) => {
                    lx.honorifics.insert(w);
                }
                _ => {}
            }
        }
        for line in lines(AFFIXES) {
            match line.split_once(' ') {
                Some(("org", w)) => {
                    lx.org_suffixes.insert(w);
                }
                Some(("orgstart", w)) => {
                    lx.org_prefixes.insert(w);
                }
                Some(("place", w)) => {
                    lx.place_suffixes.insert(w);
                }
                Some(("firm", w)) => {
                    lx.firm_suffixes.insert(w);
                }
                _ => {}
            }
        }
        let (top, rest) = COMMON.split_once("\n# size 20").unwrap_or((COMMON, ""));
        lx.common_top = lines(top).collect();
        lx.common = lx.common_top.iter().copied().chain(lines(rest)).collect();
        lx.companies = lines(COMPANIES).collect();
        lx.subdivisions = lines(SUBDIVISIONS)
            .filter_map(|l| l.split('\t').next())
            .collect();
        lx.max_words = lx.max_words.min(6);
        let sets: [(&FastSet<&'static str>, u16); 5] = [
            (&lx.given, G_GIVEN),
            (&lx.title_heads, G_TITLE),
            (&lx.title_mods, G_TITLE),
            (&lx.honorifics, G_HON),
            (&lx.org_suffixes, G_ORGSUF),
        ];
        let mut flags: FastMap<&'static str, u16> = FastMap::default();
        for (set, flag) in sets {
            for w in set.iter() {
                *flags.entry(w).or_insert(0) |= flag;
            }
        }
        lx.word_flags = flags;
        lx
    }

    fn add_gaz(
        &mut self,
        surface: &'static str,
        canonical: &'static str,
        kind: ActorKind,
        dem: bool,
    ) {
        let g = Gaz {
            canonical,
            kind,
            demonym: dem,
        };
        // The first entry wins: a country's own name beats a region's adjective.
        self.gaz.entry(surface).or_insert(g);
        self.gaz_upper.entry(surface.to_uppercase()).or_insert(g);
        self.note_words(surface);
    }

    fn note_words(&mut self, surface: &str) {
        let n = surface.split(' ').count();
        self.max_words = self.max_words.max(n);
        if n > 1
            && let Some(first) = surface.split(' ').next()
        {
            self.multi_first.insert(first.to_string());
            self.multi_first.insert(first.to_uppercase());
        }
    }

    /// The gazetteer entry for a surface form, trying upper case for words in capitals.
    pub fn gaz(&self, surface: &str) -> Option<Gaz> {
        if let Some(g) = self.gaz.get(surface) {
            return Some(*g);
        }
        if surface.len() > 3 && in_capitals(surface) {
            return self.gaz_upper.get(surface).copied();
        }
        None
    }

    /// Whether a surface form is a city or town.
    pub fn is_city(&self, surface: &str) -> bool {
        self.cities.contains_key(surface)
            || (surface.len() > 3 && in_capitals(surface) && self.cities_upper.contains(surface))
    }

    /// Whether a word, in any case, is a common English word ("Program", "management").
    pub fn is_common(&self, w: &str) -> bool {
        if w.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.common.contains(w);
        }
        w.is_ascii() && self.common.contains(w.to_ascii_lowercase().as_str())
    }

    /// Whether a word, in any case, is one of the most common English words ("Program").
    pub fn is_common_top(&self, w: &str) -> bool {
        w.is_ascii() && self.common_top.contains(w.to_ascii_lowercase().as_str())
    }

    /// Whether a word is a title head or modifier ("Minister", "Foreign").
    pub fn is_title_word(&self, w: &str) -> bool {
        self.title_heads.contains(w) || self.title_mods.contains(w)
    }
}

/// Whether a surface is written in capitals ([`crate::segment::is_all_caps`]); a byte test first,
/// since a lower-case ASCII letter, found in nearly every name looked up, settles it.
fn in_capitals(surface: &str) -> bool {
    !surface.bytes().any(|b| b.is_ascii_lowercase()) && crate::segment::is_all_caps(surface)
}

/// The word lists, parsed on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_demonyms_and_capitals_load() {
        let lx = get();
        let us = lx.gaz("U.S.").unwrap();
        assert_eq!(
            (us.canonical, us.kind, us.demonym),
            ("United States", ActorKind::Country, false)
        );
        assert!(lx.gaz("Russian").unwrap().demonym);
        assert_eq!(lx.gaz("Britain").unwrap().canonical, "United Kingdom");
        assert_eq!(lx.gaz("Türkiye").unwrap().canonical, "Turkey");
        assert_eq!(lx.gaz("European").unwrap().kind, ActorKind::Group);
        assert_eq!(lx.gaz("RUSSIA").unwrap().canonical, "Russia");
        assert_eq!(lx.capitals.get("Moscow"), Some(&"Russia"));
        assert!(lx.is_city("Riyadh") && lx.is_city("Kherson"));
        assert!(lx.given.contains("Sergei"));
        assert!(lx.title_heads.contains("Minister") && lx.org_suffixes.contains("Department"));
    }

    #[test]
    fn hash_tails_are_the_padded_bytes() {
        for n in 0..8 {
            let bytes: Vec<u8> = (1..=n as u8).map(|b| b.wrapping_mul(37)).collect();
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes);
            assert_eq!(tail(&bytes), u64::from_le_bytes(padded), "{n} bytes");
        }
    }

    #[test]
    fn organisations_map_expansions_to_the_short_name() {
        let lx = get();
        assert_eq!(lx.gaz("European Union").unwrap().canonical, "EU");
        assert_eq!(lx.gaz("NATO").unwrap().kind, ActorKind::Organisation);
    }
}
