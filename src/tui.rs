//! The terminal reader: the article text with its actors and timeline beside it, from the
//! keyboard, over SSH, at any terminal size.
//!
//! The parts: [`action`] (what keys ask for), [`keymap`] (keys as data, `assets/keys.json`),
//! [`app`] (state and `update`), [`layout`] (a pure function of the size), [`text`] (wrapping
//! and highlights of the body), [`theme`] (role styles), [`widgets`] (one drawing function per
//! panel), [`state`] (memory between runs), [`terminal`] (entering and leaving the
//! terminal: signals, a lost terminal, panics).
//!
//! # Headless render
//!
//! `brief render [--size COLSxROWS] [--keys KEYS] [--ansi] [PATH...]` prints the screen after
//! replaying KEYS, as plain text (`--ansi` keeps the styles as SGR sequences). KEYS is a list
//! separated by spaces; each item is one key:
//!
//! - a single character: `j`, `G`, `?`, `[`, `1`;
//! - a name: `Enter`, `Esc`, `Tab`, `BackTab`, `Up`, `Down`, `Left`, `Right`, `PgUp`, `PgDn`,
//!   `Home`, `End`, `Backspace`, `space`;
//! - `C-x` for Ctrl-x (`C-d`, `C-u`, `C-o`, `C-i`), `M-x` for Alt-x;
//! - `/text`: types a search, `/` then each character of `text` (add `Enter` to keep it);
//! - `resize:COLSxROWS`: resizes the screen at that point.
//!
//! Example: `brief render --size 100x30 --keys "3 j Enter n n /Riyadh Enter"`.
//!
//! # On the terminal
//!
//! Nothing is asked of the terminal (no cursor position or colour queries), the mouse is not
//! captured, and the screen is drawn only after a key or a resize that changed something, each
//! frame in one write. The terminal is restored on exit, on Ctrl-C, on SIGTERM, SIGINT, SIGHUP
//! and SIGQUIT, when the terminal goes away, and on panic (see [`terminal`]).

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod widgets;
pub mod worker;

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

pub use app::{App, Input};
use keymap::{Key, KeyMap};
use theme::Theme;

/// When to colour the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorMode {
    /// Colour unless `NO_COLOR` is set or `TERM` is `dumb`.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour: highlights by bold, underline, reverse and margin marks.
    Never,
}

impl ColorMode {
    /// Whether to colour, given the environment.
    pub fn colored(self) -> bool {
        match self {
            ColorMode::Always => true,
            ColorMode::Never => false,
            ColorMode::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
                !no_color && !dumb
            }
        }
    }
}

/// One step of a replayed key script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A key press.
    Key(Key),
    /// A terminal resize.
    Resize(u16, u16),
}

/// Parses a `--keys` string (syntax in the module docs).
pub fn parse_keys(keys: &str) -> io::Result<Vec<Step>> {
    let mut out = Vec::new();
    for item in keys.split_whitespace() {
        if let Some(size) = item.strip_prefix("resize:") {
            let parsed = size
                .split_once(['x', 'X'])
                .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)));
            match parsed {
                Some((w, h)) => out.push(Step::Resize(w, h)),
                None => return Err(bad_key(item)),
            }
        } else if let Some(rest) = item.strip_prefix('/').filter(|r| !r.is_empty()) {
            out.push(Step::Key(Key::plain(keymap::KeyCodeOrd::Char('/'))));
            out.extend(
                rest.chars()
                    .map(|c| Step::Key(Key::plain(keymap::KeyCodeOrd::Char(c)))),
            );
        } else {
            out.push(Step::Key(Key::parse(item).ok_or_else(|| bad_key(item))?));
        }
    }
    Ok(out)
}

fn bad_key(item: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("unknown key '{item}' in --keys (see `brief render --help`)"),
    )
}

/// A reader on the loaded articles or a library, the load problems as a notice.
pub fn app_for(input: impl Into<Input>, color: ColorMode, keymap: KeyMap) -> App {
    let theme = Theme::new(color.colored());
    let (mut app, problems) = match input.into() {
        Input::Loaded(l) => (App::new_deferred(l.articles, theme, keymap), l.problems),
        Input::Library(lib, problems) => (App::from_library(lib, theme, keymap), problems),
        Input::Scanning(lib, problems, paths) => {
            let mut app = App::from_library(lib, theme, keymap);
            app.set_scan_paths(paths);
            (app, problems)
        }
    };
    if let Some(p) = problems.first() {
        let more = problems.len() - 1;
        app.notice = Some(if more > 0 {
            format!("{p} (and {more} more)")
        } else {
            p.to_string()
        });
    }
    app
}

/// Replays steps on an app.
pub fn replay(app: &mut App, steps: &[Step]) {
    for step in steps {
        match step {
            Step::Key(k) => {
                app.key(&k.to_event());
            }
            Step::Resize(w, h) => app.resize(*w, *h),
        }
    }
}

/// Draws the app into a buffer of its size.
pub fn draw_buffer(app: &App) -> Buffer {
    let (w, h) = app.size;
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    widgets::draw(app, area, &mut buf);
    buf
}

/// The screen after replaying `keys` at `size`, as plain text (or with ANSI styles). Uses the
/// default key map and no saved state, so the same input always gives the same screen.
pub fn render(
    loaded: impl Into<Input>,
    size: (u16, u16),
    keys: &str,
    ansi: bool,
    color: ColorMode,
) -> io::Result<String> {
    let steps = parse_keys(keys)?;
    let mut app = app_for(loaded, color, KeyMap::default());
    app.analyze_pending();
    app.resize(size.0, size.1);
    replay(&mut app, &steps);
    // Through the TestBackend, as a real frame would go.
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap_or_else(|e| match e {});
    terminal
        .draw(|f| widgets::draw(&app, f.area(), f.buffer_mut()))
        .unwrap_or_else(|e| match e {});
    let buf = terminal.backend().buffer().clone();
    Ok(if ansi {
        buffer_to_ansi(&buf)
    } else {
        buffer_to_text(&buf)
    })
}

/// A buffer as plain text, one line per row, trailing spaces removed.
pub fn buffer_to_text(buf: &Buffer) -> String {
    let mut out = String::new();
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            skip = text::str_width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A buffer with its styles as SGR sequences.
pub fn buffer_to_ansi(buf: &Buffer) -> String {
    let mut out = String::new();
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut last = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            let sgr = sgr(cell.fg, cell.bg, cell.modifier);
            if sgr != last {
                out.push_str("\x1b[0m");
                out.push_str(&sgr);
                last = sgr;
            }
            out.push_str(cell.symbol());
            skip = text::str_width(cell.symbol()).saturating_sub(1);
        }
        out.push_str("\x1b[0m\n");
    }
    out
}

fn sgr(fg: Color, bg: Color, m: Modifier) -> String {
    let mut codes: Vec<String> = Vec::new();
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.into());
        }
    }
    let color = |c: Color, base: u8| -> Option<String> {
        let n = match c {
            Color::Reset => return None,
            Color::Black => 0,
            Color::Red => 1,
            Color::Green => 2,
            Color::Yellow => 3,
            Color::Blue => 4,
            Color::Magenta => 5,
            Color::Cyan => 6,
            Color::Gray => 7,
            Color::DarkGray => 60,
            Color::LightRed => 61,
            Color::LightGreen => 62,
            Color::LightYellow => 63,
            Color::LightBlue => 64,
            Color::LightMagenta => 65,
            Color::LightCyan => 66,
            Color::White => 67,
            Color::Indexed(i) => return Some(format!("{};5;{i}", base + 8)),
            Color::Rgb(r, g, b) => return Some(format!("{};2;{r};{g};{b}", base + 8)),
        };
        Some((u16::from(base) + n).to_string())
    };
    codes.extend(color(fg, 30));
    codes.extend(color(bg, 40));
    if codes.is_empty() {
        String::new()
    } else {
        format!("\x1b[{}m", codes.join(";"))
    }
}

/// Collects a frame's output and writes it to the terminal in one write: ratatui flushes after
/// every scroll-region command and every frame; each write would be at least one SSH packet.
#[derive(Debug, Default, Clone)]
struct FrameWriter {
    buf: Rc<RefCell<Vec<u8>>>,
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
    fn commit(&self) -> io::Result<()> {
        let mut buf = self.buf.borrow_mut();
        if buf.is_empty() {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(&buf)?;
        out.flush()?;
        buf.clear();
        Ok(())
    }
}

type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Opens the reader on the loaded articles; returns when the user quits. Load problems show in
/// the status line.
pub fn run(loaded: impl Into<Input>, color: ColorMode) -> io::Result<()> {
    let config = crate::paths::config_dir();
    let (keymap, keys_notice) = KeyMap::load(config.as_deref());
    let mut app = app_for(loaded, color, keymap);
    let state_dir = crate::paths::state_dir();
    let (saved, state_notice) = state::load(state_dir.as_deref());
    app.restore(saved);
    if app.notice.is_none() {
        app.notice = state_notice.or(keys_notice);
    }

    // Signals, a lost terminal and panics restore the terminal too (see `terminal`).
    let session = terminal::Session::enter(state_dir, app.to_saved())?;
    let result = (|| {
        let out = FrameWriter::default();
        let mut terminal = Terminal::new(CrosstermBackend::new(out.clone()))?;
        event_loop(&mut terminal, &out, &mut app)
    })();
    session.finish(&app.to_saved());
    // A scan still running writes the title cache when done: with the terminal given back,
    // let it finish (bounded) so the next start is warm.
    app.wait_scan(std::time::Duration::from_secs(10));
    result
}

fn event_loop(terminal: &mut Term, out: &FrameWriter, app: &mut App) -> io::Result<()> {
    use crossterm::event::Event;
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    let mut last = frame(terminal, out, app, None, None)?;
    // The first frame shows the text at once; the panels fill in when the analysis, made on
    // another thread, is done.
    app.attach_worker(worker::Worker::spawn(
        crate::cache::Cache::open(),
        crate::Options::default(),
    ));
    if let Some(paths) = app.take_scan_paths() {
        app.attach_scan(crate::library::Library::scan_in_background(paths));
    }
    loop {
        // Blocks until input or an analysis: nothing runs while the user reads.
        let ev = match worker::wait(app)? {
            worker::Wake::Input(ev) => ev,
            worker::Wake::Analysed => {
                last = frame(terminal, out, app, None, Some(&last))?;
                continue;
            }
        };
        let redraw = match ev {
            Event::Key(k) if terminal::is_interrupt(&k) => return Ok(()),
            Event::Key(k) => {
                terminal::test_panic(&k);
                let before = scroll_state(app);
                let changed = app.key(&k);
                changed.then_some(before)
            }
            Event::Resize(w, h) => {
                app.resize(w, h);
                // Redraw it all: the terminal may have reflowed what it showed.
                last = Buffer::empty(Rect::default());
                Some(None)
            }
            _ => None,
        };
        if app.quit {
            return Ok(());
        }
        if let Some(before) = redraw {
            terminal::remember(app.to_saved());
            last = frame(terminal, out, app, before, Some(&last))?;
        }
    }
}

/// What the reading view looked like before a key: the layout and the first row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ScrollState {
    plan: layout::Plan,
    top: usize,
    help: bool,
}

fn scroll_state(app: &App) -> Option<ScrollState> {
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
fn frame(
    terminal: &mut Term,
    out: &FrameWriter,
    app: &mut App,
    before: Option<ScrollState>,
    last: Option<&Buffer>,
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
                shift_rows(last, rows, d, up)
            }
            _ => last.clone(),
        },
    };
    *terminal.current_buffer_mut() = coalesce(&on_screen, &next);
    terminal.swap_buffers();
    // Not `Terminal::draw`: it hides the cursor again on every frame (6 bytes a key); the
    // cursor was hidden once at start.
    *terminal.current_buffer_mut() = next.clone();
    terminal.flush()?;
    terminal.swap_buffers();
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
    /// A cursor move (`CSI row;col H`) costs about this many bytes.
    const MOVE: usize = 7;
    let mut out = prev.clone();
    if prev.area != next.area {
        return out;
    }
    let a = next.area;
    for y in a.top()..a.bottom() {
        let mut last_changed: Option<u16> = None;
        for x in a.left()..a.right() {
            if prev[(x, y)] == next[(x, y)] {
                continue;
            }
            if let Some(lc) = last_changed
                && lc + 1 < x
            {
                let gap = lc + 1..x;
                let single = |b: &Buffer, g: u16| text::str_width(b[(g, y)].symbol()) == 1;
                let bytes: usize = gap.clone().map(|g| next[(g, y)].symbol().len()).sum();
                if bytes <= MOVE && gap.clone().all(|g| single(next, g) && single(prev, g)) {
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
