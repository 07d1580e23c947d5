//! The frame writer: each frame goes to the terminal in one write, with as few bytes as
//! `less` would send (a scrolling region for scrolls, short gaps written over).

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{App, layout, widgets, wrap};

mod sgr;

/// Collects a frame's output and writes it to the terminal in one write: ratatui flushes after
/// every scroll-region command and every frame; each write would be at least one SSH packet.
#[derive(Debug, Default, Clone)]
pub struct FrameWriter {
    buf: Rc<RefCell<Vec<u8>>>,
    /// The styles between frames: each frame's SGR sequences are rewritten shorter (see `sgr`).
    sgr: Rc<RefCell<sgr::Sgr>>,
}

impl Write for FrameWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.borrow_mut().extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl FrameWriter {
    /// Writes what the frame collected to stdout, in one write.
    pub fn commit(&self) -> io::Result<()> {
        let mut buf = self.buf.borrow_mut();
        if buf.is_empty() {
            return Ok(());
        }
        let bytes = self.sgr.borrow_mut().rewrite(&buf);
        let mut out = io::stdout().lock();
        out.write_all(&bytes)?;
        out.flush()?;
        buf.clear();
        Ok(())
    }
}

/// The terminal the reader draws on.
pub type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// What the reading view looked like before a key: the layout and the first row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrollState {
    plan: layout::Plan,
    top: usize,
    help: bool,
}

/// The reading view now.
pub fn scroll_state(app: &App) -> Option<ScrollState> {
    Some(ScrollState {
        plan: app.plan(),
        top: app.top_line(),
        help: app.help.is_some(),
    })
}

/// Draws one frame, in one write.
///
/// Two things keep the bytes close to what `less` writes. In the reading view, when the only
/// change is a scroll by fewer rows than the body has, the terminal scrolls the body's rows
/// itself (a scrolling region) and ratatui is told the screen moved, so only the rows that
/// scrolled in are written. And on every frame, short gaps between changed cells of a row are
/// written over rather than jumped (a cursor move costs more than a few characters).
pub fn frame(
    terminal: &mut Term,
    out: &FrameWriter,
    app: &mut App,
    before: Option<ScrollState>,
    last: Option<Buffer>,
) -> io::Result<Buffer> {
    terminal.autoresize()?;
    let screen = terminal.size()?;
    let area = Rect::new(0, 0, screen.width, screen.height);
    if app.size != (area.width, area.height) {
        app.resize(area.width, area.height);
    }
    let app = &*app;
    let mut next = Buffer::empty(area);
    widgets::draw(app, area, &mut next);
    let last = last.filter(|l| l.area == area);
    let on_screen = match last {
        // A first frame or a resize: the screen was just cleared.
        None => {
            crossterm::queue!(
                terminal.backend_mut(),
                crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
            )?;
            Buffer::empty(area)
        }
        Some(last) => match (before, scroll_state(app)) {
            (Some(b), Some(now))
                if b.plan == now.plan
                    && !b.help
                    && !now.help
                    && now.plan.mode() == layout::Mode::Reading
                    && b.top != now.top
                    && now
                        .plan
                        .body
                        .is_some_and(|body| now.top.abs_diff(b.top) < usize::from(body.height)) =>
            {
                let body = now.plan.body.unwrap_or_default();
                let d = u16::try_from(now.top.abs_diff(b.top)).unwrap_or(u16::MAX);
                let rows = body.y..body.bottom();
                let up = now.top > b.top;
                if up {
                    terminal.backend_mut().scroll_region_up(rows.clone(), d)?;
                } else {
                    terminal.backend_mut().scroll_region_down(rows.clone(), d)?;
                }
                shift_rows(&last, rows, d, up)
            }
            _ => last,
        },
    };
    // The changes from what the screen shows, written by the backend as `Terminal::flush`
    // would (not `Terminal::draw`: it hides the cursor again on every frame, 6 bytes a key;
    // the cursor was hidden once at start). The terminal's own two buffers are not used: no
    // copy of the screen is made for them.
    let shown = coalesce_into(on_screen, &next);
    let backend = terminal.backend_mut();
    backend.draw(shown.diff(&next).into_iter())?;
    Backend::flush(backend)?;
    out.commit()?;
    Ok(next)
}

/// A cell of the previous frame set to this symbol (a private-use character, one cell wide) is
/// rewritten. Only cells that already show the right thing get it, so should a frame contain
/// this character too, skipping it is still right.
const REWRITE: &str = "\u{E000}";

/// The previous frame `prev`, with the cells in short gaps between changed cells of `next`
/// marked for rewriting, so each row's changes go out as few runs (one cursor move each).
pub fn coalesce(prev: &Buffer, next: &Buffer) -> Buffer {
    coalesce_into(prev.clone(), next)
}

/// [`coalesce`] on a buffer the caller gives up (one copy of the screen less per frame).
fn coalesce_into(prev: Buffer, next: &Buffer) -> Buffer {
    /// A cursor move (`CSI row;col H`) costs about this many bytes.
    const MOVE: usize = 7;
    if prev.area != next.area {
        return prev;
    }
    // Read as it is marked: a cell is marked only once it was compared, and gaps do not meet.
    let mut out = prev;
    let a = next.area;
    for y in a.top()..a.bottom() {
        let mut last_changed: Option<u16> = None;
        for x in a.left()..a.right() {
            if out[(x, y)] == next[(x, y)] {
                continue;
            }
            if let Some(lc) = last_changed
                && lc + 1 < x
            {
                let gap = lc + 1..x;
                let single = |b: &Buffer, g: u16| wrap::str_width(b[(g, y)].symbol()) == 1;
                let bytes: usize = gap.clone().map(|g| next[(g, y)].symbol().len()).sum();
                if bytes <= MOVE && gap.clone().all(|g| single(next, g) && single(&out, g)) {
                    for g in gap {
                        out[(g, y)].set_symbol(REWRITE);
                    }
                }
            }
            last_changed = Some(x);
        }
    }
    out
}

/// The last frame `buf` with the rows in `rows` moved by `d` (up or down) as the terminal moved
/// them; rows that scrolled in are blank.
fn shift_rows(buf: &Buffer, rows: std::ops::Range<u16>, d: u16, up: bool) -> Buffer {
    let mut out = buf.clone();
    let area = buf.area;
    for y in rows.clone() {
        let src = if up {
            y.checked_add(d)
        } else {
            y.checked_sub(d)
        };
        for x in area.left()..area.right() {
            let cell = match src {
                Some(s) if s >= rows.start && s < rows.end => buf[(x, s)].clone(),
                _ => ratatui::buffer::Cell::default(),
            };
            out[(x, y)] = cell;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn row(s: &str) -> Buffer {
        Buffer::with_lines([s])
    }

    #[test]
    fn coalesce_joins_short_gaps_into_one_run() {
        let prev = row("                              ");
        let next = row("  one two three four          ");
        let plain: Vec<_> = prev.diff(&next).iter().map(|(x, _, _)| *x).collect();
        assert_eq!(
            plain.len(),
            15,
            "spaces between words match and are skipped"
        );
        let joined: Vec<_> = coalesce(&prev, &next)
            .diff(&next)
            .iter()
            .map(|(x, _, _)| *x)
            .collect();
        assert_eq!(
            joined,
            (2..20).collect::<Vec<_>>(),
            "one run, trailing blanks untouched"
        );
    }

    #[test]
    fn coalesce_keeps_long_gaps() {
        let prev = row("a                   b");
        let next = row("x                   y");
        let n = coalesce(&prev, &next).diff(&next).len();
        assert_eq!(n, 2);
    }

    #[test]
    fn shift_rows_moves_the_region_only() {
        let mut buf = Buffer::with_lines(["head", "aaaa", "bbbb", "cccc", "foot"]);
        buf.set_style(buf.area, Style::new());
        let up = shift_rows(&buf, 1..4, 1, true);
        assert_eq!(
            up,
            Buffer::with_lines(["head", "bbbb", "cccc", "    ", "foot"])
        );
        let down = shift_rows(&buf, 1..4, 2, false);
        assert_eq!(
            down,
            Buffer::with_lines(["head", "    ", "    ", "aaaa", "foot"])
        );
    }
}
