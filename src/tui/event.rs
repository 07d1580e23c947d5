//! What the event loop waits for: a key or a resize from the terminal, or an analysis (or the
//! library's scan) finished on another thread.

use std::time::Duration;

use super::App;

/// What woke the event loop.
#[derive(Debug)]
pub enum Wake {
    /// Terminal input.
    Input(crossterm::event::Event),
    /// An analysis arrived and changed the screen.
    Analysed,
}

/// Waits for terminal input or, while an analysis or the library's scan is pending, for its
/// result. With nothing pending this blocks in `read` (an idle reader does nothing); while one
/// is, the terminal is polled in short slices between checks of the result channels.
pub fn wait(app: &mut App) -> std::io::Result<Wake> {
    use crossterm::event::{poll, read};
    loop {
        if app.receive() {
            return Ok(Wake::Analysed);
        }
        if !app.analysis_pending() && !app.scan_pending() && !app.scope_pending() {
            return read().map(Wake::Input);
        }
        if poll(Duration::from_millis(8))? {
            return read().map(Wake::Input);
        }
    }
}
