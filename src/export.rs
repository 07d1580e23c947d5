//! Exports of a briefing: a Markdown memo, TimelineJS3 JSON, iCalendar (RFC 5545) and CSV
//! (RFC 4180).
//!
//! Pure: each takes the articles, their analyses and the merged [`Briefing`] and returns the
//! document as a string. Text from articles is escaped for each format: Markdown punctuation and
//! line breaks, HTML in TimelineJS text (it is rendered as HTML), iCalendar's `\`, `;`, `,` and
//! line breaks (no line of an article can start a property or a component), CSV quoting with
//! formula-looking cells (`=`, `+`, `-`, `@`) prefixed by `'`.

mod calendar;
mod memo;
mod table;
mod timeline;

use std::collections::HashMap;

use crate::briefing::{Briefing, BriefingEvent};
use crate::model::{Analysis, Article, Event};

pub use calendar::ics;
pub use memo::markdown;
pub use table::csv;
pub use timeline::{escape_html, timelinejs};

/// What an export reads: the articles, their analyses (same order) and their briefing.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The articles, in input order.
    pub articles: &'a [Article],
    /// Their analyses, in the same order.
    pub analyses: &'a [Analysis],
    /// The articles merged.
    pub briefing: &'a Briefing,
}

impl<'a> Input<'a> {
    /// The article events a briefing event merges.
    fn members(&self, e: &BriefingEvent) -> Vec<(usize, &'a Event)> {
        e.members
            .iter()
            .filter_map(|m| {
                self.analyses
                    .get(m.article)
                    .and_then(|a| a.events.get(m.event))
                    .map(|ev| (m.article, ev))
            })
            .collect()
    }

    /// The names of the briefing actors taking part in a briefing event, in briefing order.
    fn participants(&self, e: &BriefingEvent, index: &[HashMap<&str, usize>]) -> Vec<&'a str> {
        let mut ks: Vec<usize> = Vec::new();
        for (article, ev) in self.members(e) {
            for id in &ev.participants {
                if let Some(&k) = index.get(article).and_then(|m| m.get(id.as_str()))
                    && !ks.contains(&k)
                {
                    ks.push(k);
                }
            }
        }
        ks.sort_unstable();
        ks.iter()
            .filter_map(|&k| self.briefing.actors.get(k).map(|a| a.name.as_str()))
            .collect()
    }

    /// The articles reporting a briefing event, once each, as "Title (Source)".
    fn sources(&self, e: &BriefingEvent) -> Vec<String> {
        let mut seen: Vec<usize> = Vec::new();
        for m in &e.members {
            if !seen.contains(&m.article) {
                seen.push(m.article);
            }
        }
        seen.iter()
            .filter_map(|&i| self.articles.get(i))
            .map(source_name)
            .collect()
    }

    /// Whether an article takes the event for its own (its headline's or lead's: `main`).
    fn is_main(&self, e: &BriefingEvent) -> bool {
        e.members.iter().any(|m| {
            self.analyses
                .get(m.article)
                .and_then(|a| a.events.get(m.event))
                .is_some_and(|x| x.main)
        })
    }

    /// The story in one line: the event most articles report (an article's own event first),
    /// else the first title.
    fn story(&self) -> String {
        let main = self
            .briefing
            .events
            .iter()
            .enumerate()
            .max_by(|(i, a), (j, b)| {
                a.articles()
                    .cmp(&b.articles())
                    .then(self.is_main(a).cmp(&self.is_main(b)))
                    .then(a.members.len().cmp(&b.members.len()))
                    .then(j.cmp(i))
            })
            .map(|(_, e)| e);
        match main {
            Some(e) => {
                let mut line = e.label.clone();
                let at: Vec<&str> = [e.place.as_deref(), e.date.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                if !at.is_empty() {
                    line.push_str(&format!(" ({})", at.join(", ")));
                }
                line
            }
            None => self
                .articles
                .first()
                .map(|a| a.title.clone())
                .unwrap_or_default(),
        }
    }
}

/// "Title (Source)", or the title alone.
fn source_name(a: &Article) -> String {
    match a.source.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(s) => format!("{} ({s})", a.title),
        None => a.title.clone(),
    }
}

/// One line of text: every control, bidi or zero-width character and every line break as one
/// space, runs of spaces as one, trimmed.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() || crate::safe::is_unsafe(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}
