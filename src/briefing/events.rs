//! Merging the events of several articles, with care: two reports are one event only when they
//! are of the same kind, nothing they say contradicts (two different days, two different
//! cities), and they share enough: the same day, the same city, a person or organisation taking
//! part, words of their labels. Each event joins the earlier group it fits best, or starts one.
//!
//! Evidence, in points: the same day 3, the same month or coarser value 1; the same city or
//! venue 3, the same country or region 1; a shared person or organisation 2 (at most 4), a shared
//! country or bloc 1 (at most 2); a shared label word 1 (at most 2). A merge needs 4 points, one
//! of them from the same day, the same city or a shared person or organisation; 7 points when
//! either has no date. Two days one day
//! apart are tolerated only with a shared person or organisation and 5 points
//! otherwise: they are then reported as conflicts. Two cities (or two countries) never merge.
//!
//! Within one story (`stories`: articles grouped by their vocabulary), the same trigger word
//! ("quake", "arrested") is enough: reports of one story that name the same happening with the
//! same word tell of one event, unless their dates or places contradict.

use crate::analysis::lexicon::{self, FastMap};
use crate::model::{ActorKind, Event};

use super::actors::{Merged, most_common};
use super::norm::{self, DateFit, Grain, Interval};
use super::{BriefingEvent, Digest, EventMember, Status};

/// What is compared of one article event.
struct Node<'a> {
    article: usize,
    index: usize,
    /// The kind, folded, as an index into the [`norm::Interner`].
    kind: u32,
    date: Option<Interval>,
    /// The place, folded, as an index into the [`norm::Interner`], and whether it is a country or region
    /// (weak evidence).
    place: Option<(u32, bool)>,
    /// Briefing actors taking part, and whether each is a person or organisation.
    participants: Vec<(usize, bool)>,
    /// The label's content words, as indexes into the [`norm::Interner`], sorted.
    words: Vec<u32>,
    /// The story of its article and its trigger word, if it has one.
    trigger: Option<(u32, u32)>,
    /// The other words of its sentence, as [`Digest::contexts`].
    context: &'a [(u32, bool)],
    status: Status,
}

/// A group of article events being formed.
#[derive(Default)]
struct Group {
    nodes: Vec<usize>,
    kind: Option<u32>,
    dates: Vec<Interval>,
    places: Vec<(u32, bool)>,
    participants: Vec<(usize, bool)>,
    words: Vec<u32>,
    /// Stories and trigger words of its events.
    triggers: Vec<(u32, u32)>,
    /// Its articles, sorted.
    articles: Vec<usize>,
}

/// Points needed to merge.
const NEEDED: u32 = 4;
/// Points needed, a conflict aside, to merge despite it.
const NEEDED_DESPITE: u32 = 5;
/// Points needed when the event or the group has no date: nothing then tells two arrests of one
/// person, or two visits to one city, apart but more of the same. On ECB+ (no publication
/// dates), 5 points joined the two different events of a topic in 7% of the links, 6 in 8%, 7
/// in none.
const NEEDED_UNDATED: u32 = 7;
/// Points for the same trigger word in one story: more than any other evidence gives.
const SAME_TRIGGER: u32 = 20;

impl Group {
    /// The points for adding `e`, or `None` when it does not fit.
    fn score(&self, e: &Node, nodes: &[Node], names: &norm::Interner) -> Option<u32> {
        let same_trigger = e.trigger.is_some_and(|t| self.triggers.contains(&t));
        // A word said again in one article may be another happening of its kind: the article
        // told them apart by date or place.
        let same_article = self.articles.binary_search(&e.article).is_ok();
        if self.kind != Some(e.kind) && !same_trigger {
            return None;
        }
        let mut points = 0;
        let mut anchor = false;
        let mut conflict = false;
        if let Some(d) = &e.date {
            let mut same = false;
            for g in &self.dates {
                match d.fit(g) {
                    DateFit::Apart => return None,
                    DateFit::Near => conflict = true,
                    DateFit::Same => same = true,
                    DateFit::Compatible => {}
                }
            }
            if same {
                if d.grain == Grain::Day {
                    points += 3;
                    anchor = true;
                } else {
                    points += 1;
                }
            }
        }
        if let Some((p, weak)) = &e.place {
            let mut same = false;
            for (q, qweak) in &self.places {
                if q == p {
                    same = true;
                } else if weak == qweak && {
                    let (q, p) = (names.name(*q), names.name(*p));
                    !contains_words(q, p) && !contains_words(p, q)
                } {
                    // A country and a city in it may both be right; two cities may not, but
                    // for reports of one story naming one happening with one word: an event's
                    // place is the sentence's, often another place the report mentions (on
                    // ECB+, this veto kept apart about 90 right links and no wrong one).
                    if !same_trigger || same_article {
                        return None;
                    }
                }
            }
            if same {
                if *weak {
                    points += 1;
                } else {
                    points += 3;
                    anchor = true;
                }
            }
        }
        let (mut strong, mut weak) = (0, 0);
        for (a, s) in &e.participants {
            if self.participants.iter().any(|(b, _)| b == a) {
                if *s {
                    strong += 2;
                } else {
                    weak += 1;
                }
            }
        }
        let shared_person = strong > 0;
        points += strong.min(4) + weak.min(2);
        anchor |= shared_person;
        let shared_words = e
            .words
            .iter()
            .filter(|w| self.words.binary_search(w).is_ok())
            .count() as u32;
        // One story, one word for what happened: one event (dates and places agreeing).
        if same_trigger
            && if same_article {
                true
            } else {
                self.nodes
                    .iter()
                    .any(|&n| nodes[n].trigger == e.trigger && same_particulars(e, &nodes[n]))
            }
        {
            return Some(points + SAME_TRIGGER);
        }
        points += shared_words.min(2);
        if conflict {
            return (shared_person && points >= NEEDED_DESPITE).then_some(points);
        }
        let needed = if e.date.is_none() || self.dates.is_empty() {
            NEEDED_UNDATED
        } else {
            NEEDED
        };
        (anchor && points >= needed).then_some(points)
    }

    fn add(&mut self, id: usize, e: &Node) {
        if let Err(at) = self.articles.binary_search(&e.article) {
            self.articles.insert(at, e.article);
        }

        self.nodes.push(id);
        if self.kind.is_none() {
            self.kind = Some(e.kind);
        }
        if let Some(d) = e.date
            && !self.dates.contains(&d)
        {
            self.dates.push(d);
        }
        if let Some(p) = e.place
            && !self.places.contains(&p)
        {
            self.places.push(p);
        }
        for p in &e.participants {
            if !self.participants.iter().any(|q| q.0 == p.0) {
                self.participants.push(*p);
            }
        }
        for &w in &e.words {
            if let Err(at) = self.words.binary_search(&w) {
                self.words.insert(at, w);
            }
        }
        if let Some(t) = e.trigger
            && !self.triggers.contains(&t)
        {
            self.triggers.push(t);
        }
    }
}

/// Whether the sentences of two events share a particular: a name, a number or another word
/// but the trigger and function words. "Quake" in one story is one event when told with
/// something in common; on ECB+ a shared name or two shared words lost 0.006 of F1, and the
/// merged BBC stories looked no better for it.
fn same_particulars(a: &Node, b: &Node) -> bool {
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.context.get(i), b.context.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Whether the words of `b` appear, in order, in `a` ("paris" in "paris france"); both are
/// folded names, words apart by one space.
fn contains_words(a: &str, b: &str) -> bool {
    if b.is_empty() {
        return a.is_empty();
    }
    a.match_indices(b).any(|(at, _)| {
        let end = at + b.len();
        (at == 0 || a.as_bytes()[at - 1] == b' ') && (end == a.len() || a.as_bytes()[end] == b' ')
    })
}

/// Whether an event is still to come: the analysis says so (scheduled, announced), or its date
/// starts after the article's reference date.
fn status_of(e: &Event, date: Option<&Interval>, published: Option<jiff::civil::Date>) -> Status {
    if e.status == crate::model::EventStatus::Planned {
        return Status::Planned;
    }
    match (date, published) {
        (Some(d), Some(p)) if d.first > p => Status::Planned,
        _ => Status::Happened,
    }
}

/// Merges the events of the digests; actors already merged.
pub fn merge(digests: &[Digest], actors: &Merged) -> Vec<BriefingEvent> {
    let mut names = norm::Interner::default();
    let stories = super::stories::stories(digests);
    let nodes = nodes(digests, actors, &stories, &mut names);
    // Candidate groups by the features a merge needs one of (an anchor: the same day, the same
    // city, a shared person or organisation), so that each event meets few groups.
    let mut groups: Vec<Group> = Vec::new();
    let mut has_day: Vec<bool> = Vec::new();
    let mut postings: FastMap<(u32, Feature), Vec<usize>> = FastMap::default();
    let mut seen: Vec<usize> = Vec::new();
    let mut stamp = 0usize;
    let mut wanted: Vec<Feature> = Vec::new();
    for (id, e) in nodes.iter().enumerate() {
        stamp += 1;
        let kind = e.kind;
        let day = e.date.filter(|d| d.grain == Grain::Day).map(|d| d.first);
        let mut best: Option<(u32, usize)> = None;
        wanted.clear();
        if let Some(d) = day {
            wanted.extend(
                [d.yesterday().ok(), Some(d), d.tomorrow().ok()]
                    .into_iter()
                    .flatten()
                    .map(Feature::Day),
            );
        }
        anchors(e, &mut wanted);
        for f in &wanted {
            let Some(list) = postings.get(&(posting_kind(kind, f), *f)) else {
                continue;
            };
            // A group with a day of its own is found by its day: an event with a day meets
            // it there or not at all.
            let by_day = matches!(f, Feature::Day(_));
            // The most recent groups only: a popular person's events are many.
            let from = list.len().saturating_sub(WINDOW);
            for &g in &list[from..] {
                if seen.get(g) == Some(&stamp) || (day.is_some() && !by_day && has_day[g]) {
                    continue;
                }
                if let Some(s) = seen.get_mut(g) {
                    *s = stamp;
                }
                // Never two events of one article in one group, the article told them apart;
                // but the same word for what happened, said again, is the same happening.
                if groups[g]
                    .nodes
                    .last()
                    .is_some_and(|&n| nodes[n].article == e.article)
                    && !e.trigger.is_some_and(|t| groups[g].triggers.contains(&t))
                {
                    continue;
                }
                if let Some(points) = groups[g].score(e, &nodes, &names)
                    && best.is_none_or(|(p, b)| points > p || (points == p && g < b))
                {
                    best = Some((points, g));
                }
            }
        }
        let g = match best {
            Some((_, g)) => g,
            None => {
                groups.push(Group::default());
                has_day.push(false);
                seen.push(0);
                groups.len() - 1
            }
        };
        // Index the group by what the event brings that it did not have.
        let group = &groups[g];
        let mut new: Vec<Feature> = Vec::new();
        if let Some(d) = day
            && !group
                .dates
                .iter()
                .any(|x| x.grain == Grain::Day && x.first == d)
        {
            new.push(Feature::Day(d));
        }
        if let Some((p, false)) = e.place
            && !group.places.iter().any(|q| q.0 == p)
        {
            new.push(Feature::Place(p));
        }
        for (a, strong) in &e.participants {
            if *strong && !group.participants.iter().any(|q| q.0 == *a) {
                new.push(Feature::Actor(*a));
            }
        }
        if let Some((s, w)) = e.trigger
            && !group.triggers.contains(&(s, w))
        {
            new.push(Feature::Trigger(s, w));
        }
        groups[g].add(id, e);
        has_day[g] |= day.is_some();
        for f in new {
            postings
                .entry((posting_kind(kind, &f), f))
                .or_default()
                .push(g);
        }
    }
    let mut out: Vec<BriefingEvent> = groups
        .iter()
        .map(|g| describe(g, &nodes, digests))
        .collect();
    // Chronological by first day; undated last, in the order of their first report.
    let key = |b: &BriefingEvent| {
        let d = b.date.as_deref().and_then(Interval::parse).map(|d| d.first);
        let first = b.members.first().map(|m| (m.article, m.event));
        (d.is_none(), d, first)
    };
    out.sort_by_cached_key(key);
    for (k, e) in out.iter_mut().enumerate() {
        e.id = format!("e{}", k + 1);
    }
    out
}

/// What is compared of every article event, in article and event order.
fn nodes<'a>(
    digests: &'a [Digest],
    actors: &Merged,
    stories: &[u32],
    names: &mut norm::Interner,
) -> Vec<Node<'a>> {
    let lx = lexicon::get();
    // Kinds and places repeat: each distinct one is folded (and looked up) once.
    let mut kinds: FastMap<&str, (u32, String)> = FastMap::default();
    let mut places: FastMap<&str, (u32, bool)> = FastMap::default();
    let mut nodes: Vec<Node> = Vec::new();
    for (i, d) in digests.iter().enumerate() {
        let ids: FastMap<&str, usize> = d
            .actors
            .iter()
            .enumerate()
            .map(|(k, a)| (a.id.as_str(), k))
            .collect();
        for (index, e) in d.events.iter().enumerate() {
            let date = e.date.as_deref().and_then(Interval::parse);
            let place = e.place.as_deref().map(|p| {
                *places.entry(p).or_insert_with(|| {
                    let weak =
                        lx.gaz(p).is_some_and(|g| g.kind != ActorKind::Place) && !lx.is_city(p);
                    let folded = match lx.gaz(p) {
                        Some(g) => norm::name(g.canonical),
                        None => norm::name(p),
                    };
                    (names.id(&folded), weak)
                })
            });
            let mut participants: Vec<(usize, bool)> = Vec::new();
            for id in &e.participants {
                if let Some(&k) = ids.get(id.as_str())
                    && let Some(&b) = actors.of.get(i).and_then(|v| v.get(k))
                    && !participants.iter().any(|p| p.0 == b)
                {
                    let strong = matches!(
                        d.actors[k].kind,
                        ActorKind::Person | ActorKind::Organisation
                    );
                    participants.push((b, strong));
                }
            }
            let (kind, kind_folded) = &*kinds.entry(e.kind.as_str()).or_insert_with(|| {
                let folded = norm::name(&e.kind);
                (names.id(&folded), folded)
            });
            let kind = *kind;
            let label = norm::name(&e.label);
            let mut words: Vec<u32> = norm::content_words(&label, kind_folded)
                .map(|w| names.id(norm::stem(w)))
                .collect();
            words.sort_unstable();
            words.dedup();
            let story = stories.get(i).copied().unwrap_or(i as u32);
            let trigger = d.triggers.get(index).copied().flatten().map(|w| (story, w));
            nodes.push(Node {
                article: i,
                index,
                trigger,
                context: d.contexts.get(index).map_or(&[], Vec::as_slice),
                kind,
                status: status_of(e, date.as_ref(), d.published),
                date,
                place,
                participants,
                words,
            });
        }
    }
    nodes
}

/// What an event can be found by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Feature {
    Day(jiff::civil::Date),
    Place(u32),
    Actor(usize),
    /// A story and a trigger word.
    Trigger(u32, u32),
}

/// The kind a feature is posted under: its event's, but any kind for a trigger word (the word
/// says what happened better than the kind).
fn posting_kind(kind: u32, f: &Feature) -> u32 {
    match f {
        Feature::Trigger(..) => u32::MAX,
        _ => kind,
    }
}

/// How many of the most recent groups with a feature an event is compared with.
const WINDOW: usize = 64;

/// The anchors of an event but its day: its city, its people and organisations, its story and
/// trigger word.
fn anchors(e: &Node, out: &mut Vec<Feature>) {
    if let Some((s, w)) = e.trigger {
        out.push(Feature::Trigger(s, w));
    }
    if let Some((p, false)) = e.place {
        out.push(Feature::Place(p));
    }
    for (a, strong) in &e.participants {
        if *strong {
            out.push(Feature::Actor(*a));
        }
    }
}

/// The briefing event for a group: best label, date and place; status; conflicts.
fn describe(g: &Group, nodes: &[Node], digests: &[Digest]) -> BriefingEvent {
    // Most events are reported once: their fields as they are.
    if let [n] = g.nodes[..]
        && let Some(e) = digests
            .get(nodes[n].article)
            .and_then(|d| d.events.get(nodes[n].index))
    {
        return BriefingEvent {
            id: String::new(),
            label: e.label.clone(),
            kind: e.kind.clone(),
            date: e.date.clone(),
            place: e.place.clone(),
            status: nodes[n].status,
            members: vec![EventMember {
                article: nodes[n].article,
                event: nodes[n].index,
            }],
            conflicts: Vec::new(),
        };
    }
    let mut members: Vec<EventMember> = g
        .nodes
        .iter()
        .map(|&n| EventMember {
            article: nodes[n].article,
            event: nodes[n].index,
        })
        .collect();
    members.sort_by_key(|m| (m.article, m.event));
    let events: Vec<(usize, &Event)> = members
        .iter()
        .filter_map(|m| {
            digests
                .get(m.article)
                .and_then(|d| d.events.get(m.event))
                .map(|e| (m.article, e))
        })
        .collect();
    let label = most_common(events.iter().map(|(_, e)| e.label.as_str()))
        .unwrap_or_default()
        .to_string();
    let kind = events
        .first()
        .map(|(_, e)| e.kind.clone())
        .unwrap_or_default();
    // Dates: the finest grain given wins; among its values, the one most articles give.
    // Group nodes are in article and event order, as the members: the parsed dates line up.
    let dated: Vec<(usize, &str, Interval)> = events
        .iter()
        .zip(&g.nodes)
        .filter_map(|((a, e), &n)| Some((*a, e.date.as_deref()?, nodes[n].date?)))
        .collect();
    let mut conflicts = Vec::new();
    let finest = dated.iter().map(|d| d.2.grain).min();
    let mut date = None;
    if let Some(grain) = finest {
        let values = tally(
            dated
                .iter()
                .filter(|d| d.2.grain == grain)
                .map(|d| (d.0, d.1)),
        );
        date = values.first().map(|v| v.0.to_string());
        if values.len() > 1 {
            conflicts.push(conflict("date", &values));
        }
    }
    if date.is_none() {
        // Values the parser does not read ("XXXX-XX-15") still say something.
        date =
            most_common(events.iter().filter_map(|(_, e)| e.date.as_deref())).map(str::to_string);
    }
    // Places: the one most articles give; those containing each other agree.
    let placed: Vec<(usize, String, &str)> = events
        .iter()
        .filter_map(|(a, e)| e.place.as_deref().map(|p| (*a, norm::name(p), p)))
        .collect();
    let places = tally(placed.iter().map(|(a, f, _)| (*a, f.as_str())));
    let shown = |folded: &str| -> String {
        placed
            .iter()
            .find(|p| p.1 == folded)
            .map_or(folded, |p| p.2)
            .to_string()
    };
    let place = places.first().map(|p| shown(p.0));
    let lx = lexicon::get();
    let weak = |folded: &str| {
        let p = shown(folded);
        lx.gaz(&p).is_some_and(|g| g.kind != ActorKind::Place) && !lx.is_city(&p)
    };
    if let Some(best) = places.first() {
        let b = best.0;
        let disagree: Vec<(String, usize)> = places
            .iter()
            .filter(|p| {
                p.0 == b
                    || (weak(p.0) == weak(b) && !(contains_words(p.0, b) || contains_words(b, p.0)))
            })
            .map(|p| (shown(p.0), p.1))
            .collect();
        let disagree: Vec<(&str, usize)> = disagree.iter().map(|(v, n)| (v.as_str(), *n)).collect();
        if disagree.len() > 1 {
            conflicts.push(conflict("place", &disagree));
        }
    }
    let status = if g.nodes.iter().all(|&n| nodes[n].status == Status::Planned) {
        Status::Planned
    } else {
        Status::Happened
    };
    BriefingEvent {
        id: String::new(),
        label,
        kind,
        date,
        place,
        status,
        members,
        conflicts,
    }
}

/// Values with the number of distinct articles giving each, most first, then first given.
fn tally<'a>(items: impl Iterator<Item = (usize, &'a str)>) -> Vec<(&'a str, usize)> {
    let mut seen: Vec<(&str, Vec<usize>)> = Vec::new();
    for (a, v) in items {
        match seen.iter_mut().find(|(w, _)| *w == v) {
            Some((_, arts)) => {
                if !arts.contains(&a) {
                    arts.push(a);
                }
            }
            None => seen.push((v, vec![a])),
        }
    }
    let mut out: Vec<(&str, usize)> = seen.into_iter().map(|(v, a)| (v, a.len())).collect();
    // A stable sort keeps the first given first on a tie.
    out.sort_by_key(|b| std::cmp::Reverse(b.1));
    out
}

/// `"date: 2009-11-29 (2 articles) vs 2009-11-30 (1 article)"`.
fn conflict(field: &str, values: &[(&str, usize)]) -> String {
    let parts: Vec<String> = values
        .iter()
        .map(|(v, n)| format!("{v} ({n} article{})", if *n == 1 { "" } else { "s" }))
        .collect();
    format!("{field}: {}", parts.join(" vs "))
}
