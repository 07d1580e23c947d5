//! `brief analyze` without `--json`: a readable summary of one article's analysis.

use std::fmt::Write;

use crate::model::{ActorKind, Analysis, Article, DateOrigin};
use crate::safe::sanitize;

/// The summary: title, source, reference date, actors with roles and mention counts, timeline.
pub fn summary(article: &Article, analysis: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", sanitize(&article.title));
    if let Some(src) = &article.source {
        let _ = writeln!(out, "  source: {}", sanitize(src));
    }
    if let Some(path) = &article.path {
        let _ = writeln!(out, "  file:   {}", sanitize(&path.display().to_string()));
    }
    match analysis.reference {
        Some(r) => {
            let how = match r.origin {
                DateOrigin::PrintEdition => " (print edition date; approximate)",
                DateOrigin::Dateline => " (from a date line in the text)",
                DateOrigin::Given => " (given with --date)",
                DateOrigin::Metadata | DateOrigin::Unknown => "",
            };
            let _ = writeln!(out, "  date:   {}{how}", r.date);
        }
        None => {
            let _ = writeln!(out, "  date:   unknown (relative dates left unresolved)");
        }
    }
    let _ = writeln!(out, "\nActors");
    if analysis.actors.is_empty() {
        let _ = writeln!(out, "  (none found)");
    }
    for kind in [
        ActorKind::Person,
        ActorKind::Organisation,
        ActorKind::Country,
        ActorKind::Group,
        ActorKind::Place,
    ] {
        let of_kind: Vec<_> = analysis.actors.iter().filter(|a| a.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {}", kind.as_str());
        for a in of_kind {
            let mut line = format!("    {}", sanitize(&a.name));
            match (&a.role, &a.affiliation) {
                (Some(role), Some(aff)) => {
                    let _ = write!(line, ", {} ({})", sanitize(role), sanitize(aff));
                }
                (Some(role), None) => {
                    let _ = write!(line, ", {}", sanitize(role));
                }
                (None, Some(aff)) => {
                    let _ = write!(line, " ({})", sanitize(aff));
                }
                (None, None) => {}
            }
            let n = a.mentions.len();
            let _ = writeln!(out, "{line}  ×{n}");
        }
    }
    let _ = writeln!(out, "\nTimeline");
    if analysis.events.is_empty() {
        let _ = writeln!(out, "  (no events found)");
    }
    for e in &analysis.events {
        let date = e.date.as_deref().unwrap_or("undated");
        let mut line = format!("  {date:<23} {}", sanitize(&e.label));
        if let Some(place) = &e.place {
            let _ = write!(line, ", {}", sanitize(place));
        }
        if !e.participants.is_empty() {
            let names: Vec<String> = e
                .participants
                .iter()
                .map(|id| analysis.actor(id).map_or(id.as_str(), |a| a.name.as_str()))
                .map(|n| sanitize(n).into_owned())
                .collect();
            let _ = write!(line, "  [{}]", names.join(", "));
        }
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
    out
}
