//! Where an event took place, and the short names of actors for labels.

use std::ops::Range;

use super::cues;
use super::label;
use super::{EventCue, EventScan, Place};
use crate::model::{ActorKind, MentionForm, Span};
use crate::segment::{TokenKind, is_all_caps, is_capitalized};

/// How `scan_for_place` reads a range of tokens.
#[derive(Debug, Clone, Copy)]
struct Scan {
    sentence_start: usize,
    backwards: bool,
}

impl<'d> EventScan<'d, '_> {
    /// A place or country mention starting at token `index` (after an optional "the").
    pub(super) fn place_at(&self, index: usize) -> Option<Place<'d>> {
        let index = if self.is_word(index, "the") {
            index + 1
        } else {
            index
        };
        // "on southern Israel", "in eastern Ukraine".
        let index = if self.lower_tok(index).is_some_and(cues::is_direction) {
            index + 1
        } else {
            index
        };
        let mention = self.mention_at(index)?;
        let kind = self.actor_kind(mention)?;
        if !matches!(kind, ActorKind::Place | ActorKind::Country)
            || mention.form != MentionForm::Name
        {
            return None;
        }
        let actor = self.actors.get(mention.actor)?;
        Some(Place {
            name: &actor.name,
            actor: Some(mention.actor),
            country: kind == ActorKind::Country,
            span: mention.bytes,
        })
    }

    /// A capitalised name at token `first` (after a preposition) that no actor claims ("in
    /// Davos").
    pub(super) fn unknown_place_at(
        &self,
        first: usize,
        sentence_start: usize,
    ) -> Option<Place<'d>> {
        // "in the Chamber", "at the Treasury": a capitalised noun after "the" is rarely a town.
        if self.is_word(first, "the") || first <= sentence_start {
            return None;
        }
        let mut end = first;
        while let Some(token) = self.doc.tokens.get(end) {
            let word = self.doc.tok(end);
            if token.kind != TokenKind::Word
                || !is_capitalized(word)
                || is_all_caps(word)
                || cues::is_not_place(word)
                || cues::named_head(word).is_some()
                || self.mention_covering(end).is_some()
                || self.timex_covers(end)
                || (end > first && !token.space_before)
            {
                break;
            }
            end += 1;
        }
        // "at Nixon's home" is no place named Nixon; "in the Eastern Conference" no place
        // named Eastern: the name must end where the capitals end.
        let possessive = matches!(self.doc.tok(end), "'s" | "\u{2019}s");
        let goes_on = self.doc.tokens.get(end).is_some_and(|token| {
            token.kind == TokenKind::Word && token.space_before && is_capitalized(self.doc.tok(end))
        });
        if end == first || end - first > 3 || possessive || goes_on {
            return None;
        }
        let span = Span::new(self.doc.tokens[first].start, self.doc.tokens[end - 1].end);
        Some(Place {
            name: self.doc.slice(span),
            actor: None,
            country: false,
            span,
        })
    }

    /// "at X in Y" gives Y: the most specific place told.
    pub(super) fn chain_in(&self, place: Place<'d>) -> Place<'d> {
        let after = self
            .doc
            .tokens
            .partition_point(|t| t.start < place.span.end);
        if self.is_word(after, "in")
            && let Some(inner) = self.place_at(after + 1)
        {
            return inner;
        }
        place
    }

    /// Where the event of a cue took place: in its name, the object of a visit or invasion,
    /// after "in" / "at" near it in its clause, in a participle clause after it or in a fronted
    /// clause of its sentence; `heads` are the cues' head tokens, in order.
    pub(super) fn find_place(&self, cue: &EventCue<'d>, heads: &[usize]) -> Option<Place<'d>> {
        if cue.kind == "call" {
            return None;
        }
        if let Some(place) = self.place_in_name(cue).or_else(|| self.place_of_kind(cue)) {
            return Some(place);
        }
        let clause = self.clause_tokens(cue.clause);
        let sentence = self.sentence_tokens(cue.sentence);
        let mut fallback = None;
        // "the talks … ending the war in Ukraine": a place after another cue is that cue's.
        let at = heads.partition_point(|&h| h <= cue.last);
        let next_cue = heads
            .get(at)
            .copied()
            .filter(|&h| h < clause.end)
            .unwrap_or(clause.end);
        let before = heads.partition_point(|&h| h < cue.first);
        let prev_cue = before
            .checked_sub(1)
            .and_then(|k| heads.get(k))
            .copied()
            .filter(|&h| h >= clause.start)
            .map_or(clause.start, |h| h + 1);
        let scan = Scan {
            sentence_start: sentence.start,
            backwards: false,
        };
        if let Some(place) = self.scan_for_place(cue.last + 1..next_cue, scan, &mut fallback) {
            return Some(place);
        }
        // Before the cue, only what is nearer to it than to the previous cue.
        let prev_cue = if prev_cue > clause.start {
            prev_cue + (cue.first.saturating_sub(prev_cue)) / 2
        } else {
            prev_cue
        };
        let back = Scan {
            backwards: true,
            ..scan
        };
        if let Some(place) = self.scan_for_place(prev_cue..cue.first, back, &mut fallback) {
            return Some(place);
        }
        // "The summit, held in Geneva on 16 June, …": a participle clause tells its place.
        if let Some(next) = self.clauses.get(cue.clause + 1)
            && next.sentence == cue.sentence
            && next_cue >= clause.end
            && self
                .lower_tok(next.tokens.start)
                .is_some_and(cues::opens_participle)
            && let Some(place) = self.scan_for_place(next.tokens.clone(), scan, &mut fallback)
        {
            return Some(place);
        }
        // A fronted "At NATO Headquarters in Brussels, …" sets the scene for the sentence.
        if let Some(first_clause) = self.clause_of.get(sentence.start).copied()
            && let Some(fronted) = self.clauses.get(first_clause)
            && fronted.sentence == cue.sentence
            && first_clause != cue.clause
            && fronted.tokens.start == sentence.start
            && self
                .lower_tok(fronted.tokens.start)
                .is_some_and(|w| cues::is_place_preposition(w.as_bytes()))
            && let Some(place) = self.scan_for_place(fronted.tokens.clone(), scan, &mut fallback)
        {
            return Some(place);
        }
        fallback
    }

    /// In the name or right before the noun: "Munich Security Conference", "Paris meeting".
    fn place_in_name(&self, cue: &EventCue<'d>) -> Option<Place<'d>> {
        (cue.first..cue.head).find_map(|token| {
            self.mention_at(token)
                .filter(|mention| self.actor_kind(mention) == Some(ActorKind::Place))
                .and_then(|_| self.place_at(token))
        })
    }

    /// The place a kind of event names after it: what a war or attack hits ("the invasion of
    /// Ukraine", "invaded Ukraine"), where a visit goes ("visited Kyiv", "a visit to Davos").
    fn place_of_kind(&self, cue: &EventCue<'d>) -> Option<Place<'d>> {
        let after = cue.last + 1;
        match cue.kind {
            "war" | "attack" => {
                if ["of", "on", "in", "against"]
                    .iter()
                    .any(|word| self.is_word(after, word))
                    && let Some(place) = self.place_at(after + 1)
                {
                    return Some(place);
                }
                if cue.verbal {
                    return self.place_at(after);
                }
            }
            "visit" => {
                if cue.verbal
                    && let Some(place) = self.place_at(after)
                {
                    return Some(place);
                }
                if self.is_word(after, "to") || self.is_word(after, "in") {
                    let sentence_start = self.sentence_tokens(cue.sentence).start;
                    return self
                        .place_at(after + 1)
                        .or_else(|| self.unknown_place_at(after + 1, sentence_start));
                }
            }
            _ => {}
        }
        None
    }

    /// The first place after "in", "at" (or, backwards, "to": "travelled to Cairo for talks")
    /// among the tokens of `range`, read backwards when `scan.backwards`; a name no actor
    /// claims is kept in `fallback` if none is there yet.
    fn scan_for_place(
        &self,
        range: Range<usize>,
        scan: Scan,
        fallback: &mut Option<Place<'d>>,
    ) -> Option<Place<'d>> {
        let with_to = scan.backwards && range.len() >= 2;
        let len = range.len();
        let at = |step: usize| {
            if scan.backwards {
                range.end - 1 - step
            } else {
                range.start + step
            }
        };
        for token in (0..len).map(at) {
            let word = self.lower_bytes(token);
            if !(cues::is_place_preposition(word) || (with_to && word == b"to")) {
                continue;
            }
            if let Some(place) = self.place_at(token + 1) {
                return Some(self.chain_in(place));
            }
            if fallback.is_none()
                && let Some(place) = self.unknown_place_at(token + 1, scan.sentence_start)
            {
                *fallback = Some(place);
            }
        }
        None
    }

    /// The short form of an actor's name for a label: a person's surname, a country's shortest
    /// name ("US"), a group's or organisation's name.
    pub(super) fn short_name(&self, actor: usize) -> &'d str {
        let (Some(a), Some(cell)) = (self.actors.get(actor), self.short_names.get(actor)) else {
            return "";
        };
        // Once per actor and document: a country's looks through all its mentions.
        cell.get_or_init(|| label::short_name(a, self.doc.text))
    }
}
