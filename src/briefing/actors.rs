//! Merging the actors of several articles.
//!
//! - People: the same full name (honorifics dropped, diacritics folded) is one person. A name of
//!   one word (a surname: "Brandt") joins the one person of the briefing whose full name ends
//!   with it; when there are several ("Halvor Brandt", "Ines Brandt"), it joins the one whose role
//!   or affiliation it shares, else it stays apart. A two-word name joins the one longer name with
//!   the same first and last words ("Anna Berg" and "Anna K. Berg").
//! - Countries, blocs, places: one canonical name through the analysis's gazetteer (so "US",
//!   "U.S.", "United States" and "American" are one), else the folded name or an alias.
//! - Organisations: a shared folded name or alias ("Tories" in one article's aliases of the
//!   Conservative Party, "Tories" as the name in another).

use crate::analysis::lexicon::{self, FastMap};
use crate::model::ActorKind;

use super::norm;
use super::{ActorMember, BriefingActor, Digest};

/// The actors merged, and where each article actor went.
pub struct Merged {
    /// The briefing actors, sorted and numbered.
    pub actors: Vec<BriefingActor>,
    /// For each article, for each of its actors (in its order), the index of its briefing actor.
    pub of: Vec<Vec<usize>>,
}

/// A disjoint-set forest over the article actors.
pub struct Sets {
    parent: Vec<u32>,
}

impl Sets {
    pub fn new(n: usize) -> Self {
        Self {
            parent: (0..n as u32).collect(),
        }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let p = self.parent[x] as usize;
            self.parent[x] = self.parent[p];
            x = p;
        }
        x
    }

    /// Joins two sets; the smaller index stays the root, so the result is order-free.
    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.parent[hi] = lo as u32;
        }
    }
}

/// The namespace of a name key: kinds that may share one.
fn class(kind: ActorKind) -> u8 {
    match kind {
        ActorKind::Person => b'P',
        // Analyses call a team, a university, a city by one name and different kinds.
        ActorKind::Organisation | ActorKind::Country | ActorKind::Group | ActorKind::Place => b'N',
    }
}

/// Merges the actors of the digests.
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the members with its rules in order; to be cut into steps (issue 16)"
)]
pub fn merge(digests: &[Digest]) -> Merged {
    // Nodes: every article actor, in article order.
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    for (i, d) in digests.iter().enumerate() {
        for k in 0..d.actors.len() {
            nodes.push((i, k));
        }
    }
    let n = nodes.len();
    let mut sets = Sets::new(n);
    let lx = lexicon::get();
    // Names repeat across articles: each distinct surface form is folded once, and keys are
    // compared as indexes into `folded`.
    let mut folded = norm::Interner::default();
    let mut person_of: FastMap<&str, u32> = FastMap::default();
    let mut key_of: FastMap<&str, (bool, u32)> = FastMap::default();
    let mut short_of: FastMap<u32, Option<u32>> = FastMap::default();
    let mut first: FastMap<(u8, u32), usize> = FastMap::default();
    let mut join = |sets: &mut Sets, key: (u8, u32), node: usize| match first.get(&key) {
        Some(&o) => sets.union(o, node),
        None => {
            first.insert(key, node);
        }
    };
    // One-word person names, for the second pass: (node, folded word).
    let mut single: Vec<(usize, u32)> = Vec::new();
    // Full person names of two words, for the second pass.
    let mut two: Vec<(usize, u32)> = Vec::new();
    let mut full_names: Vec<(usize, u32)> = Vec::new();
    // Full names of organisations, for their one-word short forms ("Colts").
    let mut org_full: Vec<(usize, u32)> = Vec::new();
    for (node, &(i, k)) in nodes.iter().enumerate() {
        let a = &digests[i].actors[k];
        let c = class(a.kind);
        if a.kind == ActorKind::Person {
            let mut multi = false;
            for s in std::iter::once(&a.name).chain(&a.aliases) {
                let id = person_id(s, &mut person_of, &mut folded);
                let p = folded.name(id);
                if p.contains(' ') {
                    multi = true;
                    if p.matches(' ').count() == 1 {
                        two.push((node, id));
                    }
                    full_names.push((node, id));
                    join(&mut sets, (c, id), node);
                }
            }
            if !multi {
                let id = person_id(&a.name, &mut person_of, &mut folded);
                if !folded.name(id).is_empty() {
                    single.push((node, id));
                }
            }
            continue;
        }
        let mut gaz = false;
        for s in std::iter::once(&a.name).chain(&a.aliases) {
            let (in_gaz, id) = *key_of.entry(s).or_insert_with(|| match lx.gaz(s) {
                Some(g) => (true, folded.id(&norm::name(g.canonical))),
                None => (false, folded.id(&org_name(&norm::name(s)))),
            });
            gaz |= in_gaz;
            let key = (if in_gaz { b'G' } else { c }, id);
            let text = folded.name(id);
            if text.len() >= 2 {
                let spaced = text.contains(' ');
                if key.0 == b'N'
                    && let Some(short) = *short_of
                        .entry(id)
                        .or_insert_with(|| abbreviated(folded.name(id)).map(|a| folded.id(&a)))
                {
                    join(&mut sets, (b'A', short), node);
                }
                if key.0 == b'N' && spaced {
                    // A person the analysis took for an organisation ("Anna Berg" as a team).
                    join(
                        &mut sets,
                        (b'P', person_id(s, &mut person_of, &mut folded)),
                        node,
                    );
                    org_full.push((node, id));
                }
                join(&mut sets, key, node);
            }
        }
        if !gaz && !lx.is_city(&a.name) {
            // The name is not in the gazetteer: its key is its own folded name.
            let own = key_of.get(a.name.as_str()).map_or(0, |k| k.1);
            let text = folded.name(own);
            if !text.contains(' ') && text.len() >= 2 {
                single.push((node, own));
            }
        }
    }
    let folded = folded;
    let text = |id: u32| folded.name(id);
    // Second pass, on the sets of the first: surnames and short forms of full names.
    let mut by_surname: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut by_first_last: FastMap<String, Vec<usize>> = FastMap::default();
    for &(node, p) in &full_names {
        let p = text(p);
        let root = sets.find(node);
        if let Some(last) = p.rsplit(' ').next() {
            push_unique(by_surname.entry(last).or_default(), root);
        }
        if p.matches(' ').count() >= 2
            && let (Some(f), Some(l)) = (p.split(' ').next(), p.rsplit(' ').next())
        {
            push_unique(by_first_last.entry(format!("{f} {l}")).or_default(), root);
        }
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for &(node, p) in &two {
        if let Some(roots) = by_first_last.get(text(p)) {
            let own = sets.find(node);
            let others: Vec<usize> = roots.iter().copied().filter(|&r| r != own).collect();
            if others.len() == 1 && !roots.is_empty() {
                joins.push((node, others[0]));
            }
        }
    }
    let mut by_org_last: FastMap<&str, Vec<usize>> = FastMap::default();
    for &(node, p) in &org_full {
        if let Some(last) = text(p).rsplit(' ').next() {
            push_unique(by_org_last.entry(last).or_default(), sets.find(node));
        }
    }
    let mut by_first: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut cap = String::new();
    for &(node, p) in &full_names {
        if let Some(first) = text(p).split(' ').next()
            && lx.given.contains(capitalised(first, &mut cap))
        {
            push_unique(by_first.entry(first).or_default(), sets.find(node));
        }
    }
    // How many articles each set of the first pass spans, to tell the main bearer of a name.
    let mut spans: FastMap<usize, Vec<usize>> = FastMap::default();
    for (node, &(i, _)) in nodes.iter().enumerate() {
        push_unique(spans.entry(sets.find(node)).or_default(), i);
    }
    let reach = |r: &usize| spans.get(r).map_or(0, Vec::len);
    // The roles and affiliations of each set's full-named people, folded, for the ties.
    let mut roles: FastMap<usize, Vec<RoleOf>> = FastMap::default();
    for (node, _) in &full_names {
        let (i, k) = nodes[*node];
        let b = &digests[i].actors[k];
        if b.role.is_some() || b.affiliation.is_some() {
            let entry = (
                b.role.as_deref().map(norm::name),
                b.affiliation.as_deref().map(norm::name),
            );
            let v = roles.entry(sets.find(*node)).or_default();
            if !v.contains(&entry) {
                v.push(entry);
            }
        }
    }
    let mut alone: FastMap<&str, usize> = FastMap::default();
    for &(node, p) in &single {
        let p = text(p);
        let (i, k) = nodes[node];
        let a = &digests[i].actors[k];
        let own = sets.find(node);
        let pick = |roots: &[usize]| -> Option<usize> {
            let roots: Vec<usize> = roots.iter().copied().filter(|&r| r != own).collect();
            if roots.len() == 1 {
                return roots.first().copied();
            }
            // Several bear the name: the text must tie it to one (the same role), or one must
            // be the briefing's main bearer of it (three times the articles of any other).
            let tied: Vec<usize> = roots
                .iter()
                .copied()
                .filter(|r| same_role(a, roles.get(r).map_or(&[][..], Vec::as_slice)))
                .collect();
            if tied.len() == 1 {
                return tied.first().copied();
            }
            let mut by_reach: Vec<(usize, usize)> = roots.iter().map(|r| (reach(r), *r)).collect();
            by_reach.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            match by_reach.as_slice() {
                [(n, r), (m, _), ..] if *n >= 3 && *n >= 3 * *m => Some(*r),
                _ => None,
            }
        };
        let found = if let Some(roots) = by_surname.get(p) {
            pick(roots)
        } else if a.kind == ActorKind::Person
            && let Some(roots) = by_first.get(p)
        {
            pick(roots)
        } else if a.kind != ActorKind::Person
            && let Some(roots) = by_org_last.get(p)
        {
            pick(roots)
        } else {
            None
        };
        match found {
            Some(r) => joins.push((node, r)),
            None if a.kind == ActorKind::Person && !by_surname.contains_key(p) => {
                match alone.get(p) {
                    Some(&o) => joins.push((node, o)),
                    None => {
                        alone.insert(p, node);
                    }
                }
            }
            None => {}
        }
    }
    for (a, b) in joins {
        sets.union(a, b);
    }
    build(digests, &nodes, &mut sets)
}

/// The index of a person's folded name (`norm::person`), folded once per surface form.
fn person_id<'a>(
    s: &'a str,
    cache: &mut FastMap<&'a str, u32>,
    folded: &mut norm::Interner,
) -> u32 {
    *cache
        .entry(s)
        .or_insert_with(|| folded.id(&norm::person(s)))
}

/// A word with its first letter in capitals, to look it up in the word lists, in `buf`.
fn capitalised<'b>(w: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    let mut c = w.chars();
    if let Some(f) = c.next() {
        buf.extend(f.to_uppercase());
        buf.push_str(c.as_str());
    }
    buf
}

/// Words after a company's name that are not part of it.
const COMPANY: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "ltd",
    "llc",
    "plc",
    "co",
    "ag",
    "sa",
];

/// Weekdays the analysis sometimes leaves on a name ("Acme on Tuesday").
const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
];

/// An organisation's folded name without a company suffix, a trailing "party" or weekday, its
/// last word in the singular ("Tories" = "Tory", "Lib Dems" = "Lib Dem").
fn org_name(n: &str) -> String {
    let mut words: Vec<&str> = n.split(' ').collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| COMPANY.contains(w) || DAYS.contains(w) || *w == "party")
    {
        words.pop();
    }
    let mut out = words.join(" ");
    if out.len() > 4 {
        if out.ends_with("ies") {
            out.truncate(out.len() - 3);
            out.push('y');
        } else if out.ends_with('s') && !out.ends_with("ss") && !out.ends_with("us") {
            out.pop();
        }
    }
    out
}

/// The short form of a name of several words: the first three letters of each ("Liberal
/// Democrat" and "Lib Dem" are both "lib dem"), when every word has three letters or more.
fn abbreviated(n: &str) -> Option<String> {
    let words: Vec<&str> = n.split(' ').collect();
    if words.len() < 2 || words.iter().any(|w| w.len() < 3 || !w.is_ascii()) {
        return None;
    }
    Some(words.iter().map(|w| &w[..3]).collect::<Vec<_>>().join(" "))
}

fn push_unique(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// A folded role and affiliation.
type RoleOf = (Option<String>, Option<String>);

/// Whether the actor shares a role, or (having no role) an affiliation, with one of `known`
/// (folded roles and affiliations of a set's people).
fn same_role(a: &super::DigestActor, known: &[RoleOf]) -> bool {
    let role = a.role.as_deref().map(norm::name);
    let aff = a.affiliation.as_deref().map(norm::name);
    if role.is_none() && aff.is_none() {
        return false;
    }
    known.iter().any(|(r, f)| {
        (role.is_some() && *r == role) || (aff.is_some() && role.is_none() && *f == aff)
    })
}

/// The briefing actors from the sets: best name, kind and role; sorted, numbered.
fn build(digests: &[Digest], nodes: &[(usize, usize)], sets: &mut Sets) -> Merged {
    let mut groups: FastMap<usize, Vec<usize>> = FastMap::default();
    let mut order: Vec<usize> = Vec::new();
    for node in 0..nodes.len() {
        let root = sets.find(node);
        let g = groups.entry(root).or_default();
        if g.is_empty() {
            order.push(root);
        }
        g.push(node);
    }
    struct Group {
        articles: usize,
        mentions: usize,
        first: usize,
        actor: BriefingActor,
        nodes: Vec<usize>,
    }
    let mut out: Vec<Group> = order
        .iter()
        .map(|root| {
            let members = groups.remove(root).unwrap_or_default();
            let actors: Vec<&super::DigestActor> = members
                .iter()
                .map(|&m| {
                    let (i, k) = nodes[m];
                    &digests[i].actors[k]
                })
                .collect();
            let kind = most_common(actors.iter().map(|a| a.kind)).unwrap_or(ActorKind::Person);
            let name = best_name(&actors, kind);
            let role = most_common(actors.iter().filter_map(|a| a.role.as_deref()));
            let articles = super::count_distinct(members.iter().map(|&m| nodes[m].0));
            Group {
                articles,
                mentions: actors.iter().map(|a| a.mentions).sum(),
                first: members.first().copied().unwrap_or(0),
                actor: BriefingActor {
                    id: String::new(),
                    name,
                    kind,
                    role: role.map(str::to_string),
                    members: members
                        .iter()
                        .zip(&actors)
                        .map(|(&m, a)| ActorMember {
                            article: nodes[m].0,
                            actor: a.id.clone(),
                        })
                        .collect(),
                },
                nodes: members,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.first.cmp(&b.first))
    });
    let mut of: Vec<Vec<usize>> = digests.iter().map(|d| vec![0; d.actors.len()]).collect();
    let actors = out
        .into_iter()
        .enumerate()
        .map(|(k, mut g)| {
            g.actor.id = format!("b{}", k + 1);
            for m in &g.nodes {
                let (i, j) = nodes[*m];
                if let Some(slot) = of.get_mut(i).and_then(|v| v.get_mut(j)) {
                    *slot = k;
                }
            }
            g.actor
        })
        .collect();
    Merged { actors, of }
}

/// The most frequent value, the first seen on a tie.
pub fn most_common<T: PartialEq + Copy>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for x in items {
        match counts.iter_mut().find(|(y, _)| *y == x) {
            Some((_, n)) => *n += 1,
            None => counts.push((x, 1)),
        }
    }
    let max = counts.iter().map(|c| c.1).max()?;
    counts.into_iter().find(|c| c.1 == max).map(|c| c.0)
}

/// The name most members give; for a person, a full name over a surname; on a tie, the longer.
fn best_name(actors: &[&super::DigestActor], kind: ActorKind) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for a in actors {
        match counts.iter_mut().find(|(n, _)| *n == a.name) {
            Some((_, c)) => *c += 1,
            None => counts.push((&a.name, 1)),
        }
    }
    let full = |n: &str| kind != ActorKind::Person || n.trim().contains(' ');
    // "Halvor Brandt" over "Mr. Halvor Brandt".
    let clean = |n: &str| kind != ActorKind::Person || norm::person(n) == norm::name(n);
    let cleans: Vec<bool> = counts.iter().map(|c| clean(c.0)).collect();
    counts
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| {
            full(a.0)
                .cmp(&full(b.0))
                .then(a.1.cmp(&b.1))
                .then(cleans[*i].cmp(&cleans[*j]))
                .then(a.0.len().cmp(&b.0.len()))
                .then(j.cmp(i))
        })
        .map(|(_, c)| c.0.to_string())
        .unwrap_or_default()
}
