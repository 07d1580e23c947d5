//! The terminal's life around the reader: entering raw mode and the alternate screen, and
//! leaving them again on every way out — a normal quit, Ctrl-C, a signal (SIGTERM, SIGINT,
//! SIGHUP, SIGQUIT), the terminal going away, or a panic.
//!
//! # Why a signal thread ends the process itself
//!
//! The event loop blocks in `crossterm::event::read`, which no signal interrupts. Worse, once
//! the terminal hangs up, crossterm's reader sees end-of-file (or EIO) and retries forever at
//! full CPU instead of returning an error. So the way out cannot go through the event loop. A
//! thread waits for the signals (it sleeps in the kernel: no polling while the user reads);
//! when one arrives it restores the terminal, saves the last reading state the event loop
//! published with [`remember`], and exits the process. A second thread covers a hang-up that
//! sends no SIGHUP (the session leader ignored it): five times a second it opens `/dev/tty`,
//! which fails once the terminal has gone (a few microseconds of CPU a second); until then
//! crossterm may spin, so the interval bounds that waste.
//!
//! # Panics
//!
//! A panic on the reader's thread restores the terminal, prints one line (the full report with
//! a backtrace when `RUST_BACKTRACE` is set) and saves nothing: the state file stays as it was,
//! never written from an app in an unknown state. A panic on another thread while the reader
//! runs is kept and printed after the terminal is restored, so it never garbles the screen.
//!
//! # For tests
//!
//! With `BRIEF_TEST_PANIC=1` in the environment, the key `!` panics on purpose, so the panic
//! path can be tested in a real terminal. Nothing else reads that variable.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread::{self, ThreadId};
use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::saved::{self, Saved};

/// What a shutdown from another thread needs, behind one lock: whoever takes it first ends the
/// session, the others wait (and are ended with the process).
struct Shared {
    /// Where the state is saved; `None` when there is no state folder.
    dir: Option<PathBuf>,
    /// The reading state as read at start: a save writes only what differs from it.
    base: Option<Saved>,
    /// The last reading state the event loop published.
    snapshot: Option<Saved>,
    /// The session was ended: the terminal restored, the state saved.
    done: bool,
    /// The reader's thread: a panic there is the reader's panic.
    ui: Option<ThreadId>,
    /// A panic on another thread, to print once the terminal is restored.
    late_panic: Option<String>,
}

static SHARED: Mutex<Shared> = Mutex::new(Shared {
    dir: None,
    base: None,
    snapshot: None,
    done: false,
    ui: None,
    late_panic: None,
});

/// The reader's thread panicked: nothing may save its state any more.
static PANICKED: AtomicBool = AtomicBool::new(false);

/// The session is on: raw mode and the alternate screen may be in use.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// `BRIEF_TEST_PANIC=1` was set when the session started.
static TEST_PANIC: AtomicBool = AtomicBool::new(false);

/// The panic hook is installed once per process.
static HOOKED: AtomicBool = AtomicBool::new(false);

fn shared() -> MutexGuard<'static, Shared> {
    // A panic while the lock was held must not stop the terminal from being restored.
    SHARED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The reader's hold on the terminal, from [`Session::enter`] to [`Session::finish`].
#[derive(Debug)]
pub struct Session {
    _private: (),
}

impl Session {
    /// Starts handling signals and panics, then enters raw mode and the alternate screen with
    /// the cursor hidden. `saved` is the state a signal saves until the event loop publishes a
    /// newer one; `base` the state as read at start (a save merges only the changes since);
    /// `dir` is the state folder.
    pub fn enter(dir: Option<PathBuf>, base: Saved, saved: Saved) -> io::Result<Session> {
        {
            let mut s = shared();
            s.dir = dir;
            s.base = Some(base);
            s.snapshot = Some(saved);
            s.done = false;
            s.ui = Some(thread::current().id());
        }
        TEST_PANIC.store(
            std::env::var_os("BRIEF_TEST_PANIC").is_some_and(|v| v == "1"),
            Ordering::Relaxed,
        );
        install_panic_hook();
        // Before raw mode: a signal in between must find the handler in place.
        let signals = Signals::new([SIGTERM, SIGINT, SIGHUP, SIGQUIT])?;
        thread::Builder::new()
            .name("brief-signals".into())
            .spawn(move || wait_for_signal(signals))?;
        let had_tty = std::fs::File::open("/dev/tty").is_ok();
        if had_tty {
            thread::Builder::new()
                .name("brief-tty-watch".into())
                .spawn(watch_tty)?;
        }
        ACTIVE.store(true, Ordering::SeqCst);
        if let Err(e) = crossterm::terminal::enable_raw_mode() {
            // Not a terminal: nothing was changed, nothing to restore or save.
            Session { _private: () }.abandon(false);
            return Err(e);
        }
        let entered = crossterm::execute!(
            io::stdout().lock(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::cursor::Hide
        );
        if let Err(e) = entered {
            Session { _private: () }.abandon(true);
            return Err(e);
        }
        Ok(Session { _private: () })
    }

    /// Ends a session that never started: restores the terminal if it was `changed`, saves
    /// nothing.
    fn abandon(self, changed: bool) {
        let mut s = shared();
        s.done = true;
        if changed {
            restore();
        }
        ACTIVE.store(false, Ordering::SeqCst);
    }

    /// Ends the session normally: restores the terminal and saves `saved`. Should a signal be
    /// ending the process at the same moment, this waits for it to finish.
    pub fn finish(self, saved: &Saved) {
        let mut s = shared();
        if s.done {
            return;
        }
        s.done = true;
        restore();
        ACTIVE.store(false, Ordering::SeqCst);
        if let Some(dir) = &s.dir
            && !PANICKED.load(Ordering::SeqCst)
        {
            // Losing the reading position is not worth an error at exit.
            let _ = saved::save(dir, s.base.as_ref().unwrap_or(&Saved::default()), saved);
        }
        if let Some(msg) = s.late_panic.take() {
            eprintln!("{msg}");
        }
    }
}

/// Publishes the reading state a signal would save (after each key that changed something).
pub fn remember(saved: Saved) {
    shared().snapshot = Some(saved);
}

/// Whether a key is Ctrl-C: in raw mode the terminal sends it as a key, not as SIGINT, and it
/// quits like `q` whatever the key map says.
pub fn is_interrupt(key: &KeyEvent) -> bool {
    key.kind == KeyEventKind::Press
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('c' | 'C'))
}

/// Panics on the key `!` when `BRIEF_TEST_PANIC=1` was set: for the tests of the panic path.
pub fn test_panic(key: &KeyEvent) {
    if TEST_PANIC.load(Ordering::Relaxed)
        && key.kind == KeyEventKind::Press
        && key.code == KeyCode::Char('!')
    {
        panic!("a panic on request (BRIEF_TEST_PANIC)");
    }
}

/// Leaves the alternate screen, shows the cursor and leaves raw mode. Errors are ignored: the
/// terminal may be gone.
fn restore() {
    let mut out = io::stdout().lock();
    let _ = crossterm::execute!(
        out,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = out.flush();
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Ends the process from another thread: restores the terminal, saves the last published state
/// (unless the reader panicked) and exits with `code`.
fn shutdown(code: i32) -> ! {
    // Held until the process exits, so neither the event loop nor a second signal can write the
    // terminal or the state file in between.
    let mut s = shared();
    if !s.done {
        s.done = true;
        restore();
        if !PANICKED.load(Ordering::SeqCst)
            && let (Some(dir), Some(saved)) = (&s.dir, &s.snapshot)
        {
            let _ = saved::save(dir, s.base.as_ref().unwrap_or(&Saved::default()), saved);
        }
        if let Some(msg) = s.late_panic.take() {
            eprintln!("{msg}");
        }
    }
    std::process::exit(code)
}

fn wait_for_signal(mut signals: Signals) {
    if let Some(signal) = signals.forever().next() {
        // The shell's convention for "ended by signal N".
        shutdown(128 + signal);
    }
}

/// How often the terminal is checked for a hang-up that sent no SIGHUP.
const WATCH_INTERVAL: Duration = Duration::from_millis(200);

/// Ends the process when the controlling terminal has gone without a SIGHUP reaching us.
fn watch_tty() {
    loop {
        thread::sleep(WATCH_INTERVAL);
        if std::fs::File::open("/dev/tty").is_err() {
            shutdown(128 + SIGHUP);
        }
    }
}

fn install_panic_hook() {
    if HOOKED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !ACTIVE.load(Ordering::SeqCst) {
            previous(info);
            return;
        }
        let msg = one_line(info);
        // Not `lock`: the panic may come from a thread holding the lock.
        let Ok(mut s) = SHARED.try_lock() else {
            // A shutdown is under way and will restore the terminal; nothing is written now.
            PANICKED.store(true, Ordering::SeqCst);
            return;
        };
        if s.ui != Some(thread::current().id()) {
            s.late_panic.get_or_insert(msg);
            return;
        }
        PANICKED.store(true, Ordering::SeqCst);
        s.done = true;
        restore();
        ACTIVE.store(false, Ordering::SeqCst);
        drop(s);
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            previous(info);
        } else {
            eprintln!("{msg}");
        }
    }));
}

/// The panic as one readable line, its text made safe to print.
fn one_line(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    let at = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    let text = format!("{payload}{at}");
    let text = crate::safe::sanitize(&text).replace('\n', " ");
    format!(
        "brief: internal error (a bug): {text}; the reading position was not saved \
         (RUST_BACKTRACE=1 shows where)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_c_is_an_interrupt_and_plain_c_is_not() {
        let ctrl = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(is_interrupt(&ctrl));
        let plain = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert!(!is_interrupt(&plain));
        let mut release = ctrl;
        release.kind = KeyEventKind::Release;
        assert!(!is_interrupt(&release));
    }

    #[test]
    fn the_test_panic_key_does_nothing_unless_asked() {
        test_panic(&KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE));
    }
}
