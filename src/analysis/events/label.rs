//! Short readable labels built from what was read of an event: its noun, its participants (people
//! by surname, countries by their shortest name), its place ("US-Russia talks in Riyadh",
//! "Paris meeting of European countries", "Petrenko's visit to Riyadh").

use crate::analysis::text::is_all_caps;
use crate::model::{Actor, ActorKind, MentionForm};

/// A participant and how the clause names it.
pub struct Who<'a> {
    /// The actor.
    pub actor: &'a Actor,
    /// Its surface form in the clause, when named by name ("the European countries").
    pub surface: Option<&'a str>,
}

/// What a label is made of.
pub struct Parts<'a> {
    /// The event kind.
    pub kind: &'a str,
    /// The noun as the text has it ("talks", "meeting", "telephone call", "invasion").
    pub noun: &'a str,
    /// The name of a named event.
    pub named: Option<&'a str>,
    /// The place name.
    pub place: Option<&'a str>,
    /// A demonym or possessor before the noun ("Russian", "Petrenko").
    pub agent: Option<&'a str>,
    /// Capitalised words before the noun that are no actor ("G20").
    pub qualifier: Option<&'a str>,
    /// The participants, in text order.
    pub participants: &'a [Who<'a>],
    /// Two participants the text joins with "and" (indices into `participants`).
    pub pair: Option<(usize, usize)>,
    /// The article text, for the surface forms of names.
    pub text: &'a str,
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("\u{2019}s"))
        .unwrap_or(s)
        .trim()
}

/// The short form of an actor's name: a person's surname, a country's or organisation's shortest
/// name in the text ("US", "NATO"), a group's full name ("European countries").
pub fn short_name(a: &Actor, text: &str) -> String {
    match a.kind {
        // The last capitalised word: "Khalid bin Saad" gives "Saad", a stray "Moss was"
        // still "Moss".
        ActorKind::Person => {
            let name = strip_possessive(&a.name);
            name.split_whitespace()
                .rev()
                .find(|w| w.chars().next().is_some_and(char::is_uppercase))
                .or_else(|| name.split_whitespace().last())
                .unwrap_or(name)
                .to_string()
        }
        ActorKind::Group | ActorKind::Place => strip_possessive(&a.name).to_string(),
        // An acronym the text uses ("US", "NATO"), else the name.
        ActorKind::Country | ActorKind::Organisation => a
            .mentions
            .iter()
            .filter(|m| m.form == MentionForm::Name)
            .filter_map(|m| text.get(m.start..m.end))
            .map(strip_possessive)
            .filter(|s| {
                let letters = s.chars().filter(|c| c.is_alphanumeric()).count();
                (2..=6).contains(&letters) && is_all_caps(s) && !s.contains(' ')
            })
            .min_by_key(|s| (s.len(), *s))
            .unwrap_or_else(|| strip_possessive(&a.name))
            .to_string(),
    }
}

/// How a label names a participant: a group as the clause names it ("European countries"),
/// the others by their short name.
fn name_of(w: &Who, text: &str) -> String {
    if w.actor.kind == ActorKind::Group
        && let Some(s) = w.surface
    {
        let s = strip_possessive(s);
        let s = s.strip_prefix("the ").unwrap_or(s);
        if !s.is_empty() {
            return s.to_string();
        }
    }
    short_name(w.actor, text)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "A-B": two or three sides of a meeting, call or war, countries first, else people.
fn sides(p: &Parts) -> Option<String> {
    // "Israel and Hamas agreed", "between Berg and Ivanov": the text pairs the sides.
    if let Some((a, b)) = p.pair
        && let (Some(x), Some(y)) = (p.participants.get(a), p.participants.get(b))
        && (x.actor.kind == ActorKind::Person) == (y.actor.kind == ActorKind::Person)
        && x.actor.id != y.actor.id
    {
        return Some(format!("{}-{}", name_of(x, p.text), name_of(y, p.text)));
    }
    // People meet and call; countries hold talks and sign deals.
    let order = if matches!(p.kind, "call" | "meeting" | "visit") {
        [ActorKind::Person, ActorKind::Country]
    } else {
        [ActorKind::Country, ActorKind::Person]
    };
    for kind in order {
        let names: Vec<String> = p
            .participants
            .iter()
            .filter(|w| w.actor.kind == kind)
            .map(|w| name_of(w, p.text))
            .take(3)
            .collect();
        if names.len() >= 2 {
            return Some(names.join("-"));
        }
    }
    None
}

fn first_of(p: &Parts, kinds: &[ActorKind]) -> Option<String> {
    kinds.iter().find_map(|k| {
        p.participants
            .iter()
            .find(|w| w.actor.kind == *k)
            .map(|w| name_of(w, p.text))
    })
}

/// The label of an event.
pub fn label(p: &Parts) -> String {
    if let Some(name) = p.named {
        return capitalise(name);
    }
    let noun = p.noun;
    let in_place = p.place.map(|x| format!(" in {x}")).unwrap_or_default();
    let out = match p.kind {
        "visit" => {
            let who = p
                .agent
                .map(str::to_string)
                .or_else(|| first_of(p, &[ActorKind::Person]));
            let prep = if matches!(noun, "stop" | "stopover") {
                "in"
            } else {
                "to"
            };
            let to = p.place.map(|x| format!(" {prep} {x}")).unwrap_or_default();
            match who {
                Some(w) => format!("{w}'s {noun}{to}"),
                None => format!("{noun}{to}"),
            }
        }
        "war" | "attack" => {
            let target = p.place.map(|x| {
                let prep = match (p.kind, noun) {
                    ("attack", _) => "on",
                    (_, "invasion") => "of",
                    _ => "in",
                };
                format!(" {prep} {x}")
            });
            let same = p
                .agent
                .zip(p.place)
                .is_some_and(|(a, x)| strip_possessive(a) == x);
            match (p.agent, target) {
                // "the Iraq war", not "Iraq war in Iraq".
                (Some(a), Some(_)) if same => format!("{} {noun}", strip_possessive(a)),
                (Some(a), Some(t)) => format!("{a} {noun}{t}"),
                (None, Some(t)) => match sides(p) {
                    Some(s) if noun == "war" => format!("{s} {noun}"),
                    _ => format!("{noun}{t}"),
                },
                (Some(a), None) => format!("{a} {noun}"),
                (None, None) => match sides(p) {
                    Some(s) => format!("{s} {noun}"),
                    None => noun.to_string(),
                },
            }
        }
        "statement" => {
            match first_of(
                p,
                &[
                    ActorKind::Person,
                    ActorKind::Organisation,
                    ActorKind::Country,
                ],
            ) {
                Some(w) => format!("{w} {noun}{in_place}"),
                None => format!("{noun}{in_place}"),
            }
        }
        "election" | "vote" | "protest" => {
            let q = p.qualifier.map(|q| format!("{q} ")).unwrap_or_default();
            // A country holds an election; a body holds a vote ("UN Security Council vote").
            let country = (p.kind == "election")
                .then(|| first_of(p, &[ActorKind::Country]))
                .flatten();
            let body = (p.kind == "vote")
                .then(|| first_of(p, &[ActorKind::Organisation]))
                .flatten();
            match (p.place, p.agent, country, body) {
                (Some(_), _, _, _) => format!("{q}{noun}{in_place}"),
                (None, Some(a), _, _) => format!("{a}'s {q}{noun}"),
                (None, None, Some(c), _) => format!("{q}{noun} in {c}"),
                (None, None, None, Some(b)) => format!("{b} {q}{noun}"),
                (None, None, None, None) => format!("{q}{noun}"),
            }
        }
        _ => {
            if let Some(s) = sides(p) {
                format!("{s} {noun}{in_place}")
            } else if let Some(q) = p.qualifier {
                // "G8 summit", "EU summit in Brussels".
                format!("{q} {noun}{in_place}")
            } else if let Some(g) = first_of(p, &[ActorKind::Group, ActorKind::Organisation]) {
                // A meeting of a body; a deal with one.
                let prep = if p.kind == "agreement" { "with" } else { "of" };
                match p.place {
                    Some(x) => format!("{x} {noun} {prep} {g}"),
                    None => format!("{noun} {prep} {g}"),
                }
            } else if let Some(c) = first_of(p, &[ActorKind::Country]) {
                // "Israel talks in Cairo": one country's side of something.
                format!("{c} {noun}{in_place}")
            } else if let Some(w) = first_of(p, &[ActorKind::Person]) {
                format!("{w}'s {noun}{in_place}")
            } else if let Some(x) = p.place {
                format!("{x} {noun}")
            } else {
                noun.to_string()
            }
        }
    };
    capitalise(&out)
}
