//! The library scope's panels and lists (see [`crate::tui::app::Scope`]): the actors across
//! the library with the number of articles that mention each, the merged timeline with the
//! number of articles that report each event and `≠` where they disagree, the articles that
//! mention an actor, and "since last time".
//!
//! ```text
//! ┌ 3 Actors ─── all articles · 212 ┐   ┌ 4 Timeline ─────── all articles · 97 ┐
//! │● Ada Quint · minister       in 5│   │  3 Mar 2025  harbour talks ≠    in 3 │
//! │  Port Authority             in 3│   │      ≠ date: 2025-03-03 (2 articles) │
//! └─────────────────────────────────┘   │        vs 2025-03-04 (1 article)     │
//!                                       └──────────────────────────────────────┘
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget,
};

use super::help::help_rect;
use super::timeline::format_date;
use super::{clean, list, panel_block, truncate};
use crate::tui::app::{App, Overlay, SinceRow};
use crate::tui::layout::Panel;
use crate::tui::merged::Merged;
use crate::tui::wrap;

/// What a library panel says while the briefing is not there.
fn waiting(app: &App) -> String {
    if app.scope.failed {
        return "the library could not be analysed".into();
    }
    match app.scope.progress {
        Some((d, t)) => format!("analysing the library… {d}/{t}"),
        None => "analysing the library…".into(),
    }
}

/// The panel's block and inside, or `None` (the block drawn with the waiting line) when the
/// briefing is not there.
fn frame<'a>(
    app: &'a App,
    panel: Panel,
    count: impl Fn(&Merged) -> usize,
    area: Rect,
    buf: &mut Buffer,
) -> Option<(&'a Merged, Rect)> {
    let merged = app.merged();
    // Short where the title would not show beside it.
    let all = if area.width >= 36 {
        "all articles"
    } else {
        "all"
    };
    let extra = match merged {
        Some(m) => format!("{all} · {}", count(m)),
        None => all.into(),
    };
    let block = panel_block(app, panel, Some(extra));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(m) = merged else {
        Paragraph::new(Span::styled(waiting(app), app.theme.dim))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner, buf);
        return None;
    };
    Some((m, inner))
}

/// The first row to build so that `cursor` shows in `height` rows (a library may hold
/// thousands of actors: only the rows that can show are built).
fn window(cursor: usize, height: u16) -> (usize, usize) {
    let fit = usize::from(height).max(1);
    ((cursor + 1).saturating_sub(fit), fit + 1)
}

/// The actors panel in library scope.
pub(super) fn actors(app: &App, area: Rect, buf: &mut Buffer) {
    let Some((m, inner)) = frame(app, Panel::Actors, |m| m.briefing.actors.len(), area, buf) else {
        return;
    };
    let actors = &m.briefing.actors;
    if actors.is_empty() {
        Paragraph::new(Span::styled("no actors in the library", app.theme.dim)).render(inner, buf);
        return;
    }
    let w = usize::from(inner.width);
    let cursor = app.scope.actor_cursor.min(actors.len() - 1);
    let (first, take) = window(cursor, inner.height);
    let taken = app.scope.actor.map(|(k, _)| k);
    let items: Vec<ListItem> = actors
        .iter()
        .enumerate()
        .skip(first)
        .take(take)
        .map(|(k, a)| {
            let count = format!(" in {}", a.articles());
            let mark = if taken == Some(k) { "● " } else { "  " };
            let room = w.saturating_sub(2 + wrap::str_width(&count));
            let name = truncate(&clean(&a.name), room);
            let left = wrap::str_width(&name);
            let role = a.role.as_deref().map(clean).unwrap_or_default();
            let role = if role.is_empty() || left + 3 > room {
                String::new()
            } else {
                truncate(&format!(" · {role}"), room - left)
            };
            let pad = room.saturating_sub(left + wrap::str_width(&role));
            let mut lines = vec![Line::from(vec![
                Span::styled(mark, app.theme.current_mark),
                Span::styled(name, app.theme.kind(a.kind)),
                Span::styled(role, app.theme.dim),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, app.theme.dim),
            ])];
            // The actor n/N steps through: where the step is.
            if let Some((_, step)) = app.scope.actor.filter(|(t, _)| *t == k) {
                let total: usize = m.mentions.get(k).map_or(0, |c| c.iter().sum());
                let at = step.map_or_else(|| "n/N step".to_string(), |s| format!("{}", s + 1));
                let text = if step.is_some() {
                    format!("mention {at}/{total} in the library")
                } else {
                    format!("{total} mentions, {at}")
                };
                lines.push(Line::from(vec![
                    Span::raw("    "),
                    Span::styled(truncate(&text, w.saturating_sub(4)), app.theme.dim),
                ]));
            }
            ListItem::new(lines)
        })
        .collect();
    let more = (first > 0, first + take < actors.len());
    list(app, Panel::Actors, items, cursor - first, inner, more, buf);
}

/// The timeline in library scope: each merged event once, how many articles report it, `≠`
/// when they disagree (the disagreements spelt out under the cursor's event).
pub(super) fn timeline(app: &App, area: Rect, buf: &mut Buffer) {
    let Some((m, inner)) = frame(app, Panel::Timeline, |m| m.briefing.events.len(), area, buf)
    else {
        return;
    };
    let events = &m.briefing.events;
    if events.is_empty() {
        Paragraph::new(Span::styled("no events in the library", app.theme.dim)).render(inner, buf);
        return;
    }
    let w = usize::from(inner.width);
    let cursor = app.scope.event_cursor.min(events.len() - 1);
    let (first, take) = window(cursor, inner.height);
    let shown: Vec<(usize, &crate::briefing::BriefingEvent)> =
        events.iter().enumerate().skip(first).take(take).collect();
    let dates: Vec<(String, bool)> = shown
        .iter()
        .map(|(_, e)| {
            e.date
                .as_deref()
                .map_or((String::from("undated"), false), |d| format_date(d, m.year))
        })
        .collect();
    // The `~` or blank before the date, the date, a blank after it.
    let col = dates
        .iter()
        .map(|(d, _)| wrap::str_width(d) + 1)
        .max()
        .unwrap_or(0)
        .min(w / 3)
        + 1;
    let selected = app.scope.event.map(|(k, _)| k);
    let items: Vec<ListItem> = shown
        .iter()
        .zip(dates)
        .map(|((k, e), (date, approx))| {
            let mark = if selected == Some(*k) { "┃" } else { " " };
            let d = truncate(
                &format!("{}{date}", if approx { "~" } else { " " }),
                col.saturating_sub(1),
            );
            let pad = col.saturating_sub(wrap::str_width(&d));
            let right = format!(
                "{} in {}",
                if e.conflicts.is_empty() { "" } else { " ≠" },
                e.articles()
            );
            let room = w.saturating_sub(1 + col + wrap::str_width(&right));
            let mut label = clean(&e.label).into_owned();
            if let Some(place) = &e.place
                && !label.contains(place.as_str())
            {
                label = format!("{label} · {}", clean(place));
            }
            let label = truncate(&label, room);
            let gap = room.saturating_sub(wrap::str_width(&label));
            let mut lines = vec![Line::from(vec![
                Span::styled(mark, app.theme.event_mark),
                Span::styled(d, app.theme.date),
                Span::raw(" ".repeat(pad)),
                Span::raw(label),
                Span::raw(" ".repeat(gap)),
                Span::styled(right, app.theme.dim),
            ])];
            // The cursor's event (and the one Enter went to): what the articles disagree on,
            // in full.
            if (*k == cursor && app.focus == Panel::Timeline) || selected == Some(*k) {
                let text_room = w.saturating_sub(col + 1).max(8);
                for c in &e.conflicts {
                    let text = format!("≠ {}", clean(c));
                    for row in textwrap::wrap(&text, text_room) {
                        lines.push(Line::from(vec![
                            Span::styled(mark, app.theme.event_mark),
                            Span::raw(" ".repeat(col)),
                            Span::styled(row.into_owned(), app.theme.notice),
                        ]));
                    }
                }
            }
            ListItem::new(lines)
        })
        .collect();
    let more = (first > 0, first + take < events.len());
    list(
        app,
        Panel::Timeline,
        items,
        cursor - first,
        inner,
        more,
        buf,
    );
}

/// The list over the screen, when one is open.
pub(super) fn overlay(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(overlay) = app.scope.overlay else {
        return;
    };
    if let Overlay::Actor { .. } = overlay {
        super::libdetail::library_detail(app, area, buf);
        return;
    }
    let r = help_rect(area);
    Clear.render(r, buf);
    let w = usize::from(r.width.saturating_sub(2));
    // Only the rows that can show are built (a first visit lists every actor of the library).
    let cursor = match overlay {
        Overlay::Mentions { cursor, .. }
        | Overlay::Since { cursor }
        | Overlay::Actor { cursor, .. } => cursor,
    };
    let (first, take) = window(cursor, r.height.saturating_sub(2));
    let (title, items, len) = match overlay {
        Overlay::Mentions { actor, .. } | Overlay::Actor { actor, .. } => {
            mention_rows(app, actor, w, first, take)
        }
        Overlay::Since { .. } => {
            let (items, len) = since_items(app, w, first, take);
            (
                " Since last time · Enter go · Esc close ".to_string(),
                items,
                len,
            )
        }
    };
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(
            truncate(&title, w.saturating_sub(2)),
            app.theme.border_focused,
        ));
    let inner = block.inner(r);
    block.render(r, buf);
    let cursor = cursor
        .saturating_sub(first)
        .min(items.len().saturating_sub(1));
    let mut state = ListState::default().with_selected(Some(cursor));
    StatefulWidget::render(
        List::new(items).highlight_style(app.theme.cursor),
        inner,
        buf,
        &mut state,
    );
    // More above or below, as on the panels.
    let x = r.right().saturating_sub(2);
    if first > 0 || state.offset() > 0 {
        buf.set_string(x, r.y, "▲", app.theme.border_focused);
    }
    if first + take < len && r.bottom() > 0 {
        buf.set_string(x, r.bottom() - 1, "▼", app.theme.border_focused);
    }
}

/// The articles that mention library actor `k`: title and mention count, one row each.
fn mention_rows(
    app: &App,
    k: usize,
    w: usize,
    first: usize,
    take: usize,
) -> (String, Vec<ListItem<'static>>, usize) {
    let Some((a, counts)) = app
        .merged()
        .and_then(|m| Some((m.briefing.actors.get(k)?, m.mentions.get(k)?)))
    else {
        return (" Mentions ".into(), Vec::new(), 0);
    };
    let n = a.articles();
    let title = format!(
        " {} · in {n} article{} · Enter open · Esc close ",
        clean(&a.name),
        if n == 1 { "" } else { "s" }
    );
    let items = a
        .members
        .iter()
        .zip(counts)
        .skip(first)
        .take(take)
        .map(|(member, &c)| {
            let count = format!(" {c} mention{}", if c == 1 { "" } else { "s" });
            let t = app
                .shelf
                .articles
                .get(member.article)
                .map(|x| clean(&x.title).into_owned())
                .unwrap_or_default();
            let room = w.saturating_sub(1 + wrap::str_width(&count));
            let t = truncate(&t, room);
            let pad = room.saturating_sub(wrap::str_width(&t));
            ListItem::new(Line::from(vec![
                Span::raw(" "),
                Span::styled(t, app.theme.title),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, app.theme.dim),
            ]))
        })
        .collect();
    (title, items, a.members.len())
}

/// The rows of "since last time" (see [`App::since_rows`]).
fn since_items(app: &App, w: usize, first: usize, take: usize) -> (Vec<ListItem<'static>>, usize) {
    let m = app.merged();
    let rows = app.since_rows();
    let len = rows.len();
    let items = rows
        .into_iter()
        .skip(first)
        .take(take)
        .map(|row| match row {
            SinceRow::Heading(h) => ListItem::new(Line::styled(h, app.theme.heading)),
            SinceRow::Note(n) => {
                let rows: Vec<Line> = textwrap::wrap(&n, w.max(8))
                    .into_iter()
                    .map(|r| Line::styled(r.into_owned(), app.theme.dim))
                    .collect();
                ListItem::new(rows)
            }
            SinceRow::Article(i) => {
                let t = app
                    .shelf
                    .articles
                    .get(i)
                    .map(|a| clean(&a.title).into_owned())
                    .unwrap_or_default();
                ListItem::new(Line::from(vec![
                    Span::raw("  • "),
                    Span::styled(truncate(&t, w.saturating_sub(4)), app.theme.title),
                ]))
            }
            SinceRow::Actor(k) => {
                let Some(a) = m.and_then(|m| m.briefing.actors.get(k)) else {
                    return ListItem::new("");
                };
                let count = format!(" in {}", a.articles());
                let room = w.saturating_sub(2 + wrap::str_width(&count));
                let mut text = clean(&a.name).into_owned();
                if let Some(role) = a.role.as_deref().filter(|r| !r.trim().is_empty()) {
                    text = format!("{text} · {}", clean(role));
                }
                let text = truncate(&text, room);
                let pad = room.saturating_sub(wrap::str_width(&text));
                ListItem::new(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(text, app.theme.kind(a.kind)),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, app.theme.dim),
                ]))
            }
            SinceRow::Event(k) => {
                let Some(e) = m.and_then(|m| m.briefing.events.get(k)) else {
                    return ListItem::new("");
                };
                let date = e.date.as_deref().map_or_else(
                    || "undated".to_string(),
                    |d| format_date(d, m.and_then(|m| m.year)).0,
                );
                let right = format!(
                    "{} in {}",
                    if e.conflicts.is_empty() { "" } else { " ≠" },
                    e.articles()
                );
                let room = w.saturating_sub(2 + wrap::str_width(&right));
                let text = truncate(&format!("{date}  {}", clean(&e.label)), room);
                let pad = room.saturating_sub(wrap::str_width(&text));
                ListItem::new(Line::from(vec![
                    Span::raw("  "),
                    Span::raw(text),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(right, app.theme.dim),
                ]))
            }
        })
        .collect();
    (items, len)
}
