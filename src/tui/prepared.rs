//! What the screen derives once from an article's analysis: the highlights of the body, the
//! rows of the actors panel, and the sentences (for the filter and the selected event).

use super::wrap::Mark;
use crate::model::{ActorKind, Analysis, Span};
use crate::segment::Document;

/// One article's analysis and what the screen derives from it once.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The analysis.
    pub analysis: Analysis,
    /// Highlights by kind: actor mentions, dates, quotes.
    pub marks: Vec<(Span, Mark)>,
    /// The rows of the actors panel: a heading per kind, then its actors (indices).
    pub actor_rows: Vec<ActorRow>,
    /// The text does not read as English ([`looks_english`]): the analysis, made for English,
    /// is not shown (its actors and events would be junk); the panels say why.
    pub foreign: bool,
    /// For each event as listed here (planned ones last), its place in the analysis as made.
    pub event_order: Vec<usize>,
}

/// Common English words: in English news they are a third or more of the words, in other
/// languages a few in a hundred.
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by",
    "at", "from", "he", "she", "it", "said", "are", "be", "has", "have", "his", "her", "they",
    "this", "not", "but", "an", "or", "were", "will", "been", "who", "their", "which", "after",
    "would", "its", "had", "we", "i", "you", "there", "than", "about", "more", "also",
];

/// Whether `text` reads as English, cheaply: at least one word in eight is a common English
/// word. Texts of fewer than 30 words are given the benefit of the doubt.
pub fn looks_english(text: &str) -> bool {
    let mut words = 0usize;
    let mut common = 0usize;
    // Words between blanks, their punctuation trimmed; a token with other characters inside
    // (an address, a code, control characters) is not a word of any language.
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        if w.is_empty()
            || !w
                .chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        {
            continue;
        }
        words += 1;
        if w.len() <= 6 && ENGLISH.contains(&w.to_lowercase().as_str()) {
            common += 1;
        }
        if words >= 2000 {
            break;
        }
    }
    words < 30 || common * 8 >= words
}

/// One row of the actors panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRow {
    /// A heading ("People").
    Heading(ActorKind),
    /// An actor (index into `Analysis::actors`).
    Actor(usize),
}

/// What the panels say instead of an analysis of a text that is not English.
pub const NOT_ENGLISH: &str = "This text does not read as English: brief's analysis is for \
                               English, so no actors or events are shown.";

impl Prepared {
    /// Derives what the screen needs from an analysis of `text`.
    pub fn new(text: &str, mut analysis: Analysis) -> Self {
        // The analysis hands its sentences over; one made elsewhere (tests, an analysis that
        // failed) may come without, and then the text is split here.
        if analysis.sentences.is_empty() && !text.trim().is_empty() {
            let doc = Document::new(text);
            analysis.sentences = doc.sentences.iter().map(|s| s.span).collect();
        }
        // Planned events after the ones that happened, each in its order: the timeline
        // shows them apart (`widgets/eventinfo.rs`). `event_order` keeps where each was in the
        // analysis (the library's briefing names events by that place).
        let planned = |e: &crate::model::Event| e.status == crate::model::EventStatus::Planned;
        let mut event_order: Vec<usize> = (0..analysis.events.len()).collect();
        event_order.sort_by_key(|&i| planned(&analysis.events[i]));
        if event_order.iter().enumerate().any(|(k, &i)| k != i) {
            let mut events: Vec<Option<crate::model::Event>> = std::mem::take(&mut analysis.events)
                .into_iter()
                .map(Some)
                .collect();
            analysis.events = event_order
                .iter()
                .filter_map(|&i| events.get_mut(i).and_then(Option::take))
                .collect();
        }
        let foreign = !looks_english(text);
        if foreign {
            analysis.actors.clear();
            analysis.events.clear();
            analysis.timexes.clear();
            analysis.quotes.clear();
        }
        let valid = |s: Span| s.fits(text);
        let mut marks = Vec::new();
        for a in &analysis.actors {
            for m in &a.mentions {
                if valid(m.span()) {
                    marks.push((m.span(), Mark::Kind(a.kind)));
                }
            }
        }
        for t in &analysis.timexes {
            if valid(t.span()) {
                marks.push((t.span(), Mark::Date));
            }
        }
        for q in &analysis.quotes {
            let s = Span::new(q.start, q.end);
            if valid(s) {
                marks.push((s, Mark::Quote));
            }
        }
        marks.sort_by_key(|(s, _)| (s.start, s.end));
        let mut actor_rows = Vec::new();
        for group in [
            &[ActorKind::Person][..],
            &[ActorKind::Organisation],
            &[ActorKind::Country, ActorKind::Group],
            &[ActorKind::Place],
        ] {
            let members: Vec<usize> = (0..analysis.actors.len())
                .filter(|&i| group.contains(&analysis.actors[i].kind))
                .collect();
            if !members.is_empty() {
                actor_rows.push(ActorRow::Heading(group[0]));
                actor_rows.extend(members.into_iter().map(ActorRow::Actor));
            }
        }
        Self {
            analysis,
            marks,
            actor_rows,
            foreign,
            event_order,
        }
    }

    /// Where the analysis's event `i` (as the analysis made it) is listed here.
    pub fn event_shown(&self, i: usize) -> Option<usize> {
        self.event_order.iter().position(|&k| k == i)
    }

    /// The sentence holding byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<Span> {
        let i = self.analysis.sentences.partition_point(|s| s.start <= pos);
        self.analysis
            .sentences
            .get(i.checked_sub(1)?)
            .copied()
            .filter(|s| pos < s.end.max(s.start + 1))
    }
}
