//! The reader from the text to the actor and back (issue 13, missing features 3 and 10; issue
//! 16, item 4): the actors panel's order, a cursor on the names in the body, and the actor's
//! detail view with its sentences, events and quotes. Headless, on a made-up article with an
//! analysis built by hand.
#![cfg(feature = "tui")]

use brief::model::{
    Actor, ActorKind, Analysis, Article, Event, EventStatus, Mention, MentionForm, Quote,
};
use brief::tui::app::ActorRow;
use brief::tui::keymap::KeyMap;
use brief::tui::theme::Theme;
use brief::tui::{App, buffer_to_text, draw_buffer};

/// A made-up story: three people, an organisation, a quotation, two events.
const STORY: &str = "Ada Quint, the harbour master, met the engineers of the Port Authority on \
Tuesday to look at the old pier.\n\n\
“The timbers can be saved before the autumn tides,” Quint said after the visit.\n\n\
Bo Zander, who runs a cafe on the front, said the traders want the pier open by summer. Cy Abel \
agreed with Zander.\n\n\
Abel said the council would decide next month. Quint and Abel will meet the council on Friday.\n\n\
The pier was built of oak and iron and has stood on the front for as long as anyone in the town \
can remember, through storms and floods and one long winter of ice.\n\n\
Its boards were laid by hand and its lamps were lit each evening by a keeper who lived in the \
small house at the landward end, where the ticket office is now.\n\n\
The storm of last winter tore away a part of the deck and the railings on the seaward side, and \
since then the gates have stayed locked to walkers and anglers alike.\n\n\
Quint thanked the engineers for their work.";

fn spans_of(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

/// An actor with a mention at each place one of `forms` occurs (a longer form covers the
/// shorter one inside it).
fn actor(name: &str, kind: ActorKind, forms: &[&str]) -> Actor {
    let mut mentions: Vec<Mention> = forms
        .iter()
        .flat_map(|f| spans_of(STORY, f))
        .map(|(start, end)| Mention {
            start,
            end,
            form: MentionForm::Name,
        })
        .collect();
    mentions.sort();
    let mut kept: Vec<Mention> = Vec::new();
    for m in mentions {
        if kept.last().is_some_and(|k| m.start < k.end) {
            continue;
        }
        kept.push(m);
    }
    Actor {
        id: brief::analysis::slug(name),
        name: name.into(),
        kind,
        role: None,
        affiliation: None,
        aliases: forms.iter().map(|s| s.to_string()).collect(),
        mentions: kept,
    }
}

fn event(label: &str, date: &str, phrase: &str, participants: &[&str]) -> Event {
    let (start, end) = spans_of(STORY, phrase)[0];
    Event {
        label: label.into(),
        kind: "meeting".into(),
        date: Some(date.into()),
        place: None,
        participants: participants.iter().map(|s| s.to_string()).collect(),
        start,
        end,
        trigger: None,
        status: EventStatus::Happened,
        main: false,
    }
}

/// The analysis by hand. Salience order: Bo Zander, Ada Quint, Cy Abel (people), then the
/// Port Authority; by mentions: Quint 4, Abel 3, Zander 2.
fn analysis() -> Analysis {
    let mut quint = actor("Ada Quint", ActorKind::Person, &["Ada Quint", "Quint"]);
    quint.role = Some("harbour master".into());
    quint.affiliation = Some("Port Authority".into());
    let (qs, qe) = spans_of(STORY, "The timbers can be saved before the autumn tides,")[0];
    Analysis {
        actors: vec![
            actor("Bo Zander", ActorKind::Person, &["Bo Zander", "Zander"]),
            quint,
            actor("Cy Abel", ActorKind::Person, &["Cy Abel", "Abel"]),
            actor(
                "Port Authority",
                ActorKind::Organisation,
                &["Port Authority"],
            ),
        ],
        events: vec![
            event(
                "Pier inspection",
                "2025-03-04",
                "met the engineers of the Port Authority on Tuesday",
                &["ada-quint", "port-authority"],
            ),
            event(
                "Council meeting",
                "2025-03-07",
                "Quint and Abel will meet the council on Friday",
                &["ada-quint", "cy-abel"],
            ),
        ],
        quotes: vec![Quote {
            speaker: Some("ada-quint".into()),
            start: qs,
            end: qe,
        }],
        ..Analysis::default()
    }
}

fn app(size: (u16, u16)) -> App {
    let article = Article {
        title: "Harbour board backs pier repair".into(),
        text: STORY.into(),
        ..Article::default()
    };
    let mut app = App::new(vec![article], Theme::new(false), KeyMap::default());
    app.resize(size.0, size.1);
    app.set_analysis(0, analysis());
    app
}

/// The names of the actors panel's rows, in order (headings left out).
fn panel_order(app: &App) -> Vec<String> {
    let p = app.prepared().unwrap();
    app.actor_rows()
        .iter()
        .filter_map(|r| match r {
            ActorRow::Actor(i) => Some(p.analysis.actors[*i].name.clone()),
            ActorRow::Heading(_) => None,
        })
        .collect()
}

/// Where `needle` is drawn on screen: (column, row) of its first cell.
#[allow(dead_code)] // used by the name cursor tests
fn find_on_screen(app: &App, needle: &str) -> Option<(u16, u16)> {
    let buf = draw_buffer(app);
    let text = buffer_to_text(&buf);
    for (y, line) in text.lines().enumerate() {
        if let Some(i) = line.find(needle) {
            let x = brief::tui::wrap::str_width(&line[..i]);
            return Some((x as u16, y as u16));
        }
    }
    None
}

#[test]
fn the_actors_panel_says_its_order_and_s_cycles_salience_mentions_name() {
    let mut app = app((120, 40));
    assert!(screen(&app).contains("by salience · 4"), "{}", screen(&app));
    assert_eq!(
        panel_order(&app),
        ["Bo Zander", "Ada Quint", "Cy Abel", "Port Authority"]
    );
    // The cursor on Ada Quint stays on her as the order changes.
    keys(&mut app, "3 j");
    let quint = app.actor_row(app.actor_cursor).unwrap();
    keys(&mut app, "s");
    assert!(screen(&app).contains("by mentions · 4"), "{}", screen(&app));
    assert!(status_line(&app).contains("actors by mentions"));
    assert_eq!(
        panel_order(&app),
        ["Ada Quint", "Cy Abel", "Bo Zander", "Port Authority"]
    );
    assert_eq!(app.actor_row(app.actor_cursor), Some(quint));
    keys(&mut app, "s");
    assert!(screen(&app).contains("by name · 4"), "{}", screen(&app));
    assert_eq!(
        panel_order(&app),
        ["Ada Quint", "Bo Zander", "Cy Abel", "Port Authority"]
    );
    assert_eq!(app.actor_row(app.actor_cursor), Some(quint));
    // Enter selects the actor under the cursor, whatever the order.
    keys(&mut app, "j Enter");
    assert_eq!(app.selected_actor().unwrap().name, "Bo Zander");
    keys(&mut app, "s");
    assert!(screen(&app).contains("by salience · 4"));
    // The mention counts stay on the right of each row, after the name.
    let s = screen(&app);
    let row = s.lines().find(|l| l.contains("Cy Abel")).unwrap();
    assert!(
        row.trim_end()
            .trim_end_matches('│')
            .trim_end()
            .ends_with('3'),
        "{row}"
    );
}

#[test]
fn the_actors_order_is_saved_and_comes_back_at_the_next_start() {
    let state = tempfile::tempdir().unwrap();
    let (base, _) = brief::tui::saved::load(Some(state.path()));
    let mut app = app((120, 40));
    app.restore(base.clone());
    keys(&mut app, "3 s s");
    assert!(screen(&app).contains("by name · 4"));
    brief::tui::saved::save(state.path(), &base, &app.to_saved()).unwrap();
    // The next run starts in that order.
    let (base, _) = brief::tui::saved::load(Some(state.path()));
    let mut next = self::app((120, 40));
    next.restore(base.clone());
    assert_eq!(next.actor_sort, brief::tui::app::ActorSort::Name);
    assert!(screen(&next).contains("by name · 4"), "{}", screen(&next));
    assert_eq!(
        panel_order(&next),
        ["Ada Quint", "Bo Zander", "Cy Abel", "Port Authority"]
    );
    // A reader that leaves the order alone does not undo another's change: two start from
    // this state, one goes back to salience, the other quits after it without touching it.
    let mut one = self::app((120, 40));
    one.restore(base.clone());
    let mut two = self::app((120, 40));
    two.restore(base.clone());
    keys(&mut one, "3 s");
    assert!(screen(&one).contains("by salience · 4"));
    brief::tui::saved::save(state.path(), &base, &one.to_saved()).unwrap();
    brief::tui::saved::save(state.path(), &base, &two.to_saved()).unwrap();
    let (last, _) = brief::tui::saved::load(Some(state.path()));
    assert_eq!(
        last.actor_sort, None,
        "salience, the default, is not written"
    );
    let mut third = self::app((120, 40));
    third.restore(last);
    assert!(screen(&third).contains("by salience · 4"));
}

/// The style of the cell where `needle` starts on screen.
fn style_at(app: &App, needle: &str) -> ratatui::style::Modifier {
    let (x, y) = find_on_screen(app, needle).unwrap_or_else(|| panic!("{needle} not on screen"));
    draw_buffer(app)[(x, y)].modifier
}

#[test]
fn o_steps_through_the_names_on_screen_and_enter_selects_the_actor() {
    use ratatui::style::Modifier;
    let mut app = app((120, 40));
    keys(&mut app, "o");
    // Ada Quint (actor 1), her first mention: reversed and bold (without colour, as here), ›
    // in the margin.
    assert_eq!(app.name_cursor, Some((1, 0)));
    assert!(
        status_line(&app).contains("› Ada Quint"),
        "{}",
        status_line(&app)
    );
    let m = style_at(&app, "Ada Quint, the harbour");
    assert!(m.contains(Modifier::REVERSED | Modifier::BOLD), "{m:?}");
    let s = screen(&app);
    let row = s
        .lines()
        .find(|l| l.contains("Ada Quint, the harbour"))
        .unwrap();
    assert!(row.contains("› Ada Quint"), "{row}");
    // The next names in text order, and back.
    keys(&mut app, "o");
    assert_eq!(app.name_cursor, Some((3, 0)), "Port Authority");
    keys(&mut app, "o");
    assert_eq!(app.name_cursor, Some((1, 1)), "Quint said");
    keys(&mut app, "O");
    assert_eq!(app.name_cursor, Some((3, 0)));
    // Enter selects the Port Authority at that mention: the panel's cursor and the counter
    // follow, and the cursor leaves.
    keys(&mut app, "Enter");
    assert_eq!(app.selected, Some((3, 0)));
    assert_eq!(app.name_cursor, None);
    assert_eq!(app.actor_row(app.actor_cursor), Some(3));
    assert!(
        status_line(&app).contains("Port Authority mention 1/1"),
        "{}",
        status_line(&app)
    );
    // While the cursor is on, Tab and Shift-Tab step through the names; Esc leaves it and Tab
    // moves the focus again.
    keys(&mut app, "Esc o Tab Tab BackTab");
    assert_eq!(app.name_cursor, Some((3, 0)));
    assert_eq!(app.focus, brief::tui::layout::Panel::Body);
    keys(&mut app, "Esc");
    assert_eq!(app.name_cursor, None);
    keys(&mut app, "Tab");
    assert_eq!(app.focus, brief::tui::layout::Panel::Actors);
    // Enter on a name in the text selects the actor at the mention under the cursor.
    keys(&mut app, "2 o o o Enter");
    assert_eq!(app.selected, Some((1, 1)));
    assert!(status_line(&app).contains("Ada Quint mention 2/4"));
}

#[test]
fn the_name_cursor_goes_past_the_screen_and_says_when_it_wraps() {
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = app(size);
        // Ten names in the text; the last one is below the first screen at 40x15.
        keys(&mut app, &["o"; 10].join(" "));
        assert_eq!(app.name_cursor, Some((1, 3)), "{size:?}");
        assert!(screen(&app).contains("Quint thanked"), "{size:?}");
        assert!(!status_line(&app).contains("wrapped"));
        keys(&mut app, "o");
        assert_eq!(app.name_cursor, Some((1, 0)), "{size:?}");
        assert_eq!(
            app.notice.as_deref(),
            Some("wrapped to the first name"),
            "{size:?}"
        );
        // O from no cursor: the last name on screen.
        keys(&mut app, "Esc g O");
        let (i, k) = app.name_cursor.unwrap();
        let spot = app.name_spot().unwrap();
        assert!(
            screen(&app).contains(&STORY[spot.start..spot.end]),
            "{size:?}"
        );
        assert!(i < 4 && k < 4);
    }
}

#[test]
fn the_name_cursor_steps_only_through_the_filtered_sentences() {
    let mut app = app((120, 40));
    // Only the sentences naming Cy Abel: his three mentions and Zander's and Quint's in them.
    keys(&mut app, "3 j j Enter f 2 o");
    assert_eq!(app.selected_actor().unwrap().name, "Cy Abel");
    let mut seen = Vec::new();
    for _ in 0..6 {
        let spot = app.name_spot().unwrap();
        seen.push(STORY[spot.start..spot.end].to_string());
        keys(&mut app, "o");
    }
    assert!(
        !seen.iter().any(|s| s.contains("Ada") || s.contains("Port")),
        "{seen:?}"
    );
    assert!(seen.contains(&"Cy Abel".to_string()), "{seen:?}");
}

const DETAIL: &str = "3 j i";

#[test]
fn i_shows_the_actor_in_full_with_its_quotes_events_and_sentences() {
    let mut app = app((120, 40));
    keys(&mut app, DETAIL);
    let s = screen(&app);
    for needle in [
        "Ada Quint · Esc close",
        "Kind        person",
        "Role        harbour master",
        "Affiliation Port Authority",
        "Also named  Quint",
        "Mentions    4 in 4 sentences",
        "Salience    2 of 4 in this article",
        "Quotes (1)",
        "▸ “The timbers can be saved before the autumn tides,”",
        "Events (2)",
        "Pier inspection",
        "Council meeting",
        "Sentences (4)",
        "Quint thanked the engineers",
    ] {
        assert!(s.contains(needle), "{needle} missing:\n{s}");
    }
    // Esc and q close it (q does not quit from it).
    keys(&mut app, "q");
    assert!(app.detail.is_none() && !app.quit);
    keys(&mut app, "i Esc");
    assert!(app.detail.is_none());
    // From the name cursor: the actor under it.
    keys(&mut app, "2 o o i");
    assert!(screen(&app).contains("Port Authority · Esc close"));
    keys(&mut app, "Esc Esc");
    // With no actor at hand, it says how to get one.
    let mut fresh = self::app((120, 40));
    keys(&mut fresh, "i");
    assert!(fresh.detail.is_none());
    assert!(
        status_line(&fresh).contains("no actor to show"),
        "{}",
        status_line(&fresh)
    );
    // The selected actor, from the text.
    keys(&mut fresh, "3 j j Enter 2 i");
    assert!(screen(&fresh).contains("Cy Abel · Esc close"));
}

#[test]
fn enter_in_the_detail_view_shows_the_sentence_the_event_or_the_quote() {
    for size in [(120, 40), (80, 24), (40, 15)] {
        // The last sentence: the actor selected at its fourth mention.
        let mut app = app(size);
        keys(&mut app, &format!("{DETAIL} G Enter"));
        assert!(app.detail.is_none());
        assert_eq!(app.selected, Some((1, 3)), "{size:?}");
        assert!(
            status_line(&app).contains("Ada Quint mention 4/4"),
            "{size:?}"
        );
        let s = screen(&app);
        let row = s.lines().find(|l| l.contains("Quint thanked")).unwrap();
        assert!(row.contains('▶'), "{size:?}: {row}");
        // The second event: the timeline's cursor and mark on it, the sentence in view.
        let mut app = self::app(size);
        keys(&mut app, &format!("{DETAIL} j j Enter"));
        assert_eq!(app.event, Some(1), "{size:?}");
        assert_eq!(app.event_cursor, 1);
        let s = screen(&app);
        let Some(row) = s.lines().find(|l| l.contains("Friday")) else {
            panic!("{size:?}:\n{s}");
        };
        assert!(row.contains('┃') || row.contains('▶'), "{size:?}: {row}");
        assert!(
            status_line(&app).contains("Ada Quint mention 3/4"),
            "{size:?}"
        );
        // The quotation: its sentence, the speaker's mention next to it current.
        let mut app = self::app(size);
        keys(&mut app, &format!("{DETAIL} g Enter"));
        assert_eq!(app.selected, Some((1, 1)), "{size:?}");
        assert!(
            screen(&app).contains("The timbers can be saved"),
            "{size:?}"
        );
    }
}

#[test]
fn the_detail_view_scrolls_to_its_last_entry_at_40x15() {
    let mut app = app((40, 15));
    keys(&mut app, DETAIL);
    assert!(!screen(&app).contains("Quint thanked"), "{}", screen(&app));
    keys(&mut app, "G");
    let s = screen(&app);
    assert!(s.contains("▸ Quint thanked the engineers"), "{s}");
    // Back to the first entry: the summary shows again above it.
    keys(&mut app, "g");
    assert!(screen(&app).contains("Kind"), "{}", screen(&app));
    // The help closes it and opens over the panels.
    keys(&mut app, "?");
    assert!(app.detail.is_none() && app.help.is_some());
}

#[test]
fn detail_view_snapshots() {
    for (cols, rows) in [(120, 40), (80, 24), (40, 15)] {
        for (name, keys_) in [("detail", DETAIL), ("detail_event", "3 j i j")] {
            let mut app = app((cols, rows));
            keys(&mut app, keys_);
            insta::assert_snapshot!(format!("{name}_{cols}x{rows}"), screen(&app), keys_);
        }
    }
}

#[test]
fn no_article_byte_reaches_the_terminal_as_a_control_sequence_in_the_detail_view() {
    let text =
        "Ada Quint\u{1b}[2J met the board\u{7}. “Go\u{1b}]52;c;eA==\u{7} now,” Quint said.\n";
    let quote = spans_of(text, "Go\u{1b}]52;c;eA==\u{7} now,")[0];
    let mention = |s: &str| {
        let (start, end) = spans_of(text, s)[0];
        Mention {
            start,
            end,
            form: MentionForm::Name,
        }
    };
    let analysis = Analysis {
        actors: vec![Actor {
            id: "ada-quint".into(),
            name: "Ada\u{1b}[31m Quint".into(),
            kind: ActorKind::Person,
            role: Some("chair\u{9b}1m".into()),
            affiliation: Some("Board\u{202e}".into()),
            aliases: vec!["Quint\u{7}".into()],
            mentions: vec![mention("Ada Quint"), mention("Quint said")],
        }],
        events: vec![Event {
            label: "vote\u{1b}[H".into(),
            place: Some("pier\u{1b}".into()),
            start: spans_of(text, "met the board")[0].0,
            end: spans_of(text, "met the board")[0].1,
            ..event("x", "2025-03-04", "met the engineers", &["ada-quint"])
        }],
        quotes: vec![Quote {
            speaker: Some("ada-quint".into()),
            start: quote.0,
            end: quote.1,
        }],
        ..Analysis::default()
    };
    let article = Article {
        title: "Board".into(),
        text: text.into(),
        ..Article::default()
    };
    for size in [(120, 40), (80, 24), (40, 15)] {
        let mut app = App::new(vec![article.clone()], Theme::new(true), KeyMap::default());
        app.resize(size.0, size.1);
        app.set_analysis(0, analysis.clone());
        for k in ["3 i", "3 i j", "3 i G", "o"] {
            keys(&mut app, &format!("Esc Esc {k}"));
            let ansi = brief::tui::buffer_to_ansi(&draw_buffer(&app));
            let bare = ansi.replace("\x1b[0m", "");
            let stripped = regex_lite_strip(&bare);
            for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
                assert!(!stripped.contains(c), "{size:?} {k}: {c:?} in\n{stripped}");
            }
        }
    }
}

/// `s` without the SGR sequences the renderer itself writes (`ESC [ digits ; … m`).
fn regex_lite_strip(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let n = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[n..].starts_with('m') {
            rest = &after[n + 1..];
        } else {
            out.push_str("\x1b[");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

mod random {
    use super::*;
    use proptest::prelude::*;

    fn key_name() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "o",
            "O",
            "i",
            "s",
            "j",
            "k",
            "n",
            "N",
            "g",
            "G",
            "f",
            "z",
            "?",
            "/",
            "Enter",
            "Esc",
            "Tab",
            "BackTab",
            "1",
            "2",
            "3",
            "4",
            "C-o",
            "C-n",
            "C-d",
            "PgDn",
            "PgUp",
            "q",
            "resize:0x0",
            "resize:200x50",
            "resize:30x8",
            "resize:40x15",
            "resize:1x1",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn names_detail_and_sort_keys_at_random_sizes_never_panic(
            w in 0u16..220, h in 0u16..70,
            keys_ in prop::collection::vec(key_name(), 0..50),
        ) {
            let mut app = app((w, h));
            for k in &keys_ {
                keys(&mut app, k);
                let _ = draw_buffer(&app);
            }
        }
    }
}

#[path = "support/headless.rs"]
mod headless;
use headless::{keys, sandbox, screen, status_line};

#[test]
fn render_on_a_file_goes_from_a_name_to_the_actor_and_its_quote() {
    // The real analysis, through the loader and `brief render`'s headless path.
    let dir = sandbox().join("render-names");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ferry.txt");
    std::fs::write(
        &path,
        "The ferry will run again next week\n\n\
         Mirela Vantok, the harbour director, said on Monday that the ferry would run again \
         from next week.\n\n\
         “The new hull has passed every test,” said Mirela Vantok.\n\n\
         Vantok thanked the crews for their patience.\n",
    )
    .unwrap();
    let loaded = brief::load::load_paths(std::slice::from_ref(&path));
    let render = |keys: &str| {
        brief::tui::render(
            brief::load::load_paths(std::slice::from_ref(&path)),
            (80, 24),
            keys,
            false,
            brief::tui::ColorMode::Never,
        )
        .unwrap()
    };
    assert_eq!(loaded.articles.len(), 1);
    let named = render("o");
    let status = named.lines().last().unwrap_or_default();
    assert!(status.contains("› Mirela Vantok"), "{named}");
    let selected = render("o Enter");
    assert!(
        selected
            .lines()
            .last()
            .unwrap_or_default()
            .contains("Mirela Vantok mention 1/"),
        "{selected}"
    );
    let detail = render("o i");
    for needle in [
        "Mirela Vantok · Esc close",
        "Kind        person",
        "Quotes (1)",
        "“The new hull has passed every test,”",
        "Sentences (",
    ] {
        assert!(detail.contains(needle), "{needle} missing:\n{detail}");
    }
}

#[test]
fn the_name_cursor_leaves_when_another_panel_takes_the_focus() {
    let mut app = app((120, 40));
    // From the actors panel, o moves the focus to the text, where the cursor is.
    keys(&mut app, "3 o");
    assert_eq!(app.focus, brief::tui::layout::Panel::Body);
    assert!(app.name_cursor.is_some());
    // 3 again: the cursor goes, and Enter selects the panel's actor (Bo Zander, the first).
    keys(&mut app, "3");
    assert_eq!(app.name_cursor, None);
    keys(&mut app, "Enter");
    assert_eq!(app.selected_actor().unwrap().name, "Bo Zander");
}

#[test]
fn the_detail_views_sentences_show_the_actors_names_in_its_kinds_style() {
    use ratatui::style::Modifier;
    let mut app = app((120, 40));
    keys(&mut app, DETAIL);
    // Ada Quint is a person: bold without colour; the words around the name are not.
    let m = style_at(&app, "Quint thanked the engineers");
    assert!(m.contains(Modifier::BOLD), "{m:?}");
    let m = style_at(&app, "thanked the engineers");
    assert!(!m.contains(Modifier::BOLD), "{m:?}");
}

#[test]
fn ctrl_o_after_going_from_the_detail_view_comes_back() {
    let mut app = app((80, 24));
    keys(&mut app, "2");
    let top = app.top_line();
    keys(&mut app, &format!("{DETAIL} G"));
    assert!(
        status_line(&app).contains("Enter go to"),
        "{}",
        status_line(&app)
    );
    keys(&mut app, "Enter");
    assert!(app.top_line() > top);
    keys(&mut app, "C-o");
    assert_eq!(app.top_line(), top);
    // A name selected with the cursor is a place to come back to, with its mention.
    keys(&mut app, "2 G o Enter");
    let (there, selected) = (app.top_line(), app.selected);
    assert!(there > top && selected.is_some());
    keys(&mut app, "2 g C-o");
    assert_eq!((app.top_line(), app.selected), (there, selected));
}

#[test]
fn o_and_i_before_the_analysis_say_so_and_change_nothing() {
    let article = Article {
        title: "Harbour".into(),
        text: STORY.into(),
        ..Article::default()
    };
    let mut app = App::new_deferred(vec![article], Theme::new(false), KeyMap::default());
    app.resize(80, 24);
    keys(&mut app, "o");
    assert_eq!(app.name_cursor, None);
    assert!(
        app.notice.as_deref().unwrap_or("").contains("analysis"),
        "{:?}",
        app.notice
    );
    keys(&mut app, "i");
    assert!(app.detail.is_none());
    keys(&mut app, "s");
    let _ = screen(&app);
}

#[test]
fn in_the_library_scope_s_and_i_keep_to_this_articles_actors() {
    let second = Article {
        title: "Second".into(),
        text: "Cy Abel opened the market on Monday.\n".into(),
        ..Article::default()
    };
    let first = Article {
        title: "Harbour board backs pier repair".into(),
        text: STORY.into(),
        ..Article::default()
    };
    let mut app = App::new(vec![first, second], Theme::new(false), KeyMap::default());
    app.resize(120, 40);
    app.set_analysis(0, analysis());
    keys(&mut app, "A");
    assert!(app.scope.library);
    // The panel lists the library's actors: s does not reorder what it does not show.
    keys(&mut app, "s");
    assert_eq!(app.actor_sort, brief::tui::app::ActorSort::Salience);
    assert!(
        status_line(&app).contains("orders this article's actors"),
        "{}",
        status_line(&app)
    );
    // i on the library's actors panel: the library's actor, across the articles (see
    // tests/library_scope.rs), not this article's detail view.
    keys(&mut app, "3 i");
    assert!(app.detail.is_none());
    assert!(
        matches!(
            app.scope.overlay,
            Some(brief::tui::app::Overlay::Actor { .. })
        ),
        "{}",
        screen(&app)
    );
    keys(&mut app, "Esc");
    // From a name in the text it is this article's.
    keys(&mut app, "o i");
    assert!(
        screen(&app).contains("Ada Quint · Esc close"),
        "{}",
        screen(&app)
    );
}

#[test]
fn y_in_the_detail_view_copies_the_quote_with_its_speaker() {
    let mut app = app((120, 40));
    app.clipboard_on = true;
    // The cursor opens on the quotation.
    keys(&mut app, &format!("{DETAIL} y"));
    let copied = app.take_clipboard().expect("y copies the quote");
    assert!(
        copied.starts_with("\u{201c}The timbers can be saved before the autumn tides,\u{201d} said Ada Quint — Harbour board backs pier repair"),
        "{copied}"
    );
    assert!(app.detail.is_some(), "y leaves the view open");
    // The last entry: a sentence naming her.
    keys(&mut app, "G y");
    let copied = app.take_clipboard().expect("y copies the sentence");
    assert!(
        copied.starts_with("Quint thanked the engineers"),
        "{copied}"
    );
}
