//! The body panel: the wrapped article text with its highlights and the margin marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{clean, panel_block};
use crate::tui::app::App;
use crate::tui::layout::Panel;
use crate::tui::wrap::{self, Mark};

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
            Mark::Cursor => t.name_cursor,
        })
    })
}

pub(super) fn body(
    app: &App,
    area: Rect,
    gutter: Rect,
    text_area: Rect,
    reading: bool,
    buf: &mut Buffer,
) {
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
    let name = app.name_spot();
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
            if on(name) {
                buf.set_string(gutter.x, y, "›", app.theme.current_mark);
            } else if on(spot) {
                buf.set_string(gutter.x, y, "▶", app.theme.current_mark);
            } else if on(sentence) {
                buf.set_string(gutter.x, y, "┃", app.theme.event_mark);
            }
        }
        let spans: Vec<Span> = wrap::pieces(*line, &marks)
            .into_iter()
            .map(|(s, m)| {
                let shown = wrap::shown(src, s);
                Span::styled(clean(&shown).into_owned(), mark_style(app, &m))
            })
            .collect();
        Line::from(spans).render(Rect::new(text_area.x, y, text_area.width, 1), buf);
    }
}
