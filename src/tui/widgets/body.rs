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
            Mark::Md(style) => t.markdown(*style),
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
        let inlines = row_inlines(app, top + row);
        let at: Vec<usize> = inlines.iter().map(|i| i.at).collect();
        let mut links = inlines.iter().peekable();
        let mut spans: Vec<Span> = Vec::new();
        for (s, m) in wrap::pieces(*line, &marks, &at) {
            while let Some(i) = links.next_if(|i| i.at <= s.start) {
                spans.push(link_span(app, article, i));
            }
            let shown = wrap::shown(src, s);
            spans.push(Span::styled(
                clean(&shown).into_owned(),
                mark_style(app, &m),
            ));
        }
        spans.extend(links.map(|i| link_span(app, article, i)));
        let indent = line.indent.min(text_area.width);
        Line::from(spans).render(
            Rect::new(text_area.x + indent, y, text_area.width - indent, 1),
            buf,
        );
    }
}

/// The link targets shown on row `row`.
fn row_inlines(app: &App, row: usize) -> &[wrap::Inline] {
    let all = &app.wrapped.inlines;
    let from = all.partition_point(|i| i.row < row);
    let to = all.partition_point(|i| i.row <= row);
    all.get(from..to).unwrap_or(&[])
}

/// A link target as shown: dim, made safe, cut to the cells it was given.
fn link_span(app: &App, article: &crate::model::Article, i: &wrap::Inline) -> Span<'static> {
    let url = article
        .markup
        .as_ref()
        .and_then(|m| m.links.get(i.link))
        .map_or("", |l| l.url.as_str());
    let mut s = String::new();
    if i.lead {
        s.push(' ');
    }
    s.push_str(&wrap::link_shown(url, i.width));
    if i.trail {
        s.push(' ');
    }
    Span::styled(s, app.theme.link_url)
}
