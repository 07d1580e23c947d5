//! Events of every kind of news from the trigger tagger ([`crate::analysis::triggers`]): an
//! asserted occurrence ("sentenced", "fell", "the earthquake") that no cue of the event word
//! lists already covers becomes an event, dated by its clause (else its sentence), or, for a
//! verb in the present or a past-tense verb of the headline or lead, by the reference date;
//! else it is an undated event (the timeline lists those after the dated ones). Negated,
//! possible, wished-for and conditional triggers are no events; future ones ("will vote", "is
//! due to vote") are planned ones.

use std::borrow::Cow;

use crate::analysis::pos;
use crate::analysis::triggers::{self, EventClass, Tense, Trigger};
use crate::model::{Event, EventStatus, Span};
use crate::segment::Document;

use super::merge::gathering;
use super::{EventCue, EventScan, after_reference};

/// How much a trigger's class must outscore "no event" (model units, the largest weight 1023)
/// for it to be dated from beyond its clause: by a time expression elsewhere in its sentence,
/// or by the publication date. Chosen on the cross-trained models (TimeBank scored with the
/// model trained on AQUAINT, and the reverse): none gave TimeBank precision 0.741 with the
/// sentence's dates, 500 gave 0.825, 1000 0.836 with less recall.
const SURE_MARGIN: i16 = 500;

/// How many words after a time expression a gathering may stand and still be what the verb
/// before them tells ("met her counterpart on Tuesday for a trade summit").
const GATHERING_AFTER_DATE: usize = 5;

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
    /// The sentences whose triggers can matter, by index: all of them, since every asserted
    /// occurrence is an event, dated or not. (A sentence's tags and triggers do not depend on
    /// the others', so the taggers could skip sentences; when only dated triggers made events,
    /// they skipped those with no time expression, no cue and outside the lead.)
    pub(super) fn trigger_sentences(&self) -> Vec<bool> {
        vec![true; self.doc.sentences.len()]
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
            if LIGHT_VERBS.contains(&lower)
                || PREPOSITIONS.contains(&lower)
                || self.metadata_line(sentence, t.token)
            {
                continue;
            }
            let mut cue = self.base(kind_of(lower), Cow::Borrowed(word), t.token, sentence);
            cue.verbal = t.pos.is_verb();
            self.date_trigger(&mut cue, t, cues);
            out.push((cue, *t));
        }
        out
    }

    /// The time expression of the trigger's clause nearest to it (one that dates a cue too,
    /// when no word opening another clause stands between: "Police seized a car bomb on Sunday"
    /// shares the bomb's Sunday, "announced last week that it planned to ship" does not, nor
    /// "will attend a summit on Friday", which tells the summit), else one of its sentence that dates no cue: the
    /// nearest when the tagger is sure of the trigger, else one of a fronted or participle
    /// clause ("Yesterday, the shares fell"). Without one in its sentence, the reference date
    /// (the publication date) dates a verb in the present ("is bolstering", "are treated",
    /// "works") and, in the first [`DATED_LEAD`] sentences, a past-tense verb the tagger is sure
    /// of; other past-tense verbs stay undated (the corpora anchor them to an earlier time as
    /// often as to the day of the report, the present perfect too).
    fn date_trigger(&self, cue: &mut EventCue<'d>, t: &Trigger, cues: &[EventCue<'d>]) {
        let (clause, sentence, token) = (cue.clause, cue.sentence, t.token);
        // A time expression that dates a cue is that cue's.
        let claimed =
            |x: &super::DatingTimex<'d>| cues.iter().any(|other| other.date_span == Some(x.span));
        // Nor when the cue is a gathering, visit or call after a verb and before the date or
        // just after it: the verb most likely tells it ("will attend a summit on Friday", "met
        // her counterpart on Tuesday for a summit").
        let told_after = |x: &super::DatingTimex<'d>| {
            t.pos.is_verb()
                && cues.iter().any(|other| {
                    other.date_span == Some(x.span)
                        && other.head > token
                        && other.head <= x.token + GATHERING_AFTER_DATE
                        && !self.break_between(token, other.head)
                        && (gathering(other.kind) || matches!(other.kind, "visit" | "call"))
                })
        };
        let found = self
            .timexes
            .iter()
            .filter(|x| {
                x.clause == clause
                    && !(claimed(x) && (told_after(x) || self.break_between(token, x.token)))
            })
            .min_by_key(|x| x.token.abs_diff(token));
        // Dated from farther than its clause only when the tagger is sure of it, or from a
        // clause that frames its sentence.
        let sure = t.margin >= SURE_MARGIN;
        let found = found.or_else(|| {
            self.timexes
                .iter()
                .filter(|x| {
                    x.sentence == sentence && !claimed(x) && (sure || self.dates_across(cue, x))
                })
                .min_by_key(|x| x.token.abs_diff(token))
        });
        let sentence_dated = self.timexes.iter().any(|x| x.sentence == sentence);
        let today = match t.tense {
            Tense::Present => !t.future && self.finite_present(t),
            Tense::Past => sure && cue.sentence < DATED_LEAD,
            _ => false,
        };
        if let Some(x) = found {
            cue.date = Some(x.value.clone());
            cue.date_span = Some(x.span);
        } else if today
            && t.pos.is_verb()
            && !sentence_dated
            && let Some(reference) = self.reference
        {
            cue.date = Some(Cow::Owned(reference.to_string()));
        }
    }

    /// Whether a verb in the present tells what is going on: "rises", "are rising", "goods being
    /// blocked", not a gerund after a preposition ("despite being upended", "after being
    /// freed"), which tells of something before.
    fn finite_present(&self, t: &Trigger) -> bool {
        match t.pos {
            // A bare form with no auxiliary is a present the tagger took for one ("they call").
            pos::Pos::VBZ | pos::Pos::VBP | pos::Pos::VB => true,
            pos::Pos::VBG | pos::Pos::VBN => !(t.token.saturating_sub(3)..t.token).any(|k| {
                self.lower_tok(k) == Some("being")
                    && k.checked_sub(1)
                        .and_then(|p| self.lower_tok(p))
                        .is_some_and(|word| GERUND_PREPOSITIONS.contains(&word))
            }),
            _ => false,
        }
    }

    /// Whether a word that opens another clause or reports one ([`PHRASE_BREAKS`]) stands
    /// between two tokens.
    fn break_between(&self, a: usize, b: usize) -> bool {
        (a.min(b) + 1..a.max(b)).any(|k| {
            self.lower_tok(k)
                .is_some_and(|word| PHRASE_BREAKS.contains(&word))
        })
    }

    /// The event of a trigger's cue, dated or not, unless a cue's phrase tells it already.
    pub(super) fn trigger_event(
        &self,
        cue: &EventCue<'d>,
        t: &Trigger,
        cues: &[EventCue<'d>],
        taken: &mut Vec<Span>,
    ) -> Option<Event> {
        let trigger = Span::new(t.start, t.end);
        // Told inside a cue's phrase, it is that cue's event ("had made a telephone call").
        let told = cues
            .iter()
            .any(|other| other.sentence == cue.sentence && other.span.overlaps(&trigger));
        if told {
            return None;
        }
        let subject = cue
            .participants
            .iter()
            .find(|part| !part.after)
            .and_then(|part| {
                self.actors
                    .get(part.actor)
                    .map(|a| (part.actor, a.name.as_str()))
            });
        let (label, phrase) = self.phrase(cue, t, subject);
        // A lone word ("Closed"): the words around it in its sentence, punctuation and all.
        let label = if label.contains(' ') {
            label
        } else {
            self.wide_phrase(cue, t)
        };
        // Undated, and among the words of another's label ("the first closed session"): that
        // event tells it.
        // (Labels are taken in text order: only the last few can reach this trigger.)
        if cue.date.is_none()
            && taken
                .iter()
                .rev()
                .take(8)
                .any(|other| other.overlaps(&trigger))
        {
            return None;
        }
        taken.push(phrase);

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

/// How many words of its clause before a trigger and after it make its label.
const WORDS_BEFORE: usize = 3;
const WORDS_AFTER: usize = 5;

/// Words a label's phrase does not reach over, before the trigger or after it: they start
/// another clause or report it ("who", "and", "said").
const PHRASE_BREAKS: &[&str] = &[
    "and", "but", "or", "who", "which", "that", "as", "when", "while", "after", "before",
    "because", "said", "says", "if", "where", "than", "since", "until", "whether", "how", "what",
    "why",
];

/// Words a label does not start with ("also intended", "during an interview").
const LOOSE_STARTS: &[&str] = &[
    "also", "not", "just", "still", "even", "then", "only", "so", "during", "despite", "are",
    "being", "did", "does", "do", "can", "could", "may", "might", "should", "must",
];

/// Words a label does not end with ("rejected the", "fell to").
const LOOSE_ENDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "his", "her",
    "its", "their", "our", "my", "your", "this", "that", "these", "those", "into", "about", "over",
    "up", "is", "was", "were", "be", "been", "has", "had", "have", "will", "would",
];

impl<'d> EventScan<'d, '_> {
    /// Whether the trigger is the only word of its sentence but time expressions: a line of
    /// the page's own ("Published: 3 March 2025", "Updated 10:42"), not an event it reports.
    fn metadata_line(&self, sentence: usize, token: usize) -> bool {
        !self.sentence_tokens(sentence).any(|index| {
            index != token
                && self
                    .doc
                    .tokens
                    .get(index)
                    .is_some_and(|tok| tok.kind == crate::segment::TokenKind::Word)
                && !self.timex_covers(index)
        })
    }

    /// The words around a trigger in its sentence, across punctuation: a label for a trigger
    /// alone in its clause ("the session, closed to the press,").
    fn wide_phrase(&self, cue: &EventCue<'d>, t: &Trigger) -> String {
        let sentence = self.sentence_tokens(cue.sentence);
        let first = t.token.saturating_sub(WORDS_BEFORE).max(sentence.start);
        let last = (t.token + WORDS_AFTER)
            .min(sentence.end.saturating_sub(1))
            .max(t.token);
        let (start, end) = match (self.doc.tokens.get(first), self.doc.tokens.get(last)) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => (t.start, t.end),
        };
        let words = self.doc.text.get(start..end).unwrap_or_default();
        let mut label = String::with_capacity(words.len() + 2);
        push_words(&mut label, words);
        let label = label.trim_matches(|c: char| !c.is_alphanumeric());
        capitalise(label)
    }

    /// A trigger's label: the words around it in its clause ("Brown ally rejects Budget
    /// spree", "borrowing rose to its highest"), up to [`WORDS_BEFORE`] before and
    /// [`WORDS_AFTER`] after, never across punctuation, a [`PHRASE_BREAKS`] word or a name's
    /// end; the subject's name first when it stands before those words ("Ed Balls stepped
    /// down from his Treasury post").
    fn phrase(
        &self,
        cue: &EventCue<'d>,
        t: &Trigger,
        subject: Option<(usize, &str)>,
    ) -> (String, Span) {
        let clause = self.clause_tokens(cue.clause);
        let word = |index: usize| {
            self.doc
                .tokens
                .get(index)
                .is_some_and(|tok| tok.kind != crate::segment::TokenKind::Punct)
                && !self
                    .lower_tok(index)
                    .is_some_and(|lower| PHRASE_BREAKS.contains(&lower))
                && !self.timex_covers(index)
        };
        let mut first = t.token;
        while first > clause.start && t.token - first < WORDS_BEFORE && word(first - 1) {
            first -= 1;
        }
        let mut last = t.token;
        while last + 1 < clause.end && last - t.token < WORDS_AFTER && word(last + 1) {
            last += 1;
        }
        // Never a name cut: run on over capitalised words ("Foreign Minister Prince Faisal"),
        // then widen to the whole of a name the ends fall in.
        let capital = |index: usize| {
            self.doc.tokens.get(index).is_some_and(|tok| {
                tok.kind == crate::segment::TokenKind::Word
                    && self.doc.tok(index).starts_with(|c: char| c.is_uppercase())
            })
        };
        let mut more = 0;
        while capital(last)
            && last > t.token
            && last + 1 < clause.end
            && capital(last + 1)
            && more < 4
        {
            last += 1;
            more += 1;
        }
        let (mut start, mut end) = match (self.doc.tokens.get(first), self.doc.tokens.get(last)) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => (t.start, t.end),
        };
        if let Some(m) = self.mention_covering(first) {
            start = start.min(m.bytes.start);
        }
        if let Some(m) = self.mention_covering(last) {
            end = end.max(m.bytes.end);
        }
        // No loose word at the start ("of the session", "also intended") or the end ("rose to").
        while first < t.token
            && self
                .lower_tok(first)
                .is_some_and(|lower| LOOSE_ENDS.contains(&lower) || LOOSE_STARTS.contains(&lower))
            && self.mention_covering(first).is_none()
        {
            first += 1;
            if let Some(tok) = self.doc.tokens.get(first) {
                start = tok.start;
            }
        }
        while last > t.token
            && self
                .lower_tok(last)
                .is_some_and(|lower| LOOSE_ENDS.contains(&lower))
            && self.mention_covering(last).is_none()
        {
            last -= 1;
            if let Some(tok) = self.doc.tokens.get(last) {
                end = tok.end;
            }
        }
        let words = self.doc.text.get(start..end).unwrap_or_default();
        let mut label = String::with_capacity(words.len() + 24);
        // The subject's name when a mention of it stands before the words, in their clause.
        let clause_start = self
            .doc
            .tokens
            .get(clause.start)
            .map_or(start, |tok| tok.start);
        let mentioned = |inside: bool| {
            let bytes = if inside {
                Span::new(start, end)
            } else {
                Span::new(clause_start, start)
            };
            subject.is_some_and(|(actor, _)| self.mentions_in(bytes).any(|m| m.actor == actor))
        };
        if let Some((_, name)) = subject
            && first == t.token
            && mentioned(false)
            && !mentioned(true)
        {
            label.push_str(name);
            label.push(' ');
        }
        push_words(&mut label, words);
        (capitalise(&label), Span::new(start, end))
    }
}

/// Prepositions before a gerund ("despite being upended", "after being freed").
const GERUND_PREPOSITIONS: &[&str] = &[
    "after",
    "before",
    "despite",
    "since",
    "for",
    "by",
    "without",
    "of",
    "on",
    "upon",
    "from",
    "in",
    "about",
    "against",
    "through",
    "following",
];

/// Participles that serve as prepositions or adjectives ("regarding Ukraine", "related to",
/// "longstanding ties"): the tagger sometimes takes them for events.
const PREPOSITIONS: &[&str] = &[
    "regarding",
    "including",
    "according",
    "concerning",
    "related",
    "longstanding",
    "involving",
    "considering",
    "excluding",
    "pending",
    "given",
    "based",
    "owing",
    "notwithstanding",
];

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

/// The label with its first letter in upper case.
/// Appends the words of `text`, one space between them (line breaks and runs of blanks fold).
fn push_words(out: &mut String, text: &str) {
    for (k, piece) in text.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(piece);
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
