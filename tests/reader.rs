//! The reader as people use it every day (issue 13): hard-wrapped text, load problems, the
//! filter and the jump list keeping the place, events shown from their sentence's first line.
//! Headless, on made-up articles with analyses built by hand.
#![cfg(feature = "tui")]

use std::path::Path;

use brief::load::{LoadError, Loaded};
use brief::model::Article;
use brief::tui::keymap::KeyMap;
use brief::tui::{App, ColorMode, buffer_to_text, draw_buffer, parse_keys, replay};

fn article(title: &str, text: &str) -> Article {
    Article {
        title: title.into(),
        text: text.into(),
        ..Article::default()
    }
}

fn screen(app: &App) -> String {
    buffer_to_text(&draw_buffer(app))
}

fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

fn keys(app: &mut App, keys: &str) {
    replay(app, &parse_keys(keys).unwrap());
}

#[test]
fn load_problems_are_counted_listed_and_kept_for_standard_error() {
    let loaded = Loaded {
        articles: vec![article("Ferry talks", "The ferry runs again.\n")],
        problems: vec![
            LoadError::error(Path::new("lib/broken.json"), "malformed JSON at line 4"),
            LoadError::warning(Path::new("lib/latin1.txt"), "not valid UTF-8"),
            LoadError::error(Path::new("lib/empty.txt"), "empty file"),
        ],
    };
    let mut app = brief::tui::app_for(loaded, ColorMode::Never, KeyMap::default());
    app.analyze_pending();
    for size in [(120, 40), (80, 24), (40, 15)] {
        app.resize(size.0, size.1);
        assert!(
            status_line(&app).contains("3 problems, ! to list"),
            "{size:?}: {}",
            status_line(&app)
        );
    }
    app.resize(120, 40);
    keys(&mut app, "!");
    let s = screen(&app);
    for name in [
        "broken.json",
        "latin1.txt",
        "empty.txt",
        "3 problems loading",
    ] {
        assert!(s.contains(name), "{name} not listed:\n{s}");
    }
    // j/G scroll a list longer than the box; Esc closes it and the text is back.
    app.resize(40, 15);
    keys(&mut app, "G");
    assert!(screen(&app).contains("empty file"), "{}", screen(&app));
    keys(&mut app, "Esc");
    assert!(app.problems_view.is_none());
    assert!(screen(&app).contains("ferry runs"));
    // Every problem is kept, one line each as on standard error, for after the terminal is
    // restored.
    assert_eq!(app.problems.len(), 3);
    assert!(app.problems[0].starts_with("error: lib/broken.json: malformed JSON"));
    // Without problems, `!` says so.
    let loaded = Loaded {
        articles: vec![article("Ferry talks", "The ferry runs again.\n")],
        problems: vec![],
    };
    let mut app = brief::tui::app_for(loaded, ColorMode::Never, KeyMap::default());
    app.resize(80, 24);
    keys(&mut app, "!");
    assert!(screen(&app).contains("No problems"));
}
