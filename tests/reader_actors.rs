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
use brief::tui::{App, buffer_to_text, draw_buffer, parse_keys, replay};

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

fn screen(app: &App) -> String {
    buffer_to_text(&draw_buffer(app))
}

fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

fn keys(app: &mut App, keys: &str) {
    replay(app, &parse_keys(keys).unwrap());
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
