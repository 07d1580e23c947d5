//! The header line (title, date, source) and the tab strip of the narrow layouts.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs, Widget};

use super::{clean, truncate};
use crate::tui::app::App;
use crate::tui::layout::Panel;
use crate::tui::wrap;

pub(super) fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(a) = app.article() else {
        return;
    };
    let t = &app.theme;
    let reference = app.prepared().and_then(|p| p.analysis.reference);
    let date = reference
        .map(|r| (r.date, r.is_approximate()))
        .or_else(|| a.published.map(|d| (d, a.date_origin.is_approximate())));
    let date = date.map(|(d, approx)| {
        let when = d.strftime("%-d %b %Y").to_string();
        if approx {
            format!("print edition date {when}")
        } else {
            when
        }
    });
    let source = a.source.as_deref().map(clean);
    // The title first; the date, then the source, as far as they fit.
    let w = usize::from(area.width);
    let title = clean(&a.title);
    let mut extras: Vec<String> = Vec::new();
    let mut used = wrap::str_width(&title) + 1;
    for extra in [date, source.map(Cow::into_owned)].into_iter().flatten() {
        let cost = wrap::str_width(&extra) + 5;
        if used + cost <= w {
            used += cost;
            extras.push(extra);
        }
    }
    let mut spans = vec![Span::styled(
        format!(" {}", truncate(&title, w.saturating_sub(1))),
        t.title,
    )];
    // Source before date on screen, whichever of them made it.
    extras.reverse();
    for e in extras {
        spans.push(Span::styled(format!("  ·  {e}"), t.dim));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

pub(super) fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let full = |sep: &str| -> (Vec<String>, &'static str, usize) {
        let t: Vec<String> = Panel::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{} {}", i + 1, p.title()))
            .collect();
        let w = t.iter().map(|s| wrap::str_width(s)).sum::<usize>() + 3 * sep.chars().count();
        (t, if sep == " │ " { " │ " } else { "│" }, w)
    };
    let w = usize::from(area.width);
    let (titles, divider) = match (full(" │ "), full("│")) {
        ((t, d, n), _) if n <= w => (t, d),
        (_, (t, d, n)) if n <= w => (t, d),
        _ => (
            ["1 Lib", "2 Text", "3 Act", "4 Time"]
                .map(String::from)
                .to_vec(),
            "│",
        ),
    };
    let selected = Panel::ALL.iter().position(|p| *p == app.focus);
    Tabs::new(titles)
        .select(selected)
        .highlight_style(app.theme.tab_active.add_modifier(Modifier::REVERSED))
        .style(app.theme.dim)
        .divider(divider)
        .padding("", "")
        .render(area, buf);
}
