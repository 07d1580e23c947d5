//! The library scope of the reader (issue 16): actors and timeline across every article of a
//! library, mentions stepped through across articles, merged events with their reports and
//! conflicts, and "since last time". Headless, on made-up articles in temporary folders.
#![cfg(feature = "tui")]

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use brief::library::Library;
use brief::tui::App;
use brief::tui::app::{Overlay, SinceRow};
use brief::tui::keymap::{Key, KeyMap};
use brief::tui::saved::Saved;
use brief::tui::theme::Theme;

#[path = "support/headless.rs"]
mod headless;
use headless::{keys, sandbox, screen, status_line};

/// Made-up harbour talks reported by three articles (two say Monday, one Tuesday: a
/// conflict), and a storm elsewhere.
const ARTICLES: [(&str, &str); 4] = [
    (
        "a1.txt",
        "Harbour talks open in Kestrel\n\nPublished: 2025-03-04\n\nThe transport minister Ada \
         Quint held talks with union leader Bram Tolle on Monday in Kestrel about the future of \
         the harbour. Quint said the talks would go on.\n\nThe Port Authority said the harbour \
         would stay closed until the talks end.\n",
    ),
    (
        "a2.txt",
        "Minister and union keep talking\n\nPublished: 2025-03-05\n\nUnion leader Bram Tolle \
         held talks with the transport minister Ada Quint on Tuesday in Kestrel about the \
         harbour. Tolle said the union was ready to compromise.\n\nAda Quint told reporters the \
         government would not sell the harbour.\n",
    ),
    (
        "a3.txt",
        "Harbour closed as talks go on\n\nPublished: 2025-03-04\n\nAda Quint and Bram Tolle held \
         talks on Monday in Kestrel. The Port Authority kept the harbour closed.\n",
    ),
    (
        "a4.txt",
        "Storm closes coastal road\n\nPublished: 2025-03-06\n\nA storm closed the coastal road \
         near Marrow on Wednesday. The mayor of Marrow, Lene Ostby, held talks with road \
         engineers in Marrow on Wednesday and said crews would clear the road by Friday.\n",
    ),
];

fn write_library(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    (tmp, dir)
}

fn app_on(dir: &Path, size: (u16, u16)) -> App {
    let (lib, problems) = Library::scan(&[dir.to_path_buf()]);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = App::from_library(lib, Theme::new(false), KeyMap::default());
    app.resize(size.0, size.1);
    app.analyze_pending();
    app
}

fn title(app: &App) -> String {
    app.article().map(|a| a.title.clone()).unwrap_or_default()
}

/// The selected article actor's name and current mention.
fn selected(app: &App) -> Option<(String, usize)> {
    let (_, k) = app.selected?;
    Some((app.selected_actor()?.name.clone(), k))
}

#[test]
fn the_toggle_switches_the_side_panels_to_the_whole_library_and_back() {
    let (_tmp, dir) = write_library(&ARTICLES);
    let mut app = app_on(&dir, (120, 40));
    keys(&mut app, "3");
    let before = screen(&app);
    keys(&mut app, "A");
    let after = screen(&app);
    assert!(app.scope.library);
    assert_ne!(before, after, "the toggle changed nothing");
    assert!(after.contains("all articles"), "{after}");
    // Ada Quint is in three articles; the storm's mayor in one (not in the article on screen).
    let quint = after
        .lines()
        .find(|l| l.contains("Ada Quint"))
        .unwrap_or_default();
    assert!(quint.contains("in 3"), "{after}");
    assert!(after.contains("Lene Ostby"), "{after}");
    assert!(!before.contains("Lene Ostby"), "{before}");
    // The merged timeline: the talks once, reported by three articles, in conflict on the date.
    let talks = after
        .lines()
        .find(|l| l.contains("in 3") && l.contains("≠"))
        .unwrap_or_default();
    assert!(!talks.is_empty(), "{after}");
    keys(&mut app, "A");
    assert!(!app.scope.library);
    // The same screen as before, the status line's notice aside.
    let panels = |s: &str| s.lines().rev().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(
        panels(&screen(&app)),
        panels(&before),
        "back to this article"
    );
}

#[test]
fn enter_on_a_library_actor_lists_its_articles_and_n_steps_through_every_mention() {
    let (_tmp, dir) = write_library(&ARTICLES);
    let mut app = app_on(&dir, (120, 40));
    keys(&mut app, "4 A 3");
    // The first library actor with three articles is Ada Quint (or one of the three who are).
    let m = app.merged().expect("ready").clone();
    let k = m
        .briefing
        .actors
        .iter()
        .position(|a| a.name == "Ada Quint")
        .expect("Ada Quint merged");
    assert_eq!(m.briefing.actors[k].articles(), 3);
    for _ in 0..k {
        keys(&mut app, "j");
    }
    keys(&mut app, "Enter");
    assert!(matches!(
        app.scope.overlay,
        Some(Overlay::Mentions { actor, .. }) if actor == k
    ));
    let s = screen(&app);
    for t in [
        "Harbour talks open in Kestrel",
        "Minister and union keep talking",
        "Harbour closed as talks go on",
    ] {
        assert!(s.contains(t), "{t} not listed:\n{s}");
    }
    assert!(
        !s.lines()
            .any(|l| l.contains("Storm closes") && l.contains("mention")),
        "{s}"
    );
    // Enter on the second article opens it at Ada Quint's first mention there.
    keys(&mut app, "j Enter");
    assert!(app.scope.overlay.is_none());
    assert_eq!(title(&app), "Minister and union keep talking");
    assert_eq!(selected(&app), Some(("Ada Quint".to_string(), 0)));
    // n goes through her mentions, article after article, and wraps to the first.
    let total: usize = m.mentions[k].iter().sum();
    let first_here = m.mentions[k][0];
    let mut seen = vec![(title(&app), selected(&app))];
    for _ in 0..total {
        keys(&mut app, "n");
        seen.push((title(&app), selected(&app)));
    }
    let wrapped_at = total - first_here;
    assert_eq!(
        seen[wrapped_at].0, "Harbour talks open in Kestrel",
        "{seen:?}"
    );
    assert_eq!(seen[wrapped_at].1, Some(("Ada Quint".to_string(), 0)));
    assert_eq!(seen[total].0, "Minister and union keep talking");
    assert!(
        seen.iter()
            .any(|(t, _)| t == "Harbour closed as talks go on"),
        "{seen:?}"
    );
    // N goes back.
    keys(&mut app, "N");
    assert_eq!(seen[total - 1].0, title(&app));
    // The wrap is said.
    let mut app2 = app_on(&dir, (120, 40));
    keys(&mut app2, "A 3");
    for _ in 0..k {
        keys(&mut app2, "j");
    }
    keys(&mut app2, "Enter Enter");
    let mut said = false;
    for _ in 0..total {
        keys(&mut app2, "n");
        said |= status_line(&app2).contains("wrapped to the first mention in the library");
    }
    assert!(said, "{}", status_line(&app2));
}

#[test]
fn enter_on_a_merged_event_cycles_through_its_reports() {
    let (_tmp, dir) = write_library(&ARTICLES);
    let mut app = app_on(&dir, (120, 40));
    keys(&mut app, "A 4");
    let m = app.merged().expect("ready").clone();
    let k = m
        .briefing
        .events
        .iter()
        .position(|e| e.articles() == 3)
        .expect("the talks merged");
    assert!(!m.briefing.events[k].conflicts.is_empty());
    for _ in 0..k {
        keys(&mut app, "j");
    }
    // The conflict is spelt out under the cursor.
    let s = screen(&app);
    assert!(s.contains("≠ date:"), "{s}");
    let reports = m.briefing.events[k].members.len();
    let mut titles = Vec::new();
    for _ in 0..=reports {
        keys(&mut app, "Enter");
        titles.push(title(&app));
        // The reporting sentence is selected in each article.
        let ev = app.event.expect("an event selected");
        let sentence = app.event_sentence().expect("its sentence");
        let text = &app.article().unwrap().text[sentence.start..sentence.end];
        assert!(text.contains("talk"), "{ev}: {text}");
    }
    let members: Vec<String> = m.briefing.events[k]
        .members
        .iter()
        .map(|x| app.shelf.articles[x.article].title.clone())
        .collect();
    assert_eq!(titles[..reports], members[..], "{titles:?}");
    assert_eq!(titles[reports], titles[0], "Enter went round");
    assert!(
        status_line(&app).contains("wrapped to the first report"),
        "{}",
        status_line(&app)
    );
}

/// Sets a file's modification time.
fn touch(path: &Path, at: std::time::SystemTime) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(at).unwrap();
}

#[test]
fn since_last_time_lists_new_articles_actors_and_events() {
    let (_tmp, dir) = write_library(&ARTICLES);
    let old = std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    for name in ["a1.txt", "a2.txt", "a3.txt"] {
        touch(&dir.join(name), old);
    }
    let mut app = app_on(&dir, (120, 40));
    let listed = jiff::Timestamp::from_second(1_750_000_000).unwrap();
    app.restore(Saved {
        listed: Some(listed),
        ..Saved::default()
    });
    keys(&mut app, "W");
    let rows = app.since_rows();
    let names: Vec<String> = rows
        .iter()
        .filter_map(|r| match r {
            SinceRow::Article(i) => Some(app.shelf.articles[*i].title.clone()),
            SinceRow::Actor(k) => Some(app.merged()?.briefing.actors[*k].name.clone()),
            SinceRow::Event(k) => Some(app.merged()?.briefing.events[*k].label.clone()),
            _ => None,
        })
        .collect();
    assert!(
        names.contains(&"Storm closes coastal road".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"Lene Ostby".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Quint")), "{names:?}");
    assert!(
        rows.iter().any(|r| matches!(r, SinceRow::Event(_))),
        "{rows:?}"
    );
    let s = screen(&app);
    assert!(
        s.contains("Since last time") && s.contains("New actors"),
        "{s}"
    );
    // Enter on the new actor opens the new article at its first mention.
    let at = rows
        .iter()
        .position(|r| matches!(r, SinceRow::Actor(k) if app.merged().unwrap().briefing.actors[*k].name == "Lene Ostby"))
        .unwrap();
    // The cursor starts on the first row to go to, and steps over headings.
    let first = rows
        .iter()
        .position(|r| matches!(r, SinceRow::Article(_)))
        .unwrap();
    let cursor = |app: &App| match app.scope.overlay {
        Some(Overlay::Since { cursor }) => cursor,
        _ => usize::MAX,
    };
    assert_eq!(cursor(&app), first);
    for _ in 0..rows.len() {
        if cursor(&app) >= at {
            break;
        }
        keys(&mut app, "j");
        assert!(!matches!(rows[cursor(&app)], SinceRow::Heading(_)));
    }
    assert_eq!(cursor(&app), at);
    keys(&mut app, "Enter");
    assert!(app.scope.overlay.is_none());
    assert_eq!(title(&app), "Storm closes coastal road");
    assert_eq!(selected(&app), Some(("Lene Ostby".to_string(), 0)));
    // Nothing new when every file is older than the last listing.
    touch(&dir.join("a4.txt"), old);
    let mut app = app_on(&dir, (80, 24));
    app.restore(Saved {
        listed: Some(listed),
        ..Saved::default()
    });
    keys(&mut app, "W");
    assert!(screen(&app).contains("Nothing new."), "{}", screen(&app));
}

#[test]
fn keys_never_wait_for_the_library_and_the_panels_say_how_far_it_got() {
    let (_tmp, dir) = write_library(&ARTICLES);
    let mut app = app_on(&dir, (120, 40));
    let (release, gate) = mpsc::channel::<()>();
    let gate = std::sync::Mutex::new(gate);
    let options = brief::Options::default();
    app.set_library_analyser(Arc::new(move |a| {
        // Held until the test lets it go.
        let _ = gate.lock().unwrap().recv_timeout(Duration::from_secs(30));
        brief::analyze(a, &options)
    }));
    let press = |app: &mut App, k: &str| {
        let t = Instant::now();
        app.key(&Key::parse(k).unwrap().to_event());
        t.elapsed()
    };
    assert!(press(&mut app, "A") < Duration::from_millis(500));
    let s = screen(&app);
    assert!(s.contains("analysing the library… 0/4"), "{s}");
    for k in ["j", "Enter", "n", "4", "j", "Enter", "3"] {
        assert!(press(&mut app, k) < Duration::from_millis(500), "{k}");
    }
    assert!(app.scope_pending());
    for _ in 0..4 {
        release.send(()).unwrap();
    }
    app.wait_scope(Duration::from_secs(60));
    assert!(app.merged().is_some());
    assert!(!screen(&app).contains("analysing the library"));
}

#[test]
fn article_text_never_reaches_the_terminal_as_a_control_sequence() {
    let hostile = "Harbour \u{1b}[2J talks \u{1b}]52;c;aGk=\u{7}\n\nPublished: 2025-03-04\n\n\
                   The minister Ada \u{1b}[31mQuint\u{1b}[0m held talks with Bram Tolle on \
                   Monday in Kestrel\u{9b}2J about the harbour.\n";
    let mut files = ARTICLES.to_vec();
    files.push(("hostile.txt", hostile));
    let (_tmp, dir) = write_library(&files);
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = app_on(&dir, size);
        app.restore(Saved::default());
        for script in ["A", "A 4", "A 3 Enter", "W", "A 4 Enter Enter"] {
            keys(&mut app, script);
            let s = screen(&app);
            assert!(
                !s.chars()
                    .any(|c| c.is_control() && c != '\n' || ('\u{80}'..'\u{a0}').contains(&c)),
                "{size:?} {script}: {s:?}"
            );
            keys(&mut app, "Esc Esc");
        }
    }
}

#[test]
fn snapshots() {
    let (_tmp, dir) = write_library(&ARTICLES);
    let old = std::time::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    for name in ["a1.txt", "a2.txt", "a3.txt"] {
        touch(&dir.join(name), old);
    }
    let listed = jiff::Timestamp::from_second(1_750_000_000).unwrap();
    for size in [(120, 40), (80, 24), (40, 15)] {
        let tag = format!("{}x{}", size.0, size.1);
        for (name, script) in [
            ("actors", "A"),
            ("timeline", "A 4"),
            ("mentions", "A 3 Enter"),
            ("stepped", "A 3 Enter Enter n n"),
            ("event", "A 4 Enter Enter"),
            ("since", "W"),
        ] {
            let mut app = app_on(&dir, size);
            app.restore(Saved {
                listed: Some(listed),
                ..Saved::default()
            });
            keys(&mut app, script);
            let mut s = screen(&app);
            // The time the briefing took changes from run to run.
            if let Some(at) = s.find("ready in") {
                let end = s[at..].find(" s").map_or(s.len(), |e| at + e + 2);
                s.replace_range(at..end, "ready in N s");
            }
            insta::assert_snapshot!(format!("{tag}_{name}"), s);
        }
    }
}

#[test]
fn a_library_listed_again_is_merged_again() {
    let (_tmp, dir) = write_library(&ARTICLES[..3]);
    let mut app = app_on(&dir, (120, 40));
    app.shelf.set_library_paths(vec![dir.clone()]);
    keys(&mut app, "A");
    assert!(!screen(&app).contains("Lene Ostby"));
    std::fs::write(dir.join(ARTICLES[3].0), ARTICLES[3].1).unwrap();
    keys(&mut app, "r");
    assert_eq!(app.shelf.articles.len(), 4);
    let m = app.merged().expect("merged again for the new list");
    assert_eq!(m.articles.len(), 4);
    assert!(screen(&app).contains("Lene Ostby"), "{}", screen(&app));
}

#[test]
fn a_jump_to_an_article_not_analysed_yet_is_made_when_its_analysis_arrives() {
    let (_tmp, dir) = write_library(&ARTICLES);
    let mut app = app_on(&dir, (120, 40));
    let options = brief::Options::default();
    app.set_library_analyser(Arc::new(move |a| brief::analyze(a, &options)));
    // The reader's own analyses take a while (a long article, a cold cache).
    app.attach_worker(brief::tui::worker::Worker::with(move |a| {
        std::thread::sleep(Duration::from_millis(150));
        (brief::analyze(a, &options), true)
    }));
    app.wait_analyses(Duration::from_secs(10));
    keys(&mut app, "A 3");
    let k = app
        .merged()
        .expect("ready")
        .briefing
        .actors
        .iter()
        .position(|a| a.name == "Ada Quint")
        .unwrap();
    for _ in 0..k {
        keys(&mut app, "j");
    }
    // The overlay's cursor starts on the article on screen; the next one is not analysed.
    keys(&mut app, "Enter j Enter");
    assert_eq!(title(&app), "Minister and union keep talking");
    assert!(app.analysis_pending());
    assert_eq!(selected(&app), None);
    let t = Instant::now();
    while app.analysis_pending() && t.elapsed() < Duration::from_secs(10) {
        app.receive();
        std::thread::sleep(Duration::from_millis(5));
    }
    app.receive();
    assert_eq!(selected(&app), Some(("Ada Quint".to_string(), 0)));
}

#[cfg(target_os = "linux")]
#[path = "support/pty.rs"]
mod pty;

/// The real binary in a terminal: the library's briefing made on its thread through the
/// analysis cache, `A`, `Enter`, `n` and the timeline as a reader uses them; then a second
/// start after a new article came, and `W` lists it.
#[cfg(target_os = "linux")]
#[test]
fn end_to_end_in_a_terminal() {
    let (_tmp, dir) = write_library(&ARTICLES[..3]);
    let folder = dir.display().to_string();
    let home = tempfile::Builder::new()
        .prefix("brief-pty-scope-")
        .tempdir()
        .unwrap();
    let Some(t) = pty::Pty::start_in("scope", home, &[&folder], &[], (120, 40), false, false)
    else {
        return;
    };
    t.wait_for("q quit");
    t.wait_without("analysing…");
    t.keys(&["A"]);
    t.wait_for("all articles · 4");
    t.wait_for("ready in");
    t.keys(&["Enter"]);
    t.wait_for("Ada Quint · in 3 articles");
    t.keys(&["j", "Enter"]);
    t.wait_for("mention 3/5 in the library");
    t.keys(&["n"]);
    t.wait_for("mention 4/5 in the library · article 2/3");
    t.keys(&["n", "n"]);
    t.wait_for("wrapped to the first mention in the library");
    t.keys(&["4", "Enter"]);
    t.wait_for("report 1/4");
    t.keys(&["Enter"]);
    t.wait_for("report 2/4 · Minister and union keep talking");
    t.keys(&["W"]);
    t.wait_for("No earlier visit is recorded");
    t.keys(&["Escape", "q"]);
    t.wait_for("brief exited 0");
    let state = std::fs::read(t.state_file()).unwrap();
    drop(t);

    // A new article since: the next start lists it, its actors and its events.
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(dir.join(ARTICLES[3].0), ARTICLES[3].1).unwrap();
    let home = tempfile::Builder::new()
        .prefix("brief-pty-scope2-")
        .tempdir()
        .unwrap();
    let file = home.path().join("state/brief/state.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, state).unwrap();
    let Some(t) = pty::Pty::start_in("scope2", home, &[&folder], &[], (120, 40), false, false)
    else {
        return;
    };
    t.wait_for("q quit");
    t.keys(&["W"]);
    let s = t.wait_for("New articles (1)");
    assert!(s.contains("Storm closes coastal road"), "{s}");
    assert!(s.contains("Lene Ostby"), "{s}");
    assert!(!s.contains("Ada Quint ·"), "{s}");
    t.keys(&["Escape", "q"]);
    t.wait_for("brief exited 0");
}

/// Made-up articles where one actor is quoted in two of them and takes part in an event.
const QUOTED: [(&str, &str); 3] = [
    (
        "q1.txt",
        "Ferry strike ends in Wrenport\n\nPublished: 2025-05-12\n\nThe transport minister Ada \
         Quint met union leader Bram Tolle on Monday in Wrenport. \"The ferries will sail again \
         on Friday,\" Ada Quint said after the meeting.\n\nThe Ferry Board welcomed the deal.\n",
    ),
    (
        "q2.txt",
        "Ferries sail again\n\nPublished: 2025-05-16\n\nThe first ferry left Wrenport on Friday. \
         \"We kept our word to the islands,\" said Ada Quint, the transport minister.\n",
    ),
    (
        "q3.txt",
        "Island schools reopen\n\nPublished: 2025-05-19\n\nSchools on Tarn Island reopened on \
         Monday, the Ferry Board said. Ada Quint visited one of them.\n",
    ),
];

/// The library actor named `name`, its place in the library's actors panel.
fn library_actor(app: &App, name: &str) -> usize {
    app.merged()
        .expect("the library's briefing")
        .briefing
        .actors
        .iter()
        .position(|a| a.name == name)
        .unwrap_or_else(|| panic!("{name} not in the library"))
}

#[test]
fn i_on_a_library_actor_shows_it_across_the_articles_and_enter_goes_there() {
    let (_tmp, dir) = write_library(&QUOTED);
    let mut app = app_on(&dir, (120, 40));
    keys(&mut app, "A 3");
    let k = library_actor(&app, "Ada Quint");
    for _ in 0..k {
        keys(&mut app, "j");
    }
    keys(&mut app, "i");
    assert!(
        matches!(app.scope.overlay, Some(Overlay::Actor { actor, .. }) if actor == k),
        "{}",
        screen(&app)
    );
    let s = screen(&app);
    for needle in [
        "Ada Quint · all articles · Esc close",
        "Kind        person",
        "Role        minister",
        "Mentions    ",
        "in 3 articles of 3",
        "Quotes (2)",
        "“The ferries will sail again on Friday,”",
        "“We kept our word to the islands,”",
        "Articles (3)",
        "Island schools reopen",
        "j/k move · Enter go to",
    ] {
        assert!(s.contains(needle), "{needle:?} missing:\n{s}");
    }
    // Enter on the second quotation: its article, at its sentence, Ada Quint selected there.
    keys(&mut app, "j Enter");
    assert!(app.scope.overlay.is_none());
    assert_eq!(title(&app), "Ferries sail again");
    assert_eq!(selected(&app).map(|s| s.0), Some("Ada Quint".to_string()));
    assert!(
        screen(&app).contains("word to the islands,\" said Ada Quint"),
        "{}",
        screen(&app)
    );
    // Again, on the last entry: the last article that mentions her, at her mention.
    keys(&mut app, "3");
    for _ in 0..k {
        keys(&mut app, "j");
    }
    keys(&mut app, "i G Enter");
    assert_eq!(title(&app), "Island schools reopen");
    assert_eq!(selected(&app), Some(("Ada Quint".to_string(), 0)));
    // On its event: the event's report, selected in the timeline, at its sentence.
    keys(&mut app, "3");
    for _ in 0..k {
        keys(&mut app, "j");
    }
    keys(&mut app, "i j j Enter");
    assert_eq!(title(&app), "Ferry strike ends in Wrenport");
    let event = app.event.expect("the event selected");
    let label = app.prepared().unwrap().analysis.events[event].label.clone();
    assert!(label.contains("meeting"), "{label}");
    // Esc and i close it; so does q, without quitting.
    keys(&mut app, "3 i");
    assert!(app.scope.overlay.is_some());
    keys(&mut app, "Esc");
    assert!(app.scope.overlay.is_none());
    keys(&mut app, "i q");
    assert!(app.scope.overlay.is_none() && !app.quit);
}

#[test]
fn library_actor_detail_snapshots() {
    for (cols, rows) in [(120, 40), (80, 24), (40, 15)] {
        let (_tmp, dir) = write_library(&QUOTED);
        let mut app = app_on(&dir, (cols, rows));
        keys(&mut app, "A 3");
        let k = library_actor(&app, "Ada Quint");
        for _ in 0..k {
            keys(&mut app, "j");
        }
        keys(&mut app, "i");
        // The time the briefing took changes from run to run.
        let screen = |app: &App| {
            let mut s = screen(app);
            if let Some(at) = s.find("ready in") {
                let end = s[at..].find(" s").map_or(s.len(), |e| at + e + 2);
                s.replace_range(at..end, "ready in N s");
            }
            s
        };
        insta::assert_snapshot!(format!("{cols}x{rows}_actor_detail"), screen(&app));
        keys(&mut app, "G");
        insta::assert_snapshot!(format!("{cols}x{rows}_actor_detail_end"), screen(&app));
    }
}

#[test]
fn a_library_actor_in_many_articles_shows_every_entry_the_cursor_passes() {
    let notes: Vec<(String, String)> = (0..70)
        .map(|n| {
            (
                format!("n{n:02}.txt"),
                format!(
                    "Harbour note {n}\n\nPublished: 2025-04-{:02}\n\nAda Quint spoke to the \
                     harbour board on Monday.\n",
                    n % 28 + 1
                ),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = notes
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (_tmp, dir) = write_library(&files);
    let mut app = app_on(&dir, (80, 24));
    keys(&mut app, "A 3");
    let k = library_actor(&app, "Ada Quint");
    for _ in 0..k {
        keys(&mut app, "j");
    }
    keys(&mut app, "i");
    let entries = app.library_detail_entries(k).len();
    assert!(entries >= 70, "{entries}");
    // Wherever the cursor is, every row of the box under the articles' heading (or all of
    // them, once it is scrolled away) shows an article: none is left blank.
    for step in [
        "",
        "j j j",
        "C-d",
        "C-d C-d C-d",
        "G",
        "k k k k k",
        "PgUp",
        "g",
    ] {
        keys(&mut app, step);
        let s = screen(&app);
        let rows: Vec<&str> = s.lines().collect();
        let bottom = rows
            .iter()
            .position(|l| l.contains("j/k move"))
            .unwrap_or_else(|| panic!("no box after {step:?}:\n{s}"));
        let first = rows
            .iter()
            .position(|l| l.contains("Articles (70)"))
            .map_or(2, |h| h + 1);
        assert!(first < bottom, "{s}");
        for l in &rows[first..bottom] {
            assert!(
                l.contains("Harbour note"),
                "a row without its article after {step:?}:\n{s}"
            );
        }
        assert!(s.contains('▸'), "{s}");
    }
}
