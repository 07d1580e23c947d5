//! The terminal reader. (Filled in by the reader issue.)

use std::io;

use crate::load::Loaded;

/// When to colour the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorMode {
    /// Colour unless `NO_COLOR` is set or `TERM` is `dumb`.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour: highlights by bold, underline, reverse and brackets.
    Never,
}

/// Opens the reader on the loaded articles; returns when the user quits. Load problems show in
/// the status line.
pub fn run(loaded: Loaded, _color: ColorMode) -> io::Result<()> {
    for p in &loaded.problems {
        eprintln!("brief: {p}");
    }
    println!(
        "brief: loaded {} article(s); the reader is coming.",
        loaded.articles.len()
    );
    Ok(())
}

/// The screen after replaying `keys` at `size`, as plain text (or with ANSI styles).
pub fn render(
    loaded: Loaded,
    _size: (u16, u16),
    _keys: &str,
    _ansi: bool,
    _color: ColorMode,
) -> io::Result<String> {
    Ok(format!("{} article(s)\n", loaded.articles.len()))
}
