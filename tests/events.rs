//! Events end to end: property tests on any input, and the timeline of the bundled sample.

use brief::analysis::events::{extract, sort_timeline};
use brief::model::{Actor, ActorKind, Event, Mention, MentionForm, Timex, TimexType};
use brief::segment::Document;
use jiff::civil::Date;
use proptest::prelude::*;

fn check(text: &str, events: &[Event]) {
    for e in events {
        assert!(e.start < e.end, "{e:?}");
        assert!(e.end <= text.len(), "{e:?}");
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        assert!(!e.label.is_empty());
    }
    let mut sorted = events.to_vec();
    sort_timeline(&mut sorted);
    assert_eq!(sorted, events);
}

/// Words that trigger every rule, mixed with anything.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "a",
        "another",
        "talks",
        "meeting",
        "met",
        "visit",
        "to",
        "in",
        "at",
        "Paris",
        "Summit",
        "Conference",
        "Munich",
        "Security",
        "Olympics",
        "telephone",
        "call",
        "with",
        "invasion",
        "of",
        "Ukraine",
        "Russian",
        "'s",
        "’s",
        ",",
        ".",
        "–",
        "will",
        "signed",
        "deal",
        "stop",
        "on",
        "Monday",
        "\n",
        "\n\n",
        "é",
        "日本",
        "called",
        "war",
        "the",
    ]);
    prop::collection::vec(
        prop_oneof![words.prop_map(str::to_string), any::<String>()],
        0..40,
    )
    .prop_map(|v| v.join(" "))
}

/// Spans snapped to char boundaries (possibly empty or reversed: the extractor must cope).
fn spans(text: &str, raw: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let snap = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    raw.iter().map(|&(a, b)| (snap(a), snap(b))).collect()
}

proptest! {
    #[test]
    fn any_text_gives_sane_sorted_events(
        text in newsy(),
        raw in prop::collection::vec((0usize..400, 0usize..400), 0..12),
        kinds in prop::collection::vec(0u8..5, 12),
    ) {
        let s = spans(&text, &raw);
        let mut actors = Vec::new();
        let mut timexes = Vec::new();
        for (k, &(a, b)) in s.iter().enumerate() {
            if k % 2 == 0 {
                let kind = match kinds[k] {
                    0 => ActorKind::Person,
                    1 => ActorKind::Organisation,
                    2 => ActorKind::Country,
                    3 => ActorKind::Group,
                    _ => ActorKind::Place,
                };
                actors.push(Actor {
                    id: format!("a{k}"),
                    name: text.get(a..b).unwrap_or("x").to_string(),
                    kind,
                    role: None,
                    affiliation: None,
                    aliases: vec![],
                    mentions: vec![Mention { start: a, end: b, form: MentionForm::Name }],
                });
            } else {
                timexes.push(Timex {
                    start: a,
                    end: b,
                    kind: TimexType::Date,
                    value: Some(format!("2025-02-{:02}", k + 1)),
                });
            }
        }
        let doc = Document::new(&text);
        let events = extract(&doc, &actors, &timexes, Date::new(2025, 2, 18).ok());
        check(&text, &events);
    }

    #[test]
    fn any_string_without_actors_gives_sane_events(text in any::<String>()) {
        let doc = Document::new(&text);
        let events = extract(&doc, &[], &[], None);
        check(&text, &events);
    }
}

/// The bundled sample's timeline, read as `brief analyze --date 2025-02-18` reads it.
#[test]
fn sample_timeline() {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../assets/briefings/riyadh-talks.json"))
            .expect("the sample is JSON");
    let article = brief::Article {
        title: json["title"].as_str().unwrap_or_default().to_string(),
        text: json["text"].as_str().unwrap_or_default().to_string(),
        ..brief::Article::default()
    };
    let options = brief::Options {
        date: Date::new(2025, 2, 18).ok(),
    };
    let analysis = brief::analyze(&article, &options);
    let timeline: Vec<String> = analysis
        .events
        .iter()
        .map(|e| {
            format!(
                "{} | {} | {} | {} | {} | {:?}",
                e.date.as_deref().unwrap_or("undated"),
                e.label,
                e.kind,
                e.place.as_deref().unwrap_or("-"),
                e.participants.join(","),
                e.span().of(&article.text),
            )
        })
        .collect();
    check(&article.text, &analysis.events);
    insta::assert_json_snapshot!(timeline);
}
