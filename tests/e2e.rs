//! The real binary in a real pseudo-terminal (tmux): it starts, answers keys, draws the screen a
//! user sees, quits, and leaves the terminal as it found it. Skipped, with a note, without tmux.
#![cfg(feature = "tui")]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Waits until the screen holds `needle` (the binary draws only when it has something new).
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {needle:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend(keys);
        self.run(&args);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Only the server on this test's own socket.
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn render(keys: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["render", "--size", "120x40", "--keys", keys])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn normalise(s: &str) -> Vec<String> {
    s.lines().map(|l| l.trim_end().to_string()).collect()
}

fn temp_home(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("brief-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn start(name: &str, home: &Path, size: (u16, u16)) -> Option<Tmux> {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux not found, skipping the terminal end-to-end test");
        return None;
    }
    let bin = env!("CARGO_BIN_EXE_brief");
    let h = home.display();
    // After brief exits the shell reports its status and whether the line discipline is back in
    // canonical mode (raw mode undone), then waits to be read.
    let script = format!(
        "env HOME={h} XDG_CONFIG_HOME={h}/config XDG_STATE_HOME={h}/state \
         XDG_DATA_HOME={h}/data XDG_CACHE_HOME={h}/cache TERM=xterm-256color '{bin}'; \
         echo \"brief exited $?\"; stty -a | tr ' ' '\\n' | grep -x -- '-*icanon'; sleep 30"
    );
    let t = Tmux {
        socket: format!("brief-e2e-{name}-{}", std::process::id()),
    };
    let (w, h) = (size.0.to_string(), size.1.to_string());
    t.run(&[
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        &w,
        "-y",
        &h,
        "sh",
        "-c",
        &script,
    ]);
    Some(t)
}

#[test]
fn the_reader_runs_in_a_terminal_and_restores_it() {
    let home = temp_home("run");
    let Some(t) = start("run", &home, (120, 40)) else {
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
    assert_eq!(
        t.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"])
            .trim(),
        "0"
    );
    let state = std::fs::read_to_string(home.join("state/brief/state.json")).unwrap();
    assert!(state.contains("positions"), "{state}");
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn a_corrupt_state_file_is_a_notice_and_small_terminals_say_so() {
    let home = temp_home("corrupt");
    std::fs::create_dir_all(home.join("state/brief")).unwrap();
    std::fs::write(home.join("state/brief/state.json"), "{not json").unwrap();
    let Some(t) = start("corrupt", &home, (60, 20)) else {
        return;
    };
    let s = t.wait_for("was corrupt");
    // Set aside with a suffix, not lost.
    let aside = std::fs::read_dir(home.join("state/brief"))
        .unwrap()
        .flatten()
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        });
    assert!(aside, "the corrupt state file is set aside");
    assert!(
        s.contains("1 Library │ 2 Text"),
        "narrow layout has tabs:\n{s}"
    );
    t.run(&["resize-window", "-t", "e2e", "-x", "20", "-y", "5"]);
    t.wait_for("too small");
    t.run(&["resize-window", "-t", "e2e", "-x", "100", "-y", "30"]);
    t.wait_for("3 Actors");
    t.keys(&["q"]);
    let s = t.wait_for("brief exited");
    assert!(s.contains("brief exited 0"), "{s}");
    let _ = std::fs::remove_dir_all(&home);
}
