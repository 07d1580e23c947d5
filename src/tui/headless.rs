//! The headless reader: `brief render` and the tests replay a key script on an [`App`] and
//! print the screen as text, or with its styles as SGR sequences (syntax in [`super`]'s docs).

use std::io;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::keymap::{Key, KeyMap, KeyName};
use super::{App, ColorMode, Input, app_for, widgets, wrap};

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
            out.push(Step::Key(Key::plain(KeyName::Char('/'))));
            out.extend(
                rest.chars()
                    .map(|c| Step::Key(Key::plain(KeyName::Char(c)))),
            );
        } else if item.len() > 1 && item.starts_with('&') {
            // The line filter's pattern, typed as a search is.
            out.extend(
                item.chars()
                    .map(|c| Step::Key(Key::plain(KeyName::Char(c)))),
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

/// Replays steps on an app.
pub fn replay(app: &mut App, steps: &[Step]) {
    for step in steps {
        match step {
            Step::Key(k) => {
                app.key(&k.to_event());
                // The library's briefing, when a key asked for it, is there before the next
                // key: a replay must not depend on timing.
                app.wait_scope(super::app::HEADLESS_WAIT);
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
    render_with(loaded, size, keys, ansi, color, crate::Options::default())
}

/// Like [`render`], analysing with `options` (`--date`).
pub fn render_with(
    loaded: impl Into<Input>,
    size: (u16, u16),
    keys: &str,
    ansi: bool,
    color: ColorMode,
    options: crate::Options,
) -> io::Result<String> {
    let steps = parse_keys(keys)?;
    let mut app = app_for(loaded, color, KeyMap::default());
    app.set_options(options);
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
            skip = wrap::str_width(sym).saturating_sub(1);
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
            skip = wrap::str_width(cell.symbol()).saturating_sub(1);
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
