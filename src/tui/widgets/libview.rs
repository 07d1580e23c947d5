//! The library view, the whole screen: a header that says the order and the filters, the
//! column headings, one row per article (read state, date, title, source, folder), and a
//! status line with the cursor's place (`12/417`).
//!
//! ```text
//!  Library · 417 articles · by date · unread only · /vote
//!     state   date         title                                  source       folder
//!  ▸  unread  4 Mar 2025   Harbour board votes on the old pier    Coast News   harbour
//!  ...
//!  Library  12/417                              Enter open  s sort  u unread  ? help
//! ```
//!
//! Columns give way as the screen narrows: the folder first, then the source, then the date;
//! the title keeps the rest. Only the rows on screen are built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::{clean, truncate};
use crate::tui::action::Action;
use crate::tui::app::{App, folder};
use crate::tui::wrap;

/// The read state's column: `new`, `unread`, `45%` or `read`.
const STATE: usize = 6;
/// The date's column: `14 Mar 2025`.
const DATE: usize = 11;
/// The cursor mark and the state, with their gaps.
const FIXED: usize = 3 + STATE + 1;
/// The title keeps this many cells (or the longest title's width when less) before a column
/// gives way.
const TITLE_MIN: usize = 40;
/// The source and folder columns are at most this wide.
const SOURCE_MAX: usize = 18;
const FOLDER_MAX: usize = 16;

/// `s` cut or padded to `w` cells.
fn cell(s: &str, w: usize) -> String {
    let s = truncate(s, w);
    let pad = w.saturating_sub(wrap::str_width(&s));
    format!("{s}{}", " ".repeat(pad))
}

/// The widths of the date, source and folder columns at `width` cells (0: not shown).
fn columns(app: &App, width: usize) -> (usize, usize, usize) {
    let (src, fold, dated) = app.libview.widths;
    let src = src.min(SOURCE_MAX);
    let fold = fold.min(FOLDER_MAX);
    let fixed = FIXED;
    let mut cols = (if dated { DATE } else { 0 }, src, fold);
    let room = |c: (usize, usize, usize)| {
        let gaps = [c.0, c.1, c.2].iter().filter(|w| **w > 0).count() * 2;
        width.saturating_sub(fixed + c.0 + c.1 + c.2 + gaps)
    };
    let want = app.libview.longest.min(TITLE_MIN);
    if room(cols) < want {
        cols.2 = 0;
    }
    if room(cols) < want {
        cols.1 = 0;
    }
    if room(cols) < want {
        cols.0 = 0;
    }
    cols
}

pub(super) fn libview(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let v = &app.libview;
    let w = usize::from(area.width);
    let n = app.shelf.articles.len();
    // The header: how many, the order, the filters.
    let mut head = format!(" Library · {n} article{}", if n == 1 { "" } else { "s" });
    if let Some(f) = &v.one_folder {
        head.push_str(&format!(" in {}", clean(f)));
    }
    head.push_str(&format!(" · by {}", v.sort.name()));
    if v.unread_only {
        head.push_str(" · unread only");
    }
    if !v.query.is_empty() || v.typing {
        head.push_str(&format!(" · /{}", clean(&v.query)));
    }
    if v.rows.len() != n {
        head.push_str(&format!(" · {} shown", v.rows.len()));
    }
    buf.set_string(area.x, area.y, truncate(&head, w), t.title);
    let (date_w, src_w, fold_w) = columns(app, w);
    let fixed = FIXED;
    let gaps = [date_w, src_w, fold_w].iter().filter(|c| **c > 0).count() * 2;
    let title_w = w.saturating_sub(fixed + date_w + src_w + fold_w + gaps);
    let row = |mark: &str, state: &str, date: &str, title: &str, src: &str, fold: &str| {
        let mut s = format!(" {mark} {} ", cell(state, STATE));
        if date_w > 0 {
            s.push_str(&format!(" {} ", cell(date, date_w)));
        }
        s.push_str(&cell(title, title_w));
        if src_w > 0 {
            s.push_str(&format!("  {}", cell(src, src_w)));
        }
        if fold_w > 0 {
            s.push_str(&format!("  {}", cell(fold, fold_w)));
        }
        s
    };
    if area.height > 1 {
        let headings = row(" ", "state", "date", "title", "source", "folder");
        buf.set_string(
            area.x,
            area.y + 1,
            truncate(&headings, w),
            t.dim.add_modifier(Modifier::UNDERLINED),
        );
    }
    let h = usize::from(area.height.saturating_sub(3));
    // The cursor on screen whatever the size now (the view keeps it on its last size's).
    let mut scroll = v.scroll.min(v.rows.len().saturating_sub(h));
    if v.cursor < scroll {
        scroll = v.cursor;
    } else if h > 0 && v.cursor >= scroll + h {
        scroll = v.cursor + 1 - h;
    }
    if v.rows.is_empty() && area.height > 3 {
        let why = if n == 0 {
            "no articles"
        } else {
            "no article matches (Esc clears the filter)"
        };
        buf.set_string(
            area.x + 3,
            area.y + 2,
            truncate(why, w.saturating_sub(3)),
            t.dim,
        );
    }
    for (k, &i) in v.rows.iter().enumerate().skip(scroll).take(h) {
        let Some(a) = app.shelf.articles.get(i) else {
            continue;
        };
        let y = area.y + 2 + (k - scroll) as u16;
        let new = app.is_new(i);
        let read = app.read_state(i);
        let state = match read {
            _ if new => "new".to_string(),
            None => "unread".to_string(),
            Some(p) if p >= 100 => "read".to_string(),
            Some(p) => format!("{p}%"),
        };
        let date = a
            .published
            .map(|d| d.strftime("%-d %b %Y").to_string())
            .unwrap_or_default();
        let src = a.source.as_deref().map(clean).unwrap_or_default();
        let fold = folder(a)
            .map(|f| clean(&f).into_owned())
            .unwrap_or_default();
        let mark = if i == app.current { "▸" } else { " " };
        let text = row(mark, &state, &date, &clean(&a.title), &src, &fold);
        // Unread titles bold (reads without colour), read ones plain; the cursor reversed.
        let style = if k == v.cursor {
            t.cursor
        } else if read.is_none_or(|p| p < 100) {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        buf.set_string(area.x, y, truncate(&text, w), style);
        if k == v.cursor {
            // The whole row, to the edge.
            buf.set_style(Rect::new(area.x, y, area.width, 1), t.cursor);
        }
    }
    status(
        app,
        Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1),
        buf,
    );
}

/// The status line: the cursor's place, the filter being typed, a notice, and hints (help and
/// quit the last to go).
fn status(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let v = &app.libview;
    buf.set_style(area, t.status);
    let at = if v.rows.is_empty() { 0 } else { v.cursor + 1 };
    let mut left = vec![
        Span::styled(" Library ", t.key),
        Span::raw(format!(" {at}/{} ", v.rows.len())),
    ];
    if v.typing {
        left.push(Span::raw(format!("· /{}▏ ", clean(&v.query))));
    }
    if let Some(notice) = &app.notice {
        left.push(Span::styled(format!(" {} ", clean(notice)), t.notice));
    }
    let hints: Vec<(String, &str, bool)> = if v.typing {
        vec![
            ("Enter".into(), "keep", true),
            ("Esc".into(), "clear", true),
        ]
    } else {
        [
            (Action::Activate, "open"),
            (Action::SortLibrary, "sort"),
            (Action::UnreadOnly, "unread"),
            (Action::ToggleRead, "mark"),
            (Action::Search, "filter"),
            (Action::LibraryView, "back"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ]
        .iter()
        .filter_map(|(a, label)| {
            let k = app.keymap.keys(*a).first()?;
            Some((
                k.to_string(),
                *label,
                matches!(a, Action::Help | Action::Quit),
            ))
        })
        .collect()
    };
    super::status::render_line(app, left, &hints, area, buf);
}
