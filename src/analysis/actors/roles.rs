//! Roles and affiliations: the title before a person's name ("US Secretary of State") or the
//! apposition after it (", Orlov's foreign policy advisor,"), and whom the role belongs to.

use super::tagger::TokInfo;
use super::words::*;
use crate::model::ActorKind;
use crate::segment::{Document, TokenKind};

/// Roles and affiliations from titles before a person's name and appositions after it.
pub(super) fn roles(
    doc: &Document,
    info: &[TokInfo],
    wd: &Words,
    ments: &[ActorMention],
    protos: &mut [Proto],
) {
    // Which actor each token's mention belongs to, for affiliations and possessors (the first
    // actor that names it).
    let mut owner: Vec<usize> = vec![NOBODY; doc.tokens.len()];
    for (k, p) in protos.iter().enumerate() {
        for m in &ments[p.mentions.clone()] {
            for o in owner.get_mut(m.tokens.clone()).into_iter().flatten() {
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
        for m in &ments[protos[k].mentions.clone()] {
            if protos[k].role.is_some() {
                break;
            }
            let (a, b) = (m.tokens.start, m.tokens.end);
            let (lo, hi) = sentence_bounds(doc, a);
            if let Some((role, aff)) = title_before(doc, info, wd, owner, a, lo) {
                protos[k].role = Some(role);
                match aff {
                    Some(Affiliation::Actor(o)) if protos[o].kind == ActorKind::Person => {
                        protos[k].affiliation_of = Some(o)
                    }
                    Some(Affiliation::Actor(o)) => protos[k].affiliation = affil_name(o, protos),
                    None => {}
                }
                continue;
            }
            if let Some((role, aff)) = apposition(doc, wd, owner, b, hi) {
                protos[k].role = Some(role);
                match aff {
                    Some(Affiliation::Actor(o)) if protos[o].kind == ActorKind::Person => {
                        protos[k].affiliation_of = Some(o)
                    }
                    Some(Affiliation::Actor(o)) => protos[k].affiliation = affil_name(o, protos),
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

/// The actor whose mention holds each token, if any.
#[derive(Clone, Copy)]
struct Owners<'o>(&'o [usize]);

impl Owners<'_> {
    fn get(self, i: usize) -> Option<usize> {
        self.0.get(i).copied().filter(|&o| o != NOBODY)
    }
}

enum Affiliation {
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
) -> Option<(String, Option<Affiliation>)> {
    let mut j = a;
    let mut first = a;
    let mut affil = None;
    while j > lo {
        let i = j - 1;
        let w = word_at(doc, i);
        if let Some(o) = owner.get(i) {
            // A country, organisation or possessor before the title ends it.
            if first < a {
                affil = Some(Affiliation::Actor(o));
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
                affil = Some(Affiliation::Actor(o));
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
    wd: &Words,
    owner: Owners,
    b: usize,
    hi: usize,
) -> Option<(String, Option<Affiliation>)> {
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
        affil = Some(Affiliation::Actor(o));
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
