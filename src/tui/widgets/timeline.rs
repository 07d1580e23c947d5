//! The timeline panel: each event's date (short, `~` when approximate) and its label.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{clean, list, panel_block, truncate};
use crate::tui::app::App;
use crate::tui::layout::Panel;
use crate::tui::wrap;

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

pub(super) fn timeline(app: &App, area: Rect, buf: &mut Buffer) {
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
        .map(|(d, _)| wrap::str_width(d))
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
            let pad = col.saturating_sub(wrap::str_width(&d));
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
