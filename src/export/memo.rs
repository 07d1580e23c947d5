//! The Markdown memo: one page to read before a meeting.

use std::fmt::Write;

use super::{Input, one_line, source_name};
use crate::model::ActorKind;

/// How many actors the memo lists.
const ACTORS: usize = 10;
/// How many timeline lines.
const EVENTS: usize = 20;
/// How many quotes, and from one speaker.
const QUOTES: usize = 8;
const QUOTES_EACH: usize = 2;
/// Quotes shorter than this are phrases, not statements; longer ones are cut.
const QUOTE_MIN: usize = 30;
const QUOTE_MAX: usize = 300;

/// Text from an article, safe inside a Markdown line that it does not start: one line (no
/// heading or list can begin), and the punctuation of emphasis, code, links, HTML, tables and
/// strike-through escaped with a backslash.
pub fn escape(s: &str) -> String {
    let line = one_line(s);
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The memo: the story in one line, key actors with roles, the dated timeline with the sources
/// of each event, notable quotes with their speakers, the sources.
pub fn markdown(input: &Input<'_>) -> String {
    let b = input.briefing;
    let n = input.articles.len();
    let index = b.actor_index(n);
    let mut out = String::new();
    let _ = writeln!(out, "# Briefing: {}\n", escape(&input.story()));
    let people: Vec<String> = b
        .actors
        .iter()
        .filter(|a| matches!(a.kind, ActorKind::Person))
        .take(3)
        .map(|a| escape(&a.name))
        .collect();
    let _ = write!(
        out,
        "{n} article{}, {} actor{}, {} event{}",
        plural(n),
        b.actors.len(),
        plural(b.actors.len()),
        b.events.len(),
        plural(b.events.len())
    );
    if !people.is_empty() {
        let _ = write!(out, "; people: {}", people.join(", "));
    }
    out.push_str(".\n\n## Key actors\n\n");
    if b.actors.is_empty() {
        out.push_str("None found.\n");
    }
    for a in b.actors.iter().take(ACTORS) {
        let _ = write!(out, "- **{}**", escape(&a.name));
        if let Some(role) = &a.role {
            let _ = write!(out, ", {}", escape(role));
        }
        let k = a.articles();
        let _ = writeln!(
            out,
            " ({}; in {k} of {n} article{})",
            a.kind.as_str(),
            plural(n)
        );
    }
    out.push_str("\n## Timeline\n\n");
    let dated: Vec<_> = b.events.iter().filter(|e| e.date.is_some()).collect();
    if dated.is_empty() {
        out.push_str("No dated event.\n");
    }
    for e in dated.iter().take(EVENTS) {
        let _ = write!(
            out,
            "- **{}** {}",
            escape(e.date.as_deref().unwrap_or("")),
            escape(&e.label)
        );
        if let Some(p) = &e.place {
            let _ = write!(out, ", {}", escape(p));
        }
        if e.status == crate::briefing::Status::Planned {
            out.push_str(" (planned)");
        }
        let sources: Vec<String> = input.sources(e).iter().map(|s| escape(s)).collect();
        let _ = write!(out, ". Sources: {}", sources.join("; "));
        for c in &e.conflicts {
            let _ = write!(out, ". Disagreement: {}", escape(c));
        }
        out.push('\n');
    }
    if dated.len() > EVENTS {
        let _ = writeln!(out, "- … and {} more", dated.len() - EVENTS);
    }
    let undated = b.events.len() - dated.len();
    if undated > 0 {
        let _ = writeln!(
            out,
            "\n{undated} undated event{} not shown.",
            plural(undated)
        );
    }
    out.push_str("\n## Notable quotes\n\n");
    let quotes = notable_quotes(input, &index);
    if quotes.is_empty() {
        out.push_str("No attributed quote.\n");
    }
    for q in quotes {
        let _ = writeln!(out, "> “{}”  \n> — {}\n", escape(&q.text), q.by);
    }
    out.push_str("## Sources\n\n");
    for (i, a) in input.articles.iter().enumerate() {
        let _ = write!(out, "{}. {}", i + 1, escape(&source_name(a)));
        if let Some(d) = input
            .analyses
            .get(i)
            .and_then(|x| x.reference)
            .map(|r| r.date)
        {
            let _ = write!(out, ", {d}");
        }
        out.push('\n');
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A quote for the memo.
struct Notable {
    text: String,
    /// "**Speaker**, role · *Source*", escaped.
    by: String,
}

/// Attributed quotes across articles: those of the most present speakers first, a few each,
/// statements rather than phrases, each once (the same words in two articles are one quote).
fn notable_quotes(
    input: &Input<'_>,
    index: &[std::collections::HashMap<&str, usize>],
) -> Vec<Notable> {
    // (speaker's briefing index, article, quote text)
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    for (i, (article, analysis)) in input.articles.iter().zip(input.analyses).enumerate() {
        for q in &analysis.quotes {
            let Some(k) = q
                .speaker
                .as_deref()
                .and_then(|s| index.get(i).and_then(|m| m.get(s)))
            else {
                continue;
            };
            let text = one_line(article.text.get(q.start..q.end).unwrap_or(""));
            let len = text.chars().count();
            if len < QUOTE_MIN || found.iter().any(|f| f.2 == text) {
                continue;
            }
            let text = if len > QUOTE_MAX {
                let cut: String = text.chars().take(QUOTE_MAX).collect();
                format!("{}…", cut.trim_end())
            } else {
                text
            };
            found.push((*k, i, text));
        }
    }
    found.sort_by_key(|f| f.0);
    let mut out = Vec::new();
    let mut per: Vec<(usize, usize)> = Vec::new();
    for (k, i, text) in found {
        let n = match per.iter_mut().find(|p| p.0 == k) {
            Some(p) => {
                p.1 += 1;
                p.1
            }
            None => {
                per.push((k, 1));
                1
            }
        };
        if n > QUOTES_EACH {
            continue;
        }
        let Some(a) = input.briefing.actors.get(k) else {
            continue;
        };
        let mut by = format!("**{}**", escape(&a.name));
        if let Some(role) = &a.role {
            let _ = write!(by, ", {}", escape(role));
        }
        if let Some(article) = input.articles.get(i) {
            let _ = write!(by, " · *{}*", escape(&source_name(article)));
        }
        out.push(Notable { text, by });
        if out.len() == QUOTES {
            break;
        }
    }
    out
}
