//! One drawing function per panel, one file per panel in `widgets/`; each reads the [`App`] and
//! changes nothing. Every string that came from an article (text, title, source, names, labels)
//! goes through [`crate::safe`] first.
//!
//! The wide layout (from [`layout::WIDE_COLS`] columns) and the medium one:
//!
//! ```text
//! ┌ header: title · source · date ─────────────────────┐   ┌ header ────────────────────────┐
//! │┌ 1 Library ┐┌ 2 Text ───────────┐┌ 3 Actors ──────┐│   │┌ 2 Text ──────────┐┌ 3 Actors ─┐│
//! ││ ▸ title   ││ the article text, ││ People         ││   ││ the article text ││           ││
//! ││   meta    ││ wrapped, marked   │└────────────────┘│   ││                  │└───────────┘│
//! ││           ││                   │┌ 4 Timeline ────┐│   ││                  │┌ 4 Time… ──┐│
//! ││           ││                   ││  3 Mar  label  ││   ││                  ││           ││
//! │└───────────┘└───────────────────┘└────────────────┘│   │└──────────────────┘└───────────┘│
//! └ status: panel, article n/N, selection, hints ──────┘   └ status ────────────────────────┘
//! ```
//!
//! The side column's split between actors and timeline is decided by [`layout::plan`] from
//! what each has to show; the narrow layout shows one panel under a tab strip.

mod actors;
mod body;
mod detail;
mod eventinfo;
mod header;
mod help;
mod libdetail;
mod library;
mod libview;
mod problems;
mod scope;
mod status;
mod timeline;

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

pub use detail::{detail_lines, detail_rows};
pub use help::{help_lines, help_rows};
pub use libdetail::{library_detail_lines, library_detail_rows};
pub use problems::{problem_lines, problem_rows};
pub use timeline::format_date;

use super::app::App;
use super::layout::{self, Mode, Panel};
use super::wrap;
use crate::safe;

/// `s` safe to put on the terminal.
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
    if app.libview.on {
        libview::libview(app, area, buf);
        if app.problems_view.is_some() {
            problems::problems(app, area, buf);
        }
        if app.help.is_some() {
            help::help(app, area, buf);
        }
        return;
    }
    header::header(app, plan.header, buf);
    if let Some(r) = plan.tabs {
        header::tabs(app, r, buf);
    }
    if let Some(r) = plan.library {
        library::library(app, r, buf);
    }
    if let Some(r) = plan.body {
        body::body(
            app,
            r,
            plan.gutter,
            plan.text,
            plan.mode() == Mode::Reading,
            buf,
        );
    }
    if let Some(r) = plan.actors {
        if app.scope.library {
            scope::actors(app, r, buf);
        } else {
            actors::actors(app, r, buf);
        }
    }
    if let Some(r) = plan.timeline {
        if app.scope.library {
            scope::timeline(app, r, buf);
        } else {
            timeline::timeline(app, r, buf);
        }
    }
    status::status(app, plan.status, buf);
    if app.problems_view.is_some() {
        problems::problems(app, area, buf);
    }
    if app.detail.is_some() {
        detail::detail(app, area, buf);
    }
    scope::overlay(app, area, buf);
    if app.help.is_some() {
        help::help(app, area, buf);
    }
}

/// The bordered block of a panel: its number and title, `extra` on the right.
fn panel_block(app: &App, panel: Panel, extra: Option<String>) -> Block<'static> {
    let focused = app.focus == panel;
    let n = panel.index() + 1;
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

/// A list with the cursor row highlighted when `panel` has the focus, drawn in `area` (inside
/// the panel's border). When it holds more than it shows, `▲` on the top border and `▼` on the
/// bottom one say there is more above or below; `more` adds rows left out of `items` before
/// and after them (the library builds only the rows that can show).
fn list(
    app: &App,
    panel: Panel,
    items: Vec<ListItem>,
    cursor: usize,
    area: Rect,
    more: (bool, bool),
    buf: &mut Buffer,
) {
    let focused = app.focus == panel;
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let mut state = ListState::default().with_selected(Some(cursor));
    let l = List::new(items).highlight_style(if focused {
        app.theme.cursor
    } else {
        Style::new()
    });
    StatefulWidget::render(l, area, buf, &mut state);
    let offset = state.offset();
    let above = more.0 || offset > 0;
    let below = more.1 || heights.iter().skip(offset).sum::<usize>() > usize::from(area.height);
    if area.width == 0 || area.y == 0 {
        return;
    }
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    let x = area.right().saturating_sub(1);
    if above {
        buf.set_string(x, area.y - 1, "▲", style);
    }
    if below && area.bottom() < buf.area.bottom() {
        buf.set_string(x, area.bottom(), "▼", style);
    }
}

/// `s` cut to `width` cells, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if wrap::str_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = wrap::char_width(c);
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
