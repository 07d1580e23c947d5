//! The library panel: the articles, two rows each (title; source, date and how far read).
//! Articles fetched since the library was last listed are marked `•` and `new`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Widget};

use super::{clean, list, panel_block, truncate};
use crate::tui::app::App;
use crate::tui::layout::Panel;

pub(super) fn library(app: &App, area: Rect, buf: &mut Buffer) {
    let n = app.shelf.articles.len();
    let fresh = app.new_count();
    let count = if fresh > 0 {
        format!("{fresh} new · {n}")
    } else {
        format!("{n}")
    };
    let block = panel_block(app, Panel::Library, Some(count));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    // Only the rows that can show are built (a library may hold thousands): the window ends
    // with the cursor when it is past the first screenful, as the list would scroll to it.
    let fit = usize::from(inner.height / 2).max(1);
    let first = (app.library_cursor + 1).saturating_sub(fit);
    let items: Vec<ListItem> = app
        .shelf
        .articles
        .iter()
        .enumerate()
        .skip(first)
        .take(fit + 1)
        .map(|(i, a)| {
            let open = i == app.current;
            let new = app.is_new(i);
            let mark = if open {
                "▸ "
            } else if new {
                "• "
            } else {
                "  "
            };
            let title_style = if open || new {
                app.theme.title
            } else {
                Style::new()
            };
            let title = truncate(&clean(&a.title), w.saturating_sub(2));
            let read = match app.read_state(i) {
                None => "unread".to_string(),
                Some(p) if p >= 100 => "read".to_string(),
                Some(p) => format!("{p}%"),
            };
            let mut meta = Vec::new();
            // First, so that it shows in a narrow column.
            if new {
                meta.push("new".to_string());
            }
            if let Some(s) = &a.source {
                meta.push(clean(s).into_owned());
            }
            if let Some(d) = a.published {
                meta.push(d.strftime("%-d %b %Y").to_string());
            }
            if !new {
                meta.push(read);
            }
            let meta = truncate(&meta.join(" · "), w.saturating_sub(2));
            ListItem::new(vec![
                Line::from(vec![Span::raw(mark), Span::styled(title, title_style)]),
                Line::from(vec![Span::raw("  "), Span::styled(meta, app.theme.dim)]),
            ])
        })
        .collect();
    let cursor = app.library_cursor - first;
    let more = (first > 0, first + fit + 1 < n);
    list(app, Panel::Library, items, cursor, inner, more, buf);
}
