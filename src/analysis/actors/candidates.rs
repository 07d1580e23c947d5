//! Names from the tagger's spans and the word lists: the spans refined by general rules
//! (titles and possessives cut off, names joined across "bin"), then each given a kind, a
//! canonical name when a list knows it, and the word-list names the tagger missed added.

use super::super::lexicon::{
    self, FastMap, FastSet, G_CITY, G_COUNTRY, G_DEMONYM, G_GIVEN, G_HON, G_ORG, G_REGION, G_START,
    G_TITLE, Lexicon,
};
use super::tagger::{self, EntityType, O, TokInfo};
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

/// Raw tagger spans as (first token, one past last token, type index).
fn spans(labels: &[u8]) -> Vec<(usize, usize, EntityType)> {
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

/// Sorts spans, most often already in order (a sorted slice is left as it is, which is what
/// sorting it would give).
fn sort_spans(spans: &mut [(usize, usize, EntityType)]) {
    if !spans.is_sorted() {
        spans.sort_unstable();
    }
}

/// A refined span: first token, one past the last, type index, and its word-list entry when it
/// was looked up.
type Refined = (usize, usize, EntityType, Option<Option<lexicon::Gaz>>);

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
    for (span_start, span_end, ty, span_entry) in refined {
        let (mut start, mut end) = (span_start, span_end);
        // A possessive or trailing punctuation is not part of the name.
        while end > start && (wd.is(end - 1, W_POSS) || doc.tokens[end - 1].kind != TokenKind::Word)
        {
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
        // "Lord Halworth said": an honorific before names opens a person's name, whatever the
        // tagger says.
        let ty = if ty == EntityType::Org
            && end > start + 1
            && end - start <= 4
            && wd.is(start, W_HON_DOT)
            && (start + 1..end).all(|i| {
                wd.is(i, W_CAP)
                    && !wd.is(i, W_ORGSUF | W_PLACESUF | W_HEAD | W_MOD | W_FUNC)
                    && info[i].flags & (G_COUNTRY | G_DEMONYM | G_ORG | G_REGION | G_CITY) == 0
            }) {
            EntityType::Per
        } else {
            ty
        };
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
            continue;
        }
        // "according to the Indonesian Energy Ministry": a person or organisation made only of
        // the head words of institutions is the institution, named by the capitalised words
        // before it (which the tagger may leave out); a
        // demonym or country before those is left to the word lists (a mention of its country).
        let mut ty = ty;
        if matches!(ty, EntityType::Per | EntityType::Org)
            && (start..end).all(|i| wd.is(i, W_ORGSUF))
        {
            let lo = sentence_bounds(doc, start).0;
            while start > lo && end - start < 4 && org_name_word(doc, info, wd, &covered, start - 1)
            {
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
        // A name made only of title words ("Special Envoy") is a role, not an actor.
        if (start..end).all(|i| wd.is(i, W_HEAD | W_MOD | W_LINK)) {
            continue;
        }
        let name = surface(doc, start, end);
        // "Music Store", "Moscone Center": not people, whatever the tagger says; "Downing
        // Street" is a place and "UK Independence Party" an organisation.
        let ty = if (ty == EntityType::Per && end > start + 1 && wd.is(end - 1, W_ORGSUF))
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
        };
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
        } else if ty == EntityType::Misc {
            // Other MISC names (events, works, nationalities we do not know) are not actors,
            // but hyphenated compounds inside may hold some ("US-Russian").
            continue;
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
    streets(doc, wd, &mut covered, &mut out);
    // "European countries", "Arab states": a bloc.
    for c in &mut out {
        if c.form == MentionForm::Demonym
            && c.kind == ActorKind::Group
            && BLOC_NOUNS.contains(&word_at(doc, c.tokens.end))
        {
            c.tokens.end += 1;
            c.surface = surface(doc, c.tokens.start, c.tokens.end);
            c.form = MentionForm::Name;
        }
    }
    if !out.is_sorted_by_key(|c| (span_of(doc, c).start, c.tokens.end)) {
        out.sort_by_key(|c| (span_of(doc, c).start, c.tokens.end));
    }
    out
}

/// Fixes the tagger's spans with general rules: possessives and titles cut off, function words
/// dropped, a person's name joined across "bin", word-list names of several words trusted.
fn refine(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    raw: Vec<(usize, usize, EntityType)>,
) -> Vec<Refined> {
    let mut out: Vec<(usize, usize, EntityType)> = Vec::with_capacity(raw.len() + 8);
    let title_like = |i: usize| {
        info[i].flags & (G_COUNTRY | G_DEMONYM | G_TITLE | G_HON | G_ORG) != 0
            || wd.is(i, W_HEAD | W_MOD | W_HON | W_OF_FOR)
    };
    let mut work: Vec<(usize, usize, EntityType)> = Vec::with_capacity(raw.len() + 8);
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
        if t == EntityType::Per
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
            t = EntityType::Loc;
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
            let rest_is_name = t == EntityType::Per || info[k].flags & G_GIVEN != 0 || k - a >= 2;
            if wd.is(k, W_CAP) && !ends_org && rest_is_name {
                a = k;
                t = EntityType::Per;
            }
        }
        // "the Apple Chief Executive Officer": the title after an organisation is a role.
        let mut b = b;
        if t != EntityType::Per && !whole_gaz {
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
        let person_name = t == EntityType::Per && b > a + 1 && info[a].flags & G_GIVEN != 0;
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
                out.push((a, a + n, EntityType::Loc));
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
    let mut added: Vec<(usize, usize, EntityType)> = Vec::with_capacity(8);
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
                EntityType::Org
            } else {
                EntityType::Loc
            },
        ));
    }
    let mut out: Vec<(usize, usize, EntityType)> = out
        .into_iter()
        .zip(removed)
        .filter_map(|(s, gone)| (!gone).then_some(s))
        .chain(added)
        .collect();
    sort_spans(&mut out);
    // "Khalid bin Saad", "Nasser bin Ali Al Harbi": one person.
    let mut merged: Vec<(usize, usize, EntityType)> = Vec::with_capacity(out.len());
    for s in out {
        if let Some(last) = merged.last_mut()
            && last.2 == EntityType::Per
            && (s.2 == EntityType::Per || info[s.0].gaz_len == 0)
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
    let mut final_: Vec<(usize, usize, EntityType)> = Vec::with_capacity(merged.len() + 8);
    for &s in &merged {
        if s.1 == s.0 + 3 && word_at(doc, s.0 + 1) == "and" {
            let (l, r) = (word_at(doc, s.0), word_at(doc, s.0 + 2));
            let surnames = surnames.get_or_insert_with(|| {
                merged
                    .iter()
                    .filter(|s| s.2 == EntityType::Per && s.1 > s.0)
                    .map(|s| word_at(doc, s.1 - 1))
                    .collect()
            });
            if surnames.contains(l) && surnames.contains(r) {
                final_.push((s.0, s.0 + 1, EntityType::Per));
                final_.push((s.0 + 2, s.0 + 3, EntityType::Per));
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
    spans: Vec<(usize, usize, EntityType)>,
) -> Vec<Refined> {
    let mut known: FastMap<&str, EntityType> = map_for(spans.len());
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
        if t != EntityType::Misc
            && !(t == EntityType::Per && b == a + 1)
            && !function_word
            && g.is_none()
        {
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
