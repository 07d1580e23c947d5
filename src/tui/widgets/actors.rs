//! The actors panel: a heading per kind, then its actors with role and mention count. The
//! selected actor is shown in full: its role on lines of its own (never cut short where the
//! panel has the rows), its affiliation and the other names it goes by.

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
    // The order first, the count after it: the numbers in the list are mention counts, a
    // detail beside the order (most salient first) unless sorted by them.
    let block = panel_block(
        app,
        Panel::Actors,
        Some(format!("by {} · {count}", app.actor_sort.label())),
    );
    let inner = block.inner(area);
    block.render(area, buf);
    if p.foreign {
        Paragraph::new(Span::styled(
            crate::tui::prepared::NOT_ENGLISH,
            app.theme.dim,
        ))
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(inner, buf);
        return;
    }
    if p.actor_rows.is_empty() {
        Paragraph::new(Span::styled("no actors found", app.theme.dim)).render(inner, buf);
        return;
    }
    let w = usize::from(inner.width);
    let selected = app.selected.map(|(i, _)| i);
    let items: Vec<ListItem> = app
        .actor_rows()
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
                if selected == Some(*i) {
                    return ListItem::new(detail(app, a, &count, w));
                }
                let mark = "  ";
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
    list(
        app,
        Panel::Actors,
        items,
        app.actor_cursor,
        inner,
        (false, false),
        buf,
    );
}

/// The selected actor's rows: name and count, then role, affiliation and aliases, each
/// wrapped to the panel (the role on up to three rows, the others on one or two).
fn detail(app: &App, a: &crate::model::Actor, count: &str, w: usize) -> Vec<Line<'static>> {
    let room = w.saturating_sub(2 + count.len());
    let name = truncate(&clean(&a.name), room);
    let pad = room.saturating_sub(wrap::str_width(&name));
    let mut lines = vec![Line::from(vec![
        Span::styled("● ", app.theme.current_mark),
        Span::styled(name, app.theme.kind(a.kind)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count.to_string(), app.theme.dim),
    ])];
    let text_room = w.saturating_sub(4).max(1);
    let mut add = |text: &str, most: usize| {
        let rows = textwrap::wrap(text, text_room);
        let n = rows.len();
        for (j, row) in rows.iter().take(most).enumerate() {
            let row = if j + 1 == most && n > most {
                truncate(&format!("{row} …"), text_room)
            } else {
                truncate(row, text_room)
            };
            lines.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(row, app.theme.dim),
            ]));
        }
    };
    if let Some(role) = a.role.as_deref().filter(|r| !r.trim().is_empty()) {
        add(&clean(role), 3);
    }
    if let Some(aff) = a.affiliation.as_deref().filter(|r| !r.trim().is_empty()) {
        add(&format!("of {}", clean(aff)), 2);
    }
    let others: Vec<String> = a
        .aliases
        .iter()
        .filter(|x| **x != a.name && !x.trim().is_empty())
        .map(|x| clean(x).into_owned())
        .collect();
    if !others.is_empty() {
        add(&format!("also: {}", others.join(", ")), 2);
    }
    lines
}
