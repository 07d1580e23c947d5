//! The actor detail view (`i`, state in `app/detail.rs`): a box over the panels with the actor's
//! summary, then its quotations, events and sentences, one row each and the entry under the
//! cursor in full. Every string from the article goes through [`clean`] after its blanks and
//! line breaks are folded into single spaces.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::help::help_rect;
use super::{clean, format_date, truncate};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::detail::{Target, scroll_for};
use crate::tui::wrap;

/// The most rows the entry under the cursor takes.
pub(super) const FULL_ROWS: usize = 8;

/// `s` as one line: runs of blanks and line breaks become one space, then made safe.
pub(super) fn one_line(s: &str) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    clean(&folded).into_owned()
}

/// `text` wrapped to `width` after `indent` (and the same width of spaces on later rows).
pub(super) fn wrapped(
    out: &mut Vec<Line<'static>>,
    indent: &str,
    text: &str,
    style: Style,
    width: usize,
) {
    let room = width.saturating_sub(wrap::str_width(indent)).max(1);
    let pad = " ".repeat(wrap::str_width(indent));
    for (j, row) in textwrap::wrap(text, room).into_iter().enumerate() {
        let lead = if j == 0 {
            indent.to_string()
        } else {
            pad.clone()
        };
        out.push(Line::from(vec![
            Span::raw(lead),
            Span::styled(truncate(&row, room), style),
        ]));
    }
}

/// The view's rows at `width` cells, and the rows each entry takes (in the order of
/// [`App::detail_targets`]).
pub fn detail_lines(app: &App, width: u16) -> (Vec<Line<'static>>, Vec<Range<usize>>) {
    let w = usize::from(width).max(1);
    let t = &app.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut entries = Vec::new();
    let (Some(d), Some(p), Some(article)) = (app.detail, app.prepared(), app.article()) else {
        return (out, entries);
    };
    let Some(a) = p.analysis.actors.get(d.actor) else {
        out.push(Line::styled(
            "This actor is no longer in the analysis.",
            t.dim,
        ));
        return (out, entries);
    };
    let text = article.text.as_str();
    let targets = app.detail_targets();
    let sentences = targets
        .iter()
        .filter(|x| matches!(x, Target::Sentence(..)))
        .count();
    summary(
        &mut out,
        app,
        a,
        (d.actor + 1, p.analysis.actors.len()),
        sentences,
        w,
    );
    let year = p.analysis.reference.map(|r| r.date.year());
    let approx_ref = p.analysis.reference.is_some_and(|r| r.is_approximate());
    // The entries, one section each.
    let section = |out: &mut Vec<Line<'static>>,
                   entries: &mut Vec<Range<usize>>,
                   title: &str,
                   empty: &str,
                   items: Vec<(usize, Vec<(String, Style)>)>| {
        out.push(Line::raw(""));
        out.push(Line::styled(
            format!("{title} ({})", items.len()),
            t.heading,
        ));
        if items.is_empty() {
            out.push(Line::styled(format!("  {empty}"), t.dim));
        }
        for (j, segments) in items {
            let start = out.len();
            if j == d.cursor {
                let item: String = segments.iter().map(|(s, _)| s.as_str()).collect();
                let mut rows = Vec::new();
                wrapped(&mut rows, "▸ ", &item, t.cursor, w);
                let cut = rows.len() > FULL_ROWS;
                rows.truncate(FULL_ROWS);
                if cut && let Some(last) = rows.last_mut() {
                    last.spans.push(Span::styled("…", t.cursor));
                }
                out.extend(rows);
            } else {
                let mut row = one_row(&segments, w.saturating_sub(2));
                row.spans.insert(0, Span::raw("  "));
                out.push(row);
            }
            entries.push(start..out.len());
        }
    };
    let mut quotes = Vec::new();
    let mut events = Vec::new();
    let mut said = Vec::new();
    for (j, target) in targets.iter().enumerate() {
        match *target {
            Target::Quote(q) => {
                let s = p
                    .analysis
                    .quotes
                    .get(q)
                    .map(|q| crate::model::Span::new(q.start, q.end).of(text))
                    .unwrap_or("");
                quotes.push((j, vec![(format!("“{}”", one_line(s)), Style::new())]));
            }
            Target::Event(e) => {
                let label = p
                    .analysis
                    .events
                    .get(e)
                    .map(|e| event_text(e, year, approx_ref))
                    .unwrap_or_default();
                events.push((j, vec![(label, Style::new())]));
            }
            Target::Sentence(s, _) => said.push((j, sentence(text, s, a, t.kind(a.kind)))),
        }
    }
    section(
        &mut out,
        &mut entries,
        "Quotes",
        "no quotation found",
        quotes,
    );
    section(
        &mut out,
        &mut entries,
        "Events",
        "takes part in no event found",
        events,
    );
    section(
        &mut out,
        &mut entries,
        "Sentences",
        "named in no sentence",
        said,
    );
    (out, entries)
}

/// `s` with each run of blanks and line breaks as one space (kept at the ends), made safe.
fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !blank {
                out.push(' ');
            }
            blank = true;
        } else {
            out.push(c);
            blank = false;
        }
    }
    clean(&out).into_owned()
}

/// A sentence as pieces of text, the actor's mentions in it in `style` (its kind's).
fn sentence(
    text: &str,
    s: crate::model::Span,
    a: &crate::model::Actor,
    style: Style,
) -> Vec<(String, Style)> {
    let mut out = Vec::new();
    let mut at = s.start;
    for m in &a.mentions {
        let m = m.span();
        if m.start < at || m.end > s.end || !m.fits(text) {
            continue;
        }
        out.push((
            folded(crate::model::Span::new(at, m.start).of(text)),
            Style::new(),
        ));
        out.push((folded(m.of(text)), style));
        at = m.end;
    }
    out.push((
        folded(crate::model::Span::new(at, s.end).of(text)),
        Style::new(),
    ));
    out.retain(|(p, _)| !p.is_empty());
    if let Some(first) = out.first_mut() {
        first.0 = first.0.trim_start().to_string();
    }
    if let Some(last) = out.last_mut() {
        last.0 = last.0.trim_end().to_string();
    }
    out
}

/// Styled pieces on one row of `room` cells, cut with an ellipsis when longer.
pub(super) fn one_row(segments: &[(String, Style)], room: usize) -> Line<'static> {
    let full: String = segments.iter().map(|(s, _)| s.as_str()).collect();
    let cut = truncate(&full, room);
    // What is kept of the text: `truncate` keeps a prefix and adds the ellipsis.
    let kept = if cut == full {
        full.len()
    } else {
        cut.len().saturating_sub('…'.len_utf8())
    };
    let mut spans = Vec::new();
    let mut at = 0;
    for (s, style) in segments {
        if at >= kept {
            break;
        }
        let take = s.len().min(kept - at);
        spans.push(Span::styled(
            s.get(..take).unwrap_or("").to_string(),
            *style,
        ));
        at += s.len();
    }
    if cut != full {
        spans.push(Span::raw("…"));
    }
    Line::from(spans)
}

/// The summary's rows: the name, then kind, role, affiliation, other names, mentions and the
/// salience rank (`rank`: its place and the number of actors), each value wrapped after its
/// label.
fn summary(
    out: &mut Vec<Line<'static>>,
    app: &App,
    a: &crate::model::Actor,
    rank: (usize, usize),
    sentences: usize,
    w: usize,
) {
    let t = &app.theme;
    wrapped(out, "", &one_line(&a.name), t.kind(a.kind), w);
    let label = |out: &mut Vec<Line<'static>>, name: &str, value: &str| {
        let indent = format!("{name:<12}");
        wrapped(out, &indent, value, Style::new(), w);
    };
    label(out, "Kind", a.kind.as_str());
    if let Some(role) = a.role.as_deref().filter(|r| !r.trim().is_empty()) {
        label(out, "Role", &one_line(role));
    }
    if let Some(aff) = a.affiliation.as_deref().filter(|r| !r.trim().is_empty()) {
        label(out, "Affiliation", &one_line(aff));
    }
    let mut others: Vec<String> = Vec::new();
    for x in &a.aliases {
        let x = one_line(x);
        if !x.is_empty() && x != one_line(&a.name) && !others.contains(&x) {
            others.push(x);
        }
    }
    if !others.is_empty() {
        label(out, "Also named", &others.join(", "));
    }
    let n = a.mentions.len();
    label(
        out,
        "Mentions",
        &format!(
            "{n} in {sentences} sentence{}",
            if sentences == 1 { "" } else { "s" }
        ),
    );
    label(
        out,
        "Salience",
        &format!("{} of {} in this article", rank.0, rank.1),
    );
}

/// An event as one line: its date (short, `~` when approximate, as in the timeline), label and
/// place, and "(planned)" for one that has not happened yet.
fn event_text(e: &crate::model::Event, year: Option<i16>, approx_ref: bool) -> String {
    let (date, approx) = e
        .date
        .as_deref()
        .map_or((String::from("undated"), false), |v| format_date(v, year));
    let approx = approx || (approx_ref && e.date.is_some());
    let mut label = one_line(&e.label);
    if let Some(place) = &e.place
        && !label.contains(place.as_str())
    {
        label = format!("{label} · {}", one_line(place));
    }
    let planned = if e.status == crate::model::EventStatus::Planned {
        " (planned)"
    } else {
        ""
    };
    format!("{}{date} · {label}{planned}", if approx { "~" } else { "" })
}

/// The detail view's box at the app's size: the rows of each entry, all the rows, and how many
/// show at once (what the keys move and clamp by).
pub fn detail_rows(app: &App) -> (Vec<Range<usize>>, usize, usize) {
    rows_of(layout(app, app_area(app)))
}

/// A box laid out: where it goes, its rows and the rows of each entry.
pub(super) type Laid = (Rect, Vec<Line<'static>>, Vec<Range<usize>>);

/// The whole screen at the app's size.
pub(super) fn app_area(app: &App) -> Rect {
    let (w, h) = app.size;
    Rect::new(0, 0, w, h)
}

/// The rows of each entry, all the rows, and how many show at once.
pub(super) fn rows_of((r, lines, entries): Laid) -> (Vec<Range<usize>>, usize, usize) {
    (
        entries,
        lines.len(),
        usize::from(r.height.saturating_sub(2)),
    )
}

/// The box on a screen `area` (the help's, no taller than its rows need), with the rows
/// `lines_of` gives at its inner width.
pub(super) fn fit_box(
    area: Rect,
    lines_of: impl FnOnce(u16) -> (Vec<Line<'static>>, Vec<Range<usize>>),
) -> Laid {
    let mut r = help_rect(area);
    let (lines, entries) = lines_of(r.width.saturating_sub(2));
    let need = u16::try_from(lines.len().saturating_add(2)).unwrap_or(u16::MAX);
    r.height = r.height.min(need);
    (r, lines, entries)
}

fn layout(app: &App, area: Rect) -> Laid {
    fit_box(area, |w| detail_lines(app, w))
}

pub(super) fn detail(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(d) = app.detail else {
        return;
    };
    let name = app
        .prepared()
        .and_then(|p| p.analysis.actors.get(d.actor))
        .map(|a| one_line(&a.name))
        .unwrap_or_default();
    draw_box(app, buf, layout(app, area), &name, d.cursor, d.scroll);
}

/// Draws a laid-out box: `heading` and the close key in its title, the keys to move or scroll
/// at its foot, marks when rows are hidden above or below, and the rows scrolled so that the
/// entry at `cursor` is on screen whatever the size (a resize since the last key).
pub(super) fn draw_box(
    app: &App,
    buf: &mut Buffer,
    (r, lines, entries): Laid,
    heading: &str,
    cursor: usize,
    scroll: usize,
) {
    Clear.render(r, buf);
    let close = app.keymap.label(Action::Clear);
    let title = truncate(
        &format!(" {heading} · {close} close "),
        usize::from(r.width.saturating_sub(4)),
    );
    let mut block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(title, app.theme.border_focused));
    let height = usize::from(r.height.saturating_sub(2));
    if lines.len() > height || !entries.is_empty() {
        let go = app
            .keymap
            .keys(Action::Activate)
            .first()
            .map_or_else(String::new, ToString::to_string);
        let hint = if entries.is_empty() {
            " j/k scroll ".to_string()
        } else {
            format!(" j/k move · {go} go to ")
        };
        block = block.title_bottom(Line::styled(hint, app.theme.border_focused).right_aligned());
    }
    let inner = block.inner(r);
    block.render(r, buf);
    let max = lines.len().saturating_sub(height);
    let scroll = entries.get(cursor).map_or(scroll, |e| {
        scroll_for(scroll, e.clone(), height, cursor == 0)
    });
    let scroll = scroll.min(max);
    if scroll > 0 && inner.width > 0 && r.y > 0 {
        buf.set_string(
            inner.right().saturating_sub(1),
            r.y,
            "▲",
            app.theme.border_focused,
        );
    }
    if scroll < max && inner.width > 0 {
        buf.set_string(
            inner.x,
            r.bottom().saturating_sub(1),
            "▼",
            app.theme.border_focused,
        );
    }
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .render(inner, buf);
}

/// The status line's hints while the detail view is open.
pub(super) fn detail_hints(app: &App) -> Vec<(String, &'static str, bool)> {
    hints(
        app,
        &[
            (Action::Down, "move", false),
            (Action::Activate, "go to", true),
            (Action::Clear, "close", true),
        ],
    )
}

/// The first key of each action with its label, for the status line (an action with no key
/// left out).
fn hints(app: &App, list: &[(Action, &'static str, bool)]) -> Vec<(String, &'static str, bool)> {
    list.iter()
        .filter_map(|&(a, label, keep)| {
            let k = app.keymap.keys(a).first()?;
            Some((k.to_string(), label, keep))
        })
        .collect()
}

/// The status line's hints while the name cursor is on.
pub(super) fn name_hints(app: &App) -> Vec<(String, &'static str, bool)> {
    hints(
        app,
        &[
            (Action::FocusNext, "next name", false),
            (Action::Activate, "select", true),
            (Action::ActorDetail, "actor", false),
            (Action::Clear, "leave", true),
        ],
    )
}
