//! One drawing function per panel; each reads the [`App`] and changes nothing. Every string that
//! came from an article (text, title, source, names, labels) goes through [`crate::safe`] first.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Tabs, Widget, Wrap,
};

use super::action::Action;
use super::app::{ActorRow, App, Panel};
use super::layout::{self, Mode};
use super::text::{self, Mark};
use crate::safe;

fn clean(s: &str) -> Cow<'_, str> {
    safe::sanitize(s)
}

/// Draws the whole screen.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let plan = app.plan();
    if plan.mode() == Mode::TooSmall {
        Paragraph::new(layout::too_small_message())
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    header(app, plan.header, buf);
    if let Some(r) = plan.tabs {
        tabs(app, r, buf);
    }
    if let Some(r) = plan.library {
        library(app, r, buf);
    }
    if let Some(r) = plan.body {
        body(
            app,
            r,
            plan.gutter,
            plan.text,
            plan.mode() == Mode::Reading,
            buf,
        );
    }
    let (a, t) = match (plan.actors, plan.timeline) {
        (Some(a), Some(t)) if a.x == t.x && a.bottom() == t.y => {
            let (a, t) = side_split(app, a.union(t));
            (Some(a), Some(t))
        }
        other => other,
    };
    if let Some(r) = a {
        actors(app, r, buf);
    }
    if let Some(r) = t {
        timeline(app, r, buf);
    }
    status(app, plan.status, buf);
    if app.help.is_some() {
        help(app, area, buf);
    }
}

/// Shares the side column between actors and timeline by what each has to show.
fn side_split(app: &App, col: Rect) -> (Rect, Rect) {
    let h = col.height;
    let need = |n: usize| u16::try_from(n).unwrap_or(u16::MAX).saturating_add(2);
    let actors = need(app.prepared().map_or(0, |p| p.actor_rows.len()).max(1));
    let events = need(
        app.prepared()
            .map_or(0, |p| p.analysis.events.len() * 2)
            .max(1),
    );
    let a = if actors.saturating_add(events) <= h {
        actors + (h - actors - events) / 2
    } else if actors <= h / 2 {
        actors
    } else if events <= h / 2 {
        h - events
    } else {
        h * 55 / 100
    };
    let a = a.min(h);
    (
        Rect::new(col.x, col.y, col.width, a),
        Rect::new(col.x, col.y + a, col.width, h - a),
    )
}

fn panel_block(app: &App, panel: Panel, extra: Option<String>) -> Block<'static> {
    let focused = app.focus == panel;
    let n = Panel::ALL.iter().position(|p| *p == panel).unwrap_or(0) + 1;
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Line::styled(format!(" {n} {} ", panel.title()), style));
    if let Some(extra) = extra {
        block = block.title_top(Line::styled(format!(" {extra} "), app.theme.dim).right_aligned());
    }
    block
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
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
    let mut used = text::str_width(&title) + 1;
    for extra in [date, source.map(Cow::into_owned)].into_iter().flatten() {
        let cost = text::str_width(&extra) + 5;
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

fn tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let full = |sep: &str| -> (Vec<String>, &'static str, usize) {
        let t: Vec<String> = Panel::ALL
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{} {}", i + 1, p.title()))
            .collect();
        let w = t.iter().map(|s| text::str_width(s)).sum::<usize>() + 3 * sep.chars().count();
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

fn mark_style(app: &App, marks: &[Mark]) -> Style {
    let t = &app.theme;
    marks.iter().fold(Style::new(), |s, m| {
        s.patch(match m {
            Mark::Kind(k) => t.kind(*k),
            Mark::Date => t.date,
            Mark::Quote => t.quote,
            Mark::Mention => t.mention,
            Mark::MentionCurrent => t.mention_current,
            Mark::Search => t.search,
            Mark::SearchCurrent => t.search_current,
        })
    })
}

fn body(app: &App, area: Rect, gutter: Rect, text_area: Rect, reading: bool, buf: &mut Buffer) {
    if !reading {
        let pct = format!("{}%", app.percent());
        let title = match (app.filter, app.selected_actor()) {
            (true, Some(a)) => format!("only {} · {pct}", clean(&a.name)),
            _ => pct,
        };
        panel_block(app, Panel::Body, Some(title)).render(area, buf);
    }
    let Some(article) = app.article() else {
        return;
    };
    if text_area.is_empty() {
        return;
    }
    let lines = &app.wrapped.lines;
    let marks = app.marks();
    let spot = app.current_spot();
    let sentence = app.event_sentence();
    let top = app.top_line();
    let src = article.text.as_str();
    if lines.is_empty() {
        let msg = if app.filter {
            "(no sentence mentions this actor)"
        } else {
            "(empty article)"
        };
        Paragraph::new(Span::styled(msg, app.theme.dim)).render(text_area, buf);
        return;
    }
    for (row, line) in lines
        .iter()
        .skip(top)
        .take(usize::from(text_area.height))
        .enumerate()
    {
        let y = text_area.y + row as u16;
        let span = crate::model::Span::new(line.start, line.end.max(line.start + 1));
        let on =
            |s: Option<crate::model::Span>| !line.blank && s.is_some_and(|s| s.overlaps(&span));
        if gutter.width > 0 {
            if on(spot) {
                buf.set_string(gutter.x, y, "▶", app.theme.current_mark);
            } else if on(sentence) {
                buf.set_string(gutter.x, y, "┃", app.theme.event_mark);
            }
        }
        let spans: Vec<Span> = text::pieces(*line, &marks)
            .into_iter()
            .map(|(s, m)| Span::styled(clean(s.of(src)).into_owned(), mark_style(app, &m)))
            .collect();
        Line::from(spans).render(Rect::new(text_area.x, y, text_area.width, 1), buf);
    }
}

fn library(app: &App, area: Rect, buf: &mut Buffer) {
    let n = app.articles.len();
    let block = panel_block(app, Panel::Library, Some(format!("{n}")));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    // Only the rows that can show are built (a library may hold thousands): the window ends
    // with the cursor when it is past the first screenful, as the list would scroll to it.
    let fit = usize::from(inner.height / 2).max(1);
    let first = (app.library_cursor + 1).saturating_sub(fit);
    let items: Vec<ListItem> = app
        .articles
        .iter()
        .enumerate()
        .skip(first)
        .take(fit + 1)
        .map(|(i, a)| {
            let open = i == app.current;
            let mark = if open { "▸ " } else { "  " };
            let title_style = if open { app.theme.title } else { Style::new() };
            let title = truncate(&clean(&a.title), w.saturating_sub(2));
            let read = match app.read_state(i) {
                None => "new".to_string(),
                Some(p) if p >= 100 => "read".to_string(),
                Some(p) => format!("{p}%"),
            };
            let mut meta = Vec::new();
            if let Some(s) = &a.source {
                meta.push(clean(s).into_owned());
            }
            if let Some(d) = a.published {
                meta.push(d.strftime("%-d %b %Y").to_string());
            }
            meta.push(read);
            let meta = truncate(&meta.join(" · "), w.saturating_sub(2));
            ListItem::new(vec![
                Line::from(vec![Span::raw(mark), Span::styled(title, title_style)]),
                Line::from(vec![Span::raw("  "), Span::styled(meta, app.theme.dim)]),
            ])
        })
        .collect();
    let cursor = app.library_cursor - first;
    list(app, Panel::Library, items, cursor, inner, buf);
}

fn list(
    app: &App,
    panel: Panel,
    items: Vec<ListItem>,
    cursor: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let focused = app.focus == panel;
    let mut state = ListState::default().with_selected(Some(cursor));
    let l = List::new(items).highlight_style(if focused {
        app.theme.cursor
    } else {
        Style::new()
    });
    StatefulWidget::render(l, area, buf, &mut state);
}

fn kind_heading(kind: crate::model::ActorKind) -> &'static str {
    use crate::model::ActorKind::*;
    match kind {
        Person => "People",
        Organisation => "Organisations",
        Country | Group => "Countries and groups",
        Place => "Places",
    }
}

fn actors(app: &App, area: Rect, buf: &mut Buffer) {
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
                let left = text::str_width(&name_t);
                let role_t = if role.is_empty() || left + 3 > room {
                    String::new()
                } else {
                    truncate(&format!(" · {role}"), room - left)
                };
                let pad = room.saturating_sub(left + text::str_width(&role_t));
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

/// A TIMEX3 value in a short readable form, and whether it is only approximate.
/// The year is left out when it is `year` (the article's).
pub fn format_date(value: &str, year: Option<i16>) -> (String, bool) {
    use jiff::civil::Date;
    let day = |s: &str| s.parse::<Date>().ok();
    let full = |d: Date| {
        if Some(d.year()) == year {
            d.strftime("%-d %b").to_string()
        } else {
            d.strftime("%-d %b %Y").to_string()
        }
    };
    if let Some(d) = day(value) {
        return (full(d), false);
    }
    if let Some((a, b)) = value.split_once('/')
        && let (Some(a), Some(b)) = (day(a), day(b))
    {
        let s = if a.year() == b.year() && a.month() == b.month() {
            format!("{}–{}", a.day(), full(b))
        } else {
            format!("{}–{}", a.strftime("%-d %b"), full(b))
        };
        return (s, false);
    }
    if let Some((y, w)) = value.split_once("-W")
        && let (Ok(y), Ok(w)) = (y.parse::<i16>(), w.parse::<i8>())
        && let Ok(week) = jiff::civil::ISOWeekDate::new(y, w, jiff::civil::Weekday::Monday)
    {
        return (format!("wk {}", full(week.date())), true);
    }
    if let Some((y, m)) = value.split_once('-')
        && y.len() == 4
        && let Ok(m) = m.parse::<i8>()
        && let Ok(d) = Date::new(y.parse().unwrap_or(0), m, 1)
    {
        return (d.strftime("%b %Y").to_string(), true);
    }
    (value.to_string(), true)
}

fn timeline(app: &App, area: Rect, buf: &mut Buffer) {
    let events = app
        .prepared()
        .map(|p| p.analysis.events.as_slice())
        .unwrap_or(&[]);
    let reference = app.prepared().and_then(|p| p.analysis.reference);
    let approx_ref = reference.is_some_and(|r| r.is_approximate());
    let year = reference.map(|r| r.date.year());
    let block = panel_block(app, Panel::Timeline, Some(events.len().to_string()));
    let inner = block.inner(area);
    block.render(area, buf);
    if events.is_empty() {
        Paragraph::new(Span::styled("no events found", app.theme.dim)).render(inner, buf);
        return;
    }
    let w = usize::from(inner.width);
    let rows: Vec<(String, bool)> = events
        .iter()
        .map(|e| {
            e.date
                .as_deref()
                .map_or((String::from("undated"), false), |d| format_date(d, year))
        })
        .collect();
    let col = rows
        .iter()
        .map(|(d, _)| text::str_width(d))
        .max()
        .unwrap_or(0)
        .min(w / 2)
        + 2;
    let room = w.saturating_sub(col + 1).max(1);
    let items: Vec<ListItem> = events
        .iter()
        .zip(rows)
        .enumerate()
        .map(|(i, (e, (date, approx)))| {
            let approx = approx || (approx_ref && e.date.is_some());
            let mark = if app.event == Some(i) { "┃" } else { " " };
            let d = format!("{}{date}", if approx { "~" } else { " " });
            let d = truncate(&d, col);
            let pad = col.saturating_sub(text::str_width(&d));
            let mut label = clean(&e.label).into_owned();
            if let Some(place) = &e.place
                && !label.contains(place.as_str())
            {
                label = format!("{label} · {}", clean(place));
            }
            // The label on up to two lines: a timeline is read, not scanned for one word.
            let wrapped = textwrap::wrap(&label, room);
            let mut lines = Vec::new();
            for (j, part) in wrapped.iter().take(2).enumerate() {
                let part = if j == 1 && wrapped.len() > 2 {
                    truncate(&format!("{part} …"), room)
                } else {
                    truncate(part, room)
                };
                let lead = if j == 0 {
                    vec![
                        Span::styled(mark, app.theme.event_mark),
                        Span::styled(d.clone(), app.theme.date),
                        Span::raw(" ".repeat(pad)),
                    ]
                } else {
                    vec![
                        Span::styled(mark, app.theme.event_mark),
                        Span::raw(" ".repeat(col)),
                    ]
                };
                let mut spans = lead;
                spans.push(Span::raw(part));
                lines.push(Line::from(spans));
            }
            ListItem::new(lines)
        })
        .collect();
    list(app, Panel::Timeline, items, app.event_cursor, inner, buf);
}

fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_style(area, t.status);
    let mut left: Vec<Span> = Vec::new();
    let panel = if app.reading {
        "Reading".to_string()
    } else {
        app.focus.title().to_string()
    };
    left.push(Span::styled(format!(" {panel} "), t.key));
    left.push(Span::raw(format!(
        " {}/{} ",
        app.current + 1,
        app.articles.len()
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
    let hints: Vec<(String, &str)> = if s.typing {
        vec![("Enter".into(), "keep"), ("Esc".into(), "cancel")]
    } else {
        Action::hints_for(app.focus, app.selected.is_some())
            .iter()
            .filter_map(|a| {
                let k = app.keymap.keys(*a).first()?;
                Some((k.to_string(), a.hint()))
            })
            .collect()
    };
    let used: usize = left.iter().map(|s| text::str_width(&s.content)).sum();
    let mut right: Vec<Span> = Vec::new();
    let mut width = 0;
    let room = usize::from(area.width).saturating_sub(used + 1);
    for (k, h) in hints {
        let piece = text::str_width(&k) + text::str_width(h) + 3;
        if width + piece > room {
            break;
        }
        width += piece;
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

/// The lines of the help screen, filtered by its query.
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
        if text::str_width(&line) <= usize::from(width) {
            out.push(Line::raw(line));
        } else {
            // Narrow: the keys on their own line, the description below.
            out.push(Line::styled(format!("  {keys}"), app.theme.title));
            out.push(Line::raw(format!("    {}", a.describe())));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled("Highlights", app.theme.heading));
    for (label, style) in app.theme.legend() {
        if keep(label) {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(label, style),
            ]));
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
    ] {
        if keep(label) {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(label, style),
            ]));
        }
    }
    out.push(Line::raw(""));
    out.push(Line::styled(
        "Search: lower-case words match any case.",
        app.theme.dim,
    ));
    out.push(Line::styled(
        "Keys can be changed in keys.json in the config folder (brief --help).",
        app.theme.dim,
    ));
    out
}

fn help(app: &App, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4).min(78);
    let h = area.height.saturating_sub(2);
    let r = Rect::new(area.x + (area.width - w) / 2, area.y + 1, w, h);
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
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .render(inner, buf);
}

/// `s` cut to `width` cells, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if text::str_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = text::char_width(c);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
