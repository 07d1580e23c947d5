//! Dating the cues: each time expression dates the nearest cue of its clause.

use super::cues::{self, Det};
use super::merge::gathering;
use super::{DatingTimex, EventCue, EventScan};

/// How far a time expression stands from a cue, in tokens.
fn distance(cue: &EventCue, timex: &DatingTimex) -> usize {
    if timex.token > cue.last {
        timex.token - cue.last
    } else {
        // A date before its cue is a little farther than one after it.
        (cue.first.saturating_sub(timex.token)) + 1
    }
}

/// For each cue, the time expression of its clause that chose it, with its distance.
type Nearest = Vec<Option<(usize, usize)>>;

impl<'d> EventScan<'d, '_> {
    /// Each time expression dates the nearest cue of its clause; a cue left undated takes the
    /// nearest time expression of its sentence that dates no other cue.
    pub(super) fn date_cues(&self, event_cues: &mut [EventCue<'d>]) {
        let (nearest, claimed) = self.nearest_cues(event_cues);
        let shared = self.shared_dates(event_cues, &nearest);
        let crowded = crowded_sentences(event_cues);
        let mut timex_from = 0;
        for (index, cue) in event_cues.iter_mut().enumerate() {
            let chosen = match nearest[index].map(|(timex, _)| timex).or(shared[index]) {
                Some(timex) => Some(timex),
                // An event taken up again ("for talks on the deal") keeps the date it was first
                // told with, unless it is all its sentence tells ("The summit, held on …").
                None if cue.det == Det::Definite
                    && crowded.binary_search(&cue.sentence).is_ok() =>
                {
                    None
                }
                None => {
                    while timex_from < self.timexes.len()
                        && self.timexes[timex_from].sentence < cue.sentence
                    {
                        timex_from += 1;
                    }
                    self.timexes[timex_from..]
                        .iter()
                        .enumerate()
                        .take_while(|(_, timex)| timex.sentence == cue.sentence)
                        .filter(|(offset, timex)| {
                            !claimed[timex_from + offset] && self.dates_across(cue, timex)
                        })
                        .min_by_key(|(_, timex)| distance(cue, timex))
                        .map(|(offset, _)| timex_from + offset)
                }
            };
            if let Some(timex) = chosen.and_then(|k| self.timexes.get(k)) {
                cue.date = Some(timex.value.clone());
                cue.date_span = Some(timex.span);
            }
        }
    }

    /// Each time expression chooses the nearest cue of its clause; returns, for each cue, the
    /// nearest time expression that chose it, and which time expressions chose a cue.
    fn nearest_cues(&self, event_cues: &[EventCue<'d>]) -> (Nearest, Vec<bool>) {
        let mut claimed = vec![false; self.timexes.len()];
        let mut nearest: Nearest = vec![None; event_cues.len()];
        let mut cue_from = 0;
        for (timex_index, timex) in self.timexes.iter().enumerate() {
            while cue_from < event_cues.len() && event_cues[cue_from].sentence < timex.sentence {
                cue_from += 1;
            }
            let in_clause = || {
                event_cues[cue_from..]
                    .iter()
                    .enumerate()
                    .take_while(|(_, cue)| cue.sentence == timex.sentence)
                    .filter(|(_, cue)| cue.clause == timex.clause)
            };
            // "held a call on Saturday to discuss the talks": an event taken up again ("the
            // talks") does not take a date from a new one told in its clause.
            let fresh = in_clause().any(|(_, cue)| cue.det != Det::Definite);
            let chosen = in_clause()
                .filter(|(_, cue)| !fresh || cue.det != Det::Definite)
                .min_by_key(|(_, cue)| distance(cue, timex))
                .map(|(offset, cue)| (cue_from + offset, distance(cue, timex)));
            if let Some((cue_index, dist)) = chosen {
                claimed[timex_index] = true;
                if nearest[cue_index].is_none_or(|(_, best)| dist < best) {
                    nearest[cue_index] = Some((timex_index, dist));
                }
            }
        }
        (nearest, claimed)
    }

    /// "visited Berlin on Tuesday for a meeting": a gathering, visit or call with no date of its
    /// own shares the date of another cue of its clause.
    fn shared_dates(&self, event_cues: &[EventCue<'d>], nearest: &Nearest) -> Vec<Option<usize>> {
        event_cues
            .iter()
            .enumerate()
            .map(|(index, cue)| {
                if nearest[index].is_some()
                    || (cue.verbal && cue.irrealis)
                    || cue.det == Det::Definite
                    || !(gathering(cue.kind) || matches!(cue.kind, "visit" | "call"))
                {
                    return None;
                }
                // "visit Oslo tomorrow after a stop in Ankara": a connective of time between
                // the two keeps them apart.
                let apart = |other: &EventCue| {
                    let (from, to) = (other.head.min(cue.head), other.head.max(cue.head));
                    (from + 1..to).any(|k| self.lower_tok(k).is_some_and(cues::is_time_connective))
                };
                // Cues are in text order: those of the clause sit next to this one.
                let lo = event_cues[..index]
                    .iter()
                    .rposition(|other| other.clause != cue.clause)
                    .map_or(0, |p| p + 1);
                let hi = event_cues[index..]
                    .iter()
                    .position(|other| other.clause != cue.clause)
                    .map_or(event_cues.len(), |p| p + index);
                nearest[lo..hi]
                    .iter()
                    .zip(event_cues[lo..hi].iter())
                    .filter(|(chosen, other)| {
                        chosen.is_some() && other.clause == cue.clause && !apart(other)
                    })
                    .filter_map(|(chosen, other)| {
                        chosen.map(|(timex, _)| (timex, other.head.abs_diff(cue.head)))
                    })
                    .min_by_key(|&(_, gap)| gap)
                    .map(|(timex, _)| timex)
            })
            .collect()
    }

    /// "visited Berlin for a meeting with Scholz": the meeting is where the visit went.
    pub(super) fn share_visit_places(&self, event_cues: &mut [EventCue<'d>]) {
        for index in 1..event_cues.len() {
            let cue = &event_cues[index];
            if cue.place.is_some() || !gathering(cue.kind) {
                continue;
            }
            let prev = &event_cues[index - 1];
            if prev.kind != "visit" || prev.clause != cue.clause || prev.place.is_none() {
                continue;
            }
            let apart = (prev.head + 1..cue.head)
                .any(|token| self.lower_tok(token).is_some_and(cues::is_time_connective));
            if !apart {
                event_cues[index].place = event_cues[index - 1].place;
            }
        }
    }

    /// Whether a time expression in another clause of the sentence may date a cue: from a
    /// fronted clause ("At NATO Headquarters this week, the minister made statements") or a
    /// participle clause right after the cue's ("The summit, held on 16 June,"), not from a
    /// clause about something else ("He will travel for the weekend, the office said in a
    /// statement").
    pub(super) fn dates_across(&self, cue: &EventCue, timex: &DatingTimex) -> bool {
        if timex.clause == cue.clause {
            return true;
        }
        let sentence = self.sentence_tokens(cue.sentence);
        // A fronted adverbial opens with a preposition or with the time itself.
        let adverbial = timex.token == sentence.start
            || self.lower_tok(sentence.start).is_some_and(|word| {
                cues::is_place_preposition(word.as_bytes()) || cues::opens_time_phrase(word)
            });
        let fronted = adverbial
            && self.clause_of.get(sentence.start) == Some(&timex.clause)
            && timex.clause < cue.clause;
        // "The G7 summit in Kananaskis, Canada, held from 15 to 17 June": a short apposition
        // may stand between.
        let short_gap = timex.clause == cue.clause + 2
            && self
                .clauses
                .get(cue.clause + 1)
                .is_some_and(|clause| clause.tokens.len() <= 3);
        let participle = (timex.clause == cue.clause + 1 || short_gap)
            && self.clauses.get(timex.clause).is_some_and(|clause| {
                self.lower_tok(clause.tokens.start)
                    .is_some_and(cues::opens_participle)
            });
        fronted || participle
    }
}

/// Sentences with more than one cue that tells something (not a statement, not a wish).
fn crowded_sentences(event_cues: &[EventCue]) -> Vec<usize> {
    let telling: Vec<&EventCue> = event_cues
        .iter()
        .filter(|cue| cue.kind != "statement" && !cue.irrealis)
        .collect();
    let mut crowded: Vec<usize> = telling
        .windows(2)
        .filter(|pair| pair[0].sentence == pair[1].sentence)
        .map(|pair| pair[0].sentence)
        .collect();
    crowded.dedup();
    crowded
}
