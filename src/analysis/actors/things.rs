//! Names that name no actor: products and works ("the new MacBook line", "web browser
//! Safari", "Apple unveiled Lion"), names made only of common words that the tagger took for
//! people ("Developer Program"), and the acronym of an event ("Developers Conference (DC)").
//!
//! The cues are the words around a mention, read over the whole document: a product noun after
//! the name ("Norvo phones"), a descriptor before it ("the browser Quill"), a brand written in
//! camel case before it ("iWidget Studio"), a verb of launching before it ("unveiled Quill") or
//! after it ("Quill was released"). A name that looks like an agent somewhere (a possessive, a
//! verb of saying or deciding after it) keeps its actor; so does any name of the word lists.

use super::super::lexicon::{FastSet, G_CITY, G_GIVEN, Lexicon};
use super::tagger::TokInfo;
use super::words::*;
use crate::model::ActorKind;
use crate::segment::{Document, TokenKind, is_all_caps};

/// Nouns after a name that make it a product's name ("Norvo laptops"), for a name that is not
/// a single word of an organisation (a firm's name before its goods, "Intel processors", stays).
const PRODUCT_NOUNS: &[&str] = &[
    "computer",
    "computers",
    "laptop",
    "laptops",
    "notebook",
    "notebooks",
    "desktop",
    "desktops",
    "phone",
    "phones",
    "smartphone",
    "smartphones",
    "handset",
    "handsets",
    "tablet",
    "tablets",
    "device",
    "devices",
    "processor",
    "processors",
    "chip",
    "chips",
    "software",
    "browser",
    "console",
    "consoles",
    "app",
    "apps",
    "operating",
    "users",
    "version",
    "versions",
    "model",
    "models",
    "lineup",
    "edition",
    "update",
    "updates",
    "platform",
    "kernel",
    "interface",
    "suite",
    "gadget",
    "gadgets",
    "design",
    "owners",
];

/// Nouns before a name that say what kind of thing it names ("the web browser Quill",
/// "operating system, Quill,"): products and works, never actors.
const DESCRIPTORS: &[&str] = &[
    "browser",
    "system",
    "software",
    "app",
    "application",
    "client",
    "console",
    "device",
    "smartphone",
    "handset",
    "tablet",
    "laptop",
    "computer",
    "processor",
    "chip",
    "player",
    "platform",
    "kernel",
    "drug",
    "vaccine",
    "medicine",
    "album",
    "song",
    "film",
    "movie",
    "novel",
    "book",
    "hurricane",
    "storm",
    "typhoon",
    "cyclone",
];

/// Verbs of launching a product: a name right after them ("unveiled Quill", "releases the new
/// Quill") or before their passive ("Quill was released") names a product.
const LAUNCH_VERBS: &[&str] = &[
    "unveil",
    "unveils",
    "unveiled",
    "unveiling",
    "launch",
    "launches",
    "launched",
    "launching",
    "release",
    "releases",
    "released",
    "releasing",
    "introduce",
    "introduces",
    "introduced",
    "introducing",
    "debut",
    "debuts",
    "debuted",
];

/// Words between a launch verb and the product's name ("unveiled its new Quill").
const LAUNCH_FILLERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "new", "latest", "next", "first",
];

/// Verbs after a name that make it an agent ("Norvo said"): its actor stays.
const AGENT_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "announces",
    "reported",
    "confirmed",
    "denied",
    "sued",
    "sues",
    "agreed",
    "plans",
    "planned",
    "acquired",
    "bought",
    "hired",
    "stated",
    "added",
    "argued",
    "claimed",
    "expects",
    "expected",
];

/// Whether a word is written in camel case with a lower-case opening ("iWidget", "eShop"): a
/// brand, whose next capitalised words name its products.
fn camel_brand(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b[0].is_ascii_lowercase()
        && b[1..].iter().any(u8::is_ascii_uppercase)
        && b.iter().all(u8::is_ascii_alphanumeric)
}

/// Whether token `i` is a verb of launching, not a noun ("their poster launch", "press
/// releases"): a bare form after "to" or a modal, a form in -s after a capitalised subject.
fn launch_verb(doc: &Document, lo: usize, i: usize) -> bool {
    let w = word_at(doc, i);
    if !LAUNCH_VERBS.contains(&w) {
        return false;
    }
    let before = if i > lo { word_at(doc, i - 1) } else { "" };
    if w.ends_with('s') {
        is_cap(before) || matches!(before, "it" | "he" | "she" | "company")
    } else if w.ends_with('d') {
        true
    } else if w.ends_with("ing") {
        !matches!(before, "the" | "a" | "its" | "their" | "his" | "her")
    } else {
        matches!(
            before,
            "to" | "will" | "would" | "could" | "can" | "may" | "might" | "should" | "and"
        )
    }
}

/// Whether a token is a quotation mark.
fn quote(w: &str) -> bool {
    matches!(w, "\"" | "``" | "''" | "“" | "”" | "'" | "‘" | "’")
}

/// Why a mention at tokens `a..b` names a product, if it does: `Some(true)` for a cue that
/// holds for any name, `Some(false)` for a product noun after it (not for a firm's or a word
/// list's name).
fn product_cue(
    doc: &Document,
    wd: &Words,
    person: bool,
    (lo, hi): (usize, usize),
    (a, b): (usize, usize),
) -> Option<bool> {
    // A camel-case brand before it, quotes between ("iWidget `` Studio ''").
    let mut open = a;
    while open > lo && quote(word_at(doc, open - 1)) {
        open -= 1;
    }
    if open > lo && camel_brand(word_at(doc, open - 1)) {
        return Some(true);
    }
    // A descriptor before it, with or without a comma ("the browser Quill", "system, Quill").
    // (After a comma, only as an apposition: a comma after the name too.)
    if a > lo {
        let comma = word_at(doc, a - 1) == ",";
        let desc = if comma { a.saturating_sub(2) } else { a - 1 };
        if desc >= lo
            && DESCRIPTORS.contains(&word_at(doc, desc))
            && (!comma || (b < hi && word_at(doc, b) == ","))
        {
            return Some(true);
        }
    }
    // A launch verb before it, a few fillers between.
    let mut verb = a;
    while verb > lo && verb + 3 > a && LAUNCH_FILLERS.contains(&word_at(doc, verb - 1)) {
        verb -= 1;
    }
    if verb > lo && launch_verb(doc, lo, verb - 1) {
        return Some(true);
    }
    // A passive of a launch verb after it ("Quill was released", "would be released").
    let after = |n: usize| if b + n < hi { word_at(doc, b + n) } else { "" };
    let aux = matches!(after(0), "was" | "were" | "is" | "are" | "will" | "would");
    if aux {
        let at = usize::from(after(1) == "be") + 1;
        if LAUNCH_VERBS.contains(&after(at)) && after(at).ends_with('d') {
            return Some(true);
        }
    }
    // One word, then a word in capitals ("Quill OS"): the opening of a product's name (a
    // person's name goes on with no word in capitals; an ordinal, "Henry VIII", aside).
    if person
        && b == a + 1
        && !is_all_caps(word_at(doc, a))
        && b < hi
        && doc.tokens[b].kind == TokenKind::Word
        && !wd.is(b, W_HEAD | W_MOD | W_HON | W_ORGSUF)
        && {
            let w = word_at(doc, b);
            w.len() >= 2
                && is_all_caps(w)
                && !is_ordinal(w)
                && w.bytes().all(|c| c.is_ascii_alphabetic())
        }
    {
        return Some(true);
    }
    // An apposition that calls it a version or model ("Quill, the newest version of ...").
    if b + 2 < hi && word_at(doc, b) == "," {
        let mut r = b + 1;
        while r < hi && r < b + 4 && {
            let w = word_at(doc, r);
            LAUNCH_FILLERS.contains(&w) || matches!(w, "newest" | "updated" | "upcoming")
        } {
            r += 1;
        }
        if r < hi && matches!(word_at(doc, r), "version" | "model" | "edition" | "release") {
            return Some(true);
        }
    }
    // A stock index ("the Norvo composite index").
    if b < hi
        && matches!(
            word_at(doc, b),
            "index" | "composite" | "indices" | "indexes"
        )
    {
        return Some(true);
    }
    // A product noun after it, other capitalised words of the product's name between
    // ("Quill OS X operating system").
    let mut noun = b;
    while noun < hi && noun < b + 3 && doc.tokens[noun].kind == TokenKind::Word && {
        let w = word_at(doc, noun);
        is_cap(w) || w.bytes().any(|c| c.is_ascii_digit())
    } {
        noun += 1;
    }
    if noun < hi && PRODUCT_NOUNS.contains(&word_at(doc, noun)) {
        // (A one-word name of an organisation right before the noun is a firm before its
        // goods, "Norvo phones"; with other words of a product's name between, it opens it.)
        return (person || noun > b || b > a + 1).then_some(false);
    }
    None
}

/// Whether a mention at tokens `a..b` reads as an agent: a possessive after it, a verb of
/// saying or deciding, or "by" or "against" before it.
fn agent_cue(doc: &Document, (lo, hi): (usize, usize), (a, b): (usize, usize)) -> bool {
    (b < hi && {
        let w = word_at(doc, b);
        is_possessive(w) || AGENT_VERBS.contains(&w)
    }) || (a > lo && matches!(word_at(doc, a - 1), "by" | "against"))
}

/// Drops the actors that name things, not actors (see the module's notes).
pub(super) fn not_things(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    ments: &[ActorMention],
    protos: &mut [Proto],
) {
    // Lower-cased surfaces of products, and the first words of those of several words.
    let mut products: FastSet<String> = FastSet::default();
    let mut openers: FastSet<String> = FastSet::default();
    let mut drop = vec![false; protos.len()];
    let mut agent = vec![false; protos.len()];
    let mut person = vec![false; protos.len()];
    for (k, p) in protos.iter().enumerate() {
        let ms = &ments[p.mentions.clone()];
        if ms.is_empty() || p.sure || p.canonical.is_some() {
            continue;
        }
        // A given name and more words, none in capitals, make a person ("released Anna
        // Berg"; not "Anna OS").
        person[k] = p.kind == ActorKind::Person
            && ms.iter().any(|m| {
                let (a, b) = (m.tokens.start, m.tokens.end);
                b > a + 1
                    && info.get(a).is_some_and(|t| t.flags & G_GIVEN != 0)
                    && (a + 1..b).all(|i| {
                        let w = word_at(doc, i);
                        w.len() < 2 || !is_all_caps(w)
                    })
            });
        let mut cue = false;
        for m in ms {
            let (a, b) = (m.tokens.start, m.tokens.end);
            if b <= a {
                continue;
            }
            let (lo, hi) = sentence_bounds(doc, a);
            agent[k] |= agent_cue(doc, (lo, hi), (a, b));

            let listed_word = lx.companies.contains(m.surface)
                || (a..b).any(|i| {
                    info.get(i)
                        .is_some_and(|t| t.gaz_len > 0 || t.flags & G_CITY != 0)
                        || wd.is(i, W_ORGSUF)
                });
            let as_person = p.kind == ActorKind::Person;
            match product_cue(doc, wd, as_person, (lo, hi), (a, b)) {
                Some(true) => cue = true,
                Some(false) if !listed_word => cue = true,
                _ => {}
            }
        }
        if cue && !person[k] {
            drop[k] = true;
        }
    }
    for (k, p) in protos.iter().enumerate() {
        if drop[k] && !agent[k] {
            for m in &ments[p.mentions.clone()] {
                let s = m.surface.to_lowercase();
                if let Some((first, _)) = s.split_once(' ') {
                    openers.insert(first.to_string());
                }
                products.insert(s);
            }
        }
    }
    for (k, p) in protos.iter_mut().enumerate() {
        let ms = &ments[p.mentions.clone()];
        if ms.is_empty() || p.sure || p.canonical.is_some() {
            continue;
        }
        // The same product written otherwise ("MacBook", "Macbook"), or a longer name opening
        // with a product's one word ("Quill OS X" after "Quill").
        let named = !agent[k]
            && !person[k]
            && (drop[k]
                || ms.iter().any(|m| {
                    // The name itself, or a shorter name it opens with, word by word.
                    let s = m.surface.to_lowercase();
                    products.contains(&s)
                        || s.match_indices(' ')
                            .any(|(at, _)| products.contains(&s[..at]))
                }));
        let common = p.kind == ActorKind::Person && p.role.is_none() && common_words(lx, info, ms);
        // "the Worldwide Developer's Conference": part of an event's name.
        let event_part = ms.iter().all(|m| {
            let mut j = m.tokens.end;
            if !is_possessive(word_at(doc, j)) {
                return false;
            }
            j += 1;
            if word_at(doc, j) == "s" {
                j += 1;
            }
            wd.is(j, W_EVENT)
        });
        // A one-word "person" that opens a product's name ("Quill" of "Quill OS").
        let opens_product = p.kind == ActorKind::Person
            && ms.iter().all(|m| m.tokens.len() == 1)
            && ms
                .iter()
                .any(|m| openers.contains(&m.surface.to_lowercase()));
        let event_acronym = ms
            .iter()
            .all(|m| m.tokens.len() == 1 && is_all_caps(m.surface) && m.surface.len() >= 2)
            && ms.iter().any(|m| {
                let a = m.tokens.start;
                a >= 2 && word_at(doc, a - 1) == "(" && event_before(doc, wd, a - 2)
            });
        if named || common || event_part || (opens_product && !agent[k]) || event_acronym {
            p.mentions = p.mentions.start..p.mentions.start;
        }
    }
}

/// Whether every name of a person is two words or more, each a common English word, one of
/// the most common, and none a given name ("Developer Program", "Operating Officer"): the name
/// of a thing.
fn common_words(lx: &Lexicon, info: &[TokInfo], ms: &[ActorMention]) -> bool {
    ms.iter().all(|m| {
        m.tokens.len() >= 2
            && m.tokens
                .clone()
                .all(|i| info.get(i).is_none_or(|t| t.flags & G_GIVEN == 0))
            && m.surface.split_whitespace().all(|w| lx.is_common(w))
            && m.surface.split_whitespace().any(|w| lx.is_common_top(w))
    })
}

/// Whether the name that ends at token `i` is an event's ("Developers Conference"), not an
/// organisation's ("Organisation of the Islamic Conference").
fn event_before(doc: &Document, wd: &Words, i: usize) -> bool {
    if !wd.is(i, W_EVENT) {
        return false;
    }
    let mut j = i;
    while j > 0 && i - j < 6 && wd.is(j - 1, W_CAP | W_LINK) {
        j -= 1;
        if wd.is(j, W_ORGSUF) {
            return false;
        }
    }
    doc.tokens.len() > i
}
