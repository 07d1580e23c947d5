//! The timeline panel: each event's date (short, `~` when approximate) and its label.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use super::{clean, eventinfo, list, panel_block, truncate};
use crate::tui::app::App;
use crate::tui::layout::Panel;
use crate::tui::wrap;

/// A TIMEX3 value in a short readable form, and whether it is only approximate.
/// The year is left out when it is `year` (the article's).
///
/// Calendar units are exact, whatever their size: a day, a range of days, a week, a month, a
/// season (`1978-FA` is `autumn 1978`), a quarter, a half and a year (`2022`). Only what TIMEX3
/// leaves vague is approximate: a decade or century (`197X`), the past, present or future
/// (`PAST_REF`), and codes this does not know (shown as they are, made safe).
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
    let is_year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    // A day with a time (`2025-02-18T10:30`, `2025-02-18TMO`): the day, and the clock time
    // when it is one.
    if let Some((d, t)) = value.split_once('T')
        && let Some(d) = day(d)
    {
        let clock = t.get(..5).filter(|c| {
            c.len() == 5
                && c.as_bytes()[2] == b':'
                && c.bytes()
                    .enumerate()
                    .all(|(i, b)| i == 2 || b.is_ascii_digit())
        });
        return match clock {
            Some(c) => (format!("{} {c}", full(d)), false),
            None => (full(d), false),
        };
    }
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
        return (format!("wk {}", full(week.date())), false);
    }
    if is_year(value) {
        return (value.to_string(), false);
    }
    if let Some((y, rest)) = value.split_once('-')
        && is_year(y)
    {
        let season = match rest {
            "SP" => Some("spring"),
            "SU" => Some("summer"),
            "FA" | "AU" => Some("autumn"),
            "WI" => Some("winter"),
            _ => None,
        };
        if let Some(season) = season {
            return (format!("{season} {y}"), false);
        }
        if let [b'Q' | b'H', n] = rest.as_bytes()
            && ((rest.starts_with('Q') && (b'1'..=b'4').contains(n))
                || (rest.starts_with('H') && (b'1'..=b'2').contains(n)))
        {
            return (format!("{rest} {y}"), false);
        }
        if let Ok(m) = rest.parse::<i8>()
            && let Ok(d) = Date::new(y.parse().unwrap_or(0), m, 1)
        {
            return (d.strftime("%b %Y").to_string(), false);
        }
    }
    // A decade (`197X`) or a century (`19XX`).
    if value.len() == 4 && value.ends_with('X') {
        let digits = value.trim_end_matches('X');
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let zeros = "0".repeat(4 - digits.len());
            return (format!("{digits}{zeros}s"), true);
        }
    }
    let word = match value {
        "PAST_REF" => Some("the past"),
        "PRESENT_REF" => Some("now"),
        "FUTURE_REF" => Some("the future"),
        _ => None,
    };
    if let Some(word) = word {
        return (word.to_string(), true);
    }
    (clean(value).into_owned(), true)
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
    if app.prepared().is_some_and(|p| p.foreign) {
        Paragraph::new(Span::styled("not English: no events", app.theme.dim))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner, buf);
        return;
    }
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
            let flag = if eventinfo::planned(e) {
                eventinfo::PLANNED
            } else if approx {
                "~"
            } else {
                " "
            };
            let d = format!("{flag}{date}");
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
            if eventinfo::detailed(app) == Some(i) {
                // Under the label, or nearer the edge when that leaves too little room.
                let indent = if w.saturating_sub(col + 1) >= 16 {
                    col + 1
                } else {
                    3
                };
                lines.extend(eventinfo::details(app, e, mark, indent, w));
            }
            ListItem::new(lines)
        })
        .collect();
    let mut items = items;
    let mut cursor = app.event_cursor;
    if let Some(k) = eventinfo::first_planned(events) {
        items.insert(k, eventinfo::heading(app, w));
        if cursor >= k {
            cursor += 1;
        }
    }
    list(
        app,
        Panel::Timeline,
        items,
        cursor,
        inner,
        (false, false),
        buf,
    );
}

#[cfg(test)]
mod tests {
    use super::format_date;

    #[test]
    fn timex_codes_read_as_words_and_only_vague_ones_are_approximate() {
        let f = |v: &str| format_date(v, Some(2025));
        assert_eq!(f("1978-FA"), ("autumn 1978".into(), false));
        assert_eq!(f("2006-SP"), ("spring 2006".into(), false));
        assert_eq!(f("2006-SU"), ("summer 2006".into(), false));
        assert_eq!(f("2006-WI"), ("winter 2006".into(), false));
        assert_eq!(f("2022"), ("2022".into(), false));
        assert_eq!(f("2024-03"), ("Mar 2024".into(), false));
        assert_eq!(f("2006-Q1"), ("Q1 2006".into(), false));
        assert_eq!(f("2025-02-18"), ("18 Feb".into(), false));
        assert_eq!(f("2024-02-18"), ("18 Feb 2024".into(), false));
        assert_eq!(f("2025-02-18T10:30"), ("18 Feb 10:30".into(), false));
        assert_eq!(f("2025-02-18TMO"), ("18 Feb".into(), false));
        assert_eq!(f("2025-W08"), ("wk 17 Feb".into(), false));
        assert_eq!(f("197X"), ("1970s".into(), true));
        assert_eq!(f("PAST_REF"), ("the past".into(), true));
        let (odd, approx) = f("XXXX-\u{1b}[2J");
        assert!(approx && !odd.contains('\u{1b}'), "{odd}");
    }
}
