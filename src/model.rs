//! Plain data: articles as loaded and the analysis of one article.
//!
//! Every span is a byte range into the UTF-8 text of its article (`start < end`, both on character
//! boundaries). The serde shapes of [`Analysis`] and its parts are the `brief analyze --json`
//! contract, so a field renamed here is a contract change.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A byte range into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Whether it is a non-empty range of `text` on character boundaries: the one rule for a
    /// span the analysis hands out ([`Analysis::check_spans`]).
    pub fn fits(&self, text: &str) -> bool {
        self.start < self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }

    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Its length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share a byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text it covers, or `""` when it does not fit `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Where an article's publication date came from. The order is the order of trust: an explicit
/// date beats the file's metadata, which beats a dateline in the text, which beats a print-edition
/// line (a print edition appears after the text was written).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// No date is known.
    #[default]
    Unknown,
    /// "appears in print in the 20 February, 2025 edition": later than the writing date.
    PrintEdition,
    /// A date line in the text ("Published 18 February 2025", "LONDON 1996-08-30").
    Dateline,
    /// The file's own metadata (JSON `published`, Markdown front matter `date:`).
    Metadata,
    /// Given on the command line (`--date`).
    Given,
}

impl DateOrigin {
    /// Whether a date of this origin is only an approximation of the writing date.
    pub const fn is_approximate(self) -> bool {
        matches!(self, DateOrigin::PrintEdition)
    }
}

/// One article, as loaded from a file, a briefing or standard input.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    /// A headline: given by the file, or read from its first line or sentence.
    pub title: String,
    /// The publication it came from, when known.
    pub source: Option<String>,
    /// The publication date, when known (see `date_origin` for how far to trust it).
    pub published: Option<Date>,
    /// Where `published` came from.
    pub date_origin: DateOrigin,
    /// Where the article lives on the web, when known.
    pub url: Option<String>,
    /// Who wrote it, as the page or briefing names them, when known.
    pub byline: Option<String>,
    /// Which part of a web page gave `published` (`json_ld`, `meta`, `time`, `url`,
    /// `dateline`); `None` for other formats.
    pub published_from: Option<String>,
    /// When `brief add` or `brief fetch` saved it (a JSON briefing's `fetched`), when known.
    pub fetched: Option<jiff::Timestamp>,
    /// The file it was read from; `None` for standard input and the bundled sample.
    pub path: Option<PathBuf>,
    /// The text, exactly as loaded (a leading byte-order mark removed); all spans index into it.
    pub text: String,
    /// Actors and events the user added or corrected in a JSON briefing.
    pub curated: Curated,
    /// How a Markdown article looks on screen (blocks, styles, link targets); `None` for other
    /// formats. Display only: the analysis reads `text` alone, and the JSON contract leaves it
    /// out.
    pub markup: Option<Markup>,
}

/// The layout and styles of a Markdown article's plain text, for display only: every span
/// indexes [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Markup {
    /// Paragraphs, headings, list items, table rows and lines of code, in text order, as the
    /// screen shows them (the lines inside one are joined: CommonMark soft breaks).
    pub blocks: Vec<MarkupBlock>,
    /// Styled ranges (they may nest and overlap), in the order their elements close.
    pub styles: Vec<Styled>,
    /// Link targets, shown dim after the link text; not in the text.
    pub links: Vec<LinkTarget>,
}

/// A block of a Markdown article as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkupBlock {
    /// Its text, from its first character to its last.
    pub span: Span,
    /// Shown right under the block before it, with no blank row between (items of a tight
    /// list, lines of code, table rows, a line after a hard break).
    pub tight: bool,
    /// Cells to indent it by on screen: two for each list or quote it is nested in (a list at
    /// the top level is not indented).
    pub indent: u8,
}

/// What a Markdown element looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TextStyle {
    /// A heading of this level (1 to 6).
    Heading(u8),
    /// `*emphasis*`.
    Emphasis,
    /// `**strong**`.
    Strong,
    /// `~~struck out~~`.
    Strike,
    /// Inline code or a code block.
    Code,
    /// A block quote.
    Quote,
    /// A link's text.
    Link,
}

/// A styled range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Styled {
    /// The range.
    pub span: Span,
    /// Its style.
    pub style: TextStyle,
}

/// Where a link points, shown after its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    /// The byte just past the link text.
    pub at: usize,
    /// The target as written (made safe when shown).
    pub url: String,
}

/// What a user wrote into a briefing to add to or correct the analysis.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curated {
    /// Actors to add, or to correct when the name or an alias matches a found actor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<CuratedActor>,
    /// Events to add to the timeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<CuratedEvent>,
}

/// A curated actor in a JSON briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedActor {
    /// The actor's name.
    pub name: String,
    /// What it is; found by the analysis when omitted.
    #[serde(default)]
    pub kind: Option<ActorKind>,
    /// Its role, e.g. "Secretary of State".
    #[serde(default)]
    pub role: Option<String>,
    /// The country or organisation the role belongs to.
    #[serde(default)]
    pub affiliation: Option<String>,
    /// Other names it goes by in the text.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A curated event in a JSON briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedEvent {
    /// A short readable label.
    pub label: String,
    /// A TIMEX3 date value ("2025-02-17", "2025-02-12/2025-02-14").
    #[serde(default)]
    pub date: Option<String>,
    /// Where it happened.
    #[serde(default)]
    pub place: Option<String>,
    /// What kind of event it is ("meeting", "talks"…).
    #[serde(default)]
    pub kind: Option<String>,
    /// Names (or ids) of the actors taking part.
    #[serde(default)]
    pub participants: Vec<String>,
}

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// An organisation: government body, agency, company, party, alliance, team.
    #[serde(alias = "organization")]
    Organisation,
    /// A country (and its government).
    Country,
    /// A bloc or people: "Europe", "Arab countries".
    Group,
    /// A city, region or venue.
    Place,
}

impl ActorKind {
    /// The name used in the contract and in the reader.
    pub const fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Country => "country",
            ActorKind::Group => "group",
            ActorKind::Place => "place",
        }
    }
}

/// How a mention refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// The name or part of it ("Anna Berg", "Berg", "Berg's", "US", "Moscow").
    Name,
    /// An adjective or demonym ("Russian" for Russia).
    Demonym,
    /// A role standing for the actor ("the Saudi foreign minister").
    Title,
}

/// One place in the text that refers to an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// How it refers to the actor.
    pub form: MentionForm,
}

impl Mention {
    /// Its byte span.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A person, organisation, country, group or place the article talks about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// A stable id within the article, from the name ("marco-rubio").
    pub id: String,
    /// The fullest form of its name in the text.
    pub name: String,
    /// What it is.
    pub kind: ActorKind,
    /// The role the text gives it ("US Secretary of State"), if any.
    pub role: Option<String>,
    /// The country or organisation the role belongs to, if any.
    pub affiliation: Option<String>,
    /// Every surface form seen in the text.
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimexType {
    /// A calendar date, month, year, week, season, decade, or a range of them.
    Date,
    /// A time of day.
    Time,
    /// A length of time ("three years").
    Duration,
    /// A recurrence ("every Monday").
    Set,
}

/// A time expression with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// Its TIMEX3 value ("2025-02-17", "2025-W08", "PT4.5H", "PRESENT_REF"), or `None` when it
    /// cannot be resolved (a relative expression with no reference date).
    pub value: Option<String>,
}

impl Timex {
    /// Its byte span.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Something that happened or will happen, for the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// A short readable label ("Paris meeting of European countries").
    pub label: String,
    /// What kind of event ("meeting", "talks", "conference", "visit", "call"…).
    pub kind: String,
    /// A TIMEX3 date value, or `None` when the text does not date it.
    pub date: Option<String>,
    /// Where it happened, if the text says.
    pub place: Option<String>,
    /// Ids of the actors taking part.
    pub participants: Vec<String>,
    /// First byte of the text it was read from.
    pub start: usize,
    /// One past the last byte of that text.
    pub end: usize,
    /// The word or words that name it ("sentenced", "talks"), inside `start`..`end`; `None` for
    /// a curated event.
    #[serde(default)]
    pub trigger: Option<Span>,
    /// Whether it took place or is planned.
    #[serde(default)]
    pub status: EventStatus,
    /// Whether it is the event the story is about (its headline or lead): at most one per
    /// article.
    #[serde(default)]
    pub main: bool,
}

impl Event {
    /// The span of the text it was read from.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Whether an event took place or is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// Reported as having taken place (or taking place).
    #[default]
    Happened,
    /// Scheduled, announced or expected: "will meet", "the vote is due on Wednesday".
    Planned,
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The id of the actor who said it, when known.
    pub speaker: Option<String>,
    /// First byte of the quoted text (inside the quotation marks).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// The date relative expressions are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The date.
    pub date: Date,
    /// Where it came from.
    pub origin: DateOrigin,
}

impl Reference {
    /// Whether it only approximates the writing date (a print-edition date).
    pub const fn is_approximate(&self) -> bool {
        self.origin.is_approximate()
    }
}

/// Everything the analysis finds in one article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// The reference date used, if any.
    pub reference: Option<Reference>,
    /// Actors, most salient first.
    pub actors: Vec<Actor>,
    /// Time expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Events, by date; undated ones last, in text order.
    pub events: Vec<Event>,
    /// Quotations, in text order.
    pub quotes: Vec<Quote>,
    /// The sentences of the text as byte spans, in text order: the reader's filter and event
    /// margin use them, so it need not split the text again. Not part of the JSON contract
    /// (`contract::ArticleOutput` leaves it out); the analysis cache keeps it.
    #[serde(default)]
    pub sentences: Vec<Span>,
}

impl Analysis {
    /// Checks every span (mentions, time expressions, events, quotes) against `text` with
    /// [`Span::fits`]; the first that does not fit is the error. The fuzz target, the hostile
    /// input tests and the reader use this one check.
    pub fn check_spans(&self, text: &str) -> Result<(), String> {
        let spans = self
            .actors
            .iter()
            .flat_map(|a| a.mentions.iter().map(|m| ("mention", m.span())))
            .chain(self.timexes.iter().map(|t| ("timex", t.span())))
            .chain(self.events.iter().map(|e| ("event", e.span())))
            .chain(
                self.events
                    .iter()
                    .filter_map(|e| e.trigger.map(|t| ("event trigger", t))),
            )
            .chain(
                self.quotes
                    .iter()
                    .map(|q| ("quote", Span::new(q.start, q.end))),
            );
        for (what, s) in spans {
            if !s.fits(text) {
                return Err(format!(
                    "{what} {}..{} does not fit a text of {} bytes (empty, past the end or off a char boundary)",
                    s.start,
                    s.end,
                    text.len()
                ));
            }
        }
        Ok(())
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }
}
