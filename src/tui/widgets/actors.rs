//! The actors panel: a heading per kind, then its actors with role and mention count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{clean, list, panel_block, truncate};
use crate::tui::app::App;
use crate::tui::layout::Panel;
use crate::tui::prepared::ActorRow;
use crate::tui::wrap;

fn kind_heading(kind: crate::model::ActorKind) -> &'static str {
    use crate::model::ActorKind::*;
    match kind {
        Person => "People",
        Organisation => "Organisations",
        Country | Group => "Countries and groups",
        Place => "Places",
    }
}

pub(super) fn actors(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.prepared() else {
        let block = panel_block(app, Panel::Actors, None);
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new(Span::styled("analysing…", app.theme.dim)).render(inner, buf);
        return;
    };
    let count = p.analysis.actors.len();
    let block = panel_block(app, Panel::Actors, Some(count.to_string()));
    let inner = block.inner(area);
    block.render(area, buf);
    if p.actor_rows.is_empty() {
        Paragraph::new(Span::styled("no actors found", app.theme.dim)).render(inner, buf);
        return;
    }
    let w = usize::from(inner.width);
    let selected = app.selected.map(|(i, _)| i);
    let items: Vec<ListItem> = p
        .actor_rows
        .iter()
        .map(|row| match row {
            ActorRow::Heading(k) => {
                ListItem::new(Line::styled(kind_heading(*k), app.theme.heading))
            }
            ActorRow::Actor(i) => {
                let Some(a) = p.analysis.actors.get(*i) else {
                    return ListItem::new("");
                };
                let count = format!(" {}", a.mentions.len());
                let mark = if selected == Some(*i) { "● " } else { "  " };
                let name = clean(&a.name);
                let role = a.role.as_deref().map(clean).unwrap_or_default();
                let room = w.saturating_sub(2 + count.len());
                let name_t = truncate(&name, room);
                let left = wrap::str_width(&name_t);
                let role_t = if role.is_empty() || left + 3 > room {
                    String::new()
                } else {
                    truncate(&format!(" · {role}"), room - left)
                };
                let pad = room.saturating_sub(left + wrap::str_width(&role_t));
                ListItem::new(Line::from(vec![
                    Span::styled(mark, app.theme.current_mark),
                    Span::styled(name_t, app.theme.kind(a.kind)),
                    Span::styled(role_t, app.theme.dim),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, app.theme.dim),
                ]))
            }
        })
        .collect();
    list(app, Panel::Actors, items, app.actor_cursor, inner, buf);
}
