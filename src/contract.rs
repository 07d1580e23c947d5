//! The `brief analyze --json` output (`CONTRACT.md`): one JSON document for all articles.

use serde::Serialize;

use crate::model::{Actor, Analysis, Article, DateOrigin, Event, Quote, Timex};

/// The version of the output format.
pub const VERSION: u32 = 1;

/// The whole document.
#[derive(Debug, Serialize)]
pub struct Output<'a> {
    /// Always [`VERSION`].
    pub version: u32,
    /// One entry per article, in input order.
    pub articles: Vec<ArticleOutput<'a>>,
}

/// One article and its analysis.
#[derive(Debug, Serialize)]
pub struct ArticleOutput<'a> {
    /// The file it came from, as given; `null` for standard input and the bundled sample.
    pub path: Option<String>,
    /// Its title.
    pub title: &'a str,
    /// Its source, if known.
    pub source: Option<&'a str>,
    /// The reference date used (`YYYY-MM-DD`), if any.
    pub published: Option<String>,
    /// Where the reference date came from (`given`, `metadata`, `dateline`, `print_edition`,
    /// `unknown`). Not read by the scorer; tells a reader how far to trust `published`.
    pub published_origin: DateOrigin,
    /// Whether `published` only approximates the writing date (a print-edition date).
    pub published_approximate: bool,
    /// The analysed text, exactly as loaded.
    pub text: &'a str,
    /// Actors, most salient first.
    pub actors: &'a [Actor],
    /// Time expressions, in text order.
    pub timexes: &'a [Timex],
    /// Events, chronological; undated last.
    pub events: &'a [Event],
    /// Quotations.
    pub quotes: &'a [Quote],
}

impl<'a> ArticleOutput<'a> {
    /// The output entry for an article and its analysis.
    pub fn new(article: &'a Article, analysis: &'a Analysis) -> Self {
        Self {
            path: article.path.as_ref().map(|p| p.display().to_string()),
            title: &article.title,
            source: article.source.as_deref(),
            published: analysis.reference.map(|r| r.date.to_string()),
            published_origin: analysis.reference.map_or(DateOrigin::Unknown, |r| r.origin),
            published_approximate: analysis.reference.is_some_and(|r| r.is_approximate()),
            text: &article.text,
            actors: &analysis.actors,
            timexes: &analysis.timexes,
            events: &analysis.events,
            quotes: &analysis.quotes,
        }
    }
}

/// Serialises the output for the given articles and analyses (pairs in input order).
pub fn to_json(pairs: &[(&Article, &Analysis)]) -> String {
    let out = Output {
        version: VERSION,
        articles: pairs
            .iter()
            .map(|(a, an)| ArticleOutput::new(a, an))
            .collect(),
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| String::from("{}"))
}
