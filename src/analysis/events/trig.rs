//! Events of every kind of news from the trigger tagger ([`crate::analysis::triggers`]): an
//! asserted occurrence ("sentenced", "fell", "the earthquake") that no cue of the event word
//! lists already covers becomes an event when the timeline can place it: dated by its clause
//! (else its sentence), or a past-tense verb of the headline or lead dated by the reference date,
//! or done by a named actor. Negated, possible, wished-for and conditional triggers are no
//! events; future ones ("will vote", "is due to vote") are planned ones.

use std::borrow::Cow;

use crate::analysis::pos;
use crate::analysis::triggers::{self, EventClass, Tense, Trigger};
use crate::model::{Event, EventStatus, Span};
use crate::segment::Document;

use super::{EventCue, EventScan, after_reference};

/// How much a trigger's class must outscore "no event" (model units, the largest weight 1023)
/// for it to be dated from beyond its clause: by a time expression elsewhere in its sentence,
/// or by the publication date. Chosen on the cross-trained models (TimeBank scored with the
/// model trained on AQUAINT, and the reverse): none gave TimeBank precision 0.741 with the
/// sentence's dates, 500 gave 0.825, 1000 0.836 with less recall.
const SURE_MARGIN: i16 = 500;

/// The sentences (the headline first) whose undated past-tense triggers take the publication
/// date: the headline and the lead tell of the story's day. Five sentences gave more (MEANTIME
/// dated recall 0.423 -> 0.442) but two false events on the sample ("closed session" read as a
/// verb).
const DATED_LEAD: usize = super::LEAD_SENTENCES;

/// The triggers of the sentences that `active` marks (their part-of-speech tags computed here,
/// the word keys once for both taggers).
pub(super) fn find(doc: &Document, active: &[bool]) -> Vec<Trigger> {
    if !active.contains(&true) {
        return Vec::new();
    }
    let keys = pos::keys_of(doc, active);
    let tags = pos::tag_active(doc, &keys, pos::model(), active);
    triggers::find_active(doc, &keys, &tags, triggers::model(), active)
}

/// Whether a trigger may be a timeline event: an occurrence, neither negated nor possible,
/// wished for or conditional; an infinitive only when planned ("is due to vote").
fn may_be_event(t: &Trigger) -> bool {
    t.class == EventClass::Occurrence
        && (t.pos.is_verb() || t.pos.is_noun())
        && !t.negated
        && !t.modal
        && (t.tense != Tense::Infinitive || t.future)
}

/// A small map from the trigger word to a kind of event; "event" for the rest.
fn kind_of(lower: &str) -> &'static str {
    const KINDS: &[(&str, &str)] = &[
        ("kill", "attack"),
        ("shot", "attack"),
        ("shoot", "attack"),
        ("attack", "attack"),
        ("bomb", "attack"),
        ("stabb", "attack"),
        ("clash", "clash"),
        ("arrest", "arrest"),
        ("detain", "arrest"),
        ("charg", "charge"),
        ("sentenc", "sentence"),
        ("jail", "sentence"),
        ("convict", "verdict"),
        ("acquit", "verdict"),
        ("verdict", "verdict"),
        ("trial", "trial"),
        ("sued", "lawsuit"),
        ("fined", "fine"),
        ("earthquake", "disaster"),
        ("quake", "disaster"),
        ("flood", "disaster"),
        ("storm", "disaster"),
        ("crash", "accident"),
        ("collaps", "accident"),
        ("erupt", "disaster"),
        ("elect", "election"),
        ("resign", "resignation"),
        ("appoint", "appointment"),
        ("acqui", "deal"),
        ("merg", "deal"),
        ("bought", "deal"),
        ("launch", "launch"),
        ("unveil", "launch"),
        ("won", "result"),
        ("beat", "result"),
        ("defeat", "result"),
    ];
    KINDS
        .iter()
        .find(|(stem, _)| lower.starts_with(stem))
        .map_or("event", |&(_, kind)| kind)
}

impl<'d> EventScan<'d, '_> {
    /// The sentences whose triggers can matter, by index: a trigger becomes an event only when
    /// dated, by a time expression of its clause or as a past-tense verb of the headline or
    /// lead, and a cue's negation is read from its sentence's triggers. The taggers skip the
    /// rest: a sentence's tags and triggers do not depend on the others', so this changes no
    /// output, only the time (on news most sentences tell no date).
    pub(super) fn trigger_sentences(&self, cues: &[EventCue<'d>]) -> Vec<bool> {
        let mut active = vec![false; self.doc.sentences.len()];
        let sentences = self
            .timexes
            .iter()
            .map(|x| x.sentence)
            .chain(cues.iter().map(|cue| cue.sentence))
            .chain(0..DATED_LEAD);
        for k in sentences {
            if let Some(on) = active.get_mut(k) {
                *on = true;
            }
        }
        active
    }

    /// Whether a cue is negated: the trigger tagger says so of its word, or "not", "n't" or
    /// "never" comes just before a verb ("did not meet").
    pub(super) fn negated(&self, cue: &EventCue<'d>, found: &[Trigger]) -> bool {
        let tagged = found
            .binary_search_by_key(&cue.head, |t| t.token)
            .ok()
            .and_then(|at| found.get(at))
            .is_some_and(|t| t.negated);
        let clause = self.clause_tokens(cue.clause);
        let before = cue.verbal
            && (cue.head.saturating_sub(3).max(clause.start)..cue.head)
                .any(|index| matches!(self.lower_tok(index), Some("not" | "n't" | "never")));
        tagged || before
    }

    /// The cues of the triggers no cue covers (the cue word, or the phrase read, in the same
    /// sentence), with their triggers; dated, not yet filled.
    pub(super) fn trigger_cues(
        &self,
        cues: &[EventCue<'d>],
        found: &[Trigger],
    ) -> Vec<(EventCue<'d>, Trigger)> {
        let mut out = Vec::new();
        for t in found.iter().filter(|t| may_be_event(t)) {
            let Some(sentence) = self.doc.sentence_at(t.start) else {
                continue;
            };
            let covered = cues
                .iter()
                .any(|cue| cue.sentence == sentence && (cue.first..=cue.last).contains(&t.token));
            if covered || self.mention_covering(t.token).is_some() || self.timex_covers(t.token) {
                continue;
            }
            let Some(word) = self.doc.text.get(t.start..t.end) else {
                continue;
            };
            let lower = self.lower.get(t.start..t.end).unwrap_or(word);
            if LIGHT_VERBS.contains(&lower) {
                continue;
            }
            let mut cue = self.base(kind_of(lower), Cow::Borrowed(word), t.token, sentence);
            cue.verbal = t.pos.is_verb();
            self.date_trigger(&mut cue, t, cues);
            out.push((cue, *t));
        }
        out
    }

    /// The time expression of the trigger's clause nearest to it, else (when the tagger is sure
    /// of the trigger) the nearest of its sentence that dates no cue; else, for a past-tense
    /// verb the tagger is sure of, in the first [`DATED_LEAD`] sentences and with no time
    /// expression in its sentence to contradict it, the reference date (the publication date).
    fn date_trigger(&self, cue: &mut EventCue<'d>, t: &Trigger, cues: &[EventCue<'d>]) {
        let (clause, sentence, token) = (cue.clause, cue.sentence, t.token);
        // A time expression that dates a cue is that cue's.
        let claimed =
            |x: &super::DatingTimex<'d>| cues.iter().any(|other| other.date_span == Some(x.span));
        let found = self
            .timexes
            .iter()
            .filter(|x| x.clause == clause && !claimed(x))
            .min_by_key(|x| x.token.abs_diff(token));
        // Dated from farther than its clause only when the tagger is sure of it.
        let sure = t.margin >= SURE_MARGIN;
        let found = found.or_else(|| {
            self.timexes
                .iter()
                .filter(|x| sure && x.sentence == sentence && !claimed(x))
                .min_by_key(|x| x.token.abs_diff(token))
        });
        let sentence_dated = self.timexes.iter().any(|x| x.sentence == sentence);
        if let Some(x) = found {
            cue.date = Some(x.value.clone());
            cue.date_span = Some(x.span);
        } else if t.tense == Tense::Past
            && t.pos.is_verb()
            && sure
            && !sentence_dated
            && cue.sentence < DATED_LEAD
            && let Some(reference) = self.reference
        {
            cue.date = Some(Cow::Owned(reference.to_string()));
        }
    }

    /// The event of a trigger's cue, when the timeline can place it: dated, or done by an actor.
    pub(super) fn trigger_event(
        &self,
        cue: &EventCue<'d>,
        t: &Trigger,
        cues: &[EventCue<'d>],
    ) -> Option<Event> {
        let trigger = Span::new(t.start, t.end);
        // Undated, it has no place on the timeline; told inside a cue's phrase, it is that
        // cue's event ("had made a telephone call").
        let told = cues
            .iter()
            .any(|other| other.sentence == cue.sentence && other.span.overlaps(&trigger));
        if cue.date.is_none() || told {
            return None;
        }
        let name = |actor: usize| self.actors.get(actor).map(|a| a.name.as_str());
        let subject = cue
            .participants
            .iter()
            .find(|part| !part.after)
            .and_then(|part| name(part.actor));
        let object = cue
            .participants
            .iter()
            .find(|part| part.after)
            .and_then(|part| name(part.actor));
        // No actor before a verb: the word before it when it is the subject ("shares fell").
        let before = if subject.is_none() && cue.verbal {
            t.token
                .checked_sub(1)
                .filter(|&index| self.clause_tokens(cue.clause).contains(&index))
                .and_then(|index| self.lower_tok(index).map(|lower| (index, lower)))
                .filter(|&(index, lower)| {
                    let first = self.sentence_tokens(cue.sentence).start == index;
                    (first || self.doc.tok(index).bytes().all(|b| b.is_ascii_lowercase()))
                        && !NOT_SUBJECT.contains(&lower)
                        && !self.timex_covers(index)
                })
                .map(|(index, _)| self.doc.tok(index))
        } else {
            None
        };
        let mut label = String::new();
        for piece in [subject.or(before), Some(&*cue.noun), object]
            .into_iter()
            .flatten()
        {
            if !label.is_empty() {
                label.push(' ');
            }
            label.push_str(piece);
        }
        if subject.is_none()
            && object.is_none()
            && let Some(place) = cue.place
        {
            label.push_str(" in ");
            label.push_str(place.name);
        }
        let label = capitalise(&label);
        // The word itself: a longer span would reach over the phrases of other events.
        let span = trigger;
        let planned = t.future
            || cue
                .date
                .as_deref()
                .is_some_and(|value| after_reference(value, self.reference));
        Some(Event {
            label,
            kind: cue.kind.to_string(),
            date: cue.date.as_deref().map(str::to_string),
            place: cue.place.map(|place| place.name.to_string()),
            participants: cue
                .participants
                .iter()
                .filter_map(|part| self.actors.get(part.actor).map(|a| a.id.clone()))
                .collect(),
            start: span.start,
            end: span.end,
            trigger: Some(trigger),
            status: if planned {
                EventStatus::Planned
            } else {
                EventStatus::Happened
            },
            main: false,
        })
    }
}

/// Verbs that carry another word's event ("made statements", "held talks") or tell none.
const LIGHT_VERBS: &[&str] = &[
    "made",
    "make",
    "makes",
    "making",
    "took",
    "take",
    "takes",
    "taking",
    "came",
    "come",
    "comes",
    "coming",
    "went",
    "go",
    "goes",
    "going",
    "gone",
    "got",
    "get",
    "gets",
    "getting",
    "gave",
    "give",
    "gives",
    "giving",
    "given",
    "held",
    "hold",
    "holds",
    "holding",
    "followed",
    "follow",
    "follows",
    "following",
    "appear",
    "appears",
    "appeared",
    "needed",
    "need",
    "needs",
    "led",
    "lead",
    "leads",
    "seemed",
    "became",
    "become",
    "continued",
    "continue",
    "continues",
    "did",
    "do",
    "does",
    "done",
    "happened",
    "happen",
    "occurred",
    "took place",
    "saw",
    "see",
    "sees",
    "put",
    "set",
    "used",
    "use",
    "help",
    "helped",
    "began",
    "begin",
    "started",
    "start",
    "ended",
    "end",
];

/// Words before a verb that are not its subject.
const NOT_SUBJECT: &[&str] = &[
    "the",
    "a",
    "an",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "and",
    "or",
    "but",
    "also",
    "then",
    "to",
    "not",
    "never",
    "later",
    "after",
    "before",
    "when",
    "as",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "there",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "allegedly",
    "reportedly",
    "just",
    "recently",
    "first",
    "finally",
];

/// The label with its first letter in upper case.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
