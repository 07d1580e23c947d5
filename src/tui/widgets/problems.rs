//! The list of load problems (`!`): every file that did not load and every warning, one per
//! entry, wrapped to the box; the same lines go to standard error when the reader quits.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::clean;
use super::help::help_rect;
use crate::tui::app::App;

/// The rows of the list at `width` cells: each problem wrapped, its later rows indented.
pub fn problem_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let room = usize::from(width).max(3);
    let mut out = Vec::new();
    for p in &app.problems {
        let text = clean(p);
        let opts = textwrap::Options::new(room).subsequent_indent("  ");
        for row in textwrap::wrap(&text, opts) {
            out.push(Line::raw(row.into_owned()));
        }
    }
    if out.is_empty() {
        out.push(Line::styled(
            "No problems: every article loaded.",
            app.theme.dim,
        ));
    }
    out
}

/// The list's rows at the app's size, and how many show at once: what `j` and `G` clamp to.
pub fn problem_rows(app: &App) -> (usize, usize) {
    let (w, h) = app.size;
    let r = help_rect(Rect::new(0, 0, w, h));
    let rows = problem_lines(app, r.width.saturating_sub(2)).len();
    (rows, usize::from(r.height.saturating_sub(2)))
}

pub(super) fn problems(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(scroll) = app.problems_view else {
        return;
    };
    let r = help_rect(area);
    Clear.render(r, buf);
    let n = app.problems.len();
    let title = format!(
        " {n} problem{} loading · Esc close ",
        if n == 1 { "" } else { "s" }
    );
    let mut block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Line::styled(title, app.theme.border_focused));
    let lines = problem_lines(app, r.width.saturating_sub(2));
    if lines.len() > usize::from(r.height.saturating_sub(2)) {
        block = block
            .title_bottom(Line::styled(" j/k scroll ", app.theme.border_focused).right_aligned());
    }
    let inner = block.inner(r);
    block.render(r, buf);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .render(inner, buf);
}
