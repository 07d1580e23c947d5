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

use pty::{Pty, cpu_ticks, processes_with_home, read_when_there, wait_exit};

/// The issue's limit for exiting after a signal or a hang-up.
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
    // The analysis done (it may run on another thread): the actors are listed.
    t.wait_for("Donald Trump");
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

/// Waits (up to 10 s) until the process used no CPU for a quarter of a second.
fn settle(pid: u32) {
    let start = std::time::Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        let before = cpu_ticks(pid);
        std::thread::sleep(Duration::from_millis(250));
        if cpu_ticks(pid) == before {
            return;
        }
    }
}

/// Sends `signal` and checks the exit: fast, cheap, restored, saved.
fn signal_case(name: &str, signal: &str, status: &str) {
    let Some(mut t) = started(name, &[], false) else {
        return;
    };
    let pid = t.pid();
    assert_eq!(
        processes_with_home(t.home.path()),
        vec![pid],
        "brief is found"
    );
    // Idle: reading costs nothing (nothing polls while the user reads), once the work started
    // by the keys (drawing, a background analysis, the cache) is over.
    settle(pid);
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
    // Without a SIGHUP, crossterm retries reading the hung-up terminal at full CPU until brief
    // notices the terminal has gone (checked five times a second).
    let limit = if ignore_hup {
        EXIT_CPU_TICKS + 10
    } else {
        EXIT_CPU_TICKS
    };
    assert!(used <= limit, "{name}: {used} ticks of CPU (spinning?)");
    assert_eq!(
        processes_with_home(t.home.path()),
        Vec::<u32>::new(),
        "left behind"
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

/// Output written to the terminal behind the reader's back (`wall`, a background job) stays
/// until Ctrl-l clears the screen and draws it all again.
#[test]
fn ctrl_l_redraws_over_what_another_program_wrote() {
    use std::io::Write;
    let Some(t) = Pty::start("redraw", &[], &[], (100, 30), false) else {
        return;
    };
    t.wait_for("q quit");
    let tty = t.run(&["display", "-p", "-t", "t", "#{pane_tty}"]);
    let mut pane = std::fs::OpenOptions::new()
        .write(true)
        .open(tty.trim())
        .unwrap();
    pane.write_all(b"\x1b[6;6HSTRAY OUTPUT FROM ANOTHER PROGRAM")
        .unwrap();
    t.wait_for("STRAY OUTPUT");
    t.keys(&["C-l"]);
    t.wait_without("STRAY OUTPUT");
    // The clear comes first, the frame after it: wait for the whole frame, then check again.
    let s = t.wait_for("q quit");
    assert!(
        !s.contains("STRAY OUTPUT"),
        "the screen was drawn again:\n{s}"
    );
    t.keys(&["q"]);
    t.wait_for("brief exited 0");
}

// ---------------------------------------------------------------------------------------------
// No injection through the reader

/// Control sequences and invisible characters an article could carry: clear screen and cursor
/// moves (CSI), clipboard write (OSC 52), a hidden link (OSC 8), a window title (OSC 0), DCS and
/// APC strings, C1 controls, bidi overrides and isolates, zero-width characters, BEL, BS, CR.
const PAYLOAD: &str = "\x1b[2J\x1b[H\x1b[5;5H\x1b]52;c;ZXZpbA==\x07\x1b]8;;https://evil.example/\x1b\\\
click\x1b]8;;\x1b\\\x1b]0;pwned\x07\x1bP1$qm\x1b\\\x1b_apc\x1b\\\u{9b}31m\u{85}\u{9d}0;x\u{9c}\
\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200B}\u{200D}\u{2060}\u{FEFF}\u{2028}\r\x08\x07";

/// Articles carrying the payload in the body, the title, the source and the actors' names, as
/// text, Markdown and JSON.
fn write_hostile(dir: &std::path::Path) {
    let p = PAYLOAD;
    let body = format!(
        "Minister Ada{p} Quint met President Jo\x1b[2Jhn Smith in Gen{p}eva on Monday{p}, \
         officials said.\n\n\"We{p} agreed,\" Quint told reporters{p} on Tuesday, 18 February \
         2025. Smith said talks would resume in March.\n"
    );
    let json = |s: &str| serde_json::to_string(s).unwrap();
    std::fs::write(dir.join("a.txt"), format!("Talks{p} resume\n\n{body}")).unwrap();
    std::fs::write(
        dir.join("b.md"),
        format!("---\ntitle: Summit{p}\nsource: Wire{p}\ndate: 2025-02-18\n---\n\n{body}"),
    )
    .unwrap();
    let doc = format!(
        r#"{{"title": {t}, "source": {s}, "published": "2025-02-18", "text": {b},
            "actors": [{{"name": {n}, "kind": "person", "role": {n}, "aliases": [{n}]}}],
            "events": [{{"label": {n}, "date": "2025-02-17", "participants": [{n}]}}]}}"#,
        t = json(&format!("Visit{p}")),
        s = json(&format!("Source{p}")),
        b = json(&body),
        n = json(&format!("Ada{p} Quint")),
    );
    std::fs::write(dir.join("c.json"), doc).unwrap();
    // Files that fail to load, so their names and errors show in the status line: a name with
    // an OSC 52 and a clear screen, and JSON with a lone surrogate.
    std::fs::write(dir.join("0\x1b]52;c;ZXZpbA==\x07\x1b[2J.txt"), "").unwrap();
    std::fs::write(
        dir.join("1.json"),
        "{\"text\": \"Talks \\ud800\x1b[2J resumed.\"}",
    )
    .unwrap();
}

/// Checks every byte brief wrote: UTF-8; escape sequences only the CSI ones a ratatui screen
/// uses (styles, cursor moves and visibility, clearing, scrolling regions, the alternate
/// screen); no OSC, DCS, APC, PM or SOS string, no other ESC; no control character but CR and
/// LF; no C1 control, bidi or zero-width character.
fn assert_only_our_sequences(bytes: &[u8], what: &str) {
    if let Err(e) = only_our_sequences(bytes) {
        panic!("{what}: {e}");
    }
}

/// What [`assert_only_our_sequences`] checks, the first thing foreign as the error.
fn only_our_sequences(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    let context = |at: usize| {
        let mut from = at.saturating_sub(80);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        format!("at byte {at} after {:?}", &text[from..at])
    };
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        if c == '\x1b' {
            let Some((_, '[')) = chars.next() else {
                return Err(format!("ESC not starting a CSI {}", context(at)));
            };
            let mut params = String::new();
            let fin = loop {
                match chars.next() {
                    Some((_, p @ ('0'..='9' | ';' | '?'))) => params.push(p),
                    Some((_, f)) => break f,
                    None => return Err(format!("unfinished CSI {}", context(at))),
                }
            };
            let ok = match fin {
                'm' | 'H' | 'J' | 'K' | 'r' | 'S' | 'T' | 'A' | 'B' | 'C' | 'D' | 'G' => {
                    !params.contains('?')
                }
                'h' | 'l' => params == "?1049" || params == "?25",
                _ => false,
            };
            if !ok {
                return Err(format!("CSI {params:?} {fin:?} {}", context(at)));
            }
        } else if c != '\r' && c != '\n' && (c.is_control() || brief::safe::is_unsafe(c)) {
            return Err(format!("{c:?} {}", context(at)));
        }
    }
    Ok(())
}

/// The keys that visit every view, on each of the three articles, each with what the screen
/// shows once they are taken.
const TOUR: &[(&[&str], &str)] = &[
    (&["1", "j", "k"], " Library "),
    (&["2", "j", "j", "G", "g"], " Text "),
    (&["3", "j", "Enter", "j"], "mention"),
    (&["4", "j", "Enter"], "quit"),
    (&["?"], "line down"),
    (&["Escape", "/", "A", "d", "a", "Enter", "n"], "/Ada"),
    (&["Escape", "z", "j", "j"], " Reading "),
    (&["z", "Tab", "Tab", "]"], "quit"),
    // The library view, sorted, unread only, filtered; the line filter.
    (&["L", "j", "S", "u", "/", "a", "Enter"], "unread only"),
    (&["Escape", "u", "L"], "quit"),
    (&["&", "A", "d", "a", "Enter"], "filter on"),
    (&["Escape"], "quit"),
    (&["!"], "loading · Esc close"),
    (&["Escape"], "quit"),
    // The library scope's actor in full: names, roles, quotations and titles from articles
    // (the next step waits for the library's analysis to be done).
    (&["A", "3"], " Actors "),
    (&["i", "j", "j"], "all articles · Esc close"),
    (&["Escape", "A"], "quit"),
];

#[test]
fn the_output_check_catches_every_kind_of_payload() {
    for bad in [
        "\x1b]52;c;ZXZpbA==\x07",
        "\x1b]8;;https://evil.example/\x1b\\",
        "\x1bP1$qm\x1b\\",
        "\x1b_apc\x1b\\",
        "\x1bc",
        "\x1b[6n",
        "\x1b[?1000h",
        "\u{9b}31m",
        "\u{202E}",
        "\u{2066}",
        "\u{200B}",
        "\u{FEFF}",
        "\x07",
        "\x08",
    ] {
        let text = format!("\x1b[1;1Hsafe \x1b[1mtext\x1b[0m {bad} more");
        assert!(
            only_our_sequences(text.as_bytes()).is_err(),
            "{bad:?} was not caught"
        );
    }
    assert_only_our_sequences(
        "\x1b[?1049h\x1b[?25l\x1b[2J\x1b[3;4H␛[2J ok\x1b[38;5;12m\r\n\x1b[?25h\x1b[?1049l"
            .as_bytes(),
        "ours",
    );
}

#[test]
fn nothing_from_an_article_reaches_the_terminal_in_any_view() {
    let home = tempfile::Builder::new()
        .prefix("brief-pty-inject-")
        .tempdir()
        .unwrap();
    let dir = home.path().join("articles");
    std::fs::create_dir(&dir).unwrap();
    write_hostile(&dir);
    let capture = home.path().join("output.bin");
    let folder = dir.display().to_string();
    let Some(t) = Pty::start_in("inject", home, &[&folder], &[], (100, 30), false, true) else {
        return;
    };
    // Every byte the pane receives, from before brief starts.
    t.run(&[
        "pipe-pane",
        "-o",
        "-t",
        "t",
        &format!("cat >> '{}'", capture.display()),
    ]);
    t.go();
    // The status line counts the load problems; `!` lists them, file names made visible.
    t.wait_for("problems, ! to list");
    t.keys(&["!"]);
    t.wait_for("0␛]52;c;ZXZpbA==␇␛[2J.txt");
    t.keys(&["Escape"]);
    // The payload shows, made visible, where it was.
    t.wait_for("␛[2J");
    for _article in 0..3 {
        for (keys, shows) in TOUR {
            // The actors and timeline steps need the article's analysis, which runs on a worker
            // thread: on a loaded machine it can still be running when the keys arrive.
            t.wait_without("analysing…");
            t.keys(keys);
            std::thread::sleep(Duration::from_millis(100));
            t.wait_for(shows);
        }
    }
    t.keys(&["q"]);
    t.wait_for("brief exited 0");
    let s = t.wait_for("echo");
    assert!(s.lines().any(|l| l.trim() == "icanon"), "{s}");
    // The load problems, on standard error once the terminal is back, names made visible.
    assert!(
        s.contains("brief: error: ") && s.contains("0␛]52;c;ZXZpbA==␇␛[2J.txt"),
        "{s}"
    );
    // pipe-pane's `cat` may still be writing.
    std::thread::sleep(Duration::from_millis(300));
    let bytes = std::fs::read(&capture).unwrap();
    assert!(
        bytes.len() > 10_000,
        "too little captured ({} bytes)",
        bytes.len()
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("␛]52;c;ZXZpbA=="),
        "the payload was never drawn"
    );
    assert!(
        text.contains("Jo␛[2Jhn"),
        "the name with an ESC was never drawn"
    );
    assert_only_our_sequences(&bytes, "the reader's output");
}

#[test]
fn nothing_from_an_article_reaches_a_render_of_any_view() {
    let home = tempfile::tempdir().unwrap();
    write_hostile(home.path());
    let mut keys = String::new();
    for (batch, _) in TOUR.iter().cycle().take(TOUR.len() * 3) {
        for k in *batch {
            keys.push_str(match *k {
                "Escape" => "Esc",
                k => k,
            });
            keys.push(' ');
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
                .args(["render", "--ansi", "--color", "always", "--size", "100x30"])
                .args(["--keys", &keys])
                .arg(home.path())
                .env("HOME", home.path())
                .env("XDG_DATA_HOME", home.path().join("data"))
                .env("XDG_CONFIG_HOME", home.path().join("config"))
                .env("XDG_STATE_HOME", home.path().join("state"))
                .env("XDG_CACHE_HOME", home.path().join("cache"))
                .output()
                .unwrap();
            assert!(out.status.success(), "{keys}: {out:?}");
            assert_only_our_sequences(&out.stdout, &format!("render --keys {keys:?}"));
        }
    }
}

/// Standard base64 decoded (the test's own, to read what `y` sent).
fn unbase64(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for b in s.bytes().filter(|b| *b != b'=') {
        let v = ALPHABET.iter().position(|a| *a == b).expect("base64") as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

#[test]
fn y_sends_one_osc_52_of_plain_text_and_nothing_else_from_the_article() {
    let home = tempfile::Builder::new()
        .prefix("brief-pty-copy-")
        .tempdir()
        .unwrap();
    let dir = home.path().join("articles");
    std::fs::create_dir(&dir).unwrap();
    write_hostile(&dir);
    let capture = home.path().join("output.bin");
    let folder = dir.display().to_string();
    let Some(t) = Pty::start_in("copy", home, &[&folder], &[], (100, 30), false, true) else {
        return;
    };
    t.run(&[
        "pipe-pane",
        "-o",
        "-t",
        "t",
        &format!("cat >> '{}'", capture.display()),
    ]);
    t.go();
    t.wait_for("problems, ! to list");
    t.wait_without("analysing…");
    // The sentence being read, then the event's in the timeline, then an article's title.
    t.keys(&["2", "y"]);
    t.wait_for("copied:");
    t.keys(&["4", "y"]);
    std::thread::sleep(Duration::from_millis(200));
    t.keys(&["L", "y"]);
    t.wait_for("copied:");
    t.keys(&["q"]);
    t.wait_for("brief exited 0");
    std::thread::sleep(Duration::from_millis(300));
    let bytes = std::fs::read(&capture).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    // Each copy is one OSC 52 sequence: ESC ] 52 ; c ; base64 BEL, whole in the output.
    let parts: Vec<&str> = text.split("\x1b]52;c;").collect();
    assert!(parts.len() >= 3, "{} copies sent", parts.len() - 1);
    let mut rest = parts[0].to_string();
    for part in &parts[1..] {
        let end = part.find('\x07').expect("the sequence ends with BEL");
        let payload = &part[..end];
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
            "{payload:?}"
        );
        let copied = String::from_utf8(unbase64(payload)).unwrap();
        assert!(
            !copied
                .chars()
                .any(|c| c.is_control() || brief::safe::is_unsafe(c)),
            "{copied:?}"
        );
        assert!(!copied.is_empty());
        rest.push_str(&part[end + 1..]);
    }
    // Everything else: only the screen's own sequences.
    assert_only_our_sequences(rest.as_bytes(), "the reader's output around the copies");
}
