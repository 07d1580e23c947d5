//! One event told many times is one event: a named event named again, "the talks" after talks,
//! the same kind of event told again at the same place. Then only events worth a place on the
//! timeline are kept.

use super::Cand;
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

fn place_name<'d>(c: &Cand<'d>) -> Option<&'d str> {
    c.place.map(|p| p.name)
}

/// Merges the mentions of one event into the first: a named event named again, an event taken
/// up with "the" ("the talks"), an event told again with the same place. Cues that `skip`
/// refuses take no part. Gives the indices of the events left, in order; the cues stay where they
/// are (a cue is large: moving each costs more than reading it through an index).
pub(super) fn merge(cands: &mut [Cand<'_>], skip: impl Fn(&Cand) -> bool) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(cands.len());
    for k in 0..cands.len() {
        let (done, rest) = cands.split_at_mut(k);
        let Some(c) = rest.first() else {
            break;
        };
        if skip(c) {
            continue;
        }
        let target = find_antecedent(done, &out, c);
        match target.and_then(|t| done.get_mut(t)) {
            Some(e) => {
                if e.date.is_none() {
                    e.date = c.date.clone();
                }
                if e.place.is_none() {
                    e.place = c.place;
                }
                // "The meetings were attended by …" tells who took part in a gathering; "the war"
                // taken up by someone else tells nothing of the war's parties.
                // Only who is named after the mention: "the meetings were attended by …", not the
                // subject of a sentence that merely refers to them.
                if gathering(e.kind) {
                    for p in &c.participants {
                        if p.after && !e.participants.iter().any(|q| q.actor == p.actor) {
                            e.participants.push(*p);
                        }
                    }
                }
            }
            None => out.push(k),
        }
    }
    out
}

/// How many earlier events a mention may refer back to: an article's worth, so that a long text
/// stays linear.
const ANTECEDENT_WINDOW: usize = 64;

/// The cue (an index into `all`) of the event among `out` that `c` refers back to.
fn find_antecedent(all: &[Cand], out: &[usize], c: &Cand) -> Option<usize> {
    let base = out.len().saturating_sub(ANTECEDENT_WINDOW);
    let window = out.get(base..).unwrap_or_default();
    find_antecedent_in(all, window, c).and_then(|k| window.get(k).copied())
}

/// The last of `out` (indices into `all`) whose cue `f` accepts, as a position in `out`; every
/// index is a cue of `all` (one that were not would match nothing).
fn rposition_in(all: &[Cand], out: &[usize], f: impl Fn(&Cand) -> bool) -> Option<usize> {
    out.iter().rposition(|&e| all.get(e).is_some_and(&f))
}

fn find_antecedent_in(all: &[Cand], out: &[usize], c: &Cand) -> Option<usize> {
    let dates_ok = |e: &Cand| compatible(&e.date, &c.date);
    let places_ok = |e: &Cand| match (place_name(e), place_name(c)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    if let Some(name) = &c.named {
        return rposition_in(all, out, |e: &Cand| {
            same_kind(e.kind, c.kind) && e.named.is_some_and(|n| same_name(n, name))
        });
    }
    match c.det {
        Det::Another => None,
        Det::Definite => {
            // The same kind and place first, then the same kind, then "the meetings" for the
            // latest real gathering.
            rposition_in(all, out, |e: &Cand| {
                same_kind(e.kind, c.kind)
                    && dates_ok(e)
                    && place_name(c).is_some()
                    && place_name(e) == place_name(c)
            })
            .or_else(|| {
                // "The agreement, signed on 16 January": a deal, talks or a war go on
                // over days; an election or a meeting on another day is another one.
                let lasting = matches!(c.kind, "agreement" | "talks" | "negotiations" | "war");
                // "protests in Belgrade … the largest protest in Serbia": a city and a
                // country may name one place.
                let within = |e: &Cand| match (&e.place, &c.place) {
                    (Some(x), Some(y)) => x.country != y.country,
                    _ => false,
                };
                rposition_in(all, out, |e: &Cand| {
                    same_kind(e.kind, c.kind)
                        && (lasting || dates_ok(e))
                        && (places_ok(e) || within(e))
                })
            })
            .or_else(|| {
                rposition_in(all, out, |e: &Cand| {
                    related(e.kind, c.kind)
                        && !e.irrealis
                        && dates_ok(e)
                        && places_ok(e)
                        && c.date.is_none()
                })
            })
        }
        Det::Bare | Det::Indefinite | Det::Generic => rposition_in(all, out, |e: &Cand| {
            same_kind(e.kind, c.kind)
                && dates_ok(e)
                && place_name(e).is_some()
                && place_name(e) == place_name(c)
        }),
    }
}

/// Whether an event belongs on the timeline: named, dated, or told with enough to place it.
pub(super) fn keep(c: &Cand) -> bool {
    // A statement is someone's: "an announcement is expected on Friday" tells no one's.
    if c.kind == "statement" && c.participants.is_empty() && c.agent.is_none() {
        return false;
    }
    // "every election", "any deal": no particular event, dated or not.
    if c.det == Det::Generic && c.named.is_none() {
        return false;
    }
    if c.named.is_some() || c.date.is_some() {
        return true;
    }
    if c.irrealis || c.kind == "statement" || c.det == Det::Generic {
        return false;
    }
    // "the outcome of negotiations": a bare noun with neither date nor place is generic.
    if c.det == Det::Bare && c.place.is_none() {
        return false;
    }
    let parts = c.participants.len();
    if c.verbal {
        return c.place.is_some() && parts >= 1;
    }
    match c.kind {
        "visit" | "call" => c.place.is_some() || parts >= 2 || (c.agent.is_some() && parts >= 1),
        "meeting" | "talks" | "summit" | "conference" | "negotiations" => {
            c.place.is_some() || parts >= 2
        }
        // Crowds and ballots happen somewhere.
        "protest" | "election" => c.place.is_some(),
        // Wars, attacks, deals, votes: only with who did what to whom, or where. "The Iraq
        // war" names no agent apart from its place.
        _ => {
            let place_actor = c.place.as_ref().and_then(|p| p.actor);
            let agent =
                c.agent.is_some() && (c.agent_actor.is_none() || c.agent_actor != place_actor);
            (agent && c.place.is_some()) || parts >= 2 && c.place.is_some()
        }
    }
}
