//! The reader's library view, the timeline's place and participants, the line filter and
//! copying over SSH (issue 13, missing features 1, 4, 5 and 11). Headless: scripted keys on
//! made-up articles in temporary folders, screens as text and insta snapshots.
#![cfg(feature = "tui")]

use brief::library::Library;
use brief::model::{Actor, Analysis, Article, Event};
use brief::tui::keymap::KeyMap;
use brief::tui::theme::Theme;
use brief::tui::{App, draw_buffer};

#[path = "support/headless.rs"]
mod headless;
use headless::{keys, sandbox, screen, status_line};

/// Made-up articles: (folder, file, title, source, date).
const SHELF: [(&str, &str, &str, &str, &str); 6] = [
    (
        "harbour",
        "a.json",
        "Harbour board votes to rebuild the old pier",
        "Coast Gazette",
        "2025-03-04",
    ),
    (
        "harbour",
        "b.json",
        "Engineers find the old pier timbers sound after a long winter of storms",
        "Coast Gazette",
        "2025-03-06",
    ),
    (
        "harbour",
        "c.json",
        "Traders ask for a summer market on the quay",
        "Valley Post",
        "2025-02-27",
    ),
    (
        "rail",
        "d.json",
        "Branch line reopens to passengers",
        "Valley Post",
        "2025-03-01",
    ),
    (
        "rail",
        "e.json",
        "Ada Quint named to lead the rail review",
        "Rail Weekly",
        "2025-03-05",
    ),
    (
        "rail",
        "f.json",
        "Signal works close the line for a weekend",
        "Rail Weekly",
        "2025-02-20",
    ),
];

/// A library of [`SHELF`] in a temporary folder, and a reader on it.
fn library_app(size: (u16, u16)) -> (tempfile::TempDir, App) {
    sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    for (folder, file, title, source, date) in SHELF {
        let dir = lib.join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        let json = serde_json::json!({
            "title": title, "source": source, "published": date,
            "text": format!("{title}.\n\nThe board met on Tuesday. Ada Quint spoke.\n"),
        });
        std::fs::write(dir.join(file), json.to_string()).unwrap();
    }
    let (library, problems, _) = Library::scan_with(&[lib], None);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = App::from_library(library, Theme::new(false), KeyMap::default());
    app.resize(size.0, size.1);
    app.analyze_pending();
    (tmp, app)
}

/// The titles on the rows of the library view, top to bottom.
fn rows(app: &App) -> Vec<String> {
    app.libview
        .rows
        .iter()
        .map(|&i| app.shelf.articles[i].title.clone())
        .collect()
}

#[test]
fn the_library_view_lists_every_article_with_its_columns() {
    let (_tmp, mut app) = library_app((120, 40));
    keys(&mut app, "L");
    assert!(app.libview.on);
    let s = screen(&app);
    // Every title whole at 120 columns, with its source, date, read state and folder.
    for (folder, _, title, source, _) in SHELF {
        let line = s
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} cut or missing:\n{s}"));
        assert!(line.contains(source) && line.contains(folder), "{line}");
        assert!(line.contains("unread") || line.contains("read"), "{line}");
    }
    assert!(s.contains("6 Mar 2025"), "{s}");
    // Newest first, and the header says so.
    assert!(s.lines().next().unwrap().contains("by date"), "{s}");
    assert_eq!(rows(&app)[0], SHELF[1].2);
    assert_eq!(rows(&app)[5], SHELF[5].2);
    // The cursor's place in the status line.
    assert!(status_line(&app).contains("/6"), "{}", status_line(&app));
    keys(&mut app, "G");
    assert!(status_line(&app).contains("6/6"), "{}", status_line(&app));
    keys(&mut app, "g j");
    assert!(status_line(&app).contains("2/6"), "{}", status_line(&app));
    // The key toggles back to the panels.
    keys(&mut app, "L");
    assert!(!app.libview.on);
    assert!(screen(&app).contains("Library"));
}

#[test]
fn sorting_cycles_through_date_title_and_source() {
    let (_tmp, mut app) = library_app((120, 40));
    keys(&mut app, "L S");
    assert!(screen(&app).lines().next().unwrap().contains("by title"));
    let r = rows(&app);
    let mut sorted = r.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(r, sorted);
    keys(&mut app, "S");
    assert!(screen(&app).lines().next().unwrap().contains("by source"));
    let sources: Vec<String> = app
        .libview
        .rows
        .iter()
        .map(|&i| app.shelf.articles[i].source.clone().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "Coast Gazette",
            "Coast Gazette",
            "Rail Weekly",
            "Rail Weekly",
            "Valley Post",
            "Valley Post"
        ]
    );
    // Newest first within a source.
    assert_eq!(rows(&app)[0], SHELF[1].2);
    keys(&mut app, "S");
    assert!(screen(&app).lines().next().unwrap().contains("by date"));
}

#[test]
fn slash_filters_the_titles_and_esc_clears_the_filter() {
    let (_tmp, mut app) = library_app((120, 40));
    keys(&mut app, "L /PIER");
    // As it is typed, case ignored.
    assert_eq!(rows(&app).len(), 2, "{:?}", rows(&app));
    assert!(status_line(&app).contains("/PIER"), "{}", status_line(&app));
    keys(&mut app, "Enter");
    assert!(screen(&app).lines().next().unwrap().contains("/PIER"));
    assert!(status_line(&app).contains("/2"), "{}", status_line(&app));
    // n and j move among the rows shown; no match says so.
    keys(&mut app, "/zzz Enter");
    assert!(rows(&app).is_empty());
    assert!(screen(&app).contains("no article matches"));
    keys(&mut app, "Esc");
    assert_eq!(rows(&app).len(), 6);
    assert!(app.libview.on, "Esc cleared the filter, not the view");
    keys(&mut app, "Esc");
    assert!(!app.libview.on);
}

#[test]
fn mark_read_unread_and_show_the_unread_only() {
    let (_tmp, mut app) = library_app((120, 40));
    keys(&mut app, "L j m");
    let marked = app.libview.rows[app.libview.cursor];
    assert!(app.is_read(marked));
    let key = brief::tui::saved::key(&app.shelf.articles[marked]);
    assert_eq!(app.to_saved().read.get(&key), Some(&100));
    let line = screen(&app)
        .lines()
        .find(|l| l.contains(&app.shelf.articles[marked].title))
        .unwrap()
        .to_string();
    assert!(line.contains(" read "), "{line}");
    keys(&mut app, "u");
    assert!(screen(&app).lines().next().unwrap().contains("unread only"));
    assert!(!app.libview.rows.contains(&marked));
    assert!(status_line(&app).contains("/5"), "{}", status_line(&app));
    keys(&mut app, "u");
    assert!(app.libview.rows.contains(&marked));
    // m again: unread, and the saved state forgets it.
    let at = app.libview.rows.iter().position(|&i| i == marked).unwrap();
    app.libview.cursor = at;
    keys(&mut app, "m");
    assert!(!app.is_read(marked));
    assert_eq!(app.to_saved().read.get(&key), None);
}

#[test]
fn enter_opens_the_article_in_the_panel_view() {
    let (_tmp, mut app) = library_app((120, 40));
    keys(&mut app, "z L g j j j");
    let want = app.libview.rows[3];
    keys(&mut app, "Enter");
    assert!(!app.libview.on);
    assert_eq!(app.current, want);
    assert!(!app.reading, "the panel view");
    let s = screen(&app);
    assert!(s.contains(&app.shelf.articles[want].title), "{s}");
    assert!(s.contains("Actors"), "{s}");
    // Back in the list, the cursor is on the article open.
    keys(&mut app, "L");
    assert_eq!(app.libview.rows[app.libview.cursor], want);
    assert!(
        screen(&app)
            .lines()
            .any(|l| l.contains('▸') && l.contains(&app.shelf.articles[want].title))
    );
}

#[test]
fn the_library_view_never_prints_control_characters_from_titles() {
    sandbox();
    let evil = "Pier\u{1b}]52;c;ZXZpbA==\u{7} vote \u{1b}[2J\u{202e}reversed";
    let articles = vec![Article {
        title: evil.into(),
        source: Some("Gazette\u{1b}[31m".into()),
        path: Some("/tmp/x\u{1b}[1mfold/a.txt".into()),
        text: "The pier reopens.\n".into(),
        ..Article::default()
    }];
    let mut app = App::new(articles, Theme::new(true), KeyMap::default());
    for size in [(120, 40), (80, 24), (40, 15)] {
        app.resize(size.0, size.1);
        keys(&mut app, "L");
        let ansi = brief::tui::buffer_to_ansi(&draw_buffer(&app));
        // The only escapes are the renderer's own SGR sequences.
        let stripped = ansi.replace("\u{1b}[0m", "");
        for part in stripped.split('\u{1b}').skip(1) {
            let end = part.find('m').expect("an SGR sequence");
            assert!(
                part[..end]
                    .trim_start_matches('[')
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b';'),
                "{size:?}: {part:?}"
            );
        }
        assert!(!ansi.contains('\u{7}') && !ansi.contains('\u{202e}'));
        keys(&mut app, "L");
    }
}

#[test]
fn library_view_snapshots() {
    for (cols, rows) in [(120, 40), (80, 24), (40, 15)] {
        let (_tmp, mut app) = library_app((cols, rows));
        keys(&mut app, "L j m j");
        insta::assert_snapshot!(format!("libview_{cols}x{rows}"), screen(&app));
        keys(&mut app, "S u /the");
        insta::assert_snapshot!(format!("libview_{cols}x{rows}_filtered"), screen(&app));
    }
}

#[test]
fn the_library_view_stays_fast_on_a_large_library() {
    sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    let end = jiff::civil::Date::new(2025, 2, 18).unwrap();
    brief::synth::write_library(&dir, 11, 1500, end).unwrap();
    let (lib, problems, _) = Library::scan_with(&[dir], None);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = App::from_library(lib, Theme::new(false), KeyMap::default());
    app.resize(120, 40);
    keys(&mut app, "L");
    let start = std::time::Instant::now();
    keys(&mut app, "G");
    assert!(
        status_line(&app).contains("1500/1500"),
        "{}",
        status_line(&app)
    );
    // A hundred keys and frames, moving, sorting and filtering: far under a second each even
    // unoptimised (a frame builds only the rows on screen).
    for k in [
        "k",
        "k",
        "PgUp",
        "s",
        "j",
        "s",
        "u",
        "m",
        "u",
        "/a",
        "Backspace",
        "g",
    ]
    .iter()
    .cycle()
    .take(100)
    {
        keys(&mut app, k);
        let _ = draw_buffer(&app);
    }
    let took = start.elapsed();
    assert!(took.as_secs_f64() < 10.0, "{took:?}");
    // The rows drawn are the screen's, not the library's.
    assert_eq!(screen(&app).lines().count(), 40);
}

/// A made-up story with three events: two that happened (one with a place and participants)
/// and a planned one, listed in the analysis between the two.
fn harbour_events() -> (String, Analysis) {
    let text = "Harbour board meets\n\nAda Quint met Bram Oster in Kelport on Monday to \
                discuss the pier. The harbour board voted on Tuesday. A public hearing will \
                be held in Dunmere next month, with Bram Oster and the board.\n";
    let at = |needle: &str| {
        let i = text.find(needle).unwrap();
        (i, i + needle.len())
    };
    let actor = |id: &str, name: &str| -> Actor {
        let (start, end) = at(name);
        serde_json::from_value(serde_json::json!({
            "id": id, "name": name, "kind": "person", "role": null, "affiliation": null,
            "aliases": [], "mentions": [{"start": start, "end": end, "form": "name"}],
        }))
        .unwrap()
    };
    let event = |label: &str, needle: &str, place: Option<&str>, who: &[&str], status: &str| {
        let (start, end) = at(needle);
        serde_json::from_value::<Event>(serde_json::json!({
            "label": label, "kind": "meeting", "date": "2025-03-03", "place": place,
            "participants": who, "start": start, "end": end, "status": status,
        }))
        .unwrap()
    };
    let analysis = Analysis {
        actors: vec![
            actor("ada-quint", "Ada Quint"),
            actor("bram-oster", "Bram Oster"),
        ],
        events: vec![
            event(
                "Quint-Oster meeting",
                "met Bram Oster",
                Some("Kelport"),
                &["ada-quint", "bram-oster"],
                "happened",
            ),
            event(
                "Public hearing on the pier",
                "will be held",
                Some("Dunmere"),
                &["bram-oster", "board"],
                "planned",
            ),
            event("Board vote", "voted", None, &[], "happened"),
        ],
        ..Analysis::default()
    };
    (text.to_string(), analysis)
}

fn events_app(size: (u16, u16)) -> App {
    let (text, analysis) = harbour_events();
    let article = Article {
        title: "Harbour board meets".into(),
        text,
        ..Article::default()
    };
    let mut app = App::new(vec![article], Theme::new(false), KeyMap::default());
    app.resize(size.0, size.1);
    app.set_analysis(0, analysis);
    app
}

#[test]
fn the_selected_event_shows_its_place_and_participants() {
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = events_app(size);
        let s = screen(&app);
        assert!(!s.contains("who:"), "{size:?}: nothing selected yet\n{s}");
        keys(&mut app, "4");
        let s = screen(&app);
        assert!(s.contains("where: Kelport"), "{size:?}\n{s}");
        // By name, not by id.
        assert!(
            s.contains("who: Ada Quint, Bram") && !s.contains("ada-quint"),
            "{size:?}\n{s}"
        );
        // The next event has no place or participants: nothing to say.
        keys(&mut app, "j");
        let s = screen(&app);
        assert!(
            !s.contains("where:") && !s.contains("who:"),
            "{size:?}\n{s}"
        );
        // The planned one: its place, and an id with no actor shown as it is.
        keys(&mut app, "j");
        let s = screen(&app);
        assert!(s.contains("where: Dunmere"), "{size:?}\n{s}");
        assert!(
            s.contains("who: Bram Oster") && !s.contains("bram-oster"),
            "{size:?}\n{s}"
        );
        let words: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).collect();
        assert!(words.contains(&"board"), "{size:?}\n{s}");
        // Enter selects it; from the text, the selected event keeps its details.
        keys(&mut app, "Enter 2");
        assert_eq!(app.event, Some(2));
        if size.0 >= 80 {
            assert!(screen(&app).contains("where: Dunmere"), "{size:?}");
        }
    }
}

#[test]
fn planned_events_come_after_the_past_ones_with_a_marker_that_reads_without_colour() {
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = events_app(size);
        keys(&mut app, "4");
        let s = screen(&app);
        let row = |needle: &str| {
            s.lines()
                .position(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("{size:?}: no {needle}\n{s}"))
        };
        let (met, vote, heading, hearing) = (
            row("Quint-Oster"),
            row("Board vote"),
            row("── planned ──"),
            row("Public hearing"),
        );
        assert!(
            met < vote && vote < heading && heading < hearing,
            "{size:?}\n{s}"
        );
        let line = &s.lines().nth(hearing).unwrap_or_default();
        assert!(line.contains("»3 Mar"), "{size:?}: {line}");
        assert!(!s.lines().nth(vote).unwrap().contains('»'));
        // The cursor steps over the heading: the third event is the planned one, and Enter
        // goes to its sentence.
        keys(&mut app, "j j Enter");
        let ev = &app.prepared().unwrap().analysis.events[2];
        assert_eq!(ev.label, "Public hearing on the pier");
        assert_eq!(app.event, Some(2));
    }
}

/// A made-up story of `n` paragraphs: those in `ferry` speak of the ferry, those in `ada`
/// name Ada Quint.
fn ferry_story(n: usize, ferry: &[usize], ada: &[usize]) -> String {
    (0..n)
        .map(|i| {
            let who = if ada.contains(&i) {
                "Ada Quint"
            } else {
                "The clerk"
            };
            let what = if ferry.contains(&i) {
                "the ferry timetable"
            } else {
                "the pier timbers"
            };
            format!(
                "Paragraph {i}: {who} spoke about {what} at the harbour board, where the \
                 traders asked again when the works would end."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn ada_app(text: &str, size: (u16, u16)) -> App {
    let mentions: Vec<serde_json::Value> = text
        .match_indices("Ada Quint")
        .map(|(i, m)| serde_json::json!({"start": i, "end": i + m.len(), "form": "name"}))
        .collect();
    let actor: Actor = serde_json::from_value(serde_json::json!({
        "id": "ada-quint", "name": "Ada Quint", "kind": "person", "role": null,
        "affiliation": null, "aliases": [], "mentions": mentions,
    }))
    .unwrap();
    let mut app = App::new(
        vec![Article {
            title: "Harbour".into(),
            text: text.into(),
            ..Article::default()
        }],
        Theme::new(false),
        KeyMap::default(),
    );
    app.resize(size.0, size.1);
    app.set_analysis(
        0,
        Analysis {
            actors: vec![actor],
            ..Analysis::default()
        },
    );
    app
}

/// The paragraph numbers shown in the body.
fn paragraphs_shown(app: &App) -> Vec<usize> {
    let mut v: Vec<usize> = app
        .wrapped
        .lines
        .iter()
        .filter_map(|l| {
            let text = &app.article().unwrap().text;
            let rest = text.get(l.start..)?.strip_prefix("Paragraph ")?;
            rest.split(':').next()?.parse().ok()
        })
        .collect();
    v.dedup();
    v
}

#[test]
fn ampersand_shows_only_the_matching_paragraphs_and_empty_clears() {
    let text = ferry_story(24, &[2, 9, 17], &[5, 9, 20]);
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = ada_app(&text, size);
        keys(&mut app, "2 &ferry");
        assert!(
            status_line(&app).contains("&ferry▏"),
            "{size:?}: {}",
            status_line(&app)
        );
        keys(&mut app, "Enter");
        assert_eq!(paragraphs_shown(&app), [2, 9, 17], "{size:?}");
        assert!(!screen(&app).contains("pier timbers"), "{size:?}");
        assert!(
            status_line(&app).contains("&ferry filter on"),
            "{size:?}: {}",
            status_line(&app)
        );
        // An empty pattern shows everything again.
        keys(
            &mut app,
            "& Backspace Backspace Backspace Backspace Backspace Enter",
        );
        assert!(app.linefilter.pattern.is_none());
        assert_eq!(paragraphs_shown(&app), (0..24).collect::<Vec<_>>());
        assert!(!status_line(&app).contains("filter on"));
        // A pattern found nowhere is not applied, and the status line says so.
        keys(&mut app, "&zeppelin Enter");
        assert!(app.linefilter.pattern.is_none());
        assert!(status_line(&app).contains("no paragraph matches"));
        // Esc clears it too.
        keys(&mut app, "&ferry Enter Esc");
        assert!(app.linefilter.pattern.is_none(), "{size:?}");
    }
}

#[test]
fn the_actor_filter_keeps_working_with_a_line_filter() {
    let text = ferry_story(24, &[2, 9, 17], &[5, 9, 20]);
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = ada_app(&text, size);
        keys(&mut app, "&ferry Enter 3 Enter f");
        assert!(app.filter, "{size:?}");
        // The actor's sentences that hold the pattern.
        assert_eq!(paragraphs_shown(&app), [9], "{size:?}");
        let status = status_line(&app);
        assert!(
            status.contains("filtered") || size.0 < 80,
            "{size:?}: {status}"
        );
        // f again: the paragraphs of the line filter.
        keys(&mut app, "f");
        assert!(!app.filter);
        assert_eq!(paragraphs_shown(&app), [2, 9, 17], "{size:?}");
        // Without the line filter, f shows every sentence of the actor.
        keys(&mut app, "Esc f");
        assert!(app.linefilter.pattern.is_none(), "{size:?}");
        assert_eq!(paragraphs_shown(&app), [5, 9, 20], "{size:?}");
    }
}

#[test]
fn with_a_line_filter_the_name_cursor_steps_through_the_names_shown_and_esc_leaves_it_first() {
    let text = ferry_story(24, &[2, 9, 17], &[5, 9, 20]);
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = ada_app(&text, size);
        keys(&mut app, "&ferry Enter o");
        // Of Ada Quint's mentions (paragraphs 5, 9, 20) only the one in 9 is shown.
        let at = app.name_spot().map(|s| s.start);
        assert_eq!(
            at,
            text.find("Paragraph 9: Ada Quint").map(|i| i + 13),
            "{size:?}"
        );
        keys(&mut app, "o");
        assert_eq!(app.name_spot().map(|s| s.start), at, "{size:?}");
        // Esc leaves the name cursor and keeps the filter; the next one ends the filter.
        keys(&mut app, "Esc");
        assert!(app.name_cursor.is_none(), "{size:?}");
        assert!(app.linefilter.pattern.is_some(), "{size:?}");
        keys(&mut app, "Esc");
        assert!(app.linefilter.pattern.is_none(), "{size:?}");
        // The actor in full opens over the filtered text and Esc closes it alone.
        keys(&mut app, "&ferry Enter o i");
        assert!(app.detail.is_some(), "{size:?}");
        keys(&mut app, "Esc");
        assert!(app.detail.is_none(), "{size:?}");
        assert!(app.linefilter.pattern.is_some(), "{size:?}");
    }
}

fn copy_app(size: (u16, u16)) -> App {
    let (text, analysis) = harbour_events();
    let article = Article {
        title: "Harbour board meets".into(),
        source: Some("Coast Gazette".into()),
        published: Some(jiff::civil::date(2025, 3, 4)),
        text,
        ..Article::default()
    };
    let mut app = App::new(vec![article], Theme::new(false), KeyMap::default());
    app.resize(size.0, size.1);
    app.set_analysis(0, analysis);
    app
}

#[test]
fn y_copies_the_sentence_being_read_with_title_source_and_date() {
    let from = " — Harbour board meets, Coast Gazette, 4 March 2025";
    let met = "Ada Quint met Bram Oster in Kelport on Monday to discuss the pier.";
    let hearing =
        "A public hearing will be held in Dunmere next month, with Bram Oster and the board.";
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = copy_app(size);
        // At the top: the first sentence on screen.
        keys(&mut app, "2 y");
        let copied = app.take_clipboard().expect("y copies");
        assert!(
            copied.starts_with("Harbour board meets") && copied.ends_with(from),
            "{size:?}: {copied}"
        );
        assert!(
            status_line(&app).contains("copied"),
            "{size:?}: {}",
            status_line(&app)
        );
        // Once: the event loop takes it.
        assert_eq!(app.take_clipboard(), None);
        // The current mention's sentence.
        keys(&mut app, "3 j Enter y");
        assert_eq!(
            app.take_clipboard(),
            Some(format!("{met}{from}")),
            "{size:?}"
        );
        // The event under the timeline's cursor: its sentence.
        keys(&mut app, "Esc 4 j j y");
        assert_eq!(
            app.take_clipboard(),
            Some(format!("{hearing}{from}")),
            "{size:?}"
        );
        // The selected event's sentence, from the text.
        keys(&mut app, "Enter 2 y");
        assert_eq!(
            app.take_clipboard(),
            Some(format!("{hearing}{from}")),
            "{size:?}"
        );
        // In the library view: the article's title, source and date.
        keys(&mut app, "L y");
        assert_eq!(
            app.take_clipboard().as_deref(),
            Some("Harbour board meets, Coast Gazette, 4 March 2025"),
            "{size:?}"
        );
    }
}

#[test]
fn copying_can_be_turned_off() {
    let mut app = copy_app((120, 40));
    app.clipboard_on = false;
    keys(&mut app, "2 y");
    assert_eq!(app.take_clipboard(), None);
    assert!(
        status_line(&app).contains("copying is off"),
        "{}",
        status_line(&app)
    );
}

#[test]
fn what_is_copied_is_plain_text() {
    let text = "The pier\u{1b}]52;c;ZXZpbA==\u{7} reopens\r\n\ton Monday \u{9b}2J\u{202e}now.\n";
    let text = text.to_string();
    let article = Article {
        title: "Pier\u{1b}[2J news".into(),
        source: Some("Gazette\u{7}".into()),
        text,
        ..Article::default()
    };
    let mut app = App::new(vec![article], Theme::new(false), KeyMap::default());
    app.resize(80, 24);
    app.analyze_pending();
    keys(&mut app, "y");
    let copied = app.take_clipboard().expect("y copies");
    assert!(!copied.chars().any(char::is_control), "{copied:?}");
    assert!(!copied.contains('\u{202e}'), "{copied:?}");
    assert!(copied.contains("reopens on Monday"), "{copied:?}");
    assert!(copied.ends_with("Pier[2J news, Gazette"), "{copied:?}");
    // The notice is made safe for the screen too.
    assert!(!screen(&app).contains('\u{1b}'));
    // And the sequence that carries it holds no byte of it as it is.
    let seq = brief::tui::clip::osc52(&copied);
    assert!(seq.starts_with(b"\x1b]52;c;") && seq.ends_with(b"\x07"));
    assert_eq!(seq.iter().filter(|b| **b == 0x1b).count(), 1);
}

#[test]
fn m_on_the_library_panel_marks_the_article_under_its_cursor() {
    let (_tmp, mut app) = library_app((120, 40));
    keys(&mut app, "1 j m");
    let i = app.library_cursor;
    assert!(app.is_read(i));
    let s = screen(&app);
    assert!(s.contains("marked read"), "{s}");
    keys(&mut app, "m");
    assert!(!app.is_read(i));
    // Elsewhere it says where it works.
    keys(&mut app, "2 S");
    assert!(
        status_line(&app).contains("in the library view (L)"),
        "{}",
        status_line(&app)
    );
}

#[test]
fn the_library_view_follows_a_scan_that_arrives_while_it_is_open() {
    sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    for (_, file, title, source, date) in SHELF {
        let json = serde_json::json!({
            "title": title, "source": source, "published": date, "text": "The pier.\n",
        });
        std::fs::write(lib.join(file), json.to_string()).unwrap();
    }
    let (placeholders, problems) = Library::placeholders(std::slice::from_ref(&lib));
    assert!(problems.is_empty());
    let mut app = App::from_library(placeholders, Theme::new(false), KeyMap::default());
    app.resize(120, 40);
    keys(&mut app, "L");
    app.attach_scan(Library::scan_in_background(vec![lib]));
    app.wait_scan(std::time::Duration::from_secs(20));
    let s = screen(&app);
    assert!(s.contains(SHELF[1].2) && s.contains("6 Mar 2025"), "{s}");
    assert_eq!(rows(&app)[0], SHELF[1].2, "newest first once dated");
}

#[test]
fn the_line_filter_stays_on_from_article_to_article_and_says_when_nothing_matches() {
    let with = ferry_story(6, &[1], &[]);
    let without = ferry_story(6, &[], &[]);
    let mut app = App::new(
        vec![
            Article {
                title: "One".into(),
                text: with,
                ..Article::default()
            },
            Article {
                title: "Two".into(),
                text: without,
                ..Article::default()
            },
        ],
        Theme::new(false),
        KeyMap::default(),
    );
    app.resize(80, 24);
    keys(&mut app, "&ferry Enter");
    assert_eq!(paragraphs_shown(&app), [1]);
    keys(&mut app, "]");
    assert!(app.linefilter.pattern.is_some());
    assert!(
        status_line(&app).contains("no match here"),
        "{}",
        status_line(&app)
    );
    keys(&mut app, "[");
    assert_eq!(paragraphs_shown(&app), [1]);
    assert!(!status_line(&app).contains("no match here"));
}

#[test]
fn timeline_and_line_filter_snapshots() {
    for (cols, rows) in [(120, 40), (80, 24), (40, 15)] {
        let mut app = events_app((cols, rows));
        keys(&mut app, "4 j j");
        insta::assert_snapshot!(format!("timeline_planned_{cols}x{rows}"), screen(&app));
        let text = ferry_story(24, &[2, 9, 17], &[5, 9, 20]);
        let mut app = ada_app(&text, (cols, rows));
        keys(&mut app, "2 &ferry Enter");
        insta::assert_snapshot!(format!("line_filter_{cols}x{rows}"), screen(&app));
    }
}

#[test]
fn read_marks_from_the_library_view_are_saved_and_come_back() {
    let (tmp, mut app) = library_app((120, 40));
    let state = tempfile::tempdir().unwrap();
    let (base, _) = brief::tui::saved::load(Some(state.path()));
    app.restore(base.clone());
    keys(&mut app, "L g m j m");
    let marked: Vec<String> = app.libview.rows[..2]
        .iter()
        .map(|&i| app.shelf.articles[i].title.clone())
        .collect();
    brief::tui::saved::save(state.path(), &base, &app.to_saved()).unwrap();
    // The next run on the same files sees them read, and unmarks the first.
    let (library, _, _) = Library::scan_with(&[tmp.path().join("lib")], None);
    let mut next = App::from_library(library, Theme::new(false), KeyMap::default());
    next.resize(120, 40);
    let (base, _) = brief::tui::saved::load(Some(state.path()));
    next.restore(base.clone());
    for t in &marked {
        let i = next
            .shelf
            .articles
            .iter()
            .position(|a| &a.title == t)
            .unwrap();
        assert!(next.is_read(i), "{t}");
    }
    keys(&mut next, "L g m");
    brief::tui::saved::save(state.path(), &base, &next.to_saved()).unwrap();
    let (last, _) = brief::tui::saved::load(Some(state.path()));
    assert_eq!(last.read.len(), 1, "{:?}", last.read);
}

#[test]
fn planned_events_listed_last_are_still_found_by_their_place_in_the_analysis() {
    let app = events_app((120, 40));
    let p = app.prepared().unwrap();
    let labels: Vec<&str> = p.analysis.events.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Quint-Oster meeting",
            "Board vote",
            "Public hearing on the pier"
        ]
    );
    // The analysis made them meeting, hearing, vote: the library's briefing names them so.
    assert_eq!(p.event_order, [0, 2, 1]);
    assert_eq!(p.event_shown(1), Some(2));
    assert_eq!(p.event_shown(2), Some(1));
    assert_eq!(p.event_shown(3), None);
}
