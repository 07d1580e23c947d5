//! The reader's terminal on every way out (issue 7): signals, a closed terminal, Ctrl-C and a
//! panic, each in a real pseudo-terminal (tmux). Each checks how fast brief exits and how much
//! CPU it used, that the terminal is usable again (canonical mode and echo on, the alternate
//! screen left) and what became of the state file. Skipped, with a note, without tmux.
//!
//! Each test takes about a second or two (most of it starting the binary and waiting for it).
#![cfg(all(feature = "tui", target_os = "linux"))]

#[path = "support/pty.rs"]
mod pty;

use std::time::Duration;

use pty::{Pty, cpu_ticks, read_when_there, wait_exit};

/// The limit for exiting after a signal or a hang-up.
const EXIT_LIMIT: Duration = Duration::from_secs(1);

/// Ten milliseconds a tick on Linux: 20 ticks is a fifth of a second of CPU. Exiting takes a
/// few milliseconds; a spinning process would use all the time it is given.
const EXIT_CPU_TICKS: u64 = 20;

/// Starts brief on the sample, waits for the first frame and moves the reading position, so
/// the saved state differs from a fresh start's.
fn started(name: &str, env: &[&str], ignore_hup: bool) -> Option<Pty> {
    let mut t = Pty::start(name, &[], env, (100, 30), ignore_hup)?;
    t.pid();
    t.wait_for("q quit");
    // The body, three lines down (the percentage read shows the keys were taken).
    t.keys(&["2", "j", "j", "j"]);
    t.wait_for("19%");
    Some(t)
}

/// Waits for the pane's shell to report, and checks the terminal is usable again.
fn assert_restored(t: &Pty, status: &str) -> String {
    t.wait_for("brief exited");
    let s = t.wait_for("echo");
    assert!(s.contains(&format!("brief exited {status}")), "{s}");
    let lines: Vec<&str> = s.lines().map(str::trim).collect();
    assert!(lines.contains(&"icanon"), "raw mode left on:\n{s}");
    assert!(lines.contains(&"echo"), "echo left off:\n{s}");
    assert!(!t.alternate_on(), "the alternate screen was not left:\n{s}");
    assert!(
        !s.contains("q quit"),
        "the reader's screen is still shown:\n{s}"
    );
    s
}

/// The saved state: valid JSON holding a reading position below the top.
fn assert_state_saved(t: &Pty) {
    let bytes = read_when_there(&t.state_file());
    let json: serde_json::Value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("state not JSON ({e}): {}", String::from_utf8_lossy(&bytes)));
    let positions = json["positions"].as_object().expect("positions");
    assert!(
        positions
            .values()
            .any(|v| v.as_u64().is_some_and(|p| p > 0)),
        "the position the user reached was not saved: {json}"
    );
    assert!(json["last"].is_string(), "{json}");
    let dir = t.state_file().parent().unwrap().to_path_buf();
    let names: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "a temporary file was left: {names:?}");
}

/// Sends `signal` and checks the exit: fast, cheap, restored, saved.
fn signal_case(name: &str, signal: &str, status: &str) {
    let Some(mut t) = started(name, &[], false) else {
        return;
    };
    let pid = t.pid();
    // Idle: reading costs nothing (nothing polls while the user reads).
    let idle_before = cpu_ticks(pid);
    std::thread::sleep(Duration::from_secs(1));
    let idle = cpu_ticks(pid) - idle_before;
    assert!(idle <= 2, "{idle} ticks of CPU in a second of idling");

    let before = cpu_ticks(pid);
    t.signal(signal);
    let took = wait_exit(pid, EXIT_LIMIT * 5).expect("brief still runs 5 s after the signal");
    let used = cpu_ticks(pid).saturating_sub(before);
    eprintln!("{signal}: exited after {took:?}, {used} ticks of CPU, {idle} ticks idle for 1 s");
    assert!(took < EXIT_LIMIT, "{signal}: exited after {took:?}");
    assert!(used <= EXIT_CPU_TICKS, "{signal}: {used} ticks of CPU");
    assert_restored(&t, status);
    assert_state_saved(&t);
}

#[test]
fn sigterm_restores_the_terminal_saves_and_exits_at_once() {
    signal_case("term", "TERM", "143");
}

#[test]
fn sighup_saves_and_exits_at_once() {
    signal_case("hup", "HUP", "129");
}

#[test]
fn sigint_and_sigquit_save_and_exit_at_once() {
    signal_case("int", "INT", "130");
    signal_case("quit", "QUIT", "131");
}

#[test]
fn ctrl_c_quits_like_q() {
    let Some(t) = started("ctrlc", &[], false) else {
        return;
    };
    t.keys(&["C-c"]);
    assert_restored(&t, "0");
    assert_state_saved(&t);
}

/// Closes the terminal under brief: the pane's shell (the session leader) is hung up.
fn closed_case(name: &str, ignore_hup: bool) {
    let Some(mut t) = started(name, &[], ignore_hup) else {
        return;
    };
    let pid = t.pid();
    let before = cpu_ticks(pid);
    t.run(&["kill-session", "-t", "t"]);
    let took = wait_exit(pid, EXIT_LIMIT * 5).expect("brief still runs 5 s after the hang-up");
    let used = cpu_ticks(pid).saturating_sub(before);
    eprintln!("{name}: exited after {took:?}, {used} ticks of CPU");
    assert!(took < EXIT_LIMIT, "{name}: exited after {took:?}");
    assert!(
        used <= EXIT_CPU_TICKS,
        "{name}: {used} ticks of CPU (spinning?)"
    );
    assert_state_saved(&t);
}

#[test]
fn closing_the_terminal_ends_brief_without_spinning() {
    closed_case("closed", false);
}

/// A session leader that ignores SIGHUP passes no hang-up on: brief notices the terminal has
/// gone by itself.
#[test]
fn closing_the_terminal_without_a_sighup_ends_brief_too() {
    closed_case("closed-nohup", true);
}

#[test]
fn a_panic_restores_the_terminal_says_one_line_and_keeps_the_state_file() {
    // A state file of the user's, in a layout brief would not write itself.
    let home = tempfile::Builder::new()
        .prefix("brief-pty-panic-")
        .tempdir()
        .unwrap();
    let dir = home.path().join("state/brief");
    std::fs::create_dir_all(&dir).unwrap();
    let original = b"{\"positions\": {\"elsewhere\": 7}, \"read\": {}}\n".to_vec();
    std::fs::write(dir.join("state.json"), &original).unwrap();
    let Some(mut t) = Pty::start_in(
        "panic",
        home,
        &[],
        &["BRIEF_TEST_PANIC=1"],
        (100, 30),
        false,
        false,
    ) else {
        return;
    };
    let pid = t.pid();
    t.wait_for("q quit");
    t.keys(&["2", "j", "j", "j"]);
    t.wait_for("19%");
    t.keys(&["!"]);
    let took = wait_exit(pid, EXIT_LIMIT * 5).expect("brief still runs after the panic");
    assert!(took < EXIT_LIMIT, "{took:?}");
    let s = assert_restored(&t, "101");
    let said: Vec<&str> = s.lines().filter(|l| l.contains("brief:")).collect();
    assert_eq!(said.len(), 1, "{s}");
    assert!(said[0].contains("internal error"), "{s}");
    assert!(
        !s.contains("panicked at") && !s.contains("backtrace"),
        "{s}"
    );
    assert_eq!(std::fs::read(t.state_file()).unwrap(), original);
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "{names:?}");
}
