//! The terminal reader: the article text with its actors and timeline beside it, from the
//! keyboard, over SSH, at any terminal size.
//!
//! The parts: [`action`] (what keys ask for), [`keymap`] (keys as data, `assets/keys.json`),
//! [`app`] (the view and `update`), [`prepared`] (what the screen derives from an analysis),
//! [`worker`] (analysis off the UI thread), [`layout`] (a pure function of the size), [`wrap`]
//! (wrapping and highlights of the body), [`theme`] (role styles), [`widgets`] (one file per
//! panel), [`saved`] (memory between runs), [`terminal`] (entering and leaving the terminal:
//! signals, a lost terminal, panics), [`clip`] (copying by OSC 52). The event loop is here (waiting in `event`), the frame
//! writer in `frame`, the headless renderer in `headless`.
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
//! - `C-x` for Ctrl-x (`C-d`, `C-u`, `C-o`, `C-n`), `M-x` for Alt-x;
//! - `/text`: types a search, `/` then each character of `text` (add `Enter` to keep it);
//! - `&text`: types a line filter's pattern the same way (add `Enter` to apply it);
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
pub mod clip;
mod event;
mod frame;
mod headless;
pub mod keymap;
pub mod layout;
pub mod merged;
pub mod prepared;
pub mod saved;
pub mod shelf;
pub mod terminal;
pub mod theme;
pub mod widgets;
pub mod worker;
pub mod wrap;

use std::io;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use app::{App, Input};
use event::Wake;
pub use frame::coalesce;
use frame::{FrameWriter, Term, frame, scroll_state};
pub use headless::{
    Step, buffer_to_ansi, buffer_to_text, draw_buffer, parse_keys, render, render_with, replay,
};
use keymap::KeyMap;
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

/// A reader on the loaded articles or a library, the load problems as a notice.
pub fn app_for(input: impl Into<Input>, color: ColorMode, keymap: KeyMap) -> App {
    let theme = Theme::new(color.colored());
    let (mut app, problems) = match input.into() {
        Input::Loaded(l) => (App::new_deferred(l.articles, theme, keymap), l.problems),
        Input::Library(lib, problems, paths) => {
            let mut app = App::from_library(lib, theme, keymap);
            app.shelf.set_library_paths(paths);
            (app, problems)
        }
        Input::Scanning(lib, problems, paths) => {
            let mut app = App::from_library(lib, theme, keymap);
            app.set_scan_paths(paths);
            (app, problems)
        }
    };
    app.add_problems(problems.iter().map(ToString::to_string));
    // A bad `.brief.json` in an article's folder is a problem too (the defaults are used).
    let folder_problems = crate::folder::problems(&app.shelf.articles);
    app.add_problems(folder_problems);
    app
}

/// Opens the reader on the loaded articles; returns when the user quits. Load problems show in
/// the status line.
pub fn run(loaded: impl Into<Input>, color: ColorMode) -> io::Result<()> {
    run_with(loaded, color, crate::Options::default())
}

/// Like [`run`], analysing with `options` (`--date`: the reference date for "today").
pub fn run_with(
    loaded: impl Into<Input>,
    color: ColorMode,
    options: crate::Options,
) -> io::Result<()> {
    let config = crate::paths::config_dir();
    let (keymap, keys_notice) = KeyMap::load(config.as_deref());
    let (clipboard_on, clip_notice) = clip::enabled(config.as_deref());
    let mut app = app_for(loaded, color, keymap);
    app.clipboard_on = clipboard_on;
    app.set_options(options);
    let state_dir = crate::paths::state_dir();
    let (saved, state_notice) = saved::load(state_dir.as_deref());
    let base = saved.clone();
    app.restore(saved);
    if app.notice.is_none() {
        app.notice = state_notice.or(keys_notice).or(clip_notice);
    }

    // Signals, a lost terminal and panics restore the terminal too (see `terminal`).
    let session = terminal::Session::enter(state_dir, base, app.to_saved())?;
    let result = (|| {
        let out = FrameWriter::default();
        let mut terminal = Terminal::new(CrosstermBackend::new(out.clone()))?;
        event_loop(&mut terminal, &out, &mut app)
    })();
    session.finish(&app.to_saved());
    // A scan still running writes the title cache when done: with the terminal given back,
    // let it finish (bounded) so the next start is warm.
    app.wait_scan(std::time::Duration::from_secs(10));
    // With the terminal given back: every load problem, as the other commands print them.
    for p in &app.problems {
        eprintln!("brief: {p}");
    }
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
        app.shelf.options(),
    ));
    if let Some(paths) = app.take_scan_paths() {
        app.attach_scan(crate::library::Library::scan_in_background(paths));
    }
    loop {
        // Blocks until input or an analysis: nothing runs while the user reads.
        let ev = match event::wait(app)? {
            Wake::Input(ev) => ev,
            Wake::Analysed => {
                last = frame(terminal, out, app, None, Some(std::mem::take(&mut last)))?;
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
        // `y`: the clipboard by OSC 52, in one write of its own (see `clip`).
        if let Some(text) = app.take_clipboard() {
            clip::send(&mut io::stdout().lock(), &text)?;
        }
        // Ctrl-l: the terminal may show what another program wrote; clear it and draw every
        // cell again, as after a resize (the previous frame is forgotten).
        let redraw = if app.take_repaint() {
            last = Buffer::empty(Rect::default());
            Some(None)
        } else {
            redraw
        };
        if let Some(before) = redraw {
            terminal::remember(app.to_saved());
            last = frame(terminal, out, app, before, Some(std::mem::take(&mut last)))?;
        }
    }
}
