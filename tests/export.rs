//! Exports of a briefing: each format read back by a parser and checked field by field; the
//! memo as snapshots. Every article here is made up.

use brief::briefing::{Briefing, Interval};
use brief::export::{self, Input};
use brief::model::{Article, Curated, CuratedEvent};
use brief::{Analysis, Options, analyze};

fn article(title: &str, source: &str, date: &str, text: &str) -> Article {
    Article {
        title: title.into(),
        source: Some(source.into()),
        published: date.parse().ok(),
        text: text.into(),
        ..Article::default()
    }
}

/// Three made-up reports of one summit, and a fourth on another one.
fn made_up() -> Vec<Article> {
    vec![
        article(
            "Ministers meet in Lisbon",
            "The Harbour Gazette",
            "2031-03-04",
            "Foreign Minister Lena Okafor of Norway met her Chilean counterpart Tomas Varga in \
             Lisbon on Tuesday for a trade summit.\n“We have agreed to open talks on a new \
             shipping corridor before the end of the year,” Okafor said after the meeting.\n\
             Varga said the two countries would meet again in Oslo in June.",
        ),
        article(
            "Norway and Chile agree on shipping talks",
            "Northern Wire",
            "2031-03-05",
            "Norway and Chile agreed on Tuesday at a summit in Lisbon to open talks on a shipping \
             corridor, Foreign Minister Lena Okafor said.\n“This corridor will cut the voyage by \
             a week for every ship that takes it,” said Tomas Varga, Chile's foreign minister.",
        ),
        article(
            "Okafor heads to Tallinn",
            "The Harbour Gazette",
            "2031-03-10",
            "Lena Okafor will attend a summit in Tallinn on 21 March 2031, her office said.\n\
             Okafor said: “The Baltic states are our closest partners on fisheries and energy.”",
        ),
    ]
}

struct Fixture {
    articles: Vec<Article>,
    analyses: Vec<Analysis>,
    briefing: Briefing,
}

impl Fixture {
    fn new(articles: Vec<Article>) -> Self {
        let analyses: Vec<Analysis> = articles
            .iter()
            .map(|a| analyze(a, &Options::default()))
            .collect();
        let briefing = Briefing::from_analyses(
            analyses
                .iter()
                .zip(&articles)
                .map(|(an, a)| (an, a.text.as_str())),
        );
        Self {
            articles,
            analyses,
            briefing,
        }
    }

    fn input(&self) -> Input<'_> {
        Input {
            articles: &self.articles,
            analyses: &self.analyses,
            briefing: &self.briefing,
        }
    }
}

/// An article whose curated events carry hostile labels and places.
fn hostile() -> Article {
    let mut a = article(
        "=cmd|' /C calc'!A0",
        "@evil, \"quoted\"",
        "2031-05-01",
        "Nothing happened here.",
    );
    a.curated = Curated {
        actors: vec![],
        events: vec![
            CuratedEvent {
                label: "=HYPERLINK(\"http://x\"),\r\nEND:VEVENT\r\nBEGIN:VEVENT;<script>alert(1)</script> \\ done"
                    .into(),
                date: Some("2031-05-02".into()),
                place: Some("+Lisbon; Porto, \"Old\" Town\n<b>".into()),
                kind: Some("-meeting".into()),
                participants: vec![],
            },
            CuratedEvent {
                label: "A very long label that goes on and on, with commas, semicolons; and \
                        backslashes \\ and ünïcödé letters that take two octets each, so that \
                        folding has to be careful not to cut a character in two"
                    .into(),
                date: Some("2031-06".into()),
                place: None,
                kind: Some("talks".into()),
                participants: vec![],
            },
        ],
    };
    a
}

fn all_fixtures() -> Vec<Fixture> {
    vec![
        Fixture::new(made_up()),
        Fixture::new(vec![hostile(), made_up().remove(0)]),
        Fixture::new(vec![brief::load::sample()]),
    ]
}

#[test]
fn timelinejs_round_trip() {
    for f in all_fixtures() {
        let json = export::timelinejs(&f.input());
        let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let events = doc["events"].as_array().expect("events");
        let dated: Vec<_> = f
            .briefing
            .events
            .iter()
            .filter(|e| e.date.as_deref().and_then(Interval::parse).is_some())
            .collect();
        assert_eq!(events.len(), dated.len());
        for (ev, e) in events.iter().zip(&dated) {
            let d = Interval::parse(e.date.as_deref().unwrap()).unwrap();
            assert_eq!(ev["start_date"]["year"], i64::from(d.first.year()));
            if ev["start_date"].get("month").is_some() {
                assert_eq!(ev["start_date"]["month"], i64::from(d.first.month()));
            }
            if ev["start_date"].get("day").is_some() {
                assert_eq!(ev["start_date"]["day"], i64::from(d.first.day()));
            } else {
                assert!(ev["display_date"].is_string(), "approximate: {ev}");
            }
            assert_eq!(ev["unique_id"], e.id.as_str());
            let headline = ev["text"]["headline"].as_str().unwrap();
            assert_eq!(headline, export::escape_html(&e.label));
            assert!(!headline.contains('<') && !headline.contains('\n'));
            assert_eq!(ev["group"], export::escape_html(&e.kind).as_str());
            assert!(!ev["text"]["text"].as_str().unwrap().contains("<script"));
        }
    }
}

#[test]
fn ics_round_trip() {
    for f in all_fixtures() {
        let ics = export::ics(&f.input(), "20310101T000000Z");
        // CRLF everywhere, no line over 75 octets, continuation lines start with a space.
        assert!(ics.ends_with("\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        let unfolded = icalendar::parser::unfold(&ics);
        let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
        let vevents: Vec<_> = cal
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VEVENT")
            .collect();
        assert_eq!(vevents.len(), cal.components.len());
        let dated: Vec<_> = f
            .briefing
            .events
            .iter()
            .filter(|e| e.date.as_deref().and_then(Interval::parse).is_some())
            .collect();
        assert_eq!(vevents.len(), dated.len());
        for (c, e) in vevents.iter().zip(&dated) {
            let prop = |n: &str| {
                c.find_prop(n)
                    .unwrap_or_else(|| panic!("{n} missing"))
                    .val
                    .clone()
                    .unescape_text()
                    .as_str()
                    .to_string()
            };
            let d = Interval::parse(e.date.as_deref().unwrap()).unwrap();
            let start = c.find_prop("DTSTART").unwrap();
            assert_eq!(
                start.val.as_str(),
                format!(
                    "{:04}{:02}{:02}",
                    d.first.year(),
                    d.first.month(),
                    d.first.day()
                )
            );
            assert!(start.params.iter().any(|p| p.key.as_str() == "VALUE"));
            let summary = prop("SUMMARY");
            let label: String = e.label.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(summary, label);
            assert!(prop("UID").starts_with(&e.id));
            assert_eq!(prop("DTSTAMP"), "20310101T000000Z");
            if let Some(p) = &e.place {
                let p: String = p.split_whitespace().collect::<Vec<_>>().join(" ");
                assert_eq!(prop("LOCATION"), p);
            }
        }
    }
}

#[test]
fn csv_round_trip() {
    for f in all_fixtures() {
        let text = export::csv(&f.input());
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        assert_eq!(
            header,
            ["date", "label", "kind", "place", "participants", "sources"]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), f.briefing.events.len());
        let clean = |s: &str| {
            let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.starts_with(['=', '+', '-', '@']) {
                format!("'{s}")
            } else {
                s
            }
        };
        for (row, e) in rows.iter().zip(&f.briefing.events) {
            assert_eq!(row.len(), 6);
            assert_eq!(&row[0], e.date.as_deref().unwrap_or(""));
            assert_eq!(row[1], clean(&e.label));
            assert_eq!(row[2], clean(&e.kind));
            assert_eq!(row[3], clean(e.place.as_deref().unwrap_or("")));
            for cell in row.iter() {
                assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
            }
        }
    }
}

#[test]
fn memo_snapshots() {
    let sample = Fixture::new(vec![brief::load::sample()]);
    insta::assert_snapshot!("memo_sample", export::markdown(&sample.input()));
    let made_up = Fixture::new(made_up());
    insta::assert_snapshot!("memo_made_up", export::markdown(&made_up.input()));
}

#[test]
fn memo_quotes_across_articles_and_escapes_the_text() {
    let f = Fixture::new(made_up());
    let memo = export::markdown(&f.input());
    assert!(memo.contains("## Notable quotes"));
    assert!(memo.contains("shipping corridor"), "{memo}");
    assert!(memo.contains("**Lena Okafor**"), "{memo}");
    let h = Fixture::new(vec![hostile(), made_up().remove(0)]);
    let memo = export::markdown(&h.input());
    assert!(!memo.contains("<script>"), "{memo}");
    assert!(memo.contains("\\<script\\>"));
}
