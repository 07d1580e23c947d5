//! Short readable labels built from what was read of an event: its noun, its participants (people
//! by surname, countries by their shortest name), its place ("US-Russia talks in Riyadh",
//! "Paris meeting of European countries", "Petrenko's visit to Riyadh").

use crate::model::{Actor, ActorKind, MentionForm};
use crate::segment::is_all_caps;

/// A participant and how the clause names it.
pub struct Who<'a> {
    /// The actor.
    pub actor: &'a Actor,
    /// Its surface form in the clause, when named by name ("the European countries").
    pub surface: Option<&'a str>,
    /// Its short name (`short_name`).
    pub short: &'a str,
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
}

fn strip_possessive(name: &str) -> &str {
    name.strip_suffix("'s")
        .or_else(|| name.strip_suffix("\u{2019}s"))
        .unwrap_or(name)
        .trim()
}

/// The short form of an actor's name: a person's surname, a country's or organisation's shortest
/// name in the text ("US", "NATO"), a group's full name ("European countries").
pub fn short_name<'x>(actor: &'x Actor, text: &'x str) -> &'x str {
    match actor.kind {
        // The last capitalised word: "Khalid bin Saad" gives "Saad", a stray "Moss was"
        // still "Moss".
        ActorKind::Person => {
            let name = strip_possessive(&actor.name);
            name.split_whitespace()
                .rev()
                .find(|w| w.chars().next().is_some_and(char::is_uppercase))
                .or_else(|| name.split_whitespace().last())
                .unwrap_or(name)
        }
        ActorKind::Group | ActorKind::Place => strip_possessive(&actor.name),
        // An acronym the text uses ("US", "NATO"), else the name.
        ActorKind::Country | ActorKind::Organisation => actor
            .mentions
            .iter()
            .filter(|mention| mention.form == MentionForm::Name)
            .filter_map(|mention| text.get(mention.start..mention.end))
            .map(strip_possessive)
            .filter(|s| {
                let letters = s.chars().filter(|c| c.is_alphanumeric()).count();
                (2..=6).contains(&letters) && is_all_caps(s) && !s.contains(' ')
            })
            .min_by_key(|s| (s.len(), *s))
            .unwrap_or_else(|| strip_possessive(&actor.name)),
    }
}

/// How a label names a participant: a group as the clause names it ("European countries"),
/// the others by their short name.
fn name_of<'x>(who: &Who<'x>) -> &'x str {
    if who.actor.kind == ActorKind::Group
        && let Some(name) = who.surface
    {
        let name = strip_possessive(name);
        let name = name.strip_prefix("the ").unwrap_or(name);
        if !name.is_empty() {
            return name;
        }
    }
    who.short
}

/// The label with its first letter upper-cased.
fn capitalise(mut s: String) -> String {
    let Some(f) = s.chars().next() else {
        return s;
    };
    if f.is_ascii() {
        if let Some(head) = s.get_mut(..1) {
            head.make_ascii_uppercase();
        }
        return s;
    }
    let mut out = String::with_capacity(s.len() + 4);
    out.extend(f.to_uppercase());
    out.push_str(s.get(f.len_utf8()..).unwrap_or(""));
    out
}

/// "A-B": two or three sides of a meeting, call or war, countries first, else people.
fn sides(parts: &Parts) -> Option<String> {
    // "Israel and Hamas agreed", "between Berg and Ivanov": the text pairs the sides.
    if let Some((a, b)) = parts.pair
        && let (Some(x), Some(y)) = (parts.participants.get(a), parts.participants.get(b))
        && (x.actor.kind == ActorKind::Person) == (y.actor.kind == ActorKind::Person)
        && x.actor.id != y.actor.id
    {
        return Some([name_of(x), "-", name_of(y)].concat());
    }
    // People meet and call; countries hold talks and sign deals.
    let order = if matches!(parts.kind, "call" | "meeting" | "visit") {
        [ActorKind::Person, ActorKind::Country]
    } else {
        [ActorKind::Country, ActorKind::Person]
    };
    for kind in order {
        // Up to three names, on the stack.
        let mut names = [""; 3];
        let mut n = 0;
        for (slot, w) in names
            .iter_mut()
            .zip(parts.participants.iter().filter(|w| w.actor.kind == kind))
        {
            *slot = name_of(w);
            n += 1;
        }
        if let Some(names) = names.get(..n)
            && n >= 2
        {
            return Some(names.join("-"));
        }
    }
    None
}

fn first_of<'x>(parts: &Parts<'x>, kinds: &[ActorKind]) -> Option<&'x str> {
    kinds.iter().find_map(|k| {
        parts
            .participants
            .iter()
            .find(|w| w.actor.kind == *k)
            .map(name_of)
    })
}

/// The label of an event.
pub fn label(parts: &Parts) -> String {
    if let Some(name) = parts.named {
        return capitalise(name.to_string());
    }
    let noun = parts.noun;
    // " in Riyadh", or nothing.
    let (in_, place) = parts.place.map_or(("", ""), |x| (" in ", x));
    let out = match parts.kind {
        "visit" => {
            let who = parts
                .agent
                .or_else(|| first_of(parts, &[ActorKind::Person]));
            let prep = if matches!(noun, "stop" | "stopover") {
                " in "
            } else {
                " to "
            };
            let (prep, place) = parts.place.map_or(("", ""), |x| (prep, x));
            match who {
                Some(w) => [w, "'s ", noun, prep, place].concat(),
                None => [noun, prep, place].concat(),
            }
        }
        "war" | "attack" => war_label(parts, noun),
        "statement" => {
            match first_of(
                parts,
                &[
                    ActorKind::Person,
                    ActorKind::Organisation,
                    ActorKind::Country,
                ],
            ) {
                Some(w) => [w, " ", noun, in_, place].concat(),
                None => [noun, in_, place].concat(),
            }
        }
        "election" | "vote" | "protest" => {
            let (q, sp) = parts.qualifier.map_or(("", ""), |q| (q, " "));
            // A country holds an election; a body holds a vote ("UN Security Council vote").
            let country = (parts.kind == "election")
                .then(|| first_of(parts, &[ActorKind::Country]))
                .flatten();
            let body = (parts.kind == "vote")
                .then(|| first_of(parts, &[ActorKind::Organisation]))
                .flatten();
            match (parts.place, parts.agent, country, body) {
                (Some(_), _, _, _) => [q, sp, noun, in_, place].concat(),
                (None, Some(a), _, _) => [a, "'s ", q, sp, noun].concat(),
                (None, None, Some(c), _) => [q, sp, noun, " in ", c].concat(),
                (None, None, None, Some(b)) => [b, " ", q, sp, noun].concat(),
                (None, None, None, None) => [q, sp, noun].concat(),
            }
        }
        _ => {
            if let Some(s) = sides(parts) {
                [s.as_str(), " ", noun, in_, place].concat()
            } else if let Some(q) = parts.qualifier {
                // "G8 summit", "EU summit in Brussels".
                [q, " ", noun, in_, place].concat()
            } else if let Some(g) = first_of(parts, &[ActorKind::Group, ActorKind::Organisation]) {
                // A meeting of a body; a deal with one.
                let prep = if parts.kind == "agreement" {
                    " with "
                } else {
                    " of "
                };
                match parts.place {
                    Some(x) => [x, " ", noun, prep, g].concat(),
                    None => [noun, prep, g].concat(),
                }
            } else if let Some(c) = first_of(parts, &[ActorKind::Country]) {
                // "Israel talks in Cairo": one country's side of something.
                [c, " ", noun, in_, place].concat()
            } else if let Some(w) = first_of(parts, &[ActorKind::Person]) {
                [w, "'s ", noun, in_, place].concat()
            } else if let Some(x) = parts.place {
                [x, " ", noun].concat()
            } else {
                noun.to_string()
            }
        }
    };
    capitalise(out)
}

/// "Russia's invasion of Ukraine", "the Iraq war", "Israel-Hamas war", "attack on Kyiv".
fn war_label(parts: &Parts, noun: &str) -> String {
    let target = parts.place.map(|x| {
        let prep = match (parts.kind, noun) {
            ("attack", _) => " on ",
            (_, "invasion") => " of ",
            _ => " in ",
        };
        (prep, x)
    });
    let same = parts
        .agent
        .zip(parts.place)
        .is_some_and(|(a, x)| strip_possessive(a) == x);
    match (parts.agent, target) {
        // "the Iraq war", not "Iraq war in Iraq".
        (Some(a), Some(_)) if same => [strip_possessive(a), " ", noun].concat(),
        (Some(a), Some((prep, x))) => [a, " ", noun, prep, x].concat(),
        (None, Some((prep, x))) => match sides(parts) {
            Some(s) if noun == "war" => [s.as_str(), " ", noun].concat(),
            _ => [noun, prep, x].concat(),
        },
        (Some(a), None) => [a, " ", noun].concat(),
        (None, None) => match sides(parts) {
            Some(s) => [s.as_str(), " ", noun].concat(),
            None => noun.to_string(),
        },
    }
}
