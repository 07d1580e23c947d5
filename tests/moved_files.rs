//! A file moved or renamed since it was read is found again by its size and the hash of its
//! first KB (issue 13, defect 2): the reader, headless, on made-up files in a temporary folder,
//! saving and loading a real state file in a temporary state folder.
#![cfg(feature = "tui")]

use std::path::Path;

#[cfg(target_os = "linux")]
#[path = "support/pty.rs"]
mod pty;

use brief::library::Library;
use brief::tui::keymap::KeyMap;
use brief::tui::saved;
use brief::tui::theme::Theme;
use brief::tui::{App, parse_keys, replay};

#[path = "support/headless.rs"]
mod headless;
use headless::sandbox;

fn story(title: &str, n: usize) -> String {
    let body: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "Paragraph {i} tells how the ferry crews of a made-up town waited for the new \
                 timetable, and what the harbour office said about the winter crossings."
            )
        })
        .collect();
    format!("{title}\n\n{}\n", body.join("\n\n"))
}

fn app_on(dir: &Path) -> App {
    let (lib, problems) = Library::scan(&[dir.to_path_buf()]);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = App::from_library(lib, Theme::new(false), KeyMap::default());
    app.resize(80, 24);
    app
}

/// Opens the reader on `dir` as a start does: state loaded, restored.
fn start(dir: &Path, state: &Path) -> (App, saved::Saved) {
    let mut app = app_on(dir);
    let (s, notice) = saved::load(Some(state));
    assert_eq!(notice, None);
    let base = s.clone();
    app.restore(s);
    (app, base)
}

fn open(app: &mut App, title: &str) {
    let i = app
        .shelf
        .articles
        .iter()
        .position(|a| a.title == title)
        .unwrap_or_else(|| panic!("{title} not listed"));
    app.current = i;
    app.library_cursor = i;
    app.top = 0;
    app.progress = 0;
}

#[test]
fn a_renamed_file_opens_at_its_place_with_its_read_mark() {
    sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let (lib, state) = (tmp.path().join("lib"), tmp.path().join("state"));
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("a.txt"), story("Ferry timetable", 40)).unwrap();
    std::fs::write(lib.join("b.txt"), story("Bridge repairs", 5)).unwrap();

    // First run: read the ferry story some way down, quit (save).
    let (mut app, base) = start(&lib, &state);
    open(&mut app, "Ferry timetable");
    replay(&mut app, &parse_keys("j j j j j j j j j j j j").unwrap());
    let (top, read) = (app.top, app.read_state(app.current));
    assert!(top > 0, "did not scroll");
    assert!(read.is_some_and(|r| r > 0), "{read:?}");
    saved::save(&state, &base, &app.to_saved()).unwrap();

    // Renamed (and moved into a subfolder) between runs.
    std::fs::create_dir_all(lib.join("2026")).unwrap();
    std::fs::rename(lib.join("a.txt"), lib.join("2026").join("ferry.txt")).unwrap();

    // Second run: it opens where it was, at the same place, with the same read mark.
    let (app, base) = start(&lib, &state);
    assert_eq!(
        app.article().map(|a| a.title.as_str()),
        Some("Ferry timetable")
    );
    assert_eq!(
        app.article().and_then(|a| a.path.as_deref()),
        Some(lib.join("2026").join("ferry.txt").as_path())
    );
    assert_eq!(app.top, top);
    assert_eq!(app.read_state(app.current), read);

    // Its quit drops the old path from the state file.
    saved::save(&state, &base, &app.to_saved()).unwrap();
    let (now, _) = saved::load(Some(&state));
    let old = lib.join("a.txt").display().to_string();
    assert!(
        !now.positions
            .keys()
            .chain(now.read.keys())
            .any(|k| k.ends_with("/lib/a.txt")),
        "{old} still remembered: {now:?}"
    );
    let new_key = saved::key(app.article().unwrap());
    assert_eq!(now.positions.get(&new_key), Some(&top));
    assert!(now.files.contains_key(&new_key));

    // A third run, nothing moved: the same again.
    let (app, _) = start(&lib, &state);
    assert_eq!(app.top, top);
    assert_eq!(app.read_state(app.current), read);
}

#[test]
fn a_changed_file_at_a_new_name_is_a_new_article() {
    sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let (lib, state) = (tmp.path().join("lib"), tmp.path().join("state"));
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("a.txt"), story("Ferry timetable", 40)).unwrap();
    let (mut app, base) = start(&lib, &state);
    replay(&mut app, &parse_keys("j j j j j j").unwrap());
    assert!(app.top > 0);
    saved::save(&state, &base, &app.to_saved()).unwrap();
    std::fs::remove_file(lib.join("a.txt")).unwrap();
    // Another text (its first KB differs) at another name: nothing inherited.
    std::fs::write(lib.join("c.txt"), story("Ferry timetable, revised", 40)).unwrap();
    let (app, _) = start(&lib, &state);
    assert_eq!(app.top, 0);
    assert_eq!(app.read_state(app.current), None);
}

/// The text panel of an 80x24 screen: its title (with how far it was read) and its rows.
#[cfg(target_os = "linux")]
fn text_panel(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(1)
        .take(22)
        .map(|l| l.chars().take(50).collect::<String>())
        .collect()
}

/// The real binary in a terminal (tmux), twice: read some way down, quit; the file renamed;
/// started again on the folder with the state file carried over, it opens at the same place.
#[cfg(target_os = "linux")]
#[test]
fn a_real_reader_finds_a_renamed_file_at_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::write(lib.join("a.txt"), story("Ferry timetable", 40)).unwrap();
    std::fs::write(lib.join("b.txt"), story("Bridge repairs", 5)).unwrap();
    let folder = lib.display().to_string();
    let home = tempfile::Builder::new()
        .prefix("brief-pty-moved-")
        .tempdir()
        .unwrap();
    let Some(t) = pty::Pty::start_in("moved", home, &[&folder], &[], (80, 24), false, false) else {
        return;
    };
    t.wait_for("q quit");
    t.keys(&["j"; 12]);
    let read = t.wait_for("15%");
    let before = text_panel(&read);
    assert!(
        before[0].contains("Text") && before[1].contains("Paragraph 2"),
        "{read}"
    );
    t.keys(&["q"]);
    t.wait_for("brief exited 0");
    let state = std::fs::read(t.state_file()).unwrap();

    std::fs::create_dir_all(lib.join("2026")).unwrap();
    std::fs::rename(lib.join("a.txt"), lib.join("2026").join("ferry.txt")).unwrap();
    let home = tempfile::Builder::new()
        .prefix("brief-pty-moved2-")
        .tempdir()
        .unwrap();
    std::fs::create_dir_all(home.path().join("state/brief")).unwrap();
    std::fs::write(home.path().join("state/brief/state.json"), &state).unwrap();
    let Some(t) = pty::Pty::start_in("moved2", home, &[&folder], &[], (80, 24), false, false)
    else {
        return;
    };
    let again = t.wait_for("15%");
    assert_eq!(text_panel(&again), before, "{again}");
    t.keys(&["q"]);
    t.wait_for("brief exited 0");
    let now = String::from_utf8(std::fs::read(t.state_file()).unwrap()).unwrap();
    assert!(now.contains("2026/ferry.txt"), "{now}");
    assert!(!now.contains("lib/a.txt"), "{now}");
}
