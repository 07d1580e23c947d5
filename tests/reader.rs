//! The reader as people use it every day (issue 13): hard-wrapped text, load problems, the
//! filter and the jump list keeping the place, events shown from their sentence's first line.
//! Headless, on made-up articles with analyses built by hand.
#![cfg(feature = "tui")]

use std::path::Path;

use brief::load::{LoadError, Loaded};
use brief::model::{Actor, Analysis, Article, Event, Mention, MentionForm};
use brief::tui::keymap::KeyMap;
use brief::tui::theme::Theme;
use brief::tui::{App, ColorMode};

fn article(title: &str, text: &str) -> Article {
    Article {
        title: title.into(),
        text: text.into(),
        ..Article::default()
    }
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

/// A made-up story of `n` paragraphs; paragraphs in `with` mention Ada Quint.
fn story(n: usize, with: &[usize]) -> String {
    (0..n)
        .map(|i| {
            if with.contains(&i) {
                format!(
                    "Paragraph {i} says that Ada Quint visited the harbour works on a grey \
                     morning and spoke with the engineers about the timbers of the pier."
                )
            } else {
                format!(
                    "Paragraph {i} describes the old pier, its timbers and the storms that \
                     closed it, and the traders who would like to see it open again soon."
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// An analysis by hand: one person with a mention at each `needle`, events at `events`
/// (start, end).
fn analysis_of(text: &str, needle: &str, events: &[(usize, usize)]) -> Analysis {
    let mentions: Vec<Mention> = text
        .match_indices(needle)
        .map(|(i, m)| Mention {
            start: i,
            end: i + m.len(),
            form: MentionForm::Name,
        })
        .collect();
    let actor: Actor = serde_json::from_value(serde_json::json!({
        "id": "ada-quint", "name": "Ada Quint", "kind": "person", "role": null,
        "affiliation": null, "aliases": [], "mentions": mentions,
    }))
    .unwrap();
    let events: Vec<Event> = events
        .iter()
        .map(|&(start, end)| {
            serde_json::from_value(serde_json::json!({
                "label": "visit", "kind": "meeting", "date": null, "place": null,
                "participants": [], "start": start, "end": end,
            }))
            .unwrap()
        })
        .collect();
    Analysis {
        actors: vec![actor],
        events,
        ..Analysis::default()
    }
}

fn app_on(text: &str, analysis: Analysis, size: (u16, u16)) -> App {
    let mut app = App::new(
        vec![article("Harbour", text)],
        Theme::new(false),
        KeyMap::default(),
    );
    app.resize(size.0, size.1);
    app.set_analysis(0, analysis);
    app
}

/// The body rows marked in the gutter with `mark`.
fn marked(app: &App, mark: char) -> Vec<String> {
    screen(app)
        .lines()
        .filter_map(|l| {
            let i = l.find(mark)?;
            Some(l[i + mark.len_utf8()..].trim().to_string())
        })
        .collect()
}

#[test]
fn leaving_the_filter_by_esc_or_f_keeps_the_place() {
    let text = story(16, &[1, 8, 14]);
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut by_esc = app_on(&text, analysis_of(&text, "Ada Quint", &[]), size);
        keys(&mut by_esc, "3 Enter 2 f n Esc");
        assert!(!by_esc.filter);
        assert_eq!(by_esc.selected.map(|s| s.1), Some(1));
        // The current mention (the second, far down the text) is still on screen.
        assert_eq!(
            marked(&by_esc, '▶').len(),
            1,
            "{size:?}\n{}",
            screen(&by_esc)
        );
        assert!(by_esc.top > 0, "{size:?}: back at the top");
        let mut by_f = app_on(&text, analysis_of(&text, "Ada Quint", &[]), size);
        keys(&mut by_f, "3 Enter 2 f n f");
        assert_eq!(by_f.top_line(), by_esc.top_line(), "{size:?}");
    }
}

#[test]
fn an_event_jump_shows_its_sentence_from_the_first_line() {
    let long = "Ada Quint, who has argued for the pier since the first storm closed it and who \
                has spoken at every meeting of the harbour board since then, finally visited \
                the harbour works on Tuesday.";
    let text = format!("{}\n\n{long}\n\n{}", story(20, &[]), story(20, &[]));
    let start = text.find("visited").unwrap();
    let events = [(start, start + "visited the harbour works".len())];
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = app_on(&text, analysis_of(&text, "Ada Quint", &events), size);
        let h = usize::from(app.plan().text.height);
        let first = brief::tui::wrap::line_of(&app.wrapped.lines, text.find(long).unwrap());
        let ev = brief::tui::wrap::line_of(&app.wrapped.lines, start);
        assert!(ev > first, "{size:?}: the sentence takes one row");
        // Scrolled so the event's row is on screen but the sentence's first row is just above.
        keys(&mut app, "2");
        for _ in 0..200 {
            if app.top_line() > first {
                break;
            }
            keys(&mut app, "j");
        }
        assert!(
            app.top_line() > first,
            "{size:?}: cannot scroll past row {first}"
        );
        assert!(ev < app.top_line() + h, "{size:?}");
        keys(&mut app, "4 Enter");
        let top = app.top_line();
        assert!(
            first >= top && first < top + h && ev < top + h,
            "{size:?}: first row {first}, event row {ev}, rows {top}..{}",
            top + h
        );
    }
}

#[test]
fn ctrl_o_and_ctrl_n_land_elsewhere_and_bring_back_the_mention_or_match() {
    // The first two mentions on one screen: jumping between them does not scroll.
    let text = story(16, &[1, 2, 14]);
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = app_on(&text, analysis_of(&text, "Ada Quint", &[]), size);
        keys(&mut app, "3 Enter 2 n n");
        assert!(status_line(&app).contains("mention 3/3"), "{size:?}");
        for (key, want) in [
            ("C-o", "mention 2/3"),
            ("C-o", "mention 1/3"),
            ("C-n", "mention 2/3"),
            ("C-n", "mention 3/3"),
        ] {
            keys(&mut app, key);
            assert!(
                status_line(&app).contains(want),
                "{size:?} {key}: {}",
                status_line(&app)
            );
            assert_eq!(marked(&app, '▶').len(), 1, "{size:?}\n{}", screen(&app));
        }
        let mut app = app_on(&text, analysis_of(&text, "Ada Quint", &[]), size);
        keys(&mut app, "2 /storms Enter n n");
        let at = app.search.current;
        keys(&mut app, "C-o");
        assert_eq!(app.search.current.map(|c| c + 1), at, "{size:?}");
        keys(&mut app, "C-n");
        assert_eq!(app.search.current, at, "{size:?}");
    }
}

#[test]
fn without_colour_every_highlight_reads_by_bold_underline_dim_and_reverse() {
    use ratatui::style::Modifier;
    let t = Theme::new(false);
    // Italic is missing from many terminals: without it, no two highlights may look alike.
    let mut seen: Vec<(&str, Modifier)> = Vec::new();
    for (label, style) in t.legend() {
        assert_eq!(style.fg, None, "{label} is coloured");
        let m = style.add_modifier - Modifier::ITALIC;
        if let Some((other, _)) = seen.iter().find(|(_, o)| *o == m) {
            panic!("{label} and {other} look alike without italic ({m:?})");
        }
        seen.push((label, m));
    }
    assert!(seen.iter().any(|(l, _)| *l == "place"));
    assert!(seen.iter().any(|(l, _)| *l == "quote"));
}

#[test]
fn flipping_past_an_article_reads_nothing_and_the_filter_keeps_the_mark() {
    let text = story(20, &[3, 12]);
    let mut app = App::new(
        vec![article("First", &text), article("Second", &text)],
        Theme::new(false),
        KeyMap::default(),
    );
    app.resize(120, 40);
    keys(&mut app, "] ]");
    assert_eq!(app.current, 0);
    assert_eq!(app.read_state(1), None, "flipped past, marked read");
    assert!(app.to_saved().read.is_empty(), "{:?}", app.to_saved().read);
    keys(&mut app, "2 j j j");
    let read = app.read_state(0).unwrap_or(0);
    assert!(read > 0);
    keys(&mut app, "]");
    assert_eq!(app.read_state(0), Some(read));
    assert_eq!(app.read_state(1), None);

    // The filter's rows are not the text's: the mark stays what reading gave.
    let mut app = app_on(&text, analysis_of(&text, "Ada Quint", &[]), (120, 40));
    keys(&mut app, "2 j j j j 3 Enter");
    let read = app.read_state(0).unwrap_or(0);
    assert!(read > 0);
    keys(&mut app, "f n 1");
    assert!(app.filter);
    assert_eq!(app.read_state(0), Some(read));
    assert!(
        screen(&app).contains(&format!("{read}%")),
        "{}",
        screen(&app)
    );
}

#[test]
fn a_reference_date_dates_what_the_text_says_relative_to_it() {
    let text = "Harbour board votes on pier\n\nThe harbour board met on Monday to decide the \
                fate of the old pier. Ada Quint, the board chair, said a vote would be held on \
                Friday.\n";
    let loaded = || Loaded {
        articles: vec![article("Harbour board votes on pier", text)],
        problems: vec![],
    };
    let date = |d: &str| brief::Options {
        date: Some(d.parse().unwrap()),
    };
    let with = brief::tui::render_with(
        loaded(),
        (120, 40),
        "",
        false,
        ColorMode::Never,
        date("2025-02-19"),
    )
    .unwrap();
    assert!(with.contains("17 Feb") && with.contains("21 Feb"), "{with}");
    let without = brief::tui::render(loaded(), (120, 40), "", false, ColorMode::Never).unwrap();
    assert!(!without.contains("17 Feb"), "{without}");
}

#[test]
fn lists_longer_than_their_panel_say_so_on_their_border() {
    let names: Vec<String> = (0..60).map(|i| format!("Person{i} Quint")).collect();
    let text = names
        .iter()
        .map(|n| format!("{n} spoke at the harbour board on the fate of the pier."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let actors: Vec<Actor> = names
        .iter()
        .map(|n| {
            let start = text.find(n.as_str()).unwrap();
            serde_json::from_value(serde_json::json!({
                "id": n.to_lowercase().replace(' ', "-"), "name": n, "kind": "person",
                "role": null, "affiliation": null, "aliases": [],
                "mentions": [{"start": start, "end": start + n.len(), "form": "name"}],
            }))
            .unwrap()
        })
        .collect();
    let analysis = Analysis {
        actors,
        ..Analysis::default()
    };
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = app_on(&text, analysis.clone(), size);
        keys(&mut app, "3");
        let s = screen(&app);
        assert!(s.contains('▼') && !s.contains('▲'), "{size:?}\n{s}");
        keys(&mut app, "G");
        let s = screen(&app);
        assert!(s.contains('▲') && !s.contains('▼'), "{size:?}\n{s}");
    }
}

#[test]
fn a_text_that_is_not_english_gets_a_notice_instead_of_junk_actors() {
    // Made-up French and German: the analysis, made for English, would find junk here.
    let french = "Le conseil du port s'est réuni mardi pour décider du sort de la vieille \
                  jetée, fermée depuis la tempête de l'hiver dernier. Les ingénieurs ont dit \
                  que les poutres pourraient être sauvées si les travaux commencent avant les \
                  marées d'automne, et les commerçants veulent la voir rouverte bientôt.";
    let german = "Der Hafenrat traf sich am Dienstag, um über das Schicksal des alten Stegs zu \
                  entscheiden, der seit dem Sturm im letzten Winter geschlossen ist. Die \
                  Ingenieure sagten, die Balken könnten gerettet werden, wenn die Arbeiten vor \
                  den Herbstfluten beginnen.";
    for text in [french, german] {
        assert!(!brief::tui::prepared::looks_english(text), "{text}");
        let app = app_on(text, analysis_of(text, "Hafenrat", &[]), (120, 40));
        let s = screen(&app);
        assert!(app.prepared().unwrap().foreign);
        assert!(
            s.contains("This text does not") && s.contains("not English"),
            "{s}"
        );
        assert!(app.prepared().unwrap().analysis.actors.is_empty());
    }
    let english = story(3, &[1]);
    assert!(brief::tui::prepared::looks_english(&english));
    let app = app_on(&english, analysis_of(&english, "Ada Quint", &[]), (120, 40));
    assert!(!app.prepared().unwrap().foreign);
    assert!(!screen(&app).contains("This text does not"));
    assert!(brief::tui::prepared::looks_english("Talks resume."));
}

#[test]
fn the_help_says_how_the_actors_are_ordered() {
    let text = story(3, &[1]);
    let mut app = app_on(&text, analysis_of(&text, "Ada Quint", &[]), (120, 60));
    keys(&mut app, "? /salient");
    let s = screen(&app);
    assert!(s.contains("most salient first"), "{s}");
}

#[path = "support/headless.rs"]
mod headless;
use headless::{keys, sandbox, screen, status_line};

/// A made-up briefing as `brief fetch` saves it: `source` and the feed's address, fetched at
/// `fetched`.
fn fetched_briefing(title: &str, source: Option<&str>, fetched: &str) -> String {
    let mut v = serde_json::json!({
        "title": title,
        "url": format!("https://www.quayside-post.example/{}", title.len()),
        "feed": "https://www.quayside-post.example/feed.xml",
        "fetched": fetched,
        "text": format!("{title}.\n\nThe harbour board met on a grey morning to talk about the old pier."),
    });
    if let Some(s) = source {
        v["source"] = s.into();
    }
    v.to_string()
}

#[test]
fn articles_fetched_since_the_last_listing_are_new_and_r_lists_the_library_again() {
    use brief::library::Library;
    use brief::tui::Input;
    use brief::tui::saved::Saved;
    sandbox();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("briefings");
    std::fs::create_dir_all(dir.join("feeds/gazette")).unwrap();
    let write = |name: &str, body: &str| std::fs::write(dir.join(name), body).unwrap();
    // Fetched before the last listing, fetched after it (with no source: the feed's site
    // shows), and a plain text of the user's (never "new").
    write(
        "feeds/gazette/pier-vote.json",
        &fetched_briefing(
            "Pier vote delayed",
            Some("Harbour Gazette"),
            "2026-03-01T08:00:00Z",
        ),
    );
    write(
        "feeds/gazette/ferry-back.json",
        &fetched_briefing("Ferry back in service", None, "2026-03-03T08:00:00Z"),
    );
    write(
        "notes.txt",
        "Notes on the pier\n\nThe timbers are old and the storms are many.\n",
    );
    let paths = vec![dir.clone()];
    let (lib, problems) = Library::scan(&paths);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = brief::tui::app_for(
        Input::Library(lib, problems, paths),
        ColorMode::Never,
        KeyMap::default(),
    );
    let title_at = |app: &App, t: &str| {
        app.shelf
            .articles
            .iter()
            .position(|a| a.title == t)
            .unwrap_or_else(|| panic!("{t} not listed"))
    };
    let ferry = title_at(&app, "Ferry back in service");
    let pier = title_at(&app, "Pier vote delayed");
    let notes = title_at(&app, "Notes on the pier");
    // The reader last listed the library between the two fetches, with the pier story open.
    let listed: jiff::Timestamp = "2026-03-02T00:00:00Z".parse().unwrap();
    app.restore(Saved {
        listed: Some(listed),
        last: Some(brief::tui::saved::key(&app.shelf.articles[pier])),
        ..Saved::default()
    });
    app.resize(120, 40);
    assert_eq!(app.current, pier);
    // The library was listed now: the next reader counts from here.
    assert!(app.saved.listed.is_some_and(|t| t > listed));
    // The ferry story is marked, with its feed's site as its source.
    assert!(app.is_new(ferry) && !app.is_new(pier) && !app.is_new(notes));
    app.focus = brief::tui::app::Panel::Library;
    app.resize(120, 40);
    let s = screen(&app);
    assert!(s.contains("1 new · 3"), "{s}");
    assert!(s.contains("• Ferry back in serv"), "{s}");
    assert!(s.contains("new · quayside-post"), "{s}");
    assert!(s.contains("Harbour Gazette · u"), "{s}");
    assert!(!s.contains("new · Harbour"), "{s}");

    // `brief fetch` saves another story and the user deletes the notes; `r` lists the library
    // again: the new story appears, marked new, the notes go, the pier story stays open.
    write(
        "feeds/gazette/tide-gauge.json",
        &fetched_briefing(
            "Tide gauge repaired",
            Some("Harbour Gazette"),
            "2026-03-04T08:00:00Z",
        ),
    );
    std::fs::remove_file(dir.join("notes.txt")).unwrap();
    keys(&mut app, "r");
    assert_eq!(app.shelf.articles.len(), 3);
    assert_eq!(app.article().unwrap().title, "Pier vote delayed");
    assert_eq!(app.library_cursor, app.current);
    let tide = title_at(&app, "Tide gauge repaired");
    assert!(app.is_new(tide));
    assert!(
        !app.shelf
            .articles
            .iter()
            .any(|a| a.title == "Notes on the pier"),
        "the removed file is gone"
    );
    let status = status_line(&app);
    assert!(status.contains("1 added, 1 removed"), "{status}");
    let s = screen(&app);
    assert!(s.contains("2 new · 3"), "{s}");
    assert!(s.contains("• Tide gauge repaired"), "{s}");
    // Opening an article makes it no longer new.
    let ferry = title_at(&app, "Ferry back in service");
    app.library_cursor = ferry;
    keys(&mut app, "Enter");
    assert_eq!(app.current, ferry);
    keys(&mut app, "]");
    assert!(!app.is_new(ferry));
    assert!(screen(&app).contains("1 new · 3"), "{}", screen(&app));
}

#[test]
fn r_on_articles_not_from_a_library_reloads_the_article_only() {
    let mut app = App::new(
        vec![article("Harbour", "The ferry runs again.\n")],
        Theme::new(false),
        KeyMap::default(),
    );
    app.resize(80, 24);
    keys(&mut app, "r");
    assert!(
        status_line(&app).contains("nothing to reload"),
        "{}",
        status_line(&app)
    );
    assert_eq!(app.shelf.articles.len(), 1);
}

#[test]
fn the_help_says_what_new_means_and_that_r_reloads_the_library() {
    let mut app = App::new(
        vec![article("Harbour", "The ferry runs again.\n")],
        Theme::new(false),
        KeyMap::default(),
    );
    // Tall enough for the whole help (the keys, the legend, the notes).
    app.resize(120, 80);
    keys(&mut app, "?");
    let s = screen(&app);
    assert!(
        s.contains("reload the library and the article from disk"),
        "{s}"
    );
    assert!(
        s.contains("Library: • and \"new\" mark articles fetched"),
        "{s}"
    );
}

#[test]
fn the_article_on_screen_at_the_start_is_not_new() {
    let fetched = |title: &str| Article {
        fetched: Some("2026-03-04T08:00:00Z".parse().unwrap()),
        source: Some("Harbour Gazette".into()),
        ..article(title, "The ferry runs again.\n")
    };
    let loaded = Loaded {
        articles: vec![
            fetched("Ferry runs"),
            fetched("Pier shut"),
            fetched("Quay open"),
        ],
        problems: vec![],
    };
    // No saved state (as `brief render`): every fetched article is new but those shown.
    let s = brief::tui::render(loaded, (120, 20), "]", false, ColorMode::Never).unwrap();
    assert!(s.contains("1 new · 3"), "{s}");
    assert!(s.contains("  Ferry runs"), "{s}");
    assert!(s.contains("▸ Pier shut"), "{s}");
    assert!(s.contains("• Quay open"), "{s}");
}
