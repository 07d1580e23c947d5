//! The real binary in a real pseudo-terminal (tmux): it starts, answers keys, draws the screen a
//! user sees, quits, and leaves the terminal as it found it. Skipped, with a note, without tmux.
#![cfg(all(feature = "tui", target_os = "linux"))]

#[path = "support/pty.rs"]
mod pty;

use std::process::Command;
use std::time::{Duration, Instant};

use pty::Pty;

fn render(keys: &str) -> String {
    // brief's folders in a temporary home, never the user's.
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["render", "--size", "120x40", "--keys", keys])
        .env("HOME", h)
        .env("XDG_DATA_HOME", h.join("data"))
        .env("XDG_CONFIG_HOME", h.join("config"))
        .env("XDG_STATE_HOME", h.join("state"))
        .env("XDG_CACHE_HOME", h.join("cache"))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn normalise(s: &str) -> Vec<String> {
    s.lines().map(|l| l.trim_end().to_string()).collect()
}

#[test]
fn the_reader_runs_in_a_terminal_and_restores_it() {
    let Some(t) = Pty::start("e2e-run", &[], &[], (120, 40), false) else {
        return;
    };
    let s = t.wait_for("q quit");
    assert!(s.contains("US and Russia resume talks in Riyadh"), "{s}");
    assert!(s.contains("1 Library") && s.contains("3 Actors") && s.contains("4 Timeline"));
    assert!(s.contains("In a major turnaround"));

    t.keys(&["/", "P", "u", "t", "i", "n", "Enter"]);
    let s = t.wait_for("/Putin 1/");
    assert!(s.contains("Putin"));

    t.keys(&["Escape", "?"]);
    let s = t.wait_for("Help");
    assert!(s.contains("line down"), "{s}");
    t.keys(&["Escape", "z"]);
    let s = t.wait_for(" Reading ");
    assert!(!s.contains("3 Actors"), "{s}");
    // Scrolled by the terminal (a scrolling region) and by ratatui, the screen must read exactly
    // as the headless render of the same keys.
    t.keys(&["j", "j", "j", "j", "j", "k"]);
    let expected = render("z j j j j j k");
    let start = Instant::now();
    while normalise(&t.screen()) != normalise(&expected) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "screen:\n{}\nexpected:\n{expected}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    t.keys(&["G"]);
    let s = t.wait_for("Short link");
    assert!(s.contains("Short link"));

    t.keys(&["q"]);
    t.wait_for("brief exited");
    // stty's line comes after.
    let s = t.wait_for("icanon");
    assert!(s.contains("brief exited 0"), "{s}");
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "raw mode left on:\n{s}"
    );
    assert!(
        !s.contains("Reading"),
        "the alternate screen was not left:\n{s}"
    );
    assert!(!t.alternate_on(), "the alternate screen is still on");
    let state = std::fs::read_to_string(t.state_file()).unwrap();
    assert!(state.contains("positions"), "{state}");
}

#[test]
fn a_corrupt_state_file_is_a_notice_and_small_terminals_say_so() {
    let home = tempfile::Builder::new()
        .prefix("brief-e2e-corrupt-")
        .tempdir()
        .unwrap();
    let state = home.path().join("state/brief");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(state.join("state.json"), "{not json").unwrap();
    let Some(t) = Pty::start_in("e2e-corrupt", home, &[], &[], (60, 20), false, false) else {
        return;
    };
    let s = t.wait_for("was corrupt");
    // Set aside with a suffix, not lost.
    let aside = std::fs::read_dir(&state).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with("state.json.corrupt-")
    });
    assert!(aside, "the corrupt state file is set aside");
    assert!(
        s.contains("1 Library │ 2 Text"),
        "narrow layout has tabs:\n{s}"
    );
    t.run(&["resize-window", "-t", "t", "-x", "20", "-y", "5"]);
    t.wait_for("too small");
    t.run(&["resize-window", "-t", "t", "-x", "100", "-y", "30"]);
    t.wait_for("3 Actors");
    t.keys(&["q"]);
    let s = t.wait_for("brief exited");
    assert!(s.contains("brief exited 0"), "{s}");
}
