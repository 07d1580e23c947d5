//! Roles and affiliations: the title before a person's name ("US Secretary of State") or the
//! apposition after it (", Orlov's foreign policy advisor,"), and whom the role belongs to.

use super::lexicon::FastMap;
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
    // Non-person actors by the text of their mentions ("Apple" in "Apple CEO", where the name was
    // read as part of the title), and the organisation most often named ("company CEO X").
    let mut names: FastMap<&str, usize> = map_for(ments.len());
    let mut top_org: Option<(usize, (usize, std::cmp::Reverse<usize>))> = None;
    for (k, p) in protos.iter().enumerate() {
        let ms = &ments[p.mentions.clone()];
        // A one-word "person" may be a company misread ("Norvane CEO"); see `one_word_person`.
        if p.kind == ActorKind::Person && !one_word_person(ms) {
            continue;
        }
        for m in ms {
            names.entry(m.surface).or_insert(k);
        }
        let key = (
            ms.len(),
            std::cmp::Reverse(ms.first().map_or(0, |m| m.bytes.start)),
        );
        if p.kind == ActorKind::Organisation && top_org.is_none_or(|(_, best)| key > best) {
            top_org = Some((k, key));
        }
    }
    let look = Lookup {
        doc,
        wd,
        owner,
        names: &names,
        top_org: top_org.map(|(k, _)| k),
    };
    let affil_name = |k: usize, protos: &[Proto]| -> Option<String> {
        let p = &protos[k];
        match p.kind {
            ActorKind::Country | ActorKind::Organisation | ActorKind::Group | ActorKind::Place => {
                Some(
                    p.canonical
                        .map_or_else(|| longest(ments, p), str::to_string),
                )
            }
            _ => None,
        }
    };
    for k in 0..protos.len() {
        if protos[k].kind != ActorKind::Person {
            continue;
        }
        for m in &ments[protos[k].mentions.clone()] {
            let has_affil = protos[k].affiliation.is_some() || protos[k].affiliation_of.is_some();
            if protos[k].role.is_some() && has_affil {
                break;
            }
            let (a, b) = (m.tokens.start, m.tokens.end);
            let (lo, hi) = sentence_bounds(doc, a);
            let found = title_before(info, &look, a, lo)
                .or_else(|| apposition(&look, b, hi))
                .or_else(|| title_comma(&look, a, lo))
                .map(|(r, aff)| (Some(r), aff))
                .or_else(|| affiliation_only(&look, b, hi).map(|o| (None, Some(o))));
            let Some((role, aff)) = found else {
                continue;
            };
            let had_role = protos[k].role.is_some();
            if !had_role && let Some(r) = role {
                protos[k].role = Some(r);
            }
            // A later mention adds an affiliation, never a second role's.
            if has_affil {
                continue;
            }
            match aff {
                Some(Affiliation::Actor(o)) if o == k => {}
                // "Norvane CEO": a one-word name before a company role is the company.
                Some(Affiliation::Actor(o))
                    if protos[o].kind == ActorKind::Person
                        && one_word_person(&ments[protos[o].mentions.clone()])
                        && protos[k].role.as_deref().is_some_and(corporate) =>
                {
                    protos[o].kind = ActorKind::Organisation;
                    protos[k].affiliation = affil_name(o, protos);
                }
                Some(Affiliation::Actor(o)) if protos[o].kind == ActorKind::Person => {
                    protos[k].affiliation_of = Some(o)
                }
                Some(Affiliation::Actor(o)) => {
                    // A company named as a place ("chief executive of Norvane"): an organisation.
                    if protos[o].kind == ActorKind::Place
                        && protos[o].canonical.is_none()
                        && protos[k].role.as_deref().is_some_and(corporate)
                    {
                        protos[o].kind = ActorKind::Organisation;
                    }
                    protos[k].affiliation = affil_name(o, protos);
                }
                None => {}
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

/// Whether every mention of a person is one word (no given name and surname).
fn one_word_person(ms: &[ActorMention]) -> bool {
    !ms.is_empty() && ms.iter().all(|m| m.tokens.len() == 1)
}

/// Roles held in a company, whose affiliation is an organisation even when named like a place.
fn corporate(role: &str) -> bool {
    let r = role.to_ascii_lowercase();
    [
        "ceo",
        "chief",
        "founder",
        "chairman",
        "executive",
        "officer",
        "employee",
        "counsel",
        "analyst",
        "engineer",
    ]
    .iter()
    .any(|w| r.contains(w))
}

/// What the role readers look up: the document's words, the actor holding each token, the
/// non-person actors by name, and the organisation most often named.
struct Lookup<'l, 'd, 'a> {
    doc: &'l Document<'a>,
    wd: &'l Words<'d, 'a>,
    owner: Owners<'l>,
    names: &'l FastMap<&'a str, usize>,
    top_org: Option<usize>,
}

impl Lookup<'_, '_, '_> {
    /// The actor named from token `i` and the token after its name: an actor's mention, a
    /// non-person actor's name written there (up to four capitalised words), or "company"/"firm"
    /// for the organisation most often named.
    fn actor_at(&self, i: usize, hi: usize) -> Option<(usize, usize)> {
        if let Some(o) = self.owner.get(i) {
            let mut j = i;
            while self.owner.get(j) == Some(o) {
                j += 1;
            }
            return Some((o, j));
        }
        if matches!(word_at(self.doc, i), "company" | "firm") {
            return self.top_org.map(|o| (o, i + 1));
        }
        let mut e = i;
        while e < hi && e < i + 4 && self.cap_word(e) {
            e += 1;
        }
        (i + 1..=e)
            .rev()
            .find_map(|j| self.names.get(surface(self.doc, i, j)).map(|&o| (o, j)))
    }

    /// The non-person actor named by capitalised words ending at token `i` (down to `lo`),
    /// with the first token of its name; words between the name and `i` belong to it too
    /// ("Norvane Holdings" of an actor "Norvane").
    fn actor_ending_at(&self, i: usize, lo: usize) -> Option<(usize, usize)> {
        if !self.cap_word(i) {
            return None;
        }
        let mut s = i;
        while s > lo && s + 4 > i && self.cap_word(s - 1) {
            s -= 1;
        }
        (s..=i).find_map(|a| {
            (a + 1..=i + 1)
                .rev()
                .find_map(|b| self.names.get(surface(self.doc, a, b)).map(|&o| (o, a)))
        })
    }

    fn cap_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && self.wd.get(i) & (W_CAP | W_FUNC | W_CAL | W_HEAD | W_MOD) == W_CAP
    }
}

/// Qualifiers kept before a role whose organisation stands between them and the title
/// ("former Norvane chief executive" gives "former chief executive").
fn is_qualifier(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "former" | "acting" | "current" | "interim" | "outgoing" | "incoming" | "then" | "ex"
    )
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
    info: &[TokInfo],
    look: &Lookup,
    a: usize,
    lo: usize,
) -> Option<(String, Option<Affiliation>)> {
    let (doc, wd, owner) = (look.doc, look.wd, look.owner);
    let mut j = a;
    let mut first = a;
    let mut affil = None;
    // Where the affiliation's name begins, when one stands before the title.
    let mut affil_start = None;
    while j > lo {
        let i = j - 1;
        let word = word_at(doc, i);
        if let Some(o) = owner.get(i) {
            // A country, organisation or possessor before the title ends it.
            if first < a {
                affil = Some(Affiliation::Actor(o));
                let mut from = i;
                while from > lo && owner.get(from - 1) == Some(o) {
                    from -= 1;
                }
                affil_start = Some(from);
            }
            break;
        }
        if wd.is(i, W_MOD | W_HEAD | W_HEAD_LC | W_HON)
            || (matches!(word, "of" | "for") && j < first + 3)
        {
            first = i;
            j -= 1;
            continue;
        }
        // "Norvane chief executive": an organisation's name written before the title.
        if first < a
            && let Some((o, from)) = look.actor_ending_at(i, lo)
        {
            affil = Some(Affiliation::Actor(o));
            affil_start = Some(from);
            break;
        }
        // "company chief executive": the organisation most often named.
        if first < a
            && matches!(word, "company" | "firm")
            && let Some(o) = look.top_org
        {
            affil = Some(Affiliation::Actor(o));
            affil_start = Some(i);
            break;
        }
        // "Trade and Industry Secretary": capitalised words before a title are part of it.
        let seen_head = (first..a).any(|k| is_head(wd, k));
        let next_cap = wd.is(i + 1, W_CAP) && first == i + 1;
        if seen_head
            && doc.tokens[i].kind == TokenKind::Word
            && (wd.get(i) & (W_CAP | W_FUNC | W_CAL) == W_CAP
                || (word == "and" && next_cap && i > lo && wd.is(i - 1, W_CAP)))
            && !info[i].first
        {
            first = i;
            j -= 1;
            continue;
        }
        if wd.is(i, W_POSS) && i > lo && first < a {
            if let Some(o) = owner.get(i - 1) {
                affil = Some(Affiliation::Actor(o));
            } else if let Some((o, _)) = look.actor_ending_at(i - 1, lo) {
                affil = Some(Affiliation::Actor(o));
            } else if matches!(word_at(doc, i - 1), "company" | "firm") {
                affil = look.top_org.map(Affiliation::Actor);
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
    let mut role = surface(doc, first, last).to_string();
    // "Former Norvane CEO": the qualifier before the organisation stays with the role.
    if let Some(s) = affil_start
        && s > lo
        && is_qualifier(word_at(doc, s - 1))
    {
        role = format!("{} {role}", word_at(doc, s - 1).to_ascii_lowercase());
    }
    Some((role, affil))
}

/// "[Pavel Sorokin], Orlov's foreign policy advisor,": a role after a comma; "[X], a doctor at
/// Y," gives the role and Y.
fn apposition(look: &Lookup, b: usize, hi: usize) -> Option<(String, Option<Affiliation>)> {
    let (doc, wd) = (look.doc, look.wd);
    if word_at(doc, b) != "," {
        return None;
    }
    let mut i = b + 1;
    let mut affil = None;
    // ", formerly an Apple executive,": a former role.
    let former = word_at(doc, i) == "formerly";
    if former || word_at(doc, i) == "currently" {
        i += 1;
    }
    if matches!(word_at(doc, i), "the" | "a" | "an") {
        i += 1;
    }
    // A possessor or a country before the role.
    if let Some((o, j)) = look.actor_at(i, hi) {
        affil = Some(Affiliation::Actor(o));
        i = j;
        if wd.is(i, W_POSS) {
            i += 1;
        }
    }
    let start = i;
    let mut last_head = None;
    let mut count = 0;
    while i < hi && count < 8 {
        let word = word_at(doc, i);
        if word == "-" && count > 0 {
            i += 1;
            continue;
        }
        if doc.tokens[i].kind != TokenKind::Word {
            break;
        }
        if is_head(wd, i) {
            last_head = Some(i);
        } else if !wd.is(i, W_MOD | W_HEAD | W_LOWER)
            || matches!(word, "who" | "which" | "that" | "and" | "said" | "says")
        {
            break;
        }
        i += 1;
        count += 1;
    }
    let head = last_head?;
    let mut end = head + 1;
    let mut after_at = end;
    // "to the Middle East", "of the European Commission", "for Macintosh engineering".
    if matches!(
        word_at(doc, end),
        "to" | "of" | "for" | "on" | "at" | "with"
    ) {
        let mut j = end + 1;
        if word_at(doc, j) == "the" {
            j += 1;
        }
        match look.actor_at(j, hi) {
            // "chairman of Norvane": the role, and the organisation apart.
            Some((o, name_end))
                if affil.is_none() && look.owner.get(j).is_none_or(|holder| holder == o) =>
            {
                affil = Some(Affiliation::Actor(o));
                after_at = name_end;
            }
            _ => {
                let k0 = j;
                while j < hi && wd.is(j, W_CAP) && doc.tokens[j].kind == TokenKind::Word {
                    j += 1;
                }
                let mut lower = 0;
                while j < hi
                    && lower < 3
                    && doc.tokens[j].kind == TokenKind::Word
                    && wd.get(j) & (W_LOWER | W_FUNC) == W_LOWER
                {
                    j += 1;
                    lower += 1;
                }
                if j > k0 && (matches!(word_at(doc, j), "," | "." | ";" | ")" | "") || j >= hi) {
                    end = j;
                }
                after_at = end;
            }
        }
    }
    let after = word_at(doc, after_at);
    let prep_follows =
        after_at == head + 1 && matches!(after, "to" | "of" | "for" | "on" | "at" | "with" | "in");
    if !(matches!(after, "," | "." | ";" | ")" | "" | "and") || after_at >= hi || prep_follows) {
        return None;
    }
    let role = surface(doc, start, end);
    let role = if former {
        format!("former {role}")
    } else {
        role.to_string()
    };
    Some((role, affil))
}

/// "The former chief operating officer, [X]" and "Norvane's vice-president of sales, [X],":
/// a role that opens the sentence, then a comma and the name.
fn title_comma(look: &Lookup, a: usize, lo: usize) -> Option<(String, Option<Affiliation>)> {
    let (doc, wd) = (look.doc, look.wd);
    if a < lo + 2 || word_at(doc, a - 1) != "," {
        return None;
    }
    let end = a - 1;
    let mut i = lo;
    if matches!(word_at(doc, i), "The" | "the") {
        i += 1;
    }
    let mut affil = None;
    if let Some((o, e)) = look.actor_at(i, end) {
        // "Norvane's" or a mention that holds its "'s".
        if wd.is(e, W_POSS) {
            i = e + 1;
        } else if e > i && wd.is(e - 1, W_POSS) {
            i = e;
        } else {
            return None;
        }
        affil = Some(Affiliation::Actor(o));
    }
    let start = i;
    if end <= start || end - start > 10 {
        return None;
    }
    // The phrase opens with a title word, or one word before one ("worldwide vice-president").
    let opens = |k: usize| wd.is(k, W_MOD | W_HEAD | W_HEAD_LC);
    if !(opens(start) || (wd.is(start, W_LOWER) && !wd.is(start, W_FUNC) && is_head(wd, start + 1)))
    {
        return None;
    }
    let mut first_head = None;
    for k in start..end {
        let w = word_at(doc, k);
        if w == "-" {
            continue;
        }
        if doc.tokens[k].kind != TokenKind::Word {
            return None;
        }
        if wd.is(k, W_FUNC)
            && !matches!(
                w,
                "of" | "for" | "and" | "the" | "at" | "to" | "on" | "with" | "a" | "an"
            )
        {
            return None;
        }
        if is_head(wd, k) {
            first_head.get_or_insert(k);
        } else if !wd.is(k, W_MOD | W_LOWER | W_CAP) {
            return None;
        }
    }
    let h = first_head?;
    // "general counsel of the company": the organisation apart from the role.
    let mut role_end = end;
    if let Some(p) = (h + 1..end).find(|&k| matches!(word_at(doc, k), "of" | "at" | "with")) {
        let mut j = p + 1;
        if word_at(doc, j) == "the" {
            j += 1;
        }
        if let Some((o, e)) = look.actor_at(j, end)
            && e == end
        {
            affil = affil.or(Some(Affiliation::Actor(o)));
            role_end = p;
        }
    }
    Some((surface(doc, start, role_end).to_string(), affil))
}

/// "[X], with Norvane," and "[X] of Norvane said": an organisation or country with no role.
fn affiliation_only(look: &Lookup, b: usize, hi: usize) -> Option<Affiliation> {
    let doc = look.doc;
    let mut i = match (word_at(doc, b), word_at(doc, b + 1)) {
        ("of", _) => b + 1,
        (",", "with" | "of" | "from") => b + 2,
        _ => return None,
    };
    if word_at(doc, i) == "the" {
        i += 1;
    }
    look.owner.get(i)?;
    let (o, e) = look.actor_at(i, hi)?;
    if !matches!(word_at(doc, e), "," | "." | ";" | "said" | "says" | "") {
        return None;
    }
    Some(Affiliation::Actor(o))
}
