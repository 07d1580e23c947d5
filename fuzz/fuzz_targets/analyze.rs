//! The analysis on any text with any reference date: no panic, every span in bounds, on char
//! boundaries, start < end, and the JSON contract serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

use brief::model::Article;

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
    if let Err(e) = analysis.check_spans(text) {
        panic!("{e}");
    }
    let json = brief::contract::to_json(&[(&article, &analysis)]);
    assert!(json.starts_with('{') || json.starts_with('['));
});
