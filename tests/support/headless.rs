//! Helpers for the reader's headless tests: brief's folders in a temporary folder, the screen
//! as text, its status line, and scripted keys.

#![allow(dead_code)]

use std::path::Path;

use brief::tui::{App, buffer_to_text, draw_buffer, parse_keys, replay};

/// brief's folders (cache, state, config) for this test process: one temporary folder, made
/// and handed to `brief::paths::use_root` on first use; never the user's (`Library::scan`
/// writes its title cache there, the reader its state).
pub fn sandbox() -> &'static Path {
    static ROOT: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let root = ROOT.get_or_init(|| {
        let t = tempfile::Builder::new()
            .prefix("brief-test-root-")
            .tempdir()
            .unwrap();
        brief::paths::use_root(t.path());
        t
    });
    root.path()
}

/// The reader's screen, drawn, as text.
pub fn screen(app: &App) -> String {
    buffer_to_text(&draw_buffer(app))
}

/// The last row of the screen.
pub fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

/// Keys in `render --keys` notation, replayed.
pub fn keys(app: &mut App, keys: &str) {
    replay(app, &parse_keys(keys).unwrap());
}
