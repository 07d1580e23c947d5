//! The analysis on any text with any reference date: no panic, every span in bounds, on char
//! boundaries, start < end, and the JSON contract serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

use brief::model::Article;

fn check(text: &str, what: &str, start: usize, end: usize) {
    assert!(
        start < end && end <= text.len(),
        "{what} {start}..{end} of {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} off a char boundary"
    );
}

fuzz_target!(|input: (i16, u8, u8, bool, &str)| {
    let (year, month, day, dated, text) = input;
    // Any day jiff can represent (years -9999..=9999); an impossible one means no date given.
    let date = jiff::civil::Date::new(year % 10_000, (month % 12 + 1) as i8, (day % 31 + 1) as i8)
        .ok()
        .filter(|_| dated);
    let article = Article {
        title: String::from("Fuzz"),
        text: text.to_string(),
        published: date.filter(|_| year % 2 == 0),
        ..Article::default()
    };
    let options = brief::Options {
        date: date.filter(|_| year % 2 != 0),
    };
    let analysis = brief::analyze(&article, &options);
    for a in &analysis.actors {
        for m in &a.mentions {
            check(text, "mention", m.start, m.end);
        }
    }
    for t in &analysis.timexes {
        check(text, "timex", t.start, t.end);
    }
    for e in &analysis.events {
        check(text, "event", e.start, e.end);
    }
    for q in &analysis.quotes {
        check(text, "quote", q.start, q.end);
    }
    let json = brief::contract::to_json(&[(&article, &analysis)]);
    assert!(json.starts_with('{') || json.starts_with('['));
});
