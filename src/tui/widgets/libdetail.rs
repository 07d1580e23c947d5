//! A library actor in full (`i` on the actors panel in library scope; state in
//! `app/scope/actor.rs`): a box over the panels with the actor as its articles give it, then its
//! quotations, the library events it takes part in and the articles that mention it, one row
//! each and the entry under the cursor in full. Every string from an article is folded to one
//! line and made safe.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::detail::{
    FULL_ROWS, Laid, app_area, draw_box, fit_box, one_line, one_row, rows_of, wrapped,
};
use super::format_date;
use crate::tui::app::{App, LibEntry, Overlay};
use crate::tui::merged::Merged;

/// The open library detail view: (actor, cursor, scroll).
fn open(app: &App) -> Option<(usize, usize, usize)> {
    match app.scope.overlay {
        Some(Overlay::Actor {
            actor,
            cursor,
            scroll,
        }) => Some((actor, cursor, scroll)),
        _ => None,
    }
}

/// The view's rows at `width` cells, and the rows each entry takes (in the order of
/// [`App::library_detail_entries`]).
pub fn library_detail_lines(app: &App, width: u16) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let w = usize::from(width).max(1);
    let t = &app.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut ranges = Vec::new();
    let Some((k, cursor, _)) = open(app) else {
        return (out, ranges);
    };
    let Some(m) = app.merged() else {
        out.push(Line::styled("The library is being analysed.", t.dim));
        return (out, ranges);
    };
    let (Some(a), Some(d)) = (m.briefing.actors.get(k), m.details.get(k)) else {
        out.push(Line::styled(
            "This actor is no longer in the library.",
            t.dim,
        ));
        return (out, ranges);
    };
    let counts = m.mentions.get(k).map_or(&[][..], Vec::as_slice);
    summary(&mut out, app, m, k, w);
    let title = |i: usize| {
        app.shelf
            .articles
            .get(i)
            .map(|x| one_line(&x.title))
            .unwrap_or_default()
    };
    let mut quotes = Vec::new();
    let mut events = Vec::new();
    let mut articles = Vec::new();
    // An actor may be in hundreds of articles and events: only the entries that can be on
    // screen with the cursor's are written out; the others are one blank row each (the rows
    // and where each entry is are the same).
    let near = |j: usize| j.abs_diff(cursor) <= usize::from(app.size.1) + 16;
    for (j, entry) in app.library_detail_entries(k).into_iter().enumerate() {
        if !near(j) {
            let list = match entry {
                LibEntry::Quote(_) => &mut quotes,
                LibEntry::Event(_) => &mut events,
                LibEntry::Article(_) => &mut articles,
            };
            list.push((j, Vec::new()));
            continue;
        }
        match entry {
            LibEntry::Quote(q) => {
                let Some(q) = d.quotes.get(q) else {
                    quotes.push((j, Vec::new()));
                    continue;
                };
                quotes.push((
                    j,
                    vec![
                        (format!("“{}”", one_line(&q.text)), Style::new()),
                        (format!(" · {}", title(q.article)), t.dim),
                    ],
                ));
            }
            LibEntry::Event(e) => {
                let Some(e) = m.briefing.events.get(e) else {
                    events.push((j, Vec::new()));
                    continue;
                };
                let (date, approx) = e
                    .date
                    .as_deref()
                    .map_or((String::from("undated"), false), |v| format_date(v, m.year));
                let mut text = format!(
                    "{}{date} · {}",
                    if approx { "~" } else { "" },
                    one_line(&e.label)
                );
                if let Some(place) = &e.place
                    && !text.contains(place.as_str())
                {
                    text = format!("{text} · {}", one_line(place));
                }
                if e.status == crate::briefing::Status::Planned {
                    text.push_str(" (planned)");
                }
                let n = e.articles();
                events.push((
                    j,
                    vec![
                        (text, Style::new()),
                        (
                            format!(" · in {n} article{}", if n == 1 { "" } else { "s" }),
                            t.dim,
                        ),
                    ],
                ));
            }
            LibEntry::Article(member) => {
                let Some(x) = a.members.get(member) else {
                    articles.push((j, Vec::new()));
                    continue;
                };
                let c = counts.get(member).copied().unwrap_or(0);
                articles.push((
                    j,
                    vec![
                        (title(x.article), t.title),
                        (
                            format!(" · {c} mention{}", if c == 1 { "" } else { "s" }),
                            t.dim,
                        ),
                    ],
                ));
            }
        }
    }
    for (heading, empty, items) in [
        ("Quotes", "no quotation found", quotes),
        ("Events", "takes part in no event found", events),
        ("Articles", "in no article", articles),
    ] {
        out.push(Line::raw(""));
        out.push(Line::styled(
            format!("{heading} ({})", items.len()),
            t.heading,
        ));
        if items.is_empty() {
            out.push(Line::styled(format!("  {empty}"), t.dim));
        }
        for (j, segments) in items {
            let start = out.len();
            if j == cursor {
                let item: String = segments.iter().map(|(s, _)| s.as_str()).collect();
                let mut rows = Vec::new();
                wrapped(&mut rows, "▸ ", &item, t.cursor, w);
                let cut = rows.len() > FULL_ROWS;
                rows.truncate(FULL_ROWS);
                if cut && let Some(last) = rows.last_mut() {
                    last.spans.push(Span::styled("…", t.cursor));
                }
                out.extend(rows);
            } else if segments.is_empty() {
                out.push(Line::default());
            } else {
                let mut row = one_row(&segments, w.saturating_sub(2));
                row.spans.insert(0, Span::raw("  "));
                out.push(row);
            }
            ranges.push(start..out.len());
        }
    }
    (out, ranges)
}

/// The summary's rows: the name, then kind, role, affiliation, other names and mentions, each
/// value wrapped after its label.
fn summary(out: &mut Vec<Line<'static>>, app: &App, m: &Merged, k: usize, w: usize) {
    let t = &app.theme;
    let (Some(a), Some(d)) = (m.briefing.actors.get(k), m.details.get(k)) else {
        return;
    };
    let counts = m.mentions.get(k).map_or(&[][..], Vec::as_slice);
    wrapped(out, "", &one_line(&a.name), t.kind(a.kind), w);
    let label = |out: &mut Vec<Line<'static>>, name: &str, value: &str| {
        wrapped(out, &format!("{name:<12}"), value, Style::new(), w);
    };
    label(out, "Kind", a.kind.as_str());
    if let Some(role) = a.role.as_deref().filter(|r| !r.trim().is_empty()) {
        label(out, "Role", &one_line(role));
    }
    if let Some(aff) = d.affiliation.as_deref().filter(|r| !r.trim().is_empty()) {
        label(out, "Affiliation", &one_line(aff));
    }
    let mut others: Vec<String> = Vec::new();
    for x in &d.aliases {
        let x = one_line(x);
        if !x.is_empty() && x != one_line(&a.name) && !others.contains(&x) {
            others.push(x);
        }
    }
    if !others.is_empty() {
        label(out, "Also named", &others.join(", "));
    }
    let total: usize = counts.iter().sum();
    let n = a.articles();
    label(
        out,
        "Mentions",
        &format!(
            "{total} in {n} article{} of {}",
            if n == 1 { "" } else { "s" },
            m.articles.len()
        ),
    );
}

fn layout(app: &App, area: Rect) -> Laid {
    fit_box(area, |w| library_detail_lines(app, w))
}

/// The view at the app's size: the rows of each entry, all the rows, and how many show at once.
pub fn library_detail_rows(app: &App) -> (Vec<Range<usize>>, usize, usize) {
    rows_of(layout(app, app_area(app)))
}

/// Draws the view when it is open.
pub(super) fn library_detail(app: &App, area: Rect, buf: &mut Buffer) {
    let Some((k, cursor, scroll)) = open(app) else {
        return;
    };
    let name = app
        .merged()
        .and_then(|m| m.briefing.actors.get(k))
        .map(|a| one_line(&a.name))
        .unwrap_or_default();
    draw_box(
        app,
        buf,
        layout(app, area),
        &format!("{name} · all articles"),
        cursor,
        scroll,
    );
}
