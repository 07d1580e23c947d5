//! The tagger's spans refined by general rules: possessives, lower-case words and titles cut
//! off, a compass word joined to its place, the word lists' names of several words trusted, a
//! person's name joined across "bin", "Kane and Orlov" split, names in Title-Case headlines
//! confirmed by the body, and one sense per discourse.

use super::super::lexicon::{
    self, FastMap, FastSet, G_COUNTRY, G_DEMONYM, G_GIVEN, G_HON, G_ORG, G_TITLE, Lexicon,
};
use super::tagger::{self, EntityType, O, TokInfo};
use super::words::*;
use crate::model::ActorKind;
use crate::segment::{Document, TokenKind};

/// Raw tagger spans as (first token, one past last token, type index).
pub(super) fn spans(labels: &[u8]) -> Vec<(usize, usize, EntityType)> {
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

/// A tagger's span: first token, one past the last, and type.
type Tagged = (usize, usize, EntityType);

/// A refined span: first token, one past the last, type index, and its word-list entry when it
/// was looked up.
pub(super) type Refined = (usize, usize, EntityType, Option<Option<lexicon::Gaz>>);

/// Fixes the tagger's spans with general rules: possessives and titles cut off, function words
/// dropped, a person's name joined across "bin", word-list names of several words trusted.
pub(super) fn refine(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    raw: Vec<Tagged>,
) -> Vec<Refined> {
    let mut out: Vec<Tagged> = Vec::with_capacity(raw.len() + 8);
    for span in split_at_possessives(wd, raw) {
        refine_span(doc, lx, info, wd, span, &mut out);
    }
    let out = trust_listed(doc, lx, info, out);
    let merged = join_particles(doc, info, wd, out);
    let pairs = join_spaced_hyphens(doc, info, wd, split_pairs(doc, merged));
    let confirmed = title_case(doc, lx, wd, pairs);
    one_sense(doc, lx, info, wd, confirmed)
}

/// "Kane's Special Envoy": a span cut at its possessives into the owner, and what follows if it
/// is a name.
fn split_at_possessives(wd: &Words, raw: Vec<Tagged>) -> Vec<Tagged> {
    let mut work: Vec<Tagged> = Vec::with_capacity(raw.len() + 8);
    for (a, b, t) in raw {
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
    work
}

/// The rules on one span's own words: lower-case words and function words cut off, a compass
/// word joined to the place it opens, titles before a person's name cut off (a role), titles
/// after an organisation's cut off, and the place opening an event's name kept alone. Pushes
/// what is left, if anything, to `out`.
fn refine_span(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    (a, b, t): Tagged,
    out: &mut Vec<Tagged>,
) {
    let title_like = |i: usize| {
        info[i].flags & (G_COUNTRY | G_DEMONYM | G_TITLE | G_HON | G_ORG) != 0
            || wd.is(i, W_HEAD | W_MOD | W_HON | W_OF_FOR)
    };
    let (mut a, mut b, mut t) = (a, b, t);
    // "McConnell said": a lower-case word that is no particle ends a person's name; any
    // name ends before trailing lower-case words.
    if t == EntityType::Per
        && let Some(p) = (a + 1..b).find(|&p| wd.get(p) & (W_LOWER | W_PARTICLE) == W_LOWER)
    {
        b = p;
    }
    // "Tellmark in March": a date after a lower-case word is no part of the name.
    while b > a + 2 && wd.is(b - 1, W_CAL) && wd.is(b - 2, W_LOWER) {
        b -= 2;
    }
    while b > a + 1 && wd.is(b - 1, W_LOWER) {
        b -= 1;
    }
    if (a..b).all(|p| wd.is(p, W_CAL | W_LINK)) {
        return;
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
        return;
    }
    // "US President Tom Kane": the title is a role, the rest a person.
    let mut rest = a;
    while rest < b && title_like(rest) {
        rest += 1;
    }
    // "Republican Bob Dole", "Democrat Walter Mondale": an organisation the word lists know (a
    // party) before a given name and a surname is the person's side, not part of the name.
    if rest > a
        && b >= rest + 2
        && (a..rest).all(|i| info[i].flags & G_ORG != 0 && !wd.is(i, W_HEAD | W_HON))
        && info[rest].flags & G_GIVEN != 0
    {
        out.push((a, rest, EntityType::Org));
        a = rest;
        t = EntityType::Per;
    }
    let mut head = (a..rest).any(|i| wd.is(i, W_HEAD | W_HON));
    // "Industry Secretary Patricia Hewitt": the name after the last title word.
    if !head
        && let Some(h) = (a..b).rev().find(|&i| wd.is(i, W_HEAD))
        && h + 1 < b
    {
        rest = h + 1;
        head = true;
    }
    let head = head && !wd.is(b - 1, W_EVENT);
    let whole_gaz = info[a].gaz_len as usize == b - a;
    if head && !whole_gaz {
        if rest == b {
            return;
        }
        let ends_org = wd.is(b - 1, W_ORGSUF);
        let rest_is_name = t == EntityType::Per || info[rest].flags & G_GIVEN != 0 || rest - a >= 2;
        if wd.is(rest, W_CAP) && !ends_org && rest_is_name {
            a = rest;
            t = EntityType::Per;
        }
    }
    // "the Apple Chief Executive Officer": the title after an organisation is a role.
    if t != EntityType::Per && !whole_gaz {
        let mut end = b;
        while end > a + 1 && wd.is(end - 1, W_HEAD | W_MOD) {
            end -= 1;
        }
        let has_head = (end..b).any(|i| wd.is(i, W_HEAD));
        if end < b && has_head && !matches!(word_at(doc, end - 1), "of" | "the" | "for" | "and") {
            b = end;
        }
    }
    out.extend(unless_event(doc, lx, info, wd, (a, b, t)));
}

/// "Munich Security Conference": an event is no actor, but the place that opens it is a place.
/// The span to keep: the span itself or, for an event, the place that opens it, if any.
fn unless_event(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    wd: &Words,
    (a, b, t): Tagged,
) -> Option<Tagged> {
    let mut end = b;
    while end > a + 1 && wd.is(end - 1, W_ORDINAL) {
        end -= 1;
    }
    let person_name = t == EntityType::Per && b > a + 1 && info[a].flags & G_GIVEN != 0;
    if !wd.is(end - 1, W_EVENT) || person_name {
        return Some((a, b, t));
    }
    let n = info[a].gaz_len as usize;
    let n = if n > 0 {
        n
    } else if lx.is_city(word_at(doc, a)) {
        1
    } else {
        0
    };
    (n > 0 && a + n < b).then_some((a, a + n, EntityType::Loc))
}

/// Names of several words from the word lists win over spans that cut them (`out` sorted).
fn trust_listed(
    doc: &Document,
    lx: &Lexicon,
    info: &[TokInfo],
    mut out: Vec<Tagged>,
) -> Vec<Tagged> {
    // `out` is in
    // text order and its spans do not overlap, so each list name looks only at its neighbours:
    // linear in the text, however many names it holds (a quadratic scan here made a 13 MB
    // article take 40 s).
    sort_spans(&mut out);
    let mut removed = vec![false; out.len()];
    let mut added: Vec<Tagged> = Vec::with_capacity(8);
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
    let mut out: Vec<Tagged> = out
        .into_iter()
        .zip(removed)
        .filter_map(|(s, gone)| (!gone).then_some(s))
        .chain(added)
        .collect();
    sort_spans(&mut out);
    out
}

/// "Khalid bin Saad", "Nasser bin Ali Al Harbi": a person's name joined across a particle.
fn join_particles(doc: &Document, info: &[TokInfo], wd: &Words, out: Vec<Tagged>) -> Vec<Tagged> {
    let mut merged: Vec<Tagged> = Vec::with_capacity(out.len());
    for s in out {
        if let Some(last) = merged.last_mut()
            && last.2 == EntityType::Per
            && (s.2 == EntityType::Per || info[s.0].gaz_len == 0)
            && ((s.0 == last.1 + 1 && wd.is(last.1, W_PARTICLE))
                || (s.0 == last.1 && wd.is(s.0, W_CONT))
                || (s.0 == last.1 + 1 && apostrophe_name(doc, last.1)))
        {
            last.1 = s.1;
            continue;
        }
        merged.push(s);
        // (A span after "bin" joins the person before it whatever type the tagger gave it.)
    }
    merged
}

/// Whether token `i` is an apostrophe inside a name written apart ("O ' Brien"): after one
/// capital letter, before a capitalised word.
fn apostrophe_name(doc: &Document, i: usize) -> bool {
    i > 0
        && matches!(word_at(doc, i), "'" | "’")
        && {
            let b = word_at(doc, i - 1).as_bytes();
            b.len() == 1 && b[0].is_ascii_uppercase()
        }
        && is_cap(word_at(doc, i + 1))
}

/// "Norv - Mart": a one-word name written with a spaced hyphen after a capitalised word that no
/// span holds (or a span of a thing's name) is one name with that word, an organisation's unless
/// the word is a given name.
fn join_spaced_hyphens(
    doc: &Document,
    info: &[TokInfo],
    wd: &Words,
    spans: Vec<Tagged>,
) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::with_capacity(spans.len());
    for (a, b, t) in spans {
        let joins = a >= 2
            && b == a + 1
            && word_at(doc, a - 1) == "-"
            && doc.tokens[a - 1].space_before
            && doc.tokens[a].space_before
            && out.last().is_none_or(|l| {
                l.1 <= a - 2 || (l.0, l.1, l.2) == (a - 2, a - 1, EntityType::Misc)
            })
            && doc.tokens[a - 2].kind == TokenKind::Word
            && wd.is(a - 2, W_CAP)
            && !wd.is(a - 2, W_FUNC | W_CAL | W_HEAD | W_HON)
            && !crate::segment::is_all_caps(word_at(doc, a - 2))
            && !crate::segment::is_all_caps(word_at(doc, a))
            && info[a - 2].flags & (G_COUNTRY | G_DEMONYM | G_ORG) == 0
            && !info[a - 2].first;
        if joins {
            if out.last().is_some_and(|l| l.1 > a - 2) {
                out.pop();
            }
            let person = t == EntityType::Per && info[a - 2].flags & G_GIVEN != 0;
            out.push((a - 2, b, if person { t } else { EntityType::Org }));
        } else {
            out.push((a, b, t));
        }
    }
    out
}

/// "Kane and Orlov": two people the text names elsewhere, not one.
fn split_pairs(doc: &Document, merged: Vec<Tagged>) -> Vec<Tagged> {
    // (Built when first needed: few texts have a span like "Kane and Orlov".)
    let mut surnames: Option<FastSet<&str>> = None;
    let mut final_: Vec<Tagged> = Vec::with_capacity(merged.len() + 8);
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
    final_
}

/// A headline in Title Case ("Lohan Checks Into Rehab", "Sox Make Offer To Teixeira"): every word
/// is capitalised, so capitals say nothing of where names are, and the tagger runs names into
/// the words around them. A span there is kept when the rest of the text confirms it: the same
/// words are a name in a sentence that is not such a headline, or the word lists know them.
/// Otherwise the confirmed names inside it are kept ("Lohan" of "Lohan Checks Into Rehab", when
/// the body names "Lindsay Lohan"), and nothing else. A text that is all headline keeps its
/// spans.
fn title_case(doc: &Document, lx: &Lexicon, wd: &Words, spans: Vec<Tagged>) -> Vec<Tagged> {
    // Lines: token ranges between line breaks. A headline is the text's first line, or a line
    // standing alone between blank lines.
    let mut lines: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        match lines.last_mut() {
            Some(l) if t.breaks_before == 0 => l.end = i + 1,
            _ => lines.push(i..i + 1),
        }
    }
    let blank_before = |l: &std::ops::Range<usize>| {
        doc.tokens
            .get(l.start)
            .is_some_and(|t| t.breaks_before >= 2)
    };
    let mut in_title = vec![false; doc.tokens.len()];
    let mut any = false;
    for (k, l) in lines.iter().enumerate() {
        let alone = k == 0 || (blank_before(l) && lines.get(k + 1).is_none_or(&blank_before));
        if alone && is_title_case(doc, wd, l.clone()) {
            in_title[l.clone()].iter_mut().for_each(|x| *x = true);
            any = true;
        }
    }
    if !any || in_title.iter().all(|&t| t) {
        return spans;
    }
    let in_title = |a: usize| in_title.get(a).copied().unwrap_or(false);
    // Names of the body, and each word of its people's names (a surname alone in a headline).
    let mut confirmed: FastMap<&str, EntityType> = FastMap::default();
    for &(a, b, t) in &spans {
        if in_title(a) || t == EntityType::Misc {
            continue;
        }
        confirmed.entry(surface(doc, a, b)).or_insert(t);
        if t == EntityType::Per && b > a + 1 {
            for i in a..b {
                if wd.is(i, W_CAP) && !wd.is(i, W_FUNC | W_HON) {
                    confirmed.entry(surface(doc, i, i + 1)).or_insert(t);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(spans.len());
    for (a, b, t) in spans {
        let s = surface(doc, a, b);
        if !in_title(a) || confirmed.contains_key(s) || lx.gaz(s).is_some() {
            out.push((a, b, t));
            continue;
        }
        // The confirmed names inside, longest first from the left.
        let mut i = a;
        while i < b {
            let hit = (i + 1..=b)
                .rev()
                .find_map(|j| confirmed.get(surface(doc, i, j)).map(|&ct| (j, ct)));
            match hit {
                Some((j, ct)) => {
                    out.push((i, j, ct));
                    i = j;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Articles, conjunctions and prepositions that Title Case may leave in lower case.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "into", "onto", "with", "from", "over", "after",
    "amid", "than",
];

/// Whether a line is a headline in Title Case: not ended by a full stop, of three words or
/// more after the first, every one capitalised but articles, conjunctions and prepositions
/// ([`MINOR_WORDS`]), with some lower-case letters (a headline in capitals is told apart
/// elsewhere), and, when it holds numbers, one of those words capitalised ("To", "Into"); a list
/// of names (commas, brackets) is none.
fn is_title_case(doc: &Document, wd: &Words, line: std::ops::Range<usize>) -> bool {
    let start = line.start;
    let Some(toks) = doc.tokens.get(line) else {
        return false;
    };
    if toks
        .last()
        .is_some_and(|t| doc.text.get(t.start..t.end) == Some("."))
    {
        return false;
    }
    let mut capitalised = 0;
    let mut lower = false;
    let mut numbers = false;
    let mut commas = 0;
    let mut function_capitalised = false;
    for (off, t) in toks.iter().enumerate().skip(1) {
        match (t.kind, doc.text.get(t.start..t.end)) {
            (TokenKind::Number, _) => numbers = true,
            // A list of names ("Tim Simpson , Olin Browne , ..."), not a headline.
            (TokenKind::Punct, Some(",")) => {
                commas += 1;
                if commas > 1 {
                    return false;
                }
            }
            (TokenKind::Punct, Some("(" | ";")) => return false,
            _ => {}
        }
        if t.kind != TokenKind::Word {
            continue;
        }
        let i = start + off;
        let w = doc.text.get(t.start..t.end).unwrap_or("");
        if w.bytes().any(|c| c.is_ascii_lowercase()) {
            lower = true;
        }
        let minor = MINOR_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w));
        if wd.is(i, W_CAP) {
            capitalised += 1;
            function_capitalised |= minor;
        } else if !minor {
            return false;
        }
    }
    // A line of results ("Feyenoord Rotterdam 2 Ajax Amsterdam 1") is names and numbers: with
    // numbers, a capitalised "To", "For", "Into" must show the headline style.
    lower && capitalised >= 3 && (!numbers || function_capitalised)
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
