//! The status line: the panel, the article's number, the selection, the search, a notice, and key hints as far as they fit.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{clean, truncate};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::wrap;

pub(super) fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_style(area, t.status);
    let mut left: Vec<Span> = Vec::new();
    let panel = if app.detail.is_some() {
        "Actor".to_string()
    } else if app.reading {
        "Reading".to_string()
    } else {
        app.focus.title().to_string()
    };
    left.push(Span::styled(format!(" {panel} "), t.key));
    left.push(Span::raw(format!(
        " {}/{} ",
        app.current + 1,
        app.shelf.articles.len()
    )));
    if app.analysis_pending() {
        left.push(Span::styled("· analysing… ", t.dim));
    }
    if let (Some(a), Some((_, k))) = (app.selected_actor(), app.selected) {
        let n = a.mentions.len();
        let name = truncate(&clean(&a.name), 24);
        if n == 0 {
            left.push(Span::raw(format!("· {name} no mention ")));
        } else {
            left.push(Span::raw(format!("· {name} mention {}/{n} ", k + 1)));
        }
        if app.filter {
            left.push(Span::raw("· filtered "));
        }
    }
    if let Some(f) = app.line_filter_status() {
        left.push(Span::raw(f));
    }
    if let Some(a) = app
        .name_actor()
        .and_then(|i| app.prepared()?.analysis.actors.get(i))
    {
        left.push(Span::raw(format!("· › {} ", truncate(&clean(&a.name), 24))));
    }
    let s = &app.search;
    if s.typing {
        left.push(Span::raw(format!("· /{}▏ ", clean(&s.query))));
        left.push(Span::raw(format!("{} found ", s.matches.len())));
    } else if !s.query.is_empty() {
        let at = s.current.map_or(0, |c| c + 1);
        left.push(Span::raw(format!(
            "· /{} {at}/{} ",
            clean(&s.query),
            s.matches.len()
        )));
    }
    if let Some(n) = &app.notice {
        left.push(Span::styled(format!(" {} ", clean(n)), t.notice));
    }
    // (key, label, kept longest): help and quit are the last hints to go.
    let hints: Vec<(String, &str, bool)> = if s.typing || app.linefilter.typing {
        vec![
            ("Enter".into(), "keep", true),
            ("Esc".into(), "cancel", true),
        ]
    } else if app.detail.is_some() {
        super::detail::detail_hints(app)
    } else if app.name_cursor.is_some() {
        super::detail::name_hints(app)
    } else {
        app.scope_hints()
            .unwrap_or_else(|| Action::hints_for(app.focus, app.selected.is_some()))
            .iter()
            .filter_map(|a| {
                let k = app.keymap.keys(*a).first()?;
                Some((
                    k.to_string(),
                    a.hint(),
                    matches!(a, Action::Help | Action::Quit),
                ))
            })
            .collect()
    };
    render_line(app, left, &hints, area, buf);
}

/// A status line: `left` from the left edge, then as many `hints` (key, label, kept longest)
/// as fit at the right edge: the kept ones first, then the others in their order; shown in
/// the order of the list. The reader's status line and the library view's share it.
pub(super) fn render_line(
    app: &App,
    left: Vec<Span>,
    hints: &[(String, &str, bool)],
    area: Rect,
    buf: &mut Buffer,
) {
    let t = &app.theme;
    let used: usize = left.iter().map(|s| wrap::str_width(&s.content)).sum();
    let room = usize::from(area.width).saturating_sub(used + 1);
    let piece = |(k, h, _): &(String, &str, bool)| wrap::str_width(k) + wrap::str_width(h) + 3;
    let mut shown = vec![false; hints.len()];
    let mut width = 0;
    for pass in [true, false] {
        for (i, hint) in hints.iter().enumerate() {
            if hint.2 != pass {
                continue;
            }
            if width + piece(hint) > room {
                break;
            }
            width += piece(hint);
            shown[i] = true;
        }
    }
    let mut right: Vec<Span> = Vec::new();
    for ((k, h, _), _) in hints.iter().zip(&shown).filter(|(_, s)| **s) {
        right.push(Span::styled(
            format!(" {k}"),
            t.key.remove_modifier(Modifier::REVERSED),
        ));
        right.push(Span::raw(format!(" {h} ")));
    }
    Line::from(left).render(area, buf);
    if !right.is_empty() {
        let x = area.right().saturating_sub(width as u16);
        Line::from(right)
            .alignment(Alignment::Right)
            .render(Rect::new(x, area.y, width as u16, 1), buf);
    }
}
