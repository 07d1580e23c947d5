//! The help screen: the keys from the key map, the highlights, filtered by a query.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::clean;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::wrap;

/// `text` wrapped to `width` cells in `style`, each row after `indent` (a narrow help must
/// scroll by the rows it shows, so it is wrapped here and not by the paragraph).
fn push_wrapped(out: &mut Vec<Line<'static>>, indent: &str, text: &str, style: Style, width: u16) {
    let room = usize::from(width)
        .saturating_sub(wrap::str_width(indent))
        .max(1);
    for row in textwrap::wrap(text, room) {
        out.push(Line::from(vec![
            Span::raw(indent.to_string()),
            Span::styled(row.into_owned(), style),
        ]));
    }
}

/// `items` on rows after `indent`, each made of pieces in their styles, two spaces apart, as
/// many to a row as fit `width` (an item wider than a row gets one of its own, cut by the box).
fn push_items(out: &mut Vec<Line<'static>>, indent: &str, items: &[&[(&str, Style)]], width: u16) {
    let width = usize::from(width);
    let mut row: Vec<Span<'static>> = vec![Span::raw(indent.to_string())];
    let mut used = wrap::str_width(indent);
    let mut any = false;
    for &item in items {
        let w: usize = item.iter().map(|(label, _)| wrap::str_width(label)).sum();
        if any && used + 2 + w > width {
            out.push(Line::from(std::mem::take(&mut row)));
            row.push(Span::raw(indent.to_string()));
            used = wrap::str_width(indent);
            any = false;
        }
        if any {
            row.push(Span::raw("  "));
            used += 2;
        }
        row.extend(
            item.iter()
                .map(|(label, style)| Span::styled((*label).to_string(), *style)),
        );
        used += w;
        any = true;
    }
    if any {
        out.push(Line::from(row));
    }
}

/// The lines of the help screen, filtered by its query, wrapped to `width`: one line is one
/// row on screen.
pub fn help_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let query = app
        .help
        .as_ref()
        .map(|h| h.query.to_lowercase())
        .unwrap_or_default();
    let keep = |s: &str| query.is_empty() || s.to_lowercase().contains(&query);
    let mut out = vec![Line::styled("Keys", app.theme.heading)];
    for a in Action::ALL {
        let keys = app.keymap.label(a);
        let line = format!("  {keys:<12} {}", a.describe());
        if !(keep(&line) || keep(&a.name())) {
            continue;
        }
        if wrap::str_width(&line) <= usize::from(width) {
            out.push(Line::raw(line));
        } else {
            // Narrow: the keys on their own line, the description below.
            push_wrapped(&mut out, "  ", &keys, app.theme.title, width);
            push_wrapped(&mut out, "    ", a.describe(), Style::new(), width);
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled("Highlights", app.theme.heading));
    for (label, style) in app.theme.legend() {
        if keep(label) {
            push_wrapped(&mut out, "  ", label, style, width);
        }
    }
    for (label, style) in [
        (
            "▶ in the margin: the current mention or match",
            app.theme.current_mark,
        ),
        (
            "┃ in the margin: the selected event's sentence",
            app.theme.event_mark,
        ),
        ("~ before a date: approximate", app.theme.date),
        (
            "» before a date: planned, listed after what happened",
            app.theme.date,
        ),
    ] {
        if keep(label) {
            push_wrapped(&mut out, "  ", label, style, width);
        }
    }
    // Markdown articles: each style shown in itself.
    let t = &app.theme;
    let markdown: [&[(&str, Style)]; 8] = [
        &[("Markdown:", Style::new())],
        &[("Heading", t.md_heading)],
        &[("emphasis", t.md_emphasis)],
        &[("strong", t.md_strong)],
        &[("struck", t.md_strike)],
        &[("code", t.md_code)],
        &[("quote", t.md_quote)],
        &[
            ("link", t.md_link),
            (" ", Style::new()),
            ("url", t.link_url),
        ],
    ];
    if markdown
        .iter()
        .flat_map(|i| i.iter())
        .any(|(label, _)| keep(label))
    {
        push_items(&mut out, "  ", &markdown, width);
    }
    out.push(Line::raw(""));
    push_wrapped(
        &mut out,
        "",
        &format!(
            "Actors: by kind, most salient first within each (named often, early and in the \
             headline); the number after a name is how often it is mentioned; {} orders them \
             by mentions or by name instead (the panel's title says which).",
            app.keymap.label(Action::SortActors)
        ),
        app.theme.dim,
        width,
    );
    push_wrapped(
        &mut out,
        "",
        &format!(
            "Names: {} puts a cursor on the names in the text (then Tab steps too); Enter \
             selects the actor, {} shows it in full: its quotations, events and sentences.",
            app.keymap.label(Action::NextName),
            app.keymap.label(Action::ActorDetail)
        ),
        app.theme.dim,
        width,
    );
    push_wrapped(
        &mut out,
        "",
        "Library: • and \"new\" mark articles fetched (brief fetch, brief add) since the \
         library was last listed; r lists it again from disk (the reader never uses the \
         network).",
        app.theme.dim,
        width,
    );
    push_wrapped(
        &mut out,
        "",
        "Search: lower-case words match any case.",
        app.theme.dim,
        width,
    );
    push_wrapped(
        &mut out,
        "",
        "Keys can be changed in keys.json in the config folder (brief --help).",
        app.theme.dim,
        width,
    );
    out
}

/// Where the help box goes on a screen `area`.
pub(super) fn help_rect(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(78);
    let h = area.height.saturating_sub(2);
    Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h)
}

/// The help's rows at the app's size, and how many show at once: what `j` and `G` clamp to.
pub fn help_rows(app: &App) -> (usize, usize) {
    let (w, h) = app.size;
    let r = help_rect(Rect::new(0, 0, w, h));
    let rows = help_lines(app, r.width.saturating_sub(2)).len();
    (rows, usize::from(r.height.saturating_sub(2)))
}

pub(super) fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let r = help_rect(area);
    Clear.render(r, buf);
    let Some(state) = &app.help else {
        return;
    };
    let title = if state.typing {
        format!(" Help · /{}▏ ", clean(&state.query))
    } else if !state.query.is_empty() {
        format!(" Help · /{} · Esc shows all ", clean(&state.query))
    } else {
        " Help · / search · Esc close ".to_string()
    };
    let mut block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(title, app.theme.border_focused));
    let lines = help_lines(app, r.width.saturating_sub(2));
    if lines.len() > usize::from(r.height.saturating_sub(2)) {
        block = block
            .title_bottom(Line::styled(" j/k scroll ", app.theme.border_focused).right_aligned());
    }
    let inner = block.inner(r);
    block.render(r, buf);
    let scroll = state
        .scroll
        .min(lines.len().saturating_sub(usize::from(inner.height)));
    // Already wrapped: one line is one row, so the scroll above reaches the last row.
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .render(inner, buf);
}
