//! One event told many times is one event: a named event named again, "the talks" after talks,
//! the same kind of event told again at the same place. Then only events worth a place on the
//! timeline are kept.

use super::EventCue;
use super::cues::Det;

/// Kinds that name a gathering: "the meetings" may refer back to talks.
pub(super) fn gathering(kind: &str) -> bool {
    matches!(
        kind,
        "meeting" | "talks" | "summit" | "conference" | "negotiations"
    )
}

/// Whether a mention of kind `b` may refer back to an event of kind `a` ("the meetings" for
/// talks, "the negotiations" for talks).
fn related(a: &str, b: &str) -> bool {
    (b == "meeting" && gathering(a))
        || matches!(
            (a, b),
            ("talks", "negotiations") | ("negotiations", "talks")
        )
}

fn same_name(a: &str, b: &str) -> bool {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    // "Munich Conference" is the "Munich Security Conference": same first and last word, and
    // every word of the short name in the long one.
    short.first() == long.first()
        && short.last() == long.last()
        && short.iter().all(|w| long.contains(w))
}

/// Whether two kinds are one: most differ in length or first letter, told without a comparison
/// of the whole.
fn same_kind(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

fn compatible<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn place_name<'d>(cue: &EventCue<'d>) -> Option<&'d str> {
    cue.place.map(|place| place.name)
}

/// Merges the mentions of one event into the first: a named event named again, an event taken
/// up with "the" ("the talks"), an event told again with the same place. Cues that `skip`
/// refuses take no part. Gives the indices of the events left, in order; the cues stay where they
/// are (a cue is large: moving each costs more than reading it through an index).
pub(super) fn merge(
    event_cues: &mut [EventCue<'_>],
    skip: impl Fn(&EventCue) -> bool,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(event_cues.len());
    for index in 0..event_cues.len() {
        let (done, rest) = event_cues.split_at_mut(index);
        let Some(cue) = rest.first() else {
            break;
        };
        if skip(cue) {
            continue;
        }
        let target = find_antecedent(done, &out, cue);
        match target.and_then(|found| done.get_mut(found)) {
            Some(earlier) => {
                if earlier.date.is_none() {
                    earlier.date = cue.date.clone();
                }
                if earlier.place.is_none() {
                    earlier.place = cue.place;
                }
                // "The meetings were attended by …" tells who took part in a gathering; "the war"
                // taken up by someone else tells nothing of the war's parties.
                // Only who is named after the mention: "the meetings were attended by …", not the
                // subject of a sentence that merely refers to them.
                if gathering(earlier.kind) {
                    for part in &cue.participants {
                        if part.after
                            && !earlier
                                .participants
                                .iter()
                                .any(|had| had.actor == part.actor)
                        {
                            earlier.participants.push(*part);
                        }
                    }
                }
            }
            None => out.push(index),
        }
    }
    out
}

/// How many earlier events a mention may refer back to: an article's worth, so that a long text
/// stays linear.
const ANTECEDENT_WINDOW: usize = 64;

/// The cue (an index into `all`) of the event among `out` that `cue` refers back to.
fn find_antecedent(all: &[EventCue], out: &[usize], cue: &EventCue) -> Option<usize> {
    let base = out.len().saturating_sub(ANTECEDENT_WINDOW);
    let window = out.get(base..).unwrap_or_default();
    find_antecedent_in(all, window, cue).and_then(|at| window.get(at).copied())
}

/// The last of `out` (indices into `all`) whose cue `accept` accepts, as a position in `out`;
/// every index is a cue of `all` (one that were not would match nothing).
fn rposition_in(
    all: &[EventCue],
    out: &[usize],
    accept: impl Fn(&EventCue) -> bool,
) -> Option<usize> {
    out.iter()
        .rposition(|&earlier| all.get(earlier).is_some_and(&accept))
}

fn find_antecedent_in(all: &[EventCue], out: &[usize], cue: &EventCue) -> Option<usize> {
    let dates_ok = |earlier: &EventCue| compatible(&earlier.date, &cue.date);
    let places_ok = |earlier: &EventCue| match (place_name(earlier), place_name(cue)) {
        (Some(theirs), Some(ours)) => theirs == ours,
        _ => true,
    };
    if let Some(name) = &cue.named {
        return rposition_in(all, out, |earlier: &EventCue| {
            same_kind(earlier.kind, cue.kind)
                && earlier.named.is_some_and(|theirs| same_name(theirs, name))
        });
    }
    match cue.det {
        Det::Another => None,
        Det::Definite => {
            // The same kind and place first, then the same kind, then "the meetings" for the
            // latest real gathering.
            rposition_in(all, out, |earlier: &EventCue| {
                same_kind(earlier.kind, cue.kind)
                    && dates_ok(earlier)
                    && place_name(cue).is_some()
                    && place_name(earlier) == place_name(cue)
            })
            .or_else(|| {
                // "The agreement, signed on 16 January": a deal, talks or a war go on
                // over days; an election or a meeting on another day is another one.
                let lasting = matches!(cue.kind, "agreement" | "talks" | "negotiations" | "war");
                // "protests in Belgrade … the largest protest in Serbia": a city and a
                // country may name one place.
                let within = |earlier: &EventCue| match (&earlier.place, &cue.place) {
                    (Some(theirs), Some(ours)) => theirs.country != ours.country,
                    _ => false,
                };
                rposition_in(all, out, |earlier: &EventCue| {
                    same_kind(earlier.kind, cue.kind)
                        && (lasting || dates_ok(earlier))
                        && (places_ok(earlier) || within(earlier))
                })
            })
            .or_else(|| {
                rposition_in(all, out, |earlier: &EventCue| {
                    related(earlier.kind, cue.kind)
                        && !earlier.irrealis
                        && dates_ok(earlier)
                        && places_ok(earlier)
                        && cue.date.is_none()
                })
            })
        }
        Det::Bare | Det::Indefinite | Det::Generic => {
            rposition_in(all, out, |earlier: &EventCue| {
                same_kind(earlier.kind, cue.kind)
                    && dates_ok(earlier)
                    && place_name(earlier).is_some()
                    && place_name(earlier) == place_name(cue)
            })
        }
    }
}

/// Whether an event belongs on the timeline: named, dated, or told with enough to place it.
pub(super) fn keep(cue: &EventCue) -> bool {
    // A statement is someone's: "an announcement is expected on Friday" tells no one's.
    if cue.kind == "statement" && cue.participants.is_empty() && cue.agent.is_none() {
        return false;
    }
    // "every election", "any deal": no particular event, dated or not.
    if cue.det == Det::Generic && cue.named.is_none() {
        return false;
    }
    if cue.named.is_some() || cue.date.is_some() {
        return true;
    }
    if cue.irrealis || cue.kind == "statement" || cue.det == Det::Generic {
        return false;
    }
    // "the outcome of negotiations": a bare noun with neither date nor place is generic.
    if cue.det == Det::Bare && cue.place.is_none() {
        return false;
    }
    let parts = cue.participants.len();
    if cue.verbal {
        return cue.place.is_some() && parts >= 1;
    }
    match cue.kind {
        "visit" | "call" => {
            cue.place.is_some() || parts >= 2 || (cue.agent.is_some() && parts >= 1)
        }
        "meeting" | "talks" | "summit" | "conference" | "negotiations" => {
            cue.place.is_some() || parts >= 2
        }
        // Crowds and ballots happen somewhere.
        "protest" | "election" => cue.place.is_some(),
        // Wars, attacks, deals, votes: only with who did what to whom, or where. "The Iraq
        // war" names no agent apart from its place.
        _ => {
            let place_actor = cue.place.as_ref().and_then(|place| place.actor);
            let agent = cue.agent.is_some()
                && (cue.agent_actor.is_none() || cue.agent_actor != place_actor);
            (agent && cue.place.is_some()) || parts >= 2 && cue.place.is_some()
        }
    }
}
