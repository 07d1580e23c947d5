//! The reader on a large library: the list from titles alone, texts read when shown and only a
//! bounded number held, analysis on another thread while keys keep working, and a second open
//! served by the analysis cache.

#![cfg(feature = "tui")]

use std::sync::mpsc;
use std::time::Duration;

use brief::Options;
use brief::cache::Cache;
use brief::library::Library;
use brief::tui::App;
use brief::tui::app::TEXTS_HELD;
use brief::tui::keymap::{Key, KeyMap};
use brief::tui::theme::Theme;
use brief::tui::worker::Worker;

#[path = "support/headless.rs"]
mod headless;
use headless::sandbox;

fn library(n: usize) -> (tempfile::TempDir, Library) {
    sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    let end = jiff::civil::Date::new(2025, 2, 18).unwrap();
    brief::synth::write_library(&dir, 7, n, end).unwrap();
    let (lib, problems, _) = Library::scan_with(&[dir], None);
    assert!(problems.is_empty(), "{problems:?}");
    (tmp, lib)
}

fn press(app: &mut App, key: &str) -> bool {
    app.key(&Key::parse(key).unwrap().to_event())
}

fn held(app: &App) -> usize {
    app.shelf
        .articles
        .iter()
        .filter(|a| !a.text.is_empty())
        .count()
}

#[test]
fn a_large_library_opens_with_every_title_and_few_texts() {
    let (_tmp, lib) = library(2000);
    let mut app = App::from_library(lib, Theme::new(false), KeyMap::default());
    assert_eq!(app.shelf.articles.len(), 2000);
    assert!(app.shelf.articles.iter().all(|a| !a.title.is_empty()));
    assert_eq!(held(&app), 1, "only the article on screen is read");
    assert!(!app.article().unwrap().text.is_empty());
    // Paging through more articles than are held keeps the count bounded.
    for _ in 0..(TEXTS_HELD + 40) {
        press(&mut app, "]");
    }
    assert_eq!(app.current, TEXTS_HELD + 40);
    assert!(!app.article().unwrap().text.is_empty());
    assert!(held(&app) <= TEXTS_HELD, "{} texts held", held(&app));
    assert_eq!(app.texts_held(), held(&app));
    // A forgotten text is read again when shown.
    press(&mut app, "[");
    for _ in 0..(TEXTS_HELD + 38) {
        press(&mut app, "[");
    }
    assert_eq!(app.current, 1);
    assert!(!app.article().unwrap().text.is_empty());
    assert!(app.prepared().is_some(), "analysed when shown (no worker)");
}

#[test]
fn keys_work_while_the_analysis_is_pending() {
    let (_tmp, lib) = library(5);
    let mut app = App::from_library(lib, Theme::new(false), KeyMap::default());
    app.resize(100, 30);
    // An analysis that waits until the test lets it go.
    let (go, wait) = mpsc::channel::<()>();
    let wait = std::sync::Mutex::new(wait);
    app.attach_worker(Worker::with(move |a| {
        let _ = wait.lock().unwrap().recv();
        (brief::analyze(a, &Options::default()), true)
    }));
    assert!(app.analysis_pending());
    assert!(app.prepared().is_none());
    assert!(!app.receive(), "nothing back yet");
    // Scrolling, panels and other articles all answer meanwhile.
    assert!(press(&mut app, "1"), "focus the library");
    assert!(press(&mut app, "j"), "move its cursor");
    assert!(press(&mut app, "2"), "back to the text");
    assert!(press(&mut app, "]"));
    assert_eq!(app.current, 1);
    assert!(press(&mut app, "["));
    assert_eq!(app.current, 0);
    assert!(app.analysis_pending());
    let screen = brief::tui::buffer_to_text(&brief::tui::draw_buffer(&app));
    assert!(screen.contains("analysing…"), "{screen}");
    for _ in 0..2 {
        go.send(()).unwrap();
    }
    app.wait_analyses(Duration::from_secs(60));
    assert!(!app.analysis_pending());
    assert!(app.prepared().is_some());
    assert_eq!(app.shelf.analysed, 2);
    let screen = brief::tui::buffer_to_text(&brief::tui::draw_buffer(&app));
    assert!(!screen.contains("analysing…"), "{screen}");
}

#[test]
fn a_second_open_is_served_by_the_cache() {
    let (tmp, lib) = library(3);
    let cache_dir = tmp.path().join("cache");
    let open = |lib: Library| {
        let mut app = App::from_library(lib, Theme::new(false), KeyMap::default());
        app.attach_worker(Worker::spawn(Cache::at(&cache_dir), Options::default()));
        press(&mut app, "]");
        app.wait_analyses(Duration::from_secs(60));
        app
    };
    let first = open(lib.clone());
    assert_eq!(
        first.shelf.analysed, 2,
        "the first and second article analysed"
    );
    let second = open(lib);
    assert_eq!(second.shelf.analysed, 0, "both from the cache");
    assert!(second.prepared().is_some());
    assert_eq!(
        first.prepared().unwrap().analysis,
        second.prepared().unwrap().analysis
    );
}

#[test]
fn a_fault_in_the_analyser_leaves_the_reader_working() {
    let (_tmp, lib) = library(2);
    let mut app = App::from_library(lib, Theme::new(false), KeyMap::default());
    app.attach_worker(Worker::with(|a| {
        assert!(a.text.is_empty(), "a deliberate fault");
        (brief::model::Analysis::default(), true)
    }));
    app.wait_analyses(Duration::from_secs(60));
    assert!(!app.analysis_pending(), "a result came back all the same");
    assert!(app.prepared().is_some_and(|p| p.analysis.actors.is_empty()));
    assert!(press(&mut app, "]"));
    app.wait_analyses(Duration::from_secs(60));
    assert!(!app.analysis_pending());
    assert_eq!(app.current, 1);
}

#[test]
fn r_reloads_an_article_of_a_library_and_asks_for_a_new_analysis() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "First version of the note.\n").unwrap();
    std::fs::write(dir.join("b.txt"), "Another note.\n").unwrap();
    let (lib, _, _) = Library::scan_with(std::slice::from_ref(&dir), None);
    let mut app = App::from_library(lib, Theme::new(false), KeyMap::default());
    app.attach_worker(Worker::with(|a| {
        (brief::analyze(a, &Options::default()), true)
    }));
    app.wait_analyses(Duration::from_secs(60));
    std::fs::write(dir.join("a.txt"), "Second version, from Geneva.\n").unwrap();
    assert!(press(&mut app, "r"));
    app.wait_analyses(Duration::from_secs(60));
    assert!(app.article().unwrap().text.starts_with("Second version"));
    let analysis = &app.prepared().unwrap().analysis;
    let expected = brief::analyze(app.article().unwrap(), &Options::default());
    assert_eq!(analysis, &expected, "the analysis is of the new text");
    assert_eq!(app.shelf.analysed, 2);
}

#[test]
fn the_reader_draws_before_the_scan_and_titles_fill_in_when_it_is_done() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    let end = jiff::civil::Date::new(2025, 2, 18).unwrap();
    brief::synth::write_library(&dir, 7, 30, end).unwrap();
    let paths = vec![dir];
    let (names, problems) = Library::placeholders(&paths);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(names.len(), 30);
    let mut app = App::from_library(names, Theme::new(false), KeyMap::default());
    let (tx, rx) = mpsc::channel();
    app.attach_scan(rx);
    assert!(app.scan_pending());
    // The first article is shown and the keys work while the titles are not known.
    assert!(!app.article().unwrap().text.is_empty());
    let file_name = |i: usize, app: &App| {
        let p = app.shelf.articles[i].path.clone().unwrap();
        p.file_name().unwrap().to_string_lossy().into_owned()
    };
    assert_eq!(app.shelf.articles[3].title, file_name(3, &app));
    let screen = brief::tui::buffer_to_text(&brief::tui::draw_buffer(&app));
    assert!(screen.contains("listing 30 files…"), "{screen}");
    assert!(press(&mut app, "]"));
    assert!(press(&mut app, "]"));
    assert_eq!(app.current, 2);
    assert!(!app.receive(), "nothing arrived yet");
    // The scan arrives: titles and dates replace the file names, the article stays on screen.
    let (lib, _, _) = Library::scan_with(&paths, None);
    let titles: Vec<String> = lib.entries().iter().map(|e| e.title.clone()).collect();
    tx.send((lib, Vec::new())).unwrap();
    assert!(app.receive());
    assert!(!app.scan_pending());
    assert_eq!(app.current, 2);
    assert!(!app.article().unwrap().text.is_empty());
    let now: Vec<String> = app.shelf.articles.iter().map(|a| a.title.clone()).collect();
    assert_eq!(now, titles);
    assert_ne!(titles[3], file_name(3, &app));
    assert!(app.shelf.articles.iter().any(|a| a.published.is_some()));
    let screen = brief::tui::buffer_to_text(&brief::tui::draw_buffer(&app));
    assert!(!screen.contains("listing"), "{screen}");
    assert!(screen.contains(&titles[2]), "{screen}");
}

#[test]
fn a_file_of_several_articles_is_rebuilt_when_the_scan_is_done() {
    let root = sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a.json"),
        r#"[{"title": "One", "text": "First text."}, {"title": "Two", "text": "Second text."}]"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Ceasefire holds\n\nThe truce held on Monday.\n",
    )
    .unwrap();
    let paths = vec![dir];
    let (names, _) = Library::placeholders(&paths);
    assert_eq!(names.len(), 2, "one entry per file until the scan");
    let mut app = App::from_library(names, Theme::new(false), KeyMap::default());
    let rx = Library::scan_in_background(paths);
    app.attach_scan(rx);
    assert!(press(&mut app, "]"));
    assert_eq!(app.shelf.articles[1].title, "b.txt");
    app.wait_scan(Duration::from_secs(60));
    assert!(!app.scan_pending());
    let titles: Vec<&str> = app
        .shelf
        .articles
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(titles, ["One", "Two", "Ceasefire holds"]);
    assert_eq!(app.current, 2, "b.txt stays on screen");
    assert!(app.article().unwrap().text.contains("truce"));
    // The scan's title cache went to the test's folder, not the user's.
    assert!(root.join("cache/titles.json").exists());
}
